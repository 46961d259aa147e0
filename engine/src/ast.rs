//! The syntax tree produced by the parser: every node carries its source span.
//!
//! Binary operators of one precedence level form a flat chain (`first` plus
//! `(op, operand)` pairs, applied left to right) and prefix operators are a list,
//! so the depth of the tree is bounded by the source's nesting (spec §3, E104),
//! not by the length of an expression.
//!
//! Names, variables and Symbols borrow their text from the source (`'src`), so a
//! parsed program allocates for its nodes' lists, not for each word; a tree built
//! by other means (tests, generators) or a string literal with escapes owns its text.

use crate::span::Span;
use std::borrow::Cow;

/// A word used as a name (relation, CALC, rule label, tuple variable).
#[derive(Clone, Debug, PartialEq)]
pub struct Ident<'src> {
    /// The name as written (names are case-sensitive, spec §1.4).
    pub text: Cow<'src, str>,
    /// Where it is written.
    pub span: Span,
}

/// A `$variable`: positional (`$0`, `$01` is `$1`) or named (`$count`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum VarName<'src> {
    /// `$` followed by digits.
    Positional(u32),
    /// `$` followed by a word.
    Named(Cow<'src, str>),
}

impl VarName<'_> {
    /// The variable as [`Display`](std::fmt::Display) writes it (`$0`, `$count`),
    /// built without the formatting machinery (lowering names every slot).
    pub fn written(&self) -> String {
        match self {
            VarName::Positional(n) => format!("${n}"),
            VarName::Named(s) => {
                let mut text = String::with_capacity(1 + s.len());
                text.push('$');
                text.push_str(s);
                text
            }
        }
    }
}

impl std::fmt::Display for VarName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VarName::Positional(n) => write!(f, "${n}"),
            VarName::Named(s) => write!(f, "${s}"),
        }
    }
}

/// A variable occurrence.
#[derive(Clone, Debug, PartialEq)]
pub struct Var<'src> {
    /// Which variable.
    pub name: VarName<'src>,
    /// Where it is written (including the `$`).
    pub span: Span,
}

/// A whole program: statements in source order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Program<'src> {
    /// Top-level statements (spec §3).
    pub stmts: Vec<Stmt<'src>>,
}

/// A top-level statement (spec §3).
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt<'src> {
    /// What the statement is.
    pub kind: StmtKind<'src>,
    /// From the keyword to the end of the statement.
    pub span: Span,
}

