//! QUERY and FOR-QUERY selection (spec §5.1, §6.2): the tuples matching a pattern,
//! sorted canonically (by rank, see `ranks`, or else a merge sort over row pointers),
//! and the output records.

use super::values::copy_words;
use crate::abi::*;
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, loop_end, loop_start, m32, m64};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// Pushes `min(local a + local b, local n)`.
fn min_sum(f: &mut FnBuilder, a: Local, b: Local, n: Local) {
    f.ins()
        .get(a)
        .get(b)
        .i32_add()
        .get(n)
        .get(a)
        .get(b)
        .i32_add()
        .get(n)
        .i32_lt_u()
        .select();
}

/// Pushes the i32 at `base + index * 4`.
fn load_at(f: &mut FnBuilder, base: Local, index: Local) {
    f.ins()
        .get(base)
        .get(index)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .i32_load(m32(0));
}

/// Where a pattern is: in a local, or at a constant address.
#[derive(Clone, Copy)]
enum At {
    Local(Local),
    Addr(u32),
}

/// Adds to local `width` the number of `?` columns (tag 0) among the `arity` values of
/// the pattern `at`, counting with local `c` (which must be 0).
fn count_unbound(f: &mut FnBuilder, at: At, arity: Local, c: Local, width: Local) {
    loop_start(f, c, arity);
    f.ins().get(width);
    is_unbound(f, at, c);
    f.ins().i32_add().set(width);
    loop_end(f, c);
}

/// Pushes whether column `c` (a local) of the pattern `at` is `?` (tag 0).
fn is_unbound(f: &mut FnBuilder, at: At, c: Local) {
    match at {
        At::Local(pattern) => f.ins().get(pattern),
        At::Addr(addr) => f.ins().i32_const(addr as i32),
    };
    f.ins()
        .get(c)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add()
        .i32_load(m32(0))
        .i32_eqz();
}

/// `dst[k] = src[from]; from += 1` (i32 elements).
fn take_next(f: &mut FnBuilder, dst: Local, k: Local, src: Local, from: Local) {
    f.ins().get(dst).get(k).i32_const(4).i32_mul().i32_add();
    load_at(f, src, from);
    f.ins()
        .i32_store(m32(0))
        .get(from)
        .i32_const(1)
        .i32_add()
        .set(from);
}

pub(super) fn sort(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [ptrs, count, width] = f.params();
    let alloc = m.rt(Helper::Alloc);
    let cmp = m.rt(Helper::CmpVals);
    let [src, dst, w, w2, i, mid, hi, a, b, k, take] = [(); 11].map(|_| f.local(ValType::I32));
    f.ins()
        .get(ptrs)
        .set(src)
        .get(count)
        .i32_const(4)
        .i32_mul()
        .call_fn(alloc)
        .set(dst)
        .i32_const(1)
        .set(w);
    loop_start(&mut f, w, count);
    f.ins()
        .get(w)
        .i32_const(1)
        .i32_shl()
        .set(w2)
        .i32_const(0)
        .set(i);
    loop_start(&mut f, i, count);
    min_sum(&mut f, i, w, count);
    f.ins().tee(mid).set(b);
    min_sum(&mut f, i, w2, count);
    f.ins().set(hi).get(i).tee(a).set(k);
    loop_start(&mut f, k, hi);
    f.ins()
        .get(a)
        .get(mid)
        .i32_lt_u()
        .if_(BlockType::Result(ValType::I32))
        .get(b)
        .get(hi)
        .i32_ge_u()
        .if_(BlockType::Result(ValType::I32))
        .i32_const(1)
        .else_();
    load_at(&mut f, src, a);
    load_at(&mut f, src, b);
    f.ins()
        .get(width)
        .call_fn(cmp)
        .i32_const(0)
        .i32_le_s()
        .end()
        .else_()
        .i32_const(0)
        .end()
        .tee(take)
        .if_(BlockType::Empty);
    take_next(&mut f, dst, k, src, a);
    f.ins().else_();
    take_next(&mut f, dst, k, src, b);
    f.ins().end();
    loop_end(&mut f, k);
    // Next pair of runs: i += 2w (loop_end adds 1, so add 2w - 1 first).
    f.ins()
        .get(i)
        .get(w2)
        .i32_add()
        .i32_const(1)
        .i32_sub()
        .set(i);
    loop_end(&mut f, i);
    // Swap the buffers; double the run width (loop_end adds 1: add w - 1 first).
    f.ins()
        .get(src)
        .get(dst)
        .set(src)
        .set(dst)
        .get(w)
        .i32_const(1)
        .i32_sub()
        .get(w)
        .i32_add()
        .set(w);
    loop_end(&mut f, w);
    f.ins()
        .get(src)
        .get(ptrs)
        .i32_ne()
        .if_(BlockType::Empty)
        .get(ptrs)
        .get(src)
        .get(count)
        .i32_const(4)
        .i32_mul()
        .memory_copy(0, 0)
        .end();
    f.finish()
}

