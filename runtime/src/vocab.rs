//! The vocabulary of ByteLogic for building tokenizers: keywords, operators, built-ins
//! and the special tokens that wrap programs and their answers.

use crate::tokens::{CLOSE, ERROR_TAGS, OPEN, RESULT_TAGS};
use bytelogic_engine::ir::Builtin;
use serde_json::{Value as Json, json};

/// The operators and punctuation of spec §1.8 written with symbols.
pub const OPERATORS: [&str; 19] = [
    ":", ",", "?", "(", ")", ".", "+", "-", "*", "/", "%", "=", "==", "!=", "<>", "<", "<=", ">",
    ">=",
];

/// The operators of spec §1.8 written as words (also keywords).
pub const WORD_OPERATORS: [&str; 4] = ["AND", "OR", "NOT", "MOD"];

/// The special tokens: a program's tags, then its answers' tags.
pub fn special_tokens() -> [&'static str; 6] {
    [
        OPEN,
        CLOSE,
        RESULT_TAGS[0],
        RESULT_TAGS[1],
        ERROR_TAGS[0],
        ERROR_TAGS[1],
    ]
}

/// Words with a meaning in the grammar that are not statement or clause keywords:
/// `RANGE`, expected only in `FOR $i IN RANGE(…)` (spec §6.2; docs/decisions.md 126).
pub const CONTEXT_KEYWORDS: [&str; 1] = ["RANGE"];

/// `{"keywords", "operators", "word_operators", "builtins", "special_tokens"}`; words
/// are upper case and match case-insensitively in programs (spec §1.4, §6.3). The
/// keywords are the parser's, then [`CONTEXT_KEYWORDS`].
pub fn vocabulary() -> Json {
    let keywords: Vec<&str> = bytelogic_engine::parser::keywords()
        .chain(CONTEXT_KEYWORDS)
        .collect();
    json!({
        "keywords": keywords,
        "operators": OPERATORS,
        "word_operators": WORD_OPERATORS,
        "builtins": Builtin::ALL.map(Builtin::name),
        "special_tokens": special_tokens(),
    })
}

/// The keywords and special tokens as HuggingFace `tokenizers` added tokens:
/// `{"added_tokens": [{"content", "single_word", "lstrip", "rstrip", "normalized",
/// "special"}, …]}`, each entry the arguments of `tokenizers.AddedToken`. The special
/// tokens come first (`special: true`); keywords are whole words only (`single_word`),
/// so `IN` inside `INPUT` or `INFO` stays part of that word. None is normalized: they
/// match the text as written.
pub fn hf_added_tokens() -> Json {
    let entry = |content: &str, special: bool| {
        json!({
            "content": content, "single_word": !special, "lstrip": false, "rstrip": false,
            "normalized": false, "special": special,
        })
    };
    let mut tokens: Vec<Json> = special_tokens().iter().map(|t| entry(t, true)).collect();
    tokens.extend(bytelogic_engine::parser::keywords().map(|k| entry(k, false)));
    json!({ "added_tokens": tokens })
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytelogic_engine::lexer::{TokenKind, tokenize};

    #[test]
    fn each_operator_is_one_token_of_the_lexer() {
        for op in OPERATORS {
            let tokens = tokenize(op);
            assert_eq!(tokens.len(), 1, "{op}");
            assert_ne!(tokens[0].kind, TokenKind::Unknown, "{op}");
        }
    }

    #[test]
    fn word_operators_are_keywords_and_lists_are_complete() {
        let v = vocabulary();
        let keywords = v["keywords"].as_array().unwrap();
        assert_eq!(keywords.len(), 28);
        assert_eq!(keywords.last(), Some(&json!("RANGE")));
        for op in WORD_OPERATORS {
            assert!(keywords.contains(&json!(op)), "{op}");
        }
        assert!(
            v["builtins"]
                .as_array()
                .unwrap()
                .contains(&json!("CHAR_AT"))
        );
        assert_eq!(v["special_tokens"][0], "<computation>");
        assert_eq!(v["special_tokens"][5], "</error>");
    }

    #[test]
    fn hf_tokens_are_the_special_tokens_then_the_keywords() {
        let tokens = hf_added_tokens()["added_tokens"]
            .as_array()
            .unwrap()
            .clone();
        let keywords: Vec<&str> = bytelogic_engine::parser::keywords().collect();
        assert_eq!(tokens.len(), 6 + keywords.len());
        assert_eq!(tokens[0]["content"], "<computation>");
        assert_eq!(
            (
                tokens[0]["special"].as_bool(),
                tokens[0]["single_word"].as_bool()
            ),
            (Some(true), Some(false))
        );
        assert_eq!(tokens[6]["content"], keywords[0]);
        assert_eq!(
            (
                tokens[6]["special"].as_bool(),
                tokens[6]["single_word"].as_bool()
            ),
            (Some(false), Some(true))
        );
        assert!(
            tokens
                .iter()
                .all(|t| t.as_object().unwrap().len() == 6 && t["normalized"] == false)
        );
    }
}
