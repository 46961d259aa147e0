//! The summary of a validation run (`bytelogic validate`, the Python package's
//! `Summary.text()`): counts, errors by code, rows and failures by category, then
//! each failing row.

use crate::validate::{RowReport, Summary, Verdict};
use std::fmt::Write as _;
use std::time::Duration;

/// The summary: the counts and time, errors by code, rows and failures by category,
/// then each failing row.
pub fn render(summary: &Summary, reports: &[RowReport], elapsed: Duration) -> String {
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
