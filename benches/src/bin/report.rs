//! `cargo run -p bytelogic-benches --bin report --release`: a short run of every
//! benchmark, printed as one Markdown table (our interpreter, our WASM backend, each
//! peer, and the ratios ours/peer), then the peak memory of TC chain-2000 for us and
//! for Ascent, each measured in a child process (this binary re-executed with
//! `--peak-rss ENGINE`, which prints its `VmHWM` in KiB). The workloads of spec §9
//! (aggregation, negation) run against Ascent only, sampled alternately with it, and
//! have a second row: the compiled run from the module cache (the WASM column there),
//! sampled alternately with the interpreter. Then
//! the latency rows of issue 12, the `bytelogic` binary timed as a whole process
//! (`--latency` prints only those).

use bytelogic_benches::corpus::{distinct_programs, programs};
use bytelogic_benches::heap;
use bytelogic_benches::measure::{alternating, fresh_wasm, median, peak_rss_kib, show};
use bytelogic_benches::peers::Peer;
use bytelogic_benches::process::{self, Times};
use bytelogic_benches::workload::{
    Workload, compile_ok, ground_workloads, many_rules, scale_workloads, stratified_workloads,
};
use bytelogic_engine::{Limits, compile, run};
use bytelogic_runtime::{Backend, Executor, Options};
use std::time::Duration;

/// Samples per cell for small workloads, and the time one cell may take.
const RUNS: usize = 21;
const CELL_BUDGET: Duration = Duration::from_secs(4);
/// The workload whose peak memory is compared.
const RSS_WORKLOAD: &str = "tc chain-2000";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, engine] = args.as_slice()
        && flag == "--peak-rss"
    {
        peak_rss_child(engine);
        return;
    }
    heap::pin();
    if args.get(1).map(String::as_str) == Some("--latency") {
        latency();
        return;
    }
    let commit = heap::command("git")
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    println!("commit {commit}; medians, single thread\n");
    let mut header = vec!["workload", "ours (interp)", "ours (WASM)"];
    header.extend(Peer::ALL.map(Peer::name));
    header.extend(Peer::ALL.map(|p| match p {
        Peer::Ascent => "ours/ascent",
        Peer::Datafrog => "ours/datafrog",
        Peer::Crepe => "ours/crepe",
    }));
    header.push("WASM/datafrog");
    println!("| {} |", header.join(" | "));
    println!("|{}", "---|".repeat(header.len()));
    let executor = Executor::new();
    let wasm = Options {
        backend: Backend::Wasm,
        ..Options::default()
    };
    let programs = programs();
    for p in &programs {
        let d = median(RUNS * 50, CELL_BUDGET, || {
            let program = compile(&p.source, &Limits::default()).program;
            program.map(|program| run(&program, &Limits::default()).outputs.len())
        });
        // Cached: the module compiled by the first run is reused.
        let cached = median(RUNS * 50, CELL_BUDGET, || {
            executor.execute(&p.source, &wasm).map(|o| o.outputs.len())
        });
        row(
            &format!("corpus {} (source → outputs; WASM cached)", p.name),
            d,
            Some(cached),
            &[],
        );
    }
    // Cold: a comment that changes nothing but the cache key forces the front end, code
    // generation and compilation (Winch, which keeps no cache: docs/decisions.md 64) on
    // every run. The new-executor rows below show a first compilation in a fresh
    // backend, and one after the other corpus programs ran in it.
    let mut n = 0u64;
    if let Some(family) = programs.first() {
        let cold = median(RUNS, CELL_BUDGET, || {
            n += 1;
            executor
                .execute(&format!("{}\n; run {n}", family.source), &wasm)
                .map(|o| o.outputs.len())
        });
        println!(
            "| corpus {} (source → outputs; WASM cold: a source the module cache has not seen) | | {} |",
            family.name,
            show(cold)
        );
        let others: Vec<&str> = programs.iter().skip(1).map(|p| p.source.as_str()).collect();
        println!(
            "| corpus {} (WASM cold, new executor: its first program) | | {} |",
            family.name,
            show(fresh_wasm(&family.source, &[], RUNS))
        );
        println!(
            "| corpus {} (WASM cold, new executor after the other corpus programs) | | {} |",
            family.name,
            show(fresh_wasm(&family.source, &others, RUNS))
        );
    }
    let source = many_rules(200);
    let d = median(RUNS, CELL_BUDGET, || {
        compile_ok(&source, &Limits::default())
    });
    let rules_wasm = median(RUNS, CELL_BUDGET, || {
        n += 1;
        let source = format!("{source}\n; run {n}");
        executor.execute(&source, &wasm).map(|o| o.outputs.len())
    });
    row(
        "200 rules (source → lowered; WASM: source → outputs, cold)",
        d,
        Some(rules_wasm),
        &[],
    );
    let all: Vec<&str> = programs.iter().map(|p| p.source.as_str()).collect();
    println!(
        "| 200 rules (WASM cold, new executor after the corpus programs) | | {} |",
        show(fresh_wasm(&source, &all, 7))
    );
    for w in scale_workloads() {
        let program = w.compile();
        let ours = w.run_ours(&program);
        let d = median(5, CELL_BUDGET, || w.run_ours(&program));
        let backend = executor.wasm().expect("wasmtime starts");
        assert_eq!(w.run_wasm(backend, &program), ours, "{} on WASM", w.name);
        let on_wasm = median(5, CELL_BUDGET, || w.run_wasm(backend, &program));
        let peers: Vec<Duration> = Peer::ALL
            .iter()
            .map(|&peer| {
                assert_eq!(w.run_peer(peer), ours, "{} in {}", w.name, peer.name());
                median(5, CELL_BUDGET, || w.run_peer(peer))
            })
            .collect();
        row(
            &format!("{} ({ours} tuples)", w.name),
            d,
            Some(on_wasm),
            &peers,
        );
    }
    // Spec §9: Ascent is the peer with `agg` and `!`, and each of its samples
    // alternates with one of the interpreter's.
    for w in stratified_workloads() {
        let program = w.compile();
        let ours = w.run_ours(&program);
        assert_eq!(w.run_peer(Peer::Ascent), ours, "{} in ascent", w.name);
        let backend = executor.wasm().expect("wasmtime starts");
        assert_eq!(w.run_wasm(backend, &program), ours, "{} on WASM", w.name);
        let on_wasm = median(5, CELL_BUDGET, || w.run_wasm(backend, &program));
        let (d, ascent) = alternating(
            7,
            CELL_BUDGET,
            || w.run_ours(&program),
            || w.run_peer(Peer::Ascent),
        );
        row(
            &format!("{} ({ours} tuples)", w.name),
            d,
            Some(on_wasm),
            &[ascent],
        );
        // The compiled run from the module cache (compiled by the first run, upgraded
        // by the warm thread as a program run again is), each sample alternating with
        // one of the interpreter's.
        let source = w.source();
        assert_eq!(
            w.settle_cached(&executor, &source),
            ours,
            "{} cached",
            w.name
        );
        let (d, cached) = alternating(
            7,
            CELL_BUDGET,
            || w.run_ours(&program),
            || w.run_cached(&executor, &source),
        );
        row(
            &format!("{} (WASM cached: the module compiled before)", w.name),
            d,
            Some(cached),
            &[],
        );
        // The whole call a library user makes, on each backend: the interpreter's
        // includes the front end (parsing the facts), which the cached module skips.
        let (whole, cached) = alternating(
            7,
            CELL_BUDGET,
            || w.run_source(&executor, &source, Backend::Interpreter),
            || w.run_cached(&executor, &source),
        );
        row(
            &format!(
                "{} (whole call, source → outcome: interpreter vs WASM cached)",
                w.name
            ),
            whole,
            Some(cached),
            &[],
        );
    }
    let ours = child_rss("ours");
    let ascent = child_rss("ascent");
    println!(
        "\npeak memory (max RSS), {RSS_WORKLOAD}: ours {} MiB, ascent {} MiB, ours/ascent {:.2}",
        ours / 1024,
        ascent / 1024,
        ours as f64 / ascent as f64
    );
    latency();
}

