//! Aggregates (spec §9.2, `ir::Aggregate`): the group is evaluated, its rows found
//! through the aggregate's index (a rule's aggregate with a group) or by
//! `GroupRows`, and `Fold` charges the steps and computes the result. A rule's
//! aggregate asks its memo first and keeps a non-empty group's result
//! (docs/decisions.md 205). An empty MIN, MAX or MEAN ends the binding in a rule
//! (a branch to [`Env::stop`]) and is E209 elsewhere.

use super::env::{Env, store_scratch};
use crate::abi::{Detail, Global, IDX_SIZE, REL_SIZE, SCRATCH};
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, m32, m64};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use crate::rt::{Arg, detail, emit_fail};
use bytelogic_engine::ir::{AggFunc, Aggregate};
use bytelogic_engine::span::Span;
use wasm_encoder::{BlockType, ValType};

/// Emits aggregate `agg` (the expression at `span`), its group evaluated into the
/// locals of `pattern` (`None` for `?`), pushing its value.
pub fn aggregate(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &Env,
    (agg, pattern): (&Aggregate, &[Option<(Local, Local)>]),
    span: Span,
) -> Result<(), CodegenError> {
    let program = m.program;
    let relation = program
        .relations
        .get(agg.rel.index())
        .filter(|r| r.arity as usize == agg.pattern.len())
        .ok_or_else(|| CodegenError::InvalidIr(format!("aggregate over relation {}", agg.rel.0)))?;
    let col = match (agg.func, agg.value) {
        (AggFunc::Count, None) => 0,
        (AggFunc::Count, Some(_)) | (_, None) => {
            return Err(CodegenError::InvalidIr(format!(
                "{} with value column {:?}",
                agg.func.name(),
                agg.value
            )));
        }
        (_, Some(c)) if c < relation.arity => c,
        (_, Some(c)) => {
            return Err(CodegenError::InvalidIr(format!(
                "value column {c} of `{}`",
                relation.name
            )));
        }
    };
    let rel_addr = (m.layout.rels + agg.rel.0 * REL_SIZE) as i32;
    let site = m.site(span, Some(&relation.name));
    let [key, list, n] = [(); 3].map(|_| f.local(ValType::I32));
    let (t, p) = f.value_local();
    let heap = f.local(ValType::I32);
    match agg.index {
        Some(ix) => {
            if ix.index() >= program.indexes.len() {
                return Err(CodegenError::InvalidIr(format!("index {}", ix.0)));
            }
            let group: Vec<_> = pattern.iter().flatten().copied().map(Some).collect();
            store_scratch(f, &group);
            let probe = m.rt(Helper::IndexProbe(ix));
            f.ins()
                .i32_const(SCRATCH as i32)
                .call_fn(probe)
                .tee(key)
                .if_(BlockType::Empty)
                .get(key)
                .i32_load(m32(4))
                .set(list)
                .get(key)
                .i32_load(m32(8))
                .set(n)
                .else_()
                .i32_const(0)
                .set(n)
                .end();
        }
        None => {
            store_scratch(f, pattern);
        }
    }
    // A rule's aggregate: the result kept in the group's slot (`key`: the index
    // entry, or 0 without an index), else the rows and the result.
    let slot = f.local(ValType::I32);
    if let Some(memo) = agg.memo {
        if memo.0 >= program.memos {
            return Err(CodegenError::InvalidIr(format!("memo {}", memo.0)));
        }
        let ix = agg.index.map_or(0, |ix| m.layout.idxs + ix.0 * IDX_SIZE);
        let find = m.rt(Helper::MemoSlot);
        f.ins()
            .i32_const(memo.0 as i32)
            .i32_const(ix as i32)
            .get(key)
            .call_fn(find)
            .tee(slot)
            .i32_load(m32(0))
            .tee(t)
            .get(slot)
            .i64_load(m64(8))
            .set(p)
            .i32_eqz()
            .if_(BlockType::Empty);
    }
    if agg.index.is_none() {
        let rows = m.rt(Helper::GroupRows);
        f.ins()
            .global_get(Global::Heap.index())
            .set(heap)
            .i32_const(rel_addr)
            .i32_const(SCRATCH as i32)
            .call_fn(rows)
            .tee(list)
            .i32_load(m32(0))
            .set(n)
            .get(list)
            .i32_const(4)
            .i32_add()
            .set(list);
    }
    let fold = m.rt(Helper::Fold(agg.func));
    f.ins()
        .i32_const(rel_addr)
        .get(list)
        .get(n)
        .i32_const(col as i32)
        .i32_const(site)
        .call_fn(fold)
        .set(p)
        .set(t);
    if agg.index.is_none() {
        // The row list was only needed for the fold.
        f.ins().get(heap).global_set(Global::Heap.index());
    }
    if agg.memo.is_some() {
        // Only a non-empty group's result is kept (an empty one costs nothing anyway).
        f.ins()
            .get(t)
            .i32_eqz()
            .get(n)
            .i32_eqz()
            .i32_or()
            .i32_eqz()
            .if_(BlockType::Empty)
            .get(slot)
            .get(t)
            .i32_store(m32(0))
            .get(slot)
            .get(p)
            .i64_store(m64(8))
            .end()
            .end();
    }
    // No value (an empty MIN, MAX or MEAN).
    if agg.func != AggFunc::Count && agg.func != AggFunc::Sum {
        f.ins().get(t).i32_eqz().if_(BlockType::Empty);
        f.open();
        match env.stop.get() {
            Some(label) => {
                let depth = f.br_to(label);
                f.ins().br(depth);
            }
            None => emit_fail(
                m,
                f,
                209,
                Arg::Const(site),
                detail(Detail::Aggregate(agg.func)),
                None,
                None,
            ),
        }
        f.close();
    }
    f.ins().get(t).get(p);
    Ok(())
}
