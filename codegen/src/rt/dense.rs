//! Dense tuple sets: a set of one- or two-column Int tuples that fills enough of the
//! rectangle of its columns' ranges keeps a bitmap over that rectangle, and looks up
//! the tuples inside it there, one bit that stays in cache, instead of in its hash
//! table, a slot and a row that do not (the interpreter's dedup tables do the same:
//! docs/decisions.md 71 and 72).
//!
//! Only a module generated for long runs (`Target::LongRun`, what a run that tiers up
//! compiles) has any of this: it pays from thousands of tuples on, and costs a quick
//! module's compile time (docs/decisions.md 79).
//!
//! The bitmap is built once, by `SetDense`, when the hash table of a set of at least
//! [`DENSE_MIN`] rows must grow and the rows' rectangle takes at most 64 bits per row.
//! From then on a tuple inside the rectangle is only in the bitmap and a tuple outside
//! it only in the hash table (every row the set held when the bitmap was built is
//! inside it), so a lookup reads one or the other. The rows are stored as before, so
//! scans, indexes and queries do not change.
//!
//! `SortDense` orders a large QUERY answer of one or two dense Int columns the same
//! way: a bitmap of its rows, read back in order (docs/decisions.md 78); an answer of
//! every row is read off the set's rows and written in order into the answer, with
//! no copy first (84), or, by `SetSorted`, off the set's own bitmap when that holds
//! every row (85).

use crate::abi::*;
use crate::builder::{
    CallExt, FnBuilder, Local, LocalExt, alloc_table, field, loop_end, loop_start, m32, m64,
};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// The fewest rows a set has when it may build a bitmap, and an answer when it is
/// ordered through one (decision 189): smaller sets stay in their hash table, which
/// holds a sparse handful in less memory.
pub(super) const DENSE_MIN: i32 = 128;
/// The most bits a bitmap may take per row it holds: one hash table entry's worth.
const BITS_PER_ROW_LOG2: i64 = 6;

/// Pushes the payload of value `c` of the tuple at local `tup`.
fn payload(f: &mut FnBuilder, tup: Local, c: u32) {
    f.ins().get(tup).i64_load(m64(c * VALUE_SIZE + 8));
}

/// Pushes whether value `c` of the tuple at local `tup` is not an Int.
fn not_int(f: &mut FnBuilder, tup: Local, c: u32) {
    f.ins()
        .get(tup)
        .i32_load(m32(c * VALUE_SIZE))
        .i32_const(TAG_INT)
        .i32_ne();
}

/// How many columns rows have: known when the code is generated, or in a local (1
/// or 2 where a bitmap is built).
#[derive(Clone, Copy)]
enum Width {
    Known(u32),
    Local(Local),
}

impl Width {
    /// Emits `body` for the second column, where rows have one.
    fn second(self, f: &mut FnBuilder, body: impl FnOnce(&mut FnBuilder)) {
        match self {
            Width::Known(2) => body(f),
            Width::Known(_) => {}
            Width::Local(width) => {
                f.ins()
                    .get(width)
                    .i32_const(2)
                    .i32_eq()
                    .if_(BlockType::Empty);
                body(f);
                f.ins().end();
            }
        }
    }
}

/// Sets local `bit` to the bit of the Int tuple at local `tup` in a rectangle from
/// `low` (locals, per column) with the second column `shift` (an i64 local) bits wide.
fn bit_of(f: &mut FnBuilder, tup: Local, width: Width, low: [Local; 2], shift: Local, bit: Local) {
    payload(f, tup, 0);
    f.ins().get(low[0]).i64_sub().get(shift).i64_shl().set(bit);
    width.second(f, |f| {
        f.ins().get(bit);
        payload(f, tup, 1);
        f.ins().get(low[1]).i64_sub().i64_or().set(bit);
    });
}

