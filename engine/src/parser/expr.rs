//! Expressions (spec §6.3): precedence climbing by level, loosest first
//! `OR`; `AND`; `NOT`; comparisons; `+ -`; `* / % MOD`; unary `-`; primary.
//!
//! A run of operators of one level is read by a loop into a flat
//! [`ExprKind::Chain`], and prefix operators into one [`ExprKind::Prefix`], so
//! only parentheses and calls recurse (each one nesting level, E104).

use super::cursor::Tok;
use super::keyword::Kw;
use super::{PResult, Parser};
use crate::ast::{BinOp, Expr, ExprKind, Ident, UnOp};
use crate::diagnostic::{Code, Diagnostic};
use crate::lexer::TokenKind;
use crate::span::Span;

/// The binary-operator levels, loosest first.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Or,
    And,
    Add,
    Mul,
}

impl<'src> Parser<'src> {
    /// A whole expression.
    pub(super) fn expr(&mut self) -> PResult<Expr<'src>> {
        if self.lone_token_ahead() {
            // Every level would pass the primary through unchanged: read it directly.
            return self.primary();
        }
        self.chain(Level::Or)
    }

    /// True when the expression here is one token with no operator after it: a
    /// number, string, variable or atom (a word that is not a keyword, a call or `t.col`).
    fn lone_token_ahead(&self) -> bool {
        let Some(t) = self.tok() else {
            return false;
        };
        let lone = match t.kind {
            TokenKind::Number | TokenKind::Str { .. } | TokenKind::Var => true,
            TokenKind::Word => {
                t.kw.is_none()
                    && !matches!(
                        self.nth(1).map(|n| n.kind),
                        Some(TokenKind::OpenParen | TokenKind::Dot)
                    )
            }
            _ => false,
        };
        lone && bin_op_of(self.nth(1)).is_none()
    }

    /// `operand (op operand)*` for the operators of `level`, as one flat chain.
    fn chain(&mut self, level: Level) -> PResult<Expr<'src>> {
        let first = self.chain_operand(level)?;
        let mut rest = Vec::new();
        while let Some(op) = self.bin_op().filter(|&op| level_of(op) == Some(level)) {
            let op_span = self.bump();
            rest.push((op, op_span, self.chain_operand(level)?));
        }
        Ok(make_chain(first, rest))
    }

    /// The operand of a chain at `level`: the next tighter level.
    fn chain_operand(&mut self, level: Level) -> PResult<Expr<'src>> {
        match level {
            Level::Or => self.chain(Level::And),
            Level::And => self.not_level(),
            Level::Add => self.chain(Level::Mul),
            Level::Mul => self.unary(),
        }
    }

    /// `NOT* comparison`
    fn not_level(&mut self) -> PResult<Expr<'src>> {
        let mut ops = Vec::new();
        while let Some(span) = self.eat_kw(Kw::Not) {
            ops.push((UnOp::Not, span));
        }
        let operand = self.comparison()?;
        Ok(make_prefix(ops, operand))
    }

    /// `sum [cmp sum]`: comparisons do not chain (spec §6.3).
    fn comparison(&mut self) -> PResult<Expr<'src>> {
        let lhs = self.chain(Level::Add)?;
        let Some(op) = self.bin_op().filter(|op| op.is_comparison()) else {
            return Ok(lhs);
        };
        let op_span = self.bump();
        let rhs = self.chain(Level::Add)?;
        if let Some(second) = self.bin_op().filter(|op| op.is_comparison()) {
            let d = Diagnostic::new(
                Code::E103,
                self.span(),
                format!(
                    "comparisons do not chain: expected the end of the comparison, found `{}`",
                    self.text()
                ),
            )
            .with_hint(format!(
                "combine two comparisons with AND: `a {} b AND b {} c`",
                op.as_str(),
                second.as_str()
            ));
            return Err(self.report(d));
        }
        Ok(make_chain(lhs, vec![(op, op_span, rhs)]))
    }

    /// `-* primary`
    fn unary(&mut self) -> PResult<Expr<'src>> {
        let mut ops = Vec::new();
        while let Some(span) = self.eat(TokenKind::Minus) {
            ops.push((UnOp::Neg, span));
        }
        let operand = self.primary()?;
        Ok(make_prefix(ops, operand))
    }

    /// The binary operator at the current token, if any.
    fn bin_op(&self) -> Option<BinOp> {
        bin_op_of(self.tok())
    }

    /// A primary: number, string, atom, variable, `t.col`, `(expr)`, a call or an
    /// aggregate (spec §9.2).
    fn primary(&mut self) -> PResult<Expr<'src>> {
        match self.kind() {
            Some(TokenKind::Number) => Ok(self.number(None)),
            Some(TokenKind::Str { .. }) => Ok(self.string()),
            Some(TokenKind::Var) => self.var_expr(),
            Some(TokenKind::OpenParen) => self.paren_expr(),
            Some(TokenKind::Word) => self.word_primary(),
            _ => Err(self.expected("an expression")),
        }
    }

    /// A primary that starts with a word.
    fn word_primary(&mut self) -> PResult<Expr<'src>> {
        match self.kw() {
            Some(Kw::Calc) => return self.calc_call(),
            Some(_) if self.at_line_start() => return Err(self.expected("an expression")),
            Some(kw) => {
                let mut d = Diagnostic::new(
                    Code::E103,
                    self.span(),
                    format!("expected an expression, found keyword `{}`", self.text()),
                );
                if !matches!(kw, Kw::And | Kw::Or | Kw::Not | Kw::Mod) {
                    d = d.with_hint(format!(
                        "keywords are never values in an expression: write \"{}\" for the symbol",
                        self.text()
                    ));
                }
                return Err(self.report(d));
            }
            None => {}
        }
        match self.nth(1).map(|t| t.kind) {
            Some(TokenKind::OpenParen) => match self.aggregate_ahead(false) {
                Some(func) => self.aggregate(func),
                None => self.call_after_word(),
            },
            Some(TokenKind::Dot) => self.field(),
            _ => {
                let span = self.bump();
                Ok(Expr {
                    kind: ExprKind::Sym {
                        text: self.text_of(span).into(),
                        quoted: false,
                    },
                    span,
                })
            }
        }
    }

    /// `( expr )`, one nesting level.
    pub(super) fn paren_expr(&mut self) -> PResult<Expr<'src>> {
        let open = self.span();
        self.nested(|p| {
            p.bump();
            let inner = p.expr()?;
            p.expect(TokenKind::CloseParen, "`)` to close the `(`")?;
            Ok(Expr {
                kind: ExprKind::Paren(Box::new(inner)),
                span: p.since(open),
            })
        })
    }

    /// `CALC name(args)`, from the CALC keyword.
    pub(super) fn calc_call(&mut self) -> PResult<Expr<'src>> {
        let start = self.bump();
        let name = self.name("a CALC name after CALC")?;
        let args = self.call_args(&name)?;
        Ok(Expr {
            kind: ExprKind::CalcCall { name, args },
            span: self.since(start),
        })
    }

    /// `name(args)`: any word followed by `(` (the checker reports unknown names, E304).
    pub(super) fn builtin_call(&mut self) -> PResult<Expr<'src>> {
        let span = self.bump();
        let name = Ident {
            text: self.text_of(span).into(),
            span,
        };
        let args = self.call_args(&name)?;
        Ok(Expr {
            kind: ExprKind::BuiltinCall { name, args },
            span: self.since(span),
        })
    }

    /// `( [expr (, expr)*] )` after the name of a call, one nesting level.
    pub(super) fn call_args(&mut self, name: &Ident) -> PResult<Vec<Expr<'src>>> {
        if !self.at(TokenKind::OpenParen) {
            return Err(self.expected(&format!("`(` after `{}`", name.text)));
        }
        self.nested(|p| {
            p.bump();
            let mut args = Vec::new();
            if p.eat(TokenKind::CloseParen).is_some() {
                return Ok(args);
            }
            loop {
                args.push(p.expr()?);
                if p.eat(TokenKind::Comma).is_none() {
                    break;
                }
            }
            p.expect(TokenKind::CloseParen, "`,` or `)` in the arguments")?;
            Ok(args)
        })
    }

    /// `t.col`, from the tuple variable.
    pub(super) fn field(&mut self) -> PResult<Expr<'src>> {
        let span = self.bump();
        let tuple = Ident {
            text: self.text_of(span).into(),
            span,
        };
        self.bump();
        let field = self.name(format_args!("a column name after `{}.`", tuple.text))?;
        let span = span.to(field.span);
        Ok(Expr {
            kind: ExprKind::Field { tuple, field },
            span,
        })
    }
}

