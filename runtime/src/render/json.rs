//! JSON rendering: values and outputs at full precision (spec §5.4), diagnostics with
//! the fields of spec §8, and the whole outcome of `bytelogic run --json`.
//!
//! Each shape is one [`Serialize`] implementation, written straight to a writer
//! ([`write_outcome`]: no tree of JSON values, so an answer of millions of rows takes
//! no more memory to print than its text; docs/decisions.md 107) or turned into a
//! [`serde_json::Value`] ([`outcome`]). Object keys come in alphabetical order, as
//! `serde_json`'s maps keep them, so both forms print the same bytes.

use crate::outcome::{self, Located, Outcome};
use bytelogic_engine::{Output, QueryAnswer, Stats, Symbols, Value};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value as Json;
use serde_json::value::RawValue;
use std::io;

/// A value: Ints and Floats as JSON numbers, Symbols as strings.
pub fn value(v: Value, symbols: &Symbols) -> Json {
    to_json(&Val(v, symbols))
}

/// A query answer: a boolean, a list of values, or a list of tuples (arrays).
pub fn answer(a: &QueryAnswer, symbols: &Symbols) -> Json {
    to_json(&Answer(a, symbols))
}

/// One output: `{"kind": "query", "relation", "args", "value"}` (a `?` argument is
/// the string `"?"`) or `{"kind": "result", "value"}`.
pub fn output(o: &Output, symbols: &Symbols) -> Json {
    to_json(&Out(o, symbols))
}

/// The flat list of the corpus README ([`flatten`]) as JSON: tuples as arrays, truth
/// answers 1 or 0.
pub fn query_results(outputs: &[Output], symbols: &Symbols) -> Vec<Json> {
    flatten(outputs, symbols, truth_as_int)
}

/// A truth answer as the corpus README counts it: 1 or 0.
fn truth_as_int(b: bool) -> Json {
    Json::from(u8::from(b))
}

/// The list of [`query_results`] with truth answers as `true` and `false`, the way
/// `bytelogic validate` shows what a program gave.
pub fn flat_answers(outputs: &[Output], symbols: &Symbols) -> Vec<Json> {
    flatten(outputs, symbols, Json::Bool)
}

/// The flat list, a truth answer written as `truth` gives it.
fn flatten(outputs: &[Output], symbols: &Symbols, truth: fn(bool) -> Json) -> Vec<Json> {
    match to_json(&FlatList(outputs, symbols, truth)) {
        Json::Array(items) => items,
        _ => Vec::new(),
    }
}

/// A diagnostic: `code`, `severity`, `message`, `line`, `column`, `end_column`,
/// `hint` (spec §8), plus `label`, the text under the caret; absent texts are `null`.
pub fn diagnostic(l: &Located) -> Json {
    to_json(&Diag(l))
}

/// The `error` field: `{"code", "message", "line", "column"}`.
pub fn error(l: &Located) -> Json {
    to_json(&Error(l))
}

/// The outcome of `bytelogic run --json`. `backend` is what ran, `null` when nothing
/// did (the program failed its checks). `fallback` is present only when
/// [`crate::Backend::Auto`] fell back to the interpreter, `wat_code` only when the WAT
/// was asked for and the program has a module (it passed the checks), and
/// `diagnostics_omitted` only when the front end found more diagnostics than it keeps.
pub fn outcome(o: &Outcome) -> Json {
    to_json(&Full(o, None))
}

/// The outcome of `bytelogic check --json`.
pub fn check(o: &Outcome) -> Json {
    to_json(&Check(o))
}

/// Writes [`outcome`] to `out` as it is serialized.
pub fn write_outcome(o: &Outcome, out: impl io::Write) -> io::Result<()> {
    serde_json::to_writer(out, &Full(o, None)).map_err(io::Error::from)
}

/// [`write_outcome`] with an `id` field (`serve`): the text of a JSON value as a
/// request wrote it, or `null`.
pub fn write_outcome_with_id(
    o: &Outcome,
    id: Option<&RawValue>,
    out: impl io::Write,
) -> io::Result<()> {
    serde_json::to_writer(out, &Full(o, Some(id))).map_err(io::Error::from)
}

