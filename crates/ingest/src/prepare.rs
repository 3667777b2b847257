//! The first pass over a document's lines: what is page furniture (running headers and footers,
//! page numbers, blank-page notes, rules, stray URLs, lone bullet glyphs), what is a contents
//! list, and what is body text. Nothing is deleted: lines are only marked, so every later
//! message can still cite its source line.

use std::collections::{HashMap, HashSet};

use concord_model::{Code, Diagnostic, Severity};

use crate::text::{fold, is_caps};

/// What a line is, as far as the first pass can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Furniture,
    Contents,
    Body,
}

/// One source line.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based source line number.
    pub no: u32,
    /// Leading whitespace, in characters (tabs count as one).
    pub indent: usize,
    /// The line without leading or trailing whitespace.
    pub text: &'a str,
    pub kind: LineKind,
}

/// The lines of a document after the first pass, and the headings its contents list names.
#[derive(Debug)]
pub struct Prepared<'a> {
    pub lines: Vec<Line<'a>>,
    /// Folded entries of the contents list (numbers and page numbers removed).
    pub contents: HashSet<String>,
}

/// Marks the lines of `text`.
/// `repeats_are_furniture`: a short line that recurs is a running header or footer. Off for
/// text rebuilt from a PDF, whose running lines were already removed by where they stand on
/// the page (a sentence that wraps the same way twice is not furniture).
/// `strict`: canonical Markdown has no furniture or contents list; only its first line, the
/// canonical mark, is set aside.
pub fn prepare<'a>(
    text: &'a str,
    repeats_are_furniture: bool,
    strict: bool,
    diags: &mut Vec<Diagnostic>,
) -> Prepared<'a> {
    let mut lines: Vec<Line<'a>> = text
        .split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            let indent = raw.chars().take_while(|c| c.is_whitespace()).count();
            Line {
                no: i as u32 + 1,
                indent,
                text: trimmed,
                kind: if trimmed.is_empty() {
                    LineKind::Blank
                } else {
                    LineKind::Body
                },
            }
        })
        .collect();
    // A file ending in a newline has an empty last "line" that is not in the source.
    if lines.last().is_some_and(|l| l.text.is_empty()) && text.ends_with('\n') {
        lines.pop();
    }
    if strict {
        if let Some(first) = lines.first_mut() {
            first.kind = LineKind::Furniture;
        }
        return Prepared {
            lines,
            contents: HashSet::new(),
        };
    }
    let mut lines = split_run_on(lines);
    mark_web_navigation(&mut lines, diags);
    let mut contents = mark_contents(&mut lines, diags);
    if contents.is_empty() {
        contents = unlabelled_contents(&mut lines, diags);
    }
    mark_furniture(&mut lines, repeats_are_furniture, diags);
    Prepared { lines, contents }
}

