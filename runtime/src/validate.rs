//! Dataset validation for `bytelogic validate`: runs the program of each JSONL row and
//! compares its outputs with the row's expected list under the corpus rules
//! ([`crate::conformance`]; the row format is in docs/cli.md). Rows run in parallel,
//! each with its own limits.
//!
//! A row's program is its program field. When that field is absent, the
//! `<computation>` blocks of its `output` field are the program; a program field that
//! holds blocks is read the same way. Blocks run one by one and their outputs are
//! concatenated in order.

use crate::Located;
use crate::conformance::{compare, parse_expected, raw_field};
use crate::executor::{Executor, Options};
use crate::render::json::flat_answers;
use crate::tokens::computation_blocks;
use rayon::prelude::*;
use serde_json::{Value as Json, json};
use std::collections::BTreeMap;

/// The error code of a row that cannot be validated (not JSON, no program, no
/// expected list…), as opposed to a program's own error codes.
pub const BAD_ROW: &str = "bad_row";
/// The error code of a row the chosen backend cannot run (only a forced
/// [`crate::Backend::Wasm`] can refuse a program).
pub const UNSUPPORTED: &str = "unsupported";

/// Which fields to read and how programs run.
#[derive(Clone, Debug)]
pub struct ValidateOptions {
    /// The field holding the program (`program`).
    pub program_field: String,
    /// The field holding the expected list (`expected`).
    pub expected_field: String,
    /// How each row runs: backend and limits (each row gets the whole budget).
    pub run: Options,
}

impl Default for ValidateOptions {
    fn default() -> ValidateOptions {
        ValidateOptions {
            program_field: "program".to_string(),
            expected_field: "expected".to_string(),
            run: Options::default(),
        }
    }
}

/// What validating one row found.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The outputs match the expected list.
    Pass,
    /// The program ran, but its outputs do not match; `reason` says how.
    Wrong {
        /// One line: what did not match, with the actual list.
        reason: String,
    },
    /// The program failed (a spec code), or the row could not be read ([`BAD_ROW`]).
    Error {
        /// `E301`…, `W…` never (warnings do not fail), or [`BAD_ROW`].
        code: String,
        /// The message, with the line and column of a program error.
        message: String,
    },
}

/// The verdict on one row, with what identifies it.
#[derive(Clone, Debug, PartialEq)]
pub struct RowReport {
    /// 1-based line of the row in the file.
    pub line: usize,
    /// The row's `id` (a string or number), else `line N`.
    pub id: String,
    /// The row's `category`, else `(none)`.
    pub category: String,
    /// What happened.
    pub verdict: Verdict,
}

impl RowReport {
    /// True unless the verdict is [`Verdict::Pass`].
    pub fn failed(&self) -> bool {
        self.verdict != Verdict::Pass
    }

    /// The report line: `{"line", "id", "category", "status", "code", "message"}`,
    /// `status` being `pass`, `wrong` or `error`; `code` is `null` unless an error.
    pub fn to_json(&self) -> Json {
        let (status, code, message) = match &self.verdict {
            Verdict::Pass => ("pass", None, None),
            Verdict::Wrong { reason } => ("wrong", None, Some(reason)),
            Verdict::Error { code, message } => ("error", Some(code), Some(message)),
        };
        json!({
            "line": self.line, "id": self.id, "category": self.category,
            "status": status, "code": code, "message": message,
        })
    }
}

/// Validates every non-blank line of `data` (a JSONL file's bytes), in parallel with
/// `executor`, and returns the reports in file order. `on_row` is called once per row
/// as it finishes.
pub fn validate(
    data: &[u8],
    options: &ValidateOptions,
    executor: &Executor,
    on_row: impl Fn() + Sync,
) -> Vec<RowReport> {
    let rows: Vec<(usize, &[u8])> = rows(data).collect();
    rows.into_par_iter()
        .map(|(line, bytes)| {
            let report = validate_row(line, bytes, options, executor);
            on_row();
            report
        })
        .collect()
}

/// The number of rows [`validate`] will report for `data`.
pub fn row_count(data: &[u8]) -> usize {
    rows(data).count()
}

/// The non-blank lines of `data` with their 1-based line numbers.
fn rows(data: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    data.split(|&b| b == b'\n')
        .enumerate()
        .map(|(n, line)| (n + 1, line.strip_suffix(b"\r").unwrap_or(line)))
        .filter(|(_, line)| !line.trim_ascii().is_empty())
}

