//! The `bytelogic` binary as users and other tests call it: exit codes, stdin,
//! text and JSON output, limit flags, and the examples with their expected output.

use serde_json::Value as Json;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one invocation of the binary did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `bytelogic args…` with `stdin` as standard input.
fn bytelogic(args: &[&str], stdin: &[u8]) -> Run {
    let (code, stdout, stderr) = bytelogic_bytes(args, stdin);
    Run {
        code,
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr,
    }
}

/// Runs `bytelogic args…` with `stdin` as standard input: the exit code, the raw
/// standard output and standard error.
fn bytelogic_bytes(args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bytelogic"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start bytelogic");
    // The binary may exit without reading stdin (usage errors); ignore a broken pipe.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let out = child.wait_with_output().expect("wait for bytelogic");
    (
        out.status.code().expect("exit code"),
        out.stdout,
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// Writes `contents` to a fresh file named `name` and returns its path.
fn write_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).expect("create temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}

/// Runs `bytelogic args… --json FILE` on `program` and parses the one JSON object printed.
fn run_json(args: &[&str], program: &str) -> (i32, Json) {
    let mut all = args.to_vec();
    all.extend(["--json", "-"]);
    let run = bytelogic(&all, program.as_bytes());
    assert_eq!(
        run.stdout.lines().count(),
        1,
        "one JSON line expected, got {:?}",
        run.stdout
    );
    (
        run.code,
        serde_json::from_str(&run.stdout).expect("stdout is JSON"),
    )
}

const FAMILY: &str = "REL parent\nFACT parent alice bob\nFACT parent alice carol\nSOLVE\n\
                      QUERY parent alice ?\nQUERY parent ? ?\nQUERY parent bob alice\nRESULT 7 / 2\n";

#[test]
fn version_and_help_exit_zero() {
    let v = bytelogic(&["--version"], b"");
    assert_eq!(v.code, 0);
    assert_eq!(
        v.stdout.trim(),
        format!("bytelogic {}", env!("CARGO_PKG_VERSION"))
    );
    let h = bytelogic(&["--help"], b"");
    assert_eq!(h.code, 0);
    assert!(
        h.stdout.contains("run") && h.stdout.contains("check"),
        "{}",
        h.stdout
    );
    let run_help = bytelogic(&["run", "--help"], b"");
    for flag in [
        "--json",
        "--max-steps",
        "--max-tuples",
        "--max-depth",
        "--timeout-ms",
        "--max-memory-mb",
        "--max-source-kb",
    ] {
        assert!(run_help.stdout.contains(flag), "run --help lacks {flag}");
    }
}

#[test]
fn usage_errors_exit_two() {
    let file = write_file("usage.bl", b"RESULT 1\n");
    let file = file.to_str().unwrap();
    for args in [
        vec!["run", "--no-such-flag", file],
        vec!["run", "--max-steps", "many", file],
        vec!["run", "--max-steps", "-1", file],
        vec!["run"],
        vec!["frobnicate", file],
        vec![],
        vec!["check", "--max-steps", "10", file],
    ] {
        let run = bytelogic(&args, b"");
        assert_eq!(run.code, 2, "bytelogic {args:?}: {}", run.stderr);
        assert!(!run.stderr.is_empty(), "bytelogic {args:?} says nothing");
    }
}

#[test]
fn unreadable_and_non_utf8_files_exit_two() {
    let missing = bytelogic(&["run", "/no/such/dir/prog.bl"], b"");
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .starts_with("error: cannot read `/no/such/dir/prog.bl`"),
        "{}",
        missing.stderr
    );
    let dir = bytelogic(&["check", env!("CARGO_TARGET_TMPDIR")], b"");
    assert_eq!(dir.code, 2, "{}", dir.stderr);
    let latin1 = write_file("latin1.bl", b"REL caf\xe9\n");
    let bad = bytelogic(&["run", latin1.to_str().unwrap()], b"");
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("is not UTF-8 (invalid byte at offset 7)"),
        "{}",
        bad.stderr
    );
    let stdin = bytelogic(&["run", "--json", "-"], b"\xff\xfe\x00");
    assert_eq!((stdin.code, stdin.stdout.as_str()), (2, ""));
    assert!(
        stdin.stderr.contains("`<stdin>` is not UTF-8"),
        "{}",
        stdin.stderr
    );
}

