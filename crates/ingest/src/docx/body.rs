//! The body of a Word part as blocks: paragraphs (style, numbering, outline level, a tracked
//! paragraph mark, their text as pieces, and the text boxes anchored in them) and tables.
//!
//! Everything Word shows is read: runs inside hyperlinks, smart tags and custom XML; the
//! results of fields (not their instructions; a legacy drop-down form field shows its chosen
//! entry); content controls inside paragraphs and around paragraphs, table rows and cells;
//! text boxes, DrawingML (`wps:txbx`) and VML (`v:textbox`), grouped or not; ruby base text and
//! equations. Of the alternatives markup compatibility offers (`mc:Choice`, `mc:Fallback`,
//! which Word fills with the same text box twice), the first that holds text is read. Hidden
//! text (`w:vanish`), field instructions and image descriptions are not body text.

use crate::xml::{Child, Node};

use super::styles::{NumRef, num_ref};

/// Tracked-change markers in the line form: private-use characters, which Word text never
/// holds (they are removed from the text first).
pub const DEL_OPEN: char = '\u{e000}';
pub const DEL_CLOSE: char = '\u{e001}';
pub const INS_OPEN: char = '\u{e002}';
pub const INS_CLOSE: char = '\u{e003}';

/// Which version a piece of text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Both,
    Inserted,
    Deleted,
}

#[derive(Debug, Clone)]
pub enum Piece {
    Text(Kind, String),
    /// A note reference: a footnote's id, or an endnote's prefixed with [`ENDNOTE`].
    Note(String),
}

/// What an endnote's id is prefixed with, to keep it apart from the footnote of the same id.
pub const ENDNOTE: &str = "e";

#[derive(Debug, Default, Clone)]
pub struct Para {
    /// The paragraph's number in its part: the place of its `w:p` among all of them, in
    /// document order (1-based; 0 when not known).
    pub no: u32,
    pub style: Option<String>,
    pub num: Option<NumRef>,
    pub outline: Option<u32>,
    pub mark: Option<Kind>,
    pub pieces: Vec<Piece>,
    /// The text boxes anchored in the paragraph, in order, each as its blocks.
    pub boxes: Vec<Vec<Block>>,
}

#[derive(Debug, Clone)]
pub enum Block {
    Para(Para),
    /// Rows of cells, each cell its paragraphs (nested tables and text boxes flattened).
    Table(Vec<Vec<Vec<Para>>>),
}

impl Para {
    /// True when the paragraph or a box in it has any text or note.
    fn has_text(&self) -> bool {
        self.pieces.iter().any(|p| match p {
            Piece::Text(_, t) => !t.trim().is_empty(),
            Piece::Note(_) => true,
        }) || self.boxes.iter().any(|b| has_text(b))
    }
}

fn has_text(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Para(p) => p.has_text(),
        Block::Table(rows) => rows.iter().flatten().flatten().any(Para::has_text),
    })
}

/// The paragraphs of blocks in reading order: table cells row by row, each paragraph followed
/// by the text boxes anchored in it.
pub fn flatten(blocks: Vec<Block>, out: &mut Vec<Para>) {
    for b in blocks {
        match b {
            Block::Para(mut p) => {
                let boxes = std::mem::take(&mut p.boxes);
                out.push(p);
                for b in boxes {
                    flatten(b, out);
                }
            }
            Block::Table(rows) => out.extend(rows.into_iter().flatten().flatten()),
        }
    }
}

/// Reads the blocks of one part.
#[derive(Debug)]
pub struct Reader {
    /// The document-order index of every `w:p` of the part, ascending.
    paragraphs: Vec<u32>,
}

/// The state of complex fields (`w:fldChar`) across the runs of a paragraph.
#[derive(Debug, Default, Clone)]
struct Fields {
    open: Vec<Field>,
    /// How many open fields are in their instruction part (nothing shows until none is).
    in_instruction: usize,
}

#[derive(Debug, Default, Clone)]
struct Field {
    instruction: bool,
    /// A legacy drop-down form field's chosen entry, shown when its result holds no text.
    dropdown: Option<String>,
    shown: bool,
}

impl Reader {
    pub fn new(root: &Node) -> Reader {
        let mut paragraphs = Vec::new();
        let mut stack = vec![root];
        while let Some(n) = stack.pop() {
            if n.name == "p" {
                paragraphs.push(n.index);
            }
            stack.extend(n.nodes());
        }
        paragraphs.sort_unstable();
        Reader { paragraphs }
    }

    fn number(&self, p: &Node) -> u32 {
        self.paragraphs
            .binary_search(&p.index)
            .map_or(0, |i| u32::try_from(i + 1).unwrap_or(u32::MAX))
    }

