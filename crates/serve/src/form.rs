//! Reading a posted form (`multipart/form-data`) within limits: the whole body within
//! `--max-size`-based bounds (axum's body limit), at most [`MAX_FIELDS`] fields, text fields of
//! at most [`MAX_FIELD_BYTES`], at most `max_files` files, each no larger than the reader
//! accepts. The form token is checked before the form is used. A file's name is only ever
//! shown and used as the document's id: it is cut to its last part and never opened.

use axum::extract::{FromRequest, Multipart, Request};

use crate::app::App;
use crate::refusal::Refusal;
use crate::session::{FORM_FIELD, Session};

/// Most fields (files included) in one form.
pub const MAX_FIELDS: usize = 400;
/// Largest text field in bytes: a title, a name, an options file pasted.
pub const MAX_FIELD_BYTES: usize = 256 * 1024;

/// An uploaded file, held in memory only.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The form field it came in.
    pub field: String,
    /// Its file name, made safe to show ([`safe_name`]).
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Upload {
    /// The document id: the file name without its extension.
    pub fn id(&self) -> String {
        stem(&self.name)
    }
}

/// A posted form.
#[derive(Debug, Default)]
pub struct Form {
    fields: Vec<(String, String)>,
    pub files: Vec<Upload>,
}

impl Form {
    /// The first value of a text field, trimmed; `None` when absent or blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Every value of a text field (checkboxes, multiple selects), blank ones left out.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// True when any text field's name starts with `prefix` (blank or not).
    pub fn has_prefix(&self, prefix: &str) -> bool {
        self.fields.iter().any(|(k, _)| k.starts_with(prefix))
    }

    /// The files sent in one field.
    pub fn files_in(&self, field: &str) -> Vec<&Upload> {
        self.files.iter().filter(|f| f.field == field).collect()
    }
}

/// Reads and checks the form of a POST request.
pub async fn read(app: &App, session: &Session, req: Request) -> Result<Form, Refusal> {
    let mut mp = Multipart::from_request(req, &()).await.map_err(|e| {
        Refusal::form(format!(
            "the request is not a form Concord sends ({}).",
            e.body_text()
        ))
    })?;
    let mut form = Form::default();
    let mut count = 0;
    let limit = app.cfg.read.max_bytes;
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(multipart_error(&e, app.cfg.max_body)),
        };
        count += 1;
        if count > MAX_FIELDS {
            return Err(Refusal::form(format!(
                "the form has more than {MAX_FIELDS} fields."
            )));
        }
        let name = field.name().unwrap_or("").to_string();
        match field.file_name().map(str::to_string) {
            Some(file_name) => {
                let shown = safe_name(&file_name);
                let mut bytes = Vec::new();
                let mut field = field;
                loop {
                    match field.chunk().await {
                        Ok(Some(c)) => {
                            if bytes.len() + c.len() > limit {
                                return Err(Refusal::too_large(&shown, limit));
                            }
                            bytes.extend_from_slice(&c);
                        }
                        Ok(None) => break,
                        Err(e) => return Err(multipart_error(&e, app.cfg.max_body)),
                    }
                }
                // A file input left empty is sent as a part with no name and no bytes.
                if file_name.is_empty() && bytes.is_empty() {
                    continue;
                }
                form.files.push(Upload {
                    field: name,
                    name: shown,
                    bytes,
                });
                if form.files.len() > app.cfg.max_files {
                    return Err(Refusal::form(format!(
                        "more than {} files were sent at once.",
                        app.cfg.max_files
                    )));
                }
            }
            None => {
                let text = field
                    .bytes()
                    .await
                    .map_err(|e| multipart_error(&e, app.cfg.max_body))?;
                if text.len() > MAX_FIELD_BYTES {
                    return Err(Refusal::form(format!(
                        "the field {name:?} holds more than {MAX_FIELD_BYTES} bytes."
                    )));
                }
                let text = String::from_utf8(text.to_vec()).map_err(|_| {
                    Refusal::form(format!("the field {name:?} is not text (UTF-8)."))
                })?;
                form.fields.push((name, text));
            }
        }
    }
    let token = form
        .fields
        .iter()
        .find(|(k, _)| k == FORM_FIELD)
        .map(|(_, v)| v.as_str());
    if !token.is_some_and(|t| session.accepts(t)) {
        return Err(Refusal::new(
            403,
            "The form has expired",
            "the form was sent without this session's form token, so Concord cannot tell that it came from its own page.",
            "Reload the page, then send the form again.",
        ));
    }
    Ok(form)
}

fn multipart_error(e: &axum::extract::multipart::MultipartError, max_body: usize) -> Refusal {
    let text = e.body_text();
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        Refusal::new(
            413,
            "The files are too large",
            format!(
                "the form is larger than Concord accepts at once ({} MB).",
                max_body / (1024 * 1024)
            ),
            "Send fewer or smaller files; the --max-size option of concord serve raises the limit.",
        )
    } else {
        Refusal::form(format!("the form is damaged ({text})."))
    }
}

/// A file name safe to show and to use as an id: its last part only (no folders, whichever
/// separator the sender's system uses), no control characters, at most 100 characters.
pub fn safe_name(raw: &str) -> String {
    // Browsers send `"` in a file name as `%22` (and line breaks as `%0D`, `%0A`).
    let raw = raw
        .replace("%22", "\"")
        .replace("%0D", "")
        .replace("%0A", "");
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last.chars().filter(|c| !c.is_control()).take(100).collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() {
        "upload".into()
    } else {
        cleaned.to_string()
    }
}

/// A file name without its extension.
pub fn stem(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s.to_string(),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_folders_and_control_characters() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(
            safe_name("C:\\Users\\clerk\\protocol.docx"),
            "protocol.docx"
        );
        assert_eq!(safe_name("a\u{0}b\nc.txt"), "abc.txt");
        assert_eq!(safe_name(".."), "upload");
        assert_eq!(safe_name(""), "upload");
        assert_eq!(
            safe_name("<script>.md"),
            "<script>.md",
            "escaped where shown, not here"
        );
        assert_eq!(stem("protocol.v2.docx"), "protocol.v2");
        assert_eq!(stem("README"), "README");
    }
}
