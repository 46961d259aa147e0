//! EMIT (spec §4.3): a rule's tuples into the pending rows of their relation, each
//! checked against the tuple and memory limits.
//!
//! Emitted tuples are looked up in their relation's dedup table a batch at a time
//! (see [`Batch`]) when those lookups miss the cache, so the misses of a batch overlap.
//! A scan whose plan only copies its columns into another relation skips binding and
//! evaluation ([`Machine::copy`], docs/decisions.md 229), adding runs of tuples no
//! limit could stop at once (221).

use super::budget::{Budget, tuple_bytes};
use super::relation::{Relation, RowId, copy_pending};
use super::solve::PlanRun;
use super::{Env, Machine, Res};
use crate::ast::BinOp;
use crate::ir::{Expr, ExprKind, Op, Plan, RelId, VarSlot};
use crate::span::Span;
use crate::value::Value;
use smallvec::SmallVec;
use std::ops::Range;

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
pub(super) struct Batch {
    /// The relation and EMIT of the batched tuples.
    rel: usize,
    span: Span,
    /// How many tuples are batched.
    len: usize,
    /// The tuples, flat.
    rows: Vec<Value>,
}

/// True when nothing in `plan` can charge the memory estimate (see [`Batch`]).
pub(super) fn batchable(plan: &Plan) -> bool {
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
pub(super) fn copied(
    bind: &[(u32, VarSlot)],
    rest: &[Op],
) -> Option<(SmallVec<[usize; 4]>, RelId, Span)> {
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
pub(super) fn op_exprs(op: &Op, f: &mut impl FnMut(&Expr)) {
    match op {
        Op::Let { expr, .. } | Op::Filter(expr) => expr.visit(f),
        Op::Emit { args, .. } => args.iter().for_each(|a| a.visit(f)),
        Op::Not { key, .. } => key.iter().for_each(|k| k.visit(f)),
        Op::Scan { .. } => {}
    }
}

impl Machine<'_> {
    /// A scan of rows `ids` of relation `from` (at `span`) whose plan's rest is an
    /// EMIT of its columns `cols` into relation `to.0` (at `to.1`): each tuple's
    /// columns go straight to the EMIT, the same step, nothing bound or evaluated in
    /// between (docs/decisions.md 229). Runs of tuples that no check of the budget
    /// would stop are added together (decision 221).
    pub(super) fn copy(
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
            // The chunk adds at most 1,024 tuples: the table grows ahead of them.
            let budget = &self.budget;
            run.rels[to]
                .grow_ahead(&|| budget.clock())
                .map_err(|fault| budget.limit(&fault, at))?;
            let chunk = ids.start..ids.start + quiet as RowId;
            ids.start = chunk.end;
            let new = copy_pending(run.rels, from, chunk, cols, to);
            run.added += new;
            self.budget.advance(quiet as u64, new * bytes);
        }
        Ok(())
    }

    /// Evaluates an EMIT and adds the tuple as pending if it is new, now or with
    /// its batch.
    pub(super) fn emit(
        &mut self,
        run: &mut PlanRun<'_>,
        rel: RelId,
        args: &[Expr],
        span: Span,
    ) -> Res<()> {
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
    pub(super) fn flush(&mut self, run: &mut PlanRun<'_>) -> Res<()> {
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
        let bytes = tuple_bytes(1, row.len());
        if self.budget.on_credit(r, bytes) {
            return Ok(());
        }
        self.add_checked(&mut rels[r], r, stored + *added, bytes, span)
    }

    /// Counts a new tuple of `bytes` of `relation` (relation `r`), which makes the
    /// database `tuples` tuples, without a credit: its checks at `span`, and the
    /// relation's tables growing ahead of the next tuples (docs/decisions.md 113).
    #[inline(never)]
    fn add_checked(
        &mut self,
        relation: &mut Relation,
        r: usize,
        tuples: u64,
        bytes: u64,
        span: Span,
    ) -> Res<()> {
        let name = &self.program.relations[r].name;
        let grow = |budget: &Budget| relation.grow_ahead(&|| budget.clock());
        self.budget.add_tuple(tuples, bytes, (r, name), span, grow)
    }
}