fn validate_row(
    line: usize,
    bytes: &[u8],
    options: &ValidateOptions,
    executor: &Executor,
) -> RowReport {
    let mut report = RowReport {
        line,
        id: format!("line {line}"),
        category: "(none)".to_string(),
        verdict: Verdict::Pass,
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let message = format!("not UTF-8 (invalid byte at offset {})", e.valid_up_to());
            report.verdict = bad_row(message);
            return report;
        }
    };
    let row: Json = match serde_json::from_str(text) {
        Ok(row @ Json::Object(_)) => row,
        Ok(_) => {
            report.verdict = bad_row("not a JSON object".to_string());
            return report;
        }
        Err(e) => {
            report.verdict = bad_row(format!("not JSON: {e}"));
            return report;
        }
    };
    match &row["id"] {
        Json::String(id) => report.id.clone_from(id),
        Json::Number(n) => report.id = n.to_string(),
        _ => {}
    }
    if let Some(category) = row["category"].as_str() {
        report.category = category.to_string();
    }
    report.verdict = judge(text, &row, options, executor).unwrap_or_else(|verdict| verdict);
    report
}

/// The verdict on a parsed row; `Err` carries a failing verdict found on the way.
fn judge(
    text: &str,
    row: &Json,
    options: &ValidateOptions,
    executor: &Executor,
) -> Result<Verdict, Verdict> {
    let field = &options.expected_field;
    let raw = raw_field(text, field).ok_or_else(|| bad_row(format!("no `{field}` field")))?;
    let expected = parse_expected(raw).map_err(bad_row)?;
    let mut actual = Vec::new();
    // A row may expect its program to fail (docs/training-data.md, crate::repair).
    let expected_error = crate::repair::expected_error(row)?;
    let mut failed = false;
    for program in programs(row, &options.program_field)? {
        let outcome = executor
            .execute(program, &options.run)
            .map_err(|e| Verdict::Error {
                code: UNSUPPORTED.to_string(),
                message: e.to_string(),
            })?;
        actual.extend(flat_answers(&outcome.outputs, &outcome.symbols));
        if let Some(error) = outcome.error() {
            if expected_error != Some(error.diagnostic.code.as_str()) {
                return Err(program_error(error));
            }
            failed = true;
            break;
        }
    }
    if let (Some(code), false) = (expected_error, failed) {
        let reason = format!(
            "expected error {code}, but the program ran; got {}",
            Json::Array(actual)
        );
        return Ok(Verdict::Wrong { reason });
    }
    Ok(match compare(&actual, &expected) {
        Ok(()) => Verdict::Pass,
        Err(reason) => Verdict::Wrong {
            reason: format!("{reason}; expected {raw}"),
        },
    })
}

/// The programs of a row (see the module documentation).
pub(crate) fn programs<'r>(row: &'r Json, field: &str) -> Result<Vec<&'r str>, Verdict> {
    let (text, from_output) = match (&row[field], &row["output"]) {
        (Json::String(program), _) => (program.as_str(), false),
        (Json::Null, Json::String(output)) => (output.as_str(), true),
        (Json::Null, _) => return Err(bad_row(format!("no `{field}` field"))),
        (_, _) => return Err(bad_row(format!("`{field}` is not a string"))),
    };
    let blocks = computation_blocks(text);
    match (blocks.is_empty(), from_output) {
        (false, _) => Ok(blocks),
        (true, false) => Ok(vec![text]),
        (true, true) => Err(bad_row(format!(
            "no `{field}` field and no <computation> block in `output`"
        ))),
    }
}

fn bad_row(message: String) -> Verdict {
    Verdict::Error {
        code: BAD_ROW.to_string(),
        message,
    }
}

fn program_error(error: &Located) -> Verdict {
    Verdict::Error {
        code: error.diagnostic.code.as_str().to_string(),
        message: format!(
            "{} (line {}:{})",
            error.diagnostic.message, error.position.line, error.position.column
        ),
    }
}

/// Counts of a validation run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Rows whose outputs match.
    pub passed: usize,
    /// Rows that ran but whose outputs do not match.
    pub wrong: usize,
    /// Rows whose program failed or that could not be read.
    pub errors: usize,
    /// Error rows by error code.
    pub by_code: BTreeMap<String, usize>,
    /// Per category: (rows, failed rows).
    pub by_category: BTreeMap<String, (usize, usize)>,
}

impl Summary {
    /// Counts `reports`.
    pub fn new(reports: &[RowReport]) -> Summary {
        let mut s = Summary::default();
        for r in reports {
            match &r.verdict {
                Verdict::Pass => s.passed += 1,
                Verdict::Wrong { .. } => s.wrong += 1,
                Verdict::Error { code, .. } => {
                    s.errors += 1;
                    *s.by_code.entry(code.clone()).or_default() += 1;
                }
            }
            let category = s.by_category.entry(r.category.clone()).or_default();
            category.0 += 1;
            category.1 += usize::from(r.failed());
        }
        s
    }

