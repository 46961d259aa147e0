//! Property 3: printing a syntax tree and parsing the text gives the same tree,
//! for generated programs and for every real program that parses cleanly.

use bytelogic_engine::parser::parse;
use bytelogic_proptests::generate::{calc, rules::datalog};
use bytelogic_proptests::harness::config;
use bytelogic_proptests::shape::round_trips;
use bytelogic_proptests::sources::{Source, cases, corpus};
use proptest::prelude::*;

/// Round-trips every source that parses without error; returns how many did.
fn round_trip_all(sources: &[Source]) -> usize {
    let mut failures = Vec::new();
    let mut clean = 0;
    for source in sources {
        let (ast, diagnostics) = parse(&source.text);
        if diagnostics.iter().any(|d| d.is_error()) {
            continue;
        }
        clean += 1;
        if let Err(e) = round_trips(&ast) {
            failures.push(format!("{}: {e}", source.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    clean
}

#[test]
#[cfg_attr(
    corpus_absent,
    ignore = "the conformance corpus is absent: set BYTELOGIC_CORPUS (docs/testing.md)"
)]
fn corpus_programs_round_trip() {
    let n = round_trip_all(&corpus());
    assert!(n > 2000, "only {n} corpus programs parse cleanly");
}

#[test]
fn hand_written_cases_round_trip() {
    let n = round_trip_all(&cases());
    assert!(n > 100, "only {n} cases parse cleanly");
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn generated_datalog_round_trips(program in datalog()) {
        prop_assert_eq!(round_trips(&program.to_ast()), Ok(()));
    }

    #[test]
    fn generated_calc_programs_round_trip(program in calc::program()) {
        prop_assert_eq!(round_trips(&program.0), Ok(()));
    }
}
