//! Word files as Word, LibreOffice and templates write them (issue 17): the fixtures that
//! `corpus/docx/make_fixtures.py` makes for each shape read back exactly, and no word of any Word
//! fixture's body is lost (the law the `ingest_docx` fuzz target checks, `lost_docx_words`).

use std::path::{Path, PathBuf};

use concord_ingest::{Error, Format, Options, Parsed, detect, read, read_converted};
use concord_model::{Code, Document, Severity};

// The law shared with the fuzz target.
use concord_laws as checks;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = corpus().join("docx").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn parse(name: &str) -> Parsed {
    read(&fixture(name), name, &Options::default())
        .unwrap_or_else(|e| panic!("{name} does not read: {e}"))
}

fn ids(doc: &Document) -> Vec<&str> {
    doc.clauses().into_iter().map(|c| c.id.as_str()).collect()
}

fn text<'a>(doc: &'a Document, id: &str) -> &'a str {
    &doc.clause(id)
        .unwrap_or_else(|| panic!("no clause {id}"))
        .text
}

/// No diagnostic of warning or worse, and no furniture: a Word file's running lines are parts of
/// their own, never read.
fn clean(p: &Parsed) {
    let bad: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning || d.code == Code::PageFurniture)
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

fn snapshot(name: &str, parsed: &Parsed) {
    let outline = concord_render::outline(&parsed.document);
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, input_file => corpus().join("docx").join(name) }, {
        insta::assert_snapshot!(format!("word_{}", name.trim_end_matches(".docx")), outline);
    });
}

#[test]
fn a_main_part_not_named_document_xml_is_found_through_the_package_relationships() {
    let p = parse("main-part-renamed.docx");
    clean(&p);
    let d = &p.document;
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Protocol on Officer Support to Committees")
    );
    assert_eq!(ids(d), ["1.1", "1.2", "2.1"]);
    assert_eq!(
        text(d, "2.1"),
        "A report states the decision sought, the options considered and the advice of the statutory officers."
    );
    snapshot("main-part-renamed.docx", &p);
}

#[test]
fn text_boxes_are_read_once_after_the_paragraph_they_are_anchored_in() {
    let p = parse("text-boxes.docx");
    clean(&p);
    let d = &p.document;
    assert_eq!(ids(d), ["1.1", "1.2", "2.1"]);
    // A DrawingML box with its VML fallback, anchored in the empty paragraph after 1.1: read
    // once, and its first paragraph is no heading.
    assert_eq!(
        text(d, "1.1"),
        "Members who wish to visit a site arrange the visit through the planning officer.\n\n\
         Before you go\n\n\
         Read the officer report and check the access arrangements with the site owner."
    );
    // A VML-only box anchored inside the clause's own paragraph.
    assert_eq!(
        text(d, "1.2"),
        "A member on a visit does not discuss the merits of an application with the applicant.\n\n\
         Visits are fact-finding only; no decision is taken on site."
    );
    // A group of two boxes, and a box inside a table cell (read with the cell).
    assert_eq!(
        text(d, "2.1"),
        "The planning officer keeps a note of who attended each visit.\n\n\
         Request received\n\nVisit confirmed in writing\n\n\
         Attendance note | Signed by the officer Keep the note with the planning file."
    );
    snapshot("text-boxes.docx", &p);
}

#[test]
fn content_controls_show_what_they_hold_inline_and_around_paragraphs_rows_and_cells() {
    let p = parse("content-controls.docx");
    clean(&p);
    let d = &p.document;
    // Plain text and date controls in the preamble fill the meta.
    assert_eq!(d.meta.council.as_deref(), Some("Marshgate Borough Council"));
    assert_eq!(
        d.meta.adopted.map(|a| a.to_string()).as_deref(),
        Some("2024-06-03")
    );
    assert_eq!(ids(d), ["1.1", "1.2", "1.3", "1.4", "2.1"]);
    // A combo box and a drop-down list show their chosen values.
    assert_eq!(
        text(d, "1.1"),
        "A member registers any gift worth more than fifty pounds within twenty-eight days of receiving it."
    );
    assert_eq!(
        text(d, "1.2"),
        "The register is kept by the Monitoring Officer and published on the council website."
    );
    // A rich text control around two clauses.
    assert!(text(d, "1.3").starts_with("Officers declare gifts"));
    assert!(text(d, "1.4").starts_with("A gift that could be seen"));
    // A repeating section around rows, a control around a cell; a check box; a placeholder.
    assert_eq!(
        text(d, "2.1"),
        "Each entry in the register gives the following:\n\n\
         Entry | Example; Donor | Harbour Trust; Value | Forty pounds; Date | Received on the day of the opening\n\n\
         \u{2612} The register was checked at the last review.\n\n\
         Next review: Click or tap to enter a date."
    );
    snapshot("content-controls.docx", &p);
}

