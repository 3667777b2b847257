//! A redline between two versions of one protocol, clause by clause (issue 4).
//!
//! [`diff`] first aligns the clauses of the two versions ([`align`]: identical text, then the
//! same id with similar text, then token similarity, order-preserving, then moves, splits and
//! merges), then diffs the words inside each aligned pair ([`words`], the `similar` crate with a
//! clean-up so a change reads as whole words), classes each change as material or editorial
//! with a reason ([`classify`]), and checks cross-references across the change ([`refs`]).
//!
//! The result, a [`Redline`], is plain data: its JSON form is the contract of
//! `concord diff --format json` (DESIGN.md, "JSON contracts of compare and diff"), and the
//! renderers in `concord-render` only read it.
//!
//! ```
//! use concord_compare::diff::{diff, DiffConfig, Status};
//! use concord_model::{Clause, Document, Section};
//! let doc = |text: &str| Document {
//!     sections: vec![Section {
//!         number: Some("1".into()),
//!         heading: "Complaints".into(),
//!         clauses: vec![Clause::new("1.1", Some("1.1".into()), text.into(), [1, 1])],
//!         ..Section::default()
//!     }],
//!     ..Document::default()
//! };
//! let old = doc("Raise the matter with the Monitoring Officer.");
//! let new = doc("Raise the matter with the Chief Executive.");
//! let redline = diff(&old, &new, &DiffConfig::default());
//! assert_eq!(redline.clauses[0].status, Status::Changed);
//! assert_eq!(redline.summary.material, 1);
//! ```

mod align;
mod classify;
mod refs;
mod responsibilities;
mod similarity;
mod units;
mod words;

use std::time::Duration;

use concord_model::Document;
use concord_model::roles::Lexicon;
use serde::Serialize;

use crate::Error;

pub use responsibilities::ResponsibilityChange;

use align::Group;
use units::Unit;

/// How to diff. Every tuning value has a default chosen on the seed corpus and the cases of
/// `docs/tricky-cases.md`.
#[derive(Debug, Clone)]
pub struct DiffConfig {
    /// The old document's id (its file stem), as the JSON reports it.
    pub old_id: String,
    /// The new document's id (its file stem).
    pub new_id: String,
    /// A clause keeps its partner of the same id only when their texts are at least this
    /// similar (Sørensen–Dice on word bigrams, 0..1); otherwise the id was reused by another
    /// clause after a renumbering.
    pub same_id_similarity: f64,
    /// Two clauses with different ids pair, in document order, from this similarity on.
    pub min_similarity: f64,
    /// Two clauses that would pair out of document order (a move) need this much similarity:
    /// a move is a stronger claim than an in-place edit.
    pub move_similarity: f64,
    /// The work bound of the similarity pass: at most this many candidate partners are scored
    /// per clause (the rest are reported as added and removed).
    pub max_candidates: usize,
    /// A deadline for each word-level diff; past it `similar` falls back to a coarser (still
    /// correct) diff.
    pub word_timeout: Duration,
    /// The most alignment work [`try_diff`] accepts ([`MAX_ALIGN_WORK`]), counted as old
    /// clauses times new clauses.
    pub max_align_work: u64,
}

/// The most alignment work a redline takes on by default, counted as the clauses of the old
/// version times the clauses of the new (sub-clauses included): two versions of 20,000 clauses
/// each, the most a document may hold when read (`concord_ingest::MAX_CLAUSES`), which diff in
/// seconds. The measure is the one a person can check against their documents; the aligner
/// itself does far less (its similarity pass scores at most [`DiffConfig::max_candidates`]
/// partners per clause), so past the limit the time would grow, not explode.
pub const MAX_ALIGN_WORK: u64 = 20_000 * 20_000;

impl Default for DiffConfig {
    fn default() -> DiffConfig {
        DiffConfig {
            old_id: "old".into(),
            new_id: "new".into(),
            same_id_similarity: 0.5,
            min_similarity: 0.35,
            move_similarity: 0.5,
            max_candidates: 20,
            word_timeout: Duration::from_millis(200),
            max_align_work: MAX_ALIGN_WORK,
        }
    }
}

/// A clause-aligned redline: the JSON contract of `concord diff --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Redline {
    pub old: DocRef,
    pub new: DocRef,
    pub summary: Summary,
    /// In reading order of the new version; removed clauses stand where they stood in the old.
    pub clauses: Vec<ClauseDiff>,
    pub responsibilities: Vec<ResponsibilityChange>,
    pub references: Vec<ReferenceProblem>,
}

/// Which document a side of the redline is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocRef {
    pub id: String,
    pub title: Option<String>,
}

/// Counts over [`Redline::clauses`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub moved: usize,
    pub renumbered: usize,
    pub material: usize,
    pub editorial: usize,
}

/// What happened to a clause's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Unchanged,
    Changed,
    Added,
    Removed,
}

/// Whether a committee must read the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// A role, route, deadline, number, right or duty changed; or a clause was added or removed.
    Material,
    /// Wording, gender-neutral language, numbering, position or whitespace only.
    Editorial,
}

