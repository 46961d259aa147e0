//! The compiled path: runs a program as a WebAssembly module under wasmtime.
//!
//! One [`WasmBackend`] holds two compiler tiers (docs/decisions.md 64): Winch, the
//! baseline compiler, compiles every module first, and a run that is still going after
//! twice the time Winch took to compile its module is stopped and run again from the
//! start on Cranelift's code, which the module cache then keeps.
//! Each tier is a configured `wasmtime::Engine` (epoch interruption for the time
//! limit, no fuel, the pooling allocator; Cranelift's with an in-memory cache of
//! compiled functions and started on the first tier-up) with a `Linker` that offers
//! only the math imports of `codegen/ABI.md`. The module cache is keyed by the source,
//! the injected facts and the limit that affects compilation (`max_source_kb`);
//! the other limits are arguments of the module's `run`, so a cached module serves
//! every limit setting. Results are decoded into the engine's [`RunResult`] so the
//! CLI and JSON rendering are shared with the interpreter.

mod cache;
pub mod compute;
mod decode;
mod functions;
mod stack;
mod ticker;

use crate::executor::{Options, front_end};
use crate::outcome::{Outcome, WASM};
use bytelogic_codegen::{CodegenError, MathFn, Target, compile_for};
use bytelogic_engine::account::{RaceMemory, Side};
use bytelogic_engine::fault::{Fault, What};
use bytelogic_engine::ir::Program;
use bytelogic_engine::{Account, Code, Limits, RunResult, Span, Stats, Symbols};
use cache::{Cache, CacheEntry, Prepared};
use decode::{Ended, Finished};
use stack::StackNeeds;
use std::cell::Cell;
use std::pin::pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};
use ticker::Ticker;
use wasmtime::{
    Config, Engine, InstanceAllocationStrategy, InstancePre, Linker, Module,
    PoolingAllocationConfig, RegallocAlgorithm, Store, StoreLimits, StoreLimitsBuilder, Strategy,
    Trap, UpdateDeadline,
};

/// The most WebAssembly stack a run may use. A run whose CALC depth limit could
/// need more ([`StackNeeds`]) is declined: E403 must come before the stack runs out.
const WASM_STACK: usize = 32 << 20;
/// What the host holds per byte of a run's module (its compiled code and metadata),
/// charged to the run's account (docs/decisions.md 104).
const MODULE_BYTES: u64 = 16;
/// What wasmtime holds once started (its engine, Winch's tier and the instance pool's
/// bookkeeping), charged to a run that starts it (docs/decisions.md 111): the
/// binary's peak RSS running `RESULT 1` on `wasm` less that on `interpreter`, 8.4 MiB
/// in a release build (10.7 in a debug one).
const WASMTIME_BYTES: u64 = 8 << 20;
/// How many times the time to the tier-up instant (twice Winch's compile time) must
/// be left before the time limit for a run to tier up: Cranelift takes four to eight
/// times Winch's compile time, and cannot be interrupted.
const TIER_UP_ROOM: u32 = 4;
/// Stack of the fiber a run executes on: [`WASM_STACK`] plus room for the host's
/// frames (the math imports, the epoch callback, wasmtime's trap handling).
const RUN_STACK: usize = 48 << 20;
/// Bytes of a linear memory the pooling allocator zeroes with `memset` when a run
/// ends (only the pages the run wrote), instead of returning them to the kernel,
/// which costs a page fault per page on the next run: a large fixpoint touches tens
/// of MiB (docs/decisions.md 82). A slot is reused by the next instance whatever its
/// module (`max_unused_warm_slots(0)`), so the process keeps at most this much per
/// run that ran at the same time.
const KEEP_RESIDENT: usize = 64 << 20;
/// Instances the pooling allocator of each tier keeps slots for (concurrent runs).
const POOL_SLOTS: u32 = 64;
/// How many times Winch's compile time a run on Winch's code may take before it is
/// run again on Cranelift's: a long run loses little (TC chain-1000: ~25 ms of ~390),
/// and a run shorter than that never pays for Cranelift's compilation (4-8x Winch's
/// for new code).
const TIER_UP_RATIO: u32 = 2;

/// Why the compiled path could not run a program.
#[derive(Clone, Debug)]
pub enum WasmError {
    /// The code generator refused the program.
    Codegen(CodegenError),
    /// Recursion to the CALC depth limit could need more native stack than a
    /// compiled run has (the interpreter runs it; docs/decisions.md 105).
    Stack {
        /// The depth limit of the run.
        max_depth: u32,
        /// The stack it could need, in bytes.
        needed: u64,
    },
    /// wasmtime failed (configuration, compilation, an unexpected trap).
    Engine(String),
}

impl std::fmt::Display for WasmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WasmError::Codegen(e) => e.fmt(f),
            WasmError::Stack { max_depth, needed } => write!(
                f,
                "cannot run on WebAssembly: recursion to the depth limit of {max_depth} could \
                 need {} MiB of stack (a compiled run has {} MiB)",
                needed.div_ceil(1 << 20),
                WASM_STACK >> 20
            ),
            WasmError::Engine(e) => write!(f, "wasmtime: {e}"),
        }
    }
}

impl std::error::Error for WasmError {}

fn engine_error(e: impl std::fmt::Display) -> WasmError {
    WasmError::Engine(e.to_string())
}

