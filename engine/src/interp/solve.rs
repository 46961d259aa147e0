//! SOLVE (spec §4.4): each stratum's rules to their least fixpoint, semi-naively.
//!
//! Round 1 runs every rule's `initial` plan (all scans read whole relations). Each
//! later round runs every `deltas` plan, whose delta scan reads only the tuples the
//! previous round added. Before a round, the indexes its plans probe are brought up
//! to date ([`Database::file`]). Emitted tuples stay pending in their relation until the
//! round ends, when [`Database::merge`] stores them; a round that adds nothing ends
//! the stratum.
//!
//! Emitted tuples are looked up in their relation's dedup table a batch at a time
//! (see [`Batch`]), so the cache misses of a batch overlap.

use super::budget::tuple_bytes;
use super::relation::{Database, Relation, RowId, copy_pending};
use super::{Env, Machine, Res};
use crate::ast::BinOp;
use crate::ir::{Expr, ExprKind, IndexId, Op, Plan, RelId, Rule, VarSlot};
use crate::span::Span;
use crate::value::Value;
use smallvec::SmallVec;
use std::ops::Range;

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
struct PlanRun<'a> {
    rels: &'a mut [Relation],
    /// Tuples stored and pending when the plan started.
    stored: u64,
    /// Tuples this plan added as pending.
    added: u64,
    slots: Vec<Value>,
    /// The names of the slots (for messages).
    names: &'a [String],
    /// Reused buffer for the tuple being emitted.
    row: Vec<Value>,
    /// Emitted tuples not yet looked up; `None` when the plan emits one at a time.
    batch: Option<Batch>,
}

/// A scan checks the stack before it nests the rest of its plan when that rest is a
/// multiple of this many ops long, so at most this many levels nest between checks.
const GUARD_EVERY: usize = 8;

/// The most tuples a copy adds between two looks at whether its relation's lookups
/// still hit the cache ([`Machine::copy`]).
const COPY_CHUNK: usize = 1024;

/// How many emitted tuples a plan looks up together.
const BATCH: usize = 32;

/// Tuples a plan emitted and has not yet looked up in their relation, kept so that
/// a batch of lookups overlaps its cache misses ([`Relation::prefetch`]).
///
/// Deferring a lookup must not change what a run observes: pending tuples are seen
/// by nothing until the round ends, and a tuple joins a batch only when adding it
/// and every tuple before it cannot exceed the tuple or memory limit. Plans that
/// may charge memory between two emits (a CALC call, or `+`, which may concatenate)
/// do not batch, so the estimate each check sees is the one it would see without
/// batching.
#[derive(Default)]
struct Batch {
    /// The relation and EMIT of the batched tuples.
    rel: usize,
    span: Span,
    /// How many tuples are batched.
    len: usize,
    /// The tuples, flat.
    rows: Vec<Value>,
}

/// True when nothing in `plan` can charge the memory estimate (see [`Batch`]).
fn batchable(plan: &Plan) -> bool {
    let mut charges = false;
    let mut check = |e: &Expr| {
        charges |= match &e.kind {
            // An aggregate's memo grows the estimate (spec §9.2).
            ExprKind::Call { .. } | ExprKind::Aggregate(_) => true,
            ExprKind::Chain { rest, .. } => rest.iter().any(|(op, ..)| *op == BinOp::Add),
            _ => false,
        };
    };
    for op in &plan.ops {
        op_exprs(op, &mut check);
    }
    !charges
}

/// When `rest`, the ops after a scan binding `bind`, is one EMIT of variables that
/// scan binds (a copy or projection of the scanned relation): the scanned columns
/// it emits, in order, its relation and its span (docs/decisions.md 229).
fn copied(bind: &[(u32, VarSlot)], rest: &[Op]) -> Option<(SmallVec<[usize; 4]>, RelId, Span)> {
    let [Op::Emit { rel, args, span }] = rest else {
        return None;
    };
    let column = |arg: &Expr| match arg.kind {
        // The last binding of a slot is the one the EMIT would read.
        ExprKind::Local(slot) => bind.iter().rfind(|b| b.1 == slot).map(|b| b.0 as usize),
        _ => None,
    };
    let cols = args.iter().map(column).collect::<Option<_>>()?;
    Some((cols, *rel, *span))
}

