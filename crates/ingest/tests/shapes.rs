//! Real-shaped protocols of our own wording (`corpus/shapes/`), each beside the structure a
//! careful human reader finds in it (`NAME.expect`), written without reading the reader's code.
//! Every fixture must read as its `.expect` says. A held-out set (`corpus/shapes/holdout/`),
//! written from the same brief by someone who never saw the reader's tuning, is scored and
//! printed, not asserted: it measures whether the reader generalises.
//!
//! The `.expect` form: `title:`, `council:`, `kind:`, `adopted:` lines (checked when present),
//! then `§ N Heading` for a section (`§ - Heading` unnumbered; two more spaces of indent for a
//! sub-section), `N first words` for a clause (`- first words` for an unnumbered paragraph),
//! and `(a) first words` / `- first words` for an item, indented under its clause.

use std::path::{Path, PathBuf};

use concord_ingest::{Options, read};
use concord_model::{Clause, Document, Item, Section};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/shapes")
}

/// An item: its label (`None` for a bullet) and first words.
type ExpItem = (Option<String>, String);
/// A clause: its number (`None` unnumbered), first words and items.
type ExpClause = (Option<String>, String, Vec<ExpItem>);

#[derive(Debug, Default)]
struct Expect {
    meta: Vec<(String, String)>,
    /// (depth, number, heading)
    sections: Vec<(usize, Option<String>, String)>,
    /// Per section (by index into `sections`): clauses as (key, first words, items).
    clauses: Vec<Vec<ExpClause>>,
}

fn parse_expect(text: &str) -> Expect {
    let mut e = Expect::default();
    for line in text.lines() {
        let line = line.split(" #").next().unwrap_or(line).trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let t = line.trim_start();
        if indent == 0
            && let Some((k, v)) = t.split_once(": ")
            && matches!(k, "title" | "council" | "kind" | "adopted")
        {
            e.meta.push((k.to_string(), v.trim().to_string()));
            continue;
        }
        if indent == 0 && t.starts_with("shapes:") {
            continue;
        }
        if let Some(rest) = t.strip_prefix("§ ") {
            let (num, heading) = rest.split_once(' ').unwrap_or((rest, ""));
            let num = (num != "-").then(|| num.to_string());
            e.sections
                .push((indent / 2, num, heading.trim().to_string()));
            e.clauses.push(Vec::new());
            continue;
        }
        let (key, words) = t.split_once(' ').unwrap_or((t, ""));
        let key = (key != "-").then(|| key.to_string());
        let Some(clauses) = e.clauses.last_mut() else {
            continue;
        };
        // Items sit deeper than their clause (two more spaces); clauses two spaces in from
        // their section.
        let section_indent = e.sections.last().map_or(0, |s| s.0 * 2);
        if indent > section_indent + 2 {
            if let Some(c) = clauses.last_mut() {
                c.2.push((key, words.to_string()));
            }
        } else {
            clauses.push((key, words.to_string(), Vec::new()));
        }
    }
    e
}

/// A label as compared: `3(1)` and `3.1` alike, no trailing dot, lowercase.
fn norm_label(s: &str) -> String {
    s.replace('(', ".")
        .replace(')', "")
        .trim_matches('.')
        .to_lowercase()
}

fn words(s: &str) -> String {
    // A word split at a line end may be written either way; compare without hyphens.
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['-', '‐'], "")
        .to_lowercase()
}

fn flat_sections<'a>(s: &'a [Section], depth: usize, out: &mut Vec<(usize, &'a Section)>) {
    for x in s {
        out.push((depth, x));
        flat_sections(&x.sections, depth + 1, out);
    }
}

