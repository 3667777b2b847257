//! The text the rules read: a document cut into sentences, each with its words (the model's
//! tokenizer: lowercased, with byte spans), the roles it names (the model's lexicon, resolved
//! for the council's kind), the clause it comes from, the headings above it and the clauses
//! before it in its section. Items are read with their clause's lead-in ("Officers can expect:
//! ... to inform the Monitoring Officer"), so an item's sentence says what the list is about;
//! [`Sentence::own`] marks where the item's own words begin.
//!
//! Cues are written as words, space-separated; a word ending in `*` matches any word it starts
//! (`complain*` matches "complaint", "complained"), any other word matches only itself. So
//! `"need to know basis"` is four words in a row and `"press"` does not match "pressurise".
//! A word may offer alternatives, `|` between them (`doubt*|unsure`), and `~N` between two
//! phrases matches the second within N words after the first ends: `"doubt*|unsure ~6
//! mean*|appl*"` meets "in doubt as to how it applies" and "unsure what it means", with no
//! list of whole phrases to fall short of the next wording.

use std::ops::Range;

use concord_model::roles::{Lexicon, Mention, Qualifier};
use concord_model::words::{Token, tokens};
use concord_model::{Clause, Document, Item, Section};

/// A word of a sentence (the model's token, owning its word).
pub(crate) type Tok = Token<'static>;

/// A role named in a sentence, with the indexes of its first word and of the word after it.
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
        let toks: Vec<Tok> = tokens(text).into_iter().map(Token::into_owned).collect();
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

    /// The lowercase word at `k`, or "" past the end.
    pub fn word(&self, k: usize) -> &str {
        self.toks.get(k).map_or("", |t| &t.lower)
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
        let lower = |k: &u16| &*self.toks[usize::from(*k)].lower;
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
        let lower = |k: &u16| &*self.toks[usize::from(*k)].lower;
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
    /// For an item read with its lead-in, the first word of the item's own text; else 0.
    pub own: usize,
    /// True for a sentence of a list item.
    pub item: bool,
    /// What each role named is doing (`slots.rs`), read once for every rule.
    pub slots: Vec<Slot>,
}

impl Sentence {
    /// The sentence's own words: for an item, without its lead-in.
    pub fn own_words(&self) -> &[Tok] {
        &self.toks[self.own.min(self.toks.len())..]
    }
}

/// One clause as the rules read it.
#[derive(Debug)]
pub(crate) struct ClauseView<'d> {
    pub clause: &'d Clause,
    /// The headings above the clause (its section's, then the parent's), lowercased words.
    pub heading: Words,
    /// Clauses of one section share this number.
    pub section: usize,
    /// Its sentences, as indexes into [`View::sentences`].
    pub sentences: Range<usize>,
    /// Every word of the clause, items included.
    pub words: Words,
}

/// A document as the rules read it.
#[derive(Debug)]
pub(crate) struct View<'d> {
    pub clauses: Vec<ClauseView<'d>>,
    pub sentences: Vec<Sentence>,
    pub lexicon: &'static Lexicon,
    /// The years between ordinary elections of the council: five in Wales (principal and
    /// community councils), four elsewhere; what "each council term" means.
    pub term: u32,
    /// The rows of the document's version table (their review dates may say the cycle).
    pub versions: &'d [concord_model::VersionEntry],
    /// The first cue of a list found in a clause's words or headings, by (clause, list,
    /// headings?): every sentence of a section asks the same of its heading and of the clause
    /// before it, for every question.
    memo: std::cell::RefCell<std::collections::HashMap<(usize, usize, bool), Option<String>>>,
}

/// What a role is doing in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// The matter is sent or taken to it.
    Send,
    /// It is told something.
    Tell,
    /// It deals with the matter.
    Handle,
    /// It decides, approves or authorises.
    Decide,
    /// It is consulted or advises.
    Consult,
    /// It judges the case first ("If the Clerk doubts that ...").
    Judge,
    /// It speaks for the council.
    Speak,
    /// It invites or requests.
    Invite,
    /// It attends.
    Attend,
    /// The matter is about it.
    About,
    /// Named, doing none of these.
    Other,
}

impl Class {
    /// True for the classes that put a role on a route.
    pub fn routes(self) -> bool {
        !matches!(self, Class::About | Class::Other | Class::Attend)
    }
}

