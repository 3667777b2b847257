//! A `concord serve` started for a test (on a free port, stopped when dropped) and a plain
//! HTTP/1.1 client over a socket, so that a test can send exactly the bytes it means: a wrong
//! `Host`, a foreign `Origin`, a damaged multipart body.

#![allow(dead_code, reason = "each test file uses part of it")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A running server.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
    /// What it printed: the address (with the token, when there is one).
    pub url: String,
}

impl Server {
    /// Starts `concord serve --port 0 ARGS...` (the binary `bin`) and waits for its address.
    pub fn start_with(bin: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(bin)
            .current_dir(repo())
            .args(["serve", "--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("concord serve starts");
        let mut err = BufReader::new(child.stderr.take().expect("stderr"));
        let mut line = String::new();
        err.read_line(&mut line)
            .expect("concord serve prints its address");
        let url = line
            .split("running at ")
            .nth(1)
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .trim()
            .to_string();
        let hostport = url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .expect("host")
            .to_string();
        // Keep reading what it says, so that it never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut sink = String::new();
            let _ = err.read_to_string(&mut sink);
        });
        Server {
            child,
            addr: hostport.parse().expect("an address"),
            url,
        }
    }

    pub fn start(args: &[&str]) -> Server {
        Server::start_with(Path::new(env!("CARGO_BIN_EXE_concord")), args)
    }

    /// `127.0.0.1:PORT`, the Host this server answers to.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.addr.port())
    }

    /// A session: its cookie and its form token, from a GET of `path`.
    pub fn session(&self, path: &str) -> Session {
        let r = self.get(path, &[]);
        assert_eq!(r.status, 200, "{}", r.body);
        let cookie = r
            .header("set-cookie")
            .and_then(|c| c.split(';').next())
            .expect("a session cookie")
            .to_string();
        let token = r
            .body
            .split("name=\"_token\" value=\"")
            .nth(1)
            .and_then(|t| t.split('"').next())
            .expect("a form token")
            .to_string();
        Session { cookie, token }
    }

    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Response {
        let mut req = format!("GET {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            req.push_str(&format!("Host: {}\r\n", self.host()));
        }
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        send(self.addr, req.as_bytes())
    }

    /// POSTs a multipart form with the session's cookie and token (unless left out), and the
    /// extra headers given (a foreign Origin, another Host).
    pub fn post(
        &self,
        path: &str,
        s: Option<&Session>,
        parts: &[Part],
        headers: &[(&str, &str)],
    ) -> Response {
        send(self.addr, &self.post_bytes(path, s, parts, headers))
    }

    /// The bytes of the request [`Server::post`] sends.
    pub fn post_bytes(
        &self,
        path: &str,
        s: Option<&Session>,
        parts: &[Part],
        headers: &[(&str, &str)],
    ) -> Vec<u8> {
        let mut all: Vec<Part> = Vec::new();
        if let Some(s) = s {
            all.push(Part::field("_token", &s.token));
        }
        all.extend(parts.iter().cloned());
        let body = multipart(&all);
        let mut req = format!(
            "POST {path} HTTP/1.1\r\nConnection: close\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}\r\n",
            body.len()
        );
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            req.push_str(&format!("Host: {}\r\n", self.host()));
        }
        if let Some(s) = s {
            req.push_str(&format!("Cookie: {}\r\n", s.cookie));
        }
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        let mut bytes = req.into_bytes();
        bytes.extend_from_slice(&body);
        bytes
    }

    /// Peak memory of the server process, in kilobytes (Linux).
    pub fn peak_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A browser session.
#[derive(Debug, Clone)]
pub struct Session {
    pub cookie: String,
    pub token: String,
}

/// One part of a multipart form.
#[derive(Debug, Clone)]
pub struct Part {
    pub name: String,
    pub file: Option<String>,
    pub bytes: Vec<u8>,
}

impl Part {
    pub fn field(name: &str, value: &str) -> Part {
        Part {
            name: name.into(),
            file: None,
            bytes: value.as_bytes().to_vec(),
        }
    }

    pub fn file(name: &str, file: &str, bytes: &[u8]) -> Part {
        Part {
            name: name.into(),
            file: Some(file.into()),
            bytes: bytes.to_vec(),
        }
    }
}

pub const BOUNDARY: &str = "concord-test-boundary-7MA4YWxkTrZu0gW";

pub fn multipart(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    for p in parts {
        out.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match &p.file {
            Some(f) => out.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                    p.name, f
                )
                .as_bytes(),
            ),
            None => out.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{}\"\r\n\r\n", p.name).as_bytes(),
            ),
        }
        out.extend_from_slice(&p.bytes);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    out
}

/// An answer.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub bytes: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The text of the page's `<h1>`.
    pub fn h1(&self) -> String {
        self.body
            .split("<h1>")
            .nth(1)
            .and_then(|h| h.split("</h1>").next())
            .unwrap_or("")
            .to_string()
    }
}

/// Sends raw bytes and reads the whole answer (the request says `Connection: close`).
pub fn send(addr: SocketAddr, request: &[u8]) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(300)))
        .expect("timeout");
    // A server may answer (and close) before reading a body it refuses: that is not a failure.
    let _ = stream.write_all(request);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    parse(&raw)
}

fn parse(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut body = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
        bytes: body,
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = b.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&b[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = end + 2;
        out.extend_from_slice(&b[start..(start + size).min(b.len())]);
        b = &b[(start + size + 2).min(b.len())..];
    }
    out
}
