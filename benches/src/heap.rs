//! The measuring process's heap, pinned (docs/decisions.md 146).
//!
//! glibc moves its `mmap` threshold as a process frees large blocks, so whether an
//! engine's big tables come back from the heap on the next run or are mapped and
//! faulted in anew depends on what ran before: Ascent's SG tree-9 took 19–21 ms or
//! 37–41 ms in one build. [`pin`] restarts the process once with fixed thresholds
//! (`GLIBC_TUNABLES`), so every in-process run, ours and the peers', reuses memory it
//! already has; [`command`] starts child processes (the `bytelogic` binary, the peak
//! memory children, cargo) with the environment the user gave, so the whole-process
//! rows measure the binary as users run it.

use std::ffi::OsString;
use std::process::Command;

/// The tunables: large blocks (up to glibc's own ceiling of 32 MiB) stay in the heap,
/// and the heap is not trimmed below 1 GiB free.
const TUNABLES: &str =
    "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824";

/// Set in the restarted process: the `GLIBC_TUNABLES` the user gave (maybe empty).
const GIVEN: &str = "BYTELOGIC_BENCH_GIVEN_TUNABLES";

/// Restarts this process with the tunables, unless it already runs with them (or the
/// platform is not glibc on Linux, or the restart fails: then it goes on unpinned).
pub fn pin() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os(GIVEN).is_none() {
        use std::os::unix::process::CommandExt;
        let given = std::env::var_os("GLIBC_TUNABLES").unwrap_or_default();
        let mut tunables = OsString::from(TUNABLES);
        if !given.is_empty() {
            tunables.push(":");
            tunables.push(&given);
        }
        if let Ok(exe) = std::env::current_exe() {
            // Returns only when the restart failed.
            let _ = Command::new(exe)
                .args(std::env::args_os().skip(1))
                .env(GIVEN, &given)
                .env("GLIBC_TUNABLES", tunables)
                .exec();
        }
    }
}

/// A command for `program` with the environment this process was started with.
pub fn command(program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut command = Command::new(program);
    if let Some(given) = std::env::var_os(GIVEN) {
        command.env_remove(GIVEN);
        if given.is_empty() {
            command.env_remove("GLIBC_TUNABLES");
        } else {
            command.env("GLIBC_TUNABLES", given);
        }
    }
    command
}
