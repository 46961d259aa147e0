//! The database and the steps of a semi-naive round on it: FACT stores a tuple at
//! once ([`Database::insert_fact`]); EMIT adds it as pending
//! ([`super::Relation::insert_pending`]); indexes are filed before a plan runs
//! ([`Database::file`]); at the end of a round [`Database::merge`] stores the pending
//! tuples as the next delta; before a stratum's first round [`Database::settle`]
//! empties every delta.

use super::super::Res;
use super::super::budget::Budget;
use super::Relation;
use super::index::Index;
use super::set::TupleSet;
use crate::ir::{IndexId, Program, RelId, Step};
use crate::span::Span;
use crate::value::Value;

/// Every relation of the program, plus the round's pending tuples.
#[derive(Debug)]
pub(in crate::interp) struct Database {
    relations: Vec<Relation>,
    tuples: u64,
}

impl Database {
    /// An empty database with the relations and indexes of `program`.
    pub(in crate::interp) fn new(program: &Program) -> Database {
        let mut relations: Vec<Relation> = program
            .relations
            .iter()
            .map(|r| Relation {
                rows: TupleSet::new(r.arity as usize),
                visible: 0,
                recent: 0..0,
                indexes: Vec::new(),
            })
            .collect();
        for (i, def) in program.indexes.iter().enumerate() {
            if let Some(rel) = relations.get_mut(def.rel.index()) {
                rel.indexes.push(Index::new(
                    IndexId(i as u32),
                    def.columns.iter().map(|&c| c as usize).collect(),
                ));
            }
        }
        // The program's FACTs, counted per relation: room for them up front spares
        // growing the rows and dedup table one doubling at a time while they load
        // (docs/decisions.md 227).
        let mut facts = vec![0usize; relations.len()];
        for step in &program.steps {
            if let Step::Fact { rel, .. } = step
                && let Some(count) = facts.get_mut(rel.index())
            {
                *count += 1;
            }
        }
        for (relation, &count) in relations.iter_mut().zip(&facts) {
            // Nothing is held yet, so nothing is refiled: the clock is not needed, and
            // one that never fails makes this infallible.
            let _ = relation.rows.reserve(count, &|| Ok(()));
        }
        Database {
            relations,
            tuples: 0,
        }
    }

    /// Files every stored row in the indexes `ids` (each with its relation), so plans
    /// can probe them; charges what this adds to the memory estimate at `span`.
    pub(in crate::interp) fn file(
        &mut self,
        ids: &[(RelId, IndexId)],
        budget: &mut Budget,
        span: Span,
    ) -> Res<()> {
        for &(rel, index) in ids {
            if let Some(relation) = self.relations.get_mut(rel.index()) {
                let bytes = relation.file(index);
                budget.charge(bytes, span)?;
            }
        }
        Ok(())
    }

    /// Tuples stored (pending ones excluded).
    pub(in crate::interp) fn tuples(&self) -> u64 {
        self.tuples
    }

    /// The relations, read-only.
    pub(in crate::interp) fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// The relations, to read and to add pending tuples to during a round.
    pub(in crate::interp) fn relations_mut(&mut self) -> &mut [Relation] {
        &mut self.relations
    }

    /// Inserts a FACT now (checking the tuple and memory limits at `span`).
    pub(in crate::interp) fn insert_fact(
        &mut self,
        rel: usize,
        row: &[Value],
        name: &str,
        budget: &mut Budget,
        span: Span,
    ) -> Res<()> {
        let Some(bytes) = self.relations[rel].push(row) else {
            return Ok(());
        };
        // A new tuple past the limit ends the run, so that it was stored first is
        // seen by nothing: the count of stored tuples leaves it out.
        budget.check_tuples(self.tuples + 1, name, span)?;
        self.tuples += 1;
        budget.charge(bytes, span)
    }

    /// Inserts a FACT now, without checking the tuple and memory limits: the caller
    /// has found that it fits ([`Budget::quiet`]) and charges it. True when it was new.
    pub(in crate::interp) fn insert_quiet(&mut self, rel: usize, row: &[Value]) -> bool {
        let new = self.relations[rel].push(row).is_some();
        self.tuples += u64::from(new);
        new
    }

    /// Makes every row stable: the next delta starts empty.
    pub(in crate::interp) fn settle(&mut self) {
        for rel in &mut self.relations {
            rel.recent = rel.visible..rel.visible;
        }
    }

    /// The end of a round: last round's `recent` rows become stable and the pending
    /// tuples become stored and `recent` (their memory was charged when they were
    /// emitted). True when some relation got new tuples.
    pub(in crate::interp) fn merge(&mut self) -> bool {
        let mut changed = false;
        for rel in &mut self.relations {
            let (start, end) = (rel.visible, rel.rows.len());
            rel.visible = end;
            self.tuples += u64::from(end - start);
            rel.recent = start..end;
            changed |= start < end;
        }
        changed
    }
}
