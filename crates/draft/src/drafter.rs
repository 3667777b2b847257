//! Drafting: options in, a numbered [`Document`] out.
//!
//! The data flow has three steps, so that numbering and cross-references stay right whatever
//! the options leave out:
//!
//! 1. **Render.** The templates run with the options as context. They never write numbers:
//!    `section(id, heading)`, `clause(id)`, `item()` and `ref(id)` emit markers (control
//!    characters that option values can never contain: values are one-line data, and the
//!    output formatter strips control characters from anything a template prints).
//! 2. **Number.** The marked-up text is parsed into sections, clauses and items that carry
//!    template ids. Sections a template left empty are dropped; the rest are numbered in order
//!    (`3`, `3.1`, `3.2`, items `(a)`, `(b)`).
//! 3. **Resolve.** Each `ref(id)` marker is replaced by the final number of the clause or
//!    section with that id. A reference to an id that was not drafted (a typo, or a clause in
//!    an optional section that is off) is an error, never a silently wrong number.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use concord_model::{Clause, Document, Item, Meta, Section, Source};
use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, ErrorKind, State, UndefinedBehavior};

use crate::catalogue::{self, Shape};
use crate::error::Error;
use crate::options::{Answer, Options};
use crate::templates::{ENTRY, Templates};
use crate::words::{self, How, Words};

/// Opens and closes a marker in rendered output.
const MARK: char = '\u{1e}';
/// Separates the fields of a marker.
const FIELD: char = '\u{1f}';

/// The work a draft may do, in template instructions (minijinja's fuel): the built-in library
/// needs a few tens of thousands, so this leaves room for any real template folder while a
/// runaway loop (`{% for i in range(100000) %}{% for j in range(100000) %}`) stops in a
/// second with an error instead of running for hours. [`Drafter::with_fuel`] raises it.
pub const MAX_TEMPLATE_FUEL: u64 = 10_000_000;

/// A drafted protocol: the document, and the final number of every template id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drafted {
    pub document: Document,
    /// Template id (`complaints.officer`, or a section id such as `complaints`) -> number
    /// (`9.2`, `9`).
    pub numbers: BTreeMap<String, String>,
}

/// Drafts protocols from a template library.
#[derive(Debug, Clone)]
pub struct Drafter {
    templates: Templates,
    fuel: u64,
}

impl Drafter {
    /// A drafter that loads its templates from `templates`.
    pub fn new(templates: Templates) -> Drafter {
        Drafter {
            templates,
            fuel: MAX_TEMPLATE_FUEL,
        }
    }

    /// The same drafter with another work limit ([`MAX_TEMPLATE_FUEL`] by default).
    pub fn with_fuel(self, fuel: u64) -> Drafter {
        Drafter { fuel, ..self }
    }

    /// Renders, numbers and resolves one protocol.
    pub fn draft(&self, options: &Options) -> Result<Drafted, Error> {
        let output = self.render(options)?;
        let parsed = parse_markup(&output)?;
        assemble(parsed, options)
    }

    /// Step 1: the templates' output, with markers.
    fn render(&self, options: &Options) -> Result<String, Error> {
        let mut env = environment(
            self.templates.clone(),
            Arc::new(Words::new(options)),
            Arc::new(options.clone()),
        );
        env.set_fuel(Some(self.fuel));
        let template = env.get_template(ENTRY)?;
        Ok(template.render(context(options))?)
    }
}

