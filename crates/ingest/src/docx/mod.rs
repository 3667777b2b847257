//! The Word (`.docx`) reader. It opens the package ([`package`]: the main part is whatever
//! `_rels/.rels` names), reads the main part's blocks ([`body`]: paragraphs, tables, tracked
//! changes, text boxes, content controls, fields), `styles.xml` ([`styles`]: heading styles,
//! numbering linked through styles), `numbering.xml` (the lists, whose labels [`numbering`]
//! computes: Word files rarely hold the numbers as text) and the footnotes and endnotes.
//! Headers and footers are separate parts and are never read: they are page furniture, so the
//! text passes need not guess it from repeated lines (a body paragraph that repeats is body
//! text).
//!
//! It does not recover structure itself. It writes the document out as the line form the text
//! reader already understands ([`lines`]), with tracked changes as exact markers
//! ([`DEL_OPEN`]...), and the same passes then find sections, clauses and items. Each line
//! remembers the paragraph it came from, so `lines` in the model are paragraph numbers of the
//! Word file: the place of a `w:p` among all the `w:p`s of the main part, in document order.

mod body;
pub mod formats;
mod lines;
mod numbering;
mod package;
mod styles;

use std::collections::HashMap;

use crate::Error;
pub use body::{DEL_CLOSE, DEL_OPEN, INS_CLOSE, INS_OPEN};
use numbering::Numbering;
use package::Package;
use styles::Styles;

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
    let mut pkg = Package::open(bytes)?;
    let main = pkg.main_part()?;
    let document = pkg.xml(&main)?.ok_or_else(|| Error::Docx {
        reason: format!("{main} cannot be found"),
    })?;
    if document.name != "document" {
        return Err(Error::Docx {
            reason: match document.name.as_str() {
                "workbook" => "it is an Excel workbook, not a Word document".into(),
                "presentation" => "it is a PowerPoint presentation, not a Word document".into(),
                other => format!("its main part {main} is a <{other}>, not a Word document"),
            },
        });
    }
    let rels = pkg.relationships(&main)?;
    let mut part = |kind: &str, customary: &str| -> Result<Option<crate::xml::Node>, Error> {
        match pkg.related(&rels, &main, kind, customary) {
            Some(name) => pkg.xml(&name),
            None => Ok(None),
        }
    };
    let styles = part("styles", "styles.xml")?
        .map(|s| Styles::read(&s))
        .unwrap_or_default();
    let numbering = part("numbering", "numbering.xml")?
        .map(|n| Numbering::read(&n))
        .unwrap_or_default();
    let mut notes = HashMap::new();
    if let Some(f) = part("footnotes", "footnotes.xml")? {
        lines::notes(&body::Reader::new(&f), &f, "", &mut notes);
    }
    if let Some(e) = part("endnotes", "endnotes.xml")? {
        lines::notes(&body::Reader::new(&e), &e, body::ENDNOTE, &mut notes);
    }
    let package_rels = pkg.relationships("")?;
    let core = pkg.related(&package_rels, "", "core-properties", "docProps/core.xml");
    let title = match core.map(|c| pkg.xml(&c)).transpose()?.flatten() {
        Some(core) => core
            .child("title")
            .map(|t| t.text().trim().to_string())
            .filter(|t| !t.is_empty()),
        None => None,
    };
    let content = document.child("body").ok_or_else(|| Error::Docx {
        reason: format!("{main} has no body"),
    })?;
    let reader = body::Reader::new(&document);
    let mut blocks = Vec::new();
    reader.blocks(content, &mut blocks);
    let mut w = lines::LineWriter::new(&styles, numbering, &notes, title);
    for b in &blocks {
        w.block(b);
    }
    w.notes();
    Ok(w.out)
}
