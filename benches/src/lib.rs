//! ByteLogic benchmarks: the workloads shared by the criterion benches and the
//! `report` binary, and the same workloads written for the peer engines
//! (Ascent, Datafrog, Crepe) so their output sizes can be compared with ours.
//!
//! - [`corpus`]: four small programs, read by id from the public corpus at start-up.
//! - [`graphs`]: deterministic graph generators (chain, seeded random, binary tree).
//! - [`workload`]: scale workloads as ByteLogic source, run through our engine.
//! - [`peers`]: the same workloads in Ascent, Datafrog and Crepe.
//! - [`measure`]: medians and peak memory, for the report.
//! - [`process`]: the `bytelogic` binary timed as a whole process (`run`, `serve`).
//! - [`heap`]: the measuring process's heap pinned, its children's left as given.

pub mod corpus;
pub mod graphs;
pub mod heap;
pub mod measure;
pub mod peers;
pub mod process;
pub mod workload;
