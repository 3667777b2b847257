//! The laws Concord keeps, as checks: the fuzz targets run them, one public function per
//! target, and so do the tests (`tests/regressions.rs` here runs every kept crash input through
//! all of them; the law tests of `concord-ingest` and `concord-compare` use [`lost_words`] and
//! [`check_redline`]). Each takes arbitrary bytes, runs them through the library the way the
//! binary would, and panics when a law is broken, so libFuzzer reports the input and a kept
//! case fails the very same check in CI until it is fixed.
//!
//! Every reader has a target ([`ingest_text`], [`ingest_docx`], [`ingest_pdf`]). Another reader
//! gets one by adding a function here that reads the bytes with it and calls
//! [`check_document`], a three-line file under `fuzz/fuzz_targets/`, a `[[bin]]` entry in
//! `fuzz/Cargo.toml`, and a line in `TARGETS` of `xtask/src/fuzz.rs`.

use std::collections::HashSet;

use concord_compare::diff::{ClauseDiff, DiffConfig, Redline, diff as redline};
use concord_draft::{Drafter, Templates, validate};
use concord_ingest::{Options, Parsed};
use concord_model::{Clause, Code, Document, Item, Section};

/// The byte that splits a `diff` input into its old and new documents. 0xFF never occurs in
/// UTF-8, so two UTF-8 files joined by it split back exactly.
pub const DIFF_SEPARATOR: u8 = 0xFF;

/// The text/Markdown reader: whatever it reads is a well-formed document, and no word of the
/// input is lost ([`lost_words`]).
pub fn ingest_text(data: &[u8]) {
    if let Some(p) = read(data, "fuzz.txt") {
        check_document(&p.document);
        check_renders(&p.document);
        let lost = lost_words(data);
        assert!(lost.is_empty(), "words lost by the reader: {lost:?}");
    }
}

/// The Word reader: a `.docx` (any bytes starting `PK`), or, so that mutations reach the XML
/// and numbering logic rather than break the ZIP checksum, any other bytes as the
/// `word/document.xml` of a minimal package. Whatever it reads is a well-formed document, and
/// no word of its body is lost ([`lost_docx_words`]).
pub fn ingest_docx(data: &[u8]) {
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        minimal_docx(data)
    };
    let opts = Options {
        format: Some(concord_ingest::Format::Docx),
        ..Options::default()
    };
    if let Ok(p) = concord_ingest::read(&bytes, "fuzz.docx", &opts) {
        check_document(&p.document);
        check_renders(&p.document);
        let lost = lost_docx_words_of(&bytes, &p);
        assert!(lost.is_empty(), "words of the Word body lost: {lost:?}");
    }
}

/// The PDF reader, from the word boxes of `pdftotext -bbox-layout` (what the binary hands it;
/// running poppler is the binary's business). Whatever it reads is a well-formed document.
pub fn ingest_pdf(data: &[u8]) {
    let layout = String::from_utf8_lossy(data);
    if let Ok(p) = concord_ingest::read_pdf_layout(&layout, "fuzz.pdf", data, &Options::default()) {
        check_document(&p.document);
        check_renders(&p.document);
    }
}

/// A Word package holding `document` as its `word/document.xml`, stored without compression.
pub fn minimal_docx(document: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts: [(&str, &[u8]); 2] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        ("word/document.xml", document),
    ];
    for (name, bytes) in parts {
        if zip.start_file(name, stored).is_ok() {
            let _ = zip.write_all(bytes);
        }
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .unwrap_or_default()
}

/// Canonical Markdown reads back to the same clauses and sections (of the version after any
/// tracked changes, which is what it writes), and it is stable: once a document has been
/// through canonical Markdown, writing and reading it again changes nothing. (The first trip
/// may normalise meta, such as a title's trailing colon, which is why stability is checked
/// from the second.)
pub fn markdown_round_trip(data: &[u8]) {
    let Some(p) = read(data, "fuzz.txt") else {
        return;
    };
    let after = p.document.after();
    let md = concord_render::markdown(&after);
    let back = reread(&md);
    assert_eq!(
        clause_keys(&after),
        clause_keys(&back),
        "canonical markdown reads back to other clauses:\n{md}"
    );
    assert_eq!(
        section_keys(&after),
        section_keys(&back),
        "canonical markdown reads back to other sections:\n{md}"
    );
    let md2 = concord_render::markdown(&back);
    let md3 = concord_render::markdown(&reread(&md2));
    assert_eq!(md2, md3, "canonical markdown is not stable");
}

