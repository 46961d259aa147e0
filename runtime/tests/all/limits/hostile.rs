//! The hostile-input suite (`tests/hostile/`, described in its README): every program
//! on every backend, through the `bytelogic` binary, must end within its time limit
//! plus 100 ms and within its memory limit × 1.1 plus the binary's own baseline (its
//! peak RSS running `RESULT 1` on that backend), with no crash and an output no larger
//! than the memory limit. `measure.py` runs each command and reads the child's peak
//! RSS with getrusage (docs/decisions.md 110).
//!
//! `cargo test` runs the cases marked `; list: ci`; `BYTELOGIC_HOSTILE=all` runs every
//! case. In an unoptimized build (what `cargo test` builds) the front end and the code
//! generator run several times slower between two readings of the clock, so the time
//! bound there is the limit plus 500 ms; the 100 ms bound is checked on a release
//! build (`cargo test --release -p bytelogic-runtime --test all limits::hostile`). Each
//! measurement is printed, and the worst overshoot and memory ratio per backend.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Limits a case has unless its flags say otherwise.
const DEFAULT_FLAGS: &str = "--timeout-ms 200 --max-memory-mb 64";
/// How far past its time limit a run may end.
const OVERSHOOT_MS: f64 = if cfg!(debug_assertions) { 500.0 } else { 100.0 };

/// One hostile case, as its file describes it.
struct Case {
    name: String,
    command: Vec<String>,
    flags: Vec<String>,
    stdin: Stdin,
    input: Option<String>,
    /// The bound on its wall time when that is not the time limit (`; within-ms:`).
    within_ms: Option<f64>,
    ci: bool,
    /// The program, its templates expanded.
    source: String,
}

enum Stdin {
    None,
    File,
    Endless(String),
}

/// Expands `{{repeat N}}…{{end}}` (and `{{repeat N join=S}}`), `{i}` in a body
/// counting its copies.
fn expand(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("{{repeat ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "{{repeat ".len()..];
        let close = after.find("}}").expect("a closed {{repeat}}");
        let (count, join) = match after[..close].split_once(" join=") {
            Some((n, join)) => (n, join),
            None => (&after[..close], ""),
        };
        let count: usize = count.trim().parse().expect("a count");
        let body_start = &after[close + 2..];
        let end = matching_end(body_start);
        let body = expand(&body_start[..end]);
        for i in 0..count {
            if i > 0 {
                out.push_str(join);
            }
            out.push_str(&body.replace("{i}", &i.to_string()));
        }
        rest = &body_start[end + "{{end}}".len()..];
    }
    out + rest
}

/// Where the `{{end}}` closing a body that starts at `text` is.
fn matching_end(text: &str) -> usize {
    let mut depth = 0;
    let mut at = 0;
    loop {
        let open = text[at..].find("{{repeat ").map(|i| i + at);
        let end = text[at..].find("{{end}}").map(|i| i + at).expect("{{end}}");
        match open {
            Some(open) if open < end => {
                depth += 1;
                at = open + 2;
            }
            _ if depth == 0 => return end,
            _ => {
                depth -= 1;
                at = end + 2;
            }
        }
    }
}

fn cases(dir: &Path) -> Vec<Case> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/hostile")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "bl"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a case");
            let header: BTreeMap<&str, &str> = text
                .lines()
                .filter_map(|l| l.strip_prefix("; ")?.split_once(": "))
                .collect();
            let words = |s: &str| s.split_whitespace().map(str::to_string).collect();
            Case {
                name: path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into(),
                command: words(header.get("command").copied().unwrap_or("run")),
                flags: words(header.get("flags").copied().unwrap_or(DEFAULT_FLAGS)),
                stdin: match header.get("stdin") {
                    None => Stdin::None,
                    Some(&"file") => Stdin::File,
                    Some(s) => Stdin::Endless(s.strip_prefix("endless ").unwrap_or(s).into()),
                },
                input: header.get("input").map(|s| s.to_string()),
                within_ms: header.get("within-ms").and_then(|s| s.parse().ok()),
                ci: header.get("list") == Some(&"ci"),
                source: expand(&text),
            }
        })
        .collect()
}

/// What one command did.
#[derive(Debug)]
struct Measured {
    ms: f64,
    rss_kb: f64,
    code: Option<i32>,
    output_bytes: u64,
    /// The first bytes of standard output and error, to show.
    said: String,
}

fn measure(argv: &[String], stdin: serde_json::Value, dir: &Path) -> Measured {
    let (out, err) = (dir.join("stdout"), dir.join("stderr"));
    let spec = serde_json::json!({
        "argv": argv, "stdin": stdin,
        "out": out.to_string_lossy(), "err": err.to_string_lossy(),
    });
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/all/limits/measure.py");
    let done = Command::new("python3")
        .arg(script)
        .arg(spec.to_string())
        .output()
        .expect("python3 runs measure.py");
    let report: serde_json::Value =
        serde_json::from_slice(&done.stdout).unwrap_or_else(|e| panic!("measure.py: {e}"));
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let head = |p: &Path| {
        let bytes = std::fs::read(p).unwrap_or_default();
        String::from_utf8_lossy(&bytes[..bytes.len().min(160)]).replace('\n', " ")
    };
    Measured {
        ms: report["ms"].as_f64().unwrap_or(f64::MAX),
        rss_kb: report["rss_kb"].as_f64().unwrap_or(f64::MAX),
        code: report["code"].as_i64().map(|c| c as i32),
        output_bytes: size(&out) + size(&err),
        said: format!("{} | {}", head(&out), head(&err)),
    }
}

