//! Run-time values (spec §2): Int, Float and interned Symbols, with the canonical
//! number form (§2.3) and the canonical value order (§2.5).

use std::cmp::Ordering;
use std::hash::{BuildHasher, Hasher};
use string_interner::{DefaultBackend, StringInterner, Symbol as _, symbol::SymbolU32};

/// An interned Symbol. Ids below [`Symbols::written`] are Symbols written in the
/// program text, numbered by first occurrence, so their id order is their canonical rank.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(pub u32);

/// A ByteLogic value. Floats are always finite and never integral within i64 range
/// (those are Ints, spec §2.3), so derived equality and hashing are value equality.
#[derive(Clone, Copy, Debug)]
pub enum Value {
    /// A 64-bit signed integer.
    Int(i64),
    /// A finite, canonical f64 (see [`Value::number`]).
    Float(f64),
    /// An interned Symbol (atom or string).
    Sym(Sym),
}

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Sym(a), Value::Sym(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Value {}

impl std::hash::Hash for Value {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        match self {
            Value::Int(i) => {
                state.write_u8(0);
                state.write_i64(*i);
            }
            Value::Float(f) => {
                state.write_u8(1);
                state.write_u64(f.to_bits());
            }
            Value::Sym(s) => {
                state.write_u8(2);
                state.write_u32(s.0);
            }
        }
    }
}

/// `text`'s bytes in slices of [`SLICE`] (the last one shorter).
fn slices(text: &str) -> std::slice::Chunks<'_, u8> {
    text.as_bytes().chunks(SLICE)
}

/// 2^63 as f64: the first float above the i64 range.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

impl Value {
    /// The canonical value of a computed f64 (spec §2.3): an integral value within i64
    /// becomes an Int; `None` for NaN or infinity (the caller reports E205).
    pub fn number(x: f64) -> Option<Value> {
        if !x.is_finite() {
            return None;
        }
        if x.fract() == 0.0 && (-TWO_POW_63..TWO_POW_63).contains(&x) {
            Some(Value::Int(x as i64))
        } else {
            Some(Value::Float(x))
        }
    }

    /// The value as f64 if it is a number.
    pub fn as_f64(self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(i as f64),
            Value::Float(f) => Some(f),
            Value::Sym(_) => None,
        }
    }

    /// True for Int and Float.
    pub fn is_number(self) -> bool {
        !matches!(self, Value::Sym(_))
    }

    /// Truth of a condition (spec §2.2): false only for Int 0.
    pub fn is_true(self) -> bool {
        !matches!(self, Value::Int(0))
    }

    /// Int 1 or 0.
    pub fn from_bool(b: bool) -> Value {
        Value::Int(b as i64)
    }
}

/// Exact comparison of two numbers, Int against Float included (no rounding through f64).
pub fn cmp_numbers(a: Value, b: Value) -> Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(&y),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        (Value::Int(x), Value::Float(y)) => cmp_int_float(x, y),
        (Value::Float(x), Value::Int(y)) => cmp_int_float(y, x).reverse(),
        _ => Ordering::Equal,
    }
}

fn cmp_int_float(i: i64, f: f64) -> Ordering {
    if f >= TWO_POW_63 {
        return Ordering::Less;
    }
    if f < -TWO_POW_63 {
        return Ordering::Greater;
    }
    // f is within [-2^63, 2^63): its integral part fits i64 exactly.
    let t = f.trunc();
    let ti = t as i64;
    match i.cmp(&ti) {
        Ordering::Equal => {
            let frac = f - t;
            if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        }
        other => other,
    }
}

/// The Symbol table: Symbols written in the program (interned first, in source
/// order) and Symbols made at run time (interned later).
///
/// A text made at run time that is longer than [`LARGE`] bytes (and than any text
/// interned) is kept whole in a table of its own, found by a hash that
/// [`Symbols::intern_made`] computes a slice at a time, reading the clock between
/// slices: a program that doubles a string to 512 MiB neither copies it into the
/// interner's buffer nor hashes it in one uninterruptible piece
/// (docs/decisions.md 108). Its ids have [`LARGE_ID`] set.
#[derive(Clone, Debug, Default)]
pub struct Symbols {
    interner: StringInterner<DefaultBackend>,
    written: u32,
    /// The longest text in the interner, in bytes.
    longest: usize,
    /// Large texts made at run time, by id less [`LARGE_ID`].
    large: Vec<Box<str>>,
    /// The large texts by hash.
    large_ids: hashbrown::HashMap<u64, Vec<u32>>,
    hasher: hashbrown::DefaultHashBuilder,
}