/// Where a contents list and the headings it lists disagree: an entry no heading answers, or a
/// section heading the list leaves out. `headings` are the document's section headings as read
/// (each with its line), `all_headings` its sub-headings too (a list may name them). Nothing
/// when there is no contents list.
pub fn contents_mismatch(
    lines: &[Line<'_>],
    headings: &[(String, u32)],
    all_headings: &[String],
    diags: &mut Vec<Diagnostic>,
) {
    // The entries, without a page's header or footer caught inside the list.
    let entries: Vec<(String, &str, u32)> = lines
        .iter()
        .filter(|l| l.kind == LineKind::Contents)
        .map(|l| (heading_key(l.text), l.text, l.no))
        .filter(|(k, t, _)| {
            !k.is_empty()
                && !matches!(
                    k.as_str(),
                    "contents" | "table of contents" | "on this page" | "in this document"
                )
                && !carries_page_number(&fold(&strip_marks(t)))
                && crate::meta::councils_in(t).is_empty()
        })
        .collect();
    if entries.len() < 2 {
        return;
    }
    let keys: HashSet<String> = all_headings.iter().map(|h| heading_key(h)).collect();
    for (key, text, line) in &entries {
        if !keys.contains(key) {
            diags.push(Diagnostic::new(
                Code::ContentsMismatch,
                Severity::Info,
                *line,
                format!(
                    "the contents list names {}, which no heading of the document has",
                    crate::quoted(&entry_text(text))
                ),
            ));
        }
    }
    let listed: HashSet<&str> = entries.iter().map(|(k, _, _)| k.as_str()).collect();
    for (heading, line) in headings {
        if !listed.contains(heading_key(heading).as_str()) {
            diags.push(Diagnostic::new(
                Code::ContentsMismatch,
                Severity::Info,
                *line,
                format!(
                    "the heading {} is missing from the contents list",
                    crate::quoted(heading)
                ),
            ));
        }
    }
}

/// A contents entry as it reads, without its marks, dot leaders and page number.
fn entry_text(t: &str) -> String {
    let plain = strip_marks(t);
    let first = plain.split('\t').next().unwrap_or("").trim();
    first
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(['.', '…', ' '])
        .to_string()
}

/// Cuts every run-on line (a section, or the whole text, whose line breaks were lost) into the
/// pieces it holds (`runon`); each piece keeps its source line.
fn split_run_on(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    if !lines
        .iter()
        .any(|l| l.kind == LineKind::Body && l.text.len() >= crate::runon::LONG)
    {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if line.kind != LineKind::Body {
            out.push(line);
            continue;
        }
        let pieces = crate::runon::pieces(line.text);
        if pieces.len() == 1 {
            out.push(line);
            continue;
        }
        out.extend(pieces.into_iter().map(|text| Line {
            no: line.no,
            indent: 0,
            text,
            kind: LineKind::Body,
        }));
    }
    out
}

/// A web page's navigation before the document starts: a "skip to" link, menu entries,
/// a breadcrumb. The document starts at its first line that names a protocol or a council, or
/// at its first sentence; the short lines before it (two or more) are the page's chrome.
fn mark_web_navigation(lines: &mut [Line<'_>], diags: &mut Vec<Diagnostic>) {
    let start = lines.iter().position(|l| {
        l.kind == LineKind::Body && {
            let lower = l.text.to_lowercase();
            lower.contains("protocol")
                || !crate::meta::councils_in(l.text).is_empty()
                || l.text.split_whitespace().count() >= 8
                || l.text.starts_with('#')
        }
    });
    let Some(start) = start else { return };
    let before: Vec<usize> = (0..start)
        .filter(|&i| lines[i].kind == LineKind::Body)
        .collect();
    let chrome = before.len() >= 2
        && before.iter().all(|&i| {
            let t = lines[i].text;
            t.split_whitespace().count() <= 14 && !t.ends_with(['.', ';', ','])
        })
        && before.iter().any(|&i| is_web_chrome(lines[i].text));
    if !chrome {
        return;
    }
    for i in before {
        lines[i].kind = LineKind::Furniture;
        diags.push(Diagnostic::new(
            Code::PageFurniture,
            Severity::Info,
            lines[i].no,
            format!(
                "removed a web page's navigation: {}",
                crate::quoted(lines[i].text)
            ),
        ));
    }
}

/// A line of a web page's chrome: a "skip to content" link, a breadcrumb, "you are here".
fn is_web_chrome(t: &str) -> bool {
    is_web_chrome_key(&fold(t))
}

/// [`is_web_chrome`] of a line already folded.
fn is_web_chrome_key(key: &str) -> bool {
    key.starts_with("skip to")
        || key.starts_with("jump to")
        || key.contains("you are here")
        || is_breadcrumb(key)
}

/// `Home > Council > Policies`, `Home / Your council / Constitution`: two separators or more
/// between short parts, never a sentence (`the Leader, a Portfolio / Committee / Sub-Committee.`
/// is text). A slash separates a breadcrumb only when it starts at "Home".
fn is_breadcrumb(key: &str) -> bool {
    if key.ends_with(['.', ';', ',']) || !key.contains([' ', '>', '»', '›', '/']) {
        return false;
    }
    [" > ", " » ", " › ", " / "].iter().any(|sep| {
        if !key.contains(sep) {
            return false;
        }
        let parts: Vec<&str> = key.split(sep).collect();
        parts.len() >= 3
            && parts.iter().all(|p| p.split_whitespace().count() <= 6)
            && (*sep != " / " || parts[0].trim() == "home")
    })
}

/// Strips Markdown marks that do not change what a line *is*: heading hashes, list markers,
/// bold and italic markers.
pub fn strip_marks(s: &str) -> String {
    let s = s.trim_start_matches('#').trim_start();
    let s = s
        .strip_prefix("- ")
        .or_else(|| s.strip_prefix("* "))
        .unwrap_or(s);
    if s.contains("**") || s.contains("__") {
        s.replace("**", "").replace("__", "").trim().to_string()
    } else {
        s.trim().to_string()
    }
}

/// A contents entry or heading reduced to its words: marks, leading numbers and trailing page
/// numbers removed, folded.
pub fn heading_key(s: &str) -> String {
    let s = strip_marks(s);
    // Tab-separated cells: the heading's words, without a page number cell.
    let mut cells: Vec<&str> = s
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    while cells.len() > 1
        && cells.last().is_some_and(|c| {
            c.trim_matches(['.', '…', ' '])
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
    {
        cells.pop();
    }
    let joined = cells.join(" ");
    // Trailing page numbers typed with spaces or dot leaders: "Expectations ....... 7".
    let s = joined
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    let s = s.trim_end_matches(['.', '…', ' ']).trim_end();
    // Its number, however written ("1.", "Section 1:", "ARTICLE 1:", "Part II –").
    let start = crate::labels::start(s);
    let s = match start.label {
        Some(crate::labels::Label::Item { .. }) | None => s,
        Some(_) => start.rest.as_ref(),
    };
    fold(s)
}

fn mark_contents(lines: &mut [Line<'_>], diags: &mut Vec<Diagnostic>) -> HashSet<String> {
    let mut entries = HashSet::new();
    let Some(start) = lines.iter().position(|l| {
        // Cheap test first: only a short line can be the word "contents".
        l.kind == LineKind::Body
            && l.text.len() <= 40
            && {
                let lower = l.text.to_ascii_lowercase();
                lower.contains("contents")
                    || lower.contains("this page")
                    || lower.contains("this document")
            }
            && matches!(
                fold(&strip_marks(l.text)).as_str(),
                "contents" | "table of contents" | "on this page" | "in this document"
            )
    }) else {
        return entries;
    };
    let first = lines[start + 1..]
        .iter()
        .position(|l| l.kind == LineKind::Body)
        .map(|p| p + start + 1);
    let Some(first) = first else { return entries };
    let first_key = heading_key(lines[first].text);
    mark_run(lines, start, first, first_key, &mut entries, diags);
    entries
}

/// A contents list without a "Contents" line: a run of short lines near the start whose
/// entries come back later, in order, as lines of their own (the headings they list).
fn unlabelled_contents(lines: &mut [Line<'_>], diags: &mut Vec<Diagnostic>) -> HashSet<String> {
    let mut entries = HashSet::new();
    // Where each short line's key stands: made only once a run of entries is found (most
    // documents have none).
    let at_cell: std::cell::OnceCell<HashMap<String, Vec<usize>>> = std::cell::OnceCell::new();
    let keys_of = |lines: &[Line<'_>]| {
        let mut at: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, l) in lines.iter().enumerate() {
            // A heading starts a block: after a blank line or a finished sentence, never in
            // the middle of a paragraph; and it does not end as a sentence does.
            let starts_block = i == 0 || {
                let p = &lines[i - 1];
                p.kind != LineKind::Body
                    || crate::text::ends_sentence(p.text)
                    || p.text.split_whitespace().count() <= 8
            };
            if starts_block
                && l.kind == LineKind::Body
                && !l.text.ends_with(['.', ',', ';'])
                && l.text.split_whitespace().count() <= 16
            {
                let key = heading_key(l.text);
                if key.len() >= 3 {
                    at.entry(key).or_default().push(i);
                }
            }
        }
        at
    };
    let entry_like = |l: &Line<'_>| {
        l.kind == LineKind::Body
            && l.text.split_whitespace().count() <= 16
            && !l
                .text
                .trim_end_matches("**")
                .ends_with(['.', ';', ',', ':'])
    };
    let half = lines.len() / 2;
    let mut i = 0;
    while i < half {
        if !entry_like(&lines[i]) {
            i += 1;
            continue;
        }
        // The run: entry-like lines, single blank lines allowed between them.
        // The run ends where an entry comes back (the first heading the list names).
        let mut run = vec![i];
        let mut keys: HashSet<String> = HashSet::from([heading_key(lines[i].text)]);
        let mut j = i + 1;
        while j < lines.len() {
            if entry_like(&lines[j]) {
                if !keys.insert(heading_key(lines[j].text)) {
                    break;
                }
                run.push(j);
                j += 1;
            } else if lines[j].kind == LineKind::Blank && lines.get(j + 1).is_some_and(entry_like) {
                j += 1;
            } else {
                break;
            }
        }
        let end = *run.last().unwrap_or(&i);
        if run.len() < 3 {
            i = end + 1;
            continue;
        }
        let at = at_cell.get_or_init(|| keys_of(lines));
        // Its entries from the first that comes back after the run, as a heading would.
        let later = |key: &str, after: usize| {
            at.get(key)
                .and_then(|v| v.iter().find(|&&x| x > after).copied())
        };
        if let Some(from) = run
            .iter()
            .position(|&r| later(&heading_key(lines[r].text), end).is_some())
        {
            let entries_run = &run[from..];
            let mut last = end;
            let mut back = 0;
            for &r in entries_run {
                if let Some(x) = later(&heading_key(lines[r].text), last) {
                    back += 1;
                    last = x;
                }
            }
            if entries_run.len() >= 3 && back >= 3 && back * 10 >= entries_run.len() * 7 {
                let first = entries_run[0];
                let first_key = heading_key(lines[first].text);
                mark_run(lines, first, first, first_key, &mut entries, diags);
                return entries;
            }
        }
        i = end + 1;
    }
    entries
}

/// Marks the contents list that starts at `start` (its "Contents" line, or its first entry),
/// with its first entry at `first`, as [`LineKind::Contents`], and gathers its entries' keys.
fn mark_run(
    lines: &mut [Line<'_>],
    start: usize,
    first: usize,
    first_key: String,
    entries: &mut HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) {
    // The body starts where the first entry appears again as a heading.
    let end = lines[first + 1..]
        .iter()
        .position(|l| {
            l.kind == LineKind::Body && heading_key(l.text) == first_key && !first_key.is_empty()
        })
        .map(|p| p + first + 1);
    let end = match end {
        Some(e) if e - start <= 120 => e,
        _ => {
            // No repeat found: take the run of short lines that look like entries.
            let mut e = first;
            while e < lines.len()
                && (lines[e].kind == LineKind::Blank || looks_like_entry(lines[e].text))
            {
                e += 1;
            }
            e
        }
    };
    for l in &mut lines[start..end] {
        if l.kind == LineKind::Body {
            let key = heading_key(l.text);
            if !key.is_empty()
                && !matches!(
                    key.as_str(),
                    "contents" | "table of contents" | "on this page" | "in this document"
                )
            {
                entries.insert(key);
            }
            l.kind = LineKind::Contents;
        }
    }
    diags.push(Diagnostic::new(
        Code::ContentsList,
        Severity::Info,
        lines[start].no,
        format!(
            "skipped a contents list of {} entries (lines {}-{})",
            entries.len(),
            lines[start].no,
            lines[end - 1].no
        ),
    ));
}

fn looks_like_entry(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let tabbed_page = s
        .rsplit('\t')
        .next()
        .is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        && s.contains('\t');
    tabbed_page || (words <= 14 && !s.trim_end_matches("**").ends_with('.'))
}

fn mark_furniture<'a>(lines: &mut [Line<'a>], repeats: bool, diags: &mut Vec<Diagnostic>) {
    // Running headers and footers: short lines that recur, standing apart from the text around
    // them (a blank line or a page break on one side: a wrapped line of a sentence that
    // happens to recur sits inside its paragraph).
    let apart = |i: usize| {
        let gap = |l: Option<&Line<'_>>| {
            l.is_none_or(|l| matches!(l.kind, LineKind::Blank | LineKind::Furniture))
        };
        gap(i.checked_sub(1).and_then(|j| lines.get(j))) || gap(lines.get(i + 1))
    };
    let keys: Vec<Option<String>> = (0..lines.len())
        .map(|i| running_key(&lines[i]).filter(|_| apart(i)))
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for key in keys.iter().flatten() {
        *seen.entry(key.as_str()).or_default() += 1;
    }
    // The first copy of a recurring line is kept only in the front matter, before the text
    // proper starts (a title that the pages repeat as their header); later, every copy is
    // furniture.
    let front_end = lines
        .iter()
        .position(|l| l.kind == LineKind::Body && l.text.split_whitespace().count() >= 12)
        .unwrap_or(lines.len());
    let mut first_kept: HashSet<&str> = HashSet::new();
    // The last line before this one that is still body text (kept as we go, so that a file of
    // nothing but furniture is read in one pass, not one backward scan per line).
    let mut prev_text: Option<&'a str> = None;
    // A number alone on its line with text straight after it may be a clause's number (the
    // plan decides, and sets it aside as a page number if the numbering has no place for it).
    let label_alone: Vec<bool> = (0..lines.len())
        .map(|i| {
            let t = lines[i].text;
            !t.is_empty()
                && t.len() <= 3
                && t.bytes().all(|b| b.is_ascii_digit())
                && lines.get(i + 1).is_some_and(|n| n.kind == LineKind::Body)
                && i.checked_sub(1)
                    .and_then(|j| lines.get(j))
                    .is_none_or(|p| p.kind != LineKind::Body || crate::text::ends_sentence(p.text))
        })
        .collect();
    for (i, line) in lines.iter_mut().enumerate() {
        if line.kind != LineKind::Body || label_alone[i] {
            continue;
        }
        let reason = furniture_reason(line.text, prev_text).or_else(|| {
            let key = keys[i].as_deref().filter(|_| repeats)?;
            let recurs = seen.get(key).copied().unwrap_or(0) >= 2;
            if recurs && !(i < front_end && first_kept.insert(key)) {
                Some("a repeated running header or footer")
            } else {
                None
            }
        });
        if let Some(reason) = reason {
            line.kind = LineKind::Furniture;
            diags.push(Diagnostic::new(
                Code::PageFurniture,
                Severity::Info,
                line.no,
                format!("removed {reason}: {}", crate::quoted(line.text)),
            ));
            // A dash left alone by the wrapping still introduces the address after it.
            if reason == STRAY_PUNCTUATION {
                prev_text = Some(line.text);
            }
        } else {
            prev_text = Some(line.text);
        }
    }
    mark_headers_beside_page_numbers(lines, front_end, diags);
    mark_web_footer(lines, diags);
}

/// A web page's footer after the document: "Related pages" and its links, "Was this page
/// helpful?", "Yes", "No". The run of short lines at the end of the text, from the first of
/// them that is a page's own words.
fn mark_web_footer(lines: &mut [Line<'_>], diags: &mut Vec<Diagnostic>) {
    let short = |l: &Line<'_>| {
        l.kind != LineKind::Body
            || (l.text.split_whitespace().count() <= 8 && !l.text.ends_with(['.', ';', ',']))
    };
    let start = lines.iter().rposition(|l| !short(l)).map_or(0, |i| i + 1);
    let chrome = |t: &str| {
        let key = fold(t);
        [
            "was this page helpful",
            "related pages",
            "related links",
            "related documents",
            "share this",
            "print this",
            "back to top",
            "cookie",
            "feedback",
        ]
        .iter()
        .any(|c| key.starts_with(c))
            || key.contains("(pdf")
            || key.ends_with(" kb)")
            || key.ends_with(" mb)")
    };
    if !(start..lines.len()).any(|i| lines[i].kind == LineKind::Body && chrome(lines[i].text)) {
        return;
    }
    for l in &mut lines[start..] {
        // An approval or review line there is the document's, for its meta.
        if l.kind == LineKind::Body && crate::meta::approval(l.text).is_none() {
            l.kind = LineKind::Furniture;
            diags.push(Diagnostic::new(
                Code::PageFurniture,
                Severity::Info,
                l.no,
                format!("removed a web page's footer: {}", crate::quoted(l.text)),
            ));
        }
    }
}

/// A page's running title beside its page number (`3`, then `Protocol on Member and Officer
/// Relations`), though it recurs only once: a short line that names a protocol or a council,
/// within two lines of a page number, after the front matter.
fn mark_headers_beside_page_numbers(
    lines: &mut [Line<'_>],
    front_end: usize,
    diags: &mut Vec<Diagnostic>,
) {
    let page_number = |l: &Line<'_>| {
        l.kind == LineKind::Furniture && {
            let key = fold(&strip_marks(l.text));
            is_page_number(&key) || carries_page_number(&key)
        }
    };
    for i in front_end..lines.len() {
        if lines[i].kind != LineKind::Body {
            continue;
        }
        let near = (i.saturating_sub(2)..(i + 3).min(lines.len()))
            .filter(|&j| j != i)
            .any(|j| page_number(&lines[j]));
        let t = lines[i].text;
        let lower = t.to_lowercase();
        let titled = lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "protocol")
            && !lower.contains("this protocol");
        let gap = |l: Option<&Line<'_>>| {
            l.is_none_or(|l| matches!(l.kind, LineKind::Blank | LineKind::Furniture))
        };
        let apart = gap(i.checked_sub(1).and_then(|j| lines.get(j))) && gap(lines.get(i + 1));
        if near
            && apart
            && crate::labels::start(t).label.is_none()
            && t.split_whitespace().count() <= 10
            && !t.ends_with(['.', ';', ',', ':'])
            && (is_caps(t) || crate::text::is_title_case(t))
            && (titled || !crate::meta::councils_in(t).is_empty())
        {
            lines[i].kind = LineKind::Furniture;
            diags.push(Diagnostic::new(
                Code::PageFurniture,
                Severity::Info,
                lines[i].no,
                format!(
                    "removed a running header beside a page number: {}",
                    crate::quoted(t)
                ),
            ));
        }
    }
}

