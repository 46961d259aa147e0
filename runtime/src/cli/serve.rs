//! `bytelogic serve`: JSON lines on standard input, one JSON response line each on
//! standard output, in request order, until the input ends. The requests are described
//! in [`bytelogic_runtime::serve`].
//!
//! Requests are answered concurrently by `--jobs` workers sharing one [`Server`] (one
//! executor and module cache): a reader thread numbers the lines and hands them out, and
//! this thread writes each response as soon as every response before it is written
//! (docs/decisions.md 142). At most [`WINDOW`] requests are read ahead of the last
//! response written, so a slow request holds back the ones behind it only by their
//! order, and memory stays bounded.

use super::incremental::{Line, read_line, write_now};
use bytelogic_runtime::serve::{BAD_REQUEST, Server, error_response};
use clap::Args;
use std::collections::BTreeMap;
use std::io;
use std::num::NonZeroUsize;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};

/// The longest request line read; a longer one gets an error response (the engine's
/// source limit is far smaller, even with JSON escapes).
const MAX_REQUEST_BYTES: usize = 64 << 20;

/// Requests read but not yet answered in order, at most.
const WINDOW: usize = 1024;

/// The arguments of `bytelogic serve`.
#[derive(Args)]
pub(super) struct ServeArgs {
    /// Requests answered at once (default: the number of cores).
    #[arg(long, value_name = "N")]
    jobs: Option<NonZeroUsize>,
}

/// What the reader hands to the workers: a request line and its number.
type Work = (u64, Vec<u8>);

/// What reaches the writer: a response line by its number, or the error (reading the
/// input, a panic) that ends the server after the responses before that number.
type Done = (u64, Result<String, String>);

/// Serves until standard input ends. Blank lines are skipped. Exits 0, or 2 when
/// standard input cannot be read or standard output written.
pub(super) fn main(args: &ServeArgs) -> ExitCode {
    let jobs = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let server = Arc::new(Server::new());
    let (work, queue) = sync_channel::<Work>(jobs);
    let queue = Arc::new(Mutex::new(queue));
    let (done, answers) = channel::<Done>();
    let (permits, returned) = sync_channel::<()>(WINDOW);
    for _ in 0..jobs {
        let (server, queue, done) = (Arc::clone(&server), Arc::clone(&queue), done.clone());
        std::thread::spawn(move || answer(&server, &queue, &done));
    }
    // Neither the reader nor the workers are joined: when this thread stops writing
    // (the input ended and everything was answered, or output failed), the process
    // exits, even while the reader waits for input.
    std::thread::spawn(move || read(&work, &done, &permits));
    write(&answers, &returned)
}

/// A worker: answers requests until the reader is done. A request whose handling
/// panics (a bug) ends the server after the responses before it, as it did when
/// requests were answered on the main thread, instead of leaving a gap the writer
/// would wait on forever.
fn answer(server: &Server, queue: &Mutex<Receiver<Work>>, done: &Sender<Done>) {
    loop {
        let next = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok((n, line)) = next else {
            return;
        };
        let response = catch_unwind(AssertUnwindSafe(|| server.handle(&line)))
            .map(|response| format!("{response}\n"))
            .map_err(|_| format!("internal error: request {} panicked", n + 1));
        if done.send((n, response)).is_err() {
            return;
        }
    }
}

/// The reader: numbers each non-blank line and hands it to the workers, waiting for a
/// permit first (one per request in the window). Overlong lines are answered here.
fn read(work: &SyncSender<Work>, done: &Sender<Done>, permits: &SyncSender<()>) {
    let mut input = io::stdin().lock();
    let mut n = 0u64;
    loop {
        let line = match read_line(&mut input, MAX_REQUEST_BYTES) {
            Ok(None) => return,
            Ok(Some(Line::Bytes(line))) if line.trim_ascii().is_empty() => continue,
            Ok(Some(line)) => line,
            Err(e) => {
                let _ = done.send((n, Err(format!("cannot read standard input: {e}"))));
                return;
            }
        };
        if permits.send(()).is_err() {
            return;
        }
        let sent = match line {
            Line::Bytes(line) => work.send((n, line)).is_ok(),
            Line::TooLong => {
                let message = format!("request line longer than {MAX_REQUEST_BYTES} bytes");
                let response = error_response(None, BAD_REQUEST, &message);
                done.send((n, Ok(format!("{response}\n")))).is_ok()
            }
        };
        if !sent {
            return;
        }
        n += 1;
    }
}

/// Writes the responses in request order as they complete (each run of consecutive
/// ones with one flush), returning a permit for each; ends when every sender is gone or
/// at a read error, after the responses before it.
fn write(answers: &Receiver<Done>, permits: &Receiver<()>) -> ExitCode {
    let mut out = io::stdout().lock();
    let mut waiting = BTreeMap::new();
    let mut next = 0u64;
    for (n, answer) in answers {
        waiting.insert(n, answer);
        let mut ready = String::new();
        let mut failed = None;
        while let Some(answer) = waiting.remove(&next) {
            match answer {
                Ok(response) => ready.push_str(&response),
                Err(message) => {
                    failed = Some(message);
                    break;
                }
            }
            let _ = permits.recv();
            next += 1;
        }
        if !ready.is_empty()
            && let Err(code) = write_now(&mut out, &ready)
        {
            return code;
        }
        if let Some(message) = failed {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
