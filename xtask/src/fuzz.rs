//! Fuzzing, reproducible from the repository: `cargo xtask fuzz --target T --seconds N` runs one
//! cargo-fuzz target, `cargo xtask fuzz-smoke [--seconds N]` runs every target in turn (about a
//! minute each by default), and `cargo xtask fuzz-keep NAME ARTIFACT NOTE` keeps a crash input
//! as a named regression case in `corpus/regressions/`.
//!
//! Seed corpora are generated at run time into `target/fuzz-seeds/<target>/` from `corpus/`,
//! `templates/examples/` and `corpus/regressions/` (small pieces of the real protocols fuzz far
//! better than whole files), so no thousands of generated files are committed. What a run
//! discovers accumulates in `fuzz/corpus/<target>/` (ignored by git). Only stable Rust is
//! assumed: `RUSTC_BOOTSTRAP=1` lets cargo-fuzz pass its nightly flags (`-Zsanitizer=address`).
//! Runs are single-process (one job, no `-fork`), so they share a small machine politely.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

/// Every fuzz target (a `[[bin]]` of `fuzz/Cargo.toml`) and where its seeds come from.
pub const TARGETS: &[(&str, Seeds)] = &[
    ("ingest_text", Seeds::Text),
    ("ingest_docx", Seeds::Docx),
    ("ingest_pdf", Seeds::PdfLayout),
    ("markdown_round_trip", Seeds::Text),
    ("options", Seeds::Options),
    ("diff", Seeds::Pairs),
];

/// The largest input libFuzzer builds. Pieces of protocols up to this size hold every shape
/// the readers know (contents lists, sections, clauses, items, tracked changes), and small
/// inputs run hundreds of times faster than whole files under AddressSanitizer.
const MAX_LEN: usize = 8 * 1024;

/// A Word file is a ZIP of several parts: the fixtures are about 10 KB each.
const MAX_LEN_DOCX: usize = 24 * 1024;

/// A run that takes longer than this on one input is reported as a hang (libFuzzer `-timeout`).
const TIMEOUT_SECS: u32 = 10;

/// The memory libFuzzer allows before it reports an input as exhausting memory.
const RSS_LIMIT_MB: u32 = 2048;

/// Where a target's seeds come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seeds {
    /// Protocol text: the corpus, whole and in pieces.
    Text,
    /// Options files: the examples.
    Options,
    /// Two protocol texts joined by the diff separator byte (0xFF).
    Pairs,
    /// Word files, and the `word/document.xml` of each (the target wraps bare XML).
    Docx,
    /// `pdftotext -bbox-layout` pages of the PDFs of `corpus/pdf/`, cut at their flows (needs
    /// poppler-utils; without it only a small hand-made page).
    PdfLayout,
}

impl Seeds {
    /// The largest input libFuzzer builds for targets seeded so.
    fn max_len(self) -> usize {
        match self {
            Seeds::Docx => MAX_LEN_DOCX,
            _ => MAX_LEN,
        }
    }
}

/// What one run did.
#[derive(Debug)]
pub struct RunResult {
    pub target: String,
    pub seconds: u64,
    pub execs: u64,
    pub ok: bool,
    pub artifact: Option<String>,
}

impl RunResult {
    /// One row of the table in docs/reliability.md.
    pub fn row(&self) -> String {
        let result = match (&self.artifact, self.ok) {
            (_, true) => "no crash".to_string(),
            (Some(a), false) => format!("crash: {a}"),
            (None, false) => "failed (see the output above)".to_string(),
        };
        format!(
            "| `{}` | {} | {} | {result} |",
            self.target, self.seconds, self.execs
        )
    }
}

/// Runs one target for `seconds`.
pub fn run(root: &Path, target: &str, seconds: u64) -> anyhow::Result<RunResult> {
    let Some((_, seeds)) = TARGETS.iter().find(|(t, _)| *t == target) else {
        let names: Vec<&str> = TARGETS.iter().map(|(t, _)| *t).collect();
        bail!(
            "unknown fuzz target '{target}'; the targets are {}",
            names.join(", ")
        );
    };
    check_cargo_fuzz()?;
    let seed_dir = write_seeds(root, target, *seeds)?;
    let corpus_dir = root.join("fuzz/corpus").join(target);
    std::fs::create_dir_all(&corpus_dir)
        .with_context(|| format!("creating {}", corpus_dir.display()))?;
    eprintln!(
        "fuzzing {target} for {seconds} s (seeds in {})",
        seed_dir.display()
    );
    // The wall time of the run as reported; a run that finds a crash stops early.
    let started = std::time::Instant::now();
    let mut child = Command::new("cargo")
        .current_dir(root)
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["fuzz", "run", target])
        .arg(&corpus_dir)
        .arg(&seed_dir)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-max_len={}", seeds.max_len()))
        .arg(format!("-timeout={TIMEOUT_SECS}"))
        .arg(format!("-rss_limit_mb={RSS_LIMIT_MB}"))
        .arg("-print_final_stats=1")
        .stderr(Stdio::piped())
        .spawn()
        .context("running cargo fuzz")?;
    let mut execs = 0;
    let mut ran = 0;
    let mut artifact = None;
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines() {
            let line = line.context("reading the fuzzer's output")?;
            if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
                execs = n.trim().parse().unwrap_or(0);
            }
            if let Some(rest) = line.strip_prefix("Done ")
                && let Some((_, secs)) = rest.split_once(" runs in ")
            {
                ran = secs
                    .split_whitespace()
                    .next()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
            }
            if let Some((_, path)) = line.split_once("Test unit written to ") {
                artifact = Some(path.trim().to_string());
            }
            // The progress lines (new coverage, reductions) would drown everything else.
            let progress = line.starts_with('#')
                && (line.contains("NEW") || line.contains("REDUCE") || line.contains("pulse"));
            if !progress && !line.contains("# Uses:") {
                eprintln!("{line}");
            }
        }
    }
    let status = child.wait().context("waiting for cargo fuzz")?;
    Ok(RunResult {
        target: target.to_string(),
        seconds: if ran > 0 {
            ran
        } else {
            started.elapsed().as_secs()
        },
        execs,
        ok: status.success(),
        artifact,
    })
}