/// Texts made at run time longer than this many bytes are large (see [`Symbols`]).
pub const LARGE: usize = 64 << 10;
/// The bit set in the id of a large Symbol.
const LARGE_ID: u32 = 1 << 31;
/// Bytes of a large text hashed or compared between two calls of the caller's check.
const SLICE: usize = 1 << 20;

impl Symbols {
    /// An empty table.
    pub fn new() -> Symbols {
        Symbols::default()
    }

    /// An empty table with room for `symbols` Symbols of a few bytes each.
    pub fn with_capacity(symbols: usize) -> Symbols {
        Symbols {
            interner: StringInterner::with_capacity(symbols),
            ..Symbols::default()
        }
    }

    /// Interns `text`; while [`Symbols::seal_written`] has not been called, a new
    /// Symbol counts as written in the program text.
    pub fn intern(&mut self, text: &str) -> Sym {
        if let Some(sym) = self.get_large(text) {
            return sym;
        }
        self.longest = self.longest.max(text.len());
        Sym(self.interner.get_or_intern(text).to_usize() as u32)
    }

    /// Interns a text made at run time, and says whether it is new. A large one is
    /// hashed and compared a slice at a time, `check` running between slices; its
    /// error ends the interning.
    pub fn intern_made<E>(
        &mut self,
        text: String,
        mut check: impl FnMut() -> Result<(), E>,
    ) -> Result<(Sym, bool), E> {
        if text.len() <= LARGE || text.len() <= self.longest {
            let before = self.interner.len();
            let sym = self.intern(&text);
            return Ok((sym, self.interner.len() > before));
        }
        let mut hasher = self.hasher.build_hasher();
        for slice in slices(&text) {
            check()?;
            hasher.write(slice);
        }
        let hash = hasher.finish();
        for &id in self.large_ids.get(&hash).into_iter().flatten() {
            let other = self.large[id as usize].as_bytes();
            if other.len() != text.len() {
                continue;
            }
            let mut equal = true;
            for (a, b) in slices(&text).zip(other.chunks(SLICE)) {
                check()?;
                if a != b {
                    equal = false;
                    break;
                }
            }
            if equal {
                return Ok((Sym(LARGE_ID | id), false));
            }
        }
        let id = self.large.len() as u32;
        self.large.push(text.into_boxed_str());
        self.large_ids.entry(hash).or_default().push(id);
        Ok((Sym(LARGE_ID | id), true))
    }

    /// The large Symbol for `text`, if there is one (hashed in one piece).
    fn get_large(&self, text: &str) -> Option<Sym> {
        if text.len() <= LARGE || self.large.is_empty() {
            return None;
        }
        let mut hasher = self.hasher.build_hasher();
        slices(text).for_each(|slice| hasher.write(slice));
        let ids = self.large_ids.get(&hasher.finish())?;
        ids.iter()
            .find(|&&id| *self.large[id as usize] == *text)
            .map(|&id| Sym(LARGE_ID | id))
    }

    /// The Symbol for `text` if it is interned.
    pub fn get(&self, text: &str) -> Option<Sym> {
        self.get_large(text)
            .or_else(|| self.interner.get(text).map(|s| Sym(s.to_usize() as u32)))
    }

    /// Marks every Symbol interned so far as written in the program (spec §2.5).
    pub fn seal_written(&mut self) {
        self.written = self.interner.len() as u32;
    }

    /// How many Symbols are written in the program.
    pub fn written(&self) -> u32 {
        self.written
    }

    /// Number of Symbols in the interner: the ids `0..len` (large Symbols made at run
    /// time are not counted).
    pub fn len(&self) -> usize {
        self.interner.len()
    }

    /// True when nothing is interned.
    pub fn is_empty(&self) -> bool {
        self.interner.is_empty() && self.large.is_empty()
    }

    /// The text of a Symbol.
    pub fn resolve(&self, sym: Sym) -> &str {
        if sym.0 & LARGE_ID != 0 {
            return self
                .large
                .get((sym.0 & !LARGE_ID) as usize)
                .map_or("", |t| t);
        }
        SymbolU32::try_from_usize(sym.0 as usize)
            .and_then(|s| self.interner.resolve(s))
            .unwrap_or("")
    }

