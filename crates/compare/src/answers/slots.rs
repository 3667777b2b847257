//! What each role named in a sentence is doing there: is the matter sent to it ("raise it
//! with", "referred to", "pursued with"), told to it ("notify", "declare to"), decided by it
//! ("decided by", "at the discretion of", "unless their Chief Officer has agreed", "a matter
//! for"), is it consulted ("in consultation with", "after consulting"), does it speak for the
//! council, invite, attend, or is it the one a matter is about ("a complaint about the Chief
//! Executive")? Or is it only named ("a relationship with the Clerk", "support to the Leader")?
//!
//! The reading is word by word and transparent. The word that governs a role is found by
//! stepping back over articles and the like ("with the relevant"): a preposition is read with
//! the verb or noun before it ("raise ... with", "the discretion of", "decided by"); a verb
//! straight before the role takes it as its object ("notify the Monitoring Officer"); a role
//! with nothing governing it is read as the subject of the verb after it ("the Chief Executive
//! will decide", "their Chief Officer has agreed"), or by its possessive ("the Leader's
//! agreement"). A role joined to the one before by "or", "and" or a comma is doing the same
//! thing ("with the Chief Executive or the Monitoring Officer"), and a preposition whose verb
//! was left out is read with the last one given ("raise it with X in the first place, and
//! after that with Y"). Negation is read as [`negated`] says.

use super::text::{Named, Sentence, Words, is_any};

pub(crate) use super::text::{Class, Slot};

/// Words stepped over between a role and the word that governs it.
const FILLERS: &[&str] = &[
    "the",
    "a",
    "an",
    "any",
    "their",
    "his",
    "her",
    "its",
    "our",
    "your",
    "relevant",
    "appropriate",
    "own",
    // "the corporate Communications Team", "the council's central press office".
    "corporate",
    "central",
    "designated",
    "nominated",
    "duly",
    "proper",
    "then",
    "also",
    "directly",
    "personally",
    "first",
    "initially",
    "immediately",
    "promptly",
    "formally",
    "informally",
    "privately",
    "confidentially",
    "only",
    "either",
    "both",
    "either",
    "that",
    "this",
    "current",
    "other",
    "concerned",
];

/// Words that join a list of roles doing one thing ("the chair of the committee and
/// afterwards their Director").
const LIST: &[&str] = &[
    "or",
    "and",
    "nor",
    "then",
    "either",
    "as",
    "well",
    "also",
    "afterwards",
    "thereafter",
    "subsequently",
    "later",
    "finally",
    "next",
];

/// Words of a possessive before a role: "the council's Monitoring Officer", "the officer's
/// line manager".
const POSSESSORS: &[&str] = &[
    "council",
    "councils",
    "authority",
    "officer",
    "officers",
    "member",
    "members",
    "councillor",
    "councillors",
    "employee",
    "employees",
    "staff",
    "district",
    "borough",
    "county",
    "parish",
    "town",
    "principal",
    "s",
];

/// Verbs that send a matter "with" someone.
const WITH_SEND: &[&str] = &[
    "rais*",
    "resolv*",
    "settl*",
    "word",
    "conversation",
    "chat",
    "pursu*",
    "discuss*",
    "lodg*",
    "speak*",
    "spoke*",
    "talk*",
    "check*",
    "clear",
    "cleared",
    "clears",
    "file",
    "filed",
    "share*",
];
/// Words before "with" that make the role the decider ("the decision rests with").
const WITH_DECIDE: &[&str] = &[
    "rest", "rests", "resting", "lie", "lies", "lay", "sit", "sits",
];
/// Words before "with" that make the role consulted.
const WITH_CONSULT: &[&str] = &[
    "consult*",
    "liais*",
    "confer*",
    "conjunction",
    "together",
    "jointly",
    "agree",
    "agrees",
    "agreeing",
    "decid*",
    "determin*",
    // "who will consider with the Monitoring Officer whether ...".
    "consider",
    "considers",
    "considering",
    "review",
    "reviews",
    "reviewing",
];
/// Words before "with" that make the role registered with.
/// "record that relationship with the Chair".
const WITH_TELL: &[&str] = &["regist*", "record", "records", "recorded", "recording"];
/// Words before "with" that make the role the one a complaint is about ("unhappy with").
const WITH_ABOUT: &[&str] = &[
    "unhappy",
    "dissatisfied",
    "problem",
    "problems",
    "issue",
    "issues",
    "difficulty",
    "difficulties",
    "grievance",
    "disagreement",
    "dispute",
];
/// Words before "with" or "to" that make it no route ("respond to the Leader", "accountable
/// to the Chief Executive"); the search for a verb stops at them.
const BLOCKERS: &[&str] = &[
    "respond",
    "responds",
    "responded",
    "responding",
    "support*",
    "copy",
    "copies",
    "copied",
    "access",
    "according",
    "similar",
    "subject",
    "prior",
    "due",
    "available",
    "accountable",
    "responsible",
    "owed",
    "addition",
    "relevant",
    "attend*",
    "close",
    "personally",
    "connected",
    "married",
    "related",
    "relating",
];
/// Nouns before "with" or "to" that make it no route unless a verb of routing comes before
/// them ("a relationship with the Clerk", but "disclose the relationship to the Monitoring
/// Officer").
const NOUNS: &[&str] = &[
    "relationship*",
    "relation",
    "relations",
    "meeting*",
    "contact",
    "dealings",
    "work",
    "working",
    "works",
    "link*",
    "connection*",
    "friendship*",
    "involvement",
    "interaction*",
    "letter*",
    "correspondence",
    "email*",
    "briefing*",
    "assistance",
    "help*",
    "advice",
    "information",
    "report",
    "reports",
    "response*",
    "reply",
    "replies",
];
/// Verbs and nouns before "to" that send a matter there.
const TO_SEND: &[&str] = &[
    // "members and officers would normally look to the Chief Executive for a ruling".
    "look",
    "looks",
    "refer",
    "refers",
    "referred",
    "referring",
    "referral",
    "report*",
    "made",
    "make",
    "makes",
    "making",
    "submit*",
    "address*",
    "direct",
    "directed",
    "directs",
    "directing",
    "send",
    "sent",
    "sends",
    "escalat*",
    "forward*",
    "pass*",
    "go",
    "goes",
    "going",
    "gone",
    "went",
    "take",
    "taken",
    "takes",
    "took",
    "bring",
    "brings",
    "brought",
    "put",
    "speak*",
    "spoke*",
    "talk*",
    "write",
    "writes",
    "written",
    "wrote",
    "complain*",
    "appeal*",
    "apply",
    "applies",
    "turn*",
    "request",
    "requests",
    "application*",
    "representation*",
    "transfer*",
    "handed",
    "raise",
    "raised",
    "matter",
    "attention",
];
/// Verbs before "before" that put a matter to a body: "placed before the full Council".
const BEFORE_SEND: &[&str] = &[
    "place", "placed", "places", "lay", "laid", "lays", "bring", "brought", "brings", "put",
    "puts", "come", "comes", "go", "goes", "taken", "take",
];
/// Verbs before "to" that tell.
const TO_TELL: &[&str] = &[
    "declar*", "disclos*", "explain*", "known", "notif*", "give", "given", "gives", "reveal*",
    "admit*", "mention*",
    // "a request in writing to the Chief Executive, copied to the Monitoring Officer": kept
    // informed.
    "copied",
];
/// Verbs before "to" that give the decision.
/// ("It falls to the Monitoring Officer to resolve ...").
const TO_DECIDE: &[&str] = &["delegat*", "reserved", "falls", "fall", "fallen"];
/// Verbs before "to" that make the role the one a matter is about.
const TO_ABOUT: &[&str] = &["relate", "relates", "related", "relating", "pertain*"];
/// Participles before "by" that make the role the decider.
const BY_DECIDE: &[&str] = &[
    "decided",
    "determined",
    "settled",
    "resolved",
    "authorised",
    "authorized",
    "approved",
    "agreed",
    "sanctioned",
    "interpreted",
    "arbitrated",
    "adjudicated",
    "ruled",
    "permitted",
    "allowed",
    "judged",
    "taken",
    "made",
    "signed",
    "cleared",
    "endorsed",
    "confirmed",
];
/// Participles before "through" that make the role the one who clears the matter.
const THROUGH_DECIDE: &[&str] = &[
    "cleared",
    "approved",
    "authorised",
    "authorized",
    "sanctioned",
    "agreed",
    "signed",
];

/// Participles that decide only when what is given is leave ("that permission may be given
/// by the Chief Executive"), not advice or notice.
const BY_GIVEN: &[&str] = &["given", "granted", "issued", "provided"];
/// What is given, when the giver decides.
const GRANTS: &[&str] = &[
    "permission",
    "consent",
    "approval",
    "agreement",
    "authority",
    "authorisation",
    "authorization",
    "leave",
    "clearance",
    // "Rulings on the meaning of this protocol are given by the Monitoring Officer".
    "ruling",
    "rulings",
    "decision",
    "decisions",
    "determination",
    "determinations",
    // "Should arbitration be needed on what this protocol means, it will be provided by".
    "arbitration",
];

/// True when a noun of leave stands shortly before the participle at `j`, in its own clause
/// ("that permission may instead be given by"; "Permission for an officer to attend a group
/// meeting may be given by").
fn grant_before(s: &Sentence, j: usize) -> bool {
    // From the participle back to the start of its clause (a semicolon or colon).
    let start = (j.saturating_sub(12)..=j)
        .rev()
        .find(|&i| gap(s, i).contains([';', ':']))
        .unwrap_or(j.saturating_sub(12));
    (start..j).any(|i| is_any(s.toks.word(i), GRANTS))
}

