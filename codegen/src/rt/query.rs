//! QUERY and FOR-QUERY selection (spec §5.1, §6.2): the tuples matching a pattern,
//! sorted canonically (by rank, see `ranks`, or else a merge sort over row pointers),
//! and the output records.

use super::values::copy_words;
use crate::abi::*;
use crate::builder::{CallExt, FnBuilder, loop_end, loop_start, m32, m64};
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// Pushes `min(local a + local b, local n)`.
fn min_sum(f: &mut FnBuilder, a: u32, b: u32, n: u32) {
    f.ins()
        .local_get(a)
        .local_get(b)
        .i32_add()
        .local_get(n)
        .local_get(a)
        .local_get(b)
        .i32_add()
        .local_get(n)
        .i32_lt_u()
        .select();
}

/// Pushes the i32 at `base + index * 4`.
fn load_at(f: &mut FnBuilder, base: u32, index: u32) {
    f.ins()
        .local_get(base)
        .local_get(index)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .i32_load(m32(0));
}

/// Where a pattern is: in a local, or at a constant address.
#[derive(Clone, Copy)]
enum At {
    Local(u32),
    Addr(u32),
}

/// Adds to local `width` the number of `?` columns (tag 0) among the `arity` values of
/// the pattern `at`, counting with local `c` (which must be 0).
fn count_unbound(f: &mut FnBuilder, at: At, arity: u32, c: u32, width: u32) {
    loop_start(f, c, arity);
    f.ins().local_get(width);
    is_unbound(f, at, c);
    f.ins().i32_add().local_set(width);
    loop_end(f, c);
}

/// Pushes whether column `c` (a local) of the pattern `at` is `?` (tag 0).
fn is_unbound(f: &mut FnBuilder, at: At, c: u32) {
    match at {
        At::Local(pattern) => f.ins().local_get(pattern),
        At::Addr(addr) => f.ins().i32_const(addr as i32),
    };
    f.ins()
        .local_get(c)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add()
        .i32_load(m32(0))
        .i32_eqz();
}

/// `dst[k] = src[from]; from += 1` (i32 elements).
fn take_next(f: &mut FnBuilder, dst: u32, k: u32, src: u32, from: u32) {
    f.ins()
        .local_get(dst)
        .local_get(k)
        .i32_const(4)
        .i32_mul()
        .i32_add();
    load_at(f, src, from);
    f.ins()
        .i32_store(m32(0))
        .local_get(from)
        .i32_const(1)
        .i32_add()
        .local_set(from);
}

pub(super) fn sort(m: &mut Registry<'_>, n: u32) -> Function {
    let (ptrs, count, width) = (0, 1, 2);
    let alloc = m.rt(Helper::Alloc);
    let cmp = m.rt(Helper::CmpVals);
    let mut f = FnBuilder::new(n);
    let [src, dst, w, w2, i, mid, hi, a, b, k, take] = [(); 11].map(|_| f.local(ValType::I32));
    f.ins()
        .local_get(ptrs)
        .local_set(src)
        .local_get(count)
        .i32_const(4)
        .i32_mul()
        .call_fn(alloc)
        .local_set(dst)
        .i32_const(1)
        .local_set(w);
    loop_start(&mut f, w, count);
    f.ins()
        .local_get(w)
        .i32_const(1)
        .i32_shl()
        .local_set(w2)
        .i32_const(0)
        .local_set(i);
    loop_start(&mut f, i, count);
    min_sum(&mut f, i, w, count);
    f.ins().local_tee(mid).local_set(b);
    min_sum(&mut f, i, w2, count);
    f.ins().local_set(hi).local_get(i).local_tee(a).local_set(k);
    loop_start(&mut f, k, hi);
    f.ins()
        .local_get(a)
        .local_get(mid)
        .i32_lt_u()
        .if_(BlockType::Result(ValType::I32))
        .local_get(b)
        .local_get(hi)
        .i32_ge_u()
        .if_(BlockType::Result(ValType::I32))
        .i32_const(1)
        .else_();
    load_at(&mut f, src, a);
    load_at(&mut f, src, b);
    f.ins()
        .local_get(width)
        .call_fn(cmp)
        .i32_const(0)
        .i32_le_s()
        .end()
        .else_()
        .i32_const(0)
        .end()
        .local_tee(take)
        .if_(BlockType::Empty);
    take_next(&mut f, dst, k, src, a);
    f.ins().else_();
    take_next(&mut f, dst, k, src, b);
    f.ins().end();
    loop_end(&mut f, k);
    // Next pair of runs: i += 2w (loop_end adds 1, so add 2w - 1 first).
    f.ins()
        .local_get(i)
        .local_get(w2)
        .i32_add()
        .i32_const(1)
        .i32_sub()
        .local_set(i);
    loop_end(&mut f, i);
    // Swap the buffers; double the run width (loop_end adds 1: add w - 1 first).
    f.ins()
        .local_get(src)
        .local_get(dst)
        .local_set(src)
        .local_set(dst)
        .local_get(w)
        .i32_const(1)
        .i32_sub()
        .local_get(w)
        .i32_add()
        .local_set(w);
    loop_end(&mut f, w);
    f.ins()
        .local_get(src)
        .local_get(ptrs)
        .i32_ne()
        .if_(BlockType::Empty)
        .local_get(ptrs)
        .local_get(src)
        .local_get(count)
        .i32_const(4)
        .i32_mul()
        .memory_copy(0, 0)
        .end();
    f.finish()
}