fn environment(
    templates: Templates,
    words: Arc<Words>,
    options: Arc<Options>,
) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_loader(move |name| templates.load(name));
    // Jinja's block-tag whitespace rules make templates readable without stray blank lines;
    // clause text is re-joined anyway, so only line structure matters.
    // Building fails only for custom delimiters, which are not used here.
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env.set_formatter(|out, _state, value| {
        let text = if value.is_safe() {
            value.to_string()
        } else {
            // Option values are data: no control character (so no forged marker, no line
            // break) survives into the output.
            value
                .to_string()
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect()
        };
        out.write_str(&text).map_err(minijinja::Error::from)
    });
    env.add_function("title", |text: String| marker(&["T", &text]));
    env.add_function("section", |state: &State, id: String, heading: String| {
        check_id(&id)?;
        Ok::<_, minijinja::Error>(marker(&["S", &id, &heading, state.name()]))
    });
    env.add_function("clause", |id: String| {
        check_id(&id)?;
        Ok::<_, minijinja::Error>(marker(&["C", &id]))
    });
    env.add_function("item", || marker(&["I"]));
    env.add_function("ref", |id: String| {
        check_id(&id)?;
        Ok::<_, minijinja::Error>(marker(&["R", &id]))
    });
    let w = Arc::clone(&words);
    env.add_function("role", move |id: String| {
        w.role(&id).map(|r| r.full).ok_or_else(|| {
            minijinja::Error::new(
                ErrorKind::InvalidOperation,
                format!("role('{id}'): this kind of council has no such role"),
            )
        })
    });
    let w = Arc::clone(&words);
    env.add_function(
        "route",
        move |ids: Vec<String>, how: Option<String>, kwargs: Kwargs| {
            let how_name = how.unwrap_or_else(|| "concerns".into());
            let how = How::parse(&how_name).ok_or_else(|| {
                minijinja::Error::new(
                    ErrorKind::InvalidOperation,
                    format!("route(): unknown phrasing '{how_name}' (use concerns, escalate, consult, and or or)"),
                )
            })?;
            let prep: Option<String> = kwargs.get("prep")?;
            kwargs.assert_all_used()?;
            w.route(&ids, how, prep.as_deref(), None)
                .map_err(|e| minijinja::Error::new(ErrorKind::InvalidOperation, format!("route(): {e}")))
        },
    );
    // A question's route as the options give it, in the shape they give it (or the
    // question's default shape): `route_of("need-to-know-disputes", prep="by")`; `about`
    // words a step that depends on whom the matter concerns (`about="the officer invited is"`).
    let w = Arc::clone(&words);
    env.add_function("route_of", move |question: String, kwargs: Kwargs| {
        let prep: Option<String> = kwargs.get("prep")?;
        let about: Option<String> = kwargs.get("about")?;
        kwargs.assert_all_used()?;
        let Some(Answer::Route(ids)) = options.answers.get(&question) else {
            return Err(minijinja::Error::new(
                ErrorKind::InvalidOperation,
                format!("route_of(): '{question}' has no route in the options"),
            ));
        };
        w.route(
            ids,
            options.how(&question),
            prep.as_deref(),
            about.as_deref(),
        )
        .map_err(|e| minijinja::Error::new(ErrorKind::InvalidOperation, format!("route_of(): {e}")))
    });
    env.add_filter("upfirst", |s: String| words::upper_first(&s));
    env.add_filter("words", words::number);
    env.add_filter("period", |a: Value| -> Result<String, minijinja::Error> {
        // "ten working days", "seven days".
        let days = u32::try_from(a.get_attr("days")?).map_err(|_| {
            minijinja::Error::new(
                ErrorKind::InvalidOperation,
                "period: expected { days, working }",
            )
        })?;
        let working = a.get_attr("working")?.is_true();
        let unit = match (working, days) {
            (true, 1) => "working day",
            (true, _) => "working days",
            (false, 1) => "day",
            (false, _) => "days",
        };
        Ok(format!("{} {unit}", words::number(days)))
    });
    env.add_filter("every", |years: u32| match years {
        1 => "every year".to_string(),
        n => format!("every {} years", words::number(n)),
    });
    env.add_filter("the", |body: String| {
        if body.to_lowercase().starts_with("the ") {
            body
        } else {
            format!("the {body}")
        }
    });
    env
}

/// Template ids are short, stable names: `complaints.officer`.
fn check_id(id: &str) -> Result<(), minijinja::Error> {
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_'));
    if ok {
        Ok(())
    } else {
        Err(minijinja::Error::new(
            ErrorKind::InvalidOperation,
            format!("template id '{id}' must be lowercase letters, digits, '-', '_' and '.'"),
        ))
    }
}

fn marker(fields: &[&str]) -> Value {
    let clean: Vec<String> = fields
        .iter()
        .map(|f| f.chars().filter(|c| !c.is_control()).collect())
        .collect();
    Value::from_safe_string(format!("{MARK}{}{MARK}", clean.join(&FIELD.to_string())))
}

