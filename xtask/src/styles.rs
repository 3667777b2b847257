//! The style matrix (`cargo xtask styles`, and a test): every protocol we hold (the seeds, the
//! synthetic protocols and the drafted examples) re-laid in the house styles and damages real
//! councils' documents come in, read back, and compared with what a careful reader finds.
//!
//! A style is a combination of how headings, clauses and items are numbered and set, how the
//! text is wrapped, and what damage extraction left (page furniture, contents lists, web
//! debris, hyphens, lost line breaks). The documents are laid out from the clause model, so the
//! matrix holds no copies of our prose; [`STYLES`] is the catalogue.

mod expect;
mod layout;

use std::path::Path;

use anyhow::Context as _;
use concord_model::Document;

pub use expect::Compare;

/// How a section heading is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingForm {
    /// `1. Introduction`
    Dot,
    /// `1 Introduction`
    NoDot,
    /// `1<TAB>Introduction`
    Tab,
    /// `Section 1: Introduction`
    Section,
    /// `1.` on a line, the heading on the next
    LineBefore,
    /// `1.Introduction`
    Glued,
    /// `**1. Introduction**`
    Bold,
    /// An unnumbered heading on its own line (its case set by [`Case`]).
    Plain,
    /// Unnumbered, underlined with dashes on the next line.
    Underlined,
    /// Unnumbered, in capitals.
    Caps,
}

impl HeadingForm {
    fn numbered(self) -> bool {
        !matches!(
            self,
            HeadingForm::Plain | HeadingForm::Underlined | HeadingForm::Caps
        )
    }
}

/// The case of top-level headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Keep,
    Upper,
    Sentence,
}

/// How a clause is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseForm {
    /// `1.1 text` (the source's own numbers; paragraphs of an unnumbered document stay so)
    Dotted,
    /// `1.1. text`
    DottedDot,
    /// `1.1<TAB>text`
    Wide,
    /// `1.1` on a line, the text on the next
    LabelLine,
    /// `- 1.1 text`
    Marker,
    /// `**1.1** text`
    Bold,
    /// `1(1) text`
    Paren,
    /// `1. text`, numbered on through the whole document
    Flat,
    /// every clause `1.`, as a web page's ordered lists come out of a text extraction
    Flattened,
    /// `(a) text` directly under a numbered heading
    Lettered,
}

/// How items are labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemForm {
    Keep,
    Bullet(&'static str),
    ParenLetter,
    CloseLetter,
    DotLetter,
    Roman,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    None,
    /// `Page 3 of 9`
    PageOf,
    /// `Tudalen 3 | Page 3`
    Bilingual,
    /// a page number, then the document's title, at every page break
    Running,
    /// `Anytown Parish Council - Protocol 2024   Page 3 of 9`
    CouncilYear,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents {
    None,
    /// `Contents`, then `1. Introduction ............ 2`
    Leaders,
    /// `Contents`, then `Introduction<TAB>2`
    Tabs,
    /// no `Contents` line, `1. Introduction` entries without page numbers
    Plain,
    /// `Contents`, then `Section 1: Introduction   2`
    SectionPages,
}

/// One house style.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub name: &'static str,
    pub heading: HeadingForm,
    pub case: Case,
    pub clause: ClauseForm,
    pub items: ItemForm,
    /// Hard-wrap paragraphs at this width.
    pub wrap: Option<usize>,
    /// Widen spaces to fill wrapped lines.
    pub justify: bool,
    /// Split long words at line ends with a hyphen.
    pub hyphenate: bool,
    /// Blank lines between paragraphs (a PDF extraction often has none).
    pub blank_lines: bool,
    pub furniture: Furniture,
    pub contents: Contents,
    /// Navigation lines, a breadcrumb and a "skip to" link before the title.
    pub web: bool,
    /// Every line break removed.
    pub one_line: bool,
}

const BASE: Style = Style {
    name: "base",
    heading: HeadingForm::Dot,
    case: Case::Keep,
    clause: ClauseForm::Dotted,
    items: ItemForm::Keep,
    wrap: None,
    justify: false,
    hyphenate: false,
    blank_lines: true,
    furniture: Furniture::None,
    contents: Contents::None,
    web: false,
    one_line: false,
};

