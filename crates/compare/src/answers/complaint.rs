//! Complaints between councillors and officers: who raises a complaint, about whom, and where
//! it goes. Shared by the two complaint questions, which differ only in who complains.
//!
//! A sentence is a complaint when it holds a complaint cue ("complain", "concern", "not been
//! treated", "dissatisfied") and a routing verb ("raise ... with", "lodge ... with", "refer to",
//! "draw ... to the attention of"). Its direction comes from the parties it names: the party
//! after a subject marker ("about", "against", "regarding", "conduct of", "treated ... by") is
//! the one complained about, a party named without one is the complainant ("If an officer
//! considers that they have not been treated with respect by a councillor" is an officer's
//! complaint about a councillor). A sentence that sends complaints about each party to a
//! different place ("Concerns as to the conduct of officers should be made to the Executive
//! Director, and of members, to the Monitoring Officer") is cut at each subject.
//!
//! The route is every role named after the complaint is made, in order, less roles that are
//! themselves complained about ("If a complaint is against the Chief Officer, ... with the
//! Chief Executive") or named under a negation; conditional sentences after it extend it, so a
//! ladder keeps its order.

use super::route::Route;
use super::text::{self, Named, Sentence, Tok, View, any};
use super::topic::{Found, Hit, escalate, gather};

/// The two sides of the relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Party {
    Officer,
    Councillor,
}

/// Words that make a sentence a complaint.
pub(crate) const COMPLAINT: &[&str] = &[
    "complain*",
    "concern",
    "concerns",
    // "An officer who is concerned about the conduct of a councillor" (not "the officer
    // concerned", which names a person).
    "concerned about",
    "concerned at",
    "grievance*",
    "not been treated",
    "dissatisfied",
    "unhappy",
    "criticism*",
    "alleging",
    "allegation*",
    "bullied",
    "bullying",
    "harass*",
    "belittl*",
    "intimidat*",
];

/// Verbs that send a complaint somewhere.
pub(crate) const ROUTING: &[&str] = &[
    "rais*",
    "lodg*",
    "refer*",
    "report*",
    "attention",
    "discuss*",
    "submit*",
    "made to",
    "taken up",
    "take up",
    "contact*",
    "notify",
    "direct*",
    "escalat*",
    "speak to",
    "speak first to",
];

/// Headings under which a complaint is the subject.
const HEADINGS: &[&str] = &[
    "complain*",
    "things go wrong",
    "procedure*",
    "concerns",
    "breach*",
    "allegation*",
];

/// Words after which the party or role named is the one complained about.
const MARKERS: &[&str] = &["against", "about", "regarding", "concerning"];
/// Nouns whose "of" names the one complained about ("the conduct of an officer").
const OF_NOUNS: &[&str] = &[
    "conduct",
    "behaviour",
    "behavior",
    "performance",
    "capability",
    "capabilities",
    "failings",
    "actions",
    "breach",
    "treatment",
    "criticism",
];
/// How many words (articles, "any", "individual") may stand between a marker and the party.
const MARKER_REACH: usize = 4;

/// The answer for complaints about `about`, made by the other party.
pub(crate) fn find(view: &View<'_>, about: Party) -> Option<Found> {
    let hits: Vec<Hit> = (0..view.sentences.len())
        .filter_map(|i| hit(view, i, about))
        .collect();
    gather(view, hits, false)
}

fn hit(view: &View<'_>, i: usize, about: Party) -> Option<Hit> {
    let s = &view.sentences[i];
    if cues(s, COMPLAINT).is_empty() || cues(s, ROUTING).is_empty() {
        return None;
    }
    let range = segment(s, about)?;
    let keep = |s: &Sentence, n: &Named| !marked(&s.toks, n.tok);
    let mut route = Route::default();
    route.add(
        s,
        |n| n.tok >= range.0 && n.tok < range.1 && keep(s, n),
        false,
    );
    if route.is_empty() {
        return None;
    }
    let mut used = vec![i];
    escalate(view, i, &mut route, &mut used, ROUTING, &keep);
    let heading = usize::from(any(&view.headings[s.clause], HEADINGS));
    let score = count_cues(s, COMPLAINT) + 1 + route.roles().len() + heading;
    Some(Hit {
        sentence: i,
        score,
        route,
        used,
    })
}

