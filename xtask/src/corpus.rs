//! `cargo xtask corpus`: a deterministic synthetic corpus for benchmarks, made by mutating the
//! clause structures of the real seeds (role swaps, changed durations, dropped and reordered
//! sentences, renumbering, moves), and large version pairs with a known share of changes.
//!
//! Every output is a function of `--seed`: the generator uses its own small PRNG (SplitMix64),
//! so the same command gives byte-identical files on every machine.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use concord_model::Document;

/// SplitMix64: tiny, fast, and good enough to shuffle clauses.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// The raw material: section headings and the sentences of the seeds' clauses.
#[derive(Debug)]
pub struct Pool {
    pub headings: Vec<String>,
    pub sentences: Vec<String>,
}

impl Pool {
    pub fn from_corpus(root: &Path) -> anyhow::Result<Pool> {
        let mut headings = Vec::new();
        let mut clauses = Vec::new();
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("corpus"))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).with_context(|| format!("reading {}", f.display()))?;
            let doc: Document = concord_ingest::read(&bytes, "seed", &Default::default())
                .map_err(|e| anyhow::anyhow!("{}: {e}", f.display()))?
                .document;
            let doc = doc.after();
            for s in doc.all_sections() {
                if !s.heading.trim().is_empty() {
                    headings.push(title_case(&s.heading));
                }
            }
            for c in doc.clauses() {
                let mut t = c.text.replace("\n\n", " ");
                for i in &c.items {
                    t.push(' ');
                    t.push_str(&i.text);
                }
                if t.split_whitespace().count() >= 8 {
                    clauses.push(t);
                }
            }
        }
        anyhow::ensure!(!clauses.is_empty(), "the corpus holds no clauses");
        let mut sentences: Vec<String> = clauses
            .iter()
            .flat_map(|c| c.split_inclusive(". "))
            .map(|s| s.trim().to_string())
            .filter(|s| s.split_whitespace().count() >= 6)
            .collect();
        sentences.sort();
        sentences.dedup();
        Ok(Pool {
            headings,
            sentences,
        })
    }

    /// A new clause: two or three sentences of the seeds, mutated. Real long documents do not
    /// repeat clauses, so neither may a benchmark's (repeats would make alignment look harder
    /// than it is, and moves appear that nobody made).
    pub fn clause(&self, rng: &mut Rng) -> String {
        let n = 2 + rng.below(2);
        let text: Vec<&str> = (0..n).map(|_| rng.pick(&self.sentences).as_str()).collect();
        mutate(rng, &text.join(" "))
    }
}

fn title_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut start = true;
    for ch in lower.chars() {
        if start && ch.is_alphabetic() {
            out.extend(ch.to_uppercase());
            start = false;
        } else {
            out.push(ch);
        }
        if ch == ' ' {
            start = true;
        }
    }
    out
}

const ROLES: &[&str] = &[
    "Monitoring Officer",
    "Chief Executive",
    "Head of Paid Service",
    "Section 151 Officer",
    "Strategic Director",
    "Executive Director",
    "Head of Service",
    "Political Group Leader",
    "Leader of the Council",
    "Chair of the Standards Committee",
    "Clerk",
    "line manager",
];

const COUNCILS: &[&str] = &[
    "Ashbourne",
    "Brackley",
    "Calder",
    "Dunmore",
    "Eastwick",
    "Fenby",
    "Glenholme",
    "Harwood",
    "Ivybridge",
    "Kettleby",
    "Lindford",
    "Marlow Vale",
    "Northgate",
    "Oakham",
    "Pelham",
    "Queensbury",
    "Redmarsh",
    "Stowe",
    "Thornbury",
    "Upton",
    "Wexcombe",
    "Yarrow",
];

const KINDS: &[(&str, &str)] = &[
    ("Parish Council", "parish"),
    ("Town Council", "town"),
    ("District Council", "district"),
    ("Borough Council", "borough"),
    ("County Council", "county"),
    ("Council", "unitary"),
];

