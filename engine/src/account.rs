//! The budget of one run across all of its phases (spec §7, docs/decisions.md 101):
//! one wall-clock deadline, started when the run starts, and one memory account.
//! The front end checks the clock and charges an estimate of the program it builds,
//! injected facts charge what they add, the interpreter charges its relations,
//! Symbols, calls, loops and answers, and the compiled path charges what the host
//! allocates for the run (its linear memory is limited to what is left). Two tiers
//! racing to answer one run share its limit through a [`RaceMemory`].

use crate::diagnostic::{Code, Diagnostic};
use crate::fault::{Fault, What};
use crate::limits::Limits;
use crate::span::Span;
use crate::value::Symbols;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The deadline and memory account of one run.
#[derive(Clone, Debug)]
pub struct Account {
    limits: Limits,
    deadline: Option<Instant>,
    max_memory: u64,
    memory: u64,
    race: Option<(Arc<RaceMemory>, Side)>,
    /// Time the run's ending needs before the deadline: printing the outputs kept so
    /// far ([`Account::keep_aside`]).
    aside: Duration,
}

/// The memory two tiers hold while they race to answer one run (docs/decisions.md
/// 111): each side's account publishes what it has charged, and the compiled run's
/// host what its linear memory holds (while the run goes on, and the pages the
/// instance pool keeps resident once it ended). Each side counts what the other holds
/// against the run's one memory limit.
#[derive(Debug, Default)]
pub struct RaceMemory {
    interpreter: AtomicU64,
    compiled: AtomicU64,
    linear: AtomicU64,
}

/// A tier racing another for one run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The interpreter.
    Interpreter,
    /// The compiled path.
    Compiled,
}

impl RaceMemory {
    /// Records that the compiled run's linear memory holds `bytes`.
    pub fn set_linear(&self, bytes: u64) {
        self.linear.store(bytes, Ordering::Relaxed);
    }

    /// What the compiled run's linear memory holds, as last recorded.
    pub fn linear(&self) -> u64 {
        self.linear.load(Ordering::Relaxed)
    }

    /// The bytes the tier other than `side` holds.
    pub fn beside(&self, side: Side) -> u64 {
        match side {
            Side::Interpreter => (self.compiled.load(Ordering::Relaxed))
                .saturating_add(self.linear.load(Ordering::Relaxed)),
            Side::Compiled => self.interpreter.load(Ordering::Relaxed),
        }
    }

    fn publish(&self, side: Side, bytes: u64) {
        let cell = match side {
            Side::Interpreter => &self.interpreter,
            Side::Compiled => &self.compiled,
        };
        cell.store(bytes, Ordering::Relaxed);
    }
}

impl Account {
    /// An account for a run under `limits` whose clock starts now.
    pub fn new(limits: &Limits) -> Account {
        Account::starting(limits, Instant::now())
    }

    /// An account for a run under `limits` whose clock started at `start`.
    pub fn starting(limits: &Limits, start: Instant) -> Account {
        Account {
            limits: *limits,
            deadline: start.checked_add(Duration::from_millis(limits.timeout_ms)),
            max_memory: limits.max_memory_mb.saturating_mul(1 << 20),
            memory: 0,
            race: None,
            aside: Duration::ZERO,
        }
    }

    /// This account as `side`'s in a race: it publishes what it holds in `memory`
    /// and counts what the other side holds against its limit.
    pub fn racing(mut self, memory: Arc<RaceMemory>, side: Side) -> Account {
        memory.publish(side, self.memory);
        self.race = Some((memory, side));
        self
    }

    /// The memory of the race this account is in, and its side, if it races.
    pub fn race(&self) -> Option<&(Arc<RaceMemory>, Side)> {
        self.race.as_ref()
    }

    /// Bytes charged here and, in a race, held by the other side.
    fn held(&self) -> u64 {
        let others = self.race.as_ref().map_or(0, |(m, side)| m.beside(*side));
        self.memory.saturating_add(others)
    }

    /// Publishes what this account holds, if it races.
    #[inline]
    fn publish(&self) {
        if let Some((memory, side)) = &self.race {
            memory.publish(*side, self.memory);
        }
    }

    /// The limits of the run.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// When the time limit passes (`None`: beyond any representable instant).
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// E404 when the time limit has passed, or is nearer than the time kept aside.
    pub fn check_time(&self) -> Result<(), Fault> {
        self.check_time_leaving(Duration::ZERO)
    }

