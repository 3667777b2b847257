//! `review-cycle`: how often is the protocol reviewed, and by which body?
//!
//! The first sentence about reviewing or revising the protocol ("this Protocol will be
//! reviewed", or under a "Review" heading, or "it" in a clause about the protocol) with a cycle
//! ("every four years", "annually", "biennially", "quadrennially", "at least once in each
//! council term"). Under a "Review" heading, a sentence that considers or reports on the
//! protocol on a cycle is its review too. The body is the one named in that sentence ("by the Corporate Governance and
//! Standards Committee", "The Council will review"), else the role that reviews ("The
//! Monitoring Officer will review"), else one named in another sentence about reviewing the
//! protocol. A protocol that may be "revised at any time" sets no cycle and does not answer;
//! the review of anything else (complaints, the register) is not the protocol's.

use super::super::text::{View, any, first};
use super::super::value::{body, years};
use super::super::{Answer, Value};

const REVIEW: &[&str] = &[
    "review*",
    "revis*",
    "re examin*",
    "reconsider*",
    "revisit*",
    "looked at again",
    "look at it again",
    "look* again",
    "look* at this protocol again",
    "look* at the protocol again",
    "look* at it again",
    // "will look at this protocol afresh", "consider it anew".
    "afresh",
    "anew",
    "updat*",
    // Not "refresher training".
    "refresh",
    "refreshed",
    "refreshes",
    "refreshing",
];
const PROTOCOL: &[&str] = &[
    "protocol",
    "this document",
    "this guidance",
    "this code",
    "these arrangements",
    "these guidelines",
];

/// Words of reporting on how the protocol works, which under a heading about reviewing it
/// are its review ("Review of this Protocol": "The Monitoring Officer will report to the
/// Standards Committee every two years on whether changes are needed").
const REPORTING: &[&str] = &[
    "report*",
    "consider*",
    "look*",
    "changes",
    "amendment*",
    "how the protocol",
    "how this protocol",
    "fit for purpose",
];
/// Other things reviewed on a cycle: a sentence naming one (and not the protocol) reviews
/// that, whatever its heading or the clause before says.
const OTHER_OBJECTS: &[&str] = &[
    "register*",
    "standing orders",
    "code of conduct",
    "appraisal*",
    "allowances",
    "complaint*",
    "salar*",
    "structure",
    "policy",
    "policies",
    "decisions",
    "performance",
    "constitution",
    "training",
];

/// Headings over a document's own particulars ("Document control: ... Review frequency:
/// biennial"): a review said there is the protocol's.
const DOCUMENT_CONTROL: &[&str] = &[
    "document control",
    "version control",
    "document information",
    "document details",
    "document history",
];

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    let about_review = |i: usize| {
        let s = &view.sentences[i];
        let c = &view.clauses[s.clause];
        let own = any(&s.toks, PROTOCOL) || any(&c.heading, DOCUMENT_CONTROL);
        if !own && any(&s.toks, OTHER_OBJECTS) {
            return false;
        }
        // "It will be reviewed ..." after a clause about the protocol.
        let points_back = s
            .own_words()
            .iter()
            .any(|t| matches!(&*t.lower, "it" | "this" | "these"));
        let before = view.before(s.clause).next();
        let heading_review = (any(&c.heading, REVIEW) || any(&c.heading, &["up to date"]))
            && !any(&c.heading, &["complaint*"]);
        // A heading about reviewing (the protocol, or a plain "Review" over a sentence naming
        // the protocol) makes a report on it on a cycle its review.
        // Under "Review of this Protocol", "The Committee will carry this out each municipal
        // year" points back to the review the heading names.
        let reviews = any(&s.toks, REVIEW)
            || (heading_review && (any(&c.heading, PROTOCOL) || own) && any(&s.toks, REPORTING))
            || (heading_review
                && any(&c.heading, PROTOCOL)
                && points_back
                && !any(&s.toks, PROTOCOL)
                && !any(&s.toks, OTHER_OBJECTS));
        // The clause before speaks of reviewing the protocol: "The Monitoring Officer will keep
        // this Protocol under review ..." then "In any event, a full review ...".
        let before_reviews = before.is_some_and(|b| {
            let w = &view.clauses[b].words;
            any(w, REVIEW) && any(w, PROTOCOL)
        });
        reviews
            && (own
                || heading_review
                || before_reviews
                || (points_back
                    && (any(&c.words, PROTOCOL)
                        || before.is_some_and(|b| any(&view.clauses[b].words, PROTOCOL)))))
    };
    let (i, (n, cycle)) = (0..view.sentences.len())
        .filter(|&i| about_review(i))
        .find_map(|i| years(&view.sentences[i].toks, view.term).map(|n| (i, n)))?;
    let s = &view.sentences[i];
    let named = body(&s.text, view.lexicon).or_else(|| {
        (0..view.sentences.len())
            .filter(|&j| j != i && about_review(j))
            .find_map(|j| body(&view.sentences[j].text, view.lexicon))
    });
    let id = view.clause_of(s).id.clone();
    let review = first(&s.toks, REVIEW).unwrap_or_else(|| "review".into());
    let why = format!(
        "{id}: “{review}” with “{cycle}”{}",
        named
            .as_ref()
            .map(|b| format!(", by the {b}"))
            .unwrap_or_default()
    );
    Some(Answer::from_value(
        Value::Years {
            years: n,
            body: named,
        },
        vec![id],
        s.text.clone(),
        why,
    ))
}
