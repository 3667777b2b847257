//! End-to-end tests of `concord options --from FILE`: on a drafted example it writes options
//! that draft the very same protocol again; on each seed it writes options that `concord draft`
//! accepts and whose `[answers]` agree with the hand-checked `corpus/answers.toml`; option
//! values with special characters survive the round trip as data.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn concord() -> Command {
    Command::cargo_bin("concord").unwrap()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs concord with these arguments, asserting exit 0, and returns its stdout.
fn run(args: &[&std::ffi::OsStr]) -> String {
    let out = concord().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "concord {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

/// Drafts `options` to Markdown, reads the options back with `options --from`, and drafts
/// again: returns (first draft, options read back, second draft).
fn loop_through(dir: &Path, options: &Path) -> (String, String, String) {
    let first = dir.join("first.md");
    let from = dir.join("from.toml");
    let second = dir.join("second.md");
    run(&[
        os("draft"),
        options.as_os_str(),
        os("-o"),
        first.as_os_str(),
    ]);
    run(&[
        os("options"),
        os("--from"),
        first.as_os_str(),
        os("-o"),
        from.as_os_str(),
    ]);
    run(&[os("draft"), from.as_os_str(), os("-o"), second.as_os_str()]);
    let read = |p: &Path| std::fs::read_to_string(p).unwrap();
    (read(&first), read(&from), read(&second))
}

#[test]
fn options_from_a_drafted_example_drafts_the_same_protocol_again() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("templates/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 3);
    for options in files {
        let dir = tempfile::tempdir().unwrap();
        let (first, from, second) = loop_through(dir.path(), &options);
        assert!(from.contains("# from clause "), "{from}");
        // Same council, terms, sections and answers: the same text, byte for byte.
        assert_eq!(first, second, "{}:\n{from}", options.display());
    }
}

#[test]
fn special_characters_survive_draft_and_options_from_as_data() {
    let dir = tempfile::tempdir().unwrap();
    let options = dir.path().join("options.toml");
    std::fs::write(
        &options,
        concat!(
            "[council]\n",
            "name = \"Smith & Sons \\\"Parish\\\" <Council>\"\n",
            "kind = \"parish\"\n",
            "principal = \"O'Neill & Back\\\\slash <District> Council\"\n",
            "[answers]\n",
            "review-cycle = { years = 3, body = \"Audit & \\\"Standards\\\" <Committee>\" }\n",
        ),
    )
    .unwrap();
    let (first, from, second) = loop_through(dir.path(), &options);
    // Markdown: escaped so that a CommonMark reader shows the characters, not tags.
    assert!(
        first.contains(r#"Council: Smith & Sons "Parish" \<Council>"#),
        "{first}"
    );
    assert!(
        first.contains(r#"the Monitoring Officer of O'Neill & Back\\slash \<District> Council"#),
        "{first}"
    );
    assert!(!first.contains(" <Council>") && !first.contains(" <District>"));
    // TOML: the same values, escaped as TOML strings.
    assert!(
        from.contains(r#"name = "Smith & Sons \"Parish\" <Council>""#),
        "{from}"
    );
    assert!(
        from.contains(r#"principal = "O'Neill & Back\\slash <District> Council""#),
        "{from}"
    );
    assert!(
        from.contains(
            r#"review-cycle = { years = 3, body = "Audit & \"Standards\" <Committee>" }"#
        ),
        "{from}"
    );
    assert_eq!(first, second);
    // HTML: entities, never markup.
    let html = run(&[os("draft"), options.as_os_str(), os("--format"), os("html")]);
    assert!(
        html.contains("Smith &amp; Sons &quot;Parish&quot; &lt;Council&gt;"),
        "{html}"
    );
    assert!(
        html.contains("O&#39;Neill &amp; Back\\slash &lt;District&gt; Council")
            || html.contains("O'Neill &amp; Back\\slash &lt;District&gt; Council"),
        "{html}"
    );
    assert!(!html.contains("<Council>") && !html.contains("<Committee>"));
}

/// The roles a kind of council may name in its options.
fn allowed_roles(kind: &str) -> Vec<String> {
    concord_draft::catalogue::roles_for(kind)
        .into_iter()
        .map(String::from)
        .collect()
}

#[test]
fn options_from_each_seed_agree_with_the_expected_answers() {
    let corpus = root().join("corpus");
    let expected: toml::Table = std::fs::read_to_string(corpus.join("answers.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let mut checked = 0;
    for (id, questions) in &expected {
        let seed = corpus.join(format!("{id}.txt"));
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("options.toml");
        run(&[
            os("options"),
            os("--from"),
            seed.as_os_str(),
            os("-o"),
            out.as_os_str(),
        ]);
        // The options file is valid: `concord draft` accepts it.
        run(&[
            os("draft"),
            out.as_os_str(),
            os("-o"),
            dir.path().join("d.md").as_os_str(),
        ]);
        let text = std::fs::read_to_string(&out).unwrap();
        let written: toml::Table = text.parse().unwrap();
        let kind = written["council"]["kind"].as_str().unwrap().to_string();
        let answers = written
            .get("answers")
            .and_then(|a| a.as_table())
            .cloned()
            .unwrap_or_default();
        let roles = allowed_roles(&kind);
        for (q, want) in questions.as_table().unwrap() {
            let got = answers.get(q);
            let what = format!("{id} {q}: got {got:?}, want {want:?}\n{text}");
            if want.as_str() == Some("not covered") {
                assert!(got.is_none(), "{what}");
                assert!(text.contains(&format!("# unknown: {q}")), "{what}");
                checked += 1;
                continue;
            }
            let want = want.as_table().unwrap();
            if want.contains_key("miss") {
                // A miss of the extractor that expected.rs reports: options --from cannot know
                // better than the answers.
                assert!(got.is_none(), "{what}");
                continue;
            }
            if let Some(route) = want.get("roles").and_then(|r| r.as_array()) {
                let names: Vec<&str> = route.iter().filter_map(|r| r.as_str()).collect();
                if names.iter().any(|r| !roles.iter().any(|a| a == r)) {
                    // A role this kind's options cannot name: left out as unknown, with why.
                    assert!(
                        got.is_none() && text.contains("options do not have"),
                        "{what}"
                    );
                    continue;
                }
                // A route is a list, or a table with its shape: { roles = [...], shape = "then" }.
                let got_route = got.and_then(|g| {
                    g.as_array()
                        .or_else(|| g.get("roles").and_then(|r| r.as_array()))
                });
                assert_eq!(got_route, Some(route), "{what}");
            } else {
                let got = got
                    .and_then(|g| g.as_table())
                    .unwrap_or_else(|| panic!("{what}"));
                for key in ["days", "working", "years", "body", "forbidden"] {
                    let w = want.get(key).or(match key {
                        // An expected days value without `working` means calendar days.
                        "working" if want.contains_key("days") => {
                            Some(&toml::Value::Boolean(false))
                        }
                        _ => None,
                    });
                    assert_eq!(got.get(key), w, "{what}");
                }
            }
            checked += 1;
        }
    }
    // Every hand-checked answer (001's review cycle, read from its version table, included).
    assert_eq!(checked, 55, "answers checked");
}

#[test]
fn options_from_a_missing_file_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("o.toml");
    let out = concord()
        .args([
            os("options"),
            os("--from"),
            os("no-such.md"),
            os("-o"),
            out_path.as_os_str(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: no-such.md: no such file"),
        "{stderr}"
    );
    assert!(!out_path.exists());
    // A question and --from together are a usage error.
    let out = concord()
        .args(["options", "review-cycle", "--from", "x.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
