//! CALC functions (spec §6): one WASM function each, parameters as (tag, payload)
//! pairs, returning a value whose tag is 0 when the body reached END without RESULT
//! (the caller reports E206 at the call). Statements and loop iterations count
//! steps exactly as the interpreter does.

use super::expr::{Env, expr, stash, truthy};
use super::limits::check_slots;
use super::run::pattern;
use crate::abi::{Detail, Global, REL_SIZE, SCRATCH, TAG_INT, TAG_NONE, VALUE_SIZE};
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, m32};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use crate::rt::{Arg, detail, emit_fail, emit_step};
use bytelogic_engine::ir::{Expr, FuncId, Stmt};

use wasm_encoder::{BlockType, Function, ValType};

/// Labels of the enclosing loops, innermost last: (break, continue).
type Loops = Vec<(u32, u32)>;

pub(super) fn function(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    id: FuncId,
) -> Result<Function, CodegenError> {
    let program = m.program;
    let func = program
        .functions
        .get(id.index())
        .ok_or_else(|| CodegenError::InvalidIr(format!("CALC {}", id.0)))?;
    let what = format!("CALC `{}`", func.name);
    check_slots(
        &what,
        func.locals.max(func.params) + func.tuples,
        func.params,
    )?;
    // Parameter i is the value in parameters 2i (tag) and 2i + 1 (payload).
    let mut slots: Vec<(Local, Local)> = f
        .param_list()
        .chunks_exact(2)
        .map(|value| (value[0], value[1]))
        .collect();
    for _ in func.params..func.locals.max(func.params) {
        slots.push(f.value_local());
    }
    let mut env = Env {
        slots,
        names: func.local_names.clone(),
        check_assigned: true,
        tuples: (0..func.tuples)
            .map(|_| (f.local(ValType::I32), 0))
            .collect(),
    };
    block(m, &mut f, &mut env, &mut Vec::new(), &func.body)?;
    // END without RESULT: the caller reports E206.
    f.ins().i32_const(TAG_NONE).i64_const(0);
    f.finish()
}

fn block(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &mut Env,
    loops: &mut Loops,
    body: &[Stmt],
) -> Result<(), CodegenError> {
    body.iter().try_for_each(|s| stmt(m, f, env, loops, s))
}