/// Nouns right before "by" that make the role the decider ("a decision by a Strategic
/// Director").
const BY_DECISION: &[&str] = &[
    "decision",
    "decisions",
    "ruling",
    "rulings",
    "determination",
    "judgement",
    "judgment",
];
/// Participles before "by" that make the role the one who deals with the matter.
const BY_HANDLE: &[&str] = &[
    "dealt",
    "handled",
    "investigated",
    "considered",
    "heard",
    "managed",
    "reviewed",
    "examined",
    "processed",
    "looked",
    "coordinated",
    "co",
    "overseen",
    "led",
    "answered",
    "assessed",
    "received",
    "supported",
    "assisted",
    "advised",
    "referred",
    "passed",
    "sent",
    "forwarded",
    "reported",
    "escalated",
];
/// Participles before "by" that make the role the one told or keeping the record.
const BY_TELL: &[&str] = &["recorded", "registered", "noted", "logged"];
/// Participles before "by" that make the role a speaker for the council.
const BY_SPEAK: &[&str] = &[
    "issued",
    "released",
    "given",
    "spoken",
    "fronted",
    "prepared",
    "expressed",
    "voiced",
];
/// Participles before "by" that make the role the one who invites.
const BY_INVITE: &[&str] = &["invited", "requested", "asked"];
/// Participles before "by" that make the role the one complained about.
const BY_ABOUT: &[&str] = &[
    "treated",
    "bullied",
    "harassed",
    "intimidated",
    "belittled",
    "abused",
    "threatened",
    "criticised",
    "criticized",
    "undermined",
    "victimised",
    "pressured",
    "pressurised",
    "insulted",
    "affected",
];
/// Nouns before "by" that make the role the one who complains ("a complaint made by").
const BY_COMPLAINANT: &[&str] = &["complain*", "concern*", "allegation*", "request*"];
/// Nouns before "of" or "from" that make the role the decider.
const OF_DECIDE: &[&str] = &[
    // "save with the leave of the Monitoring Officer".
    "leave",
    // "settled by resolution of the Parish Council".
    "resolution",
    "vote",
    // "Interpreting this protocol is the responsibility of the Chief Executive".
    "responsibility",
    "remit",
    "discretion",
    "authority",
    "authorisation",
    "authorization",
    "approval",
    "agreement",
    "consent",
    "permission",
    "decision",
    "decisions",
    "ruling",
    "determination",
    "judgement",
    "judgment",
    "sanction",
    "say",
    "clearance",
    "direction",
    "instruction",
];
/// Nouns before "of" or "from" that make the role consulted.
const OF_CONSULT: &[&str] = &[
    "advice",
    "guidance",
    "opinion",
    "views",
    "view",
    "assistance",
];
/// Nouns before "from" (only) of help given: "with support from the Communications Team".
/// Verbs too: "guidance may be obtained from the Monitoring Officer", "advice is available
/// from".
const FROM_CONSULT: &[&str] = &[
    // "acting on a report from the Monitoring Officer", "on the recommendation from".
    "report",
    "recommendation*",
    "support",
    "help",
    "obtain*",
    "sought",
    "seek",
    "available",
    "get",
];
/// Nouns before "of" that send the matter to the role.
const OF_SEND: &[&str] = &["attention", "notice", "office"];
/// Nouns before "of" or "from" that make the role the one who invites.
const OF_INVITE: &[&str] = &["invitation", "request", "behest"];
/// Nouns before "of" that make the role the council's face ("the media profile of Portfolio
/// Holders").
const OF_SPEAK: &[&str] = &["profile", "face", "voice"];
/// Nouns before "of" that make the role the one a matter is about.
const OF_ABOUT: &[&str] = &[
    "conduct",
    "behaviour",
    "behavior",
    "performance",
    "capability",
    "capabilities",
    "actions",
    "action",
    "failings",
    "treatment",
    "work",
    "breach",
    "criticism",
    "manner",
    "attitude",
    "competence",
];
/// Nouns before "for" that give the role the decision ("a matter for the Chief Executive").
const FOR_DECIDE: &[&str] = &["matter", "question", "decision", "issue", "one"];
/// Verbs that take the role as object and tell it.
const OBJECT_TELL: &[&str] = &[
    "inform",
    "informs",
    "informed",
    "informing",
    "notify",
    "notifies",
    "notified",
    "notifying",
    "tell",
    "tells",
    "telling",
    "told",
    "advise",
    "advises",
    "advising",
    "alert*",
    "warn*",
    "brief",
    "briefs",
    "update",
    "updates",
    "let",
];
/// Verbs that take the role as object and consult it.
const OBJECT_CONSULT: &[&str] = &["consult", "consults", "consulted", "consulting", "involv*"];
/// Verbs that take the role as object and go to it.
const OBJECT_SEND: &[&str] = &[
    "contact*",
    "approach*",
    "ask",
    "asks",
    "asking",
    "asked",
    "see",
];
/// Words that govern the one a matter is about.
const ABOUT: &[&str] = &[
    "about",
    "against",
    "regarding",
    "concerning",
    "concerns",
    "concern",
    "involves",
    "involving",
    "re",
    "implicates",
];
/// Words after which a role is the subject of what follows (nothing governs it).
const SUBJECT_OPENERS: &[&str] = &[
    "unless", "until", "that", "whether", "if", "where", "when", "who", "which", "while", "whilst",
    "once", "after", "before", "so", "but", "only", "although", "though", "whereas",
];
/// Words stepped over between a subject role and its verb.
const AUX: &[&str] = &[
    "will",
    "shall",
    "should",
    "must",
    "may",
    "can",
    "could",
    "would",
    "might",
    "is",
    "are",
    "was",
    "were",
    "be",
    "has",
    "have",
    "had",
    "to",
    "also",
    "then",
    "normally",
    "usually",
    "alone",
    "personally",
    "concerned",
    "themselves",
    "itself",
    "himself",
    "herself",
    "or",
    "their",
    "his",
    "her",
    "a",
    "nominee",
    "nominees",
    "deputy",
    "nominated",
    "who",
    "ultimately",
    "finally",
    "always",
    "first",
    "now",
    "together",
    "jointly",
    "collectively",
    "specifically",
    "expressly",
    "already",
    "in",
    "writing",
    // "unless the full Council has so resolved".
    "so",
];
/// Verbs whose subject decides.
const SUBJECT_DECIDE: &[&str] = &[
    "decide*",
    // "Where the Town Clerk declines to provide information": a decision, against.
    "declin*",
    // "If the Town Clerk refuses a councillor access": a decision, against.
    "refus*",
    "determin*",
    "settl*",
    "resolv*",
    "rule",
    "rules",
    "arbitrat*",
    "adjudicat*",
    "interpret*",
    "approv*",
    "authoris*",
    "authoriz*",
    "agree",
    "agrees",
    "agreed",
    "sanction*",
    "consent*",
    "permit*",
    "allow*",
    "judge*",
    "sign",
    "signs",
    "signed",
    "clear",
    "clears",
    "given",
    "give",
    "gives",
    "grant*",
    "final",
    "responsible",
    "arbiter",
    "decision",
];
/// Verbs whose subject deals with the matter; one who refers it on had it first ("the Clerk
/// will refer the request to the Chair").
const SUBJECT_HANDLE: &[&str] = &[
    "deal*",
    "handl*",
    "investigat*",
    "consider*",
    "look*",
    "hear*",
    "hears",
    "review*",
    "manag*",
    "process*",
    "mediat*",
    "answer*",
    "arrang*",
    "assist*",
    "support*",
    "advis*",
    "help*",
];
/// Verbs whose subject speaks for the council.
const SUBJECT_SPEAK: &[&str] = &[
    "speak*",
    "spoke*",
    "comment*",
    "issue*",
    "make",
    "makes",
    "give",
    "gives",
    "respond*",
    "represent",
    "represents",
    "front",
    "fronts",
    "act",
    "acts",
    "spokesperson*",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "prepare*",
    "draft*",
    "deal*",
    "handl*",
    "lead",
    "leads",
    "co",
    "coordinat*",
];
/// Verbs whose subject had the matter and sends it on: "the Clerk will refer the request to
/// the Chair", "the Director passes it to the Chief Executive".
pub(crate) const SUBJECT_REFER: &[&str] = &[
    "refer",
    "refers",
    "pass",
    "passes",
    "forward",
    "forwards",
    "escalate",
    "escalates",
];
/// Verbs whose subject judges a case before it goes on ("If the Clerk doubts that a councillor
/// needs the document", "where the Director considers that ..."): the first to decide it, but in
/// a complaint the one who complains.
const SUBJECT_JUDGE: &[&str] = &[
    "doubt", "doubts", "believe", "believes", "feel", "feels", "think", "thinks", "suspect",
    "suspects",
];
/// Passive verbs whose subject speaks for the council ("will be quoted in press releases").
const SUBJECT_QUOTED: &[&str] = &["quoted", "interviewed", "featured"];
/// Participles of leave before "to" and a verb: the verb is what the subject does ("the only
/// person authorised to speak to the press").
const LEAVE: &[&str] = &[
    "authorised",
    "authorized",
    "permitted",
    "allowed",
    "entitled",
    "designated",
    "nominated",
    "appointed",
    "empowered",
];
/// Objects of an agreement that make its subject a maker of rules, not a step of a route ("will
/// agree between them arrangements for handling ...").
const RULES_MADE: &[&str] = &[
    "arrangement*",
    "procedure*",
    "process*",
    "policy",
    "policies",
    "guidance",
    "guideline*",
    "protocol*",
    "scheme*",
];
/// Passive verbs whose subject is told, consulted or contacted ("the Chair must be told").
const SUBJECT_TOLD: &[&str] = &[
    "informed", "told", "notified", "advised", "alerted", "made", "kept",
];
const SUBJECT_CONSULTED: &[&str] = &["consulted", "involved"];
const SUBJECT_CONTACTED: &[&str] = &["contacted", "approached", "asked"];
/// Verbs whose subject invites.
const SUBJECT_INVITE: &[&str] = &["invit*", "request*", "ask", "asks"];
/// Verbs whose subject attends.
const SUBJECT_ATTEND: &[&str] = &["attend*", "present", "go"];
/// Nouns after a possessive role that give it the decision ("the Leader's agreement").
const POSSESSED_DECIDE: &[&str] = &[
    "agreement",
    "approval",
    "consent",
    "permission",
    "decision",
    "authority",
    "authorisation",
    "authorization",
    "ruling",
    "view",
    "discretion",
    "judgement",
    "judgment",
    "say",
    "sanction",
];
/// Nouns of a role's duty: "the Monitoring Officer's functions ... are to determine".
const DUTIES: &[&str] = &[
    "role",
    "function",
    "functions",
    "duty",
    "duties",
    "job",
    "task",
    "tasks",
    "responsibility",
    "responsibilities",
];
const POSSESSED_CONSULT: &[&str] = &["advice", "guidance", "opinion", "views"];
const POSSESSED_ABOUT: &[&str] = &[
    "conduct",
    "behaviour",
    "behavior",
    "performance",
    "own",
    "actions",
    "treatment",
    "work",
    "capability",
    "manner",
    "attitude",
];

/// How far back a verb is looked for before a preposition ("raise any concerns they have
/// with").
const VERB_REACH: usize = 10;
/// How far back a verb is looked for past a noun it may take as object ("declare any close
/// personal relationship with a councillor to").
const NOUN_OBJECT_REACH: usize = 8;
/// How far back a verb is looked for before "to", past a long object.
const TO_REACH: usize = 14;
/// How far back the governing word of a role is looked for.
const GOVERNOR_REACH: usize = 8;

/// The reading of every role named in a sentence, in order of mention.
pub(crate) fn read(s: &Sentence) -> Vec<Slot> {
    let mut out: Vec<Slot> = Vec::with_capacity(s.named.len());
    for (m, n) in s.named.iter().enumerate() {
        let (governing, listed) = match governed(s, m, &out) {
            Some((g, listed)) => (Some(g), listed),
            None => (None, false),
        };
        let mut slot = governing.unwrap_or_else(|| Slot {
            class: Class::Other,
            cue: String::new(),
            negated: false,
        });
        // A role read from the role before it in a list, but followed by a verb of its own,
        // opens a new statement: ", and the Chief Executive must be told".
        if (slot.class == Class::Other || listed)
            && let Some(sub) = subject(s, m)
        {
            slot = sub;
        }
        if slot.class == Class::Other
            && let Some(p) = possessed(s, n)
        {
            slot = p;
        }
        // "An appeal against the Clerk's decision": the Clerk decided first; the appeal is no
        // matter about the Clerk.
        if slot.class == Class::About
            && slot.cue == "against"
            && let Some(p) = possessed(s, n).filter(|p| p.class == Class::Decide)
        {
            slot = Slot {
                cue: format!("against {}", p.cue),
                ..p
            };
        }
        if slot.class == Class::Other
            && let Some(e) = elided(s, m, &out)
        {
            slot = e;
        }
        // "Only the Chair, or in the Chair's absence the Clerk, may speak": one who stands in
        // for the role before does what it does.
        if slot.class == Class::Other
            && let Some(p) = stands_in_for(s, m)
            && out[p].class != Class::Other
        {
            slot = Slot {
                cue: format!("in absence, {}", out[p].cue),
                ..out[p].clone()
            };
        }
        // "The Town Mayor, having first spoken with the Town Clerk, comments ...": one the
        // subject speaks with before acting is consulted.
        // The sentence's first role read as the subject of its verb ("Monitoring Officer give").
        let role_subject = out.first().zip(s.named.first()).is_some_and(|(sl, n0)| {
            m > 0
                && (sl.cue.starts_with(n0.mention.text.as_str())
                    || matches!(sl.class, Class::Decide | Class::Speak | Class::Judge)
                        && !sl.cue.contains(" by")
                        && !sl.cue.contains(" of"))
        });
        if matches!(slot.class, Class::Send | Class::Tell)
            && in_participle_aside(s, n, role_subject)
        {
            slot = Slot {
                class: Class::Consult,
                cue: format!("aside, {}", slot.cue),
                ..slot
            };
        }
        // "will decide, in consultation with the Monitoring Officer, whether it should be
        // referred to the member's Group Leader": an option of the decision, no step.
        if matches!(slot.class, Class::Send | Class::Handle | Class::Tell)
            && option_of_decision(s, n)
        {
            slot = Slot {
                class: Class::Other,
                cue: String::new(),
                ..slot
            };
        }
        // "Let your Head of Service know": told.
        if slot.class == Class::Other && s.toks.word(n.tok_end) == "know" {
            let mut b = n.tok;
            while b > 0 && filler(&s.toks, b - 1) {
                b -= 1;
            }
            if b > 0 && s.toks.word(b - 1) == "let" {
                slot = Slot {
                    class: Class::Tell,
                    cue: "let … know".into(),
                    ..slot
                };
            }
        }
        // "Your first port of call is the Head of Service": where the matter goes.
        if slot.class == Class::Other && n.tok >= 2 {
            let mut b = n.tok;
            while b > 0 && filler(&s.toks, b - 1) {
                b -= 1;
            }
            let be = b > 0 && matches!(s.toks.word(b - 1), "is" | "are" | "be");
            let call = (b.saturating_sub(6)..b).any(|k| {
                (s.toks.word(k) == "port" && s.toks.word(k + 2) == "call")
                    || (s.toks.word(k) == "point" && s.toks.word(k + 2) == "contact")
            });
            if be && call {
                slot = Slot {
                    class: Class::Send,
                    cue: "port of call".into(),
                    ..slot
                };
            }
        }
        // A table flattened into prose, a row's label then its contact: "a concern about the
        // Leader of the Council: the Chief Executive"; "Concerns about a Director: to the
        // Chief Executive". The role stands alone after the colon, up to the row's end.
        if slot.class == Class::Other
            && let Some(c) = table_contact(s, n)
        {
            slot = c;
        }
        // "if the councillor is the Leader", "where the officer concerned is a Director": the
        // one the matter is about.
        if slot.class == Class::Other && is_the_party(s, n) {
            slot = Slot {
                class: Class::About,
                cue: "the party is".into(),
                ..slot
            };
        }
        // "with the Communications Team advising on the content": consulted.
        if matches!(slot.class, Class::Other | Class::Send)
            && matches!(
                s.toks.word(n.tok_end),
                "advising" | "assisting" | "supporting" | "helping"
            )
            && n.tok > 0
            && (0..n.tok)
                .rev()
                .find(|&k| !filler(&s.toks, k))
                .is_some_and(|k| s.toks.word(k) == "with")
        {
            slot = Slot {
                class: Class::Consult,
                cue: format!("with … {}", s.toks.word(n.tok_end)),
                ..slot
            };
        }
        // "If the Town Clerk is the person affected": the one the matter is about.
        if slot.class == Class::Other
            && in_condition(s, n.tok)
            && (n.tok_end..(n.tok_end + 5).min(s.toks.len())).any(|k| {
                matches!(
                    s.toks.word(k),
                    "affected" | "concerned" | "complained" | "subject" | "implicated"
                )
            })
        {
            slot = Slot {
                class: Class::About,
                cue: "if … affected".into(),
                ..slot
            };
        }
        slot.negated = negated(s, n);
        // "Councillors other than the Town Mayor should not make statements": the one excepted
        // from a rule does what the rule forbids the rest, and is barred from what it allows
        // them ("all officers except the Clerk may ...").
        if slot.class == Class::Other
            && excepted(s, n)
            && let Some(mut sub) = subject_of(s, m, true)
        {
            // The rule is negative when a negation stands in it, before the role ("No officer
            // other than ...") or in the verb after it ("... should not make").
            let rule_negative = (s.own..(n.tok_end + NEGATION_REACH).min(s.toks.len()))
                .filter(|&k| k < n.tok || k >= n.tok_end)
                .any(|k| NEGATIONS.contains(&s.toks.word(k)));
            sub.negated = !rule_negative;
            sub.cue = format!("excepted, {}", sub.cue);
            slot = sub;
        }
        out.push(slot);
    }
    out
}

