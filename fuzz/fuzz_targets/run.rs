//! Full execution under small limits, on every backend (`auto` interprets a new
//! program first, so `wasm` is run too): compiling and running any
//! UTF-8 input ends without panic or stack overflow, within the time limit plus
//! 100 ms, and the process's peak resident memory stays within the memory limit
//! × 1.1 plus its baseline (its peak after running a trivial program on both
//! backends): the bounds of the hostile-input suite (docs/decisions.md 110). Peak
//! memory only grows, so holding it for the whole fuzzing run holds it for every
//! input.
#![no_main]

use bytelogic_engine::Limits;
use bytelogic_runtime::{Backend, Executor, Options};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

const LIMITS: Limits = Limits {
    max_steps: 100_000,
    max_tuples: 10_000,
    max_depth: 100,
    timeout_ms: 100,
    max_memory_mb: 64,
    max_source_kb: 1024,
};

/// The process's peak resident memory, in KiB (`VmHWM`).
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// The executor, warmed up, and the peak memory after that.
static SETUP: LazyLock<(Executor, u64)> = LazyLock::new(|| {
    let executor = Executor::new();
    for backend in [Backend::Interpreter, Backend::Wasm] {
        let options = Options { backend, limits: LIMITS, ..Options::default() };
        let _ = executor.execute("RESULT 1", &options);
    }
    (executor, peak_kib())
});

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let (executor, baseline) = &*SETUP;
    for backend in [Backend::Interpreter, Backend::Wasm, Backend::Auto] {
        let options = Options { backend, limits: LIMITS, ..Options::default() };
        let start = Instant::now();
        if let Ok(outcome) = executor.execute(source, &options) {
            // Rendering is part of the run.
            let _ = outcome.to_json().to_string();
        }
        assert!(start.elapsed() < Duration::from_millis(LIMITS.timeout_ms + 100));
        let bound = LIMITS.max_memory_mb * 1024 * 11 / 10 + baseline;
        assert!(peak_kib() <= bound, "peak {} KiB > {bound} KiB", peak_kib());
    }
});
