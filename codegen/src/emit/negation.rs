//! The NOT clause (spec §9.1, `ir::Op::Not`): an anti-join probe. The key is
//! evaluated left to right, then looked up: in the clause's index (some columns
//! `?`), in the relation's own set (every column bound: `SetFind`), or, with every
//! argument `?`, whether the relation has a row. A tuple found costs one step at the
//! clause and ends the binding; none found runs the rest of the plan
//! (docs/decisions.md 204).

use super::env::{Env, store_scratch};
use super::expr::values;
use crate::abi::{REL_SIZE, REL_VISIBLE, SCRATCH};
use crate::builder::{CallExt, FnBuilder, m32};
use crate::error::CodegenError;
use crate::functions::Helper;
use crate::registry::Registry;
use crate::rt::emit_step;
use bytelogic_engine::ir::{Expr, IndexId, RelId};
use bytelogic_engine::span::Span;
use wasm_encoder::BlockType;

/// Emits `NOT rel key` (through `index`, at `span`) with `rest`, the rest of the plan,
/// nested where no tuple was found.
pub fn not(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &Env,
    (rel, index, key, span): (RelId, Option<IndexId>, &[Expr], Span),
    rest: impl FnOnce(&mut Registry<'_>, &mut FnBuilder) -> Result<(), CodegenError>,
) -> Result<(), CodegenError> {
    let program = m.program;
    let relation = program
        .relations
        .get(rel.index())
        .ok_or_else(|| CodegenError::InvalidIr(format!("relation {}", rel.0)))?;
    let rel_addr = (m.layout.rels + rel.0 * REL_SIZE) as i32;
    let vals = values(m, f, env, key)?;
    let keyed: Vec<_> = vals.into_iter().map(Some).collect();
    match index {
        Some(ix) if ix.index() < program.indexes.len() => {
            store_scratch(f, &keyed);
            let probe = m.rt(Helper::IndexProbe(ix));
            f.ins().i32_const(SCRATCH as i32).call_fn(probe);
        }
        None if key.is_empty() => {
            f.ins().i32_const(rel_addr).i32_load(m32(REL_VISIBLE));
        }
        None if key.len() == relation.arity as usize => {
            store_scratch(f, &keyed);
            let find = m.rt(Helper::SetFind(relation.arity));
            f.ins()
                .i32_const(rel_addr)
                .i32_const(SCRATCH as i32)
                .call_fn(find);
        }
        _ => {
            return Err(CodegenError::InvalidIr(format!(
                "NOT of `{}` with {} key values and index {index:?}",
                relation.name,
                key.len()
            )));
        }
    }
    let site = m.site(span, None);
    f.ins().if_(BlockType::Empty);
    f.open();
    emit_step(m, f, site);
    f.ins().else_();
    rest(m, f)?;
    f.close();
    Ok(())
}
