//! The ByteLogic runtime: runs programs end to end and renders what happened.
//!
//! ```text
//! source ─ engine::compile ─ engine::run ─▶ Outcome ─┬─ render::text  (spec §8 diagnostics)
//!                                                    └─ render::json  (the JSON outcome)
//! ```
//! [`Outcome::run`] and [`Outcome::check`] are the entry points; the `bytelogic`
//! binary is a thin shell around them. [`conformance`] holds the corpus comparison
//! rules. Nothing in this library prints.
//!
//! For language-model pipelines: [`tokens`] answers `<computation>` blocks in text,
//! [`serve`] handles the JSON-lines requests of `bytelogic serve`, [`validate`] checks
//! a JSONL dataset against its expected outputs, [`lex`] and [`vocab`] describe tokens.

pub mod conformance;
pub mod lex;
pub mod outcome;
pub mod render;
pub mod serve;
pub mod tokens;
pub mod validate;
pub mod vocab;
pub mod wasm;

pub use outcome::{Located, Outcome};
