//! The generic route rule. A sentence answers a question when the question's topic is met
//! there (each group of topic cues in the sentence, or, where the question allows, in the
//! sentences before it in its clause, in a list's lead-in, in the headings above it or in the
//! clause before it) and it names roles doing what the question asks (`slots.rs`: the matter
//! sent to them, decided by them, told to them...). A topic met only around the sentence needs
//! the sentence itself to carry on with it: a word of the question's business ("decide",
//! "statement") or a word that points back ("this", "such").
//!
//! The best such sentence (most cues, most roles, first in the document on a tie) gives the
//! route. The sentences and clauses after it that carry the matter on ("If it is about the
//! Chief Officer, ...", "Failing that, ...", "The Clerk may refer it to ...", the items of its
//! list) extend it, each step typed by the words before it (`route.rs`). Other sentences that
//! give no new role are cited as support. A question answered by a set of people rather than
//! a ladder (who speaks to the media) combines every matching sentence, in document order.
//!
//! A sentence squarely on the topic that names roles but sends the matter to none of them is
//! kept as "mentioned, unclear" when nothing better is found.

use concord_model::roles::{Party, role};

use super::route::{Join, Route, passes_on, relation, time_of};
use super::slots::{Class, Slot, TABLE_ROW};
use super::text::{Sentence, View, Words, any, carved_out, find_any, first, is_any};

/// Where a group of cues may be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Reach {
    /// In the sentence (a list item's lead-in included) or the sentences before it in its
    /// clause.
    Clause,
    /// Also in the headings above it and the clauses before it in its section.
    Section,
}

/// A group of topic cues, one of which must be met.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Group {
    pub cues: &'static [&'static str],
    pub reach: Reach,
    /// The cues that count in a heading or the clause before, where a broad word would make
    /// a whole section look on topic ("Relationships between councillors and officers");
    /// empty for the same as `cues`.
    pub context: &'static [&'static str],
}

/// A question's cues and how its route is read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Topic {
    /// Groups of cues: every group must be met.
    pub groups: &'static [Group],
    /// Cues that name the topic outright and weigh one more.
    pub strong: &'static [&'static str],
    /// What a role must be doing to be on the route.
    pub classes: &'static [Class],
    /// Words of the question's business; a sentence whose topic is met only around it must
    /// hold one (or point back with "this", "such"...).
    pub action: &'static [&'static str],
    /// Phrases that rule a sentence out ("a relationship with a contractor").
    pub exclude: &'static [&'static str],
    /// Phrases of the whole protocol's theme ("working relationships", "relationships between
    /// members and officers"), that rule a sentence out unless it names the topic outright too
    /// (one of `strong`: "Close personal relationships between Members and officers are to be
    /// declared").
    pub theme: &'static [&'static str],
    /// Other things the topic's words may be about ("the interpretation of Standing Orders"):
    /// a sentence naming one, or under a heading naming one, is out unless it names the
    /// topic's own thing too (one of `own`).
    pub foreign: &'static [&'static str],
    /// Words naming the topic's own thing ("this Protocol").
    pub own: &'static [&'static str],
    /// Words one of which a sentence must hold for a role the matter is only sent to to count
    /// ("requests ... should be made to the Chief Executive"); empty for no such need.
    pub send_needs: &'static [&'static str],
    /// Words naming a role of speaking for the council ("spokesperson"): in a sentence holding
    /// one, a councillor's office named without another part to play is that speaker ("Lead
    /// Members ... undertake their role as a Council spokesperson").
    pub speakers: &'static [&'static str],
    /// Classes that give no answer alone unless the sentence makes them a condition ("only at
    /// the request of a Group Leader"): "A Director may, if a Group Leader invites them, go to
    /// a meeting of that group" says who invites, not who decides.
    pub alone_weak: &'static [Class],
    /// Classes left off a sentence's route when a role in it decides: "only on the invitation
    /// of the group leader and with the consent of the Strategic Director" is decided by the
    /// Strategic Director; the invitation is a condition, not a decision.
    pub outranked: &'static [Class],
    /// Follow the sentences and clauses after the main one that carry the matter on.
    pub escalate: bool,
    /// Combine every matching sentence in document order.
    pub combine: bool,
}

