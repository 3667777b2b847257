//! Blocks written out as the line form the text reader understands: `# Title`, `## 2 Heading`,
//! `2.1 text`, `- (a) text`, pipe tables, `<sup>1</sup>` footnote references, tracked changes
//! as exact markers. Each line remembers the paragraph it came from.
//!
//! A text box is an aside: its paragraphs follow the paragraph it is anchored in, read as body
//! text whatever their style (a heading inside a call-out box does not open a section), and a
//! top-level `1.` in a box is an item, not a section number. A table of one column is a box
//! drawn with borders (a cover panel, a call-out): its paragraphs are read as paragraphs, in
//! their own roles, not as a table of one cell per row.

use std::collections::HashMap;

use super::Source;
use super::body::{
    Block, DEL_CLOSE, DEL_OPEN, INS_CLOSE, INS_OPEN, Kind, Para, Piece, flatten, plain,
};
use super::numbering::{Label, Numbering};
use super::styles::Styles;

/// What role a paragraph plays.
#[derive(Debug, PartialEq, Eq)]
enum Role {
    Title,
    Heading(u32),
    Body,
}

#[derive(Debug)]
pub struct LineWriter<'a> {
    styles: &'a Styles,
    /// Numbering as the text after the changes shows it, and as the text before them did.
    after: Numbering,
    before: Numbering,
    notes: &'a HashMap<String, String>,
    /// Note ids in order of first reference; a note's number is its place here.
    note_order: Vec<String>,
    pub out: Source,
    paragraph: u32,
    /// The list of the last clause written, and the item levels' base per list.
    clause_list: Option<(String, u32)>,
    item_base: HashMap<String, u32>,
    title_written: bool,
    /// How many text boxes the paragraph being written is inside.
    boxed: u32,
}

