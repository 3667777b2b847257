//! The check report of `concord check` and `[[check]]` build jobs: findings of one or more
//! files, as text (one line per finding with its fix below, then a count) or as the JSON
//! contract `{"findings": [...]}`.

use concord_check::{Finding, Severity};
use serde::Serialize;

use crate::Error;
use crate::format::json as pretty;

/// The JSON contract of a check report: `{"findings": [...]}`.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub findings: Vec<ReportFinding<'a>>,
}

/// One finding in the JSON contract, with the path of its file. The fields are written in
/// alphabetical order, as the report has always written them.
#[derive(Debug, Serialize)]
pub struct ReportFinding<'a> {
    pub clause: Option<&'a str>,
    pub code: &'a str,
    pub fix: &'a str,
    pub line: u32,
    pub message: &'a str,
    pub path: &'a str,
    pub severity: Severity,
}

/// The findings of each file, by the path shown for it.
pub type Checked = [(String, Vec<Finding>)];

impl<'a> Report<'a> {
    /// The report of every file's findings, in order.
    pub fn new(all: &'a Checked) -> Report<'a> {
        Report {
            findings: all
                .iter()
                .flat_map(|(path, fs)| {
                    fs.iter().map(move |f| ReportFinding {
                        clause: f.clause.as_deref(),
                        code: f.code,
                        fix: &f.fix,
                        line: f.line,
                        message: &f.message,
                        path,
                        severity: f.severity,
                    })
                })
                .collect(),
        }
    }
}

/// The findings as `{"findings": [...]}`, each with its path.
pub fn json(all: &Checked) -> Result<String, Error> {
    pretty(&Report::new(all), "the findings")
}

/// The findings as text, one per line with its fix, and a count.
pub fn text(all: &Checked) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for (path, findings) in all {
        for f in findings {
            let sev = match f.severity {
                Severity::Error => {
                    errors += 1;
                    "error"
                }
                Severity::Warning => {
                    warnings += 1;
                    "warning"
                }
                Severity::Info => {
                    infos += 1;
                    "info"
                }
            };
            out.push_str(&format!(
                "{path}:{}: {sev}[{}]: {}\n  fix: {}\n",
                f.line, f.code, f.message, f.fix
            ));
        }
    }
    let files = if all.len() == 1 { "file" } else { "files" };
    if errors + warnings + infos == 0 {
        out.push_str(&format!("{} {files} checked: no findings\n", all.len()));
    } else {
        out.push_str(&format!(
            "{} {files} checked: {errors} error(s), {warnings} warning(s), {infos} note(s)\n",
            all.len()
        ));
    }
    out
}
