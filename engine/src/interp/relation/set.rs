//! A relation's tuples: a deduplicated set of rows of one arity, appended to only.

use super::super::dedup::{DedupTable, pack, pack_ints};
use super::super::hash::{hash_row, hash_values};
use super::super::rows::{Row, Rows};
use crate::fault::Fault;
use crate::value::Value;
use smallvec::SmallVec;

/// A row id: the position of a tuple in its [`TupleSet`].
pub(in crate::interp) type RowId = u32;

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

    /// Makes room for `more` tuples, so that inserting them grows neither the rows
    /// nor the dedup table, reading `clock` as a large table refiles
    /// ([`DedupTable::reserve`]). Growing the rows is not clocked: a large block
    /// grows by remapping its pages, without a copy (docs/decisions.md 113).
    pub(super) fn reserve(
        &mut self,
        more: usize,
        clock: &impl Fn() -> Result<(), Fault>,
    ) -> Result<(), Fault> {
        self.rows.reserve(more.saturating_mul(self.arity));
        self.table.reserve(more, clock)
    }

    /// Grows a large dedup table ahead of its inserts ([`DedupTable::grow_ahead`]).
    pub(super) fn grow_ahead(
        &mut self,
        clock: &impl Fn() -> Result<(), Fault>,
    ) -> Result<(), Fault> {
        self.table.grow_ahead(clock)
    }

    /// The arity.
    pub(super) fn arity(&self) -> usize {
        self.arity
    }

    /// The values of rows `ids`, flat, when every value stored is an Int.
    pub(super) fn ints(&self, ids: std::ops::Range<RowId>) -> Option<&[i64]> {
        self.rows
            .ints()
            .map(|ints| &ints[ids.start as usize * self.arity..ids.end as usize * self.arity])
    }

    /// Whether lookups in the dedup table hit the cache ([`DedupTable::stays_cached`]).
    pub(super) fn stays_cached(&self) -> bool {
        self.table.stays_cached()
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
    #[inline(always)]
    pub(super) fn insert(&mut self, row: &[Value]) -> bool {
        let new = match pack(row) {
            Some(key) if self.table.is_packed() => self.table.insert_packed(key),
            _ => self.insert_hashed(row),
        };
        if new {
            self.rows.push(row);
            self.len += 1;
        }
        new
    }

    /// [`TupleSet::insert`] of a row of Ints: a packable one is looked up without
    /// being made [`Value`]s.
    #[inline(always)]
    pub(super) fn insert_ints(&mut self, row: &[i64]) -> bool {
        match pack_ints(row) {
            Some(key) if self.table.is_packed() => {
                let new = self.table.insert_packed(key);
                if new {
                    self.rows.push_ints(row);
                    self.len += 1;
                }
                new
            }
            _ => {
                let values: SmallVec<[Value; 4]> = row.iter().map(|&i| Value::Int(i)).collect();
                self.insert(&values)
            }
        }
    }

    /// Looks `row` up in a table of row ids (the table becomes one first if it held
    /// packed tuples) and adds its id unless present; true when it was new.
    #[inline(never)]
    fn insert_hashed(&mut self, row: &[Value]) -> bool {
        if self.table.is_packed() {
            self.unpack();
        }
        let (rows, arity) = (&self.rows, self.arity);
        self.table
            .insert(short_hash(hash_row(row)), self.len, |id| {
                rows.row(arity, id).equals(row)
            })
    }

    /// Turns the packed dedup table into one of row ids, by the hashes of the rows.
    fn unpack(&mut self) {
        let (rows, arity) = (&self.rows, self.arity);
        self.table
            .unpack((0..self.len).map(|id| short_hash(hash_values(rows.row(arity, id).values()))));
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
