//! Clause alignment across a corpus: every pair of clauses from two different documents whose
//! word sets overlap enough (token-set Jaccard at least a threshold, 0.5 by default), found
//! without comparing all pairs. This is what tells a county which of its districts' clauses
//! say the same thing, or a civic-tech group which national model a parish copied.
//!
//! A clause's words are those precedent search sees (`precedents::for_each_term`: lowercased,
//! function words dropped, plurals folded), as a set ([`WordSets`]). Two methods:
//!
//! - [`Method::Exact`], PPJoin (`join/prefix.rs`): prefix, length and positional filters over
//!   an index of rare words. It finds every pair an exhaustive comparison finds. Its work grows
//!   with the pairs that share a rare word, which in a corpus made of a few models copied
//!   thousands of times (a national one) is nearly all pairs: it is the method for a folder of
//!   councils, not for the nation.
//! - [`Method::MinHash`], banded MinHash (`join/minhash.rs`): locality-sensitive hashing, so
//!   that a pair is compared only when a band of its signatures agrees. With the default bands
//!   a pair at the threshold is found with probability 0.97, and more alike pairs almost
//!   surely; the benchmark measures its recall against [`WordSets::exhaustive`]. Every pair it
//!   reports is verified exactly.
//!
//! Either way the result is sorted and the same whatever the thread count.
//!
//! ```
//! use concord_compare::join::{JoinConfig, similar_clauses};
//! use concord_model::{Clause, Document, Section};
//! let doc = |texts: &[&str]| Document {
//!     sections: vec![Section {
//!         clauses: texts.iter().enumerate()
//!             .map(|(k, t)| Clause::new(&format!("1.{k}"), None, t.to_string(), [1, 1]))
//!             .collect(),
//!         ..Section::default()
//!     }],
//!     ..Document::default()
//! };
//! let a = doc(&["Officers may attend political group meetings when invited by the group leader."]);
//! let b = doc(&["Blind copies are forbidden.",
//!               "Officers may attend group meetings when invited by a political group leader."]);
//! let pairs = similar_clauses(&[&a, &b], &JoinConfig::default());
//! assert_eq!(pairs.len(), 1);
//! assert_eq!((pairs[0].b.doc, pairs[0].b.clause), (1, 1));
//! assert!(pairs[0].jaccard >= 0.5);
//! ```

mod minhash;
mod prefix;

use std::collections::HashMap;

use concord_model::Document;

use crate::precedents::{clause_text, for_each_term};

/// How to join.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JoinConfig {
    /// The least Jaccard similarity of two clauses' word sets for them to pair, in `(0, 1]`.
    pub threshold: f64,
    /// How many threads read and probe (at least one).
    pub threads: usize,
    pub method: Method,
}

impl Default for JoinConfig {
    fn default() -> JoinConfig {
        JoinConfig {
            threshold: 0.5,
            threads: 1,
            method: Method::Exact,
        }
    }
}

/// How candidate pairs are found; every candidate is then verified exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Method {
    /// PPJoin: every pair, at the cost of following every shared rare word.
    Exact,
    /// Banded MinHash: `bands` bands of `rows` hashes each; a pair is a candidate when all the
    /// rows of one band agree, which happens with probability `1 - (1 - J^rows)^bands`.
    MinHash { bands: usize, rows: usize },
}

impl Method {
    /// Banded MinHash with bands enough that a pair at `threshold` is found with probability
    /// at least [`MINHASH_RECALL`], at four rows a band (four rows keep the chance that an
    /// unrelated pair, Jaccard 0.1, is even compared under 1 in 180).
    pub fn minhash_for(threshold: f64) -> Method {
        let rows = 4;
        let per_band = threshold.clamp(EPS, 1.0).powi(rows as i32);
        let bands = if per_band >= 1.0 {
            1
        } else {
            ((1.0 - MINHASH_RECALL).ln() / (1.0 - per_band).ln()).ceil() as usize
        };
        Method::MinHash {
            bands: bands.clamp(1, 512),
            rows,
        }
    }
}

/// The chance that [`Method::minhash_for`] finds a pair exactly at the threshold.
pub const MINHASH_RECALL: f64 = 0.97;

