//! Every options file in `templates/examples/` drafts cleanly, and its Markdown is
//! snapshotted; generated option sets (every kind, every combination of optional sections,
//! routes of every length) draft cleanly too. "Cleanly" is asserted before any snapshot: no
//! template syntax or marker left, every reference resolved to a drafted clause, and
//! numbering contiguous.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};

use concord_draft::{Answer, Drafted, Drafter, Options, Templates, catalogue, validate};
use concord_model::Document;

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// Panics with a reason unless the drafted document is clean.
fn assert_clean(d: &Drafted, what: &str) {
    let doc: &Document = &d.document;
    assert!(!doc.sections.is_empty(), "{what}: no sections");
    for (i, s) in doc.sections.iter().enumerate() {
        let n = (i + 1).to_string();
        assert_eq!(
            s.number.as_deref(),
            Some(n.as_str()),
            "{what}: section numbering"
        );
        assert!(!s.clauses.is_empty(), "{what}: empty section {n}");
        for (j, c) in s.clauses.iter().enumerate() {
            let id = format!("{n}.{}", j + 1);
            assert_eq!(c.id, id, "{what}: clause numbering");
            assert_eq!(c.label.as_deref(), Some(id.as_str()), "{what}");
            for text in std::iter::once(&c.text).chain(c.items.iter().map(|i| &i.text)) {
                assert!(!text.is_empty(), "{what}: empty text in {id}");
                for bad in ["{{", "}}", "{%", "%}", "\u{1e}", "\u{1f}", "  "] {
                    assert!(!text.contains(bad), "{what}: {bad:?} left in {id}: {text}");
                }
                assert!(
                    !text.contains(" ."),
                    "{what}: space before a full stop in {id}: {text}"
                );
            }
            for r in &c.refs {
                assert!(
                    doc.clause(r).is_some(),
                    "{what}: {id} refers to missing {r}"
                );
            }
        }
    }
    // Every template id maps to a number that exists in the document.
    for (tid, number) in &d.numbers {
        let found = doc.clause(number).is_some()
            || doc
                .sections
                .iter()
                .any(|s| s.number.as_deref() == Some(number));
        assert!(found, "{what}: {tid} -> {number} not in the document");
    }
}

#[test]
fn every_example_drafts_cleanly_and_matches_its_snapshot() {
    let files = examples();
    assert!(
        files.len() >= 3,
        "templates/examples/ should hold at least three options files"
    );
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let options =
            validate::parse(&text).unwrap_or_else(|p| panic!("{}: {p:?}", path.display()));
        let drafted = Drafter::new(Templates::Builtin).draft(&options).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        assert_clean(&drafted, &name);
        let md = concord_render::markdown(&drafted.document);
        let mut settings = insta::Settings::clone_current();
        settings.set_input_file(&path);
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!(name, md));
    }
}

#[test]
fn drafting_is_deterministic() {
    let text = std::fs::read_to_string(&examples()[0]).unwrap();
    let options = validate::parse(&text).unwrap();
    let a = Drafter::new(Templates::Builtin).draft(&options).unwrap();
    let b = Drafter::new(Templates::Builtin).draft(&options).unwrap();
    assert_eq!(
        concord_render::markdown(&a.document),
        concord_render::markdown(&b.document)
    );
}

/// Options for a kind with the given sections on and every route set to `len` roles (taken in
/// turn from the roles the kind has), so routes of every length get drafted.
fn generated(kind: &str, sections: u32, len: usize, offset: usize) -> Options {
    let mut toml =
        format!("[council]\nname = \"Generated {kind} council\"\nkind = \"{kind}\"\n[sections]\n");
    for (i, s) in catalogue::SECTIONS.iter().enumerate() {
        toml.push_str(&format!("{} = {}\n", s.id, sections & (1 << i) != 0));
    }
    toml.push_str("[answers]\n");
    let roles = catalogue::roles_for(kind);
    for (qi, q) in catalogue::QUESTIONS.iter().enumerate() {
        if q.answer != catalogue::AnswerKind::Route {
            continue;
        }
        if let Some(s) = catalogue::section_of(q.id) {
            let i = catalogue::SECTIONS.iter().position(|x| x.id == s).unwrap();
            if sections & (1 << i) == 0 {
                continue;
            }
        }
        let route: Vec<String> = (0..len.min(roles.len()))
            .map(|k| format!("\"{}\"", roles[(offset + qi + k) % roles.len()]))
            .collect();
        toml.push_str(&format!("{} = [{}]\n", q.id, route.join(", ")));
    }
    validate::parse(&toml).unwrap_or_else(|p| panic!("{toml}\n{p:?}"))
}

#[test]
fn generated_option_sets_draft_cleanly() {
    let drafter = Drafter::new(Templates::Builtin);
    let mut drafted = 0;
    for kind in catalogue::KINDS {
        for sections in 0..(1u32 << catalogue::SECTIONS.len()) {
            let len = 1 + (sections as usize % 4);
            let options = generated(kind, sections, len, sections as usize);
            let d = drafter
                .draft(&options)
                .unwrap_or_else(|e| panic!("{kind} sections={sections:b}: {e}"));
            assert_clean(&d, &format!("{kind} sections={sections:b}"));
            // The drafted routes are the chosen ones: each role's title appears in the clause.
            if let Some(Answer::Route(r)) =
                options.answers.get("officer-complaint-about-councillor")
            {
                let n = &d.numbers["complaints.officer"];
                let text = &d.document.clause(n).unwrap().text;
                assert!(
                    r.len() <= 1 || text.contains("if the matter is not resolved"),
                    "{text}"
                );
            }
            drafted += 1;
        }
    }
    assert_eq!(drafted, catalogue::KINDS.len() * 32);
}

#[test]
fn every_template_in_the_folder_is_built_in() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates");
    let mut found = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "j2") {
                let rel = p
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                found.push(rel);
            }
        }
    }
    found.sort();
    let mut builtin: Vec<String> = concord_draft::BUILTIN
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    builtin.sort();
    assert_eq!(
        found, builtin,
        "add new templates to BUILTIN in templates.rs"
    );
}
