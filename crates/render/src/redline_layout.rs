//! A redline laid out as paragraphs of changed runs, for the DOCX and PDF writers: every
//! deleted word is a deletion, every inserted word an insertion, a removed clause is deleted
//! paragraphs (their paragraph marks deleted too), an added clause inserted ones, and a moved
//! clause a deletion where it stood and an insertion where it stands. Taking every insertion
//! and dropping every deletion gives the new version's text; the other way round, the old
//! version's. Headings each version passes before a clause are placed so that both views hold
//! exactly their own version's headings.
//!
//! Clause and section numbers are text here, with a renumbering as a change of the number
//! (`3.3` deleted, `3.5` inserted): Word's automatic numbering would be recomputed by the client
//! over deleted and inserted paragraphs alike (LibreOffice counts deleted ones while it shows
//! the changes), so neither view would be sure to show its own version's numbers.

use std::collections::{HashMap, HashSet};

use concord_compare::diff::{ClauseDiff, Op, Redline};
use concord_model::{Document, Section};

/// A heading as one version has it: depth, number, text.
type Heading = (usize, Option<String>, String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The entry as the diff gives it.
    Normal,
    /// The old place of a moved clause: its old text, deleted.
    MoveFrom,
    /// The new place of a moved clause: its new text, inserted.
    MoveTo,
}

#[derive(Debug)]
struct Row<'r> {
    entry: &'r ClauseDiff,
    mode: Mode,
}

impl Row<'_> {
    fn old_id(&self) -> Option<&str> {
        match self.mode {
            Mode::MoveTo => None,
            _ => self.entry.old_id.as_deref(),
        }
    }
    fn new_id(&self) -> Option<&str> {
        match self.mode {
            Mode::MoveFrom => None,
            _ => self.entry.new_id.as_deref(),
        }
    }
    fn words(&self) -> Vec<(Op, String)> {
        match self.mode {
            Mode::Normal => self
                .entry
                .words
                .iter()
                .map(|w| (w.op, w.text.clone()))
                .collect(),
            Mode::MoveFrom => vec![(Op::Delete, self.entry.old_text())],
            Mode::MoveTo => vec![(Op::Insert, self.entry.new_text())],
        }
    }
}

/// What a paragraph of the redline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Title,
    /// A section heading, with its depth (1 for a top-level section).
    Heading(usize),
    /// The first paragraph of a clause: its number, a tab, its text.
    Clause,
    /// A further paragraph of a clause.
    Continued,
    /// An item of a clause (its label typed at its start).
    Item,
    /// A paragraph without a number.
    Plain,
}

/// One paragraph: its kind, how its paragraph mark changed, and its runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub kind: Kind,
    /// `Delete`: the paragraph ends only in the old version (it joins the next when the
    /// changes are accepted); `Insert`: only in the new.
    pub mark: Op,
    pub runs: Vec<(Op, String)>,
}

/// The paragraphs being built.
struct Writer {
    out: Vec<Para>,
}

impl Writer {
    fn runs(&mut self, op: Op, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(p) = self.out.last_mut() {
            match p.runs.last_mut() {
                Some((o, t)) if *o == op => t.push_str(text),
                _ => p.runs.push((op, text.to_string())),
            }
        }
    }

    fn open(&mut self, kind: Kind, mark: Op) {
        self.out.push(Para {
            kind,
            mark,
            runs: Vec::new(),
        });
    }

    /// A number and its change: the same in both versions, renumbered, or only in one.
    fn label(&mut self, old: Option<&str>, new: Option<&str>) {
        match (old, new) {
            (Some(o), Some(n)) if o == n => self.runs(Op::Equal, &format!("{o}\t")),
            (Some(o), Some(n)) => {
                self.runs(Op::Delete, o);
                self.runs(Op::Insert, n);
                self.runs(Op::Equal, "\t");
            }
            (Some(o), None) => self.runs(Op::Delete, &format!("{o}\t")),
            (None, Some(n)) => self.runs(Op::Insert, &format!("{n}\t")),
            (None, None) => {}
        }
    }
}

