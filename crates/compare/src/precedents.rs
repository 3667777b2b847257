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
    len: u32,
}

/// An index of clauses to search.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    docs: Vec<String>,
    entries: Vec<Entry>,
    /// For each word, the clauses holding it and how often.
    postings: HashMap<String, Vec<(u32, u32)>>,
    total_len: u64,
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
/// a plural `s` folded), reusing one buffer: the corpus-wide readers call this on every word
/// of every clause, so it allocates nothing per word.
pub fn for_each_term(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    for raw in text.split(|c: char| !c.is_alphanumeric()) {
        if raw.is_empty() {
            continue;
        }
        word.clear();
        if raw.is_ascii() {
            word.extend(raw.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            word.push_str(&raw.to_lowercase());
        }
        if STOP.contains(&word.as_str()) {
            continue;
        }
        match word.strip_suffix('s') {
            Some(stem) if stem.len() > 3 && !stem.ends_with('s') => f(stem),
            _ => f(&word),
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
            for (w, n) in counts {
                self.postings.entry(w.to_string()).or_default().push((e, n));
            }
            let len = u32::try_from(words.len()).unwrap_or(u32::MAX);
            self.total_len += u64::from(len);
            self.entries.push(Entry {
                doc: d,
                clause: c.id.clone(),
                text,
                len,
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
    pub fn search(&self, query: &str, top: usize, exclude: Option<&str>) -> Vec<Precedent> {
        if self.entries.is_empty() || top == 0 {
            return Vec::new();
        }
        let n = self.entries.len() as f64;
        let avg = self.total_len as f64 / n;
        let mut words = terms(query);
        words.sort();
        words.dedup();
        // Dense accumulators: common words touch most clauses, and a vector indexed by clause
        // is many times faster than a map for that.
        let mut scores = vec![0.0_f64; self.entries.len()];
        let mut touched: Vec<u32> = Vec::new();
        for w in &words {
            let Some(list) = self.postings.get(w) else {
                continue;
            };
            let df = list.len() as f64;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            for &(e, tf) in list {
                let len = f64::from(self.entries[e as usize].len);
                let tf = f64::from(tf);
                let slot = &mut scores[e as usize];
                if *slot == 0.0 {
                    touched.push(e);
                }
                *slot += idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg));
            }
        }
        let mut ranked: Vec<(u32, f64)> = touched
            .into_iter()
            .filter(|e| {
                let entry = &self.entries[*e as usize];
                exclude.is_none_or(|d| self.docs[entry.doc] != d)
            })
            .map(|e| (e, scores[e as usize]))
            .collect();
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
}

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
