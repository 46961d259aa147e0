//! Lowering of CALC functions (spec §6): variables become local slots, FOR-QUERY
//! loops get tuple slots.

use super::Lowerer;
use super::expr::Scope;
use crate::ast::{CalcDef, CalcStmt, CalcStmtKind, VarName};
use crate::check::CalcScope;
use crate::ir::{Function, Stmt, TupleSlot, VarSlot};
use crate::span::Span;

pub(super) fn lower_calc<'n>(
    cx: &mut Lowerer<'_>,
    def: &'n CalcDef<'_>,
    scope: &CalcScope<'n>,
    span: Span,
) -> Function {
    let mut b = BodyLowerer {
        cx,
        scope,
        tuples: Vec::new(),
        tuple_count: 0,
    };
    let body = b.stmts(&def.body);
    Function {
        name: def.name.text.to_string(),
        span,
        params: def.params.len() as u32,
        locals: scope.locals.len() as u32,
        local_names: scope.locals.iter().map(VarName::written).collect(),
        tuples: b.tuple_count,
        body,
    }
}

struct BodyLowerer<'a, 'b, 'n> {
    cx: &'a mut Lowerer<'b>,
    scope: &'a CalcScope<'n>,
    /// Enclosing FOR-QUERY tuple variables, innermost last.
    tuples: Vec<(&'n str, TupleSlot)>,
    tuple_count: u32,
}

impl<'n> BodyLowerer<'_, '_, 'n> {
    fn stmts(&mut self, body: &'n [CalcStmt<'_>]) -> Vec<Stmt> {
        body.iter().map(|s| self.stmt(s)).collect()
    }

    fn expr(&mut self, e: &crate::ast::Expr<'n>) -> crate::ir::Expr {
        let scope = Scope::Calc {
            scope: self.scope,
            tuples: &self.tuples,
        };
        self.cx.expr(e, &scope)
    }

    fn slot(&self, var: &crate::ast::Var<'n>) -> VarSlot {
        self.scope.slot(&var.name).unwrap_or(VarSlot(0))
    }

    fn stmt(&mut self, s: &'n CalcStmt<'_>) -> Stmt {
        let span = s.span;
        match &s.kind {
            CalcStmtKind::Let { var, expr } => Stmt::Let {
                slot: self.slot(var),
                expr: self.expr(expr),
                span,
            },
            CalcStmtKind::If {
                cond,
                then_body,
                else_body,
            } => Stmt::If {
                cond: self.expr(cond),
                then_body: self.stmts(then_body),
                else_body: else_body
                    .as_deref()
                    .map(|b| self.stmts(b))
                    .unwrap_or_default(),
                span,
            },
            CalcStmtKind::ForRange {
                var,
                start,
                end,
                step,
                body,
            } => Stmt::ForRange {
                slot: self.slot(var),
                start: self.expr(start),
                end: self.expr(end),
                step: step.as_ref().map(|e| self.expr(e)),
                body: self.stmts(body),
                span,
            },
            CalcStmtKind::While { cond, body } => Stmt::While {
                cond: self.expr(cond),
                body: self.stmts(body),
                span,
            },
            CalcStmtKind::ForQuery { tuple, query, body } => {
                let rel = self.cx.rel(&query.rel.text);
                let pattern = {
                    let scope = Scope::Calc {
                        scope: self.scope,
                        tuples: &self.tuples,
                    };
                    self.cx.pattern(&query.args, &scope)
                };
                let slot = TupleSlot(self.tuple_count);
                self.tuple_count += 1;
                self.tuples.push((&tuple.text, slot));
                let body = self.stmts(body);
                self.tuples.pop();
                Stmt::ForQuery {
                    tuple: slot,
                    rel,
                    pattern,
                    body,
                    span,
                }
            }
            CalcStmtKind::Result(expr) => Stmt::Result {
                expr: self.expr(expr),
                span,
            },
            CalcStmtKind::Break => Stmt::Break(span),
            CalcStmtKind::Continue => Stmt::Continue(span),
        }
    }
}
