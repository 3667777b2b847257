//! The review pack as the body of a Word document: the parts of [`crate::pack::parts`] as
//! real headings, paragraphs, bullet lists and tables (header rows repeated on each page, rows
//! never split across pages, columns as wide as their words need), a real table of contents (a
//! `TOC` field over the parts' headings, which Word and LibreOffice update, with the entries
//! already written so it reads right before any update), the redline as real tracked changes,
//! and the new text with automatic numbering. The redline's and the new text's own headings sit
//! one level below the pack's, so the pack's parts lead the contents and the new text's title
//! is never larger than the appendix heading above it.

use std::collections::HashMap;

use super::numbering::{self, Numbering};
use super::tracked;
use super::xml::{Revision, ppr, run};
use crate::pack::{Pack, Part, Table};

/// The body XML, the numbering it uses and its footnotes part.
pub fn body(p: &Pack<'_>, rev: &Revision<'_>) -> (String, Numbering, String) {
    // The appendix is written first so its lists own the first numbering ids; the pack's
    // bullet lists are added after them.
    let appendix = super::body::body_without_contents(p.new);
    let appendix_xml = demote(&appendix.xml);
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
    let parts = crate::pack::parts(p);
    // Bookmarks of the level-1 headings, for the contents' links and page numbers; ids above
    // the tracked changes' revision ids (one id space in Word).
    let mut toc: Vec<(String, String)> = Vec::new();
    for part in &parts {
        if let Part::Heading(1, t) = part {
            toc.push((format!("_Toc{}", toc.len() + 1), t.clone()));
        }
    }
    let mut next_toc = 0;
    for part in parts {
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
            Part::Contents(_) => super::toc::contents(&mut out, &toc),
            Part::Heading(1, text) => {
                if !first_heading {
                    // Each part of the pack starts on a new page, as committee papers do.
                    out.push_str("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:br w:type=\"page\"/></w:r></w:p>");
                }
                first_heading = false;
                let (name, _) = &toc[next_toc.min(toc.len().saturating_sub(1))];
                let id = super::toc::TOC_IDS + next_toc as u32;
                next_toc += 1;
                out.push_str("<w:p>");
                out.push_str(&ppr("Heading1", None, None));
                out.push_str(&format!(
                    "<w:bookmarkStart w:id=\"{id}\" w:name=\"{name}\"/>"
                ));
                run(&mut out, &text, "");
                out.push_str(&format!("<w:bookmarkEnd w:id=\"{id}\"/></w:p>"));
            }
            Part::Heading(level, text) => {
                let style = if level == 2 { "Heading2" } else { "Heading3" };
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
            Part::Table(t) => table(&mut out, &t),
            Part::Redline => {
                out.push_str(&demote(&tracked::body(
                    &crate::redline_layout::paragraphs(p.redline, p.old, p.new),
                    rev,
                    &notes,
                )));
                // A paragraph for a deleted or inserted final paragraph mark to join.
                out.push_str("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr></w:p>");
            }
            Part::Appendix => out.push_str(&appendix_xml),
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

/// Headings of a text set inside the pack, one level down: its title a heading of level 2, its
/// sections below that.
fn demote(xml: &str) -> String {
    xml.replace("w:val=\"Heading3\"", "w:val=\"Heading4\"")
        .replace("w:val=\"Heading2\"", "w:val=\"Heading3\"")
        .replace("w:val=\"Heading1\"", "w:val=\"Heading2\"")
        .replace("w:val=\"Title\"", "w:val=\"Heading2\"")
}

/// A table across the page, each column as wide as its share, the header row repeated on
/// every page and no row split across two.
fn table(out: &mut String, t: &Table) {
    let cols = t.header.len().max(1);
    // The text width of an A4 page with the package's margins, in twentieths of a point.
    const WIDTH: u32 = 9070;
    let widths: Vec<u32> = (0..cols)
        .map(|k| {
            let share = t
                .widths
                .get(k)
                .copied()
                .map_or(100 / cols as u32, u32::from);
            WIDTH * share / 100
        })
        .collect();
    out.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
    for w in &widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    row(out, &t.header, &widths, true, false);
    for r in &t.rows {
        row(out, r, &widths, false, t.row_heads);
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between a table and what follows it.
    out.push_str("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr></w:p>");
}

fn row(out: &mut String, cells: &[String], widths: &[u32], header: bool, row_head: bool) {
    out.push_str("<w:tr><w:trPr><w:cantSplit/>");
    if header {
        out.push_str("<w:tblHeader/>");
    }
    out.push_str("</w:trPr>");
    for (k, c) in cells.iter().enumerate() {
        let w = widths.get(k).copied().unwrap_or(0);
        out.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>"
        ));
        let bold = header || (row_head && k == 0);
        run(out, c, if bold { "<w:b/>" } else { "" });
        out.push_str("</w:p></w:tc>");
    }
    out.push_str("</w:tr>");
}