/// What a rule found: the route, the clauses (main first), the evidence and why.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub route: Route,
    pub clauses: Vec<String>,
    pub evidence: String,
    pub why: String,
}

/// One sentence that matched, with the route it gives.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub sentence: usize,
    pub score: usize,
    pub route: Route,
    pub used: Vec<usize>,
    /// The topic cue and where it was met, for [`Found::why`].
    pub topic: String,
    /// Its roles are only of [`Topic::alone_weak`] classes: it joins an answer other hits
    /// give, and alone is "mentioned, unclear".
    pub weak: bool,
}

/// Words that point back to a topic named before ("This should be taken up ...").
pub(crate) const POINTERS: &[&str] = &[
    "this",
    "these",
    "it",
    "such",
    "that",
    "those",
    "they",
    "matter",
    "matters",
    "question",
    "questions",
    "dispute",
    "disputes",
    "issue",
    "issues",
    "case",
    "cases",
    "them",
];

/// Finds a topic's route in a document.
pub(crate) fn find(view: &View<'_>, t: &Topic) -> Option<Found> {
    let mut unclear = None;
    let mut hits = Vec::new();
    for i in 0..view.sentences.len() {
        match hit(view, t, i) {
            Some(Ok(h)) => hits.push(h),
            Some(Err(u)) if unclear.is_none() => unclear = Some(u),
            _ => {}
        }
    }
    // Hits that only say who invites (and not who decides) answer nothing by themselves.
    if !hits.is_empty() && hits.iter().all(|h| h.weak) {
        let h = &hits[0];
        let s = &view.sentences[h.sentence];
        let id = view.clause_of(s).id.clone();
        let why = format!("{id}: topic {}; {} only", h.topic, h.route.why());
        return Some(Found {
            route: Route::default(),
            clauses: vec![id],
            evidence: s.text.clone(),
            why,
        });
    }
    gather(view, hits, t.combine).or(unclear)
}

/// Where the group's cues are met for sentence `i`: the cue and a word for where, or `None`.
pub(crate) fn met(view: &View<'_>, i: usize, g: &Group) -> Option<(String, &'static str)> {
    let s = &view.sentences[i];
    if let Some(c) = first(&s.toks, g.cues) {
        return Some((c, "sentence"));
    }
    if g.reach >= Reach::Clause {
        let c = &view.clauses[s.clause];
        for j in c.sentences.start..i {
            if let Some(cue) = first(&view.sentences[j].toks, g.cues) {
                return Some((cue, "clause"));
            }
        }
        // The next sentence, when it goes on about the same thing: "Ask the Monitoring
        // Officer to look at it. They will decide whether you need to know ...".
        if let Some(next) = view.sentences.get(i + 1).filter(|n| {
            c.sentences.contains(&(i + 1))
                && n.own_words().first().is_some_and(|t| {
                    matches!(&*t.lower, "they" | "this" | "it" | "he" | "she" | "that")
                })
        }) && let Some(cue) = first(&next.toks, g.cues)
        {
            return Some((cue, "next sentence"));
        }
    }
    if g.reach >= Reach::Section {
        let cues = if g.context.is_empty() {
            g.cues
        } else {
            g.context
        };
        if let Some(cue) = view.clause_first(s.clause, cues, true) {
            return Some((cue, "heading"));
        }
        if let Some(b) = view.before(s.clause).next()
            && let Some(cue) = view.clause_first(b, cues, false)
        {
            return Some((cue, "clause before"));
        }
    }
    None
}

/// True when the words name something a topic excludes, other than as the exception they
/// carve out ("Save where the matter falls to be determined under the Code of Conduct, any
/// question ... of this Protocol").
///
/// Nor when every role the sentence routes to stands in another part of it, parted by a
/// semicolon or a comma and "and"/"but", a part that names the topic itself ("In any
/// conflict with the Code of Conduct the Code prevails, and any other question on this
/// Protocol goes to the Monitoring Officer").
fn excluded(s: &Sentence, t: &Topic) -> bool {
    let hits = find_any(&s.toks, t.exclude);
    if hits.is_empty() {
        return false;
    }
    let routed: Vec<usize> = s
        .named
        .iter()
        .zip(&s.slots)
        .filter(|(_, sl)| !sl.negated && t.classes.contains(&sl.class))
        .map(|(n, _)| part(s, n.tok))
        .collect();
    let names_topic = |p: usize| {
        t.groups.iter().all(|g| {
            find_any(&s.toks, g.cues)
                .into_iter()
                .any(|(k, _)| part(s, k) == p)
        })
    };
    hits.into_iter().any(|(k, _)| {
        let apart = !routed.is_empty() && routed.iter().all(|&r| r != part(s, k) && names_topic(r));
        !carved_out(&s.toks, k) && !apart
    })
}

