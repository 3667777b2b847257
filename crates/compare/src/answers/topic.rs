//! The generic route rule: a sentence is on a question's topic when each group of topic cues
//! matches in it (some groups may also be met by the headings above it), it holds one of the
//! question's routing verbs, and it names roles. The best such sentence (most cues, most roles,
//! first in the document on a tie) gives the route; conditional sentences after it that route
//! further extend it ("Where necessary, the Leader ... will determine"); other sentences giving
//! no new role are cited as support. A question whose answer is a set of people rather than a
//! ladder (who speaks to the media) combines every matching sentence, in document order.

use super::route::Route;
use super::text::{Named, Sentence, View, any, conditional, count};

/// A question's cues and how its route is read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Topic {
    /// Groups of cues: every group must match in the sentence (or in the one before it, with
    /// `look_back`).
    pub groups: &'static [&'static [&'static str]],
    /// Indexes of groups that a heading above the sentence may satisfy instead.
    pub heading_groups: &'static [usize],
    /// Cues that name the topic outright and weigh one more.
    pub strong: &'static [&'static str],
    /// Routing and deciding verbs, one of which the sentence must hold; none for no such need.
    pub routing: &'static [&'static str],
    /// The topic may be named in the sentence before, in the same paragraph ("The crucial
    /// question is the determination of the need to know. This question must be determined
    /// by the Clerk.").
    pub look_back: bool,
    /// Follow conditional sentences after the main one that route further.
    pub escalate: bool,
    /// Combine every matching sentence in document order.
    pub combine: bool,
}

/// What a rule found: the route, the clauses (main first) and the evidence.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub route: Route,
    pub clauses: Vec<String>,
    pub evidence: String,
}

/// One sentence that matched, with the route it gives.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub sentence: usize,
    pub score: usize,
    pub route: Route,
    pub used: Vec<usize>,
}

/// Finds a topic's route in a document.
pub(crate) fn find(view: &View<'_>, t: &Topic) -> Option<Found> {
    let hits: Vec<Hit> = (0..view.sentences.len())
        .filter_map(|i| hit(view, t, i))
        .collect();
    gather(view, hits, t.combine)
}

fn hit(view: &View<'_>, t: &Topic, i: usize) -> Option<Hit> {
    let s = &view.sentences[i];
    let prev = (t.look_back && s.index > 0)
        .then(|| i.checked_sub(1).map(|p| &view.sentences[p]))
        .flatten()
        .filter(|p| p.unit == s.unit);
    let heads = &view.headings[s.clause];
    let mut score = 0;
    for (g, cues) in t.groups.iter().enumerate() {
        if any(&s.toks, cues) {
            score += 1;
        } else if prev.is_some_and(|p| any(&p.toks, cues))
            || (t.heading_groups.contains(&g) && any(heads, cues))
        {
            // Met, but not in the sentence itself: weighs nothing.
        } else {
            return None;
        }
    }
    if !t.routing.is_empty() && !any(&s.toks, t.routing) {
        return None;
    }
    let mut route = Route::default();
    route.add(s, |_| true, false);
    if route.is_empty() {
        return None;
    }
    let mut used = vec![i];
    if t.escalate {
        escalate(view, i, &mut route, &mut used, t.routing, &|_, _| true);
    }
    score += count(&s.toks, t.strong) + usize::from(!t.routing.is_empty()) + route.roles().len();
    Some(Hit {
        sentence: i,
        score,
        route,
        used,
    })
}

/// Follows the conditional sentences after sentence `i` in its paragraph that route further.
pub(crate) fn escalate(
    view: &View<'_>,
    i: usize,
    route: &mut Route,
    used: &mut Vec<usize>,
    routing: &[&str],
    keep: &dyn Fn(&Sentence, &Named) -> bool,
) {
    let s = &view.sentences[i];
    for j in i + 1..view.sentences.len() {
        let next = &view.sentences[j];
        if next.unit != s.unit || !conditional(next) {
            break;
        }
        if !routing.is_empty() && !any(&next.toks, routing) {
            continue;
        }
        let before = route.roles().len();
        route.add(next, |n| keep(next, n), true);
        if route.roles().len() > before || next.named.iter().any(|n| keep(next, n)) {
            used.push(j);
        }
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
    let main = &hits[best];
    let id = |h: &Hit| view.clause_of(&view.sentences[h.sentence]).id.clone();
    let mut clauses = vec![id(main)];
    let mut route = if combine {
        Route::default()
    } else {
        main.route.clone()
    };
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
    })
}
