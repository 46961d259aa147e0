//! Direct slots of a one-column index (docs/decisions.md 191), as the interpreter's
//! (228): while every key it has filed is an Int and the keys are dense, the index's
//! table holds one entry per Int of the keys' span, entry `v - low` for key `v`
//! (its row list 0: no such key), so filing a row and probing a key are an address
//! and a load instead of a hash and a probe. The entries have the layout of a hash
//! table's ([`ENTRY_SIZE`] bytes: hash, row list, length, capacity), so whatever
//! reads an index entry (the plans, NOT, the aggregates and their memo) reads both
//! alike. A key that is not an Int, or would make the slots too sparse, gives them up
//! for good: every key is then filed in a hash table.

use super::hash_table::refile;
use super::values::hash_at;
use crate::abi::*;
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, alloc_table, field, m32, m64};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// Direct slots any one-column index may keep, however few its keys (64 KiB).
const DIRECT_MIN: i64 = 4096;
/// Direct slots an index may keep per key it has, beyond [`DIRECT_MIN`].
const DIRECT_PER_KEY: i64 = 4;
/// The most direct slots an index keeps (256 MiB): past it, a hash table is smaller.
const DIRECT_MAX: i64 = 1 << 24;
/// Keys are in direct slots only while they are within this distance of zero, so the
/// slots' arithmetic never nears an overflow.
const DIRECT_REACH: i64 = 1 << 62;

/// Pushes whether the Int `v` (an i64 local) has a slot in the direct slots of the
/// index at local `d`, leaving its position `v - low` in the i64 local `at`.
pub(super) fn has_slot(f: &mut FnBuilder, d: Local, v: Local, at: Local) {
    f.ins()
        .get(v)
        .get(d)
        .i64_load(m64(IDX_LOW))
        .i64_sub()
        .tee(at)
        .get(d)
        .i32_load(m32(IDX_TCAP))
        .i64_extend_i32_u()
        .i64_lt_u();
}

/// Pushes the address of the entry at position `at` (an i64 local that
/// [`has_slot`] checked) of the direct slots of the index at local `d`.
pub(super) fn slot_entry(f: &mut FnBuilder, d: Local, at: Local) {
    field(f, d, IDX_TBL);
    f.ins()
        .get(at)
        .i32_wrap_i64()
        .i32_const(ENTRY_SIZE as i32)
        .i32_mul()
        .i32_add();
}

/// `IndexDirectGrow`: widens the direct slots of the index `d` to take the Int key
/// `v` (which has no slot yet), as the interpreter's `Direct::set`: to the span from
/// the least to the greatest key, at least twice the slots it had, at most
/// [`DIRECT_MIN`] plus [`DIRECT_PER_KEY`] per key (counting `v`'s), grown towards
/// `v`; returns 0 (the slots unchanged) when the keys' span is past that bound, or
/// past [`DIRECT_MAX`], or `v` is past [`DIRECT_REACH`].
pub(super) fn index_direct_grow(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
) -> Result<Function, CodegenError> {
    let [d, v] = f.params();
    let [cap, n, slots] = [(); 3].map(|_| f.local(ValType::I32));
    let [low, lo, hi, span, most] = [(); 5].map(|_| f.local(ValType::I64));
    f.ins()
        .get(v)
        .i64_const(DIRECT_REACH)
        .i64_add()
        .i64_const(i64::MAX)
        .i64_gt_u()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end();
    // The slots' first key, `v` when there are none yet.
    field(&mut f, d, IDX_TCAP);
    f.ins()
        .tee(cap)
        .if_(BlockType::Result(ValType::I64))
        .get(d)
        .i64_load(m64(IDX_LOW))
        .else_()
        .get(v)
        .end()
        .set(low)
        // `lo..hi`: the slots and `v`; `most`: the slots the keys allow.
        .get(low)
        .get(v)
        .get(low)
        .get(v)
        .i64_lt_s()
        .select()
        .set(lo)
        .get(low)
        .get(cap)
        .i64_extend_i32_u()
        .i64_add()
        .tee(hi)
        .get(v)
        .i64_const(1)
        .i64_add()
        .tee(span)
        .get(hi)
        .get(span)
        .i64_gt_s()
        .select()
        .tee(hi)
        .get(lo)
        .i64_sub()
        .set(span);
    field(&mut f, d, IDX_KEYS);
    f.ins()
        .i64_extend_i32_u()
        .i64_const(1)
        .i64_add()
        .i64_const(DIRECT_PER_KEY)
        .i64_mul()
        .i64_const(DIRECT_MIN)
        .i64_add()
        .tee(most)
        .i64_const(DIRECT_MAX)
        .get(most)
        .i64_const(DIRECT_MAX)
        .i64_lt_s()
        .select()
        .set(most)
        .get(span)
        .get(most)
        .i64_gt_s()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end()
        // At least twice the slots, at most `most`.
        .get(span)
        .get(cap)
        .i64_extend_i32_u()
        .i64_const(1)
        .i64_shl()
        .tee(lo)
        .get(span)
        .get(lo)
        .i64_gt_s()
        .select()
        .tee(span)
        .get(most)
        .get(span)
        .get(most)
        .i64_lt_s()
        .select()
        .set(span)
        // Grown towards `v`: the new first key is `hi - span` when `v` is below the
        // slots, else the old one.
        .get(hi)
        .get(span)
        .i64_sub()
        .get(low)
        .get(v)
        .get(low)
        .i64_lt_s()
        .select()
        .set(lo)
        .get(span)
        .i32_wrap_i64()
        .set(n);
    alloc_table(m, &mut f, n, ENTRY_SIZE, slots);
    f.ins()
        .get(slots)
        .get(low)
        .get(lo)
        .i64_sub()
        .i32_wrap_i64()
        .i32_const(ENTRY_SIZE as i32)
        .i32_mul()
        .i32_add();
    field(&mut f, d, IDX_TBL);
    f.ins()
        .get(cap)
        .i32_const(ENTRY_SIZE as i32)
        .i32_mul()
        .memory_copy(0, 0);
    set_table(&mut f, d, slots, n);
    f.ins().get(d).get(lo).i64_store(m64(IDX_LOW)).i32_const(1);
    f.finish()
}

