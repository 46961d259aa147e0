//! The parser: tokens to [`ast::Program`] (spec §1, §3, §4.1, §6), reporting
//! E101–E104, E202, E205, E309 and W001.
//!
//! A hand-written recursive-descent parser over the lexer's significant tokens.
//! Errors never stop it: a statement with a syntax error is dropped and parsing
//! resumes at the next line that starts with a statement keyword, so one parse
//! reports every independent error. Recursion is bounded by the nesting limit
//! (E104) and backed by `stacker`, and operator runs become flat chains, so no
//! input overflows the stack.
//!
//! Files: [`cursor`] (token access, errors, nesting), [`keyword`], `stmt`
//! (top-level statements), `rule` (with the NOT clause), `calc`, `expr`, `aggregate`
//! (aggregates and `EXISTS(`), `args` (argument lists), `literal`, `recover` (where to
//! resume after an error).

mod aggregate;
mod args;
mod calc;
mod cursor;
mod expr;
mod keyword;
mod literal;
mod recover;
mod rule;
mod stmt;

use crate::account::Account;
use crate::ast::{CalcDef, Program, Stmt, StmtKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::fault::Fault;
use crate::lexer::TokenKind;
use crate::span::Span;
use cursor::Tok;
use keyword::{Kw, did_you_mean, list};
use std::time::Instant;

/// The memory the front end is charged per significant token (docs/decisions.md
/// 102): what parsing, checking and lowering a program hold at their peak, measured
/// at 75–310 bytes a token on the largest programs a source limit of 1 MiB allows.
pub const BYTES_PER_TOKEN: u64 = 320;

/// Parses `source` into a syntax tree, recovering from errors. The diagnostics
/// (errors and warnings) come in source order; when one is an error, the tree
/// holds only the statements that parsed cleanly.
pub fn parse(source: &str) -> (Program<'_>, Vec<Diagnostic>) {
    let unlimited = crate::Limits {
        timeout_ms: u64::MAX,
        max_memory_mb: u64::MAX,
        ..crate::Limits::default()
    };
    let parsed = parse_within(source, &mut Account::new(&unlimited));
    (parsed.program, parsed.diagnostics)
}

/// What [`parse_within`] made of a source.
#[derive(Debug)]
pub struct Parsed<'src> {
    /// The syntax tree (what was read before a limit stopped the parser).
    pub program: Program<'src>,
    /// The diagnostics, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// The limit that stopped the parser (E404, E405) and where.
    pub stopped: Option<(Fault, Span)>,
}

/// [`parse`] under the run's `account`: charges [`BYTES_PER_TOKEN`] per significant
/// token before anything is built (E405), and stops at the time limit (E404), which
/// it checks every 4,096 tokens.
pub fn parse_within<'src>(source: &'src str, account: &mut Account) -> Parsed<'src> {
    let mut diags = Vec::new();
    let (toks, statements) = cursor::significant_tokens(source, &mut diags);
    if let Err(fault) = account.charge(toks.len() as u64 * BYTES_PER_TOKEN) {
        return Parsed {
            program: Program { stmts: Vec::new() },
            diagnostics: diags,
            stopped: Some((fault, Span::new(0, 0))),
        };
    }
    let mut p = Parser {
        src: source,
        toks,
        pos: 0,
        prev_end: 0,
        diags,
        depth: 0,
        depth_reported: false,
        errors: 0,
        loop_depth: 0,
        unwinding: false,
        eof_reported: false,
        calc_end_ahead: None,
        deadline: account.deadline(),
        stopped: None,
    };
    let program = p.program(statements);
    let mut diags = p.diags;
    let stopped = p.stopped.map(|(span, reported)| {
        // What was reported after the clock stopped the parser is not about the program.
        diags.truncate(reported);
        (Fault::new(Code::E404, crate::fault::What::Time), span)
    });
    diags.sort_by_key(|d| (d.span.start, d.span.end));
    Parsed {
        program,
        diagnostics: diags,
        stopped,
    }
}

/// Every reserved word of spec §1.4 in upper case (keywords match in any case), for
/// tools that build tokenizers.
pub fn keywords() -> impl Iterator<Item = &'static str> {
    Kw::ALL.into_iter().map(Kw::as_str)
}

/// Marker that a diagnostic has been recorded; the caller recovers.
#[derive(Debug)]
struct Reported;

/// A parse step's result: `Err` means an error was already reported.
type PResult<T> = Result<T, Reported>;

/// Parser state: the tokens, the position and what has been reported.
struct Parser<'src> {
    src: &'src str,
    toks: Vec<Tok>,
    pos: usize,
    /// End of the last consumed token.
    prev_end: u32,
    diags: Vec<Diagnostic>,
    /// Open parentheses and blocks (spec §3, E104).
    depth: u32,
    /// E104 is reported once per program.
    depth_reported: bool,
    /// Errors met so far, including repeats of E104 that are not reported again.
    errors: usize,
    /// Open FOR loops in the current CALC (BREAK, CONTINUE).
    loop_depth: u32,
    /// Set when a top-level-only statement appears in a CALC body: every open block
    /// closes so that the statement is parsed at top level.
    unwinding: bool,
    /// "missing END at end of input" is reported for the innermost open block only.
    eof_reported: bool,
    /// Token index of the END known to close the CALC being read (see `calc_closes_later`).
    calc_end_ahead: Option<usize>,
    /// The run's time limit.
    deadline: Option<Instant>,
    /// Set when the time limit stopped the parser: where, and how many diagnostics
    /// had been reported then.
    stopped: Option<(Span, usize)>,
}

