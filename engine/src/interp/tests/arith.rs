//! Operators and built-ins (spec §2.3, §2.4, §6.3).

use super::*;
use crate::ast::BinOp::*;
use crate::ir::Builtin::*;

fn i(v: i64) -> Result<Value, Code> {
    Ok(Value::Int(v))
}

fn f(v: f64) -> Result<Value, Code> {
    Ok(Value::Float(v))
}

fn b1(b: Builtin, x: Expr) -> Result<Value, Code> {
    eval(builtin(b, vec![x]))
}

fn b2(b: Builtin, x: Expr, y: Expr) -> Result<Value, Code> {
    eval(builtin(b, vec![x, y]))
}

/// Evaluates with written Symbols available: `make` gets the builder to intern them.
fn eval_syms(make: impl FnOnce(&mut Builder) -> Expr) -> (Result<Value, Code>, Symbols) {
    let mut b = Builder::new();
    let e = make(&mut b);
    b.result(e);
    let r = b.run();
    (outcome(&r), r.symbols)
}

fn text(r: (Result<Value, Code>, Symbols)) -> String {
    match r.0 {
        Ok(Value::Sym(s)) => r.1.resolve(s).to_string(),
        other => panic!("not a Symbol: {other:?}"),
    }
}

#[test]
fn int_arithmetic_is_checked() {
    assert_eq!(eval(bin(int(2), Add, int(3))), i(5));
    assert_eq!(eval(bin(int(i64::MAX), Add, int(1))), Err(Code::E202));
    assert_eq!(eval(bin(int(i64::MIN), Sub, int(1))), Err(Code::E202));
    assert_eq!(eval(bin(int(i64::MAX), Mul, int(2))), Err(Code::E202));
    assert_eq!(eval(prefix(UnOp::Neg, int(i64::MIN))), Err(Code::E202));
    assert_eq!(eval(prefix(UnOp::Neg, prefix(UnOp::Neg, int(4)))), i(4));
}

#[test]
fn floats_are_canonical() {
    assert_eq!(eval(bin(num(2.5), Mul, int(2))), i(5));
    assert_eq!(eval(bin(num(0.1), Add, num(0.2))), f(0.1 + 0.2));
    assert_eq!(eval(bin(num(1e308), Mul, int(10))), Err(Code::E205));
    assert_eq!(eval(prefix(UnOp::Neg, num(2.5))), f(-2.5));
}

#[test]
fn true_division() {
    assert_eq!(eval(bin(int(7), Div, int(2))), f(3.5));
    assert_eq!(eval(bin(int(364), Div, int(7))), i(52));
    assert_eq!(eval(bin(int(10), Div, int(5))), i(2));
    assert_eq!(eval(bin(int(-7), Div, int(2))), f(-3.5));
    assert_eq!(eval(bin(num(7.5), Div, num(2.5))), i(3));
    assert_eq!(eval(bin(int(i64::MIN), Div, int(-1))), Err(Code::E202));
    assert_eq!(eval(bin(int(1), Div, int(0))), Err(Code::E201));
    assert_eq!(eval(bin(num(1.5), Div, int(0))), Err(Code::E201));
}

#[test]
fn floored_modulo_takes_the_divisors_sign() {
    assert_eq!(eval(bin(int(7), Mod, int(3))), i(1));
    assert_eq!(eval(bin(int(-7), Mod, int(3))), i(2));
    assert_eq!(eval(bin(int(7), Mod, int(-3))), i(-2));
    assert_eq!(eval(bin(int(-7), Mod, int(-3))), i(-1));
    assert_eq!(eval(bin(int(6), Mod, int(-3))), i(0));
    assert_eq!(eval(bin(int(i64::MIN), Mod, int(-1))), i(0));
    assert_eq!(eval(bin(num(7.5), Mod, int(2))), f(1.5));
    assert_eq!(eval(bin(num(-7.5), Mod, int(2))), f(0.5));
    assert_eq!(eval(bin(num(7.5), Mod, int(-2))), f(-0.5));
    assert_eq!(eval(bin(int(5), Mod, int(0))), Err(Code::E201));
    assert_eq!(eval(bin(num(5.5), Mod, int(0))), Err(Code::E201));
}

