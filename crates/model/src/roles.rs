//! The role lexicon: the offices a protocol names, each with one canonical id however the text
//! writes it ("Joint Monitoring Officer", "the principal council's monitoring Officer/Clerk" and
//! "Monitoring Officer" are all `monitoring-officer`).
//!
//! The lexicon is data ([`ROLES`]): every role lists its display name and its aliases. An alias is a phrase matched word by word, case-insensitively, with a
//! few conditions that real council text needs: some hold only in a local (parish, town,
//! community) council or only in a principal one ("Head of Paid Service" is the Clerk in a
//! parish, the Chief Executive elsewhere), some only when capitalised ("Leader", "Director"),
//! some only after a determiner ("the chair", not "chair meetings") or a possessive ("their
//! manager"). Welsh titles (Prif Weithredwr, Swyddog Monitro, Clerc, Cadeirydd, Arweinydd,
//! Cyngor Llawn...) are aliases like any other, with the soft-mutated forms a sentence gives them
//! ("ei Brif Weithredwr", "i Glerc y Cyngor"). Qualifiers (joint, deputy, of the principal council) are read from the words
//! around a match and kept beside the id in a [`Mention`]. To teach the lexicon a new way of
//! writing a role, add an alias; the longest alias wins where several match.
//!
//! ```
//! use concord_model::roles::{Lexicon, Qualifier, Shape};
//! let lexicon = Lexicon::new(Shape::Local);
//! let found = lexicon.mentions("referred to the principal council's monitoring Officer/Clerk");
//! assert_eq!(found[0].role, "monitoring-officer");
//! assert_eq!(found[0].qualifiers, [Qualifier::PrincipalCouncil]);
//! assert_eq!(Lexicon::new(Shape::Local).roles("the head of paid service"), ["clerk"]);
//! assert_eq!(Lexicon::new(Shape::Principal).roles("the Head of Paid Service"), ["chief-executive"]);
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::words::{Token, tokens};

/// Every council kind the model knows, in the order option listings show them.
pub const KINDS: &[&str] = &[
    "parish",
    "town",
    "community",
    "district",
    "borough",
    "county",
    "unitary",
    "metropolitan",
    "london-borough",
    "welsh-principal",
    "joint",
];

/// The broad shape of a council, which decides its officers and how some titles resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A parish, town or community council: a Clerk and a Chair, no directorates.
    Local,
    /// A principal council with a Chief Executive and directorates.
    Principal,
    /// Two or more principal councils sharing officers (a Joint Chief Executive...).
    Joint,
}

/// The shape of a kind from [`KINDS`]; unknown kinds (and none) are principal councils, the
/// commonest author of these protocols.
pub fn shape(kind: &str) -> Shape {
    match kind {
        "parish" | "town" | "community" => Shape::Local,
        "joint" => Shape::Joint,
        _ => Shape::Principal,
    }
}

/// Something said about a role beside its id.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// Shared between councils: "Joint Chief Executive".
    Joint,
    /// Standing in: "Deputy Monitoring Officer", "Vice-Chair", "Deputy Group Leader".
    Deputy,
    /// Held by the principal council, not the local council whose protocol it is: "the
    /// principal council's monitoring Officer".
    PrincipalCouncil,
}

impl Qualifier {
    /// The kebab-case name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Joint => "joint",
            Qualifier::Deputy => "deputy",
            Qualifier::PrincipalCouncil => "principal-council",
        }
    }
}

/// Which councils an alias holds in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Councils {
    /// Every council.
    All,
    /// Parish, town and community councils only.
    Local,
    /// Principal and joint councils only.
    Principal,
}

impl Councils {
    fn admits(self, shape: Shape) -> bool {
        match self {
            Councils::All => true,
            Councils::Local => shape == Shape::Local,
            Councils::Principal => shape != Shape::Local,
        }
    }
}

/// What must stand before an alias for it to name the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Before {
    /// Nothing.
    Anything,
    /// An article or similar ("the chair", "a committee chair"), so the verb "chair" is not a role.
    Determiner,
    /// "the" (or "this", "that"): the one officer meant, not any ("an Officer/Clerk").
    Definite,
    /// A possessive ("their manager", "the Officer's Manager"), so "a manager" in general is not.
    Possessive,
}

/// One way of writing a role.
#[derive(Debug, Clone, Copy)]
pub struct Alias {
    /// The words, as written (punctuation between words does not matter: "Group Chair / Leader"
    /// is `group chair leader`).
    pub phrase: &'static str,
    /// Also matches with an `s` on its last word ("Executive Directors").
    pub plural: bool,
    /// Only when its first word is capitalised ("the Leader", not "community leader").
    pub capitalised: bool,
    /// What must come before it.
    pub before: Before,
    /// The councils in which it names this role.
    pub councils: Councils,
    /// Words that must not stand just before it ("Clerk" in "Officer/Clerks" is no Clerk).
    pub not_after: &'static [&'static str],
}