/// Per-store state: the memory limit, and why the run was stopped early (to tier up,
/// because its caller no longer needs it, or because the interpreter it races took
/// the memory it would need).
pub(crate) struct HostState {
    limits: StoreLimits,
    tier_up: bool,
    cancelled: bool,
    /// The run's linear memory (once instantiated) and what it may grow to.
    memory: Option<wasmtime::Memory>,
    memory_limit: u64,
    /// What compiling for the tier-up would take, to hold beside the linear memory.
    tier_up_bytes: u64,
    /// In a race: the tiers' memory, and how much the run's account allows the linear
    /// memory and what the interpreter holds together (the limit less what this run
    /// charged before it started).
    race: Option<(Arc<RaceMemory>, u64)>,
    /// Set when the linear memory and what the interpreter holds passed the limit.
    crowded: bool,
}

impl HostState {
    /// True when the linear memory, at `bytes`, and what the interpreter racing this
    /// run holds pass the run's memory limit.
    fn crowded_at(&self, bytes: u64) -> bool {
        self.race
            .as_ref()
            .is_some_and(|(race, room)| bytes.saturating_add(race.beside(Side::Compiled)) > *room)
    }
}

/// The memory limit of a run: its store's limits and, in a race, the room beside the
/// interpreter (a growth that does not fit fails, as past the limit); what the linear
/// memory holds is published for the interpreter (docs/decisions.md 111).
impl wasmtime::ResourceLimiter for HostState {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if !self.limits.memory_growing(current, desired, maximum)?
            || self.crowded_at(desired as u64)
        {
            return Ok(false);
        }
        if let Some((race, _)) = &self.race {
            race.set_linear(desired as u64);
        }
        Ok(true)
    }

    fn table_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        self.limits.table_growing(current, desired, maximum)
    }

    fn instances(&self) -> usize {
        self.limits.instances()
    }

    fn tables(&self) -> usize {
        self.limits.tables()
    }

    fn memories(&self) -> usize {
        self.limits.memories()
    }
}

/// How a compiled run is started: when its time limit's clock started (when the
/// executor was called, before the front end: docs/decisions.md 101) and, for a run
/// raced against the interpreter (docs/decisions.md 140, 111), a flag that, once set,
/// stops it at its next epoch tick (it lost) and the memory the two tiers share.
#[derive(Clone)]
pub(crate) struct Run {
    pub(crate) started: Instant,
    pub(crate) cancel: Option<Arc<AtomicBool>>,
    pub(crate) race: Option<Arc<RaceMemory>>,
    /// The run started wasmtime (a race in a process that had not used it): what that
    /// holds is the run's.
    pub(crate) starts_wasmtime: bool,
    /// How long the run took on Winch's code, when it finished there.
    pub(crate) on_winch: Cell<Option<Duration>>,
    /// Set when the run is the first to take [`UPGRADE_AFTER`] or more on Winch's code
    /// of a module that was in the cache before it: a long-lived executor then has its
    /// warm thread upgrade the module to Cranelift's code ([`WasmBackend::upgrade`],
    /// docs/decisions.md 184).
    pub(crate) upgrade: Cell<bool>,
}

impl Run {
    /// A run on its own whose clock started at `started`.
    pub(crate) fn since(started: Instant) -> Run {
        Run {
            started,
            cancel: None,
            race: None,
            starts_wasmtime: false,
            on_winch: Cell::new(None),
            upgrade: Cell::new(false),
        }
    }

    /// The run's account: its clock started at [`Run::started`], sharing the memory
    /// limit with the interpreter in a race.
    fn account(&self, limits: &Limits) -> Account {
        let account = Account::starting(limits, self.started);
        match &self.race {
            Some(race) => account.racing(Arc::clone(race), Side::Compiled),
            None => account,
        }
    }

    fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::Acquire))
    }
}

/// What the host holds while Cranelift compiles a module for a run that tiers up:
/// its engine and its compilation (measured about 12.5 MB for a small module), plus
/// this many bytes per byte of the module (docs/decisions.md 104).
const TIER_UP_BYTES: u64 = 16 << 20;
/// Bytes Cranelift's compilation holds per byte of the module.
const TIER_UP_PER_BYTE: u64 = 64;

/// What the host holds while Cranelift compiles `prepared`'s module for a tier-up.
fn tier_up_bytes(prepared: &Prepared) -> u64 {
    TIER_UP_BYTES + TIER_UP_PER_BYTE * prepared.module_bytes
}

/// `program` compiled for long runs ([`Target::LongRun`]) by Cranelift's `tier` and
/// linked: the module `prepared` holds, with the bitmaps of large fixpoints.
fn compile_long(
    tier: &Tier,
    prepared: &Prepared,
    program: &Program,
) -> Result<InstancePre<HostState>, WasmError> {
    let long = compile_for(program, Target::LongRun).map_err(WasmError::Codegen)?;
    if long.sites != prepared.sites {
        return Err(WasmError::Codegen(CodegenError::Internal(
            "the long-run module's error sites differ from the first module's".into(),
        )));
    }
    tier.prepare(&long.wasm)
}

/// A run on Winch's code of a module from the cache that took this long or more asks
/// for the module's upgrade to Cranelift's code (docs/decisions.md 184).
pub(crate) const UPGRADE_AFTER: Duration = Duration::from_micros(250);

/// One compiler: its engine (with an epoch ticker thread) and linker.
struct Tier {
    engine: Engine,
    linker: Linker<HostState>,
    ticker: Ticker,
}

impl Tier {
    /// Winch, the baseline compiler: one pass over each function, no cache.
    /// Cranelift compiles only wasmtime's trampolines here, which are cold code, so
    /// they get its single-pass register allocator (about 40% less time per
    /// trampoline, one per function type).
    fn quick() -> Result<Tier, WasmError> {
        Tier::new(Strategy::Winch, |config| {
            config.cranelift_regalloc_algorithm(RegallocAlgorithm::SinglePass);
            Ok(())
        })
    }

