//! Generated well-formed programs with CALCs: the front end accepts them (a check
//! error here is a checker bug or a generator bug), and running them never panics
//! and stays within the time limit (property 4); a run-time error is fine.

use bytelogic_engine::{Limits, ast_print};
use bytelogic_proptests::generate::calc::program;
use bytelogic_proptests::harness::{BACKENDS, config, run_checked};
use proptest::prelude::*;

fn limits() -> Limits {
    Limits {
        max_steps: 200_000,
        max_tuples: 10_000,
        max_depth: 200,
        timeout_ms: 2_000,
        ..Limits::default()
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn well_formed_programs_compile_and_run(program in program()) {
        let source = ast_print::program(&program.0);
        for backend in &BACKENDS {
            let outcome = run_checked(backend, &source, &limits()).map_err(TestCaseError::fail)?;
            let errors: Vec<String> = outcome
                .diagnostics
                .iter()
                .filter(|l| l.diagnostic.is_error())
                .map(|l| format!("{}:{} {} {}", l.position.line, l.position.column, l.diagnostic.code, l.diagnostic.message))
                .collect();
            prop_assert!(errors.is_empty(), "{} rejects a well-formed program: {errors:#?}", backend.name);
        }
    }
}
