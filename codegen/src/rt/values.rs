//! Values in memory: hashing and equality of value sequences, exact number
//! comparison and the canonical value order (spec §2.4, §2.5).

use crate::abi::{TAG_INT, TAG_SYM, VALUE_SIZE};
use crate::builder::{
    CallExt, FnBuilder, Local, LocalExt, loop_end, loop_start, m32, m64, words_end, words_start,
};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// The starting state of a value-sequence hash.
const HASH_SEED: i64 = 0xcbf2_9ce4_8422_2325_u64 as i64;

/// Mixes the value at `addr + off` into the 64-bit hash in local `h` (`v` is scratch).
fn mix_value(f: &mut FnBuilder, addr: Local, off: u32, [h, v]: [Local; 2]) {
    f.ins()
        .get(addr)
        .i64_load(m64(off + 8))
        .get(addr)
        .i64_load32_u(m32(off))
        .i64_const(0x9E37_79B9_7F4A_7C15_u64 as i64)
        .i64_mul()
        .i64_add()
        .i64_const(0xff51_afd7_ed55_8ccd_u64 as i64)
        .i64_mul()
        .tee(v)
        .get(v)
        .i64_const(33)
        .i64_shr_u()
        .i64_xor()
        .get(h)
        .i64_xor()
        .i64_const(0x0000_0100_0000_01b3)
        .i64_mul()
        .set(h);
}

/// Pushes the hash of the `count` contiguous values at local `base` (an index key,
/// a tuple), unrolled for a count known when the code is generated.
pub(super) fn hash_known(f: &mut FnBuilder, base: Local, count: u32) {
    hash_at(f, base, (0..count).map(|c| c * VALUE_SIZE));
}

/// Pushes the hash of the values at local `base` plus each of `offsets`, in order:
/// [`hash_known`]'s hash of those values stored contiguously (a row's key columns).
pub(super) fn hash_at(f: &mut FnBuilder, base: Local, offsets: impl Iterator<Item = u32>) {
    let h = f.local(ValType::I64);
    let v = f.local(ValType::I64);
    f.ins().i64_const(HASH_SEED).set(h);
    for off in offsets {
        mix_value(f, base, off, [h, v]);
    }
    fold_hash(f, h);
}

/// Pushes whether the `count` contiguous values at locals `a` and `b` are equal
/// (canonical values: tag and payload bits), unrolled for a known count.
pub(super) fn equal_known(f: &mut FnBuilder, a: Local, b: Local, count: u32) {
    f.ins().i32_const(0);
    for c in 0..count {
        differs(f, (a, c * VALUE_SIZE), (b, c * VALUE_SIZE));
        f.ins().i32_or();
    }
    f.ins().i32_eqz();
}

/// Pushes whether the values at `a + a_at` and `b + b_at` (`a`, `b` locals) differ in
/// tag or payload.
pub(super) fn differs(f: &mut FnBuilder, (a, a_at): (Local, u32), (b, b_at): (Local, u32)) {
    f.ins()
        .get(a)
        .i32_load(m32(a_at))
        .get(b)
        .i32_load(m32(b_at))
        .i32_ne()
        .get(a)
        .i64_load(m64(a_at + 8))
        .get(b)
        .i64_load(m64(b_at + 8))
        .i64_ne()
        .i32_or();
}

/// Pushes the 64-bit hash in local `h` folded to 32 bits (`h ^ h >> 32`).
pub(super) fn fold_hash(f: &mut FnBuilder, h: Local) {
    f.ins()
        .get(h)
        .get(h)
        .i64_const(32)
        .i64_shr_u()
        .i64_xor()
        .i32_wrap_i64();
}

/// Pushes -1, 0 or 1 comparing the two operands already pushed, with `gt`/`lt`
/// given as closures emitting the comparison of locals.
fn sign(f: &mut FnBuilder, gt: impl Fn(&mut FnBuilder), lt: impl Fn(&mut FnBuilder)) {
    gt(f);
    lt(f);
    f.ins().i32_sub();
}

pub(super) fn cmp_int_float(mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [_, i, _, bits] = f.params();
    let x = f.local(ValType::F64);
    f.ins().get(bits).f64_reinterpret_i64().set(x);
    let t = f.local(ValType::F64);
    let ti = f.local(ValType::I64);
    let frac = f.local(ValType::F64);
    const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;
    f.ins()
        .get(x)
        .f64_const(TWO_POW_63.into())
        .f64_ge()
        .if_(BlockType::Empty)
        .i32_const(-1)
        .return_()
        .end()
        .get(x)
        .f64_const((-TWO_POW_63).into())
        .f64_lt()
        .if_(BlockType::Empty)
        .i32_const(1)
        .return_()
        .end()
        .get(x)
        .f64_trunc()
        .tee(t)
        .i64_trunc_sat_f64_s()
        .set(ti)
        .get(x)
        .get(t)
        .f64_sub()
        .set(frac)
        .get(i)
        .get(ti)
        .i64_ne()
        .if_(BlockType::Empty);
    sign(
        &mut f,
        |f| {
            f.ins().get(i).get(ti).i64_gt_s();
        },
        |f| {
            f.ins().get(i).get(ti).i64_lt_s();
        },
    );
    f.ins().return_().end();
    sign(
        &mut f,
        |f| {
            f.ins().get(frac).f64_const(0.0.into()).f64_lt();
        },
        |f| {
            f.ins().get(frac).f64_const(0.0.into()).f64_gt();
        },
    );
    f.finish()
}