/// What the templates see.
fn context(options: &Options) -> Value {
    let c = &options.council;
    let shape = catalogue::shape(&c.kind);
    let w = Words::new(options);
    let cllr = w.councillor();
    let joint = shape == Shape::Joint;
    let mut answers = BTreeMap::new();
    for (k, a) in &options.answers {
        answers.insert(k.clone(), Value::from(minijinja::value::Serde(a)));
    }
    minijinja::context! {
        council => minijinja::context! {
            name => c.name.clone(),
            kind => c.kind.clone(),
            adopted => c.adopted.clone(),
            adopted_long => c.adopted.as_deref().map(words::long_date),
            principal => c.principal.clone(),
            local => shape == Shape::Local,
            joint => joint,
            principal_council => shape == Shape::Principal,
            // "the Council" reads as the corporate body; a joint protocol serves several.
            the => if joint { "the Councils" } else { "the Council" },
            The => if joint { "The Councils" } else { "The Council" },
            poss => if joint { "each Council's" } else { "the Council's" },
        },
        t => minijinja::context! {
            cllr => cllr,
            cllrs => format!("{cllr}s"),
            Cllr => words::upper_first(cllr),
            Cllrs => words::upper_first(&format!("{cllr}s")),
        },
        head => format!("the {}", w.head_title()),
        head_title => w.head_title(),
        answers => answers,
        sections => options.sections.clone(),
        review => match options.answers.get("review-cycle") {
            Some(Answer::Years { years, body }) => minijinja::context! { years => *years, body => body.clone() },
            _ => Value::UNDEFINED,
        },
    }
}

/// One piece of clause or item text.
#[derive(Debug, Clone)]
enum Seg {
    Text(String),
    Ref(String),
}

#[derive(Debug, Default)]
struct RawClause {
    id: String,
    text: Vec<Seg>,
    items: Vec<Vec<Seg>>,
}

#[derive(Debug)]
struct RawSection {
    id: String,
    heading: String,
    template: String,
    clauses: Vec<RawClause>,
}

#[derive(Debug, Default)]
struct Markup {
    title: Option<String>,
    sections: Vec<RawSection>,
}

/// Step 2a: the marked-up output as sections, clauses and items with template ids.
fn parse_markup(output: &str) -> Result<Markup, Error> {
    let mut doc = Markup::default();
    let markup_error = |template: &str, message: String| Error::Markup {
        template: template.to_string(),
        message,
    };
    // Splitting on MARK alternates text (even) and marker bodies (odd).
    let parts: Vec<&str> = output.split(MARK).collect();
    if parts.len().is_multiple_of(2) {
        return Err(markup_error(
            ENTRY,
            "a template writes a stray marker character (U+001E)".into(),
        ));
    }
    for (n, part) in parts.iter().enumerate() {
        let template = doc
            .sections
            .last()
            .map_or(ENTRY.to_string(), |s| s.template.clone());
        if n % 2 == 0 {
            if part.trim().is_empty() {
                continue;
            }
            let target = doc
                .sections
                .last_mut()
                .and_then(|s| s.clauses.last_mut())
                .map(|c| c.items.last_mut().unwrap_or(&mut c.text));
            match target {
                Some(t) => t.push(Seg::Text((*part).to_string())),
                None => {
                    let shown: String = part.split_whitespace().collect::<Vec<_>>().join(" ");
                    let shown: String = shown.chars().take(60).collect();
                    return Err(markup_error(
                        &template,
                        format!("text outside a clause: '{shown}' (start it with clause(\"...\"))"),
                    ));
                }
            }
            continue;
        }
        let fields: Vec<&str> = part.split(FIELD).collect();
        match fields.as_slice() {
            ["T", title] => doc.title = Some(normalise(title)),
            ["S", id, heading, name] => doc.sections.push(RawSection {
                id: (*id).to_string(),
                heading: normalise(heading),
                template: (*name).to_string(),
                clauses: Vec::new(),
            }),
            ["C", id] => match doc.sections.last_mut() {
                Some(s) => s.clauses.push(RawClause {
                    id: (*id).to_string(),
                    ..RawClause::default()
                }),
                None => {
                    return Err(markup_error(
                        &template,
                        format!("clause(\"{id}\") comes before any section(...)"),
                    ));
                }
            },
            ["I"] => match doc.sections.last_mut().and_then(|s| s.clauses.last_mut()) {
                Some(c) => c.items.push(Vec::new()),
                None => return Err(markup_error(&template, "item() outside a clause".into())),
            },
            ["R", id] => match doc.sections.last_mut().and_then(|s| s.clauses.last_mut()) {
                Some(c) => c
                    .items
                    .last_mut()
                    .unwrap_or(&mut c.text)
                    .push(Seg::Ref((*id).to_string())),
                None => {
                    return Err(markup_error(
                        &template,
                        format!("ref(\"{id}\") outside a clause"),
                    ));
                }
            },
            _ => {
                return Err(markup_error(
                    &template,
                    "a template writes a malformed marker".into(),
                ));
            }
        }
    }
    Ok(doc)
}

