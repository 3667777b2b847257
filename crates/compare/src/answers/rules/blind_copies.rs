//! `blind-copies`: are blind copies of correspondence forbidden?
//!
//! The first sentence naming blind or silent copies (or "Bcc") that rules on them. It forbids
//! them when it says so outright ("must not", "should never", "under no circumstances",
//! "prohibited"), or says "should not" with no concession in its clause; it only discourages
//! them when it says "should not" but its clause concedes their use ("Acknowledging that the
//! BCC system of e-mailing is used, it should be made clear ..."), or says "avoid", "not
//! normally", "discouraged", or allows them only on a condition ("may be used, but only where
//! there is a good reason", "not ... unless"). A sentence that names them and rules nothing
//! ("the use of blind copies is a matter for the sender") is "mentioned, unclear".

use super::super::text::{Sentence, View, Words, any, find_any, first};
use super::super::{Answer, Value};

const BLIND: &[&str] = &[
    "blind cop*",
    "silent cop*",
    "bcc",
    "bccs",
    "bcc d",
    "bcc ing",
    "blind copied",
    "blind copying",
    "blind carbon cop*",
    "blind carbon copied",
];
const FORBID: &[&str] = &[
    "must not",
    "must never",
    "should never",
    "shall not",
    "shall never",
    "will not",
    "will never",
    "may not",
    "never",
    "under no circumstances",
    "not permitted",
    "not be permitted",
    "prohibited",
    "forbidden",
    "not allowed",
    "not to be used",
    "no blind",
    "are not to",
    "is not to",
];
/// "Should not", and imperatives: forbidding unless the clause concedes their use.
const SHOULD_NOT: &[&str] = &[
    "should not",
    "ought not",
    "do not",
    "does not",
    "are not",
    "refrain*",
    "inappropriate",
];
const DISCOURAGE: &[&str] = &[
    "avoid*",
    "not normally",
    "discouraged",
    "not recommended",
    "not good practice",
    "poor practice",
    "sparingly",
    "wherever possible",
    "as far as possible",
    "generally",
    "normally",
    // Allowed with a condition: "may be used, but only where there is a good reason".
    "only where",
    "only when",
    "only if",
    "only with",
    "only in",
    "unless",
    "except",
    "without",
    "may be used",
    "can be used",
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
    let mut unclear = None;
    for sentence in &view.sentences {
        // Blind copies named in the sentence, or in the heading with the sentence pointing
        // back to them ("Blind copies": "They must never be used").
        let at = match find_any(&sentence.toks, BLIND).first() {
            Some(&(at, _)) => at,
            None if any(view.heading(sentence), BLIND) && points_back(sentence) => sentence.own,
            None => continue,
        };
        // The part of the sentence that speaks of blind copies: "should not be copied to
        // another councillor without the agreement of the writer, and blind copies must never
        // be used" rules on them only after its "and".
        let s = &part(sentence, at);
        let Some(cue) = ruling(s) else {
            if unclear.is_none() {
                let id = view.clause_of(sentence).id.clone();
                let why = format!("{id}: names blind copies but rules nothing on them");
                unclear = Some(Answer::unclear(vec![id], sentence.text.clone(), why));
            }
            continue;
        };
        let conceded = view
            .sentences
            .iter()
            .filter(|o| o.clause == sentence.clause)
            .any(|o| any(&o.toks, CONCESSION) && any(&o.toks, BLIND));
        let (forbidden, because) = if let Some(d) = first(s, DISCOURAGE) {
            (false, d)
        } else if let Some(f) = first(s, FORBID) {
            (true, f)
        } else if conceded {
            (false, "a concession in the clause".to_string())
        } else {
            (true, cue)
        };
        let id = view.clause_of(sentence).id.clone();
        let why = format!("{id}: blind copies, “{because}”");
        return Some(Answer::from_value(
            Value::Forbidden { forbidden },
            vec![id],
            sentence.text.clone(),
            why,
        ));
    }
    unclear
}

/// True when the sentence opens by pointing back ("They must never be used").
fn points_back(s: &Sentence) -> bool {
    s.own_words().iter().take(3).any(|t| {
        matches!(
            &*t.lower,
            "they" | "these" | "such" | "this" | "it" | "their"
        )
    })
}

/// The words of the part of a sentence around word `at`: between semicolons, colons, and
/// commas that open a new statement (", and", ", but", ", or", ", while").
fn part(s: &Sentence, at: usize) -> Words {
    let toks = &s.toks;
    let breaks = |k: usize| {
        let gap = &s.text[toks[k - 1].end..toks[k].start];
        gap.contains([';', ':'])
            || (gap.contains(',')
                && matches!(
                    toks.word(k),
                    "and" | "but" | "or" | "while" | "whilst" | "although"
                ))
    };
    let mut start = at;
    while start > 0 && !breaks(start) {
        start -= 1;
    }
    let mut end = at + 1;
    while end < toks.len() && !breaks(end) {
        end += 1;
    }
    let from = toks[start].start;
    let to = toks.get(end).map_or(s.text.len(), |t| t.start);
    Words::new(&s.text[from..to])
}

/// The cue by which a part of a sentence rules on blind copies, if it does.
fn ruling(s: &Words) -> Option<String> {
    first(s, FORBID)
        .or_else(|| first(s, SHOULD_NOT))
        .or_else(|| first(s, DISCOURAGE))
}
