//! Draft: an interview built from the question catalogue and the council's kind. Each question
//! in plain words with its choices (only the roles a council of that kind has; a review body of
//! the council's own naming), the wording the current choice drafts shown beside it, mistakes
//! shown at the field with the same messages as `concord draft` (the form is written as an
//! options file and checked by the same validator), and downloads of the protocol (Word, PDF,
//! Markdown) and of the options file. It starts blank, from an example, or from an uploaded
//! protocol's own choices (`concord options --from`); with a project, the draft can be saved
//! into it.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Extension;
use axum::extract::{Query, Request, State};
use axum::response::Response;
use concord_draft::catalogue::{self, AnswerKind, Shape};
use concord_draft::{Answer, Councillor, Options};
use minijinja::{Value, context};

use crate::app::App;
use crate::form::Form;
use crate::refusal::Refusal;
use crate::session::Session;

/// The examples a draft can start from.
const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "parish",
        "A parish council",
        include_str!("../../../../templates/examples/parish.toml"),
    ),
    (
        "district",
        "A district council",
        include_str!("../../../../templates/examples/district.toml"),
    ),
    (
        "joint",
        "Two councils sharing officers",
        include_str!("../../../../templates/examples/joint.toml"),
    ),
];

/// Steps of a route the form offers.
const ROUTE_STEPS: usize = 4;

/// The name drafted in the preview while the form has none (the form still says it is missing).
const PLACEHOLDER_NAME: &str = "[Council name]";

/// What the form holds.
#[derive(Debug, Clone)]
struct Choices {
    name: String,
    kind: String,
    adopted: String,
    /// The next review date (`review_due`).
    review_due: String,
    principal: String,
    councillor: String,
    head: String,
    sections: BTreeMap<String, bool>,
    answers: BTreeMap<String, Choice>,
    /// The council's own names for roles (`[roles.ID] name`), by role id.
    role_names: BTreeMap<String, String>,
    /// How a route's steps follow each other, where chosen (`shape`), by question id.
    shapes: BTreeMap<String, String>,
    /// The version history (`[[versions]]`), one row a line: `date | version | note`.
    versions: String,
}

#[derive(Debug, Clone)]
enum Choice {
    Route(Vec<String>),
    Days { days: String, working: bool },
    Years { years: String, body: String },
    Forbidden(bool),
}

impl Choices {
    /// The defaults for a council of `kind`, with no name.
    fn blank(kind: &str) -> Choices {
        Choices {
            name: String::new(),
            kind: kind.to_string(),
            adopted: String::new(),
            review_due: String::new(),
            principal: String::new(),
            councillor: "councillor".into(),
            head: String::new(),
            sections: concord_draft::options::default_sections(kind),
            answers: concord_draft::options::default_answers(kind)
                .into_iter()
                .map(|(q, a)| (q, choice(&a)))
                .collect(),
            role_names: BTreeMap::new(),
            shapes: BTreeMap::new(),
            versions: String::new(),
        }
    }

    /// The choices of a complete, valid set of options.
    fn of(o: &Options) -> Choices {
        Choices {
            name: o.council.name.clone(),
            kind: o.council.kind.clone(),
            adopted: o.council.adopted.clone().unwrap_or_default(),
            review_due: o.council.review_due.clone().unwrap_or_default(),
            principal: o.council.principal.clone().unwrap_or_default(),
            councillor: match o.terms.councillor {
                Councillor::Councillor => "councillor".into(),
                Councillor::Member => "member".into(),
            },
            head: o.terms.head_of_paid_service.clone().unwrap_or_default(),
            sections: o.sections.clone(),
            answers: o
                .answers
                .iter()
                .map(|(q, a)| (q.clone(), choice(a)))
                .collect(),
            role_names: o.roles.clone(),
            shapes: o
                .shapes
                .iter()
                .map(|(q, h)| (q.clone(), h.shape().to_string()))
                .collect(),
            versions: o
                .versions
                .iter()
                .map(|v| {
                    let cell = |x: &Option<String>| x.clone().unwrap_or_default();
                    format!(
                        "{} | {} | {}\n",
                        cell(&v.date),
                        cell(&v.version),
                        cell(&v.note)
                    )
                })
                .collect(),
        }
    }