fn slot(class: Class, cue: impl Into<String>) -> Option<Slot> {
    Some(Slot {
        class,
        cue: cue.into(),
        negated: false,
    })
}

/// True when the word at `k` is a filler a governor is looked for past: an article, a
/// possessive ("the council's", "the officer's"), or a qualifier.
fn filler(toks: &Words, k: usize) -> bool {
    let w = toks.word(k);
    if is_any(w, FILLERS) {
        return true;
    }
    // "the Council's Monitoring Officer": "council" then the possessive "s"; "the principal
    // council's": a possessor's words before it.
    if is_any(w, POSSESSORS) && w != "s" && is_any(toks.word(k + 1), POSSESSORS) {
        return true;
    }
    w == "s" && k > 0 && is_any(toks.word(k - 1), POSSESSORS)
}

/// True when the role names who the party of a condition is: "if the councillor is the
/// Leader", "where the officer concerned is a Director".
fn is_the_party(s: &Sentence, n: &Named) -> bool {
    let toks = &s.toks;
    let mut b = n.tok;
    while b > 0 && filler(toks, b - 1) {
        b -= 1;
    }
    if b < 3 || !matches!(toks.word(b - 1), "is" | "are" | "was") {
        return false;
    }
    let mut p = b - 2;
    if toks.word(p) == "concerned" && p > 0 {
        p -= 1;
    }
    matches!(
        toks.word(p),
        "councillor" | "member" | "officer" | "person" | "employee"
    ) && (p.saturating_sub(3)..p)
        .any(|j| matches!(toks.word(j), "if" | "where" | "when" | "whether"))
}

/// The cue of a table row's contact ([`table_contact`]).
pub(crate) const TABLE_ROW: &str = "contact (table row)";

/// The contact of a table's row written as prose: a role alone after a colon that closes a
/// label of the row's own words (not the lead-in's colon, which opens a list whose lead-in
/// says what the list is), running to the row's end. "the officer's Head of Service" and "to
/// the Chief Executive" stand alone too.
fn table_contact(s: &Sentence, n: &Named) -> Option<Slot> {
    let toks = &s.toks;
    let mut b = n.tok;
    while b > 0
        && (filler(toks, b - 1)
            || matches!(toks.word(b - 1), "your" | "their" | "to" | "with" | "from")
            || (toks.word(b - 1) == "s"
                && matches!(
                    toks.word(b.wrapping_sub(2)),
                    "officer" | "councillor" | "member"
                )))
    {
        if toks.word(b - 1) == "s" {
            b -= 1;
        }
        b -= 1;
    }
    // A label of at least two words of the row's own before the colon ("disclose to: the
    // Chief Executive": the colon may follow the label's preposition).
    let colon = (b..=n.tok).find(|&j| gap(s, j).contains(':'))?;
    // The label runs from the row's start (after a semicolon, bar or stop, or the item's
    // own start) to the colon: a list's lead-in ("The following sit on the Committee, which
    // hears complaints:") is no label, it says what the list is.
    let start = (s.own + 1..b)
        .rev()
        .find(|&j| gap(s, j).contains([';', '.', '|']))
        .unwrap_or(s.own);
    let lead_in = (start + 1..b).any(|j| gap(s, j).contains(','))
        || (start..b).any(|j| matches!(toks.word(j), "following" | "include" | "includes"));
    let labelled =
        b > start && !lead_in && (b..colon).all(|j| matches!(toks.word(j), "to" | "with" | "from"));
    // "the Chief Officer for the service |": whose, in a few words, before the row's end.
    let mut end = n.tok_end;
    if matches!(toks.word(end), "for" | "of" | "in")
        && let Some(e) = (end + 1..(end + 5).min(toks.len() + 1))
            .find(|&e| e >= toks.len() || gap(s, e).contains([';', '.', '|']))
    {
        end = e;
    }
    let row_ends = end >= toks.len()
        || gap(s, end).contains([';', '.', '|'])
        || (toks.word(end) == "concerned"
            && (end + 1 >= toks.len() || gap(s, end + 1).contains([';', '.'])))
        || (toks.word(end) == "and" && end + 1 >= toks.len());
    // "advice from: the Monitoring Officer" consults; "Whether a member has a need to know:
    // the Monitoring Officer" decides.
    let advice = toks.word(colon - 1) == "from"
        || is_any(
            toks.word(colon - 1),
            &["advice", "advis*", "guidance", "consult*"],
        );
    let decides = toks.word(start) == "whether"
        || (start..colon).any(|j| is_any(toks.word(j), &["decid*", "decision*", "determin*"]));
    (labelled && row_ends).then(|| Slot {
        class: if advice {
            Class::Consult
        } else if decides {
            Class::Decide
        } else {
            Class::Send
        },
        cue: TABLE_ROW.into(),
        negated: false,
    })
}

/// The separator between word `k - 1` and word `k`.
fn gap(s: &Sentence, k: usize) -> &str {
    if k == 0 || k >= s.toks.len() {
        return "";
    }
    &s.text[s.toks[k - 1].end..s.toks[k].start]
}

/// The reading from the word governing role `m`, or from the role before it in a list (then
/// with `true`).
fn governed(s: &Sentence, m: usize, before: &[Slot]) -> Option<(Slot, bool)> {
    let n = &s.named[m];
    let toks = &s.toks;
    let mut k = n.tok;
    let mut steps = 0;
    let mut listed = false;
    let mut condition = false;
    // A comma crossed that opened no condition or aside: the word before it governs nothing
    // after it ("If that does not resolve the concern, the Clerk may ...").
    let mut comma = false;
    // Set after stepping back to the first word of an aside, whose comma is then passed.
    let mut in_aside = false;
    while k > 0 && steps < GOVERNOR_REACH {
        // Brackets and full stops end the search; a semicolon or colon too, unless the role
        // follows a condition after it, as the next step of a ladder whose verb was left out
        // ("to the Monitoring Officer; if the matter is not resolved, the Clerk").
        // A bracket opening on "or" names a stand-in for the role before it: "the agreement of
        // their Director (or, in the Director's absence, the Chief Executive)".
        let bracket_or = toks.word(k) == "or" && gap(s, k).trim() == "(";
        // An item under a lead-in ending in its preposition ("should write to: (a) the Head
        // of Service"): the lead-in's verb governs the item's role.
        if k == s.own
            && let Some(sl) = lead_in_governs(s)
        {
            return Some((sl, false));
        }
        if gap(s, k).contains([';', ':', '(', ')', '.']) && !bracket_or {
            if condition && gap(s, k).contains(';') {
                let routed = before.iter().rev().find(|b| b.class.routes())?;
                return slot(routed.class, "…").map(|x| (x, true));
            }
            return None;
        }
        if gap(s, k).contains(',') && !std::mem::take(&mut in_aside) {
            listed = true;
            // Past a condition set off by commas: "to the Monitoring Officer and, if the
            // matter is not resolved, the Clerk".
            if let Some(j) = condition_before(s, k) {
                k = j;
                steps += 1;
                condition = true;
                continue;
            }
            // Past an aside set off by commas: "notify, in writing, the Monitoring Officer".
            if let Some(j) = aside_before(s, k) {
                k = j;
                steps += 1;
                in_aside = true;
                continue;
            }
            if !condition {
                comma = true;
            }
        }
        k -= 1;
        steps += 1;
        // The role before, joined by a list word or a comma: the same reading. After a role
        // the matter is about, a comma opens the next step ("if about the Chief Officer, the
        // Chief Executive"): the reading of the last role the matter went to. A title's tail
        // of capitalised words ("the Director of Governance") belongs to its role.
        let role_end = title_tail(s, k).unwrap_or(k + 1);
        if let Some(p) = s.named[..m].iter().rposition(|p| p.tok_end == role_end) {
            let prev = before.get(p)?;
            let same = Slot {
                negated: false,
                ..prev.clone()
            };
            if prev.class == Class::About {
                if joined_by_word(s, p, m) {
                    return Some((same, true));
                }
                // The step before: a role routed earlier in the sentence, or the lead-in's
                // own preposition ("should write to: (b) if the complaint is about a Head of
                // Service, the Director").
                let Some(routed) = before[..p].iter().rev().find(|b| b.class.routes()) else {
                    return lead_in_governs(s).map(|x| (x, true));
                };
                return slot(routed.class, "…").map(|x| (x, true));
            }
            if listed || steps > 1 {
                return Some((same, true));
            }
            return None;
        }
        let w = toks.word(k);
        if filler(toks, k) {
            continue;
        }
        // A post named before the title it holds: "referred to the Head of Legal Services as
        // Monitoring Officer", "in their capacity as".
        if w == "as"
            && let Some(j) = post_before(s, k)
        {
            k = j;
            continue;
        }
        if LIST.contains(&w) {
            listed = true;
            continue;
        }
        if comma {
            return None;
        }
        // "should not take up concerns with the officer directly, but with the Head of
        // Service": the preposition after "but" governs as the one before it did, its
        // negation left behind.
        // So does one after "and ultimately", "or alternatively" ("for the Clerk to answer
        // in the first instance, and ultimately for the Council").
        let again = k >= 2
            && matches!(toks.word(k - 2), "and" | "or")
            && matches!(
                toks.word(k - 1),
                "ultimately" | "finally" | "alternatively" | "otherwise" | "eventually"
            );
        if matches!(w, "to" | "with" | "for" | "by")
            && k >= 2
            && (toks.word(k - 1) == "but"
                || (toks.word(k - 2) == "but" && toks.word(k - 1) == "rather")
                || again)
            && let Some(j) = (k.saturating_sub(16)..k - 1)
                .rev()
                .find(|&j| toks.word(j) == w)
            && let Some(first) = by_word(s, j)
        {
            return Some((first, false));
        }
        // "sought from the Monitoring Officer or from the Chief Executive", "by the Leader or
        // by a Portfolio Holder": the preposition said again after a list word governs as the
        // first one did.
        if matches!(w, "to" | "with" | "by" | "from" | "of" | "for")
            && k > 0
            && matches!(toks.word(k - 1), "or" | "and")
            && let Some(p) = s.named[..m].iter().rposition(|p| p.tok_end + 1 == k)
            && let Some(prev) = before.get(p).filter(|b| b.class != Class::Other)
            && matches!(gap(s, k - 1).trim(), "" | ",")
        {
            return Some((
                Slot {
                    negated: false,
                    ..prev.clone()
                },
                true,
            ));
        }
        return by_word(s, k).map(|x| (x, false));
    }
    None
}

