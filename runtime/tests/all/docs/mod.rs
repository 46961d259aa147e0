//! The repository explains itself: every example of its documentation runs as written,
//! every `spec §x.y` citation names a section of docs/language.md, every diagnostic
//! code has its `bytelogic explain` page, and the licenses Cargo.toml declares are
//! shipped.
//!
//! The documentation is README.md and every other `*.md` file of the repository,
//! discovered, not listed. Its examples follow one convention (docs/testing.md,
//! "Documented examples"):
//! - a `bytelogic` block is a program, run as `bytelogic run example.bl` (default
//!   backend and limits; a first line `; run with: FLAGS` adds flags). A directly
//!   following `output` block is its exact standard output; a following `error` block
//!   is its standard error (trailing blank lines aside), and the run must fail exactly
//!   when that block shows an `error[…]`. With neither, the run must succeed;
//! - a `console` block is a transcript: its `$ ` lines are run in order by `sh`, in a
//!   scratch directory of its own where the repository's top-level files and folders
//!   appear (so `examples/…` resolves and a file the transcript writes is its own), with
//!   the binary first on `PATH`; the lines up to the next `$ ` line are that command's
//!   exact standard output; numbers that vary between runs ([`VARYING`]) match any
//!   number;
//! - a `rust` block must be in a file that `runtime/src/lib.rs` includes as doctests;
//!   a `python` block is run by the Python package's suite; other blocks (`text`,
//!   `sh`, `json`…) are not run, and every block needs an info string.

mod markdown;
mod run;

use bytelogic_engine::Code;
use markdown::Block;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The fields and phrases followed by a number that differs from run to run: the
/// JSON outcome's time, the Python client's round trip, `validate`'s elapsed time.
const VARYING: [&str; 4] = [
    "\"time_us\":",
    "\"execution_time_ms\":",
    "'execution_time_ms':",
    " rows in ",
];

/// The workspace root.
fn root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    root.canonicalize().unwrap_or(root)
}

/// `path` relative to the root, for messages.
fn relative(path: &Path) -> String {
    let root = root();
    path.strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Every Markdown file with its text.
fn documentation() -> Vec<(String, String)> {
    markdown::files(&root(), |name| name.ends_with(".md"))
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (relative(path), text)
        })
        .collect()
}

/// What a documented example claims.
enum Claim {
    /// A program and what it prints to each stream, where the documentation says.
    Program {
        source: String,
        stdout: Option<String>,
        stderr: Option<String>,
    },
    /// A transcript: shell commands, run in order, each with its exact standard output.
    Transcript(Vec<Step>),
}

/// One command of a transcript.
struct Step {
    command: String,
    stdout: String,
}

/// One example and where it is written (`file:line`).
struct Example {
    place: String,
    claim: Claim,
}

/// The examples of one file; what is wrong with its blocks goes to `problems`.
fn examples(file: &str, text: &str, problems: &mut Vec<String>) -> Vec<Example> {
    let blocks = match markdown::blocks(text) {
        Ok(blocks) => blocks,
        Err(e) => {
            problems.push(format!("{file}: {e}"));
            return Vec::new();
        }
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        let place = format!("{file}:{}", block.line);
        i += 1;
        match block.info.as_str() {
            "bytelogic" => {
                let (mut stdout, mut stderr) = (None, None);
                while let Some(next) = blocks.get(i).filter(|b| b.follows) {
                    let slot = match next.info.as_str() {
                        "output" => &mut stdout,
                        "error" => &mut stderr,
                        _ => break,
                    };
                    if slot.replace(next.text.clone()).is_some() {
                        break;
                    }
                    i += 1;
                }
                let source = block.text.clone();
                let claim = Claim::Program {
                    source,
                    stdout,
                    stderr,
                };
                found.push(Example { place, claim });
            }
            "console" => found.extend(transcript(block, &place, problems)),
            "output" | "error" => problems.push(format!(
                "{place}: an `{}` block must follow a `bytelogic` block (only blank lines between)",
                block.info
            )),
            "" => problems.push(format!(
                "{place}: a fenced block needs an info string (`text` for one that is not run)"
            )),
            "rust" if !doctested(file) => problems.push(format!(
                "{place}: a `rust` block is tested only in a file that runtime/src/lib.rs \
                 includes as doctests (`#[cfg(doctest)]`)"
            )),
            _ => {}
        }
    }
    found
}

