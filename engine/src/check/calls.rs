//! Calls: every `CALC f(…)` names a defined CALC and every `NAME(…)` a built-in
//! (E304), with the right number of arguments (E305).

use super::Checked;
use super::walk::walk_program_exprs;
use crate::ast::{ExprKind, Program};
use crate::diagnostic::{Code, Diagnostic};
use crate::ir::Builtin;
use crate::suggest::did_you_mean;

/// Checks every call in the program.
pub fn check_calls(program: &Program, checked: &Checked, diagnostics: &mut Vec<Diagnostic>) {
    walk_program_exprs(program, &mut |e| match &e.kind {
        ExprKind::CalcCall { name, args } => match checked.func(&name.text) {
            Some(id) => {
                let want = checked.functions[id.index()].params;
                if want != args.len() {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::E305,
                            e.span,
                            format!(
                                "CALC `{}` takes {want} argument{}, but {} {} given",
                                name.text,
                                plural(want),
                                args.len(),
                                if args.len() == 1 { "is" } else { "are" }
                            ),
                        )
                        .with_label(format!("expected {want}")),
                    );
                }
            }
            None => {
                let names = checked.functions.iter().map(|f| f.name);
                let mut d = Diagnostic::new(
                    Code::E304,
                    name.span,
                    format!("CALC `{}` is not defined", name.text),
                )
                .with_hint(format!("define it with `CALC {} … END`", name.text));
                if let Some(s) = did_you_mean(&name.text, names) {
                    d = d.with_label(format!("did you mean `{s}`?"));
                }
                diagnostics.push(d);
            }
        },
        ExprKind::BuiltinCall { name, args } => match Builtin::from_name(&name.text) {
            Some(b) => {
                let (lo, hi) = b.arity();
                if args.len() < lo || args.len() > hi {
                    let want = if lo == hi {
                        format!("{lo}")
                    } else {
                        format!("{lo} or {hi}")
                    };
                    diagnostics.push(
                        Diagnostic::new(
                            Code::E305,
                            e.span,
                            format!(
                                "{} takes {want} argument{}, but {} {} given",
                                b.name(),
                                plural(hi),
                                args.len(),
                                if args.len() == 1 { "is" } else { "are" }
                            ),
                        )
                        .with_label(format!("expected {want}")),
                    );
                }
            }
            None => {
                let mut d = Diagnostic::new(
                    Code::E304,
                    name.span,
                    format!("`{}` is not a built-in function", name.text),
                );
                if checked.func(&name.text).is_some() {
                    d = d.with_hint(format!("call a CALC with `CALC {}(…)`", name.text));
                } else if let Some(s) =
                    did_you_mean(&name.text, Builtin::ALL.iter().map(|b| b.name()))
                {
                    d = d.with_label(format!("did you mean `{s}`?"));
                } else {
                    d = d.with_hint("to write an atom followed by a value, put a space before `(`");
                }
                diagnostics.push(d);
            }
        },
        _ => {}
    });
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
