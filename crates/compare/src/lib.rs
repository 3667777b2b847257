//! Comparisons over the clause model.
//!
//! - [`diff`]: a redline between two versions of one protocol, clause-aligned.
//! - [`answers`]: who does what: the questions answered for one document, and many side by side.
//! - [`precedents`]: the clauses of a corpus most like a given clause (BM25 over an inverted
//!   index).

pub mod amend;
pub mod answers;
pub mod diff;
mod error;
pub mod precedents;

pub use error::Error;
