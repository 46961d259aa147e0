//! What every rule reads and derives, resolved to ids in one walk of the syntax
//! tree: the table that the strata, E308 and W003 are computed from (spec §4.4, §9.3).

use crate::ast::{self, AggFunc, CalcStmtKind, ClauseKind, ExprKind, Program, StmtKind};
use crate::check::Checked;
use crate::check::walk::{calc_stmt_exprs, walk_calc_stmts, walk_expr};
use crate::ir::{FuncId, RelId};
use crate::span::Span;
use std::collections::BTreeSet;

/// How a rule reads a relation: the label of its edge in the read graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum How {
    /// SCAN or JOIN: a positive edge.
    Scan,
    /// A NOT clause.
    Not,
    /// An aggregate written in the rule.
    Aggregate(AggFunc),
    /// A FOR-QUERY or aggregate in CALC `f`, which the rule calls (directly or
    /// through other CALCs).
    Calc(FuncId),
}

impl How {
    /// True for the non-monotone reads of spec §9.3: all but SCAN and JOIN.
    pub(super) fn is_non_monotone(self) -> bool {
        self != How::Scan
    }
}

/// One read by a rule.
#[derive(Clone, Copy, Debug)]
pub(super) struct Read {
    /// The relation read.
    pub rel: RelId,
    /// How.
    pub how: How,
    /// The clause (SCAN, JOIN, NOT), aggregate or CALC call that reads it.
    pub span: Span,
}

/// What one rule reads and derives.
#[derive(Clone, Debug, Default)]
pub(super) struct RuleReads {
    /// Its label.
    pub label: String,
    /// The relations it EMITs into, each once, in order of first EMIT.
    pub heads: Vec<RelId>,
    /// Its reads in source order.
    pub reads: Vec<Read>,
    /// The relations it reads through NOT or an aggregate, its called CALCs'
    /// aggregates included (FOR-QUERY reads excluded): what W003 watches.
    pub watched: BTreeSet<RelId>,
}

/// What one CALC function reads, directly or through the CALCs it calls.
#[derive(Clone, Debug, Default, PartialEq)]
struct FuncReads {
    /// Through FOR-QUERY or an aggregate.
    all: BTreeSet<RelId>,
    /// Through an aggregate only.
    aggregated: BTreeSet<RelId>,
}

/// The reads of every rule, in source order.
pub(super) fn rules(program: &Program, checked: &Checked) -> Vec<RuleReads> {
    let funcs = function_reads(program, checked);
    program
        .stmts
        .iter()
        .filter_map(|s| match &s.kind {
            StmtKind::Rule(rule) => Some(rule_reads(rule, checked, &funcs)),
            _ => None,
        })
        .collect()
}

/// The relations each CALC function reads, to the closure over the CALCs it calls.
fn function_reads(program: &Program, checked: &Checked) -> Vec<FuncReads> {
    let mut reads = vec![FuncReads::default(); checked.functions.len()];
    let mut calls: Vec<Vec<FuncId>> = vec![Vec::new(); checked.functions.len()];
    for (i, f) in checked.functions.iter().enumerate() {
        let StmtKind::Calc(calc) = &program.stmts[f.stmt].kind else {
            continue;
        };
        let (reads, calls) = (&mut reads[i], &mut calls[i]);
        walk_calc_stmts(&calc.body, &mut |s| {
            if let CalcStmtKind::ForQuery { query, .. } = &s.kind {
                reads.all.extend(checked.rel(&query.rel.text));
            }
            for e in calc_stmt_exprs(s) {
                walk_expr(e, &mut |e| match &e.kind {
                    ExprKind::CalcCall { name, .. } => {
                        calls.extend(checked.func(&name.text));
                    }
                    ExprKind::Aggregate(agg) => {
                        if let Some(r) = checked.rel(&agg.query.rel.text) {
                            reads.all.insert(r);
                            reads.aggregated.insert(r);
                        }
                    }
                    _ => {}
                });
            }
        });
    }
    loop {
        let mut changed = false;
        for i in 0..reads.len() {
            for &g in &calls[i] {
                if g.index() == i {
                    continue;
                }
                let (all, aggregated) = (
                    reads[g.index()].all.clone(),
                    reads[g.index()].aggregated.clone(),
                );
                let before = (reads[i].all.len(), reads[i].aggregated.len());
                reads[i].all.extend(all);
                reads[i].aggregated.extend(aggregated);
                changed |= before != (reads[i].all.len(), reads[i].aggregated.len());
            }
        }
        if !changed {
            return reads;
        }
    }
}

/// The reads and heads of one rule.
fn rule_reads(rule: &ast::Rule, checked: &Checked, funcs: &[FuncReads]) -> RuleReads {
    let mut c = Collect {
        checked,
        funcs,
        scans: Vec::new(),
        out: RuleReads {
            label: rule.label.text.to_string(),
            ..RuleReads::default()
        },
    };
    for clause in &rule.clauses {
        match &clause.kind {
            ClauseKind::Scan { rel, .. } | ClauseKind::Join { rel, .. } => {
                if let Some(rel) = checked.rel(&rel.text) {
                    c.scans.push(Read {
                        rel,
                        how: How::Scan,
                        span: clause.span,
                    });
                }
            }
            ClauseKind::Let { expr, .. } | ClauseKind::Where(expr) => c.expr(expr),
            ClauseKind::Emit { rel, args } => {
                args.iter().for_each(|a| c.expr(a));
                if let Some(r) = checked.rel(&rel.text)
                    && !c.out.heads.contains(&r)
                {
                    c.out.heads.push(r);
                }
            }
            ClauseKind::Not(q) => {
                if let Some(rel) = checked.rel(&q.rel.text) {
                    c.non_monotone(rel, How::Not, clause.span);
                }
                for a in &q.args {
                    if let ast::QueryArg::Value(e) = a {
                        c.expr(e);
                    }
                }
            }
        }
    }
    // SCAN and JOIN reads first: the order in which version 1 added the edges, so
    // that the strata of a version-1 program are numbered as they were.
    let mut out = c.out;
    c.scans.append(&mut out.reads);
    out.reads = c.scans;
    out
}

/// Collects the reads of one rule.
struct Collect<'a> {
    checked: &'a Checked<'a>,
    funcs: &'a [FuncReads],
    /// SCAN and JOIN reads.
    scans: Vec<Read>,
    /// Heads, non-monotone reads and watched relations.
    out: RuleReads,
}

impl Collect<'_> {
    /// A non-monotone read that W003 watches (NOT or an aggregate in the rule).
    fn non_monotone(&mut self, rel: RelId, how: How, span: Span) {
        self.out.reads.push(Read { rel, how, span });
        self.out.watched.insert(rel);
    }

    /// The aggregates and CALC calls in `e`.
    fn expr(&mut self, e: &ast::Expr) {
        walk_expr(e, &mut |e| match &e.kind {
            ExprKind::CalcCall { name, .. } => {
                if let Some(f) = self.checked.func(&name.text) {
                    let reads = &self.funcs[f.index()];
                    self.out.reads.extend(reads.all.iter().map(|&rel| Read {
                        rel,
                        how: How::Calc(f),
                        span: e.span,
                    }));
                    self.out.watched.extend(&reads.aggregated);
                }
            }
            ExprKind::Aggregate(agg) => {
                if let Some(rel) = self.checked.rel(&agg.query.rel.text) {
                    self.non_monotone(rel, How::Aggregate(agg.func), e.span);
                }
            }
            _ => {}
        });
    }
}
