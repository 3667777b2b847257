//! Material or editorial: what a standards committee must read first, and why.
//!
//! A change is **material** when it changes who acts (a role), what they must or may do (a
//! duty, a right, a negation), a number or period (a deadline, a count of days or years), or
//! the scope of a route (formal/informal, in writing, only, unless...). Each rule compares what
//! the old and new texts *say* (counts of cue words), not how many letters moved, so rewording
//! that keeps every role, modal, number and scope word is editorial. Everything else is
//! **editorial**, with the most specific reason that fits: whitespace only, punctuation or
//! capitalisation only, gender-neutral language, item numbering only, a role renamed to another
//! name of the same role, or wording; plus numbering, position, split and merge notes.
//!
//! Roles come from the clause model (`Clause::roles`, tagged by the reader) when either side
//! has them, and from `concord-model`'s lexicon (the one role table, resolved for the council's
//! kind) on the changed text, to notice that a role changed or was only renamed; who does what
//! is `answers`' job.

use concord_model::roles::Lexicon;
use concord_model::words::{SMALL_NUMBERS, tokens};
use std::collections::BTreeMap;

use super::units::Unit;
use super::{Class, Op, Structure, Word};

/// What [`classify`] looks at.
#[derive(Debug)]
pub(crate) struct Input<'a, 'u> {
    /// The role lexicon for the council's kind.
    pub lexicon: &'a Lexicon,
    pub old: &'a Unit<'u>,
    pub new: &'a Unit<'u>,
    pub words: &'a [Word],
    pub renumbered: bool,
    pub moved: bool,
    pub structure: Option<Structure>,
    pub group_old: &'a [&'a str],
    pub group_new: &'a [&'a str],
}

/// A class and its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub class: Class,
    pub reason: String,
}

/// Duties, rights and their negation.
const DUTY: &[&str] = &[
    "must", "shall", "should", "may", "will", "can", "cannot", "might", "need", "required",
    "entitled", "obliged", "expected", "not", "never", "no", "nor",
];

/// Periods and the number words past nineteen ([`SMALL_NUMBERS`] holds zero to nineteen).
const PERIOD_WORDS: &[&str] = &[
    "twenty",
    "thirty",
    "sixty",
    "ninety",
    "half",
    "once",
    "twice",
    "hour",
    "hours",
    "day",
    "days",
    "working",
    "week",
    "weeks",
    "fortnight",
    "month",
    "months",
    "year",
    "years",
    "annually",
    "annual",
    "weekly",
    "monthly",
    "quarterly",
];

/// Tells whether a lowercase word is a cue of a kind of material change.
type Cue = fn(&str) -> bool;

