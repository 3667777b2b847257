//! Canonical Markdown. The reader in `concord-ingest` reads this form back to the same ids and
//! clause texts (a tested law), so the two must change together.
//!
//! The form: `# title`; `Key: value` lines for the council, kind and adoption date; a pipe table
//! for the version history; `## 2 Heading` for sections (one more `#` per level for
//! sub-sections); `2.1 Text` for clauses; `- (a) Text` for items, two spaces more per level;
//! `[^1]: text` for footnotes. Text is the text after any tracked changes. The first line is
//! [`CANONICAL_MARK`], which tells the reader to read the file strictly, as the Markdown it is.
//!
//! Text is escaped ([`text`]) so the reader, which undoes backslash escapes, reads it back as
//! written; a paragraph or item is also escaped at its start ([`para`]) where it would read as a
//! clause label, an item, a quote, a table row or a meta line.

use concord_model::{CANONICAL_MARK, Clause, Document, Item, Section};
use std::fmt::Write;

/// The document as canonical Markdown.
pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str(CANONICAL_MARK);
    out.push('\n');
    let title = doc
        .meta
        .title
        .as_deref()
        .unwrap_or("Protocol on member/officer relations");
    let _ = writeln!(out, "# {}\n", text(title));
    let mut meta = Vec::new();
    if let Some(c) = &doc.meta.council {
        meta.push(format!("Council: {}", text(c)));
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
            let cell = |s: Option<String>| {
                s.map(|s| one_line(&s).replace('|', "\\|"))
                    .unwrap_or_default()
            };
            let _ = write!(
                out,
                "| {} | {} | {} |",
                cell(v.date.as_ref().map(ToString::to_string)),
                cell(v.version.clone()),
                cell(v.note.clone())
            );
            if reviews {
                let _ = write!(
                    out,
                    " {} |",
                    cell(v.review.as_ref().map(ToString::to_string))
                );
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
            let _ = writeln!(out, "[^{}]: {}", f.id, para(&f.text));
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
            let _ = writeln!(out, "{hashes} {n} {}\n", text(&s.heading));
        }
        None => {
            let _ = writeln!(out, "{hashes} {}\n", unnumbered_heading(&s.heading));
        }
    }
    for c in &s.clauses {
        clause(out, c);
    }
    for sub in &s.sections {
        section(out, sub, level + 1);
    }
}

/// An unnumbered heading's text, escaped where it would read as a number and a heading
/// (`18. Summary` as `18\. Summary`, `18 Summary` as `18\ Summary`).
fn unnumbered_heading(heading: &str) -> String {
    let s = text(heading);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &s[digits..];
        if rest.starts_with(". ") || rest.starts_with("\\. ") {
            return format!("{}\\{}", &s[..digits], rest.trim_start_matches('\\'));
        }
        if rest.starts_with(' ') {
            return format!("{}\\{rest}", &s[..digits]);
        }
    }
    s
}

fn clause(out: &mut String, c: &Clause) {
    let mut paras = c.text.split("\n\n");
    let first = paras.next().unwrap_or("");
    match &c.label {
        Some(l) => {
            let _ = writeln!(out, "{l} {}\n", para(first));
        }
        None => {
            let _ = writeln!(out, "{}\n", para(first));
        }
    }
    for p in paras {
        let _ = writeln!(out, "{}\n", para(p));
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
                let _ = writeln!(out, "{indent}{}\n", para(&i.text));
            }
            Some("•") => {
                let _ = writeln!(out, "{indent}- {}", para(&i.text));
            }
            Some(l) => {
                let _ = writeln!(out, "{indent}- {l} {}", para(&i.text));
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

/// Text on one line, escaped ([`crate::escape::markdown`]).
fn text(s: &str) -> String {
    crate::escape::markdown(&one_line(s))
}

/// Bullet glyphs the reader takes for a list marker at the start of a line, and the character
/// references that write them without being one (backslashes cannot escape them).
const BULLETS: &[(char, &str)] = &[
    ('•', "&#x2022;"),
    ('●', "&#x25CF;"),
    ('▪', "&#x25AA;"),
    ('◦', "&#x25E6;"),
    ('○', "&#x25CB;"),
    ('■', "&#x25A0;"),
    ('□', "&#x25A1;"),
    ('►', "&#x25BA;"),
    ('▶', "&#x25B6;"),
    ('➢', "&#x27A2;"),
    ('➤', "&#x27A4;"),
    ('✓', "&#x2713;"),
    ('·', "&#xB7;"),
    ('–', "&#x2013;"),
    ('—', "&#x2014;"),
    ('\u{f0b7}', "&#xF0B7;"),
];

/// Paragraph or item text: [`text`], and escaped at its start where the line would read as
/// something else (canonical Markdown is read strictly, so a paragraph starting `1.1` would be
/// a clause, one starting `- ` an item).
fn para(s: &str) -> String {
    let s = text(s);
    let Some(first) = s.chars().next() else {
        return s;
    };
    if let Some((_, reference)) = BULLETS.iter().find(|(b, _)| *b == first) {
        return format!("{reference}{}", &s[first.len_utf8()..]);
    }
    if matches!(first, '#' | '>' | '-' | '+' | '(' | '|' | '=') {
        return format!("\\{s}");
    }
    // `1.1 text`, `1. text`, `a. text`, `iv) text`: a label would be read; escape its dot.
    let run = s.chars().take_while(char::is_ascii_alphanumeric).count();
    if run > 0
        && let Some(after) = s[run..].chars().next()
        && matches!(after, '.' | ')')
    {
        return format!("{}\\{}", &s[..run], &s[run..]);
    }
    for key in ["Council: ", "Kind: ", "Adopted: "] {
        if let Some(rest) = s.strip_prefix(key) {
            return format!("{}\\: {rest}", &key[..key.len() - 2]);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::para;

    #[test]
    fn paragraphs_are_escaped_where_the_reader_would_read_markup() {
        assert_eq!(para("Officers must act."), "Officers must act.");
        assert_eq!(para("~~ a *b* c_d"), "\\~\\~ a \\*b\\* c\\_d");
        assert_eq!(para("1.1 is a number"), "1\\.1 is a number");
        assert_eq!(para("a) first"), "a\\) first");
        assert_eq!(para("- not an item"), "\\- not an item");
        assert_eq!(para("• bullet"), "&#x2022; bullet");
        assert_eq!(para("Council: Foo"), "Council\\: Foo");
        assert_eq!(para("Smith & Jones, 2 < 3"), "Smith & Jones, 2 \\< 3");
        assert_eq!(para("[^1] stays"), "[^1] stays");
    }
}
