//! Expressions (spec §6.3): each pushes a value as (tag `i32`, payload `i64`).
//! AND/OR short-circuit inline; operators and built-ins call runtime helpers.

use crate::abi::{self, Detail, Global, TAG_FLOAT, TAG_INT, TAG_NONE, TAG_SYM, program_global};
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, m32, m64};
use crate::error::CodegenError;
use crate::functions::{FnKey, Helper};
use crate::registry::Registry;
use crate::rt::{Arg, emit_fail};
use crate::site::Site;
use bytelogic_engine::ast::{BinOp, UnOp};
use bytelogic_engine::ir::{Builtin, Expr, ExprKind};
use bytelogic_engine::value::Value;
use wasm_encoder::{BlockType, ValType};

/// Where an expression finds its variables.
pub struct Env {
    /// Local pair (tag, payload) of each variable slot.
    pub slots: Vec<(Local, Local)>,
    /// Names of the slots (for messages).
    pub names: Vec<String>,
    /// True when reading an unassigned slot is E208 (CALC bodies).
    pub check_assigned: bool,
    /// Per FOR-QUERY tuple slot: the local holding the current row address (0
    /// outside its loop) and the relation's arity.
    pub tuples: Vec<(Local, u32)>,
}

impl Env {
    /// The environment of top-level statements: globals only.
    pub fn top() -> Env {
        Env {
            slots: Vec::new(),
            names: Vec::new(),
            check_assigned: false,
            tuples: Vec::new(),
        }
    }
}

/// Stores the value on the stack into fresh locals and returns them.
pub fn stash(f: &mut FnBuilder) -> (Local, Local) {
    let (t, p) = f.value_local();
    f.ins().set(p).set(t);
    (t, p)
}

/// Replaces the value on the stack by its truth (i32, spec §2.2: false only for Int 0).
pub fn truthy(f: &mut FnBuilder) {
    let (t, p) = stash(f);
    f.ins()
        .get(t)
        .i32_const(TAG_INT)
        .i32_ne()
        .get(p)
        .i64_const(0)
        .i64_ne()
        .i32_or();
}

/// Pushes a constant value.
pub fn constant(f: &mut FnBuilder, v: Value) {
    let (tag, payload) = tagged(v);
    f.ins().i32_const(tag).i64_const(payload);
}

/// The tag and payload of constant `v`.
fn tagged(v: Value) -> (i32, i64) {
    match v {
        Value::Int(i) => (TAG_INT, i),
        Value::Float(x) => (TAG_FLOAT, x.to_bits() as i64),
        Value::Sym(s) => (TAG_SYM, i64::from(s.0)),
    }
}

/// The bytes of constant `v` in memory (tag at +0, payload at +8; see `ABI.md`),
/// what [`constant`] pushes.
pub fn constant_bytes(v: Value) -> [u8; abi::VALUE_SIZE as usize] {
    let (tag, payload) = tagged(v);
    let mut bytes = [0; abi::VALUE_SIZE as usize];
    bytes[..4].copy_from_slice(&tag.to_le_bytes());
    bytes[8..].copy_from_slice(&payload.to_le_bytes());
    bytes
}

/// Evaluates `args` in order into fresh locals.
pub fn values(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &Env,
    args: &[Expr],
) -> Result<Vec<(Local, Local)>, CodegenError> {
    args.iter()
        .map(|a| {
            expr(m, f, env, a)?;
            Ok(stash(f))
        })
        .collect()
}

/// Stores values (or `?` for `None`) contiguously at the scratch buffer.
pub fn store_scratch(f: &mut FnBuilder, values: &[Option<(Local, Local)>]) {
    for (i, v) in values.iter().enumerate() {
        let at = abi::SCRATCH + i as u32 * abi::VALUE_SIZE;
        f.ins().i32_const(0);
        match v {
            Some((t, _)) => f.ins().get(*t),
            None => f.ins().i32_const(TAG_NONE),
        };
        f.ins().i32_store(m32(at)).i32_const(0);
        match v {
            Some((_, p)) => f.ins().get(*p),
            None => f.ins().i64_const(0),
        };
        f.ins().i64_store(m64(at + 8));
    }
}