    /// The choices a posted form holds. When the kind was changed, the answers and sections
    /// go back to the new kind's defaults (the old roles may not exist in it).
    fn from_form(form: &Form) -> (Choices, bool) {
        let kind = form
            .get("kind")
            .filter(|k| catalogue::KINDS.contains(k))
            .unwrap_or("parish")
            .to_string();
        let changed = form.get("kind_was").is_some_and(|was| was != kind);
        let mut c = Choices::blank(&kind);
        c.name = form.get("name").unwrap_or("").to_string();
        c.adopted = form.get("adopted").unwrap_or("").to_string();
        c.review_due = form.get("review_due").unwrap_or("").to_string();
        c.versions = form.get("versions").unwrap_or("").to_string();
        c.principal = form.get("principal").unwrap_or("").to_string();
        c.councillor = form.get("councillor").unwrap_or("councillor").to_string();
        c.head = form.get("head").unwrap_or("").to_string();
        if changed {
            return (c, true);
        }
        for id in catalogue::role_ids() {
            if let Some(n) = form.get(&format!("rolename-{id}")) {
                c.role_names.insert(id.to_string(), n.to_string());
            }
        }
        // The page's form says it sent its sections (an unticked box sends nothing).
        if form.get("sections_sent").is_some() {
            for s in catalogue::SECTIONS {
                c.sections.insert(
                    s.id.to_string(),
                    form.get(&format!("section-{}", s.id)).is_some(),
                );
            }
        }
        for q in catalogue::QUESTIONS {
            // A question the form does not ask keeps the kind's default.
            if !form.has_prefix(&format!("q-{}-", q.id)) {
                continue;
            }
            let f = |suffix: &str| {
                form.get(&format!("q-{}-{suffix}", q.id))
                    .unwrap_or("")
                    .to_string()
            };
            if let Some(shape) = form.get(&format!("q-{}-shape", q.id)) {
                c.shapes.insert(q.id.to_string(), shape.to_string());
            }
            let answer = match q.answer {
                AnswerKind::Route => Choice::Route(
                    (1..=ROUTE_STEPS)
                        .map(|n| f(&n.to_string()))
                        .filter(|r| !r.is_empty())
                        .collect(),
                ),
                AnswerKind::Days => Choice::Days {
                    days: f("days"),
                    working: !f("working").is_empty(),
                },
                AnswerKind::Years => Choice::Years {
                    years: f("years"),
                    body: f("body"),
                },
                AnswerKind::Forbidden => Choice::Forbidden(f("forbidden") != "no"),
            };
            c.answers.insert(q.id.to_string(), answer);
        }
        (c, false)
    }

