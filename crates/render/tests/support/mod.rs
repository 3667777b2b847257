//! Real clients for the writers' tests: LibreOffice (headless, each run with its own profile),
//! python-docx and poppler's `pdftotext`. The tests that need them are `#[ignore]`d with the
//! client they need, so a plain `cargo test` reports them as ignored, not passed; `.ci/run`
//! installs the clients and runs them with `--include-ignored`, where a missing client fails.

#![allow(dead_code, reason = "each test file uses a part of the support")]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Fails the test unless `program` runs: a test that needs a client is ignored unless asked
/// for, and when asked for it must really run.
pub fn require(program: &str, args: &[&str]) {
    let ok = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(ok, "{program} is missing: install it (see .ci/run)");
}

/// The Python that has LibreOffice's `uno` module and python-docx: Debian's own.
pub fn python() -> String {
    if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3".into()
    } else {
        "python3".into()
    }
}

/// Fails the test unless LibreOffice, its Python bridge and python-docx are all there.
pub fn require_office() {
    require("soffice", &["--version"]);
    require(&python(), &["-c", "import uno, docx"]);
}

/// A fresh folder under the target directory for one test's files.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Converts `input` with LibreOffice (`pdf`, `txt:Text (encoded):UTF8`, `fodt`) into `dir`,
/// with a profile of its own, and returns the output path.
pub fn soffice_convert(input: &Path, to: &str, dir: &Path) -> PathBuf {
    let profile = dir.join(format!(
        "profile-{}",
        input.file_stem().and_then(|s| s.to_str()).unwrap_or("x")
    ));
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(input)
        .output()
        .expect("soffice runs");
    let ext = to.split(':').next().unwrap_or(to);
    let produced = dir.join(format!(
        "{}.{ext}",
        input.file_stem().and_then(|s| s.to_str()).unwrap_or("x")
    ));
    assert!(
        out.status.success() && produced.exists(),
        "soffice did not convert {} to {to}: {}",
        input.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    produced
}

/// Opens `input` in LibreOffice through UNO, accepts or rejects every tracked change (or
/// `keep`s them), and returns (number of tracked changes found, the text it then holds).
pub fn office_changes(input: &Path, mode: &str, dir: &Path) -> (usize, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/lo_changes.py");
    let out_txt = dir.join(format!("{mode}.txt"));
    let out = Command::new(python())
        .arg(&script)
        .arg(mode)
        .arg(input)
        .arg(&out_txt)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "lo_changes.py {mode} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let count = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a count of tracked changes");
    let text = std::fs::read_to_string(&out_txt).expect("the saved text");
    (count, text.trim_start_matches('\u{feff}').to_string())
}

/// Runs a Python snippet with python-docx on `input` (passed as `sys.argv[1]`); returns stdout.
pub fn python_docx(snippet: &str, input: &Path) -> String {
    let out = Command::new(python())
        .args(["-c", snippet])
        .arg(input)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "python-docx failed on {}: {}",
        input.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The non-empty lines of a text with whitespace runs collapsed.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}
