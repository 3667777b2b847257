//! Laws that hold for every input, checked on generated documents and on mangled copies of the
//! corpus: reading never panics, and canonical Markdown reads back to the same clauses.

use std::path::Path;

use concord_ingest::{Options, read};

// The laws shared with the fuzz targets (no text lost).
use concord_laws as checks;
use concord_model::{Clause, Document, Item, Section};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "officers",
    "councillors",
    "must",
    "should",
    "the",
    "council",
    "advice",
    "monitoring",
    "relations",
    "respect",
    "information",
    "ward",
    "members",
    "group",
    "political",
    "confidential",
    "with",
    "and",
    "of",
    "to",
    "in",
    "complaint",
    "chief",
    "executive",
    "matter",
    "raise",
    "meeting",
    "public",
    "report",
    "decision",
    // Characters that must stay data through canonical Markdown (option values hold them).
    "Smith & Sons",
    "<Council>",
    "<b>bold</b>",
    "\"quoted\"",
    "O'Neill",
    "back\\slash",
    "back\\*slash",
    "*starred*",
    "snake_case",
    "&amp;",
    "[bracketed]",
    "~~struck~~",
    "`code`",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 3..12).prop_map(|ws| {
        let mut s = ws.join(" ");
        // A sentence starts with a capital letter (an unnumbered paragraph that does not is
        // read as running on from the one before).
        if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
            s.insert_str(0, "The ");
        }
        if let Some(f) = s.get_mut(0..1) {
            f.make_ascii_uppercase();
        }
        s.push('.');
        s
    })
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 1..3).prop_map(|v| v.join(" "))
}

fn heading() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            &[
                "Access",
                "Officers",
                "Members",
                "Complaints",
                "Media",
                "Review",
                "Groups",
                "Wards",
            ][..],
        ),
        1..4,
    )
    .prop_map(|v| v.join(" and "))
}

fn items() -> impl Strategy<Value = Vec<Item>> {
    (
        0usize..4,
        prop::bool::ANY,
        prop::collection::vec(sentence(), 4),
    )
        .prop_map(|(n, lettered, texts)| {
            (0..n)
                .map(|i| Item {
                    label: Some(if lettered {
                        format!("({})", (b'a' + i as u8) as char)
                    } else {
                        "•".into()
                    }),
                    text: texts[i].trim_end_matches('.').to_string() + ";",
                    items: Vec::new(),
                    previous_label: None,
                })
                .collect()
        })
}

fn clause_shape() -> impl Strategy<Value = (String, Vec<Item>, usize, Vec<String>)> {
    (text(), items(), 0usize..3, prop::collection::vec(text(), 3))
}

/// A numbered document: sections 1..n, clauses n.1.., sub-clauses n.m.1.., items.
fn numbered_doc() -> impl Strategy<Value = Document> {
    prop::collection::vec(
        (heading(), prop::collection::vec(clause_shape(), 1..5)),
        1..5,
    )
    .prop_map(|secs| {
        let sections = secs
            .into_iter()
            .enumerate()
            .map(|(si, (h, clauses))| {
                let n = si + 1;
                let clauses = clauses
                    .into_iter()
                    .enumerate()
                    .map(|(ci, (t, items, subs, sub_texts))| {
                        let id = format!("{n}.{}", ci + 1);
                        let mut c = Clause::new(&id, Some(id.clone()), t, [0, 0]);
                        c.items = items;
                        c.clauses = (0..subs)
                            .map(|k| {
                                let sid = format!("{id}.{}", k + 1);
                                Clause::new(&sid, Some(sid.clone()), sub_texts[k].clone(), [0, 0])
                            })
                            .collect();
                        c
                    })
                    .collect();
                Section {
                    number: Some(n.to_string()),
                    heading: h,
                    clauses,
                    ..Section::default()
                }
            })
            .collect();
        let mut d = Document {
            sections,
            ..Document::default()
        };
        d.meta.title = Some("Protocol on Member and Officer Relations".into());
        d
    })
}

