//! `review-overdue`: the protocol's own review date has passed. The date comes from the
//! version table's review column (the latest row that names one).

use concord_model::WrittenDate;

use super::{Context, finding};
use crate::Finding;

pub fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(today) = cx.cfg.today else {
        return;
    };
    let Some(due) = cx
        .doc
        .meta
        .versions
        .iter()
        .rev()
        .find_map(|v| v.review.as_ref())
    else {
        return;
    };
    // A month is due at its end; words that are no date are never overdue.
    let passed = match due {
        WrittenDate::Date(d) => today > *d,
        WrittenDate::Month { year, month } => (today.year(), today.month()) > (*year, *month),
        WrittenDate::Text(_) => false,
    };
    if passed {
        out.push(finding(
            "review-overdue",
            cx.first_line_with("review"),
            None,
            format!("the protocol was due for review by {due} (today is {today})"),
            "review the protocol and add a row to its version table with the next review date",
        ));
    }
}
