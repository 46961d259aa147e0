//! Aggregates (spec §9.2) as `ir::Aggregate` defines them: `GroupRows` finds a group
//! without an index, `Fold(func)` charges its steps and computes the result exactly
//! as the interpreter does, and the memo (`MemoSlot`,
//! `MemoClear`) keeps a rule aggregate's result per group for the stratum run
//! (docs/decisions.md 205).

use super::memory::{Arg, detail, emit_fail};
use super::query::match_row;
use crate::abi::*;
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, field, loop_end, loop_start, m32, m64};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use bytelogic_engine::ast::BinOp;
use bytelogic_engine::ir::AggFunc;
use wasm_encoder::{BlockType, Function, ValType};

pub(super) fn group_rows(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [rel, pattern] = f.params();
    let alloc = m.rt(Helper::Alloc);
    let [arity, rows, len, list, count, r, row, c, j, pc, ok] =
        [(); 11].map(|_| f.local(ValType::I32));
    field(&mut f, rel, SET_ARITY);
    f.ins().set(arity);
    field(&mut f, rel, SET_ROWS);
    f.ins().set(rows);
    field(&mut f, rel, REL_VISIBLE);
    f.ins()
        .tee(len)
        .i32_const(1)
        .i32_add()
        .i32_const(4)
        .i32_mul()
        .call_fn(alloc)
        .set(list);
    loop_start(&mut f, r, len);
    match_row(&mut f, pattern, [rows, r, row], arity, [c, j, pc, ok]);
    f.ins()
        .get(ok)
        .if_(BlockType::Empty)
        .get(count)
        .i32_const(1)
        .i32_add()
        .tee(count)
        .i32_const(4)
        .i32_mul()
        .get(list)
        .i32_add()
        .get(r)
        .i32_store(m32(0))
        .end();
    loop_end(&mut f, r);
    f.ins().get(list).get(count).i32_store(m32(0)).get(list);
    f.finish()
}

/// The locals of `Fold`: its parameters, and where it reads the group's values.
struct Group {
    rel: Local,
    rows: Local,
    n: Local,
    col: Local,
    site: Local,
    /// The address of the value column of the group's `i`-th row ([`Group::value_at`]).
    at: Local,
}

impl Group {
    /// Sets `at` to the address of the value column of the `i`-th row of the group.
    fn value_at(&self, f: &mut FnBuilder, i: Local) {
        field(f, self.rel, SET_ROWS);
        f.ins()
            .get(self.rows)
            .get(i)
            .i32_const(4)
            .i32_mul()
            .i32_add();
        f.ins().i32_load(m32(0));
        field(f, self.rel, SET_ARITY);
        f.ins()
            .i32_mul()
            .get(self.col)
            .i32_add()
            .i32_const(VALUE_SIZE as i32)
            .i32_mul()
            .i32_add()
            .set(self.at);
    }

    /// Pushes the tag and the payload of the value at `at`.
    fn value(&self, f: &mut FnBuilder) {
        f.ins()
            .get(self.at)
            .i32_load(m32(0))
            .get(self.at)
            .i64_load(m64(8));
    }
}

/// `Fold(func)`: the group's `n` steps at once (E401 with the count one past the
/// limit, as one step at a time would leave it), then the result: see
/// `ir::Aggregate` for each function's.
pub(super) fn fold(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    func: AggFunc,
) -> Result<Function, CodegenError> {
    let [rel, rows, n, col, site] = f.params();
    let at = f.local(ValType::I32);
    let g = Group {
        rel,
        rows,
        n,
        col,
        site,
        at,
    };
    let (steps, max) = (Global::Steps.index(), Global::MaxSteps.index());
    f.ins()
        .global_get(max)
        .global_get(steps)
        .i64_sub()
        .get(n)
        .i64_extend_i32_u()
        .i64_lt_u()
        .if_(BlockType::Empty)
        .global_get(max)
        .i64_const(1)
        .i64_add()
        .global_set(steps);
    emit_fail(
        m,
        &mut f,
        401,
        Arg::Local(site),
        detail(Detail::None),
        None,
        None,
    );
    f.ins()
        .end()
        .global_get(steps)
        .get(n)
        .i64_extend_i32_u()
        .i64_add()
        .global_set(steps);
    match func {
        AggFunc::Count => {
            f.ins().i32_const(TAG_INT).get(n).i64_extend_i32_u();
        }
        AggFunc::Sum | AggFunc::Mean => {
            // Empty: SUM is 0, MEAN has no value.
            let empty = if func == AggFunc::Sum {
                TAG_INT
            } else {
                TAG_NONE
            };
            f.ins()
                .get(n)
                .i32_eqz()
                .if_(BlockType::Empty)
                .i32_const(empty)
                .i64_const(0)
                .return_()
                .end();
            total(m, &mut f, &g, func)?;
            if func == AggFunc::Mean {
                let div = m.rt(Helper::Binary(BinOp::Div));
                f.ins()
                    .i32_const(TAG_INT)
                    .get(n)
                    .i64_extend_i32_u()
                    .get(site)
                    .call_fn(div);
            }
        }
        AggFunc::Min | AggFunc::Max => extreme(m, &mut f, &g, func),
    }
    f.finish()
}

