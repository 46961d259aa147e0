//! `ByteLogicExecutor`: runs programs, texts with `<computation>` blocks, datasets and
//! WAT modules, releasing the GIL while the work is done in Rust.
//!
//! Every executor of a process shares one Rust [`Executor`] (its wasmtime engines and
//! module cache); a process forked from the one that made it makes its own
//! (docs/decisions.md 161). Pickling an executor pickles its settings only.

use crate::UsageError;
use crate::convert::{from_json, to_json};
use crate::outcome::{Answers, Texts, outcome_dict};
use crate::records::Summary;
use bytelogic_engine::Limits;
use bytelogic_runtime::serve::{UNSUPPORTED, error_response};
use bytelogic_runtime::tokens::{TokenOptions, process_text};
use bytelogic_runtime::validate::{ValidateOptions, validate};
use bytelogic_runtime::wasm::compute::{self, ComputeValue};
use bytelogic_runtime::{Backend, Executor, Options, Outcome};
use pyo3::exceptions::PyDeprecationWarning;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use serde_json::{Map, Value as Json, json};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

/// The process's executor, made on first use.
static PROCESS: Mutex<Option<Arc<Executor>>> = Mutex::new(None);

/// The executor of this process, made on first use (and again in a forked child, see
/// [`_after_fork`]).
fn process_executor() -> Arc<Executor> {
    let mut slot = PROCESS.lock().unwrap_or_else(PoisonError::into_inner);
    Arc::clone(slot.get_or_insert_with(|| Arc::new(Executor::new())))
}

/// Run in a child process after a fork (registered with `os.register_at_fork`, which
/// `os.fork`, `multiprocessing` and C code that forks properly all run): the parent's
/// epoch ticker threads do not exist there, so its executor's time limits would not
/// fire, and the child makes its own on first use. The parent's executor is left alone,
/// never dropped in the child (docs/decisions.md 161, 172). A fork happens with the GIL
/// held, and `PROCESS` is locked only with the GIL held, so it is not locked here.
#[pyfunction]
pub fn _after_fork() {
    let inherited = PROCESS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    std::mem::forget(inherited);
}

/// The names of the backends, as `serve` takes them (`interp`, the CLI's, too).
fn backend(name: &str) -> PyResult<Backend> {
    match name {
        "auto" => Ok(Backend::Auto),
        "wasm" => Ok(Backend::Wasm),
        "interpreter" | "interp" => Ok(Backend::Interpreter),
        other => Err(UsageError::new_err(format!(
            "backend must be 'auto', 'wasm' or 'interpreter', not {other:?}"
        ))),
    }
}

fn backend_name(backend: Backend) -> &'static str {
    match backend {
        Backend::Auto => "auto",
        Backend::Wasm => "wasm",
        Backend::Interpreter => "interpreter",
    }
}

/// `limits` as the dict `serve` takes: the names of the `run` flags.
fn limits_json(l: &Limits) -> Json {
    json!({
        "max_steps": l.max_steps, "max_tuples": l.max_tuples, "max_depth": l.max_depth,
        "timeout_ms": l.timeout_ms, "max_memory_mb": l.max_memory_mb,
        "max_source_kb": l.max_source_kb,
    })
}

/// The limits dict argument `over` as JSON: `{}` when it is absent.
fn limits_arg(over: Option<&Bound<'_, PyAny>>) -> PyResult<Map<String, Json>> {
    match over.filter(|o| !o.is_none()).map(|o| to_json(o, "limits")) {
        None => Ok(Map::new()),
        Some(Ok(Json::Object(map))) => Ok(map),
        Some(Ok(other)) => Err(UsageError::new_err(format!(
            "limits must be a dict such as {{'max_steps': 1000, 'timeout_ms': 200}}, not {other}"
        ))),
        Some(Err(e)) => Err(e),
    }
}

/// `base` with the entries of `over` replaced, read as `serve` reads a request's limits.
fn merged(base: &Limits, over: Map<String, Json>) -> PyResult<Limits> {
    if over.is_empty() {
        return Ok(*base);
    }
    let mut all = limits_json(base);
    if let Json::Object(map) = &mut all {
        map.extend(over);
    }
    bytelogic_runtime::serve::limits(Some(&all)).map_err(|(_, m)| UsageError::new_err(m))
}

