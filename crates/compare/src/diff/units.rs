//! The units a redline aligns: every clause of a document (sub-clauses included) in reading
//! order, with the text that is compared (the clause text and its items) and its word bigrams.

use concord_model::{Clause, Document, Item, Section};

use super::similarity::{self, Grams};

/// Marks the boundary between the parts of a split or merge inside one word diff. It is the
/// Unicode paragraph separator, which the compared text never holds (see [`compared_text`]).
pub(crate) const PART_SEPARATOR: char = '\u{2029}';

/// One clause, ready to align.
#[derive(Debug)]
pub(crate) struct Unit<'a> {
    pub clause: &'a Clause,
    pub id: String,
    /// `3 Access to information`: the innermost section, as its number and heading.
    pub section: Option<String>,
    /// What the word diff compares: the clause text, then each item on its own line.
    pub text: String,
    /// The text with whitespace runs collapsed, for the identical-text pass.
    pub squeezed: String,
    pub grams: Grams,
}

/// The clauses of a document in reading order.
pub(crate) fn units(doc: &Document) -> Vec<Unit<'_>> {
    let mut out = Vec::new();
    for s in &doc.sections {
        walk(s, &mut out);
    }
    out
}

fn walk<'a>(s: &'a Section, out: &mut Vec<Unit<'a>>) {
    let section = match (&s.number, s.heading.trim()) {
        (Some(n), "") => Some(n.clone()),
        (Some(n), h) => Some(format!("{n} {h}")),
        (None, "") => None,
        (None, h) => Some(h.to_string()),
    };
    for c in &s.clauses {
        for clause in c.walk() {
            let text = compared_text(clause);
            out.push(Unit {
                clause,
                id: clause.id.clone(),
                section: section.clone(),
                squeezed: text.split_whitespace().collect::<Vec<_>>().join(" "),
                grams: similarity::grams(&text),
                text,
            });
        }
    }
    for sub in &s.sections {
        walk(sub, out);
    }
}

/// The clause text followed by its items, one per line, each with its label: items are part of
/// what a clause says, and a relabelled item is a visible (editorial) change.
pub(crate) fn compared_text(c: &Clause) -> String {
    let mut s = c.text.clone();
    push_items(&mut s, &c.items);
    s.replace(PART_SEPARATOR, "\n")
}

fn push_items(s: &mut String, items: &[Item]) {
    for i in items {
        if !s.is_empty() {
            s.push('\n');
        }
        if let Some(l) = &i.label {
            s.push_str(l);
            s.push(' ');
        }
        s.push_str(&i.text);
        push_items(s, &i.items);
    }
}