    /// The options file these choices make, and for each of its lines the form fields on it
    /// (with the column each starts at), so that a mistake the validator finds at
    /// `line:col` is shown at its field.
    fn toml(&self, name: Option<&str>) -> (String, Vec<Vec<(u32, String)>>) {
        let mut out = Toml::default();
        out.line("[council]", &[(1, "name".to_string())]);
        if let Some(name) = name {
            out.pair("name", &string(name), "name");
        }
        out.pair("kind", &string(&self.kind), "kind");
        if !self.adopted.trim().is_empty() {
            out.pair("adopted", &bare_or_string(self.adopted.trim()), "adopted");
        }
        if !self.review_due.trim().is_empty() {
            out.pair(
                "review_due",
                &bare_or_string(self.review_due.trim()),
                "review_due",
            );
        }
        if !self.principal.trim().is_empty() {
            out.pair("principal", &string(&self.principal), "principal");
        }
        out.line("", &[]);
        out.line("[terms]", &[]);
        out.pair("councillor", &string(&self.councillor), "councillor");
        if !self.head.trim().is_empty() {
            out.pair("head_of_paid_service", &string(&self.head), "head");
        }
        for (id, n) in &self.role_names {
            out.line("", &[]);
            out.line(&format!("[roles.{id}]"), &[(1, format!("rolename-{id}"))]);
            out.pair("name", &string(n), &format!("rolename-{id}"));
        }
        out.line("", &[]);
        out.line("[sections]", &[]);
        for (id, on) in &self.sections {
            out.pair(id, &on.to_string(), &format!("section-{id}"));
        }
        out.line("", &[]);
        out.line("[answers]", &[]);
        for q in catalogue::QUESTIONS {
            if let Some(s) = catalogue::section_of(q.id)
                && !self.sections.get(s).copied().unwrap_or(false)
            {
                continue;
            }
            let Some(a) = self.answers.get(q.id) else {
                continue;
            };
            let key = format!("{} = ", q.id);
            let mut parts: Vec<(String, usize)> = Vec::new();
            let value = match a {
                Choice::Route(r) => {
                    let shape = self.shapes.get(q.id);
                    let mut v = String::from(if shape.is_some() { "{ roles = [" } else { "[" });
                    for (i, role) in r.iter().enumerate() {
                        if i > 0 {
                            v.push_str(", ");
                        }
                        parts.push((format!("q-{}-{}", q.id, i + 1), key.len() + v.len()));
                        v.push_str(&string(role));
                    }
                    v.push(']');
                    if r.is_empty() {
                        parts.push((format!("q-{}-1", q.id), key.len()));
                    }
                    if let Some(shape) = shape {
                        v.push_str(", shape = ");
                        parts.push((format!("q-{}-shape", q.id), key.len() + v.len()));
                        v.push_str(&string(shape));
                        v.push_str(" }");
                    }
                    v
                }
                Choice::Days { days, working } => {
                    parts.push((format!("q-{}-days", q.id), key.len()));
                    format!(
                        "{{ days = {}, working = {working} }}",
                        bare_or_string(days.trim())
                    )
                }
                Choice::Years { years, body } => {
                    parts.push((format!("q-{}-years", q.id), key.len()));
                    let v = format!("{{ years = {}, body = ", bare_or_string(years.trim()));
                    parts.push((format!("q-{}-body", q.id), key.len() + v.len()));
                    format!("{v}{} }}", string(body))
                }
                Choice::Forbidden(f) => {
                    parts.push((format!("q-{}-forbidden", q.id), key.len()));
                    format!("{{ forbidden = {f} }}")
                }
            };
            let fields: Vec<(u32, String)> = parts
                .into_iter()
                .map(|(f, col)| (u32::try_from(col).unwrap_or(u32::MAX - 1) + 1, f))
                .collect();
            out.line(&format!("{key}{value}"), &fields);
        }
        for row in self.versions.lines().filter(|l| !l.trim().is_empty()) {
            let mut cells = row.splitn(3, '|').map(str::trim);
            let mut cell = || cells.next().filter(|c| !c.is_empty());
            let (date, version, note) = (cell(), cell(), cell());
            out.line("", &[]);
            out.line("[[versions]]", &[(1, "versions".to_string())]);
            if let Some(d) = date {
                out.pair("date", &bare_or_string(d), "versions");
            }
            if let Some(v) = version {
                out.pair("version", &string(v), "versions");
            }
            if let Some(n) = note {
                out.pair("note", &string(n), "versions");
            }
        }
        (out.text, out.fields)
    }
}

/// An options file being written, with the fields on each line.
#[derive(Default)]
struct Toml {
    text: String,
    fields: Vec<Vec<(u32, String)>>,
}

impl Toml {
    fn line(&mut self, text: &str, fields: &[(u32, String)]) {
        self.text.push_str(text);
        self.text.push('\n');
        self.fields.push(fields.to_vec());
    }

    fn pair(&mut self, key: &str, value: &str, field: &str) {
        let col = key.len() as u32 + 4;
        self.line(&format!("{key} = {value}"), &[(col, field.to_string())]);
    }
}

fn string(s: &str) -> String {
    concord_draft::infer::toml_string(s)
}

/// A number or a date as it is written in TOML when it is one; otherwise as a string, so that
/// the validator says what is wrong with it.
fn bare_or_string(s: &str) -> String {
    let number = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && s.len() < 10;
    let date = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if number || date {
        s.to_string()
    } else {
        string(s)
    }
}

fn choice(a: &Answer) -> Choice {
    match a {
        Answer::Route(r) => Choice::Route(r.clone()),
        Answer::Days { days, working } => Choice::Days {
            days: days.to_string(),
            working: *working,
        },
        Answer::Years { years, body } => Choice::Years {
            years: years.to_string(),
            body: body.clone(),
        },
        Answer::Forbidden { forbidden } => Choice::Forbidden(*forbidden),
    }
}

/// A mistake at a field.
#[derive(Debug, Clone)]
struct FieldError {
    field: String,
    message: String,
}

