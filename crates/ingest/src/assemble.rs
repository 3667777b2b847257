//! The third pass: blocks become the document tree. Page-break splits are mended, the preamble
//! becomes `meta`, headings become sections (numbered headings at the top level; in a
//! numbered document unnumbered headings are their sub-sections), clauses nest by number, items
//! attach to their clause, and paragraphs without numbers get stable synthetic ids.

use std::collections::{HashMap, HashSet};

use concord_model::{
    Change, ChangeKind, Clause, ClauseId, Code, Diagnostic, Document, Footnote, Item, Section,
    Severity, slug,
};

use crate::blocks::{APPROVAL, Block, BlockKind, FRONT, HeadingStyle, ItemKind};
use crate::inline::inline;
use crate::meta::{
    approval, council_in_text, is_front_matter, kind_of, read_preamble, version_entry,
    version_table, version_table_report,
};
use crate::text::{ends_open, ends_sentence, join_lines, starts_lower};
use crate::{Error, Format};
use concord_model::date::find_date;

/// What the assembler needs to know about the document as a whole.
pub struct Context<'a> {
    pub format: Format,
    /// Canonical Markdown: its paragraphs are separate because it says so; nothing is mended.
    pub strict: bool,
    /// Text hard-wrapped at a fixed width (from a PDF): a paragraph that stops without a full
    /// stop before a blank line was cut by a page break.
    pub hard_wrapped: bool,
    /// The width the text is wrapped at (its long lines' length), when it is hard-wrapped: a
    /// paragraph cut by a page break ends on a full line, one that ends there on a short one.
    pub wrap_width: usize,
    /// Decides whether `head-` + `tail` split one word (drop the hyphen) or a compound.
    pub split_word: &'a dyn Fn(&str, &str) -> bool,
    /// More clauses than this stop the reading (`Options::max_clauses`).
    pub max_clauses: usize,
    /// How inline text is written.
    pub inline: crate::inline::Mode,
    /// The lines that start a page, when the reader knows them (a PDF): a paragraph cut by a
    /// page break can only continue there.
    pub page_starts: Option<&'a HashSet<u32>>,
}

impl std::fmt::Debug for Context<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("format", &self.format)
            .field("strict", &self.strict)
            .field("hard_wrapped", &self.hard_wrapped)
            .finish_non_exhaustive()
    }
}

