//! Open addressing: the probe loops of the module's hash tables (the intern table of
//! Symbols, the dedup tables of tuple sets, the tables of indexes), whose entries
//! start with `[hash: i32, id: i32]`, `id` 0 marking a free entry.

use crate::builder::{FnBuilder, m32};
use wasm_encoder::{BlockType, ValType};

/// Sets `out` to the address of the first free entry (i32 at +4 is 0) of the open
/// addressing table `tbl` with `cap` entries of `stride` bytes, probing from hash `h`.
pub(super) fn probe_free(f: &mut FnBuilder, tbl: u32, cap: u32, h: u32, stride: u32, out: u32) {
    let i = f.local(ValType::I32);
    f.ins()
        .local_get(h)
        .local_get(cap)
        .i32_const(1)
        .i32_sub()
        .i32_and()
        .local_set(i)
        .block(BlockType::Empty)
        .loop_(BlockType::Empty)
        .local_get(tbl)
        .local_get(i)
        .i32_const(stride as i32)
        .i32_mul()
        .i32_add()
        .local_tee(out)
        .i32_load(m32(4))
        .i32_eqz()
        .br_if(1)
        .local_get(i)
        .i32_const(1)
        .i32_add()
        .local_get(cap)
        .i32_const(1)
        .i32_sub()
        .i32_and()
        .local_set(i)
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
    [i, e, id, h]: [u32; 4],
    on_hash: impl FnOnce(&mut FnBuilder),
) {
    f.ins().block(BlockType::Empty).loop_(BlockType::Empty);
    table(f);
    f.ins()
        .local_get(i)
        .i32_const(stride as i32)
        .i32_mul()
        .i32_add()
        .local_tee(e)
        .i32_load(m32(4))
        .local_tee(id)
        .i32_eqz()
        .br_if(1)
        .local_get(e)
        .i32_load(m32(0))
        .local_get(h)
        .i32_eq()
        .if_(BlockType::Empty);
    on_hash(f);
    f.ins().end().local_get(i).i32_const(1).i32_add();
    mask(f);
    f.ins().i32_and().local_set(i).br(0).end().end();
}
