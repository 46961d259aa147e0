//! Typed assembly over `wasm-encoder`: a function body builder that allocates
//! locals as it goes (typed [`Local`]s), memory arguments, calls with padding, and the instruction
//! patterns every emitter shares (counted loops, word loops, descriptor fields,
//! zeroed tables).

use crate::error::CodegenError;
use crate::functions::{Callee, FnKey, Helper, signature};

use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, InstructionSink, MemArg, ValType};

/// A local of the function being built (parameters first), by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Local(u32);

/// `local.get`, `local.set` and `local.tee` of a [`Local`].
pub trait LocalExt {
    /// `local.get l`
    fn get(&mut self, l: Local) -> &mut Self;
    /// `local.set l`
    fn set(&mut self, l: Local) -> &mut Self;
    /// `local.tee l`
    fn tee(&mut self, l: Local) -> &mut Self;
}

impl LocalExt for InstructionSink<'_> {
    fn get(&mut self, l: Local) -> &mut Self {
        self.local_get(l.0)
    }

    fn set(&mut self, l: Local) -> &mut Self {
        self.local_set(l.0)
    }

    fn tee(&mut self, l: Local) -> &mut Self {
        self.local_tee(l.0)
    }
}

/// A function body under construction: parameters, extra locals and code.
pub struct FnBuilder {
    /// The function's own parameters (its signature's).
    own: u32,
    /// Its declared parameters: its own, then its padding.
    declared: u32,
    locals: Vec<ValType>,
    code: Vec<u8>,
    /// Open blocks (`block`, `loop`, `if`), used to compute branch depths.
    depth: u32,
    /// A misuse found while building (reported by [`FnBuilder::finish`]).
    bug: Option<String>,
}

impl FnBuilder {
    /// The body of function `key` of the module `m` generates: its parameters are
    /// the locals from 0, its own ([`FnBuilder::params`]) then its padding.
    pub fn for_fn(m: &Registry<'_>, key: FnKey) -> FnBuilder {
        FnBuilder {
            own: signature(m.program, key).0.len() as u32,
            declared: m.declared(key).0.len() as u32,
            locals: Vec::new(),
            code: Vec::new(),
            depth: 0,
            bug: None,
        }
    }

    /// The function's own parameters, in order: `let [set, tuple, hash] = f.params();`
    /// (a count other than the signature's is a code generator bug).
    pub fn params<const N: usize>(&mut self) -> [Local; N] {
        if N as u32 != self.own {
            self.bug = Some(format!("{N} parameters bound of {}", self.own));
        }
        std::array::from_fn(|i| Local(i as u32))
    }

    /// The function's own parameters, however many its signature has.
    pub fn param_list(&self) -> Vec<Local> {
        (0..self.own).map(Local).collect()
    }

    /// A new local of type `ty`.
    pub fn local(&mut self, ty: ValType) -> Local {
        self.locals.push(ty);
        Local(self.declared + self.locals.len() as u32 - 1)
    }

    /// A new value local pair (tag `i32`, payload `i64`).
    pub fn value_local(&mut self) -> (Local, Local) {
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
    pub fn finish(self) -> Result<Function, CodegenError> {
        if let Some(bug) = self.bug {
            return Err(CodegenError::Internal(bug));
        }
        let mut f = Function::new_with_locals_types(self.locals);
        f.raw(self.code);
        f.instructions().end();
        Ok(f)
    }
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
pub fn loop_start(f: &mut FnBuilder, i: Local, n: Local) {
    f.ins()
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .get(i)
        .get(n)
        .i32_ge_u()
        .br_if(1);
}

/// Increments `i` and closes a loop opened by [`loop_start`].
pub fn loop_end(f: &mut FnBuilder, i: Local) {
    f.ins()
        .get(i)
        .i32_const(1)
        .i32_add()
        .set(i)
        .br(0)
        .end()
        .end();
}

/// Opens a loop that runs while at least 8 bytes are left between local `i` and
/// local `end`; close it with [`words_end`].
pub fn words_start(f: &mut FnBuilder, i: Local, end: Local) {
    f.ins()
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .get(end)
        .get(i)
        .i32_sub()
        .i32_const(8)
        .i32_lt_u()
        .br_if(1);
}

/// Advances `i` by 8 bytes and closes a loop opened by [`words_start`].
pub fn words_end(f: &mut FnBuilder, i: Local) {
    f.ins()
        .get(i)
        .i32_const(8)
        .i32_add()
        .set(i)
        .br(0)
        .end()
        .end();
}

/// Allocates a zeroed table of `cap` entries of `stride` bytes into local `out`.
pub fn alloc_table(m: &mut Registry<'_>, f: &mut FnBuilder, cap: Local, stride: u32, out: Local) {
    let alloc = m.rt(Helper::Alloc);
    f.ins()
        .get(cap)
        .i32_const(stride as i32)
        .i32_mul()
        .call_fn(alloc)
        .tee(out)
        .i32_const(0)
        .get(cap)
        .i32_const(stride as i32)
        .i32_mul()
        .memory_fill(0);
}

/// Loads the i32 field at `off` of the address in local `base`.
pub fn field(f: &mut FnBuilder, base: Local, off: u32) {
    f.ins().get(base).i32_load(m32(off));
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytelogic_engine::{Limits, compile};

    #[test]
    fn parameters_come_first_then_padding_then_locals() {
        let program = compile("RESULT 1", &Limits::default()).program;
        let m = Registry::new(program.as_ref().expect("compiles"), false).expect("lays out");
        // `(set, tuple) -> bool` is padded to four `i32`s.
        let key = FnKey::Rt(Helper::SetFind(2));
        let mut f = FnBuilder::for_fn(&m, key);
        assert_eq!(f.params(), [Local(0), Local(1)]);
        assert_eq!(f.local(ValType::I32), Local(4));
        assert!(f.finish().is_ok());
        let mut f = FnBuilder::for_fn(&m, key);
        let [_] = f.params();
        assert!(matches!(f.finish(), Err(CodegenError::Internal(_))));
    }
}
