//! The hard cases of `docs/tricky-cases.md`, one folder each under `corpus/compare/<case>/`
//! holding `old.md` and `new.md`. Each case's facts are asserted first (what must pair with
//! what, and how it is classed); then a readable rendering of the whole redline is pinned by a
//! snapshot.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use concord_compare::diff::{Class, ClauseDiff, DiffConfig, Op, Redline, Status, diff};
use concord_ingest::{Options, read};
use concord_model::Document;

fn cases() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/compare")
}

fn load(path: &Path) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    read(&bytes, &path.display().to_string(), &Options::default())
        .expect("a case file is text")
        .document
}

fn redline(case: &str) -> Redline {
    let dir = cases().join(case);
    let cfg = DiffConfig {
        old_id: "old".into(),
        new_id: "new".into(),
        ..DiffConfig::default()
    };
    diff(&load(&dir.join("old.md")), &load(&dir.join("new.md")), &cfg)
}

/// The entry that pairs these ids (either may be None for added or removed).
fn entry<'r>(r: &'r Redline, old: Option<&str>, new: Option<&str>) -> &'r ClauseDiff {
    r.clauses
        .iter()
        .find(|c| c.old_id.as_deref() == old && c.new_id.as_deref() == new)
        .unwrap_or_else(|| panic!("no entry {old:?} -> {new:?} in {}", render(r)))
}

/// One line per entry, then its marked-up words when the text changed.
fn render(r: &Redline) -> String {
    let s = &r.summary;
    let mut out = format!(
        "added {} removed {} changed {} unchanged {} moved {} renumbered {} material {} editorial {}\n",
        s.added, s.removed, s.changed, s.unchanged, s.moved, s.renumbered, s.material, s.editorial
    );
    for c in &r.clauses {
        let ids = format!(
            "{} -> {}",
            c.old_id.as_deref().unwrap_or("-"),
            c.new_id.as_deref().unwrap_or("-")
        );
        let mut flags = vec![format!("{:?}", c.status).to_lowercase()];
        if c.moved {
            flags.push("moved".into());
        }
        if c.renumbered {
            flags.push("renumbered".into());
        }
        if let Some(k) = c.structure {
            flags.push(format!("{k:?}").to_lowercase());
        }
        let class = match c.class {
            Some(Class::Material) => "material",
            Some(Class::Editorial) => "editorial",
            None => "-",
        };
        let _ = writeln!(
            out,
            "{ids:<14} {:<28} {class:<9} {}",
            flags.join(","),
            c.reason.as_deref().unwrap_or("")
        );
        if c.status == Status::Changed {
            let words: String = c
                .words
                .iter()
                .map(|w| match w.op {
                    Op::Equal => w.text.clone(),
                    Op::Delete => format!("[-{}-]", w.text),
                    Op::Insert => format!("{{+{}+}}", w.text),
                })
                .collect();
            let _ = writeln!(out, "    {}", words.replace('\n', "\n    "));
        }
    }
    for p in &r.references {
        let _ = writeln!(out, "reference {}: {} ({})", p.clause, p.message, p.problem);
    }
    for c in &r.responsibilities {
        let _ = writeln!(out, "responsibility {}", c.line());
    }
    out
}

