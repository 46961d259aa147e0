//! Program outputs (spec §5) and their text rendering (spec §5.3).

use crate::value::{Symbols, Value};
use std::time::Duration;

/// The answer of one QUERY (spec §5.1).
#[derive(Clone, Debug, PartialEq)]
pub enum QueryAnswer {
    /// No `?`: whether the tuple is in the relation.
    Truth(bool),
    /// One `?`: the matching values, in canonical order.
    Values(Vec<Value>),
    /// Several `?`: the matching tuples projected onto the `?` columns, in canonical order.
    Tuples(Tuples),
}

impl QueryAnswer {
    /// The memory estimate of this answer kept among a run's outputs
    /// ([`answer_bytes`]).
    pub fn memory(&self) -> u64 {
        match self {
            QueryAnswer::Truth(_) => 0,
            QueryAnswer::Values(values) => answer_bytes(values.len() as u64, 1),
            QueryAnswer::Tuples(tuples) => answer_bytes(tuples.len() as u64, tuples.width() as u64),
        }
    }
}

/// The memory estimate of an answer of `rows` rows of `width` values: 16 bytes a
/// value and 8 a row (the key its ordering may need; docs/decisions.md 61).
pub fn answer_bytes(rows: u64, width: u64) -> u64 {
    rows.saturating_mul(width.saturating_mul(size_of::<Value>() as u64) + 8)
}

/// Time kept aside per value of an output to print it (docs/decisions.md 243): about
/// twice the slowest measured per value of a large answer of Ints (JSON, the longer
/// form, through a pipe, on a loaded machine).
const PRINT_NANOS_PER_VALUE: u64 = 500;
/// Time kept aside per byte of a Symbol's text in an output (the same measure for a
/// Symbol of 64 KiB repeated on every row).
const PRINT_NANOS_PER_TEXT_BYTE: u64 = 2;

impl Output {
    /// How long printing this output may take after the run, as text or JSON: the run
    /// keeps that time aside before its time limit ([`crate::Account::keep_aside`]),
    /// so an answer that is found in time is printed in time (docs/decisions.md 243).
    /// Grows with the values and the Symbol text they print, not with the memory
    /// they take: a row can print a long Symbol that is stored once.
    pub fn printing_time(&self, symbols: &Symbols) -> Duration {
        let values: &[Value] = match self {
            Output::Result(v) => std::slice::from_ref(v),
            Output::Query { answer, .. } => match answer {
                QueryAnswer::Truth(_) => &[],
                QueryAnswer::Values(values) => values,
                QueryAnswer::Tuples(tuples) => &tuples.values,
            },
        };
        let text: u64 = values
            .iter()
            .map(|v| match v {
                Value::Sym(s) => symbols.resolve(*s).len() as u64,
                _ => 0,
            })
            .fold(0, u64::saturating_add);
        let nanos = (values.len() as u64)
            .saturating_mul(PRINT_NANOS_PER_VALUE)
            .saturating_add(text.saturating_mul(PRINT_NANOS_PER_TEXT_BYTE));
        Duration::from_nanos(nanos)
    }
}

/// Tuples of one width, stored row after row in one vector (a large answer holds
/// millions of them, so not one allocation per tuple).
#[derive(Clone, Debug, PartialEq)]
pub struct Tuples {
    width: usize,
    values: Vec<Value>,
}

impl Tuples {
    /// No tuples of `width` values (`width` must be positive).
    pub fn new(width: usize) -> Tuples {
        Tuples::from_values(width, Vec::new())
    }

    /// The tuples of `width` values whose concatenation is `values` (`width` must be
    /// positive and divide its length).
    pub fn from_values(width: usize, values: Vec<Value>) -> Tuples {
        assert!(
            width > 0 && values.len().is_multiple_of(width),
            "{} values do not make tuples of width {width}",
            values.len()
        );
        Tuples { width, values }
    }

    /// The tuples `rows`, each of `width` values.
    pub fn from_rows<R: AsRef<[Value]>>(width: usize, rows: impl IntoIterator<Item = R>) -> Tuples {
        let mut tuples = Tuples::new(width);
        for row in rows {
            tuples.push(row.as_ref());
        }
        tuples
    }

    /// Appends a tuple (of the width).
    pub fn push(&mut self, row: &[Value]) {
        assert_eq!(row.len(), self.width, "a tuple of another width");
        self.values.extend_from_slice(row);
    }

    /// Values per tuple.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Number of tuples.
    pub fn len(&self) -> usize {
        self.values.len() / self.width
    }

    /// True when there are no tuples.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The tuples in order.
    pub fn iter(&self) -> std::slice::ChunksExact<'_, Value> {
        self.values.chunks_exact(self.width)
    }
}