/// A number (in figures or words) or a period: changing one changes a duty's deadline.
fn number_or_period(w: &str) -> bool {
    (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
        || SMALL_NUMBERS.contains(&w)
        || PERIOD_WORDS.contains(&w)
}

/// Words that set the scope of a route: which matters, how, through whom.
const SCOPE: &[&str] = &[
    "formal",
    "informal",
    "formally",
    "informally",
    "complaint",
    "complaints",
    "confidential",
    "confidence",
    "writing",
    "written",
    "only",
    "all",
    "any",
    "every",
    "except",
    "unless",
    "without",
    "consult",
    "consulted",
    "consultation",
    "approve",
    "approved",
    "approval",
    "agree",
    "agreed",
    "agreement",
    "authorise",
    "authorised",
    "notify",
    "notified",
    "inform",
    "informed",
    "appeal",
    "refer",
    "referred",
    "report",
    "escalate",
    "prior",
    "before",
    "after",
    "immediately",
    "promptly",
];

/// Gendered and gender-neutral words: a change among only these (and verb agreement) is the
/// move to gender-neutral language.
const GENDER: &[&str] = &[
    "he",
    "she",
    "his",
    "her",
    "hers",
    "him",
    "himself",
    "herself",
    "s",
    "or",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "themself",
];

/// Verb agreement that follows a pronoun change ("he has" -> "they have").
const AGREEMENT: &[(&str, &str)] = &[
    ("has", "have"),
    ("is", "are"),
    ("was", "were"),
    ("does", "do"),
    ("doesn", "don"),
    ("chairman", "chair"),
    ("chairwoman", "chair"),
];

/// The class and reason of one aligned entry; `None` when nothing about it changed.
pub(crate) fn classify(input: &Input<'_, '_>) -> Option<Verdict> {
    let text_changed = input.words.iter().any(|w| w.op != Op::Equal);
    let mut notes = structure_notes(input);
    if !text_changed {
        if notes.is_empty() {
            return None;
        }
        return Some(Verdict {
            class: Class::Editorial,
            reason: notes.join("; "),
        });
    }
    let old_text: String = text_of(input.words, Op::Insert);
    let new_text: String = text_of(input.words, Op::Delete);
    let old = Tokens::new(&old_text);
    let new = Tokens::new(&new_text);

    let mut material = Vec::new();
    let (role_change, rename) = roles(input, &old, &new);
    material.extend(role_change);
    let cues: [(&str, Cue); 3] = [
        ("duty or right", |w| DUTY.contains(&w)),
        ("number or period", number_or_period),
        ("route or scope", |w| SCOPE.contains(&w)),
    ];
    for (label, cue) in cues {
        if let Some(r) = counted(label, &old, &new, cue) {
            material.push(r);
        }
    }
    if !material.is_empty() {
        material.extend(notes);
        return Some(Verdict {
            class: Class::Material,
            reason: material.join("; "),
        });
    }
    let what = if old_text.split_whitespace().eq(new_text.split_whitespace()) {
        "whitespace only".to_string()
    } else if old.lower == new.lower {
        "punctuation or capitalisation only".to_string()
    } else if let Some(r) = rename {
        r
    } else if gender_neutral(input.words) {
        "gender-neutral language".to_string()
    } else if labels_only(input.words) {
        "item numbering only".to_string()
    } else {
        "wording".to_string()
    };
    notes.insert(0, what);
    Some(Verdict {
        class: Class::Editorial,
        reason: notes.join("; "),
    })
}

fn text_of(words: &[Word], skip: Op) -> String {
    words
        .iter()
        .filter(|w| w.op != skip)
        .map(|w| w.text.as_str())
        .collect()
}

fn structure_notes(input: &Input<'_, '_>) -> Vec<String> {
    let mut notes = Vec::new();
    match input.structure {
        Some(Structure::Split) => notes.push(format!(
            "split: {} -> {}",
            input.group_old.join(", "),
            input.group_new.join(", ")
        )),
        Some(Structure::Merge) => notes.push(format!(
            "merged: {} -> {}",
            input.group_old.join(", "),
            input.group_new.join(", ")
        )),
        None => {}
    }
    if input.renumbered {
        notes.push(format!("renumbered {} -> {}", input.old.id, input.new.id));
    }
    if input.moved {
        match (&input.old.section, &input.new.section) {
            (Some(a), Some(b)) if a != b => notes.push(format!("moved from {a} to {b}")),
            _ => notes.push("moved".into()),
        }
    }
    notes
}

/// Lowercased words of a text with their original spelling (the model's tokenizer).
struct Tokens<'a> {
    text: &'a str,
    lower: Vec<String>,
    orig: Vec<&'a str>,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Tokens<'a> {
        let toks = tokens(text);
        Tokens {
            text,
            orig: toks.iter().map(|t| &text[t.start..t.end]).collect(),
            lower: toks.into_iter().map(|t| t.lower.into_owned()).collect(),
        }
    }

    /// Role mentions as the lexicon reads them: (role id, the words as written, qualifiers
    /// included, with single spaces between them), in order.
    fn roles(&self, lexicon: &Lexicon) -> Vec<(String, String)> {
        lexicon
            .mentions(self.text)
            .into_iter()
            .map(|m| {
                let words: Vec<&str> = tokens(&m.text)
                    .iter()
                    .map(|t| &m.text[t.start..t.end])
                    .collect();
                (m.role, words.join(" "))
            })
            .collect()
    }
}

/// A change of role (material), or a role written another way (a rename, editorial).
fn roles(
    input: &Input<'_, '_>,
    old: &Tokens<'_>,
    new: &Tokens<'_>,
) -> (Option<String>, Option<String>) {
    let (o, n) = (old.roles(input.lexicon), new.roles(input.lexicon));
    let ids = |v: &[(String, String)]| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        v.iter()
            .for_each(|(id, _)| *m.entry(id.clone()).or_default() += 1);
        m
    };
    // The reader's tags describe a whole clause; use them for whole clauses only.
    let tagged = input.structure.is_none()
        && (!input.old.clause.roles.is_empty() || !input.new.clause.roles.is_empty());
    let changed = if tagged {
        let mut a = input.old.clause.roles.clone();
        let mut b = input.new.clause.roles.clone();
        a.sort();
        b.sort();
        a != b || ids(&o) != ids(&n)
    } else {
        ids(&o) != ids(&n)
    };
    let removed = minus(&o, &n);
    let added = minus(&n, &o);
    if changed {
        let r = match (removed.is_empty(), added.is_empty()) {
            (false, false) => format!("role: {} -> {}", removed.join(", "), added.join(", ")),
            (false, true) => format!("role removed: {}", removed.join(", ")),
            (true, false) => format!("role added: {}", added.join(", ")),
            (true, true) => format!(
                "roles: {} -> {}",
                input.old.clause.roles.join(", "),
                input.new.clause.roles.join(", ")
            ),
        };
        return (Some(r), None);
    }
    let rename = (!removed.is_empty() || !added.is_empty()).then(|| {
        format!(
            "role renamed: {} -> {}",
            removed.join(", "),
            added.join(", ")
        )
    });
    (None, rename)
}

