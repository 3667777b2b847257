//! Bytes to text: BOMs (UTF-8, UTF-16), UTF-16 without a BOM (recognised by its zero bytes),
//! strict UTF-8, then a legacy-encoding guess (chardetng, hinted with the `uk` domain) for files
//! saved by older Windows tools. Line endings become `\n`, a form feed (a page break in text
//! extracted from a PDF) becomes a line break, other control characters (never protocol text,
//! and not allowed in the XML of DOCX and HTML output) are dropped, and the text is
//! NFC-normalised.

use concord_model::{Code, Diagnostic, Severity};
use unicode_normalization::UnicodeNormalization;

use crate::Error;

/// Decoded text plus what decoding did.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes `bytes`, refusing more than `max_bytes` of them.
pub fn decode(bytes: &[u8], max_bytes: usize) -> Result<Decoded, Error> {
    if bytes.len() > max_bytes {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: max_bytes,
        });
    }
    let mut diagnostics = Vec::new();
    let bom = encoding_rs::Encoding::for_bom(bytes);
    let text: String = if bom.is_none()
        && let Some(enc) = utf16_without_bom(bytes)
    {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        diagnostics.push(Diagnostic::new(
            Code::DecodedEncoding,
            Severity::Info,
            1,
            format!("no byte order mark; decoded as {}", enc.name()),
        ));
        if had_errors {
            diagnostics.push(Diagnostic::new(
                Code::MalformedText,
                Severity::Warning,
                1,
                "some bytes could not be decoded and were replaced",
            ));
        }
        check_controls(&text)?;
        text.into_owned()
    } else if let Some((enc, bom_len)) = bom {
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
    // (Two copies of the whole text, so only when there is a carriage return to replace.)
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    // Most council text is already NFC: the quick check skips rebuilding it.
    let text: String = match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    };
    // A form feed is a page break, so a line break; other control characters go.
    let text: String = if text.contains(|c: char| c.is_control() && c != '\n' && c != '\t') {
        text.chars()
            .filter_map(|c| match c {
                '\u{c}' => Some('\n'),
                '\n' | '\t' => Some(c),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect()
    } else {
        text
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

/// The share of zero bytes, in even and in odd positions, that marks UTF-16 without a BOM:
/// text in the Latin ranges leaves the high byte of nearly every unit zero, and text has no
/// NUL characters, so the low bytes are nearly never zero.
const UTF16_ZERO_HIGH: f64 = 0.9;
const UTF16_ZERO_LOW: f64 = 0.02;

/// UTF-16 (little- or big-endian) without a byte order mark, as some Windows tools save it.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    let units = head.len() / 2;
    if units < 2 {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count() as f64
            / units as f64
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd >= UTF16_ZERO_HIGH && even <= UTF16_ZERO_LOW {
        Some(encoding_rs::UTF_16LE)
    } else if even >= UTF16_ZERO_HIGH && odd <= UTF16_ZERO_LOW {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Rejects decoded text dense with control characters (binary data that happened to decode).
fn check_controls(text: &str) -> Result<(), Error> {
    let mut controls = 0usize;
    let mut seen = 0usize;
    for (i, c) in text.char_indices().take(8192) {
        seen += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            controls += 1;
            if controls > 8 && controls * 20 > seen {
                let (line, col) = line_col(text, i);
                return Err(Error::Binary {
                    offset: i,
                    line,
                    col,
                });
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
            decode(b"\xEF\xBB\xBFCouncil\r\n", usize::MAX).unwrap().text,
            "Council\n"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Caf\u{e9}\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16, usize::MAX).unwrap().text, "Café\n");
        // Windows-1252: curly quotes, en dash, pound sign.
        let d = decode(
            b"\x93Officers\x94 \x96 \xa35 for the Council's costs\n",
            usize::MAX,
        )
        .unwrap();
        assert_eq!(d.text, "“Officers” – £5 for the Council's costs\n");
        assert_eq!(d.diagnostics[0].code, Code::DecodedEncoding);
        assert_eq!(decode(b"  \n\n", usize::MAX).unwrap_err(), Error::Empty);
        assert_eq!(decode(b"", usize::MAX).unwrap_err(), Error::Empty);
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00", usize::MAX),
            Err(Error::Binary { offset: 4, .. })
        ));
        // UTF-16 without a BOM, both byte orders; a binary file with zero bytes is not text.
        let le: Vec<u8> = "Council\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Council\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&le, usize::MAX).unwrap().text, "Council\n");
        assert_eq!(decode(&be, usize::MAX).unwrap().text, "Council\n");
        let controls: Vec<u8> = (0u8..64).flat_map(|b| [b % 8, 0]).collect();
        assert!(matches!(
            decode(&controls, usize::MAX),
            Err(Error::Binary { .. })
        ));
        // A form feed is a line break; other control characters go.
        assert_eq!(
            decode(b"page one\x0cpage two\x07\n", usize::MAX)
                .unwrap()
                .text,
            "page one\npage two\n"
        );
        // e + combining acute becomes one character.
        assert_eq!(
            decode("Cafe\u{301}".as_bytes(), usize::MAX).unwrap().text,
            "Café"
        );
    }
}
