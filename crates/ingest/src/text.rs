//! Small judgements about lines of council text: is it in capitals, in title case, does it end a
//! sentence, does it end on a word that cannot end one. Shared by the recognisers.

/// Words that do not take a capital in a title-case heading.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with", "via",
];

/// Words a sentence cannot end on: a paragraph ending with one was cut by a page break.
const OPEN_ENDINGS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "between", "by", "for", "from", "has", "have", "in",
    "into", "is", "its", "may", "must", "not", "of", "on", "or", "should", "such", "than", "that",
    "the", "their", "to", "which", "who", "will", "with", "within",
];

/// True when the line's letters are (almost) all capitals and there are enough of them to be a
/// heading rather than an acronym.
pub fn is_caps(s: &str) -> bool {
    let (mut letters, mut upper) = (0, 0);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    letters >= 3 && upper * 100 >= letters * 95
}

/// True when most significant words start with a capital (`Officers' Attendance at Political
/// Group Meetings`, `No “Blind” Copies`).
pub fn is_title_case(s: &str) -> bool {
    let mut significant = 0;
    let mut capital = 0;
    let mut core = String::new();
    for w in s.split_whitespace() {
        // One buffer for every word's core (this runs on most lines of every file).
        core.clear();
        core.extend(
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '/' || *c == '-'),
        );
        if core.is_empty() || is_minor_word(&core) {
            continue;
        }
        significant += 1;
        if core
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        {
            capital += 1;
        }
    }
    significant > 0 && capital * 4 >= significant * 3
}

/// True when the word, lowercased, is one of [`MINOR_WORDS`]; minor words are short ASCII
/// words, so longer or other words are never lowercased to find out.
fn is_minor_word(w: &str) -> bool {
    if w.len() > 4 {
        return false;
    }
    if w.is_ascii() {
        MINOR_WORDS.iter().any(|m| m.eq_ignore_ascii_case(w))
    } else {
        MINOR_WORDS.contains(&w.to_lowercase().as_str())
    }
}

/// True when text ends a sentence or a list entry: `.`, `!`, `?`, `:`, `;`, possibly inside a
/// closing quote or bracket.
pub fn ends_sentence(s: &str) -> bool {
    let t = s
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '*']);
    t.ends_with(['.', '!', '?', ':', ';'])
}

/// True when text visibly continues: it ends with a comma, a hyphen or dash, or a word no
/// sentence ends on.
pub fn ends_open(s: &str) -> bool {
    let t = s.trim_end();
    if t.ends_with([',', '-', '–', '(', '/', '&']) {
        return true;
    }
    let last = t
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    OPEN_ENDINGS.contains(&last.as_str())
}

/// True when the text starts with a lowercase letter (after quotes and brackets).
pub fn starts_lower(s: &str) -> bool {
    s.trim_start()
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// True when the text starts with a capital letter (after quotes and brackets).
pub fn starts_upper(s: &str) -> bool {
    s.trim_start()
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

/// Joins the lines of one paragraph. A line ending in a hyphen joins the next without a space;
/// the hyphen is dropped only when `split_word` says the halves form a word of the document.
pub fn join_lines<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    split_word: &dyn Fn(&str, &str) -> bool,
) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        let glued = (out.ends_with('-') || out.ends_with('‐') || out.ends_with('–'))
            && !out.ends_with(" -")
            && !out.ends_with(" –")
            && starts_lower(line);
        if glued {
            if out.ends_with('-') || out.ends_with('‐') {
                let head: String = out
                    .chars()
                    .rev()
                    .skip(1)
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                let head: String = head.chars().rev().collect();
                let tail: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
                if split_word(&head, &tail) {
                    out.pop();
                }
            }
            out.push_str(line);
        } else {
            out.push(' ');
            out.push_str(line);
        }
    }
    collapse_spaces(&out)
}

