//! The committed man pages (`docs/man/`, one per command) are what the binary's argument
//! definitions make now: run `cargo xtask codegen` after changing a flag or its help.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::Path;

use assert_cmd::Command;

#[test]
fn man_pages_are_fresh() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("concord")
        .unwrap()
        .arg("man")
        .arg(dir.path())
        .assert()
        .success();
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/man");
    let names = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let made = names(dir.path());
    assert!(
        made.contains(&"concord.1".to_string()) && made.contains(&"concord-pack.1".to_string())
    );
    assert_eq!(names(&committed), made, "run `cargo xtask codegen`");
    for name in made {
        assert_eq!(
            std::fs::read(dir.path().join(&name)).unwrap(),
            std::fs::read(committed.join(&name)).unwrap(),
            "{name} is stale: run `cargo xtask codegen`"
        );
    }
}

#[test]
fn completions_for_each_shell() {
    for (shell, mark) in [
        ("bash", "_concord()"),
        ("zsh", "#compdef concord"),
        ("fish", "complete -c concord"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = Command::cargo_bin("concord")
            .unwrap()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains(mark),
            "{shell}: {}",
            &script[..200.min(script.len())]
        );
        assert!(script.contains("pack"), "{shell} completes the subcommands");
    }
}
