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

/// The arguments of `bytelogic vocab`.
#[derive(Args)]
pub(super) struct VocabArgs {
    /// Print one JSON object instead (as `--format json`).
    #[arg(long, conflicts_with = "format")]
    json: bool,
    /// `text` (one line per group), `json` (one object), or `hf`: the keywords and
    /// special tokens as HuggingFace `tokenizers` added tokens.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// The forms `vocab` prints.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One line per group.
    Text,
    /// One JSON object with every group.
    Json,
    /// `{"added_tokens": [...]}` for HuggingFace `tokenizers` (docs/training-data.md).
    Hf,
}

/// Prints the vocabulary in the chosen form.
pub(super) fn vocab(args: &VocabArgs) -> ExitCode {
    let v = vocab::vocabulary();
    let format = if args.json { Format::Json } else { args.format };
    let text = if format == Format::Hf {
        format!("{}\n", vocab::hf_added_tokens())
    } else if format == Format::Json {
        format!("{v}\n")
    } else {
        let groups = [
            "keywords",
            "operators",
            "word_operators",
            "builtins",
            "aggregates",
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
