//! Runtime errors (spec §7) as values, and their wording. Both backends report a
//! [`Fault`], the interpreter as it fails and the compiled path from what its module
//! stored in the error slot, and render it here with [`Fault::diagnostic`], so each
//! message is written once. Values in messages are shown as in outputs, Symbols
//! quoted and cut to a bounded excerpt ([`crate::excerpt::quoted`]).

use crate::ast::BinOp;
use crate::diagnostic::{Code, Diagnostic};
use crate::excerpt;
use crate::ir::{AggFunc, Builtin};
use crate::limits::Limits;
use crate::output::float_text;
use crate::span::Span;
use crate::value::{Sym, Symbols, Value};
use std::borrow::Cow;

/// Where a message finds the text of a Symbol it shows: the run's [`Symbols`], or
/// (on the compiled path) the module's memory, read no further than a message needs.
pub trait SymbolTexts {
    /// At least the first `max` characters of `sym`'s text (all of it when shorter),
    /// and its length in characters.
    fn head(&self, sym: Sym, max: usize) -> (Cow<'_, str>, usize);
}

impl SymbolTexts for Symbols {
    fn head(&self, sym: Sym, max: usize) -> (Cow<'_, str>, usize) {
        let text = self.resolve(sym);
        match excerpt::cut(text, max) {
            Some((head, chars)) => (Cow::Borrowed(head), chars),
            None => (Cow::Borrowed(text), text.chars().count()),
        }
    }
}

/// A runtime error without its location: its code, what failed, and the names of
/// the variables its operands were read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Fault {
    /// The error code (E2xx, E303, E4xx).
    pub code: Code,
    /// The operation that failed, with its operands.
    pub what: What,
    /// The variables operands A and B of [`What::Binary`] were read from, if any:
    /// the message then ends `… where $x = 0`.
    pub operands: [Option<String>; 2],
}

/// Which bound of a RANGE is not an Int.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// The first argument.
    Start,
    /// The second argument.
    End,
    /// The third argument.
    Step,
}

/// What failed, with the values a message shows. `None` stands for a value the
/// compiled path did not store (shown as `?`).
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// A binary operator on operands A and B.
    Binary(BinOp, Option<Value>, Option<Value>),
    /// Unary minus of A.
    Neg(Option<Value>),
    /// A built-in; for a type mismatch, the arguments shown (MIN, MAX, POW and
    /// CHAR_AT show both).
    Builtin(Builtin, Option<Value>, Option<Value>),
    /// `ROUND` digits that are not an Int (E203) or outside −15…15 (E204).
    RoundDigits(Option<Value>),
    /// A RANGE bound that is not an Int.
    RangeBound(Bound, Option<Value>),
    /// A RANGE step of 0.
    ZeroStep,
    /// A CALC that reached its END without RESULT.
    NoResult(String),
    /// A CALC local read before it is assigned.
    Local(String),
    /// A global read before its LET ran.
    Global(String),
    /// A FOR-QUERY tuple variable read outside its loop.
    TupleOutsideLoop,
    /// A tuple column (1-based) beyond the tuple's arity.
    Column {
        /// The column asked for, 1-based.
        column: u32,
        /// The tuple's arity.
        arity: u32,
    },
    /// The step limit.
    Steps,
    /// The tuple limit, while adding to the relation named.
    Tuples(String),
    /// The call depth limit, calling the CALC named.
    Depth(String),
    /// The wall-clock limit.
    Time,
    /// The run was stopped by its caller, which no longer needs it
    /// ([`crate::run_watched`]).
    Stopped,
    /// The memory limit: `Some` is the account's estimate in bytes, `None` a
    /// compiled run's linear memory that could not grow.
    Memory(Option<u64>),
    /// An aggregate (spec §9.2) over the relation named.
    Aggregate(AggFunc, String, Unaggregable),
}

