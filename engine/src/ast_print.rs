//! The AST pretty-printer: canonical, readable ByteLogic that re-parses to the
//! same tree, spans aside.
//!
//! Keywords are upper-case, one statement per line, CALC bodies indented by two
//! spaces, rules on one line. Strings are quoted with escapes (spec §1.7); Floats
//! print in their shortest form that reads back as the same f64 (always with a `.`
//! or an exponent, so they stay Float literals, spec §1.6). Parentheses, prefix
//! operators and operator chains print exactly as the tree has them: the printer
//! adds and removes nothing, so a tree the parser made prints back to itself.
//!
//! An atom ([`ExprKind::Sym`] with `quoted: false`) prints bare where the parser
//! reads that word back as the same atom, and as a string otherwise (a tree the
//! parser made never needs that; a hand-built one may). A negative Int or Float
//! prints with its `-` directly before the digits, which is one literal in
//! argument lists (spec §1.6); in an expression the parser reads it as a prefix
//! minus, so a tree with a negative literal there does not round-trip.

use crate::ast::{
    CalcDef, CalcStmt, CalcStmtKind, ClauseKind, Expr, ExprKind, Program, QueryArg, QueryPattern,
    Rule, Stmt, StmtKind, UnOp,
};
use std::fmt::Write as _;

/// Words that are keywords wherever an expression stands (spec §1.4), in upper case.
/// `ast_print::tests::reserved_words_are_not_atoms` keeps this list in step with the parser.
const RESERVED: [&str; 27] = [
    "REL", "FACT", "RULE", "SOLVE", "QUERY", "CALC", "LET", "RESULT", "INPUT", "IF", "THEN",
    "ELSE", "END", "FOR", "WHILE", "IN", "BREAK", "CONTINUE", "SCAN", "JOIN", "MATCH", "EMIT",
    "WHERE", "AND", "OR", "NOT", "MOD",
];

/// Where a Symbol stands, which decides whether a bare word reads back as an atom.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// In an expression: keywords are never atoms.
    Expr,
    /// A FACT or QUERY argument: every word is an atom.
    Value,
    /// An EMIT or NOT argument: `END` closes the rule, `CALC name(` is a call.
    Emit,
    /// A FOR-QUERY or aggregate argument: `CALC name(` is a call.
    ForQuery,
}

/// Prints `p` as ByteLogic source, one statement per line, ending with a line break.
pub fn program(p: &Program) -> String {
    let mut out = String::new();
    for stmt in &p.stmts {
        statement(&mut out, stmt);
        out.push('\n');
    }
    out
}

/// Prints one expression as it stands in an expression (not in an argument list).
pub fn expr(e: &Expr) -> String {
    let mut out = String::new();
    write_expr(&mut out, e);
    out
}

fn statement(out: &mut String, stmt: &Stmt) {
    match &stmt.kind {
        StmtKind::Rel(name) => {
            let _ = write!(out, "REL {}", name.text);
        }
        StmtKind::Fact { rel, args } => {
            let _ = write!(out, "FACT {}", rel.text);
            args_list(out, args, Place::Value);
        }
        StmtKind::Rule(rule) => write_rule(out, rule),
        StmtKind::Solve => out.push_str("SOLVE"),
        StmtKind::Query(q) => {
            out.push_str("QUERY ");
            query(out, q, Place::Value);
        }
        StmtKind::Calc(def) => calc(out, def),
        StmtKind::Let { var, expr } => {
            let _ = write!(out, "LET {} = ", var.name);
            write_expr(out, expr);
        }
        StmtKind::Result(e) => {
            out.push_str("RESULT ");
            write_expr(out, e);
        }
    }
}

fn write_rule(out: &mut String, rule: &Rule) {
    let _ = write!(out, "RULE {}:", rule.label.text);
    for (i, clause) in rule.clauses.iter().enumerate() {
        out.push_str(if i == 0 { " " } else { ", " });
        match &clause.kind {
            ClauseKind::Scan { rel, matching } => {
                let _ = write!(out, "SCAN {}", rel.text);
                if let Some(k) = matching {
                    let _ = write!(out, " MATCH {}", k.name);
                }
            }
            ClauseKind::Join { rel, key } => {
                let _ = write!(out, "JOIN {} {}", rel.text, key.name);
            }
            ClauseKind::Let { var, expr } => {
                let _ = write!(out, "LET {} = ", var.name);
                write_expr(out, expr);
            }
            ClauseKind::Where(cond) => {
                out.push_str("WHERE ");
                write_expr(out, cond);
            }
            ClauseKind::Emit { rel, args } => {
                let _ = write!(out, "EMIT {}", rel.text);
                args_list(out, args, Place::Emit);
            }
            ClauseKind::Not(q) => {
                // A NOT argument list ends as an EMIT list does (spec §9.1).
                out.push_str("NOT ");
                query(out, q, Place::Emit);
            }
        }
    }
}

