//! Relations in linear memory: tuple sets (rows stored flat, deduplicated by an
//! open-addressing hash table), indexes (key → increasing row list), FACT and EMIT,
//! and the end-of-round merge that makes pending tuples the next delta.

use super::dense::{bitmap_lookup, maybe_densify};
use super::memory::{Arg, detail, emit_fail};
use super::probe::{probe_entries, probe_free};
use super::values::{copy_known, differs, equal_known, hash_known};
use crate::abi::*;
use crate::builder::{CallExt, FnBuilder, alloc_table, field, loop_end, loop_start, m32, m64};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// Sets `rowsz` to the byte size of a row of the set at local `s`.
fn row_size(f: &mut FnBuilder, s: u32, rowsz: u32) {
    field(f, s, SET_ARITY);
    f.ins()
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .local_set(rowsz);
}

/// Pushes `base + index * size` for three locals.
fn element(f: &mut FnBuilder, base: u32, index: u32, size: u32) {
    f.ins()
        .local_get(base)
        .local_get(index)
        .local_get(size)
        .i32_mul()
        .i32_add();
}

/// `SetInsert(arity)`: probes the set's table for the tuple whose hash (`Hash` of its
/// values) the caller passes, comparing unrolled for the arity; a new tuple is appended
/// as a row and its table entry keeps the hash, so growing the table never re-reads rows.
pub(super) fn set_insert(m: &mut Registry<'_>, n: u32, arity: u32) -> Function {
    let (s, tup, h) = (0, 1, 2);
    let grow = m.rt(Helper::SetGrow);
    let alloc = m.rt(Helper::Alloc);
    let mut f = FnBuilder::new(n);
    let [rowsz, i, e, r1, len, cap, nr, mask] = [(); 8].map(|_| f.local(ValType::I32));
    let in_bitmap = f.local(ValType::I32);
    let dense = arity <= 2 && m.dense;
    f.ins()
        .i32_const((arity * VALUE_SIZE) as i32)
        .local_set(rowsz);
    if dense {
        maybe_densify(m, &mut f, s);
        f.ins().block(BlockType::Empty);
        bitmap_lookup(&mut f, s, tup, arity, in_bitmap);
    }
    field(&mut f, s, SET_LEN);
    f.ins().i32_const(1).i32_add().i32_const(1).i32_shl();
    field(&mut f, s, SET_TCAP);
    f.ins()
        .i32_gt_u()
        .if_(BlockType::Empty)
        .local_get(s)
        .call_fn(grow)
        .end();
    field(&mut f, s, SET_TCAP);
    f.ins().i32_const(1).i32_sub().local_set(mask);
    f.ins().local_get(h).local_get(mask).i32_and().local_set(i);
    probe_entries(
        &mut f,
        |f| field(f, s, SET_TBL),
        |f| {
            f.ins().local_get(mask);
        },
        8,
        [i, e, r1, h],
        |f| {
            f.ins()
                .local_get(s)
                .i32_load(m32(SET_ROWS))
                .local_get(r1)
                .i32_const(1)
                .i32_sub()
                .local_get(rowsz)
                .i32_mul()
                .i32_add()
                .local_set(nr);
            equal_known(f, nr, tup, arity);
            f.ins().if_(BlockType::Empty).i32_const(-1).return_().end();
        },
    );
    if dense {
        f.ins().end();
    }
    field(&mut f, s, SET_LEN);
    f.ins().local_set(len);
    field(&mut f, s, SET_CAP);
    // A full row array doubles (plus 8). When it is the last allocation, it grows where
    // it is: the allocator hands out the bytes right after it, and no row is copied.
    f.ins()
        .local_tee(cap)
        .local_get(len)
        .i32_eq()
        .if_(BlockType::Empty)
        .local_get(s)
        .i32_load(m32(SET_ROWS))
        .local_get(cap)
        .local_get(rowsz)
        .i32_mul()
        .i32_add()
        .global_get(Global::Heap.index())
        .i32_eq()
        .if_(BlockType::Empty)
        .local_get(cap)
        .i32_const(8)
        .i32_add()
        .local_get(rowsz)
        .i32_mul()
        .call_fn(alloc)
        .drop()
        .else_()
        .local_get(cap)
        .i32_const(1)
        .i32_shl()
        .i32_const(8)
        .i32_add()
        .local_get(rowsz)
        .i32_mul()
        .call_fn(alloc)
        .local_tee(nr)
        .local_get(s)
        .i32_load(m32(SET_ROWS))
        .local_get(len)
        .local_get(rowsz)
        .i32_mul()
        .memory_copy(0, 0)
        .local_get(s)
        .local_get(nr)
        .i32_store(m32(SET_ROWS))
        .end()
        .local_get(s)
        .local_get(cap)
        .i32_const(1)
        .i32_shl()
        .i32_const(8)
        .i32_add()
        .i32_store(m32(SET_CAP))
        .end()
        .local_get(s)
        .i32_load(m32(SET_ROWS))
        .local_get(len)
        .local_get(rowsz)
        .i32_mul()
        .i32_add()
        .local_set(nr);
    copy_known(&mut f, nr, tup, arity * VALUE_SIZE);
    if dense {
        f.ins().local_get(in_bitmap).i32_eqz().if_(BlockType::Empty);
    }
    f.ins()
        .local_get(e)
        .local_get(h)
        .i32_store(m32(0))
        .local_get(e)
        .local_get(len)
        .i32_const(1)
        .i32_add()
        .i32_store(m32(4));
    if dense {
        f.ins().end();
    }
    f.ins()
        .local_get(s)
        .local_get(len)
        .i32_const(1)
        .i32_add()
        .i32_store(m32(SET_LEN))
        .local_get(len);
    f.finish()
}

