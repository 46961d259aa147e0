//! `bytelogic wat`: a module's `compute` in the sandbox, through the binary.

use super::{run, temp_file};
use serde_json::{Value as Json, json};

const MUL: &str = r#"(module (func (export "compute") (param f64 f64) (result f64) local.get 0 local.get 1 f64.mul))"#;

#[test]
fn prints_the_value_of_compute() {
    let file = temp_file("mul.wat", MUL.as_bytes());
    let file = file.to_str().expect("UTF-8 path");
    let done = run(&["wat", file, "17", "23"], b"");
    assert_eq!(
        (done.code, done.stdout.as_str()),
        (0, "391\n"),
        "{}",
        done.stderr
    );
    let done = run(&["wat", "--json", file, "-1.5", "2"], b"");
    assert_eq!(done.code, 0, "{}", done.stderr);
    let json: Json = serde_json::from_str(&done.stdout).expect("one JSON object");
    assert_eq!(
        json,
        json!({"success": true, "result": -3.0, "error": null,
               "computed_token": "<computed>-3</computed>"})
    );
    let binary = wat::parse_str(MUL).expect("parses");
    let done = run(&["wat", "-", "2", "4"], &binary);
    assert_eq!(
        (done.code, done.stdout.as_str()),
        (0, "8\n"),
        "{}",
        done.stderr
    );
}

#[test]
fn failing_modules_exit_1_with_the_error() {
    let spin = r#"(module (func (export "compute") (result f64) (loop br 0) f64.const 0))"#;
    let done = run(&["wat", "--timeout-ms", "20", "-"], spin.as_bytes());
    assert_eq!(done.code, 1);
    assert_eq!(done.stderr, "error[E404]: time limit of 20 ms exceeded\n");
    let import = r#"(module (import "wasi" "exit" (func)))"#;
    let done = run(&["wat", "--json", "-"], import.as_bytes());
    assert_eq!(done.code, 1);
    let json: Json = serde_json::from_str(&done.stdout).expect("one JSON object");
    assert_eq!(json["success"], false);
    assert_eq!(json["result"], Json::Null);
    let error = json["error"].as_str().unwrap_or_default();
    assert!(
        error.starts_with("import: the module imports `wasi.exit`"),
        "{error}"
    );
    assert_eq!(json["computed_token"], format!("<error>{error}</error>"));
    let done = run(&["wat", "-"], b"(module (func $f");
    assert_eq!(done.code, 1);
    assert!(
        done.stderr.starts_with("error[invalid_module]: "),
        "{}",
        done.stderr
    );
}

#[test]
fn bad_arguments_are_usage_errors() {
    assert_eq!(run(&["wat", "-", "x"], MUL.as_bytes()).code, 2);
    assert_eq!(run(&["wat", "/nonexistent/m.wat"], b"").code, 2);
    let done = run(&["wat", "-", "1"], MUL.as_bytes());
    assert_eq!(done.code, 1);
    assert_eq!(
        done.stderr,
        "error[arguments]: `compute` takes 2 argument(s), 1 given\n"
    );
}