/// `rel a1 … an` with `?` for wildcards.
fn query(out: &mut String, q: &QueryPattern, place: Place) {
    out.push_str(&q.rel.text);
    for (i, arg) in q.args.iter().enumerate() {
        out.push(' ');
        match arg {
            QueryArg::Wildcard(_) => out.push('?'),
            QueryArg::Value(e) => {
                let next = q.args[i + 1..].iter().map(|a| match a {
                    QueryArg::Value(e) => Some(e),
                    QueryArg::Wildcard(_) => None,
                });
                arg_expr(out, e, place, next);
            }
        }
    }
}

/// Space-separated arguments, each preceded by a space.
fn args_list(out: &mut String, args: &[Expr], place: Place) {
    for (i, arg) in args.iter().enumerate() {
        out.push(' ');
        arg_expr(out, arg, place, args[i + 1..].iter().map(Some));
    }
}

/// One argument; `next` are the arguments after it (`None` for a `?`), which decide
/// whether an atom `calc` could be read as the start of a call.
fn arg_expr<'a, 'src: 'a>(
    out: &mut String,
    e: &Expr,
    place: Place,
    mut next: impl Iterator<Item = Option<&'a Expr<'src>>>,
) {
    match &e.kind {
        ExprKind::Sym {
            text,
            quoted: false,
        } => {
            let bare = is_word(text)
                && match place {
                    Place::Expr => !is_reserved(text),
                    Place::Value => true,
                    Place::Emit | Place::ForQuery => {
                        let ends_rule = place == Place::Emit && text.eq_ignore_ascii_case("END");
                        let (a, b) = (next.next().flatten(), next.next().flatten());
                        let starts_call = text.eq_ignore_ascii_case("CALC") && starts_call(a, b);
                        !(ends_rule || starts_call)
                    }
                };
            symbol(out, text, !bare);
        }
        ExprKind::Sym { text, quoted: true } => symbol(out, text, true),
        _ => write_expr(out, e),
    }
}

/// True when `a` then `b` print as a word followed by `(`.
fn starts_call(a: Option<&Expr>, b: Option<&Expr>) -> bool {
    match a.map(|a| &a.kind) {
        Some(ExprKind::BuiltinCall { .. }) => true,
        Some(ExprKind::Sym {
            text,
            quoted: false,
        }) => is_word(text) && matches!(b.map(|b| &b.kind), Some(ExprKind::Paren(_))),
        _ => false,
    }
}

fn write_expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Int(n) => {
            let _ = write!(out, "{n}");
        }
        ExprKind::Float(f) => out.push_str(&float(*f)),
        ExprKind::Sym { .. } => arg_expr(out, e, Place::Expr, std::iter::empty()),
        ExprKind::Var(v) => {
            let _ = write!(out, "{v}");
        }
        ExprKind::Field { tuple, field } => {
            let _ = write!(out, "{}.{}", tuple.text, field.text);
        }
        ExprKind::Paren(inner) => {
            out.push('(');
            write_expr(out, inner);
            out.push(')');
        }
        ExprKind::Prefix { ops, operand } => {
            for (op, _) in ops {
                out.push_str(match op {
                    UnOp::Neg => "-",
                    UnOp::Not => "NOT ",
                });
            }
            write_expr(out, operand);
        }
        ExprKind::Chain { first, rest } => {
            write_expr(out, first);
            for (op, _, operand) in rest {
                let _ = write!(out, " {} ", op.as_str());
                write_expr(out, operand);
            }
        }
        ExprKind::CalcCall { name, args } => {
            let _ = write!(out, "CALC {}", name.text);
            call_args(out, args);
        }
        ExprKind::BuiltinCall { name, args } => {
            out.push_str(&name.text);
            call_args(out, args);
        }
        ExprKind::Aggregate(agg) => {
            let _ = write!(out, "{}(QUERY ", agg.name.text);
            query(out, &agg.query, Place::ForQuery);
            out.push(')');
        }
    }
}

/// `(a, b, …)`, directly after the name.
fn call_args(out: &mut String, args: &[Expr]) {
    out.push('(');
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(out, arg);
    }
    out.push(')');
}

fn calc(out: &mut String, def: &CalcDef) {
    let _ = write!(out, "CALC {}", def.name.text);
    if !def.params.is_empty() {
        out.push_str("\n  INPUT");
        for p in &def.params {
            let _ = write!(out, " {}", p.name);
        }
    }
    block(out, &def.body, 1);
    out.push_str("\nEND");
}

