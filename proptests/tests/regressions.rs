//! Bugs the properties found, each as its smallest failing program. A test marked
//! `#[ignore = "engine bug: …"]` fails until the engine is fixed; remove the mark then.

use bytelogic_engine::Limits;
use bytelogic_runtime::{Backend, Executor, Options};

/// Found by property 1 (`backends_agree_on_calc_programs`): the two backends gave
/// different hints for E208 on a global read before its LET ran.
#[test]
fn e208_hint_for_a_global_names_it_once() {
    let source = "LET $g = CALC f()\nCALC f\n  RESULT $g\nEND\n";
    let options = Options {
        backend: Backend::Interpreter,
        limits: Limits::default(),
        ..Options::default()
    };
    let outcome = Executor::new()
        .execute(source, &options)
        .expect("the interpreter runs");
    let error = outcome.runtime_error.expect("E208").diagnostic;
    assert_eq!(error.code.as_str(), "E208");
    assert_eq!(
        error.hint.as_deref(),
        Some("run `LET $g = …` before this point")
    );
}
