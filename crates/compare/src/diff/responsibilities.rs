//! Responsibility changes: for each question of the catalogue whose answer differs between the
//! two versions (another typed route, so "X or Y" becoming "X, then Y" is a change; another
//! value; or covered in one and not the other), the old and new answers, from
//! [`crate::answers`]. Rewording that keeps the route and the value is not a responsibility
//! change, and neither is a topic going from "not covered" to "mentioned, unclear" or back.

use concord_model::Document;
use serde::Serialize;

use crate::answers::{Answer, answers};

/// One question whose answer changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponsibilityChange {
    /// The question id (`officer-complaint-about-councillor`).
    pub question: String,
    /// The old version's answer, or null when it did not cover the question.
    pub old: Option<Answer>,
    /// The new version's answer, or null when it does not cover the question.
    pub new: Option<Answer>,
}

impl ResponsibilityChange {
    /// The change in plain words, quoting the clause each side comes from: "Officer
    /// complaints about councillors: Monitoring Officer -> Chief Executive (6.2)" when both
    /// come from one clause, "Clerk (4.2) -> Clerk or Chair (4.3)" when not.
    pub fn line(&self) -> String {
        let topic = concord_model::questions::question(&self.question)
            .map_or(self.question.as_str(), |q| q.topic);
        let side = |a: Option<&Answer>| a.map_or("not covered".to_string(), |a| a.summary.clone());
        let main = |a: Option<&Answer>| a.and_then(|a| a.clauses.first().cloned());
        let (old, new) = (self.old.as_ref(), self.new.as_ref());
        let at = |c: Option<String>| c.map(|c| format!(" ({c})")).unwrap_or_default();
        match (main(old), main(new)) {
            (Some(o), Some(n)) if o != n => format!(
                "{topic}: {}{} -> {}{}",
                side(old),
                at(Some(o)),
                side(new),
                at(Some(n))
            ),
            (o, n) => format!("{topic}: {} -> {}{}", side(old), side(new), at(n.or(o))),
        }
    }
}

/// The responsibility changes between two versions, in catalogue order.
pub(crate) fn changes(old: &Document, new: &Document) -> Vec<ResponsibilityChange> {
    // Answering every question is most of a long redline's time, and the two versions are
    // independent: both at once, in the pool, when both are long enough to be worth it.
    const WORTH_A_THREAD: usize = 500;
    let long = |d: &Document| d.clauses().len() >= WORTH_A_THREAD;
    let (a, b) = if long(old) && long(new) {
        rayon::join(|| answers(old), || answers(new))
    } else {
        (answers(old), answers(new))
    };
    a.into_iter()
        .zip(b)
        .filter_map(|((question, old), (_, new))| {
            // "Mentioned, unclear" says nothing: it is no change from or to "not covered".
            fn said(a: &Option<Answer>) -> Option<&Answer> {
                a.as_ref().filter(|a| !a.unclear)
            }
            let changed = match (said(&old), said(&new)) {
                (None, None) => false,
                (Some(x), Some(y)) => x.differs_from(y),
                _ => true,
            };
            changed.then(|| ResponsibilityChange {
                question: question.to_string(),
                old,
                new,
            })
        })
        .collect()
}
