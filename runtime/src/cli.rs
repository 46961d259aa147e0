//! Argument parsing and printing for `bytelogic`; all the work happens in the library.
//! The commands for language-model pipelines live in submodules: `tokens`, `serve`,
//! `validate`, and `vocab` (`lex` and `vocab`); `explain` prints the page of a
//! diagnostic code; `wat` runs a WebAssembly module's `compute` (the WAT executor
//! ByteLogic replaces).
//!
//! Exit codes: 0 success, 1 the program has an error (check or runtime), 2 usage error
//! (bad arguments, unreadable or non-UTF-8 input, unwritable output).

use bytelogic_engine::{Limits, LineIndex};
use bytelogic_runtime::executor::Tiering;
use bytelogic_runtime::render::text;
use bytelogic_runtime::{Executor, Options, Outcome};
use clap::{Args, Parser, Subcommand};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod compile;
mod explain;
mod generate;
mod incremental;
mod repair;
mod serve;
mod tokens;
mod validate;
mod vocab;
mod wat;

/// Runs and checks ByteLogic programs.
#[derive(Parser)]
#[command(name = "bytelogic", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs a program: prints each output on its own line, diagnostics to stderr.
    Run {
        /// Print one JSON object describing the outcome instead.
        #[arg(long)]
        json: bool,
        /// Add the module's WebAssembly text to the JSON outcome (`wat_code`).
        #[arg(long, requires = "json")]
        emit_wat: bool,
        /// Inject the facts of this JSON file (`{"rel": [[v, …], …]}`) after the declarations.
        #[arg(long, value_name = "FILE.json")]
        input: Option<PathBuf>,
        #[command(flatten)]
        run: RunArgs,
        /// The program file, or `-` for standard input.
        file: PathBuf,
    },
    /// Compiles a program to a WebAssembly module (text or binary).
    Compile(compile::CompileArgs),
    /// Checks a program without running it: prints its diagnostics.
    Check {
        /// Print `{"success", "diagnostics"}` as JSON instead.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        source: SourceLimit,
        /// The program file, or `-` for standard input.
        file: PathBuf,
    },
    /// Answers every <computation> block of a text with <result>…</result> or <error>…</error>.
    Tokens(tokens::TokensArgs),
    /// Serves JSON-lines requests on standard input, one response line each.
    Serve(serve::ServeArgs),
    /// Runs every row of a JSONL dataset and compares its outputs with the expected ones.
    Validate(validate::ValidateArgs),
    /// Writes training rows (JSONL) whose answers the engine computed.
    Generate(generate::GenerateArgs),
    /// Prints the token stream of a program.
    Lex(vocab::LexArgs),
    /// Prints the keywords, operators, built-ins, aggregates and special tokens.
    Vocab(vocab::VocabArgs),
    /// Explains a diagnostic code: what it means, a program that triggers it, the fix.
    Explain(explain::ExplainArgs),
    /// Runs the `compute` function of a WebAssembly module (text or binary) in a sandbox.
    Wat(wat::WatArgs),
}

/// The limit that applies before a program runs (spec §7).
#[derive(Args)]
struct SourceLimit {
    /// Source size limit in KiB (E406).
    #[arg(long, value_name = "KIB", default_value_t = Limits::default().max_source_kb)]
    max_source_kb: u64,
}

/// How programs run: the backend and the limits.
#[derive(Args)]
struct RunArgs {
    /// Compiled to WebAssembly (`auto`: the interpreter when that is impossible), or
    /// interpreted. The outputs and errors are the same.
    #[arg(long, value_enum, default_value_t = Backend::Auto)]
    backend: Backend,
    #[command(flatten)]
    limits: RunLimits,
}

impl RunArgs {
    fn options(&self) -> Options {
        Options {
            backend: match self.backend {
                Backend::Auto => bytelogic_runtime::Backend::Auto,
                Backend::Wasm => bytelogic_runtime::Backend::Wasm,
                Backend::Interpreter => bytelogic_runtime::Backend::Interpreter,
            },
            limits: self.limits.limits(),
            ..Options::default()
        }
    }
}

