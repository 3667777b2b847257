//! Changing a protocol's answer in its own words (`concord amend`, the Revise page of
//! `concord serve`): given a question and the answer wanted, find the sentence that gives the
//! answer today (the answer's evidence, in its main clause), change only the words that carry
//! it (the roles of a route, the number of a period), and check by reading the document again
//! that the question is now answered as asked and every other answer is as it was. Where the
//! sentence does not hold the answer in words that can be swapped one for one (a route of
//! another length, a number written some other way), or where the edited text reads otherwise,
//! the change is refused naming the clause, to be made by hand.
//!
//! A route keeps its shape: its steps' relations (first, then, or, if-about) stay as the
//! sentence words them, and only the roles change; a route of another length or shape is
//! written by hand.
//!
//! ```
//! use concord_compare::amend::{amend, Change, Target};
//! let doc = concord_model::Document {
//!     sections: vec![concord_model::Section {
//!         number: Some("6".into()),
//!         heading: "When Things Go Wrong".into(),
//!         clauses: vec![concord_model::Clause::new("6.2", Some("6.2".into()),
//!             "If an officer considers that they have not been treated with respect by a \
//!              councillor, they should raise the matter with the Monitoring Officer.".into(), [1, 1])],
//!         ..Default::default()
//!     }],
//!     ..Default::default()
//! };
//! let change = Change {
//!     question: "officer-complaint-about-councillor".into(),
//!     target: Target::Route(vec!["chief-executive".into()]),
//! };
//! let amended = amend(&doc, &[change]).unwrap();
//! assert_eq!(amended.edits[0].clause, "6.2");
//! assert!(amended.edits[0].after.ends_with("raise the matter with the Chief Executive."));
//! ```

use concord_model::roles::Lexicon;
use concord_model::words::SMALL_NUMBERS;
use concord_model::{Clause, Document, Item, Section};

use crate::Error;
use crate::answers::{Answer, Value, answers};

/// The answer wanted for a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Role ids in order.
    Route(Vec<String>),
    /// A number of days; `working` changes the kind of day too when given.
    Days { days: u32, working: Option<bool> },
    /// A review cycle in years.
    Years { years: u32 },
}

/// One change asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The question id.
    pub question: String,
    pub target: Target,
}

/// One clause changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub question: String,
    /// The clause id.
    pub clause: String,
    /// The sentence as it was and as it now reads.
    pub before: String,
    pub after: String,
    /// The answer before and after, in words.
    pub was: String,
    pub now: String,
}

/// The amended document and what was changed.
#[derive(Debug, Clone)]
pub struct Amended {
    pub document: Document,
    pub edits: Vec<Edit>,
}

/// Applies the changes in order. A change whose answer is already the one asked for changes
/// nothing and makes no edit.
pub fn amend(doc: &Document, changes: &[Change]) -> Result<Amended, Error> {
    let mut document = doc.clone();
    let mut edits = Vec::new();
    for change in changes {
        if let Some(edit) = one(&mut document, change)? {
            edits.push(edit);
        }
    }
    Ok(Amended { document, edits })
}

/// A target from the words of `--set QUESTION=VALUE`: a route as role ids joined by `,` (or
/// `>`), a number of days (`10`, `10 working`, `10 calendar`), a number of years.
pub fn parse_target(question: &str, value: &str) -> Result<Target, String> {
    let q = concord_model::questions::question(question)
        .ok_or_else(|| format!("unknown question '{question}'"))?;
    use concord_model::questions::AnswerKind;
    let number = |s: &str| -> Result<u32, String> {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("'{s}' is not a whole number above zero"))
    };
    match q.answer {
        AnswerKind::Route => {
            let roles: Vec<String> = value
                .split([',', '>'])
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect();
            if roles.is_empty() {
                return Err("a route names at least one role".into());
            }
            for r in &roles {
                if !concord_model::roles::is_role(r) {
                    return Err(format!("unknown role '{r}'"));
                }
            }
            Ok(Target::Route(roles))
        }
        AnswerKind::Days => {
            let mut words = value.split_whitespace();
            let days = number(words.next().unwrap_or(""))?;
            let working = match words.next() {
                None => None,
                Some("working") => Some(true),
                Some("calendar") => Some(false),
                Some(w) => return Err(format!("'{w}': write working or calendar")),
            };
            Ok(Target::Days { days, working })
        }
        AnswerKind::Years => Ok(Target::Years {
            years: number(value)?,
        }),
        AnswerKind::Forbidden => Err(format!(
            "'{question}' is changed by adding or taking out a prohibition, which Concord does not write for you; edit the clause by hand"
        )),
    }
}

