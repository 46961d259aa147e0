//! The sandbox of the WAT executor that ByteLogic replaces: a WebAssembly module (text
//! or binary) that exports `compute` runs with f64 arguments and answers one number,
//! `<computed>391</computed>` (docs/decisions.md 165).
//!
//! `compute` takes only f64 parameters and returns one f64, i32 or i64. The module may
//! import nothing, runs on Cranelift's tier of the [`WasmBackend`] (any valid module
//! compiles there; a start function runs on the same fiber, under the same limits)
//! with the time limit's epoch deadline, and its memories may not grow past the
//! memory limit. Every way a module can fail (text that does not parse, an import, no
//! `compute`, a wrong signature, the wrong number of arguments, a trap, the time or
//! memory limit) is a [`ComputeError`] with a code and a message, never a panic.

use super::{WasmBackend, completed, engine_error};
use crate::executor::Executor;
use bytelogic_engine::Limits;
use bytelogic_engine::output::float_text;
use serde_json::{Value as Json, json};
use std::time::{Duration, Instant};
use wasmtime::{
    ExternType, Instance, Module, ResourceLimiter, Store, Trap, UpdateDeadline, Val, ValType,
};

/// The name of the function a module must export.
pub const ENTRY: &str = "compute";

/// What `compute` returned.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ComputeValue {
    /// An f64 result.
    F64(f64),
    /// An i32 result.
    I32(i32),
    /// An i64 result.
    I64(i64),
}

impl ComputeValue {
    /// The value in text: integers in decimal, an f64 as a Float of spec §5.3
    /// (`391`, `2.5`, `1e20`), or `NaN`, `inf`, `-inf`.
    pub fn text(self) -> String {
        match self {
            ComputeValue::F64(f) if f.is_finite() => float_text(f),
            ComputeValue::F64(f) => f.to_string(),
            ComputeValue::I32(i) => i.to_string(),
            ComputeValue::I64(i) => i.to_string(),
        }
    }

    /// The value as a JSON number (`null` for a non-finite f64).
    pub fn to_json(self) -> Json {
        match self {
            ComputeValue::F64(f) => {
                serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number)
            }
            ComputeValue::I32(i) => Json::from(i),
            ComputeValue::I64(i) => Json::from(i),
        }
    }
}

/// Why a module did not compute: a code and a one-line message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComputeError {
    /// `invalid_module`, `import`, `no_compute`, `signature`, `arguments`, `trap`,
    /// `engine`, or the spec's `E404` (time limit), `E405` (memory limit) and `E406`
    /// (the module's size, text or binary, against the source size limit).
    pub code: &'static str,
    /// What happened.
    pub message: String,
}

impl ComputeError {
    fn new(code: &'static str, message: impl Into<String>) -> ComputeError {
        ComputeError {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ComputeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

/// The answer to one module: its value or why there is none.
pub type Computed = Result<ComputeValue, ComputeError>;

/// The token answered to a model: `<computed>VALUE</computed>`, or
/// `<error>CODE: message</error>`.
pub fn token(computed: &Computed) -> String {
    match computed {
        Ok(v) => format!("<computed>{}</computed>", v.text()),
        Err(e) => format!("<error>{e}</error>"),
    }
}

/// `{"success", "result", "error", "computed_token"}`: `result` is the number (`null`
/// on failure), `error` `null` or `"CODE: message"`.
pub fn to_json(computed: &Computed) -> Json {
    let (result, error) = match computed {
        Ok(v) => (v.to_json(), Json::Null),
        Err(e) => (Json::Null, Json::from(e.to_string())),
    };
    json!({
        "success": computed.is_ok(),
        "result": result,
        "error": error,
        "computed_token": token(computed),
    })
}

/// Runs `compute(args…)` of `module` (WebAssembly text or binary) with `executor`'s
/// compiled path under the time, memory and source size limits of `limits` (the
/// other limits do not apply to a module).
pub fn execute_wat(executor: &Executor, module: &[u8], args: &[f64], limits: &Limits) -> Computed {
    if module.len() as u64 > limits.max_source_kb.saturating_mul(1024) {
        return Err(ComputeError::new(
            "E406",
            format!(
                "module is {} bytes, more than the limit of {} KiB",
                module.len(),
                limits.max_source_kb
            ),
        ));
    }
    let backend = executor
        .wasm()
        .map_err(|e| ComputeError::new("engine", e.to_string()))?;
    let wasm = wat::parse_bytes(module)
        .map_err(|e| ComputeError::new("invalid_module", located(&e.to_string())))?;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        backend.compute(&wasm, args, limits)
    }))
    .unwrap_or_else(|_| Err(ComputeError::new("engine", "the run panicked")))
}