/// An unnumbered document: headings in capitals, paragraphs with synthetic ids.
fn unnumbered_doc() -> impl Strategy<Value = Document> {
    prop::collection::vec(
        (heading(), prop::collection::vec((text(), items()), 1..4)),
        1..4,
    )
    .prop_map(|secs| {
        let mut used = std::collections::HashSet::new();
        let sections = secs
            .into_iter()
            .filter(|(h, _)| used.insert(h.clone()))
            .map(|(h, paras)| {
                let heading = h.to_uppercase();
                let slug = concord_model::slug(&heading);
                let clauses = paras
                    .into_iter()
                    .enumerate()
                    .map(|(i, (t, items))| {
                        let mut c = Clause::new(&format!("{slug}/p{}", i + 1), None, t, [0, 0]);
                        c.items = items;
                        c
                    })
                    .collect();
                Section {
                    number: None,
                    heading,
                    clauses,
                    ..Section::default()
                }
            })
            .collect();
        let mut d = Document {
            sections,
            ..Document::default()
        };
        d.meta.title = Some("Model Protocol".into());
        d
    })
}

fn same_clauses(a: &Document, b: &Document) -> Result<(), TestCaseError> {
    let key = |d: &Document| -> Vec<(String, Option<String>, String, Vec<Item>)> {
        d.clauses()
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
    };
    prop_assert_eq!(key(a), key(b));
    let heads = |d: &Document| {
        d.all_sections()
            .iter()
            .map(|s| (s.number.clone(), s.heading.clone()))
            .collect::<Vec<_>>()
    };
    prop_assert_eq!(heads(a), heads(b));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn numbered_round_trip(doc in numbered_doc()) {
        let md = concord_render::markdown(&doc);
        let back = read(md.as_bytes(), "gen.md", &Options::default()).unwrap().document;
        same_clauses(&doc, &back)?;
    }

    /// The meta and footnotes survive too: council, kind, adoption date, version history,
    /// footnote texts (with the markup characters council text holds).
    #[test]
    fn meta_and_footnotes_round_trip(
        mut doc in numbered_doc(),
        council in "[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9})? (Parish|Town|District|Borough) Council",
        adopted in (2000u32..2030, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        notes in prop::collection::vec("[A-Za-z0-9 ,.;:()&<>*_~\\[\\]-]{1,40}", 0..3),
        versions in prop::collection::vec(("[0-9]{1,2}", "[A-Za-z ,.]{1,30}"), 0..3),
    ) {
        doc.meta.council = Some(council.clone());
        let kind = council.rsplit(' ').nth(1).unwrap_or("District").to_lowercase();
        doc.meta.kind = Some(kind);
        doc.meta.adopted = concord_model::Date::parse_iso(&adopted);
        doc.meta.versions = versions
            .iter()
            .map(|(v, n)| concord_model::VersionEntry {
                date: Some(concord_model::WrittenDate::cell("2024-09-09")),
                version: Some(v.clone()),
                note: Some(n.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|n| !n.is_empty()),
                review: None,
            })
            .collect();
        doc.footnotes = notes
            .iter()
            .enumerate()
            .filter_map(|(k, t)| {
                let text = t.split_whitespace().collect::<Vec<_>>().join(" ");
                (!text.is_empty()).then(|| concord_model::Footnote { id: (k + 1).to_string(), text })
            })
            .collect();
        let md = concord_render::markdown(&doc);
        let back = read(md.as_bytes(), "gen.md", &Options::default()).unwrap().document;
        same_clauses(&doc, &back)?;
        let meta = |d: &Document| (d.meta.title.clone(), d.meta.council.clone(), d.meta.kind.clone(), d.meta.adopted, d.meta.versions.clone());
        prop_assert_eq!(meta(&doc), meta(&back), "{}", md);
        prop_assert_eq!(&doc.footnotes, &back.footnotes, "{}", md);
    }

    #[test]
    fn unnumbered_round_trip(doc in unnumbered_doc()) {
        let md = concord_render::markdown(&doc);
        let back = read(md.as_bytes(), "gen.md", &Options::default()).unwrap().document;
        same_clauses(&doc, &back)?;
    }

    /// Mangled copies of the real seeds: lines dropped, duplicated or cut, bytes inserted.
    #[test]
    fn mangled_seeds_never_panic(seed in 0usize..5, cuts in prop::collection::vec((any::<u16>(), any::<u8>(), 0u8..5), 1..20)) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        files.sort();
        let mut bytes = std::fs::read(&files[seed % files.len()]).unwrap();
        for (pos, byte, op) in cuts {
            if bytes.is_empty() { break; }
            let at = pos as usize % bytes.len();
            match op {
                0 => { bytes.insert(at, byte); }
                1 => { bytes.remove(at); }
                2 => { let end = (at + byte as usize * 7).min(bytes.len()); bytes.drain(at..end); }
                3 => { let end = (at + byte as usize).min(bytes.len()); let copy = bytes[at..end].to_vec(); bytes.splice(at..at, copy); }
                _ => { bytes.truncate(at); }
            }
        }
        if let Ok(p) = read(&bytes, "mangled.txt", &Options::default()) {
            for c in p.document.clauses() {
                prop_assert!(!c.id.is_empty());
                prop_assert!(c.lines[0] <= c.lines[1]);
            }
            // Whatever was read renders and reads again without panicking.
            let md = concord_render::markdown(&p.document);
            let _ = read(md.as_bytes(), "again.md", &Options::default());
        }
    }
}

