//! The word-level redline inside aligned clauses: `similar`'s diff over Unicode words, then a
//! clean-up so a change reads as whole phrases rather than letter soup.
//!
//! The clean-up follows diff-match-patch's semantic clean-up, at word level: an equal run that
//! is only whitespace or punctuation, or no longer than the changes on both sides of it, is
//! folded into them ("~~he or she has~~ they have" rather than "~~he~~ they ~~or she has~~
//! have"); then each stretch between equal runs is written as one deletion followed by one
//! insertion. Both steps keep the two laws every redline obeys: the equal and delete runs spell
//! the old text, the equal and insert runs the new text.

use std::time::Duration;

use similar::{Algorithm, ChangeTag, TextDiff};

use super::units::PART_SEPARATOR;
use super::{Op, Word};

/// A whole text as one run (an added or removed clause). Empty text gives no runs.
pub(crate) fn whole(op: Op, text: &str) -> Vec<Word> {
    if text.is_empty() {
        return Vec::new();
    }
    vec![Word {
        op,
        text: text.to_string(),
    }]
}

/// The redline of one group: several old texts against one new (a merge), one old against
/// several new (a split), or one against one. Returns one run list per part, in order.
pub(crate) fn diff_parts(olds: &[&str], news: &[&str], timeout: Duration) -> Vec<Vec<Word>> {
    let sep = PART_SEPARATOR.to_string();
    let old = olds.join(&sep);
    let new = news.join(&sep);
    let runs = diff_text(&old, &new, timeout);
    let parts = olds.len().max(news.len()).max(1);
    let mut out = split_parts(runs);
    out.resize_with(parts, Vec::new);
    out
}

/// The cleaned-up redline of two texts.
pub(crate) fn diff_text(old: &str, new: &str, timeout: Duration) -> Vec<Word> {
    if old == new {
        return whole(Op::Equal, old);
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .timeout(timeout)
        .diff_unicode_words(old, new);
    let mut runs: Vec<Word> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => Op::Equal,
            ChangeTag::Delete => Op::Delete,
            ChangeTag::Insert => Op::Insert,
        };
        push(&mut runs, op, change.value());
    }
    clean_up(runs)
}

/// Appends text to the run list, joining it to the last run when the op is the same.
fn push(runs: &mut Vec<Word>, op: Op, text: &str) {
    if text.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => runs.push(Word {
            op,
            text: text.to_string(),
        }),
    }
}

/// Folds every equal run that is trivial, or no longer than the changes on both sides of it,
/// into them, until none is left to fold.
///
/// Folding only ever lengthens the changes beside other equal runs, so the runs folded do not
/// depend on the order of folding: one pass with a stack (each new change stretch may fold the
/// equal run before it, and the merged stretch the one before that) gives the same result as
/// folding the first foldable run and starting again, in linear instead of quadratic time (a
/// 200,000-word clause with a change every ten words took seconds). `tests::clean_up_reference`
/// keeps the old form, and a property test holds the two equal.
fn clean_up(runs: Vec<Word>) -> Vec<Word> {
    let mut stack: Vec<Stretch> = Vec::new();
    for w in regroup(runs) {
        let n = w.text.chars().count();
        match w.op {
            Op::Equal => {
                fold(&mut stack);
                stack.push(Stretch::Equal { text: w.text, n });
            }
            op => {
                if !matches!(stack.last(), Some(Stretch::Change { .. })) {
                    stack.push(Stretch::Change {
                        del: String::new(),
                        ins: String::new(),
                        del_n: 0,
                        ins_n: 0,
                    });
                }
                if let Some(Stretch::Change {
                    del,
                    ins,
                    del_n,
                    ins_n,
                }) = stack.last_mut()
                {
                    if op == Op::Delete {
                        del.push_str(&w.text);
                        *del_n += n;
                    } else {
                        ins.push_str(&w.text);
                        *ins_n += n;
                    }
                }
            }
        }
    }
    fold(&mut stack);
    let mut out = Vec::with_capacity(stack.len() * 2);
    for s in stack {
        match s {
            Stretch::Equal { text, .. } => push(&mut out, Op::Equal, &text),
            Stretch::Change { del, ins, .. } => {
                push(&mut out, Op::Delete, &del);
                push(&mut out, Op::Insert, &ins);
            }
        }
    }
    out
}

/// A regrouped run list as stretches, with their lengths in characters counted once.
#[derive(Debug)]
enum Stretch {
    Equal {
        text: String,
        n: usize,
    },
    Change {
        del: String,
        ins: String,
        del_n: usize,
        ins_n: usize,
    },
}

/// Folds the equal run between the last two change stretches while it qualifies, merging the
/// three into one stretch, then tries the equal run before that.
fn fold(stack: &mut Vec<Stretch>) {
    while let [
        ..,
        Stretch::Change {
            del_n: d1,
            ins_n: i1,
            ..
        },
        Stretch::Equal { text, n },
        Stretch::Change {
            del_n: d2,
            ins_n: i2,
            ..
        },
    ] = stack.as_slice()
    {
        let (before, after) = ((*d1).max(*i1), (*d2).max(*i2));
        let trivial = text
            .chars()
            .all(|c| c.is_whitespace() || c.is_ascii_punctuation());
        if !(before > 0 && after > 0 && (trivial || (*n <= before && *n <= after))) {
            return;
        }
        let (
            Some(Stretch::Change {
                del,
                ins,
                del_n,
                ins_n,
            }),
            Some(Stretch::Equal { text, n }),
        ) = (stack.pop(), stack.pop())
        else {
            return;
        };
        if let Some(Stretch::Change {
            del: d,
            ins: i,
            del_n: dn,
            ins_n: inn,
        }) = stack.last_mut()
        {
            d.push_str(&text);
            d.push_str(&del);
            i.push_str(&text);
            i.push_str(&ins);
            *dn += n + del_n;
            *inn += n + ins_n;
        }
    }
}

