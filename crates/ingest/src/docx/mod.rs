//! The Word (`.docx`) reader. It unzips the package, reads `document.xml` (paragraphs, tables,
//! tracked changes), `styles.xml` (heading styles, numbering linked through styles),
//! `numbering.xml` (the lists, whose labels [`numbering`] computes: Word files rarely hold the
//! numbers as text) and `footnotes.xml`. Headers and footers are separate parts and are never
//! read: they are page furniture.
//!
//! It does not recover structure itself. It writes the document out as the line form the text
//! reader already understands (`## 2 Heading`, `2.1 text`, `- (a) text`, pipe tables,
//! `<sup>1</sup>` footnotes), with tracked changes as exact markers ([`DEL_OPEN`]...), and the
//! same passes then find sections, clauses and items. Each line remembers the paragraph it came
//! from, so `lines` in the model are paragraph numbers of the Word file.

mod numbering;

use std::collections::HashMap;
use std::io::{Cursor, Read};

use crate::Error;
use crate::xml::{self, Child, Node};
use numbering::{Label, Numbering};

/// Tracked-change markers in the line form: private-use characters, which Word text never
/// holds (they are removed from the text first).
pub const DEL_OPEN: char = '\u{e000}';
pub const DEL_CLOSE: char = '\u{e001}';
pub const INS_OPEN: char = '\u{e002}';
pub const INS_CLOSE: char = '\u{e003}';

/// The largest part we unpack: a protocol's `document.xml` is well under a megabyte; a
/// bigger one is a ZIP bomb or not a protocol.
const MAX_PART: u64 = 64 * 1024 * 1024;

/// A Word file as lines for the text reader.
#[derive(Debug, Default)]
pub struct Source {
    pub text: String,
    /// For each line (index = line - 1) the Word paragraph it came from (1-based).
    pub paragraphs: Vec<u32>,
    /// Lines of clauses renumbered under tracked changes, with the number before.
    pub previous: HashMap<u32, String>,
    /// `dc:title` of the package properties.
    pub title: Option<String>,
}

/// True when the bytes are a ZIP archive (a Word file is one).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Reads a Word file into its line form.
pub fn read(bytes: &[u8]) -> Result<Source, Error> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Docx {
        reason: format!("the ZIP container is damaged ({e})"),
    })?;
    let document = part(&mut zip, "word/document.xml")?.ok_or_else(|| Error::Docx {
        reason: "it has no word/document.xml, so it is not a Word document".into(),
    })?;
    let parse = |name: &str, text: &str| {
        xml::parse(text).map_err(|e| Error::Docx {
            reason: format!("{name} is not well-formed XML: {e}"),
        })
    };
    let document = parse("word/document.xml", &document)?;
    let styles = match part(&mut zip, "word/styles.xml")? {
        Some(s) => Styles::read(&parse("word/styles.xml", &s)?),
        None => Styles::default(),
    };
    let numbering = match part(&mut zip, "word/numbering.xml")? {
        Some(s) => Numbering::read(&parse("word/numbering.xml", &s)?),
        None => Numbering::default(),
    };
    let notes = match part(&mut zip, "word/footnotes.xml")? {
        Some(s) => footnotes(&parse("word/footnotes.xml", &s)?),
        None => HashMap::new(),
    };
    let title = match part(&mut zip, "docProps/core.xml")? {
        Some(s) => parse("docProps/core.xml", &s)?
            .child("title")
            .map(|t| t.text().trim().to_string())
            .filter(|t| !t.is_empty()),
        None => None,
    };
    let body = document.child("body").ok_or_else(|| Error::Docx {
        reason: "word/document.xml has no body".into(),
    })?;
    let mut blocks = Vec::new();
    collect_blocks(body, &mut blocks);
    let mut w = LineWriter {
        styles: &styles,
        after: numbering.clone(),
        before: numbering,
        notes: &notes,
        note_order: Vec::new(),
        out: Source {
            title,
            ..Source::default()
        },
        paragraph: 0,
        clause_list: None,
        item_base: HashMap::new(),
        title_written: false,
    };
    for b in &blocks {
        w.block(b);
    }
    w.footnotes();
    Ok(w.out)
}

/// One part of the package as text, or `None` when the package does not have it.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, Error> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(Error::Docx {
                reason: format!("{name} cannot be read ({e})"),
            });
        }
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Docx {
            reason: format!("{name} cannot be unpacked ({e}); the file may be truncated"),
        })?;
    if bytes.len() as u64 > MAX_PART {
        return Err(Error::Docx {
            reason: format!("{name} unpacks to more than {MAX_PART} bytes"),
        });
    }
    let text = String::from_utf8(bytes).map_err(|_| Error::Docx {
        reason: format!("{name} is not UTF-8 XML"),
    })?;
    Ok(Some(text.trim_start_matches('\u{feff}').to_string()))
}

