//! The built-in functions of spec §6.3. `CHAR_AT` creates a Symbol, so the evaluator
//! interns its result; everything else is a pure function of its arguments.

use super::arith::{finite, order};
use crate::diagnostic::Code;
use crate::fault::{Fault, What};
use crate::ir::Builtin;
use crate::value::{Symbols, Value};

/// Powers of ten that ROUND scales by; all exact in f64.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// 2^52: from here on every f64 is integral, so rounding to d ≥ 0 decimals keeps it.
const INTEGRAL_FROM: f64 = 4_503_599_627_370_496.0;

/// Applies built-in `b` to `args` (all except `CHAR_AT`, see [`char_at`]).
pub(super) fn apply(b: Builtin, args: &[Value], symbols: &Symbols) -> Result<Value, Fault> {
    // What failed, with (up to) the first two arguments.
    let what = || What::Builtin(b, args.first().copied(), args.get(1).copied());
    let mismatch = || Fault::mismatch(what());
    match (b, args) {
        (Builtin::Abs, &[x]) => match x {
            Value::Int(i) => i
                .checked_abs()
                .map(Value::Int)
                .ok_or_else(|| Fault::new(Code::E202, what())),
            Value::Float(f) => Ok(Value::Float(f.abs())),
            Value::Sym(_) => Err(mismatch()),
        },
        (Builtin::Min | Builtin::Max, &[x, y]) => {
            let ord = order(x, y, symbols).ok_or_else(mismatch)?;
            let take_y = if b == Builtin::Min {
                ord.is_gt()
            } else {
                ord.is_lt()
            };
            Ok(if take_y { y } else { x })
        }
        (Builtin::Pow, &[x, y]) => pow(x, y),
        (Builtin::Floor | Builtin::Ceil, &[x]) => match x {
            Value::Int(_) => Ok(x),
            Value::Float(f) => {
                let r = if b == Builtin::Floor {
                    f.floor()
                } else {
                    f.ceil()
                };
                finite(r, what)
            }
            Value::Sym(_) => Err(mismatch()),
        },
        (Builtin::Round, &[x]) => round(x, Value::Int(0)),
        (Builtin::Round, &[x, d]) => round(x, d),
        (Builtin::Length, &[s]) => match s {
            Value::Sym(sym) => Ok(Value::Int(symbols.resolve(sym).chars().count() as i64)),
            _ => Err(mismatch()),
        },
        _ => match (math_fn(b), args) {
            (Some(f), &[x]) => match x.as_f64() {
                Some(v) => finite(f(v), what),
                None => Err(mismatch()),
            },
            // The checker allows no other argument count.
            _ => Err(Fault::new(Code::E305, what())),
        },
    }
}

/// The f64 function of a one-argument transcendental built-in.
fn math_fn(b: Builtin) -> Option<fn(f64) -> f64> {
    Some(match b {
        Builtin::Sqrt => f64::sqrt,
        Builtin::Sin => f64::sin,
        Builtin::Cos => f64::cos,
        Builtin::Tan => f64::tan,
        Builtin::Asin => f64::asin,
        Builtin::Acos => f64::acos,
        Builtin::Atan => f64::atan,
        Builtin::Log => f64::ln,
        Builtin::Log10 => f64::log10,
        Builtin::Exp => f64::exp,
        _ => return None,
    })
}

fn pow(x: Value, y: Value) -> Result<Value, Fault> {
    let text = || What::Builtin(Builtin::Pow, Some(x), Some(y));
    let overflow = || Fault::new(Code::E202, text());
    if let (Value::Int(a), Value::Int(e)) = (x, y)
        && e >= 0
    {
        return match u32::try_from(e) {
            Ok(e) => a.checked_pow(e).map(Value::Int).ok_or_else(overflow),
            Err(_) => match a {
                0 | 1 => Ok(Value::Int(a)),
                -1 => Ok(Value::Int(if e % 2 == 0 { 1 } else { -1 })),
                _ => Err(overflow()),
            },
        };
    }
    let (Some(a), Some(e)) = (x.as_f64(), y.as_f64()) else {
        return Err(Fault::mismatch(text()));
    };
    if a == 0.0 && e < 0.0 {
        return Err(Fault::new(Code::E201, text()));
    }
    finite(a.powf(e), text)
}

/// `ROUND(x, d)` per spec §6.3: `d` is checked first, then `x`.
fn round(x: Value, digits: Value) -> Result<Value, Fault> {
    let Value::Int(d) = digits else {
        return Err(Fault::mismatch(What::RoundDigits(Some(digits))));
    };
    if !(-15..=15).contains(&d) {
        return Err(Fault::new(Code::E204, What::RoundDigits(Some(digits))));
    }
    let xf = match x {
        Value::Int(_) if d >= 0 => return Ok(x),
        Value::Float(f) if d >= 0 && f.abs() >= INTEGRAL_FROM => return Ok(x),
        Value::Sym(_) => {
            return Err(Fault::mismatch(What::Builtin(
                Builtin::Round,
                Some(x),
                None,
            )));
        }
        _ => x.as_f64().unwrap_or(0.0),
    };
    let scale = POWERS_OF_TEN[d.unsigned_abs() as usize];
    let r = if d >= 0 {
        (xf * scale).round() / scale
    } else {
        (xf / scale).round() * scale
    };
    finite(r, || What::Builtin(Builtin::Round, Some(x), Some(digits)))
}

/// `CHAR_AT(s, i)`: the character of Symbol `s` at 0-based Int index `i`.
pub(super) fn char_at(s: Value, i: Value, symbols: &Symbols) -> Result<char, Fault> {
    let what = || What::Builtin(Builtin::CharAt, Some(s), Some(i));
    let (Value::Sym(sym), Value::Int(index)) = (s, i) else {
        return Err(Fault::mismatch(what()));
    };
    let text = symbols.resolve(sym);
    usize::try_from(index)
        .ok()
        .and_then(|n| text.chars().nth(n))
        .ok_or_else(|| Fault::new(Code::E204, what()))
}
