//! The small rows of issue 17's table through the binary, on every backend where
//! one runs: each row's promised behaviour. (The large rows' time and memory are
//! the hostile suite's; here their error codes.)

use serde_json::Value as Json;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const BACKENDS: [&str; 3] = ["interp", "wasm", "auto"];

/// Runs the binary with `args` in `dir`, `stdin` on standard input: exit code,
/// standard output, standard error.
fn bytelogic_in(dir: &Path, args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bytelogic"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let out = child.wait_with_output().expect("ends");
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(out.stdout),
        text(out.stderr),
    )
}

fn bytelogic(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    bytelogic_in(Path::new(env!("CARGO_TARGET_TMPDIR")), args, stdin)
}

/// `run --json --backend B -` on `source`: the exit code and the one JSON object.
fn run_json(backend: &str, extra: &[&str], source: &[u8]) -> (i32, Json) {
    let mut args = vec!["run", "--json", "--backend", backend];
    args.extend(extra);
    args.push("-");
    let (code, stdout, stderr) = bytelogic(&args, source);
    let mut lines = stdout.lines();
    let json = serde_json::from_str(lines.next().unwrap_or(""))
        .unwrap_or_else(|e| panic!("{backend}: not one JSON object ({e}): {stdout} {stderr}"));
    assert_eq!(
        lines.next(),
        None,
        "{backend}: more than one line: {stdout}"
    );
    (code, json)
}

#[test]
fn the_least_int_written_as_a_float_is_the_int() {
    for backend in BACKENDS {
        let (code, o) = run_json(backend, &[], b"RESULT -9223372036854775808.0\n");
        assert_eq!(
            (code, o["result"].as_str()),
            (0, Some("-9223372036854775808")),
            "{o}"
        );
        assert!(o["query_results"][0].is_i64(), "{backend}: {o}");
    }
}

#[test]
fn one_byte_order_mark_is_skipped() {
    for backend in BACKENDS {
        let (_, o) = run_json(backend, &[], "\u{feff}RESULT 1\n".as_bytes());
        assert_eq!(o["result"], "1", "{o}");
        let (code, o) = run_json(backend, &[], "\u{feff}\u{feff}RESULT 1\n".as_bytes());
        assert_eq!((code, &o["error"]["code"]), (1, &Json::from("E103")), "{o}");
        assert_eq!(
            (&o["error"]["line"], &o["error"]["column"]),
            (&1.into(), &1.into())
        );
    }
    let source = "\u{feff}\u{feff}RESULT 1\n";
    let (code, stdout, _) = bytelogic(&["lex", "--json", "-"], source.as_bytes());
    let tokens: Json = serde_json::from_str(&stdout).expect("JSON");
    let texts: String = tokens
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| t["text"].as_str())
        .collect();
    assert_eq!((code, texts.as_str()), (0, source));
}

#[test]
fn compile_to_dash_writes_standard_output() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compile-dash");
    std::fs::create_dir_all(&dir).expect("a directory");
    let (code, stdout, stderr) = bytelogic_in(&dir, &["compile", "-o", "-", "-"], b"RESULT 1\n");
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("(module"), "{stdout}");
    assert!(!dir.join("-").exists(), "a file named - was written");
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join("../-").exists());
}

