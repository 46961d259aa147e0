//! The token stream of a program as the engine's lexer sees it (spec §1), for
//! `bytelogic lex`: every token, whitespace and comments included, with its position.

use bytelogic_engine::lexer::{TokenKind, tokenize};
use bytelogic_engine::{LineIndex, Span};
use serde_json::{Value as Json, json};

/// One token with its text and where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexedToken<'src> {
    /// The token's kind, as named by [`kind_name`].
    pub kind: &'static str,
    /// The token's text; the texts of all tokens concatenate to the source.
    pub text: &'src str,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters (spec §8).
    pub column: u32,
}

/// Every token of `source`, in order.
pub fn lex(source: &str) -> Vec<LexedToken<'_>> {
    let index = LineIndex::new(source);
    let mut start = 0u32;
    tokenize(source)
        .into_iter()
        .map(|t| {
            let span = Span::new(start, start + t.len);
            start += t.len;
            let position = index.position(span);
            LexedToken {
                kind: kind_name(t.kind),
                text: &source[span.start as usize..span.end as usize],
                line: position.line,
                column: position.column,
            }
        })
        .collect()
}

/// The token stream as a JSON array of `{"kind", "text", "line", "column"}`.
pub fn to_json(tokens: &[LexedToken<'_>]) -> Json {
    Json::Array(
        tokens
            .iter()
            .map(|t| json!({ "kind": t.kind, "text": t.text, "line": t.line, "column": t.column }))
            .collect(),
    )
}

/// A stable snake_case name for each token kind. A string's flags become part of its
/// name: `string`, `unterminated_string` (E101), `string_with_bad_escape` (E103).
pub fn kind_name(kind: TokenKind) -> &'static str {
    use TokenKind as K;
    match kind {
        K::Whitespace => "whitespace",
        K::Newline => "newline",
        K::EscapedNewline => "escaped_newline",
        K::Comment => "comment",
        K::Word => "word",
        K::Var => "variable",
        K::Number => "number",
        K::Str {
            terminated: false, ..
        } => "unterminated_string",
        K::Str {
            has_bad_escape: true,
            ..
        } => "string_with_bad_escape",
        K::Str { .. } => "string",
        K::Colon => "colon",
        K::Comma => "comma",
        K::Question => "question",
        K::OpenParen => "open_paren",
        K::CloseParen => "close_paren",
        K::Dot => "dot",
        K::Plus => "plus",
        K::Minus => "minus",
        K::Star => "star",
        K::Slash => "slash",
        K::Percent => "percent",
        K::Eq => "eq",
        K::EqEq => "eq_eq",
        K::BangEq => "bang_eq",
        K::LtGt => "lt_gt",
        K::Lt => "lt",
        K::Le => "le",
        K::Gt => "gt",
        K::Ge => "ge",
        K::Backslash => "backslash",
        K::Bom => "bom",
        K::Unknown => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_text_and_character_columns() {
        let tokens = lex("FACT r é \"x\n$a >= 1.5");
        let shown: Vec<String> = tokens
            .iter()
            .map(|t| format!("{}:{} {} {:?}", t.line, t.column, t.kind, t.text))
            .collect();
        assert_eq!(
            shown,
            [
                "1:1 word \"FACT\"",
                "1:5 whitespace \" \"",
                "1:6 word \"r\"",
                "1:7 whitespace \" \"",
                "1:8 unknown \"é\"",
                "1:9 whitespace \" \"",
                "1:10 unterminated_string \"\\\"x\"",
                "1:12 newline \"\\n\"",
                "2:1 variable \"$a\"",
                "2:3 whitespace \" \"",
                "2:4 ge \">=\"",
                "2:6 whitespace \" \"",
                "2:7 number \"1.5\"",
            ]
        );
        assert_eq!(
            to_json(&tokens[..1]),
            json!([{"kind": "word", "text": "FACT", "line": 1, "column": 1}])
        );
    }
}
