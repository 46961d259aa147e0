//! Resource limits of spec §7, with their defaults.

/// Per-run limits. Every limit ends the run with its error code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Steps: tuples visited by SCAN/JOIN, CALC statements executed, loop iterations (E401).
    pub max_steps: u64,
    /// Tuples in the database (E402).
    pub max_tuples: u64,
    /// CALC call depth; a top-level call is depth 1 (E403).
    pub max_depth: u32,
    /// Wall-clock time in milliseconds (E404).
    pub timeout_ms: u64,
    /// Memory in MiB: WASM linear memory, or the interpreter's estimate (E405).
    pub max_memory_mb: u64,
    /// Source size in KiB (E406).
    pub max_source_kb: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_steps: 100_000_000,
            max_tuples: 10_000_000,
            max_depth: 1_000,
            timeout_ms: 1_000,
            max_memory_mb: 1_024,
            max_source_kb: 1_024,
        }
    }
}
