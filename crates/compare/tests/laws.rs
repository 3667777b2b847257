//! Laws of the redline, checked with proptest on generated versions and on the real seeds:
//!
//! - a document diffed against itself has no changes;
//! - applying a redline to the old version gives the new: the equal and delete runs of the
//!   entries that hold an old clause spell its text, and the equal and insert runs of the
//!   entries that hold a new clause spell its text (so every new text can be rebuilt from the
//!   words), and every clause of either side is in the redline.
//!
//! The checks are `concord-laws`', the ones the fuzz targets run, so the fuzzer and these
//! tests hold the redline to the same law.

use concord_laws as checks;

use std::path::Path;

use concord_compare::diff::{DiffConfig, Status, diff};
use concord_model::{Clause, Document, Item, Section};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "officers",
    "councillors",
    "must",
    "should",
    "may",
    "not",
    "the",
    "council",
    "monitoring",
    "officer",
    "chief",
    "executive",
    "raise",
    "matter",
    "with",
    "within",
    "ten",
    "working",
    "days",
    "and",
    "of",
    "to",
    "complaint",
    "group",
    "leader",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 3..14).prop_map(|ws| {
        let mut s = ws.join(" ");
        if let Some(f) = s.get_mut(0..1) {
            f.make_ascii_uppercase();
        }
        s.push('.');
        s
    })
}

/// One clause before numbering: its text and items.
type Shape = (String, Vec<String>);

fn shape() -> impl Strategy<Value = Shape> {
    (sentence(), prop::collection::vec(sentence(), 0..3))
}

/// Sections of clause shapes numbered `n.m`, items `(a)`, `(b)`.
fn document(sections: &[Vec<Shape>]) -> Document {
    let sections = sections
        .iter()
        .enumerate()
        .map(|(si, clauses)| Section {
            number: Some((si + 1).to_string()),
            heading: format!("Part {}", si + 1),
            clauses: clauses
                .iter()
                .enumerate()
                .map(|(ci, (text, items))| {
                    let id = format!("{}.{}", si + 1, ci + 1);
                    let mut c = Clause::new(&id, Some(id.clone()), text.clone(), [0, 0]);
                    c.items = items
                        .iter()
                        .enumerate()
                        .map(|(k, t)| Item {
                            label: Some(format!("({})", char::from(b'a' + k as u8))),
                            text: t.clone(),
                            items: Vec::new(),
                            previous_label: None,
                        })
                        .collect();
                    c
                })
                .collect(),
            ..Section::default()
        })
        .collect();
    Document {
        sections,
        ..Document::default()
    }
}

/// An edit a new version makes to an old one.
#[derive(Debug, Clone)]
enum Edit {
    /// Replace a word of a clause.
    Word { at: usize, word: usize, with: usize },
    /// Remove a clause (the rest renumber).
    Remove { at: usize },
    /// Insert a new clause.
    Insert { at: usize, shape: Shape },
    /// Move a clause to another place (another section, perhaps).
    Move { from: usize, to: usize },
    /// Split a clause at its middle word.
    Split { at: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<usize>(), 0..WORDS.len()).prop_map(|(at, word, with)| Edit::Word {
            at,
            word,
            with
        }),
        any::<usize>().prop_map(|at| Edit::Remove { at }),
        (any::<usize>(), shape()).prop_map(|(at, shape)| Edit::Insert { at, shape }),
        (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Edit::Move { from, to }),
        any::<usize>().prop_map(|at| Edit::Split { at }),
    ]
}

