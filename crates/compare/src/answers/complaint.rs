//! Complaints between councillors and officers: who raises a complaint, about whom, and where
//! it goes. Shared by the two complaint questions, which differ only in who complains.
//!
//! A sentence is about a complaint when a complaint cue ("complain", "concern", "unhappy
//! with", "not treated with respect", "bullied") stands in it, in the sentences before it in
//! its clause, in a list's lead-in, in the heading above it ("Where a member is unhappy with a
//! member of staff") or in the clause before it. Its direction comes from the parties named
//! at the nearest of those places: the party after a subject marker ("about", "against",
//! "unhappy with", "the conduct of", "treated ... by", a role the matter is about) is the one
//! complained about, a party named without one is the complainant ("If an officer considers
//! that a councillor has not treated them with respect" is an officer's complaint about a
//! councillor). A complaint by a member of the public is neither question's. A sentence that
//! sends complaints about each party to a different place ("Concerns as to the conduct of
//! officers should be made to the Executive Director, and of members, to the Monitoring
//! Officer") is cut at each subject.
//!
//! The route is every role the matter is sent to, taken up with, or dealt with by (see
//! `slots.rs`), in order, less roles under a negation; the sentences and clauses after it that
//! carry it on extend it, so a ladder keeps its order and its shape ("if it is about the Chief
//! Officer, to the Chief Executive").

use concord_model::roles::{Party as RoleParty, Shape, role};

use super::route::Route;
use super::slots::{Class, Slot};
use super::text::{self, Sentence, Tok, View, Words, any};
use super::topic::{Found, Hit, POINTERS, add_kept, escalate, gather};

/// The two sides of the relationship, and the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Party {
    Officer,
    Councillor,
    /// A member of the public, a resident, a customer: complaints from them are neither
    /// question's.
    Public,
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
    "concerned with",
    "concerned that",
    "grievance*",
    "not been treated",
    "not treated",
    "has not treated",
    "treated them",
    "treated him",
    "treated her",
    // "an officer has not shown them proper courtesy", "has not been shown respect".
    "not shown them|him|her|proper|due|respect|courtesy",
    "not been shown",
    "lack of courtesy|respect",
    // "acted towards them in a way that falls short of this Protocol", "has not acted in
    // accordance with the Council's decisions".
    "fall*|fell short",
    "not acted in accordance",
    "failed to act in accordance",
    "mistreat*",
    "dissatisf*",
    "unhappy",
    "not happy",
    "not satisfied",
    "criticism*",
    // "A councillor who wishes to criticise the work of an officer".
    "criticis*",
    "criticiz*",
    "alleging",
    "allegation*",
    "bullied",
    "bullying",
    "bully",
    "harass*",
    "belittl*",
    "intimidat*",
    "abus*",
    "disrespect*",
    "discourte*",
    "aggrieved",
    "unfair*",
    "improper*",
    "inappropriate*",
    "problem with",
    "problems with",
    "difficulty with",
    "difficulties with",
    "issue with",
    "issues with",
    "objection*",
    "breach*",
    "misconduct",
    "poor performance",
    // Performance or capability as a matter raised, not an appraisal ("Each officer's
    // performance is reviewed annually").
    "performance issue*",
    "performance concern*",
    "performance problem*",
    "about the performance",
    "about their performance",
    "with the performance",
    "of the performance",
    "underperform*",
    "capability issue*",
    "about the capability",
    "about their capability",
    "with the capability",
    "capability concern*",
    // "if a councillor behaves badly towards you", "treated badly".
    "badly",
    // "unacceptable behaviour from a councillor", "rude or aggressive".
    "unacceptabl*",
    "rude*",
    "aggressiv*",
    // How the one who complains feels: "an officer who is troubled by a Member's conduct".
    "troubled",
    "upset*",
    "worried",
    "distress*",
    "uncomfortable",
    "offended",
];