/// Sets local `addr` to the address of the word of bit `bit` (an i64 local) of the
/// bitmap at local `bits`, and local `mask` to the bit's mask in it.
fn word_of(f: &mut FnBuilder, bits: Local, bit: Local, addr: Local, mask: Local) {
    f.ins()
        .get(bits)
        .get(bit)
        .i64_const(6)
        .i64_shr_u()
        .i32_wrap_i64()
        .i32_const(3)
        .i32_shl()
        .i32_add()
        .set(addr)
        .i64_const(1)
        .get(bit)
        .i64_shl()
        .set(mask);
}

/// Sets local `words` (i32) to the number of 64-bit words of a bitmap of a rectangle
/// `span` (an i64 local) rows of the first column long and `shift` (an i64 local)
/// bits wide.
fn words_of(f: &mut FnBuilder, span: Local, shift: Local, words: Local) {
    f.ins()
        .get(span)
        .get(shift)
        .i64_shl()
        .i64_const(63)
        .i64_add()
        .i64_const(6)
        .i64_shr_u()
        .i32_wrap_i64()
        .set(words);
}

/// A bitmap [`build_bitmap`] made, and its rectangle, in locals: the columns' least
/// Ints (i64), the first column's span and the second's width in bits (i64), and the
/// bitmap's address and size in words (i32).
struct Bitmap {
    low: [Local; 2],
    span: Local,
    shift: Local,
    bits: Local,
    words: Local,
}

/// Emits the building of the bitmap of the `count` rows of `width` values at `rows`
/// (locals): when every value is an Int and the rectangle of the columns' ranges (the
/// second's span rounded up to a power of two; at most 2^31 × 2^32) takes at most 64
/// bits per row, the zeroed bitmap with each row's bit set; otherwise `bail` (which
/// must leave the function).
fn build_bitmap(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    (rows, count, width): (Local, Local, Width),
    bail: impl Fn(&mut FnBuilder),
) -> Bitmap {
    let [i, tup, stride, addr] = [(); 4].map(|_| f.local(ValType::I32));
    let [low0, low1, high0, high1, x, span, shift, bit, mask] =
        [(); 9].map(|_| f.local(ValType::I64));
    let map = Bitmap {
        low: [low0, low1],
        span,
        shift,
        bits: f.local(ValType::I32),
        words: f.local(ValType::I32),
    };
    match width {
        Width::Known(w) => f.ins().i32_const((w * VALUE_SIZE) as i32),
        Width::Local(w) => f.ins().get(w).i32_const(VALUE_SIZE as i32).i32_mul(),
    };
    f.ins().set(stride);
    // A 1-tuple's second column is 0 throughout.
    f.ins()
        .i64_const(i64::MAX)
        .set(low0)
        .i64_const(i64::MIN)
        .set(high0)
        .i64_const(0)
        .set(low1)
        .i64_const(0)
        .set(high1);
    width.second(f, |f| {
        f.ins()
            .i64_const(i64::MAX)
            .set(low1)
            .i64_const(i64::MIN)
            .set(high1);
    });
    let each_row = |f: &mut FnBuilder| {
        f.ins().i32_const(0).set(i);
        loop_start(f, i, count);
        f.ins()
            .get(rows)
            .get(i)
            .get(stride)
            .i32_mul()
            .i32_add()
            .set(tup);
    };
    // The columns' ranges, or `bail` at the first value that is not an Int.
    each_row(f);
    let range = |f: &mut FnBuilder, c: u32, (lo, hi): (Local, Local)| {
        not_int(f, tup, c);
        f.ins().if_(BlockType::Empty);
        bail(f);
        f.ins().end();
        payload(f, tup, c);
        f.ins()
            .tee(x)
            .get(lo)
            .get(x)
            .get(lo)
            .i64_lt_s()
            .select()
            .set(lo)
            .get(x)
            .get(hi)
            .get(x)
            .get(hi)
            .i64_gt_s()
            .select()
            .set(hi);
    };
    range(f, 0, (low0, high0));
    width.second(f, |f| range(f, 1, (low1, high1)));
    loop_end(f, i);
    // The second column's width in bits, the first's span, and the bound.
    let fails = |f: &mut FnBuilder| {
        f.ins().if_(BlockType::Empty);
        bail(f);
        f.ins().end();
    };
    f.ins()
        .get(high1)
        .get(low1)
        .i64_sub()
        .tee(x)
        .i64_const(1 << 32)
        .i64_ge_u();
    fails(f);
    f.ins()
        .i64_const(64)
        .get(x)
        .i64_clz()
        .i64_sub()
        .set(shift)
        .get(high0)
        .get(low0)
        .i64_sub()
        .tee(x)
        .i64_const(1 << 31)
        .i64_ge_u();
    fails(f);
    f.ins()
        .get(x)
        .i64_const(1)
        .i64_add()
        .tee(span)
        .get(shift)
        .i64_shl()
        .get(count)
        .i64_extend_i32_u()
        .i64_const(BITS_PER_ROW_LOG2)
        .i64_shl()
        .i64_gt_u();
    fails(f);
    words_of(f, span, shift, map.words);
    alloc_table(m, f, map.words, 8, map.bits);
    each_row(f);
    bit_of(f, tup, width, map.low, shift, bit);
    word_of(f, map.bits, bit, addr, mask);
    f.ins()
        .get(addr)
        .get(addr)
        .i64_load(m64(0))
        .get(mask)
        .i64_or()
        .i64_store(m64(0));
    loop_end(f, i);
    map
}

