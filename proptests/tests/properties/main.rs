//! The properties of issue 4, each run with a fixed seed and a case count that
//! keeps CI short (`PROPTEST_CASES` raises it for long local runs).
//!
//! Property 1 (the interpreter and the WASM backend give identical JSON outcomes)
//! waits for the WASM backend: `harness::BACKENDS` has only the interpreter.

mod oracle;
mod robust;
mod round_trip;
mod well_formed;