fn reread(md: &str) -> Document {
    concord_ingest::read(md.as_bytes(), "fuzz.md", &Options::default())
        .unwrap_or_else(|e| panic!("canonical markdown does not read back: {e}\n{md}"))
        .document
}

/// The options parser: every problem points inside the file; a file it accepts always drafts,
/// and the drafted protocol reads back to the clauses drafted.
pub fn options(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match validate::parse(text) {
        Err(problems) => {
            assert!(!problems.is_empty(), "rejected with no problem reported");
            for p in &problems {
                assert!(p.line >= 1 && p.col >= 1, "position {}:{}", p.line, p.col);
                assert!(
                    p.span.start <= p.span.end && p.span.end <= text.len(),
                    "span {:?} outside a file of {} bytes",
                    p.span,
                    text.len()
                );
                assert!(!p.message.is_empty(), "empty message");
            }
        }
        Ok(options) => {
            let drafted = Drafter::new(Templates::Builtin)
                .draft(&options)
                .unwrap_or_else(|e| panic!("valid options do not draft: {e}"));
            check_document(&drafted.document);
            let md = concord_render::markdown(&drafted.document);
            let back = concord_ingest::read(md.as_bytes(), "drafted.md", &Options::default())
                .unwrap_or_else(|e| panic!("a drafted protocol does not read back: {e}"));
            assert_eq!(
                clause_keys(&drafted.document),
                clause_keys(&back.document),
                "a drafted protocol reads back to other clauses:\n{md}"
            );
        }
    }
}

/// The redline of two documents (the bytes before and after [`DIFF_SEPARATOR`]; without one,
/// a document against itself): both texts are spelled by its runs, and a document diffed
/// against itself has no changes.
pub fn diff(data: &[u8]) {
    let (a, b) = match data.iter().position(|&b| b == DIFF_SEPARATOR) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    };
    let (Some(old), Some(new)) = (read(a, "old.txt"), read(b, "new.txt")) else {
        return;
    };
    let (old, new) = (&old.document, &new.document);
    check_document(old);
    check_document(new);
    let r = redline(old, new, &DiffConfig::default());
    check_redline(old, new, &r);
    let same = redline(old, old, &DiffConfig::default());
    check_redline(old, old, &same);
    assert!(
        !same.has_differences(),
        "a document differs from itself: {:?}",
        same.clauses.iter().find(|c| c.is_change())
    );
}

fn read(data: &[u8], path: &str) -> Option<Parsed> {
    concord_ingest::read(data, path, &Options::default()).ok()
}

/// The laws of a document whatever its source: ids unique and non-empty, line ranges in order,
/// tracked changes inside their text, both versions of tracked changes rebuildable.
pub fn check_document(doc: &Document) {
    let clauses = doc.clauses();
    let mut ids: Vec<&str> = clauses.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    for w in ids.windows(2) {
        assert_ne!(w[0], w[1], "two clauses share the id {:?}", w[0]);
    }
    for c in &clauses {
        assert!(!c.id.is_empty(), "a clause without an id");
        assert!(
            c.lines[0] <= c.lines[1],
            "clause {} lines {:?}",
            c.id,
            c.lines
        );
        for ch in &c.changes {
            let text = match &ch.item {
                None => Some(c.text.as_str()),
                Some(path) => item_at(&c.items, path).map(|i| i.text.as_str()),
            };
            let text = text.unwrap_or_else(|| panic!("clause {}: a change in no item", c.id));
            assert!(
                ch.at <= text.chars().count(),
                "clause {}: a change at {} past the end of its text",
                c.id,
                ch.at
            );
        }
    }
    for s in doc.all_sections() {
        assert!(s.lines[0] <= s.lines[1], "section {:?} lines", s.heading);
    }
    let before = doc.before();
    let after = doc.after();
    assert!(
        !after.has_tracked_changes(),
        "after() keeps tracked changes"
    );
    let _ = before.clauses().len();
}

