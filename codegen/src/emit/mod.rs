//! Emitters for the program's own functions: expressions, rule plans and SOLVE,
//! CALC functions, and the exported `run` (the top-level statements).

mod calc;
mod expr;
mod limits;
mod plan;
mod run;

use crate::builder::FnBuilder;
use crate::error::CodegenError;

use crate::functions::FnKey;
use crate::registry::Registry;
use wasm_encoder::Function;

/// Emits the body of function `key`.
pub fn body(m: &mut Registry<'_>, key: FnKey) -> Result<Function, CodegenError> {
    let f = FnBuilder::for_fn(m, key);
    match key {
        FnKey::Rt(h) => crate::rt::body(m, f, h),
        FnKey::Calc(id) => calc::function(m, f, id),
        FnKey::Plan(rule, plan) => plan::plan(m, f, rule, plan),
        FnKey::Solve => plan::solve(m, f),
        FnKey::Run => run::run(m, f),
    }
}