/// `SetDense`, `(set)`: for a set of arity 1 or 2 whose rows [`build_bitmap`] accepts,
/// stores their bitmap and its rectangle in the set; otherwise leaves it as it is.
pub(super) fn set_dense(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [s] = f.params();
    let [rows, len, arity] = [(); 3].map(|_| f.local(ValType::I32));
    field(&mut f, s, SET_ROWS);
    f.ins().set(rows);
    field(&mut f, s, SET_LEN);
    f.ins().set(len);
    field(&mut f, s, SET_ARITY);
    f.ins().set(arity);
    let map = build_bitmap(m, &mut f, (rows, len, Width::Local(arity)), |f| {
        f.ins().return_();
    });
    f.ins()
        .get(s)
        .get(map.low[0])
        .i64_store(m64(SET_LOW0))
        .get(s)
        .get(map.low[1])
        .i64_store(m64(SET_LOW1))
        .get(s)
        .get(map.span)
        .i32_wrap_i64()
        .i32_store(m32(SET_SPAN0))
        .get(s)
        .get(map.shift)
        .i32_wrap_i64()
        .i32_store(m32(SET_SHIFT))
        .get(s)
        .get(map.bits)
        .i32_store(m32(SET_BITS));
    f.finish()
}

/// `SortDense`, `(rows, out, count, width) -> bool`: when there are at least
/// [`DENSE_MIN`] rows of width 1 or 2 that [`build_bitmap`] accepts (distinct, as
/// an answer's rows are), writes them at `out` (which may be `rows`) in canonical
/// order, read off their bitmap, and returns 1; otherwise returns 0 and writes
/// nothing.
pub(super) fn sort_dense(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [rows, out, count, width] = f.params();
    let dst = f.local(ValType::I32);
    f.ins()
        .get(count)
        .i32_const(DENSE_MIN)
        .i32_lt_u()
        .get(width)
        .i32_const(1)
        .i32_sub()
        .i32_const(2)
        .i32_ge_u()
        .i32_or()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end();
    let map = build_bitmap(m, &mut f, (rows, count, Width::Local(width)), |f| {
        f.ins().i32_const(0).return_();
    });
    f.ins().get(out).set(dst);
    write_rows(&mut f, &map, dst, width);
    f.ins().i32_const(1);
    f.finish()
}

/// Emits, for `SetInsert(arity)` (arity 1 or 2) of the set at local `s`: when the
/// set has no bitmap, has at least [`DENSE_MIN`] rows and its hash table must grow,
/// `SetDense`.
pub(super) fn maybe_densify(m: &mut Registry<'_>, f: &mut FnBuilder, s: Local) {
    let dense = m.rt(Helper::SetDense);
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
        .get(s)
        .call_fn(dense)
        .end();
}

