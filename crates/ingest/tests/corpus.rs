//! One harness over `corpus/`: every real protocol is read, its counts are checked against what
//! a careful reader finds in it, its outline is pinned by a snapshot, and its canonical Markdown
//! reads back to the same clauses.

use std::path::{Path, PathBuf};

use concord_ingest::{Options, Parsed, read};
use concord_model::{Clause, Document, Item, Severity};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn load(name: &str) -> Parsed {
    let path = corpus().join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    read(&bytes, name, &Options::default()).expect("a corpus file is text")
}

fn ids(doc: &Document) -> Vec<String> {
    doc.clauses().iter().map(|c| c.id.clone()).collect()
}

fn numbered(doc: &Document) -> usize {
    doc.clauses().iter().filter(|c| c.label.is_some()).count()
}

fn subsections(doc: &Document) -> usize {
    doc.sections.iter().map(|s| s.sections.len()).sum()
}

/// The seeds, with the facts a careful reader finds in each.
struct Expect {
    file: &'static str,
    sections: usize,
    subsections: usize,
    numbered: usize,
    clauses: usize,
    footnotes: usize,
    versions: usize,
    adopted: Option<&'static str>,
    first: &'static str,
    last: &'static str,
}

const SEEDS: &[Expect] = &[
    Expect {
        file: "000_0739291e76a941b3.txt",
        sections: 9,
        subsections: 0,
        numbered: 54,
        clauses: 54,
        footnotes: 3,
        versions: 0,
        adopted: None,
        first: "1.1",
        last: "9.2",
    },
    Expect {
        file: "001_5977b984982b9da1.txt",
        sections: 7,
        subsections: 8,
        numbered: 0,
        clauses: 60,
        footnotes: 0,
        versions: 3,
        adopted: Some("2024-09-09"),
        first: "introduction/p1",
        last: "procedure-for-councillors/p1",
    },
    Expect {
        file: "002_317f9fdcf88417d7.txt",
        sections: 12,
        subsections: 0,
        numbered: 46,
        clauses: 46,
        footnotes: 0,
        versions: 0,
        adopted: None,
        first: "1.1",
        last: "12.1",
    },
    Expect {
        file: "003_d91a8e6c4f59d3bb.txt",
        sections: 5,
        subsections: 19,
        numbered: 65,
        clauses: 65,
        footnotes: 0,
        versions: 0,
        adopted: Some("2016-04-19"),
        first: "1.1",
        last: "5.6",
    },
    // 90 numbered clauses, and the unnumbered closing paragraph of section 18 as 18/p1.
    Expect {
        file: "004_71cbc2f1760365f7.txt",
        sections: 18,
        subsections: 0,
        numbered: 90,
        clauses: 91,
        footnotes: 0,
        versions: 0,
        adopted: None,
        first: "1.1",
        last: "18/p1",
    },
];

#[test]
fn seeds_read_right() {
    for e in SEEDS {
        let p = load(e.file);
        let d = &p.document;
        let ids = ids(d);
        assert!(
            p.diagnostics.iter().all(|x| x.severity < Severity::Error),
            "{}: error diagnostics",
            e.file
        );
        assert_eq!(d.sections.len(), e.sections, "{}: sections", e.file);
        assert_eq!(subsections(d), e.subsections, "{}: sub-sections", e.file);
        assert_eq!(numbered(d), e.numbered, "{}: numbered clauses", e.file);
        assert_eq!(ids.len(), e.clauses, "{}: clauses", e.file);
        assert_eq!(d.footnotes.len(), e.footnotes, "{}: footnotes", e.file);
        assert_eq!(
            d.meta.versions.len(),
            e.versions,
            "{}: version rows",
            e.file
        );
        assert_eq!(
            d.meta.adopted.map(|a| a.to_string()).as_deref(),
            e.adopted,
            "{}: adopted",
            e.file
        );
        assert_eq!(
            ids.first().map(String::as_str),
            Some(e.first),
            "{}: first id",
            e.file
        );
        assert_eq!(
            ids.last().map(String::as_str),
            Some(e.last),
            "{}: last id",
            e.file
        );
        // Ids are unique and every clause reads as a person would write it.
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "{}: duplicate ids", e.file);
        for c in d.clauses() {
            clean(e.file, c);
        }
    }
}

