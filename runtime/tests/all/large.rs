//! Programs far larger than a model writes, as hostile input can be: a relation with
//! more columns than 16-bit slots hold, a CALC with 70,000 parameters, a rule that
//! nests 2,000 JOINs, one 120,000-term expression. The front end must handle each in
//! linear time with the right answer; the compiled path either runs it or refuses it
//! as `Unsupported` before Cranelift would take seconds, and `Auto` then interprets.

use bytelogic_runtime::{Backend, Executor, Options};

fn run(source: &str, backend: Backend) -> Result<bytelogic_runtime::Outcome, String> {
    // The time limit counts the front end and code generation too; on sources this
    // large an unoptimized build on a busy machine takes more than the default second.
    let options = Options {
        backend,
        limits: bytelogic_engine::Limits {
            timeout_ms: 30_000,
            ..bytelogic_engine::Limits::default()
        },
        ..Options::default()
    };
    Executor::new()
        .execute(source, &options)
        .map_err(|e| e.to_string())
}

/// The result text on the interpreter and on `Auto`, which must agree; and what the
/// WASM backend says (an outcome or its refusal).
fn interpreted_and_auto(source: &str) -> (String, Result<String, String>) {
    let interpreted = run(source, Backend::Interpreter).expect("the interpreter runs");
    let auto = run(source, Backend::Auto).expect("auto runs");
    assert_eq!(interpreted.result_text(), auto.result_text());
    let wasm = run(source, Backend::Wasm).map(|o| o.result_text());
    (interpreted.result_text(), wasm)
}

#[test]
fn a_relation_wider_than_65535_columns_binds_every_column() {
    let columns: Vec<String> = (0..70_000).map(|i| i.to_string()).collect();
    let source = format!(
        "REL r\nREL s\nFACT r {}\nRULE s: SCAN r, EMIT s $69999 $65536 $1\nSOLVE\nQUERY s ? ? ?\n",
        columns.join(" ")
    );
    let (text, wasm) = interpreted_and_auto(&source);
    assert_eq!(text, "(69999, 65536, 1)");
    // Refused before anything is generated: 70,000 unrolled columns are megabytes.
    let refusal = wasm.expect_err("70,000 columns do not compile");
    assert!(
        refusal.contains("the module would be at least 18594 KiB"),
        "{refusal}"
    );
}

#[test]
fn a_rule_with_20001_variables_runs_on_the_interpreter() {
    let lets: String = (0..20_001).map(|i| format!(", LET $v{i} = $0")).collect();
    let source = format!(
        "REL r
REL s
FACT r 7
RULE s: SCAN r{lets}, EMIT s $v20000
SOLVE
QUERY s ?
"
    );
    let (text, wasm) = interpreted_and_auto(&source);
    assert_eq!(text, "7");
    let refusal = wasm.expect_err("20,001 variables do not compile");
    assert!(
        refusal.contains("rule `s` has 20002 variables"),
        "{refusal}"
    );
}

#[test]
fn a_calc_with_70000_parameters_runs_on_the_interpreter() {
    let params: Vec<String> = (0..70_000).map(|i| format!("$p{i}")).collect();
    let args: Vec<String> = (0..70_000).map(|i| i.to_string()).collect();
    let source = format!(
        "CALC f\nINPUT {}\nRESULT $p69998 + $p1\nEND\nRESULT CALC f({})\n",
        params.join(" "),
        args.join(", ")
    );
    let (text, wasm) = interpreted_and_auto(&source);
    assert_eq!(text, "69999");
    let refusal = wasm.expect_err("70,000 arguments make too large a module");
    assert!(
        refusal.contains("the module would be at least"),
        "{refusal}"
    );
    // Past 500 parameters a CALC does not compile, however small.
    let params: Vec<String> = (0..501).map(|i| format!("$p{i}")).collect();
    let args = vec!["1"; 501].join(", ");
    let source = format!(
        "CALC f\nINPUT {}\nRESULT $p500 + $p1\nEND\nRESULT CALC f({args})\n",
        params.join(" ")
    );
    let (text, wasm) = interpreted_and_auto(&source);
    assert_eq!(text, "2");
    let refusal = wasm.expect_err("501 parameters do not compile");
    assert!(refusal.contains("CALC `f` has 501 parameters"), "{refusal}");
}

#[test]
fn a_rule_nesting_2000_joins_is_interpreted() {
    let joins: String = (1..2000).map(|i| format!(", JOIN e ${i}")).collect();
    let source =
        format!("REL e\nFACT e 1 1\nREL p\nRULE p: SCAN e{joins}, EMIT p $0\nSOLVE\nQUERY p ?\n");
    let (text, wasm) = interpreted_and_auto(&source);
    assert_eq!(text, "1");
    let refusal = wasm.expect_err("2,000 nested loops do not compile");
    assert!(refusal.contains("nests 2000 SCAN/JOIN loops"), "{refusal}");
    let joins: String = (1..64).map(|i| format!(", JOIN e ${i}")).collect();
    let source =
        format!("REL e\nFACT e 1 1\nREL p\nRULE p: SCAN e{joins}, EMIT p $0\nSOLVE\nQUERY p ?\n");
    assert_eq!(interpreted_and_auto(&source).1.as_deref(), Ok("1"));
}

#[test]
fn a_module_past_a_mebibyte_is_refused() {
    let source = format!("RESULT {}\n", vec!["1"; 120_000].join(" + "));
    let (text, wasm) = interpreted_and_auto(&source);
    assert_eq!(text, "120000");
    let refusal = wasm.expect_err("a 3 MiB module is not compiled");
    assert!(refusal.contains("KiB (at most 1024 KiB"), "{refusal}");
}
