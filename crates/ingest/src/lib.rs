//! Readers that turn a council's protocol into the Concord clause model.
//!
//! [`read`] takes the bytes of a file: a Word file (`.docx`, recognised by its content), or text
//! (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252; any line endings) that it sniffs
//! as Markdown-like or plain. It returns a [`Parsed`]: the [`Document`] plus [`Diagnostic`]s
//! saying what was repaired. [`read_pdf_layout`] reads a PDF from the word boxes poppler's
//! `pdftotext -bbox-layout` prints (running that program is the caller's business: this crate
//! does no IO). Reading never fails on text: broken council text is normal input. Only bytes that
//! are not text at all, a damaged Word file, or a PDF without text are an [`Error`]. Every
//! clause is tagged with the roles it names (`concord_model::roles`), in order of first mention.
//!
//! Every format ends in the same passes: the Word and PDF readers turn their input into the line
//! form the text reader understands, so there is one structure recovery, not three.
//!
//! ```
//! let text = "Protocol\n\n1. Introduction\n\n1.1 Officers serve the whole council.\n";
//! let parsed = concord_ingest::read(text.as_bytes(), "p.txt", &Default::default()).unwrap();
//! assert_eq!(parsed.document.clauses()[0].id, "1.1");
//! ```

mod assemble;
mod blocks;
mod decode;
mod docx;
mod error;
mod inline;
mod labels;
mod meta;
pub mod pdf;
mod plan;
mod prepare;
mod runon;
mod tag;
mod text;
mod xml;

pub use error::Error;

use std::collections::HashSet;

use concord_model::{Clause, Code, Diagnostic, Document, Severity, Source};

pub use concord_model::Explain;

/// The input formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Markdown-like text: `#` headings, `**bold**`, `~~strike~~`, lists.
    Markdown,
    /// Plain text, typically extracted from a PDF or Word file.
    Text,
    /// A Word file (`.docx`).
    Docx,
    /// A PDF file: read it with [`read_pdf_layout`] from `pdftotext -bbox-layout`.
    Pdf,
    /// A Word 97-2003 file (`.doc`): read it with [`read_converted`] once converted to `.docx`.
    Doc,
    /// An OpenDocument text file (`.odt`): read it with [`read_converted`] likewise.
    Odt,
    /// A Rich Text Format file (`.rtf`): read it with [`read_converted`] likewise.
    Rtf,
}

impl Format {
    /// What the format is called in messages ("a Word 97-2003 document (.doc)").
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Text => "plain text",
            Format::Docx => "a Word document (.docx)",
            Format::Pdf => "a PDF",
            Format::Doc => "a Word 97-2003 document (.doc)",
            Format::Odt => "an OpenDocument text file (.odt)",
            Format::Rtf => "a Rich Text Format file (.rtf)",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Doc => "doc",
            Format::Odt => "odt",
            Format::Rtf => "rtf",
        }
    }

    /// True for the formats read only through a conversion to `.docx` ([`read_converted`]).
    pub fn needs_conversion(self) -> bool {
        matches!(self, Format::Doc | Format::Odt | Format::Rtf)
    }
}

/// The format of a file by its content: a ZIP archive is a Word file (an OpenDocument one when
/// its first entry says so), `%PDF-` a PDF, an OLE compound file with a `WordDocument` stream a
/// Word 97-2003 file, `{\rtf` Rich Text Format, anything else text, sniffed as Markdown or plain.
pub fn detect(bytes: &[u8]) -> Format {
    if docx::formats::is_odt(bytes) {
        Format::Odt
    } else if docx::is_zip(bytes) {
        Format::Docx
    } else if pdf::is_pdf(bytes) {
        Format::Pdf
    } else if docx::formats::ole(bytes) == Some(docx::formats::Ole::Word) {
        Format::Doc
    } else if docx::formats::is_rtf(bytes) {
        Format::Rtf
    } else {
        match std::str::from_utf8(bytes) {
            Ok(t) => sniff(t),
            Err(_) => Format::Text,
        }
    }
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
    /// How the reader decided the document is laid out (`concord ingest --explain`).
    pub explain: Explain,
}

