//! `concord check` on the real seeds finds their real problems, and a protocol drafted from
//! our own templates has none.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};

use concord_check::{CheckConfig, Finding, check};
use concord_draft::{Drafter, Templates, validate};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(bytes: &[u8], name: &str) -> Vec<Finding> {
    let parsed = concord_ingest::read(bytes, name, &Default::default()).unwrap();
    let source = concord_ingest::decode_text(bytes).unwrap();
    let cfg = CheckConfig {
        today: concord_model::Date::parse_iso("2026-12-01"),
    };
    check(&parsed.document, &parsed.diagnostics, Some(&source), &cfg)
}

fn seed(name: &str) -> Vec<Finding> {
    run(
        &std::fs::read(root().join("corpus").join(name)).unwrap(),
        name,
    )
}

fn has(f: &[Finding], code: &str, line: u32, clause: Option<&str>, says: &str) -> bool {
    f.iter().any(|x| {
        x.code == code
            && x.line == line
            && x.clause.as_deref() == clause
            && x.message.contains(says)
    })
}

fn show(f: &[Finding]) -> String {
    f.iter()
        .map(|x| format!("{}:{} {:?} {}\n", x.line, x.code, x.clause, x.message))
        .collect()
}

#[test]
fn seed_000_leftover_tracked_changes_and_gendered_wording() {
    let f = seed("000_0739291e76a941b3.txt");
    let s = show(&f);
    let tracked = "tracked-changes-left";
    assert!(
        has(
            &f,
            tracked,
            137,
            Some("6.2"),
            "\"he or she\" replaced by \"they\""
        ),
        "{s}"
    );
    assert!(
        has(&f, tracked, 135, Some("6.1"), "\"or informal\" struck out"),
        "{s}"
    );
    assert!(
        has(&f, tracked, 54, Some("3.5"), "renumbered from 3.3"),
        "{s}"
    );
    assert!(
        has(&f, "gendered-wording", 73, Some("4.3"), "\"him / her\""),
        "{s}"
    );
    assert!(
        f.iter()
            .any(|x| x.code == "page-furniture-left" && x.message.contains("Date of issue")),
        "{s}"
    );
    // Markdown's own `---` rules are not damage.
    assert!(
        !f.iter().any(|x| x.message.contains("horizontal rule")),
        "{s}"
    );
    assert!(concord_check::has_errors(&f));
}

#[test]
fn seeds_001_to_004_gendered_wording_and_a_stale_reference() {
    let f = seed("001_5977b984982b9da1.txt");
    let s = show(&f);
    assert!(
        has(
            &f,
            "gendered-wording",
            140,
            Some("officer-clerks/p6"),
            "\"his/her\""
        ),
        "{s}"
    );
    // 001's next review is May 2027: not yet due on 2026-12-01.
    assert!(!f.iter().any(|x| x.code == "review-overdue"), "{s}");

    let f = seed("002_317f9fdcf88417d7.txt");
    let s = show(&f);
    assert!(
        has(&f, "gendered-wording", 129, Some("7.1"), "\"Chairman\""),
        "{s}"
    );
    assert!(
        has(&f, "gendered-wording", 80, Some("5.2"), "\"his/her\""),
        "{s}"
    );

    let f = seed("003_d91a8e6c4f59d3bb.txt");
    let s = show(&f);
    assert!(
        has(&f, "gendered-wording", 51, Some("2.5"), "\"he/she\""),
        "{s}"
    );
    // 2.4(h) sends inappropriate behaviour to 2.23, which is about dealing with Chairs.
    assert!(
        has(&f, "reference-off-topic", 49, Some("2.4"), "refers to 2.23"),
        "{s}"
    );
    // "Paragraph 2.25" in 2.5 is the complaints ladder it means: not reported.
    assert!(
        !f.iter()
            .any(|x| x.code == "reference-off-topic" && x.clause.as_deref() == Some("2.5")),
        "{s}"
    );
    assert!(!concord_check::has_errors(&f), "{s}");

    let f = seed("004_71cbc2f1760365f7.txt");
    let s = show(&f);
    assert!(
        has(&f, "gendered-wording", 181, Some("4.12"), "\"his or her\""),
        "{s}"
    );
    assert!(
        f.iter()
            .any(|x| x.line == 336 && x.code == "page-furniture-left"),
        "{s}"
    );
}

