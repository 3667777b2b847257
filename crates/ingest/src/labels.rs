//! What a line starts with: a list marker, then perhaps a label: a clause number (`2.8.1`,
//! `3(1)`), a bare number (`1.`, `1`, `1.Members`, `1)`), a numbered word (`Section 3:`,
//! `Part 2`, `Paragraph 4`, `Article 5`), or an item label (`(a)`, `a)`, `(iv)`, `•`). These are
//! only candidates: which of them number the document is decided for the document as a whole
//! (`plan`).

use std::borrow::Cow;

/// How a single number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SingleForm {
    /// `1. Text`
    Dot,
    /// `1 Text`, `1<TAB>Text`
    Bare,
    /// `1.Text`: the space lost in extraction
    Glued,
    /// `1) Text`
    Close,
}

/// What kind of label an item has; items nest only under a different kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Bullet,
    Letter,
    Roman,
    Number,
}

/// A label at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// Two numbers or more: `2.8.1`, `1.1.`.
    Dotted(Vec<u32>),
    /// One number.
    Single(u32, SingleForm),
    /// Paragraph-style numbering: `3(1)` (letter false) or `3(a)` (letter true, sub is its place
    /// in the alphabet).
    Paren {
        n: u32,
        sub: u32,
        letter: bool,
        printed: String,
    },
    /// A numbered word: `Section 3:`, `Part II`, `Paragraph 4`, `Article 5`; `roman` when its
    /// number was written in roman numerals (kept as printed).
    Word {
        word: &'static str,
        n: u32,
        roman: Option<String>,
    },
    /// A capital roman numeral: `IV.`, `II)`, `III` (a heading's number, kept as printed).
    Roman { n: u32, printed: String },
    /// A capital letter: `A.`, `B)` (a heading's number, kept as printed; `n` is its place in
    /// the alphabet).
    Letter { n: u32, printed: String },
    /// An item label, and the label it had before a tracked relabelling (`(xiv)(xv)`).
    Item {
        label: String,
        previous: Option<String>,
        kind: ItemKind,
    },
}

/// A line's start: whether it had a list marker, its label if any, and the text after them.
#[derive(Debug, Clone)]
pub struct Start<'a> {
    pub marker: bool,
    pub label: Option<Label>,
    /// The text after the marker and label.
    pub rest: Cow<'a, str>,
}

/// Words that number the parts of a document, as they are written in front of the number.
const WORDS: &[(&str, &str)] = &[
    ("section", "Section"),
    ("part", "Part"),
    ("paragraph", "Paragraph"),
    ("article", "Article"),
    ("chapter", "Chapter"),
    ("rule", "Rule"),
];

/// Reads the start of a (trimmed) line.
pub fn start(t: &str) -> Start<'_> {
    let (marker, rest) = list_marker(t);
    let rest = unbold_label(rest);
    match label(&rest) {
        Some((label, len)) => {
            let after = match &rest {
                Cow::Borrowed(s) => Cow::Borrowed(s[len..].trim_start()),
                Cow::Owned(s) => Cow::Owned(s[len..].trim_start().to_string()),
            };
            Start {
                marker,
                label: Some(label),
                rest: after,
            }
        }
        None => Start {
            marker,
            label: None,
            rest,
        },
    }
}

/// The label at the start of `s` and its length in bytes.
fn label(s: &str) -> Option<(Label, usize)> {
    numbered(s)
        .or_else(|| paren(s))
        .or_else(|| word(s))
        .or_else(|| upper_roman(s))
        .or_else(|| item(s))
}

/// `IV. Roles`, `II) Roles`: a capital roman numeral with a dot or bracket, then a capital.
fn upper_roman(s: &str) -> Option<(Label, usize)> {
    let len = s
        .bytes()
        .take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
        .count();
    if len == 0 {
        return upper_letter(s);
    }
    let rest = &s[len..];
    let closer = rest.chars().next()?;
    if !matches!(closer, '.' | ')') {
        return None;
    }
    let after = &rest[1..];
    if !after.starts_with(' ') || !after.trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    let printed = &s[..len];
    let n = roman_value(&printed.to_ascii_lowercase())?;
    Some((
        Label::Roman {
            n,
            printed: printed.to_string(),
        },
        len + 1,
    ))
}

/// `C. Behaviour`, `D) Communication`: a capital letter with a dot or bracket, then a capital.
fn upper_letter(s: &str) -> Option<(Label, usize)> {
    let c = s.chars().next()?;
    if !c.is_ascii_uppercase() {
        return None;
    }
    let rest = &s[1..];
    let closer = rest.chars().next()?;
    if !matches!(closer, '.' | ')') {
        return None;
    }
    let after = &rest[1..];
    if !after.starts_with(' ') || !after.trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    Some((
        Label::Letter {
            n: u32::from(c as u8 - b'A') + 1,
            printed: c.to_string(),
        },
        2,
    ))
}