/// The facts each case must show, asserted before its snapshot.
fn check_facts(case: &str, r: &Redline) {
    match case {
        "renumbered-run" => {
            assert_eq!(entry(r, None, Some("2.2")).status, Status::Added);
            for (o, n) in [
                ("2.2", "2.3"),
                ("2.3", "2.4"),
                ("2.4", "2.5"),
                ("2.5", "2.6"),
            ] {
                let e = entry(r, Some(o), Some(n));
                assert!(e.renumbered && !e.moved, "{o} -> {n}");
                assert_eq!(e.status, Status::Unchanged);
                assert_eq!(e.class, Some(Class::Editorial));
            }
            assert_eq!(r.summary.removed, 0);
        }
        "moved-between-sections" => {
            let e = entry(r, Some("1.2"), Some("3.2"));
            assert!(e.moved && e.renumbered);
            assert_eq!(e.status, Status::Unchanged);
            assert_eq!(e.class, Some(Class::Editorial));
            assert_ne!(e.old_section, e.new_section);
            assert_eq!(r.summary.added + r.summary.removed, 0);
        }
        "split" => {
            let a = entry(r, Some("1.1"), Some("1.1"));
            let b = entry(r, Some("1.1"), Some("1.2"));
            assert!(a.structure.is_some() && a.structure == b.structure);
            assert_eq!(b.new_text(), "Blind copies must never be used.");
            assert_eq!(r.summary.added + r.summary.removed, 0);
        }
        "merge" => {
            let a = entry(r, Some("1.1"), Some("1.1"));
            let b = entry(r, Some("1.2"), Some("1.1"));
            assert!(a.structure.is_some() && a.structure == b.structure);
            assert!(entry(r, Some("1.3"), Some("1.2")).renumbered);
            assert_eq!(r.summary.added + r.summary.removed, 0);
        }
        "whitespace-only" => {
            assert!(!r.has_differences(), "{}", render(r));
        }
        "role-renamed-everywhere" => {
            for id in ["1.1", "1.2", "2.1"] {
                let e = entry(r, Some(id), Some(id));
                assert_eq!(e.class, Some(Class::Editorial), "{id}");
                assert!(e.reason.as_deref().is_some_and(|x| x.contains("renamed")));
            }
            let e = entry(r, Some("2.2"), Some("2.2"));
            assert_eq!(e.class, Some(Class::Material));
            assert!(e.reason.as_deref().is_some_and(|x| x.contains("role")));
            // Renaming the Head of Paid Service changes nobody's responsibility; moving
            // officers' complaints to the Chief Executive does.
            let qs: Vec<&str> = r
                .responsibilities
                .iter()
                .map(|c| c.question.as_str())
                .collect();
            assert_eq!(qs, ["officer-complaint-about-councillor"]);
        }
        "deadline-changed" => {
            let e = entry(r, Some("1.1"), Some("1.1"));
            assert_eq!(e.class, Some(Class::Material));
            assert!(
                e.reason
                    .as_deref()
                    .is_some_and(|x| x.contains("\u{201c}ten\u{201d} -> \u{201c}five\u{201d}"))
            );
            assert_eq!(entry(r, Some("1.2"), Some("1.2")).class, None);
            assert_eq!(
                r.responsibilities
                    .iter()
                    .map(|c| c.line())
                    .collect::<Vec<_>>(),
                ["Response time for correspondence: 10 working days -> 5 working days (1.1)"]
            );
        }
        "gender-neutral" => {
            for id in ["1.1", "1.2"] {
                let e = entry(r, Some(id), Some(id));
                assert_eq!(e.class, Some(Class::Editorial), "{id}");
                assert_eq!(e.reason.as_deref(), Some("gender-neutral language"));
            }
        }
        other => panic!("case {other} has no facts: add them to check_facts"),
    }
}

/// One test per case folder, so every failing case shows; a test below checks that every
/// folder has one.
macro_rules! cases {
    ($($test:ident => $dir:literal,)*) => {
        $(
            #[test]
            fn $test() {
                tricky_case($dir);
            }
        )*
        const CASES: &[&str] = &[$($dir),*];
    };
}

cases! {
    deadline_changed => "deadline-changed",
    gender_neutral => "gender-neutral",
    merge => "merge",
    moved_between_sections => "moved-between-sections",
    renumbered_run => "renumbered-run",
    role_renamed_everywhere => "role-renamed-everywhere",
    split => "split",
    whitespace_only => "whitespace-only",
}

