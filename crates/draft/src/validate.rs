//! Reading an options file: TOML parsed with spans (`toml::de::DeTable`), then every table,
//! key and value checked against the catalogue, so each mistake is reported at its own
//! `line:col` with the allowed values and a "did you mean". Nothing is drafted from a file
//! with any mistake; everything a valid file leaves out takes the kind's default.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::catalogue::{self, AnswerKind, Shape};
use crate::error::Problem;
use crate::options::{self, Answer, Council, Councillor, Options, Terms, VersionRow};
use crate::shape::{How, SHAPES};
use crate::suggest;

const TABLES: &[&str] = &[
    "council", "terms", "roles", "answers", "sections", "versions",
];
const ROLE_KEYS: &[&str] = &["name"];
const ROUTE_KEYS: &[&str] = &["roles", "shape"];
const COUNCIL_KEYS: &[&str] = &["name", "kind", "adopted", "principal", "review_due", "logo"];
const VERSION_KEYS: &[&str] = &["date", "version", "note"];
const TERMS_KEYS: &[&str] = &["councillor", "head_of_paid_service"];
const COUNCILLOR_TERMS: &[&str] = &["councillor", "member"];
/// The largest options file accepted by default, in bytes (the binary reads no more): every
/// option of the catalogue fits in a few kilobytes.
pub const MAX_OPTIONS_BYTES: usize = 1024 * 1024;
/// Longest accepted name or title: longer is a pasted paragraph, not a name.
pub(crate) const MAX_NAME_CHARS: usize = 200;
/// Largest accepted number of days for a response time or notice period.
pub(crate) const MAX_DAYS: i64 = 90;
/// Longest accepted review cycle in years.
pub(crate) const MAX_YEARS: i64 = 10;

/// Parses and validates an options file, returning the complete choices (defaults filled in)
/// or every mistake found, in file order.
pub fn parse(text: &str) -> Result<Options, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root = match DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let message = e
                .message()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("; ");
            return Err(vec![
                Problem::new(text, span, format!("invalid toml: {message}"))
                    .hint("see templates/examples/ for well-formed options files"),
            ]);
        }
    };
    let mut v = Validator {
        text,
        problems: Vec::new(),
    };
    let options = v.options(root.get_ref());
    let mut problems = v.problems;
    if problems.is_empty()
        && let Some(options) = options
    {
        return Ok(options);
    }
    problems.sort_by_key(|p| (p.span.start, p.span.end));
    Err(problems)
}

struct Validator<'t> {
    text: &'t str,
    problems: Vec<Problem>,
}

type Entry<'a, 'i> = (
    &'a Spanned<std::borrow::Cow<'i, str>>,
    &'a Spanned<DeValue<'i>>,
);

