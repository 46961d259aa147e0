//! Values and names: Ints (negative and extreme ones too), Floats, atoms and
//! strings, drawn from small pools so that joins and queries meet equal values.

use crate::dice::Dice;
use crate::model::{Kind, Lit};

/// Relation names; a few differ only in case (names are case-sensitive, spec §1.4).
const REL_NAMES: [&str; 8] = ["edge", "path", "parent", "r", "Edge", "likes", "n_2", "_t"];

/// Atoms, including words that are keywords elsewhere (an atom in a FACT, spec §1.4).
const ATOMS: [&str; 8] = ["a", "b", "alice", "bob", "Alice", "end", "Rel", "x_1"];

/// Atoms that are safe in every place, including expressions and EMIT arguments.
const PLAIN_ATOMS: [&str; 5] = ["a", "b", "alice", "bob", "x_1"];

/// String contents: escapes, spaces, non-ASCII, a keyword, text equal to an atom.
const STRINGS: [&str; 8] = [
    "a",
    "bob",
    "",
    "x y",
    "say \"hi\"",
    "tab\there",
    "ünï ✓",
    "end",
];

/// Small Ints, then extremes.
const INTS: [i64; 10] = [0, 1, 2, 3, -1, -7, 42, 1_000_000, i64::MAX, i64::MIN];

/// Floats: fractional, integral (canonically Ints), tiny, huge.
const FLOATS: [f64; 8] = [1.5, -2.25, 0.1, 2.0, 1e-7, 1e300, -0.0, 5e-324];

/// The name of relation `i`: from the pool, numbered once the pool is used up.
pub fn rel_name(i: usize) -> String {
    match REL_NAMES.get(i) {
        Some(name) => name.to_string(),
        None => format!("rel{i}"),
    }
}

/// A column kind.
pub fn kind(d: &mut Dice) -> Kind {
    d.pick(&[Kind::Int, Kind::Sym, Kind::Num])
}

/// A literal of `kind`; `anywhere` keeps to values that may stand in any place
/// (no keyword atoms, no i64::MIN, no negative zero), else FACT and QUERY values.
pub fn lit(d: &mut Dice, kind: Kind, anywhere: bool) -> Lit {
    match kind {
        Kind::Int => {
            // Mostly the first five, so that equal values meet.
            let n = if d.chance(85) {
                INTS[d.below(5)]
            } else {
                d.pick(&INTS)
            };
            Lit::Int(if anywhere && n == i64::MIN { -9 } else { n })
        }
        Kind::Num => {
            if d.chance(40) {
                return Lit::Int(INTS[d.below(4)]);
            }
            let f = d.pick(&FLOATS);
            Lit::Float(if anywhere && f == 0.0 { 0.5 } else { f })
        }
        Kind::Sym => {
            if d.chance(30) {
                let text = d.pick(&STRINGS);
                return Lit::Sym {
                    text: text.to_string(),
                    quoted: true,
                };
            }
            let text = if anywhere {
                d.pick(&PLAIN_ATOMS)
            } else {
                d.pick(&ATOMS)
            };
            Lit::Sym {
                text: text.to_string(),
                quoted: false,
            }
        }
    }
}