/// Steps 2b and 3: numbering, then references.
fn assemble(markup: Markup, options: &Options) -> Result<Drafted, Error> {
    let mut numbers: BTreeMap<String, String> = BTreeMap::new();
    let mut clause_ids: BTreeSet<String> = BTreeSet::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    // A section whose every clause sits behind an option that is off is left out whole.
    let sections: Vec<RawSection> = markup
        .sections
        .into_iter()
        .filter(|s| !s.clauses.is_empty())
        .collect();
    for (i, s) in sections.iter().enumerate() {
        let number = (i + 1).to_string();
        if !seen.insert(s.id.clone()) {
            return Err(Error::DuplicateId {
                template: s.template.clone(),
                id: s.id.clone(),
            });
        }
        numbers.insert(s.id.clone(), number.clone());
        for (j, c) in s.clauses.iter().enumerate() {
            if !seen.insert(c.id.clone()) {
                return Err(Error::DuplicateId {
                    template: s.template.clone(),
                    id: c.id.clone(),
                });
            }
            numbers.insert(c.id.clone(), format!("{number}.{}", j + 1));
            clause_ids.insert(c.id.clone());
        }
    }
    let mut out_sections = Vec::with_capacity(sections.len());
    for s in &sections {
        let mut clauses = Vec::with_capacity(s.clauses.len());
        for c in &s.clauses {
            let mut refs: Vec<String> = Vec::new();
            let mut resolve = |segs: &[Seg]| -> Result<String, Error> {
                let mut text = String::new();
                for seg in segs {
                    match seg {
                        Seg::Text(t) => text.push_str(t),
                        Seg::Ref(target) => {
                            let Some(n) = numbers.get(target) else {
                                return Err(Error::DanglingRef {
                                    template: s.template.clone(),
                                    target: target.clone(),
                                    clause: c.id.clone(),
                                });
                            };
                            if clause_ids.contains(target) && !refs.contains(n) {
                                refs.push(n.clone());
                            }
                            text.push_str(n);
                        }
                    }
                }
                Ok(normalise(&text))
            };
            let text = resolve(&c.text)?;
            let mut items = Vec::with_capacity(c.items.len());
            for (k, segs) in c.items.iter().enumerate() {
                let item_text = resolve(segs)?;
                if item_text.is_empty() {
                    return Err(Error::Markup {
                        template: s.template.clone(),
                        message: format!("an item of clause '{}' has no text", c.id),
                    });
                }
                items.push(Item {
                    label: Some(format!("({})", letters(k))),
                    text: item_text,
                    items: Vec::new(),
                    previous_label: None,
                });
            }
            if text.is_empty() {
                return Err(Error::Markup {
                    template: s.template.clone(),
                    message: format!("clause '{}' has no text", c.id),
                });
            }
            let number = numbers.get(&c.id).cloned().unwrap_or_default();
            let mut clause = Clause::new(&number, Some(number.clone()), text, [0, 0]);
            clause.items = items;
            clause.refs = refs;
            clauses.push(clause);
        }
        out_sections.push(Section {
            number: numbers.get(&s.id).cloned(),
            heading: s.heading.clone(),
            sections: Vec::new(),
            clauses,
            lines: [0, 0],
        });
    }
    let document = Document {
        meta: Meta {
            title: markup.title,
            council: Some(options.council.name.clone()),
            kind: Some(options.council.kind.clone()),
            adopted: options
                .council
                .adopted
                .as_deref()
                .and_then(concord_model::Date::parse_iso),
            versions: version_rows(options),
            source: Source::default(),
        },
        sections: out_sections,
        footnotes: Vec::new(),
    };
    Ok(Drafted { document, numbers })
}

