//! `bytelogic lex` and `bytelogic vocab`.

use super::run;
use serde_json::{Value as Json, json};

#[test]
fn lex_json_lists_every_token_with_its_position() {
    let done = run(&["lex", "--json", "-"], "QUERY p é ?\n$x".as_bytes());
    assert_eq!(done.code, 0, "{}", done.stderr);
    let tokens: Json = serde_json::from_str(&done.stdout).expect("one JSON array");
    let tokens = tokens.as_array().expect("an array");
    assert_eq!(tokens.len(), 9);
    assert_eq!(
        tokens[0],
        json!({"kind": "word", "text": "QUERY", "line": 1, "column": 1})
    );
    assert_eq!(
        tokens[4],
        json!({"kind": "unknown", "text": "é", "line": 1, "column": 9})
    );
    assert_eq!(
        tokens[8],
        json!({"kind": "variable", "text": "$x", "line": 2, "column": 1})
    );
    let text: String = tokens.iter().map(|t| t["text"].as_str().unwrap()).collect();
    assert_eq!(text, "QUERY p é ?\n$x");
    let plain = run(&["lex", "-"], b"REL a");
    assert!(
        plain.stdout.starts_with("1:1      word"),
        "{}",
        plain.stdout
    );
    assert_eq!(run(&["lex", "-"], b"\xff").code, 2);
}

#[test]
fn vocab_json_has_every_group() {
    let done = run(&["vocab", "--json"], b"");
    assert_eq!(done.code, 0);
    let v: Json = serde_json::from_str(&done.stdout).expect("one JSON object");
    assert!(v["keywords"].as_array().unwrap().contains(&json!("SOLVE")));
    assert!(v["keywords"].as_array().unwrap().contains(&json!("RANGE")));
    assert!(v["operators"].as_array().unwrap().contains(&json!("<>")));
    assert!(v["builtins"].as_array().unwrap().contains(&json!("LOG10")));
    assert_eq!(
        v["special_tokens"],
        json!([
            "<computation>",
            "</computation>",
            "<result>",
            "</result>",
            "<error>",
            "</error>"
        ])
    );
    assert!(
        run(&["vocab"], b"")
            .stdout
            .contains("word_operators: AND OR NOT MOD")
    );
}

#[test]
fn vocab_lists_the_aggregates_of_spec_9() {
    let done = run(&["vocab", "--json"], b"");
    let v: Json = serde_json::from_str(&done.stdout).expect("one JSON object");
    assert_eq!(
        v["aggregates"],
        json!(["COUNT", "SUM", "MIN", "MAX", "MEAN"])
    );
    assert!(v["keywords"].as_array().unwrap().contains(&json!("NOT")));
    assert!(
        run(&["vocab"], b"")
            .stdout
            .contains("aggregates: COUNT SUM MIN MAX MEAN")
    );
}