/// Sets local `row` to the address of row `r` of the table at `rows` (rows of
/// `arity` values), then local `ok` to whether that row equals the pattern at local
/// `pattern` in every non-`?` column (canonical values: equal bits), counting columns
/// with local `c`; `j` and `pc` are scratch locals.
pub(super) fn match_row(
    f: &mut FnBuilder,
    pattern: Local,
    [rows, r, row]: [Local; 3],
    arity: Local,
    [c, j, pc, ok]: [Local; 4],
) {
    f.ins()
        .get(rows)
        .get(r)
        .get(arity)
        .i32_mul()
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add()
        .set(row);
    f.ins().i32_const(1).set(ok).i32_const(0).set(c);
    loop_start(f, c, arity);
    // pc = pattern + c * 16; a non-`?` column must be equal (canonical values: bitwise).
    f.ins()
        .get(pattern)
        .get(c)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .tee(j)
        .i32_add()
        .tee(pc)
        .i32_load(m32(0))
        .if_(BlockType::Empty)
        .get(pc)
        .i32_load(m32(0))
        .get(row)
        .get(j)
        .i32_add()
        .i32_load(m32(0))
        .i32_ne()
        .get(pc)
        .i64_load(m64(8))
        .get(row)
        .get(j)
        .i32_add()
        .i64_load(m64(8))
        .i64_ne()
        .i32_or()
        .if_(BlockType::Empty)
        .i32_const(0)
        .set(ok)
        .end()
        .end();
    loop_end(f, c);
}

// `Snapshot` stores a count and then an address: an output record's count and rows.
const _: () = assert!(OUT_ROWS == OUT_COUNT + 4);

