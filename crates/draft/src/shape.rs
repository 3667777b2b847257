//! How a route is phrased: the shapes of a route in an options file (`then`, `or`, `if-about`,
//! `consult`, `and`) and the phrasings templates name (`escalate`, `concerns`...).

/// How a route is phrased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    /// The first role, and each next one when the matter concerns the one before:
    /// "the Chief Officer; or, if the matter concerns that Chief Officer, the Chief Executive".
    Concerns,
    /// The first role, and each next one when the matter is not resolved:
    /// "the Chief Executive and, if the matter is not resolved, the Monitoring Officer".
    Escalate,
    /// The first role acts after consulting the rest: "the Leader, after consulting the
    /// communications team".
    Consult,
    /// Every role, joined with "and": "the Chair and the Clerk".
    And,
    /// A choice of any of them: "the Director or the Chief Executive".
    Or,
}

/// The shapes an options file may give a route (`shape = "or"`), as the typed routes of the
/// answers name them ("then", "or", "if-about") and as templates name phrasings.
pub const SHAPES: &[&str] = &["then", "or", "if-about", "consult", "and"];

impl How {
    /// The phrasing named in a template (`"concerns"`, `"escalate"`, `"consult"`, `"and"`,
    /// `"or"`) or a route's shape in an options file (`"then"`, `"or"`, `"if-about"`,
    /// `"consult"`, `"and"`).
    pub fn parse(s: &str) -> Option<How> {
        match s {
            "concerns" | "if-about" => Some(How::Concerns),
            "escalate" | "then" => Some(How::Escalate),
            "consult" => Some(How::Consult),
            "and" => Some(How::And),
            "or" => Some(How::Or),
            _ => None,
        }
    }

    /// The name an options file gives the shape.
    pub fn shape(self) -> &'static str {
        match self {
            How::Concerns => "if-about",
            How::Escalate => "then",
            How::Consult => "consult",
            How::And => "and",
            How::Or => "or",
        }
    }

    /// How the answers read the steps after the first of a route phrased this way for
    /// `question`: "then", "or", "consult" or "if-about". A joint step reads as "then", save
    /// among those who speak for the council, each of whom speaks alone ("or").
    pub fn relation(self, question: &str) -> &'static str {
        match self {
            How::Concerns => "if-about",
            How::Or => "or",
            How::Consult => "consult",
            How::And if question == "media-spokesperson" => "or",
            How::Escalate | How::And => "then",
        }
    }
}