/// Regression: a short document whose paragraphs repeat read as empty (the repeats were removed
/// as running headers).
#[test]
fn repeated_body_paragraphs_are_not_running_headers() {
    let p = parse("repeated-paragraphs.docx");
    clean(&p);
    // Four short lines and nothing else, no text under any of them: they are the body's four
    // paragraphs, none of them furniture, none a heading.
    let texts: Vec<&str> = p
        .document
        .clauses()
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Salt and Pepper",
            "Pepper and Salt",
            "Salt and Pepper",
            "Pepper and Salt"
        ]
    );
    assert!(
        !p.diagnostics
            .iter()
            .any(|d| d.code == Code::PageFurniture || d.code == Code::ReadAsMeta)
    );
    assert!(checks::lost_docx_words(&fixture("repeated-paragraphs.docx")).is_empty());
}

/// Regression: a table before the first heading became the title (`# | Line1 Line2 ... |`).
#[test]
fn a_table_before_the_first_heading_is_not_the_title() {
    let p = parse("table-first.docx");
    let d = &p.document;
    // The one-column cover table is read as the paragraphs it holds.
    assert_eq!(d.meta.title.as_deref(), Some("Standing document 4"));
    assert_eq!(d.meta.council.as_deref(), Some("Oakridge Parish Council"));
    assert!(
        p.diagnostics
            .iter()
            .any(|x| x.code == Code::ReadAsMeta && x.message.contains("\"Issued by the Clerk\""))
    );
    // The two-column table of details stays a table, before the first section.
    assert_eq!(ids(d), ["preamble/p1", "1.1", "2.1"]);
    assert_eq!(
        text(d, "preamble/p1"),
        "Owner | Parish Clerk; Status | Approved"
    );
    assert!(!d.meta.title.as_deref().unwrap_or("").contains('|'));
    snapshot("table-first.docx", &p);
}

/// The protocol that holds the shapes together, as a council template gives it.
#[test]
fn a_protocol_with_a_call_out_box_content_controls_and_repeated_lead_ins_reads_whole() {
    let p = parse("fernhill.docx");
    clean(&p);
    let d = &p.document;
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Protocol on Member and Officer Relations")
    );
    assert_eq!(d.meta.council.as_deref(), Some("Fernhill District Council"));
    assert_eq!(d.meta.kind.as_deref(), Some("district"));
    assert_eq!(
        d.meta.adopted.map(|a| a.to_string()).as_deref(),
        Some("2025-04-02")
    );
    assert_eq!(
        ids(d),
        ["1.1", "1.2", "2/p1", "2.1", "2.2", "3/p1", "3.1", "3.2"]
    );
    // The council's name from a content control inside the clause; the 46-word box after it.
    let box_words: usize = text(d, "1.1")
        .split("\n\n")
        .skip(1)
        .map(|p| p.split_whitespace().count())
        .sum();
    assert!(text(d, "1.1").contains("officers of Fernhill District Council work together"));
    assert!(text(d, "1.1").contains("\n\nKey contacts\n\nThe Monitoring Officer advises"));
    assert_eq!(box_words, 46);
    // The bold lead-ins repeat in two sections: both are kept, in both.
    assert_eq!(text(d, "2/p1"), "What members can expect");
    assert_eq!(text(d, "3/p1"), "What members can expect");
    assert!(text(d, "2.1").ends_with("\n\nWhat officers can expect"));
    assert!(text(d, "3.1").ends_with("\n\nWhat officers can expect"));
    // A drop-down list chose the route.
    assert!(text(d, "3.1").starts_with(
        "A member with a concern about an officer raises it with the Chief Executive, who"
    ));
    snapshot("fernhill.docx", &p);
}

/// Apple Pages: headings in styles named `Heading` and `Heading 2`, told by their outline level;
/// a default style named `Body`; every run spelling out `w:vanish w:val="0"` (visible text, which
/// a reader that looks only for the element drops whole).
#[test]
fn a_file_as_pages_exports_it_reads_whole() {
    let p = parse("pages.docx");
    clean(&p);
    let d = &p.document;
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Protocol on Councillors and Staff")
    );
    assert_eq!(d.meta.council.as_deref(), Some("Millbrook Town Council"));
    let sections: Vec<(Option<&str>, &str)> = d
        .all_sections()
        .iter()
        .map(|s| (s.number.as_deref(), s.heading.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            (Some("1"), "Purpose"),
            (Some("2"), "Raising concerns"),
            (None, "Concerns about staff")
        ]
    );
    assert_eq!(ids(d), ["1.1", "1.2", "2.1"]);
    let items: Vec<String> = d
        .clause("2.1")
        .expect("2.1")
        .items
        .iter()
        .map(|i| format!("{} {}", i.label.as_deref().unwrap_or(""), i.text))
        .collect();
    assert_eq!(
        items,
        [
            "(a) deal with it informally; or",
            "(b) start the council's formal procedure."
        ]
    );
    snapshot("pages.docx", &p);
}

