//! `concord amend`: an answer changed in the protocol's own words, each clause touched named,
//! and a refusal naming the clause where the words cannot be swapped safely.

mod support;

use std::process::Command;

use support::repo;

fn amend(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .current_dir(repo())
        .arg("amend")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_route_a_period_and_a_cycle_change_in_their_own_words() {
    let (code, md, err) = amend(&[
        "templates/examples/site/previous.md",
        "--set",
        "officer-complaint-about-councillor=chief-executive",
        "--set",
        "response-time=10 working",
        "--set",
        "review-cycle=3",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("changed clause 12.2: officer-complaint-about-councillor: Monitoring Officer -> Chief Executive"), "{err}");
    assert!(
        err.contains("changed clause 7.1: response-time: 15 working days -> 10 working days"),
        "{err}"
    );
    assert!(err.contains("changed clause 13.3"), "{err}");
    // Only those words changed: the rest of the protocol is as it was.
    let dir = tempfile::tempdir().expect("tmp");
    let amended = dir.path().join("amended.md");
    std::fs::write(&amended, &md).expect("write");
    let diff = Command::new(env!("CARGO_BIN_EXE_concord"))
        .current_dir(repo())
        .args(["diff", "templates/examples/site/previous.md"])
        .arg(&amended)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    let r: serde_json::Value = serde_json::from_slice(&diff.stdout).expect("json");
    assert_eq!(r["summary"]["changed"], 3, "{}", r["summary"]);
    assert_eq!(r["summary"]["added"], 0);
    assert_eq!(r["summary"]["removed"], 0);
    // Asking for what it already says changes nothing.
    let (code, _, err) = amend(&[
        amended.to_str().expect("utf-8"),
        "--set",
        "officer-complaint-about-councillor=chief-executive",
    ]);
    assert_eq!(code, 0);
    assert!(err.contains("nothing changed"), "{err}");
}

#[test]
fn the_change_as_word_tracked_changes() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("amended.docx");
    let (code, _, err) = amend(&[
        "templates/examples/site/previous.md",
        "--set",
        "officer-complaint-about-councillor=chief-executive",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut z = zip::ZipArchive::new(std::fs::File::open(&out).expect("docx")).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/document.xml").expect("part"), &mut xml)
        .expect("xml");
    assert!(
        xml.contains("<w:del ") && xml.contains("<w:ins "),
        "tracked changes"
    );
}

#[test]
fn a_change_the_words_cannot_carry_is_refused_naming_the_clause() {
    let (code, out, err) = amend(&[
        "corpus/003_d91a8e6c4f59d3bb.txt",
        "--set",
        "officer-complaint-about-councillor=chief-executive",
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "nothing written");
    assert!(
        err.contains("clause 2.26: the route there names 5 roles and 1 role asked for"),
        "{err}"
    );
    let (code, _, err) = amend(&[
        "corpus/003_d91a8e6c4f59d3bb.txt",
        "--set",
        "blind-copies=true",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("edit the clause by hand"), "{err}");
    let (code, _, err) = amend(&["corpus/003_d91a8e6c4f59d3bb.txt", "--set", "no-such=1"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown question"), "{err}");
}
