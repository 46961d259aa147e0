//! Runtime helpers: WASM functions emitted once per module on first use. Generated
//! code calls them; each is generic over arities and relations. By file: `memory`
//! (errors, steps, allocation), `values` (hashing, equality, canonical order),
//! `arith` and `builtins` (operators and built-ins), `symbols`, `hash_table` (probe
//! loops, growth), `set` (tuple sets) and `dense` (their bitmaps), `index` and `direct` (the
//! direct slots of one-column indexes), `round`
//! (FACT, EMIT, the end-of-round merge, settling) and `batch` (queued EMITs),
//! `query` and `ranks` (QUERY answers, sorting, output records), `aggregate`
//! (spec §9.2: groups, results, the memo of rule aggregates).
//!
//! A new helper is a variant of `functions::Helper` (its parameters documented there
//! and typed once in `Helper::signature`, its name in `Helper::name`), a body here
//! (`fn(registry, builder, …) -> Result<Function, CodegenError>` that binds its
//! parameters with `let [a, b] = f.params();` and gets the helpers it calls with
//! `m.rt(…)`), an arm in [`body`], and a golden file in `tests/golden/` (its header,
//! then `BLESS=1`). Emitters call it with `m.rt(Helper::…)` and `call_fn`.

mod aggregate;
mod arith;
mod batch;
mod builtins;
mod dense;
mod direct;
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
use crate::builder::FnBuilder;
use crate::error::CodegenError;
use crate::functions::Helper;

use crate::registry::Registry;
use wasm_encoder::Function;

pub use memory::{Arg, detail, emit_fail, emit_step};

/// Emits the body of runtime helper `helper` into `f`.
pub fn body(m: &mut Registry<'_>, f: FnBuilder, helper: Helper) -> Result<Function, CodegenError> {
    match helper {
        Helper::Fail => memory::fail(m, f),
        Helper::Alloc => memory::alloc(m, f),
        Helper::CmpIntFloat => values::cmp_int_float(f),
        Helper::CmpNum => values::cmp_num(m, f),
        Helper::CmpVal => values::cmp_val(m, f),
        Helper::CmpVals => values::cmp_vals(m, f),
        Helper::Binary(op) => arith::binary(m, f, op),
        Helper::MulOverflows => arith::mul_overflows(f),
        Helper::Neg => arith::neg(m, f),
        Helper::Canon => arith::canon(m, f),
        Helper::Order => arith::order(m, f),
        Helper::Builtin(b) => builtins::builtin(m, f, b),
        Helper::HashBytes => symbols::hash_bytes(f),
        Helper::CmpBytes => symbols::cmp_bytes(f),
        Helper::InternGrow => symbols::intern_grow(m, f),
        Helper::Intern => symbols::intern(m, f),
        Helper::SymInit => symbols::sym_init(m, f),
        Helper::Concat => symbols::concat(m, f),
        Helper::TextCmp => symbols::text_cmp(m, f),
        Helper::SetInsert(arity) => set::set_insert(m, f, arity),
        Helper::SetGrow => hash_table::table_grow(m, f, (SET_TBL, SET_TCAP), 8),
        Helper::SetReserve => set::set_reserve(m, f),
        Helper::SetDense => dense::set_dense(m, f),
        Helper::SetFind(arity) => set::set_find(m, f, arity),
        Helper::SortDense => dense::sort_dense(m, f),
        Helper::SetSorted => dense::set_sorted(f),
        Helper::IndexGrow => hash_table::table_grow(m, f, (IDX_TBL, IDX_TCAP), ENTRY_SIZE),
        Helper::IndexDirectGrow => direct::index_direct_grow(m, f),
        Helper::IndexUndirect => direct::index_undirect(m, f),
        Helper::IndexProbe(ix) => index::index_probe(m, f, ix),
        Helper::LowerBound => index::lower_bound(f),
        Helper::IndexCatchUp(ix) => index::index_catch_up(m, f, ix),
        Helper::Emit(arity) => round::emit(m, f, arity),
        Helper::Queue(arity) => batch::queue(m, f, arity),
        Helper::Flush(arity) => batch::flush(m, f, arity),
        Helper::Fact(arity) => round::fact(m, f, arity),
        Helper::FactLoad(arity) => round::fact_load(f, arity),
        Helper::Merge => round::merge(f),
        Helper::MergeAll => round::merge_all(m, f),
        Helper::Settle => round::settle(m, f),
        Helper::Sort => query::sort(m, f),
        Helper::SortRanked => ranks::sort_ranked(m, f),
        Helper::Snapshot => query::snapshot(m, f),
        Helper::GroupRows => aggregate::group_rows(m, f),
        Helper::Fold(func) => aggregate::fold(m, f, func),
        Helper::MemoSlot => aggregate::memo_slot(m, f),
        Helper::MemoClear => aggregate::memo_clear(m, f),
        Helper::OutPush => query::out_push(m, f),
        Helper::OutResult => query::out_result(m, f),
        Helper::OutQuery => query::out_query(m, f),
    }
}
