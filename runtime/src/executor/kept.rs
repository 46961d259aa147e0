//! The programs the interpreter tier of [`Backend::Auto`](super::Backend::Auto) keeps
//! (docs/decisions.md 157): the front end's result (lexed, parsed, checked, stratified
//! and lowered, with its warnings) for each source it ran, so that the same source,
//! seen again before its module is compiled, skips the front end and starts running.
//!
//! What a kept program answers is what the front end would: its key ([`Key`]) holds
//! the source and `max_source_kb`, the one limit read before the front end charges
//! anything; runs with injected facts are not kept (the facts are usually each
//! request's own data, which an entry would hold twice, key and program). The program
//! is charged to the run's account as the front end charged it ([`Compiled::memory`]),
//! and only when it all fits: the front end only ever adds to its charge, so it would
//! have fitted too; when it does not fit, the front end runs again and gives its own
//! E405, at its own line and column. Only programs that passed their checks are kept,
//! and a front end stopped by a limit has no program. The time limit is not read: a
//! kept program is only faster.
//!
//! A program is kept the second time it comes (the first time, a hash of its key is
//! remembered in a fixed table of [`SEEN`] slots): a stream of distinct programs then
//! keeps none, and pays for a hash, not for holding every program it ran (holding
//! them, measured: +1,100 page faults and ~25 % more time per 1,000 distinct corpus
//! programs through `serve`). Bounded by [`ENTRIES`] programs and [`BYTES`] of their
//! estimated size (the source, held by the key, and the front end's estimate of the
//! program); a program of more than a [`LARGEST`]th of [`BYTES`] is not kept, so one
//! hostile source cannot empty the cache. Past either bound the least recently used
//! program goes (found by a scan: a few microseconds beside a front end's tens).

use super::Options;
use super::key::{Key, KeyRef};
use bytelogic_engine::{Account, Compiled};
use hashbrown::HashMap;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex, PoisonError};

/// The most programs kept.
pub(super) const ENTRIES: usize = 1024;

/// The most bytes the kept programs may take, by their estimated size.
pub(super) const BYTES: u64 = 64 << 20;

/// A program is kept only if its estimated size is at most [`BYTES`] / `LARGEST`.
pub(super) const LARGEST: u64 = 16;

/// The kept programs (see the module docs); shared by the threads of one executor.
pub(super) struct Kept {
    bounds: (usize, u64),
    /// Hashes the keys offered for [`Lru::seen`], outside the lock.
    hasher: hashbrown::DefaultHashBuilder,
    inner: Mutex<Lru>,
}

/// Slots of [`Lru::seen`].
const SEEN: usize = 4096;

/// The programs, their total size and the clock of their uses.
struct Lru {
    entries: HashMap<Key, Entry>,
    bytes: u64,
    uses: u64,
    /// The hashes of the keys of the last programs offered, one a slot (the slot its
    /// hash picks): a program is kept the second time it is offered.
    seen: Vec<u64>,
}

/// One kept program.
struct Entry {
    compiled: Arc<Compiled>,
    /// Its estimated size in bytes.
    size: u64,
    /// The value of [`Lru::uses`] when it was last used.
    used: u64,
}

impl Default for Kept {
    fn default() -> Kept {
        Kept::new(ENTRIES, BYTES)
    }
}

impl Kept {
    /// An empty cache of at most `entries` programs and `bytes` bytes.
    pub(super) fn new(entries: usize, bytes: u64) -> Kept {
        Kept {
            bounds: (entries, bytes),
            hasher: hashbrown::DefaultHashBuilder::default(),
            inner: Mutex::new(Lru {
                entries: HashMap::new(),
                bytes: 0,
                uses: 0,
                seen: vec![0; SEEN],
            }),
        }
    }

    /// The program kept for `source` under `options`, charged to `account` as its front
    /// end charged it; `None` (nothing charged) when none is kept or the account
    /// cannot hold it.
    pub(super) fn get(
        &self,
        source: &str,
        options: &Options,
        account: &mut Account,
    ) -> Option<Arc<Compiled>> {
        if !options.inputs.is_empty() || !self.may_keep(source.len() as u64) {
            return None;
        }
        let compiled = {
            let mut lru = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
            lru.uses += 1;
            let uses = lru.uses;
            let entry = lru.entries.get_mut(&KeyRef::new(source, options, &[]))?;
            entry.used = uses;
            Arc::clone(&entry.compiled)
        };
        if !account.fits(compiled.memory) {
            return None;
        }
        account.charge(compiled.memory).ok()?;
        Some(compiled)
    }