/// Which part of the sentence word `k` stands in: the parts are parted by a semicolon, or by
/// a comma before "and", "but", "while" or "whereas".
fn part(s: &Sentence, k: usize) -> usize {
    (1..=k.min(s.toks.len().saturating_sub(1)))
        .filter(|&j| {
            let gap = &s.text[s.toks[j - 1].end..s.toks[j].start];
            gap.contains(';')
                || (gap.contains(',')
                    && matches!(s.toks.word(j), "and" | "but" | "while" | "whereas"))
        })
        .count()
}

/// The hit of sentence `i`: `Ok` with a route, `Err` with an unclear answer when the topic is
/// squarely there but no role is sent the matter, `None` when off the topic.
fn hit(view: &View<'_>, t: &Topic, i: usize) -> Option<Result<Hit, Found>> {
    let s = &view.sentences[i];
    // Most sentences name no role: nothing to answer with, nothing to look up (a spokesperson
    // word may yet give a councillor's office a part, so any role will do).
    if s.named.is_empty() || excluded(s, t) || (any(&s.toks, t.theme) && !any(&s.toks, t.strong)) {
        return None;
    }
    // Another text named here or in the heading, and not this one: "The ruling of the Chair on
    // the interpretation of Standing Orders".
    if !t.foreign.is_empty()
        && (any(&s.toks, t.foreign) || any(view.heading(s), t.foreign))
        && !any(&s.toks, t.own)
    {
        return None;
    }
    let mut slots = s.slots.clone();
    if let Some(cue) = first(&s.toks, t.speakers) {
        // An office listed with such a speaker ("the Leader and the Chief Executive") speaks too.
        let mut last_speaker: Option<usize> = None;
        for (n, sl) in s.named.iter().zip(slots.iter_mut()) {
            let councillor = role(&n.mention.role).is_some_and(|r| r.party == Party::Councillor);
            let listed = last_speaker.is_some_and(|end| {
                end < n.tok && (end..n.tok).all(|k| matches!(s.toks.word(k), "and" | "or" | "the"))
            });
            if sl.class == Class::Other && (councillor || listed) {
                sl.class = Class::Speak;
                sl.cue.clone_from(&cue);
            }
            last_speaker = (sl.class == Class::Speak).then_some(n.tok_end);
        }
    }
    // A table's row names its contact for the row's business only: "Press cuttings and media
    // monitoring: the Communications Team" names no one who speaks.
    if !t.action.is_empty() && !any(&s.toks, t.action) {
        for sl in slots
            .iter_mut()
            .filter(|sl| sl.cue == TABLE_ROW && sl.class == Class::Send)
        {
            sl.class = Class::Other;
        }
    }
    let decided = slots
        .iter()
        .any(|sl| !sl.negated && matches!(sl.class, Class::Decide | Class::Judge));
    if decided {
        for sl in slots
            .iter_mut()
            .filter(|sl| t.outranked.contains(&sl.class))
        {
            sl.class = Class::Other;
        }
    }
    if !t.send_needs.is_empty() && !any(&s.toks, t.send_needs) {
        for sl in slots.iter_mut().filter(|sl| sl.class == Class::Send) {
            sl.class = Class::Other;
        }
    }
    // A sentence that sends the matter to no role can only be "mentioned, unclear", and only
    // with its topic in the sentence itself: nothing around it need be looked up.
    let routable = slots
        .iter()
        .any(|sl| !sl.negated && t.classes.contains(&sl.class));
    let mut score = 0;
    let mut around = false;
    let mut next = false;
    let mut topic = Vec::new();
    for g in t.groups {
        let (cue, place) = if routable {
            met(view, i, g)?
        } else {
            (first(&s.toks, g.cues)?, "sentence")
        };
        if place == "sentence" {
            score += 1;
        } else {
            around = true;
            next |= place == "next sentence";
        }
        topic.push(format!("“{cue}” ({place})"));
    }
    // A topic met around the sentence needs the sentence to carry on with it; met in the next
    // sentence ("They will decide whether ..."), that sentence may say the business.
    let business = carries_on(s, t.action)
        || (next
            && view
                .sentences
                .get(i + 1)
                .is_some_and(|n| any(&n.toks, t.action)));
    if around && !t.action.is_empty() && !business {
        return None;
    }
    let mut route = Route::default();
    add_kept(s, &slots, t.classes, &mut route, &|_| true, false);
    // Roles that only advise, where the sentence says the matter is decided by no one named
    // ("will be resolved in accordance with the Procedure Rules, with advice from the
    // Monitoring Officer"): who decides is not said.
    let advisers_only = slots
        .iter()
        .filter(|sl| !sl.negated && t.classes.contains(&sl.class))
        .all(|sl| sl.class == Class::Consult);
    if advisers_only && decided_by_no_one(s) {
        route = Route::default();
    }
    let weak = !t.alone_weak.is_empty()
        && slots
            .iter()
            .filter(|sl| !sl.negated && t.classes.contains(&sl.class))
            .all(|sl| t.alone_weak.contains(&sl.class))
        && !any(&s.toks, GATES);
    if route.is_empty() {
        let named = s.named.iter().zip(&slots).any(|(_, sl)| !sl.negated);
        if around || !named {
            return None;
        }
        return Some(Err(Found {
            route,
            clauses: vec![view.clause_of(s).id.clone()],
            evidence: s.text.clone(),
            why: format!(
                "{}: topic {}, but no role the matter goes to",
                view.clause_of(s).id,
                topic.join(", ")
            ),
        }));
    }
    let mut used = vec![i];
    if t.escalate {
        escalate(
            view,
            i,
            &mut route,
            &mut used,
            t.classes,
            &|_, _| true,
            &|_| false,
        );
    }
    score += usize::from(any(&s.toks, t.strong)) + route.roles().len() + usize::from(!around);
    Some(Ok(Hit {
        sentence: i,
        score,
        route,
        used,
        topic: topic.join(", "),
        weak,
    }))
}

