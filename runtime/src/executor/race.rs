//! The race of [`Backend::Auto`](super::Backend::Auto): an interpreted run that is
//! still going after [`Tiering::race_after`](super::Tiering::race_after), at a clock read
//! outside a fixpoint, starts a thread that compiles the program (through the module cache, so it is ready next time) and
//! runs it compiled. The first of the two to finish answers and stops the other: the
//! interpreter asks at each clock read whether the compiled run has won
//! ([`bytelogic_engine::run_watched`]) and the compiled run is cancelled at its next
//! epoch tick once the interpreter has. Both give the same outputs, errors and counters,
//! so which one answers changes only `backend` and the time (docs/decisions.md 140).
//!
//! The two are one run under its limits (docs/decisions.md 111): the compiled run's
//! clock is the run's, started when the executor was called, and the two share the
//! run's memory account ([`bytelogic_engine::account::RaceMemory`]): each counts what
//! the other holds, the compiled run's linear memory included (and, once it ended, the
//! pages the instance pool keeps resident). The compiled run stops when the two pass
//! the limit; a compiled run that ends with E405 does not answer, so E405 is always
//! the interpreter's, and the interpreter goes on otherwise.
//!
//! The compiled side is speculative work: its thread runs at the lowest priority
//! ([`super::warm::lower_priority`]), so it takes a core only when one is idle and
//! never slows the interpreter it races. At most [`MAX_RACES`] compiled runs race at
//! once per executor, so that a server's workers, each with a long run, do not each
//! start one. A race thread holds the
//! executor's shared state until its compilation ends (a compilation cannot be
//! interrupted; a cancelled run stops within a tick), never longer, and nothing waits for
//! it: a process can exit while one is compiling.

use super::{Options, Shared};
use crate::outcome::Outcome;
use crate::wasm::{Run, WasmError};
use bytelogic_engine::ir::Program;
use bytelogic_engine::{Account, Phase, RunResult};
use std::cell::OnceCell;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Compiled runs racing the interpreter at once, per executor.
pub(super) const MAX_RACES: usize = 1;

/// Nobody has finished yet.
const NOBODY: u8 = 0;
/// The interpreter finished first.
const INTERPRETER: u8 = 1;
/// The compiled run finished first.
const COMPILED: u8 = 2;

/// One race (see the module docs).
#[derive(Default)]
struct Race {
    /// Who finished first: [`NOBODY`], [`INTERPRETER`] or [`COMPILED`].
    winner: AtomicU8,
    /// Set when the interpreter won: the compiled run stops at its next tick.
    cancel: Arc<AtomicBool>,
    /// The compiled path's outcome, or why it could not run the program.
    compiled: Mutex<Option<Result<Outcome, WasmError>>>,
}

/// Interprets `program` (the front end's result for `source` under `options`) charging
/// `account`, raced by the compiled path once it has run for `after`; the compiled run
/// is started as `compiled` says (the run's clock, the memory the tiers share).
/// Returns the interpreter's result when it answered, else `None` and the compiled
/// path's outcome; beside an interpreter's answer, the compiled path's failure if it
/// failed (the reason for `fallback`).
pub(super) fn run(
    shared: &Arc<Shared>,
    after: Duration,
    program: &Program,
    source: &str,
    options: &Options,
    account: &mut Account,
    compiled: Run,
) -> (Option<RunResult>, Option<Result<Outcome, WasmError>>) {
    let interpreting = Instant::now();
    let race: OnceCell<Option<Arc<Race>>> = OnceCell::new();
    // A fixpoint is not raced: there the interpreter is about as fast as compiled code,
    // and a race only takes memory bandwidth from it (docs/decisions.md 140); nor are
    // the QUERYs that end a program, after which nothing is left to win (132).
    let stop = |phase| {
        if race.get().is_none() && phase == Phase::Evaluating && interpreting.elapsed() >= after {
            let _ = race.set(start(shared, source, options, &compiled));
        }
        race.get().is_some_and(|r| {
            r.as_ref()
                .is_some_and(|r| r.winner.load(Ordering::Acquire) == COMPILED)
        })
    };
    let result = bytelogic_engine::run_watched(program, account, &stop);
    let Some(Some(race)) = race.get() else {
        return (Some(result), None);
    };
    let claimed =
        race.winner
            .compare_exchange(NOBODY, INTERPRETER, Ordering::AcqRel, Ordering::Acquire);
    let compiled = race
        .compiled
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    match claimed {
        Ok(_) => {
            race.cancel.store(true, Ordering::Release);
            (Some(result), compiled.filter(Result::is_err))
        }
        Err(_) => (None, compiled),
    }
}

/// Starts the compiled side of a race on its own thread: `None` when [`MAX_RACES`]
/// are running or no thread can be started.
fn start(shared: &Arc<Shared>, source: &str, options: &Options, run: &Run) -> Option<Arc<Race>> {
    if !take_slot(&shared.races) {
        return None;
    }
    let race = Arc::new(Race::default());
    let (theirs, shared_theirs) = (Arc::clone(&race), Arc::clone(shared));
    let (source, options) = (source.to_string(), options.clone());
    let run = Run {
        cancel: Some(Arc::clone(&race.cancel)),
        starts_wasmtime: shared.wasm.get().is_none(),
        ..run.clone()
    };
    let spawned = std::thread::Builder::new()
        .name("bytelogic-race".into())
        .spawn(move || {
            super::warm::lower_priority();
            // A panic (a bug in code generation) loses the race; it must not keep the
            // slot taken.
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                shared_theirs
                    .wasm()
                    .and_then(|backend| backend.outcome_of(&source, &options, &run))
            }))
            .unwrap_or_else(|_| Err(WasmError::Engine("the compiled path panicked".into())));
            // E405 is the interpreter's to give: this one lost (see the module docs).
            let outcome = match outcome {
                Ok(o) if super::out_of_memory(&o) => None,
                other => Some(other),
            };
            let answers = matches!(outcome, Some(Ok(_)));
            *theirs
                .compiled
                .lock()
                .unwrap_or_else(PoisonError::into_inner) = outcome;
            if answers {
                let _ = theirs.winner.compare_exchange(
                    NOBODY,
                    COMPILED,
                    Ordering::AcqRel,
                    Ordering::Acquire,
                );
            }
            shared_theirs.races.fetch_sub(1, Ordering::AcqRel);
        });
    match spawned {
        Ok(_) => Some(race),
        Err(_) => {
            shared.races.fetch_sub(1, Ordering::AcqRel);
            None
        }
    }
}

/// Counts one more race in `races` unless [`MAX_RACES`] are running.
fn take_slot(races: &AtomicUsize) -> bool {
    races
        .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
            (n < MAX_RACES).then_some(n + 1)
        })
        .is_ok()
}
