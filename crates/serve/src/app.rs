//! What the server is given and what every request shares: the [`Config`] the binary resolved
//! from its flags, the [`Host`] that reads files and runs programs for it (the binary), the
//! page templates, the session key, the result store and the bound on concurrent work.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use concord_ingest::Parsed;
use concord_model::Date;
use tokio::sync::Semaphore;

use crate::refusal::Refusal;
use crate::store::Store;

/// The server's settings, resolved once by the binary.
#[derive(Debug, Clone)]
pub struct Config {
    /// The access token every request must carry (`--token`); required when the server listens
    /// on anything but loopback.
    pub token: Option<String>,
    /// Host names (without port) accepted besides loopback's, for a server reached by name.
    pub allowed_hosts: Vec<String>,
    /// The reader's limits, as the CLI's `--max-size`, `--max-depth` and `--max-clauses`.
    pub read: concord_ingest::Options,
    /// The alignment limit of redlines and packs (`--max-align-work`).
    pub max_align_work: u64,
    /// Most files in one request.
    pub max_files: usize,
    /// Largest request body in bytes (all the files of a form together, and its fields).
    pub max_body: usize,
    /// Requests doing work at once (reading, comparing, writing); others wait their turn.
    pub jobs: usize,
    /// How long a request may take, waiting included, before it is answered with a message.
    pub timeout: Duration,
    /// Results kept for their downloads and clause links (the oldest go first).
    pub keep: usize,
}

impl Default for Config {
    fn default() -> Config {
        let read = concord_ingest::Options::default();
        Config {
            token: None,
            allowed_hosts: Vec::new(),
            max_body: read.max_bytes.saturating_mul(2).saturating_add(1 << 20),
            read,
            max_align_work: concord_compare::diff::MAX_ALIGN_WORK,
            max_files: 20,
            jobs: 2,
            timeout: Duration::from_secs(120),
            keep: 64,
        }
    }
}

/// What the server cannot do itself and the binary does for it: turn an upload's bytes into a
/// document (running `pdftotext` or LibreOffice in a private folder where the format needs
/// them), read the clock, and reach the project folder.
pub trait Host: Send + Sync + 'static {
    /// Reads an uploaded file. `name` is the upload's file name, only ever shown.
    fn read(
        &self,
        name: &str,
        bytes: &[u8],
        opts: &concord_ingest::Options,
    ) -> Result<Parsed, Refusal>;
    /// Today's date, for the check that a review date has passed.
    fn today(&self) -> Option<Date>;
    /// The project folder (`--project DIR`), when there is one.
    fn project(&self) -> Option<&dyn Project>;
}

/// A project folder with its `concord.toml`: its protocols listed, drafts saved into it, and
/// `build` run in it. Nothing the browser sends is ever used as a path: files are named by the
/// names [`Project::protocols`] lists, which the project checks against its own listing.
pub trait Project: Send + Sync {
    /// The folder, as shown to the user.
    fn name(&self) -> String;
    /// The protocol files of the project, by their names relative to its folder, sorted.
    fn protocols(&self) -> Result<Vec<String>, Refusal>;
    /// Reads one listed protocol (and gives its bytes, for the checks' line numbers).
    fn read(
        &self,
        name: &str,
        opts: &concord_ingest::Options,
    ) -> Result<(Parsed, Vec<u8>), Refusal>;
    /// Saves a new file (a draft or an options file) into the project's `drafts/` folder,
    /// atomically and never over an existing file; gives the name it was saved as.
    fn save(&self, name: &str, bytes: &[u8]) -> Result<String, Refusal>;
    /// Runs `concord build` on the project file; gives its report, one line per output.
    fn build(&self) -> Result<Vec<String>, Refusal>;
}

/// What every request shares.
pub(crate) struct App {
    pub cfg: Config,
    /// The address the server listens on.
    pub addr: SocketAddr,
    pub host: Arc<dyn Host>,
    pub views: crate::views::Views,
    /// The secret the session tokens are derived from, new at every start.
    pub key: [u8; 32],
    pub store: Store,
    /// Permits for work: a request's work holds one while it reads, computes and writes (until
    /// the work ends, even when the request was cut off before).
    pub jobs: Arc<Semaphore>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("cfg", &self.cfg)
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl App {
    pub fn new(cfg: Config, addr: SocketAddr, host: Arc<dyn Host>) -> Result<App, Refusal> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| {
            Refusal::internal(format!("cannot read the system's random numbers: {e}"))
        })?;
        Ok(App {
            store: Store::new(cfg.keep),
            jobs: Arc::new(Semaphore::new(cfg.jobs.max(1))),
            views: crate::views::Views::new(),
            cfg,
            addr,
            host,
            key,
        })
    }
}
