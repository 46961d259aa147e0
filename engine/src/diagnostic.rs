//! Diagnostics as data: every stage reports problems in this one shape, and the
//! edges (CLI text, JSON) render them with line and column (spec §8).

use crate::excerpt;
use crate::span::Span;
use std::fmt;

/// Error or warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// Stops the program from running (check errors) or ends it (runtime errors).
    Error,
    /// Reported, but the program still runs.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The stable diagnostic and error codes of spec §1, §3, §4.2, §7 and §9.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)] // each variant is its spec code; `Code::summary` describes it
pub enum Code {
    W001,
    W002,
    W003,
    E101,
    E102,
    E103,
    E104,
    E201,
    E202,
    E203,
    E204,
    E205,
    E206,
    E207,
    E208,
    E209,
    E301,
    E302,
    E303,
    E304,
    E305,
    E306,
    E307,
    E308,
    E309,
    E401,
    E402,
    E403,
    E404,
    E405,
    E406,
}

impl Code {
    /// Every code, in numeric order.
    pub const ALL: [Code; 31] = [
        Code::W001,
        Code::W002,
        Code::W003,
        Code::E101,
        Code::E102,
        Code::E103,
        Code::E104,
        Code::E201,
        Code::E202,
        Code::E203,
        Code::E204,
        Code::E205,
        Code::E206,
        Code::E207,
        Code::E208,
        Code::E209,
        Code::E301,
        Code::E302,
        Code::E303,
        Code::E304,
        Code::E305,
        Code::E306,
        Code::E307,
        Code::E308,
        Code::E309,
        Code::E401,
        Code::E402,
        Code::E403,
        Code::E404,
        Code::E405,
        Code::E406,
    ];

    /// The code as written in diagnostics, e.g. `"E301"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::W001 => "W001",
            Code::W002 => "W002",
            Code::W003 => "W003",
            Code::E101 => "E101",
            Code::E102 => "E102",
            Code::E103 => "E103",
            Code::E104 => "E104",
            Code::E201 => "E201",
            Code::E202 => "E202",
            Code::E203 => "E203",
            Code::E204 => "E204",
            Code::E205 => "E205",
            Code::E206 => "E206",
            Code::E207 => "E207",
            Code::E208 => "E208",
            Code::E209 => "E209",
            Code::E301 => "E301",
            Code::E302 => "E302",
            Code::E303 => "E303",
            Code::E304 => "E304",
            Code::E305 => "E305",
            Code::E306 => "E306",
            Code::E307 => "E307",
            Code::E308 => "E308",
            Code::E309 => "E309",
            Code::E401 => "E401",
            Code::E402 => "E402",
            Code::E403 => "E403",
            Code::E404 => "E404",
            Code::E405 => "E405",
            Code::E406 => "E406",
        }
    }

    /// One-line description of what the code means.
    pub fn summary(self) -> &'static str {
        match self {
            Code::W001 => "literal `\\n` outside a string read as a line break",
            Code::W002 => "QUERY before any SOLVE",
            Code::W003 => "relation grows after a SOLVE read it through NOT or an aggregate",
            Code::E101 => "unterminated string",
            Code::E102 => "unknown statement keyword",
            Code::E103 => "syntax error",
            Code::E104 => "nesting too deep",
            Code::E201 => "division by zero",
            Code::E202 => "integer overflow",
            Code::E203 => "type mismatch",
            Code::E204 => "index out of range",
            Code::E205 => "not a finite number",
            Code::E206 => "CALC ended without RESULT",
            Code::E207 => "zero RANGE step",
            Code::E208 => "variable read before assignment",
            Code::E209 => "MIN, MAX or MEAN of an empty group outside a rule",
            Code::E301 => "relation not declared",
            Code::E302 => "QUERY of a derived relation before SOLVE",
            Code::E303 => "arity mismatch",
            Code::E304 => "unknown CALC or built-in",
            Code::E305 => "wrong number of arguments",
            Code::E306 => "variable not bound",
            Code::E307 => "name defined twice",
            Code::E308 => "unstratifiable read",
            Code::E309 => "EMIT in a CALC",
            Code::E401 => "step limit exceeded",
            Code::E402 => "tuple limit exceeded",
            Code::E403 => "CALC call depth limit exceeded",
            Code::E404 => "time limit exceeded",
            Code::E405 => "memory limit exceeded",
            Code::E406 => "source too large",
        }
    }

    /// Warnings start with `W`; everything else is an error.
    pub fn severity(self) -> Severity {
        match self {
            Code::W001 | Code::W002 | Code::W003 => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// Parses `"E301"` back into a code.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a program, before or while it runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Stable code (spec §8).
    pub code: Code,
    /// Error or warning (follows from the code).
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where: the primary span, underlined when rendered.
    pub span: Span,
    /// Short text printed under the caret (e.g. "did you mean `ancestor`?").
    pub label: Option<String>,
    /// How to fix it, where one helps (e.g. "add `REL ancestor`").
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with the given code, message and span, and the code's severity.
    /// Long quotes in the message are cut ([`excerpt::bounded`]), as in labels and hints.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            message: excerpt::bounded(message.into()),
            span,
            label: None,
            hint: None,
        }
    }

    /// Adds the text shown under the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(excerpt::bounded(label.into()));
        self
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(excerpt::bounded(hint.into()));
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