impl Alias {
    /// An alias that matches anywhere, singular or plural.
    pub const fn new(phrase: &'static str) -> Alias {
        Alias {
            phrase,
            plural: true,
            capitalised: false,
            before: Before::Anything,
            councils: Councils::All,
            not_after: &[],
        }
    }
    /// Only the singular form.
    pub const fn singular(self) -> Alias {
        Alias {
            plural: false,
            ..self
        }
    }
    /// Only when capitalised.
    pub const fn capitalised(self) -> Alias {
        Alias {
            capitalised: true,
            ..self
        }
    }
    /// Only after something.
    pub const fn after(self, before: Before) -> Alias {
        Alias { before, ..self }
    }
    /// Never straight after one of these words.
    pub const fn not_after(self, not_after: &'static [&'static str]) -> Alias {
        Alias { not_after, ..self }
    }
    /// Only in these councils.
    pub const fn only(self, councils: Councils) -> Alias {
        Alias { councils, ..self }
    }
}

/// Which side of the relationship a role stands on: an officer (paid staff), a councillor
/// holding an office, or a body of the council. A complaint about the Chief Executive is a
/// complaint about an officer; one about the Leader, about a councillor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Party {
    /// Paid staff: the Monitoring Officer, a Director, the Clerk, the communications team.
    Officer,
    /// A councillor in an office: the Leader, a Chair, a Group Leader, a Portfolio Holder.
    Councillor,
    /// A committee, panel or the council itself.
    Body,
}

/// A canonical role.
#[derive(Debug, Clone, Copy)]
pub struct Role {
    /// The canonical id (`monitoring-officer`).
    pub id: &'static str,
    /// How a reader names it ("Monitoring Officer").
    pub name: &'static str,
    /// Officer, councillor or body.
    pub party: Party,
    /// The ways of writing it.
    pub aliases: &'static [Alias],
}

const fn a(phrase: &'static str) -> Alias {
    Alias::new(phrase)
}

