//! Building syntax trees the way the parser shapes them, so that a generated tree
//! prints and re-parses to itself: operators of one level form one flat chain,
//! prefix operators one list, and an operand that binds more loosely than its
//! place allows is wrapped in parentheses. Every span is empty.

use bytelogic_engine::Span;
use bytelogic_engine::ast::{
    AggFunc, Aggregate, BinOp, CalcStmt, CalcStmtKind, Expr, ExprKind, Ident, QueryArg,
    QueryPattern, Stmt, StmtKind, UnOp, Var, VarName,
};

/// How tightly an expression binds, loosest first (spec §6.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Or,
    And,
    Not,
    Compare,
    Add,
    Mul,
    Neg,
    Primary,
}

fn level(e: &Expr<'static>) -> Level {
    match &e.kind {
        ExprKind::Chain { rest, .. } => op_level(rest[0].0),
        ExprKind::Prefix { ops, .. } if ops[0].0 == UnOp::Not => Level::Not,
        ExprKind::Prefix { .. } => Level::Neg,
        _ => Level::Primary,
    }
}

fn op_level(op: BinOp) -> Level {
    match op {
        BinOp::Or => Level::Or,
        BinOp::And => Level::And,
        BinOp::Add | BinOp::Sub => Level::Add,
        BinOp::Mul | BinOp::Div | BinOp::Mod => Level::Mul,
        _ => Level::Compare,
    }
}

fn expr(kind: ExprKind<'static>) -> Expr<'static> {
    Expr {
        kind,
        span: Span::default(),
    }
}

/// A name.
pub fn ident(text: &str) -> Ident<'static> {
    Ident {
        text: text.to_string().into(),
        span: Span::default(),
    }
}

/// A variable occurrence.
pub fn var(name: &VarName<'static>) -> Var<'static> {
    Var {
        name: name.clone(),
        span: Span::default(),
    }
}

/// A variable as an expression.
pub fn var_expr(name: &VarName<'static>) -> Expr<'static> {
    expr(ExprKind::Var(name.clone()))
}

/// An Int literal; in an expression (`in_args` false) a negative one is a prefix minus.
pub fn int(n: i64, in_args: bool) -> Expr<'static> {
    match n.checked_neg() {
        Some(pos) if n < 0 && !in_args => neg(expr(ExprKind::Int(pos))),
        _ => expr(ExprKind::Int(n)),
    }
}

/// A Float literal; in an expression a negative one is a prefix minus.
pub fn float(f: f64, in_args: bool) -> Expr<'static> {
    if f.is_sign_negative() && !in_args {
        neg(expr(ExprKind::Float(-f)))
    } else {
        expr(ExprKind::Float(f))
    }
}

/// An atom (`quoted` false) or a string literal.
pub fn sym(text: &str, quoted: bool) -> Expr<'static> {
    expr(ExprKind::Sym {
        text: text.to_string().into(),
        quoted,
    })
}

/// `(e)`
pub fn paren(e: Expr<'static>) -> Expr<'static> {
    expr(ExprKind::Paren(Box::new(e)))
}

/// `l op r`, extending `l` when it is a chain of the same level.
pub fn binary(l: Expr<'static>, op: BinOp, r: Expr<'static>) -> Expr<'static> {
    let at = op_level(op);
    let r = operand(r, at);
    match l.kind {
        ExprKind::Chain { first, mut rest } if at != Level::Compare && level_of(&rest) == at => {
            rest.push((op, Span::default(), r));
            expr(ExprKind::Chain { first, rest })
        }
        kind => {
            let l = operand(expr(kind), at);
            expr(ExprKind::Chain {
                first: Box::new(l),
                rest: vec![(op, Span::default(), r)],
            })
        }
    }
}

fn level_of(rest: &[(BinOp, Span, Expr<'static>)]) -> Level {
    op_level(rest[0].0)
}

/// `e` as the operand of an operator of level `at`: parenthesized unless it binds tighter.
fn operand(e: Expr<'static>, at: Level) -> Expr<'static> {
    if level(&e) > at { e } else { paren(e) }
}

/// `NOT e`
pub fn not(e: Expr<'static>) -> Expr<'static> {
    prefix(UnOp::Not, e, Level::Not)
}

/// `-e`
pub fn neg(e: Expr<'static>) -> Expr<'static> {
    prefix(UnOp::Neg, e, Level::Neg)
}

/// A prefix operator: joins a prefix list of the same operator, else wraps its operand.
fn prefix(op: UnOp, e: Expr<'static>, at: Level) -> Expr<'static> {
    let (mut ops, operand) = match e.kind {
        ExprKind::Prefix { ops, operand } if ops[0].0 == op => (ops, operand),
        kind => (Vec::new(), Box::new(self::operand(expr(kind), at))),
    };
    ops.insert(0, (op, Span::default()));
    expr(ExprKind::Prefix { ops, operand })
}

/// A built-in call `NAME(args)`.
pub fn builtin(name: &str, args: Vec<Expr<'static>>) -> Expr<'static> {
    expr(ExprKind::BuiltinCall {
        name: ident(name),
        args,
    })
}

/// `FUNC(QUERY rel a…)` (spec §9.2), the name in upper case.
pub fn aggregate(func: AggFunc, query: QueryPattern<'static>) -> Expr<'static> {
    expr(ExprKind::Aggregate(Box::new(Aggregate {
        func,
        name: ident(func.name()),
        query,
    })))
}

/// `CALC name(args)`
pub fn calc_call(name: &str, args: Vec<Expr<'static>>) -> Expr<'static> {
    expr(ExprKind::CalcCall {
        name: ident(name),
        args,
    })
}

/// `t.col`
pub fn field(tuple: &str, column: &str) -> Expr<'static> {
    expr(ExprKind::Field {
        tuple: ident(tuple),
        field: ident(column),
    })
}

/// `e` where an argument list wants a value: literals, variables, calls and fields
/// stand as they are; anything else goes in parentheses. (A negative literal must be
/// made with `in_args` for the list, see [`int`].)
pub fn arg(e: Expr<'static>) -> Expr<'static> {
    match e.kind {
        ExprKind::Chain { .. } | ExprKind::Prefix { .. } => paren(e),
        _ => e,
    }
}

/// `rel a1 … an` with `None` for `?`.
pub fn query(rel: &str, args: Vec<Option<Expr<'static>>>) -> QueryPattern<'static> {
    QueryPattern {
        rel: ident(rel),
        args: args
            .into_iter()
            .map(|a| a.map_or(QueryArg::Wildcard(Span::default()), QueryArg::Value))
            .collect(),
    }
}

/// A statement.
pub fn stmt(kind: StmtKind<'static>) -> Stmt<'static> {
    Stmt {
        kind,
        span: Span::default(),
    }
}

/// A CALC statement.
pub fn calc_stmt(kind: CalcStmtKind<'static>) -> CalcStmt<'static> {
    CalcStmt {
        kind,
        span: Span::default(),
    }
}
