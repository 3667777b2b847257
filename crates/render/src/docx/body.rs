//! The body of a document: title, properties line, version table, sections as real heading
//! styles, clauses and items as real Word list paragraphs, footnotes as real footnotes.
//!
//! Automatic numbering only shows the right number when the document's numbers run in order
//! (`2.1` after the heading numbered `2`, `2.2` after `2.1`, ...), which every drafted
//! protocol's do. A damaged ingested document can skip or repeat numbers; a clause whose label
//! the list would not produce keeps its label as text instead, so the reader never sees a
//! number the document does not have.

use std::collections::HashMap;
use std::fmt::Write;

use concord_model::{Clause, ClauseId, Document, Item, Section};

use super::numbering::{self, CLAUSES, Numbering};
use super::xml::{footnotes, ppr, run, text_with_notes};

/// What the body writer produced besides the body XML.
#[derive(Debug)]
pub struct Body {
    pub xml: String,
    pub numbering: Numbering,
    pub footnotes: String,
}

struct Writer<'a> {
    out: String,
    numbering: Numbering,
    /// Footnote ids of the document mapped to the `w:id`s written (from 1).
    notes: HashMap<String, u32>,
    /// The automatic counters of the clause list: the section number, then one per clause level.
    counters: Vec<u32>,
    /// The contents' entries so far (bookmark name, title), when the body has contents.
    toc: Option<Vec<(String, String)>>,
    _doc: std::marker::PhantomData<&'a Document>,
}

/// The body of a document, with a table of contents after its front matter when it has two
/// or more sections.
pub fn body(doc: &Document) -> Body {
    write_body(doc, doc.sections.len() >= 2)
}

/// The body of a document set inside another (the pack's appendix): no contents of its own.
pub fn body_without_contents(doc: &Document) -> Body {
    write_body(doc, false)
}

fn write_body(doc: &Document, contents: bool) -> Body {
    let (notes, notes_xml) = footnotes(&doc.footnotes);
    let mut w = Writer {
        out: String::new(),
        numbering: Numbering::default(),
        notes,
        counters: vec![0],
        toc: contents.then(Vec::new),
        _doc: std::marker::PhantomData,
    };
    let title = doc
        .meta
        .title
        .as_deref()
        .unwrap_or("Protocol on member/officer relations");
    w.para("Title", None, title);
    // The council and the adoption date on lines of their own, as a council's front page
    // has them (and as the reader finds them again).
    if let Some(c) = &doc.meta.council {
        w.para("Subtitle", None, c);
    }
    if let Some(a) = &doc.meta.adopted {
        w.para("Subtitle", None, &format!("Adopted {}", a.long()));
    }
    if !doc.meta.versions.is_empty() {
        w.version_table(doc);
    }
    let contents_at = w.out.len();
    for s in &doc.sections {
        w.section(s, 1);
    }
    if let Some(toc) = w.toc.take() {
        let mut xml = String::new();
        super::toc::contents(&mut xml, &toc);
        w.out.insert_str(contents_at, &xml);
    }
    Body {
        xml: w.out,
        numbering: w.numbering,
        footnotes: notes_xml,
    }
}

impl<'a> Writer<'a> {
    /// A paragraph of plain text (footnote references resolved).
    fn para(&mut self, style: &str, num: Option<(u32, u32)>, text: &str) {
        self.out.push_str("<w:p>");
        self.out.push_str(&ppr(style, num, None));
        self.text(text);
        self.out.push_str("</w:p>");
    }

    /// Text with `[^id]` footnote references turned into real ones.
    fn text(&mut self, text: &str) {
        text_with_notes(&mut self.out, text, &self.notes);
    }

