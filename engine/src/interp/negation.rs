//! The NOT clause (spec §9.1), as [`crate::ir::Op::Not`] defines it: the key is
//! evaluated, then the index on the non-`?` columns probed (with every column bound,
//! the relation's own set; with none, the relation looked at); a tuple found is one
//! tuple read, one step, and ends the binding (docs/decisions.md 204).

use super::relation::Relation;
use super::{Env, Machine, Res};
use crate::ir::{Expr, IndexId, RelId, Version};
use crate::span::Span;
use crate::value::Value;
use smallvec::SmallVec;

impl Machine<'_> {
    /// True when no tuple of `rel` equals `key` in the columns of `index`: the
    /// binding goes on.
    pub(super) fn absent(
        &mut self,
        rels: &[Relation],
        env: Env<'_>,
        (rel, index, key): (RelId, Option<IndexId>, &[Expr]),
        span: Span,
    ) -> Res<bool> {
        let mut values = SmallVec::<[Value; 4]>::new();
        for e in key {
            values.push(self.eval(rels, env, e)?);
        }
        let relation = &rels[rel.index()];
        let found = match index {
            Some(index) => {
                let (_, found) = relation.probe(index, values.iter().copied(), Version::Full);
                !found.is_empty()
            }
            None if values.is_empty() => relation.len() > 0,
            // A relation NOT reads is finished, so it has no pending tuples and its
            // set answers (spec §9.3); the scan covers the visible ones otherwise.
            None => relation
                .contains(&values)
                .unwrap_or_else(|| (0..relation.len()).any(|id| relation.row(id).equals(&values))),
        };
        if found {
            self.budget.step(span)?;
        }
        Ok(!found)
    }
}