/// The larger side (deleted or inserted characters) of the changes adjacent to an equal run.
#[cfg(test)]
fn change_len<'a>(runs: impl Iterator<Item = &'a Word>) -> usize {
    let (mut del, mut ins) = (0, 0);
    for w in runs {
        match w.op {
            Op::Equal => break,
            Op::Delete => del += w.text.chars().count(),
            Op::Insert => ins += w.text.chars().count(),
        }
    }
    del.max(ins)
}

/// Writes each stretch of changes between equal runs as one deletion, then one insertion.
fn regroup(runs: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |out: &mut Vec<Word>, del: &mut String, ins: &mut String| {
        push(out, Op::Delete, del);
        push(out, Op::Insert, ins);
        del.clear();
        ins.clear();
    };
    for w in runs {
        match w.op {
            Op::Delete => del.push_str(&w.text),
            Op::Insert => ins.push_str(&w.text),
            Op::Equal => {
                flush(&mut out, &mut del, &mut ins);
                push(&mut out, Op::Equal, &w.text);
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// Cuts a run list at each part separator (the separator itself is dropped).
fn split_parts(runs: Vec<Word>) -> Vec<Vec<Word>> {
    let mut parts = vec![Vec::new()];
    for w in runs {
        let mut pieces = w.text.split(PART_SEPARATOR);
        if let Some(first) = pieces.next() {
            push(parts.last_mut().expect("parts is never empty"), w.op, first);
        }
        for piece in pieces {
            parts.push(Vec::new());
            push(parts.last_mut().expect("parts is never empty"), w.op, piece);
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(runs: &[Word]) -> String {
        runs.iter()
            .map(|w| match w.op {
                Op::Equal => w.text.clone(),
                Op::Delete => format!("[-{}-]", w.text),
                Op::Insert => format!("{{+{}+}}", w.text),
            })
            .collect()
    }

    /// The clean-up as first written: fold the first foldable equal run, regroup, start again.
    fn clean_up_reference(mut runs: Vec<Word>) -> Vec<Word> {
        runs = regroup(runs);
        loop {
            let mut folded = false;
            for k in 1..runs.len().saturating_sub(1) {
                if runs[k].op != Op::Equal {
                    continue;
                }
                let before = change_len(runs[..k].iter().rev());
                let after = change_len(runs[k + 1..].iter());
                let len = runs[k].text.chars().count();
                let trivial = runs[k]
                    .text
                    .chars()
                    .all(|c| c.is_whitespace() || c.is_ascii_punctuation());
                if before > 0 && after > 0 && (trivial || (len <= before && len <= after)) {
                    runs[k].op = Op::Delete;
                    let text = runs[k].text.clone();
                    runs.insert(
                        k + 1,
                        Word {
                            op: Op::Insert,
                            text,
                        },
                    );
                    folded = true;
                    break;
                }
            }
            if !folded {
                return runs;
            }
            runs = regroup(runs);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, ..Default::default() })]

        /// The one-pass clean-up folds exactly what the restart-after-each-fold one does.
        #[test]
        fn clean_up_is_the_reference_clean_up(
            runs in proptest::collection::vec((0u8..3, "[ab ,.]{1,6}"), 0..40)
        ) {
            let runs: Vec<Word> = runs
                .into_iter()
                .map(|(op, text)| Word {
                    op: [Op::Equal, Op::Delete, Op::Insert][op as usize],
                    text,
                })
                .collect();
            proptest::prop_assert_eq!(clean_up(runs.clone()), clean_up_reference(runs));
        }
    }

    #[test]
    fn pronoun_change_reads_as_phrases() {
        let runs = diff_text(
            "If an officer considers that he or she has not been treated",
            "If an officer considers that they have not been treated",
            Duration::from_secs(1),
        );
        assert_eq!(
            show(&runs),
            "If an officer considers that [-he or she has-]{+they have+} not been treated"
        );
    }

    #[test]
    fn role_change_is_one_replacement() {
        let runs = diff_text(
            "raise the matter with the Monitoring Officer in the knowledge",
            "raise the matter with the Chief Executive in the knowledge",
            Duration::from_secs(1),
        );
        assert_eq!(
            show(&runs),
            "raise the matter with the [-Monitoring Officer-]{+Chief Executive+} in the knowledge"
        );
    }

    #[test]
    fn split_parts_keep_both_laws() {
        let parts = diff_parts(
            &["Officers serve the council. They advise all councillors."],
            &[
                "Officers serve the whole council.",
                "They advise all councillors.",
            ],
            Duration::from_secs(1),
        );
        assert_eq!(parts.len(), 2);
        let text = |p: &[Word], skip: Op| -> String {
            p.iter()
                .filter(|w| w.op != skip)
                .map(|w| w.text.as_str())
                .collect()
        };
        assert_eq!(text(&parts[1], Op::Delete), "They advise all councillors.");
        assert_eq!(
            text(&parts[0], Op::Delete),
            "Officers serve the whole council."
        );
        assert_eq!(
            text(&parts[0], Op::Insert) + &text(&parts[1], Op::Insert),
            "Officers serve the council. They advise all councillors."
        );
    }
}
