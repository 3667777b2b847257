//! Readers that turn a council's protocol into the Concord clause model.
//!
//! [`read`] takes the bytes of a file (UTF-8 with or without BOM, UTF-16 with BOM, or
//! Windows-1252; any line endings), sniffs whether it is Markdown-like or plain text, and returns
//! a [`Parsed`]: the [`Document`] plus [`Diagnostic`]s saying what was repaired. Reading never
//! fails on text: broken council text is normal input. Only bytes that are not text at all (or
//! nothing at all) are an [`Error`]. Every clause is tagged with the roles it names
//! (`concord_model::roles`), in order of first mention.
//!
//! ```
//! let text = "Protocol\n\n1. Introduction\n\n1.1 Officers serve the whole council.\n";
//! let parsed = concord_ingest::read(text.as_bytes(), "p.txt", &Default::default()).unwrap();
//! assert_eq!(parsed.document.clauses()[0].id, "1.1");
//! ```

mod assemble;
mod blocks;
mod decode;
mod error;
mod inline;
mod meta;
mod prepare;
mod refs;
mod tag;
mod text;

pub use error::Error;

use std::collections::HashSet;

use concord_model::{Clause, Code, Diagnostic, Document, Severity, Source};

/// The input formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Markdown-like text: `#` headings, `**bold**`, `~~strike~~`, lists.
    Markdown,
    /// Plain text, typically extracted from a PDF or Word file.
    Text,
}

/// The largest file [`read`] accepts by default, in bytes: a whole council constitution is a
/// few megabytes, and reading costs a few times the file's size in memory.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// The deepest clause numbering accepted by default: `2.8.1` is three deep. Real protocols go
/// to four (`3.4.3.6`, a tracked renumbering); every level nests the clause tree once more, and
/// every later pass walks it.
pub const MAX_DEPTH: usize = 8;

/// The most clauses a document may hold by default. A long protocol has a few hundred; a whole
/// constitution a few thousand. Diffs and comparisons grow with the count.
pub const MAX_CLAUSES: usize = 20_000;

/// How to read, and the limits past which reading stops with an [`Error`] instead of using
/// unbounded time or memory. Each limit has a default constant and can be raised.
#[derive(Debug, Clone)]
pub struct Options {
    /// Force a format instead of sniffing it.
    pub format: Option<Format>,
    /// Largest input in bytes ([`MAX_BYTES`]); larger is [`Error::TooLarge`].
    pub max_bytes: usize,
    /// Deepest clause numbering ([`MAX_DEPTH`]); deeper is [`Error::TooDeep`].
    pub max_depth: usize,
    /// Most clauses ([`MAX_CLAUSES`]); more is [`Error::TooManyClauses`].
    pub max_clauses: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            format: None,
            max_bytes: MAX_BYTES,
            max_depth: MAX_DEPTH,
            max_clauses: MAX_CLAUSES,
        }
    }
}

/// A document and what the reader noticed on the way.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a protocol from bytes. `path` is recorded in `meta.source.path`.
pub fn read(bytes: &[u8], path: &str, opts: &Options) -> Result<Parsed, Error> {
    let decoded = decode::decode(bytes, opts.max_bytes)?;
    let mut parsed = parse_str(&decoded.text, path, opts)?;
    let mut diagnostics = decoded.diagnostics;
    diagnostics.append(&mut parsed.diagnostics);
    parsed.diagnostics = diagnostics;
    parsed.document.meta.source.sha256 = sha256_hex(bytes);
    Ok(parsed)
}

/// The text of a file's bytes as the reader sees it (decoded and normalised), for tools that
/// point at source lines (`concord check`). Fails as [`read`] does on bytes that are not text.
pub fn decode_text(bytes: &[u8]) -> Result<String, Error> {
    decode::decode(bytes, usize::MAX).map(|d| d.text)
}

/// Reads a protocol from text already decoded. Broken text is not an error (it gives
/// diagnostics); only text past one of the limits of [`Options`] is.
pub fn parse_str(text: &str, path: &str, opts: &Options) -> Result<Parsed, Error> {
    if text.len() > opts.max_bytes {
        return Err(Error::TooLarge {
            size: text.len(),
            limit: opts.max_bytes,
        });
    }
    let mut diags = Vec::new();
    // Canonical Markdown is read strictly (concord_model::CANONICAL_MARK).
    let strict = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .is_some_and(|l| l.trim() == concord_model::CANONICAL_MARK);
    let format = if strict {
        Format::Markdown
    } else {
        opts.format.unwrap_or_else(|| sniff(text))
    };
    let prepared = prepare::prepare(text, strict, &mut diags);
    let words = Words::of(text);
    let split_word = |head: &str, tail: &str| words.is_split_word(head, tail);
    let cx = assemble::Context {
        format,
        strict,
        hard_wrapped: !strict && hard_wrapped(&prepared.lines),
        split_word: &split_word,
        max_clauses: opts.max_clauses,
    };
    let blocks = blocks::blocks(
        &prepared.lines,
        blocks::Mode {
            format,
            strict,
            max_depth: opts.max_depth,
        },
        &prepared.contents,
        &mut diags,
    )?;
    let mut document = assemble::assemble(blocks, &cx, &mut diags)?;
    resolve_refs(&mut document, &mut diags);
    tag::tag_roles(&mut document);
    check_footnotes(&document, &mut diags);
    document.meta.source = Source {
        path: path.to_string(),
        format: match format {
            Format::Markdown => "markdown",
            Format::Text => "text",
        }
        .to_string(),
        sha256: sha256_hex(text.as_bytes()),
    };
    diags.sort_by_key(|d| (d.line, d.col));
    Ok(Parsed {
        document,
        diagnostics: diags,
    })
}

