//! Tuple storage: deduplicated row sets, per-column-set indexes, and the semi-naive
//! versions of a relation (stable rows, last round's `recent` rows, and the tuples
//! pending until the end of the current round), in the manner of datafrog's `Variable`.
//!
//! Rows are only ever appended. A tuple emitted during a round is appended to its
//! relation's row set at once (one hash lookup decides that it is new and stores it)
//! but stays *pending*: beyond `visible`, in no index, seen by no scan or query,
//! until the round ends. So `recent` is one contiguous range of row ids and every
//! index entry lists its rows in increasing order.
//!
//! An index files rows only when a plan about to run needs it ([`Database::file`]):
//! an index only the first round of a stratum reads, such as the one on the
//! recursive relation of `path(x, z) :- edge(x, y), path(y, z)`, is not kept up to
//! date through the rounds that never read it.

use super::Res;
use super::budget::{Budget, INDEX_KEY, INDEX_ROW, tuple_bytes};
use super::dedup::{DedupTable, pack};
use super::hash::{hash_columns, hash_row, hash_values};
use super::rows::{Row, Rows};
use crate::ir::{IndexId, Program, RelId, Version};
use crate::span::Span;
use crate::value::Value;
use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use smallvec::SmallVec;
use std::ops::Range;

/// Where the row ids an index probe found are: valid while the index does not
/// change, which it does not during a round.
#[derive(Clone, Copy, Debug)]
pub(super) struct Probe {
    /// Position of the index in the relation's indexes.
    index: usize,
    /// The key's bucket in that index's table.
    bucket: usize,
}

/// A row id: the position of a tuple in its [`TupleSet`].
pub(super) type RowId = u32;

/// A set of tuples of one arity, stored row after row ([`Rows`]), with a hash table
/// for deduplication that holds the tuples themselves while they are all packable
/// ([`pack`]) and row ids from the first that is not.
#[derive(Debug)]
pub(super) struct TupleSet {
    arity: usize,
    rows: Rows,
    len: u32,
    table: DedupTable,
}

/// The 32 bits of a row's [`hash_row`] a dedup table of row ids keeps.
fn short_hash(hash: u64) -> u32 {
    (hash >> 32) as u32
}

