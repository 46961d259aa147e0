//! What every property shares: the proptest configuration (fixed seed, case counts
//! that `PROPTEST_CASES` raises), the backends a program runs on, and the checks
//! that hold for any input (spec §7, §8).

use bytelogic_codegen::CodegenError;
use bytelogic_engine::{Limits, LineIndex, compile};
use bytelogic_runtime::wasm::{WasmBackend, WasmError};
use bytelogic_runtime::{Executor, Options, Outcome};
use proptest::test_runner::{Config, RngSeed};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;
use std::time::Duration;
use std::time::Instant;

/// The seed CI runs every property with (`PROPTEST_RNG_SEED` overrides it).
const SEED: u64 = 0x0B7E_1061;

/// `default_cases` cases (or `PROPTEST_CASES`) from a fixed seed (or `PROPTEST_RNG_SEED`).
pub fn config(default_cases: u32) -> Config {
    let env = Config::default();
    let set = |name: &str| std::env::var_os(name).is_some();
    Config {
        cases: if set("PROPTEST_CASES") {
            env.cases
        } else {
            default_cases
        },
        rng_seed: if set("PROPTEST_RNG_SEED") {
            env.rng_seed
        } else {
            RngSeed::Fixed(SEED)
        },
        ..env
    }
}

/// A way to run programs.
pub struct Backend {
    /// Its name in messages.
    pub name: &'static str,
    /// Runs a source under limits; `Err` when the backend cannot run it at all.
    run: fn(&str, &Limits) -> Result<Outcome, String>,
    /// How far past its time limit a run may end (issue 4: 100 ms).
    slack: Duration,
}

/// The WASM backend's slack: 100 ms, except in a debug build (CI), where unoptimized
/// wasmtime compiles and tears down instances so slowly that 100 ms cannot hold; the
/// release runs check the 100 ms.
const WASM_SLACK: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(2)
} else {
    TIME_SLACK
};

/// Every backend, the interpreter first.
pub const BACKENDS: [Backend; 2] = [
    Backend {
        name: "interpreter",
        run: interpreter,
        slack: TIME_SLACK,
    },
    Backend {
        name: "wasm",
        run: wasm,
        slack: WASM_SLACK,
    },
];

/// The interpreter, through the runtime's Executor.
pub fn interpreter(source: &str, limits: &Limits) -> Result<Outcome, String> {
    let options = Options {
        backend: bytelogic_runtime::Backend::Interpreter,
        limits: *limits,
        ..Options::default()
    };
    Executor::new()
        .execute(source, &options)
        .map_err(|e| e.to_string())
}

/// The compiled path for long runs: the module a run that tiers up runs, on
/// Cranelift's code from the start (`WasmBackend::run_long`). Properties over large
/// fixpoints check it beside [`BACKENDS`].
pub const LONG_RUN: Backend = Backend {
    name: "wasm (long run)",
    run: wasm_long,
    slack: WASM_SLACK,
};

fn wasm_long(source: &str, limits: &Limits) -> Result<Outcome, String> {
    compiled_path(source, limits, true)
}

fn wasm(source: &str, limits: &Limits) -> Result<Outcome, String> {
    compiled_path(source, limits, false)
}

/// The compiled path: from Winch's code, or with `long`, from Cranelift's code for
/// long runs. `WasmBackend::outcome` caches every source it compiles, which a long
/// property run would fill; this compiles without the cache instead. A program the
/// code generator refuses as `Unsupported` (too large to compile in bounded time) runs
/// on the interpreter with `fallback` set, as `Backend::Auto` would run it.
fn compiled_path(source: &str, limits: &Limits, long: bool) -> Result<Outcome, String> {
    static BACKEND: OnceLock<WasmBackend> = OnceLock::new();
    let backend = BACKEND.get_or_init(|| WasmBackend::new().expect("a wasmtime engine"));
    let start = Instant::now();
    let compiled = compile(source, limits);
    let result = match &compiled.program {
        Some(program) => match if long {
            backend.run_long(program, limits)
        } else {
            backend.run(program, limits)
        } {
            Ok(result) => Some(result),
            Err(WasmError::Codegen(CodegenError::Unsupported(why))) => {
                let mut outcome = interpreter(source, limits)?;
                outcome.fallback = Some(why);
                return Ok(outcome);
            }
            Err(e) => return Err(e.to_string()),
        },
        None => None,
    };
    Ok(Outcome::new(
        source,
        compiled.diagnostics,
        result,
        "wasm",
        start.elapsed(),
    ))
}

