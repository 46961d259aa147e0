//! `bytelogic compile`: a program's WebAssembly module, as text (WAT) or binary.
//!
//! Without `-o` (or with `-o -`), WAT goes to standard output, and so does the binary
//! unless standard output is a terminal (then it is a usage error: binary on a
//! terminal helps nobody). A program that fails its checks gets its diagnostics on
//! standard error and exit 1.

use super::read::{self, Input};
use super::{Report, SourceLimit, Stream, diagnostics_report, usage_error};
use bytelogic_runtime::Options;
use bytelogic_runtime::Outcome;
use bytelogic_runtime::executor::module;
use bytelogic_runtime::outcome::WASM;
use clap::{Args, ValueEnum};
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

/// The arguments of `bytelogic compile`.
#[derive(Args)]
pub(super) struct CompileArgs {
    /// What to write: the text form or the binary module.
    #[arg(long, value_enum, default_value_t = Emit::Wat)]
    emit: Emit,
    /// Write here instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    #[command(flatten)]
    source: SourceLimit,
    /// The program file, or `-` for standard input.
    file: PathBuf,
}

/// The form of the module written.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Emit {
    /// WebAssembly text.
    Wat,
    /// The binary module.
    Wasm,
}

/// Compiles the program: the report writes the diagnostics (warnings too) and the
/// module to standard output, or writes the module to `-o` here.
pub(super) fn main(args: &CompileArgs) -> Report {
    // `-o -` is standard output, as for every other command's files.
    let output = args.output.as_deref().filter(|&p| p != Path::new("-"));
    if args.emit == Emit::Wasm && output.is_none() && io::stdout().is_terminal() {
        return usage_error("refusing to write a binary module to a terminal; use -o OUT");
    }
    let limits = args.source.limits();
    let (name, source) = match read::program(&args.file, &limits) {
        Ok(Input::Text { name, text }) => (name, text),
        Ok(Input::TooLarge {
            name,
            diagnostic,
            prefix,
        }) => {
            let outcome = Outcome::new(&prefix, vec![diagnostic], None, WASM, Default::default());
            return diagnostics_report(&outcome, &prefix, &name);
        }
        Err(message) => return usage_error(&message),
    };
    let options = Options {
        limits,
        ..Options::default()
    };
    let (checked, compiled) = module(&source, &options);
    let mut report = diagnostics_report(&checked, &source, &name);
    let wasm = match compiled {
        None => return report,
        Some(Ok(wasm)) => wasm,
        Some(Err(e)) => {
            report
                .chunks
                .push((Stream::Stderr, format!("error: {e}\n").into_bytes()));
            report.code = 1;
            return report;
        }
    };
    let bytes = match args.emit {
        Emit::Wasm => wasm,
        Emit::Wat => match bytelogic_codegen::wat(&wasm) {
            Ok(text) => text.into_bytes(),
            Err(e) => return usage_error(&e.to_string()),
        },
    };
    match output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, &bytes) {
                return usage_error(&format!("cannot write `{}`: {e}", path.display()));
            }
        }
        None => report.chunks.push((Stream::Stdout, bytes)),
    }
    report
}
