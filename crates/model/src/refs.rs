//! Cross-references written in a clause: "Paragraph 2.25", "paragraphs 3.1, 3.2 and 4.10",
//! "(2.12.6)", "(2.23 and 2.24)", "see clause 4.1", "paragraph 3(2)", "paragraph 7". The one
//! scanner the reader (which resolves them to ids) and the redline (which checks them across a
//! change) share.
//!
//! A dotted number is a reference when a word that introduces one stands before it
//! ("paragraph", "clause", "section", "see", "under"), when it opens a bracket, or when it is
//! chained onto a reference just read ("and", "or", "to", a comma or a dash). A bare number is
//! one only after "paragraph" or "clause" (or chained onto such a reference): "section 6" is a
//! section, not a clause. Numbers after "Annex", "Appendix", "Part", "Regulation" and the like
//! name other documents and are left alone.
//!
//! ```
//! use concord_model::refs::find;
//! let found: Vec<(String, String)> = find("See paragraphs 3.1 and 3.2, and Annex 4.4 (2.12.6).")
//!     .into_iter()
//!     .map(|r| (r.text, r.target))
//!     .collect();
//! assert_eq!(
//!     found,
//!     [
//!         ("paragraphs 3.1".into(), "3.1".into()),
//!         ("paragraphs 3.1 and 3.2".into(), "3.2".into()),
//!         ("(2.12.6)".into(), "2.12.6".into()),
//!     ]
//! );
//! ```

/// Words that introduce a reference to a clause of this document; the first six are those
/// after which a bare number (`paragraph 7`) is a clause too.
const INTRODUCERS: &[&str] = &[
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "clause",
    "clauses",
    "section",
    "sections",
    "see",
    "under",
];
/// Introducers after which a bare number (`paragraph 7`) is a clause too.
const BARE: &[&str] = INTRODUCERS.split_at(6).0;
/// Words that chain a further reference onto one just read.
const CHAINS: &[&str] = &["and", "or", "to", ",", "&", "-", "–"];
/// Words that introduce a number in some other document.
const FOREIGN: &[&str] = &[
    "annex",
    "appendix",
    "schedule",
    "part",
    "regulation",
    "version",
    "article",
    "chapter",
    "rule",
];

/// A reference found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The clause number it names (`3.2`; `paragraph 3(2)` names `3.2`).
    pub target: String,
    /// The reference as written, from the word or bracket that opened it to its number
    /// (`paragraphs 3.1, 3.2` for the second of a list), with the bracket when it closes right
    /// after (`(2.12.6)`, `(2.23 and 2.24)`; the first of that list is `2.23`).
    pub text: String,
    /// Byte offset of its number in the text.
    pub start: usize,
    /// Byte offset just past its number.
    pub end: usize,
    /// True when the number has no dot (`paragraph 7`): a clause of a document numbered
    /// 1, 2, 3, or a section's number written loosely.
    pub bare: bool,
}

/// Finds the references to clauses in `text`, in reading order.
pub fn find(text: &str) -> Vec<Reference> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let ch = |k: usize| chars.get(k).map(|c| c.1);
    let byte = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    let mut out = Vec::new();
    let mut i = 0;
    // The last reference read: where it ended (char index), where its run began, and whether
    // the run allows bare numbers.
    let mut last: Option<(usize, usize, bool)> = None;
    while i < chars.len() {
        let boundary = i == 0 || !(chars[i - 1].1.is_alphanumeric() || chars[i - 1].1 == '.');
        if !(chars[i].1.is_ascii_digit() && boundary) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < chars.len()
            && (chars[j].1.is_ascii_digit()
                || (chars[j].1 == '.' && ch(j + 1).is_some_and(|c| c.is_ascii_digit())))
        {
            j += 1;
        }
        let mut target: String = chars[start..j].iter().map(|c| c.1).collect();
        // "paragraph 3(2)": paragraph 2 of section 3, clause 3.2.
        if !target.contains('.')
            && ch(j) == Some('(')
            && let Some(close) = chars[j + 1..].iter().position(|c| c.1 == ')')
            && (1..=3).contains(&close)
            && chars[j + 1..j + 1 + close]
                .iter()
                .all(|c| c.1.is_ascii_digit())
        {
            let inner: String = chars[j + 1..j + 1 + close].iter().map(|c| c.1).collect();
            target = format!("{target}.{inner}");
            j += close + 2;
        }
        let number_end = j;
        let followed_ok = ch(j).is_none_or(|c| !c.is_alphanumeric());
        let bare = !target.contains('.');
        let (word, word_at, in_parens) = word_before(&chars[..start]);
        let chained = last.filter(|&(e, _, _)| {
            let gap: String = chars[e..start].iter().map(|c| c.1).collect();
            let g = gap.trim();
            CHAINS.contains(&g) || g.is_empty()
        });
        let introduced = INTRODUCERS.contains(&word.trim_end_matches('.'));
        let run = if FOREIGN.contains(&word.as_str()) || !followed_ok {
            None
        } else if let Some((_, from, bare_ok)) = chained {
            (!bare || bare_ok).then_some((from, bare_ok))
        } else if in_parens && !bare {
            Some((word_at, false))
        } else if introduced {
            let bare_ok = BARE.contains(&word.trim_end_matches('.'));
            (!bare || bare_ok).then_some((word_at, bare_ok))
        } else {
            None
        };
        match run {
            Some((from, bare_ok)) => {
                // A bracket is quoted whole when it closes right after; otherwise the
                // reference starts inside it ("2.23" of "(2.23 and 2.24)").
                let (mut from_quoted, mut to) = (from, number_end);
                if chars[from].1 == '(' {
                    if ch(to) == Some(')') {
                        to += 1;
                    } else {
                        from_quoted = skip_spaces(&chars, from + 1);
                    }
                }
                out.push(Reference {
                    target,
                    text: text[byte(from_quoted)..byte(to)].to_string(),
                    start: byte(start),
                    end: byte(number_end),
                    bare,
                });
                last = Some((number_end, from, bare_ok));
            }
            None => last = None,
        }
        i = j.max(i + 1);
    }
    out
}

