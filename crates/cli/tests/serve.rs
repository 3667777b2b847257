//! `concord serve`: what a web page the user happens to visit must not be able to do (a wrong
//! Host, a cross-site POST, a missing form token or access token), bad forms (oversized,
//! malformed, path-like file names, markup in every field), and the pages' answers over a
//! real socket. The browser test (every page in headless Chromium with axe-core, then the Word
//! redline opened in LibreOffice) is at the end, ignored unless its clients are asked for.

mod support;

use std::path::Path;
use std::process::Command;

use support::{Part, Server, repo};

fn file(path: &str) -> Vec<u8> {
    std::fs::read(repo().join(path)).expect("fixture")
}

#[test]
fn a_wrong_host_is_refused_and_loopback_names_are_served() {
    let s = Server::start(&[]);
    let port = s.addr.port();
    for bad in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        "127.0.0.1:1".to_string(),
        String::new(),
    ] {
        let r = s.get("/", &[("Host", &bad)]);
        assert_eq!(r.status, 421, "Host {bad:?}: {}", r.body);
        assert!(r.body.contains("This address is not Concord"), "{}", r.body);
    }
    // `get` sends Host 127.0.0.1:PORT; these are the other names of loopback.
    for good in [format!("localhost:{port}"), format!("[::1]:{port}")] {
        let mut req = format!("GET / HTTP/1.1\r\nHost: {good}\r\nConnection: close\r\n\r\n");
        let r = support::send(s.addr, std::mem::take(&mut req).as_bytes());
        assert_eq!(r.status, 200, "Host {good:?}");
    }
}

#[test]
fn every_answer_carries_the_security_headers() {
    let s = Server::start(&[]);
    for path in ["/", "/compare", "/draft", "/nowhere", "/assets/app.css"] {
        let r = s.get(path, &[]);
        let csp = r.header("content-security-policy").unwrap_or("");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert_eq!(r.header("x-frame-options"), Some("DENY"), "{path}");
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
    }
    let cookie = s.get("/", &[]);
    let c = cookie.header("set-cookie").expect("a session cookie");
    assert!(
        c.contains("HttpOnly") && c.contains("SameSite=Strict"),
        "{c}"
    );
    // No page holds an inline script or an external resource.
    for path in [
        "/", "/compare", "/redline", "/pack", "/draft", "/check", "/read",
    ] {
        let body = s.get(path, &[]).body;
        assert!(
            !body.contains("<script>") && !body.contains("http://") && !body.contains("https://"),
            "{path}"
        );
    }
}

#[test]
fn a_cross_site_post_is_refused() {
    let s = Server::start(&[]);
    let session = s.session("/compare");
    let parts = [Part::field("corpus", "003_d91a8e6c4f59d3bb")];
    let ok = s.post(
        "/compare",
        Some(&session),
        &parts,
        &[("Origin", &format!("http://{}", s.host()))],
    );
    assert_eq!(ok.status, 200, "{}", ok.body);
    for headers in [
        vec![("Origin", "http://evil.example")],
        vec![("Origin", "null")],
        vec![("Sec-Fetch-Site", "cross-site")],
        vec![("Sec-Fetch-Site", "same-site")],
        vec![("Referer", "http://evil.example/page")],
    ] {
        let r = s.post("/compare", Some(&session), &parts, &headers);
        assert_eq!(r.status, 403, "{headers:?}: {}", r.body);
        assert_eq!(r.h1(), "This form came from another site", "{headers:?}");
    }
}

#[test]
fn a_post_without_its_session_or_form_token_is_refused() {
    let s = Server::start(&[]);
    let session = s.session("/compare");
    let parts = [Part::field("corpus", "003_d91a8e6c4f59d3bb")];
    // No cookie at all: a page elsewhere cannot send it (SameSite=Strict).
    let r = s.post("/compare", None, &parts, &[]);
    assert_eq!(r.status, 403);
    assert_eq!(r.h1(), "Your session has expired");
    // The cookie but not the token, or another session's token.
    let other = s.session("/compare");
    for token in ["", "0000", other.token.as_str()] {
        let forged = support::Session {
            cookie: session.cookie.clone(),
            token: token.to_string(),
        };
        let r = s.post("/compare", Some(&forged), &parts, &[]);
        assert_eq!(r.status, 403, "token {token:?}");
        assert_eq!(r.h1(), "The form has expired");
    }
}

