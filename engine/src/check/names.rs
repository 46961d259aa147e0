//! Declarations: relations, CALC functions and globals (E307 for names defined twice).

use super::{Checked, FuncInfo, RelInfo};
use crate::ast::{Program, StmtKind, Var};
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
                for p in repeated(&calc.params) {
                    diagnostics.push(Diagnostic::new(
                        Code::E307,
                        p.span,
                        format!("INPUT parameter `{}` is listed twice", p.name),
                    ));
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

/// Up to this many parameters, a repeat is found by comparing with the earlier ones.
const SCANNED: usize = 16;

/// Each parameter whose variable an earlier one already names, in order.
fn repeated<'a>(params: &'a [Var<'_>]) -> Vec<&'a Var<'a>> {
    if params.len() <= SCANNED {
        let seen_before = |i: usize| params[..i].iter().any(|q| q.name == params[i].name);
        return (0..params.len())
            .filter(|&i| seen_before(i))
            .map(|i| &params[i])
            .collect();
    }
    let mut seen = hashbrown::HashSet::with_capacity(params.len());
    params.iter().filter(|p| !seen.insert(&p.name)).collect()
}

#[cfg(test)]
mod tests {
    use super::{SCANNED, repeated};
    use crate::ast::{Var, VarName};
    use crate::span::Span;

    /// Parameters named by `names` (`$0`, `$1`, … for numbers).
    fn params(names: &[u32]) -> Vec<Var<'static>> {
        let var = |(i, &n): (usize, &u32)| Var {
            name: VarName::Positional(n),
            span: Span::new(i as u32, i as u32 + 1),
        };
        names.iter().enumerate().map(var).collect()
    }

    #[test]
    fn repeats_are_found_in_short_and_long_lists() {
        for len in [3, SCANNED, SCANNED + 1, 3 * SCANNED] {
            // 0, 1, 2, 0, 1, 2, … : every parameter from the fourth on repeats one.
            let names: Vec<u32> = (0..len as u32).map(|i| i % 3).collect();
            let found: Vec<u32> = repeated(&params(&names))
                .iter()
                .map(|p| p.span.start)
                .collect();
            assert_eq!(
                found,
                (3..len as u32).collect::<Vec<_>>(),
                "{len} parameters"
            );
        }
        assert!(repeated(&params(&[])).is_empty());
    }
}
