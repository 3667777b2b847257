//! Word 97-2003 (`.doc`), OpenDocument (`.odt`) and Rich Text Format (`.rtf`) files through the
//! binary: LibreOffice converts them to `.docx` in a private folder and the Word reader reads
//! that, saying so. A `.doc` LibreOffice made from a seed reads to the seed's clauses. Without
//! LibreOffice, and when a conversion fails or hangs, one clear error naming the file and the
//! format, exit 2, no output, and no process left behind.
//!
//! The tests that need LibreOffice itself are `#[ignore = "needs LibreOffice"]`: a plain
//! `cargo test` reports them as ignored, and `.ci/run` runs them with `--include-ignored`.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use concord_model::{Document, Item};

fn concord() -> Command {
    Command::cargo_bin("concord").unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Fails the test unless LibreOffice runs. Tests that need it are `#[ignore]`d with its name;
/// `.ci/run` installs it and runs them with `--include-ignored`.
fn require_soffice() {
    let ok = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "soffice (LibreOffice) is missing: install it (see .ci/run)"
    );
}

/// Converts every file of `files` to `to` with LibreOffice, in one run with its own profile.
fn soffice_convert(files: &[PathBuf], to: &str, dir: &Path) {
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile-{}",
            dir.display(),
            to.split(':').next().unwrap_or(to)
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .args(files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The facts of a document a conversion must keep: clause ids, labels, texts and items.
fn clause_facts(doc: &Document) -> Vec<String> {
    fn items(list: &[Item], depth: usize, out: &mut Vec<String>) {
        for i in list {
            out.push(format!(
                "{}item {} {}",
                "  ".repeat(depth),
                i.label.as_deref().unwrap_or("¶"),
                i.text
            ));
            items(&i.items, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    for c in doc.clauses() {
        out.push(format!("clause {} {:?} {}", c.id, c.label, c.text));
        items(&c.items, 1, &mut out);
    }
    out
}

fn same(what: &str, want: &[String], got: &[String]) {
    if want == got {
        return;
    }
    let k = want
        .iter()
        .zip(got)
        .position(|(a, b)| a != b)
        .unwrap_or(want.len().min(got.len()));
    panic!(
        "{what}: first difference at fact {k}:\nwant: {:?}\n got: {:?}\n({} facts vs {})",
        want.get(k),
        got.get(k),
        want.len(),
        got.len()
    );
}

/// `concord ingest FILES --format json`: the documents, and standard error.
fn ingest(files: &[PathBuf]) -> (Vec<Document>, String) {
    let out = concord()
        .arg("ingest")
        .args(files)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let docs = if files.len() == 1 {
        vec![serde_json::from_slice(&out.stdout).unwrap()]
    } else {
        serde_json::from_slice(&out.stdout).unwrap()
    };
    (docs, stderr)
}

const SEEDS: &[&str] = &[
    "000_0739291e76a941b3",
    "001_5977b984982b9da1",
    "002_317f9fdcf88417d7",
    "003_d91a8e6c4f59d3bb",
    "004_71cbc2f1760365f7",
];

#[test]
#[ignore = "needs LibreOffice"]
fn a_doc_made_by_libreoffice_from_a_seed_reads_to_the_same_clauses_as_the_seed() {
    require_soffice();
    let dir = tempfile::tempdir().unwrap();
    let mut docx = Vec::new();
    let mut seeds = Vec::new();
    for name in SEEDS {
        let bytes = std::fs::read(repo().join(format!("corpus/{name}.txt"))).unwrap();
        let doc = concord_ingest::read(&bytes, name, &Default::default())
            .unwrap()
            .document
            .after();
        let file = dir.path().join(format!("{name}.docx"));
        std::fs::write(
            &file,
            concord_render::docx::document(&doc, &Default::default()),
        )
        .unwrap();
        docx.push(file);
        seeds.push(doc);
    }
    soffice_convert(&docx, "doc:MS Word 97", dir.path());
    let docs: Vec<PathBuf> = SEEDS
        .iter()
        .map(|n| dir.path().join(format!("{n}.doc")))
        .collect();
    for d in &docs {
        let head = std::fs::read(d).unwrap();
        assert!(
            head.starts_with(b"\xD0\xCF\x11\xE0"),
            "{} is no .doc",
            d.display()
        );
    }
    let (read, stderr) = ingest(&docs);
    for ((name, seed), back) in SEEDS.iter().zip(&seeds).zip(&read) {
        assert_eq!(back.meta.source.format, "doc", "{name}");
        same(
            &format!("{name} via .doc"),
            &clause_facts(seed),
            &clause_facts(back),
        );
        assert!(
            stderr.contains(&format!(
                "{name}.doc: a Word 97-2003 document (.doc) read through LibreOffice"
            )),
            "{stderr}"
        );
    }
}

/// The lines of LibreOffice's own text export of `file`, each with its whitespace squeezed:
/// what LibreOffice shows of it.
fn shown_by_libreoffice(file: &Path, dir: &Path) -> Vec<String> {
    let out = dir.join("shown");
    soffice_convert(&[file.to_path_buf()], "txt:Text (encoded):UTF8", &out);
    let stem = file.file_stem().unwrap().to_string_lossy();
    let text = std::fs::read_to_string(out.join(format!("{stem}.txt"))).unwrap();
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
#[ignore = "needs LibreOffice"]
fn odt_rtf_and_doc_made_by_libreoffice_read_as_libreoffice_shows_them() {
    require_soffice();
    let dir = tempfile::tempdir().unwrap();
    let source = repo().join("corpus/docx/brackenfield.docx");
    let (word, _) = ingest(std::slice::from_ref(&source));
    let mut files = Vec::new();
    for to in ["odt", "rtf", "doc:MS Word 97"] {
        soffice_convert(std::slice::from_ref(&source), to, dir.path());
        let ext = to.split(':').next().unwrap();
        files.push(dir.path().join(format!("brackenfield.{ext}")));
    }
    let (read, stderr) = ingest(&files);
    for (file, doc) in files.iter().zip(&read) {
        let ext = file.extension().unwrap().to_string_lossy().into_owned();
        assert_eq!(doc.meta.source.format, ext);
        assert!(
            stderr.contains(&format!("brackenfield.{ext}: ")),
            "no note for .{ext}: {stderr}"
        );
        assert_eq!(
            doc.meta.council.as_deref(),
            Some("Brackenfield Town Council")
        );
        // Every clause reads as LibreOffice shows it: its number, then its text.
        let shown = shown_by_libreoffice(file, dir.path());
        for c in doc.clauses() {
            let first = c.text.split("\n\n").next().unwrap_or("");
            let first = first.split("[^").next().unwrap_or(first);
            let line = format!("{} {first}", c.label.as_deref().unwrap_or(""));
            assert!(
                shown.iter().any(|l| l.starts_with(line.trim())),
                ".{ext}: LibreOffice does not show {line:?}"
            );
        }
    }
    // OpenDocument keeps Word's lists whole: the same clauses as the Word file.
    same(
        "brackenfield via .odt",
        &clause_facts(&word[0]),
        &clause_facts(&read[0]),
    );
}

/// A `.doc`, `.odt` and `.rtf` in a fresh folder (made by hand: only their first bytes matter
/// until a conversion runs), and the folder.
fn other_formats() -> (tempfile::TempDir, Vec<(PathBuf, &'static str)>) {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.extend([0u8; 504]);
    doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    let odt = {
        use std::io::Write;
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        z.start_file("mimetype", stored).unwrap();
        z.write_all(b"application/vnd.oasis.opendocument.text")
            .unwrap();
        z.finish().unwrap().into_inner()
    };
    let rtf = b"{\\rtf1\\ansi Protocol\\par}".to_vec();
    let mut out = Vec::new();
    for (name, bytes, what) in [
        ("old.doc", doc, "a Word 97-2003 document (.doc)"),
        ("open.odt", odt, "an OpenDocument text file (.odt)"),
        ("rich.rtf", rtf, "a Rich Text Format file (.rtf)"),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        out.push((p, what));
    }
    (dir, out)
}

/// A refused input: exit 2, one `error: PATH: ...` line with `want`, a hint, no output.
fn refused(file: &Path, env: &[(&str, &str)], want: &str) -> String {
    let out_dir = tempfile::tempdir().unwrap();
    let out = concord()
        .current_dir(out_dir.path())
        .envs(env.iter().copied())
        .args(["ingest", file.to_str().unwrap(), "-o", "out.json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let first = stderr.lines().next().unwrap_or("");
    assert!(
        first.starts_with(&format!("error: {}", file.display())),
        "{stderr}"
    );
    assert!(first.contains(want), "{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
    assert!(!out_dir.path().join("out.json").exists());
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn without_libreoffice_each_format_is_named_with_what_to_do() {
    let (_dir, files) = other_formats();
    for (file, what) in &files {
        let stderr = refused(
            file,
            &[("CONCORD_SOFFICE", "/nonexistent/soffice")],
            &format!("cannot read {what}"),
        );
        assert!(stderr.contains("is not installed"), "{stderr}");
        assert!(
            stderr.contains("save it as .docx") && stderr.contains("install LibreOffice"),
            "{stderr}"
        );
        // Issue 15: a .doc is named as the old Word format, with what to do about it.
        if what.contains(".doc)") {
            assert!(
                stderr.contains("this is the old Word format: open it in Word or LibreOffice and save it as .docx"),
                "{stderr}"
            );
        }
    }
}

/// A stand-in for `soffice`: a shell script.
#[cfg(unix)]
fn fake_soffice(dir: &Path, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("soffice");
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn a_conversion_that_hangs_is_stopped_with_everything_it_started() {
    let (dir, files) = other_formats();
    let pid_file = dir.path().join("child.pid");
    // It starts a child that would outlive it, as soffice starts soffice.bin.
    let prog = fake_soffice(
        dir.path(),
        &format!("sleep 600 & echo $! > {}\nwait", pid_file.display()),
    );
    // On a loaded machine the fake may be stopped before it has started its child: then the
    // timeout is tried again, longer, until there is a child to look for.
    let mut pid = None;
    for timeout in ["1", "4", "15"] {
        let start = Instant::now();
        let stderr = refused(
            &files[0].0,
            &[
                ("CONCORD_SOFFICE", prog.to_str().unwrap()),
                ("CONCORD_SOFFICE_TIMEOUT", timeout),
            ],
            &format!(
                "LibreOffice did not finish converting a Word 97-2003 document (.doc) in {timeout} s"
            ),
        );
        assert!(start.elapsed() < Duration::from_secs(60), "{stderr}");
        if let Ok(p) = std::fs::read_to_string(&pid_file)
            && !p.trim().is_empty()
        {
            pid = Some(p.trim().to_string());
            break;
        }
    }
    let pid = pid.expect("the fake LibreOffice started its child within 15 s");
    let stat = PathBuf::from(format!("/proc/{pid}/stat"));
    // Gone, or a zombie waiting for its reaper: not running. A killed process may take a moment
    // to be seen as such.
    let running = || {
        std::fs::read_to_string(&stat)
            .ok()
            .and_then(|s| {
                s.rsplit(')')
                    .next()
                    .map(|r| r.trim_start().starts_with('Z'))
            })
            .is_some_and(|zombie| !zombie)
    };
    let seen = Instant::now();
    while running() && seen.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!running(), "the conversion's child {pid} is still running");
}

#[cfg(unix)]
#[test]
fn a_conversion_that_fails_or_writes_nothing_is_one_clear_error() {
    let (dir, files) = other_formats();
    let fails = fake_soffice(
        dir.path(),
        "echo 'Error: source file could not be loaded' >&2\nexit 1",
    );
    refused(
        &files[2].0,
        &[("CONCORD_SOFFICE", fails.to_str().unwrap())],
        "LibreOffice could not convert a Rich Text Format file (.rtf) to .docx (soffice: Error: source file could not be loaded)",
    );
    let silent = fake_soffice(dir.path(), "exit 0");
    refused(
        &files[1].0,
        &[("CONCORD_SOFFICE", silent.to_str().unwrap())],
        "LibreOffice could not convert an OpenDocument text file (.odt)",
    );
}

/// A damaged `.doc` given to the real LibreOffice: refused clearly, never a hang.
#[test]
#[ignore = "needs LibreOffice"]
fn a_damaged_doc_is_refused_by_libreoffice_clearly() {
    require_soffice();
    let (_dir, files) = other_formats();
    let start = Instant::now();
    refused(
        &files[0].0,
        &[],
        "LibreOffice could not convert a Word 97-2003 document (.doc)",
    );
    assert!(start.elapsed() < Duration::from_secs(120));
}
