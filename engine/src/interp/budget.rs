//! Resource accounting for spec §7: steps, tuples, call depth, wall-clock time and
//! the memory estimate.
//!
//! # What counts as a step
//!
//! The step count is deterministic and the WASM backend reproduces it from the same
//! plan, so it is defined exactly here:
//!
//! * **Scans.** Every tuple an [`Op::Scan`](crate::ir::Op::Scan) visits costs one step,
//!   charged before its columns are bound. A scan without a key visits every tuple of
//!   its version (the whole relation, or last round's delta); a scan with a key visits
//!   only the tuples of the index entry for that key (restricted to the delta rows for
//!   a delta scan). A probe that finds no entry costs nothing. `Let`, `Filter` and
//!   `Emit` ops cost nothing.
//! * **NOT clauses** ([`Op::Not`](crate::ir::Op::Not), spec §9.1). A NOT reads at most
//!   one tuple: one step, charged at the clause, when a tuple equal to its arguments
//!   exists (the binding then ends); none when there is none (docs/decisions.md 204).
//! * **Aggregates** ([`Aggregate`](crate::ir::Aggregate), spec §9.2). One step per tuple
//!   of the group, charged at the aggregate when it is computed; an empty group costs
//!   nothing, and so does a rule's aggregate whose group the current stratum run has
//!   already computed (its memo, docs/decisions.md 205).
//! * **CALC statements.** Every [`Stmt`](crate::ir::Stmt) costs one step when it starts
//!   to execute, charged at the statement's span before anything in it is evaluated
//!   (so `IF`, `LET`, `RESULT`, `BREAK`, `CONTINUE` and each loop statement cost one).
//! * **Loop iterations.** Each time a loop body is about to run it costs one more step,
//!   charged at the loop statement's span: for `FOR RANGE` after the bound test passes,
//!   for `WHILE` after the condition was true, for `FOR … IN (QUERY …)` once per
//!   snapshot tuple. A loop whose body never runs costs only its statement step.
//! * Nothing else costs steps: top-level statements, expression evaluation, calls
//!   themselves (their statements do), the QUERY and FOR-QUERY selection and sort,
//!   and merging a round's new tuples.
//!
//! The step that makes the count exceed `max_steps` fails with E401 (so `Stats::steps`
//! is then `max_steps + 1`).
//!
//! # Tuples
//!
//! A tuple counts toward `max_tuples` from the moment it is known to be new: when a
//! FACT inserts it, or when an `Emit` produces a tuple that is neither in the relation
//! nor already waiting to be merged at the end of the round. The insert that would
//! make the count exceed `max_tuples` fails with E402 at the FACT or EMIT.
//!
//! # Memory estimate
//!
//! In bytes, with `V = size_of::<Value>()` (16):
//!
//! ```text
//!   Σ stored and pending tuples   (arity × V + TUPLE_OVERHEAD)
//! + Σ filed index rows            INDEX_ROW   (an index files rows only once a plan
//! + Σ distinct index keys         INDEX_KEY    probes it)
//! + Σ run-time Symbols            (text bytes + SYMBOL_OVERHEAD)
//! + Σ active CALC calls           (FRAME_OVERHEAD + locals × size_of::<Option<Value>>()
//!                                   + tuple variables × TUPLE_VAR)
//! + Σ active FOR-QUERY snapshots  (tuples × 4: the snapshot is a list of row ids)
//! + Σ aggregate memo entries      (MEMO_ENTRY per non-empty group a rule's aggregate
//!                                  computed, until the stratum run ends)
//! + Σ QUERY answers kept          (rows × (width × V + 8), `output::answer_bytes`)
//! + Σ stack segments in use       (STACK_SEGMENT each, `Machine::guarded`)
//! ```
//!
//! It is charged to the run's [`Account`], where the front end and injected facts
//! charged before (docs/decisions.md 25), as structures grow, and released when a call,
//! loop or segment ends; exceeding `max_memory_mb` MiB is E405 at the operation that
//! grew.
//!
//! # Time
//!
//! The clock is the run's [`Account`]'s: it starts before the front end. It is read
//! every [`TIME_CHECK_INTERVAL`] steps, at the start of every fixpoint round, every
//! 32,768 rows looked at or keys sorted in a QUERY's or FOR-QUERY's selection or a
//! Float SUM's ordering (which cost no steps), after every such selection and when
//! an output is kept (QUERY, RESULT); past `timeout_ms` the run fails with E404. Each
//! output kept sets aside the time printing it takes
//! ([`crate::output::Output::printing_time`]): every later reading leaves that time
//! before the limit (docs/decisions.md 243). A run given a `stop` callback ([`crate::run_watched`]) asks it
//! at the same points and, when it answers true, ends there with E404 too ("the run
//! was stopped"): it was given no more time.

