//! Canonical order by rank (the interpreter's `interp/query.rs` does the same): most
//! answers hold only Ints within ±2^62 and Symbols written in the program, and each
//! such value has a place in canonical order (spec §2.5) as one `u64` — an Int `i` is
//! `i + 2^62`, a written Symbol `2^63 | id` — so its rows sort as words, with an LSD
//! radix sort over the span of bits in which each column's ranks differ (one pass per
//! column for node ids below 65,536 in a large answer), instead of comparing values
//! pairwise.

use crate::abi::{TAG_INT, TAG_SYM, VALUE_SIZE};
use crate::builder::{CallExt, FnBuilder, loop_end, loop_start, m32, m64};
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
pub(super) fn sort_ranked(m: &mut Registry<'_>, n: u32) -> Function {
    let (rows, count, width) = (0, 1, 2);
    let written = m.program.symbols.written() as i64;
    let alloc = m.rt(Helper::Alloc);
    let mut f = FnBuilder::new(n);
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
        .local_get(count)
        .local_get(width)
        .i32_mul()
        .local_set(vals)
        .local_get(width)
        .i32_const(8)
        .i32_mul()
        .local_set(rs);
    // Every value must have a rank (checked before anything is overwritten).
    loop_start(&mut f, i, vals);
    value_at(&mut f, rows, i, v);
    f.ins()
        .local_get(v)
        .i32_load(m32(0))
        .i32_const(TAG_INT)
        .i32_eq()
        .local_get(v)
        .i64_load(m64(8))
        .i64_const(INT_OFFSET)
        .i64_add()
        .i64_const(SYMBOL_RANKS)
        .i64_lt_u()
        .i32_and()
        .local_get(v)
        .i32_load(m32(0))
        .i32_const(TAG_SYM)
        .i32_eq()
        .local_get(v)
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
        .local_get(rs)
        .call_fn(alloc)
        .local_tee(diff)
        .i32_const(0)
        .local_get(rs)
        .memory_fill(0)
        // Digits of up to `most` bits: about log2(count), between 8 and 16.
        .i32_const(32)
        .local_get(count)
        .i32_clz()
        .i32_sub()
        .local_set(most)
        .local_get(most)
        .i32_const(8)
        .local_get(most)
        .i32_const(8)
        .i32_gt_u()
        .select()
        .local_set(most)
        .local_get(most)
        .i32_const(16)
        .local_get(most)
        .i32_const(16)
        .i32_lt_u()
        .select()
        .local_set(most)
        .i32_const(4)
        .local_get(most)
        .i32_shl()
        .call_fn(alloc)
        .local_set(hist)
        .local_get(rows)
        .local_set(keys)
        .local_get(rows)
        .local_get(vals)
        .i32_const(8)
        .i32_mul()
        .i32_add()
        .local_set(tmp)
        .i32_const(0)
        .local_set(i);
    // Rank i goes to `rows + 8i`, over values already read; `diff[j]` collects the bits
    // in which column j differs from row 0's.
    loop_start(&mut f, i, vals);
    value_at(&mut f, rows, i, v);
    f.ins()
        .local_get(v)
        .i64_load(m64(8))
        .local_tee(k)
        .i64_const(INT_OFFSET)
        .i64_add()
        .local_get(k)
        .i64_const(SYMBOL_RANKS)
        .i64_or()
        .local_get(v)
        .i32_load(m32(0))
        .i32_const(TAG_INT)
        .i32_eq()
        .select()
        .local_set(k)
        .local_get(keys)
        .local_get(i)
        .i32_const(8)
        .i32_mul()
        .i32_add()
        .local_get(k)
        .i64_store(m64(0))
        .local_get(diff)
        .local_get(j)
        .i32_const(8)
        .i32_mul()
        .i32_add()
        .local_tee(a)
        .local_get(a)
        .i64_load(m64(0))
        .local_get(k)
        .local_get(keys)
        .local_get(j)
        .i32_const(8)
        .i32_mul()
        .i32_add()
        .i64_load(m64(0))
        .i64_xor()
        .i64_or()
        .i64_store(m64(0))
        .local_get(j)
        .i32_const(1)
        .i32_add()
        .local_tee(j)
        .i32_const(0)
        .local_get(j)
        .local_get(width)
        .i32_lt_u()
        .select()
        .local_set(j);
    loop_end(&mut f, i);
    // LSD: the last column first, each from the lowest bit in which its ranks differ to
    // the highest, in the fewest digits of at most `most` bits (a column whose ranks are
    // all equal takes no pass).
    f.ins()
        .local_get(width)
        .local_set(j)
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .local_get(j)
        .i32_eqz()
        .br_if(1)
        .local_get(j)
        .i32_const(1)
        .i32_sub()
        .local_tee(j)
        .i32_const(8)
        .i32_mul()
        .local_get(diff)
        .i32_add()
        .i64_load(m64(0))
        .local_tee(d)
        .i64_ctz()
        .i32_wrap_i64()
        .local_set(lo)
        .i32_const(64)
        .local_get(d)
        .i64_clz()
        .i32_wrap_i64()
        .i32_sub()
        .local_get(lo)
        .i32_sub()
        .local_tee(span)
        .if_(BlockType::Empty)
        // bits = ceil(span / passes), passes = ceil(span / most).
        .local_get(span)
        .local_get(span)
        .local_get(most)
        .i32_add()
        .i32_const(1)
        .i32_sub()
        .local_get(most)
        .i32_div_u()
        .local_tee(bits)
        .i32_add()
        .i32_const(1)
        .i32_sub()
        .local_get(bits)
        .i32_div_u()
        .local_set(bits)
        .i32_const(1)
        .local_get(bits)
        .i32_shl()
        .i32_const(1)
        .i32_sub()
        .local_set(mask)
        .local_get(lo)
        .local_set(s)
        .local_get(lo)
        .local_get(span)
        .i32_add()
        .local_set(span)
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .local_get(s)
        .local_get(span)
        .i32_ge_u()
        .br_if(1);
    pass(
        &mut f,
        [keys, tmp, hist, count, width, rs, j, s, mask],
        [r, a, b, w, pos, sum],
    );
    f.ins()
        .local_get(keys)
        .local_get(tmp)
        .local_set(keys)
        .local_set(tmp)
        .local_get(s)
        .local_get(bits)
        .i32_add()
        .local_set(s)
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
        .local_get(keys)
        .local_get(rows)
        .i32_ne()
        .local_set(a)
        .i32_const(0)
        .local_set(i);
    loop_start(&mut f, i, vals);
    f.ins()
        .local_get(i)
        .local_get(vals)
        .i32_const(1)
        .i32_sub()
        .local_get(i)
        .i32_sub()
        .local_get(a)
        .select()
        .local_set(r)
        .local_get(keys)
        .local_get(r)
        .i32_const(8)
        .i32_mul()
        .i32_add()
        .i64_load(m64(0))
        .local_set(k);
    value_at(&mut f, rows, r, v);
    f.ins()
        .local_get(v)
        .i64_const(TAG_INT as i64)
        .i64_const(TAG_SYM as i64)
        .local_get(k)
        .i64_const(0)
        .i64_ge_s()
        .select()
        .i64_store(m64(0))
        .local_get(v)
        .local_get(k)
        .i64_const(INT_OFFSET)
        .i64_sub()
        .local_get(k)
        .i64_const(i64::MAX)
        .i64_and()
        .local_get(k)
        .i64_const(0)
        .i64_ge_s()
        .select()
        .i64_store(m64(8));
    loop_end(&mut f, i);
    f.ins().i32_const(1);
    f.finish()
}