/// The lexicon (DESIGN.md "Roles", with the bodies and local offices of issue 13), in
/// catalogue order. An alias word `*` stands for one to four capitalised words of a name ("the
/// Chair of the Planning Committee").
pub const ROLES: &[Role] = &[
    Role {
        id: "monitoring-officer",
        name: "Monitoring Officer",
        party: Party::Officer,
        aliases: &[
            a("monitoring officer"),
            // A find-and-replace of "Officer" with "Officer/Clerk" (seed 001).
            a("monitoring officer clerk"),
            // Welsh: Swyddog Monitro.
            a("swyddog monitro"),
        ],
    },
    Role {
        id: "chief-executive",
        name: "Chief Executive",
        party: Party::Officer,
        aliases: &[
            a("chief executive"),
            a("chief executive officer"),
            a("managing director").only(Councils::Principal),
            a("head of paid service").only(Councils::Principal),
            a("head of paid services").only(Councils::Principal),
            // Welsh: Prif Weithredwr, soft-mutated "Brif Weithredwr" ("ei Brif Weithredwr"),
            // and Pennaeth y Gwasanaeth Cyflogedig (Head of Paid Service).
            a("prif weithredwr"),
            a("brif weithredwr"),
            a("pennaeth y gwasanaeth cyflogedig").only(Councils::Principal),
        ],
    },
    Role {
        id: "chief-finance-officer",
        name: "Chief Finance Officer",
        party: Party::Officer,
        aliases: &[
            a("chief finance officer"),
            a("chief financial officer"),
            a("section 151 officer"),
            a("s151 officer"),
            a("responsible financial officer"),
        ],
    },
    Role {
        id: "clerk",
        name: "Clerk",
        party: Party::Officer,
        aliases: &[
            // Not the "Clerk" of "Officer/Clerk(s)": see the alias below.
            a("clerk").capitalised().not_after(&["officer"]),
            a("clerk").after(Before::Determiner).not_after(&["officer"]),
            a("town clerk"),
            a("parish clerk"),
            a("clerk to the council").singular(),
            a("proper officer"),
            a("proper officer clerk"),
            // In a local council "the Officer/Clerk" is its one officer, the Clerk; plural
            // "Officer/Clerks" are officers in general.
            a("officer clerk")
                .singular()
                .after(Before::Definite)
                .only(Councils::Local),
            a("head of paid service").only(Councils::Local),
            a("head of paid services").only(Councils::Local),
            // Welsh: Clerc, Clerc y Cyngor, Clerc y Dref (Town Clerk); soft-mutated "Glerc".
            a("clerc").capitalised(),
            a("glerc").capitalised(),
            a("clerc y cyngor").singular(),
            a("clerc y dref").singular(),
            a("pennaeth y gwasanaeth cyflogedig").only(Councils::Local),
        ],
    },
    Role {
        id: "executive-director",
        name: "Executive Director",
        party: Party::Officer,
        aliases: &[a("executive director")],
    },
    Role {
        id: "strategic-director",
        name: "Strategic Director",
        party: Party::Officer,
        aliases: &[a("strategic director")],
    },
    Role {
        id: "director",
        name: "Director",
        party: Party::Officer,
        aliases: &[
            a("director").capitalised(),
            a("corporate director"),
            a("service director"),
            // "their respective director": the director of the officer's service.
            a("respective director"),
        ],
    },
    Role {
        id: "assistant-director",
        name: "Assistant Director",
        party: Party::Officer,
        aliases: &[a("assistant director")],
    },
    Role {
        id: "associate-director",
        name: "Associate Director",
        party: Party::Officer,
        aliases: &[a("associate director")],
    },
    Role {
        id: "chief-officer",
        name: "Chief Officer",
        party: Party::Officer,
        aliases: &[a("chief officer")],
    },
    Role {
        id: "head-of-service",
        name: "Head of Service",
        party: Party::Officer,
        aliases: &[
            a("head of service").singular(),
            a("heads of service"),
            a("service head"),
            a("service manager"),
            a("head of department").singular(),
            a("heads of department"),
            a("departmental head"),
            // "the Head of Democratic Services": a head of a named service.
            a("head of * services").singular(),
            a("head of * service").singular(),
        ],
    },
    Role {
        id: "senior-officer",
        name: "Senior Officer",
        party: Party::Officer,
        aliases: &[
            a("senior officer"),
            a("senior manager"),
            a("corporate management team"),
            a("senior management team"),
            a("senior leadership team"),
            a("corporate leadership team"),
        ],
    },
    Role {
        id: "line-manager",
        name: "Line Manager",
        party: Party::Officer,
        aliases: &[
            a("line manager"),
            a("immediate manager"),
            // "their Manager", "the Officer's Manager", but not "a manager" in general.
            a("manager").after(Before::Possessive),
        ],
    },
    Role {
        id: "group-leader",
        name: "Political Group Leader",
        party: Party::Councillor,
        aliases: &[
            a("group leader"),
            a("political group leader"),
            a("party group leader"),
            a("opposition group leader"),
            a("group chair leader"),
            a("group chair or leader"),
            a("leader of any political group").singular(),
            a("leader of a political group").singular(),
            a("leader of the political group").singular(),
            a("leaders of the political groups").singular(),
            a("leaders of all the political groups").singular(),
            a("leaders of all political groups").singular(),
            a("leaders of the groups").singular(),
            a("leaders of all the groups").singular(),
            // "the leader of the councillor's political group", "of their political group".
            a("leader of the councillor s political group").singular(),
            a("leader of the member s political group").singular(),
            a("leader of their political group").singular(),
            a("leader of the opposition").singular(),
            a("opposition leader").singular(),
            // Welsh: Arweinydd y Grŵp, Arweinydd Grŵp (Gwleidyddol).
            a("arweinydd y grŵp").singular(),
            a("arweinydd grŵp").singular(),
            a("arweinydd grŵp gwleidyddol").singular(),
        ],
    },
    Role {
        id: "leader",
        name: "Leader of the Council",
        party: Party::Councillor,
        aliases: &[
            // "the Leader"; "the Leaders of the two councils" in a joint protocol.
            a("leader").capitalised(),
            a("leader of the council").singular(),
            a("council leader").singular(),
            a("elected mayor").singular(),
            // Welsh: Arweinydd, Arweinydd y Cyngor.
            a("arweinydd").capitalised().singular(),
            a("arweinydd y cyngor").singular(),
        ],
    },
    Role {
        id: "chair",
        name: "Chair",
        party: Party::Councillor,
        aliases: &[
            a("chair").capitalised(),
            a("chair").after(Before::Determiner),
            a("chairman").singular(),
            a("chairmen"),
            a("chairperson"),
            a("chair of the council").singular(),
            a("chairman of the council").singular(),
            a("chair of council").singular(),
            a("mayor").capitalised(),
            a("town mayor").singular(),
            // Welsh: Cadeirydd (soft-mutated "Gadeirydd"), Cadeirydd y Cyngor, Maer, Maer y
            // Dref ("i Faer y Dref").
            a("cadeirydd").capitalised().singular(),
            a("gadeirydd").capitalised().singular(),
            a("cadeirydd y cyngor").singular(),
            a("maer").capitalised().singular(),
            a("maer y dref").singular(),
            a("faer y dref").singular(),
        ],
    },
    Role {
        id: "committee-chair",
        name: "Committee Chair",
        party: Party::Councillor,
        aliases: &[
            a("committee chair"),
            a("committee chairman").singular(),
            a("committee chairmen"),
            a("chair of the committee").singular(),
            a("chair of a committee").singular(),
            a("chair of that committee").singular(),
            a("chair of the relevant committee").singular(),
            a("chairman of the committee").singular(),
            a("chairs of committees").singular(),
            a("chairs of the committees").singular(),
            a("chair of the * committee").singular(),
            a("chair of the * sub committee").singular(),
            a("chair of the * panel").singular(),
            a("chairman of the * committee").singular(),
            a("scrutiny chair"),
            a("overview and scrutiny chair"),
            a("overview & scrutiny chair"),
            // Welsh: Cadeirydd y Pwyllgor, Cadeirydd Pwyllgor ... .
            a("cadeirydd y pwyllgor").singular(),
            a("cadeirydd pwyllgor").singular(),
            a("cadeirydd y pwyllgor *").singular(),
        ],
    },
    Role {
        id: "portfolio-holder",
        name: "Portfolio Holder",
        party: Party::Councillor,
        aliases: &[
            a("portfolio holder"),
            a("lead member").capitalised(),
            a("cabinet member"),
            a("executive member"),
        ],
    },
    Role {
        id: "standards-committee",
        name: "Standards Committee",
        party: Party::Body,
        aliases: &[
            a("standards committee"),
            a("standards sub committee"),
            a("standards and ethics committee"),
            a("standards panel"),
            // Welsh: Pwyllgor Safonau.
            a("pwyllgor safonau"),
        ],
    },
    Role {
        id: "communications-team",
        name: "Communications Team",
        party: Party::Officer,
        aliases: &[
            a("communications team"),
            a("communications manager"),
            a("communications officer"),
            a("communications and marketing team"),
            a("communications service"),
            a("communications unit"),
            a("head of communications").singular(),
            a("press office"),
            a("press officer"),
            a("press team"),
            a("press and communications team"),
            a("media team"),
            a("media officer"),
            a("communications and * manager"),
            a("communications and * team"),
            a("public relations manager"),
            a("public relations officer"),
            a("public relations team"),
            a("communications lead"),
            a("head of media").singular(),
        ],
    },
    Role {
        id: "staffing-committee",
        name: "Staffing Committee",
        party: Party::Body,
        aliases: &[
            a("staffing committee"),
            a("staffing sub committee"),
            a("staffing panel"),
            a("personnel committee"),
            a("personnel sub committee"),
            a("personnel panel"),
            a("employment committee"),
            a("employment panel"),
            a("staff committee"),
            a("human resources committee"),
            a("hr committee"),
            a("chief officer employment committee"),
            a("chief officers employment committee"),
        ],
    },
    Role {
        id: "appointments-panel",
        name: "Appointments Panel",
        party: Party::Body,
        aliases: &[
            a("appointments panel"),
            a("appointment panel"),
            a("appointments committee"),
            a("appointments sub committee"),
            a("chief officer appointments panel"),
            a("chief officers appointments panel"),
            a("chief officer appointments committee"),
            a("chief officers appointments committee"),
        ],
    },
    Role {
        id: "full-council",
        name: "Full Council",
        party: Party::Body,
        aliases: &[
            a("full council").singular(),
            a("full town council").singular(),
            a("full parish council").singular(),
            a("full community council").singular(),
            // "put to the next meeting of the Council": the whole council met.
            a("meeting of the council").singular(),
            a("meeting of the town council").singular(),
            a("meeting of the parish council").singular(),
            a("meeting of the community council").singular(),
            // Welsh: Cyngor Llawn ("the full council").
            a("cyngor llawn").singular(),
        ],
    },
    Role {
        id: "audit-committee",
        name: "Audit Committee",
        party: Party::Body,
        aliases: &[
            a("audit committee"),
            a("audit and governance committee"),
            a("audit & governance committee"),
            a("governance and audit committee"),
            a("governance & audit committee"),
            a("audit and risk committee"),
            a("audit & risk committee"),
        ],
    },
];

