//! The second pass: body lines grouped into blocks (headings, numbered clauses, items,
//! paragraphs, tables, footnote definitions). Whether a line starts a clause depends on the
//! numbering so far: `2.13` after `2.12.6` does, `3.5 per cent` in a wrapped sentence does not,
//! and `3.3.5` after `3.4` is a clause renumbered under tracked changes (old 3.3, now 3.5).

use std::collections::HashSet;

use concord_model::{ClauseId, Code, Diagnostic, Severity};

use crate::{Error, Format};

use crate::prepare::{Line, LineKind, heading_key, strip_marks};
use crate::text::{ends_sentence, is_caps, is_title_case, starts_lower, starts_upper};

/// How a heading was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingStyle {
    /// `## Heading`, with its level.
    Atx(usize),
    /// `3. ACCESS TO INFORMATION`
    Numbered,
    /// `GENERAL PRINCIPLES`
    Caps,
    /// `Officers' Attendance at Political Group Meetings`
    Title,
}

/// What kind of label an item has; items nest only under a different kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Bullet,
    Letter,
    Roman,
    Number,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    Heading {
        number: Option<String>,
        text: String,
        style: HeadingStyle,
    },
    Clause {
        id: ClauseId,
        previous: Option<ClauseId>,
        /// The label as printed when it is not the id itself (`3(1)` for clause 3.1).
        printed: Option<String>,
    },
    Item {
        label: String,
        previous_label: Option<String>,
        kind: ItemKind,
        indent: usize,
    },
    Para,
    Table {
        rows: Vec<Vec<String>>,
    },
    Footnote {
        id: String,
    },
    Meta {
        key: String,
        value: String,
    },
}

/// A run of source lines that belong together.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// The text lines (label already removed from the first), for text-bearing blocks.
    pub text: Vec<String>,
    pub first: u32,
    pub last: u32,
}

/// How to read the lines: their format, whether strictly (canonical Markdown: headings only
/// from `#` lines, clause labels taken as written), and the depth limit.
#[derive(Debug, Clone, Copy)]
pub struct Mode {
    pub format: Format,
    /// `#` headings are headings even in plain text (the PDF reader marks large type so).
    pub atx: bool,
    pub strict: bool,
    pub max_depth: usize,
}

struct State<'c> {
    format: Format,
    strict: bool,
    /// `#` headings are headings even in plain text (the PDF reader marks large type so).
    atx: bool,
    contents: &'c HashSet<String>,
    last_clause: Option<ClauseId>,
    section: Option<u32>,
    seen_text: bool,
    /// Clause numbering deeper than this stops the reading (`Options::max_depth`).
    max_depth: usize,
    /// The limit error met, which ends the pass.
    error: Option<Error>,
}

