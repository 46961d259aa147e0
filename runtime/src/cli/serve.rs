//! `bytelogic serve`: JSON lines on standard input, one JSON response line each on
//! standard output, in request order, until the input ends. The requests are described
//! in [`bytelogic_runtime::serve`].
//!
//! Requests are answered concurrently by `--jobs` workers sharing one [`Server`] (one
//! executor and module cache). Each worker reads the next line itself (numbering it
//! under the input's lock), answers it, and leaves the response under the output's
//! lock; one worker at a time writes every response then in order, outside the lock
//! (docs/decisions.md 142). No thread hands work to another, so a request costs no
//! thread wake-ups while requests keep coming, and while standard output is slow the
//! other workers go on. At most [`WINDOW`]
//! requests are read ahead of the last response written, so a slow request holds back
//! the ones behind it only by their order, and memory stays bounded.

use super::incremental::{Line, end_output, read_line, write_now};
use bytelogic_runtime::serve::{BAD_REQUEST, Server, error_response};
use clap::Args;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, BufReader};
use std::num::NonZeroUsize;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

/// The longest request line read; a longer one gets an error response (the engine's
/// source limit is far smaller, even with JSON escapes).
const MAX_REQUEST_BYTES: usize = 64 << 20;

/// Requests read but not yet answered in order, at most.
const WINDOW: usize = 1024;

/// Response buffers a worker keeps for reuse, at most, each of at most [`SPARE_BYTES`].
const SPARE: usize = 8;
const SPARE_BYTES: usize = 64 << 10;

/// The arguments of `bytelogic serve`.
#[derive(Args)]
pub(super) struct ServeArgs {
    /// Requests answered at once (default: the number of cores).
    #[arg(long, value_name = "N")]
    jobs: Option<NonZeroUsize>,
}

/// A response line by its request's number, or the error (reading the input, a panic)
/// that ends the server after the responses before that number.
type Done = Result<Filled, String>;

/// A response line, and the worker whose buffer holds it.
struct Filled {
    text: String,
    worker: usize,
}

/// Serves until standard input ends. Blank lines are skipped. Exits 0, or 2 when
/// standard input cannot be read or standard output written.
pub(super) fn main(args: &ServeArgs) -> ExitCode {
    let jobs = args
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let (finished, exit) = channel();
    let shared = Arc::new(Shared {
        server: Server::new(),
        input: Mutex::new(Input {
            stdin: BufReader::with_capacity(READ_BYTES, io::stdin()),
            next: 0,
            ended: false,
        }),
        output: Mutex::new(Output::default()),
        written: AtomicU64::new(0),
        room: (Mutex::new(()), Condvar::new()),
        waiting: AtomicBool::new(false),
        finished: Mutex::new(finished),
        spare: (0..jobs).map(|_| Mutex::new(Vec::new())).collect(),
    });
    for worker in 0..jobs {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || work(&shared, worker));
    }
    // The workers are not joined: when the output is done (the input ended and every
    // response is written) or failed, the process exits, even while a worker waits for
    // input.
    exit.recv().unwrap_or(ExitCode::from(2))
}

/// What the workers share.
struct Shared {
    server: Server,
    input: Mutex<Input>,
    output: Mutex<Output>,
    /// The number of responses written to standard output.
    written: AtomicU64,
    /// Signalled when responses are written while a reader waits for room in the
    /// window ([`Shared::waiting`]): it checks again. Its mutex guards nothing; it is
    /// never held across reading or writing.
    room: (Mutex<()>, Condvar),
    /// A reader waits on [`Shared::room`]: only then does a writer signal it.
    waiting: AtomicBool,
    /// Where the exit code goes, once.
    finished: Mutex<Sender<ExitCode>>,
    /// Per worker, the buffers of its responses that were written, given back for its
    /// next responses: memory is freed and reused only by the thread that allocated it
    /// (docs/decisions.md 138).
    spare: Vec<Mutex<Vec<String>>>,
}

/// The reading side: standard input, the number of the next request, and whether the
/// input ended.
struct Input {
    /// Read [`READ_BYTES`] at a time, not the 8 KiB of `io::stdin()`'s own buffer: a
    /// client that sent many requests at once wakes up (to write more) and a worker
    /// reads with the input's lock held an eighth as often (docs/decisions.md 137).
    stdin: BufReader<io::Stdin>,
    next: u64,
    ended: bool,
}

/// The most bytes of standard input read at once: a pipe's default capacity (Linux).
const READ_BYTES: usize = 64 << 10;

