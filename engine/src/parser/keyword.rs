//! Reserved words (spec §1.4) and the did-you-mean suggestion for misspelled ones.

/// The words that are keywords where the grammar expects one, and that end an
/// expression (they are never atoms in one, spec §1.4). Matched case-insensitively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub(super) enum Kw {
    Rel,
    Fact,
    Rule,
    Solve,
    Query,
    Calc,
    Let,
    Result,
    Input,
    If,
    Then,
    Else,
    End,
    For,
    While,
    In,
    Break,
    Continue,
    Scan,
    Join,
    Match,
    Emit,
    Where,
    And,
    Or,
    Not,
    Mod,
}

impl Kw {
    /// Every reserved word.
    pub(super) const ALL: [Kw; 27] = [
        Kw::Rel,
        Kw::Fact,
        Kw::Rule,
        Kw::Solve,
        Kw::Query,
        Kw::Calc,
        Kw::Let,
        Kw::Result,
        Kw::Input,
        Kw::If,
        Kw::Then,
        Kw::Else,
        Kw::End,
        Kw::For,
        Kw::While,
        Kw::In,
        Kw::Break,
        Kw::Continue,
        Kw::Scan,
        Kw::Join,
        Kw::Match,
        Kw::Emit,
        Kw::Where,
        Kw::And,
        Kw::Or,
        Kw::Not,
        Kw::Mod,
    ];

    /// Statements that may start a top-level line (spec §3).
    pub const TOP_LEVEL: [Kw; 8] = [
        Kw::Rel,
        Kw::Fact,
        Kw::Rule,
        Kw::Solve,
        Kw::Query,
        Kw::Calc,
        Kw::Let,
        Kw::Result,
    ];

    /// Words that may start a statement in a CALC body (spec §6.2), with END.
    pub const CALC_BODY: [Kw; 7] = [
        Kw::Let,
        Kw::If,
        Kw::For,
        Kw::Result,
        Kw::Break,
        Kw::Continue,
        Kw::End,
    ];

    /// Words that start a rule clause of spec §4.1 (NOT, spec §9.1, is [`Kw::is_clause`]
    /// too; messages list these five, as in version 1).
    pub const CLAUSE: [Kw; 5] = [Kw::Scan, Kw::Join, Kw::Let, Kw::Where, Kw::Emit];

    /// The keyword spelled by `word`, in any case (the spellings of [`Kw::as_str`]).
    pub fn from_word(word: &str) -> Option<Kw> {
        let mut upper = [0u8; 8];
        let upper = upper.get_mut(..word.len())?;
        upper.copy_from_slice(word.as_bytes());
        upper.make_ascii_uppercase();
        Some(match &*upper {
            b"REL" => Kw::Rel,
            b"FACT" => Kw::Fact,
            b"RULE" => Kw::Rule,
            b"SOLVE" => Kw::Solve,
            b"QUERY" => Kw::Query,
            b"CALC" => Kw::Calc,
            b"LET" => Kw::Let,
            b"RESULT" => Kw::Result,
            b"INPUT" => Kw::Input,
            b"IF" => Kw::If,
            b"THEN" => Kw::Then,
            b"ELSE" => Kw::Else,
            b"END" => Kw::End,
            b"FOR" => Kw::For,
            b"WHILE" => Kw::While,
            b"IN" => Kw::In,
            b"BREAK" => Kw::Break,
            b"CONTINUE" => Kw::Continue,
            b"SCAN" => Kw::Scan,
            b"JOIN" => Kw::Join,
            b"MATCH" => Kw::Match,
            b"EMIT" => Kw::Emit,
            b"WHERE" => Kw::Where,
            b"AND" => Kw::And,
            b"OR" => Kw::Or,
            b"NOT" => Kw::Not,
            b"MOD" => Kw::Mod,
            _ => return None,
        })
    }

    /// The keyword in upper case.
    pub fn as_str(self) -> &'static str {
        match self {
            Kw::Rel => "REL",
            Kw::Fact => "FACT",
            Kw::Rule => "RULE",
            Kw::Solve => "SOLVE",
            Kw::Query => "QUERY",
            Kw::Calc => "CALC",
            Kw::Let => "LET",
            Kw::Result => "RESULT",
            Kw::Input => "INPUT",
            Kw::If => "IF",
            Kw::Then => "THEN",
            Kw::Else => "ELSE",
            Kw::End => "END",
            Kw::For => "FOR",
            Kw::While => "WHILE",
            Kw::In => "IN",
            Kw::Break => "BREAK",
            Kw::Continue => "CONTINUE",
            Kw::Scan => "SCAN",
            Kw::Join => "JOIN",
            Kw::Match => "MATCH",
            Kw::Emit => "EMIT",
            Kw::Where => "WHERE",
            Kw::And => "AND",
            Kw::Or => "OR",
            Kw::Not => "NOT",
            Kw::Mod => "MOD",
        }
    }

    /// True for the words that start a rule clause: [`Kw::CLAUSE`] and NOT.
    pub fn is_clause(self) -> bool {
        self == Kw::Not || Kw::CLAUSE.contains(&self)
    }

    /// True for the statements that only exist at top level, which end an unclosed CALC.
    pub fn is_top_level_only(self) -> bool {
        matches!(
            self,
            Kw::Rel | Kw::Fact | Kw::Rule | Kw::Solve | Kw::Query | Kw::Calc
        )
    }
}

/// `kws` as "A, B or C".
pub(super) fn list(kws: &[Kw]) -> String {
    match kws {
        [] => String::new(),
        [one] => one.as_str().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(|k| k.as_str()).collect();
            format!("{} or {}", init.join(", "), last.as_str())
        }
    }
}

/// The keyword of `candidates` closest to `word`, if it is close enough to be a
/// likely misspelling (see [`crate::suggest::did_you_mean`]).
pub(super) fn did_you_mean(word: &str, candidates: &[Kw]) -> Option<Kw> {
    let best = crate::suggest::did_you_mean(word, candidates.iter().map(|k| k.as_str()))?;
    candidates.iter().copied().find(|k| k.as_str() == best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_match_in_any_case() {
        assert_eq!(Kw::from_word("rel"), Some(Kw::Rel));
        assert_eq!(Kw::from_word("Continue"), Some(Kw::Continue));
        assert_eq!(Kw::from_word("parent"), None);
        assert_eq!(Kw::from_word("continues"), None);
        for kw in Kw::ALL {
            assert_eq!(Kw::from_word(kw.as_str()), Some(kw));
            assert_eq!(Kw::from_word(&kw.as_str().to_lowercase()), Some(kw));
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(did_you_mean("FACTS", &Kw::TOP_LEVEL), Some(Kw::Fact));
        assert_eq!(did_you_mean("sovle", &Kw::TOP_LEVEL), Some(Kw::Solve));
        assert_eq!(did_you_mean("QUERRY", &Kw::TOP_LEVEL), Some(Kw::Query));
        assert_eq!(did_you_mean("hello", &Kw::TOP_LEVEL), None);
        assert_eq!(did_you_mean("x", &Kw::TOP_LEVEL), None);
        assert_eq!(list(&Kw::CLAUSE), "SCAN, JOIN, LET, WHERE or EMIT");
    }
}
