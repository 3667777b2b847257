//! Text whose line breaks were lost: a whole section, or the whole document, on one line
//! (`1. Introduction 1.1 This protocol... 1.2 It is... 2. Roles 2.1 ...`). Such a line is cut
//! before each label that starts a heading, a clause or an item where a careful reader sees
//! one start: after a finished sentence, or after a heading's words. The pieces keep their
//! source line; whether each really starts a clause is still the plan's decision, and a piece
//! it does not take is read on as part of the text before, with a space, as it was written.

/// The shortest line worth cutting: a paragraph of a normal text is shorter than this, or
/// holds at most one label where a sentence ends.
pub const LONG: usize = 120;

/// The pieces a run-on line holds, as slices of it; the line itself when it is not one.
pub fn pieces(t: &str) -> Vec<&str> {
    if t.len() < LONG || !maybe_run_on(t) {
        return vec![t];
    }
    let cuts = cuts(t);
    // One label after a sentence is a cross-reference or a quotation: the line is a
    // paragraph, not a run of them.
    if cuts.len() < 2 {
        return vec![t];
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for &at in cuts.iter().chain(std::iter::once(&t.len())) {
        let piece = t[from..at].trim();
        if !piece.is_empty() {
            out.push(piece);
        }
        from = at;
    }
    out
}

/// A quick look before the careful one: a run-on line holds at least two labels (`2.1 `,
/// `3. `, `• `) or approval words; a paragraph of a normal text rarely does.
fn maybe_run_on(t: &str) -> bool {
    let b = t.as_bytes();
    let mut labels = 0;
    for i in 1..b.len().saturating_sub(1) {
        let here = b[i];
        if (here == b'.' || here == b')') && b[i - 1].is_ascii_digit() && b[i + 1] == b' '
            || here == b'.' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit()
        {
            labels += 1;
        } else if here == 0xE2 && b.get(i + 1..i + 3) == Some(&[0x80, 0xA2]) {
            // "•"
            labels += 1;
        }
        if labels >= 2 {
            return true;
        }
    }
    false
}

/// Byte offsets in `t` where a new piece starts.
fn cuts(t: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let bytes = t.as_bytes();
    // Where the last cut's heading words began (a single-number heading: its words run until
    // the first clause label, with no sentence end).
    let mut after_heading = t
        .split(' ')
        .next()
        .is_some_and(|w| matches!(kind(w), Some(Token::Heading | Token::Bare)));
    let mut i = 0;
    while i < bytes.len() {
        // A token starts after a space.
        if i == 0 || bytes[i - 1] != b' ' {
            i += 1;
            continue;
        }
        let rest = &t[i..];
        let before = t[..i].trim_end();
        // The word before ends a sentence, unless it is the label just cut at (`2.` before
        // `Roles`); "section 10." ends one.
        let last_word = before.rsplit(' ').next().unwrap_or("");
        let label_just_cut = out
            .last()
            .is_some_and(|&c| c + last_word.len() + 1 == i || (c == 0 && i == last_word.len() + 1))
            || (out.is_empty() && i == last_word.len() + 1 && kind(last_word).is_some());
        let sentence_end = before.ends_with(['.', ':', ';', '!', '?', '"', '”', ')'])
            && !label_just_cut
            && !matches!(last_word, "e.g." | "i.e." | "etc.");
        let token_end = rest.find(' ').unwrap_or(rest.len());
        let token = &rest[..token_end];
        let next = rest[token_end..].trim_start();
        let next_upper = next.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“');
        // A clause number before a capital is cut at wherever it stands (a list item before
        // it may end without a full stop); whether it starts a clause is the plan's choice.
        let cut = match kind(token) {
            Some(Token::Dotted) => next_upper || (after_heading && !next.is_empty()),
            // A heading's number: after a finished sentence, or wherever its first clause
            // (`2.1` after `2. Personal Relationships`) follows within a few words.
            Some(Token::Heading) => {
                next_upper && (sentence_end || first_clause_follows(token, next))
            }
            // A bare number (`1 Purpose 1.1 This...`) only where its first clause follows.
            Some(Token::Bare) => next_upper && first_clause_follows(token, next),
            Some(Token::Bullet) => true,
            Some(Token::Approval) => sentence_end && next.starts_with(['b', 'a', 'o']),
            Some(Token::Item) => {
                sentence_end || before.ends_with(" and") || before.ends_with(" or")
            }
            None => false,
        };
        if cut {
            // A lead-in between two lists (`...; • Never... Officers should: • Be aware...`):
            // its sentence starts a piece of its own.
            if matches!(kind(token), Some(Token::Bullet | Token::Item))
                && before.ends_with(':')
                && let Some(&last) = out.last()
                && matches!(
                    kind(t[last..].split(' ').next().unwrap_or("")),
                    Some(Token::Bullet | Token::Item)
                )
                && let Some(start) = last_sentence_start(&t[last..i])
                && start > 0
            {
                out.push(last + start);
            }
            out.push(i);
            after_heading = matches!(kind(token), Some(Token::Heading | Token::Bare));
            // A heading in capitals ends where the capitals do (`18. SUMMARY The working...`).
            if after_heading && let Some(end) = caps_heading_end(next) {
                let at = i + (rest.len() - next.len()) + end;
                out.push(at);
                after_heading = false;
                i = at;
                continue;
            }
        } else if sentence_end {
            after_heading = false;
        }
        i += token_end.max(1);
    }
    out
}

/// Where the last sentence of `piece` starts (after its last `. `), if anywhere but its start.
fn last_sentence_start(piece: &str) -> Option<usize> {
    let body = piece.trim_end();
    let cut = body[..body.len().saturating_sub(1)].rfind(". ")?;
    let start = cut + 2;
    body[start..]
        .starts_with(char::is_uppercase)
        .then_some(start)
}

/// Where a heading in capitals ends in `next` (the byte offset of the first word after it), when
/// a capitalised word in lower case follows it directly (`SUMMARY The working...`).
fn caps_heading_end(next: &str) -> Option<usize> {
    let mut at = 0;
    let mut caps = 0;
    for w in next.split(' ') {
        // A clause number ends the heading itself, and is cut at as one.
        if kind(w).is_some() {
            return None;
        }
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        let is_caps = !letters.is_empty() && letters.iter().all(|c| c.is_uppercase());
        if is_caps || (letters.is_empty() && caps > 0) {
            caps += usize::from(is_caps);
            at += w.len() + 1;
            continue;
        }
        let capitalised = w.starts_with(char::is_uppercase);
        return (caps > 0 && capitalised && letters.len() > 1).then_some(at);
    }
    None
}

/// Whether the first clause of heading `token` (`2.` or `2)`) comes within a heading's length
/// of words in `next`: `Personal Relationships 2.1 It is...`.
fn first_clause_follows(token: &str, next: &str) -> bool {
    let n = token.trim_end_matches(['.', ')']);
    let first = format!("{n}.1");
    next.split(' ')
        .take(14)
        .any(|w| w == first || w == format!("{first}."))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// `2.1`, `2.1.3`, `2.1.`
    Dotted,
    /// `2.`, `2)`
    Heading,
    /// `2`: a heading's number only where its first clause follows
    Bare,
    /// `•`
    Bullet,
    /// `Adopted`, `Approved`, `Agreed` starting a sentence: an approval line run on
    Approval,
    /// `(a)`, `(iv)`, `(2)`
    Item,
}

fn kind(token: &str) -> Option<Token> {
    if matches!(token, "•" | "·" | "\u{f0b7}") {
        return Some(Token::Bullet);
    }
    if matches!(token, "Adopted" | "Approved" | "Agreed" | "Ratified") {
        return Some(Token::Approval);
    }
    if token.starts_with('(')
        && token.ends_with(')')
        && token.len() <= 6
        && token[1..token.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return Some(Token::Item);
    }
    // `a)`, `iv)`
    if let Some(inner) = token.strip_suffix(')')
        && !inner.is_empty()
        && inner.len() <= 4
        && (inner.len() == 1 || inner.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')))
        && inner.bytes().all(|b| b.is_ascii_lowercase())
    {
        return Some(Token::Item);
    }
    let body = token.trim_end_matches(['.', ')']);
    if body.is_empty() || !body.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let parts: Vec<&str> = body.split('.').collect();
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    match parts.len() {
        1 if token.len() > body.len() && body.len() <= 2 => Some(Token::Heading),
        1 if token.len() == body.len() && body.len() <= 2 => Some(Token::Bare),
        1 => None,
        _ => Some(Token::Dotted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_on_document_is_cut_before_its_labels() {
        let t = "1. Introduction 1.1 This protocol explains how the councillors and the Clerk work together, as paragraph 2.2 says. 1.2 It is based on mutual respect and on each side understanding the role of the other. 2. Roles 2.1 The Council is a corporate body. 2.2 Councillors represent the whole parish: • they attend meetings; • they vote.";
        assert_eq!(
            pieces(t),
            [
                "1. Introduction",
                "1.1 This protocol explains how the councillors and the Clerk work together, as paragraph 2.2 says.",
                "1.2 It is based on mutual respect and on each side understanding the role of the other.",
                "2. Roles",
                "2.1 The Council is a corporate body.",
                "2.2 Councillors represent the whole parish:",
                "• they attend meetings;",
                "• they vote.",
            ]
        );
    }

    #[test]
    fn a_long_paragraph_with_a_reference_is_left_alone() {
        let t = "Councillors who are unsure about any matter should first ask the Monitoring Officer, who will advise them. This is in line with paragraph 2.25 of the Code, and with the guidance that the Council publishes every year for all of its councillors and officers alike.";
        assert_eq!(pieces(t).len(), 1);
    }
}
