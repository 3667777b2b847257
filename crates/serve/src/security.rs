//! The guard every request passes before any page sees it, so that a web page the user happens
//! to visit cannot drive their local Concord:
//!
//! 1. the `Host` must be the address the server serves (DNS rebinding gives a foreign name);
//! 2. with `--token`, the request must carry it (a header, the access cookie, or once in the
//!    address, which sets the cookie and is then taken out of the address);
//! 3. a POST must come from this origin (`Sec-Fetch-Site`, `Origin`, `Referer`) and with a
//!    session cookie; its form token is checked where the form is read (`form`);
//! 4. every answer carries a Content-Security-Policy without inline script, refuses framing
//!    and sniffing, and is cut off with a message when it takes longer than `--timeout`.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::App;
use crate::refusal::Refusal;
use crate::session::{self, ACCESS_COOKIE, SESSION_COOKIE, Session};
use crate::views::Common;

/// The policy: scripts, styles and images from this server only, forms posted only to it,
/// nothing framed, no plug-ins, no base tag.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The middleware.
pub async fn guard(State(app): State<Arc<App>>, mut req: Request, next: Next) -> Response {
    let project = app.host.project().is_some();
    let plain = Common {
        session: None,
        project,
    };
    let headers = req.headers().clone();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .to_string();
    if !host_allowed(&app, &host) {
        return harden(app.views.refusal(
            &Refusal::new(
                421,
                "This address is not Concord's",
                format!("the request was for the host {host:?}, which this Concord does not serve."),
                format!(
                    "Open Concord at http://127.0.0.1:{}/ (or the address it printed when it started).",
                    app.addr.port()
                ),
            ),
            plain,
        ));
    }
    let mut set_cookies: Vec<String> = Vec::new();
    // The stylesheet and script hold nothing of the user's: the token page itself needs them.
    let asset = req.uri().path().starts_with("/assets/");
    if let Some(token) = app.cfg.token.as_ref().filter(|_| !asset) {
        let expected = session::derive(&app.key, "access", token);
        let cookie = cookie(&headers, ACCESS_COOKIE);
        let bearer = headers
            .get(header::AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .and_then(|h| h.strip_prefix("Bearer "));
        let in_query = query_token(req.uri().query());
        let ok_cookie = cookie.is_some_and(|c| session::same(c.as_bytes(), expected.as_bytes()));
        let ok_bearer = bearer.is_some_and(|b| session::same(b.as_bytes(), token.as_bytes()));
        let ok_query = in_query
            .as_deref()
            .is_some_and(|q| session::same(q.as_bytes(), token.as_bytes()));
        if ok_query && req.method() == Method::GET {
            // Take the token out of the address (and so out of history and bookmarks).
            let path = req.uri().path().to_string();
            let mut r = (StatusCode::SEE_OTHER, [(header::LOCATION, path)]).into_response();
            add_cookie(&mut r, &cookie_line(ACCESS_COOKIE, &expected));
            return harden(r);
        }
        if !(ok_cookie || ok_bearer) {
            return harden(app.views.refusal(
                &Refusal::new(
                    401,
                    "This Concord needs its access token",
                    "the server was started with --token, and this request did not carry it.",
                    "Open the address Concord printed when it started: it holds the token.",
                ),
                plain,
            ));
        }
    }
    let existing = cookie(&headers, SESSION_COOKIE)
        .filter(|id| session::valid_id(id))
        .map(|id| Session::new(&app.key, id.to_string()));
    let is_post = req.method() == Method::POST;
    if is_post {
        if let Some(why) = cross_site(&headers, &host) {
            return harden(app.views.refusal(
                &Refusal::new(
                    403,
                    "This form came from another site",
                    why,
                    "Use Concord's own pages to send files; if you did, reload the page and try again.",
                ),
                plain,
            ));
        }
        if existing.is_none() {
            return harden(app.views.refusal(
                &Refusal::new(
                    403,
                    "Your session has expired",
                    "the form was sent without the session it was made in.",
                    "Reload the page, then send the form again.",
                ),
                plain,
            ));
        }
    }
    let session = match existing {
        Some(s) => s,
        None => match Session::fresh(&app.key) {
            Some(s) => {
                set_cookies.push(cookie_line(SESSION_COOKIE, &s.id));
                s
            }
            None => {
                return harden(app.views.refusal(
                    &Refusal::internal("the system gave no random numbers for a session"),
                    plain,
                ));
            }
        },
    };
    req.extensions_mut().insert(session.clone());
    let mut response = match tokio::time::timeout(app.cfg.timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => app.views.refusal(
            &Refusal::new(
                503,
                "This took too long",
                format!(
                    "Concord stopped waiting after {} seconds: the server is busy, or the files are very large.",
                    app.cfg.timeout.as_secs()
                ),
                "Try again in a minute, or with fewer or smaller files.",
            ),
            Common {
                session: Some(&session),
                project,
            },
        ),
    };
    for c in &set_cookies {
        add_cookie(&mut response, c);
    }
    harden(response)
}

/// True when a `Host` header names this server: loopback by name or address, the address it
/// listens on, a name given with `--allow-host`, or (when it listens on every address) any IP
/// address; always with its port. DNS rebinding sends a foreign name, which fails.
fn host_allowed(app: &App, host: &str) -> bool {
    let port = app.addr.port();
    let (name, given_port) = match host.rsplit_once(':') {
        Some((n, p)) if !n.ends_with(':') && !p.contains(']') => (n, p.parse::<u16>().ok()),
        _ => (host, Some(80)),
    };
    if given_port != Some(port) || name.is_empty() {
        return false;
    }
    let name = name.to_ascii_lowercase();
    let bare = name.trim_start_matches('[').trim_end_matches(']');
    if name == "localhost"
        || app
            .cfg
            .allowed_hosts
            .iter()
            .any(|h| h.eq_ignore_ascii_case(&name))
    {
        return true;
    }
    match bare.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip == app.addr.ip() || app.addr.ip().is_unspecified(),
        Err(_) => false,
    }
}

