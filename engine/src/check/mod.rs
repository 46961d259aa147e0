//! The checker (stub; being written).

use crate::ast::Program;
use crate::diagnostic::Diagnostic;

/// What the checker learned about a program.
#[derive(Clone, Debug, Default)]
pub struct Checked {}

/// Checks a program.
pub fn check(_program: &Program, _diagnostics: &mut Vec<Diagnostic>) -> Checked {
    Checked {}
}
