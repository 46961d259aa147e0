//! The runtime's integration tests, in one test binary (STYLE habit 13: wasmtime and
//! the binary's dependencies are linked once). Run one part with a filter on its
//! module, e.g. `cargo test -p bytelogic-runtime --test all cli::` or
//! `--test all limits::hostile` (docs/testing.md).
//!
//! - `backends`: every hand-written case on both backends, and on the Node.js host
//!   (`node`);
//! - `corpus`: the conformance corpus on both backends;
//! - `wasm` and `large`: the compiled path against the interpreter, large programs;
//! - `limits`: limits on every path, and the hostile-input suite (`../hostile/`);
//! - `cli` and `pipeline`: the `bytelogic` binary and its pipeline commands;
//! - `docs`: every example of the documentation runs as written;
//! - `support`: one executor for the binary, both backends compared; `expect`: the
//!   engine's case expectations (`engine/tests/all/expect/`).

mod backends;
mod cli;
mod corpus;
mod docs;
#[path = "../../../engine/tests/all/expect/mod.rs"]
mod expect;
mod large;
mod limits;
mod node;
mod pipeline;
mod support;
mod wasm;