/// The paragraphs of the redline of `r` (between `old` and `new`), title first.
pub fn paragraphs(r: &Redline, old: &Document, new: &Document) -> Vec<Para> {
    let rows = rows(r, old);
    let old_heads = headings_before(old);
    let new_heads = headings_before(new);
    let old_labels = labels(old);
    let new_labels = labels(new);
    let mut w = Writer { out: Vec::new() };

    // The title: the new version's, as a change when the old one differs.
    let default = "Protocol on member/officer relations";
    let old_title = old.meta.title.as_deref().unwrap_or(default);
    let new_title = new.meta.title.as_deref().unwrap_or(default);
    w.open(Kind::Title, Op::Equal);
    if old_title == new_title {
        w.runs(Op::Equal, new_title);
    } else {
        w.runs(Op::Delete, old_title);
        w.runs(Op::Insert, new_title);
    }

    // Which rows print each version's labels and headings: the first row of each id.
    let mut seen_old = HashSet::new();
    let mut seen_new = HashSet::new();
    let mut firsts: Vec<(Option<&str>, Option<&str>)> = Vec::new();
    for row in &rows {
        let o = row.old_id().filter(|id| seen_old.insert(*id));
        let n = row.new_id().filter(|id| seen_new.insert(*id));
        firsts.push((o, n));
    }
    let mut heads: Vec<(Vec<Heading>, Vec<Heading>)> = firsts
        .iter()
        .map(|(o, n)| {
            (
                o.and_then(|id| old_heads.get(id).cloned())
                    .unwrap_or_default(),
                n.and_then(|id| new_heads.get(id).cloned())
                    .unwrap_or_default(),
            )
        })
        .collect();

    for i in 0..rows.len() {
        let (o, n) = std::mem::take(&mut heads[i]);
        let row_old = rows[i].old_id().is_some();
        let row_new = rows[i].new_id().is_some();
        let mut printed: Vec<(Heading, Op)> = Vec::new();
        if row_old && row_new {
            for h in &o {
                if !n.contains(h) {
                    printed.push((h.clone(), Op::Delete));
                }
            }
            for h in n {
                let op = if o.contains(&h) {
                    Op::Equal
                } else {
                    Op::Insert
                };
                printed.push((h, op));
            }
        } else {
            // A heading before an added clause that the old version has before the next clause
            // it keeps is one heading, not an insertion and a deletion (and the same the other
            // way round).
            let (mine, only) = if row_new {
                (n, Op::Insert)
            } else {
                (o, Op::Delete)
            };
            let partner = (i + 1..rows.len()).find(|&j| {
                if row_new {
                    rows[j].old_id().is_some()
                } else {
                    rows[j].new_id().is_some()
                }
            });
            for h in mine {
                let shared = partner.is_some_and(|j| {
                    let theirs = if row_new {
                        &mut heads[j].0
                    } else {
                        &mut heads[j].1
                    };
                    match theirs.iter().position(|t| *t == h) {
                        Some(k) => {
                            theirs.remove(k);
                            true
                        }
                        None => false,
                    }
                });
                printed.push((h, if shared { Op::Equal } else { only }));
            }
        }
        for ((depth, number, text), op) in printed {
            w.open(Kind::Heading(depth), op);
            let shown = match number {
                Some(n) => format!("{n}\t{text}"),
                None => text,
            };
            w.runs(op, &shown);
        }
        let (first_old, first_new) = firsts[i];
        let old_label = first_old.and_then(|id| old_labels.get(id).cloned().flatten());
        let new_label = first_new.and_then(|id| new_labels.get(id).cloned().flatten());
        let last_mark = final_mark(&rows, i);
        clause(
            &mut w,
            &rows[i],
            old_label.as_deref(),
            new_label.as_deref(),
            last_mark,
        );
    }
    w.out
}

