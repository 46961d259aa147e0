//! The conformance corpus (`shared/corpus`, never copied into this repository), run
//! through the library. One test per file and backend; each runs every row with
//! default limits and fails at the end listing every failing id with a one-line
//! reason. On the compiled path every row also runs on the interpreter, and the two
//! JSON outcomes must be equal byte for byte (but for `backend`, `stats`, `wat_code`).
//!
//! The corpus is `$BYTELOGIC_CORPUS` if set, else `<workspace>/../shared/corpus`.
//! When it is absent the tests pass with a notice, except under `CI`, where they fail.

mod support;

use bytelogic_engine::Limits;
use bytelogic_runtime::conformance::{compare, corpus_file, parse_expected, raw_field};
use bytelogic_runtime::render::json::query_results;
use bytelogic_runtime::{Backend, Outcome};
use serde_json::Value as Json;

/// Runs `check` on every row of `file` and panics listing every failure. `check`
/// gets the row's raw text and its parsed fields and returns a one-line reason on failure.
fn run_corpus(file: &str, check: impl Fn(&str, &Json) -> Result<(), String>) {
    let Some(text) = corpus_file(file) else {
        return;
    };
    let mut rows = 0;
    let mut failures = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        rows += 1;
        let row: Json = match serde_json::from_str(line) {
            Ok(row) => row,
            Err(e) => {
                failures.push(format!("line {}: not JSON: {e}", n + 1));
                continue;
            }
        };
        let id = row["id"]
            .as_str()
            .map_or_else(|| format!("line {}", n + 1), str::to_string);
        if let Err(reason) = check(line, &row) {
            failures.push(format!("{id}: {}", one_line(&reason)));
        }
    }
    assert!(rows > 0, "{file} has no rows");
    println!("{file}: {} of {rows} rows passed", rows - failures.len());
    assert!(
        failures.is_empty(),
        "{} of {rows} rows of {file} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// At most 300 characters, without line breaks.
fn one_line(reason: &str) -> String {
    let flat = reason.replace('\n', "\\n");
    match flat.char_indices().nth(300) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

/// Runs the row's program with its own default limits: on the interpreter, or on
/// both backends (see [`support::both`]). The compiled run also writes the row's module
/// for `.ci/run` ([`support::write_module`]).
fn run_row(row: &Json, backend: Backend) -> Result<Outcome, String> {
    let program = row["program"].as_str().ok_or("row has no program")?;
    let limits = Limits::default();
    match backend {
        Backend::Interpreter => support::run(program, &limits, backend),
        _ => {
            let id = row["id"].as_str().unwrap_or("row");
            support::write_module(&format!("corpus-{id}"), program, &limits)?;
            support::both(program, &limits)
        }
    }
}

/// The outcome if the program ran without error, else the error as the reason.
fn run_ok(row: &Json, backend: Backend) -> Result<Outcome, String> {
    let outcome = run_row(row, backend)?;
    match outcome.error() {
        None => Ok(outcome),
        Some(e) => Err(format!(
            "{}: {} (line {}:{})",
            e.diagnostic.code, e.diagnostic.message, e.position.line, e.position.column
        )),
    }
}

fn conformance(backend: Backend) {
    run_corpus("conformance.jsonl", |line, row| {
        let raw = raw_field(line, "expected").ok_or("row has no expected")?;
        let expected = parse_expected(raw)?;
        let outcome = run_ok(row, backend)?;
        compare(
            &query_results(&outcome.outputs, &outcome.symbols),
            &expected,
        )
        .map_err(|reason| format!("{reason}; expected {raw}"))
    });
}

fn runs(backend: Backend) {
    run_corpus("runs.jsonl", |_, row| run_ok(row, backend).map(drop));
}

fn errors(backend: Backend) {
    run_corpus("errors.jsonl", |_, row| {
        let expected: Vec<&str> = row["expected_codes"]
            .as_array()
            .and_then(|codes| codes.iter().map(Json::as_str).collect())
            .ok_or("row has no list of expected_codes")?;
        let outcome = run_row(row, backend)?;
        let reported: Vec<&str> = outcome
            .all_diagnostics()
            .map(|l| l.diagnostic.code.as_str())
            .collect();
        let missing: Vec<&str> = expected
            .into_iter()
            .filter(|code| !reported.contains(code))
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!("missing {missing:?}; reported {reported:?}"))
        }
    });
}

#[test]
fn conformance_rows_give_the_expected_outputs() {
    conformance(Backend::Interpreter);
}

#[test]
fn runs_rows_run_without_error() {
    runs(Backend::Interpreter);
}

#[test]
fn errors_rows_report_every_expected_code() {
    errors(Backend::Interpreter);
}

#[test]
fn conformance_rows_on_wasm() {
    conformance(Backend::Wasm);
}

#[test]
fn runs_rows_on_wasm() {
    runs(Backend::Wasm);
}

#[test]
fn errors_rows_on_wasm() {
    errors(Backend::Wasm);
}
