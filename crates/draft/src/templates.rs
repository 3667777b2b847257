//! Where templates come from: the library built into the binary (the `templates/` folder of
//! this repository, embedded at compile time so `concord draft` works from any folder), or a
//! user's folder read through a loader confined to that folder.
//!
//! A template name is a relative path with `/` separators. Absolute names, `..`, `.`-prefixed
//! segments and backslashes are refused with an error rather than quietly not found, and a
//! folder template that resolves (through a symbolic link) outside the folder is refused too:
//! a template library is configuration, and it must not be able to read other files. Only
//! regular files are read (a named pipe would block the draft), and none larger than
//! [`MAX_TEMPLATE_BYTES`].

use std::path::{Path, PathBuf};

use minijinja::{Error as TemplateError, ErrorKind};

/// The name of the template a draft starts from.
pub const ENTRY: &str = "protocol.j2";

/// The largest template file a folder loader reads, in bytes: the whole built-in library is a
/// few tens of kilobytes.
pub const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// The built-in library: every `.j2` file under `templates/` (a test checks the list is whole).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "protocol.j2",
        include_str!("../../../templates/protocol.j2"),
    ),
    (
        "sections/purpose.j2",
        include_str!("../../../templates/sections/purpose.j2"),
    ),
    (
        "sections/principles.j2",
        include_str!("../../../templates/sections/principles.j2"),
    ),
    (
        "sections/roles.j2",
        include_str!("../../../templates/sections/roles.j2"),
    ),
    (
        "sections/relationships.j2",
        include_str!("../../../templates/sections/relationships.j2"),
    ),
    (
        "sections/access.j2",
        include_str!("../../../templates/sections/access.j2"),
    ),
    (
        "sections/correspondence.j2",
        include_str!("../../../templates/sections/correspondence.j2"),
    ),
    (
        "sections/political-groups.j2",
        include_str!("../../../templates/sections/political-groups.j2"),
    ),
    (
        "sections/ward-members.j2",
        include_str!("../../../templates/sections/ward-members.j2"),
    ),
    (
        "sections/media.j2",
        include_str!("../../../templates/sections/media.j2"),
    ),
    (
        "sections/training.j2",
        include_str!("../../../templates/sections/training.j2"),
    ),
    (
        "sections/ceremonial-events.j2",
        include_str!("../../../templates/sections/ceremonial-events.j2"),
    ),
    (
        "sections/complaints.j2",
        include_str!("../../../templates/sections/complaints.j2"),
    ),
    (
        "sections/interpretation.j2",
        include_str!("../../../templates/sections/interpretation.j2"),
    ),
];

/// A source of templates.
#[derive(Debug, Clone)]
pub enum Templates {
    /// The library built into the binary.
    Builtin,
    /// A folder of `.j2` files laid out like `templates/`; nothing outside it can be loaded.
    Folder(PathBuf),
    /// Templates held in memory (for tests and embedding), by name.
    Memory(Vec<(String, String)>),
}

impl Templates {
    /// Loads one template by name: `Ok(None)` when there is no such template, an error when
    /// the name tries to leave the library or the file cannot be read.
    pub fn load(&self, name: &str) -> Result<Option<String>, TemplateError> {
        check_name(name)?;
        match self {
            Templates::Builtin => Ok(BUILTIN
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, s)| (*s).to_string())),
            Templates::Memory(list) => {
                Ok(list.iter().find(|(n, _)| n == name).map(|(_, s)| s.clone()))
            }
            Templates::Folder(root) => load_confined(root, name),
        }
    }
}

/// Refuses names that are not plain relative paths inside the library.
fn check_name(name: &str) -> Result<(), TemplateError> {
    let refuse = |why: &str| {
        Err(TemplateError::new(
            ErrorKind::InvalidOperation,
            format!("template name '{name}' refused: {why}"),
        ))
    };
    if name.is_empty() {
        return refuse("it is empty");
    }
    if name.starts_with('/') || name.contains('\\') || name.contains(':') {
        return refuse(
            "template names are relative paths inside the template folder, with '/' separators",
        );
    }
    for segment in name.split('/') {
        if segment == ".." {
            return refuse("'..' would leave the template folder");
        }
        if segment.is_empty() || segment.starts_with('.') {
            return refuse("empty and hidden ('.') path segments are not allowed");
        }
    }
    Ok(())
}

fn load_confined(root: &Path, name: &str) -> Result<Option<String>, TemplateError> {
    let io_error = |what: &str, e: std::io::Error| {
        TemplateError::new(
            ErrorKind::InvalidOperation,
            format!("cannot {what} '{name}' in {}", root.display()),
        )
        .with_source(e)
    };
    let root =
        std::fs::canonicalize(root).map_err(|e| io_error("open the template folder for", e))?;
    let path = root.join(name);
    let resolved = match std::fs::canonicalize(&path) {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error("resolve", e)),
    };
    // A symbolic link inside the folder may point anywhere; only its target counts.
    if !resolved.starts_with(&root) {
        return Err(TemplateError::new(
            ErrorKind::InvalidOperation,
            format!("template name '{name}' refused: it resolves outside the template folder"),
        ));
    }
    let meta = std::fs::metadata(&resolved).map_err(|e| io_error("read", e))?;
    if !meta.is_file() {
        return Err(TemplateError::new(
            ErrorKind::InvalidOperation,
            format!("template name '{name}' refused: it is not a regular file"),
        ));
    }
    if meta.len() > MAX_TEMPLATE_BYTES {
        return Err(TemplateError::new(
            ErrorKind::InvalidOperation,
            format!(
                "template '{name}' is {} bytes, over the limit of {MAX_TEMPLATE_BYTES} bytes",
                meta.len()
            ),
        ));
    }
    match std::fs::read_to_string(&resolved) {
        Ok(s) => Ok(Some(s)),
        Err(e) => Err(io_error("read", e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_leave_the_folder_are_refused_with_a_reason() {
        let t = Templates::Memory(vec![("a.j2".into(), "x".into())]);
        for bad in [
            "../secret",
            "/etc/passwd",
            "sections/../../x",
            ".hidden",
            "a\\b",
            "C:/x",
            "",
        ] {
            let e = t.load(bad).unwrap_err();
            assert!(e.to_string().contains("refused"), "{bad}: {e}");
        }
        assert_eq!(t.load("a.j2").unwrap().as_deref(), Some("x"));
        assert_eq!(t.load("b.j2").unwrap(), None);
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
        let mut builtin: Vec<String> = BUILTIN.iter().map(|(n, _)| n.to_string()).collect();
        builtin.sort();
        assert_eq!(
            found, builtin,
            "add new templates to BUILTIN in templates.rs"
        );
    }

    #[test]
    fn a_folder_loader_reads_inside_and_refuses_a_link_outside() {
        let dir = std::env::temp_dir().join(format!("concord-draft-loader-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("lib")).unwrap();
        std::fs::write(dir.join("lib/ok.j2"), "fine").unwrap();
        std::fs::write(dir.join("outside.j2"), "secret").unwrap();
        let t = Templates::Folder(dir.join("lib"));
        assert_eq!(t.load("ok.j2").unwrap().as_deref(), Some("fine"));
        assert!(t.load("../outside.j2").is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.join("outside.j2"), dir.join("lib/link.j2")).unwrap();
            let e = t.load("link.j2").unwrap_err();
            assert!(e.to_string().contains("outside the template folder"), "{e}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
