//! The Markdown the harness reads: which files are documentation, and their fenced
//! code blocks.

use std::path::{Path, PathBuf};

/// One fenced code block.
#[derive(Debug)]
pub struct Block {
    /// The first word of the info string (`bytelogic`, `output`, `console`…), or `""`.
    pub info: String,
    /// The lines between the fences, each with its line break.
    pub text: String,
    /// The 1-based line of the opening fence.
    pub line: usize,
    /// Only blank lines stand between the previous block's closing fence and this
    /// block's opening one.
    pub follows: bool,
}

/// Every file under `root` whose name `wanted` accepts, sorted, skipping build output
/// (`target`) and hidden directories: with `.md`, the documentation the harness
/// checks, whoever adds it.
pub fn files(root: &Path, wanted: fn(&str) -> bool) -> Vec<PathBuf> {
    let mut found = Vec::new();
    walk(root, wanted, &mut found);
    found.sort();
    found
}

fn walk(dir: &Path, wanted: fn(&str) -> bool, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            if !name.starts_with('.') && name != "target" && name != "node_modules" {
                walk(&path, wanted, found);
            }
        } else if wanted(&name) {
            found.push(path);
        }
    }
}

/// The fenced code blocks of `source` (CommonMark fences: three or more backticks or
/// tildes, indented at most three spaces; the content loses the fence's indentation).
pub fn blocks(source: &str) -> Result<Vec<Block>, String> {
    let mut blocks = Vec::new();
    let mut open: Option<(Fence, Block)> = None;
    // Whether only blank lines were seen since the last closing fence.
    let mut adjacent = false;
    for (n, line) in source.lines().enumerate() {
        match &mut open {
            Some((fence, block)) => {
                if fence.closes(line) {
                    if let Some((_, block)) = open.take() {
                        blocks.push(block);
                    }
                    adjacent = true;
                } else {
                    block.text += strip_indent(line, fence.indent);
                    block.text.push('\n');
                }
            }
            None => match Fence::opening(line) {
                Some((fence, info)) => {
                    let block = Block {
                        info,
                        text: String::new(),
                        line: n + 1,
                        follows: adjacent,
                    };
                    open = Some((fence, block));
                }
                None => adjacent &= line.trim().is_empty(),
            },
        }
    }
    match open {
        Some((_, block)) => Err(format!(
            "the block opened at line {} is never closed",
            block.line
        )),
        None => Ok(blocks),
    }
}

/// An opening fence: its character, length and indentation.
struct Fence {
    char: char,
    len: usize,
    indent: usize,
}

impl Fence {
    /// The fence `line` opens and the first word of its info string.
    fn opening(line: &str) -> Option<(Fence, String)> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let char = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
        let len = rest.len() - rest.trim_start_matches(char).len();
        let info = rest[len..].trim();
        if indent > 3 || len < 3 || (char == '`' && info.contains('`')) {
            return None;
        }
        let word = info.split([' ', '\t', '{', ',']).next().unwrap_or("");
        Some((Fence { char, len, indent }, word.to_string()))
    }

    /// Whether `line` closes this fence.
    fn closes(&self, line: &str) -> bool {
        let trimmed = line.trim_start_matches(' ');
        let run = trimmed.len() - trimmed.trim_start_matches(self.char).len();
        line.len() - trimmed.len() <= 3 && run >= self.len && trimmed[run..].trim().is_empty()
    }
}

/// `line` without up to `indent` leading spaces.
fn strip_indent(line: &str, indent: usize) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    &line[spaces.min(indent)..]
}

#[test]
fn fences_info_strings_and_adjacency() {
    let md = "text\n```bytelogic\nRESULT 1\n```\n\n~~~~ output extra\n1\n```\n~~~~\nprose\n  ```console\n  $ x\n  ```\n";
    let found = blocks(md).expect("closed blocks");
    let seen: Vec<(&str, &str, usize, bool)> = found
        .iter()
        .map(|b| (b.info.as_str(), b.text.as_str(), b.line, b.follows))
        .collect();
    assert_eq!(
        seen,
        [
            ("bytelogic", "RESULT 1\n", 2, false),
            ("output", "1\n```\n", 6, true),
            ("console", "$ x\n", 11, false),
        ]
    );
    assert!(blocks("```text\nopen\n").is_err());
}