fn refuse(clause: Option<&str>, message: String) -> Error {
    Error::Amend {
        clause: clause.map(str::to_string),
        message,
    }
}

fn one(doc: &mut Document, change: &Change) -> Result<Option<Edit>, Error> {
    let q = change.question.as_str();
    let all = answers(doc);
    let Some((_, answer)) = all.iter().find(|(id, _)| *id == q) else {
        return Err(refuse(None, format!("unknown question '{q}'")));
    };
    let Some(answer) = answer.clone() else {
        return Err(refuse(
            None,
            format!(
                "the protocol does not answer '{q}', so there are no words to change; add a clause for it by hand"
            ),
        ));
    };
    if answer.unclear {
        return Err(refuse(
            answer.clauses.first().map(String::as_str),
            format!(
                "the protocol mentions '{q}' but does not say who or how much, so there are no words to change; write them by hand"
            ),
        ));
    }
    if already(&answer, &change.target) {
        return Ok(None);
    }
    let clause_id = answer
        .clauses
        .first()
        .cloned()
        .ok_or_else(|| refuse(None, format!("the answer to '{q}' names no clause")))?;
    let at = Some(clause_id.as_str());
    let sentence = answer.evidence.clone();
    let kind = doc.meta.kind.clone();
    let new_sentence = match &change.target {
        Target::Route(route) => {
            route_edit(&sentence, &answer, route, kind.as_deref()).map_err(|m| refuse(at, m))?
        }
        Target::Days { days, working } => {
            let Some(Value::Days {
                days: old,
                working: was,
            }) = &answer.value
            else {
                return Err(refuse(
                    at,
                    format!("'{q}' is not answered by a number of days"),
                ));
            };
            let mut s =
                number_edit(&sentence, *old, *days, &["day", "days"]).map_err(|m| refuse(at, m))?;
            if let Some(w) = working
                && w != was
            {
                s = working_edit(&s, *w).map_err(|m| refuse(at, m))?;
            }
            s
        }
        Target::Years { years } => {
            let Some(Value::Years { years: old, .. }) = &answer.value else {
                return Err(refuse(
                    at,
                    format!("'{q}' is not answered by a number of years"),
                ));
            };
            number_edit(&sentence, *old, *years, &["year", "years"]).map_err(|m| refuse(at, m))?
        }
    };
    let clause = clause_mut(&mut doc.sections, &clause_id).ok_or_else(|| {
        refuse(
            at,
            "the clause the answer cites is not in the document".into(),
        )
    })?;
    if !replace_in(clause, &sentence, &new_sentence) {
        return Err(refuse(
            at,
            "the sentence the answer comes from is not written in the clause as one piece (it runs across items or lines); edit the clause by hand".into(),
        ));
    }
    // Read the amended text again: the question must now be answered as asked, and nothing
    // else may have changed.
    let after = answers(doc);
    for ((id, before), (_, now)) in all.iter().zip(&after) {
        if *id == q {
            let ok = now.as_ref().is_some_and(|a| already(a, &change.target));
            if !ok {
                let got = now
                    .as_ref()
                    .map_or_else(|| "no answer".to_string(), |a| a.summary.clone());
                return Err(refuse(
                    at,
                    format!(
                        "after the edit Concord reads '{q}' as {got}, not as asked: the text is too tangled to change safely; edit the clause by hand"
                    ),
                ));
            }
        } else {
            let same = match (before, now) {
                (Some(b), Some(n)) => !b.differs_from(n),
                (None, None) => true,
                _ => false,
            };
            if !same {
                return Err(refuse(
                    at,
                    format!(
                        "the edit would also change the answer to '{id}', which shares the sentence; edit the clause by hand"
                    ),
                ));
            }
        }
    }
    let now = after
        .iter()
        .find(|(id, _)| *id == q)
        .and_then(|(_, a)| a.as_ref())
        .map_or_else(String::new, |a| a.summary.clone());
    Ok(Some(Edit {
        question: q.to_string(),
        clause: clause_id,
        before: sentence,
        after: new_sentence,
        was: answer.summary,
        now,
    }))
}

