//! Lowering of expressions: variables resolve to slots or globals, literals to
//! canonical constants (spec §2.3), calls to function ids and built-ins, aggregates
//! to [`ir::Aggregate`]s (spec §9.2).

use super::Lowerer;
use crate::ast::{self, AggFunc, ExprKind, VarName};
use crate::check::{CalcScope, RuleBinding, field_column};
use crate::ir::{self, Builtin, FuncId, GlobalId, MemoId, TupleSlot, VarSlot};
use crate::value::Value;

/// Where an expression stands, deciding what its variables mean.
pub(super) enum Scope<'a> {
    /// Top-level statements see globals.
    TopLevel,
    /// Rule variables are the rule's own slots.
    Rule(&'a RuleBinding<'a>),
    /// CALC bodies see their locals, then globals; `tuples` are the enclosing FOR-QUERY loops.
    Calc {
        /// The function's locals.
        scope: &'a CalcScope<'a>,
        /// Enclosing tuple variables, innermost last.
        tuples: &'a [(&'a str, TupleSlot)],
    },
}

impl Lowerer<'_> {
    pub(super) fn expr(&mut self, e: &ast::Expr, scope: &Scope<'_>) -> ir::Expr {
        let kind = match &e.kind {
            ExprKind::Int(i) => ir::ExprKind::Const(Value::Int(*i)),
            ExprKind::Float(f) => {
                ir::ExprKind::Const(Value::number(*f).unwrap_or(Value::Float(*f)))
            }
            ExprKind::Sym { text, .. } => {
                ir::ExprKind::Const(Value::Sym(self.symbols.intern(text)))
            }
            ExprKind::Var(name) => self.var(name, scope),
            ExprKind::Field { tuple, field } => {
                let slot = match scope {
                    Scope::Calc { tuples, .. } => tuples
                        .iter()
                        .rev()
                        .find(|(t, _)| *t == tuple.text)
                        .map_or(TupleSlot(0), |t| t.1),
                    _ => TupleSlot(0),
                };
                ir::ExprKind::Field {
                    tuple: slot,
                    col: field_column(&field.text).unwrap_or(0),
                }
            }
            ExprKind::Paren(inner) => return self.expr(inner, scope),
            ExprKind::Prefix { ops, operand } => ir::ExprKind::Prefix {
                ops: ops.clone(),
                operand: Box::new(self.expr(operand, scope)),
            },
            ExprKind::Chain { first, rest } => ir::ExprKind::Chain {
                first: Box::new(self.expr(first, scope)),
                rest: rest
                    .iter()
                    .map(|(op, span, e)| (*op, *span, self.expr(e, scope)))
                    .collect(),
            },
            ExprKind::CalcCall { name, args } => ir::ExprKind::Call {
                func: self.checked.func(&name.text).unwrap_or(FuncId(0)),
                args: args.iter().map(|a| self.expr(a, scope)).collect(),
            },
            ExprKind::BuiltinCall { name, args } => ir::ExprKind::Builtin {
                builtin: Builtin::from_name(&name.text).unwrap_or(Builtin::Abs),
                args: args.iter().map(|a| self.expr(a, scope)).collect(),
            },
            ExprKind::Aggregate(agg) => {
                let in_rule = matches!(scope, Scope::Rule(_));
                self.aggregate(agg.func, &agg.query, scope, in_rule)
            }
        };
        ir::Expr { kind, span: e.span }
    }

    /// An aggregate (spec §9.2). Written in a rule (`in_rule`), it gets a memo and,
    /// when it has a group, an index on the group columns.
    fn aggregate(
        &mut self,
        func: AggFunc,
        query: &ast::QueryPattern,
        scope: &Scope<'_>,
        in_rule: bool,
    ) -> ir::ExprKind {
        let rel = self.rel(&query.rel.text);
        let pattern = self.pattern(&query.args, scope);
        let mut open = pattern.iter().enumerate().filter(|(_, a)| a.is_none());
        let value = open
            .next_back()
            .map(|(c, _)| c as u32)
            .filter(|_| func.reads_value());
        let group: Vec<u32> = (0..pattern.len() as u32)
            .filter(|&c| pattern[c as usize].is_some())
            .collect();
        let index = (in_rule && !group.is_empty()).then(|| self.index(rel, group));
        let memo = in_rule.then(|| {
            self.memos += 1;
            MemoId(self.memos - 1)
        });
        ir::ExprKind::Aggregate(Box::new(ir::Aggregate {
            func,
            rel,
            pattern,
            value,
            index,
            memo,
        }))
    }

    fn var(&self, name: &VarName, scope: &Scope<'_>) -> ir::ExprKind {
        let global = || ir::ExprKind::Global(self.checked.global(name).unwrap_or(GlobalId(0)));
        match scope {
            Scope::TopLevel => global(),
            Scope::Rule(binding) => ir::ExprKind::Local(binding.slot(name).unwrap_or(VarSlot(0))),
            Scope::Calc { scope, .. } => match scope.slot(name) {
                Some(slot) => ir::ExprKind::Local(slot),
                None => global(),
            },
        }
    }
}