/// Where the role ends whose title's tail ends at word `k`: "Director of Law and Governance"
/// is a Director, its tail "of Law and Governance" capitalised words (and "and", "&") after
/// "of". `None` when word `k` ends no such tail.
fn title_tail(s: &Sentence, k: usize) -> Option<usize> {
    let toks = &s.toks;
    let mut j = k;
    let mut words = 0;
    while j > 0 && words < 5 {
        let t = &toks[j];
        if t.lower == "of" {
            return (words > 0 && s.named.iter().any(|n| n.tok_end == j)).then_some(j);
        }
        if !(t.capitalised || matches!(&*t.lower, "and"))
            || (j != k && gap(s, j + 1).contains([',', ';']))
        {
            return None;
        }
        j -= 1;
        words += 1;
    }
    None
}

/// Words that open a condition set off by commas.
const CONDITIONS: &[&str] = &[
    "if", "where", "when", "unless", "failing", "should", "once", "after", "in", "on", "for",
];

/// The first word of a condition set off by commas that ends just before word `k` (the comma
/// after it stands before `k`), naming no role; `None` when there is none.
fn condition_before(s: &Sentence, k: usize) -> Option<usize> {
    (k.saturating_sub(12)..k).rev().find(|&j| {
        gap(s, j).contains([',', ';'])
            && CONDITIONS.contains(&s.toks.word(j))
            && !s.named.iter().any(|n| (j..k).contains(&n.tok))
    })
}

/// The longest an aside set off by commas may be, in words.
const ASIDE: usize = 5;
/// Words of someone being away: an aside holding one stands in for a deputy ("or, in the Chief
/// Executive's absence, the Monitoring Officer").
const ABSENCE: &[&str] = &["absence", "absent", "unavailab*", "away"];

/// The first word of a short aside set off by commas that ends just before word `k` ("notify,
/// in writing, the Monitoring Officer"; "involve, where necessary, the Chief Executive"),
/// naming no role and opening after a word that is not a comma's end of a clause; `None` when
/// there is none.
fn aside_before(s: &Sentence, k: usize) -> Option<usize> {
    let j = (k.saturating_sub(ASIDE + 3)..k)
        .rev()
        .find(|&j| j > 0 && gap(s, j).contains(','))?;
    // "or, in the Chief Executive's absence, the Monitoring Officer": an aside of absence may
    // name the one who is away.
    let absence = (j..k).any(|i| is_any(s.toks.word(i), ABSENCE));
    if !absence && k - j > ASIDE {
        return None;
    }
    let clean = (absence || !s.named.iter().any(|n| (j..k).contains(&n.tok)))
        && (j..k).all(|i| !gap(s, i).contains([';', ':', '(', ')', '.']) || i == j);
    // The aside opens after a word that governs what follows it: a verb or a preposition, not
    // a noun closing a clause ("the concern, the Clerk").
    let before = s.toks.word(j - 1);
    let governs = matches!(before, "to" | "with" | "by" | "of" | "from" | "for")
        || is_any(before, OBJECT_TELL)
        || is_any(before, OBJECT_CONSULT)
        || is_any(before, OBJECT_SEND)
        || matches!(before, "involve" | "refer" | "report" | "copy")
        || (absence && matches!(before, "or" | "and"));
    (clean && governs).then_some(j)
}

/// True when the words from `from` to `to` join two roles of one list past a condition set off
/// by commas: "The Monitoring Officer or, if appropriate, the Chief Executive will ...".
fn listed_past_condition(s: &Sentence, from: usize, to: usize) -> bool {
    let toks = &s.toks;
    let commas: Vec<usize> = (from + 1..=to)
        .filter(|&k| gap(s, k).contains(','))
        .collect();
    let [open, close] = commas[..] else {
        return false;
    };
    // The condition may name a role ("or, if the Monitoring Officer is unavailable, the Chief
    // Executive"): it is the condition's, not the list's.
    let aside = open < to && CONDITIONS.contains(&toks.word(open)) && close - open <= 2 * ASIDE;
    aside
        && (from..open)
            .chain(close..to)
            .all(|k| LIST.contains(&toks.word(k)) || filler(toks, k))
        && (from..open).any(|k| matches!(toks.word(k), "or" | "and"))
}

/// True when word `at` stands inside a condition opened by a comma after word `from` and not
/// yet closed ("the Monitoring Officer or, if [the Monitoring Officer] is unavailable, ...").
fn in_open_condition(s: &Sentence, from: usize, at: usize) -> bool {
    let commas: Vec<usize> = (from + 1..=at)
        .filter(|&k| gap(s, k).contains(','))
        .collect();
    let [open] = commas[..] else {
        return false;
    };
    CONDITIONS.contains(&s.toks.word(open))
        && at - open <= 2 * ASIDE
        && (from..open).all(|k| LIST.contains(&s.toks.word(k)) || filler(&s.toks, k))
}

/// True when roles `p` and `m` are joined by "or", "and" or "nor" (not only a comma).
fn joined_by_word(s: &Sentence, p: usize, m: usize) -> bool {
    (s.named[p].tok_end..s.named[m].tok).any(|k| matches!(s.toks.word(k), "or" | "and" | "nor"))
}

/// The reading from a governing word at `k`.
fn by_word(s: &Sentence, k: usize) -> Option<Slot> {
    let toks = &s.toks;
    let w = toks.word(k);
    match w {
        "with" => with(s, k),
        "to" | "unto" => to(s, k),
        "by" => by(s, k),
        "of" => of(s, k),
        "from" => from(s, k),
        "for" => for_(s, k),
        // "cleared through the Monitoring Officer" is cleared by them; "made through the Group
        // Leader" only carries the request (see `route::channel`).
        "through" | "via" => match k.checked_sub(1).map(|j| (j, toks.word(j))) {
            Some((j, v)) if is_any(v, THROUGH_DECIDE) => slot(Class::Decide, quote(s, j, k)),
            _ => slot(Class::Send, w),
        },
        // "placed before the full Council", "laid before the Committee", "brought before":
        // the matter goes to the body; "before" alone is a time ("before the Chair ...").
        "before" => {
            let j = (k.saturating_sub(3)..k)
                .rev()
                .find(|&j| is_any(toks.word(j), BEFORE_SEND))?;
            slot(Class::Send, quote(s, j, k))
        }
        // "to be considered at the next meeting of the Town Council", "decided at Full
        // Council": the body that meets deals with it.
        "at" => {
            let j = (k.saturating_sub(3)..k)
                .rev()
                .find(|&j| is_any(toks.word(j), BY_HANDLE) || is_any(toks.word(j), BY_DECIDE))?;
            let class = if is_any(toks.word(j), BY_DECIDE) {
                Class::Decide
            } else {
                Class::Handle
            };
            slot(class, quote(s, j, k))
        }
        // "must make the Monitoring Officer aware of it": told.
        "make" | "makes" | "made" | "making" => {
            let r = s
                .named
                .iter()
                .find(|n| n.tok > k && (k + 1..n.tok).all(|i| filler(toks, i)))?;
            (toks.word(r.tok_end) == "aware").then(|| Slot {
                class: Class::Tell,
                cue: format!("{w} … aware"),
                negated: false,
            })
        }
        "between" | "among" | "amongst" => None,
        // "who may bring in the Monitoring Officer", "call in the Chief Executive": involves
        // them, a next step.
        "in" if k > 0
            && matches!(
                toks.word(k - 1),
                "bring" | "brings" | "bringing" | "call" | "calls" | "calling"
            ) =>
        {
            slot(
                Class::Consult,
                format!("{} in (involves)", toks.word(k - 1)),
            )
        }
        // "if the complaint involve(s) the Clerk" is about the Clerk; "will involve the
        // Monitoring Officer" consults them.
        "involve" => {
            // The word before "involve", or before an aside set off by commas ("the Director
            // may, where necessary, involve the Chief Executive").
            let mut b = k;
            if gap(s, b).contains(',')
                && let Some(j) = (b.saturating_sub(ASIDE)..b)
                    .rev()
                    .find(|&j| j > 0 && gap(s, j).contains(','))
            {
                b = j;
            }
            let modal = b > 0
                && matches!(
                    toks.word(b - 1),
                    "will" | "shall" | "should" | "must" | "may" | "can" | "to" | "and"
                );
            slot(if modal { Class::Consult } else { Class::About }, w)
        }
        _ if is_any(w, ABOUT) => slot(Class::About, w),
        _ if is_any(w, OBJECT_TELL) => slot(Class::Tell, w),
        _ if is_any(w, OBJECT_CONSULT) => slot(Class::Consult, w),
        _ if is_any(w, OBJECT_SEND) => slot(Class::Send, w),
        "is" | "are" | "be" => {
            // "the first point of contact is their line manager".
            if (k.saturating_sub(3)..k).any(|j| toks.word(j) == "contact") {
                return slot(Class::Send, "point of contact is");
            }
            // "where the officer concerned is a Director": the one the matter is about.
            let from = k.saturating_sub(3);
            (from..k)
                .any(|j| {
                    matches!(
                        toks.word(j),
                        "officer"
                            | "complaint"
                            | "subject"
                            | "concerned"
                            | "person"
                            | "staff"
                            | "employee"
                            | "relative"
                    )
                })
                .then(|| Slot {
                    class: Class::About,
                    cue: format!("{} {w}", toks.word(k.wrapping_sub(1))),
                    negated: false,
                })
        }
        "case" | "cases" if toks.word(k + 1) == "of" => slot(Class::About, "in the case of"),
        _ => None,
    }
}

/// The nearest verb-like word before word `k` (a preposition), within reach, as (list index,
/// word index): the search stops at a blocking word ("respond to") or at a semicolon or
/// bracket; a noun the preposition may belong to ("a relationship with") needs a verb of the
/// lists before it.
fn verb_before(
    s: &Sentence,
    k: usize,
    verbs: &[&[&str]],
    reach: (usize, usize),
) -> Option<(usize, usize)> {
    let (reach, noun_reach) = reach;
    let toks = &s.toks;
    let from = k.saturating_sub(reach);
    let mut j = k;
    let mut noun = false;
    while j > from {
        // A list's lead-in ends in a colon: its verb governs the item ("raise it: first, with").
        if gap(s, j).contains([';', ':', '(', ')']) && j != s.own {
            return None;
        }
        j -= 1;
        let w = toks.word(j);
        for (g, list) in verbs.iter().enumerate() {
            if is_any(w, list) {
                // A noun in between belongs to the verb only as its object, a few words on.
                return (!noun || k - j <= noun_reach).then_some((g, j));
            }
        }
        // "send copies to their Director" sends the matter: the verb before the copies.
        if matches!(w, "copy" | "copies")
            && j > 0
            && let Some(g) = verbs.iter().position(|l| is_any(toks.word(j - 1), l))
            && verbs[g] == TO_SEND
        {
            return Some((g, j - 1));
        }
        // "close to the Leader", but not "any close personal relationship with a councillor to".
        if is_any(w, BLOCKERS) && (w != "close" || j + 1 == k) {
            return None;
        }
        if is_any(w, NOUNS) {
            noun = true;
        }
    }
    None
}

/// The words from `j` to `k` inclusive, for a cue: "raise ... with" when far apart.
fn quote(s: &Sentence, j: usize, k: usize) -> String {
    if k == j + 1 {
        format!("{} {}", s.toks.word(j), s.toks.word(k))
    } else if k == j {
        s.toks.word(k).to_string()
    } else {
        format!("{} … {}", s.toks.word(j), s.toks.word(k))
    }
}