/// `SetGrow` (`tbl`/`tcap` the set's table fields, 8-byte entries) or `IndexGrow`
/// (the index's, [`ENTRY_SIZE`]): doubles the table, filing each entry again by the
/// hash it keeps.
pub(super) fn table_grow(
    m: &mut Registry<'_>,
    n: u32,
    (tbl_at, cap_at): (u32, u32),
    stride: u32,
) -> Function {
    let d = 0;
    let mut f = FnBuilder::new(n);
    let [cap, oldcap, tbl, old, i, e, h, slot] = [(); 8].map(|_| f.local(ValType::I32));
    field(&mut f, d, tbl_at);
    f.ins().local_set(old);
    field(&mut f, d, cap_at);
    f.ins()
        .local_tee(oldcap)
        .i32_const(1)
        .i32_shl()
        .i32_const(16)
        .local_get(oldcap)
        .select()
        .local_set(cap);
    alloc_table(m, &mut f, cap, stride, tbl);
    loop_start(&mut f, i, oldcap);
    f.ins()
        .local_get(old)
        .local_get(i)
        .i32_const(stride as i32)
        .i32_mul()
        .i32_add()
        .local_tee(e)
        .i32_load(m32(4))
        .if_(BlockType::Empty);
    field(&mut f, e, 0);
    f.ins().local_set(h);
    probe_free(&mut f, tbl, cap, h, stride, slot);
    for word in (0..stride).step_by(8) {
        f.ins()
            .local_get(slot)
            .local_get(e)
            .i64_load(m64(word))
            .i64_store(m64(word));
    }
    f.ins().end();
    loop_end(&mut f, i);
    f.ins()
        .local_get(d)
        .local_get(tbl)
        .i32_store(m32(tbl_at))
        .local_get(d)
        .local_get(cap)
        .i32_store(m32(cap_at));
    f.finish()
}

/// Probes index `ix` for the key at `key` (with columns `kcols`, 0 = contiguous) whose
/// hash is `h`; leaves the entry address in `e`, its row list in `list` (0 when the
/// key is absent: `e` is then the free entry). `rows`/`rowsz` describe the relation.
#[allow(clippy::too_many_arguments)]
fn probe_key(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    ix: u32,
    (key, kcols): (u32, u32),
    (rows, rowsz): (u32, u32),
    h: u32,
    e: u32,
    list: u32,
) {
    let equal = m.rt(Helper::Equal);
    let row_size = |f: &mut FnBuilder| {
        f.ins().local_get(rowsz);
    };
    probe_index_rows(f, ix, h, (rows, row_size), [e, list], |f| {
        field(f, ix, IDX_COLS);
        f.ins().local_get(key).local_get(kcols);
        field(f, ix, IDX_NCOLS);
        f.ins().call_fn(equal).br_if(2);
    });
}

