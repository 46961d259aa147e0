//! Every hand-written case (`engine/tests/cases/**/*.bl`) through the executor on both
//! backends: each must meet the expectations of its comments on the compiled path,
//! and the two JSON outcomes must be equal byte for byte (but for `backend`, `stats`
//! and `wat_code`). One test lists every case that differs or fails. Also: injected
//! facts on both backends, and a second host of the modules (`node`: Node.js).

use crate::expect::{parse_expectation, sorted_cases, verify};
use crate::support;
use bytelogic_engine::inject::InputValue;
use bytelogic_runtime::{Backend, Options};
use std::path::Path;

/// Runs one case on both backends and checks the compiled outcome.
fn run_case(root: &Path, path: &Path) -> Result<(), String> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let exp = parse_expectation(&source)?;
    let name = path
        .strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string();
    support::write_module(&format!("case-{name}"), &source, &exp.limits)?;
    let outcome = support::both(&source, &exp.limits)?;
    let outputs: Vec<String> = outcome.output_texts().collect();
    let diagnostics: Vec<_> = outcome
        .all_diagnostics()
        .map(|l| l.diagnostic.clone())
        .collect();
    verify(&source, &exp, &outputs, &diagnostics)
}

#[test]
fn every_case_agrees_on_both_backends() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../engine/tests/cases");
    let files = sorted_cases(&root);
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| {
            run_case(&root, f)
                .err()
                .map(|e| format!("{}: {e}", f.strip_prefix(&root).unwrap_or(f).display()))
        })
        .collect();
    println!(
        "{} of {} cases agree on both backends",
        files.len() - failures.len(),
        files.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases differ or fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

fn text(t: &str) -> InputValue {
    InputValue::Text(t.to_string())
}

/// Runs `source` with `inputs` on both backends; the compiled JSON outcome.
fn with_inputs(
    source: &str,
    inputs: Vec<(String, Vec<Vec<InputValue>>)>,
) -> Result<serde_json::Value, String> {
    let run = |backend| {
        let options = Options {
            backend,
            inputs: inputs.clone(),
            ..Options::default()
        };
        support::executor()
            .execute(source, &options)
            .map_err(|e| e.to_string())
    };
    let (interp, wasm) = (run(Backend::Interpreter)?, run(Backend::Wasm)?);
    let (a, b) = (support::comparable(&interp), support::comparable(&wasm));
    if a != b {
        return Err(format!("backends differ: interpreter {a}; wasm {b}"));
    }
    Ok(wasm.to_json())
}

#[test]
fn injected_facts_feed_rules_and_rank_as_run_time_symbols() {
    let source = "REL edge\nREL path\nFACT edge zed mid\n\
                  RULE path: SCAN edge, EMIT path $0 $1\n\
                  RULE path: SCAN path, JOIN edge $1, EMIT path $0 $2\n\
                  SOLVE\nQUERY path zed ?\nQUERY edge ? ?";
    let inputs = vec![(
        "edge".to_string(),
        vec![
            vec![text("mid"), text("b")],
            vec![text("b"), text("a")],
            vec![InputValue::Int(1), InputValue::Float(2.0)],
            vec![InputValue::Float(0.5), text("zed")],
        ],
    )];
    let json = with_inputs(source, inputs).expect("runs");
    // Written Symbols (zed, mid) first by first occurrence, then injected ones by text.
    assert_eq!(
        json["result"],
        "mid, a, b; (0.5, zed), (1, 2), (zed, mid), (mid, b), (b, a)"
    );
    assert_eq!(json["stats"]["tuples"], 5 + 11, "{json}");
}

#[test]
fn injection_errors_are_diagnostics_on_both_backends() {
    let source = "REL r\nFACT r 1 2\nQUERY r ? ?";
    for (inputs, code) in [
        (vec![("s".to_string(), vec![])], "E301"),
        (
            vec![("r".to_string(), vec![vec![InputValue::Int(1)]])],
            "E303",
        ),
    ] {
        let json = with_inputs(source, inputs).expect("runs");
        assert_eq!(json["success"], false, "{json}");
        assert_eq!(json["error"]["code"], code, "{json}");
        assert_eq!(
            json["outputs"],
            serde_json::json!([]),
            "nothing ran: {json}"
        );
    }
}

/// The cases whose relations grow large enough for bitmaps: on the module for long
/// runs (what a run that tiers up runs), the same outputs and error as on the
/// interpreter.
#[test]
fn large_cases_agree_on_the_long_run_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../engine/tests/cases");
    let backend = support::executor().wasm().expect("wasmtime starts");
    for name in [
        "rules/dense_sets_take_far_and_other_values.bl",
        "rules/transitive_closure.bl",
        "negation/all_bound_over_a_dense_set.bl",
        "rules/one_column_index_slots.bl",
    ] {
        let source = std::fs::read_to_string(root.join(name)).expect("the case");
        let limits = parse_expectation(&source).expect("expectations").limits;
        let program = bytelogic_engine::compile(&source, &limits)
            .program
            .expect("the case compiles");
        let interpreted = bytelogic_engine::run(&program, &limits);
        let long = backend.run_long(&program, &limits).expect("it runs");
        assert_eq!(long.outputs, interpreted.outputs, "{name}");
        assert_eq!(long.error, interpreted.error, "{name}");
    }
}
