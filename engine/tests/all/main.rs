//! The engine's integration tests, one test binary (STYLE habit 13):
//! - `cases`: the hand-written programs of `tests/cases/**/*.bl`, whose `; expect: …`
//!   comments state their outputs and diagnostics (format in `expect/mod.rs`), on the
//!   interpreter;
//! - `parse`: token dumps, syntax trees, every syntax diagnostic, hostile input;
//! - `lower`: the rule IR of small programs against golden text;
//! - `negation`: the front end's §9 diagnostics, the cycle an E308 names, W003.
//!
//! `cargo test -p bytelogic-engine --test all cases` runs one module.

mod cases;
mod expect;
mod lower;
mod negation;
mod parse;
