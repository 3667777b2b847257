//! `role-named-two-ways`: one office called by two names in one protocol ("Section 151
//! Officer" in one clause, "Chief Finance Officer" in another; "Proper Officer" and "Clerk").
//! A reader should not have to wonder whether they are two people. Qualifiers (joint, deputy)
//! and capitals do not make another name.

use concord_model::roles::{Lexicon, role};

use super::{Context, finding, texts};
use crate::Finding;

/// One name of an office: (key, as written, clause id, line).
type Name = (String, String, String, u32);

/// Roles whose second name is usually a deliberate, well-known title ("the Chief Executive,
/// as Head of Paid Service") are still reported: once, as information.
pub fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let lexicon = Lexicon::for_kind(cx.doc.meta.kind.as_deref());
    let mut names: Vec<(String, Vec<Name>)> = Vec::new();
    for c in &cx.clauses {
        for text in texts(c) {
            for m in lexicon.mentions(text) {
                let key = name_key(&m.text);
                if key.split_whitespace().count() < 2 && !m.text.contains('/') {
                    // One-word names ("Leader", "Chair", "manager") vary with the sentence.
                    continue;
                }
                let entry = match names.iter_mut().find(|(r, _)| *r == m.role) {
                    Some(e) => e,
                    None => {
                        names.push((m.role.clone(), Vec::new()));
                        names.last_mut().expect("just pushed")
                    }
                };
                if !entry.1.iter().any(|(k, ..)| *k == key) {
                    let line = cx.line_of(c, &m.text);
                    entry.1.push((key, m.text.clone(), c.id.clone(), line));
                }
            }
        }
    }
    // Sentences that name two names of one office define one by the other ("the Chief
    // Executive, who is the head of paid service"): such names are not reported.
    let sentences: Vec<String> = cx
        .clauses
        .iter()
        .flat_map(|c| texts(c))
        .flat_map(|t| {
            t.split_inclusive(['.', ';'])
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    for (id, list) in names {
        if list.len() < 2 {
            continue;
        }
        let written: Vec<String> = list.iter().map(|(_, n, ..)| n.to_lowercase()).collect();
        // How often a name stands on its own in a sentence, not inside a longer name of the
        // same office ("Officer/Clerk" inside "Proper Officer/Clerk").
        let alone = |s: &str, n: &str| {
            let inside: usize = written
                .iter()
                .filter(|o| o.len() > n.len() && o.contains(n))
                .map(|o| s.matches(o.as_str()).count())
                .sum();
            s.matches(n).count().saturating_sub(inside)
        };
        let defined = |n: &str| {
            sentences.iter().any(|s| {
                alone(s, n) > 0
                    && written
                        .iter()
                        .any(|other| other != n && alone(s, other) > 0)
            })
        };
        if written.iter().all(|n| defined(n)) {
            continue;
        }

        let office = role(&id).map_or(id.as_str(), |r| r.name);
        let (_, _, first_clause, _) = &list[0];
        let (_, second_name, second_clause, line) = &list[1];
        let named: Vec<String> = list
            .iter()
            .map(|(_, n, c, _)| format!("\"{n}\" ({c})"))
            .collect();
        out.push(finding(
            "role-named-two-ways",
            *line,
            Some(second_clause),
            format!("the {office} is named {} ways: {}", list.len(), named.join(", ")),
            format!(
                "use one name throughout, or say once (as in {first_clause}) that \"{second_name}\" means the same office"
            ),
        ));
    }
}

/// A name as a key: lowercase words, sorted, with qualifiers, articles, joining words and
/// plurals folded away, so "Group Chair / Leader" and "Group Chair or Leader" are one name, and
/// "Leader of any political group" is "Group Leader".
fn name_key(text: &str) -> String {
    let lower = text.to_lowercase().replace(['/', ','], " ");
    let mut words: Vec<String> = lower
        .split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "the"
                    | "a"
                    | "an"
                    | "any"
                    | "of"
                    | "or"
                    | "and"
                    | "joint"
                    | "deputy"
                    | "vice"
                    | "acting"
                    | "interim"
                    | "political"
                    | "council"
                    | "council's"
            )
        })
        .map(|w| {
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w.to_string()
            }
        })
        .collect();
    words.sort();
    words.dedup();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_case_and_plurals_are_one_name() {
        assert_eq!(
            name_key("Joint Monitoring Officer"),
            name_key("monitoring officer")
        );
        assert_eq!(name_key("Chief Officers"), name_key("Chief Officer"));
        assert_ne!(
            name_key("Section 151 Officer"),
            name_key("Chief Finance Officer")
        );
        assert_eq!(
            name_key("Group Chair / Leader"),
            name_key("Group Chair or Leader")
        );
        assert_eq!(
            name_key("Leader of any political group"),
            name_key("Group Leaders")
        );
    }
}
