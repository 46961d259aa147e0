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

pub mod account;
pub mod ast;
pub mod ast_print;
pub mod check;
pub mod diagnostic;
pub mod excerpt;
pub mod fault;
pub mod inject;
pub mod interp;
pub mod ir;
pub mod ir_print;
pub mod lexer;
pub mod limits;
pub mod lower;
pub mod output;
pub mod parser;
pub mod span;
pub mod stratify;
pub mod suggest;
pub mod value;

pub use account::Account;
pub use diagnostic::{Code, Diagnostic, Severity};
pub use interp::Phase;
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
    /// Every diagnostic found, sorted by position; a limit that stopped the front end
    /// (E404, E405, E406) comes last.
    pub diagnostics: Vec<Diagnostic>,
    /// The memory estimate of the program, charged to the run's account for as long
    /// as the program is held ([`parser::BYTES_PER_TOKEN`] per significant token).
    pub memory: u64,
    /// Diagnostics found past the first [`MAX_DIAGNOSTICS`], which are not kept.
    pub omitted: usize,
}

/// The most front-end diagnostics a compilation keeps (the first, in source order),
/// so that a hostile source cannot make its report grow with its size
/// (docs/decisions.md 102).
pub const MAX_DIAGNOSTICS: usize = 100;

/// Lexes, parses, checks and lowers `source` (spec §1–§4) under `limits`.
pub fn compile(source: &str, limits: &Limits) -> Compiled {
    compile_within(source, &mut Account::new(limits))
}

/// [`compile`] charging the run's `account`: the source limit (E406), the program's
/// memory estimate (E405, kept charged), and the time limit (E404), read while
/// parsing and between the checks and lowering.
pub fn compile_within(source: &str, account: &mut Account) -> Compiled {
    let limits = *account.limits();
    let refused = |mut diagnostics: Vec<Diagnostic>, d: Diagnostic| {
        let omitted = keep_first(&mut diagnostics);
        diagnostics.push(d);
        Compiled {
            program: None,
            diagnostics,
            memory: 0,
            omitted,
        }
    };
    if source.len() as u64 > limits.max_source_kb.saturating_mul(1024) {
        return refused(
            Vec::new(),
            source_too_large(Some(source.len() as u64), &limits),
        );
    }
    let before = account.charged();
    let parsed = parser::parse_within(source, account);
    let mut diagnostics = parsed.diagnostics;
    if let Some((fault, span)) = parsed.stopped {
        return refused(diagnostics, account.limit_error(&fault, span));
    }
    let ast = parsed.program;
    let parse_failed = diagnostics.iter().any(Diagnostic::is_error);
    let stopped = |account: &Account| account.check_time().err();
    if let Some(fault) = stopped(account) {
        return refused(diagnostics, account.limit_error(&fault, Span::new(0, 0)));
    }
    let checked = check::check(&ast, &mut diagnostics);
    if let Some(fault) = stopped(account) {
        diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
        return refused(diagnostics, account.limit_error(&fault, Span::new(0, 0)));
    }
    let strata = stratify::stratify(&ast, &checked, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    let failed = parse_failed || diagnostics.iter().any(Diagnostic::is_error);
    if let Some(fault) = stopped(account).filter(|_| !failed) {
        return refused(diagnostics, account.limit_error(&fault, Span::new(0, 0)));
    }
    let program = (!failed).then(|| lower::lower(&ast, &checked, &strata));
    let omitted = keep_first(&mut diagnostics);
    Compiled {
        program,
        diagnostics,
        memory: account.charged() - before,
        omitted,
    }
}

/// Keeps the first [`MAX_DIAGNOSTICS`] of `diagnostics`; how many it dropped.
fn keep_first(diagnostics: &mut Vec<Diagnostic>) -> usize {
    let omitted = diagnostics.len().saturating_sub(MAX_DIAGNOSTICS);
    diagnostics.truncate(MAX_DIAGNOSTICS);
    omitted
}

/// E406 for a source of `bytes` bytes, or of more bytes than the limit allows when
/// reading stopped there (`None`: its length is not known).
pub fn source_too_large(bytes: Option<u64>, limits: &Limits) -> Diagnostic {
    let kb = limits.max_source_kb;
    let message = match bytes {
        Some(bytes) => format!("source is {bytes} bytes, more than the limit of {kb} KiB"),
        None => format!(
            "source is more than {} bytes, the limit of {kb} KiB",
            kb.saturating_mul(1024)
        ),
    };
    Diagnostic::new(Code::E406, Span::new(0, 0), message)
        .with_hint("raise the limit with --max-source-kb")
}

/// Interprets a lowered program under `limits` (spec §4–§7); its clock starts now.
pub fn run(program: &ir::Program, limits: &Limits) -> RunResult {
    run_within(program, &mut Account::new(limits))
}

/// Interprets a lowered program charging the run's `account` (its clock may have
/// started before, with the front end).
pub fn run_within(program: &ir::Program, account: &mut Account) -> RunResult {
    interp::run(program, account, None)
}

/// [`run_within`], asking `stop` whenever the interpreter reads its clock (every 4,096
/// steps, each fixpoint round, after each QUERY, every MiB charged), with where the
/// run is ([`Phase`]): when it answers true the run ends there with E404 ("the run was
/// stopped"), so another thread can end a run it no longer needs. The run's time and
/// memory limits are `account`'s.
pub fn run_watched(
    program: &ir::Program,
    account: &mut Account,
    stop: &dyn Fn(Phase) -> bool,
) -> RunResult {
    interp::run(program, account, Some(stop))
}