/// How a clause took part in a split or a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Structure {
    /// One old clause became several new ones; each entry holds one part.
    Split,
    /// Several old clauses became one new one; each entry holds one part.
    Merge,
}

/// One aligned pair of clauses (or an added or removed clause).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseDiff {
    pub old_id: Option<String>,
    pub new_id: Option<String>,
    pub status: Status,
    /// The clause now stands in another section, or out of its old order.
    pub moved: bool,
    /// The clause's number changed.
    pub renumbered: bool,
    /// Null for a clause that is unchanged, unmoved and keeps its number.
    pub class: Option<Class>,
    /// Why the class was given, in a committee's words ("role: Monitoring Officer -> Chief
    /// Executive"); null when `class` is null.
    pub reason: Option<String>,
    /// Set when this entry is one part of a split or a merge.
    pub structure: Option<Structure>,
    /// The heading of the section the clause stood in, and stands in.
    pub old_section: Option<String>,
    pub new_section: Option<String>,
    /// The word-level redline. Equal and delete runs spell the old text (of this part), equal
    /// and insert runs the new text.
    pub words: Vec<Word>,
}

/// A run of words in the redline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Word {
    pub op: Op,
    pub text: String,
}

/// What a run of words did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// A cross-reference in the new text that no longer points where it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferenceProblem {
    /// The new clause that holds the reference.
    pub clause: String,
    /// The reference as written ("paragraph 3.3").
    pub text: String,
    /// The id the reference names, as the old version numbered it (null when the old version
    /// had no such clause).
    pub old_target: Option<String>,
    /// Where that clause is now (null when it was removed).
    pub new_target: Option<String>,
    /// `renumbered`, `removed` or `missing`.
    pub problem: String,
    /// The problem as a sentence.
    pub message: String,
}

impl ClauseDiff {
    /// True when a reader of the redline must look at this entry (text, number or place changed).
    pub fn is_change(&self) -> bool {
        self.status != Status::Unchanged || self.moved || self.renumbered
    }

    /// The old text of this entry (equal and delete runs).
    pub fn old_text(&self) -> String {
        self.words
            .iter()
            .filter(|w| w.op != Op::Insert)
            .map(|w| w.text.as_str())
            .collect()
    }

    /// The new text of this entry (equal and insert runs).
    pub fn new_text(&self) -> String {
        self.words
            .iter()
            .filter(|w| w.op != Op::Delete)
            .map(|w| w.text.as_str())
            .collect()
    }
}

impl Redline {
    /// True when the two versions differ in any clause, number or place.
    pub fn has_differences(&self) -> bool {
        self.clauses.iter().any(ClauseDiff::is_change) || !self.responsibilities.is_empty()
    }
}

/// The redline between two versions of a protocol, refused with [`Error::TooMuchWork`] when
/// aligning them would take more than [`DiffConfig::max_align_work`]. Use this for input from
/// users; [`diff`] trusts its caller.
pub fn try_diff(old: &Document, new: &Document, cfg: &DiffConfig) -> Result<Redline, Error> {
    let (o, n) = (old.clauses().len(), new.clauses().len());
    let work = (o as u64).saturating_mul(n as u64);
    if work > cfg.max_align_work {
        return Err(Error::TooMuchWork {
            old: o,
            new: n,
            work,
            limit: cfg.max_align_work,
        });
    }
    Ok(diff(old, new, cfg))
}

/// The redline between two versions of a protocol.
pub fn diff(old: &Document, new: &Document, cfg: &DiffConfig) -> Redline {
    let olds = units::units(old);
    let news = units::units(new);
    let groups = align::align(&olds, &news, cfg);
    let placement = align::placement(&olds, &news, &groups);
    let old_to_new = align::old_to_new(olds.len(), &groups);
    // Roles are read as the new version's council names them ("Head of Paid Service" is the
    // Clerk of a parish, the Chief Executive elsewhere).
    let lexicon = Lexicon::shared_for_kind(new.meta.kind.as_deref().or(old.meta.kind.as_deref()));

    // One entry list per group, keyed by where the group stands in the new reading order.
    let mut entries: Vec<(Key, Vec<ClauseDiff>)> = Vec::new();
    let mut old_used = vec![false; olds.len()];
    let mut new_used = vec![false; news.len()];
    for (g, group) in groups.iter().enumerate() {
        for &i in &group.old {
            old_used[i] = true;
        }
        for &j in &group.new {
            new_used[j] = true;
        }
        let first_new = group.new.iter().copied().min().unwrap_or(0);
        entries.push((
            Key::New(first_new),
            group_entries(&olds, &news, group, placement[g], cfg, lexicon),
        ));
    }
    for (j, u) in news.iter().enumerate() {
        if !new_used[j] {
            entries.push((Key::New(j), vec![added(u)]));
        }
    }
    for (i, u) in olds.iter().enumerate() {
        if !old_used[i] {
            entries.push((removed_key(&old_to_new, i), vec![removed(u)]));
        }
    }
    entries.sort_by_key(|(k, _)| *k);
    let clauses: Vec<ClauseDiff> = entries.into_iter().flat_map(|(_, e)| e).collect();

    let references = refs::check(&olds, &news, &old_to_new);
    let responsibilities = responsibilities::changes(old, new);
    Redline {
        old: DocRef {
            id: cfg.old_id.clone(),
            title: old.meta.title.clone(),
        },
        new: DocRef {
            id: cfg.new_id.clone(),
            title: new.meta.title.clone(),
        },
        summary: summarise(&clauses),
        clauses,
        responsibilities,
        references,
    }
}

