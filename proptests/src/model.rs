//! The generator's own model of a Datalog program (relations, facts, rules,
//! SOLVE, queries). The naive oracle evaluates this model directly; the engine
//! sees it only as printed source, through [`Datalog::to_ast`].

use crate::build;
use bytelogic_engine::ast::{AggFunc, BinOp, ClauseKind, Program, Rule, StmtKind, VarName};
use bytelogic_engine::{Span, ast, ast_print};
use std::fmt;

/// A value as the oracle computes it: Floats are canonical (spec §2.3).
#[derive(Clone, Debug)]
pub enum Val {
    /// An Int.
    Int(i64),
    /// A finite Float that is not integral within the i64 range.
    Float(f64),
    /// A Symbol (atom or string: the same value).
    Sym(String),
}

impl Val {
    /// The canonical value of a finite f64: an integral one in the i64 range is an Int.
    pub fn number(f: f64) -> Val {
        const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;
        if f.fract() == 0.0 && (-TWO_POW_63..TWO_POW_63).contains(&f) {
            Val::Int(f as i64)
        } else {
            Val::Float(f)
        }
    }

    /// A total order key: kind first, then the value (Floats by bits, which is fine
    /// for equality and for sorting answers before comparing them).
    fn key(&self) -> (u8, i64, u64, &str) {
        match self {
            Val::Int(i) => (0, *i, 0, ""),
            Val::Float(f) => (1, 0, f.to_bits(), ""),
            Val::Sym(s) => (2, 0, 0, s),
        }
    }
}