/// Reads a protocol from bytes. `path` is recorded in `meta.source.path`.
pub fn read(bytes: &[u8], path: &str, opts: &Options) -> Result<Parsed, Error> {
    if bytes.len() > opts.max_bytes {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: opts.max_bytes,
        });
    }
    match opts.format.unwrap_or_else(|| detect(bytes)) {
        Format::Docx => return read_docx(bytes, path, opts),
        Format::Pdf => return Err(Error::PdfNeedsText),
        f @ (Format::Doc | Format::Odt | Format::Rtf) => {
            return Err(Error::NeedsConversion { format: f });
        }
        Format::Markdown | Format::Text => {}
    }
    match docx::formats::ole(bytes) {
        Some(docx::formats::Ole::Encrypted) => return Err(Error::Encrypted),
        Some(docx::formats::Ole::Other(what)) => return Err(Error::NotAProtocol { what }),
        _ => {}
    }
    let decoded = decode::decode(bytes, opts.max_bytes)?;
    // The file's own bytes are hashed below, so the decoded text need not be.
    let mut parsed = parse_text(&decoded.text, path, opts, false)?;
    let mut diagnostics = decoded.diagnostics;
    diagnostics.append(&mut parsed.diagnostics);
    parsed.diagnostics = diagnostics;
    parsed.document.meta.source.sha256 = sha256_hex(bytes);
    Ok(parsed)
}

/// Reads a Word file: its line form, read by the same passes as text, with `lines` then
/// mapped back to the Word file's paragraph numbers.
fn read_docx(bytes: &[u8], path: &str, opts: &Options) -> Result<Parsed, Error> {
    let source = docx::read(bytes)?;
    let mut parsed = parse_lines(
        &source.text,
        path,
        Lines {
            format: Format::Markdown,
            mode: inline::Mode::Exact,
            page_starts: None,
            strict: false,
            hash: false,
            // Headers and footers are parts of their own, never read: a body paragraph that
            // recurs is body text, not a running header.
            repeats_are_furniture: false,
        },
        opts,
    )?;
    let map = |line: u32| -> u32 {
        let i = (line as usize).saturating_sub(1);
        source
            .paragraphs
            .get(i)
            .or(source.paragraphs.last())
            .copied()
            .unwrap_or(1)
    };
    let doc = &mut parsed.document;
    // Renumbered under tracked changes: the number the clause had before.
    fn previous(c: &mut Clause, prev: &std::collections::HashMap<u32, String>) {
        if c.label.is_some()
            && let Some(p) = prev.get(&c.lines[0])
        {
            c.previous_id = Some(p.clone());
        }
        for sub in &mut c.clauses {
            previous(sub, prev);
        }
    }
    for_each_clause(&mut doc.sections, &mut |c| previous(c, &source.previous));
    remap_lines(doc, &map);
    for d in &mut parsed.diagnostics {
        d.line = map(d.line);
        if d.code == Code::ContentsList {
            d.message = remap_line_range(&d.message, &map);
        }
    }
    if doc.meta.title.is_none() {
        doc.meta.title = source.title.clone();
    }
    doc.meta.source.format = "docx".into();
    doc.meta.source.sha256 = sha256_hex(bytes);
    Ok(parsed)
}

/// A message's closing `(lines A-B)` with both lines mapped (a contents list's lines, given as
/// paragraphs of the Word file).
fn remap_line_range(message: &str, map: &dyn Fn(u32) -> u32) -> String {
    let Some(at) = message.rfind("(lines ") else {
        return message.to_string();
    };
    let range = message[at + 7..].trim_end_matches(')');
    match range.split_once('-').map(|(a, b)| (a.parse(), b.parse())) {
        Some((Ok(a), Ok(b))) => format!("{}(lines {}-{})", &message[..at], map(a), map(b)),
        _ => message.to_string(),
    }
}

/// Reads a file that was converted to `.docx` from another format ([`Format::Doc`],
/// [`Format::Odt`], [`Format::Rtf`]; converting is the caller's business: this crate does no
/// IO). `docx` is the converted file, `original` the file's own bytes, hashed into
/// `meta.source.sha256`; `meta.source.format` names the original format, and an info diagnostic
/// says that the reading went through the conversion. `lines` are paragraphs of the converted
/// file.
pub fn read_converted(
    docx: &[u8],
    original: &[u8],
    from: Format,
    path: &str,
    opts: &Options,
) -> Result<Parsed, Error> {
    let mut parsed = read_docx(docx, path, opts)?;
    let source = &mut parsed.document.meta.source;
    source.format = from.extension().to_string();
    source.sha256 = sha256_hex(original);
    parsed.diagnostics.insert(
        0,
        Diagnostic::new(
            Code::Converted,
            Severity::Info,
            1,
            format!(
                "read {} through a conversion to .docx; lines are its paragraphs",
                from.name()
            ),
        ),
    );
    Ok(parsed)
}