#[test]
fn run_prints_one_output_per_line_from_a_file_or_stdin() {
    let expected = "bob, carol\n(alice, bob), (alice, carol)\nfalse\n3.5\n";
    let file = write_file("family.bl", FAMILY.as_bytes());
    let from_file = bytelogic(&["run", file.to_str().unwrap()], b"");
    assert_eq!(
        (
            from_file.code,
            from_file.stdout.as_str(),
            from_file.stderr.as_str()
        ),
        (0, expected, "")
    );
    let from_stdin = bytelogic(&["run", "-"], FAMILY.as_bytes());
    assert_eq!((from_stdin.code, from_stdin.stdout.as_str()), (0, expected));
}

#[test]
fn check_errors_exit_one_with_spec_text_diagnostics() {
    let program = "REL parent\nREL ancestor\nFACT parent a b\nSOLVE\n\n\n\
                   RULE ancestor: SCAN parent, JOIN ancestr $1, EMIT ancestor $0 $2\n";
    let file = write_file("undeclared.bl", program.as_bytes());
    let file = file.to_str().unwrap();
    for command in ["run", "check"] {
        let run = bytelogic(&[command, file], b"");
        assert_eq!(run.code, 1, "{command}: {}", run.stderr);
        assert_eq!(run.stdout, "");
        let excerpt = format!(
            "  --> {file}:7:34\n   |\n 7 | RULE ancestor: SCAN parent, JOIN ancestr $1, EMIT ancestor $0 $2\n   |{}^^^^^^^",
            " ".repeat(34)
        );
        assert!(
            run.stderr.starts_with("error[E301]: "),
            "{command}: {}",
            run.stderr
        );
        assert!(run.stderr.contains(&excerpt), "{command}: {}", run.stderr);
    }
}

#[test]
fn warnings_go_to_stderr_and_still_exit_zero() {
    let run = bytelogic(&["run", "-"], b"REL r\nFACT r 1\nQUERY r ?\n");
    assert_eq!((run.code, run.stdout.as_str()), (0, "1\n"));
    assert!(run.stderr.starts_with("warning[W002]: "), "{}", run.stderr);
    assert!(run.stderr.contains("  --> <stdin>:3:"), "{}", run.stderr);
}

#[test]
fn runtime_error_keeps_earlier_outputs_and_exits_one() {
    let run = bytelogic(&["run", "-"], b"RESULT 1\nRESULT 2 / 0\nRESULT 3\n");
    assert_eq!((run.code, run.stdout.as_str()), (1, "1\n"));
    assert!(run.stderr.starts_with("error[E201]: "), "{}", run.stderr);
    assert!(run.stderr.contains("  --> <stdin>:2:"), "{}", run.stderr);
}

/// Checks that `v` is an object with exactly `keys`.
fn assert_keys(v: &Json, keys: &[&str]) {
    let mut found: Vec<&str> = v
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut wanted = keys.to_vec();
    found.sort_unstable();
    wanted.sort_unstable();
    assert_eq!(found, wanted, "in {v}");
}

const OUTCOME_KEYS: [&str; 9] = [
    "success",
    "outputs",
    "query_results",
    "result",
    "computation_token",
    "diagnostics",
    "error",
    "backend",
    "stats",
];