/// Runs ByteLogic programs, texts, datasets and WAT modules in this process.
///
/// ``backend`` is ``'auto'`` (compiled to WebAssembly, the interpreter when that
/// cannot run a program), ``'wasm'`` or ``'interpreter'``; ``limits`` a dict with the
/// names of the ``bytelogic run`` flags (``max_steps``, ``max_tuples``, ``max_depth``,
/// ``timeout_ms``, ``max_memory_mb``, ``max_source_kb``), each defaulting to the
/// engine's default; ``timeout`` the time limit in seconds; ``cache_enabled=False``
/// keeps nothing between calls (each call starts its own engine). ``bytelogic_path``
/// is accepted and ignored (with a ``DeprecationWarning``): nothing runs in a
/// subprocess. Bad arguments raise ``UsageError``; a program that fails is a result.
#[pyclass(frozen, module = "bytelogic", name = "ByteLogicExecutor")]
pub struct ByteLogicExecutor {
    backend: Backend,
    limits: Limits,
    cache_enabled: bool,
}

impl ByteLogicExecutor {
    /// The executor a call uses: the process's, or a new one without a cache.
    fn executor(&self) -> Arc<Executor> {
        if self.cache_enabled {
            process_executor()
        } else {
            Arc::new(Executor::new())
        }
    }

    /// The options of one call: this executor's, with the call's `limits` and
    /// `backend` replacing them where given.
    fn options(
        &self,
        limits: Option<&Bound<'_, PyAny>>,
        backend_override: Option<&str>,
    ) -> PyResult<Options> {
        Ok(Options {
            backend: backend_override.map_or(Ok(self.backend), backend)?,
            limits: merged(&self.limits, limits_arg(limits)?)?,
            ..Options::default()
        })
    }

    /// The options and the executor a `TokenStream` runs its blocks with.
    pub fn run_with(&self) -> PyResult<(Options, Arc<Executor>)> {
        Ok((self.options(None, None)?, self.executor()))
    }

    /// Those of `ByteLogicExecutor()`.
    pub fn default_run() -> (Options, Arc<Executor>) {
        (Options::default(), process_executor())
    }

    /// Validates the JSONL bytes `data` whose first line is line `first_line` of its
    /// file (blank lines before it keep the numbering: they are not rows).
    fn validate_bytes(
        &self,
        py: Python<'_>,
        mut data: Vec<u8>,
        first_line: usize,
        program_field: String,
        expected_field: String,
    ) -> PyResult<Summary> {
        if first_line == 0 {
            return Err(UsageError::new_err("first_line counts from 1"));
        }
        data.splice(0..0, std::iter::repeat_n(b'\n', first_line - 1));
        let options = ValidateOptions {
            program_field,
            expected_field,
            run: self.options(None, None)?,
        };
        let executor = self.executor();
        let start = Instant::now();
        let reports = py.detach(|| validate(&data, &options, &executor, || {}));
        Ok(Summary::new(reports, start.elapsed().as_secs_f64()))
    }
}

