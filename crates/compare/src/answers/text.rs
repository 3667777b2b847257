//! The text the rules read: a document cut into sentences, each with its words (lowercased
//! tokens with byte spans), the roles it names, the clause it comes from and the headings above
//! it. Items are read with their clause's lead-in ("Officers can expect: ... to inform the
//! Monitoring Officer"), so an item's sentence says what the list is about.
//!
//! Cues are written as words, space-separated; a word ending in `*` matches any word it starts
//! (`complain*` matches "complaint", "complained"), any other word matches only itself. So
//! `"need to know basis"` is four words in a row and `"press"` does not match "pressurise".

use concord_model::roles::{Lexicon, Mention};
use concord_model::{Clause, Document, Item, Section};

/// A word of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub lower: String,
    pub start: usize,
    pub end: usize,
}

/// A role named in a sentence, with the index of its first word.
#[derive(Debug, Clone)]
pub(crate) struct Named {
    pub mention: Mention,
    pub tok: usize,
    pub tok_end: usize,
}

/// The words of a sentence or heading, with summaries of them (bits for each whole word and
/// for how each begins) so that a cue whose first word cannot be there is ruled out at once:
/// the rules test dozens of cues against every sentence of every document, and most cues are
/// absent.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    toks: Vec<Tok>,
    /// A bit for each word's first two bytes, for stems of two letters.
    openings: u128,
    /// A bit for each word's first three bytes, for longer stems.
    prefixes: u128,
    /// A bit for each whole word, for whole cue words.
    wholes: u128,
    /// Word indexes in the order of their lowercase text, so the words a cue word matches
    /// (itself, or every word a stem starts) are found by binary search.
    sorted: Vec<u16>,
}

impl Words {
    pub fn new(text: &str) -> Words {
        let toks = tokens(text);
        let (mut openings, mut prefixes, mut wholes) = (0, 0, 0);
        for t in &toks {
            let b = t.lower.as_bytes();
            openings |= bit(&b[..b.len().min(2)]);
            if b.len() >= 3 {
                prefixes |= bit(&b[..3]);
            }
            wholes |= bit(b);
        }
        // A sentence of more than 65,535 words is no sentence: its later words go unsorted
        // and are found by scanning (see `matching`).
        let mut sorted: Vec<u16> = (0..toks.len().min(usize::from(u16::MAX)) as u16).collect();
        sorted
            .sort_unstable_by(|&a, &b| toks[usize::from(a)].lower.cmp(&toks[usize::from(b)].lower));
        Words {
            toks,
            openings,
            prefixes,
            wholes,
            sorted,
        }
    }

    /// The indexes of the words `word` (a cue word, `stem*` or whole) matches, in text order.
    fn matching(&self, word: &str) -> Vec<usize> {
        let (stem, whole) = match word.strip_suffix('*') {
            Some(stem) => (stem, false),
            None => (word, true),
        };
        if self.sorted.len() < self.toks.len() {
            return (0..self.toks.len())
                .filter(|&i| word_matches(&self.toks[i].lower, word))
                .collect();
        }
        let lower = |k: &u16| self.toks[usize::from(*k)].lower.as_str();
        let from = self.sorted.partition_point(|k| lower(k) < stem);
        let mut found: Vec<usize> = self.sorted[from..]
            .iter()
            .take_while(|k| {
                if whole {
                    lower(k) == stem
                } else {
                    lower(k).starts_with(stem)
                }
            })
            .map(|&k| usize::from(k))
            .collect();
        found.sort_unstable();
        found
    }

