//! Error recovery (spec §3): after a syntax error the parser skips forward, never
//! back, to a point where parsing can resume, so one parse reports every
//! independent error in linear time.

use super::Parser;
use super::keyword::{Kw, did_you_mean};
use crate::lexer::TokenKind;

impl<'src> Parser<'src> {
    /// Skips to the next line that starts with a top-level statement keyword (or a
    /// misspelling of one).
    pub(super) fn recover_top(&mut self) {
        while !self.at_eof() && !self.at_statement_line(&Kw::TOP_LEVEL) {
            self.bump();
        }
    }

    /// True at the first token of a line that is a statement keyword of `kws` or a
    /// likely misspelling of one (a recovery point, so that error is reported too).
    fn at_statement_line(&self, kws: &[Kw]) -> bool {
        self.at_line_start()
            && match self.kw() {
                Some(kw) => kws.contains(&kw),
                None => self.at(TokenKind::Word) && did_you_mean(self.text(), kws).is_some(),
            }
    }

    /// Skips the rest of a header line (to THEN too, when `to_then`).
    pub(super) fn skip_to_line_start(&mut self, to_then: bool) {
        while !(self.at_eof() || self.at_line_start() || to_then && self.at_kw(Kw::Then)) {
            self.bump();
        }
    }

    /// Skips an IF or FOR block whose keyword was just consumed, through its matching END.
    pub(super) fn skip_block(&mut self) {
        let mut open = 1usize;
        while !self.at_eof() {
            match self.kw() {
                Some(Kw::If | Kw::For) => open += 1,
                Some(Kw::End) => open -= 1,
                _ => {}
            }
            self.bump();
            if open == 0 {
                return;
            }
        }
    }

    /// After an error in a CALC body: skips to END or ELSE, or to the next line that
    /// starts with a statement word (or a misspelling of a CALC statement word).
    pub(super) fn recover_calc(&mut self) {
        const STOP: [Kw; 9] = [
            Kw::Let,
            Kw::If,
            Kw::For,
            Kw::Result,
            Kw::Break,
            Kw::Continue,
            Kw::End,
            Kw::Emit,
            Kw::Input,
        ];
        while !(self.at_eof()
            || self.at_kw(Kw::End)
            || self.at_kw(Kw::Else)
            || self.at_statement_line(&STOP)
            || self.at_line_start() && self.kw().is_some_and(Kw::is_top_level_only))
        {
            self.bump();
        }
    }
}