    /// Canonical order of two Symbols (spec §2.5): written ones by rank, then the rest by text.
    pub fn cmp_syms(&self, a: Sym, b: Sym) -> Ordering {
        let w = self.written;
        match (a.0 < w, b.0 < w) {
            (true, true) => a.0.cmp(&b.0),
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (false, false) => self.resolve(a).cmp(self.resolve(b)),
        }
    }

    /// Canonical value order (spec §2.5): numbers ascending, then Symbols.
    pub fn cmp_values(&self, a: Value, b: Value) -> Ordering {
        match (a, b) {
            (Value::Sym(x), Value::Sym(y)) => self.cmp_syms(x, y),
            (Value::Sym(_), _) => Ordering::Greater,
            (_, Value::Sym(_)) => Ordering::Less,
            _ => cmp_numbers(a, b),
        }
    }

    /// Canonical order of tuples: column by column, then the shorter first.
    pub fn cmp_tuples(
        &self,
        a: impl IntoIterator<Item = Value>,
        b: impl IntoIterator<Item = Value>,
    ) -> Ordering {
        let (mut a, mut b) = (a.into_iter(), b.into_iter());
        loop {
            match (a.next(), b.next()) {
                (Some(x), Some(y)) => match self.cmp_values(x, y) {
                    Ordering::Equal => continue,
                    other => return other,
                },
                (x, y) => return x.is_some().cmp(&y.is_some()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integral_floats_become_ints() {
        assert_eq!(Value::number(2.0), Some(Value::Int(2)));
        assert_eq!(Value::number(-0.0), Some(Value::Int(0)));
        assert_eq!(Value::number(3.5), Some(Value::Float(3.5)));
        assert_eq!(Value::number(1e20), Some(Value::Float(1e20)));
        assert_eq!(Value::number(-TWO_POW_63), Some(Value::Int(i64::MIN)));
        assert_eq!(Value::number(f64::NAN), None);
        assert_eq!(Value::number(f64::INFINITY), None);
    }

    #[test]
    fn int_float_comparison_is_exact() {
        assert_eq!(
            cmp_numbers(Value::Int(i64::MAX), Value::Float(TWO_POW_63)),
            Ordering::Less
        );
        assert_eq!(
            cmp_numbers(Value::Int(3), Value::Float(3.5)),
            Ordering::Less
        );
        assert_eq!(
            cmp_numbers(Value::Int(-3), Value::Float(-3.5)),
            Ordering::Greater
        );
        assert_eq!(
            cmp_numbers(Value::Float(2.5), Value::Int(2)),
            Ordering::Greater
        );
    }

    #[test]
    fn written_symbols_rank_by_first_occurrence() {
        let mut s = Symbols::new();
        let zed = s.intern("zed");
        let abe = s.intern("abe");
        s.seal_written();
        let made_b = s.intern("b");
        let made_a = s.intern("a");
        assert_eq!(s.cmp_syms(zed, abe), Ordering::Less);
        assert_eq!(s.cmp_syms(abe, made_a), Ordering::Less);
        assert_eq!(s.cmp_syms(made_a, made_b), Ordering::Less);
        assert_eq!(s.intern("zed"), zed);
    }

    #[test]
    fn large_texts_made_at_run_time_are_one_symbol_each() {
        let mut s = Symbols::new();
        let written = s.intern("a");
        s.seal_written();
        let big = "xy".repeat(LARGE);
        let checks = std::cell::Cell::new(0);
        let check = || -> Result<(), ()> {
            checks.set(checks.get() + 1);
            Ok(())
        };
        let (first, new) = s.intern_made(big.clone(), check).unwrap();
        assert!(new && checks.get() >= 1);
        assert_eq!(s.intern_made(big.clone(), check), Ok((first, false)));
        assert_eq!((s.get(&big), s.intern(&big)), (Some(first), first));
        assert_eq!(s.resolve(first), big);
        let (other, _) = s.intern_made(format!("{big}z"), check).unwrap();
        assert_ne!(other, first);
        assert_eq!(s.cmp_syms(written, first), Ordering::Less);
        assert_eq!(s.cmp_syms(first, other), Ordering::Less);
        assert_eq!(s.len(), 1);
        // The check's error stops the interning.
        assert_eq!(s.intern_made("w".repeat(LARGE + 1), || Err(7)), Err(7));
        // A small text goes to the interner, whatever the check.
        assert_eq!(
            s.intern_made("a".to_string(), || Err(7)),
            Ok((written, false))
        );
    }
}
