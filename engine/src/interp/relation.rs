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
    /// The key's position in that index.
    key: usize,
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

/// How many direct slots a one-column index may keep per key it has, beyond
/// [`DIRECT_MIN`]: its keys must be this dense among the Ints they span.
const DIRECT_PER_KEY: usize = 4;
/// Direct slots any one-column index of Ints may keep, however few its keys.
const DIRECT_MIN: usize = 1024;

/// The keys of a one-column index whose keys are all Ints close together, found by
/// their value: `slots[v - low]` is the position of key `v` plus one (0: no such key).
#[derive(Debug, Default)]
struct Direct {
    low: i64,
    slots: Vec<u32>,
}

impl Direct {
    /// The position of key `v`, if it has one.
    #[inline]
    fn get(&self, v: i64) -> Option<usize> {
        let slot = *self
            .slots
            .get(usize::try_from(v.checked_sub(self.low)?).ok()?)?;
        (slot != 0).then(|| slot as usize - 1)
    }

    /// The slots of the keys `values` (by position), if they are Ints dense enough.
    fn of(values: impl Iterator<Item = Value> + Clone) -> Option<Direct> {
        let (mut low, mut high, mut keys) = (i64::MAX, i64::MIN, 0);
        for value in values.clone() {
            let Value::Int(v) = value else {
                return None;
            };
            (low, high, keys) = (low.min(v), high.max(v), keys + 1);
        }
        let span = usize::try_from(high.checked_sub(low)?.checked_add(1)?).ok()?;
        if span > DIRECT_MIN + DIRECT_PER_KEY * keys {
            return None;
        }
        let mut slots = vec![0; span];
        for (k, value) in values.enumerate() {
            if let Value::Int(v) = value {
                slots[(v - low) as usize] = k as u32 + 1;
            }
        }
        Some(Direct { low, slots })
    }

    /// Records that key `v` is at position `k` (of `keys` keys in all); false when the
    /// slots would be too sparse for that (or reach past the Ints), and the index must
    /// do without them.
    fn set(&mut self, v: i64, k: usize, keys: usize) -> bool {
        if self.slots.is_empty() {
            self.low = v;
        }
        let len = self.slots.len() as i64;
        let (Some(end), Some(v_end)) = (self.low.checked_add(len), v.checked_add(1)) else {
            return false;
        };
        let (low, high) = (self.low.min(v), end.max(v_end));
        let Some(span) = high.checked_sub(low) else {
            return false;
        };
        if span > len {
            // At least twice the span, grown towards `v`, if dense enough.
            let span = span.max(2 * len);
            if span as u64 > (DIRECT_MIN + DIRECT_PER_KEY * keys) as u64 {
                return false;
            }
            let new_low = if v < self.low {
                high.checked_sub(span)
            } else {
                Some(self.low)
            };
            let Some(new_low) = new_low.filter(|l| l.checked_add(span).is_some()) else {
                return false;
            };
            let mut slots = vec![0; span as usize];
            let at = (self.low - new_low) as usize;
            slots[at..at + self.slots.len()].copy_from_slice(&self.slots);
            *self = Direct {
                low: new_low,
                slots,
            };
        }
        self.slots[(v - self.low) as usize] = k as u32 + 1;
        true
    }
}

/// The rows of a relation grouped by the values of some key columns.
#[derive(Debug)]
struct Index {
    id: IndexId,
    columns: Vec<usize>,
    /// Every key's rows, in the order the keys were first filed.
    keys: Vec<KeyRows>,
    /// The position in `keys` of each key, filed by its hash.
    table: HashTable<u32>,
    /// A one-column index of Ints finds its keys here instead, while they are dense.
    direct: Option<Direct>,
    /// How many keys an index without `direct` has when it tries to build it again.
    direct_retry: usize,
    /// Rows `0..filed` of the relation are filed.
    filed: RowId,
}

