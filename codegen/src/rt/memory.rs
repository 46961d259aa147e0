//! Errors, steps and allocation.
//!
//! Every runtime error goes through `fail`: it fills the error slot (code, span of
//! the site, detail, operands) and executes `unreachable`, so a host sees a trap
//! with the slot set. Memory is a bump arena over `memory.grow`.

use crate::abi::{self, Detail, Global};
use crate::builder::{CallExt, FnBuilder, m32, m64};
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// Where a `fail` argument comes from.
#[derive(Clone, Copy, Debug)]
pub enum Arg {
    /// A constant.
    Const(i32),
    /// A local.
    Local(u32),
    /// A global.
    Global(u32),
}

impl Arg {
    fn push(self, f: &mut FnBuilder) {
        match self {
            Arg::Const(c) => f.ins().i32_const(c),
            Arg::Local(l) => f.ins().local_get(l),
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
    a: Option<(u32, u32)>,
    b: Option<(u32, u32)>,
) {
    f.ins().i32_const(code as i32);
    site.push(f);
    detail.push(f);
    for v in [a, b] {
        match v {
            Some((t, p)) => f.ins().local_get(t).local_get(p),
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

pub(super) fn fail(m: &mut Registry<'_>, n: u32) -> Function {
    let sites = m.layout.sites;
    let mut f = FnBuilder::new(n);
    let err = |off: u32| abi::ERR + off;
    f.ins()
        .i32_const(0)
        .local_get(0)
        .i32_store(m32(err(abi::ERR_CODE)))
        .i32_const(0)
        .local_get(1)
        .i32_const(8)
        .i32_mul()
        .i32_load(m32(sites))
        .i32_store(m32(err(abi::ERR_START)))
        .i32_const(0)
        .local_get(1)
        .i32_const(8)
        .i32_mul()
        .i32_load(m32(sites + 4))
        .i32_store(m32(err(abi::ERR_END)))
        .i32_const(0)
        .local_get(1)
        .i32_store(m32(err(abi::ERR_SITE)))
        .i32_const(0)
        .local_get(2)
        .i32_store(m32(err(abi::ERR_DETAIL)));
    for (i, at) in [(3, abi::ERR_A), (5, abi::ERR_B)] {
        f.ins()
            .i32_const(0)
            .local_get(i)
            .i32_store(m32(err(at)))
            .i32_const(0)
            .local_get(i + 1)
            .i64_store(m64(err(at) + 8));
    }
    f.ins().unreachable();
    f.finish()
}

pub(super) fn alloc(m: &mut Registry<'_>, n: u32) -> Function {
    let mut f = FnBuilder::new(n);
    let size = 0;
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
        .local_tee(ptr)
        .local_get(size)
        .i32_const(15)
        .i32_add()
        .i32_const(-16)
        .i32_and()
        .i32_add()
        .local_tee(new)
        .local_get(ptr)
        .i32_lt_u()
        .if_(BlockType::Empty);
    fail(m, &mut f);
    f.ins().end();
    // Grow when `new` is past the end of memory (compared in i64: 65536 pages is 2^32).
    f.ins()
        .local_get(new)
        .i64_extend_i32_u()
        .memory_size(0)
        .local_tee(cur)
        .i64_extend_i32_u()
        .i64_const(16)
        .i64_shl()
        .i64_gt_u()
        .if_(BlockType::Empty)
        .local_get(new)
        .i64_extend_i32_u()
        .local_get(cur)
        .i64_extend_i32_u()
        .i64_const(16)
        .i64_shl()
        .i64_sub()
        .i64_const(65535)
        .i64_add()
        .i64_const(16)
        .i64_shr_u()
        .i32_wrap_i64()
        .local_set(need)
        .local_get(cur)
        .local_get(need)
        .i32_add()
        .global_get(Global::MaxPages.index())
        .i32_gt_u()
        .if_(BlockType::Empty);
    fail(m, &mut f);
    f.ins().end();
    // Try to grow by half the current size (fewer grows), else by exactly what is needed.
    f.ins()
        .local_get(cur)
        .i32_const(1)
        .i32_shr_u()
        .local_get(need)
        .local_get(cur)
        .i32_const(1)
        .i32_shr_u()
        .local_get(need)
        .i32_gt_u()
        .local_get(cur)
        .local_get(cur)
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
        .local_get(need)
        .memory_grow(0)
        .i32_const(-1)
        .i32_eq()
        .if_(BlockType::Empty);
    fail(m, &mut f);
    f.ins().end().end().end();
    f.ins().local_get(new).global_set(heap).local_get(ptr);
    f.finish()
}
