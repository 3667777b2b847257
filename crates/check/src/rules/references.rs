//! `dangling-reference` and `reference-off-topic`: cross-references that point nowhere, and
//! ones that point at a clause about something else (the usual sign of a renumbering that the
//! references did not follow).
//!
//! "About something else" is judged by words, transparently: the content words of the sentence
//! that holds the reference are compared with the words of the target clause and its section
//! heading. A reference whose sentence shares no content word with its target is reported as a
//! warning, naming what the target is about, so a reader can judge in one glance.

use std::collections::BTreeSet;

use concord_model::{Clause, Code, Section};

use super::{Context, finding, texts};
use crate::Finding;

/// Words too common in protocols to say what a clause is about.
const COMMON: &[&str] = &[
    "about",
    "above",
    "accordance",
    "after",
    "also",
    "any",
    "apply",
    "applies",
    "been",
    "before",
    "below",
    "between",
    "clause",
    "clauses",
    "council",
    "councillor",
    "councillors",
    "could",
    "each",
    "either",
    "further",
    "have",
    "member",
    "members",
    "must",
    "officer",
    "officers",
    "other",
    "para",
    "paragraph",
    "paragraphs",
    "protocol",
    "provision",
    "provisions",
    "refer",
    "referred",
    "section",
    "shall",
    "should",
    "such",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "under",
    "where",
    "which",
    "while",
    "will",
    "with",
    "within",
    "would",
    "necessary",
    "matter",
    "matters",
    "made",
    "make",
    "being",
    "when",
    "what",
    "from",
    "into",
    "more",
    "only",
    "same",
    "than",
    "were",
    "your",
];

pub fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for d in cx.diagnostics {
        if d.code == Code::UnresolvedReference {
            let clause = cx.clause_at(d.line).map(|c| c.id.as_str());
            out.push(finding(
                "dangling-reference",
                d.line,
                clause,
                d.message.clone(),
                "point the reference at the clause it means, or remove it",
            ));
        }
    }
    for c in &cx.clauses {
        for target in &c.refs {
            let Some(t) = cx.doc.clause(target) else {
                continue;
            };
            if t.id == c.id {
                continue;
            }
            let Some(sentence) = sentence_with(c, target) else {
                continue;
            };
            let here = stems(&sentence);
            if here.len() < 2 {
                continue;
            }
            let mut there = BTreeSet::new();
            for text in texts(t) {
                there.extend(stems(text));
            }
            for s in t.clauses.iter() {
                for text in texts(s) {
                    there.extend(stems(text));
                }
            }
            if let Some(h) = heading_of(&cx.doc.sections, target) {
                there.extend(stems(&h));
            }
            if here.intersection(&there).next().is_none() {
                let about = summary(&t.text);
                out.push(finding(
                    "reference-off-topic",
                    cx.line_of(c, target),
                    Some(&c.id),
                    format!(
                        "clause {} refers to {target} (\"{}\"), but {target} is about something else: \"{about}\"",
                        c.id,
                        sentence.trim()
                    ),
                    format!("check which clause is meant; {target} may have been renumbered"),
                ));
            }
        }
    }
}

/// The sentence of a clause's texts that names `target`.
fn sentence_with(c: &Clause, target: &str) -> Option<String> {
    for text in texts(c) {
        for s in text.split_inclusive(['.', ';', '\n']) {
            // A sentence split at the dots inside "2.25" is mended by looking at neighbours.
            if s.contains(target) {
                return Some(s.to_string());
            }
        }
        if let Some(at) = text.find(target) {
            let start = text[..at].rfind(['.', ';']).map_or(0, |k| k + 1);
            return Some(text[start..].chars().take(300).collect());
        }
    }
    None
}

/// Content-word stems (first five letters, lowercase) of a text.
fn stems(text: &str) -> BTreeSet<String> {
    text.split(|ch: char| !ch.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .filter(|w| !COMMON.contains(&w.as_str()))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// The heading of the section holding a clause.
fn heading_of(sections: &[Section], id: &str) -> Option<String> {
    for s in sections {
        if s.clauses
            .iter()
            .any(|c| c.walk().iter().any(|x| x.id == id))
        {
            return Some(s.heading.clone());
        }
        if let Some(h) = heading_of(&s.sections, id) {
            return Some(h);
        }
    }
    None
}

/// The first words of a clause, for a message.
fn summary(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(12).collect();
    let mut s = words.join(" ");
    if text.split_whitespace().count() > 12 {
        s.push('…');
    }
    s
}
