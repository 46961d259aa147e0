//! Test support shared by the runtime's tests, the property tests and the benchmarks:
//! where the conformance corpus is and how to read it (docs/testing.md). It is kept
//! out of the runtime library, which embedders build, because a test that needs the
//! corpus panics here when it cannot read it (docs/decisions.md 251).

use std::path::PathBuf;

/// Where the conformance corpus is: `$BYTELOGIC_CORPUS` when set, else
/// `../shared/corpus` beside this checkout (docs/testing.md). The corpus is read
/// there, never copied into the project.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("BYTELOGIC_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
        PathBuf::from,
    )
}

/// The text of the corpus file `file` (e.g. `conformance.jsonl`), or why it cannot
/// be read: a message that names the path and says how to point at the corpus.
/// Tests that need the corpus are ignored at build time when it is absent (the
/// `corpus_absent` switch of `runtime/build/corpus.rs`), so for them an error here
/// is a failure; benchmarks skip its rows.
pub fn read_corpus(file: &str) -> Result<String, String> {
    let path = corpus_dir().join(file);
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read the conformance corpus file {}: {e}; set BYTELOGIC_CORPUS to \
             the directory that holds conformance.jsonl, runs.jsonl and errors.jsonl \
             (docs/testing.md)",
            path.display()
        )
    })
}

/// [`read_corpus`] for a test that needs the corpus: panics with the reason.
pub fn corpus_file(file: &str) -> String {
    read_corpus(file).unwrap_or_else(|e| panic!("{e}"))
}