/// Words that make a request or invitation a gate: nothing happens without it.
const GATES: &[&str] = &["only", "unless", "except", "without"];

/// Participles of deciding, which with no role after "by" leave the decider unsaid.
const DECIDED: &[&str] = &["resolved", "determined", "decided", "settled", "dealt"];

/// True when a sentence says a matter is decided but names no one who decides it: a passive of
/// deciding with no "by", or a decision made "in accordance with" rules.
fn decided_by_no_one(s: &Sentence) -> bool {
    let toks = &s.toks;
    (1..toks.len()).any(|k| {
        let passive = is_any(toks.word(k), DECIDED)
            && matches!(toks.word(k - 1), "be" | "been" | "is" | "are")
            && toks.word(k + 1) != "by";
        passive || (toks.word(k) == "accordance" && toks.word(k + 1) == "with")
    })
}

/// True when a sentence carries on a topic met around it: it holds one of the action words or
/// points back.
pub(crate) fn carries_on(s: &Sentence, action: &[&str]) -> bool {
    // An item's own words, without its lead-in (most sentences are their own words).
    let has_action = if s.own == 0 {
        any(&s.toks, action)
    } else {
        any(
            &Words::new(&s.text[s.toks.get(s.own).map_or(0, |t| t.start)..]),
            action,
        )
    };
    has_action
        || s.own_words()
            .iter()
            .take(6)
            .any(|t| is_any(&t.lower, POINTERS))
}

