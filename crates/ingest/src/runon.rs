//! Text whose line breaks were lost: a whole section, or the whole document, on one line
//! (`1. Introduction 1.1 This protocol... 1.2 It is... 2. Roles 2.1 ...`). Such a line is cut
//! before each label that starts a heading, a clause or an item where a careful reader sees
//! one start: after a finished sentence, or after a heading's words. The pieces keep their
//! source line; whether each really starts a clause is still the plan's decision, and a piece
//! it does not take is read on as part of the text before, with a space, as it was written.

use crate::prepare::{Line, LineKind};

/// The shortest line worth cutting: a paragraph of a normal text is shorter than this, or
/// holds at most one label where a sentence ends.
const LONG: usize = 120;

/// Cuts every run-on line of `lines` into the pieces it holds.
pub fn split(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    if !lines
        .iter()
        .any(|l| l.kind == LineKind::Body && l.text.len() >= LONG)
    {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if line.kind != LineKind::Body || line.text.len() < LONG {
            out.push(line);
            continue;
        }
        let cuts = cuts(line.text);
        // One label after a sentence is a cross-reference or a quotation: the line is a
        // paragraph, not a run of them.
        if cuts.len() < 2 {
            out.push(line);
            continue;
        }
        let mut from = 0;
        for &at in cuts.iter().chain(std::iter::once(&line.text.len())) {
            let piece = line.text[from..at].trim();
            if !piece.is_empty() {
                out.push(Line {
                    no: line.no,
                    indent: 0,
                    text: piece,
                    kind: LineKind::Body,
                });
            }
            from = at;
        }
    }
    out
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
        .is_some_and(|w| kind(w) == Some(Token::Heading));
    let mut i = 0;
    while i < bytes.len() {
        // A token starts after a space.
        if i == 0 || bytes[i - 1] != b' ' {
            i += 1;
            continue;
        }
        let rest = &t[i..];
        let before = t[..i].trim_end();
        // The word before ends a sentence, unless it is a label itself (`2.` before `Roles`).
        let last_word = before.rsplit(' ').next().unwrap_or("");
        let sentence_end = before.ends_with(['.', ':', ';', '!', '?', '"', '”', ')'])
            && kind(last_word).is_none()
            && !matches!(last_word, "e.g." | "i.e." | "etc.");
        let token_end = rest.find(' ').unwrap_or(rest.len());
        let token = &rest[..token_end];
        let next = rest[token_end..].trim_start();
        let next_upper = next.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“');
        let cut = match kind(token) {
            Some(Token::Dotted) => (sentence_end || after_heading) && next_upper,
            Some(Token::Heading) => sentence_end && next_upper,
            Some(Token::Bullet) => true,
            Some(Token::Item) => {
                before.ends_with([':', ';']) || before.ends_with(" and") || before.ends_with(" or")
            }
            None => false,
        };
        if cut {
            out.push(i);
            after_heading = kind(token) == Some(Token::Heading);
        } else if sentence_end {
            after_heading = false;
        }
        i += token_end.max(1);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// `2.1`, `2.1.3`, `2.1.`
    Dotted,
    /// `2.`, `2)`
    Heading,
    /// `•`
    Bullet,
    /// `(a)`, `(iv)`, `(2)`
    Item,
}

fn kind(token: &str) -> Option<Token> {
    if matches!(token, "•" | "·" | "\u{f0b7}") {
        return Some(Token::Bullet);
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
        1 => None,
        _ => Some(Token::Dotted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(t: &str) -> Vec<&str> {
        let lines = vec![Line {
            no: 1,
            indent: 0,
            text: t,
            kind: LineKind::Body,
        }];
        split(lines).into_iter().map(|l| l.text).collect()
    }

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
