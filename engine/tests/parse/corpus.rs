//! Every corpus program parses: conformance and runs without errors, and the
//! E102 rows of errors.jsonl get E102.

use bytelogic_engine::Code;
use bytelogic_engine::parser::parse;
use std::path::PathBuf;

/// The corpus folder, or `None` (with a notice) when it is absent outside CI.
fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("BYTELOGIC_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    if dir.join("conformance.jsonl").exists() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "corpus not found at {}",
        dir.display()
    );
    eprintln!("notice: corpus not found at {}; skipping", dir.display());
    None
}

/// The rows of one JSONL file.
fn rows(dir: &std::path::Path, file: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(dir.join(file)).expect("corpus file is readable");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus row is JSON"))
        .collect()
}

fn program(row: &serde_json::Value) -> &str {
    row["program"].as_str().expect("row has a program")
}

#[test]
fn conformance_and_runs_parse_without_errors() {
    let Some(dir) = corpus_dir() else { return };
    let mut count = 0;
    for file in ["conformance.jsonl", "runs.jsonl"] {
        for row in rows(&dir, file) {
            let (ast, diags) = parse(program(&row));
            let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
            assert!(errors.is_empty(), "{} ({file}): {errors:#?}", row["id"]);
            assert!(!ast.stmts.is_empty(), "{}", row["id"]);
            count += 1;
        }
    }
    assert!(count > 2000, "only {count} rows");
}

#[test]
fn error_rows_expecting_e102_get_e102() {
    let Some(dir) = corpus_dir() else { return };
    let mut count = 0;
    for row in rows(&dir, "errors.jsonl") {
        let expected = row["expected_codes"].as_array().expect("expected_codes");
        if !expected.iter().any(|c| c == "E102") {
            continue;
        }
        let (_, diags) = parse(program(&row));
        assert!(
            diags.iter().any(|d| d.code == Code::E102),
            "{}: {diags:#?}",
            row["id"]
        );
        count += 1;
    }
    assert!(count > 0);
}

#[test]
fn every_prefix_of_every_distinct_program_parses_without_panic() {
    let Some(dir) = corpus_dir() else { return };
    let mut programs: Vec<String> = ["conformance.jsonl", "runs.jsonl", "errors.jsonl"]
        .iter()
        .flat_map(|f| rows(&dir, f))
        .map(|r| program(&r).to_string())
        .collect();
    programs.sort();
    programs.dedup();
    for p in &programs {
        for (i, _) in p.char_indices() {
            let _ = parse(&p[..i]);
        }
    }
}
