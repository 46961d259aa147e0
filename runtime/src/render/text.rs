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
use std::fmt::Write as _;

/// Renders one diagnostic of the program `index` was built from, read from the file
/// named `file`. The block ends with a line break.
pub fn diagnostic(l: &Located, index: &LineIndex<'_>, file: &str) -> String {
    let (d, pos) = (&l.diagnostic, l.position);
    let line = pos.line.to_string();
    let gutter = " ".repeat(line.len() + 2);
    let text = index.line_text(pos.line);
    let mut s = String::new();
    let _ = writeln!(s, "{}[{}]: {}", d.severity.as_str(), d.code, d.message);
    let _ = writeln!(s, "{}--> {file}:{}:{}", &gutter[1..], pos.line, pos.column);
    let _ = writeln!(s, "{gutter}|");
    let _ = writeln!(s, " {line} | {text}");
    let _ = write!(
        s,
        "{gutter}| {}{}",
        caret_padding(text, pos.column),
        "^".repeat(pos.end_column.saturating_sub(pos.column).max(1) as usize)
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
    fn empty_span_at_the_end_of_input_gets_one_caret() {
        let src = "REL a\n";
        let d = Diagnostic::new(Code::E103, Span::new(6, 6), "expected a statement");
        assert!(render(src, d).ends_with("  --> family.bl:2:1\n   |\n 2 | \n   | ^\n"));
    }
}
