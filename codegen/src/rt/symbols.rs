//! Symbols at run time: the Symbol table (text pointer and length by id; the
//! IR's Symbols first, from a data segment), the intern hash table, and the
//! Symbols made by concatenation and CHAR_AT.

use super::hash_table::{probe_entries, probe_free};
use super::values::fold_hash;
use crate::abi::{Global, SYM_ENTRY};
use crate::builder::{
    CallExt, FnBuilder, Local, LocalExt, alloc_table, loop_end, loop_start, m32, words_end,
    words_start,
};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use wasm_encoder::{BlockType, Function, ValType};

/// Loads the text pointer and byte length of the Symbol whose id is in i32 local
/// `id` into locals `ptr` and `len` (`ptr` may be `id`).
pub(super) fn push_text(f: &mut FnBuilder, id: Local, ptr: Local, len: Local) {
    f.ins()
        .global_get(Global::SymPtr.index())
        .get(id)
        .i32_const(SYM_ENTRY as i32)
        .i32_mul()
        .i32_add()
        .tee(ptr)
        .i32_load(m32(4))
        .set(len)
        .get(ptr)
        .i32_load(m32(0))
        .set(ptr);
}

/// Pushes the 8 bytes at `base + i` as an i64.
fn word_at(f: &mut FnBuilder, base: Local, i: Local) {
    f.ins()
        .get(base)
        .get(i)
        .i32_add()
        .i64_load(crate::builder::mem(0, 0));
}

/// The text hash: FNV-style over 8-byte words, then the last bytes one by one, then a
/// 64-bit finalizer folded to 32 bits. Word steps keep long strings (built by
/// concatenation) cheap to intern.
pub(super) fn hash_bytes(mut f: FnBuilder) -> Result<Function, CodegenError> {
    const PRIME: i64 = 0x0000_0100_0000_01b3;
    let [ptr, len] = f.params();
    let i = f.local(ValType::I32);
    let h = f.local(ValType::I64);
    f.ins().i64_const(0xcbf2_9ce4_8422_2325_u64 as i64).set(h);
    let step = |f: &mut FnBuilder| {
        f.ins().i64_xor().i64_const(PRIME).i64_mul().set(h);
    };
    words_start(&mut f, i, len);
    f.ins().get(h);
    word_at(&mut f, ptr, i);
    step(&mut f);
    words_end(&mut f, i);
    loop_start(&mut f, i, len);
    f.ins()
        .get(h)
        .get(ptr)
        .get(i)
        .i32_add()
        .i64_load8_u(crate::builder::mem(0, 0));
    step(&mut f);
    loop_end(&mut f, i);
    for _ in 0..2 {
        f.ins()
            .get(h)
            .get(h)
            .i64_const(33)
            .i64_shr_u()
            .i64_xor()
            .i64_const(0xff51_afd7_ed55_8ccd_u64 as i64)
            .i64_mul()
            .set(h);
    }
    fold_hash(&mut f, h);
    f.finish()
}

pub(super) fn cmp_bytes(mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [a, alen, b, blen] = f.params();
    let [i, end, x, y] = [(); 4].map(|_| f.local(ValType::I32));
    f.ins()
        .get(alen)
        .get(blen)
        .get(alen)
        .get(blen)
        .i32_lt_u()
        .select()
        .set(end);
    // Equal 8-byte words are skipped; the first word that differs (or the tail) is
    // compared byte by byte, from `i` on.
    words_start(&mut f, i, end);
    word_at(&mut f, a, i);
    word_at(&mut f, b, i);
    f.ins().i64_ne().br_if(1);
    words_end(&mut f, i);
    loop_start(&mut f, i, end);
    f.ins()
        .get(a)
        .get(i)
        .i32_add()
        .i32_load8_u(crate::builder::mem(0, 0))
        .tee(x)
        .get(b)
        .get(i)
        .i32_add()
        .i32_load8_u(crate::builder::mem(0, 0))
        .tee(y)
        .i32_ne()
        .if_(BlockType::Empty)
        .get(x)
        .get(y)
        .i32_gt_u()
        .get(x)
        .get(y)
        .i32_lt_u()
        .i32_sub()
        .return_()
        .end();
    loop_end(&mut f, i);
    f.ins()
        .get(alen)
        .get(blen)
        .i32_gt_u()
        .get(alen)
        .get(blen)
        .i32_lt_u()
        .i32_sub();
    f.finish()
}

