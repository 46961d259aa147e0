//! SOLVE (spec §4.4): each stratum's rules to their least fixpoint, semi-naively.
//!
//! Round 1 runs every rule's `initial` plan (all scans read whole relations). Each
//! later round runs every `deltas` plan, whose delta scan reads only the tuples the
//! previous round added. Before a round, the indexes its plans probe are brought up
//! to date ([`Database::file`]). Emitted tuples stay pending in their relation until the
//! round ends, when [`Database::merge`] stores them; a round that adds nothing ends
//! the stratum.
//!
//! A plan's EMITs, and the scans that only copy into another relation, are in
//! [`super::emit`].

use super::emit::{Batch, batchable, copied, op_exprs};
use super::relation::{Database, Relation, RowId};
use super::{Env, Machine, Res};
use crate::ir::{ExprKind, IndexId, Op, Plan, RelId, Rule};
use crate::span::Span;
use crate::value::Value;

/// Runs the rules with id below `upto`, stratum by stratum, to their fixpoint,
/// counting the rounds started in `rounds`. `span` is the SOLVE statement.
#[inline(never)]
pub(super) fn solve(
    m: &mut Machine<'_>,
    db: &mut Database,
    upto: u32,
    span: Span,
    rounds: &mut u64,
) -> Res<()> {
    let program = m.program;
    for stratum in &program.strata {
        let rules: Vec<&Rule> = stratum
            .rules
            .iter()
            .filter(|id| id.0 < upto)
            .filter_map(|id| program.rules.get(id.index()))
            .collect();
        if rules.is_empty() {
            continue;
        }
        db.settle();
        m.forget_aggregates();
        let first_round = probed(rules.iter().map(|r| &r.initial));
        let later_rounds = probed(rules.iter().flat_map(|r| &r.deltas));
        let mut first = true;
        loop {
            m.budget.check_time(span)?;
            *rounds += 1;
            db.file(
                if first { &first_round } else { &later_rounds },
                &mut m.budget,
                span,
            )?;
            let mut pending = 0;
            for rule in &rules {
                if first {
                    pending += m.run_plan(db, rule, &rule.initial, pending)?;
                } else {
                    for plan in &rule.deltas {
                        pending += m.run_plan(db, rule, plan, pending)?;
                    }
                }
            }
            first = false;
            if !db.merge() || !stratum.recursive {
                break;
            }
        }
    }
    m.forget_aggregates();
    Ok(())
}

/// The indexes `plans` probe, each once, with their relations.
fn probed<'p>(plans: impl Iterator<Item = &'p Plan>) -> Vec<(RelId, IndexId)> {
    let mut ids: Vec<(RelId, IndexId)> = Vec::new();
    for op in plans.flat_map(|plan| &plan.ops) {
        match op {
            Op::Scan {
                rel,
                index: Some(index),
                ..
            }
            | Op::Not {
                rel,
                index: Some(index),
                ..
            } => ids.push((*rel, *index)),
            _ => {}
        }
        // spec §9.2: a rule's aggregates probe an index on their group columns.
        op_exprs(op, &mut |e| {
            if let ExprKind::Aggregate(agg) = &e.kind
                && let Some(index) = agg.index
            {
                ids.push((agg.rel, index));
            }
        });
    }
    ids.sort_unstable_by_key(|&(rel, index)| (rel.0, index.0));
    ids.dedup();
    ids
}

/// The state of one plan execution: what it reads, where it emits, its variable slots.
pub(super) struct PlanRun<'a> {
    pub(super) rels: &'a mut [Relation],
    /// Tuples stored and pending when the plan started.
    pub(super) stored: u64,
    /// Tuples this plan added as pending.
    pub(super) added: u64,
    pub(super) slots: Vec<Value>,
    /// The names of the slots (for messages).
    pub(super) names: &'a [String],
    /// Reused buffer for the tuple being emitted.
    pub(super) row: Vec<Value>,
    /// Emitted tuples not yet looked up; `None` when the plan emits one at a time.
    pub(super) batch: Option<Batch>,
}

/// A scan checks the stack before it nests the rest of its plan when that rest is a
/// multiple of this many ops long, so at most this many levels nest between checks.
const GUARD_EVERY: usize = 8;

