//! Aggregates (spec §9.2): COUNT, SUM, MIN, MAX and MEAN over the tuples of a
//! relation equal to a group, with the results and step counts that
//! [`crate::ir::Aggregate`] defines: one step per tuple read, none for an empty
//! group, none for a rule's aggregate whose group's result this stratum run already
//! computed (its memo).
//!
//! An empty MIN, MAX or MEAN written in a rule stops the binding: the error that
//! unwinds the evaluation is marked ([`Memos::stopped`]) and the plan drops the
//! binding when it sees the mark ([`Machine::binding_done`]); anywhere else it is E209
//! (docs/decisions.md 205–209).

use super::arith;
use super::clocked::{Clock, SORT_NANOS_PER_ROW, sort_by};
use super::relation::{Relation, RowId};
use super::{Env, Machine, Res};
use crate::ast::BinOp;
use crate::diagnostic::{Code, Diagnostic};
use crate::fault::{Fault, Unaggregable, What};
use crate::ir::{AggFunc, Aggregate, ExprKind, MemoId, Version};
use crate::span::Span;
use crate::value::Value;
use smallvec::SmallVec;
use std::cmp::Ordering;

/// The group values of one evaluation, in column order.
type Group = SmallVec<[Value; 2]>;

/// Bytes one memo entry adds to the memory estimate: its key, its value and the hash
/// table's slot.
pub(super) const MEMO_ENTRY: u64 = 40;

/// The results of the aggregates written in rules, for the stratum being run.
#[derive(Debug, Default)]
pub(super) struct Memos {
    /// Each non-empty group's result, by memo and the position of the group's key in
    /// the aggregate's index (0 for an aggregate without a group): the positions are
    /// those of the index's keys, so a vector holds them. An empty group needs no
    /// entry: it is found to be empty at no cost, with the same result every time.
    results: Vec<Vec<Option<Value>>>,
    /// What the entries add to the memory estimate.
    bytes: u64,
    /// Set when an aggregate written in a rule had no value: the error returned with
    /// it ends the binding, not the run.
    stopped: bool,
}

impl Memos {
    /// The result memo `key.0` has for the group at `key.1`, if computed.
    fn get(&self, (memo, key): (MemoId, u32)) -> Option<Value> {
        let results = self.results.get(memo.index())?;
        results.get(key as usize).copied().flatten()
    }

    /// Records `value` as the result memo `key.0` has for the group at `key.1`.
    fn set(&mut self, (memo, key): (MemoId, u32), value: Value) {
        let (memo, key) = (memo.index(), key as usize);
        if self.results.len() <= memo {
            self.results.resize_with(memo + 1, Vec::new);
        }
        let results = &mut self.results[memo];
        if results.len() == key {
            // Groups mostly come in the order of their keys.
            results.push(Some(value));
            return;
        }
        if results.len() < key {
            results.resize(key + 1, None);
        }
        results[key] = Some(value);
    }
}

