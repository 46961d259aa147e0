//! Pre-order traversal of expressions, shared by the checker passes.

use crate::ast::{Expr, ExprKind, QueryArg};
use smallvec::{SmallVec, smallvec};

/// Calls `f` on `expr` and every expression nested in it, parents before children,
/// left to right.
pub fn walk_expr<'a>(expr: &'a Expr, f: &mut impl FnMut(&'a Expr)) {
    walk_expr_in(expr, false, &mut |e, _| f(e));
}

/// As [`walk_expr`], telling `f` whether each expression stands in the QUERY
/// arguments of an aggregate (spec §9.2); `inside` says so of `expr` itself.
///
/// Inlined, so that a leaf (most expressions: a literal, a variable, a field) costs
/// no call; only the nodes with children recurse, through [`walk_children`].
#[inline]
pub fn walk_expr_in<'a>(expr: &'a Expr, inside: bool, f: &mut impl FnMut(&'a Expr, bool)) {
    f(expr, inside);
    if has_children(&expr.kind) {
        walk_children(expr, inside, f);
    }
}

/// False for the leaves: literals, variables and tuple fields.
fn has_children(kind: &ExprKind) -> bool {
    match kind {
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Sym { .. }
        | ExprKind::Var(_)
        | ExprKind::Field { .. } => false,
        ExprKind::Paren(_)
        | ExprKind::Prefix { .. }
        | ExprKind::Chain { .. }
        | ExprKind::CalcCall { .. }
        | ExprKind::BuiltinCall { .. }
        | ExprKind::Aggregate(_) => true,
    }
}

/// [`walk_expr_in`] on each child of `expr` (one that [`has_children`]), in order.
fn walk_children<'a>(expr: &'a Expr, inside: bool, f: &mut impl FnMut(&'a Expr, bool)) {
    match &expr.kind {
        ExprKind::Paren(inner) => walk_expr_in(inner, inside, f),
        ExprKind::Prefix { operand, .. } => walk_expr_in(operand, inside, f),
        ExprKind::Chain { first, rest } => {
            walk_expr_in(first, inside, f);
            for (_, _, e) in rest {
                walk_expr_in(e, inside, f);
            }
        }
        ExprKind::CalcCall { args, .. } | ExprKind::BuiltinCall { args, .. } => {
            for a in args {
                walk_expr_in(a, inside, f);
            }
        }
        ExprKind::Aggregate(agg) => {
            for a in &agg.query.args {
                if let QueryArg::Value(e) = a {
                    walk_expr_in(e, true, f);
                }
            }
        }
        _ => {}
    }
}

/// Walks the value arguments of a query pattern.
pub fn walk_query_args<'a>(args: &'a [QueryArg], f: &mut impl FnMut(&'a Expr)) {
    for a in args {
        if let QueryArg::Value(e) = a {
            walk_expr(e, f);
        }
    }
}

use crate::ast::{CalcStmt, CalcStmtKind, ClauseKind, Program, StmtKind};

/// Calls `f` on every CALC statement of `body`, nested ones included, in source order.
pub fn walk_calc_stmts<'a>(body: &'a [CalcStmt], f: &mut impl FnMut(&'a CalcStmt)) {
    for stmt in body {
        f(stmt);
        match &stmt.kind {
            CalcStmtKind::If {
                then_body,
                else_body,
                ..
            } => {
                walk_calc_stmts(then_body, f);
                if let Some(e) = else_body {
                    walk_calc_stmts(e, f);
                }
            }
            CalcStmtKind::ForRange { body, .. }
            | CalcStmtKind::While { body, .. }
            | CalcStmtKind::ForQuery { body, .. } => walk_calc_stmts(body, f),
            CalcStmtKind::Let { .. }
            | CalcStmtKind::Result(_)
            | CalcStmtKind::Break
            | CalcStmtKind::Continue => {}
        }
    }
}

/// The expressions written directly in one CALC statement (not in nested statements),
/// in source order (on the stack: a statement has at most three, but a FOR over a
/// query).
pub fn calc_stmt_exprs<'a>(stmt: &'a CalcStmt<'_>) -> SmallVec<[&'a Expr<'a>; 3]> {
    match &stmt.kind {
        CalcStmtKind::Let { expr, .. } | CalcStmtKind::Result(expr) => smallvec![expr],
        CalcStmtKind::If { cond, .. } | CalcStmtKind::While { cond, .. } => smallvec![cond],
        CalcStmtKind::ForRange {
            start, end, step, ..
        } => {
            let mut v: SmallVec<[&Expr<'_>; 3]> = smallvec![start, end];
            v.extend(step.as_ref());
            v
        }
        CalcStmtKind::ForQuery { query, .. } => query
            .args
            .iter()
            .filter_map(|a| match a {
                QueryArg::Value(e) => Some(e),
                QueryArg::Wildcard(_) => None,
            })
            .collect(),
        CalcStmtKind::Break | CalcStmtKind::Continue => SmallVec::new(),
    }
}

/// Calls `f` on every expression of the program (all nesting levels), in source order.
pub fn walk_program_exprs<'a>(program: &'a Program, f: &mut impl FnMut(&'a Expr)) {
    for stmt in &program.stmts {
        match &stmt.kind {
            StmtKind::Rel(_) | StmtKind::Solve => {}
            StmtKind::Fact { args, .. } => args.iter().for_each(|e| walk_expr(e, f)),
            StmtKind::Query(q) => walk_query_args(&q.args, f),
            StmtKind::Let { expr, .. } | StmtKind::Result(expr) => walk_expr(expr, f),
            StmtKind::Rule(rule) => {
                for clause in &rule.clauses {
                    match &clause.kind {
                        ClauseKind::Scan { .. } | ClauseKind::Join { .. } => {}
                        ClauseKind::Let { expr, .. } | ClauseKind::Where(expr) => {
                            walk_expr(expr, f)
                        }
                        ClauseKind::Emit { args, .. } => args.iter().for_each(|e| walk_expr(e, f)),
                        ClauseKind::Not(q) => walk_query_args(&q.args, f),
                    }
                }
            }
            StmtKind::Calc(calc) => walk_calc_stmts(&calc.body, &mut |s| {
                for e in calc_stmt_exprs(s) {
                    walk_expr(e, f);
                }
            }),
        }
    }
}
