//! The DOCX writer checked in real clients: LibreOffice converts every file we write and
//! shows its numbers, headings and tracked changes; accepting every change of a redline gives
//! the new version's text and rejecting every change the old one's; python-docx opens the files
//! and sees real styles, list numbering and revisions.

mod support;

use std::path::{Path, PathBuf};

use concord_compare::diff::{DiffConfig, diff};
use concord_model::{Document, Item, Section};
use concord_render::docx::{self, DocxOptions};
use support::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed(name: &str) -> Document {
    let path = root().join("corpus").join(name);
    let bytes = std::fs::read(&path).expect("a seed file");
    concord_ingest::read(&bytes, name, &Default::default())
        .expect("a seed reads")
        .document
}

fn drafted(example: &str) -> Document {
    let text = std::fs::read_to_string(root().join("templates/examples").join(example))
        .expect("an example options file");
    let options = concord_draft::validate::parse(&text).expect("valid options");
    concord_draft::Drafter::new(concord_draft::Templates::Builtin)
        .draft(&options)
        .expect("drafts")
        .document
}

/// The lines a redline shows of one version: the title, then each heading (number, heading)
/// and each clause (label, text, then each item and paragraph on a line of its own). Footnote
/// references (`[^id]`) show as the footnote's number among `notes` (the new version's), as
/// LibreOffice prints a real footnote's mark.
fn redline_lines(doc: &Document, notes: &[concord_model::Footnote]) -> Vec<String> {
    fn items(list: &[Item], out: &mut Vec<String>) {
        for i in list {
            out.push(match &i.label {
                Some(l) => format!("{l} {}", i.text),
                None => i.text.clone(),
            });
            items(&i.items, out);
        }
    }
    fn section(s: &Section, out: &mut Vec<String>) {
        out.push(match &s.number {
            Some(n) => format!("{n} {}", s.heading),
            None => s.heading.clone(),
        });
        for c in s.clauses.iter().flat_map(|c| c.walk()) {
            let mut paras = c.text.split("\n\n");
            let first = paras.next().unwrap_or("");
            out.push(match &c.label {
                Some(l) => format!("{l} {first}"),
                None => first.to_string(),
            });
            out.extend(paras.map(str::to_string));
            items(&c.items, out);
        }
        for sub in &s.sections {
            section(sub, out);
        }
    }
    let mut out = vec![
        doc.meta
            .title
            .clone()
            .unwrap_or_else(|| "Protocol on member/officer relations".into()),
    ];
    for s in &doc.sections {
        section(s, &mut out);
    }
    let mut text = out.join("\n");
    for (k, f) in notes.iter().enumerate() {
        text = text.replace(&format!("[^{}]", f.id), &(k + 1).to_string());
    }
    lines(&text)
}

#[test]
#[ignore = "needs LibreOffice and python-docx"]
fn tracked_redline_accepts_to_new_and_rejects_to_old() {
    let doc = seed("000_0739291e76a941b3.txt");
    let (before, after) = (doc.before(), doc.after());
    let r = diff(&before, &after, &DiffConfig::default());
    let opts = DocxOptions {
        author: "Monitoring Officer".into(),
        date: Some("2026-05-05".into()),
        logo: None,
    };
    let bytes = docx::redline(&r, &before, &after, &opts);
    assert_eq!(
        bytes,
        docx::redline(&r, &before, &after, &opts),
        "deterministic"
    );
    require_office();
    let dir = scratch("redline-000");
    let file = dir.join("redline.docx");
    std::fs::write(&file, &bytes).expect("write");
    let (count, _) = office_changes(&file, "keep", &dir);
    assert!(
        count >= 10,
        "LibreOffice sees the tracked changes ({count})"
    );
    let (_, accepted) = office_changes(&file, "accept", &dir);
    let (_, rejected) = office_changes(&file, "reject", &dir);
    let notes = &after.footnotes;
    let (want_new, want_old) = (redline_lines(&after, notes), redline_lines(&before, notes));
    similar_asserts(&lines(&accepted), &want_new, "accept-all");
    similar_asserts(&lines(&rejected), &want_old, "reject-all");
    let revisions = python_docx(
        "import docx,sys\nd=docx.Document(sys.argv[1])\nb=d.element.body\nns={'w':'http://schemas.openxmlformats.org/wordprocessingml/2006/main'}\nprint(len(b.findall('.//w:ins',ns)), len(b.findall('.//w:del',ns)), {e.get('{%s}author'%ns['w']) for e in b.findall('.//w:ins',ns)})",
        &file,
    );
    assert!(revisions.contains("{'Monitoring Officer'}"), "{revisions}");
    // The footnotes are real ones, in the footnotes part.
    let notes_seen = python_docx(
        "import docx,sys\nd=docx.Document(sys.argv[1])\nprint(len(d.element.body.findall('.//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}footnoteReference')))",
        &file,
    );
    assert_eq!(notes_seen.trim(), "3", "footnote references");
}

fn similar_asserts(got: &[String], want: &[String], what: &str) {
    if got != want {
        let first = got
            .iter()
            .zip(want)
            .position(|(g, w)| g != w)
            .unwrap_or(got.len().min(want.len()));
        panic!(
            "{what}: first difference at line {first}:\n got: {:?}\nwant: {:?}\n({} lines vs {})",
            got.get(first),
            want.get(first),
            got.len(),
            want.len()
        );
    }
}

