//! The outcome of running (or only checking) one program: outputs, diagnostics with
//! their resolved positions, the error that decided failure, counters, and which
//! backend ran. Programs run through [`crate::Executor`].

use crate::render::json;
use bytelogic_engine::output::{output_text, write_output};
use bytelogic_engine::{
    Diagnostic, Limits, LineIndex, Output, Position, QueryAnswer, RunResult, Stats, Symbols, Value,
};
use std::cell::OnceCell;
use std::fmt;
use std::time::{Duration, Instant};

/// [`Outcome::backend`] of the interpreter.
pub const INTERPRETER: &str = "interpreter";
/// [`Outcome::backend`] of the compiled path.
pub const WASM: &str = "wasm";

/// A diagnostic together with its position in the source (spec §8).
#[derive(Clone, Debug, PartialEq)]
pub struct Located {
    /// The diagnostic as the engine reported it.
    pub diagnostic: Diagnostic,
    /// Its primary span resolved to line and columns.
    pub position: Position,
}

impl Located {
    /// Resolves `diagnostic`'s span with `index`.
    pub fn new(diagnostic: Diagnostic, index: &LineIndex<'_>) -> Located {
        let position = index.position(diagnostic.span);
        Located {
            diagnostic,
            position,
        }
    }
}

/// One item of the flat list of outputs the corpus compares (its README): what
/// [`flatten`] yields, for each renderer to show in its own types.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Flat<'a> {
    /// An item of a one-`?` answer, or a RESULT's value.
    Value(Value),
    /// A tuple of a several-`?` answer.
    Tuple(&'a [Value]),
    /// A truth answer (the corpus counts it as 1 or 0).
    Truth(bool),
}

/// The outputs flattened in program order: a list answer contributes its items, a
/// truth answer itself, a RESULT its value.
pub fn flatten(outputs: &[Output]) -> impl Iterator<Item = Flat<'_>> {
    outputs
        .iter()
        .flat_map(|o| -> Box<dyn Iterator<Item = Flat<'_>> + '_> {
            match o {
                Output::Result(v) => Box::new(std::iter::once(Flat::Value(*v))),
                Output::Query { answer, .. } => match answer {
                    QueryAnswer::Truth(b) => Box::new(std::iter::once(Flat::Truth(*b))),
                    QueryAnswer::Values(vs) => Box::new(vs.iter().map(|&v| Flat::Value(v))),
                    QueryAnswer::Tuples(ts) => Box::new(ts.iter().map(Flat::Tuple)),
                },
            }
        })
}

/// Everything one run (or check) of a program produced, independent of how it is shown.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The outputs recorded, in program order; also those recorded before a runtime error.
    pub outputs: Vec<Output>,
    /// The Symbols needed to render the outputs.
    pub symbols: Symbols,
    /// The front end's diagnostics (errors and warnings), in source order: the first
    /// [`bytelogic_engine::MAX_DIAGNOSTICS`].
    pub diagnostics: Vec<Located>,
    /// How many more the front end found and did not keep.
    pub omitted: usize,
    /// The runtime error that ended the run, if any.
    pub runtime_error: Option<Located>,
    /// The engine's counters (all zero when the program did not run).
    pub stats: Stats,
    /// Wall-clock time of compiling and running.
    pub elapsed: Duration,
    /// The backend that ran (or would have run) the program: [`INTERPRETER`] or [`WASM`]
    /// (see [`Outcome::ran`]).
    pub backend: &'static str,
    /// Why the compiled path was not used, when [`crate::Backend::Auto`] fell back to
    /// the interpreter.
    pub fallback: Option<String>,
    /// The program's module as WebAssembly text, when asked for and there is a program.
    pub wat: Option<String>,
}

impl Outcome {
    /// Compiles `source` without running it: diagnostics only.
    pub fn check(source: &str, limits: &Limits) -> Outcome {
        let start = Instant::now();
        let compiled = bytelogic_engine::compile(source, limits);
        let mut outcome = Outcome::new(
            source,
            compiled.diagnostics,
            None,
            INTERPRETER,
            start.elapsed(),
        );
        outcome.omitted = compiled.omitted;
        outcome
    }

    /// Assembles an outcome from the front end's `diagnostics` and, if the program
    /// ran on `backend`, its `result`; `source` resolves positions.
    pub fn new(
        source: &str,
        diagnostics: Vec<Diagnostic>,
        result: Option<RunResult>,
        backend: &'static str,
        elapsed: Duration,
    ) -> Outcome {
        // Positions are resolved only for what has one to show.
        let index = OnceCell::new();
        let index = || index.get_or_init(|| LineIndex::new(source));
        let diagnostics = diagnostics
            .into_iter()
            .map(|d| Located::new(d, index()))
            .collect();
        let (outputs, symbols, stats, runtime_error) = match result {
            Some(r) => (
                r.outputs,
                r.symbols,
                r.stats,
                r.error.map(|e| Located::new(e, index())),
            ),
            None => (Vec::new(), Symbols::new(), Stats::default(), None),
        };
        Outcome {
            outputs,
            symbols,
            diagnostics,
            omitted: 0,
            runtime_error,
            stats,
            elapsed,
            backend,
            fallback: None,
            wat: None,
        }
    }

    /// Every diagnostic: the front end's, then the runtime error.
    pub fn all_diagnostics(&self) -> impl Iterator<Item = &Located> {
        self.diagnostics.iter().chain(&self.runtime_error)
    }

