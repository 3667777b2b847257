//! `review-cycle`: how often is the protocol reviewed, and by which body?
//!
//! The first sentence about reviewing or revising the protocol ("this Protocol will be
//! reviewed", or under a "Review" heading) with a cycle ("every four years", "annually"). The
//! body is the one named in that sentence ("by the Corporate Governance and Standards
//! Committee"), else in another sentence about reviewing the protocol. A protocol that may be
//! "revised at any time" sets no cycle and does not answer.

use super::super::text::{View, any};
use super::super::value::{body, years};
use super::super::{Answer, Value};

const REVIEW: &[&str] = &["review*", "revis*"];
const PROTOCOL: &[&str] = &["protocol", "this document", "this guidance", "this code"];

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    let about_review = |i: usize| {
        let s = &view.sentences[i];
        any(&s.toks, REVIEW) && (any(&s.toks, PROTOCOL) || any(&view.headings[s.clause], REVIEW))
    };
    let (i, n) = (0..view.sentences.len())
        .filter(|&i| about_review(i))
        .find_map(|i| years(&view.sentences[i].toks).map(|n| (i, n)))?;
    let s = &view.sentences[i];
    let named = body(&s.text).or_else(|| {
        (0..view.sentences.len())
            .filter(|&j| j != i && about_review(j))
            .find_map(|j| body(&view.sentences[j].text))
    });
    Some(Answer::from_value(
        Value::Years {
            years: n,
            body: named,
        },
        vec![view.clause_of(s).id.clone()],
        s.text.clone(),
    ))
}
