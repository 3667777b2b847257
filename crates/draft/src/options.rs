//! A council's choices: the typed form of the options file, with the defaults that fill in
//! whatever the file leaves out. Parsing and validation live in `validate`; this module only
//! says what a complete set of choices is.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalogue::{self, AnswerKind, Shape};
use crate::shape::How;

/// A complete set of choices: every question answered and every optional part decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Options {
    pub council: Council,
    pub terms: Terms,
    /// Keyed by question id; every question of the catalogue is present.
    pub answers: BTreeMap<String, Answer>,
    /// Keyed by optional section id; every optional section is present.
    pub sections: BTreeMap<String, bool>,
    /// The council's own names for roles, keyed by role id (`[roles.staffing-committee] name =
    /// "Personnel Committee"`): drafting writes them, and the lexicon reads them back.
    pub roles: BTreeMap<String, String>,
    /// How a route is phrased, keyed by question id, where the options say
    /// (`{ roles = [...], shape = "or" }`); otherwise [`catalogue::default_how`].
    pub shapes: BTreeMap<String, How>,
    /// `[[versions]]`: the version history printed under the title, oldest first.
    pub versions: Vec<VersionRow>,
}

impl Options {
    /// How a question's route is phrased: the options' shape, else the question's default.
    pub fn how(&self, question: &str) -> How {
        self.shapes
            .get(question)
            .copied()
            .unwrap_or_else(|| catalogue::default_how(question))
    }
}

/// One `[[versions]]` row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionRow {
    /// ISO date (`2026-05-05`).
    pub date: Option<String>,
    pub version: Option<String>,
    /// What changed.
    pub note: Option<String>,
}

/// `[council]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Council {
    pub name: String,
    /// One of [`catalogue::KINDS`].
    pub kind: String,
    /// ISO date (`2026-05-05`).
    pub adopted: Option<String>,
    /// For a parish, town or community council: the principal council whose Monitoring Officer
    /// deals with code of conduct complaints.
    pub principal: Option<String>,
    /// ISO date (`2028-05-05`) by which the protocol is next reviewed.
    pub review_due: Option<String>,
    /// A picture file (PNG or JPEG) printed above the title, as written in the options file:
    /// the caller reads it (relative to the options file); drafting does not.
    pub logo: Option<String>,
}

/// How the protocol names councillors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Councillor {
    Councillor,
    Member,
}

/// `[terms]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Terms {
    pub councillor: Councillor,
    /// The title of the head of paid service (`Chief Executive`, `Managing Director`, `Town
    /// Clerk`), or `None` for the kind's usual title.
    pub head_of_paid_service: Option<String>,
}

/// One answer, in the shape its question takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// Role ids, in order.
    Route(Vec<String>),
    Days {
        days: u32,
        working: bool,
    },
    Years {
        years: u32,
        body: String,
    },
    Forbidden {
        forbidden: bool,
    },
}

impl Answer {
    /// The default answer to a question for a council of this kind.
    pub fn default_for(question: &str, kind: &str) -> Option<Answer> {
        let q = catalogue::question(question)?;
        let shape = catalogue::shape(kind);
        let route = |ids: &[&str]| Answer::Route(ids.iter().map(|s| s.to_string()).collect());
        // Local councils have one or two staff, so the Clerk and the Chair carry every route;
        // principal and joint councils follow the usual practice of the corpus.
        let answer = match (q.id, shape) {
            ("officer-complaint-about-councillor", Shape::Local) => {
                route(&["chair", "monitoring-officer"])
            }
            ("officer-complaint-about-councillor", _) => {
                route(&["chief-executive", "monitoring-officer"])
            }
            ("councillor-complaint-about-officer", Shape::Local) => route(&["clerk", "chair"]),
            ("councillor-complaint-about-officer", _) => {
                route(&["chief-officer", "chief-executive", "monitoring-officer"])
            }
            ("political-group-meeting-attendance", Shape::Local) => route(&["clerk"]),
            ("political-group-meeting-attendance", _) => route(&["chief-executive"]),
            ("need-to-know-disputes", Shape::Local) => route(&["clerk", "chair"]),
            ("need-to-know-disputes", _) => route(&["monitoring-officer"]),
            ("protocol-interpretation", Shape::Local) => route(&["clerk", "chair"]),
            ("protocol-interpretation", _) => route(&["monitoring-officer"]),
            ("personal-relationship-disclosure", Shape::Local) => route(&["chair"]),
            ("personal-relationship-disclosure", _) => route(&["monitoring-officer"]),
            ("media-spokesperson", Shape::Local) => route(&["chair", "clerk"]),
            ("media-spokesperson", _) => route(&["leader", "communications-team"]),
            ("blind-copies", _) => Answer::Forbidden { forbidden: true },
            ("response-time", _) => Answer::Days {
                days: 10,
                working: true,
            },
            ("ward-member-notice", _) => Answer::Days {
                days: 7,
                working: false,
            },
            ("review-cycle", Shape::Local) => Answer::Years {
                years: 2,
                body: "Council".into(),
            },
            ("review-cycle", _) => Answer::Years {
                years: 4,
                body: default_review_body(kind).into(),
            },
            _ => return None,
        };
        debug_assert_eq!(answer.kind(), q.answer);
        Some(answer)
    }

    /// The kind of answer this is.
    pub fn kind(&self) -> AnswerKind {
        match self {
            Answer::Route(_) => AnswerKind::Route,
            Answer::Days { .. } => AnswerKind::Days,
            Answer::Years { .. } => AnswerKind::Years,
            Answer::Forbidden { .. } => AnswerKind::Forbidden,
        }
    }
}

/// The body that reviews the protocol when `review-cycle` gives none.
pub fn default_review_body(kind: &str) -> &'static str {
    match catalogue::shape(kind) {
        Shape::Local => "Council",
        Shape::Joint => "Joint Standards Committee",
        Shape::Principal => "Standards Committee",
    }
}

/// Whether an optional section is drafted when `[sections]` does not say.
pub fn default_section(id: &str, kind: &str) -> bool {
    let local = catalogue::shape(kind) == Shape::Local;
    match id {
        // Few parish councils have party groups or wards with separate members.
        "political-groups" => !local || kind == "town",
        "ward-members" => !local,
        "media" | "training" => true,
        _ => false,
    }
}

/// Every question's default answer for a kind, keyed by question id.
pub fn default_answers(kind: &str) -> BTreeMap<String, Answer> {
    catalogue::QUESTIONS
        .iter()
        .filter_map(|q| Answer::default_for(q.id, kind).map(|a| (q.id.to_string(), a)))
        .collect()
}

/// Every optional section's default for a kind.
pub fn default_sections(kind: &str) -> BTreeMap<String, bool> {
    catalogue::SECTIONS
        .iter()
        .map(|s| (s.id.to_string(), default_section(s.id, kind)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_has_a_default_for_every_kind_using_only_the_kinds_roles() {
        for kind in catalogue::KINDS {
            let answers = default_answers(kind);
            assert_eq!(answers.len(), catalogue::QUESTIONS.len(), "{kind}");
            let roles = catalogue::roles_for(kind);
            for (q, a) in &answers {
                if let Answer::Route(r) = a {
                    for id in r {
                        assert!(roles.contains(&id.as_str()), "{kind} {q} {id}");
                    }
                }
            }
        }
    }
}
