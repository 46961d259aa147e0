//! What the pipeline tools return as Python objects: `Diagnostic` (from `check`),
//! `RowReport` and `Summary` (from `validate`), and the functions that need no
//! executor: `check`, `lex` and `vocab`. Every class pickles and compares by value.

use crate::UsageError;
use crate::convert::from_json;
use bytelogic_engine::Limits;
use bytelogic_runtime::render::summary::render;
use bytelogic_runtime::validate::{self, RowReport as Report, Verdict};
use bytelogic_runtime::{Located, Outcome};
use bytelogic_runtime::{lex as lexer, vocab as vocabulary};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use std::time::Duration;

/// One diagnostic of ``check``, with the fields of spec §8: ``code`` (``'E301'``…),
/// ``severity`` (``'error'`` or ``'warning'``), ``message``, ``line``, ``column`` and
/// ``end_column`` (characters, from 1), ``label`` (the text under the carets) and
/// ``hint``, each ``None`` when absent.
#[pyclass(frozen, eq, get_all, module = "bytelogic", name = "Diagnostic")]
#[derive(Clone, PartialEq)]
pub struct Diagnostic {
    code: String,
    severity: String,
    message: String,
    line: u32,
    column: u32,
    end_column: u32,
    label: Option<String>,
    hint: Option<String>,
}

impl Diagnostic {
    fn from_located(l: &Located) -> Diagnostic {
        let d = &l.diagnostic;
        Diagnostic {
            code: d.code.as_str().to_string(),
            severity: d.severity.as_str().to_string(),
            message: d.message.clone(),
            line: l.position.line,
            column: l.position.column,
            end_column: l.position.end_column,
            label: d.label.clone(),
            hint: d.hint.clone(),
        }
    }
}

#[pymethods]
impl Diagnostic {
    #[new]
    #[pyo3(signature = (code, severity, message, line, column, end_column, label = None, hint = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        code: String,
        severity: String,
        message: String,
        line: u32,
        column: u32,
        end_column: u32,
        label: Option<String>,
        hint: Option<String>,
    ) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            message,
            line,
            column,
            end_column,
            label,
            hint,
        }
    }

    /// The diagnostic as the dict of ``bytelogic check --json``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("code", &self.code)?;
        dict.set_item("severity", &self.severity)?;
        dict.set_item("message", &self.message)?;
        dict.set_item("line", self.line)?;
        dict.set_item("column", self.column)?;
        dict.set_item("end_column", self.end_column)?;
        dict.set_item("label", &self.label)?;
        dict.set_item("hint", &self.hint)?;
        Ok(dict)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let d = slf.get();
        let args = (
            &d.code,
            &d.severity,
            &d.message,
            d.line,
            d.column,
            d.end_column,
            &d.label,
            &d.hint,
        );
        Ok((slf.get_type().into_any(), args.into_pyobject(slf.py())?))
    }

    fn __repr__(&self) -> String {
        format!(
            "Diagnostic({:?} {} at {}:{}: {:?})",
            self.code, self.severity, self.line, self.column, self.message
        )
    }

    /// ``error[E301] 2:7: relation `b` is not declared``.
    fn __str__(&self) -> String {
        format!(
            "{}[{}] {}:{}: {}",
            self.severity, self.code, self.line, self.column, self.message
        )
    }
}

/// The verdict on one row of a dataset: ``line`` (from 1), ``id``, ``category``,
/// ``status`` (``'pass'``, ``'wrong'`` or ``'error'``), ``code`` (an error's code,
/// ``'bad_row'`` for a row that cannot be read, else ``None``) and ``message``
/// (``None`` for a pass).
#[pyclass(frozen, eq, module = "bytelogic", name = "RowReport")]
#[derive(Clone, PartialEq)]
pub struct RowReport(Report);

#[pymethods]
impl RowReport {
    #[new]
    #[pyo3(signature = (line, id, category, status, code = None, message = None))]
    fn new(
        line: usize,
        id: String,
        category: String,
        status: &Bound<'_, PyAny>,
        code: Option<String>,
        message: Option<String>,
    ) -> PyResult<RowReport> {
        let status: String = status.extract()?;
        let verdict = match (status.as_str(), code, message) {
            ("pass", None, None) => Verdict::Pass,
            ("wrong", None, Some(reason)) => Verdict::Wrong { reason },
            ("error", Some(code), Some(message)) => Verdict::Error { code, message },
            (status, code, message) => {
                return Err(UsageError::new_err(format!(
                    "a {status:?} row cannot have code {code:?} and message {message:?} \
                     (pass: neither; wrong: a message; error: both)"
                )));
            }
        };
        Ok(RowReport(Report {
            line,
            id,
            category,
            verdict,
        }))
    }

    #[getter]
    fn line(&self) -> usize {
        self.0.line
    }

    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    #[getter]
    fn category(&self) -> &str {
        &self.0.category
    }

