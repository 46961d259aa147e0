//! `bytelogic validate --fix OUT`: writes the dataset back with the engine's answers
//! ([`bytelogic_runtime::repair`]) and lists each change after the validation summary.

use super::{Report, Stream, emit};
use bytelogic_runtime::Executor;
use bytelogic_runtime::repair::{Action, Change, repair};
use bytelogic_runtime::validate::{RowReport, ValidateOptions};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// Repairs `data` into `out` and prints `summary` followed by the changes. Exits 0
/// when every failing row was repaired or flagged (so `out` validates), 1 when some
/// row could not be repaired, 2 when `out` cannot be written.
pub(super) fn main(
    data: &[u8],
    reports: &[RowReport],
    options: &ValidateOptions,
    out: &Path,
    summary: String,
) -> ExitCode {
    let repaired = repair(data, reports, options, &Executor::new());
    if let Err(e) = std::fs::write(out, &repaired.data) {
        return emit(super::usage_error(&format!(
            "cannot write `{}`: {e}",
            out.display()
        )));
    }
    let kept = repaired
        .changes
        .iter()
        .filter(|c| matches!(c.action, Action::Kept { .. }))
        .count();
    let flagged = repaired
        .changes
        .iter()
        .filter(|c| matches!(c.action, Action::Flagged { .. }))
        .count();
    let mut s = summary;
    let _ = writeln!(
        s,
        "fixed dataset written to {}: {} replaced, {flagged} flagged, {kept} left as they were",
        out.display(),
        repaired.changes.len() - flagged - kept,
    );
    if !repaired.changes.is_empty() {
        let _ = writeln!(s, "changes:");
    }
    for c in &repaired.changes {
        let _ = writeln!(s, "  {}", describe(c));
    }
    emit(Report {
        chunks: vec![(Stream::Stdout, s.into_bytes())],
        code: u8::from(kept > 0),
    })
}

/// One line: the row, what was done, and each field's old and new value.
fn describe(c: &Change) -> String {
    let what = match &c.action {
        Action::Replaced => "replaced".to_string(),
        Action::Flagged { code, message } => format!("flagged {code}: {message}"),
        Action::Kept { reason } => format!("kept as it was: {reason}"),
    };
    let fields: Vec<String> = c
        .fields
        .iter()
        .map(
            |(field, old, new)| match (field.as_str(), old.is_empty(), new.is_empty()) {
                ("output", _, _) => "output: answer tags updated".to_string(),
                (_, true, _) => format!("{field} added: {}", short(new)),
                (_, _, true) => format!("{field} removed (was {})", short(old)),
                _ => format!("{field}: {} -> {}", short(old), short(new)),
            },
        )
        .collect();
    let mut line = format!("{} (line {}): {what}", c.id, c.line);
    if !fields.is_empty() {
        line += "; ";
        line += &fields.join("; ");
    }
    line
}

/// At most 80 characters of a JSON value, on one line.
fn short(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