/// The catalogue of styles.
pub const STYLES: &[Style] = &[
    BASE,
    Style {
        name: "heading-number-without-dot",
        heading: HeadingForm::NoDot,
        ..BASE
    },
    Style {
        name: "tabs-after-numbers",
        heading: HeadingForm::Tab,
        clause: ClauseForm::Wide,
        ..BASE
    },
    Style {
        name: "section-word-with-contents",
        heading: HeadingForm::Section,
        contents: Contents::SectionPages,
        ..BASE
    },
    Style {
        name: "numbers-on-the-line-before",
        heading: HeadingForm::LineBefore,
        clause: ClauseForm::LabelLine,
        ..BASE
    },
    Style {
        name: "glued-heading-numbers",
        heading: HeadingForm::Glued,
        case: Case::Upper,
        ..BASE
    },
    Style {
        name: "bold-labels",
        heading: HeadingForm::Bold,
        clause: ClauseForm::Bold,
        ..BASE
    },
    Style {
        name: "clauses-as-list-items",
        clause: ClauseForm::Marker,
        ..BASE
    },
    Style {
        name: "clause-numbers-with-trailing-dot",
        clause: ClauseForm::DottedDot,
        case: Case::Upper,
        ..BASE
    },
    Style {
        name: "paragraph-numbering",
        clause: ClauseForm::Paren,
        ..BASE
    },
    Style {
        name: "capital-headings-unnumbered",
        heading: HeadingForm::Caps,
        case: Case::Upper,
        ..BASE
    },
    Style {
        name: "title-headings-unnumbered",
        heading: HeadingForm::Plain,
        ..BASE
    },
    Style {
        name: "sentence-case-headings-unnumbered",
        heading: HeadingForm::Plain,
        case: Case::Sentence,
        ..BASE
    },
    Style {
        name: "underlined-headings",
        heading: HeadingForm::Underlined,
        ..BASE
    },
    Style {
        name: "paragraphs-numbered-through",
        heading: HeadingForm::Caps,
        case: Case::Upper,
        clause: ClauseForm::Flat,
        ..BASE
    },
    Style {
        name: "web-page-flattened-lists",
        heading: HeadingForm::Plain,
        clause: ClauseForm::Flattened,
        items: ItemForm::Bullet("•"),
        web: true,
        ..BASE
    },
    Style {
        name: "lettered-paragraphs-under-headings",
        clause: ClauseForm::Lettered,
        items: ItemForm::Roman,
        ..BASE
    },
    Style {
        name: "wrapped-at-50",
        wrap: Some(50),
        ..BASE
    },
    Style {
        name: "wrapped-at-72-no-blank-lines",
        wrap: Some(72),
        blank_lines: false,
        ..BASE
    },
    Style {
        name: "wrapped-at-90-justified",
        wrap: Some(90),
        justify: true,
        ..BASE
    },
    Style {
        name: "wrapped-at-110",
        wrap: Some(110),
        heading: HeadingForm::NoDot,
        ..BASE
    },
    Style {
        name: "hyphenated-at-60",
        wrap: Some(60),
        hyphenate: true,
        ..BASE
    },
    Style {
        name: "page-of-footers",
        wrap: Some(80),
        furniture: Furniture::PageOf,
        ..BASE
    },
    Style {
        name: "bilingual-footers",
        wrap: Some(85),
        furniture: Furniture::Bilingual,
        ..BASE
    },
    Style {
        name: "running-title-and-page-numbers",
        wrap: Some(75),
        furniture: Furniture::Running,
        ..BASE
    },
    Style {
        name: "council-and-year-footers",
        wrap: Some(95),
        furniture: Furniture::CouncilYear,
        heading: HeadingForm::Caps,
        case: Case::Upper,
        ..BASE
    },
    Style {
        name: "contents-with-dot-leaders",
        contents: Contents::Leaders,
        ..BASE
    },
    Style {
        name: "contents-with-tabs",
        contents: Contents::Tabs,
        heading: HeadingForm::Caps,
        case: Case::Upper,
        ..BASE
    },
    Style {
        name: "plain-numbered-contents",
        contents: Contents::Plain,
        ..BASE
    },
    Style {
        name: "line-breaks-removed",
        one_line: true,
        ..BASE
    },
    Style {
        name: "bulleted-items",
        items: ItemForm::Bullet("•"),
        ..BASE
    },
    Style {
        name: "items-letter-bracket",
        items: ItemForm::CloseLetter,
        ..BASE
    },
    Style {
        name: "items-letter-dot",
        items: ItemForm::DotLetter,
        wrap: Some(70),
        ..BASE
    },
    Style {
        name: "pdf-extraction-damage",
        heading: HeadingForm::NoDot,
        case: Case::Upper,
        wrap: Some(85),
        hyphenate: true,
        blank_lines: false,
        furniture: Furniture::PageOf,
        contents: Contents::Leaders,
        ..BASE
    },
    Style {
        name: "web-page-text",
        heading: HeadingForm::Plain,
        items: ItemForm::Bullet("•"),
        web: true,
        blank_lines: true,
        ..BASE
    },
];

/// A protocol the matrix re-lays.
#[derive(Debug)]
pub struct Source {
    pub name: String,
    pub doc: Document,
}