/// Cues of an offence: in the active voice the party just before one is who commits it ("a
/// councillor has bullied them", "should a councillor put improper pressure on an officer"); in
/// the passive, "by" names them ("an officer who is bullied by a member").
const OFFENCES: &[&str] = &[
    "bull*",
    "harass*",
    "intimidat*",
    "belittl*",
    "abus*",
    "improper*",
    "inappropriate*",
    "pressur*",
    "mistreat*",
    "not treated",
    "has not treated",
    "have not treated",
    "treated them",
    "treated him",
    "treated her",
    // "an officer has not shown them proper courtesy", "has not been shown respect".
    "not shown them|him|her|proper|due|respect|courtesy",
    "not been shown",
    "lack of courtesy|respect",
    // "acted towards them in a way that falls short of this Protocol", "has not acted in
    // accordance with the Council's decisions".
    "fall*|fell short",
    "not acted in accordance",
    "failed to act in accordance",
    "undermin*",
    "threaten*",
    "victimis*",
    "breach*",
    "broken",
    "insult*",
    "rude*",
    // "if a councillor behaves badly towards you".
    "badly",
    "discourte*",
    "disrespect*",
    // "a councillor has failed to observe this Protocol".
    "failed to",
    "fails to",
    "failing to observe",
    "failing to follow",
    "failing to comply",
    "not complied",
    "not observed",
    "not followed",
    "contraven*",
];

/// Headings under which a complaint is the subject.
const HEADINGS: &[&str] = &[
    "complain*",
    "problem*",
    "difficult*",
    "unhappy with",
    "not happy",
    "things go wrong",
    "concerns",
    "concern",
    "unhappy",
    "dissatisf*",
    "breach*",
    "allegation*",
    "grievance*",
    "disputes",
    "problems",
];

/// Words after which the party or role named is the one complained about.
/// Criticism names the one criticised after its verb ("Members should not criticise individual
/// officers"): the one the concern is about, the critic being the one who has it.
const MARKERS: &[&str] = &[
    "against",
    "about",
    "regarding",
    "concerning",
    "re",
    "criticise",
    "criticises",
    "criticising",
    "criticize",
    "criticizes",
    "criticizing",
];
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
    "work",
    "manner",
    "attitude",
    "competence",
];
/// Adjectives and nouns whose "with" names the one complained about ("unhappy with a member of
/// staff").
const WITH_NOUNS: &[&str] = &[
    "unhappy",
    "dissatisfied",
    "problem",
    "problems",
    "issue",
    "issues",
    "difficulty",
    "difficulties",
    "displeased",
    "disagreement",
    "grievance",
];
/// Participles whose "by" names the one complained about ("treated ... by a councillor").
const BY_VERBS: &[&str] = &[
    "treated",
    "bullied",
    "harassed",
    "intimidated",
    "belittled",
    "abused",
    "threatened",
    "criticised",
    "criticized",
    "undermined",
    "pressured",
    "pressurised",
    "victimised",
];
/// How many words (articles, "any", "individual") may stand between a marker and the party.
const MARKER_REACH: usize = 4;

/// What a role must be doing to be on a complaint's route.
const CLASSES: &[Class] = &[
    Class::Send,
    Class::Tell,
    Class::Handle,
    Class::Decide,
    Class::Consult,
];

/// The answer for complaints about `about`, made by the other party.
pub(crate) fn find(view: &View<'_>, about: Party) -> Option<Found> {
    let around = Around::new(view, about);
    let hits: Vec<Hit> = (0..view.sentences.len())
        .filter_map(|i| hit(view, i, about, &around))
        .collect();
    let mut found = gather(view, hits, false)?;
    // A parish's or town's Clerk is its officer: the Clerk who refers a concern about a
    // councillor on ("The Clerk should refer it to the Chair") is the officer raising it.
    if about == Party::Councillor
        && view.lexicon.shape() == Shape::Local
        && found.route.drop_raiser("clerk")
    {
        found
            .why
            .push_str("; the Clerk who refers it on is the officer raising it");
    }
    Some(found)
}

/// The direction each clause's heading gives, and the first one each clause's sentences give,
/// read once for every sentence that looks around itself.
struct Around {
    heading: Vec<Option<Party>>,
    clause: Vec<Option<Direction>>,
}