/// The differences between a reading and its `.expect`.
fn differences(doc: &Document, e: &Expect) -> Vec<String> {
    let mut out = Vec::new();
    for (k, v) in &e.meta {
        let got = match k.as_str() {
            "title" => doc.meta.title.clone(),
            "council" => doc.meta.council.clone(),
            "kind" => doc.meta.kind.clone(),
            "adopted" => doc.meta.adopted.map(|d| d.to_string()),
            _ => None,
        };
        if got.as_deref().map(str::to_lowercase) != Some(v.to_lowercase()) {
            out.push(format!("{k}: read {got:?}, expected {v:?}"));
        }
    }
    let mut secs = Vec::new();
    flat_sections(&doc.sections, 0, &mut secs);
    // A section of text before the first heading ("Preamble") is not in an .expect.
    let secs: Vec<(usize, &Section)> = secs
        .into_iter()
        .filter(|(_, s)| !(s.heading == "Preamble" && s.number.is_none()))
        .collect();
    let got_heads: Vec<String> = secs
        .iter()
        .map(|(d, s)| {
            format!(
                "{}{} {}",
                "  ".repeat(*d),
                s.number.as_deref().unwrap_or("-"),
                s.heading
            )
        })
        .collect();
    let exp_heads: Vec<String> = e
        .sections
        .iter()
        .map(|(d, n, h)| format!("{}{} {h}", "  ".repeat(*d), n.as_deref().unwrap_or("-")))
        .collect();
    let fold = |v: &[String]| -> Vec<String> { v.iter().map(|s| s.to_lowercase()).collect() };
    if fold(&got_heads) != fold(&exp_heads) {
        out.push(format!(
            "sections: read\n      {}\n    expected\n      {}",
            got_heads.join("\n      "),
            exp_heads.join("\n      ")
        ));
        return out;
    }
    for (i, (_, s)) in secs.iter().enumerate() {
        let got: Vec<&Clause> = s.clauses.iter().flat_map(Clause::walk).collect();
        let exp = &e.clauses[i];
        let show = |c: &&Clause| {
            format!(
                "{} {}",
                c.label.as_deref().map_or("-".to_string(), norm_label),
                c.text
                    .split_whitespace()
                    .take(5)
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        };
        if got.len() != exp.len() {
            out.push(format!(
                "§ {}: {} clauses read, {} expected: read [{}]",
                s.heading,
                got.len(),
                exp.len(),
                got.iter().map(show).collect::<Vec<_>>().join(" | ")
            ));
            continue;
        }
        for (g, (key, first, items)) in got.iter().zip(exp) {
            let gk = g.label.as_deref().map(norm_label);
            let ek = key.as_deref().map(norm_label);
            if gk != ek {
                out.push(format!(
                    "§ {}: clause read as {:?}, expected {:?} ({first})",
                    s.heading, gk, ek
                ));
                continue;
            }
            if !words(&g.text).starts_with(&words(first)) {
                out.push(format!(
                    "§ {} {}: text starts {:?}, expected {first:?}",
                    s.heading,
                    ek.as_deref().unwrap_or("-"),
                    g.text.chars().take(60).collect::<String>()
                ));
            }
            if !items.is_empty() {
                let mut gi: Vec<&Item> = Vec::new();
                fn walk<'a>(v: &'a [Item], out: &mut Vec<&'a Item>) {
                    for i in v {
                        out.push(i);
                        walk(&i.items, out);
                    }
                }
                walk(&g.items, &mut gi);
                let gi: Vec<&Item> = gi.into_iter().filter(|i| i.label.is_some()).collect();
                let ok = gi.len() == items.len()
                    && gi.iter().zip(items).all(|(a, (l, w))| {
                        let al = a.label.as_deref().unwrap_or("-");
                        let label_ok = match l.as_deref() {
                            None => al == "•",
                            Some(l) => norm_label(l) == norm_label(al),
                        };
                        label_ok && words(&a.text).starts_with(&words(w))
                    });
                if !ok {
                    out.push(format!(
                        "§ {} {}: items read [{}], expected [{}]",
                        s.heading,
                        ek.as_deref().unwrap_or("-"),
                        gi.iter()
                            .map(|i| format!(
                                "{} {}",
                                i.label.as_deref().unwrap_or("-"),
                                i.text
                                    .split_whitespace()
                                    .take(3)
                                    .collect::<Vec<_>>()
                                    .join(" ")
                            ))
                            .collect::<Vec<_>>()
                            .join(" | "),
                        items
                            .iter()
                            .map(|(l, w)| format!("{} {w}", l.as_deref().unwrap_or("-")))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    ));
                }
            }
        }
    }
    out
}

/// Every fixture in `dir` and its differences.
fn score(dir: &Path) -> Vec<(String, Vec<String>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let expect = std::fs::read_to_string(p.with_extension("expect"))
                .unwrap_or_else(|e| panic!("{name}.expect: {e}"));
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let diffs = match read(&bytes, &name, &Options::default()) {
                Ok(parsed) => differences(&parsed.document, &parse_expect(&expect)),
                Err(e) => vec![format!("not read: {e}")],
            };
            (name, diffs)
        })
        .collect()
}

fn report(title: &str, results: &[(String, Vec<String>)]) -> usize {
    let exact = results.iter().filter(|(_, d)| d.is_empty()).count();
    println!(
        "{title}: {exact} of {} read as a careful reader would",
        results.len()
    );
    for (name, diffs) in results {
        if !diffs.is_empty() {
            println!("  {name}:");
            for d in diffs.iter().take(6) {
                println!("    {d}");
            }
        }
    }
    exact
}

#[test]
fn every_shape_reads_as_a_careful_reader_would() {
    let results = score(&dir());
    assert!(results.len() >= 30, "the fixtures are missing");
    let exact = report("corpus/shapes", &results);
    // Every held-out set (`holdout`, `holdout-2`, ...), each scored on its own.
    let mut held: Vec<PathBuf> = std::fs::read_dir(dir())
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.is_dir()
                        && p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with("holdout"))
                })
                .collect()
        })
        .unwrap_or_default();
    held.sort();
    for h in held {
        let name = h
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        report(
            &format!("corpus/shapes/{name} (held out, not asserted)"),
            &score(&h),
        );
    }
    assert_eq!(exact, results.len(), "fixtures misread (listed above)");
}
