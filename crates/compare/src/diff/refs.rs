//! Cross-references checked across the change: a reference the new text kept from the old
//! ("see paragraph 3.3") whose target was renumbered or removed now points at the wrong clause;
//! a reference to a clause that does not exist points nowhere.
//!
//! References are read from the text ("paragraph 2.25", "paragraphs 2.25 and 2.26", "clause
//! 3.3", "(2.12.6)") and from the ids the reader resolved (`Clause::refs`).

use std::collections::{HashMap, HashSet};

use super::ReferenceProblem;
use super::units::Unit;

const KEYWORDS: &[&str] = &[
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "clause",
    "clauses",
];

/// The reference problems of the new version.
pub(crate) fn check(
    olds: &[Unit<'_>],
    news: &[Unit<'_>],
    old_to_new: &[Option<usize>],
) -> Vec<ReferenceProblem> {
    let new_ids: HashSet<&str> = news.iter().map(|u| u.id.as_str()).collect();
    let mut old_by_id: HashMap<&str, usize> = HashMap::new();
    for (i, u) in olds.iter().enumerate() {
        old_by_id.entry(u.id.as_str()).or_insert(i);
    }
    let mut partner: HashMap<usize, usize> = HashMap::new();
    for (i, j) in old_to_new.iter().enumerate() {
        if let Some(j) = j {
            partner.entry(*j).or_insert(i);
        }
    }
    let mut out = Vec::new();
    for (j, u) in news.iter().enumerate() {
        let old_refs: HashSet<String> = partner
            .get(&j)
            .map(|&i| refs_of(&olds[i]).into_iter().map(|(_, t)| t).collect())
            .unwrap_or_default();
        for (text, target) in refs_of(u) {
            let old_i = old_by_id.get(target.as_str()).copied();
            let now = old_i
                .and_then(|i| old_to_new[i])
                .map(|k| news[k].id.clone());
            let kept = old_refs.contains(&target);
            let problem = match (kept, old_i, now) {
                (true, Some(_), Some(now)) if now != target => Some((
                    "renumbered",
                    Some(now.clone()),
                    format!("refers to {target}, but the clause it meant is now {now}"),
                )),
                (true, Some(_), None) => Some((
                    "removed",
                    None,
                    format!("refers to {target}, which was removed"),
                )),
                _ if !new_ids.contains(target.as_str()) => Some((
                    "missing",
                    None,
                    format!("refers to {target}, which does not exist"),
                )),
                _ => None,
            };
            if let Some((problem, new_target, message)) = problem {
                out.push(ReferenceProblem {
                    clause: u.id.clone(),
                    text,
                    old_target: old_i.map(|_| target.clone()),
                    new_target,
                    problem: problem.into(),
                    message,
                });
            }
        }
    }
    out
}

/// The references of a clause: (as written, target id), each target once, in reading order.
fn refs_of(u: &Unit<'_>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = scan(&u.text);
    for r in &u.clause.refs {
        if !out.iter().any(|(_, t)| t == r) {
            out.push((r.clone(), r.clone()));
        }
    }
    let mut seen = HashSet::new();
    out.retain(|(_, t)| seen.insert(t.clone()));
    out
}

/// Finds references written in the text.
pub(crate) fn scan(text: &str) -> Vec<(String, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let at_word_start = k == 0 || !chars[k - 1].1.is_alphanumeric();
        if at_word_start {
            // "paragraph 2.25", "paragraphs 2.25 and 2.26"
            let word_end = (k..chars.len())
                .find(|&e| !chars[e].1.is_alphabetic())
                .unwrap_or(chars.len());
            let word: String = chars[k..word_end].iter().map(|c| c.1).collect::<String>();
            if KEYWORDS.contains(&word.to_lowercase().as_str()) {
                let mut p = skip_spaces(&chars, word_end);
                while let Some((id, end)) = number(&chars, p) {
                    let span = slice(text, &chars, k, end);
                    out.push((span, id));
                    // A list continues with ", ", " and ", " or ", " to ".
                    let q = skip_spaces(&chars, end);
                    let q = match chars.get(q).map(|c| c.1) {
                        Some(',' | '-' | '–') => skip_spaces(&chars, q + 1),
                        _ => {
                            let rest: String = chars[q..].iter().take(4).map(|c| c.1).collect();
                            let rest = rest.to_lowercase();
                            if rest.starts_with("and ") {
                                skip_spaces(&chars, q + 3)
                            } else if rest.starts_with("or ") || rest.starts_with("to ") {
                                skip_spaces(&chars, q + 2)
                            } else {
                                break;
                            }
                        }
                    };
                    p = q;
                }
                k = word_end;
                continue;
            }
        }
        // "(2.12.6)": a bracketed dotted number.
        if chars[k].1 == '('
            && let Some((id, end)) = number(&chars, k + 1)
            && id.contains('.')
            && chars.get(end).map(|c| c.1) == Some(')')
        {
            out.push((slice(text, &chars, k, end + 1), id));
            k = end + 1;
            continue;
        }
        k += 1;
    }
    out
}

fn skip_spaces(chars: &[(usize, char)], mut k: usize) -> usize {
    while k < chars.len() && chars[k].1.is_whitespace() {
        k += 1;
    }
    k
}

/// A clause number at `k` (`2.25`, `3`, `2.12.6`): the id and the index after it. A trailing
/// dot ends a sentence, not the number.
fn number(chars: &[(usize, char)], k: usize) -> Option<(String, usize)> {
    let mut e = k;
    let mut id = String::new();
    loop {
        let start = e;
        while e < chars.len() && chars[e].1.is_ascii_digit() {
            id.push(chars[e].1);
            e += 1;
        }
        if e == start {
            return None;
        }
        let more = chars.get(e).map(|c| c.1) == Some('.')
            && chars.get(e + 1).is_some_and(|c| c.1.is_ascii_digit());
        if !more {
            break;
        }
        id.push('.');
        e += 1;
    }
    (!id.is_empty()).then_some((id, e))
}

fn slice(text: &str, chars: &[(usize, char)], from: usize, to: usize) -> String {
    let start = chars[from].0;
    let end = chars.get(to).map_or(text.len(), |c| c.0);
    text[start..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_written_references() {
        let found: Vec<String> = scan(
            "See Paragraph 2.25 and paragraphs 3.1, 3.2 and 4.10. Officers (2.12.6) and section 6.",
        )
        .into_iter()
        .map(|(t, id)| format!("{t}={id}"))
        .collect();
        assert_eq!(
            found,
            [
                "Paragraph 2.25=2.25",
                "paragraphs 3.1=3.1",
                "paragraphs 3.1, 3.2=3.2",
                "paragraphs 3.1, 3.2 and 4.10=4.10",
                "(2.12.6)=2.12.6"
            ]
        );
    }
}
