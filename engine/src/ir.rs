//! The rule IR: the one contract between the front end and both backends.
//!
//! A [`Program`] is fully resolved: relations, CALC functions, globals, variable
//! slots and Symbols are ids; strata, semi-naive variants and join indexes are
//! decided here, once, so the interpreter and the WASM code generator only follow
//! the plan (and count steps identically, spec §7).

use crate::ast::{BinOp, UnOp};
use crate::span::Span;
use crate::value::{Symbols, Value};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident($inner:ty)) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub $inner);

        impl $name {
            /// The id as an index into its table.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(/// A relation, index into [`Program::relations`].
    RelId(u32));
id_type!(/// A rule, index into [`Program::rules`]; rules are numbered in source order.
    RuleId(u32));
id_type!(/// A CALC function, index into [`Program::functions`].
    FuncId(u32));
id_type!(/// A global variable, index into [`Program::globals`].
    GlobalId(u32));
id_type!(/// A stratum, index into [`Program::strata`]; strata run in index order.
    StratumId(u32));
id_type!(/// A join index, index into [`Program::indexes`].
    IndexId(u32));
id_type!(/// A variable slot: a rule variable or a CALC local (parameters first).
    VarSlot(u32));
id_type!(/// A FOR-QUERY tuple variable of a CALC function.
    TupleSlot(u32));

mod aggregate;
pub use aggregate::{AggFunc, Aggregate, MemoId};

/// A whole lowered program.
#[derive(Clone, Debug)]
pub struct Program {
    /// Declared relations with their arities.
    pub relations: Vec<Relation>,
    /// Every (relation, key columns) index some rule probes.
    pub indexes: Vec<IndexDef>,
    /// Symbols written in the program, interned in source order (spec §2.5).
    pub symbols: Symbols,
    /// CALC functions.
    pub functions: Vec<Function>,
    /// Rules in source (registration) order.
    pub rules: Vec<Rule>,
    /// Strata in evaluation order (spec §4.4).
    pub strata: Vec<Stratum>,
    /// Global variable names, as written (`$x`, `$0`).
    pub globals: Vec<String>,
    /// How many aggregates are written in rules: their [`MemoId`]s are `0..memos`.
    pub memos: u32,
    /// The top-level statements that run, in program order.
    pub steps: Vec<Step>,
}

/// A declared relation.
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    /// Its name.
    pub name: String,
    /// Its arity (spec §3: fixed by first use; 2 when never used with values).
    pub arity: u32,
    /// The indexes of this relation.
    pub indexes: Vec<IndexId>,
}

/// An index: tuples of `rel` grouped by the values of `columns`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IndexDef {
    /// The relation indexed.
    pub rel: RelId,
    /// The key columns (0-based), in key order.
    pub columns: Vec<u32>,
}

/// A stratum: rules evaluated together to a fixpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct Stratum {
    /// Rules of this stratum, in source order.
    pub rules: Vec<RuleId>,
    /// Relations derived by rules of this stratum.
    pub derives: Vec<RelId>,
    /// True when some rule reads a relation this stratum derives (iteration needed).
    pub recursive: bool,
}

/// A rule, planned for semi-naive evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// The label.
    pub label: String,
    /// The whole rule statement.
    pub span: Span,
    /// Its stratum.
    pub stratum: StratumId,
    /// Number of variable slots the body uses.
    pub slots: u32,
    /// The variable name of each slot (for messages and printing).
    pub slot_names: Vec<String>,
    /// The first-round plan: every scan reads the whole relation.
    pub initial: Plan,
    /// One plan per scan of a relation derived in the same stratum: that scan reads
    /// only the tuples new in the last round ([`Version::Delta`]), the others read all.
    pub deltas: Vec<Plan>,
}

/// A rule body as an ordered list of operations: each op runs once per binding the
/// ops before it produce (nested loops).
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The operations, outermost first.
    pub ops: Vec<Op>,
}

/// Which tuples of a relation a scan visits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Version {
    /// All tuples.
    Full,
    /// Only the tuples added in the previous round of the current stratum.
    Delta,
}

