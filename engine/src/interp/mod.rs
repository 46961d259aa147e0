//! The interpreter (stub; being written).

use crate::ir::Program;
use crate::limits::Limits;
use crate::output::{RunResult, Stats};

/// Runs a lowered program.
pub fn run(program: &Program, _limits: &Limits) -> RunResult {
    RunResult {
        outputs: Vec::new(),
        error: None,
        stats: Stats::default(),
        symbols: program.symbols.clone(),
    }
}
