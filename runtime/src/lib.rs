//! The ByteLogic runtime: runs programs end to end and renders what happened.
//!
//! ```text
//! source ─ engine::compile ─ inject ─┬─ engine::run (interpreter) ─┬─▶ Outcome ─┬─ render::text
//!                                     └─ codegen ─ wasmtime (wasm) ─┘            └─ render::json
//! ```
//! [`Executor::execute`] runs a program on the backend its [`Options`] choose (by
//! default the tier that answers soonest: the interpreter, or the compiled module when
//! it is ready, see [`Tiering`]); [`Outcome::check`] only checks. The `bytelogic`
//! binary is a thin shell around them. [`conformance`] holds the corpus comparison
//! rules. Nothing in this library prints.
//!
//! For language-model pipelines: [`tokens`] answers `<computation>` blocks in text,
//! [`serve`] handles the JSON-lines requests of `bytelogic serve`, [`validate`] checks
//! a JSONL dataset against its expected outputs, [`lex`] and [`vocab`] describe tokens.
//!
//! The language is described in `docs/language.md`, the command and its formats in
//! `docs/cli.md`; a comment citing `spec §x.y` means section x.y of `docs/language.md`.

pub mod conformance;
pub mod executor;
pub mod generate;
pub mod inputs;
pub mod lex;
pub mod outcome;
pub mod render;
pub mod repair;
pub mod serve;
pub mod tokens;
pub mod validate;
pub mod vocab;
pub mod wasm;

pub use executor::{Backend, Executor, Options, Tiering};
pub use outcome::{Located, Outcome};

/// The Rust examples of `docs/cli.md`, compiled and run as doctests (docs/testing.md).
#[cfg(doctest)]
#[doc = include_str!("../../docs/cli.md")]
pub struct CliDocExamples;
