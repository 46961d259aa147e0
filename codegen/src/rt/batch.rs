//! The emit batch: a plan with one EMIT queues the tuples it emits and looks them up
//! in the relation's dedup table 32 at a time, first loading the table entries (and
//! the rows they name) of the whole batch, so their cache misses overlap, then
//! inserting in order (as the interpreter's `Batch`, docs/decisions.md 58 and 65).
//!
//! A tuple is queued only while inserting it and every tuple queued before it, all
//! assumed new, can neither pass `max_tuples` nor grow the row array or the table:
//! a flush then never allocates and never fails, so E402 and E405 trip on the same
//! EMIT with the same counts as without batching (near a limit, or when the set must
//! grow, the batch is flushed and the tuple goes through `Emit`). Queued tuples are
//! pending, which nothing observes before the round ends. While the set's table is
//! small enough to stay in the cache (in a module for long runs: once the set has a
//! bitmap), a tuple queued with nothing before it goes through `Emit` at once
//! instead: there are no misses to overlap.

use super::dense::{OnBit, bitmap_lookup};
use super::round::{pend, tuples_held};
use super::values::{copy_known, hash_known};
use crate::abi::*;
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, field, loop_end, loop_start, m32};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// The most entries (128 KiB) of a set's table whose look-ups are taken to hit the
/// cache, so that batching them gains nothing (the interpreter's `CACHED_SLOTS`).
const CACHED_ENTRIES: u32 = 1 << 14;

/// Pushes `at + i * size` for a constant address `at`, local `i` and a constant `size`.
fn nth(f: &mut FnBuilder, at: u32, i: Local, size: u32) {
    f.ins()
        .i32_const(at as i32)
        .get(i)
        .i32_const(size as i32)
        .i32_mul()
        .i32_add();
}

pub(super) fn queue(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    arity: u32,
) -> Result<Function, CodegenError> {
    let [rel, site] = f.params();
    let batch = m.layout.batch;
    let flush = m.rt(Helper::Flush(arity));
    let emit = m.rt(Helper::Emit(arity));
    let rowsz = arity * VALUE_SIZE;
    let [k, len, dst, src] = [(); 4].map(|_| f.local(ValType::I32));
    f.ins()
        .i32_const(batch as i32)
        .i32_load(m32(BATCH_COUNT))
        .set(k);
    // Into a set with a bitmap, a tuple inside its rectangle is decided by its bit
    // (decision 188), once the tuples queued before it are in: set, the EMIT does
    // nothing; clear, the tuple is new, its row is appended and it counts as pending,
    // as `Emit` would, without a hash or a second look at the bit.
    if m.dense && arity <= 2 {
        let insert = m.rt(Helper::SetInsert(arity));
        let claimed = f.local(ValType::I32);
        f.ins().i32_const(SCRATCH as i32).set(src);
        field(&mut f, rel, SET_BITS);
        f.ins()
            .i32_const(0)
            .i32_ne()
            .get(k)
            .i32_const(0)
            .i32_ne()
            .i32_and()
            .if_(BlockType::Empty)
            .get(rel)
            .call_fn(flush)
            .i32_const(0)
            .set(k)
            .end();
        bitmap_lookup(&mut f, rel, src, arity, OnBit::Claim(claimed));
        f.ins().get(claimed).if_(BlockType::Empty);
        f.ins()
            .get(rel)
            .get(src)
            .i32_const(0)
            .i32_const(1)
            .call_fn(insert)
            .drop();
        pend(m, &mut f, site);
        f.ins().return_().end();
    }
    // A table that stays in the cache has no misses to overlap: with nothing queued,
    // the tuple goes through `Emit` at once (decision 181). Not in a module for long
    // runs, where batching every tuple measured faster, except into a set with a
    // bitmap: its table no longer grows, so the room checked below is never there,
    // and every tuple would go through an empty flush to `Emit` (decision 186).
    f.ins().get(k).i32_eqz();
    if m.dense {
        field(&mut f, rel, SET_BITS);
        f.ins().i32_const(0).i32_ne();
    } else {
        field(&mut f, rel, SET_TCAP);
        f.ins().i32_const(CACHED_ENTRIES as i32).i32_le_u();
    }
    f.ins()
        .i32_and()
        .if_(BlockType::Empty)
        .get(rel)
        .get(site)
        .call_fn(emit)
        .return_()
        .end();
    field(&mut f, rel, SET_LEN);
    f.ins().set(len);
    // Room for k + 1 more tuples under the tuple limit…
    tuples_held(&mut f);
    f.ins()
        .get(k)
        .i64_extend_i32_u()
        .i64_add()
        .i64_const(1)
        .i64_add()
        .global_get(Global::MaxTuples.index())
        .i64_le_u()
        // …in the row array…
        .get(len)
        .get(k)
        .i32_add()
        .tee(len);
    field(&mut f, rel, SET_CAP);
    f.ins().i32_lt_u().i32_and();
    // …and in the table (kept at most half full).
    f.ins()
        .get(len)
        .i32_const(1)
        .i32_add()
        .i32_const(1)
        .i32_shl();
    field(&mut f, rel, SET_TCAP);
    f.ins().i32_le_u().i32_and().if_(BlockType::Empty);
    f.ins().i32_const(SCRATCH as i32).set(src);
    nth(&mut f, batch + BATCH_TUPLES, k, rowsz);
    f.ins().set(dst);
    copy_known(&mut f, dst, src, rowsz);
    nth(&mut f, batch + BATCH_HASHES, k, 4);
    hash_known(&mut f, src, arity);
    f.ins()
        .i32_store(m32(0))
        .i32_const(batch as i32)
        .get(k)
        .i32_const(1)
        .i32_add()
        .tee(k)
        .i32_store(m32(BATCH_COUNT))
        .get(k)
        .i32_const(BATCH as i32)
        .i32_eq()
        .if_(BlockType::Empty)
        .get(rel)
        .call_fn(flush)
        .end()
        .return_()
        .end()
        .get(rel)
        .call_fn(flush)
        .get(rel)
        .get(site)
        .call_fn(emit);
    f.finish()
}

