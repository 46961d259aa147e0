//! Real programs to test with: the conformance corpus (`$BYTELOGIC_CORPUS`, else
//! `<workspace>/../shared/corpus`, never copied here; docs/testing.md) and the
//! engine's hand-written cases (`engine/tests/cases/**/*.bl`).

use bytelogic_testkit::{corpus_file, read_corpus};
use std::path::{Path, PathBuf};

/// A program and where it comes from.
#[derive(Clone, Debug)]
pub struct Source {
    /// Corpus row id or case path.
    pub name: String,
    /// The program text.
    pub text: String,
}

/// The corpus files whose rows hold programs.
const CORPUS_FILES: [&str; 3] = ["conformance.jsonl", "runs.jsonl", "errors.jsonl"];

/// The `program` of every row of every corpus file, for tests that need the corpus
/// (they are ignored when it is absent: the `corpus_absent` switch); panics with the
/// reason when a file cannot be read.
pub fn corpus() -> Vec<Source> {
    corpus_rows(|file| Some(corpus_file(file)))
}

/// The programs of [`corpus`], or none when the corpus is absent: for seeds that the
/// corpus only enriches.
pub fn corpus_if_present() -> Vec<Source> {
    corpus_rows(|file| read_corpus(file).ok())
}

fn corpus_rows(read: impl Fn(&str) -> Option<String>) -> Vec<Source> {
    let mut out = Vec::new();
    for file in CORPUS_FILES {
        let Some(text) = read(file) else {
            continue;
        };
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let row: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{file} line {}: not JSON: {e}", n + 1));
            let name = row["id"]
                .as_str()
                .map_or_else(|| format!("{file}:{}", n + 1), str::to_string);
            if let Some(program) = row["program"].as_str() {
                out.push(Source {
                    name,
                    text: program.to_string(),
                });
            }
        }
    }
    out
}

/// Every `engine/tests/cases/**/*.bl` program.
pub fn cases() -> Vec<Source> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../engine/tests/cases");
    let mut out = Vec::new();
    collect_cases(&root, &mut out);
    assert!(!out.is_empty(), "no cases under {}", root.display());
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn collect_cases(dir: &Path, out: &mut Vec<Source>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("readable directory entry").path();
        if path.is_dir() {
            collect_cases(&path, out);
        } else if path.extension().is_some_and(|e| e == "bl") {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            out.push(Source {
                name: path.display().to_string(),
                text,
            });
        }
    }
}
