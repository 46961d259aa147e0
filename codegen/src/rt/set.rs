//! Tuple sets: rows stored flat and only appended, deduplicated by an
//! open-addressing table whose entries keep each tuple's hash (see `ABI.md`); a set
//! of one or two Int columns may also keep a bitmap (`dense.rs`).

use super::dense::{OnBit, bitmap_lookup, maybe_densify};
use super::hash_table::probe_entries;
use super::values::{copy_known, equal_known, hash_known};
use crate::abi::*;
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, field, m32};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// `SetInsert(arity)`: probes the set's table for the tuple whose hash (`Hash` of its
/// values) the caller passes, comparing unrolled for the arity (unless `claimed`: the
/// caller set the tuple's bit in the set's bitmap, and only its row is appended); a new tuple is appended
/// as a row and its table entry keeps the hash, so growing the table never re-reads rows.
pub(super) fn set_insert(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    arity: u32,
) -> Result<Function, CodegenError> {
    let [s, tup, h, claimed] = f.params();
    let grow = m.rt(Helper::SetGrow);
    let [rowsz, i, e, r1, len, cap, nr, mask, want] = [(); 9].map(|_| f.local(ValType::I32));
    let in_bitmap = f.local(ValType::I32);
    let dense = arity <= 2 && m.dense;
    f.ins().i32_const((arity * VALUE_SIZE) as i32).set(rowsz);
    if dense {
        // A tuple whose bit the caller set (`Queue`) is new: only its row is missing.
        f.ins()
            .block(BlockType::Empty)
            .get(claimed)
            .if_(BlockType::Empty)
            .i32_const(1)
            .set(in_bitmap)
            .br(1)
            .end();
        maybe_densify(m, &mut f, s);
        bitmap_lookup(&mut f, s, tup, arity, OnBit::Insert(in_bitmap));
    }
    field(&mut f, s, SET_LEN);
    f.ins().i32_const(1).i32_add().i32_const(1).i32_shl();
    field(&mut f, s, SET_TCAP);
    f.ins()
        .i32_gt_u()
        .if_(BlockType::Empty)
        .get(s)
        .i32_const(0)
        .call_fn(grow)
        .end();
    field(&mut f, s, SET_TCAP);
    f.ins().i32_const(1).i32_sub().set(mask);
    f.ins().get(h).get(mask).i32_and().set(i);
    probe_row(&mut f, s, tup, arity, [mask, i, e, r1, h], [rowsz, nr], -1);
    if dense {
        f.ins().end();
    }
    field(&mut f, s, SET_LEN);
    f.ins().set(len);
    // A full row array doubles (plus 8).
    field(&mut f, s, SET_CAP);
    f.ins().tee(cap).get(len).i32_eq().if_(BlockType::Empty);
    f.ins()
        .get(cap)
        .i32_const(1)
        .i32_shl()
        .i32_const(8)
        .i32_add()
        .set(want);
    grow_rows(m, &mut f, s, [len, cap, want, rowsz, nr]);
    f.ins()
        .end()
        .get(s)
        .i32_load(m32(SET_ROWS))
        .get(len)
        .get(rowsz)
        .i32_mul()
        .i32_add()
        .set(nr);
    copy_known(&mut f, nr, tup, arity * VALUE_SIZE);
    if dense {
        f.ins().get(in_bitmap).i32_eqz().if_(BlockType::Empty);
    }
    f.ins()
        .get(e)
        .get(h)
        .i32_store(m32(0))
        .get(e)
        .get(len)
        .i32_const(1)
        .i32_add()
        .i32_store(m32(4));
    if dense {
        f.ins().end();
    }
    f.ins()
        .get(s)
        .get(len)
        .i32_const(1)
        .i32_add()
        .i32_store(m32(SET_LEN))
        .get(len);
    f.finish()
}

/// Gives the set at local `s` (rows of `rowsz` bytes, `len` of them, room for `cap`)
/// room for `want` rows (more than `cap`). When the row array is the last allocation,
/// it grows where it is: the allocator hands out the bytes right after it, and no row
/// is copied; otherwise the rows are copied to a new array (its address left in `nr`).
fn grow_rows(m: &mut Registry<'_>, f: &mut FnBuilder, s: Local, locals: [Local; 5]) {
    let [len, cap, want, rowsz, nr] = locals;
    let alloc = m.rt(Helper::Alloc);
    f.ins()
        .get(s)
        .i32_load(m32(SET_ROWS))
        .get(cap)
        .get(rowsz)
        .i32_mul()
        .i32_add()
        .global_get(Global::Heap.index())
        .i32_eq()
        .if_(BlockType::Empty)
        .get(want)
        .get(cap)
        .i32_sub()
        .get(rowsz)
        .i32_mul()
        .call_fn(alloc)
        .drop()
        .else_()
        .get(want)
        .get(rowsz)
        .i32_mul()
        .call_fn(alloc)
        .tee(nr)
        .get(s)
        .i32_load(m32(SET_ROWS))
        .get(len)
        .get(rowsz)
        .i32_mul()
        .memory_copy(0, 0)
        .get(s)
        .get(nr)
        .i32_store(m32(SET_ROWS))
        .end()
        .get(s)
        .get(want)
        .i32_store(m32(SET_CAP));
}

