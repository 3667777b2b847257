//! Bad input, end to end: each test is a row of `docs/reliability.md`. Every failure must be one
//! `error:` line naming the file (at `line:col` where there is one) and a `hint:`, exit 2, and
//! leave no output behind; every input that is odd but readable must read.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn concord() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin("concord"))
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(name)
}

/// What a run printed and how it ended.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `concord ARGS` in `dir`.
fn concord_in(dir: &Path, args: &[&str]) -> Run {
    run(concord().current_dir(dir).args(args))
}

/// Asserts a refusal: exit 2, one `error:` line holding each fragment, a hint, no stdout.
fn refused(r: &Run, fragments: &[&str]) {
    assert_eq!(r.code, 2, "stderr: {}", r.stderr);
    assert!(r.stdout.is_empty(), "stdout: {}", r.stdout);
    let errors: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .collect();
    assert_eq!(errors.len(), 1, "stderr: {}", r.stderr);
    for f in fragments {
        assert!(errors[0].contains(f), "expected {f:?} in {:?}", errors[0]);
    }
    assert!(r.stderr.contains("\n  hint: "), "no hint in: {}", r.stderr);
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

const PROTOCOL: &str = "Protocol\n\n1. Introduction\n\n1.1 Officers serve the whole council.\n";

// ---- inputs that are not protocols ----

#[test]
fn an_empty_or_blank_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "blank.txt", b" \n\t\n");
    for f in ["empty.txt", "blank.txt"] {
        let r = concord_in(dir.path(), &["ingest", f, "-o", "out.json"]);
        refused(&r, &[&format!("{f}:1:1: the file is empty")]);
        assert!(!dir.path().join("out.json").exists());
    }
}

#[test]
fn binary_data_and_nul_bytes_are_refused_at_their_position() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let r = concord_in(dir.path(), &["ingest", "image.png"]);
    refused(
        &r,
        &["image.png:", "this is not a text file (binary data at byte"],
    );
    write(
        dir.path(),
        "nul.txt",
        b"Protocol\n\n1.1 Officers\0 serve.\n",
    );
    let r = concord_in(dir.path(), &["ingest", "nul.txt"]);
    refused(&r, &["nul.txt:3:13: this is not a text file"]);
}

#[test]
fn a_directory_a_missing_file_and_a_dangling_link_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    refused(
        &concord_in(dir.path(), &["ingest", "folder"]),
        &["folder: is a directory"],
    );
    refused(
        &concord_in(dir.path(), &["ingest", "missing.txt"]),
        &["missing.txt: no such file"],
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("gone.txt", dir.path().join("link.txt")).unwrap();
        refused(
            &concord_in(dir.path(), &["ingest", "link.txt"]),
            &["link.txt: is a symbolic link to a file that does not exist"],
        );
    }
}

// ---- text in the encodings councils produce ----

#[test]
fn windows_1252_and_utf16_with_or_without_a_bom_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Protocol\n\n1. Introduction\n\n1.1 \u{201c}Officers\u{201d} \u{2013} serve the Council\u{2019}s members.\n";
    let utf16le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let with_bom = [vec![0xFF, 0xFE], utf16le.clone()].concat();
    let cp1252 = cp1252(text);
    for (name, bytes) in [
        ("cp1252.txt", cp1252),
        ("utf16-bom.txt", with_bom),
        ("utf16le.txt", utf16le),
        ("utf16be.txt", utf16be),
    ] {
        write(dir.path(), name, &bytes);
        let r = concord_in(dir.path(), &["ingest", name, "--format", "md"]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        assert!(
            r.stdout.contains(
                "1.1 \u{201c}Officers\u{201d} \u{2013} serve the Council\u{2019}s members."
            ),
            "{name}: {}",
            r.stdout
        );
    }
}

/// Windows-1252 bytes of `text`, which holds only ASCII and these four punctuation marks.
fn cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2013}' => 0x96,
            '\u{2019}' => 0x92,
            c => u8::try_from(u32::from(c)).unwrap(),
        })
        .collect()
}

#[test]
fn crlf_line_endings_form_feeds_and_control_characters_are_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "dos.txt",
        b"Protocol\r\n\r\n1. Introduction\r\n\r\n1.1 Officers serve\x0cthe\x07 council.\r\n",
    );
    let r = concord_in(dir.path(), &["ingest", "dos.txt", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("1.1 Officers serve the council."),
        "{}",
        r.stdout
    );
}

// ---- inputs too large, too long or too deep ----

