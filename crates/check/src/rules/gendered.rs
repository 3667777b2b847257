//! `gendered-wording`: "he or she", "his/her", "s/he", "chairman" and their kin, with the
//! neutral word to use. Councils have been moving their constitutions to gender-neutral
//! language; a protocol that still says "he or she" reads as out of date and excludes.

use super::{Context, finding, texts};
use crate::Finding;

/// Phrases (lowercase, spaces around slashes squeezed) and what to write instead.
const PHRASES: &[(&str, &str)] = &[
    ("himself or herself", "themselves"),
    ("himself/herself", "themselves"),
    ("herself or himself", "themselves"),
    ("he or she", "they"),
    ("she or he", "they"),
    ("he/she", "they"),
    ("she/he", "they"),
    ("s/he", "they"),
    ("(s)he", "they"),
    ("him or her", "them"),
    ("her or him", "them"),
    ("him/her", "them"),
    ("her/him", "them"),
    ("his or her", "their"),
    ("her or his", "their"),
    ("his/her", "their"),
    ("her/his", "their"),
    ("his/hers", "theirs"),
    ("chairmen", "chairs"),
    ("chairman", "chair"),
];

pub fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for c in &cx.clauses {
        let mut seen: Vec<&str> = Vec::new();
        for text in texts(c) {
            let squeezed = squeeze(&text.to_lowercase());
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for (phrase, neutral) in PHRASES {
                for (at, _) in squeezed.match_indices(phrase) {
                    let end = at + phrase.len();
                    if !bounded(&squeezed, at, end) || taken.iter().any(|&(a, b)| at < b && a < end)
                    {
                        continue;
                    }
                    taken.push((at, end));
                    if seen.contains(phrase) {
                        continue;
                    }
                    seen.push(phrase);
                    let written = written_form(text, phrase);
                    out.push(finding(
                        "gendered-wording",
                        cx.line_of(c, &written),
                        Some(&c.id),
                        format!("clause {} says \"{written}\"", c.id),
                        format!("write \"{neutral}\" (and make the verb agree)"),
                    ));
                }
            }
        }
    }
}

/// The text lowercased with the spaces around `/` removed ("him / her" -> "him/her").
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    for (k, &ch) in chars.iter().enumerate() {
        if ch == ' ' {
            let next = chars.get(k + 1).copied();
            let prev = out.chars().last();
            if next == Some('/') || prev == Some('/') {
                continue;
            }
        }
        out.push(ch);
    }
    out
}

/// Whether the match stands as whole words.
fn bounded(s: &str, at: usize, end: usize) -> bool {
    let before = s[..at].chars().next_back();
    let after = s[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The phrase as the clause writes it (its own spacing and capitals), for the message.
fn written_form(text: &str, phrase: &str) -> String {
    let words: Vec<&str> = phrase.split(['/', ' ']).filter(|w| !w.is_empty()).collect();
    let lower = text.to_lowercase();
    let Some(first) = words.first() else {
        return phrase.to_string();
    };
    let mut from = 0;
    while let Some(i) = lower[from..].find(first) {
        let start = from + i;
        // Walk forward over the phrase's words, allowing spaces and slashes between them.
        let mut pos = start;
        let mut ok = true;
        for w in &words {
            let rest = &lower[pos..];
            let skip = rest.len() - rest.trim_start_matches([' ', '/']).len();
            pos += skip;
            if lower[pos..].starts_with(w) {
                pos += w.len();
            } else {
                ok = false;
                break;
            }
        }
        if ok && text.is_char_boundary(start) && text.is_char_boundary(pos) {
            return text[start..pos].to_string();
        }
        from = start + first.len();
    }
    phrase.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_slashes_are_read_as_one_phrase() {
        assert_eq!(squeeze("to him / her and"), "to him/her and");
        assert_eq!(
            written_form("given to him / her in", "him/her"),
            "him / her"
        );
    }

    #[test]
    fn words_inside_other_words_are_not_gendered() {
        let s = "the chairmanship";
        assert!(!bounded(s, 4, 12));
    }
}
