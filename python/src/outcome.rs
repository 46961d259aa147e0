//! The dict `execute_bytelogic` returns, built straight from the [`Outcome`] with PyO3:
//! interned keys, each text rendered once and shared where two keys hold it, no serde
//! detour (docs/decisions.md 170).
//!
//! Its `outcome` entry is the JSON of `bytelogic run --json`
//! (`bytelogic_runtime::render::json::outcome`) as Python objects: the same keys in the
//! same order, lists for arrays, 1/0 for truth answers among `query_results`, `None` for
//! `null`. `python/tests/test_outcome.py` compares it with that JSON, as `serve` sends
//! it, for every corpus row.

use crate::convert::value;
use bytelogic_engine::{Output, QueryAnswer, Symbols, Value};
use bytelogic_runtime::Outcome;
use bytelogic_runtime::outcome::{Flat, Located, flatten};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString, PyTuple};

/// The texts of a call, made into Python strings once.
pub struct Texts<'py> {
    /// `result`: the outputs in text form joined with `; `.
    pub result: Bound<'py, PyString>,
    /// `computation_token`.
    pub token: Bound<'py, PyString>,
    /// `error`: `"CODE: message"`, or `None`.
    pub error: Option<Bound<'py, PyString>>,
}

/// The entries `query_results` and `calculation_result` of the result dict, and the
/// JSON outcome's `query_results`, which holds the same values (tuples as lists, truth
/// answers as 1 and 0).
pub struct Answers<'py> {
    /// The flat list in Python's types.
    pub flat: Bound<'py, PyList>,
    /// The same list as JSON has it.
    pub json: Bound<'py, PyList>,
    /// The last RESULT's value.
    pub last: Option<Bound<'py, PyAny>>,
}

impl<'py> Answers<'py> {
    /// The answers of `o`.
    pub fn of(py: Python<'py>, o: &Outcome) -> PyResult<Answers<'py>> {
        let mut flat = Vec::new();
        let mut json = Vec::new();
        for item in flatten(&o.outputs) {
            match item {
                Flat::Value(v) => {
                    let v = value(py, v, &o.symbols)?;
                    json.push(v.clone());
                    flat.push(v);
                }
                Flat::Tuple(t) => {
                    let items = t
                        .iter()
                        .map(|&v| value(py, v, &o.symbols))
                        .collect::<PyResult<Vec<_>>>()?;
                    json.push(PyList::new(py, &items)?.into_any());
                    flat.push(PyTuple::new(py, items)?.into_any());
                }
                Flat::Truth(b) => {
                    json.push(u8::from(b).into_pyobject(py)?.into_any());
                    flat.push(PyBool::new(py, b).to_owned().into_any());
                }
            }
        }
        let last = o.outputs.iter().rev().find_map(|out| match out {
            Output::Result(v) => Some(value(py, *v, &o.symbols)),
            Output::Query { .. } => None,
        });
        Ok(Answers {
            flat: PyList::new(py, flat)?,
            json: PyList::new(py, json)?,
            last: last.transpose()?,
        })
    }
}

/// The JSON outcome of `o` as a dict; `texts` are its `result` and `computation_token`,
/// `answers` its `query_results`.
pub fn outcome_dict<'py>(
    py: Python<'py>,
    o: &Outcome,
    texts: &Texts<'py>,
    answers: &Answers<'py>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "backend"), o.ran().then_some(o.backend))?;
    dict.set_item(intern!(py, "computation_token"), &texts.token)?;
    let diagnostics = o.all_diagnostics().map(|l| diagnostic(py, l));
    let diagnostics = PyList::new(py, diagnostics.collect::<PyResult<Vec<_>>>()?)?;
    dict.set_item(intern!(py, "diagnostics"), diagnostics)?;
    if o.omitted > 0 {
        dict.set_item(intern!(py, "diagnostics_omitted"), o.omitted)?;
    }
    dict.set_item(
        intern!(py, "error"),
        o.error().map(|e| error(py, e)).transpose()?,
    )?;
    if let Some(reason) = &o.fallback {
        dict.set_item(intern!(py, "fallback"), reason)?;
    }
    let outputs = o.outputs.iter().map(|out| output(py, out, &o.symbols));
    let outputs = PyList::new(py, outputs.collect::<PyResult<Vec<_>>>()?)?;
    dict.set_item(intern!(py, "outputs"), outputs)?;
    dict.set_item(intern!(py, "query_results"), &answers.json)?;
    dict.set_item(intern!(py, "result"), &texts.result)?;
    let stats = PyDict::new(py);
    stats.set_item(intern!(py, "iterations"), o.stats.iterations)?;
    stats.set_item(intern!(py, "steps"), o.stats.steps)?;
    let time_us = u64::try_from(o.elapsed.as_micros()).unwrap_or(u64::MAX);
    stats.set_item(intern!(py, "time_us"), time_us)?;
    stats.set_item(intern!(py, "tuples"), o.stats.tuples)?;
    dict.set_item(intern!(py, "stats"), stats)?;
    dict.set_item(intern!(py, "success"), o.success())?;
    if let Some(wat) = &o.wat {
        dict.set_item(intern!(py, "wat_code"), wat)?;
    }
    Ok(dict)
}

