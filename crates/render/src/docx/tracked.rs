//! The redline's paragraphs ([`crate::redline_layout`]) as Word tracked changes: deleted runs in
//! `w:del` (text in `w:delText`), inserted runs in `w:ins`, a paragraph mark that only one
//! version has as `w:del` / `w:ins` in the paragraph's run properties. Revision ids come from
//! one counter: Word treats revision, bookmark and comment ids as one namespace.

use std::fmt::Write;

use concord_compare::diff::Op;

use std::collections::HashMap;

use super::xml::{Revision, del_run, text_with_notes};
use crate::redline_layout::{Kind, Para};

/// `word/document.xml` body content for the paragraphs. Footnote references in kept and
/// inserted text become real footnotes (`notes`: the new version's, by id).
pub fn body(paras: &[Para], rev: &Revision<'_>, notes: &HashMap<String, u32>) -> String {
    let mut out = String::new();
    let mut next_id = 0u32;
    let mut id = || {
        next_id += 1;
        next_id
    };
    for p in paras {
        let (style, extra) = match p.kind {
            Kind::Title => ("Title", ""),
            Kind::Heading(1) => ("Heading1", ""),
            Kind::Heading(2) => ("Heading2", ""),
            Kind::Heading(_) => ("Heading3", ""),
            Kind::Clause => ("Clause", ""),
            Kind::Continued => ("ClauseContinued", ""),
            Kind::Item => ("ListParagraph", "<w:ind w:left=\"1418\" w:hanging=\"0\"/>"),
            Kind::Plain => ("Normal", ""),
        };
        let _ = write!(out, "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{extra}");
        match p.mark {
            Op::Equal => {}
            Op::Delete => {
                let _ = write!(out, "<w:rPr><w:del{}/></w:rPr>", rev.attrs(id()));
            }
            Op::Insert => {
                let _ = write!(out, "<w:rPr><w:ins{}/></w:rPr>", rev.attrs(id()));
            }
        }
        out.push_str("</w:pPr>");
        for (op, text) in &p.runs {
            match op {
                Op::Equal => text_with_notes(&mut out, text, notes),
                Op::Delete => {
                    let _ = write!(out, "<w:del{}>", rev.attrs(id()));
                    del_run(&mut out, text, "");
                    out.push_str("</w:del>");
                }
                Op::Insert => {
                    let _ = write!(out, "<w:ins{}>", rev.attrs(id()));
                    text_with_notes(&mut out, text, notes);
                    out.push_str("</w:ins>");
                }
            }
        }
        out.push_str("</w:p>");
    }
    out
}