#[test]
fn a_refused_program_is_one_json_object_on_the_compiled_path() {
    let params: Vec<String> = (0..501).map(|i| format!("$p{i}")).collect();
    let args = vec!["1"; 501].join(", ");
    let source = format!(
        "CALC f\nINPUT {}\nRESULT $p500 + $p1\nEND\nRESULT CALC f({args})\n",
        params.join(" ")
    );
    let (code, o) = run_json("wasm", &[], source.as_bytes());
    assert_eq!((code, &o["success"]), (2, &Json::Bool(false)), "{o}");
    assert_eq!(o["error"]["code"], "unsupported", "{o}");
    assert!(
        o["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("501 parameters"))
    );
}

#[test]
fn no_memory_at_all_is_e405_or_a_result_as_a_json_outcome() {
    for backend in BACKENDS {
        let (code, o) = run_json(backend, &["--max-memory-mb", "0"], b"RESULT 1\n");
        match o["error"]["code"].as_str() {
            None => assert_eq!((code, &o["result"]), (0, &Json::from("1")), "{o}"),
            Some(e) => assert_eq!((code, e), (1, "E405"), "{backend}: {o}"),
        }
    }
    // The compiled path cannot place its first page.
    let (_, o) = run_json("wasm", &["--max-memory-mb", "0"], b"RESULT 1\n");
    assert_eq!(o["error"]["code"], "E405", "{o}");
}

#[test]
fn serve_echoes_an_id_as_written() {
    let line = br#"{"id": 123456789012345678901234567890, "code": "RESULT 1"}
"#;
    let (code, stdout, _) = bytelogic(&["serve"], line);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(r#""id":123456789012345678901234567890,"#),
        "{stdout}"
    );
}

#[test]
fn an_endless_standard_input_is_e406_once_past_the_limit() {
    for backend in BACKENDS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bytelogic"))
            .args([
                "run",
                "--json",
                "--backend",
                backend,
                "--max-source-kb",
                "64",
                "-",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("starts");
        let mut stdin = child.stdin.take().expect("stdin");
        // Far more than the limit; writing stops when the reader has gone.
        let writer = std::thread::spawn(move || {
            for _ in 0..100_000 {
                if stdin.write_all(&b"RESULT 1\n".repeat(64)).is_err() {
                    return;
                }
            }
        });
        let out = child.wait_with_output().expect("ends");
        let _ = writer.join();
        let o: Json = serde_json::from_slice(&out.stdout).expect("one JSON object");
        assert_eq!(o["error"]["code"], "E406", "{o}");
        let message = o["error"]["message"].as_str().unwrap_or("");
        assert_eq!(
            message,
            "source is more than 65536 bytes, the limit of 64 KiB"
        );
    }
}

#[test]
fn injected_tuples_past_the_tuple_limit_are_e402_while_read() {
    let tuples: Vec<String> = (0..3000).map(|i| format!("[{i}, {i}]")).collect();
    let input = Path::new(env!("CARGO_TARGET_TMPDIR")).join("many-inputs.json");
    std::fs::write(&input, format!("{{\"e\": [{}]}}", tuples.join(","))).expect("writes");
    let input = input.to_string_lossy();
    for backend in BACKENDS {
        let flags = ["--max-tuples", "1000", "--input", &input];
        let (code, o) = run_json(backend, &flags, b"REL e\nQUERY e ? ?\n");
        assert_eq!((code, &o["error"]["code"]), (1, &Json::from("E402")), "{o}");
    }
}

#[test]
fn messages_quote_bounded_excerpts_in_text_and_json() {
    let source = format!("LET $s = \"{}\"\nRESULT $s - 1\n", "ab".repeat(50_000));
    for backend in BACKENDS {
        let (_, o) = run_json(backend, &[], source.as_bytes());
        let message = o["error"]["message"].as_str().unwrap_or("");
        let expected = format!(
            "type mismatch: cannot apply `-` to \"{}…\" (100000 characters) and 1 where $s = \"{}…\" (100000 characters)",
            "ab".repeat(100),
            "ab".repeat(100)
        );
        assert_eq!(message, expected, "{backend}");
        let (_, _, stderr) = bytelogic(&["run", "--backend", backend, "-"], source.as_bytes());
        assert!(
            stderr.len() < 2000,
            "{backend}: {} bytes of diagnostics",
            stderr.len()
        );
    }
}

#[test]
fn many_diagnostics_on_one_line_are_bounded() {
    let mut source = String::from("REL a\\n");
    for i in 0..6000 {
        source += &format!("QUERY b{i} ?\\n");
    }
    let (code, stdout, stderr) = bytelogic(&["check", "-"], source.as_bytes());
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(stderr.len() < 100_000, "{} bytes", stderr.len());
    assert!(
        stderr.ends_with("note: 11901 more diagnostics not shown\n\n"),
        "{}",
        &stderr[stderr.len() - 200..]
    );
    let (_, stdout, _) = bytelogic(&["check", "--json", "-"], source.as_bytes());
    let o: Json = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(
        (
            o["diagnostics"].as_array().map(Vec::len),
            &o["diagnostics_omitted"]
        ),
        (Some(100), &11901.into())
    );
}