#[test]
fn every_case_folder_has_a_test() {
    let mut names: Vec<String> = std::fs::read_dir(cases())
        .expect("corpus/compare exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 6, "the cases of docs/tricky-cases.md");
    assert_eq!(names, CASES, "add the new case to cases! in tricky.rs");
}

fn tricky_case(name: &str) {
    let r = redline(name);
    check_facts(name, &r);
    // Both laws of every redline: the words spell the old and the new text.
    for c in &r.clauses {
        assert!(
            !c.words.iter().any(|w| w.text.is_empty()),
            "{name}: empty run"
        );
    }
    insta::with_settings!({
        snapshot_path => "snapshots",
        prepend_module_to_snapshot => false,
        input_file => cases().join(name).join("new.md"),
    }, {
        insta::assert_snapshot!(name, render(&r));
    });
}

/// Seed 000 holds two versions in its tracked changes; the redline between them is the one
/// the issue names: three renumbered clauses, 6.2 material with its role change, 6.1's
/// deleted "or informal", and the gender-neutral edits editorial.
#[test]
fn seed_000_tracked_redline() {
    let doc =
        load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/000_0739291e76a941b3.txt"));
    let r = diff(&doc.before(), &doc.after(), &DiffConfig::default());
    for (o, n) in [("3.3", "3.5"), ("3.4", "3.6"), ("3.5", "3.7")] {
        let e = entry(&r, Some(o), Some(n));
        assert!(e.renumbered, "{o} -> {n}");
        assert_ne!(e.status, Status::Removed);
    }
    assert_eq!(r.summary.removed, 0, "{}", render(&r));
    assert_eq!(entry(&r, None, Some("3.3")).status, Status::Added);
    assert_eq!(entry(&r, None, Some("3.4")).status, Status::Added);
    let e62 = entry(&r, Some("6.2"), Some("6.2"));
    assert_eq!(e62.class, Some(Class::Material));
    assert!(
        e62.reason
            .as_deref()
            .is_some_and(|x| x.contains("Monitoring Officer -> Chief Executive")),
        "{:?}",
        e62.reason
    );
    let e61 = entry(&r, Some("6.1"), Some("6.1"));
    assert!(
        e61.words
            .iter()
            .any(|w| w.op == Op::Delete && w.text.contains("or informal"))
    );
    let e19 = entry(&r, Some("1.9"), Some("1.9"));
    assert_eq!(e19.class, Some(Class::Editorial));
    assert_eq!(e19.reason.as_deref(), Some("gender-neutral language"));
    // The responsibility change a committee must see first.
    let lines: Vec<String> = r.responsibilities.iter().map(|c| c.line()).collect();
    assert_eq!(
        lines,
        ["Officer complaints about councillors: Monitoring Officer -> Chief Executive (6.2)"]
    );
    // diff(a, a) is empty.
    let same = diff(&doc.after(), &doc.after(), &DiffConfig::default());
    assert!(!same.has_differences());
}

#[test]
fn every_number_word_is_a_material_change() {
    // "thirteen" to "nineteen" were missing from the number words once.
    for (was, now) in [
        ("thirteen", "sixteen"),
        ("nineteen", "seventeen"),
        ("14", "eighteen"),
    ] {
        let text = |n: &str| format!("## 1 Replies\n\n1.1 An officer replies within {n} days.\n");
        let read_md = |s: String| {
            read(s.as_bytes(), "case.md", &Options::default())
                .expect("text")
                .document
        };
        let r = diff(
            &read_md(text(was)),
            &read_md(text(now)),
            &DiffConfig::default(),
        );
        let e = entry(&r, Some("1.1"), Some("1.1"));
        assert_eq!(e.class, Some(Class::Material), "{was} -> {now}: {e:?}");
        assert!(
            e.reason
                .as_deref()
                .unwrap_or("")
                .contains("number or period"),
            "{was} -> {now}: {e:?}"
        );
    }
}

/// Regression (issue 13): Brackenfield's tracked redline headlined "Councillor complaints about
/// officers: Clerk -> not covered (4.2)", a change that did not happen (a "must not criticise"
/// after the Town Clerk read as negating the Clerk), and missed 4.1's, which did.
#[test]
fn brackenfield_tracked_redline_names_the_4_1_change_and_no_false_one() {
    let doc = load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/docx/brackenfield-tracked.docx"),
    );
    let r = diff(&doc.before(), &doc.after(), &DiffConfig::default());
    let lines: Vec<String> = r.responsibilities.iter().map(|c| c.line()).collect();
    assert_eq!(
        lines,
        ["Officer complaints about councillors: Monitoring Officer -> Town Clerk (4.1)"]
    );
    // The untracked file answers both complaint questions.
    let plain =
        load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/docx/brackenfield.docx"));
    let all = concord_compare::answers::answers(&plain);
    for q in [
        "officer-complaint-about-councillor",
        "councillor-complaint-about-officer",
    ] {
        let a = all
            .iter()
            .find(|(id, _)| *id == q)
            .and_then(|(_, a)| a.as_ref());
        assert!(
            a.is_some_and(|a| a.roles.first().is_some_and(|r| r == "clerk")),
            "{q}: {a:?}"
        );
    }
}

/// Regression (issue 16): the classifier kept a role table of its own, in which "Head of Paid
/// Service" was always the Chief Executive. It reads roles with the model's lexicon for the
/// council's kind, so in a parish "Head of Paid Service" -> "Clerk" is a rename.
#[test]
fn head_of_paid_service_is_the_clerk_of_a_parish() {
    let text = |role: &str| {
        format!(
            "# Protocol\n\nCouncil: Little Haven Parish Council\n\n## 1 Complaints\n\n1.1 A councillor with a concern about an employee speaks to the {role}.\n"
        )
    };
    let read_md = |s: String| {
        read(s.as_bytes(), "case.md", &Options::default())
            .expect("text")
            .document
    };
    let r = diff(
        &read_md(text("Head of Paid Service")),
        &read_md(text("Clerk")),
        &DiffConfig::default(),
    );
    let e = entry(&r, Some("1.1"), Some("1.1"));
    assert_eq!(e.class, Some(Class::Editorial), "{e:?}");
    assert!(r.responsibilities.is_empty(), "{:?}", r.responsibilities);
}