impl Validator<'_> {
    fn problem(&mut self, span: Range<usize>, message: String, hint: Option<String>) {
        let mut p = Problem::new(self.text, span, message);
        p.hint = hint;
        self.problems.push(p);
    }

    fn options(&mut self, root: &DeTable<'_>) -> Option<Options> {
        let mut tables: BTreeMap<&str, &Spanned<DeValue<'_>>> = BTreeMap::new();
        let mut versions = Vec::new();
        for (key, value) in root {
            let name = key.get_ref().as_ref();
            if !TABLES.contains(&name) {
                self.problem(
                    key.span(),
                    format!("unknown table '{name}'"),
                    Some(suggest::hint(name, TABLES)),
                );
                continue;
            }
            if name == "versions" {
                versions = self.versions(value);
                continue;
            }
            if value.get_ref().as_table().is_none() {
                self.problem(
                    value.span(),
                    format!(
                        "'{name}' must be a table ([{name}]), found {}",
                        type_name(value.get_ref())
                    ),
                    None,
                );
                continue;
            }
            tables.insert(name, value);
        }
        let council = match tables.get("council") {
            Some(t) => self.council(t),
            None => {
                self.problem(
                    0..0,
                    "missing the [council] table".into(),
                    Some(
                        "add [council] with name = \"...\" and kind = \"parish\" (or another kind)"
                            .into(),
                    ),
                );
                None
            }
        };
        // Without a valid kind the roles and defaults are unknown; check the rest against a
        // principal council so that its own mistakes are still reported.
        let kind = council
            .as_ref()
            .map_or("district".to_string(), |c| c.kind.clone());
        let terms = tables.get("terms").map(|t| self.terms(t)).unwrap_or(Terms {
            councillor: Councillor::Councillor,
            head_of_paid_service: None,
        });
        let sections = self.sections(tables.get("sections").copied(), &kind);
        let roles = self.roles(tables.get("roles").copied(), &kind);
        let mut shapes = BTreeMap::new();
        let answers = self.answers(
            tables.get("answers").copied(),
            &kind,
            &sections,
            &roles,
            &mut shapes,
        );
        Some(Options {
            council: council?,
            terms,
            answers,
            sections: sections.into_iter().map(|(k, (v, _))| (k, v)).collect(),
            roles,
            shapes,
            versions,
        })
    }

    /// `[[versions]]`: rows of date, version and note, each optional.
    fn versions(&mut self, value: &Spanned<DeValue<'_>>) -> Vec<VersionRow> {
        let Some(rows) = value.get_ref().as_array() else {
            self.problem(
                value.span(),
                format!(
                    "'versions' must be a list of tables ([[versions]]), found {}",
                    type_name(value.get_ref())
                ),
                Some("write each version as [[versions]] with date, version and note".into()),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for row in rows.iter() {
            if row.get_ref().as_table().is_none() {
                self.problem(
                    row.span(),
                    format!(
                        "a version must be a table, found {}",
                        type_name(row.get_ref())
                    ),
                    Some("write each version as [[versions]] with date, version and note".into()),
                );
                continue;
            }
            let mut v = VersionRow {
                date: None,
                version: None,
                note: None,
            };
            for (key, value) in self.entries(row) {
                match key.get_ref().as_ref() {
                    "date" => v.date = self.date(value, "[[versions]] date"),
                    "version" => {
                        v.version = match value.get_ref() {
                            DeValue::Integer(i) => Some(i.as_str().to_string()),
                            DeValue::Float(f) => Some(f.as_str().to_string()),
                            _ => self.name_string(value, "[[versions]] version"),
                        }
                    }
                    "note" => v.note = self.name_string(value, "[[versions]] note"),
                    _ => self.unknown_key(key, "[[versions]]", VERSION_KEYS),
                }
            }
            out.push(v);
        }
        out
    }

    fn entries<'a, 'i>(&self, value: &'a Spanned<DeValue<'i>>) -> Vec<Entry<'a, 'i>> {
        match value.get_ref().as_table() {
            Some(t) => t.iter().collect(),
            None => Vec::new(),
        }
    }

    fn council(&mut self, table: &Spanned<DeValue<'_>>) -> Option<Council> {
        let mut name = None;
        let mut kind = None;
        let mut adopted = None;
        let mut review_due = None;
        let mut logo = None;
        let mut principal: Option<(String, Range<usize>)> = None;
        for (key, value) in self.entries(table) {
            let k = key.get_ref().as_ref();
            match k {
                "name" => name = self.name_string(value, "[council] name"),
                "kind" => {
                    if let Some(s) = self.string(value, "[council] kind") {
                        if catalogue::KINDS.contains(&s.as_str()) {
                            kind = Some(s);
                        } else {
                            self.problem(
                                value.span(),
                                format!("unknown council kind '{s}'"),
                                Some(suggest::hint(&s, catalogue::KINDS)),
                            );
                        }
                    }
                }
                "adopted" => adopted = self.date(value, "[council] adopted"),
                "review_due" => review_due = self.date(value, "[council] review_due"),
                "logo" => logo = self.name_string(value, "[council] logo"),
                "principal" => {
                    principal = self
                        .name_string(value, "[council] principal")
                        .map(|p| (p, value.span()));
                }
                _ => self.unknown_key(key, "[council]", COUNCIL_KEYS),
            }
        }
        if name.is_none() && !self.has_key(table, "name") {
            self.problem(
                table_start(table),
                "missing the council's name in [council]".into(),
                Some(
                    "add name = \"Harbourside District Council\" (the council's full name)".into(),
                ),
            );
        }
        if kind.is_none() && !self.has_key(table, "kind") {
            self.problem(
                table_start(table),
                "missing the council's kind in [council]".into(),
                Some(format!(
                    "add kind = \"...\"; allowed: {}",
                    quoted(catalogue::KINDS)
                )),
            );
        }
        let kind = kind?;
        if let Some((_, span)) = &principal
            && catalogue::shape(&kind) != Shape::Local
        {
            self.problem(
                span.clone(),
                format!("'principal' applies only to parish, town and community councils, not a {kind} council"),
                Some("remove the line".into()),
            );
        }
        Some(Council {
            name: name?,
            kind,
            adopted,
            principal: principal.map(|(p, _)| p),
            review_due,
            logo,
        })
    }

    fn has_key(&self, table: &Spanned<DeValue<'_>>, key: &str) -> bool {
        self.entries(table)
            .iter()
            .any(|(k, _)| k.get_ref().as_ref() == key)
    }

    fn terms(&mut self, table: &Spanned<DeValue<'_>>) -> Terms {
        let mut terms = Terms {
            councillor: Councillor::Councillor,
            head_of_paid_service: None,
        };
        for (key, value) in self.entries(table) {
            match key.get_ref().as_ref() {
                "councillor" => {
                    if let Some(s) = self.string(value, "[terms] councillor") {
                        match s.as_str() {
                            "councillor" => terms.councillor = Councillor::Councillor,
                            "member" => terms.councillor = Councillor::Member,
                            _ => self.problem(
                                value.span(),
                                format!("value not allowed for [terms] councillor: '{s}'"),
                                Some(suggest::hint(&s, COUNCILLOR_TERMS)),
                            ),
                        }
                    }
                }
                "head_of_paid_service" => {
                    terms.head_of_paid_service =
                        self.name_string(value, "[terms] head_of_paid_service");
                }
                _ => self.unknown_key(key, "[terms]", TERMS_KEYS),
            }
        }
        terms
    }

    /// `[roles.<id>] name = "..."`: the council's own names for roles. The id must be a role of
    /// the lexicon and the name must read back as that role, so that what drafting writes,
    /// reading finds ("Personnel Committee" is the staffing committee; "HR Panel" would be
    /// read as no role at all).
    fn roles(
        &mut self,
        table: Option<&Spanned<DeValue<'_>>>,
        kind: &str,
    ) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let Some(table) = table else { return out };
        let ids: Vec<&str> = catalogue::role_ids().collect();
        let lexicon = concord_model::roles::Lexicon::for_kind(Some(kind));
        for (key, value) in self.entries(table) {
            let id = key.get_ref().as_ref();
            if !catalogue::is_role(id) {
                self.problem(
                    key.span(),
                    format!("unknown role '{id}' in [roles]"),
                    Some(suggest::hint(id, &ids)),
                );
                continue;
            }
            let Some(fields) = value.get_ref().as_table() else {
                self.problem(
                    value.span(),
                    format!(
                        "[roles] {id} must be a table ([roles.{id}] with name = \"...\"), found {}",
                        type_name(value.get_ref())
                    ),
                    None,
                );
                continue;
            };
            let mut name = None;
            for (k, v) in fields.iter() {
                match k.get_ref().as_ref() {
                    "name" => {
                        name = self
                            .name_string(v, &format!("[roles.{id}] name"))
                            .map(|n| (n, v.span()));
                    }
                    _ => self.unknown_key(k, &format!("[roles.{id}]"), ROLE_KEYS),
                }
            }
            let Some((name, span)) = name else {
                if !fields.iter().any(|(k, _)| k.get_ref().as_ref() == "name") {
                    self.problem(
                        key.span(),
                        format!("missing the name in [roles.{id}]"),
                        Some(format!("add name = \"...\", the council's title for {id}")),
                    );
                }
                continue;
            };
            let read = lexicon.roles(&name);
            if read != [id] {
                let as_read = if read.is_empty() {
                    "no role".to_string()
                } else {
                    read.join(", ")
                };
                let example = concord_model::roles::role(id).map_or(id, |r| r.name);
                self.problem(
                    span,
                    format!("'{name}' reads as {as_read}, not as {id}: a reader of the drafted protocol would not know it"),
                    Some(format!("use a title the lexicon knows for {id}, such as '{example}'")),
                );
                continue;
            }
            out.insert(id.to_string(), name);
        }
        out
    }

    /// Every optional section's setting and, for those the file sets, where it set them.
    fn sections(
        &mut self,
        table: Option<&Spanned<DeValue<'_>>>,
        kind: &str,
    ) -> BTreeMap<String, (bool, Option<Range<usize>>)> {
        let mut out: BTreeMap<String, (bool, Option<Range<usize>>)> =
            options::default_sections(kind)
                .into_iter()
                .map(|(k, v)| (k, (v, None)))
                .collect();
        let ids: Vec<&str> = catalogue::SECTIONS.iter().map(|s| s.id).collect();
        let Some(table) = table else { return out };
        for (key, value) in self.entries(table) {
            let k = key.get_ref().as_ref();
            if !ids.contains(&k) {
                self.unknown_key(key, "[sections]", &ids);
                continue;
            }
            if let Some(b) = self.bool(value, &format!("[sections] {k}")) {
                out.insert(k.to_string(), (b, Some(key.span())));
            }
        }
        out
    }

    fn answers(
        &mut self,
        table: Option<&Spanned<DeValue<'_>>>,
        kind: &str,
        sections: &BTreeMap<String, (bool, Option<Range<usize>>)>,
        declared: &BTreeMap<String, String>,
        shapes: &mut BTreeMap<String, How>,
    ) -> BTreeMap<String, Answer> {
        let mut out = options::default_answers(kind);
        let Some(table) = table else { return out };
        let ids: Vec<&str> = catalogue::QUESTIONS.iter().map(|q| q.id).collect();
        for (key, value) in self.entries(table) {
            let k = key.get_ref().as_ref();
            let Some(q) = catalogue::question(k) else {
                self.problem(
                    key.span(),
                    format!("unknown question '{k}' in [answers]"),
                    Some(suggest::hint(k, &ids)),
                );
                continue;
            };
            if let Some(section) = catalogue::section_of(q.id)
                && sections.get(section).is_some_and(|(on, _)| !on)
            {
                self.problem(
                    key.span(),
                    format!(
                        "answer '{k}' belongs to the optional section '{section}', which is off"
                    ),
                    Some(format!(
                        "set [sections] {section} = true, or remove this answer"
                    )),
                );
                continue;
            }
            let answer = match q.answer {
                AnswerKind::Route => self.shaped_route(value, k, kind, declared, shapes),
                AnswerKind::Days => self.days(value, k),
                AnswerKind::Years => self.years(value, k, kind),
                AnswerKind::Forbidden => self.forbidden(value, k),
            };
            if let Some(a) = answer {
                out.insert(k.to_string(), a);
            }
        }
        out
    }

    /// A route: a list of role ids, or a table `{ roles = [...], shape = "or" }`.
    fn shaped_route(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        question: &str,
        kind: &str,
        declared: &BTreeMap<String, String>,
        shapes: &mut BTreeMap<String, How>,
    ) -> Option<Answer> {
        if value.get_ref().as_table().is_none() {
            return self.route(value, question, kind, declared);
        }
        let example = "{ roles = [\"director\", \"chief-executive\"], shape = \"or\" }";
        let fields = self.fields(value, question, ROUTE_KEYS, example)?;
        let Some(roles) = fields.get("roles") else {
            self.problem(
                value.span(),
                format!("missing 'roles' in the route for '{question}'"),
                Some(format!("write it as {example}")),
            );
            return None;
        };
        let route = self.route(roles, question, kind, declared);
        if let Some(shape) = fields.get("shape")
            && let Some(s) = self.string(shape, &format!("the shape of '{question}'"))
        {
            match How::parse(&s).filter(|_| SHAPES.contains(&s.as_str())) {
                Some(how) => {
                    shapes.insert(question.to_string(), how);
                }
                None => {
                    self.problem(
                        shape.span(),
                        format!("value not allowed for the shape of '{question}': '{s}'"),
                        Some(suggest::hint(&s, SHAPES)),
                    );
                    return None;
                }
            }
        }
        route
    }

    fn route(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        question: &str,
        kind: &str,
        declared: &BTreeMap<String, String>,
    ) -> Option<Answer> {
        let Some(list) = value.get_ref().as_array() else {
            self.problem(
                value.span(),
                format!(
                    "wrong type for '{question}': expected a route (a list of role ids such as [\"monitoring-officer\"]), found {}",
                    type_name(value.get_ref())
                ),
                None,
            );
            return None;
        };
        if list.is_empty() {
            self.problem(
                value.span(),
                format!("empty route for '{question}': name at least one role"),
                Some(format!(
                    "roles a {kind} council has: {}",
                    quoted(&catalogue::roles_for(kind))
                )),
            );
            return None;
        }
        let mut available = catalogue::roles_for(kind);
        for id in declared.keys() {
            if !available.contains(&id.as_str())
                && let Some(r) = concord_model::roles::role(id)
            {
                available.push(r.id);
            }
        }
        let mut route: Vec<String> = Vec::new();
        let mut ok = true;
        for item in list.iter() {
            let Some(role) = item.get_ref().as_str() else {
                self.problem(
                    item.span(),
                    format!(
                        "wrong type in the route for '{question}': expected a role id (a string), found {}",
                        type_name(item.get_ref())
                    ),
                    None,
                );
                ok = false;
                continue;
            };
            if !catalogue::is_role(role) {
                self.problem(
                    item.span(),
                    format!("unknown role '{role}' in the route for '{question}'"),
                    Some(suggest::hint(role, &available)),
                );
                ok = false;
            } else if !available.contains(&role) {
                self.problem(
                    item.span(),
                    format!("a {kind} council has no '{role}' (in the route for '{question}')"),
                    Some(suggest::hint(role, &available)),
                );
                ok = false;
            } else if route.iter().any(|r| r == role) {
                self.problem(
                    item.span(),
                    format!("role '{role}' appears twice in the route for '{question}'"),
                    Some(
                        "a route names each role once, in the order the matter goes to them".into(),
                    ),
                );
                ok = false;
            } else {
                route.push(role.to_string());
            }
        }
        ok.then_some(Answer::Route(route))
    }

    /// The fields of an inline table answer, with unknown and missing fields reported.
    fn fields<'a, 'i>(
        &mut self,
        value: &'a Spanned<DeValue<'i>>,
        question: &str,
        allowed: &[&str],
        example: &str,
    ) -> Option<BTreeMap<String, &'a Spanned<DeValue<'i>>>> {
        if value.get_ref().as_table().is_none() {
            self.problem(
                value.span(),
                format!(
                    "wrong type for '{question}': expected a table such as {example}, found {}",
                    type_name(value.get_ref())
                ),
                None,
            );
            return None;
        }
        let mut out = BTreeMap::new();
        let mut ok = true;
        for (key, v) in self.entries(value) {
            let k = key.get_ref().as_ref();
            if allowed.contains(&k) {
                out.insert(k.to_string(), v);
            } else {
                self.unknown_key(key, &format!("'{question}'"), allowed);
                ok = false;
            }
        }
        ok.then_some(out)
    }

    fn days(&mut self, value: &Spanned<DeValue<'_>>, question: &str) -> Option<Answer> {
        let fields = self.fields(
            value,
            question,
            &["days", "working"],
            "{ days = 10, working = true }",
        )?;
        let days = match fields.get("days") {
            Some(v) => self.int(v, &format!("'{question}' days"), 1, MAX_DAYS)?,
            None => {
                self.problem(
                    value.span(),
                    format!("missing 'days' in '{question}'"),
                    Some("write for example { days = 10, working = true }".into()),
                );
                return None;
            }
        };
        let working = match fields.get("working") {
            Some(v) => self.bool(v, &format!("'{question}' working"))?,
            None => false,
        };
        Some(Answer::Days { days, working })
    }

    fn years(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        question: &str,
        kind: &str,
    ) -> Option<Answer> {
        let fields = self.fields(
            value,
            question,
            &["years", "body"],
            "{ years = 4, body = \"Standards Committee\" }",
        )?;
        let years = match fields.get("years") {
            Some(v) => self.int(v, &format!("'{question}' years"), 1, MAX_YEARS)?,
            None => {
                self.problem(
                    value.span(),
                    format!("missing 'years' in '{question}'"),
                    Some("write for example { years = 4, body = \"Standards Committee\" }".into()),
                );
                return None;
            }
        };
        let body = match fields.get("body") {
            Some(v) => self.name_string(v, &format!("'{question}' body"))?,
            None => options::default_review_body(kind).to_string(),
        };
        Some(Answer::Years { years, body })
    }

    fn forbidden(&mut self, value: &Spanned<DeValue<'_>>, question: &str) -> Option<Answer> {
        let fields = self.fields(value, question, &["forbidden"], "{ forbidden = true }")?;
        match fields.get("forbidden") {
            Some(v) => Some(Answer::Forbidden {
                forbidden: self.bool(v, &format!("'{question}' forbidden"))?,
            }),
            None => {
                self.problem(
                    value.span(),
                    format!("missing 'forbidden' in '{question}'"),
                    Some("write { forbidden = true } or { forbidden = false }".into()),
                );
                None
            }
        }
    }

    fn unknown_key(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        table: &str,
        allowed: &[&str],
    ) {
        let k = key.get_ref().as_ref();
        self.problem(
            key.span(),
            format!("unknown key '{k}' in {table}"),
            Some(suggest::hint(k, allowed)),
        );
    }

    fn string(&mut self, value: &Spanned<DeValue<'_>>, what: &str) -> Option<String> {
        match value.get_ref().as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                self.problem(
                    value.span(),
                    format!(
                        "wrong type for {what}: expected a string, found {}",
                        type_name(value.get_ref())
                    ),
                    None,
                );
                None
            }
        }
    }

    /// A one-line name: options values are data printed into every output, so control
    /// characters and line breaks (which could forge document structure) are refused.
    fn name_string(&mut self, value: &Spanned<DeValue<'_>>, what: &str) -> Option<String> {
        let s = self.string(value, what)?;
        let trimmed = s.trim();
        if trimmed.is_empty() {
            self.problem(value.span(), format!("{what} is empty"), None);
            return None;
        }
        if let Some(c) = s.chars().find(|c| c.is_control()) {
            self.problem(
                value.span(),
                format!(
                    "{what} holds a control character ({c:?}): '{}'",
                    s.escape_default()
                ),
                Some("write the value on one line, without tabs or line breaks".into()),
            );
            return None;
        }
        if trimmed.chars().count() > MAX_NAME_CHARS {
            self.problem(
                value.span(),
                format!("{what} is longer than {MAX_NAME_CHARS} characters"),
                None,
            );
            return None;
        }
        Some(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    fn bool(&mut self, value: &Spanned<DeValue<'_>>, what: &str) -> Option<bool> {
        match value.get_ref().as_bool() {
            Some(b) => Some(b),
            None => {
                self.problem(
                    value.span(),
                    format!(
                        "wrong type for {what}: expected true or false, found {}",
                        type_name(value.get_ref())
                    ),
                    None,
                );
                None
            }
        }
    }

    fn int(&mut self, value: &Spanned<DeValue<'_>>, what: &str, min: i64, max: i64) -> Option<u32> {
        let Some(i) = value.get_ref().as_integer() else {
            self.problem(
                value.span(),
                format!(
                    "wrong type for {what}: expected a whole number, found {}",
                    type_name(value.get_ref())
                ),
                None,
            );
            return None;
        };
        let digits = i.as_str().replace('_', "");
        match i64::from_str_radix(&digits, i.radix()) {
            Ok(n) if (min..=max).contains(&n) => u32::try_from(n).ok(),
            _ => {
                self.problem(
                    value.span(),
                    format!("value not allowed for {what}: '{}'", i.as_str()),
                    Some(format!("allowed: a whole number from {min} to {max}")),
                );
                None
            }
        }
    }

    fn date(&mut self, value: &Spanned<DeValue<'_>>, what: &str) -> Option<String> {
        let parsed = match value.get_ref() {
            DeValue::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.date,
            DeValue::String(s) => s.parse::<toml::value::Datetime>().ok().and_then(|d| {
                (d.time.is_none() && d.offset.is_none())
                    .then_some(d.date)
                    .flatten()
            }),
            _ => None,
        };
        match parsed {
            Some(d) => Some(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
            None => {
                self.problem(
                    value.span(),
                    format!(
                        "value not allowed for {what}: '{}'",
                        self.text.get(value.span()).unwrap_or_default()
                    ),
                    Some("write a date such as 2026-05-05".into()),
                );
                None
            }
        }
    }
}

/// Where a table's header or first key is, for "missing key" problems.
fn table_start(table: &Spanned<DeValue<'_>>) -> Range<usize> {
    let span = table.span();
    span.start..span.start
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

fn quoted(list: &[&str]) -> String {
    list.iter()
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(", ")
}