fn check_renders(doc: &Document) {
    let _ = concord_render::markdown(doc);
    let _ = concord_render::outline(doc);
    let _ = concord_render::document_html(doc);
}

/// Every clause on either side is spelled exactly by the runs of the redline entries that name
/// it: equal and delete runs give the old text, equal and insert runs the new.
pub fn check_redline(old: &Document, new: &Document, r: &Redline) {
    for c in old.clauses() {
        let spelled: String = entries(r, |e| e.old_id.as_deref() == Some(c.id.as_str()))
            .map(ClauseDiff::old_text)
            .collect();
        assert_eq!(
            spelled,
            compared_text(c),
            "old clause {} is not spelled",
            c.id
        );
    }
    for c in new.clauses() {
        let spelled: String = entries(r, |e| e.new_id.as_deref() == Some(c.id.as_str()))
            .map(ClauseDiff::new_text)
            .collect();
        assert_eq!(
            spelled,
            compared_text(c),
            "new clause {} is not spelled",
            c.id
        );
    }
    let old_n = old.clauses().len();
    let new_n = new.clauses().len();
    assert!(
        r.clauses.len() >= old_n.max(new_n),
        "{} entries for {old_n} old and {new_n} new clauses",
        r.clauses.len()
    );
}

/// The entries of a redline that hold one clause: one for a pair, one per part of a split or
/// merge it took part in.
fn entries<'r>(
    r: &'r Redline,
    keep: impl Fn(&ClauseDiff) -> bool + 'r,
) -> impl Iterator<Item = &'r ClauseDiff> + 'r {
    r.clauses.iter().filter(move |e| keep(e))
}

/// What a redline compares for a clause: its text, then each item on its own line with its
/// label (DESIGN.md, "Version diff").
pub fn compared_text(c: &Clause) -> String {
    fn push(s: &mut String, items: &[Item]) {
        for i in items {
            if !s.is_empty() {
                s.push('\n');
            }
            if let Some(l) = &i.label {
                s.push_str(l);
                s.push(' ');
            }
            s.push_str(&i.text);
            push(s, &i.items);
        }
    }
    let mut s = c.text.clone();
    push(&mut s, &c.items);
    s.replace('\u{2029}', "\n")
}

fn item_at<'a>(items: &'a [Item], path: &[usize]) -> Option<&'a Item> {
    let (first, rest) = path.split_first()?;
    let item = items.get(*first)?;
    if rest.is_empty() {
        Some(item)
    } else {
        item_at(&item.items, rest)
    }
}

/// What the round trip keeps of each clause: id, label, text and items.
type ClauseKey = (String, Option<String>, String, Vec<Item>);

fn clause_keys(doc: &Document) -> Vec<ClauseKey> {
    doc.clauses()
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                c.label.clone(),
                c.text.clone(),
                c.items.clone(),
            )
        })
        .collect()
}

/// Each section with the ids of its clauses in reading order. Canonical Markdown says how
/// clauses nest only through their ids (`2.1.1` under `2.1`), so a sub-clause whose number does
/// not extend its parent's (`2.8.3` under a clause renumbered `2.1`) may come back as a
/// sibling; its place in the reading order and its section are what must not change.
fn section_keys(doc: &Document) -> Vec<(Option<String>, String, Vec<String>)> {
    doc.all_sections()
        .iter()
        .map(|s: &&Section| {
            let ids = s.all_clauses().iter().map(|c| c.id.clone()).collect();
            (s.number.clone(), s.heading.clone(), ids)
        })
        .collect()
}

/// The words of a piece of text: lowercase runs of letters and digits (a soft hyphen is not a
/// break).
fn words_of(s: &str) -> Vec<String> {
    s.replace('\u{ad}', "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            // A number is its value: section "01" is section 1.
            if w.chars().all(|c| c.is_ascii_digit()) {
                let v = w.trim_start_matches('0');
                if v.is_empty() {
                    "0".into()
                } else {
                    v.to_string()
                }
            } else {
                w.to_lowercase()
            }
        })
        .collect()
}

