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
//! ```
//!
//! It is charged as structures grow and released when a call or loop ends; exceeding `max_memory_mb` MiB is E405 at the operation that grew.
//!
//! # Time
//!
//! The clock is read every [`TIME_CHECK_INTERVAL`] steps, at the start of every
//! fixpoint round and after every QUERY or FOR-QUERY selection (which costs no steps);
//! past `timeout_ms` the run fails with E404. A run given a `stop` callback
//! ([`crate::run_watched`]) asks it at the same points and, when it answers true, ends
//! there with E404 too ("the run was stopped"): it was given no more time.

use super::Res;
use crate::diagnostic::{Code, Diagnostic};
use crate::limits::Limits;
use crate::span::Span;
use crate::value::Value;
use std::time::{Duration, Instant};

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

/// Asked whenever the clock is read: true ends the run (see the module docs).
pub(super) type Stop<'w> = &'w dyn Fn() -> bool;

/// Counters and limits of one run.
pub(super) struct Budget<'w> {
    limits: Limits,
    stop: Option<Stop<'w>>,
    steps: u64,
    deadline: Option<Instant>,
    memory: u64,
    max_memory: u64,
}

impl<'w> Budget<'w> {
    /// A fresh budget; the clock starts now. `stop` is asked whenever the clock is read.
    pub(super) fn new(limits: &Limits, stop: Option<Stop<'w>>) -> Budget<'w> {
        Budget {
            limits: *limits,
            stop,
            steps: 0,
            deadline: Instant::now().checked_add(Duration::from_millis(limits.timeout_ms)),
            memory: 0,
            max_memory: limits.max_memory_mb.saturating_mul(1 << 20),
        }
    }

    /// Steps counted so far.
    pub(super) fn steps(&self) -> u64 {
        self.steps
    }

    /// Counts one step at `span` (see the module docs for what costs a step).
    #[inline]
    pub(super) fn step(&mut self, span: Span) -> Res<()> {
        self.steps += 1;
        if self.steps > self.limits.max_steps {
            return Err(self.step_error(span));
        }
        if self.steps.is_multiple_of(TIME_CHECK_INTERVAL) {
            self.check_time(span)?;
        }
        Ok(())
    }

    #[cold]
    fn step_error(&self, span: Span) -> Box<Diagnostic> {
        limit_error(
            Code::E401,
            span,
            format!("step limit of {} exceeded", self.limits.max_steps),
            "--max-steps",
        )
    }

    /// Fails with E404 when the wall-clock limit has passed or `stop` says so.
    pub(super) fn check_time(&self, span: Span) -> Res<()> {
        if self.stop.is_some_and(|stop| stop()) {
            return Err(Box::new(Diagnostic::new(
                Code::E404,
                span,
                "the run was stopped",
            )));
        }
        match self.deadline {
            Some(deadline) if Instant::now() >= deadline => Err(limit_error(
                Code::E404,
                span,
                format!("time limit of {} ms exceeded", self.limits.timeout_ms),
                "--timeout-ms",
            )),
            _ => Ok(()),
        }
    }

    /// Fails with E402 unless the database may hold `tuples` tuples.
    pub(super) fn check_tuples(&self, tuples: u64, relation: &str, span: Span) -> Res<()> {
        if tuples <= self.limits.max_tuples {
            return Ok(());
        }
        Err(limit_error(
            Code::E402,
            span,
            format!(
                "tuple limit of {} exceeded while adding to `{relation}`",
                self.limits.max_tuples
            ),
            "--max-tuples",
        ))
    }

    /// True when the database may hold `tuples` tuples and `bytes` more fit in the
    /// memory estimate: adding them cannot fail with E402 or E405.
    pub(super) fn fits(&self, tuples: u64, bytes: u64) -> bool {
        tuples <= self.limits.max_tuples && self.memory.saturating_add(bytes) <= self.max_memory
    }

    /// Fails with E403 unless a call at `depth` (a top-level call is depth 1) is allowed.
    pub(super) fn check_depth(&self, depth: u32, function: &str, span: Span) -> Res<()> {
        if depth <= self.limits.max_depth {
            return Ok(());
        }
        Err(limit_error(
            Code::E403,
            span,
            format!(
                "call depth limit of {} exceeded calling CALC `{function}`",
                self.limits.max_depth
            ),
            "--max-depth",
        ))
    }

    /// Adds `bytes` to the memory estimate; fails with E405 past the limit.
    #[inline]
    pub(super) fn charge(&mut self, bytes: u64, span: Span) -> Res<()> {
        self.memory = self.memory.saturating_add(bytes);
        if self.memory > self.max_memory {
            return Err(self.memory_error(span));
        }
        Ok(())
    }

    #[cold]
    fn memory_error(&self, span: Span) -> Box<Diagnostic> {
        limit_error(
            Code::E405,
            span,
            format!(
                "memory limit of {} MiB exceeded (estimate {} bytes)",
                self.limits.max_memory_mb, self.memory
            ),
            "--max-memory-mb",
        )
    }

    /// Removes `bytes` from the memory estimate.
    pub(super) fn release(&mut self, bytes: u64) {
        self.memory = self.memory.saturating_sub(bytes);
    }
}

fn limit_error(code: Code, span: Span, message: String, flag: &str) -> Box<Diagnostic> {
    Box::new(Diagnostic::new(code, span, message).with_hint(format!("raise the limit with {flag}")))
}