impl Index {
    /// An empty index of relation rows by `columns`.
    fn new(id: IndexId, columns: Vec<usize>) -> Index {
        Index {
            id,
            direct: (columns.len() == 1).then(Direct::default),
            direct_retry: 0,
            columns,
            keys: Vec::new(),
            table: HashTable::new(),
            filed: 0,
        }
    }

    /// True when `row`'s key columns equal `key`.
    fn matches(&self, row: Row<'_>, key: impl Iterator<Item = Value>) -> bool {
        self.columns.iter().zip(key).all(|(&c, v)| row.get(c) == v)
    }

    /// Files row `id` of `rows` under its key; returns the bytes this adds to the estimate.
    fn add(&mut self, rows: &TupleSet, id: RowId) -> u64 {
        let row = rows.row(id);
        if let Some(direct) = &self.direct
            && let Value::Int(v) = row.get(self.columns[0])
            && let Some(k) = direct.get(v)
        {
            self.keys[k].ids.push(id);
            return INDEX_ROW;
        }
        let hash = hash_columns(row, &self.columns);
        let (columns, keys) = (&self.columns, &mut self.keys);
        let entry = self.table.entry(
            hash,
            |&k| {
                let first = rows.row(keys[k as usize].ids[0]);
                columns.iter().all(|&c| first.get(c) == row.get(c))
            },
            |&k| keys[k as usize].hash,
        );
        match entry {
            Entry::Occupied(k) => {
                keys[*k.get() as usize].ids.push(id);
                INDEX_ROW
            }
            Entry::Vacant(slot) => {
                let k = keys.len();
                slot.insert(k as u32);
                keys.push(KeyRows {
                    hash,
                    ids: vec![id],
                });
                if columns.len() == 1 {
                    let filed = match (&mut self.direct, row.get(columns[0])) {
                        (Some(direct), Value::Int(v)) => direct.set(v, k, k + 1),
                        _ => false,
                    };
                    if !filed {
                        // Again from every key once there are twice as many: keys
                        // that start far apart may fill the range between later.
                        self.direct = None;
                        if k + 1 >= self.direct_retry {
                            self.direct_retry = 2 * (k + 1);
                            let first = |key: &KeyRows| rows.row(key.ids[0]).get(columns[0]);
                            self.direct = Direct::of(keys.iter().map(first));
                        }
                    }
                }
                INDEX_ROW + INDEX_KEY
            }
        }
    }

    /// The position of the key whose columns equal `key`, if rows have it.
    fn probe(
        &self,
        rows: &TupleSet,
        mut key: impl Iterator<Item = Value> + Clone,
    ) -> Option<usize> {
        if let Some(direct) = &self.direct {
            // Every key is an Int.
            return match key.next() {
                Some(Value::Int(v)) => direct.get(v),
                _ => None,
            };
        }
        let hash = hash_values(key.clone());
        let keys = &self.keys;
        self.table
            .find(hash, |&k| {
                let k = &keys[k as usize];
                k.hash == hash && self.matches(rows.row(k.ids[0]), key.clone())
            })
            .map(|&k| k as usize)
    }

    /// The row ids of a key [`Index::probe`] found, in increasing order.
    fn ids(&self, key: usize) -> &[RowId] {
        &self.keys[key].ids
    }
}

