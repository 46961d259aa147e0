//! Rule variable bindings (spec §4.1, §4.2): which clause binds which variable to
//! which slot, and E306/E307 for variables used unbound or bound twice. NOT clauses
//! and aggregates bind nothing (spec §9): their variables must be bound already.

use super::Checked;
use super::slots::Slots;
use super::walk::walk_expr_in;
use crate::ast::{ClauseKind, Expr, ExprKind, Program, QueryArg, Rule, StmtKind, Var, VarName};
use crate::diagnostic::{Code, Diagnostic};
use crate::ir::VarSlot;

/// The variables of one rule: slot `i` holds `slots[i]`, bound by the clauses in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RuleBinding<'a> {
    /// The variable of each slot, in binding order.
    pub slots: Slots<'a>,
    /// What each clause binds, one entry per clause.
    pub clauses: Vec<ClauseBinding>,
}

impl<'a> RuleBinding<'a> {
    /// The slot of a bound variable.
    pub fn slot(&self, name: &VarName<'a>) -> Option<VarSlot> {
        self.slots.get(name)
    }
}

/// What one clause binds.
#[derive(Clone, Debug, PartialEq)]
pub enum ClauseBinding {
    /// SCAN or JOIN: optionally column 0 must equal the `key` slot; `bind` columns fill slots.
    Access {
        /// Slot that column 0 must equal (SCAN … MATCH of a bound variable, JOIN).
        key: Option<VarSlot>,
        /// (column, slot) pairs bound from each tuple.
        bind: Vec<(u32, VarSlot)>,
    },
    /// LET: the slot it binds.
    Let(VarSlot),
    /// WHERE, EMIT and NOT bind nothing.
    Nothing,
}

/// A clause that bound variables, for E306 messages.
enum Bound<'a> {
    /// SCAN or JOIN (the keyword) of a relation, and the slots it bound.
    Access(&'static str, &'a str, Vec<VarSlot>),
    /// LET and the slot it bound.
    Let(VarSlot),
}

/// The hint of E306 for an unbound variable in a NOT clause (spec §9.1).
pub const NOT_HINT: &str = "NOT binds nothing; write ? for any value";
/// The hint of E306 for an unbound variable in an aggregate's QUERY (spec §9.2).
pub const AGGREGATE_HINT: &str = "aggregates bind nothing; write ? for a column to range over";

/// Resolves the bindings of every rule, in source order.
pub fn bind_rules<'a>(
    program: &'a Program<'_>,
    checked: &Checked<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<RuleBinding<'a>> {
    program
        .stmts
        .iter()
        .filter_map(|s| match &s.kind {
            StmtKind::Rule(rule) => Some(bind_rule(rule, checked, diagnostics)),
            _ => None,
        })
        .collect()
}

struct Binder<'a, 'd> {
    binding: RuleBinding<'a>,
    /// Each binding clause so far, described in E306 messages ("SCAN parent binds $0
    /// and $1"): only formatted when one is reported.
    described: Vec<Bound<'a>>,
    diagnostics: &'d mut Vec<Diagnostic>,
    /// Every positional variable below this one is bound (they are never unbound).
    positional: u32,
}

fn bind_rule<'a>(
    rule: &'a Rule<'_>,
    checked: &Checked<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> RuleBinding<'a> {
    let mut b = Binder {
        binding: RuleBinding {
            clauses: Vec::with_capacity(rule.clauses.len()),
            ..RuleBinding::default()
        },
        described: Vec::with_capacity(rule.clauses.len()),
        diagnostics,
        positional: 0,
    };
    for clause in &rule.clauses {
        let cb = match &clause.kind {
            ClauseKind::Scan { rel, matching } => {
                let arity = checked.arity(&rel.text);
                // Whether the MATCH variable is bound is decided before this SCAN binds.
                let key = matching.as_ref().map(|k| (k, b.binding.slot(&k.name)));
                let vars = b.next_positional(arity as usize);
                let (key, bind) = match key {
                    Some((k, None)) => b.key_first(&rel.text, arity, k, &vars),
                    Some((_, bound)) => (bound, columns(0, &vars)),
                    None => (None, columns(0, &vars)),
                };
                b.described.push(Bound::Access("SCAN", &rel.text, vars));
                ClauseBinding::Access { key, bind }
            }
            ClauseKind::Join { rel, key } => {
                let key_slot = b.require(key);
                let arity = checked.arity(&rel.text);
                let vars = b.next_positional(arity.saturating_sub(1) as usize);
                let bind = columns(1, &vars);
                b.described.push(Bound::Access("JOIN", &rel.text, vars));
                ClauseBinding::Access {
                    key: key_slot.or(Some(VarSlot(0))),
                    bind,
                }
            }
            ClauseKind::Let { var, expr } => {
                b.check_expr(expr, None);
                if b.binding.slot(&var.name).is_some() {
                    b.diagnostics.push(
                        Diagnostic::new(
                            Code::E307,
                            var.span,
                            format!(
                                "`{}` is already bound; a rule LET must bind a new variable",
                                var.name
                            ),
                        )
                        .with_hint("use another variable name, or compare with WHERE"),
                    );
                }
                let slot = b.bind(var.name.clone());
                b.described.push(Bound::Let(slot));
                ClauseBinding::Let(slot)
            }
            ClauseKind::Where(expr) => {
                b.check_expr(expr, None);
                ClauseBinding::Nothing
            }
            ClauseKind::Emit { args, .. } => {
                args.iter().for_each(|a| b.check_expr(a, None));
                ClauseBinding::Nothing
            }
            ClauseKind::Not(q) => {
                for a in &q.args {
                    if let QueryArg::Value(e) = a {
                        b.check_expr(e, Some(NOT_HINT));
                    }
                }
                ClauseBinding::Nothing
            }
        };
        b.binding.clauses.push(cb);
    }
    b.binding
}

