//! Sizes past which a function would make Cranelift slow or the module invalid:
//! such a program is `CodegenError::Unsupported` (docs/decisions.md 54).

use crate::error::CodegenError;

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
pub fn check_nesting(what: &str, scans: usize) -> Result<(), CodegenError> {
    if scans > MAX_NESTED_SCANS {
        return Err(CodegenError::Unsupported(format!(
            "{what} nests {scans} SCAN/JOIN loops (at most {MAX_NESTED_SCANS} compile)"
        )));
    }
    Ok(())
}

/// Fails with `Unsupported` when `what` has more variables than a function can hold.
pub fn check_slots(what: &str, slots: u32, params: u32) -> Result<(), CodegenError> {
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