#[test]
fn binding_widely_needs_a_token_and_every_request_then_carries_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["serve", "--bind", "0.0.0.0", "--port", "0"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refusing to listen on 0.0.0.0 without --token"),
        "{err}"
    );
    let short = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["serve", "--token", "short", "--port", "0"])
        .output()
        .expect("runs");
    assert_eq!(short.status.code(), Some(2));

    let token = "test-token-0123456789abcdef";
    let s = Server::start(&["--token", token]);
    assert!(s.url.ends_with(&format!("/?token={token}")), "{}", s.url);
    let r = s.get("/", &[]);
    assert_eq!(r.status, 401);
    assert_eq!(r.h1(), "This Concord needs its access token");
    let r = s.get(
        "/compare",
        &[("Authorization", "Bearer wrong-token-0123456789")],
    );
    assert_eq!(r.status, 401);
    let r = s.get("/compare", &[("Authorization", &format!("Bearer {token}"))]);
    assert_eq!(r.status, 200);
    // The token in the address sets a cookie and is taken out of the address.
    let r = s.get(&format!("/compare?token={token}"), &[]);
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/compare"));
    let cookie = r
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("an access cookie")
        .to_string();
    assert!(
        !cookie.contains(token),
        "the cookie holds a derived value, not the token"
    );
    let r = s.get("/compare", &[("Cookie", &cookie)]);
    assert_eq!(r.status, 200);
    let r = s.get("/compare", &[("Cookie", "concord_access=0123")]);
    assert_eq!(r.status, 401);
}

#[test]
fn oversized_uploads_and_forms_are_refused_with_a_page() {
    let s = Server::start(&["--max-size", "10K"]);
    let session = s.session("/read");
    let big = "1.1 Officers and councillors work together.\n".repeat(1000);
    let r = s.post(
        "/read",
        Some(&session),
        &[Part::file("file", "big.txt", big.as_bytes())],
        &[],
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.h1(), "The file is too large");
    assert!(
        r.body.contains("larger than the limit of 10240 bytes"),
        "{}",
        r.body
    );
    // Past the body limit (twice --max-size and a megabyte): refused before it is read whole.
    let huge = vec![b'a'; 3 << 20];
    let r = s.post(
        "/read",
        Some(&session),
        &[Part::file("file", "huge.txt", &huge)],
        &[],
    );
    assert!(matches!(r.status, 413 | 422), "{}: {}", r.status, r.h1());
    assert!(r.h1().contains("too large"), "{}", r.h1());
    // Too many files in one form.
    let many: Vec<Part> = (0..25)
        .map(|i| Part::file("files", &format!("p{i}.txt"), b"1.1 Text."))
        .collect();
    let r = s.post("/compare", Some(&session), &many, &[]);
    assert_eq!(r.status, 400);
    assert!(r.body.contains("than 20 files were sent"), "{}", r.body);
}

#[test]
fn malformed_forms_are_refused_with_a_page() {
    let s = Server::start(&[]);
    let session = s.session("/read");
    let host = s.host();
    let cases: Vec<(String, Vec<u8>)> = vec![
        (
            "application/x-www-form-urlencoded".into(),
            b"_token=x&file=y".to_vec(),
        ),
        (
            "multipart/form-data; boundary=abc".into(),
            b"--abc\r\nContent-Disposition: form-data; name=\"_token\"\r\n\r\nno end".to_vec(),
        ),
        ("multipart/form-data".into(), b"--abc--\r\n".to_vec()),
        (
            "multipart/form-data; boundary=abc".into(),
            b"garbage with no boundary at all".to_vec(),
        ),
    ];
    for (content_type, body) in cases {
        let mut req = format!(
            "POST /read HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nCookie: {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            session.cookie,
            body.len()
        )
        .into_bytes();
        req.extend_from_slice(&body);
        let r = support::send(s.addr, &req);
        assert!(
            matches!(r.status, 400 | 403),
            "{content_type}: {} {}",
            r.status,
            r.h1()
        );
        assert!(
            r.body.contains("<h1>"),
            "a page, not a bare error: {}",
            r.body
        );
        assert!(r.header("content-security-policy").is_some());
    }
}

#[test]
fn path_like_file_names_are_only_names() {
    let s = Server::start(&[]);
    let session = s.session("/read");
    let text = file("templates/examples/site/protocol.md");
    for name in [
        "../../../../etc/passwd",
        "C:\\Users\\clerk\\..\\secret.md",
        "/etc/shadow",
        "..",
        "%2e%2e%2fetc",
    ] {
        let r = s.post(
            "/read",
            Some(&session),
            &[Part::file("file", name, &text)],
            &[],
        );
        assert_eq!(r.status, 200, "{name}: {}", r.h1());
        let shown = r.h1();
        assert!(
            !shown.contains('/') && !shown.contains('\\') && !shown.contains("&#x2f;"),
            "{name}: {shown}"
        );
        assert!(!r.body.contains("root:"), "nothing of /etc/passwd");
    }
    // A project file is named only as the listing names it.
    let site = tempfile::tempdir().expect("tmp");
    copy_dir(&repo().join("templates/examples/site"), site.path());
    let p = Server::start(&["--project", site.path().to_str().expect("utf-8")]);
    let ps = p.session("/read");
    for name in [
        "../../etc/passwd",
        "/etc/passwd",
        "public/model-draft.md",
        "protocol.md/../../x",
    ] {
        let r = p.post(
            "/read",
            Some(&ps),
            &[Part::field("file_project", name)],
            &[],
        );
        assert_eq!(r.status, 400, "{name}: {}", r.h1());
        assert!(r.body.contains("project has no protocol called"), "{name}");
    }
    let r = p.post(
        "/read",
        Some(&ps),
        &[Part::field("file_project", "protocol.md")],
        &[],
    );
    assert_eq!(r.status, 200, "{}", r.body);
}

