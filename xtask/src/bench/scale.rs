//! The corpus-scale part of `cargo xtask bench`: cross-council work (every document's answers)
//! and precedent search over 200, 2,000 and 10,000 synthetic protocols.
//!
//! Each size runs in a process of its own (`cargo xtask bench-scale N`), so that its peak
//! memory, read by GNU time, is that of one corpus and nothing else. The child prints
//! `key value` lines; the parent turns them into rows. The protocols are generated in memory
//! from seed 1, the same texts `cargo xtask corpus --seed 1` writes, and ingested on every core
//! (rayon's pool, one thread a core) before anything is timed.

use std::collections::BTreeMap;
use std::process::Command;
use std::time::{Duration, Instant};

use concord_compare::precedents::{Corpus, clause_text, for_each_term};
use concord_model::Document;

use crate::corpus::{Pool, Rng, protocol};

/// How many precedent queries are timed against the index, and how many against a scan.
const QUERIES: usize = 200;
const SCANS: usize = 3;
pub const QUERIES_TIMED: usize = QUERIES;
pub const SCANS_TIMED: usize = SCANS;

/// Measurements of one corpus size, by key.
pub type Measured = BTreeMap<String, f64>;

/// Runs `bench-scale N` in its own process under GNU time (when present) and reads back its
/// measurements, with `peak_kib` added.
pub fn measure(n: usize) -> anyhow::Result<Measured> {
    let me = std::env::current_exe()?;
    let timed = std::path::Path::new("/usr/bin/time").exists();
    let out = if timed {
        Command::new("/usr/bin/time")
            .args(["-f", "peak_kib %M"])
            .arg(&me)
            .arg("bench-scale")
            .arg(n.to_string())
            .output()?
    } else {
        Command::new(&me)
            .arg("bench-scale")
            .arg(n.to_string())
            .output()?
    };
    anyhow::ensure!(
        out.status.success(),
        "bench-scale {n} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut m = Measured::new();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    for line in text.lines() {
        if let Some((k, v)) = line.split_once(' ')
            && let Ok(v) = v.trim().parse::<f64>()
        {
            m.insert(k.to_string(), v);
        }
    }
    Ok(m)
}

/// `cargo xtask bench-scale N`: generates, ingests and measures one corpus, printing
/// `key value` lines (seconds, counts, bytes).
pub fn run(n: usize) -> anyhow::Result<()> {
    let pool = Pool::from_corpus(&crate::root())?;
    let texts = generate(&pool, n);
    let bytes: usize = texts.iter().map(String::len).sum();
    emit("bytes", bytes as f64);
    let started = Instant::now();
    let docs = ingest(&texts);
    emit("ingest_s", started.elapsed().as_secs_f64());
    drop(texts);
    let refs: Vec<&Document> = docs.iter().collect();
    emit("documents", refs.len() as f64);

    // The cross-council work: every document's answers.
    let runs = match n {
        0..=500 => 5,
        501..=5000 => 2,
        _ => 1,
    };
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let started = Instant::now();
        std::hint::black_box(answers_all(&refs));
        best = best.min(started.elapsed());
    }
    emit("work_s", best.as_secs_f64());
    emit("runs", runs as f64);
    emit(
        "clauses",
        refs.iter().map(|d| d.clauses().len()).sum::<usize>() as f64,
    );

    // Precedent search: a query against the index, and the same query by reading every clause.
    if n >= 2000 {
        let started = Instant::now();
        let mut corpus = Corpus::default();
        for (k, d) in refs.iter().enumerate() {
            corpus.add(&format!("p{k:05}"), d);
        }
        emit("index_s", started.elapsed().as_secs_f64());
        let queries = queries(&refs);
        let started = Instant::now();
        let mut found = 0;
        for q in &queries {
            found += corpus.search(q, 10, None).len();
        }
        std::hint::black_box(found);
        emit(
            "query_s",
            started.elapsed().as_secs_f64() / queries.len().max(1) as f64,
        );
        let started = Instant::now();
        for q in queries.iter().take(SCANS) {
            std::hint::black_box(scan(&refs, q, 10));
        }
        emit("scan_s", started.elapsed().as_secs_f64() / SCANS as f64);
    }
    Ok(())
}

fn emit(key: &str, value: f64) {
    println!("{key} {value}");
}

/// The first `n` protocols of seed 1, as `write_corpus` makes them.
pub fn generate(pool: &Pool, n: usize) -> Vec<String> {
    let mut rng = Rng::new(1);
    (0..n)
        .map(|_| {
            let size = 10_000 + rng.below(20_000);
            protocol(&mut rng, pool, size)
        })
        .collect()
}

/// Reads the texts on every core, in order.
pub fn ingest(texts: &[String]) -> Vec<Document> {
    use rayon::prelude::*;
    texts
        .par_iter()
        .filter_map(|t| concord_ingest::read(t.as_bytes(), "p", &Default::default()).ok())
        .map(|p| p.document)
        .collect()
}

/// Every document's answers, on every core; returns how many questions were answered.
fn answers_all(docs: &[&Document]) -> usize {
    use rayon::prelude::*;
    docs.par_iter()
        .map(|d| {
            concord_compare::answers::answers(d)
                .iter()
                .filter(|(_, x)| x.is_some())
                .count()
        })
        .sum()
}

/// Query clauses spread evenly over the corpus.
fn queries(docs: &[&Document]) -> Vec<String> {
    let step = (docs.len() / QUERIES).max(1);
    docs.iter()
        .step_by(step)
        .filter_map(|d| {
            let clauses = d.clauses();
            clauses.get(clauses.len() / 2).map(|c| clause_text(c))
        })
        .take(QUERIES)
        .collect()
}

/// What one does without an index: read every clause of every document and score it by the
/// query words it holds (each counted once), keeping the best `top`.
fn scan(docs: &[&Document], query: &str, top: usize) -> Vec<(usize, usize, usize)> {
    let mut words: Vec<String> = Vec::new();
    for_each_term(query, |w| words.push(w.to_string()));
    words.sort();
    words.dedup();
    let mut best: Vec<(usize, usize, usize)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (c, clause) in doc.clauses().into_iter().enumerate() {
            let mut seen = vec![false; words.len()];
            for_each_term(&clause_text(clause), |w| {
                if let Ok(k) = words.binary_search_by(|q| q.as_str().cmp(w)) {
                    seen[k] = true;
                }
            });
            let score = seen.iter().filter(|s| **s).count();
            if score > 0 {
                best.push((score, d, c));
                if best.len() > 4 * top {
                    best.sort_by(|a, b| b.cmp(a));
                    best.truncate(top);
                }
            }
        }
    }
    best.sort_by(|a, b| b.cmp(a));
    best.truncate(top);
    best
}
