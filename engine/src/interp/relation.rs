//! Tuple storage: deduplicated row sets, per-column-set indexes, and the semi-naive
//! versions of a relation (stable rows, last round's `recent` rows, and the tuples
//! `to_add` at the end of the current round), in the manner of datafrog's `Variable`.
//!
//! Rows are only ever appended, and a round's new tuples are appended together, so
//! `recent` is one contiguous range of row ids and every index entry lists its rows
//! in increasing order.

use super::Res;
use super::budget::{Budget, INDEX_KEY, INDEX_ROW, tuple_bytes};
use crate::ir::{IndexId, Program, Version};
use crate::span::Span;
use crate::value::Value;
use hashbrown::hash_table::Entry;
use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::Range;

/// A row id: the position of a tuple in its [`TupleSet`].
pub(super) type RowId = u32;

fn hash_values(hasher: &DefaultHashBuilder, values: impl Iterator<Item = Value>) -> u64 {
    let mut h = hasher.build_hasher();
    for v in values {
        v.hash(&mut h);
    }
    h.finish()
}

/// A set of tuples of one arity, stored row after row in one flat vector, with a hash
/// table of row ids for deduplication.
#[derive(Debug, Default)]
pub(super) struct TupleSet {
    arity: usize,
    values: Vec<Value>,
    len: u32,
    table: HashTable<RowId>,
    hasher: DefaultHashBuilder,
}

fn row_of(values: &[Value], arity: usize, id: RowId) -> &[Value] {
    let start = id as usize * arity;
    &values[start..start + arity]
}

impl TupleSet {
    /// An empty set of `arity`-tuples.
    pub(super) fn new(arity: usize) -> TupleSet {
        TupleSet {
            arity,
            ..TupleSet::default()
        }
    }

    /// The arity.
    pub(super) fn arity(&self) -> usize {
        self.arity
    }

    /// Number of tuples.
    pub(super) fn len(&self) -> u32 {
        self.len
    }

    /// The tuple with id `id` (ids are `0..len`).
    pub(super) fn row(&self, id: RowId) -> &[Value] {
        row_of(&self.values, self.arity, id)
    }

    /// True when `row` is in the set.
    pub(super) fn contains(&self, row: &[Value]) -> bool {
        let hash = hash_values(&self.hasher, row.iter().copied());
        self.table.find(hash, |&id| self.row(id) == row).is_some()
    }

    /// Adds `row` (of the set's arity) unless present; true when it was new.
    pub(super) fn insert(&mut self, row: &[Value]) -> bool {
        let hash = hash_values(&self.hasher, row.iter().copied());
        let (values, arity, hasher) = (&self.values, self.arity, &self.hasher);
        match self.table.entry(
            hash,
            |&id| row_of(values, arity, id) == row,
            |&id| hash_values(hasher, row_of(values, arity, id).iter().copied()),
        ) {
            Entry::Occupied(_) => return false,
            Entry::Vacant(slot) => {
                slot.insert(self.len);
            }
        }
        self.values.extend_from_slice(row);
        self.len += 1;
        true
    }

    /// Removes every tuple, keeping the allocations.
    pub(super) fn clear(&mut self) {
        self.values.clear();
        self.table.clear();
        self.len = 0;
    }
}

/// The rows of a relation grouped by the values of some key columns.
#[derive(Debug)]
struct Index {
    id: IndexId,
    columns: Vec<usize>,
    table: HashTable<Vec<RowId>>,
    hasher: DefaultHashBuilder,
}

impl Index {
    /// Files row `id` of `rows` under its key; returns the bytes this adds to the estimate.
    fn add(&mut self, rows: &TupleSet, id: RowId) -> u64 {
        let row = rows.row(id);
        let key = |r: &[Value], k: usize| r[self.columns[k]];
        let hash = hash_values(&self.hasher, self.columns.iter().map(|&c| row[c]));
        let entry = self.table.entry(
            hash,
            |ids| (0..self.columns.len()).all(|k| key(rows.row(ids[0]), k) == key(row, k)),
            |ids| {
                hash_values(
                    &self.hasher,
                    self.columns.iter().map(|&c| rows.row(ids[0])[c]),
                )
            },
        );
        match entry {
            Entry::Occupied(mut ids) => {
                ids.get_mut().push(id);
                INDEX_ROW
            }
            Entry::Vacant(slot) => {
                slot.insert(vec![id]);
                INDEX_ROW + INDEX_KEY
            }
        }
    }

    /// The ids of the rows whose key columns equal `key`, in increasing order.
    fn probe<'a>(&'a self, rows: &TupleSet, key: &[Value]) -> &'a [RowId] {
        let hash = hash_values(&self.hasher, key.iter().copied());
        let found = self.table.find(hash, |ids| {
            let row = rows.row(ids[0]);
            self.columns.iter().zip(key).all(|(&c, v)| row[c] == *v)
        });
        found.map_or(&[], Vec::as_slice)
    }
}

/// One relation: its rows, the range of them added in the last round, and its indexes.
#[derive(Debug)]
pub(super) struct Relation {
    rows: TupleSet,
    recent: Range<RowId>,
    indexes: Vec<Index>,
}

impl Relation {
    /// Number of tuples.
    pub(super) fn len(&self) -> u32 {
        self.rows.len()
    }

    /// The tuple with id `id`.
    pub(super) fn row(&self, id: RowId) -> &[Value] {
        self.rows.row(id)
    }