/// One operation of a rule plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// For each tuple of `rel` (of `version`) whose `key` columns equal the given slots,
    /// bind `bind` columns to slots. One step per tuple visited (spec §7).
    Scan {
        /// The relation.
        rel: RelId,
        /// Whole relation or last round's delta.
        version: Version,
        /// The index probed when `key` is not empty; its columns match `key` in order.
        index: Option<IndexId>,
        /// Bound slots the key columns must equal (one per index column).
        key: Vec<VarSlot>,
        /// (column, slot) pairs bound from each visited tuple.
        bind: Vec<(u32, VarSlot)>,
        /// The SCAN or JOIN clause.
        span: Span,
    },
    /// Binds a slot to the value of an expression.
    Let {
        /// The slot.
        slot: VarSlot,
        /// The value.
        expr: Expr,
    },
    /// Keeps the binding only when the condition is true.
    Filter(Expr),
    /// The NOT clause (spec §9.1): keeps the binding only when no tuple of `rel`
    /// equals `key` in the columns of `index`. Without an index, `key` is either the
    /// whole tuple (every column bound: a membership test of the relation's set) or
    /// empty (every argument `?`: is the relation empty?). `key` is evaluated left to
    /// right, then the relation is probed; a tuple found is one tuple read, one step at
    /// `span`, and ends the binding; no tuple found costs nothing. `rel` is always
    /// finished (a lower stratum's or never derived), so the probe reads the whole
    /// relation and no pending tuple.
    Not {
        /// The relation.
        rel: RelId,
        /// The index on the non-`?` columns, in column order, when some but not all
        /// columns are `?`.
        index: Option<IndexId>,
        /// The value each index column (or each column) must equal, in column order.
        key: Vec<Expr>,
        /// The NOT clause.
        span: Span,
    },
    /// Adds a tuple to `rel` (to be merged at the end of the round).
    Emit {
        /// The relation.
        rel: RelId,
        /// One expression per column.
        args: Vec<Expr>,
        /// The EMIT clause.
        span: Span,
    },
}

/// A CALC function (spec §6).
#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    /// Its name.
    pub name: String,
    /// The definition.
    pub span: Span,
    /// Number of parameters: slots `0..params` are the INPUT parameters.
    pub params: u32,
    /// Total number of local slots (parameters included).
    pub locals: u32,
    /// The name of each local slot.
    pub local_names: Vec<String>,
    /// Number of FOR-QUERY tuple variables.
    pub tuples: u32,
    /// The body.
    pub body: Vec<Stmt>,
}

/// A CALC statement. Each executed statement costs one step (spec §7).
#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    /// Assigns a local.
    Let {
        /// The local.
        slot: VarSlot,
        /// Its new value.
        expr: Expr,
        /// The statement.
        span: Span,
    },
    /// Conditional.
    If {
        /// The condition.
        cond: Expr,
        /// Run when true.
        then_body: Vec<Stmt>,
        /// Run when false (empty without ELSE).
        else_body: Vec<Stmt>,
        /// The statement.
        span: Span,
    },
    /// `FOR $i IN RANGE(start, end, step)`: one step per iteration.
    ForRange {
        /// The loop variable.
        slot: VarSlot,
        /// First value.
        start: Expr,
        /// Exclusive bound.
        end: Expr,
        /// Step; `None` means 1.
        step: Option<Expr>,
        /// Body.
        body: Vec<Stmt>,
        /// The statement.
        span: Span,
    },
    /// `FOR WHILE cond`: one step per iteration.
    While {
        /// The condition.
        cond: Expr,
        /// Body.
        body: Vec<Stmt>,
        /// The statement.
        span: Span,
    },
    /// `FOR t IN (QUERY rel …)`: iterates matching tuples in canonical order, one step each.
    ForQuery {
        /// Where the current tuple is kept.
        tuple: TupleSlot,
        /// The relation.
        rel: RelId,
        /// Per column: `None` for `?`, else the value the column must equal.
        pattern: Vec<Option<Expr>>,
        /// Body.
        body: Vec<Stmt>,
        /// The statement.
        span: Span,
    },
    /// Returns from the call.
    Result {
        /// The returned value.
        expr: Expr,
        /// The statement.
        span: Span,
    },
    /// Leaves the innermost loop.
    Break(Span),
    /// Next iteration of the innermost loop.
    Continue(Span),
}

impl Stmt {
    /// Where the statement is: its step and its runtime errors are reported here.
    pub fn span(&self) -> Span {
        match self {
            Stmt::Let { span, .. }
            | Stmt::If { span, .. }
            | Stmt::ForRange { span, .. }
            | Stmt::While { span, .. }
            | Stmt::ForQuery { span, .. }
            | Stmt::Result { span, .. }
            | Stmt::Break(span)
            | Stmt::Continue(span) => *span,
        }
    }
}

/// A top-level statement, run in program order.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Inserts a tuple now.
    Fact {
        /// The relation.
        rel: RelId,
        /// Constants or globals.
        args: Vec<Expr>,
        /// The statement.
        span: Span,
    },
    /// Runs rules `0..rules` (those registered so far) to the fixpoint, stratum by stratum.
    Solve {
        /// How many rules are registered at this point.
        rules: u32,
        /// The statement.
        span: Span,
    },
    /// Records a query output.
    Query {
        /// The relation.
        rel: RelId,
        /// Per column: `None` for `?`, else the value it must equal.
        pattern: Vec<Option<Expr>>,
        /// The statement.
        span: Span,
    },
    /// Binds a global.
    Let {
        /// The global.
        global: GlobalId,
        /// Its value.
        expr: Expr,
        /// The statement.
        span: Span,
    },
    /// Records a value output.
    Result {
        /// The value.
        expr: Expr,
        /// The statement.
        span: Span,
    },
}

