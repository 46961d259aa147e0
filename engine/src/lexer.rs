//! The lexer: splits source text into tokens (spec §1). It only lexes.
//!
//! Modelled on `rustc_lexer`: a token is a kind and a length, the lengths of
//! [`tokenize`]'s tokens sum to the source length, and the lexer reports no
//! diagnostics. Problems are token kinds or flags ([`TokenKind::Unknown`],
//! [`TokenKind::Backslash`], `Str { terminated: false, .. }`) that the parser
//! turns into diagnostics.

/// One token: its kind and its length in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Length in bytes (always at least 1).
    pub len: u32,
}

/// The kinds of token (spec §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A run of spaces, tabs and carriage returns.
    Whitespace,
    /// One line feed.
    Newline,
    /// Backslash followed by `n` outside a string: a line break (spec §1.2, W001).
    EscapedNewline,
    /// `;`, `//` or `#` up to (not including) the end of the line.
    Comment,
    /// `[A-Za-z_][A-Za-z0-9_]*`: a keyword, name or atom, depending on where it stands.
    Word,
    /// `$` followed by digits or by a word.
    Var,
    /// `\d+(\.\d+)?([eE][+-]?\d+)?`, without sign.
    Number,
    /// A string literal `"…"` on one line.
    Str {
        /// False when the line (or the input) ends before the closing quote (E101).
        terminated: bool,
        /// True when it contains an escape other than `\" \\ \n \t` (E103).
        has_bad_escape: bool,
    },
    /// `:`
    Colon,
    /// `,`
    Comma,
    /// `?`
    Question,
    /// `(`
    OpenParen,
    /// `)`
    CloseParen,
    /// `.`
    Dot,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Star,
    /// `/`
    Slash,
    /// `%`
    Percent,
    /// `=`
    Eq,
    /// `==`
    EqEq,
    /// `!=`
    BangEq,
    /// `<>`
    LtGt,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// A backslash outside a string that is not followed by `n` (E103).
    Backslash,
    /// A byte-order mark at the very start of the source (skipped).
    Bom,
    /// Any other character (E103); always one whole UTF-8 character.
    Unknown,
}

/// Splits `source` into tokens; their lengths sum to `source.len()`.
pub fn tokenize(source: &str) -> Vec<Token> {
    tokens(source).collect()
}

/// The tokens of `source` one at a time, as [`tokenize`] lists them (for a reader
/// that keeps only some of them and need not hold them all).
pub fn tokens(source: &str) -> Tokens<'_> {
    Tokens {
        rest: source,
        at_start: true,
    }
}

/// The iterator of [`tokens`].
#[derive(Clone, Debug)]
pub struct Tokens<'src> {
    /// The source not lexed yet.
    rest: &'src str,
    /// True before the first token (where a byte-order mark is one).
    at_start: bool,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        if std::mem::take(&mut self.at_start)
            && let Some(after) = self.rest.strip_prefix('\u{FEFF}')
        {
            self.rest = after;
            return Some(Token {
                kind: TokenKind::Bom,
                len: 3,
            });
        }
        if self.rest.is_empty() {
            return None;
        }
        let (kind, len) = next_token(self.rest);
        self.rest = &self.rest[len..];
        Some(Token {
            kind,
            len: len as u32,
        })
    }
}

/// A comment runs to the end of the line: a line feed, or a literal backslash + `n`,
/// which counts as a line break outside strings (spec §1.2, §1.3).
fn comment_len(b: &[u8]) -> usize {
    let mut i = 0;
    while i < b.len() && b[i] != b'\n' && !(b[i] == b'\\' && b.get(i + 1) == Some(&b'n')) {
        i += 1;
    }
    i
}

