//! `bytelogic serve`: JSON lines on standard input, one JSON response line each on
//! standard output, until the input ends. The requests are described in
//! [`bytelogic_runtime::serve`].

use super::incremental::{Line, read_line, write_now};
use bytelogic_runtime::serve::{BAD_REQUEST, Server, error_response};
use std::io;
use std::process::ExitCode;

/// The longest request line read; a longer one gets an error response (the engine's
/// source limit is far smaller, even with JSON escapes).
const MAX_REQUEST_BYTES: usize = 64 << 20;

/// Serves until standard input ends. Blank lines are skipped. Exits 0, or 2 when
/// standard input cannot be read or standard output written.
pub(super) fn main() -> ExitCode {
    let mut server = Server::new();
    let mut input = io::stdin().lock();
    let mut out = io::stdout().lock();
    loop {
        let response = match read_line(&mut input, MAX_REQUEST_BYTES) {
            Ok(None) => return ExitCode::SUCCESS,
            Ok(Some(Line::Bytes(line))) if line.trim_ascii().is_empty() => continue,
            Ok(Some(Line::Bytes(line))) => server.handle(&line),
            Ok(Some(Line::TooLong)) => error_response(
                None,
                BAD_REQUEST,
                &format!("request line longer than {MAX_REQUEST_BYTES} bytes"),
            ),
            Err(e) => {
                eprintln!("error: cannot read standard input: {e}");
                return ExitCode::from(2);
            }
        };
        if let Err(code) = write_now(&mut out, &format!("{response}\n")) {
            return code;
        }
    }
}
