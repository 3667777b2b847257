//! End-to-end tests of Word and PDF through the binary: `concord ingest` reads .docx and .pdf
//! (told by their content), `concord draft` and `concord diff` write them, the tracked redline
//! of seed 000 opens in LibreOffice with its changes (accept all gives the new text, reject all
//! the old), and every damaged Word or PDF file gets one clear error naming it, exit 2, and no
//! output.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn concord() -> Command {
    Command::cargo_bin("concord").unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Fails the test unless a client runs. Tests that need one are `#[ignore]`d with its name;
/// `.ci/run` installs the clients and runs them with `--include-ignored`.
fn require(program: &str, args: &[&str]) {
    let ok = std::process::Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(ok, "{program} is missing: install it (see .ci/run)");
}

/// Runs concord with `args` in a fresh folder; returns (code, stdout, stderr, folder).
fn run(args: &[&str]) -> (i32, Vec<u8>, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let out = concord()
        .current_dir(dir.path())
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        dir,
    )
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn ingest_reads_word_files_by_content() {
    let docx = repo().join("corpus/docx/brackenfield.docx");
    // The same bytes under a misleading name still read as Word.
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("protocol.txt");
    std::fs::copy(&docx, &renamed).unwrap();
    for p in [&docx, &renamed] {
        let (code, stdout, stderr, _d) = run(&["ingest", path(p), "--format", "json"]);
        assert_eq!(code, 0, "{stderr}");
        let v: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
        assert_eq!(v["meta"]["source"]["format"], "docx");
        assert_eq!(v["sections"][1]["clauses"][1]["clauses"][0]["id"], "2.2.1");
    }
}

#[test]
#[ignore = "needs poppler-utils"]
fn ingest_reads_pdf_through_pdftotext() {
    require("pdftotext", &["-v"]);
    let pdf = repo().join("corpus/pdf/brackenfield.pdf");
    let (code, stdout, stderr, _d) = run(&["ingest", path(&pdf), "--format", "outline"]);
    assert_eq!(code, 0, "{stderr}");
    let outline = String::from_utf8(stdout).unwrap();
    assert!(
        outline.contains("sections: 4  clauses: 11  footnotes: 1"),
        "{outline}"
    );
    assert!(outline.contains("    2.2.1 ["));
}

