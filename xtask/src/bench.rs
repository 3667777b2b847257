//! `cargo xtask bench precedents`: how fast precedent search answers over a corpus the size of
//! a national one. The seed protocols are replicated to a few thousand documents, indexed
//! once, and every seed clause is asked as a query; it prints the index time and queries per
//! second. A benchmark, not a test: nothing here asserts a time.

use std::time::Instant;

use concord_compare::precedents::{Corpus, clause_text};

/// How many copies of each seed protocol make the benchmark corpus (5 seeds: 3,000 documents).
const COPIES: usize = 600;

pub fn precedents(root: &std::path::Path) -> anyhow::Result<()> {
    let mut docs = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(root.join("corpus"))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for p in &names {
        let bytes = std::fs::read(p)?;
        let doc = concord_ingest::read(&bytes, &p.display().to_string(), &Default::default())
            .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?
            .document;
        docs.push(doc);
    }
    let started = Instant::now();
    let mut corpus = Corpus::default();
    for k in 0..COPIES {
        for (i, d) in docs.iter().enumerate() {
            corpus.add(&format!("seed{i}-copy{k}"), d);
        }
    }
    let indexed = started.elapsed();
    let queries: Vec<String> = docs
        .iter()
        .flat_map(|d| d.clauses().into_iter().map(clause_text).collect::<Vec<_>>())
        .collect();
    let started = Instant::now();
    let mut found = 0;
    for q in &queries {
        found += corpus.search(q, 10, None).len();
    }
    let searched = started.elapsed();
    let per_second = queries.len() as f64 / searched.as_secs_f64().max(1e-9);
    println!(
        "precedents: {} documents, {} clauses indexed in {:.2} s",
        docs.len() * COPIES,
        corpus.len(),
        indexed.as_secs_f64()
    );
    println!(
        "precedents: {} queries (top 10, {found} results) in {:.2} s: {per_second:.0} queries/s, {:.2} ms each",
        queries.len(),
        searched.as_secs_f64(),
        searched.as_secs_f64() * 1000.0 / queries.len().max(1) as f64
    );
    Ok(())
}