/// `2.8.1`, `1.1.`, `1.`, `1`, `1.Members`, `1)`.
fn numbered(s: &str) -> Option<(Label, usize)> {
    let len = s
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    if len == 0 || !s.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let raw = &s[..len];
    let after = &s[len..];
    let body = raw.strip_suffix('.').unwrap_or(raw);
    if body.is_empty() || body.contains("..") || body.ends_with('.') {
        return None;
    }
    let parts: Vec<u32> = body
        .split('.')
        .map(|p| {
            if p.is_empty() || p.len() > 3 {
                None
            } else {
                p.parse().ok()
            }
        })
        .collect::<Option<_>>()?;
    let ends_clean = after.is_empty() || after.starts_with(char::is_whitespace);
    if parts.len() >= 2 {
        // `2.5million` or `1.5%` is a number in a sentence; `4.2Officers` a label whose space
        // was lost.
        let glued = after.starts_with(char::is_uppercase);
        return (ends_clean || glued).then_some((Label::Dotted(parts), len));
    }
    let n = parts[0];
    if parts[0] == 0 || body.len() > 3 {
        return None;
    }
    if raw.ends_with('.') {
        if ends_clean {
            return Some((Label::Single(n, SingleForm::Dot), len));
        }
        // `1.Members`: a capital straight after the dot.
        if after.starts_with(|c: char| c.is_uppercase()) {
            return Some((Label::Single(n, SingleForm::Glued), len));
        }
        return None;
    }
    // `4) Text`, and `4)Text` with the space lost.
    if let Some(rest) = after.strip_prefix(')')
        && (rest.is_empty()
            || rest.starts_with(char::is_whitespace)
            || rest.starts_with(char::is_uppercase))
    {
        return Some((Label::Single(n, SingleForm::Close), len + 1));
    }
    ends_clean.then_some((Label::Single(n, SingleForm::Bare), len))
}

/// `3(1) The Clerk...`, `3(a) The Clerk...`: paragraph-style numbering, paragraph 1 (or a) of
/// section 3.
fn paren(s: &str) -> Option<(Label, usize)> {
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let n = digits(s);
    if n == 0 || n > 3 {
        return None;
    }
    let inner = s[n..].strip_prefix('(')?;
    let m = digits(inner);
    let (sub, letter, m) = if m > 0 {
        if m > 3 {
            return None;
        }
        (inner[..m].parse().ok()?, false, m)
    } else {
        let c = inner.chars().next()?;
        if !c.is_ascii_lowercase() {
            return None;
        }
        (u32::from(c as u8 - b'a') + 1, true, 1)
    };
    let rest = inner[m..].strip_prefix(')')?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let len = n + 1 + m + 1;
    Some((
        Label::Paren {
            n: s[..n].parse().ok()?,
            sub,
            letter,
            printed: s[..len].to_string(),
        },
        len,
    ))
}

