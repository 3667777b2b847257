//! `response-time`: what response time is set for correspondence between councillors and
//! officers?
//!
//! The first sentence with a verb of responding ("respond", "response", "reply", "answer",
//! "acknowledge") and a period of days ("within one week from receipt", "within ten working
//! days"). Where a sentence sets both an acknowledgement and a full reply, the period after the
//! reply is the answer. A week is seven calendar days.

use super::super::text::{View, find};
use super::super::value::periods;
use super::super::{Answer, Value};

const RESPOND: &[&str] = &["respond*", "response*", "reply", "replies", "answer*"];
const ACKNOWLEDGE: &[&str] = &["acknowledg*"];

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    for s in &view.sentences {
        let cues = |list: &[&str]| -> Vec<usize> {
            let mut v: Vec<usize> = list.iter().flat_map(|c| find(&s.toks, c)).collect();
            v.sort_unstable();
            v
        };
        let respond = cues(RESPOND);
        let acknowledge = cues(ACKNOWLEDGE);
        if respond.is_empty() && acknowledge.is_empty() {
            continue;
        }
        let found = periods(&s.toks);
        // The period after the last reply cue before it; else after an acknowledgement.
        let after = |cues: &[usize]| found.iter().find(|p| cues.iter().any(|&c| c < p.tok));
        let Some(p) = after(&respond).or_else(|| after(&acknowledge)) else {
            continue;
        };
        // "acknowledge within two days and reply within ten": the reply's period.
        let p = if acknowledge.iter().any(|&a| a < p.tok) {
            found
                .iter()
                .rev()
                .find(|q| respond.iter().any(|&c| c < q.tok))
                .unwrap_or(p)
        } else {
            p
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