/// Every word the model holds, in any field a reader sees.
fn model_words(d: &Document) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    let mut add = |s: &str| out.extend(words_of(s));
    let m = &d.meta;
    let adopted = m.adopted.map(|d| d.to_string());
    for s in [&m.title, &m.council, &m.kind, &adopted]
        .into_iter()
        .flatten()
    {
        add(s);
    }
    for v in &m.versions {
        let date = v.date.as_ref().map(ToString::to_string);
        let review = v.review.as_ref().map(ToString::to_string);
        for s in [&date, &v.version, &v.note, &review].into_iter().flatten() {
            add(s);
        }
    }
    for s in d.all_sections() {
        add(&s.heading);
        add(s.number.as_deref().unwrap_or(""));
    }
    fn items(list: &[Item], add: &mut dyn FnMut(&str)) {
        for i in list {
            add(i.label.as_deref().unwrap_or(""));
            add(i.previous_label.as_deref().unwrap_or(""));
            add(&i.text);
            items(&i.items, add);
        }
    }
    for c in d.clauses() {
        add(&c.id);
        add(c.label.as_deref().unwrap_or(""));
        add(c.previous_id.as_deref().unwrap_or(""));
        add(&c.text);
        items(&c.items, &mut add);
        for ch in &c.changes {
            add(&ch.old);
            add(&ch.new);
            // `[s/hethey](#)` holds "s/he" and "they" run together.
            add(&format!("{}{}", ch.old, ch.new));
        }
    }
    for f in &d.footnotes {
        add(&f.id);
        add(&f.text);
    }
    out
}