/// The position of the first id of `ids` (increasing) that is at least `start`,
/// searched for from the end in steps that double: the ids of last round's rows are
/// the last few of a long list, and the search reads only the list's end.
fn first_at_least(ids: &[RowId], start: RowId) -> usize {
    let (mut high, mut step) = (ids.len(), 1);
    while high > 0 {
        let low = high.saturating_sub(step);
        if ids[low] < start {
            return low + 1 + ids[low + 1..high].partition_point(|&id| id < start);
        }
        high = low;
        step *= 2;
    }
    0
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

    /// Whether `row` (of the relation's arity) is stored, found by the dedup table;
    /// `None` while tuples are pending (they are in the table but not stored).
    pub(super) fn contains(&self, row: &[Value]) -> Option<bool> {
        (self.visible == self.rows.len()).then(|| self.rows.contains(row))
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
        let none = (Probe { index: 0, key: 0 }, 0..0);
        let Some(pos) = self.indexes.iter().position(|ix| ix.id == index) else {
            return none;
        };
        let index = &self.indexes[pos];
        debug_assert_eq!(index.filed, self.visible, "a probed index is filed");
        let Some(found) = index.probe(&self.rows, key) else {
            return none;
        };
        let ids = index.ids(found);
        let range = match version {
            Version::Full => 0..ids.len(),
            Version::Delta => {
                // The delta is the last rows filed, so its ids end the list.
                let end = if ids.last().is_none_or(|&id| id < self.recent.end) {
                    ids.len()
                } else {
                    ids.partition_point(|&id| id < self.recent.end)
                };
                first_at_least(&ids[..end], self.recent.start)..end
            }
        };
        (
            Probe {
                index: pos,
                key: found,
            },
            range,
        )
    }

    /// The `i`-th row id a [`Relation::probe`] found.
    pub(super) fn probed(&self, probe: Probe, i: usize) -> RowId {
        self.indexes[probe.index].ids(probe.key)[i]
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
                rel.indexes.push(Index::new(
                    IndexId(i as u32),
                    def.columns.iter().map(|&c| c as usize).collect(),
                ));
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

    #[test]
    fn direct_slots_grow_either_way_and_give_up_when_sparse_or_at_the_ends() {
        let mut direct = Direct::default();
        let keys = [50, 49, 60, -3, 900, 51];
        for (k, &v) in keys.iter().enumerate() {
            assert!(direct.set(v, k, k + 1), "{v}");
        }
        for (k, &v) in keys.iter().enumerate() {
            assert_eq!(direct.get(v), Some(k));
        }
        for v in [-4, 0, 48, 52, 899, 901, i64::MIN, i64::MAX] {
            assert_eq!(direct.get(v), None, "{v}");
        }
        assert!(
            !direct.set(1 << 40, keys.len(), keys.len() + 1),
            "too sparse"
        );
        assert!(!Direct::default().set(i64::MAX, 0, 1));
        let mut min = Direct::default();
        assert!(min.set(i64::MIN, 0, 1));
        assert_eq!(min.get(i64::MIN), Some(0));
        let mut low = Direct::default();
        assert!(low.set(i64::MIN + 5, 0, 1));
        assert!(low.set(i64::MIN + 3, 1, 2));
        assert_eq!(
            (low.get(i64::MIN + 5), low.get(i64::MIN + 3)),
            (Some(0), Some(1))
        );
    }

    #[test]
    fn finds_the_first_id_at_least_a_start_from_the_end() {
        let ids: Vec<RowId> = (0..300).map(|i| i * 3).collect();
        for start in 0..905 {
            let expected = ids.partition_point(|&id| id < start);
            assert_eq!(first_at_least(&ids, start), expected, "{start}");
        }
        assert_eq!(first_at_least(&[], 5), 0);
    }

    #[test]
    fn direct_slots_are_built_again_from_every_key() {
        let ints = |v: &[i64]| v.iter().map(|&i| Value::Int(i)).collect::<Vec<_>>();
        let direct = Direct::of(ints(&[7, 1800, -5, 40]).into_iter());
        assert!(direct.is_none(), "4 keys over 1806 Ints");
        let spread: Vec<i64> = (0..300).map(|i| i * 6 - 5).collect();
        let direct = Direct::of(ints(&spread).into_iter()).expect("dense enough");
        for (k, &v) in spread.iter().enumerate() {
            assert_eq!(direct.get(v), Some(k));
            assert_eq!(direct.get(v + 1), None);
        }
        assert!(Direct::of(std::iter::empty()).is_none());
        assert!(Direct::of([Value::Int(1), Value::Float(0.5)].into_iter()).is_none());
        assert!(Direct::of(ints(&[i64::MIN, i64::MAX]).into_iter()).is_none());
    }
}