/// `SetReserve`: room in the set at `s` for `more` tuples past its length: a table of
/// at least twice their number of entries (the load stays at most ½ as they are
/// inserted, so it never grows meanwhile) and a row array that holds them.
pub(super) fn set_reserve(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
) -> Result<Function, CodegenError> {
    let [s, more] = f.params();
    let grow = m.rt(Helper::SetGrow);
    let [n, len, cap, rowsz, nr] = [(); 5].map(|_| f.local(ValType::I32));
    field(&mut f, s, SET_ARITY);
    f.ins().i32_const(VALUE_SIZE as i32).i32_mul().set(rowsz);
    field(&mut f, s, SET_LEN);
    f.ins().tee(len).get(more).i32_add().set(n);
    // The table: the power of two at least `2n`, when it has fewer entries.
    f.ins().get(n).i32_const(1).i32_shl();
    field(&mut f, s, SET_TCAP);
    f.ins()
        .i32_gt_u()
        .if_(BlockType::Empty)
        .get(s)
        .i32_const(1)
        .i32_const(32)
        .get(n)
        .i32_const(1)
        .i32_shl()
        .i32_const(1)
        .i32_sub()
        .i32_clz()
        .i32_sub()
        .i32_shl()
        .call_fn(grow)
        .end();
    field(&mut f, s, SET_CAP);
    f.ins().tee(cap).get(n).i32_lt_u().if_(BlockType::Empty);
    grow_rows(m, &mut f, s, [len, cap, n, rowsz, nr]);
    f.ins().end();
    f.finish()
}

/// `SetFind(arity)`: whether the set holds the tuple, by the bitmap when the tuple is
/// inside its rectangle (in a module for long runs), else by a probe of the table
/// with the tuple's hash (`Hash` of its values), comparing unrolled for the arity.
pub(super) fn set_find(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    arity: u32,
) -> Result<Function, CodegenError> {
    let [s, tup] = f.params();
    let [rowsz, i, e, r1, nr, mask, h] = [(); 7].map(|_| f.local(ValType::I32));
    f.ins().i32_const((arity * VALUE_SIZE) as i32).set(rowsz);
    if arity <= 2 && m.dense {
        bitmap_lookup(&mut f, s, tup, arity, OnBit::Find);
    }
    field(&mut f, s, SET_TCAP);
    f.ins()
        .i32_eqz()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end();
    field(&mut f, s, SET_TCAP);
    f.ins().i32_const(1).i32_sub().set(mask);
    hash_known(&mut f, tup, arity);
    f.ins().tee(h).get(mask).i32_and().set(i);
    probe_row(&mut f, s, tup, arity, [mask, i, e, r1, h], [rowsz, nr], 1);
    f.ins().i32_const(0);
    f.finish()
}

/// Sets local `nr` to the address of the row whose table entry holds `r1` (row + 1)
/// in the set at local `s` (rows of `rowsz` bytes).
/// Probes the hash table of set `s` from slot `i` (the hash `h` masked with `mask`)
/// for the row equal to the `arity` values at `tup`, and returns `found` from the
/// function when it is there; `rowsz` holds the row size, `e`, `r1` and `nr` are
/// scratch locals.
fn probe_row(
    f: &mut FnBuilder,
    s: Local,
    tup: Local,
    arity: u32,
    [mask, i, e, r1, h]: [Local; 5],
    [rowsz, nr]: [Local; 2],
    found: i32,
) {
    probe_entries(
        f,
        |f| field(f, s, SET_TBL),
        |f| {
            f.ins().get(mask);
        },
        8,
        [i, e, r1, h],
        |f| {
            row_of(f, s, r1, rowsz, nr);
            equal_known(f, nr, tup, arity);
            f.ins()
                .if_(BlockType::Empty)
                .i32_const(found)
                .return_()
                .end();
        },
    );
}

fn row_of(f: &mut FnBuilder, s: Local, r1: Local, rowsz: Local, nr: Local) {
    f.ins()
        .get(s)
        .i32_load(m32(SET_ROWS))
        .get(r1)
        .i32_const(1)
        .i32_sub()
        .get(rowsz)
        .i32_mul()
        .i32_add()
        .set(nr);
}
