//! The deduplication table of a tuple set: an open-addressing hash table with linear
//! probing whose slots are one word each.
//!
//! While every tuple of the set is *packable* (one or two Ints, each within
//! ±(2^31 − 1): every graph-shaped relation), a slot holds the tuple itself, packed
//! ([`pack`]), and a lookup never reads a row: finding that a tuple is new or present
//! costs one cache miss. From the first tuple that is not packable on, a slot holds a
//! row id and 32 bits of the row's hash; finding that a tuple is present then costs a
//! second miss, reading the row. Growing never reads the rows either way: a slot's
//! contents say where it goes.
//!
//! A packed table of many tuples whose columns span few values turns into a bitmap
//! over the rectangle of the columns' ranges ([`KeyBitmap`]) when it grows, if the
//! bitmap takes no more memory than the slots would, and back into slots if a tuple
//! far outside the rectangle would make the bitmap larger than that: at once when the
//! slots would be few, else by the caller that holds the clock, the far tuples held
//! beside the bitmap until then (docs/decisions.md 118).
//!
//! Refiling a large table takes tens of milliseconds (4 Mi slots: about 140 ms), too
//! long to run without reading the run's clock. A table that grows to
//! [`GUARDED_SLOTS`] slots or more is grown ahead by its caller, who holds the clock
//! ([`DedupTable::grow_ahead`], [`DedupTable::reserve`]): the refile reads it between
//! chunks of the new table's slots as it writes them and between chunks of the old
//! table's slots as it files them, and, when the clock says stop, leaves the table as
//! it was (docs/decisions.md 113, 117). Smaller tables grow inline, as an insert finds
//! them full.

use super::bitmap::KeyBitmap;
use super::relation::RowId;
use crate::fault::Fault;
use crate::value::Value;

/// An empty slot. A packed tuple is never 0 ([`pack`]); a row-id slot holds
/// `hash << 32 | (id + 1)` (row ids are below `u32::MAX`, so it is never 0 either).
const EMPTY: u64 = 0;
// A new table is [`written_zeros`]: every slot empty.
const _: () = assert!(EMPTY == 0);
/// The fewest slots of a table that holds something.
const MIN_SLOTS: usize = 16;
/// The fewest tuples a packed table turns into a bitmap with: smaller sets stay in
/// slots, where they take less memory whatever their spread.
const DENSE_MIN: usize = 4096;
/// The most slots (128 KiB) of a table whose lookups are taken to hit the cache: a
/// batch of them has no misses to overlap ([`DedupTable::stays_cached`]).
const CACHED_SLOTS: usize = 1 << 14;
/// Tables of fewer slots (32 KiB) grow fourfold ([`DedupTable::grown`]): 16, 64, 256,
/// 1024, 4096 slots, then by doubling, so a table reaches [`DENSE_MIN`] tuples at the
/// same sizes as by doubling all along (docs/decisions.md 227).
const QUICK_GROWTH_SLOTS: usize = 1 << 12;
/// The multiplier of [`packed_hash`]: 2^64 over the golden ratio (odd), whose
/// multiples of consecutive Ints spread most evenly (Fibonacci hashing); the
/// multiplier of [`super::hash`], near a third of 2^64, put every third node id of a
/// one-column set in nearby slots (3.5 probes an insert where this takes 1.2;
/// docs/decisions.md 227).
const K: u64 = 0x9E37_79B9_7F4A_7C15;
/// The fewest slots of a table grown with the clock read as it refiles (512 KiB): a
/// smaller table refiles in well under a millisecond.
const GUARDED_SLOTS: usize = 1 << 16;
/// How many slots of the old table a guarded refile files between two readings of
/// the clock: about a millisecond of work.
const REFILE_CHUNK: usize = 1 << 15;
/// How many words (1 MiB) of a guarded refile's new table are written between two
/// readings of the clock: the kernel may take milliseconds to give a MiB of fresh
/// pages (docs/decisions.md 117).
const ZERO_CHUNK: usize = 1 << 17;
/// How many tuples before its growth point a guarded table is grown ahead: more than
/// its callers add between two calls of [`DedupTable::grow_ahead`] (a credit of
/// tuples or a chunk of a copy, 1,024 each), so an insert never finds it full.
const AHEAD: usize = 4096;

