//! The build-script half of the conformance-corpus switch (docs/testing.md).
//!
//! Tests that need the corpus carry `#[cfg_attr(corpus_absent, ignore = "…")]`, so
//! that without it they are reported as ignored, with the reason, instead of passing
//! without running anything. [`configure`] sets `corpus_absent` when one of the
//! corpus files is missing, unless `CI` is set: CI needs the corpus, so there the
//! tests run and fail, naming the path they read.
//!
//! Shared by the build scripts of `runtime` and `proptests` (`#[path]`), the two
//! packages with corpus tests.

use std::path::PathBuf;

/// The corpus files the tests read.
const FILES: [&str; 3] = ["conformance.jsonl", "runs.jsonl", "errors.jsonl"];

/// Prints the `cargo::` lines of the switch for the package being built.
pub fn configure() {
    println!("cargo::rustc-check-cfg=cfg(corpus_absent)");
    println!("cargo::rerun-if-env-changed=BYTELOGIC_CORPUS");
    println!("cargo::rerun-if-env-changed=CI");
    // The same place `bytelogic_testkit::corpus_dir` reads at run time;
    // both packages sit one level below the workspace root.
    let dir = std::env::var_os("BYTELOGIC_CORPUS").map_or_else(
        || {
            let manifest = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
            PathBuf::from(manifest).join("../../shared/corpus")
        },
        PathBuf::from,
    );
    let paths = FILES.map(|file| dir.join(file));
    if paths.iter().all(|p| p.is_file()) {
        // Watch the files that exist (a missing path would rerun this script on every
        // build); when they go away the tests fail once, and the next build ignores them.
        for path in &paths {
            println!("cargo::rerun-if-changed={}", path.display());
        }
    } else if std::env::var_os("CI").is_none() {
        println!("cargo::rustc-cfg=corpus_absent");
    }
}