/// python-docx's view of a file: each paragraph as `style|numbered|text`.
const PARAGRAPHS: &str = "import docx,sys\nd=docx.Document(sys.argv[1])\nfor p in d.paragraphs:\n    n=p._p.pPr is not None and p._p.pPr.numPr is not None\n    print('%s|%s|%s' % (p.style.name, int(n), p.text))\nprint('title|%s' % d.core_properties.title)";

#[test]
#[ignore = "needs LibreOffice and python-docx"]
fn drafted_protocol_has_word_numbering_and_headings() {
    let doc = drafted("district.toml");
    let bytes = docx::document(&doc, &DocxOptions::default());
    assert_eq!(bytes, docx::document(&doc, &DocxOptions::default()));
    require_office();
    let dir = scratch("drafted-district");
    let file = dir.join("district.docx");
    std::fs::write(&file, &bytes).expect("write");

    // python-docx: real heading styles, list numbering on every clause, no number in the text.
    let paras = python_docx(PARAGRAPHS, &file);
    let rows: Vec<Vec<&str>> = paras.lines().map(|l| l.splitn(3, '|').collect()).collect();
    let headings = rows.iter().filter(|r| r[0] == "Heading 1").count();
    assert_eq!(headings, doc.sections.len(), "{paras}");
    let clauses: Vec<&Vec<&str>> = rows.iter().filter(|r| r[0] == "Clause").collect();
    assert_eq!(clauses.len(), doc.clauses().len());
    for c in &clauses {
        assert_eq!(c[1], "1", "a clause without list numbering: {c:?}");
        assert!(
            !c[2].starts_with(|ch: char| ch.is_ascii_digit()),
            "a number typed into the text: {c:?}"
        );
    }
    assert!(paras.contains(&format!(
        "title|{}",
        doc.meta.title.as_deref().unwrap_or("")
    )));

    // LibreOffice computes the numbers: its text shows every clause id before its text.
    let txt = std::fs::read_to_string(soffice_convert(&file, "txt:Text (encoded):UTF8", &dir))
        .expect("text");
    let shown = lines(&txt);
    for c in doc.clauses() {
        let first = c.text.split("\n\n").next().unwrap_or("");
        let want: String = format!("{} {}", c.id, first)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let want_start: String = want.chars().take(40).collect();
        assert!(
            shown.iter().any(|l| l.starts_with(&want_start)),
            "LibreOffice does not show clause {} as numbered: {want_start:?}",
            c.id
        );
    }
    for (k, s) in doc.sections.iter().enumerate() {
        let want = format!("{}. {}", k + 1, s.heading);
        assert!(shown.contains(&want), "heading {want:?} not shown");
    }
}

#[test]
#[ignore = "needs LibreOffice and python-docx"]
fn every_seed_converts_in_libreoffice() {
    require_office();
    let dir = scratch("seeds-docx");
    let mut names: Vec<String> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for name in &names {
        let doc = seed(name);
        let file = dir.join(name.replace(".txt", ".docx"));
        std::fs::write(&file, docx::document(&doc, &DocxOptions::default())).expect("write");
        let txt = std::fs::read_to_string(soffice_convert(&file, "txt:Text (encoded):UTF8", &dir))
            .expect("text");
        let shown = lines(&txt).join("\n");
        for c in doc.clauses() {
            let first: String = c
                .text
                .split_whitespace()
                .take(8)
                .collect::<Vec<_>>()
                .join(" ");
            let first = first.replace("[^", "");
            let probe: String = first.chars().take(30).collect();
            let probe = probe.split("[").next().unwrap_or("");
            assert!(
                shown.contains(probe),
                "{name}: clause {} missing from LibreOffice's text: {probe:?}",
                c.id
            );
            if let Some(l) = &c.label {
                assert!(
                    shown.contains(&format!("{l}\t")) || shown.contains(&format!("{l} ")),
                    "{name}: label {l} not shown"
                );
            }
        }
        let _ = python_docx(PARAGRAPHS, &file);
    }
}

/// The drafted protocol's contents is a real table of contents: LibreOffice finds one index in
/// the file and, updating it, writes every section with the page it starts on.
#[test]
#[ignore = "needs LibreOffice"]
fn drafted_protocol_contents_is_a_table_of_contents_libreoffice_updates() {
    let doc = drafted("district.toml");
    let bytes = docx::document(&doc, &DocxOptions::default());
    require_office();
    let dir = scratch("drafted-toc");
    let file = dir.join("district.docx");
    std::fs::write(&file, &bytes).expect("write");
    let (indexes, text) = office_changes(&file, "toc", &dir);
    assert_eq!(indexes, 1, "one table of contents");
    for (k, s) in doc.sections.iter().enumerate() {
        let number = s.number.clone().unwrap_or_default();
        let entry = text
            .lines()
            .find(|l| l.starts_with(&number) && l.contains(&format!("{}\t", s.heading)))
            .unwrap_or_else(|| panic!("section {k} is in the contents:\n{text}"));
        let page = entry.rsplit('\t').next().unwrap_or("");
        assert!(
            page.trim().parse::<u32>().is_ok(),
            "a page number: {entry:?}"
        );
    }
}
