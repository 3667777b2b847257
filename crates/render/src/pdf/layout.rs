//! Page layout for the PDF writer: blocks of text (headings, clauses with hanging numbers,
//! items, table rows) broken into lines with the embedded font's real glyph widths, and lines
//! into A4 pages, keeping a heading with what follows it.

use concord_compare::diff::Op;

use super::font::font;

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const LEFT: f32 = 62.0;
pub const RIGHT: f32 = 62.0;
pub const TOP: f32 = 64.0;
pub const BOTTOM: f32 = 72.0;
/// Line height as a multiple of the font size.
const LEADING: f32 = 1.38;

/// What a block is, for the document structure (tags) and the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A heading of this level (1 is the document title).
    Heading(u8),
    Paragraph,
}

/// A piece of text and how it changed (`Equal` outside redlines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub change: Op,
    /// A footnote number: small and raised.
    pub sup: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span::new(text, Op::Equal)
    }

    pub fn new(text: impl Into<String>, change: Op) -> Span {
        Span {
            text: text.into(),
            change,
            sup: false,
        }
    }

    /// This span's type size and how far it is raised, in a block of type size `size`.
    fn metrics(&self, size: f32) -> (f32, f32) {
        if self.sup {
            (size * SUP_SIZE, size * 0.36)
        } else {
            (size, 0.0)
        }
    }
}

/// The size of a raised footnote number, relative to its text.
const SUP_SIZE: f32 = 0.62;
/// Footnotes at the foot of a page: type size, line height, number column.
pub const NOTE_SIZE: f32 = 8.5;
const NOTE_LEADING: f32 = 11.0;
const NOTE_INDENT: f32 = 14.0;

/// A block of text to lay out.
#[derive(Debug, Clone)]
pub struct Block {
    pub role: Role,
    /// Printed at `label_x` on the first line (a clause number, an item label).
    pub label: Vec<Span>,
    pub spans: Vec<Span>,
    /// Offsets from the left margin.
    pub label_x: f32,
    pub text_x: f32,
    pub size: f32,
    pub bold: bool,
    /// Space above the block, in points.
    pub before: f32,
    /// The bookmark this block gets, with its level (1 = top).
    pub outline: Option<(u8, String)>,
    /// Extra columns on the first line (a table row): (offset, text).
    pub cells: Vec<(f32, String)>,
    /// Footnotes first cited in this block: (number, text), printed at the foot of its page.
    pub notes: Vec<(String, String)>,
    /// A table row: its cells, each wrapped in its own column (the spans are not used).
    pub row: Option<Row>,
    /// A change bar in the left margin beside the whole block (a changed clause of a redline).
    pub bar: bool,
    /// Text set flush right on the block's first line (a page number in the contents).
    pub right: Option<String>,
    /// A picture of this size (points) in place of text: the logo.
    pub image: Option<(f32, f32)>,
}

/// A row of a table: cells that wrap within their columns, ruled round. A header row is
/// repeated at the top of each page the table continues on; no row is split across pages.
#[derive(Debug, Clone)]
pub struct Row {
    /// (offset from the left margin, width, text) of each cell.
    pub cells: Vec<(f32, f32, String)>,
    pub header: bool,
    /// Which table of the document the row belongs to.
    pub table: usize,
}

/// A ruled line on a page: from (x1, y1) to (x2, y2), its width and grey level (0 black).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub from: (f32, f32),
    pub to: (f32, f32),
    pub width: f32,
    pub grey: f32,
}

/// Padding inside a table cell.
const CELL_PAD: f32 = 4.0;
/// Where a change bar stands, left of the margin.
const BAR_X: f32 = 14.0;

impl Block {
    pub fn para(spans: Vec<Span>, text_x: f32) -> Block {
        Block {
            role: Role::Paragraph,
            label: Vec::new(),
            spans,
            label_x: 0.0,
            text_x,
            size: 10.5,
            bold: false,
            before: 5.0,
            outline: None,
            cells: Vec::new(),
            notes: Vec::new(),
            row: None,
            bar: false,
            right: None,
            image: None,
        }
    }
}

/// A run of text placed on a page.
#[derive(Debug, Clone)]
pub struct Placed {
    pub x: f32,
    /// Baseline, from the bottom of the page.
    pub y: f32,
    pub size: f32,
    pub bold: bool,
    pub change: Op,
    pub text: String,
    pub width: f32,
    /// The block it belongs to (for its structure element).
    pub block: usize,
}

