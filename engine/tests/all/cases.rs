//! Hand-written conformance cases: every `tests/cases/**/*.bl` file is a ByteLogic
//! program whose comments state what it must produce (`; expect: …`, `; expect-error:
//! …`; the format is described in `expect/mod.rs`). One test runs every case on the
//! interpreter and lists every failing case; `runtime/tests/all/backends.rs` runs them on
//! both backends.

use crate::expect::{parse_expectation, sorted_cases, verify};
use bytelogic_engine::Code;
use bytelogic_engine::output::output_text;
use bytelogic_engine::{compile, run};
use std::path::Path;

/// Runs one case on the interpreter; `Err` explains the mismatch.
fn run_case(path: &Path) -> Result<(), String> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let exp = parse_expectation(&source)?;
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
    verify(&source, &exp, &outputs, &diagnostics)
}

#[test]
fn every_case_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let files = sorted_cases(&root);
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
    let files = sorted_cases(&root);
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
