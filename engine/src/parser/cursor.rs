//! The parser's view of the source: significant tokens with byte spans and a
//! line-start flag, plus the helpers every grammar file uses (looking at and
//! consuming tokens, describing what was found, reporting, nesting depth).

use super::keyword::Kw;
use super::{PResult, Parser, Reported};
use crate::diagnostic::{Code, Diagnostic};
use crate::lexer::{TokenKind, next_token};
use crate::span::Span;

/// Nesting limit of spec §3 (E104): open parentheses plus open IF, FOR and CALC blocks.
pub(super) const MAX_DEPTH: u32 = 256;

/// Red zone and new segment size for `stacker::maybe_grow` at recursive points.
const STACK_RED_ZONE: usize = 32 * 1024;
const STACK_SEGMENT: usize = 1024 * 1024;

/// A significant token (not whitespace, comment or line break).
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    /// What it is.
    pub kind: TokenKind,
    /// Where it is.
    pub span: Span,
    /// True when a line break (LF or `\n`, spec §1.2) comes between it and the previous
    /// significant token, or when it is the first one.
    pub line_start: bool,
    /// The keyword a word spells (any case), found once here: the grammar asks it of
    /// the current token many times.
    pub kw: Option<Kw>,
}

/// Keeps the significant tokens of `source` and reports the purely lexical problems:
/// W001 at the first escaped line break, E101 and bad escapes in strings. Also counts
/// the lines that start with a statement keyword (top-level LET and RESULT included,
/// so also those in CALC bodies): at least the program's statements, mostly.
pub(super) fn significant_tokens(source: &str, diags: &mut Vec<Diagnostic>) -> (Vec<Tok>, usize) {
    // About one significant token per 4 bytes of source, so that most programs fill
    // the vector without growing it; a large source (maybe all comment) grows it.
    let mut toks = Vec::with_capacity((source.len() / 4 + 1).min(4096));
    let bytes = source.as_bytes();
    // The lexer's tokens, read here without the ones that only space them: a leading
    // byte-order mark, and whitespace and line feeds byte by byte (most are one byte).
    let mut at = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut line_start = true;
    let mut warned_escaped_newline = false;
    let mut statements = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b' ' | b'\t' | b'\r' => {
                at += 1;
                continue;
            }
            b'\n' => {
                at += 1;
                line_start = true;
                continue;
            }
            _ => {}
        }
        let (kind, len) = next_token(&source[at..]);
        let span = Span::new(at as u32, (at + len) as u32);
        at += len;
        match kind {
            TokenKind::Whitespace | TokenKind::Comment | TokenKind::Bom => {}
            TokenKind::Newline => line_start = true,
            TokenKind::EscapedNewline => {
                line_start = true;
                if !warned_escaped_newline {
                    warned_escaped_newline = true;
                    diags.push(
                        Diagnostic::new(
                            Code::W001,
                            span,
                            "literal `\\n` outside a string is read as a line break",
                        )
                        .with_hint("write a real line break instead"),
                    );
                }
            }
            kind => {
                if let TokenKind::Str {
                    terminated,
                    has_bad_escape,
                } = kind
                {
                    let text = &source[span.start as usize..span.end as usize];
                    if !terminated {
                        diags.push(
                            Diagnostic::new(Code::E101, span, "unterminated string")
                                .with_label("this string is not closed on its line")
                                .with_hint("add the closing `\"` before the end of the line"),
                        );
                    }
                    if has_bad_escape {
                        report_bad_escapes(text, span.start, diags);
                    }
                }
                let kw = match kind {
                    TokenKind::Word => {
                        Kw::from_word(&source[span.start as usize..span.end as usize])
                    }
                    _ => None,
                };
                statements += usize::from(line_start && kw.is_some_and(Kw::starts_statement));
                toks.push(Tok {
                    kind,
                    span,
                    line_start,
                    kw,
                });
                line_start = false;
            }
        }
    }
    (toks, statements)
}

