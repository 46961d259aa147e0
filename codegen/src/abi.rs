//! The module ABI shared by the code generator and any host (see `codegen/ABI.md`):
//! value tags, the fixed memory layout, descriptor and record offsets, exported
//! names and the error detail codes.

/// The least memory, in 64 KiB pages, a module for long runs (`Target::LongRun`)
/// declares (1 MiB): the pool's slot then keeps that much accessible from run to run,
/// so a run that stays within it changes no page protection (docs/decisions.md 192),
/// and zeroes all of it when the run ends, so no more than that (193).
pub const LONG_RUN_MIN_PAGES: u32 = 16;

/// Tag of an unassigned variable or a `?` query argument.
pub const TAG_NONE: i32 = 0;
/// Tag of an Int (payload: the i64).
pub const TAG_INT: i32 = 1;
/// Tag of a Float (payload: the f64 bits).
pub const TAG_FLOAT: i32 = 2;
/// Tag of a Symbol (payload: the Symbol id).
pub const TAG_SYM: i32 = 3;

/// Bytes of a value in memory: tag (i32) at +0, payload (i64) at +8.
pub const VALUE_SIZE: u32 = 16;

/// Address of the error slot.
pub const ERR: u32 = 16;
/// Error slot: the error code as a number (`201` for E201; 0 while no error).
pub const ERR_CODE: u32 = 0;
/// Error slot: span start (byte offset into the source).
pub const ERR_START: u32 = 4;
/// Error slot: span end.
pub const ERR_END: u32 = 8;
/// Error slot: the site id (index into the site table).
pub const ERR_SITE: u32 = 12;
/// Error slot: the detail code (which operation failed, see [`Detail`]).
pub const ERR_DETAIL: u32 = 16;
/// Error slot: first operand (a value).
pub const ERR_A: u32 = 24;
/// Error slot: second operand (a value).
pub const ERR_B: u32 = 40;
/// Address of the scratch tuple buffer (tuples to insert, keys to probe, patterns).
pub const SCRATCH: u32 = 80;

/// The most emitted tuples a plan queues before looking them up together.
pub const BATCH: u32 = 32;
/// Emit batch: number of queued tuples (i32).
pub const BATCH_COUNT: u32 = 0;
/// Emit batch: a word the look-ahead loads are folded into (so they are kept).
pub const BATCH_SINK: u32 = 4;
/// Emit batch: the queued tuples' hashes (i32 each, [`BATCH`] of them).
pub const BATCH_HASHES: u32 = 16;
/// Emit batch: the queued tuples (flat rows of the relation's arity).
pub const BATCH_TUPLES: u32 = BATCH_HASHES + 4 * BATCH;

/// Relation descriptor size; the tuple set is at +0.
pub const REL_SIZE: u32 = 64;
/// Tuple set: rows pointer.
pub const SET_ROWS: u32 = 0;
/// Tuple set: number of rows.
pub const SET_LEN: u32 = 4;
/// Tuple set: row capacity.
pub const SET_CAP: u32 = 8;
/// Tuple set: hash table pointer (entries: hash i32, row + 1 i32).
pub const SET_TBL: u32 = 12;
/// Tuple set: hash table capacity (power of two, 0 before the first insert).
pub const SET_TCAP: u32 = 16;
/// Tuple set: arity.
pub const SET_ARITY: u32 = 20;
/// Tuple set of arity 1 or 2 with a bitmap (see `rt/dense.rs`): the span of the
/// first column's range (i32, at most 2^31).
pub const SET_SPAN0: u32 = 36;
/// Dense tuple set: the least Int of the first column's range (i64).
pub const SET_LOW0: u32 = 40;
/// Dense tuple set: the least Int of the second column's range (i64; 0 for arity 1).
pub const SET_LOW1: u32 = 48;
/// Dense tuple set: the second column's range is `2^shift` Ints (i32, at most 32).
pub const SET_SHIFT: u32 = 56;
/// Tuple set: the bitmap's address, 0 while the set has none. The bit of a tuple
/// inside the rectangle is `(a - low0) << shift | (b - low1)`.
pub const SET_BITS: u32 = 60;
/// Relation: first row of last round's delta.
pub const REL_RECENT_START: u32 = 24;
/// Relation: one past the last row of last round's delta.
pub const REL_RECENT_END: u32 = 28;
/// Relation: number of visible rows (scans and queries see rows below it; the rows from
/// it to the set's length are this round's pending tuples).
pub const REL_VISIBLE: u32 = 32;