impl Around {
    fn new(view: &View<'_>, about: Party) -> Around {
        Around {
            heading: view
                .clauses
                .iter()
                .map(|c| direction_of_words(&c.heading, about))
                .collect(),
            clause: view
                .clauses
                .iter()
                .map(|c| {
                    c.sentences.clone().find_map(|j| {
                        let p = &view.sentences[j];
                        direction(p, &p.slots, about)
                    })
                })
                .collect(),
        }
    }
}

/// The direction of a complaint read at some level: who is complained about, and the word
/// range of the sentence that speaks of it.
#[derive(Debug, Clone, Copy)]
struct Direction {
    about: Party,
    range: (usize, usize),
}

fn hit(view: &View<'_>, i: usize, about: Party, around: &Around) -> Option<Hit> {
    let s = &view.sentences[i];
    let slots = &s.slots;
    // A sentence that sends the matter to no role answers nothing: most sentences are out
    // before any cue is looked up.
    if !slots
        .iter()
        .any(|sl| !sl.negated && CLASSES.contains(&sl.class))
    {
        return None;
    }
    // The complaint: in the sentence, else around it.
    let (cue, place) = complaint_cue(view, i)?;
    // A complaint the sentence says comes from the public ("Complaints from members of the
    // public that a councillor has ...") is neither question's, whatever the heading says.
    // So is one whose first party, named before the complaint and not as the one complained
    // about, is the public ("Members of the public who wish to complain about a councillor").
    let sides = parties_of(s, slots);
    let cue_at = cues(s, COMPLAINT).first().map(|&(k, _)| k);
    let public_first = cue_at.is_some_and(|c| {
        sides
            .iter()
            .find(|p| p.at < c && !p.about)
            .is_some_and(|p| p.party == Party::Public)
    });
    if public_first || sides.iter().any(|p| p.party == Party::Public && p.author) {
        return None;
    }
    // The direction: read at the nearest place that says it.
    let (dir, dir_place) = direction_around(view, i, slots, about, around)?;
    if dir.about != about {
        return None;
    }
    if place != "sentence" && !carries_on(s) {
        return None;
    }
    let keep = |s: &Sentence, m: usize| {
        let n = &s.named[m];
        n.tok >= dir.range.0 && n.tok < dir.range.1
    };
    let mut route = Route::default();
    let keep_here = |m: usize| keep(s, m);
    add_kept(s, slots, CLASSES, &mut route, &keep_here, false);
    if route.is_empty() {
        return None;
    }
    let mut used = vec![i];
    // Later sentences: a sentence whose words turn to the other party ends the ladder (a role
    // it is about is a condition of the next step, not a new direction).
    let other_side = |s: &Sentence| {
        let mut words = parties_of(s, &[]);
        offender(s, &mut words);
        let marked: Vec<Party> = words.iter().filter(|p| p.about).map(|p| p.party).collect();
        !marked.is_empty() && !marked.contains(&about) && !marked.contains(&Party::Public)
    };
    let whole = |_: &Sentence, _: usize| true;
    escalate(view, i, &mut route, &mut used, CLASSES, &whole, &other_side);
    let explicit = usize::from(dir_place == "sentence");
    // The complainant named ("A councillor with a concern about ...") weighs one more than a
    // complaint whose author is not said.
    let complainant = usize::from(
        parties_of(s, slots)
            .iter()
            .any(|p| !p.about && p.party != about && p.party != Party::Public),
    );
    let heading = usize::from(any(view.heading(s), HEADINGS));
    let cues = text::count(&s.toks, COMPLAINT);
    let score = cues + 1 + route.roles().len() + heading + 2 * explicit + complainant;
    Some(Hit {
        sentence: i,
        score,
        route,
        used,
        topic: format!(
            "complaint “{cue}” ({place}), about {} ({dir_place})",
            party_word(about)
        ),
        weak: false,
    })
}

fn party_word(p: Party) -> &'static str {
    match p {
        Party::Officer => "an officer",
        Party::Councillor => "a councillor",
        Party::Public => "the public",
    }
}