/// E103 for each escape other than `\" \\ \n \t` in the string literal `text` at `offset`.
fn report_bad_escapes(text: &str, offset: u32, diags: &mut Vec<Diagnostic>) {
    let mut chars = text.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            continue;
        }
        match chars.next() {
            Some((_, '"' | '\\' | 'n' | 't')) | None => {}
            Some((j, bad)) => {
                let start = offset + i as u32;
                let span = Span::new(start, offset + (j + bad.len_utf8()) as u32);
                diags.push(
                    Diagnostic::new(
                        Code::E103,
                        span,
                        format!("unknown escape `\\{bad}` in string"),
                    )
                    .with_hint("the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`"),
                );
            }
        }
    }
}

impl<'src> Parser<'src> {
    /// The current token, `None` at the end of input.
    pub(super) fn tok(&self) -> Option<Tok> {
        self.toks.get(self.pos).copied()
    }

    /// The kind of the current token, `None` at the end of input.
    pub(super) fn kind(&self) -> Option<TokenKind> {
        self.tok().map(|t| t.kind)
    }

    /// The token `n` places ahead of the current one.
    pub(super) fn nth(&self, n: usize) -> Option<Tok> {
        self.toks.get(self.pos + n).copied()
    }

    /// The span of the current token (empty, at the end of the source, at end of input).
    pub(super) fn span(&self) -> Span {
        self.tok().map_or(
            Span::new(self.src.len() as u32, self.src.len() as u32),
            |t| t.span,
        )
    }

    /// True at the end of input.
    pub(super) fn at_eof(&self) -> bool {
        self.pos >= self.toks.len()
    }

    /// True when the current token begins a new line (always true at the end of input).
    pub(super) fn at_line_start(&self) -> bool {
        self.tok().is_none_or(|t| t.line_start)
    }