/// Writes [`check`] to `out`.
pub fn write_check(o: &Outcome, out: impl io::Write) -> io::Result<()> {
    serde_json::to_writer(out, &Check(o)).map_err(io::Error::from)
}

/// The value of a shape; `null` only if serializing failed, which these never do.
fn to_json(shape: &impl Serialize) -> Json {
    serde_json::to_value(shape).unwrap_or(Json::Null)
}

struct Val<'a>(Value, &'a Symbols);

impl Serialize for Val<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Int(i) => s.serialize_i64(i),
            // Floats are finite (spec §2.3); `null` only guards against a broken invariant.
            Value::Float(f) if f.is_finite() => s.serialize_f64(f),
            Value::Float(_) => s.serialize_unit(),
            Value::Sym(sym) => s.serialize_str(self.1.resolve(sym)),
        }
    }
}

/// A sequence of `items`.
fn seq<S: Serializer, T: Serialize>(
    s: S,
    len: usize,
    items: impl IntoIterator<Item = T>,
) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(len))?;
    for item in items {
        seq.serialize_element(&item)?;
    }
    seq.end()
}

struct Tuple<'a>(&'a [Value], &'a Symbols);

impl Serialize for Tuple<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        seq(s, self.0.len(), self.0.iter().map(|&v| Val(v, self.1)))
    }
}

struct Answer<'a>(&'a QueryAnswer, &'a Symbols);

impl Serialize for Answer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            QueryAnswer::Truth(b) => s.serialize_bool(*b),
            QueryAnswer::Values(vs) => seq(s, vs.len(), vs.iter().map(|&v| Val(v, self.1))),
            QueryAnswer::Tuples(ts) => seq(s, ts.len(), ts.iter().map(|t| Tuple(t, self.1))),
        }
    }
}

/// A QUERY's arguments: each value, `"?"` for a wildcard.
struct Args<'a>(&'a [Option<Value>], &'a Symbols);

impl Serialize for Args<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for arg in self.0 {
            match arg {
                Some(v) => seq.serialize_element(&Val(*v, self.1))?,
                None => seq.serialize_element("?")?,
            }
        }
        seq.end()
    }
}

struct Out<'a>(&'a Output, &'a Symbols);

impl Serialize for Out<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        match self.0 {
            Output::Query {
                relation,
                args,
                answer,
            } => {
                map.serialize_entry("args", &Args(args, self.1))?;
                map.serialize_entry("kind", "query")?;
                map.serialize_entry("relation", relation)?;
                map.serialize_entry("value", &Answer(answer, self.1))?;
            }
            Output::Result(v) => {
                map.serialize_entry("kind", "result")?;
                map.serialize_entry("value", &Val(*v, self.1))?;
            }
        }
        map.end()
    }
}

/// The flat list of [`query_results`], truth answers written by the function given.
struct FlatList<'a>(&'a [Output], &'a Symbols, fn(bool) -> Json);

impl Serialize for FlatList<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let symbols = self.1;
        let mut seq = s.serialize_seq(None)?;
        for item in outcome::flatten(self.0) {
            match item {
                outcome::Flat::Value(v) => seq.serialize_element(&Val(v, symbols))?,
                outcome::Flat::Tuple(t) => seq.serialize_element(&Tuple(t, symbols))?,
                outcome::Flat::Truth(b) => seq.serialize_element(&(self.2)(b))?,
            }
        }
        seq.end()
    }
}

struct Diag<'a>(&'a Located);

impl Serialize for Diag<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (d, at) = (&self.0.diagnostic, self.0.position);
        let mut map = s.serialize_map(Some(8))?;
        map.serialize_entry("code", d.code.as_str())?;
        map.serialize_entry("column", &at.column)?;
        map.serialize_entry("end_column", &at.end_column)?;
        map.serialize_entry("hint", &d.hint)?;
        map.serialize_entry("label", &d.label)?;
        map.serialize_entry("line", &at.line)?;
        map.serialize_entry("message", &d.message)?;
        map.serialize_entry("severity", d.severity.as_str())?;
        map.end()
    }
}

struct Error<'a>(&'a Located);

impl Serialize for Error<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (d, at) = (&self.0.diagnostic, self.0.position);
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("code", d.code.as_str())?;
        map.serialize_entry("column", &at.column)?;
        map.serialize_entry("line", &at.line)?;
        map.serialize_entry("message", &d.message)?;
        map.end()
    }
}