/// `qualify_single`: clauses numbered with single numbers restart in each section, so their ids
/// are qualified by the section (`complaints/3`).
pub fn assemble(
    blocks: Vec<Block>,
    cx: &Context<'_>,
    qualify_single: bool,
    diags: &mut Vec<Diagnostic>,
) -> Result<Document, Error> {
    let blocks = if cx.strict {
        blocks
    } else {
        mend_page_breaks(blocks, cx, diags)
    };
    let start = first_section(&blocks, cx.strict);
    let mut doc = Document::default();

    // The preamble: title, council, adoption date.
    let mut preamble_lines = Vec::new();
    let mut preamble_at = Vec::new();
    let mut meta_kv: Vec<(String, String)> = Vec::new();
    let mut stray = Vec::new();
    for b in &blocks[..start] {
        match &b.kind {
            BlockKind::Heading {
                text, number: None, ..
            } => {
                preamble_lines.push(text.clone());
                preamble_at.push(b.first);
            }
            BlockKind::Heading {
                text,
                number: Some(n),
                ..
            } => {
                preamble_lines.push(format!("{n} {text}"));
                preamble_at.push(b.first);
            }
            // An approval line or a line of front matter before the first section is a line of
            // the preamble.
            BlockKind::Meta { key, value } if key == APPROVAL || key == FRONT => {
                preamble_lines.push(value.clone());
                preamble_at.push(b.first);
            }
            BlockKind::Meta { key, value } => {
                meta_kv.push((key.clone(), value.clone()));
                diags.push(Diagnostic::new(
                    Code::ReadAsMeta,
                    Severity::Info,
                    b.first,
                    format!(
                        "read into the meta: {}",
                        crate::quoted(&format!("{key}: {value}"))
                    ),
                ));
            }
            // A version table goes into the meta; any other table is text, kept as the body
            // keeps it (a clause of its own).
            BlockKind::Table { rows } => match version_table(rows) {
                Some(v) => {
                    doc.meta.versions.extend(v);
                    record_version_table(rows, b.first, diags);
                }
                None => stray.push(b.clone()),
            },
            BlockKind::Para
                if b.text
                    .iter()
                    .map(|l| l.split_whitespace().count())
                    .sum::<usize>()
                    <= 12
                    || (b.text.len() == 1 && is_front_matter(&b.text[0])) =>
            {
                preamble_lines.push(plain(b, cx));
                preamble_at.push(b.first);
            }
            _ => stray.push(b.clone()),
        }
    }
    let p = read_preamble(&preamble_lines);
    // Every preamble line that is not the title or the council's name as written is recorded,
    // so no words of it are lost without a trace ("ADOPTED BY COUNCIL 19 APRIL 2016").
    for (text, &line) in preamble_lines.iter().zip(&preamble_at) {
        let kept = p.title.as_deref() == Some(text.as_str())
            || p.council
                .as_deref()
                .is_some_and(|c| c.to_lowercase() == text.to_lowercase());
        if kept {
            continue;
        }
        let message = match &p.adopted {
            Some(d) if find_date(text) == Some(*d) => {
                format!("read the adoption date {d} from {}", crate::quoted(text))
            }
            _ if approval(text).is_some() => {
                format!("read the version or review from {}", crate::quoted(text))
            }
            _ => format!(
                "set aside a line before the first section: {}",
                crate::quoted(text)
            ),
        };
        diags.push(Diagnostic::new(
            Code::ReadAsMeta,
            Severity::Info,
            line,
            message,
        ));
    }
    doc.meta.title = p.title;
    doc.meta.council = p.council;
    doc.meta.kind = p.kind;
    doc.meta.adopted = p.adopted;
    doc.meta.versions.extend(p.versions);
    for (k, v) in meta_kv {
        match k.as_str() {
            "Council" => {
                doc.meta.kind = doc.meta.kind.or_else(|| kind_of(&v));
                doc.meta.council = Some(v);
            }
            "Kind" => doc.meta.kind = Some(v),
            // A value that is no date stays in the read-as-meta diagnostic above.
            "Adopted" => doc.meta.adopted = find_date(&v).or(doc.meta.adopted),
            _ => {}
        }
    }

    let has_numbered = blocks[start..].iter().any(|b| {
        matches!(
            b.kind,
            BlockKind::Heading {
                number: Some(_),
                ..
            }
        )
    });
    let min_atx = blocks[start..]
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading {
                style: HeadingStyle::Atx(n),
                number: None,
                ..
            } => Some(n),
            _ => None,
        })
        .min()
        .unwrap_or(1);

    let mut t = Tree {
        cx,
        sections: Vec::new(),
        top: None,
        sub: None,
        path: Vec::new(),
        nest: None,
        ids: HashSet::new(),
        slugs: HashSet::new(),
        footnotes: Vec::new(),
        versions: Vec::new(),
        text_chars: None,
        clauses: 0,
        qualify_single,
        approvals: Vec::new(),
    };
    // A footnote before the first heading is a footnote (a page's foot, moved up by the
    // extraction), not stray text: it needs no section, and an empty one would not survive
    // canonical Markdown.
    let (notes, stray): (Vec<Block>, Vec<Block>) = stray
        .into_iter()
        .partition(|b| matches!(b.kind, BlockKind::Footnote { .. }));
    for b in &notes {
        t.block(b, has_numbered, diags);
    }
    if !stray.is_empty() {
        diags.push(Diagnostic::new(
            Code::StrayText,
            Severity::Warning,
            stray[0].first,
            "text before the first heading was kept in a section of its own",
        ));
        t.open_section(1, None, "Preamble".into(), stray[0].first);
        for b in &stray {
            t.block(b, has_numbered, diags);
            t.check_count(b)?;
        }
    }
    for b in &blocks[start..] {
        if let BlockKind::Heading {
            number,
            text,
            style,
            level,
        } = &b.kind
        {
            let level = match (level, number, style) {
                (Some(l), _, _) => *l,
                (None, number, style) => match (number, style) {
                    (Some(_), _) => 1,
                    (None, _) if has_numbered => 2,
                    (None, HeadingStyle::Atx(n)) => (n + 1).saturating_sub(min_atx).clamp(1, 2),
                    (None, HeadingStyle::Caps | HeadingStyle::Numbered) => 1,
                    (None, HeadingStyle::Title) => 2,
                },
            };
            t.open_section(level, number.clone(), text.clone(), b.first);
        } else {
            t.block(b, has_numbered, diags);
            t.check_count(b)?;
        }
    }
    doc.sections = t.sections;
    doc.footnotes = t.footnotes;
    doc.meta.versions.extend(t.versions);
    // Approval lines after the last clause ("Adopted: 7 March 2024  Minute 2024/031").
    for (text, line) in t.approvals {
        let Some(a) = approval(&text) else {
            // A minute reference that goes with the approval line before it.
            diags.push(Diagnostic::new(
                Code::ReadAsMeta,
                Severity::Info,
                line,
                format!("read with the approval lines: {}", crate::quoted(&text)),
            ));
            continue;
        };
        doc.meta.versions.extend(version_entry(&text, &a));
        let mut took = None;
        if let Some(d) = a.date
            && (doc.meta.adopted.is_none() || a.adopted)
            && doc.meta.adopted != Some(d)
        {
            doc.meta.adopted = Some(d);
            took = Some(d);
        }
        diags.push(Diagnostic::new(
            Code::ReadAsMeta,
            Severity::Info,
            line,
            match took {
                Some(d) => format!("read the adoption date {d} from {}", crate::quoted(&text)),
                None => format!("read the version or review from {}", crate::quoted(&text)),
            },
        ));
    }
    if doc.meta.adopted.is_none() {
        doc.meta.adopted = doc
            .meta
            .versions
            .iter()
            .find(|v| {
                v.note
                    .as_deref()
                    .is_some_and(|n| n.to_lowercase().contains("adopt"))
            })
            .and_then(|v| v.date.as_ref()?.date());
    }
    if doc.meta.council.is_none()
        && !cx.strict
        && let Some(name) = council_in_text(doc.clauses().iter().map(|c| c.text.as_str()))
    {
        diags.push(Diagnostic::new(
            Code::ReadAsMeta,
            Severity::Info,
            1,
            format!(
                "read the council's name from its text: {}",
                crate::quoted(&name)
            ),
        ));
        doc.meta.kind = doc.meta.kind.or_else(|| kind_of(&name));
        doc.meta.council = Some(name);
    }
    // A council the text calls a unitary authority is one, whatever its name says.
    if doc.meta.kind.is_none() && !cx.strict && says_unitary(&doc) {
        doc.meta.kind = Some("unitary".into());
    }
    infer_insertions(&mut doc);
    Ok(doc)
}

