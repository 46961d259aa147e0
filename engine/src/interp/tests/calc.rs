//! CALC statements and calls (spec §6).

use super::*;
use crate::ast::BinOp::*;

fn range(slot: u32, start: Expr, end: Expr, step: Option<Expr>, body: Vec<Stmt>) -> Stmt {
    Stmt::ForRange {
        slot: VarSlot(slot),
        start,
        end,
        step,
        body,
        span: NO_SPAN,
    }
}

fn while_(cond: Expr, body: Vec<Stmt>) -> Stmt {
    Stmt::While {
        cond,
        body,
        span: NO_SPAN,
    }
}

fn if_(cond: Expr, then_body: Vec<Stmt>) -> Stmt {
    Stmt::If {
        cond,
        then_body,
        else_body: Vec::new(),
        span: NO_SPAN,
    }
}

/// Runs a parameterless function with `locals` locals and returns its RESULT.
fn run_body(locals: u32, body: Vec<Stmt>) -> Result<Value, Code> {
    let mut b = Builder::new();
    let f = b.func(0, locals, 0, body);
    b.result(call(f, vec![]));
    outcome(&b.run())
}

#[test]
fn for_range_sums() {
    let mut b = Builder::new();
    let body = vec![
        s_let(1, int(0)),
        range(
            2,
            int(0),
            local(0),
            None,
            vec![s_let(1, bin(local(1), Add, local(2)))],
        ),
        s_result(local(1)),
    ];
    let f = b.func(1, 3, 0, body);
    b.result(call(f, vec![int(10)]));
    b.result(call(f, vec![int(0)]));
    let r = b.run();
    assert_eq!(
        r.outputs,
        vec![
            Output::Result(Value::Int(45)),
            Output::Result(Value::Int(0))
        ]
    );
}

#[test]
fn for_range_negative_step_and_loop_variable() {
    let digits = bin(bin(local(0), Mul, int(100)), Add, local(1));
    let body = vec![
        s_let(0, int(0)),
        range(1, int(10), int(0), Some(int(-3)), vec![s_let(0, digits)]),
        s_result(bin(bin(local(0), Mul, int(100)), Add, local(1))),
    ];
    // Visits 10, 7, 4, 1; afterwards the variable keeps 1.
    assert_eq!(run_body(2, body), Ok(Value::Int(1007040101)));
}

#[test]
fn assigning_the_loop_variable_does_not_change_iteration() {
    let body = vec![
        s_let(1, int(0)),
        range(
            0,
            int(0),
            int(3),
            None,
            vec![s_let(1, bin(local(1), Add, int(1))), s_let(0, int(100))],
        ),
        s_result(bin(bin(local(1), Mul, int(1000)), Add, local(0))),
    ];
    assert_eq!(run_body(2, body), Ok(Value::Int(3100)));
}

#[test]
fn a_range_that_never_runs_leaves_the_variable_alone() {
    let body = vec![
        s_let(0, int(7)),
        range(0, int(5), int(0), None, vec![]),
        s_result(local(0)),
    ];
    assert_eq!(run_body(1, body), Ok(Value::Int(7)));
    let unassigned = vec![range(0, int(5), int(0), None, vec![]), s_result(local(0))];
    assert_eq!(run_body(1, unassigned), Err(Code::E208));
}

#[test]
fn range_errors() {
    let zero = vec![
        range(0, int(0), int(5), Some(int(0)), vec![]),
        s_result(int(1)),
    ];
    assert_eq!(run_body(1, zero), Err(Code::E207));
    let float = vec![range(0, int(0), num(2.5), None, vec![]), s_result(int(1))];
    assert_eq!(run_body(1, float), Err(Code::E203));
}

#[test]
fn while_loops() {
    let body = vec![
        s_let(0, int(1)),
        while_(
            bin(local(0), Lt, int(1000)),
            vec![s_let(0, bin(local(0), Mul, int(2)))],
        ),
        s_result(local(0)),
    ];
    assert_eq!(run_body(1, body), Ok(Value::Int(1024)));
}

#[test]
fn break_and_continue_leave_the_innermost_loop() {
    // Sums odd i until the sum passes 20; an inner loop's BREAK does not end the outer one.
    let body = vec![
        s_let(1, int(0)),
        range(
            0,
            int(0),
            int(100),
            None,
            vec![
                range(2, int(0), int(5), None, vec![Stmt::Break(NO_SPAN)]),
                if_(
                    bin(bin(local(0), Mod, int(2)), Eq, int(0)),
                    vec![Stmt::Continue(NO_SPAN)],
                ),
                s_let(1, bin(local(1), Add, local(0))),
                if_(bin(local(1), Gt, int(20)), vec![Stmt::Break(NO_SPAN)]),
            ],
        ),
        s_result(bin(bin(local(1), Mul, int(1000)), Add, local(0))),
    ];
    assert_eq!(run_body(3, body), Ok(Value::Int(25009)));
}

