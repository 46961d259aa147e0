//! Why a program could not be compiled.

use bytelogic_engine::ir::Program;
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

/// The constructs of spec version 2 that the code generator does not compile yet.
pub const NOT_COMPILED_YET: [&str; 2] = ["the NOT clause (spec §9.1)", "aggregates (spec §9.2)"];

/// The first construct of [`NOT_COMPILED_YET`] that `program` uses, if any: such a
/// program is refused as [`CodegenError::Unsupported`], so `--backend auto` runs it
/// on the interpreter.
pub fn not_compiled_yet(program: &Program) -> Option<&'static str> {
    use bytelogic_engine::ir::{ExprKind, Op};
    let negates = program
        .rules
        .iter()
        .flat_map(|r| &r.initial.ops)
        .any(|op| matches!(op, Op::Not { .. }));
    if negates {
        return Some(NOT_COMPILED_YET[0]);
    }
    let mut aggregates = false;
    crate::walk::exprs(program, &mut |e| {
        aggregates |= matches!(e.kind, ExprKind::Aggregate(_));
    });
    aggregates.then_some(NOT_COMPILED_YET[1])
}

/// The refusal of a construct of [`NOT_COMPILED_YET`].
pub(crate) fn refuse(what: &str) -> CodegenError {
    CodegenError::Unsupported(format!("the program uses {what}, not compiled yet"))
}
