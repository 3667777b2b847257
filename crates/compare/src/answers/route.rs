//! Routes: the roles a passage sends a matter to, in order, each with how it follows the one
//! before (a typed route: first, then, or, if about a role), and the plain English of it
//! ("Chief Officer; if about the Chief Officer, Chief Executive"; "Chief Executive in
//! consultation with Monitoring Officer"; "Assistant Director or Strategic Director").
//!
//! How a step follows the one before is read from the words between them ([`relation`]): a
//! role the matter is about, in between, makes the step conditional on it ("if it is about the
//! Chief Officer, to the Chief Executive"); words of escalation ("if not resolved", "failing
//! that", "after that", "who may refer it to") make it a next step; "or" a choice; "in
//! consultation with" a consultation; "and" a joint step. A step in a later sentence with none
//! of these is a next step.

use concord_model::roles::{Mention, Party, Qualifier, role};

use super::slots::SUBJECT_REFER;
use super::text::{Sentence, is_any};
use super::{Relation, Step};

/// When a step is taken, against the order its role is named in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Time {
    /// Said to come first: "having first discussed it with".
    Earlier,
    /// In the order named.
    AsNamed,
    /// Said to come after: "before referring it to".
    Later,
}

/// When the step of the role at word `at` is taken: its part of the sentence (between commas)
/// says "having first", "after first", or opens with "before" and a verb in -ing.
pub(crate) fn time_of(s: &Sentence, at: usize) -> Time {
    let toks = &s.toks;
    let gap = |k: usize| {
        if k == 0 || k >= toks.len() {
            return "";
        }
        &s.text[toks[k - 1].end..toks[k].start]
    };
    let start = (s.own..at)
        .rev()
        .find(|&k| gap(k).contains([',', ';']))
        .unwrap_or(s.own);
    let words: Vec<&str> = (start..at).map(|k| toks.word(k)).collect();
    let first_done = words.windows(2).any(|w| {
        matches!(
            (w[0], w[1]),
            ("having", "first" | "already" | "previously" | "initially")
                | ("after", "first")
                | ("first", "having")
        )
    });
    if first_done {
        return Time::Earlier;
    }
    // The role is the object of that verb ("before referring it to the Monitoring Officer"),
    // not of a main clause after it ("Before briefing a group an officer must have the consent
    // of their Director").
    let before_doing = words.first() == Some(&"before")
        && words.get(1).is_some_and(|w| w.ends_with("ing"))
        && words.len() <= 6
        && !(start..at).any(|k| k > start && gap(k).contains(','));
    if before_doing {
        return Time::Later;
    }
    Time::AsNamed
}

/// How a step joins the one before: the typed relation, and finer shades for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Join {
    First,
    Or,
    And,
    Consulting,
    /// A later step, said with a word of escalation ("if still not resolved", "then").
    Then,
    /// A later step said with no word of escalation: a new sentence, or a list of commas.
    Next,
    /// Named with "and" beside the one before, each acting alone ("the Leader and the Chief
    /// Executive speak for the Council"): "and" in words, an alternative in the typed route.
    Alongside,
    IfAbout(String),
    /// From another clause of a combined answer.
    Also,
    /// From another clause of a combined answer, only consulted there ("; consulted: the
    /// Committee Chair").
    AlsoConsulted,
    /// Only a comma: an alternative in a list ending "or", else a next step (settled by
    /// [`Route::settle_commas`]).
    Comma,
}