/// `IndexUndirect`: gives up the direct slots of the index `d`: files each key they
/// hold in a new hash table (16 entries, or the first power of two at least twice
/// the keys, so the next key does not grow it), under its hash (computed from the
/// first row of its list), and marks the index as hashed.
pub(super) fn index_undirect(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
) -> Result<Function, CodegenError> {
    let [d] = f.params();
    let [cap, tbl, old, oldcap, rel, rowp] = [(); 6].map(|_| f.local(ValType::I32));
    f.ins()
        .i32_const(16)
        .set(cap)
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .get(cap)
        .get(d)
        .i32_load(m32(IDX_KEYS))
        .i32_const(1)
        .i32_add()
        .i32_const(1)
        .i32_shl()
        .i32_ge_u()
        .br_if(1)
        .get(cap)
        .i32_const(1)
        .i32_shl()
        .set(cap)
        .br(0)
        .end()
        .end();
    alloc_table(m, &mut f, cap, ENTRY_SIZE, tbl);
    field(&mut f, d, IDX_TBL);
    f.ins().set(old);
    field(&mut f, d, IDX_TCAP);
    f.ins().set(oldcap);
    field(&mut f, d, IDX_REL);
    f.ins().set(rel);
    refile(&mut f, [old, oldcap, tbl, cap], ENTRY_SIZE, |f, e, h| {
        // The key's first row, at its column.
        f.ins()
            .get(rel)
            .i32_load(m32(SET_ROWS))
            .get(e)
            .i32_load(m32(4))
            .i32_load(m32(0))
            .get(rel)
            .i32_load(m32(SET_ARITY))
            .i32_mul()
            .get(d)
            .i32_load(m32(IDX_COLS))
            .i32_load(m32(0))
            .i32_add()
            .i32_const(VALUE_SIZE as i32)
            .i32_mul()
            .i32_add()
            .set(rowp);
        hash_at(f, rowp, [0].into_iter());
        f.ins().set(h).get(e).get(h).i32_store(m32(0));
    });
    set_table(&mut f, d, tbl, cap);
    f.ins().get(d).i32_const(0).i32_store(m32(IDX_DIRECT));
    f.finish()
}

/// Emits, for the catch-up of a one-column index at local `d` whose key column is at
/// `off` in the row at local `rowp`: while the index has direct slots, finds the
/// row's key's entry there (widening the slots for a new key) into `e`, its row list
/// into `list` (0 for a new key) and 0 into `h`, and branches `br_depth` out of the
/// code it emits (to where the caller files the row); a key the slots cannot take
/// gives them up, and the code after this files the row by hash.
pub(super) fn file_direct(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    (d, rowp, off): (Local, Local, u32),
    [e, list, h]: [Local; 3],
    br_depth: u32,
) {
    let grow = m.rt(Helper::IndexDirectGrow);
    let undirect = m.rt(Helper::IndexUndirect);
    let v = f.local(ValType::I64);
    let at = f.local(ValType::I64);
    field(f, d, IDX_DIRECT);
    f.ins()
        .if_(BlockType::Empty)
        .block(BlockType::Empty)
        .get(rowp)
        .i32_load(m32(off))
        .i32_const(TAG_INT)
        .i32_ne()
        .br_if(0)
        .get(rowp)
        .i64_load(m64(off + 8))
        .set(v);
    has_slot(f, d, v, at);
    f.ins()
        .i32_eqz()
        .if_(BlockType::Empty)
        .get(d)
        .get(v)
        .call_fn(grow)
        .i32_eqz()
        .br_if(1)
        .get(v)
        .get(d)
        .i64_load(m64(IDX_LOW))
        .i64_sub()
        .set(at)
        .end();
    slot_entry(f, d, at);
    f.ins()
        .tee(e)
        .i32_load(m32(4))
        .set(list)
        .i32_const(0)
        .set(h)
        .br(br_depth + 2)
        .end()
        .get(d)
        .call_fn(undirect)
        .end();
}

/// Emits the stores that make the table at local `tbl`, of `cap` entries, the table of
/// the index descriptor at local `d`.
fn set_table(f: &mut FnBuilder, d: Local, tbl: Local, cap: Local) {
    f.ins()
        .get(d)
        .get(tbl)
        .i32_store(m32(IDX_TBL))
        .get(d)
        .get(cap)
        .i32_store(m32(IDX_TCAP));
}