/// Runs `source` on `backend` and checks what must hold for any input (see
/// [`check_sound`]); a panic or a backend failure is an error message naming the backend.
pub fn run_checked(backend: &Backend, source: &str, limits: &Limits) -> Result<Outcome, String> {
    let outcome = run_guarded(backend, source, limits)?;
    match check_sound(backend, source, limits, &outcome) {
        Err(TooSlow(_)) if retry_is_fast(backend, source, limits) => Ok(outcome),
        Err(e) => Err(format!("{}: {e}", backend.name)),
        Ok(()) => Ok(outcome),
    }
}

/// A run that took too long is tried twice more: only a program that is slow every
/// time fails, not one that a busy machine (tests run in parallel) held up once.
fn retry_is_fast(backend: &Backend, source: &str, limits: &Limits) -> bool {
    (0..2).any(|_| {
        run_guarded(backend, source, limits)
            .is_ok_and(|o| !matches!(check_sound(backend, source, limits, &o), Err(TooSlow(_))))
    })
}

fn run_guarded(backend: &Backend, source: &str, limits: &Limits) -> Result<Outcome, String> {
    catch_unwind(AssertUnwindSafe(|| (backend.run)(source, limits)))
        .map_err(|p| {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            format!("{}: panicked: {msg}", backend.name)
        })
        .and_then(|r| r.map_err(|e| format!("{}: could not run: {e}", backend.name)))
}

/// Slack allowed past the time limit (issue 4: at most 100 ms).
const TIME_SLACK: Duration = Duration::from_millis(100);

/// Why an outcome is not sound.
enum Unsound {
    /// It took longer than its time limit plus the backend's slack.
    TooSlow(String),
    /// A diagnostic is misplaced.
    Misplaced(String),
}
use Unsound::{Misplaced, TooSlow};

impl std::fmt::Display for Unsound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TooSlow(m) | Misplaced(m) => f.write_str(m),
        }
    }
}

/// Checks what must hold for any input: the run ends within its time limit (plus the
/// backend's slack), and every diagnostic has a 1-based line and column inside `source`.
fn check_sound(
    backend: &Backend,
    source: &str,
    limits: &Limits,
    outcome: &Outcome,
) -> Result<(), Unsound> {
    let allowed = Duration::from_millis(limits.timeout_ms) + backend.slack;
    if outcome.elapsed > allowed {
        return Err(TooSlow(format!(
            "took {:?}, limit {allowed:?}",
            outcome.elapsed
        )));
    }
    let lines: Vec<&str> = source.split('\n').collect();
    let index = LineIndex::new(source);
    for located in outcome.all_diagnostics() {
        let d = &located.diagnostic;
        let p = index.position(d.span);
        let bad = |why: &str| {
            Err(Misplaced(format!(
                "{} at {}:{} {why}: {}",
                d.code, p.line, p.column, d.message
            )))
        };
        if d.span.start > d.span.end || d.span.end as usize > source.len() {
            return bad(&format!("has span {:?} outside the source", d.span));
        }
        let Some(line) = (p.line as usize).checked_sub(1).and_then(|i| lines.get(i)) else {
            return bad("is on no line of the source");
        };
        let width = line.trim_end_matches('\r').chars().count() as u32;
        if p.column == 0 || p.column > width + 1 || p.end_column <= p.column {
            return bad(&format!("is outside its line of {width} characters"));
        }
        if located.position != p {
            return bad("was located differently by the outcome");
        }
    }
    Ok(())
}
