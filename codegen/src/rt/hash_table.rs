//! The module's hash tables (the intern table of Symbols, the dedup tables of
//! tuple sets, the tables of indexes): open addressing with linear probing, load at
//! most ½, entries that start with `[hash: i32, id: i32]` (`id` 0 marks a free
//! entry) and keep the hash, so growing never re-reads what they point to.

use crate::builder::{
    FnBuilder, Local, LocalExt, alloc_table, field, loop_end, loop_start, m32, m64,
};
use crate::error::CodegenError;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// Sets `out` to the address of the first free entry (i32 at +4 is 0) of the open
/// addressing table `tbl` with `cap` entries of `stride` bytes, probing from hash `h`.
pub(super) fn probe_free(
    f: &mut FnBuilder,
    tbl: Local,
    cap: Local,
    h: Local,
    stride: u32,
    out: Local,
) {
    let i = f.local(ValType::I32);
    f.ins()
        .get(h)
        .get(cap)
        .i32_const(1)
        .i32_sub()
        .i32_and()
        .set(i)
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .get(tbl)
        .get(i)
        .i32_const(stride as i32)
        .i32_mul()
        .i32_add()
        .tee(out)
        .i32_load(m32(4))
        .i32_eqz()
        .br_if(1)
        .get(i)
        .i32_const(1)
        .i32_add()
        .get(cap)
        .i32_const(1)
        .i32_sub()
        .i32_and()
        .set(i)
        .br(0)
        .end()
        .end();
}

/// Emits the probe loop of an open-addressing table whose entries, `stride` bytes
/// apart, start with `[hash: i32, id: i32]` (`id` 0 marks a free entry). From entry
/// `i`, it stops at the first free entry; at each entry whose hash equals local `h`, it
/// runs `on_hash` (with the entry's address in `e` and its id in `id`; the loop's
/// block is label 2 there, so `br_if 2` ends the probe). `table` and `mask` push the
/// table's address and `capacity - 1`.
pub(super) fn probe_entries(
    f: &mut FnBuilder,
    table: impl Fn(&mut FnBuilder),
    mask: impl Fn(&mut FnBuilder),
    stride: u32,
    [i, e, id, h]: [Local; 4],

    on_hash: impl FnOnce(&mut FnBuilder),
) {
    f.ins().block(BlockType::Empty).loop_(BlockType::Empty);
    table(f);
    entry_id(f, i, stride, e);
    f.ins()
        .tee(id)
        .i32_eqz()
        .br_if(1)
        .get(e)
        .i32_load(m32(0))
        .get(h)
        .i32_eq()
        .if_(BlockType::Empty);
    on_hash(f);
    f.ins().end().get(i).i32_const(1).i32_add();
    mask(f);
    f.ins().i32_and().set(i).br(0).end().end();
}

/// With a table's address on the stack, emits the address of its entry `i` (of
/// `stride` bytes) into local `e` and leaves the entry's id (the i32 at +4) on the stack.
fn entry_id(f: &mut FnBuilder, i: Local, stride: u32, e: Local) {
    f.ins()
        .get(i)
        .i32_const(stride as i32)
        .i32_mul()
        .i32_add()
        .tee(e)
        .i32_load(m32(4));
}

/// Emits the loop that files each entry of the table at local `old` (`oldcap`
/// entries of `stride` bytes, the i32 at +4 nonzero when taken) in the zeroed table at
/// local `tbl` of `cap` entries (a power of two), copied whole, under the hash that
/// `hash(f, e, h)` leaves in local `h` for the entry at local `e` (written in the entry
/// when it is not kept there).
pub(super) fn refile(
    f: &mut FnBuilder,
    [old, oldcap, tbl, cap]: [Local; 4],
    stride: u32,
    hash: impl FnOnce(&mut FnBuilder, Local, Local),
) {
    let [i, e, h, slot] = [(); 4].map(|_| f.local(ValType::I32));
    loop_start(f, i, oldcap);
    f.ins().get(old);
    entry_id(f, i, stride, e);
    f.ins().if_(BlockType::Empty);
    hash(f, e, h);
    probe_free(f, tbl, cap, h, stride, slot);
    for word in (0..stride).step_by(8) {
        f.ins()
            .get(slot)
            .get(e)
            .i64_load(m64(word))
            .i64_store(m64(word));
    }
    f.ins().end();
    loop_end(f, i);
}

/// Tables with fewer entries than this grow fourfold, larger ones double
/// (docs/decisions.md 185): from 16 entries a table reaches this size, and every size
/// past it, as it did by doubling.
const GROW_FOURFOLD_BELOW: u32 = 4096;

/// `SetGrow` (`tbl`/`tcap` the set's table fields, 8-byte entries), `IndexGrow` (the
/// index's, [`crate::abi::ENTRY_SIZE`]) or `MemoGrow`: grows the table fourfold below
/// [`GROW_FOURFOLD_BELOW`] entries, else doubles it (to 16 entries when it has none),
/// filing each entry again by the hash it keeps. `SetGrow` has a second parameter, a
/// capacity the new table must have at least (a power of two).
pub(super) fn table_grow(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    (tbl_at, cap_at): (u32, u32),
    stride: u32,
) -> Result<Function, CodegenError> {
    let params = f.param_list();
    let d = params[0];
    let [cap, oldcap, tbl, old] = [(); 4].map(|_| f.local(ValType::I32));
    field(&mut f, d, tbl_at);
    f.ins().set(old);
    field(&mut f, d, cap_at);
    f.ins()
        .tee(oldcap)
        .get(oldcap)
        .i32_const(GROW_FOURFOLD_BELOW as i32)
        .i32_lt_u()
        .i32_const(1)
        .i32_add()
        .i32_shl()
        .i32_const(16)
        .get(oldcap)
        .select()
        .set(cap);
    if let Some(&want) = params.get(1) {
        f.ins()
            .get(cap)
            .get(want)
            .get(cap)
            .get(want)
            .i32_gt_u()
            .select()
            .set(cap);
    }
    alloc_table(m, &mut f, cap, stride, tbl);
    refile(&mut f, [old, oldcap, tbl, cap], stride, |f, e, h| {
        field(f, e, 0);
        f.ins().set(h);
    });
    f.ins()
        .get(d)
        .get(tbl)
        .i32_store(m32(tbl_at))
        .get(d)
        .get(cap)
        .i32_store(m32(cap_at));
    f.finish()
}
