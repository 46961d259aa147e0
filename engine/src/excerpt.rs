//! Bounded quotes of program text and values in messages (docs/decisions.md 100):
//! a hostile program can make a name, a string or a list of a million characters,
//! and a message that quoted it whole would be as large, once per diagnostic, in
//! text and JSON alike. A quote keeps its first [`MAX_QUOTE`] characters, then `…`,
//! and says how long the whole was: `"abab…" (536870912 characters)`.

use std::borrow::Cow;

/// The most characters of one quoted text (a name, a value) a message shows.
pub const MAX_QUOTE: usize = 200;
/// The most characters of a whole message, hint or label.
pub const MAX_MESSAGE: usize = 1000;

/// The first `max` characters of `text` and its length in characters, when it has
/// more than `max`; `None` when it is short enough to show whole.
pub fn cut(text: &str, max: usize) -> Option<(&str, usize)> {
    let (end, _) = text.char_indices().nth(max)?;
    Some((&text[..end], text.chars().count()))
}

/// A Symbol's text as messages show it: quoted and escaped (`"it\"s"`), cut to
/// [`MAX_QUOTE`] characters with its length after it.
pub fn quoted(text: &str) -> String {
    match cut(text, MAX_QUOTE) {
        None => format!("{text:?}"),
        Some((head, chars)) => quoted_head(head, chars),
    }
}

/// [`quoted`] of a text of `chars` characters that begins with `head` (at least
/// its first [`MAX_QUOTE`] characters, or all of it).
pub fn quoted_head(head: &str, chars: usize) -> String {
    match cut(head, MAX_QUOTE) {
        None if head.chars().count() == chars => format!("{head:?}"),
        None => format!("{:?} ({chars} characters)", format!("{head}…")),
        Some((head, _)) => format!("{:?} ({chars} characters)", format!("{head}…")),
    }
}

/// `text` with every part between backticks longer than [`MAX_QUOTE`] characters
/// cut (`` `aaaa…` (500000 characters) ``), then the whole cut to [`MAX_MESSAGE`]
/// characters. A text of at most [`MAX_QUOTE`] bytes comes back as it was.
pub fn bounded(text: String) -> String {
    if text.len() <= MAX_QUOTE {
        return text;
    }
    let parts: Vec<&str> = text.split('`').collect();
    let mut out = String::with_capacity(text.len().min(2 * MAX_MESSAGE));
    let mut length_after = None;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('`');
            if let Some(chars) = length_after.take() {
                out.push_str(&format!(" ({chars} characters)"));
            }
        }
        let quoted = i % 2 == 1 && i + 1 < parts.len();
        match cut(part, MAX_QUOTE).filter(|_| quoted) {
            Some((head, chars)) => {
                out.push_str(head);
                out.push('…');
                length_after = Some(chars);
            }
            None => out.push_str(part),
        }
    }
    match cut(&out, MAX_MESSAGE) {
        None => out,
        Some((head, chars)) => format!("{head}… ({chars} characters)"),
    }
}

/// `text` cut to at most `max` characters with `…`, borrowed when it is short.
pub fn shortened(text: &str, max: usize) -> Cow<'_, str> {
    match cut(text, max) {
        None => Cow::Borrowed(text),
        Some((head, _)) => Cow::Owned(format!("{head}…")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_unchanged() {
        assert_eq!(quoted("it\"s"), "\"it\\\"s\"");
        let message = "relation `ancestr` is not declared".to_string();
        assert_eq!(bounded(message.clone()), message);
        assert_eq!(shortened("abc", 3), "abc");
    }

    #[test]
    fn long_quotes_keep_200_characters_and_say_how_long_they_were() {
        let long = "é".repeat(100_000);
        let q = quoted(&long);
        assert_eq!(q, format!("\"{}…\" (100000 characters)", "é".repeat(200)));
        let m = bounded(format!("relation `{long}` is not declared"));
        assert_eq!(
            m,
            format!(
                "relation `{}…` (100000 characters) is not declared",
                "é".repeat(200)
            )
        );
        // An unclosed backtick quotes nothing; the whole message is cut instead.
        let m = bounded(format!("x `{long}"));
        assert!(m.ends_with("… (100003 characters)"), "{m}");
        let tail = "… (100003 characters)".chars().count();
        assert_eq!(m.chars().count(), MAX_MESSAGE + tail);
        assert_eq!(shortened("abcd", 3), "abc…");
    }

    #[test]
    fn long_lists_are_cut_as_a_whole() {
        let names: Vec<String> = (0..10_000).map(|i| format!("${i}")).collect();
        let m = bounded(format!("SCAN r binds {}", names.join(", ")));
        assert!(m.chars().count() < MAX_MESSAGE + 30);
        assert!(m.starts_with("SCAN r binds $0, $1, $2"));
    }
}
