//! The public way to run a program: [`Executor::execute`] with [`Options`] choosing the
//! backend, the limits, facts to inject and whether to return the module's WAT.
//!
//! One `Executor` owns one [`WasmBackend`] (its wasmtime engines and its compiled-module
//! cache, started on first use, on whichever thread first needs it); it is `Sync` and
//! meant to live as long as the process, serving any number of calls from any number of
//! threads.
//!
//! [`Backend::Auto`] answers on the tier that answers soonest (docs/decisions.md 140):
//! a program whose module is ready in the cache runs compiled; any other runs on the
//! interpreter at once, and
//! - if that run is still going after [`Tiering::race_after`], a background thread
//!   compiles the program and runs it compiled, racing the interpreter: the first to
//!   finish answers and the other is stopped ([`race`]);
//! - once it has answered, the program is compiled in the background at the lowest
//!   priority, so that it finds its module ready when it comes again
//!   ([`Tiering::warm_cache`], [`warm`]): at once if its run took
//!   [`warm::AT_ONCE_AFTER`] or more, else when the executor has been idle for
//!   [`warm::IDLE`] (a compilation beside a burst of short runs only slows them);
//! - until then, the checked, lowered program of a source it interprets a second time
//!   is kept ([`kept`], with [`Tiering::warm_cache`]), so that its later runs skip the
//!   front end, with the same diagnostics, outcome and memory charge
//!   (docs/decisions.md 157).
//!
//! A program that comes again and runs on Winch's code of its cached module for
//! [`crate::wasm::UPGRADE_AFTER`] or more (`auto` or `wasm`) has the same thread
//! upgrade the module, at once, to Cranelift's code for long runs, which its later
//! runs run from the start (docs/decisions.md 184).
//!
//! Every run has one clock, started when [`Executor::execute`] is called (before the
//! front end), and one memory account, whichever tiers run it: a compiled run racing
//! the interpreter counts what the interpreter holds (docs/decisions.md 101, 111).
//!
//! Both tiers give the same outputs, errors and counters (only where a time or memory
//! limit trips may they differ), and [`Outcome::backend`] says which answered. When the
//! compiled path cannot run a program, the interpreter's answer carries the reason in
//! [`Outcome::fallback`].

mod kept;
pub(crate) mod key;
mod race;
mod warm;

use crate::outcome::{INTERPRETER, Outcome, WASM};
use crate::wasm::{Run, WasmBackend, WasmError};
use bytelogic_codegen::{CodegenError, Target};
use bytelogic_engine::account::{RaceMemory, Side};
use bytelogic_engine::inject::{self, InputValue};
use bytelogic_engine::{Account, Compiled, Limits};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// Which engine runs a program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Backend {
    /// The tier that answers soonest: the compiled module when it is ready, else the
    /// interpreter, raced by the compiled path when the run goes on (see the module
    /// docs). The interpreter when the compiled path cannot run the program (noted in
    /// [`Outcome::fallback`]).
    #[default]
    Auto,
    /// Compiled to WebAssembly, or an error.
    Wasm,
    /// The interpreter.
    Interpreter,
}

impl Backend {
    /// The backend named `name`: `auto`, `wasm`, or `interpreter` (also `interp`), as
    /// written in the CLI's `--backend` and in `serve` requests (docs/decisions.md 124).
    pub fn from_name(name: &str) -> Option<Backend> {
        match name {
            "auto" => Some(Backend::Auto),
            "wasm" => Some(Backend::Wasm),
            "interpreter" | "interp" => Some(Backend::Interpreter),
            _ => None,
        }
    }
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

/// How [`Backend::Auto`] moves between the tiers (docs/decisions.md 140).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tiering {
    /// Compile each program the interpreter answered in the background, at the lowest
    /// priority, so that it finds its module ready when it comes again, and keep the
    /// front end's result of a program interpreted a second time until then. Right for
    /// an executor that serves many programs; `bytelogic run`, which runs one, turns it
    /// off.
    pub warm_cache: bool,
    /// How long an interpreted run goes before the compiled path races it (`None`:
    /// never).
    pub race_after: Option<Duration>,
}

