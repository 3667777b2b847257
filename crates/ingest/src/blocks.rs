//! The second pass: body lines grouped into blocks (headings, numbered clauses, items,
//! paragraphs, tables, footnote definitions). Which lines start headings and numbered clauses
//! was decided for the whole document by the plan (`plan`); this pass follows it, and groups
//! the other lines into items, paragraphs and their continuations. Canonical Markdown is read
//! as written, without a plan.

use std::collections::HashSet;

use concord_model::{ClauseId, Diagnostic};

use crate::labels::{self, Label, SingleForm, item_label, list_marker, table_row};
use crate::plan::Role;
use crate::{Error, Format};

pub use crate::labels::ItemKind;
pub use crate::plan::HeadingStyle;

use crate::prepare::{Line, LineKind, strip_marks};
use crate::text::{ends_sentence, is_caps, is_title_case, starts_lower, starts_upper};

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    Heading {
        number: Option<String>,
        text: String,
        style: HeadingStyle,
        /// The level the plan gave it (1 a section, 2 a sub-section); canonical Markdown's
        /// levels come from its `#`s.
        level: Option<usize>,
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

/// The key of a [`BlockKind::Meta`] that holds an approval, version or review line.
pub const APPROVAL: &str = "Approval";

/// The key of a [`BlockKind::Meta`] that holds a line of front matter (a title, a council's
/// name) before the first section.
pub const FRONT: &str = "Front";

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
    pub strict: bool,
    pub max_depth: usize,
    /// How the text's lines break: where a paragraph can end without a blank line.
    pub breaks: Breaks,
}

/// How a text's lines break, which says where a paragraph ends when no blank line does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Breaks {
    /// Paragraphs are separated by blank lines (or nothing is known).
    #[default]
    Blank,
    /// Each line is a whole paragraph (a Word or web text without blank lines): a line after a
    /// finished sentence starts a new one.
    Lines,
    /// Hard-wrapped at this width: a line that ends a sentence well short of the width ends its
    /// paragraph.
    Wrapped(usize),
}

struct State {
    format: Format,
    strict: bool,
    breaks: Breaks,
    seen_text: bool,
    /// Clause numbering deeper than this stops the reading (`Options::max_depth`).
    max_depth: usize,
    /// The limit error met, which ends the pass.
    error: Option<Error>,
    /// Canonical Markdown: the last `N(x)` clause read (its number, place and whether it was
    /// a roman numeral), which tells `2(i)` after `2(h)` (a letter) from `2(i)` first (roman).
    last_paren: Option<(u32, u32, bool)>,
}

