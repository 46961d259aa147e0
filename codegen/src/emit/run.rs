//! The exported `run`: copies the static area into memory, sets the limits and the
//! Symbol table, and executes the
//! top-level statements in program order (spec §3).

use super::env::{Env, store_scratch};
use super::expr::{constant_bytes, expr, values};
use crate::abi::{Global, REL_SIZE, SCRATCH, VALUE_SIZE, program_global};
use crate::builder::{CallExt, FnBuilder, LocalExt};
use crate::error::CodegenError;
use crate::functions::{FnKey, Helper};
use crate::registry::{FACT_SEGMENT, Registry};
use crate::site::Site;
use bytelogic_engine::ir::{Expr, ExprKind, RelId, Step};
use bytelogic_engine::span::Span;
use bytelogic_engine::value::Value;
use std::collections::HashSet;
use wasm_encoder::{BlockType, Function, ValType};

/// Consecutive FACTs of one relation with constant values, at least this many, are
/// loaded by a loop from a table of rows (the data segment [`FACT_SEGMENT`]) rather
/// than by code per fact: a program's thousand facts are ~100 KB of code otherwise,
/// which both compilers pay for before anything runs.
const FACT_TABLE_MIN: usize = 4;

/// A run of distinct FACTs of a relation, at least this many, is loaded at once into
/// an empty set (`FactLoad`, docs/decisions.md 173). Shorter runs, such as the corpus
/// programs' (four at most), keep the module as small as before: the loader is code
/// that both compilers pay for on a program's first run.
const FACT_LOAD_MIN: usize = 8;

pub(super) fn run(m: &mut Registry<'_>, mut f: FnBuilder) -> Result<Function, CodegenError> {
    let [max_steps, max_tuples, max_depth, max_pages] = f.params();
    // The static area is the module's one (passive) data segment, from `SCRATCH` up
    // to where the heap starts.
    f.ins()
        .i32_const(SCRATCH as i32)
        .i32_const(0)
        .global_get(Global::Heap.index())
        .i32_const(SCRATCH as i32)
        .i32_sub()
        .memory_init(0, 0)
        .data_drop(0);
    for (param, g) in [
        (max_steps, Global::MaxSteps),
        (max_tuples, Global::MaxTuples),
        (max_depth, Global::MaxDepth),
        (max_pages, Global::MaxPages),
    ] {
        f.ins().get(param).global_set(g.index());
    }

    let init = m.rt(Helper::SymInit);
    f.ins().call_fn(init);
    let env = Env::top();
    let steps = &m.program.steps;
    let mut next = 0;
    while let Some(step) = steps.get(next) {
        let facts = constant_facts(&steps[next..]);
        if facts.len() >= FACT_TABLE_MIN {
            next += facts.len();
            fact_table(m, &mut f, &facts)?;
        } else {
            next += 1;
            statement(m, &mut f, &env, step)?;
        }
    }
    f.ins().i32_const(0);
    f.finish()
}

/// The relation descriptor address of `rel` (checking the id and the arity of `n` values).
fn relation(m: &Registry<'_>, rel: RelId, n: usize) -> Result<(i32, String), CodegenError> {
    let r = m
        .program
        .relations
        .get(rel.index())
        .ok_or_else(|| CodegenError::InvalidIr(format!("relation {}", rel.0)))?;
    if r.arity as usize != n {
        return Err(CodegenError::InvalidIr(format!(
            "{n} values for `{}` of arity {}",
            r.name, r.arity
        )));
    }
    Ok(((m.layout.rels + rel.0 * REL_SIZE) as i32, r.name.clone()))
}

/// Evaluates a pattern into fresh locals (`None` for `?`) and stores it in the scratch buffer.
pub(super) fn pattern(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &Env,
    pattern: &[Option<Expr>],
) -> Result<(), CodegenError> {
    let mut vals = Vec::with_capacity(pattern.len());
    for p in pattern {
        vals.push(match p {
            Some(e) => Some(values(m, f, env, std::slice::from_ref(e))?[0]),
            None => None,
        });
    }
    store_scratch(f, &vals);
    Ok(())
}

/// A FACT whose values are all constants.
struct ConstantFact<'p> {
    rel: RelId,
    /// The values, each an [`ExprKind::Const`].
    args: &'p [Expr],
    span: Span,
}

impl ConstantFact<'_> {
    /// The values.
    fn values(&self) -> impl Iterator<Item = Value> + '_ {
        self.args.iter().filter_map(|a| match a.kind {
            ExprKind::Const(v) => Some(v),
            _ => None,
        })
    }
}

/// The FACTs with constant values that `steps` starts with, as long as they are of
/// the first one's relation.
fn constant_facts(steps: &[Step]) -> Vec<ConstantFact<'_>> {
    let mut facts: Vec<ConstantFact> = Vec::new();
    for step in steps {
        let Step::Fact { rel, args, span } = step else {
            break;
        };
        if facts.first().is_some_and(|first| first.rel != *rel)
            || !args.iter().all(|a| matches!(a.kind, ExprKind::Const(_)))
        {
            break;
        }
        facts.push(ConstantFact {
            rel: *rel,
            args,
            span: *span,
        });
    }
    facts
}

