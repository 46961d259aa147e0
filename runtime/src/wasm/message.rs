//! The wording of runtime errors raised by a compiled module: rebuilt from the
//! error slot (code, detail, operands) and the site's name, as the interpreter words
//! them (including the `where $x = …` suffix naming variable operands).

use bytelogic_codegen::abi::Detail;
use bytelogic_engine::ir::{AggFunc, Builtin};
use bytelogic_engine::output::value_text;
use bytelogic_engine::{Code, Diagnostic, Limits, Span, Symbols, Value};

/// What the module stored about an error.
pub struct Fault {
    /// The code.
    pub code: Code,
    /// Where.
    pub span: Span,
    /// Which operation.
    pub detail: Detail,
    /// The operands (if stored).
    pub a: Option<Value>,
    /// The second operand (if stored).
    pub b: Option<Value>,
    /// The site's name (variable, CALC or relation).
    pub name: Option<String>,
    /// Variable names of the operands A and B, where they are variables.
    pub operands: [Option<String>; 2],
}

/// A value as shown in messages: numbers as in outputs, Symbols quoted.
fn show(v: Option<Value>, symbols: &Symbols) -> String {
    match v {
        Some(Value::Sym(s)) => format!("{:?}", symbols.resolve(s)),
        Some(v) => value_text(v, symbols),
        None => "?".into(),
    }
}

fn limit(code: Code, span: Span, message: String, flag: &str) -> Diagnostic {
    Diagnostic::new(code, span, message).with_hint(format!("raise the limit with {flag}"))
}

/// The diagnostic for `fault` under `limits`; an operator's message ends with the
/// values of its operands that are variables (`… where $x = 0`).
pub fn diagnostic(fault: &Fault, limits: &Limits, symbols: &Symbols) -> Diagnostic {
    let mut d = worded(fault, limits, symbols);
    let named: Vec<String> = fault
        .operands
        .iter()
        .zip([fault.a, fault.b])
        .filter_map(|(name, v)| Some(format!("{} = {}", name.as_ref()?, show(v, symbols))))
        .collect();
    if !named.is_empty() {
        d.message = format!("{} where {}", d.message, named.join(", "));
    }
    d
}

