//! The architecture's dependency edges, checked (ARCHITECTURE.md, "Architecture Invariant").
//! Only normal dependencies count: tests may use whatever they need.

use std::path::Path;

/// The workspace crates each crate depends on: exactly these, no more (a new edge is a design
/// decision, made here and in ARCHITECTURE.md) and no fewer (an edge no longer used is taken out
/// of both, so the table stays the map).
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("ingest", &["concord-model"]),
    ("compare", &["concord-model"]),
    ("draft", &["concord-model"]),
    ("check", &["concord-model"]),
    ("render", &["concord-model", "concord-compare"]),
    (
        "laws",
        &[
            "concord-model",
            "concord-ingest",
            "concord-compare",
            "concord-draft",
            "concord-render",
        ],
    ),
    (
        "publish",
        &[
            "concord-model",
            "concord-ingest",
            "concord-compare",
            "concord-draft",
            "concord-render",
            "concord-check",
        ],
    ),
    (
        "serve",
        &[
            "concord-model",
            "concord-ingest",
            "concord-compare",
            "concord-draft",
            "concord-render",
            "concord-check",
            "concord-publish",
        ],
    ),
    (
        "cli",
        &[
            "concord-model",
            "concord-ingest",
            "concord-compare",
            "concord-draft",
            "concord-render",
            "concord-check",
            "concord-publish",
            "concord-serve",
        ],
    ),
];

/// Every broken edge, as a message.
pub fn check(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut problems = Vec::new();
    let crates = root.join("crates");
    let mut names: Vec<String> = std::fs::read_dir(&crates)?
        .filter_map(Result::ok)
        .filter(|e| e.path().join("Cargo.toml").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let manifest = std::fs::read_to_string(crates.join(&name).join("Cargo.toml"))?;
        let Some((_, allowed)) = ALLOWED.iter().find(|(n, _)| *n == name) else {
            problems.push(format!(
                "crates/{name}: not in the architecture table (xtask/src/tidy.rs, ARCHITECTURE.md)"
            ));
            continue;
        };
        let deps = normal_deps(&manifest);
        for dep in &deps {
            if dep.starts_with("concord") && !allowed.contains(&dep.as_str()) {
                problems.push(format!(
                    "crates/{name} depends on {dep}, which the architecture does not allow"
                ));
            }
        }
        for edge in *allowed {
            if !deps.iter().any(|d| d == edge) {
                problems.push(format!(
                    "crates/{name} no longer depends on {edge}: take the edge out of xtask/src/tidy.rs and ARCHITECTURE.md"
                ));
            }
        }
    }
    Ok(problems)
}

