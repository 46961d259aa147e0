//! `bytelogic lex` and `bytelogic vocab`: the token stream of a program and the
//! vocabulary of the language, for building tokenizers.

use super::{Report, Stream, emit, read, usage_error};
use bytelogic_runtime::{lex, vocab};
use clap::Args;
use serde_json::Value as Json;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// The arguments of `bytelogic lex`.
#[derive(Args)]
pub(super) struct LexArgs {
    /// Print a JSON array of `{"kind", "text", "line", "column"}` instead.
    #[arg(long)]
    json: bool,
    /// The program file, or `-` for standard input.
    file: PathBuf,
}

/// Prints every token of the program; exits 0, or 2 for unreadable input.
pub(super) fn lex(args: &LexArgs) -> ExitCode {
    let source = match read::text(&args.file) {
        Ok((_, source)) => source,
        Err(message) => return emit(usage_error(&message)),
    };
    let tokens = lex::lex(&source);
    let text = if args.json {
        format!("{}\n", lex::to_json(&tokens))
    } else {
        tokens.iter().fold(String::new(), |mut s, t| {
            let place = format!("{}:{}", t.line, t.column);
            let _ = writeln!(s, "{place:<8} {:<22} {:?}", t.kind, t.text);
            s
        })
    };
    print(text)
}

/// Prints the vocabulary: JSON, or one line per group.
pub(super) fn vocab(json: bool) -> ExitCode {
    let v = vocab::vocabulary();
    let text = if json {
        format!("{v}\n")
    } else {
        let groups = [
            "keywords",
            "operators",
            "word_operators",
            "builtins",
            "special_tokens",
        ];
        groups.iter().fold(String::new(), |mut s, group| {
            let words: Vec<&str> = v[group]
                .as_array()
                .map_or_else(Vec::new, |a| a.iter().filter_map(Json::as_str).collect());
            let _ = writeln!(s, "{group}: {}", words.join(" "));
            s
        })
    };
    print(text)
}

fn print(text: String) -> ExitCode {
    emit(Report {
        chunks: vec![(Stream::Stdout, text.into_bytes())],
        code: 0,
    })
}
