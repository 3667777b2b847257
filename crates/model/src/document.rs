//! The document tree: the JSON contract of `concord ingest --format json`.

use serde::{Deserialize, Serialize};

use crate::{Date, WrittenDate};

/// First and last 1-based source line, inclusive.
pub type Lines = [u32; 2];

/// One protocol, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Document {
    pub meta: Meta,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
}

/// What the document says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Meta {
    pub title: Option<String>,
    /// The council's name as the text gives it, or null.
    pub council: Option<String>,
    /// `parish`, `town`, `district`, `borough`, `county`, `unitary`, `metropolitan`,
    /// `london-borough`, `joint`, `welsh-principal`, `community`, or null when the text does not say.
    pub kind: Option<String>,
    /// ISO date (`2016-04-19`) on which the text says it was adopted, or null.
    pub adopted: Option<Date>,
    pub versions: Vec<VersionEntry>,
    pub source: Source,
}

/// One row of a version or revision table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VersionEntry {
    /// ISO date where the row's date could be read, otherwise the date as written.
    pub date: Option<WrittenDate>,
    pub version: Option<String>,
    pub note: Option<String>,
    /// When the row says the next review is due ("New Review date"): ISO where the cell holds a
    /// whole date, `YYYY-MM` for a month and year, otherwise as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<WrittenDate>,
}

/// Where the document came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Source {
    pub path: String,
    /// `markdown`, `text`, `docx` or `pdf`; `doc`, `odt` or `rtf` for a file read through its
    /// conversion to `.docx`.
    pub format: String,
    /// Lowercase hex SHA-256 of the source bytes.
    pub sha256: String,
}

/// A numbered or headed part of the document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Section {
    /// `"2"`, or null for an unnumbered heading.
    pub number: Option<String>,
    pub heading: String,
    pub sections: Vec<Section>,
    pub clauses: Vec<Clause>,
    pub lines: Lines,
}

/// A clause: a numbered paragraph (or, in an unnumbered document, a paragraph with a synthetic id).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Clause {
    /// The number as the current text means it (`2.25`), or a synthetic id (`introduction/p3`).
    pub id: String,
    /// The label as printed (`2.25`), or null for a paragraph without a number.
    pub label: Option<String>,
    /// Plain text, wraps joined, strike marks removed (the text after any tracked changes).
    pub text: String,
    pub items: Vec<Item>,
    /// Sub-clauses such as 2.8.1.
    pub clauses: Vec<Clause>,
    /// Canonical role ids named in the clause, in order of first mention.
    pub roles: Vec<String>,
    /// Cross-references, resolved to clause ids.
    pub refs: Vec<String>,
    /// Tracked changes held in the clause, in reading order.
    pub changes: Vec<Change>,
    /// The number before a tracked renumbering (`3.3` for a clause now `3.5`).
    pub previous_id: Option<String>,
    pub lines: Lines,
}

/// A lettered, roman, bulleted or unlabelled item inside a clause.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Item {
    /// `(a)`, `a.`, `(iv)`, `•`, or null for a lead-in paragraph that holds further items.
    pub label: Option<String>,
    pub text: String,
    pub items: Vec<Item>,
    /// The label before a tracked relabelling (`(xiv)` for an item now `(xv)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_label: Option<String>,
}

/// What a tracked change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Delete,
    Insert,
    Replace,
}

/// One tracked change. `old` is the text before, `new` the text after (empty for a deletion).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Change {
    pub kind: ChangeKind,
    pub old: String,
    pub new: String,
    /// Character offset in the current text (the clause's, or the item's when `item` is set)
    /// where `new` starts, or where `old` stood for a deletion.
    pub at: usize,
    /// The item the change is in, as an index path into `items` (`[4]`, `[2, 0]`); absent for the
    /// clause text itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Vec<usize>>,
}

/// A footnote defined in the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Footnote {
    pub id: String,
    pub text: String,
}

impl Clause {
    /// A clause with no items, roles, references or changes.
    pub fn new(id: &str, label: Option<String>, text: String, lines: Lines) -> Clause {
        Clause {
            id: id.to_string(),
            label,
            text,
            lines,
            ..Clause::default()
        }
    }

    /// The clause text before its tracked changes.
    pub fn text_before(&self) -> String {
        apply_backwards(&self.text, self.changes.iter().filter(|c| c.item.is_none()))
    }

    /// True when the whole clause was inserted under tracked changes (it has no text before).
    pub fn is_inserted(&self) -> bool {
        self.changes.iter().any(|c| {
            c.item.is_none() && c.kind == ChangeKind::Insert && c.at == 0 && c.new == self.text
        })
    }

    /// True when the whole clause was deleted under tracked changes: it had text, and has
    /// none after them (no items or sub-clauses either).
    pub fn is_deleted(&self) -> bool {
        self.text.trim().is_empty()
            && self.items.is_empty()
            && self.clauses.is_empty()
            && self.changes.iter().any(|c| {
                c.item.is_none() && c.kind == ChangeKind::Delete && !c.old.trim().is_empty()
            })
    }

