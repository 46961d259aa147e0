//! Limits and runtime errors ending a run (spec §7).

use super::*;
use crate::ast::BinOp::*;
use std::time::{Duration, Instant};

/// `n(x) → n(x + 1)` from `n(0)`: never reaches a fixpoint.
fn counting() -> Builder {
    let mut b = Builder::new();
    let n = b.rel("n", 1);
    b.fact(n, &[Value::Int(0)]);
    let next = vec![
        Op::Scan {
            rel: n,
            version: Version::Full,
            index: None,
            key: vec![],
            bind: vec![(0, VarSlot(0))],
            span: Span::new(5, 9),
        },
        Op::Emit {
            rel: n,
            args: vec![bin(local(0), Add, int(1))],
            span: Span::new(20, 30),
        },
    ];
    let mut delta = next.clone();
    if let Op::Scan { version, .. } = &mut delta[0] {
        *version = Version::Delta;
    }
    let rule = b.rule(1, next, vec![delta]);
    b.stratum(&[rule], &[n], true);
    b.result(int(1));
    b.solve();
    b
}

/// A CALC with `WHILE 1` whose body counts.
fn spinning() -> Builder {
    let mut b = Builder::new();
    let body = vec![
        s_let(0, int(0)),
        Stmt::While {
            cond: int(1),
            body: vec![s_let(0, bin(local(0), Add, int(1)))],
            span: Span::new(40, 50),
        },
        s_result(local(0)),
    ];
    let f = b.func(0, 1, 0, body);
    b.result(int(7));
    b.result(call(f, vec![]));
    b
}

/// `f(n) = f(n + 1)`: unbounded recursion.
fn recursing() -> Builder {
    let mut b = Builder::new();
    let f = b.func(1, 1, 0, vec![]);
    let mut rec = call(f, vec![bin(local(0), Add, int(1))]);
    rec.span = Span::new(60, 70);
    b.set_body(f, vec![s_result(rec)]);
    b.result(call(f, vec![int(0)]));
    b
}

#[test]
fn step_limit() {
    let limits = Limits {
        max_steps: 1000,
        ..Limits::default()
    };
    let r = spinning().run_with(&limits);
    let d = r.error.as_ref().expect("error");
    assert_eq!(d.code, Code::E401);
    assert_eq!(r.stats.steps, 1001);
    // Outputs before the error are kept.
    assert_eq!(r.outputs, vec![Output::Result(Value::Int(7))]);
}

#[test]
fn tuple_limit() {
    let limits = Limits {
        max_tuples: 100,
        ..Limits::default()
    };
    let r = counting().run_with(&limits);
    let d = r.error.as_ref().expect("error");
    assert_eq!((d.code, d.span), (Code::E402, Span::new(20, 30)));
    assert_eq!(r.outputs, vec![Output::Result(Value::Int(1))]);
    // Each round adds one tuple; the 101st is refused.
    assert_eq!(r.stats.tuples, 100);
    assert_eq!(r.stats.iterations, 100);
}

#[test]
fn memory_limit() {
    let limits = Limits {
        max_memory_mb: 1,
        max_tuples: u64::MAX,
        ..Limits::default()
    };
    let r = counting().run_with(&limits);
    assert_eq!(code(&r), Some(Code::E405));
    // 1 MiB at 24 bytes per tuple (no index): about 43,690 tuples.
    assert!(
        (40_000..45_000).contains(&r.stats.tuples),
        "{}",
        r.stats.tuples
    );
}

#[test]
fn memory_limit_stops_growing_symbols() {
    let mut b = Builder::new();
    let s = b.sym("ab");
    let body = vec![
        s_let(0, val(s)),
        Stmt::While {
            cond: int(1),
            body: vec![s_let(0, bin(local(0), Add, local(0)))],
            span: NO_SPAN,
        },
        s_result(local(0)),
    ];
    let f = b.func(0, 1, 0, body);
    b.result(call(f, vec![]));
    let limits = Limits {
        max_memory_mb: 16,
        ..Limits::default()
    };
    assert_eq!(code(&b.run_with(&limits)), Some(Code::E405));
}

