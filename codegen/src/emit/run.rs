//! The exported `run`: copies the static area into memory, sets the limits and the
//! Symbol table, and executes the
//! top-level statements in program order (spec §3).

use super::expr::{Env, expr, store_scratch, values};
use crate::CodegenError;
use crate::abi::{Global, REL_SIZE, SCRATCH};
use crate::builder::FnBuilder;
use crate::module::{CallExt, FnKey, Module, program_global};
use crate::rt::Helper;
use bytelogic_engine::ir::{Expr, RelId, Step};
use wasm_encoder::Function;

pub(super) fn run(m: &mut Module<'_>) -> Result<Function, CodegenError> {
    let mut f = FnBuilder::new(4);
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
        Global::MaxSteps,
        Global::MaxTuples,
        Global::MaxDepth,
        Global::MaxPages,
    ]
    .into_iter()
    .enumerate()
    {
        f.ins().local_get(param as u32).global_set(g.index());
    }
    let init = m.rt(Helper::SymInit);
    f.ins().call_fn(init);
    let env = Env::top();
    for step in &m.program.steps {
        statement(m, &mut f, &env, step)?;
    }
    f.ins().i32_const(0);
    Ok(f.finish())
}

/// The relation descriptor address of `rel` (checking the id and the arity of `n` values).
fn relation(m: &Module<'_>, rel: RelId, n: usize) -> Result<(i32, String), CodegenError> {
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
    m: &mut Module<'_>,
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

fn statement(
    m: &mut Module<'_>,
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