fn stmt(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &mut Env,
    loops: &mut Loops,
    s: &Stmt,
) -> Result<(), CodegenError> {
    let site = m.site(s.span(), None);
    emit_step(m, f, site);
    match s {
        Stmt::Let { slot, expr: e, .. } => {
            let (t, p) = local(env, slot.index())?;
            expr(m, f, env, e)?;
            f.ins().set(p).set(t);
        }
        Stmt::If {
            cond,
            then_body,
            else_body,
            ..
        } => {
            expr(m, f, env, cond)?;
            truthy(f);
            f.ins().if_(BlockType::Empty);
            f.open();
            block(m, f, env, loops, then_body)?;
            f.ins().else_();
            block(m, f, env, loops, else_body)?;
            f.close();
        }
        Stmt::ForRange {
            slot,
            start,
            end,
            step,
            body,
            ..
        } => {
            let (t, p) = local(env, slot.index())?;
            let first = int(m, f, env, start, 0)?;
            let bound = int(m, f, env, end, 1)?;
            let by = match step {
                Some(e) => int(m, f, env, e, 2)?,
                None => {
                    let by = f.local(ValType::I64);
                    f.ins().i64_const(1).set(by);
                    by
                }
            };
            f.ins().get(by).i64_eqz().if_(BlockType::Empty);
            emit_fail(
                m,
                f,
                207,
                Arg::Const(site),
                detail(Detail::None),
                None,
                None,
            );
            f.ins().end();
            let next = f.local(ValType::I64);
            looped(
                m,
                f,
                env,
                loops,
                site,
                body,
                |_, f, _| {
                    // Continue while (by > 0 and i < bound) or (by < 0 and i > bound).
                    f.ins()
                        .get(by)
                        .i64_const(0)
                        .i64_gt_s()
                        .get(first)
                        .get(bound)
                        .i64_lt_s()
                        .i32_and()
                        .get(by)
                        .i64_const(0)
                        .i64_lt_s()
                        .get(first)
                        .get(bound)
                        .i64_gt_s()
                        .i32_and()
                        .i32_or()
                        .i32_eqz()
                        .br_if(1)
                        .i32_const(TAG_INT)
                        .set(t)
                        .get(first)
                        .set(p);
                    Ok(())
                },
                |f| {
                    // i += by; an overflow ends the loop.
                    f.ins()
                        .get(first)
                        .get(by)
                        .i64_add()
                        .set(next)
                        .get(first)
                        .get(next)
                        .i64_xor()
                        .get(by)
                        .get(next)
                        .i64_xor()
                        .i64_and()
                        .i64_const(0)
                        .i64_lt_s()
                        .br_if(1)
                        .get(next)
                        .set(first);
                },
            )?;
        }
        Stmt::While { cond, body, .. } => {
            let head = |m: &mut Registry<'_>, f: &mut FnBuilder, env: &Env| {
                expr(m, f, env, cond)?;
                truthy(f);
                f.ins().i32_eqz().br_if(1);
                Ok(())
            };
            looped(m, f, env, loops, site, body, head, |_| {})?;
        }
        Stmt::ForQuery {
            tuple,
            rel,
            pattern: pat,
            body,
            ..
        } => {
            let relation = m
                .program
                .relations
                .get(rel.index())
                .ok_or_else(|| CodegenError::InvalidIr(format!("relation {}", rel.0)))?;
            let arity = relation.arity;
            if pat.len() != arity as usize {
                return Err(CodegenError::InvalidIr(format!(
                    "FOR-QUERY pattern of {} values on `{}`",
                    pat.len(),
                    relation.name
                )));
            }
            let row_local = env
                .tuples
                .get(tuple.index())
                .map(|t| t.0)
                .ok_or_else(|| CodegenError::InvalidIr(format!("tuple slot {}", tuple.0)))?;
            pattern(m, f, env, pat)?;
            let snapshot = m.rt(Helper::Snapshot);
            let [ptr, count, i] = [(); 3].map(|_| f.local(ValType::I32));
            // The pattern in the scratch buffer is read before the results go there.
            f.ins()
                .i32_const((m.layout.rels + rel.0 * REL_SIZE) as i32)
                .i32_const(SCRATCH as i32)
                .i32_const(0)
                .i32_const(SCRATCH as i32)
                .call_fn(snapshot)
                .i32_const(0)
                .i32_load(m32(SCRATCH))
                .set(count)
                .i32_const(0)
                .i32_load(m32(SCRATCH + 4))
                .set(ptr)
                .i32_const(0)
                .set(i);
            let saved = env.tuples[tuple.index()];
            env.tuples[tuple.index()] = (row_local, arity);
            let rowsz = (arity * VALUE_SIZE) as i32;
            looped(
                m,
                f,
                env,
                loops,
                site,
                body,
                |_, f, _| {
                    f.ins()
                        .get(i)
                        .get(count)
                        .i32_ge_u()
                        .br_if(1)
                        .get(ptr)
                        .get(i)
                        .i32_const(rowsz)
                        .i32_mul()
                        .i32_add()
                        .set(row_local);
                    Ok(())
                },
                |f| {
                    f.ins().get(i).i32_const(1).i32_add().set(i);
                },
            )?;
            env.tuples[tuple.index()] = saved;
            // Out of the loop: the tuple is gone; free the snapshot if it is the last allocation.
            let heap = Global::Heap.index();
            f.ins()
                .i32_const(0)
                .set(row_local)
                .global_get(heap)
                .get(ptr)
                .get(count)
                .i32_const(rowsz)
                .i32_mul()
                .i32_add()
                .i32_eq()
                .if_(BlockType::Empty)
                .get(ptr)
                .global_set(heap)
                .end();
        }
        Stmt::Result { expr: e, .. } => {
            expr(m, f, env, e)?;
            f.ins().return_();
        }
        Stmt::Break(_) | Stmt::Continue(_) => {
            let &(brk, cont) = loops
                .last()
                .ok_or_else(|| CodegenError::InvalidIr("BREAK/CONTINUE outside a loop".into()))?;
            let target = if matches!(s, Stmt::Break(_)) {
                brk
            } else {
                cont
            };
            let depth = f.br_to(target);
            f.ins().br(depth);
        }
    }
    Ok(())
}

fn local(env: &Env, i: usize) -> Result<(Local, Local), CodegenError> {
    env.slots
        .get(i)
        .copied()
        .ok_or_else(|| CodegenError::InvalidIr(format!("local slot {i}")))
}

/// Evaluates a RANGE bound into a fresh i64 local: E203 at the expression when it is
/// not an Int (`which`: 0 start, 1 end, 2 step).
fn int(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &Env,
    e: &Expr,
    which: i64,
) -> Result<Local, CodegenError> {
    expr(m, f, env, e)?;
    let (t, p) = stash(f);
    let which_local = f.value_local();
    f.ins()
        .get(t)
        .i32_const(TAG_INT)
        .i32_ne()
        .if_(BlockType::Empty)
        .i32_const(TAG_INT)
        .set(which_local.0)
        .i64_const(which)
        .set(which_local.1);
    let site = m.site(e.span, None);
    emit_fail(
        m,
        f,
        203,
        Arg::Const(site),
        detail(Detail::RangeBound),
        Some((t, p)),
        Some(which_local),
    );
    f.ins().end();
    Ok(p)
}

/// A loop: `head` tests (branching out with `br_if 1`) and sets the loop variable,
/// then one step at `site`, the body (CONTINUE lands after it), then `advance`.
#[allow(clippy::too_many_arguments)]
fn looped(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &mut Env,
    loops: &mut Loops,
    site: i32,
    body: &[Stmt],
    head: impl FnOnce(&mut Registry<'_>, &mut FnBuilder, &Env) -> Result<(), CodegenError>,
    advance: impl FnOnce(&mut FnBuilder),
) -> Result<(), CodegenError> {
    f.ins().block(BlockType::Empty).loop_(BlockType::Empty);
    let brk = f.open();
    f.open();
    head(m, f, env)?;
    emit_step(m, f, site);
    f.ins().block(BlockType::Empty);
    let cont = f.open();
    loops.push((brk, cont));
    block(m, f, env, loops, body)?;
    loops.pop();
    f.close();
    advance(f);
    f.ins().br(0);
    f.close();
    f.close();
    Ok(())
}
