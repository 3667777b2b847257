//! The one error type of `concord-draft`: a bad options file (every mistake, each with its
//! position), a template that fails to render (the `minijinja::Error` kept as the source), or
//! template output that breaks the drafting rules (a duplicate id, a dangling reference).

use std::ops::Range;

/// Why drafting failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The options file has mistakes; each [`Problem`] says where.
    #[error("the options file has {} mistake(s)", .0.len())]
    Options(Vec<Problem>),
    /// A template failed to load or render.
    #[error("cannot render the templates")]
    Template(#[from] minijinja::Error),
    /// A template's output breaks the drafting rules (text outside a clause, an empty id...).
    #[error("template '{template}': {message}")]
    Markup { template: String, message: String },
    /// Two sections or clauses carry the same template id.
    #[error("template '{template}': the id '{id}' is used twice")]
    DuplicateId { template: String, id: String },
    /// `ref("...")` names an id that no drafted clause or section carries (it may belong to an
    /// optional section that was left out).
    #[error(
        "template '{template}': ref(\"{target}\") in clause '{clause}' points to no drafted clause or section"
    )]
    DanglingRef {
        template: String,
        target: String,
        clause: String,
    },
}

/// One mistake in an options file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte range in the options file.
    pub span: Range<usize>,
    /// 1-based line of `span.start`.
    pub line: u32,
    /// 1-based column (in characters) of `span.start`.
    pub col: u32,
    /// Lowercase, quoting the offending value.
    pub message: String,
    /// The allowed values and a "did you mean", where there are any.
    pub hint: Option<String>,
}

impl Problem {
    /// A problem at `span` in `text`.
    pub fn new(text: &str, span: Range<usize>, message: impl Into<String>) -> Problem {
        let (line, col) = line_col(text, span.start);
        Problem {
            span,
            line,
            col,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }
}

/// The 1-based line and character column of a byte offset (clamped to the text).
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(col).unwrap_or(u32::MAX),
    )
}

#[cfg(test)]
mod tests {
    use super::line_col;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "a = 1\nname = \"Ynys Môn\" x";
        let at = text.find('x').unwrap();
        assert_eq!(line_col(text, at), (2, 19));
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 10_000), (2, 20));
    }
}