// `Snapshot` stores a count and then an address: an output record's count and rows.
const _: () = assert!(OUT_ROWS == OUT_COUNT + 4);

pub(super) fn snapshot(m: &mut Registry<'_>, n: u32) -> Function {
    let (rel, pattern, project, out) = (0, 1, 2, 3);
    let alloc = m.rt(Helper::Alloc);
    let sort = m.rt(Helper::Sort);
    let ranked = m.rt(Helper::SortRanked);
    let dense = m.dense.then(|| m.rt(Helper::SortDense));
    let set_sorted = m.dense.then(|| m.rt(Helper::SetSorted));
    let mut f = FnBuilder::new(n);
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
        .local_get(rel)
        .i32_load(m32(SET_ARITY))
        .local_set(arity)
        .local_get(rel)
        .i32_load(m32(SET_ROWS))
        .local_set(rows)
        .local_get(rel)
        .i32_load(m32(REL_VISIBLE))
        .local_set(len);
    count_unbound(&mut f, At::Local(pattern), arity, c, free);
    f.ins()
        .local_get(free)
        .local_get(arity)
        .local_get(project)
        .select()
        .local_tee(width)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .local_set(wsz);
    f.ins()
        .local_get(len)
        .local_get(wsz)
        .i32_mul()
        .call_fn(alloc)
        .local_set(buf)
        .local_get(len)
        .local_set(count)
        // Every column `?`: every visible row, as it is. A dense answer (in a module
        // for long runs) is written in order from the set's bitmap when it holds every
        // row, else from the set's rows through a new one; else, one copy.
        .local_get(free)
        .local_get(arity)
        .i32_eq()
        .if_(BlockType::Empty);
    if let (Some(dense), Some(set_sorted)) = (dense, set_sorted) {
        f.ins()
            .local_get(rel)
            .local_get(buf)
            .local_get(len)
            .call_fn(set_sorted)
            .if_(BlockType::Result(ValType::I32))
            .i32_const(1)
            .else_()
            .local_get(rows)
            .local_get(buf)
            .local_get(len)
            .local_get(width)
            .call_fn(dense)
            .end()
            .local_tee(sorted)
            .i32_eqz()
            .if_(BlockType::Empty);
    }
    f.ins()
        .local_get(buf)
        .local_get(rows)
        .local_get(len)
        .local_get(wsz)
        .i32_mul()
        .memory_copy(0, 0);
    if dense.is_some() {
        f.ins().end();
    }
    f.ins().else_().i32_const(0).local_set(count);
    loop_start(&mut f, r, len);
    f.ins()
        .local_get(rows)
        .local_get(r)
        .local_get(arity)
        .i32_mul()
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add()
        .local_set(row)
        .i32_const(1)
        .local_set(ok)
        .i32_const(0)
        .local_set(c);
    loop_start(&mut f, c, arity);
    // pc = pattern + c * 16; a non-`?` column must be equal (canonical values: bitwise).
    f.ins()
        .local_get(pattern)
        .local_get(c)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .local_tee(j)
        .i32_add()
        .local_tee(pc)
        .i32_load(m32(0))
        .if_(BlockType::Empty)
        .local_get(pc)
        .i32_load(m32(0))
        .local_get(row)
        .local_get(j)
        .i32_add()
        .i32_load(m32(0))
        .i32_ne()
        .local_get(pc)
        .i64_load(m64(8))
        .local_get(row)
        .local_get(j)
        .i32_add()
        .i64_load(m64(8))
        .i64_ne()
        .i32_or()
        .if_(BlockType::Empty)
        .i32_const(0)
        .local_set(ok)
        .end()
        .end();
    loop_end(&mut f, c);
    f.ins()
        .local_get(ok)
        .if_(BlockType::Empty)
        .local_get(buf)
        .local_get(count)
        .local_get(wsz)
        .i32_mul()
        .i32_add()
        .local_set(dst)
        .local_get(project)
        .if_(BlockType::Empty)
        .i32_const(0)
        .local_set(j)
        .i32_const(0)
        .local_set(c);
    loop_start(&mut f, c, arity);
    is_unbound(&mut f, At::Local(pattern), c);
    f.ins()
        .if_(BlockType::Empty)
        .local_get(dst)
        .local_get(j)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add()
        .local_set(pc)
        .local_get(row)
        .local_get(c)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add()
        .local_set(from);
    for word in [0, 8] {
        f.ins()
            .local_get(pc)
            .local_get(from)
            .i64_load(m64(word))
            .i64_store(m64(word));
    }
    f.ins()
        .local_get(j)
        .i32_const(1)
        .i32_add()
        .local_set(j)
        .end();
    loop_end(&mut f, c);
    f.ins().else_();
    copy_words(&mut f, dst, row, wsz, j);
    f.ins()
        .end()
        .local_get(count)
        .i32_const(1)
        .i32_add()
        .local_set(count)
        .end();
    loop_end(&mut f, r);
    f.ins().end();
    // Sorted already, or in place through a bitmap when the rows are many dense
    // Ints (in a module for long runs; tried above if every column is `?`), else by
    // rank when every value has one, else by comparing values through pointers
    // (then copied back).
    if let Some(dense) = dense {
        f.ins()
            .local_get(sorted)
            .if_(BlockType::Result(ValType::I32))
            .i32_const(1)
            .else_()
            .local_get(free)
            .local_get(arity)
            .i32_ne()
            .if_(BlockType::Result(ValType::I32))
            .local_get(buf)
            .local_get(buf)
            .local_get(count)
            .local_get(width)
            .call_fn(dense)
            .else_()
            .i32_const(0)
            .end()
            .if_(BlockType::Result(ValType::I32))
            .i32_const(1)
            .else_();
    }
    f.ins()
        .local_get(buf)
        .local_get(count)
        .local_get(width)
        .call_fn(ranked);
    if dense.is_some() {
        f.ins().end().end();
    }
    f.ins()
        .i32_eqz()
        .if_(BlockType::Empty)
        .local_get(count)
        .i32_const(4)
        .i32_mul()
        .call_fn(alloc)
        .local_set(ptrs)
        .i32_const(0)
        .local_set(r);
    loop_start(&mut f, r, count);
    f.ins()
        .local_get(ptrs)
        .local_get(r)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .local_get(buf)
        .local_get(r)
        .local_get(wsz)
        .i32_mul()
        .i32_add()
        .i32_store(m32(0));
    loop_end(&mut f, r);
    f.ins()
        .local_get(ptrs)
        .local_get(count)
        .local_get(width)
        .call_fn(sort)
        .local_get(count)
        .local_get(wsz)
        .i32_mul()
        .call_fn(alloc)
        .local_set(fin)
        .i32_const(0)
        .local_set(r);
    loop_start(&mut f, r, count);
    f.ins()
        .local_get(fin)
        .local_get(r)
        .local_get(wsz)
        .i32_mul()
        .i32_add();
    load_at(&mut f, ptrs, r);
    f.ins().local_get(wsz).memory_copy(0, 0);
    loop_end(&mut f, r);
    f.ins()
        .local_get(buf)
        .local_get(fin)
        .local_get(count)
        .local_get(wsz)
        .i32_mul()
        .memory_copy(0, 0)
        .end();
    // Free the work buffers: nothing else was allocated after `buf`.
    f.ins()
        .local_get(buf)
        .local_get(count)
        .local_get(wsz)
        .i32_mul()
        .i32_add()
        .global_set(Global::Heap.index())
        .local_get(out)
        .local_get(count)
        .i32_store(m32(0))
        .local_get(out)
        .local_get(buf)
        .i32_store(m32(4));
    f.finish()
}