/// The store's state: the memory limit, and whether a memory was refused growth.
struct Sandbox {
    max_bytes: usize,
    refused: bool,
}

impl ResourceLimiter for Sandbox {
    fn memory_growing(
        &mut self,
        _: usize,
        desired: usize,
        _: Option<usize>,
    ) -> wasmtime::Result<bool> {
        self.refused |= desired > self.max_bytes;
        Ok(desired <= self.max_bytes)
    }

    fn table_growing(
        &mut self,
        _: usize,
        desired: usize,
        _: Option<usize>,
    ) -> wasmtime::Result<bool> {
        // A table element is a pointer: the same budget, counted in bytes.
        let bytes = desired.saturating_mul(size_of::<usize>());
        self.refused |= bytes > self.max_bytes;
        Ok(bytes <= self.max_bytes)
    }

    fn instances(&self) -> usize {
        1
    }
}

impl WasmBackend {
    /// Compiles `wasm` on Cranelift's tier and runs its `compute` (see the module docs).
    fn compute(&self, wasm: &[u8], args: &[f64], limits: &Limits) -> Computed {
        let tier = self.optimized.get_or_init(super::Tier::optimized);
        let tier = tier
            .as_ref()
            .map_err(|e| ComputeError::new("engine", e.to_string()))?;
        let module = Module::new(&tier.engine, wasm)
            .map_err(|e| ComputeError::new("invalid_module", one_line(&format!("{e:#}"))))?;
        let results = signature(&module, args.len())?;
        let max_bytes = limits.max_memory_mb.saturating_mul(1 << 20);
        let sandbox = Sandbox {
            max_bytes: usize::try_from(max_bytes).unwrap_or(usize::MAX),
            refused: false,
        };
        let _ticking = tier.ticker.run();
        let mut store = Store::new(&tier.engine, sandbox);
        store.limiter(|s: &mut Sandbox| -> &mut dyn ResourceLimiter { s });
        let deadline = Instant::now().checked_add(Duration::from_millis(limits.timeout_ms));
        let past = move || deadline.is_some_and(|d| Instant::now() >= d);
        store.set_epoch_deadline(u64::from(!past()));
        store.epoch_deadline_callback(move |_| {
            Ok(if past() {
                UpdateDeadline::Interrupt
            } else {
                UpdateDeadline::Continue(1)
            })
        });
        let params: Vec<Val> = args.iter().map(|&a| Val::F64(a.to_bits())).collect();
        let mut out = [Val::I32(0)];
        let run = completed(async {
            let instance = Instance::new_async(&mut store, &module, &[]).await?;
            let func = instance
                .get_func(&mut store, ENTRY)
                .ok_or_else(|| wasmtime::Error::msg("`compute` is not exported"))?;
            func.call_async(&mut store, &params, &mut out).await
        })
        .ok_or_else(|| engine_error("the run was suspended"))
        .map_err(|e| ComputeError::new("engine", e.to_string()))?;
        if let Err(e) = run {
            return Err(failure(&e, store.data().refused, limits));
        }
        Ok(match (results, out[0]) {
            (ValType::I32, Val::I32(i)) => ComputeValue::I32(i),
            (ValType::I64, Val::I64(i)) => ComputeValue::I64(i),
            (_, Val::F64(bits)) => ComputeValue::F64(f64::from_bits(bits)),
            (_, other) => {
                return Err(ComputeError::new(
                    "engine",
                    format!("`compute` returned {other:?}"),
                ));
            }
        })
    }
}

