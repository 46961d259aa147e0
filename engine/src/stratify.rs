//! Stratification (stub; being written).

use crate::ast::Program;
use crate::check::Checked;
use crate::diagnostic::Diagnostic;

/// The strata of a program.
#[derive(Clone, Debug, Default)]
pub struct Strata {}

/// Computes strata.
pub fn stratify(_program: &Program, _checked: &Checked, _diagnostics: &mut Vec<Diagnostic>) -> Strata {
    Strata {}
}
