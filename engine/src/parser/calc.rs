//! `CALC name [INPUT $a …] statements END` and its statements (spec §6.1, §6.2).
//!
//! Blocks (the CALC body, IF, ELSE, FOR) are read by one loop, [`Parser::block`],
//! which stops at END, ELSE (in an IF) or the end of input. A top-level-only
//! statement (FACT, QUERY, …) in a body is E102; when no END further on closes the
//! CALC, its END is missing, so every open block closes and the statement is parsed
//! at top level instead of being swallowed.

use super::args::ArgList;
use super::keyword::Kw;
use super::{PResult, Parser, Reported};
use crate::ast::{CalcDef, CalcStmt, CalcStmtKind, Expr, Ident, QueryPattern, StmtKind, Var};
use crate::diagnostic::{Code, Diagnostic};
use crate::lexer::TokenKind;

/// Which kind of block is being read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    /// A CALC body.
    Calc,
    /// The THEN part of an IF (may end at ELSE).
    Then,
    /// The ELSE part of an IF.
    Else,
    /// A FOR body.
    Loop,
}

/// How a block ended.
enum BlockEnd {
    /// At its END (consumed).
    End,
    /// At ELSE (consumed; THEN parts only).
    Else,
    /// At the end of input.
    Eof,
    /// At a top-level-only statement (not consumed; `Parser::unwinding` is set).
    Unwind,
}

/// A FOR header (spec §6.2).
enum ForHeader<'src> {
    While(Expr<'src>),
    Range {
        var: Var<'src>,
        start: Expr<'src>,
        end: Expr<'src>,
        step: Option<Expr<'src>>,
    },
    Query {
        tuple: Ident<'src>,
        query: QueryPattern<'src>,
    },
}

