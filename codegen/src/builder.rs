//! Typed assembly helpers over `wasm-encoder`: a function body builder that
//! allocates locals as it goes, and the module-wide function registry that gives
//! every runtime helper and program function its index on first use.

use wasm_encoder::{Function, InstructionSink, MemArg, ValType};

/// A function body under construction: parameters, extra locals and code.
pub struct FnBuilder {
    params: u32,
    locals: Vec<ValType>,
    code: Vec<u8>,
    /// Open blocks (`block`, `loop`, `if`), used to compute branch depths.
    depth: u32,
}

impl FnBuilder {
    /// A body for a function with `params` parameters.
    pub fn new(params: u32) -> FnBuilder {
        FnBuilder {
            params,
            locals: Vec::new(),
            code: Vec::new(),
            depth: 0,
        }
    }

    /// A new local of type `ty`; returns its index.
    pub fn local(&mut self, ty: ValType) -> u32 {
        self.locals.push(ty);
        self.params + self.locals.len() as u32 - 1
    }

    /// A new value local pair (tag `i32`, payload `i64`).
    pub fn value_local(&mut self) -> (u32, u32) {
        (self.local(ValType::I32), self.local(ValType::I64))
    }

    /// The instruction sink.
    pub fn ins(&mut self) -> InstructionSink<'_> {
        InstructionSink::new(&mut self.code)
    }

    /// Records that a block was opened; returns its label (for [`FnBuilder::br_to`]).
    pub fn open(&mut self) -> u32 {
        self.depth += 1;
        self.depth
    }

    /// Records that the innermost block was closed (and emits `end`).
    pub fn close(&mut self) {
        self.depth -= 1;
        self.ins().end();
    }

    /// The relative branch depth of the block with label `label`.
    pub fn br_to(&self, label: u32) -> u32 {
        self.depth - label
    }

    /// The finished function (with its final `end`).
    pub fn finish(self) -> Function {
        let mut f = Function::new_with_locals_types(self.locals);
        f.raw(self.code);
        f.instructions().end();
        f
    }
}

/// A memory access to `offset` with natural alignment for a 4- or 8-byte value.
pub fn mem(offset: u32, align_log2: u32) -> MemArg {
    MemArg {
        offset: offset as u64,
        align: align_log2,
        memory_index: 0,
    }
}

/// A 4-byte access at `offset`.
pub fn m32(offset: u32) -> MemArg {
    mem(offset, 2)
}

/// An 8-byte access at `offset`.
pub fn m64(offset: u32) -> MemArg {
    mem(offset, 3)
}
