//! The review pack as the body of a Word document: the parts of [`crate::pack::parts`] as
//! real headings, paragraphs, bullet lists and tables (header rows repeated on each page), the
//! redline as real tracked changes, and the new text with automatic numbering.

use std::collections::HashMap;

use super::numbering::{self, Numbering};
use super::tracked;
use super::xml::{Revision, ppr, run};
use crate::pack::Pack;
use crate::pack::Part;

/// The body XML, the numbering it uses and its footnotes part.
pub fn body(p: &Pack<'_>, rev: &Revision<'_>) -> (String, Numbering, String) {
    // The appendix is written first so its lists own the first numbering ids; the pack's
    // bullet lists are added after them.
    let appendix = super::body::body(p.new);
    let mut numbering = appendix.numbering;
    let notes: HashMap<String, u32> = p
        .new
        .footnotes
        .iter()
        .enumerate()
        .map(|(k, f)| (f.id.clone(), k as u32 + 1))
        .collect();
    let mut out = String::new();
    let mut first_heading = true;
    for part in crate::pack::parts(p) {
        match part {
            Part::Title(t) => para(&mut out, "Title", None, &t, ""),
            Part::Facts(facts) => {
                for (k, v) in facts {
                    out.push_str("<w:p>");
                    out.push_str(&ppr("Subtitle", None, None));
                    run(&mut out, &format!("{k}: "), "<w:b/>");
                    run(&mut out, &v, "");
                    out.push_str("</w:p>");
                }
            }
            Part::Heading(level, text) => {
                if level == 1 && !first_heading {
                    // Each part of the pack starts on a new page, as committee papers do.
                    out.push_str("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:br w:type=\"page\"/></w:r></w:p>");
                }
                if level == 1 {
                    first_heading = false;
                }
                let style = if level == 1 { "Heading1" } else { "Heading2" };
                para(&mut out, style, None, &text, "");
            }
            Part::Para(text) => para(&mut out, "Normal", None, &text, ""),
            Part::Lead(text) => para(&mut out, "Normal", None, &text, "<w:b/>"),
            Part::Bullets(items) => {
                let shape = numbering::parse_label("•", false).map(|(s, _)| s);
                let num = shape.map(|s| numbering.list(&s, 0, 1));
                for item in items {
                    match num {
                        Some(n) => para(&mut out, "ListParagraph", Some((n, 0)), &item, ""),
                        None => para(&mut out, "ListParagraph", None, &format!("• {item}"), ""),
                    }
                }
            }
            Part::Table { header, rows } => table(&mut out, &header, &rows),
            Part::Redline => {
                out.push_str(&tracked::body(
                    &crate::redline_layout::paragraphs(p.redline, p.old, p.new),
                    rev,
                    &notes,
                ));
                // A paragraph for a deleted or inserted final paragraph mark to join.
                out.push_str("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr></w:p>");
            }
            Part::Appendix => out.push_str(&appendix.xml),
        }
    }
    (out, numbering, appendix.footnotes)
}

fn para(out: &mut String, style: &str, num: Option<(u32, u32)>, text: &str, rpr: &str) {
    out.push_str("<w:p>");
    out.push_str(&ppr(style, num, None));
    run(out, text, rpr);
    out.push_str("</w:p>");
}

/// A table across the page, its columns sharing the width, its header row repeated.
fn table(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let cols = header.len().max(1);
    // The text width of an A4 page with the package's margins, in twentieths of a point.
    let width = 9070 / cols;
    out.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
    for _ in 0..cols {
        out.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    row(out, header, true);
    for r in rows {
        row(out, r, false);
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between a table and what follows it.
    out.push_str("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr></w:p>");
}

fn row(out: &mut String, cells: &[String], header: bool) {
    out.push_str("<w:tr>");
    if header {
        out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
    }
    for c in cells {
        out.push_str(
            "<w:tc><w:p><w:pPr><w:pStyle w:val=\"Normal\"/><w:spacing w:after=\"0\"/></w:pPr>",
        );
        run(out, c, if header { "<w:b/>" } else { "" });
        out.push_str("</w:p></w:tc>");
    }
    out.push_str("</w:tr>");
}
