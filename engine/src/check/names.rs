//! Declarations: relations, CALC functions and globals (E307 for names defined twice).

use super::{Checked, FuncInfo, RelInfo};
use crate::ast::{Program, StmtKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::ir::{FuncId, GlobalId, RelId};

/// Collects the hoisted REL and CALC definitions and the globals of top-level LETs.
pub fn declare(program: &Program, diagnostics: &mut Vec<Diagnostic>) -> Checked {
    let mut c = Checked::default();
    for (index, stmt) in program.stmts.iter().enumerate() {
        match &stmt.kind {
            StmtKind::Rel(name) => {
                if c.rel_ids.contains_key(&name.text) {
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
                let id = RelId(c.relations.len() as u32);
                c.rel_ids.insert(name.text.clone(), id);
                c.relations.push(RelInfo {
                    name: name.text.clone(),
                    arity: 0,
                });
            }
            StmtKind::Calc(calc) => {
                if c.func_ids.contains_key(&calc.name.text) {
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
                let id = FuncId(c.functions.len() as u32);
                c.func_ids.insert(calc.name.text.clone(), id);
                c.functions.push(FuncInfo {
                    name: calc.name.text.clone(),
                    stmt: index,
                    params: calc.params.len(),
                });
            }
            StmtKind::Let { var, .. } if !c.global_ids.contains_key(&var.name) => {
                c.global_ids
                    .insert(var.name.clone(), GlobalId(c.globals.len() as u32));
                c.globals.push(var.name.clone());
            }
            _ => {}
        }
    }
    c
}