use super::Res;
use crate::account::Account;
use crate::diagnostic::{Code, Diagnostic};
use crate::fault::{Fault, What};
use crate::span::Span;
use crate::value::Value;
use std::time::Duration;

/// The clock is read when the step count is a multiple of this.
pub(super) const TIME_CHECK_INTERVAL: u64 = 4096;
/// Per stored or pending tuple, on top of its values: its slot in the dedup table.
pub(super) const TUPLE_OVERHEAD: u64 = 8;
/// Per row of every index: the row id in its key's row list.
pub(super) const INDEX_ROW: u64 = 4;
/// Per distinct key of an index: the row list header (32 bytes), its position in the
/// hash table (4) and, in a one-column index of Ints, up to 4 direct slots (16).
pub(super) const INDEX_KEY: u64 = 52;
/// Per run-time Symbol, on top of its text.
pub(super) const SYMBOL_OVERHEAD: u64 = 16;
/// Per active CALC call, on top of its locals and tuple variables: mostly the
/// interpreter's own stack for one call level (about 1 KiB in a release build).
pub(super) const FRAME_OVERHEAD: u64 = 1024;
/// Per FOR-QUERY tuple variable of an active CALC call.
pub(super) const TUPLE_VAR: u64 = 32;

/// Bytes of one value in the estimate.
pub(super) const VALUE_BYTES: u64 = size_of::<Value>() as u64;

/// The estimate for `tuples` tuples of `arity` values (stored or pending).
pub(super) fn tuple_bytes(tuples: u64, arity: usize) -> u64 {
    tuples.saturating_mul(arity as u64 * VALUE_BYTES + TUPLE_OVERHEAD)
}

/// Bytes charged between two readings of the clock: copying that much memory takes
/// a millisecond or less, so a run that grows by a few large steps (a string
/// doubling) still sees its time limit.
const BYTES_PER_CHECK: u64 = 1 << 20;

/// How long returning from one stack segment of deep recursion may take: the
/// frames on it are read back from memory and the segment is unmapped, about 1 ms
/// per MiB measured (docs/decisions.md 112); twice that, for a loaded machine.
const UNWIND_PER_SEGMENT: Duration = Duration::from_millis(8);

/// Asked whenever the clock is read, with where the run is: true ends the run (see the
/// module docs).
pub(super) type Stop<'w> = &'w dyn Fn(Phase) -> bool;

/// Where an interpreted run is when it asks its watcher ([`crate::run_watched`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Solving a fixpoint (SOLVE, spec §4).
    Solving,
    /// Anything else: statements, CALC (spec §5), QUERY.
    Evaluating,
    /// Answering the QUERYs of constants that end the program: nothing but their
    /// selections is left to run (docs/decisions.md 132).
    Finishing,
}

/// The step counter of one run, the run's [`Account`] (its deadline and memory) and
/// what is asked whether to stop.
pub(super) struct Budget<'w> {
    account: Account,
    stop: Option<Stop<'w>>,
    steps: u64,
    /// Bytes charged since the clock was last read for memory.
    charged: u64,
    /// Stack segments the run is on ([`Budget::take_segment`]).
    segments: u32,
    /// Where the run is, for `stop`.
    pub(super) phase: Phase,
    /// New tuples of relation `credit.1`, of `credit.2` bytes each, that may still
    /// be added with no check firing ([`Budget::add_tuple`]), and the bytes of those
    /// added (or charged in between, [`Budget::charge_fault`]) but not yet charged:
    /// both 0 outside a plan's EMITs (docs/decisions.md 149, 130).
    credit: (u64, usize, u64),
    owed: u64,
}

/// The most tuples [`Budget::add_tuple`] adds between two charges to the account:
/// a race's other side sees this run's memory estimate at most this far behind.
const CREDIT: usize = 1024;