/// Every diagnostic of an outcome: the front end's, then the runtime error.
struct Diagnostics<'a>(&'a Outcome);

impl Serialize for Diagnostics<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let all = self.0.all_diagnostics();
        seq(s, self.0.diagnostics.len() + 1, all.map(Diag))
    }
}

struct Counters<'a>(&'a Stats, u64);

impl Serialize for Counters<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("iterations", &self.0.iterations)?;
        map.serialize_entry("steps", &self.0.steps)?;
        map.serialize_entry("time_us", &self.1)?;
        map.serialize_entry("tuples", &self.0.tuples)?;
        map.end()
    }
}

/// The outputs of an outcome, each rendered as `Out`.
struct Outputs<'a>(&'a Outcome);

impl Serialize for Outputs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let o = self.0;
        seq(
            s,
            o.outputs.len(),
            o.outputs.iter().map(|out| Out(out, &o.symbols)),
        )
    }
}

/// The outcome, with an `id` when the second field is `Some` (`serve`).
struct Full<'a>(&'a Outcome, Option<Option<&'a RawValue>>);

impl Serialize for Full<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let o = self.0;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("backend", &o.ran().then_some(o.backend))?;
        map.serialize_entry("computation_token", &Token(o))?;
        map.serialize_entry("diagnostics", &Diagnostics(o))?;
        if o.omitted > 0 {
            map.serialize_entry("diagnostics_omitted", &o.omitted)?;
        }
        match o.error() {
            Some(e) => map.serialize_entry("error", &Error(e))?,
            None => map.serialize_entry("error", &())?,
        }
        if let Some(reason) = &o.fallback {
            map.serialize_entry("fallback", reason)?;
        }
        if let Some(id) = self.1 {
            map.serialize_entry("id", &id)?;
        }
        map.serialize_entry("outputs", &Outputs(o))?;
        map.serialize_entry(
            "query_results",
            &FlatList(&o.outputs, &o.symbols, truth_as_int),
        )?;
        map.serialize_entry("result", &Text(o))?;
        let time_us = u64::try_from(o.elapsed.as_micros()).unwrap_or(u64::MAX);
        map.serialize_entry("stats", &Counters(&o.stats, time_us))?;
        map.serialize_entry("success", &o.success())?;
        if let Some(wat) = &o.wat {
            map.serialize_entry("wat_code", wat)?;
        }
        map.end()
    }
}

/// The result text as a JSON string, written as it is made.
struct Text<'a>(&'a Outcome);

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.result_display())
    }
}

/// The computation token as a JSON string, written as it is made.
struct Token<'a>(&'a Outcome);

impl Serialize for Token<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.token_display())
    }
}

struct Check<'a>(&'a Outcome);