/// [`Tiering::race_after`] by default: a run that has taken this long on the
/// interpreter is likely to take as long again, time enough for a background thread to
/// compile the program (a corpus program's module in about 2 ms) and run it compiled.
pub const RACE_AFTER: Duration = Duration::from_millis(5);

/// The least memory limit (MiB) under which `auto` races a run: a race holds memory
/// that neither tier's account counts (the compiler's working memory, the race
/// thread, allocator arenas; up to 15 MiB measured on the hostile suite's
/// `symbols_growing` in a debug build), which only a limit this large makes small
/// (docs/decisions.md 111).
pub const RACE_MIN_MEMORY_MB: u64 = 256;

impl Default for Tiering {
    fn default() -> Tiering {
        Tiering {
            warm_cache: true,
            race_after: Some(RACE_AFTER),
        }
    }
}

/// Runs programs on either backend (see the module docs).
#[derive(Default)]
pub struct Executor {
    shared: Arc<Shared>,
    tiering: Tiering,
    /// The thread that compiles programs for later (started on first use).
    warm: OnceLock<warm::Warmer>,
}

/// What an executor shares with its background threads.
#[derive(Default)]
pub(crate) struct Shared {
    /// The compiled path, or why wasmtime could not start; set on first use.
    wasm: OnceLock<Result<WasmBackend, String>>,
    /// Runs of the compiled path racing the interpreter now.
    races: std::sync::atomic::AtomicUsize,
    /// Whether a call is running, and since when none has: what the warm thread waits
    /// for.
    activity: warm::Activity,
    /// The programs the interpreter tier of [`Backend::Auto`] ran, ready to run again.
    kept: kept::Kept,
}

impl Shared {
    /// The compiled path, started now if it was not.
    fn wasm(&self) -> Result<&WasmBackend, WasmError> {
        self.wasm
            .get_or_init(|| WasmBackend::new().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| WasmError::Engine(e.clone()))
    }
}

impl Executor {
    /// An executor with the default [`Tiering`]; wasmtime starts when a program first
    /// needs it. If it cannot start, [`Backend::Auto`] runs the interpreter (and says
    /// so when it tried) and [`Backend::Wasm`] fails.
    pub fn new() -> Executor {
        Executor::default()
    }

    /// An executor whose [`Backend::Auto`] moves between the tiers as `tiering` says.
    pub fn with_tiering(tiering: Tiering) -> Executor {
        Executor {
            tiering,
            ..Executor::default()
        }
    }

    /// The compiled path, started now if it was not.
    pub fn wasm(&self) -> Result<&WasmBackend, WasmError> {
        self.shared.wasm()
    }

    /// Compiles `source` under `options` into the module cache now (on this thread),
    /// unless it is there, so that [`Backend::Auto`] runs it compiled from then on.
    pub fn prepare(&self, source: &str, options: &Options) -> Result<(), WasmError> {
        self.wasm()?.precompile(source, options);
        Ok(())
    }

    /// Runs `source` under `options`. Only [`Backend::Wasm`] can fail: when the compiled
    /// path cannot run the program (the code generator refuses it, wasmtime fails).
    pub fn execute(&self, source: &str, options: &Options) -> Result<Outcome, WasmError> {
        // One clock for the run, whichever tiers run it (docs/decisions.md 101).
        let start = Instant::now();
        let _running = self.shared.activity.enter();
        match options.backend {
            Backend::Interpreter => Ok(interpret(source, options, start, None, None)),
            Backend::Wasm => {
                let run = Run::since(start);
                let outcome = self.wasm()?.outcome_of(source, options, &run);
                self.upgrade_if_long(source, options, &run);
                outcome
            }
            Backend::Auto => Ok(self.auto(source, options, start)),
        }
    }

