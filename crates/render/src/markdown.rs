//! Canonical Markdown. The reader in `concord-ingest` reads this form back to the same ids and
//! clause texts (a tested law), so the two must change together.
//!
//! The form: `# title`; `Key: value` lines for the council, kind and adoption date; a pipe table
//! for the version history; `## 2 Heading` for sections (one more `#` per level for
//! sub-sections); `2.1 Text` for clauses; `- (a) Text` for items, two spaces more per level;
//! `[^1]: text` for footnotes. Text is the text after any tracked changes.

use concord_model::{Clause, Document, Item, Section};
use std::fmt::Write;

/// The document as canonical Markdown.
pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    let title = doc
        .meta
        .title
        .as_deref()
        .unwrap_or("Protocol on member/officer relations");
    let _ = writeln!(out, "# {}\n", one_line(title));
    let mut meta = Vec::new();
    if let Some(c) = &doc.meta.council {
        meta.push(format!("Council: {}", one_line(c)));
    }
    if let Some(k) = &doc.meta.kind {
        meta.push(format!("Kind: {k}"));
    }
    if let Some(a) = &doc.meta.adopted {
        meta.push(format!("Adopted: {a}"));
    }
    if !meta.is_empty() {
        out.push_str(&meta.join("\n"));
        out.push_str("\n\n");
    }
    if !doc.meta.versions.is_empty() {
        let reviews = doc.meta.versions.iter().any(|v| v.review.is_some());
        if reviews {
            out.push_str("| Date | Version | Note | Review date |\n|---|---|---|---|\n");
        } else {
            out.push_str("| Date | Version | Note |\n|---|---|---|\n");
        }
        for v in &doc.meta.versions {
            let cell = |s: &Option<String>| {
                s.as_deref()
                    .map(|s| one_line(s).replace('|', "\\|"))
                    .unwrap_or_default()
            };
            let _ = write!(
                out,
                "| {} | {} | {} |",
                cell(&v.date),
                cell(&v.version),
                cell(&v.note)
            );
            if reviews {
                let _ = write!(out, " {} |", cell(&v.review));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    for s in &doc.sections {
        section(&mut out, s, 2);
    }
    if !doc.footnotes.is_empty() {
        for f in &doc.footnotes {
            let _ = writeln!(out, "[^{}]: {}", f.id, one_line(&f.text));
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn section(out: &mut String, s: &Section, level: usize) {
    let hashes = "#".repeat(level.min(6));
    match &s.number {
        Some(n) => {
            let _ = writeln!(out, "{hashes} {n} {}\n", one_line(&s.heading));
        }
        None => {
            let _ = writeln!(out, "{hashes} {}\n", one_line(&s.heading));
        }
    }
    for c in &s.clauses {
        clause(out, c);
    }
    for sub in &s.sections {
        section(out, sub, level + 1);
    }
}

fn clause(out: &mut String, c: &Clause) {
    let mut paras = c.text.split("\n\n");
    let first = paras.next().unwrap_or("");
    match &c.label {
        Some(l) => {
            let _ = writeln!(out, "{l} {}\n", one_line(first));
        }
        None => {
            let _ = writeln!(out, "{}\n", one_line(first));
        }
    }
    for p in paras {
        let _ = writeln!(out, "{}\n", one_line(p));
    }
    if !c.items.is_empty() {
        items(out, &c.items, 0);
        out.push('\n');
    }
    for sub in &c.clauses {
        clause(out, sub);
    }
}

fn items(out: &mut String, list: &[Item], depth: usize) {
    let indent = "  ".repeat(depth);
    for (n, i) in list.iter().enumerate() {
        match i.label.as_deref() {
            None => {
                // A lead-in paragraph between lists: a blank line around it, no marker.
                if n > 0 || depth > 0 {
                    out.push('\n');
                }
                let _ = writeln!(out, "{indent}{}\n", one_line(&i.text));
            }
            Some("•") => {
                let _ = writeln!(out, "{indent}- {}", one_line(&i.text));
            }
            Some(l) => {
                let _ = writeln!(out, "{indent}- {l} {}", one_line(&i.text));
            }
        }
        if !i.items.is_empty() {
            let sub = if i.label.is_none() { depth } else { depth + 1 };
            items(out, &i.items, sub);
        }
    }
}

/// Text on one line (clause text never holds single newlines; this guards the form).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