/// Why an aggregate has no value (spec §9.2).
#[derive(Clone, Debug, PartialEq)]
pub enum Unaggregable {
    /// MIN, MAX or MEAN of an empty group, outside a rule (E209).
    EmptyGroup,
    /// MIN or MAX of a group holding both a number and a Symbol (E203).
    MixedGroup,
    /// SUM or MEAN of a group holding the Symbol shown (E203).
    Symbol(Option<Value>),
    /// An Int total beyond the Int range (E202), as its high and low 64 bits;
    /// `None` where it was not stored.
    Overflow(Option<(i64, u64)>),
    /// A Float total that is not finite (E205).
    NotFinite,
}

impl Fault {
    /// A fault with `code` and `what`, naming no operands.
    pub fn new(code: Code, what: What) -> Fault {
        Fault {
            code,
            what,
            operands: [None, None],
        }
    }

    /// A type mismatch (E203) of `what`.
    pub fn mismatch(what: What) -> Fault {
        Fault::new(Code::E203, what)
    }

    /// The diagnostic at `span`: the message (with `… where $x = v` naming the
    /// variable operands) and, for limits and some errors, a hint.
    pub fn diagnostic(&self, span: Span, limits: &Limits, symbols: &dyn SymbolTexts) -> Diagnostic {
        let show = |v: Option<Value>| show(v, symbols);
        let (message, hint) = self.worded(limits, symbols);
        let named: Vec<String> = self
            .operands
            .iter()
            .zip(self.values())
            .filter_map(|(name, v)| Some(format!("{} = {}", name.as_ref()?, show(Some(v?)))))
            .collect();
        let message = if named.is_empty() {
            message
        } else {
            format!("{message} where {}", named.join(", "))
        };
        let d = Diagnostic::new(self.code, span, message);
        match hint {
            Some(hint) => d.with_hint(hint),
            None => d,
        }
    }

    /// Operands A and B, for the `where` suffix.
    fn values(&self) -> [Option<Value>; 2] {
        match self.what {
            What::Binary(_, a, b) | What::Builtin(_, a, b) => [a, b],
            What::Neg(a) | What::RoundDigits(a) | What::RangeBound(_, a) => [a, None],
            _ => [None, None],
        }
    }

