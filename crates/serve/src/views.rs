//! The page templates (minijinja, compiled into the binary, every value escaped for HTML) and
//! the helpers they share: clause anchors, role names, plain-English dates.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use minijinja::{Environment, Value, context};

use crate::refusal::Refusal;
use crate::session::Session;

/// The templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../assets/templates/base.html")),
    (
        "macros.html",
        include_str!("../assets/templates/macros.html"),
    ),
    ("home.html", include_str!("../assets/templates/home.html")),
    ("error.html", include_str!("../assets/templates/error.html")),
    (
        "compare.html",
        include_str!("../assets/templates/compare.html"),
    ),
    (
        "compared.html",
        include_str!("../assets/templates/compared.html"),
    ),
    (
        "document.html",
        include_str!("../assets/templates/document.html"),
    ),
    (
        "redline.html",
        include_str!("../assets/templates/redline.html"),
    ),
    (
        "redlined.html",
        include_str!("../assets/templates/redlined.html"),
    ),
    ("pack.html", include_str!("../assets/templates/pack.html")),
    (
        "packed.html",
        include_str!("../assets/templates/packed.html"),
    ),
    ("draft.html", include_str!("../assets/templates/draft.html")),
    ("check.html", include_str!("../assets/templates/check.html")),
    (
        "checked.html",
        include_str!("../assets/templates/checked.html"),
    ),
    ("read.html", include_str!("../assets/templates/read.html")),
    (
        "readout.html",
        include_str!("../assets/templates/readout.html"),
    ),
    (
        "project.html",
        include_str!("../assets/templates/project.html"),
    ),
    ("built.html", include_str!("../assets/templates/built.html")),
    (
        "revise.html",
        include_str!("../assets/templates/revise.html"),
    ),
    (
        "revised.html",
        include_str!("../assets/templates/revised.html"),
    ),
];

/// The template environment.
pub struct Views {
    env: Environment<'static>,
}

impl std::fmt::Debug for Views {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Views")
    }
}

impl Default for Views {
    fn default() -> Views {
        Views::new()
    }
}

impl Views {
    pub fn new() -> Views {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        for (name, source) in TEMPLATES {
            // The templates are part of the binary and tested: a broken one is a bug caught by
            // `every_template_compiles`, and the page that uses it then says so.
            let _ = env.add_template(name, source);
        }
        env.add_filter("anchor", |s: String| anchor(&s));
        env.add_filter("role", |s: String| role_name(&s));
        env.add_filter("short", |s: String, n: usize| short(&s, n));
        env.add_filter("plural", |n: usize, one: String, many: String| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        });
        Views { env }
    }

    /// A page, or the error page when a template fails (a bug, said plainly).
    pub fn render(&self, name: &str, ctx: Value) -> Result<String, Refusal> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(ctx))
            .map_err(|e| {
                let mut message = format!("the page {name} could not be made: {e}");
                let mut source = std::error::Error::source(&e);
                while let Some(s) = source {
                    message.push_str(": ");
                    message.push_str(&s.to_string());
                    source = s.source();
                }
                Refusal::internal(message)
            })
    }
}

/// What every page shows besides its own content: the form token of the session (forms need it)
/// and whether there is a project (the navigation links to it).
#[derive(Debug, Clone, Copy)]
pub struct Common<'a> {
    pub session: Option<&'a Session>,
    pub project: bool,
}

impl Views {
    /// A page as a response (200), or the error page if the template fails.
    pub fn page(&self, name: &str, ctx: Value, common: Common<'_>) -> Response {
        self.page_with(StatusCode::OK, name, ctx, common)
    }

    /// A page with a status.
    pub fn page_with(
        &self,
        status: StatusCode,
        name: &str,
        ctx: Value,
        common: Common<'_>,
    ) -> Response {
        let token = common
            .session
            .map(|s| s.form_token.clone())
            .unwrap_or_default();
        let full = context! { token => token, has_project => common.project, ..ctx };
        match self.render(name, full) {
            Ok(html) => (status, Html(html)).into_response(),
            Err(r) => self.refusal(&r, common),
        }
    }

    /// The page for a refusal, with its status.
    pub fn refusal(&self, r: &Refusal, common: Common<'_>) -> Response {
        let status = StatusCode::from_u16(r.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let ctx = context! {
            title => &r.title, message => &r.message, hint => &r.hint, here => "",
            token => common.session.map(|s| s.form_token.clone()).unwrap_or_default(),
            has_project => common.project,
        };
        match self.render("error.html", ctx) {
            Ok(html) => (status, Html(html)).into_response(),
            // The error page itself failed: say it in plain text.
            Err(_) => (
                status,
                format!("{}\n\n{}\n\n{}\n", r.title, r.message, r.hint),
            )
                .into_response(),
        }
    }
}

/// A fragment id for a clause id: letters, digits, `.`, `-` and `_` kept, anything else `-`,
/// after `c-` (an id may start with a digit).
pub fn anchor(s: &str) -> String {
    let mut out = String::from("c-");
    out.extend(s.chars().map(|c| {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
            c
        } else {
            '-'
        }
    }));
    out
}

/// The first `n` characters of `s`, cut at a space with `…` when longer.
pub fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let cut: String = s.chars().take(n).collect();
    let at = cut.rfind(' ').filter(|&i| i > n / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

/// A role's name as a reader says it ("Monitoring Officer"), or the id when it is not one.
pub fn role_name(id: &str) -> String {
    concord_model::roles::role(id).map_or_else(|| id.to_string(), |r| r.name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_compiles() {
        let views = Views::new();
        for (name, _) in TEMPLATES {
            assert!(views.env.get_template(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn anchors_and_role_names() {
        assert_eq!(anchor("2.8.1"), "c-2.8.1");
        assert_eq!(anchor("intro/p3"), "c-intro-p3");
        assert_eq!(role_name("monitoring-officer"), "Monitoring Officer");
        assert_eq!(role_name("nobody"), "nobody");
    }
}
