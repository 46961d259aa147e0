//! Operators on values (spec §2.3, §2.4, §6.3): checked Int arithmetic, f64
//! arithmetic through the canonical number form, true division, floored modulo,
//! equality and ordering. Errors are [`Fault`]s; the caller adds the span.

use crate::ast::{BinOp, UnOp};
use crate::diagnostic::Code;
use crate::fault::{Fault, What};
use crate::value::{Symbols, Value, cmp_numbers};
use std::cmp::Ordering;

/// The canonical value of a computed f64, or E205 naming the computation `what`.
pub(super) fn finite(x: f64, what: impl FnOnce() -> What) -> Result<Value, Fault> {
    Value::number(x).ok_or_else(|| Fault::new(Code::E205, what()))
}

/// Equality (spec §2.4): never fails; numbers by value, Symbols by text.
pub(super) fn equal(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Sym(x), Value::Sym(y)) => x == y,
        (Value::Sym(_), _) | (_, Value::Sym(_)) => false,
        _ => cmp_numbers(a, b) == Ordering::Equal,
    }
}

/// Ordering (spec §2.4): numbers exactly, Symbols by text; `None` for a number
/// against a Symbol.
pub(super) fn order(a: Value, b: Value, symbols: &Symbols) -> Option<Ordering> {
    match (a, b) {
        (Value::Sym(x), Value::Sym(y)) => Some(symbols.resolve(x).cmp(symbols.resolve(y))),
        (Value::Sym(_), _) | (_, Value::Sym(_)) => None,
        _ => Some(cmp_numbers(a, b)),
    }
}

/// Applies a binary operator. `AND`/`OR` here are plain logic on two evaluated
/// operands (the evaluator short-circuits before calling); `+` on two Symbols is
/// concatenation, which the evaluator performs itself because it creates a Symbol.
pub(super) fn binary(op: BinOp, a: Value, b: Value, symbols: &Symbols) -> Result<Value, Fault> {
    let text = || What::Binary(op, Some(a), Some(b));
    match op {
        BinOp::Or => Ok(Value::from_bool(a.is_true() || b.is_true())),
        BinOp::And => Ok(Value::from_bool(a.is_true() && b.is_true())),
        BinOp::Eq => Ok(Value::from_bool(equal(a, b))),
        BinOp::Ne => Ok(Value::from_bool(!equal(a, b))),
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            let ord = order(a, b, symbols).ok_or_else(|| Fault::mismatch(text()))?;
            Ok(Value::from_bool(match op {
                BinOp::Lt => ord.is_lt(),
                BinOp::Le => ord.is_le(),
                BinOp::Gt => ord.is_gt(),
                _ => ord.is_ge(),
            }))
        }
        BinOp::Add | BinOp::Sub | BinOp::Mul => match numbers(op, a, b)? {
            Numbers::Ints(x, y) => {
                let r = match op {
                    BinOp::Add => x.checked_add(y),
                    BinOp::Sub => x.checked_sub(y),
                    _ => x.checked_mul(y),
                };
                r.map(Value::Int)
                    .ok_or_else(|| Fault::new(Code::E202, text()))
            }
            Numbers::Floats(x, y) => finite(
                match op {
                    BinOp::Add => x + y,
                    BinOp::Sub => x - y,
                    _ => x * y,
                },
                text,
            ),
        },
        BinOp::Div => match numbers(op, a, b)? {
            Numbers::Ints(_, 0) => Err(Fault::new(Code::E201, text())),
            Numbers::Ints(x, y) if x.wrapping_rem(y) == 0 => x
                .checked_div(y)
                .map(Value::Int)
                .ok_or_else(|| Fault::new(Code::E202, text())),
            Numbers::Ints(x, y) => finite(x as f64 / y as f64, text),
            Numbers::Floats(_, 0.0) => Err(Fault::new(Code::E201, text())),
            Numbers::Floats(x, y) => finite(x / y, text),
        },
        BinOp::Mod => match numbers(op, a, b)? {
            Numbers::Ints(_, 0) => Err(Fault::new(Code::E201, text())),
            Numbers::Ints(x, y) => {
                let r = x.wrapping_rem(y);
                Ok(Value::Int(if r != 0 && (r < 0) != (y < 0) {
                    r + y
                } else {
                    r
                }))
            }
            Numbers::Floats(_, 0.0) => Err(Fault::new(Code::E201, text())),
            Numbers::Floats(x, y) => {
                let r = x % y;
                finite(
                    if r != 0.0 && (r < 0.0) != (y < 0.0) {
                        r + y
                    } else {
                        r
                    },
                    text,
                )
            }
        },
    }
}

/// Applies a prefix operator. The negation of a Float is canonical again: `-x` of
/// the Float 2^63 is the Int i64::MIN (spec §2.3).
pub(super) fn unary(op: UnOp, v: Value) -> Result<Value, Fault> {
    match (op, v) {
        (UnOp::Not, _) => Ok(Value::from_bool(!v.is_true())),
        (UnOp::Neg, Value::Int(i)) => i
            .checked_neg()
            .map(Value::Int)
            .ok_or_else(|| Fault::new(Code::E202, What::Neg(Some(v)))),
        (UnOp::Neg, Value::Float(f)) => finite(-f, || What::Neg(Some(v))),
        (UnOp::Neg, Value::Sym(_)) => Err(Fault::mismatch(What::Neg(Some(v)))),
    }
}

/// Two numeric operands: both Ints, or at least one Float (both as f64).
enum Numbers {
    Ints(i64, i64),
    Floats(f64, f64),
}

fn numbers(op: BinOp, a: Value, b: Value) -> Result<Numbers, Fault> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Numbers::Ints(x, y)),
        _ => match (a.as_f64(), b.as_f64()) {
            (Some(x), Some(y)) => Ok(Numbers::Floats(x, y)),
            _ => Err(Fault::mismatch(What::Binary(op, Some(a), Some(b)))),
        },
    }
}
