//! Relation uses: every use names a declared relation (E301) with a consistent
//! arity (E303), fixed by the first FACT, EMIT, QUERY, FOR-QUERY, NOT clause or
//! aggregate QUERY in source order (spec §3, §9).

use super::Checked;
use super::walk::{walk_calc_stmts, walk_program_exprs};
use crate::ast::{CalcStmtKind, ClauseKind, ExprKind, Ident, Program, StmtKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::suggest::did_you_mean;
use std::borrow::Cow;

/// One use of a relation: where, and how many values it gives (`None` for SCAN and
/// JOIN, which take the arity as it is) in which kind of statement or clause.
struct Use<'a> {
    rel: &'a Ident<'a>,
    values: Option<(usize, Cow<'static, str>)>,
}

/// Checks every relation use and fixes each relation's arity.
pub fn check_uses<'a>(
    program: &'a Program<'_>,
    checked: &mut Checked<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // At least one use per FACT and QUERY, which most programs are made of.
    let mut found: Vec<Use<'a>> = Vec::with_capacity(program.stmts.len());
    let add = |found: &mut Vec<Use<'a>>, rel, n: usize, what: Cow<'static, str>| {
        found.push(Use {
            rel,
            values: Some((n, what)),
        })
    };
    for stmt in &program.stmts {
        match &stmt.kind {
            StmtKind::Fact { rel, args } => add(&mut found, rel, args.len(), "FACT".into()),
            StmtKind::Query(q) => add(&mut found, &q.rel, q.args.len(), "QUERY".into()),
            StmtKind::Rule(rule) => {
                for clause in &rule.clauses {
                    match &clause.kind {
                        ClauseKind::Scan { rel, .. } | ClauseKind::Join { rel, .. } => {
                            found.push(Use { rel, values: None });
                        }
                        ClauseKind::Emit { rel, args } => {
                            add(&mut found, rel, args.len(), "EMIT".into())
                        }
                        ClauseKind::Not(q) => {
                            add(&mut found, &q.rel, q.args.len(), "NOT clause".into())
                        }
                        ClauseKind::Let { .. } | ClauseKind::Where(_) => {}
                    }
                }
            }
            StmtKind::Calc(calc) => walk_calc_stmts(&calc.body, &mut |s| {
                if let CalcStmtKind::ForQuery { query, .. } = &s.kind {
                    add(&mut found, &query.rel, query.args.len(), "FOR-QUERY".into());
                }
            }),
            StmtKind::Rel(_) | StmtKind::Solve | StmtKind::Let { .. } | StmtKind::Result(_) => {}
        }
    }
    walk_program_exprs(program, &mut |e| {
        if let ExprKind::Aggregate(agg) = &e.kind {
            let what = format!("{} QUERY", agg.func.name());
            add(
                &mut found,
                &agg.query.rel,
                agg.query.args.len(),
                what.into(),
            );
        }
    });
    // The first use in source order fixes the arity (spec §3).
    found.sort_by_key(|u| u.rel.span.start);
    let mut uses = Uses {
        checked,
        diagnostics,
    };
    for u in found {
        match u.values {
            Some((n, what)) => uses.fix(u.rel, n, &what),
            None => {
                uses.declared(u.rel);
            }
        }
    }
    for rel in &mut uses.checked.relations {
        if rel.arity == 0 {
            rel.arity = 2;
        }
    }
}

struct Uses<'a, 'n> {
    checked: &'a mut Checked<'n>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Uses<'_, '_> {
    /// Reports E301 unless `rel` is declared; returns whether it is.
    fn declared(&mut self, rel: &Ident) -> bool {
        if self.checked.rel(&rel.text).is_some() {
            return true;
        }
        let names = self.checked.relations.iter().map(|r| r.name);
        let name = &rel.text;
        let d = Diagnostic::new(
            Code::E301,
            rel.span,
            format!("relation `{name}` is not declared"),
        );
        // With a likely typo, the label offers the fix and the hint the other case
        // (docs/decisions.md 127).
        let d = match did_you_mean(name, names) {
            Some(s) => d
                .with_label(format!("did you mean `{s}`?"))
                .with_hint(format!("if `{name}` is a new relation, add `REL {name}`")),
            None => d.with_hint(format!("add `REL {name}`")),
        };
        self.diagnostics.push(d);
        false
    }

    /// A use with `n` values: fixes the arity or checks it (E303).
    fn fix(&mut self, rel: &Ident, n: usize, what: &str) {
        if !self.declared(rel) {
            return;
        }
        let Some(id) = self.checked.rel(&rel.text) else {
            return;
        };
        let info = &mut self.checked.relations[id.index()];
        if info.arity == 0 {
            info.arity = n as u32;
        } else if info.arity as usize != n {
            self.diagnostics.push(
                Diagnostic::new(
                    Code::E303,
                    rel.span,
                    format!(
                        "`{}` has {} column{} (fixed by its first use), but this {what} gives {n}",
                        rel.text,
                        info.arity,
                        if info.arity == 1 { "" } else { "s" },
                    ),
                )
                .with_label(format!(
                    "expected {} value{}",
                    info.arity,
                    if info.arity == 1 { "" } else { "s" }
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Limits, compile};

    #[test]
    fn a_misspelt_relation_gets_a_label_and_hint_that_agree() {
        let compiled = compile(
            "REL parent\nFACT parnt alice bob\nFACT other 1\n",
            &Limits::default(),
        );
        let found: Vec<_> = compiled
            .diagnostics
            .iter()
            .map(|d| (d.label.as_deref(), d.hint.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    Some("did you mean `parent`?"),
                    Some("if `parnt` is a new relation, add `REL parnt`")
                ),
                (None, Some("add `REL other`")),
            ]
        );
    }
}
