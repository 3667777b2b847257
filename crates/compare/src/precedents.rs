//! Precedent search: the clauses of a corpus most like a given clause, so a drafter sees how
//! other councils word the same rule.
//!
//! A [`Corpus`] indexes every clause (its text and items) once, in an inverted index from each
//! word to the clauses holding it, and scores a query with Okapi BM25: only clauses sharing a
//! word with the query are touched, never all pairs. Words are lowercased, a short list of
//! function words is dropped and a plural `s` is folded, so "Monitoring Officers" finds
//! "monitoring officer". Ties are broken by document id, then clause order, so results are
//! deterministic.
//!
//! ```
//! use concord_compare::precedents::Corpus;
//! use concord_model::{Clause, Document, Section};
//! let doc = |text: &str| Document {
//!     sections: vec![Section {
//!         clauses: vec![Clause::new("1.1", Some("1.1".into()), text.into(), [1, 1])],
//!         ..Section::default()
//!     }],
//!     ..Document::default()
//! };
//! let mut corpus = Corpus::default();
//! corpus.add("a", &doc("Blind copies must not be used."));
//! corpus.add("b", &doc("Officers attend group meetings only when authorised."));
//! let found = corpus.search("Are blind copies allowed?", 5, None);
//! assert_eq!(found[0].document, "a");
//! ```

use std::collections::HashMap;

use concord_model::{Clause, Document, Item};

/// BM25's term-frequency saturation: the usual value.
const K1: f64 = 1.2;
/// BM25's length normalisation: the usual value; clauses vary from one line to a page.
const B: f64 = 0.75;

/// Words too common in protocols to say anything about a clause.
const STOP: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have", "in",
    "is", "it", "its", "of", "on", "or", "that", "the", "their", "they", "this", "to", "was",
    "which", "will", "with", "should", "must", "may", "any", "all", "not", "such", "other",
];

/// One clause of the corpus.
#[derive(Debug, Clone)]
struct Entry {
    doc: usize,
    clause: String,
    text: String,
}

/// An index of clauses to search.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    docs: Vec<String>,
    entries: Vec<Entry>,
    /// For each word, the clauses holding it and how often.
    postings: HashMap<String, Postings>,
    /// Each clause's length in words, apart from the rest of its entry: scoring reads it for
    /// every posting, and a dense array keeps those reads in cache.
    lens: Vec<u32>,
    total_len: u64,
}

/// The clauses holding a word, in clause order, with what bounds the word's weight in any of
/// them: its highest count and its least clause length per count (a word weighs most where it
/// is frequent in a short clause).
#[derive(Debug, Clone, Default)]
struct Postings {
    list: Vec<(u32, u32)>,
    max_tf: u32,
    min_len_per_tf: f64,
}

/// A clause found like the query.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Precedent {
    /// The document id.
    pub document: String,
    /// The clause id.
    pub clause: String,
    /// The BM25 score: higher is more alike; comparable only within one search.
    pub score: f64,
    /// The clause text, items included.
    pub text: String,
}

/// The words of a text as the index sees them.
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_term(text, |t| out.push(t.to_string()));
    out
}

/// Calls `f` with each word of `text` as the index sees it (lowercased, function words dropped,
/// a plural `s` folded): the corpus-wide readers call this on every word of every clause, and
/// a word already in lower case is borrowed from the text, not copied.
pub fn for_each_term(text: &str, mut f: impl FnMut(&str)) {
    // The model's tokenizer: lowercase words are borrowed from the text, not copied.
    for t in concord_model::words::tokens(text) {
        let word = &*t.lower;
        if STOP.contains(&word) {
            continue;
        }
        match word.strip_suffix('s') {
            Some(stem) if stem.len() > 3 && !stem.ends_with('s') => f(stem),
            _ => f(word),
        }
    }
}

/// A clause's text with its items, as one string.
pub fn clause_text(c: &Clause) -> String {
    fn items(list: &[Item], out: &mut String) {
        for i in list {
            out.push(' ');
            out.push_str(&i.text);
            items(&i.items, out);
        }
    }
    let mut out = c.text.clone();
    items(&c.items, &mut out);
    out
}

impl Corpus {
    /// Adds every clause of a document.
    pub fn add(&mut self, id: &str, doc: &Document) {
        let d = self.docs.len();
        self.docs.push(id.to_string());
        for c in doc.clauses() {
            let text = clause_text(c);
            let words = terms(&text);
            if words.is_empty() {
                continue;
            }
            let e = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
            let mut counts: HashMap<&str, u32> = HashMap::new();
            for w in &words {
                *counts.entry(w.as_str()).or_default() += 1;
            }
            let len = u32::try_from(words.len()).unwrap_or(u32::MAX);
            for (w, n) in counts {
                let p = self
                    .postings
                    .entry(w.to_string())
                    .or_insert_with(|| Postings {
                        min_len_per_tf: f64::MAX,
                        ..Postings::default()
                    });
                p.list.push((e, n));
                p.max_tf = p.max_tf.max(n);
                p.min_len_per_tf = p.min_len_per_tf.min(f64::from(len) / f64::from(n));
            }
            self.total_len += u64::from(len);
            self.lens.push(len);
            self.entries.push(Entry {
                doc: d,
                clause: c.id.clone(),
                text,
            });
        }
    }

