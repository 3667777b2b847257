//! Clause alignment: which old clause became which new clause.
//!
//! Passes, strongest evidence first, each only over the clauses still unpaired:
//!
//! 1. **Identical text** (whitespace aside), preferring the same id, then reading order: a
//!    renumbered or moved clause that kept its words pairs here whatever its number.
//! 2. **Same id, similar text** (Sørensen–Dice on word bigrams at least
//!    [`DiffConfig::same_id_similarity`]): an edited clause that kept its number. An id reused by
//!    a different clause after a renumbering fails the similarity test and is left for later.
//! 3. **Similar text, in order**: the heaviest order-preserving chain of candidate pairs
//!    (similarity at least [`DiffConfig::min_similarity`]), a weighted longest increasing
//!    subsequence, so an edited *and* renumbered run pairs with its old selves.
//! 4. **Moves**: pairs out of order, greedily by similarity, from
//!    [`DiffConfig::move_similarity`].
//! 5. **Splits and merges**: an unpaired clause whose words are mostly inside a neighbour's
//!    partner (or a run of unpaired clauses that together make up one unpaired clause) joins it.
//!
//! **Work bound.** Candidates come from an inverted index of bigrams; bigrams shared by more than
//! [`COMMON_GRAM`] unpaired clauses are skipped when looking for candidates (they say little),
//! and at most [`DiffConfig::max_candidates`] candidates per clause are scored. So the similarity
//! passes cost about `clauses x max_candidates` comparisons, not `clauses²`. Passes 1 and 2 are
//! linear. The split/merge scan of pass 5 over clauses left unpaired is skipped (those stay
//! added and removed) when it would exceed [`MAX_STRUCTURE_CELLS`] comparisons. Two documents
//! with the same numbering pair almost entirely in the linear passes.

use std::collections::HashMap;

use super::DiffConfig;
use super::similarity::{Grams, containment, dice};
use super::units::Unit;

/// A bigram held by more unpaired clauses than this is not used to find candidates (it is still
/// counted when a candidate is scored). Below it, candidate search is exact.
pub(crate) const COMMON_GRAM: usize = 64;

/// Pass 5 compares every clause left unpaired on one side with every one on the other; above
/// this many comparisons it is skipped.
pub(crate) const MAX_STRUCTURE_CELLS: usize = 1_000_000;

/// A part of a split or merge must have at least this share of its bigrams inside the clause it
/// came from (or went to).
const PART_CONTAINMENT: f64 = 0.6;

/// One old clause and one new (a pair), one old and several new (a split), or several old and
/// one new (a merge). Indices are reading-order positions; both lists are sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    pub old: Vec<usize>,
    pub new: Vec<usize>,
}

/// Where a group stands compared with the old version.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Placement {
    pub moved: bool,
}

/// Pairs the clauses of two versions.
pub(crate) fn align(olds: &[Unit<'_>], news: &[Unit<'_>], cfg: &DiffConfig) -> Vec<Group> {
    let mut m = Matching {
        old: vec![None; olds.len()],
        new: vec![None; news.len()],
    };
    identical(olds, news, &mut m);
    same_id(olds, news, &mut m, cfg);
    let cands = candidates(olds, news, &m, cfg);
    in_order(&cands, &mut m);
    moves(&cands, &mut m, cfg);

    let mut groups = Vec::new();
    let mut in_group_old = vec![false; olds.len()];
    let mut in_group_new = vec![false; news.len()];
    for (one, many) in structures(olds, news, &m.old, &m.new, cfg) {
        let mut new = many;
        new.sort_unstable();
        in_group_old[one] = true;
        new.iter().for_each(|&j| in_group_new[j] = true);
        groups.push(Group {
            old: vec![one],
            new,
        });
    }
    let (free_old, free_new) = (unflag(&m.old, &in_group_old), unflag(&m.new, &in_group_new));
    for (one, many) in structures(news, olds, &free_new, &free_old, cfg) {
        let mut old = many;
        old.sort_unstable();
        in_group_new[one] = true;
        old.iter().for_each(|&i| in_group_old[i] = true);
        groups.push(Group {
            old,
            new: vec![one],
        });
    }
    for (i, j) in m.old.iter().enumerate() {
        let Some(j) = *j else { continue };
        if !in_group_old[i] && !in_group_new[j] {
            groups.push(Group {
                old: vec![i],
                new: vec![j],
            });
        }
    }
    groups.sort_by_key(|g| (g.new.first().copied(), g.old.first().copied()));
    groups
}