/// The kinds of top-level statement.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind<'src> {
    /// `REL name`
    Rel(Ident<'src>),
    /// `FACT rel v1 … vn`: each argument is a literal or a variable (parser-checked).
    Fact {
        /// The relation.
        rel: Ident<'src>,
        /// The values.
        args: Vec<Expr<'src>>,
    },
    /// `RULE label: clauses`
    Rule(Rule<'src>),
    /// `SOLVE`
    Solve,
    /// `QUERY rel a1 … an`
    Query(QueryPattern<'src>),
    /// `CALC name … END`
    Calc(CalcDef<'src>),
    /// `LET $v = expr` at top level: binds a global.
    Let {
        /// The global being bound.
        var: Var<'src>,
        /// Its value.
        expr: Expr<'src>,
    },
    /// `RESULT expr` at top level: an output.
    Result(Expr<'src>),
}

/// `rel a1 … an` as used by QUERY and FOR-QUERY.
#[derive(Clone, Debug, PartialEq)]
pub struct QueryPattern<'src> {
    /// The relation queried.
    pub rel: Ident<'src>,
    /// One argument per column.
    pub args: Vec<QueryArg<'src>>,
}

/// A QUERY argument.
#[derive(Clone, Debug, PartialEq)]
pub enum QueryArg<'src> {
    /// `?`: project this column.
    Wildcard(Span),
    /// A value the column must equal.
    Value(Expr<'src>),
}

/// `RULE label: clause, …`
#[derive(Clone, Debug, PartialEq)]
pub struct Rule<'src> {
    /// The label (by convention the target relation).
    pub label: Ident<'src>,
    /// Body clauses in order; the parser guarantees at least one EMIT and only EMITs after it.
    pub clauses: Vec<Clause<'src>>,
}

/// One rule clause (spec §4.1).
#[derive(Clone, Debug, PartialEq)]
pub struct Clause<'src> {
    /// What the clause does.
    pub kind: ClauseKind<'src>,
    /// The whole clause.
    pub span: Span,
}

/// The kinds of rule clause (spec §4.1).
#[derive(Clone, Debug, PartialEq)]
pub enum ClauseKind<'src> {
    /// `SCAN rel` or `SCAN rel MATCH $k`.
    Scan {
        /// The relation scanned.
        rel: Ident<'src>,
        /// The MATCH variable, if any.
        matching: Option<Var<'src>>,
    },
    /// `JOIN rel $k`
    Join {
        /// The relation joined.
        rel: Ident<'src>,
        /// The key variable (must be bound).
        key: Var<'src>,
    },
    /// `LET $v = expr`
    Let {
        /// The variable bound.
        var: Var<'src>,
        /// Its value.
        expr: Expr<'src>,
    },
    /// `WHERE cond`
    Where(Expr<'src>),
    /// `EMIT rel a1 … an`
    Emit {
        /// The relation written.
        rel: Ident<'src>,
        /// The values.
        args: Vec<Expr<'src>>,
    },
    /// `NOT rel a1 … an` (spec §9.1): the binding goes on only when no tuple of `rel`
    /// equals every non-`?` argument.
    Not(QueryPattern<'src>),
}

/// `CALC name INPUT … statements END`
#[derive(Clone, Debug, PartialEq)]
pub struct CalcDef<'src> {
    /// The function name.
    pub name: Ident<'src>,
    /// INPUT parameters, in order.
    pub params: Vec<Var<'src>>,
    /// The body.
    pub body: Vec<CalcStmt<'src>>,
}

/// A CALC statement (spec §6.2).
#[derive(Clone, Debug, PartialEq)]
pub struct CalcStmt<'src> {
    /// What the statement does.
    pub kind: CalcStmtKind<'src>,
    /// The whole statement.
    pub span: Span,
}

/// The kinds of CALC statement (spec §6.2).
#[derive(Clone, Debug, PartialEq)]
pub enum CalcStmtKind<'src> {
    /// `LET $v = expr`
    Let {
        /// The local assigned.
        var: Var<'src>,
        /// Its new value.
        expr: Expr<'src>,
    },
    /// `IF cond THEN … [ELSE …] END`
    If {
        /// The condition.
        cond: Expr<'src>,
        /// Statements run when it holds.
        then_body: Vec<CalcStmt<'src>>,
        /// Statements run otherwise (`None` without ELSE).
        else_body: Option<Vec<CalcStmt<'src>>>,
    },
    /// `FOR $i IN RANGE(a, b[, step]) … END`
    ForRange {
        /// The loop variable.
        var: Var<'src>,
        /// First value (inclusive).
        start: Expr<'src>,
        /// Bound (exclusive).
        end: Expr<'src>,
        /// Step (default 1).
        step: Option<Expr<'src>>,
        /// Loop body.
        body: Vec<CalcStmt<'src>>,
    },
    /// `FOR WHILE cond … END`
    While {
        /// Checked before each iteration.
        cond: Expr<'src>,
        /// Loop body.
        body: Vec<CalcStmt<'src>>,
    },
    /// `FOR t IN (QUERY rel a1 … an) … END`
    ForQuery {
        /// The tuple variable (`t.a` is column 1).
        tuple: Ident<'src>,
        /// Which tuples.
        query: QueryPattern<'src>,
        /// Loop body.
        body: Vec<CalcStmt<'src>>,
    },
    /// `RESULT expr`: return from the call.
    Result(Expr<'src>),
    /// `BREAK`
    Break,
    /// `CONTINUE`
    Continue,
}

/// An expression (spec §6.3).
#[derive(Clone, Debug, PartialEq)]
pub struct Expr<'src> {
    /// What the expression is.
    pub kind: ExprKind<'src>,
    /// The whole expression (for a parenthesized one, including the parentheses).
    pub span: Span,
}

