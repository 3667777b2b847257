//! `cargo xtask bench`: Concord beside the tools users would otherwise run, on the same inputs,
//! in one run, reported as ratios (the machine's speed drifts by tens of percent within an
//! hour, so absolute times mean little; a ratio measured side by side does not).
//!
//! Each measurement is the best of several runs. In-process timings call the library; "whole
//! process" timings run the release binary. Baselines that are not installed (pandoc, python3,
//! git) are skipped with a note, never faked. `--record` writes the report to
//! `docs/performance.md`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::Context as _;

use crate::corpus::{Pool, Rng, pair, write_corpus};

mod scale;
pub use scale::run as scale;

/// How many times each measurement runs; the best run counts.
const RUNS: usize = 5;

/// The report being built: one row per comparison.
#[derive(Debug, Default)]
struct Report {
    rows: Vec<Row>,
    notes: Vec<String>,
}

#[derive(Debug)]
struct Row {
    what: String,
    ours: Duration,
    baseline: String,
    theirs: Option<Duration>,
    target: String,
}

impl Report {
    fn row(
        &mut self,
        what: &str,
        ours: Duration,
        baseline: &str,
        theirs: Option<Duration>,
        target: &str,
    ) {
        let ratio = theirs.map(|t| ratio(t, ours));
        println!(
            "{what:<46} {:>9}  vs {baseline:<34} {:>9}  {}",
            fmt(ours),
            theirs.map_or("-".to_string(), fmt),
            ratio.map_or("skipped".to_string(), |r| format!("{r} ({target})"))
        );
        self.rows.push(Row {
            what: what.into(),
            ours,
            baseline: baseline.into(),
            theirs,
            target: target.into(),
        });
    }

    fn markdown(&self, machine: &str) -> String {
        let mut out = String::from("## Measurements\n\n");
        out.push_str("Measured by `cargo xtask bench --record`, which rewrites this section. Every row compares Concord with a baseline on the same input in the same run; the ratio is what counts, since this machine's speed drifts within an hour. Times are the best of ");
        let _ = writeln!(out, "{RUNS} runs.\n");
        let _ = writeln!(out, "Machine: {machine}\n");
        out.push_str("| measurement | Concord | baseline | baseline time | ratio | target |\n|---|---|---|---|---|---|\n");
        for r in &self.rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                r.what,
                fmt(r.ours),
                r.baseline,
                r.theirs.map_or("skipped".to_string(), fmt),
                r.theirs.map_or("-".to_string(), |t| ratio(t, r.ours)),
                r.target
            );
        }
        if !self.notes.is_empty() {
            out.push_str("\n## Notes\n\n");
            for n in &self.notes {
                let _ = writeln!(out, "- {n}");
            }
        }
        out
    }
}

/// "12.3x faster" when ours is quicker, "2.1x slower" when not.
fn ratio(theirs: Duration, ours: Duration) -> String {
    let (t, o) = (theirs.as_secs_f64(), ours.as_secs_f64().max(1e-9));
    if t >= o {
        format!("{:.1}x faster", t / o)
    } else {
        format!("{:.1}x slower", o / t.max(1e-9))
    }
}

fn fmt(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 0.001 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.0} µs", s * 1e6)
    }
}

/// The best of [`RUNS`] timings of `f`.
fn best<T>(mut f: impl FnMut() -> T) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..RUNS {
        let start = Instant::now();
        std::hint::black_box(f());
        best = best.min(start.elapsed());
    }
    best
}

/// The best of [`RUNS`] wall times of a command, or None when it cannot run.
fn best_command(mut make: impl FnMut() -> Command) -> Option<Duration> {
    let mut best = Duration::MAX;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = make().output().ok()?;
        let took = start.elapsed();
        // git diff --no-index exits 1 when the files differ.
        if !out.status.success() && out.status.code() != Some(1) {
            return None;
        }
        best = best.min(took);
    }
    Some(best)
}

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Peak resident memory of a command in KiB, from GNU time, or None.
fn peak_kib(cmd: Command) -> Option<u64> {
    let program = cmd.get_program().to_owned();
    let args: Vec<_> = cmd.get_args().map(|a| a.to_owned()).collect();
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(program)
        .args(args)
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    err.lines().last()?.trim().parse().ok()
}