#[pymethods]
impl ByteLogicExecutor {
    #[new]
    #[pyo3(signature = (backend = None, limits = None, timeout = None, cache_enabled = true, bytelogic_path = None))]
    #[pyo3(
        text_signature = "(backend='auto', limits=None, timeout=None, cache_enabled=True, bytelogic_path=None)"
    )]
    fn new(
        py: Python<'_>,
        backend: Option<String>,
        limits: Option<&Bound<'_, PyAny>>,
        timeout: Option<f64>,
        cache_enabled: bool,
        bytelogic_path: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<ByteLogicExecutor> {
        if bytelogic_path.is_some_and(|p| !p.is_none()) {
            let category = py.get_type::<PyDeprecationWarning>();
            PyErr::warn(
                py,
                &category,
                c"bytelogic_path is ignored: ByteLogic runs in this process, not in a subprocess",
                1,
            )?;
        }
        let mut over = limits_arg(limits)?;
        if let Some(seconds) = timeout {
            if over.contains_key("timeout_ms") {
                return Err(UsageError::new_err(
                    "give the time limit once: timeout (seconds) or limits['timeout_ms']",
                ));
            }
            if !(seconds.is_finite() && seconds >= 0.0) {
                return Err(UsageError::new_err(format!(
                    "timeout must be a non-negative number of seconds, not {seconds}"
                )));
            }
            let ms = (seconds * 1000.0).round() as u64;
            over.insert("timeout_ms".to_string(), Json::from(ms));
        }
        let limits = merged(&Limits::default(), over)?;
        Ok(ByteLogicExecutor {
            backend: self::backend(backend.as_deref().unwrap_or("auto"))?,
            limits,
            cache_enabled,
        })
    }

    /// The backend: ``'auto'``, ``'wasm'`` or ``'interpreter'``.
    #[getter]
    fn backend(&self) -> &'static str {
        backend_name(self.backend)
    }

    /// The limits every call runs under (a new dict; calls may override entries).
    #[getter]
    fn limits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        from_json(py, &limits_json(&self.limits))
    }

    /// Whether compiled modules are kept between calls.
    #[getter]
    fn cache_enabled(&self) -> bool {
        self.cache_enabled
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "ByteLogicExecutor(backend='{}', limits={}, cache_enabled={})",
            self.backend(),
            self.limits(py)?.repr()?,
            if self.cache_enabled { "True" } else { "False" }
        ))
    }

    /// Pickles the settings; the receiving process uses its own engine.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let this = slf.get();
        let args = (
            this.backend(),
            this.limits(py)?,
            py.None(),
            this.cache_enabled,
        );
        Ok((slf.get_type().into_any(), args.into_pyobject(py)?))
    }

    /// Runs ``bl_code`` and returns a dict: ``success``, ``result`` (the text of all
    /// outputs joined with ``'; '``), ``query_results`` (the flat list of outputs:
    /// values, tuples as ``tuple``, truth answers as ``bool``), ``computation_token``
    /// (``'<result>…</result>'`` or ``'<error>CODE: message</error>'``), ``wat_code``
    /// (the module's WebAssembly text when ``wat=True``, else ``None``), ``error``
    /// (``None`` or ``'CODE: message'``), ``execution_time_ms``,
    /// ``calculation_result`` (the last RESULT's value or ``None``) and ``outcome``
    /// (the JSON outcome of ``bytelogic run --json`` as a dict). ``inputs`` is
    /// ``{'relation': [[value, ...], ...]}``, injected after the declarations;
    /// ``limits`` and ``backend`` override the executor's for this call.
    #[pyo3(signature = (bl_code, inputs = None, wat = false, *, limits = None, backend = None))]
    fn execute_bytelogic<'py>(
        &self,
        py: Python<'py>,
        bl_code: String,
        inputs: Option<&Bound<'py, PyAny>>,
        wat: bool,
        limits: Option<&Bound<'py, PyAny>>,
        backend: Option<String>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let start = Instant::now();
        let mut options = self.options(limits, backend.as_deref())?;
        options.want_wat = wat;
        if let Some(inputs) = inputs.filter(|i| !i.is_none()) {
            options.inputs = bytelogic_runtime::inputs::parse(&to_json(inputs, "inputs")?)
                .map_err(UsageError::new_err)?;
        }
        let executor = self.executor();
        let ran = py.detach(|| Ran::new(executor.execute(&bl_code, &options)));
        ran.into_dict(py, start)
    }

    /// ``text`` with every ``<computation>…</computation>`` block replaced by its
    /// ``<result>…</result>`` or ``<error>…</error>`` (the block kept before its
    /// answer when ``keep``); ``bytelogic tokens``.
    #[pyo3(signature = (text, keep = false, *, limits = None, backend = None))]
    fn process_text(
        &self,
        py: Python<'_>,
        text: String,
        keep: bool,
        limits: Option<&Bound<'_, PyAny>>,
        backend: Option<String>,
    ) -> PyResult<String> {
        let options = TokenOptions {
            run: self.options(limits, backend.as_deref())?,
            keep,
        };
        let executor = self.executor();
        Ok(py.detach(|| process_text(&text, &options, &executor).text))
    }

    /// Validates the JSONL dataset at ``path`` as ``bytelogic validate`` does (rows in
    /// parallel) and returns its ``Summary``.
    #[pyo3(signature = (path, program_field = String::from("program"), expected_field = String::from("expected")))]
    #[pyo3(text_signature = "($self, path, program_field='program', expected_field='expected')")]
    fn validate(
        &self,
        py: Python<'_>,
        path: std::path::PathBuf,
        program_field: String,
        expected_field: String,
    ) -> PyResult<Summary> {
        let data = std::fs::read(&path)
            .map_err(|e| UsageError::new_err(format!("cannot read `{}`: {e}", path.display())))?;
        self.validate_bytes(py, data, 1, program_field, expected_field)
    }

    /// Validates JSONL rows given as ``str`` or ``bytes`` (a shard of a dataset whose
    /// first line is line ``first_line`` of its file) and returns their ``Summary``.
    #[pyo3(signature = (data, first_line = 1, program_field = String::from("program"), expected_field = String::from("expected")))]
    #[pyo3(
        text_signature = "($self, data, first_line=1, program_field='program', expected_field='expected')"
    )]
    fn validate_data(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        first_line: usize,
        program_field: String,
        expected_field: String,
    ) -> PyResult<Summary> {
        let data = text_or_bytes(data, "data")?;
        self.validate_bytes(py, data, first_line, program_field, expected_field)
    }

    /// Runs the ``compute`` function of a WebAssembly module (``wat_code``: text or
    /// binary) with the numbers ``inputs`` (a sequence, or a dict's values in order)
    /// as its f64 arguments, in a sandbox: no imports, the executor's time and memory
    /// limits. Returns ``{'success', 'result', 'error', 'computed_token'}``; a module
    /// that fails is a result with ``error`` ``'CODE: message'``.
    #[pyo3(signature = (wat_code, inputs = None, *, limits = None))]
    fn execute_wat<'py>(
        &self,
        py: Python<'py>,
        wat_code: &Bound<'py, PyAny>,
        inputs: Option<&Bound<'py, PyAny>>,
        limits: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let module = text_or_bytes(wat_code, "wat_code")?;
        let args = wat_arguments(inputs)?;
        let limits = merged(&self.limits, limits_arg(limits)?)?;
        let executor = self.executor();
        let computed = py.detach(|| compute::execute_wat(&executor, &module, &args, &limits));
        let dict = PyDict::new(py);
        dict.set_item(intern!(py, "success"), computed.is_ok())?;
        let result = match &computed {
            Ok(ComputeValue::F64(f)) => f.into_pyobject(py)?.into_any(),
            Ok(ComputeValue::I32(i)) => i.into_pyobject(py)?.into_any(),
            Ok(ComputeValue::I64(i)) => i.into_pyobject(py)?.into_any(),
            Err(_) => py.None().into_bound(py),
        };
        dict.set_item(intern!(py, "result"), result)?;
        let error = computed.as_ref().err().map(ToString::to_string);
        dict.set_item(intern!(py, "error"), error)?;
        dict.set_item(intern!(py, "computed_token"), compute::token(&computed))?;
        Ok(dict)
    }
}

