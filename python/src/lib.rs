//! The native module of the `bytelogic` Python package (`bytelogic._native`; the
//! package's `__init__.py` re-exports it): ByteLogic's executor and pipeline tools,
//! running in the calling process with the GIL released while Rust works.
//!
//! One module per concern: [`executor`] (`ByteLogicExecutor`: programs, texts,
//! datasets, WAT modules), [`stream`] (`TokenStream`), [`records`] (`Diagnostic`,
//! `RowReport`, `Summary`; `check`, `lex`, `vocab`), [`outcome`] (the dict
//! `execute_bytelogic` returns), [`convert`] (values between Python and Rust). Built by
//! maturin from `pyproject.toml`; tested by `tests/`.

mod convert;
mod executor;
mod outcome;
mod records;
mod stream;

use pyo3::prelude::*;
use pyo3::types::IntoPyDict;

/// The allocator of everything Rust allocates in the extension (docs/decisions.md 171).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pyo3::create_exception!(
    bytelogic,
    UsageError,
    pyo3::exceptions::PyValueError,
    "A bad argument: an unknown backend, a limit that is not a non-negative integer, \
     inputs of the wrong shape, an unreadable file. A program that fails is not an \
     exception: its result says so."
);

/// ByteLogic's native module; see the ``bytelogic`` package.
#[pymodule(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("UsageError", m.py().get_type::<UsageError>())?;
    m.add_class::<executor::ByteLogicExecutor>()?;
    m.add_class::<stream::TokenStream>()?;
    m.add_class::<records::Diagnostic>()?;
    m.add_class::<records::RowReport>()?;
    m.add_class::<records::Summary>()?;
    m.add_function(wrap_pyfunction!(records::check, m)?)?;
    m.add_function(wrap_pyfunction!(records::lex, m)?)?;
    m.add_function(wrap_pyfunction!(records::vocab, m)?)?;
    m.add_function(wrap_pyfunction!(executor::_bench_rust_executor, m)?)?;
    m.add_function(wrap_pyfunction!(executor::_after_fork, m)?)?;
    let after_fork = [("after_in_child", m.getattr("_after_fork")?)].into_py_dict(m.py())?;
    let os = m.py().import("os")?;
    os.call_method("register_at_fork", (), Some(&after_fork))?;
    Ok(())
}
