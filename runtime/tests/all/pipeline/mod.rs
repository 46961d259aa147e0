//! The commands for language-model pipelines, through the real binary: `tokens`,
//! `serve`, `validate`, `lex`, `vocab` and `wat`. (The Python client of `serve` is
//! tested by the Python package's suite, `python/tests`.)

mod generate;
mod serve;
mod tokens;
mod validate;
mod vocab;
mod wat;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// The binary under test.
const BIN: &str = env!("CARGO_BIN_EXE_bytelogic");

/// What one finished invocation did.
struct Done {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Starts `bytelogic args…` with every standard stream piped.
fn start(args: &[&str]) -> Child {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start bytelogic")
}

/// Runs `bytelogic args…` to the end with `stdin` as its whole input.
fn run(args: &[&str], stdin: &[u8]) -> Done {
    let mut child = start(args);
    // A usage error exits without reading stdin; ignore the broken pipe.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let out = child.wait_with_output().expect("wait for bytelogic");
    Done {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A fresh file `name` holding `contents`.
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pipeline-tests");
    std::fs::create_dir_all(&dir).expect("create temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}