/// Phrases in `a` not matched (as written, case aside) in `b`, each once, in order.
fn minus(a: &[(String, String)], b: &[(String, String)]) -> Vec<String> {
    let mut pool: Vec<String> = b.iter().map(|(_, s)| s.to_lowercase()).collect();
    let mut out: Vec<String> = Vec::new();
    for (_, s) in a {
        if let Some(p) = pool.iter().position(|x| *x == s.to_lowercase()) {
            pool.remove(p);
        } else if !out.contains(s) {
            out.push(s.clone());
        }
    }
    out
}

/// Compares how often the cue words occur; a different count is a material change.
fn counted(
    label: &str,
    old: &Tokens<'_>,
    new: &Tokens<'_>,
    cue: impl Fn(&str) -> bool,
) -> Option<String> {
    fn count<'t>(t: &'t Tokens<'_>, cue: &impl Fn(&str) -> bool) -> BTreeMap<&'t str, usize> {
        let mut m: BTreeMap<&str, usize> = BTreeMap::new();
        for w in &t.lower {
            if cue(w) {
                *m.entry(w.as_str()).or_default() += 1;
            }
        }
        m
    }
    let (a, b) = (count(old, &cue), count(new, &cue));
    if a == b {
        return None;
    }
    let side = |x: &BTreeMap<&str, usize>, y: &BTreeMap<&str, usize>, t: &Tokens<'_>| {
        let mut words: Vec<&str> = Vec::new();
        for (k, w) in t.lower.iter().enumerate() {
            if x.get(w.as_str()) > y.get(w.as_str()).or(Some(&0)) && !words.contains(&t.orig[k]) {
                words.push(t.orig[k]);
            }
        }
        words
            .iter()
            .map(|w| format!("\u{201c}{w}\u{201d}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (removed, added) = (side(&a, &b, old), side(&b, &a, new));
    Some(match (removed.is_empty(), added.is_empty()) {
        (false, false) => format!("{label}: {removed} -> {added}"),
        (false, true) => format!("{label}: {removed} removed"),
        _ => format!("{label}: {added} added"),
    })
}

/// True when every deleted and inserted word is a pronoun (or "or", as in "he or she") or the
/// verb agreement that follows one, and at least one pronoun changed.
fn gender_neutral(words: &[Word]) -> bool {
    let mut del = Vec::new();
    let mut ins = Vec::new();
    for w in words {
        let list = match w.op {
            Op::Equal => continue,
            Op::Delete => &mut del,
            Op::Insert => &mut ins,
        };
        list.extend(Tokens::new(&w.text).lower);
    }
    let is_pronoun = |w: &String| GENDER.contains(&w.as_str());
    if !del
        .iter()
        .chain(&ins)
        .any(|w| is_pronoun(w) && w != "or" && w != "s")
    {
        return false;
    }
    let d: Vec<&String> = del.iter().filter(|w| !is_pronoun(w)).collect();
    let i: Vec<&String> = ins.iter().filter(|w| !is_pronoun(w)).collect();
    d.len() == i.len()
        && d.iter().zip(&i).all(|(d, i)| {
            AGREEMENT.contains(&(d.as_str(), i.as_str()))
                || d.strip_suffix('s') == Some(i.as_str())
                || d.strip_suffix("es") == Some(i.as_str())
        })
}

/// True when only item labels changed (`(xiv)` -> `(xv)`, `a.` -> `b.`).
fn labels_only(words: &[Word]) -> bool {
    // A label is written with its brackets or dot: "(xv)", "b.", "c)".
    let label = |s: &str| {
        let marked = s.starts_with('(') || s.ends_with(')') || s.ends_with('.');
        let t = s.trim_start_matches('(').trim_end_matches([')', '.']);
        let roman = t.chars().all(|c| "ivxlc".contains(c));
        let letter = t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_lowercase());
        let number = t.chars().all(|c| c.is_ascii_digit());
        marked && !t.is_empty() && (roman || letter || number)
    };
    // The brackets of a relabelled item usually stay equal: read each change with them.
    let mut any = false;
    for (k, w) in words.iter().enumerate() {
        if w.op == Op::Equal {
            continue;
        }
        any = true;
        let before = words[..k]
            .iter()
            .rev()
            .find(|w| w.op == Op::Equal)
            .and_then(|w| w.text.chars().last())
            .filter(|c| *c == '(');
        let after = words[k + 1..]
            .iter()
            .find(|w| w.op == Op::Equal)
            .and_then(|w| w.text.chars().next())
            .filter(|c| matches!(c, ')' | '.'));
        let text: String = before
            .into_iter()
            .chain(w.text.chars())
            .chain(after)
            .collect();
        if !text.split_whitespace().all(label) {
            return false;
        }
    }
    any
}