    /// E404 when less than `reserve` and the time kept aside ([`Account::keep_aside`])
    /// is left before the time limit: the time a run needs to end from where it is
    /// (docs/decisions.md 112, 243).
    pub fn check_time_leaving(&self, reserve: Duration) -> Result<(), Fault> {
        match self.deadline {
            Some(deadline)
                if Instant::now()
                    .checked_add(reserve.saturating_add(self.aside))
                    .is_none_or(|end| end >= deadline) =>
            {
                Err(Fault::new(Code::E404, What::Time))
            }
            _ => Ok(()),
        }
    }

    /// Keeps `time` more aside before the time limit, for what must happen after the
    /// run (printing an output kept: [`crate::output::Output::printing_time`]); every
    /// later reading of the clock leaves it.
    pub fn keep_aside(&mut self, time: Duration) {
        self.aside = self.aside.saturating_add(time);
    }

    /// The time kept aside so far.
    pub fn kept_aside(&self) -> Duration {
        self.aside
    }

    /// Adds `bytes` to the account; E405 (the account stays charged) past the limit.
    #[inline]
    pub fn charge(&mut self, bytes: u64) -> Result<(), Fault> {
        self.memory = self.memory.saturating_add(bytes);
        self.publish();
        if self.held() > self.max_memory {
            return Err(self.exceeded());
        }
        Ok(())
    }

    /// The E405 fault for the account as it stands.
    #[cold]
    pub fn exceeded(&self) -> Fault {
        Fault::new(Code::E405, What::Memory(Some(self.held())))
    }

    /// Takes `bytes` off the account.
    pub fn release(&mut self, bytes: u64) {
        self.memory = self.memory.saturating_sub(bytes);
        self.publish();
    }

    /// True when `bytes` more fit under the limit.
    pub fn fits(&self, bytes: u64) -> bool {
        self.held().saturating_add(bytes) <= self.max_memory
    }

    /// Bytes charged now (by this account only, not the other side of a race).
    pub fn charged(&self) -> u64 {
        self.memory
    }

    /// The memory limit in bytes.
    pub fn max_memory(&self) -> u64 {
        self.max_memory
    }

    /// Bytes that may still be charged (less what the other side of a race holds).
    pub fn left(&self) -> u64 {
        self.max_memory.saturating_sub(self.held())
    }

    /// The diagnostic of a limit `fault` at `span` (limits show no values).
    pub fn limit_error(&self, fault: &Fault, span: Span) -> Diagnostic {
        fault.diagnostic(span, &self.limits, &Symbols::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_is_charged_and_released_against_one_limit() {
        let limits = Limits {
            max_memory_mb: 1,
            ..Limits::default()
        };
        let mut account = Account::new(&limits);
        assert!(account.charge(1 << 20).is_ok());
        assert!(!account.fits(1));
        let fault = account.charge(1).expect_err("past the limit");
        assert_eq!(fault.what, What::Memory(Some((1 << 20) + 1)));
        account.release(2);
        assert_eq!((account.charged(), account.left()), ((1 << 20) - 1, 1));
    }

    #[test]
    fn two_sides_of_a_race_share_one_limit() {
        let limits = Limits {
            max_memory_mb: 1,
            ..Limits::default()
        };
        let race = Arc::new(RaceMemory::default());
        let racing = |side| Account::new(&limits).racing(Arc::clone(&race), side);
        let (mut interpreter, mut compiled) = (racing(Side::Interpreter), racing(Side::Compiled));
        interpreter.charge(600 << 10).expect("fits");
        assert_eq!(compiled.left(), 424 << 10);
        let fault = compiled
            .charge(500 << 10)
            .expect_err("not beside the other");
        assert_eq!(fault.what, What::Memory(Some(1100 << 10)));
        compiled.release(500 << 10);
        race.set_linear(300 << 10);
        assert_eq!(interpreter.left(), 124 << 10);
        assert!(
            interpreter.charge(200 << 10).is_err(),
            "linear memory counts"
        );
        interpreter.release(800 << 10);
        assert_eq!(compiled.left(), 1 << 20);
    }

    #[test]
    fn the_clock_starts_with_the_run() {
        let limits = Limits {
            timeout_ms: 0,
            ..Limits::default()
        };
        let fault = Account::new(&limits)
            .check_time()
            .expect_err("no time at all");
        assert_eq!(fault.code, Code::E404);
        let started = Instant::now() - Duration::from_millis(5);
        let limits = Limits {
            timeout_ms: 1,
            ..Limits::default()
        };
        assert!(Account::starting(&limits, started).check_time().is_err());
        assert!(Account::new(&Limits::default()).check_time().is_ok());
    }
}
