//! The regression cases: every input kept in `corpus/regressions/` (most found by fuzzing) runs
//! through every check the fuzz targets make (the text, Word and PDF readers, the Markdown
//! round trip, the options parser and drafting, the diff against itself and against a real
//! protocol). The checks are
//! the fuzz crate's own (`fuzz/src/lib.rs`, included by path), so a kept crash input fails here
//! exactly as it failed under the fuzzer until the bug is fixed.
//!
//! Each case is `NAME.input` (the bytes) and `NAME.note`, whose first line says what broke;
//! the name is the bug's. `cargo xtask fuzz-keep NAME ARTIFACT NOTE` adds one.

#[path = "../../../fuzz/src/lib.rs"]
mod checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

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

#[test]
fn every_case_has_a_note_saying_what_broke() {
    let inputs = files("input");
    assert!(!inputs.is_empty(), "no regression cases found");
    for input in &inputs {
        let note = input.with_extension("note");
        let text =
            std::fs::read_to_string(&note).unwrap_or_else(|e| panic!("{}: {e}", note.display()));
        let first = text.lines().next().unwrap_or("");
        assert!(
            first.trim().len() >= 20,
            "{}: the first line must say what broke",
            note.display()
        );
    }
    for note in files("note") {
        assert!(
            note.with_extension("input").exists(),
            "{} has no input",
            note.display()
        );
    }
}

#[test]
fn every_case_passes_every_check() {
    let seed = std::fs::read(root().join("corpus/003_d91a8e6c4f59d3bb.txt")).expect("a seed");
    let sep = [checks::DIFF_SEPARATOR];
    let mut failures = Vec::new();
    for input in files("input") {
        let bytes = std::fs::read(&input).expect("a regression input");
        let name = input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let against_seed = [bytes.as_slice(), &sep, &seed].concat();
        let from_seed = [seed.as_slice(), &sep, &bytes].concat();
        let runs: [(&str, &dyn Fn()); 8] = [
            ("ingest_text", &|| checks::ingest_text(&bytes)),
            ("ingest_docx", &|| checks::ingest_docx(&bytes)),
            ("ingest_pdf", &|| checks::ingest_pdf(&bytes)),
            ("markdown_round_trip", &|| {
                checks::markdown_round_trip(&bytes)
            }),
            ("options", &|| checks::options(&bytes)),
            ("diff", &|| checks::diff(&bytes)),
            ("diff against a seed", &|| checks::diff(&against_seed)),
            ("diff from a seed", &|| checks::diff(&from_seed)),
        ];
        for (check, run) in runs {
            if let Err(e) = catch_unwind(AssertUnwindSafe(run)) {
                let why = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(ToString::to_string))
                    .unwrap_or_default();
                failures.push(format!("{name}: {check}: {why}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The Word check reaches the reader both ways: a real `.docx`, and its bare
/// `word/document.xml` wrapped into a package by the check.
#[test]
fn the_word_check_reads_a_fixture_and_its_bare_document_xml() {
    use std::io::Read;
    let docx = std::fs::read(root().join("corpus/docx/brackenfield.docx")).expect("a fixture");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx[..])).expect("a zip");
    let mut xml = Vec::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_end(&mut xml)
        .expect("read");
    let opts = concord_ingest::Options::default();
    for bytes in [docx.clone(), checks::minimal_docx(&xml)] {
        let p = concord_ingest::read(&bytes, "b.docx", &opts).expect("reads");
        assert!(p.document.clauses().len() >= 5, "{:?}", p.document.meta);
    }
    checks::ingest_docx(&xml);
    checks::ingest_docx(&docx);
    assert!(checks::lost_docx_words(&docx).is_empty());
}
