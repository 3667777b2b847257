//! The answer battery: short passages of our own writing under `corpus/answers/` (every
//! `*.toml` there, in every folder), each answered as the one question it names, scored for
//! precision and recall per question and overall (format: `corpus/answers/README.md`).
//!
//! A case becomes a small protocol: a title, the council named after its kind ("Anytown
//! Parish Council"), one numbered section `1. <heading or "General">`, clause `1.1 <before>`
//! if given, then the clause under test with its items as `(a)`, `(b)`... It is read with the
//! normal reader and answered with the normal rules.
//!
//! Precision is correct answers over answers given ("mentioned, unclear" is no answer given);
//! recall is correct answers over cases whose expected answer is a route or a value. A route is
//! correct when its roles match in order (or do once the roles it only consults are left out:
//! a case may name only who acts); where a case gives `relations`, the route's shape is
//! scored apart ("route shape accuracy"). The test fails, for the files outside a `holdout/`
//! folder, below issue 13's bars (precision 97% overall and 90% for every question, recall
//! 90%), on a miss a case does not explain with `miss = "..."`, and on a case marked as a miss
//! that is right. Files under `holdout/` (the held-out battery) are scored and printed, never
//! asserted.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use concord_compare::answers::{Answer, Relation, Value, answers};
use concord_model::questions::{AnswerKind, QUESTIONS, question};
use concord_model::roles::is_role;

fn battery() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/answers")
}

/// Every battery file under `dir`, in path order.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries {
        let p = e.expect("a readable folder entry").path();
        if p.is_dir() {
            out.extend(files(&p));
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// What a case expects.
#[derive(Debug, Clone, PartialEq)]
enum Expect {
    NotCovered,
    Unclear,
    Route(Vec<String>),
    Value(Value),
}

/// One battery case.
#[derive(Debug, Clone)]
struct Case {
    file: String,
    holdout: bool,
    name: String,
    question: &'static str,
    kind: String,
    heading: Option<String>,
    before: Option<String>,
    text: String,
    items: Vec<String>,
    expect: Expect,
    relations: Option<Vec<String>>,
    miss: Option<String>,
}

fn str_of(t: &toml::Table, k: &str, at: &str) -> Option<String> {
    t.get(k).map(|v| {
        v.as_str()
            .unwrap_or_else(|| panic!("{at}: `{k}` must be a string"))
            .to_string()
    })
}

fn load(path: &Path, root: &Path) -> Vec<Case> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let file: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{}: not TOML: {e}", path.display()));
    let rel = path.strip_prefix(root).unwrap_or(path);
    let holdout = rel.components().any(|c| c.as_os_str() == "holdout");
    let shown = rel.display().to_string();
    let Some(cases) = file.get("case").and_then(|c| c.as_array()) else {
        panic!("{shown}: no [[case]] tables");
    };
    let mut names = Vec::new();
    cases
        .iter()
        .filter_map(|c| {
            // A malformed case of the held-out battery is skipped and said, not fatal: that
            // battery is scored, never asserted.
            if holdout {
                let names_before = names.clone();
                let case = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    case_of(c, &shown, holdout, &mut names)
                }));
                if case.is_err() {
                    names = names_before;
                    println!(
                        "held out: {shown}: a malformed case was skipped (see the message above)"
                    );
                }
                return case.ok();
            }
            Some(case_of(c, &shown, holdout, &mut names))
        })
        .collect()
}

