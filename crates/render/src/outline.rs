//! A readable tree of a document: headings, clause ids with their source lines, items and
//! changes. Used by people checking a reading, and by the snapshot tests.

use concord_model::{Clause, Document, Item, Section};
use std::fmt::Write;

/// How many characters of each clause's text the outline shows.
const PREVIEW: usize = 60;

/// The outline of a document.
pub fn outline(doc: &Document) -> String {
    let mut out = String::new();
    let m = &doc.meta;
    let _ = writeln!(out, "title: {}", m.title.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "council: {}", m.council.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "kind: {}", m.kind.as_deref().unwrap_or("-"));
    let adopted = m.adopted.map(|a| a.to_string());
    let _ = writeln!(out, "adopted: {}", adopted.as_deref().unwrap_or("-"));
    for v in &m.versions {
        let _ = writeln!(
            out,
            "version: {} | {} | {}",
            v.date.as_ref().map_or("-".to_string(), ToString::to_string),
            v.version.as_deref().unwrap_or("-"),
            v.note.as_deref().unwrap_or("-")
        );
    }
    let clauses = doc.clauses();
    let _ = writeln!(
        out,
        "sections: {}  clauses: {}  footnotes: {}",
        doc.sections.len(),
        clauses.len(),
        doc.footnotes.len()
    );
    for s in &doc.sections {
        section(&mut out, s, 0);
    }
    for f in &doc.footnotes {
        let _ = writeln!(out, "[^{}] {}", f.id, preview(&f.text));
    }
    out
}

fn section(out: &mut String, s: &Section, depth: usize) {
    let pad = "  ".repeat(depth);
    let num = s
        .number
        .as_deref()
        .map(|n| format!("{n} "))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{pad}§ {num}{} [{}-{}]",
        s.heading, s.lines[0], s.lines[1]
    );
    for c in &s.clauses {
        clause(out, c, depth + 1);
    }
    for sub in &s.sections {
        section(out, sub, depth + 1);
    }
}

fn clause(out: &mut String, c: &Clause, depth: usize) {
    let pad = "  ".repeat(depth);
    let was = c
        .previous_id
        .as_deref()
        .map(|p| format!(" (was {p})"))
        .unwrap_or_default();
    let inserted = if c.is_inserted() { " (inserted)" } else { "" };
    let _ = writeln!(
        out,
        "{pad}{}{was}{inserted} [{}-{}] {}",
        c.id,
        c.lines[0],
        c.lines[1],
        preview(&c.text)
    );
    if !c.refs.is_empty() {
        let _ = writeln!(out, "{pad}  refs: {}", c.refs.join(", "));
    }
    if !c.roles.is_empty() {
        let _ = writeln!(out, "{pad}  roles: {}", c.roles.join(", "));
    }
    for ch in &c.changes {
        let at = ch
            .item
            .as_ref()
            .map(|p| format!(" in item {p:?}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{pad}  change{at}: {:?} {:?} -> {:?}",
            ch.kind, ch.old, ch.new
        );
    }
    items(out, &c.items, depth + 1);
    for sub in &c.clauses {
        clause(out, sub, depth + 1);
    }
}

fn items(out: &mut String, list: &[Item], depth: usize) {
    let pad = "  ".repeat(depth);
    for i in list {
        let label = i.label.as_deref().unwrap_or("¶");
        let was = i
            .previous_label
            .as_deref()
            .map(|p| format!(" (was {p})"))
            .unwrap_or_default();
        let _ = writeln!(out, "{pad}{label}{was} {}", preview(&i.text));
        items(out, &i.items, depth + 1);
    }
}

fn preview(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= PREVIEW {
        one
    } else {
        let cut: String = one.chars().take(PREVIEW).collect();
        format!("{cut}…")
    }
}