/// Checks the shape every `run --json` outcome has, whatever the program.
fn assert_outcome_shape(v: &Json) {
    assert_keys(v, &OUTCOME_KEYS);
    assert!(
        v["success"].is_boolean() && v["result"].is_string() && v["computation_token"].is_string()
    );
    assert!(
        v["outputs"].is_array() && v["query_results"].is_array() && v["diagnostics"].is_array()
    );
    // What ran: `run` answers a short program on the interpreter (docs/decisions.md
    // 140); nothing when the checks failed (`no_backend_is_reported_when_nothing_ran`).
    assert!(
        v["backend"] == "interpreter" || v["backend"].is_null(),
        "{v}"
    );
    assert_keys(&v["stats"], &["tuples", "iterations", "steps", "time_us"]);
    assert!(v["stats"].as_object().unwrap().values().all(Json::is_u64));
    for d in v["diagnostics"].as_array().unwrap() {
        assert_keys(
            d,
            &[
                "code",
                "severity",
                "message",
                "line",
                "column",
                "end_column",
                "label",
                "hint",
            ],
        );
        assert!(d["line"].is_u64() && d["column"].is_u64() && d["end_column"].is_u64());
    }
    match &v["error"] {
        Json::Null => assert_eq!(v["success"], true),
        e => {
            assert_keys(e, &["code", "message", "line", "column"]);
            assert_eq!(v["success"], false);
        }
    }
}

#[test]
fn json_outcome_has_every_key_on_success_and_failure() {
    for program in [FAMILY, "RESULT 1\n", "QUERY nope ?\n", "RESULT 1 / 0\n", ""] {
        let (code, v) = run_json(&["run"], program);
        assert_outcome_shape(&v);
        assert_eq!(
            code,
            if v["success"] == true { 0 } else { 1 },
            "{program:?}: {v}"
        );
    }
}

#[test]
fn json_outcome_values() {
    let (code, v) = run_json(&["run"], FAMILY);
    assert_eq!(code, 0);
    let expected = serde_json::json!({
        "success": true,
        "outputs": [
            {"kind": "query", "relation": "parent", "args": ["alice", "?"], "value": ["bob", "carol"]},
            {"kind": "query", "relation": "parent", "args": ["?", "?"], "value": [["alice", "bob"], ["alice", "carol"]]},
            {"kind": "query", "relation": "parent", "args": ["bob", "alice"], "value": false},
            {"kind": "result", "value": 3.5},
        ],
        "query_results": ["bob", "carol", ["alice", "bob"], ["alice", "carol"], 0, 3.5],
        "result": "bob, carol; (alice, bob), (alice, carol); false; 3.5",
        "computation_token": "<result>bob, carol; (alice, bob), (alice, carol); false; 3.5</result>",
        "diagnostics": [],
        "error": null,
        "backend": "interpreter",
    });
    for (key, value) in expected.as_object().unwrap() {
        assert_eq!(&v[key], value, "key {key}");
    }
    assert_eq!(v["stats"]["tuples"], 2);
}

#[test]
fn json_runtime_error_is_the_error_and_the_last_diagnostic() {
    let (code, v) = run_json(&["run"], "RESULT 1\nRESULT 2 / 0\n");
    assert_eq!(code, 1);
    assert_eq!(v["error"]["code"], "E201");
    assert_eq!(v["error"]["line"], 2);
    assert_eq!(
        v["diagnostics"].as_array().unwrap().last().unwrap()["code"],
        "E201"
    );
    assert_eq!(v["result"], "1");
    assert_eq!(v["query_results"], serde_json::json!([1]));
    assert!(
        v["computation_token"]
            .as_str()
            .unwrap()
            .starts_with("<error>E201: ")
    );
}

#[test]
fn json_check_failure_has_no_outputs() {
    let (code, v) = run_json(&["run"], "REL a\nFACT a 1\nSOLVE\nQUERY b ?\nRESULT 1\n");
    assert_eq!(code, 1);
    assert_eq!(
        (&v["outputs"], &v["result"]),
        (&serde_json::json!([]), &Json::from(""))
    );
    assert_eq!(v["error"]["code"], "E301");
    assert_eq!(v["error"]["line"], 4);
}

