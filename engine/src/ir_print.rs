//! A readable text form of the rule IR, for golden tests and bug reports.

use crate::ast::UnOp;
use crate::ir::{Expr, ExprKind, Function, Op, Plan, Program, Rule, Step, Stmt, Version};
use crate::output::value_text;
use crate::value::Value;
use std::fmt::Write as _;

/// Prints a whole program: relations, indexes, strata, rules, functions and steps.
pub fn print_program(p: &Program) -> String {
    let mut out = String::new();
    for (i, r) in p.relations.iter().enumerate() {
        let _ = writeln!(out, "rel r{i} {}/{}", r.name, r.arity);
    }
    for (i, x) in p.indexes.iter().enumerate() {
        let cols: Vec<String> = x.columns.iter().map(|c| c.to_string()).collect();
        let _ = writeln!(
            out,
            "index i{i} {}({})",
            p.relations[x.rel.index()].name,
            cols.join(", ")
        );
    }
    for (i, s) in p.strata.iter().enumerate() {
        let rules: Vec<String> = s.rules.iter().map(|r| format!("#{}", r.0)).collect();
        let derives: Vec<&str> = s
            .derives
            .iter()
            .map(|r| p.relations[r.index()].name.as_str())
            .collect();
        let _ = writeln!(
            out,
            "stratum {i}: rules {} derive {}{}",
            rules.join(" "),
            derives.join(" "),
            if s.recursive { " (recursive)" } else { "" }
        );
    }
    for (i, r) in p.rules.iter().enumerate() {
        print_rule(&mut out, p, i, r);
    }
    for f in &p.functions {
        print_function(&mut out, p, f);
    }
    for s in &p.steps {
        print_step(&mut out, p, s);
    }
    out
}

fn print_rule(out: &mut String, p: &Program, i: usize, r: &Rule) {
    let _ = writeln!(
        out,
        "rule #{i} {} (stratum {}, slots {}):",
        r.label,
        r.stratum.0,
        r.slot_names.join(" ")
    );
    print_plan(out, p, "initial", &r.initial, &r.slot_names);
    for (d, plan) in r.deltas.iter().enumerate() {
        print_plan(out, p, &format!("delta {d}"), plan, &r.slot_names);
    }
}

