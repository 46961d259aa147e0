//! QUERY and FOR-QUERY selection (spec §5.1, §6.2): the tuples equal to a pattern,
//! in canonical order (spec §2.5), and the query answer projected onto the `?` columns.

use super::relation::{Relation, RowId};
use super::{Env, Machine, Res, arith};
use crate::ir::Expr;
use crate::output::QueryAnswer;
use crate::value::{Symbols, Value};

impl Machine<'_> {
    /// Evaluates a pattern: `None` stays `?`, every other argument becomes its value.
    pub(super) fn eval_pattern(
        &mut self,
        rels: &[Relation],
        env: Env<'_>,
        pattern: &[Option<Expr>],
    ) -> Res<Vec<Option<Value>>> {
        pattern
            .iter()
            .map(|arg| arg.as_ref().map(|e| self.eval(rels, env, e)).transpose())
            .collect()
    }
}

/// The ids of the rows of `rel` equal to `pattern` in every non-`?` column, sorted in
/// canonical tuple order.
pub(super) fn select(rel: &Relation, pattern: &[Option<Value>], symbols: &Symbols) -> Vec<RowId> {
    let matches = |row: &[Value]| {
        pattern
            .iter()
            .zip(row)
            .all(|(want, have)| want.is_none_or(|w| arith::equal(w, *have)))
    };
    let mut ids: Vec<RowId> = (0..rel.len()).filter(|&id| matches(rel.row(id))).collect();
    if !sort_by_rank(rel, &mut ids, symbols.written()) {
        ids.sort_unstable_by(|&a, &b| symbols.cmp_tuples(rel.row(a), rel.row(b)));
    }
    ids
}

/// Bounds of the Ints that have a [`rank`].
const RANKED_INTS: std::ops::Range<i64> = -(1 << 62)..(1 << 62);

/// A value's place in canonical order (spec §2.5) as one integer, for the values that
/// have one without looking at other values: Ints within [`RANKED_INTS`] (in number
/// order, below 2^63) and Symbols written in the program (above, by rank). Floats,
/// huge Ints and run-time Symbols have none.
fn rank(v: Value, written: u32) -> Option<u64> {
    match v {
        Value::Int(i) if RANKED_INTS.contains(&i) => Some((i + (1 << 62)) as u64),
        Value::Sym(s) if s.0 < written => Some((1 << 63) | u64::from(s.0)),
        _ => None,
    }
}

/// Sorts `ids` (rows of `rel` of arity 1 or 2) in canonical order by precomputed
/// [`rank`]s, the common case of QUERY answers; false, leaving `ids` as it is, when
/// the arity is larger or some value has no rank.
fn sort_by_rank(rel: &Relation, ids: &mut [RowId], written: u32) -> bool {
    let key = |id: RowId| -> Option<(u64, u64)> {
        match *rel.row(id) {
            [a] => Some((rank(a, written)?, 0)),
            [a, b] => Some((rank(a, written)?, rank(b, written)?)),
            _ => None,
        }
    };
    let Some(mut keyed) = ids
        .iter()
        .map(|&id| key(id).map(|(a, b)| (a, b, id)))
        .collect::<Option<Vec<_>>>()
    else {
        return false;
    };
    keyed.sort_unstable();
    for (slot, (_, _, id)) in ids.iter_mut().zip(keyed) {
        *slot = id;
    }
    true
}

/// The answer of `QUERY rel pattern`: truth without `?`, values with one, tuples with more.
pub(super) fn answer(rel: &Relation, pattern: &[Option<Value>], symbols: &Symbols) -> QueryAnswer {
    let ids = select(rel, pattern, symbols);
    let open: Vec<usize> = (0..pattern.len())
        .filter(|&i| pattern[i].is_none())
        .collect();
    let project = |id: RowId| -> Vec<Value> {
        let row = rel.row(id);
        // Exact capacity: a large answer holds millions of these.
        let mut values = Vec::with_capacity(open.len());
        values.extend(open.iter().filter_map(|&c| row.get(c).copied()));
        values
    };
    match open.len() {
        0 => QueryAnswer::Truth(!ids.is_empty()),
        1 => QueryAnswer::Values(ids.into_iter().flat_map(project).collect()),
        _ => QueryAnswer::Tuples(ids.into_iter().map(project).collect()),
    }
}
