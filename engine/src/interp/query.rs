//! QUERY and FOR-QUERY selection (spec §5.1, §6.2): the tuples equal to a pattern,
//! in canonical order (spec §2.5), and the query answer projected onto the `?` columns.

use super::bitmap::set_bits;
use super::clocked::{Clock, SORT_NANOS_PER_KEY, SORT_NANOS_PER_ROW, sort_by};
use super::relation::{Relation, RowId};
use super::rows::Row;
use super::{Env, Machine, Res, arith};
use crate::fault::Fault;
use crate::ir::Expr;
use crate::output::{QueryAnswer, Tuples};
use crate::value::{Sym, Symbols, Value};
use std::time::Duration;

impl Machine<'_> {
    /// Evaluates a pattern: `None` stays `?`, every other argument becomes its value.
    pub(super) fn eval_pattern(
        &mut self,
        rels: &[Relation],
        env: Env<'_>,
        pattern: &[Option<Expr>],
    ) -> Res<Vec<Option<Value>>> {
        pattern
            .iter()
            .map(|arg| arg.as_ref().map(|e| self.eval(rels, env, e)).transpose())
            .collect()
    }
}

/// True when `row` equals `pattern` in every non-`?` column.
fn matches(pattern: &[Option<Value>], row: Row<'_>) -> bool {
    pattern
        .iter()
        .zip(row.values())
        .all(|(want, have)| want.is_none_or(|w| arith::equal(w, have)))
}

/// The tuple of a pattern without `?` whose values are Ints and Symbols: one a
/// relation's dedup table can look up (docs/decisions.md 143). Equality of a Float is
/// numeric and Floats are canonical (spec §2.3), so no Float equals an Int either; a
/// pattern with a Float is matched row by row all the same.
fn ground(pattern: &[Option<Value>]) -> Option<Vec<Value>> {
    pattern
        .iter()
        .map(|v| v.filter(|v| !matches!(v, Value::Float(_))))
        .collect()
}

/// The ids of `rel`'s rows, each counted on `clock`: they end early when it stops.
fn ids<'a>(rel: &Relation, clock: &'a Clock<'_>) -> impl Iterator<Item = RowId> + Clone + 'a {
    (0..rel.len()).take_while(|_| clock.tick())
}

/// The ids of the rows of `rel` equal to `pattern` in every non-`?` column, sorted in
/// canonical tuple order, the work counted and its sort's time asked for on `clock`
/// (when it stops, some ids in some order).
pub(super) fn select(
    rel: &Relation,
    pattern: &[Option<Value>],
    symbols: &Symbols,
    clock: &Clock<'_>,
) -> Vec<RowId> {
    let ids = ids(rel, clock).filter(|&id| matches(pattern, rel.row(id)));
    if let Some(mut keyed) = ids
        .clone()
        .map(|id| Some((rank_key(rel.row(id), symbols.written())?, id)))
        .collect::<Option<Vec<_>>>()
    {
        sort_by(&mut keyed, Ord::cmp, SORT_NANOS_PER_KEY, clock);
        return keyed.into_iter().map(|(_, id)| id).collect();
    }
    let mut ids: Vec<RowId> = ids.collect();
    sort_by(
        &mut ids,
        |&a, &b| symbols.cmp_tuples(rel.row(a).values(), rel.row(b).values()),
        SORT_NANOS_PER_ROW,
        clock,
    );
    ids
}

/// Bounds of the Ints that have a [`rank`].
const RANKED_INTS: std::ops::Range<i64> = -(1 << 62)..(1 << 62);
/// How many times the sorted keys' buffer is shrunk while an answer is read from it.
const KEY_BUFFER_SHRINKS: usize = 16;
/// The bit that puts Symbols after every ranked Int.
const SYMBOL_RANKS: u64 = 1 << 63;

/// A value's place in canonical order (spec §2.5) as one integer, for the values that
/// have one without looking at other values: Ints within [`RANKED_INTS`] (in number
/// order, below 2^63) and Symbols written in the program (above, by rank). Floats,
/// huge Ints and run-time Symbols have none.
fn rank(v: Value, written: u32) -> Option<u64> {
    match v {
        Value::Int(i) if RANKED_INTS.contains(&i) => Some((i - RANKED_INTS.start) as u64),
        Value::Sym(s) if s.0 < written => Some(SYMBOL_RANKS | u64::from(s.0)),
        _ => None,
    }
}

