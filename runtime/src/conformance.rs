//! The comparison rules of the conformance corpus and of `bytelogic validate`
//! (docs/cli.md, "validate"): a program's flattened outputs
//! ([`crate::render::json::query_results`]) against the `expected` list its authors
//! recorded.
//!
//! Rules, item by item, and the list compared as a multiset:
//! - a string matches a Symbol (a JSON string) with the same text;
//! - an array matches a tuple of the same length whose items match;
//! - an expected Int `e` matches a number equal to `e`, or a non-integral number that
//!   truncates to `e` (`207` matches `207.27`);
//! - an expected Float written with `d` decimals matches a number that rounds to it at
//!   `d` decimals (`1.0` matches `0.99999999`). `d` is read from the number's text in
//!   the file, because a parsed `f64` has forgotten it (`1.50` and `1.5` differ); a
//!   number written with an exponent counts its mantissa's decimals minus the exponent.
//!   A value exactly halfway matches either neighbour: the data's authors rounded in
//!   several ways, and a binary f64 is rarely exactly halfway anyway;
//! - a truth answer counts as 1 or 0, and an expected `true` or `false` stands for 1
//!   or 0: it matches a truth answer or an Int of that value (docs/decisions.md 128).

use serde_json::Value as Json;
use std::fmt;

/// One item of an `expected` list.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// An integer written without a decimal point or exponent.
    Int(i64),
    /// A number written with decimals (or too large for an Int).
    Float {
        /// Its value.
        value: f64,
        /// How many decimals it was written with.
        decimals: i32,
    },
    /// A string: matches a Symbol of the same text.
    Text(String),
    /// An array: matches a tuple item-wise.
    Tuple(Vec<Expected>),
    /// `true` or `false`: matches a truth answer, or the Int 1 or 0.
    Truth(bool),
}

/// The item as JSON, numbers with the decimals they were written with (`1.50`).
impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Int(i) => write!(f, "{i}"),
            Expected::Float { value, decimals } => match usize::try_from(*decimals) {
                Ok(d) if d <= 17 => write!(f, "{value:.d$}"),
                _ => write!(f, "{}", Json::from(*value)),
            },
            Expected::Text(text) => write!(f, "{}", Json::from(text.as_str())),
            Expected::Tuple(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Expected::Truth(b) => write!(f, "{b}"),
        }
    }
}

/// The raw JSON text of the value of `key` in the top-level JSON object `object`,
/// e.g. `[1.0, "a"]` for `expected`.
pub fn raw_field<'a>(object: &'a str, key: &str) -> Option<&'a str> {
    let quoted_key = serde_json::to_string(key).ok()?;
    let mut depth = 0usize;
    let mut i = 0;
    let bytes = object.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let end = string_end(object, i);
                if depth == 1 && object[i..end] == quoted_key {
                    let rest = object[end..].trim_start();
                    if let Some(value) = rest.strip_prefix(':') {
                        let start = object.len() - value.trim_start().len();
                        let mut values = serde_json::Deserializer::from_str(&object[start..])
                            .into_iter::<Json>();
                        values.next()?.ok()?;
                        return Some(&object[start..start + values.byte_offset()]);
                    }
                }
                i = end;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The byte offset just past the JSON string starting at `start` (a `"`).
fn string_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The decimals each number in the JSON text `raw` was written with, in document order
/// (`None` for an integer written without `.` or exponent).
fn number_decimals(raw: &str) -> Vec<Option<i32>> {
    let bytes = raw.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' {
            i = string_end(raw, i);
        } else if b == b'-' || b.is_ascii_digit() {
            let len = raw[i..]
                .find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c)))
                .unwrap_or(raw.len() - i);
            out.push(decimals_of(&raw[i..i + len]));
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

fn decimals_of(number: &str) -> Option<i32> {
    let (mantissa, exponent) = match number.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None if !number.contains('.') => return None,
        None => (number, 0),
    };
    let fraction = mantissa.split_once('.').map_or(0, |(_, f)| f.len() as i32);
    Some(fraction - exponent)
}

/// Parses the raw JSON text of an `expected` list (see [`raw_field`]).
pub fn parse_expected(raw: &str) -> Result<Vec<Expected>, String> {
    let value: Json =
        serde_json::from_str(raw).map_err(|e| format!("expected is not JSON: {e}"))?;
    let Json::Array(items) = value else {
        return Err(format!("expected is not a list: {raw}"));
    };
    let mut decimals = number_decimals(raw).into_iter();
    items
        .iter()
        .map(|item| convert(item, &mut decimals))
        .collect()
}