/// The result of checking and drafting the choices.
struct Outcome {
    toml: String,
    errors: Vec<FieldError>,
    /// The drafted protocol: with the choices' name when valid, the placeholder while the name
    /// is the only thing missing, `None` when other mistakes stop it.
    drafted: Option<concord_model::Document>,
    valid: bool,
}

fn outcome(c: &Choices) -> Outcome {
    let blank = c.name.trim().is_empty();
    // A blank name is left out, so the validator says it is missing; the other choices are
    // checked (and the wording previewed) with a placeholder, so that the kind stays the
    // form's (without a name the validator cannot know the council's kind).
    let (toml, fields) = c.toml((!blank).then_some(c.name.as_str()));
    let mut errors = Vec::new();
    let mut drafted = None;
    let mut valid = false;
    let mut problems = |text: &str, fields: &[Vec<(u32, String)>], only_name: bool| {
        match concord_draft::validate::parse(text) {
            Ok(options) => Some(options),
            Err(found) => {
                for p in found {
                    let field = field_at(fields, p.line, p.col).unwrap_or_else(|| "name".into());
                    if only_name && field != "name" {
                        continue;
                    }
                    // The validator's message, as the CLI prints it; its hint says how to write
                    // the options file, which the form does for the user.
                    let message = p.message.clone();
                    errors.push(FieldError { field, message });
                }
                None
            }
        }
    };
    if blank {
        problems(&toml, &fields, true);
        let (t, f) = c.toml(Some(PLACEHOLDER_NAME));
        if let Some(o) = problems(&t, &f, false) {
            drafted = draft(&o);
        }
    } else if let Some(o) = problems(&toml, &fields, false) {
        valid = true;
        drafted = draft(&o);
    }
    Outcome {
        toml,
        errors,
        drafted,
        valid,
    }
}

fn draft(o: &Options) -> Option<concord_model::Document> {
    concord_draft::Drafter::new(concord_draft::Templates::Builtin)
        .draft(o)
        .ok()
        .map(|d| d.document)
}

/// The field on `line` at `col` (the last one starting at or before it).
fn field_at(fields: &[Vec<(u32, String)>], line: u32, col: u32) -> Option<String> {
    let on = fields.get((line as usize).checked_sub(1)?)?;
    on.iter()
        .rfind(|(c, _)| *c <= col.max(1))
        .or_else(|| on.first())
        .map(|(_, f)| f.clone())
}

#[derive(Debug, serde::Deserialize)]
pub struct Start {
    example: Option<String>,
}

pub async fn get(
    State(app): State<Arc<App>>,
    Extension(session): Extension<Session>,
    Query(start): Query<Start>,
) -> Response {
    let r = match start.example.as_deref() {
        None => Ok(Choices::blank("parish")),
        Some(e) => match EXAMPLES.iter().find(|(id, _, _)| *id == e) {
            Some((_, _, text)) => concord_draft::validate::parse(text)
                .map(|o| Choices::of(&o))
                .map_err(|_| Refusal::internal(format!("the example {e} does not validate"))),
            None => Err(Refusal::new(
                404,
                "There is no such example",
                format!("Concord has no example called {e:?}."),
                "Choose one of the examples on the drafting page.",
            )),
        },
    };
    let r = match r {
        Ok(c) => {
            let a = Arc::clone(&app);
            let s = session.clone();
            super::work(&app, move || Ok(page(&a, &s, &c, false, false, None))).await
        }
        Err(e) => Err(e),
    };
    super::respond(&app, &session, r)
}

post_runs!();

