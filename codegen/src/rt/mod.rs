//! Runtime helpers: WASM functions emitted once per module on first use. Generated
//! code calls them; each is generic over arities and relations. By file: `memory`
//! (errors, steps, allocation), `values` (hashing, equality, canonical order),
//! `arith` and `builtins` (operators and built-ins), `symbols`, `hash_table` (probe
//! loops, growth), `set` (tuple sets) and `dense` (their bitmaps), `index`, `round`
//! (FACT, EMIT, the end-of-round merge, settling) and `batch` (queued EMITs),
//! `query` and `ranks` (QUERY answers, sorting, output records).

mod arith;
mod batch;
mod builtins;
mod dense;
mod hash_table;
mod index;
mod memory;
mod query;
mod ranks;
mod round;
mod set;
mod symbols;
mod values;

use crate::abi::{ENTRY_SIZE, IDX_TBL, IDX_TCAP, SET_TBL, SET_TCAP};
use crate::error::CodegenError;
use crate::functions::{FnKey, Helper};
use crate::registry::Registry;
use wasm_encoder::Function;

pub use memory::{Arg, detail, emit_fail, emit_step};

/// Emits the body of runtime helper `helper`.
pub fn body(m: &mut Registry<'_>, helper: Helper) -> Result<Function, CodegenError> {
    let n = m.declared_params(FnKey::Rt(helper));
    Ok(match helper {
        Helper::Fail => memory::fail(m, n),
        Helper::Alloc => memory::alloc(m, n),
        Helper::Hash => values::hash(m, n),
        Helper::Equal => values::equal(m, n),
        Helper::CmpIntFloat => values::cmp_int_float(n),
        Helper::CmpNum => values::cmp_num(m, n),
        Helper::CmpVal => values::cmp_val(m, n),
        Helper::CmpVals => values::cmp_vals(m, n),
        Helper::Binary(op) => arith::binary(m, n, op)?,
        Helper::MulOverflows => arith::mul_overflows(n),
        Helper::Neg => arith::neg(m, n),
        Helper::Canon => arith::canon(m, n),
        Helper::Order => arith::order(m, n),
        Helper::Builtin(b) => builtins::builtin(m, n, b)?,
        Helper::HashBytes => symbols::hash_bytes(n),
        Helper::CmpBytes => symbols::cmp_bytes(n),
        Helper::InternGrow => symbols::intern_grow(m, n),
        Helper::Intern => symbols::intern(m, n),
        Helper::SymInit => symbols::sym_init(m, n),
        Helper::Concat => symbols::concat(m, n),
        Helper::TextCmp => symbols::text_cmp(m, n),
        Helper::SetInsert(arity) => set::set_insert(m, n, arity),
        Helper::SetGrow => hash_table::table_grow(m, n, (SET_TBL, SET_TCAP), 8),
        Helper::SetDense => dense::set_dense(m, n),
        Helper::SortDense => dense::sort_dense(m, n),
        Helper::SetSorted => dense::set_sorted(m, n),
        Helper::IndexGrow => hash_table::table_grow(m, n, (IDX_TBL, IDX_TCAP), ENTRY_SIZE),
        Helper::IndexAdd => index::index_add(m, n),
        Helper::IndexProbe(ix) => index::index_probe(m, n, ix)?,
        Helper::LowerBound => index::lower_bound(n),
        Helper::IndexCatchUp => index::index_catch_up(m, n),
        Helper::Emit(arity) => round::emit(m, n, arity),
        Helper::Queue(arity) => batch::queue(m, n, arity),
        Helper::Flush(arity) => batch::flush(m, n, arity),
        Helper::Fact(arity) => round::fact(m, n, arity),
        Helper::Merge => round::merge(n),
        Helper::MergeAll => round::merge_all(m, n),
        Helper::Settle => round::settle(m, n),
        Helper::Sort => query::sort(m, n),
        Helper::SortRanked => ranks::sort_ranked(m, n),
        Helper::Snapshot => query::snapshot(m, n),
        Helper::OutPush => query::out_push(m, n),
        Helper::OutResult => query::out_result(m, n),
        Helper::OutQuery => query::out_query(m, n),
    })
}