#[test]
fn symbols_concatenate_and_otherwise_mismatch() {
    assert_eq!(
        text(eval_syms(|b| bin(val(b.sym("ab")), Add, val(b.sym("cd"))))),
        "abcd"
    );
    assert_eq!(
        eval_syms(|b| bin(val(b.sym("a")), Add, int(1))).0,
        Err(Code::E203)
    );
    assert_eq!(
        eval_syms(|b| bin(val(b.sym("a")), Sub, val(b.sym("b")))).0,
        Err(Code::E203)
    );
    assert_eq!(
        eval_syms(|b| prefix(UnOp::Neg, val(b.sym("a")))).0,
        Err(Code::E203)
    );
    assert_eq!(
        eval_syms(|b| bin(val(b.sym("a")), Lt, int(1))).0,
        Err(Code::E203)
    );
}

#[test]
fn comparisons() {
    assert_eq!(eval(bin(int(1), Lt, num(1.5))), i(1));
    assert_eq!(eval(bin(num(2.5), Ge, int(3))), i(0));
    assert_eq!(eval(bin(int(2), Eq, num(2.0))), i(1));
    assert_eq!(eval(bin(int(2), Ne, int(3))), i(1));
    assert_eq!(eval_syms(|b| bin(val(b.sym("a")), Eq, int(1))).0, i(0));
    assert_eq!(eval_syms(|b| bin(val(b.sym("a")), Ne, int(1))).0, i(1));
    // Ordering compares Symbol text, not canonical rank ("b" is written first).
    assert_eq!(
        eval_syms(|b| bin(val(b.sym("b")), Gt, val(b.sym("a")))).0,
        i(1)
    );
    assert_eq!(
        eval_syms(|b| bin(val(b.sym("b")), Le, val(b.sym("a")))).0,
        i(0)
    );
}

#[test]
fn logic_short_circuits_and_gives_ints() {
    let boom = || bin(int(1), Div, int(0));
    assert_eq!(eval(bin(int(0), And, boom())), i(0));
    assert_eq!(eval(bin(int(5), Or, boom())), i(1));
    assert_eq!(eval(bin(int(2), And, int(3))), i(1));
    assert_eq!(eval(bin(int(0), Or, num(0.5))), i(1));
    assert_eq!(eval(bin(int(2), And, boom())), Err(Code::E201));
    assert_eq!(eval(prefix(UnOp::Not, int(0))), i(1));
    assert_eq!(eval_syms(|b| prefix(UnOp::Not, val(b.sym("x")))).0, i(0));
}

#[test]
fn abs_min_max_keep_their_kind() {
    assert_eq!(b1(Abs, int(-3)), i(3));
    assert_eq!(b1(Abs, num(-2.5)), f(2.5));
    assert_eq!(b1(Abs, int(i64::MIN)), Err(Code::E202));
    assert_eq!(b2(Min, int(1), num(2.5)), i(1));
    assert_eq!(b2(Max, int(1), num(2.5)), f(2.5));
    assert_eq!(
        text(eval_syms(|b| builtin(
            Max,
            vec![val(b.sym("b")), val(b.sym("a"))]
        ))),
        "b"
    );
    assert_eq!(
        text(eval_syms(|b| builtin(
            Min,
            vec![val(b.sym("b")), val(b.sym("a"))]
        ))),
        "a"
    );
    assert_eq!(
        eval_syms(|b| builtin(Min, vec![int(1), val(b.sym("a"))])).0,
        Err(Code::E203)
    );
    assert_eq!(
        eval_syms(|b| builtin(Abs, vec![val(b.sym("a"))])).0,
        Err(Code::E203)
    );
}

#[test]
fn pow() {
    assert_eq!(b2(Pow, int(2), int(10)), i(1024));
    assert_eq!(b2(Pow, int(2), int(-1)), f(0.5));
    assert_eq!(b2(Pow, num(2.5), int(2)), f(6.25));
    assert_eq!(b2(Pow, int(4), num(0.5)), i(2));
    assert_eq!(b2(Pow, int(2), int(63)), Err(Code::E202));
    assert_eq!(b2(Pow, int(-1), int(1 << 40)), i(1));
    assert_eq!(b2(Pow, int(3), int(1 << 40)), Err(Code::E202));
    assert_eq!(b2(Pow, int(0), int(-1)), Err(Code::E201));
    assert_eq!(b2(Pow, int(-8), num(0.5)), Err(Code::E205));
}