/// No strike marks, Markdown, page furniture or broken wraps left in clause text.
fn clean(file: &str, c: &Clause) {
    let mut texts = vec![c.text.as_str()];
    fn items<'a>(list: &'a [Item], out: &mut Vec<&'a str>) {
        for i in list {
            out.push(&i.text);
            items(&i.items, out);
        }
    }
    items(&c.items, &mut texts);
    for t in texts {
        for bad in [
            "~~",
            "**",
            "](",
            "<sup>",
            "  ",
            "intentionally blank",
            "Date of issue",
            "guildford.gov.uk/newstart",
            "\t",
        ] {
            assert!(
                !t.contains(bad),
                "{file}: clause {} holds {bad:?}: {t}",
                c.id
            );
        }
        assert_eq!(t, t.trim(), "{file}: clause {} has untrimmed text", c.id);
        assert!(
            c.id == "3.3" || c.id == "3.4" || !t.is_empty() || !c.items.is_empty(),
            "{file}: clause {} is empty",
            c.id
        );
    }
}

#[test]
fn tracked_changes_in_000() {
    let d = load("000_0739291e76a941b3.txt").document;
    let renumbered: Vec<(String, String)> = d
        .clauses()
        .iter()
        .filter_map(|c| c.previous_id.clone().map(|p| (p, c.id.clone())))
        .collect();
    assert_eq!(
        renumbered,
        [
            ("3.3".into(), "3.5".into()),
            ("3.4".into(), "3.6".into()),
            ("3.5".into(), "3.7".into())
        ]
    );
    let c62 = d.clause("6.2").unwrap();
    assert!(
        c62.text
            .starts_with("If an officer considers that they have not been treated")
    );
    assert!(
        c62.text_before()
            .starts_with("If an officer considers that he or she has not been treated")
    );
    assert!(
        c62.text
            .contains("raise the matter with the Chief Executive")
    );
    assert!(
        c62.text_before()
            .contains("raise the matter with the Monitoring Officer")
    );
    let c61 = d.clause("6.1").unwrap();
    assert!(c61.text.contains("as a formal complaint"));
    assert!(
        c61.text_before()
            .contains("as a formal or informal complaint")
    );
    assert!(
        d.clause("1.9")
            .unwrap()
            .text_before()
            .contains("s/he should contact")
    );

    // The version before the changes: 3.3-3.5 as they were, the inserted clause and item gone.
    let before = d.before();
    let ids3: Vec<String> = before
        .clauses()
        .iter()
        .map(|c| c.id.clone())
        .filter(|i| i.starts_with("3."))
        .collect();
    assert_eq!(ids3, ["3.1", "3.2", "3.3", "3.4", "3.5"]);
    assert!(
        before
            .clause("3.3")
            .unwrap()
            .text
            .starts_with("It is important to ensure timely response")
    );
    let items: Vec<_> = before
        .clause("5.4")
        .unwrap()
        .items
        .iter()
        .map(|i| i.label.clone().unwrap_or_default())
        .collect();
    assert_eq!(items.len(), 14);
    assert_eq!(items.last().map(String::as_str), Some("(xiv)"));
    assert!(
        before.clause("5.4").unwrap().items[13]
            .text
            .starts_with("To inform the Monitoring Officer")
    );
    assert!(!before.has_tracked_changes());
    assert_eq!(d.after().clauses().len(), 54);
}

#[test]
fn cross_references_in_003() {
    let d = load("003_d91a8e6c4f59d3bb.txt").document;
    assert_eq!(d.clause("2.4").unwrap().refs, ["2.23", "2.24"]);
    assert_eq!(d.clause("2.9").unwrap().refs, ["2.12.6"]);
    let subs: Vec<String> = d
        .clause("2.19")
        .unwrap()
        .clauses
        .iter()
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(subs, ["2.19.1", "2.19.2", "2.19.3", "2.19.4"]);
    assert_eq!(
        d.meta.council.as_deref(),
        Some("Tewkesbury Borough Council")
    );
    assert_eq!(d.meta.kind.as_deref(), Some("borough"));
}

#[test]
fn outlines() {
    for e in SEEDS {
        let d = load(e.file).document;
        let outline = concord_render::outline(&d);
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, input_file => corpus().join(e.file) }, {
            insta::assert_snapshot!(e.file.trim_end_matches(".txt"), outline);
        });
    }
}

