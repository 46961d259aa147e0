//! Statement order (spec §3): a QUERY of a relation derived by an earlier RULE needs
//! a SOLVE in between (E302); a QUERY before any SOLVE gets warning W002. An
//! aggregate in a top-level LET or RESULT (its CALC call arguments included, not
//! CALC bodies) reads its relation as such a QUERY does (spec §9.2).

use super::walk::walk_expr;
use crate::ast::{ClauseKind, ExprKind, Program, StmtKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;
use hashbrown::HashSet;

/// Checks every top-level QUERY and aggregate against the RULEs and SOLVEs before it.
pub fn check_query_order(program: &Program, diagnostics: &mut Vec<Diagnostic>) {
    let mut order = Order {
        unsolved: HashSet::new(),
        solved_once: false,
        diagnostics,
    };
    for stmt in &program.stmts {
        match &stmt.kind {
            StmtKind::Rule(rule) => {
                for clause in &rule.clauses {
                    if let ClauseKind::Emit { rel, .. } = &clause.kind {
                        order.unsolved.insert(&rel.text);
                    }
                }
            }
            StmtKind::Solve => {
                order.unsolved.clear();
                order.solved_once = true;
            }
            StmtKind::Query(q) => order.read(&q.rel.text, stmt.span, "QUERY"),
            StmtKind::Let { expr, .. } | StmtKind::Result(expr) => walk_expr(expr, &mut |e| {
                if let ExprKind::Aggregate(agg) = &e.kind {
                    order.read(&agg.query.rel.text, e.span, agg.func.name());
                }
            }),
            _ => {}
        }
    }
}

/// The RULEs and SOLVEs seen so far.
struct Order<'a, 'd> {
    /// Relations derived by rules registered since the last SOLVE.
    unsolved: HashSet<&'a str>,
    solved_once: bool,
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl Order<'_, '_> {
    /// A top-level read of `rel` at `span` by `what` (QUERY or an aggregate's name).
    fn read(&mut self, rel: &str, span: Span, what: &str) {
        if self.unsolved.contains(rel) {
            self.diagnostics.push(
                Diagnostic::new(
                    Code::E302,
                    span,
                    format!(
                        "{what} of `{rel}`, which a RULE above derives, with no SOLVE in between"
                    ),
                )
                .with_hint(format!("add `SOLVE` before this {what}")),
            );
        } else if !self.solved_once {
            self.diagnostics.push(
                Diagnostic::new(
                    Code::W002,
                    span,
                    format!("{what} of `{rel}` before any SOLVE"),
                )
                .with_hint(format!("add `SOLVE` before the first {what}")),
            );
        }
    }
}