/// Reads a PDF from the output of `pdftotext -bbox-layout` (an XHTML page of word boxes):
/// reading order, running headers and footers and page numbers removed, hyphenation across
/// line ends repaired, then the text passes. `pdf_bytes` are the PDF's own bytes, for the
/// checksum. `lines` are lines of the rebuilt text (see [`pdf`]).
pub fn read_pdf_layout(
    layout: &str,
    path: &str,
    pdf_bytes: &[u8],
    opts: &Options,
) -> Result<Parsed, Error> {
    let text = pdf::text_from_layout(layout)?;
    // The limit is on the text: the word-box layout is many times larger than what it says.
    if text.text.len() > opts.max_bytes {
        return Err(Error::TooLarge {
            size: text.text.len(),
            limit: opts.max_bytes,
        });
    }
    let mut parsed = parse_lines(
        &text.text,
        path,
        Lines {
            format: Format::Text,
            mode: inline::Mode::Plain,
            page_starts: Some(&text.page_starts),
            strict: false,
            hash: false,
            // Geometry already removed the running lines.
            repeats_are_furniture: false,
        },
        opts,
    )?;
    let doc = &mut parsed.document;
    doc.meta.source.format = "pdf".into();
    doc.meta.source.sha256 = sha256_hex(pdf_bytes);
    parsed.diagnostics.extend(text.diagnostics);
    parsed.diagnostics.sort_by_key(|d| (d.line, d.col));
    Ok(parsed)
}

fn for_each_clause(sections: &mut [concord_model::Section], f: &mut dyn FnMut(&mut Clause)) {
    for s in sections {
        for c in &mut s.clauses {
            f(c);
        }
        for_each_clause(&mut s.sections, f);
    }
}

/// Maps every `lines` range of the document through `map`.
fn remap_lines(doc: &mut Document, map: &dyn Fn(u32) -> u32) {
    fn clause(c: &mut Clause, map: &dyn Fn(u32) -> u32) {
        c.lines = [map(c.lines[0]), map(c.lines[1])];
        for sub in &mut c.clauses {
            clause(sub, map);
        }
    }
    fn section(s: &mut concord_model::Section, map: &dyn Fn(u32) -> u32) {
        s.lines = [map(s.lines[0]), map(s.lines[1])];
        for c in &mut s.clauses {
            clause(c, map);
        }
        for sub in &mut s.sections {
            section(sub, map);
        }
    }
    for s in &mut doc.sections {
        section(s, map);
    }
}

/// The text of a file's bytes as the reader sees it (decoded and normalised), for tools that
/// point at source lines (`concord check`). Fails as [`read`] does on bytes that are not text.
pub fn decode_text(bytes: &[u8]) -> Result<String, Error> {
    decode::decode(bytes, usize::MAX).map(|d| d.text)
}

/// Reads a protocol from text already decoded. Broken text is not an error (it gives
/// diagnostics); only text past one of the limits of [`Options`] is. Text that starts with
/// [`concord_model::CANONICAL_MARK`] is canonical Markdown and is read strictly.
pub fn parse_str(text: &str, path: &str, opts: &Options) -> Result<Parsed, Error> {
    parse_text(text, path, opts, true)
}

/// [`parse_str`], hashing the text into `meta.source.sha256` only when `hash` says so.
fn parse_text(text: &str, path: &str, opts: &Options, hash: bool) -> Result<Parsed, Error> {
    if text.len() > opts.max_bytes {
        return Err(Error::TooLarge {
            size: text.len(),
            limit: opts.max_bytes,
        });
    }
    let strict = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .is_some_and(|l| l.trim() == concord_model::CANONICAL_MARK);
    let format = match opts.format {
        _ if strict => Format::Markdown,
        Some(f @ (Format::Markdown | Format::Text)) => f,
        _ => sniff(text),
    };
    let mode = match format {
        Format::Markdown => inline::Mode::Markdown,
        _ => inline::Mode::Plain,
    };
    parse_lines(
        text,
        path,
        Lines {
            format,
            mode,
            page_starts: None,
            strict,
            hash,
            repeats_are_furniture: true,
        },
        opts,
    )
}

