//! Inline text: Markdown marks (bold, links, `<sup>` footnote references) resolved to plain
//! text, and tracked changes left in the text recovered. `~~old~~new` is a deletion followed by
//! its replacement; `[s/hethey](#)` is a replacement whose two halves were run together in a
//! link; a bare `~~old~~` is a deletion. The result is the text after the changes plus the
//! changes, positioned so the text before them can be rebuilt exactly.

use concord_model::{Change, ChangeKind, Code, Diagnostic, Severity};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::text::collapse_spaces;

/// Gendered forms that gender-neutral revisions replace.
const GENDERED: &[&str] = &[
    "s/he",
    "he/she",
    "she/he",
    "he or she",
    "she or he",
    "his/her",
    "his or her",
    "him/her",
    "him or her",
    "himself/herself",
    "he",
    "she",
    "his",
    "her",
    "him",
];
/// Their gender-neutral replacements.
const NEUTRAL: &[&str] = &["they", "them", "their", "theirs", "themselves", "themself"];
/// Verbs that change when the subject becomes "they".
const AGREEMENT: &[(&str, &str)] = &[
    ("has", "have"),
    ("is", "are"),
    ("was", "were"),
    ("does", "do"),
];

/// Plain text and the tracked changes it held.
#[derive(Debug, Default, PartialEq)]
pub struct Inline {
    pub text: String,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Same(String),
    Change { old: String, new: String },
}

/// How inline text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Plain text: nothing is markup.
    Plain,
    /// Markdown marks, and tracked changes left in the text as strike-through.
    Markdown,
    /// The line form of a Word file: tracked changes as exact markers
    /// ([`crate::docx::DEL_OPEN`]...), footnote references as `<sup>n</sup>`, nothing else.
    Exact,
}

/// Resolves inline Markdown (in `Mode::Markdown`) and recovers tracked changes.
pub fn inline(s: &str, mode: Mode, line: u32, diags: &mut Vec<Diagnostic>) -> Inline {
    if mode == Mode::Exact {
        return build(&exact_segments(s));
    }
    let segs = if mode == Mode::Markdown {
        // Text that parses as a block (a line starting "1. ") is read plainly, but its escapes
        // are still Markdown's.
        markdown_segments(s).unwrap_or_else(|| plain_segments(&crate::text::unescape_markdown(s)))
    } else {
        plain_segments(s)
    };
    let segs = repair_fragments(segs, line, diags);
    build(&segs)
}

/// Segments of the Word line form: a deletion marker run followed by an insertion marker run
/// is one replacement; `<sup>n</sup>` is a footnote reference.
fn exact_segments(s: &str) -> Vec<Seg> {
    use crate::docx::{DEL_CLOSE, DEL_OPEN, INS_CLOSE, INS_OPEN};
    let s = s.replace("<sup>", "[^").replace("</sup>", "]");
    let mut segs: Vec<Seg> = Vec::new();
    let mut rest = s.as_str();
    while !rest.is_empty() {
        let next = rest.find([DEL_OPEN, INS_OPEN]).unwrap_or(rest.len());
        if next > 0 {
            match segs.last_mut() {
                Some(Seg::Same(t)) => t.push_str(&rest[..next]),
                _ => segs.push(Seg::Same(rest[..next].to_string())),
            }
            rest = &rest[next..];
            continue;
        }
        let deleting = rest.starts_with(DEL_OPEN);
        let close = if deleting { DEL_CLOSE } else { INS_CLOSE };
        let body_start = rest.chars().next().map_or(0, char::len_utf8);
        let end = rest[body_start..]
            .find(close)
            .map_or(rest.len(), |e| e + body_start);
        let body = rest[body_start..end].to_string();
        rest = rest.get(end + close.len_utf8()..).unwrap_or("");
        match (deleting, segs.last_mut()) {
            (false, Some(Seg::Change { new, .. })) => new.push_str(&body),
            (true, Some(Seg::Change { old, new })) if new.is_empty() => old.push_str(&body),
            (true, _) => segs.push(Seg::Change {
                old: body,
                new: String::new(),
            }),
            (false, _) => segs.push(Seg::Change {
                old: String::new(),
                new: body,
            }),
        }
    }
    segs
}

fn plain_segments(s: &str) -> Vec<Seg> {
    // Autolinks in angle brackets lose their brackets; nothing else is markup in plain text.
    let mut out = String::new();
    for word in s.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        match word.strip_prefix("<http").and_then(|w| w.strip_suffix('>')) {
            Some(rest) => {
                out.push_str("http");
                out.push_str(rest);
            }
            None => out.push_str(word),
        }
    }
    vec![Seg::Same(out)]
}

