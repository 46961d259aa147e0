//! The steps of semi-naive evaluation on a relation: FACT inserts and publishes a
//! tuple at once; EMIT inserts it as pending (`batch.rs` queues EMITs of a plan);
//! at the end of a round `Merge`/`MergeAll` publish the pending tuples as the next
//! delta; before a stratum's first round `Settle` empties every delta.

use super::hash_table::probe_free;
use super::memory::{Arg, detail, emit_fail};
use super::values::hash_known;
use crate::abi::*;
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, field, loop_end, loop_start, m32};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::{FACT_SEGMENT, Registry};
use wasm_encoder::{BlockType, Function, ValType};

/// Pushes the tuples stored and pending (the count the tuple limit applies to).
pub(super) fn tuples_held(f: &mut FnBuilder) {
    f.ins()
        .global_get(Global::Tuples.index())
        .global_get(Global::Pending.index())
        .i64_add();
}

/// Fails with E402 at `site` when `tuples + pending` (+1 for a FACT) passes the limit.
fn check_tuples(m: &mut Registry<'_>, f: &mut FnBuilder, site: Local, extra: i64) {
    tuples_held(f);
    f.ins()
        .i64_const(extra)
        .i64_add()
        .global_get(Global::MaxTuples.index())
        .i64_gt_u()
        .if_(BlockType::Empty);
    emit_fail(
        m,
        f,
        402,
        Arg::Local(site),
        detail(Detail::None),
        None,
        None,
    );
    f.ins().end();
}

/// Inserts the tuple at `SCRATCH` into the relation at local `rel` (of `arity`), returning from the
/// helper when it is already there; leaves its row in local `row`.
fn insert_or_return(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    (rel, arity): (Local, u32),
    row: Local,
) {
    let insert = m.rt(Helper::SetInsert(arity));
    let tup = f.local(ValType::I32);
    f.ins().i32_const(SCRATCH as i32).set(tup).get(rel).get(tup);
    hash_known(f, tup, arity);
    f.ins()
        .i32_const(0)
        .call_fn(insert)
        .tee(row)
        .i32_const(0)
        .i32_lt_s()
        .if_(BlockType::Empty)
        .return_()
        .end();
}

/// Makes rows `from..to` (locals) of the relation at local `rel` visible (the indexes
/// file them before a round that reads them); adds their number to the stored tuples.
fn publish(f: &mut FnBuilder, rel: Local, from: Local, to: Local) {
    f.ins()
        .get(rel)
        .get(to)
        .i32_store(m32(REL_VISIBLE))
        .global_get(Global::Tuples.index())
        .get(to)
        .get(from)
        .i32_sub()
        .i64_extend_i32_u()
        .i64_add()
        .global_set(Global::Tuples.index());
}

pub(super) fn fact(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    arity: u32,
) -> Result<Function, CodegenError> {
    let [rel, site] = f.params();
    let [row, end] = [(); 2].map(|_| f.local(ValType::I32));
    insert_or_return(m, &mut f, (rel, arity), row);
    check_tuples(m, &mut f, site, 1);
    f.ins().get(row).i32_const(1).i32_add().set(end);
    publish(&mut f, rel, row, end);
    f.finish()
}

