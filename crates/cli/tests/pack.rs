//! End-to-end tests of `concord pack`: the pack for seed 000 (before and after its tracked
//! changes) with the other seeds as peers leads with the change of responsibility, holds every
//! part a committee reads, is byte-identical on a second run, and bad calls exit 2 having
//! written nothing.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn concord() -> Command {
    Command::cargo_bin("concord").unwrap()
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn pack_000(dir: &Path) -> String {
    concord()
        .arg("pack")
        .arg("--tracked")
        .arg(corpus().join("000_0739291e76a941b3.txt"))
        .arg("--peers")
        .arg(corpus())
        .args([
            "--meeting-date",
            "Standards Committee, 12 March 2027 & after",
        ])
        .arg("-o")
        .arg(dir)
        .assert()
        .success();
    std::fs::read_to_string(dir.join("pack.html")).unwrap()
}

#[test]
fn seed_000_pack_leads_with_the_responsibility_change() {
    let dir = tempfile::tempdir().unwrap();
    let html = pack_000(dir.path());
    let lead = html
        .find(
            "Officer complaints about councillors: Monitoring Officer -&gt; Chief Executive (6.2)",
        )
        .expect("the responsibility change");
    let material = html.find("Material changes (5)").expect("material changes");
    assert!(lead < material);
    for id in [
        "id=\"summary\"",
        "id=\"changes\"",
        "id=\"peers\"",
        "id=\"full\"",
        "id=\"checks\"",
        "id=\"appendix\"",
    ] {
        assert!(html.contains(id), "{id}");
    }
    // The peers are the other seeds, not the file under review.
    for peer in [
        "001_5977b984982b9da1",
        "002_317f9fdcf88417d7",
        "003_d91a8e6c4f59d3bb",
        "004_71cbc2f1760365f7",
    ] {
        assert!(
            html.contains(&format!("<th scope=\"col\">{peer}</th>")),
            "{peer}"
        );
    }
    assert!(!html.contains("<th scope=\"col\">000_0739291e76a941b3</th>"));
    // User text is data.
    assert!(html.contains("12 March 2027 &amp; after"));
    // The appendix has its own anchors: no id is used twice.
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids in the pack");
    // A second run writes the same bytes, in every format.
    let again = tempfile::tempdir().unwrap();
    assert_eq!(pack_000(again.path()), html);
    for name in ["pack.docx", "pack.pdf"] {
        let a = std::fs::read(dir.path().join(name)).unwrap();
        let b = std::fs::read(again.path().join(name)).unwrap();
        assert!(!a.is_empty() && a == b, "{name} differs between runs");
    }
}

#[test]
fn bad_calls_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pack");
    let r = concord()
        .arg("pack")
        .arg("--old")
        .arg(corpus().join("compare/split/old.md"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(!out.exists());
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let r = concord()
        .arg("pack")
        .arg("--old")
        .arg(corpus().join("compare/split/old.md"))
        .arg("--new")
        .arg(corpus().join("compare/split/new.md"))
        .arg("-o")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("is a file"));
    let r = concord()
        .arg("pack")
        .arg("--tracked")
        .arg(corpus().join("compare/split/old.md"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("no tracked changes"));
    assert!(!out.exists());
}
