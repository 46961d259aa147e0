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

    /// The keyword spelled by `word`, in any case: its upper-cased bytes, packed
    /// into a `u64` (no keyword is longer than 8 bytes), are looked up in a table
    /// without collisions, so a word costs one multiplication and one comparison.
    pub fn from_word(word: &str) -> Option<Kw> {
        if word.len() > 8 {
            return None;
        }
        let mut upper = [0u8; 8];
        for (u, &c) in upper.iter_mut().zip(word.as_bytes()) {
            *u = c;
        }
        upper.make_ascii_uppercase();
        let key = u64::from_le_bytes(upper);
        let table = &KEYWORD_TABLE;
        let i = usize::from(table.slots[slot(key, table.multiplier)]);
        let kw = *Kw::ALL.get(i)?;
        // A NUL byte would pad like the end of a shorter word: compare lengths too.
        (table.keys[i] == key && kw.as_str().len() == word.len()).then_some(kw)
    }

    /// The keyword in upper case.
    pub const fn as_str(self) -> &'static str {
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

    /// True for the keywords that start a top-level statement ([`Kw::TOP_LEVEL`]).
    pub fn starts_statement(self) -> bool {
        Kw::TOP_LEVEL.contains(&self)
    }

    /// True for the statements that only exist at top level, which end an unclosed CALC.
    pub fn is_top_level_only(self) -> bool {
        matches!(
            self,
            Kw::Rel | Kw::Fact | Kw::Rule | Kw::Solve | Kw::Query | Kw::Calc
        )
    }
}

/// The bytes of `text` (at most 8) as a `u64`, zero-padded.
const fn packed(text: &str) -> u64 {
    let text = text.as_bytes();
    let mut bytes = [0u8; 8];
    let mut i = 0;
    while i < text.len() {
        bytes[i] = text[i];
        i += 1;
    }
    u64::from_le_bytes(bytes)
}

/// Slots of [`KeywordTable`].
const SLOTS: usize = 128;

/// The slot of a packed word under `multiplier`: the top 7 bits of the product.
const fn slot(key: u64, multiplier: u64) -> usize {
    (key.wrapping_mul(multiplier) >> 57) as usize
}

/// The keywords packed (see [`Kw::from_word`]) and a table of them without
/// collisions.
struct KeywordTable {
    /// The packed spelling of each of [`Kw::ALL`].
    keys: [u64; Kw::ALL.len()],
    /// Under this multiplier, the keys fall in distinct slots.
    multiplier: u64,
    /// The index in [`Kw::ALL`] of the keyword in each slot (`u8::MAX` in empty ones).
    slots: [u8; SLOTS],
}

/// Built at compile time, trying pseudo-random odd multipliers until one has no
/// collision.
static KEYWORD_TABLE: KeywordTable = {
    let mut keys = [0u64; Kw::ALL.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = packed(Kw::ALL[i].as_str());
        i += 1;
    }
    let mut multiplier: u64 = 0x9E37_79B9_7F4A_7C15;
    loop {
        let mut slots = [u8::MAX; SLOTS];
        let mut i = 0;
        while i < keys.len() && slots[slot(keys[i], multiplier)] == u8::MAX {
            slots[slot(keys[i], multiplier)] = i as u8;
            i += 1;
        }
        if i == keys.len() {
            break KeywordTable {
                keys,
                multiplier,
                slots,
            };
        }
        // The next of a linear congruential sequence, kept odd.
        multiplier = multiplier
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407)
            | 1;
    }
};

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
        assert_eq!(Kw::from_word("rel\0"), None);
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
