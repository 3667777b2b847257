//! `ward-member-notice`: how much notice do ward members get of matters affecting their ward?
//!
//! The first sentence about ward or local members (in the sentence, its clause, or under a
//! heading such as "Local Members") with a period of days and a word of notice ("notice",
//! "before", "in advance", "prior to", "informed", "notified"): "communication of such
//! information to local members will be made seven days before publication". A meeting's
//! agenda sent to every member is not a ward matter.

use super::super::text::{View, any, first};
use super::super::value::periods;
use super::super::{Answer, Value};

const WARD: &[&str] = &[
    "ward",
    "wards",
    "ward s",
    "local member*",
    "local councillor*",
    "division member*",
    "divisional member*",
    "division councillor*",
    "electoral division*",
    "member for the area",
    "members for the area",
    "councillor for the area",
    "councillors for the area",
    "their area",
    "their division",
    "locality",
];
const NOTICE: &[&str] = &[
    "notice",
    "before",
    "advance",
    "prior",
    "beforehand",
    "ahead",
    "informed",
    "notified",
    "told",
    "briefed",
    "advised",
    "warning",
];
const OTHERS: &[&str] = &["agenda*", "summons", "all members", "all councillors"];

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    for s in &view.sentences {
        let c = &view.clauses[s.clause];
        let ward = first(&s.toks, WARD)
            .or_else(|| first(&c.words, WARD))
            .or_else(|| first(&c.heading, WARD));
        let Some(ward) = ward else {
            continue;
        };
        let Some(notice) = first(&s.toks, NOTICE) else {
            continue;
        };
        if any(&s.toks, OTHERS) {
            continue;
        }
        let Some(p) = periods(&s.toks).into_iter().next() else {
            continue;
        };
        let id = view.clause_of(s).id.clone();
        let why = format!("{id}: “{ward}”, “{notice}”, {}", p.words);
        return Some(Answer::from_value(
            Value::Days {
                days: p.days,
                working: p.working,
            },
            vec![id],
            s.text.clone(),
            why,
        ));
    }
    None
}
