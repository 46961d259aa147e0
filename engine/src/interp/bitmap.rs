//! Sets of small integer keys as bitmaps: the dense layout of a dedup table
//! ([`KeyBitmap`], over packed tuples) and the ordered read-back a dense QUERY answer
//! uses instead of a sort ([`set_bits`]).
//!
//! A graph-shaped relation of millions of tuples over a few thousand nodes (a
//! transitive closure, a same-generation relation) fills a good part of the rectangle
//! of its two columns' ranges. One bit per point of that rectangle then takes less
//! memory than a hash table of the tuples, and a lookup reads one word of a bitmap
//! that stays in cache instead of a slot of a table that does not.

/// How many bits a bitmap may take per key it holds: as many as one slot of a
/// packed hash table, so switching to a bitmap never takes more memory.
pub(super) const BITS_PER_KEY: u64 = 64;

/// The positions of the set bits of `words` (bit `i % 64` of word `i / 64` is
/// position `i`), in increasing order.
pub(super) fn set_bits(words: &[u64]) -> impl Iterator<Item = u64> + '_ {
    words.iter().enumerate().flat_map(|(i, &word)| {
        let base = i as u64 * 64;
        std::iter::successors((word != 0).then_some(word), |&rest| {
            let rest = rest & (rest - 1);
            (rest != 0).then_some(rest)
        })
        .map(move |rest| base + u64::from(rest.trailing_zeros()))
    })
}

/// One column's range of a [`KeyBitmap`]: `span` values from `low`, within `0..2^32`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Range {
    low: u64,
    span: u64,
}

impl Range {
    /// The smallest range holding every value of `values` (which must not be empty).
    fn covering(values: impl Iterator<Item = u64>) -> Range {
        let (low, high) = values.fold((u64::MAX, 0), |(l, h), v| (l.min(v), h.max(v)));
        Range {
            low,
            span: high - low + 1,
        }
    }

    /// The offset of `v` in the range, if it is in it.
    fn offset(self, v: u64) -> Option<u64> {
        v.checked_sub(self.low).filter(|&d| d < self.span)
    }

    /// A range holding this one and `v`, at least twice as long (so a column that
    /// keeps growing is rebuilt only a logarithmic number of times), within `0..2^32`.
    fn widened(self, v: u64) -> Range {
        let high = self.low + self.span - 1;
        let need = high.max(v) - self.low.min(v) + 1;
        let span = need.max(2 * self.span).min(1 << 32);
        let low = if v < self.low {
            (high + 1).saturating_sub(span)
        } else {
            self.low
        };
        Range {
            low: low.min((1 << 32) - span),
            span,
        }
    }
}

/// A set of packed tuples (two 32-bit columns in one word, the first in the high
/// half; a 1-tuple has a first column of 0) as a bitmap over the rectangle of the
/// columns' ranges. A key's bit is its first column's offset, shifted past the
/// second's, which takes `shift` bits.
#[derive(Debug)]
pub(super) struct KeyBitmap {
    first: Range,
    /// The second column's range; its span is `1 << shift`.
    second: Range,
    shift: u32,
    words: Vec<u64>,
}

impl KeyBitmap {
    /// A bitmap holding `keys` (at least one; `len` of them, distinct), over the
    /// smallest rectangle that holds them, if it takes at most [`BITS_PER_KEY`] bits
    /// per key.
    pub(super) fn covering(
        keys: impl Iterator<Item = u64> + Clone,
        len: usize,
    ) -> Option<KeyBitmap> {
        let first = Range::covering(keys.clone().map(|k| k >> 32));
        let second = Range::covering(keys.clone().map(|k| k & u64::from(u32::MAX)));
        KeyBitmap::over(first, second, keys, len)
    }

    /// A bitmap over `first` × `second` (its span rounded up to a power of two)
    /// holding `keys`, if it takes at most [`BITS_PER_KEY`] bits per key of `len`.
    fn over(
        first: Range,
        second: Range,
        keys: impl Iterator<Item = u64>,
        len: usize,
    ) -> Option<KeyBitmap> {
        let span = second.span.next_power_of_two();
        let shift = span.trailing_zeros();
        let second = Range {
            low: second.low.min((1 << 32) - span),
            span,
        };
        if first.span > (len as u64).saturating_mul(BITS_PER_KEY) >> shift {
            return None;
        }
        let bits = first.span << shift;
        let mut map = KeyBitmap {
            first,
            second,
            shift,
            words: super::dedup::written_zeros(bits.div_ceil(64) as usize),
        };
        for key in keys {
            let bit = map.bit(key).expect("the rectangle holds every key");
            map.words[(bit / 64) as usize] |= 1 << (bit % 64);
        }
        Some(map)
    }

