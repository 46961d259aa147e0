//! Compiling for later: after the interpreter answered a program,
//! [`Backend::Auto`](super::Backend::Auto) asks the executor's warm thread to compile it
//! into the module cache, so that the program finds its module ready when it comes again.
//!
//! The thread runs at the lowest priority (nice 19 on Linux), so it takes only what the
//! answering threads leave of the cores: with every core answering it waits, and
//! answers are never later for it. Requests wait in a queue of [`QUEUE`]; a request
//! that finds the queue full is dropped (the program is compiled when it comes again,
//! if the thread has caught up by then). The thread holds the executor's shared state
//! only while it compiles one program: it ends at the first request after the executor
//! is gone, or when the executor's queue closes, and nothing ever waits for it.

use super::{Options, Shared};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Weak};

/// Requests that may wait for the warm thread.
pub(super) const QUEUE: usize = 64;

/// The niceness of the warm thread (the lowest priority).
const NICE: i32 = 19;

/// One program to compile for later.
struct Request {
    source: String,
    options: Options,
}

/// The sending side of the warm thread's queue (see the module docs).
pub(super) struct Warmer {
    requests: Option<SyncSender<Request>>,
}

impl Warmer {
    /// Starts the warm thread of the executor sharing `shared`; a warmer whose thread
    /// could not start drops every request.
    pub(super) fn start(shared: &Arc<Shared>) -> Warmer {
        let (requests, queue) = sync_channel(QUEUE);
        let shared = Arc::downgrade(shared);
        let spawned = std::thread::Builder::new()
            .name("bytelogic-warm".into())
            .spawn(move || serve(&shared, &queue));
        Warmer {
            requests: spawned.ok().map(|_| requests),
        }
    }

    /// Asks for `source` under `options` to be compiled for later, unless the queue is
    /// full.
    pub(super) fn request(&self, source: &str, options: &Options) {
        let Some(requests) = &self.requests else {
            return;
        };
        let request = Request {
            source: source.to_string(),
            options: Options {
                want_wat: false,
                ..options.clone()
            },
        };
        match requests.try_send(request) {
            Ok(()) | Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {}
        }
    }
}

/// The warm thread: compiles each request into the module cache while the executor
/// lives.
fn serve(shared: &Weak<Shared>, queue: &Receiver<Request>) {
    lower_priority();
    while let Ok(request) = queue.recv() {
        let Some(shared) = shared.upgrade() else {
            return;
        };
        if let Ok(backend) = shared.wasm() {
            backend.precompile(&request.source, &request.options);
        }
    }
}

/// Gives the calling thread the lowest priority (Linux: the nice value of a thread is
/// its own), so that it runs on what the answering threads leave of the cores.
/// Elsewhere it keeps its priority.
pub(super) fn lower_priority() {
    #[cfg(target_os = "linux")]
    let _ = rustix::process::setpriority_process(None, NICE);
}
