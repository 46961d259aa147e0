//! Shared by the suite tests (`corpus.rs`, `backends.rs`): one executor for the whole
//! test binary, running a program on both backends and comparing their JSON outcomes,
//! and writing every module for the outside tools of `.ci/run`.

use bytelogic_engine::{Code, Limits};
use bytelogic_runtime::executor::module;
use bytelogic_runtime::{Backend, Executor, Options, Outcome};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The executor of this test binary (one wasmtime engine and module cache).
pub fn executor() -> &'static Executor {
    static E: OnceLock<Executor> = OnceLock::new();
    E.get_or_init(Executor::new)
}

/// The JSON outcome without the fields that may differ between backends: `backend`,
/// `stats` (its `time_us`), `wat_code`.
pub fn comparable(o: &Outcome) -> String {
    let mut json = o.to_json();
    if let Some(map) = json.as_object_mut() {
        for key in ["backend", "stats", "wat_code"] {
            map.remove(key);
        }
    }
    json.to_string()
}

/// Runs `source` on `backend` under `limits`.
pub fn run(source: &str, limits: &Limits, backend: Backend) -> Result<Outcome, String> {
    let options = Options {
        backend,
        limits: *limits,
        ..Options::default()
    };
    executor()
        .execute(source, &options)
        .map_err(|e| format!("the compiled path failed: {e}"))
}

/// Runs `source` on the interpreter and compiled; the compiled outcome when the two
/// JSON outcomes are equal byte for byte (but for [`comparable`]'s exceptions) and the
/// counters agree too, else both.
///
/// Time and memory are not deterministic (spec §7: only steps and tuples are): when
/// both runs end in E404 or E405, they must agree on the code and on the outputs
/// before it, not on where or after how much work the limit tripped.
pub fn both(source: &str, limits: &Limits) -> Result<Outcome, String> {
    let interp = run(source, limits, Backend::Interpreter)?;
    let wasm = run(source, limits, Backend::Wasm)?;
    let resource = |o: &Outcome| {
        o.runtime_error
            .as_ref()
            .map(|e| e.diagnostic.code)
            .filter(|c| matches!(c, Code::E404 | Code::E405))
    };
    if let (Some(a), Some(b)) = (resource(&interp), resource(&wasm)) {
        let outputs = |o: &Outcome| o.output_texts().collect::<Vec<_>>();
        if (a, outputs(&interp)) != (b, outputs(&wasm)) {
            return Err(format!(
                "backends differ: interpreter {a} after {:?}; wasm {b} after {:?}",
                outputs(&interp),
                outputs(&wasm)
            ));
        }
        return Ok(wasm);
    }
    let (a, b) = (comparable(&interp), comparable(&wasm));
    if a != b {
        return Err(format!("backends differ: interpreter {a}; wasm {b}"));
    }
    let counters = |o: &Outcome| (o.stats.steps, o.stats.tuples, o.stats.iterations);
    if counters(&interp) != counters(&wasm) {
        return Err(format!(
            "counters differ (steps, tuples, iterations): interpreter {:?}; wasm {:?}",
            counters(&interp),
            counters(&wasm)
        ));
    }
    Ok(wasm)
}

/// When `$BYTELOGIC_WAT_DIR` is set, writes `<name>.wasm` and `<name>.wat` there for
/// `source` (if it passes its checks), for `.ci/run` to hand to wabt. `name` is made
/// safe for a file name.
pub fn write_module(name: &str, source: &str, limits: &Limits) -> Result<(), String> {
    let Some(dir) = std::env::var_os("BYTELOGIC_WAT_DIR").map(PathBuf::from) else {
        return Ok(());
    };
    let options = Options {
        limits: *limits,
        ..Options::default()
    };
    let wasm = match module(source, &options).1 {
        None => return Ok(()),
        Some(compiled) => compiled.map_err(|e| e.to_string())?,
    };
    write_wasm(&dir, name, &wasm)?;
    // The module a run that tiers up compiles (with the bitmaps of large fixpoints).
    if let Some(program) = bytelogic_engine::compile(source, limits).program {
        let long = bytelogic_codegen::compile_for(&program, bytelogic_codegen::Target::LongRun)
            .map_err(|e| e.to_string())?;
        write_wasm(&dir, &format!("{name}-long"), &long.wasm)?;
    }
    Ok(())
}

/// Writes `wasm` and its WAT into `dir` as `name` (made safe for a file name).
fn write_wasm(dir: &std::path::Path, name: &str, wasm: &[u8]) -> Result<(), String> {
    let wat = bytelogic_codegen::wat(wasm).map_err(|e| e.to_string())?;
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let path = dir.join(safe);
    std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(path.with_extension("wasm"), wasm))
        .and_then(|()| std::fs::write(path.with_extension("wat"), wat))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