/// Where an entry stands in the output: new clauses by their position; a removed clause just
/// after the new position of the old clause before it (`After(p, i)`), so it shows where it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    /// Before everything (a removed clause with no aligned clause before it), by old index.
    Start(usize),
    /// At new position `p`.
    New(usize),
    /// Right after new position `p`, by old index `i`.
    After(usize, usize),
}

/// A removed clause goes right after the new place of the nearest aligned old clause before it.
fn removed_key(old_to_new: &[Option<usize>], i: usize) -> Key {
    old_to_new[..i]
        .iter()
        .rev()
        .find_map(|j| *j)
        .map_or(Key::Start(i), |j| Key::After(j, i))
}

fn group_entries(
    olds: &[Unit<'_>],
    news: &[Unit<'_>],
    group: &Group,
    place: align::Placement,
    cfg: &DiffConfig,
    lexicon: &Lexicon,
) -> Vec<ClauseDiff> {
    let old_texts: Vec<&str> = group.old.iter().map(|&i| olds[i].text.as_str()).collect();
    let new_texts: Vec<&str> = group.new.iter().map(|&j| news[j].text.as_str()).collect();
    let parts = words::diff_parts(&old_texts, &new_texts, cfg.word_timeout);
    let structure = match (group.old.len(), group.new.len()) {
        (1, 1) => None,
        (1, _) => Some(Structure::Split),
        _ => Some(Structure::Merge),
    };
    let mut out = Vec::new();
    for (k, words) in parts.into_iter().enumerate() {
        // A split's parts all come from the one old clause; a merge's all go to the one new.
        let i = group.old[k.min(group.old.len() - 1)];
        let j = group.new[k.min(group.new.len() - 1)];
        let (o, n) = (&olds[i], &news[j]);
        let text_changed = words.iter().any(|w| w.op != Op::Equal);
        let status = if text_changed || structure.is_some() {
            Status::Changed
        } else {
            Status::Unchanged
        };
        let renumbered = o.id != n.id;
        let moved = place.moved;
        let verdict = classify::classify(&classify::Input {
            lexicon,
            old: o,
            new: n,
            words: &words,
            renumbered,
            moved,
            structure,
            group_old: &group
                .old
                .iter()
                .map(|&i| olds[i].id.as_str())
                .collect::<Vec<_>>(),
            group_new: &group
                .new
                .iter()
                .map(|&j| news[j].id.as_str())
                .collect::<Vec<_>>(),
        });
        out.push(ClauseDiff {
            old_id: Some(o.id.clone()),
            new_id: Some(n.id.clone()),
            status,
            moved,
            renumbered,
            class: verdict.as_ref().map(|v| v.class),
            reason: verdict.map(|v| v.reason),
            structure,
            old_section: o.section.clone(),
            new_section: n.section.clone(),
            words,
        });
    }
    out
}

fn added(u: &Unit<'_>) -> ClauseDiff {
    ClauseDiff {
        old_id: None,
        new_id: Some(u.id.clone()),
        status: Status::Added,
        moved: false,
        renumbered: false,
        class: Some(Class::Material),
        reason: Some("clause added".into()),
        structure: None,
        old_section: None,
        new_section: u.section.clone(),
        words: words::whole(Op::Insert, &u.text),
    }
}

fn removed(u: &Unit<'_>) -> ClauseDiff {
    ClauseDiff {
        old_id: Some(u.id.clone()),
        new_id: None,
        status: Status::Removed,
        moved: false,
        renumbered: false,
        class: Some(Class::Material),
        reason: Some("clause removed".into()),
        structure: None,
        old_section: u.section.clone(),
        new_section: None,
        words: words::whole(Op::Delete, &u.text),
    }
}

fn summarise(clauses: &[ClauseDiff]) -> Summary {
    let mut s = Summary::default();
    for c in clauses {
        match c.status {
            Status::Added => s.added += 1,
            Status::Removed => s.removed += 1,
            Status::Changed => s.changed += 1,
            Status::Unchanged => s.unchanged += 1,
        }
        s.moved += usize::from(c.moved);
        s.renumbered += usize::from(c.renumbered);
        match c.class {
            Some(Class::Material) => s.material += 1,
            Some(Class::Editorial) => s.editorial += 1,
            None => {}
        }
    }
    s
}