/// A laid-out page.
#[derive(Debug, Default)]
pub struct Page {
    pub runs: Vec<Placed>,
    /// The footnotes at its foot, laid out (block index `usize::MAX`), and the separator's
    /// height (0 without notes).
    pub notes: Vec<Placed>,
    pub rule: f32,
    /// Table rules and change bars.
    pub lines: Vec<Rule>,
    /// Where the logo stands: its lower-left corner and size.
    pub image: Option<(f32, f32, f32, f32)>,
}

/// Footnote lines of a page: (number, text lines).
type NoteLines = Vec<(String, Vec<Vec<Span>>)>;

fn notes_height(notes: &NoteLines) -> f32 {
    if notes.is_empty() {
        return 0.0;
    }
    let lines: usize = notes.iter().map(|(_, l)| l.len().max(1)).sum();
    lines as f32 * NOTE_LEADING + 12.0
}

/// A bookmark: level, title, page index and the height it points at.
#[derive(Debug, Clone)]
pub struct Mark {
    pub level: u8,
    pub title: String,
    pub page: usize,
    pub y: f32,
}

/// The width of a span in a block of type size `size`.
fn span_width(s: &Span, size: f32, bold: bool) -> f32 {
    width(&s.text, s.metrics(size).0, bold)
}

/// The width of `text` in points.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    font(bold).width(text) * size / 1000.0
}

/// Lays the blocks out on pages; returns the pages and the bookmarks.
pub fn layout(blocks: &[Block]) -> (Vec<Page>, Vec<Mark>) {
    let mut pages = vec![Page::default()];
    let mut page_notes: Vec<NoteLines> = vec![Vec::new()];
    let mut marks = Vec::new();
    let mut y = PAGE_H - TOP;
    let usable = PAGE_W - LEFT - RIGHT;
    // The header row of the table being laid out, to repeat on each page it continues on.
    let mut header: Option<usize> = None;
    for (k, b) in blocks.iter().enumerate() {
        if let Some(row) = &b.row {
            if row.header {
                header = Some(k);
            } else if header.and_then(|h| blocks[h].row.as_ref()).map(|h| h.table)
                != Some(row.table)
            {
                header = None;
            }
            let at_top = pages.last().is_some_and(|p| p.runs.is_empty());
            if !at_top {
                y -= b.before;
            }
            let bottom = BOTTOM + page_notes.last().map_or(0.0, notes_height);
            if y - row_height(b) < bottom && !at_top {
                pages.push(Page::default());
                page_notes.push(Vec::new());
                y = PAGE_H - TOP;
                if let Some(h) = header.filter(|&h| h != k) {
                    place_row(&mut pages, &mut y, &blocks[h], h);
                }
            }
            place_row(&mut pages, &mut y, b, k);
            continue;
        }
        header = None;
        if let Some((w, h)) = b.image {
            // The logo: at the top of the first page, before any text.
            y -= h;
            if let Some(p) = pages.last_mut() {
                p.image = Some((LEFT, y, w, h));
            }
            continue;
        }
        let leading = b.size * LEADING;
        let lines = break_lines(&b.spans, usable - b.text_x, b.size, b.bold);
        let mine: NoteLines = b
            .notes
            .iter()
            .map(|(n, t)| {
                let lines = break_lines(
                    &[Span::plain(t.clone())],
                    usable - NOTE_INDENT,
                    NOTE_SIZE,
                    false,
                );
                (n.clone(), lines)
            })
            .collect();
        // The page's foot must hold its notes and this block's.
        let foot = |notes: &NoteLines| {
            let mut all = notes.clone();
            all.extend(mine.iter().cloned());
            BOTTOM + notes_height(&all)
        };
        // A heading keeps its first lines and the next block's first two lines on its page.
        let needed = if b.role == Role::Paragraph {
            leading * (lines.len().min(2) as f32)
        } else {
            leading * (lines.len() as f32 + 3.0)
        };
        let at_top = pages.last().is_some_and(|p| p.runs.is_empty());
        if !at_top {
            y -= b.before;
        }
        let bottom = page_notes.last().map_or(BOTTOM, foot);
        if y - needed < bottom && !at_top {
            pages.push(Page::default());
            page_notes.push(Vec::new());
            y = PAGE_H - TOP;
        }
        if let Some(n) = page_notes.last_mut() {
            n.extend(mine.iter().cloned());
        }
        if let Some((level, title)) = &b.outline {
            marks.push(Mark {
                level: *level,
                title: title.clone(),
                page: pages.len() - 1,
                y: y + b.size,
            });
        }
        for (i, line) in lines.iter().enumerate() {
            let bottom = BOTTOM + page_notes.last().map_or(0.0, notes_height);
            if y - leading < bottom {
                pages.push(Page::default());
                page_notes.push(Vec::new());
                y = PAGE_H - TOP;
            }
            y -= leading;
            let Some(page) = pages.last_mut() else {
                continue;
            };
            if b.bar {
                page.lines.push(Rule {
                    from: (LEFT - BAR_X, y + leading * 0.8),
                    to: (LEFT - BAR_X, y - leading * 0.25),
                    width: 1.5,
                    grey: 0.0,
                });
            }
            let runs = &mut page.runs;
            if i == 0 {
                let mut x = LEFT + b.label_x;
                for s in &b.label {
                    let w = span_width(s, b.size, b.bold);
                    runs.push(placed(x, y, b, s, w, k));
                    x += w;
                }
                for (cx, text) in &b.cells {
                    let s = Span::plain(text.clone());
                    let w = width(text, b.size, b.bold);
                    runs.push(placed(LEFT + cx, y, b, &s, w, k));
                }
                if let Some(text) = &b.right {
                    let s = Span::plain(text.clone());
                    let w = width(text, b.size, b.bold);
                    runs.push(placed(PAGE_W - RIGHT - w, y, b, &s, w, k));
                }
            }
            let mut x = LEFT + b.text_x;
            let mut last = Op::Equal;
            for s in line {
                // A replacement's two halves, struck and underlined, with a hair of space
                // between them so they read as two words.
                if last == Op::Delete && s.change == Op::Insert {
                    x += b.size * 0.25;
                }
                last = s.change;
                let w = span_width(s, b.size, b.bold);
                runs.push(placed(x, y, b, s, w, k));
                x += w;
            }
        }
        if lines.is_empty() && (!b.label.is_empty() || !b.cells.is_empty()) {
            // A row or label without text of its own still takes its line.
            y -= leading;
            let mut x = LEFT + b.label_x;
            if let Some(p) = pages.last_mut() {
                for s in &b.label {
                    let w = span_width(s, b.size, b.bold);
                    p.runs.push(placed(x, y, b, s, w, k));
                    x += w;
                }
                for (cx, text) in &b.cells {
                    let s = Span::plain(text.clone());
                    let w = width(text, b.size, b.bold);
                    p.runs.push(placed(LEFT + cx, y, b, &s, w, k));
                }
            }
        }
    }
    for (page, notes) in pages.iter_mut().zip(&page_notes) {
        if notes.is_empty() {
            continue;
        }
        let h = notes_height(notes);
        page.rule = BOTTOM + h - 4.0;
        let mut ny = BOTTOM + h - 12.0;
        for (n, lines) in notes {
            let num = Span {
                sup: true,
                ..Span::plain(n.clone())
            };
            let (size, rise) = num.metrics(NOTE_SIZE + 1.5);
            page.notes.push(Placed {
                x: LEFT,
                y: ny - NOTE_SIZE + rise,
                size,
                bold: false,
                change: Op::Equal,
                text: n.clone(),
                width: width(n, size, false),
                block: usize::MAX,
            });
            for line in lines {
                ny -= NOTE_LEADING;
                let mut x = LEFT + NOTE_INDENT;
                for s in line {
                    let w = width(&s.text, NOTE_SIZE, false);
                    page.notes.push(Placed {
                        x,
                        y: ny + NOTE_LEADING - NOTE_SIZE,
                        size: NOTE_SIZE,
                        bold: false,
                        change: Op::Equal,
                        text: s.text.clone(),
                        width: w,
                        block: usize::MAX,
                    });
                    x += w;
                }
            }
        }
    }
    (pages, marks)
}