/// Emits the probe of the table of the index at local `ix` for hash `h`: at each entry
/// with that hash it leaves the entry's address in `e` and its row list in `list`,
/// pushes the address of the list's first row (`rows` plus its id times the row size
/// `row_size` pushes) and runs `on_row`, where `br_if 2` ends the probe (see
/// [`probe_entries`]). After it, `list` is 0 when no entry matched (`e` is then the
/// free entry).
fn probe_index_rows(
    f: &mut FnBuilder,
    ix: u32,
    h: u32,
    (rows, row_size): (u32, impl Fn(&mut FnBuilder)),
    [e, list]: [u32; 2],
    on_row: impl FnOnce(&mut FnBuilder),
) {
    let i = f.local(ValType::I32);
    let mask = f.local(ValType::I32);
    field(f, ix, IDX_TCAP);
    f.ins()
        .i32_const(1)
        .i32_sub()
        .local_tee(mask)
        .local_get(h)
        .i32_and()
        .local_set(i);
    probe_entries(
        f,
        |f| field(f, ix, IDX_TBL),
        |f| {
            f.ins().local_get(mask);
        },
        ENTRY_SIZE,
        [i, e, list, h],
        |f| {
            f.ins().local_get(rows).local_get(list).i32_load(m32(0));
            row_size(f);
            f.ins().i32_mul().i32_add();
            on_row(f);
        },
    );
}

pub(super) fn index_add(m: &mut Registry<'_>, n: u32) -> Function {
    let (ix, s, row) = (0, 1, 2);
    let grow = m.rt(Helper::IndexGrow);
    let hash = m.rt(Helper::Hash);
    let alloc = m.rt(Helper::Alloc);
    let mut f = FnBuilder::new(n);
    let [rowsz, rows, rowp, cols, h, e, list, len, nl] = [(); 9].map(|_| f.local(ValType::I32));
    row_size(&mut f, s, rowsz);
    field(&mut f, s, SET_ROWS);
    f.ins().local_set(rows);
    element(&mut f, rows, row, rowsz);
    f.ins().local_set(rowp);
    field(&mut f, ix, IDX_COLS);
    f.ins().local_set(cols);
    field(&mut f, ix, IDX_KEYS);
    f.ins().i32_const(1).i32_add().i32_const(1).i32_shl();
    field(&mut f, ix, IDX_TCAP);
    f.ins()
        .i32_gt_u()
        .if_(BlockType::Empty)
        .local_get(ix)
        .call_fn(grow)
        .end()
        .local_get(rowp)
        .local_get(cols);
    field(&mut f, ix, IDX_NCOLS);
    f.ins().call_fn(hash).local_set(h);
    probe_key(m, &mut f, ix, (rowp, cols), (rows, rowsz), h, e, list);
    f.ins()
        .local_get(list)
        .if_(BlockType::Empty)
        // Known key: append, doubling the list when full.
        .local_get(e)
        .i32_load(m32(8))
        .local_tee(len)
        .local_get(e)
        .i32_load(m32(12))
        .i32_eq()
        .if_(BlockType::Empty)
        .local_get(len)
        .i32_const(8)
        .i32_mul()
        .call_fn(alloc)
        .local_tee(nl)
        .local_get(list)
        .local_get(len)
        .i32_const(4)
        .i32_mul()
        .memory_copy(0, 0)
        .local_get(e)
        .local_get(nl)
        .local_tee(list)
        .i32_store(m32(4))
        .local_get(e)
        .local_get(len)
        .i32_const(1)
        .i32_shl()
        .i32_store(m32(12))
        .end()
        .local_get(list)
        .local_get(len)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .local_get(row)
        .i32_store(m32(0))
        .local_get(e)
        .local_get(len)
        .i32_const(1)
        .i32_add()
        .i32_store(m32(8))
        .return_()
        .end()
        // New key.
        .i32_const(16)
        .call_fn(alloc)
        .local_tee(list)
        .local_get(row)
        .i32_store(m32(0))
        .local_get(e)
        .local_get(h)
        .i32_store(m32(0))
        .local_get(e)
        .local_get(list)
        .i32_store(m32(4))
        .local_get(e)
        .i32_const(1)
        .i32_store(m32(8))
        .local_get(e)
        .i32_const(4)
        .i32_store(m32(12))
        .local_get(ix)
        .local_get(ix)
        .i32_load(m32(IDX_KEYS))
        .i32_const(1)
        .i32_add()
        .i32_store(m32(IDX_KEYS));
    f.finish()
}

