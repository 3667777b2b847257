//! `ward-member-notice`: how much notice do ward members get of matters affecting their ward?
//!
//! The first sentence about ward or local members (in the sentence, or under a heading such as
//! "Local Members") with a period of days and a word of notice ("notice", "before", "in
//! advance", "prior to"): "communication of such information to local members will be made
//! seven days before publication".

use super::super::text::{View, any};
use super::super::value::periods;
use super::super::{Answer, Value};

const WARD: &[&str] = &[
    "ward*",
    "local member*",
    "local councillor*",
    "division member*",
    "divisional member*",
];
const NOTICE: &[&str] = &["notice", "before", "advance", "prior", "beforehand"];

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    for s in &view.sentences {
        let on_topic = any(&s.toks, WARD) || any(&view.headings[s.clause], WARD);
        if !on_topic || !any(&s.toks, NOTICE) {
            continue;
        }
        let Some(p) = periods(&s.toks).into_iter().next() else {
            continue;
        };
        return Some(Answer::from_value(
            Value::Days {
                days: p.days,
                working: p.working,
            },
            vec![view.clause_of(s).id.clone()],
            s.text.clone(),
        ));
    }
    None
}