/// The fewest slots (a power of two) that hold `len` tuples no more than seven eighths
/// full.
fn slots_for(len: usize) -> usize {
    (len * 8).div_ceil(7).next_power_of_two().max(MIN_SLOTS)
}

/// `len` zero words, each page of them written before anything reads them. A table
/// from the zeroed allocation (`vec![0; len]`) is fresh pages the kernel fills on first
/// touch; a table's inserts read a slot before writing it, so a read mapped each page
/// as the shared zero page and the write then took a second fault to copy it (SG
/// tree-9: 96 pages of refiled slots, 192 faults). Writing them in order first takes
/// one fault a page (docs/decisions.md 133). The zero is opaque to the compiler, so
/// the writes are not turned back into a zeroed allocation.
pub(super) fn written_zeros(len: usize) -> Vec<u64> {
    let mut words = Vec::with_capacity(len);
    words.resize(len, std::hint::black_box(0));
    words
}

/// [`written_zeros`] that reads `clock` between every two chunks of [`ZERO_CHUNK`]
/// words, for a table too large to take its pages with the clock unread.
fn written_zeros_clocked(
    len: usize,
    clock: &impl Fn() -> Result<(), Fault>,
) -> Result<Vec<u64>, Fault> {
    let mut words = Vec::with_capacity(len);
    while words.len() < len {
        if !words.is_empty() {
            clock()?;
        }
        let end = len.min(words.len() + ZERO_CHUNK);
        words.resize(end, std::hint::black_box(0));
    }
    Ok(words)
}

/// The slot a probe for hash bits `hash` starts at in a table of `2^bits` slots: the
/// hash's top bits (the slot count is a power of two, at most 2^32).
#[inline]
fn home(hash: u32, bits: u32) -> usize {
    (u64::from(hash) >> (32 - bits)) as usize
}

/// A tuple of one or two Ints, each within ±(2^31 − 1), as one nonzero word: each value
/// plus 2^31 (so `1..2^32`), the first of a pair in the high half. `None` for any other
/// tuple.
pub(super) fn pack(row: &[Value]) -> Option<u64> {
    let column = |v: &Value| match *v {
        Value::Int(i) => packed_int(i),
        _ => None,
    };
    match row {
        [a] => column(a),
        [a, b] => Some(column(a)? << 32 | column(b)?),
        _ => None,
    }
}

/// [`pack`] of a tuple of Ints.
#[inline]
pub(super) fn pack_ints(row: &[i64]) -> Option<u64> {
    match *row {
        [a] => packed_int(a),
        [a, b] => Some(packed_int(a)? << 32 | packed_int(b)?),
        _ => None,
    }
}

/// One Int of a packed tuple: `i + 2^31`, if `i` is within ±(2^31 − 1).
#[inline]
fn packed_int(i: i64) -> Option<u64> {
    (i > i64::from(i32::MIN) && i <= i64::from(i32::MAX)).then(|| u64::from(i as u32 ^ 0x8000_0000))
}

/// Files full slot `slot` with hash bits `hash` into the first empty one of `slots` (a
/// power of two of them) from its home.
fn file(slots: &mut [u64], hash: u32, slot: u64) {
    let mask = slots.len() - 1;
    let mut i = home(hash, slots.len().trailing_zeros());
    while slots[i] != EMPTY {
        i = (i + 1) & mask;
    }
    slots[i] = slot;
}

/// The 32 hash bits a packed tuple is filed by: the top half of the tuple times an odd
/// constant (multiplicative hashing), whose top bits spread runs of nearby keys evenly
/// over the slots.
#[inline]
pub(super) fn packed_hash(key: u64) -> u32 {
    (key.wrapping_mul(K) >> 32) as u32
}

/// A set of tuples, each packed (in a slot or as a bit of a bitmap) or as a row id
/// looked up by a 32-bit hash of the row and an equality test.
#[derive(Debug)]
pub(super) struct DedupTable {
    /// Empty while the tuples are in a bitmap.
    slots: Vec<u64>,
    /// Packed tuples outside a large bitmap that could not widen to them, held until
    /// a caller that reads the clock spreads the bitmap into slots
    /// ([`DedupTable::grow_ahead`]); empty unless the table is a bitmap.
    far: Vec<u64>,
    len: usize,
    layout: Layout,
}

/// What a [`DedupTable`] holds its tuples as.
#[derive(Debug)]
enum Layout {
    /// Packed tuples in the slots.
    Packed,
    /// Packed tuples as the bits of a bitmap.
    Dense(KeyBitmap),
    /// Row ids and hash bits in the slots.
    Hashed,
}