    /// Cranelift, optimizing for speed (only runs that outlast Winch's code reach it:
    /// decision 73), with the in-memory function cache (decision 57).
    fn optimized() -> Result<Tier, WasmError> {
        Tier::new(Strategy::Cranelift, |config| {
            config
                .cranelift_opt_level(wasmtime::OptLevel::Speed)
                .enable_incremental_compilation(Arc::new(functions::Functions::default()))
                .map(|_| ())
        })
    }

    fn new(
        strategy: Strategy,
        compiler: impl FnOnce(&mut Config) -> wasmtime::Result<()>,
    ) -> Result<Tier, WasmError> {
        let mut pool = PoolingAllocationConfig::default();
        pool.total_core_instances(POOL_SLOTS)
            .total_memories(POOL_SLOTS)
            .total_tables(POOL_SLOTS)
            .total_stacks(POOL_SLOTS)
            .max_memory_size(1 << 32)
            .max_unused_warm_slots(0)
            .linear_memory_keep_resident(KEEP_RESIDENT);
        let mut config = Config::new();
        config
            .strategy(strategy)
            .epoch_interruption(true)
            .consume_fuel(false)
            .cranelift_opt_level(wasmtime::OptLevel::None)
            // Traps are located by the module's own error sites, never by wasmtime's
            // address map or backtraces, and no host frame unwinds through wasm: the
            // two save a twentieth of a small module's compilation.
            .generate_address_map(false)
            .native_unwind_info(false)
            .async_stack_size(RUN_STACK)
            .max_wasm_stack(WASM_STACK)
            .allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
        compiler(&mut config).map_err(engine_error)?;
        let engine = Engine::new(&config).map_err(engine_error)?;
        let mut linker = Linker::new(&engine);
        define_math(&mut linker)?;
        let weak = engine.weak();
        let ticker = Ticker::start(move || {
            let engine = weak.upgrade();
            engine.as_ref().map(Engine::increment_epoch).is_some()
        })
        .map_err(engine_error)?;
        Ok(Tier {
            engine,
            linker,
            ticker,
        })
    }

    /// Compiles and links `wasm`.
    fn prepare(&self, wasm: &[u8]) -> Result<InstancePre<HostState>, WasmError> {
        let module = Module::new(&self.engine, wasm).map_err(engine_error)?;
        self.linker.instantiate_pre(&module).map_err(engine_error)
    }
}

/// The WebAssembly backend (see the module docs).
pub struct WasmBackend {
    quick: Tier,
    /// Started on the first tier-up.
    optimized: OnceLock<Result<Tier, WasmError>>,
    cache: Cache,
}

impl WasmBackend {
    /// A backend with Winch's engine and linker and an epoch ticker thread.
    pub fn new() -> Result<WasmBackend, WasmError> {
        Ok(WasmBackend {
            quick: Tier::quick()?,
            optimized: OnceLock::new(),
            cache: Cache::default(),
        })
    }

    /// Runs `source` with the limits, injected facts and WAT request of `options` (its
    /// backend choice is the caller's business). A source seen before with the same
    /// facts skips the front end, code generation and compilation. The run's clock
    /// starts now and its account is charged by every phase (docs/decisions.md 101).
    pub fn outcome(&self, source: &str, options: &Options) -> Result<Outcome, WasmError> {
        self.outcome_of(source, options, &Run::since(Instant::now()))
    }

    /// [`WasmBackend::outcome`] started as `run` says.
    pub(crate) fn outcome_of(
        &self,
        source: &str,
        options: &Options,
        run: &Run,
    ) -> Result<Outcome, WasmError> {
        let mut account = run.account(&options.limits);
        let (entry, fresh) = self.entry(source, options, &mut account);
        self.run_entry(&entry, fresh, source, options, account, run)
    }

    /// The outcome of `source` under `options`, its clock started at `started`, when
    /// its module is ready in the cache (compiled before, not refused); `None` without
    /// running anything otherwise.
    pub(crate) fn ready(
        &self,
        source: &str,
        options: &Options,
        run: &Run,
    ) -> Option<Result<Outcome, WasmError>> {
        let entry = self.cache.get(source, options)?;
        match &entry.prepared {
            Some(Ok(_)) => {
                let account = run.account(&options.limits);
                Some(self.run_entry(&entry, false, source, options, account, run))
            }
            Some(Err(e)) => Some(Err(e.clone())),
            None => None,
        }
    }

    /// Compiles `source` under `options` into the cache unless it is there: after this,
    /// [`WasmBackend::ready`] finds it. Its front end is under the limits of `options`,
    /// with a clock that starts now.
    pub(crate) fn precompile(&self, source: &str, options: &Options) {
        self.entry(source, options, &mut Account::new(&options.limits));
    }

    /// Whether the cached module of `source` under `options` was asked to upgrade, and
    /// whether it has Cranelift's code.
    #[cfg(test)]
    pub(crate) fn upgrade_state(&self, source: &str, options: &Options) -> (bool, bool) {
        match self.cache.get(source, options).as_deref() {
            Some(CacheEntry {
                prepared: Some(Ok(p)),
                ..
            }) => (
                p.upgrade_asked.load(Ordering::Relaxed),
                p.optimized.get().is_some(),
            ),
            _ => (false, false),
        }
    }

    /// The cache entry of `source` under `options`, made now if it is not cached (then
    /// `true`: its front end charged `account`).
    fn entry(
        &self,
        source: &str,
        options: &Options,
        account: &mut Account,
    ) -> (Arc<CacheEntry>, bool) {
        let mut fresh = false;
        let entry = self.cache.get_or_insert(source, options, || {
            fresh = true;
            let compiled = front_end(source, options, account);
            let prepared = compiled.program.as_ref().map(|p| self.prepare(p));
            CacheEntry { compiled, prepared }
        });
        (entry, fresh)
    }