/// Applies edits to the clauses of the sections (flattened in reading order, then dealt back
/// into the same number of sections).
fn edited(sections: &[Vec<Shape>], edits: &[Edit]) -> Vec<Vec<Shape>> {
    let sizes: Vec<usize> = sections.iter().map(Vec::len).collect();
    let mut flat: Vec<Shape> = sections.iter().flatten().cloned().collect();
    for e in edits {
        if flat.is_empty() {
            break;
        }
        let n = flat.len();
        match e {
            Edit::Word { at, word, with } => {
                let text = &mut flat[at % n].0;
                let mut ws: Vec<String> = text.split(' ').map(str::to_string).collect();
                let k = word % ws.len();
                ws[k] = WORDS[*with].to_string();
                *text = ws.join(" ");
            }
            Edit::Remove { at } => {
                flat.remove(at % n);
            }
            Edit::Insert { at, shape } => flat.insert(at % (n + 1), shape.clone()),
            Edit::Move { from, to } => {
                let c = flat.remove(from % n);
                flat.insert(to % n, c);
            }
            Edit::Split { at } => {
                let (text, items) = flat[at % n].clone();
                let ws: Vec<&str> = text.split(' ').collect();
                if ws.len() >= 4 {
                    let mid = ws.len() / 2;
                    flat[at % n] = (format!("{}.", ws[..mid].join(" ")), Vec::new());
                    flat.insert(at % n + 1, (ws[mid..].join(" "), items));
                }
            }
        }
    }
    // Deal the clauses back into sections of about the old sizes.
    let mut out = Vec::new();
    let mut it = flat.into_iter();
    for (k, size) in sizes.iter().enumerate() {
        let take = if k + 1 == sizes.len() {
            usize::MAX
        } else {
            *size
        };
        out.push(it.by_ref().take(take).collect::<Vec<_>>());
    }
    out.retain(|s| !s.is_empty());
    out
}

fn sections() -> impl Strategy<Value = Vec<Vec<Shape>>> {
    prop::collection::vec(prop::collection::vec(shape(), 1..6), 1..5)
}

fn seeds() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f).expect("a seed");
            concord_ingest::read(&bytes, "seed.txt", &concord_ingest::Options::default())
                .expect("a seed reads")
                .document
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_document_diffed_against_itself_has_no_changes(s in sections()) {
        let doc = document(&s);
        let r = diff(&doc, &doc, &DiffConfig::default());
        prop_assert!(!r.has_differences());
        prop_assert_eq!(r.summary.unchanged, doc.clauses().len());
        prop_assert!(r.clauses.iter().all(|c| c.status == Status::Unchanged && !c.moved && !c.renumbered));
        checks::check_redline(&doc, &doc, &r);
    }

    #[test]
    fn applying_a_redline_to_the_old_version_gives_the_new(s in sections(), edits in prop::collection::vec(edit(), 1..6)) {
        let old = document(&s);
        let new = document(&edited(&s, &edits));
        let r = diff(&old, &new, &DiffConfig::default());
        // Panics (with the clause) when a text cannot be rebuilt from the runs.
        checks::check_redline(&old, &new, &r);
        let rebuilt: Vec<String> = new
            .clauses()
            .iter()
            .map(|c| {
                r.clauses
                    .iter()
                    .filter(|e| e.new_id.as_deref() == Some(c.id.as_str()))
                    .map(|e| e.new_text())
                    .collect()
            })
            .collect();
        let texts: Vec<String> = new.clauses().iter().map(|c| checks::compared_text(c)).collect();
        prop_assert_eq!(rebuilt, texts);
        // And it reports differences exactly when the versions differ.
        let keys = |d: &Document| -> Vec<(String, String)> {
            d.clauses().iter().map(|c| (c.id.clone(), checks::compared_text(c))).collect()
        };
        prop_assert_eq!(r.has_differences(), keys(&old) != keys(&new));
    }
}

#[test]
fn every_seed_diffed_against_itself_has_no_changes() {
    for doc in seeds() {
        let r = diff(&doc, &doc, &DiffConfig::default());
        assert!(!r.has_differences(), "{:?}", doc.meta.title);
        checks::check_redline(&doc, &doc, &r);
        // And the versions a file's tracked changes hold rebuild through the redline.
        let (before, after) = (doc.before(), doc.after());
        checks::check_redline(
            &before,
            &after,
            &diff(&before, &after, &DiffConfig::default()),
        );
    }
}

#[test]
fn every_pair_of_seeds_rebuilds_through_its_redline() {
    let docs = seeds();
    for a in &docs {
        for b in &docs {
            checks::check_redline(a, b, &diff(a, b, &DiffConfig::default()));
        }
    }
}