/// Index descriptor size.
pub const IDX_SIZE: u32 = 40;
/// Index: number of key columns.
pub const IDX_NCOLS: u32 = 0;
/// Index: pointer to the key column numbers (i32 each).
pub const IDX_COLS: u32 = 4;
/// Index: table pointer (entries of [`ENTRY_SIZE`] bytes): a hash table, or the direct
/// slots of [`IDX_DIRECT`].
pub const IDX_TBL: u32 = 8;
/// Index: table capacity (0 before the first row; a power of two for a hash table, the
/// span of key values for direct slots).
pub const IDX_TCAP: u32 = 12;
/// Index: number of distinct keys.
pub const IDX_KEYS: u32 = 16;
/// Index: the relation descriptor address.
pub const IDX_REL: u32 = 20;
/// Index: rows below this are filed (plans file the rows made visible since, before
/// a round that reads the index).
pub const IDX_FILED: u32 = 24;
/// Index: 1 while a one-column index keeps its entries in direct slots (entry `v -`
/// [`IDX_LOW`] for the Int key `v`; docs/decisions.md 191), 0 for a hash table.
pub const IDX_DIRECT: u32 = 28;
/// Index: the Int key of the first direct slot (i64).
pub const IDX_LOW: u32 = 32;
/// Index entry size: hash, row list pointer (0 = empty), length, capacity.
pub const ENTRY_SIZE: u32 = 16;

/// Memo descriptor (one per aggregate written in a rule, by memo id: its results,
/// spec §9.2; see `ABI.md`): the address of its slots, one value each (tag 0: none).
pub const MEMO_SLOTS: u32 = 0;
/// Memo descriptor: the number of slots (the capacity of the aggregate's index plus
/// one; 0 before the first use).
pub const MEMO_COUNT: u32 = 4;
/// Memo descriptor size.
pub const MEMO_SIZE: u32 = 8;

/// Output record: kind (0 RESULT, 1 QUERY).
pub const OUT_KIND: u32 = 0;
/// RESULT record: the value.
pub const OUT_VALUE: u32 = 16;
/// QUERY record: relation id.
pub const OUT_REL: u32 = 4;
/// QUERY record: arity (number of arguments).
pub const OUT_ARITY: u32 = 8;
/// QUERY record: number of `?` arguments (width of each answer row).
pub const OUT_WIDTH: u32 = 12;
/// QUERY record: number of answer rows.
pub const OUT_COUNT: u32 = 16;
/// QUERY record: pointer to the answer rows (count × width values, canonical order).
pub const OUT_ROWS: u32 = 20;
/// QUERY record: the arguments (arity values; tag 0 for `?`).
pub const OUT_ARGS: u32 = 32;

/// Symbol table entry size: text pointer (i32) and byte length (i32).
pub const SYM_ENTRY: u32 = 8;
/// Site table entry size: span start and end (i32 each).
pub const SITE_ENTRY: u32 = 8;

/// Name of the exported `run(max_steps: i64, max_tuples: i64, max_depth: i32,
/// max_pages: i32) -> i32` function.
pub const EXPORT_RUN: &str = "run";
/// Name of the exported memory.
pub const EXPORT_MEMORY: &str = "memory";

/// Exported globals the host reads after `run` returns or traps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Global {
    /// i32: the allocation pointer.
    Heap,
    /// i64: steps counted.
    Steps,
    /// i64: the step limit.
    MaxSteps,
    /// i64: tuples stored.
    Tuples,
    /// i64: tuples pending (emitted this round).
    Pending,
    /// i64: the tuple limit.
    MaxTuples,
    /// i64: fixpoint rounds.
    Iterations,
    /// i32: current CALC call depth.
    Depth,
    /// i32: the depth limit.
    MaxDepth,
    /// i32: the memory limit in 64 KiB pages.
    MaxPages,
    /// i32: pointer to the output record pointers.
    OutPtr,
    /// i32: number of outputs.
    OutLen,
    /// i32: capacity of the output pointer array.
    OutCap,
    /// i32: pointer to the Symbol table (entries of [`SYM_ENTRY`] bytes).
    SymPtr,
    /// i32: number of Symbols.
    SymLen,
    /// i32: capacity of the Symbol table.
    SymCap,
    /// i32: the intern hash table (entries: hash i32, id + 1 i32).
    InternTbl,
    /// i32: its capacity (power of two).
    InternCap,
    /// i32: site of the top-level statement running (for E404 and stack exhaustion).
    Site,
}

impl Global {
    /// Every runtime global, in index order.
    pub const ALL: [Global; 19] = [
        Global::Heap,
        Global::Steps,
        Global::MaxSteps,
        Global::Tuples,
        Global::Pending,
        Global::MaxTuples,
        Global::Iterations,
        Global::Depth,
        Global::MaxDepth,
        Global::MaxPages,
        Global::OutPtr,
        Global::OutLen,
        Global::OutCap,
        Global::SymPtr,
        Global::SymLen,
        Global::SymCap,
        Global::InternTbl,
        Global::InternCap,
        Global::Site,
    ];

