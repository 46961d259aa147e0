//! Why a program could not be compiled.

use std::fmt;

/// Why a program could not be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodegenError {
    /// A program too large to compile in bounded time (every construct of spec
    /// version 1 compiles; see ABI.md).
    Unsupported(String),
    /// The IR breaks its own invariants (an id out of range, a wrong arity…).
    InvalidIr(String),
    /// A bug in the code generator.
    Internal(String),
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodegenError::Unsupported(what) => write!(f, "cannot compile to WebAssembly: {what}"),
            CodegenError::InvalidIr(what) => write!(f, "invalid rule IR: {what}"),
            CodegenError::Internal(what) => write!(f, "code generator bug: {what}"),
        }
    }
}

impl std::error::Error for CodegenError {}
