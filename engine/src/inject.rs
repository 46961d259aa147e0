//! Extra facts supplied by the caller (the runtime's `inputs`), added to a lowered
//! program as if they were FACT statements written right after the declarations.
//!
//! REL and CALC are hoisted (spec §3), so "right after the declarations" is before
//! every other top-level statement: the injected facts become the first steps, in the
//! order given. Text values become Symbols interned *after* the written ones, so they
//! rank as run-time Symbols (by text, spec §2.5) unless the program text writes the
//! same Symbol, whose written rank they then share. Both backends run the IR, so
//! injection works the same on both.

use crate::account::Account;
use crate::diagnostic::{Code, Diagnostic};
use crate::fault::{Fault, What};
use crate::ir::{Expr, ExprKind, Program, Step};
use crate::span::Span;
use crate::value::Value;

/// The memory estimate of one injected tuple besides its values: its FACT step.
pub const TUPLE_BYTES: u64 = size_of::<Step>() as u64 + 24;
/// The memory estimate of one injected value (besides a text's bytes): the value as
/// the caller parsed it, its constant in the program, and its share of the compiled
/// path's cache key (docs/decisions.md 103).
pub const VALUE_BYTES: u64 = (size_of::<InputValue>() + size_of::<Expr>() + 17) as u64;

/// One value of an injected tuple.
#[derive(Clone, Debug, PartialEq)]
pub enum InputValue {
    /// An Int.
    Int(i64),
    /// A number; made canonical (an integral value within i64 is an Int, spec §2.3).
    Float(f64),
    /// A Symbol's text.
    Text(String),
}

impl InputValue {
    /// The bytes of a text value's text (0 for numbers).
    pub fn text_bytes(&self) -> u64 {
        match self {
            InputValue::Text(t) => t.len() as u64,
            _ => 0,
        }
    }
}

/// The facts to inject: per relation name, its tuples, in order.
pub type Inputs = [(String, Vec<Vec<InputValue>>)];

/// Prepends one FACT step per tuple of `inputs` to `program`.
///
/// Errors (span 0..0, nothing is changed): E301 for a relation the program does not
/// declare, E303 for a tuple whose length is not the relation's arity, E205 for a
/// Float that is NaN or infinite. Each message names the input.
pub fn facts(program: &mut Program, inputs: &Inputs) -> Result<(), Diagnostic> {
    let unlimited = crate::Limits {
        max_tuples: u64::MAX,
        max_memory_mb: u64::MAX,
        ..crate::Limits::default()
    };
    facts_within(program, inputs, &mut Account::new(&unlimited))
}

/// [`facts`] under the run's `account`: more tuples than the tuple limit is E402
/// (they are counted as given, duplicates too), and the estimate of what they take
/// ([`TUPLE_BYTES`], [`VALUE_BYTES`] and each text) is charged, E405 past the limit.
pub fn facts_within(
    program: &mut Program,
    inputs: &Inputs,
    account: &mut Account,
) -> Result<(), Diagnostic> {
    let mut count = 0u64;
    let mut bytes = 0u64;
    for (name, tuples) in inputs {
        count += tuples.len() as u64;
        if count > account.limits().max_tuples {
            let fault = Fault::new(Code::E402, What::Tuples(name.clone()));
            return Err(account.limit_error(&fault, Span::new(0, 0)));
        }
        for tuple in tuples {
            bytes += TUPLE_BYTES + tuple.len() as u64 * VALUE_BYTES;
            bytes += tuple.iter().map(InputValue::text_bytes).sum::<u64>();
        }
    }
    if let Err(fault) = account.charge(bytes) {
        return Err(account.limit_error(&fault, Span::new(0, 0)));
    }
    if inputs.is_empty() {
        return Ok(());
    }
    let mut steps = Vec::new();
    let mut symbols = program.symbols.clone();
    for (name, tuples) in inputs {
        let (rel, relation) = program
            .relations
            .iter()
            .enumerate()
            .find(|(_, r)| r.name == *name)
            .ok_or_else(|| {
                error(
                    Code::E301,
                    format!("input relation `{name}` is not declared"),
                )
                .with_hint(format!("add `REL {name}` to the program"))
            })?;
        for (i, tuple) in tuples.iter().enumerate() {
            if tuple.len() != relation.arity as usize {
                return Err(error(
                    Code::E303,
                    format!(
                        "input tuple {} of `{name}` has {} values, but `{name}` has arity {}",
                        i + 1,
                        tuple.len(),
                        relation.arity
                    ),
                ));
            }
            let args = tuple
                .iter()
                .map(|v| {
                    let value = match v {
                        InputValue::Int(n) => Value::Int(*n),
                        InputValue::Float(x) => Value::number(*x).ok_or_else(|| {
                            error(
                                Code::E205,
                                format!("input tuple {} of `{name}` holds {x}", i + 1),
                            )
                        })?,
                        InputValue::Text(t) => Value::Sym(symbols.intern(t)),
                    };
                    Ok(constant(value))
                })
                .collect::<Result<_, Diagnostic>>()?;
            steps.push(Step::Fact {
                rel: crate::ir::RelId(rel as u32),
                args,
                span: Span::new(0, 0),
            });
        }
    }
    program.symbols = symbols;
    program.steps.splice(0..0, steps);
    Ok(())
}

