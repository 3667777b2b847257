//! One clause for a reader: its id, label and source lines, its text and items, the roles it
//! names (with qualifiers, as written), its cross-references, its tracked changes, and the
//! answers to the questions it supports.

use std::fmt::Write;

use concord_compare::answers::Answer;
use concord_model::roles::{Lexicon, role};
use concord_model::{Clause, Document, Item};

/// The clause report, or `None` when `doc` has no clause `id`.
pub fn clause_report(
    doc: &Document,
    id: &str,
    answers: &[(&'static str, Option<Answer>)],
) -> Option<String> {
    let c = doc.clause(id)?;
    let mut out = String::new();
    let label = c.label.as_deref().unwrap_or("(unnumbered)");
    let _ = writeln!(
        out,
        "clause {}  label {label}  lines {}-{}",
        c.id, c.lines[0], c.lines[1]
    );
    if let Some(p) = &c.previous_id {
        let _ = writeln!(out, "numbered {p} before tracked changes");
    }
    let _ = writeln!(out, "\n{}", c.text);
    items(&mut out, &c.items, 1);
    roles(&mut out, doc, c);
    if !c.refs.is_empty() {
        let _ = writeln!(out, "\nreferences: {}", c.refs.join(", "));
    }
    if !c.changes.is_empty() {
        let _ = writeln!(out, "\ntracked changes:");
        for ch in &c.changes {
            let _ = writeln!(out, "  {:?}: {:?} -> {:?}", ch.kind, ch.old, ch.new);
        }
        let before = c.text_before();
        if before != c.text {
            let _ = writeln!(out, "  text before: {before}");
        }
    }
    let supported: Vec<_> = answers
        .iter()
        .filter_map(|(q, a)| a.as_ref().filter(|a| a.cites(&c.id)).map(|a| (q, a)))
        .collect();
    let _ = writeln!(out, "\nanswers it supports:");
    if supported.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for (q, a) in supported {
        let main = if a.clauses.first().is_some_and(|m| *m == c.id) {
            ""
        } else {
            " (supporting)"
        };
        let _ = writeln!(out, "  {q}: {}{main}", a.summary);
        if let Some(p) = &a.previously {
            let _ = writeln!(
                out,
                "    previously: {} ({})",
                p.summary,
                p.clauses.join(", ")
            );
        }
    }
    Some(out)
}

fn items(out: &mut String, list: &[Item], depth: usize) {
    for i in list {
        let _ = writeln!(
            out,
            "{}{} {}",
            "  ".repeat(depth),
            i.label.as_deref().unwrap_or("¶"),
            i.text
        );
        items(out, &i.items, depth + 1);
    }
}

fn roles(out: &mut String, doc: &Document, c: &Clause) {
    if c.roles.is_empty() {
        let _ = writeln!(out, "\nroles: none");
        return;
    }
    let _ = writeln!(out, "\nroles:");
    let lexicon = Lexicon::shared_for_kind(doc.meta.kind.as_deref());
    let mut texts = vec![c.text.clone()];
    fn all(list: &[Item], out: &mut Vec<String>) {
        for i in list {
            out.push(i.text.clone());
            all(&i.items, out);
        }
    }
    all(&c.items, &mut texts);
    let mentions: Vec<_> = texts.iter().flat_map(|t| lexicon.mentions(t)).collect();
    for r in &c.roles {
        let name = role(r).map_or(r.as_str(), |x| x.name);
        let mut written: Vec<String> = Vec::new();
        for m in mentions.iter().filter(|m| m.role == *r) {
            let q: Vec<&str> = m.qualifiers.iter().map(|q| q.as_str()).collect();
            let w = if q.is_empty() {
                format!("\"{}\"", m.text)
            } else {
                format!("\"{}\" [{}]", m.text, q.join(", "))
            };
            if !written.contains(&w) {
                written.push(w);
            }
        }
        let _ = writeln!(out, "  {r} ({name}): {}", written.join(", "));
    }
}
