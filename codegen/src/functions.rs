//! The functions of a module, by what they implement: the program's own (`run`,
//! `solve`, rule plans, CALC functions) and the runtime helpers; their signatures,
//! and the few function types those are padded to.

use bytelogic_engine::ast::BinOp;
use bytelogic_engine::ir::{AggFunc, Builtin, FuncId, IndexId, Plan, Program, Rule, RuleId};
use wasm_encoder::ValType;
use wasm_encoder::ValType::{F64, I32, I64};

/// A function of the module, by what it implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FnKey {
    /// A runtime helper.
    Rt(Helper),
    /// A CALC function.
    Calc(FuncId),
    /// A plan of a rule.
    Plan(RuleId, PlanKey),
    /// `solve(rules: i32)`: the fixpoint of every stratum.
    Solve,
    /// The exported `run`.
    Run,
}

impl FnKey {
    /// The function's name in the module's name section: `run`, `solve`,
    /// `calc:NAME`, `rule{id}:LABEL:initial` or `…:delta{k}`, or the helper's
    /// ([`Helper::name`]).
    pub fn name(self, program: &Program) -> String {
        match self {
            FnKey::Rt(h) => h.name(),
            FnKey::Calc(id) => match program.functions.get(id.index()) {
                Some(f) => format!("calc:{}", f.name),
                None => format!("calc{}", id.0),
            },
            FnKey::Plan(rule, plan) => {
                let label = program.rules.get(rule.index()).map_or("", |r| &r.label);
                match plan {
                    PlanKey::Initial => format!("rule{}:{label}:initial", rule.0),
                    PlanKey::Delta(k) => format!("rule{}:{label}:delta{k}", rule.0),
                }
            }
            FnKey::Solve => "solve".into(),
            FnKey::Run => "run".into(),
        }
    }
}

/// Which plan of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanKey {
    /// The first round's ([`Rule::initial`]).
    Initial,
    /// The `k`-th delta variant ([`Rule::deltas`]`[k]`).
    Delta(u32),
}

impl PlanKey {
    /// The plan of `rule` this is, if `rule` has it.
    pub fn of(self, rule: &Rule) -> Option<&Plan> {
        match self {
            PlanKey::Initial => Some(&rule.initial),
            PlanKey::Delta(k) => rule.deltas.get(k as usize),
        }
    }
}

/// Parameter lists, with their results, that every shorter list with the same
/// results and a prefix of them is padded to (docs/decisions.md 67). wasmtime
/// compiles a trampoline for every function type of a module, with Cranelift even
/// when Winch compiles the functions, so each type costs a cold compilation about
/// 35 µs; padding puts most helpers in a few types. The padding parameters are
/// never read, callers pass zeros ([`crate::builder::CallExt::call_fn`]), and the
/// shapes stop at four `i32` parameters so hot helpers keep their arguments in
/// registers.
const SHAPES: [(&[ValType], &[ValType]); 6] = [
    (&[I32; 4], &[]),
    (&[I32; 4], &[I32]),
    (&[I32, I64, I32, I64, I32, I32], &[I32]),
    (&[I32, I64, I32], &[I32, I64]),
    (&[I32, I64, I32, I64, I32], &[I32, I64]),
    (&[I32, I64, I32, I64, I32, I64, I32], &[I32, I64]),
];

/// The parameters a function of parameters `params` and results `results` is
/// declared with after its own: those that complete the first of [`SHAPES`] it
/// fits, or none.
pub fn padding(params: &[ValType], results: &[ValType]) -> &'static [ValType] {
    SHAPES
        .iter()
        .find(|(shape, shape_results)| *shape_results == results && shape.starts_with(params))
        .map_or(&[], |(shape, _)| &shape[params.len()..])
}

/// A function as its callers see it: its index and the padding arguments it is
/// declared with after its own.
#[derive(Clone, Copy, Debug)]
pub struct Callee {
    /// The function index.
    pub index: u32,
    /// The declared parameters after the function's own ([`padding`]).
    pub padding: &'static [ValType],
}

/// Parameter and result types of function `key`.
pub fn signature(program: &Program, key: FnKey) -> (Vec<ValType>, Vec<ValType>) {
    match key {
        FnKey::Rt(h) => h.signature(),
        FnKey::Calc(i) => {
            let params = program
                .functions
                .get(i.index())
                .map_or(0, |f| f.params as usize);
            let params = (0..params).flat_map(|_| [I32, I64]);
            (params.collect(), vec![I32, I64])
        }
        FnKey::Plan(..) => (vec![], vec![]),
        FnKey::Solve => (vec![I32], vec![]),
        FnKey::Run => (vec![I64, I64, I32, I32], vec![I32]),
    }
}

