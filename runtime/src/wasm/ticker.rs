//! The epoch clock of a tier's engine: a thread that increments the engine's epoch
//! every [`TICK`] while runs are in progress, and waits without waking once none
//! has been for [`LINGER`] ticks (so runs that come one after another do not each
//! pay for waking it). Each tick makes a running store check its time limit and tier-up
//! instant (`watch_the_clock`), so a run stops at most one tick after either; the
//! first tick comes at most one tick after the run starts.

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

/// Time between two epoch ticks while runs are in progress: the resolution of the
/// time limit and of the tier-up instant (docs/decisions.md 83).
pub(super) const TICK: Duration = Duration::from_millis(1);

/// Ticks without a run in progress after which the thread waits for one.
pub(super) const LINGER: u32 = 50;

#[derive(Default)]
struct State {
    /// Runs in progress.
    runs: usize,
    /// Whether the thread waits for a run (and must be woken).
    waiting: bool,
    /// Set when the [`Ticker`] is dropped: the thread ends.
    closed: bool,
}

type Shared = (Mutex<State>, Condvar);

fn lock(shared: &Shared) -> MutexGuard<'_, State> {
    shared.0.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The ticking thread of one engine (see the module docs); it ends when this is
/// dropped or a tick reports the engine gone.
pub(super) struct Ticker {
    shared: Arc<Shared>,
}

impl Ticker {
    /// Starts the thread; `tick` increments the epoch, false once the engine is gone.
    pub(super) fn start(tick: impl Fn() -> bool + Send + 'static) -> std::io::Result<Ticker> {
        let shared: Arc<Shared> = Arc::default();
        let theirs = Arc::clone(&shared);
        thread::Builder::new()
            .name("bytelogic-epoch".into())
            .spawn(move || {
                let mut idle = 0;
                loop {
                    let mut state = lock(&theirs);
                    idle = if state.runs == 0 { idle + 1 } else { 0 };
                    if idle > LINGER {
                        state.waiting = true;
                        let waits = |s: &mut State| s.runs == 0 && !s.closed;
                        state = theirs
                            .1
                            .wait_while(state, waits)
                            .unwrap_or_else(PoisonError::into_inner);
                        state.waiting = false;
                        idle = 0;
                    }
                    if state.closed {
                        return;
                    }
                    drop(state);
                    thread::sleep(TICK);
                    if !tick() {
                        return;
                    }
                }
            })?;
        Ok(Ticker { shared })
    }

    /// Marks a run in progress (the clock ticks) until the guard is dropped.
    pub(super) fn run(&self) -> Ticking<'_> {
        let mut state = lock(&self.shared);
        state.runs += 1;
        if state.waiting {
            self.shared.1.notify_one();
        }
        Ticking(self)
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        lock(&self.shared).closed = true;
        self.shared.1.notify_one();
    }
}

/// A run in progress (see [`Ticker::run`]).
pub(super) struct Ticking<'a>(&'a Ticker);

impl Drop for Ticking<'_> {
    fn drop(&mut self) {
        lock(&self.0.shared).runs -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Instant;

    /// A ticker counting its ticks in `ticks`.
    fn counting(ticks: &Arc<AtomicUsize>) -> Ticker {
        let ticks = Arc::clone(ticks);
        Ticker::start(move || {
            ticks.fetch_add(1, Ordering::SeqCst);
            true
        })
        .expect("the thread starts")
    }

    fn wait_for(ticks: &AtomicUsize, at_least: usize) {
        let start = Instant::now();
        while ticks.load(Ordering::SeqCst) < at_least {
            assert!(start.elapsed() < Duration::from_secs(10), "no tick came");
            thread::sleep(TICK);
        }
    }

    /// Waits until the ticker has been idle for longer than [`LINGER`] ticks and
    /// checks that it no longer ticks.
    fn assert_idle(ticks: &AtomicUsize) {
        thread::sleep(TICK * (2 * LINGER));
        let stopped = ticks.load(Ordering::SeqCst);
        thread::sleep(TICK * 20);
        assert_eq!(ticks.load(Ordering::SeqCst), stopped, "no tick while idle");
    }

    #[test]
    fn ticks_only_while_runs_are_in_progress_or_were_just_now() {
        let ticks = Arc::new(AtomicUsize::new(0));
        let ticker = counting(&ticks);
        assert_idle(&ticks);
        let run = ticker.run();
        wait_for(&ticks, 3);
        let second = ticker.run();
        drop(run);
        let now = ticks.load(Ordering::SeqCst);
        wait_for(&ticks, now + 3);
        drop(second);
        assert_idle(&ticks);
        let _again = ticker.run();
        let now = ticks.load(Ordering::SeqCst);
        wait_for(&ticks, now + 3);
    }

    #[test]
    fn the_thread_ends_when_the_engine_is_gone() {
        let ticks = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&ticks);
        let ticker = Ticker::start(move || counted.fetch_add(1, Ordering::SeqCst) < 2)
            .expect("the thread starts");
        let _run = ticker.run();
        wait_for(&ticks, 3);
        thread::sleep(TICK * 20);
        assert_eq!(
            ticks.load(Ordering::SeqCst),
            3,
            "no tick after the engine went"
        );
    }
}
