//! Routes: the roles a passage sends a matter to, in the order it names them, and the plain
//! English of that route ("Chief Officer, then Chief Executive, then Monitoring Officer";
//! "Chief Executive in consultation with Monitoring Officer"; "Assistant Director or Strategic
//! Director").
//!
//! A route keeps every role named where the matter is sent, in order of mention, once each. Roles
//! named under a negation ("cannot be discussed with the Group Leader") are not on the route.
//! How two roles are joined in the summary is read from the words between them: only "or",
//! commas and articles make alternatives; "in consultation with" a consultation; anything else
//! a next step.

use concord_model::roles::{Qualifier, role};

use super::text::{Named, Sentence, negated, tokens};

/// How a role joins the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    First,
    Or,
    And,
    Consulting,
    Then,
    /// Only a comma: an alternative in a list ending "or", else a next step.
    Comma,
    /// From another clause of a combined answer.
    Also,
}

#[derive(Debug, Clone)]
struct Part {
    role: String,
    name: String,
    join: Join,
}

/// A route being built.
#[derive(Debug, Clone, Default)]
pub(crate) struct Route {
    parts: Vec<Part>,
}

/// Words that may stand between two alternatives ("the Chief Officer, the Chief Executive or the
/// Monitoring Officer", "the Officer's Assistant Director or Strategic Director").
const FILLER: &[&str] = &[
    "the",
    "a",
    "an",
    "any",
    "relevant",
    "appropriate",
    "their",
    "his",
    "her",
    "s",
    "council",
    "councils",
    "officer",
    "personally",
    "to",
    "with",
    "as",
];

impl Route {
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The role ids in order.
    pub fn roles(&self) -> Vec<String> {
        self.parts.iter().map(|p| p.role.clone()).collect()
    }

    /// True when every role of `other` is already on this route.
    pub fn covers(&self, other: &Route) -> bool {
        other
            .parts
            .iter()
            .all(|p| self.parts.iter().any(|q| q.role == p.role))
    }

    /// Adds the roles of a sentence that `keep` accepts, in order, skipping negated ones and
    /// roles already on the route. `next` says how the first of them joins what is there.
    pub fn add(&mut self, s: &Sentence, keep: impl Fn(&Named) -> bool, next: bool) {
        let kept: Vec<&Named> = s
            .named
            .iter()
            .filter(|n| !negated(s, n) && keep(n))
            .collect();
        let gaps: Vec<Join> = kept
            .windows(2)
            .map(|w| join_between(&s.text[w[0].mention.end..w[1].mention.start]))
            .collect();
        for (k, n) in kept.iter().enumerate() {
            let join = match k.checked_sub(1) {
                None if self.parts.is_empty() => Join::First,
                None if next => Join::Then,
                None => Join::Also,
                // A bare comma lists alternatives only when an "or" ends the list ("the Chief
                // Officer, the Chief Executive or the Monitoring Officer"); otherwise it
                // separates steps ("On the invitation of a Group Leader, an Executive Director").
                Some(g) if gaps[g] == Join::Comma => {
                    let ends_in_or = gaps[g + 1..]
                        .iter()
                        .find(|j| **j != Join::Comma)
                        .is_some_and(|j| *j == Join::Or);
                    if ends_in_or { Join::Or } else { Join::Then }
                }
                Some(g) => gaps[g],
            };
            if self.parts.iter().any(|p| p.role == n.mention.role) {
                continue;
            }
            self.parts.push(Part {
                role: n.mention.role.clone(),
                name: display(&n.mention.role, &n.mention.qualifiers),
                join,
            });
        }
    }

    /// Adds another route after this one (a combined answer from several clauses).
    pub fn extend(&mut self, other: &Route) {
        for (i, p) in other.parts.iter().enumerate() {
            if self.parts.iter().any(|q| q.role == p.role) {
                continue;
            }
            let join = if self.parts.is_empty() {
                Join::First
            } else if i == 0 {
                Join::Also
            } else {
                p.join
            };
            self.parts.push(Part { join, ..p.clone() });
        }
    }

    /// The route in plain words.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for (k, p) in self.parts.iter().enumerate() {
            let more_or = self.parts.get(k + 1).is_some_and(|n| n.join == Join::Or);
            let sep = match p.join {
                Join::First => "",
                // "Executive Director, Director or Associate Director".
                Join::Or if more_or => ", ",
                Join::Or => " or ",
                Join::Comma => ", ",
                Join::And => " and ",
                Join::Consulting => " in consultation with ",
                Join::Then => ", then ",
                Join::Also => "; ",
            };
            out.push_str(sep);
            out.push_str(&p.name);
        }
        out
    }
}

fn join_between(gap: &str) -> Join {
    let words: Vec<String> = tokens(gap).into_iter().map(|t| t.lower).collect();
    if words.iter().any(|w| w.starts_with("consult")) {
        return Join::Consulting;
    }
    let rest: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !FILLER.contains(w))
        .collect();
    match rest.as_slice() {
        [] if gap.contains(',') => Join::Comma,
        [] | ["or"] | ["and", "or"] => Join::Or,
        ["and"] => Join::And,
        _ => Join::Then,
    }
}

/// A role's name with its qualifiers: "Joint Monitoring Officer", "Monitoring Officer of the
/// principal council".
pub(crate) fn display(id: &str, qualifiers: &[Qualifier]) -> String {
    let name = role(id).map_or(id, |r| r.name);
    let mut out = String::new();
    if qualifiers.contains(&Qualifier::Joint) {
        out.push_str("Joint ");
    }
    if qualifiers.contains(&Qualifier::Deputy) {
        out.push_str("Deputy ");
    }
    out.push_str(name);
    if qualifiers.contains(&Qualifier::PrincipalCouncil) {
        out.push_str(" of the principal council");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins() {
        assert_eq!(join_between(", the "), Join::Comma);
        assert_eq!(join_between(" or the "), Join::Or);
        assert_eq!(join_between(" in consultation with the "), Join::Consulting);
        assert_eq!(
            join_between(
                " concerned. If a complaint is against the Chief Officer, it goes to the "
            ),
            Join::Then
        );
        assert_eq!(
            display("monitoring-officer", &[Qualifier::Joint]),
            "Joint Monitoring Officer"
        );
    }
}