    /// This clause followed by its sub-clauses, depth first.
    pub fn walk(&self) -> Vec<&Clause> {
        let mut out = vec![self];
        for c in &self.clauses {
            out.extend(c.walk());
        }
        out
    }

    /// The text of an item before tracked changes, by index path.
    pub fn item_text_before(&self, path: &[usize]) -> Option<String> {
        let item = item_at(&self.items, path)?;
        Some(apply_backwards(
            &item.text,
            self.changes
                .iter()
                .filter(|c| c.item.as_deref() == Some(path)),
        ))
    }

    /// True when the item at `path` was inserted whole under tracked changes.
    pub fn item_is_inserted(&self, path: &[usize]) -> bool {
        let Some(item) = item_at(&self.items, path) else {
            return false;
        };
        self.changes.iter().any(|c| {
            c.item.as_deref() == Some(path)
                && c.kind == ChangeKind::Insert
                && c.at == 0
                && c.new == item.text
        })
    }
}

fn item_at<'a>(items: &'a [Item], path: &[usize]) -> Option<&'a Item> {
    let (first, rest) = path.split_first()?;
    let item = items.get(*first)?;
    if rest.is_empty() {
        Some(item)
    } else {
        item_at(&item.items, rest)
    }
}

/// Undoes changes on `text` (the after-text), latest first, giving the before-text. Changes at
/// one position (two deletions in a row) are undone last-read first, so each one's old text
/// lands in front of the ones read after it.
fn apply_backwards<'a>(text: &str, changes: impl Iterator<Item = &'a Change>) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut changes: Vec<(usize, &Change)> = changes.enumerate().collect();
    changes.sort_by_key(|&(i, c)| std::cmp::Reverse((c.at, i)));
    for (_, c) in changes {
        let new_len = c.new.chars().count();
        let start = c.at.min(chars.len());
        let end = (start + new_len).min(chars.len());
        chars.splice(start..end, c.old.chars());
    }
    chars.into_iter().collect()
}

impl Section {
    /// Every clause of this section and its sub-sections, in reading order, sub-clauses included.
    pub fn all_clauses(&self) -> Vec<&Clause> {
        let mut out = Vec::new();
        for c in &self.clauses {
            out.extend(c.walk());
        }
        for s in &self.sections {
            out.extend(s.all_clauses());
        }
        out
    }
}

impl Document {
    /// Every clause in reading order, sub-clauses included.
    pub fn clauses(&self) -> Vec<&Clause> {
        self.sections
            .iter()
            .flat_map(Section::all_clauses)
            .collect()
    }

    /// The clause with this id.
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses().into_iter().find(|c| c.id == id)
    }

    /// Every section, depth first.
    pub fn all_sections(&self) -> Vec<&Section> {
        fn walk<'a>(s: &'a Section, out: &mut Vec<&'a Section>) {
            out.push(s);
            for c in &s.sections {
                walk(c, out);
            }
        }
        let mut out = Vec::new();
        for s in &self.sections {
            walk(s, &mut out);
        }
        out
    }

    /// True when any clause holds tracked changes or a tracked renumbering.
    pub fn has_tracked_changes(&self) -> bool {
        self.clauses()
            .iter()
            .any(|c| !c.changes.is_empty() || c.previous_id.is_some() || items_relabelled(&c.items))
    }

    /// The version of the document before its tracked changes: clauses take their previous ids
    /// and texts, items their previous labels, and whatever was inserted whole is dropped.
    pub fn before(&self) -> Document {
        let mut doc = self.clone();
        for s in &mut doc.sections {
            section_before(s);
        }
        doc
    }

    /// The version after its tracked changes, with the change records cleared (the text already
    /// reads as after), and whatever was deleted whole dropped.
    pub fn after(&self) -> Document {
        let mut doc = self.clone();
        fn clear(s: &mut Section) {
            s.clauses.retain(|c| !c.is_deleted());
            for c in &mut s.clauses {
                clear_clause(c);
            }
            s.sections.iter_mut().for_each(clear);
        }
        fn clear_clause(c: &mut Clause) {
            c.clauses.retain(|c| !c.is_deleted());
            c.changes.clear();
            c.previous_id = None;
            clear_items(&mut c.items);
            c.clauses.iter_mut().for_each(clear_clause);
        }
        fn clear_items(items: &mut [Item]) {
            for i in items {
                i.previous_label = None;
                clear_items(&mut i.items);
            }
        }
        doc.sections.iter_mut().for_each(clear);
        doc
    }
}

fn items_relabelled(items: &[Item]) -> bool {
    items
        .iter()
        .any(|i| i.previous_label.is_some() || items_relabelled(&i.items))
}