/// Words of the complaint business, one of which a sentence whose complaint is named around
/// it must hold (or point back).
const ACTION: &[&str] = &[
    "rais*",
    "tell",
    "talk*",
    "go to",
    "ask",
    "writ*",
    "step",
    "informal*",
    "formal*",
    "first instance",
    "first place",
    "failing that",
    "refer*",
    "report*",
    "taken up",
    "take up",
    "pursu*",
    "made to",
    "lodg*",
    "discuss*",
    "speak*",
    "contact*",
    "approach*",
    "escalat*",
    "complain*",
    "concern*",
    "deal*",
    "investigat*",
];

fn carries_on(s: &Sentence) -> bool {
    let has_action = if s.own == 0 {
        any(&s.toks, ACTION)
    } else {
        any(
            &Words::new(&s.text[s.toks.get(s.own).map_or(0, |t| t.start)..]),
            ACTION,
        )
    };
    has_action
        || s.own_words()
            .iter()
            .take(6)
            .any(|t| text::is_any(&t.lower, POINTERS))
}

/// The complaint cue for sentence `i`, and where it was met.
fn complaint_cue(view: &View<'_>, i: usize) -> Option<(String, &'static str)> {
    let s = &view.sentences[i];
    let found = |s: &Sentence| {
        let mut all = cues(s, COMPLAINT);
        if all.is_empty() {
            all = cues(s, OFFENCES);
        }
        all.first().map(|&(k, c)| text::matched(&s.toks, k, c))
    };
    if let Some(c) = found(s) {
        return Some((c, "sentence"));
    }
    let c = &view.clauses[s.clause];
    for j in c.sentences.start..i {
        if let Some(c) = found(&view.sentences[j]) {
            return Some((c, "clause"));
        }
    }
    if let Some(cue) = view
        .clause_first(s.clause, HEADINGS, true)
        .or_else(|| view.clause_first(s.clause, OFFENCES, true))
    {
        return Some((cue, "heading"));
    }
    let b = view.before(s.clause).next()?;
    view.clause_first(b, COMPLAINT, false)
        .map(|c| (c, "clause before"))
}

/// The direction for sentence `i`: from the sentence, else the sentences before it in its
/// clause, else the heading, else the clause before.
fn direction_around(
    view: &View<'_>,
    i: usize,
    slots: &[Slot],
    about: Party,
    around: &Around,
) -> Option<(Direction, &'static str)> {
    let s = &view.sentences[i];
    if let Some(d) = direction(s, slots, about) {
        return Some((d, "sentence"));
    }
    let whole = (0, s.toks.len());
    let c = &view.clauses[s.clause];
    for j in (c.sentences.start..i).rev() {
        let p = &view.sentences[j];
        if let Some(d) = direction(p, &p.slots, about) {
            return Some((Direction { range: whole, ..d }, "clause"));
        }
    }
    if let Some(side) = around.heading[s.clause] {
        return Some((
            Direction {
                about: side,
                range: whole,
            },
            "heading",
        ));
    }
    let b = view.before(s.clause).next()?;
    around.clause[b].map(|d| (Direction { range: whole, ..d }, "clause before"))
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
    "information",
    "decision",
    "question",
];

/// Where the cues match in a sentence, leaving out words inside a role's name (the "direct"
/// of "Director"), "concerns" used as a verb and "the officer concerned".
fn cues<'c>(s: &Sentence, list: &[&'c str]) -> Vec<(usize, &'c str)> {
    let in_role = |k: usize| s.named.iter().any(|n| (n.tok..n.tok_end).contains(&k));
    let verb = |k: usize| {
        let w = s.toks.word(k);
        (w == "concerns" && k > 0 && CONCERNS_SUBJECTS.contains(&s.toks.word(k - 1)))
            || (w == "concern" && k > 0 && matches!(s.toks.word(k - 1), "they" | "which" | "that"))
    };
    text::find_any(&s.toks, list)
        .into_iter()
        .filter(|&(k, _)| !in_role(k) && !verb(k))
        .collect()
}

/// The direction a sentence gives, with the word range of its part about it; `None` when it
/// names no party, or only the public's complaints.
fn direction(s: &Sentence, slots: &[Slot], about: Party) -> Option<Direction> {
    let mut parties = parties_of(s, slots);
    let cue = cues(s, COMPLAINT).first().map_or(0, |c| c.0);
    offender(s, &mut parties);
    from_parties(&parties, cue, s.toks.len(), about)
}

