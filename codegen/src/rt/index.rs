//! Indexes: a relation's rows grouped by the values of some columns, an
//! open-addressing table from key to an increasing list of row ids. An index is
//! filed before a round whose plans probe it, with the rows made visible since
//! (`IndexCatchUp`); keyed scans probe it (`IndexProbe`) and bound a delta scan's
//! row list by binary search (`LowerBound`).

use super::direct::{file_direct, has_slot, slot_entry};
use super::hash_table::probe_entries;
use super::values::{differs, hash_at, hash_known};
use crate::abi::*;
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, field, loop_end, loop_start, m32, m64};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use bytelogic_engine::ir::{self, IndexId, Program};
use wasm_encoder::{BlockType, Function, ValType};

/// Emits the probe of the table of the index at local `ix` for hash `h`: at each entry
/// with that hash it leaves the entry's address in `e` and its row list in `list`,
/// pushes the address of the list's first row (`rows` plus its id times the row size
/// `row_size` pushes) and runs `on_row`, where `br_if 2` ends the probe (see
/// [`probe_entries`]). After it, `list` is 0 when no entry matched (`e` is then the
/// free entry).
fn probe_index_rows(
    f: &mut FnBuilder,
    ix: Local,
    h: Local,
    (rows, row_size): (Local, impl Fn(&mut FnBuilder)),
    [e, list]: [Local; 2],

    on_row: impl FnOnce(&mut FnBuilder),
) {
    let i = f.local(ValType::I32);
    let mask = f.local(ValType::I32);
    field(f, ix, IDX_TCAP);
    f.ins()
        .i32_const(1)
        .i32_sub()
        .tee(mask)
        .get(h)
        .i32_and()
        .set(i);
    probe_entries(
        f,
        |f| field(f, ix, IDX_TBL),
        |f| {
            f.ins().get(mask);
        },
        ENTRY_SIZE,
        [i, e, list, h],
        |f| {
            f.ins().get(rows).get(list).i32_load(m32(0));
            row_size(f);
            f.ins().i32_mul().i32_add();
            on_row(f);
        },
    );
}

/// Index `ix` as the code of its helpers knows it: its definition and its
/// relation's (checked: every key column is one of the relation's).
fn known(program: &Program, ix: IndexId) -> Result<(&ir::IndexDef, &ir::Relation), CodegenError> {
    let def = program
        .indexes
        .get(ix.index())
        .ok_or_else(|| CodegenError::InvalidIr(format!("index {}", ix.0)))?;
    let relation = program
        .relations
        .get(def.rel.index())
        .ok_or_else(|| CodegenError::InvalidIr(format!("relation {}", def.rel.0)))?;
    if let Some(col) = def.columns.iter().find(|&&c| c >= relation.arity) {
        return Err(CodegenError::InvalidIr(format!(
            "column {col} of `{}`",
            relation.name
        )));
    }
    Ok((def, relation))
}

/// `IndexProbe(ix)`: finds a contiguous key in index `ix`, with the index's
/// descriptor, its relation's row size and its key columns known when the code is
/// generated, so the key's hash and its comparison with a row are unrolled.
pub(super) fn index_probe(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    ix: IndexId,
) -> Result<Function, CodegenError> {
    let [key] = f.params();
    let (def, relation) = known(m.program, ix)?;
    let [d, rows, h, e, list, row] = [(); 6].map(|_| f.local(ValType::I32));
    f.ins()
        .i32_const((m.layout.idxs + ix.0 * IDX_SIZE) as i32)
        .tee(d)
        .i32_load(m32(IDX_TCAP))
        .i32_eqz()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end()
        .i32_const((m.layout.rels + def.rel.0 * REL_SIZE) as i32)
        .i32_load(m32(SET_ROWS))
        .set(rows);
    if def.columns.len() == 1 {
        probe_direct(&mut f, d, key);
    }
    hash_known(&mut f, key, def.columns.len() as u32);
    f.ins().set(h);
    let row_size = |f: &mut FnBuilder| {
        f.ins().i32_const((relation.arity * VALUE_SIZE) as i32);
    };
    probe_index_rows(&mut f, d, h, (rows, row_size), [e, list], |f| {
        f.ins().set(row).i32_const(0);
        for (k, &col) in def.columns.iter().enumerate() {
            differs(f, (row, col * VALUE_SIZE), (key, k as u32 * VALUE_SIZE));
            f.ins().i32_or();
        }
        f.ins().i32_eqz().br_if(2);
    });
    f.ins().get(e).i32_const(0).get(list).select();
    f.finish()
}

/// Emits, for the probe of a one-column index at local `d` for the key at local
/// `key`: while the index has direct slots, returns the key's entry there, or 0 when
/// the key is not an Int or has none (docs/decisions.md 191).
fn probe_direct(f: &mut FnBuilder, d: Local, key: Local) {
    let v = f.local(ValType::I64);
    let at = f.local(ValType::I64);
    let e = f.local(ValType::I32);
    field(f, d, IDX_DIRECT);
    f.ins()
        .if_(BlockType::Empty)
        .get(key)
        .i32_load(m32(0))
        .i32_const(TAG_INT)
        .i32_ne()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end()
        .get(key)
        .i64_load(m64(8))
        .set(v);
    has_slot(f, d, v, at);
    f.ins()
        .i32_eqz()
        .if_(BlockType::Empty)
        .i32_const(0)
        .return_()
        .end();
    slot_entry(f, d, at);
    f.ins()
        .tee(e)
        .i32_const(0)
        .get(e)
        .i32_load(m32(4))
        .select()
        .return_()
        .end();
}