pub(super) fn snapshot(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [rel, pattern, project, out] = f.params();
    let alloc = m.rt(Helper::Alloc);
    let sort = m.rt(Helper::Sort);
    let ranked = m.rt(Helper::SortRanked);
    let dense = m.dense.then(|| m.rt(Helper::SortDense));
    let set_sorted = m.dense.then(|| m.rt(Helper::SetSorted));
    let [
        arity,
        rows,
        len,
        width,
        wsz,
        fin,
        buf,
        ptrs,
        count,
        r,
        row,
        c,
        j,
        ok,
        dst,
        pc,
        from,
        free,
        sorted,
    ] = [(); 19].map(|_| f.local(ValType::I32));
    f.ins()
        .get(rel)
        .i32_load(m32(SET_ARITY))
        .set(arity)
        .get(rel)
        .i32_load(m32(SET_ROWS))
        .set(rows)
        .get(rel)
        .i32_load(m32(REL_VISIBLE))
        .set(len);
    count_unbound(&mut f, At::Local(pattern), arity, c, free);
    f.ins()
        .get(free)
        .get(arity)
        .get(project)
        .select()
        .tee(width)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .set(wsz);
    f.ins()
        .get(len)
        .get(wsz)
        .i32_mul()
        .call_fn(alloc)
        .set(buf)
        .get(len)
        .set(count)
        // Every column `?`: every visible row, as it is. A dense answer (in a module
        // for long runs) is written in order from the set's bitmap when it holds every
        // row, else from the set's rows through a new one; else, one copy.
        .get(free)
        .get(arity)
        .i32_eq()
        .if_(BlockType::Empty);
    if let (Some(dense), Some(set_sorted)) = (dense, set_sorted) {
        f.ins()
            .get(rel)
            .get(buf)
            .get(len)
            .call_fn(set_sorted)
            .if_(BlockType::Result(ValType::I32))
            .i32_const(1)
            .else_()
            .get(rows)
            .get(buf)
            .get(len)
            .get(width)
            .call_fn(dense)
            .end()
            .tee(sorted)
            .i32_eqz()
            .if_(BlockType::Empty);
    }
    f.ins()
        .get(buf)
        .get(rows)
        .get(len)
        .get(wsz)
        .i32_mul()
        .memory_copy(0, 0);
    if dense.is_some() {
        f.ins().end();
    }
    f.ins().else_().i32_const(0).set(count);
    loop_start(&mut f, r, len);
    match_row(&mut f, pattern, [rows, r, row], arity, [c, j, pc, ok]);
    f.ins()
        .get(ok)
        .if_(BlockType::Empty)
        .get(buf)
        .get(count)
        .get(wsz)
        .i32_mul()
        .i32_add()
        .set(dst)
        .get(project)
        .if_(BlockType::Empty)
        .i32_const(0)
        .set(j)
        .i32_const(0)
        .set(c);
    loop_start(&mut f, c, arity);
    is_unbound(&mut f, At::Local(pattern), c);
    f.ins()
        .if_(BlockType::Empty)
        .get(dst)
        .get(j)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add()
        .set(pc)
        .get(row)
        .get(c)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add()
        .set(from);
    for word in [0, 8] {
        f.ins()
            .get(pc)
            .get(from)
            .i64_load(m64(word))
            .i64_store(m64(word));
    }
    f.ins().get(j).i32_const(1).i32_add().set(j).end();
    loop_end(&mut f, c);
    f.ins().else_();
    copy_words(&mut f, dst, row, wsz, j);
    f.ins()
        .end()
        .get(count)
        .i32_const(1)
        .i32_add()
        .set(count)
        .end();
    loop_end(&mut f, r);
    f.ins().end();
    // Sorted already, or in place through a bitmap when the rows are many dense
    // Ints (in a module for long runs; tried above if every column is `?`), else by
    // rank when every value has one, else by comparing values through pointers
    // (then copied back).
    if let Some(dense) = dense {
        f.ins()
            .get(sorted)
            .if_(BlockType::Result(ValType::I32))
            .i32_const(1)
            .else_()
            .get(free)
            .get(arity)
            .i32_ne()
            .if_(BlockType::Result(ValType::I32))
            .get(buf)
            .get(buf)
            .get(count)
            .get(width)
            .call_fn(dense)
            .else_()
            .i32_const(0)
            .end()
            .if_(BlockType::Result(ValType::I32))
            .i32_const(1)
            .else_();
    }
    f.ins().get(buf).get(count).get(width).call_fn(ranked);
    if dense.is_some() {
        f.ins().end().end();
    }
    f.ins()
        .i32_eqz()
        .if_(BlockType::Empty)
        .get(count)
        .i32_const(4)
        .i32_mul()
        .call_fn(alloc)
        .set(ptrs)
        .i32_const(0)
        .set(r);
    loop_start(&mut f, r, count);
    f.ins()
        .get(ptrs)
        .get(r)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .get(buf)
        .get(r)
        .get(wsz)
        .i32_mul()
        .i32_add()
        .i32_store(m32(0));
    loop_end(&mut f, r);
    f.ins()
        .get(ptrs)
        .get(count)
        .get(width)
        .call_fn(sort)
        .get(count)
        .get(wsz)
        .i32_mul()
        .call_fn(alloc)
        .set(fin)
        .i32_const(0)
        .set(r);
    loop_start(&mut f, r, count);
    f.ins().get(fin).get(r).get(wsz).i32_mul().i32_add();
    load_at(&mut f, ptrs, r);
    f.ins().get(wsz).memory_copy(0, 0);
    loop_end(&mut f, r);
    f.ins()
        .get(buf)
        .get(fin)
        .get(count)
        .get(wsz)
        .i32_mul()
        .memory_copy(0, 0)
        .end();
    // Free the work buffers: nothing else was allocated after `buf`.
    f.ins()
        .get(buf)
        .get(count)
        .get(wsz)
        .i32_mul()
        .i32_add()
        .global_set(Global::Heap.index())
        .get(out)
        .get(count)
        .i32_store(m32(0))
        .get(out)
        .get(buf)
        .i32_store(m32(4));
    f.finish()
}