    /// The blocks inside `node` (a body, a cell, a text box, a note), in order.
    pub fn blocks(&self, node: &Node, out: &mut Vec<Block>) {
        for n in node.nodes() {
            match n.name.as_str() {
                "p" => out.push(Block::Para(self.paragraph(n))),
                "tbl" => out.push(self.table(n)),
                "sdt" | "sdtContent" | "customXml" | "ins" | "del" | "moveTo" | "moveFrom"
                | "smartTag" => self.blocks(n, out),
                "AlternateContent" => {
                    let mut chosen = Vec::new();
                    for alt in alternatives(n) {
                        self.blocks(alt, &mut chosen);
                        if has_text(&chosen) {
                            break;
                        }
                        chosen.clear();
                    }
                    out.extend(chosen);
                }
                _ => {}
            }
        }
    }

    fn table(&self, tbl: &Node) -> Block {
        let mut rows = Vec::new();
        for tr in wrapped(tbl, "tr") {
            let mut cells = Vec::new();
            for tc in wrapped(tr, "tc") {
                let mut inner = Vec::new();
                self.blocks(tc, &mut inner);
                let mut paras = Vec::new();
                flatten(inner, &mut paras);
                cells.push(paras);
            }
            rows.push(cells);
        }
        Block::Table(rows)
    }

    fn paragraph(&self, p: &Node) -> Para {
        let mut para = Para {
            no: self.number(p),
            ..Para::default()
        };
        if let Some(ppr) = p.child("pPr") {
            para.style = ppr.val("pStyle").map(str::to_string);
            para.num = ppr.child("numPr").map(num_ref);
            para.outline = ppr.val("outlineLvl").and_then(|v| v.parse().ok());
            if let Some(rpr) = ppr.child("rPr") {
                if rpr.child("ins").is_some() {
                    para.mark = Some(Kind::Inserted);
                } else if rpr.child("del").is_some() {
                    para.mark = Some(Kind::Deleted);
                }
            }
        }
        let mut fields = Fields::default();
        self.runs(p, Kind::Both, &mut para, &mut fields);
        para
    }

    /// The text of a paragraph's runs, descending through the containers Word wraps them in.
    fn runs(&self, node: &Node, kind: Kind, para: &mut Para, fields: &mut Fields) {
        for n in node.nodes() {
            match n.name.as_str() {
                "r" if !hidden(n) => self.run_content(n, kind, para, fields),
                "ins" | "moveTo" => self.runs(n, Kind::Inserted, para, fields),
                "del" | "moveFrom" => self.runs(n, Kind::Deleted, para, fields),
                "hyperlink" | "smartTag" | "fldSimple" | "sdt" | "sdtContent" | "customXml"
                | "bdo" | "dir" => self.runs(n, kind, para, fields),
                "oMathPara" | "oMath" => self.math(n, kind, para, fields),
                "AlternateContent" => {
                    self.alternative(n, para, fields, |r, alt, p, f| r.runs(alt, kind, p, f));
                }
                _ => {}
            }
        }
    }

    /// An equation's runs (`m:r`), wherever its structure puts them.
    fn math(&self, node: &Node, kind: Kind, para: &mut Para, fields: &mut Fields) {
        for n in node.nodes() {
            if n.name == "r" {
                if !hidden(n) {
                    self.run_content(n, kind, para, fields);
                }
            } else {
                self.math(n, kind, para, fields);
            }
        }
    }

    /// Of the alternatives of `mc:AlternateContent`, the first whose reading holds text.
    fn alternative(
        &self,
        ac: &Node,
        para: &mut Para,
        fields: &mut Fields,
        read: impl Fn(&Reader, &Node, &mut Para, &mut Fields),
    ) {
        for alt in alternatives(ac) {
            let mut scratch = Para::default();
            let mut f = fields.clone();
            read(self, alt, &mut scratch, &mut f);
            if scratch.has_text() {
                para.pieces.append(&mut scratch.pieces);
                para.boxes.append(&mut scratch.boxes);
                *fields = f;
                return;
            }
        }
    }

