//! The built-in functions of spec §6.3. Transcendental functions call the math
//! imports; everything else is computed in WASM.

use super::arith::push_f64;
use super::memory::{Arg, detail, emit_fail};
use super::symbols::push_text;
use crate::abi::{Detail, TAG_FLOAT, TAG_INT, TAG_NONE, TAG_SYM};
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, loop_end, loop_start};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::math::MathFn;
use crate::registry::Registry;
use bytelogic_engine::ir::Builtin;
use wasm_encoder::{BlockType, Function, ValType};

/// A value in two locals: tag and payload.
type Value = (Local, Local);

/// A built-in's parameters: its first argument, its second if it has two (ROUND
/// always has), and the site.
struct Args {
    a: Value,
    b: Option<Value>,
    site: Local,
}

impl Args {
    /// The parameters of the built-in `f` is the body of.
    fn of(f: &FnBuilder) -> Result<Args, CodegenError> {
        Ok(match f.param_list()[..] {
            [at, ap, site] => Args {
                a: (at, ap),
                b: None,
                site,
            },
            [at, ap, bt, bp, site] => Args {
                a: (at, ap),
                b: Some((bt, bp)),
                site,
            },
            _ => return Err(CodegenError::Internal("a built-in's parameters".into())),
        })
    }

    /// The second argument (of a built-in that has two).
    fn second(&self) -> Result<Value, CodegenError> {
        self.b
            .ok_or_else(|| CodegenError::Internal("a second argument of one".into()))
    }
}

/// `if a is a Symbol { fail 203 }` for one-argument built-ins.
fn reject_sym(m: &mut Registry<'_>, f: &mut FnBuilder, b: Builtin, (at, ap): Value, site: Local) {
    f.ins()
        .get(at)
        .i32_const(TAG_SYM)
        .i32_eq()
        .if_(BlockType::Empty);
    let d = detail(Detail::Builtin(b));
    emit_fail(m, f, 203, Arg::Local(site), d, Some((at, ap)), None);
    f.ins().end();
}

/// Returns the canonical value of the f64 on the stack, operands `a` (and `b`).
fn return_canon(m: &mut Registry<'_>, f: &mut FnBuilder, b: Builtin, args: &Args) {
    let (at, ap) = args.a;
    let canon = m.rt(Helper::Canon);
    f.ins()
        .get(args.site)
        .i32_const(Detail::Builtin(b).code())
        .get(at)
        .get(ap);
    match args.b {
        Some((bt, bp)) => f.ins().get(bt).get(bp),
        None => f.ins().i32_const(TAG_NONE).i64_const(0),
    };
    f.ins().call_fn(canon).return_();
}

