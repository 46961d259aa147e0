//! Aggregates in the rule IR (spec §9.2): `COUNT SUM MIN MAX MEAN (QUERY rel …)`.
//!
//! An aggregate is an expression ([`ExprKind::Aggregate`](super::ExprKind::Aggregate)),
//! so `AND`/`OR` short-circuit past it like any operand. Its non-`?` arguments are
//! evaluated first, left to right: they are the *group*. Then it reads every tuple of
//! `rel` equal to the group in those columns, costing **one step per tuple read**
//! (spec §7), charged at the aggregate's span as each tuple is read. An empty group
//! reads nothing and costs nothing.
//!
//! An aggregate written in a rule has a [`MemoId`]: its result for a group is computed
//! once per stratum run (the relation it reads is finished, spec §9.3) and kept until
//! the stratum's fixpoint is reached; a later evaluation with an equal group (§2.4
//! equality) reads no tuple and costs no step. Aggregates in CALC bodies and top-level
//! statements have no memo and are computed at every evaluation.
//!
//! Results (both backends compute exactly these):
//! - COUNT: the number of tuples read, an Int.
//! - SUM and MEAN: a Symbol in the value column is E203 (before anything else). With
//!   only Ints, the exact total (E202 when beyond i64; partial sums may be). With any
//!   Float, every value as f64, added in the canonical order of the tuples (spec §2.5),
//!   then made canonical (E205 when not finite). MEAN divides that total by the count
//!   with the `/` of spec §6.3.
//! - MIN and MAX: spec §2.4 order; both a number and a Symbol in the group is E203.
//! - Empty group: COUNT and SUM give 0; MIN, MAX and MEAN have no value. Written in a
//!   rule, that stops the binding at the clause being evaluated (as a scan that finds
//!   nothing); anywhere else it is E209.

use super::{Expr, IndexId, RelId};
pub use crate::ast::AggFunc;

id_type!(/// An aggregate written in a rule: the key of its memo, `0..Program::memos`.
    MemoId(u32));

/// An aggregate over the tuples of a relation (see the module docs).
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregate {
    /// Which aggregate.
    pub func: AggFunc,
    /// The relation read.
    pub rel: RelId,
    /// Per column: `None` for `?`, else the group value that column must equal.
    pub pattern: Vec<Option<Expr>>,
    /// The value column (the last `?`) of SUM, MIN, MAX and MEAN; `None` for COUNT.
    pub value: Option<u32>,
    /// The index on the group columns (in column order) through which a rule's
    /// aggregate finds its group; `None` when there is no group or outside rules
    /// (then the aggregate looks at every tuple, and still reads only the group's).
    pub index: Option<IndexId>,
    /// The memo of an aggregate written in a rule; `None` elsewhere.
    pub memo: Option<MemoId>,
}

impl Aggregate {
    /// The group values of the pattern, in column order.
    pub fn group(&self) -> impl Iterator<Item = &Expr> {
        self.pattern.iter().flatten()
    }
}