    /// `compiled`, the front end's result for `source` under `options`, kept when it
    /// has a program, the run has no injected facts, it is not too large and it was
    /// offered before (as far as [`Lru::seen`] remembers).
    pub(super) fn keep(
        &self,
        source: &str,
        options: &Options,
        compiled: Compiled,
    ) -> Arc<Compiled> {
        let compiled = Arc::new(compiled);
        let size = (source.len() as u64).saturating_add(compiled.memory);
        if compiled.program.is_none() || !options.inputs.is_empty() || !self.may_keep(size) {
            return compiled;
        }
        let key = KeyRef::new(source, options, &[]);
        let hash = self.hasher.hash_one(&key);
        let mut lru = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if !lru.offered_again(hash) {
            return compiled;
        }
        lru.uses += 1;
        let entry = Entry {
            compiled: Arc::clone(&compiled),
            size,
            used: lru.uses,
        };
        lru.bytes += size;
        if let Some(replaced) = lru.entries.insert(key.owned(), entry) {
            lru.bytes -= replaced.size;
        }
        let (most, bytes) = self.bounds;
        while lru.entries.len() > most || lru.bytes > bytes {
            lru.drop_least_recent();
        }
        compiled
    }

    /// Whether a program of `size` estimated bytes may be kept (at most a [`LARGEST`]th
    /// of the byte bound).
    fn may_keep(&self, size: u64) -> bool {
        size <= self.bounds.1 / LARGEST
    }

    /// How many programs are kept, and their estimated size.
    #[cfg(test)]
    pub(super) fn held(&self) -> (usize, u64) {
        let lru = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        (lru.entries.len(), lru.bytes)
    }
}

impl Lru {
    /// Whether the program whose key hashes to `hash` was offered before (`hash` in its
    /// slot of [`Lru::seen`]), remembering that it was.
    fn offered_again(&mut self, hash: u64) -> bool {
        let slot = &mut self.seen[(hash % SEEN as u64) as usize];
        let again = *slot == hash;
        *slot = hash;
        again
    }

