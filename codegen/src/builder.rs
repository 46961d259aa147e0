//! Typed assembly over `wasm-encoder`: a function body builder that allocates
//! locals as it goes, memory arguments, calls with padding, and the instruction
//! patterns every emitter shares (counted loops, word loops, descriptor fields,
//! zeroed tables).

use crate::functions::{Callee, Helper};
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, InstructionSink, MemArg, ValType};

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

/// Opens `block; loop` running while local `i` < local `n`; close with [`loop_end`].
pub fn loop_start(f: &mut FnBuilder, i: u32, n: u32) {
    f.ins()
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .local_get(i)
        .local_get(n)
        .i32_ge_u()
        .br_if(1);
}

/// Increments `i` and closes a loop opened by [`loop_start`].
pub fn loop_end(f: &mut FnBuilder, i: u32) {
    f.ins()
        .local_get(i)
        .i32_const(1)
        .i32_add()
        .local_set(i)
        .br(0)
        .end()
        .end();
}

/// Opens a loop that runs while at least 8 bytes are left between local `i` and
/// local `end`; close it with [`words_end`].
pub fn words_start(f: &mut FnBuilder, i: u32, end: u32) {
    f.ins()
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .local_get(end)
        .local_get(i)
        .i32_sub()
        .i32_const(8)
        .i32_lt_u()
        .br_if(1);
}

/// Advances `i` by 8 bytes and closes a loop opened by [`words_start`].
pub fn words_end(f: &mut FnBuilder, i: u32) {
    f.ins()
        .local_get(i)
        .i32_const(8)
        .i32_add()
        .local_set(i)
        .br(0)
        .end()
        .end();
}

/// Allocates a zeroed table of `cap` entries of `stride` bytes into local `out`.
pub fn alloc_table(m: &mut Registry<'_>, f: &mut FnBuilder, cap: u32, stride: u32, out: u32) {
    let alloc = m.rt(Helper::Alloc);
    f.ins()
        .local_get(cap)
        .i32_const(stride as i32)
        .i32_mul()
        .call_fn(alloc)
        .local_tee(out)
        .i32_const(0)
        .local_get(cap)
        .i32_const(stride as i32)
        .i32_mul()
        .memory_fill(0);
}

/// Loads the i32 field at `off` of the address in local `base`.
pub fn field(f: &mut FnBuilder, base: u32, off: u32) {
    f.ins().local_get(base).i32_load(m32(off));
}
/// Calls to module functions, with their padding arguments.
pub trait CallExt {
    /// Pushes a zero for each of `callee`'s padding parameters and calls it.
    fn call_fn(&mut self, callee: Callee) -> &mut Self;
}

impl CallExt for InstructionSink<'_> {
    fn call_fn(&mut self, callee: Callee) -> &mut Self {
        for ty in callee.padding {
            match ty {
                ValType::I64 => self.i64_const(0),
                _ => self.i32_const(0),
            };
        }
        self.call(callee.index)
    }
}