/// The kinds of expression.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind<'src> {
    /// An Int literal (range-checked by the parser, E202).
    Int(i64),
    /// A Float literal as written (finite; the parser reports E205 on overflow).
    /// Canonicalization (spec §2.3) happens in lowering.
    Float(f64),
    /// An atom (`bob`) or a string literal (`"bob"`, escapes already decoded): both Symbols.
    Sym {
        /// The text of the Symbol.
        text: Cow<'src, str>,
        /// True when written as a string literal.
        quoted: bool,
    },
    /// A variable.
    Var(VarName<'src>),
    /// `t.col` in a FOR-QUERY body.
    Field {
        /// The tuple variable.
        tuple: Ident<'src>,
        /// The column name (`a` is column 1).
        field: Ident<'src>,
    },
    /// `(expr)`: kept so that printing round-trips.
    Paren(Box<Expr<'src>>),
    /// Prefix operators applied right to left (`- NOT x` is `-(NOT x)`), then the operand.
    Prefix {
        /// The operators, outermost first.
        ops: Vec<(UnOp, Span)>,
        /// The operand.
        operand: Box<Expr<'src>>,
    },
    /// A left-associative chain of operators of one precedence level:
    /// `first op1 e1 op2 e2 …` is `((first op1 e1) op2 e2) …`.
    /// Comparisons never chain (a chain of comparisons has exactly one element in `rest`).
    Chain {
        /// The leftmost operand.
        first: Box<Expr<'src>>,
        /// Each operator (with its span) and right operand.
        rest: Vec<(BinOp, Span, Expr<'src>)>,
    },
    /// `CALC name(args)`
    CalcCall {
        /// The CALC called.
        name: Ident<'src>,
        /// Arguments.
        args: Vec<Expr<'src>>,
    },
    /// A built-in call such as `ABS(x)`; the name as written (matched case-insensitively).
    BuiltinCall {
        /// The built-in's name as written.
        name: Ident<'src>,
        /// Arguments.
        args: Vec<Expr<'src>>,
    },
    /// `COUNT(QUERY rel a1 … an)` and the other aggregates (spec §9.2).
    Aggregate(Box<Aggregate<'src>>),
}

/// An aggregate (spec §9.2): `COUNT(QUERY rel a1 … an)`, `SUM(…)`, …
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregate<'src> {
    /// Which aggregate.
    pub func: AggFunc,
    /// The name as written (`count`, `Mean`, …).
    pub name: Ident<'src>,
    /// The tuples it ranges over: the non-`?` arguments are the group.
    pub query: QueryPattern<'src>,
}

/// The aggregates of spec §9.2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum AggFunc {
    Count,
    Sum,
    Min,
    Max,
    Mean,
}

impl AggFunc {
    /// Every aggregate.
    pub const ALL: [AggFunc; 5] = [
        AggFunc::Count,
        AggFunc::Sum,
        AggFunc::Min,
        AggFunc::Max,
        AggFunc::Mean,
    ];

    /// The canonical (upper-case) name.
    pub fn name(self) -> &'static str {
        match self {
            AggFunc::Count => "COUNT",
            AggFunc::Sum => "SUM",
            AggFunc::Min => "MIN",
            AggFunc::Max => "MAX",
            AggFunc::Mean => "MEAN",
        }
    }

    /// The aggregate named `word`, in any case.
    pub fn from_name(word: &str) -> Option<AggFunc> {
        AggFunc::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(word))
    }

    /// True for the aggregates that read a value column (all but COUNT).
    pub fn reads_value(self) -> bool {
        self != AggFunc::Count
    }

    /// True for MIN and MAX, which are also two-argument built-ins (spec §6.3).
    pub fn is_builtin_too(self) -> bool {
        matches!(self, AggFunc::Min | AggFunc::Max)
    }
}

/// Prefix operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `NOT x`
    Not,
}

/// Binary operators (spec §6.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
}

impl BinOp {
    /// The operator as it is printed (`=` and `==` print as `==`, `<>` and `!=` as `!=`, MOD as `%`).
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Or => "OR",
            BinOp::And => "AND",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Mod => "%",
        }
    }

    /// True for the six comparisons.
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        )
    }
}

#[cfg(test)]
mod tests {
    use super::VarName;

    #[test]
    fn a_variable_is_written_as_displayed() {
        for v in [
            VarName::Positional(0),
            VarName::Positional(417),
            VarName::Named("count".into()),
        ] {
            assert_eq!(v.written(), v.to_string());
        }
    }
}