impl<'w> Budget<'w> {
    /// A budget charging `account`; the clock is the account's. `stop` is asked
    /// whenever the clock is read.
    pub(super) fn new(account: Account, stop: Option<Stop<'w>>) -> Budget<'w> {
        Budget {
            account,
            stop,
            steps: 0,
            charged: 0,
            segments: 0,
            phase: Phase::Evaluating,
            credit: (0, 0, 0),
            owed: 0,
        }
    }

    /// Steps counted so far.
    pub(super) fn steps(&self) -> u64 {
        self.steps
    }

    /// The account, as it stands at the end of the run.
    pub(super) fn into_account(mut self) -> Account {
        self.settle();
        self.account
    }

    /// The diagnostic of a limit `fault` at `span`.
    #[cold]
    pub(super) fn limit(&self, fault: &Fault, span: Span) -> Box<Diagnostic> {
        Box::new(self.account.limit_error(fault, span))
    }

    /// Counts one step at `span` (see the module docs for what costs a step).
    #[inline(always)]
    pub(super) fn step(&mut self, span: Span) -> Res<()> {
        self.steps += 1;
        if self.steps > self.account.limits().max_steps {
            return Err(self.limit(&Fault::new(Code::E401, What::Steps), span));
        }
        if self.steps.is_multiple_of(TIME_CHECK_INTERVAL) {
            self.check_time(span)?;
        }
        Ok(())
    }

    /// Counts `n` steps at `span`, exactly as `n` calls of [`Budget::step`] would: the
    /// counter stops at the first step past the limit (E401) or at the first time
    /// check that fails (E404), and the clock is read at every multiple of
    /// [`TIME_CHECK_INTERVAL`] passed.
    #[inline]
    pub(super) fn steps_at_once(&mut self, n: u64, span: Span) -> Res<()> {
        let end = self.steps.saturating_add(n);
        // The common case: neither the limit nor a time check within the `n`.
        if end <= self.account.limits().max_steps
            && end / TIME_CHECK_INTERVAL == self.steps / TIME_CHECK_INTERVAL
        {
            self.steps = end;
            return Ok(());
        }
        self.steps_checked(n, span)
    }

    /// [`Budget::steps_at_once`] where the `n` steps pass a check.
    #[inline(never)]
    fn steps_checked(&mut self, n: u64, span: Span) -> Res<()> {
        let max = self.account.limits().max_steps;
        let end = self.steps.saturating_add(n);
        while self.steps < end {
            // The next step a check is made at: a time check, the first step past the
            // limit, or the last of the `n`.
            let check = (self.steps / TIME_CHECK_INTERVAL + 1).saturating_mul(TIME_CHECK_INTERVAL);
            self.steps = end.min(check).min(max.saturating_add(1));
            if self.steps > max {
                return Err(self.limit(&Fault::new(Code::E401, What::Steps), span));
            }
            if self.steps.is_multiple_of(TIME_CHECK_INTERVAL) {
                self.check_time(span)?;
            }
        }
        Ok(())
    }

    /// E404 (the fault) when the wall-clock limit has passed, or is nearer than the
    /// time unwinding the run's stack segments takes, or when `stop` says so.
    pub(super) fn clock(&self) -> Result<(), Fault> {
        self.clock_leaving(Duration::ZERO)
    }

    /// [`Budget::clock`] with `aside` more left before the limit: the time a piece of
    /// work that does not read the clock takes (a large sort, docs/decisions.md 243).
    pub(super) fn clock_leaving(&self, aside: Duration) -> Result<(), Fault> {
        if self.stop.is_some_and(|stop| stop(self.phase)) {
            return Err(Fault::new(Code::E404, What::Stopped));
        }
        self.account
            .check_time_leaving((UNWIND_PER_SEGMENT * self.segments).saturating_add(aside))
    }

    /// Moves the run onto one more stack segment of `bytes` (deep recursion): the
    /// memory is charged and, since returning from it takes time, the clock is read
    /// with that time set aside; E405 or E404 at `span` (the segment is not taken).
    pub(super) fn take_segment(&mut self, bytes: u64, span: Span) -> Res<()> {
        self.charge(bytes, span)?;
        self.segments += 1;
        if let Err(d) = self.check_time(span) {
            self.give_segment(bytes);
            return Err(d);
        }
        Ok(())
    }

    /// Keeps `time` aside before the time limit for what follows the run (printing an
    /// output kept): every later reading of the clock leaves it.
    pub(super) fn keep_aside(&mut self, time: Duration) {
        self.account.keep_aside(time);
    }

    /// Leaves a stack segment of `bytes` taken with [`Budget::take_segment`].
    pub(super) fn give_segment(&mut self, bytes: u64) {
        self.segments -= 1;
        self.release(bytes);
    }

    /// Fails with E404 when the wall-clock limit has passed or `stop` says so.
    pub(super) fn check_time(&self, span: Span) -> Res<()> {
        self.clock().map_err(|fault| self.limit(&fault, span))
    }

    /// Fails with E402 unless the database may hold `tuples` tuples.
    #[inline]
    pub(super) fn check_tuples(&self, tuples: u64, relation: &str, span: Span) -> Res<()> {
        if tuples <= self.account.limits().max_tuples {
            return Ok(());
        }
        self.too_many_tuples(relation, span)
    }

    /// The E402 of [`Budget::check_tuples`].
    #[cold]
    fn too_many_tuples(&self, relation: &str, span: Span) -> Res<()> {
        let fault = Fault::new(Code::E402, What::Tuples(relation.to_string()));
        Err(self.limit(&fault, span))
    }

    /// True when the database may hold `tuples` tuples and `bytes` more fit in the
    /// memory estimate: adding them cannot fail with E402 or E405.
    pub(super) fn fits(&self, tuples: u64, bytes: u64) -> bool {
        tuples <= self.account.limits().max_tuples && self.account.fits(bytes + self.owed)
    }

    /// Counts a new tuple of `bytes` of relation `rel` on credit, when a credit
    /// [`Budget::quiet`] granted for `rel` lasts: no check, the bytes owed until the
    /// credit ends (docs/decisions.md 149); false when there is none, and the tuple
    /// is counted with [`Budget::add_tuple`].
    #[inline(always)]
    pub(super) fn on_credit(&mut self, rel: usize, bytes: u64) -> bool {
        if self.credit.0 > 0 && self.credit.1 == rel {
            self.credit.0 -= 1;
            self.owed += bytes;
            return true;
        }
        false
    }

    /// Counts a new tuple of `bytes` that makes the database `tuples` tuples, at
    /// `span` of an EMIT into relation `rel` (named `relation`), without a credit:
    /// [`Budget::check_tuples`] and [`Budget::charge`], then `grow` (the relation's
    /// tables growing ahead, with the clock: docs/decisions.md 113), then the credit
    /// the next tuples of `rel` get ([`Budget::on_credit`]).
    pub(super) fn add_tuple(
        &mut self,
        tuples: u64,
        bytes: u64,
        (rel, relation): (usize, &str),
        span: Span,
        grow: impl FnOnce(&Self) -> Result<(), Fault>,
    ) -> Res<()> {
        self.check_tuples(tuples, relation, span)?;
        self.charge(bytes, span)?;
        grow(self).map_err(|fault| self.limit(&fault, span))?;
        #[cfg(not(test))]
        let most = CREDIT;
        #[cfg(test)]
        let most = if tests::NO_CREDIT.get() { 0 } else { CREDIT };
        self.credit = (self.quiet(most, 0, tuples, bytes) as u64, rel, bytes);
        Ok(())
    }

    /// Charges the bytes owed for tuples added on credit and ends the credit: what
    /// reads or changes the estimate, the counter of bytes or the tuple count does
    /// this first.
    #[inline]
    pub(super) fn settle(&mut self) {
        self.credit.0 = 0;
        if self.owed > 0 {
            let owed = std::mem::take(&mut self.owed);
            self.advance(0, owed);
        }
    }

    /// Fails with E403 unless a call at `depth` (a top-level call is depth 1) is allowed.
    pub(super) fn check_depth(&self, depth: u32, function: &str, span: Span) -> Res<()> {
        if depth <= self.account.limits().max_depth {
            return Ok(());
        }
        let fault = Fault::new(Code::E403, What::Depth(function.to_string()));
        Err(self.limit(&fault, span))
    }

    /// Adds `bytes` to the memory estimate; fails with E405 past the limit (or E404
    /// past the time limit, read every [`BYTES_PER_CHECK`] bytes).
    #[inline]
    pub(super) fn charge(&mut self, bytes: u64, span: Span) -> Res<()> {
        self.charge_fault(bytes)
            .map_err(|fault| self.limit(&fault, span))
    }

    /// [`Budget::charge`] with the fault for the caller to word (with its operands).
    /// During a credit, bytes whose charge no check would stop are owed with the
    /// credit's instead ([`Budget::owe`]).
    #[inline]
    pub(super) fn charge_fault(&mut self, bytes: u64) -> Result<(), Fault> {
        if self.credit.0 > 0 && self.owe(bytes) {
            return Ok(());
        }
        self.settle();
        self.account.charge(bytes)?;
        self.charged += bytes;
        if self.charged >= BYTES_PER_CHECK {
            self.charged = 0;
            self.clock()?;
        }
        Ok(())
    }

    /// Owes `bytes` charged during a credit (an aggregate's memo entry between two
    /// EMITs) when charging them with what is owed would neither pass the memory
    /// limit nor reach the estimate's clock reading, and keeps the credit for the
    /// tuples that still fit after them: the checks then fire where they would have
    /// (docs/decisions.md 130). False, and nothing owed, otherwise.
    fn owe(&mut self, bytes: u64) -> bool {
        let owed = self.owed + bytes;
        if self.charged + owed >= BYTES_PER_CHECK || !self.account.fits(owed) {
            return false;
        }
        self.owed = owed;
        let each = self.credit.2.max(1);
        let to_check = (BYTES_PER_CHECK - 1 - self.charged - owed) / each;
        let left = self.account.left().saturating_sub(owed) / each;
        self.credit.0 = self.credit.0.min(to_check).min(left);
        true
    }

    /// How many of `n` operations, each counting `steps` steps (0 or 1) and adding at
    /// most one tuple of `bytes` to a database of `tuples` tuples, can run without any
    /// check of this budget firing (E401, E402, E405, or a reading of the clock): the
    /// operations before the one where a check would fire. They may run as a batch,
    /// counted by [`Budget::advance`] at the end, and a run sees the same counters,
    /// errors and clock readings as when each is checked in turn (docs/decisions.md
    /// 221).
    /// Called with bytes owed on credit, it gives the room left after them.
    #[inline]
    pub(super) fn quiet(&self, n: usize, steps: u64, tuples: u64, bytes: u64) -> usize {
        let limits = self.account.limits();
        let mut room = n as u64;
        if steps > 0 {
            // Steps before the next clock reading, and within the limit.
            let to_check = TIME_CHECK_INTERVAL - 1 - self.steps % TIME_CHECK_INTERVAL;
            let to_limit = limits.max_steps.saturating_sub(self.steps);
            room = room.min(to_check).min(to_limit);
        }
        room = room.min(limits.max_tuples.saturating_sub(tuples));
        // Tuples before the next clock reading for memory, and within the limit (a
        // tuple takes at least a byte: a bound for any).
        let bytes = bytes.max(1);
        let to_check = (BYTES_PER_CHECK - 1 - self.charged - self.owed) / bytes;
        let left = self.account.left().saturating_sub(self.owed);
        room = room.min(to_check).min(left / bytes);
        room as usize
    }

    /// Counts `steps` steps and charges `bytes` that [`Budget::quiet`] said fit: no
    /// check fires. Ends a credit of [`Budget::add_tuple`] (the room it was given may
    /// be taken).
    #[inline]
    pub(super) fn advance(&mut self, steps: u64, bytes: u64) {
        self.credit.0 = 0;
        self.steps += steps;
        self.charged += bytes;
        // Within what `left` allowed, so it does not fail.
        let charged = self.account.charge(bytes);
        debug_assert!(charged.is_ok(), "quiet charges fit");
    }

    /// Removes `bytes` from the memory estimate.
    pub(super) fn release(&mut self, bytes: u64) {
        self.settle();
        self.account.release(bytes);
    }

    /// The limits of the run.
    pub(super) fn limits(&self) -> &crate::limits::Limits {
        self.account.limits()
    }
}

#[cfg(test)]
pub(super) mod tests {
    thread_local! {
        /// When set, [`super::Budget::add_tuple`] checks every tuple: the reference
        /// its credit is tested against (`interp/tests/quiet.rs`).
        pub(in crate::interp) static NO_CREDIT: std::cell::Cell<bool> =
            const { std::cell::Cell::new(false) };
    }
}
