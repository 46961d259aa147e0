//! The ByteLogic engine: front end and interpreter.
//!
//! ```text
//! source ─ lexer ─ parser ─ check ─ stratify ─ lower ─▶ ir::Program ─ interp ─▶ RunResult
//! ```
//! [`compile`] runs the front end and returns the rule IR (the contract shared with
//! the WASM backend) or diagnostics; [`run`] interprets the IR. [`inject::facts`] adds
//! caller-supplied facts to a lowered program.
//!
//! The language is described in `docs/language.md`; a comment citing `spec §x.y`
//! means section x.y of that file.

pub mod ast;
pub mod check;
pub mod diagnostic;
pub mod inject;
pub mod interp;
pub mod ir;
pub mod ir_print;
pub mod lexer;
pub mod limits;
pub mod lower;
pub mod output;
pub mod parser;
pub mod print;
pub mod span;
pub mod stratify;
pub mod suggest;
pub mod value;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use limits::Limits;
pub use output::{Output, QueryAnswer, RunResult, Stats, Tuples};
pub use span::{LineIndex, Position, Span};
pub use value::{Sym, Symbols, Value};

/// The front end's result: the lowered program when there is no error, and every
/// diagnostic (errors and warnings) in source order.
#[derive(Clone, Debug)]
pub struct Compiled {
    /// The rule IR, present when no diagnostic is an error.
    pub program: Option<ir::Program>,
    /// Every diagnostic found, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Lexes, parses, checks and lowers `source` (spec §1–§4).
pub fn compile(source: &str, limits: &Limits) -> Compiled {
    if source.len() as u64 > limits.max_source_kb.saturating_mul(1024) {
        let d = Diagnostic::new(
            Code::E406,
            Span::new(0, 0),
            format!(
                "source is {} bytes, more than the limit of {} KiB",
                source.len(),
                limits.max_source_kb
            ),
        )
        .with_hint("raise the limit with --max-source-kb");
        return Compiled {
            program: None,
            diagnostics: vec![d],
        };
    }
    let (ast, mut diagnostics) = parser::parse(source);
    let parse_failed = diagnostics.iter().any(Diagnostic::is_error);
    let checked = check::check(&ast, &mut diagnostics);
    let strata = stratify::stratify(&ast, &checked, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    let failed = parse_failed || diagnostics.iter().any(Diagnostic::is_error);
    let program = (!failed).then(|| lower::lower(&ast, &checked, &strata));
    Compiled {
        program,
        diagnostics,
    }
}

/// Interprets a lowered program under `limits` (spec §4–§7).
pub fn run(program: &ir::Program, limits: &Limits) -> RunResult {
    interp::run(program, limits)
}

/// [`run`], asking `stop` whenever the interpreter reads its clock (every 4,096 steps,
/// each fixpoint round, after each QUERY): when it answers true the run ends there with
/// E404 ("the run was stopped"), so another thread can end a run it no longer needs.
pub fn run_watched(program: &ir::Program, limits: &Limits, stop: &dyn Fn() -> bool) -> RunResult {
    interp::run_watched(program, limits, Some(stop))
}
