//! Argument lists of FACT, QUERY, EMIT, NOT, FOR-QUERY and aggregate QUERY (spec §1.6,
//! §3, §4.1, §6.2, §9).
//!
//! Arguments are separated by spaces. A line break ends the list of a FACT, QUERY,
//! EMIT or NOT (spec §1.1); EMIT and NOT also end at `,` (the next clause) and at END;
//! a FOR-QUERY or aggregate list ends at its `)`. A `-` written directly before a
//! number is part of it.

use super::keyword::Kw;
use super::{PResult, Parser};
use crate::ast::{Expr, ExprKind, QueryArg};
use crate::diagnostic::{Code, Diagnostic};
use crate::lexer::TokenKind;

/// Which argument list is being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ArgList {
    /// `FACT rel v…`: numbers, atoms, strings, `$variables`.
    Fact,
    /// `QUERY rel a…`: as FACT, plus `?`.
    Query,
    /// `EMIT rel a…`: as FACT, plus calls and `(expr)`.
    Emit,
    /// `FOR t IN (QUERY rel a…)` and `COUNT(QUERY rel a…)`: as QUERY, plus `t.col`,
    /// calls and `(expr)`.
    ForQuery,
    /// `NOT rel a…` in a rule (spec §9.1): as EMIT, plus `?`.
    Not,
}

impl ArgList {
    /// What an argument of this list is, for "expected …".
    fn expected(self) -> &'static str {
        match self {
            ArgList::Fact => "a value (number, atom, string or `$variable`)",
            ArgList::Query => "a QUERY argument (`?`, number, atom, string or `$variable`)",
            ArgList::Emit => "an EMIT argument (variable, number, atom, string, call or `(expr)`)",
            ArgList::ForQuery => "a QUERY argument or `)`",
            ArgList::Not => {
                "a NOT argument (`?`, variable, number, atom, string, call or `(expr)`)"
            }
        }
    }

    /// The statement, for "at least one …".
    fn owner(self) -> &'static str {
        match self {
            ArgList::Fact => "FACT",
            ArgList::Query | ArgList::ForQuery => "QUERY",
            ArgList::Emit => "EMIT",
            ArgList::Not => "NOT",
        }
    }

    /// True when calls, `(expr)` and (FOR-QUERY) `t.col` are allowed.
    fn allows_expressions(self) -> bool {
        matches!(self, ArgList::Emit | ArgList::ForQuery | ArgList::Not)
    }
}

impl<'src> Parser<'src> {
    /// The values of a FACT or EMIT: at least one.
    pub(super) fn value_args(&mut self, list: ArgList) -> PResult<Vec<Expr<'src>>> {
        let mut args = Vec::new();
        while !self.at_args_end(list) {
            args.push(self.arg(list)?);
        }
        if args.is_empty() {
            return Err(self.expected(&format!("at least one argument after {}", list.owner())));
        }
        Ok(args)
    }

    /// The arguments of a QUERY or FOR-QUERY: at least one.
    pub(super) fn query_args(&mut self, list: ArgList) -> PResult<Vec<QueryArg<'src>>> {
        let mut args = Vec::new();
        while !self.at_args_end(list) {
            let arg = match self.eat(TokenKind::Question) {
                Some(span) => QueryArg::Wildcard(span),
                None => QueryArg::Value(self.arg(list)?),
            };
            args.push(arg);
        }
        if args.is_empty() {
            return Err(self.expected(&format!("at least one argument after {}", list.owner())));
        }
        Ok(args)
    }

    /// True where the argument list `list` ends.
    fn at_args_end(&self, list: ArgList) -> bool {
        if self.at_eof() {
            return true;
        }
        match list {
            ArgList::Fact | ArgList::Query => self.at_line_start(),
            // spec §1.4: END in an EMIT argument list closes the rule; a NOT list ends
            // as an EMIT list does (spec §9.1).
            ArgList::Emit | ArgList::Not => {
                self.at_line_start() || self.at(TokenKind::Comma) || self.at_kw(Kw::End)
            }
            ArgList::ForQuery => self.at(TokenKind::CloseParen),
        }
    }

    /// One argument.
    fn arg(&mut self, list: ArgList) -> PResult<Expr<'src>> {
        match self.kind() {
            Some(TokenKind::Number) => Ok(self.number(None)),
            Some(TokenKind::Minus) if self.number_follows_directly() => {
                let minus = self.bump();
                Ok(self.number(Some(minus)))
            }
            Some(TokenKind::Str { .. }) => Ok(self.string()),
            Some(TokenKind::Var) => self.var_expr(),
            Some(TokenKind::Word) => self.word_arg(list),
            Some(TokenKind::OpenParen) if list.allows_expressions() => self.paren_expr(),
            _ => Err(self.expected(list.expected())),
        }
    }

    /// A word argument: an atom, or (where allowed) a call or `t.col`.
    fn word_arg(&mut self, list: ArgList) -> PResult<Expr<'src>> {
        let calc_call = self.at_kw(Kw::Calc)
            && self
                .nth(1)
                .is_some_and(|t| t.kind == TokenKind::Word && !t.line_start)
            && self.nth(2).is_some_and(|t| t.kind == TokenKind::OpenParen);
        let call = self.paren_follows_directly();
        let field = self.nth(1).is_some_and(|t| t.kind == TokenKind::Dot);
        // spec §9.2: `count (QUERY …)` is an aggregate, `count (1)` an atom and `(1)`.
        let aggregate = self.aggregate_ahead(true);
        if list.allows_expressions() {
            if calc_call {
                return self.calc_call();
            }
            if let Some(func) = aggregate {
                return self.aggregate(func);
            }
            if call {
                return self.call_after_word();
            }
            if field && list == ArgList::ForQuery {
                return self.field();
            }
        } else if call || calc_call || aggregate.is_some() {
            let (found, span) = self.found();
            let d = Diagnostic::new(
                Code::E103,
                span,
                format!("expected {}, found a call of {found}", list.expected()),
            )
            .with_hint(format!(
                "{} arguments are values: compute it first with `LET $v = …` and write `$v`",
                list.owner()
            ));
            return Err(self.report(d));
        }
        let span = self.bump();
        Ok(Expr {
            kind: ExprKind::Sym {
                text: self.text_of(span).into(),
                quoted: false,
            },
            span,
        })
    }

    /// True when the current `-` is written directly before a number.
    fn number_follows_directly(&self) -> bool {
        match (self.tok(), self.nth(1)) {
            (Some(minus), Some(next)) => {
                next.kind == TokenKind::Number && next.span.start == minus.span.end
            }
            _ => false,
        }
    }
}
