//! The publishing layer's one error type.

/// Why a publication could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The two versions could not be redlined (they are past the alignment limit).
    #[error(transparent)]
    Diff(#[from] concord_compare::Error),
    /// The proposed text, written as canonical Markdown, did not read back.
    #[error("cannot re-read the proposed text: {0}")]
    Reread(concord_ingest::Error),
    /// A value could not be serialised as JSON.
    #[error("cannot serialise {what}: {source}")]
    Json {
        what: &'static str,
        source: serde_json::Error,
    },
    /// The format cannot hold this kind of output (a pack as JSON, a check report as Word).
    #[error("{what} cannot be written as {format}")]
    Unsupported { what: &'static str, format: Format },
}

use crate::Format;
