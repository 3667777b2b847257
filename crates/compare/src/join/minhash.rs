//! The approximate join for large corpora: banded MinHash (Broder 1997; Indyk and Motwani
//! 1998; "Mining of Massive Datasets", chapter 3).
//!
//! Each clause gets `bands × rows` MinHash values: for each of that many hash functions of its
//! words, the least. Two sets agree on one value with probability equal to their Jaccard
//! similarity `J`, so on all `rows` values of a band with probability `J^rows`, and on at least
//! one band with `1 - (1 - J^rows)^bands`. A band's values are folded into one 32-bit key; the
//! clauses sharing a key in a band are the candidates. A candidate is then tested on a sketch
//! of 64 more values (one byte each), which drops a pair at the threshold with chance 0.2% and
//! most pairs far below it, and what is left is verified exactly. A pair that
//! agrees on several bands is verified only in the first (the keys of the earlier bands are
//! compared first), so no set of seen pairs is kept: memory stays linear in the corpus.
//!
//! The hash functions are `h(x) = ((a·x + b) mod 2^64) >> 32` over a word's own 32-bit hash,
//! with `a` odd and `a`, `b` 64-bit, from fixed seeds (Dietzfelbinger's multiply-add-shift):
//! cheap enough to compute all of them for every word of every clause, and the same on every
//! machine. (With a 32-bit `a` the product never wraps, every function orders the words alike,
//! and recall falls from 99% to 73%: the benchmark caught it.) A 32-bit band key can collide
//! between different bands of values; that only adds a candidate, which verification drops.

use super::{Out, Pair, WordSets, intersect, mix, needed, pair, passes, sizes_allow};

/// The seed of the hash functions: any fixed value; fixed so results never vary between runs.
const SEED: u64 = 0x5EED_C0DE_2026_0008;

/// How many extra MinHash values each clause keeps, one byte each, to test a candidate before
/// merging its word sets: two sets agree on a value with probability `J`, so the count of
/// agreeing bytes estimates `J` for the price of comparing 64 bytes (a merge of two clauses'
/// words costs several times more, and most candidates are far below the threshold).
const SKETCH: usize = 64;

/// The chance that the sketch test drops a pair exactly at the threshold.
const SKETCH_MISS: f64 = 0.002;

/// Above this many table entries (vocabulary × hash functions), hash values are computed per
/// word occurrence instead of looked up: 2^26 entries is 256 MB.
const TABLE_MAX: usize = 1 << 26;

/// Every pair with Jaccard at least `t` whose signatures agree on a band, to `each`.
pub(super) fn join(
    sets: &WordSets,
    t: f64,
    bands: usize,
    rows: usize,
    threads: usize,
    each: &(dyn Fn(&[Pair]) + Sync),
) {
    let sig = Signatures::new(sets, bands, rows, threads, TABLE_MAX);
    let least = least_agreement(t);
    // Each thread takes every n-th band; a pair belongs to the first band it agrees on, so the
    // bands' results never overlap.
    std::thread::scope(|s| {
        for k in 0..threads.min(bands) {
            let sig = &sig;
            s.spawn(move || {
                let mut out = Out::new(each);
                let mut bucket = Vec::new();
                for band in (k..bands).step_by(threads) {
                    one_band(sets, sig, band, t, least, &mut bucket, &mut out);
                }
                out.finish();
            });
        }
    });
}

/// The least number of agreeing sketch bytes a pair at Jaccard `t` shows but for a chance of
/// [`SKETCH_MISS`]: the largest `m` with `P(Binomial(SKETCH, t) < m) <= SKETCH_MISS`.
fn least_agreement(t: f64) -> usize {
    let n = SKETCH as i32;
    let mut below = 0.0;
    let mut choose = 1.0_f64;
    for m in 0..=SKETCH {
        let k = m as i32;
        if m > 0 {
            choose = choose * f64::from(n - k + 1) / f64::from(k);
        }
        let p = choose * t.powi(k) * (1.0 - t).powi(n - k);
        if below + p > SKETCH_MISS {
            return m;
        }
        below += p;
    }
    SKETCH
}

/// Every record's band keys (`keys[r * bands + band]`) and sketch.
#[derive(Debug)]
struct Signatures {
    bands: usize,
    keys: Vec<u32>,
    sketch: Vec<[u8; SKETCH]>,
}