pub(super) fn flush(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    arity: u32,
) -> Result<Function, CodegenError> {
    let [rel] = f.params();
    let batch = m.layout.batch;
    let insert = m.rt(Helper::SetInsert(arity));
    let rowsz = arity * VALUE_SIZE;
    let [count, i, mask, tbl, rows, r1, sink] = [(); 7].map(|_| f.local(ValType::I32));
    f.ins()
        .i32_const(batch as i32)
        .i32_load(m32(BATCH_COUNT))
        .set(count)
        .i32_const(batch as i32)
        .i32_const(0)
        .i32_store(m32(BATCH_COUNT));
    field(&mut f, rel, SET_TCAP);
    f.ins().i32_const(1).i32_sub().set(mask);
    field(&mut f, rel, SET_TBL);
    f.ins().set(tbl);
    field(&mut f, rel, SET_ROWS);
    f.ins().set(rows);
    // Pushes the row + 1 word of the first table entry of queued tuple `i`.
    let first_entry = |f: &mut FnBuilder| {
        f.ins().get(tbl);
        nth(f, batch + BATCH_HASHES, i, 4);
        f.ins()
            .i32_load(m32(0))
            .get(mask)
            .i32_and()
            .i32_const(8)
            .i32_mul()
            .i32_add()
            .i32_load(m32(4));
    };
    // Independent loads: the table entries of the batch, then the rows they name (row 0
    // for a free entry, so the loop does not branch), folded into `sink`.
    for pass in 0..2 {
        f.ins().i32_const(0).set(i);
        loop_start(&mut f, i, count);
        first_entry(&mut f);
        if pass == 1 {
            f.ins()
                .tee(r1)
                .i32_const(1)
                .i32_sub()
                .i32_const(0)
                .get(r1)
                .select()
                .i32_const(rowsz as i32)
                .i32_mul()
                .get(rows)
                .i32_add()
                .i32_load(m32(0));
        }
        f.ins().get(sink).i32_xor().set(sink);
        loop_end(&mut f, i);
    }
    f.ins()
        .i32_const(batch as i32)
        .get(sink)
        .i32_store(m32(BATCH_SINK))
        .i32_const(0)
        .set(i);
    loop_start(&mut f, i, count);
    f.ins().get(rel);
    nth(&mut f, batch + BATCH_TUPLES, i, rowsz);
    nth(&mut f, batch + BATCH_HASHES, i, 4);
    f.ins()
        .i32_load(m32(0))
        .i32_const(0)
        .call_fn(insert)
        .i32_const(0)
        .i32_ge_s()
        .i64_extend_i32_u()
        .global_get(Global::Pending.index())
        .i64_add()
        .global_set(Global::Pending.index());
    loop_end(&mut f, i);
    f.finish()
}
