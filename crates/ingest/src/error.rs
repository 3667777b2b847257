//! The one error type of the readers: input that is not text at all, a Word file that cannot
//! be opened (or only once converted), a PDF without text.

/// Why bytes could not be read as a protocol.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The file holds nothing, or only whitespace.
    #[error("the file is empty")]
    Empty,
    /// The file holds bytes that text never holds (a NUL, or many control characters).
    #[error("this is not a text file (binary data at byte {offset})")]
    Binary { offset: usize, line: u32, col: u32 },
    /// The file is larger than the reader accepts ([`crate::Options::max_bytes`]).
    #[error("the file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    /// A clause is numbered deeper than the reader accepts ([`crate::Options::max_depth`]).
    #[error("clause {label} is numbered {depth} levels deep, over the limit of {limit}")]
    TooDeep {
        label: String,
        depth: usize,
        limit: usize,
        line: u32,
    },
    /// The document has more clauses than the reader accepts ([`crate::Options::max_clauses`]).
    #[error("the document has more than {limit} clauses")]
    TooManyClauses { limit: usize, line: u32 },
    /// A ZIP file that is not a readable Word document (truncated, damaged XML, no body).
    #[error("not a readable Word file: {reason}")]
    Docx { reason: String },
    /// PDF bytes were given to [`crate::read`]: a PDF is read from `pdftotext` output.
    #[error("this is a PDF; its text must be extracted with pdftotext first")]
    PdfNeedsText,
    /// The PDF is encrypted: its text cannot be extracted.
    #[error("the PDF is encrypted, so its text cannot be read")]
    PdfEncrypted,
    /// The PDF has pages but no text on them: a scan, or pages of images.
    #[error("the PDF has no text layer ({pages} page(s) of images or scans)")]
    PdfNoText { pages: usize },
    /// The text extractor's output could not be read.
    #[error("the PDF's text could not be read: {reason}")]
    PdfLayout { reason: String },
    /// A format read only through a conversion to `.docx` ([`crate::read_converted`]).
    #[error("this is {}, which is read only once converted to .docx", format.name())]
    NeedsConversion { format: crate::Format },
    /// A Word file encrypted with a password.
    #[error("the Word file is encrypted with a password, so its text cannot be read")]
    Encrypted,
    /// An office file that is not a word-processing document (a spreadsheet, a presentation).
    #[error("this is {what}, not a protocol")]
    NotAProtocol { what: &'static str },
}

impl Error {
    /// The 1-based line and column the error points at.
    pub fn position(&self) -> (u32, u32) {
        match self {
            Error::Binary { line, col, .. } => (*line, *col),
            Error::TooDeep { line, .. } | Error::TooManyClauses { line, .. } => (*line, 1),
            _ => (1, 1),
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Error::Empty => "give a protocol with some text in it",
            Error::Binary { .. } => {
                "concord reads text, Markdown, Word (.docx, .doc, .odt, .rtf) and PDF files; save other formats as one of those"
            }
            Error::TooLarge { .. } => "split the file, or check that it is really a protocol",
            Error::TooDeep { .. } => {
                "check that the numbers are clause numbers; a deeper protocol needs a higher depth limit"
            }
            Error::TooManyClauses { .. } => {
                "check that the file is one protocol; a longer one needs a higher clause limit"
            }
            Error::Docx { .. } => {
                "open the file in Word or LibreOffice and save it again as .docx, or save it as text"
            }
            Error::PdfNeedsText => "run `concord ingest FILE.pdf`, which calls pdftotext",
            Error::PdfEncrypted => {
                "save an unprotected copy of the PDF first, or ingest the Word file it was made from"
            }
            Error::PdfNoText { .. } => {
                "run OCR on the scan first (for example ocrmypdf), or ingest the Word file it was made from"
            }
            Error::PdfLayout { .. } => "check that pdftotext comes from poppler-utils 22 or later",
            Error::NeedsConversion { .. } => {
                "open it in Word or LibreOffice and save it as .docx, or install LibreOffice (soffice), which concord uses to convert it"
            }
            Error::Encrypted => {
                "open it in Word with its password and save a copy without one (File > Info > Protect Document)"
            }
            Error::NotAProtocol { .. } => {
                "concord reads protocols as text, Markdown, Word (.docx, .doc, .odt, .rtf) or PDF files"
            }
        }
    }
}
