//! Developer tasks for Concord, run as `cargo xtask <task>`:
//!
//! - `codegen`: regenerate the committed generated files (the JSON Schema of the clause model,
//!   the table of diagnostic codes). A test fails when they are stale.
//! - `tidy`: check the architecture's dependency edges (also a test).
//! - `corpus --count N --seed S [--out DIR] [--pair-bytes B]`: a deterministic synthetic corpus
//!   (and a large version pair) for the benchmarks.
//! - `bench [--quick] [--record]`: Concord beside the tools users would otherwise run, as ratios;
//!   `--record` writes `docs/performance.md`.

mod bench;
mod codegen;
mod corpus;
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
            Ok(())
        }
        "tidy" => {
            let problems = tidy::check(&root())?;
            for p in &problems {
                eprintln!("{p}");
            }
            if problems.is_empty() {
                Ok(())
            } else {
                anyhow::bail!("{} tidy problem(s)", problems.len())
            }
        }
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
        // The raw `similar` baseline as a process of its own, so its peak memory can be read.
        "bench-raw-similar" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            anyhow::ensure!(
                args.len() == 2,
                "usage: cargo xtask bench-raw-similar OLD NEW"
            );
            let old = std::fs::read_to_string(&args[0])?;
            let new = std::fs::read_to_string(&args[1])?;
            println!("{}", bench::raw_similar(&old, &new));
            Ok(())
        }
        _ => {
            eprintln!("usage: cargo xtask <codegen|tidy|corpus|bench>");
            std::process::exit(2);
        }
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}
