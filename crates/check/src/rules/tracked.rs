//! `tracked-changes-left`: a clause still holds tracked changes. The reader recovered them
//! (so `concord diff FILE --tracked` can show them), but a published text must not carry strike
//! marks or half-applied renumbering.

use super::{Context, finding};
use crate::Finding;
use concord_model::ChangeKind;

pub fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for c in &cx.clauses {
        if c.changes.is_empty() && c.previous_id.is_none() {
            continue;
        }
        let mut what: Vec<String> = c
            .changes
            .iter()
            .take(3)
            .map(|ch| match ch.kind {
                ChangeKind::Delete => format!("\"{}\" struck out", short(&ch.old)),
                ChangeKind::Insert => format!("\"{}\" inserted", short(&ch.new)),
                ChangeKind::Replace => {
                    format!("\"{}\" replaced by \"{}\"", short(&ch.old), short(&ch.new))
                }
            })
            .collect();
        if c.changes.len() > 3 {
            what.push(format!("{} more", c.changes.len() - 3));
        }
        if let Some(p) = &c.previous_id {
            what.push(format!("renumbered from {p}"));
        }
        let n = c.changes.len() + usize::from(c.previous_id.is_some());
        let noun = if n == 1 { "change" } else { "changes" };
        out.push(finding(
            "tracked-changes-left",
            c.lines[0],
            Some(&c.id),
            format!(
                "clause {} still holds {n} tracked {noun}: {}",
                c.id,
                what.join("; ")
            ),
            "accept or reject the changes in the source (`concord ingest FILE --format md` writes the text with them accepted)",
        ));
    }
}

/// A change's text for a message: its first eight words.
fn short(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= 8 {
        words.join(" ")
    } else {
        format!("{}…", words[..8].join(" "))
    }
}