/// A rejected input: exit 2, one `error: PATH...` line with a hint, and no output file.
fn rejected(file: &Path, want: &str) {
    let (code, _, stderr, dir) = run(&["ingest", path(file), "-o", "out.json"]);
    assert_eq!(code, 2, "{stderr}");
    let first = stderr.lines().next().unwrap_or("");
    assert!(
        first.starts_with(&format!("error: {}", file.display())),
        "{stderr}"
    );
    assert!(first.contains(want), "{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
    assert!(
        !dir.path().join("out.json").exists(),
        "output written despite the error"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn damaged_word_files_are_rejected_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(repo().join("corpus/docx/brackenfield.docx")).unwrap();
    let cut = dir.path().join("cut.docx");
    std::fs::write(&cut, &good[..good.len() / 3]).unwrap();
    rejected(&cut, "not a readable Word file");
    let no_body = dir.path().join("nobody.docx");
    {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::fs::File::create(&no_body).unwrap());
        w.start_file("word/styles.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(b"<w:styles/>").unwrap();
        w.start_file("docProps/app.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(b"<Properties/>").unwrap();
        w.finish().unwrap();
    }
    rejected(&no_body, "no word/document.xml");
    let entity = dir.path().join("entity.docx");
    {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::fs::File::create(&entity).unwrap());
        w.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        w.write_all(b"<w:document><w:body><w:p><w:r><w:t>A &nbsp; B</w:t></w:r></w:p></w:body></w:document>")
            .unwrap();
        w.finish().unwrap();
    }
    rejected(&entity, "undefined entity &nbsp;");
}

#[test]
#[ignore = "needs poppler-utils"]
fn damaged_or_textless_pdfs_are_rejected_clearly() {
    require("pdftotext", &["-v"]);
    rejected(&fixture("scan.pdf"), "no text layer");
    rejected(&fixture("encrypted.pdf"), "encrypted");
    rejected(&fixture("truncated.pdf"), "the PDF cannot be read");
}

#[test]
fn a_missing_pdftotext_is_one_clear_error() {
    let pdf = repo().join("corpus/pdf/brackenfield.pdf");
    let out = concord()
        .env("CONCORD_PDFTOTEXT", "/nonexistent/pdftotext")
        .args(["ingest", path(&pdf)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is not installed"), "{stderr}");
    assert!(stderr.contains("install poppler-utils"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn draft_writes_word_that_reads_back() {
    draft_reads_back("docx", b"PK");
}

#[test]
#[ignore = "needs poppler-utils"]
fn draft_writes_pdf_that_reads_back() {
    require("pdftotext", &["-v"]);
    draft_reads_back("pdf", b"%PDF-");
}

fn draft_reads_back(format: &str, magic: &[u8]) {
    let options = repo().join("templates/examples/district.toml");
    {
        let (code, _, stderr, dir) = run(&[
            "draft",
            path(&options),
            "--format",
            format,
            "-o",
            &format!("protocol.{format}"),
        ]);
        assert_eq!(code, 0, "{stderr}");
        let file = dir.path().join(format!("protocol.{format}"));
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes.starts_with(magic));
        // What we write, we read: the same clause ids come back.
        let (code, stdout, stderr, _d) = run(&["ingest", path(&file), "--format", "json"]);
        assert_eq!(code, 0, "{stderr}");
        let v: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
        assert_eq!(v["sections"][0]["clauses"][0]["id"], "1.1", "{format}");
        assert_eq!(
            v["meta"]["council"], "Harbourside District Council",
            "{format}"
        );
    }
}

#[test]
#[ignore = "needs LibreOffice"]
fn tracked_redline_as_docx_accepts_and_rejects_in_libreoffice() {
    let seed = repo().join("corpus/000_0739291e76a941b3.txt");
    let (code, _, stderr, dir) = run(&[
        "diff",
        path(&seed),
        "--tracked",
        "--format",
        "docx",
        "--author",
        "Monitoring Officer",
        "--date",
        "2026-05-05",
        "-o",
        "redline.docx",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let file = dir.path().join("redline.docx");
    let xml = {
        let mut z = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut s)
            .unwrap();
        s
    };
    assert!(xml.contains("w:author=\"Monitoring Officer\" w:date=\"2026-05-05T00:00:00Z\""));
    let python = if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    require("soffice", &["--version"]);
    require(python, &["-c", "import uno"]);
    let script = repo().join("crates/render/tests/support/lo_changes.py");
    let text = |mode: &str| -> String {
        let out_txt = dir.path().join(format!("{mode}.txt"));
        let out = std::process::Command::new(python)
            .arg(&script)
            .arg(mode)
            .arg(&file)
            .arg(&out_txt)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(out_txt).unwrap()
    };
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let accepted = squeeze(&text("accept"));
    let rejected = squeeze(&text("reject"));
    assert!(
        accepted.contains("they should raise the matter with the Chief Executive in the knowledge")
    );
    assert!(!accepted.contains("Monitoring Officer in the knowledge"));
    assert!(rejected.contains(
        "he or she should raise the matter with the Monitoring Officer in the knowledge"
    ));
    assert!(!rejected.contains("the Chief Executive in the knowledge"));
    // Renumbered under tracked changes: old 3.5, now 3.7.
    assert!(accepted.contains("3.7 Where a decision") && rejected.contains("3.5 Where a decision"));
}

#[test]
fn binary_formats_go_to_a_pipe_but_a_bad_date_is_refused() {
    let seed = repo().join("corpus/000_0739291e76a941b3.txt");
    let (code, stdout, _, _d) = run(&["diff", path(&seed), "--tracked", "--format", "pdf"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with(b"%PDF-"));
    let (code, _, stderr, dir) = run(&[
        "diff",
        path(&seed),
        "--tracked",
        "--format",
        "docx",
        "--date",
        "5 May",
        "-o",
        "r.docx",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--date \"5 May\" is not a date"),
        "{stderr}"
    );
    assert!(!dir.path().join("r.docx").exists());
}

#[test]
fn build_writes_word_and_pdf_outputs_and_checks_them() {
    let dir = tempfile::tempdir().unwrap();
    let site = repo().join("templates/examples/site");
    for f in ["protocol.md", "previous.md", "options.toml"] {
        std::fs::copy(site.join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join("concord.toml"),
        "[[protocol]]\nsource = \"protocol.md\"\noutputs = [\"out/protocol.docx\", \"out/protocol.pdf\"]\n\n\
         [[redline]]\nold = \"previous.md\"\nnew = \"protocol.md\"\noutputs = [\"out/redline.docx\", \"out/redline.pdf\"]\n\n\
         [[draft]]\noptions = \"options.toml\"\noutputs = [\"out/draft.docx\"]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let build = |check: bool| {
        let mut cmd = concord();
        cmd.current_dir(dir.path()).arg("build");
        if check {
            cmd.arg("--check");
        }
        cmd.output().unwrap()
    };
    let first = build(false);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let redline = std::fs::read(dir.path().join("out/redline.docx")).unwrap();
    assert!(redline.starts_with(b"PK"));
    // Byte-identical on a second build: --check finds nothing stale.
    let again = build(true);
    assert_eq!(
        again.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

#[test]
#[ignore = "needs poppler-utils and LibreOffice"]
fn review_pack_opens_in_libreoffice_with_tracked_changes_and_its_pdf_reads_as_text() {
    let seed = repo().join("corpus/000_0739291e76a941b3.txt");
    let corpus = repo().join("corpus");
    let (code, _, stderr, dir) = run(&[
        "pack",
        "--tracked",
        path(&seed),
        "--peers",
        path(&corpus),
        "--date",
        "2026-05-05",
        "-o",
        "pack",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let pack = dir.path().join("pack");
    for name in ["pack.html", "pack.docx", "pack.pdf"] {
        assert!(pack.join(name).is_file(), "{name}");
    }
    let lead = "Who does an officer go to about a councillor's conduct? Now: Chief Executive (clause 6.2). Before: Monitoring Officer (clause 6.2).";
    require("pdftotext", &["-v"]);
    {
        let out = std::process::Command::new("pdftotext")
            .arg(pack.join("pack.pdf"))
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let at = squeezed
            .find(lead)
            .expect("the responsibility change in the PDF");
        assert!(at < squeezed.find("Material changes (5)").unwrap());
        assert!(squeezed.contains("Appendix: the new text in full"));
    }
    let python = if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    require("soffice", &["--version"]);
    require(python, &["-c", "import uno"]);
    let script = repo().join("crates/render/tests/support/lo_changes.py");
    let text = |mode: &str| -> (String, String) {
        let out_txt = dir.path().join(format!("pack-{mode}.txt"));
        let out = std::process::Command::new(python)
            .arg(&script)
            .arg(mode)
            .arg(pack.join("pack.docx"))
            .arg(&out_txt)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let t = std::fs::read_to_string(out_txt).unwrap();
        (
            t.split_whitespace().collect::<Vec<_>>().join(" "),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (kept, found) = text("keep");
    // LibreOffice counts real tracked changes in the pack's redline.
    let changes: usize = found
        .trim()
        .lines()
        .last()
        .unwrap_or("0")
        .trim()
        .parse()
        .unwrap_or(0);
    assert!(changes > 10, "tracked changes found: {found}");
    assert!(kept.find(lead).unwrap() < kept.find("Material changes (5)").unwrap());
    let (accepted, _) = text("accept");
    let (rejected, _) = text("reject");
    assert!(
        accepted.contains("they should raise the matter with the Chief Executive in the knowledge")
    );
    assert!(rejected.contains(
        "he or she should raise the matter with the Monitoring Officer in the knowledge"
    ));
}
