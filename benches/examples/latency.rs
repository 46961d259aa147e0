//! The small-program latency of the compiled path, without the rest of the report:
//! corpus programs cached, the family program cold, the 200-rule program cold, and
//! where the cold time goes (front end, code generation, the rest: compilation by
//! Winch, linking, the run); then both cold on a fresh backend, first with nothing
//! compiled before, then after the other corpus programs (which matters only to
//! Cranelift's function cache, used after a tier-up: docs/decisions.md 64).
//! `cargo run -p bytelogic-benches --release --example latency [-- MODE N]`, where
//! MODE `cached`, `cold` or `rules` repeats that case N times for a profiler.

use bytelogic_benches::corpus::programs;
use bytelogic_benches::measure::{fresh_wasm, median, show};
use bytelogic_benches::workload::{compile_ok, many_rules};
use bytelogic_engine::Limits;
use bytelogic_runtime::{Backend, Executor, Options};
use std::time::Duration;

const RUNS: usize = 201;
const BUDGET: Duration = Duration::from_secs(4);

fn main() {
    bytelogic_benches::heap::pin();
    let executor = Executor::new();
    let wasm = Options {
        backend: Backend::Wasm,
        ..Options::default()
    };
    let mut n = 0u64;
    // A comment that changes only the cache key makes every run miss the cache.
    let mut cold = |source: &str| {
        n += 1;
        let source = format!("{source}\n; run {n}");
        executor.execute(&source, &wasm).map(|o| o.outputs.len())
    };
    let programs = programs();
    let family = programs
        .first()
        .expect("the corpus (see README)")
        .source
        .as_str();
    let rules = many_rules(200);
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [mode, times] = args.as_slice() {
        let times: u64 = times.parse().expect("a repeat count");
        for _ in 0..times {
            let _ = match mode.as_str() {
                "cached" => executor.execute(family, &wasm).map(|o| o.outputs.len()),
                "cold" => cold(family),
                "rules" => cold(&rules),
                _ => panic!("MODE is cached, cold or rules"),
            };
        }
        return;
    }
    for p in &programs {
        let o = executor.execute(&p.source, &wasm).expect("runs on WASM");
        assert!(
            o.runtime_error.is_none() && !o.outputs.is_empty(),
            "{}",
            p.name
        );
        let d = median(RUNS * 10, BUDGET, || {
            executor.execute(&p.source, &wasm).map(|o| o.outputs.len())
        });
        println!("{} cached: {}", p.name, show(d));
    }
    let backend = executor.wasm().expect("wasmtime starts");
    let limits = Limits::default();
    for (name, source) in [("family", family), ("200 rules", rules.as_str())] {
        let total = median(RUNS, BUDGET, || cold(source));
        let front = median(RUNS, BUDGET, || compile_ok(source, &limits));
        let program = compile_ok(source, &limits);
        let codegen = median(RUNS, BUDGET, || bytelogic_codegen::compile(&program));
        let wasm = bytelogic_codegen::compile(&program).expect("compiles");
        let compile_and_run = median(RUNS, BUDGET, || backend.run(&program, &limits));
        println!(
            "{name} cold: {} (front end {}, codegen {} for {} bytes, compile + link + run {})",
            show(total),
            show(front),
            show(codegen),
            wasm.wasm.len(),
            show(compile_and_run.saturating_sub(codegen)),
        );
    }
    // A fresh backend, new (nothing compiled), or after the other corpus programs.
    let others: Vec<&str> = programs.iter().skip(1).map(|p| p.source.as_str()).collect();
    for (name, source, samples) in [("family", family, 21), ("200 rules", rules.as_str(), 7)] {
        println!(
            "{name} first ever: {}; new program, helpers compiled before: {}",
            show(fresh_wasm(source, &[], samples)),
            show(fresh_wasm(source, &others, samples))
        );
    }
}
