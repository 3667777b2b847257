//! Concord's publishing layer: the jobs that combine the other crates into what a council
//! publishes. The binary parses arguments, reads and writes files, and calls these; `render`
//! only writes what it is given.
//!
//! - [`pack`]: the standards committee review pack (a redline, the answers beside other
//!   councils', the checks on the new text), in HTML, Word and PDF.
//! - [`Format`] with [`document`] and [`redline`]: one document or redline in the format an
//!   output asks for, the one format dispatch of `concord build`, `draft`, `ingest` and `diff`.
//! - [`options_from`]: a protocol read back into the options file that drafts it again.
//! - [`report`]: the check report, as text and as the JSON contract `{"findings": [...]}`.
//! - [`names`] and [`cite`]: what a reader calls a document (its council, never its file's
//!   code) and a clause ("paragraph 3 under ‘Procedure’", never a synthetic id).
//!
//! Nothing here touches files, the environment or the clock.
//!
//! ```
//! use concord_publish::{Format, Look};
//! let doc = concord_ingest::read(b"# Protocol\n\n## 1 Purpose\n\n1.1 Text.\n", "p.md", &Default::default())
//!     .unwrap()
//!     .document;
//! let html = concord_publish::document(&doc, Format::Html, &Look::default()).unwrap();
//! assert!(String::from_utf8(html).unwrap().starts_with("<!DOCTYPE html>"));
//! ```

pub mod cite;
mod error;
mod format;
pub mod names;
mod options;
pub mod pack;
pub mod report;
mod words;

pub use error::Error;
pub use format::{Format, Look, document, redline};
pub use options::options_from;
