//! The formats a document or a redline is published in, and the one place that picks the
//! writer for each: `concord build` (by an output's extension), `draft` and `diff` (by
//! `--format`) all call these.

use concord_compare::diff::Redline;
use concord_model::Document;
use concord_render::RedlineOptions;
use concord_render::docx::DocxOptions;
use concord_render::pdf::PdfOptions;

use crate::Error;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Canonical Markdown (a document) or a Markdown report (a redline).
    Md,
    /// A self-contained, accessible HTML page.
    Html,
    /// The JSON contract.
    Json,
    /// Plain text: a document's outline, a redline for a terminal.
    Text,
    /// A Word file; a redline's holds real tracked changes.
    Docx,
    /// A tagged PDF.
    Pdf,
}

impl Format {
    /// The format a file name's extension asks for (`md`, `html` or `htm`, `json`, `txt`,
    /// `docx`, `pdf`).
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext {
            "md" => Format::Md,
            "html" | "htm" => Format::Html,
            "json" => Format::Json,
            "txt" => Format::Text,
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Format::Md => "Markdown",
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::Text => "text",
            Format::Docx => "Word",
            Format::Pdf => "PDF",
        })
    }
}

/// How an output looks, beyond its content: resolved once by the caller.
#[derive(Debug, Clone, Default)]
pub struct Look {
    /// The author of a Word file (and of its tracked changes), `Concord` when none is given,
    /// and of a PDF, which names none when none is given.
    pub author: Option<String>,
    /// The date of a Word file's properties and tracked changes (ISO date or date-time);
    /// `None` writes no date: never the clock.
    pub date: Option<String>,
    /// Colour and context of a redline as text or Markdown.
    pub redline: RedlineOptions,
    /// The council's logo, above a document's title in HTML, Word and PDF.
    pub logo: Option<concord_render::Logo>,
}

impl Look {
    fn docx(&self) -> DocxOptions {
        DocxOptions {
            author: self.author.clone().unwrap_or_else(|| "Concord".into()),
            date: self.date.clone(),
            logo: self.logo.clone(),
        }
    }

    fn pdf(&self) -> PdfOptions {
        PdfOptions {
            author: self.author.clone(),
            logo: self.logo.clone(),
        }
    }
}

/// A document in `format`.
pub fn document(doc: &Document, format: Format, look: &Look) -> Result<Vec<u8>, Error> {
    Ok(match format {
        Format::Md => (concord_render::markdown(doc) + "\n").into_bytes(),
        Format::Html => {
            concord_render::document_html_with_logo(doc, look.logo.as_ref()).into_bytes()
        }
        Format::Json => json(doc, "the document")?.into_bytes(),
        Format::Text => concord_render::outline(doc).into_bytes(),
        Format::Docx => concord_render::docx::document(doc, &look.docx()),
        Format::Pdf => concord_render::pdf::document(doc, &look.pdf()),
    })
}

/// A redline of `old` and `new` in `format`.
pub fn redline(
    r: &Redline,
    old: &Document,
    new: &Document,
    format: Format,
    look: &Look,
) -> Result<Vec<u8>, Error> {
    Ok(match format {
        Format::Md => (concord_render::redline_markdown(r, &look.redline) + "\n").into_bytes(),
        Format::Html => concord_render::redline_html(r).into_bytes(),
        Format::Json => json(r, "the redline")?.into_bytes(),
        Format::Text => concord_render::redline_text(r, &look.redline).into_bytes(),
        Format::Docx => concord_render::docx::redline(r, old, new, &look.docx()),
        Format::Pdf => concord_render::pdf::redline(r, old, new, &look.pdf()),
    })
}

/// Pretty JSON with a final newline.
pub(crate) fn json<T: serde::Serialize + ?Sized>(
    value: &T,
    what: &'static str,
) -> Result<String, Error> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|source| Error::Json { what, source })
}