/// Pushes the total of SUM and MEAN over the non-empty group: E203 at the first
/// Symbol in row order; with only Ints the exact total (kept in 128 bits, E202 when it
/// is beyond i64); with a Float every value as f64, added in the canonical order of
/// the rows (sorted on the heap, which is then given back), made canonical (E205).
fn total(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    g: &Group,
    func: AggFunc,
) -> Result<(), CodegenError> {
    let sort = m.rt(Helper::Sort);
    let alloc = m.rt(Helper::Alloc);
    let canon = m.rt(Helper::Canon);
    let [i, floats, ptrs, heap, int] = [(); 5].map(|_| f.local(ValType::I32));
    let [lo, hi, next, p] = [(); 4].map(|_| f.local(ValType::I64));
    let (tt, tp) = f.value_local();
    let sum = f.local(ValType::F64);
    let agg = detail(Detail::Aggregate(func));
    f.ins().i32_const(TAG_INT).set(int);
    loop_start(f, i, g.n);
    g.value_at(f, i);
    g.value(f);
    f.ins()
        .set(p)
        .tee(tt)
        .i32_const(TAG_SYM)
        .i32_eq()
        .if_(BlockType::Empty);
    emit_fail(m, f, 203, Arg::Local(g.site), agg, Some((tt, p)), None);
    // lo + p with its carry into hi, p's sign extended into hi: a 128-bit sum.
    f.ins()
        .end()
        .get(tt)
        .i32_const(TAG_INT)
        .i32_ne()
        .get(floats)
        .i32_or()
        .set(floats)
        .get(lo)
        .get(p)
        .i64_add()
        .tee(next)
        .get(lo)
        .i64_lt_u()
        .i64_extend_i32_u()
        .get(hi)
        .i64_add()
        .get(p)
        .i64_const(63)
        .i64_shr_s()
        .i64_add()
        .set(hi)
        .get(next)
        .set(lo);
    loop_end(f, i);
    f.ins()
        .get(floats)
        .i32_eqz()
        .if_(BlockType::Empty)
        .get(hi)
        .get(lo)
        .i64_const(63)
        .i64_shr_s()
        .i64_ne()
        .if_(BlockType::Empty);
    emit_fail(
        m,
        f,
        202,
        Arg::Local(g.site),
        agg,
        Some((int, lo)),
        Some((int, hi)),
    );
    f.ins().end().get(int).set(tt).get(lo).set(tp).else_();
    // Floats: the rows' addresses, sorted canonically, then the sum in that order.
    f.ins()
        .global_get(Global::Heap.index())
        .set(heap)
        .get(g.n)
        .i32_const(4)
        .i32_mul()
        .call_fn(alloc)
        .set(ptrs)
        .i32_const(0)
        .set(i);
    loop_start(f, i, g.n);
    g.value_at(f, i);
    f.ins()
        .get(ptrs)
        .get(i)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .get(g.at)
        .get(g.col)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_sub()
        .i32_store(m32(0));
    loop_end(f, i);
    f.ins().get(ptrs).get(g.n);
    field(f, g.rel, SET_ARITY);
    f.ins()
        .call_fn(sort)
        .f64_const(0.0.into())
        .set(sum)
        .i32_const(0)
        .set(i);
    loop_start(f, i, g.n);
    f.ins()
        .get(ptrs)
        .get(i)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .i32_load(m32(0))
        .get(g.col)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add()
        .set(g.at)
        .get(sum);
    g.value(f);
    f.ins()
        .set(p)
        .i32_const(TAG_INT)
        .i32_eq()
        .if_(BlockType::Result(ValType::F64))
        .get(p)
        .f64_convert_i64_s()
        .else_()
        .get(p)
        .f64_reinterpret_i64()
        .end()
        .f64_add()
        .set(sum);
    loop_end(f, i);
    f.ins()
        .get(heap)
        .global_set(Global::Heap.index())
        .get(sum)
        .get(g.site);
    agg.push(f);
    f.ins()
        .i32_const(TAG_NONE)
        .i64_const(0)
        .i32_const(TAG_NONE)
        .i64_const(0)
        .call_fn(canon)
        .set(tp)
        .set(tt)
        .end()
        .get(tt)
        .get(tp);
    Ok(())
}

