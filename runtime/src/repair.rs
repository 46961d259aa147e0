//! `bytelogic validate --fix`: a dataset written back with the engine's answers.
//!
//! Only rows that failed validation change. A row whose program ran but whose
//! expected list is wrong gets the engine's list, and its other answer fields follow:
//! `expected_result` (the result text when it is a string, the list when it is a
//! list) and each `<result>…</result>` / `<error>…</error>` answer tag of its
//! `output` (the first tag after each `<computation>` block, before the next block).
//! A row whose program fails is kept and flagged: `expected_error` is set to the
//! error's code, and its answer fields become the engine's answer (the outputs before
//! the error, and `CODE: message`), so it reads as a row with a mistake
//! (docs/training-data.md). A row that cannot be read is left as it was. Everything
//! else in a changed row — other fields, their order, the spacing — is kept byte for
//! byte; only the changed values are written anew.

use crate::Located;
use crate::conformance::raw_field;
use crate::executor::Executor;
use crate::render::json::query_results;
use crate::tokens::{CLOSE, ERROR_TAGS, OPEN, RESULT_TAGS};
use crate::validate::{BAD_ROW, RowReport, UNSUPPORTED, ValidateOptions, Verdict, programs};
use serde_json::Value as Json;

/// The field naming the code a row's program is expected to fail with.
pub const EXPECTED_ERROR: &str = "expected_error";

/// The field holding the answer as text, kept in step with the expected list.
pub const EXPECTED_RESULT: &str = "expected_result";

/// The code `row` expects its program to fail with, if any (validation hook).
pub(crate) fn expected_error(row: &Json) -> Result<Option<&str>, Verdict> {
    match &row[EXPECTED_ERROR] {
        Json::Null => Ok(None),
        Json::String(code) => Ok(Some(code)),
        other => Err(Verdict::Error {
            code: BAD_ROW.to_string(),
            message: format!("`{EXPECTED_ERROR}` is not a string: {other}"),
        }),
    }
}

/// What happened to one row.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Its answer fields were replaced by the engine's answer.
    Replaced,
    /// Its program fails: it now expects that error.
    Flagged {
        /// The error code.
        code: String,
        /// The message, with line and column.
        message: String,
    },
    /// It could not be repaired and is written as it was.
    Kept {
        /// Why.
        reason: String,
    },
}

/// One row that failed validation, and what the repair did with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// 1-based line in the dataset.
    pub line: usize,
    /// The row's id, as the validation report gives it.
    pub id: String,
    /// What was done.
    pub action: Action,
    /// Each field changed: (field, old value, new value), values as JSON text.
    pub fields: Vec<(String, String, String)>,
}

/// The repaired dataset and the changes, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Repaired {
    /// The dataset's bytes with the failing rows rewritten.
    pub data: Vec<u8>,
    /// One entry per failing row.
    pub changes: Vec<Change>,
}

/// Rewrites the rows of `data` that `reports` (from [`crate::validate::validate`] of
/// the same data and options) found failing.
pub fn repair(
    data: &[u8],
    reports: &[RowReport],
    options: &ValidateOptions,
    executor: &Executor,
) -> Repaired {
    let failing: Vec<&RowReport> = reports.iter().filter(|r| r.failed()).collect();
    let mut next = failing.iter().peekable();
    let mut out = Vec::with_capacity(data.len());
    let mut changes = Vec::new();
    for (n, line) in data.split_inclusive(|&b| b == b'\n').enumerate() {
        let Some(report) = next.next_if(|r| r.line == n + 1) else {
            out.extend_from_slice(line);
            continue;
        };
        let (body, end) = split_line_end(line);
        let change = match repair_row(body, report, options, executor) {
            Ok((text, action, fields)) => {
                out.extend_from_slice(text.as_bytes());
                Change {
                    line: report.line,
                    id: report.id.clone(),
                    action,
                    fields,
                }
            }
            Err(reason) => {
                out.extend_from_slice(body);
                Change {
                    line: report.line,
                    id: report.id.clone(),
                    action: Action::Kept { reason },
                    fields: Vec::new(),
                }
            }
        };
        out.extend_from_slice(end);
        changes.push(change);
    }
    Repaired { data: out, changes }
}

/// A line without and with its line break (`\n` or `\r\n`).
fn split_line_end(line: &[u8]) -> (&[u8], &[u8]) {
    let cut =
        line.len() - usize::from(line.ends_with(b"\n")) - usize::from(line.ends_with(b"\r\n"));
    line.split_at(cut)
}

/// The engine's answer to a row: its outputs, each block's answer token and text,
/// and the error that stopped it.
struct Answer {
    outputs: Vec<Json>,
    tokens: Vec<String>,
    texts: Vec<String>,
    error: Option<Located>,
}

type Fields = Vec<(String, String, String)>;