pub(super) fn cmp_num(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [at, ap, bt, bp] = f.params();
    let cif = m.rt(Helper::CmpIntFloat);
    f.ins()
        .get(at)
        .i32_const(TAG_INT)
        .i32_eq()
        .if_(BlockType::Empty)
        .get(bt)
        .i32_const(TAG_INT)
        .i32_eq()
        .if_(BlockType::Empty);
    sign(
        &mut f,
        |f| {
            f.ins().get(ap).get(bp).i64_gt_s();
        },
        |f| {
            f.ins().get(ap).get(bp).i64_lt_s();
        },
    );
    f.ins()
        .return_()
        .end()
        .i32_const(0)
        .get(ap)
        .i32_const(0)
        .get(bp)
        .call_fn(cif)
        .return_()
        .end()
        .get(bt)
        .i32_const(TAG_INT)
        .i32_eq()
        .if_(BlockType::Empty)
        .i32_const(0)
        .i32_const(0)
        .get(bp)
        .i32_const(0)
        .get(ap)
        .call_fn(cif)
        .i32_sub()
        .return_()
        .end();
    sign(
        &mut f,
        |f| {
            f.ins()
                .get(ap)
                .f64_reinterpret_i64()
                .get(bp)
                .f64_reinterpret_i64()
                .f64_gt();
        },
        |f| {
            f.ins()
                .get(ap)
                .f64_reinterpret_i64()
                .get(bp)
                .f64_reinterpret_i64()
                .f64_lt();
        },
    );
    f.finish()
}

pub(super) fn cmp_val(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [at, ap, bt, bp] = f.params();
    let written = m.program.symbols.written() as i64;
    let text_cmp = m.rt(Helper::TextCmp);
    let cmp_num = m.rt(Helper::CmpNum);
    f.ins()
        .get(at)
        .i32_const(TAG_SYM)
        .i32_eq()
        .if_(BlockType::Empty)
        .get(bt)
        .i32_const(TAG_SYM)
        .i32_ne()
        .if_(BlockType::Empty)
        .i32_const(1)
        .return_()
        .end()
        // Written Symbols rank by id, before every run-time Symbol.
        .get(ap)
        .i64_const(written)
        .i64_lt_u()
        .if_(BlockType::Empty)
        .get(bp)
        .i64_const(written)
        .i64_lt_u()
        .if_(BlockType::Empty);
    sign(
        &mut f,
        |f| {
            f.ins().get(ap).get(bp).i64_gt_u();
        },
        |f| {
            f.ins().get(ap).get(bp).i64_lt_u();
        },
    );
    f.ins()
        .return_()
        .end()
        .i32_const(-1)
        .return_()
        .end()
        .get(bp)
        .i64_const(written)
        .i64_lt_u()
        .if_(BlockType::Empty)
        .i32_const(1)
        .return_()
        .end()
        .get(ap)
        .i32_wrap_i64()
        .get(bp)
        .i32_wrap_i64()
        .call_fn(text_cmp)
        .return_()
        .end()
        .get(bt)
        .i32_const(TAG_SYM)
        .i32_eq()
        .if_(BlockType::Empty)
        .i32_const(-1)
        .return_()
        .end()
        .get(at)
        .get(ap)
        .get(bt)
        .get(bp)
        .call_fn(cmp_num);
    f.finish()
}

pub(super) fn cmp_vals(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [a, b, count] = f.params();
    let cmp_val = m.rt(Helper::CmpVal);
    let i = f.local(ValType::I32);
    let c = f.local(ValType::I32);
    let off = f.local(ValType::I32);
    loop_start(&mut f, i, count);
    f.ins()
        .get(i)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .set(off)
        .get(a)
        .get(off)
        .i32_add()
        .i32_load(m32(0))
        .get(a)
        .get(off)
        .i32_add()
        .i64_load(m64(8))
        .get(b)
        .get(off)
        .i32_add()
        .i32_load(m32(0))
        .get(b)
        .get(off)
        .i32_add()
        .i64_load(m64(8))
        .call_fn(cmp_val)
        .tee(c)
        .if_(BlockType::Empty)
        .get(c)
        .return_()
        .end();
    loop_end(&mut f, i);
    f.ins().i32_const(0);
    f.finish()
}

/// Copies `bytes` (a multiple of 8 known when the code is generated) from local `src`
/// to local `dst` in 8-byte words, unrolled.
pub(super) fn copy_known(f: &mut FnBuilder, dst: Local, src: Local, bytes: u32) {
    for word in (0..bytes).step_by(8) {
        f.ins()
            .get(dst)
            .get(src)
            .i64_load(m64(word))
            .i64_store(m64(word));
    }
}

/// Copies local `bytes` (a multiple of 8) from `src` to `dst` in 8-byte words, inline
/// (`memory.copy` is a call into the host), counting in local `i`.
pub(super) fn copy_words(f: &mut FnBuilder, dst: Local, src: Local, bytes: Local, i: Local) {
    f.ins().i32_const(0).set(i);
    words_start(f, i, bytes);
    f.ins()
        .get(dst)
        .get(i)
        .i32_add()
        .get(src)
        .get(i)
        .i32_add()
        .i64_load(m64(0))
        .i64_store(m64(0));
    words_end(f, i);
}
