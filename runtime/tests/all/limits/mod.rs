//! Limits on every path (issue 17; spec §7): every phase of a run stays under its
//! time, memory and source limits on each backend.
//!
//! - `depth`: deep recursion on the compiled path ends with the interpreter's E403
//!   (same call, message and counters), whatever the depth limit and frame sizes.
//! - `rows`: the small rows of issue 17's table, through the binary.
//! - `hostile`: the hostile-input suite (`tests/hostile/`): every program on every
//!   backend ends within its limits, measured on the child process.

mod depth;
mod hostile;
mod rows;
