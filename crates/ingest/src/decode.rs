//! Bytes to text: BOMs (UTF-8, UTF-16), strict UTF-8, then a legacy-encoding guess (chardetng,
//! hinted with the `uk` domain) for files saved by older Windows tools. Line endings become `\n`,
//! the text is NFC-normalised.

use concord_model::{Code, Diagnostic, Severity};
use unicode_normalization::UnicodeNormalization;

use crate::Error;

/// The largest file the reader accepts: a whole constitution is a few megabytes.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// Decoded text plus what decoding did.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: MAX_BYTES,
        });
    }
    let mut diagnostics = Vec::new();
    let text: String = if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if enc != encoding_rs::UTF_8 {
            diagnostics.push(Diagnostic::new(
                Code::DecodedEncoding,
                Severity::Info,
                1,
                format!("decoded as {}", enc.name()),
            ));
        }
        if had_errors {
            diagnostics.push(Diagnostic::new(
                Code::MalformedText,
                Severity::Warning,
                1,
                "some bytes could not be decoded and were replaced",
            ));
        }
        text.into_owned()
    } else {
        check_binary(bytes)?;
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => {
                let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                det.feed(bytes, true);
                let enc = det.guess(Some(b"uk"), chardetng::Utf8Detection::Allow);
                let (text, _, had_errors) = enc.decode(bytes);
                diagnostics.push(Diagnostic::new(
                    Code::DecodedEncoding,
                    Severity::Info,
                    1,
                    format!("not UTF-8; decoded as {}", enc.name()),
                ));
                if had_errors {
                    diagnostics.push(Diagnostic::new(
                        Code::MalformedText,
                        Severity::Warning,
                        1,
                        "some bytes could not be decoded and were replaced",
                    ));
                }
                text.into_owned()
            }
        }
    };
    // UTF-16 files can hide binary too.
    if let Some(pos) = text.find('\0') {
        let (line, col) = line_col(&text, pos);
        return Err(Error::Binary {
            offset: pos,
            line,
            col,
        });
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // Most council text is already NFC: the quick check skips rebuilding it.
    let text: String = match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    };
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(Decoded { text, diagnostics })
}

/// Rejects NULs and files dense with control characters (images, archives, executables).
fn check_binary(bytes: &[u8]) -> Result<(), Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let mut controls = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b == 0 {
            return Err(binary_at(bytes, i));
        }
        if i < head.len() && b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c) {
            controls += 1;
            // Text extracted from PDFs can hold the odd form feed or control byte; a run of them
            // is not text.
            if controls > 8 && controls * 20 > head.len() {
                return Err(binary_at(bytes, i));
            }
        }
    }
    Ok(())
}

fn binary_at(bytes: &[u8], offset: usize) -> Error {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let col = (offset
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1)) as u32
        + 1;
    Error::Binary { offset, line, col }
}

fn line_col(text: &str, pos: usize) -> (u32, u32) {
    let before = &text[..pos];
    let line = before.matches('\n').count() as u32 + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFCouncil\r\n").unwrap().text,
            "Council\n"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Caf\u{e9}\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap().text, "Café\n");
        // Windows-1252: curly quotes, en dash, pound sign.
        let d = decode(b"\x93Officers\x94 \x96 \xa35 for the Council's costs\n").unwrap();
        assert_eq!(d.text, "“Officers” – £5 for the Council's costs\n");
        assert_eq!(d.diagnostics[0].code, Code::DecodedEncoding);
        assert_eq!(decode(b"  \n\n").unwrap_err(), Error::Empty);
        assert_eq!(decode(b"").unwrap_err(), Error::Empty);
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(Error::Binary { offset: 4, .. })
        ));
        // e + combining acute becomes one character.
        assert_eq!(decode("Cafe\u{301}".as_bytes()).unwrap().text, "Café");
    }
}