/// How the last paragraph of row `i` ends: in both versions, or only in one (a clause only one
/// version has, or the boundary between the parts of a split or a merge).
fn final_mark(rows: &[Row<'_>], i: usize) -> Op {
    let row = &rows[i];
    match (row.old_id(), row.new_id()) {
        (None, _) => Op::Insert,
        (_, None) => Op::Delete,
        (Some(o), Some(n)) => match rows.get(i + 1).map(|r| (r.old_id(), r.new_id())) {
            Some((Some(o2), Some(n2))) if o2 == o && n2 != n => Op::Insert,
            Some((Some(o2), Some(n2))) if n2 == n && o2 != o => Op::Delete,
            _ => Op::Equal,
        },
    }
}

/// One clause: its paragraphs split at the line breaks of the compared text (items stand on
/// lines of their own), each run with its change.
fn clause(w: &mut Writer, row: &Row<'_>, old: Option<&str>, new: Option<&str>, last: Op) {
    let mut paras: Vec<(Vec<(Op, String)>, Op)> = vec![(Vec::new(), Op::Equal)];
    for (op, text) in row.words() {
        for (k, piece) in text.split(['\n', '\u{2029}']).enumerate() {
            if k > 0 {
                let current = paras.last_mut().map(|p| &mut p.0);
                if current.is_some_and(|c| !c.is_empty()) {
                    if let Some(p) = paras.last_mut() {
                        p.1 = op;
                    }
                    paras.push((Vec::new(), Op::Equal));
                }
            }
            if !piece.is_empty()
                && let Some(p) = paras.last_mut()
            {
                p.0.push((op, piece.to_string()));
            }
        }
    }
    if paras.len() > 1 && paras.last().is_some_and(|p| p.0.is_empty()) {
        paras.pop();
    }
    let n = paras.len();
    for (k, (runs, mark)) in paras.into_iter().enumerate() {
        let mark = if k + 1 == n { last } else { mark };
        let text: String = runs.iter().map(|r| r.1.as_str()).collect();
        let kind = if k == 0 {
            if old.is_some() || new.is_some() {
                Kind::Clause
            } else {
                Kind::Plain
            }
        } else if starts_with_label(&text) {
            Kind::Item
        } else {
            Kind::Continued
        };
        w.open(kind, mark);
        if k == 0 {
            w.label(old, new);
        }
        for (op, t) in &runs {
            w.runs(*op, t);
        }
    }
}

fn starts_with_label(s: &str) -> bool {
    let first = s.split(' ').next().unwrap_or("");
    first == "•"
        || (first.len() <= 7
            && (first.starts_with('(') || first.ends_with(['.', ')']))
            && first.chars().any(char::is_alphanumeric))
}

/// The rows in reading order: the diff's entries, with each moved clause also standing at its
/// old place, after the row of the clause that came before it in the old version.
fn rows<'r>(r: &'r Redline, old: &Document) -> Vec<Row<'r>> {
    let mut rows: Vec<Row<'r>> = r
        .clauses
        .iter()
        .map(|e| Row {
            entry: e,
            mode: if e.moved && e.old_id.is_some() && e.new_id.is_some() {
                Mode::MoveTo
            } else {
                Mode::Normal
            },
        })
        .collect();
    let order: Vec<String> = old.clauses().iter().map(|c| c.id.clone()).collect();
    let position = |id: &str| order.iter().position(|o| o == id);
    let mut moved: Vec<&'r ClauseDiff> = r
        .clauses
        .iter()
        .filter(|e| e.moved && e.old_id.is_some() && e.new_id.is_some())
        .collect();
    moved.sort_by_key(|e| e.old_id.as_deref().and_then(position));
    let mut placed: HashSet<&str> = HashSet::new();
    for e in moved {
        let Some(old_id) = e.old_id.as_deref() else {
            continue;
        };
        if !placed.insert(old_id) {
            continue;
        }
        let at = position(old_id).and_then(|k| {
            order[..k].iter().rev().find_map(|prev| {
                rows.iter()
                    .rposition(|row| row.old_id() == Some(prev.as_str()))
            })
        });
        let row = Row {
            entry: e,
            mode: Mode::MoveFrom,
        };
        match at {
            Some(k) => rows.insert(k + 1, row),
            None => {
                let first_old = rows.iter().position(|r| r.old_id().is_some()).unwrap_or(0);
                rows.insert(first_old, row);
            }
        }
    }
    rows
}

/// For each clause id, the headings a reader passes just before reaching it.
fn headings_before(doc: &Document) -> HashMap<String, Vec<Heading>> {
    fn walk(
        s: &Section,
        depth: usize,
        pending: &mut Vec<Heading>,
        out: &mut HashMap<String, Vec<Heading>>,
    ) {
        pending.push((depth, s.number.clone(), s.heading.clone()));
        for c in &s.clauses {
            for sub in c.walk() {
                out.entry(sub.id.clone())
                    .or_insert_with(|| std::mem::take(pending));
            }
        }
        for sub in &s.sections {
            walk(sub, depth + 1, pending, out);
        }
    }
    let mut out = HashMap::new();
    let mut pending = Vec::new();
    for s in &doc.sections {
        walk(s, 1, &mut pending, &mut out);
    }
    out
}

fn labels(doc: &Document) -> HashMap<String, Option<String>> {
    doc.clauses()
        .into_iter()
        .map(|c| (c.id.clone(), c.label.clone()))
        .collect()
}