/// `LowerBound`: binary search of the increasing row list `list` of `count` rows for
/// the first position whose row is at least `x`.
pub(super) fn lower_bound(mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [list, count, x] = f.params();
    let lo = f.local(ValType::I32);
    let mid = f.local(ValType::I32);
    // Pushes whether `list[mid] < x`.
    let below = |f: &mut FnBuilder| {
        f.ins()
            .get(list)
            .get(mid)
            .i32_const(4)
            .i32_mul()
            .i32_add()
            .i32_load(m32(0))
            .get(x)
            .i32_lt_u();
    };
    // Until the range `lo..count` is empty: `mid` halves it, and the half that can
    // hold the bound is kept (`lo = mid + 1` or `count = mid`).
    f.ins()
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .get(lo)
        .get(count)
        .i32_ge_u()
        .br_if(1)
        .get(lo)
        .get(count)
        .i32_add()
        .i32_const(1)
        .i32_shr_u()
        .tee(mid)
        .i32_const(1)
        .i32_add()
        .get(lo);
    below(&mut f);
    f.ins().select().set(lo).get(count).get(mid);
    below(&mut f);
    f.ins().select().set(count).br(0).end().end().get(lo);
    f.finish()
}

/// `IndexCatchUp(ix)`: files the rows of index `ix`'s relation made visible since
/// it was last filed, each under its key: appended to the key's row list (doubled
/// when full), or a new entry with a list of 4. As in [`index_probe`], the
/// descriptor, the row size and the key columns are known when the code is
/// generated, so each row's hash and its comparison with a key's first row are
/// unrolled.
pub(super) fn index_catch_up(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    ix: IndexId,
) -> Result<Function, CodegenError> {
    let (def, relation) = known(m.program, ix)?;
    let grow = m.rt(Helper::IndexGrow);
    let alloc = m.rt(Helper::Alloc);
    let rel_addr = (m.layout.rels + def.rel.0 * REL_SIZE) as i32;
    let rowsz = (relation.arity * VALUE_SIZE) as i32;
    let offsets = || def.columns.iter().map(|&c| c * VALUE_SIZE);
    let [d, rows, r, to, rowp, h, e, list, len, nl, other] =
        [(); 11].map(|_| f.local(ValType::I32));
    f.ins()
        .i32_const((m.layout.idxs + ix.0 * IDX_SIZE) as i32)
        .tee(d)
        .i32_load(m32(IDX_FILED))
        .set(r)
        .i32_const(rel_addr)
        .i32_load(m32(REL_VISIBLE))
        .set(to)
        // Filing allocates row lists, which never moves the rows.
        .i32_const(rel_addr)
        .i32_load(m32(SET_ROWS))
        .set(rows);
    loop_start(&mut f, r, to);
    f.ins()
        .get(rows)
        .get(r)
        .i32_const(rowsz)
        .i32_mul()
        .i32_add()
        .set(rowp)
        // The row's key's entry `e` and row list `list` (0: a new key, hashed `h`).
        .block(BlockType::Empty);
    if let [col] = def.columns[..] {
        file_direct(m, &mut f, (d, rowp, col * VALUE_SIZE), [e, list, h], 0);
    }
    field(&mut f, d, IDX_KEYS);
    f.ins().i32_const(1).i32_add().i32_const(1).i32_shl();
    field(&mut f, d, IDX_TCAP);
    f.ins()
        .i32_gt_u()
        .if_(BlockType::Empty)
        .get(d)
        .call_fn(grow)
        .end();
    hash_at(&mut f, rowp, offsets());
    f.ins().set(h);
    let row_size = |f: &mut FnBuilder| {
        f.ins().i32_const(rowsz);
    };
    probe_index_rows(&mut f, d, h, (rows, row_size), [e, list], |f| {
        f.ins().set(other).i32_const(0);
        for off in offsets() {
            differs(f, (other, off), (rowp, off));
            f.ins().i32_or();
        }
        f.ins().i32_eqz().br_if(2);
    });
    f.ins()
        .end()
        .get(list)
        .if_(BlockType::Empty)
        // Known key: append, doubling the list when full.
        .get(e)
        .i32_load(m32(8))
        .tee(len)
        .get(e)
        .i32_load(m32(12))
        .i32_eq()
        .if_(BlockType::Empty)
        .get(len)
        .i32_const(8)
        .i32_mul()
        .call_fn(alloc)
        .tee(nl)
        .get(list)
        .get(len)
        .i32_const(4)
        .i32_mul()
        .memory_copy(0, 0)
        .get(e)
        .get(nl)
        .tee(list)
        .i32_store(m32(4))
        .get(e)
        .get(len)
        .i32_const(1)
        .i32_shl()
        .i32_store(m32(12))
        .end()
        .get(list)
        .get(len)
        .i32_const(4)
        .i32_mul()
        .i32_add()
        .get(r)
        .i32_store(m32(0))
        .get(e)
        .get(len)
        .i32_const(1)
        .i32_add()
        .i32_store(m32(8))
        .else_()
        // New key.
        .i32_const(16)
        .call_fn(alloc)
        .tee(list)
        .get(r)
        .i32_store(m32(0))
        .get(e)
        .get(h)
        .i32_store(m32(0))
        .get(e)
        .get(list)
        .i32_store(m32(4))
        .get(e)
        .i32_const(1)
        .i32_store(m32(8))
        .get(e)
        .i32_const(4)
        .i32_store(m32(12))
        .get(d)
        .get(d)
        .i32_load(m32(IDX_KEYS))
        .i32_const(1)
        .i32_add()
        .i32_store(m32(IDX_KEYS))
        .end();
    loop_end(&mut f, r);
    f.ins().get(d).get(to).i32_store(m32(IDX_FILED));
    f.finish()
}
