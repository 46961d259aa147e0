//! Argument parsing and printing for `bytelogic`; all the work happens in the library.
//! `run` and `check` are here; the other commands have a submodule each: `compile`,
//! `tokens`, `serve`, `validate` (with `repair` for `validate --fix`), `generate`,
//! `vocab` (`lex` and `vocab`), `explain` (the page of a diagnostic code) and `wat`
//! (runs a WebAssembly module's `compute`, the WAT executor ByteLogic replaces).
//! Shared by them: `read` (a program or text from a file or standard input), `print`
//! (an outcome printed as it renders) and `incremental` (input and output piece by
//! piece, for `tokens --stream` and `serve`).
//!
//! Exit codes: 0 success, 1 the program has an error (check or runtime), 2 usage error
//! (bad arguments, unreadable or non-UTF-8 input, unwritable output).

use bytelogic_engine::fault::{Fault, What};
use bytelogic_engine::{Account, Code, Diagnostic, Limits, Span};
use bytelogic_runtime::executor::{InputFacts, Tiering};
use bytelogic_runtime::inputs::{self, InputError};
use bytelogic_runtime::outcome::{INTERPRETER, WASM};
use bytelogic_runtime::render::json;
use bytelogic_runtime::{Executor, Options, Outcome};
use clap::{Args, Parser, Subcommand};
use read::Input;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

mod compile;
mod explain;
mod generate;
mod incremental;
mod print;
mod read;
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
            let inputs = input.as_deref().map(|f| read_inputs(f, &options.limits));
            match inputs.transpose() {
                Ok(inputs) => {
                    options.inputs = inputs.unwrap_or_default();
                    return execute(file, *json, &options, None);
                }
                Err(Err(limit)) => return execute(file, *json, &options, Some(limit)),
                Err(Ok(usage)) => usage,
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

/// `bytelogic run`: prints the outcome as it renders. `stopped` is a limit that
/// reading the `--input` file met: the program does not run, and that is its error.
fn execute(file: &Path, json: bool, options: &Options, stopped: Option<Diagnostic>) -> ExitCode {
    let start = Instant::now();
    let backend = match options.backend {
        bytelogic_runtime::Backend::Interpreter => INTERPRETER,
        _ => WASM,
    };
    // One program: nothing is compiled for later (docs/decisions.md 140).
    let executor = Executor::with_tiering(Tiering {
        warm_cache: false,
        ..Tiering::default()
    });
    let (name, source, outcome) = match read::program(file, &options.limits) {
        Ok(Input::Text { name, text }) => match stopped {
            Some(d) => {
                let outcome = Outcome::new(&text, vec![d], None, backend, start.elapsed());
                (name, text, outcome)
            }
            None => match executor.execute(&text, options) {
                Ok(outcome) => (name, text, outcome),
                Err(e) if json => return emit(refusal_json(&e)),
                Err(e) => return emit(usage_error(&e.to_string())),
            },
        },
        Ok(Input::TooLarge {
            name,
            diagnostic,
            prefix,
        }) => {
            let outcome = Outcome::new(&prefix, vec![diagnostic], None, backend, start.elapsed());
            (name, prefix, outcome)
        }
        Err(message) => return emit(usage_error(&message)),
    };
    print::run(&outcome, &source, &name, json)
}

/// `run --json` when the forced compiled path cannot run the program: one JSON
/// object on standard output, as `serve` answers (`unsupported`), and exit 2.
fn refusal_json(e: &bytelogic_runtime::wasm::WasmError) -> Report {
    let value = serde_json::json!({
        "backend": WASM,
        "success": false,
        "error": { "code": bytelogic_runtime::serve::UNSUPPORTED, "message": e.to_string() },
    });
    Report {
        chunks: vec![(Stream::Stdout, format!("{value}\n").into_bytes())],
        code: 2,
    }
}

/// `bytelogic check`.
fn check(file: &Path, json: bool, limits: &Limits) -> Report {
    let (name, source, outcome) = match read::program(file, limits) {
        Ok(Input::Text { name, text }) => {
            let outcome = Outcome::check(&text, limits);
            (name, text, outcome)
        }
        Ok(Input::TooLarge {
            name,
            diagnostic,
            prefix,
        }) => {
            let outcome =
                Outcome::new(&prefix, vec![diagnostic], None, INTERPRETER, Duration::ZERO);
            (name, prefix, outcome)
        }
        Err(message) => return usage_error(&message),
    };
    if json {
        let mut bytes = Vec::new();
        let _ = json::write_check(&outcome, &mut bytes);
        bytes.push(b'\n');
        Report {
            chunks: vec![(Stream::Stdout, bytes)],
            code: if outcome.success() { 0 } else { 1 },
        }
    } else {
        diagnostics_report(&outcome, &source, &name)
    }
}

/// Exit 2 with `error: message` on stderr.
fn usage_error(message: &str) -> Report {
    Report {
        chunks: vec![(Stream::Stderr, format!("error: {message}\n").into_bytes())],
        code: 2,
    }
}

/// Front-end diagnostics, then the outputs, then the runtime error; exit 1 when the
/// outcome failed.
fn diagnostics_report(outcome: &Outcome, source: &str, name: &str) -> Report {
    let mut chunks = Vec::new();
    // Collecting cannot fail.
    let _ = print::text(outcome, source, name, &mut chunks);
    Report {
        chunks,
        code: if outcome.success() { 0 } else { 1 },
    }
}

/// The facts of a `--input` file, read under the run's limits: a file larger than
/// the memory limit is not read, and the tuple and memory limits apply as it is
/// parsed. `Err(Ok(report))` is a usage error, `Err(Err(diagnostic))` a limit.
fn read_inputs(file: &Path, limits: &Limits) -> Result<InputFacts, Result<Report, Diagnostic>> {
    let name = file.display();
    let usage = |message: String| Err(Ok(usage_error(&message)));
    let max = limits.max_memory_mb.saturating_mul(1 << 20);
    let mut bytes = Vec::new();
    let read = std::fs::File::open(file)
        .and_then(|f| f.take(max.saturating_add(1)).read_to_end(&mut bytes));
    if let Err(e) = read {
        return usage(format!("cannot read `{name}`: {e}"));
    }
    if bytes.len() as u64 > max {
        let fault = Fault::new(Code::E405, What::Memory(Some(bytes.len() as u64)));
        return Err(Err(
            Account::new(limits).limit_error(&fault, Span::new(0, 0))
        ));
    }
    match inputs::parse_bytes(&bytes, limits) {
        Ok(facts) => Ok(facts),
        Err(InputError::Bad(message)) => usage(format!("`{name}`: {message}")),
        Err(InputError::Limit(d)) => Err(Err(*d)),
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