/// Every protocol we hold: the seeds and synthetic protocols as read (after their tracked
/// changes), and the drafted examples.
pub fn sources(root: &Path) -> anyhow::Result<Vec<Source>> {
    let mut out = Vec::new();
    let mut files = Vec::new();
    for dir in ["corpus", "corpus/synthetic"] {
        for e in std::fs::read_dir(root.join(dir)).with_context(|| format!("listing {dir}"))? {
            let p = e?.path();
            if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md"))
                && p.file_name().is_some_and(|n| n != "README.md")
            {
                files.push(p);
            }
        }
    }
    files.sort();
    for p in files {
        let bytes = std::fs::read(&p).with_context(|| format!("reading {}", p.display()))?;
        let parsed = concord_ingest::read(&bytes, &p.display().to_string(), &Default::default())
            .with_context(|| format!("reading {}", p.display()))?;
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push(Source {
            name,
            doc: parsed.document.after(),
        });
    }
    let mut examples: Vec<_> = std::fs::read_dir(root.join("templates/examples"))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    examples.sort();
    for p in examples {
        let text = std::fs::read_to_string(&p)?;
        let options = concord_draft::validate::parse(&text)
            .map_err(|e| anyhow::anyhow!("{}: {e:?}", p.display()))?;
        let drafted = concord_draft::Drafter::new(concord_draft::Templates::Builtin)
            .draft(&options)
            .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
        out.push(Source {
            name: format!(
                "draft-{}",
                p.file_stem().unwrap_or_default().to_string_lossy()
            ),
            doc: drafted.document,
        });
    }
    Ok(out)
}

/// One document in one style.
#[derive(Debug)]
pub struct Outcome {
    pub source: String,
    pub style: &'static str,
    /// The differences from what a careful reader finds (empty: read back exactly).
    pub differences: Vec<String>,
}

/// The laid-out text of `doc` in `style`, read back and compared; `None` when the style cannot
/// carry the document.
pub fn try_style(doc: &Document, style: &Style) -> Option<(String, Vec<String>)> {
    let (text, expected) = layout::lay_out(doc, style)?;
    let cmp = Compare {
        ignore_hyphens: style.hyphenate,
    };
    let differences = match concord_ingest::read(text.as_bytes(), "styled.txt", &Default::default())
    {
        Ok(p) => expect::compare(&expected, &p.document, cmp),
        Err(e) => vec![format!("not read: {e}")],
    };
    Some((text, differences))
}

/// Every source in every style that can carry it.
pub fn matrix(sources: &[Source]) -> Vec<Outcome> {
    let mut out = Vec::new();
    for s in sources {
        for style in STYLES {
            if let Some((_, differences)) = try_style(&s.doc, style) {
                out.push(Outcome {
                    source: s.name.clone(),
                    style: style.name,
                    differences,
                });
            }
        }
    }
    out
}

/// `cargo xtask styles [--show SOURCE STYLE] [--verbose]`.
pub fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let sources = sources(root)?;
    if let Some(i) = args.iter().position(|a| a == "--show") {
        let (Some(src), Some(style)) = (args.get(i + 1), args.get(i + 2)) else {
            anyhow::bail!("usage: cargo xtask styles --show SOURCE STYLE");
        };
        let s = sources
            .iter()
            .find(|s| &s.name == src)
            .with_context(|| format!("no source named {src}"))?;
        let st = STYLES
            .iter()
            .find(|s| s.name == style)
            .with_context(|| format!("no style named {style}"))?;
        let Some((text, diffs)) = try_style(&s.doc, st) else {
            anyhow::bail!("{style} cannot carry {src}");
        };
        print!("{text}");
        eprintln!("--- {} difference(s)", diffs.len());
        for d in diffs {
            eprintln!("{d}");
        }
        return Ok(());
    }
    let verbose = args.iter().any(|a| a == "--verbose");
    let outcomes = matrix(&sources);
    let exact = outcomes.iter().filter(|o| o.differences.is_empty()).count();
    println!(
        "{} document(s) x {} style(s): {} combination(s) apply, {exact} read back exactly",
        sources.len(),
        STYLES.len(),
        outcomes.len()
    );
    for style in STYLES {
        let of: Vec<&Outcome> = outcomes.iter().filter(|o| o.style == style.name).collect();
        let bad: Vec<&&Outcome> = of.iter().filter(|o| !o.differences.is_empty()).collect();
        println!(
            "{:40} {:>2}/{:<2} {}",
            style.name,
            of.len() - bad.len(),
            of.len(),
            bad.iter()
                .map(|o| o.source.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        if verbose {
            for o in bad {
                for d in o.differences.iter().take(4) {
                    println!("    {}: {d}", o.source);
                }
            }
        }
    }
    if exact < outcomes.len() {
        anyhow::bail!("{} combination(s) misread", outcomes.len() - exact);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every protocol we hold, in every style that can carry it, reads back to what a careful
    /// reader finds in it.
    #[test]
    fn every_document_reads_back_in_every_style() {
        let sources = sources(&crate::root()).expect("the corpus and examples read");
        assert!(
            sources.len() >= 10,
            "the seeds, synthetic protocols and examples"
        );
        let outcomes = matrix(&sources);
        assert!(outcomes.len() >= 300, "{} combinations", outcomes.len());
        let misread: Vec<String> = outcomes
            .iter()
            .filter(|o| !o.differences.is_empty())
            .map(|o| format!("{} in {}: {}", o.source, o.style, o.differences[0]))
            .collect();
        assert!(misread.is_empty(), "misread:\n{}", misread.join("\n"));
    }
}