impl Serialize for Check<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let o = self.0;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("diagnostics", &Diagnostics(o))?;
        if o.omitted > 0 {
            map.serialize_entry("diagnostics_omitted", &o.omitted)?;
        }
        map.serialize_entry("success", &o.success())?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytelogic_engine::{Code, Diagnostic, LineIndex, Span, Tuples};
    use serde_json::json;

    fn symbols() -> (Symbols, Value, Value) {
        let mut s = Symbols::new();
        let alice = Value::Sym(s.intern("alice"));
        let bob = Value::Sym(s.intern("bob"));
        (s, alice, bob)
    }

    #[test]
    fn values_keep_full_precision() {
        let s = Symbols::new();
        assert_eq!(
            value(Value::Int(i64::MIN), &s).to_string(),
            "-9223372036854775808"
        );
        assert_eq!(
            value(Value::Float(0.1 + 0.2), &s).to_string(),
            "0.30000000000000004"
        );
        assert_eq!(value(Value::Float(1e20), &s), json!(1e20));
    }

    #[test]
    fn outputs_have_kind_relation_args_and_value() {
        let (s, alice, bob) = symbols();
        let q = Output::Query {
            relation: "parent".into(),
            args: vec![Some(alice), None],
            answer: QueryAnswer::Values(vec![bob]),
        };
        assert_eq!(
            output(&q, &s),
            json!({"kind": "query", "relation": "parent", "args": ["alice", "?"], "value": ["bob"]})
        );
        let t = Output::Query {
            relation: "parent".into(),
            args: vec![Some(alice), Some(Value::Int(3))],
            answer: QueryAnswer::Truth(false),
        };
        assert_eq!(output(&t, &s)["args"], json!(["alice", 3]));
        assert_eq!(output(&t, &s)["value"], json!(false));
        let r = Output::Result(Value::Float(2.5));
        assert_eq!(output(&r, &s), json!({"kind": "result", "value": 2.5}));
    }

    #[test]
    fn query_results_flatten_lists_and_truths() {
        let (s, alice, bob) = symbols();
        let query = |answer| Output::Query {
            relation: "r".into(),
            args: vec![None, None],
            answer,
        };
        let outputs = vec![
            query(QueryAnswer::Tuples(Tuples::from_rows(
                2,
                [[alice, bob], [bob, Value::Int(1)]],
            ))),
            query(QueryAnswer::Truth(true)),
            query(QueryAnswer::Truth(false)),
            query(QueryAnswer::Values(vec![alice, bob])),
            query(QueryAnswer::Values(vec![])),
            Output::Result(Value::Int(7)),
        ];
        assert_eq!(
            query_results(&outputs, &s),
            vec![
                json!(["alice", "bob"]),
                json!(["bob", 1]),
                json!(1),
                json!(0),
                json!("alice"),
                json!("bob"),
                json!(7)
            ]
        );
        let shown = flat_answers(&outputs, &s);
        assert_eq!((&shown[2], &shown[3]), (&json!(true), &json!(false)));
    }

    #[test]
    fn diagnostics_carry_the_spec_fields() {
        let src = "REL a\nQUERY b ?\n";
        let d = Diagnostic::new(
            Code::E301,
            Span::new(12, 13),
            "relation `b` is not declared",
        )
        .with_label("did you mean `a`?")
        .with_hint("add `REL b`");
        let l = Located::new(d, &LineIndex::new(src));
        assert_eq!(
            diagnostic(&l),
            json!({
                "code": "E301", "severity": "error", "message": "relation `b` is not declared",
                "line": 2, "column": 7, "end_column": 8,
                "label": "did you mean `a`?", "hint": "add `REL b`",
            })
        );
        assert_eq!(
            error(&l),
            json!({"code": "E301", "message": "relation `b` is not declared", "line": 2, "column": 7})
        );
    }

    #[test]
    fn written_outcomes_are_the_bytes_of_their_values() {
        let (s, alice, bob) = symbols();
        let outputs = vec![
            Output::Query {
                relation: "r".into(),
                args: vec![None, Some(Value::Float(0.1 + 0.2))],
                answer: QueryAnswer::Tuples(Tuples::from_rows(2, [[alice, bob]])),
            },
            Output::Query {
                relation: "s".into(),
                args: vec![Some(bob)],
                answer: QueryAnswer::Truth(true),
            },
            Output::Result(Value::Int(-3)),
        ];
        let source = "RESULT 1 / 0\n";
        let error = Diagnostic::new(Code::E201, Span::new(9, 10), "division by zero: \"1\" / 0")
            .with_hint("a \"hint\"");
        let result = bytelogic_engine::RunResult {
            outputs,
            error: Some(error),
            stats: Stats::default(),
            symbols: s,
        };
        let warning = Diagnostic::new(Code::W001, Span::new(0, 6), "w");
        let mut o = Outcome::new(
            source,
            vec![warning],
            Some(result),
            "wasm",
            Default::default(),
        );
        for (omitted, fallback, wat) in [(0, None, None), (7, Some("why"), Some("(module)"))] {
            o.omitted = omitted;
            o.fallback = fallback.map(str::to_string);
            o.wat = wat.map(str::to_string);
            let mut written = Vec::new();
            write_outcome(&o, &mut written).unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), outcome(&o).to_string());
            let mut written = Vec::new();
            write_check(&o, &mut written).unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), check(&o).to_string());
        }
        assert_eq!(outcome(&o)["diagnostics_omitted"], 7);
        assert_eq!(outcome(&o)["result"], "(alice, bob); true; -3");
    }
}