pub fn blocks(
    lines: &[Line<'_>],
    mode: Mode,
    roles: &[Option<Role>],
    _diags: &mut Vec<Diagnostic>,
) -> Result<Vec<Block>, Error> {
    let mut st = State {
        format: mode.format,
        strict: mode.strict,
        breaks: mode.breaks,
        seen_text: false,
        max_depth: mode.max_depth,
        error: None,
        last_paren: None,
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
        let role = roles.get(i).and_then(Option::as_ref);
        if role == Some(&Role::Skip) {
            continue;
        }
        let prev_block = out.last();
        let start = recognise(&mut st, line, role, after_blank, prev_text, prev_block);
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
                    text: first_text.into_iter().filter(|t| !t.is_empty()).collect(),
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

/// Decides whether `line` starts a block, and which. Returns the block kind and the first line
/// of its text (without the label), or `None` for a continuation line.
fn recognise(
    st: &mut State,
    line: &Line<'_>,
    role: Option<&Role>,
    after_blank: bool,
    prev: Option<&str>,
    prev_block: Option<&Block>,
) -> Option<(BlockKind, Option<String>)> {
    let t = line.text;
    let markdown = st.format == Format::Markdown;
    let prev_ends = prev.is_none_or(|p| {
        ends_sentence(p)
            || (p.chars().count() <= 80
                && !p.ends_with([',', '-'])
                && (is_caps(p) || is_title_case(p)))
    });
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
    if st.strict {
        return strict(st, line, after_blank);
    }
    // What the plan decided for the document as a whole.
    match role {
        Some(Role::Heading {
            number,
            text,
            style,
            level,
        }) => {
            let text = if markdown {
                crate::text::unescape_markdown(text)
            } else {
                text.clone()
            };
            return Some((heading(number.clone(), &text, *style, Some(*level)), None));
        }
        Some(Role::Clause {
            id,
            previous,
            printed,
            text,
        }) => {
            if id.depth() > st.max_depth {
                st.error = Some(Error::TooDeep {
                    label: id.to_string(),
                    depth: id.depth(),
                    limit: st.max_depth,
                    line: line.no,
                });
                return None;
            }
            return Some((
                BlockKind::Clause {
                    id: id.clone(),
                    previous: previous.clone(),
                    printed: printed.clone(),
                },
                Some(text.clone()),
            ));
        }
        Some(Role::Continue) => return None,
        Some(Role::Text) => return Some((BlockKind::Para, Some(t.to_string()))),
        Some(Role::Para) => {
            return Some((
                BlockKind::Meta {
                    key: FRONT.to_string(),
                    value: strip_marks(t),
                },
                None,
            ));
        }
        Some(Role::Meta) => {
            return Some((
                BlockKind::Meta {
                    key: APPROVAL.to_string(),
                    value: strip_marks(t),
                },
                None,
            ));
        }
        Some(Role::Skip) => unreachable!("skipped lines are not recognised"),
        None => {}
    }
    let (marker, rest) = list_marker(t);
    let numbered_label = matches!(
        labels::start(t).label,
        Some(Label::Dotted(_) | Label::Paren { .. })
    );
    // Items: labelled, bulleted, or a bullet whose glyph was lost in extraction. The next
    // label of a list starts an item even after a line that runs on ("(c) ...; and").
    if !numbered_label
        && let Some((label, previous_label, kind, after)) = item_label(rest)
        && (marker || at_start || follows_item(prev_block, &label))
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
    // A hyphen at the start of a wrapped line that carries on an unfinished sentence is the
    // sentence's dash, not a bullet (`...the Publicity Code` / `- https://...`).
    let dash_in_sentence = t.starts_with("- ")
        && matches!(st.breaks, Breaks::Wrapped(_))
        && !after_blank
        && prev.is_some_and(|p| !ends_sentence(p))
        && !matches!(prev_block.map(|b| &b.kind), Some(BlockKind::Item { .. }));
    if marker && !dash_in_sentence {
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
    // A new paragraph: after a blank line, or a short lead-in ("Officers should:") after a
    // finished sentence in hard-wrapped text, or where the text's line breaks say a paragraph
    // ended (a finished sentence on a line of its own, or well short of the wrap width).
    if after_blank {
        return Some((BlockKind::Para, Some(t.to_string())));
    }
    if let Some(p) = prev
        && ends_sentence(p)
        && starts_upper(t)
        && match st.breaks {
            Breaks::Blank => false,
            Breaks::Lines => true,
            Breaks::Wrapped(width) => p.chars().count() * 10 < width * 7,
        }
    {
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

/// Whether `label` is the next label after the item block before (`(d)` after `(c)`, `iv.`
/// after `iii.`).
fn follows_item(prev: Option<&Block>, label: &str) -> bool {
    let Some(Block {
        kind: BlockKind::Item { label: before, .. },
        ..
    }) = prev
    else {
        return false;
    };
    let core = |l: &str| -> (String, String, String) {
        let open = if l.starts_with('(') { "(" } else { "" }.to_string();
        let close = l.chars().last().map(String::from).unwrap_or_default();
        let inner = l.trim_matches(|c| matches!(c, '(' | ')' | '.')).to_string();
        (open, inner, close)
    };
    let (o1, a, c1) = core(before);
    let (o2, b, c2) = core(label);
    if o1 != o2 || c1 != c2 {
        return false;
    }
    let next_letter = a.len() == 1
        && b.len() == 1
        && a.bytes()
            .next()
            .zip(b.bytes().next())
            .is_some_and(|(x, y)| y == x + 1);
    let next_number = a
        .parse::<u32>()
        .ok()
        .zip(b.parse::<u32>().ok())
        .is_some_and(|(x, y)| y == x + 1);
    let next_roman = labels::roman_value(&a)
        .zip(labels::roman_value(&b))
        .is_some_and(|(x, y)| y == x + 1);
    next_letter || next_number || next_roman
}

/// Canonical Markdown says what it is: its headings are `#` lines, its clauses start with
/// their labels as written, its items with a list marker, and its paragraphs are what they
/// look like.
fn strict(
    st: &mut State,
    line: &Line<'_>,
    after_blank: bool,
) -> Option<(BlockKind, Option<String>)> {
    let t = line.text;
    if t.starts_with('#') {
        let level = t.chars().take_while(|&c| c == '#').count();
        // `##` alone is an empty heading (CommonMark); canonical Markdown writes one for a
        // section without a heading.
        if level <= 6 && (t[level..].starts_with(' ') || t.len() == level) {
            // Canonical Markdown is read as written: a heading's number is found before its
            // escapes are undone (an unnumbered "18. Summary" is written `18\. Summary`), and
            // its text keeps a closing colon.
            let raw = strip_marks(t);
            // Its `#`s say how it nests: `##` a section, `###` and deeper a sub-section (the
            // title's `#` is no section).
            let as_written = |number: Option<String>, text: &str| BlockKind::Heading {
                number,
                text: text.trim().to_string(),
                style: HeadingStyle::Atx(level),
                level: (level > 1).then_some(if level == 2 { 1 } else { 2 }),
            };
            // Canonical Markdown's one `#` heading is the title, numbered or not ("3 Rivers
            // Parish Council"); its sections are `##` and deeper.
            if level == 1 {
                return Some((as_written(None, &unescape_heading(&raw)), None));
            }
            if !raw.is_empty() && raw.len() <= 2 && raw.bytes().all(|b| b.is_ascii_digit()) {
                return Some((as_written(Some(raw.clone()), ""), None));
            }
            if let Some((n, rest)) = section_number(&raw) {
                return Some((
                    as_written(Some(n.to_string()), &unescape_heading(rest)),
                    None,
                ));
            }
            return Some((as_written(None, &unescape_heading(&raw)), None));
        }
    }
    if let Some((n, sub, roman, len)) = canonical_paren(t, st.last_paren) {
        st.last_paren = Some((n, sub, roman));
        return Some((
            BlockKind::Clause {
                id: ClauseId::from_parts(vec![n, sub]),
                previous: None,
                printed: Some(t[..len].to_string()),
            },
            Some(t[len..].trim_start().to_string()),
        ));
    }
    let start = labels::start(t);
    let (id, printed) = match &start.label {
        Some(Label::Dotted(p)) if !start.marker => (Some(ClauseId::from_parts(p.clone())), None),
        Some(Label::Paren {
            n, sub, printed, ..
        }) if !start.marker => (
            Some(ClauseId::from_parts(vec![*n, *sub])),
            Some(printed.clone()),
        ),
        Some(Label::Single(n, SingleForm::Dot)) if !start.marker => {
            (Some(ClauseId::from_parts(vec![*n])), Some(format!("{n}.")))
        }
        _ => (None, None),
    };
    if let Some(id) = id {
        if id.depth() > st.max_depth {
            st.error = Some(Error::TooDeep {
                label: id.to_string(),
                depth: id.depth(),
                limit: st.max_depth,
                line: line.no,
            });
            return None;
        }
        return Some((
            BlockKind::Clause {
                id,
                previous: None,
                printed,
            },
            Some(start.rest.to_string()),
        ));
    }
    let (marker, rest) = list_marker(t);
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
    after_blank.then(|| (BlockKind::Para, Some(t.to_string())))
}

fn heading(
    number: Option<String>,
    text: &str,
    style: HeadingStyle,
    level: Option<usize>,
) -> BlockKind {
    BlockKind::Heading {
        number,
        text: text.trim().trim_end_matches(':').trim().to_string(),
        style,
        level,
    }
}

/// A clause of canonical Markdown labelled `N(x)` (paragraph x of section N, as the reader
/// numbers lettered, roman and numbered paragraphs under a heading): its number, its place,
/// whether the place was a roman numeral, and the label's length. A single `i`, `v` or `x` is a
/// letter when it follows the letter before it (`2(i)` after `2(h)`), else a roman numeral when
/// it is the first or follows the numeral before it.
fn canonical_paren(t: &str, last: Option<(u32, u32, bool)>) -> Option<(u32, u32, bool, usize)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let n: u32 = t[..digits].parse().ok()?;
    let inner_len = t[digits..]
        .strip_prefix('(')?
        .bytes()
        .take_while(u8::is_ascii_lowercase)
        .count();
    let inner = &t[digits + 1..digits + 1 + inner_len];
    let len = digits + inner_len + 2;
    if inner.is_empty() || !t[digits + 1 + inner_len..].starts_with(')') {
        return None;
    }
    if !t[len..].is_empty() && !t[len..].starts_with(char::is_whitespace) {
        return None;
    }
    let roman = labels::roman_value(inner);
    if inner.len() > 1 {
        return roman.map(|r| (n, r, true, len));
    }
    let letter = u32::from(inner.as_bytes()[0] - b'a') + 1;
    let follows = |place: u32, was_roman: bool| last == Some((n, place.wrapping_sub(1), was_roman));
    match roman {
        Some(r) if !follows(letter, false) && (r == 1 || follows(r, true)) => {
            Some((n, r, true, len))
        }
        _ => Some((n, letter, false, len)),
    }
}

/// A canonical heading's text with its escapes undone; `18\ Summary` (an unnumbered heading
/// whose text starts with a number and a space, as the writer escapes it) is `18 Summary`.
fn unescape_heading(raw: &str) -> String {
    let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
    let raw = if digits > 0 && raw[digits..].starts_with("\\ ") {
        std::borrow::Cow::Owned(format!("{}{}", &raw[..digits], &raw[digits + 1..]))
    } else {
        std::borrow::Cow::Borrowed(raw)
    };
    crate::text::unescape_markdown(&raw)
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

/// Whether single-number clause labels repeat in canonical Markdown (each section numbering its
/// paragraphs from 1), so their ids are qualified by their section as when they were read.
pub fn single_numbers_repeat(blocks: &[Block]) -> bool {
    let mut seen = HashSet::new();
    blocks.iter().any(|b| {
        matches!(&b.kind, BlockKind::Clause { id, .. } if id.depth() == 1 && !seen.insert(id.clone()))
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
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

    #[test]
    fn canonical_paren_labels_tell_letters_from_roman_numerals_by_what_came_before() {
        let read =
            |t: &str, last| canonical_paren(t, last).map(|(n, sub, roman, _)| (n, sub, roman));
        assert_eq!(read("2(i) Text", None), Some((2, 1, true)));
        assert_eq!(read("2(ii) Text", Some((2, 1, true))), Some((2, 2, true)));
        assert_eq!(read("2(v) Text", Some((2, 4, true))), Some((2, 5, true)));
        assert_eq!(read("2(i) Text", Some((2, 8, false))), Some((2, 9, false)));
        assert_eq!(read("2(a) Text", None), Some((2, 1, false)));
        assert_eq!(read("2(x) Text", None), Some((2, 24, false)));
        assert_eq!(read("2(iv)Text", None), None);
        assert_eq!(read("2(ab) Text", None), None);
        assert_eq!(read("(i) Text", None), None);
    }
}
