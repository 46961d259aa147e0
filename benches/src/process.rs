//! Whole-process measurements of the `bytelogic` binary, for the latency rows of the
//! report (issue 12): `bytelogic run` of one program, and `bytelogic serve` answering
//! a stream of requests. Each compares two configurations alternating in one session
//! (A, B, A, B, …), so that the ratio of their medians survives a machine whose load
//! changes; single cells still move with the load.

use crate::heap;
use serde_json::json;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// The `bytelogic` binary beside this executable (`target/release/bytelogic` for the
/// report), built with `cargo build --release -p bytelogic-runtime` first when absent.
pub fn binary() -> PathBuf {
    let exe = std::env::current_exe().expect("the report's own path");
    let dir = exe.parent().expect("a directory");
    // Examples live one directory further down.
    let dir = if dir.ends_with("examples") {
        dir.parent().expect("a directory")
    } else {
        dir
    };
    let binary = dir.join("bytelogic");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let built = heap::command(cargo)
        .args([
            "build",
            "--release",
            "-p",
            "bytelogic-runtime",
            "--bin",
            "bytelogic",
        ])
        .stdout(Stdio::null())
        .status();
    assert!(
        built.is_ok_and(|s| s.success()) || binary.exists(),
        "cannot build {}",
        binary.display()
    );
    binary
}

/// The times of one configuration: their median, and their minimum (on a shared
/// machine a process start can wait for a core far longer than it runs; the minimum
/// is the run that did not wait).
#[derive(Clone, Copy, Debug)]
pub struct Times {
    /// The median.
    pub median: Duration,
    /// The fastest.
    pub min: Duration,
}

/// The times of `a` and `b`, each run `rounds` times, alternating.
pub fn alternate(
    rounds: usize,
    mut a: impl FnMut() -> Duration,
    mut b: impl FnMut() -> Duration,
) -> (Times, Times) {
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    // One warm-up each (page cache, first process start).
    a();
    b();
    for _ in 0..rounds.max(1) {
        xs.push(a());
        ys.push(b());
    }
    (times(xs), times(ys))
}

fn times(mut samples: Vec<Duration>) -> Times {
    samples.sort_unstable();
    Times {
        median: samples[samples.len() / 2],
        min: samples[0],
    }
}

/// The wall time of `bytelogic ARGS FILE` from spawn to exit; panics unless it exits 0.
pub fn run(binary: &Path, args: &[&str], file: &Path) -> Duration {
    let start = Instant::now();
    let status = heap::command(binary)
        .args(args)
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("bytelogic starts");
    let elapsed = start.elapsed();
    assert!(
        status.success(),
        "bytelogic {args:?} {} failed",
        file.display()
    );
    elapsed
}

/// Request lines asking `bytelogic serve` to run each program, on `backend` when given
/// (`"interpreter"`) or the default.
pub fn requests(programs: &[String], backend: Option<&str>) -> Vec<u8> {
    let mut lines = Vec::new();
    for (id, code) in programs.iter().enumerate() {
        let mut request = json!({ "id": id, "code": code });
        if let Some(backend) = backend {
            request["backend"] = json!(backend);
        }
        lines.extend(request.to_string().bytes());
        lines.push(b'\n');
    }
    lines
}

/// The wall time of `bytelogic serve ARGS` answering `requests` (from spawn until its
/// output ends); panics unless every request got a response and it exits 0.
pub fn serve(binary: &Path, args: &[&str], requests: &[u8]) -> Duration {
    let start = Instant::now();
    let mut child = heap::command(binary)
        .arg("serve")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("bytelogic serve starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = requests.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let mut output = Vec::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_end(&mut output)
        .expect("responses");
    let elapsed = start.elapsed();
    let wrote = writer.join().expect("the writer thread");
    assert!(wrote.is_ok() && child.wait().is_ok_and(|s| s.success()));
    let expected = requests.iter().filter(|&&b| b == b'\n').count();
    let got = output.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(got, expected, "one response per request");
    elapsed
}

/// A temporary file holding `text` (named after this process and `name`).
pub fn temp_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("bytelogic-report-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("a temporary file");
    path
}