#[test]
fn result_returns_at_once() {
    let body = vec![
        range(
            0,
            int(0),
            int(100),
            None,
            vec![if_(
                bin(bin(local(0), Mul, local(0)), Gt, int(50)),
                vec![s_result(local(0))],
            )],
        ),
        s_result(int(-1)),
    ];
    assert_eq!(run_body(1, body), Ok(Value::Int(8)));
}

#[test]
fn for_query_iterates_a_snapshot_in_canonical_order() {
    let mut b = Builder::new();
    let r = b.rel("r", 2);
    let (c, a) = (b.sym("c"), b.sym("a"));
    b.fact(r, &[a, Value::Int(1)]);
    b.fact(r, &[c, Value::Int(4)]);
    b.fact(r, &[a, Value::Int(3)]);
    let empty = b.sym("");
    let loop_all = Stmt::ForQuery {
        tuple: TupleSlot(0),
        rel: r,
        pattern: vec![None, None],
        body: vec![s_let(0, bin(local(0), Add, field(0, 0)))],
        span: NO_SPAN,
    };
    let loop_a = Stmt::ForQuery {
        tuple: TupleSlot(0),
        rel: r,
        pattern: vec![Some(val(a)), None],
        body: vec![s_let(1, bin(local(1), Add, field(0, 1)))],
        span: NO_SPAN,
    };
    let names = b.func(
        0,
        2,
        1,
        vec![s_let(0, val(empty)), loop_all, s_result(local(0))],
    );
    let sum = b.func(0, 2, 1, vec![s_let(1, int(0)), loop_a, s_result(local(1))]);
    b.result(call(names, vec![]));
    b.result(call(sum, vec![]));
    let res = b.run();
    assert!(res.error.is_none(), "{:?}", res.error);
    let Output::Result(Value::Sym(s)) = res.outputs[0] else {
        panic!("{:?}", res.outputs)
    };
    // `c` is written before `a`, so it ranks first.
    assert_eq!(res.symbols.resolve(s), "caa");
    assert_eq!(res.outputs[1], Output::Result(Value::Int(4)));
}

#[test]
fn recursion_factorial() {
    let mut b = Builder::new();
    let fact = b.func(1, 1, 0, vec![]);
    b.set_body(
        fact,
        vec![
            if_(bin(local(0), Le, int(1)), vec![s_result(int(1))]),
            s_result(bin(
                local(0),
                Mul,
                call(fact, vec![bin(local(0), Sub, int(1))]),
            )),
        ],
    );
    b.result(call(fact, vec![int(20)]));
    b.result(call(fact, vec![int(21)]));
    let r = b.run();
    assert_eq!(
        r.outputs,
        vec![Output::Result(Value::Int(2432902008176640000))]
    );
    assert_eq!(code(&r), Some(Code::E202));
}

#[test]
fn missing_result_and_unassigned_reads() {
    assert_eq!(run_body(1, vec![s_let(0, int(1))]), Err(Code::E206));
    assert_eq!(
        run_body(2, vec![s_let(0, int(1)), s_result(local(1))]),
        Err(Code::E208)
    );

    let mut b = Builder::new();
    let g = b.global("g");
    let f = b.func(0, 0, 0, vec![s_result(bin(global(g), Add, int(1)))]);
    b.result(call(f, vec![]));
    assert_eq!(code(&b.run()), Some(Code::E208));

    let mut b = Builder::new();
    let g = b.global("g");
    let f = b.func(0, 0, 0, vec![s_result(bin(global(g), Add, int(1)))]);
    b.let_global(g, int(41));
    b.result(call(f, vec![]));
    assert_eq!(outcome(&b.run()), Ok(Value::Int(42)));
}

#[test]
fn steps_count_statements_and_iterations() {
    let mut b = Builder::new();
    let body = vec![
        s_let(0, int(0)),
        range(
            1,
            int(0),
            int(3),
            None,
            vec![s_let(0, bin(local(0), Add, local(1)))],
        ),
        s_result(local(0)),
    ];
    let f = b.func(0, 2, 0, body);
    b.result(call(f, vec![]));
    let r = b.run();
    // LET, FOR, 3 iterations, 3 LETs, RESULT.
    assert_eq!(r.stats.steps, 9);
    assert_eq!(outcome(&r), Ok(Value::Int(3)));
}
