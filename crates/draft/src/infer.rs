//! Reading a council's choices back from its protocol: the options file that would draft a
//! protocol making the same choices (`concord options --from FILE`).
//!
//! The answers themselves are read by `concord-compare`; this module is given them as
//! [`Reading`]s (one per question, in the options' vocabulary) together with the document, and
//! decides the rest from the text: the council's name, kind and adoption date from its `meta`,
//! "councillor" or "member" from the words the text uses most, the principal council of a
//! local council from "the Monitoring Officer of ... Council", and which optional sections to
//! draft from the headings (a section is on when a heading names its topic or when a question
//! that only that section asks is answered). [`options_toml`] writes it all as TOML that
//! [`crate::validate::parse`] accepts: every answer with a `# from clause ...` comment quoting
//! its evidence, and every question the text does not answer (or answers in a way the options
//! cannot say, such as a role this kind of council does not have) left out with a
//! `# unknown: ...` comment, so drafting falls back to the kind's default for it.

use std::fmt::Write as _;

use concord_model::{Clause, Document, Section};

use crate::catalogue::{self, AnswerKind, Shape};
use crate::options::{Answer, default_answers, default_review_body};

/// One question's answer as a protocol gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The question id.
    pub question: String,
    /// `None` when the text does not answer it.
    pub found: Option<Found>,
}

/// An answer found in the text, with where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub choice: Choice,
    /// The clauses it comes from, the main one first.
    pub clauses: Vec<String>,
    /// The sentence it comes from.
    pub evidence: String,
    /// For a route, how each step follows the one before, as the answers type it ("first",
    /// "then", "or", "if-about"); empty for a value.
    pub relations: Vec<String>,
}

/// An answer in the shape its question takes. Unlike [`Answer`], a review cycle may name no
/// body: the text need not say who reviews it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Route(Vec<String>),
    Days { days: u32, working: bool },
    Years { years: u32, body: Option<String> },
    Forbidden { forbidden: bool },
}

/// Topic words in headings, per optional section: a heading holding one of them means the
/// protocol has such a section. Words match whole (lowercased), or as a prefix where they end
/// in `*`.
const SECTION_CUES: &[(&str, &[&str])] = &[
    (
        "political-groups",
        &[
            "political group*",
            "party group*",
            "group meeting*",
            "political parties",
        ],
    ),
    (
        "ward-members",
        &[
            "ward*",
            "local councillor*",
            "local member*",
            "division member*",
            "divisional member*",
        ],
    ),
    ("media", &["media", "press", "publicity"]),
    ("training", &["training", "induction"]),
    (
        "ceremonial-events",
        &["ceremonial", "civic event*", "civic functions"],
    ),
];

/// Longest evidence quoted in a comment; longer sentences are cut at a word.
const MAX_QUOTE: usize = 160;

