//! PDF text, rebuilt from the word boxes of poppler's `pdftotext -bbox-layout` (an XHTML page
//! per PDF page, each word with its box). Running the program is the caller's business (this
//! crate does no IO); [`text_from_layout`] is a pure function of its output.
//!
//! Why boxes and not `pdftotext`'s plain text: its default mode detaches hanging clause numbers
//! from their text ("1.1 1.2 1.3" as a block before the paragraphs), and `-layout` pads
//! justified lines and interleaves anything in two columns. From the boxes we rebuild each
//! printed line (words whose boxes share a baseline, left to right, so `1.1` stays with its
//! text), then:
//!
//! - drop running headers and footers (lines in the top or bottom margin band whose text,
//!   digits aside, recurs on several pages) and page numbers (`Page 3 of 9`, `- 3 -`, `3`);
//! - mark paragraph breaks where the gap between lines is clearly wider than the line pitch,
//!   and headings where the type is clearly larger than the body text (`#` per size rank, a
//!   heading printed on two lines joined);
//! - keep indentation (as leading spaces) and table columns (a line of three or more widely
//!   spaced cells, and the lines after it with at least two: the version tables), written as
//!   pipe rows;
//! - turn small raised digits after a word into footnote references (`[^1]`), and small-print
//!   lines at the foot of a page that start with one into footnote definitions;
//! - repair words hyphenated across line ends: `Of-` / `ficer` joins as `Officer` when the
//!   joined word occurs in the document or the tail is no word of its own, and stays
//!   `decision-making` when both halves are words.
//!
//! The result is plain text that the text passes read like any other. Its `lines` are lines of
//! this rebuilt text. One column is assumed: a two-column PDF would read across the columns.

use std::collections::{HashMap, HashSet};

use concord_model::{Code, Diagnostic, Severity};

use crate::Error;
use crate::xml::{self, Node};

/// The margin bands (fractions of the page height) where running headers and footers live.
const TOP_BAND: f64 = 0.12;
const BOTTOM_BAND: f64 = 0.88;
/// A word this much smaller than the body text is a superscript or small print.
const SMALL: f64 = 0.78;
/// A gap wider than this many body-text heights between two words separates table cells.
const CELL_GAP: f64 = 1.0;
/// Type this much larger than the body text is a heading.
const HEADING: f64 = 1.12;
/// Indentation is kept in steps of this many points (one leading space per step).
const INDENT_STEP: f64 = 9.0;

