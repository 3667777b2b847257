//! Values in text: periods of days ("within five working days", "seven days before", "one
//! week", "48 hours"), review cycles ("every four years", "annually", "biennially") and the
//! body that acts ("by the Corporate Governance and Standards Committee").

use super::text::Tok;

/// A period found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Period {
    pub days: u32,
    pub working: bool,
    /// The index of its number word.
    pub tok: usize,
}

/// Number words below twenty; "a" and "an" count as one before a unit ("a week").
const SMALL: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// The tens, from twenty.
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn small(w: &str) -> Option<u32> {
    if matches!(w, "a" | "an") {
        return Some(1);
    }
    SMALL
        .iter()
        .position(|s| *s == w)
        .and_then(|n| u32::try_from(n).ok())
}

/// A number at word `k` ("5", "five", "twenty one", "twenty-one"), with how many words it
/// takes.
fn number(toks: &[Tok], k: usize) -> Option<(u32, usize)> {
    let w = toks.get(k)?.lower.as_str();
    if let Ok(n) = w.parse::<u32>() {
        return (n <= 1000).then_some((n, 1));
    }
    if let Some(t) = TENS.iter().position(|s| *s == w) {
        let tens = u32::try_from(t).ok()? * 10 + 20;
        // "twenty one" (the hyphen of "twenty-one" splits words too).
        let unit = toks
            .get(k + 1)
            .and_then(|n| small(&n.lower))
            .filter(|u| (1..10).contains(u) && !matches!(toks[k + 1].lower.as_str(), "a" | "an"));
        return Some(match unit {
            Some(u) => (tens + u, 2),
            None => (tens, 1),
        });
    }
    small(w).map(|n| (n, 1))
}

/// Every period of days in the words: a number, perhaps "working", "business", "calendar" or
/// "clear", then days, weeks, a fortnight or hours (whole days only).
pub(crate) fn periods(toks: &[Tok]) -> Vec<Period> {
    let mut out = Vec::new();
    let mut next_free = 0;
    for k in 0..toks.len() {
        if k < next_free {
            continue;
        }
        if toks[k].lower == "fortnight" {
            let article = k > 0 && matches!(toks[k - 1].lower.as_str(), "a" | "one");
            if article {
                out.push(Period {
                    days: 14,
                    working: false,
                    tok: k - 1,
                });
            }
            continue;
        }
        let Some((n, len)) = number(toks, k) else {
            continue;
        };
        let mut j = k + len;
        let mut working = false;
        while let Some(t) = toks.get(j) {
            match t.lower.as_str() {
                "working" | "business" => working = true,
                "calendar" | "clear" => {}
                _ => break,
            }
            j += 1;
        }
        let Some(unit) = toks.get(j) else { continue };
        let days = match unit.lower.as_str() {
            "day" | "days" => n,
            "week" | "weeks" if working => n * 5,
            "week" | "weeks" => n * 7,
            "hour" | "hours" if n % 24 == 0 && n > 0 => n / 24,
            _ => continue,
        };
        // "a" and "an" count only before a unit word: "a week", not "a Member".
        next_free = j + 1;
        out.push(Period {
            days,
            working,
            tok: k,
        });
    }
    out
}

/// A review cycle in years: "every four years", "every year", "annually", "biennially",
/// "each year", "every other year".
pub(crate) fn years(toks: &[Tok]) -> Option<u32> {
    for k in 0..toks.len() {
        let w = toks[k].lower.as_str();
        match w {
            "annually" | "annual" | "yearly" => return Some(1),
            "biennially" | "biennial" => return Some(2),
            "triennially" | "triennial" => return Some(3),
            "every" | "each" => {
                let next = toks.get(k + 1).map(|t| t.lower.as_str());
                if matches!(next, Some("year")) {
                    return Some(1);
                }
                if next == Some("other") && toks.get(k + 2).is_some_and(|t| t.lower == "year") {
                    return Some(2);
                }
                if let Some((n, len)) = number(toks, k + 1)
                    && toks
                        .get(k + 1 + len)
                        .is_some_and(|t| matches!(t.lower.as_str(), "years" | "year"))
                {
                    return Some(n);
                }
            }
            _ => {}
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
];

/// The body named in a sentence: a capitalised name ending in "Committee", "Council" and the
/// like, preferring one after "by the". Quotes and brackets around a word are part of the name
/// as written ("the Audit & \"Standards\" Committee"); punctuation after its last word is not.
pub(crate) fn body(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    // A word without the punctuation around it: what says whether it is capitalised or a noun.
    let core = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let mut best: Option<(bool, String)> = None;
    for (k, w) in words.iter().enumerate() {
        if !BODIES.contains(&core(w).as_str()) {
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
        // Names start after small words and articles: "the Audit and Standards Committee".
        while start < k && matches!(words[start], "and" | "of" | "&" | "The" | "This" | "Its") {
            start += 1;
        }
        let mut name: Vec<&str> = words[start..k].to_vec();
        // The noun keeps what opens or closes a quote or bracket, not a sentence's full stop.
        let last = w.trim_end_matches([',', '.', ';', ':', '!', '?']);
        name.push(last);
        let name = name.join(" ");
        let by = start >= 2
            && words[start - 2].eq_ignore_ascii_case("by")
            && words[start - 1].eq_ignore_ascii_case("the");
        let candidate = (by, name);
        if best.as_ref().is_none_or(|b| candidate.0 && !b.0) {
            best = Some(candidate);
        }
    }
    best.map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::super::text::tokens;
    use super::*;

    #[test]
    fn periods_in_words() {
        let p = |s: &str| {
            periods(&tokens(s))
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
        assert!(p("a Member of the Council").is_empty());
    }

    #[test]
    fn cycles_and_bodies() {
        let y = |s: &str| years(&tokens(s));
        assert_eq!(y("reviewed at least every four years"), Some(4));
        assert_eq!(y("reviewed annually"), Some(1));
        assert_eq!(y("every other year"), Some(2));
        assert_eq!(y("revised at any time"), None);
        assert_eq!(
            body("This Protocol will be reviewed at least every four years by the Corporate Governance and Standards Committee.").as_deref(),
            Some("Corporate Governance and Standards Committee")
        );
        assert_eq!(
            body("The Council will review it by the Staffing Committee").as_deref(),
            Some("Staffing Committee")
        );
        assert_eq!(
            body("The Audit and Standards Committee reviews this protocol annually.").as_deref(),
            Some("Audit and Standards Committee")
        );
        assert_eq!(
            body("This protocol is reviewed every three years by the Audit & \"Standards\" <Committee>, or sooner.").as_deref(),
            Some("Audit & \"Standards\" <Committee>")
        );
    }
}
