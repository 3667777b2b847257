//! The corpus-scale part of `cargo xtask bench`: cross-council work (every document's answers
//! and the clause pairs with token-set Jaccard >= 0.5) and precedent search over 200, 2,000 and
//! 10,000 synthetic protocols.
//!
//! Each size runs in a process of its own (`cargo xtask bench-scale N`), so that its peak
//! memory, read by GNU time, is that of one corpus and nothing else. The child prints
//! `key value` lines; the parent turns them into rows. The protocols are generated in memory
//! from seed 1, the same texts `cargo xtask corpus --seed 1` writes, and ingested on every core
//! before anything is timed.

use std::collections::{BTreeMap, HashSet};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use concord_compare::join::{JoinConfig, Method, Pair, WordSets};
use concord_compare::precedents::{Corpus, clause_text, for_each_term};
use concord_model::Document;

use crate::corpus::{Pool, Rng, protocol};

/// How many clauses the recall check compares with every other clause, on corpora too large
/// to compare all pairs of (2,000 protocols hold 100,000 clauses: 5 billion pairs).
const SAMPLE: usize = 200;
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
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get());
    let texts = generate(&pool, n);
    let bytes: usize = texts.iter().map(String::len).sum();
    emit("bytes", bytes as f64);
    let started = Instant::now();
    let docs = ingest(&texts, threads);
    emit("ingest_s", started.elapsed().as_secs_f64());
    drop(texts);
    let refs: Vec<&Document> = docs.iter().collect();
    emit("documents", refs.len() as f64);

    // The cross-council work: answers for every document and the clause pairs.
    let method = Method::minhash_for(0.5);
    let cfg = JoinConfig {
        threshold: 0.5,
        threads,
        method,
    };
    let runs = match n {
        0..=500 => 5,
        501..=5000 => 2,
        _ => 1,
    };
    let mut best = Duration::MAX;
    let mut pairs = 0;
    let mut clauses = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let answered = answers_all(&refs, threads);
        let sets = WordSets::new(&refs, threads);
        let found = AtomicUsize::new(0);
        sets.join_each(&cfg, &|batch| {
            found.fetch_add(batch.len(), Ordering::Relaxed);
        });
        best = best.min(started.elapsed());
        std::hint::black_box(answered);
        pairs = found.into_inner();
        clauses = sets.len();
    }
    emit("work_s", best.as_secs_f64());
    emit("runs", runs as f64);
    emit("clauses", clauses as f64);
    emit("pairs", pairs as f64);
    let started = Instant::now();
    let answered = answers_all(&refs, threads);
    emit("answers_s", started.elapsed().as_secs_f64());
    std::hint::black_box(answered);
    let sets = WordSets::new(&refs, threads);

    // Recall of MinHash against the definition: every pair when that is affordable, else
    // every pair that involves one of an evenly spread sample of clauses.
    let (sample, all): (Vec<usize>, bool) = if n <= 200 {
        ((0..sets.len()).collect(), true)
    } else {
        let step = (sets.len() / SAMPLE).max(1);
        ((0..sets.len()).step_by(step).take(SAMPLE).collect(), false)
    };
    let started = Instant::now();
    let truth = sets.exhaustive(0.5, if all { None } else { Some(&sample) });
    emit("exhaustive_s", started.elapsed().as_secs_f64());
    emit("exhaustive_clauses", sample.len() as f64);
    let wanted: HashSet<(
        concord_compare::join::ClauseAt,
        concord_compare::join::ClauseAt,
    )> = truth.iter().map(|p| (p.a, p.b)).collect();
    let in_sample: HashSet<concord_compare::join::ClauseAt> =
        sample.iter().map(|&r| sets.clause(r)).collect();
    let hits = AtomicUsize::new(0);
    let check = |batch: &[Pair]| {
        let k = batch
            .iter()
            .filter(|p| {
                (in_sample.contains(&p.a) || in_sample.contains(&p.b))
                    && wanted.contains(&(p.a, p.b))
            })
            .count();
        hits.fetch_add(k, Ordering::Relaxed);
    };
    sets.join_each(&cfg, &check);
    emit("truth_pairs", truth.len() as f64);
    emit("found_of_truth", hits.into_inner() as f64);
    // The exact join follows every shared rare word, which on this corpus is nearly every
    // pair: at 2,000 protocols it takes a minute, so it is shown at 200 only.
    if n <= 200 {
        let started = Instant::now();
        let exact = AtomicUsize::new(0);
        sets.join_each(
            &JoinConfig {
                method: Method::Exact,
                ..cfg
            },
            &|b| {
                exact.fetch_add(b.len(), Ordering::Relaxed);
            },
        );
        emit("exact_s", started.elapsed().as_secs_f64());
        emit("exact_pairs", exact.into_inner() as f64);
    }
    drop(sets);

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

/// Reads the texts on `threads` threads, in order.
pub fn ingest(texts: &[String], threads: usize) -> Vec<Document> {
    let chunk = texts.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = texts
            .chunks(chunk)
            .map(|run| {
                s.spawn(move || {
                    run.iter()
                        .filter_map(|t| {
                            concord_ingest::read(t.as_bytes(), "p", &Default::default()).ok()
                        })
                        .map(|p| p.document)
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Every document's answers, on `threads` threads; returns how many questions were answered.
fn answers_all(docs: &[&Document], threads: usize) -> usize {
    let next = AtomicUsize::new(0);
    let answered = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(d) = docs.get(k) else { break };
                    let a = concord_compare::answers::answers(d);
                    answered.fetch_add(
                        a.iter().filter(|(_, x)| x.is_some()).count(),
                        Ordering::Relaxed,
                    );
                }
            });
        }
    });
    answered.into_inner()
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