/// The writing side: responses that wait for an earlier one, the number of the next
/// to write, and the number of requests once the input ended.
#[derive(Default)]
struct Output {
    waiting: BTreeMap<u64, Done>,
    next: u64,
    end: Option<u64>,
    done: bool,
    /// A worker is writing (outside the lock).
    writing: bool,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A worker: reads, answers and writes requests until the input ends. A request whose
/// handling panics (a bug) ends the server after the responses before it, as it did
/// when requests were answered on one thread, instead of leaving a gap no response
/// would fill.
fn work(shared: &Shared, worker: usize) {
    while let Some((n, line)) = read(shared) {
        let answered = match line {
            Line::Bytes(line) => catch_unwind(AssertUnwindSafe(|| shared.server.handle(&line)))
                .map_err(|_| format!("internal error: request {} panicked", n + 1)),
            Line::TooLong => {
                let message = format!("request line longer than {MAX_REQUEST_BYTES} bytes");
                Ok(error_response(None, BAD_REQUEST, &message))
            }
        };
        let response = answered.and_then(|response| {
            let mut text = spare(shared, worker);
            text.clear();
            match writeln!(text, "{response}") {
                Ok(()) => Ok(Filled { text, worker }),
                Err(_) => Err(format!("internal error: response {} not rendered", n + 1)),
            }
        });
        write(shared, n, Some(response));
    }
}

/// A buffer for the next response of `worker`: one of its own given back after it was
/// written, else a new one. Buffers beyond [`SPARE`] and any larger than
/// [`SPARE_BYTES`] are freed here, by the thread that allocated them, so that a burst of
/// large responses leaves nothing held.
fn spare(shared: &Shared, worker: usize) -> String {
    let mut spare = lock(&shared.spare[worker]);
    spare.truncate(SPARE);
    let text = spare.pop();
    drop(spare);
    text.filter(|text| text.capacity() <= SPARE_BYTES)
        .unwrap_or_default()
}

/// The next non-blank line and its number, once the window has room for it; `None`
/// when the input ended (a read error is written, in its place, as the server's end).
fn read(shared: &Shared) -> Option<(u64, Line)> {
    let mut input = lock(&shared.input);
    if input.ended {
        return None;
    }
    let n = input.next;
    wait_for_room(shared, n);
    loop {
        match read_line(&mut input.stdin, MAX_REQUEST_BYTES) {
            Ok(Some(Line::Bytes(line))) if line.trim_ascii().is_empty() => {}
            Ok(Some(line)) => {
                input.next += 1;
                return Some((n, line));
            }
            Ok(None) => {
                input.ended = true;
                drop(input);
                write(shared, n, None);
                return None;
            }
            Err(e) => {
                input.ended = true;
                drop(input);
                let error = Err(format!("cannot read standard input: {e}"));
                write(shared, n, Some(error));
                return None;
            }
        }
    }
}

/// Waits until fewer than [`WINDOW`] requests before `n` are unwritten (responses
/// held in memory stay bounded). While there is room it takes no lock, and a writer
/// signals only a reader that waits, so a request costs neither a lock nor a wake-up
/// call (docs/decisions.md 135).
fn wait_for_room(shared: &Shared, n: u64) {
    let full = || n >= shared.written.load(Ordering::SeqCst) + WINDOW as u64;
    if !full() {
        return;
    }
    let (mutex, room) = &shared.room;
    let mut guard = lock(mutex);
    // Said before looking again, under the lock: a writer that wrote after the look
    // sees it, and signals only once this reader waits (it takes the lock first).
    shared.waiting.store(true, Ordering::SeqCst);
    while full() {
        guard = room.wait(guard).unwrap_or_else(PoisonError::into_inner);
    }
    shared.waiting.store(false, Ordering::SeqCst);
}

/// Tells a reader waiting for room that responses were written (see [`wait_for_room`]).
fn made_room(shared: &Shared, through: u64) {
    shared.written.store(through, Ordering::SeqCst);
    if shared.waiting.load(Ordering::SeqCst) {
        let (mutex, room) = &shared.room;
        let _guard = lock(mutex);
        room.notify_all();
    }
}

/// Leaves the response of request `n` (`None`: the input ended before `n`). Unless
/// another worker is writing (it takes this response too), writes every response now
/// in order, outside the output's lock, and again while more became ready meanwhile:
/// the other workers go on reading and answering while standard output is slow (up to
/// [`WINDOW`] requests ahead), so a client that writes all its requests before reading
/// gets every answer. The writer that sees the output done or failed sends the exit
/// code.
fn write(shared: &Shared, n: u64, response: Option<Done>) {
    let mut output = lock(&shared.output);
    if output.done {
        return;
    }
    match response {
        Some(response) => {
            output.waiting.insert(n, response);
        }
        None => output.end = Some(n),
    }
    if output.writing {
        return;
    }
    output.writing = true;
    loop {
        let mut ready = String::new();
        let mut filled = Vec::new();
        let mut failed = None;
        let mut through = output.next;
        while let Some(response) = output.waiting.remove(&through) {
            match response {
                Ok(response) => {
                    ready.push_str(&response.text);
                    filled.push(response);
                }
                Err(message) => {
                    failed = Some(message);
                    break;
                }
            }
            through += 1;
        }
        output.next = through;
        drop(output);
        let written = match ready.is_empty() {
            true => Ok(()),
            false => write_now(&mut io::stdout().lock(), &ready),
        };
        made_room(shared, through);
        for response in filled {
            lock(&shared.spare[response.worker]).push(response.text);
        }
        output = lock(&shared.output);
        let exit = match (written, failed) {
            (Err(code), _) => Some(code),
            (Ok(()), Some(message)) => {
                eprintln!("error: {message}");
                Some(ExitCode::from(2))
            }
            (Ok(()), None) if output.end == Some(output.next) => Some(ExitCode::SUCCESS),
            (Ok(()), None) => None,
        };
        if let Some(code) = exit {
            output.done = true;
            end_output();
            let _ = lock(&shared.finished).send(code);
            return;
        }
        if !output.waiting.contains_key(&output.next) && output.end != Some(output.next) {
            output.writing = false;
            return;
        }
    }
}