#[test]
fn time_limit() {
    let limits = Limits {
        max_steps: u64::MAX,
        timeout_ms: 50,
        ..Limits::default()
    };
    let started = Instant::now();
    let r = spinning().run_with(&limits);
    assert_eq!(code(&r), Some(Code::E404));
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_watched_run_stops_when_asked() {
    let limits = Limits {
        max_steps: u64::MAX,
        ..Limits::default()
    };
    let mut b = spinning();
    b.p.symbols.seal_written();
    let asked = std::cell::Cell::new(0);
    let stop = |_: crate::Phase| {
        asked.set(asked.get() + 1);
        asked.get() == 3
    };
    let r = crate::run_watched(&b.p, &mut crate::Account::new(&limits), &stop);
    let d = r.error.as_ref().expect("stopped");
    assert_eq!(
        (d.code, d.message.as_str()),
        (Code::E404, "the run was stopped")
    );
    assert_eq!(
        asked.get(),
        3,
        "asked at each clock read until it said stop"
    );
    // Asked when `RESULT 7` was kept (its printing time set aside), then at every
    // TIME_CHECK_INTERVAL steps of the loop.
    assert_eq!(r.stats.steps, 2 * super::super::budget::TIME_CHECK_INTERVAL);
}

/// A fixpoint, a QUERY with a `?`, then a CALC whose loop reads the clock twice.
const WATCHED: &str = "REL e\nREL p\nFACT e 1 2\nFACT e 2 3\n\
                       RULE p: SCAN e, EMIT p $0 $1\nRULE p: SCAN e, JOIN p $1, EMIT p $0 $2\n\
                       SOLVE\nQUERY p 1 ?\n\
                       CALC s\nLET $i = 0\nFOR WHILE $i < 10000\nLET $i = $i + 1\nEND\nRESULT $i\nEND\n\
                       RESULT CALC s()\n";

/// The phase the run of `source` told its watcher at each clock read.
fn phases_of(source: &str) -> Vec<crate::Phase> {
    let program = crate::compile(source, &Limits::default())
        .program
        .expect("compiles");
    let phases = std::cell::RefCell::new(Vec::new());
    let watch = |phase: crate::Phase| {
        phases.borrow_mut().push(phase);
        false
    };
    let r = crate::run_watched(
        &program,
        &mut crate::Account::new(&Limits::default()),
        &watch,
    );
    assert!(r.error.is_none());
    phases.into_inner()
}

#[test]
fn a_watched_run_says_whether_it_is_solving() {
    // Round checks of the fixpoint are asked while solving; the QUERY after it, and a
    // CALC loop's step checks, outside.
    let phases = phases_of(WATCHED);
    let first_outside = phases
        .iter()
        .position(|&p| p == crate::Phase::Evaluating)
        .expect("asked outside the fixpoint");
    assert!(first_outside > 0, "asked while solving first: {phases:?}");
    assert!(
        phases[..first_outside]
            .iter()
            .all(|&p| p == crate::Phase::Solving)
    );
    assert!(
        phases[first_outside..]
            .iter()
            .all(|&p| p == crate::Phase::Evaluating)
    );
}

#[test]
fn the_queries_of_constants_that_end_a_program_are_finishing() {
    // The QUERYs after the CALC are asked as finishing; the one with a `?` before the
    // CALC, and the CALC's step checks, as evaluating.
    let phases = phases_of(&format!("{WATCHED}QUERY p 1 3\nQUERY e 2 3\n"));
    let n = phases.len();
    assert!(n > 4, "{phases:?}");
    assert_eq!(phases[n - 2..], [crate::Phase::Finishing; 2]);
    assert!(
        phases[..n - 2]
            .iter()
            .all(|&p| p != crate::Phase::Finishing),
        "{phases:?}"
    );
    assert!(phases[..n - 2].contains(&crate::Phase::Evaluating));
}

/// 100,000 Ints 255 apart (too sparse for a bitmap) in `s`, then `tail`.
fn sparse(tail: &str) -> String {
    "REL n\nREL s\nFACT n 0\n\
     RULE n: SCAN n, LET $m = $0 + 1, WHERE $m < 100000, EMIT n $m\n\
     RULE s: SCAN n, LET $k = $0 * 255, EMIT s $k\nSOLVE\n"
        .to_string()
        + tail
}

/// The default limits with a minute to run.
fn a_minute() -> Limits {
    Limits {
        timeout_ms: 60_000,
        ..Limits::default()
    }
}

/// A budget with a minute to run and nothing to ask.
fn a_minute_budget() -> super::super::budget::Budget<'static> {
    super::super::budget::Budget::new(crate::Account::new(&a_minute()), None)
}

/// Runs `source` with a minute to go, asking `stop` at each clock read.
fn watched(source: &str, stop: &dyn Fn(crate::Phase) -> bool) -> crate::RunResult {
    let limits = a_minute();
    let program = crate::compile(source, &limits).program.expect("compiles");
    crate::run_watched(&program, &mut crate::Account::new(&limits), stop)
}

