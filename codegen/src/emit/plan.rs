//! Rule plans (one WASM function per initial or delta plan: nested loops over
//! scans, LET, WHERE, NOT (`negation.rs`), EMIT) and `solve`, the semi-naive
//! fixpoint of every stratum in the interpreter's order (spec §4.4): per stratum,
//! `settle` (and the memo of rule aggregates forgotten), a first round of initial
//! plans, then rounds of delta plans while a recursive stratum changes.
//!
//! Every block a plan opens is registered ([`FnBuilder::open`]), so that an empty
//! MIN, MAX or MEAN (spec §9.2) can branch to the end of the binding: the end of the
//! innermost scan's body, or of the plan ([`Env::stop`]).

use super::env::{Env, store_scratch};
use super::expr::{expr, truthy, values};
use super::limits::{check_nesting, check_slots};
use super::negation::not;
use crate::abi::*;
use crate::builder::{CallExt, FnBuilder, Local, LocalExt, m32, m64};
use crate::error::CodegenError;
use crate::functions::{FnKey, Helper, PlanKey};
use crate::registry::Registry;
use crate::rt::emit_step;
use crate::walk::op_exprs;
use bytelogic_engine::ir::{AggFunc, ExprKind, IndexId, Op, Plan, RuleId, Version};
use std::cell::Cell;
use wasm_encoder::{BlockType, Function, ValType};

pub(super) fn plan(
    m: &mut Registry<'_>,
    mut f: FnBuilder,
    rule: RuleId,
    key: PlanKey,
) -> Result<Function, CodegenError> {
    let program = m.program;
    let r = program
        .rules
        .get(rule.index())
        .ok_or_else(|| CodegenError::InvalidIr(format!("rule {}", rule.0)))?;
    let plan = key
        .of(r)
        .ok_or_else(|| CodegenError::InvalidIr(format!("{key:?} plan of rule {}", rule.0)))?;
    let what = format!("rule `{}`", r.label);
    check_slots(&what, r.slots, 0)?;
    let scans = plan
        .ops
        .iter()
        .filter(|op| matches!(op, Op::Scan { .. }))
        .count();
    check_nesting(&what, scans)?;
    let env = Env {
        slots: (0..r.slots).map(|_| f.value_local()).collect(),
        names: r.slot_names.clone(),
        check_assigned: false,
        tuples: Vec::new(),
        stop: Cell::new(None),
    };
    // A plan with one EMIT and no aggregate queues its tuples in the emit batch
    // (`rt/batch.rs`) and flushes the batch when it ends.
    let mut emits = plan.ops.iter().filter_map(|op| match op {
        Op::Emit { rel, .. } => Some(rel),
        _ => None,
    });
    let batched = match (emits.next(), emits.next()) {
        (Some(rel), None) if aggregates(plan).next().is_none() => Some(
            program
                .relations
                .get(rel.index())
                .map(|r| ((m.layout.rels + rel.0 * REL_SIZE) as i32, r.arity))
                .ok_or_else(|| CodegenError::InvalidIr(format!("relation {}", rel.0)))?,
        ),
        _ => None,
    };
    if batched.is_some() {
        f.ins()
            .i32_const(m.layout.batch as i32)
            .i32_const(0)
            .i32_store(m32(BATCH_COUNT));
    }
    let stops = aggregates(plan).any(|a| !matches!(a, AggFunc::Count | AggFunc::Sum));
    if stops {
        f.ins().block(BlockType::Empty);
        env.stop.set(Some(f.open()));
    }
    ops(m, &mut f, &env, &plan.ops, batched.is_some())?;
    if stops {
        f.close();
    }
    if let Some((rel_addr, arity)) = batched {
        let flush = m.rt(Helper::Flush(arity));
        f.ins().i32_const(rel_addr).call_fn(flush);
    }
    f.finish()
}

/// The functions of the aggregates in `plan`'s expressions.
fn aggregates(plan: &Plan) -> impl Iterator<Item = AggFunc> {
    let mut found = Vec::new();
    for op in &plan.ops {
        op_exprs(op, &mut |e| {
            if let ExprKind::Aggregate(agg) = &e.kind {
                found.push(agg.func);
            }
        });
    }
    found.into_iter()
}