/// The role with this id.
pub fn role(id: &str) -> Option<&'static Role> {
    ROLES.iter().find(|r| r.id == id)
}

/// True when `id` is a canonical role id.
pub fn is_role(id: &str) -> bool {
    role(id).is_some()
}

/// A role named in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Mention {
    /// The canonical id.
    pub role: String,
    /// Joint, deputy, of the principal council.
    pub qualifiers: Vec<Qualifier>,
    /// The words as written, qualifiers included ("Joint Monitoring Officer").
    pub text: String,
    /// Byte offsets of those words in the text searched.
    pub start: usize,
    pub end: usize,
}

/// Words that make the next word a noun: "the chair", "a committee chair".
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "each",
    "any",
    "every",
    "relevant",
    "appropriate",
    "committee",
    "council",
    "vice",
    "deputy",
    "their",
    "its",
    "his",
    "her",
    "your",
    "our",
    "proper",
];
/// Words that own what follows: "their manager".
const POSSESSIVES: &[&str] = &["their", "his", "her", "your", "its", "own", "my"];

/// Punctuation that may stand inside a role's words ("Officer/Clerk", "Group Chair / Leader",
/// "Vice-Chair", "Overview & Scrutiny"); anything else (a comma, a full stop, a bracket) ends it.
fn joins(sep: &str) -> bool {
    sep.chars()
        .all(|c| c.is_whitespace() || matches!(c, '/' | '-' | '&' | '‐' | '–'))
        && sep.chars().filter(|c| !c.is_whitespace()).count() <= 1
}

