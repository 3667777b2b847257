//! End-to-end tests of `concord pack`: the pack for seed 000 (before and after its tracked
//! changes) with the other seeds as peers leads with the change of responsibility, holds every
//! part a committee reads, is byte-identical on a second run, and bad calls exit 2 having
//! written nothing.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn concord() -> Command {
    Command::cargo_bin("concord").unwrap()
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn pack_000(dir: &Path) -> String {
    concord()
        .arg("pack")
        .arg("--tracked")
        .arg(corpus().join("000_0739291e76a941b3.txt"))
        .arg("--peers")
        .arg(corpus())
        .args([
            "--meeting-date",
            "Standards Committee, 12 March 2027 & after",
        ])
        .arg("-o")
        .arg(dir)
        .assert()
        .success();
    std::fs::read_to_string(dir.join("pack.html")).unwrap()
}

/// The file codes of the seeds: a pack names councils, never these.
const CODES: [&str; 5] = [
    "000_0739291e76a941b3",
    "001_5977b984982b9da1",
    "002_317f9fdcf88417d7",
    "003_d91a8e6c4f59d3bb",
    "004_71cbc2f1760365f7",
];

/// The text of a Word file's body: its `w:t` runs, each paragraph a line.
fn docx_text(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let mut out = String::new();
    for para in xml.split("</w:p>") {
        for piece in para.split("<w:t").skip(1) {
            let Some(start) = piece.find('>') else {
                continue;
            };
            let body = &piece[start + 1..];
            if let Some(end) = body.find("</w:t>") {
                out.push_str(&body[..end]);
            }
        }
        out.push('\n');
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
}

/// What the pack must never show a committee: file codes, footnote markup, code marks,
/// commands or file paths.
fn assert_fit_to_publish(what: &str, text: &str) {
    for code in CODES {
        assert!(!text.contains(code), "{what} shows the file code {code}");
    }
    for leak in ["[^", "`", "concord ingest", "--format", "corpus/", ".txt"] {
        assert!(!text.contains(leak), "{what} shows {leak:?}");
    }
}

#[test]
fn seed_000_pack_leads_with_the_responsibility_change() {
    let dir = tempfile::tempdir().unwrap();
    let html = pack_000(dir.path());
    let lead = html
        .find("Who does an officer go to about a councillor&#39;s conduct? Now: Chief Executive (clause 6.2). Before: Monitoring Officer (clause 6.2).")
        .expect("the responsibility change");
    let material = html.find("Material changes (5)").expect("material changes");
    assert!(lead < material);
    for id in [
        "id=\"summary\"",
        "id=\"changes\"",
        "id=\"peers\"",
        "id=\"full\"",
        "id=\"checks\"",
        "id=\"appendix\"",
    ] {
        assert!(html.contains(id), "{id}");
    }
    // The peers are the other seeds, named by their councils (or, where a text names none,
    // by its title), a row each; the file under review is the proposed version.
    for peer in [
        "Sandon and Burston Parish Council",
        "Tewkesbury Borough Council",
        "Council not named in the text: Protocol on Member/Officer Relations",
        "Councils not named in the text: Joint protocol on councillor &amp; officer relationships",
    ] {
        assert!(
            html.contains(&format!("<th scope=\"row\">{peer}</th>")),
            "{peer}"
        );
    }
    assert!(html.contains("<th scope=\"row\">Proposed version</th>"));
    // The title is the protocol's, not the number of the paper it sat in.
    assert!(
        html.contains(
            "<h1>Review of the Protocol for Managing Councillor / Officer Relations</h1>"
        )
    );
    // A paragraph of an unnumbered text is cited under its heading.
    assert!(
        html.contains("(paragraph 3 under \u{2018}Procedure for Officer/Clerks\u{2019})"),
        "a citation people can follow"
    );
    // Why each change is classed so, in words.
    assert!(
        html.contains("A different person is responsible: Chief Executive, not Monitoring Officer")
    );
    assert_fit_to_publish("pack.html", &html);
    // User text is data.
    assert!(html.contains("12 March 2027 &amp; after"));
    // The appendix has its own anchors: no id is used twice.
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids in the pack");
    // Contents: a list of links in the page, a real TOC field in Word.
    assert!(html.contains("<nav class=\"contents\" aria-labelledby=\"toc\">"));
    let docx = docx_text(&dir.path().join("pack.docx"));
    assert_fit_to_publish("pack.docx", &docx);
    assert!(docx.contains("Sandon and Burston Parish Council"));
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip::ZipArchive::new(std::fs::File::open(dir.path().join("pack.docx")).unwrap())
            .unwrap()
            .by_name("word/document.xml")
            .unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(
        xml.contains("TOC \\o &quot;1-1&quot;") || xml.contains("TOC \\o \"1-1\""),
        "a TOC field"
    );
    assert!(xml.contains("<w:cantSplit/>") && xml.contains("<w:tblHeader/>"));
    // A second run writes the same bytes, in every format.
    let again = tempfile::tempdir().unwrap();
    assert_eq!(pack_000(again.path()), html);
    for name in ["pack.docx", "pack.pdf"] {
        let a = std::fs::read(dir.path().join(name)).unwrap();
        let b = std::fs::read(again.path().join(name)).unwrap();
        assert!(!a.is_empty() && a == b, "{name} differs between runs");
    }
}

/// The words of a page of HTML, its markup taken out: the dictionary that tells a word broken
/// across two lines of a PDF from two words.
fn words_of(html: &str) -> std::collections::BTreeSet<String> {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .collect()
}

/// Lines of extracted text where a word is cut in two: the last word of a line and the first
/// of the next make a word of the pack, and are not both words of it themselves.
fn broken_words(text: &str, words: &std::collections::BTreeSet<String>) -> Vec<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let end = pair[0]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let start = pair[1]
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if end.is_empty() || start.is_empty() {
            continue;
        }
        let joined = format!("{end}{start}");
        if words.contains(&joined) && !(words.contains(&end) && words.contains(&start)) {
            out.push(format!("{} | {}", pair[0], pair[1]));
        }
    }
    out
}

