//! The home page: what Concord can do, one link each, and the project when there is one.

use std::sync::Arc;

use axum::Extension;
use axum::extract::State;
use axum::response::Response;
use minijinja::context;

use crate::app::App;
use crate::session::Session;

pub async fn get(State(app): State<Arc<App>>, Extension(session): Extension<Session>) -> Response {
    let project = app.host.project().map(|p| p.name());
    app.views.page(
        "home.html",
        context! { title => "Concord", here => "home", project => project },
        super::common(&app, &session),
    )
}

/// Any other address: a page that says so and leads home.
pub async fn missing(
    State(app): State<Arc<App>>,
    Extension(session): Extension<Session>,
) -> Response {
    app.views.refusal(
        &crate::refusal::Refusal::new(
            404,
            "Page not found",
            "Concord has no page at this address.",
            "Start again from the home page.",
        ),
        super::common(&app, &session),
    )
}
