//! Reading a program or a text: a file or standard input (`-`), as UTF-8, and no
//! further than a size limit (docs/decisions.md 106): a program past its source
//! limit is E406 as soon as one byte more than the limit has been read, whatever
//! the input's length (an endless pipe included), and nothing past that is kept.

use bytelogic_engine::{Diagnostic, Limits, source_too_large};
use std::io::{self, Read};
use std::path::Path;

/// What was read.
pub(super) enum Input {
    /// The whole input, with its display name (`<stdin>` for standard input).
    Text {
        /// The name to show in diagnostics.
        name: String,
        /// The text, as written (a byte-order mark included).
        text: String,
    },
    /// An input past the limit: E406, and the text read up to the limit (for the
    /// diagnostic's excerpt of line 1).
    TooLarge {
        /// The name to show in diagnostics.
        name: String,
        /// The E406 diagnostic.
        diagnostic: Diagnostic,
        /// The first bytes, up to the limit, as far as they are UTF-8.
        prefix: String,
    },
}

/// Reads `file` (`-` is standard input) up to `limits.max_source_kb` KiB. Err is a
/// usage error: an unreadable input or one that is not UTF-8.
pub(super) fn program(file: &Path, limits: &Limits) -> Result<Input, String> {
    let max = limits.max_source_kb.saturating_mul(1024);
    let (name, mut reader, size): (String, Box<dyn Read>, Option<u64>) = if file == Path::new("-") {
        ("<stdin>".to_string(), Box::new(io::stdin().lock()), None)
    } else {
        let name = file.display().to_string();
        let f = std::fs::File::open(file).map_err(|e| format!("cannot read `{name}`: {e}"))?;
        // The length of a regular file is known without reading it.
        let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
        (name, Box::new(f), size)
    };
    let mut bytes = Vec::with_capacity(size.unwrap_or(0).min(max.saturating_add(1)) as usize);
    reader
        .by_ref()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read `{name}`: {e}"))?;
    if bytes.len() as u64 > max {
        bytes.truncate(max as usize);
        let valid = match std::str::from_utf8(&bytes) {
            Ok(_) => bytes.len(),
            Err(e) => e.valid_up_to(),
        };
        bytes.truncate(valid);
        let prefix = String::from_utf8(bytes).unwrap_or_default();
        let diagnostic = source_too_large(size.filter(|&s| s > max), limits);
        return Ok(Input::TooLarge {
            name,
            diagnostic,
            prefix,
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Input::Text { name, text }),
        Err(e) => Err(format!(
            "`{name}` is not UTF-8 (invalid byte at offset {}); ByteLogic source must be UTF-8",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// Reads all of `file` (`-` is standard input): a text, not a program, so no limit.
pub(super) fn text(file: &Path) -> Result<(String, String), String> {
    let unlimited = Limits {
        max_source_kb: u64::MAX,
        ..Limits::default()
    };
    match program(file, &unlimited)? {
        Input::Text { name, text } => Ok((name, text)),
        Input::TooLarge { name, .. } => Err(format!("`{name}` is too large")),
    }
}