fn section_before(s: &mut Section) {
    s.clauses.retain(|c| !c.is_inserted());
    for c in &mut s.clauses {
        clause_before(c);
    }
    s.sections.iter_mut().for_each(section_before);
}

fn clause_before(c: &mut Clause) {
    c.clauses.retain(|c| !c.is_inserted());
    c.clauses.iter_mut().for_each(clause_before);
    let text = c.text_before();
    // Items: rebuild texts first (paths refer to the after-version), then drop inserted ones.
    let mut items = c.items.clone();
    rebuild_items(c, &mut items, &mut Vec::new());
    c.text = text;
    c.items = items;
    if let Some(prev) = c.previous_id.take() {
        c.id.clone_from(&prev);
        if c.label.is_some() {
            c.label = Some(prev);
        }
    }
    c.changes.clear();
}

fn rebuild_items(c: &Clause, items: &mut Vec<Item>, path: &mut Vec<usize>) {
    let mut keep = Vec::new();
    for (i, item) in items.iter_mut().enumerate() {
        path.push(i);
        let inserted = c.item_is_inserted(path);
        if let Some(t) = c.item_text_before(path) {
            item.text = t;
        }
        rebuild_items(c, &mut item.items, path);
        if let Some(prev) = item.previous_label.take() {
            item.label = Some(prev);
        }
        keep.push(!inserted);
        path.pop();
    }
    let mut k = keep.into_iter();
    items.retain(|_| k.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_before_text() {
        // "formal ~~or informal~~ complaint" and "~~Monitoring Officer~~Chief Executive".
        let mut c = Clause::new(
            "6.1",
            Some("6.1".into()),
            "a formal complaint to the Chief Executive".into(),
            [1, 1],
        );
        c.changes.push(Change {
            kind: ChangeKind::Delete,
            old: "or informal ".into(),
            new: String::new(),
            at: 9,
            item: None,
        });
        c.changes.push(Change {
            kind: ChangeKind::Replace,
            old: "Monitoring Officer".into(),
            new: "Chief Executive".into(),
            at: 26,
            item: None,
        });
        assert_eq!(
            c.text_before(),
            "a formal or informal complaint to the Monitoring Officer"
        );
    }

    #[test]
    fn deletions_at_one_place_come_back_in_reading_order() {
        // "a ~~x~~ ~~y~~ b": both deletions stand at offset 2 of "a b".
        let mut c = Clause::new("1.1", None, "a b".into(), [1, 1]);
        for old in ["x ", "y "] {
            c.changes.push(Change {
                kind: ChangeKind::Delete,
                old: old.into(),
                new: String::new(),
                at: 2,
                item: None,
            });
        }
        assert_eq!(c.text_before(), "a x y b");
    }

    #[test]
    fn before_drops_inserted_and_renumbers() {
        let mut new = Clause::new("3.3", Some("3.3".into()), "New text.".into(), [1, 1]);
        new.changes.push(Change {
            kind: ChangeKind::Insert,
            old: String::new(),
            new: "New text.".into(),
            at: 0,
            item: None,
        });
        let mut moved = Clause::new("3.4", Some("3.4".into()), "Old text.".into(), [2, 2]);
        moved.previous_id = Some("3.3".into());
        let doc = Document {
            sections: vec![Section {
                number: Some("3".into()),
                heading: "Access".into(),
                clauses: vec![new, moved],
                ..Section::default()
            }],
            ..Document::default()
        };
        assert!(doc.has_tracked_changes());
        let before = doc.before();
        let ids: Vec<_> = before.clauses().iter().map(|c| c.id.clone()).collect();
        assert_eq!(ids, ["3.3"]);
        assert_eq!(before.clauses()[0].text, "Old text.");
        assert!(!before.has_tracked_changes());
        assert!(!doc.after().has_tracked_changes());
    }

    #[test]
    fn after_drops_what_was_deleted_whole() {
        let kept = Clause::new("3.1", Some("3.1".into()), "Kept.".into(), [1, 1]);
        let mut gone = Clause::new("3.2", Some("3.2".into()), String::new(), [2, 2]);
        gone.changes.push(Change {
            kind: ChangeKind::Delete,
            old: "Struck out whole.".into(),
            new: String::new(),
            at: 0,
            item: None,
        });
        assert!(gone.is_deleted() && !kept.is_deleted());
        let doc = Document {
            sections: vec![Section {
                number: Some("3".into()),
                heading: "Access".into(),
                clauses: vec![kept, gone],
                ..Section::default()
            }],
            ..Document::default()
        };
        let ids =
            |d: &Document| -> Vec<String> { d.clauses().iter().map(|c| c.id.clone()).collect() };
        assert_eq!(ids(&doc.after()), ["3.1"]);
        assert_eq!(ids(&doc.before()), ["3.1", "3.2"]);
        assert_eq!(doc.before().clauses()[1].text, "Struck out whole.");
    }
}
