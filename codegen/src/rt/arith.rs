//! Operators (spec §2.3, §2.4, §6.3): checked Int arithmetic, f64 arithmetic through
//! the canonical number form, true division, floored modulo, equality and ordering.

use super::memory::{Arg, detail, emit_fail};
use crate::abi::{Detail, TAG_FLOAT, TAG_INT, TAG_SYM};
use crate::builder::{CallExt, FnBuilder, Local, LocalExt};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::math::MathFn;
use crate::registry::Registry;
use bytelogic_engine::ast::BinOp;
use wasm_encoder::{BlockType, Function, ValType};

/// The parameters `Binary` and `Order` start with: operands A and B (tag and
/// payload each) and the site.
#[derive(Clone, Copy)]
struct Operands {
    at: Local,
    ap: Local,
    bt: Local,
    bp: Local,
    site: Local,
}

impl From<[Local; 5]> for Operands {
    fn from([at, ap, bt, bp, site]: [Local; 5]) -> Operands {
        Operands {
            at,
            ap,
            bt,
            bp,
            site,
        }
    }
}

impl Operands {
    fn a(self) -> Option<(Local, Local)> {
        Some((self.at, self.ap))
    }

    fn b(self) -> Option<(Local, Local)> {
        Some((self.bt, self.bp))
    }
}

/// Pushes local value `(t, p)` (a number) as f64.
pub(super) fn push_f64(f: &mut FnBuilder, t: Local, p: Local) {
    f.ins()
        .get(p)
        .f64_reinterpret_i64()
        .get(p)
        .f64_convert_i64_s()
        .get(t)
        .i32_const(TAG_FLOAT)
        .i32_eq()
        .select();
}

/// `if <cond pushed> { fail(code, site, detail, a, b) }`.
fn fail_if(m: &mut Registry<'_>, f: &mut FnBuilder, o: Operands, code: u32, d: Detail) {
    f.ins().if_(BlockType::Empty);
    emit_fail(m, f, code, Arg::Local(o.site), detail(d), o.a(), o.b());
    f.ins().end();
}

/// Pushes "both operands are Ints".
fn both_ints(f: &mut FnBuilder, o: Operands) {
    f.ins()
        .get(o.at)
        .i32_const(TAG_INT)
        .i32_eq()
        .get(o.bt)
        .i32_const(TAG_INT)
        .i32_eq()
        .i32_and();
}

/// Pushes "some operand is a Symbol".
fn any_sym(f: &mut FnBuilder, o: Operands) {
    f.ins()
        .get(o.at)
        .i32_const(TAG_SYM)
        .i32_eq()
        .get(o.bt)
        .i32_const(TAG_SYM)
        .i32_eq()
        .i32_or();
}

/// Returns the canonical value of the f64 on the stack (E205 names the operation).
fn return_canon(m: &mut Registry<'_>, f: &mut FnBuilder, o: Operands, d: Detail) {
    let canon = m.rt(Helper::Canon);
    f.ins()
        .get(o.site)
        .i32_const(d.code())
        .get(o.at)
        .get(o.ap)
        .get(o.bt)
        .get(o.bp)
        .call_fn(canon)
        .return_();
}

pub(super) fn binary(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    op: BinOp,
) -> Result<Function, CodegenError> {
    let o = Operands::from(f.params());
    let d = Detail::BinOp(op);
    match op {
        BinOp::Add | BinOp::Sub | BinOp::Mul => checked(m, &mut f, o, op),
        BinOp::Div | BinOp::Mod => {
            any_sym(&mut f, o);
            fail_if(m, &mut f, o, 203, d);
            division(m, &mut f, o, op)?;
        }
        BinOp::Eq | BinOp::Ne => {
            let cmp_num = m.rt(Helper::CmpNum);
            f.ins().i32_const(TAG_INT);
            any_sym(&mut f, o);
            f.ins()
                .if_(BlockType::Result(ValType::I32))
                .get(o.at)
                .get(o.bt)
                .i32_eq()
                .get(o.ap)
                .get(o.bp)
                .i64_eq()
                .i32_and()
                .else_()
                .get(o.at)
                .get(o.ap)
                .get(o.bt)
                .get(o.bp)
                .call_fn(cmp_num)
                .i32_eqz()
                .end();
            if op == BinOp::Ne {
                f.ins().i32_eqz();
            }
            f.ins().i64_extend_i32_u();
        }
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            let order = m.rt(Helper::Order);
            f.ins()
                .i32_const(TAG_INT)
                .get(o.at)
                .get(o.ap)
                .get(o.bt)
                .get(o.bp)
                .get(o.site)
                .i32_const(d.code())
                .call_fn(order)
                .i32_const(0);
            match op {
                BinOp::Lt => f.ins().i32_lt_s(),
                BinOp::Le => f.ins().i32_le_s(),
                BinOp::Gt => f.ins().i32_gt_s(),
                _ => f.ins().i32_ge_s(),
            };
            f.ins().i64_extend_i32_u();
        }
        BinOp::And | BinOp::Or => {
            return Err(CodegenError::Internal(
                "AND/OR are emitted inline (short-circuit)".into(),
            ));
        }
    }
    f.finish()
}