/// Marks the party who commits an offence named in the active voice: the nearest party before
/// the first offence cue, unless the cue is passive ("is bullied", "been treated").
fn offender(s: &Sentence, parties: &mut [Side]) {
    let Some(&(at, _)) = cues(s, OFFENCES).first() else {
        return;
    };
    if parties.iter().any(|p| p.about) {
        return;
    }
    let participle = s.toks.word(at).ends_with("ed");
    let passive = participle
        && at > 0
        && matches!(
            s.toks.word(at - 1),
            "is" | "are" | "was" | "were" | "been" | "being" | "be" | "feels" | "feel"
        );
    if passive {
        return;
    }
    // "abusive correspondence from a member of the public": the one it comes from, named just
    // after, commits it; the one before only receives it.
    let cue_end = at + 1;
    if let Some(p) = parties.iter_mut().find(|p| {
        p.at > at
            && p.at <= cue_end + FROM_REACH
            && (cue_end..p.at).any(|k| matches!(s.toks.word(k), "from" | "by"))
    }) {
        p.about = true;
        return;
    }
    if let Some(p) = parties
        .iter_mut()
        .rev()
        .find(|p| p.at < at && p.party != Party::Public)
    {
        p.about = true;
    }
}

/// How many words after an offence its author may be named with "from" or "by" ("abusive or
/// threatening correspondence from a member of the public").
const FROM_REACH: usize = 5;

/// The direction the words of a heading give.
fn direction_of_words(words: &Words, about: Party) -> Option<Party> {
    let mut parties = parties(words);
    // "If a councillor is abusive": the offender is the one complained about.
    if !parties.iter().any(|p| p.about)
        && let Some(&(at, _)) = text::find_any(words, OFFENCES).first()
        && let Some(p) = parties
            .iter_mut()
            .rev()
            .find(|p| p.at < at && p.party != Party::Public)
    {
        p.about = true;
    }
    let cue = text::find_any(words, COMPLAINT)
        .first()
        .map_or(words.len(), |c| c.0);
    from_parties(&parties, cue, words.len(), about).map(|d| d.about)
}

/// The direction from the parties named, the index of the complaint cue and the number of
/// words. Where complaints about each side are sent
/// to different places, the part about `about` is the one returned.
fn from_parties(parties: &[Side], cue: usize, len: usize, about: Party) -> Option<Direction> {
    let subjects: Vec<&Side> = parties.iter().filter(|p| p.about).collect();
    let whole = (0, len);
    if subjects.is_empty() {
        // No one is marked as complained about: the complainant, named before the complaint,
        // complains about the other side, which must be named too ("A councillor who is
        // concerned that information has been withheld" complains of no officer). A party
        // named only after the complaint, "the complaint is that a councillor has broken the
        // Code", says nothing of who complains.
        let complainant = parties.iter().find(|p| p.at < cue || p.author)?.party;
        let about = match complainant {
            Party::Officer => Party::Councillor,
            Party::Councillor => Party::Officer,
            Party::Public => return None,
        };
        if !parties.iter().any(|p| p.party == about) {
            return None;
        }
        return Some(Direction {
            about,
            range: whole,
        });
    }
    let first = subjects[0];
    if subjects.iter().all(|p| p.party == first.party) {
        // One side complained about. A complainant of the same side (an officer about an
        // officer) or the public is neither question's.
        // One named as who complains ("any complaint by a councillor about a member of
        // staff") outweighs a party named earlier in passing ("responsible for all other
        // staff, so any complaint by a councillor ...").
        let complainant = parties
            .iter()
            .find(|p| p.author && !p.about)
            .or_else(|| parties.iter().find(|p| !p.about && p.at < first.at));
        if complainant.is_some_and(|c| c.party == first.party || c.party == Party::Public) {
            return None;
        }
        if first.party == Party::Public {
            return None;
        }
        return Some(Direction {
            about: first.party,
            range: whole,
        });
    }
    // Several subjects: our side's part runs from its first subject to the next subject of
    // another side.
    let ours = subjects
        .iter()
        .find(|p| p.party == about)
        .copied()
        .unwrap_or(first);
    let end = subjects
        .iter()
        .map(|p| p.at)
        .find(|&p| p > ours.at && !subjects.iter().any(|q| q.at == p && q.party == ours.party))
        .unwrap_or(len);
    Some(Direction {
        about: ours.party,
        range: (ours.at, end),
    })
}