    /// Runs a cache entry's module (when it has one) charging `account` (which its
    /// front end charged when the entry is `fresh`), and assembles the outcome.
    fn run_entry(
        &self,
        entry: &CacheEntry,
        fresh: bool,
        source: &str,
        options: &Options,
        mut account: Account,
        run: &Run,
    ) -> Result<Outcome, WasmError> {
        let result = match (&entry.compiled.program, &entry.prepared) {
            (Some(program), Some(Ok(prepared))) => {
                let held = if fresh { 0 } else { entry.compiled.memory };
                let module = prepared.module_bytes * MODULE_BYTES;
                let wasmtime = if run.starts_wasmtime {
                    WASMTIME_BYTES
                } else {
                    0
                };
                Some(match account.charge(held + module + wasmtime) {
                    Ok(()) => {
                        let result = self.execute(prepared, program, &mut account, run)?;
                        // A program that came again and ran long on Winch's code.
                        run.upgrade.set(
                            !fresh
                                && run.on_winch.get() >= Some(UPGRADE_AFTER)
                                && !prepared.upgrade_asked.swap(true, Ordering::Relaxed),
                        );
                        result
                    }
                    Err(fault) => refused(&account, &fault),
                })
            }
            (_, Some(Err(e))) => return Err(e.clone()),
            _ => None,
        };
        let diagnostics = entry.compiled.diagnostics.clone();
        let elapsed = run.started.elapsed();
        let mut outcome = Outcome::new(source, diagnostics, result, WASM, elapsed);
        outcome.omitted = entry.compiled.omitted;
        // The module that ran, with the name section it runs without (decision 180).
        if options.want_wat
            && let (Some(program), Some(Ok(_))) = (&entry.compiled.program, &entry.prepared)
        {
            let named = bytelogic_codegen::compile_named(program, Target::Quick)
                .map_err(WasmError::Codegen)?;
            outcome.wat = Some(bytelogic_codegen::wat(&named.wasm).map_err(WasmError::Codegen)?);
        }
        Ok(outcome)
    }

    /// How many compiled programs the cache holds (one per distinct source, facts and
    /// `max_source_kb` seen, up to its capacity).
    pub fn cached(&self) -> usize {
        self.cache.len()
    }

    /// Compiles and runs a lowered program (no caching); its clock starts now.
    pub fn run(&self, program: &Program, limits: &Limits) -> Result<RunResult, WasmError> {
        let mut account = Account::new(limits);
        let prepared = self.prepare(program)?;
        self.execute(
            &prepared,
            program,
            &mut account,
            &Run::since(Instant::now()),
        )
    }

    /// Generates the module and compiles it with Winch, timing that compilation.
    fn prepare(&self, program: &Program) -> Result<Prepared, WasmError> {
        let compiled = bytelogic_codegen::compile(program).map_err(WasmError::Codegen)?;
        let stack = StackNeeds::of(&compiled.wasm)?;
        let start = Instant::now();
        let quick = self.quick.prepare(&compiled.wasm)?;
        Ok(Prepared {
            quick,
            tier_up_after: start.elapsed() * TIER_UP_RATIO,
            optimized: OnceLock::new(),
            upgrade_asked: AtomicBool::new(false),
            sites: compiled.sites,
            stack,
            module_bytes: compiled.wasm.len() as u64,
        })
    }

    /// Compiles a lowered program for long runs and runs it on Cranelift's code from
    /// the start: what a run that tiers up runs (no caching; for tests and
    /// benchmarks of that code).
    pub fn run_long(&self, program: &Program, limits: &Limits) -> Result<RunResult, WasmError> {
        let mut account = Account::new(limits);
        let prepared = self.prepare(program)?;
        self.tier_up(&prepared, program)?;
        self.execute(
            &prepared,
            program,
            &mut account,
            &Run::since(Instant::now()),
        )
    }

