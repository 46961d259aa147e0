//! Computation tokens: the text a language model writes, with each
//! `<computation>…</computation>` block run and answered by `<result>…</result>` (spec §5.3)
//! or `<error>CODE: message</error>`.
//!
//! Tags match ASCII case-insensitively; blocks run left to right, each with its own
//! limits, and a failing block never stops the others. [`TokenStream`] does the work
//! incrementally, emitting text as soon as it can no longer be part of a block, so it
//! can sit inside a generation loop; [`process_text`] is the one-shot form. A block
//! still open when the input ends is left as it was written.

use crate::executor::{Executor, Options};
use std::borrow::Borrow;

/// The tag that opens a block.
pub const OPEN: &str = "<computation>";
/// The tag that closes a block.
pub const CLOSE: &str = "</computation>";
/// The tags of the answer to a block that ran (spec §5.3).
pub const RESULT_TAGS: [&str; 2] = ["<result>", "</result>"];
/// The tags of the answer to a block that failed.
pub const ERROR_TAGS: [&str; 2] = ["<error>", "</error>"];

/// How blocks run and how their answers are written.
#[derive(Clone, Debug, Default)]
pub struct TokenOptions {
    /// How each block runs: backend and limits (each block gets the whole budget).
    pub run: Options,
    /// Keep each block and write its answer right after it, instead of replacing it.
    pub keep: bool,
}

/// How many blocks ran, and how many of them failed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BlockCounts {
    /// Blocks that were closed and ran.
    pub blocks: usize,
    /// Of those, the blocks whose answer is an `<error>`.
    pub failed: usize,
}

/// Text with every block answered, and the counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Processed {
    /// The text with each block replaced by (or, with `keep`, followed by) its answer.
    pub text: String,
    /// How many blocks ran and failed.
    pub counts: BlockCounts,
}

/// Answers every block of `text` at once (see the module documentation), running
/// them with `executor`.
pub fn process_text(text: &str, options: &TokenOptions, executor: &Executor) -> Processed {
    let mut stream = TokenStream::new(options.clone(), executor);
    let mut out = stream.push(text);
    out.push_str(&stream.finish());
    Processed {
        text: out,
        counts: stream.counts(),
    }
}

/// The code of each closed block of `text`, in order, without the tags.
pub fn computation_blocks(text: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(open) = find_tag(rest, OPEN, 0) {
        let code = &rest[open + OPEN.len()..];
        let Some(close) = find_tag(code, CLOSE, 0) else {
            break;
        };
        blocks.push(&code[..close]);
        rest = &code[close + CLOSE.len()..];
    }
    blocks
}

/// Where the reader stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Outside a block: `pending` is a tail that may be the start of [`OPEN`].
    Text,
    /// Inside a block: `pending` is its code so far, `open_tag` the tag as written.
    Block,
    /// Inside a block whose code passed the source limit: it is answered E406
    /// without being kept (docs/decisions.md 106); `pending` is a tail that may be
    /// the start of [`CLOSE`].
    Overflow,
}

/// The incremental form of [`process_text`]: feed text with [`TokenStream::push`],
/// write out what it returns, and end with [`TokenStream::finish`]. `E` is how the
/// stream holds its executor: `&Executor`, or an `Arc<Executor>` for a stream that
/// must own it (the Python package's).
pub struct TokenStream<E: Borrow<Executor>> {
    options: TokenOptions,
    executor: E,
    state: State,
    pending: String,
    /// The opening tag of the current block, as written (its case is kept).
    open_tag: String,
    /// How far `pending` has been searched for [`CLOSE`] without finding it.
    searched: usize,
    counts: BlockCounts,
}

impl<E: Borrow<Executor>> TokenStream<E> {
    /// A stream that runs blocks under `options` with `executor`.
    pub fn new(options: TokenOptions, executor: E) -> TokenStream<E> {
        TokenStream {
            options,
            executor,
            state: State::Text,
            pending: String::new(),
            open_tag: String::new(),
            searched: 0,
            counts: BlockCounts::default(),
        }
    }