/// A clause text with some of the mutations real revisions make.
pub fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut t = text.to_string();
    if rng.chance(0.3) {
        let from = rng.pick(ROLES);
        if t.contains(from) {
            let to: &str = rng.pick::<&str>(ROLES);
            t = t.replacen(from, to, 1);
        }
    }
    if rng.chance(0.3) {
        t = change_durations(rng, &t);
    }
    let mut sentences: Vec<&str> = t.split_inclusive(". ").collect();
    if sentences.len() > 2 && rng.chance(0.2) {
        let k = rng.below(sentences.len());
        sentences.remove(k);
    }
    if sentences.len() > 2 && rng.chance(0.2) {
        let k = rng.below(sentences.len() - 1);
        sentences.swap(k, k + 1);
    }
    let mut out = sentences.concat();
    if !out.ends_with(['.', ';', ':']) {
        out.push('.');
    }
    out.replace(". .", ".")
}

/// Rewrites the numbers before "days", "working days", "weeks" and "years".
fn change_durations(rng: &mut Rng, t: &str) -> String {
    let words: Vec<&str> = t.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (k, w) in words.iter().enumerate() {
        let next = words.get(k + 1).copied().unwrap_or("");
        let next2 = words.get(k + 2).copied().unwrap_or("");
        let unit = |s: &str| s.starts_with("day") || s.starts_with("week") || s.starts_with("year");
        if w.parse::<u32>().is_ok() && (unit(next) || (next == "working" && unit(next2))) {
            out.push((1 + rng.below(20)).to_string());
        } else {
            out.push((*w).to_string());
        }
    }
    out.join(" ")
}

/// One synthetic protocol: a council, 8-18 sections of 2-8 clauses, as Markdown or as
/// hard-wrapped plain text (the two shapes real input comes in).
pub fn protocol(rng: &mut Rng, pool: &Pool, target_bytes: usize) -> String {
    let (suffix, _) = *rng.pick(KINDS);
    let council = format!("{} {suffix}", rng.pick(COUNCILS));
    let markdown = rng.chance(0.5);
    let mut out = String::with_capacity(target_bytes + 4096);
    if markdown {
        let _ = writeln!(out, "# Protocol on Member/Officer Relations\n\n{council}\n");
    } else {
        let _ = writeln!(out, "PROTOCOL ON MEMBER/OFFICER RELATIONS\n\n{council}\n");
    }
    let mut section = 0;
    while out.len() < target_bytes {
        section += 1;
        let heading = rng.pick(&pool.headings).clone();
        if markdown {
            let _ = writeln!(out, "## {section}. {heading}\n");
        } else {
            let _ = writeln!(out, "{section}. {}\n", heading.to_uppercase());
        }
        let n = 2 + rng.below(7);
        for k in 1..=n {
            let text = pool.clause(rng);
            let para = format!("{section}.{k} {text}");
            if markdown {
                let _ = writeln!(out, "{para}\n");
            } else {
                let _ = writeln!(out, "{}\n", wrap(&para, 85));
            }
        }
    }
    out
}

/// Hard-wraps a paragraph at `width` columns, as PDF extraction does.
fn wrap(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut col = 0;
    for w in s.split_whitespace() {
        if col > 0 && col + 1 + w.chars().count() > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += w.chars().count();
    }
    out
}