#[test]
fn special_characters_in_every_field_stay_text() {
    let s = Server::start(&[]);
    let session = s.session("/draft");
    let nasty = "<script>alert('x')</script> \"Quoted\" & Co's Parish Council";
    let mut parts = vec![
        Part::field("name", nasty),
        Part::field("kind", "parish"),
        Part::field("kind_was", "parish"),
        Part::field("adopted", "<b>2026</b>"),
        Part::field("head", nasty),
        Part::field("principal", nasty),
        Part::field("councillor", "<i>member</i>"),
        Part::field("q-review-cycle-years", "<3"),
        Part::field("q-review-cycle-body", nasty),
        Part::field("q-officer-complaint-about-councillor-1", "<script>"),
        Part::field("action", "preview"),
    ];
    let r = s.post("/draft", Some(&session), &parts, &[]);
    assert_eq!(r.status, 200, "{}", r.h1());
    assert!(!r.body.contains("<script>alert"), "escaped");
    assert!(!r.body.contains("<b>2026") && !r.body.contains("<i>member"));
    assert!(r.body.contains("&lt;script&gt;alert"), "shown as text");
    assert!(
        r.body.contains("There is a problem"),
        "the bad date, route and years are mistakes"
    );
    // With valid values around the same name, the protocol drafts and downloads.
    parts.retain(|p| {
        ![
            "adopted",
            "councillor",
            "q-review-cycle-years",
            "q-officer-complaint-about-councillor-1",
            "action",
        ]
        .contains(&p.name.as_str())
    });
    parts.push(Part::field(
        "q-officer-complaint-about-councillor-1",
        "chair",
    ));
    parts.push(Part::field("q-review-cycle-years", "2"));
    parts.push(Part::field("action", "md"));
    let r = s.post("/draft", Some(&session), &parts, &[]);
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.header("content-disposition")
            .is_some_and(|d| d.contains("attachment")),
        "{:?}",
        r.headers
    );
    assert!(
        r.body.contains("Co's Parish Council"),
        "the Markdown names the council"
    );
    // The pack's title and meeting.
    let pack = s.session("/pack");
    let r = s.post(
        "/pack",
        Some(&pack),
        &[
            Part::field("tracked_corpus", "000_0739291e76a941b3"),
            Part::field("title", nasty),
            Part::field("meeting", nasty),
        ],
        &[],
    );
    assert_eq!(r.status, 200, "{}", r.h1());
    assert!(!r.body.contains("<script>alert") && r.body.contains("&lt;script&gt;"));
}

#[test]
fn the_pages_answer_over_a_socket() {
    let s = Server::start(&[]);
    let session = s.session("/compare");
    let r = s.post(
        "/compare",
        Some(&session),
        &[
            Part::file(
                "files",
                "tewkesbury.txt",
                &file("corpus/003_d91a8e6c4f59d3bb.txt"),
            ),
            Part::field("corpus", "004_71cbc2f1760365f7"),
        ],
        &[],
    );
    assert_eq!(r.status, 200, "{}", r.h1());
    assert!(
        r.body
            .contains("Who does an officer go to about a councillor")
    );
    // A clause link opens the document, for this session only.
    let link = r
        .body
        .split("href=\"/result/")
        .nth(1)
        .and_then(|l| l.split('"').next())
        .expect("a clause link")
        .replace("&#x2f;", "/");
    let path = format!("/result/{}", link.split('#').next().unwrap_or(""));
    let doc = s.get(&path, &[("Cookie", &session.cookie)]);
    assert_eq!(doc.status, 200, "{path}");
    assert!(doc.body.contains("id=\"c-"), "clauses with their anchors");
    let other = s.get(&path, &[]);
    assert_eq!(other.status, 404, "another session cannot read it");

    let r = s.post(
        "/redline",
        Some(&session),
        &[
            Part::file(
                "old",
                "previous.md",
                &file("templates/examples/site/previous.md"),
            ),
            Part::file(
                "new",
                "protocol.md",
                &file("templates/examples/site/protocol.md"),
            ),
        ],
        &[],
    );
    assert_eq!(r.status, 200, "{}", r.h1());
    assert!(r.body.contains("<del>") && r.body.contains("<ins>"));
    let docx = r
        .body
        .split("href=\"")
        .find_map(|h| h.split('"').next().filter(|l| l.ends_with("redline.docx")))
        .expect("a Word download")
        .replace("&#x2f;", "/");
    let d = s.get(&docx, &[("Cookie", &session.cookie)]);
    assert_eq!(d.status, 200);
    assert!(d.bytes.starts_with(b"PK"));
    assert!(
        d.header("content-disposition")
            .is_some_and(|c| c.contains("protocol-redline.docx"))
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from)
        .expect("read")
        .filter_map(Result::ok)
    {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).expect("copy");
        }
    }
}

