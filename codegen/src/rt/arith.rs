//! Operators (spec §2.3, §2.4, §6.3): checked Int arithmetic, f64 arithmetic through
//! the canonical number form, true division, floored modulo, equality and ordering.

use super::Helper;
use super::memory::{Arg, detail, emit_fail};
use crate::CodegenError;
use crate::abi::{Detail, TAG_FLOAT, TAG_INT, TAG_SYM};
use crate::builder::FnBuilder;
use crate::module::{CallExt, MathFn, Module};
use bytelogic_engine::ast::BinOp;
use wasm_encoder::{BlockType, Function, ValType};

const AT: u32 = 0;
const AP: u32 = 1;
const BT: u32 = 2;
const BP: u32 = 3;
const SITE: u32 = 4;
const A: Option<(u32, u32)> = Some((AT, AP));
const B: Option<(u32, u32)> = Some((BT, BP));

/// Pushes local value `(t, p)` (a number) as f64.
pub(super) fn push_f64(f: &mut FnBuilder, t: u32, p: u32) {
    f.ins()
        .local_get(p)
        .f64_reinterpret_i64()
        .local_get(p)
        .f64_convert_i64_s()
        .local_get(t)
        .i32_const(TAG_FLOAT)
        .i32_eq()
        .select();
}

/// `if <cond pushed> { fail(code, site, detail, a, b) }`.
fn fail_if(m: &mut Module<'_>, f: &mut FnBuilder, code: u32, d: Detail, b: Option<(u32, u32)>) {
    f.ins().if_(BlockType::Empty);
    emit_fail(m, f, code, Arg::Local(SITE), detail(d), A, b);
    f.ins().end();
}

/// Pushes "both operands are Ints".
fn both_ints(f: &mut FnBuilder) {
    f.ins()
        .local_get(AT)
        .i32_const(TAG_INT)
        .i32_eq()
        .local_get(BT)
        .i32_const(TAG_INT)
        .i32_eq()
        .i32_and();
}

/// Pushes "some operand is a Symbol".
fn any_sym(f: &mut FnBuilder) {
    f.ins()
        .local_get(AT)
        .i32_const(TAG_SYM)
        .i32_eq()
        .local_get(BT)
        .i32_const(TAG_SYM)
        .i32_eq()
        .i32_or();
}

/// Returns the canonical value of the f64 on the stack (E205 names the operation).
fn return_canon(m: &mut Module<'_>, f: &mut FnBuilder, d: Detail) {
    let canon = m.rt(Helper::Canon);
    f.ins()
        .local_get(SITE)
        .i32_const(d.code())
        .local_get(AT)
        .local_get(AP)
        .local_get(BT)
        .local_get(BP)
        .call_fn(canon)
        .return_();
}

