//! Printing an outcome as it renders (docs/decisions.md 107): diagnostics, outputs and
//! the JSON object go to their stream piece by piece, never first into one string,
//! so printing an answer of millions of rows takes no more memory than its rows.

use super::Stream;
use bytelogic_engine::LineIndex;
use bytelogic_engine::output::write_output;
use bytelogic_runtime::Outcome;
use bytelogic_runtime::render::{json, text};
use std::fmt;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Where printed pieces go.
pub(super) trait Sink {
    /// Writes `bytes` to `stream`.
    fn put(&mut self, stream: Stream, bytes: &[u8]) -> io::Result<()>;
}

/// Pieces kept in order, one chunk per run of pieces to the same stream.
impl Sink for Vec<(Stream, Vec<u8>)> {
    fn put(&mut self, stream: Stream, bytes: &[u8]) -> io::Result<()> {
        match self.last_mut() {
            Some((last, chunk)) if *last == stream => chunk.extend_from_slice(bytes),
            _ => self.push((stream, bytes.to_vec())),
        }
        Ok(())
    }
}

/// The process's standard output (buffered, flushed before anything goes to
/// standard error, so the two interleave in order) and standard error.
struct Console {
    stdout: BufWriter<io::StdoutLock<'static>>,
}

impl Sink for Console {
    fn put(&mut self, stream: Stream, bytes: &[u8]) -> io::Result<()> {
        match stream {
            Stream::Stdout => self.stdout.write_all(bytes),
            Stream::Stderr => {
                self.stdout.flush()?;
                // Failing to write standard error is not worth failing the run for.
                let _ = io::stderr().write_all(bytes);
                Ok(())
            }
        }
    }
}

/// `fmt::Write` onto a sink's standard output, keeping the first I/O error.
struct Stdout<'s, S: Sink> {
    sink: &'s mut S,
    error: Option<io::Error>,
}

impl<S: Sink> fmt::Write for Stdout<'_, S> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.sink.put(Stream::Stdout, s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}

/// The outcome in text form: the front end's diagnostics (and how many more were
/// found) on standard error, the outputs on standard output one line each, then the
/// runtime error on standard error. Each diagnostic block ends with a blank line.
pub(super) fn text(
    outcome: &Outcome,
    source: &str,
    name: &str,
    sink: &mut impl Sink,
) -> io::Result<()> {
    let index = LineIndex::new(source);
    let block = |d| text::diagnostic(d, &index, name) + "\n";
    for d in &outcome.diagnostics {
        sink.put(Stream::Stderr, block(d).as_bytes())?;
    }
    if outcome.omitted > 0 {
        let note = format!("note: {} more diagnostics not shown\n\n", outcome.omitted);
        sink.put(Stream::Stderr, note.as_bytes())?;
    }
    for output in &outcome.outputs {
        let mut out = Stdout { sink, error: None };
        if write_output(&mut out, output, &outcome.symbols).is_err() {
            return Err(out
                .error
                .unwrap_or_else(|| io::Error::other("formatting failed")));
        }
        sink.put(Stream::Stdout, b"\n")?;
    }
    if let Some(e) = &outcome.runtime_error {
        sink.put(Stream::Stderr, block(e).as_bytes())?;
    }
    Ok(())
}

/// Prints the outcome of `run` (JSON, or the text form after a `note` when the
/// interpreter ran instead) as it renders, and exits 1 when it failed. A reader that
/// stops early (broken pipe) is not an error; any other failure to write standard
/// output exits 2 (docs/decisions.md 2).
pub(super) fn run(outcome: &Outcome, source: &str, name: &str, json: bool) -> ExitCode {
    let mut console = Console {
        stdout: BufWriter::new(io::stdout().lock()),
    };
    let printed = if json {
        json::write_outcome(outcome, &mut console.stdout)
            .and_then(|()| console.stdout.write_all(b"\n"))
    } else {
        let note = outcome
            .fallback
            .as_ref()
            .map(|reason| format!("note: ran on the interpreter: {reason}\n"));
        note.map_or(Ok(()), |note| console.put(Stream::Stderr, note.as_bytes()))
            .and_then(|()| text(outcome, source, name, &mut console))
    };
    match printed.and_then(|()| console.stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            let _ = writeln!(io::stderr(), "error: cannot write the output: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::from(if outcome.success() { 0 } else { 1 }),
    }
}
