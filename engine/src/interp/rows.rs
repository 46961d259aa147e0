//! The rows of a tuple set, stored flat, row after row: as bare `i64`s while every
//! value stored is an Int (8 bytes a value, the common case for graph-shaped data),
//! as [`Value`]s (16 bytes) from the first row holding anything else on.

use crate::value::Value;

/// Flat row storage of one arity (the arity is the caller's).
#[derive(Debug)]
pub(super) enum Rows {
    /// Every value is an Int.
    Ints(Vec<i64>),
    /// Any values.
    Values(Vec<Value>),
}

impl Default for Rows {
    fn default() -> Rows {
        Rows::Ints(Vec::new())
    }
}

/// A borrowed row of a [`Rows`].
#[derive(Clone, Copy, Debug)]
pub(super) enum Row<'a> {
    /// A row of Ints.
    Ints(&'a [i64]),
    /// A row of any values.
    Values(&'a [Value]),
}

impl<'a> Row<'a> {
    /// The value in column `col`.
    #[inline]
    pub(super) fn get(self, col: usize) -> Value {
        match self {
            Row::Ints(row) => Value::Int(row[col]),
            Row::Values(row) => row[col],
        }
    }

    /// The number of columns.
    pub(super) fn len(self) -> usize {
        match self {
            Row::Ints(row) => row.len(),
            Row::Values(row) => row.len(),
        }
    }

    /// The values, in column order.
    pub(super) fn values(self) -> impl Iterator<Item = Value> + 'a {
        (0..self.len()).map(move |col| self.get(col))
    }

    /// True when the row holds exactly `values`.
    #[inline]
    pub(super) fn equals(self, values: &[Value]) -> bool {
        match self {
            Row::Ints(row) => row
                .iter()
                .zip(values)
                .all(|(&i, v)| matches!(v, Value::Int(x) if *x == i)),
            Row::Values(row) => row == values,
        }
    }
}

impl Rows {
    /// Row `id` of the rows of `arity`.
    #[inline]
    pub(super) fn row(&self, arity: usize, id: u32) -> Row<'_> {
        let start = id as usize * arity;
        match self {
            Rows::Ints(ints) => Row::Ints(&ints[start..start + arity]),
            Rows::Values(values) => Row::Values(&values[start..start + arity]),
        }
    }

    /// Every value, flat, when all are Ints.
    pub(super) fn ints(&self) -> Option<&[i64]> {
        match self {
            Rows::Ints(ints) => Some(ints),
            Rows::Values(_) => None,
        }
    }

    /// Reads the first value of row `id` of the rows of `arity` (at least 1) and
    /// does nothing with it: a prefetch.
    pub(super) fn touch(&self, arity: usize, id: u32) {
        let start = id as usize * arity;
        match self {
            Rows::Ints(ints) => {
                std::hint::black_box(ints[start]);
            }
            Rows::Values(values) => {
                std::hint::black_box(values[start]);
            }
        }
    }

    /// Makes room for `values` more values.
    pub(super) fn reserve(&mut self, values: usize) {
        match self {
            Rows::Ints(ints) => ints.reserve(values),
            Rows::Values(all) => all.reserve(values),
        }
    }

    /// Appends a row, first storing every row as [`Value`]s if it holds a non-Int.
    #[inline]
    pub(super) fn push(&mut self, row: &[Value]) {
        // The common rows first: one or two Ints.
        match (&mut *self, row) {
            (Rows::Ints(ints), &[Value::Int(a)]) => ints.push(a),
            (Rows::Ints(ints), &[Value::Int(a), Value::Int(b)]) => {
                ints.extend_from_slice(&[a, b]);
            }
            _ => self.push_any(row),
        }
    }

    /// Appends a row of Ints.
    #[inline]
    pub(super) fn push_ints(&mut self, row: &[i64]) {
        match self {
            Rows::Ints(ints) => ints.extend_from_slice(row),
            Rows::Values(values) => values.extend(row.iter().map(|&i| Value::Int(i))),
        }
    }

    /// [`Rows::push`] of a row of another arity or with a non-Int.
    #[inline(never)]
    fn push_any(&mut self, row: &[Value]) {
        if let Rows::Ints(ints) = self {
            let start = ints.len();
            ints.reserve(row.len());
            for v in row {
                let Value::Int(i) = *v else {
                    ints.truncate(start);
                    let mut values: Vec<Value> = ints.iter().map(|&i| Value::Int(i)).collect();
                    values.extend_from_slice(row);
                    *self = Rows::Values(values);
                    return;
                };
                ints.push(i);
            }
        } else if let Rows::Values(values) = self {
            values.extend_from_slice(row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Sym;

    #[test]
    fn widens_when_a_non_int_arrives() {
        let mut rows = Rows::default();
        rows.push(&[Value::Int(1), Value::Int(2)]);
        assert!(matches!(rows, Rows::Ints(_)));
        assert!(rows.row(2, 0).equals(&[Value::Int(1), Value::Int(2)]));
        assert!(!rows.row(2, 0).equals(&[Value::Int(1), Value::Float(2.5)]));
        rows.push(&[Value::Sym(Sym(3)), Value::Float(0.5)]);
        assert!(matches!(rows, Rows::Values(_)));
        assert_eq!(rows.row(2, 0).get(1), Value::Int(2));
        assert_eq!(rows.row(2, 1).get(0), Value::Sym(Sym(3)));
        assert_eq!(
            rows.row(2, 1).values().collect::<Vec<_>>(),
            [Value::Sym(Sym(3)), Value::Float(0.5)]
        );
    }
}
