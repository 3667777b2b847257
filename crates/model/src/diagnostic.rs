//! Diagnostics: what a reader noticed about a document. Reading never fails on text; it returns
//! the document plus these, each with a stable code, a severity and the source lines.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How much a diagnostic matters.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something the reader did that a careful user may want to know (furniture removed).
    Info,
    /// Something that may be wrong in the document or in our reading of it.
    Warning,
    /// The input could not be read as asked.
    Error,
}

/// Stable diagnostic codes. Their kebab-case names are part of the contract: never rename one.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Code {
    /// The bytes were not UTF-8 and were decoded from a legacy encoding or UTF-16.
    DecodedEncoding,
    /// Bytes that could not be decoded were replaced with U+FFFD.
    MalformedText,
    /// A running header or footer, page number, blank-page note, rule or stray URL was removed.
    PageFurniture,
    /// A contents list was recognised and skipped.
    ContentsList,
    /// Tracked changes (strike marks, replacement links, renumbered labels) were recovered.
    TrackedChange,
    /// A tracked-change fragment was repaired to read as a word.
    RepairedFragment,
    /// A clause number does not follow the one before it.
    NumberingGap,
    /// Two clauses share one id; the second was given a suffix.
    DuplicateId,
    /// A cross-reference names a clause the document does not have.
    UnresolvedReference,
    /// A footnote reference has no definition, or a definition no reference.
    FootnoteMismatch,
    /// Text was found before the first section and kept as a clause of its own.
    StrayText,
    /// Lines were joined across a page break or a hard wrap was undone with a hyphen repair.
    JoinedLines,
    /// A line was read into the document's meta (title, council, adoption date, a version
    /// table's header and columns) or set aside before the first section; the message quotes it.
    ReadAsMeta,
    /// The reader chose between two readings of a numbered line (a label taken though the line
    /// before runs on, or left as text because it would break the numbering).
    ReadingChoice,
    /// The numbering repeats (every paragraph printed `1.`) and was read by position.
    RepeatedNumbering,
    /// The contents list names headings the document does not have, or misses some it has.
    ContentsMismatch,
    /// The file was in a format read through a conversion (a `.doc`, `.odt` or `.rtf` converted
    /// to `.docx` by LibreOffice); its lines are paragraphs of the converted file.
    Converted,
}

impl Code {
    /// The stable kebab-case name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::DecodedEncoding => "decoded-encoding",
            Code::MalformedText => "malformed-text",
            Code::PageFurniture => "page-furniture",
            Code::ContentsList => "contents-list",
            Code::TrackedChange => "tracked-change",
            Code::RepairedFragment => "repaired-fragment",
            Code::NumberingGap => "numbering-gap",
            Code::DuplicateId => "duplicate-id",
            Code::UnresolvedReference => "unresolved-reference",
            Code::FootnoteMismatch => "footnote-mismatch",
            Code::StrayText => "stray-text",
            Code::JoinedLines => "joined-lines",
            Code::ReadAsMeta => "read-as-meta",
            Code::ReadingChoice => "reading-choice",
            Code::RepeatedNumbering => "repeated-numbering",
            Code::ContentsMismatch => "contents-mismatch",
            Code::Converted => "converted",
        }
    }

    /// Every code, for the generated table of codes.
    pub const ALL: &'static [Code] = &[
        Code::DecodedEncoding,
        Code::MalformedText,
        Code::PageFurniture,
        Code::ContentsList,
        Code::TrackedChange,
        Code::RepairedFragment,
        Code::NumberingGap,
        Code::DuplicateId,
        Code::UnresolvedReference,
        Code::FootnoteMismatch,
        Code::StrayText,
        Code::JoinedLines,
        Code::ReadAsMeta,
        Code::ReadingChoice,
        Code::RepeatedNumbering,
        Code::ContentsMismatch,
        Code::Converted,
    ];
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing a reader noticed, at a 1-based source line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// 1-based line in the source file.
    pub line: u32,
    /// 1-based column (in characters) on that line.
    pub col: u32,
    pub message: String,
}

impl Diagnostic {
    pub fn new(
        code: Code,
        severity: Severity,
        line: u32,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            line,
            col: 1,
            message: message.into(),
        }
    }
}
