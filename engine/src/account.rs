//! The budget of one run across all of its phases (spec §7, docs/decisions.md 101):
//! one wall-clock deadline, started when the run starts, and one memory account.
//! The front end checks the clock and charges an estimate of the program it builds,
//! injected facts charge what they add, the interpreter charges its relations,
//! Symbols, calls, loops and answers, and the compiled path charges what the host
//! allocates for the run (its linear memory is limited to what is left).

use crate::diagnostic::{Code, Diagnostic};
use crate::fault::{Fault, What};
use crate::limits::Limits;
use crate::span::Span;
use crate::value::Symbols;
use std::time::{Duration, Instant};

/// The deadline and memory account of one run.
#[derive(Clone, Debug)]
pub struct Account {
    limits: Limits,
    deadline: Option<Instant>,
    max_memory: u64,
    memory: u64,
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

    /// E404 when the time limit has passed.
    pub fn check_time(&self) -> Result<(), Fault> {
        match self.deadline {
            Some(deadline) if Instant::now() >= deadline => Err(Fault::new(Code::E404, What::Time)),
            _ => Ok(()),
        }
    }

    /// Adds `bytes` to the account; E405 (the account stays charged) past the limit.
    #[inline]
    pub fn charge(&mut self, bytes: u64) -> Result<(), Fault> {
        self.memory = self.memory.saturating_add(bytes);
        if self.memory > self.max_memory {
            return Err(self.exceeded());
        }
        Ok(())
    }

    /// The E405 fault for the account as it stands.
    #[cold]
    pub fn exceeded(&self) -> Fault {
        Fault::new(Code::E405, What::Memory(Some(self.memory)))
    }

    /// Takes `bytes` off the account.
    pub fn release(&mut self, bytes: u64) {
        self.memory = self.memory.saturating_sub(bytes);
    }

    /// True when `bytes` more fit under the limit.
    pub fn fits(&self, bytes: u64) -> bool {
        self.memory.saturating_add(bytes) <= self.max_memory
    }

    /// Bytes charged now.
    pub fn charged(&self) -> u64 {
        self.memory
    }

    /// Bytes that may still be charged.
    pub fn left(&self) -> u64 {
        self.max_memory.saturating_sub(self.memory)
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