fn markdown_segments(s: &str) -> Option<Vec<Seg>> {
    let mut segs: Vec<Seg> = Vec::new();
    let mut strike = false;
    let mut link: Option<(String, String)> = None; // (destination, text)
    let mut sup: Option<String> = None;
    let push_same = |segs: &mut Vec<Seg>, t: &str| match segs.last_mut() {
        Some(Seg::Same(s)) => s.push_str(t),
        _ => segs.push(Seg::Same(t.to_string())),
    };
    for ev in Parser::new_ext(s, Options::ENABLE_STRIKETHROUGH) {
        match ev {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Strong | Tag::Emphasis)
            | Event::End(TagEnd::Strong | TagEnd::Emphasis) => {}
            Event::Start(Tag::Strikethrough) => strike = true,
            Event::End(TagEnd::Strikethrough) => strike = false,
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((dest_url.to_string(), String::new()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((dest, text)) = link.take() {
                    match split_replacement(&text).filter(|_| dest == "#") {
                        Some((old, new)) => segs.push(Seg::Change { old, new }),
                        // A link's target is text a reader may need ("the guidance
                        // (https://...)"); a bare `#` or an autolink says nothing more.
                        None if shows_target(&dest, &text) => {
                            push_same(&mut segs, &format!("{text} ({dest})"));
                        }
                        None => push_same(&mut segs, &text),
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(l) = link.as_mut() {
                    l.1.push_str(&t);
                } else if let Some(sp) = sup.as_mut() {
                    sp.push_str(&t);
                } else if strike {
                    match segs.last_mut() {
                        Some(Seg::Change { old, new }) if new.is_empty() => old.push_str(&t),
                        _ => segs.push(Seg::Change {
                            old: t.to_string(),
                            new: String::new(),
                        }),
                    }
                } else {
                    // Text straight after a deletion is its replacement (`~~old~~new`): one
                    // word, or a run of capitalised words ("Chief Executive").
                    if let Some(Seg::Change { new, .. }) = segs.last_mut()
                        && new.is_empty()
                        && !t.starts_with(' ')
                    {
                        let cut = replacement_end(&t);
                        new.push_str(&t[..cut]);
                        let rest = &t[cut..];
                        if !rest.is_empty() {
                            push_same(&mut segs, rest);
                        }
                        continue;
                    }
                    push_same(&mut segs, &t);
                }
            }
            Event::InlineHtml(h) | Event::Html(h) => match h.trim() {
                "<sup>" => {
                    // A second `<sup>` before any `</sup>`: the first was not a footnote
                    // mark, and what followed it is text.
                    if let Some(n) = sup.replace(String::new()) {
                        push_same(&mut segs, &format!("<sup>{n}"));
                    }
                }
                "</sup>" => {
                    if let Some(n) = sup.take() {
                        push_same(&mut segs, &format!("[^{}]", n.trim()));
                    }
                }
                "<br>" | "<br/>" | "<br />" => push_same(&mut segs, " "),
                other => push_same(&mut segs, other),
            },
            Event::SoftBreak | Event::HardBreak => match sup.as_mut() {
                Some(sp) => sp.push(' '),
                None => push_same(&mut segs, " "),
            },
            // Anything block-level means the text was not inline Markdown after all.
            Event::Start(_) | Event::End(_) => return None,
            _ => {}
        }
    }
    // A `<sup>` never closed is not a footnote mark: what followed it is text.
    if let Some(n) = sup {
        push_same(&mut segs, &format!("<sup>{n}"));
    }
    Some(segs)
}

/// Whether a link's target adds to its text: not an empty or `#` target, not an autolink or
/// e-mail link that repeats the text.
fn shows_target(dest: &str, text: &str) -> bool {
    let bare = dest.strip_prefix("mailto:").unwrap_or(dest);
    !dest.trim().is_empty() && dest != "#" && bare != text.trim()
}

/// Where the replacement that follows a deletion ends: after the first word, extended over
/// following capitalised words when it is capitalised itself, without trailing punctuation.
fn replacement_end(t: &str) -> usize {
    let mut end = 0;
    let mut capital = false;
    let mut pos = 0;
    for (i, word) in t.split(' ').enumerate() {
        let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
        if i > 0 && !(capital && starts_upper) {
            break;
        }
        capital = starts_upper;
        let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        end = pos + core.len();
        pos += word.len() + 1;
        if core.len() < word.len() {
            break;
        }
    }
    end
}

/// `s/hethey` → (`s/he`, `they`): a gendered form run together with its neutral replacement.
fn split_replacement(text: &str) -> Option<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    // Both halves are short words from the tables: a longer link text is not a run-together
    // replacement, and trying every split of it would cost its length squared.
    let longest = |list: &[&str]| list.iter().map(|w| w.chars().count()).max().unwrap_or(0);
    if chars.len() > longest(GENDERED) + longest(NEUTRAL) {
        return None;
    }
    (1..chars.len()).find_map(|k| {
        let old: String = chars[..k].iter().collect();
        let new: String = chars[k..].iter().collect();
        (GENDERED.contains(&old.to_lowercase().as_str())
            && NEUTRAL.contains(&new.to_lowercase().as_str()))
        .then_some((old, new))
    })
}

/// `~~he or she~~they ~~has~~ves`: once a subject became "they", a replaced verb whose new text
/// is a fragment of the agreeing form is read as that form ("have").
fn repair_fragments(mut segs: Vec<Seg>, line: u32, diags: &mut Vec<Diagnostic>) -> Vec<Seg> {
    let mut subject_they = false;
    for seg in &mut segs {
        if let Seg::Change { old, new } = seg {
            if let Some((_, agree)) = AGREEMENT.iter().find(|(v, _)| v.eq_ignore_ascii_case(old)) {
                let stem = new.trim_end_matches('s');
                if subject_they && new != agree && stem.len() >= 2 && agree.contains(stem) {
                    diags.push(Diagnostic::new(
                        Code::RepairedFragment,
                        Severity::Info,
                        line,
                        format!("tracked replacement {old:?} -> {new:?} read as {old:?} -> {agree:?} (agreement with \"they\")"),
                    ));
                    *new = (*agree).to_string();
                }
            }
            subject_they = NEUTRAL.contains(&new.to_lowercase().as_str());
        }
    }
    segs
}

/// Builds the after-text and the positioned changes, with single spaces throughout.
fn build(segs: &[Seg]) -> Inline {
    let mut text = String::new();
    let mut len = 0usize; // characters in `text`
    let mut changes: Vec<Change> = Vec::new();
    // A deletion just happened at the end of `text`: a space that would now double belongs to it.
    let mut pending_delete: Option<usize> = None;
    let push = |text: &mut String, len: &mut usize, s: &str| -> bool {
        let s = collapse_keep_edges(s);
        let mut s = s.as_str();
        let mut dropped = false;
        if (text.is_empty() || text.ends_with(' ')) && s.starts_with(' ') {
            s = &s[1..];
            dropped = true;
        }
        text.push_str(s);
        *len += s.chars().count();
        dropped
    };
    for seg in segs {
        match seg {
            Seg::Same(s) => {
                let dropped = push(&mut text, &mut len, s);
                if let Some(i) = pending_delete.take()
                    && dropped
                {
                    changes[i].old.push(' ');
                }
            }
            Seg::Change { old: raw, new } => {
                pending_delete = None;
                let mut old = collapse_spaces(raw);
                // A deletion that began with a space (Word's ` or later`) keeps it, or the text
                // before would run into the words after.
                if new.is_empty()
                    && raw.starts_with(char::is_whitespace)
                    && !text.is_empty()
                    && !text.ends_with(' ')
                    && !old.is_empty()
                {
                    old.insert(0, ' ');
                }
                if new.is_empty() {
                    if old.is_empty() {
                        continue;
                    }
                    changes.push(Change {
                        kind: ChangeKind::Delete,
                        old,
                        new: String::new(),
                        at: len,
                        item: None,
                    });
                    pending_delete = Some(changes.len() - 1);
                } else {
                    let at_before = len;
                    push(&mut text, &mut len, new);
                    let new_text: String = text.chars().skip(at_before).collect();
                    let kind = if old.is_empty() {
                        ChangeKind::Insert
                    } else {
                        ChangeKind::Replace
                    };
                    changes.push(Change {
                        kind,
                        old,
                        new: new_text,
                        at: at_before,
                        item: None,
                    });
                }
            }
        }
    }
    // Trailing space: the deletions at the very end move back onto the text's new end, and
    // the first of them takes the space into its `old`.
    if text.ends_with(' ') {
        text.pop();
        len -= 1;
        let mut first = true;
        for c in changes.iter_mut().filter(|c| c.at > len) {
            c.at = len;
            if first {
                c.old.insert(0, ' ');
                first = false;
            }
        }
    }
    Inline { text, changes }
}

/// Collapses runs of whitespace to one space, keeping a leading or trailing one.
fn collapse_keep_edges(s: &str) -> String {
    let lead = s.starts_with(char::is_whitespace);
    let trail = s.ends_with(char::is_whitespace) && !s.trim().is_empty();
    let mut out = String::new();
    if lead {
        out.push(' ');
    }
    out.push_str(&collapse_spaces(s));
    if trail {
        out.push(' ');
    }
    if s.trim().is_empty() && !s.is_empty() {
        return " ".to_string();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use concord_model::Clause;

    fn run(s: &str) -> (String, String, Vec<Change>) {
        let inl = inline(s, Mode::Markdown, 1, &mut Vec::new());
        let mut c = Clause::new("1", None, inl.text.clone(), [1, 1]);
        c.changes = inl.changes.clone();
        (inl.text, c.text_before(), inl.changes)
    }

    #[test]
    fn tracked_changes() {
        let (after, before, ch) = run(
            "If an officer considers that ~~he or she~~they ~~has~~ves not been treated, ~~he or she~~they should raise the matter with the ~~Monitoring Officer~~Chief Executive in the knowledge",
        );
        assert_eq!(
            after,
            "If an officer considers that they have not been treated, they should raise the matter with the Chief Executive in the knowledge"
        );
        assert_eq!(
            before,
            "If an officer considers that he or she has not been treated, he or she should raise the matter with the Monitoring Officer in the knowledge"
        );
        assert_eq!(ch.len(), 4);
        assert_eq!(
            (ch[3].old.as_str(), ch[3].new.as_str()),
            ("Monitoring Officer", "Chief Executive")
        );

        let (after, before, ch) =
            run("pursue the matter as a formal ~~or informal~~ complaint, then");
        assert_eq!(after, "pursue the matter as a formal complaint, then");
        assert_eq!(
            before,
            "pursue the matter as a formal or informal complaint, then"
        );
        assert_eq!(ch[0].kind, ChangeKind::Delete);

        let (after, before, _) = run(
            "about any matter, [s/hethey](#) should contact the [Constitution](#), Appendix 4.<sup>3</sup>",
        );
        assert_eq!(
            after,
            "about any matter, they should contact the Constitution, Appendix 4.[^3]"
        );
        assert_eq!(
            before,
            "about any matter, s/he should contact the Constitution, Appendix 4.[^3]"
        );

        let (after, before, _) = run("ends here ~~or there~~");
        assert_eq!(after, "ends here");
        assert_eq!(before, "ends here or there");

        // Found by fuzzing (corpus/regressions/trailing-deletions-past-the-end): two deletions
        // at the end both stood past the end of the text.
        let (after, before, ch) = run("~~ ~u~ ~u~");
        assert_eq!((after.as_str(), before.as_str()), ("~~", "~~ u u"));
        assert!(ch.iter().all(|c| c.at <= 2), "{ch:?}");
        let (after, before, _) = run("a ~~x~~ ~~y~~ b");
        assert_eq!((after.as_str(), before.as_str()), ("a b", "a x y b"));
    }

    #[test]
    fn exact_changes_from_word() {
        let s = "raise it with the \u{e000}Monitoring Officer\u{e001}\u{e002}Chief Executive\u{e003} now<sup>2</sup>\u{e000} or later\u{e001}";
        let inl = inline(s, Mode::Exact, 1, &mut Vec::new());
        assert_eq!(inl.text, "raise it with the Chief Executive now[^2]");
        let mut c = Clause::new("1", None, inl.text.clone(), [1, 1]);
        c.changes = inl.changes;
        assert_eq!(
            c.text_before(),
            "raise it with the Monitoring Officer now[^2] or later"
        );
    }

    #[test]
    fn plain_text() {
        let inl = inline(
            "see <https://www.local.gov.uk/x> for  more",
            Mode::Plain,
            1,
            &mut Vec::new(),
        );
        assert_eq!(inl.text, "see https://www.local.gov.uk/x for more");
        let inl = inline(
            "Officers **must** not use $ or @ or <tags>",
            Mode::Markdown,
            1,
            &mut Vec::new(),
        );
        assert_eq!(inl.text, "Officers must not use $ or @ or <tags>");
        // An unclosed <sup> kept the rest of the paragraph to itself (found by the law that
        // no text is lost, on a mangled seed).
        let inl = inline(
            "<sup>3< /sup> This is covered",
            Mode::Markdown,
            1,
            &mut Vec::new(),
        );
        assert_eq!(inl.text, "<sup>3< /sup> This is covered");
        // A link keeps its target; a `#` link or an autolink does not repeat itself.
        let inl = inline(
            "see [the guidance](https://www.local.gov.uk/g), [Constitution](#) and <a@b.gov.uk>",
            Mode::Markdown,
            1,
            &mut Vec::new(),
        );
        assert_eq!(
            inl.text,
            "see the guidance (https://www.local.gov.uk/g), Constitution and a@b.gov.uk"
        );
    }

    #[test]
    fn a_sup_opened_twice_keeps_the_text_between() {
        // Found by the no-text-lost law: the second `<sup>` threw away what the first held.
        let s = "on a professional basis<sup>x\nMembers should keep<sup>y";
        let inl = inline(s, Mode::Markdown, 1, &mut Vec::new());
        assert_eq!(
            inl.text,
            "on a professional basis<sup>x Members should keep<sup>y"
        );
    }
}
