//! Word and PDF inputs: the fixtures of `corpus/docx/` (built the way Word writes files:
//! automatic numbering with no numbers in the text, a bullet style, a lettered level, a
//! footnote, a header and a footer) and the PDF LibreOffice made from one of them
//! (`corpus/pdf/`) ingest to the right clause ids; their outlines are pinned by snapshots; and
//! damaged files give one clear error, never a panic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use concord_ingest::{Error, Options, Parsed, read, read_pdf_layout};
use concord_model::{Document, Severity};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn bytes(rel: &str) -> Vec<u8> {
    let path = corpus().join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn ids(doc: &Document) -> Vec<String> {
    doc.clauses().iter().map(|c| c.id.clone()).collect()
}

/// The clause ids a careful reader finds in the Brackenfield protocol.
const BRACKENFIELD: &[&str] = &[
    "1.1", "1.2", "2.1", "2.2", "2.2.1", "2.2.2", "3.1", "3.2", "4.1", "4.2", "4.3",
];

fn snapshot(name: &str, input: &str, parsed: &Parsed) {
    let outline = concord_render::outline(&parsed.document);
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, input_file => corpus().join(input) }, {
        insta::assert_snapshot!(name, outline);
    });
}

fn check_brackenfield(parsed: &Parsed) {
    let d = &parsed.document;
    assert!(
        parsed
            .diagnostics
            .iter()
            .all(|x| x.severity < Severity::Warning),
        "{:#?}",
        parsed.diagnostics
    );
    assert_eq!(ids(d), BRACKENFIELD);
    assert_eq!(d.sections.len(), 4);
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Protocol on Councillor and Officer Relations")
    );
    assert_eq!(d.meta.council.as_deref(), Some("Brackenfield Town Council"));
    assert_eq!(
        d.meta.adopted.map(|a| a.to_string()).as_deref(),
        Some("2025-03-12")
    );
    assert_eq!(d.meta.versions.len(), 2, "the version table");
    assert_eq!(d.footnotes.len(), 1);
    assert!(
        d.clause("1.1")
            .is_some_and(|c| c.text.ends_with("respect.[^1]"))
    );
    // The bullet style, and the lettered level under a sub-clause.
    let bullets = &d.clause("2.1").expect("2.1").items;
    assert_eq!(bullets.len(), 3);
    assert!(bullets.iter().all(|i| i.label.as_deref() == Some("•")));
    let lettered: Vec<_> = d
        .clause("2.2.1")
        .expect("2.2.1")
        .items
        .iter()
        .map(|i| i.label.clone().unwrap_or_default())
        .collect();
    assert_eq!(lettered, ["(a)", "(b)", "(c)"]);
    // A restarted lettered list (`startOverride`) starts at (a) again.
    let restarted: Vec<_> = d
        .clause("4.2")
        .expect("4.2")
        .items
        .iter()
        .map(|i| i.label.clone().unwrap_or_default())
        .collect();
    assert_eq!(restarted, ["(a)", "(b)"]);
    // Headers and footers are furniture: never in the text.
    let all: String = d.clauses().iter().map(|c| c.text.clone()).collect();
    assert!(!all.contains("Page 1"), "a footer leaked into the text");
    assert!(
        !all.contains("Protocol on Councillor and Officer Relations"),
        "the running header leaked"
    );
}

#[test]
fn word_file_with_automatic_numbering_reads_right() {
    let parsed = read(
        &bytes("docx/brackenfield.docx"),
        "corpus/docx/brackenfield.docx",
        &Options::default(),
    )
    .expect("a Word file");
    assert_eq!(parsed.document.meta.source.format, "docx");
    check_brackenfield(&parsed);
    // `lines` are the Word file's paragraph numbers.
    let c = parsed.document.clause("1.1").expect("1.1");
    assert!(c.lines[0] > 5 && c.lines[0] < 20, "{:?}", c.lines);
    snapshot("docx_brackenfield", "docx/brackenfield.docx", &parsed);
}