/// For each old clause, the last new clause of its group.
pub(crate) fn old_to_new(old_len: usize, groups: &[Group]) -> Vec<Option<usize>> {
    let mut out = vec![None; old_len];
    for g in groups {
        let last = g.new.iter().copied().max();
        for &i in &g.old {
            out[i] = last;
        }
    }
    out
}

/// Marks each group moved when it left its section (the section most of its old section's
/// clauses went to) or its order (it is not on the longest run of groups that kept their order).
pub(crate) fn placement(olds: &[Unit<'_>], news: &[Unit<'_>], groups: &[Group]) -> Vec<Placement> {
    let rep = |g: &Group| (g.old[0], g.new[0]);
    // Section mapping by majority; ties go to the section met first in reading order.
    let mut votes: HashMap<Option<&str>, Vec<(Option<&str>, usize)>> = HashMap::new();
    for g in groups {
        let (i, j) = rep(g);
        let list = votes.entry(olds[i].section.as_deref()).or_default();
        let to = news[j].section.as_deref();
        match list.iter_mut().find(|(s, _)| *s == to) {
            Some((_, n)) => *n += 1,
            None => list.push((to, 1)),
        }
    }
    let mapped = |from: Option<&str>| -> Option<&str> {
        let list = votes.get(&from)?;
        let mut best: Option<(Option<&str>, usize)> = None;
        for &(s, n) in list {
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((s, n));
            }
        }
        best.and_then(|(s, _)| s)
    };
    let mut by_old: Vec<usize> = (0..groups.len()).collect();
    by_old.sort_by_key(|&g| rep(&groups[g]));
    let seq: Vec<usize> = by_old.iter().map(|&g| rep(&groups[g]).1).collect();
    let keep = longest_increasing(&seq);
    let mut out = vec![Placement::default(); groups.len()];
    for (k, &g) in by_old.iter().enumerate() {
        let (i, j) = rep(&groups[g]);
        let left_section = mapped(olds[i].section.as_deref()) != news[j].section.as_deref();
        out[g].moved = left_section || !keep[k];
    }
    out
}

struct Matching {
    old: Vec<Option<usize>>,
    new: Vec<Option<usize>>,
}

impl Matching {
    fn pair(&mut self, i: usize, j: usize) {
        self.old[i] = Some(j);
        self.new[j] = Some(i);
    }

    fn free(&self, i: usize, j: usize) -> bool {
        self.old[i].is_none() && self.new[j].is_none()
    }
}

fn unflag(m: &[Option<usize>], flagged: &[bool]) -> Vec<Option<usize>> {
    m.iter()
        .zip(flagged)
        .map(|(p, f)| if *f { Some(usize::MAX) } else { *p })
        .collect()
}

fn identical(olds: &[Unit<'_>], news: &[Unit<'_>], m: &mut Matching) {
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (j, u) in news.iter().enumerate() {
        if !u.squeezed.is_empty() {
            by_text.entry(u.squeezed.as_str()).or_default().push(j);
        }
        by_id.entry(u.id.as_str()).or_insert(j);
    }
    for (i, u) in olds.iter().enumerate() {
        let Some(&j) = by_id.get(u.id.as_str()) else {
            continue;
        };
        if !u.squeezed.is_empty() && news[j].squeezed == u.squeezed && m.free(i, j) {
            m.pair(i, j);
        }
    }
    for (i, u) in olds.iter().enumerate() {
        if m.old[i].is_some() {
            continue;
        }
        let Some(list) = by_text.get(u.squeezed.as_str()) else {
            continue;
        };
        if let Some(&j) = list.iter().find(|&&j| m.new[j].is_none()) {
            m.pair(i, j);
        }
    }
}

