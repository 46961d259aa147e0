//! ByteLogic code generator: turns the engine's rule IR into WebAssembly.
//!
//! Not written yet; the crate exists so the workspace layout is in place.