#[test]
fn a_huge_line_is_read_as_one_clause() {
    let dir = tempfile::tempdir().unwrap();
    let words = "officers and councillors must work together with respect ".repeat(40_000);
    let text = format!("Protocol\n\n1. Introduction\n\n1.1 {words}see paragraph 1.1.\n");
    write(dir.path(), "long.txt", text.as_bytes());
    let r = concord_in(dir.path(), &["ingest", "long.txt", "--format", "outline"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("clauses: 1 "), "{}", &r.stdout[..200]);
}

#[test]
fn ten_thousand_deep_nesting_is_read_or_refused_without_overflowing() {
    let dir = tempfile::tempdir().unwrap();
    let n = 10_000;
    let cases = [
        (
            "quotes.md",
            format!("# P\n\n## 1 A\n\n1.1 {} x\n", ">".repeat(n)),
        ),
        (
            "lists.md",
            format!(
                "# P\n\n## 1 A\n\n1.1 Lead:\n{}",
                (0..n)
                    .map(|k| format!("{}- x\n", " ".repeat(k % 500)))
                    .collect::<String>()
            ),
        ),
        (
            "brackets.md",
            format!("# P\n\n## 1 A\n\n1.1 {}x{}\n", "[".repeat(n), "]".repeat(n)),
        ),
        (
            "emphasis.md",
            format!("# P\n\n## 1 A\n\n1.1 {}x\n", "*".repeat(n)),
        ),
        (
            "parens.md",
            format!("# P\n\n## 1 A\n\n1.1 {}x{}\n", "(".repeat(n), ")".repeat(n)),
        ),
    ];
    for (name, text) in &cases {
        write(dir.path(), name, text.as_bytes());
        for format in ["json", "md", "outline"] {
            let r = concord_in(dir.path(), &["ingest", name, "--format", format]);
            assert_eq!(r.code, 0, "{name} {format}: {}", r.stderr);
        }
    }
    // Clause numbering is the one nesting the model keeps, and it has a limit.
    let deep: String = (2..=40)
        .map(|d| format!("{} Text.\n\n", vec!["1"; d].join(".")))
        .collect();
    write(
        dir.path(),
        "deep.txt",
        format!("Protocol\n\n1. Introduction\n\n{deep}").as_bytes(),
    );
    let r = concord_in(dir.path(), &["ingest", "deep.txt"]);
    refused(
        &r,
        &["deep.txt:19:1: clause 1.1.1.1.1.1.1.1.1 is numbered 9 levels deep, over the limit of 8"],
    );
    assert!(r.stderr.contains("raise --max-depth (now 8)"));
    let r = concord_in(dir.path(), &["ingest", "deep.txt", "--max-depth", "40"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.txt", PROTOCOL.repeat(30).as_bytes());
    let r = concord_in(dir.path(), &["ingest", "big.txt", "--max-size", "1K"]);
    let size = PROTOCOL.len() * 30;
    refused(
        &r,
        &[&format!(
            "big.txt: the file is {size} bytes, over the limit of 1024 bytes"
        )],
    );
    assert!(r.stderr.contains("raise --max-size (now 1K)"));
    assert_eq!(
        concord_in(dir.path(), &["ingest", "big.txt", "--max-size", "3K"]).code,
        0
    );
    let r = concord_in(dir.path(), &["ingest", "big.txt", "--max-size", "lots"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("'lots' is not a size"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn an_endless_input_is_cut_off_at_the_size_limit() {
    let r = run(concord().args(["ingest", "/dev/zero", "--max-size", "64K"]));
    refused(&r, &["/dev/zero: holds more than the limit of 65536 bytes"]);
}

#[test]
fn more_clauses_than_the_limit_are_refused() {
    let r = run(concord()
        .arg("ingest")
        .arg(corpus("004_71cbc2f1760365f7.txt"))
        .args(["--max-clauses", "50"]));
    refused(
        &r,
        &[
            "004_71cbc2f1760365f7.txt:",
            "the document has more than 50 clauses",
        ],
    );
    assert!(r.stderr.contains("raise --max-clauses (now 50)"));
}

#[test]
fn two_versions_past_the_alignment_work_limit_are_refused() {
    let r = run(concord()
        .arg("diff")
        .arg(corpus("003_d91a8e6c4f59d3bb.txt"))
        .arg(corpus("004_71cbc2f1760365f7.txt"))
        .args(["--max-align-work", "1000"]));
    refused(
        &r,
        &["aligning 65 old clauses with 91 new ones is 5915 units of work, over the limit of 1000"],
    );
    assert!(r.stderr.contains("raise --max-align-work (now 1000)"));
}

// ---- outputs ----

#[test]
fn output_over_an_input_is_refused_however_it_is_spelled() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    write(dir.path(), "p.txt", PROTOCOL.as_bytes());
    let mut spellings = vec!["p.txt", "./p.txt", "sub/../p.txt"];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("p.txt", dir.path().join("link.txt")).unwrap();
        std::fs::hard_link(dir.path().join("p.txt"), dir.path().join("hard.txt")).unwrap();
        spellings.extend(["link.txt", "hard.txt"]);
    }
    for o in spellings {
        let r = concord_in(dir.path(), &["ingest", "p.txt", "-o", o]);
        refused(
            &r,
            &[&format!("{o}: is an input file; refusing to overwrite it")],
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("p.txt")).unwrap(),
            PROTOCOL
        );
    }
}

#[test]
fn output_paths_are_checked_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    // The input does not exist either: the output is what is reported, so nothing was read.
    refused(
        &concord_in(
            dir.path(),
            &["ingest", "missing.txt", "-o", "no/such/dir/x.json"],
        ),
        &["no/such/dir/x.json: its folder does not exist"],
    );
    refused(
        &concord_in(dir.path(), &["ingest", "missing.txt", "-o", "out"]),
        &["out: is a directory"],
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("nowhere/x.json", dir.path().join("dangling.json")).unwrap();
        refused(
            &concord_in(
                dir.path(),
                &["ingest", "missing.txt", "-o", "dangling.json"],
            ),
            &["dangling.json: is a symbolic link to a file that does not exist"],
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn an_unwritable_output_folder_fails_before_any_work() {
    // Not even root can create files in /proc/self, so this holds for every user.
    let r = run(concord().args(["ingest", "missing.txt", "-o", "/proc/self/out.json"]));
    refused(&r, &["/proc/self/out.json: cannot write in /proc/self"]);
}

#[cfg(unix)]
#[test]
fn an_output_through_a_symbolic_link_replaces_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.txt", PROTOCOL.as_bytes());
    write(dir.path(), "real.md", b"old\n");
    std::os::unix::fs::symlink("real.md", dir.path().join("link.md")).unwrap();
    let r = concord_in(
        dir.path(),
        &["ingest", "p.txt", "--format", "md", "-o", "link.md"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let link = std::fs::symlink_metadata(dir.path().join("link.md")).unwrap();
    assert!(link.file_type().is_symlink());
    let real = std::fs::read_to_string(dir.path().join("real.md")).unwrap();
    assert!(
        real.contains("1.1 Officers serve the whole council."),
        "{real}"
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_to_an_input_is_read_and_keeps_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "p.txt", PROTOCOL.as_bytes());
    std::os::unix::fs::symlink("p.txt", dir.path().join("alias.txt")).unwrap();
    let r = concord_in(dir.path(), &["ingest", "alias.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\"path\": \"alias.txt\""), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn a_device_output_is_written_to_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let r = run(concord()
        .arg("ingest")
        .arg(corpus("003_d91a8e6c4f59d3bb.txt"))
        .args(["-o", "/dev/null"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device());
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_the_old_output_whole() {
    // `ulimit -f` makes the kernel stop the process (SIGXFSZ) as soon as it writes past 8 KB:
    // a run killed in the middle of writing its output.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "out.json", b"the old output\n");
    let status = Command::new("sh")
        .current_dir(dir.path())
        .arg("-c")
        .arg("ulimit -f 16; exec \"$0\" \"$@\"")
        .arg(assert_cmd::cargo::cargo_bin("concord"))
        .arg("ingest")
        .arg(corpus("000_0739291e76a941b3.txt"))
        .args(["-o", "out.json"])
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(!status.success(), "the run was not interrupted");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.json")).unwrap(),
        "the old output\n"
    );
}

#[cfg(unix)]
#[test]
fn a_broken_pipe_ends_the_run_quietly() {
    let mut child = concord()
        .arg("ingest")
        .args([
            corpus("000_0739291e76a941b3.txt"),
            corpus("001_5977b984982b9da1.txt"),
            corpus("002_317f9fdcf88417d7.txt"),
            corpus("003_d91a8e6c4f59d3bb.txt"),
            corpus("004_71cbc2f1760365f7.txt"),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then hang up, as `concord ingest ... | head -c 100` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut head = [0u8; 100];
    std::io::Read::read_exact(&mut stdout, &mut head).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ---- options files and template folders ----

const OPTIONS: &str = "[council]\nname = \"Little Haven Parish Council\"\nkind = \"parish\"\n";

#[test]
fn an_options_file_that_is_not_utf8_too_large_or_absurdly_nested_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "latin1.toml",
        b"[council]\nname = \"Ynys M\xf4n Council\"\nkind = \"parish\"\n",
    );
    refused(
        &concord_in(dir.path(), &["draft", "latin1.toml"]),
        &["latin1.toml:2:15: the options file is not valid UTF-8"],
    );
    write(dir.path(), "big.toml", OPTIONS.repeat(20_000).as_bytes());
    let size = OPTIONS.len() * 20_000;
    refused(
        &concord_in(dir.path(), &["draft", "big.toml"]),
        &[&format!(
            "big.toml: the file is {size} bytes, over the limit of 1048576 bytes"
        )],
    );
    let nested = format!(
        "{OPTIONS}x = {}1{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    write(dir.path(), "nested.toml", nested.as_bytes());
    let r = concord_in(dir.path(), &["draft", "nested.toml"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("nested.toml:4:"), "{}", r.stderr);
}

/// A template folder with `protocol.j2` as given, and an options file beside it.
fn template_folder(protocol: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("lib/sections")).unwrap();
    write(dir.path(), "secret.j2", b"secret");
    write(dir.path(), "lib/protocol.j2", protocol.as_bytes());
    write(dir.path(), "o.toml", OPTIONS.as_bytes());
    dir
}

const START: &str = "{{ section(\"a\", \"A\") }}\n{{ clause(\"a.one\") }}\nText.\n";

#[test]
fn a_template_folder_cannot_read_outside_itself() {
    for (include, why) in [
        ("../secret.j2", "'..' would leave the template folder"),
        (
            "/etc/passwd",
            "template names are relative paths inside the template folder",
        ),
    ] {
        let dir = template_folder(&format!("{START}{{% include \"{include}\" %}}\n"));
        let r = concord_in(dir.path(), &["draft", "o.toml", "--templates", "lib"]);
        refused(
            &r,
            &[&format!(
                "lib/protocol.j2:4: template name '{include}' refused: {why}"
            )],
        );
    }
    #[cfg(unix)]
    {
        let dir = template_folder(&format!("{START}{{% include \"sections/x.j2\" %}}\n"));
        std::os::unix::fs::symlink("../../secret.j2", dir.path().join("lib/sections/x.j2"))
            .unwrap();
        let r = concord_in(dir.path(), &["draft", "o.toml", "--templates", "lib"]);
        refused(
            &r,
            &[
                "lib/protocol.j2:4: template name 'sections/x.j2' refused: it resolves outside the template folder",
            ],
        );
    }
}

#[test]
fn a_template_that_never_ends_is_stopped() {
    let dir = template_folder("{% include \"protocol.j2\" %}\n");
    refused(
        &concord_in(dir.path(), &["draft", "o.toml", "--templates", "lib"]),
        &["lib/protocol.j2:1: recursion limit exceeded"],
    );
    let dir = template_folder(&format!(
        "{START}{{% for i in range(100000) %}}{{% for j in range(100000) %}}x{{% endfor %}}{{% endfor %}}\n"
    ));
    let r = concord_in(dir.path(), &["draft", "o.toml", "--templates", "lib"]);
    refused(&r, &["lib/protocol.j2:4: engine ran out of fuel"]);
    assert!(r.stderr.contains("a loop that runs away"), "{}", r.stderr);
}

#[test]
fn a_template_that_is_a_pipe_or_too_large_is_refused() {
    let dir = template_folder(&format!("{START}{{% include \"sections/x.j2\" %}}\n"));
    write(
        dir.path(),
        "lib/sections/x.j2",
        "x".repeat(1024 * 1024 + 1).as_bytes(),
    );
    refused(
        &concord_in(dir.path(), &["draft", "o.toml", "--templates", "lib"]),
        &[
            "lib/protocol.j2:4: template 'sections/x.j2' is 1048577 bytes, over the limit of 1048576 bytes",
        ],
    );
    #[cfg(unix)]
    {
        std::fs::remove_file(dir.path().join("lib/sections/x.j2")).unwrap();
        let made = Command::new("mkfifo")
            .arg(dir.path().join("lib/sections/x.j2"))
            .status()
            .is_ok_and(|s| s.success());
        if made {
            // A pipe would block the draft for ever; it is refused without being opened.
            refused(
                &concord_in(dir.path(), &["draft", "o.toml", "--templates", "lib"]),
                &[
                    "lib/protocol.j2:4: template name 'sections/x.j2' refused: it is not a regular file",
                ],
            );
        }
    }
}

#[test]
fn a_draft_is_not_written_into_its_template_folder() {
    let dir = template_folder(START);
    let r = concord_in(
        dir.path(),
        &[
            "draft",
            "o.toml",
            "--templates",
            "lib",
            "-o",
            "lib/sections/out.md",
        ],
    );
    refused(&r, &["lib/sections/out.md: is inside the template folder"]);
    assert!(!dir.path().join("lib/sections/out.md").exists());
}