impl<'a> LineWriter<'a> {
    pub fn new(
        styles: &'a Styles,
        numbering: Numbering,
        notes: &'a HashMap<String, String>,
        title: Option<String>,
    ) -> LineWriter<'a> {
        LineWriter {
            styles,
            after: numbering.clone(),
            before: numbering,
            notes,
            note_order: Vec::new(),
            out: Source {
                title,
                ..Source::default()
            },
            paragraph: 0,
            clause_list: None,
            item_base: HashMap::new(),
            title_written: false,
            boxed: 0,
        }
    }

    fn line(&mut self, s: &str) {
        for l in s.split('\n') {
            self.out.text.push_str(l);
            self.out.text.push('\n');
            self.out.paragraphs.push(self.paragraph.max(1));
        }
    }

    fn blank(&mut self) {
        if !self.out.text.is_empty() && !self.out.text.ends_with("\n\n") {
            self.line("");
        }
    }

    /// Paragraph numbers only go forward: a paragraph the reader could not number (0) keeps
    /// the number of the one before.
    fn at(&mut self, no: u32) {
        self.paragraph = self.paragraph.max(no);
    }

    pub fn block(&mut self, b: &Block) {
        match b {
            Block::Para(p) => {
                self.at(p.no);
                self.para(p);
                for blocks in &p.boxes {
                    self.boxed += 1;
                    for b in blocks {
                        self.block(b);
                    }
                    self.boxed -= 1;
                }
            }
            Block::Table(rows) if rows.iter().all(|r| r.len() <= 1) => {
                // One column: a box drawn as a table.
                for p in rows.iter().flatten().flatten() {
                    self.at(p.no);
                    self.para(p);
                }
            }
            Block::Table(rows) => self.table(rows),
        }
    }

    fn table(&mut self, rows: &[Vec<Vec<Para>>]) {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        self.blank();
        for row in rows {
            let first = row.iter().flatten().map(|p| p.no).find(|&n| n > 0);
            let mut cells: Vec<String> = row
                .iter()
                .map(|cell| {
                    cell.iter()
                        .map(|p| plain(p, Kind::Inserted))
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                        .replace('|', "\\|")
                })
                .collect();
            if cells.iter().all(String::is_empty) {
                continue;
            }
            // A row of fewer cells (merged across) still reads as a row of the table.
            cells.resize(width, String::new());
            if let Some(n) = first {
                self.at(n);
            }
            self.line(&format!("| {} |", cells.join(" | ")));
            let last = row.iter().flatten().map(|p| p.no).max().unwrap_or(0);
            self.at(last);
        }
        self.blank();
    }

    fn role(&self, p: &Para) -> Role {
        if self.boxed > 0 {
            return Role::Body;
        }
        let chain = self.styles.chain(p.style.as_deref());
        if let Some(first) = chain.first() {
            let name = first.name.to_lowercase();
            if name == "title" {
                return Role::Title;
            }
            if let Some(n) = name
                .strip_prefix("heading ")
                .and_then(|n| n.trim().parse::<u32>().ok())
            {
                return Role::Heading(n.clamp(1, 9));
            }
        }
        let outline = p.outline.or_else(|| chain.iter().find_map(|s| s.outline));
        match outline {
            Some(o) if o < 9 => Role::Heading(o + 1),
            _ => Role::Body,
        }
    }

    /// The paragraph's list and level, from its own properties or its style's.
    fn list(&self, p: &Para) -> Option<(String, u32)> {
        let chain = self.styles.chain(p.style.as_deref());
        let style_num = chain.iter().find_map(|s| s.num.clone());
        let (own_id, own_lvl) = p.num.clone().unwrap_or((None, None));
        let (style_id, style_lvl) = style_num.unwrap_or((None, None));
        let id = own_id.or(style_id)?;
        Some((id, own_lvl.or(style_lvl).unwrap_or(0)))
    }

    fn para(&mut self, p: &Para) {
        let after_text = plain(p, Kind::Inserted);
        let before_text = plain(p, Kind::Deleted);
        let deleted_whole = after_text.is_empty() && !before_text.is_empty();
        let inserted_whole = before_text.is_empty() && !after_text.is_empty();
        let list = self.list(p);
        let styles = self.styles;
        let style_num = |s: &str| styles.num_of(s);
        let (mut la, mut lb): (Option<Label>, Option<Label>) = (None, None);
        if let Some((id, lvl)) = &list {
            if !deleted_whole {
                la = self.after.next(id, *lvl, &style_num);
            }
            if !inserted_whole {
                lb = self.before.next(id, *lvl, &style_num);
            }
        }
        if after_text.is_empty() && before_text.is_empty() {
            return;
        }
        let role = self.role(p);
        match role {
            // A title or heading deleted whole under tracked changes is no heading of the text
            // after the changes: its words stay, as a deleted paragraph.
            Role::Title | Role::Heading(_) if deleted_whole => self.body(p, None, None, true),
            Role::Title if !self.title_written => {
                self.title_written = true;
                self.blank();
                self.line(&format!("# {after_text}"));
                self.blank();
            }
            Role::Title | Role::Heading(_) => {
                let level = match role {
                    Role::Heading(h) => h,
                    _ => 1,
                };
                let number = la
                    .as_ref()
                    .map(|l| l.text.trim().trim_end_matches('.').to_string())
                    .filter(|n| !n.is_empty());
                let hashes = "#".repeat((level as usize + 1).min(6));
                self.blank();
                match number {
                    Some(n) => self.line(&format!("{hashes} {n} {after_text}")),
                    None => self.line(&format!("{hashes} {after_text}")),
                }
                self.blank();
                self.clause_list = None;
            }
            Role::Body => self.body(p, la, lb, deleted_whole),
        }
    }

    fn body(&mut self, p: &Para, la: Option<Label>, lb: Option<Label>, deleted_whole: bool) {
        let marked = self.marked(p);
        self.blank();
        let label = la.as_ref().or(lb.as_ref());
        let Some(label) = label.filter(|l| !l.text.trim().is_empty()) else {
            self.line(&marked);
            return;
        };
        let text = label.text.trim().to_string();
        if is_clause_label(&text) {
            let id = text.trim_end_matches('.').to_string();
            self.clause_list = Some((label.list.clone(), label.level));
            self.item_base.clear();
            if deleted_whole {
                // A clause deleted whole has no number in the text after the changes: its text
                // joins the clause before as a deleted paragraph.
                self.line(&marked);
                return;
            }
            if let Some(b) = &lb {
                let before = b.text.trim().trim_end_matches('.').to_string();
                if is_clause_label(&before) && before != id {
                    let line = self.out.paragraphs.len() as u32 + 1;
                    self.out.previous.insert(line, before);
                }
            }
            self.line(&format!("{id} {marked}"));
            return;
        }
        // An item: its depth below the clause (or the first item of its list).
        let depth = match &self.clause_list {
            Some((list, lvl)) if *list == label.list => label.level.saturating_sub(lvl + 1),
            _ => {
                let base = *self
                    .item_base
                    .entry(label.list.clone())
                    .or_insert(label.level);
                label.level.saturating_sub(base)
            }
        };
        let indent = "  ".repeat(depth as usize);
        if label.format == "bullet" {
            self.line(&format!("{indent}- {marked}"));
        } else if label.level == 0
            && self.boxed == 0
            && text
                .trim_end_matches('.')
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            // `1.` at the top of a list: a numbered heading or paragraph, as the text reader
            // decides for typed numbers.
            self.line(&format!("{text} {marked}"));
        } else if deleted_whole {
            // An item deleted whole has no label in the text after the changes.
            self.line(&format!("{indent}- {marked}"));
        } else {
            // Relabelled under tracked changes (an item inserted before it): both labels, the
            // old first, as the text reader reads `(xiv)(xv)`.
            let before = lb
                .as_ref()
                .map(|b| b.text.trim().to_string())
                .filter(|b| *b != text && is_paren_label(b) && is_paren_label(&text));
            match before {
                Some(b) => self.line(&format!("{indent}- {b}{text} {marked}")),
                None => self.line(&format!("{indent}- {text} {marked}")),
            }
        }
    }

    /// The paragraph's text with its tracked changes as markers and its note references as
    /// `<sup>n</sup>`.
    fn marked(&mut self, p: &Para) -> String {
        let mut s = String::new();
        for piece in &p.pieces {
            match piece {
                Piece::Text(Kind::Both, t) => s.push_str(t),
                Piece::Text(Kind::Inserted, t) => {
                    s.push(INS_OPEN);
                    s.push_str(t);
                    s.push(INS_CLOSE);
                }
                Piece::Text(Kind::Deleted, t) => {
                    s.push(DEL_OPEN);
                    s.push_str(t);
                    s.push(DEL_CLOSE);
                }
                Piece::Note(id) => {
                    if !self.notes.contains_key(id) {
                        continue;
                    }
                    let n = match self.note_order.iter().position(|x| x == id) {
                        Some(k) => k + 1,
                        None => {
                            self.note_order.push(id.clone());
                            self.note_order.len()
                        }
                    };
                    s.push_str(&format!("<sup>{n}</sup>"));
                }
            }
        }
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The notes, numbered in order of first reference, after the body.
    pub fn notes(&mut self) {
        let order = std::mem::take(&mut self.note_order);
        for (k, id) in order.iter().enumerate() {
            if let Some(text) = self.notes.get(id) {
                self.blank();
                self.line(&format!("<sup>{}</sup> {text}", k + 1));
            }
        }
    }
}