/// Adds the roles of a sentence that do what `classes` asks (and that `keep` accepts, and
/// are not negated) to the route, each joined by the words before it. `prev_end` is where the
/// last step's role ended in this sentence (`None` when the sentence is a new one after it).
pub(crate) fn add_kept(
    s: &Sentence,
    slots: &[Slot],
    classes: &[Class],
    route: &mut Route,
    keep: &dyn Fn(usize) -> bool,
    continuing: bool,
) -> bool {
    let from = route.len();
    let about: Vec<(usize, String)> = s
        .named
        .iter()
        .zip(slots)
        .filter(|(_, sl)| sl.class == Class::About)
        .map(|(n, _)| (n.tok, n.mention.role.clone()))
        .collect();
    let mut prev_end: Option<usize> = None;
    let mut added = false;
    let mut times = Vec::new();
    for (m, (n, sl)) in s.named.iter().zip(slots).enumerate() {
        if sl.negated || !classes.contains(&sl.class) || !keep(m) {
            continue;
        }
        // One who passes the matter on ("the Clerk should refer it instead to ...", "the Group
        // Leader may refer the request to ...") is a step only if the matter came to them: on
        // a route begun without them, they are the one who raised it, not a stop on its way.
        if sl.class == Class::Send
            && passes_on(&sl.cue)
            && !route.is_empty()
            && !route.has(&n.mention.role)
        {
            continue;
        }
        let start = prev_end.unwrap_or(s.own.min(n.tok));
        let join = relation(
            s,
            start,
            n.tok,
            &about,
            route.last(),
            prev_end.is_none() && continuing,
        );
        // A condition after the step: "or to the Personnel Committee where the Chairman is
        // involved" turns the step on the one it names.
        let join = match join {
            Join::IfAbout(_) => join,
            other => trailing_about(s, m, &about).map_or(other, Join::IfAbout),
        };
        // A role whose advice or view is taken ("after taking the advice of the Clerk", "may
        // seek the view of") is consulted, whatever words stand between; one brought in ("who
        // may involve the Monitoring Officer") is a next step.
        // An "or" elsewhere in the sentence ("If an Executive Director considers the cost, or
        // the nature of the request, unreasonable, they shall seek guidance from the
        // Monitoring Officer") makes no choice between one who acts and one consulted; between
        // two consulted it does ("advice from the Monitoring Officer or the Chief Executive").
        let join = match join {
            Join::Then | Join::Next | Join::And | Join::Comma
                if sl.class == Class::Consult && !sl.cue.contains("involv") =>
            {
                Join::Consulting
            }
            Join::Or
                if sl.class == Class::Consult
                    && !sl.cue.contains("involv")
                    && !route.is_empty()
                    && !route.last_is_consulted() =>
            {
                Join::Consulting
            }
            other => other,
        };
        let before = route.len();
        route.push(&n.mention, join, sl.cue.clone());
        // A role already on the route is no new step: the next step reads its words from the
        // last step added ("If the matter concerns the Leader, the Director will refer it to
        // the Chief Executive").
        if route.len() > before {
            added = true;
            times.push(time_of(s, n.tok));
            if sl.class == Class::Consult {
                route.mark_last_consulted();
            }
            prev_end = Some(n.tok_end);
        }
    }
    route.settle_commas(from);
    route.in_time_order(from, &times);
    // A consulted role named before the one who decides goes after it.
    if from == 0 {
        route.consulted_last();
    }
    added
}

/// The role a condition straight after step `m` is about ("to the Personnel Committee where
/// the Chairman is involved"), when the condition opens with "where", "if", "when" or
/// "unless" before any other role, stop or semicolon, and names a role other than the step's.
fn trailing_about(s: &Sentence, m: usize, about: &[(usize, String)]) -> Option<String> {
    let n = &s.named[m];
    let next_role = s.named.get(m + 1).map_or(s.toks.len(), |x| x.tok);
    let (at, role) = about
        .iter()
        .find(|(k, r)| *k > n.tok && *k <= next_role && *r != n.mention.role)?;
    let opens =
        (n.tok_end..*at).any(|k| matches!(s.toks.word(k), "where" | "if" | "when" | "unless"));
    let stopped = (n.tok_end + 1..=*at).any(|k| {
        let gap = &s.text[s.toks[k - 1].end..s.toks[k].start];
        gap.contains([';', '.', ':'])
    });
    (opens && !stopped && *at - n.tok_end <= 4).then(|| role.clone())
}

