//! NOT clauses and aggregates (spec §9) for [`super::rules::stratified`] programs:
//! over the relations a rule may read non-monotonically, with `?`, bound variables,
//! literals and expressions as arguments, empty groups (groups of values no tuple
//! holds), Int, Float and Symbol value columns, and sums that overflow i64 (the value
//! pools hold the i64 extremes).

use super::rules::{Scope, term};
use super::values::lit;
use crate::dice::Dice;
use crate::model::{Agg, Clause, Kind, MExpr};
use bytelogic_engine::ast::AggFunc;

/// `NOT rel a…` over a relation the rule may read non-monotonically (there is one).
pub(super) fn not_clause(d: &mut Dice, scope: &mut Scope<'_>) -> Clause {
    let (rels, readable) = scope.readable.clone().unwrap_or_default();
    let rel = readable[d.below(readable.len())];
    let args = rels[rel]
        .kinds
        .iter()
        .map(|&k| (!d.chance(45)).then(|| group_value(d, scope, k)))
        .collect();
    Clause::Not { rel, args }
}

/// An aggregate whose value has kind `kind`, over a relation the rule may read
/// non-monotonically; `None` when there is none (or no column fits).
pub(super) fn aggregate(d: &mut Dice, scope: &mut Scope<'_>, kind: Kind) -> Option<MExpr> {
    aggregate_of(d, scope, kind, &AggFunc::ALL)
}

/// As [`aggregate`], one of `funcs` (those that give a value of `kind`).
pub(super) fn aggregate_of(
    d: &mut Dice,
    scope: &mut Scope<'_>,
    kind: Kind,
    funcs: &[AggFunc],
) -> Option<MExpr> {
    let (rels, readable) = scope.readable.clone()?;
    if readable.is_empty() {
        return None;
    }
    let rel = readable[d.below(readable.len())];
    let kinds = rels[rel].kinds.clone();
    let of_kind: Vec<AggFunc> = funcs
        .iter()
        .copied()
        .filter(|f| match kind {
            Kind::Int => *f != AggFunc::Mean,
            Kind::Num => *f != AggFunc::Count,
            Kind::Sym => matches!(f, AggFunc::Min | AggFunc::Max),
        })
        .collect();
    if of_kind.is_empty() {
        return None;
    }
    let func = of_kind[d.below(of_kind.len())];
    let value = if func == AggFunc::Count {
        None
    } else {
        // Now and then any column: a SUM or MEAN of Symbols is E203 in both.
        let any = d.chance(5);
        let fits = |k: Kind| {
            any || match func {
                AggFunc::Min | AggFunc::Max => k == kind,
                _ if kind == Kind::Int => k == Kind::Int,
                _ => k != Kind::Sym,
            }
        };
        let columns: Vec<usize> = (0..kinds.len()).filter(|&c| fits(kinds[c])).collect();
        if columns.is_empty() {
            return None;
        }
        Some(columns[d.below(columns.len())])
    };
    // The value column is the last `?`: the columns after it are group values.
    let args = (0..kinds.len())
        .map(|c| match value {
            Some(v) if c == v => None,
            Some(v) if c > v => Some(group_value(d, scope, kinds[c])),
            _ => (!d.chance(50)).then(|| group_value(d, scope, kinds[c])),
        })
        .collect();
    Some(MExpr::Agg(Box::new(Agg {
        func,
        rel,
        name: rels[rel].name.clone(),
        args,
    })))
}

/// A group value of kind `kind`: mostly a bound variable or a literal (which may be
/// a value no tuple holds: an empty group), sometimes an expression.
fn group_value(d: &mut Dice, scope: &mut Scope<'_>, kind: Kind) -> MExpr {
    if d.chance(60)
        && let Some(v) = scope.var_of(d, kind)
    {
        return MExpr::Var(v);
    }
    if d.chance(80) {
        return MExpr::Lit(lit(d, kind, true));
    }
    term(d, scope, kind)
}