fn error(code: Code, message: String) -> Diagnostic {
    Diagnostic::new(code, Span::new(0, 0), message)
}

fn constant(value: Value) -> Expr {
    Expr {
        kind: ExprKind::Const(value),
        span: Span::new(0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Limits, compile, run};

    fn program(source: &str) -> Program {
        compile(source, &Limits::default())
            .program
            .expect("program compiles")
    }

    fn text(t: &str) -> InputValue {
        InputValue::Text(t.to_string())
    }

    fn run_with(source: &str, inputs: &Inputs) -> Result<Vec<String>, Diagnostic> {
        let mut p = program(source);
        facts(&mut p, inputs)?;
        let r = run(&p, &Limits::default());
        assert!(r.error.is_none(), "{:?}", r.error);
        Ok(r.outputs
            .iter()
            .map(|o| crate::output::output_text(o, &r.symbols))
            .collect())
    }

    #[test]
    fn facts_come_before_every_statement_and_feed_rules() {
        let src = "QUERY e ? ?\nREL e\nREL p\nRULE p: SCAN e, EMIT p $1 $0\nSOLVE\nQUERY p ? ?";
        let inputs = [(
            "e".to_string(),
            vec![
                vec![InputValue::Int(1), InputValue::Float(2.0)],
                vec![InputValue::Float(2.5), text("x")],
            ],
        )];
        assert_eq!(
            run_with(src, &inputs).unwrap(),
            ["(1, 2), (2.5, x)", "(2, 1), (x, 2.5)"]
        );
    }

    #[test]
    fn injected_symbols_rank_by_text_unless_written() {
        let src = "REL r\nFACT r zed\nFACT r mid\nQUERY r ?";
        let inputs = [(
            "r".to_string(),
            vec![vec![text("b")], vec![text("mid")], vec![text("a")]],
        )];
        assert_eq!(run_with(src, &inputs).unwrap(), ["zed, mid, a, b"]);
        let mut p = program(src);
        facts(&mut p, &inputs).unwrap();
        assert_eq!((p.symbols.written(), p.symbols.len()), (2, 4));
    }

    #[test]
    fn unknown_relations_bad_arities_and_non_finite_numbers_are_refused() {
        let src = "REL r\nFACT r 1 2";
        let err = |inputs: &Inputs| {
            let mut p = program(src);
            let steps = p.steps.len();
            let e = facts(&mut p, inputs).expect_err("refused");
            assert_eq!((p.steps.len(), e.span), (steps, Span::new(0, 0)));
            (e.code, e.message)
        };
        let (code, message) = err(&[("s".to_string(), vec![])]);
        assert_eq!(code, Code::E301);
        assert!(message.contains("`s`"), "{message}");
        let (code, message) = err(&[("r".to_string(), vec![vec![InputValue::Int(1)]])]);
        assert_eq!(code, Code::E303);
        assert!(message.contains("tuple 1 of `r`"), "{message}");
        let nan = vec![vec![InputValue::Int(1), InputValue::Float(f64::NAN)]];
        assert_eq!(err(&[("r".to_string(), nan)]).0, Code::E205);
    }
}
