//! `role-named-two-ways`: one post called by two names in one protocol ("Chief Finance
//! Officer" in one clause, "Director of Finance" in another). A reader should not have to
//! wonder whether they are two people. Qualifiers (joint, deputy) and capitals do not make
//! another name.
//!
//! Two names that are not two names for one post are not reported: a statutory title beside
//! the post that holds it ("Head of Paid Service" and "Chief Executive", "Section 151 Officer"
//! and "Chief Finance Officer", "Proper Officer" and "Clerk": the law's designation and the
//! council's post), and a team beside the person who leads it ("Communications Team" and
//! "Communications Manager").

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
    for (id, all) in names {
        // Statutory titles designate a post rather than name it; a team and its manager are
        // two things. Only two names of the same sort can be two names for one post.
        let mut list: Vec<Name> = Vec::new();
        for sort in [Sort::Post, Sort::Team] {
            let same: Vec<Name> = all
                .iter()
                .filter(|(k, ..)| sort_of(k) == sort)
                .cloned()
                .collect();
            if same.len() >= 2 && list.is_empty() {
                list = same;
            }
        }
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

/// What sort of name a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    /// A title the law gives whoever holds a post: head of paid service, proper officer, a
    /// section 151 officer.
    Statutory,
    /// A group of people: a team, unit, service or department.
    Team,
    /// A post: the Chief Executive, the Clerk, a Communications Manager.
    Post,
}

/// The sort of a name, from its key's words.
fn sort_of(key: &str) -> Sort {
    let words: Vec<&str> = key.split_whitespace().collect();
    let has = |w: &str| words.contains(&w);
    let numbered_section = (has("section") || words.iter().any(|w| w.starts_with('s')))
        && words
            .iter()
            .any(|w| w.trim_start_matches('s').parse::<u32>().is_ok());
    if (has("paid") && has("service") && has("head"))
        || (has("proper") && has("officer"))
        || (has("responsible") && has("financial"))
        || numbered_section
    {
        return Sort::Statutory;
    }
    const GROUPS: &[&str] = &[
        "team",
        "unit",
        "department",
        "directorate",
        "section",
        "office",
    ];
    if words.iter().any(|w| GROUPS.contains(w)) {
        return Sort::Team;
    }
    Sort::Post
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
    fn statutory_titles_and_teams_are_told_from_posts() {
        for statutory in [
            "Head of Paid Service",
            "Section 151 Officer",
            "S151 Officer",
            "Proper Officer",
        ] {
            assert_eq!(
                sort_of(&name_key(statutory)),
                Sort::Statutory,
                "{statutory}"
            );
        }
        for team in [
            "Communications Team",
            "Legal Services Unit",
            "Democratic Services section",
        ] {
            assert_eq!(sort_of(&name_key(team)), Sort::Team, "{team}");
        }
        for post in [
            "Chief Executive",
            "Communications Manager",
            "Chief Finance Officer",
            "Clerk",
        ] {
            assert_eq!(sort_of(&name_key(post)), Sort::Post, "{post}");
        }
    }

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
