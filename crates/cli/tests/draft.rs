//! End-to-end tests of `concord draft` and `concord options`: each kind of mistake in an
//! options file is reported at `path:line:col` with the allowed values, exits 2, and writes
//! nothing; good files draft to Markdown and HTML with option values kept as data.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn concord() -> Command {
    Command::cargo_bin("concord").unwrap()
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/examples")
}

const GOOD: &str = "[council]\nname = \"Little Haven Parish Council\"\nkind = \"parish\"\n";

/// Writes `options` to a temporary folder, runs `concord draft` with `-o`, and returns
/// (exit code, stderr, whether the output file exists).
fn draft(options: &str) -> (i32, String, bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("options.toml");
    std::fs::write(&path, options).unwrap();
    let out = dir.path().join("protocol.md");
    let result = concord()
        .current_dir(dir.path())
        .args(["draft", "options.toml", "-o", "protocol.md"])
        .output()
        .unwrap();
    (
        result.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&result.stderr).into_owned(),
        out.exists(),
    )
}

/// Asserts a rejected file: exit 2, no output, and each expected fragment in stderr.
fn assert_rejected(options: &str, expected: &[&str]) {
    let (code, stderr, written) = draft(options);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        !written,
        "an output file was written for a bad options file"
    );
    for e in expected {
        assert!(stderr.contains(e), "expected {e:?} in:\n{stderr}");
    }
}

#[test]
fn an_unknown_key_is_reported_with_a_suggestion() {
    assert_rejected(
        "[council]\nname = \"X\"\nkind = \"parish\"\nadoptd = 2026-01-01\n",
        &[
            "error: options.toml:4:1: unknown key 'adoptd' in [council]",
            "hint: did you mean 'adopted'?",
        ],
    );
}

#[test]
fn an_unknown_table_and_an_unknown_question_are_reported() {
    assert_rejected(
        &format!("{GOOD}[answer]\nx = 1\n"),
        &[
            "options.toml:4:2: unknown table 'answer'",
            "did you mean 'answers'?",
        ],
    );
    assert_rejected(
        &format!("{GOOD}[answers]\nreview-cycles = {{ years = 2 }}\n"),
        &[
            "options.toml:5:1: unknown question 'review-cycles' in [answers]",
            "did you mean 'review-cycle'?",
        ],
    );
}

#[test]
fn an_unknown_role_is_reported_with_a_suggestion() {
    assert_rejected(
        "[council]\nname = \"X\"\nkind = \"district\"\n[answers]\nprotocol-interpretation = [\"monitering-officer\"]\n",
        &[
            "options.toml:5:28: unknown role 'monitering-officer' in the route for 'protocol-interpretation'",
            "did you mean 'monitoring-officer'?",
        ],
    );
}

#[test]
fn a_role_the_councils_kind_does_not_have_is_reported_with_the_roles_it_has() {
    assert_rejected(
        &format!(
            "{GOOD}[answers]\nofficer-complaint-about-councillor = [\"chair\", \"executive-director\"]\n"
        ),
        &[
            "options.toml:5:48: a parish council has no 'executive-director'",
            "allowed: 'monitoring-officer', 'clerk', 'line-manager', 'group-leader', 'chair'",
        ],
    );
}

#[test]
fn a_wrong_type_is_reported_at_the_value() {
    assert_rejected(
        &format!("{GOOD}[answers]\nresponse-time = \"ten days\"\n"),
        &[
            "options.toml:5:17: wrong type for 'response-time': expected a table such as { days = 10, working = true }, found a string",
        ],
    );
    assert_rejected(
        &format!("{GOOD}[sections]\nmedia = \"yes\"\n"),
        &[
            "options.toml:5:9: wrong type for [sections] media: expected true or false, found a string",
        ],
    );
}

#[test]
fn a_value_not_allowed_is_reported_with_the_allowed_values() {
    assert_rejected(
        "[council]\nname = \"X\"\nkind = \"parrish\"\n",
        &[
            "options.toml:3:8: unknown council kind 'parrish'",
            "did you mean 'parish'?",
        ],
    );
    assert_rejected(
        &format!("{GOOD}[terms]\ncouncillor = \"cllr\"\n"),
        &[
            "options.toml:5:14: value not allowed for [terms] councillor: 'cllr'",
            "allowed: 'councillor', 'member'",
        ],
    );
    assert_rejected(
        &format!("{GOOD}[answers]\nresponse-time = {{ days = 0 }}\n"),
        &[
            "options.toml:5:26: value not allowed for 'response-time' days: '0'",
            "from 1 to 90",
        ],
    );
}

#[test]
fn a_missing_council_name_is_reported() {
    assert_rejected(
        "[council]\nkind = \"parish\"\n",
        &[
            "options.toml:1:1: missing the council's name in [council]",
            "hint: add name =",
        ],
    );
    assert_rejected(
        "[terms]\ncouncillor = \"member\"\n",
        &["options.toml:1:1: missing the [council] table"],
    );
}

#[test]
fn bad_toml_is_reported_at_its_position() {
    assert_rejected(
        "[council]\nname = \"X\nkind = \"parish\"\n",
        &["error: options.toml:2:", "invalid toml:"],
    );
}

#[test]
fn an_answer_for_a_section_that_is_off_is_reported() {
    assert_rejected(
        &format!("{GOOD}[answers]\nward-member-notice = {{ days = 7 }}\n"),
        &[
            "options.toml:5:1: answer 'ward-member-notice' belongs to the optional section 'ward-members', which is off",
            "set [sections] ward-members = true",
        ],
    );
}

