//! `duplicate-number` and `skipped-number`: clause numbers that repeat or jump, as the reader
//! found them while building the clause tree; `repeated-numbering`: every paragraph printed
//! `1.` (the numbers lost when a web page's list was copied as text); `contents-mismatch`: a
//! contents list that names a heading the document lacks, or leaves one out.

use concord_model::Code;

use super::{Context, finding};
use crate::Finding;

pub fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for d in cx.diagnostics {
        let (code, fix) = match d.code {
            Code::DuplicateId => (
                "duplicate-number",
                "renumber the second clause (and any references to it)",
            ),
            Code::NumberingGap => (
                "skipped-number",
                "renumber the clauses in order, or restore the missing clause",
            ),
            Code::RepeatedNumbering => (
                "repeated-numbering",
                "number the paragraphs in the source (1, 2, 3 ...) so that readers can cite them",
            ),
            Code::ContentsMismatch => (
                "contents-mismatch",
                "make the contents list and the headings say the same (or regenerate the list)",
            ),
            _ => continue,
        };
        let clause = cx.clause_at(d.line).map(|c| c.id.as_str());
        out.push(finding(code, d.line, clause, d.message.clone(), fix));
    }
}
