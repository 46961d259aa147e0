//! The parser's integration tests: constructs, diagnostics and
//! robustness on hostile input. (Its tests on the conformance corpus programs are in
//! `runtime/tests/all/corpus.rs`, with the other corpus tests.)

mod constructs;
mod diagnostics;
mod robustness;
mod sexp;

use bytelogic_engine::ast::Program;
use bytelogic_engine::parser::parse;
use bytelogic_engine::{Code, Diagnostic};

/// Parses `src` and asserts that it has no error diagnostics.
pub fn parse_ok(src: &str) -> Program<'_> {
    let (program, diags) = parse(src);
    let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
    assert!(
        errors.is_empty(),
        "unexpected errors for {src:?}: {errors:#?}"
    );
    program
}

/// Parses `src` and returns its diagnostics as (code, start byte, message).
pub fn diags(src: &str) -> Vec<(Code, u32, String)> {
    parse(src)
        .1
        .into_iter()
        .map(|d| (d.code, d.span.start, d.message))
        .collect()
}

/// Parses `src`, asserts it reports exactly the codes `codes` (in order), and
/// returns the diagnostics.
pub fn expect_codes(src: &str, codes: &[Code]) -> Vec<Diagnostic> {
    let (_, diags) = parse(src);
    let got: Vec<Code> = diags.iter().map(|d| d.code).collect();
    assert_eq!(got, codes, "for {src:?}: {diags:#?}");
    diags
}

/// Byte offset of the first occurrence of `needle` in `src`.
pub fn at(src: &str, needle: &str) -> u32 {
    src.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {src:?}")) as u32
}

/// Parses `src` without errors and renders it with [`sexp::program`].
pub fn tree(src: &str) -> String {
    sexp::program(&parse_ok(src))
}