fn repair_row(
    body: &[u8],
    report: &RowReport,
    options: &ValidateOptions,
    executor: &Executor,
) -> Result<(String, Action, Fields), String> {
    if let Verdict::Error { code, message } = &report.verdict
        && (code == BAD_ROW || code == UNSUPPORTED)
    {
        return Err(format!("{code}: {message}"));
    }
    let text = std::str::from_utf8(body).map_err(|e| e.to_string())?;
    let row: Json = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let answer = run(&row, options, executor)?;
    let mut edits: Vec<(&str, Option<Json>)> = vec![(
        options.expected_field.as_str(),
        Some(Json::Array(answer.outputs.clone())),
    )];
    if options.expected_field != EXPECTED_RESULT {
        match &row[EXPECTED_RESULT] {
            Json::String(_) => {
                edits.push((EXPECTED_RESULT, Some(Json::from(answer.texts.join("; ")))))
            }
            Json::Array(_) => {
                edits.push((EXPECTED_RESULT, Some(Json::Array(answer.outputs.clone()))))
            }
            _ => {}
        }
    }
    let code = answer
        .error
        .as_ref()
        .map(|e| e.diagnostic.code.as_str().to_string());
    if code.is_some() || !row[EXPECTED_ERROR].is_null() {
        edits.push((EXPECTED_ERROR, code.clone().map(Json::from)));
    }
    if let Json::String(output) = &row["output"] {
        let updated = retag(output, &answer.tokens);
        if updated != *output {
            edits.push(("output", Some(Json::from(updated))));
        }
    }
    let mut text = text.to_string();
    let mut fields = Vec::new();
    for (field, value) in edits {
        let old = raw_field(&text, field).map(str::to_string);
        let new = value.as_ref().map(Json::to_string);
        if old != new {
            text = splice(&text, field, new.as_deref())?;
            fields.push((
                field.to_string(),
                old.unwrap_or_default(),
                new.unwrap_or_default(),
            ));
        }
    }
    let action = match &answer.error {
        Some(e) => Action::Flagged {
            code: e.diagnostic.code.as_str().to_string(),
            message: format!(
                "{} (line {}:{})",
                e.diagnostic.message, e.position.line, e.position.column
            ),
        },
        None => Action::Replaced,
    };
    Ok((text, action, fields))
}

/// Runs the row's programs as validation does, stopping at the first error.
fn run(row: &Json, options: &ValidateOptions, executor: &Executor) -> Result<Answer, String> {
    let programs = programs(row, &options.program_field).map_err(|v| format!("{v:?}"))?;
    let mut answer = Answer {
        outputs: Vec::new(),
        tokens: Vec::new(),
        texts: Vec::new(),
        error: None,
    };
    for program in programs {
        let outcome = executor
            .execute(program, &options.run)
            .map_err(|e| e.to_string())?;
        answer
            .outputs
            .extend(query_results(&outcome.outputs, &outcome.symbols));
        answer.tokens.push(outcome.computation_token());
        if let Some(e) = outcome.error() {
            answer
                .texts
                .push(format!("{}: {}", e.diagnostic.code, e.diagnostic.message));
            answer.error = Some(e.clone());
            break;
        }
        answer.texts.push(outcome.result_text());
    }
    Ok(answer)
}

/// `output` with the first answer tag after block `i` (before block `i + 1`) replaced
/// by `tokens[i]`; blocks without a tag, or without a token, are left alone.
fn retag(output: &str, tokens: &[String]) -> String {
    let lower = output.to_ascii_lowercase();
    let mut out = String::with_capacity(output.len());
    let mut at = 0;
    for token in tokens {
        let Some(open) = lower[at..].find(OPEN).map(|o| at + o) else {
            break;
        };
        let Some(close) = lower[open..].find(CLOSE).map(|c| open + c + CLOSE.len()) else {
            break;
        };
        let next_block = lower[close..]
            .find(OPEN)
            .map_or(output.len(), |o| close + o);
        out.push_str(&output[at..close]);
        at = close;
        let tag = [RESULT_TAGS, ERROR_TAGS]
            .iter()
            .filter_map(|[o, c]| {
                let start = close + lower[close..next_block].find(o)?;
                let end = start + lower[start..next_block].find(c)? + c.len();
                Some((start, end))
            })
            .min();
        if let Some((start, end)) = tag {
            out.push_str(&output[at..start]);
            out.push_str(token);
            at = end;
        }
    }
    out.push_str(&output[at..]);
    out
}

