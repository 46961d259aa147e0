//! The public way to run a program: [`Executor::execute`] with [`Options`] choosing the
//! backend, the limits, facts to inject and whether to return the module's WAT.
//!
//! One `Executor` owns one [`WasmBackend`] (its wasmtime engines and its compiled-module
//! cache, started on first use); it is `Sync` and meant to live as long as the process,
//! serving any number of calls from any number of threads. [`Backend::Auto`] compiles and, when the compiled
//! path cannot run a program, runs the interpreter and says why in
//! [`Outcome::fallback`].

use crate::outcome::{INTERPRETER, Outcome, WASM};
use crate::wasm::{WasmBackend, WasmError};
use bytelogic_codegen::CodegenError;
use bytelogic_engine::inject::{self, InputValue};
use bytelogic_engine::{Account, Compiled, Limits};
use std::sync::OnceLock;
use std::time::Instant;

/// Which engine runs a program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Backend {
    /// Compiled to WebAssembly; the interpreter when that is not possible (noted in
    /// [`Outcome::fallback`]).
    #[default]
    Auto,
    /// Compiled to WebAssembly, or an error.
    Wasm,
    /// The interpreter.
    Interpreter,
}

/// Facts to inject: per relation name, its tuples, in order.
pub type InputFacts = Vec<(String, Vec<Vec<InputValue>>)>;

/// How to run one program.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Which engine runs it.
    pub backend: Backend,
    /// The limits it runs under (spec §7).
    pub limits: Limits,
    /// Facts inserted right after the declarations: per relation, its tuples.
    pub inputs: InputFacts,
    /// Return the WebAssembly text of the program's module in [`Outcome::wat`].
    pub want_wat: bool,
}

/// Runs programs on either backend (see the module docs).
#[derive(Default)]
pub struct Executor {
    /// The compiled path, or why wasmtime could not start; set on first use.
    wasm: OnceLock<Result<WasmBackend, String>>,
}

impl Executor {
    /// An executor; wasmtime starts when a program first needs it. If it cannot
    /// start, [`Backend::Auto`] runs the interpreter (and says so) and
    /// [`Backend::Wasm`] fails.
    pub fn new() -> Executor {
        Executor::default()
    }

    /// The compiled path, started now if it was not.
    pub fn wasm(&self) -> Result<&WasmBackend, WasmError> {
        self.wasm
            .get_or_init(|| WasmBackend::new().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| WasmError::Engine(e.clone()))
    }

    /// Runs `source` under `options`. Only [`Backend::Wasm`] can fail: when the compiled
    /// path cannot run the program (the code generator refuses it, wasmtime fails).
    pub fn execute(&self, source: &str, options: &Options) -> Result<Outcome, WasmError> {
        // One clock for the run, also when `Auto` falls back (docs/decisions.md 101).
        let start = Instant::now();
        if options.backend == Backend::Interpreter {
            return Ok(interpret(source, options, start));
        }
        match (
            self.wasm()
                .and_then(|w| w.outcome_since(source, options, start)),
            options.backend,
        ) {
            (Ok(outcome), _) => Ok(outcome),
            (Err(e), Backend::Auto) => {
                let mut outcome = interpret(source, options, start);
                outcome.fallback = Some(e.to_string());
                Ok(outcome)
            }
            (Err(e), _) => Err(e),
        }
    }
}

/// The WebAssembly module of `source` with the facts of `options` (for `bytelogic
/// compile`), beside the outcome of checking it: `None` when a check failed.
pub fn module(source: &str, options: &Options) -> (Outcome, Option<Result<Vec<u8>, CodegenError>>) {
    let start = Instant::now();
    let compiled = front_end(
        source,
        options,
        &mut Account::starting(&options.limits, start),
    );
    let module = compiled
        .program
        .as_ref()
        .map(|p| bytelogic_codegen::compile(p).map(|m| m.wasm));
    let mut checked = Outcome::new(source, compiled.diagnostics, None, WASM, start.elapsed());
    checked.omitted = compiled.omitted;
    (checked, module)
}

/// The front end, then the injected facts, charging the run's `account`: the program
/// to run, if any, and every diagnostic (an injection error ends the list, and then
/// there is no program). [`Compiled::memory`] counts what both charged.
pub(crate) fn front_end(source: &str, options: &Options, account: &mut Account) -> Compiled {
    let before = account.charged();
    let mut compiled = bytelogic_engine::compile_within(source, account);
    if let Some(program) = &mut compiled.program
        && let Err(e) = inject::facts_within(program, &options.inputs, account)
    {
        compiled.diagnostics.push(e);
        compiled.program = None;
    }
    compiled.memory = account.charged() - before;
    compiled
}

/// Runs `source` on the interpreter; the run's clock started at `start`.
fn interpret(source: &str, options: &Options, start: Instant) -> Outcome {
    let mut account = Account::starting(&options.limits, start);
    let compiled = front_end(source, options, &mut account);
    let result = compiled
        .program
        .as_ref()
        .map(|p| bytelogic_engine::run_within(p, &mut account));
    let mut outcome = Outcome::new(
        source,
        compiled.diagnostics,
        result,
        INTERPRETER,
        start.elapsed(),
    );
    outcome.omitted = compiled.omitted;
    if options.want_wat {
        outcome.wat = compiled.program.as_ref().and_then(|p| {
            let module = bytelogic_codegen::compile(p).ok()?;
            bytelogic_codegen::wat(&module.wasm).ok()
        });
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An executor whose compiled path cannot start.
    fn without_wasmtime() -> Executor {
        Executor {
            wasm: OnceLock::from(Err("no wasmtime here".to_string())),
        }
    }

    fn options(backend: Backend) -> Options {
        Options {
            backend,
            ..Options::default()
        }
    }

    #[test]
    fn auto_falls_back_to_the_interpreter_and_says_why() {
        let o = without_wasmtime()
            .execute("RESULT 6 * 7", &options(Backend::Auto))
            .expect("auto never fails");
        assert_eq!((o.backend, o.result_text().as_str()), (INTERPRETER, "42"));
        assert_eq!(o.fallback.as_deref(), Some("wasmtime: no wasmtime here"));
        assert_eq!(o.to_json()["fallback"], "wasmtime: no wasmtime here");
        let e = without_wasmtime().execute("RESULT 1", &options(Backend::Wasm));
        assert!(e.is_err());
    }

    #[test]
    fn auto_compiles_and_wat_comes_on_request() {
        let executor = Executor::new();
        let mut opts = options(Backend::Auto);
        let o = executor.execute("RESULT 1", &opts).expect("runs");
        assert_eq!((o.backend, &o.fallback, &o.wat), (WASM, &None, &None));
        opts.want_wat = true;
        let o = executor.execute("RESULT 1", &opts).expect("runs");
        assert!(o.wat.is_some_and(|w| w.starts_with("(module")));
        let o = executor.execute("RESULT (", &opts).expect("runs");
        assert_eq!((o.success(), o.wat), (false, None));
    }
}
