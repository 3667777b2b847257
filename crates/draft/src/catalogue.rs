//! The vocabulary the options file speaks: council kinds, role ids and the eleven question ids,
//! with which roles each kind of council has.
//!
//! TODO(issue 3): the role lexicon and the question catalogue are moving into `concord-model`
//! (`roles.rs`, `questions.rs`). Until they land this is the one place in `concord-draft` that
//! lists them; switch to the model's catalogue then, keeping the per-kind role sets here if the
//! model does not carry them.

/// Every council kind `[council] kind` accepts, in the order `concord options` lists them.
pub const KINDS: &[&str] = &[
    "parish",
    "town",
    "community",
    "district",
    "borough",
    "county",
    "unitary",
    "metropolitan",
    "london-borough",
    "welsh-principal",
    "joint",
];

/// The broad shape of a council, which decides its officers and the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A parish, town or community council: a Clerk and a Chair, no directorates.
    Local,
    /// A principal council with a Chief Executive and directorates.
    Principal,
    /// Two or more principal councils sharing officers (a Joint Chief Executive...).
    Joint,
}

/// The shape of a kind from [`KINDS`]; unknown kinds are treated as principal councils.
pub fn shape(kind: &str) -> Shape {
    match kind {
        "parish" | "town" | "community" => Shape::Local,
        "joint" => Shape::Joint,
        _ => Shape::Principal,
    }
}

/// Every canonical role id (DESIGN.md "Roles").
pub const ROLES: &[&str] = &[
    "monitoring-officer",
    "chief-executive",
    "chief-finance-officer",
    "clerk",
    "executive-director",
    "strategic-director",
    "director",
    "assistant-director",
    "associate-director",
    "chief-officer",
    "head-of-service",
    "senior-officer",
    "line-manager",
    "group-leader",
    "leader",
    "chair",
    "portfolio-holder",
    "standards-committee",
    "communications-team",
];

/// The roles a local council has. The Monitoring Officer is the principal council's: parish
/// councillors fall under its code of conduct arrangements.
const LOCAL_ROLES: &[&str] = &[
    "clerk",
    "chair",
    "line-manager",
    "group-leader",
    "monitoring-officer",
];

/// The roles a council of this kind has, in [`ROLES`] order.
pub fn roles_for(kind: &str) -> Vec<&'static str> {
    match shape(kind) {
        Shape::Local => ROLES
            .iter()
            .copied()
            .filter(|r| LOCAL_ROLES.contains(r))
            .collect(),
        // A principal council's proper officer is not a "Clerk" in the lexicon's sense.
        Shape::Principal | Shape::Joint => {
            ROLES.iter().copied().filter(|r| *r != "clerk").collect()
        }
    }
}

/// What kind of answer a question takes in `[answers]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// A list of role ids, in order.
    Route,
    /// `{ days = N, working = BOOL }`.
    Days,
    /// `{ years = N, body = "..." }`.
    Years,
    /// `{ forbidden = BOOL }`.
    Forbidden,
}

/// One question of the catalogue (DESIGN.md "Questions").
#[derive(Debug, Clone, Copy)]
pub struct Question {
    pub id: &'static str,
    pub text: &'static str,
    pub answer: AnswerKind,
    /// The optional section the answer is drafted in, when there is one.
    pub section: Option<&'static str>,
}

/// The eleven questions, in DESIGN.md order.
pub const QUESTIONS: &[Question] = &[
    Question {
        id: "officer-complaint-about-councillor",
        text: "Who does an officer go to about a councillor's conduct?",
        answer: AnswerKind::Route,
        section: None,
    },
    Question {
        id: "councillor-complaint-about-officer",
        text: "Who does a councillor go to about an officer's conduct or performance?",
        answer: AnswerKind::Route,
        section: None,
    },
    Question {
        id: "political-group-meeting-attendance",
        text: "Who decides whether officers attend political group meetings?",
        answer: AnswerKind::Route,
        section: Some("political-groups"),
    },
    Question {
        id: "need-to-know-disputes",
        text: "Who decides a councillor's \"need to know\" for information?",
        answer: AnswerKind::Route,
        section: None,
    },
    Question {
        id: "protocol-interpretation",
        text: "Who interprets the protocol or arbitrates on it?",
        answer: AnswerKind::Route,
        section: None,
    },
    Question {
        id: "personal-relationship-disclosure",
        text: "Who must be told of a close personal relationship between a councillor and an officer?",
        answer: AnswerKind::Route,
        section: None,
    },
    Question {
        id: "media-spokesperson",
        text: "Who speaks to the media for the council, and who is consulted?",
        answer: AnswerKind::Route,
        section: Some("media"),
    },
    Question {
        id: "blind-copies",
        text: "Are blind copies of correspondence forbidden?",
        answer: AnswerKind::Forbidden,
        section: None,
    },
    Question {
        id: "response-time",
        text: "What response time is set for correspondence between councillors and officers?",
        answer: AnswerKind::Days,
        section: None,
    },
    Question {
        id: "ward-member-notice",
        text: "How much notice do ward members get of matters affecting their ward?",
        answer: AnswerKind::Days,
        section: Some("ward-members"),
    },
    Question {
        id: "review-cycle",
        text: "How often is the protocol reviewed, and by which body?",
        answer: AnswerKind::Years,
        section: None,
    },
];

/// The question with this id.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
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
            if let Some(s) = q.section {
                assert!(optional_section(s).is_some(), "{}", q.id);
            }
        }
        assert_eq!(QUESTIONS.len(), 11);
    }
}