/// What [`bitmap_lookup`] does with a tuple inside the bitmap's rectangle.
pub(super) enum OnBit {
    /// `SetInsert`: returns -1 from the helper if the tuple's bit is set, and
    /// otherwise sets the bit, sets this local to 1 and branches out of the block
    /// that encloses the lookup's.
    Insert(Local),
    /// `SetFind`: returns whether the tuple's bit is set.
    Find,
    /// `Queue`: returns from the helper (which has no result) if the tuple's bit is
    /// set (an EMIT of a tuple the set holds does nothing), and otherwise sets the bit
    /// and this local to 1.
    Claim(Local),
}

/// Emits, for `SetInsert(arity)` or `SetFind(arity)` (arity 1 or 2) of the tuple at
/// local `tup` in the set at local `s`, the bitmap lookup, as one block: when the set
/// has a bitmap and the tuple is inside its rectangle, what `on_bit` says (a tuple
/// there is only a bit). Otherwise it falls through, for the hash table.
pub(super) fn bitmap_lookup(f: &mut FnBuilder, s: Local, tup: Local, arity: u32, on_bit: OnBit) {
    let [bits, addr] = [(); 2].map(|_| f.local(ValType::I32));
    let [low0, low1, shift, bit, mask] = [(); 5].map(|_| f.local(ValType::I64));
    f.ins().block(BlockType::Empty);
    field(f, s, SET_BITS);
    f.ins().tee(bits).i32_eqz().br_if(0);
    for c in 0..arity {
        not_int(f, tup, c);
        f.ins().br_if(0);
    }
    f.ins()
        .get(s)
        .i64_load(m64(SET_LOW0))
        .set(low0)
        .get(s)
        .i64_load(m64(SET_LOW1))
        .set(low1)
        .get(s)
        .i64_load32_u(m32(SET_SHIFT))
        .set(shift);
    // Inside the rectangle: the first column's offset below its span, the second's
    // below 2^shift.
    payload(f, tup, 0);
    f.ins()
        .get(low0)
        .i64_sub()
        .get(s)
        .i64_load32_u(m32(SET_SPAN0))
        .i64_ge_u()
        .br_if(0);
    if arity == 2 {
        payload(f, tup, 1);
        f.ins()
            .get(low1)
            .i64_sub()
            .get(shift)
            .i64_shr_u()
            .i64_eqz()
            .i32_eqz()
            .br_if(0);
    }
    bit_of(f, tup, Width::Known(arity), [low0, low1], shift, bit);
    word_of(f, bits, bit, addr, mask);
    // Whether the bit is set: Find returns it, Insert branches on it.
    f.ins()
        .get(addr)
        .i64_load(m64(0))
        .get(mask)
        .i64_and()
        .i64_eqz()
        .i32_eqz();
    let in_bitmap = match on_bit {
        OnBit::Insert(in_bitmap) => in_bitmap,
        OnBit::Find => {
            f.ins().return_().end();
            return;
        }
        OnBit::Claim(claimed) => {
            f.ins().if_(BlockType::Empty).return_().end();
            set_bit(f, addr, mask);
            f.ins().i32_const(1).set(claimed).end();
            return;
        }
    };
    f.ins().if_(BlockType::Empty).i32_const(-1).return_().end();
    set_bit(f, addr, mask);
    f.ins().i32_const(1).set(in_bitmap).br(1).end();
}

/// Sets the bit `mask` of the bitmap word at local `addr`.
fn set_bit(f: &mut FnBuilder, addr: Local, mask: Local) {
    f.ins()
        .get(addr)
        .get(addr)
        .i64_load(m64(0))
        .get(mask)
        .i64_or()
        .i64_store(m64(0));
}