/// The options file reproducing a protocol's choices. `source` names the file read, for the
/// header comment.
pub fn options_toml(doc: &Document, readings: &[Reading], source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Options read from {} by `concord options --from`.",
        one_line(source)
    );
    out.push_str(
        "# Each answer names the clause it was read from. A question the text does not answer is\n\
         # left out (marked unknown), so drafting uses the default for the kind of council.\n",
    );

    // [council]
    out.push_str("\n[council]\n");
    match doc.meta.council.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => {
            let _ = writeln!(out, "name = {}", toml_string(&clean_name(name)));
        }
        _ => {
            out.push_str(
                "# unknown: the text does not name its council; write its full name here\n",
            );
            out.push_str("name = \"Unnamed council\"\n");
        }
    }
    let kind = match doc.meta.kind.as_deref() {
        Some(k) if catalogue::KINDS.contains(&k) => k.to_string(),
        _ => {
            let k = guess_kind(doc);
            let _ = writeln!(
                out,
                "# unknown: the text does not say what kind of council it is; '{k}' is assumed from the roles it names"
            );
            k.to_string()
        }
    };
    let _ = writeln!(out, "kind = \"{kind}\"");
    if let Some(date) = doc.meta.adopted {
        let _ = writeln!(out, "adopted = {date}");
    }
    // The next review date, where the version table gives one as a whole date.
    if let Some(concord_model::WrittenDate::Date(due)) = doc
        .meta
        .versions
        .iter()
        .rev()
        .find_map(|v| v.review.as_ref())
    {
        let _ = writeln!(out, "review_due = {due}");
    }
    let local = catalogue::shape(&kind) == Shape::Local;
    if local && let Some(p) = principal_council(doc) {
        let _ = writeln!(out, "principal = {}", toml_string(&p));
    }

    // [terms]
    let (councillors, members) = term_counts(doc);
    let term = if members > councillors {
        "member"
    } else {
        "councillor"
    };
    out.push_str("\n[terms]\n");
    let _ = writeln!(
        out,
        "# the text says \"councillor\" {councillors} time{} and \"member\" {members} time{}",
        plural(councillors),
        plural(members)
    );
    let _ = writeln!(out, "councillor = \"{term}\"");

    // [roles.<id>]: the council's own names for the bodies its answers route to.
    for (id, name) in body_names(doc, readings, &kind) {
        let _ = writeln!(out, "\n# the text names {id} as \"{}\"", one_line(&name));
        let _ = writeln!(out, "[roles.{id}]\nname = {}", toml_string(&name));
    }

    // [sections] first decided, so that answers of sections that are off are left out.
    let answered = |q: &str| {
        readings
            .iter()
            .any(|r| r.question == q && r.found.is_some())
    };
    let sections: Vec<(&str, bool, String)> = catalogue::SECTIONS
        .iter()
        .map(|s| {
            let gated_answer = catalogue::QUESTIONS
                .iter()
                .find(|q| catalogue::section_of(q.id) == Some(s.id) && answered(q.id));
            let heading = heading_for(doc, s.id);
            let why = match (&heading, gated_answer) {
                (Some(h), _) => format!("from the heading \"{}\"", quote(h)),
                (None, Some(q)) => format!("the text answers {}", q.id),
                (None, None) => format!("no heading names this part: {}", s.what),
            };
            (s.id, heading.is_some() || gated_answer.is_some(), why)
        })
        .collect();
    let on = |id: &str| sections.iter().any(|(s, b, _)| *s == id && *b);

    // [answers]
    out.push_str("\n[answers]\n");
    let defaults = default_answers(&kind);
    let roles = catalogue::roles_for(&kind);
    for q in catalogue::QUESTIONS {
        let found = readings
            .iter()
            .find(|r| r.question == q.id)
            .and_then(|r| r.found.as_ref());
        let default = defaults.get(q.id).map(answer_toml).unwrap_or_default();
        if let Some(s) = catalogue::section_of(q.id)
            && !on(s)
        {
            let _ = writeln!(
                out,
                "# unknown: {}: the text has no '{s}' section (see [sections]), so it is not drafted",
                q.id
            );
            continue;
        }
        let Some(found) = found else {
            let _ = writeln!(
                out,
                "# unknown: {}: the text does not say; drafting uses the default {default}",
                q.id
            );
            continue;
        };
        match expressible(&found.choice, q.answer, &roles, &kind) {
            Ok(value) => {
                let _ = writeln!(
                    out,
                    "# from {}: \"{}\"",
                    clauses_phrase(&found.clauses),
                    quote(&found.evidence)
                );
                if let Choice::Years { body: None, .. } = found.choice {
                    let _ = writeln!(
                        out,
                        "# (the text names no body; drafting uses the default, the {})",
                        default_review_body(&kind)
                    );
                }
                let value = match shape_of(q.id, &found.relations) {
                    Some(shape) => format!("{{ roles = {value}, shape = \"{shape}\" }}"),
                    None => value,
                };
                let _ = writeln!(out, "{} = {value}", q.id);
            }
            Err(why) => {
                let _ = writeln!(
                    out,
                    "# unknown: {}: {why} ({}: \"{}\"); drafting uses the default {default}",
                    q.id,
                    clauses_phrase(&found.clauses),
                    quote(&found.evidence)
                );
            }
        }
    }

    out.push_str("\n[sections]\n");
    for (id, b, why) in &sections {
        let _ = writeln!(out, "# {why}");
        let _ = writeln!(out, "{id} = {b}");
    }
    versions(&mut out, doc);
    out
}

