//! Golden WAT, one small file per runtime helper or emitted construct (as wasmtime's
//! disassembly tests): each file of `tests/golden/` starts with a header of `;;`
//! lines that says what it shows, and the rest is the WAT of those functions of the
//! module compiled from the header's program, with its name section and without
//! inlining (so each helper's body is shown as it is generated, and calls by name).
//!
//! Header lines: `;;! | TEXT` is a line of the program; `;;! function NAME` a function
//! to show, by its name-section name ([`crate::functions::FnKey::name`]); `;;! target
//! long-run` compiles for [`crate::Target::LongRun`]; any other `;;` line is a comment.
//! A new golden file is its header alone: `BLESS=1 cargo test -p bytelogic-codegen
//! golden` writes (or rewrites) the WAT after every header.

use crate::module::{Options, generate};
use bytelogic_engine::{Limits, compile};
use std::path::{Path, PathBuf};
use wasm_encoder::Section;

/// A golden file's header, parsed.
struct Header {
    /// The header's lines, as written.
    text: String,
    program: String,
    functions: Vec<String>,
    long_run: bool,
}

fn header(file: &str) -> Result<Header, String> {
    let mut h = Header {
        text: String::new(),
        program: String::new(),
        functions: Vec::new(),
        long_run: false,
    };
    for line in file.lines().take_while(|l| l.starts_with(";;")) {
        h.text.push_str(line);
        h.text.push('\n');
        let Some(directive) = line.strip_prefix(";;! ") else {
            continue;
        };
        if let Some(source) = directive.strip_prefix("| ").or(directive.strip_prefix('|')) {
            h.program.push_str(source);
            h.program.push('\n');
        } else if let Some(name) = directive.strip_prefix("function ") {
            h.functions.push(name.trim().to_string());
        } else if directive.trim() == "target long-run" {
            h.long_run = true;
        } else {
            return Err(format!("unknown directive `{line}`"));
        }
    }
    if h.program.is_empty() || h.functions.is_empty() {
        return Err("the header needs `;;! | …` program lines and `;;! function …`".into());
    }
    Ok(h)
}

/// The WAT of the header's functions, each without its index and type number (which
/// change whenever a function is added before it).
fn expected(h: &Header) -> Result<String, String> {
    let program = compile(&h.program, &Limits::default())
        .program
        .ok_or("the program does not compile")?;
    let options = Options {
        dense: h.long_run,
        names: true,
        inline: false,
    };
    let module = generate(&program, options).map_err(|e| e.to_string())?;
    let mut wasm = module.wasm;
    if let Some(names) = module.names {
        names.append_to(&mut wasm);
    }
    wasmparser::validate(&wasm).map_err(|e| format!("invalid module: {e}"))?;
    let wat = crate::wat(&wasm).map_err(|e| e.to_string())?;
    let mut out = String::new();
    for name in &h.functions {
        out.push_str(&function(&wat, name).ok_or(format!("no function `{name}`"))?);
    }
    Ok(out)
}

/// The text of function `$name` in `wat`, unindented by one level.
fn function(wat: &str, name: &str) -> Option<String> {
    let start = format!("  (func ${name} ");
    let mut lines = wat.lines().skip_while(|l| !l.starts_with(&start));
    let first = lines.next()?;
    let mut text = String::new();
    // `(func $name (;12;) (type 3) (param …)`: the index and type number go.
    let mut words: Vec<&str> = first.trim().split(' ').collect();
    if words.get(2).is_some_and(|w| w.starts_with("(;")) {
        words.remove(2);
    }
    if words.get(2) == Some(&"(type") {
        words.drain(2..4);
    }
    text.push_str(&words.join(" "));
    text.push('\n');
    for line in lines {
        text.push_str(line.strip_prefix("  ").unwrap_or(line));
        text.push('\n');
        if line == "  )" {
            break;
        }
    }
    Some(text)
}

fn golden_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/golden")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "wat"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_golden_file_shows_what_its_program_compiles_to() {
    let bless = std::env::var_os("BLESS").is_some();
    let files = golden_files();
    assert!(!files.is_empty(), "no golden files");
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let file = std::fs::read_to_string(path).expect("readable golden file");
        let result = header(&file).and_then(|h| Ok((expected(&h)?, h.text)));
        let (wat, header) = match result {
            Ok(found) => found,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let want = format!("{header}{wat}");
        if bless {
            std::fs::write(path, &want).expect("writable golden file");
        } else if file != want {
            let line = file
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .map_or(file.lines().count().min(want.lines().count()), |i| i);
            failures.push(format!("{name}: differs from line {}", line + 1));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden files (BLESS=1 rewrites them):\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
