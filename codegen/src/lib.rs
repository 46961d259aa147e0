//! ByteLogic code generator: the engine's rule IR becomes a self-contained
//! WebAssembly module (see `ABI.md` for its exports, memory layout and imports).
//!
//! ```text
//! ir::Program ─ layout ─ emit (run, solve, plans, CALC) ─ rt helpers on demand ─▶ .wasm
//! ```
//! The modules, bottom-up (each uses only those above it; `tests/codegen/imports.rs`
//! fails on an import cycle):
//! - types: `abi` (the contract with hosts), `error`, `site` (error sites), `walk`
//!   (visiting expressions) and `math` (the math imports), `functions` (every
//!   function by what it implements: `FnKey`, the runtime helpers, signatures),
//!   `layout` (static memory), `size` (a lower bound of a module's size, read from
//!   the IR);
//! - `registry`: what the emitters of one module share (functions by key, sites,
//!   fact tables);
//! - `builder`: function bodies (locals, instructions, loops, calls);
//! - `rt/`: the runtime helpers (memory and errors, values, arithmetic, built-ins,
//!   Symbols, tuple sets, indexes, round steps, queries);
//! - `emit/`: the program's own functions (expressions, plans and SOLVE, CALC, `run`);
//! - `inline` (helpers called once), then `module`: emission driven from `run`, and
//!   the sections;
//! - and, for tests only, `golden`: the golden WAT of each helper and construct
//!   (`tests/golden/`, rewritten by `BLESS=1`).

pub mod abi;
mod builder;
mod emit;
mod error;
mod functions;
mod inline;
mod layout;
mod math;
mod module;
mod registry;
mod rt;
mod site;
mod size;
mod walk;

pub use error::CodegenError;
pub use math::MathFn;
pub use site::Site;
pub use size::MAX_MODULE_BYTES;

use bytelogic_engine::ir::Program;
use wasm_encoder::Section;

/// A compiled program: the module binary and its error sites (indexed by the site
/// id the module stores in the error slot).
#[derive(Clone, Debug)]
pub struct WasmModule {
    /// The WebAssembly binary.
    pub wasm: Vec<u8>,
    /// The error sites.
    pub sites: Vec<Site>,
}

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
pub fn compile(program: &Program) -> Result<WasmModule, CodegenError> {
    compile_for(program, Target::Quick)
}

/// Compiles a lowered program to a WebAssembly module for `target`: the module the
/// runtime runs, without a name section (see [`compile_named`]).
pub fn compile_for(program: &Program, target: Target) -> Result<WasmModule, CodegenError> {
    generate(program, target, false)
}

/// Compiles like [`compile_for`] and adds a name section that names every function
/// (`run`, `solve`, `rule3:path:delta0`, `calc:f`, `set_insert/2`, …): the module
/// for people and other hosts (WAT, `bytelogic compile`, stack traces). It is
/// otherwise byte for byte the module [`compile_for`] returns; the runtime runs
/// modules without names, which compile faster (docs/decisions.md 180).
pub fn compile_named(program: &Program, target: Target) -> Result<WasmModule, CodegenError> {
    generate(program, target, true)
}

fn generate(program: &Program, target: Target, names: bool) -> Result<WasmModule, CodegenError> {
    let bound = size::at_least(program);
    if bound > MAX_MODULE_BYTES {
        return Err(size::too_large("at least ", bound));
    }
    let options = module::Options {
        dense: target == Target::LongRun,
        names,
        inline: true,
    };
    let module::Generated {
        mut wasm,
        names,
        sites,
    } = module::generate(program, options)?;
    if wasm.len() > MAX_MODULE_BYTES {
        return Err(size::too_large("", wasm.len()));
    }
    if let Some(names) = names {
        names.append_to(&mut wasm);
    }
    Ok(WasmModule { wasm, sites })
}

/// The module's text form (WAT), for `--emit wat` and golden tests.
pub fn wat(wasm: &[u8]) -> Result<String, CodegenError> {
    wasmprinter::print_bytes(wasm).map_err(|e| CodegenError::Internal(e.to_string()))
}

#[cfg(test)]
mod golden;