/// `+ - *`: Symbol concatenation (`+`), checked Ints, or f64.
fn checked(m: &mut Registry<'_>, f: &mut FnBuilder, o: Operands, op: BinOp) {
    let d = Detail::BinOp(op);
    if op == BinOp::Add {
        let concat = m.rt(Helper::Concat);
        f.ins()
            .get(o.at)
            .i32_const(TAG_SYM)
            .i32_eq()
            .get(o.bt)
            .i32_const(TAG_SYM)
            .i32_eq()
            .i32_and()
            .if_(BlockType::Empty)
            .i32_const(TAG_SYM)
            .get(o.ap)
            .i32_wrap_i64()
            .get(o.bp)
            .i32_wrap_i64()
            .call_fn(concat)
            .i64_extend_i32_u()
            .return_()
            .end();
    }
    let r = f.local(ValType::I64);
    both_ints(f, o);
    f.ins().if_(BlockType::Empty);
    f.ins().get(o.ap).get(o.bp);
    match op {
        BinOp::Add => f.ins().i64_add(),
        BinOp::Sub => f.ins().i64_sub(),
        _ => f.ins().i64_mul(),
    };
    f.ins().set(r);
    match op {
        // Overflow when both operands have the sign the result lacks.
        BinOp::Add => {
            f.ins()
                .get(o.ap)
                .get(r)
                .i64_xor()
                .get(o.bp)
                .get(r)
                .i64_xor()
                .i64_and();
        }
        // Overflow when the operands' signs differ and the result's differs from a's.
        BinOp::Sub => {
            f.ins()
                .get(o.ap)
                .get(o.bp)
                .i64_xor()
                .get(o.ap)
                .get(r)
                .i64_xor()
                .i64_and();
        }
        _ => {
            let ovf = m.rt(Helper::MulOverflows);
            f.ins()
                .i64_const(0)
                .get(o.ap)
                .get(o.bp)
                .call_fn(ovf)
                .i64_extend_i32_u()
                .i64_sub();
        }
    };
    f.ins().i64_const(0).i64_lt_s();
    fail_if(m, f, o, 202, d);
    f.ins().i32_const(TAG_INT).get(r).return_().end();
    any_sym(f, o);
    fail_if(m, f, o, 203, d);
    push_f64(f, o.at, o.ap);
    push_f64(f, o.bt, o.bp);
    match op {
        BinOp::Add => f.ins().f64_add(),
        BinOp::Sub => f.ins().f64_sub(),
        _ => f.ins().f64_mul(),
    };
    return_canon(m, f, o, d);
    f.ins().unreachable();
}

/// `/` and `%` on numbers.
fn division(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    o: Operands,
    op: BinOp,
) -> Result<(), CodegenError> {
    let d = Detail::BinOp(op);
    let r = f.local(ValType::I64);
    let y = f.local(ValType::F64);
    let x = f.local(ValType::F64);
    let rf = f.local(ValType::F64);
    both_ints(f, o);
    f.ins().if_(BlockType::Empty);
    f.ins().get(o.bp).i64_eqz();
    fail_if(m, f, o, 201, d);
    f.ins().get(o.ap).get(o.bp).i64_rem_s().set(r);
    if op == BinOp::Div {
        f.ins()
            .get(r)
            .i64_eqz()
            .if_(BlockType::Empty)
            .get(o.ap)
            .i64_const(i64::MIN)
            .i64_eq()
            .get(o.bp)
            .i64_const(-1)
            .i64_eq()
            .i32_and();
        fail_if(m, f, o, 202, d);
        f.ins()
            .i32_const(TAG_INT)
            .get(o.ap)
            .get(o.bp)
            .i64_div_s()
            .return_()
            .end()
            .get(o.ap)
            .f64_convert_i64_s()
            .get(o.bp)
            .f64_convert_i64_s()
            .f64_div();
        return_canon(m, f, o, d);
    } else {
        // Floored: a nonzero remainder takes the divisor's sign.
        f.ins()
            .i32_const(TAG_INT)
            .get(r)
            .get(o.bp)
            .i64_add()
            .get(r)
            .get(r)
            .i64_const(0)
            .i64_ne()
            .get(r)
            .get(o.bp)
            .i64_xor()
            .i64_const(0)
            .i64_lt_s()
            .i32_and()
            .select()
            .return_();
    }
    f.ins().end();
    push_f64(f, o.bt, o.bp);
    f.ins().tee(y).f64_const(0.0.into()).f64_eq();
    fail_if(m, f, o, 201, d);
    push_f64(f, o.at, o.ap);
    f.ins().set(x);
    if op == BinOp::Div {
        f.ins().get(x).get(y).f64_div();
    } else {
        let fmod = m.import(MathFn::Fmod)?;
        f.ins()
            .get(x)
            .get(y)
            .call(fmod)
            .tee(rf)
            .get(y)
            .f64_add()
            .get(rf)
            .get(rf)
            .f64_const(0.0.into())
            .f64_ne()
            .get(rf)
            .f64_const(0.0.into())
            .f64_lt()
            .get(y)
            .f64_const(0.0.into())
            .f64_lt()
            .i32_ne()
            .i32_and()
            .select();
    }
    return_canon(m, f, o, d);
    Ok(())
}

