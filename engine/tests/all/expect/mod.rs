//! The expectations of a hand-written case (`tests/cases/**/*.bl`), written in its
//! comments, and the check of a run against them. Shared by the engine's case test
//! (the interpreter) and the runtime's backend test (both backends, through the
//! executor), so both read the comments the same way:
//!
//! ```text
//! ; expect: bob, charlie          one output line (text form, spec §5.3), in order
//! ; expect-error: E201 4:12       an error (check or runtime), optionally at line:column
//! ; expect-warning: W002 3:1      a warning, optionally at line:column
//! ; expect-any-error: E401 E402   exactly one error, with one of these codes (runaway programs)
//! ; limits: max_steps=1000        limits for this run (others keep their defaults)
//! ```
//! Errors and warnings must match exactly (no unlisted ones); outputs must match
//! exactly, including the outputs recorded before a runtime error.

use bytelogic_engine::{Diagnostic, Limits, LineIndex, Severity};
use std::path::{Path, PathBuf};

/// What a case's comments require.
#[derive(Default)]
pub struct Expectation {
    /// The output lines, in order.
    pub outputs: Vec<String>,
    /// Each error's code and optional `line:column`.
    pub errors: Vec<(String, Option<String>)>,
    /// Each warning's code and optional `line:column`.
    pub warnings: Vec<(String, Option<String>)>,
    /// Exactly one error with one of these codes.
    pub any_error: Option<Vec<String>>,
    /// The limits the case runs under.
    pub limits: Limits,
}

/// Reads the expectation comments of `source`.
pub fn parse_expectation(source: &str) -> Result<Expectation, String> {
    let mut e = Expectation::default();
    for line in source.lines() {
        let Some(rest) = line.trim_start().strip_prefix(';') else {
            continue;
        };
        let rest = rest.trim_start();
        let Some((key, value)) = rest.split_once(':') else {
            continue;
        };
        let value = value.trim();
        let code_and_pos = |v: &str| {
            let mut parts = v.split_whitespace();
            (
                parts.next().unwrap_or("").to_string(),
                parts.next().map(str::to_string),
            )
        };
        match key.trim() {
            "expect" => e.outputs.push(value.to_string()),
            "expect-error" => e.errors.push(code_and_pos(value)),
            "expect-warning" => e.warnings.push(code_and_pos(value)),
            "expect-any-error" => {
                e.any_error = Some(value.split_whitespace().map(str::to_string).collect())
            }
            "limits" => {
                for kv in value.split_whitespace() {
                    let (k, v) = kv.split_once('=').ok_or(format!("bad limit `{kv}`"))?;
                    let n: u64 = v.parse().map_err(|_| format!("bad limit value `{kv}`"))?;
                    match k {
                        "max_steps" => e.limits.max_steps = n,
                        "max_tuples" => e.limits.max_tuples = n,
                        "max_depth" => e.limits.max_depth = n as u32,
                        "timeout_ms" => e.limits.timeout_ms = n,
                        "max_memory_mb" => e.limits.max_memory_mb = n,
                        "max_source_kb" => e.limits.max_source_kb = n,
                        _ => return Err(format!("unknown limit `{k}`")),
                    }
                }
            }
            _ => {}
        }
    }
    Ok(e)
}

fn describe(d: &Diagnostic, index: &LineIndex<'_>) -> (String, String) {
    let p = index.position(d.span);
    (
        d.code.as_str().to_string(),
        format!("{}:{}", p.line, p.column),
    )
}

fn matches(expected: &[(String, Option<String>)], actual: &[(String, String)]) -> bool {
    let mut left: Vec<&(String, String)> = actual.iter().collect();
    for (code, pos) in expected {
        let Some(i) = left
            .iter()
            .position(|(c, p)| c == code && pos.as_ref().is_none_or(|pos| pos == p))
        else {
            return false;
        };
        left.remove(i);
    }
    left.is_empty()
}

/// Checks what a run produced against the case's comments: `outputs` in text form,
/// `diagnostics` the front end's then the runtime error. `Err` explains the mismatch.
pub fn verify(
    source: &str,
    exp: &Expectation,
    outputs: &[String],
    diagnostics: &[Diagnostic],
) -> Result<(), String> {
    let index = LineIndex::new(source);
    let (errors, warnings): (Vec<_>, Vec<_>) = diagnostics
        .iter()
        .partition(|d| d.severity == Severity::Error);
    let errors: Vec<(String, String)> = errors.iter().map(|d| describe(d, &index)).collect();
    let warnings: Vec<(String, String)> = warnings.iter().map(|d| describe(d, &index)).collect();
    let shown = |v: &[(String, String)]| {
        v.iter()
            .map(|(c, p)| format!("{c} {p}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let messages = || {
        diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    if let Some(any) = &exp.any_error {
        if errors.len() != 1 || !any.contains(&errors[0].0) {
            return Err(format!(
                "expected one of {any:?}, got errors [{}] ({})",
                shown(&errors),
                messages()
            ));
        }
    } else if !matches(&exp.errors, &errors) {
        return Err(format!(
            "expected errors {:?}, got [{}] ({})",
            exp.errors,
            shown(&errors),
            messages()
        ));
    }
    if !matches(&exp.warnings, &warnings) {
        return Err(format!(
            "expected warnings {:?}, got [{}]",
            exp.warnings,
            shown(&warnings)
        ));
    }
    if outputs != exp.outputs.as_slice() {
        return Err(format!(
            "expected outputs {:?}, got {:?} ({})",
            exp.outputs,
            outputs,
            messages()
        ));
    }
    Ok(())
}

/// Every case under `root`, sorted; panics when there are hardly any (a wrong path).
pub fn sorted_cases(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    case_files(root, &mut files);
    files.sort();
    assert!(
        files.len() > 20,
        "expected the hand-written cases under {}",
        root.display()
    );
    files
}

/// Appends every `.bl` file under `dir` (recursively) to `out`.
fn case_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            case_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "bl") {
            out.push(path);
        }
    }
}