/// Emits `ops[0]` with the rest of the plan nested inside it; EMIT queues its tuple
/// in the emit batch when `batched`.
fn ops(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &Env,
    ops_: &[Op],
    batched: bool,
) -> Result<(), CodegenError> {
    let Some((op, rest)) = ops_.split_first() else {
        return Ok(());
    };
    let program = m.program;
    match op {
        Op::Scan {
            rel,
            version,
            key,
            bind,
            span,
            ..
        } => {
            let relation = program
                .relations
                .get(rel.index())
                .ok_or_else(|| CodegenError::InvalidIr(format!("relation {}", rel.0)))?;
            let rel_addr = (m.layout.rels + rel.0 * REL_SIZE) as i32;
            let rowsz = (relation.arity * VALUE_SIZE) as i32;
            let site = m.site(*span, None);
            let [lo, hi, list, id, row] = [(); 5].map(|_| f.local(ValType::I32));
            let keyed = keyed_index(op);
            if let Some(ix) = keyed {
                if ix.index() >= program.indexes.len() {
                    return Err(CodegenError::InvalidIr(format!("index {}", ix.0)));
                }
                let keys: Vec<Option<(Local, Local)>> = key
                    .iter()
                    .map(|s| slot(env, s.index()).map(Some))
                    .collect::<Result<_, _>>()?;
                store_scratch(f, &keys);
                let probe = m.rt(Helper::IndexProbe(ix));
                let entry = f.local(ValType::I32);
                f.ins()
                    .i32_const(SCRATCH as i32)
                    .call_fn(probe)
                    .tee(entry)
                    .if_(BlockType::Empty);
                f.open();
                f.ins()
                    .get(entry)
                    .i32_load(m32(4))
                    .set(list)
                    .get(entry)
                    .i32_load(m32(8))
                    .set(hi)
                    .i32_const(0)
                    .set(lo);
                if *version == Version::Delta {
                    let lb = m.rt(Helper::LowerBound);
                    for (bound, field) in [(lo, REL_RECENT_START), (hi, REL_RECENT_END)] {
                        f.ins()
                            .get(list)
                            .get(entry)
                            .i32_load(m32(8))
                            .i32_const(rel_addr)
                            .i32_load(m32(field))
                            .call_fn(lb)
                            .set(bound);
                    }
                }
            } else {
                let (start, end) = match version {
                    Version::Full => (None, REL_VISIBLE),
                    Version::Delta => (Some(REL_RECENT_START), REL_RECENT_END),
                };
                match start {
                    Some(start) => f.ins().i32_const(rel_addr).i32_load(m32(start)),
                    None => f.ins().i32_const(0),
                };
                f.ins().set(lo);
                f.ins().i32_const(rel_addr).i32_load(m32(end)).set(hi);
            }
            // for lo <= i < hi: one step per tuple visited, bind, run the rest.
            f.ins().block(BlockType::Empty).loop_(BlockType::Empty);
            f.open();
            f.open();
            f.ins().get(lo).get(hi).i32_ge_u().br_if(1);
            if keyed.is_some() {
                f.ins()
                    .get(list)
                    .get(lo)
                    .i32_const(4)
                    .i32_mul()
                    .i32_add()
                    .i32_load(m32(0))
                    .set(id);
            } else {
                f.ins().get(lo).set(id);
            }
            emit_step(m, f, site);
            f.ins()
                .i32_const(rel_addr)
                .i32_load(m32(SET_ROWS))
                .get(id)
                .i32_const(rowsz)
                .i32_mul()
                .i32_add()
                .set(row);
            for &(col, s) in bind {
                if col >= relation.arity {
                    return Err(CodegenError::InvalidIr(format!(
                        "column {col} of `{}`",
                        relation.name
                    )));
                }
                let (t, p) = slot(env, s.index())?;
                let at = col * VALUE_SIZE;
                f.ins()
                    .get(row)
                    .i32_load(m32(at))
                    .set(t)
                    .get(row)
                    .i64_load(m64(at + 8))
                    .set(p);
            }
            // The rest for this tuple, in a block the binding's stop ends.
            let outer = env.stop.get();
            if outer.is_some() {
                f.ins().block(BlockType::Empty);
                env.stop.set(Some(f.open()));
            }
            ops(m, f, env, rest, batched)?;
            if outer.is_some() {
                f.close();
                env.stop.set(outer);
            }
            f.ins().get(lo).i32_const(1).i32_add().set(lo).br(0);
            f.close();
            f.close();
            if keyed.is_some() {
                f.close();
            }
        }
        Op::Let { slot: s, expr: e } => {
            let (t, p) = slot(env, s.index())?;
            expr(m, f, env, e)?;
            f.ins().set(p).set(t);
            ops(m, f, env, rest, batched)?;
        }
        Op::Filter(cond) => {
            expr(m, f, env, cond)?;
            truthy(f);
            f.ins().if_(BlockType::Empty);
            f.open();
            ops(m, f, env, rest, batched)?;
            f.close();
        }
        Op::Emit { rel, args, span } => {
            let relation = program
                .relations
                .get(rel.index())
                .ok_or_else(|| CodegenError::InvalidIr(format!("relation {}", rel.0)))?;
            if args.len() != relation.arity as usize {
                return Err(CodegenError::InvalidIr(format!(
                    "EMIT of {} values into `{}`",
                    args.len(),
                    relation.name
                )));
            }
            let vals = values(m, f, env, args)?;
            store_scratch(f, &vals.into_iter().map(Some).collect::<Vec<_>>());
            let site = m.site(*span, Some(&relation.name));
            let emit = m.rt(if batched {
                Helper::Queue(relation.arity)
            } else {
                Helper::Emit(relation.arity)
            });
            f.ins()
                .i32_const((m.layout.rels + rel.0 * REL_SIZE) as i32)
                .i32_const(site)
                .call_fn(emit);
            ops(m, f, env, rest, batched)?;
        }
        Op::Not {
            rel,
            index,
            key,
            span,
        } => not(m, f, env, (*rel, *index, key, *span), |m, f| {
            ops(m, f, env, rest, batched)
        })?,
    }
    Ok(())
}

