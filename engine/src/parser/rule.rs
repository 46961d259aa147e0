//! `RULE label: clause, clause, … [END]` (spec §4.1, and the NOT clause of §9.1).

use super::aggregate::NOT_CLAUSE_HINT;
use super::args::ArgList;
use super::keyword::{Kw, did_you_mean, list};
use super::{PResult, Parser, Reported};
use crate::ast::{Clause, ClauseKind, QueryPattern, Rule, StmtKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::lexer::TokenKind;

impl<'src> Parser<'src> {
    /// `RULE label: clauses [END]`: at least one EMIT, and only EMITs after the first.
    pub(super) fn rule_stmt(&mut self) -> PResult<StmtKind<'src>> {
        self.bump();
        let label = self.name("a rule label after RULE")?;
        self.expect(
            TokenKind::Colon,
            format_args!("`:` after `RULE {}`", label.text),
        )?;
        let mut clauses = Vec::new();
        let mut seen_emit = false;
        loop {
            let clause = self.clause(seen_emit)?;
            seen_emit |= matches!(clause.kind, ClauseKind::Emit { .. });
            clauses.push(clause);
            if self.eat(TokenKind::Comma).is_none() {
                break;
            }
        }
        if !seen_emit {
            let (found, span) = self.found();
            let d = Diagnostic::new(
                Code::E103,
                span,
                format!(
                    "rule `{}` has no EMIT: expected `, EMIT rel …`, found {found}",
                    label.text
                ),
            )
            .with_hint("a rule needs at least one EMIT clause, e.g. `EMIT target $0 $1`");
            return Err(self.report(d));
        }
        self.eat_kw(Kw::End);
        Ok(StmtKind::Rule(Rule { label, clauses }))
    }

    /// One clause; after an EMIT (`seen_emit`) only EMIT is allowed.
    fn clause(&mut self, seen_emit: bool) -> PResult<Clause<'src>> {
        let start = self.span();
        let kw = self.kw().filter(|kw| kw.is_clause());
        if seen_emit && kw.is_some_and(|kw| kw != Kw::Emit) {
            let (found, span) = self.found();
            let d = Diagnostic::new(
                Code::E103,
                span,
                format!("expected EMIT, found {found}: only EMIT clauses may follow an EMIT"),
            )
            .with_hint("move this clause before the first EMIT");
            return Err(self.report(d));
        }
        let kind = match kw {
            Some(Kw::Scan) => {
                self.bump();
                let rel = self.name("a relation name after SCAN")?;
                let matching = match self.eat_kw(Kw::Match) {
                    Some(_) => Some(self.clause_var("a `$variable` after MATCH")?),
                    None => None,
                };
                ClauseKind::Scan { rel, matching }
            }
            Some(Kw::Join) => {
                self.bump();
                let rel = self.name("a relation name after JOIN")?;
                let key =
                    self.clause_var(format_args!("a key `$variable` after `JOIN {}`", rel.text))?;
                ClauseKind::Join { rel, key }
            }
            Some(Kw::Let) => {
                let (var, expr) = self.let_parts()?;
                ClauseKind::Let { var, expr }
            }
            Some(Kw::Where) => {
                self.bump();
                ClauseKind::Where(self.expr()?)
            }
            Some(Kw::Emit) => {
                self.bump();
                let rel = self.name("a relation name after EMIT")?;
                let args = self.value_args(ArgList::Emit)?;
                ClauseKind::Emit { rel, args }
            }
            Some(Kw::Not) => ClauseKind::Not(self.not_clause()?),
            _ => return Err(self.bad_clause(seen_emit)),
        };
        Ok(Clause {
            kind,
            span: self.since(start),
        })
    }

    /// `NOT rel a1 … an` from the NOT keyword (spec §9.1). A clause word after NOT
    /// (SCAN, JOIN, LET, WHERE, NOT or EMIT) and `EXISTS(` are E103 with a hint
    /// naming the NOT clause.
    fn not_clause(&mut self) -> PResult<QueryPattern<'src>> {
        self.bump();
        let clause_word = self
            .kw()
            .is_some_and(|kw| kw.is_clause() && !self.at_line_start());
        if clause_word {
            let d = Diagnostic::new(
                Code::E103,
                self.span(),
                format!(
                    "expected a relation name after NOT, found the clause word `{}`: NOT does not negate another clause",
                    self.text()
                ),
            )
            .with_hint(NOT_CLAUSE_HINT);
            return Err(self.report(d));
        }
        if self.text().eq_ignore_ascii_case("EXISTS")
            && self.paren_follows_directly()
            && !self.at_line_start()
        {
            return Err(self.exists_call());
        }
        let rel = self.name("a relation name after NOT")?;
        let args = self.query_args(ArgList::Not)?;
        Ok(QueryPattern { rel, args })
    }

    /// A `$variable` in a clause (`what` is formatted only for the error).
    fn clause_var(&mut self, what: impl std::fmt::Display) -> PResult<crate::ast::Var<'src>> {
        if !self.at(TokenKind::Var) {
            return Err(self.expected(&what.to_string()));
        }
        self.var()
    }

    /// E103 where a clause should start, with a did-you-mean for a misspelled clause word.
    fn bad_clause(&mut self, seen_emit: bool) -> Reported {
        let expected = if seen_emit {
            "EMIT".to_string()
        } else {
            format!("a clause ({})", list(&Kw::CLAUSE))
        };
        let suggestion = match self.kind() {
            Some(TokenKind::Word) if !self.at_line_start() => {
                did_you_mean(self.text(), &Kw::CLAUSE)
            }
            _ => None,
        };
        let r = self.expected(&expected);
        if let (Some(kw), Some(d)) = (suggestion, self.diags.last_mut()) {
            d.label = Some(format!("did you mean `{}`?", kw.as_str()));
        }
        r
    }
}