/// Markdown's backslash escapes undone (`\\<` is `<`, `\\\\` is `\\`): what a CommonMark reader
/// shows for text outside inline markup. A backslash before anything but ASCII punctuation is
/// kept, as CommonMark keeps it.
pub fn unescape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && next.is_ascii_punctuation()
        {
            out.push(next);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

/// Collapses runs of spaces (any Unicode space: non-breaking, em, ideographic, line
/// separators) to one ASCII space and trims.
pub fn collapse_spaces(s: &str) -> String {
    // Most text is ASCII with single spaces: then only its ends can change. (For ASCII,
    // `char::is_whitespace` is tab, line feed, vertical tab, form feed, carriage return and
    // space; ASCII has no soft hyphen.)
    if s.is_ascii() {
        let b = s.as_bytes();
        let other_space = b
            .iter()
            .any(|&c| matches!(c, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r'));
        if !other_space && !s.contains("  ") {
            return s.trim_matches(' ').to_string();
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c == '\u{ad}' {
            // Soft hyphens are line-breaking hints, never text.
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// A comparison key for a heading or running line: lowercase, dashes and quotes folded, markup
/// and page numbers dropped, single spaces.
pub fn fold(s: &str) -> String {
    // One pass: map, lowercase and collapse spaces as `collapse_spaces` does (this runs on
    // every line of every file, so it avoids the intermediate strings), over bytes when the
    // text is ASCII.
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        let mut space = false;
        for &b in s.as_bytes() {
            if matches!(b, b' ' | b'*' | b'#' | b'~' | b'_' | b'\t') {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(char::from(b.to_ascii_lowercase()));
        }
        let end = out.trim_end_matches(':').trim_end().len();
        out.truncate(end);
        return out;
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '–' | '—' | '‐' => '-',
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            '*' | '#' | '~' | '_' | '\t' | '\u{a0}' => ' ',
            '\u{ad}' => continue,
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    let end = out.trim_end_matches(':').trim_end().len();
    out.truncate(end);
    out
}

/// Title case for a heading or name written in capitals: `TEWKESBURY BOROUGH COUNCIL` becomes
/// `Tewkesbury Borough Council`.
pub fn title_case(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && MINOR_WORDS.contains(&lower.as_str()) {
                return lower;
            }
            let mut cs = lower.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judgements() {
        assert!(is_caps("GENERAL PRINCIPLES"));
        assert!(is_caps(
            "COUNCILLORS' ACCESS TO INFORMATION AND TO COUNCIL DOCUMENTS"
        ));
        assert!(!is_caps("EU"));
        assert!(is_title_case(
            "Officers' Attendance at Political Group Meetings"
        ));
        assert!(is_title_case("No “Blind” Copies"));
        assert!(!is_title_case("Officer/Clerks can expect councillors:"));
        assert!(ends_sentence("the chair."));
        assert!(ends_sentence("improperly;"));
        assert!(!ends_sentence("the relevant"));
        assert!(ends_open("in their relationship with the"));
        assert!(ends_open("(see Constitution,"));
        assert!(!ends_open("take up the concern with the chair"));
        assert_eq!(
            fold("Annex 2.4 – Protocol for **Managing**"),
            "annex 2.4 - protocol for managing"
        );
        assert_eq!(
            title_case("TEWKESBURY BOROUGH COUNCIL"),
            "Tewkesbury Borough Council"
        );
    }

    #[test]
    fn joins_wraps() {
        let never = |_: &str, _: &str| false;
        assert_eq!(
            join_lines(["within its decision-", "making process"], &never),
            "within its decision-making process"
        );
        let always = |h: &str, t: &str| h == "Of" && t == "ficer";
        assert_eq!(
            join_lines(["the Monitoring Of-", "ficer will"], &always),
            "the Monitoring Officer will"
        );
        assert_eq!(
            join_lines(["a cross–", "political basis"], &never),
            "a cross–political basis"
        );
        assert_eq!(join_lines(["Code -", "see"], &never), "Code - see");
        assert_eq!(
            join_lines(["two  spaces ", " here"], &never),
            "two spaces here"
        );
    }
}
