//! Runs one scale workload (or one of spec §9's), for profilers:
//! `cargo run -p bytelogic-benches --release --example profile -- ["tc chain-1000" [wasm [N] | ascent | interp N]]`.
//! By default through the interpreter once (`interp N`: N times, the lowered program
//! reused); `ascent` runs it in Ascent instead; `alternate N` times the interpreter and
//! Ascent alternately, N runs each, and prints the medians and their ratio; `compiled N`
//! does the same for the interpreter and the report's WASM column (`WasmBackend::run`:
//! code generation, Winch's compilation and the run of the lowered program, no
//! cache); `cached N` alternates the interpreter with the compiled path's run from the
//! module cache (`Executor::execute` of a source compiled before: the cache look-up,
//! instantiation, the run on the code every later run gets (Cranelift's, once the warm
//! thread upgraded the module: `Workload::settle_cached`) and decoding); `whole N` alternates the
//! whole calls a library user makes, `Executor::execute` of the source on the
//! interpreter (front end included) and from the module cache; with `wasm`, the module is compiled and run
//! once (Winch, then the tier-up to Cranelift: docs/decisions.md 64) and then run
//! `N` more times (default 1) from the module cache on Cranelift's code alone, each
//! in [`cached_run`] (a profiler can collect only there, e.g. callgrind's
//! `--toggle-collect=*cached_run*`).

use bytelogic_benches::measure::alternating;
use bytelogic_benches::peers::Peer;
use bytelogic_benches::workload::{
    Workload, ground_workloads, scale_limits, scale_workloads, stratified_workloads, wasm_options,
};
use bytelogic_runtime::{Backend, Executor, Options};
use std::time::{Duration, Instant};

fn main() {
    bytelogic_benches::heap::pin();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let name = args.first().map_or("tc chain-1000", String::as_str);
    let w = scale_workloads()
        .into_iter()
        .chain(stratified_workloads())
        .chain(ground_workloads())
        .find(|w| w.name == name)
        .expect("a scale workload name");
    let runs: usize = args.get(2).map_or(1, |n| n.parse().expect("a run count"));
    match args.get(1).map(String::as_str) {
        Some("wasm") => wasm(&w, runs),
        Some("alternate") => {
            let program = w.compile();
            let (ours, ascent) = alternating(
                runs,
                Duration::from_secs(600),
                || w.run_ours(&program),
                || w.run_peer(Peer::Ascent),
            );
            let ratio = ours.as_secs_f64() / ascent.as_secs_f64();
            eprintln!("{name}: ours {ours:?}, Ascent {ascent:?}, ours/Ascent {ratio:.3}");
        }
        Some("compiled") => {
            let program = w.compile();
            let executor = Executor::new();
            let backend = executor.wasm().expect("wasmtime starts");
            let (interp, wasm) = alternating(
                runs,
                Duration::from_secs(600),
                || w.run_ours(&program),
                || w.run_wasm(backend, &program),
            );
            let ratio = wasm.as_secs_f64() / interp.as_secs_f64();
            eprintln!("{name}: interp {interp:?}, WASM {wasm:?}, WASM/interp {ratio:.3}");
        }
        Some("cached") => {
            let program = w.compile();
            let (executor, source) = (Executor::new(), w.source());
            w.settle_cached(&executor, &source);
            let (interp, wasm) = alternating(
                runs,
                Duration::from_secs(600),
                || w.run_ours(&program),
                || w.run_cached(&executor, &source),
            );
            let ratio = wasm.as_secs_f64() / interp.as_secs_f64();
            eprintln!("{name}: interp {interp:?}, WASM cached {wasm:?}, cached/interp {ratio:.3}");
        }
        Some("whole") => {
            let (executor, source) = (Executor::new(), w.source());
            w.settle_cached(&executor, &source);
            let (interp, wasm) = alternating(
                runs,
                Duration::from_secs(600),
                || w.run_source(&executor, &source, Backend::Interpreter),
                || w.run_cached(&executor, &source),
            );
            let ratio = wasm.as_secs_f64() / interp.as_secs_f64();
            eprintln!(
                "{name}, whole calls: interp {interp:?}, WASM cached {wasm:?}, cached/interp {ratio:.3}"
            );
        }
        Some("ascent") => {
            for _ in 0..runs {
                let t = Instant::now();
                let n = w.run_peer(Peer::Ascent);
                eprintln!("{name} in Ascent: {n} tuples in {:?}", t.elapsed());
            }
        }
        _ => {
            let program = w.compile();
            for _ in 0..runs {
                let t = Instant::now();
                let r = bytelogic_engine::run(&program, &scale_limits());
                eprintln!("{name}: {:?} in {:?}", r.stats, t.elapsed());
            }
        }
    }
}

/// The WASM backend: a first run (compile and tier up), then `runs` cached runs.
fn wasm(w: &Workload, runs: usize) {
    let (executor, options) = (Executor::new(), wasm_options());
    let source = w.source();
    let t = Instant::now();
    let first = executor.execute(&source, &options).expect("runs on WASM");
    eprintln!(
        "{}: {} outputs, first run {:?}",
        w.name,
        first.outputs.len(),
        t.elapsed()
    );
    for _ in 0..runs {
        let t = Instant::now();
        cached_run(&executor, &source, &options);
        eprintln!("{}: cached run {:?}", w.name, t.elapsed());
    }
}

/// One run of `source` on the compiled path; the number of outputs.
#[inline(never)]
fn cached_run(executor: &Executor, source: &str, options: &Options) -> usize {
    let outcome = executor.execute(source, options).expect("runs on WASM");
    assert!(outcome.runtime_error.is_none(), "no runtime error");
    outcome.outputs.len()
}