    /// [`Backend::Auto`] (see the module docs), for a run whose clock started at
    /// `start`.
    fn auto(&self, source: &str, options: &Options, start: Instant) -> Outcome {
        let run = Run::since(start);
        let ready = match self.shared.wasm.get() {
            Some(Ok(backend)) => {
                let ready = backend.ready(source, options, &run);
                self.upgrade_if_long(source, options, &run);
                ready
            }
            Some(Err(e)) => Some(Err(WasmError::Engine(e.clone()))),
            None => None,
        };
        let (fallback, may_race) = match ready {
            Some(Ok(outcome)) if !out_of_memory(&outcome) => return outcome,
            // E405 is the interpreter's to give (docs/decisions.md 111): it answers,
            // and a race would only end the same way.
            Some(Ok(_)) => (None, false),
            Some(Err(e)) => (Some(e), false),
            None => (None, true),
        };
        let race = self.tiering.race_after.map(|after| (&self.shared, after));
        let race = race.filter(|_| may_race && options.limits.max_memory_mb >= RACE_MIN_MEMORY_MB);
        let kept = self.tiering.warm_cache.then_some(&self.shared.kept);
        let mut outcome = interpret(source, options, start, race, kept);
        if let Some(e) = fallback {
            outcome.fallback = Some(e.to_string());
        }
        let ran = outcome.backend == INTERPRETER && outcome.fallback.is_none();
        if self.tiering.warm_cache
            && ran
            && outcome.diagnostics.iter().all(|d| !d.diagnostic.is_error())
        {
            self.warm
                .get_or_init(|| warm::Warmer::start(&self.shared))
                .request(
                    source,
                    options,
                    warm::Work::Compile,
                    start.elapsed() >= warm::AT_ONCE_AFTER,
                );
        }
        outcome
    }

    /// Asks the warm thread to upgrade the module `run` ran on Winch's code to
    /// Cranelift's, at once, when the run asks for it ([`Run::upgrade`]; docs/decisions.md
    /// 184). A long-lived executor only, as for compiling for later.
    fn upgrade_if_long(&self, source: &str, options: &Options, run: &Run) {
        if run.upgrade.get() && self.tiering.warm_cache {
            self.warm
                .get_or_init(|| warm::Warmer::start(&self.shared))
                .request(source, options, warm::Work::Upgrade, true);
        }
    }
}