    /// Reads `chunk` and returns the text that is now complete: everything outside
    /// blocks except a tail that might begin an opening tag, and the answer of every
    /// block closed so far.
    pub fn push(&mut self, chunk: &str) -> String {
        self.pending.push_str(chunk);
        let mut out = String::new();
        loop {
            match self.state {
                State::Text => match find_tag(&self.pending, OPEN, 0) {
                    Some(at) => {
                        out.push_str(&self.pending[..at]);
                        self.open_tag = self.pending[at..at + OPEN.len()].to_string();
                        self.pending.drain(..at + OPEN.len());
                        self.state = State::Block;
                        self.searched = 0;
                    }
                    None => {
                        let keep = partial_tag_len(&self.pending, OPEN);
                        out.extend(self.pending.drain(..self.pending.len() - keep));
                        return out;
                    }
                },
                State::Block => match find_tag(&self.pending, CLOSE, self.searched) {
                    Some(at) => {
                        let code = &self.pending[..at];
                        let close = &self.pending[at..at + CLOSE.len()];
                        if self.options.keep {
                            out.push_str(&self.open_tag);
                            out.push_str(code);
                            out.push_str(close);
                        }
                        let token = answer(code, &self.options.run, self.executor.borrow());
                        self.counts.blocks += 1;
                        if token.starts_with(ERROR_TAGS[0]) {
                            self.counts.failed += 1;
                        }
                        out.push_str(&token);
                        self.pending.drain(..at + CLOSE.len());
                        self.state = State::Text;
                    }
                    None if self.pending.len() as u64 > self.max_code() => {
                        self.overflow(&mut out);
                    }
                    None => {
                        // The next search starts where a closing tag could still begin.
                        self.searched = self.pending.len().saturating_sub(CLOSE.len() - 1);
                        return out;
                    }
                },
                State::Overflow => {
                    let found = find_tag(&self.pending, CLOSE, 0);
                    let end =
                        found.unwrap_or(self.pending.len() - partial_tag_len(&self.pending, CLOSE));
                    if self.options.keep {
                        out.push_str(&self.pending[..end]);
                    }
                    self.pending.drain(..end);
                    let Some(_) = found else {
                        return out;
                    };
                    if self.options.keep {
                        out.push_str(&self.pending[..CLOSE.len()]);
                        out.push_str(&self.too_large());
                    }
                    self.pending.drain(..CLOSE.len());
                    self.state = State::Text;
                }
            }
        }
    }

    /// The most bytes of code a block may have: the source limit of its runs.
    fn max_code(&self) -> u64 {
        self.options.run.limits.max_source_kb.saturating_mul(1024)
    }

    /// The answer of a block past the source limit.
    fn too_large(&self) -> String {
        let d = bytelogic_engine::source_too_large(None, &self.options.run.limits);
        format!(
            "{}{}: {}{}",
            ERROR_TAGS[0], d.code, d.message, ERROR_TAGS[1]
        )
    }

    /// The block being read passed the source limit: it is answered now (replaced
    /// by its answer, or, with `keep`, written as it was, its answer after it).
    fn overflow(&mut self, out: &mut String) {
        self.counts.blocks += 1;
        self.counts.failed += 1;
        if self.options.keep {
            out.push_str(&self.open_tag);
        } else {
            out.push_str(&self.too_large());
        }
        // Keep a tail that may be the start of the closing tag; pass or drop the rest.
        let tail = partial_tag_len(&self.pending, CLOSE);
        let end = self.pending.len() - tail;
        if self.options.keep {
            out.push_str(&self.pending[..end]);
        }
        self.pending.drain(..end);
        self.state = State::Overflow;
    }

    /// Ends the input: returns the held-back tail, or an unclosed block as written
    /// (one past the source limit: its answer, after the block with `keep`).
    pub fn finish(&mut self) -> String {
        let tail = std::mem::take(&mut self.pending);
        match std::mem::replace(&mut self.state, State::Text) {
            State::Text => tail,
            State::Block => std::mem::take(&mut self.open_tag) + &tail,
            State::Overflow if self.options.keep => tail + &self.too_large(),
            State::Overflow => String::new(),
        }
    }

    /// How many blocks have run and failed so far.
    pub fn counts(&self) -> BlockCounts {
        self.counts
    }
}

/// Runs one block and returns its answer. A backend that cannot run it (only a forced
/// [`crate::Backend::Wasm`] can fail) is answered as an `<error>` too.
fn answer(code: &str, options: &Options, executor: &Executor) -> String {
    match executor.execute(code, options) {
        Ok(outcome) => outcome.computation_token(),
        Err(e) => format!("{}unsupported: {e}{}", ERROR_TAGS[0], ERROR_TAGS[1]),
    }
}

/// The byte offset of the first ASCII-case-insensitive occurrence of the ASCII `tag`
/// in `text` at or after byte `from`. A match starts with the ASCII `<`, so the offset
/// is a character boundary whatever `from` was.
fn find_tag(text: &str, tag: &str, from: usize) -> Option<usize> {
    let hay = text.as_bytes().get(from..)?;
    hay.windows(tag.len())
        .position(|w| w.eq_ignore_ascii_case(tag.as_bytes()))
        .map(|at| from + at)
}