    /// Cranelift's tier and its compilation of `program` for long runs
    /// ([`Target::LongRun`]: the module `prepared` holds, with the bitmaps of large
    /// fixpoints), each started or compiled now if it was not before.
    fn tier_up<'a>(
        &'a self,
        prepared: &'a Prepared,
        program: &Program,
    ) -> Result<(&'a Tier, &'a InstancePre<HostState>), WasmError> {
        let tier = self.cranelift()?;
        let pre = prepared
            .optimized
            .get_or_init(|| compile_long(tier, prepared, program));
        Ok((tier, pre.as_ref().map_err(Clone::clone)?))
    }

    /// Cranelift's tier, started now if it was not before.
    fn cranelift(&self) -> Result<&Tier, WasmError> {
        let tier = self.optimized.get_or_init(Tier::optimized);
        tier.as_ref().map_err(Clone::clone)
    }

    /// Compiles the cached module of `source` under `options` for long runs with
    /// Cranelift, unless a run did (or the module is not cached), so that its later
    /// runs run on that code from the start (docs/decisions.md 184): the warm thread's
    /// work when a run on Winch's code asked for it ([`Run::upgrade`]). The module is
    /// compiled before it is stored, so a run that tiers up meanwhile compiles its own
    /// instead of waiting for this thread's lowest priority; a failure is left for
    /// such a run to report.
    pub(crate) fn upgrade(&self, source: &str, options: &Options) {
        if let Some(entry) = self.cache.get(source, options)
            && let (Some(program), Some(Ok(prepared))) = (&entry.compiled.program, &entry.prepared)
            && prepared.optimized.get().is_none()
            && let Ok(tier) = self.cranelift()
            && let Ok(pre) = compile_long(tier, prepared, program)
        {
            let _ = prepared.optimized.set(Ok(pre));
        }
    }

    /// Instantiates, runs and decodes; a panic of the run becomes [`WasmError::Engine`].
    /// The run starts on Winch's code unless Cranelift's is there; stopped to tier up,
    /// it runs again from the start on Cranelift's. The time limit's clock is
    /// `account`'s (it started with the run, before the front end) and keeps running
    /// through a tier-up; `run` may cancel it.
    ///
    /// The run's native stack, bounded by its depth limit ([`StackNeeds`]), is charged
    /// to `account` while it runs (a run that could need more than [`WASM_STACK`] is
    /// declined), and its linear memory may grow to what the account has left.
    fn execute(
        &self,
        prepared: &Prepared,
        program: &Program,
        account: &mut Account,
        run: &Run,
    ) -> Result<RunResult, WasmError> {
        let max_depth = account.limits().max_depth;
        let needed = prepared.stack.at_depth(max_depth);
        if needed > WASM_STACK as u64 {
            return Err(WasmError::Stack { max_depth, needed });
        }
        if let Err(fault) = account.charge(needed) {
            return Ok(refused(account, &fault));
        }
        let now = Instant::now();
        let deadline = account.deadline();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // What Winch's instance pool keeps resident of a run stopped to tier up
            // (decision 82) is the run's while it goes on (docs/decisions.md 116).
            let mut winch_resident = 0;
            // Cranelift's code for long runs starts with more memory than Winch's
            // (docs/decisions.md 192): a run whose account cannot give it that runs on
            // Winch's code, as before the module was upgraded.
            let long_fits = match prepared.optimized.get() {
                Some(Ok(pre)) => initial_bytes(pre) <= account.left().min(1 << 32),
                Some(Err(_)) => true,
                None => false,
            };
            if !long_fits {
                let clock = Clock {
                    deadline,
                    tier_up: now.checked_add(prepared.tier_up_after),
                    room: prepared.tier_up_after * TIER_UP_ROOM,
                    run,
                };
                let quick = (&self.quick, &prepared.quick);
                match execute_here(quick, prepared, program, account, clock)? {
                    Ran::Finished(result) => {
                        run.on_winch.set(Some(now.elapsed()));
                        return Ok(*result);
                    }
                    Ran::TieredUp { linear } => winch_resident = linear.min(KEEP_RESIDENT as u64),
                }
            }
            let clock = Clock {
                deadline,
                tier_up: None,
                room: Duration::ZERO,
                run,
            };
            // Compiling now for this run: what that holds is the run's.
            let compiling = prepared.optimized.get().is_none();
            let held = winch_resident
                + if compiling {
                    tier_up_bytes(prepared)
                } else {
                    0
                };
            if let Err(fault) = account.charge(held) {
                return Ok(refused(account, &fault));
            }
            let result = match execute_here(
                self.tier_up(prepared, program)?,
                prepared,
                program,
                account,
                clock,
            )? {
                Ran::Finished(result) => Ok(*result),
                Ran::TieredUp { .. } => {
                    Err(engine_error("Cranelift's code was stopped to tier up"))
                }
            };
            account.release(held);
            result
        }))
        .map_err(|_| WasmError::Engine("the run panicked".into()))?;
        account.release(needed);
        // In a race, what the pool keeps resident of the linear memory (decision 82)
        // stays with the run.
        if let Some((race, _)) = account.race() {
            race.set_linear(race.linear().min(KEEP_RESIDENT as u64));
        }
        result
    }
}

/// When a run stops: at the time limit's `deadline`, to tier up (none: never) if at
/// least `room` is left before the deadline, or once `run` is cancelled.
#[derive(Clone, Copy)]
struct Clock<'r> {
    deadline: Option<Instant>,
    tier_up: Option<Instant>,
    room: Duration,
    run: &'r Run,
}

/// The result of a run that could not start: a limit's fault at the program's start.
fn refused(account: &Account, fault: &Fault) -> RunResult {
    RunResult {
        outputs: Vec::new(),
        error: Some(account.limit_error(fault, Span::new(0, 0))),
        stats: Stats::default(),
        symbols: Symbols::new(),
    }
}

/// How a run on one tier ended.
enum Ran {
    /// With its result (an error included), boxed: the result is large, and `Ran`
    /// moves once a run.
    Finished(Box<RunResult>),
    /// Stopped to tier up, holding `linear` bytes of linear memory when it stopped.
    TieredUp { linear: u64 },
}

