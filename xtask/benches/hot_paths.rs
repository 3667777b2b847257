//! In-process micro-benchmarks of the hot paths, on the real seeds: `cargo bench -p xtask`.
//!
//! `cargo xtask bench` measures Concord against other tools; these measure Concord against
//! itself, one path at a time, to see what a change did (divan prints the spread, not one
//! number). Each reads the bundled corpus, so they run on a fresh clone with nothing set up.

use std::path::PathBuf;

use concord_model::Document;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// The five seeds, as bytes, by document id.
fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("the corpus folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let id = p.file_stem().map(|s| s.to_string_lossy().into_owned());
            (id.unwrap_or_default(), std::fs::read(&p).expect("a seed"))
        })
        .collect();
    out.sort();
    out
}

fn read(bytes: &[u8]) -> Document {
    concord_ingest::read(bytes, "seed", &Default::default())
        .expect("every seed reads")
        .document
}

fn documents() -> Vec<(String, Document)> {
    seeds().into_iter().map(|(id, b)| (id, read(&b))).collect()
}

/// The reader, on each seed in turn (000 has tracked changes, 001 no numbers, 004 the most
/// furniture).
#[divan::bench(args = ["000", "001", "002", "003", "004"])]
fn ingest(bencher: Bencher, seed: &str) {
    let bytes = seeds()
        .into_iter()
        .find(|(id, _)| id.starts_with(seed))
        .map(|(_, b)| b)
        .expect("the seed");
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| read(black_box(&bytes)));
}

/// The redline of a real amendment: seed 000 before and after its tracked changes.
#[divan::bench]
fn redline_tracked_amendment(bencher: Bencher) {
    let doc = read(&seeds()[0].1);
    let (old, new) = (doc.before(), doc.after());
    bencher.bench(|| {
        concord_compare::diff::diff(black_box(&old), black_box(&new), &Default::default())
    });
}

/// Every question answered for every seed, and the comparison laid out.
#[divan::bench]
fn answers_across_seeds(bencher: Bencher) {
    let docs = documents();
    let refs: Vec<(String, &Document)> = docs.iter().map(|(id, d)| (id.clone(), d)).collect();
    bencher.bench(|| concord_compare::answers::compare(black_box(&refs), &[]));
}

/// A precedent query against an index of the seeds' clauses (building the index is not timed).
#[divan::bench]
fn precedent_query(bencher: Bencher) {
    let mut corpus = concord_compare::precedents::Corpus::default();
    for (id, doc) in &documents() {
        corpus.add(id, doc);
    }
    let query = "An officer who is concerned about the conduct of a councillor should raise it \
                 with the Monitoring Officer";
    bencher.bench(|| corpus.search(black_box(query), 5, None));
}

/// The outputs of the longest seed (004).
#[divan::bench]
fn html(bencher: Bencher) {
    let doc = read(&seeds()[4].1);
    bencher.bench(|| concord_render::document_html(black_box(&doc)));
}

#[divan::bench]
fn markdown(bencher: Bencher) {
    let doc = read(&seeds()[4].1);
    bencher.bench(|| concord_render::markdown(black_box(&doc)));
}

#[divan::bench]
fn docx(bencher: Bencher) {
    let doc = read(&seeds()[4].1);
    let opts = concord_render::docx::DocxOptions::default();
    bencher.bench(|| concord_render::docx::document(black_box(&doc), &opts));
}