    /// What one run (or an alternative inside a run) holds.
    fn run_content(&self, r: &Node, kind: Kind, para: &mut Para, fields: &mut Fields) {
        for c in &r.children {
            let Child::Node(n) = c else { continue };
            match n.name.as_str() {
                "fldChar" => fields.char(n, kind, para),
                _ if fields.in_instruction > 0 => {}
                "t" | "delText" => {
                    let t: String = n
                        .text()
                        .chars()
                        .filter(|c| !matches!(*c, DEL_OPEN | DEL_CLOSE | INS_OPEN | INS_CLOSE))
                        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                        .collect();
                    fields.push(para, kind, &t);
                }
                // A tab is whitespace here: the text reader reads tab-separated lines as tables.
                "tab" | "br" | "cr" | "ptab" => fields.push(para, kind, " "),
                "noBreakHyphen" => fields.push(para, kind, "-"),
                "footnoteReference" if kind != Kind::Deleted => {
                    if let Some(id) = n.attr("id") {
                        para.pieces.push(Piece::Note(id.to_string()));
                    }
                }
                "endnoteReference" if kind != Kind::Deleted => {
                    if let Some(id) = n.attr("id") {
                        para.pieces.push(Piece::Note(format!("{ENDNOTE}{id}")));
                    }
                }
                "drawing" | "pict" | "object" => self.boxes(n, &mut para.boxes),
                "AlternateContent" => {
                    self.alternative(n, para, fields, |rd, alt, p, f| {
                        rd.run_content(alt, kind, p, f);
                    });
                }
                "ruby" => {
                    if let Some(base) = n.child("rubyBase") {
                        self.runs(base, kind, para, fields);
                    }
                }
                _ => {}
            }
        }
    }

    /// The text boxes inside a drawing, a VML picture or an object, each as its blocks.
    fn boxes(&self, node: &Node, out: &mut Vec<Vec<Block>>) {
        for n in node.nodes() {
            match n.name.as_str() {
                "txbxContent" => {
                    let mut blocks = Vec::new();
                    self.blocks(n, &mut blocks);
                    out.push(blocks);
                }
                "AlternateContent" => {
                    for alt in alternatives(n) {
                        let mut found = Vec::new();
                        self.boxes(alt, &mut found);
                        if found.iter().any(|b| has_text(b)) {
                            out.extend(found);
                            break;
                        }
                    }
                }
                _ => self.boxes(n, out),
            }
        }
    }
}

impl Fields {
    fn char(&mut self, n: &Node, kind: Kind, para: &mut Para) {
        match n.attr("fldCharType") {
            Some("begin") => {
                let dropdown = n
                    .child("ffData")
                    .and_then(|f| f.child("ddList"))
                    .and_then(chosen_entry);
                self.open.push(Field {
                    instruction: true,
                    dropdown,
                    shown: false,
                });
                self.in_instruction += 1;
            }
            Some("separate") => {
                if let Some(f) = self.open.last_mut()
                    && f.instruction
                {
                    f.instruction = false;
                    self.in_instruction -= 1;
                }
            }
            Some("end") => {
                if let Some(f) = self.open.pop() {
                    if f.instruction {
                        self.in_instruction -= 1;
                    }
                    if !f.shown
                        && let Some(d) = f.dropdown
                    {
                        self.push(para, kind, &d);
                    }
                }
            }
            _ => {}
        }
    }

    /// Adds shown text to the paragraph (nothing shows inside a field's instruction).
    fn push(&mut self, para: &mut Para, kind: Kind, s: &str) {
        if self.in_instruction > 0 {
            return;
        }
        if let Some(f) = self.open.last_mut() {
            f.shown |= !s.trim().is_empty();
        }
        match para.pieces.last_mut() {
            Some(Piece::Text(k, t)) if *k == kind => t.push_str(s),
            _ => para.pieces.push(Piece::Text(kind, s.to_string())),
        }
    }
}

/// The entry a legacy drop-down form field shows: `w:result` (0-based), else `w:default`,
/// else the first.
fn chosen_entry(dd: &Node) -> Option<String> {
    let k: usize = dd
        .val("result")
        .or_else(|| dd.val("default"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    dd.nodes()
        .filter(|n| n.name == "listEntry")
        .nth(k)
        .and_then(|n| n.attr("val"))
        .map(str::to_string)
}

/// The alternatives of `mc:AlternateContent` in the order a reader tries them: each
/// `mc:Choice`, then `mc:Fallback`.
fn alternatives(ac: &Node) -> impl Iterator<Item = &Node> {
    ac.nodes()
        .filter(|n| n.name == "Choice")
        .chain(ac.nodes().filter(|n| n.name == "Fallback"))
}

/// The children named `name` of a table or row, including those a content control or custom
/// XML element wraps (a repeating section wraps rows; a control can wrap a cell).
fn wrapped<'a>(node: &'a Node, name: &str) -> Vec<&'a Node> {
    let mut out = Vec::new();
    let mut stack: Vec<&Node> = node.nodes().collect();
    stack.reverse();
    while let Some(n) = stack.pop() {
        if n.name == name {
            out.push(n);
        } else if matches!(n.name.as_str(), "sdt" | "sdtContent" | "customXml") {
            stack.extend(n.nodes().collect::<Vec<_>>().into_iter().rev());
        }
    }
    out
}