/// [`WasmBackend::execute`] on one tier without the panic guard. `run` executes on a
/// fiber stack of [`RUN_STACK`] from the pooling allocator, reused from run to run (no
/// thread or stack is created), so the caller's own stack size does not matter. The linear memory may take what `account`
/// has left, and is charged to it while the results are decoded.
fn execute_here(
    (tier, pre): (&Tier, &InstancePre<HostState>),
    prepared: &Prepared,
    program: &Program,
    account: &mut Account,
    clock: Clock<'_>,
) -> Result<Ran, WasmError> {
    let limits = *account.limits();
    let memory_bytes = account.left().min(1 << 32);
    if initial_bytes(pre) > memory_bytes {
        // Not even the module's first pages fit.
        return Ok(Ran::Finished(Box::new(refused(
            account,
            &Fault::new(Code::E405, What::Memory(None)),
        ))));
    }
    let state = HostState {
        limits: StoreLimitsBuilder::new()
            .memory_size(usize::try_from(memory_bytes).unwrap_or(usize::MAX))
            .instances(1)
            .build(),
        tier_up: false,
        cancelled: false,
        memory: None,
        memory_limit: memory_bytes,
        tier_up_bytes: tier_up_bytes(prepared),
        race: account.race().map(|(race, _)| {
            let room = account.max_memory().saturating_sub(account.charged());
            (Arc::clone(race), room)
        }),
        crowded: false,
    };
    if clock.run.cancelled() {
        return Err(engine_error("the run was cancelled"));
    }
    let _ticking = tier.ticker.run();
    let mut store = Store::new(&tier.engine, state);
    store.limiter(|s| s);
    watch_the_clock(&mut store, clock);
    let instance = match pre.instantiate(&mut store) {
        Ok(instance) => instance,
        // In a race, the interpreter holds what the module's first pages would take.
        Err(_) if store.data().crowded_at(initial_bytes(pre)) => {
            return Ok(Ran::Finished(Box::new(refused(
                account,
                &account.exceeded(),
            ))));
        }
        Err(e) => return Err(engine_error(e)),
    };
    store.data_mut().memory =
        instance.get_memory(&mut store, bytelogic_codegen::abi::EXPORT_MEMORY);
    let run = instance
        .get_typed_func::<(i64, i64, i32, i32), i32>(&mut store, bytelogic_codegen::abi::EXPORT_RUN)
        .map_err(engine_error)?;
    let pages = (memory_bytes / 65536).min(65536) as i32;
    let args = (
        limits.max_steps.min(i64::MAX as u64) as i64,
        limits.max_tuples.min(i64::MAX as u64) as i64,
        limits.max_depth.min(i32::MAX as u32) as i32,
        pages,
    );
    let outcome = completed(run.call_async(&mut store, args))
        .ok_or_else(|| engine_error("the run was suspended"))?;
    let trap = match outcome {
        Ok(_) => None,
        Err(e) => Some(match e.downcast_ref::<Trap>() {
            Some(Trap::Interrupt) => Ended::Interrupted,
            // E403 comes before the stack can run out (`StackNeeds`): running out
            // would be a bug, never reported as a limit (the interpreter runs it).
            Some(Trap::StackOverflow) => {
                return Err(engine_error("the run ran out of native stack"));
            }
            Some(_) => Ended::Other,
            None => return Err(engine_error(&e)),
        }),
    };
    if trap == Some(Ended::Interrupted) && store.data().crowded {
        // The interpreter it races holds what this run's memory would need.
        return Ok(Ran::Finished(Box::new(refused(
            account,
            &account.exceeded(),
        ))));
    }
    if trap == Some(Ended::Interrupted) && store.data().cancelled {
        return Err(engine_error("the run was cancelled"));
    }
    if trap == Some(Ended::Interrupted) && store.data().tier_up {
        let linear = linear_bytes(&wasmtime::AsContextMut::as_context_mut(&mut store));
        return Ok(Ran::TieredUp { linear });
    }
    let race = store.data().race.as_ref().map(|(race, _)| Arc::clone(race));
    let finished = finished(&mut store, &instance, trap)?;
    let linear = finished.memory.len() as u64;
    // The account holds the linear memory while the results are decoded.
    race.iter().for_each(|race| race.set_linear(0));
    let result = match account.charge(linear) {
        Ok(()) => decode::result(&finished, program, &prepared.sites, account),
        Err(fault) => Ok(refused(account, &fault)),
    };
    account.release(linear);
    race.iter().for_each(|race| race.set_linear(linear));
    result.map(|r| Ran::Finished(Box::new(r)))
}

/// What the run left in its instance.
fn finished<'s>(
    store: &'s mut Store<HostState>,
    instance: &wasmtime::Instance,
    trap: Option<Ended>,
) -> Result<Finished<'s>, WasmError> {
    use bytelogic_codegen::abi::Global;
    let mut global = |g: Global| -> Result<u64, WasmError> {
        let global = instance
            .get_global(&mut *store, g.name())
            .ok_or_else(|| WasmError::Engine(format!("no global `{}`", g.name())))?;
        match global.get(&mut *store) {
            wasmtime::Val::I32(x) => Ok(u64::from(x as u32)),
            wasmtime::Val::I64(x) => Ok(x as u64),
            _ => Err(WasmError::Engine(format!(
                "global `{}` has a bad type",
                g.name()
            ))),
        }
    };
    let stats = Stats {
        tuples: global(Global::Tuples)?,
        iterations: global(Global::Iterations)?,
        steps: global(Global::Steps)?,
    };
    let symbols = (
        global(Global::SymPtr)? as u32,
        global(Global::SymLen)? as u32,
    );
    let outputs = (
        global(Global::OutPtr)? as u32,
        global(Global::OutLen)? as u32,
    );
    let site = global(Global::Site)? as usize;
    let memory = instance
        .get_memory(&mut *store, bytelogic_codegen::abi::EXPORT_MEMORY)
        .ok_or_else(|| WasmError::Engine("no memory export".into()))?;
    Ok(Finished {
        memory: memory.data(&*store),
        stats,
        symbols,
        outputs,
        site,
        trap,
    })
}

/// Time set aside before a run's time limit per MiB of its linear memory: what handing
/// its pages back to the kernel takes once the run stops (the pool's reset of its slot,
/// or the process's exit), twice the slowest measured (docs/decisions.md 114).
const TEARDOWN_PER_MIB: Duration = Duration::from_micros(250);

