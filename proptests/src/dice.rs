//! A choice sequence: every generator draws its decisions from a [`Dice`], so
//! one proptest strategy (a vector of numbers) drives them all, and shrinking
//! that vector (fewer numbers, each closer to 0) shrinks the program. Choice 0 is
//! always the simplest option, and an exhausted sequence keeps answering 0.

use proptest::collection::vec;
use proptest::prelude::*;

/// The decisions of one generated case.
#[derive(Clone, Debug)]
pub struct Dice {
    rolls: Vec<u32>,
    at: usize,
}

impl Dice {
    /// A sequence that answers `rolls` in order, then 0.
    pub fn new(rolls: Vec<u32>) -> Dice {
        Dice { rolls, at: 0 }
    }

    fn next(&mut self) -> u32 {
        let r = self.rolls.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        r
    }

    /// A number in `0..n` (`n` at least 1).
    pub fn below(&mut self, n: usize) -> usize {
        self.next() as usize % n.max(1)
    }

    /// True with `percent` per cent probability; false when the dice run out.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.next() % 100 >= 100 - percent.min(100)
    }

    /// One of `items` (which must not be empty); the first is the simplest.
    pub fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }
}

/// Dice of up to `max` decisions.
pub fn dice(max: usize) -> impl Strategy<Value = Dice> {
    vec(any::<u32>(), 0..max).prop_map(Dice::new)
}
