//! The other word-processor formats, told by their content: Word 97-2003 (`.doc`, an OLE
//! compound file holding a `WordDocument` stream), OpenDocument text (`.odt`, a ZIP whose first
//! entry says so) and Rich Text Format (`.rtf`, text opening `{\rtf`). Concord reads them only
//! through a conversion to `.docx`, which the binary has LibreOffice make. An OLE file that is
//! not a Word document (an encrypted `.docx`, an Excel or PowerPoint file) is named as what it
//! is.

/// The signature every OLE compound file starts with.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// What an OLE compound file holds, by the names of its streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ole {
    /// A Word 97-2003 document.
    Word,
    /// An Office Open XML file (a `.docx`) encrypted with a password.
    Encrypted,
    /// An Excel or PowerPoint file, or some other compound file.
    Other(&'static str),
}

/// What an OLE compound file holds, or `None` when the bytes are not one.
pub fn ole(bytes: &[u8]) -> Option<Ole> {
    if !bytes.starts_with(OLE_MAGIC) {
        return None;
    }
    // Directory entries name their streams in UTF-16LE.
    let has = |name: &str| {
        let wide: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        bytes.windows(wide.len()).any(|w| w == wide.as_slice())
    };
    Some(if has("EncryptedPackage") {
        Ole::Encrypted
    } else if has("WordDocument") {
        Ole::Word
    } else if has("Workbook") || has("Book") {
        Ole::Other("an Excel workbook (.xls)")
    } else if has("PowerPoint Document") {
        Ole::Other("a PowerPoint presentation (.ppt)")
    } else {
        Ole::Other("an old Microsoft Office file that is not a Word document")
    })
}

/// True for Rich Text Format: `{\rtf`, after a byte-order mark or whitespace at most.
pub fn is_rtf(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    b[start..].starts_with(b"{\\rtf")
}

/// True for an OpenDocument text file (or its template or master document).
pub fn is_odt(bytes: &[u8]) -> bool {
    super::is_zip(bytes)
        && super::package::odf_mimetype(bytes)
            .is_some_and(|m| m.starts_with("application/vnd.oasis.opendocument.text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ole_with(stream: &str) -> Vec<u8> {
        let mut b = OLE_MAGIC.to_vec();
        b.extend(vec![0u8; 504]);
        b.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        b
    }

    #[test]
    fn old_office_files_are_told_apart() {
        assert_eq!(ole(&ole_with("WordDocument")), Some(Ole::Word));
        assert_eq!(ole(&ole_with("EncryptedPackage")), Some(Ole::Encrypted));
        assert!(matches!(ole(&ole_with("Workbook")), Some(Ole::Other(w)) if w.contains("Excel")));
        assert_eq!(ole(b"WordDocument"), None);
        assert!(is_rtf(b"{\\rtf1\\ansi Hello}"));
        assert!(is_rtf(b"\xEF\xBB\xBF  {\\rtf1}"));
        assert!(!is_rtf(b"Protocol {\\rtf"));
    }
}