/// The folded text of a line that could be a running header or footer, or `None` when it could
/// not (list items and sentences recur legitimately).
fn running_key(l: &Line<'_>) -> Option<String> {
    if l.kind != LineKind::Body || l.text.chars().count() > 120 {
        return None;
    }
    let t = l.text;
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with('•') || t.starts_with('(') {
        return None;
    }
    let bare = t.trim_end_matches(['*', ' ']);
    if bare.ends_with(['.', ';', ',', ':']) && !is_caps(bare) {
        return None;
    }
    // A wrapped line of a sentence that happens to recur (004 says "resolved through respectful
    // mutual discussion then they may raise the matter with the" in two clauses) starts in
    // lower case or ends on a word that needs the next line; a header or footer does neither.
    let plain = strip_marks(t);
    let starts_lower = plain
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let last = plain
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    if starts_lower || CONTINUES.contains(&last.as_str()) {
        return None;
    }
    let key = fold(&plain);
    (key.split_whitespace().count() >= 2).then_some(key)
}

/// Words a line cannot end on unless the sentence goes on.
const CONTINUES: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "or", "with", "in", "for", "by", "on", "that", "which",
    "their", "its", "his", "her", "be", "is", "are", "as", "at", "from", "this", "any", "not",
];

const STRAY_PUNCTUATION: &str = "a stray punctuation line";