/// `IndexProbe(ix)`: the probe of `probe_key` for index `ix` and a contiguous key,
/// with the index's descriptor, its relation's row size and its key columns known
/// when the code is generated, so the key's hash and its comparison with a row are
/// unrolled.
pub(super) fn index_probe(m: &mut Registry<'_>, n: u32, ix: u32) -> Result<Function, CodegenError> {
    let key = 0;
    let program = m.program;
    let def = program
        .indexes
        .get(ix as usize)
        .ok_or_else(|| CodegenError::InvalidIr(format!("index {ix}")))?;
    let relation = program
        .relations
        .get(def.rel.index())
        .ok_or_else(|| CodegenError::InvalidIr(format!("relation {}", def.rel.0)))?;
    if let Some(col) = def.columns.iter().find(|&&c| c >= relation.arity) {
        return Err(CodegenError::InvalidIr(format!(
            "column {col} of `{}`",
            relation.name
        )));
    }
    let mut f = FnBuilder::new(n);
    let [d, rows, h, e, list, row] = [(); 6].map(|_| f.local(ValType::I32));
    f.ins()
        .i32_const((m.layout.idxs + ix * IDX_SIZE) as i32)
        .local_tee(d)
        .i32_load(m32(IDX_TCAP))
        .i32_eqz()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end()
        .i32_const((m.layout.rels + def.rel.0 * REL_SIZE) as i32)
        .i32_load(m32(SET_ROWS))
        .local_set(rows);
    hash_known(&mut f, key, def.columns.len() as u32);
    f.ins().local_set(h);
    let row_size = |f: &mut FnBuilder| {
        f.ins().i32_const((relation.arity * VALUE_SIZE) as i32);
    };
    probe_index_rows(&mut f, d, h, (rows, row_size), [e, list], |f| {
        f.ins().local_set(row).i32_const(0);
        for (k, &col) in def.columns.iter().enumerate() {
            differs(f, (row, col * VALUE_SIZE), (key, k as u32 * VALUE_SIZE));
            f.ins().i32_or();
        }
        f.ins().i32_eqz().br_if(2);
    });
    f.ins().local_get(e).i32_const(0).local_get(list).select();
    Ok(f.finish())
}

pub(super) fn lower_bound(n: u32) -> Function {
    let (list, count, x) = (0, 1, 2);
    let mut f = FnBuilder::new(n);
    let lo = f.local(ValType::I32);
    let mid = f.local(ValType::I32);
    f.ins()
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .local_get(lo)
        .local_get(count)
        .i32_ge_u()
        .br_if(1)
        .local_get(lo)
        .local_get(count)
        .i32_add()
        .i32_const(1)
        .i32_shr_u()
        .local_tee(mid)
        .i32_const(1)
        .i32_add()
        .local_get(lo)
        .local_get(list)
        .local_get(mid)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .i32_load(m32(0))
        .local_get(x)
        .i32_lt_u()
        .select()
        .local_set(lo)
        .local_get(count)
        .local_get(mid)
        .local_get(list)
        .local_get(mid)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .i32_load(m32(0))
        .local_get(x)
        .i32_lt_u()
        .select()
        .local_set(count)
        .br(0)
        .end()
        .end()
        .local_get(lo);
    f.finish()
}

pub(super) fn index_catch_up(m: &mut Registry<'_>, n: u32) -> Function {
    let ix = 0;
    let add = m.rt(Helper::IndexAdd);
    let mut f = FnBuilder::new(n);
    let [rel, r, to] = [(); 3].map(|_| f.local(ValType::I32));
    field(&mut f, ix, IDX_REL);
    f.ins().local_set(rel);
    field(&mut f, ix, IDX_FILED);
    f.ins().local_set(r);
    field(&mut f, rel, REL_VISIBLE);
    f.ins().local_set(to);
    loop_start(&mut f, r, to);
    f.ins()
        .local_get(ix)
        .local_get(rel)
        .local_get(r)
        .call_fn(add);
    loop_end(&mut f, r);
    f.ins()
        .local_get(ix)
        .local_get(to)
        .i32_store(m32(IDX_FILED));
    f.finish()
}

