//! `bytelogic generate`: writes training rows as JSONL (docs/training-data.md) and a
//! summary on standard error.

use bytelogic_runtime::Executor;
use bytelogic_runtime::generate::categories::ALL;
use bytelogic_runtime::generate::mix::Mix;
use bytelogic_runtime::generate::{GenerateError, GenerateOptions, Summary, generate};
use clap::Args;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The arguments of `bytelogic generate`.
#[derive(Args)]
pub(super) struct GenerateArgs {
    /// How many rows to write.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    count: usize,
    /// The seed: the same seed and flags give the same rows.
    #[arg(long, value_name = "S", default_value_t = 0)]
    seed: u64,
    /// Only this curriculum stage (1 basic logic, 2 multi-step and graphs, 3 logic + CALC,
    /// 4 multi-domain); repeat for several.
    #[arg(long, value_name = "1-4", value_parser = clap::value_parser!(u8).range(1..=4))]
    stage: Vec<u8>,
    /// Only this category; repeat for several (`bytelogic generate --help` lists them).
    #[arg(long, value_name = "C", long_help = category_help())]
    category: Vec<String>,
    /// A JSON file of weights: {"family": 2, "graph": {"2": 1, "3": 3}, …}.
    #[arg(long, value_name = "FILE")]
    mix: Option<PathBuf>,
    /// The share of rows (0 to 1) whose program has one mistake, answered with the
    /// engine's <error>.
    #[arg(long, value_name = "FRACTION", default_value_t = 0.0, value_parser = fraction)]
    errors: f64,
    /// Write the rows here instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

fn category_help() -> String {
    let mut s = "Only this category; repeat for several. Categories (stages):".to_string();
    for c in ALL {
        let stages: Vec<String> = c.stages.iter().map(u8::to_string).collect();
        let _ = write!(s, "\n  {:<11} ({}) {}", c.name, stages.join(","), c.about);
    }
    s
}

fn fraction(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(f) if (0.0..=1.0).contains(&f) => Ok(f),
        _ => Err(format!("`{text}` is not a number from 0 to 1")),
    }
}

/// Generates the rows: exit 0, or 2 for a bad mix, an unwritable output or a cell
/// whose templates ran out of new programs.
pub(super) fn main(args: &GenerateArgs) -> ExitCode {
    let mix_json = match &args.mix {
        None => None,
        Some(path) => match std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|b| {
                serde_json::from_slice::<serde_json::Value>(&b)
                    .map_err(|e| format!("not JSON: {e}"))
            }) {
            Ok(json) => Some(json),
            Err(e) => return fail(&format!("cannot read the mix `{}`: {e}", path.display())),
        },
    };
    let mix = match Mix::new(&args.category, &args.stage, mix_json.as_ref()) {
        Ok(mix) => mix,
        Err(e) => return fail(&e),
    };
    let options = GenerateOptions {
        count: args.count,
        seed: args.seed,
        mix,
        errors: args.errors,
    };
    let mut out: Box<dyn Write> = match &args.output {
        None => Box::new(BufWriter::new(io::stdout().lock())),
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(BufWriter::new(f)),
            Err(e) => return fail(&format!("cannot write `{}`: {e}", path.display())),
        },
    };
    let start = Instant::now();
    let result = generate(&options, &Executor::new(), |row| {
        out.write_all(row.to_json_line().as_bytes())?;
        out.write_all(b"\n")
    });
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(summary), Ok(())) => {
            eprint!("{}", render(&summary, &options, start.elapsed()));
            ExitCode::SUCCESS
        }
        (Err(GenerateError::Sink(e)), _) | (Ok(_), Err(e))
            if e.kind() == io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        (Err(GenerateError::Sink(e)), _) | (Ok(_), Err(e)) => {
            fail(&format!("cannot write the rows: {e}"))
        }
        (
            Err(GenerateError::Exhausted {
                index,
                category,
                stage,
            }),
            _,
        ) => fail(&format!(
            "row {index}: no new program for {category} stage {stage} after {} draws; lower --count or widen the mix",
            bytelogic_runtime::generate::MAX_ATTEMPTS
        )),
    }
}

/// The summary: totals, then rows per category and stage, then the mistakes by code.
fn render(summary: &Summary, options: &GenerateOptions, elapsed: Duration) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} rows (seed {}) in {:.2} s: {} distinct programs, {} duplicate draws redrawn",
        summary.rows,
        options.seed,
        elapsed.as_secs_f64(),
        summary.distinct_programs,
        summary.duplicates_redrawn
    );
    let _ = writeln!(s, "rows by category and stage:");
    let _ = writeln!(
        s,
        "  {:<12} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "category", "stage 1", "stage 2", "stage 3", "stage 4", "total"
    );
    for c in ALL {
        let counts: Vec<usize> = (1..=4)
            .map(|st| summary.by_cell.get(&(c.name, st)).copied().unwrap_or(0))
            .collect();
        let total: usize = counts.iter().sum();
        if total == 0 {
            continue;
        }
        let _ = writeln!(
            s,
            "  {:<12} {:>7} {:>7} {:>7} {:>7} {:>7}",
            c.name, counts[0], counts[1], counts[2], counts[3], total
        );
    }
    if summary.duplicates_redrawn > 0 {
        let mut cells: Vec<(&(&str, u8), &usize)> = summary.duplicates_by_cell.iter().collect();
        cells.sort_by(|a, b| b.1.cmp(a.1));
        let shown: Vec<String> = cells
            .iter()
            .take(5)
            .map(|((c, st), n)| format!("{c} {st}: {n}"))
            .collect();
        let _ = writeln!(
            s,
            "duplicate draws by cell (most first): {}",
            shown.join(", ")
        );
    }
    if !summary.errors_by_code.is_empty() {
        let n: usize = summary.errors_by_code.values().sum();
        let codes: Vec<String> = summary
            .errors_by_code
            .iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect();
        let _ = writeln!(s, "rows with a mistake: {n} ({})", codes.join(", "));
    }
    if summary.rejected_valid > 0 {
        let _ = writeln!(
            s,
            "warning: {} draws were discarded because their program failed or warned (a template bug); the first:\n{}",
            summary.rejected_valid,
            summary.first_rejection.as_deref().unwrap_or("")
        );
    }
    s
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}