/// Canonical Markdown reads back to the same ids, clause texts, items, sections and meta.
#[test]
fn markdown_round_trip() {
    for e in SEEDS {
        let d = load(e.file).document;
        let md = concord_render::markdown(&d);
        let back = read(md.as_bytes(), "round-trip.md", &Options::default())
            .unwrap()
            .document;
        assert_same(e.file, &d.after(), &back);
        // And the Markdown is a fixed point.
        assert_eq!(
            concord_render::markdown(&back),
            md,
            "{}: markdown is not stable",
            e.file
        );
    }
}

/// The parts of two documents the round trip must keep.
pub fn assert_same(name: &str, a: &Document, b: &Document) {
    let key = |d: &Document| -> Vec<(String, Option<String>, String, Vec<Item>)> {
        d.clauses()
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    c.label.clone(),
                    c.text.clone(),
                    c.items.clone(),
                )
            })
            .collect()
    };
    let (ka, kb) = (key(a), key(b));
    for (x, y) in ka.iter().zip(&kb) {
        assert_eq!(x, y, "{name}: clause differs after the round trip");
    }
    assert_eq!(
        ka.len(),
        kb.len(),
        "{name}: clause count differs after the round trip"
    );
    let heads = |d: &Document| {
        d.all_sections()
            .iter()
            .map(|s| (s.number.clone(), s.heading.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(heads(a), heads(b), "{name}: sections differ");
    assert_eq!(a.footnotes, b.footnotes, "{name}: footnotes differ");
    let meta = |d: &Document| {
        (
            d.meta.title.clone(),
            d.meta.council.clone(),
            d.meta.kind.clone(),
            d.meta.adopted,
            d.meta.versions.clone(),
        )
    };
    assert_eq!(meta(a), meta(b), "{name}: meta differs");
}

/// 001's revision table says when each version is next due for review ("May 2027").
#[test]
fn seed_001_review_dates() {
    let d = load("001_5977b984982b9da1.txt").document;
    let reviews: Vec<_> = d
        .meta
        .versions
        .iter()
        .map(|v| v.review.as_ref().map(ToString::to_string))
        .collect();
    assert_eq!(
        reviews,
        ["2025-05", "2026-05", "2027-05"].map(|r| Some(r.to_string()))
    );
}

/// Regression: a wrapped line that 004 repeats in 10.3 and 10.6 was dropped from 10.6 as a
/// running header, cutting the route for officers' complaints in half.
#[test]
fn seed_004_keeps_the_route_in_10_6() {
    let d = load("004_71cbc2f1760365f7.txt").document;
    let c = d.clause("10.6").expect("004 has 10.6");
    assert!(
        c.text.contains(
            "not resolved through respectful mutual discussion then they may raise the matter with the Joint Monitoring Officer or the Joint Chief Executive"
        ),
        "{}",
        c.text
    );
}

/// The protocols written for the project (`corpus/synthetic/`): `3(1)` numbering reads as
/// clause 3.1 with its printed label, and every one survives the Markdown round trip.
#[test]
fn synthetic_protocols_read_and_round_trip() {
    let dir = corpus().join("synthetic");
    let town = std::fs::read(dir.join("ashcombe-town.txt")).expect("the town protocol");
    let d = read(&town, "ashcombe-town.txt", &Options::default())
        .expect("text")
        .document;
    let c = d.clause("3.1").expect("paragraph 3(1) is clause 3.1");
    assert_eq!(c.label.as_deref(), Some("3(1)"));
    assert_eq!(d.clauses().len(), 13);
    assert_eq!(
        d.clause("5.2").map(|c| c.refs.clone()),
        Some(vec!["3.2".into()])
    );
    assert_eq!(d.meta.kind.as_deref(), Some("town"));
    for name in ["ashcombe-town.txt", "westmoor-unitary.md"] {
        let bytes = std::fs::read(dir.join(name)).expect("a synthetic protocol");
        let d = read(&bytes, name, &Options::default())
            .expect("text")
            .document;
        let md = concord_render::markdown(&d);
        let back = read(md.as_bytes(), "round-trip.md", &Options::default())
            .expect("markdown")
            .document;
        assert_same(name, &d, &back);
    }
}