fn furniture_reason(text: &str, prev: Option<&str>) -> Option<&'static str> {
    // The line's characters other than spaces, read once without copying them: a rule is
    // three bytes or more of rule marks, a stray line two marks at most.
    let (mut bytes, mut chars, mut rule, mut punct) = (0, 0, true, true);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        bytes += c.len_utf8();
        chars += 1;
        rule &= matches!(c, '-' | '*' | '_' | '=' | '—' | '–');
        punct &= matches!(
            c,
            '.' | ',' | ';' | ':' | '·' | '•' | '●' | '▪' | '-' | '–' | '\u{f0b7}'
        );
        if !rule && !punct {
            break;
        }
    }
    if rule && bytes >= 3 {
        return Some("a horizontal rule");
    }
    if punct && chars <= 2 {
        return Some(STRAY_PUNCTUATION);
    }
    if (text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www."))
        && !text.contains(' ')
    {
        let introduced = prev.is_some_and(|p| p.trim_end().ends_with([':', '-', '–']));
        if !introduced {
            return Some("a stray URL line");
        }
    }
    // Every other kind of furniture is a short line: a sentence of the text is read no further
    // (this runs on every line).
    if text.len() > 160 || (text.len() > 90 && !text.bytes().any(|b| b.is_ascii_digit())) {
        return None;
    }
    let key = fold(&strip_marks(text));
    if key.contains("intentionally blank") && key.split_whitespace().count() <= 8 {
        return Some("a blank-page note");
    }
    if is_page_number(&key) {
        return Some("a page number");
    }
    if carries_page_number(&key) && !text.trim_end().ends_with(['.', ';', ',']) {
        return Some("a running header or footer with a page number");
    }
    if is_web_chrome_key(&key)
        || matches!(
            key.as_str(),
            "back to top" | "print this page" | "share this page"
        )
        || key.starts_with('©')
        || key.starts_with("copyright ©")
        || key.starts_with("share:")
    {
        return Some("a web page's navigation");
    }
    if key.starts_with("date of issue")
        || key.starts_with("issue date")
        || key.starts_with("printed on")
    {
        return Some("a running footer");
    }
    None
}