/// Records what a version table's reading leaves out of the model (its header, and the cells
/// of columns the model has no field for).
fn record_version_table(rows: &[Vec<String>], line: u32, diags: &mut Vec<Diagnostic>) {
    if let Some(report) = version_table_report(rows) {
        diags.push(Diagnostic::new(
            Code::ReadAsMeta,
            Severity::Info,
            line,
            report,
        ));
    }
}

/// Joins a paragraph cut by a page break back onto the block before it.
fn mend_page_breaks(
    blocks: Vec<Block>,
    cx: &Context<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Block> {
    // A paragraph that stops on a full line without a full stop was cut by a page break only
    // where the text shows its page breaks cutting sentences: somewhere a paragraph goes on
    // in lower case after one. Without that, a list entry or paragraph that ends without a
    // full stop ends there.
    let cuts_seen = blocks.windows(2).any(|w| {
        w[1].kind == BlockKind::Para
            && matches!(
                w[0].kind,
                BlockKind::Clause { .. } | BlockKind::Item { .. } | BlockKind::Para
            )
            && w[0].text.last().is_some_and(|l| !ends_sentence(l))
            && w[1].text.first().is_some_and(|l| starts_lower(l))
    });
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks {
        if b.kind == BlockKind::Para
            && let Some(prev) = out.last_mut()
        {
            let text_bearing = matches!(
                prev.kind,
                BlockKind::Clause { .. }
                    | BlockKind::Item { .. }
                    | BlockKind::Para
                    | BlockKind::Footnote { .. }
            );
            let prev_last = prev.text.last().map(String::as_str).unwrap_or("");
            let first = b.text.first().map(String::as_str).unwrap_or("");
            let continues = starts_lower(first)
                || ends_open(prev_last)
                || (cx.hard_wrapped
                    && cuts_seen
                    && !ends_sentence(prev_last)
                    && !is_url(prev_last)
                    && prev_last.chars().count() * 10 >= cx.wrap_width * 7);
            let at_page_break = cx.page_starts.is_none_or(|p| p.contains(&b.first));
            if text_bearing && continues && !prev_last.is_empty() && at_page_break {
                diags.push(Diagnostic::new(
                    Code::JoinedLines,
                    Severity::Info,
                    b.first,
                    format!("joined to line {} across a page break", prev.last),
                ));
                prev.text.extend(b.text);
                prev.last = b.last;
                continue;
            }
        }
        out.push(b);
    }
    out
}

/// Whether the text calls its council a unitary authority (or council).
fn says_unitary(doc: &Document) -> bool {
    doc.clauses().iter().take(12).any(|c| {
        let lower = c.text.to_lowercase();
        lower.contains("unitary authority") || lower.contains("unitary council")
    })
}

/// A line that is one web address: it ends a paragraph without a full stop.
fn is_url(line: &str) -> bool {
    let t = line.trim().trim_start_matches('<').trim_end_matches('>');
    !t.contains(' ')
        && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
}

/// Index of the block that starts the body: the first numbered heading, or in a document
/// without numbered headings the first heading followed by text.
fn first_section(blocks: &[Block], strict: bool) -> usize {
    // Canonical Markdown writes every section as `##` or deeper, numbered or not ("Preamble").
    if strict
        && let Some(i) = blocks.iter().position(|b| {
            matches!(
                b.kind,
                BlockKind::Heading {
                    style: HeadingStyle::Atx(2..),
                    ..
                }
            )
        })
    {
        return i;
    }
    if let Some(i) = blocks.iter().position(|b| {
        matches!(
            b.kind,
            BlockKind::Heading {
                number: Some(_),
                ..
            }
        )
    }) {
        return i;
    }
    let text = |b: &Block| {
        matches!(
            b.kind,
            BlockKind::Para | BlockKind::Clause { .. } | BlockKind::Item { .. }
        )
    };
    for (i, b) in blocks.iter().enumerate() {
        if matches!(b.kind, BlockKind::Heading { .. }) && blocks.get(i + 1).is_some_and(text) {
            return i;
        }
    }
    // No headings: everything is body, in one section made for it.
    blocks.iter().position(text).unwrap_or(blocks.len())
}

fn plain(b: &Block, cx: &Context<'_>) -> String {
    let joined = join_lines(b.text.iter().map(String::as_str), cx.split_word);
    inline(&joined, cx.inline, b.first, &mut Vec::new()).text
}

struct Tree<'a> {
    cx: &'a Context<'a>,
    sections: Vec<Section>,
    top: Option<usize>,
    sub: Option<usize>,
    /// Path to the current clause: indices into the section's clauses, then sub-clauses.
    path: Vec<usize>,
    /// The item (index in the current clause's items) receiving nested items, and their kind.
    nest: Option<(usize, Option<ItemKind>)>,
    ids: HashSet<String>,
    slugs: HashSet<String>,
    footnotes: Vec<Footnote>,
    versions: Vec<concord_model::VersionEntry>,
    /// The character count of the current clause's text: its path, its length in bytes when
    /// counted (a check that it is still current), and its length in characters.
    text_chars: Option<(Vec<usize>, usize, usize)>,
    /// Clauses made so far (numbered and synthetic, sub-clauses included).
    clauses: usize,
    /// Single-number clause ids are qualified by their section (`complaints/3`).
    qualify_single: bool,
    /// Approval lines met after the first section, with their lines.
    approvals: Vec<(String, u32)>,
}