pub(super) fn binary(m: &mut Module<'_>, n: u32, op: BinOp) -> Result<Function, CodegenError> {
    let d = Detail::BinOp(op);
    let mut f = FnBuilder::new(n);
    match op {
        BinOp::Add | BinOp::Sub | BinOp::Mul => checked(m, &mut f, op),
        BinOp::Div | BinOp::Mod => {
            any_sym(&mut f);
            fail_if(m, &mut f, 203, d, B);
            division(m, &mut f, op)?;
        }
        BinOp::Eq | BinOp::Ne => {
            let cmp_num = m.rt(Helper::CmpNum);
            f.ins().i32_const(TAG_INT);
            any_sym(&mut f);
            f.ins()
                .if_(BlockType::Result(ValType::I32))
                .local_get(AT)
                .local_get(BT)
                .i32_eq()
                .local_get(AP)
                .local_get(BP)
                .i64_eq()
                .i32_and()
                .else_()
                .local_get(AT)
                .local_get(AP)
                .local_get(BT)
                .local_get(BP)
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
                .local_get(AT)
                .local_get(AP)
                .local_get(BT)
                .local_get(BP)
                .local_get(SITE)
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
    Ok(f.finish())
}

/// `+ - *`: Symbol concatenation (`+`), checked Ints, or f64.
fn checked(m: &mut Module<'_>, f: &mut FnBuilder, op: BinOp) {
    let d = Detail::BinOp(op);
    if op == BinOp::Add {
        let concat = m.rt(Helper::Concat);
        f.ins()
            .local_get(AT)
            .i32_const(TAG_SYM)
            .i32_eq()
            .local_get(BT)
            .i32_const(TAG_SYM)
            .i32_eq()
            .i32_and()
            .if_(BlockType::Empty)
            .i32_const(TAG_SYM)
            .local_get(AP)
            .i32_wrap_i64()
            .local_get(BP)
            .i32_wrap_i64()
            .call_fn(concat)
            .i64_extend_i32_u()
            .return_()
            .end();
    }
    let r = f.local(ValType::I64);
    both_ints(f);
    f.ins().if_(BlockType::Empty);
    f.ins().local_get(AP).local_get(BP);
    match op {
        BinOp::Add => f.ins().i64_add(),
        BinOp::Sub => f.ins().i64_sub(),
        _ => f.ins().i64_mul(),
    };
    f.ins().local_set(r);
    match op {
        // Overflow when both operands have the sign the result lacks.
        BinOp::Add => {
            f.ins()
                .local_get(AP)
                .local_get(r)
                .i64_xor()
                .local_get(BP)
                .local_get(r)
                .i64_xor()
                .i64_and();
        }
        // Overflow when the operands' signs differ and the result's differs from a's.
        BinOp::Sub => {
            f.ins()
                .local_get(AP)
                .local_get(BP)
                .i64_xor()
                .local_get(AP)
                .local_get(r)
                .i64_xor()
                .i64_and();
        }
        _ => {
            let ovf = m.rt(Helper::MulOverflows);
            f.ins()
                .i64_const(0)
                .local_get(AP)
                .local_get(BP)
                .call_fn(ovf)
                .i64_extend_i32_u()
                .i64_sub();
        }
    };
    f.ins().i64_const(0).i64_lt_s();
    fail_if(m, f, 202, d, B);
    f.ins().i32_const(TAG_INT).local_get(r).return_().end();
    any_sym(f);
    fail_if(m, f, 203, d, B);
    push_f64(f, AT, AP);
    push_f64(f, BT, BP);
    match op {
        BinOp::Add => f.ins().f64_add(),
        BinOp::Sub => f.ins().f64_sub(),
        _ => f.ins().f64_mul(),
    };
    return_canon(m, f, d);
    f.ins().unreachable();
}

/// `/` and `%` on numbers.
fn division(m: &mut Module<'_>, f: &mut FnBuilder, op: BinOp) -> Result<(), CodegenError> {
    let d = Detail::BinOp(op);
    let r = f.local(ValType::I64);
    let y = f.local(ValType::F64);
    let x = f.local(ValType::F64);
    let rf = f.local(ValType::F64);
    both_ints(f);
    f.ins().if_(BlockType::Empty);
    f.ins().local_get(BP).i64_eqz();
    fail_if(m, f, 201, d, B);
    f.ins().local_get(AP).local_get(BP).i64_rem_s().local_set(r);
    if op == BinOp::Div {
        f.ins()
            .local_get(r)
            .i64_eqz()
            .if_(BlockType::Empty)
            .local_get(AP)
            .i64_const(i64::MIN)
            .i64_eq()
            .local_get(BP)
            .i64_const(-1)
            .i64_eq()
            .i32_and();
        fail_if(m, f, 202, d, B);
        f.ins()
            .i32_const(TAG_INT)
            .local_get(AP)
            .local_get(BP)
            .i64_div_s()
            .return_()
            .end()
            .local_get(AP)
            .f64_convert_i64_s()
            .local_get(BP)
            .f64_convert_i64_s()
            .f64_div();
        return_canon(m, f, d);
    } else {
        // Floored: a nonzero remainder takes the divisor's sign.
        f.ins()
            .i32_const(TAG_INT)
            .local_get(r)
            .local_get(BP)
            .i64_add()
            .local_get(r)
            .local_get(r)
            .i64_const(0)
            .i64_ne()
            .local_get(r)
            .local_get(BP)
            .i64_xor()
            .i64_const(0)
            .i64_lt_s()
            .i32_and()
            .select()
            .return_();
    }
    f.ins().end();
    push_f64(f, BT, BP);
    f.ins().local_tee(y).f64_const(0.0.into()).f64_eq();
    fail_if(m, f, 201, d, B);
    push_f64(f, AT, AP);
    f.ins().local_set(x);
    if op == BinOp::Div {
        f.ins().local_get(x).local_get(y).f64_div();
    } else {
        let fmod = m.import(MathFn::Fmod)?;
        f.ins()
            .local_get(x)
            .local_get(y)
            .call(fmod)
            .local_tee(rf)
            .local_get(y)
            .f64_add()
            .local_get(rf)
            .local_get(rf)
            .f64_const(0.0.into())
            .f64_ne()
            .local_get(rf)
            .f64_const(0.0.into())
            .f64_lt()
            .local_get(y)
            .f64_const(0.0.into())
            .f64_lt()
            .i32_ne()
            .i32_and()
            .select();
    }
    return_canon(m, f, d);
    Ok(())
}

pub(super) fn mul_overflows(n: u32) -> Function {
    let (a, b) = (0, 1);
    let mut f = FnBuilder::new(n);
    f.ins()
        .local_get(a)
        .i64_eqz()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end()
        .local_get(a)
        .i64_const(-1)
        .i64_eq()
        .if_(BlockType::Empty)
        .local_get(b)
        .i64_const(i64::MIN)
        .i64_eq()
        .return_()
        .end()
        .local_get(a)
        .local_get(b)
        .i64_mul()
        .local_get(a)
        .i64_div_s()
        .local_get(b)
        .i64_ne();
    f.finish()
}

pub(super) fn neg(m: &mut Module<'_>, n: u32) -> Function {
    let (t, p, site) = (0, 1, 2);
    let mut f = FnBuilder::new(n);
    let fail = |m: &mut Module<'_>, f: &mut FnBuilder, code| {
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
        .local_get(t)
        .i32_const(TAG_INT)
        .i32_eq()
        .if_(BlockType::Empty)
        .local_get(p)
        .i64_const(i64::MIN)
        .i64_eq()
        .if_(BlockType::Empty);
    fail(m, &mut f, 202);
    f.ins()
        .end()
        .i32_const(TAG_INT)
        .i64_const(0)
        .local_get(p)
        .i64_sub()
        .return_()
        .end()
        .local_get(t)
        .i32_const(TAG_FLOAT)
        .i32_eq()
        .if_(BlockType::Empty)
        // The one canonical Float whose negation is an Int (spec §2.3): 2^63.
        .local_get(p)
        .i64_const(TWO_POW_63.to_bits() as i64)
        .i64_eq()
        .if_(BlockType::Empty)
        .i32_const(TAG_INT)
        .i64_const(i64::MIN)
        .return_()
        .end()
        .i32_const(TAG_FLOAT)
        .local_get(p)
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

pub(super) fn canon(m: &mut Module<'_>, n: u32) -> Function {
    let (x, site, det) = (0, 1, 2);
    let mut f = FnBuilder::new(n);
    // x - x is 0 exactly when x is finite.
    f.ins()
        .local_get(x)
        .local_get(x)
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
        Some((3, 4)),
        Some((5, 6)),
    );
    f.ins()
        .end()
        .local_get(x)
        .f64_trunc()
        .local_get(x)
        .f64_eq()
        .local_get(x)
        .f64_const((-TWO_POW_63).into())
        .f64_ge()
        .i32_and()
        .local_get(x)
        .f64_const(TWO_POW_63.into())
        .f64_lt()
        .i32_and()
        .if_(BlockType::Empty)
        .i32_const(TAG_INT)
        .local_get(x)
        .i64_trunc_sat_f64_s()
        .return_()
        .end()
        .i32_const(TAG_FLOAT)
        .local_get(x)
        .i64_reinterpret_f64();
    f.finish()
}

pub(super) fn order(m: &mut Module<'_>, n: u32) -> Function {
    let det = 5;
    let text_cmp = m.rt(Helper::TextCmp);
    let cmp_num = m.rt(Helper::CmpNum);
    let mut f = FnBuilder::new(n);
    f.ins()
        .local_get(AT)
        .i32_const(TAG_SYM)
        .i32_eq()
        .local_get(BT)
        .i32_const(TAG_SYM)
        .i32_eq()
        .i32_and()
        .if_(BlockType::Empty)
        .local_get(AP)
        .i32_wrap_i64()
        .local_get(BP)
        .i32_wrap_i64()
        .call_fn(text_cmp)
        .return_()
        .end();
    any_sym(&mut f);
    f.ins().if_(BlockType::Empty);
    emit_fail(m, &mut f, 203, Arg::Local(SITE), Arg::Local(det), A, B);
    f.ins()
        .end()
        .local_get(AT)
        .local_get(AP)
        .local_get(BT)
        .local_get(BP)
        .call_fn(cmp_num);
    f.finish()
}
