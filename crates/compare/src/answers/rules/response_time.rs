//! `response-time`: what response time is set for correspondence between councillors and
//! officers?
//!
//! The first sentence with a verb of responding ("respond", "response", "reply", "answer",
//! "deal with") and a period of days ("within one week from receipt", "within ten working
//! days", "within two business days"), about correspondence or enquiries between councillors
//! and officers (letters, emails, enquiries, requests, or councillors and members named in the
//! sentence, its clause or its heading), not the public's complaints or requests under the
//! Freedom of Information Act. The full reply's period is the answer: an acknowledgement or a
//! holding reply is not ("acknowledge within two days and reply within ten" is ten). A
//! sentence that sets only an acknowledgement, or a response in months, is "mentioned,
//! unclear". A week is seven calendar days, or five working days.

use super::super::text::{View, Words, any, carved_out, find_any, is_any};
use super::super::topic::POINTERS;
use super::super::value::{Period, ahead, counted, days_are_working, periods};
use super::super::{Answer, Value};

const RESPOND: &[&str] = &[
    "respond*",
    "response*",
    "reply",
    "replies",
    "replied",
    "answer*",
    "dealt with",
    "deal with",
    "reply*",
];
const ACKNOWLEDGE: &[&str] = &[
    "acknowledg*",
    "holding reply",
    "holding response",
    "interim reply",
    "interim response",
    "receipt",
];
const CORRESPONDENCE: &[&str] = &[
    "correspondence",
    "letter*",
    "email*",
    "e mail*",
    "enquir*",
    "inquir*",
    "quer*",
    "request*",
    "message*",
    "call*",
    "casework",
    "councillor*",
    "member*",
    "cllr*",
    "written",
    // "When you write to an officer".
    "write to",
    "writes to",
    "writing to",
];
/// Correspondence that is not between councillors and officers.
const OTHERS: &[&str] = &[
    // Requests from outside the council: "a request from another authority".
    "another authority",
    "other authorities",
    "another council",
    "other councils",
    "outside bodies",
    "freedom of information",
    "foi",
    "members of the public",
    "public",
    "resident*",
    "customer*",
    "complainant*",
    "complaints procedure",
    "agenda*",
    "minutes",
];

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    let mut unclear = None;
    let days_working = days_are_working(view);
    for s in &view.sentences {
        // "not expected to answer" sets no time.
        let negated = |k: usize| {
            (k.saturating_sub(3)..k).any(|j| matches!(s.toks.word(j), "not" | "never" | "no"))
        };
        let mut respond: Vec<usize> = find_any(&s.toks, RESPOND)
            .into_iter()
            .map(|c| c.0)
            .filter(|&k| !negated(k))
            .collect();
        // "Timescales for replying to councillors": the heading says what the period is for.
        let heading = &view.clauses[s.clause].heading;
        // It owns a period no cue in the sentence comes before ("The standard is fifteen
        // working days, with a holding reply where a full answer will take longer").
        if any(heading, RESPOND) && !any(heading, ACKNOWLEDGE) && respond.first() != Some(&0) {
            respond.insert(0, 0);
        }
        // "Officers should respond to councillors' enquiries promptly. The standard for this
        // purpose is five working days": a sentence pointing back to the clause before.
        let points_back = s
            .own_words()
            .iter()
            .take(6)
            .any(|t| is_any(&t.lower, POINTERS));
        if respond.is_empty()
            && points_back
            && view
                .before(s.clause)
                .next()
                .is_some_and(|b| any(&view.clauses[b].words, RESPOND))
        {
            respond.push(0);
        }
        let acknowledge: Vec<usize> = find_any(&s.toks, ACKNOWLEDGE)
            .into_iter()
            .map(|c| c.0)
            .collect();
        // "a holding reply", "an interim response": the reply word of an acknowledgement.
        respond.retain(|&r| !acknowledge.iter().any(|&a| a < r && r <= a + 2));
        if respond.is_empty() && acknowledge.is_empty() {
            continue;
        }
        let c = &view.clauses[s.clause];
        // The clause before in the section may say what is being answered ("Councillors'
        // correspondence is a priority. A reply is to be sent within 15 working days").
        let before = view
            .before(s.clause)
            .next()
            .is_some_and(|b| any(&view.clauses[b].words, CORRESPONDENCE));
        let about_members = any(&s.toks, CORRESPONDENCE)
            || any(&c.words, CORRESPONDENCE)
            || any(&c.heading, CORRESPONDENCE)
            || before;
        // Requests under the information laws keep their statutory time whoever makes them.
        if !about_members || statutory(&s.toks) || (any(&s.toks, OTHERS) && !members_named(&s.toks))
        {
            continue;
        }
        // A period ahead of something ("at least seven working days before the meeting") is
        // notice, not a time to answer in.
        let found: Vec<Period> = periods(&s.toks)
            .into_iter()
            .filter(|p| !ahead(&s.toks, p))
            .collect();
        let id = view.clause_of(s).id.clone();
        if found.is_empty() {
            if any(&s.toks, &["month", "months"]) && unclear.is_none() {
                let why = format!("{id}: a response time in months, not days");
                unclear = Some(Answer::unclear(vec![id], s.text.clone(), why));
            }
            continue;
        }
        // Each period belongs to the nearest cue before it (or, with none before, after it).
        let owner = |p: &Period| -> Option<bool> {
            // "three working days for an acknowledgement and twelve for a full reply": a cue
            // the period is said to be "for" owns it.
            let for_at = (p.tok + 1..(p.tok + 6).min(s.toks.len()))
                .find(|&j| s.toks.word(j) == "for")
                .filter(|&j| {
                    !(p.tok + 1..j).any(|i| RESPOND_OR_ACK_STOP.contains(&s.toks.word(i)))
                });
            if let Some(j) = for_at {
                let near = |cues: &[usize]| cues.iter().any(|&c| c > j && c <= j + 4);
                match (near(&respond), near(&acknowledge)) {
                    (true, false) => return Some(true),
                    (false, true) => return Some(false),
                    _ => {}
                }
            }
            let before = |cues: &[usize]| cues.iter().filter(|&&c| c < p.tok).max().copied();
            let after = |cues: &[usize]| cues.iter().filter(|&&c| c > p.tok).min().copied();
            match (before(&respond), before(&acknowledge)) {
                (Some(r), Some(a)) => Some(r > a),
                (Some(_), None) => Some(true),
                (None, Some(_)) => Some(false),
                (None, None) => match (after(&respond), after(&acknowledge)) {
                    (Some(r), Some(a)) => Some(r < a),
                    (Some(_), None) => Some(true),
                    (None, Some(_)) => Some(false),
                    (None, None) => None,
                },
            }
        };
        // Different times for different kinds of message ("letters within 10 working days
        // and emails within 2"): no one response time.
        let replies: Vec<&Period> = found.iter().filter(|p| owner(p) == Some(true)).collect();
        let channels = [
            "letter*",
            "email*",
            "e mail*",
            "call*",
            "telephone*",
            "message*",
            "text*",
        ]
        .iter()
        .filter(|c| any(&s.toks, &[**c]))
        .count();
        if channels >= 2
            && replies
                .iter()
                .any(|p| (p.days, p.working) != (replies[0].days, replies[0].working))
        {
            if unclear.is_none() {
                let why = format!("{id}: different reply times for different messages");
                unclear = Some(Answer::unclear(vec![id], s.text.clone(), why));
            }
            continue;
        }
        let reply = replies.first().copied();
        let Some(p) = reply else {
            if unclear.is_none() && found.iter().any(|p| owner(p) == Some(false)) {
                let why = format!("{id}: an acknowledgement period, no full reply");
                unclear = Some(Answer::unclear(vec![id], s.text.clone(), why));
            }
            continue;
        };
        let why = format!("{id}: “{}” {}", cue_word(&s.toks, &respond, p.tok), p.words);
        return Some(Answer::from_value(
            Value::Days {
                days: p.days,
                working: counted(p, days_working),
            },
            vec![id],
            s.text.clone(),
            why,
        ));
    }
    unclear
}