/// Whether a run whose linear memory holds `bytes` is out of time at `now`: its
/// deadline is close enough that the time left is what handing that memory back
/// takes ([`TEARDOWN_PER_MIB`]), so the run ends by its limit.
fn out_of_time(deadline: Option<Instant>, bytes: u64, now: Instant) -> bool {
    let mib = u32::try_from(bytes >> 20).unwrap_or(u32::MAX);
    deadline.is_some_and(|d| {
        now.checked_add(TEARDOWN_PER_MIB * mib)
            .is_none_or(|t| t >= d)
    })
}

/// The bytes of linear memory an instance of `pre`'s module starts with.
fn initial_bytes(pre: &InstancePre<HostState>) -> u64 {
    let pages = pre.module().resources_required().max_initial_memory_size;
    pages.map_or(0, |pages| pages.saturating_mul(65536))
}

/// The bytes of linear memory a module for long runs starts with, at least.
const LONG_RUN_MIN_BYTES: u64 = (bytelogic_codegen::abi::LONG_RUN_MIN_PAGES as u64) << 16;

/// The bytes of a store's linear memory (0 before it is instantiated).
fn linear_bytes(store: &wasmtime::StoreContextMut<'_, HostState>) -> u64 {
    let state = store.data();
    state.memory.map_or(0, |m| m.data_size(store) as u64)
}

/// Whether a run on Winch's code holding `linear` bytes of linear memory may stop to
/// tier up under `memory_limit`: Cranelift's compilation holds `tier_up_bytes`, and the
/// run on its code starts again beside what Winch's instance pool keeps of this one
/// (docs/decisions.md 116), so it needs room to grow back to `linear` beside both, and
/// at least for the first pages of the module for long runs (192).
fn room_to_tier_up(linear: u64, tier_up_bytes: u64, memory_limit: u64) -> bool {
    let resident = linear.min(KEEP_RESIDENT as u64);
    linear
        .max(LONG_RUN_MIN_BYTES)
        .saturating_add(resident)
        .saturating_add(tier_up_bytes)
        <= memory_limit
}

/// Arms the time limit of one run: at every epoch tick (every [`ticker::TICK`]) the store
/// compares the clock with the deadline, less the time to hand its linear memory back
/// ([`out_of_time`]), so the run stops at the first check past that, late by at most
/// one tick; a deadline already past (a limit of 0) stops the run at its first check
/// (the entry of `run`), whatever the tick phase. Past the tier-up
/// instant the run stops too, marked as stopped to tier up, unless the time left is
/// less than the clock's `room`. Once the run is cancelled, or (in a race) its linear
/// memory and what the interpreter holds pass the memory limit, it stops too.
fn watch_the_clock(
    store: &mut Store<HostState>,
    Clock {
        deadline,
        tier_up,
        room,
        run,
    }: Clock<'_>,
) {
    let cancel = run.cancel.clone();
    let past = |instant: Option<Instant>| instant.is_some_and(|i| Instant::now() >= i);
    // Cranelift's compilation cannot be interrupted: tier up only with room for it,
    // in time and beside the memory the run holds.
    let roomy = move || deadline.is_none_or(|d| d.saturating_duration_since(Instant::now()) > room);
    let fits = |store: &wasmtime::StoreContextMut<'_, HostState>| {
        let state = store.data();
        room_to_tier_up(linear_bytes(store), state.tier_up_bytes, state.memory_limit)
    };
    store.set_epoch_deadline(u64::from(!past(deadline)));
    let crowded = |store: &wasmtime::StoreContextMut<'_, HostState>| {
        store.data().crowded_at(linear_bytes(store))
    };
    store.epoch_deadline_callback(move |mut store| {
        if out_of_time(deadline, linear_bytes(&store), Instant::now()) {
            Ok(UpdateDeadline::Interrupt)
        } else if cancel.as_ref().is_some_and(|c| c.load(Ordering::Acquire)) {
            store.data_mut().cancelled = true;
            Ok(UpdateDeadline::Interrupt)
        } else if crowded(&store) {
            store.data_mut().crowded = true;
            Ok(UpdateDeadline::Interrupt)
        } else if past(tier_up) && roomy() && fits(&store) {
            store.data_mut().tier_up = true;
            Ok(UpdateDeadline::Interrupt)
        } else {
            Ok(UpdateDeadline::Continue(1))
        }
    });
}

/// The output of a future that finishes without waiting: a run's fiber never
/// suspends (no import is async, and the epoch callback continues or interrupts but
/// never yields), so one poll completes it; `None` if it did not.
fn completed<T>(future: impl Future<Output = T>) -> Option<T> {
    let mut context = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut context) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

