//! A load test of `concord serve` on loopback: 200 requests at once, half comparing two
//! protocols and half redlining two versions, every one answered and answered right, none
//! dropped; it prints the latencies (p50, p99) and the server's peak memory, the figures of
//! docs/performance.md. A benchmark, not a timed assertion: it stops by itself, and fails only
//! on a wrong or missing answer.
//!
//! `CONCORD_BIN=target/release/concord cargo test -p concord --test serve_load -- --ignored
//! --nocapture` measures the release build, as docs/performance.md does.

mod support;

use std::path::PathBuf;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use support::{Part, Server, repo};

/// Requests sent at once.
const AT_ONCE: usize = 200;

#[test]
#[ignore = "a load test of 200 concurrent requests: .ci/run runs it"]
fn two_hundred_concurrent_compares_and_redlines_are_all_answered() {
    let bin = std::env::var_os("CONCORD_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_concord")),
        PathBuf::from,
    );
    let s = Server::start_with(&bin, &["--timeout", "600"]);
    let session = s.session("/compare");
    let read = |p: &str| std::fs::read(repo().join(p)).expect("fixture");
    let compare = s.post_bytes(
        "/compare",
        Some(&session),
        &[
            Part::file(
                "files",
                "tewkesbury.txt",
                &read("corpus/003_d91a8e6c4f59d3bb.txt"),
            ),
            Part::field("corpus", "004_71cbc2f1760365f7"),
        ],
        &[],
    );
    let redline = s.post_bytes(
        "/redline",
        Some(&session),
        &[
            Part::file(
                "old",
                "previous.md",
                &read("templates/examples/site/previous.md"),
            ),
            Part::file(
                "new",
                "protocol.md",
                &read("templates/examples/site/protocol.md"),
            ),
        ],
        &[],
    );
    // What a right answer holds, from the command line on the same files: the bundled
    // protocol's answer to the first question, and the redline's counts.
    let (answer, counts) = expected(&bin);
    let requests = Arc::new([compare, redline]);
    let barrier = Arc::new(Barrier::new(AT_ONCE));
    let started = Instant::now();
    let handles: Vec<_> = (0..AT_ONCE)
        .map(|i| {
            let (requests, barrier, addr) = (Arc::clone(&requests), Arc::clone(&barrier), s.addr);
            std::thread::spawn(move || {
                barrier.wait();
                let t = Instant::now();
                let r = support::send(addr, &requests[i % 2]);
                (i % 2, r, t.elapsed())
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = Vec::new();
    let mut wrong = Vec::new();
    for h in handles {
        let (kind, r, took) = h.join().expect("a request thread");
        latencies.push(took);
        let right = r.status == 200
            && if kind == 0 {
                r.h1() == "Answers side by side"
                    && r.body.contains(&answer)
                    && r.body.matches("class=\"summary\"").count() > 10
            } else {
                r.h1() == "Redline" && r.body.contains(&counts) && r.body.contains("<del>")
            };
        if !right {
            wrong.push(format!(
                "{} {}: {}",
                ["compare", "redline"][kind],
                r.status,
                r.h1()
            ));
        }
    }
    let wall = started.elapsed();
    latencies.sort();
    let at = |q: f64| {
        latencies[((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len()) - 1]
    };
    let peak = s
        .peak_kb()
        .map_or_else(|| "unknown".into(), |kb| format!("{} MB", kb / 1024));
    println!(
        "{AT_ONCE} requests at once ({} compare, {} redline): all answered in {:.1} s; p50 {:.2} s, p99 {:.2} s, max {:.2} s; server peak memory {peak}",
        AT_ONCE.div_ceil(2),
        AT_ONCE / 2,
        wall.as_secs_f64(),
        at(0.50).as_secs_f64(),
        at(0.99).as_secs_f64(),
        at(1.0).as_secs_f64(),
    );
    assert!(
        wrong.is_empty(),
        "{} wrong or missing answers: {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(5)]
    );
}

/// The answer of `tewkesbury` (seed 003) to the first question, as the page escapes it, and the
/// redline's counts as the page says them, from `concord compare` and `concord diff` as JSON.
fn expected(bin: &std::path::Path) -> (String, String) {
    let run = |args: &[&str]| -> serde_json::Value {
        let out = std::process::Command::new(bin)
            .current_dir(repo())
            .args(args)
            .output()
            .expect("concord runs");
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let c = run(&[
        "compare",
        "corpus/003_d91a8e6c4f59d3bb.txt",
        "--format",
        "json",
    ]);
    let summary = c["questions"][0]["answers"]["003_d91a8e6c4f59d3bb"]["summary"]
        .as_str()
        .expect("seed 003 answers the first question")
        .to_string();
    let d = run(&[
        "diff",
        "templates/examples/site/previous.md",
        "templates/examples/site/protocol.md",
        "--format",
        "json",
    ]);
    let n = |k: &str| d["summary"][k].as_u64().unwrap_or(u64::MAX);
    let counts = format!(
        "{} changed, {} added, {} removed, {} unchanged.",
        n("changed"),
        n("added"),
        n("removed"),
        n("unchanged")
    );
    (escape(&summary), counts)
}

/// Text as the page's templates escape it.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}