/// A paragraph style: its name, parent, numbering and outline level.
#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    num: Option<(Option<String>, Option<u32>)>,
    outline: Option<u32>,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    default: Option<String>,
}

impl Styles {
    fn read(root: &Node) -> Styles {
        let mut s = Styles::default();
        for st in root.nodes().filter(|n| n.name == "style") {
            if st.attr("type") != Some("paragraph") {
                continue;
            }
            let Some(id) = st.attr("styleId") else {
                continue;
            };
            let ppr = st.child("pPr");
            let num = ppr.and_then(|p| p.child("numPr")).map(|n| {
                (
                    n.val("numId").map(str::to_string),
                    n.val("ilvl").and_then(|v| v.parse().ok()),
                )
            });
            if st.attr("default").is_some_and(|d| d == "1" || d == "true") {
                s.default = Some(id.to_string());
            }
            s.by_id.insert(
                id.to_string(),
                Style {
                    name: st.val("name").unwrap_or(id).to_string(),
                    based_on: st.val("basedOn").map(str::to_string),
                    num,
                    outline: ppr
                        .and_then(|p| p.val("outlineLvl"))
                        .and_then(|v| v.parse().ok()),
                },
            );
        }
        s
    }

    /// The chain of a style and its parents (at most 16 deep, so a cycle ends).
    fn chain(&self, id: Option<&str>) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut cur = id.or(self.default.as_deref()).map(str::to_string);
        while let Some(c) = cur {
            let Some(st) = self.by_id.get(&c) else { break };
            out.push(st);
            if out.len() >= 16 {
                break;
            }
            cur = st.based_on.clone();
        }
        out
    }

    /// The numId a style gives its paragraphs (for `numStyleLink`).
    fn num_of(&self, id: &str) -> Option<String> {
        self.chain(Some(id))
            .iter()
            .find_map(|s| s.num.as_ref().and_then(|n| n.0.clone()))
    }
}

/// Which version a piece of text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Both,
    Inserted,
    Deleted,
}

#[derive(Debug, Clone)]
enum Piece {
    Text(Kind, String),
    Note(String),
}

#[derive(Debug, Default, Clone)]
struct Para {
    style: Option<String>,
    num: Option<(Option<String>, Option<u32>)>,
    outline: Option<u32>,
    mark: Option<Kind>,
    pieces: Vec<Piece>,
}

#[derive(Debug)]
enum Block {
    Para(Para),
    Table(Vec<Vec<Vec<Para>>>),
}

fn collect_blocks(node: &Node, out: &mut Vec<Block>) {
    for n in node.nodes() {
        match n.name.as_str() {
            "p" => out.push(Block::Para(paragraph(n))),
            "tbl" => {
                let mut rows = Vec::new();
                for tr in n.nodes().filter(|x| x.name == "tr") {
                    let mut cells = Vec::new();
                    for tc in tr.nodes().filter(|x| x.name == "tc") {
                        let mut inner = Vec::new();
                        collect_blocks(tc, &mut inner);
                        let mut paras = Vec::new();
                        flatten(inner, &mut paras);
                        cells.push(paras);
                    }
                    rows.push(cells);
                }
                out.push(Block::Table(rows));
            }
            "sdt" | "sdtContent" | "customXml" | "ins" | "del" | "moveTo" | "moveFrom"
            | "smartTag" => collect_blocks(n, out),
            _ => {}
        }
    }
}

fn flatten(blocks: Vec<Block>, out: &mut Vec<Para>) {
    for b in blocks {
        match b {
            Block::Para(p) => out.push(p),
            Block::Table(rows) => {
                for cell in rows.into_iter().flatten() {
                    out.extend(cell);
                }
            }
        }
    }
}

fn paragraph(p: &Node) -> Para {
    let mut para = Para::default();
    if let Some(ppr) = p.child("pPr") {
        para.style = ppr.val("pStyle").map(str::to_string);
        para.num = ppr.child("numPr").map(|n| {
            (
                n.val("numId").map(str::to_string),
                n.val("ilvl").and_then(|v| v.parse().ok()),
            )
        });
        para.outline = ppr.val("outlineLvl").and_then(|v| v.parse().ok());
        if let Some(rpr) = ppr.child("rPr") {
            if rpr.child("ins").is_some() {
                para.mark = Some(Kind::Inserted);
            } else if rpr.child("del").is_some() {
                para.mark = Some(Kind::Deleted);
            }
        }
    }
    let mut in_field = false;
    runs(p, Kind::Both, &mut para.pieces, &mut in_field);
    para
}

/// The text of a paragraph's runs, descending through the containers Word wraps them in.
fn runs(node: &Node, kind: Kind, out: &mut Vec<Piece>, in_field: &mut bool) {
    for n in node.nodes() {
        match n.name.as_str() {
            "r" => run(n, kind, out, in_field),
            "ins" | "moveTo" => runs(n, Kind::Inserted, out, in_field),
            "del" | "moveFrom" => runs(n, Kind::Deleted, out, in_field),
            "hyperlink" | "smartTag" | "fldSimple" | "sdt" | "sdtContent" | "customXml" | "bdo"
            | "dir" => runs(n, kind, out, in_field),
            _ => {}
        }
    }
}