fn pdftotext(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Every word of the pack as poppler reads the PDF: each council named, no word broken across
/// a line ("Communicati|ons"), a printed contents page with page numbers, and nothing a
/// committee should not see.
#[test]
#[ignore = "needs poppler-utils"]
fn seed_000_pack_pdf_names_councils_and_breaks_no_word() {
    let dir = tempfile::tempdir().unwrap();
    let html = pack_000(dir.path());
    let text = pdftotext(&dir.path().join("pack.pdf"));
    assert_fit_to_publish("pack.pdf", &text);
    for name in [
        "Sandon and Burston Parish Council",
        "Tewkesbury Borough Council",
    ] {
        assert!(text.contains(name), "{name}");
    }
    // The contents page: each part with the page it starts on.
    let contents = &text[text.find("Contents").expect("a contents page")..];
    for part in [
        "Summary",
        "Clause-by-clause redline",
        "Appendix: the new text in full",
    ] {
        let line = contents.lines().position(|l| l.trim() == part).expect(part);
        let number = contents
            .lines()
            .skip(line + 1)
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        assert!(number.trim().parse::<u32>().is_ok(), "{part}: {number:?}");
    }
    let broken = broken_words(&text, &words_of(&html));
    assert!(broken.is_empty(), "words broken across lines: {broken:#?}");
}

/// The Word pack as LibreOffice lays it out and prints it: councils by name, no file code or
/// markup, the contents, and no word broken across a line in its tables.
#[test]
#[ignore = "needs LibreOffice and poppler-utils"]
fn seed_000_pack_in_libreoffice_names_councils_and_breaks_no_word() {
    let dir = tempfile::tempdir().unwrap();
    let html = pack_000(dir.path());
    let profile = dir.path().join("profile");
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path().join("lo"))
        .arg(dir.path().join("pack.docx"))
        .output()
        .expect("soffice runs (install libreoffice-writer-nogui)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdftotext(&dir.path().join("lo/pack.pdf"));
    assert_fit_to_publish("pack.docx in LibreOffice", &text);
    assert!(text.contains("Contents"));
    for name in [
        "Sandon and Burston Parish Council",
        "Tewkesbury Borough Council",
        "Proposed version",
    ] {
        assert!(text.contains(name), "{name}");
    }
    let broken = broken_words(&text, &words_of(&html));
    assert!(broken.is_empty(), "words broken across lines: {broken:#?}");
}

#[test]
fn bad_calls_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pack");
    let r = concord()
        .arg("pack")
        .arg("--old")
        .arg(corpus().join("compare/split/old.md"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(!out.exists());
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let r = concord()
        .arg("pack")
        .arg("--old")
        .arg(corpus().join("compare/split/old.md"))
        .arg("--new")
        .arg(corpus().join("compare/split/new.md"))
        .arg("-o")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("is a file"));
    let r = concord()
        .arg("pack")
        .arg("--tracked")
        .arg(corpus().join("compare/split/old.md"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("no tracked changes"));
    assert!(!out.exists());
}

/// The detector of broken words finds one, and leaves two words on two lines alone.
#[test]
fn a_word_broken_across_lines_is_found() {
    let words = words_of("<td>the Communications Team and the Chief Executive</td>");
    assert_eq!(
        broken_words("led by the Communicati\nons Team", &words),
        ["led by the Communicati | ons Team"]
    );
    assert!(broken_words("the Chief\nExecutive", &words).is_empty());
}
