//! Expression evaluation (spec §6.3): variables, prefix operators, operator chains
//! with short-circuit `AND`/`OR`, built-in calls, and the Symbols made at run time.

use super::budget::SYMBOL_OVERHEAD;
use super::relation::Relation;
use super::{Env, Machine, Res, arith, builtin, guarded};
use crate::ast::BinOp;
use crate::diagnostic::{Code, Diagnostic};
use crate::ir::{Builtin, Expr, ExprKind, GlobalId, TupleSlot, VarSlot};
use crate::span::Span;
use crate::value::{Sym, Value};
use smallvec::SmallVec;

impl Machine<'_> {
    /// Evaluates `e` in `env`, reading relations `rels` for FOR-QUERY loops of calls.
    pub(super) fn eval(&mut self, rels: &[Relation], env: Env<'_>, e: &Expr) -> Res<Value> {
        match &e.kind {
            ExprKind::Const(v) => Ok(*v),
            ExprKind::Local(slot) => self.local(env, *slot, e.span),
            ExprKind::Global(global) => self.global(*global, e.span),
            ExprKind::Field { tuple, col } => field(env, *tuple, *col, e.span),
            ExprKind::Prefix { ops, operand } => guarded(|| {
                let mut v = self.eval(rels, env, operand)?;
                for &(op, span) in ops.iter().rev() {
                    v = arith::unary(op, v, &self.symbols).map_err(|f| f.at(span))?;
                }
                Ok(v)
            }),
            ExprKind::Chain { first, rest } => guarded(|| {
                let mut acc = self.eval(rels, env, first)?;
                for (i, (op, span, rhs)) in rest.iter().enumerate() {
                    acc = match op {
                        BinOp::And if !acc.is_true() => Value::Int(0),
                        BinOp::Or if acc.is_true() => Value::Int(1),
                        _ => {
                            let b = self.eval(rels, env, rhs)?;
                            self.binary(*op, acc, b, *span).map_err(|mut d| {
                                let lhs = (i == 0).then_some((&**first, acc));
                                self.name_operands(&mut d, env, lhs.into_iter().chain([(rhs, b)]));
                                d
                            })?
                        }
                    };
                }
                Ok(acc)
            }),
            // `call` runs the body through `block`, which is guarded.
            ExprKind::Call { func, args } => self.call(rels, env, *func, args, e.span),
            ExprKind::Builtin { builtin, args } => {
                guarded(|| self.builtin(rels, env, *builtin, args, e.span))
            }
            ExprKind::Aggregate(agg) => guarded(|| self.aggregate(rels, env, agg, e.span)),
        }
    }

    fn local(&self, env: Env<'_>, slot: VarSlot, span: Span) -> Res<Value> {
        let found = match env {
            Env::Top => None,
            Env::Rule { slots, .. } => slots.get(slot.index()).copied(),
            Env::Calc { frame, .. } => frame.local(slot),
        };
        found.ok_or_else(|| {
            let name = env.local_name(slot).unwrap_or("?");
            Box::new(Diagnostic::new(
                Code::E208,
                span,
                format!("variable `{name}` is read before it is assigned"),
            ))
        })
    }

    fn global(&self, global: GlobalId, span: Span) -> Res<Value> {
        self.globals
            .get(global.index())
            .copied()
            .flatten()
            .ok_or_else(|| {
                let name = self
                    .program
                    .globals
                    .get(global.index())
                    .map_or("?", String::as_str);
                Box::new(
                    Diagnostic::new(
                        Code::E208,
                        span,
                        format!("global `{name}` is read before it is assigned"),
                    )
                    .with_hint(format!("run `LET {name} = …` before this point")),
                )
            })
    }

    /// Appends the values of the operands that are variables to an error message:
    /// `division by zero: 7 / 0 where $count = 0`.
    fn name_operands<'e>(
        &self,
        d: &mut Diagnostic,
        env: Env<'_>,
        operands: impl Iterator<Item = (&'e Expr, Value)>,
    ) {
        let named: Vec<String> = operands
            .filter_map(|(e, v)| {
                let name = match e.kind {
                    ExprKind::Local(slot) => env.local_name(slot),
                    ExprKind::Global(g) => self.program.globals.get(g.index()).map(String::as_str),
                    _ => None,
                }?;
                Some(format!("{name} = {}", arith::show(v, &self.symbols)))
            })
            .collect();
        if !named.is_empty() {
            d.message = format!("{} where {}", d.message, named.join(", "));
        }
    }

    /// Applies binary operator `op` at `span` to evaluated operands.
    fn binary(&mut self, op: BinOp, a: Value, b: Value, span: Span) -> Res<Value> {
        if let (BinOp::Add, Value::Sym(x), Value::Sym(y)) = (op, a, b) {
            return self.concat(x, y, span);
        }
        arith::binary(op, a, b, &self.symbols).map_err(|f| f.at(span))
    }

    /// `x + y` on two Symbols: charged to the memory estimate before it is built.
    fn concat(&mut self, x: Sym, y: Sym, span: Span) -> Res<Value> {
        let len = self.symbols.resolve(x).len() + self.symbols.resolve(y).len();
        let bytes = len as u64 + SYMBOL_OVERHEAD;
        self.budget.charge(bytes, span)?;
        let mut text = String::with_capacity(len);
        text.push_str(self.symbols.resolve(x));
        text.push_str(self.symbols.resolve(y));
        if self.symbols.get(&text).is_some() {
            self.budget.release(bytes);
        }
        Ok(Value::Sym(self.symbols.intern(&text)))
    }

    fn builtin(
        &mut self,
        rels: &[Relation],
        env: Env<'_>,
        builtin: Builtin,
        args: &[Expr],
        span: Span,
    ) -> Res<Value> {
        let mut values = SmallVec::<[Value; 2]>::new();
        for arg in args {
            values.push(self.eval(rels, env, arg)?);
        }
        match (builtin, values.as_slice()) {
            (Builtin::CharAt, &[s, i]) => {
                let c = builtin::char_at(s, i, &self.symbols).map_err(|f| f.at(span))?;
                let mut buf = [0u8; 4];
                let text = c.encode_utf8(&mut buf);
                if let Some(sym) = self.symbols.get(text) {
                    return Ok(Value::Sym(sym));
                }
                self.budget
                    .charge(text.len() as u64 + SYMBOL_OVERHEAD, span)?;
                Ok(Value::Sym(self.symbols.intern(text)))
            }
            (_, values) => builtin::apply(builtin, values, &self.symbols).map_err(|f| f.at(span)),
        }
    }
}

/// Column `col` of FOR-QUERY tuple `tuple`.
fn field(env: Env<'_>, tuple: TupleSlot, col: u32, span: Span) -> Res<Value> {
    let row = match env {
        Env::Calc { frame, .. } => frame.tuple(tuple).filter(|row| !row.is_empty()),
        _ => None,
    };
    let Some(row) = row else {
        return Err(Box::new(Diagnostic::new(
            Code::E208,
            span,
            "tuple variable read outside its FOR loop",
        )));
    };
    row.get(col as usize).copied().ok_or_else(|| {
        Box::new(Diagnostic::new(
            Code::E303,
            span,
            format!(
                "column {} is beyond the arity {} of the tuple",
                col + 1,
                row.len()
            ),
        ))
    })
}
