//! The regression cases: every input kept in `corpus/regressions/` (most found by fuzzing) runs
//! through every check the fuzz targets make (the text, Word and PDF readers, the Markdown
//! round trip, the options parser and drafting, the diff against itself and against a real
//! protocol). The checks are this crate's, the very ones the fuzz targets call, so a kept crash
//! input fails here exactly as it failed under the fuzzer until the bug is fixed.
//!
//! Each case is `NAME.input` (the bytes) and `NAME.note`, whose first line says what broke;
//! the name is the bug's. `cargo xtask fuzz-keep NAME ARTIFACT NOTE` adds one.
//!
//! One test per case and check (`regressions::NAME::CHECK`), so every failure shows.

use std::path::{Path, PathBuf};

use concord_laws as checks;
use libtest_mimic::{Arguments, Failed, Trial};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("corpus/regressions"))
        .expect("corpus/regressions exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    out
}

/// The checks each case runs: (name, check of the case's bytes and a seed's).
type Check = fn(&[u8], &[u8]);

const CHECKS: &[(&str, Check)] = &[
    ("ingest_text", |b, _| checks::ingest_text(b)),
    ("ingest_docx", |b, _| checks::ingest_docx(b)),
    ("ingest_pdf", |b, _| checks::ingest_pdf(b)),
    ("markdown_round_trip", |b, _| checks::markdown_round_trip(b)),
    ("options", |b, _| checks::options(b)),
    ("diff", |b, _| checks::diff(b)),
    ("diff_against_a_seed", |b, seed| {
        checks::diff(&[b, &[checks::DIFF_SEPARATOR], seed].concat())
    }),
    ("diff_from_a_seed", |b, seed| {
        checks::diff(&[seed, &[checks::DIFF_SEPARATOR], b].concat())
    }),
];

fn main() {
    let args = Arguments::from_args();
    let seed = std::fs::read(root().join("corpus/003_d91a8e6c4f59d3bb.txt")).expect("a seed");
    let mut trials = vec![
        Trial::test("every_case_has_a_note_saying_what_broke", notes),
        Trial::test(
            "the_word_check_reads_a_fixture_and_its_bare_document_xml",
            word_check,
        ),
    ];
    trials.extend(every_case_passes_every_check(&seed));
    libtest_mimic::run(&args, trials).exit();
}

/// One test per kept case and check, named `CASE::CHECK`.
fn every_case_passes_every_check(seed: &[u8]) -> Vec<Trial> {
    let mut trials = Vec::new();
    for input in files("input") {
        let name = input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (check, run) in CHECKS {
            let (input, seed) = (input.clone(), seed.to_vec());
            trials.push(Trial::test(format!("{name}::{check}"), move || {
                let bytes = std::fs::read(&input).map_err(|e| format!("{e}"))?;
                run(&bytes, &seed);
                Ok(())
            }));
        }
    }
    trials
}

fn notes() -> Result<(), Failed> {
    let inputs = files("input");
    if inputs.is_empty() {
        return Err("no regression cases found".into());
    }
    for input in &inputs {
        let note = input.with_extension("note");
        let text =
            std::fs::read_to_string(&note).map_err(|e| format!("{}: {e}", note.display()))?;
        let first = text.lines().next().unwrap_or("");
        if first.trim().len() < 20 {
            return Err(format!("{}: the first line must say what broke", note.display()).into());
        }
    }
    for note in files("note") {
        if !note.with_extension("input").exists() {
            return Err(format!("{} has no input", note.display()).into());
        }
    }
    Ok(())
}

/// The Word check reaches the reader both ways: a real `.docx`, and its bare
/// `word/document.xml` wrapped into a package by the check.
fn word_check() -> Result<(), Failed> {
    use std::io::Read;
    let docx = std::fs::read(root().join("corpus/docx/brackenfield.docx"))?;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx[..]))?;
    let mut xml = Vec::new();
    zip.by_name("word/document.xml")?.read_to_end(&mut xml)?;
    let opts = concord_ingest::Options::default();
    for bytes in [docx.clone(), checks::minimal_docx(&xml)] {
        let p = concord_ingest::read(&bytes, "b.docx", &opts).map_err(|e| e.to_string())?;
        if p.document.clauses().len() < 5 {
            return Err(format!("too few clauses: {:?}", p.document.meta).into());
        }
    }
    checks::ingest_docx(&xml);
    checks::ingest_docx(&docx);
    let lost = checks::lost_docx_words(&docx);
    if !lost.is_empty() {
        return Err(format!("words lost from brackenfield.docx: {lost:?}").into());
    }
    Ok(())
}
