//! Relation uses: every use names a declared relation (E301) with a consistent
//! arity (E303), fixed by the first FACT, EMIT, QUERY or FOR-QUERY (spec §3).

use super::Checked;
use super::walk::walk_calc_stmts;
use crate::ast::{CalcStmtKind, ClauseKind, Ident, Program, StmtKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::suggest::did_you_mean;

/// Checks every relation use and fixes each relation's arity.
pub fn check_uses(program: &Program, checked: &mut Checked, diagnostics: &mut Vec<Diagnostic>) {
    let mut uses = Uses {
        checked,
        diagnostics,
    };
    for stmt in &program.stmts {
        match &stmt.kind {
            StmtKind::Fact { rel, args } => uses.fix(rel, args.len(), "FACT"),
            StmtKind::Query(q) => uses.fix(&q.rel, q.args.len(), "QUERY"),
            StmtKind::Rule(rule) => {
                for clause in &rule.clauses {
                    match &clause.kind {
                        ClauseKind::Scan { rel, .. } | ClauseKind::Join { rel, .. } => {
                            uses.declared(rel);
                        }
                        ClauseKind::Emit { rel, args } => uses.fix(rel, args.len(), "EMIT"),
                        ClauseKind::Let { .. } | ClauseKind::Where(_) => {}
                    }
                }
            }
            StmtKind::Calc(calc) => walk_calc_stmts(&calc.body, &mut |s| {
                if let CalcStmtKind::ForQuery { query, .. } = &s.kind {
                    uses.fix(&query.rel, query.args.len(), "FOR-QUERY");
                }
            }),
            StmtKind::Rel(_) | StmtKind::Solve | StmtKind::Let { .. } | StmtKind::Result(_) => {}
        }
    }
    for rel in &mut uses.checked.relations {
        if rel.arity == 0 {
            rel.arity = 2;
        }
    }
}

struct Uses<'a> {
    checked: &'a mut Checked,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Uses<'_> {
    /// Reports E301 unless `rel` is declared; returns whether it is.
    fn declared(&mut self, rel: &Ident) -> bool {
        if self.checked.rel_ids.contains_key(&rel.text) {
            return true;
        }
        let names = self.checked.relations.iter().map(|r| r.name.as_str());
        let mut d = Diagnostic::new(
            Code::E301,
            rel.span,
            format!("relation `{}` is not declared", rel.text),
        )
        .with_hint(format!("add `REL {}`", rel.text));
        if let Some(s) = did_you_mean(&rel.text, names) {
            d = d.with_label(format!("did you mean `{s}`?"));
        }
        self.diagnostics.push(d);
        false
    }

    /// A use with `n` values: fixes the arity or checks it (E303).
    fn fix(&mut self, rel: &Ident, n: usize, what: &str) {
        if !self.declared(rel) {
            return;
        }
        let id = self.checked.rel_ids[&rel.text];
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
