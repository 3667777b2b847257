//! End-to-end: `concord compare`, `concord show` and `concord precedents` run as a user runs
//! them on the bundled corpus.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn concord() -> Command {
    let mut c = Command::cargo_bin("concord").expect("the binary");
    c.current_dir(root());
    c
}

#[test]
fn compare_json_follows_the_contract() {
    let out = concord()
        .args(["compare", "corpus/", "--format", "json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let docs = v["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 5);
    assert_eq!(docs[3]["id"], "003_d91a8e6c4f59d3bb");
    assert_eq!(docs[3]["kind"], "borough");
    let questions = v["questions"].as_array().expect("questions");
    assert_eq!(questions.len(), 11);
    let q = &questions[0];
    assert_eq!(q["id"], "officer-complaint-about-councillor");
    let a = &q["answers"]["000_0739291e76a941b3"];
    assert_eq!(a["roles"], serde_json::json!(["chief-executive"]));
    assert_eq!(a["clauses"][0], "6.2");
    assert_eq!(a["value"], serde_json::Value::Null);
    assert_eq!(
        a["previously"]["roles"],
        serde_json::json!(["monitoring-officer"])
    );
    assert!(
        a["evidence"]
            .as_str()
            .is_some_and(|e| e.contains("raise the matter with the Chief Executive"))
    );
    assert_eq!(
        a["route"],
        serde_json::json!([{"role": "chief-executive", "relation": "first"}])
    );
    assert!(a["why"].as_str().is_some_and(|w| w.starts_with("6.2: ")));
    assert_eq!(a["unclear"], false);
    // A ladder by whom the complaint concerns keeps its shape in the JSON.
    let ladder = &questions[1]["answers"]["003_d91a8e6c4f59d3bb"]["route"];
    assert_eq!(
        ladder,
        &serde_json::json!([
            {"role": "chief-officer", "relation": "first"},
            {"role": "chief-executive", "relation": "if-about", "about": "chief-officer"},
            {"role": "monitoring-officer", "relation": "if-about", "about": "chief-executive"}
        ])
    );
    let review = &questions[10]["answers"]["004_71cbc2f1760365f7"]["value"];
    assert_eq!(
        review,
        &serde_json::json!({"years": 4, "body": "Corporate Governance and Standards Committee"})
    );
    assert_eq!(
        questions[10]["answers"]["000_0739291e76a941b3"],
        serde_json::Value::Null
    );
}

#[test]
fn question_filter_and_did_you_mean() {
    let out = concord()
        .args([
            "compare",
            "corpus/003_d91a8e6c4f59d3bb.txt",
            "-q",
            "blind-copies",
            "--format",
            "csv",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains("blind-copies,003_d91a8e6c4f59d3bb,yes,,forbidden"));

    let out = concord()
        .args(["compare", "corpus/", "--question", "blind-copy"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        err.contains("error: unknown question 'blind-copy'"),
        "{err}"
    );
    assert!(err.contains("did you mean 'blind-copies'?"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn outputs_are_deterministic() {
    let run = || {
        concord()
            .args([
                "compare",
                "corpus/",
                "corpus/synthetic/",
                "--format",
                "html",
            ])
            .output()
            .expect("runs")
            .stdout
    };
    let first = run();
    assert!(String::from_utf8_lossy(&first).contains("<html lang=\"en-GB\">"));
    assert_eq!(first, run());
}

#[test]
fn show_and_precedents() {
    let out = concord()
        .args([
            "show",
            "corpus/003_d91a8e6c4f59d3bb.txt",
            "--clause",
            "2.25",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("chief-officer (Chief Officer)"), "{text}");
    assert!(text.contains("councillor-complaint-about-officer: Chief Officer; if about the Chief Officer, Chief Executive; if about the Chief Executive, Monitoring Officer"), "{text}");

    let out = concord()
        .args([
            "show",
            "corpus/003_d91a8e6c4f59d3bb.txt",
            "--clause",
            "2.52",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        err.contains("no clause '2.52'") && err.contains("near ids: 2.2, 2.5"),
        "{err}"
    );

    let out = concord()
        .args([
            "precedents",
            "corpus/synthetic/westmoor-unitary.md",
            "--clause",
            "9.2",
            "--corpus",
            "corpus",
            "-n",
            "1",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v[0]["document"], "003_d91a8e6c4f59d3bb");
    assert_eq!(v[0]["clause"], "4.1");
}

#[test]
fn explain_says_the_cue_and_clause_behind_each_answer() {
    let out = concord()
        .args([
            "compare",
            "corpus/003_d91a8e6c4f59d3bb.txt",
            "--question",
            "councillor-complaint-about-officer",
            "--explain",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("why: 2.25: topic complaint “complain”"),
        "{text}"
    );
    assert!(text.contains("“lodge … with” Chief Officer"), "{text}");
    assert!(
        text.contains("evidence: “If a Member wishes to complain"),
        "{text}"
    );
    // The JSON always holds the why; --explain is for the text.
    let out = concord()
        .args([
            "compare",
            "corpus/003_d91a8e6c4f59d3bb.txt",
            "--format",
            "json",
            "--explain",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--explain applies to the text format"));
}