/// Lexes the token at the start of the non-empty `s`: its kind and byte length. A
/// byte-order mark is a token only at the start of a source ([`tokens`] sees to it);
/// here it is an [`TokenKind::Unknown`] character.
pub fn next_token(s: &str) -> (TokenKind, usize) {
    use TokenKind as K;
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied();
    match b[0] {
        b' ' | b'\t' | b'\r' => (K::Whitespace, run(b, 0, SPACE)),
        b'\n' => (K::Newline, 1),
        b';' | b'#' => (K::Comment, comment_len(b)),
        b'/' if at(1) == Some(b'/') => (K::Comment, comment_len(b)),
        b'\\' if at(1) == Some(b'n') => (K::EscapedNewline, 2),
        b'\\' => (K::Backslash, 1),
        c if is_word_start(c) => (K::Word, run(b, 0, WORD)),
        b'$' => match at(1) {
            Some(c) if c.is_ascii_digit() => (K::Var, run(b, 1, DIGIT)),
            Some(c) if is_word_start(c) => (K::Var, run(b, 1, WORD)),
            _ => (K::Unknown, 1),
        },
        c if c.is_ascii_digit() => (K::Number, number_len(b)),
        b'"' => string(b),
        b':' => (K::Colon, 1),
        b',' => (K::Comma, 1),
        b'?' => (K::Question, 1),
        b'(' => (K::OpenParen, 1),
        b')' => (K::CloseParen, 1),
        b'.' => (K::Dot, 1),
        b'+' => (K::Plus, 1),
        b'-' => (K::Minus, 1),
        b'*' => (K::Star, 1),
        b'/' => (K::Slash, 1),
        b'%' => (K::Percent, 1),
        b'=' if at(1) == Some(b'=') => (K::EqEq, 2),
        b'=' => (K::Eq, 1),
        b'!' if at(1) == Some(b'=') => (K::BangEq, 2),
        b'<' if at(1) == Some(b'>') => (K::LtGt, 2),
        b'<' if at(1) == Some(b'=') => (K::Le, 2),
        b'<' => (K::Lt, 1),
        b'>' if at(1) == Some(b'=') => (K::Ge, 2),
        b'>' => (K::Gt, 1),
        _ => (K::Unknown, s.chars().next().map_or(1, char::len_utf8)),
    }
}

fn is_word_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

/// Byte class of whitespace within a line: space, tab, carriage return.
const SPACE: u8 = 1;
/// Byte class of the characters of a word: ASCII letters and digits, `_`.
const WORD: u8 = 2;
/// Byte class of ASCII digits.
const DIGIT: u8 = 4;

/// The classes of each byte, one bit per class (a lookup per byte in the runs).
static CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut i = 0;
    while i < classes.len() {
        let c = i as u8;
        if matches!(c, b' ' | b'\t' | b'\r') {
            classes[i] |= SPACE;
        }
        if c.is_ascii_alphanumeric() || c == b'_' {
            classes[i] |= WORD;
        }
        if c.is_ascii_digit() {
            classes[i] |= DIGIT;
        }
        i += 1;
    }
    classes
};

/// The index of the first byte at or after `from` that is not of `class`.
fn run(b: &[u8], from: usize, class: u8) -> usize {
    b[from..]
        .iter()
        .position(|&c| CLASSES[usize::from(c)] & class == 0)
        .map_or(b.len(), |n| from + n)
}

/// Length of the number at the start of `b` (which starts with a digit).
fn number_len(b: &[u8]) -> usize {
    let digits_from = |i: usize| run(b, i, DIGIT);
    let mut end = digits_from(0);
    // A fraction needs a digit after the dot: `1.` is the number 1 and a dot.
    if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits_from(end + 1);
    }
    // An exponent needs digits: `2e` is the number 2 and the word `e`.
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(b.get(end + 1), Some(b'+' | b'-')));
        if b.get(end + 1 + sign).is_some_and(u8::is_ascii_digit) {
            end = digits_from(end + 1 + sign);
        }
    }
    end
}