/// The shape to write for a route read with these relations, when the options must say it:
/// every step after the first follows the same way, and not the way the question's routes are
/// drafted anyway ([`catalogue::default_how`]).
fn shape_of(question: &str, relations: &[String]) -> Option<&'static str> {
    let rest = relations.get(1..)?;
    let first = rest.first()?;
    if rest.iter().any(|r| r != first) {
        return None;
    }
    let shape = match first.as_str() {
        "then" => "then",
        "or" => "or",
        "consult" => "consult",
        "if-about" => "if-about",
        _ => return None,
    };
    (catalogue::default_how(question).relation(question) != shape).then_some(shape)
}

/// The bodies (committees, panels, the full council) the answers route to, each with the name
/// the text first gives it, where that is not the lexicon's own name for it ("Personnel
/// Committee" for the staffing committee): drafting writes such a name only when the options
/// declare it.
fn body_names(doc: &Document, readings: &[Reading], kind: &str) -> Vec<(String, String)> {
    let lexicon = concord_model::roles::Lexicon::for_kind(Some(kind));
    let mut ids: Vec<&str> = Vec::new();
    for r in readings {
        if let Some(Found {
            choice: Choice::Route(route),
            ..
        }) = &r.found
        {
            for id in route {
                let body = concord_model::roles::role(id)
                    .is_some_and(|r| r.party == concord_model::roles::Party::Body);
                if body && !ids.contains(&id.as_str()) {
                    ids.push(id);
                }
            }
        }
    }
    ids.sort_unstable();
    let mut texts: Vec<&str> = Vec::new();
    for c in doc.clauses() {
        texts.push(&c.text);
    }
    ids.into_iter()
        .filter_map(|id| {
            let written = texts.iter().find_map(|t| {
                lexicon
                    .mentions(t)
                    .into_iter()
                    .find(|m| m.role == id)
                    .map(|m| m.text)
            })?;
            let canonical = concord_model::roles::role(id)?.name;
            let title = written.chars().next().is_some_and(char::is_uppercase);
            (title && !written.eq_ignore_ascii_case(canonical) && lexicon.roles(&written) == [id])
                .then(|| (id.to_string(), written))
        })
        .collect()
}

/// The version table as `[[versions]]`; a row that only carries the next review date (which
/// drafting makes from `review_due` alone) is left out, and so is a date not written whole.
fn versions(out: &mut String, doc: &Document) {
    let only_review = |v: &concord_model::VersionEntry| {
        v.version.is_none() && v.note.as_deref() == Some("Adopted") && v.review.is_some()
    };
    for v in doc.meta.versions.iter().filter(|v| !only_review(v)) {
        out.push_str("\n[[versions]]\n");
        if let Some(concord_model::WrittenDate::Date(d)) = &v.date {
            let _ = writeln!(out, "date = {d}");
        }
        if let Some(ver) = &v.version {
            let _ = writeln!(out, "version = {}", toml_string(ver));
        }
        if let Some(note) = &v.note {
            let _ = writeln!(out, "note = {}", toml_string(note));
        }
    }
}

/// The TOML value for a choice, or why the options cannot say it.
fn expressible(
    choice: &Choice,
    kind_of_answer: AnswerKind,
    roles: &[&str],
    kind: &str,
) -> Result<String, String> {
    let value = match (choice, kind_of_answer) {
        (Choice::Route(route), AnswerKind::Route) => {
            if route.is_empty() {
                return Err("the text names no role".into());
            }
            let missing: Vec<&str> = route
                .iter()
                .map(String::as_str)
                .filter(|r| !roles.contains(r))
                .collect();
            if !missing.is_empty() {
                return Err(format!(
                    "the route {} names {} that a {kind} council's options do not have",
                    route_toml(route),
                    missing.join(", ")
                ));
            }
            route_toml(route)
        }
        (Choice::Days { days, working }, AnswerKind::Days) => {
            if !(1..=crate::validate::MAX_DAYS).contains(&i64::from(*days)) {
                return Err(format!("{days} days is outside the options' range"));
            }
            answer_toml(&Answer::Days {
                days: *days,
                working: *working,
            })
        }
        (Choice::Years { years, body }, AnswerKind::Years) => {
            if !(1..=crate::validate::MAX_YEARS).contains(&i64::from(*years)) {
                return Err(format!("every {years} years is outside the options' range"));
            }
            match body {
                Some(b) => format!(
                    "{{ years = {years}, body = {} }}",
                    toml_string(&clean_name(b))
                ),
                None => format!("{{ years = {years} }}"),
            }
        }
        (Choice::Forbidden { forbidden }, AnswerKind::Forbidden) => {
            format!("{{ forbidden = {forbidden} }}")
        }
        _ => return Err("the answer is not of the question's kind".into()),
    };
    Ok(value)
}

