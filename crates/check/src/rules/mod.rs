//! The rule catalogue: one file per check, each a `run(&Context, &mut Vec<Finding>)`.

pub mod furniture;
pub mod gendered;
pub mod numbering;
pub mod references;
pub mod review;
pub mod roles;
pub mod tracked;

use concord_model::{Clause, Diagnostic, Document, Severity};

use crate::{CODES, CheckConfig, Finding};

/// What every rule reads: the document, the reader's diagnostics and the source lines.
#[derive(Debug)]
pub struct Context<'a> {
    pub doc: &'a Document,
    pub diagnostics: &'a [Diagnostic],
    pub cfg: &'a CheckConfig,
    /// Source lines, lowercased, indexed from 0 (line 1 is `lines[0]`).
    lines: Vec<String>,
    /// Every clause (sub-clauses included) in reading order.
    pub clauses: Vec<&'a Clause>,
}

impl<'a> Context<'a> {
    pub fn new(
        doc: &'a Document,
        diagnostics: &'a [Diagnostic],
        source: Option<&str>,
        cfg: &'a CheckConfig,
    ) -> Context<'a> {
        Context {
            doc,
            diagnostics,
            cfg,
            lines: source
                .map(|s| s.lines().map(str::to_lowercase).collect())
                .unwrap_or_default(),
            clauses: doc.clauses(),
        }
    }

    /// The source line in the clause's range that holds `phrase` (case-insensitive), or the
    /// clause's first line. A phrase split by a hard wrap is found by its first word.
    pub fn line_of(&self, clause: &Clause, phrase: &str) -> u32 {
        let [first, last] = clause.lines;
        let phrase = phrase.to_lowercase();
        let head = phrase.split_whitespace().next().unwrap_or("");
        for needle in [phrase.as_str(), head] {
            if needle.is_empty() {
                continue;
            }
            for n in first..=last.max(first) {
                if self
                    .lines
                    .get(n.saturating_sub(1) as usize)
                    .is_some_and(|l| l.contains(needle))
                {
                    return n;
                }
            }
        }
        first.max(1)
    }

    /// The first source line that holds `needle` (case-insensitive), or line 1.
    pub fn first_line_with(&self, needle: &str) -> u32 {
        let needle = needle.to_lowercase();
        self.lines
            .iter()
            .position(|l| l.contains(&needle))
            .map_or(1, |i| i as u32 + 1)
    }

    /// The clause whose lines hold a source line (the innermost, for sub-clauses).
    pub fn clause_at(&self, line: u32) -> Option<&'a Clause> {
        self.clauses
            .iter()
            .filter(|c| c.lines[0] <= line && line <= c.lines[1])
            .min_by_key(|c| c.lines[1] - c.lines[0])
            .copied()
    }
}

/// A finding with the severity its code carries in [`CODES`].
pub fn finding(
    code: &'static str,
    line: u32,
    clause: Option<&str>,
    message: impl Into<String>,
    fix: impl Into<String>,
) -> Finding {
    let severity = CODES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or(Severity::Warning, |(_, s, _)| *s);
    Finding {
        code,
        severity,
        line,
        clause: clause.map(str::to_string),
        message: message.into(),
        fix: fix.into(),
    }
}

/// The texts of a clause a reader sees: its own text, then each item's.
pub fn texts(c: &Clause) -> Vec<&str> {
    fn items<'c>(list: &'c [concord_model::Item], out: &mut Vec<&'c str>) {
        for i in list {
            out.push(&i.text);
            items(&i.items, out);
        }
    }
    let mut out = vec![c.text.as_str()];
    items(&c.items, &mut out);
    out
}
