//! The parts of a Word package and how they are found. The main part is whatever the package's
//! relationships (`_rels/.rels`) name as the office document: `word/document.xml` is a custom,
//! not a rule (Office writes `word/document2.xml` after some conversions; Strict Open XML names
//! its relationships in another namespace). The styles, numbering and notes are whatever the
//! main part's own relationships name, with the customary names as a fallback. Part names are
//! matched without regard to case, as the packaging standard says.

use std::io::{Cursor, Read};

use crate::Error;
use crate::xml::{self, Node};

/// The largest part we unpack: a protocol's `document.xml` is well under a megabyte; a
/// bigger one is a ZIP bomb or not a protocol.
pub const MAX_PART: u64 = 64 * 1024 * 1024;

/// The main part of a package when its relationships do not name one.
const CUSTOMARY_MAIN: &str = "word/document.xml";

/// A Word package, open for reading its parts.
#[derive(Debug)]
pub struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
}

/// One relationship of a part: its kind (the last segment of its type, such as `styles`) and
/// the part it points to, as a name inside the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    pub kind: String,
    pub target: String,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, Error> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Docx {
            reason: format!("the ZIP container is damaged ({e})"),
        })?;
        Ok(Package { zip })
    }

    /// One part as text, or `None` when the package does not have it.
    pub fn text(&mut self, name: &str) -> Result<Option<String>, Error> {
        let Some(index) = self.find(name) else {
            return Ok(None);
        };
        let file = self.zip.by_index(index).map_err(|e| Error::Docx {
            reason: format!("{name} cannot be read ({e})"),
        })?;
        let mut bytes = Vec::new();
        file.take(MAX_PART + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::Docx {
                reason: format!("{name} cannot be unpacked ({e}); the file may be truncated"),
            })?;
        if bytes.len() as u64 > MAX_PART {
            return Err(Error::Docx {
                reason: format!("{name} unpacks to more than {MAX_PART} bytes"),
            });
        }
        let text = String::from_utf8(bytes).map_err(|_| Error::Docx {
            reason: format!("{name} is not UTF-8 XML"),
        })?;
        Ok(Some(text.trim_start_matches('\u{feff}').to_string()))
    }

    /// One part parsed as XML, or `None` when the package does not have it.
    pub fn xml(&mut self, name: &str) -> Result<Option<Node>, Error> {
        match self.text(name)? {
            None => Ok(None),
            Some(text) => xml::parse(&text).map(Some).map_err(|e| Error::Docx {
                reason: format!("{name} is not well-formed XML: {e}"),
            }),
        }
    }

    /// The index of the entry named `name`: exactly, or else ignoring ASCII case.
    fn find(&self, name: &str) -> Option<usize> {
        self.zip.index_for_name(name).or_else(|| {
            self.zip
                .file_names_raw()
                .position(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        })
    }

    /// The relationships of the part `source` (`""` for the package itself), internal targets
    /// only. A package without the relationships part has none; a damaged one is an error.
    pub fn relationships(&mut self, source: &str) -> Result<Vec<Relationship>, Error> {
        let (folder, file) = match source.rsplit_once('/') {
            Some((folder, file)) => (format!("{folder}/"), file),
            None => (String::new(), source),
        };
        let rels_name = format!("{folder}_rels/{file}.rels");
        let Some(root) = self.xml(&rels_name)? else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for r in root.nodes().filter(|n| n.name == "Relationship") {
            if r.attr("TargetMode")
                .is_some_and(|m| m.eq_ignore_ascii_case("external"))
            {
                continue;
            }
            let (Some(kind), Some(target)) = (r.attr("Type"), r.attr("Target")) else {
                continue;
            };
            let kind = kind.rsplit('/').next().unwrap_or(kind).to_string();
            if let Some(target) = resolve(&folder, target) {
                out.push(Relationship { kind, target });
            }
        }
        Ok(out)
    }

    /// The name of the main part: the office document the package relationships name, or the
    /// customary `word/document.xml`.
    pub fn main_part(&mut self) -> Result<String, Error> {
        let named = self
            .relationships("")?
            .into_iter()
            .find(|r| r.kind == "officeDocument")
            .map(|r| r.target);
        if let Some(name) = named.filter(|n| self.find(n).is_some()) {
            return Ok(name);
        }
        if self.find(CUSTOMARY_MAIN).is_some() {
            return Ok(CUSTOMARY_MAIN.to_string());
        }
        let reason = match self.text("mimetype").ok().flatten() {
            Some(m) if m.starts_with("application/vnd.oasis.opendocument") => format!(
                "it is an OpenDocument file ({}), not a Word document",
                m.trim()
            ),
            _ => "it has no main document part (_rels/.rels names none, and there is no \
                  word/document.xml), so it is not a Word document"
                .to_string(),
        };
        Err(Error::Docx { reason })
    }

    /// The part a relationship of `source` of this kind names, or the customary part in the
    /// same folder when the relationships name none (files written by hand often omit them).
    pub fn related(
        &mut self,
        rels: &[Relationship],
        source: &str,
        kind: &str,
        customary: &str,
    ) -> Option<String> {
        if let Some(r) = rels.iter().find(|r| r.kind == kind)
            && self.find(&r.target).is_some()
        {
            return Some(r.target.clone());
        }
        let folder = source.rsplit_once('/').map_or("", |(f, _)| f);
        let name = if folder.is_empty() {
            customary.to_string()
        } else {
            format!("{folder}/{customary}")
        };
        self.find(&name).is_some().then_some(name)
    }
}

/// The part a relationship target names: relative to the folder of its source, or absolute
/// from the package root; `.` and `..` resolved and `%XX` escapes decoded. `None` for a target
/// that climbs out of the package.
fn resolve(folder: &str, target: &str) -> Option<String> {
    let target = percent_decode(target);
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{folder}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The ODF media type a ZIP holds in its first entry, `mimetype`, stored uncompressed as the
/// OpenDocument standard requires (so it is read from the bytes without unzipping anything).
pub fn odf_mimetype(bytes: &[u8]) -> Option<&str> {
    // A local file header is 30 bytes, then the name, then (stored) the data.
    let name_len = u16::from_le_bytes([*bytes.get(26)?, *bytes.get(27)?]) as usize;
    let extra_len = u16::from_le_bytes([*bytes.get(28)?, *bytes.get(29)?]) as usize;
    let size = u32::from_le_bytes([
        *bytes.get(18)?,
        *bytes.get(19)?,
        *bytes.get(20)?,
        *bytes.get(21)?,
    ]) as usize;
    if bytes.get(30..30 + name_len)? != b"mimetype" || size > 100 {
        return None;
    }
    let start = 30 + name_len + extra_len;
    let value = std::str::from_utf8(bytes.get(start..start + size)?).ok()?;
    value
        .starts_with("application/vnd.oasis.opendocument.")
        .then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_inside_the_package() {
        assert_eq!(
            resolve("", "word/document.xml").as_deref(),
            Some("word/document.xml")
        );
        assert_eq!(
            resolve("", "/word/document2.xml").as_deref(),
            Some("word/document2.xml")
        );
        assert_eq!(
            resolve("word/", "styles.xml").as_deref(),
            Some("word/styles.xml")
        );
        assert_eq!(
            resolve("word/", "../customXml/item1.xml").as_deref(),
            Some("customXml/item1.xml")
        );
        assert_eq!(
            resolve("word/", "./my%20notes.xml").as_deref(),
            Some("word/my notes.xml")
        );
        assert_eq!(resolve("", "../../etc/passwd"), None);
        assert_eq!(resolve("", "/"), None);
    }
}