pub(super) fn intern_grow(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
) -> Result<Function, CodegenError> {
    let [cap, tbl, old, oldcap, i, e, h, slot] = [(); 8].map(|_| f.local(ValType::I32));
    f.ins()
        .global_get(Global::InternTbl.index())
        .set(old)
        .global_get(Global::InternCap.index())
        .tee(oldcap)
        .i32_const(1)
        .i32_shl()
        .i32_const(16)
        .get(oldcap)
        .select()
        .set(cap);
    alloc_table(m, &mut f, cap, 8, tbl);
    loop_start(&mut f, i, oldcap);
    f.ins()
        .get(old)
        .get(i)
        .i32_const(8)
        .i32_mul()
        .i32_add()
        .tee(e)
        .i32_load(m32(4))
        .if_(BlockType::Empty)
        .get(e)
        .i32_load(m32(0))
        .set(h);
    probe_free(&mut f, tbl, cap, h, 8, slot);
    f.ins()
        .get(slot)
        .get(e)
        .i64_load(crate::builder::m64(0))
        .i64_store(crate::builder::m64(0))
        .end();
    loop_end(&mut f, i);
    f.ins()
        .get(tbl)
        .global_set(Global::InternTbl.index())
        .get(cap)
        .global_set(Global::InternCap.index());
    f.finish()
}

pub(super) fn intern(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [ptr, len] = f.params();
    let grow = m.rt(Helper::InternGrow);
    let hash = m.rt(Helper::HashBytes);
    let cmp = m.rt(Helper::CmpBytes);
    let alloc = m.rt(Helper::Alloc);
    let [h, i, e, id1, ep, newcap, nt] = [(); 7].map(|_| f.local(ValType::I32));
    let (sym_ptr, sym_len, sym_cap) = (
        Global::SymPtr.index(),
        Global::SymLen.index(),
        Global::SymCap.index(),
    );
    let (tbl, cap) = (Global::InternTbl.index(), Global::InternCap.index());
    f.ins()
        .global_get(sym_len)
        .i32_const(1)
        .i32_add()
        .i32_const(1)
        .i32_shl()
        .global_get(cap)
        .i32_gt_u()
        .if_(BlockType::Empty)
        .call_fn(grow)
        .end()
        .get(ptr)
        .get(len)
        .call_fn(hash)
        .tee(h)
        .global_get(cap)
        .i32_const(1)
        .i32_sub()
        .i32_and()
        .set(i);
    probe_entries(
        &mut f,
        |f| {
            f.ins().global_get(tbl);
        },
        |f| {
            f.ins().global_get(cap).i32_const(1).i32_sub();
        },
        8,
        [i, e, id1, h],
        |f| {
            f.ins()
                .global_get(sym_ptr)
                .get(id1)
                .i32_const(1)
                .i32_sub()
                .i32_const(SYM_ENTRY as i32)
                .i32_mul()
                .i32_add()
                .tee(ep)
                .i32_load(m32(0))
                .get(ep)
                .i32_load(m32(4))
                .get(ptr)
                .get(len)
                .call_fn(cmp)
                .i32_eqz()
                .if_(BlockType::Empty)
                .get(id1)
                .i32_const(1)
                .i32_sub()
                .return_()
                .end();
        },
    );
    f.ins()
        // New: grow the Symbol table if full, append, file in the intern table.
        .global_get(sym_len)
        .global_get(sym_cap)
        .i32_eq()
        .if_(BlockType::Empty)
        .global_get(sym_cap)
        .i32_const(1)
        .i32_shl()
        .i32_const(16)
        .i32_add()
        .tee(newcap)
        .i32_const(SYM_ENTRY as i32)
        .i32_mul()
        .call_fn(alloc)
        .tee(nt)
        .global_get(sym_ptr)
        .global_get(sym_len)
        .i32_const(SYM_ENTRY as i32)
        .i32_mul()
        .memory_copy(0, 0)
        .get(nt)
        .global_set(sym_ptr)
        .get(newcap)
        .global_set(sym_cap)
        .end()
        .global_get(sym_ptr)
        .global_get(sym_len)
        .i32_const(SYM_ENTRY as i32)
        .i32_mul()
        .i32_add()
        .tee(ep)
        .get(ptr)
        .i32_store(m32(0))
        .get(ep)
        .get(len)
        .i32_store(m32(4))
        .get(e)
        .get(h)
        .i32_store(m32(0))
        .get(e)
        .global_get(sym_len)
        .i32_const(1)
        .i32_add()
        .i32_store(m32(4))
        .global_get(sym_len)
        .global_get(sym_len)
        .i32_const(1)
        .i32_add()
        .global_set(sym_len);
    f.finish()
}