/// The commands of a `console` block, each with the lines after it.
fn transcript(block: &Block, place: &str, problems: &mut Vec<String>) -> Option<Example> {
    let mut steps: Vec<Step> = Vec::new();
    for line in block.text.lines() {
        match (line.strip_prefix("$ "), steps.last_mut()) {
            (Some(command), _) => steps.push(Step {
                command: command.to_string(),
                stdout: String::new(),
            }),
            (None, Some(step)) => {
                step.stdout += line;
                step.stdout.push('\n');
            }
            (None, None) => {
                problems.push(format!("{place}: a transcript starts with a `$ ` line"));
                return None;
            }
        }
    }
    Some(Example {
        place: place.to_string(),
        claim: Claim::Transcript(steps),
    })
}

/// Whether the `rust` blocks of `file` run as doctests of the runtime crate.
fn doctested(file: &str) -> bool {
    let lib = std::fs::read_to_string(root().join("runtime/src/lib.rs")).unwrap_or_default();
    lib.contains(&format!("include_str!(\"../../{file}\")"))
}

/// The flags of a program's first line `; run with: FLAGS`.
fn flags(source: &str) -> Vec<&str> {
    let first = source.lines().next().unwrap_or("");
    first
        .strip_prefix("; run with:")
        .map_or_else(Vec::new, |flags| flags.split_whitespace().collect())
}

/// Checks one example; `dir` is its own scratch directory.
fn check(example: &Example, dir: &Path) -> Result<(), String> {
    match &example.claim {
        Claim::Program {
            source,
            stdout,
            stderr,
        } => {
            let ran = run::program(dir, source, &flags(source));
            let must_fail = stderr
                .as_deref()
                .is_some_and(|e| e.lines().any(|l| l.starts_with("error")));
            if ran.code != Some(i32::from(must_fail)) {
                return Err(format!(
                    "`bytelogic run` exited with {:?}, expected {}:\n{}{}",
                    ran.code,
                    i32::from(must_fail),
                    ran.stdout,
                    ran.stderr
                ));
            }
            if let Some(expected) = stdout {
                same("standard output", expected, &ran.stdout)?;
            }
            match stderr {
                Some(expected) => {
                    same("standard error", expected.trim_end(), ran.stderr.trim_end())
                }
                None => Ok(()),
            }
        }
        Claim::Transcript(steps) => {
            run::scratch_beside(dir, &root());
            for Step { command, stdout } in steps {
                let ran = run::shell(dir, command);
                same(
                    &format!("the standard output of `{command}`"),
                    &varying(stdout),
                    &varying(&ran.stdout),
                )
                .map_err(|e| format!("{e}(standard error: {})", ran.stderr))?;
            }
            Ok(())
        }
    }
}

fn same(what: &str, documented: &str, printed: &str) -> Result<(), String> {
    if documented == printed {
        return Ok(());
    }
    Err(format!(
        "{what} differs\n--- documented\n{documented}\n--- printed\n{printed}\n"
    ))
}

/// `text` with each number after a [`VARYING`] marker replaced by `#`.
fn varying(text: &str) -> String {
    let mut out = text.to_string();
    for marker in VARYING {
        let mut from = 0;
        while let Some(at) = out[from..].find(marker) {
            let start = from + at + marker.len();
            let digits = start + out[start..].len() - out[start..].trim_start().len();
            let len = out[digits..]
                .find(|c: char| !(c.is_ascii_digit() || ".eE+-".contains(c)))
                .unwrap_or(out.len() - digits);
            if len > 0 {
                out.replace_range(digits..digits + len, "#");
            }
            from = digits;
        }
    }
    out
}

