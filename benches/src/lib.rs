//! ByteLogic benchmarks: workload generators shared by the criterion benches.
//!
//! Not written yet; the crate exists so the workspace layout is in place.