/// Pushes MIN or MAX of the group: no value when it is empty, E203 when it holds both
/// a number and a Symbol, else its least or greatest value (spec §2.4 order).
fn extreme(m: &mut Registry<'_>, f: &mut FnBuilder, g: &Group, func: AggFunc) {
    let order = m.rt(Helper::Order);
    let [i, kinds] = [(); 2].map(|_| f.local(ValType::I32));
    let (bt, bp) = f.value_local();
    let agg = detail(Detail::Aggregate(func));
    f.ins()
        .get(g.n)
        .i32_eqz()
        .if_(BlockType::Empty)
        .i32_const(TAG_NONE)
        .i64_const(0)
        .return_()
        .end();
    // Bit 1: a Symbol; bit 2: a number.
    loop_start(f, i, g.n);
    g.value_at(f, i);
    f.ins()
        .get(kinds)
        .i32_const(1)
        .i32_const(2)
        .get(g.at)
        .i32_load(m32(0))
        .i32_const(TAG_SYM)
        .i32_eq()
        .select()
        .i32_or()
        .set(kinds);
    loop_end(f, i);
    f.ins()
        .get(kinds)
        .i32_const(3)
        .i32_eq()
        .if_(BlockType::Empty);
    emit_fail(m, f, 203, Arg::Local(g.site), agg, None, None);
    f.ins().end().i32_const(0).set(i);
    g.value_at(f, i);
    g.value(f);
    f.ins().set(bp).set(bt).i32_const(1).set(i);
    let want = if func == AggFunc::Min { -1 } else { 1 };
    loop_start(f, i, g.n);
    g.value_at(f, i);
    g.value(f);
    f.ins().get(bt).get(bp).get(g.site);
    agg.push(f);
    f.ins()
        .call_fn(order)
        .i32_const(want)
        .i32_eq()
        .if_(BlockType::Empty);
    g.value(f);
    f.ins().set(bp).set(bt).end();
    loop_end(f, i);
    f.ins().get(bt).get(bp);
}

/// `MemoSlot`: the slot of group `key` (its index entry's address, or 0) in the memo
/// of aggregate `memo`, whose index descriptor is `ix` (0 without an index): one slot
/// per entry of the index's table, after slot 0 (no entry). The slots are made, zeroed,
/// when the memo has none or a number that does not fit the table (docs/decisions.md
/// 190); the relation an aggregate reads is finished in its stratum, so its index does
/// not grow while the slots are in use.
pub(super) fn memo_slot(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [memo, ix, key] = f.params();
    let alloc = m.rt(Helper::Alloc);
    let [d, count, slots] = [(); 3].map(|_| f.local(ValType::I32));
    f.ins()
        .get(memo)
        .i32_const(MEMO_SIZE as i32)
        .i32_mul()
        .i32_const(m.layout.memo as i32)
        .i32_add()
        .set(d)
        .get(ix)
        .if_(BlockType::Result(ValType::I32))
        .get(ix)
        .i32_load(m32(IDX_TCAP))
        .else_()
        .i32_const(0)
        .end()
        .i32_const(1)
        .i32_add()
        .tee(count);
    field(&mut f, d, MEMO_COUNT);
    f.ins()
        .i32_ne()
        .if_(BlockType::Empty)
        .get(count)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .call_fn(alloc)
        .tee(slots)
        .i32_const(0)
        .get(count)
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .memory_fill(0)
        .get(d)
        .get(slots)
        .i32_store(m32(MEMO_SLOTS))
        .get(d)
        .get(count)
        .i32_store(m32(MEMO_COUNT))
        .end();
    field(&mut f, d, MEMO_SLOTS);
    f.ins()
        .get(key)
        .if_(BlockType::Result(ValType::I32))
        .get(key)
        .get(ix)
        .i32_load(m32(IDX_TBL))
        .i32_sub()
        .i32_const(ENTRY_SIZE as i32)
        .i32_div_u()
        .i32_const(1)
        .i32_add()
        .else_()
        .i32_const(0)
        .end()
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .i32_add();
    f.finish()
}

/// `MemoClear`: forgets every memo's results (keeping their slots for the next stratum).
pub(super) fn memo_clear(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [d, end] = [(); 2].map(|_| f.local(ValType::I32));
    f.ins()
        .i32_const(m.layout.memo as i32)
        .set(d)
        .i32_const((m.layout.memo + m.program.memos * MEMO_SIZE) as i32)
        .set(end)
        .loop_(BlockType::Empty);
    field(&mut f, d, MEMO_SLOTS);
    f.ins().i32_const(0);
    field(&mut f, d, MEMO_COUNT);
    f.ins()
        .i32_const(VALUE_SIZE as i32)
        .i32_mul()
        .memory_fill(0)
        .get(d)
        .i32_const(MEMO_SIZE as i32)
        .i32_add()
        .tee(d)
        .get(end)
        .i32_lt_u()
        .br_if(0)
        .end();
    f.finish()
}
