//! Publication checks: what a Monitoring Officer wants caught before a protocol goes to the
//! committee or the council's website.
//!
//! [`check`] runs every rule of [`rules`] over a read [`Document`] (and what the reader noticed
//! on the way, its [`Diagnostic`]s) and returns [`Finding`]s: each with a stable kebab-case
//! code, a severity, the source line, the clause, a message and a suggested fix. The rules are
//! one file each under `rules/`, in the manner of a linter's rule catalogue; the table of codes
//! is [`CODES`].
//!
//! ```
//! use concord_check::{check, CheckConfig, Severity};
//! let text = "# Protocol\n\n## 1. Advice\n\n1.1 If a councillor is unsure, he or she should ask the Monitoring Officer.\n";
//! let parsed = concord_ingest::read(text.as_bytes(), "p.md", &Default::default()).unwrap();
//! let findings = check(&parsed.document, &parsed.diagnostics, Some(text), &CheckConfig::default());
//! assert_eq!(findings[0].code, "gendered-wording");
//! assert_eq!(findings[0].severity, Severity::Warning);
//! assert_eq!(findings[0].line, 5);
//! ```

pub mod rules;

use concord_model::{Diagnostic, Document};
use serde::Serialize;

pub use concord_model::Severity;

/// What the checks need to know beyond the document.
#[derive(Debug, Clone, Default)]
pub struct CheckConfig {
    /// Today's date, for "the review date has passed". The caller supplies it (the binary
    /// reads the clock, or `--today`); without it that check does not run.
    pub today: Option<concord_model::Date>,
}

/// One problem found, at a source line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable kebab-case code (see [`CODES`]).
    pub code: &'static str,
    pub severity: Severity,
    /// 1-based source line.
    pub line: u32,
    /// The clause the finding is in, where there is one.
    pub clause: Option<String>,
    pub message: String,
    /// What to do about it.
    pub fix: String,
}

/// Every code a check can give, with its severity and what it means (for `--help` and the docs).
pub const CODES: &[(&str, Severity, &str)] = &[
    (
        "tracked-changes-left",
        Severity::Error,
        "the text still holds tracked changes (strike marks, replacement marks, renumbered labels)",
    ),
    (
        "page-furniture-left",
        Severity::Warning,
        "running headers, footers, page numbers or stray URLs are mixed into the text",
    ),
    (
        "dangling-reference",
        Severity::Error,
        "a cross-reference names a clause the protocol does not have",
    ),
    (
        "reference-off-topic",
        Severity::Warning,
        "a cross-reference points at a clause that is about something else",
    ),
    (
        "duplicate-number",
        Severity::Error,
        "two clauses carry the same number",
    ),
    (
        "skipped-number",
        Severity::Warning,
        "a clause number does not follow the one before it",
    ),
    (
        "repeated-numbering",
        Severity::Warning,
        "every numbered paragraph carries the same number (\"1.\"): the numbers were lost",
    ),
    (
        "contents-mismatch",
        Severity::Warning,
        "the contents list names a heading the document does not have, or leaves one out",
    ),
    (
        "gendered-wording",
        Severity::Warning,
        "gendered wording such as \"he or she\" or \"his/her\" where neutral wording serves",
    ),
    (
        "role-named-two-ways",
        Severity::Info,
        "one office is called by two names (\"Section 151 Officer\" and \"Chief Finance Officer\")",
    ),
    (
        "review-overdue",
        Severity::Warning,
        "the date by which the protocol was to be reviewed has passed",
    ),
];

/// Runs every check. `source` is the decoded text of the file, used to point at the exact
/// line of a phrase inside a long clause; without it a finding points at the clause's first line.
pub fn check(
    doc: &Document,
    diagnostics: &[Diagnostic],
    source: Option<&str>,
    cfg: &CheckConfig,
) -> Vec<Finding> {
    let cx = rules::Context::new(doc, diagnostics, source, cfg);
    let mut out = Vec::new();
    rules::tracked::run(&cx, &mut out);
    rules::furniture::run(&cx, &mut out);
    rules::references::run(&cx, &mut out);
    rules::numbering::run(&cx, &mut out);
    rules::gendered::run(&cx, &mut out);
    rules::review::run(&cx, &mut out);
    rules::roles::run(&cx, &mut out);
    out.sort_by(|a, b| {
        (a.line, a.code, &a.clause, &a.message).cmp(&(b.line, b.code, &b.clause, &b.message))
    });
    out.dedup();
    out
}

/// True when any finding is an error (the binary exits 1).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}
