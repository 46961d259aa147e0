//! Variable scopes outside rules (spec §3, §6.1): CALC locals (parameters and every
//! variable assigned in the body), globals, and FOR-QUERY tuple variables.

use super::Checked;
use super::bindings::AGGREGATE_HINT;
use super::slots::Slots;
use super::walk::{calc_stmt_exprs, walk_calc_stmts, walk_expr_in};
use crate::ast::{
    CalcDef, CalcStmt, CalcStmtKind, ExprKind, Ident, Program, QueryArg, StmtKind, VarName,
};
use crate::diagnostic::{Code, Diagnostic};
use crate::ir::VarSlot;

/// The locals of one CALC function: parameters first, then every other variable the
/// body assigns (LET, FOR), in source order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CalcScope<'a> {
    /// The variable of each local slot.
    pub locals: Slots<'a>,
}

impl<'a> CalcScope<'a> {
    /// The slot of a local.
    pub fn slot(&self, name: &VarName<'a>) -> Option<VarSlot> {
        self.locals.get(name)
    }
}

/// The 0-based column a tuple field names: `a` is 0, `b` is 1, … (one letter, either case).
pub fn field_column(field: &str) -> Option<u32> {
    let mut chars = field.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => {
            Some(c.to_ascii_lowercase() as u32 - 'a' as u32)
        }
        _ => None,
    }
}

/// Computes each CALC's scope and checks its variable reads and tuple fields.
pub fn calc_scopes<'a>(
    program: &'a Program<'_>,
    checked: &Checked<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<CalcScope<'a>> {
    checked
        .functions
        .iter()
        .map(|f| match &program.stmts[f.stmt].kind {
            StmtKind::Calc(calc) => calc_scope(calc, checked, diagnostics),
            _ => CalcScope::default(),
        })
        .collect()
}

fn calc_scope<'a>(
    calc: &'a CalcDef<'_>,
    checked: &Checked<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> CalcScope<'a> {
    let mut scope = CalcScope::default();
    for p in &calc.params {
        scope.locals.add(&p.name);
    }
    walk_calc_stmts(&calc.body, &mut |s| {
        let assigned = match &s.kind {
            CalcStmtKind::Let { var, .. } | CalcStmtKind::ForRange { var, .. } => Some(var),
            _ => None,
        };
        if let Some(var) = assigned {
            scope.locals.add(&var.name);
        }
    });
    let mut reads = Reads {
        scope: &scope,
        checked,
        tuples: Vec::new(),
        diagnostics,
    };
    reads.stmts(&calc.body);
    scope
}

struct Reads<'a> {
    scope: &'a CalcScope<'a>,
    checked: &'a Checked<'a>,
    /// Enclosing FOR-QUERY loops: tuple name and relation arity.
    tuples: Vec<(&'a Ident<'a>, u32)>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> Reads<'a> {
    fn stmts(&mut self, body: &'a [CalcStmt<'a>]) {
        for s in body {
            for e in calc_stmt_exprs(s) {
                self.expr(e);
            }
            match &s.kind {
                CalcStmtKind::If {
                    then_body,
                    else_body,
                    ..
                } => {
                    self.stmts(then_body);
                    if let Some(e) = else_body {
                        self.stmts(e);
                    }
                }
                CalcStmtKind::ForRange { body, .. } | CalcStmtKind::While { body, .. } => {
                    self.stmts(body)
                }
                CalcStmtKind::ForQuery { tuple, query, body } => {
                    self.tuples
                        .push((tuple, self.checked.arity(&query.rel.text)));
                    self.stmts(body);
                    self.tuples.pop();
                }
                _ => {}
            }
        }
    }

    fn expr(&mut self, expr: &'a crate::ast::Expr<'a>) {
        walk_expr_in(expr, false, &mut |e, in_aggregate| match &e.kind {
            ExprKind::Var(name)
                if self.scope.slot(name).is_none() && self.checked.global(name).is_none() =>
            {
                let d = never_assigned(name, e.span, true, in_aggregate);
                self.diagnostics.push(d);
            }
            ExprKind::Field { tuple, field } => {
                let Some(&(_, arity)) =
                    self.tuples.iter().rev().find(|(t, _)| t.text == tuple.text)
                else {
                    self.diagnostics.push(Diagnostic::new(
                        Code::E306,
                        tuple.span,
                        format!("`{}` is not a tuple variable of an enclosing `FOR … IN (QUERY …)` loop", tuple.text),
                    ));
                    return;
                };
                match field_column(&field.text) {
                    Some(c) if c < arity => {}
                    Some(c) => self.diagnostics.push(Diagnostic::new(
                        Code::E303,
                        field.span,
                        format!(
                            "`{}.{}` is column {}, but the relation has {arity} column{}",
                            tuple.text,
                            field.text,
                            c + 1,
                            if arity == 1 { "" } else { "s" }
                        ),
                    )),
                    None => self.diagnostics.push(
                        Diagnostic::new(
                            Code::E303,
                            field.span,
                            format!("`{}.{}` is not a column", tuple.text, field.text),
                        )
                        .with_hint(
                            "columns are named by one letter: `.a` is column 1, `.b` column 2, …",
                        ),
                    ),
                }
            }
            _ => {}
        });
    }
}

/// E306 for a variable nothing assigns; one in an aggregate's QUERY gets the hint of
/// spec §9.2 (aggregates bind nothing).
fn never_assigned(
    name: &VarName,
    span: crate::span::Span,
    in_calc: bool,
    in_aggregate: bool,
) -> Diagnostic {
    let what = if in_calc {
        "it is not a parameter, not assigned in this CALC, and not"
    } else {
        "it is not"
    };
    let hint = if in_aggregate {
        AGGREGATE_HINT.to_string()
    } else {
        format!("add `LET {name} = …` before using it")
    };
    Diagnostic::new(
        Code::E306,
        span,
        format!("`{name}` is never assigned: {what} a global set by a top-level LET"),
    )
    .with_hint(hint)
}

/// Checks that FACT, QUERY, LET and RESULT statements read only globals.
pub fn check_top_level_vars(
    program: &Program,
    checked: &Checked,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut visit = |e: &crate::ast::Expr, in_aggregate: bool| match &e.kind {
        ExprKind::Var(name) if checked.global(name).is_none() => {
            diagnostics.push(never_assigned(name, e.span, false, in_aggregate));
        }
        ExprKind::Field { tuple, .. } => diagnostics.push(Diagnostic::new(
            Code::E306,
            e.span,
            format!(
                "`{}` is not a tuple variable: fields exist only inside a CALC FOR-QUERY loop",
                tuple.text
            ),
        )),
        _ => {}
    };
    for stmt in &program.stmts {
        match &stmt.kind {
            StmtKind::Fact { args, .. } => {
                args.iter().for_each(|a| walk_expr_in(a, false, &mut visit))
            }
            StmtKind::Query(q) => {
                for a in &q.args {
                    if let QueryArg::Value(e) = a {
                        walk_expr_in(e, false, &mut visit);
                    }
                }
            }
            StmtKind::Let { expr, .. } | StmtKind::Result(expr) => {
                walk_expr_in(expr, false, &mut visit)
            }
            _ => {}
        }
    }
}