    /// The message and hint, without the `where` suffix.
    fn worded(&self, limits: &Limits, symbols: &dyn SymbolTexts) -> (String, Option<String>) {
        let show = |v: Option<Value>| show(v, symbols);
        let limit =
            |message: String, flag: &str| (message, Some(format!("raise the limit with {flag}")));
        let message = match (&self.what, self.code) {
            (What::Steps, _) => {
                return limit(
                    format!("step limit of {} exceeded", limits.max_steps),
                    "--max-steps",
                );
            }
            (What::Tuples(relation), _) => {
                return limit(
                    format!(
                        "tuple limit of {} exceeded while adding to `{relation}`",
                        limits.max_tuples
                    ),
                    "--max-tuples",
                );
            }
            (What::Depth(calc), _) => {
                return limit(
                    format!(
                        "call depth limit of {} exceeded calling CALC `{calc}`",
                        limits.max_depth
                    ),
                    "--max-depth",
                );
            }
            (What::Time, _) => {
                return limit(
                    format!("time limit of {} ms exceeded", limits.timeout_ms),
                    "--timeout-ms",
                );
            }
            (What::Stopped, _) => "the run was stopped".to_string(),
            (What::Memory(measure), _) => {
                let measure = match measure {
                    Some(bytes) => format!("estimate {bytes} bytes"),
                    None => "WebAssembly linear memory".to_string(),
                };
                return limit(
                    format!(
                        "memory limit of {} MiB exceeded ({measure})",
                        limits.max_memory_mb
                    ),
                    "--max-memory-mb",
                );
            }
            (What::NoResult(calc), _) => {
                return (
                    format!("CALC `{calc}` reached its END without RESULT"),
                    Some("end every path through the CALC with `RESULT expr`".to_string()),
                );
            }
            (What::Global(name), _) => {
                return (
                    format!("global `{name}` is read before it is assigned"),
                    Some(format!("run `LET {name} = …` before this point")),
                );
            }
            (What::Local(name), _) => format!("variable `{name}` is read before it is assigned"),
            (What::TupleOutsideLoop, _) => "tuple variable read outside its FOR loop".to_string(),
            (What::Column { column, arity }, _) => {
                format!("column {column} is beyond the arity {arity} of the tuple")
            }
            (What::Aggregate(func, relation, why), _) => {
                let f = func.name();
                match why {
                    Unaggregable::EmptyGroup => {
                        return (
                            format!(
                                "{f} of an empty group: no tuple of `{relation}` matches, so there is no value"
                            ),
                            Some("test COUNT(QUERY …) > 0 first".to_string()),
                        );
                    }
                    Unaggregable::MixedGroup => format!(
                        "type mismatch: {f} of `{relation}` would order a number against a Symbol"
                    ),
                    Unaggregable::Symbol(v) => {
                        format!("type mismatch: cannot apply {f} to {}", show(*v))
                    }
                    Unaggregable::Overflow(total) => {
                        let total = total.map_or("?".to_string(), |(high, low)| {
                            ((i128::from(high) << 64) | i128::from(low)).to_string()
                        });
                        format!("integer overflow: the {f} of `{relation}` is {total}")
                    }
                    Unaggregable::NotFinite => {
                        format!("not a finite number: the {f} of `{relation}`")
                    }
                }
            }
            (What::ZeroStep, _) => "RANGE step is 0".to_string(),
            (What::RoundDigits(d), Code::E204) => {
                format!(
                    "index out of range: ROUND digits {} is outside -15…15",
                    show(*d)
                )
            }
            (What::RoundDigits(d), _) => {
                format!(
                    "type mismatch: ROUND digits must be an Int, got {}",
                    show(*d)
                )
            }
            (What::RangeBound(bound, v), _) => {
                let which = match bound {
                    Bound::Start => "start",
                    Bound::End => "end",
                    Bound::Step => "step",
                };
                format!(
                    "type mismatch: cannot apply RANGE (its {which} must be an Int) to {}",
                    show(*v)
                )
            }
            (What::Builtin(Builtin::CharAt, s, i), Code::E204) => {
                let chars = match s {
                    Some(Value::Sym(s)) => symbols.head(*s, 0).1,
                    _ => 0,
                };
                format!(
                    "index out of range: CHAR_AT({}, {}) on {chars} characters",
                    show(*s),
                    show(*i)
                )
            }
            (What::Binary(BinOp::Mod, ..), Code::E201) => {
                format!("modulo by zero: {}", application(&self.what, symbols))
            }
            (what, Code::E203) => {
                format!("type mismatch: cannot apply {}", operation(what, symbols))
            }
            (what, code) => format!("{}: {}", code.summary(), application(what, symbols)),
        };
        (message, None)
    }
}

/// What a type mismatch applied, and to what: `` `+` to 1 and "a" ``.
fn operation(what: &What, symbols: &dyn SymbolTexts) -> String {
    let show = |v: Option<Value>| show(v, symbols);
    match what {
        What::Binary(op, a, b) => format!("`{}` to {} and {}", op.as_str(), show(*a), show(*b)),
        What::Neg(a) => format!("unary `-` to {}", show(*a)),
        What::Builtin(b, x, y) if shows_two(*b) => {
            format!("{} to {} and {}", b.name(), show(*x), show(*y))
        }
        What::Builtin(b, x, _) => format!("{} to {}", b.name(), show(*x)),
        _ => "?".to_string(),
    }
}