/// Runs every target for `seconds` each, then prints the table rows.
pub fn smoke(root: &Path, seconds: u64) -> anyhow::Result<()> {
    let mut results = Vec::new();
    for (target, _) in TARGETS {
        results.push(run(root, target, seconds)?);
    }
    println!("| target | seconds | execs | result |\n|---|---|---|---|");
    for r in &results {
        println!("{}", r.row());
    }
    let failed: Vec<&str> = results
        .iter()
        .filter(|r| !r.ok)
        .map(|r| r.target.as_str())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        bail!(
            "fuzzing found a failure in {}; keep each input with `cargo xtask fuzz-keep NAME ARTIFACT NOTE`",
            failed.join(", ")
        )
    }
}

/// Keeps a crash input as `corpus/regressions/NAME.input` with `NAME.note` (first line: what
/// broke). The regression test runs every kept input through every check.
pub fn keep(root: &Path, name: &str, artifact: &Path, note: &str) -> anyhow::Result<()> {
    let ok_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok_name {
        bail!(
            "regression name '{name}' must be lowercase words joined by '-', named after the bug"
        );
    }
    if note.trim().is_empty() {
        bail!("give a note whose first line says what broke");
    }
    let dir = root.join("corpus/regressions");
    std::fs::create_dir_all(&dir)?;
    let input = dir.join(format!("{name}.input"));
    if input.exists() {
        bail!("{} already exists; choose another name", input.display());
    }
    let bytes =
        std::fs::read(artifact).with_context(|| format!("reading {}", artifact.display()))?;
    std::fs::write(&input, bytes)?;
    let mut note = note.trim().to_string();
    note.push('\n');
    std::fs::write(dir.join(format!("{name}.note")), note)?;
    println!("kept {}", input.display());
    Ok(())
}

fn check_cargo_fuzz() -> anyhow::Result<()> {
    let found = Command::new("cargo")
        .args(["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if found {
        Ok(())
    } else {
        bail!("cargo-fuzz is not installed; install it with `cargo install cargo-fuzz`")
    }
}

/// Writes the seeds of one target afresh and returns their folder.
fn write_seeds(root: &Path, target: &str, seeds: Seeds) -> anyhow::Result<PathBuf> {
    let dir = root.join("target/fuzz-seeds").join(target);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("clearing {}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir)?;
    for (i, seed) in seed_inputs(root, seeds)?.iter().enumerate() {
        std::fs::write(dir.join(format!("seed-{i:04}")), seed)?;
    }
    Ok(dir)
}

/// The seed inputs of a kind of target, in a fixed order.
pub fn seed_inputs(root: &Path, seeds: Seeds) -> anyhow::Result<Vec<Vec<u8>>> {
    let protocols = files(&root.join("corpus"), "txt")?;
    let regressions = files(&root.join("corpus/regressions"), "input")?;
    let mut out = Vec::new();
    match seeds {
        Seeds::Text => {
            for p in &protocols {
                let bytes = std::fs::read(p)?;
                out.extend(pieces(&bytes, 2 * 1024));
                out.extend(pieces(&bytes, 6 * 1024));
            }
        }
        Seeds::Options => {
            for p in files(&root.join("templates/examples"), "toml")? {
                out.push(std::fs::read(p)?);
            }
        }
        Seeds::Docx => {
            for p in files(&root.join("corpus/docx"), "docx")? {
                let bytes = std::fs::read(&p)?;
                // A package whose main part has another name gives only itself.
                if let Ok(xml) = document_xml(&bytes) {
                    out.push(xml);
                }
                out.push(bytes);
            }
        }
        Seeds::PdfLayout => {
            for p in files(&root.join("corpus/pdf"), "pdf")? {
                match bbox_layout(&p) {
                    Some(layout) => out.extend(layout_pieces(&layout)),
                    None => eprintln!(
                        "note: pdftotext not found; {} gives no seeds (install poppler-utils)",
                        p.display()
                    ),
                }
            }
            out.push(SMALL_LAYOUT.as_bytes().to_vec());
        }
        Seeds::Pairs => {
            for p in &protocols {
                let parts = pieces(&std::fs::read(p)?, 2 * 1024);
                for w in parts.windows(2) {
                    out.push(pair(&w[0], &w[1]));
                }
                for part in &parts {
                    out.push(pair(part, part));
                }
            }
        }
    }
    for r in regressions {
        out.push(std::fs::read(r)?);
    }
    if seeds != Seeds::Options {
        out.retain(|s| s.len() <= seeds.max_len());
    }
    out.retain(|s| !s.is_empty());
    Ok(out)
}

/// A page of word boxes as `pdftotext -bbox-layout` prints it, for when poppler is missing.
const SMALL_LAYOUT: &str = r#"<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Protocol</title></head><body><doc><page width="595" height="842"><flow><block xMin="72" yMin="72" xMax="300" yMax="90"><line xMin="72" yMin="72" xMax="300" yMax="90"><word xMin="72" yMin="72" xMax="80" yMax="90">1.</word><word xMin="84" yMin="72" xMax="160" yMax="90">Introduction</word></line></block><block xMin="72" yMin="100" xMax="500" yMax="112"><line xMin="72" yMin="100" xMax="500" yMax="112"><word xMin="72" yMin="100" xMax="86" yMax="112">1.1</word><word xMin="90" yMin="100" xMax="130" yMax="112">Officers</word><word xMin="134" yMin="100" xMax="160" yMax="112">serve</word><word xMin="164" yMin="100" xMax="180" yMax="112">the</word><word xMin="184" yMin="100" xMax="240" yMax="112">council.</word></line></block></flow></page></doc></body></html>"#;

/// The `word/document.xml` of a Word file.
fn document_xml(docx: &[u8]) -> anyhow::Result<Vec<u8>> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).context("reading a .docx")?;
    let mut part = zip
        .by_name("word/document.xml")
        .context("a .docx without word/document.xml")?;
    let mut out = Vec::new();
    part.read_to_end(&mut out)?;
    Ok(out)
}