#[test]
fn word_tracked_changes_are_kept() {
    let parsed = read(
        &bytes("docx/brackenfield-tracked.docx"),
        "corpus/docx/brackenfield-tracked.docx",
        &Options::default(),
    )
    .expect("a Word file");
    let d = &parsed.document;
    assert!(d.has_tracked_changes());
    let c41 = d.clause("4.1").expect("4.1");
    assert!(c41.text.contains("with the Town Clerk, who"));
    assert_eq!(
        d.before()
            .clause("4.1")
            .map(|c| c.text.contains("with the Monitoring Officer, who")),
        Some(true)
    );
    assert!(d.clause("4.2").expect("4.2").is_inserted());
    assert_eq!(
        d.clause("4.3").and_then(|c| c.previous_id.as_deref()),
        Some("4.2")
    );
    let before: Vec<String> = ids(&d.before());
    assert_eq!(before.last().map(String::as_str), Some("4.2"));
    assert!(
        d.before()
            .clause("4.2")
            .is_some_and(|c| c.text.contains("informally or formally"))
    );
    // An item inserted under tracked changes relabels the ones after it.
    let items = &d.clause("2.2.1").expect("2.2.1").items;
    let labels: Vec<(Option<&str>, Option<&str>)> = items
        .iter()
        .map(|i| (i.label.as_deref(), i.previous_label.as_deref()))
        .collect();
    assert_eq!(
        labels,
        [
            (Some("(a)"), None),
            (Some("(b)"), None),
            (Some("(c)"), Some("(b)")),
            (Some("(d)"), Some("(c)"))
        ]
    );
    let before = d.before();
    let old_items: Vec<String> = before
        .clause("2.2.1")
        .expect("2.2.1 before")
        .items
        .iter()
        .map(|i| format!("{} {}", i.label.as_deref().unwrap_or(""), i.text))
        .collect();
    assert_eq!(
        old_items,
        [
            "(a) manage the staff of the council and allocate their work;",
            "(b) advise the council on the lawfulness of proposed decisions;",
            "(c) keep the records of the council in good order."
        ]
    );
    snapshot(
        "docx_brackenfield_tracked",
        "docx/brackenfield-tracked.docx",
        &parsed,
    );
}

/// Runs `pdftotext -bbox-layout` (the test that calls it is ignored unless asked for, and
/// then poppler must be there).
fn bbox_layout(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-bbox-layout")
        .arg(pdf)
        .arg("-")
        .output();
    match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        _ => panic!("pdftotext (poppler-utils) is missing: install it (see .ci/run)"),
    }
}

#[test]
#[ignore = "needs poppler-utils"]
fn pdf_made_from_the_word_file_reads_to_the_same_clauses() {
    let path = corpus().join("pdf/brackenfield.pdf");
    let layout = bbox_layout(&path);
    let parsed = read_pdf_layout(
        &layout,
        "corpus/pdf/brackenfield.pdf",
        &bytes("pdf/brackenfield.pdf"),
        &Options::default(),
    )
    .expect("a PDF with text");
    assert_eq!(parsed.document.meta.source.format, "pdf");
    check_brackenfield(&parsed);
    // Hyphenation across line ends is repaired (LibreOffice hyphenated this file).
    let all: String = parsed
        .document
        .clauses()
        .iter()
        .map(|c| c.text.clone() + " ")
        .collect();
    for w in ["officers", "confidence", "consider", "financial", "outcome"] {
        assert!(all.contains(w), "{w:?} is not whole in the PDF's text");
    }
    assert!(!all.contains("of- ficers") && !all.contains("con-"));
    // The Word file and its PDF say the same thing, clause by clause.
    let docx = read(
        &bytes("docx/brackenfield.docx"),
        "b.docx",
        &Options::default(),
    )
    .expect("docx");
    for (a, b) in docx
        .document
        .clauses()
        .iter()
        .zip(parsed.document.clauses())
    {
        assert_eq!(a.text, b.text, "clause {}", a.id);
    }
    snapshot("pdf_brackenfield", "pdf/brackenfield.pdf", &parsed);
}

/// A ZIP holding the given parts.
fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("zip entry");
        w.write_all(body.as_bytes()).expect("zip write");
    }
    w.finish().expect("zip").into_inner()
}

fn docx_error(bytes: &[u8]) -> String {
    match read(bytes, "bad.docx", &Options::default()) {
        Err(e @ Error::Docx { .. }) => e.to_string(),
        other => panic!("expected a Word error, got {other:?}"),
    }
}

#[test]
fn damaged_word_files_give_one_clear_error() {
    let good = bytes("docx/brackenfield.docx");
    let truncated = docx_error(&good[..good.len() / 2]);
    assert!(
        truncated.contains("damaged") || truncated.contains("truncated"),
        "{truncated}"
    );
    let entity = docx_error(&zip_of(&[(
        "word/document.xml",
        "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>&bogus;</w:t></w:r></w:p></w:body></w:document>",
    )]));
    assert!(
        entity.contains("&bogus;") && entity.contains("word/document.xml"),
        "{entity}"
    );
    let missing = docx_error(&zip_of(&[("word/styles.xml", "<w:styles/>")]));
    assert!(missing.contains("no word/document.xml"), "{missing}");
    let unclosed = docx_error(&zip_of(&[(
        "word/document.xml",
        "<w:document><w:body><w:p>",
    )]));
    assert!(unclosed.contains("not well-formed"), "{unclosed}");
}

#[test]
fn no_prefix_or_mangling_of_a_word_file_panics() {
    let good = bytes("docx/brackenfield-tracked.docx");
    for len in (0..good.len()).step_by(37) {
        let _ = read(&good[..len], "cut.docx", &Options::default());
    }
    let mut mangled = good.clone();
    for i in (30..mangled.len()).step_by(101) {
        mangled[i] ^= 0x5a;
        let _ = read(&mangled, "mangled.docx", &Options::default());
    }
}