pub(super) fn builtin(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    b: Builtin,
) -> Result<Function, CodegenError> {
    let args = Args::of(&f)?;
    let ((at, ap), site) = (args.a, args.site);
    match b {
        Builtin::Abs => {
            f.ins()
                .get(at)
                .i32_const(TAG_INT)
                .i32_eq()
                .if_(BlockType::Empty)
                .get(ap)
                .i64_const(i64::MIN)
                .i64_eq()
                .if_(BlockType::Empty);
            let d = detail(Detail::Builtin(b));
            emit_fail(m, &mut f, 202, Arg::Local(site), d, Some((at, ap)), None);
            f.ins()
                .end()
                .i32_const(TAG_INT)
                .get(ap)
                .i64_const(0)
                .get(ap)
                .i64_sub()
                .get(ap)
                .i64_const(0)
                .i64_ge_s()
                .select()
                .return_()
                .end();
            reject_sym(m, &mut f, b, args.a, args.site);
            f.ins()
                .i32_const(TAG_FLOAT)
                .get(ap)
                .f64_reinterpret_i64()
                .f64_abs()
                .i64_reinterpret_f64();
        }
        Builtin::Min | Builtin::Max => {
            let (bt, bp) = args.second()?;
            let order = m.rt(Helper::Order);
            let c = f.local(ValType::I32);
            f.ins()
                .get(at)
                .get(ap)
                .get(bt)
                .get(bp)
                .get(site)
                .i32_const(Detail::Builtin(b).code())
                .call_fn(order)
                .set(c);
            // Take b when a > b (MIN) or a < b (MAX).
            let take_b = |f: &mut FnBuilder| {
                f.ins().get(c).i32_const(0);
                if b == Builtin::Min {
                    f.ins().i32_gt_s();
                } else {
                    f.ins().i32_lt_s();
                }
            };
            f.ins().get(bt).get(at);
            take_b(&mut f);
            f.ins().select().get(bp).get(ap);
            take_b(&mut f);
            f.ins().select();
        }
        Builtin::Pow => pow(m, &mut f, &args)?,
        Builtin::Floor | Builtin::Ceil => {
            f.ins()
                .get(at)
                .i32_const(TAG_INT)
                .i32_eq()
                .if_(BlockType::Empty)
                .get(at)
                .get(ap)
                .return_()
                .end();
            reject_sym(m, &mut f, b, args.a, args.site);
            f.ins().get(ap).f64_reinterpret_i64();
            if b == Builtin::Floor {
                f.ins().f64_floor();
            } else {
                f.ins().f64_ceil();
            }
            return_canon(m, &mut f, b, &args);
        }
        Builtin::Round => round(m, &mut f, &args)?,
        Builtin::Length => {
            let [ptr, len, i, count] = [(); 4].map(|_| f.local(ValType::I32));
            reject_number(m, &mut f, b, args.a, args.site);
            f.ins().get(ap).i32_wrap_i64().set(ptr);
            push_text(&mut f, ptr, ptr, len);
            loop_start(&mut f, i, len);
            f.ins()
                .get(count)
                .get(ptr)
                .get(i)
                .i32_add()
                .i32_load8_u(crate::builder::mem(0, 0))
                .i32_const(0xC0)
                .i32_and()
                .i32_const(0x80)
                .i32_ne()
                .i32_add()
                .set(count);
            loop_end(&mut f, i);
            f.ins().i32_const(TAG_INT).get(count).i64_extend_i32_u();
        }
        Builtin::CharAt => char_at(m, &mut f, &args)?,
        Builtin::Sqrt => {
            reject_sym(m, &mut f, b, args.a, args.site);
            push_f64(&mut f, at, ap);
            f.ins().f64_sqrt();
            return_canon(m, &mut f, b, &args);
        }
        _ => {
            let import = MathFn::of_builtin(b)
                .ok_or_else(|| CodegenError::Internal(format!("no helper for {}", b.name())))?;
            let import = m.import(import)?;
            reject_sym(m, &mut f, b, args.a, args.site);
            push_f64(&mut f, at, ap);
            f.ins().call(import);
            return_canon(m, &mut f, b, &args);
        }
    }
    f.finish()
}

/// `if a is not a Symbol { fail 203 }` (LENGTH).
fn reject_number(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    b: Builtin,
    (at, ap): Value,
    site: Local,
) {
    f.ins()
        .get(at)
        .i32_const(TAG_SYM)
        .i32_ne()
        .if_(BlockType::Empty);
    let d = detail(Detail::Builtin(b));
    emit_fail(m, f, 203, Arg::Local(site), d, Some((at, ap)), None);
    f.ins().end();
}