/// A short line that carries a page number at its start or end, after a separator:
/// `Anytown Parish Council - Protocol 2024   Page 3 of 9`, `Tudalen 3 | Page 3`,
/// `Part 5 – Page 41`, `Page 2 of 7 | Member/Officer Protocol`, `- 3 -`.
fn carries_page_number(key: &str) -> bool {
    // Most lines name no page at all.
    let dashes = key.len() <= 12 && key.contains('-');
    if !dashes && !key.contains("page") && !key.contains("tudalen") && !key.contains("pg") {
        return false;
    }
    let words: Vec<&str> = key
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '–' | '—'))
        .filter(|w| !w.is_empty() && *w != "-")
        .collect();
    if words.is_empty() || words.len() > 16 {
        return false;
    }
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    // `- 3 -`
    if words.len() == 1 && number(words[0]) && key.contains('-') {
        return true;
    }
    // The place of a page marker ("page 3", "tudalen 3", "page 3 of 9", "tudalen 3 o 9").
    let marker_at = |i: usize| -> Option<usize> {
        let w = words.get(i)?;
        if !matches!(*w, "page" | "tudalen" | "pg" | "p.") || !number(words.get(i + 1)?) {
            return None;
        }
        match (words.get(i + 2), words.get(i + 3)) {
            (Some(&("of" | "o")), Some(n)) if number(n) => Some(i + 4),
            _ => Some(i + 2),
        }
    };
    // Markers at the start, and what follows them (a second marker, or a title).
    let mut i = 0;
    let mut found = false;
    while let Some(end) = marker_at(i) {
        found = true;
        i = end;
    }
    if found {
        return true;
    }
    // A marker at the end: find where it starts.
    (0..words.len()).any(|i| {
        marker_at(i).is_some_and(|end| {
            end == words.len() || marker_at(end).is_some_and(|e| e == words.len())
        })
    })
}

