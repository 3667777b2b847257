//! Exit codes, as `git diff` and friends use them.

/// Everything went as asked (and, where asked, no differences were found).
pub const SUCCESS: i32 = 0;
/// Differences were found and `--exit-code` asked to be told, or a check found an error-level problem.
#[allow(dead_code, reason = "used by diff and check")]
pub const DIFFERENCES: i32 = 1;
/// Bad input, bad usage, or a file that could not be read or written. Nothing was written.
pub const BAD_INPUT: i32 = 2;