const DIFFLIB: &str = r#"
import sys, time, difflib
a = open(sys.argv[1], encoding="utf-8").read().split()
b = open(sys.argv[2], encoding="utf-8").read().split()
start = time.perf_counter()
ops = difflib.SequenceMatcher(None, a, b).get_opcodes()
print(time.perf_counter() - start)
"#;

/// `cargo xtask bench [--quick] [--record] [--ingest]` (`--ingest`: the corpus ingest rows
/// only, a quick look while working on the reader; it records nothing).
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let quick = args.iter().any(|a| a == "--quick");
    let ingest_only = args.iter().any(|a| a == "--ingest");
    let record = args.iter().any(|a| a == "--record") && !ingest_only;
    if let Some(bad) = args
        .iter()
        .find(|a| !matches!(a.as_str(), "--quick" | "--record" | "--ingest"))
    {
        anyhow::bail!(
            "unknown option {bad:?}; usage: cargo xtask bench [--quick] [--record] [--ingest]"
        );
    }
    let root = crate::root();
    if cfg!(debug_assertions) {
        // In-process timings of a debug build mean nothing: run the optimised xtask instead.
        let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["run", "--release", "-q", "-p", "xtask", "--", "bench"])
            .args(args)
            .current_dir(&root)
            .status()
            .context("running the release build of xtask")?;
        anyhow::ensure!(status.success(), "the benchmark failed");
        return Ok(());
    }
    let dir = root.join("target/bench");
    let concord = build_release(&root)?;
    let pool = Pool::from_corpus(&root)?;
    let mut report = Report::default();
    if !Path::new("/usr/bin/time").exists() {
        report.notes.push(
            "GNU time not found (`apt-get install time`): the peak memory comparisons were skipped"
                .into(),
        );
    }

    // Inputs, deterministic from fixed seeds.
    let corpus_dir = dir.join("corpus-2000");
    let count = if quick { 200 } else { 2000 };
    if !corpus_dir.join(format!("p{:05}.txt", count - 1)).exists() {
        std::fs::create_dir_all(&corpus_dir)?;
        write_corpus(&pool, &corpus_dir, count, 1)?;
    }
    let mut pairs = Vec::new();
    for (name, bytes) in [("256k", 256_000usize), ("1m", 1_000_000)] {
        let (old, new) = pair(&mut Rng::new(7), &pool, bytes);
        let (o, n) = (
            dir.join(format!("pair-{name}-old.md")),
            dir.join(format!("pair-{name}-new.md")),
        );
        std::fs::write(&o, &old)?;
        std::fs::write(&n, &new)?;
        pairs.push((name, o, n, old, new));
    }

    println!(
        "{:<46} {:>9}     {:<34} {:>9}  ratio (target)",
        "measurement", "concord", "baseline", "time"
    );

    // 1. Corpus ingest against the floors: a raw pulldown-cmark parse and reading the bytes.
    let files: Vec<Vec<u8>> = sorted_files(&corpus_dir)?
        .iter()
        .take(count)
        .map(std::fs::read)
        .collect::<Result<_, _>>()?;
    let total: usize = files.iter().map(Vec::len).sum();
    let ingest = best(|| {
        files
            .iter()
            .map(|b| {
                concord_ingest::read(b, "p", &Default::default()).map(|p| p.document.sections.len())
            })
            .filter_map(Result::ok)
            .sum::<usize>()
    });
    let raw_md = best(|| {
        files
            .iter()
            .map(|b| {
                let s = std::str::from_utf8(b).unwrap_or("");
                pulldown_cmark::Parser::new(s).count()
            })
            .sum::<usize>()
    });
    let what = format!(
        "ingest {count} protocols ({} MB), 1 thread",
        total / 1_000_000
    );
    report.row(
        &what,
        ingest,
        "raw pulldown-cmark parse",
        Some(raw_md),
        "within 10x slower",
    );
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let parallel = best(|| ingest_parallel(&files, threads));
    report.row(
        &format!("ingest {count} protocols, {threads} threads"),
        parallel,
        "raw pulldown-cmark parse, 1 thread",
        Some(raw_md),
        "within 2x slower",
    );
    let cat = best_command(|| {
        let mut c = Command::new("cat");
        c.args(
            sorted_files(&corpus_dir)
                .unwrap_or_default()
                .iter()
                .take(count),
        );
        c.stdout(std::process::Stdio::null());
        c
    });
    let ingest_cmd = best_command(|| {
        let mut c = Command::new(&concord);
        c.arg("ingest").arg("--format").arg("outline");
        c.args(
            sorted_files(&corpus_dir)
                .unwrap_or_default()
                .iter()
                .take(count),
        );
        c.stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        c
    });
    if let Some(ours) = ingest_cmd {
        report.row(
            &format!("`concord ingest` of {count} files, whole process"),
            ours,
            "`cat` of the same files (I/O floor)",
            cat,
            "report",
        );
    }

    if ingest_only {
        return Ok(());
    }

    // 2. Redlines.
    for (name, o, n, old, new) in &pairs {
        let ours = best(|| redline(old, new));
        let (floor, raw) = fastest_floor(old, new);
        report.row(
            &format!("redline {name} pair, in process"),
            ours,
            &format!("plain `similar` word diff ({floor})"),
            Some(raw),
            "within 3x slower",
        );
        if *name == "1m" {
            let py = if have("python3") {
                difflib_seconds(o, n)
            } else {
                report
                    .notes
                    .push("python3 not found: the difflib baseline was skipped".into());
                None
            };
            report.row(
                "redline 1m pair, in process",
                ours,
                "Python difflib SequenceMatcher",
                py,
                "at least 80x faster",
            );
            let whole = best_command(|| {
                let mut c = Command::new(&concord);
                c.arg("diff").arg(o).arg(n).arg("--format").arg("json");
                c.stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null());
                c
            });
            let git = if have("git") {
                best_command(|| {
                    let mut c = Command::new("git");
                    c.args(["diff", "--no-index", "--word-diff=porcelain"])
                        .arg(o)
                        .arg(n);
                    c.stdout(std::process::Stdio::null());
                    c
                })
            } else {
                None
            };
            if let Some(w) = whole {
                report.row(
                    "`concord diff` 1m pair, whole process",
                    w,
                    "`git diff --no-index --word-diff`",
                    git,
                    "within 10x slower",
                );
                // The honest floor: a process that reads both files and runs the fastest
                // plain word diff, whole process against whole process.
                let floor_cmd = best_command(|| {
                    let mut c =
                        Command::new(std::env::current_exe().unwrap_or_else(|_| "xtask".into()));
                    c.arg("bench-raw-similar")
                        .arg(floor)
                        .arg(o)
                        .arg(n)
                        .stdout(std::process::Stdio::null());
                    c
                });
                report.row(
                    "`concord diff` 1m pair, whole process",
                    w,
                    &format!("plain `similar` word diff ({floor}), whole process"),
                    floor_cmd,
                    "within 3x slower",
                );
            }
            let mut ours_cmd = Command::new(&concord);
            ours_cmd
                .arg("diff")
                .arg(o)
                .arg(n)
                .arg("--format")
                .arg("json")
                .arg("-o")
                .arg(dir.join("pair.json"));
            let mut raw_cmd = Command::new(std::env::current_exe()?);
            raw_cmd.arg("bench-raw-similar").arg(floor).arg(o).arg(n);
            if let (Some(a), Some(b)) = (peak_kib(ours_cmd), peak_kib(raw_cmd)) {
                report.notes.push(format!(
                    "peak memory, 1m redline: `concord diff` {} MiB, a process doing only the raw `similar` word diff {} MiB ({:.1}x; target at most 2x)",
                    a / 1024,
                    b / 1024,
                    a as f64 / b.max(1) as f64
                ));
            }
        }
    }
    let small = best(|| redline(&pairs[0].3, &pairs[0].4));
    let large = best(|| redline(&pairs[1].3, &pairs[1].4));
    report.notes.push(format!(
        "scaling: the 1m redline takes {:.1}x the time of the 256k one (target at most 5x)",
        large.as_secs_f64() / small.as_secs_f64().max(1e-9)
    ));
    let seed000 = root.join("corpus/000_0739291e76a941b3.txt");
    if let Some(t) = best_command(|| {
        let mut c = Command::new(&concord);
        c.arg("diff")
            .arg(&seed000)
            .arg("--tracked")
            .arg("--format")
            .arg("json");
        c.stdout(std::process::Stdio::null());
        c
    }) {
        report.notes.push(format!(
            "a 20 KB real amendment (seed 000 `--tracked`), whole process: {} (target under 10 ms)",
            fmt(t)
        ));
    }

    // 3. HTML output against pulldown-cmark's own writer and pandoc.
    let md = std::fs::read_to_string(&pairs[1].1)?;
    let doc = concord_ingest::read(md.as_bytes(), "p", &Default::default())
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .document;
    let ours = best(|| concord_render::document_html(&doc).len());
    let cmark = best(|| {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&md));
        html.len()
    });
    report.row(
        "HTML of a 1 MB protocol (render only)",
        ours,
        "pulldown-cmark `push_html`",
        Some(cmark),
        "within 5x slower",
    );
    // The same 1 MB protocol to HTML and to Word, whole process, beside pandoc from the same
    // Markdown: `concord build` with a project of one protocol and one output.
    if have("pandoc") {
        let source = &pairs[1].2;
        for (kind, writer, target, mem_target) in [
            ("md", "markdown", "report", None),
            ("html", "html", "at least 20x faster", None),
            (
                "docx",
                "docx",
                "at least 10x faster",
                Some("at most a quarter of pandoc's"),
            ),
        ] {
            let project = dir.join(format!("build-{kind}"));
            std::fs::create_dir_all(&project)?;
            let config = project.join("concord.toml");
            std::fs::write(
                &config,
                format!(
                    "[[protocol]]\nsource = {:?}\noutputs = [\"out/protocol.{kind}\"]\n",
                    source.display().to_string()
                ),
            )?;
            let output = project.join(format!("out/protocol.{kind}"));
            let build = || {
                // Written each time, not found up to date.
                let _ = std::fs::remove_file(&output);
                let mut c = Command::new(&concord);
                c.arg("build").arg("--config").arg(&config);
                c.stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null());
                c
            };
            let pandoc_out = project.join(format!("pandoc.{kind}"));
            let pandoc = || {
                let mut c = Command::new("pandoc");
                c.args(["-f", "markdown", "-t", writer, "-s", "-o"])
                    .arg(&pandoc_out)
                    .arg(source);
                c.stdout(std::process::Stdio::null());
                c
            };
            let ours = best_command(build);
            let theirs = best_command(pandoc);
            if let Some(o) = ours {
                report.row(
                    &format!(
                        "{} of a 1 MB protocol, whole process",
                        match kind {
                            "md" => "Markdown",
                            "html" => "HTML",
                            _ => "DOCX",
                        }
                    ),
                    o,
                    &format!("pandoc markdown -> {writer}"),
                    theirs,
                    target,
                );
            }
            if let (Some(goal), Some(a), Some(b)) =
                (mem_target, peak_kib(build()), peak_kib(pandoc()))
            {
                report.notes.push(format!(
                    "peak memory, {kind} of a 1 MB protocol: `concord build` {} MiB, pandoc {} MiB ({:.2}x; target {goal})",
                    a / 1024,
                    b / 1024,
                    a as f64 / b.max(1) as f64
                ));
            }
        }
    } else {
        report.notes.push(
            "pandoc not found (`apt-get install pandoc`): the pandoc baselines were skipped".into(),
        );
    }

    // 4. Corpus scale: answers over 200, 2,000 and 10,000 protocols, and precedent search,
    // each size in a process of its own.
    scale_rows(&mut report, quick)?;

    let machine = machine();
    println!("\nmachine: {machine}");
    for n in &report.notes {
        println!("note: {n}");
    }
    if record {
        let path = root.join("docs/performance.md");
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::write(&path, splice_report(&old, &report.markdown(&machine)))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

const REPORT_START: &str = "<!-- cargo xtask bench --record: start -->";
const REPORT_END: &str = "<!-- cargo xtask bench --record: end -->";

/// The page with the measured report put between its markers, so that what is written by hand
/// around it (the profiles, why a target is missed) survives a new recording. A page without
/// the markers is replaced by the report between them.
fn splice_report(page: &str, report: &str) -> String {
    let fresh = format!("{REPORT_START}\n{report}{REPORT_END}\n");
    match (page.find(REPORT_START), page.find(REPORT_END)) {
        (Some(a), Some(b)) if a < b => {
            format!(
                "{}{fresh}{}",
                &page[..a],
                page[b + REPORT_END.len()..].trim_start_matches('\n')
            )
        }
        _ => fresh,
    }
}

/// Ingest in a pool of a fixed number of threads.
fn ingest_parallel(files: &[Vec<u8>], threads: usize) -> usize {
    use rayon::prelude::*;
    let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(threads).build() else {
        return 0;
    };
    pool.install(|| {
        files
            .par_iter()
            .filter_map(|b| concord_ingest::read(b, "p", &Default::default()).ok())
            .map(|p| p.document.sections.len())
            .sum()
    })
}

/// The whole redline as the binary does it: read both versions (at once, as `concord diff`
/// loads its files), align, diff.
fn redline(old: &str, new: &str) -> usize {
    let (a, b) = rayon::join(
        || concord_ingest::read(old.as_bytes(), "old", &Default::default()),
        || concord_ingest::read(new.as_bytes(), "new", &Default::default()),
    );
    match (a, b) {
        (Ok(a), Ok(b)) => {
            let r = concord_compare::diff::diff(&a.document, &b.document, &Default::default());
            r.clauses.len()
        }
        _ => 0,
    }
}

/// The plain word diffs the floor is the fastest of: `similar` over whitespace-split words,
/// by Myers and by Patience.
pub const FLOORS: &[(&str, similar::Algorithm)] = &[
    ("Myers", similar::Algorithm::Myers),
    ("Patience", similar::Algorithm::Patience),
];

/// One plain word-level `similar` diff of the two whole texts (words split at whitespace, no
/// Unicode segmentation, no alignment, no classing): what a user could write in ten lines.
pub fn raw_similar(old: &str, new: &str, algorithm: similar::Algorithm) -> usize {
    similar::TextDiff::configure()
        .algorithm(algorithm)
        .diff_words(old, new)
        .ops()
        .len()
}

/// The fastest of [`FLOORS`] on this pair, in process: (its name, its time).
fn fastest_floor(old: &str, new: &str) -> (&'static str, Duration) {
    FLOORS
        .iter()
        .map(|&(name, alg)| (name, best(|| raw_similar(old, new, alg))))
        .min_by_key(|(_, t)| *t)
        .unwrap_or(("Myers", Duration::MAX))
}

fn difflib_seconds(old: &Path, new: &Path) -> Option<Duration> {
    let mut best: Option<f64> = None;
    for _ in 0..RUNS.min(3) {
        let out = Command::new("python3")
            .arg("-c")
            .arg(DIFFLIB)
            .arg(old)
            .arg(new)
            .output()
            .ok()?;
        let secs: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
        best = Some(best.map_or(secs, |b: f64| b.min(secs)));
    }
    best.map(Duration::from_secs_f64)
}

fn sorted_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    Ok(v)
}