/// The limits of a run (spec §7).
#[derive(Args)]
struct RunLimits {
    /// Step limit: tuples visited, CALC statements, loop iterations (E401).
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_steps)]
    max_steps: u64,
    /// Limit on tuples in the database (E402).
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_tuples)]
    max_tuples: u64,
    /// CALC call depth limit (E403).
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_depth)]
    max_depth: u32,
    /// Wall-clock limit in milliseconds (E404).
    #[arg(long, value_name = "MS", default_value_t = Limits::default().timeout_ms)]
    timeout_ms: u64,
    /// Memory limit in MiB (E405).
    #[arg(long, value_name = "MIB", default_value_t = Limits::default().max_memory_mb)]
    max_memory_mb: u64,
    #[command(flatten)]
    source: SourceLimit,
}

impl SourceLimit {
    fn limits(&self) -> Limits {
        Limits {
            max_source_kb: self.max_source_kb,
            ..Limits::default()
        }
    }
}

impl RunLimits {
    fn limits(&self) -> Limits {
        Limits {
            max_steps: self.max_steps,
            max_tuples: self.max_tuples,
            max_depth: self.max_depth,
            timeout_ms: self.timeout_ms,
            max_memory_mb: self.max_memory_mb,
            max_source_kb: self.source.max_source_kb,
        }
    }
}

/// Which engine runs a program.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Backend {
    /// WebAssembly, or the interpreter when the program cannot be compiled.
    Auto,
    /// Compiled to WebAssembly and run by wasmtime.
    Wasm,
    /// The interpreter (also `interp`).
    #[value(alias = "interp")]
    Interpreter,
}

/// What one invocation writes, in order, and how it exits.
struct Report {
    chunks: Vec<(Stream, Vec<u8>)>,
    code: u8,
}

/// Where a chunk of the report goes.
#[derive(Clone, Copy, PartialEq)]
enum Stream {
    Stdout,
    Stderr,
}

/// Parses the arguments, does the work, prints, and returns the exit code.
pub fn main() -> ExitCode {
    // Usage errors exit 2 here; --help and --version exit 0.
    let cli = Cli::try_parse().unwrap_or_else(|e| e.exit());
    let report = match &cli.command {
        Command::Run {
            json,
            emit_wat,
            input,
            run,
            file,
        } => {
            let mut options = run.options();
            options.want_wat = *emit_wat;
            match input.as_deref().map(read_inputs).transpose() {
                Ok(inputs) => {
                    options.inputs = inputs.unwrap_or_default();
                    execute(file, *json, &options)
                }
                Err(message) => usage_error(&message),
            }
        }
        Command::Compile(args) => compile::main(args),
        Command::Check { json, source, file } => check(file, *json, &source.limits()),
        Command::Tokens(args) => return tokens::main(args),
        Command::Serve(args) => return serve::main(args),
        Command::Validate(args) => return validate::main(args),
        Command::Generate(args) => return generate::main(args),
        Command::Lex(args) => return vocab::lex(args),
        Command::Vocab(args) => return vocab::vocab(args),
        Command::Explain(args) => return explain::main(args),
        Command::Wat(args) => return wat::main(args),
    };
    emit(report)
}

/// `bytelogic run`.
fn execute(file: &Path, json: bool, options: &Options) -> Report {
    let (name, source) = match read_source(file) {
        Ok(read) => read,
        Err(message) => return usage_error(&message),
    };
    // One program: nothing is compiled for later (docs/decisions.md 140).
    let executor = Executor::with_tiering(Tiering {
        warm_cache: false,
        ..Tiering::default()
    });
    let outcome = match executor.execute(&source, options) {
        Ok(outcome) => outcome,
        Err(e) => return usage_error(&e.to_string()),
    };
    if json {
        return json_report(&outcome, outcome.to_json());
    }
    let mut report = diagnostics_report(&outcome, &source, &name);
    if let Some(reason) = &outcome.fallback {
        let note = format!("note: ran on the interpreter: {reason}\n");
        report.chunks.insert(0, (Stream::Stderr, note.into_bytes()));
    }
    report
}