/// Distinct corpus programs sent through `serve` (issue 12 asks for 1,000).
const DISTINCT: usize = 1000;
/// Alternating rounds of each latency comparison. Every sample is one short process
/// (tens of milliseconds at most, `serve`'s streams of 1,000 requests included): a busy
/// moment of the host moves one such sample by as much as the row measures, so each
/// row takes many (docs/decisions.md 153).
const ROUNDS: usize = 21;

/// The latency rows of issue 12: each a ratio of two configurations alternated in this
/// session ([`ROUNDS`] of each), the `bytelogic` binary timed from spawn to exit.
fn latency() {
    let binary = process::binary();
    println!(
        "\nlatency ({}; median (minimum) of {ROUNDS} alternating rounds):\n",
        binary.display(),
    );
    println!("| workload (whole process) | default | against | ratio | target |");
    println!("|---|---|---|---|---|");
    let distinct = distinct_programs(DISTINCT);
    if let Some(family) = programs().first() {
        let n = distinct.len();
        let (a, b) = serve_default_and_interpreted(&binary, &distinct);
        latency_row(
            &format!("serve, {n} distinct corpus programs, per program"),
            a,
            b,
            "interpreter",
            "≤ 1.3",
        );
        let (a, b) = serve_default_and_interpreted(&binary, &vec![family.source.clone(); n]);
        latency_row(
            &format!("serve, corpus {} {n} times, per request", family.name),
            a,
            b,
            "interpreter",
            "≤ 1.0",
        );
        let file = process::temp_file("family.bl", &family.source);
        let (a, b) = process::alternate(
            ROUNDS,
            || process::run(&binary, &["run"], &file),
            || process::run(&binary, &["run", "--backend", "interp"], &file),
        );
        latency_row(
            &format!("`bytelogic run` corpus {}", family.name),
            a,
            b,
            "`--backend interp`",
            "≤ 1.3",
        );
        let _ = std::fs::remove_file(file);
    }
    for w in ground_workloads() {
        let file = process::temp_file("ground.bl", &w.source());
        let (a, b) = process::alternate(
            ROUNDS,
            || process::run(&binary, &["run"], &file),
            || {
                let t = std::time::Instant::now();
                std::hint::black_box(w.run_peer(Peer::Ascent));
                t.elapsed()
            },
        );
        latency_row(
            &format!("`bytelogic run` {}", w.name),
            a,
            b,
            "Ascent in-process",
            "≤ 1.0",
        );
        let _ = std::fs::remove_file(file);
    }
    if !distinct.is_empty() {
        let requests = process::requests(&distinct, None);
        let (two, one) = process::alternate(
            ROUNDS,
            || process::serve(&binary, &["--jobs", "2"], &requests),
            || process::serve(&binary, &["--jobs", "1"], &requests),
        );
        let rate = |d: Duration| distinct.len() as f64 / d.as_secs_f64();
        println!(
            "| serve throughput, {} distinct corpus programs, `--jobs 2` against `--jobs 1` | {:.0} ({:.0}) programs/s | {:.0} ({:.0}) programs/s | {:.2} ({:.2}) | ≥ 1.6 |",
            distinct.len(),
            rate(two.median),
            rate(two.min),
            rate(one.median),
            rate(one.min),
            one.median.as_secs_f64() / two.median.as_secs_f64(),
            one.min.as_secs_f64() / two.min.as_secs_f64()
        );
    }
}