/// The value of a [`rank`].
fn unrank(r: u64) -> Value {
    if r & SYMBOL_RANKS == 0 {
        Value::Int(r as i64 + RANKED_INTS.start)
    } else {
        Value::Sym(Sym((r & !SYMBOL_RANKS) as u32))
    }
}

/// A row of arity 1 or 2 as a key that sorts in canonical order (the second rank is
/// 0 for arity 1); `None` when the arity is larger or a value has no [`rank`].
fn rank_key(row: Row<'_>, written: u32) -> Option<(u64, u64)> {
    match row.len() {
        1 => Some((rank(row.get(0), written)?, 0)),
        2 => Some((rank(row.get(0), written)?, rank(row.get(1), written)?)),
        _ => None,
    }
}

/// How the rows of an answer pack into one `u64` each that sorts in canonical
/// order, when every value has a [`rank`]: each column's rank less the column's least
/// rank, the first column's shifted left past the second's (a 1-tuple is its first
/// column alone), when the second column's differences fit in 32 bits.
struct Packing {
    /// The least rank of each column.
    low: [u64; 2],
    /// How many distinct first-column offsets there can be: the first column's
    /// greatest rank less its least, plus one.
    span: u64,
    /// How many low bits hold the second column's offset (0 for 1-tuples).
    shift: u32,
}

impl Packing {
    /// The packing of `rows`, if they have one, and how many rows there are; `None`
    /// also when there are no rows.
    fn of<'r>(mut rows: impl Iterator<Item = Row<'r>>, written: u32) -> Option<(Packing, usize)> {
        let (mut low, mut high) = ([u64::MAX; 2], [0; 2]);
        let mut count = 0;
        rows.try_for_each(|row| {
            let (a, b) = rank_key(row, written)?;
            count += 1;
            for (col, rank) in [a, b].into_iter().enumerate() {
                low[col] = low[col].min(rank);
                high[col] = high[col].max(rank);
            }
            Some(())
        })?;
        if count == 0 {
            return None;
        }
        // 1-tuples have a second rank of 0 throughout, so no second column and no shift.
        let [first, second] = [0, 1].map(|col| high[col] - low[col]);
        let shift = u64::BITS - second.leading_zeros();
        let fits = shift == 0 || (first <= u64::from(u32::MAX) && shift <= 32);
        let packing = Packing {
            low,
            span: first.saturating_add(1),
            shift,
        };
        fits.then_some((packing, count))
    }

    /// The key of a row ([`Packing::of`] accepted it).
    fn pack(&self, row: Row<'_>, written: u32) -> u64 {
        let (a, b) = rank_key(row, written).unwrap_or_default();
        (a - self.low[0]) << self.shift | (b - self.low[1])
    }

    /// The row of a key (the second value is meaningless for 1-tuples).
    fn unpack(&self, key: u64) -> [Value; 2] {
        let second = key & ((1 << self.shift) - 1);
        [
            unrank((key >> self.shift) + self.low[0]),
            unrank(second + self.low[1]),
        ]
    }

    /// Whether a bitmap with one bit per possible key takes no more memory than the
    /// `count` keys themselves (64 bits each), so that setting bits and reading them
    /// back in order can stand in for sorting the keys.
    fn bitmap_fits(&self, count: usize) -> bool {
        self.span <= (count as u64).saturating_mul(u64::BITS.into()) >> self.shift
    }
}

/// The `open` columns of `rows`, in ascending order of their keys, read back from a
/// bitmap of the keys ([`Packing::bitmap_fits`]). Rows are distinct, so no key is
/// set twice.
fn by_bitmap<'r>(
    packing: &Packing,
    rows: impl Iterator<Item = Row<'r>>,
    (count, open): (usize, &[usize]),
    written: u32,
    clock: &Clock<'_>,
) -> Vec<Value> {
    let bits = packing.span << packing.shift;
    let mut words = vec![0u64; bits.div_ceil(64) as usize];
    for row in rows {
        let key = packing.pack(row, written);
        words[(key / 64) as usize] |= 1 << (key % 64);
    }
    let mut values = Vec::with_capacity(count * open.len());
    for key in set_bits(&words).take_while(|_| clock.tick()) {
        let row = packing.unpack(key);
        values.extend(open.iter().map(|&c| row[c]));
    }
    values
}