    /// True when some word matches `word` (a cue word, `stem*` or whole): the opening bits
    /// rule most cue words out at once, a binary search settles the rest.
    fn holds(&self, word: &str) -> bool {
        let (stem, whole) = match word.strip_suffix('*') {
            Some(stem) => (stem, false),
            None => (word, true),
        };
        // Ruled out by the summary bits? (A one-letter stem says too little to test.)
        let b = stem.as_bytes();
        let absent = if whole {
            self.wholes & bit(b) == 0
        } else if b.len() >= 3 {
            self.prefixes & bit(&b[..3]) == 0
        } else {
            b.len() == 2 && self.openings & bit(b) == 0
        };
        if absent {
            return false;
        }
        if self.sorted.len() < self.toks.len() {
            return self.toks.iter().any(|t| word_matches(&t.lower, word));
        }
        let lower = |k: &u16| self.toks[usize::from(*k)].lower.as_str();
        let from = self.sorted.partition_point(|k| lower(k) < stem);
        self.sorted.get(from).is_some_and(|k| {
            if whole {
                lower(k) == stem
            } else {
                lower(k).starts_with(stem)
            }
        })
    }
}

impl std::ops::Deref for Words {
    type Target = [Tok];
    fn deref(&self) -> &[Tok] {
        &self.toks
    }
}

/// The bit of some bytes in a 128-bit summary: FNV-1a, folded.
fn bit(bytes: &[u8]) -> u128 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    1u128 << ((h ^ (h >> 16)) % 128)
}

/// One sentence of a clause (or of one of its items, lead-in included).
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub text: String,
    pub toks: Words,
    pub named: Vec<Named>,
    /// Index into [`View::clauses`].
    pub clause: usize,
    /// Which paragraph or item of the clause: sentences of one unit read on from each other.
    pub unit: usize,
    /// Position within the unit (0 = first).
    pub index: usize,
}

/// A document as the rules read it.
#[derive(Debug)]
pub(crate) struct View<'d> {
    pub clauses: Vec<&'d Clause>,
    /// The headings above each clause (its section's, then the parent's), lowercased words.
    pub headings: Vec<Words>,
    pub sentences: Vec<Sentence>,
}

/// A list item's lead-in is prepended to it only when short enough to be a lead-in.
const MAX_LEAD_IN: usize = 200;

impl<'d> View<'d> {
    pub fn new(doc: &'d Document) -> View<'d> {
        let lexicon = Lexicon::shared_for_kind(doc.meta.kind.as_deref());
        let mut view = View {
            clauses: Vec::new(),
            headings: Vec::new(),
            sentences: Vec::new(),
        };
        let mut unit = 0;
        for s in &doc.sections {
            view.section(s, &[], lexicon, &mut unit);
        }
        view
    }

    fn section(&mut self, s: &'d Section, above: &[&str], lex: &Lexicon, unit: &mut usize) {
        let mut heads: Vec<&str> = vec![s.heading.as_str()];
        heads.extend_from_slice(above);
        let joined = heads.join(" / ");
        for c in &s.clauses {
            for clause in c.walk() {
                self.clause(clause, &joined, lex, unit);
            }
        }
        for sub in &s.sections {
            self.section(sub, &heads, lex, unit);
        }
    }

    fn clause(&mut self, c: &'d Clause, headings: &str, lex: &Lexicon, unit: &mut usize) {
        let index = self.clauses.len();
        self.clauses.push(c);
        self.headings.push(Words::new(headings));
        for para in c.text.split("\n\n") {
            self.unit(para, index, lex, unit);
        }
        // The lead-in of a list: the clause's last sentence when it ends with a colon.
        let lead = split_sentences(c.text.trim())
            .last()
            .filter(|l| l.ends_with(':') && l.len() <= MAX_LEAD_IN)
            .map(|l| l.to_string());
        self.items(&c.items, lead.as_deref(), index, lex, unit);
    }

    fn items(
        &mut self,
        items: &[Item],
        lead: Option<&str>,
        clause: usize,
        lex: &Lexicon,
        unit: &mut usize,
    ) {
        for i in items {
            let text = match lead {
                Some(l) => format!("{l} {}", i.text),
                None => i.text.clone(),
            };
            self.unit(&text, clause, lex, unit);
            let sub_lead =
                (i.text.ends_with(':') && i.text.len() <= MAX_LEAD_IN).then_some(i.text.as_str());
            self.items(&i.items, sub_lead.or(lead), clause, lex, unit);
        }
    }

    fn unit(&mut self, text: &str, clause: usize, lex: &Lexicon, unit: &mut usize) {
        for (index, s) in split_sentences(text).into_iter().enumerate() {
            let toks = Words::new(s);
            let named = lex
                .mentions(s)
                .into_iter()
                .map(|m| {
                    let tok = toks.iter().position(|t| t.start >= m.start).unwrap_or(0);
                    let tok_end = toks
                        .iter()
                        .position(|t| t.start >= m.end)
                        .unwrap_or(toks.len());
                    Named {
                        mention: m,
                        tok,
                        tok_end,
                    }
                })
                .collect();
            self.sentences.push(Sentence {
                text: s.to_string(),
                toks,
                named,
                clause,
                unit: *unit,
                index,
            });
        }
        *unit += 1;
    }

    /// The clause a sentence comes from.
    pub fn clause_of(&self, s: &Sentence) -> &'d Clause {
        self.clauses[s.clause]
    }
}

