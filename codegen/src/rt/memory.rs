//! Errors, steps and allocation.
//!
//! Every runtime error goes through `fail`: it fills the error slot (code, span of
//! the site, detail, operands) and executes `unreachable`, so a host sees a trap
//! with the slot set. Memory is a bump arena over `memory.grow`.

use crate::abi::{self, Detail, Global};
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, m32, m64};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// Where a `fail` argument comes from.
#[derive(Clone, Copy, Debug)]
pub enum Arg {
    /// A constant.
    Const(i32),
    /// A local.
    Local(Local),
    /// A global.
    Global(u32),
}

impl Arg {
    fn push(self, f: &mut FnBuilder) {
        match self {
            Arg::Const(c) => f.ins().i32_const(c),
            Arg::Local(l) => f.ins().get(l),
            Arg::Global(g) => f.ins().global_get(g),
        };
    }
}

/// Emits a call to `fail` with `code`, `site`, `detail` and up to two value operands
/// (each a (tag, payload) local pair).
pub fn emit_fail(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    code: u32,
    site: Arg,
    detail: Arg,
    a: Option<(Local, Local)>,
    b: Option<(Local, Local)>,
) {
    f.ins().i32_const(code as i32);
    site.push(f);
    detail.push(f);
    for v in [a, b] {
        match v {
            Some((t, p)) => f.ins().get(t).get(p),
            None => f.ins().i32_const(abi::TAG_NONE).i64_const(0),
        };
    }
    let fail = m.rt(Helper::Fail);
    f.ins().call_fn(fail).unreachable();
}

/// Shorthand: a detail code argument.
pub fn detail(d: Detail) -> Arg {
    Arg::Const(d.code())
}

/// Emits one step at `site`: E401 when the count passes the limit (spec §7).
pub fn emit_step(m: &mut Registry<'_>, f: &mut FnBuilder, site: i32) {
    let steps = Global::Steps.index();
    f.ins()
        .global_get(steps)
        .i64_const(1)
        .i64_add()
        .global_set(steps)
        .global_get(steps)
        .global_get(Global::MaxSteps.index())
        .i64_gt_u()
        .if_(BlockType::Empty);
    emit_fail(
        m,
        f,
        401,
        Arg::Const(site),
        detail(Detail::None),
        None,
        None,
    );
    f.ins().end();
}

pub(super) fn fail(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [code, site, detail, at, ap, bt, bp] = f.params();
    let sites = m.layout.sites;
    let err = |off: u32| abi::ERR + off;
    f.ins()
        .i32_const(0)
        .get(code)
        .i32_store(m32(err(abi::ERR_CODE)))
        .i32_const(0)
        .get(site)
        .i32_const(8)
        .i32_mul()
        .i32_load(m32(sites))
        .i32_store(m32(err(abi::ERR_START)))
        .i32_const(0)
        .get(site)
        .i32_const(8)
        .i32_mul()
        .i32_load(m32(sites + 4))
        .i32_store(m32(err(abi::ERR_END)))
        .i32_const(0)
        .get(site)
        .i32_store(m32(err(abi::ERR_SITE)))
        .i32_const(0)
        .get(detail)
        .i32_store(m32(err(abi::ERR_DETAIL)));
    for ((tag, payload), at) in [((at, ap), abi::ERR_A), ((bt, bp), abi::ERR_B)] {
        f.ins()
            .i32_const(0)
            .get(tag)
            .i32_store(m32(err(at)))
            .i32_const(0)
            .get(payload)
            .i64_store(m64(err(at) + 8));
    }

    f.ins().unreachable();
    f.finish()
}

pub(super) fn alloc(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [size] = f.params();
    let [ptr, new, cur, need] = [(); 4].map(|_| f.local(ValType::I32));
    let heap = Global::Heap.index();
    let fail = |m: &mut Registry<'_>, f: &mut FnBuilder| {
        emit_fail(
            m,
            f,
            405,
            Arg::Global(Global::Site.index()),
            detail(Detail::None),
            None,
            None,
        )
    };
    f.ins()
        .global_get(heap)
        .tee(ptr)
        .get(size)
        .i32_const(15)
        .i32_add()
        .i32_const(-16)
        .i32_and()
        .i32_add()
        .tee(new)
        .get(ptr)
        .i32_lt_u()
        .if_(BlockType::Empty);
    fail(m, &mut f);
    f.ins().end();
    // Grow when `new` is past the end of memory (compared in i64: 65536 pages is 2^32).
    f.ins()
        .get(new)
        .i64_extend_i32_u()
        .memory_size(0)
        .tee(cur)
        .i64_extend_i32_u()
        .i64_const(16)
        .i64_shl()
        .i64_gt_u()
        .if_(BlockType::Empty)
        .get(new)
        .i64_extend_i32_u()
        .get(cur)
        .i64_extend_i32_u()
        .i64_const(16)
        .i64_shl()
        .i64_sub()
        .i64_const(65535)
        .i64_add()
        .i64_const(16)
        .i64_shr_u()
        .i32_wrap_i64()
        .set(need)
        .get(cur)
        .get(need)
        .i32_add()
        .global_get(Global::MaxPages.index())
        .i32_gt_u()
        .if_(BlockType::Empty);
    fail(m, &mut f);
    f.ins().end();
    // Try to grow by half the current size (fewer grows), else by exactly what is needed.
    f.ins()
        .get(cur)
        .i32_const(1)
        .i32_shr_u()
        .get(need)
        .get(cur)
        .i32_const(1)
        .i32_shr_u()
        .get(need)
        .i32_gt_u()
        .get(cur)
        .get(cur)
        .i32_const(1)
        .i32_shr_u()
        .i32_add()
        .global_get(Global::MaxPages.index())
        .i32_le_u()
        .i32_and()
        .select()
        .memory_grow(0)
        .i32_const(-1)
        .i32_eq()
        .if_(BlockType::Empty)
        .get(need)
        .memory_grow(0)
        .i32_const(-1)
        .i32_eq()
        .if_(BlockType::Empty);
    fail(m, &mut f);
    f.ins().end().end().end();
    f.ins().get(new).global_set(heap).get(ptr);
    f.finish()
}
