//! ByteLogic code generator: the engine's rule IR becomes a self-contained
//! WebAssembly module (see `ABI.md` for its exports, memory layout and imports).
//!
//! ```text
//! ir::Program ─ layout ─ emit (run, solve, plans, CALC) ─ rt helpers on demand ─▶ .wasm
//! ```
//! Files: `abi` (the contract with hosts), `builder` (typed function bodies),
//! `module` (function registry, imports, sites, sections), `layout` (static memory),
//! `rt/` (runtime helpers: memory, values, arithmetic, built-ins, Symbols, tables,
//! queries), `emit/` (expressions, plans and SOLVE, CALC, top-level statements).

pub mod abi;
mod builder;
mod emit;
mod inline;
mod layout;
mod module;
mod rt;
mod size;
mod walk;

pub use module::MathFn;

use bytelogic_engine::ir::Program;
use bytelogic_engine::span::Span;
use std::fmt;

/// An error site: where a runtime error raised by the module points, and a name the
/// host uses in the message (the variable, CALC or relation concerned).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Site {
    /// The span reported.
    pub span: Span,
    /// The name for the message, if the error needs one.
    pub name: Option<String>,
    /// For an operator: the variable names of its two operands, where they are
    /// variables (the message then shows their values: `… where $x = 0`).
    pub operands: [Option<String>; 2],
}

impl Site {
    /// A site at `span` with `name` and no operands.
    pub fn new(span: Span, name: Option<&str>) -> Site {
        Site {
            span,
            name: name.map(str::to_string),
            operands: [None, None],
        }
    }
}

/// A compiled program: the module binary and its error sites (indexed by the site
/// id the module stores in the error slot).
#[derive(Clone, Debug)]
pub struct Compiled {
    /// The WebAssembly binary.
    pub wasm: Vec<u8>,
    /// The error sites.
    pub sites: Vec<Site>,
}

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

/// What a module is generated for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Target {
    /// The smallest module, quick to compile: a program's first run.
    #[default]
    Quick,
    /// Also the machinery that pays only in large fixpoints (bitmaps of dense tuple
    /// sets and answers: docs/decisions.md 72, 78, 79), for runs long enough to tier
    /// up. Its outputs, errors and error sites are the same as [`Target::Quick`]'s.
    LongRun,
}

/// Compiles a lowered program to a WebAssembly module ([`Target::Quick`]).
pub fn compile(program: &Program) -> Result<Compiled, CodegenError> {
    compile_for(program, Target::Quick)
}

/// Compiles a lowered program to a WebAssembly module for `target`.
pub fn compile_for(program: &Program, target: Target) -> Result<Compiled, CodegenError> {
    let bound = size::at_least(program);
    if bound > MAX_MODULE_BYTES {
        return Err(CodegenError::Unsupported(format!(
            "the module would be at least {} KiB (at most {} KiB compile in bounded time)",
            bound / 1024,
            MAX_MODULE_BYTES / 1024
        )));
    }
    let (wasm, sites) = module::Module::new(program, target)?.finish()?;
    if wasm.len() > MAX_MODULE_BYTES {
        return Err(CodegenError::Unsupported(format!(
            "the module would be {} KiB (at most {} KiB compile in bounded time)",
            wasm.len() / 1024,
            MAX_MODULE_BYTES / 1024
        )));
    }
    Ok(Compiled { wasm, sites })
}

/// The largest module `compile` returns. Cranelift takes about 1.3 s per MiB of our
/// code on a 2-core machine (far more than the interpreter needs for any program of
/// that size), so a larger program is `Unsupported` and `Auto` interprets it.
pub const MAX_MODULE_BYTES: usize = 1 << 20;

/// The module's text form (WAT), for `--emit wat` and golden tests.
pub fn wat(wasm: &[u8]) -> Result<String, CodegenError> {
    wasmprinter::print_bytes(wasm).map_err(|e| CodegenError::Internal(e.to_string()))
}
