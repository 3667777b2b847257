//! Turning choices into English: role titles as this council uses them, routes of any length,
//! numbers and dates.
//!
//! A route is a list of roles in order. How the order reads depends on the sentence, so the
//! template chooses one of four phrasings ([`How`]); each reads naturally at any length and
//! names every role in the order given, which is what lets the answers be read back from the
//! text.

use crate::catalogue::{self, Shape};
use crate::options::{Councillor, Options};
pub use crate::shape::{How, SHAPES};

/// A role's title in running text: `full` on first mention in a route, `back` when referred to
/// again ("that Director").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleName {
    pub full: String,
    pub back: String,
}

/// The words of one council.
#[derive(Debug, Clone)]
pub struct Words {
    kind: String,
    shape: Shape,
    head: Option<String>,
    /// The council's name, for its civic head's title.
    name: String,
    principal: Option<String>,
    councillor: Councillor,
    /// Names the options declare for roles (`[roles.staffing-committee] name = "..."`).
    declared: std::collections::BTreeMap<String, String>,
}

impl Words {
    pub fn new(options: &Options) -> Words {
        Words {
            kind: options.council.kind.clone(),
            shape: catalogue::shape(&options.council.kind),
            head: options.terms.head_of_paid_service.clone(),
            name: options.council.name.clone(),
            principal: options.council.principal.clone(),
            councillor: options.terms.councillor,
            declared: options.roles.clone(),
        }
    }