/// `FactLoad(arity)`: the rows of a run of distinct constant FACTs, copied from the
/// fact tables into an empty set at once and filed in its table in row order, where
/// `Fact` would have probed, compared and appended them one at a time. The caller
/// reserved room for them (`SetReserve`), so neither the rows nor the table grow and
/// the table ends as those insertions leave it; the stored tuples and the visible
/// count move as theirs would. A set that holds rows, or a limit that the run's
/// tuples would pass, loads nothing: the caller's loop then finds any duplicate and
/// fails with E402 at the FACT that passes the limit (docs/decisions.md 173).
pub(super) fn fact_load(mut f: FnBuilder, arity: u32) -> Result<Function, CodegenError> {
    let [rel, at, n] = f.params();
    let [k, row, tbl, cap, e, h, none] = [(); 7].map(|_| f.local(ValType::I32));
    let rowsz = (arity * VALUE_SIZE) as i32;
    field(&mut f, rel, SET_LEN);
    f.ins().if_(BlockType::Empty).i32_const(0).return_().end();
    tuples_held(&mut f);
    f.ins()
        .get(n)
        .i64_extend_i32_u()
        .i64_add()
        .global_get(Global::MaxTuples.index())
        .i64_gt_u()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end();
    field(&mut f, rel, SET_ROWS);
    f.ins()
        .tee(row)
        .get(at)
        .get(n)
        .i32_const(rowsz)
        .i32_mul()
        .memory_init(0, FACT_SEGMENT);
    field(&mut f, rel, SET_TBL);
    f.ins().set(tbl);
    field(&mut f, rel, SET_TCAP);
    f.ins().set(cap);
    loop_start(&mut f, k, n);
    hash_known(&mut f, row, arity);
    f.ins().set(h);
    probe_free(&mut f, tbl, cap, h, 8, e);
    f.ins()
        .get(e)
        .get(h)
        .i32_store(m32(0))
        .get(e)
        .get(k)
        .i32_const(1)
        .i32_add()
        .i32_store(m32(4))
        .get(row)
        .i32_const(rowsz)
        .i32_add()
        .set(row);
    loop_end(&mut f, k);
    f.ins().get(rel).get(n).i32_store(m32(SET_LEN));
    publish(&mut f, rel, none, n);
    f.ins().i32_const(1);
    f.finish()
}

pub(super) fn emit(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    arity: u32,
) -> Result<Function, CodegenError> {
    let [rel, site] = f.params();
    let row = f.local(ValType::I32);
    insert_or_return(m, &mut f, (rel, arity), row);
    pend(m, &mut f, site);
    f.finish()
}

/// Counts an EMIT's new tuple as pending, failing with E402 at `site` when the
/// tuples stored and pending pass the limit.
pub(super) fn pend(m: &mut Registry<'_>, f: &mut FnBuilder, site: Local) {
    f.ins()
        .global_get(Global::Pending.index())
        .i64_const(1)
        .i64_add()
        .global_set(Global::Pending.index());
    check_tuples(m, f, site, 0);
}

pub(super) fn merge(mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [rel] = f.params();
    let [start, end] = [(); 2].map(|_| f.local(ValType::I32));
    field(&mut f, rel, REL_VISIBLE);
    f.ins().set(start);
    field(&mut f, rel, SET_LEN);
    f.ins().set(end);
    publish(&mut f, rel, start, end);
    f.ins()
        .get(rel)
        .get(start)
        .i32_store(m32(REL_RECENT_START))
        .get(rel)
        .get(end)
        .i32_store(m32(REL_RECENT_END))
        .get(start)
        .get(end)
        .i32_ne();
    f.finish()
}

pub(super) fn merge_all(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let merge = m.rt(Helper::Merge);
    let rels = m.layout.rels;
    let count = m.program.relations.len() as u32;
    let changed = f.local(ValType::I32);
    for r in 0..count {
        f.ins()
            .i32_const((rels + r * REL_SIZE) as i32)
            .call_fn(merge)
            .get(changed)
            .i32_or()
            .set(changed);
    }
    f.ins()
        .i64_const(0)
        .global_set(Global::Pending.index())
        .get(changed);
    f.finish()
}

pub(super) fn settle(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let rels = m.layout.rels;
    let count = m.program.relations.len() as u32;
    for r in 0..count {
        let at = (rels + r * REL_SIZE) as i32;
        f.ins()
            .i32_const(at)
            .i32_const(at)
            .i32_load(m32(SET_LEN))
            .i32_store(m32(REL_RECENT_START))
            .i32_const(at)
            .i32_const(at)
            .i32_load(m32(SET_LEN))
            .i32_store(m32(REL_RECENT_END));
    }
    f.finish()
}