/// A runtime helper function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Helper {
    /// `(code, site, detail, a: value, b: value)`: fills the error slot and traps.
    Fail,
    /// `(size) -> ptr`: bump allocation, growing memory (E405 past the limit).
    Alloc,
    /// `(_, i: i64, _, f: f64 bits as i64) -> -1/0/1`: exact Int against Float (the
    /// unused `i32`s give it `CmpNum`'s shape, one function type fewer).
    CmpIntFloat,
    /// `(a: value, b: value) -> -1/0/1` for two numbers.
    CmpNum,
    /// `(a: value, b: value) -> -1/0/1`: canonical value order (spec §2.5).
    CmpVal,
    /// `(a, b, n) -> -1/0/1`: canonical order of two n-tuples.
    CmpVals,
    /// `(a: value, b: value, site) -> value`: a binary operator (not AND/OR).
    Binary(BinOp),
    /// `(a: i64, b: i64) -> bool`: true when `a * b` overflows.
    MulOverflows,
    /// `(a: value, site) -> value`: unary minus.
    Neg,
    /// `(x: f64, site, detail, a: value, b: value) -> value`: canonical number or E205.
    Canon,
    /// `(a: value, b: value, site, detail) -> -1/0/1`: operator ordering (E203 for mixed kinds).
    Order,
    /// `(args…, site) -> value`: a built-in (ROUND always takes two arguments).
    Builtin(Builtin),
    /// `(ptr, len) -> hash` of bytes.
    HashBytes,
    /// `(a, alen, b, blen) -> -1/0/1`: byte-wise text order.
    CmpBytes,
    /// `()`: grows the intern table.
    InternGrow,
    /// `(ptr, len) -> id`: interns a text (kept where it is when new).
    Intern,
    /// `()`: sets up the Symbol table with the IR's Symbols (written, then injected).
    SymInit,
    /// `(a, b) -> id`: concatenation of two Symbols.
    Concat,
    /// `(a, b) -> -1/0/1`: Symbols by text.
    TextCmp,
    /// `(set, want)`: grows a set's hash table (to four times its capacity while
    /// small, else twice) or to `want` entries (a power of two, or 0), whichever is
    /// more.
    SetGrow,
    /// `(set, more)`: makes room in a set for `more` tuples past its length, so that
    /// inserting them grows neither its rows nor its table (a run of FACTs).
    SetReserve,
    /// `(set, tuple, hash, claimed) -> row, or -1 when present`, for tuples of the
    /// arity; `claimed` 1 says the caller set the tuple's bit in the set's bitmap (it
    /// is new, and only its row is missing: `hash` is not read).
    SetInsert(u32),
    /// `(set)`: gives a set of arity 1 or 2 a bitmap of its rows when they are dense
    /// Ints.
    SetDense,
    /// `(set, tuple) -> bool`: whether the set holds the tuple (of the arity), stored
    /// or pending: the NOT clause with every column bound (spec §9.1).
    SetFind(u32),
    /// `(index)`: grows an index's hash table (fourfold while small, else doubling).
    IndexGrow,
    /// `(index, v) -> bool`: widens a one-column index's direct slots to take the Int
    /// key `v`; false, leaving them as they are, when they would be too sparse or `v`
    /// too large (docs/decisions.md 191).
    IndexDirectGrow,
    /// `(index)`: gives up a one-column index's direct slots: files every key it has in
    /// a hash table instead.
    IndexUndirect,
    /// `(key) -> entry address or 0` in the index of this id, for a key of contiguous
    /// values (the hash and comparison unrolled for the index's columns).
    IndexProbe(IndexId),
    /// `(list, n, x) -> first position with list[pos] >= x`.
    LowerBound,
    /// `()`: files the rows of the relation of the index of this id made visible since
    /// it was last filed (the hash and comparison unrolled for the index's columns).
    IndexCatchUp(IndexId),
    /// `(rel, site)`: EMIT of the scratch tuple into a relation of the arity.
    Emit(u32),
    /// `(rel, site)`: EMIT of the scratch tuple into a relation of the arity, queued
    /// in the emit batch while looking it up later cannot reach a limit or allocate.
    Queue(u32),
    /// `(rel)`: looks up the tuples queued in the emit batch (of the arity), in order.
    Flush(u32),
    /// `(rel, site)`: FACT of the scratch tuple into a relation of the arity.
    Fact(u32),
    /// `(rel, at, n) -> bool`: a run of `n` distinct constant FACTs into a relation of
    /// the arity, their rows at `at` in the fact tables, loaded at once when the
    /// relation is empty and the tuple limit holds them all (false, loading nothing,
    /// otherwise: the caller then inserts them one at a time).
    FactLoad(u32),
    /// `(rel) -> bool`: merges a relation's pending tuples; they become its delta.
    Merge,
    /// `() -> bool`: merges every relation.
    MergeAll,
    /// `()`: every relation's delta becomes empty.
    Settle,
    /// `(ptrs, n, width)`: sorts pointers to n-tuples canonically.
    Sort,
    /// `(rows, count, width) -> bool`: sorts rows in place by rank when every value has one.
    SortRanked,
    /// `(rows, out, count, width) -> bool`: orders many distinct rows of one or two
    /// dense Ints into `out` (which may be `rows`), through a bitmap.
    SortDense,
    /// `(set, out, len) -> bool`: writes every row of a set whose bitmap holds them
    /// all to `out`, in order.
    SetSorted,
    /// `(rel, pattern, project, out)`: matching tuples, sorted; stores their count at
    /// `out` and their address at `out + 4`.
    Snapshot,
    /// `(rel, pattern) -> list`: the visible rows of `rel` equal to the pattern's
    /// non-`?` values, as a list on the heap: their count (i32), then their row
    /// numbers in increasing order (an aggregate without an index, spec §9.2).
    GroupRows,
    /// `(rel, rows, n, col, site) -> value`: the aggregate of the `n` rows of `rel`
    /// numbered in the list `rows`, its value column `col`: one step per row at `site`
    /// first, then the result, or tag 0 when an empty group has none (spec §9.2).
    Fold(AggFunc),
    /// `(memo, index descriptor or 0, key) -> slot`: the address of the value kept for
    /// aggregate `memo` and group `key` (the group's index entry, or 0) in this stratum
    /// run (tag 0: none yet), making the memo's slots first if they do not fit the
    /// index (docs/decisions.md 205, 190).
    MemoSlot,
    /// `()`: forgets every kept result (at the start of a stratum).
    MemoClear,
    /// `(record)`: appends an output record.
    OutPush,
    /// `(value)`: records a RESULT output.
    OutResult,
    /// `(rel, rel_id)`: records a QUERY output (pattern in the scratch buffer).
    OutQuery,
}