/// The bytes of an argument that is `str` (UTF-8) or `bytes`.
pub fn text_or_bytes(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<u8>> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    if let Ok(b) = value.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(UsageError::new_err(format!(
        "{what} must be str or bytes, not {}",
        value.get_type().name()?
    )))
}

/// The arguments of `compute`: numbers (not booleans) from a sequence or a dict's values.
fn wat_arguments(inputs: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<f64>> {
    let Some(inputs) = inputs.filter(|i| !i.is_none()) else {
        return Ok(Vec::new());
    };
    let values = match to_json(inputs, "inputs")? {
        Json::Array(values) => values,
        Json::Object(map) => map.into_iter().map(|(_, v)| v).collect(),
        other => {
            return Err(UsageError::new_err(format!(
                "inputs must be a sequence of numbers (or a dict of them), not {other}"
            )));
        }
    };
    values
        .iter()
        .map(|v| match v {
            Json::Number(n) => Ok(n.as_f64().unwrap_or(f64::NAN)),
            other => Err(UsageError::new_err(format!(
                "an argument of compute must be a number, not {other}"
            ))),
        })
        .collect()
}

/// What a call produced, prepared without the GIL: the outcome, or the JSON outcome
/// that says why the chosen backend could not run the program, and its texts.
struct Ran {
    outcome: Result<Outcome, Json>,
    result: String,
    token: String,
    error: Option<String>,
}

impl Ran {
    fn new(run: Result<Outcome, bytelogic_runtime::wasm::WasmError>) -> Ran {
        let (outcome, result, error) = match run {
            Ok(outcome) => {
                let error = outcome
                    .error()
                    .map(|e| format!("{}: {}", e.diagnostic.code.as_str(), e.diagnostic.message));
                let result = outcome.result_text();
                (Ok(outcome), result, error)
            }
            Err(e) => {
                let mut json = error_response(None, UNSUPPORTED, &e.to_string()).json();
                if let Json::Object(map) = &mut json {
                    map.remove("id");
                }
                (
                    Err(json),
                    String::new(),
                    Some(format!("{UNSUPPORTED}: {e}")),
                )
            }
        };
        // The token of `Outcome::computation_token`, from the texts already made.
        let token = match &error {
            None => format!("<result>{result}</result>"),
            Some(error) => format!("<error>{error}</error>"),
        };
        Ran {
            outcome,
            result,
            token,
            error,
        }
    }

    /// The dict `execute_bytelogic` returns; `execution_time_ms` counts from `start`.
    fn into_dict<'py>(self, py: Python<'py>, start: Instant) -> PyResult<Bound<'py, PyDict>> {
        let texts = Texts {
            result: PyString::new(py, &self.result),
            token: PyString::new(py, &self.token),
            error: self.error.as_deref().map(|e| PyString::new(py, e)),
        };
        let (answers, outcome) = match &self.outcome {
            Ok(o) => {
                let answers = Answers::of(py, o)?;
                let outcome = outcome_dict(py, o, &texts, &answers)?.into_any();
                (Some(answers), outcome)
            }
            Err(json) => (None, from_json(py, json)?),
        };
        let wat = self.outcome.as_ref().ok().and_then(|o| o.wat.as_deref());
        let dict = PyDict::new(py);
        dict.set_item(intern!(py, "success"), texts.error.is_none())?;
        dict.set_item(intern!(py, "result"), &texts.result)?;
        let results = match &answers {
            Some(a) => a.flat.clone(),
            None => PyList::empty(py),
        };
        dict.set_item(intern!(py, "query_results"), results)?;
        dict.set_item(intern!(py, "computation_token"), &texts.token)?;
        dict.set_item(intern!(py, "wat_code"), wat)?;
        dict.set_item(intern!(py, "error"), &texts.error)?;
        let last = answers.and_then(|a| a.last);
        dict.set_item(intern!(py, "calculation_result"), last)?;
        dict.set_item(intern!(py, "outcome"), outcome)?;
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        dict.set_item(intern!(py, "execution_time_ms"), ms)?;
        Ok(dict)
    }
}

/// For `python/bench`: the seconds the process's Rust `Executor` takes to run
/// `programs` one after another on `backend` (with the GIL released and no Python
/// object made), the baseline of `execute_bytelogic`.
#[pyfunction]
pub fn _bench_rust_executor(
    py: Python<'_>,
    programs: Vec<String>,
    backend: String,
) -> PyResult<f64> {
    let options = Options {
        backend: self::backend(&backend)?,
        ..Options::default()
    };
    let executor = process_executor();
    Ok(py.detach(|| {
        let start = Instant::now();
        for program in &programs {
            let _ = executor.execute(program, &options);
        }
        start.elapsed().as_secs_f64()
    }))
}