/// Where a lookup stopped: at the slot it was looking for, or at the empty slot
/// where it would go.
enum Found {
    Present,
    Vacant(usize),
}

impl DedupTable {
    /// An empty table that holds packed tuples until [`DedupTable::unpack`].
    pub(super) fn packed() -> DedupTable {
        DedupTable {
            slots: Vec::new(),
            far: Vec::new(),
            len: 0,
            layout: Layout::Packed,
        }
    }

    /// An empty table of row ids.
    pub(super) fn hashed() -> DedupTable {
        DedupTable {
            layout: Layout::Hashed,
            ..DedupTable::packed()
        }
    }

    /// True while the table holds packed tuples (in slots or a bitmap).
    pub(super) fn is_packed(&self) -> bool {
        !matches!(self.layout, Layout::Hashed)
    }

    /// True while the table holds its tuples in a bitmap.
    pub(super) fn is_dense(&self) -> bool {
        matches!(self.layout, Layout::Dense(_))
    }

    /// True when lookups find what they read in cache: the table is a bitmap, whose
    /// words stay there, or has at most [`CACHED_SLOTS`] slots.
    pub(super) fn stays_cached(&self) -> bool {
        self.is_dense() || self.slots.len() <= CACHED_SLOTS
    }

    /// The slot a hash starts its probe at ([`home`]).
    fn home(&self, hash: u32) -> usize {
        home(hash, self.slots.len().trailing_zeros())
    }

    /// The hash bits full slot `slot` was filed by.
    fn hash_of(&self, slot: u64) -> u32 {
        match self.layout {
            Layout::Hashed => (slot >> 32) as u32,
            _ => packed_hash(slot),
        }
    }

    /// Probes from the home of `hash` for a slot `eq` accepts (the table has slots).
    fn find(&self, hash: u32, eq: impl Fn(u64) -> bool) -> Found {
        let mask = self.slots.len() - 1;
        let mut i = self.home(hash);
        loop {
            let slot = self.slots[i];
            if slot == EMPTY {
                return Found::Vacant(i);
            }
            if eq(slot) {
                return Found::Present;
            }
            i = (i + 1) & mask;
        }
    }

    /// True when a slot `eq` accepts is found from the home of `hash`.
    fn contains_slot(&self, hash: u32, eq: impl Fn(u64) -> bool) -> bool {
        !self.slots.is_empty() && matches!(self.find(hash, eq), Found::Present)
    }

    /// True when one more slot would make the table more than seven eighths full (as
    /// dense as a hashbrown table).
    fn must_grow(&self) -> bool {
        (self.len + 1) * 8 > self.slots.len() * 7
    }

    /// The slot count a full table grows to: four times as many below
    /// [`QUICK_GROWTH_SLOTS`] (a small table fills fast, and refiling it again and
    /// again was most of what its inserts cost), twice as many beyond.
    fn grown(&self) -> usize {
        let factor = if self.slots.len() < QUICK_GROWTH_SLOTS {
            4
        } else {
            2
        };
        (self.slots.len() * factor).max(MIN_SLOTS)
    }

    /// Stores `slot` (filed by `hash`) unless a slot `eq` accepts is found; true when
    /// it was stored.
    fn insert_slot(&mut self, hash: u32, slot: u64, eq: impl Fn(u64) -> bool) -> bool {
        if self.must_grow() {
            self.refile(self.grown());
        }
        match self.find(hash, eq) {
            Found::Present => false,
            Found::Vacant(i) => {
                self.slots[i] = slot;
                self.len += 1;
                true
            }
        }
    }

    /// Files every full slot again, by its hash bits, into `count` empty slots.
    fn refile(&mut self, count: usize) {
        let mut slots = written_zeros(count);
        self.file_into(&mut slots, &self.slots);
        self.slots = slots;
    }

