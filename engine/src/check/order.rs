//! Statement order (spec §3): a QUERY of a relation derived by an earlier RULE needs
//! a SOLVE in between (E302); a QUERY before any SOLVE gets warning W002.

use crate::ast::{ClauseKind, Program, StmtKind};
use crate::diagnostic::{Code, Diagnostic};
use hashbrown::HashSet;

/// Checks every top-level QUERY against the RULEs and SOLVEs before it.
pub fn check_query_order(program: &Program, diagnostics: &mut Vec<Diagnostic>) {
    // Relations derived by rules registered since the last SOLVE.
    let mut unsolved: HashSet<&str> = HashSet::new();
    let mut solved_once = false;
    for stmt in &program.stmts {
        match &stmt.kind {
            StmtKind::Rule(rule) => {
                for clause in &rule.clauses {
                    if let ClauseKind::Emit { rel, .. } = &clause.kind {
                        unsolved.insert(&rel.text);
                    }
                }
            }
            StmtKind::Solve => {
                unsolved.clear();
                solved_once = true;
            }
            StmtKind::Query(q) => {
                if unsolved.contains(q.rel.text.as_str()) {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::E302,
                            stmt.span,
                            format!(
                                "QUERY of `{}`, which a RULE above derives, with no SOLVE in between",
                                q.rel.text
                            ),
                        )
                        .with_hint("add `SOLVE` before this QUERY"),
                    );
                } else if !solved_once {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::W002,
                            stmt.span,
                            format!("QUERY of `{}` before any SOLVE", q.rel.text),
                        )
                        .with_hint("add `SOLVE` before the first QUERY"),
                    );
                }
            }
            _ => {}
        }
    }
}