pub(super) fn out_push(m: &mut Registry<'_>, n: u32) -> Function {
    let rec = 0;
    let alloc = m.rt(Helper::Alloc);
    let (ptr, len, cap) = (
        Global::OutPtr.index(),
        Global::OutLen.index(),
        Global::OutCap.index(),
    );
    let mut f = FnBuilder::new(n);
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
        .local_tee(new)
        .global_get(ptr)
        .global_get(len)
        .i32_const(4)
        .i32_mul()
        .memory_copy(0, 0)
        .local_get(new)
        .global_set(ptr)
        .end()
        .global_get(ptr)
        .global_get(len)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .local_get(rec)
        .i32_store(m32(0))
        .global_get(len)
        .i32_const(1)
        .i32_add()
        .global_set(len);
    f.finish()
}

pub(super) fn out_result(m: &mut Registry<'_>, n: u32) -> Function {
    let (t, p) = (0, 1);
    let alloc = m.rt(Helper::Alloc);
    let push = m.rt(Helper::OutPush);
    let mut f = FnBuilder::new(n);
    let rec = f.local(ValType::I32);
    f.ins()
        .i32_const(32)
        .call_fn(alloc)
        .local_tee(rec)
        .i32_const(0)
        .i32_store(m32(OUT_KIND))
        .local_get(rec)
        .local_get(t)
        .i32_store(m32(OUT_VALUE))
        .local_get(rec)
        .local_get(p)
        .i64_store(m64(OUT_VALUE + 8))
        .local_get(rec)
        .call_fn(push);
    f.finish()
}