/// Pushes the tuples stored and pending (the count the tuple limit applies to).
pub(super) fn tuples_held(f: &mut FnBuilder) {
    f.ins()
        .global_get(Global::Tuples.index())
        .global_get(Global::Pending.index())
        .i64_add();
}

/// Fails with E402 at `site` when `tuples + pending` (+1 for a FACT) passes the limit.
fn check_tuples(m: &mut Registry<'_>, f: &mut FnBuilder, site: u32, extra: i64) {
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
fn insert_or_return(m: &mut Registry<'_>, f: &mut FnBuilder, (rel, arity): (u32, u32), row: u32) {
    let insert = m.rt(Helper::SetInsert(arity));
    let tup = f.local(ValType::I32);
    f.ins()
        .i32_const(SCRATCH as i32)
        .local_set(tup)
        .local_get(rel)
        .local_get(tup);
    hash_known(f, tup, arity);
    f.ins()
        .call_fn(insert)
        .local_tee(row)
        .i32_const(0)
        .i32_lt_s()
        .if_(BlockType::Empty)
        .return_()
        .end();
}

/// Makes rows `from..to` (locals) of the relation at local `rel` visible (the indexes
/// file them before a round that reads them); adds their number to the stored tuples.
fn publish(f: &mut FnBuilder, rel: u32, from: u32, to: u32) {
    f.ins()
        .local_get(rel)
        .local_get(to)
        .i32_store(m32(REL_VISIBLE))
        .global_get(Global::Tuples.index())
        .local_get(to)
        .local_get(from)
        .i32_sub()
        .i64_extend_i32_u()
        .i64_add()
        .global_set(Global::Tuples.index());
}

pub(super) fn fact(m: &mut Registry<'_>, n: u32, arity: u32) -> Function {
    let (rel, site) = (0, 1);
    let mut f = FnBuilder::new(n);
    let [row, end] = [(); 2].map(|_| f.local(ValType::I32));
    insert_or_return(m, &mut f, (rel, arity), row);
    check_tuples(m, &mut f, site, 1);
    f.ins().local_get(row).i32_const(1).i32_add().local_set(end);
    publish(&mut f, rel, row, end);
    f.finish()
}

pub(super) fn emit(m: &mut Registry<'_>, n: u32, arity: u32) -> Function {
    let (rel, site) = (0, 1);
    let mut f = FnBuilder::new(n);
    let row = f.local(ValType::I32);
    insert_or_return(m, &mut f, (rel, arity), row);
    f.ins()
        .global_get(Global::Pending.index())
        .i64_const(1)
        .i64_add()
        .global_set(Global::Pending.index());
    check_tuples(m, &mut f, site, 0);
    f.finish()
}

pub(super) fn merge(n: u32) -> Function {
    let rel = 0;
    let mut f = FnBuilder::new(n);
    let [start, end] = [(); 2].map(|_| f.local(ValType::I32));
    field(&mut f, rel, REL_VISIBLE);
    f.ins().local_set(start);
    field(&mut f, rel, SET_LEN);
    f.ins().local_set(end);
    publish(&mut f, rel, start, end);
    f.ins()
        .local_get(rel)
        .local_get(start)
        .i32_store(m32(REL_RECENT_START))
        .local_get(rel)
        .local_get(end)
        .i32_store(m32(REL_RECENT_END))
        .local_get(start)
        .local_get(end)
        .i32_ne();
    f.finish()
}

pub(super) fn merge_all(m: &mut Registry<'_>, n: u32) -> Function {
    let merge = m.rt(Helper::Merge);
    let rels = m.layout.rels;
    let count = m.program.relations.len() as u32;
    let mut f = FnBuilder::new(n);
    let changed = f.local(ValType::I32);
    for r in 0..count {
        f.ins()
            .i32_const((rels + r * REL_SIZE) as i32)
            .call_fn(merge)
            .local_get(changed)
            .i32_or()
            .local_set(changed);
    }
    f.ins()
        .i64_const(0)
        .global_set(Global::Pending.index())
        .local_get(changed);
    f.finish()
}

pub(super) fn settle(m: &mut Registry<'_>, n: u32) -> Function {
    let rels = m.layout.rels;
    let count = m.program.relations.len() as u32;
    let mut f = FnBuilder::new(n);
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