    #[getter]
    fn status(&self) -> &'static str {
        match self.0.verdict {
            Verdict::Pass => "pass",
            Verdict::Wrong { .. } => "wrong",
            Verdict::Error { .. } => "error",
        }
    }

    #[getter]
    fn code(&self) -> Option<&str> {
        match &self.0.verdict {
            Verdict::Error { code, .. } => Some(code),
            _ => None,
        }
    }

    #[getter]
    fn message(&self) -> Option<&str> {
        match &self.0.verdict {
            Verdict::Pass => None,
            Verdict::Wrong { reason } => Some(reason),
            Verdict::Error { message, .. } => Some(message),
        }
    }

    /// The row's line of ``bytelogic validate --report``, as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        from_json(py, &self.0.to_json())
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let r = slf.get();
        let args = (
            r.line(),
            r.id(),
            r.category(),
            r.status(),
            r.code(),
            r.message(),
        );
        Ok((slf.get_type().into_any(), args.into_pyobject(slf.py())?))
    }

    fn __repr__(&self) -> String {
        format!(
            "RowReport(line={}, id={:?}, status={:?})",
            self.0.line,
            self.0.id,
            self.status()
        )
    }
}

/// The result of validating a dataset: counts (``passed``, ``wrong``, ``errors``,
/// ``rows``), ``by_code`` (error rows per code), ``by_category`` (per category,
/// ``(rows, failed)``), every row's ``RowReport`` in line order (``reports``) and the
/// ``elapsed`` seconds. ``text()`` is the summary ``bytelogic validate`` prints.
/// ``Summary(reports, elapsed)`` counts any reports, so shards validated apart (on a
/// cluster) make one summary with ``Summary.merge``.
#[pyclass(frozen, module = "bytelogic", name = "Summary")]
pub struct Summary {
    reports: Vec<Report>,
    counts: validate::Summary,
    elapsed: f64,
}

impl Summary {
    /// Counts `reports` (sorted by line here).
    pub fn new(mut reports: Vec<Report>, elapsed: f64) -> Summary {
        reports.sort_by_key(|r| r.line);
        Summary {
            counts: validate::Summary::new(&reports),
            reports,
            elapsed,
        }
    }
}

#[pymethods]
impl Summary {
    #[new]
    #[pyo3(signature = (reports, elapsed = 0.0))]
    fn py_new(reports: Vec<PyRef<'_, RowReport>>, elapsed: f64) -> Summary {
        Summary::new(reports.iter().map(|r| r.0.clone()).collect(), elapsed)
    }

    /// One summary of the rows of several (shards of one dataset); ``elapsed``
    /// defaults to the longest part's.
    #[staticmethod]
    #[pyo3(signature = (parts, elapsed = None))]
    fn merge(parts: Vec<PyRef<'_, Summary>>, elapsed: Option<f64>) -> Summary {
        let longest = parts.iter().map(|p| p.elapsed).fold(0.0, f64::max);
        let reports = parts.iter().flat_map(|p| p.reports.iter().cloned());
        Summary::new(reports.collect(), elapsed.unwrap_or(longest))
    }

    #[getter]
    fn passed(&self) -> usize {
        self.counts.passed
    }

    #[getter]
    fn wrong(&self) -> usize {
        self.counts.wrong
    }

    #[getter]
    fn errors(&self) -> usize {
        self.counts.errors
    }

    #[getter]
    fn rows(&self) -> usize {
        self.counts.rows()
    }

    #[getter]
    fn elapsed(&self) -> f64 {
        self.elapsed
    }

    #[getter]
    fn by_code<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (code, n) in &self.counts.by_code {
            dict.set_item(code, n)?;
        }
        Ok(dict)
    }

    #[getter]
    fn by_category<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (category, counts) in &self.counts.by_category {
            dict.set_item(category, *counts)?;
        }
        Ok(dict)
    }

    #[getter]
    fn reports<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.reports.iter().map(|r| RowReport(r.clone())))
    }

    /// The summary ``bytelogic validate`` prints: counts and time, errors by code,
    /// rows and failures by category, then each failing row.
    fn text(&self) -> String {
        let elapsed = Duration::try_from_secs_f64(self.elapsed).unwrap_or_default();
        render(&self.counts, &self.reports, elapsed)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let s = slf.get();
        let args = (s.reports(slf.py())?, s.elapsed);
        Ok((slf.get_type().into_any(), args.into_pyobject(slf.py())?))
    }

    /// Equal when the rows are (the time is not compared).
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Summary>()
            .is_ok_and(|o| o.get().reports == self.reports)
    }

    fn __repr__(&self) -> String {
        format!(
            "Summary(rows={}, passed={}, wrong={}, errors={})",
            self.rows(),
            self.passed(),
            self.wrong(),
            self.errors()
        )
    }
}

/// The diagnostics of ``code`` (errors and warnings, in source order) without running
/// it, as ``bytelogic check`` finds them.
#[pyfunction]
pub fn check(py: Python<'_>, code: String) -> Vec<Diagnostic> {
    py.detach(|| {
        let outcome = Outcome::check(&code, &Limits::default());
        outcome
            .all_diagnostics()
            .map(Diagnostic::from_located)
            .collect()
    })
}

/// Every token of ``code`` as the engine's lexer splits it (whitespace and comments
/// too; the texts concatenate to ``code``): dicts ``{'kind', 'text', 'line',
/// 'column'}``, as ``bytelogic lex --json`` prints them.
#[pyfunction]
pub fn lex(py: Python<'_>, code: String) -> PyResult<Bound<'_, PyAny>> {
    let tokens = py.detach(|| lexer::to_json(&lexer::lex(&code)));
    from_json(py, &tokens)
}

/// The vocabulary for tokenizers: ``{'keywords', 'operators', 'word_operators',
/// 'builtins', 'aggregates', 'special_tokens'}``, as ``bytelogic vocab --json`` prints it.
#[pyfunction]
pub fn vocab(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    from_json(py, &vocabulary::vocabulary())
}