/// `Section 3:`, `SECTION 3 -`, `Part II`, `Paragraph 4.`, `Article 5`.
fn word(s: &str) -> Option<(Label, usize)> {
    let first = s.split_whitespace().next()?;
    if first.len() > 9 {
        return None;
    }
    let lower = first.to_ascii_lowercase();
    let (key, word) = WORDS.iter().find(|(k, _)| *k == lower)?;
    let _ = key;
    let after_word = &s[first.len()..];
    let num_start = after_word.len() - after_word.trim_start().len();
    if num_start == 0 {
        return None;
    }
    let rest = &after_word[num_start..];
    let n_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if n_len == 0 {
        return None;
    }
    let token = &rest[..n_len];
    let (n, roman) = if token.bytes().all(|b| b.is_ascii_digit()) {
        (token.parse().ok()?, None)
    } else {
        (
            roman_value(&token.to_ascii_lowercase())?,
            Some(token.to_ascii_uppercase()),
        )
    };
    if n == 0 || n > 200 {
        return None;
    }
    let mut len = first.len() + num_start + n_len;
    // The separator after the number: `:`, `.`, `-`, `–`.
    let tail = &s[len..];
    let sep = tail.trim_start();
    let sep_len = ['.', ':', '-', '–', '—']
        .iter()
        .find(|c| sep.starts_with(**c))
        .map_or(0, |c| c.len_utf8());
    if sep_len > 0 {
        len += tail.len() - sep.len() + sep_len;
    }
    let after = &s[len..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((Label::Word { word, n, roman }, len))
}

/// The value of a lowercase roman numeral up to `l` (fifty), or `None`.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 7 || !s.bytes().all(|b| matches!(b, b'i' | b'v' | b'x' | b'l')) {
        return None;
    }
    let v = |b: u8| match b {
        b'i' => 1,
        b'v' => 5,
        b'x' => 10,
        _ => 50,
    };
    let b = s.as_bytes();
    let mut total = 0i32;
    for (i, &c) in b.iter().enumerate() {
        let here = v(c);
        if b.get(i + 1).is_some_and(|&n| v(n) > here) {
            total -= here;
        } else {
            total += here;
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

/// Item labels: `(a)`, `a.`, `a)`, `(iv)`, `(1)`, and the tracked relabelling `(xiv)(xv)`.
fn item(s: &str) -> Option<(Label, usize)> {
    let (label, previous, kind, after) = item_label(s)?;
    let len = s.len() - after.len();
    Some((
        Label::Item {
            label,
            previous,
            kind,
        },
        len,
    ))
}

/// Item labels: `(a)`, `a.`, `a)`, `(iv)`, `(1)`, and the tracked relabelling `(xiv)(xv)`.
/// Returns the label, the label before a tracked relabelling, the kind, and the text after.
pub fn item_label(s: &str) -> Option<(String, Option<String>, ItemKind, &str)> {
    if let Some((l1, rest)) = paren_label(s) {
        if let Some((l2, rest2)) = paren_label(rest)
            && label_kind(l1) == label_kind(l2)
            && l1 != l2
            && rest2.starts_with(char::is_whitespace)
        {
            return Some((
                format!("({l2})"),
                Some(format!("({l1})")),
                label_kind(l2),
                rest2.trim_start(),
            ));
        }
        // `(1)This`: the space lost in extraction, a capital straight after.
        if rest.starts_with(char::is_whitespace)
            || rest.is_empty()
            || rest.starts_with(char::is_uppercase)
        {
            return Some((format!("({l1})"), None, label_kind(l1), rest.trim_start()));
        }
        return None;
    }
    let len = s
        .bytes()
        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        .count();
    if len == 0 || len > 6 {
        return None;
    }
    let label = &s[..len];
    let rest = &s[len..];
    let closer = rest.chars().next()?;
    if !matches!(closer, '.' | ')')
        || !(rest[1..].starts_with(char::is_whitespace) || rest.len() == 1)
    {
        return None;
    }
    let kind = label_kind(label);
    if kind == ItemKind::Letter && len > 1 {
        return None;
    }
    if kind == ItemKind::Number && len > 2 {
        return None;
    }
    Some((
        format!("{label}{closer}"),
        None,
        kind,
        rest[1..].trim_start(),
    ))
}

fn paren_label(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix('(')?;
    let end = inner.find(')')?;
    let label = &inner[..end];
    let ok = !label.is_empty()
        && ((label.len() <= 6
            && label
                .bytes()
                .all(|c| matches!(c, b'i' | b'v' | b'x' | b'l')))
            || (label.len() == 1 && label.bytes().all(|c| c.is_ascii_lowercase()))
            || (label.len() <= 2 && label.bytes().all(|c| c.is_ascii_digit())));
    ok.then(|| (label, &inner[end + 1..]))
}

/// The kind of an item label's core (`a`, `iv`, `3`).
pub fn label_kind(label: &str) -> ItemKind {
    if label.bytes().all(|c| c.is_ascii_digit()) {
        ItemKind::Number
    } else if (label.len() > 1 || label == "i")
        && label
            .bytes()
            .all(|c| matches!(c, b'i' | b'v' | b'x' | b'l'))
    {
        ItemKind::Roman
    } else {
        ItemKind::Letter
    }
}

/// Strips a list marker (`- `, `* `, `• `, ...) and returns whether there was one.
pub fn list_marker(t: &str) -> (bool, &str) {
    for m in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(m) {
            return (true, rest.trim_start());
        }
    }
    // Bullet glyphs, followed by a space or a tab, or (the glyphs no word starts with) by
    // nothing at all.
    let mut chars = t.chars();
    if let Some(c) = chars.next()
        && BULLETS.contains(&c)
    {
        let rest = chars.as_str();
        if rest.starts_with(char::is_whitespace) || matches!(c, '•' | '\u{f0b7}' | '·') {
            return (true, rest.trim_start());
        }
    }
    (false, t)
}

/// Glyphs that mark a bulleted line: the common bullets, the dash and middle dot of web pages,
/// and Word's Symbol-font bullet (U+F0B7) as text extraction leaves it.
const BULLETS: &[char] = &[
    '•', '●', '▪', '◦', '○', '■', '□', '►', '▶', '➢', '➤', '✓', '·', '–', '—', '\u{f0b7}',
];

/// `**3.3** text` → `3.3 text`: labels in bold are labels; `**1. Purpose**` → `1. Purpose`.
pub fn unbold_label(s: &str) -> Cow<'_, str> {
    if let Some(rest) = s.strip_prefix("**")
        && let Some(end) = rest.find("**")
    {
        let label = &rest[..end];
        if !label.is_empty() && label.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
            return Cow::Owned(format!("{label}{}", &rest[end + 2..]));
        }
        // A whole line in bold that starts with a number: a bold numbered heading.
        if end + 2 == rest.len() && label.starts_with(|c: char| c.is_ascii_digit()) {
            return Cow::Owned(label.to_string());
        }
    }
    Cow::Borrowed(s)
}

