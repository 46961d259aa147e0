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
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
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
}

impl<'src> LineIndex<'src> {
    /// Builds the index for `source`.
    pub fn new(source: &'src str) -> LineIndex<'src> {
        let mut line_starts = vec![0];
        line_starts.extend(
            source.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i as u32 + 1),
        );
        LineIndex { source, line_starts }
    }

    /// The 0-based line number containing byte `offset`.
    fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line_text(&self, line: u32) -> &'src str {
        let i = (line as usize).saturating_sub(1).min(self.line_starts.len() - 1);
        let start = self.line_starts[i] as usize;
        let end = self.line_starts.get(i + 1).map_or(self.source.len(), |&e| e as usize - 1);
        self.source[start..end].trim_end_matches('\r')
    }

    /// Resolves `span` to line and columns. A span crossing a line break ends at that line's end.
    pub fn position(&self, span: Span) -> Position {
        let start = (span.start as usize).min(self.source.len()) as u32;
        let line = self.line_of(start);
        let line_start = self.line_starts[line] as usize;
        let column = self.chars_between(line_start, start as usize) + 1;
        let line_end = self.line_starts.get(line + 1).map_or(self.source.len(), |&e| e as usize - 1);
        let end = (span.end as usize).clamp(start as usize, line_end.max(start as usize));
        let width = self.chars_between(start as usize, end).max(1);
        Position { line: line as u32 + 1, column, end_column: column + width }
    }

    fn chars_between(&self, from: usize, to: usize) -> u32 {
        let slice = self.source.get(from..to).unwrap_or_else(|| {
            // Offsets from the lexer always fall on char boundaries; be lenient anyway.
            let from = floor_char_boundary(self.source, from);
            let to = floor_char_boundary(self.source, to.max(from));
            &self.source[from..to]
        });
        slice.chars().count() as u32
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
        assert_eq!(idx.position(Span::new(0, 3)), Position { line: 1, column: 1, end_column: 4 });
        let x = src.find('x').unwrap() as u32;
        assert_eq!(idx.position(Span::new(x, x + 1)), Position { line: 2, column: 8, end_column: 9 });
        assert_eq!(idx.line_text(2), "FACT é x");
        let eof = src.len() as u32;
        assert_eq!(idx.position(Span::new(eof, eof)).line, 3);
    }
}
