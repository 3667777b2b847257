//! The one error type of the readers: input that is not text at all.

/// Why bytes could not be read as a protocol.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The file holds nothing, or only whitespace.
    #[error("the file is empty")]
    Empty,
    /// The file holds bytes that text never holds (a NUL, or many control characters).
    #[error("this is not a text file (binary data at byte {offset})")]
    Binary { offset: usize, line: u32, col: u32 },
    /// The file is larger than the reader accepts.
    #[error("the file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
}

impl Error {
    /// The 1-based line and column the error points at.
    pub fn position(&self) -> (u32, u32) {
        match self {
            Error::Binary { line, col, .. } => (*line, *col),
            _ => (1, 1),
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Error::Empty => "give a protocol with some text in it",
            Error::Binary { .. } => {
                "concord reads text and Markdown; save Word or PDF files as text first (Word and PDF readers are coming)"
            }
            Error::TooLarge { .. } => "split the file, or check that it is really a protocol",
        }
    }
}