#[derive(Debug, Clone)]
struct Compiled {
    role: &'static str,
    words: Vec<String>,
    alias: Alias,
}

/// The words of an alias phrase, lowercased as the tokenizer would; `*` is kept as a word.
fn alias_words(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .flat_map(|w| {
            if w == "*" {
                vec!["*".to_string()]
            } else {
                tokens(w)
                    .into_iter()
                    .map(|t| t.lower.into_owned())
                    .collect()
            }
        })
        .collect()
}

/// The lexicon resolved for one kind of council: the aliases that hold there, longest first.
#[derive(Debug, Clone)]
pub struct Lexicon {
    shape: Shape,
    aliases: Vec<Compiled>,
    /// The aliases (indexes into `aliases`, ascending) by first word, so a word is tried only
    /// against the aliases it can start: every word of every clause is looked up here.
    by_first: HashMap<String, Vec<u32>, Fnv>,
    /// One-word aliases that may be plural, by their word: "Directors" is tried against
    /// "director" through its stem.
    by_plural: HashMap<String, Vec<u32>, Fnv>,
}

/// FNV-1a for the lexicon's maps: keys are short words looked up for every word of every
/// clause, where SipHash's protection against crafted keys costs more than the lookup.
#[derive(Debug, Clone, Copy, Default)]
struct Fnv;

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