/// True when `a` already gives the target.
fn already(a: &Answer, target: &Target) -> bool {
    match (target, &a.value) {
        (Target::Route(r), None) => &a.roles == r,
        (
            Target::Days { days, working },
            Some(Value::Days {
                days: d,
                working: w,
            }),
        ) => d == days && working.is_none_or(|x| x == *w),
        (Target::Years { years }, Some(Value::Years { years: y, .. })) => y == years,
        _ => false,
    }
}

/// The sentence with the old route's roles swapped one for one for the new route's.
fn route_edit(
    sentence: &str,
    answer: &Answer,
    route: &[String],
    kind: Option<&str>,
) -> Result<String, String> {
    let old = &answer.roles;
    if old.len() != route.len() {
        return Err(format!(
            "the route there names {} and {} asked for; a route of another length changes the sentence's shape: edit the clause by hand",
            plural(old.len(), "role"),
            plural(route.len(), "role")
        ));
    }
    for r in route {
        if !concord_model::roles::is_role(r) {
            return Err(format!("unknown role '{r}'"));
        }
    }
    let mentions = Lexicon::for_kind(kind).mentions(sentence);
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    let mut from = 0;
    for (role, new) in old.iter().zip(route) {
        let m = mentions
            .iter()
            .find(|m| &m.role == role && m.start >= from)
            .or_else(|| mentions.iter().find(|m| &m.role == role))
            .ok_or_else(|| format!("the sentence does not name the {} itself", role_name(role)))?;
        if spans.iter().any(|(s, _, _)| *s == m.start) {
            return Err(format!(
                "the {} is named once for two steps of the route",
                role_name(role)
            ));
        }
        from = m.end;
        spans.push((m.start, m.end, new));
    }
    spans.sort_by_key(|(s, _, _)| std::cmp::Reverse(*s));
    let mut out = sentence.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, &role_name(new));
    }
    Ok(out)
}

