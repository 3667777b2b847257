//! A cross-council comparison (`concord_compare::answers::Comparison`) as terminal text,
//! Markdown and CSV. The HTML page is `comparison_html`.
//!
//! Every rendering shows, for each question and document, the answer in a line, the clauses it
//! comes from and, where the text holds tracked changes that changed it, the previous answer.
//! "Not covered" is said in words, never left blank.

use std::fmt::Write;

use concord_compare::answers::{Answer, Comparison};

/// The widest line the terminal rendering writes: it fits a 100-column terminal.
const WIDTH: usize = 96;
/// Document ids longer than this are shown in full on a line of their own.
const MAX_ID: usize = 24;

/// The words shown for a document that does not cover a question.
pub(crate) const NOT_COVERED: &str = "not covered";

/// The comparison for a terminal: one block per question, one line (wrapped) per document.
pub fn comparison_text(c: &Comparison) -> String {
    text(c, false)
}

/// The comparison for a terminal with, under each answer, why it was given: the cue and the
/// clause that produced it, and the sentence it comes from (`concord compare --explain`).
pub fn comparison_text_explained(c: &Comparison) -> String {
    text(c, true)
}

fn text(c: &Comparison, explain: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Documents");
    for d in &c.documents {
        let name = doc_name(d.council.as_deref(), d.title.as_deref());
        let kind = d
            .kind
            .as_deref()
            .map(|k| format!(" ({k})"))
            .unwrap_or_default();
        wrap_into(&mut out, &format!("  {}", d.id), &format!("{name}{kind}"));
    }
    for q in &c.questions {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", q.text);
        let _ = writeln!(out, "[{}]", q.id);
        for (doc, answer) in &q.answers.0 {
            let line = match answer {
                Some(a) => format!("{} ({})", a.summary, a.cited()),
                None => NOT_COVERED.to_string(),
            };
            wrap_into(&mut out, &format!("  {doc}"), &line);
            if let Some(p) = answer.as_ref().and_then(|a| a.previously.as_deref()) {
                let was = format!("previously: {} ({})", p.summary, p.cited());
                wrap_into(&mut out, "", &was);
            }
            if let (true, Some(a)) = (explain, answer) {
                wrap_into(&mut out, "", &format!("why: {}", a.why));
                wrap_into(
                    &mut out,
                    "",
                    &format!("evidence: \u{201c}{}\u{201d}", a.evidence),
                );
            }
        }
    }
    out
}

/// Writes `label` then `text`, the text wrapped in a column after the labels.
fn wrap_into(out: &mut String, label: &str, text: &str) {
    let col = MAX_ID + 4;
    let mut lines = wrap(text, WIDTH - col);
    if lines.is_empty() {
        lines.push(String::new());
    }
    if label.chars().count() + 2 > col {
        let _ = writeln!(out, "{label}");
        for l in lines {
            let _ = writeln!(out, "{:col$}{l}", "");
        }
        return;
    }
    for (i, l) in lines.iter().enumerate() {
        let left = if i == 0 { label } else { "" };
        let _ = writeln!(out, "{left:col$}{l}");
    }
}

/// Greedy word wrap at `width` characters; a word longer than the width stands alone.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for w in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// How a document is named to a reader: its council, else its title, else "unnamed".
pub(crate) fn doc_name(council: Option<&str>, title: Option<&str>) -> String {
    match (council, title) {
        (Some(c), Some(t)) => format!("{c}: {t}"),
        (Some(c), None) => c.to_string(),
        (None, Some(t)) => t.to_string(),
        (None, None) => "unnamed protocol".to_string(),
    }
}

/// The comparison as Markdown: the documents, then a table per question.
pub fn comparison_markdown(c: &Comparison) -> String {
    let mut out = String::from("# Comparison of protocols on member/officer relations\n\n");
    out.push_str("| Document | Council or title | Kind |\n|---|---|---|\n");
    for d in &c.documents {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} |",
            md_cell(&d.id),
            md_cell(&doc_name(d.council.as_deref(), d.title.as_deref())),
            md_cell(d.kind.as_deref().unwrap_or("-"))
        );
    }
    for q in &c.questions {
        let _ = write!(
            out,
            "\n## {}\n\n`{}`\n\n| Document | Answer | Clauses | Evidence |\n|---|---|---|---|\n",
            md_text(&q.text),
            q.id
        );
        for (doc, answer) in &q.answers.0 {
            match answer {
                Some(a) => {
                    let _ = writeln!(
                        out,
                        "| `{}` | {} | {} | {} |",
                        md_cell(doc),
                        md_cell(&with_previously(a)),
                        md_cell(&a.cited()),
                        md_cell(&a.evidence)
                    );
                }
                None => {
                    let _ = writeln!(out, "| `{}` | {NOT_COVERED} | | |", md_cell(doc));
                }
            }
        }
    }
    out
}

/// The summary, and the previous answer where there is one.
pub(crate) fn with_previously(a: &Answer) -> String {
    match &a.previously {
        Some(p) => format!(
            "{} (previously {}, clause {})",
            a.summary,
            p.summary,
            p.clauses.join(", ")
        ),
        None => a.summary.clone(),
    }
}

/// Text made safe inside a Markdown table cell: line breaks joined, marks (pipes too)
/// escaped.
fn md_cell(s: &str) -> String {
    md_text(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

use crate::escape::markdown as md_text;

/// The comparison as CSV (RFC 4180): one row per question and document.
pub fn comparison_csv(c: &Comparison) -> String {
    let mut out = String::from(
        "question,document,covered,roles,value,summary,clauses,evidence,previously\r\n",
    );
    for q in &c.questions {
        for (doc, answer) in &q.answers.0 {
            let row: Vec<String> = match answer {
                Some(a) => vec![
                    q.id.clone(),
                    doc.clone(),
                    "yes".into(),
                    a.roles.join(" "),
                    a.value
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                    a.summary.clone(),
                    a.clauses.join(" "),
                    a.evidence.clone(),
                    a.previously
                        .as_ref()
                        .map(|p| p.summary.clone())
                        .unwrap_or_default(),
                ],
                None => vec![
                    q.id.clone(),
                    doc.clone(),
                    "no".into(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
            };
            let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

fn csv_cell(s: &str) -> String {
    // A leading = + - @ would be read as a formula by spreadsheets: quote and prefix it.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_quotes() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(csv_cell("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(md_cell("a | b\nc"), "a \\| b c");
    }
}
