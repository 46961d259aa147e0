//! Hand-written conformance cases: every `tests/cases/**/*.bl` file is a ByteLogic
//! program whose comments state what it must produce:
//!
//! ```text
//! ; expect: bob, charlie          one output line (text form, spec §5.3), in order
//! ; expect-error: E201 4:12       an error (check or runtime), optionally at line:column
//! ; expect-warning: W002 3:1      a warning, optionally at line:column
//! ; expect-any-error: E401 E402   exactly one error, with one of these codes (runaway programs)
//! ; limits: max_steps=1000        limits for this run (others keep their defaults)
//! ```
//! Errors and warnings must match exactly (no unlisted ones); outputs must match
//! exactly, including the outputs recorded before a runtime error. One test runs
//! every case and lists every failing case.

use bytelogic_engine::output::output_text;
use bytelogic_engine::{Code, Diagnostic, Limits, LineIndex, Severity, compile, run};
use std::path::{Path, PathBuf};

#[derive(Default)]
struct Expectation {
    outputs: Vec<String>,
    errors: Vec<(String, Option<String>)>,
    warnings: Vec<(String, Option<String>)>,
    any_error: Option<Vec<String>>,
    limits: Limits,
}

fn parse_expectation(source: &str) -> Result<Expectation, String> {
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

/// Runs one case; `Err` explains the mismatch.
fn run_case(path: &Path) -> Result<(), String> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let exp = parse_expectation(&source)?;
    let index = LineIndex::new(&source);
    let compiled = compile(&source, &exp.limits);
    let mut diagnostics = compiled.diagnostics.clone();
    let mut outputs = Vec::new();
    if let Some(program) = &compiled.program {
        let result = run(program, &exp.limits);
        outputs = result
            .outputs
            .iter()
            .map(|o| output_text(o, &result.symbols))
            .collect();
        diagnostics.extend(result.error);
    }
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
    if outputs != exp.outputs {
        return Err(format!(
            "expected outputs {:?}, got {:?} ({})",
            exp.outputs,
            outputs,
            messages()
        ));
    }
    Ok(())
}

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

#[test]
fn every_case_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files = Vec::new();
    case_files(&root, &mut files);
    files.sort();
    assert!(
        files.len() > 20,
        "expected the hand-written cases under {}",
        root.display()
    );
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            run_case(f)
                .err()
                .map(|e| format!("{}: {e}", f.strip_prefix(&root).unwrap_or(f).display()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    println!("{} cases passed", files.len());
}

/// Every diagnostic and error code of the spec is expected by at least one case.
#[test]
fn every_code_has_a_case() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files = Vec::new();
    case_files(&root, &mut files);
    let mut seen = std::collections::HashSet::new();
    for f in &files {
        let source = std::fs::read_to_string(f).unwrap_or_default();
        let exp = parse_expectation(&source).unwrap_or_default();
        seen.extend(exp.errors.into_iter().chain(exp.warnings).map(|(c, _)| c));
        seen.extend(exp.any_error.into_iter().flatten());
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !seen.contains(*c))
        .collect();
    assert!(missing.is_empty(), "no case expects {missing:?}");
}
