//! `bytelogic explain CODE`: what a diagnostic code means, a program that triggers it
//! and how to fix it, like `rustc --explain`. The pages are `docs/explain/<CODE>.md`,
//! embedded in the binary by the build script.

use super::{Report, Stream, emit, usage_error};
use bytelogic_engine::Code;
use clap::Args;
use std::process::ExitCode;

/// Every `docs/explain/<CODE>.md` as `(code, text)`, sorted by code.
const PAGES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/explain.rs"));

/// The arguments of `bytelogic explain`.
#[derive(Args)]
pub(super) struct ExplainArgs {
    /// A diagnostic code, such as E301 or W002 (any case).
    code: String,
}

/// Prints the page of the code; an unknown code is a usage error (exit 2).
pub(super) fn main(args: &ExplainArgs) -> ExitCode {
    emit(match page(&args.code) {
        Some(text) => Report {
            chunks: vec![(Stream::Stdout, text.as_bytes().to_vec())],
            code: 0,
        },
        None => usage_error(&format!(
            "no diagnostic code `{}`; the codes are {}",
            args.code,
            Code::ALL.map(Code::as_str).join(" ")
        )),
    })
}

/// The page of `code` (case-insensitive).
fn page(code: &str) -> Option<&'static str> {
    PAGES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code.trim()))
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_page_and_every_page_a_code() {
        let missing: Vec<&str> = Code::ALL
            .iter()
            .map(|c| c.as_str())
            .filter(|c| page(c).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "no docs/explain/<CODE>.md for {missing:?}"
        );
        let stray: Vec<&str> = PAGES
            .iter()
            .map(|(c, _)| *c)
            .filter(|c| Code::parse(c).is_none())
            .collect();
        assert!(stray.is_empty(), "docs/explain pages of no code: {stray:?}");
    }

    #[test]
    fn each_page_is_titled_with_its_code_and_summary() {
        for code in Code::ALL {
            let text = page(code.as_str()).unwrap_or_default();
            let title = text.lines().next().unwrap_or_default();
            assert_eq!(
                title,
                format!("# {code}: {}", code.summary()),
                "docs/explain/{code}.md"
            );
        }
    }

    #[test]
    fn codes_match_in_any_case() {
        assert_eq!(page("e301"), page("E301"));
        assert!(page("E301").is_some());
        assert!(page("E999").is_none() && page("").is_none());
    }
}