impl<'src> Parser<'src> {
    /// `CALC name [INPUT $a $b …] statements END`
    pub(super) fn calc_def(&mut self) -> PResult<StmtKind<'src>> {
        self.bump();
        let name = self.name("a CALC name after CALC");
        if let Ok(name) = &name
            && self.at(TokenKind::OpenParen)
            && !self.at_line_start()
        {
            let d = Diagnostic::new(
                Code::E103,
                name.span,
                format!(
                    "expected a CALC definition, found a call of `{}`",
                    name.text
                ),
            )
            .with_hint(format!(
                "to call a CALC write `RESULT CALC {0}(…)` or `LET $v = CALC {0}(…)`",
                name.text
            ));
            return Err(self.report(d));
        }
        let header = name.and_then(|name| Ok((name, self.params()?)));
        if header.is_err() {
            self.skip_to_line_start(false);
        }
        let saved_loops = std::mem::replace(&mut self.loop_depth, 0);
        let (body, end) = self.nested_block(Block::Calc);
        self.loop_depth = saved_loops;
        let (name, params) = header?;
        self.close(end, format_args!("CALC `{}`", name.text))?;
        Ok(StmtKind::Calc(CalcDef { name, params, body }))
    }

    /// `[INPUT $a $b …]`
    fn params(&mut self) -> PResult<Vec<Var<'src>>> {
        let mut params = Vec::new();
        if self.eat_kw(Kw::Input).is_some() {
            while self.at(TokenKind::Var) {
                params.push(self.var()?);
            }
            if params.is_empty() {
                return Err(self.expected("a parameter `$name` after INPUT"));
            }
        }
        Ok(params)
    }

    /// Reads a block one nesting level deeper.
    fn nested_block(&mut self, kind: Block) -> (Vec<CalcStmt<'src>>, BlockEnd) {
        self.deeper(|p| p.block(kind))
    }

    /// Statements up to the end of the block (see [`BlockEnd`]).
    fn block(&mut self, kind: Block) -> (Vec<CalcStmt<'src>>, BlockEnd) {
        let mut stmts = Vec::new();
        loop {
            if self.unwinding {
                return (stmts, BlockEnd::Unwind);
            }
            match self.kw() {
                _ if self.at_eof() => return (stmts, BlockEnd::Eof),
                Some(Kw::End) => {
                    self.bump();
                    return (stmts, BlockEnd::End);
                }
                Some(Kw::Else) if kind == Block::Then => {
                    self.bump();
                    return (stmts, BlockEnd::Else);
                }
                Some(kw) if kw.is_top_level_only() && !self.calc_call_ahead() => {
                    let closes_later = self.calc_closes_later();
                    let d = Diagnostic::new(
                        Code::E102,
                        self.span(),
                        format!("`{}` is not allowed inside a CALC", self.text()),
                    );
                    if closes_later {
                        // A stray statement inside a CALC: skip its line and read on.
                        self.report(
                            d.with_hint("a CALC only computes: move this statement after its END"),
                        );
                        self.bump();
                        self.skip_to_line_start(false);
                        continue;
                    }
                    self.report(
                        d.with_hint("a CALC ends with END: is END missing before this line?"),
                    );
                    self.unwinding = true;
                    return (stmts, BlockEnd::Unwind);
                }
                _ => {}
            }
            let start = self.pos;
            match self.calc_stmt() {
                Ok(stmt) => stmts.push(stmt),
                Err(Reported) if self.unwinding => return (stmts, BlockEnd::Unwind),
                Err(Reported) => {
                    if self.pos == start {
                        self.bump();
                    }
                    self.recover_calc();
                }
            }
        }
    }

    /// True when an END further on closes the CALC being read before the next CALC
    /// definition starts: a top-level-only statement here then stands inside the
    /// CALC, rather than after a CALC whose END is missing. The answer holds until
    /// that END, so the scan runs once per CALC and parsing stays linear.
    fn calc_closes_later(&mut self) -> bool {
        if let Some(end) = self.calc_end_ahead
            && end > self.pos
        {
            return true;
        }
        // At a statement start no parenthesis is open: `depth` counts open blocks.
        let mut open = self.depth as usize;
        for (i, t) in self.toks.iter().enumerate().skip(self.pos + 1) {
            if t.kind != TokenKind::Word {
                continue;
            }
            match Kw::from_word(self.text_of(t.span)) {
                Some(Kw::If | Kw::For) => open += 1,
                Some(Kw::End) => {
                    open -= 1;
                    if open == 0 {
                        self.calc_end_ahead = Some(i);
                        return true;
                    }
                }
                Some(Kw::Calc) if t.line_start => return false,
                _ => {}
            }
        }
        false
    }

    /// True at `CALC name(`: a call, not a definition.
    fn calc_call_ahead(&self) -> bool {
        self.at_kw(Kw::Calc) && self.nth(2).is_some_and(|t| t.kind == TokenKind::OpenParen)
    }

    /// Checks how a block of `what` ended: END is fine; end of input is E103 (once,
    /// for the innermost block); an unwind was reported already.
    fn close(&mut self, end: BlockEnd, what: impl std::fmt::Display) -> PResult<()> {
        match end {
            // Only THEN parts end at ELSE, and `if_stmt` handles that before closing.
            BlockEnd::End | BlockEnd::Else => Ok(()),
            BlockEnd::Unwind => Err(Reported),
            BlockEnd::Eof if self.eof_reported => Err(Reported),
            BlockEnd::Eof => {
                self.eof_reported = true;
                Err(self.expected(&format!("END to close {what}")))
            }
        }
    }

    /// One CALC statement (spec §6.2).
    fn calc_stmt(&mut self) -> PResult<CalcStmt<'src>> {
        let start = self.span();
        let kind = match self.kw() {
            Some(Kw::Let) => {
                let (var, expr) = self.let_parts()?;
                CalcStmtKind::Let { var, expr }
            }
            Some(Kw::If) => self.if_stmt()?,
            Some(Kw::For) => self.for_stmt()?,
            Some(Kw::Result) => {
                self.bump();
                CalcStmtKind::Result(self.expr()?)
            }
            Some(kw @ (Kw::Break | Kw::Continue)) => {
                let span = self.bump();
                if self.loop_depth == 0 {
                    let d = Diagnostic::new(
                        Code::E103,
                        span,
                        format!("{} outside a loop", kw.as_str()),
                    )
                    .with_hint("BREAK and CONTINUE only work inside FOR … END");
                    return Err(self.report(d));
                }
                if kw == Kw::Break {
                    CalcStmtKind::Break
                } else {
                    CalcStmtKind::Continue
                }
            }
            Some(Kw::Emit) => {
                let span = self.bump();
                let d = Diagnostic::new(
                    Code::E309,
                    span,
                    "EMIT is not allowed in a CALC: a CALC computes one value",
                )
                .with_hint("return the value with RESULT and EMIT it from a RULE");
                return Err(self.report(d));
            }
            Some(Kw::Input) => {
                let span = self.bump();
                let d = Diagnostic::new(
                    Code::E102,
                    span,
                    "`INPUT` is not allowed here: it must come first in a CALC",
                )
                .with_hint("move INPUT to the line after `CALC name`");
                return Err(self.report(d));
            }
            Some(Kw::Not) => {
                let span = self.bump();
                let d = Diagnostic::new(
                    Code::E102,
                    span,
                    "`NOT` is not allowed in a CALC: the NOT clause belongs in a RULE",
                )
                .with_hint("in a CALC, test `IF COUNT(QUERY rel a1 … an) == 0 THEN … END`");
                return Err(self.report(d));
            }
            Some(kw @ (Kw::Scan | Kw::Join | Kw::Where)) => {
                let span = self.bump();
                let d = Diagnostic::new(
                    Code::E102,
                    span,
                    format!(
                        "`{}` is not allowed in a CALC: it is a RULE clause",
                        kw.as_str()
                    ),
                );
                return Err(self.report(d));
            }
            _ => return Err(self.not_a_statement(&Kw::CALC_BODY)),
        };
        Ok(CalcStmt {
            kind,
            span: self.since(start),
        })
    }

    /// `IF cond THEN stmts [ELSE stmts] END`. A bad condition drops the statement
    /// but its blocks are still read, so the ENDs stay matched.
    fn if_stmt(&mut self) -> PResult<CalcStmtKind<'src>> {
        let if_span = self.bump();
        if self.at_depth_limit() {
            let r = self.too_deep(if_span);
            self.skip_block();
            return Err(r);
        }
        let mut cond = self.expr();
        if cond.is_err() {
            self.skip_to_line_start(true);
        }
        if self.eat_kw(Kw::Then).is_none() && cond.is_ok() {
            cond = Err(self.expected("THEN after the IF condition"));
        }
        let (then_body, end) = self.nested_block(Block::Then);
        let else_body = match end {
            BlockEnd::Else => {
                let (else_body, end) = self.nested_block(Block::Else);
                self.close(end, "ELSE")?;
                Some(else_body)
            }
            end => {
                self.close(end, "IF")?;
                None
            }
        };
        Ok(CalcStmtKind::If {
            cond: cond?,
            then_body,
            else_body,
        })
    }

    /// `FOR WHILE cond … END`, `FOR $i IN RANGE(a, b[, step]) … END`,
    /// `FOR t IN (QUERY rel …) … END`. A bad header drops the statement but its body is read.
    fn for_stmt(&mut self) -> PResult<CalcStmtKind<'src>> {
        let for_span = self.bump();
        if self.at_depth_limit() {
            let r = self.too_deep(for_span);
            self.skip_block();
            return Err(r);
        }
        let header = self.for_header();
        if header.is_err() {
            self.skip_to_line_start(false);
        }
        let saved_loops = self.loop_depth;
        self.loop_depth += 1;
        let (body, end) = self.nested_block(Block::Loop);
        self.loop_depth = saved_loops;
        self.close(end, "FOR")?;
        Ok(match header? {
            ForHeader::While(cond) => CalcStmtKind::While { cond, body },
            ForHeader::Range {
                var,
                start,
                end,
                step,
            } => CalcStmtKind::ForRange {
                var,
                start,
                end,
                step,
                body,
            },
            ForHeader::Query { tuple, query } => CalcStmtKind::ForQuery { tuple, query, body },
        })
    }

    /// The part of a FOR header after the FOR keyword.
    fn for_header(&mut self) -> PResult<ForHeader<'src>> {
        if self.eat_kw(Kw::While).is_some() {
            return Ok(ForHeader::While(self.expr()?));
        }
        if self.at(TokenKind::Var) && !self.at_line_start() {
            let var = self.var()?;
            self.expect_kw(Kw::In)?;
            if !(self.at(TokenKind::Word) && self.text().eq_ignore_ascii_case("RANGE")) {
                return Err(
                    self.expected(&format!("`RANGE(start, end)` after `FOR {} IN`", var.name))
                );
            }
            let range = self.bump();
            let name = Ident {
                text: self.text_of(range).into(),
                span: range,
            };
            let args = self.call_args(&name)?;
            let count = args.len();
            let mut args = args.into_iter();
            return match (args.next(), args.next(), args.next(), args.next()) {
                (Some(start), Some(end), step, None) => Ok(ForHeader::Range {
                    var,
                    start,
                    end,
                    step,
                }),
                _ => {
                    let d = Diagnostic::new(
                        Code::E103,
                        self.since(range),
                        format!("RANGE takes 2 or 3 arguments (start, end[, step]), found {count}"),
                    );
                    Err(self.report(d))
                }
            };
        }
        if self.at(TokenKind::Word) && self.kw().is_none() {
            let tuple = self.name("a tuple name after FOR")?;
            self.expect_kw(Kw::In)?;
            if !self.at(TokenKind::OpenParen) {
                return Err(self.expected(&format!("`(QUERY …)` after `FOR {} IN`", tuple.text)));
            }
            let query = self.nested(|p| {
                p.bump();
                p.expect_kw(Kw::Query)?;
                let query = p.query_pattern(ArgList::ForQuery)?;
                p.expect(TokenKind::CloseParen, "`)` after the QUERY arguments")?;
                Ok(query)
            })?;
            return Ok(ForHeader::Query { tuple, query });
        }
        Err(self.expected("WHILE, a `$variable` or a tuple name after FOR"))
    }
}