    /// The bit of `key`, if the rectangle holds it.
    #[inline]
    fn bit(&self, key: u64) -> Option<u64> {
        let a = self.first.offset(key >> 32)?;
        let b = self.second.offset(key & u64::from(u32::MAX))?;
        Some(a << self.shift | b)
    }

    /// True when `key` is in the set.
    #[inline]
    pub(super) fn contains(&self, key: u64) -> bool {
        self.bit(key)
            .is_some_and(|bit| self.words[(bit / 64) as usize] & 1 << (bit % 64) != 0)
    }

    /// Reads the word `key`'s bit is in, so that a lookup soon after finds it cached.
    #[inline]
    pub(super) fn touch(&self, key: u64) {
        if let Some(bit) = self.bit(key) {
            std::hint::black_box(self.words[(bit / 64) as usize]);
        }
    }

    /// Adds `key` unless it is there; `Some(true)` when it was added, `None` when the
    /// rectangle does not hold it ([`KeyBitmap::widened`]).
    #[inline]
    pub(super) fn insert(&mut self, key: u64) -> Option<bool> {
        let bit = self.bit(key)?;
        let word = &mut self.words[(bit / 64) as usize];
        let new = *word & 1 << (bit % 64) == 0;
        *word |= 1 << (bit % 64);
        Some(new)
    }

    /// A bitmap holding this one's `len` keys over a rectangle that also holds
    /// `key`, each range grown to at least twice its span where it must grow, if it
    /// takes at most [`BITS_PER_KEY`] bits per key once `key` is added.
    pub(super) fn widened(&self, key: u64, len: usize) -> Option<KeyBitmap> {
        let widen = |range: Range, v: u64| {
            if range.offset(v).is_some() {
                range
            } else {
                range.widened(v)
            }
        };
        let first = widen(self.first, key >> 32);
        let second = widen(self.second, key & u64::from(u32::MAX));
        KeyBitmap::over(first, second, self.keys(), len + 1)
    }

    /// The keys in the set, in increasing order.
    pub(super) fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        let mask = (1 << self.shift) - 1;
        set_bits(&self.words).map(move |bit| {
            (self.first.low + (bit >> self.shift)) << 32 | (self.second.low + (bit & mask))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(a: u64, b: u64) -> u64 {
        a << 32 | b
    }

    #[test]
    fn reads_set_bits_in_order() {
        let words = [0b1010, 0, 1 << 63 | 1, u64::MAX];
        let bits: Vec<u64> = set_bits(&words).collect();
        let mut expected = vec![1, 3, 128, 191];
        expected.extend(192..256);
        assert_eq!(bits, expected);
        assert_eq!(set_bits(&[]).count(), 0);
    }

    #[test]
    fn holds_keys_of_a_dense_rectangle_and_no_others() {
        let keys: Vec<u64> = (0..40u64)
            .flat_map(|a| {
                (0..40)
                    .filter(move |b| (a + b) % 3 == 0)
                    .map(move |b| key(a + 7, b + 1000))
            })
            .collect();
        let map = KeyBitmap::covering(keys.iter().copied(), keys.len()).expect("dense");
        assert_eq!(map.keys().collect::<Vec<_>>(), keys);
        for a in 0..50 {
            for b in 995..1045 {
                assert_eq!(
                    map.contains(key(a, b)),
                    keys.contains(&key(a, b)),
                    "{a} {b}"
                );
            }
        }
        assert!(KeyBitmap::covering([key(0, 0), key(1 << 20, 0)].into_iter(), 2).is_none());
    }

    #[test]
    fn widens_to_hold_keys_outside_the_rectangle() {
        let mut keys = vec![key(10, 10), key(11, 12), key(12, 11)];
        let mut map = KeyBitmap::covering(keys.iter().copied(), keys.len()).expect("dense");
        for k in [key(9, 10), key(20, 10), key(10, 3), key(10, 30)] {
            assert_eq!(map.insert(k), None);
            map = map.widened(k, keys.len()).expect("still dense");
            assert_eq!(map.insert(k), Some(true));
            assert_eq!(map.insert(k), Some(false));
            keys.push(k);
            keys.sort_unstable();
            assert_eq!(map.keys().collect::<Vec<_>>(), keys);
        }
        let far = key(u64::from(u32::MAX), 0);
        assert!(map.widened(far, keys.len()).is_none(), "too sparse");
    }

    #[test]
    fn ranges_stay_within_32_bits() {
        let top = u64::from(u32::MAX);
        let r = Range {
            low: top - 1,
            span: 2,
        }
        .widened(top - 5);
        assert_eq!((r.low, r.low + r.span - 1), (top - 5, top));
        let r = Range { low: 0, span: 3 }.widened(top);
        assert_eq!((r.low, r.span), (0, 1 << 32));
        let r = Range { low: 1, span: 1 }.widened(0);
        assert_eq!((r.low, r.span), (0, 2));
    }
}