/// The lines of each cell of a row.
fn row_lines(b: &Block) -> Vec<Vec<Vec<Span>>> {
    let Some(row) = &b.row else {
        return Vec::new();
    };
    row.cells
        .iter()
        .map(|(_, w, text)| {
            break_lines(
                &[Span::plain(text.clone())],
                w - 2.0 * CELL_PAD,
                b.size,
                b.bold,
            )
        })
        .collect()
}

/// The height of a table row.
fn row_height(b: &Block) -> f32 {
    let most = row_lines(b).iter().map(Vec::len).max().unwrap_or(0).max(1);
    most as f32 * b.size * LEADING + 2.0 * CELL_PAD
}

/// Places a table row at `y`, ruled round, and moves `y` below it.
fn place_row(pages: &mut [Page], y: &mut f32, b: &Block, k: usize) {
    let Some(row) = &b.row else { return };
    let Some(page) = pages.last_mut() else { return };
    let leading = b.size * LEADING;
    let height = row_height(b);
    let top = *y;
    for ((x, _, _), lines) in row.cells.iter().zip(row_lines(b)) {
        let mut ly = top - CELL_PAD;
        for line in lines {
            ly -= leading;
            let mut lx = LEFT + x + CELL_PAD;
            for s in &line {
                let w = span_width(s, b.size, b.bold);
                page.runs.push(placed(lx, ly + leading * 0.22, b, s, w, k));
                lx += w;
            }
        }
    }
    let left = LEFT + row.cells.first().map_or(0.0, |c| c.0);
    let right = LEFT + row.cells.last().map_or(0.0, |c| c.0 + c.1);
    let bottom = top - height;
    let rule = |from, to| Rule {
        from,
        to,
        width: if row.header { 0.8 } else { 0.4 },
        grey: 0.45,
    };
    page.lines.push(rule((left, top), (right, top)));
    page.lines.push(rule((left, bottom), (right, bottom)));
    for (x, _, _) in &row.cells {
        page.lines.push(rule((LEFT + x, top), (LEFT + x, bottom)));
    }
    page.lines.push(rule((right, top), (right, bottom)));
    *y = bottom;
}

