//! Lowering of rules to semi-naive plans (spec §4): one initial plan, and one delta
//! variant per scan of a relation derived in the rule's own stratum.
//!
//! A scan is a list of column = slot equalities: columns whose slot is already bound
//! when the scan runs are probed through an index on those columns, the others bind
//! their slots. A delta variant runs its delta scan first (the classic semi-naive
//! plan: the few new tuples drive the join, the other relations are probed), unless
//! that scan's key comes from a rule LET, which must run before it.

use super::Lowerer;
use super::expr::Scope;
use crate::ast::BinOp;
use crate::ast::{self, ClauseKind};
use crate::check::{ClauseBinding, RuleBinding};
use crate::ir::{Expr, ExprKind, Op, Plan, RelId, Rule, VarSlot, Version};
use crate::span::Span;
use crate::stratify::Strata;

/// A rule body clause before its scans are planned (not an [`crate::ir::Step`], a
/// top-level statement).
enum Unplanned {
    /// A SCAN or JOIN: the relation and its (column, slot) equalities.
    Access {
        rel: RelId,
        equalities: Vec<(u32, VarSlot)>,
        span: Span,
    },
    /// LET, WHERE, NOT or EMIT, which plan the same in every order.
    Other(Op),
}

pub(super) fn lower_rule(
    cx: &mut Lowerer<'_>,
    rule: &ast::Rule,
    binding: &RuleBinding,
    strata: &Strata,
    index: usize,
    span: Span,
) -> Rule {
    let stratum = strata.of_rule[index];
    let derives = &strata.strata[stratum.index()].derives;
    let scope = Scope::Rule(binding);
    let mut steps = Vec::with_capacity(rule.clauses.len());
    for (clause, cb) in rule.clauses.iter().zip(&binding.clauses) {
        let step = match (&clause.kind, cb) {
            (
                ClauseKind::Scan { rel, .. } | ClauseKind::Join { rel, .. },
                ClauseBinding::Access { key, bind },
            ) => {
                let equalities = key
                    .iter()
                    .map(|&k| (0, k))
                    .chain(bind.iter().copied())
                    .collect();
                Unplanned::Access {
                    rel: cx.rel(&rel.text),
                    equalities,
                    span: clause.span,
                }
            }
            (ClauseKind::Let { expr, .. }, ClauseBinding::Let(slot)) => Unplanned::Other(Op::Let {
                slot: *slot,
                expr: cx.expr(expr, &scope),
            }),
            (ClauseKind::Where(expr), _) => Unplanned::Other(Op::Filter(cx.expr(expr, &scope))),
            (ClauseKind::Emit { rel, args }, _) => Unplanned::Other(Op::Emit {
                rel: cx.rel(&rel.text),
                args: args.iter().map(|a| cx.expr(a, &scope)).collect(),
                span: clause.span,
            }),
            (ClauseKind::Not(q), _) => {
                // spec §9.1: the non-`?` columns are probed through an index on them,
                // unless every column is (the relation's own set answers then).
                let rel = cx.rel(&q.rel.text);
                let pattern = cx.pattern(&q.args, &scope);
                let columns: Vec<u32> = (0..pattern.len() as u32)
                    .filter(|&c| pattern[c as usize].is_some())
                    .collect();
                let partial = !columns.is_empty() && columns.len() < pattern.len();
                let index = partial.then(|| cx.index(rel, columns));
                Unplanned::Other(Op::Not {
                    rel,
                    index,
                    key: pattern.into_iter().flatten().collect(),
                    span: clause.span,
                })
            }
            // The checker pairs every clause with its own binding kind.
            _ => continue,
        };
        steps.push(step);
    }
    let order: Vec<usize> = (0..steps.len()).collect();
    let initial = plan(cx, &steps, &order, None, binding.slots.len());
    let let_bound: Vec<VarSlot> = steps
        .iter()
        .filter_map(|s| match s {
            Unplanned::Other(Op::Let { slot, .. }) => Some(*slot),
            _ => None,
        })
        .collect();
    let deltas = steps
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s, Unplanned::Access { rel, .. } if derives.contains(rel)))
        .map(|(d, s)| {
            let Unplanned::Access { equalities, .. } = s else {
                unreachable!("filtered to accesses")
            };
            let first = !equalities.iter().any(|(_, slot)| let_bound.contains(slot));
            let order: Vec<usize> = if first {
                std::iter::once(d)
                    .chain((0..steps.len()).filter(|&i| i != d))
                    .collect()
            } else {
                order.clone()
            };
            plan(cx, &steps, &order, Some(d), binding.slots.len())
        })
        .collect();
    Rule {
        label: rule.label.text.to_string(),
        span,
        stratum,
        slots: binding.slots.len() as u32,
        slot_names: binding.slots.iter().map(ast::VarName::written).collect(),
        initial,
        deltas,
    }
}

/// Plans the steps in `order`; the step at index `delta` reads only the last round's tuples.
fn plan(
    cx: &mut Lowerer<'_>,
    steps: &[Unplanned],
    order: &[usize],
    delta: Option<usize>,
    slots: usize,
) -> Plan {
    let mut bound = vec![false; slots];
    let mut ops = Vec::with_capacity(order.len());
    for &i in order {
        match &steps[i] {
            Unplanned::Access {
                rel,
                equalities,
                span,
            } => {
                let (mut columns, mut key, mut bind) = (Vec::new(), Vec::new(), Vec::new());
                // A column equal to two bound slots is probed by the first; the second
                // becomes a filter after the scan.
                let mut same = Vec::new();
                for &(col, slot) in equalities {
                    if !bound[slot.index()] {
                        bind.push((col, slot));
                    } else if let Some(i) = columns.iter().position(|&c| c == col) {
                        same.push((key[i], slot));
                    } else {
                        columns.push(col);
                        key.push(slot);
                    }
                }
                for &(_, slot) in &bind {
                    bound[slot.index()] = true;
                }
                let version = if delta == Some(i) {
                    Version::Delta
                } else {
                    Version::Full
                };
                let index = (!columns.is_empty()).then(|| cx.index(*rel, columns));
                ops.push(Op::Scan {
                    rel: *rel,
                    version,
                    index,
                    key,
                    bind,
                    span: *span,
                });
                ops.extend(
                    same.into_iter()
                        .map(|(a, b)| Op::Filter(equal(a, b, *span))),
                );
            }
            Unplanned::Other(op) => {
                if let Op::Let { slot, .. } = op {
                    bound[slot.index()] = true;
                }
                ops.push(op.clone());
            }
        }
    }
    Plan { ops }
}

/// `a == b` over two slots, pointing at `span`.
fn equal(a: VarSlot, b: VarSlot, span: Span) -> Expr {
    let local = |slot| Expr {
        kind: ExprKind::Local(slot),
        span,
    };
    Expr {
        kind: ExprKind::Chain {
            first: Box::new(local(a)),
            rest: vec![(BinOp::Eq, span, local(b))],
        },
        span,
    }
}
