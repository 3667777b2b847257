//! End-to-end tests of `concord build`: the example project's committed outputs are current;
//! two builds in different folders, time zones and locales write byte-identical files;
//! `--check` catches an edited source and writes nothing; a bad project file is reported at
//! its line and column.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn concord() -> Command {
    Command::cargo_bin("concord").unwrap()
}

fn site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/examples/site")
}

/// Copies the example project's sources (not its outputs) into a new folder.
fn copy_sources(to: &Path) {
    for name in ["concord.toml", "protocol.md", "previous.md", "options.toml"] {
        std::fs::copy(site().join(name), to.join(name)).unwrap();
    }
    std::fs::create_dir_all(to.join("peers")).unwrap();
    for e in std::fs::read_dir(site().join("peers")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join("peers").join(p.file_name().unwrap())).unwrap();
    }
}

fn outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.join("public"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn the_example_projects_outputs_are_current() {
    let out = concord()
        .args(["build", "--check", "--config"])
        .arg(site().join("concord.toml"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "run `concord build --config templates/examples/site/concord.toml` and commit: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn builds_in_other_folders_time_zones_and_locales_are_byte_identical() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    copy_sources(a.path());
    copy_sources(b.path());
    concord()
        .current_dir(a.path())
        .env("TZ", "UTC")
        .env("LC_ALL", "C")
        .arg("build")
        .assert()
        .success();
    concord()
        .current_dir(b.path())
        .env("TZ", "Pacific/Auckland")
        .env("LC_ALL", "en_GB.UTF-8")
        .env("LANG", "cy_GB.UTF-8")
        .args(["build", "--config", "concord.toml"])
        .assert()
        .success();
    let (x, y) = (outputs(a.path()), outputs(b.path()));
    assert_eq!(x.len(), 9);
    assert_eq!(x, y);
    // And the same as the committed outputs.
    assert_eq!(x, outputs(&site()));
}

#[test]
fn check_names_each_stale_output_after_a_source_is_edited_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    copy_sources(dir.path());
    concord()
        .current_dir(dir.path())
        .arg("build")
        .assert()
        .success();
    let before = outputs(dir.path());
    let protocol = dir.path().join("protocol.md");
    let text = std::fs::read_to_string(&protocol).unwrap();
    std::fs::write(
        &protocol,
        text.replace("ten working days", "twelve working days"),
    )
    .unwrap();
    let out = concord()
        .current_dir(dir.path())
        .args(["build", "--check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for stale in [
        "public/protocol.html",
        "public/protocol.json",
        "public/redline.html",
        "public/redline.md",
    ] {
        assert!(stdout.contains(&format!("stale: {stale}")), "{stdout}");
    }
    assert!(!stdout.contains("model-draft"), "{stdout}");
    assert_eq!(outputs(dir.path()), before, "--check wrote something");
}

#[test]
fn a_bad_project_file_is_reported_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    copy_sources(dir.path());
    std::fs::write(
        dir.path().join("concord.toml"),
        "[[protocol]]\nsource = \"protocol.md\"\noutptus = [\"public/p.html\"]\n",
    )
    .unwrap();
    let out = concord()
        .current_dir(dir.path())
        .arg("build")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("concord.toml:3:1:"), "{stderr}");
    assert!(stderr.contains("outptus"), "{stderr}");
    assert!(!dir.path().join("public").exists());

    std::fs::write(
        dir.path().join("concord.toml"),
        "[[protocol]]\nsource = \"missing.md\"\noutputs = [\"public/p.html\"]\n",
    )
    .unwrap();
    let out = concord()
        .current_dir(dir.path())
        .arg("build")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("concord.toml:2:10: 'missing.md' is not a file"),
        "{stderr}"
    );

    std::fs::write(
        dir.path().join("concord.toml"),
        "[[protocol]]\nsource = \"protocol.md\"\noutputs = [\"protocol.md\"]\n",
    )
    .unwrap();
    let out = concord()
        .current_dir(dir.path())
        .arg("build")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("also an input"));
}
