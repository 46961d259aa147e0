//! W003 (spec §9.3): the database only grows, so a tuple derived because `r` lacked
//! a tuple stays when `r` gains it later. Warned at every FACT into `r`, and every
//! RULE deriving `r`, placed after a SOLVE that ran a rule (registered before that
//! SOLVE) reading `r` through NOT or an aggregate, its called CALCs included.

use super::reads::RuleReads;
use crate::ast::{Program, StmtKind};
use crate::check::Checked;
use crate::diagnostic::{Code, Diagnostic};
use crate::ir::RelId;
use crate::span::Span;
use hashbrown::HashMap;

/// Reports one W003 per FACT or RULE that adds to a relation a SOLVE already read
/// non-monotonically.
pub(super) fn warn(
    program: &Program,
    checked: &Checked,
    rules: &[RuleReads],
    diagnostics: &mut Vec<Diagnostic>,
) {
    // The first registered rule that reads each relation non-monotonically.
    let mut registered: HashMap<RelId, &str> = HashMap::new();
    // The same, for the rules registered before the last SOLVE.
    let mut solved: HashMap<RelId, &str> = HashMap::new();
    let mut next_rule = rules.iter();
    for stmt in &program.stmts {
        match &stmt.kind {
            StmtKind::Fact { rel, .. } => {
                if let Some(r) = checked.rel(&rel.text)
                    && let Some(reader) = solved.get(&r)
                {
                    diagnostics.push(w003(checked, r, reader, "FACT", stmt.span));
                }
            }
            StmtKind::Rule(_) => {
                let Some(rule) = next_rule.next() else {
                    continue;
                };
                if let Some((r, reader)) = rule
                    .heads
                    .iter()
                    .find_map(|r| solved.get(r).map(|reader| (*r, *reader)))
                {
                    diagnostics.push(w003(checked, r, reader, "RULE", stmt.span));
                }
                for &r in &rule.watched {
                    registered.entry(r).or_insert(rule.label.as_str());
                }
            }
            StmtKind::Solve => solved.clone_from(&registered),
            _ => {}
        }
    }
}

fn w003(checked: &Checked, rel: RelId, reader: &str, what: &str, span: Span) -> Diagnostic {
    let rel = &checked.relations[rel.index()].name;
    Diagnostic::new(
        Code::W003,
        span,
        format!(
            "this {what} adds to `{rel}` after a SOLVE ran rule `{reader}`, which reads `{rel}` through NOT or an aggregate"
        ),
    )
    .with_hint(format!(
        "what that SOLVE derived while `{rel}` lacked these tuples stays (the database only grows): put this {what} before the SOLVE, or SOLVE again only after every FACT and RULE it needs"
    ))
}