/// Word files as LibreOffice writes them (a re-save rewrites styles, numbering and revision
/// markup its own way) read the same.
#[test]
#[ignore = "needs LibreOffice"]
fn word_files_resaved_by_libreoffice_read_the_same() {
    let ok = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "soffice (LibreOffice) is missing: install it (see .ci/run)"
    );
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("resave");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    for name in ["brackenfield.docx", "brackenfield-tracked.docx"] {
        let out = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}/profile",
                dir.display()
            ))
            .args([
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
            ])
            .arg(&dir)
            .arg(corpus().join("docx").join(name))
            .output()
            .expect("soffice runs");
        let resaved = dir.join(name);
        assert!(
            out.status.success() && resaved.exists(),
            "LibreOffice did not re-save {name}"
        );
        let bytes = std::fs::read(&resaved).expect("the re-saved file");
        let parsed = read(&bytes, name, &Options::default()).expect("a Word file");
        let d = &parsed.document;
        if name == "brackenfield.docx" {
            check_brackenfield(&parsed);
        } else {
            assert_eq!(
                d.clause("4.3").and_then(|c| c.previous_id.as_deref()),
                Some("4.2")
            );
            assert!(d.clause("4.2").expect("4.2").is_inserted());
            assert!(
                d.before()
                    .clause("4.1")
                    .is_some_and(|c| c.text.contains("Monitoring Officer"))
            );
        }
    }
}

#[test]
fn odd_extractor_output_never_panics() {
    let word = |x: &str, y: &str, t: &str| {
        format!("<word xMin=\"{x}\" yMin=\"{y}\" xMax=\"{x}\" yMax=\"{y}\">{t}</word>")
    };
    let pages = [
        format!(
            "<page width=\"0\" height=\"0\"><line>{}</line></page>",
            word("NaN", "NaN", "a")
        ),
        format!(
            "<page height=\"-5\"><line>{}{}</line><line>{}</line></page>",
            word("inf", "-inf", "1.1"),
            word("1e308", "1e308", "x-"),
            word("-1e308", "0", "y")
        ),
        format!("<page><line>{}</line></page>", word("10", "10", "[^1]:")),
        "<page><flow><block><line></line></block></flow></page>".to_string(),
    ];
    for p in &pages {
        let xhtml = format!("<html><body><doc>{p}{p}</doc></body></html>");
        let _ = read_pdf_layout(&xhtml, "odd.pdf", b"", &Options::default());
    }
}

/// Real extractor output, mangled byte by byte.
#[test]
#[ignore = "needs poppler-utils"]
fn mangled_extractor_output_never_panics() {
    let bytes = bbox_layout(&corpus().join("pdf/brackenfield.pdf")).into_bytes();
    for i in (0..bytes.len()).step_by(397) {
        let mut m = bytes.clone();
        m[i] = b'<';
        let _ = read_pdf_layout(
            &String::from_utf8_lossy(&m),
            "mangled.pdf",
            b"",
            &Options::default(),
        );
        let cut = String::from_utf8_lossy(&bytes[..i]);
        let _ = read_pdf_layout(&cut, "cut.pdf", b"", &Options::default());
    }
}

#[test]
fn mangled_word_xml_inside_a_good_package_never_panics() {
    use std::io::Read;
    let good = bytes("docx/brackenfield-tracked.docx");
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(good)).expect("a zip");
    let mut parts: Vec<(String, String)> = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).expect("an entry");
        let mut s = String::new();
        f.read_to_string(&mut s).expect("utf-8 xml");
        parts.push((f.name().expect("an entry name").to_string(), s));
    }
    for target in ["word/document.xml", "word/numbering.xml", "word/styles.xml"] {
        let Some(k) = parts.iter().position(|(n, _)| n == target) else {
            continue;
        };
        let original = parts[k].1.clone();
        let chars: Vec<char> = original.chars().collect();
        for cut in (0..chars.len()).step_by(chars.len() / 40 + 1) {
            // Cut short, and with one tag's name spoiled.
            for variant in [
                chars[..cut].iter().collect::<String>(),
                original.replacen("w:val=\"", "w:val=\"9999999999", 1 + cut % 7),
                original.replacen("w:val=\"1\"", "w:val=\"4294967295\"", 1 + cut % 5),
                original.replacen("<w:", "<w:x", 1 + cut % 13),
            ] {
                parts[k].1 = variant;
                let refs: Vec<(&str, &str)> = parts
                    .iter()
                    .map(|(n, s)| (n.as_str(), s.as_str()))
                    .collect();
                let _ = read(&zip_of(&refs), "mangled.docx", &Options::default());
            }
        }
        parts[k].1 = original;
    }
}