/// An answer as TOML, as an options file writes it.
fn answer_toml(a: &Answer) -> String {
    match a {
        Answer::Route(r) => route_toml(r),
        Answer::Days { days, working } => format!("{{ days = {days}, working = {working} }}"),
        Answer::Years { years, body } => {
            format!("{{ years = {years}, body = {} }}", toml_string(body))
        }
        Answer::Forbidden { forbidden } => format!("{{ forbidden = {forbidden} }}"),
    }
}

fn route_toml(route: &[String]) -> String {
    let parts: Vec<String> = route.iter().map(|r| toml_string(r)).collect();
    format!("[{}]", parts.join(", "))
}

/// A TOML basic string: quotes, backslashes and control characters escaped, everything else
/// kept as it is.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A name as the options accept it: one line, spaces collapsed, at most the validator's length.
fn clean_name(s: &str) -> String {
    let one: String = one_line(s);
    one.chars()
        .take(crate::validate::MAX_NAME_CHARS)
        .collect::<String>()
        .trim()
        .to_string()
}

/// Text on one line with no control characters, for names and comments.
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Evidence for a comment: one line, cut at a word after [`MAX_QUOTE`] characters.
fn quote(s: &str) -> String {
    let one = one_line(s);
    if one.chars().count() <= MAX_QUOTE {
        return one;
    }
    let cut: String = one.chars().take(MAX_QUOTE).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{at_word} ...")
}

fn clauses_phrase(clauses: &[String]) -> String {
    match clauses {
        [] => "the text".into(),
        [one] => format!("clause {one}"),
        [main, rest @ ..] => format!("clause {main} (also {})", rest.join(", ")),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Every clause of the document, sub-clauses included.
fn walk(doc: &Document) -> Vec<&Clause> {
    fn section<'d>(s: &'d Section, out: &mut Vec<&'d Clause>) {
        for c in &s.clauses {
            out.extend(c.walk());
        }
        for sub in &s.sections {
            section(sub, out);
        }
    }
    let mut out = Vec::new();
    for s in &doc.sections {
        section(s, &mut out);
    }
    out
}

/// All the text a reader sees: headings, clauses and items.
fn texts(doc: &Document) -> Vec<&str> {
    fn items<'d>(list: &'d [concord_model::Item], out: &mut Vec<&'d str>) {
        for i in list {
            out.push(i.text.as_str());
            items(&i.items, out);
        }
    }
    fn section<'d>(s: &'d Section, out: &mut Vec<&'d str>) {
        out.push(s.heading.as_str());
        for sub in &s.sections {
            section(sub, out);
        }
    }
    let mut out = Vec::new();
    for s in &doc.sections {
        section(s, &mut out);
    }
    for c in walk(doc) {
        out.push(c.text.as_str());
        items(&c.items, &mut out);
    }
    out
}

/// Lowercased words of a text (letters and digits; apostrophes split words): the model's
/// tokenizer.
fn words(text: &str) -> Vec<String> {
    concord_model::words::tokens(text)
        .into_iter()
        .map(|t| t.lower.into_owned())
        .collect()
}