    /// [`DedupTable::refile`] that reads `clock` as it writes the new table's slots
    /// ([`written_zeros_clocked`]) and between every two chunks of [`REFILE_CHUNK`]
    /// slots of the old table, when the new one has [`GUARDED_SLOTS`] or more; when the
    /// clock fails, the table is left as it was.
    fn refile_clocked(
        &mut self,
        count: usize,
        clock: &impl Fn() -> Result<(), Fault>,
    ) -> Result<(), Fault> {
        if count < GUARDED_SLOTS {
            self.refile(count);
            return Ok(());
        }
        let mut slots = written_zeros_clocked(count, clock)?;
        for (i, chunk) in self.slots.chunks(REFILE_CHUNK).enumerate() {
            if i > 0 {
                clock()?;
            }
            self.file_into(&mut slots, chunk);
        }
        self.slots = slots;
        Ok(())
    }

    /// Files the full slots of `from` (of this table) into `slots`, by their hash bits.
    fn file_into(&self, slots: &mut [u64], from: &[u64]) {
        for &slot in from.iter().filter(|&&s| s != EMPTY) {
            file(slots, self.hash_of(slot), slot);
        }
    }

    /// Grows a table of slots that an insert would grow to [`GUARDED_SLOTS`] or more
    /// when it is within [`AHEAD`] tuples of its growth point, as the insert would (a
    /// packed table into a bitmap if one fits, else into [`DedupTable::grown`] slots),
    /// reading `clock` as it refiles; on the clock's fault the table is unchanged.
    pub(super) fn grow_ahead(
        &mut self,
        clock: &impl Fn() -> Result<(), Fault>,
    ) -> Result<(), Fault> {
        if !self.far.is_empty() {
            self.spread(slots_for(self.len + AHEAD), clock)?;
        }
        let count = self.grown();
        if self.is_dense()
            || count < GUARDED_SLOTS
            || (self.len + AHEAD) * 8 <= self.slots.len() * 7
        {
            return Ok(());
        }
        if self.is_packed() && self.len >= DENSE_MIN && self.turn_into_bitmap(None) {
            return Ok(());
        }
        self.refile_clocked(count, clock)
    }

    /// The slot a lookup of hash bits `hash` (of a packed tuple, [`packed_hash`],
    /// or of a row) reads first, and, in a table of row ids, the row id in it when it
    /// holds a row with those hash bits: reading them ahead of the lookup is how a
    /// batch of lookups overlaps its cache misses.
    pub(super) fn first_slot(&self, hash: u32) -> (u64, Option<RowId>) {
        if self.slots.is_empty() {
            return (EMPTY, None);
        }
        let slot = self.slots[self.home(hash)];
        let hashed = matches!(self.layout, Layout::Hashed);
        let id = (hashed && slot != EMPTY && (slot >> 32) as u32 == hash).then(|| slot as u32 - 1);
        (slot, id)
    }

    /// Reads what a lookup of packed tuple `key` reads first (the slot it starts at,
    /// or its word of the bitmap): how a batch of lookups overlaps its cache misses.
    pub(super) fn touch_packed(&self, key: u64) {
        match &self.layout {
            Layout::Dense(map) => map.touch(key),
            _ => {
                std::hint::black_box(self.first_slot(packed_hash(key)).0);
            }
        }
    }

    /// True when packed tuple `key` is in the (packed) table.
    pub(super) fn contains_packed(&self, key: u64) -> bool {
        debug_assert!(self.is_packed());
        match &self.layout {
            Layout::Dense(map) => map.contains(key) || self.far.contains(&key),
            _ => self.contains_slot(packed_hash(key), |slot| slot == key),
        }
    }

    /// Adds packed tuple `key` to the (packed) table unless it is there; true when it
    /// was added. A table in slots that must grow turns into a bitmap instead if one
    /// fits ([`KeyBitmap::covering`]); a bitmap that does not hold `key` widens, or
    /// turns back into slots if a wider one would not fit.
    #[inline]
    pub(super) fn insert_packed(&mut self, key: u64) -> bool {
        debug_assert!(self.is_packed());
        // The common case first: slots with room, so neither growth nor a bitmap.
        if matches!(self.layout, Layout::Packed) && !self.must_grow() {
            return match self.find(packed_hash(key), |slot| slot == key) {
                Found::Present => false,
                Found::Vacant(i) => {
                    self.slots[i] = key;
                    self.len += 1;
                    true
                }
            };
        }
        self.insert_packed_growing(key)
    }