/// Whether `outcome` ended with the memory limit (E405). A compiled run's E405 never
/// answers for `auto`: the two tiers measure memory differently, so the interpreter's
/// estimate decides, and `auto` gives the same error whichever tier ran
/// (docs/decisions.md 111).
fn out_of_memory(outcome: &Outcome) -> bool {
    outcome
        .error()
        .is_some_and(|e| e.diagnostic.code == bytelogic_engine::Code::E405)
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
        .map(|p| bytelogic_codegen::compile_named(p, Target::Quick).map(|m| m.wasm));
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

/// Runs `source` on the interpreter, the run's clock started at `start`; with `race`,
/// raced by the compiled path of that executor once the run has gone on for the given
/// time ([`race`]); the two tiers then share the run's memory account. With `kept`, its
/// program comes from there when it is kept, and is kept there when not
/// ([`kept`]).
fn interpret(
    source: &str,
    options: &Options,
    start: Instant,
    race: Option<(&Arc<Shared>, Duration)>,
    kept: Option<&kept::Kept>,
) -> Outcome {
    let mut account = Account::starting(&options.limits, start);
    let memory = race.map(|_| Arc::new(RaceMemory::default()));
    if let Some(memory) = &memory {
        account = account.racing(Arc::clone(memory), Side::Interpreter);
    }
    let found = kept.and_then(|k| k.get(source, options, &mut account));
    let compiled = match (found, kept) {
        (Some(compiled), _) => compiled,
        (None, Some(kept)) => kept.keep(source, options, front_end(source, options, &mut account)),
        (None, None) => Arc::new(front_end(source, options, &mut account)),
    };
    let (result, compiled_outcome) = match (&compiled.program, race.zip(memory)) {
        (Some(program), None) => (
            Some(bytelogic_engine::run_within(program, &mut account)),
            None,
        ),
        (Some(program), Some(((shared, after), memory))) => {
            let run = Run {
                race: Some(memory),
                ..Run::since(start)
            };
            race::run(shared, after, program, source, options, &mut account, run)
        }
        (None, _) => (None, None),
    };
    let mut outcome = match compiled_outcome {
        Some(Ok(outcome)) => outcome,
        failed => {
            let mut outcome = Outcome::new(
                source,
                compiled.diagnostics.clone(),
                result,
                INTERPRETER,
                start.elapsed(),
            );
            outcome.fallback = failed.and_then(Result::err).map(|e| e.to_string());
            outcome.omitted = compiled.omitted;
            outcome
        }
    };
    outcome.elapsed = start.elapsed();
    if options.want_wat && outcome.wat.is_none() {
        outcome.wat = compiled.program.as_ref().and_then(|p| {
            let module = bytelogic_codegen::compile_named(p, Target::Quick).ok()?;

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
        let shared = Shared {
            wasm: OnceLock::from(Err("no wasmtime here".to_string())),
            ..Shared::default()
        };
        Executor {
            shared: Arc::new(shared),
            ..Executor::default()
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
    fn auto_interprets_a_new_program_and_runs_a_ready_module() {
        let executor = Executor::with_tiering(Tiering {
            warm_cache: false,
            race_after: None,
        });
        let mut opts = options(Backend::Auto);
        let o = executor.execute("RESULT 1", &opts).expect("runs");
        assert_eq!(
            (o.backend, &o.fallback, &o.wat),
            (INTERPRETER, &None, &None)
        );
        assert!(
            executor.shared.wasm.get().is_none(),
            "wasmtime never started"
        );
        executor.prepare("RESULT 1", &opts).expect("compiles");
        let o = executor.execute("RESULT 1", &opts).expect("runs");
        assert_eq!((o.backend, o.result_text().as_str()), (WASM, "1"));
        opts.want_wat = true;
        let o = executor.execute("RESULT 1", &opts).expect("runs");
        assert!(o.wat.is_some_and(|w| w.starts_with("(module")));
        let o = executor.execute("RESULT 2", &opts).expect("runs");
        assert_eq!(o.backend, INTERPRETER);
        assert!(o.wat.is_some_and(|w| w.starts_with("(module")));
        let o = executor.execute("RESULT (", &opts).expect("runs");
        assert_eq!((o.success(), o.wat), (false, None));
    }

    /// Polls `ready` for up to a minute (the warm thread has the lowest priority, and
    /// the machine running the tests may be busy).
    fn eventually(mut ready: impl FnMut() -> bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(60) {
            if ready() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        false
    }

    #[test]
    fn a_program_seen_again_finds_its_module_compiled_in_the_background() {
        let executor = Executor::new();
        let opts = options(Backend::Auto);
        let source = "REL e\nFACT e 1 2\nSOLVE\nQUERY e ? ?";
        let first = executor.execute(source, &opts).expect("runs");
        assert_eq!(first.backend, INTERPRETER);
        assert!(eventually(|| {
            executor.shared.wasm.get().is_some_and(|w| {
                w.as_ref().is_ok_and(|w| {
                    w.ready(source, &opts, &Run::since(Instant::now()))
                        .is_some()
                })
            })
        }));
        let again = executor.execute(source, &opts).expect("runs");
        assert_eq!(
            (again.backend, again.result_text()),
            (WASM, first.result_text())
        );
        // Programs that fail their checks are not compiled for later.
        let bad = executor.execute("QUERY nope ?", &opts).expect("runs");
        assert_eq!((bad.backend, bad.success()), (INTERPRETER, false));
    }

    /// A CALC loop of `n` iterations: long on the interpreter, short compiled.
    fn spin(n: u64) -> String {
        format!(
            "CALC s\nLET $i = 0\nFOR WHILE $i < {n}\nLET $i = $i + 1\nEND\nRESULT $i\nEND\nRESULT CALC s()"
        )
    }

    #[test]
    fn a_long_run_is_raced_by_the_compiled_path_with_the_same_outcome() {
        let racing = Executor::with_tiering(Tiering {
            warm_cache: false,
            race_after: Some(Duration::ZERO),
        });
        let mut opts = options(Backend::Auto);
        opts.limits.max_steps = u64::MAX;
        opts.limits.timeout_ms = 600_000;
        // Far longer on the interpreter than compiled: the compiled run wins unless the
        // machine is too busy to give its lowest-priority thread a core, and whichever
        // tier answers, the outcome and counters are the interpreter's (steps grow by
        // the same amount per iteration).
        let n = 2_000_000;
        let raced = racing.execute(&spin(n), &opts).expect("runs");
        assert_eq!(raced.fallback, None);
        assert_eq!(raced.result_text(), n.to_string());
        let steps = |n| executor_interpreting(&spin(n), &opts).stats.steps;
        let (ten, twenty) = (steps(10), steps(20));
        assert_eq!(raced.stats.steps, ten + (twenty - ten) / 10 * (n - 10));
        // The race compiled the module through the cache: the program runs compiled
        // from the start once that compilation is done.
        let backend = racing.wasm().expect("wasmtime started for the race");
        assert!(eventually(|| backend
            .ready(&spin(n), &opts, &Run::since(Instant::now()))
            .is_some()));
        let again = racing.execute(&spin(n), &opts).expect("runs");
        assert_eq!(
            (again.backend, again.stats.steps),
            (WASM, raced.stats.steps)
        );
        // A step limit gives the same error and counters whichever tier answers.
        opts.limits.max_steps = 100_000;
        let limited = racing.execute(&spin(n + 1), &opts).expect("runs");
        let interpreted = executor_interpreting(&spin(n + 1), &opts);
        assert_eq!(limited.to_json()["error"], interpreted.to_json()["error"]);
        assert_eq!(limited.stats.steps, interpreted.stats.steps);
    }

    #[test]
    fn a_module_that_ran_long_on_winch_is_upgraded_to_cranelift_in_the_background() {
        let executor = Executor::new();
        let mut opts = options(Backend::Wasm);
        opts.limits.max_steps = u64::MAX;
        opts.limits.timeout_ms = 600_000;
        // About a millisecond on Winch's code: past `UPGRADE_AFTER`, short of a tier-up
        // (twice Winch's compilation) on most machines; the loop makes it longer until
        // a run from the cache finishes on Winch's code and asks for the upgrade.
        let mut n = 20_000;
        let (source, first) = loop {
            let source = spin(n);
            let first = executor.execute(&source, &opts).expect("runs");
            let backend = executor.wasm().expect("wasmtime started");
            assert!(
                !backend.upgrade_state(&source, &opts).0,
                "a first run does not ask"
            );
            executor.execute(&source, &opts).expect("runs");
            if backend.upgrade_state(&source, &opts).0 || n > 20_000_000 {
                break (source, first);
            }
            n *= 4;
        };
        assert_eq!(first.result_text(), n.to_string());
        let backend = executor.wasm().expect("wasmtime started");
        assert!(eventually(
            || backend.upgrade_state(&source, &opts) == (true, true)
        ));
        // Cranelift's code for long runs gives the same outcome and counters.
        let again = executor.execute(&source, &opts).expect("runs");
        assert_eq!(
            (again.result_text(), again.stats.steps, again.runtime_error),
            (first.result_text(), first.stats.steps, None)
        );
        // An executor that does not compile for later does not upgrade either.
        let once = Executor::with_tiering(Tiering {
            warm_cache: false,
            race_after: None,
        });
        once.execute(&source, &opts).expect("runs");
        once.execute(&source, &opts).expect("runs");
        std::thread::sleep(Duration::from_millis(50));
        let backend = once.wasm().expect("wasmtime started");
        // (A run that tiered up has Cranelift's code without asking.)
        assert_ne!(backend.upgrade_state(&source, &opts), (true, true));
    }

    #[test]
    fn a_raced_run_out_of_memory_is_answered_by_the_interpreter() {
        let racing = Executor::with_tiering(Tiering {
            warm_cache: false,
            race_after: Some(Duration::ZERO),
        });
        let mut opts = options(Backend::Auto);
        opts.limits.max_memory_mb = RACE_MIN_MEMORY_MB;
        opts.limits.timeout_ms = 600_000;
        let doubling = "CALC grow\nLET $s = \"ab\"\nFOR WHILE 1\nLET $s = $s + $s\nEND\nRESULT $s\nEND\nRESULT CALC grow()";
        // The compiled run shares the run's memory account and never answers E405:
        // whichever tier stops first, the error is the interpreter's.
        for _ in 0..3 {
            let o = racing.execute(doubling, &opts).expect("runs");
            let error = o.error().map(|e| e.diagnostic.code);
            assert_eq!(
                (o.backend, error),
                (INTERPRETER, Some(bytelogic_engine::Code::E405))
            );
        }
    }

    fn executor_interpreting(source: &str, opts: &Options) -> Outcome {
        let opts = Options {
            backend: Backend::Interpreter,
            ..opts.clone()
        };
        Executor::new().execute(source, &opts).expect("runs")
    }
}