/// A value as JSON has it: a non-finite Float (which a program never makes, spec §2.3)
/// is `None`, as JSON's `null`.
fn json_value<'py>(py: Python<'py>, v: Value, symbols: &Symbols) -> PyResult<Bound<'py, PyAny>> {
    match v {
        Value::Float(f) if !f.is_finite() => Ok(py.None().into_bound(py)),
        v => value(py, v, symbols),
    }
}

/// A list of values as JSON has them.
fn json_values<'py>(
    py: Python<'py>,
    values: impl IntoIterator<Item = Value>,
    symbols: &Symbols,
) -> PyResult<Bound<'py, PyList>> {
    let items = values.into_iter().map(|v| json_value(py, v, symbols));
    PyList::new(py, items.collect::<PyResult<Vec<_>>>()?)
}

/// One output: `{"args", "kind": "query", "relation", "value"}` or `{"kind": "result",
/// "value"}`.
fn output<'py>(py: Python<'py>, o: &Output, symbols: &Symbols) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    match o {
        Output::Query {
            relation,
            args,
            answer,
        } => {
            let args = args.iter().map(|arg| match arg {
                Some(v) => json_value(py, *v, symbols),
                None => Ok(intern!(py, "?").clone().into_any()),
            });
            let args = PyList::new(py, args.collect::<PyResult<Vec<_>>>()?)?;
            dict.set_item(intern!(py, "args"), args)?;
            dict.set_item(intern!(py, "kind"), intern!(py, "query"))?;
            dict.set_item(intern!(py, "relation"), relation)?;
            let answer = match answer {
                QueryAnswer::Truth(b) => PyBool::new(py, *b).to_owned().into_any(),
                QueryAnswer::Values(vs) => json_values(py, vs.iter().copied(), symbols)?.into_any(),
                QueryAnswer::Tuples(ts) => {
                    let tuples = ts
                        .iter()
                        .map(|t| json_values(py, t.iter().copied(), symbols));
                    PyList::new(py, tuples.collect::<PyResult<Vec<_>>>()?)?.into_any()
                }
            };
            dict.set_item(intern!(py, "value"), answer)?;
        }
        Output::Result(v) => {
            dict.set_item(intern!(py, "kind"), intern!(py, "result"))?;
            dict.set_item(intern!(py, "value"), json_value(py, *v, symbols)?)?;
        }
    }
    Ok(dict)
}

/// A diagnostic: `code`, `column`, `end_column`, `hint`, `label`, `line`, `message`,
/// `severity` (spec §8).
fn diagnostic<'py>(py: Python<'py>, l: &Located) -> PyResult<Bound<'py, PyDict>> {
    let (d, at) = (&l.diagnostic, l.position);
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "code"), d.code.as_str())?;
    dict.set_item(intern!(py, "column"), at.column)?;
    dict.set_item(intern!(py, "end_column"), at.end_column)?;
    dict.set_item(intern!(py, "hint"), &d.hint)?;
    dict.set_item(intern!(py, "label"), &d.label)?;
    dict.set_item(intern!(py, "line"), at.line)?;
    dict.set_item(intern!(py, "message"), &d.message)?;
    dict.set_item(intern!(py, "severity"), d.severity.as_str())?;
    Ok(dict)
}

/// The `error` entry: `code`, `column`, `line`, `message`.
fn error<'py>(py: Python<'py>, l: &Located) -> PyResult<Bound<'py, PyDict>> {
    let (d, at) = (&l.diagnostic, l.position);
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "code"), d.code.as_str())?;
    dict.set_item(intern!(py, "column"), at.column)?;
    dict.set_item(intern!(py, "line"), at.line)?;
    dict.set_item(intern!(py, "message"), &d.message)?;
    Ok(dict)
}
