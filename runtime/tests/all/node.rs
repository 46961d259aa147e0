//! The ABI's promise (`codegen/ABI.md`: any engine that supplies the imports can run
//! a module) kept by a second host: the Node.js host `examples/node/host.mjs` (V8's
//! WebAssembly API) runs the named module of the examples, of 200 corpus programs and
//! of the hand-written cases (under their limits; not those that may end in E404, a
//! time limit the Node host does not keep), and must give what wasmtime gives: the
//! same outputs, the same error (code and span) and the same counters.

//!
//! Without `node` on the PATH the test passes with a notice, except under `CI`
//! (`.ci/run` installs it), where it fails.

use super::expect::{parse_expectation, sorted_cases};
use bytelogic_codegen::{Site, Target, compile_named};
use bytelogic_engine::{Limits, Output, QueryAnswer, RunResult, Symbols, Value, compile};
use bytelogic_runtime::wasm::WasmBackend;
use bytelogic_testkit::read_corpus;
use serde_json::{Value as Json, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// How many corpus programs the test runs (every tenth row of the corpus that compiles).
const CORPUS_PROGRAMS: usize = 200;

/// A program to run on both hosts.
struct Run {
    name: String,
    source: String,
    limits: Limits,
}

/// A module written for the Node host, and what wasmtime gave for it.
struct Module {
    name: String,
    path: PathBuf,
    wasmtime: Json,
    sites: Vec<Site>,
}

/// The oldest Node.js whose WebAssembly has what the modules need (i64 parameters as
/// BigInts, multi-value results).
const NODE_MAJOR: u32 = 16;

/// `node`, if it runs and is recent enough; under `CI` it must be.
fn node() -> Option<&'static str> {
    let version = Command::new("node")
        .arg("--version")
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string());
    let major = version.as_deref().and_then(|v| {
        let digits = v.strip_prefix('v')?.split('.').next()?;
        digits.parse::<u32>().ok()
    });
    if major.is_some_and(|m| m >= NODE_MAJOR) {
        return Some("node");
    }
    let why = match version {
        Some(v) => format!("`node` is {v}, older than {NODE_MAJOR}"),
        None => "no `node` on the PATH".to_string(),
    };
    assert!(std::env::var_os("CI").is_none(), "under CI: {why}");
    eprintln!("notice: skipping the Node.js host test: {why}");
    None
}

/// The programs: the examples, the corpus sample, the cases.
fn runs(root: &Path) -> Vec<Run> {
    let mut runs = Vec::new();
    for name in ["family", "calc", "hybrid"] {
        let path = root.join(format!("examples/{name}.bl"));
        runs.push(Run {
            name: format!("examples/{name}.bl"),
            source: std::fs::read_to_string(path).expect("an example"),
            limits: Limits::default(),
        });
    }
    let mut corpus = 0;
    for file in ["conformance.jsonl", "runs.jsonl"] {
        // Without the corpus (its own tests report it ignored, and fail under CI) the
        // examples and the cases still run here.
        let Ok(text) = read_corpus(file) else {
            continue;
        };
        for (n, line) in text.lines().enumerate().step_by(10) {
            let row: Json = serde_json::from_str(line).expect("a JSON row");
            let source = row["program"].as_str().expect("a program").to_string();
            if corpus < CORPUS_PROGRAMS && compile(&source, &Limits::default()).program.is_some() {
                corpus += 1;
                runs.push(Run {
                    name: format!("{file}:{}", n + 1),
                    source,
                    limits: Limits::default(),
                });
            }
        }
    }
    assert!(
        corpus == CORPUS_PROGRAMS || read_corpus("runs.jsonl").is_err(),
        "{corpus} corpus programs"
    );
    let cases = root.join("engine/tests/cases");
    for path in sorted_cases(&cases) {
        let source = std::fs::read_to_string(&path).expect("a case");
        let exp = parse_expectation(&source).expect("a case's expectation");
        let codes = exp.errors.iter().map(|(code, _)| code);
        let times_out = codes
            .chain(exp.any_error.iter().flatten())
            .any(|c| c == "E404");
        if !times_out {
            runs.push(Run {
                name: path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .display()
                    .to_string(),
                source,
                limits: exp.limits,
            });
        }
    }
    runs
}

/// A value as the Node host writes it, without the float's decimal form (only its bits
/// are compared).
fn value(v: &Value, symbols: &Symbols) -> Json {
    match v {
        Value::Int(i) => json!({ "int": i.to_string() }),
        Value::Float(x) => json!({ "bits": format!("{:016x}", x.to_bits()) }),
        Value::Sym(s) => json!({ "sym": symbols.resolve(*s) }),
    }
}

