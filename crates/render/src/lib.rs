//! Writers for Concord. Each takes model (or comparison) data and returns text; none decides
//! content or touches files.
//!
//! - [`markdown`]: a document as clean canonical Markdown that reads back to the same model.
//! - [`outline`]: a document as a readable tree of ids, headings and line ranges.

mod markdown;
mod outline;

pub use markdown::markdown;
pub use outline::outline;
