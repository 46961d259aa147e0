//! JSON rendering: values and outputs at full precision (spec §5.4), diagnostics with
//! the fields of spec §8, and the whole outcome of `bytelogic run --json`.

use crate::outcome::{Flat, Located, Outcome, flatten};
use bytelogic_engine::{Output, QueryAnswer, Symbols, Value};
use serde_json::{Value as Json, json};

/// A value: Ints and Floats as JSON numbers, Symbols as strings.
pub fn value(v: Value, symbols: &Symbols) -> Json {
    match v {
        Value::Int(i) => Json::from(i),
        // Floats are finite (spec §2.3); `Null` only guards against a broken invariant.
        Value::Float(f) => serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number),
        Value::Sym(s) => Json::from(symbols.resolve(s)),
    }
}

fn tuple(t: &[Value], symbols: &Symbols) -> Json {
    Json::Array(t.iter().map(|&v| value(v, symbols)).collect())
}

/// A query answer: a boolean, a list of values, or a list of tuples (arrays).
pub fn answer(a: &QueryAnswer, symbols: &Symbols) -> Json {
    match a {
        QueryAnswer::Truth(b) => Json::Bool(*b),
        QueryAnswer::Values(vs) => Json::Array(vs.iter().map(|&v| value(v, symbols)).collect()),
        QueryAnswer::Tuples(ts) => Json::Array(ts.iter().map(|t| tuple(t, symbols)).collect()),
    }
}

/// One output: `{"kind": "query", "relation", "args", "value"}` (a `?` argument is
/// the string `"?"`) or `{"kind": "result", "value"}`.
pub fn output(o: &Output, symbols: &Symbols) -> Json {
    match o {
        Output::Query {
            relation,
            args,
            answer: a,
        } => json!({
            "kind": "query",
            "relation": relation,
            "args": args
                .iter()
                .map(|arg| arg.map_or_else(|| Json::from("?"), |v| value(v, symbols)))
                .collect::<Vec<_>>(),
            "value": answer(a, symbols),
        }),
        Output::Result(v) => json!({ "kind": "result", "value": value(*v, symbols) }),
    }
}

/// The flat list of the corpus README ([`flatten`]) as JSON: tuples as arrays, truth
/// answers 1 or 0.
pub fn query_results(outputs: &[Output], symbols: &Symbols) -> Vec<Json> {
    flatten(outputs)
        .map(|item| match item {
            Flat::Value(v) => value(v, symbols),
            Flat::Tuple(t) => tuple(t, symbols),
            Flat::Truth(b) => Json::from(u8::from(b)),
        })
        .collect()
}

/// The list of [`query_results`] with truth answers as `true` and `false`, the way
/// `bytelogic validate` shows what a program gave.
pub fn flat_answers(outputs: &[Output], symbols: &Symbols) -> Vec<Json> {
    flatten(outputs)
        .map(|item| match item {
            Flat::Value(v) => value(v, symbols),
            Flat::Tuple(t) => tuple(t, symbols),
            Flat::Truth(b) => Json::Bool(b),
        })
        .collect()
}

/// A diagnostic: `code`, `severity`, `message`, `line`, `column`, `end_column`,
/// `hint` (spec §8), plus `label`, the text under the caret; absent texts are `null`.
pub fn diagnostic(l: &Located) -> Json {
    let d = &l.diagnostic;
    json!({
        "code": d.code.as_str(),
        "severity": d.severity.as_str(),
        "message": d.message,
        "line": l.position.line,
        "column": l.position.column,
        "end_column": l.position.end_column,
        "label": d.label,
        "hint": d.hint,
    })
}

/// The `error` field: `{"code", "message", "line", "column"}`.
pub fn error(l: &Located) -> Json {
    json!({
        "code": l.diagnostic.code.as_str(),
        "message": l.diagnostic.message,
        "line": l.position.line,
        "column": l.position.column,
    })
}

fn diagnostics(o: &Outcome) -> Json {
    Json::Array(o.all_diagnostics().map(diagnostic).collect())
}

/// The outcome of `bytelogic run --json`. `backend` is what ran, `null` when nothing
/// did (the program failed its checks). `fallback` is present only when
/// [`crate::Backend::Auto`] fell back to the interpreter, `wat_code` only when the WAT
/// was asked for and the program has a module (it passed the checks).
pub fn outcome(o: &Outcome) -> Json {
    let mut json = json!({
        "success": o.success(),
        "outputs": o.outputs.iter().map(|out| output(out, &o.symbols)).collect::<Vec<_>>(),
        "query_results": query_results(&o.outputs, &o.symbols),
        "result": o.result_text(),
        "computation_token": o.computation_token(),
        "diagnostics": diagnostics(o),
        "error": o.error().map_or(Json::Null, error),
        "backend": if o.ran() { Json::from(o.backend) } else { Json::Null },
        "stats": {
            "tuples": o.stats.tuples,
            "iterations": o.stats.iterations,
            "steps": o.stats.steps,
            "time_us": u64::try_from(o.elapsed.as_micros()).unwrap_or(u64::MAX),
        },
    });
    if let Json::Object(map) = &mut json {
        if let Some(reason) = &o.fallback {
            map.insert("fallback".to_string(), Json::from(reason.as_str()));
        }
        if let Some(wat) = &o.wat {
            map.insert("wat_code".to_string(), Json::from(wat.as_str()));
        }
    }
    json
}

/// The outcome of `bytelogic check --json`.
pub fn check(o: &Outcome) -> Json {
    json!({ "success": o.success(), "diagnostics": diagnostics(o) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytelogic_engine::{Code, Diagnostic, LineIndex, Span, Tuples};

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
}