/// Each statement of `body` on its own line, indented `depth` levels.
fn block(out: &mut String, body: &[CalcStmt], depth: usize) {
    for stmt in body {
        out.push('\n');
        indent(out, depth);
        calc_stmt(out, stmt, depth);
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// Closes a block opened at `depth - 1` with END on its own line.
fn end(out: &mut String, depth: usize) {
    out.push('\n');
    indent(out, depth - 1);
    out.push_str("END");
}

fn calc_stmt(out: &mut String, stmt: &CalcStmt, depth: usize) {
    match &stmt.kind {
        CalcStmtKind::Let { var, expr } => {
            let _ = write!(out, "LET {} = ", var.name);
            write_expr(out, expr);
        }
        CalcStmtKind::If {
            cond,
            then_body,
            else_body,
        } => {
            out.push_str("IF ");
            write_expr(out, cond);
            out.push_str(" THEN");
            block(out, then_body, depth + 1);
            if let Some(else_body) = else_body {
                out.push('\n');
                indent(out, depth);
                out.push_str("ELSE");
                block(out, else_body, depth + 1);
            }
            end(out, depth + 1);
        }
        CalcStmtKind::ForRange {
            var,
            start,
            end: stop,
            step,
            body,
        } => {
            let _ = write!(out, "FOR {} IN RANGE(", var.name);
            write_expr(out, start);
            out.push_str(", ");
            write_expr(out, stop);
            if let Some(step) = step {
                out.push_str(", ");
                write_expr(out, step);
            }
            out.push(')');
            block(out, body, depth + 1);
            end(out, depth + 1);
        }
        CalcStmtKind::While { cond, body } => {
            out.push_str("FOR WHILE ");
            write_expr(out, cond);
            block(out, body, depth + 1);
            end(out, depth + 1);
        }
        CalcStmtKind::ForQuery {
            tuple,
            query: q,
            body,
        } => {
            let _ = write!(out, "FOR {} IN (QUERY ", tuple.text);
            query(out, q, Place::ForQuery);
            out.push(')');
            block(out, body, depth + 1);
            end(out, depth + 1);
        }
        CalcStmtKind::Result(e) => {
            out.push_str("RESULT ");
            write_expr(out, e);
        }
        CalcStmtKind::Break => out.push_str("BREAK"),
        CalcStmtKind::Continue => out.push_str("CONTINUE"),
    }
}

/// A Symbol: bare, or (when `quoted`) as a string literal with `\" \\ \n \t` escaped.
fn symbol(out: &mut String, text: &str, quoted: bool) {
    if !quoted {
        out.push_str(text);
        return;
    }
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The shortest text of the grammar `\d+(\.\d+)?([eE][+-]?\d+)?` (after an optional
/// `-`) that reads back as exactly `f`, with a `.` or an exponent so that it is a
/// Float literal. A non-finite `f` (never in a parsed tree) prints as `1e999`, which
/// the parser rejects with E205.
pub fn float(f: f64) -> String {
    if !f.is_finite() {
        return "1e999".to_string();
    }
    // Rust's `Debug` is the shortest round-trip form: `2.0`, `0.1`, `1e16`, `1.5e-7`,
    // each already in the grammar.
    format!("{f:?}")
}

/// True for a word of spec §1.4: `[A-Za-z_][A-Za-z0-9_]*`.
fn is_word(text: &str) -> bool {
    let mut bytes = text.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn is_reserved(word: &str) -> bool {
    RESERVED.iter().any(|k| k.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{Ident, Stmt};
    use crate::parser::parse;
    use crate::span::Span;

    /// Parses `src` (which must parse cleanly) and prints it.
    fn reprint(src: &str) -> String {
        let (ast, diags) = parse(src);
        assert!(diags.iter().all(|d| !d.is_error()), "{src}: {diags:?}");
        program(&ast)
    }

    /// The tree's `Debug` form without spans.
    fn shape(p: &Program) -> String {
        let text = format!("{p:?}");
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(i) = rest.find("Span {") {
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            rest = &rest[rest.find('}').map_or(rest.len(), |j| j + 1)..];
        }
        out + rest
    }

    fn round_trips(src: &str) {
        let printed = reprint(src);
        let (again, diags) = parse(&printed);
        assert!(diags.iter().all(|d| !d.is_error()), "{printed}: {diags:?}");
        assert_eq!(
            shape(&again),
            shape(&parse(src).0),
            "{src}\nprinted as\n{printed}"
        );
        assert_eq!(program(&again), printed, "printing is not a fixpoint");
    }

    #[test]
    fn canonical_form() {
        let src = "rel parent\nfact parent alice \"Bob \\\"B\\\"\" -3 2.50\n\
                   rule gp: scan parent match $0, join parent $0, emit gp $1 $2 end\nsolve\n\
                   query gp alice ?\nlet $x = 1 = 2 or 2 <> 3\nresult -$x mod 2";
        assert_eq!(
            reprint(src),
            "REL parent\nFACT parent alice \"Bob \\\"B\\\"\" -3 2.5\n\
             RULE gp: SCAN parent MATCH $0, JOIN parent $0, EMIT gp $1 $2\nSOLVE\n\
             QUERY gp alice ?\nLET $x = 1 == 2 OR 2 != 3\nRESULT -$x % 2\n"
        );
    }

    #[test]
    fn calc_bodies_are_indented() {
        let src = "CALC f INPUT $n\nIF $n < 1 THEN RESULT 0 ELSE LET $s = 0 END\n\
                   FOR $i IN RANGE(0, $n, 2) IF $i == 3 THEN BREAK END END\n\
                   FOR WHILE $s < 3 LET $s = $s + 1 CONTINUE END\n\
                   FOR t IN (QUERY r ? 5-1 CALC g(t.a) ABS(-2) (1+1)) RESULT t.b END\nEND";
        assert_eq!(
            reprint(src),
            "CALC f\n  INPUT $n\n  IF $n < 1 THEN\n    RESULT 0\n  ELSE\n    LET $s = 0\n  END\n  \
             FOR $i IN RANGE(0, $n, 2)\n    IF $i == 3 THEN\n      BREAK\n    END\n  END\n  \
             FOR WHILE $s < 3\n    LET $s = $s + 1\n    CONTINUE\n  END\n  \
             FOR t IN (QUERY r ? 5 -1 CALC g(t.a) ABS(-2) (1 + 1))\n    RESULT t.b\n  END\nEND\n"
        );
    }

    #[test]
    fn parsed_programs_round_trip() {
        for src in [
            "FACT r end CALC if \"\" \"a\\tb\\nc\\\\\" -9223372036854775808 1e300 -0.5 1e-7",
            "RULE r: SCAN a, LET $x = NOT NOT ($0 < 2) AND - -3 OR x, WHERE abc, \
             EMIT r calc (1) CALC f($x) \"end\", EMIT s $x",
            "QUERY r ? calc x \"?\" 12345678901234567 4.5e15",
            "CALC f FOR t IN (QUERY r end calc ABS(1) ?) RESULT t.a END END\nRESULT f",
            "LET $a = \"x\" + y\nRESULT ((($a)))",
            "CALC e\nEND",
        ] {
            round_trips(src);
        }
    }

    #[test]
    fn floats_read_back_exactly() {
        for f in [
            0.1,
            2.0,
            1e16,
            1.5e-7,
            5e-324,
            f64::MAX,
            123456789.125,
            1e22,
            -2.5,
            0.30000000000000004,
        ] {
            let text = float(f);
            assert!(text.contains(['.', 'e']), "{text} would be an Int");
            let digits = text.strip_prefix('-').unwrap_or(&text);
            let tokens = crate::lexer::tokenize(digits);
            assert_eq!(tokens.len(), 1, "{text} is not one number token");
            assert_eq!(digits.parse::<f64>().map(|g| g * f.signum()), Ok(f));
        }
    }

    #[test]
    fn atoms_that_cannot_stand_bare_are_quoted() {
        let sym = |text: &str| Expr {
            kind: ExprKind::Sym {
                text: text.to_string().into(),
                quoted: false,
            },
            span: Span::default(),
        };
        let emit = |args: Vec<Expr<'static>>| Program {
            stmts: vec![Stmt {
                kind: StmtKind::Fact {
                    rel: Ident {
                        text: "r".into(),
                        span: Span::default(),
                    },
                    args: args.clone(),
                },
                span: Span::default(),
            }],
        };
        assert_eq!(
            program(&emit(vec![sym("end"), sym("a b")])),
            "FACT r end \"a b\"\n"
        );
        assert_eq!(expr(&sym("Then")), "\"Then\"");
        assert_eq!(expr(&sym("then_")), "then_");
    }

    #[test]
    fn reserved_words_are_not_atoms() {
        for word in RESERVED {
            for spelled in [word.to_string(), word.to_ascii_lowercase()] {
                let source = format!("RESULT 1 + {spelled}");
                let (ast, diags) = parse(&source);
                assert!(
                    diags.iter().any(|d| d.is_error()) || ast.stmts.len() != 1,
                    "`{spelled}` is an atom in an expression"
                );
            }
        }
        for word in ["range", "abs", "true", "x", "ENDS"] {
            let (_, diags) = parse(&format!("RESULT 1 + {word}"));
            assert!(diags.is_empty(), "`{word}` should be an atom: {diags:?}");
        }
    }
}
