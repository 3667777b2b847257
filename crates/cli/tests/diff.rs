//! End-to-end tests of `concord diff`: exit codes as `git diff` gives them, the tracked versions
//! of one file, colour only when asked for, and one clear message for a wrong call.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn concord() -> Command {
    Command::cargo_bin("concord").unwrap()
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(name)
}

#[test]
fn exit_code_says_whether_the_versions_differ() {
    let case = corpus("compare/deadline-changed");
    concord()
        .arg("diff")
        .arg(case.join("old.md"))
        .arg(case.join("new.md"))
        .arg("--exit-code")
        .assert()
        .code(1);
    concord()
        .arg("diff")
        .arg(case.join("old.md"))
        .arg(case.join("old.md"))
        .arg("--exit-code")
        .assert()
        .code(0);
    // Without --exit-code a difference is still success.
    concord()
        .arg("diff")
        .arg(case.join("old.md"))
        .arg(case.join("new.md"))
        .assert()
        .code(0);
}

#[test]
fn tracked_redline_of_seed_000_leads_with_the_material_changes() {
    let out = concord()
        .arg("diff")
        .arg(corpus("000_0739291e76a941b3.txt"))
        .arg("--tracked")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "colour without a terminal");
    let material = text.find("Material changes").unwrap();
    let editorial = text.find("Editorial changes").unwrap();
    let redline = text.find("\nRedline").unwrap();
    assert!(material < editorial && editorial < redline);
    assert!(
        text.contains("6.2  role: Monitoring Officer -> Chief Executive"),
        "{text}"
    );
    assert!(text.contains("3.3 -> 3.5"));
    assert!(text.contains("[-Monitoring Officer-]{+Chief Executive+}"));
    // Colour when asked.
    let out = concord()
        .arg("diff")
        .arg(corpus("000_0739291e76a941b3.txt"))
        .args(["--tracked", "--color", "always"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("\x1b[31;9m")
    );
}

#[test]
fn json_follows_the_contract() {
    let out = concord()
        .arg("diff")
        .arg(corpus("000_0739291e76a941b3.txt"))
        .args(["--tracked", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "old",
        "new",
        "summary",
        "clauses",
        "responsibilities",
        "references",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    for key in [
        "added",
        "removed",
        "changed",
        "unchanged",
        "moved",
        "renumbered",
        "material",
        "editorial",
    ] {
        assert!(v["summary"][key].is_u64(), "summary.{key}");
    }
    let c = &v["clauses"][0];
    for key in [
        "old_id",
        "new_id",
        "status",
        "moved",
        "renumbered",
        "class",
        "words",
    ] {
        assert!(c.get(key).is_some(), "clauses[].{key}");
    }
}

#[test]
fn a_wrong_call_gets_one_message_and_exit_2() {
    let out = concord()
        .arg("diff")
        .arg(corpus("000_0739291e76a941b3.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("diff needs two files"));
    let out = concord()
        .arg("diff")
        .arg(corpus("000_0739291e76a941b3.txt"))
        .arg("missing.md")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.md: no such file"));
}

/// Issue 15: `diff -o` wrote its file in silence; like `pack`, it says what it wrote (on
/// standard error), and nothing when the redline goes to standard output.
#[test]
fn writing_a_file_says_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("redline.docx");
    let r = concord()
        .arg("diff")
        .arg(corpus("000_0739291e76a941b3.txt"))
        .arg("--tracked")
        .args(["--format", "docx", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(r.status.success());
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(
        stderr.starts_with(&format!(
            "wrote {}: a Word redline with tracked changes; 9 clauses differ",
            out.display()
        )),
        "{stderr}"
    );
    assert!(out.exists());
    let r = concord()
        .arg("diff")
        .arg(corpus("000_0739291e76a941b3.txt"))
        .arg("--tracked")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&r.stderr).contains("wrote"));
}