#[test]
fn check_json_has_success_and_diagnostics_only() {
    let (code, v) = run_json(&["check"], "RESULT 1\n");
    assert_keys(&v, &["success", "diagnostics"]);
    assert_eq!((code, &v["success"]), (0, &Json::Bool(true)));
    let (code, v) = run_json(&["check"], "REL a\nQUERY b ?\n");
    assert_keys(&v, &["success", "diagnostics"]);
    assert_eq!((code, &v["success"]), (1, &Json::Bool(false)));
    let codes: Vec<&Json> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert!(codes.contains(&&Json::from("E301")), "{codes:?}");
}

#[test]
fn source_limit_flag_reaches_the_engine() {
    let big = format!("RESULT 1\n{}", "; padding\n".repeat(200));
    for command in ["run", "check"] {
        let (code, v) = run_json(&[command, "--max-source-kb", "1"], &big);
        assert_eq!(
            (code, &v["diagnostics"][0]["code"]),
            (1, &Json::from("E406")),
            "{command}: {v}"
        );
        let (code, _) = run_json(&[command, "--max-source-kb", "2"], &big);
        assert_eq!(code, 0, "{command}");
    }
    let text = bytelogic(&["run", "--max-source-kb", "1", "-"], big.as_bytes());
    assert_eq!(text.code, 1);
    assert!(
        text.stderr.starts_with("error[E406]: ") && text.stderr.contains("  --> <stdin>:1:1\n"),
        "{}",
        text.stderr
    );
}

#[test]
fn run_limit_flags_reach_the_engine() {
    let counting = "CALC spin\nLET $i = 0\nFOR WHILE $i < 100000\nLET $i = $i + 1\nEND\nRESULT $i\nEND\n\
                    RESULT CALC spin()\n";
    let deep = "CALC down\nINPUT $n\nIF $n == 0 THEN RESULT 0 END\nRESULT CALC down($n - 1)\nEND\n\
                RESULT CALC down(50)\n";
    let growing =
        "REL n\nFACT n 0\nRULE n: SCAN n, WHERE $0 < 100, EMIT n ($0 + 1)\nSOLVE\nQUERY n 100\n";
    let cases = [
        (vec!["--max-steps", "1000"], counting, "E401"),
        (vec!["--max-tuples", "10"], growing, "E402"),
        (vec!["--max-depth", "10"], deep, "E403"),
        (vec!["--timeout-ms", "0"], counting, "E404"),
    ];
    for (flags, program, code) in cases {
        let mut args = vec!["run"];
        args.extend(&flags);
        let (exit, v) = run_json(&args, program);
        assert_eq!(
            (exit, &v["error"]["code"]),
            (1, &Json::from(code)),
            "{flags:?}: {v}"
        );
        let (exit, v) = run_json(&["run"], program);
        assert_eq!(exit, 0, "without {flags:?}: {v}");
    }
}