/// Builds the release binary and returns its path.
fn build_release(root: &Path) -> anyhow::Result<PathBuf> {
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--release", "-q", "-p", "concord"])
        .current_dir(root)
        .status()
        .context("running cargo build --release")?;
    anyhow::ensure!(status.success(), "cargo build --release failed");
    Ok(root.join("target/release/concord"))
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!("{cpu}, {cores} cores available")
}

/// The corpus-scale rows and notes.
fn scale_rows(report: &mut Report, quick: bool) -> anyhow::Result<()> {
    let sizes: &[usize] = if quick {
        &[200, 2000]
    } else {
        &[200, 2000, 10_000]
    };
    let mut measured = Vec::new();
    for &n in sizes {
        println!("(measuring {n} protocols in a process of their own)");
        measured.push((n, scale::measure(n)?));
    }
    let get = |m: &scale::Measured, k: &str| m.get(k).copied().unwrap_or(0.0);
    let secs = |m: &scale::Measured, k: &str| Duration::from_secs_f64(get(m, k));
    for (k, (n, m)) in measured.iter().enumerate().skip(1) {
        let (pn, pm) = &measured[k - 1];
        // Answering is linear in the corpus: ten times the protocols, at most twelve times
        // the time (the rest is the cache).
        report.row(
            &format!("answers, {n} protocols ({} clauses)", get(m, "clauses")),
            secs(m, "work_s"),
            &format!("the same over {pn} protocols"),
            Some(secs(pm, "work_s")),
            if *n == 2000 {
                "at most 12x slower"
            } else {
                "at most 6x slower"
            },
        );
    }
    for (n, m) in &measured {
        let mut note = format!(
            "{n} protocols ({:.0} MB): every question answered for every protocol in {} (best of {}), ingest {}",
            get(m, "bytes") / 1e6,
            fmt(secs(m, "work_s")),
            get(m, "runs"),
            fmt(secs(m, "ingest_s")),
        );
        if let Some(peak) = m.get("peak_kib") {
            let _ = write!(
                note,
                "; peak memory {:.0} MB, {:.1}x the corpus",
                peak / 1024.0,
                peak * 1024.0 / get(m, "bytes").max(1.0)
            );
        }
        report.notes.push(note);
    }
    if let Some((n, m)) = measured
        .iter()
        .rev()
        .find(|(_, m)| m.contains_key("query_s"))
    {
        report.row(
            &format!("precedent query over {n} protocols, indexed"),
            secs(m, "query_s"),
            "reading every clause for the query's words",
            Some(secs(m, "scan_s")),
            "at least 1000x faster",
        );
        report.notes.push(format!(
            "precedents over {n} protocols: indexed once in {}; a query (a clause of the corpus, top 10) averages {} over {} queries, a scan {} over {}",
            fmt(secs(m, "index_s")),
            fmt(secs(m, "query_s")),
            scale::QUERIES_TIMED,
            fmt(secs(m, "scan_s")),
            scale::SCANS_TIMED,
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_new_recording_keeps_what_is_written_around_it() {
        let page = format!(
            "# Performance\n\nintro\n{}\nold table\n{}\n## Why\n\nprofile\n",
            super::REPORT_START,
            super::REPORT_END
        );
        let out = super::splice_report(&page, "new table\n");
        assert!(out.starts_with("# Performance\n\nintro\n"));
        assert!(out.contains("new table") && !out.contains("old table"));
        assert!(out.ends_with("## Why\n\nprofile\n"));
        assert_eq!(super::splice_report(&out, "new table\n"), out);
        assert!(super::splice_report("", "t\n").contains("t\n"));
    }
}