#[test]
fn a_large_answer_reads_the_clock_as_it_is_selected_and_sorted() {
    // After the fixpoint, only the QUERY reads the clock: once per 32,768 rows looked
    // at, once before a large sort (docs/decisions.md 243), then when an output is kept.
    let for_query = "CALC f\nFOR t IN (QUERY s ?)\nBREAK\nEND\nRESULT 0\nEND\nRESULT CALC f()\n";
    for query in ["QUERY s ?\n", for_query] {
        let after = std::cell::Cell::new(0);
        let count = |phase| {
            after.set(after.get() + usize::from(phase != crate::Phase::Solving));
            false
        };
        assert!(watched(&sparse(query), &count).error.is_none());
        assert!(
            after.get() > 4,
            "{} readings after the fixpoint for {query}",
            after.get()
        );
    }
}

#[test]
fn a_stop_while_a_large_answer_is_made_ends_the_run_at_its_query() {
    let readings = std::cell::Cell::new(0);
    // Stop at the sixth reading after the fixpoint (the first is `RESULT 1`'s): in the
    // QUERY's selection or sort.
    let stop = |phase: crate::Phase| {
        readings.set(readings.get() + usize::from(phase != crate::Phase::Solving));
        readings.get() == 6
    };
    let r = watched(&sparse("RESULT 1\nQUERY s ?\n"), &stop);
    let d = r.error.as_ref().expect("stopped");
    assert_eq!(d.code, Code::E404);
    assert_eq!(d.span.start as usize, sparse("RESULT 1\n").len());
    assert_eq!(r.outputs, vec![crate::Output::Result(crate::Value::Int(1))]);
}

#[test]
fn an_output_kept_sets_its_printing_time_aside() {
    let mut budget = a_minute_budget();
    budget.check_time(Span::new(0, 0)).expect("a minute left");
    let answer = crate::Output::Query {
        relation: "r".into(),
        args: vec![None],
        answer: crate::QueryAnswer::Values(vec![crate::Value::Int(1); 1 << 20]),
    };
    let time = answer.printing_time(&crate::value::Symbols::new());
    assert!(time > Duration::from_millis(100), "{time:?}");
    // A minute of printing (a few hundred million values) leaves no time for the run.
    budget.keep_aside(time * 300);
    let d = budget
        .check_time(Span::new(3, 4))
        .expect_err("no time left");
    assert_eq!((d.code, d.span), (Code::E404, Span::new(3, 4)));
}

#[test]
fn a_stack_segment_keeps_its_unwinding_time_aside() {
    let mut budget = a_minute_budget();
    let segment = 4 << 20;
    budget
        .take_segment(segment, Span::new(0, 0))
        .expect("a minute left");
    budget.give_segment(segment);
    assert_eq!(budget.into_account().charged(), 0);
    // Less time left than one segment takes to return from: E404 before taking it,
    // and nothing stays charged.
    let limits = Limits {
        timeout_ms: 5,
        ..Limits::default()
    };
    let mut budget = super::super::budget::Budget::new(crate::Account::new(&limits), None);
    let d = budget
        .take_segment(segment, Span::new(0, 0))
        .expect_err("8 ms to unwind");
    assert_eq!(d.code, Code::E404);
    assert_eq!(budget.into_account().charged(), 0);
}

/// Steps charged at once end where as many single steps would: at the first past
/// the limit, having read the clock (asked `stop`) at the same steps.
#[test]
fn steps_at_once_count_as_single_steps() {
    use super::super::budget::{Budget, TIME_CHECK_INTERVAL};
    use std::cell::Cell;
    let span = Span::new(0, 0);
    let interval = TIME_CHECK_INTERVAL;
    for max_steps in [0, 5, interval - 1, interval, 3 * interval + 7, u64::MAX] {
        let limits = Limits {
            max_steps,
            ..Limits::default()
        };
        for chunks in [
            &[0, 1, 1, 3][..],
            &[interval - 1, 1, 2 * interval + 5, interval],
            &[10 * interval],
        ] {
            let (one_asked, at_once_asked) = (Cell::new(0u32), Cell::new(0u32));
            let ask = |_: crate::Phase| {
                one_asked.set(one_asked.get() + 1);
                false
            };
            let mut single = Budget::new(crate::Account::new(&limits), Some(&ask));
            let ask_at_once = |_: crate::Phase| {
                at_once_asked.set(at_once_asked.get() + 1);
                false
            };
            let mut bulk = Budget::new(crate::Account::new(&limits), Some(&ask_at_once));
            for &n in chunks {
                let singles = (0..n)
                    .try_for_each(|_| single.step(span))
                    .map_err(|d| d.code);
                let at_once = bulk.steps_at_once(n, span).map_err(|d| d.code);
                assert_eq!(at_once, singles, "{max_steps} {chunks:?}");
                assert_eq!(bulk.steps(), single.steps(), "{max_steps} {chunks:?}");
                if singles.is_err() {
                    break;
                }
            }
            assert_eq!(
                at_once_asked.get(),
                one_asked.get(),
                "{max_steps} {chunks:?}"
            );
        }
    }
}

