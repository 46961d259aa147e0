//! Hashing of tuples and index keys: one multiply-and-rotate per value (in the
//! manner of FxHash) and a final folded multiply so the high bits hashbrown uses
//! for its control bytes are well mixed. Much cheaper than a `Hasher` per value.

use super::rows::Row;
use crate::value::Value;

const SEED: u64 = 0x243F_6A88_85A3_08D3;
const K: u64 = 0x5851_F42D_4C95_7F2D;
/// Tags keep an Int, a Float and a Symbol with the same bits apart (equality is
/// still checked, so a collision costs time only).
const FLOAT_TAG: u64 = 0x9E37_79B9_7F4A_7C15;
const SYM_TAG: u64 = 0xC2B2_AE3D_27D4_EB4F;

#[inline]
fn word(v: Value) -> u64 {
    match v {
        Value::Int(i) => i as u64,
        Value::Float(f) => f.to_bits() ^ FLOAT_TAG,
        Value::Sym(s) => u64::from(s.0) ^ SYM_TAG,
    }
}

#[inline]
fn fold(h: u64) -> u64 {
    let full = u128::from(h) * u128::from(K);
    (full as u64) ^ ((full >> 64) as u64)
}

/// The hash of a sequence of values.
#[inline]
pub(super) fn hash_values(values: impl Iterator<Item = Value>) -> u64 {
    fold(values.fold(SEED, |h, v| (h.rotate_left(23) ^ word(v)).wrapping_mul(K)))
}

/// The hash of a whole tuple.
#[inline]
pub(super) fn hash_row(row: &[Value]) -> u64 {
    hash_values(row.iter().copied())
}

/// The hash of the `columns` of `row` (an index key); equal to [`hash_row`] of the
/// key's values.
#[inline]
pub(super) fn hash_columns(row: Row<'_>, columns: &[usize]) -> u64 {
    hash_values(columns.iter().map(|&c| row.get(c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Sym;

    #[test]
    fn key_hash_equals_row_hash_of_the_key() {
        let row = [Value::Int(3), Value::Sym(Sym(1)), Value::Float(0.5)];
        assert_eq!(
            hash_columns(Row::Values(&row), &[2, 0]),
            hash_row(&[row[2], row[0]])
        );
        let ints = [7, -1];
        assert_eq!(
            hash_columns(Row::Ints(&ints), &[1, 0]),
            hash_row(&[Value::Int(-1), Value::Int(7)])
        );
        assert_ne!(hash_row(&[Value::Int(1)]), hash_row(&[Value::Sym(Sym(1))]));
        assert_ne!(
            hash_row(&[Value::Int(1), Value::Int(2)]),
            hash_row(&[Value::Int(2), Value::Int(1)])
        );
    }
}
