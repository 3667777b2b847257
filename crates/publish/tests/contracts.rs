//! The JSON contracts (DESIGN.md) on the seeds: `ingest` (the clause model), `check` (the
//! report), `compare` (the answers side by side) and `diff` (a redline), each snapshotted as
//! the exact text the binary writes, after asserting the shape tools rely on. A snapshot that
//! changes is a change of contract: review it as one.

use std::path::Path;

use concord_compare::diff::DiffConfig;
use concord_model::Document;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn read(path: &Path) -> concord_ingest::Parsed {
    let bytes = std::fs::read(path).expect("a seed");
    let shown = format!(
        "corpus/{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("")
    );
    concord_ingest::read(&bytes, &shown, &Default::default()).expect("a seed reads")
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string()
}

/// As the binary writes JSON: pretty, in the structs' field order, with a final newline.
fn pretty<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("json") + "\n"
}

/// `concord ingest SEED --format json` and `concord check SEED --format json`, one snapshot of
/// each per seed (every seed's snapshot is compared before the test fails).
#[test]
fn ingest_and_check_contracts_on_every_seed() {
    insta::glob!("../../../corpus", "*.txt", |path| {
        let parsed = read(path);
        let text = concord_publish::document(
            &parsed.document,
            concord_publish::Format::Json,
            &Default::default(),
        )
        .expect("json");
        let text = String::from_utf8(text).expect("utf-8");
        let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        for key in ["meta", "sections", "footnotes"] {
            assert!(v.get(key).is_some(), "ingest: no {key}");
        }
        for key in ["title", "council", "kind", "adopted", "versions", "source"] {
            assert!(v["meta"].get(key).is_some(), "ingest: no meta.{key}");
        }
        insta::assert_snapshot!("ingest", text);

        let source = concord_ingest::decode_text(&std::fs::read(path).expect("a seed")).ok();
        let findings = concord_check::check(
            &parsed.document,
            &parsed.diagnostics,
            source.as_deref(),
            &concord_check::CheckConfig {
                today: concord_model::Date::parse_iso("2026-06-01"),
            },
        );
        let all = [(format!("corpus/{}.txt", stem(path)), findings)];
        let report = concord_publish::report::json(&all).expect("json");
        let v: serde_json::Value = serde_json::from_str(&report).expect("valid JSON");
        for f in v["findings"].as_array().expect("findings") {
            for key in [
                "code", "severity", "path", "line", "clause", "message", "fix",
            ] {
                assert!(f.get(key).is_some(), "check: a finding without {key}");
            }
        }
        insta::assert_snapshot!("check", report);
    });
}

/// `concord compare corpus/ --format json`.
#[test]
fn compare_contract_on_the_seeds() {
    let mut paths: Vec<_> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<(String, Document)> = paths.iter().map(|p| (stem(p), read(p).document)).collect();
    let refs: Vec<(String, &Document)> = docs.iter().map(|(id, d)| (id.clone(), d)).collect();
    let c = concord_compare::answers::compare(&refs, &[]);
    let v = serde_json::to_value(&c).expect("json");
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(docs.len()));
    assert_eq!(
        v["questions"].as_array().map(Vec::len),
        Some(concord_model::questions::QUESTIONS.len())
    );
    for q in v["questions"].as_array().into_iter().flatten() {
        for (_, a) in q["answers"].as_object().into_iter().flatten() {
            if !a.is_null() {
                for key in ["roles", "clauses", "summary", "evidence", "value"] {
                    assert!(a.get(key).is_some(), "compare: an answer without {key}");
                }
            }
        }
    }
    insta::assert_snapshot!("compare", pretty(&c));
}

/// `concord diff corpus/000_0739291e76a941b3.txt --tracked --format json`.
#[test]
fn diff_contract_on_the_tracked_seed() {
    let doc = read(&root().join("corpus/000_0739291e76a941b3.txt")).document;
    let cfg = DiffConfig {
        old_id: "000_0739291e76a941b3 (before tracked changes)".into(),
        new_id: "000_0739291e76a941b3 (after)".into(),
        ..DiffConfig::default()
    };
    let (old, new) = (doc.before(), doc.after());
    let r = concord_compare::diff::diff(&old, &new, &cfg);
    let v = serde_json::to_value(&r).expect("json");
    for key in [
        "old",
        "new",
        "summary",
        "clauses",
        "responsibilities",
        "references",
    ] {
        assert!(v.get(key).is_some(), "diff: no {key}");
    }
    assert!(v["summary"]["changed"].as_u64().unwrap_or(0) > 0);
    let text = concord_publish::redline(
        &r,
        &old,
        &new,
        concord_publish::Format::Json,
        &Default::default(),
    )
    .expect("json");
    insta::assert_snapshot!("diff", String::from_utf8(text).expect("utf-8"));
}