impl Tree<'_> {
    /// Stops the reading once the document holds more clauses than the limit.
    fn check_count(&self, b: &Block) -> Result<(), Error> {
        if self.clauses > self.cx.max_clauses {
            return Err(Error::TooManyClauses {
                limit: self.cx.max_clauses,
                line: b.first,
            });
        }
        Ok(())
    }

    fn open_section(&mut self, level: usize, number: Option<String>, heading: String, line: u32) {
        let s = Section {
            number,
            // Single spaces, as clause text has ("Members and  Media" typed with two).
            heading: crate::text::collapse_spaces(&heading),
            lines: [line, line],
            ..Section::default()
        };
        self.path.clear();
        self.nest = None;
        if level == 1 || self.top.is_none() {
            self.sections.push(s);
            self.top = Some(self.sections.len() - 1);
            self.sub = None;
        } else if let Some(top) = self.top {
            self.sections[top].sections.push(s);
            self.sub = Some(self.sections[top].sections.len() - 1);
        }
    }

    fn section(&mut self) -> &mut Section {
        if self.top.is_none() {
            self.open_section(1, None, String::new(), 1);
        }
        let top = self.top.unwrap_or(0);
        match self.sub {
            Some(sub) => &mut self.sections[top].sections[sub],
            None => &mut self.sections[top],
        }
    }

    fn touch(&mut self, line: u32) {
        if let Some(top) = self.top {
            let s = &mut self.sections[top];
            s.lines[1] = s.lines[1].max(line);
            if let Some(sub) = self.sub {
                let ss = &mut s.sections[sub];
                ss.lines[1] = ss.lines[1].max(line);
            }
        }
    }

    fn clause(&mut self) -> Option<&mut Clause> {
        let path = self.path.clone();
        let (first, rest) = path.split_first()?;
        let mut c = self.section().clauses.get_mut(*first)?;
        for i in rest {
            c = c.clauses.get_mut(*i)?;
        }
        Some(c)
    }

    fn text(&self, b: &Block, diags: &mut Vec<Diagnostic>) -> (String, Vec<Change>) {
        let joined = join_lines(b.text.iter().map(String::as_str), self.cx.split_word);
        let inl = inline(&joined, self.cx.inline, b.first, diags);
        if !inl.changes.is_empty() {
            diags.push(Diagnostic::new(
                Code::TrackedChange,
                Severity::Info,
                b.first,
                format!("recovered {} tracked change(s)", inl.changes.len()),
            ));
        }
        (inl.text, inl.changes)
    }

    fn block(&mut self, b: &Block, numbered_doc: bool, diags: &mut Vec<Diagnostic>) {
        self.touch(b.last);
        match &b.kind {
            BlockKind::Meta { key, value } if key == APPROVAL => {
                self.approvals.push((value.clone(), b.first));
            }
            // Front matter after the first section is text after all.
            BlockKind::Meta { key, value } if key == FRONT => {
                let text = crate::text::collapse_spaces(value);
                self.paragraph(text, Vec::new(), b, numbered_doc);
            }
            BlockKind::Heading { .. } | BlockKind::Meta { .. } => {}
            BlockKind::Clause {
                id,
                previous,
                printed,
            } => {
                let (text, changes) = self.text(b, diags);
                let mut id_text = if self.qualify_single && id.depth() == 1 {
                    format!("{}/{id}", self.section_slug())
                } else {
                    id.to_string()
                };
                if !self.ids.insert(id_text.clone()) {
                    let mut k = 2;
                    while self.ids.contains(&format!("{id_text}~{k}")) {
                        k += 1;
                    }
                    diags.push(Diagnostic::new(
                        Code::DuplicateId,
                        Severity::Warning,
                        b.first,
                        format!("clause {id_text} appears twice; the second is {id_text}~{k}"),
                    ));
                    id_text = format!("{id_text}~{k}");
                    self.ids.insert(id_text.clone());
                }
                let label = printed.clone().unwrap_or_else(|| id.to_string());
                let mut c = Clause::new(&id_text, Some(label), text, [b.first, b.last]);
                c.changes = changes;
                c.previous_id = previous.as_ref().map(ToString::to_string);
                self.push_clause(c, id, diags);
            }
            BlockKind::Para => {
                let (text, changes) = self.text(b, diags);
                self.paragraph(text, changes, b, numbered_doc);
            }
            BlockKind::Item {
                label,
                previous_label,
                kind,
                indent,
            } => {
                let (text, changes) = self.text(b, diags);
                if self.clause().is_none() {
                    self.synthetic(String::new(), Vec::new(), b);
                }
                let item = Item {
                    label: Some(label.clone()),
                    text,
                    items: Vec::new(),
                    previous_label: previous_label.clone(),
                };
                self.push_item(item, Some(*kind), *indent, changes, b.last);
            }
            BlockKind::Table { rows } => match version_table(rows) {
                Some(v) => {
                    self.versions.extend(v);
                    record_version_table(rows, b.first, diags);
                }
                None => {
                    // Clause text has single spaces: an empty cell must not leave two.
                    let text = crate::text::collapse_spaces(
                        &rows
                            .iter()
                            .map(|r| r.join(" | "))
                            .collect::<Vec<_>>()
                            .join("; "),
                    );
                    // Read as a paragraph is: the table belongs to the clause it follows,
                    // as it does when canonical Markdown (one line of text) is read back.
                    self.paragraph(text, Vec::new(), b, numbered_doc);
                }
            },
            BlockKind::Footnote { id } => {
                let (text, changes) = self.text(b, diags);
                // A footnote keeps only its text after the changes; the model has no change
                // records for footnotes, so what they replaced is recorded here.
                if !changes.is_empty() {
                    let listed: Vec<String> = changes
                        .iter()
                        .map(|c| format!("{} -> {}", crate::quoted(&c.old), crate::quoted(&c.new)))
                        .collect();
                    diags.push(Diagnostic::new(
                        Code::TrackedChange,
                        Severity::Info,
                        b.first,
                        format!(
                            "footnote {id} is kept as it reads after its tracked changes: {}",
                            listed.join(", ")
                        ),
                    ));
                }
                self.footnotes.push(Footnote {
                    id: id.clone(),
                    text,
                });
            }
        }
    }

    /// A paragraph without a number. In a numbered document it continues the clause before
    /// it (a paragraph of its text, or a lead-in between its items); otherwise, or before any
    /// clause, it is a clause of its own.
    fn paragraph(&mut self, text: String, changes: Vec<Change>, b: &Block, numbered_doc: bool) {
        // Nothing to keep: a table of empty cells, say.
        if text.trim().is_empty() && changes.is_empty() {
            return;
        }
        let path = self.path.clone();
        let cached = self.text_chars.take();
        let _ = numbered_doc;
        // A paragraph continues a numbered clause (a paragraph of its text, or a lead-in
        // between its items); after an unnumbered paragraph, or before any clause, it is a
        // paragraph of its own.
        if let Some(c) = self.clause()
            && c.label.is_some()
        {
            if c.items.is_empty() {
                // Changes count characters from the clause's start. Counting the clause
                // again for every paragraph appended to it would make one clause of many
                // paragraphs quadratic, so the count is carried on.
                let before = match cached {
                    Some((p, bytes, chars)) if p == path && bytes == c.text.len() => chars,
                    _ => c.text.chars().count(),
                };
                let offset = before + 2;
                c.text.push_str("\n\n");
                c.text.push_str(&text);
                c.changes.extend(changes.into_iter().map(|mut ch| {
                    ch.at += offset;
                    ch
                }));
                c.lines[1] = c.lines[1].max(b.last);
                let bytes = c.text.len();
                self.text_chars = Some((path, bytes, offset + text.chars().count()));
                return;
            }
            let item = Item {
                label: None,
                text,
                items: Vec::new(),
                previous_label: None,
            };
            self.push_item(item, None, 0, changes, b.last);
            return;
        }
        self.synthetic(text, changes, b);
    }

    /// A paragraph without a number: a clause of its own with an id from its section.
    fn synthetic(&mut self, text: String, changes: Vec<Change>, b: &Block) {
        // The section first: its slug must be the same whether it was opened by a heading or
        // by the first paragraph of a document without one.
        self.section();
        let base = self.section_slug();
        // Paragraphs are counted apart from numbered clauses, so how those nest (which can
        // read differently once renumbered) never changes a paragraph's id.
        let mut n = self
            .section()
            .clauses
            .iter()
            .filter(|c| c.label.is_none())
            .count()
            + 1;
        while self.ids.contains(&format!("{base}/p{n}")) {
            n += 1;
        }
        let id = format!("{base}/p{n}");
        let mut c = Clause::new(&id, None, text, [b.first, b.last]);
        c.changes = changes;
        let s = self.section();
        s.clauses.push(c);
        let at = s.clauses.len() - 1;
        self.clauses += 1;
        self.path = vec![at];
        self.nest = None;
        self.ids.insert(id);
    }

    /// The slug synthetic ids start with: the section's number, or its heading made unique.
    fn section_slug(&mut self) -> String {
        let (top, sub) = (self.top, self.sub);
        let Some(top) = top else { return "body".into() };
        let s = match sub {
            Some(i) => &self.sections[top].sections[i],
            None => &self.sections[top],
        };
        // The slug is fixed when the section's first synthetic (or section-qualified) clause
        // is made.
        if let Some(c) = s
            .clauses
            .iter()
            .find(|c| c.label.is_none() || c.id.contains('/'))
            && let Some((base, _)) = c.id.rsplit_once('/')
        {
            return base.to_string();
        }
        // A numbered section's paragraphs are `18/p1`; a section without a heading (text
        // before any heading) is the document's body. Either is made unique below like a
        // heading's slug: two sections numbered 3 must not both give `3/p1`.
        let numbered = s.number.is_some();
        let mut base = match &s.number {
            Some(n) => n.clone(),
            None if s.heading.trim().is_empty() => "body".to_string(),
            None => slug(&s.heading),
        };
        if let (false, Some(_), Some(parent)) = (numbered, sub, Some(&self.sections[top]))
            && self.slugs.contains(&base)
        {
            base = format!(
                "{}/{}",
                parent
                    .number
                    .clone()
                    .unwrap_or_else(|| slug(&parent.heading)),
                base
            );
        }
        let mut unique = base.clone();
        let mut k = 2;
        while self.slugs.contains(&unique) {
            unique = format!("{base}-{k}");
            k += 1;
        }
        self.slugs.insert(unique.clone());
        unique
    }

    fn push_clause(&mut self, c: Clause, id: &ClauseId, diags: &mut Vec<Diagnostic>) {
        self.nest = None;
        self.clauses += 1;
        let under_single = id.depth() == 2
            && self.path.len() == 1
            && self.clause().is_some_and(|p| {
                p.label
                    .as_deref()
                    .is_some_and(|l| l.trim_end_matches('.') == id.parts()[0].to_string())
                    && !p.label.as_deref().is_some_and(|l| l.contains('('))
            });
        if (id.depth() >= 3 || under_single)
            && let Some(parent) = id.parent()
        {
            // Walk the current path for the parent clause.
            let path = self.path.clone();
            for keep in (1..=path.len()).rev() {
                self.path.truncate(keep);
                let matches = self.clause().is_some_and(|p| {
                    p.previous_id.as_deref().unwrap_or(&p.id) == parent.as_str()
                        || p.id == parent.as_str()
                        || (under_single
                            && p.label.as_deref().map(|l| l.trim_end_matches('.'))
                                == Some(parent.as_str()))
                });
                if matches && let Some(p) = self.clause() {
                    p.clauses.push(c);
                    let n = p.clauses.len() - 1;
                    self.path.push(n);
                    return;
                }
            }
            diags.push(Diagnostic::new(
                Code::NumberingGap,
                Severity::Warning,
                c.lines[0],
                format!("clause {id} has no clause {parent} to belong to"),
            ));
        }
        let s = self.section();
        s.clauses.push(c);
        self.path = vec![s.clauses.len() - 1];
    }

    fn push_item(
        &mut self,
        item: Item,
        kind: Option<ItemKind>,
        indent: usize,
        changes: Vec<Change>,
        last: u32,
    ) {
        let nest = self.nest;
        let Some(clause) = self.clause() else { return };
        clause.lines[1] = clause.lines[1].max(last);
        let lead_in = item.label.is_none() && item.text.trim_end().ends_with(':');
        let top_kind = clause
            .items
            .iter()
            .rev()
            .find_map(|i| i.label.as_deref().map(kind_of_label));
        // Where the item goes: under a lead-in or a differently labelled parent, or at the top.
        let parent = match nest {
            Some((p, nested_kind)) if item.label.is_some() => {
                // Under a labelled parent, an item labelled like the top-level ones ends the
                // nested list ((a) with bullets, then (b)); under a lead-in, everything nests.
                let parent_labelled = clause.items.get(p).is_some_and(|i| i.label.is_some());
                let same_as_top = parent_labelled
                    && top_kind.is_some()
                    && kind == top_kind
                    && nested_kind != kind;
                if same_as_top { None } else { Some(p) }
            }
            _ => None,
        };
        let parent = parent.or_else(|| {
            // A differently labelled, more indented item nests under the one before it.
            let last = clause.items.last()?;
            let last_kind = last.label.as_deref().map(kind_of_label)?;
            let last_label = last.label.as_deref().unwrap_or("");
            let differs = item
                .label
                .as_deref()
                .is_some_and(|l| !same_family(l, last_label))
                && kind.is_some_and(|k| k != last_kind);
            (differs && indent >= 2 && last_kind != ItemKind::Bullet)
                .then(|| clause.items.len() - 1)
        });
        let (path, new_nest) = match parent {
            Some(p) => {
                let list = &mut clause.items[p].items;
                list.push(item);
                (vec![p, list.len() - 1], Some((p, kind)))
            }
            None => {
                clause.items.push(item);
                let idx = clause.items.len() - 1;
                (vec![idx], lead_in.then_some((idx, None)))
            }
        };
        clause.changes.extend(changes.into_iter().map(|mut c| {
            c.item = Some(path.clone());
            c
        }));
        self.nest = new_nest;
    }
}