/// How [`parse_lines`] reads its text.
/// `page_starts`: where the text is known to start a new page (a PDF); only there can a
/// paragraph run on across a blank line. Without it, the reader judges page breaks itself.
/// With it, `#` lines are headings even in plain text: the PDF reader marks large type so.
/// `strict`: canonical Markdown, read as written (no repair of extraction damage).
/// `hash`: record the text's SHA-256 in `meta.source` (readers of files record the file's).
/// `repeats_are_furniture`: a short line that recurs is a running header or footer. Only text
/// can hold its running lines among its body; a PDF's are removed by where they stand on the
/// page, a Word file's are parts of their own.
struct Lines<'a> {
    format: Format,
    mode: inline::Mode,
    page_starts: Option<&'a HashSet<u32>>,
    strict: bool,
    hash: bool,
    repeats_are_furniture: bool,
}

/// The passes every reader ends in, over lines of text.
fn parse_lines(text: &str, path: &str, how: Lines<'_>, opts: &Options) -> Result<Parsed, Error> {
    let Lines {
        format,
        mode,
        page_starts,
        strict,
        hash,
        repeats_are_furniture,
    } = how;
    let mut diags = Vec::new();
    let prepared = prepare::prepare(text, repeats_are_furniture, strict, &mut diags);
    // The document's words are gathered only if a line ends in a hyphen before a lowercase
    // word (most documents have none, and gathering them hashes every word).
    let words = std::cell::OnceCell::new();
    let split_word = |head: &str, tail: &str| {
        words
            .get_or_init(|| Words::of(text))
            .is_split_word(head, tail)
    };
    let cx = assemble::Context {
        format,
        strict,
        hard_wrapped: !strict && hard_wrapped(&prepared.lines),
        wrap_width: wrap_width(&prepared.lines),
        page_starts,
        split_word: &split_word,
        inline: mode,
        max_clauses: opts.max_clauses,
    };
    let plan = if strict {
        plan::Plan {
            roles: vec![None; prepared.lines.len()],
            ..plan::Plan::default()
        }
    } else {
        plan::plan(
            &prepared.lines,
            &prepared.contents,
            plan::Mode {
                atx: page_starts.is_some() || format == Format::Markdown,
            },
            &mut diags,
        )
    };
    let blocks = blocks::blocks(
        &prepared.lines,
        blocks::Mode {
            format,
            strict,
            max_depth: opts.max_depth,
            breaks: if strict || page_starts.is_some() {
                blocks::Breaks::Blank
            } else {
                breaks(&prepared.lines, cx.hard_wrapped, cx.wrap_width)
            },
        },
        &plan.roles,
        &mut diags,
    )?;
    let qualify = if strict {
        blocks::single_numbers_repeat(&blocks)
    } else {
        plan.qualify_single
    };
    let mut document = assemble::assemble(blocks, &cx, qualify, &mut diags)?;
    if !strict {
        // The section headings (a contents list names sections; sub-headings it may leave).
        let headings: Vec<(String, u32)> = document
            .sections
            .iter()
            .filter(|s| !s.heading.trim().is_empty())
            .map(|s| (s.heading.clone(), s.lines[0]))
            .collect();
        let all: Vec<String> = document
            .all_sections()
            .iter()
            .map(|s| s.heading.clone())
            .collect();
        prepare::contents_mismatch(&prepared.lines, &headings, &all, &mut diags);
    }
    resolve_refs(&mut document, &mut diags);
    tag::tag_roles(&mut document);
    check_footnotes(&document, &mut diags);
    document.meta.source = Source {
        path: path.to_string(),
        format: match format {
            Format::Markdown => "markdown",
            Format::Text => "text",
            other => other.extension(),
        }
        .to_string(),
        sha256: if hash {
            sha256_hex(text.as_bytes())
        } else {
            String::new()
        },
    };
    diags.sort_by_key(|d| (d.line, d.col));
    let mut choices = plan.notes;
    choices.sort_by_key(|(line, _)| *line);
    let items = describe_items(&document);
    Ok(Parsed {
        document,
        diagnostics: diags,
        explain: Explain {
            headings: plan.scheme.headings,
            clauses: plan.scheme.clauses,
            items,
            choices,
        },
    })
}

