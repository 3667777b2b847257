//! `ward-member-notice`: how much notice do ward members get of matters affecting their ward?
//!
//! The first sentence in which ward or local members (named in the sentence, its clause, the
//! heading above it or, pointed back to, the clause before) are given notice: they are told,
//! informed, notified, briefed or given notice ("will be told", "should receive ... notice",
//! "brief the ward members"), with a period of days that is notice ahead of a matter ("seven
//! days before publication", "five working days' notice", "at least two weeks in advance"). A
//! delay after something ("within five working days of its receipt") is no notice, nor is
//! notice the ward member gives; a meeting's agenda sent to every member is not a ward matter.

use super::super::text::{Sentence, View, Words, any, first, is_any};
use super::super::topic::POINTERS;
use super::super::value::{ahead, counted, days_are_working, periods};
use super::super::{Answer, Value};

const WARD: &[&str] = &[
    "ward member*",
    "ward councillor*",
    "ward cllr*",
    "their ward*",
    "your ward*",
    // "How much warning will I get of council works in my ward?"
    "my ward*",
    "each ward",
    "a ward",
    "ward concerned",
    "councillors for the ward",
    "members for the ward",
    "members for a ward",
    "local member*",
    "local councillor*",
    "division member*",
    "divisional member*",
    "division councillor*",
    "electoral division*",
    "member for the area",
    "members for the area",
    "councillor for the area",
    "councillors for the area",
    "councillors for a ward",
    "their area",
    "their division",
    "locality",
];
/// Being told: passive ("will be told") or a noun of receiving ("receive ... notice").
const TOLD: &[&str] = &[
    "be told",
    "be informed",
    "be notified",
    "be briefed",
    "be advised",
    "be given",
    "be sent",
    "be consulted",
    "be alerted",
    "be warned",
    "receive*",
    "get",
    "gets",
    "given",
    "have",
    "has",
    "entitled to",
    "kept informed",
    "kept briefed",
    "kept advised",
];
/// Coming to know ("should hear of it from officers", "learn of", "be made aware"): told only
/// when councillors are the ones who come to know.
const COME_TO_KNOW: &[&str] = &["hear", "learn", "aware"];
/// Participles of telling, passive after any form of "be" ("are told", "is notified", "will
/// be invited", "have been briefed").
const TOLD_PARTICIPLES: &[&str] = &[
    "told",
    "informed",
    "notified",
    "briefed",
    "advised",
    "alerted",
    "warned",
    "invited",
    "consulted",
    "sent",
    "given",
];
const BE: &[&str] = &["be", "is", "are", "was", "were", "been", "being"];
/// Verbs of telling someone named after them ("brief the ward members").
const TELL: &[&str] = &[
    "tell", "notify", "inform", "brief", "advise", "give", "send", "alert", "warn", "invite",
    // "let ward members know".
    "let",
    // What reaches them: "information is to reach the ward councillors three clear days before".
    "reach", "reaches",
];
const OTHERS: &[&str] = &["agenda*", "summons", "all members", "all councillors"];

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    let days_working = days_are_working(view);
    for (index, s) in view.sentences.iter().enumerate() {
        // A period of notice first: most sentences have none.
        let Some(p) = periods(&s.toks).into_iter().find(|p| ahead(&s.toks, p)) else {
            continue;
        };
        let c = &view.clauses[s.clause];
        let before = view.before(s.clause).next();
        let points_back = s
            .own_words()
            .iter()
            .take(6)
            .any(|t| is_any(&t.lower, POINTERS));
        let ward = first(&s.toks, WARD)
            .or_else(|| near_ward(&s.toks))
            .or_else(|| view.clause_first(s.clause, WARD, false))
            .or_else(|| near_ward(&c.words))
            .or_else(|| view.clause_first(s.clause, WARD, true))
            .or_else(|| {
                before
                    .filter(|_| points_back)
                    .and_then(|b| view.clause_first(b, WARD, false))
            });
        let Some(ward) = ward else {
            continue;
        };
        // Told in the sentence, or in the one before it in the clause ("Officers tell the
        // councillors for a ward ... They do so at least seven days in advance").
        let told_before = index > c.sentences.start && told(&view.sentences[index - 1]);
        if any(&s.toks, OTHERS) || !(told(s) || told_before) || gives_notice(s) {
            continue;
        }
        let id = view.clause_of(s).id.clone();
        let why = format!("{id}: “{ward}” told {}", p.words);
        return Some(Answer::from_value(
            Value::Days {
                days: p.days,
                working: counted(&p, days_working),
            },
            vec![id],
            s.text.clone(),
            why,
        ));
    }
    None
}