fn with(s: &Sentence, k: usize) -> Option<Slot> {
    let toks = &s.toks;
    let prev = toks.word(k.checked_sub(1)?);
    if is_any(prev, WITH_DECIDE) {
        return slot(Class::Decide, format!("{prev} with"));
    }
    // "take it up with", "taken up with", and with a manner between: "take it up in private
    // with", "taken up informally with".
    // "is to be taken up by that officer with their Director": the one who takes it up,
    // named with "by" in a few words, between.
    // "take up a complaint about an officer with the Director": the object after "up", a few
    // words and no clause break, before the "with".
    let take = |j: usize| {
        j >= 1
            && matches!(
                toks.word(j - 1),
                "take" | "taken" | "takes" | "taking" | "took"
            )
    };
    let up = (k.saturating_sub(NOUN_OBJECT_REACH)..k)
        .rev()
        .find(|&j| toks.word(j) == "up")
        .filter(|&j| {
            (j + 1..k).all(|i| is_any(toks.word(i), MANNER))
                || (toks.word(j + 1) == "by" && k - j <= 5)
                || (take(j) && (j + 1..=k).all(|i| !gap(s, i).contains([',', ';', ':', '('])))
        });
    if let Some(u) = up {
        let from = u.saturating_sub(5);
        if (from..u).any(|j| matches!(toks.word(j), "take" | "taken" | "takes" | "taking" | "took"))
        {
            return slot(Class::Send, "taken up with");
        }
    }
    // "must be agreed with the Chair" consults the Chair ("agreed in advance with", "agreed
    // beforehand with" too); "the procedure agreed with the Chief Executive" only says who
    // agreed the procedure.
    let agreed = (k.saturating_sub(4)..k)
        .rev()
        .find(|&j| toks.word(j) == "agreed")
        .filter(|&j| (j + 1..k).all(|i| is_any(toks.word(i), MANNER)));
    // "having first agreed the wording with the Town Clerk", "must agree the text with the
    // Leader": an agreement made with the role, which is consulted (an object of a few words
    // between, no clause break).
    let active = (k.saturating_sub(5)..k).rev().find(|&j| {
        let w = toks.word(j);
        (matches!(w, "agree" | "agreeing")
            || (w == "agreed"
                && j >= 1
                && matches!(toks.word(j - 1), "having" | "first" | "has" | "have")))
            && (j + 1..=k).all(|i| !gap(s, i).contains([',', ';', ':', '(']))
            && !s.named.iter().any(|n| (j + 1..k).contains(&n.tok))
    });
    if let Some(a) = active {
        return slot(Class::Consult, format!("{} … with", toks.word(a)));
    }
    if let Some(a) = agreed {
        let passive = a >= 1 && matches!(toks.word(a - 1), "be" | "been" | "is" | "are");
        return passive.then(|| Slot {
            class: Class::Consult,
            cue: "agreed with".into(),
            negated: false,
        });
    }
    // A verb first ("discuss the issue with"), else the one a complaint is about ("an issue
    // with", "unhappy with").
    if let Some((g, j)) = verb_before(
        s,
        k,
        &[WITH_SEND, WITH_CONSULT, WITH_TELL],
        (VERB_REACH, NOUN_OBJECT_REACH),
    ) {
        let class = [Class::Send, Class::Consult, Class::Tell][g];
        return slot(class, quote(s, j, k));
    }
    if is_any(prev, WITH_ABOUT) {
        return slot(Class::About, format!("{prev} with"));
    }
    // "Where the relationship is with the Town Clerk": the one the matter is about.
    if matches!(prev, "is" | "are" | "was" | "be")
        && (k.saturating_sub(4)..k - 1).any(|j| is_any(toks.word(j), MATTERS))
    {
        return slot(Class::About, format!("{} is with", toks.word(k - 2)));
    }
    None
}

/// Words of manner or time that may stand between a verb and its "with": "take it up in
/// private with", "agreed in advance with".
const MANNER: &[&str] = &[
    "in",
    "private",
    "privately",
    "advance",
    "beforehand",
    "first",
    "informally",
    "formally",
    "directly",
    "personally",
    "writing",
];

/// Nouns of a tie or a trouble that is "with" the one it is about ("where the relationship is
/// with the Town Clerk", "where the problem is with a Director"); not "the matter is with the
/// Director", which says who holds it.
const MATTERS: &[&str] = &[
    "relationship*",
    "connection*",
    "friendship*",
    "link",
    "problem",
    "problems",
    "difficulty",
    "difficulties",
    "grievance",
];

fn to(s: &Sentence, k: usize) -> Option<Slot> {
    // A verb of telling or sending may take a long object before its "to": "declare any
    // family or close personal relationship with a member of staff to the Town Clerk".
    let (g, j) = verb_before(
        s,
        k,
        &[TO_SEND, TO_TELL, TO_DECIDE, TO_ABOUT],
        (TO_REACH, TO_REACH - 1),
    )?;
    // "made to the Chief Executive or, if it relates to the Chief Executive, to the Monitoring
    // Officer": the condition's verb has its role already; this "to" repeats the "to" before
    // the condition.
    if g == 3 && s.named.iter().any(|n| n.tok > j && n.tok < k) {
        let again = (0..j)
            .rev()
            .find(|&i| s.toks.word(i) == "to")
            .and_then(|i| to(s, i))
            .filter(|sl| sl.class != Class::About);
        if again.is_some() {
            return again;
        }
    }
    // "whose decision shall be reported to the next meeting of the Council": a decision
    // made known, not a matter sent on.
    let made_known = g == 0
        && s.toks.word(j).starts_with("report")
        && (j.saturating_sub(5)..j).any(|i| {
            is_any(
                s.toks.word(i),
                &["decision*", "ruling*", "determination*", "outcome*"],
            )
        });
    let g = if made_known { 1 } else { g };
    // "the attention of" comes with "of", not "to".
    let class = [Class::Send, Class::Tell, Class::Decide, Class::About][g];
    slot(class, quote(s, j, k))
}

fn by(s: &Sentence, k: usize) -> Option<Slot> {
    let toks = &s.toks;
    // The participle is just before "by", perhaps after an adverb ("specifically authorised
    // by", "agreed in advance by").
    // "considered in the first place by", "dealt with in the first instance by": the
    // participle stands before the phrase of order.
    // "no statement shall be made to the media ... otherwise than by the Leader": the
    // participle stands before the phrase it is made by, a few words further back.
    let otherwise =
        k >= 2 && toks.word(k - 1) == "than" && matches!(toks.word(k - 2), "otherwise" | "other");
    let end = if k >= 4
        && toks.word(k - 2) == "first"
        && matches!(toks.word(k - 1), "place" | "instance")
        && matches!(toks.word(k - 4), "in" | "at")
    {
        k - 4
    } else if otherwise {
        k - 2
    } else {
        k
    };
    let from = end.saturating_sub(if otherwise { 12 } else { 4 });
    for j in (from..end).rev() {
        let w = toks.word(j);
        let class = if is_any(w, BY_GIVEN) && grant_before(s, j) {
            Class::Decide
        } else if is_any(w, BY_ABOUT) {
            Class::About
        } else if is_any(w, BY_TELL) {
            Class::Tell
        } else if is_any(w, BY_INVITE) {
            Class::Invite
        } else if is_any(w, BY_SPEAK) {
            Class::Speak
        } else if is_any(w, BY_HANDLE) {
            Class::Handle
        } else if is_any(w, BY_DECIDE) || (j + 1 == k && is_any(w, BY_DECISION)) {
            // "a complaint made by a councillor" names who complains; "requests are
            // determined by" names who decides.
            let complainant = matches!(w, "made" | "taken")
                && (j.saturating_sub(4)..j).any(|i| is_any(toks.word(i), BY_COMPLAINANT));
            if complainant {
                return None;
            }
            Class::Decide
        } else {
            if gap(s, j + 1).contains([';']) || (!otherwise && gap(s, j + 1).contains(',')) {
                return None;
            }
            continue;
        };
        return slot(class, quote(s, j, k));
    }
    None
}

fn of(s: &Sentence, k: usize) -> Option<Slot> {
    let prev = s.toks.word(k.checked_sub(1)?);
    // "bring it to a meeting of the Full Council": the meeting's own governor.
    if matches!(prev, "meeting" | "meetings") {
        let mut j = k - 1;
        // "referred to the next meeting of the full Council".
        while j > 0
            && (filler(&s.toks, j - 1)
                || matches!(
                    s.toks.word(j - 1),
                    "next" | "following" | "special" | "ordinary" | "first"
                ))
        {
            j -= 1;
        }
        return j.checked_sub(1).and_then(|g| by_word(s, g));
    }
    let class = if is_any(prev, OF_DECIDE) {
        Class::Decide
    } else if is_any(prev, OF_CONSULT) {
        Class::Consult
    } else if is_any(prev, OF_SEND) {
        Class::Send
    } else if is_any(prev, OF_INVITE) {
        Class::Invite
    } else if is_any(prev, OF_ABOUT) {
        Class::About
    } else if is_any(prev, OF_SPEAK)
        || (prev == "name" && k >= 3 && s.toks.word(k - 3) == "in" && s.toks.word(k - 2) == "the")
    {
        // "issued in the name of the Leader": the Leader's voice.
        Class::Speak
    } else {
        return None;
    };
    slot(class, format!("{prev} of"))
}

fn from(s: &Sentence, k: usize) -> Option<Slot> {
    let prev = s.toks.word(k.checked_sub(1)?);
    let class = if is_any(prev, OF_DECIDE) {
        Class::Decide
    } else if is_any(prev, OF_CONSULT) || is_any(prev, FROM_CONSULT) {
        Class::Consult
    } else if is_any(prev, OF_INVITE) {
        Class::Invite
    } else {
        return None;
    };
    slot(class, format!("{prev} from"))
}

fn for_(s: &Sentence, k: usize) -> Option<Slot> {
    let toks = &s.toks;
    let prev = toks.word(k.checked_sub(1)?);
    if is_any(prev, FOR_DECIDE) {
        return slot(Class::Decide, format!("{prev} for"));
    }
    // "it is for the Chief Executive to decide"; but "if the request is for the Chief
    // Officer" is about the Chief Officer.
    if matches!(prev, "is" | "are" | "be") {
        let n = s.named.iter().find(|n| n.tok > k)?;
        // "if the request is for a Director to attend" is about the Director.
        // "it is for the Chief Officer who holds the information to decide": past a short
        // relative clause to the "to".
        let mut at = n.tok_end;
        // "it is for the Head of Paid Service alone to authorise".
        if matches!(toks.word(at), "alone" | "only") {
            at += 1;
        }
        if matches!(toks.word(at), "who" | "that") {
            at = (at + 1..(at + 7).min(toks.len()))
                .take_while(|&j| !gap(s, j).contains([',', ';', ':', '.']))
                .find(|&j| toks.word(j) == "to" && is_any(toks.word(j + 1), SUBJECT_DECIDE))
                .unwrap_or(at);
        }
        let to_verb = toks.word(at) == "to"
            && !gap(s, at).contains([',', ';'])
            && !is_any(toks.word(at + 1), SUBJECT_ATTEND);
        // "comment on policy is for the Leader", "the final decision is for the Council": a
        // matter to decide or say, given to the role.
        let matter = (k.saturating_sub(6)..k).any(|j| {
            is_any(
                toks.word(j),
                &[
                    "comment*",
                    "decision*",
                    "statement*",
                    "ruling*",
                    "interpretation",
                    "final say",
                    // "Such matters are for the Director": the plural kind, not "if the
                    // matter is for a Director to attend".
                    "matters",
                ],
            )
        });
        if !to_verb && matter {
            return slot(Class::Decide, format!("{prev} for"));
        }
        return slot(
            if to_verb { Class::Decide } else { Class::About },
            format!("{prev} for"),
        );
    }
    None
}

/// The role as the subject of the verb after it: "the Chief Executive will decide", "unless
/// their Chief Officer has agreed", "the Chair must be told".
fn subject(s: &Sentence, m: usize) -> Option<Slot> {
    subject_of(s, m, false)
}

/// True when the role at word `at` is the subject of a condition: "where the Chairman is
/// involved", "if the Director is concerned".
fn in_condition(s: &Sentence, at: usize) -> bool {
    let toks = &s.toks;
    let mut b = at;
    while b > 0 && filler(toks, b - 1) {
        b -= 1;
    }
    b > 0 && matches!(toks.word(b - 1), "where" | "if" | "when" | "unless")
}

/// True when a role is named as the exception to the people a rule is about: "councillors
/// other than the Town Mayor", "any officer except the Clerk", "no one apart from the Chair".
fn excepted(s: &Sentence, n: &Named) -> bool {
    let toks = &s.toks;
    let mut b = n.tok;
    while b > 0 && matches!(toks.word(b - 1), "the" | "a" | "an" | "their" | "its") {
        b -= 1;
    }
    let w = |k: usize| if k < b { toks.word(b - 1 - k) } else { "" };
    (w(0) == "than" && w(1) == "other")
        || (w(0) == "from" && w(1) == "apart")
        || matches!(w(0), "except" | "excepting")
}