/// The items of a document in words: how many of each form (`12 lettered "(a)", 9 bulleted`).
fn describe_items(doc: &Document) -> String {
    fn walk(items: &[concord_model::Item], counts: &mut Vec<(String, usize)>) {
        for i in items {
            let form = match i.label.as_deref() {
                None => "lead-in paragraphs between them".to_string(),
                Some("•") => "bulleted".to_string(),
                Some(l) => {
                    let inner = l.trim_matches(|c| matches!(c, '(' | ')' | '.'));
                    let shape = l.replace(
                        inner,
                        match labels::label_kind(inner) {
                            labels::ItemKind::Roman => "i",
                            labels::ItemKind::Number => "1",
                            _ => "a",
                        },
                    );
                    let kind = match labels::label_kind(inner) {
                        labels::ItemKind::Roman => "roman-numbered",
                        labels::ItemKind::Number => "numbered",
                        _ => "lettered",
                    };
                    format!("{kind} \"{shape}\"")
                }
            };
            match counts.iter_mut().find(|(f, _)| *f == form) {
                Some((_, n)) => *n += 1,
                None => counts.push((form, 1)),
            }
            walk(&i.items, counts);
        }
    }
    let mut counts = Vec::new();
    for c in doc.clauses() {
        walk(&c.items, &mut counts);
    }
    if counts.is_empty() {
        return "none".into();
    }
    counts
        .iter()
        .map(|(f, n)| format!("{n} {f}"))
        .collect::<Vec<_>>()
        .join(", ")
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

/// How a text's lines break, when it has few blank lines to say where paragraphs end: one
/// paragraph a line, or hard-wrapped at a width. A text with a blank line after most of its
/// paragraphs needs neither.
fn breaks(lines: &[prepare::Line<'_>], hard_wrapped: bool, width: usize) -> blocks::Breaks {
    use prepare::LineKind::{Blank, Body};
    let body = lines.iter().filter(|l| l.kind == Body).count();
    let blanks = lines.iter().filter(|l| l.kind == Blank).count();
    if body == 0 || blanks * 4 >= body {
        return blocks::Breaks::Blank;
    }
    if hard_wrapped {
        return blocks::Breaks::Wrapped(width);
    }
    let long = lines
        .iter()
        .filter(|l| l.kind == Body && l.text.chars().count() > 110)
        .count();
    if long * 10 >= body * 3 {
        blocks::Breaks::Lines
    } else {
        blocks::Breaks::Blank
    }
}

/// The width of a hard-wrapped text: the length its longer body lines reach (the 90th
/// percentile, so a few overlong lines do not set it).
fn wrap_width(lines: &[prepare::Line<'_>]) -> usize {
    let mut lens: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == prepare::LineKind::Body)
        .map(|l| l.text.chars().count())
        .collect();
    if lens.is_empty() {
        return 0;
    }
    lens.sort_unstable();
    lens[(lens.len() * 9 / 10).min(lens.len() - 1)]
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
        // One warning for each missing target, however often the clause names it.
        let mut missing: Vec<String> = Vec::new();
        for t in &texts {
            for f in concord_model::refs::find(t) {
                if ids.contains(&f.target) {
                    if !refs.contains(&f.target) {
                        refs.push(f.target);
                    }
                } else if !f.bare && !missing.contains(&f.target) {
                    // A bare number names no clause here ("paragraph 7" in a document of
                    // sections): left alone, not called missing.
                    missing.push(f.target.clone());
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

/// Text quoted in a diagnostic as it reads, in double quotes: not Rust's debug form, which
/// would show a soft hyphen as `\u{ad}` and a quote as `\"`.
pub(crate) fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

/// Warns about footnote references without a definition.
fn check_footnotes(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let defined: HashSet<&str> = doc.footnotes.iter().map(|f| f.id.as_str()).collect();
    for c in doc.clauses() {
        let mut rest = c.text.as_str();
        // One warning for each missing footnote a clause cites, however often it cites it.
        let mut told = HashSet::new();
        while let Some(i) = rest.find("[^") {
            rest = &rest[i + 2..];
            if let Some(end) = rest.find(']') {
                let id = &rest[..end];
                if !defined.contains(id) && told.insert(id) {
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