/// Words of a text: runs of letters and digits, lowercased, curly apostrophes splitting like
/// straight ones ("Officer’s" is `officer`, `s`).
pub(crate) fn tokens(text: &str) -> Vec<Tok> {
    // Words average five or six bytes with their space: one allocation, seldom grown.
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(tok(text, s, i));
        }
    }
    if let Some(s) = start {
        out.push(tok(text, s, text.len()));
    }
    out
}

fn tok(text: &str, start: usize, end: usize) -> Tok {
    let word = &text[start..end];
    Tok {
        // `to_ascii_lowercase` is the same for ASCII words and much cheaper.
        lower: if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            word.to_lowercase()
        },
        start,
        end,
    }
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "no", "para", "paras", "cllr", "mr", "mrs", "ms", "dr", "st", "s", "viz",
    "cf", "approx",
];

/// Splits text into sentences at `.`, `?` or `!` followed by a space and a capital, a digit or
/// an opening quote, and at paragraph breaks; never after an abbreviation or inside a number.
pub(crate) fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end_here = if b == b'\n' && bytes.get(i + 1) == Some(&b'\n') {
            true
        } else if matches!(b, b'.' | b'?' | b'!') {
            let rest = &text[i + 1..];
            let next_starts = rest.starts_with(' ')
                && rest.trim_start().chars().next().is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(')
                });
            let word: String = text[start..i]
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("")
                .to_lowercase();
            next_starts && (b != b'.' || !ABBREVIATIONS.contains(&word.as_str()))
        } else {
            false
        };
        if end_here {
            let s = text[start..=i].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = i + 1;
        }
        i += 1;
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

/// Where a cue matches in `toks`: the first word index of every match.
pub(crate) fn find(toks: &Words, cue: &str) -> Vec<usize> {
    let mut words = cue.split_ascii_whitespace();
    let Some(first) = words.next() else {
        return Vec::new();
    };
    if !toks.holds(first) {
        return Vec::new();
    }
    toks.matching(first)
        .into_iter()
        .filter(|&i| rest_matches(toks, i, words.clone()))
        .collect()
}

/// True when the cue words after the first match from word `i + 1` on.
fn rest_matches<'a>(toks: &Words, i: usize, rest: impl Iterator<Item = &'a str>) -> bool {
    rest.enumerate().all(|(k, w)| {
        toks.get(i + 1 + k)
            .is_some_and(|t| word_matches(&t.lower, w))
    })
}

/// True when `cue` matches somewhere. Every rule asks this of every sentence for every cue,
/// and most cues are absent: the first word is looked up (see [`Words::holds`]) before any
/// word is compared in order.
fn matches(toks: &Words, cue: &str) -> bool {
    let mut words = cue.split_ascii_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if !toks.holds(first) {
        return false;
    }
    let rest = words.clone();
    if rest.clone().next().is_none() {
        return true;
    }
    toks.matching(first)
        .into_iter()
        .any(|i| rest_matches(toks, i, rest.clone()))
}