/// One role's reading.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    pub class: Class,
    /// The words that made it so, as a reader would quote them ("raise ... with").
    pub cue: String,
    pub negated: bool,
}

/// A list item's lead-in is prepended to it only when short enough to be a lead-in.
const MAX_LEAD_IN: usize = 200;

impl<'d> View<'d> {
    pub fn new(doc: &'d Document) -> View<'d> {
        let lexicon = Lexicon::shared_for_kind(doc.meta.kind.as_deref());
        let term = match doc.meta.kind.as_deref() {
            Some("welsh-principal" | "community") => 5,
            _ => 4,
        };
        let mut view = View {
            clauses: Vec::new(),
            sentences: Vec::new(),
            lexicon,
            term,
            versions: &doc.meta.versions,
            memo: std::cell::RefCell::default(),
        };
        let mut sections = 0;
        for s in &doc.sections {
            view.section(s, &[], &mut sections);
        }
        view
    }

    /// Reads what each role named in each sentence is doing (`slots::read`), once the
    /// sentences are all made.
    pub fn read_slots(&mut self, read: impl Fn(&Sentence) -> Vec<Slot>) {
        for i in 0..self.sentences.len() {
            let slots = read(&self.sentences[i]);
            self.sentences[i].slots = slots;
        }
    }

    fn section(&mut self, s: &'d Section, above: &[&str], sections: &mut usize) {
        let mut heads: Vec<&str> = vec![s.heading.as_str()];
        heads.extend_from_slice(above);
        let joined = heads.join(" / ");
        let number = *sections;
        *sections += 1;
        for c in &s.clauses {
            for clause in c.walk() {
                self.clause(clause, &joined, number);
            }
        }
        for sub in &s.sections {
            self.section(sub, &heads, sections);
        }
    }

    fn clause(&mut self, c: &'d Clause, headings: &str, section: usize) {
        let index = self.clauses.len();
        let first = self.sentences.len();
        for para in c.text.split("\n\n") {
            self.unit(para, None, index);
        }
        // The lead-in of a list: the clause's last sentence when it ends with a colon (or
        // with a word that the items go on from: "should raise it", "must").
        let lead = split_sentences(c.text.trim())
            .last()
            .filter(|l| l.len() <= MAX_LEAD_IN && !l.ends_with(['.', '?', '!']))
            .map(|l| l.to_string());
        self.items(&c.items, lead.as_deref(), index);
        let mut all = c.text.clone();
        push_items(&mut all, &c.items);
        self.clauses.push(ClauseView {
            clause: c,
            heading: Words::new(headings),
            section,
            sentences: first..self.sentences.len(),
            words: Words::new(&all),
        });
    }

    fn items(&mut self, items: &[Item], lead: Option<&str>, clause: usize) {
        for i in items {
            self.unit(&i.text, lead, clause);
            let sub_lead = (i.text.len() <= MAX_LEAD_IN && !i.text.ends_with(['.', ';']))
                .then_some(i.text.as_str());
            let sub = match (lead, sub_lead) {
                (Some(l), Some(s)) => Some(format!("{l} {s}")),
                (None, Some(s)) => Some(s.to_string()),
                (l, None) => l.map(str::to_string),
            };
            self.items(&i.items, sub.as_deref(), clause);
        }
    }

    fn unit(&mut self, text: &str, lead: Option<&str>, clause: usize) {
        let item = lead.is_some();
        for (index, s) in split_sentences(text).into_iter().enumerate() {
            // The lead-in goes before the item's first sentence only.
            let (full, own_byte) = match lead {
                Some(l) if index == 0 => (format!("{l} {s}"), l.len() + 1),
                _ => (s.to_string(), 0),
            };
            let toks = Words::new(&full);
            let own = toks.iter().position(|t| t.start >= own_byte).unwrap_or(0);
            let mut mentions = self.lexicon.mentions(&full);
            mentions.extend(council_deciding(&full, &toks, &mentions));
            mentions.sort_by_key(|m| m.start);
            let mentions = held_titles(&full, mentions);
            let named = mentions.into_iter().map(|m| named(&toks, m)).collect();
            let sentence = Sentence {
                text: full,
                toks,
                named,
                clause,
                own,
                item,
                slots: Vec::new(),
            };
            self.sentences.push(sentence);
        }
    }

    /// The clause a sentence comes from.
    pub fn clause_of(&self, s: &Sentence) -> &'d Clause {
        self.clauses[s.clause].clause
    }

