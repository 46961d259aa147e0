//! Operators on values (spec §2.3, §2.4, §6.3): checked Int arithmetic, f64
//! arithmetic through the canonical number form, true division, floored modulo,
//! equality and ordering. Errors are [`Fault`]s; the caller adds the span.

use crate::ast::{BinOp, UnOp};
use crate::diagnostic::{Code, Diagnostic};
use crate::output::value_text;
use crate::span::Span;
use crate::value::{Symbols, Value, cmp_numbers};
use std::cmp::Ordering;

/// A runtime error without its location.
#[derive(Debug)]
pub(super) struct Fault {
    /// The runtime error code (E2xx).
    pub(super) code: Code,
    /// What went wrong, naming the operation and its operands.
    pub(super) message: String,
}

impl Fault {
    /// A fault with `code` and `message`.
    pub(super) fn new(code: Code, message: impl Into<String>) -> Fault {
        Fault {
            code,
            message: message.into(),
        }
    }

    /// The diagnostic for this fault at `span`.
    pub(super) fn at(self, span: Span) -> Box<Diagnostic> {
        Box::new(Diagnostic::new(self.code, span, self.message))
    }
}

/// A value as shown in messages: numbers as in outputs, Symbols quoted.
pub(super) fn show(value: Value, symbols: &Symbols) -> String {
    match value {
        Value::Sym(s) => format!("{:?}", symbols.resolve(s)),
        _ => value_text(value, symbols),
    }
}

/// The canonical value of a computed f64, or E205 naming the computation `what`.
pub(super) fn finite(x: f64, what: impl FnOnce() -> String) -> Result<Value, Fault> {
    Value::number(x)
        .ok_or_else(|| Fault::new(Code::E205, format!("not a finite number: {}", what())))
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

/// E203 for an operator applied to operands of the wrong kinds.
pub(super) fn mismatch(what: &str, args: &[Value], symbols: &Symbols) -> Fault {
    let shown: Vec<String> = args.iter().map(|&v| show(v, symbols)).collect();
    Fault::new(
        Code::E203,
        format!(
            "type mismatch: cannot apply {what} to {}",
            shown.join(" and ")
        ),
    )
}

/// Applies a binary operator. `AND`/`OR` here are plain logic on two evaluated
/// operands (the evaluator short-circuits before calling); `+` on two Symbols is
/// concatenation, which the evaluator performs itself because it creates a Symbol.
pub(super) fn binary(op: BinOp, a: Value, b: Value, symbols: &Symbols) -> Result<Value, Fault> {
    let text = || format!("{} {} {}", show(a, symbols), op.as_str(), show(b, symbols));
    match op {
        BinOp::Or => Ok(Value::from_bool(a.is_true() || b.is_true())),
        BinOp::And => Ok(Value::from_bool(a.is_true() && b.is_true())),
        BinOp::Eq => Ok(Value::from_bool(equal(a, b))),
        BinOp::Ne => Ok(Value::from_bool(!equal(a, b))),
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            let ord = order(a, b, symbols)
                .ok_or_else(|| mismatch(&format!("`{}`", op.as_str()), &[a, b], symbols))?;
            Ok(Value::from_bool(match op {
                BinOp::Lt => ord.is_lt(),
                BinOp::Le => ord.is_le(),
                BinOp::Gt => ord.is_gt(),
                _ => ord.is_ge(),
            }))
        }
        BinOp::Add | BinOp::Sub | BinOp::Mul => match numbers(op, a, b, symbols)? {
            Numbers::Ints(x, y) => {
                let r = match op {
                    BinOp::Add => x.checked_add(y),
                    BinOp::Sub => x.checked_sub(y),
                    _ => x.checked_mul(y),
                };
                r.map(Value::Int)
                    .ok_or_else(|| Fault::new(Code::E202, format!("integer overflow: {}", text())))
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
        BinOp::Div => match numbers(op, a, b, symbols)? {
            Numbers::Ints(_, 0) => Err(by_zero("division", text())),
            Numbers::Ints(x, y) if x.wrapping_rem(y) == 0 => x
                .checked_div(y)
                .map(Value::Int)
                .ok_or_else(|| Fault::new(Code::E202, format!("integer overflow: {}", text()))),
            Numbers::Ints(x, y) => finite(x as f64 / y as f64, text),
            Numbers::Floats(_, 0.0) => Err(by_zero("division", text())),
            Numbers::Floats(x, y) => finite(x / y, text),
        },
        BinOp::Mod => match numbers(op, a, b, symbols)? {
            Numbers::Ints(_, 0) => Err(by_zero("modulo", text())),
            Numbers::Ints(x, y) => {
                let r = x.wrapping_rem(y);
                Ok(Value::Int(if r != 0 && (r < 0) != (y < 0) {
                    r + y
                } else {
                    r
                }))
            }
            Numbers::Floats(_, 0.0) => Err(by_zero("modulo", text())),
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

/// Applies a prefix operator.
pub(super) fn unary(op: UnOp, v: Value, symbols: &Symbols) -> Result<Value, Fault> {
    match (op, v) {
        (UnOp::Not, _) => Ok(Value::from_bool(!v.is_true())),
        (UnOp::Neg, Value::Int(i)) => i
            .checked_neg()
            .map(Value::Int)
            .ok_or_else(|| Fault::new(Code::E202, format!("integer overflow: -({i})"))),
        (UnOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (UnOp::Neg, Value::Sym(_)) => Err(mismatch("unary `-`", &[v], symbols)),
    }
}

fn by_zero(what: &str, text: String) -> Fault {
    Fault::new(Code::E201, format!("{what} by zero: {text}"))
}

/// Two numeric operands: both Ints, or at least one Float (both as f64).
enum Numbers {
    Ints(i64, i64),
    Floats(f64, f64),
}

fn numbers(op: BinOp, a: Value, b: Value, symbols: &Symbols) -> Result<Numbers, Fault> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Numbers::Ints(x, y)),
        _ => match (a.as_f64(), b.as_f64()) {
            (Some(x), Some(y)) => Ok(Numbers::Floats(x, y)),
            _ => Err(mismatch(&format!("`{}`", op.as_str()), &[a, b], symbols)),
        },
    }
}
