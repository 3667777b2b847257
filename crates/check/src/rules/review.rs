//! `review-overdue`: the protocol's own review date has passed. The date comes from the
//! version table's review column (the latest row that names one).

use super::{Context, finding};
use crate::Finding;

pub fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(today) = cx.cfg.today.as_deref() else {
        return;
    };
    let Some(due) = cx
        .doc
        .meta
        .versions
        .iter()
        .rev()
        .find_map(|v| v.review.as_deref())
    else {
        return;
    };
    // ISO dates and `YYYY-MM` months compare as text; a month is due at its end.
    let passed = if due.len() == 7 {
        today.get(..7).is_some_and(|m| m > due)
    } else if due.len() == 10 && due.as_bytes()[4] == b'-' {
        today > due
    } else {
        false
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