    /// The version history, dates written as the text writes them, with the next review date
    /// where a row gives one.
    fn version_table(&mut self, doc: &Document) {
        let (header, rows) = crate::dates::version_rows(doc);
        // Column widths in twentieths of a point, summing to the text width.
        let widths: &[u32] = if header.len() == 4 {
            &[1900, 1100, 4070, 2000]
        } else {
            &[2000, 1500, 5570]
        };
        self.out.push_str(concat!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>",
            "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        ));
        for w in widths {
            let _ = write!(self.out, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.out.push_str("</w:tblGrid>");
        self.row(&header, true);
        for cells in &rows {
            self.row(cells, false);
        }
        self.out.push_str("</w:tbl>");
        // Word needs a paragraph between a table and what follows it.
        self.out
            .push_str("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr></w:p>");
    }

    fn row(&mut self, cells: &[String], header: bool) {
        self.out.push_str("<w:tr>");
        if header {
            self.out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for c in cells {
            self.out.push_str(
                "<w:tc><w:p><w:pPr><w:pStyle w:val=\"Normal\"/><w:spacing w:after=\"0\"/></w:pPr>",
            );
            run(&mut self.out, c, if header { "<w:b/>" } else { "" });
            self.out.push_str("</w:p></w:tc>");
        }
        self.out.push_str("</w:tr>");
    }

    fn section(&mut self, s: &'a Section, depth: usize) {
        let style = match depth {
            1 => "Heading1",
            2 => "Heading2",
            _ => "Heading3",
        };
        let numbered = s
            .number
            .as_deref()
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| depth == 1 && Some(*n) == self.counters[0].checked_add(1));
        // A top-level heading is a target of the contents.
        let mark = match (&mut self.toc, depth) {
            (Some(toc), 1) => {
                let name = format!("_Toc{}", toc.len() + 1);
                let title = match &s.number {
                    Some(n) => format!("{n} {}", s.heading),
                    None => s.heading.clone(),
                };
                toc.push((name.clone(), title));
                Some(super::toc::bookmark(
                    super::toc::TOC_IDS + toc.len() as u32,
                    &name,
                ))
            }
            _ => None,
        };
        let (num, text) = match (numbered, &s.number) {
            (Some(n), _) => {
                self.counters = vec![n];
                (Some((CLAUSES, 0)), s.heading.clone())
            }
            (None, Some(n)) => {
                // A number the list would not produce: kept as text.
                if let Ok(k) = n.parse::<u32>() {
                    self.counters = vec![k];
                }
                (None, format!("{n}\t{}", s.heading))
            }
            (None, None) => (None, s.heading.clone()),
        };
        match mark {
            Some((start, end)) => {
                self.out.push_str("<w:p>");
                self.out.push_str(&ppr(style, num, None));
                self.out.push_str(&start);
                self.text(&text);
                self.out.push_str(&end);
                self.out.push_str("</w:p>");
            }
            None => self.para(style, num, &text),
        }
        for c in &s.clauses {
            self.clause(c);
        }
        for sub in &s.sections {
            self.section(sub, depth + 1);
        }
    }

    fn clause(&mut self, c: &'a Clause) {
        let mut paras = c.text.split("\n\n");
        let first = paras.next().unwrap_or("");
        match &c.label {
            Some(label) => match self.automatic(label) {
                Some(level) => self.para("Clause", Some((CLAUSES, level)), first),
                None => self.para("Clause", None, &format!("{label}\t{first}")),
            },
            None => self.para("Normal", None, first),
        }
        for p in paras {
            self.para("ClauseContinued", None, p);
        }
        self.items(&c.items, 0);
        for sub in &c.clauses {
            self.clause(sub);
        }
    }

    /// The list level that prints `label` next, when the automatic numbering does.
    fn automatic(&mut self, label: &str) -> Option<u32> {
        let id = ClauseId::parse(label)?;
        let parts = id.parts();
        let depth = parts.len();
        if !(2..=9).contains(&depth) {
            return None;
        }
        let mut next = self.counters.clone();
        next.resize(depth, 0);
        if next[..depth - 1] != parts[..depth - 1]
            || next[depth - 1].checked_add(1) != Some(parts[depth - 1])
        {
            return None;
        }
        // Every level above must already have been printed for `%1.%2` to be right.
        if self.counters.len() < depth - 1 {
            return None;
        }
        self.counters = parts.to_vec();
        Some(depth as u32 - 1)
    }

    /// A clause's items at item level `level`: each run of items labelled alike is one list.
    fn items(&mut self, items: &'a [Item], level: u32) {
        let roman_list = items
            .first()
            .and_then(|i| i.label.as_deref())
            .is_some_and(|l| l.trim_matches(|c: char| !c.is_alphanumeric()) == "i");
        let mut current: Option<(numbering::Shape, u32, u32)> = None; // shape, numId, next value
        for item in items {
            let shape = item
                .label
                .as_deref()
                .and_then(|l| numbering::parse_label(l, roman_list));
            match (&item.label, shape) {
                (Some(_), Some((shape, value))) => {
                    let num_id = match &current {
                        Some((s, id, next)) if *s == shape && *next == value => *id,
                        _ => self.numbering.list(&shape, level, value),
                    };
                    current = Some((shape, num_id, value.saturating_add(1)));
                    self.para("ListParagraph", Some((num_id, level)), &item.text);
                }
                (Some(label), None) => {
                    current = None;
                    self.para("ListParagraph", None, &format!("{label}\t{}", item.text));
                }
                (None, _) => {
                    current = None;
                    self.lead_in(&item.text, level);
                }
            }
            if !item.items.is_empty() {
                let sub = if item.label.is_some() {
                    level + 1
                } else {
                    level
                };
                self.items(&item.items, sub);
            }
        }
    }

    /// An unlabelled paragraph among items, indented to the level of its list.
    fn lead_in(&mut self, text: &str, level: u32) {
        let left = numbering::CLAUSE_INDENT + numbering::ITEM_INDENT * level;
        let _ = write!(
            self.out,
            "<w:p><w:pPr><w:pStyle w:val=\"ClauseContinued\"/><w:ind w:left=\"{left}\"/></w:pPr>"
        );
        self.text(text);
        self.out.push_str("</w:p>");
    }
}
