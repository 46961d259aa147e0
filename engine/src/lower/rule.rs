//! Lowering of rules to semi-naive plans (spec §4): one initial plan, and one delta
//! variant per scan of a relation derived in the rule's own stratum.

use super::Lowerer;
use super::expr::Scope;
use crate::ast::{self, ClauseKind};
use crate::check::{ClauseBinding, RuleBinding};
use crate::ir::{Op, Plan, Rule, Version};
use crate::span::Span;
use crate::stratify::Strata;

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
    let mut ops = Vec::with_capacity(rule.clauses.len());
    for (clause, cb) in rule.clauses.iter().zip(&binding.clauses) {
        let op = match (&clause.kind, cb) {
            (
                ClauseKind::Scan { rel, .. } | ClauseKind::Join { rel, .. },
                ClauseBinding::Access { key, bind },
            ) => {
                let rel = cx.rel(&rel.text);
                let index = key.map(|_| cx.index(rel, vec![0]));
                Op::Scan {
                    rel,
                    version: Version::Full,
                    index,
                    key: key.iter().copied().collect(),
                    bind: bind.clone(),
                    span: clause.span,
                }
            }
            (ClauseKind::Let { expr, .. }, ClauseBinding::Let(slot)) => Op::Let {
                slot: *slot,
                expr: cx.expr(expr, &scope),
            },
            (ClauseKind::Where(expr), _) => Op::Filter(cx.expr(expr, &scope)),
            (ClauseKind::Emit { rel, args }, _) => Op::Emit {
                rel: cx.rel(&rel.text),
                args: args.iter().map(|a| cx.expr(a, &scope)).collect(),
                span: clause.span,
            },
            // The checker pairs every clause with its own binding kind.
            _ => continue,
        };
        ops.push(op);
    }
    let initial = Plan { ops };
    let deltas = initial
        .ops
        .iter()
        .enumerate()
        .filter(|(_, op)| matches!(op, Op::Scan { rel, .. } if derives.contains(rel)))
        .map(|(i, _)| {
            let mut plan = initial.clone();
            if let Op::Scan { version, .. } = &mut plan.ops[i] {
                *version = Version::Delta;
            }
            plan
        })
        .collect();
    Rule {
        label: rule.label.text.clone(),
        span,
        stratum,
        slots: binding.slots.len() as u16,
        slot_names: binding.slots.iter().map(|v| v.to_string()).collect(),
        initial,
        deltas,
    }
}
