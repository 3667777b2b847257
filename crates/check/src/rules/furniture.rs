//! `page-furniture-left`: running headers and footers, page numbers, blank-page notes and stray
//! URLs that an extraction left in the middle of the text. The reader drops them; the source
//! still holds them, so anything published from it would too.

use concord_model::Code;

use super::{Context, finding};
use crate::Finding;

pub fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    // A PDF's running headers and footers are its page layout, not text left in a source.
    if cx.doc.meta.source.format == "pdf" {
        return;
    }
    for d in cx.diagnostics {
        // A `---` rule is Markdown's own mark, not damage.
        if d.code != Code::PageFurniture || d.message.contains("horizontal rule") {
            continue;
        }
        let clause = cx.clause_at(d.line).map(|c| c.id.as_str());
        out.push(finding(
            "page-furniture-left",
            d.line,
            clause,
            d.message.clone(),
            "delete the line from the source; headers and footers belong in the page layout",
        ));
    }
}
