//! Emitters for the program's own functions: expressions, rule plans and SOLVE,
//! CALC functions, and the exported `run` (the top-level statements).

mod calc;
mod expr;
mod limits;
mod plan;
mod run;

use crate::error::CodegenError;
use crate::functions::FnKey;
use crate::registry::Registry;
use wasm_encoder::Function;

/// Emits the body of function `key`.
pub fn body(m: &mut Registry<'_>, key: FnKey) -> Result<Function, CodegenError> {
    match key {
        FnKey::Rt(h) => crate::rt::body(m, h),
        FnKey::Calc(i) => calc::function(m, i),
        FnKey::Plan(rule, plan) => plan::plan(m, rule, plan),
        FnKey::Solve => plan::solve(m),
        FnKey::Run => run::run(m),
    }
}
