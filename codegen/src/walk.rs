//! Visiting every expression of a program (to find the math imports it needs) or
//! of a rule op (to find a plan's aggregates).

use bytelogic_engine::ir::{Expr, Op, Program, Step, Stmt};

/// Calls `f` on every expression of `program`, subexpressions included.
pub fn exprs(program: &Program, f: &mut impl FnMut(&Expr)) {
    for step in &program.steps {
        match step {
            Step::Fact { args, .. } => args.iter().for_each(|e| e.visit(f)),
            Step::Query { pattern, .. } => pattern.iter().flatten().for_each(|e| e.visit(f)),
            Step::Let { expr: e, .. } | Step::Result { expr: e, .. } => e.visit(f),
            Step::Solve { .. } => {}
        }
    }
    for rule in &program.rules {
        for op in &rule.initial.ops {
            op_exprs(op, f);
        }
    }
    for func in &program.functions {
        stmts(&func.body, f);
    }
}

/// Calls `f` on every expression of rule op `op`, subexpressions included.
pub fn op_exprs(op: &Op, f: &mut impl FnMut(&Expr)) {
    match op {
        Op::Let { expr: e, .. } | Op::Filter(e) => e.visit(f),
        Op::Emit { args, .. } => args.iter().for_each(|e| e.visit(f)),
        Op::Not { key, .. } => key.iter().for_each(|e| e.visit(f)),
        Op::Scan { .. } => {}
    }
}

fn stmts(body: &[Stmt], f: &mut impl FnMut(&Expr)) {
    for s in body {
        match s {
            Stmt::Let { expr: e, .. } | Stmt::Result { expr: e, .. } => e.visit(f),
            Stmt::If {
                cond,
                then_body,
                else_body,
                ..
            } => {
                cond.visit(f);
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
                start.visit(f);
                end.visit(f);
                step.iter().for_each(|e| e.visit(f));
                stmts(body, f);
            }
            Stmt::While { cond, body, .. } => {
                cond.visit(f);
                stmts(body, f);
            }
            Stmt::ForQuery { pattern, body, .. } => {
                pattern.iter().flatten().for_each(|e| e.visit(f));
                stmts(body, f);
            }
            Stmt::Break(_) | Stmt::Continue(_) => {}
        }
    }
}