    /// The headings above a sentence's clause.
    pub fn heading(&self, s: &Sentence) -> &Words {
        &self.clauses[s.clause].heading
    }

    /// The words of the first of the cues found in clause `c`'s words (or, with `heading`, in
    /// its headings), as [`first`] finds them, looked up once per clause and list.
    pub fn clause_first(
        &self,
        c: usize,
        cues: &'static [&'static str],
        heading: bool,
    ) -> Option<String> {
        let key = (c, cues.as_ptr() as usize, heading);
        if let Some(hit) = self.memo.borrow().get(&key) {
            return hit.clone();
        }
        let words = if heading {
            &self.clauses[c].heading
        } else {
            &self.clauses[c].words
        };
        let found = first(words, cues);
        self.memo.borrow_mut().insert(key, found.clone());
        found
    }

    /// The clauses before clause `c` in its section, nearest first.
    pub fn before(&self, c: usize) -> impl Iterator<Item = usize> + '_ {
        let section = self.clauses[c].section;
        (0..c)
            .rev()
            .take_while(move |&k| self.clauses[k].section == section)
    }

    /// The clause after clause `c` in its section, if any.
    pub fn next_in_section(&self, c: usize) -> Option<usize> {
        let n = c + 1;
        (n < self.clauses.len() && self.clauses[n].section == self.clauses[c].section).then_some(n)
    }
}

/// A mention as word indexes. "The Monitoring Officer of the principal council" runs to
/// "council": the words saying whose officer it is belong to the role.
/// Participles that make "by the Council" the council deciding as a whole: "any disagreement
/// will be settled by the Council". Not "approved by the Council" (how a text was adopted) nor
/// "employed by the Council".
const DECIDED: &[&str] = &[
    "decided",
    "determined",
    "settled",
    "resolved",
    "ruled",
    "arbitrated",
    "adjudicated",
    "considered",
    "heard",
];

/// Verbs that ask the council, met as a whole, to take a matter up.
const ASKED: &[&str] = &[
    "ask", "asks", "asked", "invite", "invites", "request", "requests",
];
/// True when the words at `k` stand in an exception carved out of the rule ("Save where the
/// matter falls under the Code of Conduct, ...", "except requests under the Freedom of
/// Information Act"): a word of exception in the twelve words before.
pub(crate) fn carved_out(toks: &Words, k: usize) -> bool {
    (k.saturating_sub(12)..k).any(|j| {
        matches!(toks.word(j), "save" | "except" | "excluding" | "apart")
            || (toks.word(j) == "other" && toks.word(j + 1) == "than")
    })
}