/// A cue word against a token: `stem*` matches any word it starts, any other word only itself.
fn word_matches(token: &str, word: &str) -> bool {
    match word.strip_suffix('*') {
        Some(stem) => token.starts_with(stem),
        None => token == word,
    }
}

/// True when any of the cues matches.
pub(crate) fn any(toks: &Words, cues: &[&str]) -> bool {
    cues.iter().any(|c| matches(toks, c))
}

/// How many of the cues match.
pub(crate) fn count(toks: &Words, cues: &[&str]) -> usize {
    cues.iter().filter(|c| matches(toks, c)).count()
}

/// Words that negate what follows them in a clause of a sentence.
const NEGATIONS: &[&str] = &["not", "never", "cannot", "nor", "no"];
/// How many words before a role a negation reaches ("cannot be discussed with the relevant
/// Group Chair").
const NEGATION_REACH: usize = 6;

/// True when the role at `n` is named under a negation ("cannot be discussed with the Chair",
/// "the chair ... should not attempt to deal with").
pub(crate) fn negated(s: &Sentence, n: &Named) -> bool {
    // A negated verb before the role, within its part of the sentence.
    let from = n.tok.saturating_sub(NEGATION_REACH);
    for k in (from..n.tok).rev() {
        let t = &s.toks[k];
        let gap = &s.text[t.end..s.toks[k + 1].start];
        if gap.contains([',', ';', ':', '(']) || matches!(t.lower.as_str(), "unless" | "except") {
            break;
        }
        if NEGATIONS.contains(&t.lower.as_str()) {
            return true;
        }
    }
    // The role as the subject of a negated verb: "The chair of the council should not attempt".
    let after: Vec<&str> = s.toks[n.tok_end..s.toks.len().min(n.tok_end + 5)]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    after
        .windows(2)
        .take(4)
        .any(|w| matches!(w[0], "should" | "must" | "will" | "shall" | "may") && w[1] == "not")
        || after.first().is_some_and(|w| *w == "cannot")
}

/// True when the sentence opens with a condition ("If ...", "Where ...", "Should ...").
pub(crate) fn conditional(s: &Sentence) -> bool {
    s.toks.first().is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "if" | "where" | "should" | "failing" | "unless" | "in"
        ) && (t.lower != "in" || s.toks.get(1).is_some_and(|n| n.lower == "the"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences() {
        assert_eq!(
            split_sentences(
                "Raise it with the Chief Officer. If about them, e.g. the Chief Executive, see 2.25 above. Then stop."
            ),
            [
                "Raise it with the Chief Officer.",
                "If about them, e.g. the Chief Executive, see 2.25 above.",
                "Then stop."
            ]
        );
        assert_eq!(split_sentences("one\n\ntwo"), ["one", "two"]);
    }

    #[test]
    fn cues() {
        let t = Words::new("A Member's 'need-to-know' complaints, pressurise");
        assert_eq!(find(&t, "s need to know"), [2]);
        assert!(any(&t, &["complain*"]));
        assert!(!any(&t, &["press"]));
        // Lookups agree with scanning every word, for stems, whole words and phrases.
        let t = Words::new("Officers’ complaints: the Officer complained to an officer; s a Ärger");
        for cue in [
            "officer",
            "officer*",
            "o*",
            "s",
            "a",
            "complain*",
            "complaints",
            "ärger",
            "är*",
            "the officer complained",
            "officer s",
            "x*",
            "zz",
        ] {
            let scanned: Vec<usize> = (0..t.len())
                .filter(|&i| {
                    cue.split_whitespace()
                        .enumerate()
                        .all(|(k, w)| t.get(i + k).is_some_and(|tok| word_matches(&tok.lower, w)))
                })
                .collect();
            assert_eq!(find(&t, cue), scanned, "{cue}");
            assert_eq!(any(&t, &[cue]), !scanned.is_empty(), "{cue}");
        }
    }
}
