//! Top-level statements other than RULE and CALC (spec §3): REL, FACT, QUERY,
//! LET, RESULT; and the names and variables every statement uses.

use super::args::ArgList;
use super::{PResult, Parser};
use crate::ast::{Expr, ExprKind, Ident, QueryPattern, StmtKind, Var, VarName};
use crate::diagnostic::{Code, Diagnostic};
use crate::lexer::TokenKind;

impl<'src> Parser<'src> {
    /// `REL name`
    pub(super) fn rel_stmt(&mut self) -> PResult<StmtKind<'src>> {
        self.bump();
        Ok(StmtKind::Rel(self.name("a relation name after REL")?))
    }

    /// `FACT rel v1 … vn` (the values end at the line break).
    pub(super) fn fact_stmt(&mut self) -> PResult<StmtKind<'src>> {
        self.bump();
        let rel = self.name("a relation name after FACT")?;
        let args = self.value_args(ArgList::Fact)?;
        Ok(StmtKind::Fact { rel, args })
    }

    /// `QUERY rel a1 … an` (the arguments end at the line break).
    pub(super) fn query_stmt(&mut self) -> PResult<StmtKind<'src>> {
        self.bump();
        Ok(StmtKind::Query(self.query_pattern(ArgList::Query)?))
    }

    /// `rel a1 … an` of a QUERY or FOR-QUERY.
    pub(super) fn query_pattern(&mut self, list: ArgList) -> PResult<QueryPattern<'src>> {
        let rel = self.name("a relation name after QUERY")?;
        let args = self.query_args(list)?;
        Ok(QueryPattern { rel, args })
    }

    /// `LET $v = expr` at top level.
    pub(super) fn let_stmt(&mut self) -> PResult<StmtKind<'src>> {
        let (var, expr) = self.let_parts()?;
        Ok(StmtKind::Let { var, expr })
    }

    /// `RESULT expr` at top level.
    pub(super) fn result_stmt(&mut self) -> PResult<StmtKind<'src>> {
        self.bump();
        Ok(StmtKind::Result(self.expr()?))
    }

    /// `LET $v = expr` (top level, CALC body and rule clause), from the LET keyword.
    pub(super) fn let_parts(&mut self) -> PResult<(Var<'src>, Expr<'src>)> {
        self.bump();
        if !self.at(TokenKind::Var) {
            return Err(self.expected("a `$variable` after LET"));
        }
        let var = self.var()?;
        if self.at(TokenKind::EqEq) {
            return Err(self.expected("`=` (assignment)"));
        }
        self.expect(TokenKind::Eq, format_args!("`=` after LET {}", var.name))?;
        let expr = self.expr()?;
        Ok((var, expr))
    }

    /// A name (relation, CALC, label, tuple variable): one word on the current line.
    pub(super) fn name(&mut self, what: impl std::fmt::Display) -> PResult<Ident<'src>> {
        self.name_on(what, true)
    }

    /// A name, on the current line when `same_line` (inside parentheses a line break
    /// is whitespace).
    pub(super) fn name_on(
        &mut self,
        what: impl std::fmt::Display,
        same_line: bool,
    ) -> PResult<Ident<'src>> {
        if !self.at(TokenKind::Word) || same_line && self.at_line_start() {
            let what = what.to_string();
            return Err(if same_line {
                self.expected(&what)
            } else {
                self.expected_token(&what)
            });
        }
        let span = self.bump();
        Ok(Ident {
            text: self.text_of(span).into(),
            span,
        })
    }

    /// The current token, which must be a `Var`, as a variable (spec §1.5).
    pub(super) fn var(&mut self) -> PResult<Var<'src>> {
        let span = self.bump();
        let body = &self.text_of(span)[1..];
        let name = if body.starts_with(|c: char| c.is_ascii_digit()) {
            match body.parse::<u32>() {
                Ok(n) => VarName::Positional(n),
                Err(_) => {
                    let d = Diagnostic::new(
                        Code::E103,
                        span,
                        format!("positional variable `${body}` is too large"),
                    );
                    return Err(self.report(d));
                }
            }
        } else {
            VarName::Named(body.into())
        };
        Ok(Var { name, span })
    }

    /// A `$variable` as an expression.
    pub(super) fn var_expr(&mut self) -> PResult<Expr<'src>> {
        let var = self.var()?;
        Ok(Expr {
            kind: ExprKind::Var(var.name),
            span: var.span,
        })
    }
}