impl Join {
    fn relation(&self) -> (Relation, Option<String>) {
        match self {
            Join::First => (Relation::First, None),
            Join::Or | Join::Alongside => (Relation::Or, None),
            Join::IfAbout(r) => (Relation::IfAbout, Some(r.clone())),
            Join::Consulting | Join::AlsoConsulted => (Relation::Consult, None),
            Join::And | Join::Then | Join::Next | Join::Also | Join::Comma => {
                (Relation::Then, None)
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Part {
    role: String,
    name: String,
    join: Join,
    /// Why the role is on the route: the words that sent the matter there.
    cue: String,
    /// For a route's first step, the role its condition was about ("If the request is for a
    /// Director to attend, it should be put to the Chief Executive"): when the route joins
    /// another after it, the step turns on that role.
    opens_if_about: Option<String>,
    /// True when the role is only consulted (read from its slot): met again in a later
    /// sentence of a combined answer, it is still consulted.
    consulted: bool,
}

/// True when a cue reads its role as the subject of a verb of passing on ("Group Leader
/// refer"), not as where the matter is sent ("refer … to").
pub(crate) fn passes_on(cue: &str) -> bool {
    cue.rsplit(' ')
        .next()
        .is_some_and(|verb| is_any(verb, SUBJECT_REFER))
}

/// True when a cue only carries a matter on its way to whoever deals with it ("the request is
/// made through the Group Leader", "via the group's Leader"): a channel, no decider.
pub(crate) fn channel(cue: &str) -> bool {
    matches!(cue, "through" | "via")
}

/// A route being built.
#[derive(Debug, Clone, Default)]
pub(crate) struct Route {
    parts: Vec<Part>,
}

impl Route {
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The role ids in order.
    pub fn roles(&self) -> Vec<String> {
        self.parts.iter().map(|p| p.role.clone()).collect()
    }

    /// True when the role is on the route.
    pub fn has(&self, role: &str) -> bool {
        self.parts.iter().any(|p| p.role == role)
    }

    /// The last role on the route.
    pub fn last(&self) -> Option<&str> {
        self.parts.last().map(|p| p.role.as_str())
    }

    /// The typed route.
    pub fn steps(&self) -> Vec<Step> {
        self.parts
            .iter()
            .map(|p| {
                let (relation, about) = p.join.relation();
                Step {
                    role: p.role.clone(),
                    relation,
                    about,
                }
            })
            .collect()
    }

    /// True when every role of `other` is already on this route.
    pub fn covers(&self, other: &Route) -> bool {
        other.parts.iter().all(|p| self.has(&p.role))
    }

    /// Adds a role (once); the first role of a route is always `First`.
    pub fn push(&mut self, m: &Mention, join: Join, cue: String) {
        if let Some(p) = self.parts.iter_mut().find(|p| p.role == m.role) {
            // Named again as more than a channel ("the request goes through the Chief
            // Executive's office, and it is for the Chief Executive to decide"): the step is
            // what it does, not what it passes on.
            if channel(&p.cue) && !channel(&cue) {
                p.cue = cue;
            }
            return;
        }
        let opens_if_about = match (&join, self.parts.is_empty()) {
            (Join::IfAbout(r), true) => Some(r.clone()),
            _ => None,
        };
        let join = if self.parts.is_empty() {
            Join::First
        } else {
            join
        };
        self.parts.push(Part {
            role: m.role.clone(),
            name: display(m),
            join,
            cue,
            opens_if_about,
            consulted: false,
        });
    }

    /// True when the last step is one only consulted.
    pub fn last_is_consulted(&self) -> bool {
        self.parts.last().is_some_and(|p| p.consulted)
    }

    /// Marks the last step as one only consulted.
    pub fn mark_last_consulted(&mut self) {
        if let Some(p) = self.parts.last_mut() {
            p.consulted = true;
        }
    }

    /// Drops the steps that only carry the matter ([`channel`]), for a question of who
    /// decides: the one a request passes through decides nothing. Returns true when a step was
    /// dropped; a route of channels alone is left empty (who decides is not said).
    pub fn drop_channels(&mut self) -> bool {
        let before = self.parts.len();
        self.parts.retain(|p| !channel(&p.cue));
        if let Some(p) = self.parts.first_mut() {
            p.join = Join::First;
        }
        self.parts.len() < before
    }

    /// The number of steps so far.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// Settles the bare commas of the steps from `from` on: a comma lists alternatives only
    /// when an "or" ends the list ("the Chief Officer, the Chief Executive or the Monitoring
    /// Officer"); otherwise it separates steps ("On the invitation of a Group Leader, an
    /// Executive Director").
    pub fn settle_commas(&mut self, from: usize) {
        // A list after a consultation is consulted too: "after consulting the Monitoring
        // Officer, the Leader and the Chief Executive".
        for k in from.max(1)..self.parts.len() {
            if matches!(self.parts[k].join, Join::Comma | Join::And)
                && self.parts[k - 1].join == Join::Consulting
            {
                self.parts[k].join = Join::Consulting;
            }
        }
        for k in from..self.parts.len() {
            if self.parts[k].join != Join::Comma {
                continue;
            }
            let ends_in_or = self.parts[k + 1..]
                .iter()
                .find(|p| p.join != Join::Comma)
                .is_some_and(|p| p.join == Join::Or);
            self.parts[k].join = if ends_in_or { Join::Or } else { Join::Next };
        }
    }

    /// Puts the steps from `from` on in the order of their times (a stable sort: steps of one
    /// time keep the order they were named in), where a step is said to come before or after
    /// the others out of the order of the words ("lodge it with the Monitoring Officer, having
    /// first discussed it with their Executive Director"). The step that comes first keeps the
    /// place of the first, and the others follow it as next steps.
    pub fn in_time_order(&mut self, from: usize, times: &[Time]) {
        if times.iter().all(|t| *t == Time::AsNamed) || times.len() != self.parts.len() - from {
            return;
        }
        let head = self.parts[from].join.clone();
        let mut tail: Vec<(Time, Part)> = times
            .iter()
            .copied()
            .zip(self.parts.drain(from..))
            .collect();
        tail.sort_by_key(|(t, _)| *t);
        for (k, (_, mut p)) in tail.into_iter().enumerate() {
            p.join = if k == 0 { head.clone() } else { Join::Then };
            self.parts.push(p);
        }
    }

    /// Moves a consulted role that was named before the one who decides after it ("after
    /// consulting the Town Mayor, the Town Clerk decides" is the Clerk in consultation with the
    /// Mayor).
    pub fn consulted_last(&mut self) {
        let Some(k) = self.parts.iter().position(|p| !p.consulted) else {
            return;
        };
        // "consult their Director, or if appropriate the Monitoring Officer, who will
        // determine": alternatives, not a consultation before a decision.
        if k == 0 || self.parts[k].join == Join::Or {
            return;
        }
        let mut head: Vec<Part> = self.parts.drain(..k).collect();
        for p in &mut head {
            p.join = Join::Consulting;
        }
        self.parts[0].join = Join::First;
        self.parts.splice(1..1, head);
    }

    /// Makes every later step that is not consulted, nor said to follow by a word of
    /// escalation, an alternative to the first: those who speak for the council each speak on
    /// their own matters ("the Leader on policy, and the Chief Executive on operational
    /// matters"), none after another.
    pub fn as_alternatives(&mut self) {
        for p in self.parts.iter_mut().skip(1) {
            if p.consulted {
                continue;
            }
            match p.join {
                Join::And => p.join = Join::Alongside,
                Join::Next | Join::Comma => p.join = Join::Or,
                _ => {}
            }
        }
    }

    /// Drops the first step when it is `role` passing the matter on ("The Clerk should refer
    /// the concern to the Chair"), the route going on past it: that role raised the matter and
    /// is no stop on its way. Returns true when the step was dropped.
    pub fn drop_raiser(&mut self, role: &str) -> bool {
        let raised =
            self.parts.len() > 1 && self.parts[0].role == role && passes_on(&self.parts[0].cue);
        if raised {
            self.parts.remove(0);
            self.parts[0].join = Join::First;
            self.parts[0].opens_if_about = None;
        }
        raised
    }

    /// Adds another route after this one (a combined answer from several clauses).
    pub fn extend(&mut self, other: &Route) {
        for (i, p) in other.parts.iter().enumerate() {
            if self.has(&p.role) {
                continue;
            }
            // One who passes the matter on, joining a route that never reached them, raised
            // it (see `topic::add_kept`).
            if !self.parts.is_empty() && passes_on(&p.cue) {
                continue;
            }
            let join = if self.parts.is_empty() {
                Join::First
            } else if let Some(about) = p.opens_if_about.as_ref().filter(|_| i == 0) {
                Join::IfAbout(about.clone())
            } else if i == 0 && p.consulted {
                Join::AlsoConsulted
            } else if i == 0 {
                Join::Also
            } else {
                p.join.clone()
            };
            self.parts.push(Part { join, ..p.clone() });
        }
    }

    /// The route in plain words.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for (k, p) in self.parts.iter().enumerate() {
            let more_or = self.parts.get(k + 1).is_some_and(|n| n.join == Join::Or);
            let sep = match &p.join {
                Join::First => String::new(),
                // "Executive Director, Director or Associate Director".
                Join::Or if more_or => ", ".into(),
                Join::Or => " or ".into(),
                Join::And | Join::Alongside => " and ".into(),
                Join::Consulting if k > 0 && self.parts[k - 1].join == Join::Consulting => {
                    " and ".into()
                }
                Join::Consulting => " in consultation with ".into(),
                Join::Then | Join::Next | Join::Comma => ", then ".into(),
                Join::IfAbout(r) => {
                    let about = self.parts.iter().find(|q| q.role == *r).map_or_else(
                        || role(r).map_or(r.as_str(), |x| x.name).to_string(),
                        |q| q.name.clone(),
                    );
                    format!("; if about the {about}, ")
                }
                Join::Also => "; ".into(),
                Join::AlsoConsulted => "; consulted: ".into(),
            };
            out.push_str(&sep);
            out.push_str(&p.name);
        }
        out
    }

    /// Why each role is on the route, in a line: "“raise … with” Chief Executive; “after
    /// that … with” Monitoring Officer".
    pub fn why(&self) -> String {
        self.parts
            .iter()
            .map(|p| {
                if p.cue.is_empty() {
                    p.name.clone()
                } else {
                    format!("“{}” {}", p.cue, p.name)
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Words of escalation between two steps.
const THEN: &[&str] = &[
    "then",
    "after",
    "afterwards",
    "thereafter",
    "failing",
    "subsequently",
    "further",
    "escalat*",
    "next",
    "unresolved",
    "resolved",
    "satisfied",
    "dissatisfied",
    "unhappy",
    "happy",
    "remains",
    "remain",
    "still",
    "appeal*",
    "later",
    "beyond",
    "necessary",
    "needed",
    "refer*",
    "pass*",
    "ultimately",
    "finally",
    "serious",
    "outcome",
    "review*",
    "resolve",
    "cannot",
    "unable",
    // "a councillor who disagrees with the ruling may ask ...".
    "disagree*",
    "challeng*",
];
/// Words of a consultation between two steps.
const CONSULT: &[&str] = &["consult*", "liais*", "conjunction", "jointly", "together"];
/// Words that refer back to the step before ("if it is about them").
const PRONOUNS: &[&str] = &["him", "her", "them", "themselves", "they", "that", "person"];

/// How the role at `to` (a word index) follows the step before it in sentence `s`, read from
/// the words from `from`; `about` lists the roles named in between that the matter is about,
/// and `prev` is the role of the step before.
pub(crate) fn relation(
    s: &Sentence,
    from: usize,
    to: usize,
    about: &[(usize, String)],
    prev: Option<&str>,
    new_sentence: bool,
) -> Join {
    let words: Vec<&str> = (from..to).map(|k| s.toks.word(k)).collect();
    let this = s
        .named
        .iter()
        .find(|n| n.tok == to)
        .map(|n| n.mention.role.as_str());
    if let Some((_, r)) = about
        .iter()
        .rev()
        .find(|(k, r)| (from..to).contains(k) && Some(r.as_str()) != this)
    {
        return Join::IfAbout(r.clone());
    }
    // "if it is about them", "if the complaint concerns that person".
    let about_pronoun = words.windows(2).any(|w| {
        matches!(
            w[0],
            "about" | "against" | "concerns" | "concerning" | "involves" | "regarding"
        ) && PRONOUNS.contains(&w[1])
    });
    if about_pronoun && let Some(p) = prev {
        return Join::IfAbout(p.to_string());
    }
    let has = |list: &[&str]| words.iter().any(|w| is_any(w, list));
    let decide_with = words
        .windows(2)
        .any(|w| w[1] == "with" && is_any(w[0], &["decid*", "determin*", "agree*", "discuss*"]));
    // "reported to the Chair and then discussed with the Clerk": a next step, not a
    // consultation.
    if has(CONSULT) || (decide_with && !words.contains(&"then")) {
        return Join::Consulting;
    }
    if has(THEN) {
        return Join::Then;
    }
    // "If you would rather not, you can go straight to ...", "or, if they prefer, ...": a
    // choice of the one who raises it.
    // "where that is not appropriate, to the Chief Executive", "in their absence": another
    // place to go when the first will not do, not a step after it.
    let instead = words.windows(2).any(|w| {
        w[0] == "not" && is_any(w[1], &["appropriat*", "possibl*", "suitabl*", "availabl*"])
    }) || words
        .iter()
        .any(|w| is_any(w, &["inappropriat*", "unavailabl*", "absen*", "unsuitabl*"]));
    if instead
        || words.iter().any(|w| {
            matches!(
                *w,
                "or" | "alternatively"
                    | "either"
                    | "rather"
                    | "instead"
                    | "prefer"
                    | "prefers"
                    | "preferred"
            )
        })
    {
        return Join::Or;
    }
    if new_sentence {
        return Join::Next;
    }
    if words.contains(&"and") {
        return Join::And;
    }
    // Only articles and commas: a list, read as alternatives when it ends in "or" (the caller
    // looks ahead), else as steps.
    // From the end of the word before `from` (the end of the step before): the comma after
    // "... of the principal council" is part of the gap.
    let start = from
        .checked_sub(1)
        .and_then(|k| s.toks.get(k))
        .map_or(0, |t| t.end);
    let end = s.toks.get(to).map_or(s.text.len(), |t| t.start);
    let gap = s.text.get(start..end).unwrap_or("");
    if words.iter().all(|w| is_any(w, LIST_FILLER)) && gap.contains(',') {
        return Join::Comma;
    }
    Join::Next
}

/// Words that may stand between two alternatives of one list.
const LIST_FILLER: &[&str] = &[
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
    "to",
    "with",
    "by",
    "as",
    // "the Monitoring Officer of the principal council, with the Clerk or ...".
    "of",
    "principal",
    "district",
    "borough",
    "county",
    "unitary",
    "parish",
    "town",
];

/// A role's name with its qualifiers: "Joint Monitoring Officer", "Monitoring Officer of the
/// principal council", and the council's own title where it only adds to the canonical one
/// ("Town Clerk", "Service Director").
pub(crate) fn display(m: &Mention) -> String {
    let canonical = role(&m.role).map_or(m.role.as_str(), |r| r.name);
    let written: Vec<&str> = m
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.to_lowercase().as_str(),
                    "joint" | "deputy" | "vice" | "shared"
                )
        })
        .collect();
    let canon: Vec<&str> = canonical.split(' ').collect();
    let refines = written.len() > canon.len()
        && written.len() <= canon.len() + 2
        && written
            .iter()
            .rev()
            .zip(canon.iter().rev())
            .all(|(w, c)| w.eq_ignore_ascii_case(c))
        && written
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    // A body is named as the council names it ("Personnel Committee", "Audit & Governance
    // Committee"), when written as a title.
    let body = role(&m.role).is_some_and(|r| r.party == Party::Body)
        && m.text.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '&')
                || matches!(w, "and" | "of" | "for")
        });
    let name = if body {
        m.text
            .split_whitespace()
            .filter(|w| {
                !matches!(
                    w.to_lowercase().as_str(),
                    "joint" | "deputy" | "vice" | "shared"
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else if refines {
        written.join(" ")
    } else {
        canonical.to_string()
    };
    let mut out = String::new();
    if m.qualifiers.contains(&Qualifier::Joint) {
        out.push_str("Joint ");
    }
    if m.qualifiers.contains(&Qualifier::Deputy) {
        out.push_str("Deputy ");
    }
    out.push_str(&name);
    if m.qualifiers.contains(&Qualifier::PrincipalCouncil) {
        out.push_str(" of the principal council");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(role: &str, text: &str, qualifiers: Vec<Qualifier>) -> Mention {
        Mention {
            role: role.into(),
            qualifiers,
            text: text.into(),
            start: 0,
            end: text.len(),
        }
    }

    #[test]
    fn names() {
        assert_eq!(
            display(&mention(
                "monitoring-officer",
                "Joint Monitoring Officer",
                vec![Qualifier::Joint]
            )),
            "Joint Monitoring Officer"
        );
        assert_eq!(
            display(&mention("clerk", "Town Clerk", vec![])),
            "Town Clerk"
        );
        assert_eq!(
            display(&mention("chief-executive", "Managing Director", vec![])),
            "Chief Executive"
        );
        assert_eq!(
            display(&mention("director", "respective director", vec![])),
            "Director"
        );
    }

    #[test]
    fn summaries_say_the_shape() {
        let mut r = Route::default();
        r.push(
            &mention("chief-officer", "Chief Officer", vec![]),
            Join::First,
            String::new(),
        );
        r.push(
            &mention("chief-executive", "Chief Executive", vec![]),
            Join::IfAbout("chief-officer".into()),
            String::new(),
        );
        r.push(
            &mention("monitoring-officer", "Monitoring Officer", vec![]),
            Join::IfAbout("chief-executive".into()),
            String::new(),
        );
        assert_eq!(
            r.summary(),
            "Chief Officer; if about the Chief Officer, Chief Executive; if about the Chief Executive, Monitoring Officer"
        );
        let steps = r.steps();
        assert_eq!(steps[1].relation, Relation::IfAbout);
        assert_eq!(steps[1].about.as_deref(), Some("chief-officer"));
        let mut r = Route::default();
        r.push(
            &mention("clerk", "Clerk", vec![]),
            Join::First,
            String::new(),
        );
        r.push(&mention("chair", "Chair", vec![]), Join::Or, String::new());
        assert_eq!(r.summary(), "Clerk or Chair");
    }
}