/// The indexes `plan` probes: its keyed scans', its NOT clauses' and its
/// aggregates' (spec §9).
fn probed_indexes(plan: &Plan) -> Vec<IndexId> {
    let mut found = Vec::new();
    for op in &plan.ops {
        found.extend(keyed_index(op));
        if let Op::Not {
            index: Some(ix), ..
        } = op
        {
            found.push(*ix);
        }
        op_exprs(op, &mut |e| {
            if let ExprKind::Aggregate(agg) = &e.kind {
                found.extend(agg.index);
            }
        });
    }
    found
}

/// The index a SCAN probes (a keyed JOIN), if any.
fn keyed_index(op: &Op) -> Option<IndexId> {
    match op {
        Op::Scan {
            index: Some(ix),
            key,
            ..
        } if !key.is_empty() => Some(*ix),
        _ => None,
    }
}

fn slot(env: &Env, i: usize) -> Result<(Local, Local), CodegenError> {
    env.slots
        .get(i)
        .copied()
        .ok_or_else(|| CodegenError::InvalidIr(format!("variable slot {i}")))
}

pub(super) fn solve(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let program = m.program;
    let [upto] = f.params();
    let changed = f.local(ValType::I32);
    let settle = m.rt(Helper::Settle);
    // The memo of rule aggregates holds results for one stratum run (the relations
    // they read are finished meanwhile, spec §9.3).
    let forget = (program.memos > 0).then(|| m.rt(Helper::MemoClear));
    let merge_all = m.rt(Helper::MergeAll);
    let iterations = Global::Iterations.index();
    for stratum in &program.strata {
        let Some(first) = stratum.rules.iter().map(|r| r.0).min() else {
            continue;
        };
        // Runs `plans` of each active rule, then merges; `changed` says if anything was new.
        let round =
            |m: &mut Registry<'_>, f: &mut FnBuilder, delta: bool| -> Result<(), CodegenError> {
                f.ins()
                    .global_get(iterations)
                    .i64_const(1)
                    .i64_add()
                    .global_set(iterations);
                for id in &stratum.rules {
                    let rule = program
                        .rules
                        .get(id.index())
                        .ok_or_else(|| CodegenError::InvalidIr(format!("rule {}", id.0)))?;
                    let plans: Vec<PlanKey> = if delta {
                        (0..rule.deltas.len() as u32).map(PlanKey::Delta).collect()
                    } else {
                        vec![PlanKey::Initial]
                    };
                    if plans.is_empty() {
                        continue;
                    }
                    f.ins()
                        .get(upto)
                        .i32_const(id.0 as i32)
                        .i32_gt_u()
                        .if_(BlockType::Empty);
                    // File what the indexes these plans probe are missing.
                    let mut probed: Vec<IndexId> = plans
                        .iter()
                        .filter_map(|k| k.of(rule))
                        .flat_map(probed_indexes)
                        .collect();
                    probed.sort_unstable();
                    probed.dedup();
                    for ix in probed {
                        let catch_up = m.rt(Helper::IndexCatchUp(ix));
                        f.ins().call_fn(catch_up);
                    }
                    for k in plans {
                        let target = m.func(FnKey::Plan(*id, k));
                        f.ins().call_fn(target);
                    }
                    f.ins().end();
                }
                f.ins().call_fn(merge_all).set(changed);
                Ok(())
            };
        f.ins()
            .get(upto)
            .i32_const(first as i32)
            .i32_gt_u()
            .if_(BlockType::Empty)
            .call_fn(settle);
        if let Some(forget) = forget {
            f.ins().call_fn(forget);
        }
        round(m, &mut f, false)?;
        if stratum.recursive {
            f.ins()
                .block(BlockType::Empty)
                .loop_(BlockType::Empty)
                .get(changed)
                .i32_eqz()
                .br_if(1);
            round(m, &mut f, true)?;
            f.ins().br(0).end().end();
        }
        f.ins().end();
    }
    f.finish()
}