    /// [`DedupTable::insert_packed`] into a bitmap or slots that must grow.
    #[inline(never)]
    fn insert_packed_growing(&mut self, key: u64) -> bool {
        if let Layout::Dense(map) = &mut self.layout {
            let new = match map.insert(key) {
                Some(new) => new,
                None if !self.far.is_empty() => return self.insert_far(key),
                None => match map.widened(key, self.len) {
                    Some(wider) => {
                        *map = wider;
                        return self.insert_packed(key);
                    }
                    None if slots_for(self.len + 1) >= GUARDED_SLOTS => {
                        return self.insert_far(key);
                    }
                    None => {
                        self.spread_into_slots();
                        return self.insert_slot(packed_hash(key), key, |slot| slot == key);
                    }
                },
            };
            self.len += usize::from(new);
            return new;
        }
        if self.len >= DENSE_MIN && self.must_grow() {
            let new = !self.contains_packed(key);
            if self.turn_into_bitmap(new.then_some(key)) {
                return new;
            }
        }
        self.insert_slot(packed_hash(key), key, |slot| slot == key)
    }

    /// Adds packed tuple `key`, outside a large bitmap, to the tuples held beside it
    /// until a caller that reads the clock spreads them all into slots, unless it is
    /// there; true when it was added. Past [`AHEAD`] of them (a path that inserts
    /// without calling [`DedupTable::grow_ahead`]), the table is spread at once.
    fn insert_far(&mut self, key: u64) -> bool {
        if self.far.contains(&key) {
            return false;
        }
        if self.far.len() >= AHEAD {
            self.spread_into_slots();
            return self.insert_slot(packed_hash(key), key, |slot| slot == key);
        }
        self.far.push(key);
        self.len += 1;
        true
    }

    /// Turns a packed table in slots into a bitmap of its tuples and `extra` (a tuple
    /// it does not hold) if one fits ([`KeyBitmap::covering`]); true when it did.
    fn turn_into_bitmap(&mut self, extra: Option<u64>) -> bool {
        let keys = self.slots.iter().copied().filter(|&s| s != EMPTY);
        let len = self.len + usize::from(extra.is_some());
        let Some(map) = KeyBitmap::covering(keys.chain(extra), len) else {
            return false;
        };
        self.slots = Vec::new();
        self.layout = Layout::Dense(map);
        self.len = len;
        true
    }

    /// The fewest slots (a power of two) that hold the table's tuples and one more.
    fn slots_for_len(&self) -> usize {
        slots_for(self.len + 1)
    }

    /// Makes room for `more` tuples beyond those held, so inserting them does not grow
    /// the slots one doubling at a time (nothing to do for a bitmap), reading `clock`
    /// as it refiles a large table ([`DedupTable::refile_clocked`]); on the clock's
    /// fault the table is unchanged.
    pub(super) fn reserve(
        &mut self,
        more: usize,
        clock: &impl Fn() -> Result<(), Fault>,
    ) -> Result<(), Fault> {
        if !self.far.is_empty() {
            self.spread(slots_for(self.len + more), clock)?;
        }
        let count = slots_for(self.len + more);
        if !self.is_dense() && count > self.slots.len() {
            return self.refile_clocked(count, clock);
        }
        Ok(())
    }

    /// Moves the tuples of a bitmap (and those held beside it) into slots (a packed
    /// table).
    fn spread_into_slots(&mut self) {
        // The clock never stops it.
        let _ = self.spread(self.slots_for_len(), &|| Ok(()));
    }

    /// Moves the tuples of a bitmap and those held beside it into `count` slots (a
    /// packed table), reading `clock` as it writes them ([`written_zeros_clocked`])
    /// and between every two chunks of [`REFILE_CHUNK`] tuples it files; when the
    /// clock fails, the table is left as it was (docs/decisions.md 118).
    fn spread(
        &mut self,
        count: usize,
        clock: &impl Fn() -> Result<(), Fault>,
    ) -> Result<(), Fault> {
        let Layout::Dense(map) = &self.layout else {
            return Ok(());
        };
        let mut slots = written_zeros_clocked(count, clock)?;
        for (n, key) in map.keys().chain(self.far.iter().copied()).enumerate() {
            if n > 0 && n % REFILE_CHUNK == 0 {
                clock()?;
            }
            file(&mut slots, packed_hash(key), key);
        }
        self.slots = slots;
        self.far = Vec::new();
        self.layout = Layout::Packed;
        Ok(())
    }