/// True when a cue (`"political group*"`) matches the words somewhere.
fn matches(words: &[String], cue: &str) -> bool {
    let cue: Vec<&str> = cue.split_whitespace().collect();
    if cue.is_empty() || cue.len() > words.len() {
        return false;
    }
    (0..=words.len() - cue.len()).any(|i| {
        cue.iter()
            .enumerate()
            .all(|(k, c)| match c.strip_suffix('*') {
                Some(stem) => words[i + k].starts_with(stem),
                None => words[i + k] == *c,
            })
    })
}

/// The first heading that names an optional section's topic.
fn heading_for(doc: &Document, id: &str) -> Option<String> {
    let cues = SECTION_CUES.iter().find(|(s, _)| *s == id)?.1;
    fn find(sections: &[Section], cues: &[&str]) -> Option<String> {
        for s in sections {
            let w = words(&s.heading);
            if cues.iter().any(|c| matches(&w, c)) {
                return Some(s.heading.clone());
            }
            if let Some(h) = find(&s.sections, cues) {
                return Some(h);
            }
        }
        None
    }
    find(&doc.sections, cues)
}

/// How often the text calls its councillors "councillor" and "member" (not "member of staff"
/// or "members of the public").
fn term_counts(doc: &Document) -> (usize, usize) {
    let mut councillors = 0;
    let mut members = 0;
    for t in texts(doc) {
        let w = words(t);
        for (i, word) in w.iter().enumerate() {
            let next = |k: usize| w.get(i + k).map(String::as_str);
            match word.as_str() {
                "councillor" | "councillors" => councillors += 1,
                "member" | "members" => {
                    let of = next(1) == Some("of");
                    let staff = of && next(2) == Some("staff");
                    let public = of && next(2) == Some("the") && next(3) == Some("public");
                    if !staff && !public {
                        members += 1;
                    }
                }
                _ => {}
            }
        }
    }
    (councillors, members)
}

/// A kind for a text that does not say: a local council when it names a Clerk and no Chief
/// Executive, else a district council (the roles of every principal council are the same).
fn guess_kind(doc: &Document) -> &'static str {
    let mut clerk = false;
    let mut chief = false;
    for c in walk(doc) {
        clerk |= c.roles.iter().any(|r| r == "clerk");
        chief |= c.roles.iter().any(|r| r == "chief-executive");
    }
    if clerk && !chief {
        "parish"
    } else {
        "district"
    }
}

/// The principal council a local council's text names: "the Monitoring Officer of Harbourside
/// District Council".
fn principal_council(doc: &Document) -> Option<String> {
    const LEAD: &str = "Monitoring Officer of ";
    for t in texts(doc) {
        let mut rest = t;
        while let Some(at) = rest.find(LEAD) {
            let after = &rest[at + LEAD.len()..];
            rest = after;
            // Capitalised words (and "and", "&", "of") up to one ending the name in "Council".
            let mut name: Vec<&str> = Vec::new();
            for w in after.split_whitespace() {
                let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
                // Quotes and brackets around a word are part of the name as written.
                let core = bare.trim_matches(|c: char| !c.is_alphanumeric());
                let cap = core.chars().next().is_some_and(char::is_uppercase);
                if !(cap || matches!(bare, "and" | "&" | "of")) {
                    break;
                }
                name.push(bare);
                if core == "Council" {
                    return Some(clean_name(&name.join(" ")));
                }
                if bare != w {
                    break;
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(
            toml_string(r#"Smith & Sons "Parish" <Council> \ it's"#),
            r#""Smith & Sons \"Parish\" <Council> \\ it's""#
        );
        assert_eq!(toml_string("a\u{7}b"), r#""a\u0007b""#);
    }

    #[test]
    fn quotes_are_cut_at_a_word() {
        let long = "word ".repeat(60);
        let q = quote(&long);
        assert!(
            q.ends_with(" ...") && q.chars().count() <= MAX_QUOTE + 4,
            "{q}"
        );
        assert_eq!(quote("one\nline"), "one line");
    }

    #[test]
    fn cues_match_whole_words_or_prefixes() {
        let w = words("Officers and Political Groups");
        assert!(matches(&w, "political group*"));
        assert!(!matches(&words("Pressure"), "press"));
    }
}
