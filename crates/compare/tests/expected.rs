//! Scores the answer extractor against the hand-checked answers in `corpus/answers.toml` (the
//! five seeds) and `corpus/synthetic/answers.toml` (protocols written for the project in styles
//! the seeds lack). Prints every miss and the score; fails on any miss the file does not
//! explain with `miss = "..."`, and on an explained miss that is no longer one (so the file
//! stays true).

use std::path::{Path, PathBuf};

use concord_compare::answers::{Answer, Value, answers};
use concord_model::questions::QUESTIONS;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// The protocol file of a document id in a folder (`.txt` or `.md`).
fn file_of(dir: &Path, id: &str) -> PathBuf {
    ["txt", "md"]
        .iter()
        .map(|ext| dir.join(format!("{id}.{ext}")))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{}: no protocol file for {id}", dir.display()))
}

/// An answer in the words of a test report.
fn describe(a: Option<&Answer>) -> String {
    match a {
        None => "not covered".into(),
        Some(a) => {
            let what = match &a.value {
                Some(v) => format!("{v:?}"),
                None => format!("{:?}", a.roles),
            };
            let was = a
                .previously
                .as_ref()
                .map(|p| format!(" previously {:?} {:?}", p.roles, p.value))
                .unwrap_or_default();
            format!("{what} at {:?}{was}", a.clauses.first())
        }
    }
}

/// Why an actual answer does not match an expected entry, or `None` when it does.
fn check(expected: &toml::Value, actual: Option<&Answer>) -> Option<String> {
    if expected.as_str() == Some("not covered") {
        return actual.map(|_| "expected not covered".into());
    }
    let t = expected
        .as_table()
        .expect("an entry is \"not covered\" or a table");
    let Some(a) = actual else {
        return Some("expected an answer, got not covered".into());
    };
    let roles: Vec<String> = t
        .get("roles")
        .and_then(|r| r.as_array())
        .map(|r| {
            r.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    if a.roles != roles {
        return Some(format!("roles {:?}, expected {roles:?}", a.roles));
    }
    let value = expected_value(t);
    if a.value != value {
        return Some(format!("value {:?}, expected {value:?}", a.value));
    }
    if let Some(c) = t.get("clause").and_then(|c| c.as_str())
        && a.clauses.first().map(String::as_str) != Some(c)
    {
        return Some(format!("main clause {:?}, expected {c}", a.clauses.first()));
    }
    match (t.get("previously"), &a.previously) {
        (None, None) => None,
        (None, Some(p)) => Some(format!("unexpected previously {:?}", p.roles)),
        (Some(_), None) => Some("expected a previous answer from tracked changes".into()),
        (Some(e), Some(p)) => check(e, Some(p)).map(|m| format!("previously: {m}")),
    }
}

fn expected_value(t: &toml::Table) -> Option<Value> {
    let int = |k: &str| {
        t.get(k)
            .and_then(|v| v.as_integer())
            .and_then(|n| u32::try_from(n).ok())
    };
    if let Some(days) = int("days") {
        let working = t.get("working").and_then(|w| w.as_bool()).unwrap_or(false);
        return Some(Value::Days { days, working });
    }
    if let Some(years) = int("years") {
        let body = t.get("body").and_then(|b| b.as_str()).map(String::from);
        return Some(Value::Years { years, body });
    }
    t.get("forbidden")
        .and_then(|f| f.as_bool())
        .map(|forbidden| Value::Forbidden { forbidden })
}

/// The score of one answers file.
struct Score {
    right: usize,
    total: usize,
    misses: Vec<String>,
    stale: Vec<String>,
}

fn score(dir: &Path) -> Score {
    let path = dir.join("answers.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let file: toml::Table = text.parse().expect("answers.toml is TOML");
    let mut s = Score {
        right: 0,
        total: 0,
        misses: Vec::new(),
        stale: Vec::new(),
    };
    for (id, entries) in &file {
        let entries = entries.as_table().expect("a table per document");
        let source = file_of(dir, id);
        let bytes = std::fs::read(&source).expect("a protocol file");
        let doc = concord_ingest::read(&bytes, id, &Default::default())
            .expect("a protocol is text")
            .document;
        let got = answers(&doc);
        for q in QUESTIONS {
            let expected = entries
                .get(q.id)
                .unwrap_or_else(|| panic!("{}: {id} does not list {}", path.display(), q.id));
            // "Mentioned, unclear" answers nothing: it scores as not covered.
            let actual = got
                .iter()
                .find(|(qid, _)| *qid == q.id)
                .and_then(|(_, a)| a.as_ref())
                .and_then(Answer::given);
            s.total += 1;
            let explained = expected
                .as_table()
                .and_then(|t| t.get("miss"))
                .and_then(|m| m.as_str());
            match (check(expected, actual), explained) {
                (None, None) => s.right += 1,
                (None, Some(_)) => s
                    .stale
                    .push(format!("{id} {}: marked as a miss but right", q.id)),
                (Some(why), Some(because)) => println!(
                    "known miss {id} {}: {why} (got {}); because {because}",
                    q.id,
                    describe(actual)
                ),
                (Some(why), None) => {
                    let line = format!("MISS {id} {}: {why} (got {})", q.id, describe(actual));
                    println!("{line}");
                    s.misses.push(line);
                }
            }
        }
    }
    s
}

fn assert_scored(name: &str, s: &Score) {
    println!("{name}: {}/{} answers right", s.right, s.total);
    assert!(s.stale.is_empty(), "{:#?}", s.stale);
    assert!(
        s.misses.is_empty(),
        "{} unexplained misses:\n{}",
        s.misses.len(),
        s.misses.join("\n")
    );
}

#[test]
fn seeds_answer_as_a_careful_reader_does() {
    let s = score(&corpus());
    assert_scored("seeds", &s);
    assert_eq!(s.total, 5 * QUESTIONS.len());
}

#[test]
fn synthetic_protocols_answer_as_written() {
    let s = score(&corpus().join("synthetic"));
    assert_scored("synthetic", &s);
    assert!(
        s.total >= 2 * QUESTIONS.len(),
        "at least two synthetic protocols"
    );
}