pub(super) fn out_query(m: &mut Registry<'_>, n: u32) -> Function {
    let (rel, rel_id) = (0, 1);
    let alloc = m.rt(Helper::Alloc);
    let snapshot = m.rt(Helper::Snapshot);
    let push = m.rt(Helper::OutPush);
    let mut f = FnBuilder::new(n);
    let [rec, arity, c, width] = [(); 4].map(|_| f.local(ValType::I32));
    f.ins()
        .local_get(rel)
        .i32_load(m32(SET_ARITY))
        .local_tee(arity)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_const(OUT_ARGS as i32)
        .i32_add()
        .call_fn(alloc)
        .local_tee(rec)
        .i32_const(OUT_ARGS as i32)
        .i32_add()
        .i32_const(SCRATCH as i32)
        .local_get(arity)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .memory_copy(0, 0);
    count_unbound(&mut f, At::Addr(SCRATCH), arity, c, width);
    f.ins()
        .local_get(rec)
        .i32_const(1)
        .i32_store(m32(OUT_KIND))
        .local_get(rec)
        .local_get(rel_id)
        .i32_store(m32(OUT_REL))
        .local_get(rec)
        .local_get(arity)
        .i32_store(m32(OUT_ARITY))
        .local_get(rec)
        .local_get(width)
        .i32_store(m32(OUT_WIDTH))
        .local_get(rel)
        .local_get(rec)
        .i32_const(OUT_ARGS as i32)
        .i32_add()
        .i32_const(1)
        .local_get(rec)
        .i32_const(OUT_COUNT as i32)
        .i32_add()
        .call_fn(snapshot)
        .local_get(rec)
        .call_fn(push);
    f.finish()
}
