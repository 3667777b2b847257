//! How a reader decided a document is laid out: the account `concord ingest --explain` prints,
//! and how a user reports a bad read.

/// How the reader decided a document is numbered and laid out, in words a Monitoring Officer
/// can follow: the scheme of its headings, clauses and items, and each place where the reader
/// had to choose, with its source line. What was removed (page furniture, contents lists) and
/// read into the meta is in the reader's diagnostics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explain {
    /// How the headings are numbered or set (`12 numbered "1.", "2.", 3 unnumbered in capitals`).
    pub headings: String,
    /// How the clauses are numbered.
    pub clauses: String,
    /// Which kinds of items the clauses hold.
    pub items: String,
    /// Each choice, with its line.
    pub choices: Vec<(u32, String)>,
}