/// What wasmtime gave, in the Node host's form.
fn expected(r: &RunResult, relations: &[String]) -> Json {
    let v = |x: &Value| value(x, &r.symbols);
    let outputs: Vec<Json> = r
        .outputs
        .iter()
        .map(|o| match o {
            Output::Result(x) => json!({ "result": v(x) }),
            Output::Query {
                relation,
                args,
                answer,
            } => {
                let id = relations.iter().position(|n| n == relation);
                let args: Vec<Json> = args
                    .iter()
                    .map(|a| a.as_ref().map_or(Json::Null, v))
                    .collect();
                let mut query = json!({ "relation": id, "args": args });
                match answer {
                    QueryAnswer::Truth(t) => query["truth"] = json!(t),
                    QueryAnswer::Values(values) => {
                        query["rows"] = values.iter().map(|x| json!([v(x)])).collect()
                    }
                    QueryAnswer::Tuples(tuples) => {
                        query["rows"] = tuples
                            .iter()
                            .map(|row| row.iter().map(v).collect::<Json>())
                            .collect()
                    }
                }
                json!({ "query": query })
            }
        })
        .collect();
    let error = r.error.as_ref().map_or(
        Json::Null,
        |d| json!({ "code": d.code.as_str(), "start": d.span.start, "end": d.span.end }),
    );
    let s = &r.stats;
    let stats = json!({ "steps": s.steps.to_string(), "tuples": s.tuples.to_string(), "iterations": s.iterations.to_string() });
    json!({ "outputs": outputs, "error": error, "stats": stats })
}

/// The Node host's line in the same form: floats by their bits, the error by code and
/// span (a host trap's span is its site's).
fn actual(mut got: Json, sites: &[Site]) -> Json {
    fn drop_floats(j: &mut Json) {
        match j {
            Json::Object(map) => {
                if map.contains_key("bits") {
                    map.remove("float");
                }
                map.values_mut().for_each(drop_floats);
            }
            Json::Array(items) => items.iter_mut().for_each(drop_floats),
            _ => {}
        }
    }
    drop_floats(&mut got["outputs"]);
    let error = &got["error"];
    if !error.is_null() {
        let span = match (error["start"].as_u64(), error["end"].as_u64()) {
            (Some(start), Some(end)) => Some((start, end)),
            _ => error["site"]
                .as_u64()
                .and_then(|i| sites.get(i as usize))
                .map(|s| (u64::from(s.span.start), u64::from(s.span.end))),
        };
        got["error"] =
            json!({ "code": error["code"], "start": span.map(|s| s.0), "end": span.map(|s| s.1) });
    }
    got
}

#[test]
fn the_node_host_agrees_with_wasmtime() {
    let Some(node) = node() else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = std::env::temp_dir().join(format!("bytelogic-node-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let backend = WasmBackend::new().expect("wasmtime starts");
    // Per limit setting, the modules to run and what wasmtime gave for each.
    let mut batches: BTreeMap<String, Vec<Module>> = BTreeMap::new();

    let mut modules = 0;
    for (i, run) in runs(&root).into_iter().enumerate() {
        let Some(program) = compile(&run.source, &run.limits).program else {
            continue;
        };
        let Ok(module) = compile_named(&program, Target::Quick) else {
            continue;
        };
        let result = backend
            .run(&program, &run.limits)
            .expect("wasmtime runs it");
        let relations: Vec<String> = program.relations.iter().map(|r| r.name.clone()).collect();
        let path = dir.join(format!("{i}.wasm"));
        std::fs::write(&path, &module.wasm).expect("a module file");
        let l = &run.limits;
        let flags = format!(
            "--max-steps {} --max-tuples {} --max-depth {} --max-memory-mb {}",
            l.max_steps, l.max_tuples, l.max_depth, l.max_memory_mb
        );
        batches.entry(flags).or_default().push(Module {
            name: run.name,
            path,
            wasmtime: expected(&result, &relations),
            sites: module.sites,
        });
        modules += 1;
    }
    let host = root.join("examples/node/host.mjs");
    let mut failures = Vec::new();
    for (flags, batch) in &batches {
        let out = Command::new(node)
            .arg(&host)
            .args(flags.split(' '))
            .args(batch.iter().map(|m| &m.path))
            .output()
            .expect("node runs");
        assert!(
            out.status.success(),
            "the Node host failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines: Vec<&str> = std::str::from_utf8(&out.stdout)
            .expect("UTF-8")
            .lines()
            .collect();
        assert_eq!(lines.len(), batch.len(), "one line per module");
        for (m, line) in batch.iter().zip(lines) {
            let got = actual(serde_json::from_str(line).expect("JSON"), &m.sites);
            if got != m.wasmtime {
                let (name, want) = (&m.name, &m.wasmtime);
                failures.push(format!("{name}:\n  wasmtime {want}\n  node     {got}"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "{} of {modules} modules agree on Node and wasmtime",
        modules - failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {modules} modules differ on Node:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