#[test]
fn a_review_date_that_has_passed_is_reported() {
    let text = "# Protocol\n\n## 1. Purpose\n\n1.1 Officers serve the whole council.\n\n## 2. History\n\n| Date | Version | Note | Review date |\n|---|---|---|---|\n| 2020-01-01 | 1 | Adopted | March 2022 |\n";
    let f = run(text.as_bytes(), "p.md");
    assert!(
        f.iter()
            .any(|x| x.code == "review-overdue" && x.message.contains("2022-03")),
        "{}",
        show(&f)
    );
}

#[test]
fn a_dangling_reference_is_an_error() {
    let text = "# Protocol\n\n## 1. Purpose\n\n1.1 Officers serve the whole council, as paragraph 4.7 explains.\n";
    let f = run(text.as_bytes(), "p.md");
    assert!(
        f.iter()
            .any(|x| x.code == "dangling-reference" && x.line == 5),
        "{}",
        show(&f)
    );
    assert!(concord_check::has_errors(&f));
}

#[test]
fn drafted_protocols_have_no_findings() {
    let dir = root().join("templates/examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 3);
    for path in files {
        let options = validate::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let drafted = Drafter::new(Templates::Builtin).draft(&options).unwrap();
        let md = concord_render::markdown(&drafted.document);
        let f = run(md.as_bytes(), "drafted.md");
        assert!(f.is_empty(), "{}: {}", path.display(), show(&f));
    }
}

#[test]
fn an_office_named_two_ways_is_noted_unless_one_name_defines_the_other() {
    let text = "# Protocol\n\n## 1. Roles\n\n1.1 The Chief Executive leads the officers.\n\n1.2 Councillors may ask the Managing Director about staffing.\n";
    let f = run(text.as_bytes(), "p.md");
    assert!(
        f.iter().any(|x| x.code == "role-named-two-ways"
            && x.severity == concord_check::Severity::Info
            && x.message
                .contains("\"Chief Executive\" (1.1), \"Managing Director\" (1.2)")),
        "{}",
        show(&f)
    );
    let text = "# Protocol\n\n## 1. Roles\n\n1.1 The Chief Executive is the Managing Director.\n\n1.2 Councillors may ask the Managing Director about staffing.\n";
    let f = run(text.as_bytes(), "p.md");
    assert!(
        !f.iter().any(|x| x.code == "role-named-two-ways"),
        "{}",
        show(&f)
    );
}

/// A contents list that names a heading the text does not have (003's list says "Officers'
/// Relationships with Chairs, Vice-Chairs, Political Group Leaders and Lead Members"; the
/// heading says "Officer Relationships with Chairs/Vice Chairs, ... and Lead and Support
/// Members"), and a document whose every paragraph is printed `1.`.
#[test]
fn a_stale_contents_list_and_repeated_numbering() {
    let f = seed("003_d91a8e6c4f59d3bb.txt");
    assert!(
        has(
            &f,
            "contents-mismatch",
            17,
            None,
            "Lead Members\", which no heading"
        ),
        "{}",
        show(&f)
    );
    let web = std::fs::read(root().join("corpus/shapes/marlow-vale-district-web.txt")).unwrap();
    let f = run(&web, "marlow-vale-district-web.txt");
    assert!(
        f.iter()
            .any(|x| x.code == "repeated-numbering" && x.message.contains("printed \"1.\"")),
        "{}",
        show(&f)
    );
    // A list that agrees with its headings gives no finding.
    let agreed =
        std::fs::read(root().join("corpus/shapes/orchard-mead-town-contents.txt")).unwrap();
    let f = run(&agreed, "orchard-mead-town-contents.txt");
    assert!(
        !f.iter().any(|x| x.code == "contents-mismatch"),
        "{}",
        show(&f)
    );
}

/// Issue 15: a statutory title beside the post that holds it (Head of Paid Service and Chief
/// Executive, Section 151 Officer and Chief Finance Officer) and a team beside its manager
/// (Communications Team and Communications Manager) were reported as one office named two
/// ways; they are two things, and only two names for one post are reported.
#[test]
fn statutory_titles_and_teams_beside_posts_are_not_two_names() {
    for (a, b) in [
        ("Head of Paid Service", "Chief Executive"),
        ("Section 151 Officer", "Chief Finance Officer"),
        ("Communications Manager", "Communications Team"),
    ] {
        let text = format!(
            "# Protocol\n\n## 1. Roles\n\n1.1 The {a} advises on the matter.\n\n1.2 Councillors may ask the {b} about it.\n"
        );
        let f = run(text.as_bytes(), "p.md");
        assert!(
            !f.iter().any(|x| x.code == "role-named-two-ways"),
            "{a} / {b}: {}",
            show(&f)
        );
    }
}