/// The parties of a sentence: the words naming them and the roles it names (a role the matter
/// is about stands for its side; the "Officer" of "Monitoring Officer" is no party).
fn parties_of(s: &Sentence, slots: &[Slot]) -> Vec<Side> {
    // The "Officer" of "Monitoring Officer" is no party; the Clerk is an officer who may
    // complain or be complained about, but not while the matter is sent to them or they deal
    // with it ("The Town Clerk will consider the concern"). With no slots given, roles are no
    // parties at all.
    let in_role = |k: usize| {
        s.named.iter().enumerate().any(|(m, n)| {
            let clerk_party = n.mention.role == "clerk"
                && slots.get(m).is_some_and(|sl| {
                    matches!(sl.class, Class::Other | Class::About | Class::Judge)
                });
            !clerk_party && (n.tok..n.tok_end).contains(&k)
        })
    };
    let proviso = proviso_end(s);
    let mut out: Vec<Side> = parties(&s.toks)
        .into_iter()
        .filter(|p| !in_role(p.at) && p.at >= proviso)
        .collect();
    // A role the matter is about stands for its side only where no party is named as the one
    // complained about: "raise it ... about an officer ... or, if the matter concerns that
    // group leader, with the Monitoring Officer" turns a ladder on the group leader, it is no
    // complaint about a councillor.
    let words_say = out.iter().any(|p| p.about);
    for (n, sl) in s.named.iter().zip(slots) {
        if sl.class != Class::About || words_say {
            continue;
        }
        let side = match role(&n.mention.role).map(|r| r.party) {
            Some(RoleParty::Officer) => Party::Officer,
            Some(RoleParty::Councillor) => Party::Councillor,
            _ => continue,
        };
        out.push(Side {
            at: n.tok,
            party: side,
            about: true,
            author: false,
        });
    }
    out.sort_by_key(|p| p.at);
    out
}

/// The end of a proviso that opens the sentence ("Subject to any procedure for the discipline
/// of statutory officers, a member who wishes to complain ..."): the parties it names are not
/// the complaint's. 0 when there is none.
fn proviso_end(s: &Sentence) -> usize {
    let w = |k: usize| s.toks.word(k);
    let opens = (w(0) == "subject" && w(1) == "to")
        || (w(0) == "without" && w(1) == "prejudice")
        || w(0) == "notwithstanding";
    if !opens {
        return 0;
    }
    (1..s.toks.len())
        .find(|&k| s.text[s.toks[k - 1].end..s.toks[k].start].contains(','))
        .unwrap_or(0)
}

/// A party named in a sentence.
#[derive(Debug, Clone, Copy)]
struct Side {
    /// Its first word.
    at: usize,
    party: Party,
    /// Named as the one complained about.
    about: bool,
    /// Named as who complains ("a complaint by an officer").
    author: bool,
}

fn side(toks: &[Tok], k: usize, party: Party) -> Side {
    // The author of a complaint is not the one it is about ("any criticism by a councillor
    // of a member of staff").
    let author = author(toks, k);
    Side {
        at: k,
        party,
        about: !author && marked(toks, k),
        author,
    }
}