/// Whether two labels can be siblings: same kind, a letter that is also a roman numeral
/// (`(x)` after `(ix)`, `(v)` after `(iv)`), or the next letter written the same way (`i)`
/// after `h)`: a letter, though it reads as a roman one).
fn same_family(a: &str, b: &str) -> bool {
    let inner = |l: &str| l.trim_matches(|c| matches!(c, '(' | ')' | '.')).to_string();
    let roman_able = |l: &str| {
        let inner = inner(l);
        !inner.is_empty() && inner.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
    };
    let next_letter = {
        let (x, y) = (inner(a), inner(b));
        x.len() == 1
            && y.len() == 1
            && x.bytes()
                .zip(y.bytes())
                .all(|(p, q)| q == p + 1 || p == q + 1)
            && a.starts_with('(') == b.starts_with('(')
            && a.ends_with(')') == b.ends_with(')')
    };
    kind_of_label(a) == kind_of_label(b) || (roman_able(a) && roman_able(b)) || next_letter
}

fn kind_of_label(label: &str) -> ItemKind {
    let inner = label.trim_matches(|c| matches!(c, '(' | ')' | '.'));
    if label == "•" {
        ItemKind::Bullet
    } else if inner.chars().all(|c| c.is_ascii_digit()) {
        ItemKind::Number
    } else if (inner.len() > 1 || inner == "i")
        && inner.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
    {
        ItemKind::Roman
    } else {
        ItemKind::Letter
    }
}