fn convert(v: &Json, decimals: &mut impl Iterator<Item = Option<i32>>) -> Result<Expected, String> {
    match v {
        Json::String(s) => Ok(Expected::Text(s.clone())),
        Json::Bool(b) => Ok(Expected::Truth(*b)),
        Json::Array(items) => Ok(Expected::Tuple(
            items
                .iter()
                .map(|item| convert(item, decimals))
                .collect::<Result<_, _>>()?,
        )),
        Json::Number(n) => match (decimals.next().flatten(), n.as_i64(), n.as_f64()) {
            (None, Some(i), _) => Ok(Expected::Int(i)),
            (d, _, Some(value)) => Ok(Expected::Float {
                value,
                decimals: d.unwrap_or(0),
            }),
            _ => Err(format!("unsupported number {n}")),
        },
        other => Err(format!("unsupported expected item {other}")),
    }
}

/// Whether one actual item (as rendered by [`crate::render::json::query_results`], or
/// by [`crate::render::json::flat_answers`], whose truth answers count as 1 and 0)
/// matches one expected item.
pub fn item_matches(actual: &Json, expected: &Expected) -> bool {
    if let Json::Bool(b) = actual {
        return item_matches(&Json::from(u8::from(*b)), expected);
    }
    match (expected, actual) {
        (Expected::Truth(e), Json::Number(n)) => n.as_i64() == Some(i64::from(*e)),
        (Expected::Text(e), Json::String(a)) => e == a,
        (Expected::Tuple(es), Json::Array(items)) => {
            es.len() == items.len() && items.iter().zip(es).all(|(a, e)| item_matches(a, e))
        }
        (Expected::Int(e), Json::Number(n)) => match (n.as_i64(), n.as_f64()) {
            (Some(a), _) => a == *e,
            (None, Some(a)) => a.fract() != 0.0 && a.trunc() == *e as f64,
            _ => false,
        },
        (Expected::Float { value, decimals }, Json::Number(n)) => {
            n.as_f64().is_some_and(|a| rounds_to(a, *value, *decimals))
        }
        _ => false,
    }
}

/// True when `actual` rounded at `decimals` decimals is `expected`, i.e. they are at
/// most half a unit of the last decimal apart (with a relative slack for f64 error).
fn rounds_to(actual: f64, expected: f64, decimals: i32) -> bool {
    let half_unit = 0.5 * 10f64.powi(-decimals);
    let slack = 1e-12 * actual.abs().max(expected.abs()).max(half_unit);
    (actual - expected).abs() <= half_unit + slack
}

/// Compares `actual` and `expected` as multisets under [`item_matches`]; the error
/// is a one-line reason.
pub fn compare(actual: &[Json], expected: &[Expected]) -> Result<(), String> {
    let shown = || format!("got {}", Json::Array(actual.to_vec()));
    if actual.len() != expected.len() {
        let noun = if actual.len() == 1 { "item" } else { "items" };
        return Err(format!(
            "{} {noun} instead of {}: {}",
            actual.len(),
            expected.len(),
            shown()
        ));
    }
    // Matching is not transitive (207 and 207.4 both match 207.3), so pair the items
    // with an augmenting-path bipartite matching rather than greedily.
    let mut owner: Vec<Option<usize>> = vec![None; actual.len()];
    for e in 0..expected.len() {
        let mut seen = vec![false; actual.len()];
        if !augment(e, actual, expected, &mut owner, &mut seen) {
            return Err(format!(
                "nothing matches expected item {}; {}",
                expected[e],
                shown()
            ));
        }
    }
    Ok(())
}