/// How near a ward word and a councillor word must stand to name ward members ("Councillors
/// for the wards affected", "the members for a rural division").
const WARD_REACH: usize = 4;

/// Ward members named by a ward (or electoral division) word near a councillor word, in either
/// order: "Councillors for any wards affected", "the divisions' members".
fn near_ward(toks: &Words) -> Option<String> {
    let ward = |w: &str| matches!(w, "ward" | "wards" | "division" | "divisions");
    let member = |w: &str| {
        matches!(
            w,
            "councillor" | "councillors" | "member" | "members" | "cllr" | "cllrs"
        )
    };
    (0..toks.len()).find_map(|k| {
        if !ward(toks.word(k)) {
            return None;
        }
        let from = k.saturating_sub(WARD_REACH);
        let to = (k + WARD_REACH + 1).min(toks.len());
        (from..to)
            .find(|&j| member(toks.word(j)))
            .map(|j| format!("{} … {}", toks.word(j.min(k)), toks.word(j.max(k))))
    })
}

/// True when the ward member is the one who gives the notice: named first, as the subject,
/// then an active verb of giving ("A ward councillor who wants officers to attend should give
/// them ten working days' notice").
fn gives_notice(s: &Sentence) -> bool {
    let own = s.own_words();
    let word = |k: usize| own.get(k).map_or("", |t| &*t.lower);
    let at = usize::from(matches!(word(0), "a" | "an" | "the" | "any" | "each"));
    let subject = matches!(word(at), "ward" | "local" | "division")
        && is_any(word(at + 1), &["councillor*", "member*"]);
    let passive = (1..s.toks.len()).any(|k| {
        is_any(s.toks.word(k), TOLD_PARTICIPLES)
            && (k.saturating_sub(3)..k).any(|j| is_any(s.toks.word(j), BE))
    });
    subject
        && !passive
        && (0..s.toks.len()).any(|k| {
            matches!(
                s.toks.word(k),
                "give" | "gives" | "send" | "sends" | "provide" | "provides"
            ) && (k.saturating_sub(2)..k)
                .any(|j| matches!(s.toks.word(j), "should" | "must" | "will" | "shall" | "to"))
        })
}

/// True when someone is told in the sentence: a passive of telling, a noun of receiving, a
/// verb of telling whose object is ward members or "them", or something sent "to" them
/// ("communication of such information to local members will be made").
fn told(s: &Sentence) -> bool {
    if any(&s.toks, TOLD) {
        return true;
    }
    // "the members for that ward should hear of it": councillors named just before.
    let come_to_know = (0..s.toks.len()).any(|k| {
        is_any(s.toks.word(k), COME_TO_KNOW)
            && (k.saturating_sub(6)..k).any(|j| {
                matches!(
                    s.toks.word(j),
                    "members" | "councillors" | "member" | "councillor" | "they"
                )
            })
    });
    if come_to_know {
        return true;
    }
    // "are told", "is to be notified", "have already been briefed".
    let passive = (1..s.toks.len()).any(|k| {
        is_any(s.toks.word(k), TOLD_PARTICIPLES)
            && (k.saturating_sub(3)..k).any(|j| is_any(s.toks.word(j), BE))
    });
    if passive {
        return true;
    }
    let ward_word = |w: &str| {
        matches!(
            w,
            "local" | "division" | "divisional" | "them" | "members" | "councillors"
        )
    };
    let to_them = (0..s.toks.len()).any(|k| {
        s.toks.word(k) == "to"
            && (k + 1..(k + 4).min(s.toks.len()))
                .map(|j| s.toks.word(j))
                .find(|w| !matches!(*w, "the" | "a" | "an" | "any" | "relevant" | "all"))
                .is_some_and(ward_word)
    });
    if to_them {
        return true;
    }
    // The one told is a councillor ("brief the ward members"), not "the ward manager".
    (0..s.toks.len()).any(|k| {
        is_any(s.toks.word(k), TELL)
            && (k + 1..(k + 5).min(s.toks.len())).any(|j| {
                matches!(
                    s.toks.word(j),
                    "them" | "you" | "members" | "councillors" | "member" | "councillor"
                )
            })
    })
}
