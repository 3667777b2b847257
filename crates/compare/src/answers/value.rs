//! Values in text: periods of days ("within five working days", "seven days before", "one
//! week", "48 hours", "two business days", "the next working day"), review cycles ("every four
//! years", "annually", "biennially", "quadrennially", "once in each council term") and the
//! body that acts ("by the Corporate Governance and Standards Committee", "The Council will
//! review").

use concord_model::roles::Lexicon;
use concord_model::words::{SMALL_NUMBERS, number_word};

use super::route::display;
use super::text::{Tok, View, Words, is_any};

/// A period found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Period {
    pub days: u32,
    pub working: bool,
    /// The index of its number word.
    pub tok: usize,
    /// The words as written, for an answer's why ("ten working days").
    pub words: String,
}

fn small(w: &str) -> Option<u32> {
    if w == "one" {
        return Some(1);
    }
    SMALL_NUMBERS
        .iter()
        .position(|s| *s == w)
        .and_then(|n| u32::try_from(n).ok())
}

/// A number at word `k` ("5", "five", "twenty one", "twenty-one"), with how many words it
/// takes.
fn number(toks: &[Tok], k: usize) -> Option<(u32, usize)> {
    let w = &*toks.get(k)?.lower;
    if let Ok(n) = w.parse::<u32>() {
        return (n <= 1000).then_some((n, 1));
    }
    if let Some(tens) = number_word(w).filter(|n| *n >= 20) {
        // "twenty one" (the hyphen of "twenty-one" splits words too).
        let unit = toks
            .get(k + 1)
            .and_then(|n| small(&n.lower))
            .filter(|u| (1..10).contains(u) && !matches!(&*toks[k + 1].lower, "a" | "an"));
        return Some(match unit {
            Some(u) => (tens + u, 2),
            None => (tens, 1),
        });
    }
    small(w).map(|n| (n, 1))
}

/// The number of an ordinal word ("fifth", "5th", "twentieth"); "first" is none, as "the
/// first working day" is seldom a period.
fn ordinal(w: &str) -> Option<u32> {
    const ORDINALS: &[&str] = &[
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(k) = ORDINALS.iter().position(|o| *o == w) {
        return u32::try_from(k + 2).ok();
    }
    let digits = w
        .strip_suffix("th")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))?;
    digits.parse::<u32>().ok().filter(|n| (2..=60).contains(n))
}

