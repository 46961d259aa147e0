//! A large dedup table grows with the run's clock read as it refiles, so a run whose
//! time ends during the growth stops there (docs/decisions.md 113).

use crate::account::Account;
use crate::diagnostic::Code;
use crate::limits::Limits;
use std::cell::Cell;
use std::fmt::Write;

/// 240 × 240 pairs into `p`, as `head`: `($0 * 100000) $1` spreads them too far for
/// a bitmap, so `p`'s dedup table grows from 65,536 slots to 131,072 mid-plan (the
/// first growth whose refile reads the clock: between its two chunks); `($0 + 0) $1` fills a bitmap, which does not
/// (an expression, so the EMIT is not a copy: both count and charge alike).
fn pairs(head: &str) -> String {
    let mut source = String::from("REL a\nREL p\n");
    for i in 0..240 {
        let _ = writeln!(source, "FACT a {i}");
    }
    source + "RULE p: SCAN a, SCAN a, EMIT p " + head + "\nSOLVE\nQUERY p 7 ?\n"
}

/// The run of `source` whose `stop` answers true at its `at`-th question (never for
/// 0): its result and how many questions it was asked.
fn stopped_at(source: &str, at: u32) -> (crate::RunResult, u32) {
    let limits = Limits {
        max_steps: u64::MAX,
        timeout_ms: 600_000,
        ..Limits::default()
    };
    let mut account = Account::new(&limits);
    let program = crate::compile_within(source, &mut account)
        .program
        .expect("compiles");
    let asked = Cell::new(0);
    let stop = |_: crate::Phase| {
        asked.set(asked.get() + 1);
        asked.get() == at
    };
    let r = crate::run_watched(&program, &mut account, &stop);
    (r, asked.get())
}

/// The steps at which a run of `source` asked `stop` at its EMIT, found by stopping
/// it at each question in turn.
fn asked_at_the_emit(source: &str) -> Vec<u64> {
    let (whole, asked) = stopped_at(source, 0);
    assert!(whole.error.is_none(), "{:?}", whole.error);
    assert_eq!(whole.stats.tuples, 240 + 240 * 240);
    let emit = source.find("EMIT p").expect("an EMIT") as u32;
    let mut steps = Vec::new();
    for at in 1..=asked {
        let (r, _) = stopped_at(source, at);
        let d = r.error.expect("stopped");
        assert_eq!(
            (d.code, d.message.as_str()),
            (Code::E404, "the run was stopped")
        );
        assert!(r.outputs.is_empty());
        if d.span.start == emit {
            steps.push(r.stats.steps);
        }
    }
    steps
}

#[test]
fn a_run_stopped_while_a_large_table_grows_ends_at_the_emit() {
    // Both read the clock at the EMIT for every MiB charged; the spread pairs also
    // once as their table refiles, ahead of its growth point (57,344 tuples, after
    // 240 + 57,344 steps).
    let dense = asked_at_the_emit(&pairs("($0 + 0) $1"));
    let mut spread = asked_at_the_emit(&pairs("($0 * 100000) $1"));
    assert!(!dense.is_empty());
    // The spread pairs' table misses the cache, so their EMITs are looked up 32 at a
    // time (docs/decisions.md 226): a question may come up to 32 steps later.
    spread.retain(|&steps| !dense.iter().any(|&d| d.abs_diff(steps) <= 32));
    let [steps] = spread[..] else {
        panic!("one refile chunk, one question: {spread:?}");
    };
    assert!((53_000..57_584).contains(&steps), "{steps}");
}
