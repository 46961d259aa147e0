//! Tuple storage: deduplicated row sets, per-column-set indexes, and the semi-naive
//! versions of a relation (stable rows, last round's `recent` rows, and the tuples
//! `to_add` at the end of the current round), in the manner of datafrog's `Variable`.
//!
//! Rows are only ever appended, and a round's new tuples are appended together, so
//! `recent` is one contiguous range of row ids and every index entry lists its rows
//! in increasing order.

use super::Res;
use super::budget::{Budget, INDEX_KEY, INDEX_ROW, tuple_bytes};
use super::hash::{hash_columns, hash_row};
use crate::ir::{IndexId, Program, Version};
use crate::span::Span;
use crate::value::Value;
use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use std::ops::Range;

/// A row id: the position of a tuple in its [`TupleSet`].
pub(super) type RowId = u32;

/// A set of tuples of one arity, stored row after row in one flat vector, with a hash
/// table of row ids for deduplication.
#[derive(Debug, Default)]
pub(super) struct TupleSet {
    arity: usize,
    values: Vec<Value>,
    len: u32,
    table: HashTable<RowId>,
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

    /// True when `row`, whose [`hash_row`] is `hash`, is in the set.
    pub(super) fn contains_hashed(&self, hash: u64, row: &[Value]) -> bool {
        self.table.find(hash, |&id| self.row(id) == row).is_some()
    }