/// The failed application as written: `7 / 0`, `-(x)`, `POW(2, 64)`.
fn application(what: &What, symbols: &dyn SymbolTexts) -> String {
    let show = |v: Option<Value>| show(v, symbols);
    match what {
        What::Binary(op, a, b) => format!("{} {} {}", show(*a), op.as_str(), show(*b)),
        What::Neg(a) => format!("-({})", show(*a)),
        What::Builtin(b, x, y) if takes_two(*b) => {
            format!("{}({}, {})", b.name(), show(*x), show(*y))
        }
        What::Builtin(b, x, _) => format!("{}({})", b.name(), show(*x)),
        _ => "?".to_string(),
    }
}

/// Built-ins whose mismatch message shows both arguments.
fn shows_two(b: Builtin) -> bool {
    matches!(
        b,
        Builtin::Min | Builtin::Max | Builtin::Pow | Builtin::CharAt
    )
}

/// Built-ins whose failures are shown with two arguments (`ROUND(x, d)`).
fn takes_two(b: Builtin) -> bool {
    shows_two(b) || b == Builtin::Round
}

/// A value as messages show it: numbers as in outputs, Symbols quoted and cut to a
/// bounded excerpt; `?` for a value the compiled path did not store.
fn show(v: Option<Value>, symbols: &dyn SymbolTexts) -> String {
    match v {
        Some(Value::Sym(s)) => {
            let (head, chars) = symbols.head(s, excerpt::MAX_QUOTE);
            excerpt::quoted_head(&head, chars)
        }
        Some(Value::Int(i)) => i.to_string(),
        Some(Value::Float(f)) => float_text(f),
        None => "?".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn worded(fault: Fault, symbols: &Symbols) -> String {
        let d = fault.diagnostic(Span::default(), &Limits::default(), symbols);
        match d.hint {
            Some(hint) => format!("{} | {hint}", d.message),
            None => d.message,
        }
    }

    #[test]
    fn operators_show_their_operands_and_named_variables() {
        let s = Symbols::new();
        let (seven, zero) = (Some(Value::Int(7)), Some(Value::Int(0)));
        let mut f = Fault::new(Code::E201, What::Binary(BinOp::Div, seven, zero));
        assert_eq!(worded(f.clone(), &s), "division by zero: 7 / 0");
        f.operands[1] = Some("$n".into());
        assert_eq!(worded(f, &s), "division by zero: 7 / 0 where $n = 0");
        let f = Fault::new(Code::E202, What::Neg(Some(Value::Int(i64::MIN))));
        assert_eq!(worded(f, &s), "integer overflow: -(-9223372036854775808)");
        let f = Fault::new(
            Code::E205,
            What::Builtin(
                Builtin::Round,
                Some(Value::Float(1e308)),
                Some(Value::Int(2)),
            ),
        );
        assert_eq!(worded(f, &s), "not a finite number: ROUND(1e308, 2)");
    }

    #[test]
    fn limits_name_their_flag() {
        let s = Symbols::new();
        let f = Fault::new(Code::E405, What::Memory(Some(1050)));
        assert_eq!(
            worded(f, &s),
            "memory limit of 1024 MiB exceeded (estimate 1050 bytes) | raise the limit with --max-memory-mb"
        );
        let f = Fault::new(Code::E403, What::Depth("f".into()));
        assert_eq!(
            worded(f, &s),
            "call depth limit of 1000 exceeded calling CALC `f` | raise the limit with --max-depth"
        );
    }

    #[test]
    fn symbols_are_quoted_and_cut() {
        let mut s = Symbols::new();
        let long = Value::Sym(s.intern(&"ab".repeat(1000)));
        let f = Fault::mismatch(What::Binary(BinOp::Sub, Some(long), Some(Value::Int(1))));
        let m = worded(f, &s);
        assert_eq!(
            m,
            format!(
                "type mismatch: cannot apply `-` to \"{}…\" (2000 characters) and 1",
                "ab".repeat(100)
            )
        );
    }
}