pub(super) fn mul_overflows(mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [a, b] = f.params();
    f.ins()
        .get(a)
        .i64_eqz()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end()
        .get(a)
        .i64_const(-1)
        .i64_eq()
        .if_(BlockType::Empty)
        .get(b)
        .i64_const(i64::MIN)
        .i64_eq()
        .return_()
        .end()
        .get(a)
        .get(b)
        .i64_mul()
        .get(a)
        .i64_div_s()
        .get(b)
        .i64_ne();
    f.finish()
}

pub(super) fn neg(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [t, p, site] = f.params();
    let fail = |m: &mut Registry<'_>, f: &mut FnBuilder, code| {
        emit_fail(
            m,
            f,
            code,
            Arg::Local(site),
            detail(Detail::Neg),
            Some((t, p)),
            None,
        )
    };
    f.ins()
        .get(t)
        .i32_const(TAG_INT)
        .i32_eq()
        .if_(BlockType::Empty)
        .get(p)
        .i64_const(i64::MIN)
        .i64_eq()
        .if_(BlockType::Empty);
    fail(m, &mut f, 202);
    f.ins()
        .end()
        .i32_const(TAG_INT)
        .i64_const(0)
        .get(p)
        .i64_sub()
        .return_()
        .end()
        .get(t)
        .i32_const(TAG_FLOAT)
        .i32_eq()
        .if_(BlockType::Empty)
        // The one canonical Float whose negation is an Int (spec §2.3): 2^63.
        .get(p)
        .i64_const(TWO_POW_63.to_bits() as i64)
        .i64_eq()
        .if_(BlockType::Empty)
        .i32_const(TAG_INT)
        .i64_const(i64::MIN)
        .return_()
        .end()
        .i32_const(TAG_FLOAT)
        .get(p)
        .f64_reinterpret_i64()
        .f64_neg()
        .i64_reinterpret_f64()
        .return_()
        .end();
    fail(m, &mut f, 203);
    f.finish()
}

/// 2^63 as f64: the first Float above the i64 range.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

pub(super) fn canon(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [x, site, det, at, ap, bt, bp] = f.params();
    // x - x is 0 exactly when x is finite.
    f.ins()
        .get(x)
        .get(x)
        .f64_sub()
        .f64_const(0.0.into())
        .f64_ne()
        .if_(BlockType::Empty);
    emit_fail(
        m,
        &mut f,
        205,
        Arg::Local(site),
        Arg::Local(det),
        Some((at, ap)),
        Some((bt, bp)),
    );
    f.ins()
        .end()
        .get(x)
        .f64_trunc()
        .get(x)
        .f64_eq()
        .get(x)
        .f64_const((-TWO_POW_63).into())
        .f64_ge()
        .i32_and()
        .get(x)
        .f64_const(TWO_POW_63.into())
        .f64_lt()
        .i32_and()
        .if_(BlockType::Empty)
        .i32_const(TAG_INT)
        .get(x)
        .i64_trunc_sat_f64_s()
        .return_()
        .end()
        .i32_const(TAG_FLOAT)
        .get(x)
        .i64_reinterpret_f64();
    f.finish()
}

pub(super) fn order(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [at, ap, bt, bp, site, det] = f.params();
    let o = Operands::from([at, ap, bt, bp, site]);

    let text_cmp = m.rt(Helper::TextCmp);
    let cmp_num = m.rt(Helper::CmpNum);
    f.ins()
        .get(o.at)
        .i32_const(TAG_SYM)
        .i32_eq()
        .get(o.bt)
        .i32_const(TAG_SYM)
        .i32_eq()
        .i32_and()
        .if_(BlockType::Empty)
        .get(o.ap)
        .i32_wrap_i64()
        .get(o.bp)
        .i32_wrap_i64()
        .call_fn(text_cmp)
        .return_()
        .end();
    any_sym(&mut f, o);
    f.ins().if_(BlockType::Empty);
    emit_fail(
        m,
        &mut f,
        203,
        Arg::Local(o.site),
        Arg::Local(det),
        o.a(),
        o.b(),
    );

    f.ins()
        .end()
        .get(o.at)
        .get(o.ap)
        .get(o.bt)
        .get(o.bp)
        .call_fn(cmp_num);
    f.finish()
}
