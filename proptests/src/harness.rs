//! What every property shares: the proptest configuration (fixed seed, case counts
//! that `PROPTEST_CASES` raises), the backends a program runs on, and the checks
//! that hold for any input (spec §7, §8).

use bytelogic_engine::{Limits, LineIndex};
use bytelogic_runtime::Outcome;
use proptest::test_runner::{Config, RngSeed};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

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

/// Runs a program's source under limits and reports the outcome.
pub type Backend = fn(&str, &Limits) -> Outcome;

/// Every backend, by name. Property 1 (backends agree) needs a second one: it is
/// added when the WASM backend lands in `bytelogic-runtime`.
pub const BACKENDS: [(&str, Backend); 1] = [("interpreter", Outcome::run)];

/// Runs `source` on `backend`, turning a panic into an error message.
pub fn run_guarded(backend: Backend, source: &str, limits: &Limits) -> Result<Outcome, String> {
    catch_unwind(AssertUnwindSafe(|| backend(source, limits))).map_err(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!("panicked: {msg}")
    })
}

/// Slack allowed past the time limit (issue 4: at most 100 ms).
const TIME_SLACK: Duration = Duration::from_millis(100);

/// Checks what must hold for any input: the run ends within its time limit (plus
/// [`TIME_SLACK`]), and every diagnostic has a 1-based line and column inside `source`.
pub fn check_sound(source: &str, limits: &Limits, outcome: &Outcome) -> Result<(), String> {
    let allowed = Duration::from_millis(limits.timeout_ms) + TIME_SLACK;
    if outcome.elapsed > allowed {
        return Err(format!("took {:?}, limit {allowed:?}", outcome.elapsed));
    }
    let lines: Vec<&str> = source.split('\n').collect();
    let index = LineIndex::new(source);
    for located in outcome.all_diagnostics() {
        let d = &located.diagnostic;
        let p = index.position(d.span);
        let bad = |why: &str| {
            Err(format!(
                "{} at {}:{} {why}: {}",
                d.code, p.line, p.column, d.message
            ))
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
