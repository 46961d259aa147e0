//! Canonical order by rank (the interpreter's `interp/query.rs` does the same): most
//! answers hold only Ints within ±2^62 and Symbols written in the program, and each
//! such value has a place in canonical order (spec §2.5) as one `u64` — an Int `i` is
//! `i + 2^62`, a written Symbol `2^63 | id` — so its rows sort as words, with an LSD
//! radix sort over the span of bits in which each column's ranks differ (one pass per
//! column for node ids below 65,536 in a large answer), instead of comparing values
//! pairwise.

use crate::abi::{TAG_INT, TAG_SYM, VALUE_SIZE};
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, loop_end, loop_start, m32, m64};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// Added to an Int to make its rank; Ints whose rank would reach [`SYMBOL_RANKS`] have none.
const INT_OFFSET: i64 = 1 << 62;
/// The bit that puts written Symbols after every ranked Int.
const SYMBOL_RANKS: i64 = i64::MIN;

/// `(rows, count, width) -> bool`: when every value of the `count` rows of `width`
/// values at `rows` has a rank, sorts the rows there in canonical order and returns 1;
/// otherwise returns 0 and leaves them as they were. The ranks take the first half of
/// the rows' bytes and the radix passes' second buffer the other half, so the only
/// allocations are the digit counters (1 KiB to 256 KiB, by the row count) and one
/// word per column.
pub(super) fn sort_ranked(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
) -> Result<Function, CodegenError> {
    let [rows, count, width] = f.params();
    let written = m.program.symbols.written() as i64;
    let alloc = m.rt(Helper::Alloc);
    let [
        vals,
        keys,
        tmp,
        diff,
        hist,
        i,
        j,
        v,
        rs,
        s,
        r,
        a,
        b,
        w,
        pos,
        sum,
        most,
        lo,
        span,
        bits,
        mask,
    ] = [(); 21].map(|_| f.local(ValType::I32));
    let [k, d] = [(); 2].map(|_| f.local(ValType::I64));
    f.ins()
        .get(count)
        .get(width)
        .i32_mul()
        .set(vals)
        .get(width)
        .i32_const(8)
        .i32_mul()
        .set(rs);
    // Every value must have a rank (checked before anything is overwritten).
    loop_start(&mut f, i, vals);
    value_at(&mut f, rows, i, v);
    f.ins()
        .get(v)
        .i32_load(m32(0))
        .i32_const(TAG_INT)
        .i32_eq()
        .get(v)
        .i64_load(m64(8))
        .i64_const(INT_OFFSET)
        .i64_add()
        .i64_const(SYMBOL_RANKS)
        .i64_lt_u()
        .i32_and()
        .get(v)
        .i32_load(m32(0))
        .i32_const(TAG_SYM)
        .i32_eq()
        .get(v)
        .i64_load(m64(8))
        .i64_const(written)
        .i64_lt_u()
        .i32_and()
        .i32_or()
        .i32_eqz()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end();
    loop_end(&mut f, i);
    f.ins()
        .get(rs)
        .call_fn(alloc)
        .tee(diff)
        .i32_const(0)
        .get(rs)
        .memory_fill(0)
        // Digits of up to `most` bits: about log2(count), between 8 and 16.
        .i32_const(32)
        .get(count)
        .i32_clz()
        .i32_sub()
        .set(most)
        .get(most)
        .i32_const(8)
        .get(most)
        .i32_const(8)
        .i32_gt_u()
        .select()
        .set(most)
        .get(most)
        .i32_const(16)
        .get(most)
        .i32_const(16)
        .i32_lt_u()
        .select()
        .set(most)
        .i32_const(4)
        .get(most)
        .i32_shl()
        .call_fn(alloc)
        .set(hist)
        .get(rows)
        .set(keys)
        .get(rows)
        .get(vals)
        .i32_const(8)
        .i32_mul()
        .i32_add()
        .set(tmp)
        .i32_const(0)
        .set(i);
    // Rank i goes to `rows + 8i`, over values already read; `diff[j]` collects the bits
    // in which column j differs from row 0's.
    loop_start(&mut f, i, vals);
    value_at(&mut f, rows, i, v);
    f.ins()
        .get(v)
        .i64_load(m64(8))
        .tee(k)
        .i64_const(INT_OFFSET)
        .i64_add()
        .get(k)
        .i64_const(SYMBOL_RANKS)
        .i64_or()
        .get(v)
        .i32_load(m32(0))
        .i32_const(TAG_INT)
        .i32_eq()
        .select()
        .set(k)
        .get(keys)
        .get(i)
        .i32_const(8)
        .i32_mul()
        .i32_add()
        .get(k)
        .i64_store(m64(0))
        .get(diff)
        .get(j)
        .i32_const(8)
        .i32_mul()
        .i32_add()
        .tee(a)
        .get(a)
        .i64_load(m64(0))
        .get(k)
        .get(keys)
        .get(j)
        .i32_const(8)
        .i32_mul()
        .i32_add()
        .i64_load(m64(0))
        .i64_xor()
        .i64_or()
        .i64_store(m64(0))
        .get(j)
        .i32_const(1)
        .i32_add()
        .tee(j)
        .i32_const(0)
        .get(j)
        .get(width)
        .i32_lt_u()
        .select()
        .set(j);
    loop_end(&mut f, i);
    // LSD: the last column first, each from the lowest bit in which its ranks differ to
    // the highest, in the fewest digits of at most `most` bits (a column whose ranks are
    // all equal takes no pass).
    f.ins()
        .get(width)
        .set(j)
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .get(j)
        .i32_eqz()
        .br_if(1)
        .get(j)
        .i32_const(1)
        .i32_sub()
        .tee(j)
        .i32_const(8)
        .i32_mul()
        .get(diff)
        .i32_add()
        .i64_load(m64(0))
        .tee(d)
        .i64_ctz()
        .i32_wrap_i64()
        .set(lo)
        .i32_const(64)
        .get(d)
        .i64_clz()
        .i32_wrap_i64()
        .i32_sub()
        .get(lo)
        .i32_sub()
        .tee(span)
        .if_(BlockType::Empty)
        // bits = ceil(span / passes), passes = ceil(span / most).
        .get(span)
        .get(span)
        .get(most)
        .i32_add()
        .i32_const(1)
        .i32_sub()
        .get(most)
        .i32_div_u()
        .tee(bits)
        .i32_add()
        .i32_const(1)
        .i32_sub()
        .get(bits)
        .i32_div_u()
        .set(bits)
        .i32_const(1)
        .get(bits)
        .i32_shl()
        .i32_const(1)
        .i32_sub()
        .set(mask)
        .get(lo)
        .set(s)
        .get(lo)
        .get(span)
        .i32_add()
        .set(span)
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .get(s)
        .get(span)
        .i32_ge_u()
        .br_if(1);
    pass(
        &mut f,
        [keys, tmp, hist, count, width, rs, j, s, mask],
        [r, a, b, w, pos, sum],
    );
    f.ins()
        .get(keys)
        .get(tmp)
        .set(keys)
        .set(tmp)
        .get(s)
        .get(bits)
        .i32_add()
        .set(s)
        .br(0)
        .end()
        .end()
        .end()
        .br(0)
        .end()
        .end();
    // Back to values: a rank with the top bit is a Symbol, any other an Int. Value i
    // covers ranks 2i - vals and 2i - vals + 1 of the second half, or 2i and 2i + 1 of
    // the first: forwards or backwards, each rank is read before it is overwritten.
    f.ins()
        .get(keys)
        .get(rows)
        .i32_ne()
        .set(a)
        .i32_const(0)
        .set(i);
    loop_start(&mut f, i, vals);
    f.ins()
        .get(i)
        .get(vals)
        .i32_const(1)
        .i32_sub()
        .get(i)
        .i32_sub()
        .get(a)
        .select()
        .set(r)
        .get(keys)
        .get(r)
        .i32_const(8)
        .i32_mul()
        .i32_add()
        .i64_load(m64(0))
        .set(k);
    value_at(&mut f, rows, r, v);
    f.ins()
        .get(v)
        .i64_const(TAG_INT as i64)
        .i64_const(TAG_SYM as i64)
        .get(k)
        .i64_const(0)
        .i64_ge_s()
        .select()
        .i64_store(m64(0))
        .get(v)
        .get(k)
        .i64_const(INT_OFFSET)
        .i64_sub()
        .get(k)
        .i64_const(i64::MAX)
        .i64_and()
        .get(k)
        .i64_const(0)
        .i64_ge_s()
        .select()
        .i64_store(m64(8));
    loop_end(&mut f, i);
    f.ins().i32_const(1);
    f.finish()
}