/// Sets local `v` to the address of value `i` (a local) of `rows`.
fn value_at(f: &mut FnBuilder, rows: u32, i: u32, v: u32) {
    f.ins()
        .local_get(rows)
        .local_get(i)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add()
        .local_set(v);
}

/// One stable counting-sort pass of the `count` records of `rs` bytes at `src` into
/// `dst`, by the digit `word >> s & mask` of word `j`; `hist` holds `mask + 1`
/// counters. The second array are scratch locals.
fn pass(
    f: &mut FnBuilder,
    [src, dst, hist, count, width, rs, j, s, mask]: [u32; 9],
    [r, a, b, w, pos, sum]: [u32; 6],
) {
    // Pushes the address of the counter of the record at `a`.
    let byte = |f: &mut FnBuilder| {
        f.ins()
            .local_get(a)
            .local_get(j)
            .i32_const(8)
            .i32_mul()
            .i32_add()
            .i64_load(m64(0))
            .local_get(s)
            .i64_extend_i32_u()
            .i64_shr_u()
            .i32_wrap_i64()
            .local_get(mask)
            .i32_and()
            .i32_const(4)
            .i32_mul()
            .local_get(hist)
            .i32_add();
    };
    f.ins()
        .local_get(hist)
        .i32_const(0)
        .local_get(mask)
        .i32_const(1)
        .i32_add()
        .i32_const(4)
        .i32_mul()
        .memory_fill(0);
    each_record(f, [src, a, r, count, rs], |f| {
        byte(f);
        f.ins()
            .local_tee(b)
            .local_get(b)
            .i32_load(m32(0))
            .i32_const(1)
            .i32_add()
            .i32_store(m32(0));
    });
    // Counts become first positions.
    f.ins()
        .i32_const(0)
        .local_set(sum)
        .i32_const(0)
        .local_set(r);
    let buckets = pos;
    f.ins()
        .local_get(mask)
        .i32_const(1)
        .i32_add()
        .local_set(buckets);
    loop_start(f, r, buckets);
    f.ins()
        .local_get(hist)
        .local_get(r)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .local_tee(b)
        .i32_load(m32(0))
        .local_get(b)
        .local_get(sum)
        .i32_store(m32(0))
        .local_get(sum)
        .i32_add()
        .local_set(sum);
    loop_end(f, r);
    each_record(f, [src, a, r, count, rs], |f| {
        byte(f);
        f.ins()
            .local_tee(b)
            .i32_load(m32(0))
            .local_tee(pos)
            .i32_const(1)
            .i32_add()
            .local_set(sum)
            .local_get(b)
            .local_get(sum)
            .i32_store(m32(0))
            .local_get(dst)
            .local_get(pos)
            .local_get(rs)
            .i32_mul()
            .i32_add()
            .local_set(b)
            .i32_const(0)
            .local_set(w);
        loop_start(f, w, width);
        f.ins()
            .local_get(b)
            .local_get(w)
            .i32_const(8)
            .i32_mul()
            .local_tee(pos)
            .i32_add()
            .local_get(a)
            .local_get(pos)
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
    [src, a, r, count, rs]: [u32; 5],
    body: impl FnOnce(&mut FnBuilder),
) {
    f.ins()
        .local_get(src)
        .local_set(a)
        .i32_const(0)
        .local_set(r);
    loop_start(f, r, count);
    body(f);
    f.ins().local_get(a).local_get(rs).i32_add().local_set(a);
    loop_end(f, r);
}
