//! The account of a reading (`concord ingest --explain`): how the reader decided the document is
//! numbered and laid out, what it set aside and why, and where it had to choose, with source
//! lines, in words a Monitoring Officer can follow. It is also what a user sends when a
//! document was read wrongly.

use std::fmt::Write;

use concord_model::{Code, Diagnostic, Document, Explain, Severity};

/// The account of how `doc` was read from the file at `path`.
pub fn explain(path: &str, doc: &Document, how: &Explain, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "How {path} was read\n");
    let m = &doc.meta;
    let or_none = |v: Option<&str>, none: &str| v.map_or_else(|| none.to_string(), str::to_string);
    let _ = writeln!(
        out,
        "Title:    {}",
        or_none(m.title.as_deref(), "none found")
    );
    let _ = writeln!(
        out,
        "Council:  {}{}",
        or_none(m.council.as_deref(), "not named"),
        m.kind
            .as_deref()
            .map(|k| format!(" (a {} council)", k.replace('-', " ")))
            .unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "Adopted:  {}",
        m.adopted
            .map_or_else(|| "not said".to_string(), |d| d.long())
    );
    if !m.versions.is_empty() {
        let _ = writeln!(out, "Versions: {} in its version history", m.versions.len());
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "Headings: {}", how.headings);
    let _ = writeln!(out, "Clauses:  {}", how.clauses);
    let _ = writeln!(out, "Items:    {}", how.items);
    let sections = doc.all_sections().len();
    let top = doc.sections.len();
    let clauses = doc.clauses();
    let numbered = clauses.iter().filter(|c| c.label.is_some()).count();
    let _ = writeln!(
        out,
        "Read as:  {top} section(s){}, {} clause(s) ({numbered} numbered, {} unnumbered paragraph(s)), {} footnote(s)",
        if sections > top {
            format!(" with {} sub-section(s)", sections - top)
        } else {
            String::new()
        },
        clauses.len(),
        clauses.len() - numbered,
        doc.footnotes.len()
    );
    let groups: &[(&str, &[Code])] = &[
        (
            "Where the reader had to choose",
            &[Code::ReadingChoice, Code::RepeatedNumbering],
        ),
        (
            "Contents lists, not read as sections",
            &[Code::ContentsList],
        ),
        ("Page furniture set aside", &[Code::PageFurniture]),
        (
            "Read into the document's details (title, council, dates, versions)",
            &[Code::ReadAsMeta],
        ),
        ("Paragraphs mended across page breaks", &[Code::JoinedLines]),
        (
            "Tracked changes recovered",
            &[Code::TrackedChange, Code::RepairedFragment],
        ),
    ];
    let mut shown = vec![false; diags.len()];
    for (title, codes) in groups {
        let picked: Vec<usize> = (0..diags.len())
            .filter(|&i| codes.contains(&diags[i].code))
            .collect();
        let choices = *title == "Where the reader had to choose";
        if picked.is_empty() && (!choices || how.choices.is_empty()) {
            continue;
        }
        let _ = writeln!(out, "\n{title}:");
        // The reader's notes of its choices say what its diagnostics say, with more.
        if choices && !how.choices.is_empty() {
            for (_, note) in &how.choices {
                let _ = writeln!(out, "  {note}");
            }
        } else {
            for line in grouped(diags, &picked) {
                let _ = writeln!(out, "  {line}");
            }
        }
        for i in picked {
            shown[i] = true;
        }
    }
    let rest: Vec<usize> = (0..diags.len())
        .filter(|&i| !shown[i] && diags[i].severity >= Severity::Warning)
        .collect();
    if !rest.is_empty() {
        let _ = writeln!(out, "\nWarnings:");
        for line in grouped(diags, &rest) {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// The diagnostics at `picked`, one line each, the same message on several lines given once
/// with all its lines (a running footer removed from every page).
fn grouped(diags: &[Diagnostic], picked: &[usize]) -> Vec<String> {
    let mut order: Vec<(String, Vec<u32>)> = Vec::new();
    for &i in picked {
        let d = &diags[i];
        match order.iter_mut().find(|(m, _)| *m == d.message) {
            Some((_, lines)) => lines.push(d.line),
            None => order.push((d.message.clone(), vec![d.line])),
        }
    }
    order
        .into_iter()
        .map(|(message, lines)| {
            let at = if lines.len() == 1 {
                format!("line {}", lines[0])
            } else {
                format!(
                    "lines {}",
                    lines
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            format!("{at}: {message}")
        })
        .collect()
}
