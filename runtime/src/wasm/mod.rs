//! The compiled path: runs a program as a WebAssembly module under wasmtime.
//!
//! One [`WasmBackend`] holds one configured `wasmtime::Engine` (Cranelift with an
//! in-memory cache of compiled functions, epoch interruption for the time limit, no
//! fuel, the pooling allocator), a `Linker` that offers only the math imports of
//! `codegen/ABI.md`, and a module cache keyed by the source, the injected facts and
//! the limit that affects compilation (`max_source_kb`);
//! the other limits are arguments of the module's `run`, so a cached module serves
//! every limit setting. Results are decoded into the engine's [`RunResult`] so the
//! CLI and JSON rendering are shared with the interpreter.

mod cache;
mod decode;
mod functions;
mod message;

use crate::executor::{Options, front_end};
use crate::outcome::{Outcome, WASM};
use bytelogic_codegen::CodegenError;
use bytelogic_engine::ir::Program;
use bytelogic_engine::{Limits, RunResult};
use cache::{Cache, CacheEntry, Prepared};
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};
use wasmtime::{
    Config, Engine, InstanceAllocationStrategy, Linker, Module, PoolingAllocationConfig, Store,
    StoreLimits, StoreLimitsBuilder, UpdateDeadline,
};

/// Milliseconds between two epoch ticks (the resolution of the time limit).
const TICK_MS: u64 = 5;
/// The most WebAssembly stack a run may use; past it a run fails with E403.
const WASM_STACK: usize = 32 << 20;
/// Stack of the fiber a run executes on: [`WASM_STACK`] plus room for the host's
/// frames (the math imports, the epoch callback, wasmtime's trap handling).
const RUN_STACK: usize = 48 << 20;
/// Bytes of a linear memory the pooling allocator zeroes with `memset` when a run
/// ends, instead of returning them to the kernel (which costs page faults on the
/// next run); a corpus-sized program uses a few pages.
const KEEP_RESIDENT: usize = 256 << 10;
/// Instances the pooling allocator keeps slots for (concurrent runs).
const POOL_SLOTS: u32 = 64;

/// Why the compiled path could not run a program.
#[derive(Clone, Debug)]
pub enum WasmError {
    /// The code generator refused the program.
    Codegen(CodegenError),
    /// wasmtime failed (configuration, compilation, an unexpected trap).
    Engine(String),
}

impl std::fmt::Display for WasmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WasmError::Codegen(e) => e.fmt(f),
            WasmError::Engine(e) => write!(f, "wasmtime: {e}"),
        }
    }
}

impl std::error::Error for WasmError {}

fn engine_error(e: impl std::fmt::Display) -> WasmError {
    WasmError::Engine(e.to_string())
}

/// Per-store state: the memory limit.
pub(crate) struct HostState {
    limits: StoreLimits,
}

/// The WebAssembly backend (see the module docs).
pub struct WasmBackend {
    engine: Engine,
    linker: Linker<HostState>,
    cache: Cache,
}

impl WasmBackend {
    /// A backend with its engine, linker and an epoch ticker thread.
    pub fn new() -> Result<WasmBackend, WasmError> {
        let mut pool = PoolingAllocationConfig::default();
        pool.total_core_instances(POOL_SLOTS)
            .total_memories(POOL_SLOTS)
            .total_tables(POOL_SLOTS)
            .total_stacks(POOL_SLOTS)
            .max_memory_size(1 << 32)
            .linear_memory_keep_resident(KEEP_RESIDENT);
        let mut config = Config::new();
        config
            .strategy(wasmtime::Strategy::Cranelift)
            .epoch_interruption(true)
            .consume_fuel(false)
            .cranelift_opt_level(wasmtime::OptLevel::None)
            .async_stack_size(RUN_STACK)
            .max_wasm_stack(WASM_STACK)
            .allocation_strategy(InstanceAllocationStrategy::Pooling(pool))
            .enable_incremental_compilation(Arc::new(functions::Functions::default()))
            .map_err(engine_error)?;
        let engine = Engine::new(&config).map_err(engine_error)?;
        let mut linker = Linker::new(&engine);
        define_math(&mut linker)?;
        let weak = engine.weak();
        std::thread::Builder::new()
            .name("bytelogic-epoch".into())
            .spawn(move || {
                while let Some(engine) = weak.upgrade() {
                    engine.increment_epoch();
                    drop(engine);
                    std::thread::sleep(Duration::from_millis(TICK_MS));
                }
            })
            .map_err(engine_error)?;
        Ok(WasmBackend {
            engine,
            linker,
            cache: Cache::default(),
        })
    }

