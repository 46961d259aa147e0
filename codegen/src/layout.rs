//! The static memory area: relation and index descriptors, the texts and table of the
//! program's Symbols (the written ones, then any a caller injected), laid out after
//! the scratch buffer (see `ABI.md`).

use crate::abi::{self, *};
use crate::error::CodegenError;
use bytelogic_engine::ir::Program;
use bytelogic_engine::value::Sym;

/// Addresses of the static area (after the scratch buffer); see `ABI.md`.
#[derive(Clone, Debug)]
pub struct Layout {
    /// The emit batch (see [`abi::BATCH_COUNT`] and the fields after it).
    pub batch: u32,
    /// Relation descriptors, [`abi::REL_SIZE`] bytes each, by relation id.
    pub rels: u32,
    /// Index descriptors, [`abi::IDX_SIZE`] bytes each, by index id.
    pub idxs: u32,
    /// The memo descriptors ([`abi::MEMO_SIZE`] bytes each, by memo id: [`abi::MEMO_SLOTS`]
    /// and the field after it) of a program with aggregates in rules (spec §9.2); 0 in
    /// one without.
    pub memo: u32,
    /// Written Symbol table entries, by Symbol id.
    pub symtab: u32,
    /// The site table.
    pub sites: u32,
    /// Static bytes from [`abi::SCRATCH`] up to `sites`.
    pub data: Vec<u8>,
}

fn align(n: u32, to: u32) -> u32 {
    n.div_ceil(to) * to
}

fn put(data: &mut Vec<u8>, at: u32, value: u32) {
    let i = (at - abi::SCRATCH) as usize;
    if data.len() < i + 4 {
        data.resize(i + 4, 0);
    }
    data[i..i + 4].copy_from_slice(&value.to_le_bytes());
}

/// Computes the static layout and its initial bytes.
pub fn layout(program: &Program) -> Result<Layout, CodegenError> {
    let max_arity = program.relations.iter().map(|r| r.arity).max().unwrap_or(1);
    let scratch_end = abi::SCRATCH + max_arity.max(1) * VALUE_SIZE;
    let batch = align(scratch_end, 16);
    let rels = batch + BATCH_TUPLES + BATCH * max_arity.max(1) * VALUE_SIZE;
    let idxs = rels + program.relations.len() as u32 * REL_SIZE;
    let mut next = idxs + program.indexes.len() as u32 * IDX_SIZE;
    let mut data = Vec::new();
    for (i, def) in program.indexes.iter().enumerate() {
        let rel = program
            .relations
            .get(def.rel.index())
            .ok_or_else(|| CodegenError::InvalidIr(format!("index {i} of unknown relation")))?;
        if let Some(&c) = def.columns.iter().find(|&&c| c >= rel.arity) {
            return Err(CodegenError::InvalidIr(format!(
                "index {i} on column {c} of `{}`",
                rel.name
            )));
        }
        let at = idxs + i as u32 * IDX_SIZE;
        put(&mut data, at + IDX_NCOLS, def.columns.len() as u32);
        put(&mut data, at + IDX_COLS, next);
        put(&mut data, at + IDX_REL, rels + def.rel.0 * REL_SIZE);
        put(
            &mut data,
            at + IDX_DIRECT,
            u32::from(def.columns.len() == 1),
        );
        for &c in &def.columns {
            put(&mut data, next, c);
            next += 4;
        }
    }
    for (r, rel) in program.relations.iter().enumerate() {
        let at = rels + r as u32 * REL_SIZE;
        put(&mut data, at + SET_ARITY, rel.arity);
    }
    let memo = if program.memos > 0 {
        let size = program
            .memos
            .checked_mul(MEMO_SIZE)
            .filter(|&size| size < 1 << 24)
            .ok_or_else(|| CodegenError::InvalidIr(format!("{} memos", program.memos)))?;
        next = align(next, 8) + size;
        next - size
    } else {
        0
    };
    let known = program.symbols.len() as u32;
    let mut texts = Vec::new();
    for id in 0..known {
        texts.push(program.symbols.resolve(Sym(id)).as_bytes());
    }
    let symtab = align(next + texts.iter().map(|t| t.len() as u32).sum::<u32>(), 8);
    let mut text_at = next;
    for (id, t) in texts.iter().enumerate() {
        let i = (text_at - abi::SCRATCH) as usize;
        if data.len() < i + t.len() {
            data.resize(i + t.len(), 0);
        }
        data[i..i + t.len()].copy_from_slice(t);
        put(&mut data, symtab + id as u32 * SYM_ENTRY, text_at);
        put(
            &mut data,
            symtab + id as u32 * SYM_ENTRY + 4,
            t.len() as u32,
        );
        text_at += t.len() as u32;
    }
    let sites = align(symtab + known * SYM_ENTRY, 8);
    Ok(Layout {
        batch,
        rels,
        idxs,
        memo,
        symtab,
        sites,
        data,
    })
}