/// Emits `e`, pushing its value.
pub fn expr(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &Env,
    e: &Expr,
) -> Result<(), CodegenError> {
    match &e.kind {
        ExprKind::Const(v) => constant(f, *v),
        ExprKind::Local(slot) => local(m, f, env, slot.index(), e)?,
        ExprKind::Global(g) => {
            let name = m.program.globals.get(g.index()).cloned();
            let name = name.ok_or_else(|| CodegenError::InvalidIr(format!("global {}", g.0)))?;
            let tag = program_global(g.0);
            f.ins().global_get(tag).i32_eqz().if_(BlockType::Empty);
            let site = m.site(e.span, Some(&name));
            fail(m, f, 208, site, Detail::GlobalVar);
            f.ins().end().global_get(tag).global_get(tag + 1);
        }
        ExprKind::Field { tuple, col } => {
            let &(row, arity) = env.tuples.get(tuple.index()).ok_or_else(|| {
                CodegenError::InvalidIr(format!("tuple variable {} outside a CALC", tuple.0))
            })?;
            f.ins().get(row).i32_eqz().if_(BlockType::Empty);
            let site = m.site(e.span, None);
            fail(m, f, 208, site, Detail::TupleVar);
            f.ins().end();
            if *col >= arity {
                let site = m.site(e.span, Some(&format!("{} {arity}", col + 1)));
                fail(m, f, 303, site, Detail::None);
                f.ins().i32_const(TAG_NONE).i64_const(0);
            } else {
                let at = col * abi::VALUE_SIZE;
                f.ins()
                    .get(row)
                    .i32_load(m32(at))
                    .get(row)
                    .i64_load(m64(at + 8));
            }
        }
        ExprKind::Prefix { ops, operand } => {
            expr(m, f, env, operand)?;
            for &(op, span) in ops.iter().rev() {
                match op {
                    UnOp::Not => {
                        truthy(f);
                        let r = f.local(ValType::I32);
                        f.ins()
                            .i32_eqz()
                            .set(r)
                            .i32_const(TAG_INT)
                            .get(r)
                            .i64_extend_i32_u();
                    }
                    UnOp::Neg => {
                        let site = m.site(span, None);
                        let neg = m.rt(Helper::Neg);
                        f.ins().i32_const(site).call_fn(neg);
                    }
                }
            }
        }
        ExprKind::Chain { first, rest } => chain(m, f, env, first, rest)?,
        ExprKind::Call { func, args } => {
            let callee = m.program.functions.get(func.index());
            let callee =
                callee.ok_or_else(|| CodegenError::InvalidIr(format!("CALC {}", func.0)))?;
            if args.len() != callee.params as usize {
                return Err(CodegenError::InvalidIr(format!(
                    "CALC `{}` called with {} arguments",
                    callee.name,
                    args.len()
                )));
            }
            let site = m.site(e.span, Some(&callee.name.clone()));
            for a in args {
                expr(m, f, env, a)?;
            }
            let depth = Global::Depth.index();
            f.ins()
                .global_get(depth)
                .global_get(Global::MaxDepth.index())
                .i32_ge_u()
                .if_(BlockType::Empty);
            fail(m, f, 403, site, Detail::None);
            let target = m.func(FnKey::Calc(*func));

            f.ins()
                .end()
                .global_get(depth)
                .i32_const(1)
                .i32_add()
                .global_set(depth)
                .call_fn(target)
                .global_get(depth)
                .i32_const(1)
                .i32_sub()
                .global_set(depth);
            let (t, p) = stash(f);
            f.ins().get(t).i32_eqz().if_(BlockType::Empty);
            fail(m, f, 206, site, Detail::None);
            f.ins().end().get(t).get(p);
        }
        ExprKind::Builtin { builtin, args } => {
            for a in args {
                expr(m, f, env, a)?;
            }
            let (lo, hi) = builtin.arity();
            if args.len() < lo || args.len() > hi {
                return Err(CodegenError::InvalidIr(format!(
                    "{} with {} arguments",
                    builtin.name(),
                    args.len()
                )));
            }
            if *builtin == Builtin::Round && args.len() == 1 {
                constant(f, Value::Int(0));
            }
            let site = m.site(e.span, None);
            let h = m.rt(Helper::Builtin(*builtin));
            f.ins().i32_const(site).call_fn(h);
        }
    }
    Ok(())
}

/// `fail(code, site)` with a detail and no operands.
fn fail(m: &mut Registry<'_>, f: &mut FnBuilder, code: u32, site: i32, d: Detail) {
    emit_fail(
        m,
        f,
        code,
        Arg::Const(site),
        Arg::Const(d.code()),
        None,
        None,
    );
}

fn local(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &Env,
    slot: usize,
    e: &Expr,
) -> Result<(), CodegenError> {
    let Some(&(t, p)) = env.slots.get(slot) else {
        // A top-level statement has no locals: reading one is E208 (as the interpreter).
        let site = m.site(e.span, Some("?"));
        fail(m, f, 208, site, Detail::LocalVar);
        f.ins().i32_const(TAG_NONE).i64_const(0);
        return Ok(());
    };
    if env.check_assigned {
        let name = env.names.get(slot).map_or("?", String::as_str).to_string();
        f.ins().get(t).i32_eqz().if_(BlockType::Empty);
        let site = m.site(e.span, Some(&name));
        fail(m, f, 208, site, Detail::LocalVar);
        f.ins().end();
    }
    f.ins().get(t).get(p);
    Ok(())
}

fn chain(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &Env,
    first: &Expr,
    rest: &[(BinOp, bytelogic_engine::span::Span, Expr)],
) -> Result<(), CodegenError> {
    expr(m, f, env, first)?;
    let (t, p) = stash(f);
    for (i, (op, span, rhs)) in rest.iter().enumerate() {
        match op {
            BinOp::And | BinOp::Or => {
                // AND: a false left is 0 without evaluating the right; OR: a true left is 1.
                f.ins().get(t).get(p);
                truthy(f);
                if *op == BinOp::And {
                    f.ins().i32_eqz();
                }
                f.ins()
                    .if_(BlockType::Empty)
                    .i64_const(i64::from(*op == BinOp::Or))
                    .set(p)
                    .else_();
                expr(m, f, env, rhs)?;
                truthy(f);
                f.ins().i64_extend_i32_u().set(p).end();
                f.ins().i32_const(TAG_INT).set(t);
            }
            _ => {
                f.ins().get(t).get(p);
                expr(m, f, env, rhs)?;
                let lhs = if i == 0 {
                    var_name(m, env, first)
                } else {
                    None
                };
                let site = m.add_site(Site {
                    span: *span,
                    name: None,
                    operands: [lhs, var_name(m, env, rhs)],
                });
                let h = m.rt(Helper::Binary(*op));
                f.ins().i32_const(site).call_fn(h).set(p).set(t);
            }
        }
    }
    f.ins().get(t).get(p);
    Ok(())
}

/// The name of `e` when it is a variable (a local slot or a global).
fn var_name(m: &Registry<'_>, env: &Env, e: &Expr) -> Option<String> {
    match e.kind {
        ExprKind::Local(slot) => env.names.get(slot.index()).cloned(),
        ExprKind::Global(g) => m.program.globals.get(g.index()).cloned(),
        _ => None,
    }
}
