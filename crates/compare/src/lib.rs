//! Comparisons over the clause model.
//!
//! - [`diff`]: a redline between two versions of one protocol, clause-aligned.
//! - [`answers`]: who does what: the questions answered for one document, and many side by side.

pub mod answers;
pub mod diff;
