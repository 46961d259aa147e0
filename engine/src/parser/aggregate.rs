//! Aggregates (spec §9.2) and the calls that are not calls: `COUNT(QUERY rel …)`
//! wherever a built-in call may stand, E103 for `COUNT(`, `SUM(` or `MEAN(` without
//! QUERY, and E103 for `EXISTS(`, which users write for the NOT clause (spec §9.1).

use super::args::ArgList;
use super::keyword::Kw;
use super::{PResult, Parser, Reported};
use crate::ast::{AggFunc, Aggregate, Expr, ExprKind, Ident, QueryArg, QueryPattern};
use crate::diagnostic::{Code, Diagnostic};
use crate::lexer::TokenKind;

/// The hint of every diagnostic that points a user from `EXISTS` or a clause word
/// after NOT to the NOT clause.
pub(super) const NOT_CLAUSE_HINT: &str = "negation is the rule clause `NOT rel a1 … an` \
     (`?` for any value), e.g. `RULE r: SCAN person, NOT parent $0 ?, EMIT r $0`; in an \
     expression test `COUNT(QUERY rel …) == 0`";

impl<'src> Parser<'src> {
    /// The aggregate that starts here: a word naming one, then `(` and the keyword
    /// QUERY. In an argument list (`in_args`) the `(` must stand on the word's line
    /// (a line break ends the list, spec §1.1); a space before it is allowed, since
    /// `QUERY` after it cannot start an expression (`count (1)` stays an atom and
    /// `(1)`, spec §9.2).
    pub(super) fn aggregate_ahead(&self, in_args: bool) -> Option<AggFunc> {
        if !self.at(TokenKind::Word) {
            return None;
        }
        let func = AggFunc::from_name(self.text())?;
        let open = self.nth(1)?;
        if open.kind != TokenKind::OpenParen || in_args && open.line_start {
            return None;
        }
        let query = self.nth(2)?;
        (query.kind == TokenKind::Word
            && Kw::from_word(self.text_of(query.span)) == Some(Kw::Query))
        .then_some(func)
    }

    /// `COUNT(QUERY rel a1 … an)` and the others, from the name (which
    /// [`Parser::aggregate_ahead`] recognised): one nesting level. Line breaks inside
    /// the parentheses are whitespace. SUM, MIN, MAX and MEAN need a `?` (their value
    /// column is the last one, E103 otherwise).
    pub(super) fn aggregate(&mut self, func: AggFunc) -> PResult<Expr<'src>> {
        let start = self.bump();
        let name = Ident {
            text: self.text_of(start).into(),
            span: start,
        };
        let query = self.nested(|p| {
            p.bump();
            p.bump();
            let rel = p.name_on("a relation name after QUERY", false)?;
            let args = p.query_args(ArgList::ForQuery)?;
            p.expect(TokenKind::CloseParen, "`)` after the QUERY arguments")?;
            Ok(QueryPattern { rel, args })
        })?;
        let span = self.since(start);
        let has_value_column = query
            .args
            .iter()
            .any(|a| matches!(a, QueryArg::Wildcard(_)));
        if func.reads_value() && !has_value_column {
            let d = Diagnostic::new(
                Code::E103,
                span,
                format!("{} has no value column: its QUERY has no `?`", func.name()),
            )
            .with_hint(format!(
                "write `?` in the column to aggregate (the last `?` is the value column), \
                 e.g. `{}(QUERY {} ? ?)`",
                func.name(),
                query.rel.text
            ));
            return Err(self.report(d));
        }
        Ok(Expr {
            kind: ExprKind::Aggregate(Box::new(Aggregate { func, name, query })),
            span,
        })
    }

    /// A word directly followed by `(` that is not an aggregate: a built-in call, or
    /// E103 for `COUNT(`, `SUM(` or `MEAN(` without QUERY and for `EXISTS(`.
    pub(super) fn call_after_word(&mut self) -> PResult<Expr<'src>> {
        let word = self.text();
        if word.eq_ignore_ascii_case("EXISTS") {
            return Err(self.exists_call());
        }
        match AggFunc::from_name(word) {
            Some(func) if !func.is_builtin_too() => Err(self.aggregate_without_query(func)),
            _ => self.builtin_call(),
        }
    }

    /// E103 for `EXISTS(` at the word EXISTS.
    pub(super) fn exists_call(&mut self) -> Reported {
        let d = Diagnostic::new(
            Code::E103,
            self.span(),
            format!(
                "`{}(…)` is not a function: ByteLogic has no EXISTS",
                self.text()
            ),
        )
        .with_hint(NOT_CLAUSE_HINT);
        self.report(d)
    }

    /// E103 at the token after `COUNT(`, `SUM(` or `MEAN(` when it is not QUERY.
    fn aggregate_without_query(&mut self, func: AggFunc) -> Reported {
        let name = self.bump();
        let written = self.text_of(name);
        self.bump();
        let r = self.expected_token(&format!("QUERY after `{written}(`"));
        if let Some(d) = self.diags.last_mut() {
            d.hint = Some(format!(
                "{} takes one QUERY: `{}(QUERY rel a1 … an)`, `?` for the columns it ranges over",
                func.name(),
                func.name()
            ));
        }
        r
    }
}
