//! The template folder loader of `concord draft --templates DIR` and `[[draft]] templates`:
//! the drafter is given it, and reads no files itself.
//!
//! A template that resolves (through a symbolic link) outside the folder is refused: a template
//! library is configuration, and it must not be able to read other files. Only regular files
//! are read (a named pipe would block the draft), and none larger than
//! [`concord_draft::MAX_TEMPLATE_BYTES`]. The drafter has already refused names that are not
//! plain relative paths.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use concord_draft::{Loader, MAX_TEMPLATE_BYTES, Templates};
use minijinja::{Error as TemplateError, ErrorKind};

/// A folder of `.j2` files laid out like `templates/`; nothing outside it can be loaded.
#[derive(Debug)]
pub struct Folder(PathBuf);

/// The templates of a folder, for the drafter.
pub fn folder(dir: &Path) -> Templates {
    Templates::Loader(Arc::new(Folder(dir.to_path_buf())))
}

impl Loader for Folder {
    fn load(&self, name: &str) -> Result<Option<String>, TemplateError> {
        load_confined(&self.0, name)
    }
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
    #![allow(clippy::unwrap_used, reason = "tests")]

    #[test]
    fn a_folder_loader_reads_inside_and_refuses_a_link_outside() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        std::fs::create_dir_all(dir.join("lib")).unwrap();
        std::fs::write(dir.join("lib/ok.j2"), "fine").unwrap();
        std::fs::write(dir.join("outside.j2"), "secret").unwrap();
        let t = super::folder(&dir.join("lib"));
        assert_eq!(t.load("ok.j2").unwrap().as_deref(), Some("fine"));
        assert!(t.load("../outside.j2").is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.join("outside.j2"), dir.join("lib/link.j2")).unwrap();
            let e = t.load("link.j2").unwrap_err();
            assert!(e.to_string().contains("outside the template folder"), "{e}");
        }
    }
}
