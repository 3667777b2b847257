//! The PDF writer checked in real clients: poppler's `pdftotext` reads the text of every PDF
//! we write (clause numbers, headings, both sides of a redline), `pdfinfo` sees a tagged file
//! with its title, and the bytes are the same on every run.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use concord_compare::diff::{DiffConfig, diff};
use concord_model::Document;
use concord_render::pdf::{self, PdfOptions};
use support::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed(name: &str) -> Document {
    let bytes = std::fs::read(root().join("corpus").join(name)).expect("a seed file");
    concord_ingest::read(&bytes, name, &Default::default())
        .expect("a seed reads")
        .document
}

fn drafted(example: &str) -> Document {
    let text = std::fs::read_to_string(root().join("templates/examples").join(example))
        .expect("an example options file");
    let options = concord_draft::validate::parse(&text).expect("valid options");
    concord_draft::Drafter::new(concord_draft::Templates::Builtin)
        .draft(&options)
        .expect("drafts")
        .document
}

fn pdftotext(file: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        file.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pdfinfo(file: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg(file)
        .output()
        .expect("pdfinfo runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text with all whitespace runs as single spaces, for finding phrases across line breaks.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
#[ignore = "needs poppler-utils"]
fn drafted_protocol_pdf_has_its_text_numbers_and_structure() {
    let doc = drafted("district.toml");
    let bytes = pdf::document(&doc, &PdfOptions::default());
    assert_eq!(
        bytes,
        pdf::document(&doc, &PdfOptions::default()),
        "deterministic"
    );
    assert!(bytes.starts_with(b"%PDF-"));
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/StructTreeRoot") && raw.contains("/Outlines"));
    assert!(!raw.contains("/CreationDate"), "no clock in the file");
    require("pdftotext", &["-v"]);
    let dir = scratch("pdf-district");
    let file = dir.join("district.pdf");
    std::fs::write(&file, &bytes).expect("write");
    let text = squeeze(&pdftotext(&file));
    for c in doc.clauses() {
        let words: Vec<&str> = c.text.split_whitespace().take(6).collect();
        let want = squeeze(&format!("{} {}", c.id, words.join(" ")));
        assert!(
            text.contains(&want),
            "clause {} not in the PDF's text: {want:?}",
            c.id
        );
    }
    for s in &doc.sections {
        assert!(text.contains(&s.heading), "heading {:?} missing", s.heading);
    }
    let info = pdfinfo(&file);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains(doc.meta.title.as_deref().unwrap_or("-")),
        "{info}"
    );
}

#[test]
#[ignore = "needs poppler-utils"]
fn redline_pdf_shows_both_sides() {
    let doc = seed("000_0739291e76a941b3.txt");
    let (before, after) = (doc.before(), doc.after());
    let r = diff(&before, &after, &DiffConfig::default());
    let bytes = pdf::redline(&r, &before, &after, &PdfOptions::default());
    assert_eq!(
        bytes,
        pdf::redline(&r, &before, &after, &PdfOptions::default())
    );
    require("pdftotext", &["-v"]);
    let dir = scratch("pdf-redline");
    let file = dir.join("redline.pdf");
    std::fs::write(&file, &bytes).expect("write");
    let text = squeeze(&pdftotext(&file));
    // Clause 6.2: the Monitoring Officer struck out, the Chief Executive put in.
    assert!(
        text.contains(
            "raise the matter with the Monitoring Officer Chief Executive in the knowledge"
        ),
        "{}",
        &text[text.find("6.2").unwrap_or(0)..][..400.min(text.len())]
    );
}

#[test]
#[ignore = "needs poppler-utils"]
fn every_seed_prints() {
    require("pdftotext", &["-v"]);
    let dir = scratch("pdf-seeds");
    for name in [
        "000_0739291e76a941b3.txt",
        "001_5977b984982b9da1.txt",
        "002_317f9fdcf88417d7.txt",
        "003_d91a8e6c4f59d3bb.txt",
        "004_71cbc2f1760365f7.txt",
    ] {
        let doc = seed(name);
        let file = dir.join(name.replace(".txt", ".pdf"));
        std::fs::write(&file, pdf::document(&doc, &PdfOptions::default())).expect("write");
        let text = squeeze(&pdftotext(&file));
        for c in doc.clauses() {
            let probe = squeeze(
                &c.text
                    .split_whitespace()
                    .take(5)
                    .collect::<Vec<_>>()
                    .join(" "),
            )
            .replace("[^", "[");
            assert!(
                text.contains(&probe),
                "{name}: clause {} missing: {probe:?}",
                c.id
            );
        }
    }
}

/// Issue 15: a Welsh-named council's draft printed `Tŷ'r Dŵr` as `T?'r D?r` (a standard font
/// in WinAnsiEncoding); with the embedded font every letter prints and extracts exactly.
#[test]
#[ignore = "needs poppler-utils"]
fn welsh_council_draft_extracts_every_letter() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/welsh-community.toml"),
    )
    .expect("the Welsh options");
    let options = concord_draft::validate::parse(&text).expect("valid options");
    let doc = concord_draft::Drafter::new(concord_draft::Templates::Builtin)
        .draft(&options)
        .expect("drafts")
        .document;
    let bytes = pdf::document(&doc, &PdfOptions::default());
    assert_eq!(
        bytes,
        pdf::document(&doc, &PdfOptions::default()),
        "deterministic"
    );
    require("pdftotext", &["-v"]);
    let dir = scratch("pdf-welsh");
    let file = dir.join("welsh.pdf");
    std::fs::write(&file, &bytes).expect("write");
    let got = pdftotext(&file);
    assert!(!got.contains('?'), "a letter printed as '?'");
    let got = squeeze(&got);
    assert!(
        got.contains("Cyngor Cymuned Tŷ'r Dŵr"),
        "{}",
        &got[..300.min(got.len())]
    );
    assert!(got.contains("Cyngor Sir Ynys Môn"));
    for c in doc.clauses() {
        let probe = squeeze(
            &c.text
                .split_whitespace()
                .take(8)
                .collect::<Vec<_>>()
                .join(" "),
        );
        assert!(got.contains(&probe), "clause {}: {probe:?}", c.id);
    }
}

/// Every Latin letter (Latin-1, Latin Extended-A and -B, and the Welsh letters of Latin
/// Extended Additional) prints and extracts as itself, regular and bold.
#[test]
#[ignore = "needs poppler-utils"]
fn every_latin_letter_extracts_exactly() {
    let letters: String = ('\u{c0}'..='\u{24f}')
        .chain("ẀẁẂẃẄẅỲỳ".chars())
        .filter(|c| c.is_alphabetic() && *c != '×' && *c != '÷')
        .collect();
    let md = format!("# Llythrennau {letters}\n\n## 1 Pob llythyren\n\n1.1 {letters}\n");
    let doc = concord_ingest::read(md.as_bytes(), "letters.md", &Default::default())
        .expect("reads")
        .document;
    let bytes = pdf::document(&doc, &PdfOptions::default());
    require("pdftotext", &["-v"]);
    let dir = scratch("pdf-letters");
    let file = dir.join("letters.pdf");
    std::fs::write(&file, &bytes).expect("write");
    let got: String = pdftotext(&file).split_whitespace().collect();
    // The title (bold) and the clause (regular) each hold every letter.
    assert_eq!(got.matches(letters.as_str()).count(), 2, "{got}");
}
