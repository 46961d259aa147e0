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
        .map(|(name, backend)| {
            run_checked(*backend, source, limits).map_err(|e| format!("{name}: {e}"))
        })
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

#[test]
fn real_programs_are_sound() {
    let mut failures = Vec::new();
    for source in corpus().into_iter().chain(cases()) {
        if let Err(e) = run_all(&source.text, &Limits::default()) {
            failures.push(format!("{}: {e}", source.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn hostile_text_is_handled(text in hostile()) {
        run_all(&text.0, &hostile_limits()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn failing_programs_report_their_code(case in failing()) {
        for outcome in run_all(&case.source, &case.limits).map_err(TestCaseError::fail)? {
            let codes: Vec<_> = outcome.all_diagnostics().map(|l| l.diagnostic.code).collect();
            prop_assert!(codes.contains(&case.code), "expected {}, got {codes:?}", case.code);
        }
    }
}