fn same_id(olds: &[Unit<'_>], news: &[Unit<'_>], m: &mut Matching, cfg: &DiffConfig) {
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (j, u) in news.iter().enumerate() {
        by_id.entry(u.id.as_str()).or_insert(j);
    }
    for (i, u) in olds.iter().enumerate() {
        let Some(&j) = by_id.get(u.id.as_str()) else {
            continue;
        };
        if m.free(i, j) && dice(&u.grams, &news[j].grams) >= cfg.same_id_similarity {
            m.pair(i, j);
        }
    }
}

/// A scored candidate pair.
#[derive(Debug, Clone, Copy)]
struct Cand {
    i: usize,
    j: usize,
    sim: f64,
}

fn candidates(olds: &[Unit<'_>], news: &[Unit<'_>], m: &Matching, cfg: &DiffConfig) -> Vec<Cand> {
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, u) in news.iter().enumerate() {
        if m.new[j].is_none() {
            for g in u.grams.iter() {
                index.entry(g).or_default().push(j);
            }
        }
    }
    let mut out = Vec::new();
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for (i, u) in olds.iter().enumerate() {
        if m.old[i].is_some() {
            continue;
        }
        counts.clear();
        for g in u.grams.iter() {
            match index.get(&g) {
                Some(list) if list.len() <= COMMON_GRAM => {
                    for &j in list {
                        *counts.entry(j).or_default() += 1;
                    }
                }
                _ => {}
            }
        }
        // HashMap order is not stable: rank by count, then position.
        let mut ranked: Vec<(usize, usize)> = counts.iter().map(|(&j, &n)| (j, n)).collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(cfg.max_candidates);
        for (j, _) in ranked {
            let sim = dice(&u.grams, &news[j].grams);
            if sim >= cfg.min_similarity {
                out.push(Cand { i, j, sim });
            }
        }
    }
    out
}

/// The heaviest chain of candidates increasing in both old and new position (a weighted longest
/// increasing subsequence, with a Fenwick tree of prefix maxima over new positions).
fn in_order(cands: &[Cand], m: &mut Matching) {
    let mut order: Vec<usize> = (0..cands.len()).collect();
    // Same old clause: larger new position first, so one old clause cannot chain with itself.
    order.sort_by(|&a, &b| {
        cands[a]
            .i
            .cmp(&cands[b].i)
            .then(cands[b].j.cmp(&cands[a].j))
    });
    let size = m.new.len() + 1;
    let mut tree: Vec<(f64, Option<usize>)> = vec![(0.0, None); size + 1];
    let mut pred: Vec<Option<usize>> = vec![None; cands.len()];
    let mut score = vec![0.0; cands.len()];
    for &c in &order {
        // Best chain ending at a new position strictly before this one.
        let (mut best, mut from) = (0.0, None);
        let mut k = cands[c].j; // positions 1..=j in the tree are new positions 0..j
        while k > 0 {
            if tree[k].0 > best {
                (best, from) = tree[k];
            }
            k &= k - 1;
        }
        score[c] = best + cands[c].sim;
        pred[c] = from;
        let mut k = cands[c].j + 1;
        while k <= size {
            if score[c] > tree[k].0 {
                tree[k] = (score[c], Some(c));
            }
            k += k & k.wrapping_neg();
        }
    }
    let mut end = None;
    let mut top = 0.0;
    for &c in &order {
        if score[c] > top {
            top = score[c];
            end = Some(c);
        }
    }
    while let Some(c) = end {
        m.pair(cands[c].i, cands[c].j);
        end = pred[c];
    }
}