/// The first word of a post's title that ends just before "as" at `k` ("the Head of Legal
/// Services as", "the Director, in that capacity as"): capitalised words with "of", "and",
/// "for" between, and an "in ... capacity" after them.
fn post_before(s: &Sentence, k: usize) -> Option<usize> {
    let toks = &s.toks;
    let mut j = k;
    if j == 0 {
        return None;
    }
    if toks.word(j - 1) == "capacity" {
        let open = (j.saturating_sub(5)..j)
            .rev()
            .find(|&i| toks.word(i) == "in")?;
        j = open;
    }
    let end = j;
    while j > 0
        && end - j < 8
        && !gap(s, j).contains([',', ';', ':', '(', ')', '.'])
        && (toks[j - 1].capitalised || matches!(toks.word(j - 1), "of" | "and" | "for"))
    {
        j -= 1;
    }
    (j < end && toks[j].capitalised).then_some(j)
}

/// The reading a list item's lead-in gives the role its item names, when the lead-in ends in
/// its preposition and a colon ("A Member ... should write to:").
fn lead_in_governs(s: &Sentence) -> Option<Slot> {
    let k = s.own;
    (k > 0 && gap(s, k).contains(':') && matches!(s.toks.word(k - 1), "to" | "with" | "by"))
        .then(|| by_word(s, k - 1))
        .flatten()
}

/// The role a role stands in for: "the Chair, or in the Chair's absence the Clerk" (the
/// words before the role say someone is away, after an "or" that follows the other role).
fn stands_in_for(s: &Sentence, m: usize) -> Option<usize> {
    let n = &s.named[m];
    // A deputy standing in is the deputy of the one before, no step of its own ("the
    // Scrutiny Chair (or in their absence the Deputy Chair)").
    if n.mention
        .qualifiers
        .contains(&concord_model::roles::Qualifier::Deputy)
    {
        return None;
    }
    let toks = &s.toks;
    let from = n.tok.saturating_sub(8);
    let or = (from..n.tok).rev().find(|&k| toks.word(k) == "or")?;
    let away = (or + 1..n.tok).any(|k| {
        is_any(toks.word(k), ABSENCE)
            || (toks.word(k) == "available" && toks.word(k.wrapping_sub(1)) == "not")
    });
    // The one said to be away, named in the condition ("or, when the Chairman is not
    // available, the Clerk"): the stand-in does what that role does where it was named first.
    if away
        && let Some(absent) = s.named[..m]
            .iter()
            .rev()
            .find(|p| p.tok > or && p.tok < n.tok)
        && let Some(p) = s
            .named
            .iter()
            .position(|q| q.mention.role == absent.mention.role)
        && s.named[p].tok < or
    {
        return Some(p);
    }
    if !away || (or + 1..=n.tok).any(|k| gap(s, k).contains([';', ':', '.'])) {
        return None;
    }
    // The role before the "or", ending just before it (a comma may stand between).
    s.named[..m].iter().rposition(|p| {
        p.tok_end <= or && (p.tok_end..or).all(|k| filler(toks, k)) && !gap(s, or).contains(';')
    })
}

/// True when the role stands in an aside set off by commas straight after a role that opens
/// with a participle of what its subject does first ("The Chair, after speaking to the Clerk,
/// will", "The Leader, having discussed it with the Chief Executive, may"), or in a closing
/// "having ..." when the sentence's subject is a role (`role_subject`).
fn in_participle_aside(s: &Sentence, n: &Named, role_subject: bool) -> bool {
    let toks = &s.toks;
    let from = n.tok.saturating_sub(ASIDE_TO_VERB);
    let Some(open) = (from + 1..=n.tok)
        .rev()
        .find(|&k| gap(s, k).contains([',', ';', ':', '.', '(']))
    else {
        return false;
    };
    if !gap(s, open).contains(',') || !matches!(toks.word(open), "having" | "after" | "following") {
        return false;
    }
    // "..., having first discussed the matter with the Chief Executive." at the end of a
    // sentence whose subject is a role: what that subject does first.
    let to_end = (n.tok_end..toks.len()).all(|k| !gap(s, k).contains([',', ';', ':']));
    if toks.word(open) == "having" && to_end && role_subject {
        return true;
    }
    // A role (with its title's tail) ends just before the opening comma.
    let subject = s.named.iter().any(|p| {
        p.tok_end == open
            || (p.tok_end < open
                && toks.word(p.tok_end) == "of"
                && (p.tok_end + 1..open).all(|k| toks[k].capitalised || toks.word(k) == "and"))
    });
    // And the aside closes with a comma before the verb.
    let closes = (n.tok_end..(n.tok_end + 8).min(toks.len()))
        .take_while(|&k| !gap(s, k).contains([';', ':', '.']))
        .any(|k| gap(s, k).contains(','));
    subject && closes
}

/// True when the role is named in a "whether" clause, after a verb of deciding, that offers
/// outcomes to choose between ("decide whether it should be referred to the Group Leader or
/// treated as a complaint"): an option of the decision, not a step of the route.
fn option_of_decision(s: &Sentence, n: &Named) -> bool {
    let toks = &s.toks;
    let Some(w) = (n.tok.saturating_sub(14)..n.tok)
        .rev()
        .take_while(|&k| !gap(s, k + 1).contains([';', '.']))
        .find(|&k| toks.word(k) == "whether")
    else {
        return false;
    };
    // Outcomes to choose between ("... to the Group Leader or treated as a complaint"); one
    // alone ("whether it needs to go to the Staffing Committee") is the next step if so.
    let end = (w + 1..toks.len())
        .find(|&k| gap(s, k).contains([';', '.']))
        .unwrap_or(toks.len());
    let choice = (w + 1..end).any(|k| toks.word(k) == "or");
    choice
        && (w.saturating_sub(10)..w)
            .any(|k| is_any(toks.word(k), &["decid*", "determin*", "consider*"]))
}

/// The longest aside between a subject and its verb, in words.
const ASIDE_TO_VERB: usize = 18;
/// The words that may open the verb after such an aside.
const MODALS: &[&str] = &[
    "will", "shall", "should", "must", "may", "can", "could", "would", "is", "are", "has", "have",
];

