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

/// The most variables (rule slots or CALC locals) a function may have: each is two
/// WebAssembly locals, and validators accept 50,000 locals per function.
const MAX_SLOTS: u32 = 20_000;
/// The most parameters a CALC may have: each is two WebAssembly parameters, and
/// validators accept 1,000 per function.
const MAX_PARAMS: u32 = 500;

/// The most SCAN and JOIN loops one rule plan may nest: Cranelift's compile time grows
/// faster than cubically with the depth of loops that keep every outer variable live
/// (64 levels compile in about 0.1 s, 400 in 20 s).
const MAX_NESTED_SCANS: usize = 64;

/// Fails with `Unsupported` when `what` nests more scans than compile in bounded time.
fn check_nesting(what: &str, scans: usize) -> Result<(), CodegenError> {
    if scans > MAX_NESTED_SCANS {
        return Err(CodegenError::Unsupported(format!(
            "{what} nests {scans} SCAN/JOIN loops (at most {MAX_NESTED_SCANS} compile)"
        )));
    }
    Ok(())
}

/// Fails with `Unsupported` when `what` has more variables than a function can hold.
fn check_slots(what: &str, slots: u32, params: u32) -> Result<(), CodegenError> {
    if params > MAX_PARAMS {
        return Err(CodegenError::Unsupported(format!(
            "{what} has {params} parameters (at most {MAX_PARAMS} compile)"
        )));
    }
    if slots > MAX_SLOTS {
        return Err(CodegenError::Unsupported(format!(
            "{what} has {slots} variables (at most {MAX_SLOTS} compile)"
        )));
    }
    Ok(())
}

/// Parameter and result types of function `key`.
pub fn signature(program: &Program, key: FnKey) -> (Vec<ValType>, Vec<ValType>) {
    match key {
        FnKey::Rt(h) => h.signature(),
        FnKey::Calc(i) => {
            let params = program
                .functions
                .get(i as usize)
                .map_or(0, |f| f.params as usize);
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