impl Helper {
    /// The helper's name in the module's name section: the variant's name in
    /// snake case, then what it is generated for: `set_insert/2` (an arity),
    /// `binary:add`, `builtin:sqrt`, `index_probe:3` (an index id).
    pub fn name(self) -> String {
        let base = match self {
            Helper::Fail => "fail",
            Helper::Alloc => "alloc",
            Helper::CmpIntFloat => "cmp_int_float",
            Helper::CmpNum => "cmp_num",
            Helper::CmpVal => "cmp_val",
            Helper::CmpVals => "cmp_vals",
            Helper::Binary(op) => return format!("binary:{}", format!("{op:?}").to_lowercase()),
            Helper::MulOverflows => "mul_overflows",
            Helper::Neg => "neg",
            Helper::Canon => "canon",
            Helper::Order => "order",
            Helper::Builtin(b) => return format!("builtin:{}", b.name().to_lowercase()),
            Helper::HashBytes => "hash_bytes",
            Helper::CmpBytes => "cmp_bytes",
            Helper::InternGrow => "intern_grow",
            Helper::Intern => "intern",
            Helper::SymInit => "sym_init",
            Helper::Concat => "concat",
            Helper::TextCmp => "text_cmp",
            Helper::SetGrow => "set_grow",
            Helper::SetReserve => "set_reserve",
            Helper::SetInsert(arity) => return format!("set_insert/{arity}"),
            Helper::SetDense => "set_dense",
            Helper::SetFind(arity) => return format!("set_find/{arity}"),
            Helper::IndexGrow => "index_grow",
            Helper::IndexDirectGrow => "index_direct_grow",
            Helper::IndexUndirect => "index_undirect",
            Helper::IndexProbe(ix) => return format!("index_probe:{}", ix.0),
            Helper::LowerBound => "lower_bound",
            Helper::IndexCatchUp(ix) => return format!("index_catch_up:{}", ix.0),
            Helper::Emit(arity) => return format!("emit/{arity}"),
            Helper::Queue(arity) => return format!("queue/{arity}"),
            Helper::Flush(arity) => return format!("flush/{arity}"),
            Helper::Fact(arity) => return format!("fact/{arity}"),
            Helper::FactLoad(arity) => return format!("fact_load/{arity}"),
            Helper::Merge => "merge",
            Helper::MergeAll => "merge_all",
            Helper::Settle => "settle",
            Helper::Sort => "sort",
            Helper::SortRanked => "sort_ranked",
            Helper::SortDense => "sort_dense",
            Helper::SetSorted => "set_sorted",
            Helper::Snapshot => "snapshot",
            Helper::GroupRows => "group_rows",
            Helper::Fold(a) => return format!("fold:{}", a.name().to_lowercase()),
            Helper::MemoSlot => "memo_slot",
            Helper::MemoClear => "memo_clear",
            Helper::OutPush => "out_push",
            Helper::OutResult => "out_result",
            Helper::OutQuery => "out_query",
        };
        base.into()
    }