/// A table row: tab-separated cells (three or more, two of them filled) or a pipe table's row.
pub fn table_row(t: &str) -> Option<Vec<String>> {
    if t.starts_with('|') && t.ends_with('|') && t.len() > 2 {
        let inner = &t[1..t.len() - 1];
        let cells = split_pipes(inner);
        return (cells.len() >= 2).then_some(cells);
    }
    if t.contains('\t') {
        let cells: Vec<String> = t.split('\t').map(|c| c.trim().to_string()).collect();
        if cells.len() >= 3 && cells.iter().filter(|c| !c.is_empty()).count() >= 2 {
            return Some(cells);
        }
    }
    None
}

fn split_pipes(s: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cur.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cur).trim().to_string()),
            c => cur.push(c),
        }
    }
    cells.push(cur.trim().to_string());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: &str) -> Option<Label> {
        start(s).label
    }

    #[test]
    fn numbers() {
        assert_eq!(l("2.8.1 As Council"), Some(Label::Dotted(vec![2, 8, 1])));
        assert_eq!(l("1.1. Text"), Some(Label::Dotted(vec![1, 1])));
        assert_eq!(
            l("1. Introduction"),
            Some(Label::Single(1, SingleForm::Dot))
        );
        assert_eq!(
            l("1   The purpose"),
            Some(Label::Single(1, SingleForm::Bare))
        );
        assert_eq!(l("1\tPurpose"), Some(Label::Single(1, SingleForm::Bare)));
        assert_eq!(l("1.Members"), Some(Label::Single(1, SingleForm::Glued)));
        assert_eq!(l("4) Text"), Some(Label::Single(4, SingleForm::Close)));
        assert_eq!(l("8.63"), Some(Label::Dotted(vec![8, 63])));
        assert_eq!(l("2.5million"), None);
        assert_eq!(l("2016 was"), None);
        assert_eq!(start("**3.3** It is").rest, "It is");
        assert_eq!(l("**1. Purpose**"), Some(Label::Single(1, SingleForm::Dot)));
    }

    #[test]
    fn parens_and_words() {
        assert!(matches!(
            l("3(1) A member"),
            Some(Label::Paren {
                n: 3,
                sub: 1,
                letter: false,
                ..
            })
        ));
        assert!(matches!(
            l("1(b) text"),
            Some(Label::Paren {
                n: 1,
                sub: 2,
                letter: true,
                ..
            })
        ));
        assert_eq!(
            l("Section 3: Roles"),
            Some(Label::Word {
                word: "Section",
                n: 3,
                roman: None
            })
        );
        assert_eq!(start("Section 3: Roles").rest, "Roles");
        assert_eq!(
            l("PART IV"),
            Some(Label::Word {
                word: "Part",
                n: 4,
                roman: Some("IV".into())
            })
        );
        assert_eq!(
            l("IV. ROLES"),
            Some(Label::Roman {
                n: 4,
                printed: "IV".into()
            })
        );
        assert_eq!(l("I am"), None);
        assert_eq!(l("Sections of the council"), None);
        assert_eq!(l("Part of the role"), None);
    }

    #[test]
    fn items() {
        let Some(Label::Item {
            label, previous, ..
        }) = l("(xiv)(xv) To inform")
        else {
            panic!("an item")
        };
        assert_eq!(
            (label.as_str(), previous.as_deref()),
            ("(xv)", Some("(xiv)"))
        );
        assert!(matches!(l("a) Chief"), Some(Label::Item { .. })));
        assert!(matches!(l("a. deal"), Some(Label::Item { .. })));
        assert_eq!(l("i.e. the"), None);
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("iv"), Some(4));
    }
}