/// The words of the input that are neither in the model nor recorded by a diagnostic, as
/// `line:word`. Recorded means: on a line a furniture or contents-list diagnostic names, or
/// quoted by a diagnostic (a preamble line read into the meta, a repaired fragment). Markdown
/// tags, character references, link brackets and targets, `*` and backticks are markup, not
/// words, and do not separate them (`[Framework](#)0` reads "Framework0"); a word split by a
/// hyphen at a line end counts when its joined form is in the model.
pub fn lost_words(bytes: &[u8]) -> Vec<String> {
    /// Stands where a tag or character reference was taken out.
    const MARKUP: char = '\u{1}';
    let Ok(p) = concord_ingest::read(bytes, "law.txt", &Options::default()) else {
        return Vec::new();
    };
    let Ok(text) = concord_ingest::decode_text(bytes) else {
        return Vec::new();
    };
    let mut have = model_words(&p.document);
    let mut recorded_lines = std::collections::HashSet::new();
    for d in &p.diagnostics {
        have.extend(words_of(&d.message));
        match d.code {
            Code::PageFurniture => {
                recorded_lines.insert(d.line);
            }
            Code::ContentsList => {
                // "skipped a contents list of N entries (lines A-B)"
                let range = d.message.rsplit("(lines ").next().unwrap_or("");
                if let Some((a, b)) = range.trim_end_matches(')').split_once('-')
                    && let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>())
                {
                    recorded_lines.extend(a..=b);
                }
            }
            _ => {}
        }
    }
    let markdown = p.document.meta.source.format == "markdown";
    let unmark = |line: &str| -> String {
        if !markdown {
            return line.to_string();
        }
        let mut out = String::new();
        let mut rest = line;
        while let Some(i) = rest.find(['<', '&']) {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            let end = if tail.starts_with('<') {
                tail.find('>').map(|e| e + 1)
            } else {
                tail.find(';')
                    .filter(|&e| {
                        e > 1
                            && tail[1..e]
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || c == '#')
                    })
                    .map(|e| e + 1)
            };
            match end {
                // An autolink (`<https://...>`, `<a@b.uk>`) is text in angle brackets.
                Some(e)
                    if tail.starts_with('<')
                        && (tail[1..].starts_with("http")
                            || tail[1..].starts_with("mailto:")
                            || tail[1..e - 1].contains('@')) =>
                {
                    out.push_str(&tail[1..e - 1]);
                    rest = &tail[e..];
                }
                Some(e) => {
                    out.push(MARKUP);
                    rest = &tail[e..];
                }
                None => {
                    out.push_str(&tail[..1]);
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        // `](target)` ends a link; the brackets, `*` and backticks only mark words up.
        let mut plain = String::new();
        let mut rest = out.as_str();
        while let Some(i) = rest.find("](") {
            plain.push_str(&rest[..i]);
            let tail = &rest[i + 2..];
            rest = tail.find(')').map_or("", |e| &tail[e + 1..]);
        }
        plain.push_str(rest);
        plain
    };
    // Whether a `*` or a bracket marks words up or is text cannot be told here, so a word
    // counts when it is found with them read as spaces, or inside a word found without them.
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| unmark(l).replace(['[', ']', '*', '`', MARKUP], " "))
        .collect();
    let mut lost = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if recorded_lines.contains(&(i as u32 + 1)) {
            continue;
        }
        let joined: Vec<String> = words_of(
            &unmark(text.split('\n').nth(i).unwrap_or(""))
                .replace(['[', ']', '*', '`', '_', '~', MARKUP], ""),
        )
        .into_iter()
        .filter(|j| have.contains(j))
        .collect();
        // Words touching an inline mark: a tracked deletion or emphasis can glue them to the
        // next word (`or she~~they ~~has~~ves` reads "or sheves", `n**n**n` "nnn").
        let raw = text.split('\n').nth(i).unwrap_or("");
        let mark = |c: char| matches!(c, '~' | '*' | '_' | '`' | '[' | ']' | '<' | '>');
        let touching: HashSet<String> = raw
            .split(|c: char| !c.is_alphanumeric() && !mark(c))
            .filter(|t| t.contains(mark))
            .flat_map(words_of)
            .collect();
        let ws = words_of(line);
        for (k, w) in ws.iter().enumerate() {
            // `[s/hethey](#)`: a replacement's two halves run together.
            let run_together = w
                .char_indices()
                .skip(1)
                .any(|(at, _)| have.contains(&w[..at]) && have.contains(&w[at..]));
            // Marks run words together (`noticer~~...~~they` reads "noticerthey"): a word
            // long enough not to match by chance counts when the model holds it inside one.
            let inside = (w.chars().count() >= 4 || touching.contains(w))
                && have.iter().any(|h| h.contains(w.as_str()));
            if have.contains(w)
                || joined.iter().any(|j| j.contains(w.as_str()))
                || run_together
                || inside
            {
                continue;
            }
            // `Of-` / `ficer`: the halves of a word split at a line end.
            let split_after = k + 1 == ws.len()
                && line.trim_end().ends_with('-')
                && lines[i + 1..]
                    .iter()
                    .find(|l| !l.trim().is_empty())
                    .and_then(|l| words_of(l).into_iter().next())
                    .is_some_and(|next| have.contains(&format!("{w}{next}")));
            let split_before = k == 0
                && lines[..i]
                    .iter()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .filter(|l| l.trim_end().ends_with('-'))
                    .and_then(|l| words_of(l).pop())
                    .is_some_and(|prev| have.contains(&format!("{prev}{w}")));
            if !(split_after || split_before) {
                lost.push(format!("{}:{w}", i + 1));
            }
        }
    }
    lost
}

/// The words of a Word file's body that are neither in the model nor recorded by a diagnostic,
/// as `paragraph:word`. The body text is read here on its own, by a scanner that knows only
/// where the schema puts text (ECMA-376), not how the reader works: the text (`w:t`) of runs in
/// the main part's paragraphs, in tables (rows and cells wrapped in content controls
/// included), in content controls and custom XML, in text boxes (whatever drawing holds their
/// `w:txbxContent`; of the alternatives `mc:AlternateContent` offers, the first with text) and
/// in equations. Not body text: deleted text (it is in the model as changes where the structure
/// allows, and is checked by the tracked-change tests), hidden runs (`w:vanish`), field
/// instructions, ruby annotations, image descriptions, and text where the schema has none.
/// Recorded means: in the model, quoted by a diagnostic, or in a paragraph a furniture or
/// contents-list diagnostic names. Paragraphs are numbered as the reader numbers them: the
/// place of each `p` element among all of them in the main part.
pub fn lost_docx_words(bytes: &[u8]) -> Vec<String> {
    match concord_ingest::read(bytes, "law.docx", &Options::default()) {
        Ok(p) => lost_docx_words_of(bytes, &p),
        Err(_) => Vec::new(),
    }
}