/// The version history of `[[versions]]`, the next review due (`review_due`) on its last row;
/// a row of its own when there is no history to hold it.
fn version_rows(options: &Options) -> Vec<concord_model::VersionEntry> {
    use concord_model::{VersionEntry, WrittenDate};
    let date = |d: &Option<String>| {
        d.as_deref()
            .and_then(concord_model::Date::parse_iso)
            .map(WrittenDate::Date)
    };
    let mut rows: Vec<VersionEntry> = options
        .versions
        .iter()
        .map(|v| VersionEntry {
            date: date(&v.date),
            version: v.version.clone(),
            note: v.note.clone(),
            review: None,
        })
        .collect();
    if let Some(due) = date(&options.council.review_due) {
        match rows.last_mut() {
            Some(last) => last.review = Some(due),
            None => rows.push(VersionEntry {
                date: date(&options.council.adopted),
                version: None,
                note: Some("Adopted".into()),
                review: Some(due),
            }),
        }
    }
    rows
}

/// Whitespace collapsed: template line breaks are layout, not content.
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `a`..`z`, then `aa`, `ab`...
fn letters(n: usize) -> String {
    let mut n = n + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'a' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate;

    fn options(extra: &str) -> Options {
        validate::parse(&format!(
            "[council]\nname = \"Test Council\"\nkind = \"district\"\n{extra}"
        ))
        .unwrap()
    }

    fn draft(templates: &[(&str, &str)], extra: &str) -> Result<Drafted, Error> {
        let t = Templates::Memory(
            templates
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        );
        Drafter::new(t).draft(&options(extra))
    }

    const LIB: &str = r#"{{ title("Test protocol") }}
{{ section("intro", "Introduction") }}
{{ clause("intro.scope") }}
This protocol applies to {{ council.name }}. See clause {{ ref("complaints.officer") }}.
{% if sections["media"] %}
{{ section("media", "Media") }}
{{ clause("media.one") }}
Media text.
{% endif %}
{{ section("complaints", "Complaints") }}
{{ clause("complaints.officer") }}
Raise it with {{ route(answers["officer-complaint-about-councillor"], "escalate", prep="with") }}:
{{ item() }} first;
{{ item() }} second, as section {{ ref("intro") }} says.
"#;

    #[test]
    fn versions_and_the_next_review_date_go_into_the_version_table() {
        let text = "[council]\nname = \"Test Council\"\nkind = \"district\"\nadopted = 2026-05-05\nreview_due = 2030-05-05\nlogo = \"crest.png\"\n\n[[versions]]\ndate = 2022-03-14\nversion = 1\nnote = \"First adopted\"\n\n[[versions]]\ndate = 2026-05-05\nversion = \"2\"\n";
        let o = validate::parse(text).unwrap();
        assert_eq!(o.council.logo.as_deref(), Some("crest.png"));
        let d = draft(&[("protocol.j2", LIB)], "").unwrap();
        assert!(d.document.meta.versions.is_empty());
        let rows = version_rows(&o);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].version.as_deref(), Some("1"));
        assert_eq!(rows[0].review, None);
        assert_eq!(
            rows[1].review.as_ref().map(ToString::to_string).as_deref(),
            Some("2030-05-05")
        );
        // A review date with no history gets a row of its own, from the adoption date.
        let o = options("adopted = 2026-05-05\nreview_due = 2030-05-05\n");
        let rows = version_rows(&o);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].note.as_deref(), Some("Adopted"));
        // Bad rows are refused with their place.
        for bad in [
            "[[versions]]\ndate = \"soon\"\n",
            "[[versions]]\nwhen = 2020-01-01\n",
            "versions = 3\n",
        ] {
            let text = format!("[council]\nname = \"T\"\nkind = \"district\"\n\n{bad}");
            let text = if bad.starts_with("versions") {
                format!("{bad}[council]\nname = \"T\"\nkind = \"district\"\n")
            } else {
                text
            };
            assert!(validate::parse(&text).is_err(), "{bad}");
        }
    }

    #[test]
    fn numbering_follows_the_sections_drafted_and_refs_resolve_after_it() {
        let d = draft(&[("protocol.j2", LIB)], "").unwrap();
        assert_eq!(d.numbers["complaints.officer"], "3.1");
        assert_eq!(
            d.document.clauses()[0].text,
            "This protocol applies to Test Council. See clause 3.1."
        );
        let d = draft(&[("protocol.j2", LIB)], "[sections]\nmedia = false\n").unwrap();
        assert_eq!(d.numbers["complaints.officer"], "2.1");
        let c = d.document.clause("2.1").unwrap();
        assert_eq!(c.items[1].label.as_deref(), Some("(b)"));
        assert_eq!(c.items[1].text, "second, as section 1 says.");
        assert_eq!(d.document.clauses()[0].refs, vec!["2.1".to_string()]);
        assert!(
            c.text
                .starts_with("Raise it with the Chief Executive and, if the matter")
        );
    }

    #[test]
    fn a_dangling_ref_is_an_error_naming_it() {
        let lib = r#"{{ section("a", "A") }}{{ clause("a.one") }}See {{ ref("media.one") }}."#;
        let e = draft(&[("protocol.j2", lib)], "").unwrap_err();
        assert!(
            matches!(&e, Error::DanglingRef { target, .. } if target == "media.one"),
            "{e}"
        );
    }

    #[test]
    fn duplicate_ids_text_outside_clauses_and_undefined_values_are_errors() {
        let dup = r#"{{ section("a", "A") }}{{ clause("a") }}x"#;
        assert!(matches!(
            draft(&[("protocol.j2", dup)], ""),
            Err(Error::DuplicateId { .. })
        ));
        let loose = r#"{{ section("a", "A") }}loose words"#;
        let e = draft(&[("protocol.j2", loose)], "").unwrap_err();
        assert!(
            e.to_string()
                .contains("text outside a clause: 'loose words'"),
            "{e}"
        );
        let undefined = r#"{{ section("a", "A") }}{{ clause("a.x") }}{{ council.nmae }}"#;
        let e = draft(&[("protocol.j2", undefined)], "").unwrap_err();
        assert!(matches!(e, Error::Template(_)));
        let role = r#"{{ section("a", "A") }}{{ clause("a.x") }}{{ role("clerk") }}"#;
        assert!(draft(&[("protocol.j2", role)], "").is_err());
    }

    #[test]
    fn option_values_cannot_forge_markers() {
        // The validator refuses control characters; the formatter is the second guard.
        let lib = "{{ section(\"a\", \"A\") }}{{ clause(\"a.x\") }}{{ \"x\\u001eS\\u001fevil\\u001fEvil\\u001fp\\u001e\" }}";
        let d = draft(&[("protocol.j2", lib)], "").unwrap();
        assert_eq!(d.document.sections.len(), 1);
        assert_eq!(d.document.clauses()[0].text, "x S evil Evil p");
    }

    #[test]
    fn a_runaway_template_runs_out_of_fuel() {
        let lib = "{{ section(\"a\", \"A\") }}{{ clause(\"a.x\") }}{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}";
        let e = draft(&[("protocol.j2", lib)], "").unwrap_err();
        assert!(
            matches!(&e, Error::Template(t) if t.kind() == ErrorKind::OutOfFuel),
            "{e:?}"
        );
        // The built-in library drafts well within the limit, even at a tenth of it.
        let o = options("");
        assert!(
            Drafter::new(Templates::Builtin)
                .with_fuel(MAX_TEMPLATE_FUEL / 10)
                .draft(&o)
                .is_ok()
        );
    }

    #[test]
    fn letters_go_past_z() {
        assert_eq!(letters(0), "a");
        assert_eq!(letters(25), "z");
        assert_eq!(letters(26), "aa");
    }
}
