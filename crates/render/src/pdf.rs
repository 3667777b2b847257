//! PDF files for drafted protocols, redlines and the review pack, written in pure Rust with the
//! light `pdf-writer` crate and an embedded subset of Liberation Sans (`font`): selectable text
//! that extracts exactly, every Latin letter (Welsh included); a tagged structure (headings and paragraphs, the footer an
//! artifact); bookmarks for the sections; the title in the document information; and no dates,
//! so the same input gives the same bytes. ARCHITECTURE.md says why not typst or printing HTML.
//!
//! - [`document`]: a protocol, with hanging clause numbers, indented items, and footnotes at
//!   the foot of the page that first cites them.
//! - [`redline`]: the same paragraphs as the DOCX redline, deletions struck through in red,
//!   insertions underlined in blue.
//!
//! A character the font has no glyph for (not a Latin letter: a Chinese character, say) prints
//! as `?`.
//!
//! ```
//! let doc = concord_model::Document::default();
//! let bytes = concord_render::pdf::document(&doc, &Default::default());
//! assert!(bytes.starts_with(b"%PDF-"));
//! ```

mod font;
mod layout;
mod write;

use concord_compare::diff::{Op, Redline};
use concord_model::{Clause, Document, Item, Section};

use crate::redline_layout::{self, Kind};
use layout::{Block, Role, Row, Span};

/// Who the file is by.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// The author in the document information; none by default.
    pub author: Option<String>,
    /// The council's logo, printed above a document's title.
    pub logo: Option<crate::Logo>,
}

const DEFAULT_TITLE: &str = "Protocol on member/officer relations";
/// Where clause text starts, right of the hanging number.
const TEXT_X: f32 = 40.0;
/// Indent per item level, and the gap from an item's label to its text.
const ITEM_STEP: f32 = 22.0;
const ITEM_LABEL: f32 = 26.0;

/// The document as a PDF: a printed contents page (each section with the page it starts on)
/// after the front matter when it has two or more sections.
pub fn document(doc: &Document, opts: &PdfOptions) -> Vec<u8> {
    let title = doc.meta.title.as_deref().unwrap_or(DEFAULT_TITLE);
    let mut blocks = document_blocks(doc);
    if doc.sections.len() >= 2 {
        // The contents go where the first section starts; each entry names its section as
        // the heading's bookmark does.
        let at = blocks
            .iter()
            .position(|b| matches!(b.outline, Some((1, _))))
            .unwrap_or(blocks.len());
        let mut contents = vec![heading(2, vec![Span::plain("Contents")], Vec::new(), None)];
        for b in blocks.iter().filter_map(|b| match &b.outline {
            Some((1, t)) => Some(t.clone()),
            _ => None,
        }) {
            let mut e = Block::para(vec![Span::plain(b)], 0.0);
            e.right = Some("0".into());
            e.before = 2.0;
            contents.push(e);
        }
        blocks.splice(at..at, contents);
    }
    if let Some(logo) = &opts.logo {
        let mut b = Block::para(Vec::new(), 0.0);
        b.image = Some(logo.printed_size());
        blocks.insert(0, b);
    }
    let (pages, marks) = with_page_numbers(&mut blocks);
    let mut footer = doc.meta.council.as_deref().unwrap_or(title).to_string();
    if let Some(due) = doc
        .meta
        .versions
        .iter()
        .rev()
        .find_map(|v| v.review.as_ref())
    {
        footer = format!(
            "{footer} \u{2013} next review due {}",
            crate::dates::written(due)
        );
    }
    write::write(
        &blocks,
        &pages,
        &marks,
        title,
        &footer,
        opts.author.as_deref(),
        opts.logo.as_ref(),
    )
}

/// Lays the blocks out, then fills each contents entry (a block with `right` set) with the
/// page its part starts on (the level-1 bookmarks, in order) and lays them out again: an
/// entry is one line either way, so nothing moves.
fn with_page_numbers(blocks: &mut [Block]) -> (Vec<layout::Page>, Vec<layout::Mark>) {
    let (pages, marks) = layout::layout(blocks);
    if !blocks.iter().any(|b| b.right.is_some()) {
        return (pages, marks);
    }
    let starts: Vec<usize> = marks
        .iter()
        .filter(|m| m.level == 1)
        .map(|m| m.page + 1)
        .collect();
    let mut k = 0;
    for b in blocks.iter_mut() {
        if b.right.is_some() {
            b.right = starts.get(k).map(ToString::to_string);
            k += 1;
        }
    }
    layout::layout(blocks)
}