#[test]
fn every_documented_example_runs() {
    let mut problems = Vec::new();
    let mut all = Vec::new();
    let documentation = documentation();
    assert!(documentation.iter().any(|(f, _)| f == "README.md"));
    for (file, text) in &documentation {
        all.extend(examples(file, text, &mut problems));
    }
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("docs-examples");
    let failures: Vec<String> = all
        .par_iter()
        .enumerate()
        .filter_map(|(n, example)| {
            let e = check(example, &scratch.join(n.to_string())).err()?;
            Some(format!("{}: {e}", example.place))
        })
        .collect();
    problems.extend(failures);
    let count = |f: fn(&Claim) -> bool| all.iter().filter(|e| f(&e.claim)).count();
    println!(
        "{} documentation files: {} programs ({} with output, {} with an error block), {} commands",
        documentation.len(),
        count(|c| matches!(c, Claim::Program { .. })),
        count(|c| matches!(
            c,
            Claim::Program {
                stdout: Some(_),
                ..
            }
        )),
        count(|c| matches!(
            c,
            Claim::Program {
                stderr: Some(_),
                ..
            }
        )),
        all.iter()
            .map(|e| match &e.claim {
                Claim::Transcript(steps) => steps.len(),
                Claim::Program { .. } => 0,
            })
            .sum::<usize>(),
    );
    assert!(all.len() > 100, "only {} examples", all.len());
    assert!(
        problems.is_empty(),
        "{} problems:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

/// The section numbers of docs/language.md's headings (`## 4. Rules` → `4`,
/// `### 4.1 Clauses` → `4.1`).
fn sections() -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("docs/language.md")).expect("docs/language.md");
    text.lines()
        .filter(|l| l.starts_with('#'))
        .filter_map(|l| l.trim_start_matches('#').split_whitespace().next())
        .map(|n| n.trim_end_matches('.'))
        .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|n| n.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .map(str::to_string)
        .collect()
}

/// Every section number cited as `§x.y` in `text`.
fn citations(text: &str) -> Vec<String> {
    text.match_indices('§')
        .map(|(at, _)| {
            let rest = &text[at + '§'.len_utf8()..];
            let len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            rest[..len].trim_end_matches('.').to_string()
        })
        .filter(|n| !n.is_empty())
        .collect()
}

#[test]
fn every_section_citation_resolves_in_language_md() {
    let sections = sections();
    for n in ["1.4", "2.5", "4.1", "5.3", "6.3", "7", "8"] {
        assert!(sections.contains(n), "docs/language.md has no section {n}");
    }
    let source = |name: &str| {
        [".rs", ".md", ".bl", ".py", ".toml"]
            .iter()
            .any(|ext| name.ends_with(ext))
    };
    let mut unresolved = BTreeSet::new();
    let mut count = 0;
    for path in markdown::files(&root(), source) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for n in citations(&text) {
            count += 1;
            if !sections.contains(&n) {
                unresolved.insert(format!("§{n} in {}", relative(&path)));
            }
        }
    }
    assert!(count > 500, "only {count} citations found");
    assert!(
        unresolved.is_empty(),
        "citations with no section in docs/language.md:\n{}",
        unresolved.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn language_md_lists_every_diagnostic_code() {
    let text = std::fs::read_to_string(root().join("docs/language.md")).expect("docs/language.md");
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !text.contains(&format!("[{c}](explain/{c}.md)")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/language.md §8 does not list {missing:?}"
    );
}

#[test]
fn every_explain_page_shows_a_program_that_reports_its_code() {
    let mut wrong = Vec::new();
    for code in Code::ALL {
        let file = format!("docs/explain/{code}.md");
        let text = std::fs::read_to_string(root().join(&file)).unwrap_or_default();
        let shown = examples(&file, &text, &mut Vec::new())
            .iter()
            .any(|example| match &example.claim {
                Claim::Program {
                    stderr: Some(stderr),
                    ..
                } => stderr.contains(&format!("[{code}]:")),
                _ => false,
            });
        if !shown {
            wrong.push(file);
        }
    }
    assert!(
        wrong.is_empty(),
        "no `bytelogic` program with an `error` block showing the page's code in {wrong:?}"
    );
}

#[test]
fn the_licenses_cargo_declares_are_shipped() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    assert!(manifest.contains("license = \"MIT OR Apache-2.0\""));
    assert!(
        !manifest.contains(".invalid"),
        "a placeholder URL in Cargo.toml"
    );
    let read = |name: &str| std::fs::read_to_string(root().join(name)).unwrap_or_default();
    assert!(read("LICENSE-MIT").contains("Permission is hereby granted, free of charge"));
    let apache = read("LICENSE-APACHE");
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0, January 2004"));
    assert!(apache.contains("END OF TERMS AND CONDITIONS"));
}