/// A run of hidden text (`w:vanish`; an equation's run has its own `m:rPr` beside `w:rPr`).
fn hidden(r: &Node) -> bool {
    r.nodes()
        .filter(|n| n.name == "rPr")
        .any(|p| on(p, "vanish"))
}

/// A toggle property is on: present, and not `w:val="0"`, `"false"` or `"off"`.
fn on(props: &Node, name: &str) -> bool {
    props.child(name).is_some_and(|t| {
        t.attr("val")
            .is_none_or(|v| !matches!(v, "0" | "false" | "off"))
    })
}

/// A paragraph's text in one version: `Inserted` for the text after the changes, `Deleted`
/// for the text before them.
pub fn plain(p: &Para, version: Kind) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml;

    fn read(body: &str) -> Vec<Para> {
        let root = xml::parse(&format!("<document><body>{body}</body></document>")).unwrap();
        let r = Reader::new(&root);
        let mut blocks = Vec::new();
        r.blocks(root.child("body").unwrap(), &mut blocks);
        let mut paras = Vec::new();
        flatten(blocks, &mut paras);
        paras
    }

    fn texts(body: &str) -> Vec<(u32, String)> {
        read(body)
            .iter()
            .map(|p| (p.no, plain(p, Kind::Inserted)))
            .collect()
    }

    #[test]
    fn fields_show_their_results_nested_or_not() {
        let nested = "<p><r><fldChar fldCharType=\"begin\"/></r><r><instrText>IF </instrText></r>\
            <r><fldChar fldCharType=\"begin\"/></r><r><t>hidden</t></r><r><fldChar fldCharType=\"separate\"/></r>\
            <r><t>inner result</t></r><r><fldChar fldCharType=\"end\"/></r>\
            <r><fldChar fldCharType=\"separate\"/></r><r><t>shown</t></r><r><fldChar fldCharType=\"end\"/></r></p>";
        assert_eq!(texts(nested), [(1, "shown".to_string())]);
        let dropdown = "<p><r><t>Route: </t></r><r><fldChar fldCharType=\"begin\"><ffData><ddList>\
            <result val=\"1\"/><listEntry val=\"Chief Executive\"/><listEntry val=\"Monitoring Officer\"/>\
            </ddList></ffData></fldChar></r><r><instrText> FORMDROPDOWN </instrText></r>\
            <r><fldChar fldCharType=\"end\"/></r></p>";
        assert_eq!(
            texts(dropdown),
            [(1, "Route: Monitoring Officer".to_string())]
        );
    }

    #[test]
    fn hidden_text_is_not_read_but_a_switched_off_toggle_is() {
        let body = "<p><r><rPr><vanish/></rPr><t>gone</t></r><r><rPr><vanish val=\"0\"/></rPr><t>kept</t></r></p>";
        assert_eq!(texts(body), [(1, "kept".to_string())]);
    }

    #[test]
    fn a_text_box_is_read_once_from_the_first_alternative_with_text() {
        let box_of = |t: &str| format!("<txbxContent><p><r><t>{t}</t></r></p></txbxContent>");
        let body = format!(
            "<p><r><t>Anchor</t></r><r><AlternateContent><Choice><drawing><anchor><graphic><wsp><txbx>{}</txbx></wsp></graphic></anchor></drawing></Choice>\
             <Fallback><pict><shape><textbox>{}</textbox></shape></pict></Fallback></AlternateContent></r></p><p><r><t>After</t></r></p>",
            box_of("In the box"),
            box_of("In the box")
        );
        // Paragraphs are numbered as the file orders its `w:p`s, the fallback's included.
        assert_eq!(
            texts(&body),
            [
                (1, "Anchor".to_string()),
                (2, "In the box".to_string()),
                (4, "After".to_string())
            ]
        );
        // An empty choice gives way to the fallback.
        let body = format!(
            "<p><r><AlternateContent><Choice><drawing/></Choice><Fallback><pict><shape><textbox>{}</textbox></shape></pict></Fallback></AlternateContent></r></p>",
            box_of("Only in VML")
        );
        assert_eq!(
            texts(&body),
            [(1, String::new()), (2, "Only in VML".to_string())]
        );
    }

    #[test]
    fn content_controls_around_rows_and_cells_are_read() {
        let cell = |t: &str| format!("<tc><p><r><t>{t}</t></r></p></tc>");
        let body = format!(
            "<tbl><tr>{}{}</tr><sdt><sdtContent><sdt><sdtContent><tr>{}<sdt><sdtContent>{}</sdtContent></sdt></tr></sdtContent></sdt></sdtContent></sdt></tbl>",
            cell("a"),
            cell("b"),
            cell("c"),
            cell("d")
        );
        let got: Vec<String> = texts(&body).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
    }
}