/// The result type of `compute` once it is checked against the module's imports and
/// exports and against the number of arguments.
fn signature(module: &Module, arguments: usize) -> Result<ValType, ComputeError> {
    if let Some(import) = module.imports().next() {
        return Err(ComputeError::new(
            "import",
            format!(
                "the module imports `{}.{}`; a computation may import nothing",
                import.module(),
                import.name()
            ),
        ));
    }
    let func = match module.get_export(ENTRY) {
        Some(ExternType::Func(func)) => func,
        Some(_) => {
            return Err(ComputeError::new(
                "no_compute",
                "the module's export `compute` is not a function",
            ));
        }
        None => {
            return Err(ComputeError::new(
                "no_compute",
                "the module exports no function `compute`",
            ));
        }
    };
    let params: Vec<ValType> = func.params().collect();
    let results: Vec<ValType> = func.results().collect();
    let shape = || {
        let show = |types: &[ValType]| {
            let names: Vec<String> = types.iter().map(ToString::to_string).collect();
            format!("({})", names.join(", "))
        };
        format!("{} -> {}", show(&params), show(&results))
    };
    let scalar = |t: &ValType| matches!(t, ValType::F64 | ValType::I32 | ValType::I64);
    match results.as_slice() {
        [result] if scalar(result) && params.iter().all(|p| matches!(p, ValType::F64)) => {
            if params.len() == arguments {
                Ok(result.clone())
            } else {
                Err(ComputeError::new(
                    "arguments",
                    format!(
                        "`compute` takes {} argument(s), {arguments} given",
                        params.len()
                    ),
                ))
            }
        }
        _ => Err(ComputeError::new(
            "signature",
            format!(
                "`compute` must take f64 parameters and return one f64, i32 or i64, not {}",
                shape()
            ),
        )),
    }
}

/// The error of a failed instantiation or call.
fn failure(e: &wasmtime::Error, refused: bool, limits: &Limits) -> ComputeError {
    match e.downcast_ref::<Trap>() {
        Some(Trap::Interrupt) => ComputeError::new(
            "E404",
            format!("time limit of {} ms exceeded", limits.timeout_ms),
        ),
        Some(Trap::StackOverflow) => ComputeError::new("trap", "call stack exhausted"),
        Some(trap) => ComputeError::new("trap", trap.to_string()),
        None if refused => ComputeError::new(
            "E405",
            format!("memory limit of {} MiB exceeded", limits.max_memory_mb),
        ),
        None => ComputeError::new("trap", one_line(&format!("{e:#}"))),
    }
}

/// The first line of a WAT parse error with the line and column its `--> <anon>:L:C`
/// line gives: ``expected `)` (line 2, column 1)``.
fn located(text: &str) -> String {
    let mut lines = text.lines();
    let message = lines.next().unwrap_or_default().trim();
    let at = lines.find_map(|l| l.trim().strip_prefix("--> "));
    let mut place = at.into_iter().flat_map(|at| at.rsplitn(3, ':'));
    match (place.next(), place.next()) {
        (Some(column), Some(line)) => format!("{message} (line {line}, column {column})"),
        _ => message.to_string(),
    }
}

