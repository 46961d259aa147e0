//! Injected facts written as JSON (the `inputs` of a `serve` request, the file of
//! `bytelogic run --input`): `{"relation": [[value, …], …], …}`.
//!
//! A JSON integer that fits i64 is an Int, any other number a Float (made canonical
//! when injected, so `2.0` is the Int 2), a string a Symbol. Relations are injected in
//! the object's key order (alphabetical); the order does not change any answer.
//! One reader serves a parsed JSON value (`serve`) and a file's bytes (`--input`),
//! which it reads without building a JSON tree, under the run's tuple and memory
//! limits.

use crate::executor::InputFacts;
use bytelogic_engine::fault::{Fault, What};
use bytelogic_engine::inject::{InputValue, TUPLE_BYTES, VALUE_BYTES};
use bytelogic_engine::{Account, Code, Diagnostic, Limits, Span};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value as Json;
use std::cell::RefCell;
use std::fmt;

/// Why inputs could not be read.
#[derive(Debug, PartialEq)]
pub enum InputError {
    /// Not the shape of inputs (one line, naming the place): a usage error.
    Bad(String),
    /// More tuples than the tuple limit (E402) or more memory than the memory limit
    /// (E405), found while reading them: the outcome of the run.
    Limit(Box<Diagnostic>),
}

/// The facts of `json`, or what is wrong with it (one line, naming the place).
pub fn parse(json: &Json) -> Result<InputFacts, String> {
    let unlimited = Limits {
        max_tuples: u64::MAX,
        max_memory_mb: u64::MAX,
        ..Limits::default()
    };
    match read(json, &unlimited, 0) {
        Ok(facts) => Ok(facts),
        Err(InputError::Bad(message)) => Err(message),
        Err(InputError::Limit(d)) => Err(d.message),
    }
}

/// The facts of the JSON text `bytes` (a `--input` file), read under `limits`: the
/// tuple limit counts tuples as they are read (duplicates too), and the memory limit
/// the estimate of what reading keeps, `bytes` included (docs/decisions.md 103).
pub fn parse_bytes(bytes: &[u8], limits: &Limits) -> Result<InputFacts, InputError> {
    let mut json = serde_json::Deserializer::from_slice(bytes);
    let facts = read(&mut json, limits, bytes.len() as u64)?;
    json.end().map_err(|e| InputError::Bad(e.to_string()))?;
    Ok(facts)
}

/// Reads inputs from any JSON deserializer, charging an account for `limits` with
/// `held` bytes already held.
fn read<'de, D: Deserializer<'de>>(
    from: D,
    limits: &Limits,
    held: u64,
) -> Result<InputFacts, InputError> {
    let state = RefCell::new(Reading {
        account: Account::new(limits),
        tuples: 0,
        stopped: None,
    });
    let charged = state.borrow_mut().account.charge(held);
    if let Err(fault) = charged {
        return Err(state.into_inner().limit(fault));
    }
    match Relations(&state).deserialize(from) {
        Ok(facts) => Ok(facts),
        Err(e) => {
            let state = state.into_inner();
            match state.stopped.clone() {
                Some(fault) => Err(state.limit(fault)),
                None => Err(InputError::Bad(e.to_string())),
            }
        }
    }
}

/// What reading has taken so far.
struct Reading {
    account: Account,
    tuples: u64,
    /// The limit that stopped reading.
    stopped: Option<Fault>,
}

impl Reading {
    fn limit(&self, fault: Fault) -> InputError {
        InputError::Limit(Box::new(self.account.limit_error(&fault, Span::new(0, 0))))
    }

    /// Counts a tuple of `relation` and charges `bytes`; the error stops reading.
    fn take<E: de::Error>(&mut self, relation: &str, bytes: u64) -> Result<(), E> {
        self.tuples += 1;
        let fault = if self.tuples > self.account.limits().max_tuples {
            Some(Fault::new(Code::E402, What::Tuples(relation.to_string())))
        } else {
            self.account.charge(bytes).err()
        };
        match fault {
            None => Ok(()),
            Some(fault) => {
                self.stopped = Some(fault);
                Err(E::custom("a limit stopped reading the inputs"))
            }
        }
    }
}

/// `{"relation": [tuple, …], …}`.
struct Relations<'s>(&'s RefCell<Reading>);

impl<'de> DeserializeSeed<'de> for Relations<'_> {
    type Value = InputFacts;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<InputFacts, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Relations<'_> {
    type Value = InputFacts;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("inputs to be an object of relation names")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<InputFacts, A::Error> {
        // In key order, the last of a repeated key, as a JSON object read into a map
        // gives them (decision 47).
        let mut facts = std::collections::BTreeMap::new();
        while let Some(name) = map.next_key::<String>()? {
            let tuples = map.next_value_seed(Tuples(self.0, &name))?;
            facts.insert(name, tuples);
        }
        Ok(facts.into_iter().collect())
    }
}