impl Machine<'_> {
    /// Runs one plan; returns the number of tuples it added as pending.
    fn run_plan(&mut self, db: &mut Database, rule: &Rule, plan: &Plan, pending: u64) -> Res<u64> {
        let stored = db.tuples() + pending;
        let mut run = PlanRun {
            rels: db.relations_mut(),
            stored,
            added: 0,
            slots: vec![Value::Int(0); rule.slots as usize],
            names: &rule.slot_names,
            row: Vec::new(),
            batch: batchable(plan).then(Batch::default),
        };
        let done = self.run_ops(&mut run, &plan.ops);
        let done = self.binding_done(done).and_then(|()| self.flush(&mut run));
        // Tuples added on credit are charged before anything else reads the estimate.
        self.budget.settle();
        done.map(|()| run.added)
    }

    /// Runs `ops` for the current binding. `Let`, `Filter` and `Emit` loop here; a
    /// `Scan` runs the rest of the ops once per tuple it binds.
    fn run_ops(&mut self, run: &mut PlanRun<'_>, ops: &[Op]) -> Res<()> {
        for (i, op) in ops.iter().enumerate() {
            match op {
                Op::Scan {
                    rel,
                    version,
                    index,
                    key,
                    bind,
                    span,
                } => {
                    let r = rel.index();
                    let rest = &ops[i + 1..];
                    let mut scan = |m: &mut Self| match index {
                        Some(index) if !key.is_empty() => {
                            let slots = &run.slots;
                            let key = key.iter().map(|slot| slots[slot.index()]);
                            let (probe, found) = run.rels[r].probe(*index, key, *version);
                            for i in found {
                                let id = run.rels[r].probed(probe, i);
                                m.visit(run, r, id, bind, *span, rest)?;
                            }
                            Ok(())
                        }
                        _ => {
                            let ids = run.rels[r].rows(*version);
                            if let [Op::Emit { rel: to, span, .. }] = rest {
                                // At most one new tuple a row (docs/decisions.md 222);
                                // a large table refiles with the clock read (113).
                                let budget = &m.budget;
                                run.rels[to.index()]
                                    .reserve(ids.len(), &|| budget.clock())
                                    .map_err(|fault| budget.limit(&fault, *span))?;
                            }
                            if let Some((cols, to, at)) = copied(bind, rest) {
                                return m.copy(run, r, ids, &cols, (to.index(), at), *span);
                            }
                            for id in ids {
                                m.visit(run, r, id, bind, *span, rest)?;
                            }
                            Ok(())
                        }
                    };
                    // Each scan nests the rest of the plan one level deeper; checking
                    // the stack at every eighth level is enough (a level takes well
                    // under a kilobyte of the red zone) and spares the check on the
                    // probes of the inner loops (docs/decisions.md 143).
                    return if rest.len().is_multiple_of(GUARD_EVERY) {
                        self.guarded(*span, scan)
                    } else {
                        scan(self)
                    };
                }
                Op::Let { slot, expr } => {
                    let value = self.eval(
                        run.rels,
                        Env::Rule {
                            slots: &run.slots,
                            names: run.names,
                        },
                        expr,
                    )?;
                    run.slots[slot.index()] = value;
                }
                Op::Filter(cond) => {
                    if !self
                        .eval(
                            run.rels,
                            Env::Rule {
                                slots: &run.slots,
                                names: run.names,
                            },
                            cond,
                        )?
                        .is_true()
                    {
                        return Ok(());
                    }
                }
                Op::Emit { rel, args, span } => self.emit(run, *rel, args, *span)?,
                Op::Not {
                    rel,
                    index,
                    key,
                    span,
                } => {
                    let env = Env::Rule {
                        slots: &run.slots,
                        names: run.names,
                    };
                    if !self.absent(run.rels, env, (*rel, *index, key), *span)? {
                        return Ok(());
                    }
                }
            }
        }
        Ok(())
    }

    /// A scan visits row `id` of relation `rel`: a step, bind its columns, run the
    /// rest of the plan.
    fn visit(
        &mut self,
        run: &mut PlanRun<'_>,
        rel: usize,
        id: RowId,
        bind: &[(u32, crate::ir::VarSlot)],
        span: Span,
        rest: &[Op],
    ) -> Res<()> {
        self.budget.step(span)?;
        let row = run.rels[rel].row(id);
        for &(col, slot) in bind {
            run.slots[slot.index()] = row.get(col as usize);
        }
        let done = match rest {
            // A plan's most common end, an EMIT right after the scan: no dispatch.
            [Op::Emit { rel, args, span }] => self.emit(run, *rel, args, *span),
            _ => self.run_ops(run, rest),
        };
        self.binding_done(done)
    }
}
