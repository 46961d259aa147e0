//! `bytelogic validate`: checks a JSONL dataset, with a progress bar on a terminal, a
//! summary on standard output and an optional JSONL report.

use super::{Report, RunArgs, Stream, emit};
use bytelogic_runtime::Executor;
use bytelogic_runtime::validate::{
    RowReport, Summary, ValidateOptions, Verdict, row_count, validate,
};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The arguments of `bytelogic validate`.
#[derive(Args)]
pub(super) struct ValidateArgs {
    /// The field holding each row's program.
    #[arg(long, value_name = "NAME", default_value = "program")]
    program_field: String,
    /// The field holding each row's expected outputs.
    #[arg(long, value_name = "NAME", default_value = "expected")]
    expected_field: String,
    /// Write one JSON line per row (`line`, `id`, `category`, `status`, `code`, `message`) here.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Write the dataset here with every failing row's answer replaced by the engine's
    /// (rows whose program fails are flagged with `expected_error`), and list the changes.
    #[arg(long, value_name = "OUT")]
    fix: Option<PathBuf>,
    #[command(flatten)]
    run: RunArgs,
    /// The dataset, one JSON object per line.
    data: PathBuf,
}

/// Validates the dataset: exits 0 when every row passes, 1 when one fails, 2 when the
/// dataset cannot be read or the report cannot be written.
pub(super) fn main(args: &ValidateArgs) -> ExitCode {
    let data = match std::fs::read(&args.data) {
        Ok(data) => data,
        Err(e) => return usage_error(format!("cannot read `{}`: {e}", args.data.display())),
    };
    let options = ValidateOptions {
        program_field: args.program_field.clone(),
        expected_field: args.expected_field.clone(),
        run: args.run.options(),
    };
    let start = Instant::now();
    // indicatif draws nothing when standard error is not a terminal.
    let bar =
        ProgressBar::with_draw_target(Some(row_count(&data) as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} rows {elapsed}") {
        bar.set_style(style);
    }
    let reports = validate(&data, &options, &Executor::new(), || bar.inc(1));
    bar.finish_and_clear();
    let elapsed = start.elapsed();
    if let Some(path) = &args.report {
        let lines: String = reports
            .iter()
            .map(|r| format!("{}\n", r.to_json()))
            .collect();
        if let Err(e) = std::fs::write(path, lines) {
            return usage_error(format!("cannot write `{}`: {e}", path.display()));
        }
    }
    let summary = Summary::new(&reports);
    if let Some(out) = &args.fix {
        let text = render(&summary, &reports, elapsed);
        return super::repair::main(&data, &reports, &options, out, text);
    }
    let failed = summary.passed < summary.rows();
    emit(Report {
        chunks: vec![(
            Stream::Stdout,
            render(&summary, &reports, elapsed).into_bytes(),
        )],
        code: u8::from(failed),
    })
}

/// The summary: the counts and time, errors by code, rows and failures by category,
/// then each failing row.
fn render(summary: &Summary, reports: &[RowReport], elapsed: Duration) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} rows in {:.2} s: {} passed, {} wrong, {} errors",
        summary.rows(),
        elapsed.as_secs_f64(),
        summary.passed,
        summary.wrong,
        summary.errors
    );
    if !summary.by_code.is_empty() {
        let _ = writeln!(s, "errors by code:");
        for (code, n) in &summary.by_code {
            let _ = writeln!(s, "  {code:<10} {n}");
        }
    }
    if !summary.by_category.is_empty() {
        let _ = writeln!(s, "by category (failed / rows):");
    }
    for (category, (rows, failed)) in &summary.by_category {
        let _ = writeln!(s, "  {category:<40} {failed} / {rows}");
    }
    if summary.passed < summary.rows() {
        let _ = writeln!(s, "failing rows:");
    }
    for r in reports {
        let (what, message) = match &r.verdict {
            Verdict::Pass => continue,
            Verdict::Wrong { reason } => ("wrong", reason),
            Verdict::Error { code, message } => (code.as_str(), message),
        };
        let _ = writeln!(
            s,
            "  {} (line {}): {what}: {}",
            r.id,
            r.line,
            shorten(message)
        );
    }
    s
}

/// At most 200 characters of `text`, on one line.
fn shorten(text: &str) -> String {
    let flat = text.replace('\n', "\\n");
    match flat.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

fn usage_error(message: String) -> ExitCode {
    emit(super::usage_error(&message))
}
