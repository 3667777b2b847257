//! The bundled corpus, compiled into the binary: the five real protocols of `corpus/` and the
//! project's own synthetic ones, so that a user can compare with other councils without any
//! file at hand. Each is read once, when first asked for.

use std::sync::OnceLock;

use concord_model::Document;

/// A bundled protocol: its id (the file stem) and its text.
#[derive(Debug)]
pub struct Bundled {
    pub id: &'static str,
    pub file: &'static str,
    pub text: &'static str,
}

macro_rules! bundled {
    ($($id:literal => $file:literal),* $(,)?) => {
        &[$(Bundled { id: $id, file: $file, text: include_str!(concat!("../../../corpus/", $file)) }),*]
    };
}

/// Every bundled protocol, in the order of `corpus/`.
pub const BUNDLED: &[Bundled] = bundled! {
    "000_0739291e76a941b3" => "000_0739291e76a941b3.txt",
    "001_5977b984982b9da1" => "001_5977b984982b9da1.txt",
    "002_317f9fdcf88417d7" => "002_317f9fdcf88417d7.txt",
    "003_d91a8e6c4f59d3bb" => "003_d91a8e6c4f59d3bb.txt",
    "004_71cbc2f1760365f7" => "004_71cbc2f1760365f7.txt",
    "ashcombe-town" => "synthetic/ashcombe-town.txt",
    "westmoor-unitary" => "synthetic/westmoor-unitary.md",
};

/// A bundled protocol as read, with the words a list of them shows.
#[derive(Debug)]
pub struct Entry {
    pub id: &'static str,
    pub file: &'static str,
    pub doc: Document,
    /// "Tewkesbury Borough Council: Protocol ..." or the title alone.
    pub label: String,
}

/// The bundled protocols, read.
pub fn all() -> &'static [Entry] {
    static READ: OnceLock<Vec<Entry>> = OnceLock::new();
    READ.get_or_init(|| {
        BUNDLED
            .iter()
            .filter_map(|b| {
                let parsed = concord_ingest::read(
                    b.text.as_bytes(),
                    &format!("corpus/{}", b.file),
                    &concord_ingest::Options::default(),
                )
                .ok()?;
                let doc = parsed.document.after();
                let label = label(&doc, b.id);
                Some(Entry {
                    id: b.id,
                    file: b.file,
                    doc,
                    label,
                })
            })
            .collect()
    })
}

/// The bundled protocol with this id.
pub fn get(id: &str) -> Option<&'static Entry> {
    all().iter().find(|e| e.id == id)
}

fn label(doc: &Document, id: &str) -> String {
    let kind = doc.meta.kind.as_deref().map(|k| format!(" ({k})"));
    match (&doc.meta.council, &doc.meta.title) {
        (Some(c), _) => format!("{c}{}", kind.unwrap_or_default()),
        (None, Some(t)) => format!("{t}{}", kind.unwrap_or_default()),
        (None, None) => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_bundled_protocol_reads() {
        assert_eq!(super::all().len(), super::BUNDLED.len());
        assert!(super::get("003_d91a8e6c4f59d3bb").is_some());
        assert!(super::get("../etc/passwd").is_none());
    }
}