/// Words before which "concerns" is a verb ("if the matter concerns the Clerk"), not a
/// complaint ("raise concerns").
const CONCERNS_SUBJECTS: &[&str] = &[
    "matter",
    "it",
    "complaint",
    "issue",
    "this",
    "which",
    "that",
];

/// Where the cues match in a sentence, leaving out words inside a role's name (the "direct"
/// of "Director") and "concerns" used as a verb.
fn cues(s: &Sentence, list: &[&str]) -> Vec<usize> {
    let in_role = |k: usize| s.named.iter().any(|n| (n.tok..n.tok_end).contains(&k));
    let verb = |k: usize| {
        s.toks[k].lower == "concerns"
            && k > 0
            && CONCERNS_SUBJECTS.contains(&s.toks[k - 1].lower.as_str())
    };
    let mut out: Vec<usize> = list
        .iter()
        .flat_map(|c| text::find(&s.toks, c))
        .filter(|&k| !in_role(k) && !verb(k))
        .collect();
    out.sort_unstable();
    out
}

/// How many of the cues match, as [`cues`] finds them.
fn count_cues(s: &Sentence, list: &[&str]) -> usize {
    list.iter()
        .filter(|c| !cues(s, std::slice::from_ref(*c)).is_empty())
        .count()
}

/// The token range of the sentence that speaks of complaints about `about`, or `None` when the
/// sentence is about the other party (or about neither).
fn segment(s: &Sentence, about: Party) -> Option<(usize, usize)> {
    // The "Officer" of "Monitoring Officer" is a role, not a party; the Clerk is both.
    let in_role = |k: usize| {
        s.named
            .iter()
            .any(|n| n.mention.role != "clerk" && (n.tok..n.tok_end).contains(&k))
    };
    let parties: Vec<(usize, Party, bool)> = parties(&s.toks)
        .into_iter()
        .filter(|p| !in_role(p.0))
        .collect();
    let subjects: Vec<&(usize, Party, bool)> = parties.iter().filter(|p| p.2).collect();
    // The complainant is named before the complaint ("If an officer considers that ...",
    // "A councillor who is unhappy ..."); a party named after it is where it goes or who acts.
    let cue = cues(s, COMPLAINT).into_iter().min().unwrap_or(0);
    if subjects.is_empty() {
        // No one is marked as complained about: the complainant complains about the other.
        let complainant = parties.iter().find(|p| p.0 < cue)?.1;
        return (complainant != about).then_some((0, s.toks.len()));
    }
    let ours: Vec<usize> = subjects
        .iter()
        .filter(|p| p.1 == about)
        .map(|p| p.0)
        .collect();
    let first = *ours.first()?;
    if subjects.iter().all(|p| p.1 == about) {
        // One subject. A complainant of the same party (an officer about an officer) is not ours.
        let complainant = parties.iter().find(|p| !p.2 && p.0 < first);
        if complainant.is_some_and(|c| c.1 == about) {
            return None;
        }
        return Some((0, s.toks.len()));
    }
    // Several subjects: our part runs from our subject to the next other one.
    let end = subjects
        .iter()
        .map(|p| p.0)
        .find(|&p| p > first && !ours.contains(&p))
        .unwrap_or(s.toks.len());
    Some((first, end))
}

/// The parties a sentence names: (word index, party, complained about?).
fn parties(toks: &[Tok]) -> Vec<(usize, Party, bool)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let w = toks[k].lower.as_str();
        let next = toks.get(k + 1).map(|t| t.lower.as_str());
        let after = toks.get(k + 2).map(|t| t.lower.as_str());
        // "member of staff" is an officer; "members of the public" neither.
        if matches!(w, "member" | "members") && next == Some("of") {
            if after == Some("staff") {
                out.push((k, Party::Officer, marked(toks, k)));
                k += 3;
                continue;
            }
            if after == Some("the") && toks.get(k + 3).is_some_and(|t| t.lower == "public") {
                k += 4;
                continue;
            }
        }
        let party = match w {
            "officer" | "officers" | "employee" | "employees" | "staff" => Some(Party::Officer),
            "councillor" | "councillors" | "member" | "members" => Some(Party::Councillor),
            _ => None,
        };
        if let Some(p) = party {
            out.push((k, p, marked(toks, k)));
        }
        k += 1;
    }
    out
}