#[test]
#[ignore = "needs Chromium, node, playwright-core, axe-core and LibreOffice"]
fn every_page_in_a_browser_with_axe_and_the_word_redline_in_libreoffice() {
    let root = repo();
    for pkg in ["axe-core", "playwright-core"] {
        assert!(
            root.join("tests/a11y/node_modules").join(pkg).exists(),
            "no {pkg}: run `npm ci` in tests/a11y"
        );
    }
    let out = tempfile::tempdir().expect("tmp");
    let status = Command::new("node")
        .current_dir(&root)
        .arg("tests/a11y/serve.mjs")
        .arg(env!("CARGO_BIN_EXE_concord"))
        .arg(out.path())
        .status()
        .expect("node runs (apt-get install nodejs)");
    assert!(
        status.success(),
        "the browser test failed (its lines above say where)"
    );
    // The Word redline the browser downloaded: accept all its changes in LibreOffice and the
    // new version's text is what remains.
    let python = if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let accepted = out.path().join("accepted.txt");
    let lo = Command::new(python)
        .arg(root.join("crates/render/tests/support/lo_changes.py"))
        .arg("accept")
        .arg(out.path().join("redline.docx"))
        .arg(&accepted)
        .output()
        .expect("python runs");
    assert!(
        lo.status.success(),
        "{}",
        String::from_utf8_lossy(&lo.stderr)
    );
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = squeeze(&std::fs::read_to_string(&accepted).expect("accepted text"));
    let new = concord_texts(&root.join("templates/examples/site/protocol.md"));
    let old = concord_texts(&root.join("templates/examples/site/previous.md"));
    assert!(new.len() > 20);
    for clause in &new {
        assert!(
            text.contains(&squeeze(clause)),
            "the new text's clause is there: {clause}"
        );
    }
    let gone: Vec<&String> = old.iter().filter(|c| !new.contains(c)).collect();
    assert!(!gone.is_empty());
    for clause in gone {
        assert!(
            !text.contains(&squeeze(clause)),
            "the old wording is gone: {clause}"
        );
    }
}

/// The text of every clause of a protocol as Concord reads it.
fn concord_texts(path: &Path) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_concord"))
        .args(["ingest", "--format", "json"])
        .arg(path)
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut texts = Vec::new();
    fn walk(v: &serde_json::Value, texts: &mut Vec<String>) {
        if let Some(cs) = v.get("clauses").and_then(|c| c.as_array()) {
            for c in cs {
                if let Some(t) = c.get("text").and_then(|t| t.as_str()) {
                    texts.push(t.to_string());
                }
                walk(c, texts);
            }
        }
        if let Some(ss) = v.get("sections").and_then(|s| s.as_array()) {
            for s in ss {
                walk(s, texts);
            }
        }
    }
    walk(&doc, &mut texts);
    texts
}

#[test]
fn a_request_that_takes_too_long_is_cut_off_with_a_page() {
    let s = Server::start(&["--timeout", "1"]);
    let session = s.session("/read");
    // A form that never finishes arriving: the server answers after --timeout, not never.
    let head = format!(
        "POST /read HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\nContent-Type: multipart/form-data; boundary={}\r\nContent-Length: 100000\r\n\r\n--{}\r\n",
        s.host(),
        session.cookie,
        support::BOUNDARY,
        support::BOUNDARY
    );
    let started = std::time::Instant::now();
    let mut stream = std::net::TcpStream::connect(s.addr).expect("connects");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .expect("timeout");
    std::io::Write::write_all(&mut stream, head.as_bytes()).expect("sends");
    let mut raw = Vec::new();
    let _ = std::io::Read::read_to_end(&mut stream, &mut raw);
    let text = String::from_utf8_lossy(&raw);
    assert!(text.starts_with("HTTP/1.1 503"), "{text}");
    assert!(text.contains("This took too long"), "{text}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}