    /// Parameter and result types.
    pub fn signature(self) -> (Vec<ValType>, Vec<ValType>) {
        let value = [I32, I64];
        match self {
            Helper::Fail => (vec![I32, I32, I32, I32, I64, I32, I64], vec![]),
            Helper::Alloc => (vec![I32], vec![I32]),
            Helper::CmpIntFloat => (vec![I32, I64, I32, I64], vec![I32]),
            Helper::CmpNum | Helper::CmpVal => (vec![I32, I64, I32, I64], vec![I32]),
            Helper::CmpVals => (vec![I32, I32, I32], vec![I32]),
            Helper::Binary(_) => (vec![I32, I64, I32, I64, I32], value.to_vec()),
            Helper::MulOverflows => (vec![I64, I64], vec![I32]),
            Helper::Neg => (vec![I32, I64, I32], value.to_vec()),
            Helper::Canon => (vec![F64, I32, I32, I32, I64, I32, I64], value.to_vec()),
            Helper::Order => (vec![I32, I64, I32, I64, I32, I32], vec![I32]),
            Helper::Builtin(b) => {
                let n = if b == Builtin::Round { 2 } else { b.arity().0 };
                let mut params: Vec<ValType> = (0..n).flat_map(|_| value).collect();
                params.push(I32);
                (params, value.to_vec())
            }
            Helper::HashBytes => (vec![I32, I32], vec![I32]),
            Helper::CmpBytes => (vec![I32, I32, I32, I32], vec![I32]),
            Helper::Intern | Helper::Concat | Helper::TextCmp => (vec![I32, I32], vec![I32]),
            Helper::SetInsert(_) => (vec![I32; 4], vec![I32]),
            Helper::SetFind(_) | Helper::GroupRows => (vec![I32, I32], vec![I32]),
            Helper::SetGrow | Helper::SetReserve => (vec![I32, I32], vec![]),
            Helper::Fold(_) => (vec![I32; 5], value.to_vec()),
            Helper::IndexProbe(_) => (vec![I32], vec![I32]),
            Helper::IndexDirectGrow => (vec![I32, I64], vec![I32]),
            Helper::LowerBound | Helper::MemoSlot | Helper::FactLoad(_) => {
                (vec![I32, I32, I32], vec![I32])
            }
            Helper::Emit(_) | Helper::Queue(_) | Helper::Fact(_) | Helper::OutQuery => {
                (vec![I32, I32], vec![])
            }
            Helper::Merge => (vec![I32], vec![I32]),
            Helper::Flush(_) => (vec![I32], vec![]),
            Helper::MergeAll => (vec![], vec![I32]),
            Helper::InternGrow
            | Helper::SymInit
            | Helper::Settle
            | Helper::MemoClear
            | Helper::IndexCatchUp(_) => (vec![], vec![]),
            Helper::SetDense | Helper::IndexGrow | Helper::IndexUndirect | Helper::OutPush => {
                (vec![I32], vec![])
            }
            Helper::Sort => (vec![I32, I32, I32], vec![]),
            Helper::SortRanked => (vec![I32, I32, I32], vec![I32]),
            Helper::SortDense => (vec![I32, I32, I32, I32], vec![I32]),
            Helper::SetSorted => (vec![I32, I32, I32], vec![I32]),
            Helper::Snapshot => (vec![I32, I32, I32, I32], vec![]),
            Helper::OutResult => (value.to_vec(), vec![]),
        }
    }
}
