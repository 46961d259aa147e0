//! Property 4: no input makes a backend panic, overflow the stack, or pass its time
//! limit by more than 100 ms, and every diagnostic has a valid 1-based line and
//! column inside the source. Checked on hostile text, on programs that must fail
//! (which must also report their code), and on every real program as it is.

use bytelogic_engine::Limits;
use bytelogic_proptests::generate::failing::failing;
use bytelogic_proptests::generate::hostile::hostile;
use bytelogic_proptests::harness::{BACKENDS, config, run_checked};
use bytelogic_proptests::sources::{cases, corpus};
use bytelogic_runtime::Outcome;
use proptest::prelude::*;

/// Runs `source` on every backend and checks soundness; returns the outcomes.
fn run_all(source: &str, limits: &Limits) -> Result<Vec<Outcome>, String> {
    BACKENDS
        .iter()
        .map(|backend| run_checked(backend, source, limits))
        .collect()
}

fn hostile_limits() -> Limits {
    Limits {
        max_steps: 1_000_000,
        timeout_ms: 200,
        max_memory_mb: 64,
        ..Limits::default()
    }
}

/// The limits of the real programs: a time limit short enough for a test.
fn real_limits() -> Limits {
    Limits {
        timeout_ms: 200,
        ..Limits::default()
    }
}

/// Every hand-written case on every backend.
#[test]
fn hand_written_cases_are_sound() {
    let failures: Vec<String> = cases()
        .iter()
        .filter_map(|source| {
            let e = run_all(&source.text, &real_limits()).err()?;
            Some(format!("{}: {e}", source.name))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every corpus program on the interpreter (`runtime/tests/all/corpus.rs` runs the corpus
/// on the WASM backend, and compiling 2,000 modules with an unoptimized wasmtime would
/// take minutes in CI).
#[test]
#[cfg_attr(
    corpus_absent,
    ignore = "the conformance corpus is absent: set BYTELOGIC_CORPUS (docs/testing.md)"
)]
fn corpus_programs_are_sound() {
    let interpreter = &BACKENDS[0];
    let failures: Vec<String> = corpus()
        .iter()
        .filter_map(|source| {
            let e = run_checked(interpreter, &source.text, &real_limits()).err()?;
            Some(format!("{}: {e}", source.name))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn hostile_text_is_handled(text in hostile()) {
        run_all(&text.0, &hostile_limits()).map_err(TestCaseError::fail)?;
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn failing_programs_report_their_code(case in failing()) {
        for outcome in run_all(&case.source, &case.limits).map_err(TestCaseError::fail)? {
            let codes: Vec<_> = outcome.all_diagnostics().map(|l| l.diagnostic.code).collect();
            prop_assert!(codes.contains(&case.code), "expected {}, got {codes:?}", case.code);
        }
    }
}
