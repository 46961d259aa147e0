//! `TokenStream`: `process_text` for text that arrives in pieces (a model's tokens),
//! fed as `str` or as `bytes` split anywhere, even inside a UTF-8 character.

use crate::UsageError;
use crate::executor::ByteLogicExecutor;
use bytelogic_runtime::Executor;
use bytelogic_runtime::tokens::{TokenOptions, TokenStream as Stream};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use std::sync::Arc;

/// Answers ``<computation>`` blocks in a text that arrives in pieces: ``feed(chunk)``
/// returns the text that is complete so far (everything outside blocks, except a
/// tail that may begin ``<computation>``, and each block's answer as soon as it
/// closes); ``finish()`` returns the rest. The pieces joined are what
/// ``process_text`` returns for the whole text. Chunks are ``str``, or ``bytes`` of
/// UTF-8 cut anywhere. Blocks run with ``executor``'s backend and limits.
#[pyclass(module = "bytelogic", name = "TokenStream")]
pub struct TokenStream {
    stream: Stream<Arc<Executor>>,
    /// The bytes of a UTF-8 character cut by the end of a `bytes` chunk.
    partial: Vec<u8>,
}

#[pymethods]
impl TokenStream {
    #[new]
    #[pyo3(signature = (executor = None, keep = false))]
    fn new(executor: Option<PyRef<'_, ByteLogicExecutor>>, keep: bool) -> PyResult<TokenStream> {
        let (run, executor) = match executor {
            Some(e) => e.run_with()?,
            None => ByteLogicExecutor::default_run(),
        };
        Ok(TokenStream {
            stream: Stream::new(TokenOptions { run, keep }, executor),
            partial: Vec::new(),
        })
    }

    /// Reads ``chunk`` (``str`` or ``bytes``) and returns the text now complete.
    fn feed(&mut self, py: Python<'_>, chunk: &Bound<'_, PyAny>) -> PyResult<String> {
        let text = if let Ok(s) = chunk.cast::<PyString>() {
            if !self.partial.is_empty() {
                return Err(UsageError::new_err(
                    "a str chunk after bytes that end inside a UTF-8 character",
                ));
            }
            s.to_cow()?.into_owned()
        } else if let Ok(b) = chunk.cast::<PyBytes>() {
            self.partial.extend_from_slice(b.as_bytes());
            self.complete_text()?
        } else {
            return Err(UsageError::new_err(format!(
                "chunk must be str or bytes, not {}",
                chunk.get_type().name()?
            )));
        };
        let stream = &mut self.stream;
        Ok(py.detach(|| stream.push(&text)))
    }

    /// Ends the text: returns what was held back (an unclosed block as written).
    fn finish(&mut self) -> PyResult<String> {
        if !self.partial.is_empty() {
            return Err(UsageError::new_err(
                "the text ends inside a UTF-8 character",
            ));
        }
        Ok(self.stream.finish())
    }

    /// How many blocks have run so far.
    #[getter]
    fn blocks(&self) -> usize {
        self.stream.counts().blocks
    }

    /// How many of them were answered with ``<error>``.
    #[getter]
    fn failed(&self) -> usize {
        self.stream.counts().failed
    }
}

impl TokenStream {
    /// The complete characters of the bytes fed, keeping a character cut at the end.
    fn complete_text(&mut self) -> PyResult<String> {
        let valid = match std::str::from_utf8(&self.partial) {
            Ok(_) => self.partial.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => {
                let at = e.valid_up_to();
                return Err(UsageError::new_err(format!(
                    "the bytes fed are not UTF-8 (invalid byte {:#04x})",
                    self.partial[at]
                )));
            }
        };
        let rest = self.partial.split_off(valid);
        let bytes = std::mem::replace(&mut self.partial, rest);
        String::from_utf8(bytes).map_err(|e| UsageError::new_err(e.to_string()))
    }
}