/// Why a POST is refused as coming from another site, or `None` when it is this site's own.
fn cross_site(headers: &HeaderMap, host: &str) -> Option<String> {
    let get = |h: header::HeaderName| headers.get(h).and_then(|v| v.to_str().ok());
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return Some(format!(
            "the browser said the form was sent from a {site} page."
        ));
    }
    let own = format!("http://{host}");
    if let Some(origin) = get(header::ORIGIN) {
        return (origin != own)
            .then(|| format!("the form was sent from {origin:?}, not from Concord."));
    }
    if let Some(referer) = get(header::REFERER) {
        let ok = referer == own || referer.starts_with(&format!("{own}/"));
        return (!ok).then(|| "the form was sent from another page than Concord's.".to_string());
    }
    None
}

/// The token given in the address (`?token=...`), decoded.
fn query_token(query: Option<&str>) -> Option<String> {
    query?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == "token").then(|| percent_decode(v))
    })
}

/// `%XX` and `+` decoded; anything malformed kept as it is.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |at: usize| {
            b.get(at..at + 2)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        };
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if hex(i + 1).is_some() => {
                out.extend(hex(i + 1));
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| session::cookie(h, name))
}

fn cookie_line(name: &str, value: &str) -> String {
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict")
}

fn add_cookie(r: &mut Response, line: &str) {
    if let Ok(v) = HeaderValue::from_str(line) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// The headers every answer carries.
fn harden(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_site_posts_are_told_apart() {
        let mut h = HeaderMap::new();
        assert!(
            cross_site(&h, "127.0.0.1:8080").is_none(),
            "no headers: the form token decides"
        );
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:8080"),
        );
        assert!(cross_site(&h, "127.0.0.1:8080").is_none());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(cross_site(&h, "127.0.0.1:8080").is_some());
        h.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(cross_site(&h, "127.0.0.1:8080").is_some());
        let mut h = HeaderMap::new();
        h.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(cross_site(&h, "127.0.0.1:8080").is_some());
        let mut h = HeaderMap::new();
        h.insert(
            header::REFERER,
            HeaderValue::from_static("http://127.0.0.1:8080.evil/x"),
        );
        assert!(cross_site(&h, "127.0.0.1:8080").is_some());
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
