//! Where templates come from: the library built into the binary (the `templates/` folder of
//! this repository, embedded at compile time so `concord draft` works from any folder),
//! templates held in memory, or a [`Loader`] the caller gives (the binary's reads a user's
//! folder, confined to it). The drafter itself reads no files.
//!
//! A template name is a relative path with `/` separators. Absolute names, `..`, `.`-prefixed
//! segments and backslashes are refused with an error before any loader is asked, rather than
//! quietly not found: a template library is configuration, and it must not be able to read
//! other files.

use std::sync::Arc;

use minijinja::{Error as TemplateError, ErrorKind};

/// The name of the template a draft starts from.
pub const ENTRY: &str = "protocol.j2";

/// The largest template a loader should read, in bytes: the whole built-in library is a few
/// tens of kilobytes.
pub const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// A source of templates the caller provides (a folder, an archive, a database). It is asked
/// only for names [`Templates::load`] has checked: plain relative paths inside the library.
pub trait Loader: std::fmt::Debug + Send + Sync {
    /// The template called `name`, `Ok(None)` when there is none, or an error when it cannot
    /// or may not be read.
    fn load(&self, name: &str) -> Result<Option<String>, TemplateError>;
}

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
    /// Templates from the caller's loader, laid out like `templates/`.
    Loader(Arc<dyn Loader>),
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
            Templates::Loader(loader) => loader.load(name),
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
}
