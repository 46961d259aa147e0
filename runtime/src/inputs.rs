//! Injected facts written as JSON (the `inputs` of a `serve` request, the file of
//! `bytelogic run --input`): `{"relation": [[value, …], …], …}`.
//!
//! A JSON integer that fits i64 is an Int, any other number a Float (made canonical
//! when injected, so `2.0` is the Int 2), a string a Symbol. Relations are injected in
//! the object's key order (alphabetical); the order does not change any answer.

use crate::executor::InputFacts;
use bytelogic_engine::inject::InputValue;
use serde_json::Value as Json;

/// The facts of `json`, or what is wrong with it (one line, naming the place).
pub fn parse(json: &Json) -> Result<InputFacts, String> {
    let Json::Object(relations) = json else {
        return Err(format!(
            "inputs must be an object of relation names, not {json}"
        ));
    };
    relations
        .iter()
        .map(|(name, tuples)| {
            let Json::Array(tuples) = tuples else {
                return Err(format!(
                    "inputs of `{name}` must be an array of tuples, not {tuples}"
                ));
            };
            let tuples = tuples
                .iter()
                .map(|tuple| match tuple {
                    Json::Array(values) => values.iter().map(|v| value(name, v)).collect(),
                    other => Err(format!(
                        "an input tuple of `{name}` must be an array of values, not {other}"
                    )),
                })
                .collect::<Result<_, String>>()?;
            Ok((name.clone(), tuples))
        })
        .collect()
}

fn value(name: &str, v: &Json) -> Result<InputValue, String> {
    match v {
        Json::String(text) => Ok(InputValue::Text(text.clone())),
        Json::Number(n) => Ok(n.as_i64().map_or_else(
            || InputValue::Float(n.as_f64().unwrap_or(f64::NAN)),
            InputValue::Int,
        )),
        other => Err(format!(
            "an input value of `{name}` must be a number or a string, not {other}"
        )),
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
            (json!([1]), "must be an object"),
            (json!({"r": 1}), "inputs of `r` must be an array"),
            (json!({"r": [1]}), "tuple of `r`"),
            (json!({"r": [[true]]}), "value of `r`"),
            (json!({"r": [[null]]}), "value of `r`"),
        ] {
            let e = parse(&bad).expect_err("refused");
            assert!(e.contains(says), "{bad}: {e}");
        }
    }
}