impl TupleSet {
    /// An empty set of `arity`-tuples.
    pub(super) fn new(arity: usize) -> TupleSet {
        TupleSet {
            arity,
            rows: Rows::default(),
            len: 0,
            table: if (1..=2).contains(&arity) {
                DedupTable::packed()
            } else {
                DedupTable::hashed()
            },
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
    #[inline]
    pub(super) fn row(&self, id: RowId) -> Row<'_> {
        self.rows.row(self.arity, id)
    }

    /// True when `row` (of the set's arity) is in the set.
    pub(super) fn contains(&self, row: &[Value]) -> bool {
        if self.table.is_packed() {
            // Every tuple in the set is packable.
            return pack(row).is_some_and(|key| self.table.contains_packed(key));
        }
        self.table
            .contains(short_hash(hash_row(row)), |id| self.row(id).equals(row))
    }

    /// Reads what inserting `rows` (flat, of the set's arity) will read first: the
    /// dedup slots they start at, then, in a table of row ids, the rows in those
    /// slots whose hash bits match. The loads of each pass are independent, so their
    /// cache misses overlap, and the inserts that follow find the memory cached.
    pub(super) fn prefetch(&self, rows: &[Value]) {
        if self.arity == 0 {
            return;
        }
        let rows = rows.chunks_exact(self.arity);
        if self.table.is_packed() {
            for key in rows.filter_map(pack) {
                self.table.touch_packed(key);
            }
            return;
        }
        let hashes: SmallVec<[u32; 32]> = rows.map(|row| short_hash(hash_row(row))).collect();
        for &hash in &hashes {
            std::hint::black_box(self.table.first_slot(hash).0);
        }
        if self.len == 0 {
            return;
        }
        // Row 0 stands in for a slot without a match, so the pass does not branch
        // on what it reads.
        for &hash in &hashes {
            let id = self.table.first_slot(hash).1.unwrap_or(0);
            self.rows.touch(self.arity, id);
        }
    }

    /// Adds `row` (of the set's arity) unless present; true when it was new. The
    /// first row that is not packable turns the table into one of row ids.
    pub(super) fn insert(&mut self, row: &[Value]) -> bool {
        let new = match pack(row) {
            Some(key) if self.table.is_packed() => self.table.insert_packed(key),
            _ => {
                if self.table.is_packed() {
                    self.unpack();
                }
                let (rows, arity) = (&self.rows, self.arity);
                self.table
                    .insert(short_hash(hash_row(row)), self.len, |id| {
                        rows.row(arity, id).equals(row)
                    })
            }
        };
        if new {
            self.rows.push(row);
            self.len += 1;
        }
        new
    }

    /// Turns the packed dedup table into one of row ids, by the hashes of the rows.
    fn unpack(&mut self) {
        let (rows, arity) = (&self.rows, self.arity);
        self.table
            .unpack((0..self.len).map(|id| short_hash(hash_values(rows.row(arity, id).values()))));
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
    /// Rows `0..filed` of the relation are filed.
    filed: RowId,
}

impl Index {
    /// True when `row`'s key columns equal `key`.
    fn matches(&self, row: Row<'_>, key: impl Iterator<Item = Value>) -> bool {
        self.columns.iter().zip(key).all(|(&c, v)| row.get(c) == v)
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
                columns.iter().all(|&c| first.get(c) == row.get(c))
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

    /// The bucket of the rows whose key columns equal `key`.
    fn probe(&self, rows: &TupleSet, key: impl Iterator<Item = Value> + Clone) -> Option<usize> {
        let hash = hash_values(key.clone());
        self.table.find_bucket_index(hash, |k| {
            k.hash == hash && self.matches(rows.row(k.ids[0]), key.clone())
        })
    }

    /// The row ids of a bucket [`Index::probe`] found, in increasing order.
    fn ids(&self, bucket: usize) -> &[RowId] {
        self.table
            .get_bucket(bucket)
            .map_or(&[], |k| k.ids.as_slice())
    }
}

/// One relation: its rows, the range of them added in the last round, and its indexes.
#[derive(Debug)]
pub(super) struct Relation {
    rows: TupleSet,
    /// Rows `0..visible` are stored; the rest are pending.
    visible: RowId,
    recent: Range<RowId>,
    indexes: Vec<Index>,
}

impl Relation {
    /// Number of stored tuples (pending ones excluded).
    pub(super) fn len(&self) -> u32 {
        self.visible
    }

    /// The tuple with id `id`.
    #[inline]
    pub(super) fn row(&self, id: RowId) -> Row<'_> {
        self.rows.row(id)
    }

    /// Adds `row` as a pending tuple unless it is stored or pending already; true
    /// when it was new.
    pub(super) fn insert_pending(&mut self, row: &[Value]) -> bool {
        self.rows.insert(row)
    }

    /// Whether looking tuples up a batch at a time ([`Relation::prefetch`]) pays: not
    /// while the dedup table is a bitmap, whose words stay in cache.
    pub(super) fn batches_help(&self) -> bool {
        !self.rows.table.is_dense()
    }

    /// [`TupleSet::prefetch`] for this relation's rows.
    pub(super) fn prefetch(&self, rows: &[Value]) {
        self.rows.prefetch(rows);
    }

    /// The row ids a scan of `version` visits.
    pub(super) fn rows(&self, version: Version) -> Range<RowId> {
        match version {
            Version::Full => 0..self.visible,
            Version::Delta => self.recent.clone(),
        }
    }

    /// Probes index `index` for the rows of `version` whose key columns equal `key`:
    /// where their ids are and the positions to read with [`Relation::probed`]
    /// (empty when no row has that key or this relation has no such index). The
    /// index was filed by [`Database::file`] before the plan ran.
    pub(super) fn probe(
        &self,
        index: IndexId,
        key: impl Iterator<Item = Value> + Clone,
        version: Version,
    ) -> (Probe, Range<usize>) {
        let none = (
            Probe {
                index: 0,
                bucket: 0,
            },
            0..0,
        );
        let Some(pos) = self.indexes.iter().position(|ix| ix.id == index) else {
            return none;
        };
        let index = &self.indexes[pos];
        debug_assert_eq!(index.filed, self.visible, "a probed index is filed");
        let Some(bucket) = index.probe(&self.rows, key) else {
            return none;
        };
        let ids = index.ids(bucket);
        let range = match version {
            Version::Full => 0..ids.len(),
            Version::Delta => {
                let from = ids.partition_point(|&id| id < self.recent.start);
                from..ids.partition_point(|&id| id < self.recent.end)
            }
        };
        (Probe { index: pos, bucket }, range)
    }

    /// The `i`-th row id a [`Relation::probe`] found.
    pub(super) fn probed(&self, probe: Probe, i: usize) -> RowId {
        self.indexes[probe.index].ids(probe.bucket)[i]
    }

    /// Appends `row` if new; returns the bytes added, `None` if present.
    fn push(&mut self, row: &[Value]) -> Option<u64> {
        if !self.rows.insert(row) {
            return None;
        }
        self.visible += 1;
        Some(tuple_bytes(1, self.rows.arity()))
    }

    /// Files the stored rows index `index` lacks; returns the bytes this adds (none
    /// when this relation has no such index).
    fn file(&mut self, index: IndexId) -> u64 {
        let Some(index) = self.indexes.iter_mut().find(|ix| ix.id == index) else {
            return 0;
        };
        let mut bytes = 0;
        for id in index.filed..self.visible {
            bytes += index.add(&self.rows, id);
        }
        index.filed = self.visible;
        bytes
    }
}

/// Every relation of the program, plus the round's pending tuples.
#[derive(Debug)]
pub(super) struct Database {
    relations: Vec<Relation>,
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
                visible: 0,
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
                    filed: 0,
                });
            }
        }
        Database {
            relations,
            tuples: 0,
        }
    }

    /// Files every stored row in the indexes `ids` (each with its relation), so plans
    /// can probe them; charges what this adds to the memory estimate at `span`.
    pub(super) fn file(
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
    pub(super) fn tuples(&self) -> u64 {
        self.tuples
    }

    /// The relations, read-only.
    pub(super) fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// The relations, to read and to add pending tuples to during a round.
    pub(super) fn relations_mut(&mut self) -> &mut [Relation] {
        &mut self.relations
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
        if relation.rows.contains(row) {
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
            rel.recent = rel.visible..rel.visible;
        }
    }

    /// The end of a round: last round's `recent` rows become stable and the pending
    /// tuples become stored and `recent` (their memory was charged when they were
    /// emitted). True when some relation got new tuples.
    pub(super) fn changed(&mut self) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Sym;

    /// Inserts `rows` into `set`, once with [`TupleSet::prefetch`] and then again,
    /// and checks that each was new the first time only and is found after.
    fn insert_all(set: &mut TupleSet, rows: &[Vec<Value>]) {
        set.prefetch(&rows.concat());
        for row in rows {
            assert!(!set.contains(row), "{row:?}");
            assert!(set.insert(row), "{row:?}");
        }
        set.prefetch(&rows.concat());
        for row in rows {
            assert!(set.contains(row), "{row:?}");
            assert!(!set.insert(row), "{row:?}");
        }
    }

    fn ints(pairs: impl Iterator<Item = (i64, i64)>) -> Vec<Vec<Value>> {
        pairs
            .map(|(a, b)| vec![Value::Int(a), Value::Int(b)])
            .collect()
    }

    #[test]
    fn turns_to_row_ids_at_the_first_unpackable_row() {
        let max = i64::from(i32::MAX);
        for odd in [
            vec![Value::Int(max + 1), Value::Int(0)],
            vec![Value::Int(-max - 1), Value::Int(0)],
            vec![Value::Int(5), Value::Float(0.5)],
            vec![Value::Sym(Sym(2)), Value::Int(5)],
        ] {
            let mut set = TupleSet::new(2);
            insert_all(&mut set, &ints((0..300).map(|i| (i, -i))));
            assert!(set.table.is_packed());
            assert!(!set.contains(&odd));
            insert_all(&mut set, std::slice::from_ref(&odd));
            assert!(!set.table.is_packed());
            insert_all(&mut set, &ints((0..300).map(|i| (-max + i, max - i))));
            for row in ints((0..300).map(|i| (i, -i))) {
                assert!(!set.insert(&row));
            }
            assert_eq!(set.len(), 601);
        }
    }

    #[test]
    fn sets_of_other_arities_hold_row_ids() {
        let mut triples = TupleSet::new(3);
        assert!(!triples.table.is_packed());
        let rows: Vec<Vec<Value>> = (0..100)
            .map(|i| vec![Value::Int(i), Value::Int(1), Value::Int(-i)])
            .collect();
        insert_all(&mut triples, &rows);
        let mut nullary = TupleSet::new(0);
        insert_all(&mut nullary, &[vec![]]);
        let mut single = TupleSet::new(1);
        insert_all(&mut single, &[vec![Value::Int(-1)], vec![Value::Int(1)]]);
        assert!(single.table.is_packed());
    }
}