/// [`subject`], or, with `opened`, the role read as the subject of the verb after it however
/// it is introduced.
fn subject_of(s: &Sentence, m: usize, opened: bool) -> Option<Slot> {
    let toks = &s.toks;
    let n = &s.named[m];
    // Only a role that nothing governs: at the start, after a comma or a subordinating word
    // ("that the Monitoring Officer cannot resolve").
    let mut b = n.tok;
    while b > 0 && filler(toks, b - 1) && !matches!(toks.word(b - 1), "that" | "this") {
        b -= 1;
    }
    // "in which case the Chief Executive will decide", "in that event the Clerk".
    let in_case = b >= 2
        && matches!(toks.word(b - 1), "case" | "event" | "instance")
        && matches!(toks.word(b - 2), "which" | "that" | "such" | "this" | "a");
    // A condition left without its closing comma: "save that where the information is held by
    // its own service the Chief Executive will decide". The role opens the main clause when a
    // modal follows it and a condition word opened the words since the last stop or comma.
    let unclosed_condition = b > 0
        && matches!(
            toks.word(n.tok_end),
            "will" | "shall" | "must" | "should" | "may"
        )
        && (0..b)
            .rev()
            .take_while(|&k| k + 1 == b || !gap(s, k + 1).contains([',', ';', ':', '(', '.']))
            .any(|k| matches!(toks.word(k), "where" | "if" | "when" | "unless"));
    // A short phrase fronted without its comma: "Under this protocol the Monitoring Officer is
    // to decide", "In every case the Clerk will". The role opens the main clause when a modal
    // follows it and no other role stands in the phrase.
    // The phrase may open the sentence or the part after a semicolon ("...; on operational
    // matters the Chief Executive does so"); a verb of the present tense may follow the role
    // too ("On policy the Leader speaks").
    let part = (1..=b)
        .rev()
        .find(|&k| gap(s, k).contains(';'))
        .unwrap_or(0);
    let after = toks.word(n.tok_end);
    let fronted = b > part + 1
        && b - part <= 7
        && matches!(
            toks.word(part),
            "under" | "for" | "in" | "within" | "throughout" | "during" | "on"
        )
        && !s.named[..m].iter().any(|o| (part..b).contains(&o.tok))
        && !(part + 1..b).any(|k| gap(s, k).contains([',', ';', ':', '(', '.']))
        && (matches!(
            after,
            "will"
                | "shall"
                | "must"
                | "should"
                | "may"
                | "would"
                | "can"
                | "is"
                | "are"
                | "who"
                | "that"
                | "does"
        ) || (after.ends_with('s')
            && (is_any(after, SUBJECT_SPEAK) || is_any(after, SUBJECT_DECIDE))));
    // A cleft: "It would normally be the Leader who responds", "it is the Clerk that decides".
    // "it is the Cabinet Member holding that brief who explains it": a few words may stand
    // before the "who".
    let cleft_who = (n.tok_end..(n.tok_end + 5).min(toks.len()))
        .take_while(|&j| !gap(s, j).contains([',', ';', ':', '.']))
        .find(|&j| matches!(toks.word(j), "who" | "that"));
    let cleft = b >= 2
        && matches!(toks.word(b - 1), "be" | "is" | "was")
        && (b.saturating_sub(5)..b - 1).any(|j| toks.word(j) == "it")
        && cleft_who.is_some();
    let opened = opened
        || cleft
        || fronted
        || b == 0
        || gap(s, b).contains([',', ';', ':', '('])
        || SUBJECT_OPENERS.contains(&toks.word(b - 1))
        || LIST.contains(&toks.word(b - 1))
        || s.own == b
        || in_case
        || unclosed_condition;
    if !opened {
        return None;
    }
    // The end of the list this role stands in ("the Leader and the Chief Executive will").
    let mut end = n.tok_end;
    for later in &s.named[m + 1..] {
        let between = (end..later.tok).all(|k| {
            let w = toks.word(k);
            LIST.contains(&w) || filler(toks, k)
        }) || listed_past_condition(s, end, later.tok);
        if !between && in_open_condition(s, end, later.tok) {
            // A role inside a condition of the list: "or, if the Monitoring Officer is
            // unavailable, ...".
            continue;
        }
        if !between || gap(s, later.tok).contains([';', ':', '(']) {
            break;
        }
        end = later.tok_end;
    }
    // The title's tail and a word of the body as a whole: "the Director of Legal Services,",
    // "the Council itself", "the Council as a whole".
    if toks.word(end) == "of" && toks.get(end + 1).is_some_and(|t| t.capitalised) {
        let mut j = end + 1;
        while j < toks.len()
            && (toks[j].capitalised || matches!(toks.word(j), "and"))
            && !gap(s, j).contains([',', ';', ':', '(', '.'])
        {
            j += 1;
        }
        end = j;
    }
    if toks.word(end) == "itself" {
        end += 1;
    } else if toks.word(end) == "as" && toks.word(end + 1) == "a" && toks.word(end + 2) == "whole" {
        end += 3;
    }
    if cleft && end == n.tok_end {
        end = cleft_who.map_or(end, |j| j + 1);
    }
    // Step over auxiliaries, a nominee, a bracket and a consultation ("in consultation with
    // the MO", "(or in their absence the Deputy Chair)", "and other officers").
    let mut k = end;
    let mut passive = false;
    let mut steps = 0;
    let mut bracket = false;
    while k < toks.len() && steps < 12 {
        let w = toks.word(k);
        let g = gap(s, k);
        if g.contains('(') {
            bracket = true;
        }
        if bracket {
            if g.contains(')') {
                bracket = false;
            } else {
                k += 1;
                steps += 1;
                continue;
            }
        }
        // An aside set off by commas between the subject and its verb: "The Chief Executive,
        // having consulted the Leader, will determine"; "The Chair, after taking advice from
        // the Clerk, will decide"; "Only the Chair, or in the Chair's absence the Clerk, may".
        // A comma then a clause with a subject of its own ("If a councillor is related to the
        // Clerk, this must be made known to the Chair"): the role is no subject of it.
        if k == end
            && g.contains(',')
            && matches!(
                w,
                "this" | "it" | "they" | "that" | "which" | "these" | "he" | "she"
            )
        {
            return None;
        }
        // So is a condition after it closed by a comma: "Only the Clerk, or the Chair where the
        // Council has so resolved, may speak".
        let condition = matches!(w, "where" | "if" | "when" | "unless");
        if k == end && (g.contains(',') || condition) {
            let close = (k + 1..(k + ASIDE_TO_VERB).min(toks.len()))
                .take_while(|&j| !gap(s, j).contains([';', ':', '.', '(', ')']))
                .find(|&j| gap(s, j).contains(','));
            // After a modal; or after an aside that plainly is one (a stand-in, a participle,
            // a relative clause), straight to its verb: "The Town Mayor, or in the Mayor's
            // absence the Deputy Mayor, speaks for the Council".
            let plain_aside = !condition
                && matches!(
                    toks.word(k),
                    "or" | "having" | "after" | "following" | "who" | "acting" | "when" | "where"
                );
            if let Some(j) = close.filter(|&j| is_any(toks.word(j), MODALS) || plain_aside) {
                k = j;
                steps += 1;
                continue;
            }
        }
        // An aside between a modal and its verb: "the Chief Executive may, at their
        // discretion and subject to such conditions as they think fit, permit".
        if k > end && g.contains(',') && is_any(toks.word(k - 1), MODALS) {
            let close = (k + 1..(k + ASIDE_TO_VERB).min(toks.len()))
                .take_while(|&j| !gap(s, j).contains([';', ':', '.', '(', ')']))
                .find(|&j| gap(s, j).contains(','));
            if let Some(j) = close {
                k = j;
                steps += 1;
                continue;
            }
        }
        // An item read with its lead-in carries on the lead-in's subject ("the Monitoring
        // Officer will: (b) decide any question ...").
        let item_start = s.own > end && k == s.own && !g.contains([';', '.']);
        if g.contains([';', ':', '.']) && k > end && !item_start {
            return None;
        }
        if let Some(o) = s.named.iter().find(|o| o.tok == k) {
            // Another role between: "the Chief Executive in consultation with the MO will".
            k = o.tok_end;
            steps += 1;
            continue;
        }
        if matches!(w, "be" | "been" | "is" | "are") {
            passive = true;
        }
        // "The Leaders of the two councils will speak", "the Cabinet Member for the service
        // concerned will": past the words that say whose.
        if matches!(w, "of" | "for") && k == end {
            let stop = (k + 1..(k + 6).min(toks.len())).find(|&j| {
                matches!(
                    toks.word(j),
                    "will"
                        | "shall"
                        | "should"
                        | "must"
                        | "may"
                        | "can"
                        | "could"
                        | "would"
                        | "is"
                        | "are"
                        | "has"
                        | "have"
                )
            });
            if let Some(j) = stop {
                k = j;
                steps += 1;
                continue;
            }
        }
        // "the Monitoring Officer is to decide": a duty, not a passive.
        if w == "to" && k > end && matches!(toks.word(k - 1), "is" | "are") {
            passive = false;
            k += 1;
            steps += 1;
            continue;
        }
        // "the Director holding the information will decide", "the Chief Officer who holds
        // the information will decide": past a participle's or a relative clause's few words
        // to the modal.
        let relative = matches!(w, "who" | "that") && !cleft;
        if k == end
            && (relative || (w.len() > 4 && w.ends_with("ing") && !is_any(w, SUBJECT_DECIDE)))
        {
            let stop = (k + 1..(k + 6).min(toks.len()))
                .take_while(|&j| !gap(s, j).contains([',', ';', ':', '(', '.']))
                .find(|&j| matches!(toks.word(j), "will" | "shall" | "must" | "should" | "may"));
            if let Some(j) = stop {
                k = j;
                steps += 1;
                continue;
            }
        }
        // Two verbs joined, the first of no rule's: "will receive and deal with", "will
        // acknowledge and then determine" read the second.
        let known = |v: &str| {
            [SUBJECT_DECIDE, SUBJECT_HANDLE, SUBJECT_SPEAK]
                .iter()
                .any(|l| is_any(v, l))
        };
        if k > end
            && toks.word(k + 1) == "and"
            && !known(w)
            && !is_any(w, AUX)
            && (known(toks.word(k + 2)) || (toks.word(k + 2) == "then" && known(toks.word(k + 3))))
        {
            k += if toks.word(k + 2) == "then" { 3 } else { 2 };
            steps += 1;
            continue;
        }
        if AUX.contains(&w)
            || filler(toks, k)
            || matches!(
                w,
                "consultation"
                    | "with"
                    | "after"
                    | "consulting"
                    | "and"
                    | "other"
                    | "officers"
                    | "staff"
                    | "colleagues"
                    | "not"
                    | "never"
                    | "cannot"
                    | "does"
                    | "do"
                    | "did"
                    | "attempt"
                    | "attempts"
            )
        {
            k += 1;
            steps += 1;
            continue;
        }
        break;
    }
    // "is the only person authorised to speak", "is authorised to issue": the verb after "to".
    if matches!(
        toks.word(k),
        "person" | "officer" | "one" | "body" | "people" | "councillor" | "member"
    ) && is_any(toks.word(k + 1), LEAVE)
        && toks.word(k + 2) == "to"
    {
        k += 3;
    } else if is_any(toks.word(k), LEAVE) && toks.word(k + 1) == "to" {
        k += 2;
    } else if let Some(j) = (k..(k + 5).min(toks.len())).find(|&j| toks.word(j) == "to")
        && (k..j).any(|i| matches!(toks.word(i), "power" | "authority" | "right" | "discretion"))
        && (k..j).all(|i| {
            matches!(
                toks.word(i),
                "has"
                    | "have"
                    | "holds"
                    | "hold"
                    | "the"
                    | "sole"
                    | "full"
                    | "power"
                    | "authority"
                    | "right"
                    | "discretion"
            )
        })
    {
        // "has the power to approve", "has sole authority to decide": the verb after "to".
        k = j + 1;
    } else if matches!(toks.word(k), "one" | "person" | "body")
        && toks.word(k + 1) == "to"
        && !toks.word(k + 2).is_empty()
    {
        // "would normally be the one to judge whether": the verb after "to".
        k += 2;
    } else if matches!(
        toks.word(k),
        "person" | "officer" | "one" | "body" | "people" | "councillor" | "member"
    ) && matches!(toks.word(k + 1), "who" | "that")
        && matches!(toks.word(k + 2), "may" | "can" | "will" | "shall")
    {
        // "is the only councillor who may speak to reporters": the verb after the modal.
        k += 3;
    }
    let verb = toks.word(k);
    if verb.is_empty() {
        return None;
    }
    if passive && is_any(verb, SUBJECT_QUOTED) {
        return slot(Class::Speak, format!("be {verb}"));
    }
    // "believes that", "considers that", "is satisfied that": a judgement of the case.
    if is_any(verb, SUBJECT_JUDGE)
        || (is_any(verb, &["consider*"]) && toks.word(k + 1) == "that")
        || (passive && verb == "satisfied")
    {
        return slot(Class::Judge, format!("{} {verb}", s.named[m].mention.text));
    }
    // "will agree between them arrangements for ...": the rules of the matter, not a step.
    let rules_made = is_any(verb, &["agree*", "approv*", "adopt*", "set", "sets"])
        && (k + 1..(k + 5).min(toks.len())).any(|j| is_any(toks.word(j), RULES_MADE));
    if rules_made {
        return None;
    }
    if passive {
        // "the Monitoring Officer may be asked to adjudicate", "will be invited to decide":
        // asked to do what a decider does.
        if matches!(verb, "asked" | "invited" | "requested" | "called")
            && toks.word(k + 1) == "to"
            && is_any(toks.word(k + 2), SUBJECT_DECIDE)
        {
            return slot(Class::Decide, format!("be {verb} to {}", toks.word(k + 2)));
        }
        if is_any(verb, SUBJECT_TOLD) {
            return slot(Class::Tell, format!("be {verb}"));
        }
        if is_any(verb, SUBJECT_CONSULTED) {
            // "where the Chairman is involved": in a condition, the one the matter involves.
            if verb == "involved" && in_condition(s, n.tok) {
                return slot(Class::About, "is involved");
            }
            return slot(Class::Consult, format!("be {verb}"));
        }
        if is_any(verb, SUBJECT_CONTACTED) {
            return slot(Class::Send, format!("be {verb}"));
        }
    }
    // "will make the final decision", "has the final say"; "is responsible for deciding".
    let object = (k + 1..(k + 4).min(toks.len())).map(|j| toks.word(j));
    // "only if the Assistant Director has given approval": leave given.
    let leave_given = matches!(
        verb,
        "given" | "give" | "gives" | "granted" | "grant" | "grants"
    ) && object.clone().any(|w| is_any(w, GRANTS));
    let decision_object = leave_given
        || matches!(verb, "make" | "makes" | "take" | "takes" | "has" | "have")
            && object.clone().any(|w| {
                matches!(
                    w,
                    "decision" | "decisions" | "say" | "ruling" | "determination"
                )
            });
    if decision_object {
        return slot(Class::Decide, format!("{verb} the decision"));
    }
    // "The Communications Team will give advice on handling media enquiries to any councillor
    // who asks": a service to councillors, no step of any route.
    if is_any(verb, &["give", "gives", "offer", "offers", "provid*"])
        && is_any(
            toks.word(k + 1),
            &[
                "advice",
                "guidance",
                "help",
                "support",
                "training",
                "assistance",
            ],
        )
    {
        let to_members = (k + 2..(k + 12).min(toks.len())).any(|j| {
            toks.word(j) == "to"
                && (j + 1..(j + 3).min(toks.len()))
                    .any(|i| is_any(toks.word(i), &["councillor*", "member*"]))
        });
        if to_members {
            return None;
        }
    }
    // "the Town Clerk may give factual information": facts, not speaking for the council.
    if is_any(
        verb,
        &["give*", "provid*", "supply", "supplies", "confirm*"],
    ) && (k + 1..(k + 4).min(toks.len())).any(|j| is_any(toks.word(j), &["factual*", "facts"]))
    {
        return None;
    }
    // "The Chief Executive will take up with the Member concerned ... any complaint".
    if matches!(verb, "take" | "takes") && toks.word(k + 1) == "up" {
        return slot(
            Class::Handle,
            format!("{} take up", s.named[m].mention.text),
        );
    }
    // "shall be the final arbiter of any dispute", "is the sole judge of".
    let arbiter = |w: &str| matches!(w, "arbiter" | "arbitrator" | "judge" | "authority");
    if arbiter(verb) || (matches!(verb, "final" | "sole" | "ultimate") && arbiter(toks.word(k + 1)))
    {
        return slot(Class::Decide, format!("{verb} arbiter"));
    }
    if verb == "responsible" {
        // "responsible for deciding", "responsible for the interpretation of".
        let object = if toks.word(k + 2) == "the" {
            k + 3
        } else {
            k + 2
        };
        let deciding = toks.word(k + 1) == "for"
            && is_any(
                toks.word(object),
                &[
                    "decid*",
                    "determin*",
                    "interpret*",
                    "approv*",
                    "authoris*",
                    "authoriz*",
                    "agree*",
                    "settl*",
                    "resolv*",
                    "rul*",
                    "arbitrat*",
                    "adjudicat*",
                ],
            );
        return deciding.then(|| Slot {
            class: Class::Decide,
            cue: format!("responsible for {}", toks.word(object)),
            negated: false,
        });
    }
    // "The Director will seek advice from the Monitoring Officer before deciding": the subject
    // decides, after another verb.
    let later_decision = (k + 1..toks.len())
        .take_while(|&j| !gap(s, j).contains([';', ':', '.']))
        .any(|j| {
            is_any(toks.word(j), &["decid*", "determin*"])
                && (matches!(toks.word(j - 1), "before" | "and" | "then" | "after")
                    || (toks.word(j.wrapping_sub(2)) == "and"
                        && matches!(toks.word(j - 1), "will" | "shall" | "may" | "then")))
        });
    // "would normally act as the Council's spokesperson", "will act together as
    // spokespersons": the part of speaking, not of dealing with a matter.
    if matches!(verb, "act" | "acts") {
        let mut j = k + 1;
        if matches!(toks.word(j), "together" | "jointly") {
            j += 1;
        }
        if toks.word(j) == "as"
            && (j + 1..(j + 6).min(toks.len())).any(|i| toks.word(i).starts_with("spokes"))
        {
            return slot(Class::Speak, format!("{verb} as spokesperson"));
        }
    }
    // "the first point of contact for media enquiries".
    if verb == "point" && toks.word(k + 1) == "of" && toks.word(k + 2) == "contact" {
        return slot(Class::Send, "point of contact");
    }
    // "is the appropriate person to decide".
    if matches!(verb, "person" | "body" | "officer" | "one")
        && toks.word(k + 1) == "to"
        && is_any(
            toks.word(k + 2),
            &["decid*", "determin*", "approv*", "authoris*", "agree*"],
        )
    {
        return slot(Class::Decide, format!("{verb} to {}", toks.word(k + 2)));
    }
    // "Only if the Chief Executive says yes".
    if matches!(verb, "say" | "says") && matches!(toks.word(k + 1), "yes" | "so") {
        return slot(Class::Decide, format!("{verb} {}", toks.word(k + 1)));
    }
    let class = if is_any(verb, SUBJECT_ATTEND) {
        Class::Attend
    } else if is_any(verb, SUBJECT_REFER) {
        Class::Send
    } else if is_any(verb, SUBJECT_INVITE) {
        Class::Invite
    } else if is_any(verb, SUBJECT_DECIDE)
        && (verb != "final"
            || matches!(
                toks.word(k + 1),
                "say" | "arbiter" | "decision" | "authority" | "word" | "judge"
            ))
    {
        Class::Decide
    } else if is_any(verb, SUBJECT_SPEAK) && !is_any(verb, &["deal*", "handl*", "act", "acts"]) {
        Class::Speak
    } else if is_any(verb, SUBJECT_HANDLE) {
        Class::Handle
    } else if later_decision {
        Class::Decide
    } else {
        return None;
    };
    slot(class, format!("{} {verb}", s.named[m].mention.text))
}

