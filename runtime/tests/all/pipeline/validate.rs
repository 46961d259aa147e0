//! `bytelogic validate`: summary, exit code, report, and the public corpus.

use super::{run, temp_file};
use bytelogic_testkit::{corpus_dir, corpus_file};
use serde_json::Value as Json;

const DATA: &str = r#"{"id": "ok", "category": "math", "program": "RESULT 987 * 21 / 100", "expected": [207]}
{"id": "off", "category": "math", "program": "RESULT 2", "expected": [3]}
{"id": "div", "category": "logic", "program": "RESULT 1 / 0", "expected": [1]}
{"id": "gen", "category": "logic", "output": "It is <computation>RESULT 1</computation>.", "expected": [1]}
this line is not JSON
"#;

#[test]
fn summary_report_and_exit_code() {
    let data = temp_file("mixed.jsonl", DATA.as_bytes());
    let report = data.with_extension("report.jsonl");
    let done = run(
        &[
            "validate",
            "--report",
            report.to_str().unwrap(),
            data.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(done.code, 1, "{}{}", done.stdout, done.stderr);
    let out = &done.stdout;
    assert!(out.contains("5 rows in "), "{out}");
    assert!(out.contains("2 passed, 1 wrong, 2 errors"), "{out}");
    assert!(
        out.contains("errors by code:\n  E201       1\n  bad_row    1\n"),
        "{out}"
    );
    assert!(
        out.contains("  logic                                    1 / 2\n"),
        "{out}"
    );
    assert!(out.contains("  off (line 2): wrong: "), "{out}");
    assert!(
        out.contains("  div (line 3): E201: division by zero"),
        "{out}"
    );
    assert!(
        out.contains("  line 5 (line 5): bad_row: not JSON"),
        "{out}"
    );
    assert!(!out.contains("  ok (line"), "{out}");
    let lines: Vec<Json> = std::fs::read_to_string(&report)
        .expect("report written")
        .lines()
        .map(|l| serde_json::from_str(l).expect("report lines are JSON"))
        .collect();
    let statuses: Vec<&str> = lines
        .iter()
        .map(|l| l["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["pass", "wrong", "error", "pass", "error"]);
    assert_eq!(lines[2]["code"], "E201");
}

#[test]
fn fields_flags_and_usage_errors() {
    let data = temp_file("renamed.jsonl", br#"{"code": "RESULT 2", "answer": [2]}"#);
    let data = data.to_str().unwrap();
    let done = run(
        &[
            "validate",
            "--program-field",
            "code",
            "--expected-field",
            "answer",
            data,
        ],
        b"",
    );
    assert_eq!(done.code, 0, "{}", done.stdout);
    assert!(done.stdout.starts_with("1 rows in "), "{}", done.stdout);
    assert_eq!(run(&["validate", data], b"").code, 1);
    assert_eq!(run(&["validate", "/no/such.jsonl"], b"").code, 2);
    let unwritable = run(&["validate", "--report", "/no/such/dir/r.jsonl", data], b"");
    assert_eq!(unwritable.code, 2);
}

#[test]
#[cfg_attr(
    corpus_absent,
    ignore = "the conformance corpus is absent: set BYTELOGIC_CORPUS (docs/testing.md)"
)]
fn the_public_corpus_validates() {
    let file = corpus_dir().join("conformance.jsonl");
    corpus_file("conformance.jsonl");
    let done = run(&["validate", file.to_str().unwrap()], b"");
    assert_eq!(done.code, 0, "{}", done.stdout);
    let first = done.stdout.lines().next().unwrap_or("");
    println!("{first}");
    assert!(first.ends_with(" passed, 0 wrong, 0 errors"), "{first}");
}
