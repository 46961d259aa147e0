//! Limits on every path (issue 17; spec §7): every phase of a run stays under its
//! time, memory and source limits on each backend.
//!
//! - `depth`: deep recursion on the compiled path ends with the interpreter's E403
//!   (same call, message and counters), whatever the depth limit and frame sizes.

mod depth;