    /// Adds `row` (of the set's arity, hashing to `hash`) unless present; true when
    /// it was new.
    pub(super) fn insert_hashed(&mut self, hash: u64, row: &[Value]) -> bool {
        let (values, arity) = (&self.values, self.arity);
        match self.table.entry(
            hash,
            |&id| row_of(values, arity, id) == row,
            |&id| hash_row(row_of(values, arity, id)),
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

    /// Appends `row`, known not to be in the set, hashing to `hash`.
    fn push_unique(&mut self, hash: u64, row: &[Value]) {
        debug_assert!(!self.contains_hashed(hash, row));
        let (values, arity) = (&self.values, self.arity);
        self.table
            .insert_unique(hash, self.len, |&id| hash_row(row_of(values, arity, id)));
        self.values.extend_from_slice(row);
        self.len += 1;
    }

    /// Makes room for `additional` more tuples.
    fn reserve(&mut self, additional: usize) {
        let (values, arity) = (&self.values, self.arity);
        self.table
            .reserve(additional, |&id| hash_row(row_of(values, arity, id)));
        self.values.reserve(additional * arity);
    }

    /// Removes every tuple, keeping the allocations.
    pub(super) fn clear(&mut self) {
        self.values.clear();
        self.table.clear();
        self.len = 0;
    }
}

/// The rows of one index key: the key's hash and every row id with that key, in
/// increasing order.
#[derive(Debug)]
struct KeyRows {
    hash: u64,
    ids: Vec<RowId>,
}

/// The rows of a relation grouped by the values of some key columns.
#[derive(Debug)]
struct Index {
    id: IndexId,
    columns: Vec<usize>,
    table: HashTable<KeyRows>,
}

impl Index {
    /// True when `row`'s key columns equal `key`.
    fn matches(&self, row: &[Value], key: &[Value]) -> bool {
        self.columns.iter().zip(key).all(|(&c, v)| row[c] == *v)
    }

    /// Files row `id` of `rows` under its key; returns the bytes this adds to the estimate.
    fn add(&mut self, rows: &TupleSet, id: RowId) -> u64 {
        let row = rows.row(id);
        let hash = hash_columns(row, &self.columns);
        let columns = &self.columns;
        let entry = self.table.entry(
            hash,
            |k| {
                let first = rows.row(k.ids[0]);
                columns.iter().all(|&c| first[c] == row[c])
            },
            |k| k.hash,
        );
        match entry {
            Entry::Occupied(mut k) => {
                k.get_mut().ids.push(id);
                INDEX_ROW
            }
            Entry::Vacant(slot) => {
                slot.insert(KeyRows {
                    hash,
                    ids: vec![id],
                });
                INDEX_ROW + INDEX_KEY
            }
        }
    }

    /// The ids of the rows whose key columns equal `key`, in increasing order.
    fn probe<'a>(&'a self, rows: &TupleSet, key: &[Value]) -> &'a [RowId] {
        let hash = hash_row(key);
        let found = self.table.find(hash, |k| {
            k.hash == hash && self.matches(rows.row(k.ids[0]), key)
        });
        found.map_or(&[], |k| k.ids.as_slice())
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

    /// True when the relation holds `row`, whose [`hash_row`] is `hash`.
    pub(super) fn contains_hashed(&self, hash: u64, row: &[Value]) -> bool {
        self.rows.contains_hashed(hash, row)
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

    /// Appends `row` (hashing to `hash`) if new and indexes it; returns the bytes
    /// added, `None` if present.
    fn push(&mut self, hash: u64, row: &[Value]) -> Option<u64> {
        if !self.rows.insert_hashed(hash, row) {
            return None;
        }
        Some(self.index_last())
    }

    /// Appends `row`, known to be new, and indexes it; returns the bytes added.
    fn push_unique(&mut self, hash: u64, row: &[Value]) -> u64 {
        self.rows.push_unique(hash, row);
        self.index_last()
    }

    /// Files the last row in every index; returns the bytes of the row and its entries.
    fn index_last(&mut self) -> u64 {
        let id = self.rows.len() - 1;
        let mut bytes = tuple_bytes(1, self.rows.arity());
        for ix in &mut self.indexes {
            bytes += ix.add(&self.rows, id);
        }
        bytes
    }
}

/// The tuples emitted in the current round that are not in their relation yet, one set
/// per relation with the hash of each of its rows; merged by [`Database::changed`].
#[derive(Debug)]
pub(super) struct ToAdd {
    sets: Vec<TupleSet>,
    hashes: Vec<Vec<u64>>,
    count: u64,
}

impl ToAdd {
    /// How many tuples wait to be merged.
    pub(super) fn count(&self) -> u64 {
        self.count
    }

    /// Adds `row` (hashing to `hash`) to relation `rel`'s pending set; true when it
    /// was not pending yet.
    pub(super) fn insert(&mut self, rel: usize, hash: u64, row: &[Value]) -> bool {
        let new = self.sets[rel].insert_hashed(hash, row);
        if new {
            self.hashes[rel].push(hash);
            self.count += 1;
        }
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
                });
            }
        }
        let sets = relations
            .iter()
            .map(|r| TupleSet::new(r.rows.arity()))
            .collect();
        let hashes = vec![Vec::new(); relations.len()];
        Database {
            relations,
            to_add: ToAdd {
                sets,
                hashes,
                count: 0,
            },
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
        let hash = hash_row(row);
        if relation.contains_hashed(hash, row) {
            return Ok(());
        }
        budget.check_tuples(self.tuples + 1, name, span)?;
        if let Some(bytes) = relation.push(hash, row) {
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
    ///
    /// A pending tuple was checked absent from its relation when it was emitted, and
    /// relations do not change during a round, so it is appended without a lookup.
    pub(super) fn changed(&mut self, budget: &mut Budget, span: Span) -> Res<bool> {
        let mut changed = false;
        let to_add = &mut self.to_add;
        for ((rel, pending), hashes) in self
            .relations
            .iter_mut()
            .zip(&mut to_add.sets)
            .zip(&mut to_add.hashes)
        {
            budget.release(tuple_bytes(u64::from(pending.len()), pending.arity()));
            let start = rel.rows.len();
            rel.rows.reserve(hashes.len());
            for (id, &hash) in hashes.iter().enumerate() {
                let bytes = rel.push_unique(hash, pending.row(id as RowId));
                self.tuples += 1;
                budget.charge(bytes, span)?;
            }
            pending.clear();
            hashes.clear();
            rel.recent = start..rel.rows.len();
            changed |= !rel.recent.is_empty();
        }
        to_add.count = 0;
        Ok(changed)
    }
}
