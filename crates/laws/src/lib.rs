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
/// `word/document.xml` of a minimal package. Whatever it reads is a well-formed document.
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