/// The blocks of a document: its title, facts, version table, sections and clauses.
pub(crate) fn document_blocks(doc: &Document) -> Vec<Block> {
    let title = doc.meta.title.as_deref().unwrap_or(DEFAULT_TITLE);
    let mut blocks = vec![title_block(vec![Span::plain(title)])];
    let mut facts = Vec::new();
    if let Some(c) = &doc.meta.council {
        facts.push(c.clone());
    }
    if let Some(a) = &doc.meta.adopted {
        facts.push(format!("Adopted {}", a.long()));
    }

    for f in facts {
        let mut b = Block::para(vec![Span::plain(f)], 0.0);
        b.size = 11.0;
        // A paragraph's gap, so each fact reads as a line of its own (and reads back so).
        b.before = 8.0;
        blocks.push(b);
    }
    if !doc.meta.versions.is_empty() {
        // Date, version and note as columns; the next review date is in the running footer
        // (a column often empty would not read back in its place).
        let (header, rows) = crate::dates::version_rows(doc);
        let three = |r: &[String]| r.iter().take(3).cloned().collect::<Vec<String>>();
        let rows3: Vec<Vec<String>> = rows.iter().map(|r| three(r)).collect();
        table(
            &mut blocks,
            &three(&header),
            &rows3,
            &[22, 14, 64],
            usize::MAX,
        );
    }
    let mut notes = Notes {
        text: doc
            .footnotes
            .iter()
            .map(|f| (f.id.clone(), f.text.clone()))
            .collect(),
        cited: std::collections::HashSet::new(),
    };
    for s in &doc.sections {
        section(&mut blocks, s, 1, &mut notes);
    }
    blocks
}

/// The redline between `old` and `new` as a PDF: the title and key, the summary of changes
/// the other formats lead with, then every paragraph with a change bar beside each change.
pub fn redline(r: &Redline, old: &Document, new: &Document, opts: &PdfOptions) -> Vec<u8> {
    let mut blocks = redline_blocks(r, old, new, [&r.old.id, &r.new.id]);
    let at = blocks.len().min(2);
    let summary = summary_blocks(r);
    blocks.splice(at..at, summary);
    let (pages, marks) = layout::layout(&blocks);
    let title = new.meta.title.as_deref().unwrap_or(DEFAULT_TITLE);
    let title = format!("Redline: {title}");
    write::write(
        &blocks,
        &pages,
        &marks,
        &title,
        "Redline",
        opts.author.as_deref(),
        None,
    )
}