/// A clause of the corpus: the index of its document and its index in `Document::clauses()`.
/// Indexes are `u32` (four billion clauses is far beyond any corpus) to keep a pair small:
/// a national corpus has tens of millions of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct ClauseAt {
    pub doc: u32,
    pub clause: u32,
}

/// Two clauses of different documents that say much the same, `a` before `b`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Pair {
    pub a: ClauseAt,
    pub b: ClauseAt,
    /// Shared words over words in either.
    pub jaccard: f64,
}

/// Every pair of clauses from different documents with Jaccard at least `cfg.threshold`,
/// sorted by `a` then `b`.
pub fn similar_clauses(docs: &[&Document], cfg: &JoinConfig) -> Vec<Pair> {
    WordSets::new(docs, cfg.threads).join(cfg)
}

/// Slack on the bounds so that rounding never prunes a pair the exact test keeps: every bound
/// is a little looser than its exact value, and the final test is [`passes`].
const EPS: f64 = 1e-9;

/// The exact test, shared by the join and the exhaustive comparison.
fn passes(overlap: usize, x: usize, y: usize, t: f64) -> bool {
    overlap as f64 >= t * (x + y - overlap) as f64
}

/// The clauses of a corpus as sets of word ranks, rarest word first.
#[derive(Debug, Clone, Default)]
pub struct WordSets {
    /// The sets, one after another; `offsets[r]..offsets[r + 1]` is record `r`'s.
    words: Vec<u32>,
    offsets: Vec<usize>,
    /// Which clause each record is.
    at: Vec<ClauseAt>,
    /// How many distinct words the corpus has.
    vocabulary: usize,
    /// A hash of each word (by rank) computed from its letters, so a clause's MinHash
    /// signature depends on its words alone, not on the rest of the corpus.
    hashes: Vec<u32>,
}

