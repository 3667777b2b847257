//! The question catalogue: what a cross-council comparison answers (DESIGN.md "Questions").
//!
//! Each [`Question`] has a stable kebab-case id, a plain-English text and the kind of answer it
//! takes: a route of roles in order, or a value (days, years, forbidden). Drafting options are
//! keyed by the same ids, so a council's choices are its answers.
//!
//! ```
//! use concord_model::questions::{question, AnswerKind, QUESTIONS};
//! assert_eq!(QUESTIONS.len(), 11);
//! assert_eq!(question("review-cycle").unwrap().answer, AnswerKind::Years);
//! assert!(question("blind-copies").unwrap().answer.is_value());
//! ```

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// A route: role ids in order.
    Route,
    /// A number of days, working or calendar (`{"days": 5, "working": true}`).
    Days,
    /// A number of years and the body that acts (`{"years": 4, "body": "Standards Committee"}`).
    Years,
    /// Forbidden, or only discouraged (`{"forbidden": true}`).
    Forbidden,
}

impl AnswerKind {
    /// True for the kinds answered by a value rather than a route.
    pub fn is_value(self) -> bool {
        self != AnswerKind::Route
    }
}

/// One question of the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Question {
    /// The stable id (`officer-complaint-about-councillor`).
    pub id: &'static str,
    /// The question in plain English.
    pub text: &'static str,
    /// What the question is about, as a heading ("Officer complaints about councillors"), for
    /// lines such as "Officer complaints about councillors: Monitoring Officer -> Chief Executive".
    pub topic: &'static str,
    /// What kind of answer it takes.
    pub answer: AnswerKind,
}

/// The eleven questions, in DESIGN.md order.
pub const QUESTIONS: &[Question] = &[
    Question {
        id: "officer-complaint-about-councillor",
        text: "Who does an officer go to about a councillor's conduct?",
        topic: "Officer complaints about councillors",
        answer: AnswerKind::Route,
    },
    Question {
        id: "councillor-complaint-about-officer",
        text: "Who does a councillor go to about an officer's conduct or performance?",
        topic: "Councillor complaints about officers",
        answer: AnswerKind::Route,
    },
    Question {
        id: "political-group-meeting-attendance",
        text: "Who decides whether officers attend political group meetings?",
        topic: "Officers at political group meetings",
        answer: AnswerKind::Route,
    },
    Question {
        id: "need-to-know-disputes",
        text: "Who decides a councillor's \"need to know\" for information?",
        topic: "Need-to-know disputes",
        answer: AnswerKind::Route,
    },
    Question {
        id: "protocol-interpretation",
        text: "Who interprets the protocol or arbitrates on it?",
        topic: "Interpreting the protocol",
        answer: AnswerKind::Route,
    },
    Question {
        id: "personal-relationship-disclosure",
        text: "Who must be told of a close personal relationship between a councillor and an officer?",
        topic: "Disclosing close personal relationships",
        answer: AnswerKind::Route,
    },
    Question {
        id: "media-spokesperson",
        text: "Who speaks to the media for the council, and who is consulted?",
        topic: "Speaking to the media",
        answer: AnswerKind::Route,
    },
    Question {
        id: "blind-copies",
        text: "Are blind copies of correspondence forbidden?",
        topic: "Blind copies of correspondence",
        answer: AnswerKind::Forbidden,
    },
    Question {
        id: "response-time",
        text: "What response time is set for correspondence between councillors and officers?",
        topic: "Response time for correspondence",
        answer: AnswerKind::Days,
    },
    Question {
        id: "ward-member-notice",
        text: "How much notice do ward members get of matters affecting their ward?",
        topic: "Notice to ward members",
        answer: AnswerKind::Days,
    },
    Question {
        id: "review-cycle",
        text: "How often is the protocol reviewed, and by which body?",
        topic: "Review of the protocol",
        answer: AnswerKind::Years,
    },
];

/// The question with this id.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case() {
        let mut ids: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
        assert!(
            ids.iter()
                .all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), QUESTIONS.len());
    }
}