async fn run(app: &Arc<App>, session: &Session, req: Request) -> Result<Response, Refusal> {
    let form = crate::form::read(app, session, req).await?;
    let a = Arc::clone(app);
    let s = session.clone();
    super::work(app, move || {
        let (c, reset) = Choices::from_form(&form);
        let action = form.get("action").unwrap_or("preview");
        let o = outcome(&c);
        let download = |format: concord_publish::Format, ext: &str, ct: &'static str| {
            let doc = o.drafted.as_ref().filter(|_| o.valid);
            match doc {
                Some(d) => {
                    let look = concord_publish::Look {
                        author: Some("Concord".into()),
                        date: d.meta.adopted.map(|x| x.to_string()),
                        redline: Default::default(),
                        logo: None,
                    };
                    let bytes = concord_publish::document(d, format, &look)
                        .map_err(|e| Refusal::internal(e.to_string()))?;
                    Ok(Some(super::download(
                        &format!("{}.{ext}", slug(&c.name)),
                        ct,
                        bytes,
                    )))
                }
                None => Ok(None),
            }
        };
        let done = match (action, reset) {
            (_, true) => None,
            ("docx", _) => download(concord_publish::Format::Docx, "docx", super::DOCX)?,
            ("pdf", _) => download(concord_publish::Format::Pdf, "pdf", super::PDF)?,
            ("md", _) => download(concord_publish::Format::Md, "md", super::MARKDOWN)?,
            ("options", _) if o.valid => Some(super::download(
                &format!("{}.toml", slug(&c.name)),
                super::TOML,
                o.toml.clone().into_bytes(),
            )),
            ("save", _) if o.valid => {
                let saved = save(&a, &c, &o)?;
                return Ok(page(&a, &s, &c, true, false, Some(saved)));
            }
            _ => None,
        };
        Ok(match done {
            Some(r) => r,
            None => page(
                &a,
                &s,
                &c,
                action != "preview" || !o.errors.is_empty(),
                reset,
                None,
            ),
        })
    })
    .await
}

/// `POST /draft/from`: the choices an uploaded protocol makes, read as `concord options --from`
/// reads them.
pub async fn from(
    State(app): State<Arc<App>>,
    Extension(session): Extension<Session>,
    req: Request,
) -> Response {
    let r = from_run(&app, &session, req).await;
    super::respond(&app, &session, r)
}

async fn from_run(app: &Arc<App>, session: &Session, req: Request) -> Result<Response, Refusal> {
    let form = crate::form::read(app, session, req).await?;
    let a = Arc::clone(app);
    let s = session.clone();
    super::work(app, move || {
        let (name, parsed, _) = super::one_parsed(&a, &form, "file")?;
        let doc = parsed.document.after();
        let text = concord_publish::options_from(&doc, &name);
        let c = match concord_draft::validate::parse(&text) {
            Ok(o) => Choices::of(&o),
            Err(_) => {
                // The council's name or kind could not be read: start from the kind's
                // defaults with what was found.
                let mut c = Choices::blank(
                    doc.meta
                        .kind
                        .as_deref()
                        .filter(|k| catalogue::KINDS.contains(k))
                        .unwrap_or("district"),
                );
                c.name = doc.meta.council.clone().unwrap_or_default();
                c
            }
        };
        Ok(page(&a, &s, &c, true, false, None))
    })
    .await
}

fn save(app: &App, c: &Choices, o: &Outcome) -> Result<Vec<String>, Refusal> {
    let project = app.host.project().ok_or_else(|| {
        Refusal::form("this Concord was started without a project, so there is nowhere to save.")
    })?;
    let doc = o
        .drafted
        .as_ref()
        .ok_or_else(|| Refusal::internal("the draft could not be made"))?;
    let md = concord_publish::document(doc, concord_publish::Format::Md, &Default::default())
        .map_err(|e| Refusal::internal(e.to_string()))?;
    let base = slug(&c.name);
    Ok(vec![
        project.save(&format!("{base}.md"), &md)?,
        project.save(&format!("{base}-options.toml"), o.toml.as_bytes())?,
    ])
}

/// A file name from a council's name: lower-case letters and digits joined by `-`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for w in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w.to_ascii_lowercase());
    }
    if out.is_empty() {
        "protocol".into()
    } else {
        out.chars().take(60).collect()
    }
}