    /// "councillor" or "member".
    pub fn councillor(&self) -> &'static str {
        match self.councillor {
            Councillor::Councillor => "councillor",
            Councillor::Member => "member",
        }
    }

    /// The title of the council's civic head: a Mayor for a borough, a city, a metropolitan or
    /// London borough (and a Town Mayor for a town council), a Chair elsewhere; for a joint
    /// protocol, a Mayor only when every council it names is a borough or a city.
    pub fn civic_head(&self) -> &'static str {
        let mayoral_name = |n: &str| {
            let councils = n.matches(" Council").count().max(1);
            let mayoral = n.matches("Borough Council").count() + n.matches("City Council").count();
            mayoral >= councils
        };
        match self.kind.as_str() {
            "borough" | "london-borough" | "metropolitan" => "Mayor",
            "town" => "Town Mayor",
            "joint" if mayoral_name(&self.name) => "Mayor",
            _ if self.kind != "joint" && self.name.contains("City Council") => "Mayor",
            _ => "Chair",
        }
    }

    /// The title of the head of paid service, without an article.
    pub fn head_title(&self) -> String {
        if let Some(h) = &self.head {
            return h.clone();
        }
        match self.shape {
            Shape::Local if self.kind == "town" => "Town Clerk".into(),
            Shape::Local => "Clerk".into(),
            Shape::Joint => "Joint Chief Executive".into(),
            Shape::Principal => "Chief Executive".into(),
        }
    }

    /// The title of a role in this council, or `None` when the council has no such role. A
    /// name the options declare for the role is used as it is written.
    pub fn role(&self, id: &str) -> Option<RoleName> {
        if let Some(name) = self.declared.get(id) {
            let full = if name.to_lowercase().starts_with("the ") {
                name.clone()
            } else {
                format!("the {name}")
            };
            return Some(RoleName {
                full: full.clone(),
                back: full,
            });
        }
        if !catalogue::roles_for(&self.kind).contains(&id) {
            return None;
        }
        let joint = self.shape == Shape::Joint;
        let unique = |t: &str| RoleName {
            full: format!("the {t}"),
            back: format!("the {t}"),
        };
        // Titles held by several officers: "the relevant Director", then "that Director".
        let relevant = |t: &str| RoleName {
            full: format!("the relevant {t}"),
            back: format!("that {t}"),
        };
        let name = match id {
            "clerk" | "chief-executive" => unique(&self.head_title()),
            "monitoring-officer" => match (self.shape, &self.principal) {
                (Shape::Local, Some(p)) => RoleName {
                    full: format!("the Monitoring Officer of {p}"),
                    back: "the Monitoring Officer".into(),
                },
                (Shape::Local, None) => RoleName {
                    full: "the Monitoring Officer of the principal council".into(),
                    back: "the Monitoring Officer".into(),
                },
                (Shape::Joint, _) => unique("Joint Monitoring Officer"),
                (Shape::Principal, _) => unique("Monitoring Officer"),
            },
            "chief-finance-officer" if joint => unique("Joint Chief Finance Officer"),
            "chief-finance-officer" => unique("Chief Finance Officer"),
            "executive-director" => relevant("Executive Director"),
            "strategic-director" => relevant("Strategic Director"),
            "director" => relevant("Director"),
            "assistant-director" => relevant("Assistant Director"),
            "associate-director" => relevant("Associate Director"),
            "chief-officer" => relevant("Chief Officer"),
            "head-of-service" => relevant("Head of Service"),
            "senior-officer" => RoleName {
                full: "a senior officer in the service concerned".into(),
                back: "that senior officer".into(),
            },
            "line-manager" => RoleName {
                full: "the officer's line manager".into(),
                back: "that line manager".into(),
            },
            "group-leader" => RoleName {
                full: format!("the leader of the {}'s political group", self.councillor()),
                back: "that group leader".into(),
            },
            "leader" if joint => RoleName {
                full: "the Leader of the Council concerned".into(),
                back: "that Leader".into(),
            },
            "leader" => RoleName {
                full: "the Leader of the Council".into(),
                back: "the Leader".into(),
            },
            "chair" if joint => RoleName {
                full: format!("the {} of the Council concerned", self.civic_head()),
                back: format!("that {}", self.civic_head()),
            },
            // "the Mayor" names one person; "the Chair" needs "of the Council" beside a
            // committee's chair.
            "chair" if self.civic_head() != "Chair" => unique(self.civic_head()),
            "chair" => RoleName {
                full: "the Chair of the Council".into(),
                back: "the Chair".into(),
            },
            "portfolio-holder" => RoleName {
                full: "the relevant portfolio holder".into(),
                back: "that portfolio holder".into(),
            },
            "standards-committee" if joint => unique("Joint Standards Committee"),
            "standards-committee" => unique("Standards Committee"),
            "communications-team" if joint => unique("shared communications team"),
            "communications-team" => unique("communications team"),
            "committee-chair" => RoleName {
                full: "the chair of the committee concerned".into(),
                back: "the chair of that committee".into(),
            },
            "staffing-committee" if joint => unique("Joint Staffing Committee"),
            "staffing-committee" => unique("Staffing Committee"),
            "appointments-panel" => unique("Appointments Panel"),
            "full-council" => unique("Full Council"),
            "audit-committee" if joint => unique("Joint Audit and Governance Committee"),
            "audit-committee" => unique("Audit and Governance Committee"),
            _ => return None,
        };
        Some(name)
    }

    /// A route in English. `prep` ("with", "to") is repeated before each later role so that a
    /// sentence such as "raise it with ..." stays grammatical; `about` words the condition of a
    /// step that depends on whom the matter concerns ("the officer invited is": "if the officer
    /// invited is the Chief Executive, ..."; by default "the matter concerns"). Errors name the
    /// role that this council does not have.
    pub fn route(
        &self,
        ids: &[String],
        how: How,
        prep: Option<&str>,
        about: Option<&str>,
    ) -> Result<String, String> {
        let mut names = Vec::with_capacity(ids.len());
        for id in ids {
            names.push(
                self.role(id)
                    .ok_or_else(|| format!("a {} council has no role '{id}'", self.kind))?,
            );
        }
        let Some((first, rest)) = names.split_first() else {
            return Err("the route is empty".into());
        };
        let p = |s: &str| match prep {
            Some(p) => format!("{p} {s}"),
            None => s.to_string(),
        };
        let out = match how {
            How::Concerns => {
                let mut parts = vec![first.full.clone()];
                for (i, n) in rest.iter().enumerate() {
                    let prev = &names[i].back;
                    let lead = match about {
                        Some(a) => a,
                        None if i == 0 => "the matter concerns",
                        None => "it concerns",
                    };
                    parts.push(format!("if {lead} {prev}, {}", p(&n.full)));
                }
                match parts.len() {
                    1 => parts.remove(0),
                    2 => format!("{} or, {}", parts[0], parts[1]),
                    _ => parts.join("; or, "),
                }
            }
            How::Escalate => {
                let mut parts = vec![first.full.clone()];
                for (i, n) in rest.iter().enumerate() {
                    let lead = if i == 0 {
                        "if the matter is not resolved"
                    } else {
                        "if it is still not resolved"
                    };
                    parts.push(format!("{lead}, {}", p(&n.full)));
                }
                match parts.len() {
                    1 => parts.remove(0),
                    2 => format!("{} and, {}", parts[0], parts[1]),
                    _ => {
                        let last = parts.pop().unwrap_or_default();
                        format!("{}; and, {last}", parts.join("; "))
                    }
                }
            }
            How::Consult => {
                if rest.is_empty() {
                    first.full.clone()
                } else {
                    let others: Vec<String> = rest.iter().map(|n| n.full.clone()).collect();
                    format!("{}, after consulting {}", first.full, and_list(&others))
                }
            }
            How::And => and_list(&names.iter().map(|n| n.full.clone()).collect::<Vec<_>>()),
            How::Or => {
                let mut all = vec![first.full.clone()];
                all.extend(rest.iter().map(|n| p(&n.full)));
                or_list(&all)
            }
        };
        Ok(out)
    }
}

