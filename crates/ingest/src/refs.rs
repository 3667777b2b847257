//! Cross-references: "Paragraph 2.25", "(2.12.6)", "(2.23 and 2.24)", "see clause 4.1" found in
//! clause text and resolved to the ids the document has. Dotted numbers after "Annex",
//! "Appendix" and the like name other documents and are left alone.

/// Words that introduce a reference to a clause of this document.
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

/// A reference found in text: the dotted number as written and its character offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub target: String,
    pub at: usize,
}

/// Finds references to clauses in `text`.
pub fn find(text: &str) -> Vec<Found> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut last_end: Option<usize> = None;
    while i < chars.len() {
        let c = chars[i];
        let boundary = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '.');
        if c.is_ascii_digit() && boundary {
            let start = i;
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || (chars[j] == '.' && j + 1 < chars.len() && chars[j + 1].is_ascii_digit()))
            {
                j += 1;
            }
            let mut number: String = chars[start..j].iter().collect();
            // "paragraph 3(2)": paragraph 2 of section 3, clause 3.2.
            if !number.contains('.')
                && chars.get(j) == Some(&'(')
                && let Some(close) = chars[j + 1..].iter().position(|c| *c == ')')
                && (1..=3).contains(&close)
                && chars[j + 1..j + 1 + close].iter().all(char::is_ascii_digit)
            {
                let inner: String = chars[j + 1..j + 1 + close].iter().collect();
                number = format!("{number}.{inner}");
                j += close + 2;
            }
            let followed_ok = j >= chars.len() || !chars[j].is_alphanumeric();
            if number.contains('.') && followed_ok {
                let (prev_word, in_parens) = word_before(&chars[..start]);
                let chained = last_end.is_some_and(|e| {
                    let gap: String = chars[e..start].iter().collect();
                    let g = gap.trim();
                    CHAINS.contains(&g) || g.is_empty()
                });
                let foreign = FOREIGN.contains(&prev_word.as_str());
                if !foreign
                    && (in_parens
                        || chained
                        || INTRODUCERS.contains(&prev_word.trim_end_matches('.')))
                {
                    out.push(Found {
                        target: number,
                        at: start,
                    });
                    last_end = Some(j);
                } else {
                    last_end = None;
                }
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

/// The word before a number (lowercase, without a leading bracket) and whether the number
/// follows an opening bracket. Reads backwards from the number only as far as that word, so
/// finding every reference in a clause stays linear in its length however long it is.
fn word_before(before: &[char]) -> (String, bool) {
    let end = before
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |p| p + 1);
    let trimmed = &before[..end];
    let in_parens = trimmed.last() == Some(&'(');
    let start = trimmed
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |p| p + 1);
    let word: String = trimmed[start..].iter().collect();
    (word.trim_start_matches('(').to_lowercase(), in_parens)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(s: &str) -> Vec<String> {
        find(s).into_iter().map(|f| f.target).collect()
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
        assert_eq!(targets("as paragraph 3(2) says"), ["3.2"]);
    }
}
