//! Writers for Concord. Each takes model (or comparison) data and returns text; none decides
//! content or touches files.
//!
//! - [`markdown`]: a document as clean canonical Markdown that reads back to the same model.
//! - [`document_html`]: a document as a self-contained, accessible, printable HTML page.
//! - [`docx`]: a document, or a redline with real tracked changes, as a Word file.
//! - [`pdf`]: a document or a redline as a tagged PDF with bookmarks.
//! - [`outline`]: a document as a readable tree of ids, headings and line ranges.
//! - [`redline_text`], [`redline_markdown`], [`redline_html`]: a clause-aligned redline for a
//!   terminal, a report, or a committee's browser.
//! - [`comparison_text`], [`comparison_markdown`], [`comparison_csv`], [`comparison_html`]: a
//!   cross-council comparison (`concord_compare::answers::Comparison`) for a terminal, a report,
//!   a spreadsheet and a committee member's browser.
//! - [`pack_html`]: the standards committee review pack.
//! - [`clause_report`]: one clause with its roles, references, changes and the answers it
//!   supports.

mod comparison;
mod comparison_html;
mod dates;
mod document_html;
pub mod docx;
pub mod escape;
mod explain;
mod html;
mod logo;
mod markdown;
mod outline;
mod pack;
mod pack_html;
pub mod pdf;
mod reason;
mod redline;
mod redline_layout;
mod show;

pub use comparison::{
    comparison_csv, comparison_markdown, comparison_text, comparison_text_explained,
};
pub use comparison_html::comparison_html;
pub use document_html::{document_html, document_html_with_logo};
pub use explain::explain;
pub use logo::{Logo, LogoKind};
pub use markdown::markdown;
pub use outline::outline;
pub use pack::{ChangeRow, CheckRow, Checks, Pack, QuestionAnswers};
pub use pack_html::pack_html;
pub use reason::plain_reason;
pub use redline::{
    RedlineOptions, redline_html, redline_markdown, redline_text, responsibility_line,
};
pub use show::clause_report;
