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

/// The words of a sentence or heading, with a summary of how they begin so that a cue whose
/// first word cannot be there is ruled out without a scan (the rules test dozens of cues
/// against every sentence of every document, and most cues are absent).
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    toks: Vec<Tok>,
    /// A bit for each word's first two bytes (see [`opening`]).
    openings: u128,
}

impl Words {
    pub fn new(text: &str) -> Words {
        let toks = tokens(text);
        let openings = toks
            .iter()
            .fold(0, |m, t| m | opening(t.lower.as_bytes()).unwrap_or(0));
        Words { toks, openings }
    }

    /// False only when no word can match `word` (a cue word, `stem*` or whole).
    fn may_hold(&self, word: &str) -> bool {
        let (stem, whole) = match word.strip_suffix('*') {
            Some(stem) => (stem, false),
            None => (word, true),
        };
        // A one-letter stem says too little to test; a one-letter word is tested as itself.
        if stem.len() < 2 && !whole {
            return true;
        }
        opening(stem.as_bytes()).is_none_or(|bit| self.openings & bit != 0)
    }
}

impl std::ops::Deref for Words {
    type Target = [Tok];
    fn deref(&self) -> &[Tok] {
        &self.toks
    }
}

/// The bit of a word's opening: its first two bytes (the first and an end mark for a
/// one-byte word), hashed into 128 bits. A stem of two bytes or more shares its opening with
/// every word it starts.
fn opening(bytes: &[u8]) -> Option<u128> {
    let (&a, rest) = bytes.split_first()?;
    let b = rest.first().copied().unwrap_or(0);
    Some(1u128 << ((u32::from(a) * 31 + u32::from(b)) % 128))
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
    let mut out = Vec::new();
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
    Tok {
        lower: text[start..end].to_lowercase(),
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
    positions(toks, cue).collect()
}

/// The first word index of every match of `cue`, lazily. Every rule asks this of every
/// sentence for every cue, so it allocates nothing, rules a cue out by its first word's
/// opening when it can, and tests the first word before the rest.
fn positions<'a>(toks: &'a Words, cue: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut words = cue.split_whitespace();
    let first = words.next().filter(|w| toks.may_hold(w));
    let rest = words;
    let n = if first.is_some() { toks.len() } else { 0 };
    (0..n).filter(move |&i| {
        first.is_some_and(|w| word_matches(&toks[i].lower, w))
            && rest.clone().enumerate().all(|(k, w)| {
                toks.get(i + 1 + k)
                    .is_some_and(|t| word_matches(&t.lower, w))
            })
    })
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
    cues.iter().any(|c| positions(toks, c).next().is_some())
}

/// How many of the cues match.
pub(crate) fn count(toks: &Words, cues: &[&str]) -> usize {
    cues.iter()
        .filter(|c| positions(toks, c).next().is_some())
        .count()
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
    }
}