/// [`lost_docx_words`] for a reading of the file already made.
pub fn lost_docx_words_of(bytes: &[u8], p: &Parsed) -> Vec<String> {
    let mut have = model_words(&p.document);
    let mut recorded = HashSet::new();
    for d in &p.diagnostics {
        have.extend(words_of(&d.message));
        match d.code {
            Code::PageFurniture => {
                recorded.insert(d.line);
            }
            Code::ContentsList => {
                let range = d.message.rsplit("(lines ").next().unwrap_or("");
                if let Some((a, b)) = range.trim_end_matches(')').split_once('-')
                    && let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>())
                {
                    recorded.extend(a..=b);
                }
            }
            _ => {}
        }
    }
    let mut lost = Vec::new();
    for (no, text) in docx_body_text(bytes) {
        if recorded.contains(&no) {
            continue;
        }
        for w in words_of(&text) {
            if !have.contains(&w) {
                lost.push(format!("{no}:{w}"));
            }
        }
    }
    lost
}

/// The body text of a Word file's main part, as (paragraph number, text) in document order
/// (see [`lost_docx_words`]); nothing when the package cannot be opened.
pub fn docx_body_text(bytes: &[u8]) -> Vec<(u32, String)> {
    docx_main_part(bytes).map_or_else(Vec::new, |xml| body_text(&xml))
}

