//! Cross-references checked across the change: a reference the new text kept from the old
//! ("see paragraph 3.3") whose target was renumbered or removed now points at the wrong clause;
//! a reference to a clause that does not exist points nowhere.
//!
//! References are read from the text ("paragraph 2.25", "paragraphs 2.25 and 2.26", "clause
//! 3.3", "(2.12.6)") and from the ids the reader resolved (`Clause::refs`).

use std::collections::{HashMap, HashSet};

use super::ReferenceProblem;
use super::units::Unit;

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
    let mut out: Vec<(String, String)> = concord_model::refs::find(&u.text)
        .into_iter()
        .map(|r| (r.text, r.target))
        .collect();
    for r in &u.clause.refs {
        if !out.iter().any(|(_, t)| t == r) {
            out.push((r.clone(), r.clone()));
        }
    }
    let mut seen = HashSet::new();
    out.retain(|(_, t)| seen.insert(t.clone()));
    out
}
