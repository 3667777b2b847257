//! `blind-copies`: are blind copies of correspondence forbidden?
//!
//! The first sentence naming blind or silent copies (or "Bcc"). It forbids them when it says so
//! outright ("must not", "should never", "under no circumstances", "prohibited"), or says
//! "should not" with no concession in its clause; it only discourages them when it says "should
//! not" but its clause concedes their use ("Acknowledging that the BCC system of e-mailing is
//! used, it should be made clear ..."), or says "avoid", "not normally", "discouraged", or
//! allows them only on a condition ("may be used, but only where there is a good reason").

use super::super::text::{Sentence, View, any};
use super::super::{Answer, Value};

const BLIND: &[&str] = &[
    "blind cop*",
    "silent cop*",
    "bcc",
    "blind copied",
    "blind copying",
];
const FORBID: &[&str] = &[
    "must not",
    "must never",
    "should never",
    "shall not",
    "never",
    "under no circumstances",
    "not permitted",
    "not be permitted",
    "prohibited",
    "forbidden",
    "not allowed",
    "not be used",
];
const SHOULD_NOT: &[&str] = &["should not"];
const DISCOURAGE: &[&str] = &[
    "avoid*",
    "not normally",
    "discouraged",
    "not recommended",
    "sparingly",
    // Allowed with a condition: "may be used, but only where there is a good reason".
    "only where",
    "only when",
    "only if",
    "only with",
];
const CONCESSION: &[&str] = &[
    "acknowledg*",
    "where necessary",
    "exceptionally",
    "if used",
    "where used",
    "is used",
];

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    let (i, s) = view
        .sentences
        .iter()
        .enumerate()
        .find(|(_, s)| any(&s.toks, BLIND) && ruling(s))?;
    let clause_sentences: Vec<&Sentence> = view
        .sentences
        .iter()
        .filter(|o| o.clause == s.clause)
        .collect();
    let conceded = clause_sentences
        .iter()
        .any(|o| any(&o.toks, CONCESSION) && any(&o.toks, BLIND));
    let forbidden = if any(&s.toks, DISCOURAGE) {
        false
    } else if any(&s.toks, FORBID) {
        true
    } else {
        !conceded
    };
    let _ = i;
    Some(Answer::from_value(
        Value::Forbidden { forbidden },
        vec![view.clause_of(s).id.clone()],
        s.text.clone(),
    ))
}

/// True when the sentence says what may be done with blind copies.
fn ruling(s: &Sentence) -> bool {
    any(&s.toks, FORBID) || any(&s.toks, SHOULD_NOT) || any(&s.toks, DISCOURAGE)
}
