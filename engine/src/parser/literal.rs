//! Literals (spec §1.5–§1.7): numbers with their range checks (E202, E205) and
//! string literals with their escapes decoded.

use super::Parser;
use crate::ast::{Expr, ExprKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::lexer::TokenKind;
use crate::span::Span;
use std::borrow::Cow;

impl<'src> Parser<'src> {
    /// The current Number token as a literal, negated when `minus` (the span of a `-`
    /// written directly before it, in an argument list) is given.
    pub(super) fn number(&mut self, minus: Option<Span>) -> Expr<'src> {
        let digits = self.bump();
        let span = minus.map_or(digits, |m| m.to(digits));
        let text = self.text_of(span);
        let kind = if text.contains(['.', 'e', 'E']) {
            match text.parse::<f64>() {
                Ok(f) if f.is_finite() => ExprKind::Float(f),
                _ => {
                    let d = Diagnostic::new(
                        Code::E205,
                        span,
                        format!("number `{}` is too large for a float", short(text)),
                    )
                    .with_hint("the largest float is about 1.8e308");
                    self.report(d);
                    ExprKind::Float(0.0)
                }
            }
        } else {
            match text.parse::<i64>() {
                Ok(n) => ExprKind::Int(n),
                Err(_) => {
                    let hint = if text == "9223372036854775808" {
                        "outside argument lists `-` is an operator: write -9223372036854775807 - 1"
                    } else {
                        "integers range from -9223372036854775808 to 9223372036854775807"
                    };
                    let message = format!("integer `{}` is out of range", short(text));
                    self.report(Diagnostic::new(Code::E202, span, message).with_hint(hint));
                    ExprKind::Int(0)
                }
            }
        };
        Expr { kind, span }
    }

    /// The current Str token as a quoted Symbol, escapes decoded (a bad escape,
    /// already reported, is kept as written).
    pub(super) fn string(&mut self) -> Expr<'src> {
        let terminated = matches!(
            self.kind(),
            Some(TokenKind::Str {
                terminated: true,
                ..
            })
        );
        let span = self.bump();
        let text = self.text_of(span);
        // The token starts with `"` and, when terminated, ends with the closing `"`.
        let body = text
            .get(1..text.len() - usize::from(terminated))
            .unwrap_or("");
        Expr {
            kind: ExprKind::Sym {
                text: unescape(body),
                quoted: true,
            },
            span,
        }
    }
}

/// Decodes `\" \\ \n \t`; any other backslash stays as written. Without a
/// backslash the text is the source's own.
fn unescape(body: &str) -> Cow<'_, str> {
    if !body.contains('\\') {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    Cow::Owned(out)
}

/// `text`, cut for a message when it is very long.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}
