//! Word documents (`.docx`), written as Office Open XML by hand over the `zip` crate.
//!
//! - [`document`]: a protocol with real heading styles, real multilevel list numbering
//!   (`numbering.xml`; numbers are never typed into the text), items as list levels, real
//!   footnotes, the version table, a real table of contents and the document properties.
//! - [`redline`]: a redline as real tracked changes (`w:ins` / `w:del`) that Word and
//!   LibreOffice accept or reject: accepting all gives the new text, rejecting all the old.
//!
//! Output is deterministic: parts in a fixed order, ZIP entries dated 1980-01-01, and no dates
//! at all unless [`DocxOptions::date`] gives one. Every string from the document is escaped.
//!
//! ```
//! use concord_model::{Clause, Document, Section};
//! let doc = Document {
//!     sections: vec![Section {
//!         number: Some("1".into()),
//!         heading: "Introduction".into(),
//!         clauses: vec![Clause::new("1.1", Some("1.1".into()), "Officers serve the council.".into(), [1, 1])],
//!         ..Section::default()
//!     }],
//!     ..Document::default()
//! };
//! let bytes = concord_render::docx::document(&doc, &Default::default());
//! assert_eq!(&bytes[..2], b"PK");
//! ```

mod body;
mod numbering;
mod pack;
mod parts;
mod toc;
mod tracked;
mod xml;

use concord_compare::diff::Redline;
use concord_model::Document;

/// Who the changes and the file are by, and when.
#[derive(Debug, Clone)]
pub struct DocxOptions {
    /// The author of tracked changes and of the file.
    pub author: String,
    /// An ISO date (`2026-05-05`) or date-time (`2026-05-05T10:00:00Z`) for the tracked
    /// changes and the file's properties. `None` writes no date at all: never the clock.
    pub date: Option<String>,
    /// The council's logo, printed above a document's title.
    pub logo: Option<crate::Logo>,
}

impl Default for DocxOptions {
    fn default() -> DocxOptions {
        DocxOptions {
            author: "Concord".into(),
            date: None,
            logo: None,
        }
    }
}

impl DocxOptions {
    /// The date as the `xsd:dateTime` Word wants (`2026-05-05` becomes `2026-05-05T00:00:00Z`).
    fn date_time(&self) -> Option<String> {
        let d = self.date.as_deref()?.trim();
        if d.is_empty() {
            return None;
        }
        Some(if d.len() == 10 {
            format!("{d}T00:00:00Z")
        } else {
            d.to_string()
        })
    }
}

const DEFAULT_TITLE: &str = "Protocol on member/officer relations";

/// The document as a `.docx` file.
pub fn document(doc: &Document, opts: &DocxOptions) -> Vec<u8> {
    let b = body::body(doc);
    let title = doc.meta.title.as_deref().unwrap_or(DEFAULT_TITLE);
    let mut xml = String::from(parts::DOCUMENT_OPEN);
    if let Some(logo) = &opts.logo {
        xml.push_str(&parts::logo_paragraph(logo, doc.meta.council.as_deref()));
    }
    xml.push_str(&b.xml);
    xml.push_str(parts::SECTION);
    xml.push_str("</w:body></w:document>");
    let date = opts.date_time();
    parts::zip(&parts::Package {
        document: xml,
        numbering: b.numbering.xml(),
        footnotes: parts::footnotes(&b.footnotes),
        title,
        author: &opts.author,
        date: date.as_deref(),
        footer: doc.meta.council.as_deref().unwrap_or(title),
        logo: opts.logo.as_ref(),
    })
}

/// The redline between `old` and `new` (as computed by `concord_compare::diff::diff`) as a
/// `.docx` file of tracked changes by `opts.author`.
pub fn redline(r: &Redline, old: &Document, new: &Document, opts: &DocxOptions) -> Vec<u8> {
    let date = opts.date_time();
    let rev = xml::Revision {
        author: &opts.author,
        date: date.as_deref(),
    };
    let (notes, notes_xml) = xml::footnotes(&new.footnotes);
    let body = tracked::body(
        &crate::redline_layout::paragraphs(r, old, new),
        &rev,
        &notes,
    );
    let title = new.meta.title.as_deref().unwrap_or(DEFAULT_TITLE);
    let mut xml = String::from(parts::DOCUMENT_OPEN);
    xml.push_str(&body);
    // A last paragraph for a deleted or inserted final paragraph mark to join.
    xml.push_str("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr></w:p>");
    xml.push_str(parts::SECTION);
    xml.push_str("</w:body></w:document>");
    parts::zip(&parts::Package {
        document: xml,
        numbering: numbering::Numbering::default().xml(),
        footnotes: parts::footnotes(&notes_xml),
        title: &format!("Redline: {title}"),
        author: &opts.author,
        date: date.as_deref(),
        footer: "Redline",
        logo: None,
    })
}

/// The standards committee review pack as a `.docx` file: the parts of the HTML pack in the
/// same order and words, the redline as real tracked changes by `opts.author`, and the new
/// text with automatic numbering as the appendix.
pub fn pack(p: &crate::Pack<'_>, opts: &DocxOptions) -> Vec<u8> {
    let date = opts.date_time();
    let rev = xml::Revision {
        author: &opts.author,
        date: date.as_deref(),
    };
    let (body, numbering, notes) = pack::body(p, &rev);
    let mut xml = String::from(parts::DOCUMENT_OPEN);
    xml.push_str(&body);
    xml.push_str(parts::SECTION);
    xml.push_str("</w:body></w:document>");
    parts::zip(&parts::Package {
        document: xml,
        numbering: numbering.xml(),
        footnotes: parts::footnotes(&notes),
        title: &p.title,
        author: &opts.author,
        date: date.as_deref(),
        footer: p.council.as_deref().unwrap_or(&p.title),
        logo: None,
    })
}