/// Emits the writing of every set bit of `map`, in order, as a row of `width` (a
/// local: 1 or 2) Ints from local `dst` on (which it advances past them).
fn write_rows(f: &mut FnBuilder, map: &Bitmap, dst: Local, width: Local) {
    let [w, at] = [(); 2].map(|_| f.local(ValType::I32));
    let [word, bit, mask] = [(); 3].map(|_| f.local(ValType::I64));
    // Every set bit, in order, as a row of Ints at `dst`.
    f.ins()
        .i64_const(1)
        .get(map.shift)
        .i64_shl()
        .i64_const(1)
        .i64_sub()
        .set(mask);
    loop_start(f, w, map.words);
    f.ins()
        .get(map.bits)
        .get(w)
        .i32_const(3)
        .i32_shl()
        .i32_add()
        .tee(at)
        .i64_load(m64(0))
        .set(word)
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .get(word)
        .i64_eqz()
        .br_if(1)
        .get(w)
        .i64_extend_i32_u()
        .i64_const(6)
        .i64_shl()
        .get(word)
        .i64_ctz()
        .i64_or()
        .set(bit)
        .get(word)
        .get(word)
        .i64_const(1)
        .i64_sub()
        .i64_and()
        .set(word)
        .get(dst)
        .i64_const(i64::from(TAG_INT))
        .i64_store(m64(0))
        .get(dst)
        .get(bit)
        .get(map.shift)
        .i64_shr_u()
        .get(map.low[0])
        .i64_add()
        .i64_store(m64(8));
    Width::Local(width).second(f, |f| {
        f.ins()
            .get(dst)
            .i64_const(i64::from(TAG_INT))
            .i64_store(m64(VALUE_SIZE))
            .get(dst)
            .get(bit)
            .get(mask)
            .i64_and()
            .get(map.low[1])
            .i64_add()
            .i64_store(m64(VALUE_SIZE + 8));
    });
    f.ins()
        .get(dst)
        .get(width)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add()
        .set(dst)
        .br(0)
        .end()
        .end();
    loop_end(f, w);
}

/// `SetSorted`, `(set, out, len) -> bool`: when the set (of arity 1 or 2) has a bitmap
/// that holds every one of its rows, and they are `len` (all visible: always so at a
/// top-level QUERY, checked so that this stays right if that changes), writes them at
/// `out` in canonical order, read off that bitmap, and returns 1; otherwise returns
/// 0 and writes nothing.
pub(super) fn set_sorted(mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [s, out, len] = f.params();
    let map = Bitmap {
        low: [f.local(ValType::I64), f.local(ValType::I64)],
        span: f.local(ValType::I64),
        shift: f.local(ValType::I64),
        bits: f.local(ValType::I32),
        words: f.local(ValType::I32),
    };
    let [w, width, dst] = [(); 3].map(|_| f.local(ValType::I32));
    let total = f.local(ValType::I64);
    field(&mut f, s, SET_BITS);
    f.ins().tee(map.bits).i32_eqz().get(len);
    field(&mut f, s, SET_LEN);
    f.ins()
        .i32_ne()
        .i32_or()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end();
    field(&mut f, s, SET_ARITY);
    f.ins().set(width);
    field(&mut f, s, SET_SPAN0);
    f.ins().i64_extend_i32_u().set(map.span);
    field(&mut f, s, SET_SHIFT);
    f.ins()
        .i64_extend_i32_u()
        .set(map.shift)
        .get(s)
        .i64_load(m64(SET_LOW0))
        .set(map.low[0])
        .get(s)
        .i64_load(m64(SET_LOW1))
        .set(map.low[1]);
    words_of(&mut f, map.span, map.shift, map.words);
    // Every row is in the bitmap when it has as many bits set as the set has rows
    // (a row outside the rectangle is only in the hash table).
    loop_start(&mut f, w, map.words);
    f.ins()
        .get(total)
        .get(map.bits)
        .get(w)
        .i32_const(3)
        .i32_shl()
        .i32_add()
        .i64_load(m64(0))
        .i64_popcnt()
        .i64_add()
        .set(total);
    loop_end(&mut f, w);
    f.ins()
        .get(total)
        .get(len)
        .i64_extend_i32_u()
        .i64_ne()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end()
        .get(out)
        .set(dst);
    write_rows(&mut f, &map, dst, width);
    f.ins().i32_const(1);
    f.finish()
}
