//! Prints one line per generated module — `name target bytes digest` — for every
//! program of the conformance corpus, the hand-written cases and the examples, in
//! both targets, so a refactor of the code generator can be checked to leave every
//! module byte-identical:
//!
//! ```text
//! cargo run -p bytelogic-codegen --example module_digests > before.txt
//! # … change the code generator …
//! cargo run -p bytelogic-codegen --example module_digests > after.txt
//! diff before.txt after.txt
//! ```
//!
//! These are the modules the runtime runs, without names; `--named` digests the
//! modules `compile_named` returns instead. The corpus is `$BYTELOGIC_CORPUS`,
//! else `../shared/corpus` from the workspace root. The digest is std's SipHash,
//! stable for one toolchain: compare files made by the same build of this tool.

use bytelogic_codegen::{Target, compile_for, compile_named};
use bytelogic_engine::{Limits, compile};
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    let named = std::env::args().any(|a| a == "--named");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut programs: Vec<(String, String)> = Vec::new();
    let corpus = std::env::var_os("BYTELOGIC_CORPUS")
        .map_or_else(|| root.join("../shared/corpus"), PathBuf::from);
    for file in ["conformance.jsonl", "runs.jsonl", "errors.jsonl"] {
        let text = std::fs::read_to_string(corpus.join(file))
            .unwrap_or_else(|e| panic!("{}: {e}", corpus.join(file).display()));
        for (n, line) in text.lines().enumerate() {
            let row: serde_json::Value = serde_json::from_str(line).expect("a JSON row");
            let program = row["program"].as_str().expect("a program").to_string();
            programs.push((format!("{file}:{}", n + 1), program));
        }
    }
    for dir in ["engine/tests/cases", "examples"] {
        let mut files = Vec::new();
        collect(&root.join(dir), &mut files);
        files.sort();
        for path in files {
            let source = std::fs::read_to_string(&path).expect("a readable case");
            let name = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            programs.push((name, source));
        }
    }
    for (name, source) in programs {
        let Some(program) = compile(&source, &Limits::default()).program else {
            continue;
        };
        for (target, label) in [(Target::Quick, "quick"), (Target::LongRun, "long")] {
            let compiled = if named {
                compile_named(&program, target)
            } else {
                compile_for(&program, target)
            };
            match compiled {
                Ok(compiled) => {
                    let mut hasher = DefaultHasher::new();
                    hasher.write(&compiled.wasm);
                    let (bytes, digest) = (compiled.wasm.len(), hasher.finish());
                    println!("{name} {label} {bytes} {digest:016x}");
                }
                Err(e) => println!("{name} {label} error {e}"),
            }
        }
    }
}

/// Every `.bl` file below `dir`.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("a readable directory")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "bl") {
            out.push(path);
        }
    }
}