fn placed(x: f32, y: f32, b: &Block, s: &Span, width: f32, block: usize) -> Placed {
    let (size, rise) = s.metrics(b.size);
    Placed {
        x,
        y: y + rise,
        size,
        bold: b.bold,
        change: s.change,
        text: s.text.clone(),
        width,
        block,
    }
}

/// Greedy line breaking at spaces, measuring with the font's widths. A word wider than the
/// line is cut where it must be.
fn break_lines(spans: &[Span], max: f32, size: f32, bold: bool) -> Vec<Vec<Span>> {
    // Words with their trailing space, keeping each one's change.
    // Each word is a list of spans (a word and its raised footnote number stay together).
    let mut words: Vec<Vec<Span>> = Vec::new();
    let mut open = false; // the last word has no trailing space yet
    for s in spans {
        if s.sup {
            match words.last_mut() {
                Some(w) if open => w.push(s.clone()),
                _ => words.push(vec![s.clone()]),
            }
            continue;
        }
        let mut cur = String::new();
        for c in s.text.chars() {
            let c = if c == '\n' || c == '\t' { ' ' } else { c };
            cur.push(c);
            if c == ' ' {
                words.push(vec![Span::new(std::mem::take(&mut cur), s.change)]);
                open = false;
            }
        }
        if !cur.is_empty() {
            words.push(vec![Span::new(cur, s.change)]);
            open = true;
        }
    }
    let mut lines: Vec<Vec<Span>> = Vec::new();
    let mut line: Vec<Span> = Vec::new();
    let mut used = 0.0;
    for word in words {
        let ww: f32 = word
            .iter()
            .map(|s| width(s.text.trim_end(), s.metrics(size).0, bold))
            .sum();
        if used + ww > max && !line.is_empty() && used > 0.0 {
            lines.push(std::mem::take(&mut line));
            used = 0.0;
            if word.iter().all(|s| s.text.trim().is_empty()) {
                continue;
            }
        }
        if ww > max && word.len() == 1 {
            // Cut an over-long word (a URL) into pieces that fit.
            let w = &word[0];
            let mut piece = String::new();
            for c in w.text.chars() {
                if width(&piece, size, bold) + width(&c.to_string(), size, bold) > max
                    && !piece.is_empty()
                {
                    lines.push(vec![Span::new(std::mem::take(&mut piece), w.change)]);
                }
                piece.push(c);
            }
            used = width(&piece, size, bold);
            line.push(Span::new(piece, w.change));
            continue;
        }
        for w in word {
            used += width(&w.text, w.metrics(size).0, bold);
            match line.last_mut() {
                Some(last) if last.change == w.change && last.sup == w.sup && !w.sup => {
                    last.text.push_str(&w.text)
                }
                _ => line.push(w),
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    for l in &mut lines {
        if let Some(last) = l.last_mut() {
            let t = last.text.trim_end().to_string();
            last.text = t;
        }
        l.retain(|s| !s.text.is_empty());
    }
    lines.retain(|l| !l.is_empty());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_and_breaks() {
        // Helvetica's widths: "A" is 667 units; at 10 pt that is 6.67 pt.
        assert!((width("A", 10.0, false) - 6.67).abs() < 0.01);
        let spans = vec![Span::plain(
            "one two three four five six seven eight nine ten",
        )];
        let lines = break_lines(&spans, 60.0, 10.0, false);
        assert!(lines.len() > 2);
        for l in &lines {
            let text: String = l.iter().map(|s| s.text.as_str()).collect();
            assert!(width(&text, 10.0, false) <= 60.0 + 0.01, "{text:?}");
        }
        let joined: Vec<String> = lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect();
        assert_eq!(
            joined.join(" "),
            "one two three four five six seven eight nine ten"
        );
    }
}
