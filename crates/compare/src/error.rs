//! The one error type of `concord-compare`: a comparison refused because it would take more
//! work than its limit allows.

/// Why a comparison was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Aligning the two versions is more work than [`crate::diff::DiffConfig::max_align_work`].
    #[error(
        "aligning {old} old clauses with {new} new ones is {work} units of work, over the limit of {limit}"
    )]
    TooMuchWork {
        old: usize,
        new: usize,
        work: u64,
        limit: u64,
    },
    /// An answer cannot be changed in the protocol's own words (`crate::amend`), in the clause
    /// named where there is one.
    #[error("{}{message}", clause.as_ref().map(|c| format!("clause {c}: ")).unwrap_or_default())]
    Amend {
        clause: Option<String>,
        message: String,
    },
}