/// A large pair of versions: the old with `sections` sections; the new with a section
/// inserted at the front (so every clause is renumbered), `word_share` of words changed, and
/// `move_share` of clauses moved to another section. Both are Markdown.
pub fn pair(rng: &mut Rng, pool: &Pool, target_bytes: usize) -> (String, String) {
    // Build the old version as a list of sections of clause texts.
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    let mut size = 0;
    while size < target_bytes {
        let heading = rng.pick(&pool.headings).clone();
        let n = 3 + rng.below(8);
        let mut clauses = Vec::with_capacity(n);
        for _ in 0..n {
            let t = pool.clause(rng);
            size += t.len() + 10;
            clauses.push(t);
        }
        size += heading.len() + 8;
        sections.push((heading, clauses));
    }
    let old = render_md(&sections);
    // The new version: 2% of words changed, 1% of clauses moved, a new first section.
    let mut new_sections = sections.clone();
    for (_, clauses) in &mut new_sections {
        for c in clauses.iter_mut() {
            let words: Vec<&str> = c.split(' ').collect();
            let changed: Vec<String> = words
                .iter()
                .map(|w| {
                    if rng.chance(0.02) {
                        format!("{}{}", w, if rng.chance(0.5) { "s" } else { "ly" })
                    } else {
                        (*w).to_string()
                    }
                })
                .collect();
            *c = changed.join(" ");
        }
    }
    let total: usize = new_sections.iter().map(|(_, c)| c.len()).sum();
    let moves = total / 100;
    for _ in 0..moves {
        let from = rng.below(new_sections.len());
        if new_sections[from].1.len() < 2 {
            continue;
        }
        let k = rng.below(new_sections[from].1.len());
        let clause = new_sections[from].1.remove(k);
        let to = rng.below(new_sections.len());
        let at = rng.below(new_sections[to].1.len() + 1);
        new_sections[to].1.insert(at, clause);
    }
    new_sections.insert(
        0,
        (
            "Status of This Protocol".to_string(),
            vec![
                "This protocol was revised after a review by the Standards Committee and replaces the earlier version in full.".to_string(),
            ],
        ),
    );
    (old, render_md(&new_sections))
}

fn render_md(sections: &[(String, Vec<String>)]) -> String {
    let mut out = String::from("# Protocol on Member/Officer Relations\n\n");
    for (i, (h, clauses)) in sections.iter().enumerate() {
        let n = i + 1;
        let _ = writeln!(out, "## {n}. {h}\n");
        for (k, c) in clauses.iter().enumerate() {
            let _ = writeln!(out, "{n}.{} {c}\n", k + 1);
        }
    }
    out
}

/// `cargo xtask corpus --count N --seed S [--out DIR] [--pair-bytes B]`.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let mut count = 100usize;
    let mut seed = 1u64;
    let mut out = crate::root().join("target/synthetic");
    let mut pair_bytes: Option<usize> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().context(format!("{a} needs a value"));
        match a.as_str() {
            "--count" => count = value()?.parse().context("--count takes a number")?,
            "--seed" => seed = value()?.parse().context("--seed takes a number")?,
            "--out" => out = PathBuf::from(value()?),
            "--pair-bytes" => {
                pair_bytes = Some(value()?.parse().context("--pair-bytes takes a number")?);
            }
            other => anyhow::bail!(
                "unknown option {other:?}; usage: cargo xtask corpus --count N --seed S [--out DIR] [--pair-bytes B]"
            ),
        }
    }
    let pool = Pool::from_corpus(&crate::root())?;
    std::fs::create_dir_all(&out)?;
    let written = write_corpus(&pool, &out, count, seed)?;
    println!(
        "wrote {count} protocols ({written} bytes) to {}",
        out.display()
    );
    if let Some(b) = pair_bytes {
        let mut rng = Rng::new(seed.wrapping_add(7));
        let (old, new) = pair(&mut rng, &pool, b);
        std::fs::write(out.join("pair-old.md"), &old)?;
        std::fs::write(out.join("pair-new.md"), &new)?;
        println!(
            "wrote pair-old.md ({} bytes) and pair-new.md ({} bytes)",
            old.len(),
            new.len()
        );
    }
    Ok(())
}

/// Writes `count` protocols of 10-30 KB into `dir`; returns the bytes written.
pub fn write_corpus(pool: &Pool, dir: &Path, count: usize, seed: u64) -> anyhow::Result<usize> {
    let mut rng = Rng::new(seed);
    let mut total = 0;
    for i in 0..count {
        let size = 10_000 + rng.below(20_000);
        let text = protocol(&mut rng, pool, size);
        total += text.len();
        std::fs::write(dir.join(format!("p{i:05}.txt")), text)?;
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let pool = Pool::from_corpus(&crate::root()).expect("the seeds read");
        let a = protocol(&mut Rng::new(5), &pool, 12_000);
        let b = protocol(&mut Rng::new(5), &pool, 12_000);
        let c = protocol(&mut Rng::new(6), &pool, 12_000);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.len() >= 12_000 && a.len() < 20_000, "{}", a.len());
        let doc = concord_ingest::read(a.as_bytes(), "p", &Default::default())
            .expect("text")
            .document;
        assert!(doc.clauses().len() > 10);
    }
}
