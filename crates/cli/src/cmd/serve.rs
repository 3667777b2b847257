//! `concord serve [--port 8080] [--project DIR] [--open]`: the local web app
//! (`concord-serve`) on 127.0.0.1. Listening on any other address needs `--token`, which every
//! request must then carry.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::error::CliError;
use crate::exit;
use crate::host::{ProjectDir, ServeHost};
use crate::input;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  concord serve                          open http://127.0.0.1:8080/ in a browser
  concord serve --project my-protocol/   list the project's protocols, save drafts, run build
  concord serve --bind 0.0.0.0 --token \"$(openssl rand -hex 16)\"
                                         serve others on the network (each needs the token)")]
pub struct Args {
    /// The port to listen on (0 picks a free one)
    #[arg(long, short, value_name = "PORT", default_value_t = 8080)]
    port: u16,
    /// The address to listen on; anything but loopback needs --token
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    /// A secret every request must carry (at least 16 characters); printed in the address
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// A host name the server is reached by, besides its address (repeatable)
    #[arg(long, value_name = "NAME")]
    allow_host: Vec<String>,
    /// A folder with a concord.toml: its protocols are listed, drafts saved into it, build run
    #[arg(long, value_name = "DIR")]
    project: Option<PathBuf>,
    /// Open the web app in the default browser once it is listening
    #[arg(long)]
    open: bool,
    /// Requests that read and compute at once (others wait their turn); default: the cores
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Cut a request off, with a message, after this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..))]
    timeout: u64,
    /// Most files in one form
    #[arg(long, value_name = "N", default_value_t = 20)]
    max_files: usize,
    #[command(flatten)]
    limits: input::Limits,
    /// Refuse to align versions whose clause counts multiply past this (old x new)
    #[arg(long, value_name = "N", default_value_t = concord_compare::diff::MAX_ALIGN_WORK)]
    max_align_work: u64,
}

/// The shortest token accepted: a guessable one would be no guard.
const MIN_TOKEN: usize = 16;

pub fn run(args: Args) -> Result<i32, CliError> {
    if let Some(t) = &args.token
        && (t.chars().count() < MIN_TOKEN || !t.chars().all(|c| c.is_ascii_graphic()))
    {
        return Err(CliError::new(format!(
            "--token must be at least {MIN_TOKEN} characters, with no spaces"
        ))
        .hint("make one with: openssl rand -hex 16"));
    }
    if !args.bind.is_loopback() && args.token.is_none() {
        return Err(CliError::new(format!(
            "refusing to listen on {} without --token: anyone who can reach this machine could use it",
            args.bind
        ))
        .hint("give --token SECRET (every request must then carry it), or leave out --bind to listen on 127.0.0.1 only"));
    }
    let project = args.project.as_deref().map(ProjectDir::open).transpose()?;
    let addr = SocketAddr::new(args.bind, args.port);
    let listener = std::net::TcpListener::bind(addr).map_err(|e| {
        let hint = if e.kind() == std::io::ErrorKind::AddrInUse {
            "another program uses that port: choose another with --port, or --port 0 for any free one"
        } else {
            "check the address and port"
        };
        CliError::new(format!("cannot listen on {addr}: {e}")).hint(hint)
    })?;
    let bound = listener
        .local_addr()
        .map_err(|e| CliError::new(format!("cannot listen on {addr}: {e}")))?;
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(2, |n| n.get()),
        usize::from,
    );
    let read = args.limits.options();
    let cfg = concord_serve::Config {
        token: args.token.clone(),
        allowed_hosts: args.allow_host.clone(),
        // Every file of a form within --max-size, and the form itself a little more.
        max_body: read.max_bytes.saturating_mul(2).saturating_add(1 << 20),
        read,
        max_align_work: args.max_align_work,
        max_files: args.max_files.max(1),
        jobs,
        timeout: Duration::from_secs(args.timeout),
        keep: 64,
    };
    let shown_host = if bound.ip().is_unspecified() || bound.ip().is_loopback() {
        format!("127.0.0.1:{}", bound.port())
    } else {
        bound.to_string()
    };
    let url = match &args.token {
        Some(t) => format!("http://{shown_host}/?token={t}"),
        None => format!("http://{shown_host}/"),
    };
    eprintln!("Concord is running at {url}");
    eprintln!("Open that address in a browser; press Ctrl+C here to stop.");
    if args.open {
        open_browser(&url);
    }
    let host = Arc::new(ServeHost { project });
    concord_serve::serve(listener, cfg, host)
        .map_err(|r| CliError::new(format!("{}: {}", r.title, r.message)))?;
    Ok(exit::SUCCESS)
}

/// Asks the desktop to open `url`; says so when it cannot.
fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if started.is_err() {
        eprintln!("note: could not open a browser ({program}); open {url} yourself");
    }
}