fn moves(cands: &[Cand], m: &mut Matching, cfg: &DiffConfig) {
    let mut left: Vec<&Cand> = cands
        .iter()
        .filter(|c| c.sim >= cfg.move_similarity && m.free(c.i, c.j))
        .collect();
    left.sort_by(|a, b| b.sim.total_cmp(&a.sim).then((a.i, a.j).cmp(&(b.i, b.j))));
    for c in left {
        if m.free(c.i, c.j) {
            m.pair(c.i, c.j);
        }
    }
}

/// Splits (read with `ones` = old clauses) or merges (`ones` = new clauses): each result is one
/// clause of `ones` and the clauses of `manys` it became (or came from). `one_m[i]` is the
/// partner of `ones[i]` (`usize::MAX` for a clause that is already in a group).
fn structures(
    ones: &[Unit<'_>],
    manys: &[Unit<'_>],
    one_m: &[Option<usize>],
    many_m: &[Option<usize>],
    cfg: &DiffConfig,
) -> Vec<(usize, Vec<usize>)> {
    let mut taken: Vec<bool> = many_m.iter().map(Option::is_some).collect();
    let mut out = Vec::new();
    // A paired clause that also lost words to an unpaired neighbour of its partner.
    for (x, partner) in one_m.iter().enumerate() {
        let Some(y) = *partner else { continue };
        if y == usize::MAX || y >= manys.len() {
            continue;
        }
        let belongs = |z: usize| {
            containment(&manys[z].grams, &ones[x].grams) >= PART_CONTAINMENT
                && containment(&manys[z].grams, &manys[y].grams) < 0.5
        };
        let mut parts = vec![y];
        let mut z = y + 1;
        while z < manys.len() && !taken[z] && belongs(z) {
            parts.push(z);
            z += 1;
        }
        let mut z = y;
        while z > 0 && !taken[z - 1] && belongs(z - 1) {
            parts.push(z - 1);
            z -= 1;
        }
        if parts.len() > 1 {
            let with = Grams::union(parts.iter().map(|&p| &manys[p].grams));
            if dice(&ones[x].grams, &with) > dice(&ones[x].grams, &manys[y].grams) {
                parts.iter().for_each(|&p| taken[p] = true);
                out.push((x, parts));
            }
        }
    }
    // An unpaired clause that became a run of unpaired clauses.
    let free_ones: Vec<usize> = (0..ones.len()).filter(|&x| one_m[x].is_none()).collect();
    let free_manys = taken.iter().filter(|t| !**t).count();
    if free_ones.len().saturating_mul(free_manys) > MAX_STRUCTURE_CELLS {
        return out;
    }
    for x in free_ones {
        let mut best: Option<(f64, Vec<usize>)> = None;
        let mut run: Vec<usize> = Vec::new();
        for z in 0..=manys.len() {
            let inside = z < manys.len()
                && !taken[z]
                && containment(&manys[z].grams, &ones[x].grams) >= PART_CONTAINMENT;
            if inside {
                run.push(z);
                continue;
            }
            if run.len() >= 2 {
                let with = Grams::union(run.iter().map(|&p| &manys[p].grams));
                let sim = dice(&ones[x].grams, &with);
                if sim >= cfg.min_similarity && best.as_ref().is_none_or(|(b, _)| sim > *b) {
                    best = Some((sim, run.clone()));
                }
            }
            run.clear();
        }
        if let Some((_, parts)) = best {
            parts.iter().for_each(|&p| taken[p] = true);
            out.push((x, parts));
        }
    }
    out
}

/// Marks the elements of one longest strictly increasing subsequence (patience sorting; ties go
/// to the earliest elements).
fn longest_increasing(seq: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // index into seq of the smallest tail per length
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (k, &v) in seq.iter().enumerate() {
        let pos = tails.partition_point(|&t| seq[t] < v);
        prev[k] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut keep = vec![false; seq.len()];
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        keep[k] = true;
        cur = prev[k];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_marks_the_moved_one() {
        // Old order 0..4; the clause at old 1 moved to the end.
        assert_eq!(
            longest_increasing(&[0, 4, 1, 2, 3]),
            [true, false, true, true, true]
        );
    }
}