    /// How many clauses are indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The `top` clauses most like `query`, best first, leaving out the clauses of document
    /// `exclude` (the query's own: a drafter wants other councils' wording).
    ///
    /// Exact, but without scoring every clause that shares a word with the query (MaxScore,
    /// Turtle and Flood 1995): words are taken rarest first, and once what the remaining
    /// (common) words could add at most is below the current `top`-th best score, clauses
    /// that have none of the rarer words cannot enter the results, so the long lists of
    /// common words are only looked up for the few clauses still in the running. The results
    /// are rescored in the index's own order, so they are the same, to the bit, as scoring
    /// every clause.
    pub fn search(&self, query: &str, top: usize, exclude: Option<&str>) -> Vec<Precedent> {
        if self.entries.is_empty() || top == 0 {
            return Vec::new();
        }
        let n = self.entries.len() as f64;
        let avg = self.total_len as f64 / n;
        let mut words = terms(query);
        words.sort();
        words.dedup();
        // The query's words the index holds, in word order, with their idf and the most they
        // weigh in any clause: `tf / (tf + K)` grows with `tf` and falls with the length, so
        // `1 / (1 + K1 (1 - B) / max_tf + K1 B min(len / tf) / avg)` bounds it.
        let found: Vec<&Postings> = words.iter().filter_map(|w| self.postings.get(w)).collect();
        let lists: Vec<(&[(u32, u32)], f64)> = found
            .iter()
            .map(|p| {
                let df = p.list.len() as f64;
                (p.list.as_slice(), ((n - df + 0.5) / (df + 0.5) + 1.0).ln())
            })
            .collect();
        let most: Vec<f64> = found
            .iter()
            .zip(&lists)
            .map(|(p, (_, idf))| {
                let k =
                    K1 * (1.0 - B) / f64::from(p.max_tf.max(1)) + K1 * B * p.min_len_per_tf / avg;
                // A hair over, so that rounding never makes the bound fall short.
                idf * (K1 + 1.0) / (1.0 + k) * (1.0 + 1e-9)
            })
            .collect();
        let weight = |idf: f64, e: u32, tf: u32| {
            let len = f64::from(self.lens[e as usize]);
            let tf = f64::from(tf);
            idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg))
        };
        let excluded =
            |e: u32| exclude.is_some_and(|d| self.docs[self.entries[e as usize].doc] == d);
        // Rarest first; `rest[i]` bounds what the words from the i-th on can add.
        let mut order: Vec<usize> = (0..lists.len()).collect();
        order.sort_by(|&a, &b| lists[b].1.total_cmp(&lists[a].1).then(a.cmp(&b)));
        let mut rest = vec![0.0; order.len() + 1];
        for i in (0..order.len()).rev() {
            rest[i] = rest[i + 1] + most[order[i]];
        }
        // Dense accumulators: common words touch most clauses, and a vector indexed by clause
        // is many times faster than a map for that.
        let mut scores = vec![0.0_f64; self.entries.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut running: Option<Vec<u32>> = None;
        let mut i = 0;
        // A clause's score from the words at `order[from..]`, by lookup (lists are in clause
        // order).
        let remaining = |e: u32, from: usize| -> f64 {
            order[from..]
                .iter()
                .filter_map(|&k| {
                    let (list, idf) = lists[k];
                    let at = list.binary_search_by_key(&e, |p| p.0).ok()?;
                    Some(weight(idf, e, list[at].1))
                })
                .sum()
        };
        // A floor under the final `top`-th best score: the best so far, completed by lookup,
        // are `top` clauses whose final scores are known. It only rises.
        let mut floor = f64::MIN;
        while i < order.len() {
            let (list, idf) = lists[order[i]];
            // Before a long list: can a clause with none of the rarer words, which scores at
            // most `rest[i]`, still make the top? Raising the floor costs a pass over the
            // clauses touched so far, so it is done only when the list costs half as much.
            if list.len() >= PRUNE_FROM
                && rest[i] >= floor
                && 2 * list.len() >= touched.len()
                && touched.len() >= top
            {
                let mut best: Vec<(f64, u32)> = touched
                    .iter()
                    .filter(|&&e| !excluded(e))
                    .map(|&e| (scores[e as usize], e))
                    .collect();
                if best.len() >= top {
                    best.select_nth_unstable_by(top - 1, |a, b| b.0.total_cmp(&a.0));
                    let mut full: Vec<f64> = best[..top]
                        .iter()
                        .map(|&(s, e)| s + remaining(e, i))
                        .collect();
                    full.sort_by(|a, b| b.total_cmp(a));
                    floor = floor.max(full[top - 1] - SLACK);
                }
            }
            if list.len() >= PRUNE_FROM && rest[i] < floor {
                let pool: Vec<u32> = touched
                    .iter()
                    .copied()
                    .filter(|&e| scores[e as usize] + rest[i] >= floor)
                    .collect();
                // Finding the clauses still in the running in the rest of the lists (a gallop
                // of a few steps each) must be cheaper than reading the rest of the lists.
                let left: usize = order[i..].iter().map(|&k| lists[k].0.len()).sum();
                if pool.len() * (order.len() - i) * GALLOP_STEPS < left {
                    running = Some(pool);
                    break;
                }
            }
            for &(e, tf) in list {
                let slot = &mut scores[e as usize];
                if *slot == 0.0 {
                    touched.push(e);
                }
                *slot += weight(idf, e, tf);
            }
            i += 1;
        }
        // The clauses still in the running get the remaining words by lookup.
        let pool = match running {
            Some(mut pool) => {
                // Word by word, the clauses in the running (in clause order) are found in the
                // list by galloping forward, and those that can no longer reach the floor drop
                // out.
                pool.sort_unstable();
                for (j, &k) in order.iter().enumerate().skip(i) {
                    let (list, idf) = lists[k];
                    let mut at = 0;
                    for &e in &pool {
                        at += gallop(&list[at..], e);
                        if let Some(&(f, tf)) = list.get(at)
                            && f == e
                        {
                            scores[e as usize] += weight(idf, e, tf);
                        }
                    }
                    pool.retain(|&e| scores[e as usize] + rest[j + 1] >= floor);
                }
                pool
            }
            None => touched,
        };
        let mut ranked: Vec<(u32, f64)> = pool
            .into_iter()
            .filter(|&e| !excluded(e))
            .map(|e| (e, scores[e as usize]))
            .collect();
        if ranked.len() > top {
            let (_, kth, _) = ranked.select_nth_unstable_by(top - 1, |a, b| b.1.total_cmp(&a.1));
            let floor = kth.1 - SLACK;
            ranked.retain(|r| r.1 >= floor);
        }
        // Rescored in word order, as a sum over every word would have it.
        for r in &mut ranked {
            let mut score = 0.0;
            for &(list, idf) in &lists {
                if let Ok(at) = list.binary_search_by_key(&r.0, |p| p.0) {
                    score += weight(idf, r.0, list[at].1);
                }
            }
            r.1 = score;
        }
        self.best(ranked, top)
    }

    /// The best `top` of scored clauses, ties broken by document id and then clause order.
    fn best(&self, mut ranked: Vec<(u32, f64)>, top: usize) -> Vec<Precedent> {
        let order = |a: &(u32, f64), b: &(u32, f64)| {
            b.1.total_cmp(&a.1).then_with(|| {
                let (x, y) = (&self.entries[a.0 as usize], &self.entries[b.0 as usize]);
                self.docs[x.doc].cmp(&self.docs[y.doc]).then(a.0.cmp(&b.0))
            })
        };
        // Only the best `top` need sorting.
        if ranked.len() > top {
            ranked.select_nth_unstable_by(top - 1, order);
            ranked.truncate(top);
        }
        ranked.sort_by(order);
        ranked
            .into_iter()
            .take(top)
            .map(|(e, score)| {
                let entry = &self.entries[e as usize];
                Precedent {
                    document: self.docs[entry.doc].clone(),
                    clause: entry.clause.clone(),
                    score: (score * 1000.0).round() / 1000.0,
                    text: entry.text.clone(),
                }
            })
            .collect()
    }

    /// Every clause sharing a word with the query scored, the plain definition [`search`]
    /// must agree with.
    ///
    /// [`search`]: Corpus::search
    #[cfg(test)]
    fn search_every(&self, query: &str, top: usize, exclude: Option<&str>) -> Vec<Precedent> {
        if self.entries.is_empty() || top == 0 {
            return Vec::new();
        }
        let n = self.entries.len() as f64;
        let avg = self.total_len as f64 / n;
        let mut words = terms(query);
        words.sort();
        words.dedup();
        let mut scores = vec![0.0_f64; self.entries.len()];
        let mut touched: Vec<u32> = Vec::new();
        for w in &words {
            let Some(Postings { list, .. }) = self.postings.get(w) else {
                continue;
            };
            let df = list.len() as f64;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            for &(e, tf) in list {
                let len = f64::from(self.lens[e as usize]);
                let tf = f64::from(tf);
                let slot = &mut scores[e as usize];
                if *slot == 0.0 {
                    touched.push(e);
                }
                *slot += idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg));
            }
        }
        let ranked: Vec<(u32, f64)> = touched
            .into_iter()
            .filter(|e| {
                let entry = &self.entries[*e as usize];
                exclude.is_none_or(|d| self.docs[entry.doc] != d)
            })
            .map(|e| (e, scores[e as usize]))
            .collect();
        self.best(ranked, top)
    }
}