/// The text of each note of a notes part (`footnotes.xml`, `endnotes.xml`), by id with
/// `prefix`; separators and other special notes are not notes.
pub fn notes(
    reader: &super::body::Reader,
    root: &crate::xml::Node,
    prefix: &str,
    out: &mut HashMap<String, String>,
) {
    for f in root
        .nodes()
        .filter(|n| n.name == "footnote" || n.name == "endnote")
    {
        if f.attr("type").is_some_and(|t| t != "normal") {
            continue;
        }
        let Some(id) = f.attr("id") else { continue };
        let mut blocks = Vec::new();
        reader.blocks(f, &mut blocks);
        let mut paras = Vec::new();
        flatten(blocks, &mut paras);
        let text = paras
            .iter()
            .map(|p| plain(p, Kind::Inserted))
            .collect::<Vec<_>>()
            .join(" ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.insert(format!("{prefix}{id}"), text);
        }
    }
}

/// `(b)`, `(iv)`, `(2)`: a label in brackets.
fn is_paren_label(s: &str) -> bool {
    s.len() >= 3
        && s.starts_with('(')
        && s.ends_with(')')
        && s[1..s.len() - 1].chars().all(|c| c.is_ascii_alphanumeric())
}

/// `2.1`, `2.1.`, `10.3.2`: a clause number (two or more parts).
fn is_clause_label(s: &str) -> bool {
    let s = s.trim_end_matches('.');
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}