/// `[tuple, …]` of one relation.
struct Tuples<'s>(&'s RefCell<Reading>, &'s str);

impl<'de> DeserializeSeed<'de> for Tuples<'_> {
    type Value = Vec<Vec<InputValue>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Tuples<'_> {
    type Value = Vec<Vec<InputValue>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "inputs of `{}` to be an array of tuples", self.1)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut tuples = Vec::new();
        while let Some(tuple) = seq.next_element_seed(Tuple(self.1))? {
            let bytes = TUPLE_BYTES
                + tuple.len() as u64 * VALUE_BYTES
                + tuple.iter().map(InputValue::text_bytes).sum::<u64>();
            self.0.borrow_mut().take(self.1, bytes)?;
            tuples.push(tuple);
        }
        Ok(tuples)
    }
}

/// `[value, …]`: one tuple of relation `.0`.
struct Tuple<'s>(&'s str);

impl<'de> DeserializeSeed<'de> for Tuple<'_> {
    type Value = Vec<InputValue>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Tuple<'_> {
    type Value = Vec<InputValue>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an input tuple of `{}` to be an array of values", self.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut values = Vec::new();
        while let Some(v) = seq.next_element_seed(Item(self.0))? {
            values.push(v);
        }
        Ok(values)
    }
}

/// One value of a tuple of relation `.0`: a number (an Int when it fits i64) or a
/// string (a Symbol).
struct Item<'s>(&'s str);

impl<'de> DeserializeSeed<'de> for Item<'_> {
    type Value = InputValue;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<InputValue, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Item<'_> {
    type Value = InputValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an input value of `{}` to be a number or a string",
            self.0
        )
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<InputValue, E> {
        Ok(InputValue::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<InputValue, E> {
        Ok(i64::try_from(v).map_or(InputValue::Float(v as f64), InputValue::Int))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<InputValue, E> {
        Ok(InputValue::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<InputValue, E> {
        Ok(InputValue::Text(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<InputValue, E> {
        Ok(InputValue::Text(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_and_strings_become_values() {
        let parsed = parse(&json!({"e": [[1, 2.5, "x"], [18446744073709551615u64, -3, ""]]}));
        assert_eq!(
            parsed,
            Ok(vec![(
                "e".to_string(),
                vec![
                    vec![
                        InputValue::Int(1),
                        InputValue::Float(2.5),
                        InputValue::Text("x".into())
                    ],
                    vec![
                        InputValue::Float(18446744073709551615.0),
                        InputValue::Int(-3),
                        InputValue::Text(String::new())
                    ],
                ]
            )])
        );
        assert_eq!(parse(&json!({})), Ok(vec![]));
    }

    #[test]
    fn other_shapes_are_refused_with_the_place() {
        for (bad, says) in [
            (json!([1]), "expected inputs to be an object"),
            (json!({"r": 1}), "expected inputs of `r` to be an array"),
            (json!({"r": [1]}), "tuple of `r`"),
            (json!({"r": [[true]]}), "value of `r`"),
            (json!({"r": [[null]]}), "value of `r`"),
        ] {
            let e = parse(&bad).expect_err("refused");
            assert!(e.contains(says), "{bad}: {e}");
        }
    }
}

#[cfg(test)]
mod limits {
    use super::*;

    #[test]
    fn files_are_read_under_the_tuple_and_memory_limits() {
        let tuples: Vec<String> = (0..3000).map(|i| format!("[{i}, \"x{i}\"]")).collect();
        let file = format!("{{\"e\": [{}]}}", tuples.join(","));
        let limits = |max_tuples, max_memory_mb| Limits {
            max_tuples,
            max_memory_mb,
            ..Limits::default()
        };
        let facts = parse_bytes(file.as_bytes(), &limits(3000, 64)).expect("fits");
        assert_eq!(facts[0].1.len(), 3000);
        let code = |r: Result<InputFacts, InputError>| match r {
            Err(InputError::Limit(d)) => d.code,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            code(parse_bytes(file.as_bytes(), &limits(1000, 64))),
            Code::E402
        );
        assert_eq!(
            code(parse_bytes(file.as_bytes(), &limits(3000, 0))),
            Code::E405
        );
        for bad in [&b"{\"e\": [[1]] x"[..], b"{\"e\": [[1]]} x", b"{\"e\": 1}"] {
            let bad = parse_bytes(bad, &limits(10, 64));
            assert!(matches!(bad, Err(InputError::Bad(m)) if m.contains("line 1")));
        }
    }
}
