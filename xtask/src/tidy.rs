//! The architecture's dependency edges, checked (ARCHITECTURE.md, "Architecture Invariant").
//! Only normal dependencies count: tests may use whatever they need.

use std::path::Path;

/// Which workspace crates each crate may depend on.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("ingest", &["concord-model"]),
    ("compare", &["concord-model"]),
    ("draft", &["concord-model"]),
    ("check", &["concord-model", "concord-compare"]),
    (
        "render",
        &[
            "concord-model",
            "concord-compare",
            "concord-draft",
            "concord-check",
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
        for dep in normal_deps(&manifest) {
            if dep.starts_with("concord") && !allowed.contains(&dep.as_str()) {
                problems.push(format!(
                    "crates/{name} depends on {dep}, which the architecture does not allow"
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

#[cfg(test)]
mod tests {
    #[test]
    fn dependency_edges_follow_the_architecture() {
        let problems = super::check(&crate::root()).unwrap();
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
