//! Diagnostics in the text form of spec §8:
//!
//! ```text
//! error[E301]: relation `ancestr` is not declared
//!   --> family.bl:7:34
//!    |
//!  7 | RULE ancestor: SCAN parent, JOIN ancestr $1, EMIT ancestor $0 $2
//!    |                                  ^^^^^^^ did you mean `ancestor`?
//!    = hint: if `ancestr` is a new relation, add `REL ancestr`
//! ```

use crate::outcome::Located;
use bytelogic_engine::LineIndex;
use bytelogic_engine::excerpt::MAX_QUOTE;
use std::fmt::Write as _;

/// Renders one diagnostic of the program `index` was built from, read from the file
/// named `file`. The block ends with a line break. A source line longer than
/// [`MAX_QUOTE`] characters is shown as an excerpt of that many around the carets.
pub fn diagnostic(l: &Located, index: &LineIndex<'_>, file: &str) -> String {
    let (d, pos) = (&l.diagnostic, l.position);
    let line = pos.line.to_string();
    let gutter = " ".repeat(line.len() + 2);
    let (_, line_text, at) = index.line_at(d.span.start);
    let (text, column) = excerpt(line_text, at, pos.column);
    let width = pos.end_column.saturating_sub(pos.column).max(1);
    let room = (text.chars().count() as u32 + 1)
        .saturating_sub(column)
        .max(1);
    let mut s = String::new();
    let _ = writeln!(s, "{}[{}]: {}", d.severity.as_str(), d.code, d.message);
    let _ = writeln!(s, "{}--> {file}:{}:{}", &gutter[1..], pos.line, pos.column);
    let _ = writeln!(s, "{gutter}|");
    let _ = writeln!(s, " {line} | {text}");
    let _ = write!(
        s,
        "{gutter}| {}{}",
        caret_padding(&text, column),
        "^".repeat(width.min(room) as usize)
    );
    if let Some(label) = &d.label {
        let _ = write!(s, " {label}");
    }
    s.push('\n');
    if let Some(hint) = &d.hint {
        let _ = writeln!(s, "{gutter}= hint: {hint}");
    }
    s
}

/// The part of a source line shown, and the caret's column in it, for a caret at
/// byte `at` of the line (column `column`): the whole line when it is short; else
/// [`MAX_QUOTE`] characters from a little before the caret, with `…` where the line
/// goes on.
fn excerpt(line: &str, at: usize, column: u32) -> (String, u32) {
    if line.chars().nth(MAX_QUOTE).is_none() {
        return (line.to_string(), column);
    }
    let before = MAX_QUOTE / 4;
    let from = line[..at]
        .char_indices()
        .rev()
        .nth(before - 1)
        .map_or(0, |(i, _)| i);
    let shown_before = line[from..at].chars().count() as u32;
    let rest = &line[from..];
    let mut shown: String = rest.chars().take(MAX_QUOTE).collect();
    if rest.chars().nth(MAX_QUOTE).is_some() {
        shown.push('…');
    }
    if from == 0 {
        return (shown, column);
    }
    (format!("…{shown}"), shown_before + 2)
}

/// Whitespace as wide as the first `column - 1` characters of `text`: tabs are kept,
/// so the caret lines up under the source line however the terminal expands tabs.
fn caret_padding(text: &str, column: u32) -> String {
    let pad = text.chars().map(|c| if c == '\t' { '\t' } else { ' ' });
    let shown = pad
        .take(column.saturating_sub(1) as usize)
        .collect::<String>();
    let missing = (column.saturating_sub(1) as usize).saturating_sub(shown.chars().count());
    shown + &" ".repeat(missing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytelogic_engine::{Code, Diagnostic, Span};

    fn render(src: &str, d: Diagnostic) -> String {
        let index = LineIndex::new(src);
        diagnostic(&Located::new(d, &index), &index, "family.bl")
    }

    #[test]
    fn renders_the_spec_example() {
        let src = "REL parent\nREL ancestor\n\n\n\n\n\
                   RULE ancestor: SCAN parent, JOIN ancestr $1, EMIT ancestor $0 $2\n";
        let start = src.find("ancestr $1").unwrap() as u32;
        let d = Diagnostic::new(
            Code::E301,
            Span::new(start, start + 7),
            "relation `ancestr` is not declared",
        )
        .with_label("did you mean `ancestor`?");
        let expected = "\
error[E301]: relation `ancestr` is not declared
  --> family.bl:7:34
   |
 7 | RULE ancestor: SCAN parent, JOIN ancestr $1, EMIT ancestor $0 $2
   |                                  ^^^^^^^ did you mean `ancestor`?
";
        assert_eq!(render(src, d), expected);
    }

    #[test]
    fn hint_follows_and_gutter_grows_with_the_line_number() {
        let src = format!("{}QUERY x ?", "\n".repeat(11));
        let d = Diagnostic::new(Code::W002, Span::new(11, 16), "QUERY before any SOLVE")
            .with_hint("add SOLVE");
        let expected = "\
warning[W002]: QUERY before any SOLVE
   --> family.bl:12:1
    |
 12 | QUERY x ?
    | ^^^^^
    = hint: add SOLVE
";
        assert_eq!(render(&src, d), expected);
    }

    #[test]
    fn carets_count_characters_and_keep_tabs() {
        let src = "\tFACT é ü";
        let start = src.find('ü').unwrap() as u32;
        let d = Diagnostic::new(Code::E103, Span::new(start, start + 2), "unexpected");
        assert!(render(src, d).ends_with(" 1 | \tFACT é ü\n   | \t       ^\n"));
    }

    #[test]
    fn a_long_line_is_shown_as_an_excerpt_around_the_carets() {
        let src = format!(
            "RESULT {}@ 1 + {}",
            "1 + ".repeat(20_000),
            "2 + ".repeat(100)
        );
        let at = src.find('@').unwrap() as u32;
        let d = Diagnostic::new(Code::E103, Span::new(at, at + 1), "unexpected `@`");
        let text = render(&src, d);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], "  --> family.bl:1:80008");
        // 50 characters before the caret, 150 from it on, then `…`.
        let from = at as usize - 50;
        let expected = format!("…{}…", &src[from..from + MAX_QUOTE]);
        assert_eq!(lines[3], format!(" 1 | {expected}"));
        assert_eq!(lines[4], format!("   | {}^", " ".repeat(51)));
        // A span that runs past the excerpt is underlined to its end.
        let d = Diagnostic::new(Code::E103, Span::new(0, src.len() as u32), "all");
        let text = render(&src, d);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[4], format!("   | {}", "^".repeat(MAX_QUOTE + 1)));
    }

    #[test]
    fn empty_span_at_the_end_of_input_gets_one_caret() {
        let src = "REL a\n";
        let d = Diagnostic::new(Code::E103, Span::new(6, 6), "expected a statement");
        assert!(render(src, d).ends_with("  --> family.bl:2:1\n   |\n 2 | \n   | ^\n"));
    }
}