/// `pdftotext -bbox-layout PDF -`, or `None` when poppler is not installed.
fn bbox_layout(pdf: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .arg("-bbox-layout")
        .arg(pdf)
        .arg("-")
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A layout cut into documents of one page each, of as many whole `<flow>`s as fit in about
/// 6 KB: each piece is the kind of document the PDF reader is given.
fn layout_pieces(layout: &str) -> Vec<Vec<u8>> {
    let Some(first) = layout.find("<page ") else {
        return vec![layout.as_bytes().to_vec()];
    };
    let (head, rest) = layout.split_at(first);
    let tail = "</doc>\n</body>\n</html>\n";
    let mut out = Vec::new();
    for page in rest.split("<page ").filter(|p| !p.trim().is_empty()) {
        let Some(open_end) = page.find('>') else {
            continue;
        };
        let open = format!("<page {}", &page[..=open_end]);
        let mut piece = String::new();
        for flow in page.split("<flow>").skip(1) {
            let Some(end) = flow.find("</flow>") else {
                continue;
            };
            piece.push_str("<flow>");
            piece.push_str(&flow[..end + "</flow>".len()]);
            if piece.len() >= 6 * 1024 {
                out.push(format!("{head}{open}{piece}</page>{tail}").into_bytes());
                piece.clear();
            }
        }
        if !piece.is_empty() {
            out.push(format!("{head}{open}{piece}</page>{tail}").into_bytes());
        }
    }
    out
}

fn pair(a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut v = a.to_vec();
    v.push(0xFF);
    v.extend_from_slice(b);
    v
}

/// A file cut at blank lines into pieces of about `size` bytes; the first piece keeps the
/// file's title and contents list.
fn pieces(bytes: &[u8], size: usize) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut cur: Vec<u8> = Vec::new();
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        cur.extend_from_slice(line);
        let at_blank = line == b"\n" || line == b"\r\n";
        if cur.len() >= size && at_blank {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The files with this extension in a folder (not recursive), sorted; none when it is missing.
fn files(dir: &Path, ext: &str) -> anyhow::Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_has_a_bin_and_seeds() {
        let root = crate::root();
        let manifest = std::fs::read_to_string(root.join("fuzz/Cargo.toml")).unwrap();
        for (target, seeds) in TARGETS {
            assert!(
                manifest.contains(&format!("name = \"{target}\"")),
                "fuzz/Cargo.toml has no [[bin]] {target}"
            );
            assert!(
                root.join(format!("fuzz/fuzz_targets/{target}.rs")).exists(),
                "fuzz/fuzz_targets/{target}.rs is missing"
            );
            let inputs = seed_inputs(&root, *seeds).unwrap();
            assert!(inputs.len() >= 3, "{target}: {} seeds", inputs.len());
        }
    }

    #[test]
    fn pieces_cut_at_blank_lines_and_keep_every_byte() {
        let text = "a\n\n".repeat(2000);
        let p = pieces(text.as_bytes(), 1024);
        assert_eq!(p.concat(), text.as_bytes());
        assert!(p.len() >= 5 && p.iter().all(|x| x.ends_with(b"\n\n")));
    }
}
