//! Lowering (stub; being written).

use crate::ast::Program;
use crate::check::Checked;
use crate::ir;
use crate::stratify::Strata;
use crate::value::Symbols;

/// Lowers a checked program to the rule IR.
pub fn lower(_program: &Program, _checked: &Checked, _strata: &Strata) -> ir::Program {
    ir::Program {
        relations: Vec::new(),
        indexes: Vec::new(),
        symbols: Symbols::new(),
        functions: Vec::new(),
        rules: Vec::new(),
        strata: Vec::new(),
        globals: Vec::new(),
        steps: Vec::new(),
    }
}
