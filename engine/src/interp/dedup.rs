//! The deduplication table of a tuple set: an open-addressing hash table with linear
//! probing whose slots are one word each, a row id and 32 bits of the row's hash.
//!
//! Unlike a table with separate control bytes, a lookup starts at the slot itself,
//! so finding that a tuple is new costs one cache miss, and finding that it is
//! present costs that and reading the row. Growing never reads the rows: a slot's
//! hash bits say where it goes.

use super::relation::RowId;

/// An empty slot. A full slot holds `hash << 32 | (id + 1)` (row ids are below
/// `u32::MAX`, so a full slot is never 0).
const EMPTY: u64 = 0;
/// The fewest slots of a table that holds something.
const MIN_SLOTS: usize = 16;

/// A set of row ids, looked up by a 32-bit hash of the row and an equality test.
#[derive(Debug, Default)]
pub(super) struct DedupTable {
    slots: Vec<u64>,
    len: usize,
}

/// Where a lookup stopped: at the row with that key, or at the empty slot where it
/// would go.
enum Found {
    Row,
    Vacant(usize),
}

impl DedupTable {
    /// The slot a hash starts its probe at: its top bits (the slot count is a power
    /// of two, at most 2^32).
    fn home(&self, hash: u32) -> usize {
        let bits = self.slots.len().trailing_zeros();
        (u64::from(hash) >> (32 - bits)) as usize
    }

    /// Probes for a row with hash bits `hash` that `eq` accepts.
    fn find(&self, hash: u32, eq: impl Fn(RowId) -> bool) -> Found {
        let mask = self.slots.len() - 1;
        let mut i = self.home(hash);
        loop {
            let slot = self.slots[i];
            if slot == EMPTY {
                return Found::Vacant(i);
            }
            if (slot >> 32) as u32 == hash && eq(slot as u32 - 1) {
                return Found::Row;
            }
            i = (i + 1) & mask;
        }
    }

    /// The slot a lookup of hash bits `hash` reads first, and the row id in it when
    /// it holds a row with those hash bits: reading it ahead of the lookup is how a
    /// batch of lookups overlaps its cache misses.
    pub(super) fn first_slot(&self, hash: u32) -> (u64, Option<RowId>) {
        if self.slots.is_empty() {
            return (EMPTY, None);
        }
        let slot = self.slots[self.home(hash)];
        let id = (slot != EMPTY && (slot >> 32) as u32 == hash).then(|| slot as u32 - 1);
        (slot, id)
    }

    /// True when a row with hash bits `hash` that `eq` accepts is in the table.
    pub(super) fn contains(&self, hash: u32, eq: impl Fn(RowId) -> bool) -> bool {
        !self.slots.is_empty() && matches!(self.find(hash, eq), Found::Row)
    }

    /// Adds row `id` with hash bits `hash` unless a row `eq` accepts is there; true
    /// when it was added.
    pub(super) fn insert(&mut self, hash: u32, id: RowId, eq: impl Fn(RowId) -> bool) -> bool {
        // At most seven eighths full: as dense as a hashbrown table.
        if (self.len + 1) * 8 > self.slots.len() * 7 {
            self.grow();
        }
        match self.find(hash, eq) {
            Found::Row => false,
            Found::Vacant(i) => {
                self.slots[i] = u64::from(hash) << 32 | u64::from(id + 1);
                self.len += 1;
                true
            }
        }
    }

    /// Doubles the slots and refiles every row by its hash bits.
    fn grow(&mut self) {
        let count = (self.slots.len() * 2).max(MIN_SLOTS);
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; count]);
        let mask = count - 1;
        for slot in old.into_iter().filter(|&s| s != EMPTY) {
            let mut i = self.home((slot >> 32) as u32);
            while self.slots[i] != EMPTY {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_through_growth_and_collisions() {
        let mut table = DedupTable::default();
        // Few distinct hash bits, so rows share them and probes run long.
        let hash = |key: u32| key.wrapping_mul(0x9E37_79B9) & 0xF000_000F;
        for key in 0..1000 {
            assert!(table.insert(hash(key), key, |id| id == key));
            assert!(!table.insert(hash(key), key + 5000, |id| id == key));
        }
        for key in 0..1000 {
            assert!(table.contains(hash(key), |id| id == key));
        }
        assert!(!table.contains(hash(1001), |id| id == 1001));
        assert!(!DedupTable::default().contains(0, |_| true));
    }
}
