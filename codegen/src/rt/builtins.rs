//! The built-in functions of spec §6.3. Transcendental functions call the math
//! imports; everything else is computed in WASM.

use super::arith::push_f64;
use super::memory::{Arg, detail, emit_fail};
use super::symbols::push_text;
use crate::abi::{Detail, TAG_FLOAT, TAG_INT, TAG_NONE, TAG_SYM};
use crate::builder::{CallExt, FnBuilder, loop_end, loop_start};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::math::MathFn;
use crate::registry::Registry;
use bytelogic_engine::ir::Builtin;
use wasm_encoder::{BlockType, Function, ValType};

/// `if tag local == TAG_SYM { fail 203 }` for one-argument built-ins.
fn reject_sym(m: &mut Registry<'_>, f: &mut FnBuilder, b: Builtin, site: u32) {
    f.ins()
        .local_get(0)
        .i32_const(TAG_SYM)
        .i32_eq()
        .if_(BlockType::Empty);
    let d = detail(Detail::Builtin(b));
    emit_fail(m, f, 203, Arg::Local(site), d, Some((0, 1)), None);
    f.ins().end();
}

/// Returns the canonical value of the f64 on the stack, operands `a` (and `b`).
fn return_canon(m: &mut Registry<'_>, f: &mut FnBuilder, b: Builtin, site: u32, two: bool) {
    let canon = m.rt(Helper::Canon);
    f.ins()
        .local_get(site)
        .i32_const(Detail::Builtin(b).code())
        .local_get(0)
        .local_get(1);
    if two {
        f.ins().local_get(2).local_get(3);
    } else {
        f.ins().i32_const(TAG_NONE).i64_const(0);
    }
    f.ins().call_fn(canon).return_();
}

pub(super) fn builtin(m: &mut Registry<'_>, n: u32, b: Builtin) -> Result<Function, CodegenError> {
    let mut f = FnBuilder::new(n);
    let site = Helper::Builtin(b).signature().0.len() as u32 - 1;
    match b {
        Builtin::Abs => {
            f.ins()
                .local_get(0)
                .i32_const(TAG_INT)
                .i32_eq()
                .if_(BlockType::Empty)
                .local_get(1)
                .i64_const(i64::MIN)
                .i64_eq()
                .if_(BlockType::Empty);
            let d = detail(Detail::Builtin(b));
            emit_fail(m, &mut f, 202, Arg::Local(site), d, Some((0, 1)), None);
            f.ins()
                .end()
                .i32_const(TAG_INT)
                .local_get(1)
                .i64_const(0)
                .local_get(1)
                .i64_sub()
                .local_get(1)
                .i64_const(0)
                .i64_ge_s()
                .select()
                .return_()
                .end();
            reject_sym(m, &mut f, b, site);
            f.ins()
                .i32_const(TAG_FLOAT)
                .local_get(1)
                .f64_reinterpret_i64()
                .f64_abs()
                .i64_reinterpret_f64();
        }
        Builtin::Min | Builtin::Max => {
            let order = m.rt(Helper::Order);
            let c = f.local(ValType::I32);
            f.ins()
                .local_get(0)
                .local_get(1)
                .local_get(2)
                .local_get(3)
                .local_get(site)
                .i32_const(Detail::Builtin(b).code())
                .call_fn(order)
                .local_set(c);
            // Take b when a > b (MIN) or a < b (MAX).
            let take_b = |f: &mut FnBuilder| {
                f.ins().local_get(c).i32_const(0);
                if b == Builtin::Min {
                    f.ins().i32_gt_s();
                } else {
                    f.ins().i32_lt_s();
                }
            };
            f.ins().local_get(2).local_get(0);
            take_b(&mut f);
            f.ins().select().local_get(3).local_get(1);
            take_b(&mut f);
            f.ins().select();
        }
        Builtin::Pow => pow(m, &mut f, site)?,
        Builtin::Floor | Builtin::Ceil => {
            f.ins()
                .local_get(0)
                .i32_const(TAG_INT)
                .i32_eq()
                .if_(BlockType::Empty)
                .local_get(0)
                .local_get(1)
                .return_()
                .end();
            reject_sym(m, &mut f, b, site);
            f.ins().local_get(1).f64_reinterpret_i64();
            if b == Builtin::Floor {
                f.ins().f64_floor();
            } else {
                f.ins().f64_ceil();
            }
            return_canon(m, &mut f, b, site, false);
        }
        Builtin::Round => round(m, &mut f, site),
        Builtin::Length => {
            let [ptr, len, i, count] = [(); 4].map(|_| f.local(ValType::I32));
            reject_number(m, &mut f, b, site, 0);
            f.ins().local_get(1).i32_wrap_i64().local_set(ptr);
            push_text(&mut f, ptr, ptr, len);
            loop_start(&mut f, i, len);
            f.ins()
                .local_get(count)
                .local_get(ptr)
                .local_get(i)
                .i32_add()
                .i32_load8_u(crate::builder::mem(0, 0))
                .i32_const(0xC0)
                .i32_and()
                .i32_const(0x80)
                .i32_ne()
                .i32_add()
                .local_set(count);
            loop_end(&mut f, i);
            f.ins()
                .i32_const(TAG_INT)
                .local_get(count)
                .i64_extend_i32_u();
        }
        Builtin::CharAt => char_at(m, &mut f, site),
        Builtin::Sqrt => {
            reject_sym(m, &mut f, b, site);
            push_f64(&mut f, 0, 1);
            f.ins().f64_sqrt();
            return_canon(m, &mut f, b, site, false);
        }
        _ => {
            let import = MathFn::of_builtin(b)
                .ok_or_else(|| CodegenError::Internal(format!("no helper for {}", b.name())))?;
            let import = m.import(import)?;
            reject_sym(m, &mut f, b, site);
            push_f64(&mut f, 0, 1);
            f.ins().call(import);
            return_canon(m, &mut f, b, site, false);
        }
    }
    Ok(f.finish())
}

