//! English words the writers and readers share: the one tokenizer (words of a text, lowercased,
//! with their byte spans), small numbers and months.
//!
//! ```
//! use concord_model::words::tokens;
//! let t = tokens("The Officer’s need-to-know");
//! let words: Vec<&str> = t.iter().map(|t| &*t.lower).collect();
//! assert_eq!(words, ["the", "officer", "s", "need", "to", "know"]);
//! assert!(t[1].capitalised);
//! ```

use std::borrow::Cow;

/// A word of a text: a run of letters and digits, lowercased, with its byte span. Most words
/// are lowercase already and are borrowed from the text, not copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word in lower case.
    pub lower: Cow<'a, str>,
    /// Byte offset of the word in the text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// True when the word begins with a capital letter.
    pub capitalised: bool,
}

impl Token<'_> {
    /// The token with its own copy of the word, free of the text it came from.
    pub fn into_owned(self) -> Token<'static> {
        Token {
            lower: Cow::Owned(self.lower.into_owned()),
            start: self.start,
            end: self.end,
            capitalised: self.capitalised,
        }
    }
}

/// The words of a text: runs of letters and digits, lowercased. Everything else separates
/// words, so a curly apostrophe splits like a straight one ("Officer’s" is `officer`, `s`) and
/// "need-to-know" is three words. Every reader of protocol language (the role lexicon, the
/// answers, the redline's classifier) tokenizes here.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    // Words average five or six bytes with their space: one allocation, seldom grown.
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(token(text, s, i));
        }
    }
    if let Some(s) = start {
        out.push(token(text, s, text.len()));
    }
    out
}

fn token(text: &str, start: usize, end: usize) -> Token<'_> {
    let word = &text[start..end];
    let lower = if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        // `to_ascii_lowercase` is the same for ASCII words and much cheaper.
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    };
    Token {
        lower,
        start,
        end,
        capitalised: word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Number words from zero to nineteen; `SMALL_NUMBERS[n]` is the word for `n`.
pub const SMALL_NUMBERS: [&str; 20] = [
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

/// The tens from twenty; `TENS[n]` is the word for `20 + 10 * n`.
pub const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A number written as a word below a hundred ("seven", "twenty"; "twenty-one" is two words
/// to the tokenizer, read by the caller); `None` for anything else.
pub fn number_word(w: &str) -> Option<u32> {
    if let Some(n) = SMALL_NUMBERS.iter().position(|s| *s == w) {
        return u32::try_from(n).ok();
    }
    TENS.iter()
        .position(|s| *s == w)
        .and_then(|n| u32::try_from(n).ok())
        .map(|n| 20 + 10 * n)
}

/// The months, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_at_anything_but_letters_and_digits() {
        let t = tokens("Section 151 Officer/Clerk, Ärger");
        let w: Vec<&str> = t.iter().map(|t| &*t.lower).collect();
        assert_eq!(w, ["section", "151", "officer", "clerk", "ärger"]);
        assert_eq!((t[2].start, t[2].end), (12, 19));
        assert!(matches!(t[0].lower, Cow::Owned(_)));
        assert!(tokens(" , ").is_empty());
        assert_eq!(number_word("seventeen"), Some(17));
        assert_eq!(number_word("forty"), Some(40));
        assert_eq!(number_word("week"), None);
    }
}