impl<'src> Parser<'src> {
    /// `program := stmt*`; `statements` is how many the tokens suggest (the vector's
    /// first size).
    fn program(&mut self, statements: usize) -> Program<'src> {
        let mut stmts = Vec::with_capacity(statements);
        while !self.at_eof() {
            let start = self.pos;
            match self.top_stmt() {
                Ok(stmt) => stmts.extend(stmt),
                Err(Reported) if self.unwinding => self.unwinding = false,
                Err(Reported) => self.recover_top(),
            }
            if self.pos == start {
                self.bump();
            }
        }
        Program { stmts }
    }

    /// One top-level statement (spec §3); `None` when it was read to its end but an
    /// error was reported inside it (a bad literal, a bad line in a CALC body), so it
    /// is dropped whole without skipping what follows.
    fn top_stmt(&mut self) -> PResult<Option<Stmt<'src>>> {
        let start = self.span();
        let errors_before = self.errors;
        let kind = match self.kw() {
            Some(Kw::Rel) => self.rel_stmt()?,
            Some(Kw::Fact) => self.fact_stmt()?,
            Some(Kw::Rule) => self.rule_stmt()?,
            Some(Kw::Solve) => {
                self.bump();
                StmtKind::Solve
            }
            Some(Kw::Query) => self.query_stmt()?,
            Some(Kw::Calc) => self.calc_def()?,
            Some(Kw::Let) => self.let_stmt()?,
            Some(Kw::Result) => self.result_stmt()?,
            Some(kw) => return Err(self.misplaced_at_top(kw)),
            None => return Err(self.not_a_statement(&Kw::TOP_LEVEL)),
        };
        let stmt = Stmt {
            kind,
            span: self.since(start),
        };
        if self.errors == errors_before {
            return Ok(Some(stmt));
        }
        // A CALC with an error inside keeps its name and parameters, so that its
        // calls do not also report E304; the program does not run either way.
        Ok(match stmt.kind {
            StmtKind::Calc(def) => Some(Stmt {
                kind: StmtKind::Calc(CalcDef {
                    body: Vec::new(),
                    ..def
                }),
                span: stmt.span,
            }),
            _ => None,
        })
    }

    /// E102 for a keyword that cannot start a top-level statement (E103 for BREAK
    /// and CONTINUE, which spec §3 lists as "outside a loop").
    fn misplaced_at_top(&mut self, kw: Kw) -> Reported {
        let span = self.bump();
        let (code, message, hint) = match kw {
            Kw::Break | Kw::Continue => (
                Code::E103,
                format!("{} outside a loop", kw.as_str()),
                "BREAK and CONTINUE belong inside FOR … END in a CALC".to_string(),
            ),
            Kw::If | Kw::For | Kw::Else | Kw::End | Kw::Input => (
                Code::E102,
                format!(
                    "`{}` is not allowed here: it belongs in a CALC",
                    kw.as_str()
                ),
                "write it inside CALC name … END".to_string(),
            ),
            Kw::Scan | Kw::Join | Kw::Where | Kw::Emit | Kw::Not => (
                Code::E102,
                format!("`{}` is not allowed here: it is a RULE clause", kw.as_str()),
                format!("write it in a rule: `RULE label: …, {} …`", kw.as_str()),
            ),
            _ => (
                Code::E102,
                format!("`{}` cannot start a statement", kw.as_str()),
                format!("statements start with {}", list(&Kw::TOP_LEVEL)),
            ),
        };
        self.report(Diagnostic::new(code, span, message).with_hint(hint))
    }

    /// Where a statement should start (one of `candidates`): E102 for an unknown word
    /// at the start of a line, with a did-you-mean; E103 for anything else.
    fn not_a_statement(&mut self, candidates: &[Kw]) -> Reported {
        if self.at(TokenKind::Word) && self.at_line_start() && self.kw().is_none() {
            let word = self.text();
            let span = self.bump();
            let mut d = Diagnostic::new(
                Code::E102,
                span,
                format!("unknown statement keyword `{word}`"),
            )
            .with_hint(format!("statements here start with {}", list(candidates)));
            if let Some(kw) = did_you_mean(word, candidates) {
                d = d.with_label(format!("did you mean `{}`?", kw.as_str()));
            }
            return self.report(d);
        }
        let r = if self.at_line_start() {
            self.expected_token(&format!("a statement ({})", list(candidates)))
        } else {
            let (found, span) = self.found();
            let d = Diagnostic::new(
                Code::E103,
                span,
                format!("expected the end of the statement, found {found}"),
            )
            .with_hint(format!("each statement starts with {}", list(candidates)));
            self.report(d)
        };
        self.bump();
        r
    }
}
