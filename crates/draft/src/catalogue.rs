//! The vocabulary the options file speaks, as drafting needs it: the council kinds, role ids
//! and question catalogue of `concord-model` (re-exported here), which roles a drafted protocol
//! of each kind may route to, how each question's route is phrased unless the options say
//! otherwise, and the optional sections a question's answer is drafted in.

use crate::shape::How;

pub use concord_model::questions::{AnswerKind, QUESTIONS, Question, question};
pub use concord_model::roles::{KINDS, Shape, shape};

/// Every canonical role id (DESIGN.md "Roles"), in lexicon order.
pub fn role_ids() -> impl Iterator<Item = &'static str> {
    concord_model::roles::ROLES.iter().map(|r| r.id)
}

/// True when `id` is a canonical role id.
pub fn is_role(id: &str) -> bool {
    concord_model::roles::is_role(id)
}

/// The roles a local council has. The Monitoring Officer is the principal council's: parish
/// councillors fall under its code of conduct arrangements.
const LOCAL_ROLES: &[&str] = &[
    "clerk",
    "chair",
    "committee-chair",
    "line-manager",
    "group-leader",
    "monitoring-officer",
    "staffing-committee",
    "full-council",
];

/// How a question's route is phrased when the options give no `shape`: a complaint by an
/// officer escalates; a decision goes to the next role when it concerns the one before; those
/// told of a relationship are all told; the media spokesperson consults the rest.
pub fn default_how(question: &str) -> How {
    match question {
        "officer-complaint-about-councillor" => How::Escalate,
        "personal-relationship-disclosure" => How::And,
        "media-spokesperson" => How::Consult,
        _ => How::Concerns,
    }
}

/// The roles a drafted protocol for a council of this kind may name, in lexicon order.
pub fn roles_for(kind: &str) -> Vec<&'static str> {
    match shape(kind) {
        Shape::Local => role_ids().filter(|r| LOCAL_ROLES.contains(r)).collect(),
        // A principal council's proper officer is not a "Clerk" in the lexicon's sense.
        Shape::Principal | Shape::Joint => role_ids().filter(|r| *r != "clerk").collect(),
    }
}

/// The optional section a question's answer is drafted in, when there is one: a council that
/// leaves the section out has no answer to give.
pub fn section_of(question: &str) -> Option<&'static str> {
    match question {
        "political-group-meeting-attendance" => Some("political-groups"),
        "media-spokesperson" => Some("media"),
        "ward-member-notice" => Some("ward-members"),
        _ => None,
    }
}

/// One optional part of the protocol, toggled in `[sections]`.
#[derive(Debug, Clone, Copy)]
pub struct OptionalSection {
    pub id: &'static str,
    pub what: &'static str,
}

/// The optional parts, in the order they appear in the drafted protocol.
pub const SECTIONS: &[OptionalSection] = &[
    OptionalSection {
        id: "political-groups",
        what: "officers and political groups (briefings, group meetings)",
    },
    OptionalSection {
        id: "ward-members",
        what: "local (ward or division) councillors: notice of matters in their area",
    },
    OptionalSection {
        id: "media",
        what: "dealing with the media and social media",
    },
    OptionalSection {
        id: "training",
        what: "induction and training for councillors and officers",
    },
    OptionalSection {
        id: "ceremonial-events",
        what: "civic and ceremonial events",
    },
];

/// The optional part with this id.
pub fn optional_section(id: &str) -> Option<&'static OptionalSection> {
    SECTIONS.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parish_has_a_clerk_and_a_chair_but_no_directors() {
        let roles = roles_for("parish");
        assert!(roles.contains(&"clerk") && roles.contains(&"chair"));
        assert!(!roles.contains(&"executive-director"));
        assert!(!roles.contains(&"chief-executive"));
    }

    #[test]
    fn a_principal_council_has_no_parish_clerk() {
        assert!(!roles_for("district").contains(&"clerk"));
        assert!(roles_for("joint").contains(&"chief-executive"));
    }

    #[test]
    fn every_gated_question_names_a_real_section() {
        for q in QUESTIONS {
            if let Some(s) = section_of(q.id) {
                assert!(optional_section(s).is_some(), "{}", q.id);
            }
        }
        assert_eq!(QUESTIONS.len(), 11);
    }
}