/// The binary operator `tok` is, if any.
fn bin_op_of(tok: Option<Tok>) -> Option<BinOp> {
    use TokenKind as K;
    let tok = tok?;
    Some(match tok.kind {
        K::Plus => BinOp::Add,
        K::Minus => BinOp::Sub,
        K::Star => BinOp::Mul,
        K::Slash => BinOp::Div,
        K::Percent => BinOp::Mod,
        K::Eq | K::EqEq => BinOp::Eq,
        K::BangEq | K::LtGt => BinOp::Ne,
        K::Lt => BinOp::Lt,
        K::Le => BinOp::Le,
        K::Gt => BinOp::Gt,
        K::Ge => BinOp::Ge,
        K::Word => match tok.kw? {
            Kw::Or => BinOp::Or,
            Kw::And => BinOp::And,
            Kw::Mod => BinOp::Mod,
            _ => return None,
        },
        _ => return None,
    })
}

/// The chain level of a non-comparison operator.
fn level_of(op: BinOp) -> Option<Level> {
    match op {
        BinOp::Or => Some(Level::Or),
        BinOp::And => Some(Level::And),
        BinOp::Add | BinOp::Sub => Some(Level::Add),
        BinOp::Mul | BinOp::Div | BinOp::Mod => Some(Level::Mul),
        _ => None,
    }
}

/// `first` alone, or a chain of it and `rest`.
fn make_chain<'src>(first: Expr<'src>, rest: Vec<(BinOp, Span, Expr<'src>)>) -> Expr<'src> {
    match rest.last() {
        None => first,
        Some((_, _, last)) => {
            let span = first.span.to(last.span);
            Expr {
                kind: ExprKind::Chain {
                    first: Box::new(first),
                    rest,
                },
                span,
            }
        }
    }
}

/// `operand` alone, or with the prefix operators `ops` (outermost first).
fn make_prefix<'src>(ops: Vec<(UnOp, Span)>, operand: Expr<'src>) -> Expr<'src> {
    match ops.first() {
        None => operand,
        Some(&(_, first)) => {
            let span = first.to(operand.span);
            Expr {
                kind: ExprKind::Prefix {
                    ops,
                    operand: Box::new(operand),
                },
                span,
            }
        }
    }
}