fn pow(m: &mut Registry<'_>, f: &mut FnBuilder, args: &Args) -> Result<(), CodegenError> {
    let ((at, ap), (bt, bp), site) = (args.a, args.second()?, args.site);
    let b = Builtin::Pow;
    let ovf = m.rt(Helper::MulOverflows);
    let [result, base, e] = [(); 3].map(|_| f.local(ValType::I64));
    let d = detail(Detail::Builtin(b));
    let fail_if_ovf = |m: &mut Registry<'_>, f: &mut FnBuilder, x: Local, y: Local| {
        f.ins().get(x).get(y).call_fn(ovf).if_(BlockType::Empty);
        emit_fail(
            m,
            f,
            202,
            Arg::Local(site),
            d,
            Some((at, ap)),
            Some((bt, bp)),
        );
        f.ins().end().get(x).get(y).i64_mul();
    };
    f.ins()
        .get(at)
        .i32_const(TAG_INT)
        .i32_eq()
        .get(bt)
        .i32_const(TAG_INT)
        .i32_eq()
        .i32_and()
        .get(bp)
        .i64_const(0)
        .i64_ge_s()
        .i32_and()
        .if_(BlockType::Empty)
        .i64_const(1)
        .set(result)
        .get(ap)
        .set(base)
        .get(bp)
        .set(e)
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .get(e)
        .i64_eqz()
        .br_if(1)
        .get(e)
        .i64_const(1)
        .i64_and()
        .i32_wrap_i64()
        .if_(BlockType::Empty);
    fail_if_ovf(m, f, result, base);
    f.ins()
        .set(result)
        .end()
        .get(e)
        .i64_const(1)
        .i64_shr_u()
        .tee(e)
        .i64_eqz()
        .i32_eqz()
        .if_(BlockType::Empty);
    fail_if_ovf(m, f, base, base);
    f.ins()
        .set(base)
        .end()
        .br(0)
        .end()
        .end()
        .i32_const(TAG_INT)
        .get(result)
        .return_()
        .end()
        .get(at)
        .i32_const(TAG_SYM)
        .i32_eq()
        .get(bt)
        .i32_const(TAG_SYM)
        .i32_eq()
        .i32_or()
        .if_(BlockType::Empty);
    emit_fail(
        m,
        f,
        203,
        Arg::Local(site),
        d,
        Some((at, ap)),
        Some((bt, bp)),
    );
    f.ins().end();
    push_f64(f, at, ap);
    f.ins().f64_const(0.0.into()).f64_eq();
    push_f64(f, bt, bp);
    f.ins()
        .f64_const(0.0.into())
        .f64_lt()
        .i32_and()
        .if_(BlockType::Empty);
    emit_fail(
        m,
        f,
        201,
        Arg::Local(site),
        d,
        Some((at, ap)),
        Some((bt, bp)),
    );
    f.ins().end();
    let pow = m.import(MathFn::Pow)?;
    push_f64(f, at, ap);
    push_f64(f, bt, bp);
    f.ins().call(pow);
    return_canon(m, f, b, args);
    Ok(())
}

/// Pushes `round(v)` half away from zero for the f64 in local `v`.
fn round_half_away(f: &mut FnBuilder, v: Local, t: Local) {
    f.ins()
        .get(v)
        .f64_trunc()
        .tee(t)
        .f64_const(1.0.into())
        .get(v)
        .f64_copysign()
        .f64_add()
        .get(t)
        .get(v)
        .get(t)
        .f64_sub()
        .f64_abs()
        .f64_const(0.5.into())
        .f64_ge()
        .select();
}