fn role_name(id: &str) -> String {
    concord_model::roles::role(id).map_or_else(|| id.to_string(), |r| r.name.to_string())
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// The words of a sentence with their byte spans.
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push((st, i));
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// The sentence with the number `old` (in digits or words) that counts `units` (within three
/// words before one of them) written as `new`, in the same style; a figure in brackets after a
/// number word (`ten (10)`) changes with it.
fn number_edit(sentence: &str, old: u32, new: u32, units: &[&str]) -> Result<String, String> {
    let ws = words(sentence);
    let text = |(a, b): (usize, usize)| sentence[a..b].to_lowercase();
    let is_old = |w: &str| {
        w.parse::<u32>().ok() == Some(old)
            || SMALL_NUMBERS.get(old as usize).is_some_and(|n| *n == w)
    };
    let mut found: Option<usize> = None;
    for (i, w) in ws.iter().enumerate() {
        if !is_old(&text(*w)) {
            continue;
        }
        let counts = ws[i + 1..]
            .iter()
            .take(4)
            .any(|u| units.contains(&text(*u).as_str()));
        if counts {
            // `ten (10)` gives the number once, in words and in figures.
            if let Some(f) = found
                && f + 1 == i
                && sentence[ws[f].1..ws[i].0].trim() == "("
            {
                continue;
            }
            if found.is_some() {
                return Err(format!("the sentence gives {old} {} twice", units[1]));
            }
            found = Some(i);
        }
    }
    let i = found.ok_or_else(|| {
        format!(
            "the sentence does not write the {} as a number Concord can change",
            units[1]
        )
    })?;
    let (start, end) = ws[i];
    let was = &sentence[start..end];
    let as_digits = was.chars().all(|c| c.is_ascii_digit());
    let word = |n: u32| SMALL_NUMBERS.get(n as usize).map(|w| w.to_string());
    let replacement = if as_digits {
        new.to_string()
    } else {
        let w = word(new).unwrap_or_else(|| new.to_string());
        if was.chars().next().is_some_and(char::is_uppercase) {
            let mut c = w.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        } else {
            w
        }
    };
    let mut out = sentence.to_string();
    // `ten (10) working days`: the figure in brackets follows the word.
    if !as_digits
        && let Some(&(ns, ne)) = ws.get(i + 1)
        && sentence[end..ns].trim() == "("
        && sentence[ne..].starts_with(')')
        && sentence[ns..ne].parse::<u32>().ok() == Some(old)
    {
        out.replace_range(ns..ne, &new.to_string());
    }
    out.replace_range(start..end, &replacement);
    // "1 day" and "2 days": the unit follows the number.
    Ok(fix_unit(&out, start + replacement.len(), new, units))
}

/// After a number changed, "day"/"days" (or years) agrees with it.
fn fix_unit(s: &str, from: usize, n: u32, units: &[&str]) -> String {
    let ws = words(&s[from..]);
    for &(a, b) in ws.iter().take(4) {
        let w = &s[from + a..from + b];
        let lower = w.to_lowercase();
        if units.contains(&lower.as_str()) {
            let want = if n == 1 { units[0] } else { units[1] };
            let mut out = s.to_string();
            out.replace_range(from + a..from + b, want);
            return out;
        }
    }
    s.to_string()
}

/// The sentence with "working" put before its "day(s)", or taken out.
fn working_edit(s: &str, working: bool) -> Result<String, String> {
    let ws = words(s);
    let lower = |(a, b): (usize, usize)| s[a..b].to_lowercase();
    let day = ws
        .iter()
        .position(|w| matches!(lower(*w).as_str(), "day" | "days"))
        .ok_or("the sentence names no days")?;
    let mut out = s.to_string();
    if working {
        let (a, _) = ws[day];
        out.insert_str(a, "working ");
    } else {
        let prev = day.checked_sub(1).map(|p| ws[p]);
        match prev {
            Some((a, b)) if matches!(lower((a, b)).as_str(), "working" | "business") => {
                out.replace_range(a..ws[day].0, "");
            }
            _ => {
                return Err(
                    "the sentence does not say working days in a way Concord can change".into(),
                );
            }
        }
    }
    Ok(out)
}

/// The clause with this id, anywhere in the document.
fn clause_mut<'d>(sections: &'d mut [Section], id: &str) -> Option<&'d mut Clause> {
    fn in_clauses<'d>(cs: &'d mut [Clause], id: &str) -> Option<&'d mut Clause> {
        for c in cs {
            if c.id == id {
                return Some(c);
            }
            if let Some(found) = in_clauses(&mut c.clauses, id) {
                return Some(found);
            }
        }
        None
    }
    for s in sections {
        if let Some(c) = in_clauses(&mut s.clauses, id) {
            return Some(c);
        }
        if let Some(c) = clause_mut(&mut s.sections, id) {
            return Some(c);
        }
    }
    None
}