/// `object` (one JSON object's text) with the value of `key` set to `value` (JSON
/// text), the key added at the end when absent, or removed when `value` is `None`.
fn splice(object: &str, key: &str, value: Option<&str>) -> Result<String, String> {
    let offset = |s: &str| s.as_ptr() as usize - object.as_ptr() as usize;
    match (raw_field(object, key), value) {
        (Some(old), Some(new)) => {
            let start = offset(old);
            Ok(format!(
                "{}{new}{}",
                &object[..start],
                &object[start + old.len()..]
            ))
        }
        (Some(old), None) => {
            let quoted = Json::from(key).to_string();
            let key_at = object[..offset(old)].rfind(&quoted).ok_or("no key")?;
            let before = object[..key_at].trim_end();
            let (from, to) = match before.strip_suffix(',') {
                Some(kept) => (kept.len(), offset(old) + old.len()),
                // The first field: take the comma after it instead.
                None => {
                    let rest = &object[offset(old) + old.len()..];
                    let comma = rest.find(',').map_or(0, |c| c + 1);
                    (key_at, offset(old) + old.len() + comma)
                }
            };
            Ok(format!(
                "{}{}",
                &object[..from],
                object[to..].trim_start_matches(' ')
            ))
        }
        (None, Some(new)) => {
            let close = object.trim_end().len() - 1;
            let empty = object[..close].trim_end().ends_with('{');
            let sep = if empty {
                ""
            } else if object.contains("\": ") {
                ", "
            } else {
                ","
            };
            let colon = if object.contains("\": ") { ": " } else { ":" };
            Ok(format!(
                "{}{sep}{}{colon}{new}{}",
                object[..close].trim_end(),
                Json::from(key),
                &object[close..]
            ))
        }
        (None, None) => Ok(object.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate;

    fn fix(data: &str) -> Repaired {
        let options = ValidateOptions::default();
        let executor = Executor::new();
        let reports = validate(data.as_bytes(), &options, &executor, || {});
        repair(data.as_bytes(), &reports, &options, &executor)
    }

    #[test]
    fn wrong_rows_get_the_engines_answer_and_nothing_else_moves() {
        let data = "{\"id\": \"ok\", \"program\": \"RESULT 2\", \"expected\": [2]}\n\
            {\"id\": \"w\", \"expected\": [3], \"expected_result\": \"3\", \"output\": \"So <computation>RESULT 1 + 1</computation> gives <result>3</result>. Done.\"}\r\n\
            {\"id\": \"e\", \"program\": \"RESULT 1 / 0\", \"expected\": [1]}\n\
            not json\n";
        let r = fix(data);
        let text = String::from_utf8(r.data).unwrap();
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        assert_eq!(
            lines[0],
            "{\"id\": \"ok\", \"program\": \"RESULT 2\", \"expected\": [2]}\n"
        );
        assert_eq!(
            lines[1],
            "{\"id\": \"w\", \"expected\": [2], \"expected_result\": \"2\", \"output\": \"So <computation>RESULT 1 + 1</computation> gives <result>2</result>. Done.\"}\r\n"
        );
        assert_eq!(
            lines[2],
            "{\"id\": \"e\", \"program\": \"RESULT 1 / 0\", \"expected\": [], \"expected_error\": \"E201\"}\n"
        );
        assert_eq!(lines[3], "not json\n");
        let actions: Vec<&Action> = r.changes.iter().map(|c| &c.action).collect();
        assert_eq!(actions[0], &Action::Replaced);
        assert!(matches!(actions[1], Action::Flagged { code, .. } if code == "E201"));
        assert!(matches!(actions[2], Action::Kept { .. }));
        assert_eq!(
            r.changes[0].fields[0],
            ("expected".into(), "[3]".into(), "[2]".into())
        );
        // The repaired rows validate.
        let again = fix(&text);
        assert_eq!(again.changes.len(), 1, "{:?}", again.changes);
    }

    #[test]
    fn a_row_that_no_longer_fails_loses_its_flag() {
        let r = fix("{\"expected_error\": \"E201\", \"program\": \"RESULT 1\", \"expected\": []}");
        assert_eq!(
            String::from_utf8(r.data).unwrap(),
            "{\"program\": \"RESULT 1\", \"expected\": [1]}"
        );
        let r = fix("{\"program\": \"RESULT 1\", \"expected\": [], \"expected_error\": \"E201\"}");
        assert_eq!(
            String::from_utf8(r.data).unwrap(),
            "{\"program\": \"RESULT 1\", \"expected\": [1]}"
        );
    }

    #[test]
    fn answer_tags_follow_their_blocks() {
        let tokens = [
            "<result>1</result>".to_string(),
            "<error>E201: x</error>".to_string(),
        ];
        assert_eq!(
            retag(
                "a <computation>A</computation> <result>9</result> b <COMPUTATION>B</computation> c <result>8</result>",
                &tokens
            ),
            "a <computation>A</computation> <result>1</result> b <COMPUTATION>B</computation> c <error>E201: x</error>"
        );
        assert_eq!(
            retag("<computation>A</computation> no tag", &tokens),
            "<computation>A</computation> no tag"
        );
    }
}