pub fn blocks(
    lines: &[Line<'_>],
    mode: Mode,
    contents: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> Result<Vec<Block>, Error> {
    let mut st = State {
        format: mode.format,
        strict: mode.strict,
        atx: mode.atx || mode.format == Format::Markdown,
        contents,
        last_clause: None,
        section: None,
        seen_text: false,
        max_depth: mode.max_depth,
        error: None,
    };
    let mut out: Vec<Block> = Vec::new();
    let mut after_blank = true;
    let mut prev_text: Option<&str> = None;
    for (i, line) in lines.iter().enumerate() {
        match line.kind {
            LineKind::Blank | LineKind::Contents => {
                after_blank = true;
                continue;
            }
            // Furniture is transparent: a running header inside a paragraph does not split it.
            LineKind::Furniture => continue,
            LineKind::Body => {}
        }
        let standalone_after = next_is_blank(lines, i);
        let prev_block = out.last();
        let start = recognise(
            &mut st,
            line,
            after_blank,
            prev_text,
            prev_block,
            standalone_after,
            diags,
        );
        if let Some(e) = st.error.take() {
            return Err(e);
        }
        if !matches!(
            start,
            Some((BlockKind::Heading { .. } | BlockKind::Meta { .. }, _))
        ) {
            st.seen_text = true;
        }
        match start {
            Some((kind, first_text)) => {
                // Consecutive table rows make one table.
                if let (
                    BlockKind::Table { rows },
                    Some(Block {
                        kind: BlockKind::Table { rows: prev_rows },
                        last,
                        ..
                    }),
                ) = (&kind, out.last_mut())
                    && !after_blank
                {
                    prev_rows.extend(rows.iter().cloned());
                    *last = line.no;
                    prev_text = Some(line.text);
                    after_blank = false;
                    continue;
                }
                out.push(Block {
                    kind,
                    text: first_text.into_iter().collect(),
                    first: line.no,
                    last: line.no,
                });
            }
            None => match out.last_mut() {
                Some(b)
                    if !matches!(
                        b.kind,
                        BlockKind::Heading { .. }
                            | BlockKind::Table { .. }
                            | BlockKind::Meta { .. }
                    ) =>
                {
                    b.text.push(line.text.to_string());
                    b.last = line.no;
                }
                _ => out.push(Block {
                    kind: BlockKind::Para,
                    text: vec![line.text.to_string()],
                    first: line.no,
                    last: line.no,
                }),
            },
        }
        prev_text = Some(line.text);
        after_blank = false;
    }
    Ok(out)
}

fn next_is_blank(lines: &[Line<'_>], i: usize) -> bool {
    lines[i + 1..]
        .iter()
        .find(|l| l.kind != LineKind::Furniture)
        .is_none_or(|l| matches!(l.kind, LineKind::Blank | LineKind::Contents))
}

/// Decides whether `line` starts a block, and which. Returns the block kind and the first line
/// of its text (without the label), or `None` for a continuation line.
fn recognise(
    st: &mut State<'_>,
    line: &Line<'_>,
    after_blank: bool,
    prev: Option<&str>,
    prev_block: Option<&Block>,
    standalone_after: bool,
    diags: &mut Vec<Diagnostic>,
) -> Option<(BlockKind, Option<String>)> {
    let t = line.text;
    let markdown = st.format == Format::Markdown;
    // A short title-like line before (a document title without a blank line after it) ends
    // its "paragraph" as surely as a full stop.
    let prev_heading_like = prev.is_some_and(|p| {
        p.chars().count() <= 80 && !p.ends_with([',', '-']) && (is_caps(p) || is_title_case(p))
    });
    let prev_ends = prev.is_none_or(|p| ends_sentence(p) || prev_heading_like);
    let at_start = after_blank
        || prev_ends
        || matches!(prev_block.map(|b| &b.kind), Some(BlockKind::Heading { .. }));

    // Footnote definitions.
    if let Some((id, rest)) = footnote_def(t) {
        return Some((BlockKind::Footnote { id }, Some(rest)));
    }
    // Table rows: tab-separated cells or a pipe table.
    if let Some(cells) = table_row(t) {
        if cells
            .iter()
            .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        {
            // A pipe table's separator row.
            return Some((BlockKind::Table { rows: Vec::new() }, None));
        }
        return Some((BlockKind::Table { rows: vec![cells] }, None));
    }
    // `Key: value` lines of the canonical form, after the title and before any text.
    if !st.seen_text
        && let Some((k, v)) = t.split_once(": ")
        && matches!(k, "Council" | "Kind" | "Adopted")
        && !v.trim().is_empty()
    {
        return Some((
            BlockKind::Meta {
                key: k.to_string(),
                value: if markdown {
                    crate::text::unescape_markdown(v.trim())
                } else {
                    v.trim().to_string()
                },
            },
            None,
        ));
    }
    // ATX headings.
    if st.atx && t.starts_with('#') {
        let level = t.chars().take_while(|&c| c == '#').count();
        // `##` alone is an empty heading (CommonMark); canonical Markdown writes one for a
        // section without a heading.
        if level <= 6 && (t[level..].starts_with(' ') || t.len() == level) {
            let inner = if markdown {
                crate::text::unescape_markdown(&strip_marks(t))
            } else {
                strip_marks(t)
            };
            // Canonical Markdown's one `#` heading is the title, numbered or not ("3 Rivers
            // Parish Council"); its sections are `##` and deeper.
            if st.strict && level == 1 {
                return Some((heading(None, &inner, HeadingStyle::Atx(level)), None));
            }
            if !inner.is_empty()
                && inner.len() <= 2
                && inner.bytes().all(|b| b.is_ascii_digit())
                && let Ok(n) = inner.parse::<u32>()
            {
                st.section = Some(n);
                return Some((heading(Some(inner), "", HeadingStyle::Atx(level)), None));
            }
            if let Some((n, rest)) = section_number(&inner) {
                st.section = Some(n);
                return Some((
                    heading(Some(n.to_string()), rest, HeadingStyle::Atx(level)),
                    None,
                ));
            }
            return Some((heading(None, &inner, HeadingStyle::Atx(level)), None));
        }
    }

    // A list marker, then possibly a bold clause label.
    let (marker, rest) = list_marker(t);
    let rest_plain = unbold_label(rest);

    // Numbered clauses.
    if let Some((label, printed, after)) = split_clause_label(&rest_plain)
        .map(|(l, a)| (l, None, a))
        .or_else(|| paren_clause_label(&rest_plain).map(|(l, p, a)| (l, Some(p), a)))
        && (at_start || marker)
        && let Some((id, previous)) = accept_clause(st, &label, line.no, diags)
    {
        if id.depth() > st.max_depth {
            st.error = Some(Error::TooDeep {
                label,
                depth: id.depth(),
                limit: st.max_depth,
                line: line.no,
            });
            return None;
        }
        st.last_clause = Some(id.clone());
        return Some((
            BlockKind::Clause {
                id,
                previous,
                printed,
            },
            Some(after.to_string()),
        ));
    }
    // Canonical Markdown says what it is: its headings are `#` lines, its paragraphs and
    // items are what they look like.
    if st.strict {
        if marker {
            if let Some((label, previous_label, kind, after)) = item_label(rest) {
                return Some((
                    BlockKind::Item {
                        label,
                        previous_label,
                        kind,
                        indent: line.indent,
                    },
                    Some(after.to_string()),
                ));
            }
            return Some((
                BlockKind::Item {
                    label: "•".into(),
                    previous_label: None,
                    kind: ItemKind::Bullet,
                    indent: line.indent,
                },
                Some(rest.to_string()),
            ));
        }
        return after_blank.then(|| (BlockKind::Para, Some(t.to_string())));
    }
    // Numbered section headings.
    if !marker
        && (at_start || line.indent > 0)
        && let Some((n, rest)) = section_number(&rest_plain)
    {
        let expected = st.section.map_or(1, |s| s + 1);
        if n == expected && looks_like_heading(rest) {
            st.section = Some(n);
            return Some((
                heading(Some(n.to_string()), rest, HeadingStyle::Numbered),
                None,
            ));
        }
    }
    // Items: labelled, bulleted, or a bullet whose glyph was lost in extraction.
    if let Some((label, previous_label, kind, after)) = item_label(rest)
        && (marker || at_start)
    {
        return Some((
            BlockKind::Item {
                label,
                previous_label,
                kind,
                indent: line.indent,
            },
            Some(after.to_string()),
        ));
    }
    if marker {
        return Some((
            BlockKind::Item {
                label: "•".into(),
                previous_label: None,
                kind: ItemKind::Bullet,
                indent: line.indent,
            },
            Some(rest.to_string()),
        ));
    }
    let in_list = prev_block.is_some_and(|b| {
        matches!(b.kind, BlockKind::Item { .. })
            || b.text.last().is_some_and(|l| l.trim_end().ends_with(':'))
    });
    if st.format == Format::Text && after_blank && line.indent > 0 && in_list && starts_upper(t) {
        return Some((
            BlockKind::Item {
                label: "•".into(),
                previous_label: None,
                kind: ItemKind::Bullet,
                indent: line.indent,
            },
            Some(t.to_string()),
        ));
    }
    // Unnumbered headings: a standalone line in capitals or title case, or named by the contents.
    if after_blank && standalone_after {
        let plain = strip_marks(t);
        let key = heading_key(&plain);
        let in_contents = st.contents.contains(&key);
        let bare = plain.trim_end();
        let words = bare.split_whitespace().count();
        let ends_bad = bare.ends_with(['.', ',', ';']) || (bare.ends_with(':') && !in_contents);
        let caps = is_caps(bare) && bare.chars().count() <= 160;
        let title =
            is_title_case(bare) && words <= 10 && bare.chars().count() <= 80 && starts_upper(bare);
        if !ends_bad && (in_contents || caps || title) {
            let style = if caps {
                HeadingStyle::Caps
            } else {
                HeadingStyle::Title
            };
            return Some((heading(None, bare, style), None));
        }
    }
    // A new paragraph: after a blank line, or a short lead-in ("Officers should:") after a
    // finished sentence in hard-wrapped text.
    if after_blank {
        return Some((BlockKind::Para, Some(t.to_string())));
    }
    if prev.is_some_and(ends_sentence)
        && t.ends_with(':')
        && t.chars().count() < 60
        && !starts_lower(t)
    {
        return Some((BlockKind::Para, Some(t.to_string())));
    }
    None
}

fn heading(number: Option<String>, text: &str, style: HeadingStyle) -> BlockKind {
    BlockKind::Heading {
        number,
        text: text.trim().trim_end_matches(':').trim().to_string(),
        style,
    }
}

fn looks_like_heading(s: &str) -> bool {
    let s = s.trim();
    let n = s.chars().count();
    n > 0
        && n <= 100
        && starts_upper(s)
        && !s.ends_with(['.', ',', ';'])
        && (is_caps(s) || is_title_case(s) || s.split_whitespace().count() <= 6)
}

/// `1. Introduction`, `1 Introduction`, `10. LOCAL MEMBERS` → (1, "Introduction").
fn section_number(s: &str) -> Option<(u32, &str)> {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let n: u32 = s[..digits].parse().ok()?;
    let rest = &s[digits..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim();
    (!rest.is_empty()).then_some((n, rest))
}

/// Strips a list marker (`- `, `* `, `• `, `` ) and returns whether there was one.
fn list_marker(t: &str) -> (bool, &str) {
    for m in ["- ", "* ", "+ ", "• ", "● ", "▪ ", "◦ ", "\u{f0b7} ", "o "] {
        if m == "o " {
            continue; // "o" bullets are too easily a word; not seen in council text so far.
        }
        if let Some(rest) = t.strip_prefix(m) {
            return (true, rest.trim_start());
        }
    }
    if let Some(rest) = t.strip_prefix('•').or_else(|| t.strip_prefix('\u{f0b7}')) {
        return (true, rest.trim_start());
    }
    (false, t)
}

/// `**3.3** text` → `3.3 text`: labels in bold are labels.
fn unbold_label(s: &str) -> String {
    if let Some(rest) = s.strip_prefix("**")
        && let Some(end) = rest.find("**")
    {
        let label = &rest[..end];
        if !label.is_empty() && label.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return format!("{label}{}", &rest[end + 2..]);
        }
    }
    s.to_string()
}

/// `2.8.1 As Council...` → ("2.8.1", "As Council..."). At least one dot between numbers.
fn split_clause_label(s: &str) -> Option<(String, &str)> {
    let len = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .count();
    let label = &s[..len];
    let rest = &s[len..];
    if !label.contains('.') || !label.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let trimmed = label.trim_end_matches('.');
    if trimmed.contains("..") || !trimmed.contains('.') {
        return None;
    }
    Some((trimmed.to_string(), rest.trim_start()))
}

/// `3(1) The Clerk...` → ("3.1", "3(1)", "The Clerk..."): the numbering of many town and
/// parish councils and of statutes, paragraph 1 of section 3.
fn paren_clause_label(s: &str) -> Option<(String, String, &str)> {
    let digits = |t: &str| t.chars().take_while(char::is_ascii_digit).count();
    let n = digits(s);
    if n == 0 || n > 3 {
        return None;
    }
    let inner = s[n..].strip_prefix('(')?;
    let m = digits(inner);
    if m == 0 || m > 3 {
        return None;
    }
    let rest = inner[m..].strip_prefix(')')?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let printed = &s[..n + 1 + m + 1];
    Some((
        format!("{}.{}", &s[..n], &inner[..m]),
        printed.to_string(),
        rest.trim_start(),
    ))
}

/// Decides whether a clause label fits the numbering so far. Returns the id and, for a label
/// renumbered under tracked changes, the previous id.
fn accept_clause(
    st: &State<'_>,
    label: &str,
    line: u32,
    diags: &mut Vec<Diagnostic>,
) -> Option<(ClauseId, Option<ClauseId>)> {
    let id = ClauseId::parse(label)?;
    // Canonical Markdown writes every clause with its label and escapes anything else that
    // would look like one, so a label there is a clause whatever the numbering before it.
    if st.strict || plausible(st, &id) {
        return Some((id, None));
    }
    // Tracked renumbering leaves the old and new numbers run together: `3.3.5` is old 3.3, now
    // 3.5; `3.4.3.6` is old 3.4, now 3.6.
    let p = id.parts();
    let split = match p.len() {
        3 => Some((
            ClauseId::from_parts(vec![p[0], p[1]]),
            ClauseId::from_parts(vec![p[0], p[2]]),
        )),
        4 if p[0] == p[2] => Some((
            ClauseId::from_parts(vec![p[0], p[1]]),
            ClauseId::from_parts(vec![p[2], p[3]]),
        )),
        _ => None,
    };
    if let Some((old, new)) = split
        && old != new
        && plausible(st, &new)
    {
        diags.push(Diagnostic::new(
            Code::TrackedChange,
            Severity::Info,
            line,
            format!("label {label:?} read as clause {old} renumbered {new} under tracked changes"),
        ));
        return Some((new, Some(old)));
    }
    // A gap in the numbering: still a clause when it belongs to the current section and moves on.
    let section = st
        .section
        .or_else(|| st.last_clause.as_ref().map(|l| l.parts()[0]));
    if id.depth() >= 2 && Some(p[0]) == section && st.last_clause.as_ref().is_none_or(|l| &id > l) {
        let after = st
            .last_clause
            .as_ref()
            .map_or_else(|| "the section heading".to_string(), ToString::to_string);
        diags.push(Diagnostic::new(
            Code::NumberingGap,
            Severity::Warning,
            line,
            format!("clause {id} follows {after}: a number is skipped"),
        ));
        return Some((id, None));
    }
    None
}

fn plausible(st: &State<'_>, id: &ClauseId) -> bool {
    let p = id.parts();
    if p.len() < 2 {
        return false;
    }
    let first_in_section = p.len() == 2 && p[1] == 1 && st.section.is_none_or(|s| s == p[0]);
    let Some(last) = &st.last_clause else {
        return first_in_section;
    };
    if *id == last.next_sibling() || *id == last.first_child() {
        return true;
    }
    let mut anc = last.parent();
    while let Some(a) = anc {
        if a.depth() >= 2 && *id == a.next_sibling() {
            return true;
        }
        anc = a.parent();
    }
    // First clause of a new section, with or without its heading.
    p.len() == 2
        && p[1] == 1
        && (st.section == Some(p[0]) || p[0] == last.parts()[0] + 1)
        && p[0] != last.parts()[0]
}

/// Item labels: `(a)`, `a.`, `a)`, `(iv)`, `(1)`, and the tracked relabelling `(xiv)(xv)`.
fn item_label(s: &str) -> Option<(String, Option<String>, ItemKind, &str)> {
    if let Some((l1, rest)) = paren_label(s) {
        if let Some((l2, rest2)) = paren_label(rest)
            && label_kind(&l1) == label_kind(&l2)
            && l1 != l2
            && rest2.starts_with(' ')
        {
            return Some((
                format!("({l2})"),
                Some(format!("({l1})")),
                label_kind(&l2),
                rest2.trim_start(),
            ));
        }
        if rest.starts_with(' ') {
            return Some((format!("({l1})"), None, label_kind(&l1), rest.trim_start()));
        }
        return None;
    }
    let len = s
        .chars()
        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        .count();
    if len == 0 || len > 6 {
        return None;
    }
    let label = &s[..len];
    let rest = &s[len..];
    let closer = rest.chars().next()?;
    if !matches!(closer, '.' | ')') || !rest[1..].starts_with(' ') {
        return None;
    }
    let kind = label_kind(label);
    if kind == ItemKind::Letter && len > 1 {
        return None;
    }
    if kind == ItemKind::Number && len > 2 {
        return None;
    }
    Some((
        format!("{label}{closer}"),
        None,
        kind,
        rest[1..].trim_start(),
    ))
}

fn paren_label(s: &str) -> Option<(String, &str)> {
    let inner = s.strip_prefix('(')?;
    let end = inner.find(')')?;
    let label = &inner[..end];
    let ok = !label.is_empty()
        && ((label.len() <= 6 && label.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')))
            || (label.len() == 1 && label.chars().all(|c| c.is_ascii_lowercase()))
            || (label.len() <= 2 && label.chars().all(|c| c.is_ascii_digit())));
    ok.then(|| (label.to_string(), &inner[end + 1..]))
}

fn label_kind(label: &str) -> ItemKind {
    if label.chars().all(|c| c.is_ascii_digit()) {
        ItemKind::Number
    } else if (label.len() > 1 || label == "i")
        && label.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
    {
        ItemKind::Roman
    } else {
        ItemKind::Letter
    }
}

fn footnote_def(t: &str) -> Option<(String, String)> {
    if let Some(rest) = t.strip_prefix("<sup>") {
        let end = rest.find("</sup>")?;
        let id = &rest[..end];
        let text = rest[end + 6..].trim();
        if !id.is_empty()
            && id.len() <= 3
            && id.chars().all(|c| c.is_ascii_alphanumeric())
            && !text.is_empty()
        {
            return Some((id.to_string(), text.to_string()));
        }
    }
    if let Some(rest) = t.strip_prefix("[^") {
        let end = rest.find("]:")?;
        let id = &rest[..end];
        if !id.is_empty() && !id.contains(' ') {
            return Some((id.to_string(), rest[end + 2..].trim().to_string()));
        }
    }
    None
}

fn table_row(t: &str) -> Option<Vec<String>> {
    if t.starts_with('|') && t.ends_with('|') && t.len() > 2 {
        let inner = &t[1..t.len() - 1];
        let cells = split_pipes(inner);
        return (cells.len() >= 2).then_some(cells);
    }
    if t.contains('\t') {
        let cells: Vec<String> = t.split('\t').map(|c| c.trim().to_string()).collect();
        if cells.len() >= 3 && cells.iter().filter(|c| !c.is_empty()).count() >= 2 {
            return Some(cells);
        }
    }
    None
}

fn split_pipes(s: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cur.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cur).trim().to_string()),
            c => cur.push(c),
        }
    }
    cells.push(cur.trim().to_string());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(
            split_clause_label("2.8.1 As Council"),
            Some(("2.8.1".into(), "As Council"))
        );
        assert_eq!(
            split_clause_label("3.4.3.6 If a"),
            Some(("3.4.3.6".into(), "If a"))
        );
        assert_eq!(split_clause_label("1. Introduction"), None);
        assert_eq!(split_clause_label("2.5million"), None);
        assert_eq!(unbold_label("**3.3.5** It is"), "3.3.5 It is");
        assert_eq!(
            paren_clause_label("3(1) A member of staff"),
            Some(("3.1".into(), "3(1)".into(), "A member of staff"))
        );
        assert_eq!(paren_clause_label("3(a) no"), None);
        assert_eq!(paren_clause_label("(1) an item"), None);
        let (l, p, k, r) = item_label("(xiv)(xv) To inform").unwrap();
        assert_eq!(
            (l.as_str(), p.as_deref(), k, r),
            ("(xv)", Some("(xiv)"), ItemKind::Roman, "To inform")
        );
        assert_eq!(item_label("a) Chief Finance").unwrap().0, "a)");
        assert_eq!(item_label("a. deal with").unwrap().0, "a.");
        assert!(item_label("i.e. the").is_none());
        assert!(item_label("As Council").is_none());
        assert_eq!(
            section_number("10. LOCAL MEMBERS"),
            Some((10, "LOCAL MEMBERS"))
        );
        assert_eq!(
            section_number("2 The Respective Roles"),
            Some((2, "The Respective Roles"))
        );
        assert_eq!(
            footnote_def("<sup>2</sup> A list of contacts"),
            Some(("2".into(), "A list of contacts".into()))
        );
    }
}
