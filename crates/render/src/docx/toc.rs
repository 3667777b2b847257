//! A real table of contents for Word: a `TOC` field over the level-1 headings, each heading
//! wrapped in a `_Toc` bookmark. The field's result is written already (each entry a link to
//! its heading), so the contents read right before any update; the field is marked dirty and
//! the settings ask for fields to be updated, so Word rebuilds it with page numbers when the
//! file opens, and LibreOffice adds them on Tools > Update. Page numbers are not guessed: Word
//! sets its own pages.

use super::xml::{ppr, run};

/// Bookmark ids of the contents' targets: far above any revision id the tracked changes use
/// (Word keeps revision and bookmark ids in one space).
pub const TOC_IDS: u32 = 900_000;

/// The contents, `toc` holding each entry's bookmark name and title.
pub fn contents(out: &mut String, toc: &[(String, String)]) {
    out.push_str("<w:p>");
    out.push_str(&ppr("TOCHeading", None, None));
    run(out, "Contents", "");
    out.push_str("</w:p>");
    for (k, (name, title)) in toc.iter().enumerate() {
        out.push_str("<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>");
        if k == 0 {
            out.push_str("<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-1\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
        }
        out.push_str(&format!(
            "<w:hyperlink w:anchor=\"{name}\" w:history=\"1\">"
        ));
        run(out, title, "");
        out.push_str("</w:hyperlink>");
        if k + 1 == toc.len() {
            out.push_str("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
        }
        out.push_str("</w:p>");
    }
}

/// A heading bookmark's start and end, around a heading's runs.
pub fn bookmark(id: u32, name: &str) -> (String, String) {
    (
        format!("<w:bookmarkStart w:id=\"{id}\" w:name=\"{name}\"/>"),
        format!("<w:bookmarkEnd w:id=\"{id}\"/>"),
    )
}
