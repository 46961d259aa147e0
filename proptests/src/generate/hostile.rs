//! Hostile text: real programs (the corpus and the engine's cases) mutated at
//! token and byte level — tokens deleted, duplicated, swapped or inserted, random
//! bytes, unbalanced parentheses and END, very long lines, deep nesting.

use crate::dice::{Dice, dice};
use crate::sources::{Source, cases, corpus_if_present};
use bytelogic_engine::lexer::tokenize;
use proptest::prelude::*;
use std::fmt;
use std::sync::OnceLock;

/// A mutated program.
#[derive(Clone)]
pub struct Hostile(pub String);

impl fmt::Debug for Hostile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 2_000;
        match self.0.char_indices().nth(SHOWN) {
            Some((i, _)) => write!(f, "{} bytes:\n{}…", self.0.len(), &self.0[..i]),
            None => write!(f, "\n{}", self.0),
        }
    }
}

/// The programs to mutate, loaded once: the corpus (when present) and the cases.
fn seeds() -> &'static [Source] {
    static SEEDS: OnceLock<Vec<Source>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut all = corpus_if_present();
        all.extend(cases());
        all
    })
}

/// Real programs with one to four mutations.
pub fn hostile() -> impl Strategy<Value = Hostile> {
    (0..seeds().len(), dice(64)).prop_map(|(i, mut d)| {
        let mut text = seeds()[i].text.clone();
        for _ in 0..1 + d.below(4) {
            text = mutate(&mut d, &text);
        }
        Hostile(text)
    })
}

/// Token texts an insertion may add: what most often unbalances or confuses a parser.
const TOKENS: [&str; 16] = [
    "(", ")", "END", ",", "\"", "$", "\\", "\\n", "IF", "FOR", "CALC", "-", "?", "\n", "EMIT", "é",
];

/// Deeply nested openers (spec §3, E104: the parser must not overflow its stack).
const OPENERS: [&str; 7] = [
    "(",
    "IF 1 THEN ",
    "FOR WHILE 1\n",
    "CALC q\n",
    "NOT ",
    "- ",
    "ABS(",
];

/// One mutation of `text`.
fn mutate(d: &mut Dice, text: &str) -> String {
    let mut tokens: Vec<String> = {
        let mut at = 0;
        tokenize(text)
            .into_iter()
            .map(|t| {
                let s = text[at..at + t.len as usize].to_string();
                at += t.len as usize;
                s
            })
            .collect()
    };
    let i = d.below(tokens.len() + 1);
    let j = d.below(tokens.len() + 1);
    match d.below(9) {
        0 if i < tokens.len() => {
            tokens.remove(i);
        }
        1 if i < tokens.len() => {
            let t = tokens[i].clone();
            tokens.insert(i, t);
        }
        2 if i < tokens.len() && j < tokens.len() => tokens.swap(i, j),
        3 => tokens.insert(i, d.pick(&TOKENS).to_string()),
        4 => {
            // Random bytes, kept UTF-8 the way a reader of bytes would (lossily).
            let mut bytes = tokens.concat().into_bytes();
            for _ in 0..1 + d.below(8) {
                let at = d.below(bytes.len() + 1);
                bytes.insert(at, d.below(256) as u8);
            }
            return String::from_utf8_lossy(&bytes).into_owned();
        }
        5 => {
            let opener = d.pick(&OPENERS);
            let depth = d.pick(&[10, 255, 256, 257, 5_000]);
            tokens.insert(i, format!("RESULT {}1\n", opener.repeat(depth)));
        }
        6 => tokens.insert(i, d.pick(&[")", "END\n", ")\n"]).repeat(1 + d.below(300))),
        7 => {
            let word = d.pick(&["a ", "1 ", "$x ", "\"s\" ", "+ 1 "]);
            tokens.insert(i, format!("\nFACT r {}\n", word.repeat(1 + d.below(5_000))));
        }
        _ => {
            // Truncate mid-program, as a model cut off mid-answer would.
            tokens.truncate(i);
        }
    }
    tokens.concat()
}