/// The law: every word of the body of every Word fixture is in the model or recorded.
#[test]
fn no_word_of_a_word_fixture_is_lost() {
    let mut names: Vec<String> = std::fs::read_dir(corpus().join("docx"))
        .expect("corpus/docx")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".docx"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    for name in names {
        let bytes = fixture(&name);
        let body = checks::docx_body_text(&bytes);
        assert!(
            body.iter().any(|(_, t)| !t.trim().is_empty()),
            "{name}: the law found no body text"
        );
        let lost = checks::lost_docx_words(&bytes);
        assert!(lost.is_empty(), "{name}: lost {lost:?}");
    }
}

/// The law can fail: it sees the words of text boxes and content controls, and a model that
/// lost them is caught.
#[test]
fn the_word_law_sees_boxes_and_controls_and_catches_a_loss() {
    let bytes = fixture("fernhill.docx");
    let body: String = checks::docx_body_text(&bytes)
        .into_iter()
        .map(|(_, t)| t + "\n")
        .collect();
    for want in [
        "Fernhill District Council",
        "2 April 2025",
        "arranges training, briefings and committee support",
        "raises it with the Chief Executive, who",
    ] {
        assert!(body.contains(want), "the law does not see {want:?}");
    }
    // The box's text appears once, though the file holds it twice (choice and fallback).
    assert_eq!(body.matches("Key contacts").count(), 1);
    let mut p = parse("fernhill.docx");
    assert!(checks::lost_docx_words_of(&bytes, &p).is_empty());
    p.document.sections[0].clauses[0].text = "This protocol describes.".into();
    let lost = checks::lost_docx_words_of(&bytes, &p);
    assert!(
        lost.iter().any(|w| w.ends_with(":briefings")),
        "a lost box was not caught: {lost:?}"
    );
}

/// `.doc`, `.odt` and `.rtf` are told by their content and refused by the library with a
/// message naming them (the binary converts them first); their conversions read as Word.
#[test]
fn other_word_processor_formats_are_named() {
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend([0u8; 504]);
    let mut doc = ole.clone();
    doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    let rtf = b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Protocol\\par }".to_vec();
    let odt = odt_bytes();
    for (bytes, format, name) in [
        (&doc, Format::Doc, ".doc"),
        (&rtf, Format::Rtf, ".rtf"),
        (&odt, Format::Odt, ".odt"),
    ] {
        assert_eq!(detect(bytes), format);
        match read(bytes, "x", &Options::default()) {
            Err(e @ Error::NeedsConversion { .. }) => {
                assert!(e.to_string().contains(name), "{e}");
                assert!(e.hint().contains("save it as .docx"), "{}", e.hint());
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    // An encrypted .docx and an Excel file are OLE files too, and say what they are.
    let mut encrypted = ole.clone();
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        read(&encrypted, "x", &Options::default()).err(),
        Some(Error::Encrypted)
    );
    let mut xls = ole;
    xls.extend("Workbook".encode_utf16().flat_map(u16::to_le_bytes));
    let e = read(&xls, "x", &Options::default()).expect_err("an Excel file");
    assert!(e.to_string().contains("Excel"), "{e}");
    // A converted file reads as Word and says where it came from.
    let docx = fixture("brackenfield.docx");
    let p = read_converted(&docx, &doc, Format::Doc, "b.doc", &Options::default()).expect("reads");
    assert_eq!(p.document.meta.source.format, "doc");
    assert_eq!(p.diagnostics[0].code, Code::Converted);
    assert!(p.diagnostics[0].message.contains("Word 97-2003"));
    let direct = read(&docx, "b.docx", &Options::default()).expect("reads");
    assert_eq!(
        p.document.after().clauses().len(),
        direct.document.after().clauses().len()
    );
}

/// A minimal OpenDocument text package: its first entry, stored, names the media type.
fn odt_bytes() -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).expect("entry");
    z.write_all(b"application/vnd.oasis.opendocument.text")
        .expect("write");
    z.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .expect("entry");
    z.write_all(b"<office:document-content/>").expect("write");
    z.finish().expect("zip").into_inner()
}

