//! Compiling for later: after the interpreter answered a program,
//! [`Backend::Auto`](super::Backend::Auto) asks the executor's warm thread to compile it
//! into the module cache, so that the program finds its module ready when it comes again.
//!
//! The thread runs at the lowest priority (nice 19 on Linux), so it takes only what the
//! answering threads leave of the cores. A program whose run was short (under
//! [`AT_ONCE_AFTER`]) is compiled only once the executor has run nothing for [`IDLE`]:
//! a compilation is about 2 ms of work that maps and protects code memory, and beside
//! a burst of short runs it slowed them whatever its priority (docs/decisions.md 145),
//! while such a program gains a few microseconds a run from its module. A longer run's
//! program is compiled at once. Requests wait in a queue of [`QUEUE`]; a request
//! that finds the queue full is dropped before it is built (the program is compiled
//! when it comes again, if the thread has caught up by then), so a burst that keeps the
//! queue full costs the answering threads one atomic load a run (docs/decisions.md
//! 152). The same thread upgrades a cached module that ran long on Winch's code to
//! Cranelift's, at once ([`Work::Upgrade`]; docs/decisions.md 184). The thread holds
//! the executor's shared state only while it compiles one program: it ends at the
//! first request after the executor is gone, or when the executor's queue closes, and
//! nothing ever waits for it.

use super::{Options, Shared};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, OnceLock, Weak};
use std::time::{Duration, Instant};

/// Requests that may wait for the warm thread.
pub(super) const QUEUE: usize = 64;

/// The niceness of the warm thread (the lowest priority).
const NICE: i32 = 19;

/// A program whose interpreted run took this long or more is compiled at once; a
/// shorter one waits for [`IDLE`].
pub(super) const AT_ONCE_AFTER: Duration = Duration::from_millis(1);

/// How long the executor must have run nothing before the warm thread compiles a
/// short run's program (it looks again after as long).
pub(super) const IDLE: Duration = Duration::from_millis(2);

/// Whether an executor is running a call, and when its last call ended.
#[derive(Default)]
pub(crate) struct Activity {
    running: AtomicUsize,
    /// Nanoseconds from [`base`] to the end of the last call.
    ended: AtomicU64,
}

/// The instant [`Activity::ended`] counts from.
fn base() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

fn nanos_since_base() -> u64 {
    u64::try_from(base().elapsed().as_nanos()).unwrap_or(u64::MAX)
}

impl Activity {
    /// Marks a call as running until the guard is dropped.
    pub(super) fn enter(&self) -> Running<'_> {
        self.running.fetch_add(1, Ordering::Relaxed);
        Running(self)
    }

    /// Whether no call runs and none has ended in the last `quiet`.
    fn idle_for(&self, quiet: Duration) -> bool {
        self.running.load(Ordering::Relaxed) == 0
            && nanos_since_base().saturating_sub(self.ended.load(Ordering::Relaxed))
                >= u64::try_from(quiet.as_nanos()).unwrap_or(u64::MAX)
    }
}

/// A running call of an executor (see [`Activity::enter`]).
pub(super) struct Running<'a>(&'a Activity);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.ended.store(nanos_since_base(), Ordering::Relaxed);
        self.0.running.fetch_sub(1, Ordering::Relaxed);
    }
}

/// What the warm thread does with a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Work {
    /// Compiles it into the module cache (Winch), unless it is there.
    Compile,
    /// Compiles its cached module for long runs with Cranelift (docs/decisions.md 184).
    Upgrade,
}

/// One program to compile for later.
struct Request {
    source: String,
    options: Options,
    work: Work,
    /// Compile without waiting for the executor to be idle.
    at_once: bool,
}

/// The sending side of the warm thread's queue (see the module docs).
pub(super) struct Warmer {
    requests: Option<SyncSender<Request>>,
    /// Requests sent and not yet taken by the thread.
    queued: Arc<AtomicUsize>,
}