#[test]
fn depth_limit_default() {
    let r = recursing().run();
    let d = r.error.as_ref().expect("error");
    assert_eq!((d.code, d.span), (Code::E403, Span::new(60, 70)));
    // Depths 1..=1000 each ran one RESULT statement.
    assert_eq!(r.stats.steps, 1000);
}

#[test]
fn depth_limit_deep_does_not_overflow_the_stack() {
    // Deep recursion in a debug build under a loaded machine can take seconds: this
    // test is about the stack, not the clock.
    let limits = Limits {
        max_depth: 100_000,
        timeout_ms: 120_000,
        ..Limits::default()
    };
    let r = recursing().run_with(&limits);
    assert_eq!(code(&r), Some(Code::E403));
    assert_eq!(r.stats.steps, 100_000);
}

#[test]
fn deep_recursion_that_returns() {
    let mut b = Builder::new();
    let f = b.func(1, 1, 0, vec![]);
    let rec = bin(int(1), Add, call(f, vec![bin(local(0), Sub, int(1))]));
    b.set_body(
        f,
        vec![
            Stmt::If {
                cond: bin(local(0), Eq, int(0)),
                then_body: vec![s_result(int(0))],
                else_body: vec![],
                span: NO_SPAN,
            },
            s_result(rec),
        ],
    );
    b.result(call(f, vec![int(50_000)]));
    // Deep recursion in a debug build under a loaded machine can take seconds: this
    // test is about the stack, not the clock.
    let limits = Limits {
        max_depth: 100_000,
        timeout_ms: 120_000,
        ..Limits::default()
    };
    assert_eq!(outcome(&b.run_with(&limits)), Ok(Value::Int(50_000)));
}

#[test]
fn runtime_error_keeps_earlier_outputs() {
    let mut b = Builder::new();
    b.result(int(1));
    b.result(bin(int(1), Div, int(0)));
    b.result(int(2));
    let r = b.run();
    assert_eq!(r.outputs, vec![Output::Result(Value::Int(1))]);
    assert_eq!(code(&r), Some(Code::E201));
}

/// `p(x, y) :- a(x), a(y)` over `a(0..10)`: one plan emits 100 tuples, so it looks
/// them up in batches.
fn square() -> Builder {
    let mut b = Builder::new();
    let a = b.rel("a", 1);
    let p = b.rel("p", 2);
    for i in 0..10 {
        b.fact(a, &[Value::Int(i)]);
    }
    let ops = vec![
        scan(a, Version::Full, &[(0, 0)]),
        scan(a, Version::Full, &[(0, 1)]),
        Op::Emit {
            rel: p,
            args: vec![local(0), local(1)],
            span: Span::new(20, 30),
        },
    ];
    let rule = b.rule(2, ops, vec![]);
    b.stratum(&[rule], &[p], false);
    b.solve();
    b.query(p, &[None, None]);
    b
}

#[test]
fn batched_emits_fail_where_single_ones_would() {
    let all = square().run();
    assert_eq!(all.error, None);
    let QueryAnswer::Tuples(rows) = answer(&all) else {
        panic!("tuples expected")
    };
    assert_eq!(rows.len(), 100);
    // The 46th `p` tuple is refused: at x = 4, y = 5, after 5 + 46 scan steps. The
    // first 32 tuples were looked up as one batch; the tuples after them go one by
    // one once a batch could cross the limit.
    let limits = Limits {
        max_tuples: 10 + 45,
        ..Limits::default()
    };
    let r = square().run_with(&limits);
    let d = r.error.as_ref().expect("error");
    assert_eq!((d.code, d.span), (Code::E402, Span::new(20, 30)));
    assert_eq!(r.stats.steps, 5 + 46);
    // A step limit inside a batch ends the run at that step.
    let limits = Limits {
        max_steps: 40,
        ..Limits::default()
    };
    let r = square().run_with(&limits);
    assert_eq!(code(&r), Some(Code::E401));
    assert_eq!(r.stats.steps, 41);
}