#[test]
fn transcendental_functions_and_domain_errors() {
    assert_eq!(b1(Sqrt, int(16)), i(4));
    assert_eq!(b1(Sqrt, int(2)), f(2f64.sqrt()));
    assert_eq!(b1(Sqrt, int(-1)), Err(Code::E205));
    assert_eq!(b1(Log, int(0)), Err(Code::E205));
    assert_eq!(b1(Log10, int(1000)), i(3));
    assert_eq!(b1(Asin, int(2)), Err(Code::E205));
    assert_eq!(b1(Exp, int(0)), i(1));
    assert_eq!(b1(Exp, int(1000)), Err(Code::E205));
    assert_eq!(b1(Cos, int(0)), i(1));
    assert_eq!(
        eval_syms(|b| builtin(Sqrt, vec![val(b.sym("a"))])).0,
        Err(Code::E203)
    );
}

#[test]
fn floor_ceil_round() {
    assert_eq!(b1(Floor, num(2.5)), i(2));
    assert_eq!(b1(Floor, num(-2.5)), i(-3));
    assert_eq!(b1(Ceil, num(2.5)), i(3));
    assert_eq!(b1(Floor, int(7)), i(7));
    assert_eq!(b2(Round, num(2.675), int(2)), f(2.68));
    assert_eq!(b2(Round, num(1.005), int(2)), i(1));
    assert_eq!(b1(Round, num(2.5)), i(3));
    assert_eq!(b1(Round, num(-2.5)), i(-3));
    assert_eq!(b2(Round, int(1234), int(-2)), i(1200));
    assert_eq!(b2(Round, int(1250), int(-2)), i(1300));
    assert_eq!(b2(Round, int(5), int(2)), i(5));
    assert_eq!(b2(Round, num(1e300), int(15)), f(1e300));
    assert_eq!(b2(Round, num(1.5), int(16)), Err(Code::E204));
    assert_eq!(b2(Round, num(1.5), int(-16)), Err(Code::E204));
    assert_eq!(b2(Round, num(1.5), num(1.5)), Err(Code::E203));
    // The digits are checked first.
    assert_eq!(
        eval_syms(|b| builtin(Round, vec![val(b.sym("a")), int(99)])).0,
        Err(Code::E204)
    );
    assert_eq!(
        eval_syms(|b| builtin(Round, vec![val(b.sym("a")), int(1)])).0,
        Err(Code::E203)
    );
}

#[test]
fn length_and_char_at() {
    assert_eq!(
        eval_syms(|b| builtin(Length, vec![val(b.sym("héllo"))])).0,
        i(5)
    );
    assert_eq!(b1(Length, int(5)), Err(Code::E203));
    let at =
        |s: &'static str, n: i64| eval_syms(move |b| builtin(CharAt, vec![val(b.sym(s)), int(n)]));
    assert_eq!(text(at("héllo", 1)), "é");
    assert_eq!(at("abc", 3).0, Err(Code::E204));
    assert_eq!(at("abc", -1).0, Err(Code::E204));
    assert_eq!(b2(CharAt, int(5), int(0)), Err(Code::E203));
    assert_eq!(
        eval_syms(|b| builtin(CharAt, vec![val(b.sym("ab")), num(0.5)])).0,
        Err(Code::E203)
    );
}

#[test]
fn errors_point_at_the_operator_and_name_the_operands() {
    let mut b = Builder::new();
    b.result(bin_at(int(7), Div, Span::new(10, 11), int(0)));
    let r = b.run();
    let d = r.error.expect("error");
    assert_eq!((d.code, d.span), (Code::E201, Span::new(10, 11)));
    assert_eq!(d.message, "division by zero: 7 / 0");

    let mut b = Builder::new();
    let mut e = builtin(Sqrt, vec![int(-1)]);
    e.span = Span::new(3, 11);
    b.result(e);
    let d = b.run().error.expect("error");
    assert_eq!((d.code, d.span), (Code::E205, Span::new(3, 11)));
    assert_eq!(d.message, "not a finite number: SQRT(-1)");

    let mut b = Builder::new();
    let f = b.func(2, 2, 0, vec![s_result(bin(local(0), Div, local(1)))]);
    b.result(call(f, vec![int(7), int(0)]));
    let d = b.run().error.expect("error");
    assert_eq!(d.message, "division by zero: 7 / 0 where $l0 = 7, $l1 = 0");
}