/// Under tracked renumbering, a clause whose number another clause used to have, and that had
/// no number of its own before, was inserted whole (000: new 3.3 and 3.4 pushed old 3.3 to 3.5).
/// The same holds for relabelled items.
fn infer_insertions(doc: &mut Document) {
    let previous: HashSet<String> = doc
        .clauses()
        .iter()
        .filter_map(|c| c.previous_id.clone())
        .collect();
    fn walk_sections(s: &mut Section, previous: &HashSet<String>) {
        for c in &mut s.clauses {
            walk_clause(c, previous);
        }
        for sub in &mut s.sections {
            walk_sections(sub, previous);
        }
    }
    fn walk_clause(c: &mut Clause, previous: &HashSet<String>) {
        if c.previous_id.is_none() && previous.contains(&c.id) && !c.is_inserted() {
            c.changes.retain(|ch| ch.item.is_some());
            c.changes.insert(
                0,
                Change {
                    kind: ChangeKind::Insert,
                    old: String::new(),
                    new: c.text.clone(),
                    at: 0,
                    item: None,
                },
            );
        }
        let mut inserted = Vec::new();
        items_inserted(&c.items, &mut Vec::new(), &mut inserted);
        for (path, text) in inserted {
            c.changes.retain(|ch| ch.item.as_ref() != Some(&path));
            c.changes.push(Change {
                kind: ChangeKind::Insert,
                old: String::new(),
                new: text,
                at: 0,
                item: Some(path),
            });
        }
        for sub in &mut c.clauses {
            walk_clause(sub, previous);
        }
    }
    fn items_inserted(items: &[Item], path: &mut Vec<usize>, out: &mut Vec<(Vec<usize>, String)>) {
        let previous: HashMap<&str, ()> = items
            .iter()
            .filter_map(|i| i.previous_label.as_deref().map(|p| (p, ())))
            .collect();
        for (n, i) in items.iter().enumerate() {
            path.push(n);
            if i.previous_label.is_none()
                && i.label.as_deref().is_some_and(|l| previous.contains_key(l))
            {
                out.push((path.clone(), i.text.clone()));
            }
            items_inserted(&i.items, path, out);
            path.pop();
        }
    }
    if previous.is_empty() && !doc.clauses().iter().any(|c| items_relabelled(&c.items)) {
        return;
    }
    for s in &mut doc.sections {
        walk_sections(s, &previous);
    }
}

fn items_relabelled(items: &[Item]) -> bool {
    items
        .iter()
        .any(|i| i.previous_label.is_some() || items_relabelled(&i.items))
}
