//! Dense tuple sets: a set of one- or two-column Int tuples that fills enough of the
//! rectangle of its columns' ranges keeps a bitmap over that rectangle, and looks up
//! the tuples inside it there, one bit that stays in cache, instead of in its hash
//! table, a slot and a row that do not (the interpreter's dedup tables do the same:
//! docs/decisions.md 71 and 72).
//!
//! The bitmap is built once, by `SetDense`, when the hash table of a set of at least
//! [`DENSE_MIN`] rows must grow and the rows' rectangle takes at most 64 bits per row.
//! From then on a tuple inside the rectangle is only in the bitmap and a tuple outside
//! it only in the hash table (every row the set held when the bitmap was built is
//! inside it), so a lookup reads one or the other. The rows are stored as before, so
//! scans, indexes and queries do not change.

use super::Helper;
use super::symbols::alloc_table;
use super::tables::field;
use super::values::{loop_end, loop_start};
use crate::abi::*;
use crate::builder::{FnBuilder, m32, m64};
use crate::module::{CallExt, Module};
use wasm_encoder::{BlockType, Function, ValType};

/// The fewest rows a set has when it may build a bitmap: smaller sets stay in their
/// hash table, which holds a sparse handful in less memory.
pub(super) const DENSE_MIN: i32 = 4096;
/// The most bits a bitmap may take per row it holds: one hash table entry's worth.
const BITS_PER_ROW_LOG2: i64 = 6;

/// Pushes the payload of value `c` of the tuple at local `tup`.
fn payload(f: &mut FnBuilder, tup: u32, c: u32) {
    f.ins().local_get(tup).i64_load(m64(c * VALUE_SIZE + 8));
}

/// Pushes whether value `c` of the tuple at local `tup` is not an Int.
fn not_int(f: &mut FnBuilder, tup: u32, c: u32) {
    f.ins()
        .local_get(tup)
        .i32_load(m32(c * VALUE_SIZE))
        .i32_const(TAG_INT)
        .i32_ne();
}

/// Sets local `bit` to the bit of the Int tuple at local `tup` in a rectangle from
/// `low` (locals, per column) with the second column `shift` (an i64 local) bits wide.
fn bit_of(f: &mut FnBuilder, tup: u32, arity: u32, low: [u32; 2], shift: u32, bit: u32) {
    payload(f, tup, 0);
    f.ins()
        .local_get(low[0])
        .i64_sub()
        .local_get(shift)
        .i64_shl();
    if arity == 2 {
        payload(f, tup, 1);
        f.ins().local_get(low[1]).i64_sub().i64_or();
    }
    f.ins().local_set(bit);
}

/// Sets local `addr` to the address of the word of bit `bit` (an i64 local) of the
/// bitmap at local `bits`, and local `mask` to the bit's mask in it.
fn word_of(f: &mut FnBuilder, bits: u32, bit: u32, addr: u32, mask: u32) {
    f.ins()
        .local_get(bits)
        .local_get(bit)
        .i64_const(6)
        .i64_shr_u()
        .i32_wrap_i64()
        .i32_const(3)
        .i32_shl()
        .i32_add()
        .local_set(addr)
        .i64_const(1)
        .local_get(bit)
        .i64_shl()
        .local_set(mask);
}

/// `SetDense(arity)`, `(set)`: when every value of the set's rows is an Int and the
/// rectangle of the two columns' ranges (the second's span rounded up to a power of
/// two) takes at most 64 bits per row, builds the bitmap of the rows and stores it
/// and the rectangle in the set; otherwise leaves the set as it is.
pub(super) fn set_dense(m: &mut Module<'_>, n: u32, arity: u32) -> Function {
    let s = 0;
    let mut f = FnBuilder::new(n);
    let [rows, len, i, tup, words, bits, addr] = [(); 7].map(|_| f.local(ValType::I32));
    let [low0, low1, high0, high1, x, span, shift, bit, mask] =
        [(); 9].map(|_| f.local(ValType::I64));
    let (low, high) = ([low0, low1], [high0, high1]);
    let rowsz = (arity * VALUE_SIZE) as i32;
    field(&mut f, s, SET_ROWS);
    f.ins().local_set(rows);
    field(&mut f, s, SET_LEN);
    f.ins().local_set(len);
    for (lo, hi) in low.into_iter().zip(high) {
        f.ins()
            .i64_const(i64::MAX)
            .local_set(lo)
            .i64_const(i64::MIN)
            .local_set(hi);
    }
    // The columns' ranges, or return at the first value that is not an Int. A
    // 1-tuple's second column is 0 throughout.
    let each_row = |f: &mut FnBuilder| {
        f.ins().i32_const(0).local_set(i);
        loop_start(f, i, len);
        f.ins()
            .local_get(rows)
            .local_get(i)
            .i32_const(rowsz)
            .i32_mul()
            .i32_add()
            .local_set(tup);
    };
    each_row(&mut f);
    for (c, (lo, hi)) in (0..2).zip(low.into_iter().zip(high)) {
        if c < arity {
            not_int(&mut f, tup, c);
            f.ins().if_(BlockType::Empty).return_().end();
            payload(&mut f, tup, c);
        } else {
            f.ins().i64_const(0);
        }
        f.ins()
            .local_tee(x)
            .local_get(lo)
            .local_get(x)
            .local_get(lo)
            .i64_lt_s()
            .select()
            .local_set(lo)
            .local_get(x)
            .local_get(hi)
            .local_get(x)
            .local_get(hi)
            .i64_gt_s()
            .select()
            .local_set(hi);
    }
    loop_end(&mut f, i);
    // The second column's width in bits (at most 32), the first's span (at most
    // 2^31, so that it is stored in 32 bits), and the bound.
    f.ins()
        .local_get(high1)
        .local_get(low1)
        .i64_sub()
        .local_tee(x)
        .i64_const(1 << 32)
        .i64_ge_u()
        .if_(BlockType::Empty)
        .return_()
        .end()
        .i64_const(64)
        .local_get(x)
        .i64_clz()
        .i64_sub()
        .local_set(shift)
        .local_get(high0)
        .local_get(low0)
        .i64_sub()
        .local_tee(x)
        .i64_const(1 << 31)
        .i64_ge_u()
        .if_(BlockType::Empty)
        .return_()
        .end()
        .local_get(x)
        .i64_const(1)
        .i64_add()
        .local_tee(span)
        .local_get(shift)
        .i64_shl()
        .local_get(len)
        .i64_extend_i32_u()
        .i64_const(BITS_PER_ROW_LOG2)
        .i64_shl()
        .i64_gt_u()
        .if_(BlockType::Empty)
        .return_()
        .end()
        .local_get(span)
        .local_get(shift)
        .i64_shl()
        .i64_const(63)
        .i64_add()
        .i64_const(6)
        .i64_shr_u()
        .i32_wrap_i64()
        .local_set(words);
    alloc_table(m, &mut f, words, 8, bits);
    each_row(&mut f);
    bit_of(&mut f, tup, arity, low, shift, bit);
    word_of(&mut f, bits, bit, addr, mask);
    f.ins()
        .local_get(addr)
        .local_get(addr)
        .i64_load(m64(0))
        .local_get(mask)
        .i64_or()
        .i64_store(m64(0));
    loop_end(&mut f, i);
    f.ins()
        .local_get(s)
        .local_get(low0)
        .i64_store(m64(SET_LOW0))
        .local_get(s)
        .local_get(low1)
        .i64_store(m64(SET_LOW1))
        .local_get(s)
        .local_get(span)
        .i32_wrap_i64()
        .i32_store(m32(SET_SPAN0))
        .local_get(s)
        .local_get(shift)
        .i32_wrap_i64()
        .i32_store(m32(SET_SHIFT))
        .local_get(s)
        .local_get(bits)
        .i32_store(m32(SET_BITS));
    f.finish()
}