    /// The number of rows counted.
    pub fn rows(&self) -> usize {
        self.passed + self.wrong + self.errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdicts(data: &str) -> Vec<Verdict> {
        validate(
            data.as_bytes(),
            &ValidateOptions::default(),
            &Executor::new(),
            || {},
        )
        .into_iter()
        .map(|r| r.verdict)
        .collect()
    }

    fn code(v: &Verdict) -> &str {
        match v {
            Verdict::Error { code, .. } => code,
            _ => "",
        }
    }

    #[test]
    fn rows_pass_fail_or_error() {
        let data = r#"{"id": "a", "program": "RESULT 987 * 21 / 100", "expected": [207]}
{"id": "b", "program": "RESULT 2", "expected": [3]}

{"id": "c", "program": "RESULT 1 / 0", "expected": [1]}
{"id": 4, "output": "So <computation>RESULT 1</computation> and <computation>RESULT 2.5</computation>", "expected": [1, 2.5]}
"#;
        let reports = validate(
            data.as_bytes(),
            &ValidateOptions::default(),
            &Executor::new(),
            || {},
        );
        let ids: Vec<(&str, usize)> = reports.iter().map(|r| (r.id.as_str(), r.line)).collect();
        assert_eq!(ids, [("a", 1), ("b", 2), ("c", 4), ("4", 5)]);
        assert_eq!(reports[0].verdict, Verdict::Pass);
        assert!(
            matches!(&reports[1].verdict, Verdict::Wrong { reason } if reason.contains("expected [3]"))
        );
        assert_eq!(code(&reports[2].verdict), "E201");
        assert_eq!(reports[3].verdict, Verdict::Pass);
        let s = Summary::new(&reports);
        assert_eq!((s.passed, s.wrong, s.errors, s.rows()), (2, 1, 1, 4));
        assert_eq!(s.by_code["E201"], 1);
        assert_eq!(s.by_category["(none)"], (4, 2));
        assert_eq!(reports[1].to_json()["status"], "wrong");
        assert_eq!(reports[2].to_json()["code"], "E201");
    }

    #[test]
    fn truth_answers_are_expected_as_booleans_and_shown_as_json() {
        let data = r#"{"program": "REL p\nFACT p a\nQUERY p a\nQUERY p b", "expected": [true, false]}
{"program": "REL p\nFACT p a\nQUERY p a\nRESULT \"2\"", "expected": [false, 2]}
{"program": "RESULT 3.4", "expected": [3.40, "x"]}
"#;
        let found = verdicts(data);
        assert_eq!(found[0], Verdict::Pass);
        let reasons: Vec<&str> = found[1..]
            .iter()
            .map(|v| match v {
                Verdict::Wrong { reason } => reason.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(
            reasons,
            [
                r#"nothing matches expected item false; got [true,"2"]; expected [false, 2]"#,
                r#"1 item instead of 2: got [3.4]; expected [3.40, "x"]"#,
            ]
        );
    }

    #[test]
    fn unreadable_rows_are_bad_rows() {
        let data = "not json\n[1]\n{\"program\": \"RESULT 1\"}\n{\"expected\": [1]}\n\
                    {\"program\": 5, \"expected\": [1]}\n{\"output\": \"none\", \"expected\": [1]}\n\
                    {\"program\": \"RESULT 1\", \"expected\": {\"a\": 1}}\n";
        let found = verdicts(data);
        assert_eq!(found.len(), 7);
        assert!(found.iter().all(|v| code(v) == BAD_ROW), "{found:?}");
        let binary = validate(
            b"\xff\xfe{}\n",
            &ValidateOptions::default(),
            &Executor::new(),
            || {},
        );
        assert_eq!(code(&binary[0].verdict), BAD_ROW);
    }

    #[test]
    fn fields_can_be_renamed() {
        let options = ValidateOptions {
            program_field: "code".to_string(),
            expected_field: "answer".to_string(),
            ..ValidateOptions::default()
        };
        let data = br#"{"code": "RESULT 3", "answer": [3], "category": "k"}"#;
        let reports = validate(data, &options, &Executor::new(), || {});
        assert_eq!(
            (&reports[0].verdict, reports[0].category.as_str()),
            (&Verdict::Pass, "k")
        );
        assert_eq!(row_count(data), 1);
    }
}