/// Inserts `facts` (of one relation, in order) by a loop over a table of their
/// rows: each row is copied into the scratch buffer and inserted as a FACT
/// statement's code would, with the same two sites per fact, registered as a block:
/// fact `k`'s are `first + 2k` (the statement's) and `first + 2k + 1` (the
/// insertion's).
fn fact_table(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    facts: &[ConstantFact],
) -> Result<(), CodegenError> {
    let arity = facts[0].args.len();
    let (addr, name) = relation(m, facts[0].rel, arity)?;
    // Two sites a fact, by an iterator that knows its length (the block is reserved).
    let sites = (0..2 * facts.len())
        .map(|i| Site::new(facts[i / 2].span, (i % 2 == 1).then_some(name.as_str())));
    let first = m.site_block(sites);
    let row = arity as i32 * VALUE_SIZE as i32;
    let mut rows: Vec<u8> = Vec::with_capacity(facts.len() * row as usize);
    for value in facts.iter().flat_map(ConstantFact::values) {
        rows.extend_from_slice(&constant_bytes(value));
    }
    let at = m.fact_table(&rows)? as i32;
    let insert = m.rt(Helper::Fact(arity as u32));
    // Room for every row first, at the first FACT: the set grows once, not one
    // doubling at a time as they load (docs/decisions.md 182).
    let reserve = m.rt(Helper::SetReserve);
    f.ins()
        .i32_const(first)
        .global_set(Global::Site.index())
        .i32_const(addr)
        .i32_const(facts.len() as i32)
        .call_fn(reserve);
    // Distinct rows (as values: tag and payload bytes) are loaded at once when the
    // set is empty and the tuple limit holds them (`FactLoad`); the loop below
    // inserts them otherwise, and always when the run repeats a fact.
    let mut seen = HashSet::with_capacity(facts.len());
    let distinct =
        facts.len() >= FACT_LOAD_MIN && rows.chunks(row as usize).all(|r| seen.insert(r));
    if distinct {
        let load = m.rt(Helper::FactLoad(arity as u32));
        f.ins()
            .i32_const(addr)
            .i32_const(at)
            .i32_const(facts.len() as i32)
            .call_fn(load)
            .i32_eqz()
            .if_(BlockType::Empty);
        f.open();
    }
    let k = f.local(ValType::I32);
    f.ins().i32_const(0).set(k).loop_(BlockType::Empty);
    f.open();
    // The statement's site, then the row into the scratch buffer.
    f.ins()
        .get(k)
        .i32_const(1)
        .i32_shl()
        .i32_const(first)
        .i32_add()
        .global_set(Global::Site.index())
        .i32_const(SCRATCH as i32)
        .get(k)
        .i32_const(row)
        .i32_mul()
        .i32_const(at)
        .i32_add()
        .i32_const(row)
        .memory_init(0, FACT_SEGMENT);
    // The insertion, at its site; then the next row, if any.
    f.ins()
        .i32_const(addr)
        .get(k)
        .i32_const(1)
        .i32_shl()
        .i32_const(first + 1)
        .i32_add()
        .call_fn(insert);
    f.ins()
        .get(k)
        .i32_const(1)
        .i32_add()
        .tee(k)
        .i32_const(facts.len() as i32)
        .i32_lt_u()
        .br_if(0);
    f.close();
    if distinct {
        f.close();
    }
    Ok(())
}

fn statement(
    m: &mut Registry<'_>,
    f: &mut FnBuilder,
    env: &Env,
    step: &Step,
) -> Result<(), CodegenError> {
    let span = match step {
        Step::Fact { span, .. }
        | Step::Solve { span, .. }
        | Step::Query { span, .. }
        | Step::Let { span, .. }
        | Step::Result { span, .. } => *span,
    };
    let site = m.site(span, None);
    f.ins().i32_const(site).global_set(Global::Site.index());
    match step {
        Step::Fact { rel, args, span } => {
            let (addr, name) = relation(m, *rel, args.len())?;
            let vals = values(m, f, env, args)?;
            store_scratch(f, &vals.into_iter().map(Some).collect::<Vec<_>>());
            let site = m.site(*span, Some(&name));
            let fact = m.rt(Helper::Fact(args.len() as u32));
            f.ins().i32_const(addr).i32_const(site).call_fn(fact);
        }
        Step::Solve { rules, .. } => {
            let solve = m.func(FnKey::Solve);
            f.ins().i32_const(*rules as i32).call_fn(solve);
        }
        Step::Query {
            rel, pattern: p, ..
        } => {
            let (addr, _) = relation(m, *rel, p.len())?;
            pattern(m, f, env, p)?;
            let query = m.rt(Helper::OutQuery);
            f.ins()
                .i32_const(addr)
                .i32_const(rel.0 as i32)
                .call_fn(query);
        }
        Step::Let {
            global, expr: e, ..
        } => {
            if global.index() >= m.program.globals.len() {
                return Err(CodegenError::InvalidIr(format!("global {}", global.0)));
            }
            expr(m, f, env, e)?;
            let g = program_global(global.0);
            f.ins().global_set(g + 1).global_set(g);
        }
        Step::Result { expr: e, .. } => {
            expr(m, f, env, e)?;
            let out = m.rt(Helper::OutResult);
            f.ins().call_fn(out);
        }
    }
    Ok(())
}
