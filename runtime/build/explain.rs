//! Embeds the pages of `bytelogic explain`: every `docs/explain/<CODE>.md` becomes an
//! entry of `$OUT_DIR/explain.rs`, a slice of `(code, text)` in code order that
//! `src/cli/explain.rs` includes. The files are discovered, not listed, so a new code
//! needs only its page (a test fails when a code has none).

use std::path::{Path, PathBuf};

/// Writes `$OUT_DIR/explain.rs` and asks to be rerun when `docs/explain` changes.
pub fn generate() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dir = manifest.join("../docs/explain");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut pages: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter_map(|path| Some((code_of(&path)?, path)))
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    let mut out = String::from("&[\n");
    for (code, path) in &pages {
        let path = path.canonicalize().unwrap_or_else(|_| path.clone());
        out += &format!(
            "    ({code:?}, include_str!({:?})),\n",
            path.display().to_string()
        );
    }
    out += "]\n";
    let target = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("explain.rs");
    if let Err(e) = std::fs::write(&target, out) {
        panic!("cannot write {}: {e}", target.display());
    }
}

/// `E301` for `…/E301.md`; `None` for any other file.
fn code_of(path: &Path) -> Option<String> {
    if path.extension()? != "md" {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    let well_formed = stem.len() == 4
        && stem.starts_with(['E', 'W'])
        && stem[1..].bytes().all(|b| b.is_ascii_digit());
    well_formed.then(|| stem.to_string())
}
