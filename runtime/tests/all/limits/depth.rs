//! Deep recursion on the compiled path (docs/decisions.md 105): the depth limit must
//! trip before the native stack runs out, at the same call, with the same message
//! and counters as the interpreter. A run whose depth limit could need more stack
//! than a compiled run has is declined (`auto` interprets it); at the deepest limit
//! it accepts, recursing past the limit is the interpreter's E403 on Winch's code
//! and on Cranelift's.

use bytelogic_engine::{Code, Limits, RunResult};
use bytelogic_runtime::wasm::{WasmBackend, WasmError};
use bytelogic_runtime::{Backend, Executor, Options};

/// CALC shapes whose frames differ: small, many locals, nested loops around the
/// recursive call, a deep expression pending at the call, many parameters. Each is
/// a CALC `f` whose first argument is the depth to recurse to, and the arguments
/// after the first.
fn shapes() -> Vec<(&'static str, String, String)> {
    let lets: String = (0..2000)
        .map(|i| format!("LET $v{i} = $n + {i}\n"))
        .collect();
    let loops = "FOR $i IN RANGE(0, 1)\n".repeat(250);
    let ends = "END\n".repeat(250);
    let pending = "1 + (".repeat(200);
    let closing = ")".repeat(200);
    let params: Vec<String> = (0..400).map(|i| format!("$p{i}")).collect();
    let rest: String = (1..400).map(|i| format!(", {i}")).collect();
    let none = String::new;
    vec![
        (
            "small",
            "CALC f\nINPUT $n\nIF $n <= 0 THEN RESULT 0 END\nRESULT 1 + CALC f($n - 1)\nEND\n"
                .into(),
            none(),
        ),
        (
            "2000 locals",
            format!(
                "CALC f\nINPUT $n\n{lets}IF $n <= 0 THEN RESULT 0 END\nRESULT $v1999 + CALC f($n - 1)\nEND\n"
            ),
            none(),
        ),
        (
            "250 nested loops",
            format!(
                "CALC f\nINPUT $n\nLET $r = 0\n{loops}IF $n > 0 THEN\nLET $r = CALC f($n - 1)\nEND\n{ends}RESULT $r\nEND\n"
            ),
            none(),
        ),
        (
            "a pending expression",
            format!(
                "CALC f\nINPUT $n\nIF $n <= 0 THEN RESULT 0 END\nRESULT {pending}CALC f($n - 1){closing}\nEND\n"
            ),
            none(),
        ),
        (
            "400 parameters",
            format!(
                "CALC f\nINPUT {}\nIF $p0 <= 0 THEN RESULT 0 END\nRESULT $p399 + CALC f($p0 - 1{rest})\nEND\n",
                params.join(" ")
            ),
            rest,
        ),
    ]
}

fn options(max_depth: u32) -> Options {
    Options {
        backend: Backend::Wasm,
        // Room for the interpreter's own stack, which it charges: 250 nested loops
        // take hundreds of KiB a call in an unoptimized build.
        limits: Limits {
            max_depth,
            timeout_ms: 60_000,
            max_memory_mb: 8192,
            ..Limits::default()
        },
        ..Options::default()
    }
}

/// The deepest depth limit the compiled path accepts for `calc` (the cached module
/// is reused: only the decision runs again).
fn deepest_accepted(executor: &Executor, calc: &str, rest: &str) -> u32 {
    let source = format!("{calc}RESULT CALC f(0{rest})\n");
    let (mut accepted, mut declined) = (0u32, u32::MAX);
    while declined - accepted > 1 {
        let mid = accepted + (declined - accepted) / 2;
        match executor.execute(&source, &options(mid)) {
            Ok(o) if o.success() => accepted = mid,
            Ok(o) => panic!("{:?}", o.error()),
            Err(WasmError::Stack { .. }) => declined = mid,
            Err(e) => panic!("{e}"),
        }
    }
    accepted
}

/// What both backends must agree on.
fn summary(r: &RunResult) -> String {
    let error = r
        .error
        .as_ref()
        .map(|d| (d.code, d.span, d.message.clone()));
    format!("{error:?} {:?} {}", r.stats, r.outputs.len())
}

#[test]
fn recursion_past_the_deepest_accepted_limit_is_the_interpreters_e403() {
    let executor = Executor::new();
    let backend = WasmBackend::new().expect("wasmtime starts");
    for (shape, calc, rest) in shapes() {
        let depth = deepest_accepted(&executor, &calc, &rest);
        assert!(depth >= 100, "{shape}: only {depth} levels fit");
        let source = format!("{calc}RESULT CALC f({}{rest})\n", u64::from(depth) + 10);
        let limits = options(depth).limits;
        let program = bytelogic_engine::compile(&source, &limits)
            .program
            .expect("front end accepts it");
        let interpreted = bytelogic_engine::run(&program, &limits);
        assert_eq!(
            interpreted.error.as_ref().map(|d| d.code),
            Some(Code::E403),
            "{shape}"
        );
        let winch = backend.run(&program, &limits);
        let winch = winch.unwrap_or_else(|e| panic!("{shape} at depth {depth}, Winch: {e}"));
        let cranelift = backend.run_long(&program, &limits);
        let cranelift =
            cranelift.unwrap_or_else(|e| panic!("{shape} at depth {depth}, Cranelift: {e}"));
        assert_eq!(
            summary(&winch),
            summary(&interpreted),
            "{shape} at depth {depth}, Winch"
        );
        assert_eq!(
            summary(&cranelift),
            summary(&interpreted),
            "{shape} at depth {depth}, Cranelift"
        );
        // One level more may need more stack than a compiled run has: declined,
        // and `auto` interprets it, with the same E403.
        let deeper = Options {
            backend: Backend::Auto,
            ..options(depth + 1)
        };
        let auto = executor.execute(&source, &deeper).expect("auto runs");
        assert_eq!(auto.backend, "interpreter", "{shape}");
        assert_eq!(auto.error().map(|e| e.diagnostic.code), Some(Code::E403));
    }
}

#[test]
fn the_default_depth_limit_runs_on_the_compiled_path() {
    let executor = Executor::new();
    // Frames of thousands of locals (8,010 for 2,000 LETs, about 37 KiB a call on
    // Winch's code) do not fit 1,000 times in a compiled run's stack: declined.
    let small = ["small", "a pending expression", "400 parameters"];
    for (shape, calc, rest) in shapes().into_iter().filter(|(s, ..)| small.contains(s)) {
        assert!(deepest_accepted(&executor, &calc, &rest) >= 1000, "{shape}");
    }
}
