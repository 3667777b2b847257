//! Comparisons over the clause model.
//!
//! - [`diff`]: a redline between two versions of one protocol, clause-aligned.
//! - [`answers`]: who does what: the questions answered for one document, and many side by side.
//! - [`join`]: clause alignment across a corpus: every pair of clauses from different
//!   documents with token-set Jaccard at least a threshold, by PPJoin (exact, never all pairs).
//! - [`precedents`]: the clauses of a corpus most like a given clause (BM25 over an inverted
//!   index).

pub mod answers;
pub mod diff;
mod error;
pub mod join;
pub mod precedents;

pub use error::Error;
