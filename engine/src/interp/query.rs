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
    ids.sort_unstable_by(|&a, &b| symbols.cmp_tuples(rel.row(a), rel.row(b)));
    ids
}

/// The answer of `QUERY rel pattern`: truth without `?`, values with one, tuples with more.
pub(super) fn answer(rel: &Relation, pattern: &[Option<Value>], symbols: &Symbols) -> QueryAnswer {
    let ids = select(rel, pattern, symbols);
    let open: Vec<usize> = (0..pattern.len())
        .filter(|&i| pattern[i].is_none())
        .collect();
    let project = |id: RowId| -> Vec<Value> {
        let row = rel.row(id);
        open.iter().filter_map(|&c| row.get(c).copied()).collect()
    };
    match open.len() {
        0 => QueryAnswer::Truth(!ids.is_empty()),
        1 => QueryAnswer::Values(ids.into_iter().flat_map(project).collect()),
        _ => QueryAnswer::Tuples(ids.into_iter().map(project).collect()),
    }
}