#[test]
fn every_mistake_is_reported_not_just_the_first() {
    let (code, stderr, _) = draft(
        "[council]\nname = \"X\"\nkind = \"district\"\nfoo = 1\n[terms]\ncouncillor = \"cllr\"\n",
    );
    assert_eq!(code, 2);
    let first = stderr.find("options.toml:4:1").unwrap();
    let second = stderr.find("options.toml:6:14").unwrap();
    assert!(first < second, "{stderr}");
}

#[test]
fn a_missing_options_file_exits_2() {
    assert_fails(
        concord().args(["draft", "no-such-options.toml"]),
        &["no-such-options.toml: no such file"],
    );
}

#[test]
fn every_example_drafts_cleanly_to_markdown_and_html() {
    for name in ["parish", "district", "joint"] {
        let path = examples().join(format!("{name}.toml"));
        for format in ["md", "html"] {
            let out = concord()
                .arg("draft")
                .arg(&path)
                .args(["--format", format])
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "{name} {format}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                out.stderr.is_empty(),
                "{name} {format}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(
                !text.contains("{{") && !text.contains('\u{1e}'),
                "{name} {format}"
            );
        }
    }
}

#[test]
fn special_characters_in_option_values_are_data_in_html() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("o.toml");
    std::fs::write(
        &path,
        "[council]\nname = \"Smith & <b>Jones</b> \\\"Town\\\" Council\"\nkind = \"town\"\n[answers]\nreview-cycle = { years = 3, body = \"Audit & <i>Standards</i>\" }\n",
    )
    .unwrap();
    let out = concord()
        .arg("draft")
        .arg(&path)
        .args(["--format", "html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains("Smith &amp; &lt;b&gt;Jones&lt;/b&gt; &quot;Town&quot; Council"),
        "{html}"
    );
    assert!(
        html.contains("by the Audit &amp; &lt;i&gt;Standards&lt;/i&gt;"),
        "{html}"
    );
    assert!(!html.contains("<b>Jones") && !html.contains("<i>Standards"));
}

#[test]
fn a_template_folder_cannot_include_files_outside_itself() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    std::fs::write(dir.path().join("secret.j2"), "secret").unwrap();
    std::fs::write(lib.join("protocol.j2"), "{% include \"../secret.j2\" %}").unwrap();
    let opts = dir.path().join("o.toml");
    std::fs::write(&opts, GOOD).unwrap();
    assert_fails(
        concord()
            .arg("draft")
            .arg(&opts)
            .arg("--templates")
            .arg(&lib),
        &["template name '../secret.j2' refused: '..' would leave the template folder"],
    );
}

#[test]
fn a_dangling_ref_in_a_user_template_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("protocol.j2"),
        "{{ section(\"a\", \"A\") }}{{ clause(\"a.one\") }}See {{ ref(\"media.spokesperson\") }}.",
    )
    .unwrap();
    let opts = dir.path().join("o.toml");
    std::fs::write(&opts, GOOD).unwrap();
    assert_fails(
        concord()
            .arg("draft")
            .arg(&opts)
            .arg("--templates")
            .arg(dir.path()),
        &["ref(\"media.spokesperson\") in clause 'a.one' points to no drafted clause or section"],
    );
}

#[test]
fn options_lists_every_question_and_explains_one() {
    let out = concord().arg("options").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("officer-complaint-about-councillor\n  Who does an officer go to"));
    assert!(text.contains("[sections]"));
    assert_fails(
        concord().args(["options", "blind-copy"]),
        &[
            "unknown question 'blind-copy'",
            "did you mean 'blind-copies'?",
        ],
    );
}

/// Runs a command and asserts it exits 2 with each fragment in stderr.
fn assert_fails(cmd: &mut Command, expected: &[&str]) {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    for e in expected {
        assert!(stderr.contains(e), "expected {e:?} in:\n{stderr}");
    }
}

/// Issue 15: `[council] logo = "crest.png"` prints the council's crest above the title, in
/// Word (an image part), PDF (an image) and HTML (inline); a file that is not a picture is one
/// clear error and nothing is written.
#[test]
fn a_logo_is_embedded_in_word_pdf_and_html() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/crest.png"),
        dir.path().join("crest.png"),
    )
    .unwrap();
    let options = dir.path().join("options.toml");
    std::fs::write(
        &options,
        "[council]\nname = \"Brynmawr Town Council\"\nkind = \"town\"\nlogo = \"crest.png\"\n",
    )
    .unwrap();
    let draft = |format: &str| {
        let out = dir.path().join(format!("protocol.{format}"));
        Command::cargo_bin("concord")
            .unwrap()
            .arg("draft")
            .arg(&options)
            .args(["--format", format, "-o"])
            .arg(&out)
            .assert()
            .success();
        std::fs::read(out).unwrap()
    };
    let html = String::from_utf8(draft("html")).unwrap();
    assert!(html.contains("<img class=\"logo\" src=\"data:image/png;base64,iVBORw0KGgo"));
    assert!(html.contains("alt=\"Brynmawr Town Council logo\""));
    let docx = draft("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    assert!(zip.by_name("word/media/logo.png").is_ok());
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(
        xml.contains("r:embed=\"rId6\"") && xml.contains("descr=\"Brynmawr Town Council logo\"")
    );
    let pdf = draft("pdf");
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("/Subtype /Image") && raw.contains("/SMask"),
        "an image with its transparency"
    );
    assert_eq!(pdf, draft("pdf"), "the same bytes every run");
    // Not a picture: one error naming the file, exit 2, nothing written.
    std::fs::write(dir.path().join("crest.png"), "not a picture").unwrap();
    let out = dir.path().join("bad.pdf");
    let r = Command::cargo_bin("concord")
        .unwrap()
        .arg("draft")
        .arg(&options)
        .args(["--format", "pdf", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(
        stderr.contains("crest.png: a logo must be a PNG or JPEG picture"),
        "{stderr}"
    );
    assert!(!out.exists());
}
