//! Declarations: relations, CALC functions and globals (E307 for names defined twice).

use super::{Checked, FuncInfo, RelInfo};
use crate::ast::{Program, StmtKind};
use crate::diagnostic::{Code, Diagnostic};

/// Collects the hoisted REL and CALC definitions and the globals of top-level LETs.
pub fn declare<'a>(program: &'a Program<'_>, diagnostics: &mut Vec<Diagnostic>) -> Checked<'a> {
    let mut c = Checked::default();
    for (index, stmt) in program.stmts.iter().enumerate() {
        match &stmt.kind {
            StmtKind::Rel(name) => {
                if c.rel(&name.text).is_some() {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::E307,
                            name.span,
                            format!("relation `{}` is declared twice", name.text),
                        )
                        .with_label("declared again here")
                        .with_hint("remove the second `REL` line"),
                    );
                    continue;
                }
                c.rel_ids.add(&&*name.text);
                c.relations.push(RelInfo {
                    name: &name.text,
                    arity: 0,
                });
            }
            StmtKind::Calc(calc) => {
                if c.func(&calc.name.text).is_some() {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::E307,
                            calc.name.span,
                            format!("CALC `{}` is defined twice", calc.name.text),
                        )
                        .with_label("defined again here")
                        .with_hint("rename one of the two definitions"),
                    );
                    continue;
                }
                let mut seen = hashbrown::HashSet::with_capacity(calc.params.len());
                for p in &calc.params {
                    if !seen.insert(&p.name) {
                        diagnostics.push(Diagnostic::new(
                            Code::E307,
                            p.span,
                            format!("INPUT parameter `{}` is listed twice", p.name),
                        ));
                    }
                }
                c.func_ids.add(&&*calc.name.text);
                c.functions.push(FuncInfo {
                    name: &calc.name.text,
                    stmt: index,
                    params: calc.params.len(),
                });
            }
            StmtKind::Let { var, .. } => {
                c.globals.add(&var.name);
            }
            _ => {}
        }
    }
    c
}
