//! The reader's limits: a file too large, clause numbering too deep, too many clauses. Each
//! stops the reading with its own error at the line where it was passed (instead of using
//! unbounded time or memory), each default admits every real protocol, and each can be raised.

use concord_ingest::{Error, MAX_BYTES, MAX_CLAUSES, MAX_DEPTH, Options, read};

/// A protocol whose clause numbers nest `depth` levels deep: 1.1, 1.1.1, 1.1.1.1, ...
fn nested(depth: usize) -> String {
    let mut s = String::from("Protocol\n\n1. Introduction\n\n");
    for d in 2..=depth {
        s.push_str(&vec!["1"; d].join("."));
        s.push_str(" Officers serve the council.\n\n");
    }
    s
}

/// A protocol of `n` numbered clauses in sections of 500.
fn many(n: usize) -> String {
    let mut s = String::from("Protocol\n\n");
    for k in 0..n {
        let (sec, cl) = (k / 500 + 1, k % 500 + 1);
        if cl == 1 {
            s.push_str(&format!("{sec}. Part {sec}\n\n"));
        }
        s.push_str(&format!("{sec}.{cl} Officers serve the council.\n\n"));
    }
    s
}

#[test]
fn the_defaults_admit_every_seed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    for entry in std::fs::read_dir(&dir).expect("corpus") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let bytes = std::fs::read(&path).expect("seed");
            let p = read(&bytes, "seed.txt", &Options::default()).expect("a seed reads");
            assert!(bytes.len() < MAX_BYTES / 100);
            assert!(p.document.clauses().len() < MAX_CLAUSES / 100);
        }
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let text = nested(3);
    let opts = Options {
        max_bytes: 40,
        ..Options::default()
    };
    let e = read(text.as_bytes(), "big.txt", &opts).unwrap_err();
    assert_eq!(
        e,
        Error::TooLarge {
            size: text.len(),
            limit: 40
        }
    );
    assert_eq!(
        e.to_string(),
        format!(
            "the file is {} bytes, over the limit of 40 bytes",
            text.len()
        )
    );
    // The text reader refuses it too.
    assert!(concord_ingest::parse_str(&text, "big.txt", &opts).is_err());
}

#[test]
fn numbering_deeper_than_the_limit_is_refused_at_its_line() {
    let ok = nested(MAX_DEPTH);
    let p = read(ok.as_bytes(), "deep.txt", &Options::default()).expect("at the limit reads");
    assert_eq!(p.document.clauses().len(), MAX_DEPTH - 1);
    let deep = nested(MAX_DEPTH + 1);
    let e = read(deep.as_bytes(), "deep.txt", &Options::default()).unwrap_err();
    let line = deep.lines().count() as u32 - 1;
    assert!(
        matches!(&e, Error::TooDeep { depth, limit, line: l, .. } if *depth == MAX_DEPTH + 1 && *limit == MAX_DEPTH && *l == line),
        "{e:?}"
    );
    assert_eq!(e.position(), (line, 1));
    assert!(
        e.to_string().contains("levels deep, over the limit of 8"),
        "{e}"
    );
    // Raised, it reads; and a far deeper file is refused at the same line, not walked.
    let raised = Options {
        max_depth: MAX_DEPTH + 1,
        ..Options::default()
    };
    assert!(read(deep.as_bytes(), "deep.txt", &raised).is_ok());
    let huge = nested(300);
    assert!(matches!(
        read(huge.as_bytes(), "deep.txt", &Options::default()),
        Err(Error::TooDeep { line: 19, .. })
    ));
}

#[test]
fn more_clauses_than_the_limit_are_refused() {
    let opts = Options {
        max_clauses: 1000,
        ..Options::default()
    };
    let ok = many(1000);
    assert_eq!(
        read(ok.as_bytes(), "many.txt", &opts)
            .expect("at the limit reads")
            .document
            .clauses()
            .len(),
        1000
    );
    let over = many(1001);
    let e = read(over.as_bytes(), "many.txt", &opts).unwrap_err();
    assert!(
        matches!(e, Error::TooManyClauses { limit: 1000, .. }),
        "{e:?}"
    );
    assert_eq!(e.to_string(), "the document has more than 1000 clauses");
    // Unnumbered paragraphs count too.
    let paras: String = "Protocol\n\nINTRODUCTION\n\n".to_string()
        + &"Officers serve the council.\n\n".repeat(1001);
    assert!(matches!(
        read(paras.as_bytes(), "paras.txt", &opts),
        Err(Error::TooManyClauses { .. })
    ));
}

/// A Word file is a ZIP: a small one can unpack to gigabytes. Each part is read to at most
/// 64 MB, then refused.
#[test]
fn a_word_file_that_unpacks_past_its_part_limit_is_refused() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", deflated)
        .expect("a part");
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..65 {
        zip.write_all(&spaces).expect("written");
    }
    let bomb = zip.finish().expect("a zip").into_inner();
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let e = read(&bomb, "bomb.docx", &Options::default()).unwrap_err();
    assert!(
        matches!(&e, Error::Docx { reason } if reason.contains("unpacks to more than")),
        "{e:?}"
    );
}