impl Warmer {
    /// Starts the warm thread of the executor sharing `shared`; a warmer whose thread
    /// could not start drops every request.
    pub(super) fn start(shared: &Arc<Shared>) -> Warmer {
        let (requests, queue) = sync_channel(QUEUE);
        let shared = Arc::downgrade(shared);
        let queued = Arc::new(AtomicUsize::new(0));
        let taken = Arc::clone(&queued);
        let spawned = std::thread::Builder::new()
            .name("bytelogic-warm".into())
            .spawn(move || serve(&shared, &queue, &taken));
        Warmer {
            requests: spawned.ok().map(|_| requests),
            queued,
        }
    }

    /// Asks for `work` on `source` under `options` (`at_once`, or when the executor is
    /// idle), unless the queue is full.
    pub(super) fn request(&self, source: &str, options: &Options, work: Work, at_once: bool) {
        let Some(requests) = &self.requests else {
            return;
        };
        if self.queued.load(Ordering::Relaxed) >= QUEUE {
            return;
        }
        // Counted before it is sent, so the thread never takes one not yet counted.
        self.queued.fetch_add(1, Ordering::Relaxed);
        let request = Request {
            source: source.to_string(),
            options: Options {
                want_wat: false,
                ..options.clone()
            },
            work,
            at_once,
        };
        match requests.try_send(request) {
            Ok(()) => {}
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                self.queued.fetch_sub(1, Ordering::Relaxed);
            }
        }
    }
}

/// The warm thread: compiles each request into the module cache while the executor
/// lives.
fn serve(shared: &Weak<Shared>, queue: &Receiver<Request>, queued: &AtomicUsize) {
    lower_priority();
    while let Ok(request) = queue.recv() {
        queued.fetch_sub(1, Ordering::Relaxed);
        if !request.at_once && !wait_for_idle(shared) {
            return;
        }
        let Some(shared) = shared.upgrade() else {
            return;
        };
        match (shared.wasm(), request.work) {
            (Ok(backend), Work::Compile) => backend.precompile(&request.source, &request.options),
            (Ok(backend), Work::Upgrade) => backend.upgrade(&request.source, &request.options),
            (Err(_), _) => {}
        }
    }
}

/// Waits until the executor is idle ([`IDLE`]), holding it only while it looks;
/// `false` when it is gone.
fn wait_for_idle(shared: &Weak<Shared>) -> bool {
    loop {
        let idle = match shared.upgrade() {
            Some(shared) => shared.activity.idle_for(IDLE),
            None => return false,
        };
        if idle {
            return true;
        }
        std::thread::sleep(IDLE);
    }
}

/// Gives the calling thread the lowest priority (Linux: the nice value of a thread is
/// its own), so that it runs on what the answering threads leave of the cores.
/// Elsewhere it keeps its priority.
pub(super) fn lower_priority() {
    #[cfg(target_os = "linux")]
    let _ = rustix::process::setpriority_process(None, NICE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_that_would_find_the_queue_full_is_not_built() {
        let shared = Arc::new(Shared::default());
        let warmer = Warmer::start(&shared);
        // The executor stays busy, so the thread holds at most one request and the
        // queue fills; the count of those waiting stays exact.
        let _running = shared.activity.enter();
        for n in 0..3 * QUEUE {
            warmer.request(
                &format!("RESULT {n}"),
                &Options::default(),
                Work::Compile,
                false,
            );
            assert!(warmer.queued.load(Ordering::Relaxed) <= QUEUE);
        }
        let waiting = warmer.queued.load(Ordering::Relaxed);
        assert!((QUEUE - 1..=QUEUE).contains(&waiting), "{waiting} waiting");
    }

    #[test]
    fn an_executor_is_idle_only_when_no_call_runs_and_none_ended_lately() {
        let activity = Activity::default();
        assert!(activity.idle_for(Duration::ZERO), "nothing ran yet");
        let running = activity.enter();
        let also = activity.enter();
        assert!(!activity.idle_for(Duration::ZERO), "two calls run");
        drop(running);
        assert!(!activity.idle_for(Duration::ZERO), "one call still runs");
        drop(also);
        assert!(activity.idle_for(Duration::ZERO));
        assert!(
            !activity.idle_for(Duration::from_secs(3600)),
            "a call ended just now"
        );
    }
}
