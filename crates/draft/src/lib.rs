//! Drafting a council's protocol on member/officer relations from its choices.
//!
//! An options file (TOML) holds a council's choices in the vocabulary of the questions:
//! [`validate::parse`] checks it against the [`catalogue`] and fills in the defaults for the
//! council's kind, giving [`Options`] or every [`Problem`] with its `line:col`. A [`Drafter`],
//! given its [`Templates`], renders the template library (minijinja, strict undefined), numbers
//! the clauses after optional sections are dropped and resolves `ref("...")` cross-references,
//! giving a [`Drafted`]: a `concord_model::Document` and the template-id -> number map.
//! [`infer::options_toml`] goes the other way: given a protocol and the answers read from it,
//! it writes the options file that reproduces its choices (`concord options --from`).
//!
//! ```
//! use concord_draft::{Drafter, Templates, validate};
//! let options = validate::parse(r#"
//! [council]
//! name = "Little Haven Parish Council"
//! kind = "parish"
//! "#).unwrap();
//! let drafted = Drafter::new(Templates::Builtin).draft(&options).unwrap();
//! assert_eq!(drafted.document.meta.council.as_deref(), Some("Little Haven Parish Council"));
//! assert!(drafted.numbers.contains_key("complaints.officer"));
//! ```

pub mod catalogue;
mod drafter;
mod error;
pub mod infer;
pub mod options;
pub mod reference;
mod shape;
mod suggest;
mod templates;
pub mod validate;
mod words;

pub use drafter::{Drafted, Drafter, MAX_TEMPLATE_FUEL};
pub use error::{Error, Problem, line_col};
pub use options::{Answer, Council, Councillor, Options, Terms};
pub use suggest::closest;
pub use templates::{BUILTIN, ENTRY, Loader, MAX_TEMPLATE_BYTES, Templates};
pub use words::{How, RoleName, SHAPES, Words};
