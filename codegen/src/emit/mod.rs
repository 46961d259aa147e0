//! Emitters for the program's own functions: expressions, rule plans and SOLVE,
//! CALC functions, and the exported `run` (the top-level statements).

mod calc;
mod expr;
mod plan;
mod run;

use crate::CodegenError;
use crate::module::{FnKey, Module};
use bytelogic_engine::ir::Program;
use wasm_encoder::{Function, ValType};

/// Parameter and result types of function `key`.
pub fn signature(program: &Program, key: FnKey) -> (Vec<ValType>, Vec<ValType>) {
    match key {
        FnKey::Rt(h) => h.signature(),
        FnKey::Calc(i) => {
            let params = program
                .functions
                .get(i as usize)
                .map_or(0, |f| usize::from(f.params));
            let params = (0..params).flat_map(|_| [ValType::I32, ValType::I64]);
            (params.collect(), vec![ValType::I32, ValType::I64])
        }
        FnKey::Plan(..) => (vec![], vec![]),
        FnKey::Solve => (vec![ValType::I32], vec![]),
        FnKey::Run => (
            vec![ValType::I64, ValType::I64, ValType::I32, ValType::I32],
            vec![ValType::I32],
        ),
    }
}

/// Emits the body of function `key`.
pub fn body(m: &mut Module<'_>, key: FnKey) -> Result<Function, CodegenError> {
    match key {
        FnKey::Rt(h) => h.body(m),
        FnKey::Calc(i) => calc::function(m, i),
        FnKey::Plan(rule, plan) => plan::plan(m, rule, plan),
        FnKey::Solve => plan::solve(m),
        FnKey::Run => run::run(m),
    }
}
