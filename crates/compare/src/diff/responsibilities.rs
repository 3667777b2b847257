//! Responsibility changes: for each question of the catalogue whose answer differs between the
//! two versions (a different route of roles, or a different value), the old and new answers.
//!
//! The answers come from `concord_compare::answers` (issue 3), built in parallel with this
//! module. Until it lands this reports no changes rather than guessing who does what with a
//! second, competing role extractor.

use concord_model::Document;
use serde::Serialize;

/// One question whose answer changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponsibilityChange {
    /// The question id (`officer-complaint-about-councillor`).
    pub question: String,
    /// The old version's answer (the `Answer` JSON of DESIGN.md), or null when not covered.
    pub old: Option<serde_json::Value>,
    /// The new version's answer, or null when not covered.
    pub new: Option<serde_json::Value>,
}

/// The responsibility changes between two versions.
pub(crate) fn changes(old: &Document, new: &Document) -> Vec<ResponsibilityChange> {
    let _ = (old, new);
    Vec::new()
}
