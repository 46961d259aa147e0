//! The conformance corpus (docs/testing.md; never copied into this repository), run
//! through the library. One test per file and backend; each runs every row with
//! default limits and fails at the end listing every failing id with a one-line
//! reason. On the compiled path every row also runs on the interpreter, and the two
//! JSON outcomes must be equal byte for byte (but for `backend`, `stats`, `wat_code`).
//! The parser's tests on the corpus programs are here too.
//!
//! The corpus is `$BYTELOGIC_CORPUS` if set, else `<workspace>/../shared/corpus`.
//! When it is absent these tests are ignored, with the reason (the `corpus_absent`
//! switch of `runtime/build/corpus.rs`), except under `CI`, where they fail.

use crate::support;
use bytelogic_engine::parser::parse;
use bytelogic_engine::{Code, Limits};
use bytelogic_runtime::conformance::{compare, parse_expected, raw_field};
use bytelogic_runtime::render::json::query_results;
use bytelogic_runtime::{Backend, Outcome};
use bytelogic_testkit::corpus_file;
use serde_json::Value as Json;

/// Runs `check` on every row of `file` and panics listing every failure. `check`
/// gets the row's raw text and its parsed fields and returns a one-line reason on failure.
fn run_corpus(file: &str, check: impl Fn(&str, &Json) -> Result<(), String>) {
    let text = corpus_file(file);
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
#[cfg_attr(
    corpus_absent,
    ignore = "the conformance corpus is absent: set BYTELOGIC_CORPUS (docs/testing.md)"
)]
fn conformance_rows_give_the_expected_outputs() {
    conformance(Backend::Interpreter);
}

#[test]
#[cfg_attr(
    corpus_absent,
    ignore = "the conformance corpus is absent: set BYTELOGIC_CORPUS (docs/testing.md)"
)]
fn runs_rows_run_without_error() {
    runs(Backend::Interpreter);
}

#[test]
#[cfg_attr(
    corpus_absent,
    ignore = "the conformance corpus is absent: set BYTELOGIC_CORPUS (docs/testing.md)"
)]
fn errors_rows_report_every_expected_code() {
    errors(Backend::Interpreter);
}

#[test]
#[cfg_attr(
    corpus_absent,
    ignore = "the conformance corpus is absent: set BYTELOGIC_CORPUS (docs/testing.md)"
)]
fn conformance_rows_on_wasm() {
    conformance(Backend::Wasm);
}

#[test]
#[cfg_attr(
    corpus_absent,
    ignore = "the conformance corpus is absent: set BYTELOGIC_CORPUS (docs/testing.md)"
)]
fn runs_rows_on_wasm() {
    runs(Backend::Wasm);
}

#[test]
#[cfg_attr(
    corpus_absent,
    ignore = "the conformance corpus is absent: set BYTELOGIC_CORPUS (docs/testing.md)"
)]
fn errors_rows_on_wasm() {
    errors(Backend::Wasm);
}

/// The `program` of every row of `file`.
fn programs(file: &str) -> Vec<(String, String)> {
    corpus_file(file)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let row: Json = serde_json::from_str(line).expect("corpus row is JSON");
            let program = row["program"].as_str().expect("row has a program");
            (row["id"].to_string(), program.to_string())
        })
        .collect()
}

#[test]
#[cfg_attr(
    corpus_absent,
    ignore = "the conformance corpus is absent: set BYTELOGIC_CORPUS (docs/testing.md)"
)]
fn conformance_and_runs_parse_without_errors() {
    let mut count = 0;
    for file in ["conformance.jsonl", "runs.jsonl"] {
        for (id, program) in programs(file) {
            let (ast, diags) = parse(&program);
            let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
            assert!(errors.is_empty(), "{id} ({file}): {errors:#?}");
            assert!(!ast.stmts.is_empty(), "{id}");
            count += 1;
        }
    }
    assert!(count > 2000, "only {count} rows");
}

#[test]
#[cfg_attr(
    corpus_absent,
    ignore = "the conformance corpus is absent: set BYTELOGIC_CORPUS (docs/testing.md)"
)]
fn error_rows_expecting_e102_get_e102_from_the_parser() {
    let mut count = 0;
    for line in corpus_file("errors.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let row: Json = serde_json::from_str(line).expect("corpus row is JSON");
        let expected = row["expected_codes"].as_array().expect("expected_codes");
        if !expected.iter().any(|c| c == "E102") {
            continue;
        }
        let (_, diags) = parse(row["program"].as_str().expect("row has a program"));
        assert!(
            diags.iter().any(|d| d.code == Code::E102),
            "{}: {diags:#?}",
            row["id"]
        );
        count += 1;
    }
    assert!(count > 0);
}

#[test]
#[cfg_attr(
    corpus_absent,
    ignore = "the conformance corpus is absent: set BYTELOGIC_CORPUS (docs/testing.md)"
)]
fn every_prefix_of_every_distinct_program_parses_without_panic() {
    let mut distinct: Vec<String> = ["conformance.jsonl", "runs.jsonl", "errors.jsonl"]
        .iter()
        .flat_map(|f| programs(f))
        .map(|(_, program)| program)
        .collect();
    distinct.sort();
    distinct.dedup();
    for p in &distinct {
        for (i, _) in p.char_indices() {
            let _ = parse(&p[..i]);
        }
    }
}