/// Lexes a string literal starting at the `"` at `b[0]`; it ends at the closing
/// quote or, unterminated, before the line feed or at the end of input.
fn string(b: &[u8]) -> (TokenKind, usize) {
    let mut i = 1;
    let mut has_bad_escape = false;
    loop {
        match b.get(i) {
            None | Some(b'\n') => {
                return (
                    TokenKind::Str {
                        terminated: false,
                        has_bad_escape,
                    },
                    i,
                );
            }
            Some(b'"') => {
                return (
                    TokenKind::Str {
                        terminated: true,
                        has_bad_escape,
                    },
                    i + 1,
                );
            }
            Some(b'\\') => match b.get(i + 1) {
                Some(b'"' | b'\\' | b'n' | b't') => i += 2,
                None | Some(b'\n') => i += 1,
                Some(_) => {
                    has_bad_escape = true;
                    // Step over the backslash only; the next byte may start a multi-byte char.
                    i += 1;
                }
            },
            Some(_) => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Kind "text"` per token, space-separated.
    fn dump(src: &str) -> String {
        let mut at = 0;
        let mut out = Vec::new();
        for t in tokenize(src) {
            let text = &src[at..at + t.len as usize];
            at += t.len as usize;
            out.push(format!("{:?} {:?}", t.kind, text));
        }
        assert_eq!(at, src.len());
        out.join(" | ")
    }

    #[test]
    fn words_vars_numbers() {
        assert_eq!(
            dump("FACT r $0 $count 12"),
            "Word \"FACT\" | Whitespace \" \" | Word \"r\" | Whitespace \" \" | Var \"$0\" | \
             Whitespace \" \" | Var \"$count\" | Whitespace \" \" | Number \"12\""
        );
    }

    #[test]
    fn number_forms() {
        assert_eq!(dump("1.5e-3"), "Number \"1.5e-3\"");
        assert_eq!(dump("1."), "Number \"1\" | Dot \".\"");
        assert_eq!(dump("1.x"), "Number \"1\" | Dot \".\" | Word \"x\"");
        assert_eq!(dump("2e"), "Number \"2\" | Word \"e\"");
        assert_eq!(dump("2e+"), "Number \"2\" | Word \"e\" | Plus \"+\"");
        assert_eq!(dump("2E10"), "Number \"2E10\"");
        assert_eq!(dump("5-3"), "Number \"5\" | Minus \"-\" | Number \"3\"");
    }

    #[test]
    fn punctuation() {
        assert_eq!(
            dump(":,?().+-*/%"),
            "Colon \":\" | Comma \",\" | Question \"?\" | OpenParen \"(\" | CloseParen \")\" | \
             Dot \".\" | Plus \"+\" | Minus \"-\" | Star \"*\" | Slash \"/\" | Percent \"%\""
        );
        assert_eq!(
            dump("= == != <> < <= > >="),
            "Eq \"=\" | Whitespace \" \" | EqEq \"==\" | Whitespace \" \" | BangEq \"!=\" | \
             Whitespace \" \" | LtGt \"<>\" | Whitespace \" \" | Lt \"<\" | Whitespace \" \" | \
             Le \"<=\" | Whitespace \" \" | Gt \">\" | Whitespace \" \" | Ge \">=\""
        );
    }

    #[test]
    fn comments_and_line_breaks() {
        assert_eq!(
            dump("a ; x\nb // y\r\n# z"),
            "Word \"a\" | Whitespace \" \" | Comment \"; x\" | Newline \"\\n\" | Word \"b\" | \
             Whitespace \" \" | Comment \"// y\\r\" | Newline \"\\n\" | Comment \"# z\""
        );
        assert_eq!(
            dump("\\nREL a\\n"),
            "EscapedNewline \"\\\\n\" | Word \"REL\" | Whitespace \" \" | Word \"a\" | \
             EscapedNewline \"\\\\n\""
        );
    }

    #[test]
    fn strings() {
        assert_eq!(
            dump(r#""a\"b\\c""#),
            r#"Str { terminated: true, has_bad_escape: false } "\"a\\\"b\\\\c\"""#
        );
        assert_eq!(
            dump("\"ab\nc"),
            "Str { terminated: false, has_bad_escape: false } \"\\\"ab\" | Newline \"\\n\" | \
             Word \"c\""
        );
        assert_eq!(
            dump(r#""\q""#),
            r#"Str { terminated: true, has_bad_escape: true } "\"\\q\"""#
        );
        assert_eq!(
            dump("\"\\"),
            "Str { terminated: false, has_bad_escape: false } \"\\\"\\\\\""
        );
        assert_eq!(
            dump("\"\\é\""),
            "Str { terminated: true, has_bad_escape: true } \"\\\"\\\\é\\\"\""
        );
    }

    #[test]
    fn oddities() {
        assert_eq!(dump("\u{FEFF}a"), "Bom \"\\u{feff}\" | Word \"a\"");
        assert_eq!(
            dump("é\\x"),
            "Unknown \"é\" | Backslash \"\\\\\" | Word \"x\""
        );
        assert_eq!(
            dump("$ $$1"),
            "Unknown \"$\" | Whitespace \" \" | Unknown \"$\" | Var \"$1\""
        );
        assert_eq!(dump("!a"), "Unknown \"!\" | Word \"a\"");
        assert_eq!(dump("a\u{FEFF}"), "Word \"a\" | Unknown \"\\u{feff}\"");
    }
}
