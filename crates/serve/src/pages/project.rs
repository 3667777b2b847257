//! The project (`concord serve --project DIR`): its protocols listed with what can be done
//! with each, and `concord build` run on its `concord.toml` from the page.

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Request, State};
use axum::response::Response;
use minijinja::context;

use crate::app::App;
use crate::refusal::Refusal;
use crate::session::Session;

fn no_project() -> Refusal {
    Refusal::new(
        404,
        "There is no project",
        "this Concord was started without a project folder.",
        "Start it with concord serve --project DIR, where DIR holds a concord.toml.",
    )
}

pub async fn get(State(app): State<Arc<App>>, Extension(session): Extension<Session>) -> Response {
    let r = match app.host.project() {
        None => Err(no_project()),
        Some(p) => p.protocols().map(|files| {
            app.views.page(
                "project.html",
                context! { title => "Your project", here => "project", name => p.name(), files => files },
                super::common(&app, &session),
            )
        }),
    };
    super::respond(&app, &session, r)
}

pub async fn build(
    State(app): State<Arc<App>>,
    Extension(session): Extension<Session>,
    req: Request,
) -> Response {
    let r = run(&app, &session, req).await;
    super::respond(&app, &session, r)
}

async fn run(app: &Arc<App>, session: &Session, req: Request) -> Result<Response, Refusal> {
    crate::form::read(app, session, req).await?;
    let a = Arc::clone(app);
    let (name, lines) = super::work(app, move || {
        let p = a.host.project().ok_or_else(no_project)?;
        Ok((p.name(), p.build()?))
    })
    .await?;
    Ok(app.views.page(
        "built.html",
        context! { title => "Project built", here => "project", name => name, lines => lines },
        super::common(app, session),
    ))
}