/// The role read by the noun after its possessive: "the Leader's agreement", "the Clerk's own
/// treatment".
fn possessed(s: &Sentence, n: &Named) -> Option<Slot> {
    let toks = &s.toks;
    if toks.word(n.tok_end) != "s" || !matches!(gap(s, n.tok_end), "'" | "’") {
        return None;
    }
    let noun = toks.word(n.tok_end + 1);
    let noun = if matches!(noun, "prior" | "written" | "express" | "final") {
        toks.word(n.tok_end + 2)
    } else {
        noun
    };
    // "The Monitoring Officer's functions under this protocol are to: (b) determine any
    // question ...": the role's duty, read by the verb after "is to" or "are to" (across the
    // colon of a lead-in).
    if is_any(noun, DUTIES) {
        let end = (n.tok_end + 9).min(toks.len());
        let j = (n.tok_end + 2..end)
            .find(|&j| matches!(toks.word(j), "is" | "are") && toks.word(j + 1) == "to")?;
        let v = j + 2;
        let clean = (n.tok_end + 1..=v)
            .all(|i| !gap(s, i).contains([';', '.']) && (!gap(s, i).contains(':') || i == s.own));
        return (clean && is_any(toks.word(v), SUBJECT_DECIDE) && toks.word(v) != "give").then(
            || Slot {
                class: Class::Decide,
                cue: format!("’s {noun} … {}", toks.word(v)),
                negated: false,
            },
        );
    }
    let class = if POSSESSED_DECIDE.contains(&noun) {
        Class::Decide
    } else if POSSESSED_CONSULT.contains(&noun) {
        Class::Consult
    } else if POSSESSED_ABOUT.contains(&noun) {
        Class::About
    } else {
        return None;
    };
    slot(class, format!("’s {noun}"))
}

/// A preposition whose verb was left out reads as the last routed role's: "raise it with the
/// service manager in the first place, and after that with the Head of Paid Service"; "to the
/// Chief Officer; if it is about the Chief Officer, to the Chief Executive".
/// The slot of the last role before that routes the matter, when that role was the subject of
/// its verb: the verb a later role leaves out ("and Cabinet Members on their portfolios", "the
/// Chief Executive does so") is that one.
fn subject_before<'a>(s: &Sentence, before: &'a [Slot]) -> Option<&'a Slot> {
    let (p, slot) = before
        .iter()
        .enumerate()
        .rev()
        .find(|(_, b)| b.class.routes())?;
    subject(s, p)
        .is_some_and(|x| x.class == slot.class)
        .then_some(slot)
}

fn elided(s: &Sentence, m: usize, before: &[Slot]) -> Option<Slot> {
    let n = &s.named[m];
    let toks = &s.toks;
    let mut k = n.tok;
    while k > 0 && filler(toks, k - 1) {
        k -= 1;
    }
    // "On policy the Leader speaks; on operational matters the Chief Executive does so": the
    // verb said again by "do so" is the earlier subject's.
    let mut v = n.tok_end;
    if matches!(
        toks.word(v),
        "will" | "shall" | "may" | "must" | "should" | "would" | "can"
    ) {
        v += 1;
    }
    if matches!(toks.word(v), "do" | "does" | "did") && toks.word(v + 1) == "so" {
        let slot = subject_before(s, before)?;
        let mut b = n.tok;
        while b > 0 && filler(toks, b - 1) {
            b -= 1;
        }
        let governed = b > 0
            && matches!(
                toks.word(b - 1),
                "to" | "with" | "by" | "of" | "from" | "for" | "than" | "as"
            );
        return (!governed).then(|| Slot {
            class: slot.class,
            cue: format!("does so ({})", slot.cue),
            negated: false,
        });
    }
    let prep = toks.word(k.checked_sub(1)?);
    // A verb left out after "and": "The Leader speaks to the media on policy, and Cabinet
    // Members on their portfolios" (the earlier role was the subject of the same verb).
    if matches!(prep, "and" | "or") && gap(s, k - 1).contains([',', ';']) {
        let slot = subject_before(s, before)?;
        return Some(Slot {
            class: slot.class,
            cue: format!("and … ({})", slot.cue),
            negated: false,
        });
    }
    // "of" and "from" are elided only after a comma: "with the prior authority of the Chief
    // Executive or, in the case of a briefing on the budget, of the Section 151 Officer" (not
    // "the support of the Leader", a noun of its own).
    let after_comma = gap(s, k - 1).contains([',', ';']);
    if !(matches!(prep, "with" | "to" | "by") || (matches!(prep, "of" | "from") && after_comma)) {
        return None;
    }
    // The nearest earlier role reached by the same preposition ("made by the Chair or, if the
    // Chair so agrees, by the Clerk": the Chair who agrees is reached by no "by").
    let reached_by = |p: usize| {
        let mut j = s.named[p].tok;
        while j > 0 && filler(toks, j - 1) {
            j -= 1;
        }
        j > 0 && toks.word(j - 1) == prep
    };
    let (_, slot) = before
        .iter()
        .enumerate()
        .rev()
        .find(|(p, b)| b.class.routes() && reached_by(*p))?;
    Some(Slot {
        class: slot.class,
        cue: format!("… {prep}"),
        negated: false,
    })
}

/// Words that negate what follows them in a part of a sentence.
const NEGATIONS: &[&str] = &["not", "never", "cannot", "nor", "no"];
/// How many words before a role a negation reaches ("cannot be discussed with the relevant
/// Group Chair").
const NEGATION_REACH: usize = 10;

/// True when the role at `n` is named under a negation ("cannot be discussed with the Chair",
/// "rather than the Leader", "the chair of the council should not attempt to deal with"), but
/// not when an exception lifts it ("not ... unless their Chief Officer has agreed", "not ...
/// without the agreement of").
pub(crate) fn negated(s: &Sentence, n: &Named) -> bool {
    let toks = &s.toks;
    // "rather than X", "instead of X", "other than X".
    let before2 = (
        toks.word(n.tok.wrapping_sub(2)),
        toks.word(n.tok.wrapping_sub(1)),
    );
    let mut b = n.tok;
    while b > 0 && filler(toks, b - 1) {
        b -= 1;
    }
    let (p2, p1) = if b >= 2 {
        (toks.word(b - 2), toks.word(b - 1))
    } else {
        before2
    };
    if matches!((p2, p1), ("rather", "than") | ("instead", "of"))
        || (p1 == "not" && !matches!(p2, "if" | "whether"))
    {
        return true;
    }
    // A negated verb before the role, within its part of the sentence.
    let from = n.tok.saturating_sub(NEGATION_REACH);
    for k in (from..n.tok).rev() {
        let t = &toks[k];
        if gap(s, k + 1).contains([',', ';', ':', '('])
            || matches!(
                &*t.lower,
                "unless" | "except" | "without" | "until" | "other" | "but" | "if" | "whether"
            )
        {
            break;
        }
        if NEGATIONS.contains(&&*t.lower) {
            // "passes any that cannot be answered to the Town Mayor": a relative clause's
            // negation, not the route's.
            let relative =
                (k.saturating_sub(2)..k).any(|j| matches!(toks.word(j), "that" | "which" | "who"));
            return !relative;
        }
        // A new verb group ("... that the Monitoring Officer cannot resolve are determined by
        // the Committee"): a negation before it is another verb's.
        let aux = matches!(
            &*t.lower,
            "are"
                | "is"
                | "was"
                | "were"
                | "will"
                | "shall"
                | "must"
                | "should"
                | "may"
                | "can"
                | "could"
                | "would"
                | "might"
        );
        if aux && toks.word(k + 1) != "not" {
            break;
        }
    }
    // The role as the subject of a negated verb: "The chair of the council should not attempt";
    // but not in a clause that names what goes on to the next step ("disputes that the
    // Monitoring Officer cannot resolve are determined by ...").
    let mut a = n.tok;
    while a > 0 && matches!(toks.word(a - 1), "the" | "a" | "an" | "their" | "its") {
        a -= 1;
    }
    if a > 0 && matches!(toks.word(a - 1), "that" | "which" | "where" | "if" | "when") {
        return false;
    }
    let mut k = n.tok_end;
    while matches!(
        toks.word(k),
        "concerned" | "alone" | "personally" | "themselves" | "itself"
    ) {
        k += 1;
    }
    if gap(s, k).contains([',', ';']) {
        return false;
    }
    let (a, b) = (toks.word(k), toks.word(k + 1));
    (matches!(
        a,
        "should" | "must" | "will" | "shall" | "may" | "can" | "need" | "does" | "do"
    ) && b == "not")
        || a == "cannot"
        || (matches!(a, "shouldn" | "mustn" | "won" | "can" | "doesn" | "don") && b == "t")
}

#[cfg(test)]
mod tests {
    use super::super::text::{Sentence, Words};
    use super::*;
    use concord_model::roles::{Lexicon, Shape};

    pub(crate) fn sentence(shape: Shape, text: &str) -> Sentence {
        let toks = Words::new(text);
        let named = Lexicon::new(shape)
            .mentions(text)
            .into_iter()
            .map(|m| super::super::text::named(&toks, m))
            .collect();
        Sentence {
            text: text.into(),
            toks,
            named,
            clause: 0,
            own: 0,
            item: false,
            slots: Vec::new(),
        }
    }

    fn classes(text: &str) -> Vec<(String, Class, bool)> {
        let s = sentence(Shape::Principal, text);
        read(&s)
            .into_iter()
            .zip(&s.named)
            .map(|(sl, n)| (n.mention.role.clone(), sl.class, sl.negated))
            .collect()
    }

    fn c(role: &str, class: Class) -> (String, Class, bool) {
        (role.to_string(), class, false)
    }

    #[test]
    fn routes_and_decisions() {
        assert_eq!(
            classes(
                "This should be taken up with the service manager in the first place, and after that with the Head of Paid Service."
            ),
            [
                c("head-of-service", Class::Send),
                c("chief-executive", Class::Send)
            ]
        );
        assert_eq!(
            classes(
                "Staff shall not attend unless their Chief Officer has agreed, and only at the discretion of the Chief Executive."
            ),
            [
                c("chief-officer", Class::Decide),
                c("chief-executive", Class::Decide)
            ]
        );
        assert_eq!(
            classes(
                "A complaint about the Chief Executive is referred to the Monitoring Officer, who will decide it."
            ),
            [
                c("chief-executive", Class::About),
                c("monitoring-officer", Class::Send)
            ]
        );
        assert_eq!(
            classes("It is a matter for the Chief Executive to decide."),
            [c("chief-executive", Class::Decide)]
        );
        assert_eq!(
            classes(
                "The Leader in consultation with the Monitoring Officer will determine the matter."
            ),
            [
                c("leader", Class::Decide),
                c("monitoring-officer", Class::Consult)
            ]
        );
        assert_eq!(
            classes("Officers must notify the Director and the Monitoring Officer."),
            [
                c("director", Class::Tell),
                c("monitoring-officer", Class::Tell)
            ]
        );
    }

    #[test]
    fn named_but_not_routed() {
        assert_eq!(
            classes("An officer with a close relationship with the Chief Executive."),
            [c("chief-executive", Class::Other)]
        );
        assert_eq!(
            classes("Officers give support to the Leader of the Opposition."),
            [c("group-leader", Class::Other)]
        );
        assert_eq!(
            classes("It cannot be discussed with the relevant Group Leader."),
            [("group-leader".to_string(), Class::Send, true)]
        );
        assert_eq!(
            classes(
                "A councillor should raise it with the Town Clerk and must not criticise the officer."
            ),
            [c("clerk", Class::Send)]
        );
        assert_eq!(
            classes("The Chair of the council should not attempt to deal with it."),
            [("chair".to_string(), Class::Handle, true)]
        );
    }
}