/// Links the math imports of `codegen/ABI.md`, every [`MathFn`] under its name.
fn define_math(linker: &mut Linker<HostState>) -> Result<(), WasmError> {
    for m in MathFn::ALL {
        let name = m.name();
        match m {
            MathFn::Sin => linker.func_wrap("env", name, f64::sin),
            MathFn::Cos => linker.func_wrap("env", name, f64::cos),
            MathFn::Tan => linker.func_wrap("env", name, f64::tan),
            MathFn::Asin => linker.func_wrap("env", name, f64::asin),
            MathFn::Acos => linker.func_wrap("env", name, f64::acos),
            MathFn::Atan => linker.func_wrap("env", name, f64::atan),
            MathFn::Log => linker.func_wrap("env", name, f64::ln),
            MathFn::Log10 => linker.func_wrap("env", name, f64::log10),
            MathFn::Exp => linker.func_wrap("env", name, f64::exp),
            MathFn::Pow => linker.func_wrap("env", name, f64::powf),
            MathFn::Fmod => linker.func_wrap("env", name, |x: f64, y: f64| x % y),
        }
        .map_err(engine_error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Transitive closure of a chain of `n` nodes: `n (n - 1) / 2` tuples, long
    /// enough to be running at the first epoch tick.
    fn chain(n: usize) -> Program {
        let mut source = String::from(
            "REL edge\nREL path\nRULE path: SCAN edge, EMIT path $0 $1\n\
             RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2\n",
        );
        for i in 1..n {
            source += &format!("FACT edge {} {i}\n", i - 1);
        }
        source += "SOLVE\nQUERY path 0 ?\n";
        let limits = Limits::default();
        bytelogic_engine::compile(&source, &limits)
            .program
            .expect("front end accepts it")
    }

    /// Runs `prepared` on `backend` under `limits`, its clock starting now.
    fn execute(
        backend: &WasmBackend,
        prepared: &Prepared,
        program: &Program,
        limits: &Limits,
    ) -> RunResult {
        let run = Run::since(Instant::now());
        backend
            .execute(prepared, program, &mut Account::new(limits), &run)
            .expect("runs")
    }

    /// Outputs as text, the error and the counters: what both backends must agree on.
    fn summary(r: &RunResult) -> String {
        let text = |o| bytelogic_engine::output::output_text(o, &r.symbols);
        let outputs: Vec<String> = r.outputs.iter().map(text).collect();
        format!("{outputs:?} {:?} {:?}", r.error, r.stats)
    }

    #[test]
    fn a_run_past_its_tier_up_instant_restarts_on_cranelift_with_the_same_result() {
        let backend = WasmBackend::new().expect("wasmtime starts");
        let (program, limits) = (chain(400), Limits::default());
        let mut prepared = backend.prepare(&program).expect("compiles");
        prepared.tier_up_after = Duration::ZERO;
        let tiered = execute(&backend, &prepared, &program, &limits);
        assert!(matches!(prepared.optimized.get(), Some(Ok(_))), "tiered up");
        let interpreted = summary(&bytelogic_engine::run(&program, &limits));
        assert_eq!(summary(&tiered), interpreted);
        let again = execute(&backend, &prepared, &program, &limits);
        assert_eq!(
            summary(&again),
            interpreted,
            "Cranelift's code, from the start"
        );
    }

    #[test]
    fn a_run_tiers_up_only_with_room_to_grow_back_beside_what_winch_keeps() {
        const MIB: u64 = 1 << 20;
        assert!(room_to_tier_up(10 * MIB, MIB, 21 * MIB));
        assert!(!room_to_tier_up(10 * MIB, MIB, 21 * MIB - 1));
        // The pool keeps at most `KEEP_RESIDENT` of a larger memory.
        let large = 2 * KEEP_RESIDENT as u64;
        assert!(room_to_tier_up(large, 0, large + KEEP_RESIDENT as u64));
        assert!(!room_to_tier_up(large, 0, large + KEEP_RESIDENT as u64 - 1));
        // A small run needs room for the long-run module's first pages.
        let first = LONG_RUN_MIN_BYTES;
        assert!(room_to_tier_up(MIB, MIB, first + 2 * MIB));
        assert!(!room_to_tier_up(MIB, MIB, first + 2 * MIB - 1));
    }

    #[test]
    fn a_run_whose_account_cannot_hold_the_long_run_modules_first_pages_runs_on_winch() {
        let backend = WasmBackend::new().expect("wasmtime starts");
        let program = chain(30);
        let prepared = backend.prepare(&program).expect("compiles");
        backend
            .tier_up(&prepared, &program)
            .expect("compiles for long runs");
        let pre = match prepared.optimized.get() {
            Some(Ok(pre)) => pre,
            _ => panic!("no module for long runs"),
        };
        assert_eq!(initial_bytes(pre), LONG_RUN_MIN_BYTES);
        // A memory limit of 1 MiB less the stack the run is charged: the first pages
        // of the module for long runs do not fit, Winch's module runs it all.
        let limits = Limits {
            max_memory_mb: LONG_RUN_MIN_BYTES >> 20,
            max_depth: 4,
            ..Limits::default()
        };
        let small = execute(&backend, &prepared, &program, &limits);
        assert_eq!(small.error, None);
        assert_eq!(
            summary(&small),
            summary(&bytelogic_engine::run(&program, &limits))
        );
    }

    #[test]
    fn a_run_holding_memory_stops_early_by_the_time_to_hand_it_back() {
        let now = Instant::now();
        let deadline = now + Duration::from_millis(100);
        let at = |ms: u64| now + Duration::from_millis(ms);
        // Under a MiB: nothing set aside, the run stops at its deadline.
        assert!(!out_of_time(Some(deadline), (1 << 20) - 1, at(99)));
        assert!(out_of_time(Some(deadline), (1 << 20) - 1, at(100)));
        // 200 MiB: 50 ms set aside.
        assert!(!out_of_time(Some(deadline), 200 << 20, at(49)));
        assert!(out_of_time(Some(deadline), 200 << 20, at(50)));
        // 4 GiB, a limit of 100 ms: the run stops at once; without a limit, never.
        assert!(out_of_time(Some(deadline), 4 << 30, now));
        assert!(!out_of_time(None, u64::MAX, now));
    }

    #[test]
    fn a_short_run_stays_on_winch() {
        let backend = WasmBackend::new().expect("wasmtime starts");
        let (program, limits) = (chain(3), Limits::default());
        let prepared = backend.prepare(&program).expect("compiles");
        let result = execute(&backend, &prepared, &program, &limits);
        assert!(prepared.optimized.get().is_none());
        assert!(backend.optimized.get().is_none(), "Cranelift never started");
        assert_eq!(
            summary(&result),
            summary(&bytelogic_engine::run(&program, &limits))
        );
    }
}
