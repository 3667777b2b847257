//! Concord's local web app (`concord serve`): everything the commands do, a form away in a
//! browser, for the Monitoring Officers, clerks and committee members who do not use a
//! terminal. Server-rendered pages that work without JavaScript (a small script only adds
//! dropping files and the drafting page's live preview), with their templates, stylesheet and
//! script compiled in: no CDN, no external fonts, no network.
//!
//! - Compare, Redline, Review pack, Draft, Revise, Check and Read, one module each under `pages/`,
//!   calling the library crates as the commands do (`concord-publish` for every file written).
//! - Safe by default (`security`): the binary binds loopback unless given `--token`; every
//!   request's `Host` must be this server's (DNS rebinding), POSTs must come from its own pages
//!   (`Origin`, `Sec-Fetch-Site`) with the session's form token (`session`, `form`), and
//!   every answer carries a Content-Security-Policy without inline script.
//! - Bounded: uploads within the reader's limits and a body limit, at most `jobs` requests
//!   working at once (`pages::work`), each cut off after `timeout`, and only the newest
//!   `keep` results kept in memory (`store`). Uploads are never written to disk by this crate;
//!   the [`Host`] the binary provides runs `pdftotext` or LibreOffice in a private temporary
//!   folder removed after the conversion.
//!
//! This crate touches no files: reading uploads that need a program, the project folder and the
//! clock are the [`Host`]'s, which the binary implements.

mod app;
mod corpus;
mod form;
mod pages;
mod refusal;
mod security;
mod session;
mod store;
mod views;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

pub use app::{Config, Host, Project};
pub use refusal::{Refusal, sentence};
pub use security::CSP;

/// The web app's routes behind its guard, for `addr`, the address the server listens on.
pub fn router(
    cfg: Config,
    addr: std::net::SocketAddr,
    host: Arc<dyn Host>,
) -> Result<Router, Refusal> {
    let body = cfg.max_body;
    let app = Arc::new(app::App::new(cfg, addr, host)?);
    Ok(Router::new()
        .route("/", get(pages::home::get))
        .route("/assets/app.css", get(pages::assets::css))
        .route("/assets/app.js", get(pages::assets::js))
        .route(
            "/compare",
            get(pages::compare::get).post(pages::compare::post),
        )
        .route(
            "/redline",
            get(pages::redline::get).post(pages::redline::post),
        )
        .route("/pack", get(pages::pack::get).post(pages::pack::post))
        .route("/draft", get(pages::draft::get).post(pages::draft::post))
        .route("/draft/from", post(pages::draft::from))
        .route("/revise", get(pages::revise::get).post(pages::revise::post))
        .route("/check", get(pages::check::get).post(pages::check::post))
        .route("/read", get(pages::read::get).post(pages::read::post))
        .route("/project", get(pages::project::get))
        .route("/project/build", post(pages::project::build))
        .route("/corpus/{id}", get(pages::document::bundled))
        .route("/result/{rid}/doc/{n}", get(pages::document::kept))
        .route("/result/{rid}/{file}", get(pages::redline::download))
        .fallback(pages::home::missing)
        .layer(DefaultBodyLimit::max(body))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            security::guard,
        ))
        .with_state(app))
}

/// Serves the web app on `listener` until the process ends.
pub fn serve(
    listener: std::net::TcpListener,
    cfg: Config,
    host: Arc<dyn Host>,
) -> Result<(), Refusal> {
    let addr = listener
        .local_addr()
        .map_err(|e| Refusal::internal(format!("cannot tell the address listened on: {e}")))?;
    let router = router(cfg, addr, host)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| Refusal::internal(format!("cannot start the server: {e}")))?;
    runtime.block_on(async move {
        listener
            .set_nonblocking(true)
            .map_err(|e| Refusal::internal(format!("cannot listen: {e}")))?;
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| Refusal::internal(format!("cannot listen: {e}")))?;
        axum::serve(listener, router)
            .await
            .map_err(|e| Refusal::internal(format!("the server stopped: {e}")))
    })
}