    /// True when a row with hash bits `hash` that `eq` accepts is in the table (of
    /// row ids).
    pub(super) fn contains(&self, hash: u32, eq: impl Fn(RowId) -> bool) -> bool {
        debug_assert!(!self.is_packed());
        self.contains_slot(hash, |slot| {
            (slot >> 32) as u32 == hash && eq(slot as u32 - 1)
        })
    }

    /// Adds row `id` with hash bits `hash` to the table (of row ids) unless a row
    /// `eq` accepts is there; true when it was added.
    pub(super) fn insert(&mut self, hash: u32, id: RowId, eq: impl Fn(RowId) -> bool) -> bool {
        debug_assert!(!self.is_packed());
        self.insert_slot(hash, u64::from(hash) << 32 | u64::from(id + 1), |slot| {
            (slot >> 32) as u32 == hash && eq(slot as u32 - 1)
        })
    }

    /// Turns a packed table into one of row ids, given the hash bits of its rows in
    /// row-id order (the rows are distinct, so none is compared). Keeps the slot count.
    pub(super) fn unpack(&mut self, hashes: impl ExactSizeIterator<Item = u32>) {
        debug_assert!(self.is_packed() && hashes.len() == self.len);
        self.spread_into_slots();
        self.layout = Layout::Hashed;
        // Any full slot may take any row: refiling puts each where its hash says.
        let full = self.slots.iter_mut().filter(|slot| **slot != EMPTY);
        for (slot, (id, hash)) in full.zip(hashes.enumerate()) {
            *slot = u64::from(hash) << 32 | (id as u64 + 1);
        }
        if self.len > 0 {
            self.refile(self.slots.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::fault::What;
    use std::cell::Cell;

    /// A clock that counts its readings in `reads` and stops the run at the `at`-th
    /// (never when `at` is 0).
    fn stopping_at(reads: &Cell<u32>, at: u32) -> impl Fn() -> Result<(), Fault> + '_ {
        move || {
            reads.set(reads.get() + 1);
            if reads.get() == at {
                Err(Fault::new(Code::E404, What::Stopped))
            } else {
                Ok(())
            }
        }
    }

    /// A hash with few distinct bits, so rows share them and probes run long.
    fn crowded(id: u32) -> u32 {
        id.wrapping_mul(0x9E37_79B9) & 0xF000_000F
    }

    #[test]
    fn finds_rows_through_growth_and_collisions() {
        let mut table = DedupTable::hashed();
        for key in 0..1000 {
            assert!(table.insert(crowded(key), key, |id| id == key));
            assert!(!table.insert(crowded(key), key + 5000, |id| id == key));
        }
        for key in 0..1000 {
            assert!(table.contains(crowded(key), |id| id == key));
        }
        assert!(!table.contains(crowded(1001), |id| id == 1001));
        assert!(!DedupTable::hashed().contains(0, |_| true));
    }

    #[test]
    fn reserving_keeps_the_tuples_and_makes_room_for_more() {
        let mut table = DedupTable::packed();
        for key in 1..=100 {
            assert!(table.insert_packed(key));
        }
        table.reserve(5000, &|| Ok(())).expect("no clock");
        let slots = table.slots.len();
        assert!(slots * 7 >= 5100 * 8, "{slots} slots");
        for key in 1..=5100 {
            assert_eq!(table.insert_packed(key), key > 100);
        }
        assert_eq!(table.slots.len(), slots, "no growth within the reservation");
    }

    #[test]
    fn a_large_table_grows_ahead_reading_the_clock_and_stays_whole_when_stopped() {
        // Keys spread too far for a bitmap.
        let key = |i: u64| (i * 1_000_003 % (1 << 31) + 1) << 32 | 7;
        let mut table = DedupTable::packed();
        let n = 131_072 * 7 / 8 - 100;
        insert_new(&mut table, (0..n).map(key));
        assert_eq!((table.slots.len(), table.is_dense()), (131_072, false));
        let reads = Cell::new(0);
        let stop_at = |at: u32| stopping_at(&reads, at);
        // Stopped while writing the new table's slots (two chunks of them), or before
        // the third chunk of the refile: the table is the old one, whole.
        for stop in [1, 3] {
            reads.set(0);
            assert!(table.grow_ahead(&stop_at(stop)).is_err());
            assert_eq!((reads.get(), table.slots.len()), (stop, 131_072));
            for i in 0..n {
                assert!(table.contains_packed(key(i)), "{i}");
            }
        }
        reads.set(0);
        table.grow_ahead(&stop_at(0)).expect("not stopped");
        let zeroing = 262_144 / ZERO_CHUNK as u32 - 1;
        assert_eq!(reads.get(), zeroing + 131_072 / REFILE_CHUNK as u32 - 1);
        assert_eq!(table.slots.len(), 262_144);
        insert_new(&mut table, (n..n + 100).map(key));
        for i in 0..n {
            assert!(table.contains_packed(key(i)), "{i}");
        }
        // Far from its growth point, or small: nothing to do, no clock read.
        reads.set(0);
        table.grow_ahead(&stop_at(1)).expect("nothing to grow");
        let mut small = DedupTable::packed();
        insert_new(&mut small, (0..12_000).map(key));
        small.grow_ahead(&stop_at(1)).expect("grows inline");
        assert_eq!((reads.get(), table.slots.len()), (0, 262_144));
    }

    #[test]
    fn packs_ints_within_31_bits_and_sign() {
        let int = |i: i64| Value::Int(i);
        let max = i64::from(i32::MAX);
        assert_eq!(pack(&[int(-max)]), Some(1));
        assert_eq!(pack(&[int(0)]), Some(1 << 31));
        assert_eq!(pack(&[int(max)]), Some(u64::from(u32::MAX)));
        assert_eq!(pack(&[int(-max), int(-max)]), Some(1 << 32 | 1));
        assert_eq!(pack(&[int(max), int(-1)]), Some(0xFFFF_FFFF_7FFF_FFFF));
        assert_ne!(pack(&[int(1), int(2)]), pack(&[int(2), int(1)]));
        assert_ne!(pack(&[int(-1), int(0)]), pack(&[int(0), int(-1)]));
        for row in [
            &[int(max + 1)][..],
            &[int(-max - 1)],
            &[int(0), int(1 << 40)],
            &[int(i64::MIN), int(0)],
            &[Value::Float(1.0)],
            &[int(1), Value::Sym(crate::value::Sym(1))],
            &[],
            &[int(1), int(2), int(3)],
        ] {
            assert_eq!(pack(row), None, "{row:?}");
        }
    }

    #[test]
    fn finds_packed_tuples_through_growth() {
        let mut table = DedupTable::packed();
        let max = i64::from(i32::MAX);
        let rows: Vec<[Value; 2]> = (-300i64..300)
            .flat_map(|a| [(a, a * 7), (max - a.abs(), -max + a.abs()), (a, -a)])
            .map(|(a, b)| [Value::Int(a), Value::Int(b)])
            .collect();
        let mut distinct = std::collections::HashSet::new();
        for row in &rows {
            let key = pack(row).expect("packable");
            assert_eq!(table.insert_packed(key), distinct.insert(key));
            assert!(!table.insert_packed(key));
        }
        assert_eq!(table.len, distinct.len());
        for row in &rows {
            assert!(table.contains_packed(pack(row).expect("packable")));
        }
        assert!(!table.contains_packed(pack(&[Value::Int(301), Value::Int(0)]).unwrap()));
        assert!(!DedupTable::packed().contains_packed(1));
    }

    #[test]
    fn unpacking_files_every_row_by_its_hash() {
        let mut table = DedupTable::packed();
        for key in 1..=500 {
            assert!(table.insert_packed(key));
        }
        table.unpack((0..500).map(crowded));
        assert!(!table.is_packed());
        for id in 0..500 {
            assert!(table.contains(crowded(id), |other| other == id));
            assert!(!table.insert(crowded(id), 999, |other| other == id));
        }
        assert!(table.insert(crowded(500), 500, |other| other == 500));
        let mut empty = DedupTable::packed();
        empty.unpack(std::iter::empty());
        assert!(empty.insert(7, 0, |_| false));
    }

    /// Inserts `keys` (packed tuples) into `table`, checking each is new once only.
    fn insert_new(table: &mut DedupTable, keys: impl Iterator<Item = u64>) {
        for key in keys {
            assert!(table.insert_packed(key), "{key:#x}");
            assert!(!table.insert_packed(key), "{key:#x}");
        }
    }

    #[test]
    fn a_dense_packed_table_turns_into_a_bitmap_and_back() {
        let grid = |a: u64, b: u64| (a + 100) << 32 | (b + 5000);
        let mut table = DedupTable::packed();
        let keys: Vec<u64> = (0..100)
            .flat_map(|a| (0..90).map(move |b| grid(a, b)))
            .collect();
        insert_new(&mut table, keys.iter().copied());
        assert!(table.is_dense());
        assert_eq!(table.len, keys.len());
        // Outside the rectangle, near: it widens.
        let near = [grid(100, 0), grid(0, 95), 99 << 32 | 5000];
        insert_new(&mut table, near.into_iter());
        assert!(table.is_dense());
        // Far outside: back to slots, holding everything.
        let far = 7 << 32 | u64::from(u32::MAX);
        insert_new(&mut table, [far].into_iter());
        assert!(!table.is_dense() && table.is_packed());
        for &key in keys.iter().chain(&near).chain(&[far]) {
            assert!(table.contains_packed(key), "{key:#x}");
        }
        assert!(!table.contains_packed(grid(101, 0)));
        assert_eq!(table.len, keys.len() + near.len() + 1);
    }

    #[test]
    fn a_sparse_or_small_packed_table_stays_in_slots() {
        let mut sparse = DedupTable::packed();
        insert_new(
            &mut sparse,
            (0..10_000u64).map(|i| 1 << 32 | (i * 1_000_003 % (1 << 32))),
        );
        assert!(!sparse.is_dense());
        let mut small = DedupTable::packed();
        insert_new(&mut small, (0..DENSE_MIN as u64 / 2).map(|i| 1 << 32 | i));
        assert!(!small.is_dense());
    }

    #[test]
    fn a_large_bitmap_meeting_a_far_tuple_is_spread_reading_the_clock() {
        let n = 300_000u64;
        let far = [7 << 32 | u64::from(u32::MAX), 9 << 32];
        let mut table = DedupTable::packed();
        insert_new(&mut table, (0..n).map(|i| 1 << 32 | i));
        assert!(table.is_dense());
        // The insert holds no clock: the far tuples wait beside the bitmap.
        insert_new(&mut table, far.into_iter());
        assert!(table.is_dense());
        let all = || (0..n).map(|i| 1 << 32 | i).chain(far);
        let reads = Cell::new(0);
        let stop_at = |at: u32| stopping_at(&reads, at);
        // Stopped while writing the slots or filing the tuples: still the bitmap, whole.
        for stop in [1, 5] {
            reads.set(0);
            assert!(table.grow_ahead(&stop_at(stop)).is_err());
            assert_eq!(reads.get(), stop);
            assert!(table.is_dense());
            assert!(all().all(|key| table.contains_packed(key)));
        }
        reads.set(0);
        table.grow_ahead(&stop_at(0)).expect("not stopped");
        let count = slots_for(n as usize + 2 + AHEAD);
        let zeroing = count / ZERO_CHUNK - 1;
        let filing = (n as usize + 1) / REFILE_CHUNK;
        assert_eq!(reads.get() as usize, zeroing + filing);
        assert!(!table.is_dense() && table.is_packed());
        assert_eq!((table.slots.len(), table.len), (count, n as usize + 2));
        assert!(all().all(|key| table.contains_packed(key)));
        assert!(!table.contains_packed(1 << 32 | n));
    }

    #[test]
    fn a_bitmap_spreads_at_once_past_the_far_tuples_it_holds() {
        let mut table = DedupTable::packed();
        insert_new(&mut table, (0..300_000u64).map(|i| 1 << 32 | i));
        // Far in the first column, so no bitmap widens to them.
        let far: Vec<u64> = (0..=AHEAD as u64).map(|i| (1000 + i) << 32).collect();
        insert_new(&mut table, far.iter().copied());
        assert!(!table.is_dense() && table.is_packed());
        assert_eq!(table.len, 300_000 + far.len());
        assert!(far.iter().all(|&key| table.contains_packed(key)));
        assert!((0..300_000).all(|i| table.contains_packed(1 << 32 | i)));
    }

    #[test]
    fn unpacking_a_bitmap_files_every_row_by_its_hash() {
        let mut table = DedupTable::packed();
        insert_new(&mut table, (0..8000u64).map(|i| 1 << 32 | i));
        assert!(table.is_dense());
        table.unpack((0..8000).map(crowded));
        assert!(!table.is_packed());
        for id in 0..8000 {
            assert!(!table.insert(crowded(id), 9999, |other| other == id));
        }
        assert!(table.insert(crowded(8000), 8000, |other| other == 8000));
    }
}
