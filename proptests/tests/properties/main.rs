//! The properties of issue 4, each run with a fixed seed and a case count that
//! keeps CI short (`PROPTEST_CASES` raises it for long local runs).
//!
//! - `backends`: property 1, the interpreter and the WASM backend agree.
//! - `oracle`: property 2, semi-naive evaluation equals a naive oracle.
//! - `round_trip`: property 3, printing and re-parsing gives the same tree.
//! - `robust`: property 4, no input makes a backend panic, hang or misplace a diagnostic.
//! - `well_formed`: generated well-formed programs compile, and run soundly.
//! - `scale`: property 5, both backends give the closure of graphs of thousands of tuples.
//! - `regressions`: the bugs the properties found, each as its smallest failing program.

mod backends;
mod oracle;
mod regressions;
mod robust;
mod round_trip;
mod scale;
mod well_formed;
