//! Developer tasks for Concord, run as `cargo xtask <task>`:
//!
//! - `codegen`: regenerate the committed generated files (the JSON Schema of the clause model,
//!   the table of diagnostic codes, the man pages in `docs/man/`). A test fails when they are
//!   stale.
//! - `tidy`: check the architecture's dependency edges and that no two modules use each other
//!   (also tests).
//! - `styles [--verbose] [--show SOURCE STYLE]`: the style matrix: every protocol we hold re-laid
//!   in each house style and read back (also a test).
//! - `corpus --count N --seed S [--out DIR] [--pair-bytes B]`: a deterministic synthetic corpus
//!   (and a large version pair) for the benchmarks.
//! - `bench [--quick] [--record]`: Concord beside the tools users would otherwise run, as ratios;
//!   `--record` writes `docs/performance.md`.
//! - `fuzz --target T [--seconds N]`: run one cargo-fuzz target (default 600 s).
//! - `fuzz-smoke [--seconds N]`: run every fuzz target in turn (default 60 s each).
//! - `fuzz-keep NAME ARTIFACT NOTE`: keep a crash input as a regression case.

mod bench;
mod codegen;
mod corpus;
mod fuzz;
mod styles;
mod tidy;

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    match task.as_str() {
        "codegen" => {
            for (path, contents) in codegen::generated() {
                let full = root().join(&path);
                let old = std::fs::read_to_string(&full).unwrap_or_default();
                if old != contents {
                    if let Some(dir) = full.parent() {
                        std::fs::create_dir_all(dir)?;
                    }
                    std::fs::write(&full, contents)?;
                    println!("updated {path}");
                }
            }
            // The man pages come from the binary's own argument definitions (clap_mangen),
            // so the binary writes them; `crates/cli/tests/man.rs` checks they are fresh.
            let status = std::process::Command::new(env!("CARGO"))
                .args(["run", "--quiet", "-p", "concord", "--", "man"])
                .arg(root().join("docs/man"))
                .status()?;
            anyhow::ensure!(status.success(), "concord man failed");
            Ok(())
        }
        "tidy" => {
            let mut problems = tidy::check(&root())?;
            problems.extend(tidy::module_cycles(&root())?);
            for p in &problems {
                eprintln!("{p}");
            }
            if problems.is_empty() {
                Ok(())
            } else {
                anyhow::bail!("{} tidy problem(s)", problems.len())
            }
        }
        "styles" => styles::run(&root(), &std::env::args().skip(2).collect::<Vec<_>>()),
        "corpus" => corpus::run(&std::env::args().skip(2).collect::<Vec<_>>()),
        "bench" => bench::run(&std::env::args().skip(2).collect::<Vec<_>>()),
        // One corpus size of the benchmark, in a process of its own (see bench/scale.rs).
        "bench-scale" => {
            let n = std::env::args().nth(2).and_then(|s| s.parse().ok());
            let Some(n) = n else {
                anyhow::bail!("usage: cargo xtask bench-scale N");
            };
            bench::scale(n)
        }
        // The plain `similar` floor as a process of its own, so it is timed whole process
        // against `concord diff` and its peak memory can be read.
        "bench-raw-similar" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            let usage = "usage: cargo xtask bench-raw-similar Myers|Patience OLD NEW";
            let [algorithm, old, new] = args.as_slice() else {
                anyhow::bail!("{usage}");
            };
            let Some((_, algorithm)) = bench::FLOORS.iter().find(|(n, _)| n == algorithm) else {
                anyhow::bail!("{usage}");
            };
            let old = std::fs::read_to_string(old)?;
            let new = std::fs::read_to_string(new)?;
            println!("{}", bench::raw_similar(&old, &new, *algorithm));
            Ok(())
        }
        "fuzz" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            let Some(target) = flag(&args, "--target") else {
                usage();
            };
            let seconds = seconds(&args, 600)?;
            let result = fuzz::run(&root(), &target, seconds)?;
            println!("{}", result.row());
            if result.ok {
                Ok(())
            } else {
                anyhow::bail!("fuzz target {target} failed")
            }
        }
        "fuzz-smoke" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            fuzz::smoke(&root(), seconds(&args, 60)?)
        }
        "fuzz-keep" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            let [name, artifact, note] = args.as_slice() else {
                usage();
            };
            fuzz::keep(&root(), name, std::path::Path::new(artifact), note)
        }
        _ => usage(),
    }
}