fn augment(
    e: usize,
    actual: &[Json],
    expected: &[Expected],
    owner: &mut [Option<usize>],
    seen: &mut [bool],
) -> bool {
    for a in 0..actual.len() {
        if seen[a] || !item_matches(&actual[a], &expected[e]) {
            continue;
        }
        seen[a] = true;
        if owner[a].is_none_or(|other| augment(other, actual, expected, owner, seen)) {
            owner[a] = Some(e);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(actual: Json, expected: &str) -> Result<(), String> {
        let Json::Array(actual) = actual else {
            panic!("actual must be a list")
        };
        compare(&actual, &parse_expected(expected).unwrap())
    }

    #[test]
    fn ints_match_equal_values_and_truncated_non_integral_ones() {
        assert!(check(json!([207.27]), "[207]").is_ok());
        assert!(check(json!([121.59]), "[121]").is_ok());
        assert!(check(json!([-3.7]), "[-3]").is_ok());
        assert!(check(json!([52]), "[52]").is_ok());
        assert!(check(json!([53]), "[52]").is_err());
        assert!(check(json!([208.0]), "[207]").is_err());
        assert!(check(json!(["207"]), "[207]").is_err());
    }

    #[test]
    fn floats_match_when_rounding_at_the_written_decimals() {
        assert!(check(json!([0.99999999]), "[1.0]").is_ok());
        assert!(check(json!([1]), "[1.0]").is_ok());
        assert!(check(json!([0.8660254]), "[0.866]").is_ok());
        assert!(check(json!([0.4999996]), "[0.5]").is_ok());
        assert!(check(json!([0.94]), "[1.0]").is_err());
        assert!(check(json!([1.46]), "[1.50]").is_err());
        assert!(check(json!([1.46]), "[1.5]").is_ok());
        assert!(check(json!([0.00012]), "[1.2e-4]").is_ok());
    }

    #[test]
    fn symbols_by_text_and_tuples_item_wise() {
        assert!(check(json!([["david", "kate"]]), r#"[["david", "kate"]]"#).is_ok());
        assert!(check(json!([["kate", "david"]]), r#"[["david", "kate"]]"#).is_err());
        assert!(check(json!([["david", 3.5]]), r#"[["david", 3]]"#).is_ok());
        assert!(check(json!([["david"]]), r#"[["david", "kate"]]"#).is_err());
        assert!(check(json!(["alice"]), r#"["Alice"]"#).is_err());
    }

    #[test]
    fn lists_compare_as_multisets() {
        assert!(check(json!(["b", "a", "b"]), r#"["b", "b", "a"]"#).is_ok());
        assert!(check(json!(["a", "a", "b"]), r#"["b", "b", "a"]"#).is_err());
        assert!(check(json!(["a"]), r#"["a", "a"]"#).is_err());
        // Greedy pairing would give 207.3 to the expected 207 and leave nothing for 207.3.
        assert!(check(json!([207.3, 207.9]), "[207, 207.3]").is_ok());
        assert!(check(json!([]), "[]").is_ok());
    }

    #[test]
    fn truths_match_truth_answers_and_ones_and_zeros() {
        assert!(check(json!([true, false]), "[true, false]").is_ok());
        assert!(check(json!([1, 0]), "[true, false]").is_ok());
        assert!(check(json!([true, false]), "[1, 0]").is_ok());
        assert!(check(json!([true]), "[false]").is_err());
        assert!(check(json!([2]), "[true]").is_err());
        assert!(check(json!(["true"]), "[true]").is_err());
    }

    #[test]
    fn failures_show_items_as_json() {
        let reason = check(json!([2, true]), r#"["2", 1.50]"#).unwrap_err();
        assert_eq!(reason, r#"nothing matches expected item "2"; got [2,true]"#);
        let reason = check(json!(["a", 2]), r#"["a", 1.50]"#).unwrap_err();
        assert_eq!(reason, r#"nothing matches expected item 1.50; got ["a",2]"#);
        let reason = check(json!([["a", 1]]), r#"[["a", 2.5]]"#).unwrap_err();
        assert!(
            reason.starts_with(r#"nothing matches expected item ["a", 2.5];"#),
            "{reason}"
        );
    }

    #[test]
    fn raw_field_finds_the_value_text_at_the_top_level() {
        let row = r#"{"id": "x\"expected\": 9", "nested": {"expected": 1}, "expected": [1.0, "a]"], "z": 2}"#;
        assert_eq!(raw_field(row, "expected"), Some(r#"[1.0, "a]"]"#));
        assert_eq!(raw_field(row, "z"), Some("2"));
        assert_eq!(raw_field(row, "missing"), None);
    }

    #[test]
    fn decimals_come_from_the_text() {
        assert_eq!(
            number_decimals(r#"[1, "2.5", 1.50, -0.5, 1e3, 2.5E-2]"#),
            vec![None, Some(2), Some(1), Some(-3), Some(3)]
        );
        assert_eq!(
            parse_expected("[1.0]").unwrap(),
            vec![Expected::Float {
                value: 1.0,
                decimals: 1
            }]
        );
    }
}