/// The summary of a redline: the counts, the changes of responsibility, and the material and
/// editorial changes with why each is classed so.
fn summary_blocks(r: &Redline) -> Vec<Block> {
    use concord_compare::diff::Class;
    let mut blocks = vec![heading(
        2,
        vec![Span::plain("Summary of changes")],
        Vec::new(),
        Some((1, "Summary of changes".into())),
    )];
    blocks.push(Block::para(
        vec![Span::plain(crate::redline::summary_line(r))],
        0.0,
    ));
    for c in &r.responsibilities {
        let mut b = Block::para(vec![Span::plain(c.line())], 0.0);
        b.bold = true;
        blocks.push(b);
    }
    let mut tables = 0;
    for (class, title) in [
        (Class::Material, "Material changes"),
        (Class::Editorial, "Editorial changes"),
    ] {
        let rows: Vec<Vec<String>> = r
            .clauses
            .iter()
            .filter(|c| c.class == Some(class))
            .map(|c| {
                vec![
                    crate::redline::label(c),
                    crate::redline::status_words(c),
                    c.reason
                        .as_deref()
                        .map(crate::reason::plain_reason)
                        .unwrap_or_default(),
                ]
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        blocks.push(heading(
            3,
            vec![Span::plain(format!("{title} ({})", rows.len()))],
            Vec::new(),
            None,
        ));
        let header = ["Clause", "What happened", "Why it is classed so"].map(String::from);
        table(&mut blocks, &header, &rows, &[18, 20, 62], tables);
        tables += 1;
    }
    blocks
}

/// The blocks of a redline: every paragraph with its deleted and inserted runs, and a legend.
pub(crate) fn redline_blocks(
    r: &Redline,
    old: &Document,
    new: &Document,
    names: [&str; 2],
) -> Vec<Block> {
    let paras = redline_layout::paragraphs(r, old, new);
    let mut blocks = Vec::new();
    // Footnotes cited in kept or inserted text are the new version's, printed at the page foot.
    let mut notes = Notes {
        text: new
            .footnotes
            .iter()
            .map(|f| (f.id.clone(), f.text.clone()))
            .collect(),
        cited: std::collections::HashSet::new(),
    };
    for (i, p) in paras.iter().enumerate() {
        let (label, text) = split_label(&p.runs);
        let block = match p.kind {
            Kind::Title => {
                let mut b = title_block(text);
                b.label = label;
                b
            }
            Kind::Heading(d) => {
                let level = (d as u8 + 1).min(4);
                let title: String = text
                    .iter()
                    .chain(&label)
                    .filter(|s| s.change != Op::Delete)
                    .map(|s| s.text.as_str())
                    .collect();
                let shown: String = label
                    .iter()
                    .filter(|s| s.change != Op::Delete)
                    .map(|s| s.text.clone())
                    .collect::<String>();
                let bookmark = format!("{} {}", shown.trim(), title.trim())
                    .trim()
                    .to_string();
                heading(level, text, label, Some((d as u8, bookmark)))
            }
            Kind::Clause => {
                let mut b = Block::para(text, TEXT_X);
                b.label = label;
                b
            }
            Kind::Continued => Block::para(spans(&p.runs), TEXT_X),
            Kind::Item => {
                let mut b = Block::para(spans(&p.runs), TEXT_X + ITEM_STEP);
                b.before = 2.0;
                b
            }
            Kind::Plain => Block::para(spans(&p.runs), 0.0),
        };
        let mut block = block;
        // A change bar beside every paragraph with a change, as a printed redline has.
        block.bar = p.mark != Op::Equal || p.runs.iter().any(|(op, _)| *op != Op::Equal);
        let (spans, cited) = notes.changed(std::mem::take(&mut block.spans));
        block.spans = spans;
        block.notes = cited;
        blocks.push(block);
        if i == 0 {
            let mut legend = Block::para(
                vec![Span::plain(format!(
                    "Changes from {} to {}: deleted text is struck through in red, inserted text underlined in blue; a bar in the margin marks each changed paragraph.",
                    names[0], names[1]
                ))],
                0.0,
            );
            legend.size = 9.5;
            blocks.push(legend);
        }
    }
    blocks
}

fn spans(runs: &[(Op, String)]) -> Vec<Span> {
    runs.iter()
        .map(|(op, t)| Span::new(t.clone(), *op))
        .collect()
}

/// Splits runs at the first tab: the label before it, the text after.
fn split_label(runs: &[(Op, String)]) -> (Vec<Span>, Vec<Span>) {
    let mut label = Vec::new();
    let mut text = Vec::new();
    let mut in_label = runs.iter().any(|(_, t)| t.contains('\t'));
    for (op, t) in runs {
        if in_label {
            match t.split_once('\t') {
                Some((l, rest)) => {
                    if !l.is_empty() {
                        label.push(Span::new(l, *op));
                    }
                    if !rest.is_empty() {
                        text.push(Span::new(rest, *op));
                    }
                    in_label = false;
                }
                None => label.push(Span::new(t.clone(), *op)),
            }
        } else {
            text.push(Span::new(t.clone(), *op));
        }
    }
    (label, text)
}

fn title_block(spans: Vec<Span>) -> Block {
    Block {
        role: Role::Heading(1),
        size: 18.0,
        bold: true,
        before: 0.0,
        ..Block::para(spans, 0.0)
    }
}

fn heading(level: u8, text: Vec<Span>, label: Vec<Span>, outline: Option<(u8, String)>) -> Block {
    // Each level clearly larger than the 10.5 pt body text, so a reader of the PDF (ours
    // included) can tell headings by their type.
    let size = match level {
        2 => 13.5,
        3 => 12.0,
        _ => 11.5,
    };
    let numbered = !label.is_empty();
    Block {
        role: Role::Heading(level),
        label,
        size,
        bold: true,
        before: if level == 2 { 14.0 } else { 9.0 },
        outline,
        ..Block::para(text, if numbered { TEXT_X } else { 0.0 })
    }
}

/// The document's footnotes, and which have been printed (each at the foot of the page that
/// first cites it).
struct Notes {
    text: std::collections::HashMap<String, String>,
    cited: std::collections::HashSet<String>,
}

impl Notes {
    /// `text` as spans with its `[^id]` references as raised numbers, and the notes it cites
    /// for the first time.
    fn spans(&mut self, text: &str) -> (Vec<Span>, Vec<(String, String)>) {
        let mut spans = Vec::new();
        let mut first = Vec::new();
        let mut rest = text;
        while let Some(i) = rest.find("[^") {
            let after = &rest[i + 2..];
            let Some(end) = after.find(']') else { break };
            let id = &after[..end];
            let Some(note) = self.text.get(id) else {
                spans.push(Span::plain(&rest[..i + 2]));
                rest = after;
                continue;
            };
            if i > 0 {
                spans.push(Span::plain(&rest[..i]));
            }
            spans.push(Span {
                sup: true,
                ..Span::plain(id)
            });
            if self.cited.insert(id.to_string()) {
                first.push((id.to_string(), note.clone()));
            }
            rest = &after[end + 1..];
        }
        if !rest.is_empty() {
            spans.push(Span::plain(rest));
        }
        (spans, first)
    }

    /// Redline spans with the footnote references of their kept and inserted text raised.
    fn changed(&mut self, spans: Vec<Span>) -> (Vec<Span>, Vec<(String, String)>) {
        let mut out = Vec::new();
        let mut cited = Vec::new();
        for s in spans {
            if s.change == Op::Delete || !s.text.contains("[^") {
                out.push(s);
                continue;
            }
            let (parts, first) = self.spans(&s.text);
            out.extend(parts.into_iter().map(|p| Span {
                change: s.change,
                ..p
            }));
            cited.extend(first);
        }
        (out, cited)
    }

    fn block(&mut self, text: &str, x: f32) -> Block {
        let (spans, notes) = self.spans(text);
        let mut b = Block::para(spans, x);
        b.notes = notes;
        b
    }
}

fn section(blocks: &mut Vec<Block>, s: &Section, depth: usize, notes: &mut Notes) {
    let level = (depth as u8 + 1).min(4);
    let label = s
        .number
        .as_ref()
        .map(|n| vec![Span::plain(format!("{n}."))])
        .unwrap_or_default();
    let bookmark = match &s.number {
        Some(n) => format!("{n}. {}", s.heading),
        None => s.heading.clone(),
    };
    blocks.push(heading(
        level,
        vec![Span::plain(s.heading.clone())],
        label,
        Some((depth as u8, bookmark)),
    ));
    for c in &s.clauses {
        clause(blocks, c, notes);
    }
    for sub in &s.sections {
        section(blocks, sub, depth + 1, notes);
    }
}

fn clause(blocks: &mut Vec<Block>, c: &Clause, notes: &mut Notes) {
    let mut paras = c.text.split("\n\n");
    let first = paras.next().unwrap_or("");
    let mut b = notes.block(first, TEXT_X);
    if let Some(l) = &c.label {
        b.label = vec![Span::plain(l.clone())];
    } else {
        b.text_x = 0.0;
    }
    let x = b.text_x;
    blocks.push(b);
    for p in paras {
        blocks.push(notes.block(p, x));
    }
    items(blocks, &c.items, x, notes);
    for sub in &c.clauses {
        clause(blocks, sub, notes);
    }
}

fn items(blocks: &mut Vec<Block>, list: &[Item], x: f32, notes: &mut Notes) {
    for i in list {
        let mut b = notes.block(&i.text, x + ITEM_LABEL);
        b.before = 2.0;
        match &i.label {
            Some(l) => {
                b.label = vec![Span::plain(l.clone())];
                b.label_x = x;
            }
            None => b.text_x = x,
        }
        let sub = if i.label.is_some() { x + ITEM_STEP } else { x };
        blocks.push(b);
        items(blocks, &i.items, sub, notes);
    }
}

/// The standards committee review pack as a PDF: the parts of the HTML pack in the same order
/// and words, a printed contents page with the page each part starts on, tables that wrap
/// within their columns (header rows repeated, rows kept whole), the redline with its deletions
/// struck through, insertions underlined and change bars, and the new text as the appendix;
/// every part a bookmark.
pub fn pack(p: &crate::Pack<'_>, opts: &PdfOptions) -> Vec<u8> {
    let mut blocks = pack_blocks(p);
    let (pages, marks) = with_page_numbers(&mut blocks);
    let footer = p.council.as_deref().unwrap_or(&p.title);
    write::write(
        &blocks,
        &pages,
        &marks,
        &p.title,
        footer,
        opts.author.as_deref(),
        None,
    )
}

fn pack_blocks(p: &crate::Pack<'_>) -> Vec<Block> {
    use crate::pack::Part;
    let mut blocks: Vec<Block> = Vec::new();
    // Blocks of a redline or document set inside the pack sit one level down.
    let nested = |mut b: Block| {
        if let Role::Heading(l) = b.role {
            b.role = Role::Heading((l + 1).min(4));
        }
        b.outline = b.outline.map(|(l, t)| (l + 1, t));
        b
    };
    let mut tables = 0;
    for part in crate::pack::parts(p) {
        match part {
            Part::Title(t) => blocks.push(title_block(vec![Span::plain(t)])),
            Part::Facts(facts) => {
                for (k, v) in facts {
                    let mut b = Block::para(vec![Span::plain(format!("{k}: {v}"))], 0.0);
                    b.size = 11.0;
                    b.before = 4.0;
                    blocks.push(b);
                }
            }
            Part::Contents(entries) => {
                blocks.push(heading(2, vec![Span::plain("Contents")], Vec::new(), None));
                for (_, title) in entries {
                    let mut b = Block::para(vec![Span::plain(title)], 0.0);
                    b.right = Some("0".into());
                    b.before = 3.0;
                    blocks.push(b);
                }
            }
            Part::Heading(level, text) => {
                let shown = level + 1;
                blocks.push(heading(
                    shown,
                    vec![Span::plain(text.clone())],
                    Vec::new(),
                    Some((level, text)),
                ));
            }
            Part::Para(text) => blocks.push(Block::para(vec![Span::plain(text)], 0.0)),
            Part::Lead(text) => {
                let mut b = Block::para(vec![Span::plain(text)], 0.0);
                b.bold = true;
                b.size = 11.5;
                blocks.push(b);
            }
            Part::Bullets(items) => {
                for item in items {
                    let mut b = Block::para(vec![Span::plain(item)], 16.0);
                    b.label = vec![Span::plain("•")];
                    b.label_x = 4.0;
                    b.before = 3.0;
                    blocks.push(b);
                }
            }
            Part::Table(t) => {
                table(&mut blocks, &t.header, &t.rows, &t.widths, tables);
                tables += 1;
            }
            Part::Redline => {
                let old = p.old;
                blocks.extend(
                    redline_blocks(
                        p.redline,
                        old,
                        p.new,
                        [&p.versions[0].to_lowercase(), &p.versions[1].to_lowercase()],
                    )
                    .into_iter()
                    .skip(1)
                    .map(nested),
                );
            }
            Part::Appendix => {
                let mut text = document_blocks(p.new).into_iter().map(nested);
                if let Some(mut title) = text.next() {
                    // The new text's title sits under the appendix heading, never larger.
                    title.size = 12.0;
                    blocks.push(title);
                }
                blocks.extend(text);
            }
        }
    }
    blocks
}

/// A table as ruled rows whose cells wrap within their columns (`widths` in percent of the
/// text width): the header row bold and repeated on each page the table continues on.
fn table(
    blocks: &mut Vec<Block>,
    header: &[String],
    rows: &[Vec<String>],
    widths: &[u16],
    id: usize,
) {
    let usable = layout::PAGE_W - layout::LEFT - layout::RIGHT;
    let cols = header.len().max(1);
    let mut x = 0.0;
    let columns: Vec<(f32, f32)> = (0..cols)
        .map(|k| {
            let share = widths
                .get(k)
                .copied()
                .map_or(100.0 / cols as f32, f32::from);
            let w = usable * share / 100.0;
            let c = (x, w);
            x += w;
            c
        })
        .collect();
    for (i, row) in std::iter::once(header)
        .chain(rows.iter().map(Vec::as_slice))
        .enumerate()
    {
        let mut b = Block::para(Vec::new(), 0.0);
        b.row = Some(Row {
            cells: columns
                .iter()
                .enumerate()
                .map(|(k, &(x, w))| (x, w, row.get(k).cloned().unwrap_or_default()))
                .collect(),
            header: i == 0,
            table: id,
        });
        b.bold = i == 0;
        b.before = if i == 0 { 4.0 } else { 0.0 };
        b.size = 9.0;
        blocks.push(b);
    }
}