impl Signatures {
    fn new(sets: &WordSets, bands: usize, rows: usize, threads: usize, table_max: usize) -> Self {
        let k = bands * rows + SKETCH;
        let (mut a, mut b) = (Vec::with_capacity(k), Vec::with_capacity(k));
        let mut state = SEED;
        for _ in 0..k {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            a.push(mix(state) | 1);
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            b.push(mix(state));
        }
        let hash = |x: u32, out: &mut [u32]| {
            let x = u64::from(x);
            for ((o, &ak), &bk) in out.iter_mut().zip(&a).zip(&b) {
                *o = (ak.wrapping_mul(x).wrapping_add(bk) >> 32) as u32;
            }
        };
        // A corpus repeats its words: hashing each distinct word once and taking minima of
        // table rows is several times faster than hashing every occurrence.
        let words = sets.hashes.len();
        let table: Option<Vec<u32>> = (words * k <= table_max).then(|| {
            let mut table = vec![0u32; words * k];
            for (row, &x) in table.chunks_mut(k).zip(&sets.hashes) {
                hash(x, row);
            }
            table
        });
        let n = sets.len();
        let mut keys = vec![0u32; n * bands];
        let mut sketch = vec![[0u8; SKETCH]; n];
        let chunk = n.div_ceil(threads.max(1)).max(1);
        std::thread::scope(|s| {
            for (c, (keys, sketch)) in keys
                .chunks_mut(chunk * bands)
                .zip(sketch.chunks_mut(chunk))
                .enumerate()
            {
                let (table, hash) = (&table, &hash);
                s.spawn(move || {
                    let mut mins = vec![u32::MAX; k];
                    let mut row = vec![0u32; k];
                    for (i, (keys, sketch)) in keys.chunks_mut(bands).zip(sketch).enumerate() {
                        mins.fill(u32::MAX);
                        for &w in sets.set(c * chunk + i) {
                            let values = match table {
                                Some(t) => &t[w as usize * k..(w as usize + 1) * k],
                                None => {
                                    hash(sets.hashes[w as usize], &mut row);
                                    &row[..]
                                }
                            };
                            // Over the hash functions: this loop vectorises.
                            for (m, &v) in mins.iter_mut().zip(values) {
                                *m = (*m).min(v);
                            }
                        }
                        for (band, key) in keys.iter_mut().enumerate() {
                            let values = &mins[band * rows..(band + 1) * rows];
                            let folded = values.iter().fold(band as u64, |acc, &v| {
                                mix(acc ^ u64::from(v)).wrapping_add(0x9E37_79B9_7F4A_7C15)
                            });
                            *key = (folded >> 32) as u32;
                        }
                        for (byte, &m) in sketch.iter_mut().zip(&mins[bands * rows..]) {
                            *byte = m as u8;
                        }
                    }
                });
            }
        });
        Signatures {
            bands,
            keys,
            sketch,
        }
    }

    fn keys(&self, r: usize) -> &[u32] {
        &self.keys[r * self.bands..(r + 1) * self.bands]
    }
}

/// The pairs first found in `band`: records grouped by their key, each group's pairs from
/// different documents verified unless an earlier band already holds them or their sketches
/// show them far apart.
fn one_band(
    sets: &WordSets,
    sig: &Signatures,
    band: usize,
    t: f64,
    least: usize,
    bucket: &mut Vec<u64>,
    out: &mut Out<'_>,
) {
    let n = sets.len();
    bucket.clear();
    bucket.extend((0..n).map(|r| (u64::from(sig.keys(r)[band]) << 32) | r as u64));
    bucket.sort_unstable();
    let mut start = 0;
    while start < n {
        let key = bucket[start] >> 32;
        let mut end = start + 1;
        while end < n && bucket[end] >> 32 == key {
            end += 1;
        }
        let group = &bucket[start..end];
        for (i, &p) in group.iter().enumerate() {
            let x = (p & 0xFFFF_FFFF) as usize;
            let kx = &sig.keys(x)[..band];
            for &q in &group[i + 1..] {
                let y = (q & 0xFFFF_FFFF) as usize;
                if sets.at[x].doc == sets.at[y].doc {
                    continue;
                }
                // Met in an earlier band, and verified there? Most pairs meet in one band only,
                // so every earlier key is compared: without an early exit, this vectorises.
                let ky = &sig.keys(y)[..band];
                if kx
                    .iter()
                    .zip(ky)
                    .fold(false, |seen, (a, b)| seen | (a == b))
                {
                    continue;
                }
                let (sx, sy) = (sets.set(x), sets.set(y));
                if !sizes_allow(sx.len(), sy.len(), t) {
                    continue;
                }
                let agree = sig.sketch[x]
                    .iter()
                    .zip(&sig.sketch[y])
                    .filter(|(a, b)| a == b)
                    .count();
                if agree < least {
                    continue;
                }
                let overlap = intersect(sx, sy, needed(sx.len(), sy.len(), t));
                if passes(overlap, sx.len(), sy.len(), t) {
                    out.push(pair(sets.at[x], sets.at[y], overlap, sx.len(), sy.len()));
                }
            }
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sketch_test_keeps_pairs_at_the_threshold() {
        // Binomial(64, 0.5) has mean 32 and deviation 4: about 2.9 deviations below.
        assert_eq!(least_agreement(0.5), 21);
        assert_eq!(least_agreement(1.0), SKETCH);
        assert!(least_agreement(0.1) <= 1);
    }

    #[test]
    fn looked_up_and_computed_hashes_agree() {
        let docs: Vec<concord_model::Document> = [
            "officers attend group meetings",
            "the clerk replies within ten days",
        ]
        .iter()
        .map(|t| concord_model::Document {
            sections: vec![concord_model::Section {
                clauses: vec![concord_model::Clause::new("1", None, (*t).into(), [1, 1])],
                ..Default::default()
            }],
            ..Default::default()
        })
        .collect();
        let refs: Vec<&concord_model::Document> = docs.iter().collect();
        let sets = WordSets::new(&refs, 1);
        let table = Signatures::new(&sets, 5, 4, 1, usize::MAX);
        let direct = Signatures::new(&sets, 5, 4, 2, 0);
        assert_eq!(table.keys, direct.keys);
        assert_eq!(table.sketch, direct.sketch);
    }
}