/// Every period of days in the words: a number, perhaps "working", "business", "calendar" or
/// "clear", then days, weeks, a fortnight or hours (whole days only); "the next working day"
/// is one working day.
pub(crate) fn periods(toks: &[Tok]) -> Vec<Period> {
    let mut out = Vec::new();
    let mut next_free = 0;
    let w = |k: usize| toks.get(k).map_or("", |t| &*t.lower);
    for k in 0..toks.len() {
        if k < next_free {
            continue;
        }
        if w(k) == "fortnight" {
            if k > 0 && matches!(w(k - 1), "a" | "one") {
                out.push(Period {
                    days: 14,
                    working: false,
                    tok: k - 1,
                    words: format!("{} fortnight", w(k - 1)),
                });
            }
            continue;
        }
        if w(k) == "next" && w(k + 1) == "working" && w(k + 2) == "day" {
            out.push(Period {
                days: 1,
                working: true,
                tok: k,
                words: "the next working day".into(),
            });
            next_free = k + 3;
            continue;
        }
        // An ordinal day: "by the end of the fifth working day", "on the 10th day".
        if let Some(n) = ordinal(w(k)) {
            let mut j = k + 1;
            let mut working = false;
            while matches!(w(j), "working" | "business" | "clear" | "calendar") {
                working |= matches!(w(j), "working" | "business");
                j += 1;
            }
            if w(j) == "day" {
                out.push(Period {
                    days: n,
                    working,
                    tok: k,
                    words: (k..=j).map(w).collect::<Vec<_>>().join(" "),
                });
                next_free = j + 1;
            }
            continue;
        }
        // "a week" is a period after "within", "in", "at least"..., not in "37 hours a week".
        let article = matches!(w(k), "a" | "an")
            && (k == 0
                || matches!(
                    w(k - 1),
                    "within"
                        | "in"
                        | "for"
                        | "after"
                        | "than"
                        | "least"
                        | "over"
                        | "under"
                        | "about"
                        | "to"
                        | "of"
                        | "before"
                        | "inside"
                        | "only"
                        | "just"
                        | "give"
                        | "given"
                        | "have"
                        | "receive"
                        | "with"
                ));
        // "a week ahead", "a day before", "a week in advance": a period by what follows it.
        let ahead = matches!(w(k), "a" | "an")
            && matches!(w(k + 1), "day" | "week")
            && (matches!(
                w(k + 2),
                "ahead" | "before" | "beforehand" | "earlier" | "prior"
            ) || (w(k + 2) == "in" && w(k + 3) == "advance")
                // "a week's notice".
                || (w(k + 2) == "s" && matches!(w(k + 3), "notice" | "warning")));
        let Some((n, len)) = number(toks, k).or((article || ahead).then_some((1, 1))) else {
            continue;
        };
        let mut j = k + len;
        let mut working = false;
        while let Some(t) = toks.get(j) {
            match &*t.lower {
                "working" | "business" | "office" => working = true,
                "calendar" | "clear" | "full" => {}
                _ => break,
            }
            j += 1;
        }
        let Some(unit) = toks.get(j) else { continue };
        let days = match &*unit.lower {
            "day" | "days" => n,
            "week" | "weeks" if working => n * 5,
            "week" | "weeks" => n * 7,
            "hour" | "hours" if n % 24 == 0 && n > 0 => n / 24,
            _ => continue,
        };
        // "a" and "an" count only before a unit word: "a week", not "a Member".
        next_free = j + 1;
        let words = (k..=j).map(w).collect::<Vec<_>>().join(" ");
        out.push(Period {
            days,
            working: working && !matches!(&*unit.lower, "hour" | "hours"),
            tok: k,
            words,
        });
    }
    out
}

/// Words after a period that make it notice ahead of something ("seven days before", "five
/// working days' notice", "in advance").
const AHEAD: &[&str] = &[
    "notice",
    "before",
    "advance",
    "prior",
    "beforehand",
    "ahead",
    "warning",
    "earlier",
];

/// True when the period is notice ahead of a matter: a word of notice or "before" follows it
/// within three words ("five working days' notice", "seven days before the meeting").
pub(crate) fn ahead(toks: &Words, p: &Period) -> bool {
    let len = p.words.split(' ').count();
    let after = p.tok + len;
    // "Notice of at least ten working days": the notice named before the period.
    let notice_of = (p.tok.saturating_sub(4)..p.tok)
        .any(|k| toks.word(k) == "notice" && toks.word(k + 1) == "of");
    notice_of || (after..(after + 3).min(toks.len())).any(|k| is_any(toks.word(k), AHEAD))
}

/// Words that define a word ("'days' means working days", "days are to be read as").
const DEFINES: &[&str] = &[
    "mean*",
    "denot*",
    "signif*",
    "read",
    "taken",
    "counted",
    "expressed",
    "refer*",
];

/// True when the document says its days are working days ("In this protocol, 'days' means
/// working days"; "references to days are to working days"): a sentence with no period of
/// its own that ties "days" to "working days" or "business days".
pub(crate) fn days_are_working(view: &View<'_>) -> bool {
    view.sentences.iter().any(|s| {
        let t = &s.toks;
        let working = |m: usize| {
            matches!(t.word(m), "working" | "business") && matches!(t.word(m + 1), "day" | "days")
        };
        (0..t.len()).any(|k| {
            if !matches!(t.word(k), "day" | "days") || working(k.wrapping_sub(1)) {
                return false;
            }
            let defined = (k + 1..(k + 6).min(t.len()))
                .find(|&j| is_any(t.word(j), DEFINES))
                .or_else(|| (k.saturating_sub(2)..k).find(|&j| t.word(j).starts_with("reference")));
            defined.is_some_and(|j| (j + 1..(j + 6).min(t.len())).any(working))
        }) && periods(t).is_empty()
    })
}