fn print_plan(out: &mut String, p: &Program, name: &str, plan: &Plan, names: &[String]) {
    let _ = writeln!(out, "  {name}:");
    for op in &plan.ops {
        let line = match op {
            Op::Scan {
                rel,
                version,
                index,
                key,
                bind,
                ..
            } => {
                let mut s = format!(
                    "scan {}{}",
                    p.relations[rel.index()].name,
                    if *version == Version::Delta {
                        " delta"
                    } else {
                        ""
                    }
                );
                if let Some(ix) = index {
                    let keys: Vec<&str> = key.iter().map(|k| names[k.index()].as_str()).collect();
                    let _ = write!(s, " via i{} = ({})", ix.0, keys.join(", "));
                }
                let binds: Vec<String> = bind
                    .iter()
                    .map(|(c, v)| format!("{}:{c}", names[v.index()]))
                    .collect();
                let _ = write!(s, " bind {}", binds.join(" "));
                s
            }
            Op::Let { slot, expr } => format!(
                "let {} = {}",
                names[slot.index()],
                expr_text(p, expr, names)
            ),
            Op::Filter(e) => format!("where {}", expr_text(p, e, names)),
            Op::Not {
                rel, index, key, ..
            } => {
                let mut s = format!("not {}", p.relations[rel.index()].name);
                let keys: Vec<String> = key.iter().map(|k| expr_text(p, k, names)).collect();
                match index {
                    Some(ix) => {
                        let _ = write!(s, " via i{} = ({})", ix.0, keys.join(", "));
                    }
                    None if !keys.is_empty() => {
                        let _ = write!(s, " contains ({})", keys.join(", "));
                    }
                    None => {}
                }
                s
            }
            Op::Emit { rel, args, .. } => format!(
                "emit {}({})",
                p.relations[rel.index()].name,
                args.iter()
                    .map(|a| expr_text(p, a, names))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let _ = writeln!(out, "    {line}");
    }
}

fn print_function(out: &mut String, p: &Program, f: &Function) {
    let params = &f.local_names[..f.params as usize];
    let _ = writeln!(
        out,
        "calc {}({}) locals {}:",
        f.name,
        params.join(", "),
        f.local_names.join(" ")
    );
    print_stmts(out, p, &f.body, &f.local_names, 1);
}

fn print_stmts(out: &mut String, p: &Program, body: &[Stmt], names: &[String], depth: usize) {
    let pad = "  ".repeat(depth);
    for s in body {
        match s {
            Stmt::Let { slot, expr, .. } => {
                let _ = writeln!(
                    out,
                    "{pad}let {} = {}",
                    names[slot.index()],
                    expr_text(p, expr, names)
                );
            }
            Stmt::If {
                cond,
                then_body,
                else_body,
                ..
            } => {
                let _ = writeln!(out, "{pad}if {}", expr_text(p, cond, names));
                print_stmts(out, p, then_body, names, depth + 1);
                if !else_body.is_empty() {
                    let _ = writeln!(out, "{pad}else");
                    print_stmts(out, p, else_body, names, depth + 1);
                }
            }
            Stmt::ForRange {
                slot,
                start,
                end,
                step,
                body,
                ..
            } => {
                let step = step
                    .as_ref()
                    .map_or("1".to_string(), |e| expr_text(p, e, names));
                let _ = writeln!(
                    out,
                    "{pad}for {} in range({}, {}, {step})",
                    names[slot.index()],
                    expr_text(p, start, names),
                    expr_text(p, end, names)
                );
                print_stmts(out, p, body, names, depth + 1);
            }
            Stmt::While { cond, body, .. } => {
                let _ = writeln!(out, "{pad}while {}", expr_text(p, cond, names));
                print_stmts(out, p, body, names, depth + 1);
            }
            Stmt::ForQuery {
                tuple,
                rel,
                pattern,
                body,
                ..
            } => {
                let _ = writeln!(
                    out,
                    "{pad}for t{} in {}({})",
                    tuple.0,
                    p.relations[rel.index()].name,
                    pattern_text(p, pattern, names)
                );
                print_stmts(out, p, body, names, depth + 1);
            }
            Stmt::Result { expr, .. } => {
                let _ = writeln!(out, "{pad}result {}", expr_text(p, expr, names));
            }
            Stmt::Break(_) => {
                let _ = writeln!(out, "{pad}break");
            }
            Stmt::Continue(_) => {
                let _ = writeln!(out, "{pad}continue");
            }
        }
    }
}

fn print_step(out: &mut String, p: &Program, s: &Step) {
    let line = match s {
        Step::Fact { rel, args, .. } => format!(
            "fact {}({})",
            p.relations[rel.index()].name,
            args.iter()
                .map(|a| expr_text(p, a, &[]))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Step::Solve { rules, .. } => format!("solve rules < {rules}"),
        Step::Query { rel, pattern, .. } => {
            format!(
                "query {}({})",
                p.relations[rel.index()].name,
                pattern_text(p, pattern, &[])
            )
        }
        Step::Let { global, expr, .. } => {
            format!(
                "let {} = {}",
                p.globals[global.index()],
                expr_text(p, expr, &[])
            )
        }
        Step::Result { expr, .. } => format!("result {}", expr_text(p, expr, &[])),
    };
    let _ = writeln!(out, "{line}");
}

fn pattern_text(p: &Program, pattern: &[Option<Expr>], names: &[String]) -> String {
    pattern
        .iter()
        .map(|a| {
            a.as_ref()
                .map_or("?".to_string(), |e| expr_text(p, e, names))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Prints an expression, fully parenthesized; `names` names the local slots.
pub fn expr_text(p: &Program, e: &Expr, names: &[String]) -> String {
    match &e.kind {
        ExprKind::Const(Value::Sym(s)) => format!("{:?}", p.symbols.resolve(*s)),
        ExprKind::Const(v) => value_text(*v, &p.symbols),
        ExprKind::Local(s) => names
            .get(s.index())
            .cloned()
            .unwrap_or_else(|| format!("%{}", s.0)),
        ExprKind::Global(g) => p.globals[g.index()].clone(),
        ExprKind::Field { tuple, col } => format!("t{}.{col}", tuple.0),
        ExprKind::Prefix { ops, operand } => {
            let mut s = expr_text(p, operand, names);
            for (op, _) in ops.iter().rev() {
                s = match op {
                    UnOp::Neg => format!("(-{s})"),
                    UnOp::Not => format!("(NOT {s})"),
                };
            }
            s
        }
        ExprKind::Chain { first, rest } => {
            let mut s = expr_text(p, first, names);
            for (op, _, e) in rest {
                s = format!("({s} {} {})", op.as_str(), expr_text(p, e, names));
            }
            s
        }
        ExprKind::Call { func, args } => format!(
            "{}({})",
            p.functions[func.index()].name,
            args.iter()
                .map(|a| expr_text(p, a, names))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ExprKind::Aggregate(agg) => {
            let mut s = format!(
                "{}({}({})",
                agg.func.name(),
                p.relations[agg.rel.index()].name,
                pattern_text(p, &agg.pattern, names)
            );
            if let Some(ix) = agg.index {
                let _ = write!(s, " via i{}", ix.0);
            }
            if let Some(m) = agg.memo {
                let _ = write!(s, " memo m{}", m.0);
            }
            s.push(')');
            s
        }
        ExprKind::Builtin { builtin, args } => format!(
            "{}({})",
            builtin.name(),
            args.iter()
                .map(|a| expr_text(p, a, names))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