/// Words that open a sentence carrying a matter on: "If ...", "Where ...", "Failing that".
const OPENERS: &[&str] = &[
    "if",
    "where",
    "when",
    "whenever",
    "should",
    "failing",
    "unless",
    "after",
    "then",
    "thereafter",
    "alternatively",
    "otherwise",
    "subsequently",
    "further",
    "finally",
    "ultimately",
    // The stages of a table in prose: "Next step: the Service Director. Final stage: ...".
    "next",
    "final",
    "last",
    "second",
    "third",
    "any",
    "in",
    "a",
    "an",
    "complaints",
    "concerns",
    // The next row of a table in prose: "Concern about a Director: the Chief Executive."
    "complaint",
    "concern",
    "for",
];
/// Phrases that carry a matter on wherever they stand in a sentence.
const CARRY_ON: &[&str] = &[
    "escalat*",
    "may then",
    "will then",
    "should then",
    "may refer",
    "will refer",
    "may be referred",
    "will be referred",
    "refer it",
    "refer the matter",
    "not resolved",
    "unresolved",
    "remains dissatisfied",
    "still dissatisfied",
    "remain dissatisfied",
    "not satisfied",
    // "A councillor who disagrees with the Clerk's decision may ask ...".
    "disagree*",
    // "A member who does not accept the Chief Executive's judgement may ask ...", "Should a
    // councillor dispute the Monitoring Officer's view, ...": the ruling before is contested.
    // Said of the ruling before, not of a new matter ("a councillor dissatisfied with the
    // conduct of an officer" opens a complaint of its own).
    "not accept",
    "unhappy with that",
    "unhappy with this",
    "unhappy with the decision",
    "unhappy with the outcome",
    "unhappy with the ruling",
    "dissatisfied with that",
    "dissatisfied with this",
    "dissatisfied with the decision",
    "dissatisfied with the outcome",
    "dissatisfied with the ruling",
    "dispute the",
    "disputes the",
    "dispute that",
    "disputes that",
    "dispute this",
    "challenge the",
    "challenges the",
    "appeal",
    "failing that",
    "after that",
    "next step",
];

/// Words that open a clause carrying on the matter of the clause before: a condition or a
/// word of sequence ("If the complaint concerns the Chief Officer, ...", "Failing that, ...").
/// A clause that opens on a new case ("A complaint about the Town Clerk is made to ...") is a
/// rule of its own.
const CLAUSE_OPENERS: &[&str] = &[
    "if",
    "where",
    "when",
    "whenever",
    "should",
    "failing",
    "unless",
    "then",
    "thereafter",
    "alternatively",
    "otherwise",
    "subsequently",
    "finally",
    "ultimately",
];

/// True when the first sentence of a later clause carries on the matter of a route: it
/// escalates it ("If the matter is not resolved, ...") or turns on whom it concerns ("If the
/// complaint is about the Chief Officer, ..."). A later clause opening on another case of the
/// matter ("Where the concern is that the Code of Conduct was broken, it may also be made to
/// ...") is a rule of its own.
fn clause_continues(s: &Sentence, slots: &[Slot]) -> bool {
    let own = s.own_words();
    let opener = own
        .first()
        .is_some_and(|t| CLAUSE_OPENERS.contains(&&*t.lower));
    any(&s.toks, CARRY_ON) || (opener && slots.iter().any(|sl| sl.class == Class::About))
}

/// True when sentence `j` carries on the matter of a route: it opens with a condition or a
/// word of sequence, holds a phrase of escalation, or its subject is a role on the route ("The
/// Town Clerk may, where the matter is serious, refer it to ...").
pub(crate) fn continues(s: &Sentence, slots: &[Slot], route: &Route) -> bool {
    let own = s.own_words();
    let opener = own.first().is_some_and(|t| {
        OPENERS.contains(&&*t.lower)
            && match &*t.lower {
                // "In the event", "In the case of", not "In general".
                "in" => own
                    .get(1)
                    .is_some_and(|n| matches!(&*n.lower, "the" | "that" | "any" | "such")),
                // "A complaint about the Chief Officer ...", "Complaints about ...": a case of
                // the matter.
                "a" | "an" | "any" | "complaints" | "concerns" | "for" => {
                    slots.iter().any(|sl| sl.class == Class::About)
                }
                _ => true,
            }
    });
    // "They will decide with the Monitoring Officer what happens next": a pronoun subject
    // points back to the last step.
    let pronoun = own
        .first()
        .is_some_and(|t| matches!(&*t.lower, "they" | "he" | "she"))
        && !route.is_empty();
    if opener || pronoun || any(&s.toks, CARRY_ON) {
        return true;
    }
    // The subject is a role already on the route (in the item's own words: a lead-in's
    // subject is every item's, and carries no one item on).
    s.named.first().zip(slots.first()).is_some_and(|(n, sl)| {
        route.has(&n.mention.role)
            && n.tok <= s.own + 2
            && (s.own == 0 || n.tok >= s.own)
            && !matches!(sl.class, Class::About)
    })
}

