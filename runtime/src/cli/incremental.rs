//! Input and output that happen piece by piece (`tokens --stream`, `serve`): UTF-8
//! arriving in chunks, bounded request lines, and writes flushed at once.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

const BOM: char = '\u{feff}';

/// Decodes UTF-8 that arrives in chunks which may split a character; drops a
/// byte-order mark at the very start, as reading a whole file does.
#[derive(Default)]
pub(super) struct Utf8Chunks {
    /// The bytes of a character split by the end of the previous chunk.
    carry: Vec<u8>,
    /// Bytes decoded so far, for error messages.
    offset: usize,
}

impl Utf8Chunks {
    /// The text of `chunk` (with the carry of the previous one), or where the input
    /// stops being UTF-8.
    pub(super) fn decode(&mut self, chunk: &[u8]) -> Result<String, String> {
        self.carry.extend_from_slice(chunk);
        let valid = match std::str::from_utf8(&self.carry) {
            Ok(_) => self.carry.len(),
            // An incomplete character at the end waits for the next chunk.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => return Err(self.invalid(e.valid_up_to())),
        };
        let rest = self.carry.split_off(valid);
        let bytes = std::mem::replace(&mut self.carry, rest);
        let mut text =
            String::from_utf8(bytes).map_err(|e| self.invalid(e.utf8_error().valid_up_to()))?;
        if self.offset == 0 && text.starts_with(BOM) {
            text.drain(..BOM.len_utf8());
            self.offset = BOM.len_utf8();
        }
        self.offset += text.len();
        Ok(text)
    }

    /// Fails if the input ended inside a character.
    pub(super) fn finish(&self) -> Result<(), String> {
        if self.carry.is_empty() {
            Ok(())
        } else {
            Err(self.invalid(0))
        }
    }

    fn invalid(&self, at: usize) -> String {
        format!(
            "the input is not UTF-8 (invalid byte at offset {})",
            self.offset + at
        )
    }
}

/// One line of input, without its line break.
pub(super) enum Line {
    /// The line's bytes.
    Bytes(Vec<u8>),
    /// A line longer than the limit; its bytes were skipped.
    TooLong,
}

/// Reads the next line, keeping at most `max` bytes of it in memory; `None` at the end.
pub(super) fn read_line(input: &mut impl BufRead, max: usize) -> io::Result<Option<Line>> {
    let mut line = Vec::new();
    let mut too_long = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(if too_long {
                Some(Line::TooLong)
            } else if line.is_empty() {
                None
            } else {
                Some(Line::Bytes(line))
            });
        }
        let (part, found) = match buf.iter().position(|&b| b == b'\n') {
            Some(at) => (&buf[..at], Some(at)),
            None => (buf, None),
        };
        if !too_long && line.len() + part.len() <= max {
            line.extend_from_slice(part);
        } else {
            too_long = true;
            line.clear();
        }
        let used = found.map_or(part.len(), |at| at + 1);
        input.consume(used);
        if found.is_some() {
            if too_long {
                return Ok(Some(Line::TooLong));
            }
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            return Ok(Some(Line::Bytes(line)));
        }
    }
}

/// Writes `text` to `out` and flushes it. `Err` is the exit code to stop with: 0 when
/// the reader closed the pipe (decisions.md 2), 2 on any other failure (reported).
pub(super) fn write_now(out: &mut impl Write, text: &str) -> Result<(), ExitCode> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(ExitCode::SUCCESS),
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: cannot write the output: {e}");
            Err(ExitCode::from(2))
        }
    }
}

/// Ends standard output now (Linux: it is pointed at `/dev/null`, closing what it
/// was), so that a reader waiting for the end of the output sees it at once rather than
/// when the process is gone: exiting ends the threads and unmaps the memory first, which
/// took about half a millisecond after `serve`'s last response (docs/decisions.md 136).
/// Nothing may be written to standard output after it.
pub(super) fn end_output() {
    #[cfg(target_os = "linux")]
    if let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        let _ = rustix::stdio::dup2_stdout(&null);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_split_across_chunks_are_joined() {
        let mut d = Utf8Chunks::default();
        let text = "\u{feff}aé€";
        let bytes = text.as_bytes();
        let mut out = String::new();
        for b in bytes {
            out += &d.decode(&[*b]).unwrap();
        }
        assert_eq!(out, "aé€");
        assert!(d.finish().is_ok());
        assert!(d.decode(b"\xe2\x82").unwrap().is_empty());
        assert!(d.finish().is_err());
        let mut bad = Utf8Chunks::default();
        assert_eq!(
            bad.decode(b"ab\xffc").unwrap_err(),
            "the input is not UTF-8 (invalid byte at offset 2)"
        );
    }

    #[test]
    fn lines_are_bounded() {
        let mut input = io::BufReader::with_capacity(4, &b"ab\r\n0123456789\nlast"[..]);
        let mut lines = Vec::new();
        while let Some(line) = read_line(&mut input, 5).unwrap() {
            lines.push(match line {
                Line::Bytes(b) => String::from_utf8(b).unwrap(),
                Line::TooLong => "<too long>".to_string(),
            });
        }
        assert_eq!(lines, ["ab", "<too long>", "last"]);
    }
}