/// `bytelogic check`.
fn check(file: &Path, json: bool, limits: &Limits) -> Report {
    match read_source(file) {
        Ok((name, source)) => {
            let outcome = Outcome::check(&source, limits);
            if json {
                json_report(&outcome, outcome.to_check_json())
            } else {
                diagnostics_report(&outcome, &source, &name)
            }
        }
        Err(message) => usage_error(&message),
    }
}

/// Exit 2 with `error: message` on stderr.
fn usage_error(message: &str) -> Report {
    Report {
        chunks: vec![(Stream::Stderr, format!("error: {message}\n").into_bytes())],
        code: 2,
    }
}

/// `value` on stdout; exit 1 when the outcome failed.
fn json_report(outcome: &Outcome, value: serde_json::Value) -> Report {
    Report {
        chunks: vec![(Stream::Stdout, format!("{value}\n").into_bytes())],
        code: if outcome.success() { 0 } else { 1 },
    }
}

/// Front-end diagnostics, then the outputs, then the runtime error; exit 1 when the
/// outcome failed.
fn diagnostics_report(outcome: &Outcome, source: &str, name: &str) -> Report {
    let index = LineIndex::new(source);
    let render = |d| {
        (
            Stream::Stderr,
            (text::diagnostic(d, &index, name) + "\n").into_bytes(),
        )
    };
    let mut chunks: Vec<_> = outcome.diagnostics.iter().map(render).collect();
    chunks.push((
        Stream::Stdout,
        outcome
            .output_texts()
            .map(|line| line + "\n")
            .collect::<String>()
            .into_bytes(),
    ));
    chunks.extend(outcome.runtime_error.iter().map(render));
    Report {
        chunks,
        code: if outcome.success() { 0 } else { 1 },
    }
}

/// The facts of a `--input` file.
fn read_inputs(file: &Path) -> Result<bytelogic_runtime::executor::InputFacts, String> {
    let name = file.display();
    let text = std::fs::read(file).map_err(|e| format!("cannot read `{name}`: {e}"))?;
    let json = serde_json::from_slice(&text).map_err(|e| format!("`{name}` is not JSON: {e}"))?;
    bytelogic_runtime::inputs::parse(&json).map_err(|e| format!("`{name}`: {e}"))
}

const BOM: char = '\u{feff}';

/// Reads the program: its display name and text, without a byte-order mark. `-` is
/// standard input.
fn read_source(file: &Path) -> Result<(String, String), String> {
    let (name, bytes) = if file == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        ("<stdin>".to_string(), bytes)
    } else {
        let name = file.display().to_string();
        let bytes = std::fs::read(file).map_err(|e| format!("cannot read `{name}`: {e}"))?;
        (name, bytes)
    };
    match String::from_utf8(bytes) {
        // Drop a byte-order mark (spec §1.1) here, so that columns on line 1 start after it.
        Ok(mut source) => {
            if source.starts_with(BOM) {
                source.drain(..BOM.len_utf8());
            }
            Ok((name, source))
        }
        Err(e) => Err(format!(
            "`{name}` is not UTF-8 (invalid byte at offset {}); ByteLogic source must be UTF-8",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// Writes the report. A reader that stops early (broken pipe) is not an error; any
/// other failure to write standard output exits 2. Failing to write stderr is ignored.
fn emit(report: Report) -> ExitCode {
    for (stream, bytes) in &report.chunks {
        if *stream == Stream::Stderr {
            let _ = io::stderr().write_all(bytes);
            continue;
        }
        let mut stdout = io::stdout().lock();
        match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => break,
            Err(e) => {
                let _ = writeln!(io::stderr(), "error: cannot write the output: {e}");
                return ExitCode::from(2);
            }
            Ok(()) => {}
        }
    }
    ExitCode::from(report.code)
}