fn run(r: &Node, kind: Kind, out: &mut Vec<Piece>, in_field: &mut bool) {
    if r.child("rPr").is_some_and(|p| p.child("vanish").is_some()) {
        return;
    }
    let mut push = |s: &str| match out.last_mut() {
        Some(Piece::Text(k, t)) if *k == kind => t.push_str(s),
        _ => out.push(Piece::Text(kind, s.to_string())),
    };
    for c in &r.children {
        let Child::Node(n) = c else { continue };
        match n.name.as_str() {
            "fldChar" => match n.attr("fldCharType") {
                Some("begin") => *in_field = true,
                Some("separate" | "end") => *in_field = false,
                _ => {}
            },
            _ if *in_field => {}
            "t" | "delText" => {
                let t: String = n
                    .text()
                    .chars()
                    .filter(|c| !matches!(*c, DEL_OPEN | DEL_CLOSE | INS_OPEN | INS_CLOSE))
                    .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                    .collect();
                push(&t);
            }
            // A tab is whitespace here: the text reader reads tab-separated lines as tables.
            "tab" | "br" | "cr" | "ptab" => push(" "),
            "noBreakHyphen" => push("-"),
            "footnoteReference" if kind != Kind::Deleted => {
                if let Some(id) = n.attr("id") {
                    out.push(Piece::Note(id.to_string()));
                }
                return;
            }
            _ => {}
        }
    }
}

fn footnotes(root: &Node) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for f in root.nodes().filter(|n| n.name == "footnote") {
        if f.attr("type").is_some_and(|t| t != "normal") {
            continue;
        }
        let Some(id) = f.attr("id") else { continue };
        let mut blocks = Vec::new();
        collect_blocks(f, &mut blocks);
        let mut paras = Vec::new();
        flatten(blocks, &mut paras);
        let text = paras
            .iter()
            .map(|p| plain(p, Kind::Inserted))
            .collect::<Vec<_>>()
            .join(" ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.insert(id.to_string(), text);
        }
    }
    out
}

/// A paragraph's text in one version: `Inserted` for the text after the changes, `Deleted`
/// for the text before them.
fn plain(p: &Para, version: Kind) -> String {
    let mut s = String::new();
    for piece in &p.pieces {
        if let Piece::Text(k, t) = piece
            && (*k == Kind::Both || *k == version)
        {
            s.push_str(t);
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What role a paragraph plays.
#[derive(Debug, PartialEq, Eq)]
enum Role {
    Title,
    Heading(u32),
    Body,
}

struct LineWriter<'a> {
    styles: &'a Styles,
    /// Numbering as the text after the changes shows it, and as the text before them did.
    after: Numbering,
    before: Numbering,
    notes: &'a HashMap<String, String>,
    /// Footnote ids in order of first reference; a note's number is its place here.
    note_order: Vec<String>,
    out: Source,
    paragraph: u32,
    /// The list of the last clause written, and the item levels' base per list.
    clause_list: Option<(String, u32)>,
    item_base: HashMap<String, u32>,
    title_written: bool,
}

impl LineWriter<'_> {
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

    fn block(&mut self, b: &Block) {
        match b {
            Block::Para(p) => {
                self.paragraph += 1;
                self.para(p);
            }
            Block::Table(rows) => {
                self.blank();
                for row in rows {
                    let first = self.paragraph + 1;
                    let cells: Vec<String> = row
                        .iter()
                        .map(|cell| {
                            self.paragraph += cell.len() as u32;
                            let text = cell
                                .iter()
                                .map(|p| plain(p, Kind::Inserted))
                                .filter(|t| !t.is_empty())
                                .collect::<Vec<_>>()
                                .join(" ");
                            text.replace('|', "\\|")
                        })
                        .collect();
                    if cells.iter().all(String::is_empty) {
                        continue;
                    }
                    let keep = self.paragraph;
                    self.paragraph = first;
                    self.line(&format!("| {} |", cells.join(" | ")));
                    self.paragraph = keep;
                }
                self.blank();
            }
        }
    }

    fn role(&self, p: &Para) -> Role {
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
            Role::Title if !self.title_written && !deleted_whole => {
                self.title_written = true;
                self.blank();
                self.line(&format!("# {after_text}"));
                self.blank();
            }
            Role::Title | Role::Heading(_) => {
                if deleted_whole {
                    return;
                }
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

    /// The paragraph's text with its tracked changes as markers and its footnote references as
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

    fn footnotes(&mut self) {
        let order = std::mem::take(&mut self.note_order);
        for (k, id) in order.iter().enumerate() {
            if let Some(text) = self.notes.get(id) {
                self.blank();
                self.line(&format!("<sup>{}</sup> {text}", k + 1));
            }
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
