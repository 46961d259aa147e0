//! Tuple sets: rows stored flat and only appended, deduplicated by an
//! open-addressing table whose entries keep each tuple's hash (see `ABI.md`); a set
//! of one or two Int columns may also keep a bitmap (`dense.rs`).

use super::dense::{bitmap_lookup, maybe_densify};
use super::hash_table::probe_entries;
use super::values::{copy_known, equal_known};
use crate::abi::*;
use crate::builder::{CallExt, FnBuilder, field, m32};
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

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
