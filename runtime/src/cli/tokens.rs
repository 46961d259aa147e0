//! `bytelogic tokens`: answers the `<computation>` blocks of a text, at once or as
//! the text streams in.

use super::incremental::{Utf8Chunks, write_now};
use super::{Report, RunArgs, Stream, emit, read, usage_error};
use bytelogic_runtime::Executor;
use bytelogic_runtime::tokens::{TokenOptions, TokenStream, process_text};
use clap::Args;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The arguments of `bytelogic tokens`.
#[derive(Args)]
pub(super) struct TokensArgs {
    /// Keep each block and write its answer right after it.
    #[arg(long)]
    keep: bool,
    /// Read incrementally and write text as soon as it is complete.
    #[arg(long)]
    stream: bool,
    #[command(flatten)]
    run: RunArgs,
    /// The text file, or `-` for standard input.
    #[arg(default_value = "-")]
    file: PathBuf,
}

/// Runs `bytelogic tokens`. Exits 0 even when blocks fail (their answers say so);
/// 2 for unreadable or non-UTF-8 input.
pub(super) fn main(args: &TokensArgs) -> ExitCode {
    let options = TokenOptions {
        run: args.run.options(),
        keep: args.keep,
    };
    if args.stream {
        return stream(&args.file, options);
    }
    let report = match read::text(&args.file) {
        Ok((_, text)) => {
            // A byte-order mark starts the text, not its first block (decision 39).
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let answered = process_text(text, &options, &Executor::new()).text;
            Report {
                chunks: vec![(Stream::Stdout, answered.into_bytes())],
                code: 0,
            }
        }
        Err(message) => usage_error(&message),
    };
    emit(report)
}

/// Feeds the input to a [`TokenStream`] as it arrives, writing each complete piece.
fn stream(file: &Path, options: TokenOptions) -> ExitCode {
    let mut input: Box<dyn Read> = if file == Path::new("-") {
        Box::new(io::stdin().lock())
    } else {
        match std::fs::File::open(file) {
            Ok(f) => Box::new(f),
            Err(e) => return fail(&format!("cannot read `{}`: {e}", file.display())),
        }
    };
    let executor = Executor::new();
    let mut tokens = TokenStream::new(options, &executor);
    let mut decoder = Utf8Chunks::default();
    let mut out = io::stdout().lock();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return fail(&format!("cannot read the input: {e}")),
        };
        let text = match decoder.decode(&buf[..n]) {
            Ok(text) => text,
            Err(message) => {
                // What was held back is written as it is before stopping.
                let _ = write_now(&mut out, &tokens.finish());
                return fail(&message);
            }
        };
        if let Err(code) = write_now(&mut out, &tokens.push(&text)) {
            return code;
        }
    }
    if let Err(message) = decoder.finish() {
        return fail(&message);
    }
    write_now(&mut out, &tokens.finish()).map_or_else(|code| code, |()| ExitCode::SUCCESS)
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}