/// The parties named in words.
fn parties(toks: &[Tok]) -> Vec<Side> {
    let mut out = Vec::new();
    let mut k = 0;
    let w = |k: usize| toks.get(k).map_or("", |t| &*t.lower);
    while k < toks.len() {
        // "member of staff" is an officer; "members of the public" the public.
        if matches!(w(k), "member" | "members") && w(k + 1) == "of" {
            if w(k + 2) == "staff" {
                out.push(side(toks, k, Party::Officer));
                k += 3;
                continue;
            }
            if w(k + 2) == "the" && w(k + 3) == "public" {
                out.push(side(toks, k, Party::Public));
                k += 4;
                continue;
            }
        }
        let party = match w(k) {
            "officer" | "officers" | "employee" | "employees" | "staff" | "clerk" => {
                Some(Party::Officer)
            }
            "councillor" | "councillors" | "member" | "members" | "cllr" => Some(Party::Councillor),
            "public" | "resident" | "residents" | "customer" | "customers" | "constituent"
            | "constituents" | "anyone" | "complainant" | "complainants" | "citizens" => {
                Some(Party::Public)
            }
            _ => None,
        };
        if let Some(p) = party {
            out.push(side(toks, k, p));
        }
        k += 1;
    }
    out
}

/// True when the party at `k` is named as the author of a complaint: "a complaint by an
/// officer", "concerns from members".
fn author(toks: &[Tok], k: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| &*t.lower);
    let mut j = k;
    while j > 0 && matches!(w(j - 1), "a" | "an" | "the" | "any" | "individual") {
        j -= 1;
    }
    j >= 2
        && matches!(w(j - 1), "by" | "from")
        && text::is_any(
            w(j - 2),
            &[
                "complain*",
                "concern*",
                "grievance*",
                "allegation*",
                "representation*",
                "report",
                "reports",
                // "any criticism by a councillor of a member of staff".
                "criticism*",
            ],
        )
}

/// True when the word at `k` follows a subject marker: "about the", "against a", "the conduct
/// of an", "unhappy with a", "treated ... by a", or an elliptical "and of".
fn marked(toks: &[Tok], k: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| &*t.lower);
    let from = k.saturating_sub(MARKER_REACH);
    for m in (from..k).rev() {
        let word = w(m);
        if MARKERS.contains(&word) {
            return true;
        }
        if word == "of"
            && m > 0
            && (OF_NOUNS.contains(&w(m - 1))
                || (matches!(w(m - 1), "and" | "or") && toks[..m].iter().any(|t| t.lower == "of")))
        {
            return true;
        }
        if word == "with" && m > 0 && WITH_NOUNS.contains(&w(m - 1)) {
            return true;
        }
        if word == "by" && toks[..m].iter().any(|t| BY_VERBS.contains(&&*t.lower)) {
            return true;
        }
        // "bullying by a councillor", "abuse from a member", "behaviour by councillors".
        if matches!(word, "by" | "from")
            && m > 0
            && (text::is_any(w(m - 1), OFFENCES) || OF_NOUNS.contains(&w(m - 1)))
        {
            return true;
        }
        // Another party or a verb between: the marker belongs to something else.
        if matches!(
            word,
            "officer"
                | "officers"
                | "councillor"
                | "councillors"
                | "member"
                | "members"
                | "clerk"
                | "staff"
                | "employee"
                | "employees"
        ) {
            return false;
        }
    }
    // "a councillor's conduct", "an officer's behaviour".
    w(k + 1) == "s" && OF_NOUNS.contains(&w(k + 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use concord_model::words::{Token, tokens};

    fn subjects(text: &str) -> Vec<(Party, bool)> {
        let toks: Vec<Tok> = tokens(text).into_iter().map(Token::into_owned).collect();
        parties(&toks)
            .into_iter()
            .map(|x| (x.party, x.about))
            .collect()
    }

    #[test]
    fn who_complains_about_whom() {
        assert_eq!(
            subjects(
                "If an officer considers that they have not been treated with proper respect by a councillor"
            ),
            [(Party::Officer, false), (Party::Councillor, true)]
        );
        assert_eq!(
            subjects(
                "If a Member wishes to complain about the actions or failings of any employee"
            ),
            [(Party::Councillor, false), (Party::Officer, true)]
        );
        assert_eq!(
            subjects("Where a member is unhappy with a member of staff"),
            [(Party::Councillor, false), (Party::Officer, true)]
        );
        assert_eq!(
            subjects("If a member of staff has a concern regarding a Councillor's conduct"),
            [(Party::Officer, false), (Party::Councillor, true)]
        );
        assert_eq!(
            subjects("Complaints from members of the public about councillors"),
            [(Party::Public, false), (Party::Councillor, true)]
        );
    }
}