#[test]
fn a_spreadsheet_package_is_named_not_read() {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in [
        (
            "_rels/.rels",
            "<Relationships><Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
        ),
        ("xl/workbook.xml", "<workbook><sheets/></workbook>"),
    ] {
        z.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        z.write_all(body.as_bytes()).expect("write");
    }
    let bytes = z.finish().expect("zip").into_inner();
    let e = read(&bytes, "x.xlsx", &Options::default()).expect_err("not Word");
    assert!(e.to_string().contains("Excel workbook"), "{e}");
}

/// The parts of a package, in order.
fn parts_of(docx: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).expect("an entry");
            let mut b = Vec::new();
            f.read_to_end(&mut b).expect("read");
            (f.name().expect("a name").to_string(), b)
        })
        .collect()
}

fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in parts {
        w.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .expect("entry");
        w.write_all(body).expect("write");
    }
    w.finish().expect("zip").into_inner()
}

/// The byte span of every element of the part (start of its opening tag to the end of its
/// closing tag), with its qualified name, in document order.
fn elements(xml: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while let Some(k) = xml[i..].find('<') {
        let at = i + k;
        let end = at + xml[at..].find('>').expect("a tag ends");
        let tag = &xml[at + 1..end];
        i = end + 1;
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            if let Some((start, _)) = open.pop() {
                out.push((start, i, name.to_string()));
            }
            continue;
        }
        let name = tag
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches('/');
        if tag.ends_with('/') {
            out.push((at, i, name.to_string()));
        } else {
            open.push((at, name.to_string()));
        }
    }
    out.sort();
    out
}

/// The law holds on Word fixtures whose body is reshaped: an element renamed into another
/// container, removed, duplicated, wrapped in a content control, a deletion or a choice of
/// alternatives, or hidden. Every variant is well-formed XML; whatever the reader makes of it,
/// no word the schema puts in the body is lost.
#[test]
fn no_word_of_a_reshaped_word_fixture_is_lost() {
    let mut names: Vec<String> = std::fs::read_dir(corpus().join("docx"))
        .expect("corpus/docx")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".docx"))
        .collect();
    names.sort();
    let mut tried = 0;
    for name in names {
        let mut parts = parts_of(&fixture(&name));
        let main = parts
            .iter()
            .position(|(n, _)| n.starts_with("word/document"))
            .expect("a main part");
        let xml = String::from_utf8(parts[main].1.clone()).expect("utf-8");
        let spans = elements(&xml);
        let step = spans.len() / 30 + 1;
        for (k, (start, end, qname)) in spans.iter().enumerate().step_by(step) {
            let (start, end) = (*start, *end);
            let whole = &xml[start..end];
            let (prefix, _) = qname.split_once(':').unwrap_or(("", qname));
            let renamed = |to: &str| {
                let q = if prefix.is_empty() {
                    to.to_string()
                } else {
                    format!("{prefix}:{to}")
                };
                let inner = whole
                    .replacen(&format!("<{qname}"), &format!("<{q}"), 1)
                    .trim_end()
                    .to_string();
                match inner.strip_suffix(&format!("</{qname}>")) {
                    Some(body) => format!("{body}</{q}>"),
                    None => inner,
                }
            };
            let targets = [
                "sdt",
                "customXml",
                "smartTag",
                "hyperlink",
                "txbxContent",
                "p",
                "r",
            ];
            let mut variants: Vec<String> = vec![
                String::new(),
                format!("{whole}{whole}"),
                format!("<w:sdt><w:sdtContent>{whole}</w:sdtContent></w:sdt>"),
                format!("<w:del w:id=\"9\" w:author=\"x\">{whole}</w:del>"),
                format!(
                    "<mc:AlternateContent><mc:Choice Requires=\"wps\">{whole}</mc:Choice><mc:Fallback>{whole}</mc:Fallback></mc:AlternateContent>"
                ),
            ];
            variants.push(renamed(targets[k % targets.len()]));
            if qname.ends_with(":r") {
                variants.push(whole.replacen('>', "><w:rPr><w:vanish/></w:rPr>", 1));
            }
            for v in variants {
                let mutated = format!("{}{v}{}", &xml[..start], &xml[end..]);
                parts[main].1 = mutated.into_bytes();
                let bytes = zip_parts(&parts);
                if read(&bytes, "reshaped.docx", &Options::default()).is_ok() {
                    tried += 1;
                    let lost = checks::lost_docx_words(&bytes);
                    assert!(
                        lost.is_empty(),
                        "{name}, element {k} <{qname}> reshaped: lost {lost:?}\n{}",
                        &String::from_utf8_lossy(&parts[main].1)
                            [start.saturating_sub(200)..(start + 600).min(parts[main].1.len())]
                    );
                }
            }
        }
        parts[main].1 = xml.into_bytes();
    }
    assert!(tried > 800, "only {tried} reshaped files read");
}