/// Replaces `old` with `new` once in the clause's text or one of its items; true when done.
fn replace_in(clause: &mut Clause, old: &str, new: &str) -> bool {
    fn in_items(items: &mut [Item], old: &str, new: &str) -> bool {
        for it in items {
            if let Some(at) = it.text.find(old) {
                it.text.replace_range(at..at + old.len(), new);
                return true;
            }
            if in_items(&mut it.items, old, new) {
                return true;
            }
        }
        false
    }
    if old.is_empty() {
        return false;
    }
    if let Some(at) = clause.text.find(old) {
        clause.text.replace_range(at..at + old.len(), new);
        return true;
    }
    in_items(&mut clause.items, old, new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(clauses: &[(&str, &str)], kind: &str) -> Document {
        Document {
            meta: concord_model::Meta {
                kind: Some(kind.into()),
                ..Default::default()
            },
            sections: vec![Section {
                number: Some("6".into()),
                heading: "Complaints and Correspondence".into(),
                clauses: clauses
                    .iter()
                    .map(|(id, t)| Clause::new(id, Some((*id).into()), (*t).into(), [1, 1]))
                    .collect(),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    fn route(q: &str, roles: &[&str]) -> Change {
        Change {
            question: q.into(),
            target: Target::Route(roles.iter().map(|r| r.to_string()).collect()),
        }
    }

    #[test]
    fn a_route_changes_only_the_roles_and_reads_back_as_asked() {
        let d = doc(
            &[(
                "6.2",
                "If an officer considers that they have not been treated with respect by a councillor, they should raise the matter with the Monitoring Officer.",
            )],
            "district",
        );
        let a = amend(
            &d,
            &[route(
                "officer-complaint-about-councillor",
                &["chief-executive"],
            )],
        )
        .unwrap();
        assert_eq!(a.edits.len(), 1);
        let e = &a.edits[0];
        assert_eq!(e.clause, "6.2");
        assert_eq!(
            e.after,
            "If an officer considers that they have not been treated with respect by a councillor, they should raise the matter with the Chief Executive."
        );
        // Asking again changes nothing.
        let again = amend(
            &a.document,
            &[route(
                "officer-complaint-about-councillor",
                &["chief-executive"],
            )],
        )
        .unwrap();
        assert!(again.edits.is_empty());
    }

    #[test]
    fn a_route_of_another_length_is_refused_naming_the_clause() {
        let d = doc(
            &[(
                "6.2",
                "If an officer considers that they have not been treated with respect by a councillor, they should raise the matter with the Monitoring Officer.",
            )],
            "district",
        );
        let e = amend(
            &d,
            &[route(
                "officer-complaint-about-councillor",
                &["chief-executive", "monitoring-officer"],
            )],
        )
        .unwrap_err();
        let s = e.to_string();
        assert!(s.starts_with("clause 6.2: "), "{s}");
        assert!(s.contains("another length"), "{s}");
    }

    #[test]
    fn a_period_changes_its_number_in_the_style_it_is_written() {
        let d = doc(
            &[(
                "7.1",
                "Officers should respond to correspondence from councillors within ten (10) working days of receipt.",
            )],
            "district",
        );
        let q = "response-time";
        let a = amend(
            &d,
            &[Change {
                question: q.into(),
                target: Target::Days {
                    days: 5,
                    working: None,
                },
            }],
        );
        match a {
            Ok(a) => {
                assert_eq!(a.edits.len(), 1, "{:?}", a.edits);
                assert!(
                    a.edits[0].after.contains("within five (5) working days"),
                    "{}",
                    a.edits[0].after
                );
            }
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn parse_targets() {
        assert_eq!(
            parse_target(
                "officer-complaint-about-councillor",
                "chief-executive, monitoring-officer"
            ),
            Ok(Target::Route(vec![
                "chief-executive".into(),
                "monitoring-officer".into()
            ]))
        );
        assert_eq!(
            parse_target("response-time", "5 working"),
            Ok(Target::Days {
                days: 5,
                working: Some(true)
            })
        );
        assert!(parse_target("response-time", "five").is_err());
        assert!(parse_target("blind-copies", "true").is_err());
        assert!(parse_target("officer-complaint-about-councillor", "nobody").is_err());
        assert!(parse_target("no-such-question", "x").is_err());
    }
}