/// Emits, for `SetInsert(arity)` (arity 1 or 2) of the set at local `s`: when the
/// set's rows are few enough to build a bitmap from and its hash table must grow,
/// `SetDense`.
pub(super) fn maybe_densify(m: &mut Module<'_>, f: &mut FnBuilder, s: u32, arity: u32) {
    let dense = m.rt(Helper::SetDense(arity));
    field(f, s, SET_BITS);
    f.ins().i32_eqz();
    field(f, s, SET_LEN);
    f.ins().i32_const(DENSE_MIN).i32_ge_u().i32_and();
    field(f, s, SET_LEN);
    f.ins().i32_const(1).i32_add().i32_const(1).i32_shl();
    field(f, s, SET_TCAP);
    f.ins()
        .i32_gt_u()
        .i32_and()
        .if_(BlockType::Empty)
        .local_get(s)
        .call_fn(dense)
        .end();
}

/// Emits, for `SetInsert(arity)` (arity 1 or 2) of the tuple at local `tup` into the
/// set at local `s`, the bitmap lookup, as one block: when the set has a bitmap and
/// the tuple is inside its rectangle, returns -1 from the helper if the tuple's bit is
/// set, and otherwise sets the bit, sets local `in_bitmap` to 1 and branches out of
/// the block that encloses this one. Otherwise it falls through, for the hash table.
pub(super) fn bitmap_lookup(f: &mut FnBuilder, s: u32, tup: u32, arity: u32, in_bitmap: u32) {
    let [bits, addr] = [(); 2].map(|_| f.local(ValType::I32));
    let [low0, low1, shift, bit, mask] = [(); 5].map(|_| f.local(ValType::I64));
    f.ins().block(BlockType::Empty);
    field(f, s, SET_BITS);
    f.ins().local_tee(bits).i32_eqz().br_if(0);
    for c in 0..arity {
        not_int(f, tup, c);
        f.ins().br_if(0);
    }
    f.ins()
        .local_get(s)
        .i64_load(m64(SET_LOW0))
        .local_set(low0)
        .local_get(s)
        .i64_load(m64(SET_LOW1))
        .local_set(low1)
        .local_get(s)
        .i64_load32_u(m32(SET_SHIFT))
        .local_set(shift);
    // Inside the rectangle: the first column's offset below its span, the second's
    // below 2^shift.
    payload(f, tup, 0);
    f.ins()
        .local_get(low0)
        .i64_sub()
        .local_get(s)
        .i64_load32_u(m32(SET_SPAN0))
        .i64_ge_u()
        .br_if(0);
    if arity == 2 {
        payload(f, tup, 1);
        f.ins()
            .local_get(low1)
            .i64_sub()
            .local_get(shift)
            .i64_shr_u()
            .i64_eqz()
            .i32_eqz()
            .br_if(0);
    }
    bit_of(f, tup, arity, [low0, low1], shift, bit);
    word_of(f, bits, bit, addr, mask);
    f.ins()
        .local_get(addr)
        .i64_load(m64(0))
        .local_get(mask)
        .i64_and()
        .i64_eqz()
        .i32_eqz()
        .if_(BlockType::Empty)
        .i32_const(-1)
        .return_()
        .end()
        .local_get(addr)
        .local_get(addr)
        .i64_load(m64(0))
        .local_get(mask)
        .i64_or()
        .i64_store(m64(0))
        .i32_const(1)
        .local_set(in_bitmap)
        .br(1)
        .end();
}