/// The length of the longest tail of `text` that is a proper prefix of `tag` (ASCII
/// case-insensitively): text that may still become the tag.
fn partial_tag_len(text: &str, tag: &str) -> usize {
    let bytes = text.as_bytes();
    (1..tag.len().min(bytes.len() + 1))
        .rev()
        .find(|&n| bytes[bytes.len() - n..].eq_ignore_ascii_case(&tag.as_bytes()[..n]))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn process(text: &str, keep: bool) -> Processed {
        let options = TokenOptions {
            keep,
            ..TokenOptions::default()
        };
        process_text(text, &options, &Executor::new())
    }

    #[test]
    fn blocks_are_replaced_left_to_right_and_errors_do_not_stop_the_rest() {
        let p = process(
            "a <computation>RESULT 1 + 1</computation> b <COMPUTATION>RESULT 1 / 0</Computation> \
             c <computation>RESULT 7 / 2</computation>.",
            false,
        );
        assert_eq!(
            p.text,
            "a <result>2</result> b <error>E201: division by zero: 1 / 0</error> c <result>3.5</result>."
        );
        assert_eq!(
            p.counts,
            BlockCounts {
                blocks: 3,
                failed: 1
            }
        );
    }

    #[test]
    fn keep_writes_the_block_as_written_then_its_answer() {
        let p = process("x <Computation>RESULT 3</COMPUTATION> y", true);
        assert_eq!(
            p.text,
            "x <Computation>RESULT 3</COMPUTATION><result>3</result> y"
        );
    }

    #[test]
    fn text_without_blocks_and_unclosed_blocks_pass_through() {
        assert_eq!(
            process("no <comp blocks < here <", false).text,
            "no <comp blocks < here <"
        );
        let p = process("a <computation>RESULT 1", false);
        assert_eq!(
            (p.text.as_str(), p.counts.blocks),
            ("a <computation>RESULT 1", 0)
        );
        assert_eq!(process("</computation> é", false).text, "</computation> é");
    }

    #[test]
    fn streaming_emits_text_as_soon_as_it_is_complete() {
        let executor = Executor::new();
        let mut s = TokenStream::new(TokenOptions::default(), &executor);
        assert_eq!(s.push("Hello <comp"), "Hello ");
        assert_eq!(s.push("utation>RESULT"), "");
        assert_eq!(s.push(" 6 * 7</computa"), "");
        assert_eq!(s.push("tion> wor"), "<result>42</result> wor");
        assert_eq!(s.push("ld <"), "ld ");
        assert_eq!(s.push("b>"), "<b>");
        assert_eq!(s.push(" <c"), " ");
        assert_eq!(s.finish(), "<c");
        assert_eq!(s.counts().blocks, 1);
    }

    #[test]
    fn streaming_byte_by_byte_equals_one_shot() {
        let text = "Intro. <computation>\nREL p\nFACT p a b\nSOLVE\nQUERY p a ?\n</computation> \
                    mid <computation>RESULT CALC nope()</computation> end ü";
        let whole = process(text, false).text;
        let executor = Executor::new();
        let mut s = TokenStream::new(TokenOptions::default(), &executor);
        let mut pieces: String = text.chars().map(|c| s.push(&c.to_string())).collect();
        pieces.push_str(&s.finish());
        assert_eq!(pieces, whole);
        assert!(whole.starts_with("Intro. <result>b</result> mid <error>E304: "));
    }

    #[test]
    fn a_block_past_the_source_limit_is_answered_e406_without_being_kept() {
        let executor = Executor::new();
        for keep in [false, true] {
            let mut options = TokenOptions {
                keep,
                ..TokenOptions::default()
            };
            options.run.limits.max_source_kb = 1;
            let mut s = TokenStream::new(options, &executor);
            let mut out = s.push("a <computation>RESULT 1");
            let chunk = " + 1".repeat(100);
            for _ in 0..10 {
                out += &s.push(&chunk);
            }
            let e406 = "<error>E406: source is more than 1024 bytes, the limit of 1 KiB</error>";
            if keep {
                assert!(out.starts_with("a <computation>RESULT 1 + 1"), "{out}");
                assert!(!out.contains(e406));
            } else {
                assert_eq!(out, format!("a {e406}"));
            }
            out += &s.push(" + 1</computa");
            out += &s.push("tion> b <computation>RESULT 2</computation>");
            out += &s.finish();
            let block = format!(
                "<computation>RESULT 1{} + 1</computation>",
                chunk.repeat(10)
            );
            let expected = if keep {
                format!("a {block}{e406} b <computation>RESULT 2</computation><result>2</result>")
            } else {
                format!("a {e406} b <result>2</result>")
            };
            assert_eq!(out, expected);
            assert_eq!(
                s.counts(),
                BlockCounts {
                    blocks: 2,
                    failed: 1
                }
            );
        }
    }

    #[test]
    fn blocks_are_found_for_validation() {
        let text = "<computation>A</computation> x <COMPUTATION>B\n</computation> <computation>C";
        assert_eq!(computation_blocks(text), vec!["A", "B\n"]);
        assert!(computation_blocks("plain").is_empty());
    }
}