fn skip_spaces(chars: &[(usize, char)], mut k: usize) -> usize {
    while chars.get(k).is_some_and(|c| c.1.is_whitespace()) {
        k += 1;
    }
    k
}

/// The word before a number (lowercase, without a leading bracket), the char index where it
/// (or its bracket) starts, and whether the number follows an opening bracket. Reads backwards
/// only as far as that word, so finding every reference in a clause stays linear in its length.
fn word_before(before: &[(usize, char)]) -> (String, usize, bool) {
    let end = before
        .iter()
        .rposition(|c| !c.1.is_whitespace())
        .map_or(0, |p| p + 1);
    let trimmed = &before[..end];
    let in_parens = trimmed.last().map(|c| c.1) == Some('(');
    let start = trimmed
        .iter()
        .rposition(|c| c.1.is_whitespace())
        .map_or(0, |p| p + 1);
    let word: String = trimmed[start..].iter().map(|c| c.1).collect();
    let word = word.trim_start_matches('(').to_lowercase();
    // A bracket opens the run at itself; a word at its first letter.
    let at = if in_parens {
        end - 1
    } else {
        start + trimmed[start..].iter().take_while(|c| c.1 == '(').count()
    };
    (word, at, in_parens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(s: &str) -> Vec<String> {
        find(s).into_iter().map(|f| f.target).collect()
    }

    fn written(s: &str) -> Vec<String> {
        find(s)
            .into_iter()
            .map(|r| format!("{}={}", r.text, r.target))
            .collect()
    }

    #[test]
    fn references() {
        assert_eq!(
            targets("refer instances as necessary (2.23 and 2.24)."),
            ["2.23", "2.24"]
        );
        assert_eq!(targets("calls/correspondence (2.12.6) and not"), ["2.12.6"]);
        assert_eq!(targets("as set out in Paragraph 2.25 above"), ["2.25"]);
        assert_eq!(
            targets("the Council Operating Framework, Annex 4.4."),
            Vec::<String>::new()
        );
        assert_eq!(targets("a budget of 2.5 million"), Vec::<String>::new());
        assert_eq!(targets("see paragraphs 3.1 to 3.4"), ["3.1", "3.4"]);
        assert_eq!(targets("under paragraph 3(2) of this protocol"), ["3.2"]);
        assert_eq!(targets("Regulation 5.2 and rule 1.1"), Vec::<String>::new());
    }

    #[test]
    fn what_was_written_is_kept() {
        assert_eq!(
            written(
                "See Paragraph 2.25 and paragraphs 3.1, 3.2 and 4.10. Officers (2.12.6) and section 6."
            ),
            [
                "Paragraph 2.25=2.25",
                "paragraphs 3.1=3.1",
                "paragraphs 3.1, 3.2=3.2",
                "paragraphs 3.1, 3.2 and 4.10=4.10",
                "(2.12.6)=2.12.6"
            ]
        );
        assert_eq!(
            written("(2.23 and 2.24)"),
            ["2.23=2.23", "(2.23 and 2.24)=2.24"]
        );
    }

    #[test]
    fn bare_numbers_only_after_paragraph_or_clause() {
        assert_eq!(
            written("see paragraph 7 and 8"),
            ["paragraph 7=7", "paragraph 7 and 8=8"]
        );
        assert_eq!(targets("as in section 6 and 7"), Vec::<String>::new());
        assert_eq!(targets("within 10 days (see 3)"), Vec::<String>::new());
        assert_eq!(targets("paragraph 7a"), Vec::<String>::new());
        assert!(find("clause 4").iter().all(|r| r.bare));
        assert!(find("clause 4.1").iter().all(|r| !r.bare));
    }

    #[test]
    fn byte_offsets_hold_after_curly_quotes() {
        let text = "‘Members’ see paragraph 2.5";
        let r = &find(text)[0];
        assert_eq!(&text[r.start..r.end], "2.5");
    }
}