#[derive(Debug)]
struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl Lexicon {
    /// The lexicon as it reads in a council of this shape.
    pub fn new(shape: Shape) -> Lexicon {
        let mut aliases: Vec<Compiled> = ROLES
            .iter()
            .flat_map(|r| {
                r.aliases
                    .iter()
                    .filter(|al| al.councils.admits(shape))
                    .map(|al| Compiled {
                        role: r.id,
                        words: alias_words(al.phrase),
                        alias: *al,
                    })
            })
            .collect();
        // Longest first, so "Executive Director" wins over "Director" and "monitoring
        // Officer/Clerk" over "Officer/Clerk". The sort is stable: ties keep catalogue order.
        aliases.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        let mut by_first: HashMap<String, Vec<u32>, Fnv> = HashMap::default();
        let mut by_plural: HashMap<String, Vec<u32>, Fnv> = HashMap::default();
        for (k, c) in aliases.iter().enumerate() {
            let Some(first) = c.words.first() else {
                continue;
            };
            by_first.entry(first.clone()).or_default().push(k as u32);
            if c.words.len() == 1 && c.alias.plural {
                by_plural.entry(first.clone()).or_default().push(k as u32);
            }
        }
        Lexicon {
            shape,
            aliases,
            by_first,
            by_plural,
        }
    }

    /// The lexicon of a council shape, built once per process and shared: building one sorts
    /// and indexes every alias, which is wasted work to repeat for every document of a corpus.
    pub fn shared(shape: Shape) -> &'static Lexicon {
        static LOCAL: OnceLock<Lexicon> = OnceLock::new();
        static PRINCIPAL: OnceLock<Lexicon> = OnceLock::new();
        static JOINT: OnceLock<Lexicon> = OnceLock::new();
        let cell = match shape {
            Shape::Local => &LOCAL,
            Shape::Principal => &PRINCIPAL,
            Shape::Joint => &JOINT,
        };
        cell.get_or_init(|| Lexicon::new(shape))
    }

    /// The shared lexicon for a document's `meta.kind` (none reads as a principal council).
    pub fn shared_for_kind(kind: Option<&str>) -> &'static Lexicon {
        Lexicon::shared(kind.map_or(Shape::Principal, shape))
    }

    /// The lexicon for a document's `meta.kind` (none reads as a principal council).
    pub fn for_kind(kind: Option<&str>) -> Lexicon {
        Lexicon::new(kind.map_or(Shape::Principal, shape))
    }

    /// The council shape this lexicon reads for.
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// Every role named in `text`, in reading order.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let toks = tokens(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match self.match_at(text, &toks, i) {
                Some((role, len)) => {
                    let (first, qualifiers) = qualifiers(text, &toks, i, i + len);
                    let start = toks[first].start;
                    let end = toks[i + len - 1].end;
                    out.push(Mention {
                        role: role.to_string(),
                        qualifiers,
                        text: text[start..end].to_string(),
                        start,
                        end,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The canonical ids named in `text`, in order of first mention, each once.
    pub fn roles(&self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in self.mentions(text) {
            if !out.contains(&m.role) {
                out.push(m.role);
            }
        }
        out
    }

    fn match_at(&self, text: &str, toks: &[Token], i: usize) -> Option<(&'static str, usize)> {
        // Only aliases that start with this word (or, for one-word plurals, with its stem)
        // can match here; they are tried in the lexicon's order, as if all were.
        let lower = &*toks[i].lower;
        let exact = self.by_first.get(lower).map_or(&[][..], Vec::as_slice);
        let plural = lower
            .strip_suffix('s')
            .and_then(|stem| self.by_plural.get(stem))
            .map_or(&[][..], Vec::as_slice);
        let (mut a, mut b) = (exact.iter().peekable(), plural.iter().peekable());
        let candidates = std::iter::from_fn(|| match (a.peek(), b.peek()) {
            (Some(&&x), Some(&&y)) if y < x => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        });
        for c in candidates.map(|&k| &self.aliases[k as usize]) {
            let Some(n) = words_at(text, toks, i, &c.words, c.alias.plural, true) else {
                continue;
            };
            if c.alias.capitalised && !toks[i].capitalised {
                continue;
            }
            let prev = i
                .checked_sub(1)
                .map(|p| (&toks[p], &text[toks[p].end..toks[i].start]));
            if prev.is_some_and(|(p, sep)| joins(sep) && c.alias.not_after.contains(&&*p.lower)) {
                continue;
            }
            // "non-Cabinet Members" are everyone but the role.
            if prev.is_some_and(|(p, sep)| p.lower == "non" && sep.contains('-')) {
                return None;
            }
            let ok = match c.alias.before {
                Before::Anything => true,
                Before::Determiner => {
                    prev.is_some_and(|(p, sep)| DETERMINERS.contains(&&*p.lower) && joins(sep))
                }
                Before::Definite => prev.is_some_and(|(p, sep)| {
                    matches!(&*p.lower, "the" | "this" | "that") && joins(sep)
                }),
                Before::Possessive => prev.is_some_and(|(p, sep)| {
                    (POSSESSIVES.contains(&&*p.lower) && joins(sep))
                        || (p.lower == "s" && p.start > 0 && text[..p.start].ends_with(['\'', '’']))
                }),
            };
            if ok {
                return Some((c.role, n));
            }
        }
        None
    }
}

/// How many tokens from `i` the alias words match, or `None`. A word `*` takes one to
/// [`MAX_WILD`] capitalised words (or "and", "of" inside a name); the last word may take a
/// plural `s`; punctuation between words must join them (see [`joins`]). `first` says that
/// token `i` starts the alias, so nothing before it need join.
fn words_at(
    text: &str,
    toks: &[Token],
    i: usize,
    words: &[String],
    plural: bool,
    first: bool,
) -> Option<usize> {
    let Some((w, rest)) = words.split_first() else {
        return Some(0);
    };
    // The separator before token `j` joins it to the token before (a possessive "s" follows
    // its apostrophe: "the councillor's political group").
    let joined = |j: usize, word: &str| {
        j > 0 && {
            let sep = &text[toks[j - 1].end..toks[j].start];
            // "the Chief Officers' Appointments Panel": a plural's apostrophe inside a name.
            let plural_possessive = toks[j - 1].lower.ends_with('s')
                && sep.starts_with(['\'', '’'])
                && sep[1..].chars().all(char::is_whitespace)
                && !sep[1..].is_empty();
            joins(sep) || (word == "s" && matches!(sep, "'" | "’")) || plural_possessive
        }
    };
    if w == "*" {
        for len in 1..=MAX_WILD {
            let j = i + len - 1;
            let t = toks.get(j)?;
            let name_word = t.capitalised || matches!(&*t.lower, "and" | "of");
            let starts = first && len == 1;
            if !name_word || !(starts || joined(j, &t.lower)) {
                return None;
            }
            if let Some(n) = words_at(text, toks, j + 1, rest, plural, false) {
                return Some(len + n);
            }
        }
        return None;
    }
    let t = toks.get(i)?;
    let same = t.lower == *w
        || (rest.is_empty() && plural && t.lower.strip_suffix('s') == Some(w.as_str()));
    if !same || (!first && !joined(i, w)) {
        return None;
    }
    words_at(text, toks, i + 1, rest, plural, false).map(|n| n + 1)
}

/// The most words an alias's `*` takes.
const MAX_WILD: usize = 4;

/// The qualifiers read around a match at tokens `start..end`, and the first token of the
/// words they add ("Joint" in "Joint Chief Executive").
fn qualifiers(text: &str, toks: &[Token], start: usize, end: usize) -> (usize, Vec<Qualifier>) {
    let mut q = Vec::new();
    let mut first = start;
    // Words immediately before: "Joint", "Deputy", "Vice-".
    while first > 0 {
        let p = &toks[first - 1];
        if !joins(&text[p.end..toks[first].start]) {
            break;
        }
        let found = match &*p.lower {
            "joint" | "shared" => Qualifier::Joint,
            // Welsh: Dirprwy (deputy), "ar y cyd" follows and is not read.
            "deputy" | "vice" | "dirprwy" => Qualifier::Deputy,
            _ => break,
        };
        if !q.contains(&found) {
            q.push(found);
        }
        first -= 1;
    }
    // "the principal council's monitoring Officer", "the District Council's Monitoring Officer"
    // (a local council's protocol naming its principal council's officer).
    let window = &toks[start.saturating_sub(4)..start];
    let before: Vec<&str> = window.iter().map(|t| &*t.lower).collect();
    let principal_before = before.windows(2).any(|w| {
        matches!(
            w[0],
            "principal" | "district" | "borough" | "county" | "unitary"
        ) && w[1] == "council"
    });
    // "the Monitoring Officer of the principal council", "... of the District Council".
    let after: Vec<&str> = toks[end..toks.len().min(end + 4)]
        .iter()
        .map(|t| &*t.lower)
        .collect();
    let principal_after = after.first() == Some(&"of")
        && after.windows(2).any(|w| {
            matches!(
                w[0],
                "principal" | "district" | "borough" | "county" | "unitary"
            ) && w[1] == "council"
        });
    if principal_before || principal_after {
        q.push(Qualifier::PrincipalCouncil);
    }
    q.sort();
    (first, q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(shape: Shape, text: &str) -> Vec<String> {
        Lexicon::new(shape).roles(text)
    }

    #[test]
    fn longest_alias_wins() {
        assert_eq!(
            roles(
                Shape::Principal,
                "the Executive Director, Director or Associate Director"
            ),
            ["executive-director", "director", "associate-director"]
        );
        assert_eq!(
            roles(
                Shape::Principal,
                "the Communications Manager and other Officers"
            ),
            ["communications-team"]
        );
        assert_eq!(
            roles(
                Shape::Principal,
                "the Chief Finance Officer (Section 151 Officer)"
            ),
            ["chief-finance-officer"]
        );
    }

    #[test]
    fn resolution_depends_on_the_council() {
        assert_eq!(
            roles(
                Shape::Local,
                "The Proper Officer/Clerk (usually called the Clerk) is the head of paid services"
            ),
            ["clerk"]
        );
        assert_eq!(
            roles(
                Shape::Principal,
                "as the Head of Paid Service, the Chief Executive"
            ),
            ["chief-executive"]
        );
        // Plural Officer/Clerks are officers in general, not the Clerk.
        assert!(roles(Shape::Local, "councillors and Officer/Clerks").is_empty());
        assert_eq!(
            roles(Shape::Local, "determined by the Officer/Clerk"),
            ["clerk"]
        );
        assert!(roles(Shape::Principal, "determined by the Officer/Clerk").is_empty());
    }

    #[test]
    fn qualifiers_are_kept_beside_the_id() {
        let lex = Lexicon::new(Shape::Joint);
        let m = lex.mentions("the Joint Monitoring Officer or the Joint Chief Executive");
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].role, "monitoring-officer");
        assert_eq!(m[0].qualifiers, [Qualifier::Joint]);
        assert_eq!(m[0].text, "Joint Monitoring Officer");
        assert_eq!(m[1].role, "chief-executive");
        let m = lex.mentions("the Deputy Group Leader or the Vice-Chair");
        assert_eq!(m[0].role, "group-leader");
        assert_eq!(m[0].qualifiers, [Qualifier::Deputy]);
        assert_eq!(m[1].role, "chair");
        assert_eq!(m[1].qualifiers, [Qualifier::Deputy]);
        let m =
            Lexicon::new(Shape::Local).mentions("the Monitoring Officer of the District Council");
        assert_eq!(m[0].qualifiers, [Qualifier::PrincipalCouncil]);
    }

    #[test]
    fn conditions_on_context() {
        let p = Shape::Principal;
        // The verb "chair" is no role; "the chair" is.
        assert!(roles(p, "chair meetings impartially").is_empty());
        assert_eq!(roles(p, "reported to the chair"), ["chair"]);
        // A manager is a line manager only when someone's.
        assert_eq!(
            roles(p, "referred to the Officer's Manager"),
            ["line-manager"]
        );
        assert_eq!(roles(p, "by their managers"), ["line-manager"]);
        assert!(roles(p, "a manager of a care home").is_empty());
        // "Leader" alone only when capitalised.
        assert!(roles(p, "community leadership and a leader in the field").is_empty());
        assert_eq!(
            roles(p, "the Leader in consultation with the other Group Leaders"),
            ["leader", "group-leader"]
        );
        assert_eq!(
            roles(
                p,
                "the relevant Group Chair / Leader or the Monitoring Officer"
            ),
            ["group-leader", "monitoring-officer"]
        );
        assert!(roles(p, "assist non-Cabinet Members").is_empty());
        // A possessive inside a title, curly or straight.
        assert_eq!(
            roles(p, "the leader of the councillor’s political group"),
            ["group-leader"]
        );
        assert_eq!(
            roles(p, "the leader of the member's political group"),
            ["group-leader"]
        );
        // A sentence boundary ends a role.
        assert_eq!(
            roles(p, "to the Chief Officer. Executive decisions"),
            ["chief-officer"]
        );
    }

    #[test]
    fn every_alias_names_its_own_role() {
        for r in ROLES {
            for al in r.aliases {
                let shape = match (al.councils, r.id) {
                    (Councils::Local, _) | (_, "clerk") => Shape::Local,
                    _ => Shape::Principal,
                };
                let phrase = al.phrase.replace('*', "Planning and Licensing");
                let text = match al.before {
                    Before::Anything => phrase,
                    Before::Determiner | Before::Definite => format!("the {phrase}"),
                    Before::Possessive => format!("their {phrase}"),
                };
                let text = if al.capitalised {
                    let mut c = text.chars();
                    c.next()
                        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                        .unwrap_or_default()
                } else {
                    text
                };
                let got = Lexicon::new(shape).roles(&text);
                assert_eq!(got, [r.id], "alias {:?}", al.phrase);
            }
        }
    }

    #[test]
    fn bodies_and_local_offices() {
        let p = Shape::Principal;
        assert_eq!(
            roles(
                p,
                "the Chair of the Planning Committee or the Chair of the Council"
            ),
            ["committee-chair", "chair"]
        );
        assert_eq!(
            roles(p, "the chair of the committee concerned"),
            ["committee-chair"]
        );
        assert_eq!(
            roles(p, "the Audit & Governance Committee, then Full Council"),
            ["audit-committee", "full-council"]
        );
        assert_eq!(
            roles(p, "the Audit and Standards Committee"),
            ["standards-committee"]
        );
        assert_eq!(
            roles(p, "the Personnel Sub-Committee or the Appointments Panel"),
            ["staffing-committee", "appointments-panel"]
        );
        assert_eq!(roles(p, "their respective director"), ["director"]);
        assert_eq!(roles(Shape::Local, "the Town Mayor"), ["chair"]);
        // A lower-case word is no part of a committee's name.
        assert_eq!(
            roles(p, "the chair of the meeting and the committee"),
            ["chair"]
        );
        assert_eq!(
            role("staffing-committee").map(|r| r.party),
            Some(Party::Body)
        );
        assert_eq!(
            role("group-leader").map(|r| r.party),
            Some(Party::Councillor)
        );
    }

    #[test]
    fn welsh_titles() {
        let p = Shape::Principal;
        let l = Shape::Local;
        assert_eq!(
            roles(p, "at y Prif Weithredwr neu'r Swyddog Monitro"),
            ["chief-executive", "monitoring-officer"]
        );
        // Soft mutation after "ei": "ei Brif Weithredwr".
        assert_eq!(roles(p, "gan ei Brif Weithredwr"), ["chief-executive"]);
        assert_eq!(
            roles(l, "i Glerc y Cyngor ac wedyn i'r Cadeirydd"),
            ["clerk", "chair"]
        );
        assert_eq!(roles(l, "Clerc y Dref neu Faer y Dref"), ["clerk", "chair"]);
        assert_eq!(roles(l, "Maer y Dref"), ["chair"]);
        assert_eq!(roles(p, "Arweinydd y Cyngor"), ["leader"]);
        assert_eq!(roles(p, "Arweinydd y Grŵp"), ["group-leader"]);
        assert_eq!(
            roles(p, "Cadeirydd y Pwyllgor Safonau"),
            ["committee-chair"]
        );
        assert_eq!(roles(p, "y Pwyllgor Safonau"), ["standards-committee"]);
        assert_eq!(roles(l, "cyfarfod o'r Cyngor Llawn"), ["full-council"]);
        // Head of Paid Service in Welsh resolves by council, as in English.
        assert_eq!(
            roles(p, "Pennaeth y Gwasanaeth Cyflogedig"),
            ["chief-executive"]
        );
        assert_eq!(roles(l, "Pennaeth y Gwasanaeth Cyflogedig"), ["clerk"]);
        // "Dirprwy" is a deputy; a lower-case "arweinydd" (a leader in general) is no role.
        let m = Lexicon::new(p).mentions("y Dirprwy Swyddog Monitro");
        assert_eq!(m[0].role, "monitoring-officer");
        assert_eq!(m[0].qualifiers, [Qualifier::Deputy]);
        assert!(roles(p, "arweinydd cymunedol").is_empty());
        // An English "clerical" or a name is no Clerc.
        assert!(roles(p, "clerical staff").is_empty());
    }

    #[test]
    fn kinds() {
        assert_eq!(shape("town"), Shape::Local);
        assert_eq!(shape("joint"), Shape::Joint);
        assert_eq!(shape("anything"), Shape::Principal);
    }
}