    /// The global's index.
    pub fn index(self) -> u32 {
        self as u32
    }

    /// True for the i64 globals.
    pub fn is_i64(self) -> bool {
        matches!(
            self,
            Global::Steps
                | Global::MaxSteps
                | Global::Tuples
                | Global::Pending
                | Global::MaxTuples
                | Global::Iterations
        )
    }

    /// The export name.
    pub fn name(self) -> &'static str {
        match self {
            Global::Heap => "heap",
            Global::Steps => "steps",
            Global::MaxSteps => "max_steps",
            Global::Tuples => "tuples",
            Global::Pending => "pending",
            Global::MaxTuples => "max_tuples",
            Global::Iterations => "iterations",
            Global::Depth => "depth",
            Global::MaxDepth => "max_depth",
            Global::MaxPages => "max_pages",
            Global::OutPtr => "out_ptr",
            Global::OutLen => "out_len",
            Global::OutCap => "out_cap",
            Global::SymPtr => "sym_ptr",
            Global::SymLen => "sym_len",
            Global::SymCap => "sym_cap",
            Global::InternTbl => "intern_tbl",
            Global::InternCap => "intern_cap",
            Global::Site => "site",
        }
    }
}

/// The index of the tag global of program global `g`, after the runtime globals
/// ([`Global::ALL`]); its payload global follows. Program globals are not exported.
pub fn program_global(g: u32) -> u32 {
    Global::ALL.len() as u32 + 2 * g
}

/// What failed, stored in the error slot so a host can word the message. Binary
/// operators use `1 + BinOp` order (see [`Detail::code`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Nothing more to say (limits, E206, E208…).
    None,
    /// A binary operator; the operand values are in the slot.
    BinOp(bytelogic_engine::ast::BinOp),
    /// Unary minus; operand A.
    Neg,
    /// A built-in; the operands are in the slot.
    Builtin(bytelogic_engine::ir::Builtin),
    /// A RANGE start (0), end (1) or step (2, in operand B's payload) that is not an Int (operand A).
    RangeBound,
    /// ROUND digits that are not an Int (E203) or outside −15…15 (E204); operand A.
    RoundDigits,
    /// E208 of a CALC local (the site names it).
    LocalVar,
    /// E208 of a global (the site names it).
    GlobalVar,
    /// E208 of a FOR-QUERY tuple read outside its loop.
    TupleVar,
    /// An aggregate (spec §9.2; the site names its relation): E209 of an empty group,
    /// E203 of a Symbol in a SUM or MEAN (operand A) or of a MIN or MAX over numbers
    /// and Symbols, E202 of an Int total (operand A's payload its low 64 bits, B's its
    /// high ones), E205 of a Float total.
    Aggregate(bytelogic_engine::ir::AggFunc),
}

const BINOPS: [bytelogic_engine::ast::BinOp; 13] = {
    use bytelogic_engine::ast::BinOp::*;
    [Or, And, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod]
};

impl Detail {
    /// The detail as stored in the error slot.
    pub fn code(self) -> i32 {
        match self {
            Detail::None => 0,
            Detail::BinOp(op) => 1 + BINOPS.iter().position(|&o| o == op).unwrap_or(0) as i32,
            Detail::Neg => 20,
            Detail::RangeBound => 21,
            Detail::RoundDigits => 22,
            Detail::LocalVar => 23,
            Detail::GlobalVar => 24,
            Detail::TupleVar => 25,
            Detail::Aggregate(a) => {
                60 + bytelogic_engine::ir::AggFunc::ALL
                    .iter()
                    .position(|&x| x == a)
                    .unwrap_or(0) as i32
            }
            Detail::Builtin(b) => {
                32 + bytelogic_engine::ir::Builtin::ALL
                    .iter()
                    .position(|&x| x == b)
                    .unwrap_or(0) as i32
            }
        }
    }

    /// Decodes a stored detail.
    pub fn decode(code: i32) -> Detail {
        match code {
            1..=13 => Detail::BinOp(BINOPS[(code - 1) as usize]),
            20 => Detail::Neg,
            21 => Detail::RangeBound,
            22 => Detail::RoundDigits,
            23 => Detail::LocalVar,
            24 => Detail::GlobalVar,
            25 => Detail::TupleVar,
            32..=50 => Detail::Builtin(bytelogic_engine::ir::Builtin::ALL[(code - 32) as usize]),
            60..=64 => Detail::Aggregate(bytelogic_engine::ir::AggFunc::ALL[(code - 60) as usize]),
            _ => Detail::None,
        }
    }
}