/// The value of `--name V` in `flags`, or the default limit.
fn flag(flags: &[String], name: &str, default: u64) -> u64 {
    flags
        .iter()
        .position(|f| f == name)
        .and_then(|i| flags.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn hostile_programs_end_within_their_limits_on_every_backend() {
    let all = std::env::var("BYTELOGIC_HOSTILE").is_ok_and(|v| v == "all");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let dir = std::env::temp_dir().join(format!("bytelogic-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let bin = env!("CARGO_BIN_EXE_bytelogic").to_string();
    let backends = ["interp", "wasm", "auto"];
    let trivial = dir.join("trivial.bl");
    std::fs::write(&trivial, "RESULT 1\n").expect("writes");
    let baseline: BTreeMap<&str, f64> = backends
        .iter()
        .map(|&b| {
            let argv =
                [&bin, "run", "--backend", b, &trivial.to_string_lossy()].map(str::to_string);
            (b, measure(&argv, serde_json::Value::Null, &dir).rss_kb)
        })
        .collect();
    println!("baseline peak RSS (KiB): {baseline:?}");
    let mut failures = Vec::new();
    let mut worst: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for case in cases(&root).into_iter().filter(|c| all || c.ci) {
        let file = dir.join(format!("{}.bl", case.name));
        std::fs::write(&file, &case.source).expect("writes the case");
        let timeout = case
            .within_ms
            .unwrap_or(flag(&case.flags, "--timeout-ms", 1000) as f64);
        let memory_kb = flag(&case.flags, "--max-memory-mb", 1024) as f64 * 1024.0;
        for backend in backends {
            let mut argv = vec![bin.clone()];
            argv.extend(case.command.iter().cloned());
            argv.extend(case.flags.iter().cloned());
            argv.extend(["--backend".to_string(), backend.to_string()]);
            if let Some(input) = &case.input {
                let json = dir.join(input);
                if !json.exists() {
                    let text = std::fs::read_to_string(root.join(input)).expect("an input");
                    std::fs::write(&json, expand(&text)).expect("writes the input");
                }
                argv.extend(["--input".to_string(), json.to_string_lossy().into()]);
            }
            let stdin = match &case.stdin {
                Stdin::None => {
                    argv.push(file.to_string_lossy().into());
                    serde_json::Value::Null
                }
                Stdin::File => {
                    argv.push("-".into());
                    serde_json::json!({ "file": file.to_string_lossy() })
                }
                Stdin::Endless(text) => {
                    argv.push("-".into());
                    serde_json::json!({ "endless": text })
                }
            };
            let m = measure(&argv, stdin, &dir);
            let over = m.ms - timeout;
            let ratio = (m.rss_kb - baseline[backend]) / memory_kb;
            println!(
                "{:<28} {backend:<6} exit {:?} {:>8.1} ms (limit {timeout}, +{over:.1}) {:>8.1} MiB (ratio {ratio:.3}) {}",
                case.name,
                m.code,
                m.ms,
                m.rss_kb / 1024.0,
                m.said.chars().take(110).collect::<String>()
            );
            let w = worst.entry(backend).or_insert((f64::MIN, f64::MIN));
            *w = (w.0.max(over), w.1.max(ratio));
            let mut fail =
                |why: String| failures.push(format!("{} on {backend}: {why}", case.name));
            if !matches!(m.code, Some(0..=2)) {
                fail(format!("exit {:?}: {}", m.code, m.said));
            }
            if over > OVERSHOOT_MS {
                fail(format!("{:.1} ms, {over:.1} past the limit", m.ms));
            }
            if ratio > 1.1 {
                fail(format!(
                    "{:.1} MiB, {ratio:.3} of the limit past the baseline",
                    m.rss_kb / 1024.0
                ));
            }
            if m.output_bytes as f64 > memory_kb * 1024.0 {
                fail(format!("{} bytes of output", m.output_bytes));
            }
        }
        let _ = std::fs::remove_file(&file);
    }
    for (backend, (over, ratio)) in &worst {
        println!("worst on {backend}: {over:+.1} ms past the time limit, memory ratio {ratio:.3}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn templates_expand() {
    assert_eq!(expand("a{{repeat 3}}<{i}>{{end}}b"), "a<0><1><2>b");
    assert_eq!(
        expand("{{repeat 2 join=,}}[{{repeat 2}}x{{end}}]{{end}}"),
        "[xx],[xx]"
    );
}
