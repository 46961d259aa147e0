//! Values between Python and Rust: Python arguments to JSON (so that `inputs` and
//! `limits` are read by the same code as `serve` and `--input`, with the same
//! messages), JSON to Python (`limits`, `vocab`, `lex`, the outcome of an unsupported
//! program), and program values
//! to Python's own types (docs/decisions.md 163).

use crate::UsageError;
use bytelogic_engine::{Symbols, Value};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Value as Json};

/// How deeply nested an argument may be: deeper (or self-containing) structures are a
/// usage error instead of a stack overflow.
const MAX_DEPTH: usize = 64;

/// `value` as JSON: `None`, `bool`, `int`, `float` (finite), `str`, lists and tuples,
/// and dicts with `str` keys. `what` names the argument in messages.
pub fn to_json(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Json> {
    json_at(value, what, 0)
}

fn json_at(value: &Bound<'_, PyAny>, what: &str, depth: usize) -> PyResult<Json> {
    if depth > MAX_DEPTH {
        return Err(UsageError::new_err(format!(
            "{what} is nested more than {MAX_DEPTH} levels deep"
        )));
    }
    if value.is_none() {
        return Ok(Json::Null);
    }
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Json::Bool(b.is_true()));
    }
    if value.is_instance_of::<PyInt>() {
        if let Ok(i) = value.extract::<i64>() {
            return Ok(Json::from(i));
        }
        if let Ok(u) = value.extract::<u64>() {
            return Ok(Json::from(u));
        }
        let f: f64 = value.extract()?;
        return finite(f, what);
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return finite(f.value(), what);
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Json::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = value.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            let key = k.cast::<PyString>().map_err(|_| {
                UsageError::new_err(format!("{what} has a key that is not a string: {k}"))
            })?;
            map.insert(key.to_cow()?.into_owned(), json_at(&v, what, depth + 1)?);
        }
        return Ok(Json::Object(map));
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let items = value
            .try_iter()?
            .map(|item| json_at(&item?, what, depth + 1))
            .collect::<PyResult<_>>()?;
        return Ok(Json::Array(items));
    }
    Err(UsageError::new_err(format!(
        "{what} cannot hold a value of type {}: {value}",
        value.get_type().name()?
    )))
}

fn finite(f: f64, what: &str) -> PyResult<Json> {
    serde_json::Number::from_f64(f)
        .map(Json::Number)
        .ok_or_else(|| UsageError::new_err(format!("{what} holds {f}, not a finite number")))
}

/// JSON as Python: objects as dicts, arrays as lists, integers as `int`.
pub fn from_json<'py>(py: Python<'py>, json: &Json) -> PyResult<Bound<'py, PyAny>> {
    Ok(match json {
        Json::Null => py.None().into_bound(py),
        Json::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Json::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Json::String(s) => PyString::new(py, s).into_any(),
        Json::Array(items) => {
            let items = items.iter().map(|item| from_json(py, item));
            PyList::new(py, items.collect::<PyResult<Vec<_>>>()?)?.into_any()
        }
        Json::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, from_json(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// A program value: `int`, `float` or `str`.
pub fn value<'py>(py: Python<'py>, v: Value, symbols: &Symbols) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Int(i) => i.into_pyobject(py)?.into_any(),
        Value::Float(f) => f.into_pyobject(py)?.into_any(),
        Value::Sym(s) => PyString::new(py, symbols.resolve(s)).into_any(),
    })
}
