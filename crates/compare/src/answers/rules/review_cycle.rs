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

use concord_model::WrittenDate;

use super::super::text::{View, Words, any, find_any, first, is_any};
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
    // "refresh their knowledge of this protocol": a person's, not the protocol.
    "knowledge",
    "understanding",
    "awareness",
];

/// The most years a cycle read from two dates may span: longer is no cycle but a gap.
const MOST_YEARS: i32 = 6;

/// Whole years between two dates `months` apart, if a cycle.
fn whole_years(months: i32) -> Option<u32> {
    (months > 0 && months % 12 == 0 && months / 12 <= MOST_YEARS)
        .then(|| u32::try_from(months / 12).ok())
        .flatten()
}

/// A cycle read from the dates of the last review and the next ("Last reviewed: January 2024.
/// Next review: January 2026."; "Reviewed by Council: May 2024. Next review due: May 2025."):
/// the next review's date in a sentence, and a date of review, adoption or approval in the
/// sentence before it in its clause (or earlier in the same sentence).
fn dated(view: &View<'_>) -> Option<Answer> {
    for (i, s) in view.sentences.iter().enumerate() {
        let Some(at) = (0..s.toks.len())
            .find(|&k| s.toks.word(k) == "next" && s.toks.word(k + 1).starts_with("review"))
        else {
            continue;
        };
        let next = WrittenDate::review(&s.text[s.toks[at].start..]).months()?;
        let c = &view.clauses[s.clause];
        // The sentence before it in its clause, or the words before "next" in it.
        let earlier = (c.sentences.start..i)
            .rev()
            .map(|j| view.sentences[j].text.as_str())
            .chain(std::iter::once(&s.text[..s.toks[at].start]))
            .find(|t| {
                let w = Words::new(t);
                any(&w, LAST_DONE) && WrittenDate::review(t).months().is_some()
            })?;
        let Some(n) = whole_years(next - WrittenDate::review(earlier).months()?) else {
            continue;
        };
        let id = view.clause_of(s).id.clone();
        let named = body(earlier, view.lexicon);
        let why = format!("{id}: the next review {} after the last", span(n));
        return Some(Answer::from_value(
            Value::Years {
                years: n,
                body: named,
            },
            vec![id],
            format!("{} {}", earlier.trim(), s.text.trim()),
            why,
        ));
    }
    None
}

/// "a year", "2 years".
fn span(n: u32) -> String {
    if n == 1 {
        "a year".to_string()
    } else {
        format!("{n} years")
    }
}

/// Words of a review, adoption or approval done.
const LAST_DONE: &[&str] = &[
    "review*", "adopt*", "approv*", "agreed", "last", "updated", "issued",
];

/// A cycle read from the version table: its rows' next-review dates a whole number of years
/// apart, all alike ("New Review date": May 2025, May 2026, May 2027), else one row's date and
/// its next review. The table is no clause: the answer cites none.
fn versions(view: &View<'_>) -> Option<Answer> {
    let reviews: Vec<i32> = view
        .versions
        .iter()
        .filter_map(|v| v.review.as_ref()?.months())
        .collect();
    let gaps: Vec<i32> = reviews.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
    let n = match gaps.first() {
        Some(&g) if gaps.iter().all(|&x| x == g) => whole_years(g)?,
        Some(_) => return None,
        None => view.versions.iter().find_map(|v| {
            let done = v.date.as_ref()?.months()?;
            whole_years(v.review.as_ref()?.months()? - done)
        })?,
    };
    let dates: Vec<String> = view
        .versions
        .iter()
        .filter_map(|v| v.review.as_ref().map(ToString::to_string))
        .collect();
    let why = format!(
        "the version table's next-review dates ({}) are {} apart",
        dates.join(", "),
        span(n)
    );
    Some(Answer::from_value(
        Value::Years {
            years: n,
            body: None,
        },
        Vec::new(),
        format!("Version table: next review {}", dates.join(", ")),
        why,
    ))
}

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
        // "refresh their training on this Protocol": what is reviewed is the other thing.
        let reviews_other = find_any(&s.toks, REVIEW).into_iter().any(|(k, _)| {
            (k + 1..(k + 4).min(s.toks.len()))
                .take_while(|&j| {
                    j == k + 1
                        || matches!(
                            s.toks.word(j - 1),
                            "the" | "their" | "its" | "our" | "his" | "her"
                        )
                })
                .any(|j| is_any(s.toks.word(j), OTHER_OBJECTS))
        });
        if reviews_other {
            return false;
        }
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
    let Some((i, (n, cycle))) = (0..view.sentences.len())
        .filter(|&i| about_review(i))
        .find_map(|i| years(&view.sentences[i].toks, view.term).map(|n| (i, n)))
    else {
        return dated(view).or_else(|| versions(view));
    };
    let s = &view.sentences[i];
    // "The Committee will review the Protocol": which committee, the clause before may say.
    let bare = |b: &String| b.eq_ignore_ascii_case("committee");
    let named = body(&s.text, view.lexicon)
        .filter(|b| !bare(b))
        .or_else(|| {
            view.before(s.clause)
                .next()
                .and_then(|b| body(&view.clauses[b].clause.text, view.lexicon))
                .filter(|b| b.ends_with("Committee") && !bare(b))
        })
        .or_else(|| body(&s.text, view.lexicon))
        .or_else(|| {
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
