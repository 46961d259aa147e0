//! Work that costs no steps but grows with a relation: a QUERY's or FOR-QUERY's
//! selection and sort, a Float SUM's canonical order. A selection reads the run's
//! clock as it goes ([`Clock`]), and a large sort first makes sure the time it takes
//! is left ([`sort_by`]), so a time limit that passes while millions of rows are
//! selected or sorted ends the run there, not after (docs/decisions.md 119, 243).

use crate::fault::Fault;
use std::cell::Cell;
use std::cmp::Ordering;
use std::time::Duration;

/// Units of work (rows looked at, keys sorted or merged) between two readings of the
/// clock: well under a millisecond of work on this machine.
const CLOCK_EVERY: u32 = 1 << 15;

/// Keys sorted without a look at the clock first: a few milliseconds of sorting.
const RUN: usize = 1 << 16;

/// The run's clock, read once every [`CLOCK_EVERY`] units of work counted with
/// [`Clock::tick`]. Once a reading fails, every later tick fails too and
/// [`Clock::result`] gives the fault.
pub(super) struct Clock<'c> {
    read: &'c dyn Fn(Duration) -> Result<(), Fault>,
    left: Cell<u32>,
    fault: Cell<Option<Fault>>,
}

impl<'c> Clock<'c> {
    /// A clock that calls `read` (the budget's) to see whether the run may go on with
    /// a time kept aside.
    pub(super) fn new(read: &'c dyn Fn(Duration) -> Result<(), Fault>) -> Clock<'c> {
        Clock {
            read,
            left: Cell::new(CLOCK_EVERY),
            fault: Cell::new(None),
        }
    }

    /// Counts one unit of work; false when the run may not go on.
    #[inline(always)]
    pub(super) fn tick(&self) -> bool {
        self.ticks(1)
    }

    /// Counts `n` units of work; false when the run may not go on.
    #[inline(always)]
    pub(super) fn ticks(&self, n: u32) -> bool {
        let left = self.left.get();
        if left > n {
            self.left.set(left - n);
            return true;
        }
        self.read_now()
    }

    /// Reads the clock, or repeats that it has failed.
    #[cold]
    fn read_now(&self) -> bool {
        self.time_for(Duration::ZERO)
    }

    /// Whether `time` is left for work that does not read the clock: false (the
    /// clock failed) when not, or when the clock has failed before.
    pub(super) fn time_for(&self, time: Duration) -> bool {
        let failed = self.fault.take();
        let failed = failed.map_or_else(|| (self.read)(time).err(), Some);
        // A failed clock is asked again at every tick: it answers at once.
        self.left
            .set(if failed.is_some() { 0 } else { CLOCK_EVERY });
        let ok = failed.is_none();
        self.fault.set(failed);
        ok
    }

    /// The fault of the reading that failed, if one did.
    pub(super) fn result(self) -> Result<(), Fault> {
        self.fault.into_inner().map_or(Ok(()), Err)
    }
}

/// How long a sort takes per key at most, comparing keys as integers, with the
/// `log n` of a few million keys in it: about twice the slowest measured
/// (docs/decisions.md 243).
pub(super) const SORT_NANOS_PER_KEY: u64 = 200;
/// The same, comparing rows in canonical order value by value (`cmp_tuples`).
pub(super) const SORT_NANOS_PER_ROW: u64 = 3000;

/// Sorts `v` by `cmp` (not stably), after making sure there is time for it: a sort
/// of more than [`RUN`] keys reads the clock with `nanos_per_key` for each key kept
/// aside, and does not start without that much time left. False when the clock
/// stopped it ([`Clock::result`] has the fault).
pub(super) fn sort_by<T>(
    v: &mut [T],
    cmp: impl FnMut(&T, &T) -> Ordering,
    nanos_per_key: u64,
    clock: &Clock<'_>,
) -> bool {
    if v.len() > RUN {
        let time = Duration::from_nanos(nanos_per_key.saturating_mul(v.len() as u64));
        if !clock.time_for(time) {
            return false;
        }
    }
    v.sort_unstable_by(cmp);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::fault::What;

    #[test]
    fn a_large_sort_needs_its_time_left() {
        let asked = Cell::new(Duration::ZERO);
        // A clock with 10 ms left.
        let read = |reserve: Duration| {
            asked.set(reserve);
            if reserve >= Duration::from_millis(10) {
                Err(Fault::new(Code::E404, What::Time))
            } else {
                Ok(())
            }
        };
        let mut small: Vec<u64> = (0..RUN as u64).rev().collect();
        let clock = Clock::new(&read);
        assert!(sort_by(&mut small, u64::cmp, SORT_NANOS_PER_KEY, &clock));
        assert!(small.is_sorted());
        assert_eq!(asked.get(), Duration::ZERO, "a small sort does not ask");
        let mut large: Vec<u64> = (0..=RUN as u64).rev().collect();
        assert!(!sort_by(&mut large, u64::cmp, SORT_NANOS_PER_KEY, &clock));
        assert_eq!(
            asked.get(),
            Duration::from_nanos(SORT_NANOS_PER_KEY * (RUN as u64 + 1))
        );
        assert!(!clock.tick(), "a failed clock stays failed");
        assert_eq!(clock.result().expect_err("failed").code, Code::E404);
    }

    #[test]
    fn ticks_read_the_clock_every_so_often_until_it_fails() {
        let readings = Cell::new(0);
        let read = |_| {
            readings.set(readings.get() + 1);
            if readings.get() > 3 {
                Err(Fault::new(Code::E404, What::Time))
            } else {
                Ok(())
            }
        };
        let clock = Clock::new(&read);
        for _ in 0..3 * CLOCK_EVERY {
            assert!(clock.tick());
        }
        assert_eq!(readings.get(), 3);
        assert!((1..CLOCK_EVERY).all(|_| clock.tick()));
        assert!(!clock.tick(), "the fourth reading fails");
        assert!(!clock.ticks(1) && !clock.time_for(Duration::ZERO));
        assert_eq!(readings.get(), 4, "and the clock is not read again");
        assert!(clock.result().is_err());
    }
}
