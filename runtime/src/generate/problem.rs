//! What a category template produces — a question, reasoning steps, a program and the
//! way to state each of its answers — and how a row's `output` text is written once the
//! engine has run the program. Templates never state an answer themselves: every value
//! in a sentence comes from the engine's outputs.

use bytelogic_engine::output::value_text;
use bytelogic_engine::{Output, QueryAnswer, Symbols, Value};

/// One problem drawn from a template, before the engine has run it.
#[derive(Clone, Debug)]
pub struct Problem {
    /// The natural-language question (`input`).
    pub question: String,
    /// Short steps from the question to the program (`reasoning_steps`); no answers.
    pub steps: Vec<String>,
    /// The ByteLogic program (`computation`).
    pub program: String,
    /// The sentence that introduces the program in `output` (ends with `:`).
    pub intro: String,
    /// How to state each output of the program, in program order.
    pub phrases: Vec<Phrase>,
}

/// How to state one output in a sentence; `{}` stands for the engine's answer.
#[derive(Clone, Debug)]
pub enum Phrase {
    /// A list answer: `some` with the items written as an English list, or `none`
    /// when the list is empty.
    List {
        /// The sentence for a non-empty list, with `{}` for the items.
        some: String,
        /// The sentence for an empty list.
        none: String,
        /// Whether the items are people's names (written capitalized).
        people: bool,
    },
    /// A truth answer (a ground QUERY).
    Truth {
        /// The sentence when the answer is `true`.
        yes: String,
        /// The sentence when it is `false`.
        no: String,
    },
    /// A single value: `{}` is its text.
    Value(String),
}

impl Phrase {
    /// A list phrase.
    pub fn list(some: impl Into<String>, none: impl Into<String>, people: bool) -> Phrase {
        Phrase::List {
            some: some.into(),
            none: none.into(),
            people,
        }
    }

    /// A truth phrase.
    pub fn truth(yes: impl Into<String>, no: impl Into<String>) -> Phrase {
        Phrase::Truth {
            yes: yes.into(),
            no: no.into(),
        }
    }

    /// A value phrase.
    pub fn value(text: impl Into<String>) -> Phrase {
        Phrase::Value(text.into())
    }

    /// The sentence for `output`, or `None` when the output is not of this phrase's
    /// kind (a template bug; the row is drawn again).
    pub fn state(&self, output: &Output, symbols: &Symbols) -> Option<String> {
        let text = |v: Value| value_text(v, symbols);
        match (self, output) {
            (Phrase::Value(s), Output::Result(v)) => Some(s.replace("{}", &text(*v))),
            (
                Phrase::Value(s),
                Output::Query {
                    answer: QueryAnswer::Values(vs),
                    ..
                },
            ) if vs.len() == 1 => Some(s.replace("{}", &text(vs[0]))),
            (
                Phrase::Truth { yes, no },
                Output::Query {
                    answer: QueryAnswer::Truth(b),
                    ..
                },
            ) => Some(if *b { yes.clone() } else { no.clone() }),
            (Phrase::List { some, none, people }, Output::Query { answer, .. }) => {
                let items: Vec<String> = match answer {
                    QueryAnswer::Values(vs) => vs
                        .iter()
                        .map(|&v| item(&text(v), matches!(v, Value::Sym(_)) && *people))
                        .collect(),
                    QueryAnswer::Tuples(ts) => ts
                        .iter()
                        .map(|t| {
                            let parts: Vec<String> = t
                                .iter()
                                .map(|&v| item(&text(v), matches!(v, Value::Sym(_)) && *people))
                                .collect();
                            format!("{} ({})", parts[0], parts[1..].join(", "))
                        })
                        .collect(),
                    QueryAnswer::Truth(_) => return None,
                };
                Some(if items.is_empty() {
                    none.clone()
                } else {
                    some.replace("{}", &english_list(&items))
                })
            }
            _ => None,
        }
    }
}

/// An atom written in prose: underscores become spaces, a name is capitalized.
pub fn item(atom: &str, person: bool) -> String {
    let words = atom.replace('_', " ");
    if person { capitalize(&words) } else { words }
}

/// A person's name as written in prose (`alice` → `Alice`).
pub fn name(atom: &str) -> String {
    item(atom, true)
}

/// An atom as written in prose (`linear_algebra` → `linear algebra`).
pub fn prose(atom: &str) -> String {
    item(atom, false)
}

/// `text` with its first letter upper case.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// `a`, `a and b`, `a, b and c`.
pub fn english_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// The words that lead from the program to its answer token in `output`.
pub const BRIDGES: &[&str] = &[
    "Running it gives",
    "The engine answers",
    "This gives",
    "The result:",
    "It returns",
];

/// The `output` text of a row: the intro, the program in its block, the answer token
/// (`<result>…</result>` or `<error>…</error>`) and the sentences that state it.
pub fn output_text(
    intro: &str,
    program: &str,
    bridge: &str,
    token: &str,
    sentences: &str,
) -> String {
    format!("{intro}\n<computation>\n{program}\n</computation>\n{bridge} {token}.\n{sentences}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_names_read_as_english() {
        assert_eq!(english_list(&["a"]), "a");
        assert_eq!(english_list(&["a", "b"]), "a and b");
        assert_eq!(english_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(name("alice"), "Alice");
        assert_eq!(prose("linear_algebra"), "linear algebra");
    }

    #[test]
    fn a_phrase_states_only_its_own_kind_of_output() {
        let mut symbols = Symbols::new();
        let carol = Value::Sym(symbols.intern("carol"));
        let dave = Value::Sym(symbols.intern("dave"));
        let list = Output::Query {
            relation: "p".into(),
            args: vec![None],
            answer: QueryAnswer::Values(vec![carol, dave]),
        };
        let phrase = Phrase::list("The children are {}.", "There are none.", true);
        assert_eq!(
            phrase.state(&list, &symbols).as_deref(),
            Some("The children are Carol and Dave.")
        );
        assert!(Phrase::truth("yes", "no").state(&list, &symbols).is_none());
        let v = Output::Result(Value::Float(7.25));
        assert_eq!(
            Phrase::value("It is {}.").state(&v, &symbols).as_deref(),
            Some("It is 7.25.")
        );
    }
}
