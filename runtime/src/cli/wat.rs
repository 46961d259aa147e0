//! `bytelogic wat`: runs the `compute` function of a WebAssembly module (text or
//! binary) in the sandbox of [`bytelogic_runtime::wasm::compute`], the WAT executor
//! ByteLogic replaces.
//!
//! Prints the value on standard output (`391`), or with `--json` the object
//! `{"success", "result", "error", "computed_token"}`. A module that fails (does not
//! parse, imports something, has no `compute`, traps, runs out of time or memory)
//! exits 1 with `error[CODE]: message` on standard error (in the JSON with `--json`);
//! an unreadable file or an argument that is not a number exits 2.

use super::{Report, Stream, emit, usage_error};
use bytelogic_engine::Limits;
use bytelogic_runtime::Executor;
use bytelogic_runtime::wasm::compute::{execute_wat, to_json};
use clap::Args;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The arguments of `bytelogic wat`.
#[derive(Args)]
pub(super) struct WatArgs {
    /// Print `{"success", "result", "error", "computed_token"}` as JSON instead.
    #[arg(long)]
    json: bool,
    /// Wall-clock limit in milliseconds (E404).
    #[arg(long, value_name = "MS", default_value_t = Limits::default().timeout_ms)]
    timeout_ms: u64,
    /// Memory limit in MiB (E405).
    #[arg(long, value_name = "MIB", default_value_t = Limits::default().max_memory_mb)]
    max_memory_mb: u64,
    /// Module size limit in KiB (E406).
    #[arg(long, value_name = "KIB", default_value_t = Limits::default().max_source_kb)]
    max_source_kb: u64,
    /// The module, as WebAssembly text or binary, or `-` for standard input.
    file: PathBuf,
    /// The arguments of `compute`, as numbers.
    #[arg(allow_negative_numbers = true)]
    args: Vec<f64>,
}

/// Runs the module's `compute` and prints its value.
pub(super) fn main(args: &WatArgs) -> ExitCode {
    let module = match read_module(&args.file) {
        Ok(module) => module,
        Err(message) => return emit(usage_error(&message)),
    };
    let limits = Limits {
        timeout_ms: args.timeout_ms,
        max_memory_mb: args.max_memory_mb,
        max_source_kb: args.max_source_kb,
        ..Limits::default()
    };
    let computed = execute_wat(&Executor::new(), &module, &args.args, &limits);
    let chunk = match (&computed, args.json) {
        (_, true) => (Stream::Stdout, format!("{}\n", to_json(&computed))),
        (Ok(value), false) => (Stream::Stdout, format!("{}\n", value.text())),
        (Err(e), false) => (
            Stream::Stderr,
            format!("error[{}]: {}\n", e.code, e.message),
        ),
    };
    emit(Report {
        chunks: vec![(chunk.0, chunk.1.into_bytes())],
        code: u8::from(computed.is_err()),
    })
}

/// The bytes of the module file (`-`: standard input).
fn read_module(file: &Path) -> Result<Vec<u8>, String> {
    if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(bytes);
    }
    std::fs::read(file).map_err(|e| format!("cannot read `{}`: {e}", file.display()))
}