/// `text` on one line: its lines joined with `; `.
fn one_line(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(wat: &str, args: &[f64], limits: &Limits) -> Computed {
        execute_wat(&Executor::new(), wat.as_bytes(), args, limits)
    }

    fn code(computed: &Computed) -> &'static str {
        computed.as_ref().err().map_or("", |e| e.code)
    }

    #[test]
    fn compute_answers_f64_i32_and_i64() {
        let limits = Limits::default();
        let add = r#"(module (func (export "compute") (param f64 f64) (result f64)
                       local.get 0 local.get 1 f64.mul))"#;
        let r = run(add, &[17.0, 23.0], &limits);
        assert_eq!(r, Ok(ComputeValue::F64(391.0)));
        assert_eq!(token(&r), "<computed>391</computed>");
        assert_eq!(
            to_json(&r),
            json!({"success": true, "result": 391.0, "error": null,
                   "computed_token": "<computed>391</computed>"})
        );
        let i32 = r#"(module (func (export "compute") (result i32) i32.const -7))"#;
        assert_eq!(run(i32, &[], &limits), Ok(ComputeValue::I32(-7)));
        let i64 = r#"(module (func (export "compute") (param f64) (result i64)
                       local.get 0 i64.trunc_f64_s))"#;
        assert_eq!(
            run(i64, &[2.9e12], &limits),
            Ok(ComputeValue::I64(2_900_000_000_000))
        );
        assert_eq!(ComputeValue::F64(0.1 + 0.2).text(), "0.3");
        assert_eq!(ComputeValue::F64(f64::NAN).to_json(), Json::Null);
    }

    #[test]
    fn parse_errors_name_the_place() {
        let r = run("(module\n  (func $f", &[], &Limits::default());
        let message = r.err().map(|e| e.message).unwrap_or_default();
        assert_eq!(message, "expected `)` (line 2, column 11)");
    }

    #[test]
    fn a_binary_module_runs_too() {
        let wasm =
            wat::parse_str(r#"(module (func (export "compute") (result f64) f64.const 2.5))"#)
                .expect("parses");
        let r = execute_wat(&Executor::new(), &wasm, &[], &Limits::default());
        assert_eq!(r, Ok(ComputeValue::F64(2.5)));
    }

    #[test]
    fn bad_modules_get_clear_errors() {
        let limits = Limits::default();
        for (wat, args, expected) in [
            ("(module (func $f", vec![], "invalid_module"),
            ("\0asm\x01", vec![], "invalid_module"),
            (
                r#"(module (import "env" "f" (func)) (func (export "compute") (result f64) f64.const 1))"#,
                vec![],
                "import",
            ),
            (
                r#"(module (func (export "other") (result f64) f64.const 1))"#,
                vec![],
                "no_compute",
            ),
            (
                r#"(module (global (export "compute") i32 (i32.const 1)))"#,
                vec![],
                "no_compute",
            ),
            (
                r#"(module (func (export "compute") (param i32) (result f64) f64.const 1))"#,
                vec![1.0],
                "signature",
            ),
            (r#"(module (func (export "compute")))"#, vec![], "signature"),
            (
                r#"(module (func (export "compute") (param f64) (result f64) local.get 0))"#,
                vec![],
                "arguments",
            ),
            (
                r#"(module (func (export "compute") (result i32) i32.const 1 i32.const 0 i32.div_s))"#,
                vec![],
                "trap",
            ),
            (
                r#"(module (func $f (export "compute") (result f64) call $f))"#,
                vec![],
                "trap",
            ),
        ] {
            let r = run(wat, &args, &limits);
            assert_eq!(code(&r), expected, "{wat}: {r:?}");
            let message = r.as_ref().err().map_or("", |e| e.message.as_str());
            assert!(!message.is_empty() && !message.contains('\n'), "{message}");
            assert!(
                token(&r).starts_with(&format!("<error>{expected}: ")),
                "{}",
                token(&r)
            );
        }
    }

    #[test]
    fn runaway_loops_and_memory_hit_the_limits() {
        let limits = Limits {
            timeout_ms: 50,
            max_memory_mb: 1,
            ..Limits::default()
        };
        let spin = r#"(module (func (export "compute") (result f64) (loop br 0) f64.const 0))"#;
        let start = Instant::now();
        assert_eq!(code(&run(spin, &[], &limits)), "E404");
        assert!(start.elapsed() < Duration::from_secs(5));
        let started = r#"(module (func $s (loop br 0)) (start $s)
                          (func (export "compute") (result f64) f64.const 0))"#;
        assert_eq!(code(&run(started, &[], &limits)), "E404");
        let big = r#"(module (memory 32) (func (export "compute") (result f64) f64.const 0))"#;
        assert_eq!(code(&run(big, &[], &limits)), "E405");
        let grows = r#"(module (memory 1) (func (export "compute") (result i32)
                        i32.const 100 memory.grow))"#;
        assert_eq!(run(grows, &[], &limits), Ok(ComputeValue::I32(-1)));
    }
}