    /// The error that decides failure: the runtime error if the program ran into one,
    /// else the first error diagnostic of the front end.
    pub fn error(&self) -> Option<&Located> {
        self.runtime_error
            .as_ref()
            .or_else(|| self.diagnostics.iter().find(|l| l.diagnostic.is_error()))
    }

    /// True when the program ran: its checks (and the injection of its facts) found no
    /// error. Otherwise no backend ran it, and the JSON outcome's `backend` is `null`.
    pub fn ran(&self) -> bool {
        !self.diagnostics.iter().any(|l| l.diagnostic.is_error())
    }

    /// True when no diagnostic is an error.
    pub fn success(&self) -> bool {
        self.error().is_none()
    }

    /// Each output in the text form of spec §5.3.
    pub fn output_texts(&self) -> impl Iterator<Item = String> + '_ {
        self.outputs.iter().map(|o| output_text(o, &self.symbols))
    }

    /// All outputs in text form joined with `; ` (spec §5.3); `""` when there are none.
    pub fn result_text(&self) -> String {
        self.result_display().to_string()
    }

    /// [`Outcome::result_text`], written when displayed (never one string).
    pub fn result_display(&self) -> impl fmt::Display + '_ {
        ResultText(self)
    }

    /// The token returned to a model: `<result>…</result>` on success, else
    /// `<error>CODE: message</error>` for [`Outcome::error`].
    pub fn computation_token(&self) -> String {
        self.token_display().to_string()
    }

    /// [`Outcome::computation_token`], written when displayed.
    pub fn token_display(&self) -> impl fmt::Display + '_ {
        Token(self)
    }

    /// The full JSON outcome of `bytelogic run --json` (see the README for the fields).
    pub fn to_json(&self) -> serde_json::Value {
        json::outcome(self)
    }

    /// The JSON of `bytelogic check --json`: `{"success", "diagnostics"}`.
    pub fn to_check_json(&self) -> serde_json::Value {
        json::check(self)
    }
}

/// The outputs in text form joined with `; `, written output by output.
struct ResultText<'a>(&'a Outcome);

impl fmt::Display for ResultText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, output) in self.0.outputs.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write_output(f, output, &self.0.symbols)?;
        }
        Ok(())
    }
}

/// The computation token.
struct Token<'a>(&'a Outcome);

impl fmt::Display for Token<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.error() {
            None => write!(f, "<result>{}</result>", self.0.result_display()),
            Some(e) => write!(
                f,
                "<error>{}: {}</error>",
                e.diagnostic.code, e.diagnostic.message
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytelogic_engine::{Code, QueryAnswer, Span, Value};

    fn ran(outputs: Vec<Output>, symbols: Symbols, error: Option<Diagnostic>) -> Outcome {
        let result = RunResult {
            outputs,
            error,
            stats: Stats::default(),
            symbols,
        };
        Outcome::new(
            "RESULT 1\nRESULT 1 / 0\n",
            Vec::new(),
            Some(result),
            INTERPRETER,
            Duration::ZERO,
        )
    }

    #[test]
    fn success_joins_outputs_into_the_result_token() {
        let mut symbols = Symbols::new();
        let bob = symbols.intern("bob");
        let q = Output::Query {
            relation: "parent".into(),
            args: vec![None],
            answer: QueryAnswer::Values(vec![Value::Sym(bob), Value::Int(2)]),
        };
        let o = ran(vec![q, Output::Result(Value::Float(3.5))], symbols, None);
        assert!(o.success());
        assert_eq!(o.result_text(), "bob, 2; 3.5");
        assert_eq!(o.computation_token(), "<result>bob, 2; 3.5</result>");
    }

    #[test]
    fn runtime_error_is_appended_and_keeps_earlier_outputs() {
        let e = Diagnostic::new(Code::E201, Span::new(16, 21), "division by zero");
        let o = ran(vec![Output::Result(Value::Int(1))], Symbols::new(), Some(e));
        assert!(!o.success());
        assert_eq!(o.result_text(), "1");
        assert_eq!(
            o.computation_token(),
            "<error>E201: division by zero</error>"
        );
        let err = o.error().unwrap();
        assert_eq!(
            err.position,
            Position {
                line: 2,
                column: 8,
                end_column: 13
            }
        );
        assert!(o.diagnostics.is_empty());
        assert_eq!(o.all_diagnostics().count(), 1);
    }

    #[test]
    fn check_failure_has_no_outputs_and_reports_the_first_error() {
        let w = Diagnostic::new(Code::W002, Span::new(0, 5), "QUERY before any SOLVE");
        let e1 = Diagnostic::new(Code::E301, Span::new(6, 9), "relation `x` is not declared");
        let e2 = Diagnostic::new(Code::E303, Span::new(10, 12), "arity mismatch");
        let o = Outcome::new(
            "QUERY r\nab cd ef",
            vec![w, e1, e2],
            None,
            INTERPRETER,
            Duration::ZERO,
        );
        assert!(!o.success());
        assert_eq!(o.result_text(), "");
        assert_eq!(o.error().unwrap().diagnostic.code, Code::E301);
        assert_eq!(
            o.computation_token(),
            "<error>E301: relation `x` is not declared</error>"
        );
    }

    #[test]
    fn warnings_alone_are_success() {
        let w = Diagnostic::new(
            Code::W001,
            Span::new(0, 2),
            "literal \\n read as a line break",
        );
        let o = Outcome::new("\\nREL a", vec![w], None, INTERPRETER, Duration::ZERO);
        assert!(o.success());
        assert_eq!(o.computation_token(), "<result></result>");
    }
}