#[test]
fn examples_print_their_expected_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/ exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "bl"))
        .collect();
    programs.sort();
    assert!(programs.len() >= 3, "examples: {programs:?}");
    let mut failures = Vec::new();
    for program in &programs {
        let expected = std::fs::read_to_string(program.with_extension("out"))
            .expect("each example has a .out");
        let run = bytelogic(&["run", program.to_str().unwrap()], b"");
        if (run.code, run.stdout.as_str(), run.stderr.as_str()) != (0, expected.as_str(), "") {
            failures.push(format!(
                "{}: exit {}\n{}{}",
                program.display(),
                run.code,
                run.stdout,
                run.stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    let run = bytelogic(&["check", "-"], "\u{feff}QUERY nope ?\n".as_bytes());
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("  --> <stdin>:1:7\n"), "{}", run.stderr);
}

#[test]
fn backends_give_the_same_outcome_and_say_which_ran() {
    // The outcome without `stats`, and its `backend`.
    let split = |args: &[&str]| {
        let (_, mut v) = run_json(args, FAMILY);
        let map = v.as_object_mut().expect("an object");
        map.remove("stats");
        let backend = map.remove("backend").expect("a backend");
        (backend, v)
    };
    let (auto, a) = split(&["run"]);
    let (wasm, w) = split(&["run", "--backend", "wasm"]);
    let (interp, i) = split(&["run", "--backend", "interp"]);
    let (interpreter, long) = split(&["run", "--backend", "interpreter"]);
    // A short program answers soonest on the interpreter; `wasm` always compiles.
    assert_eq!(
        (auto, wasm, interp, interpreter),
        (
            Json::from("interpreter"),
            Json::from("wasm"),
            Json::from("interpreter"),
            Json::from("interpreter")
        )
    );
    assert_eq!(a.get("fallback"), None, "nothing failed: {a}");
    assert_eq!((&a, &w, &long), (&i, &i, &i));
    let text = bytelogic(&["run", "--backend", "interp", "-"], FAMILY.as_bytes());
    assert_eq!(
        text.stdout,
        bytelogic(&["run", "-"], FAMILY.as_bytes()).stdout
    );
}

#[test]
fn no_backend_is_reported_when_nothing_ran() {
    for backend in ["auto", "wasm", "interpreter"] {
        let (code, v) = run_json(&["run", "--backend", backend], "QUERY nope ?\n");
        assert_eq!((code, &v["backend"]), (1, &Json::Null), "{backend}: {v}");
        let (code, v) = run_json(&["run", "--backend", backend], "RESULT 1 / 0\n");
        assert_eq!(code, 1);
        assert!(v["backend"].is_string(), "{backend} ran: {v}");
    }
}

#[test]
fn emit_wat_adds_the_module_text_to_the_json() {
    let (_, v) = run_json(&["run", "--emit-wat"], "RESULT 1\n");
    let wat = v["wat_code"].as_str().expect("wat_code");
    assert!(wat.starts_with("(module"), "{wat}");
    let (_, v) = run_json(&["run", "--backend", "interp", "--emit-wat"], "RESULT 1\n");
    assert_eq!(v["backend"], "interpreter");
    assert!(v["wat_code"].is_string());
    let (_, v) = run_json(&["run"], "RESULT 1\n");
    assert_eq!(v.get("wat_code"), None);
    let (_, v) = run_json(&["run", "--emit-wat"], "RESULT nope(\n");
    assert_eq!(v.get("wat_code"), None, "no module without a program: {v}");
    assert_eq!(bytelogic(&["run", "--emit-wat", "-"], b"RESULT 1").code, 2);
}

#[test]
fn input_files_inject_facts() {
    let facts = write_file("facts.json", br#"{"edge": [["b", "c"], [1, 2.5]]}"#);
    let facts = facts.to_str().expect("UTF-8 path");
    let program = "REL edge\nFACT edge a b\nQUERY edge ? ?\n";
    for backend in ["wasm", "interp"] {
        let (code, v) = run_json(&["run", "--backend", backend, "--input", facts], program);
        assert_eq!(code, 0, "{v}");
        assert_eq!(v["result"], "(1, 2.5), (a, b), (b, c)");
    }
    let (code, v) = run_json(&["run", "--input", facts], "REL e\nQUERY e ? ?\n");
    assert_eq!((code, &v["error"]["code"]), (1, &Json::from("E301")), "{v}");
    let bad = write_file("bad.json", br#"{"edge": [[true]]}"#);
    let run = bytelogic(&["run", "--input", bad.to_str().unwrap(), "-"], b"REL edge");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("value of `edge`"), "{}", run.stderr);
}

#[test]
fn compile_writes_wat_or_wasm() {
    let run = bytelogic(&["compile", "-"], FAMILY.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("(module"));
    let (code, wasm, _) = bytelogic_bytes(&["compile", "--emit", "wasm", "-"], FAMILY.as_bytes());
    assert_eq!((code, &wasm[..4]), (0, &b"\0asm"[..]));
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests/family.wasm");
    let file = write_file("family.bl", FAMILY.as_bytes());
    let run = bytelogic(
        &[
            "compile",
            "--emit",
            "wasm",
            "-o",
            out.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    assert_eq!(std::fs::read(&out).expect("written"), wasm);
    let run = bytelogic(&["compile", "-"], b"QUERY nope ?\n");
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    assert!(run.stderr.contains("error[E301]"), "{}", run.stderr);
}