/// `if tag local `t` != TAG_SYM { fail 203 }` (LENGTH).
fn reject_number(m: &mut Registry<'_>, f: &mut FnBuilder, b: Builtin, site: u32, t: u32) {
    f.ins()
        .local_get(t)
        .i32_const(TAG_SYM)
        .i32_ne()
        .if_(BlockType::Empty);
    let d = detail(Detail::Builtin(b));
    emit_fail(m, f, 203, Arg::Local(site), d, Some((0, 1)), None);
    f.ins().end();
}

fn pow(m: &mut Registry<'_>, f: &mut FnBuilder, site: u32) -> Result<(), CodegenError> {
    let b = Builtin::Pow;
    let ovf = m.rt(Helper::MulOverflows);
    let [result, base, e] = [(); 3].map(|_| f.local(ValType::I64));
    let d = detail(Detail::Builtin(b));
    let fail_if_ovf = |m: &mut Registry<'_>, f: &mut FnBuilder, x: u32, y: u32| {
        f.ins()
            .local_get(x)
            .local_get(y)
            .call_fn(ovf)
            .if_(BlockType::Empty);
        emit_fail(m, f, 202, Arg::Local(site), d, Some((0, 1)), Some((2, 3)));
        f.ins().end().local_get(x).local_get(y).i64_mul();
    };
    f.ins()
        .local_get(0)
        .i32_const(TAG_INT)
        .i32_eq()
        .local_get(2)
        .i32_const(TAG_INT)
        .i32_eq()
        .i32_and()
        .local_get(3)
        .i64_const(0)
        .i64_ge_s()
        .i32_and()
        .if_(BlockType::Empty)
        .i64_const(1)
        .local_set(result)
        .local_get(1)
        .local_set(base)
        .local_get(3)
        .local_set(e)
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .local_get(e)
        .i64_eqz()
        .br_if(1)
        .local_get(e)
        .i64_const(1)
        .i64_and()
        .i32_wrap_i64()
        .if_(BlockType::Empty);
    fail_if_ovf(m, f, result, base);
    f.ins()
        .local_set(result)
        .end()
        .local_get(e)
        .i64_const(1)
        .i64_shr_u()
        .local_tee(e)
        .i64_eqz()
        .i32_eqz()
        .if_(BlockType::Empty);
    fail_if_ovf(m, f, base, base);
    f.ins()
        .local_set(base)
        .end()
        .br(0)
        .end()
        .end()
        .i32_const(TAG_INT)
        .local_get(result)
        .return_()
        .end()
        .local_get(0)
        .i32_const(TAG_SYM)
        .i32_eq()
        .local_get(2)
        .i32_const(TAG_SYM)
        .i32_eq()
        .i32_or()
        .if_(BlockType::Empty);
    emit_fail(m, f, 203, Arg::Local(site), d, Some((0, 1)), Some((2, 3)));
    f.ins().end();
    push_f64(f, 0, 1);
    f.ins().f64_const(0.0.into()).f64_eq();
    push_f64(f, 2, 3);
    f.ins()
        .f64_const(0.0.into())
        .f64_lt()
        .i32_and()
        .if_(BlockType::Empty);
    emit_fail(m, f, 201, Arg::Local(site), d, Some((0, 1)), Some((2, 3)));
    f.ins().end();
    let pow = m.import(MathFn::Pow)?;
    push_f64(f, 0, 1);
    push_f64(f, 2, 3);
    f.ins().call(pow);
    return_canon(m, f, b, site, true);
    Ok(())
}

/// Pushes `round(v)` half away from zero for the f64 in local `v`.
fn round_half_away(f: &mut FnBuilder, v: u32, t: u32) {
    f.ins()
        .local_get(v)
        .f64_trunc()
        .local_tee(t)
        .f64_const(1.0.into())
        .local_get(v)
        .f64_copysign()
        .f64_add()
        .local_get(t)
        .local_get(v)
        .local_get(t)
        .f64_sub()
        .f64_abs()
        .f64_const(0.5.into())
        .f64_ge()
        .select();
}