    /// The source text of a span.
    pub(super) fn text_of(&self, span: Span) -> &'src str {
        &self.src[span.start as usize..span.end as usize]
    }

    /// The source text of the current token (empty at the end of input).
    pub(super) fn text(&self) -> &'src str {
        self.tok().map_or("", |t| self.text_of(t.span))
    }

    /// The keyword the current token spells, if it is a word that is one.
    pub(super) fn kw(&self) -> Option<Kw> {
        self.tok().and_then(|t| t.kw)
    }

    /// True when the current token is the word `kw` (any case).
    pub(super) fn at_kw(&self, kw: Kw) -> bool {
        self.kw() == Some(kw)
    }

    /// True when the current token has kind `kind`.
    pub(super) fn at(&self, kind: TokenKind) -> bool {
        self.kind() == Some(kind)
    }

    /// True when the token after the current one is `(` written directly after it.
    pub(super) fn paren_follows_directly(&self) -> bool {
        match (self.tok(), self.nth(1)) {
            (Some(t), Some(next)) => {
                next.kind == TokenKind::OpenParen && next.span.start == t.span.end
            }
            _ => false,
        }
    }

    /// Consumes the current token and returns its span. Every 4,096 tokens the
    /// clock is read: past the time limit, the rest of the input is skipped.
    pub(super) fn bump(&mut self) -> Span {
        let span = self.span();
        if !self.at_eof() {
            self.pos += 1;
            self.prev_end = span.end;
            if self.pos.is_multiple_of(4096) {
                self.check_clock(span);
            }
        }
        span
    }

    #[cold]
    fn check_clock(&mut self, span: Span) {
        if self
            .deadline
            .is_some_and(|d| std::time::Instant::now() >= d)
        {
            self.stopped = Some((span, self.diags.len()));
            self.pos = self.toks.len();
        }
    }

    /// Consumes the current token if it has kind `kind`.
    pub(super) fn eat(&mut self, kind: TokenKind) -> Option<Span> {
        self.at(kind).then(|| self.bump())
    }

    /// Consumes the current token if it is the keyword `kw`.
    pub(super) fn eat_kw(&mut self, kw: Kw) -> Option<Span> {
        self.at_kw(kw).then(|| self.bump())
    }

    /// Consumes a token of kind `kind` or reports E103 "expected {what}" (`what` is
    /// only formatted then).
    pub(super) fn expect(
        &mut self,
        kind: TokenKind,
        what: impl std::fmt::Display,
    ) -> PResult<Span> {
        self.eat(kind)
            .ok_or_else(|| self.expected(&what.to_string()))
    }

    /// Consumes the keyword `kw` or reports E103.
    pub(super) fn expect_kw(&mut self, kw: Kw) -> PResult<Span> {
        self.eat_kw(kw)
            .ok_or_else(|| self.expected(&format!("`{}`", kw.as_str())))
    }

    /// A zero-width span at the end of the last consumed token.
    pub(super) fn after_prev(&self) -> Span {
        Span::new(self.prev_end, self.prev_end)
    }

    /// The span from `start` to the end of the last consumed token.
    pub(super) fn since(&self, start: Span) -> Span {
        Span::new(start.start, self.prev_end.max(start.end))
    }

    /// What stands at the current position, for "found …" in messages, and where to point.
    /// A token on a later line is reported as "end of line" at the end of the previous one.
    pub(super) fn found(&self) -> (String, Span) {
        self.describe(true)
    }

    /// Describes the current token; with `line_aware`, a token on a later line is
    /// "end of line" (for things expected on the current line).
    fn describe(&self, line_aware: bool) -> (String, Span) {
        let Some(t) = self.tok() else {
            return ("end of input".to_string(), self.span());
        };
        if line_aware && t.line_start && self.pos > 0 {
            return ("end of line".to_string(), self.after_prev());
        }
        let text = self.text_of(t.span);
        let shown = shorten(text);
        let what = match t.kind {
            TokenKind::Word if Kw::from_word(text).is_some() => format!("keyword `{shown}`"),
            TokenKind::Word => format!("`{shown}`"),
            TokenKind::Number => format!("number `{shown}`"),
            TokenKind::Var => format!("variable `{shown}`"),
            TokenKind::Str { .. } => format!("string {shown}"),
            TokenKind::Backslash => "a stray backslash".to_string(),
            TokenKind::Unknown => format!("character `{shown}`"),
            _ => format!("`{shown}`"),
        };
        (what, t.span)
    }

    /// Records a diagnostic.
    pub(super) fn report(&mut self, diagnostic: Diagnostic) -> Reported {
        self.errors += usize::from(diagnostic.is_error());
        self.diags.push(diagnostic);
        Reported
    }

    /// Reports E103 "expected {what}, found …" at the current position.
    pub(super) fn expected(&mut self, what: &str) -> Reported {
        self.expected_impl(what, true)
    }

    /// Reports E103 "expected {what}, found …" naming the current token even when it
    /// starts a line (for positions where a new line is fine).
    pub(super) fn expected_token(&mut self, what: &str) -> Reported {
        self.expected_impl(what, false)
    }

    fn expected_impl(&mut self, what: &str, line_aware: bool) -> Reported {
        let (found, span) = self.describe(line_aware);
        let mut d = Diagnostic::new(Code::E103, span, format!("expected {what}, found {found}"));
        if self.at(TokenKind::Backslash) && span == self.span() {
            d = d.with_hint("outside a string a backslash is only allowed as `\\n` (a line break)");
        }
        self.report(d)
    }

    /// Runs `f` one nesting level deeper (spec §3, E104): reports E104 once per
    /// program when the limit is passed, and grows the stack if it runs low.
    pub(super) fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        if self.depth >= MAX_DEPTH {
            return Err(self.too_deep(self.span()));
        }
        self.deeper(f)
    }

    /// Runs `f` one nesting level deeper without checking the limit (the caller has),
    /// growing the stack if it runs low.
    pub(super) fn deeper<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.depth += 1;
        let result = stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || f(self));
        self.depth -= 1;
        result
    }

    /// True when opening one more level would pass the limit.
    pub(super) fn at_depth_limit(&self) -> bool {
        self.depth >= MAX_DEPTH
    }

    /// Reports E104 at `span`, once per program.
    pub(super) fn too_deep(&mut self, span: Span) -> Reported {
        self.errors += 1;
        if !self.depth_reported {
            self.depth_reported = true;
            let d = Diagnostic::new(
                Code::E104,
                span,
                format!("nesting deeper than {MAX_DEPTH} levels"),
            )
            .with_hint("split the expression or the blocks into smaller CALCs");
            self.diags.push(d);
        }
        Reported
    }
}

/// `text`, cut to a readable length for a message.
fn shorten(text: &str) -> String {
    const MAX: usize = 24;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