const USAGE: &str = "usage: cargo xtask <task>
  codegen                            regenerate the committed generated files
  tidy                               check the architecture's dependency edges
  corpus --count N --seed S [--out DIR] [--pair-bytes B]
                                     write a deterministic synthetic corpus for the benchmarks
  bench [--quick] [--record]         Concord beside the tools users would otherwise run, as ratios
  bench-scale N                      one corpus size of the benchmark (used by bench)
  bench-raw-similar ALG OLD NEW      the plain similar word diff floor, Myers or Patience (used by bench)
  fuzz --target T [--seconds N]      run one fuzz target (default 600 s); targets: ingest_text, ingest_docx, ingest_pdf, markdown_round_trip, options, diff
  fuzz-smoke [--seconds N]           run every fuzz target in turn (default 60 s each)
  fuzz-keep NAME ARTIFACT NOTE       keep a crash input as corpus/regressions/NAME.input with its note";

fn usage() -> ! {
    eprintln!("{USAGE}");
    std::process::exit(2);
}

/// The value after `name` in `args`.
fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn seconds(args: &[String], default: u64) -> anyhow::Result<u64> {
    match flag(args, "--seconds") {
        None => Ok(default),
        Some(s) => s
            .parse()
            .map_err(|_| anyhow::anyhow!("--seconds takes a whole number, not '{s}'")),
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[cfg(test)]
mod tests {
    /// Every test docs/reliability.md names in its tables is a test (or fuzz check) that exists.
    #[test]
    fn reliability_page_names_real_tests() {
        let root = crate::root();
        let page = std::fs::read_to_string(root.join("docs/reliability.md")).unwrap();
        let mut sources = String::new();
        let mut stack = vec![
            root.join("crates"),
            root.join("fuzz/fuzz_targets"),
            root.join("xtask/src"),
        ];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    sources.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut named = 0;
        // Only tables whose last column is headed "test" or "tests" name tests.
        let mut tests_column = false;
        let mut header = true;
        for line in page.lines() {
            if !line.starts_with('|') {
                header = true;
                continue;
            }
            let last = line
                .trim_end_matches('|')
                .rsplit('|')
                .next()
                .unwrap_or("")
                .trim();
            if header {
                tests_column = matches!(last, "test" | "tests");
                header = false;
                continue;
            }
            if !tests_column || last.starts_with("---") {
                continue;
            }
            for (k, token) in last.split('`').enumerate() {
                let is_name = k % 2 == 1
                    && token.contains('_')
                    && token
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                if is_name {
                    named += 1;
                    assert!(
                        sources.contains(&format!("fn {token}(")),
                        "docs/reliability.md names `{token}`, which is no test here"
                    );
                }
            }
        }
        assert!(named >= 40, "only {named} tests named");
    }

    #[test]
    fn reliability_page_lists_every_kept_fuzz_case() {
        let root = crate::root();
        let page = std::fs::read_to_string(root.join("docs/reliability.md")).unwrap();
        let found = page
            .split("### What fuzzing found")
            .nth(1)
            .expect("the page has a section on what fuzzing found");
        let mut cases = 0;
        for entry in std::fs::read_dir(root.join("corpus/regressions")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "input") {
                let name = path.file_stem().unwrap().to_string_lossy().into_owned();
                cases += 1;
                assert!(
                    found.contains(&format!("| `{name}` |")),
                    "corpus/regressions/{name}.input is not in docs/reliability.md's table of what fuzzing found"
                );
            }
        }
        assert!(cases > 0, "no kept cases");
    }

    #[test]
    fn usage_names_every_task_and_fuzz_target() {
        for task in [
            "codegen",
            "tidy",
            "corpus",
            "bench",
            "bench-scale",
            "fuzz ",
            "fuzz-smoke",
            "fuzz-keep",
        ] {
            assert!(super::USAGE.contains(task), "usage lacks {task}");
        }
        for (target, _) in crate::fuzz::TARGETS {
            assert!(super::USAGE.contains(target), "usage lacks {target}");
        }
    }
}