/// The period as the document counts it: plain days are working days where the document
/// says so ([`days_are_working`]); calendar and clear days stay as they are.
pub(crate) fn counted(p: &Period, days_working: bool) -> bool {
    p.working
        || (days_working
            && p.words.ends_with("days")
            && !p.words.contains("calendar")
            && !p.words.contains("clear"))
}

/// A review cycle in years, with the words that said it: "every four years", "every year",
/// "annually", "biennially", "quadrennially", "each year", "every other year", "every 24
/// months", "once in each council term" or "after each ordinary election" (`term` years: the
/// council's term).
pub(crate) fn years(toks: &[Tok], term: u32) -> Option<(u32, String)> {
    let w = |k: usize| toks.get(k).map_or("", |t| &*t.lower);
    for k in 0..toks.len() {
        let word = w(k);
        let found = match word {
            // "on a two-yearly basis".
            "yearly" if k > 0 && number(toks, k - 1).is_some_and(|(n, _)| n > 1) => {
                number(toks, k - 1).map(|(n, _)| n)
            }
            "annually" | "yearly" => Some(1),
            "annual" if matches!(w(k + 1), "review" | "basis" | "reviews") => Some(1),
            // "each municipal year", "every civic year".
            "year"
                if k >= 2
                    && matches!(w(k - 1), "municipal" | "civic" | "council" | "financial")
                    && matches!(w(k - 2), "each" | "every" | "per") =>
            {
                Some(1)
            }
            "biennially" => Some(2),
            // "Review frequency: biennial".
            "biennial"
                if matches!(w(k + 1), "review" | "basis" | "")
                    || matches!(w(k.wrapping_sub(1)), "frequency" | "cycle") =>
            {
                Some(2)
            }
            "triennially" => Some(3),
            "triennial" if matches!(w(k + 1), "review" | "basis") => Some(3),
            "quadrennially" => Some(4),
            "quadrennial" if matches!(w(k + 1), "review" | "basis") => Some(4),
            "term" | "terms"
                if matches!(w(k.wrapping_sub(1)), "council" | "electoral")
                    && (k >= 2 && matches!(w(k - 2), "each" | "every" | "per" | "the"))
                    && (k < 3 || w(k - 3) != "of") =>
            {
                // "once in each council term", "every council term": the years between
                // ordinary elections.
                Some(term)
            }
            // "once in each term of the Council", "every term of office of the council".
            "term" | "terms"
                if k >= 1
                    && matches!(w(k - 1), "each" | "every")
                    && w(k + 1) == "of"
                    && (w(k + 2) == "council"
                        || (w(k + 2) == "the" && w(k + 3) == "council")
                        || (w(k + 2) == "office" && w(k + 3) == "of")) =>
            {
                Some(term)
            }
            // "following each ordinary election of the Council", "after every election".
            "election" | "elections"
                if (k >= 1 && matches!(w(k - 1), "each" | "every"))
                    || (k >= 2
                        && matches!(w(k - 2), "each" | "every")
                        && matches!(
                            w(k - 1),
                            "ordinary" | "full" | "council" | "local" | "county" | "district"
                        )) =>
            {
                Some(term)
            }
            // "at intervals of not more than five years", "at four-yearly intervals".
            "intervals" | "interval" => (k + 1..(k + 6).min(toks.len())).find_map(|j| {
                number(toks, j)
                    .filter(|&(_, len)| matches!(w(j + len), "years" | "year"))
                    .map(|(n, _)| n)
            }),
            "every" | "each" | "once" => {
                let next = w(k + 1);
                if matches!(next, "year" | "twelve") && (next == "year" || w(k + 2) == "months") {
                    Some(1)
                } else if matches!(next, "other" | "second") && w(k + 2) == "year" {
                    Some(2)
                } else if next == "a" && w(k + 2) == "year" {
                    Some(1)
                } else if let Some((n, len)) = number(toks, k + 1) {
                    match w(k + 1 + len) {
                        "years" | "year" => Some(n),
                        "months" if n % 12 == 0 && n > 0 => Some(n / 12),
                        _ => None,
                    }
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(n) = found {
            // The words up to the unit: "every four years", not "every four years or".
            let end = (k + 1..(k + 5).min(toks.len()))
                .find(|&j| matches!(w(j), "year" | "years" | "months" | "term"))
                .map_or(k + 1, |j| j + 1);
            let words = (k..end).map(w).collect::<Vec<_>>();
            let words = match word {
                "every" | "each" | "once" => words.join(" "),
                "term" | "terms" => format!("{} {}", w(k - 1), word),
                "election" | "elections" => format!("each {word}"),
                _ => word.to_string(),
            };
            return Some((n, words));
        }
    }
    None
}

/// Nouns that end the name of a body.
const BODIES: &[&str] = &[
    "Committee",
    "Council",
    "Board",
    "Panel",
    "Cabinet",
    "Executive",
    "Sub-Committee",
    "Group",
    "Forum",
];

/// The body named in a sentence: a capitalised name ending in "Committee", "Council" and the
/// like, preferring one after "by the" and then one before the verb of reviewing (the body
/// that reviews); else the first role the lexicon finds ("The Monitoring Officer will review").
/// Quotes and brackets around a word are part of the name as written ("the Audit &
/// \"Standards\" Committee"); punctuation after its last word is not.
pub(crate) fn body(text: &str, lexicon: &Lexicon) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    // A word without the punctuation around it: what says whether it is capitalised or a noun.
    let core = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let mut best: Option<(u8, String)> = None;
    for (k, w) in words.iter().enumerate() {
        if !BODIES.contains(&core(w).as_str()) {
            continue;
        }
        // "the Council's arrangements" names no body that acts.
        if w.ends_with("'s") || w.ends_with("’s") {
            continue;
        }
        // Walk back over capitalised words and the small words inside names.
        let mut start = k;
        while start > 0 {
            let p = words[start - 1];
            let cap = core(p).chars().next().is_some_and(char::is_uppercase);
            let small = matches!(p, "and" | "of" | "&");
            if (cap && !p.ends_with([',', '.', ';', ':'])) || small {
                start -= 1;
            } else {
                break;
            }
        }
        // "The full Council", "the full Town Council": the whole council met, named as such.
        if start > 0 && core(words[start - 1]).eq_ignore_ascii_case("full") {
            start -= 1;
        }
        // Names start after small words and articles: "the Audit and Standards Committee".
        while start < k && matches!(words[start], "and" | "of" | "&" | "The" | "This" | "Its") {
            start += 1;
        }
        // A body named with its council's possessive: "the Town Council's Policy and
        // Resources Committee" is the Policy and Resources Committee.
        if let Some(p) = (start..k)
            .rev()
            .find(|&j| words[j].ends_with("'s") || words[j].ends_with("’s"))
        {
            start = p + 1;
        }
        let mut name: Vec<&str> = words[start..k].to_vec();
        // The noun keeps what opens or closes a quote or bracket, not a sentence's full stop.
        let last = w.trim_end_matches([',', '.', ';', ':', '!', '?']);
        name.push(last);
        let name = name.join(" ");
        // Which name acts: one after "by the", then one before a verb of reviewing ("the
        // Member Development Working Group will review"), then any other, and last one after
        // "of" ("the term of office of the Council").
        let by = start >= 2
            && words[start - 2].eq_ignore_ascii_case("by")
            && words[start - 1].eq_ignore_ascii_case("the");
        let reviews = words
            .get(k + 1..(k + 3).min(words.len()))
            .is_some_and(|after| {
                after.iter().any(|a| {
                    let a = core(a).to_lowercase();
                    a.starts_with("review") || a.starts_with("revis") || a == "looks"
                })
            });
        let of = start >= 2
            && words[start - 1].eq_ignore_ascii_case("the")
            && words[start - 2].eq_ignore_ascii_case("of");
        let rank = if by {
            3
        } else if reviews {
            2
        } else if of {
            0
        } else {
            1
        };
        let candidate = (rank, name);
        if best.as_ref().is_none_or(|b| candidate.0 > b.0) {
            best = Some(candidate);
        }
    }
    if let Some((_, name)) = best {
        return Some(name);
    }
    lexicon.mentions(text).first().map(display)
}

#[cfg(test)]
mod tests {
    use super::*;
    use concord_model::roles::Shape;
    use concord_model::words::{Token, tokens};

    fn toks(s: &str) -> Vec<Tok> {
        tokens(s).into_iter().map(Token::into_owned).collect()
    }

    #[test]
    fn periods_in_words() {
        let p = |s: &str| {
            periods(&toks(s))
                .into_iter()
                .map(|p| (p.days, p.working))
                .collect::<Vec<_>>()
        };
        assert_eq!(p("within one week from receipt"), [(7, false)]);
        assert_eq!(p("within 10 working days"), [(10, true)]);
        assert_eq!(p("seven days before publication"), [(7, false)]);
        assert_eq!(p("at least 48 hours' notice"), [(2, false)]);
        assert_eq!(p("within a fortnight"), [(14, false)]);
        assert_eq!(p("twenty one days"), [(21, false)]);
        assert_eq!(p("within twenty-eight days"), [(28, false)]);
        assert_eq!(p("sixteen working days"), [(16, true)]);
        assert_eq!(p("ninety days"), [(90, false)]);
        assert_eq!(p("within two business days"), [(2, true)]);
        assert_eq!(p("within a working week"), [(5, true)]);
        assert_eq!(p("by the next working day"), [(1, true)]);
        assert!(p("a Member of the Council").is_empty());
    }

    #[test]
    fn cycles_and_bodies() {
        let y = |s: &str| years(&toks(s), 4).map(|x| x.0);
        assert_eq!(y("reviewed at least every four years"), Some(4));
        assert_eq!(y("reviewed annually"), Some(1));
        assert_eq!(y("every other year"), Some(2));
        assert_eq!(y("reviewed quadrennially"), Some(4));
        assert_eq!(y("at least once in each council term"), Some(4));
        assert_eq!(y("at least once in each term of the Council"), Some(4));
        assert_eq!(y("every 24 months"), Some(2));
        assert_eq!(y("every two years at its annual meeting"), Some(2));
        assert_eq!(y("at the annual meeting"), None);
        assert_eq!(y("revised at any time"), None);
        let lex = Lexicon::new(Shape::Principal);
        let b = |s: &str| body(s, &lex);
        assert_eq!(
            b("This Protocol will be reviewed at least every four years by the Corporate Governance and Standards Committee.").as_deref(),
            Some("Corporate Governance and Standards Committee")
        );
        assert_eq!(
            b("The Council will review it by the Staffing Committee").as_deref(),
            Some("Staffing Committee")
        );
        assert_eq!(
            b("The Audit and Standards Committee reviews this protocol annually.").as_deref(),
            Some("Audit and Standards Committee")
        );
        assert_eq!(
            b("This protocol is reviewed every three years by the Audit & \"Standards\" <Committee>, or sooner.").as_deref(),
            Some("Audit & \"Standards\" <Committee>")
        );
        assert_eq!(
            b("The Monitoring Officer will review this protocol every two years.").as_deref(),
            Some("Monitoring Officer")
        );
    }
}
