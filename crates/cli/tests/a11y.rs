//! Accessibility: every kind of HTML page Concord writes (a cross-council comparison, a redline,
//! a drafted protocol, a read protocol, a project build) opened in headless Chromium with
//! axe-core (tests/a11y/axe.mjs) has no WCAG 2.0/2.1/2.2 A or AA violation.
//!
//! Needs node, Debian's chromium and `npm ci` in tests/a11y, so it is ignored unless asked for
//! (`.ci/run` installs them and runs it with `--include-ignored`); asked for, it fails when
//! any of them is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Why the real clients cannot run here, or `None` when they can.
fn missing_clients(root: &Path) -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!(
            "no chromium at {chromium} (apt-get install chromium)"
        ));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("no node (apt-get install nodejs npm)".into());
    }
    for pkg in ["axe-core", "playwright-core"] {
        if !root.join("tests/a11y/node_modules").join(pkg).exists() {
            return Some(format!("no {pkg} (run `npm ci` in tests/a11y)"));
        }
    }
    None
}

/// The pages to check: (name, concord arguments before `-o PAGE`).
const PAGES: &[(&str, &[&str])] = &[
    (
        "compare",
        &[
            "compare",
            "corpus/",
            "corpus/synthetic/",
            "--format",
            "html",
        ],
    ),
    (
        "redline",
        &[
            "diff",
            "corpus/000_0739291e76a941b3.txt",
            "--tracked",
            "--format",
            "html",
        ],
    ),
    (
        "redline-moves",
        &[
            "diff",
            "corpus/compare/moved-between-sections/old.md",
            "corpus/compare/moved-between-sections/new.md",
            "--format",
            "html",
        ],
    ),
    (
        "draft-parish",
        &[
            "draft",
            "templates/examples/parish.toml",
            "--format",
            "html",
        ],
    ),
    (
        "draft-joint",
        &["draft", "templates/examples/joint.toml", "--format", "html"],
    ),
];

#[test]
#[ignore = "needs Chromium, node and axe-core"]
fn every_html_page_has_no_wcag_violations() {
    let root = root();
    if let Some(why) = missing_clients(&root) {
        panic!("the accessibility check cannot run: {why}");
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut pages: Vec<PathBuf> = Vec::new();
    for (name, args) in PAGES {
        let page = dir.path().join(format!("{name}.html"));
        let status = Command::new(env!("CARGO_BIN_EXE_concord"))
            .current_dir(&root)
            .args(*args)
            .arg("-o")
            .arg(&page)
            .status()
            .expect("concord runs");
        assert!(status.success(), "concord {args:?} failed");
        pages.push(page);
    }
    // The review pack for seed 000 with the other seeds as peers.
    let pack = dir.path().join("pack");
    let status = Command::new(env!("CARGO_BIN_EXE_concord"))
        .current_dir(&root)
        .args([
            "pack",
            "--tracked",
            "corpus/000_0739291e76a941b3.txt",
            "--peers",
            "corpus/",
            "-o",
        ])
        .arg(&pack)
        .status()
        .expect("concord runs");
    assert!(status.success(), "concord pack failed");
    pages.push(pack.join("pack.html"));
    // The published pages of the example project.
    pages.push(root.join("templates/examples/site/public/protocol.html"));
    pages.push(root.join("templates/examples/site/public/redline.html"));
    pages.push(root.join("templates/examples/site/public/pack.html"));
    for page in &pages {
        let out = Command::new("node")
            .arg(root.join("tests/a11y/axe.mjs"))
            .arg(page)
            .output()
            .expect("node runs");
        let report = String::from_utf8_lossy(&out.stdout);
        println!("{report}{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(
            out.status.code(),
            Some(0),
            "axe-core found violations in {}:\n{report}",
            page.display()
        );
        assert!(report.contains("0 violated"), "{report}");
    }
}
