//! Visiting every expression of a program (to find the math imports it needs).

use bytelogic_engine::ir::{Expr, ExprKind, Op, Program, Step, Stmt};

/// Calls `f` on every expression of `program`, subexpressions included.
pub fn exprs(program: &Program, f: &mut impl FnMut(&Expr)) {
    for step in &program.steps {
        match step {
            Step::Fact { args, .. } => args.iter().for_each(|e| expr(e, f)),
            Step::Query { pattern, .. } => pattern.iter().flatten().for_each(|e| expr(e, f)),
            Step::Let { expr: e, .. } | Step::Result { expr: e, .. } => expr(e, f),
            Step::Solve { .. } => {}
        }
    }
    for rule in &program.rules {
        for op in &rule.initial.ops {
            match op {
                Op::Let { expr: e, .. } | Op::Filter(e) => expr(e, f),
                Op::Emit { args, .. } => args.iter().for_each(|e| expr(e, f)),
                Op::Scan { .. } => {}
            }
        }
    }
    for func in &program.functions {
        stmts(&func.body, f);
    }
}

fn stmts(body: &[Stmt], f: &mut impl FnMut(&Expr)) {
    for s in body {
        match s {
            Stmt::Let { expr: e, .. } | Stmt::Result { expr: e, .. } => expr(e, f),
            Stmt::If {
                cond,
                then_body,
                else_body,
                ..
            } => {
                expr(cond, f);
                stmts(then_body, f);
                stmts(else_body, f);
            }
            Stmt::ForRange {
                start,
                end,
                step,
                body,
                ..
            } => {
                expr(start, f);
                expr(end, f);
                step.iter().for_each(|e| expr(e, f));
                stmts(body, f);
            }
            Stmt::While { cond, body, .. } => {
                expr(cond, f);
                stmts(body, f);
            }
            Stmt::ForQuery { pattern, body, .. } => {
                pattern.iter().flatten().for_each(|e| expr(e, f));
                stmts(body, f);
            }
            Stmt::Break(_) | Stmt::Continue(_) => {}
        }
    }
}

fn expr(e: &Expr, f: &mut impl FnMut(&Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Prefix { operand, .. } => expr(operand, f),
        ExprKind::Chain { first, rest } => {
            expr(first, f);
            rest.iter().for_each(|(_, _, e)| expr(e, f));
        }
        ExprKind::Call { args, .. } | ExprKind::Builtin { args, .. } => {
            args.iter().for_each(|a| expr(a, f))
        }
        ExprKind::Const(_) | ExprKind::Local(_) | ExprKind::Global(_) | ExprKind::Field { .. } => {}
    }
}