/// Sets local `v` to the address of value `i` (a local) of `rows`.
fn value_at(f: &mut FnBuilder, rows: Local, i: Local, v: Local) {
    f.ins()
        .get(rows)
        .get(i)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add()
        .set(v);
}

/// One stable counting-sort pass of the `count` records of `rs` bytes at `src` into
/// `dst`, by the digit `word >> s & mask` of word `j`; `hist` holds `mask + 1`
/// counters. The second array are scratch locals.
fn pass(
    f: &mut FnBuilder,
    [src, dst, hist, count, width, rs, j, s, mask]: [Local; 9],
    [r, a, b, w, pos, sum]: [Local; 6],
) {
    // Pushes the address of the counter of the record at `a`.
    let byte = |f: &mut FnBuilder| {
        f.ins()
            .get(a)
            .get(j)
            .i32_const(8)
            .i32_mul()
            .i32_add()
            .i64_load(m64(0))
            .get(s)
            .i64_extend_i32_u()
            .i64_shr_u()
            .i32_wrap_i64()
            .get(mask)
            .i32_and()
            .i32_const(4)
            .i32_mul()
            .get(hist)
            .i32_add();
    };
    f.ins()
        .get(hist)
        .i32_const(0)
        .get(mask)
        .i32_const(1)
        .i32_add()
        .i32_const(4)
        .i32_mul()
        .memory_fill(0);
    each_record(f, [src, a, r, count, rs], |f| {
        byte(f);
        f.ins()
            .tee(b)
            .get(b)
            .i32_load(m32(0))
            .i32_const(1)
            .i32_add()
            .i32_store(m32(0));
    });
    // Counts become first positions.
    f.ins().i32_const(0).set(sum).i32_const(0).set(r);
    let buckets = pos;
    f.ins().get(mask).i32_const(1).i32_add().set(buckets);
    loop_start(f, r, buckets);
    f.ins()
        .get(hist)
        .get(r)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .tee(b)
        .i32_load(m32(0))
        .get(b)
        .get(sum)
        .i32_store(m32(0))
        .get(sum)
        .i32_add()
        .set(sum);
    loop_end(f, r);
    each_record(f, [src, a, r, count, rs], |f| {
        byte(f);
        f.ins()
            .tee(b)
            .i32_load(m32(0))
            .tee(pos)
            .i32_const(1)
            .i32_add()
            .set(sum)
            .get(b)
            .get(sum)
            .i32_store(m32(0))
            .get(dst)
            .get(pos)
            .get(rs)
            .i32_mul()
            .i32_add()
            .set(b)
            .i32_const(0)
            .set(w);
        loop_start(f, w, width);
        f.ins()
            .get(b)
            .get(w)
            .i32_const(8)
            .i32_mul()
            .tee(pos)
            .i32_add()
            .get(a)
            .get(pos)
            .i32_add()
            .i64_load(m64(0))
            .i64_store(m64(0));
        loop_end(f, w);
    });
}

/// Runs `body` for each of the `count` records of `rs` bytes from `src`, with the
/// record's address in local `a` (counting in local `r`).
fn each_record(
    f: &mut FnBuilder,
    [src, a, r, count, rs]: [Local; 5],

    body: impl FnOnce(&mut FnBuilder),
) {
    f.ins().get(src).set(a).i32_const(0).set(r);
    loop_start(f, r, count);
    body(f);
    f.ins().get(a).get(rs).i32_add().set(a);
    loop_end(f, r);
}