/// "a", "a or b", "a, b or c".
pub fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// "a", "a and b", "a, b and c".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A small number in words, as plain-English style guides ask ("ten working days"); larger
/// numbers as digits.
pub fn number(n: u32) -> String {
    match n {
        20 => "twenty".to_string(),
        n => concord_model::words::SMALL_NUMBERS
            .get(n as usize)
            .map_or_else(|| n.to_string(), |w| (*w).to_string()),
    }
}

/// An ISO date (`2026-05-05`) as "5 May 2026"; anything else unchanged.
pub fn long_date(iso: &str) -> String {
    concord_model::date::long_date(iso)
}

/// The text with its first letter upper-cased (and nothing else changed, unlike Jinja's
/// `capitalize`, which would lower-case "Monitoring Officer").
pub fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate;

    fn words(toml: &str) -> Words {
        Words::new(&validate::parse(toml).unwrap())
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn routes_read_naturally_at_every_length() {
        let w = words("[council]\nname = \"X\"\nkind = \"district\"\n");
        let r = |l: &[&str], how| w.route(&ids(l), how, Some("with"), None).unwrap();
        assert_eq!(
            r(&["chief-executive"], How::Concerns),
            "the Chief Executive"
        );
        assert_eq!(
            r(&["chief-executive", "monitoring-officer"], How::Concerns),
            "the Chief Executive or, if the matter concerns the Chief Executive, with the Monitoring Officer"
        );
        assert_eq!(
            r(
                &["chief-officer", "chief-executive", "monitoring-officer"],
                How::Concerns
            ),
            "the relevant Chief Officer; or, if the matter concerns that Chief Officer, with the Chief Executive; or, if it concerns the Chief Executive, with the Monitoring Officer"
        );
        assert_eq!(
            r(
                &["senior-officer", "executive-director", "group-leader"],
                How::Escalate
            ),
            "a senior officer in the service concerned; if the matter is not resolved, with the relevant Executive Director; and, if it is still not resolved, with the leader of the councillor's political group"
        );
        assert_eq!(
            w.route(
                &ids(&["leader", "communications-team"]),
                How::Consult,
                None,
                None
            )
            .unwrap(),
            "the Leader of the Council, after consulting the communications team"
        );
    }

    #[test]
    fn titles_follow_the_kind_and_terms() {
        let parish = words(
            "[council]\nname = \"X\"\nkind = \"parish\"\nprincipal = \"Y District Council\"\n",
        );
        assert_eq!(parish.role("clerk").unwrap().full, "the Clerk");
        assert_eq!(
            parish.role("monitoring-officer").unwrap().full,
            "the Monitoring Officer of Y District Council"
        );
        assert!(parish.role("executive-director").is_none());
        let joint =
            words("[council]\nname = \"X\"\nkind = \"joint\"\n[terms]\ncouncillor = \"member\"\n");
        assert_eq!(
            joint.role("chief-executive").unwrap().full,
            "the Joint Chief Executive"
        );
        assert_eq!(
            joint.role("group-leader").unwrap().full,
            "the leader of the member's political group"
        );
    }

    #[test]
    fn numbers_and_dates() {
        assert_eq!(number(10), "ten");
        assert_eq!(number(45), "45");
        assert_eq!(long_date("2026-05-05"), "5 May 2026");
        assert_eq!(
            upper_first("the Monitoring Officer"),
            "The Monitoring Officer"
        );
    }
}