impl PartialEq for Val {
    fn eq(&self, other: &Val) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Val {}

impl PartialOrd for Val {
    fn partial_cmp(&self, other: &Val) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Val {
    fn cmp(&self, other: &Val) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// What a column holds, so that generated arithmetic and orderings never mix kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Ints only.
    Int,
    /// Symbols only.
    Sym,
    /// Small Ints and Floats.
    Num,
}

/// The `n` lowest-numbered positional variables for which `is_bound` is false: the
/// variables a SCAN or JOIN binds next (spec §4.1).
pub fn fresh(is_bound: impl Fn(&VarName<'static>) -> bool, n: usize) -> Vec<VarName<'static>> {
    (0..)
        .map(VarName::Positional)
        .filter(|v| !is_bound(v))
        .take(n)
        .collect()
}

/// A literal as written in the source.
#[derive(Clone, Debug, PartialEq)]
pub enum Lit {
    /// An Int literal.
    Int(i64),
    /// A Float literal (canonicalized when evaluated).
    Float(f64),
    /// An atom (`quoted` false) or a string.
    Sym {
        /// The text.
        text: String,
        /// Written as a string literal.
        quoted: bool,
    },
}

impl Lit {
    /// The value the literal denotes.
    pub fn value(&self) -> Val {
        match self {
            Lit::Int(n) => Val::Int(*n),
            Lit::Float(f) => Val::number(*f),
            Lit::Sym { text, .. } => Val::Sym(text.clone()),
        }
    }

    /// The literal as an expression; `in_args` for an argument list (spec §1.6).
    pub fn to_ast(&self, in_args: bool) -> ast::Expr<'static> {
        match self {
            Lit::Int(n) => build::int(*n, in_args),
            Lit::Float(f) => build::float(*f, in_args),
            Lit::Sym { text, quoted } => build::sym(text, *quoted),
        }
    }
}

/// A relation and the kinds of its columns (its arity is their number).
#[derive(Clone, Debug)]
pub struct Relation {
    /// The name.
    pub name: String,
    /// One kind per column.
    pub kinds: Vec<Kind>,
}

/// A rule expression (spec §4.3), in the subset the oracle evaluates.
#[derive(Clone, Debug)]
pub enum MExpr {
    /// A bound variable.
    Var(VarName<'static>),
    /// A literal.
    Lit(Lit),
    /// `l op r` for any binary operator except `/`.
    Bin(Box<MExpr>, BinOp, Box<MExpr>),
    /// `NOT e`
    Not(Box<MExpr>),
    /// `ABS(x)`, `MIN(a, b)` or `MAX(a, b)`.
    Call(&'static str, Vec<MExpr>),
    /// An aggregate (spec §9.2).
    Agg(Box<Agg>),
}

/// `COUNT SUM MIN MAX MEAN (QUERY rel a…)` (spec §9.2).
#[derive(Clone, Debug)]
pub struct Agg {
    /// Which aggregate.
    pub func: AggFunc,
    /// Index of the relation.
    pub rel: usize,
    /// Its name (so the expression prints on its own).
    pub name: String,
    /// One argument per column: `None` for `?`, else the group value.
    pub args: Vec<Option<MExpr>>,
}

impl MExpr {
    /// The expression as the parser would shape it.
    pub fn to_ast(&self) -> ast::Expr<'static> {
        match self {
            MExpr::Var(v) => build::var_expr(v),
            MExpr::Lit(l) => l.to_ast(false),
            MExpr::Bin(l, op, r) => build::binary(l.to_ast(), *op, r.to_ast()),
            MExpr::Not(e) => build::not(e.to_ast()),
            MExpr::Call(name, args) => {
                build::builtin(name, args.iter().map(MExpr::to_ast).collect())
            }
            MExpr::Agg(agg) => {
                build::aggregate(agg.func, build::query(&agg.name, optional_args(&agg.args)))
            }
        }
    }

    /// The expression as an EMIT argument: literals and variables bare, calls as they
    /// are, anything else in parentheses.
    pub fn to_arg(&self) -> ast::Expr<'static> {
        match self {
            MExpr::Lit(l) => l.to_ast(true),
            e => build::arg(e.to_ast()),
        }
    }
}

/// A rule clause (spec §4.1).
#[derive(Clone, Debug)]
pub enum Clause {
    /// `SCAN rel [MATCH $k]`
    Scan {
        /// Index of the relation.
        rel: usize,
        /// The MATCH variable.
        matching: Option<VarName<'static>>,
    },
    /// `JOIN rel $k`
    Join {
        /// Index of the relation.
        rel: usize,
        /// The key variable.
        key: VarName<'static>,
    },
    /// `LET $v = e`
    Let(VarName<'static>, MExpr),
    /// `WHERE e`
    Where(MExpr),
    /// `EMIT rel a…`
    Emit {
        /// Index of the relation.
        rel: usize,
        /// One argument per column.
        args: Vec<MExpr>,
    },
    /// `NOT rel a…` (spec §9.1): `None` for `?`.
    Not {
        /// Index of the relation.
        rel: usize,
        /// One argument per column.
        args: Vec<Option<MExpr>>,
    },
}

/// Query arguments as argument-list expressions, `None` staying `?`.
fn optional_args(args: &[Option<MExpr>]) -> Vec<Option<ast::Expr<'static>>> {
    args.iter().map(|a| a.as_ref().map(MExpr::to_arg)).collect()
}

/// A statement of the Datalog part, in program order.
#[derive(Clone, Debug)]
pub enum DStmt {
    /// `FACT rel v…`
    Fact(usize, Vec<Lit>),
    /// `RULE label: clauses`
    Rule(String, Vec<Clause>),
    /// `SOLVE`
    Solve,
    /// `QUERY rel a…` with `None` for `?`.
    Query(usize, Vec<Option<Lit>>),
    /// `RESULT e` (stratified programs: e is an aggregate or holds one).
    Result(MExpr),
}

/// A generated Datalog program.
#[derive(Clone)]
pub struct Datalog {
    /// Every relation (each is declared with REL).
    pub rels: Vec<Relation>,
    /// The statements after the declarations.
    pub stmts: Vec<DStmt>,
}

impl Datalog {
    /// The program as a syntax tree: the RELs, then the statements.
    pub fn to_ast(&self) -> Program<'static> {
        let name = |i: usize| build::ident(&self.rels[i].name);
        let rels = self
            .rels
            .iter()
            .map(|r| StmtKind::Rel(build::ident(&r.name)));
        let stmts = self.stmts.iter().map(|s| match s {
            DStmt::Fact(rel, vals) => StmtKind::Fact {
                rel: name(*rel),
                args: vals.iter().map(|v| v.to_ast(true)).collect(),
            },
            DStmt::Rule(label, clauses) => StmtKind::Rule(Rule {
                label: build::ident(label),
                clauses: clauses.iter().map(|c| self.clause(c)).collect(),
            }),
            DStmt::Solve => StmtKind::Solve,
            DStmt::Query(rel, args) => StmtKind::Query(build::query(
                &self.rels[*rel].name,
                args.iter()
                    .map(|a| a.as_ref().map(|l| l.to_ast(true)))
                    .collect(),
            )),
            DStmt::Result(e) => StmtKind::Result(e.to_ast()),
        });
        Program {
            stmts: rels.chain(stmts).map(build::stmt).collect(),
        }
    }

    fn clause(&self, c: &Clause) -> ast::Clause<'static> {
        let name = |i: usize| build::ident(&self.rels[i].name);
        let kind = match c {
            Clause::Scan { rel, matching } => ClauseKind::Scan {
                rel: name(*rel),
                matching: matching.as_ref().map(build::var),
            },
            Clause::Join { rel, key } => ClauseKind::Join {
                rel: name(*rel),
                key: build::var(key),
            },
            Clause::Let(v, e) => ClauseKind::Let {
                var: build::var(v),
                expr: e.to_ast(),
            },
            Clause::Where(e) => ClauseKind::Where(e.to_ast()),
            Clause::Emit { rel, args } => ClauseKind::Emit {
                rel: name(*rel),
                args: args.iter().map(MExpr::to_arg).collect(),
            },
            Clause::Not { rel, args } => {
                ClauseKind::Not(build::query(&self.rels[*rel].name, optional_args(args)))
            }
        };
        ast::Clause {
            kind,
            span: Span::default(),
        }
    }
}

/// Shows the program as source, so that a failing case reads as a program.
impl fmt::Debug for Datalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\n{}", ast_print::program(&self.to_ast()))
    }
}