/// One role named by a post and the statutory title it holds: "the Head of Legal Services as
/// Monitoring Officer", "the Director of Law and Governance in that officer's capacity as the
/// Council's Monitoring Officer", "the Clerk, acting as Proper Officer", "the Director of Law
/// and Governance (Monitoring Officer)". The title names the
/// role: the two mentions become one, read as the second.
fn held_titles(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut() {
            let between = text.get(prev.end..m.start).unwrap_or("").to_lowercase();
            let words: Vec<&str> = between
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            // "the Director of Law and Governance (Monitoring Officer)"; a post and its title
            // run together with a slash: "the Director of Function (Council
            // Business)/Monitoring Officer".
            let tail_only = words.is_empty() || (words[0] == "of" && words.len() <= 5);
            // "(the Monitoring Officer)": an article may open the bracket.
            let opened = between.trim_end();
            let opened = opened
                .strip_suffix("the")
                .or_else(|| opened.strip_suffix("The"))
                .map_or(opened, str::trim_end);
            let bracketed = opened.ends_with('(')
                && text
                    .get(m.end..)
                    .is_some_and(|t| t.trim_start().starts_with(')'))
                && tail_only;
            let bracketed = bracketed || (between.trim_end().ends_with('/') && tail_only);
            let holds = bracketed
                || match words.iter().position(|w| *w == "as") {
                    Some(at) => {
                        let (mut lead, tail) = (&words[..at], &words[at + 1..]);
                        // The post's own tail: "Director of Law and Governance".
                        if lead.first() == Some(&"of") {
                            let end = lead
                                .iter()
                                .position(|w| matches!(*w, "in" | "acting"))
                                .unwrap_or(lead.len());
                            lead = if end <= 5 { &lead[end..] } else { lead };
                        }
                        let lead_ok = lead.is_empty()
                            || lead == ["acting"]
                            || (lead.len() <= 5
                                && lead.first() == Some(&"in")
                                && lead.last() == Some(&"capacity"));
                        let tail_ok = tail.iter().all(|w| matches!(*w, "the" | "council" | "s"));
                        lead_ok && tail_ok
                    }
                    None => false,
                };
            if holds && prev.role != m.role {
                *prev = Mention {
                    role: m.role,
                    qualifiers: m.qualifiers,
                    text: text[prev.start..m.end].to_string(),
                    start: prev.start,
                    end: m.end,
                };
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// What the council does when it decides as a whole ("the Council will determine").
const TO_DECIDE_NOW: &[&str] = &[
    "decide",
    "determine",
    "resolve",
    "settle",
    "rule",
    "arbitrate",
    "adjudicate",
];
/// What the council is asked to do, for it to be the council met as a whole deciding.
const TO_DECIDE: &[&str] = &[
    "consider",
    "reconsider",
    "decide",
    "determine",
    "review",
    "look",
    "hear",
    "rule",
    "settle",
    "resolve",
];

/// Verbs of a council that has decided: "if the Council has so resolved".
const HAS_DECIDED: &[&str] = &[
    "resolved",
    "agreed",
    "decided",
    "determined",
    "approved",
    "authorised",
    "authorized",
];
/// Verbs that lay a matter before the council as a whole: "declare it to the Council".
const LAID: &[&str] = &["declar*", "disclos*", "report*"];

/// "settled by the Council", "determined by the Town Council", "ask the Council to consider
/// it": the council met as a whole
/// (`full-council`), which the lexicon does not name from "the Council" alone.
fn council_deciding(text: &str, toks: &Words, found: &[Mention]) -> Vec<Mention> {
    let mut out = Vec::new();
    for k in 1..toks.len() {
        if toks.word(k) != "council" || !toks[k].capitalised {
            continue;
        }
        // "the Council's ...": a possessive names something of the council's.
        if toks.word(k + 1) == "s" && text[toks[k].end..].starts_with(['\'', '’']) {
            continue;
        }
        let mut j = k - 1;
        if j > 0 && matches!(toks.word(j), "town" | "parish" | "community") && toks[j].capitalised {
            j -= 1;
        }
        let decided_by = j >= 2
            && toks.word(j) == "the"
            && toks.word(j - 1) == "by"
            && is_any(toks.word(j - 2), DECIDED);
        // "may ask the Council to consider it at its next meeting": asked to decide as a whole.
        let asked_to_decide = j >= 1
            && toks.word(j) == "the"
            && is_any(toks.word(j - 1), ASKED)
            && toks.word(k + 1) == "to"
            && is_any(toks.word(k + 2), TO_DECIDE);
        // "The Council itself shall resolve any disagreement", "the Council will decide": the
        // council as a whole, deciding.
        let mut v = k + 1;
        while matches!(toks.word(v), "itself" | "as" | "a" | "whole") {
            v += 1;
        }
        // "unless the Council resolves otherwise": the present tense too (not "unless the
        // Council resolves to exclude the press").
        let decides = toks.word(j) == "the"
            && (j == 0 || !is_any(toks.word(j - 1), &["to", "of", "for", "with", "by"]))
            && (matches!(toks.word(v), "will" | "shall" | "must" | "may" | "should")
                && is_any(toks.word(v + 1), TO_DECIDE_NOW)
                || matches!(toks.word(v), "resolves" | "decides" | "determines")
                    && toks.word(v + 1) == "otherwise");
        // "a matter for the Council", "and ultimately for the Council".
        let for_council = j >= 2
            && toks.word(j) == "the"
            && toks.word(j - 1) == "for"
            && matches!(
                toks.word(j - 2),
                "matter" | "ultimately" | "finally" | "question" | "decision"
            );
        // "settled by resolution of the Parish Council", "put to a vote of the Council".
        // Not "failed to carry out a decision of the Council": decided by it.
        let resolved_by = j >= 3
            && toks.word(j) == "the"
            && toks.word(j - 1) == "of"
            && matches!(toks.word(j - 2), "resolution" | "vote" | "decision")
            && (toks.word(j - 3) == "by"
                || (toks.word(j - 3) == "a" && toks.word(j.wrapping_sub(4)) == "by"));
        // "only if the Council has so resolved": a gate the council opens as a whole. Not
        // "unless the Council has resolved otherwise" or "where the Council has so resolved",
        // a condition on a rule that names who acts.
        // "shall not attend ... unless the Council has resolved to permit it" gates too.
        let gate = j >= 2
            && (toks.word(j - 2) == "only"
                && matches!(toks.word(j - 1), "if" | "where" | "when" | "once")
                || toks.word(j - 1) == "unless"
                    && (0..j).any(|w| matches!(toks.word(w), "not" | "no" | "never")));
        let has_decided = toks.word(j) == "the"
            && gate
            && matches!(toks.word(v), "has" | "have")
            && (v + 1..(v + 3).min(toks.len())).any(|w| is_any(toks.word(w), HAS_DECIDED))
            && (v + 1..(v + 3).min(toks.len()))
                .take_while(|&w| !is_any(toks.word(w), HAS_DECIDED))
                .all(|w| matches!(toks.word(w), "so" | "first" | "previously" | "already"));
        // "must declare it to the Council at its next meeting", "report the matter to the
        // Parish Council": laid before the council met as a whole.
        let laid_before = j >= 2
            && toks.word(j) == "the"
            && toks.word(j - 1) == "to"
            && (j.saturating_sub(5)..j - 1).any(|w| is_any(toks.word(w), LAID))
            && !matches!(toks.word(k + 1), "s" | "officer" | "officers" | "tax");
        if !(decided_by
            || asked_to_decide
            || decides
            || resolved_by
            || for_council
            || has_decided
            || laid_before)
        {
            continue;
        }
        let (start, end) = (toks[j + 1].start, toks[k].end);
        if found.iter().any(|m| m.start < end && start < m.end) {
            continue;
        }
        out.push(Mention {
            role: "full-council".into(),
            qualifiers: Vec::new(),
            text: text[start..end].to_string(),
            start,
            end,
        });
    }
    out
}

pub(crate) fn named(toks: &Words, m: Mention) -> Named {
    let tok = toks.iter().position(|t| t.start >= m.start).unwrap_or(0);
    let mut tok_end = toks
        .iter()
        .position(|t| t.start >= m.end)
        .unwrap_or(toks.len());
    // "the Chief Officer concerned".
    if toks.word(tok_end) == "concerned" {
        tok_end += 1;
    }
    // "a senior officer in the service concerned", "their manager in the directorate".
    if toks.word(tok_end) == "in"
        && matches!(
            toks.word(tok_end + 1),
            "the" | "their" | "his" | "her" | "its"
        )
        && matches!(
            toks.word(tok_end + 2),
            "service" | "directorate" | "department" | "team" | "area" | "section"
        )
    {
        tok_end += 3;
        if toks.word(tok_end) == "concerned" {
            tok_end += 1;
        }
    }
    if m.qualifiers.contains(&Qualifier::PrincipalCouncil)
        && toks.word(tok_end) == "of"
        && let Some(k) = (tok_end + 1..(tok_end + 6).min(toks.len()))
            .find(|&k| matches!(toks.word(k), "council" | "councils"))
    {
        tok_end = k + 1;
    }
    Named {
        mention: m,
        tok,
        tok_end,
    }
}

fn push_items(s: &mut String, items: &[Item]) {
    for i in items {
        s.push('\n');
        s.push_str(&i.text);
        push_items(s, &i.items);
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
    if near(cue).is_some() {
        return find_spans(toks, cue).into_iter().map(|(i, _)| i).collect();
    }
    starts(toks, cue)
}

/// A cue of two phrases the second of which follows the first within some words: the
/// phrases and the reach.
fn near(cue: &str) -> Option<(&str, usize, &str)> {
    let at = cue.find(" ~")?;
    let (a, rest) = (&cue[..at], &cue[at + 2..]);
    let (n, b) = rest.split_once(' ')?;
    Some((a, n.parse().ok()?, b))
}

/// Where a cue matches in `toks`: the first word index and the number of words of every
/// match.
fn find_spans(toks: &Words, cue: &str) -> Vec<(usize, usize)> {
    if let Some((a, reach, b)) = near(cue) {
        let seconds = find_spans(toks, b);
        return find_spans(toks, a)
            .into_iter()
            .filter_map(|(i, n)| {
                let (j, m) = seconds
                    .iter()
                    .find(|(j, _)| *j >= i + n && *j <= i + n + reach)?;
                Some((i, j + m - i))
            })
            .collect();
    }
    let n = cue.split_ascii_whitespace().count();
    starts(toks, cue).into_iter().map(|i| (i, n)).collect()
}

/// Where a phrase (no `~`) starts, in text order. The first word is looked up (see
/// [`Words::holds`]) before any word is compared in order; each of its alternatives so.
fn starts(toks: &Words, phrase: &str) -> Vec<usize> {
    let mut words = phrase.split_ascii_whitespace();
    let Some(first) = words.next() else {
        return Vec::new();
    };
    let mut at: Vec<usize> = first
        .split('|')
        .filter(|w| toks.holds(w))
        .flat_map(|w| toks.matching(w))
        .filter(|&i| rest_matches(toks, i, words.clone()))
        .collect();
    if first.contains('|') {
        at.sort_unstable();
        at.dedup();
    }
    at
}

/// Where any of the cues match, in text order, with the cue that matched.
pub(crate) fn find_any<'c>(toks: &Words, cues: &[&'c str]) -> Vec<(usize, &'c str)> {
    let mut out: Vec<(usize, &str)> = cues
        .iter()
        .flat_map(|c| find(toks, c).into_iter().map(move |k| (k, *c)))
        .collect();
    out.sort_unstable_by_key(|(k, c)| (*k, std::cmp::Reverse(c.len())));
    out.dedup_by_key(|(k, _)| *k);
    out
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
    if cue.contains(['|', '~']) {
        return !find_spans(toks, cue).is_empty();
    }
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
pub(crate) fn word_matches(token: &str, word: &str) -> bool {
    if word.contains('|') {
        return word.split('|').any(|w| word_matches(token, w));
    }
    match word.strip_suffix('*') {
        Some(stem) => token.starts_with(stem),
        None => token == word,
    }
}

/// True when a word matches any of the cue words (single words only).
pub(crate) fn is_any(token: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word_matches(token, w))
}

/// True when any of the cues matches.
pub(crate) fn any(toks: &Words, cues: &[&str]) -> bool {
    cues.iter().any(|c| matches(toks, c))
}

/// The words matched by the first of the cues that matches (in the cues' order), as a
/// reader would quote them: "complaint" for the cue `complain*`.
pub(crate) fn first(toks: &Words, cues: &[&str]) -> Option<String> {
    let cue = cues.iter().find(|c| matches(toks, c))?;
    let at = *find(toks, cue).first()?;
    Some(matched(toks, at, cue))
}

/// The words of a cue matched at word `at`.
pub(crate) fn matched(toks: &Words, at: usize, cue: &str) -> String {
    let n = find_spans(toks, cue)
        .into_iter()
        .find(|(i, _)| *i == at)
        .map_or_else(|| cue.split_ascii_whitespace().count(), |(_, n)| n);
    (at..(at + n).min(toks.len()))
        .map(|k| toks.word(k))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many of the cues match.
pub(crate) fn count(toks: &Words, cues: &[&str]) -> usize {
    cues.iter().filter(|c| matches(toks, c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_offer_alternatives_and_nearness() {
        let w = Words::new;
        let cue = "doubt*|unsure ~4 mean*|appl*";
        assert!(any(
            &w("If anyone is in doubt as to how it applies"),
            &[cue]
        ));
        assert!(any(&w("Officers unsure what it means should ask"), &[cue]));
        // Too far apart, or the wrong way round.
        assert!(!any(
            &w("in doubt about the many rules set out here that apply"),
            &[cue]
        ));
        assert!(!any(&w("how it applies is never in doubt"), &[cue]));
        assert_eq!(
            first(&w("Where there is doubt about its meaning"), &[cue]).as_deref(),
            Some("doubt about its meaning")
        );
        assert!(any(&w("the Chair or the Clerk"), &["chair|clerk"]));
    }

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