fn worded(fault: &Fault, limits: &Limits, symbols: &Symbols) -> Diagnostic {
    let (a, b) = (show(fault.a, symbols), show(fault.b, symbols));
    let name = fault.name.as_deref().unwrap_or("?");
    let span = fault.span;
    let call = |b_: Builtin| match b_ {
        Builtin::Pow | Builtin::Round | Builtin::Min | Builtin::Max | Builtin::CharAt => {
            format!("{}({a}, {b})", b_.name())
        }
        _ => format!("{}({a})", b_.name()),
    };
    let text = match fault.detail {
        Detail::BinOp(op) => format!("{a} {} {b}", op.as_str()),
        Detail::Builtin(x) => call(x),
        Detail::Neg => format!("-({a})"),
        _ => a.clone(),
    };
    let mismatch = |what: &str, two: bool| {
        let shown = if two {
            format!("{a} and {b}")
        } else {
            a.clone()
        };
        format!("type mismatch: cannot apply {what} to {shown}")
    };
    if let Detail::Aggregate(func) = fault.detail {
        return aggregate(fault, func, &a);
    }
    let message = match fault.code {
        Code::E201 => match fault.detail {
            Detail::BinOp(bytelogic_engine::ast::BinOp::Mod) => format!("modulo by zero: {text}"),
            _ => format!("division by zero: {text}"),
        },
        Code::E202 => format!("integer overflow: {text}"),
        Code::E203 => match fault.detail {
            Detail::BinOp(op) => mismatch(&format!("`{}`", op.as_str()), true),
            Detail::Neg => mismatch("unary `-`", false),
            Detail::RoundDigits => format!("type mismatch: ROUND digits must be an Int, got {a}"),
            Detail::RangeBound => {
                let which = match fault.b {
                    Some(Value::Int(0)) => "start",
                    Some(Value::Int(1)) => "end",
                    _ => "step",
                };
                mismatch(&format!("RANGE (its {which} must be an Int)"), false)
            }
            Detail::Builtin(x) => {
                let two = matches!(
                    x,
                    Builtin::Min | Builtin::Max | Builtin::Pow | Builtin::CharAt
                );
                mismatch(x.name(), two)
            }
            _ => "type mismatch".into(),
        },
        Code::E204 => match fault.detail {
            Detail::RoundDigits => {
                format!("index out of range: ROUND digits {a} is outside -15…15")
            }
            _ => {
                let n = match fault.a {
                    Some(Value::Sym(s)) => symbols.resolve(s).chars().count(),
                    _ => 0,
                };
                format!("index out of range: CHAR_AT({a}, {b}) on {n} characters")
            }
        },
        Code::E205 => format!("not a finite number: {text}"),
        Code::E206 => {
            return Diagnostic::new(
                fault.code,
                span,
                format!("CALC `{name}` reached its END without RESULT"),
            )
            .with_hint("end every path through the CALC with `RESULT expr`");
        }
        Code::E207 => "RANGE step is 0".into(),
        Code::E208 => match fault.detail {
            Detail::GlobalVar => {
                return Diagnostic::new(
                    fault.code,
                    span,
                    format!("global `{name}` is read before it is assigned"),
                )
                .with_hint(format!("run `LET {name} = …` before this point"));
            }
            Detail::TupleVar => "tuple variable read outside its FOR loop".into(),
            _ => format!("variable `{name}` is read before it is assigned"),
        },
        Code::E303 => {
            let (col, arity) = name.split_once(' ').unwrap_or((name, "?"));
            format!("column {col} is beyond the arity {arity} of the tuple")
        }
        Code::E401 => {
            let m = format!("step limit of {} exceeded", limits.max_steps);
            return limit(fault.code, span, m, "--max-steps");
        }
        Code::E402 => {
            let m = format!(
                "tuple limit of {} exceeded while adding to `{name}`",
                limits.max_tuples
            );
            return limit(fault.code, span, m, "--max-tuples");
        }
        Code::E403 => {
            let m = format!(
                "call depth limit of {} exceeded calling CALC `{name}`",
                limits.max_depth
            );
            return limit(fault.code, span, m, "--max-depth");
        }
        Code::E404 => {
            let m = format!("time limit of {} ms exceeded", limits.timeout_ms);
            return limit(fault.code, span, m, "--timeout-ms");
        }
        Code::E405 => {
            let m = format!(
                "memory limit of {} MiB exceeded (WebAssembly linear memory)",
                limits.max_memory_mb
            );
            return limit(fault.code, span, m, "--max-memory-mb");
        }
        other => other.summary().into(),
    };
    Diagnostic::new(fault.code, span, message)
}

/// The errors of an aggregate over the relation its site names (spec §9.2), worded as
/// the interpreter's `aggregate.rs` words them; `a` is operand A as shown.
fn aggregate(fault: &Fault, func: AggFunc, a: &str) -> Diagnostic {
    let (f, rel) = (func.name(), fault.name.as_deref().unwrap_or("?"));
    let message = match fault.code {
        Code::E209 => {
            return Diagnostic::new(
                fault.code,
                fault.span,
                format!("{f} of an empty group: no tuple of `{rel}` matches, so there is no value"),
            )
            .with_hint("test COUNT(QUERY …) > 0 first");
        }
        Code::E203 if matches!(func, AggFunc::Min | AggFunc::Max) => {
            format!("type mismatch: {f} of `{rel}` would order a number against a Symbol")
        }
        Code::E203 => format!("type mismatch: cannot apply {f} to {a}"),
        Code::E202 => {
            // Operand A holds the total's low 64 bits, B its high ones.
            let half = |v: Option<Value>| match v {
                Some(Value::Int(i)) => i,
                _ => 0,
            };
            let total = (i128::from(half(fault.b)) << 64) | i128::from(half(fault.a) as u64);
            format!("integer overflow: the {f} of `{rel}` is {total}")
        }
        Code::E205 => format!("not a finite number: the {f} of `{rel}`"),
        other => other.summary().into(),
    };
    Diagnostic::new(fault.code, fault.span, message)
}
