//! Property 1: the interpreter and the WASM backend give identical JSON outcomes
//! (outputs, diagnostics' codes and positions, the error, counters), for generated
//! Datalog programs, programs with CALCs, and programs that must fail. The wall time,
//! the backend's name and the wording of messages and hints may differ, and so may
//! outcomes that hit the machine-dependent limits (time, memory: spec §7).

use bytelogic_engine::{Code, Limits, ast_print};
use bytelogic_proptests::generate::rules::{datalog, stratified};
use bytelogic_proptests::generate::{calc, failing::failing};
use bytelogic_proptests::harness::{BACKENDS, config, run_checked};
use proptest::prelude::*;
use serde_json::Value as Json;

fn limits() -> Limits {
    Limits {
        max_steps: 200_000,
        max_tuples: 2_000,
        max_depth: 200,
        timeout_ms: 5_000,
        ..Limits::default()
    }
}

/// The JSON outcome without what may differ: the time, the backend's name, wording.
fn comparable(mut json: Json) -> Json {
    let drop = |value: Option<&mut Json>, keys: &[&str]| {
        if let Some(object) = value.and_then(Json::as_object_mut) {
            for key in keys {
                object.remove(*key);
            }
        }
    };
    drop(Some(&mut json), &["backend", "computation_token"]);
    drop(json.get_mut("stats"), &["time_us"]);
    drop(json.get_mut("error"), &["message"]);
    if let Some(diagnostics) = json.get_mut("diagnostics").and_then(Json::as_array_mut) {
        for d in diagnostics {
            drop(Some(d), &["message", "label", "hint"]);
        }
    }
    json
}

/// Runs `source` on every backend; all must give the same comparable JSON, unless
/// one of them hit the time or memory limit.
fn agree(source: &str, limits: &Limits) -> Result<(), TestCaseError> {
    let mut first: Option<(&str, Json)> = None;
    for backend in &BACKENDS {
        let name = backend.name;
        let outcome = run_checked(backend, source, limits).map_err(TestCaseError::fail)?;
        prop_assert!(
            outcome.fallback.is_none(),
            "{name} did not run it: {:?}",
            outcome.fallback
        );
        if outcome
            .error()
            .is_some_and(|e| matches!(e.diagnostic.code, Code::E404 | Code::E405))
        {
            return Ok(());
        }
        let json = comparable(outcome.to_json());
        match &first {
            None => first = Some((name, json)),
            Some((first_name, expected)) => {
                prop_assert_eq!(&json, expected, "{} and {} differ", name, first_name)
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(100))]

    #[test]
    fn backends_agree_on_datalog(program in datalog()) {
        agree(&ast_print::program(&program.to_ast()), &limits())?;
    }

    /// Spec §9: stratified programs with NOT clauses and aggregates.
    #[test]
    fn backends_agree_on_stratified_programs(program in stratified()) {
        agree(&ast_print::program(&program.to_ast()), &limits())?;
    }

    #[test]
    fn backends_agree_on_calc_programs(program in calc::program()) {
        agree(&ast_print::program(&program.0), &limits())?;
    }

    #[test]
    fn backends_agree_on_failing_programs(case in failing()) {
        agree(&case.source, &case.limits)?;
    }
}