fn round(m: &mut Registry<'_>, f: &mut FnBuilder, site: u32) {
    let b = Builtin::Round;
    let [x, scale, v, t] = [(); 4].map(|_| f.local(ValType::F64));
    let k = f.local(ValType::I64);
    let digits = detail(Detail::RoundDigits);
    f.ins()
        .local_get(2)
        .i32_const(TAG_INT)
        .i32_ne()
        .if_(BlockType::Empty);
    emit_fail(m, f, 203, Arg::Local(site), digits, Some((2, 3)), None);
    f.ins()
        .end()
        .local_get(3)
        .i64_const(-15)
        .i64_lt_s()
        .local_get(3)
        .i64_const(15)
        .i64_gt_s()
        .i32_or()
        .if_(BlockType::Empty);
    emit_fail(m, f, 204, Arg::Local(site), digits, Some((2, 3)), None);
    f.ins().end();
    reject_sym(m, f, b, site);
    push_f64(f, 0, 1);
    f.ins()
        .local_set(x)
        .local_get(3)
        .i64_const(0)
        .i64_ge_s()
        .if_(BlockType::Empty)
        .local_get(0)
        .i32_const(TAG_INT)
        .i32_eq()
        .local_get(x)
        .f64_abs()
        .f64_const(4_503_599_627_370_496.0.into())
        .f64_ge()
        .i32_or()
        .if_(BlockType::Empty)
        .local_get(0)
        .local_get(1)
        .return_()
        .end()
        .end()
        // scale = 10^|d|, exact.
        .f64_const(1.0.into())
        .local_set(scale)
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .local_get(k)
        .local_get(3)
        .i64_const(0)
        .local_get(3)
        .i64_sub()
        .local_get(3)
        .i64_const(0)
        .i64_ge_s()
        .select()
        .i64_ge_s()
        .br_if(1)
        .local_get(scale)
        .f64_const(10.0.into())
        .f64_mul()
        .local_set(scale)
        .local_get(k)
        .i64_const(1)
        .i64_add()
        .local_set(k)
        .br(0)
        .end()
        .end()
        .local_get(3)
        .i64_const(0)
        .i64_ge_s()
        .if_(BlockType::Result(ValType::F64))
        .local_get(x)
        .local_get(scale)
        .f64_mul()
        .local_set(v);
    round_half_away(f, v, t);
    f.ins()
        .local_get(scale)
        .f64_div()
        .else_()
        .local_get(x)
        .local_get(scale)
        .f64_div()
        .local_set(v);
    round_half_away(f, v, t);
    f.ins().local_get(scale).f64_mul().end();
    return_canon(m, f, b, site, true);
}

fn char_at(m: &mut Registry<'_>, f: &mut FnBuilder, site: u32) {
    let b = Builtin::CharAt;
    let intern = m.rt(Helper::Intern);
    let [ptr, len, pos, clen] = [(); 4].map(|_| f.local(ValType::I32));
    let k = f.local(ValType::I64);
    let d = detail(Detail::Builtin(b));
    f.ins()
        .local_get(0)
        .i32_const(TAG_SYM)
        .i32_ne()
        .local_get(2)
        .i32_const(TAG_INT)
        .i32_ne()
        .i32_or()
        .if_(BlockType::Empty);
    emit_fail(m, f, 203, Arg::Local(site), d, Some((0, 1)), Some((2, 3)));
    f.ins().end().local_get(1).i32_wrap_i64().local_set(ptr);
    push_text(f, ptr, ptr, len);
    f.ins()
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .local_get(3)
        .i64_const(0)
        .i64_lt_s()
        .local_get(pos)
        .local_get(len)
        .i32_ge_u()
        .i32_or()
        .br_if(1)
        // Length of the UTF-8 sequence starting at pos.
        .local_get(ptr)
        .local_get(pos)
        .i32_add()
        .i32_load8_u(crate::builder::mem(0, 0))
        .local_tee(clen)
        .i32_const(0xC0)
        .i32_ge_u()
        .local_get(clen)
        .i32_const(0xE0)
        .i32_ge_u()
        .i32_add()
        .local_get(clen)
        .i32_const(0xF0)
        .i32_ge_u()
        .i32_add()
        .i32_const(1)
        .i32_add()
        .local_set(clen)
        .local_get(k)
        .local_get(3)
        .i64_eq()
        .if_(BlockType::Empty)
        .i32_const(TAG_SYM)
        .local_get(ptr)
        .local_get(pos)
        .i32_add()
        .local_get(clen)
        .call_fn(intern)
        .i64_extend_i32_u()
        .return_()
        .end()
        .local_get(pos)
        .local_get(clen)
        .i32_add()
        .local_set(pos)
        .local_get(k)
        .i64_const(1)
        .i64_add()
        .local_set(k)
        .br(0)
        .end()
        .end();
    emit_fail(m, f, 204, Arg::Local(site), d, Some((0, 1)), Some((2, 3)));
}