    /// Drops the least recently used program.
    fn drop_least_recent(&mut self) {
        let Some(oldest) = self.entries.values().map(|e| e.used).min() else {
            return;
        };
        let Lru { entries, bytes, .. } = self;
        entries.retain(|_, e| {
            let keep = e.used != oldest;
            if !keep {
                *bytes -= e.size;
            }
            keep
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::executor::{Backend, Executor, interpret};
    use crate::outcome::Outcome;
    use bytelogic_engine::Limits;
    use bytelogic_engine::inject::InputValue;
    use std::time::Instant;

    /// Its outcome's JSON, the time left out.
    fn json(outcome: &Outcome) -> serde_json::Value {
        let mut json = outcome.to_json();
        json["stats"]["time_us"] = 0.into();
        json
    }

    /// `source` run on the interpreter under `options`, through `kept` if given.
    fn run(source: &str, options: &Options, kept: Option<&Kept>) -> serde_json::Value {
        json(&interpret(source, options, Instant::now(), None, kept))
    }

    /// The program kept for `source` under `options` and what it charged.
    fn charged(kept: &Kept, source: &str, options: &Options) -> Option<u64> {
        let mut account = Account::new(&options.limits);
        kept.get(source, options, &mut account)
            .map(|c| (c.memory, account.charged()))
            .map(|(memory, charged)| {
                assert_eq!(memory, charged);
                charged
            })
    }

    /// A warning (W002), outputs, and a runtime error after them.
    const WARNED: &str = "REL e\nFACT e 1 2\nQUERY e ? ?\nSOLVE\nQUERY e ? ?\nRESULT 1 / 0";

    #[test]
    fn a_program_offered_again_is_kept_and_answers_as_the_front_end_does() {
        let kept = Kept::default();
        let options = Options::default();
        let fresh = run(WARNED, &options, None);
        assert_eq!(fresh["diagnostics"][0]["code"], "W002", "{fresh}");
        assert_eq!(fresh["success"], false);
        assert_eq!(run(WARNED, &options, Some(&kept)), fresh);
        assert_eq!(kept.held().0, 0, "kept the second time only");
        assert_eq!(run(WARNED, &options, Some(&kept)), fresh);
        assert_eq!(kept.held().0, 1);
        assert!(charged(&kept, WARNED, &options).is_some_and(|m| m > 0));
        for _ in 0..3 {
            assert_eq!(
                run(WARNED, &options, Some(&kept)),
                fresh,
                "warnings every time"
            );
        }
        // A program that fails its checks is not kept.
        for _ in 0..2 {
            let bad = run("QUERY nope ?", &options, Some(&kept));
            assert_eq!(bad, run("QUERY nope ?", &options, None));
        }
        assert_eq!(kept.held().0, 1);
    }

    #[test]
    fn a_kept_program_serves_only_its_key_and_charges_what_its_front_end_did() {
        let kept = Kept::default();
        let options = Options::default();
        // About 8,000 tokens: more than a MiB at the front end's estimate.
        let large = format!("RESULT 0{}", " + 1".repeat(4_000));
        for _ in 0..2 {
            run(&large, &options, Some(&kept));
        }
        assert!(charged(&kept, &large, &options).is_some_and(|m| m > 1 << 20));
        // Under a memory limit it does not fit: the front end runs again and gives
        // its own E405, as an uncached run does.
        let small = Options {
            limits: Limits {
                max_memory_mb: 1,
                ..Limits::default()
            },
            ..Options::default()
        };
        assert_eq!(charged(&kept, &large, &small), None);
        let limited = run(&large, &small, Some(&kept));
        assert_eq!(limited["error"]["code"], "E405", "{limited}");
        assert_eq!(limited, run(&large, &small, None));
        // Another source limit is another key.
        let other = Options {
            limits: Limits {
                max_source_kb: 512,
                ..Limits::default()
            },
            ..Options::default()
        };
        assert_eq!(charged(&kept, &large, &other), None);
        // Runs with injected facts are not kept.
        let source = "REL e\nSOLVE\nQUERY e ?";
        let facts = Options {
            inputs: vec![("e".to_string(), vec![vec![InputValue::Int(7)]])],
            ..Options::default()
        };
        for _ in 0..3 {
            assert_eq!(run(source, &facts, Some(&kept)), run(source, &facts, None));
        }
        assert_eq!(kept.held().0, 1);
    }

    #[test]
    fn the_kept_programs_stay_within_their_bounds_least_recently_used_first() {
        let options = Options::default();
        // All of one size.
        let program = |i: usize| format!("RESULT {}", 100 + i);
        let offer = |kept: &Kept, i: usize| {
            for _ in 0..2 {
                run(&program(i), &options, Some(kept));
            }
        };
        let kept = Kept::new(4, BYTES);
        for i in 0..10 {
            offer(&kept, i);
            // Program 0, used again each time, stays.
            assert!(charged(&kept, &program(0), &options).is_some());
        }
        assert_eq!(kept.held().0, 4);
        let held: Vec<usize> = (0..10)
            .filter(|&i| charged(&kept, &program(i), &options).is_some())
            .collect();
        assert_eq!(held, [0, 7, 8, 9], "the least recently used went");
        // The byte bound: each program's size is its source and its estimate.
        let size = {
            let one = Kept::default();
            offer(&one, 1);
            one.held().1
        };
        let kept = Kept::new(ENTRIES, size * LARGEST);
        for i in 0..20 {
            offer(&kept, i);
            assert!(kept.held().1 <= size * LARGEST);
        }
        assert_eq!(kept.held(), (16, size * LARGEST));
        // A program of more than a sixteenth of the bound is not kept.
        let small = Kept::new(ENTRIES, size * LARGEST - 1);
        offer(&small, 1);
        assert_eq!(small.held(), (0, 0));
    }

    #[test]
    fn only_auto_on_a_long_lived_executor_keeps_programs() {
        let interpreter = Options {
            backend: Backend::Interpreter,
            ..Options::default()
        };
        let executor = Executor::new();
        for _ in 0..3 {
            executor.execute(WARNED, &interpreter).expect("runs");
        }
        assert_eq!(executor.shared.kept.held(), (0, 0));
        let once = Executor::with_tiering(crate::executor::Tiering {
            warm_cache: false,
            race_after: None,
        });
        for _ in 0..3 {
            once.execute(WARNED, &Options::default()).expect("runs");
        }
        assert_eq!(once.shared.kept.held(), (0, 0));
    }
}