/// Follows the sentences after sentence `i` in its clause (its items included), then the
/// clauses after it in its section, while they carry the matter on, adding the roles they send
/// it to.
pub(crate) fn escalate(
    view: &View<'_>,
    i: usize,
    route: &mut Route,
    used: &mut Vec<usize>,
    classes: &[Class],
    keep: &dyn Fn(&Sentence, usize) -> bool,
    stop: &dyn Fn(&Sentence) -> bool,
) {
    let s = &view.sentences[i];
    let mut clause = s.clause;
    let mut j = i + 1;
    let lead_is_list = !view.clauses[s.clause].clause.items.is_empty();
    loop {
        if j >= view.sentences.len() {
            break;
        }
        let next = &view.sentences[j];
        if stop(next) {
            break;
        }
        if next.clause != clause {
            // The next clause of the section carries on only when its first sentence does.
            if view.next_in_section(clause) != Some(next.clause) {
                break;
            }
            let sl = &next.slots;
            let routes = next.named.iter().zip(sl).any(|(_, x)| x.class.routes());
            if !clause_continues(next, sl) || !routes {
                break;
            }
            clause = next.clause;
        }
        let sl = &next.slots;
        // Items of a lead-in whose subject is a role ("the Monitoring Officer will: (a) advise
        // ...; (b) decide ...; (c) report breaches to the Standards Committee") are that role's
        // several duties, not the steps of one route: an item carries the route on only as a
        // sentence would.
        let duties = next.named.iter().any(|n| n.tok < next.own);
        let in_list = next.item && lead_is_list && next.clause == s.clause && !duties;
        let routed = next
            .named
            .iter()
            .zip(sl)
            .enumerate()
            .any(|(m, (_, x))| classes.contains(&x.class) && !x.negated && keep(next, m));
        if routed {
            if !(in_list || continues(next, sl, route)) {
                break;
            }
            let keep_m = |m: usize| keep(next, m);
            if add_kept(next, sl, classes, route, &keep_m, true) {
                used.push(j);
            }
        }
        j += 1;
    }
}

/// Turns the hits into one answer: the best hit's route (or, combining, every hit's), its
/// clause first, then the clauses that support it.
pub(crate) fn gather(view: &View<'_>, hits: Vec<Hit>, combine: bool) -> Option<Found> {
    let best = hits
        .iter()
        .enumerate()
        .max_by_key(|(k, h)| (h.score, std::cmp::Reverse(*k)))
        .map(|(k, _)| k)?;
    // A ladder starts at its first rung: an earlier hit whose route runs on into the best one
    // ("Tell your manager. If ..., go to the Town Clerk.") is the answer.
    let best = if combine {
        best
    } else {
        hits.iter()
            .position(|h| h.sentence < hits[best].sentence && h.used.contains(&hits[best].sentence))
            .unwrap_or(best)
    };
    let main = &hits[best];
    let id = |h: &Hit| view.clause_of(&view.sentences[h.sentence]).id.clone();
    let mut clauses = vec![id(main)];
    let mut route = if combine {
        Route::default()
    } else {
        main.route.clone()
    };
    let mut whys = vec![format!(
        "{}: topic {}; {}",
        id(main),
        main.topic,
        main.route.why()
    )];
    for h in &hits {
        let supports = combine || main.route.covers(&h.route);
        if !supports {
            continue;
        }
        if combine {
            route.extend(&h.route);
        }
        let c = id(h);
        if !clauses.contains(&c) {
            if combine {
                whys.push(format!("{c}: {}", h.route.why()));
            }
            clauses.push(c);
        }
    }
    let evidence = main
        .used
        .iter()
        .map(|&u| view.sentences[u].text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some(Found {
        route,
        clauses,
        evidence,
        why: whys.join(" | "),
    })
}