pub(super) fn out_push(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [rec] = f.params();
    let alloc = m.rt(Helper::Alloc);
    let (ptr, len, cap) = (
        Global::OutPtr.index(),
        Global::OutLen.index(),
        Global::OutCap.index(),
    );
    let new = f.local(ValType::I32);
    f.ins()
        .global_get(len)
        .global_get(cap)
        .i32_eq()
        .if_(BlockType::Empty)
        .global_get(cap)
        .i32_const(1)
        .i32_shl()
        .i32_const(8)
        .i32_add()
        .global_set(cap)
        .global_get(cap)
        .i32_const(4)
        .i32_mul()
        .call_fn(alloc)
        .tee(new)
        .global_get(ptr)
        .global_get(len)
        .i32_const(4)
        .i32_mul()
        .memory_copy(0, 0)
        .get(new)
        .global_set(ptr)
        .end()
        .global_get(ptr)
        .global_get(len)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .get(rec)
        .i32_store(m32(0))
        .global_get(len)
        .i32_const(1)
        .i32_add()
        .global_set(len);
    f.finish()
}

pub(super) fn out_result(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [t, p] = f.params();
    let alloc = m.rt(Helper::Alloc);
    let push = m.rt(Helper::OutPush);
    let rec = f.local(ValType::I32);
    f.ins()
        .i32_const(32)
        .call_fn(alloc)
        .tee(rec)
        .i32_const(0)
        .i32_store(m32(OUT_KIND))
        .get(rec)
        .get(t)
        .i32_store(m32(OUT_VALUE))
        .get(rec)
        .get(p)
        .i64_store(m64(OUT_VALUE + 8))
        .get(rec)
        .call_fn(push);
    f.finish()
}

pub(super) fn out_query(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [rel, rel_id] = f.params();
    let alloc = m.rt(Helper::Alloc);
    let snapshot = m.rt(Helper::Snapshot);
    let push = m.rt(Helper::OutPush);
    let [rec, arity, c, width] = [(); 4].map(|_| f.local(ValType::I32));
    f.ins()
        .get(rel)
        .i32_load(m32(SET_ARITY))
        .tee(arity)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_const(OUT_ARGS as i32)
        .i32_add()
        .call_fn(alloc)
        .tee(rec)
        .i32_const(OUT_ARGS as i32)
        .i32_add()
        .i32_const(SCRATCH as i32)
        .get(arity)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .memory_copy(0, 0);
    count_unbound(&mut f, At::Addr(SCRATCH), arity, c, width);
    f.ins()
        .get(rec)
        .i32_const(1)
        .i32_store(m32(OUT_KIND))
        .get(rec)
        .get(rel_id)
        .i32_store(m32(OUT_REL))
        .get(rec)
        .get(arity)
        .i32_store(m32(OUT_ARITY))
        .get(rec)
        .get(width)
        .i32_store(m32(OUT_WIDTH))
        .get(rel)
        .get(rec)
        .i32_const(OUT_ARGS as i32)
        .i32_add()
        .i32_const(1)
        .get(rec)
        .i32_const(OUT_COUNT as i32)
        .i32_add()
        .call_fn(snapshot)
        .get(rec)
        .call_fn(push);
    f.finish()
}