/// The interview page for these choices. `show_errors` is false on a first look, where a blank
/// name is not yet a mistake.
fn page(
    app: &App,
    session: &Session,
    c: &Choices,
    show_errors: bool,
    reset: bool,
    saved: Option<Vec<String>>,
) -> Response {
    let o = outcome(c);
    let errors: Vec<FieldError> = if show_errors {
        o.errors.clone()
    } else {
        Vec::new()
    };
    let error_of = |field: &str| -> Option<String> {
        let all: Vec<&str> = errors
            .iter()
            .filter(|e| e.field == field)
            .map(|e| e.message.as_str())
            .collect();
        (!all.is_empty()).then(|| all.join("; "))
    };
    let previews = o.drafted.as_ref().map(previews).unwrap_or_default();
    let name_of = |id: &str| {
        c.role_names
            .get(id)
            .cloned()
            .unwrap_or_else(|| crate::views::role_name(id))
    };
    let roles: Vec<Value> = catalogue::roles_for(&c.kind)
        .into_iter()
        .map(|id| context! { id => id, name => name_of(id) })
        .collect();
    // The roles the routes name, each with the council's own name for it, if it has one.
    let mut in_use: Vec<&str> = Vec::new();
    for a in c.answers.values() {
        if let Choice::Route(r) = a {
            for id in r {
                if let Some(role) = concord_model::roles::role(id)
                    && !in_use.contains(&role.id)
                {
                    in_use.push(role.id);
                }
            }
        }
    }
    let role_names: Vec<Value> = in_use
        .iter()
        .map(|id| {
            let field = format!("rolename-{id}");
            context! {
                id => *id, usual => crate::views::role_name(id), field => &field,
                value => c.role_names.get(*id).cloned().unwrap_or_default(),
                error => error_of(&field),
            }
        })
        .collect();
    let questions: Vec<Value> = catalogue::QUESTIONS
        .iter()
        .map(|q| {
            let section = catalogue::section_of(q.id).and_then(catalogue::optional_section);
            let off = section.is_some_and(|s| !c.sections.get(s.id).copied().unwrap_or(false));
            let a = c.answers.get(q.id);
            let steps: Vec<Value> = match a {
                Some(Choice::Route(r)) => (1..=ROUTE_STEPS)
                    .map(|n| {
                        let field = format!("q-{}-{n}", q.id);
                        context! {
                            n => n, field => &field, value => r.get(n - 1).cloned().unwrap_or_default(),
                            label => if n == 1 { "First".to_string() } else { format!("Then ({n})") },
                            error => error_of(&field),
                        }
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let (days, working, years, body, forbidden) = match a {
                Some(Choice::Days { days, working }) => (days.clone(), *working, String::new(), String::new(), false),
                Some(Choice::Years { years, body }) => (String::new(), false, years.clone(), body.clone(), false),
                Some(Choice::Forbidden(f)) => (String::new(), false, String::new(), String::new(), *f),
                _ => (String::new(), false, String::new(), String::new(), false),
            };
            let field = |suffix: &str| format!("q-{}-{suffix}", q.id);
            context! {
                id => q.id, text => q.text, topic => q.topic,
                kind => match q.answer {
                    AnswerKind::Route => "route", AnswerKind::Days => "days",
                    AnswerKind::Years => "years", AnswerKind::Forbidden => "forbidden",
                },
                section => section.map(|s| context! { id => s.id, what => s.what }),
                off => off,
                steps => steps,
                days => days, working => working, years => years, body => body, forbidden => forbidden,
                errors => context! {
                    days => error_of(&field("days")), years => error_of(&field("years")),
                    body => error_of(&field("body")), forbidden => error_of(&field("forbidden")),
                },
                preview => previews.get(q.id).cloned(),
                shape => c.shapes.get(q.id).cloned().unwrap_or_default(),
                shape_error => error_of(&field("shape")),
            }
        })
        .collect();
    let sections: Vec<Value> = catalogue::SECTIONS
        .iter()
        .map(|s| {
            context! {
                id => s.id, what => s.what, on => c.sections.get(s.id).copied().unwrap_or(false),
                error => error_of(&format!("section-{}", s.id)),
            }
        })
        .collect();
    let kinds: Vec<&str> = catalogue::KINDS.to_vec();
    let local = catalogue::shape(&c.kind) == Shape::Local;
    let examples: Vec<Value> = EXAMPLES
        .iter()
        .map(|(id, label, _)| context! { id => *id, label => *label })
        .collect();
    app.views.page(
        "draft.html",
        context! {
            title => if errors.is_empty() { "Draft a protocol".to_string() } else { "Error: Draft a protocol".to_string() },
            here => "draft",
            c => context! {
                name => &c.name, kind => &c.kind, adopted => &c.adopted, principal => &c.principal,
                councillor => &c.councillor, head => &c.head, review_due => &c.review_due,
                versions => &c.versions,
            },
            local => local, kinds => kinds, roles => roles, questions => questions, sections => sections,
            role_names => role_names,
            errors => errors.iter().map(|e| context! { field => &e.field, message => &e.message }).collect::<Vec<_>>(),
            field_errors => context! {
                name => error_of("name"), kind => error_of("kind"), adopted => error_of("adopted"),
                principal => error_of("principal"), councillor => error_of("councillor"), head => error_of("head"),
                review_due => error_of("review_due"), versions => error_of("versions"),
            },
            valid => o.valid, reset => reset, saved => saved, examples => examples,
            sources => super::sources(app),
            can_save => app.host.project().is_some(),
        },
        super::common(app, session),
    )
}

/// For each question, the clause of the drafted protocol that says its answer (read back by
/// the answers' own rules, so the preview is what a reader of the protocol would find).
fn previews(doc: &concord_model::Document) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for (id, answer) in concord_compare::answers::answers(doc) {
        let Some(a) = answer else { continue };
        let Some(first) = a.clauses.first() else {
            continue;
        };
        let text = doc
            .clause(first)
            .map(|c| c.text.clone())
            .unwrap_or_else(|| a.evidence.clone());
        out.insert(
            id.to_string(),
            context! { clause => first, text => text, summary => &a.summary },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistake_is_shown_at_its_field() {
        let mut c = Choices::blank("parish");
        c.name = "Little Haven Parish Council".into();
        c.answers.insert(
            "officer-complaint-about-councillor".into(),
            Choice::Route(vec!["chair".into(), "director".into()]),
        );
        c.answers.insert(
            "response-time".into(),
            Choice::Days {
                days: "ten".into(),
                working: true,
            },
        );
        let o = outcome(&c);
        assert!(!o.valid);
        let at = |f: &str| {
            o.errors
                .iter()
                .find(|e| e.field == f)
                .map(|e| e.message.clone())
        };
        let role = at("q-officer-complaint-about-councillor-2").expect("the second step");
        assert!(
            role.contains("a parish council has no 'director'"),
            "{role}"
        );
        assert!(at("q-response-time-days").is_some(), "{:?}", o.errors);
    }

    #[test]
    fn the_review_date_and_version_history_reach_the_draft_and_their_mistakes_their_fields() {
        let mut c = Choices::blank("parish");
        c.name = "Little Haven Parish Council".into();
        c.review_due = "2028-04-01".into();
        c.versions = "2020-01-15 | 1 | First adopted\n\n2024-04-01 | 2 | Reviewed\n".into();
        let o = outcome(&c);
        assert!(o.valid, "{:?}", o.errors);
        let options = concord_draft::validate::parse(&o.toml).expect("options");
        assert_eq!(options.council.review_due.as_deref(), Some("2028-04-01"));
        assert_eq!(options.versions.len(), 2);
        assert_eq!(options.versions[1].note.as_deref(), Some("Reviewed"));
        let again = Choices::of(&options);
        assert_eq!(
            again.versions,
            "2020-01-15 | 1 | First adopted\n2024-04-01 | 2 | Reviewed\n"
        );

        c.review_due = "next year".into();
        c.versions = "15/01/2020 | 1 | First adopted".into();
        let o = outcome(&c);
        assert!(!o.valid);
        let fields: Vec<&str> = o.errors.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"review_due"), "{:?}", o.errors);
        assert!(fields.contains(&"versions"), "{:?}", o.errors);
    }

    #[test]
    fn a_blank_name_is_missing_but_the_wording_is_previewed() {
        let o = outcome(&Choices::blank("district"));
        assert!(!o.valid);
        assert_eq!(o.errors.len(), 1);
        assert_eq!(o.errors[0].field, "name");
        assert!(o.errors[0].message.contains("missing the council's name"));
        assert!(o.drafted.is_some());
    }

    #[test]
    fn the_examples_fill_the_form_and_draft_as_they_are() {
        for (id, _, text) in EXAMPLES {
            let options = concord_draft::validate::parse(text).expect(id);
            let c = Choices::of(&options);
            let o = outcome(&c);
            assert!(o.valid, "{id}: {:?}", o.errors);
            let again = concord_draft::validate::parse(&o.toml).expect(id);
            assert_eq!(
                again, options,
                "{id}: the form's options file is the example's choices"
            );
        }
    }

    #[test]
    fn names_with_quotes_and_markup_stay_data() {
        let mut c = Choices::blank("parish");
        c.name = "St \"Mary's\" <script>alert(1)</script> Parish Council".into();
        let o = outcome(&c);
        assert!(o.valid, "{:?}", o.errors);
        let doc = o.drafted.expect("drafted");
        assert_eq!(doc.meta.council.as_deref(), Some(c.name.as_str()));
    }
}