    /// Runs `source` with the limits, injected facts and WAT request of `options` (its
    /// backend choice is the caller's business). A source seen before with the same
    /// facts skips the front end, code generation and compilation.
    pub fn outcome(&self, source: &str, options: &Options) -> Result<Outcome, WasmError> {
        let start = Instant::now();
        let entry = self.cache.get_or_insert(source, options, || {
            let compiled = front_end(source, options);
            let prepared = compiled.program.as_ref().map(|p| self.prepare(p));
            CacheEntry { compiled, prepared }
        });
        let result = match (&entry.compiled.program, &entry.prepared) {
            (Some(program), Some(Ok(prepared))) => {
                Some(self.execute(prepared, program, &options.limits)?)
            }
            (_, Some(Err(e))) => return Err(e.clone()),
            _ => None,
        };
        let diagnostics = entry.compiled.diagnostics.clone();
        let mut outcome = Outcome::new(source, diagnostics, result, WASM, start.elapsed());
        if options.want_wat
            && let Some(Ok(prepared)) = &entry.prepared
        {
            outcome.wat = Some(bytelogic_codegen::wat(&prepared.wasm).map_err(WasmError::Codegen)?);
        }
        Ok(outcome)
    }

    /// How many compiled programs the cache holds (one per distinct source, facts and
    /// `max_source_kb` seen, up to its capacity).
    pub fn cached(&self) -> usize {
        self.cache.len()
    }

    /// Compiles and runs a lowered program (no caching).
    pub fn run(&self, program: &Program, limits: &Limits) -> Result<RunResult, WasmError> {
        let prepared = self.prepare(program)?;
        self.execute(&prepared, program, limits)
    }

    fn prepare(&self, program: &Program) -> Result<Prepared, WasmError> {
        let compiled = bytelogic_codegen::compile(program).map_err(WasmError::Codegen)?;
        let module = Module::new(&self.engine, &compiled.wasm).map_err(engine_error)?;
        let pre = self.linker.instantiate_pre(&module).map_err(engine_error)?;
        Ok(Prepared {
            pre,
            sites: compiled.sites,
            wasm: compiled.wasm,
        })
    }

    /// Instantiates, runs and decodes; a panic of the run becomes [`WasmError::Engine`].
    fn execute(
        &self,
        prepared: &Prepared,
        program: &Program,
        limits: &Limits,
    ) -> Result<RunResult, WasmError> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.execute_here(prepared, program, limits)
        }))
        .map_err(|_| WasmError::Engine("the run panicked".into()))?
    }

    /// [`WasmBackend::execute`] without the panic guard. `run` executes on a fiber
    /// stack of [`RUN_STACK`] from the pooling allocator, reused from run to run (no
    /// thread or stack is created), so the caller's own stack size does not matter.
    fn execute_here(
        &self,
        prepared: &Prepared,
        program: &Program,
        limits: &Limits,
    ) -> Result<RunResult, WasmError> {
        let memory_bytes = limits.max_memory_mb.saturating_mul(1 << 20);
        let state = HostState {
            limits: StoreLimitsBuilder::new()
                .memory_size(usize::try_from(memory_bytes).unwrap_or(usize::MAX))
                .instances(1)
                .build(),
        };
        let mut store = Store::new(&self.engine, state);
        store.limiter(|s| &mut s.limits);
        watch_the_clock(&mut store, limits.timeout_ms);
        let instance = prepared.pre.instantiate(&mut store).map_err(engine_error)?;
        let run = instance
            .get_typed_func::<(i64, i64, i32, i32), i32>(
                &mut store,
                bytelogic_codegen::abi::EXPORT_RUN,
            )
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
            Err(e) => Some(
                e.downcast_ref::<wasmtime::Trap>()
                    .copied()
                    .ok_or_else(|| engine_error(&e))?,
            ),
        };
        decode::result(
            &mut store,
            &instance,
            program,
            &prepared.sites,
            limits,
            trap,
        )
    }
}

/// Arms the time limit of one run: the clock starts now, and at every epoch tick
/// (every [`TICK_MS`]) the store compares it with the deadline, so the run stops at the
/// first check past `timeout_ms`, late by at most one tick. A limit of 0 stops the run
/// at its first check (the entry of `run`), whatever the tick phase.
fn watch_the_clock(store: &mut Store<HostState>, timeout_ms: u64) {
    let deadline = Instant::now().checked_add(Duration::from_millis(timeout_ms));
    store.epoch_deadline_callback(move |_| match deadline {
        Some(deadline) if Instant::now() >= deadline => Ok(UpdateDeadline::Interrupt),
        _ => Ok(UpdateDeadline::Continue(1)),
    });
    store.set_epoch_deadline(u64::from(timeout_ms > 0));
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

/// A one-argument math import.
type MathFn = fn(f64) -> f64;

fn define_math(linker: &mut Linker<HostState>) -> Result<(), WasmError> {
    let unary: [(&str, MathFn); 9] = [
        ("sin", f64::sin),
        ("cos", f64::cos),
        ("tan", f64::tan),
        ("asin", f64::asin),
        ("acos", f64::acos),
        ("atan", f64::atan),
        ("log", f64::ln),
        ("log10", f64::log10),
        ("exp", f64::exp),
    ];
    for (name, f) in unary {
        linker
            .func_wrap("env", name, move |x: f64| f(x))
            .map_err(engine_error)?;
    }
    linker
        .func_wrap("env", "pow", f64::powf)
        .map_err(engine_error)?;
    linker
        .func_wrap("env", "fmod", |x: f64, y: f64| x % y)
        .map_err(engine_error)?;
    Ok(())
}