fn round(m: &mut Registry<'_>, f: &mut FnBuilder, args: &Args) -> Result<(), CodegenError> {
    let ((at, ap), (bt, bp), site) = (args.a, args.second()?, args.site);
    let b = Builtin::Round;
    let [x, scale, v, t] = [(); 4].map(|_| f.local(ValType::F64));
    let k = f.local(ValType::I64);
    let digits = detail(Detail::RoundDigits);
    f.ins()
        .get(bt)
        .i32_const(TAG_INT)
        .i32_ne()
        .if_(BlockType::Empty);
    emit_fail(m, f, 203, Arg::Local(site), digits, Some((bt, bp)), None);
    f.ins()
        .end()
        .get(bp)
        .i64_const(-15)
        .i64_lt_s()
        .get(bp)
        .i64_const(15)
        .i64_gt_s()
        .i32_or()
        .if_(BlockType::Empty);
    emit_fail(m, f, 204, Arg::Local(site), digits, Some((bt, bp)), None);
    f.ins().end();
    reject_sym(m, f, b, args.a, args.site);
    push_f64(f, at, ap);
    f.ins()
        .set(x)
        .get(bp)
        .i64_const(0)
        .i64_ge_s()
        .if_(BlockType::Empty)
        .get(at)
        .i32_const(TAG_INT)
        .i32_eq()
        .get(x)
        .f64_abs()
        .f64_const(4_503_599_627_370_496.0.into())
        .f64_ge()
        .i32_or()
        .if_(BlockType::Empty)
        .get(at)
        .get(ap)
        .return_()
        .end()
        .end()
        // scale = 10^|d|, exact.
        .f64_const(1.0.into())
        .set(scale)
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .get(k)
        .get(bp)
        .i64_const(0)
        .get(bp)
        .i64_sub()
        .get(bp)
        .i64_const(0)
        .i64_ge_s()
        .select()
        .i64_ge_s()
        .br_if(1)
        .get(scale)
        .f64_const(10.0.into())
        .f64_mul()
        .set(scale)
        .get(k)
        .i64_const(1)
        .i64_add()
        .set(k)
        .br(0)
        .end()
        .end()
        .get(bp)
        .i64_const(0)
        .i64_ge_s()
        .if_(BlockType::Result(ValType::F64))
        .get(x)
        .get(scale)
        .f64_mul()
        .set(v);
    round_half_away(f, v, t);
    f.ins()
        .get(scale)
        .f64_div()
        .else_()
        .get(x)
        .get(scale)
        .f64_div()
        .set(v);
    round_half_away(f, v, t);
    f.ins().get(scale).f64_mul().end();
    return_canon(m, f, b, args);
    Ok(())
}

fn char_at(m: &mut Registry<'_>, f: &mut FnBuilder, args: &Args) -> Result<(), CodegenError> {
    let ((at, ap), (bt, bp), site) = (args.a, args.second()?, args.site);
    let b = Builtin::CharAt;
    let intern = m.rt(Helper::Intern);
    let [ptr, len, pos, clen] = [(); 4].map(|_| f.local(ValType::I32));
    let k = f.local(ValType::I64);
    let d = detail(Detail::Builtin(b));
    f.ins()
        .get(at)
        .i32_const(TAG_SYM)
        .i32_ne()
        .get(bt)
        .i32_const(TAG_INT)
        .i32_ne()
        .i32_or()
        .if_(BlockType::Empty);
    emit_fail(
        m,
        f,
        203,
        Arg::Local(site),
        d,
        Some((at, ap)),
        Some((bt, bp)),
    );
    f.ins().end().get(ap).i32_wrap_i64().set(ptr);
    push_text(f, ptr, ptr, len);
    f.ins()
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .get(bp)
        .i64_const(0)
        .i64_lt_s()
        .get(pos)
        .get(len)
        .i32_ge_u()
        .i32_or()
        .br_if(1)
        // Length of the UTF-8 sequence starting at pos.
        .get(ptr)
        .get(pos)
        .i32_add()
        .i32_load8_u(crate::builder::mem(0, 0))
        .tee(clen)
        .i32_const(0xC0)
        .i32_ge_u()
        .get(clen)
        .i32_const(0xE0)
        .i32_ge_u()
        .i32_add()
        .get(clen)
        .i32_const(0xF0)
        .i32_ge_u()
        .i32_add()
        .i32_const(1)
        .i32_add()
        .set(clen)
        .get(k)
        .get(bp)
        .i64_eq()
        .if_(BlockType::Empty)
        .i32_const(TAG_SYM)
        .get(ptr)
        .get(pos)
        .i32_add()
        .get(clen)
        .call_fn(intern)
        .i64_extend_i32_u()
        .return_()
        .end()
        .get(pos)
        .get(clen)
        .i32_add()
        .set(pos)
        .get(k)
        .i64_const(1)
        .i64_add()
        .set(k)
        .br(0)
        .end()
        .end();
    emit_fail(
        m,
        f,
        204,
        Arg::Local(site),
        d,
        Some((at, ap)),
        Some((bt, bp)),
    );
    Ok(())
}