/// One case of a file, checked against the format.
fn case_of(c: &toml::Value, shown: &str, holdout: bool, names: &mut Vec<String>) -> Case {
    let t = c
        .as_table()
        .unwrap_or_else(|| panic!("{shown}: a case is a table"));
    let name = str_of(t, "name", shown).unwrap_or_else(|| panic!("{shown}: a case without a name"));
    let at = format!("{shown} {name}");
    assert!(!names.contains(&name), "{at}: the name is used twice");
    names.push(name.clone());
    let qid = str_of(t, "question", &at).unwrap_or_else(|| panic!("{at}: no question"));
    let q = question(&qid).unwrap_or_else(|| panic!("{at}: unknown question {qid}"));
    let expect = expect_of(t.get("expect"), q.answer, &at);
    let relations = t.get("relations").map(|r| {
        r.as_array()
            .unwrap_or_else(|| panic!("{at}: relations is a list"))
            .iter()
            .map(|x| {
                x.as_str()
                    .unwrap_or_else(|| panic!("{at}: a relation is a string"))
                    .to_string()
            })
            .collect::<Vec<_>>()
    });
    if let (Some(rel), Expect::Route(r)) = (&relations, &expect) {
        assert_eq!(rel.len(), r.len(), "{at}: one relation per step");
        for x in rel {
            let ok = matches!(x.as_str(), "first" | "then" | "or" | "consult")
                || x.strip_prefix("if-about:").is_some_and(is_role);
            assert!(
                ok,
                "{at}: relation {x:?} is none of first, then, or, consult, if-about:<role>"
            );
        }
    }
    let items = t
        .get("items")
        .map(|i| {
            i.as_array()
                .unwrap_or_else(|| panic!("{at}: items is a list"))
                .iter()
                .map(|x| {
                    x.as_str()
                        .unwrap_or_else(|| panic!("{at}: an item is a string"))
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default();
    Case {
        file: shown.to_string(),
        holdout,
        name,
        question: q.id,
        kind: str_of(t, "kind", &at).unwrap_or_else(|| "district".into()),
        heading: str_of(t, "heading", &at),
        before: str_of(t, "before", &at),
        text: str_of(t, "text", &at).unwrap_or_else(|| panic!("{at}: no text")),
        items,
        expect,
        relations,
        miss: str_of(t, "miss", &at),
    }
}

fn expect_of(v: Option<&toml::Value>, kind: AnswerKind, at: &str) -> Expect {
    let v = v.unwrap_or_else(|| panic!("{at}: no expect"));
    if let Some(s) = v.as_str() {
        return match s {
            "not covered" => Expect::NotCovered,
            "unclear" => Expect::Unclear,
            other => panic!("{at}: expect {other:?} is none of \"not covered\", \"unclear\""),
        };
    }
    if let Some(list) = v.as_array() {
        assert_eq!(
            kind,
            AnswerKind::Route,
            "{at}: a route for a value question"
        );
        let roles: Vec<String> = list
            .iter()
            .map(|r| {
                r.as_str()
                    .unwrap_or_else(|| panic!("{at}: a role id is a string"))
                    .to_string()
            })
            .collect();
        for r in &roles {
            assert!(is_role(r), "{at}: {r:?} is no canonical role id");
        }
        assert!(!roles.is_empty(), "{at}: an empty route");
        return Expect::Route(roles);
    }
    let t = v
        .as_table()
        .unwrap_or_else(|| panic!("{at}: expect is a string, a list or a table"));
    let int = |k: &str| {
        t.get(k)
            .and_then(|v| v.as_integer())
            .and_then(|n| u32::try_from(n).ok())
    };
    let value = if let Some(days) = int("days") {
        Value::Days {
            days,
            working: t.get("working").and_then(|w| w.as_bool()).unwrap_or(false),
        }
    } else if let Some(years) = int("years") {
        Value::Years {
            years,
            body: t.get("body").and_then(|b| b.as_str()).map(String::from),
        }
    } else if let Some(f) = t.get("forbidden").and_then(|f| f.as_bool()) {
        Value::Forbidden { forbidden: f }
    } else {
        panic!("{at}: a value table holds days, years or forbidden");
    };
    let fits = matches!(
        (&value, kind),
        (Value::Days { .. }, AnswerKind::Days)
            | (Value::Years { .. }, AnswerKind::Years)
            | (Value::Forbidden { .. }, AnswerKind::Forbidden)
    );
    assert!(fits, "{at}: the value does not fit the question");
    Expect::Value(value)
}

/// The council a case's kind names.
fn council(kind: &str) -> &'static str {
    match kind {
        "parish" => "Anytown Parish Council",
        "town" => "Anytown Town Council",
        "community" => "Anytown Community Council",
        "borough" => "Anytown Borough Council",
        "county" => "Anytown County Council",
        "unitary" => "Anytown Council",
        "metropolitan" => "Anytown Metropolitan Borough Council",
        "london-borough" => "Anytown London Borough Council",
        "welsh-principal" => "Anytown County Borough Council",
        "joint" => "Anytown District Council and Otherton Borough Council",
        _ => "Anytown District Council",
    }
}

/// The small protocol a case stands in.
fn protocol(c: &Case) -> String {
    let mut s = String::new();
    let title = if c.kind == "joint" {
        "Joint Protocol on Member and Officer Relations"
    } else {
        "Protocol on Member and Officer Relations"
    };
    let _ = writeln!(s, "# {title}\n\nCouncil: {}\n", council(&c.kind));
    let _ = writeln!(s, "## 1. {}\n", c.heading.as_deref().unwrap_or("General"));
    let mut n = 1;
    if let Some(b) = &c.before {
        let _ = writeln!(s, "1.{n} {b}\n");
        n += 1;
    }
    let _ = writeln!(s, "1.{n} {}\n", c.text);
    for (k, item) in c.items.iter().enumerate() {
        let label = char::from(b'a' + u8::try_from(k % 26).unwrap_or(0));
        let _ = writeln!(s, "({label}) {item}\n");
    }
    s
}

/// What the extractor said for a case.
#[derive(Debug)]
enum Got {
    Nothing,
    Unclear,
    Given(Answer),
}

fn run(c: &Case) -> Got {
    let text = protocol(c);
    let mut doc = concord_ingest::parse_str(&text, "case.md", &concord_ingest::Options::default())
        .expect("a case is within the reader's limits")
        .document;
    doc.meta.kind = Some(c.kind.clone());
    let answer = answers(&doc)
        .into_iter()
        .find(|(q, _)| *q == c.question)
        .and_then(|(_, a)| a);
    match answer {
        None => Got::Nothing,
        Some(a) if a.unclear => Got::Unclear,
        Some(a) => Got::Given(a),
    }
}

/// A body as compared: lower case, without a leading "the".
fn body_key(b: &str) -> String {
    let l = b.trim().to_lowercase();
    l.strip_prefix("the ")
        .unwrap_or(&l)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn value_matches(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Years { years: a, body: wb }, Value::Years { years: b, body: gb }) => {
            a == b
                && wb
                    .as_ref()
                    .is_none_or(|w| gb.as_ref().is_some_and(|g| body_key(g) == body_key(w)))
        }
        _ => want == got,
    }
}

/// True when the answer's route is the expected one: the same roles in order, or the same
/// once the roles it only consults are left out (a case may name only who acts: a consulted
/// role is then extra detail, not a false step).
fn route_matches(want: &[String], a: &Answer) -> bool {
    if a.roles == want {
        return true;
    }
    let acting: Vec<&String> = a
        .route
        .iter()
        .filter(|s| s.relation != Relation::Consult)
        .map(|s| &s.role)
        .collect();
    acting.len() < a.route.len() && acting.iter().copied().eq(want.iter())
}

/// The score of one question, or of all.
#[derive(Debug, Default, Clone)]
struct Tally {
    cases: usize,
    positives: usize,
    given: usize,
    correct: usize,
    shapes: usize,
    shapes_right: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        if self.given == 0 {
            1.0
        } else {
            self.correct as f64 / self.given as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.positives == 0 {
            1.0
        } else {
            self.correct as f64 / self.positives as f64
        }
    }
    fn add(&mut self, o: &Tally) {
        self.cases += o.cases;
        self.positives += o.positives;
        self.given += o.given;
        self.correct += o.correct;
        self.shapes += o.shapes;
        self.shapes_right += o.shapes_right;
    }
}

fn describe(g: &Got) -> String {
    match g {
        Got::Nothing => "not covered".into(),
        Got::Unclear => "mentioned, unclear".into(),
        Got::Given(a) => match &a.value {
            Some(v) => format!("{v:?} (why: {})", a.why),
            None => format!(
                "{:?} {:?} (why: {})",
                a.roles,
                a.route.iter().map(|s| s.shape()).collect::<Vec<_>>(),
                a.why
            ),
        },
    }
}

/// The tallies per question, every miss (with whether it is allowed: explained, or held out)
/// and the cases marked as misses that are right.
type Scored = (
    BTreeMap<&'static str, Tally>,
    Vec<(bool, String)>,
    Vec<String>,
);

/// Scores the cases.
fn score(cases: &[Case]) -> Scored {
    let mut per: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut stale = Vec::new();
    for c in cases {
        let got = run(c);
        let t = per.entry(c.question).or_default();
        t.cases += 1;
        let positive = matches!(c.expect, Expect::Route(_) | Expect::Value(_));
        if positive {
            t.positives += 1;
        }
        if matches!(got, Got::Given(_)) {
            t.given += 1;
        }
        let right = match (&c.expect, &got) {
            (Expect::NotCovered | Expect::Unclear, Got::Nothing | Got::Unclear) => true,
            (Expect::Route(r), Got::Given(a)) => a.value.is_none() && route_matches(r, a),
            (Expect::Value(v), Got::Given(a)) => {
                a.value.as_ref().is_some_and(|g| value_matches(v, g))
            }
            _ => false,
        };
        if right && positive {
            t.correct += 1;
        }
        if let (true, Some(rel), Got::Given(a)) = (right, &c.relations, &got) {
            t.shapes += 1;
            // The shape of the steps the case names (all, or those that act).
            let named = a.roles.len() == rel.len();
            let shape: Vec<String> = a
                .route
                .iter()
                .filter(|s| named || s.relation != Relation::Consult)
                .map(|s| s.shape())
                .collect();
            if shape == *rel {
                t.shapes_right += 1;
            } else {
                misses.push((
                    true,
                    format!(
                        "SHAPE {} {} [{}]: {:?}, expected {:?}",
                        c.file, c.name, c.question, shape, rel
                    ),
                ));
            }
        }
        let line = format!(
            "{} {} [{}]: got {}, expected {:?}",
            c.file,
            c.name,
            c.question,
            describe(&got),
            c.expect
        );
        match (right, &c.miss) {
            (true, Some(_)) if !c.holdout => {
                stale.push(format!("{line}: marked as a miss but right"));
            }
            (false, Some(why)) => misses.push((true, format!("known miss {line}; because {why}"))),
            (false, None) => misses.push((c.holdout, format!("MISS {line}"))),
            _ => {}
        }
    }
    (per, misses, stale)
}

fn report(label: &str, per: &BTreeMap<&'static str, Tally>) -> Tally {
    let mut all = Tally::default();
    println!("\n{label}");
    println!(
        "  {:<36} {:>5} {:>5} {:>5} {:>7} {:>9} {:>7} {:>6}",
        "question", "cases", "pos", "given", "correct", "precision", "recall", "shape"
    );
    for q in QUESTIONS {
        let Some(t) = per.get(q.id) else { continue };
        all.add(t);
        println!(
            "  {:<36} {:>5} {:>5} {:>5} {:>7} {:>8.1}% {:>6.1}% {:>6}",
            q.id,
            t.cases,
            t.positives,
            t.given,
            t.correct,
            100.0 * t.precision(),
            100.0 * t.recall(),
            format!("{}/{}", t.shapes_right, t.shapes)
        );
    }
    println!(
        "  {:<36} {:>5} {:>5} {:>5} {:>7} {:>8.1}% {:>6.1}% {:>6}",
        "overall",
        all.cases,
        all.positives,
        all.given,
        all.correct,
        100.0 * all.precision(),
        100.0 * all.recall(),
        format!("{}/{}", all.shapes_right, all.shapes)
    );
    all
}

/// Issue 13's bars.
const MIN_PRECISION: f64 = 0.97;
const MIN_QUESTION_PRECISION: f64 = 0.90;
const MIN_RECALL: f64 = 0.90;

#[test]
fn the_battery_answers_as_written() {
    let root = battery();
    let cases: Vec<Case> = files(&root)
        .iter()
        .flat_map(|f| {
            let holdout = f
                .strip_prefix(&root)
                .is_ok_and(|r| r.components().any(|c| c.as_os_str() == "holdout"));
            if !holdout {
                return load(f, &root);
            }
            // A held-out file that cannot be read at all is skipped and said.
            std::panic::catch_unwind(|| load(f, &root)).unwrap_or_else(|_| {
                println!("held out: {}: skipped (see the message above)", f.display());
                Vec::new()
            })
        })
        .collect();
    let (own, held): (Vec<Case>, Vec<Case>) = cases.into_iter().partition(|c| !c.holdout);
    let (per, misses, stale) = score(&own);
    for (_, m) in &misses {
        println!("{m}");
    }
    let all = report("battery (corpus/answers, tuning)", &per);
    if !held.is_empty() {
        let (hper, hmisses, _) = score(&held);
        for (_, m) in &hmisses {
            println!("held out: {m}");
        }
        report(
            "held-out batteries together (corpus/answers/holdout: printed, not asserted)",
            &hper,
        );
        // Each held-out battery (a folder under holdout/) on its own: they were written by
        // different hands at different times, and each is measured apart.
        let mut folders: BTreeMap<String, Vec<&Case>> = BTreeMap::new();
        for c in &held {
            let folder = Path::new(&c.file)
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            folders.entry(folder).or_default().push(c);
        }
        if folders.len() > 1 {
            for (folder, cases) in folders {
                let cases: Vec<Case> = cases.into_iter().cloned().collect();
                let (fper, _, _) = score(&cases);
                report(&format!("held-out battery {folder}/ alone"), &fper);
            }
        }
    }
    assert!(stale.is_empty(), "{}", stale.join("\n"));
    let unexplained: Vec<&String> = misses
        .iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, m)| m)
        .collect();
    assert!(
        unexplained.is_empty(),
        "{} unexplained misses:\n{}",
        unexplained.len(),
        unexplained
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(own.len() >= 300, "at least 300 cases, {} found", own.len());
    let negatives = own
        .iter()
        .filter(|c| matches!(c.expect, Expect::NotCovered))
        .count();
    assert!(
        negatives >= 100,
        "at least 100 negatives, {negatives} found"
    );
    for q in QUESTIONS {
        let t = per
            .get(q.id)
            .unwrap_or_else(|| panic!("no case for {}", q.id));
        assert!(
            t.precision() >= MIN_QUESTION_PRECISION,
            "{}: precision {:.3} below {MIN_QUESTION_PRECISION}",
            q.id,
            t.precision()
        );
    }
    assert!(
        all.precision() >= MIN_PRECISION,
        "precision {:.3}",
        all.precision()
    );
    assert!(all.recall() >= MIN_RECALL, "recall {:.3}", all.recall());
}