/// How many entries of a list (in clause order) come before clause `e`: an exponential then
/// a binary search, cheap when `e` is near the front, as it is when clauses are taken in order.
fn gallop(list: &[(u32, u32)], e: u32) -> usize {
    let mut step = 1;
    while step < list.len() && list[step - 1].0 < e {
        step *= 2;
    }
    let end = step.min(list.len());
    let from = step / 2;
    from + list[from..end].partition_point(|p| p.0 < e)
}

/// What finding a clause in a list by galloping costs, in entries read.
const GALLOP_STEPS: usize = 4;

/// Lists shorter than this are read whole: deciding whether to skip one costs more. (Tests
/// look before every list, to exercise the pruning on small corpora.)
#[cfg(not(test))]
const PRUNE_FROM: usize = 256;
#[cfg(test)]
const PRUNE_FROM: usize = 1;

/// How far below the `top`-th best score a clause is still kept while pruning: sums taken in
/// another order differ in the last bits, and a clause must never be dropped for that.
const SLACK: f64 = 1e-6;

/// The clause ids of `doc` nearest to a mistyped `id`, best first (for a hint).
pub fn near_ids(doc: &Document, id: &str, max: usize) -> Vec<String> {
    let mut ids: Vec<(usize, usize, String)> = doc
        .clauses()
        .iter()
        .enumerate()
        .map(|(k, c)| (edit_distance(&c.id, id), k, c.id.clone()))
        .collect();
    ids.sort();
    ids.into_iter().take(max).map(|(_, _, i)| i).collect()
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use concord_model::Section;
    use proptest::prelude::*;

    /// Words with a skewed spread, so some lists are long and others short, as in protocols.
    const VOCABULARY: &[&str] = &[
        "officer",
        "councillor",
        "council",
        "member",
        "chief",
        "executive",
        "monitoring",
        "complaint",
        "meeting",
        "group",
        "leader",
        "respect",
        "information",
        "days",
        "reply",
        "media",
        "press",
        "standards",
        "committee",
        "review",
        "clerk",
        "chair",
        "blind",
        "copies",
        "ward",
        "notice",
        "interest",
        "gift",
        "hospitality",
        "register",
    ];

    fn corpus() -> impl Strategy<Value = Vec<Vec<Vec<usize>>>> {
        // Low indexes are likelier: square a uniform draw.
        let word = (0..VOCABULARY.len() * VOCABULARY.len()).prop_map(|k| {
            let r = (k as f64).sqrt() as usize;
            VOCABULARY.len() - 1 - r.min(VOCABULARY.len() - 1)
        });
        let clause = prop::collection::vec(word, 1..12);
        prop::collection::vec(prop::collection::vec(clause, 1..30), 1..12)
    }

    fn document(clauses: &[Vec<usize>]) -> Document {
        Document {
            sections: vec![Section {
                clauses: clauses
                    .iter()
                    .enumerate()
                    .map(|(k, ws)| {
                        let text: Vec<&str> = ws.iter().map(|&w| VOCABULARY[w]).collect();
                        Clause::new(&format!("1.{k}"), None, text.join(" "), [1, 1])
                    })
                    .collect(),
                ..Section::default()
            }],
            ..Document::default()
        }
    }

    proptest! {
        /// Pruned search gives exactly what scoring every clause gives.
        #[test]
        fn search_agrees_with_scoring_every_clause(
            docs in corpus(),
            query in prop::collection::vec(0..VOCABULARY.len(), 1..20),
            top in 1usize..8,
            exclude in prop::option::of(0usize..12),
        ) {
            let mut corpus = Corpus::default();
            for (k, d) in docs.iter().enumerate() {
                corpus.add(&format!("d{k}"), &document(d));
            }
            let q: Vec<&str> = query.iter().map(|&w| VOCABULARY[w]).collect();
            let q = q.join(" ");
            let ex = exclude.map(|k| format!("d{k}"));
            prop_assert_eq!(
                corpus.search(&q, top, ex.as_deref()),
                corpus.search_every(&q, top, ex.as_deref())
            );
        }
    }

    #[test]
    fn terms_fold_plurals_and_drop_function_words() {
        assert_eq!(
            terms("The Monitoring Officers and the Chief Executive"),
            ["monitoring", "officer", "chief", "executive"]
        );
        assert_eq!(edit_distance("2.25", "2.52"), 2);
        assert_eq!(edit_distance("6.2", "6.2"), 0);
    }
}
