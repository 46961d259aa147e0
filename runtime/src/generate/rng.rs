//! The generator's random numbers: SplitMix64, written here rather than taken from a
//! crate so that a seed gives the same dataset in every later version of the project
//! (docs/decisions.md 231).

/// A SplitMix64 stream.
#[derive(Clone, Debug)]
pub struct Rng(u64);

/// The golden-ratio increment of SplitMix64.
const GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Rng {
    /// The stream of row `index`'s `attempt`-th draw under `seed`: independent of
    /// every other row, so rows can be drawn in parallel and in any order.
    pub fn for_row(seed: u64, index: u64, attempt: u64) -> Rng {
        Rng(mix(mix(seed ^ GAMMA)
            .wrapping_add(index)
            .wrapping_mul(GAMMA)
            ^ mix(attempt)))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GAMMA);
        mix(self.0)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        // Multiply-shift: the bias is below 2^-32 for the small ranges used here.
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// One item of `items` (not empty).
    pub fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }

    /// `n` different items of `items` (at most its length), in random order.
    pub fn sample<'a, T: ?Sized>(&mut self, items: &[&'a T], n: usize) -> Vec<&'a T> {
        let mut pool = items.to_vec();
        let n = n.min(pool.len());
        for i in 0..n {
            let j = i + self.below(pool.len() - i);
            pool.swap(i, j);
        }
        pool.truncate(n);
        pool
    }

    /// Between `n.start()` and `n.end()` different items of `items`, in random order.
    pub fn sample_between<'a, T: ?Sized>(
        &mut self,
        items: &[&'a T],
        n: std::ops::RangeInclusive<usize>,
    ) -> Vec<&'a T> {
        let count = self.range(*n.start() as i64, *n.end() as i64) as usize;
        self.sample(items, count)
    }

    /// Shuffles `items` in place.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_fixed_by_seed_index_and_attempt() {
        let draw = |s, i, a| Rng::for_row(s, i, a).next_u64();
        // The stream is part of the dataset format: changing it changes every dataset.
        assert_eq!(draw(42, 0, 0), draw(42, 0, 0));
        assert_ne!(draw(42, 0, 0), draw(42, 1, 0));
        assert_ne!(draw(42, 0, 0), draw(42, 0, 1));
        assert_ne!(draw(42, 0, 0), draw(43, 0, 0));
        let mut r = Rng::for_row(1, 2, 3);
        let mut seen = [0usize; 6];
        for _ in 0..6000 {
            seen[r.below(6)] += 1;
            let x = r.range(-3, 3);
            assert!((-3..=3).contains(&x));
        }
        assert!(seen.iter().all(|&n| (800..1200).contains(&n)), "{seen:?}");
        let picked = r.sample(&["a", "b", "c", "d"], 3);
        assert_eq!(picked.len(), 3);
        assert!(picked.iter().all(|p| ["a", "b", "c", "d"].contains(p)));
        assert_ne!(picked[0], picked[1]);
    }
}
