//! `concord ingest --explain`: how a document was read, in words, with its lines.

use assert_cmd::Command;

fn corpus(name: &str) -> String {
    format!("{}/../../corpus/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn explain(name: &str) -> String {
    let out = Command::cargo_bin("concord")
        .expect("the binary")
        .args(["ingest", "--explain", &corpus(name)])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn a_seed_is_explained_with_its_scheme_and_what_was_set_aside() {
    let e = explain("003_d91a8e6c4f59d3bb.txt");
    assert!(
        e.contains("Council:  Tewkesbury Borough Council (a borough council)"),
        "{e}"
    );
    assert!(e.contains("Adopted:  19 April 2016"), "{e}");
    assert!(e.contains("section headings: 5 numbered \"1.\""), "{e}");
    assert!(
        e.contains("sub-section headings: 10 unnumbered, in capitals"),
        "{e}"
    );
    assert!(
        e.contains("65 numbered \"1.1\" (13 of them sub-clauses"),
        "{e}"
    );
    assert!(
        e.contains("Contents lists, not read as sections:\n  line 9: skipped a contents list"),
        "{e}"
    );
    assert!(e.contains("line 207: removed a blank-page note"), "{e}");
}

#[test]
fn the_places_where_the_reader_chose_are_named_with_their_lines() {
    // Numbered lines after lines without a full stop: taken, because the numbering runs on.
    let e = explain("shapes/eastmere-london-borough.txt");
    assert!(e.contains("Where the reader had to choose:"), "{e}");
    assert!(
        e.contains("although the line before does not end a sentence"),
        "{e}"
    );
    // Every paragraph printed "1.": numbered by place, and said so.
    let e = explain("shapes/marlow-vale-district-web.txt");
    assert!(e.contains("printed \"1.\" (11 of them)"), "{e}");
    assert!(e.contains("removed a web page's navigation"), "{e}");
}

#[test]
fn explain_and_a_format_cannot_be_asked_for_together() {
    let out = Command::cargo_bin("concord")
        .expect("the binary")
        .args([
            "ingest",
            "--explain",
            "--format",
            "json",
            &corpus("003_d91a8e6c4f59d3bb.txt"),
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