/// Pairs columns `first..` with the given slots.
fn columns(first: u32, slots: &[VarSlot]) -> Vec<(u32, VarSlot)> {
    slots
        .iter()
        .enumerate()
        .map(|(i, &s)| (first + i as u32, s))
        .collect()
}

impl<'a> Binder<'a, '_> {
    /// Allocates slots for the `n` lowest-numbered positional variables not yet bound.
    fn next_positional(&mut self, n: usize) -> Vec<VarSlot> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let name = VarName::Positional(self.positional);
            if self.binding.slot(&name).is_none() {
                out.push(self.bind(name));
            }
            self.positional += 1;
        }
        out
    }

    fn bind(&mut self, name: VarName<'a>) -> VarSlot {
        self.binding.slots.add(&name)
    }

    /// What `bound` binds, as E306 messages describe it.
    fn describe(&self, bound: &Bound<'_>) -> String {
        let (clause, slots) = match bound {
            Bound::Access(keyword, rel, slots) => (format!("{keyword} {rel}"), &slots[..]),
            Bound::Let(slot) => ("LET".to_string(), std::slice::from_ref(slot)),
        };
        let names: Vec<String> = slots
            .iter()
            .map(|s| self.binding.slots[*s].to_string())
            .collect();
        match names.len() {
            0 => format!("{clause} binds nothing"),
            1 => format!("{clause} binds {}", names[0]),
            n => format!(
                "{clause} binds {} and {}",
                names[..n - 1].join(", "),
                names[n - 1]
            ),
        }
    }

    /// Key-first SCAN (spec §4.1): `$k` takes column B, the other variable column A.
    fn key_first(
        &mut self,
        rel: &str,
        arity: u32,
        k: &Var,
        vars: &[VarSlot],
    ) -> (Option<VarSlot>, Vec<(u32, VarSlot)>) {
        let names: Vec<String> = vars
            .iter()
            .map(|s| self.binding.slots[*s].to_string())
            .collect();
        if arity != 2 {
            self.diagnostics.push(
                Diagnostic::new(
                    Code::E306,
                    k.span,
                    format!(
                        "`{}` is not bound, and a key-first `SCAN … MATCH` needs a relation with 2 columns; `{rel}` has {arity}",
                        k.name
                    ),
                )
                .with_hint("bind the MATCH variable in an earlier clause"),
            );
            return (None, columns(0, vars));
        }
        match vars.iter().position(|s| self.binding.slots[*s] == k.name) {
            Some(i) => {
                let (key, other) = (vars[i], vars[1 - i]);
                (None, vec![(1, key), (0, other)])
            }
            None => {
                self.diagnostics.push(Diagnostic::new(
                    Code::E306,
                    k.span,
                    format!(
                        "`{}` is not bound, and it is not one of the variables this SCAN binds ({} and {})",
                        k.name, names[0], names[1]
                    ),
                ));
                (None, columns(0, vars))
            }
        }
    }

    /// The slot of a variable that must be bound here, or E306.
    fn require(&mut self, var: &Var<'a>) -> Option<VarSlot> {
        let slot = self.binding.slot(&var.name);
        if slot.is_none() {
            self.unbound(&var.name, var.span);
        }
        slot
    }

    fn unbound(&mut self, name: &VarName<'_>, span: crate::span::Span) {
        self.unbound_with(name, span, None);
    }

    /// E306 for `name` at `span`, naming what is bound, with `hint` if given.
    fn unbound_with(&mut self, name: &VarName<'_>, span: crate::span::Span, hint: Option<&str>) {
        let context = if self.described.is_empty() {
            "nothing is bound before it in this rule".to_string()
        } else {
            let described: Vec<String> = self.described.iter().map(|b| self.describe(b)).collect();
            described.join(", ")
        };
        let mut d = Diagnostic::new(
            Code::E306,
            span,
            format!("`{name}` is not bound: {context}"),
        )
        .with_label("not bound here");
        if let Some(hint) = hint {
            d = d.with_hint(hint);
        }
        self.diagnostics.push(d);
    }

    /// E306 for every unbound variable and tuple field in `expr`; `hint` explains an
    /// unbound variable of a NOT clause (an aggregate's variables get theirs).
    fn check_expr(&mut self, expr: &Expr<'a>, hint: Option<&'static str>) {
        let mut problems = Vec::new();
        walk_expr_in(expr, false, &mut |e, in_aggregate| match &e.kind {
            ExprKind::Var(name) if self.binding.slot(name).is_none() => {
                let hint = if in_aggregate {
                    Some(AGGREGATE_HINT)
                } else {
                    hint
                };
                problems.push((Some((name.clone(), hint)), e.span));
            }
            ExprKind::Field { .. } => problems.push((None, e.span)),
            _ => {}
        });
        for (name, span) in problems {
            match name {
                Some((name, hint)) => self.unbound_with(&name, span, hint),
                None => self.diagnostics.push(Diagnostic::new(
                    Code::E306,
                    span,
                    "tuple fields like `t.a` exist only inside a CALC `FOR t IN (QUERY …)` loop",
                )),
            }
        }
    }
}