/// The `open` columns of the rows whose keys are `keys`, in ascending order: the keys
/// are sorted descending (with time for it: `clock`), then taken from the back while
/// their buffer shrinks as the answer grows, so a large answer never needs both whole.
fn drain<K: Copy + Ord>(
    mut keys: Vec<K>,
    open: &[usize],
    unpack: impl Fn(K) -> [Value; 2],
    clock: &Clock<'_>,
) -> Vec<Value> {
    if !sort_by(&mut keys, |a, b| b.cmp(a), SORT_NANOS_PER_KEY, clock) {
        return Vec::new();
    }
    let mut values = Vec::with_capacity(keys.len() * open.len());
    let shrink_every = (keys.len() / KEY_BUFFER_SHRINKS).max(1);
    while let Some(key) = keys.pop().filter(|_| clock.tick()) {
        let row = unpack(key);
        for &c in open {
            values.push(row[c]);
        }
        if keys.len().is_multiple_of(shrink_every) {
            keys.shrink_to_fit();
        }
    }
    values
}

/// The rows of `rel` equal to `pattern`, in canonical order, with `open` the
/// positions of its `?` columns: the `?` columns' values, row after row, the work
/// counted on `clock` (when it stops, some values).
fn selected_values(
    rel: &Relation,
    pattern: &[Option<Value>],
    open: &[usize],
    symbols: &Symbols,
    clock: &Clock<'_>,
) -> Vec<Value> {
    let all = pattern.iter().all(Option::is_none);
    let rows = ids(rel, clock)
        .map(|id| rel.row(id))
        .filter(|&row| all || matches(pattern, row));
    let written = symbols.written();
    // The common cases: sort the rows' keys and read the values back from them,
    // with no row ids and no second pass over the rows in random order.
    if let Some((packing, count)) = Packing::of(rows.clone(), written) {
        if packing.bitmap_fits(count) {
            return by_bitmap(&packing, rows, (count, open), written, clock);
        }
        let mut keys = Vec::with_capacity(count);
        for row in rows {
            keys.push(packing.pack(row, written));
        }
        return drain(keys, open, |key| packing.unpack(key), clock);
    }
    if let Some(keys) = rows
        .clone()
        .map(|row| rank_key(row, written))
        .collect::<Option<Vec<_>>>()
    {
        return drain(keys, open, |(a, b)| [unrank(a), unrank(b)], clock);
    }
    let ids = select(rel, pattern, symbols, clock);
    let mut values = Vec::with_capacity(ids.len() * open.len());
    for id in ids {
        let row = rel.row(id);
        values.extend(open.iter().map(|&c| row.get(c)));
    }
    values
}

/// The answer of `QUERY rel pattern`: truth without `?`, values with one, tuples with
/// more. The selection reads the clock `read` as it goes and the sort asks it for its
/// time first: E404 (its fault) when it stops them (docs/decisions.md 243).
#[inline(never)]
pub(super) fn answer(
    rel: &Relation,
    pattern: &[Option<Value>],
    symbols: &Symbols,
    read: &dyn Fn(Duration) -> Result<(), Fault>,
) -> Result<QueryAnswer, Fault> {
    let clock = Clock::new(read);
    let open: Vec<usize> = (0..pattern.len())
        .filter(|&i| pattern[i].is_none())
        .collect();
    if open.is_empty() {
        let found = ground(pattern)
            .and_then(|tuple| rel.contains(&tuple))
            .unwrap_or_else(|| ids(rel, &clock).any(|id| matches(pattern, rel.row(id))));
        clock.result()?;
        return Ok(QueryAnswer::Truth(found));
    }
    let values = selected_values(rel, pattern, &open, symbols, &clock);
    clock.result()?;
    Ok(match open.len() {
        1 => QueryAnswer::Values(values),
        width => QueryAnswer::Tuples(Tuples::from_values(width, values)),
    })
}