/// The time per program of `serve` answering `programs` with the default backend and
/// with `"backend": "interpreter"`, alternating.
fn serve_default_and_interpreted(binary: &std::path::Path, programs: &[String]) -> (Times, Times) {
    let per = |d: Duration| d / programs.len().max(1) as u32;
    let (default, interp) = (
        process::requests(programs, None),
        process::requests(programs, Some("interpreter")),
    );
    process::alternate(
        ROUNDS,
        || per(process::serve(binary, &[], &default)),
        || per(process::serve(binary, &[], &interp)),
    )
}

/// One latency row: the default's times `a`, the times `b` of what it is compared with
/// (`against`), and the ratios of their medians and of their minimums.
fn latency_row(name: &str, a: Times, b: Times, against: &str, target: &str) {
    let ratio = |x: Duration, y: Duration| x.as_secs_f64() / y.as_secs_f64();
    println!(
        "| {name} | {} ({}) | {} ({}) {against} | {:.2} ({:.2}) | {target} |",
        show(a.median),
        show(a.min),
        show(b.median),
        show(b.min),
        ratio(a.median, b.median),
        ratio(a.min, b.min)
    );
}

/// Prints one table row: our times, the peers' times, the ratios (interpreter / peer)
/// and our WASM backend's ratio to datafrog (the peer its target names).
fn row(name: &str, ours: Duration, wasm: Option<Duration>, peers: &[Duration]) {
    let mut cells = vec![
        name.to_string(),
        show(ours),
        wasm.map_or("n/a".into(), show),
    ];
    for i in 0..Peer::ALL.len() {
        cells.push(peers.get(i).map_or("n/a".into(), |&d| show(d)));
    }
    for i in 0..Peer::ALL.len() {
        cells.push(peers.get(i).map_or("n/a".into(), |p| {
            format!("{:.2}", ours.as_secs_f64() / p.as_secs_f64())
        }));
    }
    let datafrog = Peer::ALL.iter().position(|&p| p == Peer::Datafrog);
    cells.push(match (wasm, datafrog.and_then(|i| peers.get(i))) {
        (Some(w), Some(d)) => format!("{:.2}", w.as_secs_f64() / d.as_secs_f64()),
        _ => "n/a".into(),
    });
    println!("| {} |", cells.join(" | "));
}

fn rss_workload() -> Workload {
    scale_workloads()
        .into_iter()
        .find(|w| w.name == RSS_WORKLOAD)
        .expect("the RSS workload is a scale workload")
}

/// Runs the RSS workload in a child process in `engine`; its peak RSS in KiB.
fn child_rss(engine: &str) -> u64 {
    let exe = std::env::current_exe().expect("the report's own path");
    let out = heap::command(exe)
        .args(["--peak-rss", engine])
        .output()
        .expect("the report re-executes itself");
    assert!(out.status.success(), "child for {engine} failed");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("the child prints its peak RSS in KiB")
}

/// The child side of [`child_rss`]: runs the workload once and prints `VmHWM`.
fn peak_rss_child(engine: &str) {
    let w = rss_workload();
    let tuples = match engine {
        "ours" => w.run_ours(&w.compile()),
        _ => w.run_peer(Peer::Ascent),
    };
    assert!(tuples > 0);
    println!("{}", peak_rss_kib().unwrap_or(0));
}