/// Every seed in every encoding a council produces reads to the same clauses.
#[test]
fn encodings_and_line_endings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    for name in ["002_317f9fdcf88417d7.txt", "003_d91a8e6c4f59d3bb.txt"] {
        let utf8 = std::fs::read(dir.join(name)).unwrap();
        let text = String::from_utf8(utf8.clone()).unwrap();
        let base = read(&utf8, name, &Options::default()).unwrap().document;
        let crlf = text.replace('\n', "\r\n");
        let bom = [b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat();
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(crlf.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(!unmappable);
        for (what, bytes) in [
            ("crlf+bom", bom),
            ("utf-16", utf16),
            ("windows-1252", cp1252.into_owned()),
        ] {
            let d = read(&bytes, name, &Options::default()).unwrap().document;
            let ids = |d: &Document| {
                d.clauses()
                    .iter()
                    .map(|c| (c.id.clone(), c.text.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(&base), ids(&d), "{name} as {what}");
        }
    }
}

/// No text lost by the reader: every word of every seed is in the model or recorded.
#[test]
fn no_word_of_a_seed_is_lost() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    for f in files {
        let lost = checks::lost_words(&std::fs::read(&f).unwrap());
        assert!(lost.is_empty(), "{}: lost {lost:?}", f.display());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// No text lost on mangled seeds either: lines dropped, duplicated or cut, bytes inserted.
    #[test]
    fn no_word_of_a_mangled_seed_is_lost(seed in 0usize..5, cuts in prop::collection::vec((any::<u16>(), 0u8..128, 0u8..4), 1..12)) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        files.sort();
        let mut bytes = std::fs::read(&files[seed % files.len()]).unwrap();
        for (pos, byte, op) in cuts {
            if bytes.is_empty() { break; }
            let at = pos as usize % bytes.len();
            match op {
                0 => { bytes.insert(at, byte); }
                1 => { bytes.remove(at); }
                2 => { let end = (at + byte as usize * 7).min(bytes.len()); bytes.drain(at..end); }
                _ => { let end = (at + byte as usize).min(bytes.len()); let copy = bytes[at..end].to_vec(); bytes.splice(at..at, copy); }
            }
        }
        let lost = checks::lost_words(&bytes);
        prop_assert!(lost.is_empty(), "lost {:?}", lost);
    }
}
