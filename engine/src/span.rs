//! Byte spans into the source text, and the line index that turns them into
//! 1-based line and column numbers when (and only when) a diagnostic is rendered.

/// A half-open byte range `start..end` into the program source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// A span covering `start..end`.
    pub const fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Length in bytes.
    pub fn len(self) -> u32 {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.end == self.start
    }
}

/// A resolved source position: 1-based line, 1-based column and 1-based end column
/// (exclusive), columns counted in characters (spec §8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// 1-based physical line (only real LF characters start lines, spec §1.2).
    pub line: u32,
    /// 1-based column of the first character, in characters.
    pub column: u32,
    /// 1-based column one past the last character on the first line of the span.
    pub end_column: u32,
}

/// Maps byte offsets to physical lines and character columns.
#[derive(Clone, Debug)]
pub struct LineIndex<'src> {
    source: &'src str,
    line_starts: Vec<u32>,
    /// The characters before each multiple of [`MARK`] bytes (or the first character
    /// boundary after it), so counting characters never reads more than that many
    /// bytes: a diagnostic far into a long line costs no more than one near its start.
    marks: Vec<(u32, u32)>,
}

/// Bytes between two character-count marks of a [`LineIndex`].
const MARK: usize = 512;

impl<'src> LineIndex<'src> {
    /// Builds the index for `source`. A leading byte-order mark (which the lexer
    /// skips, spec §1.1) is not part of line 1: its columns count from after it.
    pub fn new(source: &'src str) -> LineIndex<'src> {
        let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let mut line_starts = vec![bom];
        line_starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i as u32 + 1),
        );
        let mut marks = Vec::with_capacity(source.len() / MARK + 1);
        let (mut at, mut chars) = (0, 0);
        while at < source.len() {
            marks.push((at as u32, chars as u32));
            let end = floor_char_boundary(source, (at + MARK).min(source.len()));
            let end = if end <= at {
                source[at..]
                    .char_indices()
                    .nth(1)
                    .map_or(source.len(), |(i, _)| at + i)
            } else {
                end
            };
            chars += source[at..end].chars().count();
            at = end;
        }
        LineIndex {
            source,
            line_starts,
            marks,
        }
    }

    /// The characters before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> u32 {
        let i = self.marks.partition_point(|&(at, _)| at as usize <= offset);
        let Some(&(at, chars)) = i.checked_sub(1).and_then(|i| self.marks.get(i)) else {
            return 0;
        };
        chars + self.source[at as usize..offset].chars().count() as u32
    }

    /// The 1-based line of byte `offset`, the line's text and where in it `offset` is.
    pub fn line_at(&self, offset: u32) -> (u32, &'src str, usize) {
        let start = (offset as usize)
            .min(self.source.len())
            .max(self.line_starts[0] as usize);
        let start = floor_char_boundary(self.source, start);
        let line = self.line_of(start as u32);
        let text = self.line_text(line as u32 + 1);
        let in_line = start - self.line_starts[line] as usize;
        (line as u32 + 1, text, in_line.min(text.len()))
    }

    /// The 0-based line number containing byte `offset` (a byte-order mark is on
    /// line 1).
    fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line_text(&self, line: u32) -> &'src str {
        let i = (line as usize)
            .saturating_sub(1)
            .min(self.line_starts.len() - 1);
        let start = self.line_starts[i] as usize;
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(self.source.len(), |&e| e as usize - 1);
        self.source[start..end].trim_end_matches('\r')
    }

    /// Resolves `span` to line and columns. A span crossing a line break ends at that line's end.
    pub fn position(&self, span: Span) -> Position {
        let start = (span.start as usize)
            .min(self.source.len())
            .max(self.line_starts[0] as usize) as u32;
        let line = self.line_of(start);
        let line_start = self.line_starts[line] as usize;
        let column = self.chars_between(line_start, start as usize) + 1;
        let line_end = self
            .line_starts
            .get(line + 1)
            .map_or(self.source.len(), |&e| e as usize - 1);
        let end = (span.end as usize).clamp(start as usize, line_end.max(start as usize));
        let width = self.chars_between(start as usize, end).max(1);
        Position {
            line: line as u32 + 1,
            column,
            end_column: column + width,
        }
    }

    fn chars_between(&self, from: usize, to: usize) -> u32 {
        // Offsets from the lexer always fall on char boundaries; be lenient anyway.
        let from = floor_char_boundary(self.source, from);
        let to = floor_char_boundary(self.source, to.max(from));
        self.chars_before(to) - self.chars_before(from)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let src = "REL a\nFACT é x\n";
        let idx = LineIndex::new(src);
        assert_eq!(
            idx.position(Span::new(0, 3)),
            Position {
                line: 1,
                column: 1,
                end_column: 4
            }
        );
        let x = src.find('x').unwrap() as u32;
        assert_eq!(
            idx.position(Span::new(x, x + 1)),
            Position {
                line: 2,
                column: 8,
                end_column: 9
            }
        );
        assert_eq!(idx.line_text(2), "FACT é x");
        let eof = src.len() as u32;
        assert_eq!(idx.position(Span::new(eof, eof)).line, 3);
    }

    #[test]
    fn columns_far_into_a_long_line_count_characters() {
        let src = format!("{}x{}y", "é".repeat(1000), "ab".repeat(700));
        let idx = LineIndex::new(&src);
        let x = src.find('x').unwrap() as u32;
        let y = src.find('y').unwrap() as u32;
        assert_eq!(idx.position(Span::new(x, y + 1)).column, 1001);
        assert_eq!(idx.position(Span::new(y, y + 1)).column, 1001 + 1 + 1400);
        assert_eq!(idx.line_at(y), (1, src.as_str(), y as usize));
    }

    #[test]
    fn a_byte_order_mark_takes_no_column() {
        let src = "\u{feff}REL a\n";
        let idx = LineIndex::new(src);
        let at = |start, end| idx.position(Span::new(start, end));
        assert_eq!((at(3, 6).column, at(3, 6).end_column), (1, 4));
        assert_eq!((at(0, 0).line, at(0, 0).column), (1, 1));
        assert_eq!((at(0, 3).column, at(7, 8).column), (1, 5));
        assert_eq!(idx.line_text(1), "REL a");
    }
}