#[test]
fn varying_numbers_match_any_number() {
    assert_eq!(
        varying(r#"{"time_us":2140,"x":1} 'execution_time_ms': 0.2 3 rows in 0.04 s"#),
        r#"{"time_us":#,"x":1} 'execution_time_ms': # 3 rows in # s"#
    );
    assert_eq!(
        flags("; run with: --max-steps 10\nRESULT 1"),
        ["--max-steps", "10"]
    );
}

#[test]
fn links_and_anchors_are_read_as_github_does() {
    assert_eq!(
        anchor(" 1.2 The characters `\\n` outside strings"),
        "12-the-characters-n-outside-strings"
    );
    assert_eq!(anchor("lex and vocab"), "lex-and-vocab");
    let text = "See [a](x.md#b) and `[c](d)`.\n```text\n[e](f)\n```\n[g](h)";
    assert_eq!(links(&prose(text)), ["x.md#b", "h"]);
}

/// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as `-`.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The lines of a Markdown text outside its fenced blocks.
fn outside_fences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m))
                if open == m && trimmed.trim_start_matches(m).trim().is_empty() =>
            {
                fence = None;
            }
            (None, None) => out.push(line),
            _ => {}
        }
    }
    out
}

/// The prose of a Markdown text: its lines outside fenced blocks, without code spans.
fn prose(text: &str) -> String {
    outside_fences(text)
        .iter()
        .flat_map(|line| line.split('`').step_by(2).chain(["\n"]))
        .collect()
}

/// The targets of the inline links `[text](target)` of `prose`.
fn links(prose: &str) -> Vec<&str> {
    prose
        .match_indices("](")
        .filter_map(|(at, _)| {
            let rest = &prose[at + 2..];
            rest.find(')').map(|end| rest[..end].trim())
        })
        .collect()
}

#[test]
fn relative_links_resolve() {
    let mut broken = Vec::new();
    for (file, text) in documentation() {
        let path = root().join(&file);
        let dir = path.parent().unwrap_or(&path);
        for target in links(&prose(&text)) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (name, fragment) = target.split_once('#').unwrap_or((target, ""));
            let linked = if name.is_empty() {
                path.clone()
            } else {
                dir.join(name)
            };
            if !linked.exists() {
                broken.push(format!("{file}: {target}: no such file"));
                continue;
            }
            if fragment.is_empty() || !linked.to_string_lossy().ends_with(".md") {
                continue;
            }
            let linked_text = std::fs::read_to_string(&linked).unwrap_or_default();
            let found = outside_fences(&linked_text)
                .iter()
                .filter(|l| l.starts_with('#'))
                .any(|l| anchor(l.trim_start_matches('#')) == fragment);
            if !found {
                broken.push(format!("{file}: {target}: no such heading"));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}