/// Requests whose time the law sets, even when a councillor makes them.
const STATUTORY: &[&str] = &[
    "freedom of information",
    "foi",
    "environmental information",
    "subject access",
];

/// True when the sentence sets the time of a request the law governs, and not as the
/// exception it carves out ("save in the case of requests under the Freedom of Information
/// Act ..., officers shall respond within ten working days").
fn statutory(toks: &Words) -> bool {
    find_any(toks, STATUTORY)
        .into_iter()
        .any(|(k, _)| !carved_out(toks, k))
}

/// Words that end a period's phrase before any "for" could belong to it.
const RESPOND_OR_ACK_STOP: &[&str] = &["and", "or", "but", "then"];

/// True when councillors are named ("members of the public" are not).
fn members_named(toks: &Words) -> bool {
    (0..toks.len()).any(|k| match toks.word(k) {
        "councillor" | "councillors" | "cllr" | "cllrs" => true,
        "member" | "members" => !(toks.word(k + 1) == "of" && toks.word(k + 3) == "public"),
        _ => false,
    })
}

/// The reply cue nearest before a period (or the first one).
fn cue_word(toks: &Words, cues: &[usize], at: usize) -> String {
    let k = cues
        .iter()
        .filter(|&&c| c < at)
        .max()
        .or_else(|| cues.first())
        .copied()
        .unwrap_or(0);
    toks.word(k).to_string()
}