/// True when the word at `k` follows a subject marker: "about the", "against a", "the conduct
/// of an", "treated ... by a", or an elliptical "and of".
fn marked(toks: &[Tok], k: usize) -> bool {
    let from = k.saturating_sub(MARKER_REACH);
    for m in (from..k).rev() {
        let w = toks[m].lower.as_str();
        if MARKERS.contains(&w) {
            return true;
        }
        if w == "of"
            && m > 0
            && (OF_NOUNS.contains(&toks[m - 1].lower.as_str())
                || (matches!(toks[m - 1].lower.as_str(), "and" | "or")
                    && toks[..m].iter().any(|t| t.lower == "of")))
        {
            return true;
        }
        if w == "by" && toks[..m].iter().any(|t| t.lower == "treated") {
            return true;
        }
        // Another party or a verb between: the marker belongs to something else.
        if matches!(
            w,
            "officer" | "officers" | "councillor" | "councillors" | "member" | "members"
        ) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::text::tokens;
    use super::*;

    fn subjects(text: &str) -> Vec<(usize, Party, bool)> {
        parties(&tokens(text))
    }

    fn sentence(text: &str) -> Sentence {
        let toks = super::super::text::Words::new(text);
        let named = concord_model::roles::Lexicon::new(concord_model::roles::Shape::Principal)
            .mentions(text)
            .into_iter()
            .map(|m| {
                let tok = toks.iter().position(|t| t.start >= m.start).unwrap_or(0);
                let tok_end = toks
                    .iter()
                    .position(|t| t.start >= m.end)
                    .unwrap_or(toks.len());
                Named {
                    mention: m,
                    tok,
                    tok_end,
                }
            })
            .collect();
        Sentence {
            text: text.into(),
            toks,
            named,
            clause: 0,
            unit: 0,
            index: 0,
        }
    }

    #[test]
    fn cues_skip_role_names_and_the_verb_concerns() {
        // "Director" is no "direct", "the matter concerns" no complaint.
        let s = sentence(
            "The question is decided by the relevant Director or, if the matter concerns that Director, by the Monitoring Officer.",
        );
        assert!(cues(&s, ROUTING).is_empty());
        assert!(cues(&s, COMPLAINT).is_empty());
        let s = sentence(
            "An officer who is concerned about the conduct of a councillor should raise concerns with the Chief Executive.",
        );
        assert_eq!(count_cues(&s, COMPLAINT), 2);
        assert!(!cues(&s, ROUTING).is_empty());
    }

    #[test]
    fn who_complains_about_whom() {
        let p = subjects(
            "If an officer considers that they have not been treated with proper respect by a councillor",
        );
        assert_eq!(
            p.iter().map(|x| (x.1, x.2)).collect::<Vec<_>>(),
            [(Party::Officer, false), (Party::Councillor, true)]
        );
        let p = subjects(
            "If a Member wishes to complain about the actions or failings of any employee",
        );
        assert_eq!(
            p.iter().map(|x| (x.1, x.2)).collect::<Vec<_>>(),
            [(Party::Councillor, false), (Party::Officer, true)]
        );
        // The last "Officer" is the Monitoring Officer's: `segment` drops words inside roles.
        let p = subjects(
            "Concerns as to the conduct of officers should be made to the relevant Executive Director, and of members, to the Monitoring Officer",
        );
        assert_eq!(
            p.iter().map(|x| (x.1, x.2)).collect::<Vec<_>>(),
            [
                (Party::Officer, true),
                (Party::Councillor, true),
                (Party::Officer, false)
            ]
        );
        let p = subjects("If a member of staff has a concern regarding a Councillor's conduct");
        assert_eq!(
            p.iter().map(|x| (x.1, x.2)).collect::<Vec<_>>(),
            [(Party::Officer, false), (Party::Councillor, true)]
        );
    }
}