impl Machine<'_> {
    /// Evaluates an aggregate at `span` in `env`.
    pub(super) fn aggregate(
        &mut self,
        rels: &[Relation],
        env: Env<'_>,
        agg: &Aggregate,
        span: Span,
    ) -> Res<Value> {
        let mut group = Group::new();
        for e in agg.group() {
            // Most group arguments are variables: read them without the evaluator.
            group.push(match (&e.kind, env) {
                (&ExprKind::Local(slot), Env::Rule { slots, .. }) if slot.index() < slots.len() => {
                    slots[slot.index()]
                }
                _ => self.eval(rels, env, e)?,
            });
        }
        let rel = &rels[agg.rel.index()];
        let result = match agg.index {
            Some(index) => {
                let (probe, found) = rel.probe(index, group.iter().copied(), Version::Full);
                let ids = found.clone().map(|i| rel.probed(probe, i));
                let key = probe.key_position() as u32;
                match agg.memo {
                    Some(memo) if !found.is_empty() => {
                        self.memoized(rel, agg, (memo, key), ids, span)?
                    }
                    _ => self.compute(rel, agg, ids, span)?,
                }
            }
            // Without an index: no group (a rule's aggregate), or not in a rule.
            None => match agg.memo.and_then(|m| self.memos.get((m, 0))) {
                Some(known) => Some(known),
                None => {
                    let ids = self.group_rows(rel, agg, &group, span)?;
                    match agg.memo {
                        Some(memo) if !ids.is_empty() => {
                            self.memoized(rel, agg, (memo, 0), ids.into_iter(), span)?
                        }
                        _ => self.compute(rel, agg, ids.into_iter(), span)?,
                    }
                }
            },
        };
        result.ok_or_else(|| self.no_value(env, agg, span))
    }

    /// The result of a rule's aggregate for the non-empty group `key`, computed once
    /// per stratum run.
    fn memoized(
        &mut self,
        rel: &Relation,
        agg: &Aggregate,
        key: (MemoId, u32),
        ids: impl ExactSizeIterator<Item = RowId> + Clone,
        span: Span,
    ) -> Res<Option<Value>> {
        if let Some(known) = self.memos.get(key) {
            return Ok(Some(known));
        }
        let result = self.compute(rel, agg, ids, span)?;
        if let Some(value) = result {
            self.budget.charge(MEMO_ENTRY, span)?;
            self.memos.bytes += MEMO_ENTRY;
            self.memos.set(key, value);
        }
        Ok(result)
    }

    /// Forgets every memo (at the start of a stratum run: the relations read may
    /// have grown since) and releases their memory.
    pub(super) fn forget_aggregates(&mut self) {
        self.memos.results.iter_mut().for_each(Vec::clear);
        self.budget.release(std::mem::take(&mut self.memos.bytes));
    }

    /// `done` is how the rest of a plan went for one binding: an empty group's stop
    /// ends only that binding.
    pub(super) fn binding_done(&mut self, done: Res<()>) -> Res<()> {
        match done {
            Err(_) if std::mem::take(&mut self.memos.stopped) => Ok(()),
            done => done,
        }
    }

    /// An empty MIN, MAX or MEAN: in a rule, the stop of the binding; elsewhere E209.
    fn no_value(&mut self, env: Env<'_>, agg: &Aggregate, span: Span) -> Box<Diagnostic> {
        let rel = self.program.relations[agg.rel.index()].name.clone();
        let what = What::Aggregate(agg.func, rel, Unaggregable::EmptyGroup);
        self.memos.stopped = matches!(env, Env::Rule { .. });
        self.fail(&Fault::new(Code::E209, what), span)
    }

    /// Reads the group's tuples `ids` (a step each) and computes the aggregate; `None`
    /// when the group is empty and the aggregate has no value there.
    #[inline]
    fn compute(
        &mut self,
        rel: &Relation,
        agg: &Aggregate,
        ids: impl ExactSizeIterator<Item = RowId> + Clone,
        span: Span,
    ) -> Res<Option<Value>> {
        let count = ids.len();
        self.budget.steps_at_once(count as u64, span)?;
        if agg.func == AggFunc::Count {
            // Reads no value.
            return Ok(Some(Value::Int(count as i64)));
        }
        self.compute_values(rel, agg, (ids, count), span)
    }

    /// [`Machine::compute`] of an aggregate that reads the values of its `count`
    /// tuples `ids`, their steps counted.
    #[inline(never)]
    fn compute_values(
        &mut self,
        rel: &Relation,
        agg: &Aggregate,
        (ids, count): (impl Iterator<Item = RowId> + Clone, usize),
        span: Span,
    ) -> Res<Option<Value>> {
        let col = agg.value.unwrap_or(0) as usize;
        let values = ids.clone().map(|id| rel.row(id).get(col));
        let name = &self.program.relations[agg.rel.index()].name;
        let fault = |f: Fault| self.fail(&f, span);
        Ok(match agg.func {
            AggFunc::Sum if count == 0 => Some(Value::Int(0)),
            AggFunc::Sum | AggFunc::Mean if count > 0 => {
                let total = self.total(rel, ids, col, agg.func, name).map_err(fault)?;
                Some(match agg.func {
                    AggFunc::Mean => {
                        let count = Value::Int(count as i64);
                        arith::binary(BinOp::Div, total, count, &self.symbols).map_err(fault)?
                    }
                    _ => total,
                })
            }
            AggFunc::Min | AggFunc::Max if count > 0 => {
                let want = if agg.func == AggFunc::Min {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
                Some(extreme(values, want, agg.func, name, &self.symbols).map_err(fault)?)
            }
            _ => None,
        })
    }

    /// The ids of the tuples of `rel` equal to `group` in the group columns, for an
    /// aggregate without an index: every tuple is looked at.
    fn group_rows(
        &mut self,
        rel: &Relation,
        agg: &Aggregate,
        group: &[Value],
        span: Span,
    ) -> Res<Vec<RowId>> {
        let columns: SmallVec<[usize; 2]> = (0..agg.pattern.len())
            .filter(|&c| agg.pattern[c].is_some())
            .collect();
        let ids = (0..rel.len())
            .filter(|&id| {
                let row = rel.row(id);
                columns
                    .iter()
                    .zip(group)
                    .all(|(&c, &v)| arith::equal(row.get(c), v))
            })
            .collect();
        // Looking at every tuple costs no steps but may take long on a big relation.
        self.budget.check_time(span)?;
        Ok(ids)
    }

    /// The total of SUM and MEAN over the non-empty `ids`: E203 for a Symbol first;
    /// Ints exactly (E202 beyond i64); with a Float, f64 in canonical tuple order.
    fn total(
        &self,
        rel: &Relation,
        ids: impl Iterator<Item = RowId> + Clone,
        col: usize,
        func: AggFunc,
        name: &str,
    ) -> Result<Value, Fault> {
        let values = || ids.clone().map(|id| rel.row(id).get(col));
        if let Some(sym) = values().find(|v| !v.is_number()) {
            let why = Unaggregable::Symbol(Some(sym));
            return Err(Fault::mismatch(What::Aggregate(func, name.into(), why)));
        }
        if values().all(|v| matches!(v, Value::Int(_))) {
            let exact: i128 = values()
                .map(|v| match v {
                    Value::Int(i) => i128::from(i),
                    _ => 0,
                })
                .sum();
            return i64::try_from(exact).map(Value::Int).map_err(|_| {
                let why = Unaggregable::Overflow(Some(((exact >> 64) as i64, exact as u64)));
                Fault::new(Code::E202, What::Aggregate(func, name.into(), why))
            });
        }
        let mut order: Vec<RowId> = ids.collect();
        // A large group takes long to order: the sort first asks for its time.
        let read = |aside| self.budget.clock_leaving(aside);
        let clock = Clock::new(&read);
        sort_by(
            &mut order,
            |&a, &b| {
                self.symbols
                    .cmp_tuples(rel.row(a).values(), rel.row(b).values())
            },
            SORT_NANOS_PER_ROW,
            &clock,
        );
        clock.result()?;
        let sum: f64 = order
            .iter()
            .map(|&id| rel.row(id).get(col).as_f64().unwrap_or(0.0))
            .fold(0.0, |acc, x| acc + x);
        arith::finite(sum, || {
            What::Aggregate(func, name.into(), Unaggregable::NotFinite)
        })
    }
}

/// The least (`want` Less) or greatest value of a non-empty group in spec §2.4 order;
/// E203 when the group holds both a number and a Symbol.
fn extreme(
    mut values: impl Iterator<Item = Value> + Clone,
    want: Ordering,
    func: AggFunc,
    name: &str,
    symbols: &crate::value::Symbols,
) -> Result<Value, Fault> {
    let numbers = values.clone().any(Value::is_number);
    let texts = values.clone().any(|v| !v.is_number());
    if numbers && texts {
        let why = Unaggregable::MixedGroup;
        return Err(Fault::mismatch(What::Aggregate(func, name.into(), why)));
    }
    let first = values.next().unwrap_or(Value::Int(0));
    Ok(values.fold(first, |best, v| {
        if arith::order(v, best, symbols) == Some(want) {
            v
        } else {
            best
        }
    }))
}
