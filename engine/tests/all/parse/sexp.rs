//! A compact S-expression rendering of the syntax tree, so tests compare strings.

use bytelogic_engine::ast::*;

/// The whole program, one statement per line.
pub fn program(p: &Program) -> String {
    p.stmts.iter().map(stmt).collect::<Vec<_>>().join("\n")
}

fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Rel(name) => format!("(rel {})", name.text),
        StmtKind::Fact { rel, args } => format!("(fact {}{})", rel.text, exprs(args)),
        StmtKind::Rule(r) => {
            let clauses: Vec<String> = r.clauses.iter().map(clause).collect();
            format!("(rule {} {})", r.label.text, clauses.join(" "))
        }
        StmtKind::Solve => "(solve)".to_string(),
        StmtKind::Query(q) => format!("(query {})", query(q)),
        StmtKind::Calc(c) => {
            let params: Vec<String> = c.params.iter().map(|v| v.name.to_string()).collect();
            format!(
                "(calc {} ({}){})",
                c.name.text,
                params.join(" "),
                body(&c.body)
            )
        }
        StmtKind::Let { var, expr: e } => format!("(let {} {})", var.name, expr(e)),
        StmtKind::Result(e) => format!("(result {})", expr(e)),
    }
}

fn query(q: &QueryPattern) -> String {
    let args: Vec<String> = q
        .args
        .iter()
        .map(|a| match a {
            QueryArg::Wildcard(_) => "?".to_string(),
            QueryArg::Value(e) => expr(e),
        })
        .collect();
    format!("{} {}", q.rel.text, args.join(" "))
}

fn clause(c: &Clause) -> String {
    match &c.kind {
        ClauseKind::Scan {
            rel,
            matching: None,
        } => format!("(scan {})", rel.text),
        ClauseKind::Scan {
            rel,
            matching: Some(v),
        } => format!("(scan {} {})", rel.text, v.name),
        ClauseKind::Join { rel, key } => format!("(join {} {})", rel.text, key.name),
        ClauseKind::Let { var, expr: e } => format!("(let {} {})", var.name, expr(e)),
        ClauseKind::Where(e) => format!("(where {})", expr(e)),
        ClauseKind::Emit { rel, args } => format!("(emit {}{})", rel.text, exprs(args)),
        ClauseKind::Not(q) => format!("(not {})", query(q)),
    }
}

fn body(stmts: &[CalcStmt]) -> String {
    stmts.iter().map(|s| format!(" {}", calc_stmt(s))).collect()
}

fn calc_stmt(s: &CalcStmt) -> String {
    match &s.kind {
        CalcStmtKind::Let { var, expr: e } => format!("(let {} {})", var.name, expr(e)),
        CalcStmtKind::If {
            cond,
            then_body,
            else_body: None,
        } => {
            format!("(if {} (then{}))", expr(cond), body(then_body))
        }
        CalcStmtKind::If {
            cond,
            then_body,
            else_body: Some(e),
        } => {
            format!(
                "(if {} (then{}) (else{}))",
                expr(cond),
                body(then_body),
                body(e)
            )
        }
        CalcStmtKind::ForRange {
            var,
            start,
            end,
            step,
            body: b,
        } => {
            let step = step
                .as_ref()
                .map(|s| format!(" {}", expr(s)))
                .unwrap_or_default();
            format!(
                "(for {} {} {}{}{})",
                var.name,
                expr(start),
                expr(end),
                step,
                body(b)
            )
        }
        CalcStmtKind::While { cond, body: b } => format!("(while {}{})", expr(cond), body(b)),
        CalcStmtKind::ForQuery {
            tuple,
            query: q,
            body: b,
        } => {
            format!("(forq {} ({}){})", tuple.text, query(q), body(b))
        }
        CalcStmtKind::Result(e) => format!("(result {})", expr(e)),
        CalcStmtKind::Break => "(break)".to_string(),
        CalcStmtKind::Continue => "(continue)".to_string(),
    }
}

fn exprs(es: &[Expr]) -> String {
    es.iter().map(|e| format!(" {}", expr(e))).collect()
}

/// One expression: literals as written (`"s"` for strings), operators in prefix form.
pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Int(n) => n.to_string(),
        ExprKind::Float(f) => format!("{f:?}"),
        ExprKind::Sym { text, quoted: true } => format!("{text:?}"),
        ExprKind::Sym {
            text,
            quoted: false,
        } => text.to_string(),
        ExprKind::Var(v) => v.to_string(),
        ExprKind::Field { tuple, field } => format!("{}.{}", tuple.text, field.text),
        ExprKind::Paren(inner) => format!("(paren {})", expr(inner)),
        ExprKind::Prefix { ops, operand } => {
            let ops: Vec<&str> = ops
                .iter()
                .map(|(op, _)| match op {
                    UnOp::Neg => "-",
                    UnOp::Not => "not",
                })
                .collect();
            format!("({} {})", ops.join(" "), expr(operand))
        }
        ExprKind::Chain { first, rest } => {
            let rest: String = rest
                .iter()
                .map(|(op, _, e)| format!(" {} {}", op.as_str(), expr(e)))
                .collect();
            format!("[{}{}]", expr(first), rest)
        }
        ExprKind::CalcCall { name, args } => format!("(calc-call {}{})", name.text, exprs(args)),
        ExprKind::BuiltinCall { name, args } => format!("(call {}{})", name.text, exprs(args)),
        ExprKind::Aggregate(agg) => {
            format!("(aggregate {} {})", agg.name.text, query(&agg.query))
        }
    }
}