/// Names in the `[dependencies]` table (not dev- or build-dependencies).
fn normal_deps(manifest: &str) -> Vec<String> {
    let mut in_deps = false;
    let mut out = Vec::new();
    for line in manifest.lines() {
        let l = line.trim();
        if l.starts_with('[') {
            in_deps = l == "[dependencies]";
            continue;
        }
        if in_deps && !l.is_empty() && !l.starts_with('#') {
            let name = l.split(['=', '.', ' ']).next().unwrap_or("").trim();
            if !name.is_empty() {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// Every pair of modules of one crate that use each other (`crate::a` in `b` and `crate::b` in
/// `a`, or `super::` between siblings), as messages. A module and the modules inside it may
/// use each other; two modules side by side may not, so each has one job and one direction.
pub fn module_cycles(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut crates: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("crates"))?
        .filter_map(Result::ok)
        .map(|e| e.path().join("src"))
        .filter(|p| p.is_dir())
        .collect();
    crates.push(root.join("xtask/src"));
    crates.sort();
    for src in crates {
        let mut files = Vec::new();
        let mut stack = vec![src.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir)? {
                let path = entry?.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        let module = |path: &Path| -> String {
            let rel = path.strip_prefix(&src).unwrap_or(path).with_extension("");
            let rel = rel.to_string_lossy().replace('\\', "/");
            rel.strip_suffix("/mod").unwrap_or(&rel).to_string()
        };
        let modules: std::collections::BTreeSet<String> = files.iter().map(|f| module(f)).collect();
        let mut edges = std::collections::BTreeSet::new();
        for f in &files {
            let me = module(f);
            if me == "lib" || me == "main" {
                continue;
            }
            let text = std::fs::read_to_string(f)?;
            for line in text.lines() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                for target in uses(code, &me) {
                    // The longest module the path names.
                    let mut parts: Vec<&str> = target.split('/').collect();
                    while !parts.is_empty() && !modules.contains(&parts.join("/")) {
                        parts.pop();
                    }
                    let other = parts.join("/");
                    let nested = |a: &str, b: &str| a == b || a.starts_with(&format!("{b}/"));
                    if !other.is_empty() && !nested(&me, &other) && !nested(&other, &me) {
                        edges.insert((me.clone(), other));
                    }
                }
            }
        }
        for (a, b) in &edges {
            if a < b && edges.contains(&(b.clone(), a.clone())) {
                problems.push(format!(
                    "{}: modules {a} and {b} use each other",
                    src.strip_prefix(root).unwrap_or(&src).display()
                ));
            }
        }
    }
    Ok(problems)
}

/// The module paths (`a/b`) a line of module `me` names through `crate::` or `super::`.
fn uses(code: &str, me: &str) -> Vec<String> {
    let mut out = Vec::new();
    let parent: Vec<&str> = me.split('/').collect();
    let parent = parent[..parent.len().saturating_sub(1)].join("/");
    for (prefix, base) in [("crate::", String::new()), ("super::", parent)] {
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            // `super::` must not be the tail of `crate::super` or an identifier.
            let before = rest[..at].chars().last();
            rest = &rest[at + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let names: Vec<String> = if let Some(group) = rest.strip_prefix('{') {
                group
                    .split('}')
                    .next()
                    .unwrap_or("")
                    .split(',')
                    .map(|n| n.trim().replace("::", "/"))
                    .collect()
            } else {
                let path: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                vec![path.trim_end_matches(':').replace("::", "/")]
            };
            for n in names {
                let n = n
                    .split(['{', ' '])
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('/');
                if n.is_empty() || n == "self" {
                    continue;
                }
                out.push(if base.is_empty() {
                    n.to_string()
                } else {
                    format!("{base}/{n}")
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn dependency_edges_follow_the_architecture() {
        let problems = super::check(&crate::root()).unwrap();
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn architecture_md_lists_exactly_the_edges() {
        let page = std::fs::read_to_string(crate::root().join("ARCHITECTURE.md")).unwrap();
        for (name, deps) in super::ALLOWED {
            let row = page
                .lines()
                .find(|l| l.starts_with(&format!("| `crates/{name}` |")))
                .unwrap_or_else(|| panic!("ARCHITECTURE.md's table has no row for crates/{name}"));
            let listed: Vec<String> = row
                .trim_end_matches('|')
                .rsplit('|')
                .next()
                .unwrap_or("")
                .split(',')
                .map(|d| d.trim().to_string())
                .filter(|d| !d.is_empty() && d != "nothing in the workspace")
                .map(|d| format!("concord-{d}"))
                .collect();
            let mut want: Vec<String> = deps.iter().map(|d| d.to_string()).collect();
            let mut got = listed;
            want.sort();
            got.sort();
            assert_eq!(got, want, "ARCHITECTURE.md's row for crates/{name}");
        }
    }

    #[test]
    fn no_two_modules_use_each_other() {
        let problems = super::module_cycles(&crate::root()).unwrap();
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn uses_are_read_from_paths_and_groups() {
        assert_eq!(
            super::uses("use crate::pack::Part;", "docx/pack"),
            ["pack/Part"]
        );
        assert_eq!(
            super::uses("use crate::{comparison_html, pack::Pack};", "pack_html"),
            ["comparison_html", "pack/Pack"]
        );
        assert_eq!(
            super::uses("super::diff::redline(a)", "cmd/pack"),
            ["cmd/diff/redline"]
        );
    }
}