/// Markdown when the text uses Markdown's marks (headings, bold, strike-through, links,
/// `<sup>`); plain text otherwise. Bullets alone do not make Markdown: plain text has them too.
pub fn sniff(text: &str) -> Format {
    let atx = text.lines().any(|l| {
        let l = l.trim_start();
        let n = l.chars().take_while(|&c| c == '#').count();
        (1..=6).contains(&n) && l[n..].starts_with(' ')
    });
    if atx
        || text.contains("**")
        || text.contains("~~")
        || text.contains("](")
        || text.contains("<sup>")
    {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// A text is hard-wrapped when many of its lines run on into the next without ending a sentence.
fn hard_wrapped(lines: &[prepare::Line<'_>]) -> bool {
    use prepare::LineKind::Body;
    let body: Vec<&prepare::Line<'_>> = lines.iter().filter(|l| l.kind == Body).collect();
    if body.len() < 10 {
        return false;
    }
    let wrapped = lines
        .windows(2)
        .filter(|w| {
            w[0].kind == Body
                && w[1].kind == Body
                && !text::ends_sentence(w[0].text)
                && (40..=110).contains(&w[0].text.chars().count())
        })
        .count();
    wrapped * 4 >= body.len()
}

/// The words of a document, to tell a word split at a line end (`Of-`/`ficer`) from a compound
/// (`decision-`/`making`).
struct Words {
    words: HashSet<String>,
    compounds: HashSet<String>,
}

impl Words {
    fn of(text: &str) -> Words {
        let mut words = HashSet::new();
        let mut compounds = HashSet::new();
        for token in text.split(|c: char| c.is_whitespace()) {
            let t = token
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase();
            if t.is_empty() {
                continue;
            }
            if t.contains('-') {
                compounds.insert(t.clone());
                for part in t.split('-') {
                    words.insert(part.to_string());
                }
            } else {
                words.insert(t);
            }
        }
        Words { words, compounds }
    }

    fn is_split_word(&self, head: &str, tail: &str) -> bool {
        let (h, t) = (head.to_lowercase(), tail.to_lowercase());
        !h.is_empty()
            && !t.is_empty()
            && self.words.contains(&format!("{h}{t}"))
            && !self.compounds.contains(&format!("{h}-{t}"))
    }
}

/// Resolves cross-references in every clause and item to clause ids.
fn resolve_refs(doc: &mut Document, diags: &mut Vec<Diagnostic>) {
    let ids: HashSet<String> = doc.clauses().iter().map(|c| c.id.clone()).collect();
    fn walk(c: &mut Clause, ids: &HashSet<String>, diags: &mut Vec<Diagnostic>) {
        let mut texts = vec![c.text.clone()];
        collect_items(&c.items, &mut texts);
        let mut refs: Vec<String> = Vec::new();
        for t in &texts {
            for f in refs::find(t) {
                if ids.contains(&f.target) {
                    if !refs.contains(&f.target) {
                        refs.push(f.target);
                    }
                } else {
                    diags.push(Diagnostic::new(
                        Code::UnresolvedReference,
                        Severity::Warning,
                        c.lines[0],
                        format!(
                            "clause {} refers to {}, which this document does not have",
                            c.id, f.target
                        ),
                    ));
                }
            }
        }
        c.refs = refs;
        for sub in &mut c.clauses {
            walk(sub, ids, diags);
        }
    }
    fn collect_items(items: &[concord_model::Item], out: &mut Vec<String>) {
        for i in items {
            out.push(i.text.clone());
            collect_items(&i.items, out);
        }
    }
    fn walk_section(
        s: &mut concord_model::Section,
        ids: &HashSet<String>,
        diags: &mut Vec<Diagnostic>,
    ) {
        for c in &mut s.clauses {
            walk(c, ids, diags);
        }
        for sub in &mut s.sections {
            walk_section(sub, ids, diags);
        }
    }
    for s in &mut doc.sections {
        walk_section(s, &ids, diags);
    }
}

/// Warns about footnote references without a definition.
fn check_footnotes(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let defined: HashSet<&str> = doc.footnotes.iter().map(|f| f.id.as_str()).collect();
    for c in doc.clauses() {
        let mut rest = c.text.as_str();
        while let Some(i) = rest.find("[^") {
            rest = &rest[i + 2..];
            if let Some(end) = rest.find(']') {
                let id = &rest[..end];
                if !defined.contains(id) {
                    diags.push(Diagnostic::new(
                        Code::FootnoteMismatch,
                        Severity::Warning,
                        c.lines[0],
                        format!("clause {} cites footnote {id}, which is not defined", c.id),
                    ));
                }
            }
        }
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
