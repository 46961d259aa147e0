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
//!
//! Files: `set` (a relation's deduplicated rows), `index` (its indexes), `round` (the
//! [`Database`] of every relation and the steps of a semi-naive round on it: FACT,
//! filing indexes, Settle and Merge); EMIT is [`Relation::insert_pending`].

mod index;
mod round;
mod set;

pub(super) use round::Database;
pub(super) use set::RowId;

use super::budget::tuple_bytes;
use super::rows::Row;
use crate::fault::Fault;
use crate::ir::{IndexId, Version};
use crate::value::Value;
use index::{Index, first_at_least};
use set::TupleSet;
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

impl Probe {
    /// The position of the key found in its index: it names the key's group of rows
    /// for as long as the index does not change (an aggregate's memo, spec §9.2).
    pub(super) fn key_position(self) -> usize {
        self.key
    }
}

/// Adds columns `cols` of rows `ids` of relation `from` to relation `to` as pending
/// tuples, in order (the EMIT of a copy or projection, docs/decisions.md 229), and
/// returns how many were new. Rows of Ints of another relation are read as one slice
/// and copied as Ints.
pub(super) fn copy_pending(
    rels: &mut [Relation],
    from: usize,
    ids: Range<RowId>,
    cols: &[usize],
    to: usize,
) -> u64 {
    let mut ints = [0; 2];
    if from != to && cols.len() <= ints.len() {
        let (src, dst) = if from < to {
            let (head, tail) = rels.split_at_mut(to);
            (&head[from], &mut tail[0])
        } else {
            let (head, tail) = rels.split_at_mut(from);
            (&tail[0], &mut head[to])
        };
        if let Some(rows) = src.rows.ints(ids.clone()) {
            let mut new = 0;
            for row in rows.chunks_exact(src.rows.arity()) {
                for (int, &c) in ints.iter_mut().zip(cols) {
                    *int = row[c];
                }
                new += u64::from(dst.rows.insert_ints(&ints[..cols.len()]));
            }
            return new;
        }
    }
    let mut new = 0;
    for id in ids {
        // The row is read before the insert, which may be into the same relation.
        let row = rels[from].row(id);
        let values: SmallVec<[Value; 4]> = cols.iter().map(|&c| row.get(c)).collect();
        new += u64::from(rels[to].rows.insert(&values));
    }
    new
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
    #[inline(always)]
    pub(super) fn insert_pending(&mut self, row: &[Value]) -> bool {
        self.rows.insert(row)
    }

    /// Makes room for `more` tuples, so that adding them grows neither the rows nor
    /// the dedup table, reading `clock` as a large table refiles; on its fault the
    /// table is unchanged ([`TupleSet::reserve`]).
    pub(super) fn reserve(
        &mut self,
        more: usize,
        clock: &impl Fn() -> Result<(), Fault>,
    ) -> Result<(), Fault> {
        self.rows.reserve(more, clock)
    }

    /// Grows a large dedup table before inserts find it full, reading `clock` as it
    /// refiles: called at least every 1,024 tuples added to the relation (a checked
    /// EMIT, a chunk of a copy; docs/decisions.md 113).
    pub(super) fn grow_ahead(
        &mut self,
        clock: &impl Fn() -> Result<(), Fault>,
    ) -> Result<(), Fault> {
        self.rows.grow_ahead(clock)
    }

    /// Whether looking tuples up a batch at a time ([`Relation::prefetch`]) pays: not
    /// while the dedup table is a bitmap or small, so its lookups hit the cache.
    pub(super) fn batches_help(&self) -> bool {
        !self.rows.stays_cached()
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