    /// True when the relation holds `row`.
    pub(super) fn contains(&self, row: &[Value]) -> bool {
        self.rows.contains(row)
    }

    /// The row ids a scan of `version` visits.
    pub(super) fn rows(&self, version: Version) -> Range<RowId> {
        match version {
            Version::Full => 0..self.rows.len(),
            Version::Delta => self.recent.clone(),
        }
    }

    /// The ids of the rows of `version` whose columns of index `index` equal `key`, in
    /// increasing order; empty when this relation has no such index.
    pub(super) fn probe(&self, index: IndexId, key: &[Value], version: Version) -> &[RowId] {
        let Some(ix) = self.indexes.iter().find(|ix| ix.id == index) else {
            return &[];
        };
        let ids = ix.probe(&self.rows, key);
        match version {
            Version::Full => ids,
            Version::Delta => {
                let from = ids.partition_point(|&id| id < self.recent.start);
                let to = ids.partition_point(|&id| id < self.recent.end);
                &ids[from..to]
            }
        }
    }

    /// Appends `row` if new and indexes it; returns the bytes added, `None` if present.
    fn push(&mut self, row: &[Value]) -> Option<u64> {
        if !self.rows.insert(row) {
            return None;
        }
        let id = self.rows.len() - 1;
        let mut bytes = tuple_bytes(1, self.rows.arity());
        for ix in &mut self.indexes {
            bytes += ix.add(&self.rows, id);
        }
        Some(bytes)
    }
}

/// The tuples emitted in the current round that are not in their relation yet, one set
/// per relation; merged by [`Database::changed`].
#[derive(Debug)]
pub(super) struct ToAdd {
    sets: Vec<TupleSet>,
    count: u64,
}

impl ToAdd {
    /// How many tuples wait to be merged.
    pub(super) fn count(&self) -> u64 {
        self.count
    }

    /// Adds `row` to relation `rel`'s pending set; true when it was not pending yet.
    pub(super) fn insert(&mut self, rel: usize, row: &[Value]) -> bool {
        let new = self.sets[rel].insert(row);
        self.count += u64::from(new);
        new
    }
}

/// Every relation of the program, plus the round's pending tuples.
#[derive(Debug)]
pub(super) struct Database {
    relations: Vec<Relation>,
    to_add: ToAdd,
    tuples: u64,
}

impl Database {
    /// An empty database with the relations and indexes of `program`.
    pub(super) fn new(program: &Program) -> Database {
        let mut relations: Vec<Relation> = program
            .relations
            .iter()
            .map(|r| Relation {
                rows: TupleSet::new(r.arity as usize),
                recent: 0..0,
                indexes: Vec::new(),
            })
            .collect();
        for (i, def) in program.indexes.iter().enumerate() {
            if let Some(rel) = relations.get_mut(def.rel.index()) {
                rel.indexes.push(Index {
                    id: IndexId(i as u32),
                    columns: def.columns.iter().map(|&c| c as usize).collect(),
                    table: HashTable::new(),
                    hasher: DefaultHashBuilder::default(),
                });
            }
        }
        let sets = relations
            .iter()
            .map(|r| TupleSet::new(r.rows.arity()))
            .collect();
        Database {
            relations,
            to_add: ToAdd { sets, count: 0 },
            tuples: 0,
        }
    }

    /// Tuples stored (pending ones excluded).
    pub(super) fn tuples(&self) -> u64 {
        self.tuples
    }

    /// The relations, read-only.
    pub(super) fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// The relations to read and the pending tuples to write, during a round.
    pub(super) fn split(&mut self) -> (&[Relation], &mut ToAdd) {
        (&self.relations, &mut self.to_add)
    }

    /// Inserts a FACT now (checking the tuple and memory limits at `span`).
    pub(super) fn insert_fact(
        &mut self,
        rel: usize,
        row: &[Value],
        name: &str,
        budget: &mut Budget,
        span: Span,
    ) -> Res<()> {
        let relation = &mut self.relations[rel];
        if relation.contains(row) {
            return Ok(());
        }
        budget.check_tuples(self.tuples + 1, name, span)?;
        if let Some(bytes) = relation.push(row) {
            self.tuples += 1;
            budget.charge(bytes, span)?;
        }
        Ok(())
    }

    /// Makes every row stable: the next delta starts empty.
    pub(super) fn settle(&mut self) {
        for rel in &mut self.relations {
            let end = rel.rows.len();
            rel.recent = end..end;
        }
    }

    /// The end of a round: last round's `recent` rows become stable and the pending
    /// tuples become `recent`. True when some relation got new tuples.
    pub(super) fn changed(&mut self, budget: &mut Budget, span: Span) -> Res<bool> {
        let mut changed = false;
        for (rel, pending) in self.relations.iter_mut().zip(&mut self.to_add.sets) {
            budget.release(tuple_bytes(u64::from(pending.len()), pending.arity()));
            let start = rel.rows.len();
            for id in 0..pending.len() {
                if let Some(bytes) = rel.push(pending.row(id)) {
                    self.tuples += 1;
                    budget.charge(bytes, span)?;
                }
            }
            pending.clear();
            rel.recent = start..rel.rows.len();
            changed |= !rel.recent.is_empty();
        }
        self.to_add.count = 0;
        Ok(changed)
    }
}