fn is_page_number(key: &str) -> bool {
    let k = key.strip_prefix("page ").unwrap_or(key);
    let mut parts = k.split_whitespace();
    let Some(first) = parts.next() else {
        return false;
    };
    if first.is_empty() || first.len() > 3 || !first.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    match (parts.next(), parts.next(), parts.next()) {
        (None, None, None) => true,
        (Some("of" | "/"), Some(n), None) => n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<LineKind> {
        prepare(text, true, false, &mut Vec::new())
            .lines
            .iter()
            .map(|l| l.kind)
            .collect()
    }

    #[test]
    fn a_wrapped_line_that_recurs_is_not_furniture() {
        // Regression: 004 lost "resolved through respectful mutual discussion then they may
        // raise the matter with the" from clause 10.6 because clause 10.3 wraps the same way.
        let text = "1. A\n\n1.1 If a Councillor has a concern that is not\nresolved through discussion then they may raise the matter with the\nDirector.\n\n1.2 If an Officer has a concern that is not\nresolved through discussion then they may raise the matter with the\nMonitoring Officer.\n";
        let mut diags = Vec::new();
        let p = prepare(text, true, false, &mut diags);
        assert!(p.lines.iter().all(|l| l.kind != LineKind::Furniture));
    }

    #[test]
    fn furniture() {
        use LineKind::*;
        assert_eq!(
            kinds("a\n---\nPage 3 of 10\n12\nPage left intentionally blank\n"),
            [Body, Furniture, Furniture, Furniture, Furniture]
        );
        assert_eq!(
            kinds(
                "equality.\nhttps://www.example.gov.uk/x\nguidance -\nhttps://www.lga.gov.uk/x\n"
            ),
            [Body, Furniture, Body, Body]
        );
        assert_eq!(
            kinds(
                "Anytown Parish Council - Protocol 2024   Page 3 of 9\nTudalen 2 | Page 2\nPart 5 – Page 41\n- 3 -\nSee page 3 of the guidance.\n"
            ),
            [Furniture, Furniture, Furniture, Furniture, Body]
        );
        assert_eq!(
            kinds("## Annex 2.4 - Protocol\ntext.\nAnnex 2.4 – Protocol\n"),
            [Body, Body, Furniture]
        );
        assert_eq!(
            kinds("- A working partnership;\n- A working partnership;\n"),
            [Body, Body]
        );
    }

    /// Regression: 004 repeats a wrapped line of a sentence in clauses 10.3 and 10.6, and the
    /// second copy was dropped as a running header, cutting 10.6's route in half.
    #[test]
    fn a_recurring_wrapped_sentence_line_is_not_a_running_header() {
        use LineKind::*;
        let line =
            "resolved through respectful mutual discussion then they may raise the matter with the";
        let text = format!(
            "10.3 If a concern is not\n{line}\nDirector.\n\n10.6 If a concern is not\n{line}\nMonitoring Officer.\n"
        );
        let k = kinds(&text);
        assert!(k.iter().all(|k| *k == Body || *k == Blank), "{k:?}");
    }

    #[test]
    fn contents() {
        let p = prepare(
            "Title\n\nContents\n\nINTRODUCTION\t2\nCouncillors\t3\n\nINTRODUCTION\n\nText.\n",
            true,
            false,
            &mut Vec::new(),
        );
        let k: Vec<_> = p.lines.iter().map(|l| l.kind).collect();
        use LineKind::*;
        assert_eq!(
            k,
            [
                Body, Blank, Contents, Blank, Contents, Contents, Blank, Body, Blank, Body
            ]
        );
        assert!(p.contents.contains("councillors"));
        assert_eq!(
            heading_key("- 1. PURPOSE AND STATUS**"),
            "purpose and status"
        );
    }
}
