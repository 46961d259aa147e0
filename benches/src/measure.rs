//! Measurement helpers for the report: median wall-clock time and peak memory.

use bytelogic_runtime::{Backend, Executor, Options};
use std::time::{Duration, Instant};

/// Runs `f` once to warm up, then until `runs` samples or `budget` time have been
/// taken (at least one), and returns the median sample.
pub fn median<R>(runs: usize, budget: Duration, mut f: impl FnMut() -> R) -> Duration {
    std::hint::black_box(f());
    let start = Instant::now();
    let mut samples = Vec::with_capacity(runs);
    while samples.is_empty() || (samples.len() < runs && start.elapsed() < budget) {
        let t = Instant::now();
        std::hint::black_box(f());
        samples.push(t.elapsed());
    }
    samples.sort_unstable();
    samples[samples.len() / 2]
}

/// The medians of `a` and of `b` sampled alternately (a, b, a, b, …) after one warm-up
/// run of each, `runs` samples each or until `budget`: on a busy machine both see the
/// same load, so their ratio means more than that of two medians taken one after
/// the other.
pub fn alternating<R, S>(
    runs: usize,
    budget: Duration,
    mut a: impl FnMut() -> R,
    mut b: impl FnMut() -> S,
) -> (Duration, Duration) {
    std::hint::black_box((a(), b()));
    let start = Instant::now();
    let (mut ta, mut tb) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    while ta.is_empty() || (ta.len() < runs && start.elapsed() < budget) {
        let t = Instant::now();
        std::hint::black_box(a());
        ta.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(b());
        tb.push(t.elapsed());
    }
    ta.sort_unstable();
    tb.sort_unstable();
    (ta[ta.len() / 2], tb[tb.len() / 2])
}

/// The median time of running `source` on the WASM backend of a fresh executor
/// (`samples` of them, each created and started outside the timing) after `warm_up`
/// ran on it: nothing compiled before when `warm_up` is empty (a first-ever
/// compilation). Winch keeps no cache; Cranelift's function cache, used after a
/// tier-up (docs/decisions.md 64), holds only what `warm_up` compiled.
pub fn fresh_wasm(source: &str, warm_up: &[&str], samples: usize) -> Duration {
    let wasm = Options {
        backend: Backend::Wasm,
        ..Options::default()
    };
    let mut times: Vec<Duration> = (0..samples.max(1))
        .map(|_| {
            let executor = Executor::new();
            let _ = executor.wasm();
            for s in warm_up {
                let _ = executor.execute(s, &wasm);
            }
            let t = Instant::now();
            let _ = std::hint::black_box(executor.execute(source, &wasm));
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[times.len() / 2]
}

/// This process's peak resident set size in KiB (`VmHWM` of `/proc/self/status`),
/// `None` where that file is missing.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// A duration in the unit that suits it (`12.3 µs`, `4.56 ms`, `1.23 s`).
pub fn show(d: Duration) -> String {
    let ns = d.as_nanos() as f64;
    if ns < 1e3 {
        format!("{ns:.0} ns")
    } else if ns < 1e6 {
        format!("{:.1} µs", ns / 1e3)
    } else if ns < 1e9 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.2} s", ns / 1e9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_units() {
        let d = median(5, Duration::from_secs(1), || 1 + 1);
        assert!(d < Duration::from_secs(1));
        let (a, b) = alternating(5, Duration::from_secs(1), || 1 + 1, || 2 + 2);
        assert!(a < Duration::from_secs(1) && b < Duration::from_secs(1));
        assert_eq!(show(Duration::from_micros(12)), "12.0 µs");
        assert_eq!(show(Duration::from_millis(1500)), "1.50 s");
        assert!(peak_rss_kib().is_some_and(|k| k > 0));
    }
}