/// The main part of a package, as `_rels/.rels` names it (or `word/document.xml`).
fn docx_main_part(bytes: &[u8]) -> Option<String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut read = |name: &str| -> Option<String> {
        let index = zip.index_for_name(name).or_else(|| {
            zip.file_names_raw()
                .position(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        })?;
        let mut s = String::new();
        zip.by_index(index).ok()?.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let named = read("_rels/.rels").and_then(|rels| {
        xml_tags(&rels).find_map(|tag| match tag {
            Tag::Open { name, attrs, .. }
                if name == "Relationship"
                    && attr(&attrs, "Type").is_some_and(|t| t.ends_with("/officeDocument")) =>
            {
                attr(&attrs, "Target").map(|t| t.trim_start_matches('/').to_string())
            }
            _ => None,
        })
    });
    named
        .and_then(|n| read(&n))
        .or_else(|| read("word/document.xml"))
}

/// A tag or a piece of text of an XML part, by local name.
#[derive(Debug)]
enum Tag {
    Open {
        name: String,
        attrs: Vec<(String, String)>,
        empty: bool,
    },
    Close,
    Text(String),
}

fn xml_tags(xml: &str) -> impl Iterator<Item = Tag> + '_ {
    let mut rest = xml;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                let text = unescape(&rest[..end]);
                rest = &rest[end..];
                return Some(Tag::Text(text));
            }
            for (open, close) in [("<!--", "-->"), ("<?", "?>"), ("<!DOCTYPE", ">")] {
                if rest.starts_with(open) {
                    let end = rest.find(close).map_or(rest.len(), |e| e + close.len());
                    rest = &rest[end..];
                }
            }
            if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
                let end = cdata.find("]]>").unwrap_or(cdata.len());
                let text = cdata[..end].to_string();
                rest = cdata.get(end + 3..).unwrap_or("");
                return Some(Tag::Text(text));
            }
            if !rest.starts_with('<') || rest.starts_with("<!") || rest.starts_with("<?") {
                continue;
            }
            // The tag's end: the first `>` outside quotes.
            let mut quote = None;
            let mut end = rest.len();
            for (i, c) in rest.char_indices().skip(1) {
                match (quote, c) {
                    (None, '"' | '\'') => quote = Some(c),
                    (Some(q), c) if c == q => quote = None,
                    (None, '>') => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
            }
            let inner = &rest[1..end];
            rest = rest.get(end + 1..).unwrap_or("");
            if inner.starts_with('/') {
                return Some(Tag::Close);
            }
            let empty = inner.ends_with('/');
            let inner = inner.trim_end_matches('/');
            let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
            let local = |q: &str| q.rsplit(':').next().unwrap_or(q).to_string();
            let mut attrs = Vec::new();
            let mut a = &inner[name_end..];
            while let Some(eq) = a.find('=') {
                let key = local(a[..eq].trim());
                let v = a[eq + 1..].trim_start();
                let Some(q) = v.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                    break;
                };
                let close = v[1..].find(q).map_or(v.len(), |e| e + 1);
                attrs.push((key, unescape(&v[1..close])));
                a = v.get(close + 1..).unwrap_or("");
            }
            return Some(Tag::Open {
                name: local(&inner[..name_end]),
                attrs,
                empty,
            });
        }
    })
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(end) = tail.find(';') else {
            out.push_str(tail);
            return out;
        };
        let entity = &tail[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e => e
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => out.push(c),
            None => out.push_str(&tail[..=end]),
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Where an element stands, as far as body text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Outside the body, or where the schema puts no text.
    None,
    /// The document element: its `body` holds blocks.
    Document,
    /// Where paragraphs and tables go: a body, a cell, a text box, a block content control.
    Blocks,
    Table,
    Row,
    /// Inside a paragraph, where runs go.
    Para,
    /// An equation: runs at any depth.
    Math,
    Run,
    RunProps,
    Ruby,
    /// A drawing, VML picture or object: text boxes at any depth.
    Drawing,
    /// A run's text, and its deleted text.
    Text,
    DelText,
    /// A choice of alternatives (`mc:AlternateContent`) in a place.
    Alternatives(&'static Place),
}

/// The place of an element named `name` inside one at `outer`.
fn place(outer: Place, name: &str) -> Place {
    const WRAPS_BLOCKS: &[&str] = &[
        "sdt",
        "sdtContent",
        "customXml",
        "ins",
        "del",
        "moveTo",
        "moveFrom",
        "smartTag",
    ];
    const WRAPS_RUNS: &[&str] = &[
        "hyperlink",
        "smartTag",
        "fldSimple",
        "sdt",
        "sdtContent",
        "customXml",
        "bdo",
        "dir",
        "ins",
        "del",
        "moveTo",
        "moveFrom",
    ];
    const WRAPS_ROWS: &[&str] = &["sdt", "sdtContent", "customXml"];
    let alternatives = |p: &'static Place| Place::Alternatives(p);
    match (outer, name) {
        (Place::None, "document") => Place::Document,
        (Place::Document, "body") => Place::Blocks,
        (Place::Blocks, "p") => Place::Para,
        (Place::Blocks, "tbl") => Place::Table,
        (Place::Blocks, "AlternateContent") => alternatives(&Place::Blocks),
        (Place::Blocks, n) if WRAPS_BLOCKS.contains(&n) => Place::Blocks,
        (Place::Table, "tr") => Place::Row,
        (Place::Table, n) if WRAPS_ROWS.contains(&n) => Place::Table,
        (Place::Row, "tc") => Place::Blocks,
        (Place::Row, n) if WRAPS_ROWS.contains(&n) => Place::Row,
        (Place::Para, "r") => Place::Run,
        (Place::Para, "oMath" | "oMathPara") => Place::Math,
        (Place::Para, "AlternateContent") => alternatives(&Place::Para),
        (Place::Para, n) if WRAPS_RUNS.contains(&n) => Place::Para,
        (Place::Math, "r") => Place::Run,
        (Place::Math, _) => Place::Math,
        (Place::Run, "t") => Place::Text,
        (Place::Run, "delText") => Place::DelText,
        (Place::Run, "rPr") => Place::RunProps,
        (Place::Run, "drawing" | "pict" | "object") => Place::Drawing,
        (Place::Run, "AlternateContent") => alternatives(&Place::Run),
        (Place::Run, "ruby") => Place::Ruby,
        (Place::Ruby, "rubyBase") => Place::Para,
        (Place::Drawing, "txbxContent") => Place::Blocks,
        (Place::Drawing, "AlternateContent") => alternatives(&Place::Drawing),
        (Place::Drawing, _) => Place::Drawing,
        (Place::Alternatives(inner), "Choice" | "Fallback") => *inner,
        _ => Place::None,
    }
}

/// One open element of the scan.
struct Open {
    place: Place,
    /// Text in it is deleted (inside `w:del` or `w:moveFrom`).
    deleted: bool,
    /// Text in it does not count: a hidden run, or an alternative after one that had text.
    silent: bool,
    /// The paragraph its text belongs to.
    para: usize,
    /// For a choice of alternatives: whether one has given text. For an alternative: how much
    /// text had been shown when it opened.
    taken: bool,
    shown_at: usize,
    /// A paragraph (`p`) itself, not a container inside one.
    paragraph: bool,
    /// For a paragraph: its fields, each `true` while in its instruction part.
    fields: Vec<bool>,
}

/// The fields of the paragraph being scanned.
fn fields_of(stack: &mut [Open]) -> Option<&mut Vec<bool>> {
    stack
        .iter_mut()
        .rev()
        .find(|o| o.paragraph)
        .map(|o| &mut o.fields)
}

/// The body text of a main part, as (paragraph number, text) in document order.
fn body_text(xml: &str) -> Vec<(u32, String)> {
    let mut paras: Vec<(u32, String)> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut numbered = 0u32;
    // Shown text and note references so far, to tell an alternative that gave text.
    let mut shown = 0usize;
    for tag in xml_tags(xml) {
        match tag {
            Tag::Open { name, attrs, empty } => {
                let top = stack.last();
                let outer = top.map_or(Place::None, |o| o.place);
                let here = place(outer, &name);
                let mut silent = top.is_some_and(|o| o.silent);
                let mut deleted =
                    top.is_some_and(|o| o.deleted) || matches!(name.as_str(), "del" | "moveFrom");
                let mut para = top.map_or(usize::MAX, |o| o.para);
                if name == "p" {
                    numbered += 1;
                    if here == Place::Para {
                        paras.push((numbered, String::new()));
                        para = paras.len() - 1;
                        deleted = false;
                    }
                }
                if matches!(outer, Place::Alternatives(_))
                    && let Some(choice) = stack.last()
                    && choice.taken
                {
                    silent = true;
                }
                if outer == Place::RunProps && name == "vanish" {
                    let off =
                        attr(&attrs, "val").is_some_and(|v| matches!(v, "0" | "false" | "off"));
                    if !off
                        && let Some(run) = stack.iter_mut().rev().find(|o| o.place == Place::Run)
                    {
                        run.silent = true;
                    }
                }
                if outer == Place::Run {
                    // Nothing in a run shows while a field is in its instruction part.
                    let fields = fields_of(&mut stack);
                    if name != "fldChar" && fields.as_ref().is_some_and(|f| f.iter().any(|&i| i)) {
                        silent = true;
                    }
                    match (name.as_str(), fields) {
                        ("fldChar", Some(f)) if !silent => match attr(&attrs, "fldCharType") {
                            Some("begin") => f.push(true),
                            Some("separate") => {
                                if let Some(last) = f.last_mut() {
                                    *last = false;
                                }
                            }
                            Some("end") => {
                                f.pop();
                            }
                            _ => {}
                        },
                        ("tab" | "br" | "cr" | "ptab", _) if !silent && !deleted => {
                            if let Some(p) = paras.get_mut(para) {
                                p.1.push(' ');
                            }
                        }
                        ("footnoteReference" | "endnoteReference", _) if !silent && !deleted => {
                            shown += 1;
                        }
                        _ => {}
                    }
                }
                if !empty {
                    stack.push(Open {
                        place: here,
                        deleted,
                        silent,
                        para,
                        taken: false,
                        shown_at: shown,
                        paragraph: name == "p" && here == Place::Para,
                        fields: Vec::new(),
                    });
                }
            }
            Tag::Close => {
                let Some(closed) = stack.pop() else { continue };
                if matches!(stack.last().map(|o| o.place), Some(Place::Alternatives(_)))
                    && shown > closed.shown_at
                    && let Some(choice) = stack.last_mut()
                {
                    choice.taken = true;
                }
            }
            Tag::Text(t) => {
                let Some(top) = stack.last() else { continue };
                if !matches!(top.place, Place::Text | Place::DelText) || top.silent {
                    continue;
                }
                // Deleted text counts as text when alternatives are chosen, but is not body text.
                shown += t.chars().filter(|c| !c.is_whitespace()).count();
                if top.place == Place::Text
                    && !top.deleted
                    && let Some(p) = paras.get_mut(top.para)
                {
                    p.1.push_str(&t);
                }
            }
        }
    }
    paras
}