impl WordSets {
    /// Reads every clause of `docs` (clauses without words are left out), on `threads` threads.
    pub fn new(docs: &[&Document], threads: usize) -> WordSets {
        // Each thread reads a contiguous run of documents into its own vocabulary; the
        // vocabularies are then merged, so no lock is taken per word.
        let threads = threads.clamp(1, docs.len().max(1));
        let chunk = docs.len().div_ceil(threads).max(1);
        let parts: Vec<Part> = std::thread::scope(|s| {
            let handles: Vec<_> = docs
                .chunks(chunk)
                .enumerate()
                .map(|(k, run)| s.spawn(move || Part::read(run, k * chunk)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        // One vocabulary; document frequency decides the order, rarest first, ties by word
        // (so the order, and everything after it, is deterministic).
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut df: Vec<(u32, &str)> = Vec::new();
        let remaps: Vec<Vec<u32>> = parts
            .iter()
            .map(|p| {
                p.vocabulary
                    .iter()
                    .zip(&p.df)
                    .map(|(w, &n)| {
                        let id = *ids.entry(w.as_str()).or_insert_with(|| {
                            df.push((0, w.as_str()));
                            (df.len() - 1) as u32
                        });
                        df[id as usize].0 += n;
                        id
                    })
                    .collect()
            })
            .collect();
        let mut by_rarity: Vec<u32> = (0..df.len() as u32).collect();
        by_rarity.sort_by(|&a, &b| df[a as usize].cmp(&df[b as usize]));
        let mut rank = vec![0u32; df.len()];
        for (r, &id) in by_rarity.iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        let mut hashes = vec![0u32; df.len()];
        for (id, (_, word)) in df.iter().enumerate() {
            hashes[rank[id] as usize] = word_hash(word);
        }
        let mut sets = WordSets {
            vocabulary: df.len(),
            offsets: vec![0],
            hashes,
            ..WordSets::default()
        };
        for (p, remap) in parts.iter().zip(&remaps) {
            for (r, at) in p.at.iter().enumerate() {
                let start = sets.words.len();
                sets.words.extend(
                    p.words[p.offsets[r]..p.offsets[r + 1]]
                        .iter()
                        .map(|&w| rank[remap[w as usize] as usize]),
                );
                sets.words[start..].sort_unstable();
                sets.offsets.push(sets.words.len());
                sets.at.push(*at);
            }
        }
        sets
    }

    /// How many clauses (with words) are held.
    pub fn len(&self) -> usize {
        self.at.len()
    }

    /// True when no clause is held.
    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// How many distinct words the clauses use.
    pub fn vocabulary(&self) -> usize {
        self.vocabulary
    }

    /// Which clause record `r` is.
    pub fn clause(&self, r: usize) -> ClauseAt {
        self.at[r]
    }

    /// The word ranks of record `r`, ascending (rarest word first).
    fn set(&self, r: usize) -> &[u32] {
        &self.words[self.offsets[r]..self.offsets[r + 1]]
    }

    /// The pairs with Jaccard at least `cfg.threshold`, sorted by `a` then `b`.
    pub fn join(&self, cfg: &JoinConfig) -> Vec<Pair> {
        let found = std::sync::Mutex::new(Vec::new());
        self.join_each(cfg, &|batch| {
            if let Ok(mut all) = found.lock() {
                all.extend_from_slice(batch);
            }
        });
        let mut pairs = found.into_inner().unwrap_or_else(|e| e.into_inner());
        pairs.sort_by_key(|p| (p.a, p.b));
        pairs
    }

    /// The pairs with Jaccard at least `cfg.threshold`, handed to `each` in batches as they
    /// are found, from any of the join's threads and in no set order. A national corpus has
    /// tens of millions of pairs: a caller that counts or aggregates them need not hold them.
    pub fn join_each(&self, cfg: &JoinConfig, each: &(dyn Fn(&[Pair]) + Sync)) {
        let t = cfg.threshold.clamp(EPS, 1.0);
        let threads = cfg.threads.max(1);
        if self.len() < 2 {
            return;
        }
        match cfg.method {
            Method::Exact => prefix::join(self, t, threads, each),
            Method::MinHash { bands, rows } => {
                minhash::join(self, t, bands.max(1), rows.max(1), threads, each);
            }
        }
    }

    /// The pairs with Jaccard at least `threshold` that involve one of the records `sample`
    /// (all records when `None`), found by comparing every such pair: the reference a join is
    /// checked against. Sorted by `a` then `b`.
    pub fn exhaustive(&self, threshold: f64, sample: Option<&[usize]>) -> Vec<Pair> {
        let all: Vec<usize>;
        let probes = match sample {
            Some(s) => s,
            None => {
                all = (0..self.len()).collect();
                &all
            }
        };
        let mut in_sample = vec![false; self.len()];
        for &r in probes {
            if r < self.len() {
                in_sample[r] = true;
            }
        }
        let mut out = Vec::new();
        // The sampled clause's words are marked in a table of the vocabulary, and every other
        // clause's words are looked up in it: no shortcut, no early exit, so this stays the
        // plain definition the joins are checked against.
        let mut marked = vec![false; self.vocabulary];
        for &x in probes.iter().filter(|&&x| x < self.len()) {
            let a = self.set(x);
            for &w in a {
                marked[w as usize] = true;
            }
            for (y, &sampled) in in_sample.iter().enumerate() {
                // Each pair once: a sampled partner only from the lower index.
                if y == x || (sampled && y > x) || self.at[x].doc == self.at[y].doc {
                    continue;
                }
                let b = self.set(y);
                let overlap = b.iter().filter(|&&w| marked[w as usize]).count();
                if passes(overlap, a.len(), b.len(), threshold) {
                    out.push(pair(self.at[x], self.at[y], overlap, a.len(), b.len()));
                }
            }
            for &w in a {
                marked[w as usize] = false;
            }
        }
        out.sort_by_key(|p| (p.a, p.b));
        out
    }
}

/// How many pairs a join thread gathers before handing them on.
const BATCH: usize = 4096;

/// Where a join thread puts the pairs it finds: handed to the caller in batches.
struct Out<'a> {
    batch: Vec<Pair>,
    each: &'a (dyn Fn(&[Pair]) + Sync),
}

impl<'a> Out<'a> {
    fn new(each: &'a (dyn Fn(&[Pair]) + Sync)) -> Out<'a> {
        Out {
            batch: Vec::with_capacity(BATCH),
            each,
        }
    }

    fn push(&mut self, p: Pair) {
        self.batch.push(p);
        if self.batch.len() == BATCH {
            (self.each)(&self.batch);
            self.batch.clear();
        }
    }

    fn finish(self) {
        if !self.batch.is_empty() {
            (self.each)(&self.batch);
        }
    }
}

/// FNV-1a over the word's bytes, finished with SplitMix64's mixer: a stable 32-bit hash.
fn word_hash(word: &str) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (mix(h) >> 32) as u32
}

/// SplitMix64's finaliser: spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The pair of two records' clauses, in order.
fn pair(x: ClauseAt, y: ClauseAt, overlap: usize, nx: usize, ny: usize) -> Pair {
    let (a, b) = if x < y { (x, y) } else { (y, x) };
    Pair {
        a,
        b,
        jaccard: overlap as f64 / (nx + ny - overlap) as f64,
    }
}

/// The least overlap two sets of sizes `x` and `y` need for Jaccard `t` (a little under, by
/// [`EPS`]).
fn needed(x: usize, y: usize, t: f64) -> usize {
    (t / (1.0 + t) * (x + y) as f64 - EPS).ceil().max(0.0) as usize
}

/// The size of the intersection of two sorted sets, or some number below `need` as soon as
/// `need` is out of reach. Branch-free merging: which side advances is data, not a jump, and
/// this loop is where a join spends its time.
fn intersect(a: &[u32], b: &[u32], need: usize) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if n + (a.len() - i).min(b.len() - j) < need {
            return n;
        }
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// True when sets of sizes `x` and `y` can reach Jaccard `t` at all.
fn sizes_allow(x: usize, y: usize, t: f64) -> bool {
    let (small, large) = if x < y { (x, y) } else { (y, x) };
    small as f64 >= t * large as f64 - EPS
}

/// The documents of one thread, read: a local vocabulary and sets of local word ids.
#[derive(Debug, Default)]
struct Part {
    vocabulary: Vec<String>,
    /// In how many of this part's sets each word is.
    df: Vec<u32>,
    words: Vec<u32>,
    offsets: Vec<usize>,
    at: Vec<ClauseAt>,
}

impl Part {
    fn read(docs: &[&Document], first: usize) -> Part {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut part = Part {
            offsets: vec![0],
            ..Part::default()
        };
        for (d, doc) in docs.iter().enumerate() {
            for (c, clause) in doc.clauses().into_iter().enumerate() {
                let start = part.words.len();
                for_each_term(&clause_text(clause), |w| {
                    let id = match ids.get(w) {
                        Some(&id) => id,
                        None => {
                            let id = part.vocabulary.len() as u32;
                            ids.insert(w.to_string(), id);
                            part.vocabulary.push(w.to_string());
                            part.df.push(0);
                            id
                        }
                    };
                    part.words.push(id);
                });
                let set = &mut part.words[start..];
                set.sort_unstable();
                let mut kept = 0;
                for k in 0..set.len() {
                    if k == 0 || set[k] != set[k - 1] {
                        set[kept] = set[k];
                        kept += 1;
                    }
                }
                part.words.truncate(start + kept);
                if kept == 0 {
                    continue;
                }
                for &w in &part.words[start..] {
                    part.df[w as usize] += 1;
                }
                part.offsets.push(part.words.len());
                part.at.push(ClauseAt {
                    // A corpus of four billion clauses would not fit in memory to get here.
                    doc: (first + d) as u32,
                    clause: c as u32,
                });
            }
        }
        part
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use concord_model::{Clause, Section};
    use proptest::prelude::*;

    fn doc(texts: &[String]) -> Document {
        Document {
            sections: vec![Section {
                clauses: texts
                    .iter()
                    .enumerate()
                    .map(|(k, t)| Clause::new(&format!("1.{k}"), None, t.clone(), [1, 1]))
                    .collect(),
                ..Section::default()
            }],
            ..Document::default()
        }
    }

    #[test]
    fn pairs_only_across_documents() {
        let same = "officers attend group meetings when the leader invites them".to_string();
        let a = doc(&[same.clone(), same.clone()]);
        let b = doc(&[same.clone(), "blind copies forbidden".into()]);
        let pairs = similar_clauses(&[&a, &b], &JoinConfig::default());
        let got: Vec<(u32, u32, u32, u32)> = pairs
            .iter()
            .map(|p| (p.a.doc, p.a.clause, p.b.doc, p.b.clause))
            .collect();
        assert_eq!(got, [(0, 0, 1, 0), (0, 1, 1, 0)]);
        assert!(pairs.iter().all(|p| p.jaccard == 1.0));
    }

    /// Words from a small vocabulary, so random clauses overlap often and near the threshold.
    const WORDS: &[&str] = &[
        "officer",
        "councillor",
        "chief",
        "executive",
        "monitoring",
        "clerk",
        "complaint",
        "meeting",
        "group",
        "leader",
        "respect",
        "courtesy",
        "information",
        "days",
        "reply",
        "media",
        "press",
        "standards",
        "committee",
        "review",
    ];

    fn corpus() -> impl Strategy<Value = Vec<Vec<String>>> {
        let clause = prop::collection::vec(0..WORDS.len(), 1..9)
            .prop_map(|ws| ws.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" "));
        prop::collection::vec(prop::collection::vec(clause, 0..6), 1..7)
    }

    proptest! {
        /// The exact join finds what comparing every pair finds, at any threshold and thread
        /// count; MinHash finds only true pairs, and always the identical ones.
        #[test]
        fn the_join_finds_every_pair_an_exhaustive_comparison_finds(
            texts in corpus(),
            t in prop::sample::select(vec![0.3, 0.5, 0.6, 0.8, 1.0]),
            threads in 1usize..4,
        ) {
            let docs: Vec<Document> = texts.iter().map(|t| doc(t)).collect();
            let refs: Vec<&Document> = docs.iter().collect();
            let sets = WordSets::new(&refs, threads);
            let exact = JoinConfig { threshold: t, threads, method: Method::Exact };
            let joined = sets.join(&exact);
            let all = sets.exhaustive(t, None);
            prop_assert_eq!(&joined, &all);
            // The reference itself, against the definition with no shortcut at all.
            let mut naive = Vec::new();
            for x in 0..sets.len() {
                for y in x + 1..sets.len() {
                    let (a, b) = (sets.set(x), sets.set(y));
                    let shared = a.iter().filter(|w| b.contains(w)).count();
                    let union = a.len() + b.len() - shared;
                    if sets.clause(x).doc != sets.clause(y).doc && shared as f64 / union as f64 >= t {
                        naive.push((sets.clause(x), sets.clause(y)));
                    }
                }
            }
            naive.sort();
            prop_assert_eq!(all.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(), naive);
            let sample: Vec<usize> = (0..sets.len()).step_by(2).collect();
            let some = sets.exhaustive(t, Some(&sample));
            let wanted: Vec<&Pair> = all.iter().filter(|p| {
                (0..sets.len()).step_by(2).any(|r| sets.clause(r) == p.a || sets.clause(r) == p.b)
            }).collect();
            prop_assert_eq!(some.iter().collect::<Vec<_>>(), wanted);
            let approx = sets.join(&JoinConfig { method: Method::minhash_for(t), ..exact });
            prop_assert!(approx.iter().all(|p| all.contains(p)), "only true pairs");
            for p in all.iter().filter(|p| p.jaccard == 1.0) {
                prop_assert!(approx.contains(p), "identical clauses always agree: {:?}", p);
            }
            let one = sets.join(&JoinConfig { threads: 1, ..JoinConfig { method: Method::minhash_for(t), ..exact } });
            prop_assert_eq!(approx, one);
        }
    }

    #[test]
    fn minhash_bands_follow_the_threshold() {
        assert_eq!(
            Method::minhash_for(0.5),
            Method::MinHash { bands: 55, rows: 4 }
        );
        assert_eq!(
            Method::minhash_for(1.0),
            Method::MinHash { bands: 1, rows: 4 }
        );
        let Method::MinHash { bands, rows } = Method::minhash_for(0.8) else {
            unreachable!()
        };
        let recall = 1.0 - (1.0 - 0.8f64.powi(rows as i32)).powi(bands as i32);
        assert!(recall >= MINHASH_RECALL && bands < 10, "{bands} {recall}");
    }
}
