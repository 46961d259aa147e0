//! Expression evaluation (spec §6.3): variables, prefix operators, operator chains
//! with short-circuit `AND`/`OR`, built-in calls, and the Symbols made at run time.

use super::budget::SYMBOL_OVERHEAD;
use super::relation::Relation;
use super::{Env, Machine, Res, arith, builtin};
use crate::ast::BinOp;
use crate::diagnostic::Code;
use crate::fault::{Fault, What};
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
            ExprKind::Field { tuple, col } => {
                field(env, *tuple, *col).map_err(|f| self.fail(&f, e.span))
            }
            ExprKind::Prefix { ops, operand } => self.guarded(e.span, |m| {
                let mut v = m.eval(rels, env, operand)?;
                for &(op, span) in ops.iter().rev() {
                    v = arith::unary(op, v).map_err(|f| m.fail(&f, span))?;
                }
                Ok(v)
            }),
            ExprKind::Chain { first, rest } => self.guarded(e.span, |m| {
                let mut acc = m.eval(rels, env, first)?;
                for (i, (op, span, rhs)) in rest.iter().enumerate() {
                    acc = match op {
                        BinOp::And if !acc.is_true() => Value::Int(0),
                        BinOp::Or if acc.is_true() => Value::Int(1),
                        _ => {
                            let b = m.eval(rels, env, rhs)?;
                            m.binary(*op, acc, b).map_err(|mut fault| {
                                let lhs = (i == 0).then(|| m.variable(env, first)).flatten();
                                fault.operands = [lhs, m.variable(env, rhs)];
                                m.fail(&fault, *span)
                            })?
                        }
                    };
                }
                Ok(acc)
            }),
            // `call` runs the body through `block`, which is guarded.
            ExprKind::Call { func, args } => self.call(rels, env, *func, args, e.span),
            ExprKind::Builtin { builtin, args } => {
                self.guarded(e.span, |m| m.builtin(rels, env, *builtin, args, e.span))
            }
            // A group of variables and constants evaluates nothing that could
            // recurse: no stack check (the common case, a rule's `COUNT(QUERY r $0 ?)`).
            ExprKind::Aggregate(agg)
                if agg
                    .group()
                    .all(|g| matches!(g.kind, ExprKind::Local(_) | ExprKind::Const(_))) =>
            {
                self.aggregate(rels, env, agg, e.span)
            }
            ExprKind::Aggregate(agg) => {
                self.guarded(e.span, |m| m.aggregate(rels, env, agg, e.span))
            }
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
            self.fail(&Fault::new(Code::E208, What::Local(name.to_string())), span)
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
                self.fail(
                    &Fault::new(Code::E208, What::Global(name.to_string())),
                    span,
                )
            })
    }

    /// The name of the variable `e` reads, when it is one: an error message names
    /// the operands that are variables (`division by zero: 7 / 0 where $count = 0`).
    fn variable(&self, env: Env<'_>, e: &Expr) -> Option<String> {
        let name = match e.kind {
            ExprKind::Local(slot) => env.local_name(slot),
            ExprKind::Global(g) => self.program.globals.get(g.index()).map(String::as_str),
            _ => None,
        }?;
        Some(name.to_string())
    }

    /// Applies binary operator `op` to evaluated operands.
    fn binary(&mut self, op: BinOp, a: Value, b: Value) -> Result<Value, Fault> {
        if let (BinOp::Add, Value::Sym(x), Value::Sym(y)) = (op, a, b) {
            return self.concat(x, y);
        }
        arith::binary(op, a, b, &self.symbols)
    }

    /// `x + y` on two Symbols: charged to the memory estimate before it is built,
    /// and built and interned a slice at a time with the clock read between slices.
    fn concat(&mut self, x: Sym, y: Sym) -> Result<Value, Fault> {
        let (a, b) = (self.symbols.resolve(x), self.symbols.resolve(y));
        let len = a.len() + b.len();
        let bytes = len as u64 + SYMBOL_OVERHEAD;
        self.budget.charge_fault(bytes)?;
        let mut text = String::with_capacity(len);
        for part in [a, b] {
            for piece in char_slices(part, SLICE) {
                if len > SLICE {
                    self.budget.clock()?;
                }
                text.push_str(piece);
            }
        }
        let budget = &self.budget;
        let (sym, new) = self.symbols.intern_made(text, || budget.clock())?;
        if !new {
            self.budget.release(bytes);
        }
        Ok(Value::Sym(sym))
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
                let c = builtin::char_at(s, i, &self.symbols).map_err(|f| self.fail(&f, span))?;
                let mut buf = [0u8; 4];
                let text = c.encode_utf8(&mut buf);
                if let Some(sym) = self.symbols.get(text) {
                    return Ok(Value::Sym(sym));
                }
                self.budget
                    .charge(text.len() as u64 + SYMBOL_OVERHEAD, span)?;
                Ok(Value::Sym(self.symbols.intern(text)))
            }
            (_, values) => {
                builtin::apply(builtin, values, &self.symbols).map_err(|f| self.fail(&f, span))
            }
        }
    }
}

/// Bytes copied between two readings of the clock when a large Symbol is built.
const SLICE: usize = 1 << 20;

/// `text` in pieces of about `size` bytes, cut at character boundaries.
fn char_slices(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = size.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// Column `col` of FOR-QUERY tuple `tuple`.
fn field(env: Env<'_>, tuple: TupleSlot, col: u32) -> Result<Value, Fault> {
    let row = match env {
        Env::Calc { frame, .. } => frame.tuple(tuple).filter(|row| !row.is_empty()),
        _ => None,
    };
    let Some(row) = row else {
        return Err(Fault::new(Code::E208, What::TupleOutsideLoop));
    };
    row.get(col as usize).copied().ok_or_else(|| {
        let column = What::Column {
            column: col + 1,
            arity: row.len() as u32,
        };
        Fault::new(Code::E303, column)
    })
}
