//! A relation's indexes: its rows grouped by the values of some key columns, filed
//! only when a plan about to run needs them, with direct slots for a one-column index
//! of dense Ints.

use super::super::budget::{INDEX_KEY, INDEX_ROW};
use super::super::hash::{hash_columns, hash_values};
use super::super::rows::Row;
use super::set::{RowId, TupleSet};
use crate::ir::IndexId;
use crate::value::Value;
use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use smallvec::{SmallVec, smallvec};

/// The rows of one index key: the key's hash (0 while the index has direct slots)
/// and every row id with that key, in increasing order. Most keys have a few rows, held without an allocation of their
/// own (the entry is as large as with a `Vec`).
#[derive(Debug)]
struct KeyRows {
    hash: u64,
    ids: SmallVec<[RowId; 4]>,
}

/// How many direct slots a one-column index may keep per key it has, beyond
/// [`DIRECT_MIN`]: its keys must be this dense among the Ints they span.
const DIRECT_PER_KEY: usize = 4;
/// Direct slots (16 KiB) any one-column index of Ints may keep, however few its keys
/// (docs/decisions.md 228).
const DIRECT_MIN: usize = 4096;

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
            // If dense enough: at least twice the span where the density allows,
            // grown towards `v`.
            let most = (DIRECT_MIN + DIRECT_PER_KEY * keys) as u64;
            if span as u64 > most {
                return false;
            }
            let span = span.max(2 * len).min(most as i64);
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
pub(super) struct Index {
    pub(super) id: IndexId,
    columns: Vec<usize>,
    /// Every key's rows, in the order the keys were first filed.
    keys: Vec<KeyRows>,
    /// The position in `keys` of each key, filed by its hash (while `direct` is
    /// `None`: keys filed in direct slots are not filed here too).
    table: HashTable<u32>,
    /// A one-column index of Ints finds its keys here instead, while they are dense.
    direct: Option<Direct>,
    /// How many keys an index without `direct` has when it tries to build it again.
    direct_retry: usize,
    /// Rows `0..filed` of the relation are filed.
    pub(super) filed: RowId,
}

impl Index {
    /// An empty index of relation rows by `columns`.
    pub(super) fn new(id: IndexId, columns: Vec<usize>) -> Index {
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
    pub(super) fn add(&mut self, rows: &TupleSet, id: RowId) -> u64 {
        let row = rows.row(id);
        if let Some(direct) = &mut self.direct {
            // The direct slots hold every key, so a key they lack is new.
            if let Value::Int(v) = row.get(self.columns[0]) {
                if let Some(k) = direct.get(v) {
                    self.keys[k].ids.push(id);
                    return INDEX_ROW;
                }
                let k = self.keys.len();
                if direct.set(v, k, k + 1) {
                    // Hashed only if the slots are given up (`drop_direct`).
                    self.keys.push(KeyRows {
                        hash: 0,
                        ids: smallvec![id],
                    });
                    return INDEX_ROW + INDEX_KEY;
                }
            }
            self.drop_direct(rows);
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
                    ids: smallvec![id],
                });
                // Without direct slots (they were too sparse): again from every key
                // once there are twice as many, since keys that start far apart may
                // fill the range between later.
                if columns.len() == 1 && k + 1 >= self.direct_retry {
                    self.direct_retry = 2 * (k + 1);
                    let first = |key: &KeyRows| rows.row(key.ids[0]).get(columns[0]);
                    self.direct = Direct::of(keys.iter().map(first));
                }
                INDEX_ROW + INDEX_KEY
            }
        }
    }

    /// Leaves the direct slots for the hash table, which gets every key, hashed now:
    /// while there are direct slots, keys are filed there only.
    fn drop_direct(&mut self, rows: &TupleSet) {
        self.direct = None;
        for key in &mut self.keys {
            key.hash = hash_columns(rows.row(key.ids[0]), &self.columns);
        }
        let keys = &self.keys;
        self.table.clear();
        self.table.reserve(keys.len(), |&k| keys[k as usize].hash);
        for (k, key) in keys.iter().enumerate() {
            self.table
                .insert_unique(key.hash, k as u32, |&k| keys[k as usize].hash);
        }
    }

    /// The position of the key whose columns equal `key`, if rows have it.
    pub(super) fn probe(
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
    pub(super) fn ids(&self, key: usize) -> &[RowId] {
        &self.keys[key].ids
    }
}

/// The position of the first id of `ids` (increasing) that is at least `start`,
/// searched for from the end in steps that double: the ids of last round's rows are
/// the last few of a long list, and the search reads only the list's end.
pub(super) fn first_at_least(ids: &[RowId], start: RowId) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn keys_in_direct_slots_are_found_by_hash_once_the_slots_are_given_up() {
        let mut rows = TupleSet::new(2);
        let near: Vec<i64> = (0..300).map(|i| (i * 7) % 300).collect();
        let far = [1 << 40, -(1 << 40)];
        for (n, &v) in near.iter().chain(&far).enumerate() {
            assert!(rows.insert(&[Value::Int(v), Value::Int(n as i64)]));
        }
        let mut index = Index::new(IndexId(0), vec![0]);
        for id in 0..near.len() as RowId {
            index.add(&rows, id);
        }
        assert!(index.direct.is_some(), "300 keys over 300 Ints");
        for id in near.len() as RowId..rows.len() {
            index.add(&rows, id);
        }
        assert!(index.direct.is_none(), "a key 2^40 away");
        for (n, &v) in near.iter().chain(&far).enumerate() {
            let k = index.probe(&rows, std::iter::once(Value::Int(v)));
            assert_eq!(
                k.map(|k| index.ids(k).to_vec()),
                Some(vec![n as RowId]),
                "{v}"
            );
        }
        assert_eq!(index.probe(&rows, std::iter::once(Value::Int(300))), None);
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
        let direct = Direct::of(ints(&[7, 4200, -5, 40]).into_iter());
        assert!(direct.is_none(), "4 keys over 4206 Ints");
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
