//! Why a request could not be done, worded for the person at the browser: a title, what
//! happened, what to do, and the HTTP status. Each refusal of an upload (empty, not text, an
//! old Word file that cannot be converted, a scan, too large) has its own.

use concord_ingest::Error;

/// A request the server refuses, with the page that says why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// HTTP status.
    pub status: u16,
    /// The page's heading ("The file is empty").
    pub title: String,
    /// What happened, naming the file where there is one.
    pub message: String,
    /// What the user can do.
    pub hint: String,
}

impl Refusal {
    /// A refusal with its status, title, message and hint; the message is shown as a sentence
    /// (its first letter a capital).
    pub fn new(
        status: u16,
        title: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Refusal {
        Refusal {
            status,
            title: title.into(),
            message: sentence(&message.into()),
            hint: hint.into(),
        }
    }

    /// A refusal of a file (422) whose message starts with the file's name, kept as it is
    /// written.
    pub fn named(
        title: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Refusal {
        Refusal {
            status: 422,
            title: title.into(),
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// A file the user sent that cannot be read (422).
    pub fn file(
        title: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Refusal {
        Refusal::new(422, title, message, hint)
    }

    /// A form the server cannot use (400).
    pub fn form(message: impl Into<String>) -> Refusal {
        Refusal::new(
            400,
            "The form could not be read",
            message,
            "Go back, check what you chose and send the form again.",
        )
    }

    /// A failure of the server itself (500).
    pub fn internal(message: impl Into<String>) -> Refusal {
        Refusal::new(
            500,
            "Something went wrong",
            message,
            "Try again; if it happens again, run the same task with the concord command to see the full message.",
        )
    }

    /// A refusal of the file `name` for the reader's error `e`.
    pub fn reading(name: &str, e: &Error) -> Refusal {
        let title = match e {
            Error::Empty => "The file is empty",
            Error::Binary { .. } | Error::NotAProtocol { .. } => "The file is not a protocol",
            Error::TooLarge { .. } => "The file is too large",
            Error::TooDeep { .. } | Error::TooManyClauses { .. } => {
                "The file is too large to read safely"
            }
            Error::PdfNoText { .. } => "The PDF is a scan, with no text to read",
            Error::PdfEncrypted | Error::Encrypted => "The file is protected by a password",
            Error::NeedsConversion { .. } => "This kind of file needs converting first",
            _ => "The file cannot be read",
        };
        let (line, _) = e.position();
        let at = if line > 1 {
            format!(" (line {line})")
        } else {
            String::new()
        };
        Refusal::named(title, format!("{name}{at}: {e}."), sentence(e.hint()))
    }

    /// A file larger than the limit, refused as soon as it passes it (its whole size is not
    /// known then).
    pub fn too_large(name: &str, limit: usize) -> Refusal {
        Refusal::named(
            "The file is too large",
            format!("{name}: the file is larger than the limit of {limit} bytes."),
            sentence(Error::TooLarge { size: 0, limit }.hint()),
        )
    }
}

/// A hint as a sentence: a capital first letter and a full stop.
pub fn sentence(s: &str) -> String {
    let mut c = s.chars();
    let mut out: String = match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.title, self.message)
    }
}

impl std::error::Error for Refusal {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reading_error_has_its_own_title() {
        let empty = Refusal::reading("a.txt", &Error::Empty);
        assert_eq!(empty.title, "The file is empty");
        assert_eq!(empty.message, "a.txt: the file is empty.");
        assert!(empty.hint.starts_with("Give a protocol"), "{}", empty.hint);
        let scan = Refusal::reading("s.pdf", &Error::PdfNoText { pages: 1 });
        assert!(scan.title.contains("scan"));
        let big = Refusal::too_large("b.txt", 5);
        assert_eq!(big.title, "The file is too large");
        assert_eq!(big.status, 422);
    }
}
