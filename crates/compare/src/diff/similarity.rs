//! Token-based clause similarity: Sørensen–Dice over sets of word bigrams.
//!
//! Character edit distance cannot tell a paraphrase from an unrelated clause of the same length
//! (notes/ecosystem.md, row 6); shared word pairs can. Words are lowercased runs of letters and
//! digits, so punctuation, case and whitespace do not count against a pair.

use std::hash::{DefaultHasher, Hash, Hasher};

/// A clause's word bigrams, hashed, sorted and deduplicated. A one-word text keeps its word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Grams(Vec<u64>);

impl Grams {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        self.0.iter().copied()
    }

    /// The union of several gram sets (the text of a split's or merge's parts together).
    pub fn union<'a>(sets: impl IntoIterator<Item = &'a Grams>) -> Grams {
        let mut all: Vec<u64> = sets.into_iter().flat_map(|g| g.0.iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        Grams(all)
    }
}

/// Lowercased words: runs of alphanumeric characters (the model's tokenizer).
pub(crate) fn words(text: &str) -> Vec<String> {
    concord_model::words::tokens(text)
        .into_iter()
        .map(|t| t.lower.into_owned())
        .collect()
}

pub(crate) fn grams(text: &str) -> Grams {
    let words = words(text);
    let hash = |parts: &[&str]| {
        // DefaultHasher::new() has fixed keys: the same text hashes the same in every run, and
        // only equality of hashes is ever used.
        let mut h = DefaultHasher::new();
        parts.hash(&mut h);
        h.finish()
    };
    let mut out: Vec<u64> = if words.len() == 1 {
        vec![hash(&[words[0].as_str()])]
    } else {
        words
            .windows(2)
            .map(|w| hash(&[w[0].as_str(), w[1].as_str()]))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    Grams(out)
}

/// How many grams two sets share (sorted merge).
pub(crate) fn shared(a: &Grams, b: &Grams) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.0.len() && j < b.0.len() {
        match a.0[i].cmp(&b.0[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Sørensen–Dice coefficient, 0 (nothing shared) to 1 (the same bigrams). Two empty texts are
/// the same.
pub(crate) fn dice(a: &Grams, b: &Grams) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    2.0 * shared(a, b) as f64 / total as f64
}

/// The share of `part`'s bigrams found in `whole`: how much of a split-off clause came from
/// its old clause.
pub(crate) fn containment(part: &Grams, whole: &Grams) -> f64 {
    if part.len() == 0 {
        return 0.0;
    }
    shared(part, whole) as f64 / part.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paraphrase_beats_unrelated() {
        let a = grams("Members shall treat officers with courtesy and respect at all times.");
        let b = grams("Councillors shall treat officers with courtesy and respect.");
        let c = grams("The protocol will be reviewed every four years by the committee.");
        assert!(dice(&a, &b) > 0.5, "{}", dice(&a, &b));
        assert!(dice(&a, &c) < 0.1, "{}", dice(&a, &c));
    }

    #[test]
    fn case_and_punctuation_do_not_count() {
        assert_eq!(
            dice(
                &grams("The Chief Executive, who"),
                &grams("the chief executive who")
            ),
            1.0
        );
    }
}
