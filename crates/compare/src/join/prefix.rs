//! The exact join, PPJoin (Xiao, Wang, Lin and Yu, "Efficient similarity joins for near
//! duplicate detection", WWW 2008):
//!
//! - words are ordered rarest first, so each set is a sorted list of word ranks;
//! - two sets `x`, `y` with `J(x, y) >= t` share at least `α = ⌈t/(1+t)·(|x|+|y|)⌉` words, so
//!   they share one among the first `|x| - ⌈t·|x|⌉ + 1` words of `x` (the prefix filter), and
//!   `t·|x| <= |y|` (the length filter); only these prefixes are indexed and probed, so common
//!   words ("officer", "council") are never followed;
//! - a shared word at positions `i` and `j` leaves at most `1 + min(|x|-i-1, |y|-j-1)` more to
//!   share (the positional filter), which drops most candidates before they are verified;
//! - each surviving candidate is verified by merging the two sorted sets.
//!
//! Records are taken in order of size and each probes only those before it (no larger), so
//! an index of every record's shorter "mid" prefix suffices and each pair is met once. The
//! index is built first and only read after, so the probing records are split over threads.

use super::{EPS, Out, Pair, WordSets, intersect, needed, pair, passes};

/// Every pair with Jaccard at least `t`, to `each`.
pub(super) fn join(sets: &WordSets, t: f64, threads: usize, each: &(dyn Fn(&[Pair]) + Sync)) {
    let n = sets.len();
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by_key(|&r| (sets.set(r as usize).len(), r));
    let sizes: Vec<u32> = order
        .iter()
        .map(|&r| sets.set(r as usize).len() as u32)
        .collect();
    let index = Index::build(sets, &order, t);
    let threads = threads.min(n);
    // Interleaved positions balance the threads: later records are larger and probe more.
    std::thread::scope(|s| {
        for k in 0..threads {
            let (order, sizes, index) = (&order, &sizes, &index);
            s.spawn(move || {
                let mut probe = Probe::new(n);
                let mut out = Out::new(each);
                for px in (k..n).step_by(threads) {
                    probe.run(sets, order, sizes, index, px, t, &mut out);
                }
                out.finish();
            });
        }
    });
}

/// For each word rank, the records whose indexing prefix holds it: (position in the size
/// order, position of the word in the set), in size order.
#[derive(Debug)]
struct Index {
    starts: Vec<usize>,
    entries: Vec<(u32, u32)>,
}

impl Index {
    fn build(sets: &WordSets, order: &[u32], t: f64) -> Index {
        // A record is probed only by records at least as large, which need an overlap of at
        // least 2t/(1+t) of it: that prefix is enough.
        let prefix = |len: usize| {
            len - ((2.0 * t / (1.0 + t) * len as f64 - EPS).ceil() as usize).min(len) + 1
        };
        let mut counts = vec![0usize; sets.vocabulary + 1];
        for &r in order {
            let s = sets.set(r as usize);
            for &w in &s[..prefix(s.len()).min(s.len())] {
                counts[w as usize + 1] += 1;
            }
        }
        for k in 1..counts.len() {
            counts[k] += counts[k - 1];
        }
        let starts = counts.clone();
        let mut fill = counts;
        let mut entries = vec![(0u32, 0u32); *starts.last().unwrap_or(&0)];
        for (pos, &r) in order.iter().enumerate() {
            let s = sets.set(r as usize);
            for (j, &w) in s[..prefix(s.len()).min(s.len())].iter().enumerate() {
                entries[fill[w as usize]] = (pos as u32, j as u32);
                fill[w as usize] += 1;
            }
        }
        Index { starts, entries }
    }

    fn list(&self, w: u32) -> &[(u32, u32)] {
        &self.entries[self.starts[w as usize]..self.starts[w as usize + 1]]
    }
}

/// A candidate the positional filter has ruled out.
const PRUNED: u32 = u32::MAX;

/// One thread's probing state: overlap counters by position in the size order.
#[derive(Debug)]
struct Probe {
    overlap: Vec<u32>,
    touched: Vec<u32>,
}

impl Probe {
    fn new(n: usize) -> Probe {
        Probe {
            overlap: vec![0; n],
            touched: Vec::new(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn run(
        &mut self,
        sets: &WordSets,
        order: &[u32],
        sizes: &[u32],
        index: &Index,
        px: usize,
        t: f64,
        out: &mut Out<'_>,
    ) {
        let rx = order[px] as usize;
        let x = sets.set(rx);
        let nx = x.len();
        let doc = sets.at[rx].doc;
        let min_len = ((t * nx as f64 - EPS).ceil() as u32).max(1);
        let probe = nx - (min_len as usize).min(nx) + 1;
        for (i, &w) in x[..probe.min(nx)].iter().enumerate() {
            let list = index.list(w);
            // The length filter: skip the records too small to reach t.
            let from = list.partition_point(|&(py, _)| sizes[py as usize] < min_len);
            for &(py, j) in &list[from..] {
                let py = py as usize;
                if py >= px {
                    break;
                }
                let slot = self.overlap[py];
                if slot == PRUNED {
                    continue;
                }
                let ry = order[py] as usize;
                if sets.at[ry].doc == doc {
                    continue;
                }
                let ny = sizes[py] as usize;
                let alpha = (t / (1.0 + t) * (nx + ny) as f64 - EPS).ceil() as u32;
                let bound = 1 + (nx - i - 1).min(ny - j as usize - 1) as u32;
                if slot == 0 {
                    self.touched.push(py as u32);
                }
                self.overlap[py] = if slot + bound >= alpha {
                    slot + 1
                } else {
                    PRUNED
                };
            }
        }
        for &py in &self.touched {
            let py = py as usize;
            if self.overlap[py] != PRUNED {
                let ry = order[py] as usize;
                let y = sets.set(ry);
                let overlap = intersect(x, y, needed(nx, y.len(), t));
                if passes(overlap, nx, y.len(), t) {
                    out.push(pair(sets.at[rx], sets.at[ry], overlap, nx, y.len()));
                }
            }
            self.overlap[py] = 0;
        }
        self.touched.clear();
    }
}