/// True when the bytes are a PDF (`%PDF-` within the first kilobyte, as readers allow).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// The rebuilt text of a PDF.
#[derive(Debug, Default)]
pub struct LayoutText {
    pub text: String,
    /// The page (1-based) each line of `text` came from.
    pub pages: Vec<u32>,
    /// The lines (1-based) that start a page after the first.
    pub page_starts: HashSet<u32>,
    /// What was removed or repaired.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone)]
struct Word {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

impl Word {
    fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// One printed line: words sharing a baseline.
#[derive(Debug, Clone)]
struct Printed {
    page: u32,
    y0: f64,
    y1: f64,
    x0: f64,
    words: Vec<Word>,
}

/// Rebuilds the text of a PDF from `pdftotext -bbox-layout` output.
pub fn text_from_layout(layout: &str) -> Result<LayoutText, Error> {
    let root = xml::parse(layout).map_err(|reason| Error::PdfLayout { reason })?;
    let pages = find_pages(&root);
    if pages.is_empty() {
        return Err(Error::PdfLayout {
            reason: "the extractor's output holds no pages".into(),
        });
    }
    let mut printed: Vec<Printed> = Vec::new();
    let mut heights: Vec<f64> = Vec::new();
    let mut page_sizes = Vec::new();
    for (k, page) in pages.iter().enumerate() {
        let height: f64 = page
            .attr("height")
            .and_then(|h| h.parse().ok())
            .unwrap_or(842.0);
        page_sizes.push(height);
        let mut lines = Vec::new();
        collect_lines(page, &mut lines);
        let mut words: Vec<Vec<Word>> = lines
            .iter()
            .map(|l| words_of(l))
            .filter(|w| !w.is_empty())
            .collect();
        for w in words.iter().flatten() {
            heights.push(w.height());
        }
        words.sort_by(|a, b| a[0].y0.total_cmp(&b[0].y0));
        printed.extend(cluster(k as u32 + 1, words));
    }
    if printed.is_empty() {
        return Err(Error::PdfNoText { pages: pages.len() });
    }
    heights.sort_by(f64::total_cmp);
    let body = heights
        .get(heights.len() / 2)
        .copied()
        .unwrap_or(12.0)
        .max(1.0);

    let mut diagnostics = Vec::new();
    let removed = remove_furniture(&mut printed, &page_sizes, pages.len());
    if removed > 0 {
        diagnostics.push(Diagnostic::new(
            Code::PageFurniture,
            Severity::Info,
            1,
            format!("removed {removed} running header, footer and page-number line(s) of the PDF"),
        ));
    }
    // Page numbers and running lines only: no text a reader could use.
    if printed.is_empty() {
        return Err(Error::PdfNoText { pages: pages.len() });
    }
    let margin = printed.iter().map(|p| p.x0).fold(f64::INFINITY, f64::min);
    let pitch = line_pitch(&printed, body);
    // Where full lines end: most lines of running text reach (near) the right margin.
    let mut rights: Vec<f64> = printed.iter().map(right).collect();
    rights.sort_by(f64::total_cmp);
    let right_margin = rights
        .get((rights.len() * 9) / 10)
        .copied()
        .unwrap_or(margin);
    let full_line = margin + (right_margin - margin) * 0.8;

    // Type larger than the body text is a heading: its level is its size's rank.
    let heading_sizes = heading_sizes(&printed, body);
    let level_of = |p: &Printed| -> Option<usize> {
        let h = (tallest(p) * 2.0).round() / 2.0;
        heading_sizes
            .iter()
            .position(|s| (*s - h).abs() < 0.01)
            .map(|k| (k + 1).min(4))
    };

    // Lines of text, with the paragraph breaks, headings and footnotes marked.
    let mut out: Vec<(u32, String)> = Vec::new();
    let mut prev: Option<&Printed> = None;
    let mut prev_level: Option<usize> = None;
    let mut notes: Vec<(u32, String)> = Vec::new();
    let mut prev_note_y: Option<f64> = None;
    let mut prev_labelled = false;
    let mut row_cols: Vec<f64> = Vec::new();
    for p in &printed {
        let row = if out.last().is_some_and(|(_, l)| l.contains('\t')) {
            row_cols.as_slice()
        } else {
            &[]
        };
        let text = line_text(p, body, page_sizes[(p.page - 1) as usize], row);
        row_cols = cell_starts(p, body);
        let Some(text) = text else { continue };
        // Footnotes sit at the foot of their page, in the middle of the running text: they
        // go to the end, where a paragraph cut by the page break cannot run into them.
        if text.starts_with("[^") && text.contains("]: ") {
            notes.push((p.page, text));
            prev_note_y = Some(p.y0);
            continue;
        }
        // A footnote's further lines: small print below it on the same page.
        if let Some((page, note)) = notes.last_mut()
            && *page == p.page
            && tallest(p) < body * 0.9
            && prev_note_y.is_some_and(|y| p.y0 > y)
        {
            note.push(' ');
            note.push_str(text.trim());
            continue;
        }
        let level = level_of(p).filter(|_| !text.contains('\t') && !text.starts_with("[^"));
        let new_para = match prev {
            None => false,
            // Across a page break a paragraph goes on when the page's last line ran to the
            // right margin (a paragraph's last line stops short), and the type did not change.
            Some(q) if q.page != p.page => {
                right(q) < full_line || level.is_some() || prev_level.is_some()
            }
            Some(q) => {
                // A wider gap than the line pitch, or a change of type size (a heading, a
                // title, small print) starts a new paragraph.
                let (hp, hq) = (tallest(p), tallest(q));
                p.y0 - q.y0 > pitch * 1.25
                    || (p.y0 - q.y1) > body * 0.9
                    || hp > hq * 1.15
                    || hq > hp * 1.15
            }
        };
        // A numbered or lettered line standing out to the left of the line before it (a
        // hanging label) starts a new paragraph, however tight the spacing.
        let labelled = starts_with_label(&text);
        let outdented = prev.is_some_and(|q| q.page == p.page && p.x0 < q.x0 - 4.0) && labelled;
        // So does a label right under another label (a list of one-line items).
        let under_label = labelled
            && prev_labelled
            && prev.is_some_and(|q| q.page == p.page && (p.x0 - q.x0).abs() < 2.0);
        let new_para = new_para || outdented || under_label;
        prev_labelled = labelled;
        // A heading printed on two lines is one heading.
        if let (Some(l), Some(pl)) = (level, prev_level)
            && l == pl
            && prev.is_some_and(|q| q.page == p.page && p.y0 - q.y0 <= pitch.max(tallest(q)) * 1.6)
            && let Some((_, last)) = out.last_mut()
        {
            last.push(' ');
            last.push_str(&text);
            prev = Some(p);
            continue;
        }
        // Rows of one table stay together, however far apart they are printed.
        let rows = text.contains('\t') && out.last().is_some_and(|(_, l)| l.contains('\t'));
        if (new_para || level.is_some() || prev_level.is_some()) && !rows && !out.is_empty() {
            out.push((p.page, String::new()));
        }
        let line = match level {
            Some(l) => format!("{} {text}", "#".repeat(l)),
            None => {
                let indent = ((p.x0 - margin) / INDENT_STEP).round().clamp(0.0, 12.0) as usize;
                format!("{}{text}", " ".repeat(indent))
            }
        };
        out.push((p.page, line));
        prev = Some(p);
        prev_level = level;
    }
    for (page, note) in notes {
        out.push((page, String::new()));
        out.push((page, note));
    }
    // Table rows as pipe rows: an empty last cell survives (a tab at a line end would not).
    for (_, l) in &mut out {
        if l.contains('\t') {
            let cells: Vec<String> = l
                .trim()
                .split('\t')
                .map(|c| c.trim().replace('|', "\\|"))
                .collect();
            *l = format!("| {} |", cells.join(" | "));
        }
    }
    let repaired = dehyphenate(&mut out);
    if repaired > 0 {
        diagnostics.push(Diagnostic::new(
            Code::JoinedLines,
            Severity::Info,
            1,
            format!("rejoined {repaired} word(s) hyphenated across line ends"),
        ));
    }
    let mut text = String::new();
    let mut line_pages: Vec<u32> = Vec::new();
    let mut page_starts = HashSet::new();
    let mut last_page = None;
    for (page, l) in out {
        if !l.trim().is_empty() {
            if last_page.is_some_and(|p| p != page) {
                page_starts.insert(line_pages.len() as u32 + 1);
            }
            last_page = Some(page);
        }
        line_pages.push(page);
        text.push_str(&l);
        text.push('\n');
    }
    Ok(LayoutText {
        text,
        pages: line_pages,
        page_starts,
        diagnostics,
    })
}

/// The type sizes (rounded to half a point) of lines clearly larger than the body text,
/// largest first: the heading levels.
fn heading_sizes(printed: &[Printed], body: f64) -> Vec<f64> {
    let mut sizes: Vec<f64> = printed
        .iter()
        .map(tallest)
        .filter(|h| *h > body * HEADING)
        .map(|h| (h * 2.0).round() / 2.0)
        .collect();
    sizes.sort_by(|a, b| b.total_cmp(a));
    sizes.dedup();
    sizes
}

/// True when a line starts with a clause number, an item label or a bullet.
fn starts_with_label(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or("");
    let core = first.trim_matches(|c| matches!(c, '(' | ')' | '.'));
    first == "•"
        || (!core.is_empty()
            && core.len() <= 6
            && (core.chars().all(|c| c.is_ascii_digit() || c == '.')
                || (core.len() <= 4 && core.chars().all(|c| c.is_ascii_lowercase())))
            && first != core)
}

/// Where a line ends on the right.
fn right(p: &Printed) -> f64 {
    p.words.iter().map(|w| w.x1).fold(0.0_f64, f64::max)
}

/// The height of a line's tallest word: its type size, near enough.
fn tallest(p: &Printed) -> f64 {
    p.words.iter().map(Word::height).fold(0.0_f64, f64::max)
}

fn find_pages(root: &Node) -> Vec<&Node> {
    fn walk<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
        if n.name == "page" {
            out.push(n);
            return;
        }
        for c in n.nodes() {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    walk(root, &mut out);
    out
}

fn collect_lines<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
    for c in n.nodes() {
        if c.name == "line" {
            out.push(c);
        } else {
            collect_lines(c, out);
        }
    }
}

fn words_of(line: &Node) -> Vec<Word> {
    let num = |n: &Node, k: &str| n.attr(k).and_then(|v| v.parse::<f64>().ok());
    line.nodes()
        .filter(|w| w.name == "word")
        .filter_map(|w| {
            let text: String = w.text().chars().filter(|&c| c != '\u{ad}').collect();
            let text = text.trim().to_string();
            if text.is_empty() {
                return None;
            }
            Some(Word {
                x0: num(w, "xMin")?,
                y0: num(w, "yMin")?,
                x1: num(w, "xMax")?,
                y1: num(w, "yMax")?,
                text,
            })
        })
        .collect()
}

/// Merges the extractor's lines that share a baseline (a hanging number and its text are two
/// blocks to poppler) into printed lines, top to bottom.
fn cluster(page: u32, lines: Vec<Vec<Word>>) -> Vec<Printed> {
    let mut out: Vec<Printed> = Vec::new();
    for words in lines {
        let y0 = words.iter().map(|w| w.y0).fold(f64::INFINITY, f64::min);
        let y1 = words.iter().map(|w| w.y1).fold(f64::NEG_INFINITY, f64::max);
        let joined = out.iter_mut().rev().take(4).find(|p| {
            let overlap = p.y1.min(y1) - p.y0.max(y0);
            overlap > 0.5 * (y1 - y0).min(p.y1 - p.y0)
        });
        match joined {
            Some(p) => {
                p.words.extend(words);
                p.y0 = p.y0.min(y0);
                p.y1 = p.y1.max(y1);
            }
            None => out.push(Printed {
                page,
                y0,
                y1,
                x0: 0.0,
                words,
            }),
        }
    }
    for p in &mut out {
        p.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        p.x0 = p.words.first().map_or(0.0, |w| w.x0);
    }
    out.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    out
}

/// The distance from one line's top to the next's inside a paragraph: the most common one.
fn line_pitch(printed: &[Printed], body: f64) -> f64 {
    let mut gaps: Vec<f64> = printed
        .windows(2)
        .filter(|w| w[0].page == w[1].page)
        .map(|w| w[1].y0 - w[0].y0)
        .filter(|g| *g > 0.0)
        .collect();
    if gaps.is_empty() {
        return body * 1.2;
    }
    gaps.sort_by(f64::total_cmp);
    // The lower quartile: most gaps are inside paragraphs, the larger ones between them.
    gaps[gaps.len() / 4].max(body)
}

/// Where a line's widely spaced cells start (the first word, and each word after a wide gap).
fn cell_starts(p: &Printed, body: f64) -> Vec<f64> {
    let mut out: Vec<f64> = p.words.first().map(|w| w.x0).into_iter().collect();
    for w in p.words.windows(2) {
        if w[1].x0 - w[0].x1 > body * CELL_GAP {
            out.push(w[1].x0);
        }
    }
    out
}

/// A line's text, or `None` when nothing is left of it. `row`: the cell starts of the table
/// row just before, if any: a line whose cells start in that row's columns is a row too (one
/// wide gap is then enough: its other cells are empty).
fn line_text(p: &Printed, body: f64, page_height: f64, row: &[f64]) -> Option<String> {
    let row_cells = row.len();
    let mine = cell_starts(p, body);
    let in_table = mine.len() >= 2 && mine.iter().all(|x| row.iter().any(|c| (c - x).abs() < 3.0));
    let tall = p.words.iter().map(Word::height).fold(0.0_f64, f64::max);
    let small_line = tall < body * 0.9;
    let gaps: Vec<f64> = p.words.windows(2).map(|w| w[1].x0 - w[0].x1).collect();
    let wide = gaps.iter().filter(|g| **g > body * CELL_GAP).count();
    let cells = wide >= 2 || (in_table && wide == 1);
    let mut s = String::new();
    for (i, w) in p.words.iter().enumerate() {
        let superscript = i > 0
            && w.height() < tall * SMALL
            && w.text.len() <= 3
            && w.text.chars().all(|c| c.is_ascii_digit())
            && w.y1 < p.y1 - 0.15 * tall;
        if superscript {
            s.push_str(&format!("[^{}]", w.text));
            continue;
        }
        if i > 0 {
            s.push(if cells && gaps[i - 1] > body * CELL_GAP {
                '\t'
            } else {
                ' '
            });
        }
        s.push_str(&w.text);
    }
    // A footnote at the foot of a page: small print starting with its small number.
    if small_line
        && p.y0 > page_height * 0.6
        && let Some(first) = p.words.first()
        && first.text.len() <= 3
        && first.text.chars().all(|c| c.is_ascii_digit())
        && p.words.len() > 1
    {
        let rest: Vec<&str> = p.words[1..].iter().map(|w| w.text.as_str()).collect();
        return Some(format!("[^{}]: {}", first.text, rest.join(" ")));
    }
    let mut t = s.trim().to_string();
    if cells {
        let have = t.matches('\t').count() + 1;
        for _ in have..row_cells {
            t.push('\t');
        }
    }
    (!t.is_empty()).then_some(t)
}

/// The text of a line as a furniture key: lowercase, digits as `#`, single spaces.
fn furniture_key(p: &Printed) -> String {
    let t: String = p
        .words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect();
    t.split('#')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("#")
}

fn is_page_number(p: &Printed) -> bool {
    let t: String = p
        .words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = t.strip_prefix("page ").unwrap_or(t);
    let parts: Vec<&str> = t.split_whitespace().collect();
    let num = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [n] => num(n) || n.split_once('/').is_some_and(|(a, b)| num(a) && num(b)),
        [a, "of" | "/", b] => num(a) && num(b),
        _ => false,
    }
}

/// Drops running headers and footers and page numbers; returns how many lines went.
fn remove_furniture(printed: &mut Vec<Printed>, heights: &[f64], pages: usize) -> usize {
    let in_band = |p: &Printed| {
        let h = heights[(p.page - 1) as usize];
        p.y1 < h * TOP_BAND || p.y0 > h * BOTTOM_BAND
    };
    let mut on_pages: HashMap<String, HashSet<u32>> = HashMap::new();
    for p in printed.iter().filter(|p| in_band(p)) {
        on_pages.entry(furniture_key(p)).or_default().insert(p.page);
    }
    let threshold = if pages >= 4 { pages.div_ceil(2) } else { 2 };
    let before = printed.len();
    printed.retain(|p| {
        if !in_band(p) {
            return true;
        }
        let repeated = on_pages
            .get(&furniture_key(p))
            .is_some_and(|s| s.len() >= threshold);
        !(repeated || is_page_number(p))
    });
    before - printed.len()
}

/// Joins words hyphenated across line ends inside a paragraph; returns how many.
fn dehyphenate(lines: &mut [(u32, String)]) -> usize {
    // The document's words, leaving out the halves of words hyphenated at a line end (they
    // would vouch for themselves).
    let mut words: HashSet<String> = HashSet::new();
    let mut after_hyphen = false;
    for (_, l) in lines.iter() {
        let tokens: Vec<&str> = l.split_whitespace().collect();
        let ends_hyphen = l.ends_with('-') || l.ends_with('\u{2010}');
        for (k, w) in tokens.iter().enumerate() {
            if (k == 0 && after_hyphen) || (k + 1 == tokens.len() && ends_hyphen) {
                continue;
            }
            let core = w.trim_matches(|c: char| !c.is_alphabetic());
            if !core.is_empty() && !core.contains('-') {
                words.insert(core.to_lowercase());
            }
            for part in core.split('-') {
                if !part.is_empty() {
                    words.insert(part.to_lowercase());
                }
            }
        }
        if !l.trim().is_empty() {
            after_hyphen = ends_hyphen;
        }
    }
    let mut count = 0;
    for i in 0..lines.len().saturating_sub(1) {
        let (head_line, tail_line) = (&lines[i].1, &lines[i + 1].1);
        if tail_line.trim().is_empty() {
            continue;
        }
        let Some(stem) = head_line
            .strip_suffix('-')
            .or_else(|| head_line.strip_suffix('\u{2010}'))
        else {
            continue;
        };
        let head: String = stem
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail_start = tail_line.trim_start();
        let tail_word: String = tail_start
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if head.is_empty() || tail_word.is_empty() || !tail_word.starts_with(char::is_lowercase) {
            continue;
        }
        let joined = format!("{head}{tail_word}").to_lowercase();
        let tail_is_word = words.contains(&tail_word.to_lowercase());
        let head_is_word = words.contains(&head.to_lowercase());
        let drop_hyphen = words.contains(&joined) || !(tail_is_word && head_is_word);
        // The rest of the tail's first token moves up to the head's line.
        let token_len = tail_start
            .find(char::is_whitespace)
            .unwrap_or(tail_start.len());
        let token = tail_start[..token_len].to_string();
        let rest = tail_start[token_len..].trim_start().to_string();
        let indent: String = tail_line
            .chars()
            .take_while(|c| c.is_whitespace())
            .collect();
        let new_head = if drop_hyphen {
            format!("{stem}{token}")
        } else {
            format!("{head_line}{token}")
        };
        lines[i].1 = new_head;
        lines[i + 1].1 = if rest.is_empty() {
            String::new()
        } else {
            format!("{indent}{rest}")
        };
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lines: &[(f64, f64, &str)]) -> String {
        let mut s = String::from("<page width=\"595\" height=\"842\"><flow><block>");
        for (x, y, text) in lines {
            s.push_str(&format!(
                "<line xMin=\"{x}\" yMin=\"{y}\" xMax=\"500\" yMax=\"{}\">",
                y + 12.0
            ));
            let mut xx = *x;
            for w in text.split(' ') {
                let x1 = xx + 6.0 * w.chars().count() as f64;
                s.push_str(&format!(
                    "<word xMin=\"{xx}\" yMin=\"{y}\" xMax=\"{x1}\" yMax=\"{}\">{}</word>",
                    y + 12.0,
                    w.replace('&', "&amp;")
                ));
                xx = x1 + 3.0;
            }
            s.push_str("</line>");
        }
        s.push_str("</block></flow></page>");
        s
    }

    #[test]
    fn rebuilds_lines_drops_furniture_and_joins_hyphens() {
        let p1 = page(&[
            (200.0, 40.0, "Anytown Council Protocol"),
            (70.0, 100.0, "1.1"),
            (110.0, 100.0, "The Monitoring Of-"),
            (110.0, 114.0, "ficer advises on decision-"),
            (110.0, 128.0, "making by the council."),
            (280.0, 780.0, "Page 1 of 2"),
        ]);
        let p2 = page(&[
            (200.0, 40.0, "Anytown Council Protocol"),
            (70.0, 100.0, "1.2"),
            (
                110.0,
                100.0,
                "The Officer and the decision on the making of policy.",
            ),
            (280.0, 780.0, "Page 2 of 2"),
        ]);
        let xhtml = format!("<html><body><doc>{p1}{p2}</doc></body></html>");
        let t = text_from_layout(&xhtml).unwrap();
        let lines: Vec<&str> = t.text.lines().collect();
        assert_eq!(
            lines,
            [
                "1.1 The Monitoring Officer",
                "    advises on decision-making",
                "    by the council.",
                "",
                "1.2 The Officer and the decision on the making of policy."
            ]
        );
    }

    #[test]
    fn a_pdf_without_words_has_no_text() {
        let xhtml =
            "<html><body><doc><page width=\"595\" height=\"842\"></page></doc></body></html>";
        assert_eq!(
            text_from_layout(xhtml).unwrap_err(),
            Error::PdfNoText { pages: 1 }
        );
        assert!(matches!(
            text_from_layout("<html><body>").unwrap_err(),
            Error::PdfLayout { .. }
        ));
    }
}