/// Calls `f` on every expression of `op`, subexpressions included.
fn op_exprs(op: &Op, f: &mut impl FnMut(&Expr)) {
    match op {
        Op::Let { expr, .. } | Op::Filter(expr) => expr.visit(f),
        Op::Emit { args, .. } => args.iter().for_each(|a| a.visit(f)),
        Op::Not { key, .. } => key.iter().for_each(|k| k.visit(f)),
        Op::Scan { .. } => {}
    }
}

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
        self.binding_done(done)?;
        self.flush(&mut run)?;
        Ok(run.added)
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
                            if let [Op::Emit { rel: to, .. }] = rest {
                                // At most one new tuple a row (docs/decisions.md 222).
                                run.rels[to.index()].reserve(ids.len());
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

    /// A scan of rows `ids` of relation `from` (at `span`) whose plan's rest is an
    /// EMIT of its columns `cols` into relation `to.0` (at `to.1`): each tuple's
    /// columns go straight to the EMIT, the same step, nothing bound or evaluated in
    /// between (docs/decisions.md 229). Runs of tuples that no check of the budget
    /// would stop are added together (decision 221).
    fn copy(
        &mut self,
        run: &mut PlanRun<'_>,
        from: usize,
        mut ids: Range<RowId>,
        cols: &[usize],
        (to, at): (usize, Span),
        span: Span,
    ) -> Res<()> {
        let bytes = tuple_bytes(1, cols.len());
        while !ids.is_empty() {
            // A set whose lookups miss the cache is looked up in batches instead.
            let batched = run.batch.as_ref().is_some_and(|b| b.len > 0);
            let quiet = if batched || run.rels[to].batches_help() {
                0
            } else {
                let most = ids.len().min(COPY_CHUNK);
                self.budget.quiet(most, 1, run.stored + run.added, bytes)
            };
            if quiet == 0 {
                self.budget.step(span)?;
                let row = run.rels[from].row(ids.start);
                run.row.clear();
                run.row.extend(cols.iter().map(|&c| row.get(c)));
                self.push_row(run, to, at)?;
                ids.start += 1;
                continue;
            }
            let chunk = ids.start..ids.start + quiet as RowId;
            ids.start = chunk.end;
            let new = copy_pending(run.rels, from, chunk, cols, to);
            run.added += new;
            self.budget.advance(quiet as u64, new * bytes);
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

    /// Evaluates an EMIT and adds the tuple as pending if it is new, now or with
    /// its batch.
    fn emit(&mut self, run: &mut PlanRun<'_>, rel: RelId, args: &[Expr], span: Span) -> Res<()> {
        run.row.clear();
        for arg in args {
            // Most arguments are variables: read them without the evaluator.
            let value = match arg.kind {
                ExprKind::Local(slot) if slot.index() < run.slots.len() => run.slots[slot.index()],
                _ => self.eval(
                    run.rels,
                    Env::Rule {
                        slots: &run.slots,
                        names: run.names,
                    },
                    arg,
                )?,
            };
            run.row.push(value);
        }
        self.push_row(run, rel.index(), span)
    }

    /// Adds the tuple in `run.row` to relation `r` as pending if it is new, now or
    /// with its batch (`span` is the EMIT's).
    #[inline(always)]
    fn push_row(&mut self, run: &mut PlanRun<'_>, r: usize, span: Span) -> Res<()> {
        if let Some(batch) = &mut run.batch {
            let queued = batch.len as u64;
            if (queued == 0 || (batch.rel, batch.span) == (r, span))
                && run.rels[r].batches_help()
                && self.budget.fits(
                    run.stored + run.added + queued + 1,
                    tuple_bytes(queued + 1, run.row.len()),
                )
            {
                batch.rel = r;
                batch.span = span;
                batch.len += 1;
                batch.rows.extend_from_slice(&run.row);
                if batch.len == BATCH {
                    self.flush(run)?;
                }
                return Ok(());
            }
            // A set whose lookups hit the cache never batches: nothing to flush.
            if batch.len > 0 {
                self.flush(run)?;
            }
        }
        let (rels, added) = (&mut *run.rels, &mut run.added);
        self.add_pending(rels, run.stored, added, r, &run.row, span)
    }

    /// Looks up the batched tuples, in the order they were emitted.
    fn flush(&mut self, run: &mut PlanRun<'_>) -> Res<()> {
        let Some(mut batch) = run.batch.take() else {
            return Ok(());
        };
        let mut result = Ok(());
        if let Some(arity) = batch.rows.len().checked_div(batch.len) {
            run.rels[batch.rel].prefetch(&batch.rows);
            for i in 0..batch.len {
                let row = &batch.rows[i * arity..(i + 1) * arity];
                let (rels, added) = (&mut *run.rels, &mut run.added);
                result = self.add_pending(rels, run.stored, added, batch.rel, row, batch.span);
                if result.is_err() {
                    break;
                }
            }
            batch.len = 0;
            batch.rows.clear();
        }
        run.batch = Some(batch);
        result
    }

    /// Adds `row` to relation `r` as pending if it is new, checking the tuple and
    /// memory limits at `span`.
    #[inline(always)]
    fn add_pending(
        &mut self,
        rels: &mut [Relation],
        stored: u64,
        added: &mut u64,
        r: usize,
        row: &[Value],
        span: Span,
    ) -> Res<()> {
        if !rels[r].insert_pending(row) {
            return Ok(());
        }
        *added += 1;
        let name = &self.program.relations[r].name;
        self.budget.check_tuples(stored + *added, name, span)?;
        self.budget.charge(tuple_bytes(1, row.len()), span)
    }
}
