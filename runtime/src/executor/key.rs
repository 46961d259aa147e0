//! The key of the caches of front-end results (docs/decisions.md 157): the module
//! cache of the compiled path (`crate::wasm`) and the programs the interpreter tier of
//! [`Backend::Auto`](super::Backend::Auto) keeps ([`super::kept`]). Exact: no hash
//! collision can serve the wrong program.

use super::Options;
use bytelogic_engine::inject::InputValue;
use hashbrown::Equivalent;

/// What makes two requests' front ends give the same program, and so compile to the same
/// module: the source, the one limit the front end reads before it charges anything
/// (`max_source_kb`), and the injected facts.
#[derive(PartialEq, Eq, Hash)]
pub(crate) struct Key {
    source: String,
    max_source_kb: u64,
    /// The injected facts, encoded without loss (see [`encode_inputs`]).
    inputs: Vec<u8>,
}

/// A [`Key`] borrowed from a request: what a lookup hashes and compares, so that finding
/// a kept program copies nothing. Its fields hash as the key's do (a `&str` as its
/// `String`, a `&[u8]` as its `Vec<u8>`).
#[derive(Hash)]
pub(crate) struct KeyRef<'a> {
    source: &'a str,
    max_source_kb: u64,
    inputs: &'a [u8],
}

impl<'a> KeyRef<'a> {
    /// The key of `source` under `options` with its facts encoded as `inputs`
    /// ([`encode_inputs`]).
    pub(crate) fn new(source: &'a str, options: &Options, inputs: &'a [u8]) -> KeyRef<'a> {
        KeyRef {
            source,
            max_source_kb: options.limits.max_source_kb,
            inputs,
        }
    }

    /// The key to store.
    pub(crate) fn owned(&self) -> Key {
        Key {
            source: self.source.to_string(),
            max_source_kb: self.max_source_kb,
            inputs: self.inputs.to_vec(),
        }
    }
}

impl Equivalent<Key> for KeyRef<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        self.source == key.source
            && self.max_source_kb == key.max_source_kb
            && self.inputs == key.inputs.as_slice()
    }
}

/// A byte string that determines `inputs` (lengths before contents, a tag per value).
pub(crate) fn encode_inputs(inputs: &[(String, Vec<Vec<InputValue>>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let bytes = |b: &[u8], out: &mut Vec<u8>| {
        out.extend((b.len() as u64).to_le_bytes());
        out.extend(b);
    };
    for (name, tuples) in inputs {
        bytes(name.as_bytes(), &mut out);
        out.extend((tuples.len() as u64).to_le_bytes());
        for tuple in tuples {
            out.extend((tuple.len() as u64).to_le_bytes());
            for value in tuple {
                match value {
                    InputValue::Int(n) => {
                        out.push(1);
                        out.extend(n.to_le_bytes());
                    }
                    InputValue::Float(x) => {
                        out.push(2);
                        out.extend(x.to_bits().to_le_bytes());
                    }
                    InputValue::Text(t) => {
                        out.push(3);
                        bytes(t.as_bytes(), &mut out);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_differ_when_inputs_differ() {
        let text = |t: &str| InputValue::Text(t.to_string());
        let cases = [
            vec![],
            vec![("r".to_string(), vec![])],
            vec![("r".to_string(), vec![vec![]])],
            vec![("r".to_string(), vec![vec![InputValue::Int(1)]])],
            vec![("r".to_string(), vec![vec![InputValue::Float(1.0)]])],
            vec![("r".to_string(), vec![vec![text("ab")]])],
            vec![("r".to_string(), vec![vec![text("a"), text("b")]])],
            vec![("r".to_string(), vec![vec![text("a")], vec![text("b")]])],
        ];
        let encoded: std::collections::HashSet<Vec<u8>> =
            cases.iter().map(|c| encode_inputs(c)).collect();
        assert_eq!(encoded.len(), cases.len());
    }
}
