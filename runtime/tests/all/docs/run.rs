//! Running what the documentation shows: a program through `bytelogic run`, a
//! transcript's command through `sh`, each with a time bound.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_bytelogic");

/// Longer than any documented example needs; a hung command fails instead of
/// stalling the suite.
const TIME_BOUND: Duration = Duration::from_secs(120);

/// What one process did.
pub struct Ran {
    /// The exit code (`None` when killed by a signal or the time bound).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// `bytelogic run FLAGS… example.bl` in `dir`, after writing `program` to
/// `dir/example.bl` (the name the documented diagnostics show).
pub fn program(dir: &Path, program: &str, flags: &[&str]) -> Ran {
    std::fs::create_dir_all(dir).expect("create the example's directory");
    std::fs::write(dir.join("example.bl"), program).expect("write example.bl");
    let mut command = Command::new(BIN);
    command
        .arg("run")
        .args(flags)
        .arg("example.bl")
        .current_dir(dir);
    finish(command)
}

/// Makes `dir` an empty directory in which every top-level entry of `root` appears
/// as a symbolic link: a transcript run there reads the repository's files by their
/// usual paths, and what it writes stays its own.
pub fn scratch_beside(dir: &Path, root: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("create the transcript's directory");
    for entry in std::fs::read_dir(root).expect("read the repository root") {
        let entry = entry.expect("a root entry");
        std::os::unix::fs::symlink(entry.path(), dir.join(entry.file_name()))
            .expect("link a root entry");
    }
}

/// `sh -c command` in `dir`, with the binary's directory first on `PATH`.
pub fn shell(dir: &Path, command: &str) -> Ran {
    let bin_dir = Path::new(BIN).parent().expect("the binary's directory");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![bin_dir.to_path_buf()];
    dirs.extend(std::env::split_paths(&path));
    let path = std::env::join_paths(dirs).expect("a PATH");
    let mut sh = Command::new("sh");
    sh.arg("-c").arg(command).current_dir(dir).env("PATH", path);
    finish(sh)
}

/// Runs `command` with no input to its end or the time bound.
fn finish(mut command: Command) -> Ran {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the process");
    let stdout = reader(child.stdout.take());
    let stderr = reader(child.stderr.take());
    let code = wait(&mut child);
    Ran {
        code,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    }
}

fn reader(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

fn wait(child: &mut Child) -> Option<i32> {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status.code(),
            Ok(None) if start.elapsed() < TIME_BOUND => {
                std::thread::sleep(Duration::from_millis(5));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
}