pub(super) fn sym_init(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let intern = m.rt(Helper::Intern);
    let symtab = m.layout.symtab;
    // The IR's Symbols: the written ones, then any injected before the run (ids at or
    // past `written` rank as run-time Symbols in comparisons).
    let known = m.program.symbols.len();
    let i = f.local(ValType::I32);
    let count = f.local(ValType::I32);
    f.ins()
        .i32_const(symtab as i32)
        .global_set(Global::SymPtr.index())
        .i32_const(known as i32)
        .tee(count)
        .global_set(Global::SymCap.index());
    // Interning each known Symbol in id order rewrites its own table entry.
    loop_start(&mut f, i, count);
    f.ins()
        .get(i)
        .i32_const(SYM_ENTRY as i32)
        .i32_mul()
        .i32_load(m32(symtab))
        .get(i)
        .i32_const(SYM_ENTRY as i32)
        .i32_mul()
        .i32_load(m32(symtab + 4))
        .call_fn(intern)
        .drop();
    loop_end(&mut f, i);
    f.finish()
}

pub(super) fn concat(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [a, b] = f.params();
    let alloc = m.rt(Helper::Alloc);
    let intern = m.rt(Helper::Intern);
    let [pa, la, pb, lb, p, end, old, id] = [(); 8].map(|_| f.local(ValType::I32));
    push_text(&mut f, a, pa, la);
    push_text(&mut f, b, pb, lb);
    f.ins()
        .get(la)
        .get(lb)
        .i32_add()
        .call_fn(alloc)
        .tee(p)
        .global_get(Global::Heap.index())
        .set(end)
        .get(pa)
        .get(la)
        .memory_copy(0, 0)
        .get(p)
        .get(la)
        .i32_add()
        .get(pb)
        .get(lb)
        .memory_copy(0, 0)
        .global_get(Global::SymLen.index())
        .set(old)
        .get(p)
        .get(la)
        .get(lb)
        .i32_add()
        .call_fn(intern)
        .tee(id)
        .get(old)
        .i32_lt_u()
        .global_get(Global::Heap.index())
        .get(end)
        .i32_eq()
        .i32_and()
        // Already interned and nothing allocated after the text: free it.
        .if_(BlockType::Empty)
        .get(p)
        .global_set(Global::Heap.index())
        .end()
        .get(id);
    f.finish()
}

pub(super) fn text_cmp(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [a, b] = f.params();
    let cmp = m.rt(Helper::CmpBytes);
    let [pa, la, pb, lb] = [(); 4].map(|_| f.local(ValType::I32));
    push_text(&mut f, a, pa, la);
    push_text(&mut f, b, pb, lb);
    f.ins().get(pa).get(la).get(pb).get(lb).call_fn(cmp);
    f.finish()
}
