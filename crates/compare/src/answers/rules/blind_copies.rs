//! `blind-copies`: are blind copies of correspondence forbidden?
//!
//! The first sentence naming blind or silent copies (or "Bcc", or a copy sent "without the
//! councillor's knowledge") that rules on them. It only discourages them when it says "avoid",
//! "not normally", "discouraged", "sparingly" and the like, or allows them on a condition of
//! purpose ("may be used only where there is a good reason"), or says "should not" while its
//! clause concedes their use ("Acknowledging that the BCC system of e-mailing is used ...").
//! It forbids them when it says so outright ("must not", "should never", "under no
//! circumstances", "prohibited", "not acceptable"), even with a narrow exception of purpose
//! ("except where the law requires a recipient's address to be withheld"), or says "should
//! not" with no exception or concession. Where they are allowed with someone's leave ("only
//! with the prior agreement of the Chief Executive", "unless the writer has agreed"), they are
//! neither forbidden outright nor merely discouraged: "mentioned, unclear". So is a sentence
//! that names them and rules nothing ("the use of blind copies is a matter for the sender").

use super::super::text::{Sentence, View, Words, any, find_any, first, is_any, matched};
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
    // "Such copies should not be sent blind".
    "sent blind",
    "copied blind",
    "copy blind",
    "copies blind",
];
const FORBID: &[&str] = &[
    "not acceptable",
    "unacceptable",
    "not be tolerated",
    "not permissible",
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
    // "in no circumstances shall", "on no account".
    "no circumstances",
    "no account",
    // "no copy should ever be sent without the knowledge of ...".
    "no copy",
    "no copies",
    // "No councillor is to be blind copied ... under any circumstances".
    "under any circumstances",
    "in any circumstances",
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
    // "It is not the Council's practice to send blind copies".
    "not the council s practice",
    "not council practice",
    "not our practice",
    "not the practice",
    "not normally",
    "discouraged",
    "not recommended",
    "not good practice",
    "not considered good practice",
    "not regarded as good practice",
    // "officers are asked not to do so".
    "asked not to",
    "requested not to",
    // "It is good practice not to blind copy ...": advice, not a ban.
    "good practice not",
    "best practice not",
    "good practice to avoid",
    "frowned upon",
    "frowned on",
    "not encouraged",
    // "strongly advised against using the bcc function": advice, however strong.
    "advised against",
    "advise against",
    "advises against",
    "recommended against",
    "recommend against",
    "poor practice",
    "sparingly",
    // "Blind copies are rarely appropriate" (but "think carefully before using" alone rules
    // nothing).
    "rarely",
    "seldom",
    // "The use of blind copies is to be kept to a minimum".
    "to a minimum",
    "minimi*",
    "wherever possible",
    "as far as possible",
    "generally",
    "normally",
];
/// Words that open an exception or a condition: "except where", "unless", "only with".
const EXCEPTIONS: &[&str] = &[
    "only where",
    "only when",
    "only if",
    "only with",
    "only in",
    "only after",
    "unless",
    "except",
    "save where",
    "save with",
    // "should not, save in exceptional circumstances, ...": an exception of circumstance.
    "save in",
    // "should only be used in exceptional circumstances".
    "in exceptional",
    "save for",
    "save that",
    "except in",
    "other than in",
    "without",
];
/// Words of someone's leave: an exception that turns on one makes the use allowed with
/// permission.
const LEAVE: &[&str] = &[
    "agree*",
    "consent*",
    "approv*",
    "permission",
    "authoris*",
    "authoriz*",
    "sanction*",
    "clearance",
];
/// Allowed, on a condition of purpose: "may be used only where there is a good reason".
const ALLOWED: &[&str] = &[
    "may be used",
    // "should be used only in exceptional circumstances".
    "be used only",
    "only be used",
    "used only",
    "be sent only",
    "only be sent",
    "can be used",
    "may use",
    "can use",
    "is allowed",
    "are allowed",
    // "should use blind copies only in exceptional circumstances", "only use them when".
    "use|used ~3 only",
    "only use*",
];
/// Copies sent unknown to the one written to, forbidden without the word "blind": "shall not
/// be sent to any other person without the councillor's knowledge".
const UNKNOWN: &[&str] = &[
    "without the knowledge",
    "without their knowledge",
    "without his knowledge",
    "without her knowledge",
    "without the councillor s knowledge",
    "without the member s knowledge",
    "without the officer s knowledge",
    "without the writer s knowledge",
    "without the sender s knowledge",
    "without the recipient s knowledge",
    "without telling",
    "without informing",
    // "without this being made known to the recipient", "without the writer being told".
    "without ~4 known|aware|told|informed",
    "secretly",
    "covertly",
    // "a copy must not be sent in a way that hides it from the original recipient".
    "hides it from",
    "hide it from",
    "hidden from",
    "concealed from",
    "conceals it from",
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
            None => match copied_unknown(&sentence.toks) {
                Some(at) => at,
                None => continue,
            },
        };
        // The part of the sentence that speaks of blind copies: "should not be copied to
        // another councillor without the agreement of the writer, and blind copies must never
        // be used" rules on them only after its "and".
        let s = &part(sentence, at);
        let Some(cue) = ruling(s).or_else(|| item_under_modal(sentence, s)) else {
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
        let id = view.clause_of(sentence).id.clone();
        let exception = exception(s);
        if let Some(leave) = exception.as_ref().and_then(|e| e.leave.clone()) {
            if unclear.is_none() {
                let why = format!("{id}: blind copies, allowed with leave (“{leave}”)");
                unclear = Some(Answer::unclear(vec![id], sentence.text.clone(), why));
            }
            continue;
        }
        let allowed = exception.is_some() && any(s, ALLOWED);
        let (forbidden, because) = if let Some(d) = first(s, DISCOURAGE) {
            (false, d)
        } else if let Some(f) = forbids(s) {
            (true, f)
        } else if allowed {
            (
                false,
                format!(
                    "allowed on a condition (“{}”)",
                    exception.map(|e| e.cue).unwrap_or_default()
                ),
            )
        } else if conceded {
            (false, "a concession in the clause".to_string())
        } else if let Some(e) = exception {
            (false, format!("“{cue}” with an exception (“{}”)", e.cue))
        } else {
            (true, cue)
        };
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

/// An exception to a rule on blind copies: its words, and the word of leave it turns on, if
/// any ("unless the writer has agreed", "only with the consent of the Chair").
struct Exception {
    cue: String,
    leave: Option<String>,
}

/// The exception in a part of a sentence, if it holds one: a copy "without the councillor's
/// knowledge" is the blind copy itself, no exception.
fn exception(s: &Words) -> Option<Exception> {
    let (at, cue) = find_any(s, EXCEPTIONS)
        .into_iter()
        .find(|&(k, _)| !(s.word(k) == "without" && any(&Words::new(&after(s, k)), UNKNOWN)))?;
    let rest = Words::new(&after(s, at));
    // Leave is someone's say: a word of leave, or a role the exception names as agreeing.
    let leave = first(&rest, LEAVE);
    Some(Exception {
        cue: matched(s, at, cue),
        leave,
    })
}

/// The words of a part from word `k` on, as text.
fn after(s: &Words, k: usize) -> String {
    (k..s.len())
        .map(|j| s.word(j))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The word of a copy sent unknown to the one written to ("copied ... without the councillor's
/// knowledge"), if the sentence speaks of one.
fn copied_unknown(toks: &Words) -> Option<usize> {
    let (unknown, _) = *find_any(toks, UNKNOWN).first()?;
    let copies = find_any(toks, &["cop*"]);
    // The copy the words of secrecy follow ("is copied to anyone else, ... and no copy should
    // ever be sent without the knowledge of"), else the first.
    copies
        .iter()
        .rev()
        .find(|&&(k, _)| k < unknown)
        .or(copies.first())
        .map(|&(k, _)| k)
}

/// True when the sentence opens by pointing back ("They must never be used"), or speaks of
/// "such copies" anywhere ("Officers should never send such copies").
fn points_back(s: &Sentence) -> bool {
    s.own_words().iter().take(3).any(|t| {
        matches!(
            &*t.lower,
            "they" | "these" | "such" | "this" | "it" | "their"
        )
    }) || any(
        &s.toks,
        &["such cop*", "these cop*", "that practice", "this practice"],
    )
        // A rule with its subject left to the heading: "Not to be used by the Clerk".
        || s
            .own_words()
            .first()
            .is_some_and(|t| matches!(&*t.lower, "not" | "never" | "only" | "avoid"))
}

/// The words of the part of a sentence around word `at`: between semicolons, colons, and
/// commas that open a new statement (", and", ", but", ", or", ", while").
fn part(s: &Sentence, at: usize) -> Words {
    let toks = &s.toks;
    // ", but only where ..." narrows the statement before it (a condition), and opens none.
    let breaks = |k: usize| {
        let gap = &s.text[toks[k - 1].end..toks[k].start];
        let narrows = toks.word(k) == "but" && k + 1 < toks.len() && toks.word(k + 1) == "only";
        gap.contains([';', ':'])
            || (gap.contains(',')
                && !narrows
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

/// Modals that, after "Neither ... nor ...", forbid: "Neither the Clerk nor any councillor
/// shall use the blind copy facility".
const NEITHER_FORBID: &[&str] = &["shall", "must", "may", "will", "can", "is", "are"];

/// The cue of a ban said by naming, with "neither ... nor", everyone it binds, if a part holds
/// one: forbidding after "shall" or "must", a "should not" after "should".
fn neither(s: &Words) -> Option<(String, bool)> {
    let n = (0..s.len()).find(|&k| s.word(k) == "neither")?;
    let nor = (n + 1..s.len()).find(|&k| s.word(k) == "nor")?;
    (nor + 1..s.len().min(nor + 8)).find_map(|k| {
        let w = s.word(k);
        if NEITHER_FORBID.contains(&w) {
            Some((format!("neither … nor … {w}"), true))
        } else if matches!(w, "should" | "ought") {
            Some((format!("neither … nor … {w}"), false))
        } else {
            None
        }
    })
}

/// The cue of an outright ban in a part, if it says one.
fn forbids(s: &Words) -> Option<String> {
    first(s, FORBID)
        .or_else(|| neither(s).filter(|(_, f)| *f).map(|(c, _)| c))
        .or_else(|| no_one(s))
}

/// A ban said of everyone it binds with "no": "No officer shall blind copy ...", "no member
/// may ...", "No one is to ...".
fn no_one(s: &Words) -> Option<String> {
    (0..s.len()).find_map(|k| {
        // "no" before someone bound by the rule: not "where no objection is made"; "Neither
        // council will use blind copies".
        if s.word(k) == "neither" {
            return (k + 1..(k + 4).min(s.len()))
                .find(|&j| matches!(s.word(j), "shall" | "must" | "may" | "will"))
                .map(|j| format!("neither … {}", s.word(j)));
        }
        if s.word(k) != "no"
            || !is_any(
                s.word(k + 1),
                &[
                    "officer*",
                    "member*",
                    "councillor*",
                    "one",
                    "employee*",
                    "person",
                    "staff",
                    "individual",
                    "cop*",
                    "email*",
                    "letter*",
                ],
            )
        {
            return None;
        }
        // "no member or officer shall": a pair bound by it, a few words on.
        (k + 1..(k + 6).min(s.len()))
            .find(|&j| {
                matches!(
                    s.word(j),
                    "shall" | "must" | "may" | "will" | "is" | "are" | "should"
                )
            })
            .map(|j| format!("no … {}", s.word(j)))
    })
}

/// The cue of an item that says "not" under a lead-in ending in a modal: "officers will: ...
/// (c) not send blind copies", "councillors and officers must: ... not use blind copies".
fn item_under_modal(sentence: &Sentence, s: &Words) -> Option<String> {
    if sentence.own == 0 || !matches!(s.word(0), "not" | "never") {
        return None;
    }
    let modal = sentence.toks.word(sentence.own - 1);
    matches!(modal, "must" | "shall" | "will" | "should" | "may")
        .then(|| format!("{modal}: … {}", s.word(0)))
}

/// The cue by which a part of a sentence rules on blind copies, if it does.
fn ruling(s: &Words) -> Option<String> {
    forbids(s)
        .or_else(|| first(s, SHOULD_NOT))
        .or_else(|| neither(s).map(|(c, _)| c))
        .or_else(|| first(s, DISCOURAGE))
        .or_else(|| first(s, ALLOWED).filter(|_| any(s, EXCEPTIONS)))
}