/// One output of a program (spec §5.2).
#[derive(Clone, Debug, PartialEq)]
pub enum Output {
    /// A top-level QUERY.
    Query {
        /// The relation's name.
        relation: String,
        /// The evaluated arguments; `None` for `?`.
        args: Vec<Option<Value>>,
        /// The answer.
        answer: QueryAnswer,
    },
    /// A top-level RESULT.
    Result(Value),
}

/// Renders a value in the text form of spec §5.3.
pub fn value_text(value: Value, symbols: &Symbols) -> String {
    output_text(&Output::Result(value), symbols)
}

/// A Float with up to 10 significant digits, trailing zeros removed, in exponent
/// form below 1e-6 or from 1e16 in magnitude (spec §5.3).
pub fn float_text(f: f64) -> String {
    if f == 0.0 {
        return "0".to_string();
    }
    // Round to 10 significant digits first; the exponent decides the form.
    let sci = format!("{:.9e}", f);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mantissa = trim_zeros(mantissa);
    if !(-6..16).contains(&exp) {
        return format!("{mantissa}e{exp}");
    }
    let (neg, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest.replace('.', "")),
        None => (false, mantissa.replace('.', "")),
    };
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    if exp < 0 {
        s.push_str("0.");
        for _ in 0..(-exp - 1) {
            s.push('0');
        }
        s.push_str(&digits);
    } else {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            s.push_str(&digits);
            for _ in digits.len()..int_len {
                s.push('0');
            }
        } else {
            s.push_str(&digits[..int_len]);
            s.push('.');
            s.push_str(&digits[int_len..]);
        }
    }
    s
}

fn trim_zeros(m: &str) -> String {
    if m.contains('.') {
        m.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        m.to_string()
    }
}

/// Renders one output in the text form of spec §5.3.
pub fn output_text(output: &Output, symbols: &Symbols) -> String {
    let mut s = String::new();
    let _ = write_output(&mut s, output, symbols);
    s
}

/// Writes one output in the text form of spec §5.3 to `out`, value by value (an
/// answer of millions of rows is never one string).
pub fn write_output(
    out: &mut impl std::fmt::Write,
    output: &Output,
    symbols: &Symbols,
) -> std::fmt::Result {
    let value = |out: &mut dyn std::fmt::Write, v: Value| match v {
        Value::Int(i) => write!(out, "{i}"),
        Value::Float(f) => out.write_str(&float_text(f)),
        Value::Sym(s) => out.write_str(symbols.resolve(s)),
    };
    match output {
        Output::Result(v) => value(out, *v),
        Output::Query { answer, .. } => match answer {
            QueryAnswer::Truth(b) => out.write_str(if *b { "true" } else { "false" }),
            QueryAnswer::Values(vs) if vs.is_empty() => out.write_str("none"),
            QueryAnswer::Tuples(ts) if ts.is_empty() => out.write_str("none"),
            QueryAnswer::Values(vs) => {
                for (i, v) in vs.iter().enumerate() {
                    if i > 0 {
                        out.write_str(", ")?;
                    }
                    value(out, *v)?;
                }
                Ok(())
            }
            QueryAnswer::Tuples(ts) => {
                for (i, t) in ts.iter().enumerate() {
                    out.write_str(if i > 0 { ", (" } else { "(" })?;
                    for (j, v) in t.iter().enumerate() {
                        if j > 0 {
                            out.write_str(", ")?;
                        }
                        value(out, *v)?;
                    }
                    out.write_str(")")?;
                }
                Ok(())
            }
        },
    }
}

/// Counters reported with every run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Tuples in the database at the end of the run.
    pub tuples: u64,
    /// Fixpoint rounds run by all SOLVEs together.
    pub iterations: u64,
    /// Steps counted against `max_steps` (spec §7).
    pub steps: u64,
}

/// What running a program produced, whichever backend ran it.
#[derive(Clone, Debug)]
pub struct RunResult {
    /// Outputs recorded, in program order (also those before an error, spec §7).
    pub outputs: Vec<Output>,
    /// The runtime error that ended the run, if any (code, message, span of the failing expression).
    pub error: Option<crate::diagnostic::Diagnostic>,
    /// Counters.
    pub stats: Stats,
    /// The program's Symbols plus those made at run time, to render the outputs.
    pub symbols: Symbols,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_render_per_spec() {
        assert_eq!(float_text(3.5), "3.5");
        assert_eq!(float_text(1.5e-7), "1.5e-7");
        assert_eq!(float_text(2e20), "2e20");
        assert_eq!(float_text(0.000001), "0.000001");
        assert_eq!(float_text(1e16 + 0.5), "1e16");
        assert_eq!(float_text(1234567.891), "1234567.891");
        assert_eq!(float_text(2.0 / 3.0), "0.6666666667");
        assert_eq!(float_text(-0.25), "-0.25");
        assert_eq!(float_text(123456789.123456), "123456789.1");
        assert_eq!(float_text(9.999999999999e15), "1e16");
    }
}