/// A resolved expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it computes.
    pub kind: ExprKind,
    /// Where it is written: runtime errors point here.
    pub span: Span,
}

impl Expr {
    /// Calls `f` on this expression and every subexpression, outermost first.
    pub fn visit(&self, f: &mut impl FnMut(&Expr)) {
        f(self);
        match &self.kind {
            ExprKind::Prefix { operand, .. } => operand.visit(f),
            ExprKind::Chain { first, rest } => {
                first.visit(f);
                rest.iter().for_each(|(_, _, e)| e.visit(f));
            }
            ExprKind::Call { args, .. } | ExprKind::Builtin { args, .. } => {
                args.iter().for_each(|a| a.visit(f));
            }
            ExprKind::Aggregate(agg) => agg.group().for_each(|a| a.visit(f)),
            ExprKind::Const(_)
            | ExprKind::Local(_)
            | ExprKind::Global(_)
            | ExprKind::Field { .. } => {}
        }
    }
}

/// The kinds of resolved expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A literal, already canonical (spec §2.3).
    Const(Value),
    /// A rule variable or CALC local.
    Local(VarSlot),
    /// A global (read-only in CALC bodies; E208 if read before its LET ran).
    Global(GlobalId),
    /// Column `col` (0-based) of a FOR-QUERY tuple.
    Field {
        /// The tuple variable.
        tuple: TupleSlot,
        /// 0-based column.
        col: u32,
    },
    /// Prefix operators applied right to left (the last one first) to the operand.
    Prefix {
        /// The operators, outermost first.
        ops: Vec<(UnOp, Span)>,
        /// The operand.
        operand: Box<Expr>,
    },
    /// `first op1 e1 op2 e2 …`, left-associative; AND/OR chains short-circuit.
    Chain {
        /// Leftmost operand.
        first: Box<Expr>,
        /// Operators (with spans, where errors point) and right operands.
        rest: Vec<(BinOp, Span, Expr)>,
    },
    /// A CALC call (depth-checked, spec §7).
    Call {
        /// The function.
        func: FuncId,
        /// Arguments.
        args: Vec<Expr>,
    },
    /// A built-in call.
    Builtin {
        /// Which built-in.
        builtin: Builtin,
        /// Arguments (count already checked).
        args: Vec<Expr>,
    },
    /// An aggregate (spec §9.2; see [`Aggregate`]).
    Aggregate(Box<Aggregate>),
}

/// The built-in functions of spec §6.3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Builtin {
    Abs,
    Min,
    Max,
    Pow,
    Sqrt,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Log,
    Log10,
    Exp,
    Floor,
    Ceil,
    Round,
    Length,
    CharAt,
}

impl Builtin {
    /// Every built-in.
    pub const ALL: [Builtin; 19] = [
        Builtin::Abs,
        Builtin::Min,
        Builtin::Max,
        Builtin::Pow,
        Builtin::Sqrt,
        Builtin::Sin,
        Builtin::Cos,
        Builtin::Tan,
        Builtin::Asin,
        Builtin::Acos,
        Builtin::Atan,
        Builtin::Log,
        Builtin::Log10,
        Builtin::Exp,
        Builtin::Floor,
        Builtin::Ceil,
        Builtin::Round,
        Builtin::Length,
        Builtin::CharAt,
    ];

    /// The canonical (upper-case) name.
    pub fn name(self) -> &'static str {
        match self {
            Builtin::Abs => "ABS",
            Builtin::Min => "MIN",
            Builtin::Max => "MAX",
            Builtin::Pow => "POW",
            Builtin::Sqrt => "SQRT",
            Builtin::Sin => "SIN",
            Builtin::Cos => "COS",
            Builtin::Tan => "TAN",
            Builtin::Asin => "ASIN",
            Builtin::Acos => "ACOS",
            Builtin::Atan => "ATAN",
            Builtin::Log => "LOG",
            Builtin::Log10 => "LOG10",
            Builtin::Exp => "EXP",
            Builtin::Floor => "FLOOR",
            Builtin::Ceil => "CEIL",
            Builtin::Round => "ROUND",
            Builtin::Length => "LENGTH",
            Builtin::CharAt => "CHAR_AT",
        }
    }

    /// Looks a built-in up by name, case-insensitively.
    pub fn from_name(name: &str) -> Option<Builtin> {
        Builtin::ALL
            .into_iter()
            .find(|b| b.name().eq_ignore_ascii_case(name))
    }

    /// Accepted argument counts (inclusive range).
    pub fn arity(self) -> (usize, usize) {
        match self {
            Builtin::Min | Builtin::Max | Builtin::Pow | Builtin::CharAt => (2, 2),
            Builtin::Round => (1, 2),
            _ => (1, 1),
        }
    }
}
