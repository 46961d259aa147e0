//! The measurements aggregate problems are drawn from: relations `rel key item value`
//! (scores per student and subject, rainfall per city and month, …) with the words for
//! them, and random records of one.

use super::super::super::rng::Rng;
use super::super::super::words::{EXPENSES, MONTHS, PEOPLE, PLACES, SUBJECTS, TASKS, WEEKDAYS};
use super::super::Program;

/// A relation of measurements `rel key item value` and the words for it.
pub(super) struct Table {
    /// The relation.
    pub(super) rel: &'static str,
    /// The first column's atoms, and the noun for one (also the unary relation that
    /// lists them).
    pub(super) keys: &'static [&'static str],
    pub(super) key: &'static str,
    /// The noun's plural.
    pub(super) plural: &'static str,
    /// The second column's atoms and the noun for one.
    pub(super) items: &'static [&'static str],
    pub(super) item: &'static str,
    /// The preposition before an item (`in math`, `on monday`).
    pub(super) prep: &'static str,
    /// What the value measures, and how an amount is written (`{}` the number).
    pub(super) measure: &'static str,
    pub(super) amount: &'static str,
    /// The range of the values.
    pub(super) lo: i64,
    pub(super) hi: i64,
}

/// The tables problems are drawn from.
pub(super) const TABLES: &[Table] = &[
    Table {
        rel: "score",
        keys: PEOPLE,
        key: "student",
        plural: "students",
        items: SUBJECTS,
        item: "subject",
        prep: "in",
        measure: "score",
        amount: "{} points",
        lo: 35,
        hi: 100,
    },
    Table {
        rel: "rainfall",
        keys: PLACES,
        key: "city",
        plural: "cities",
        items: MONTHS,
        item: "month",
        prep: "in",
        measure: "rainfall",
        amount: "{} mm",
        lo: 1,
        hi: 180,
    },
    Table {
        rel: "steps",
        keys: PEOPLE,
        key: "walker",
        plural: "walkers",
        items: WEEKDAYS,
        item: "day",
        prep: "on",
        measure: "step count",
        amount: "{} steps",
        lo: 1500,
        hi: 18000,
    },
    Table {
        rel: "spent",
        keys: PEOPLE,
        key: "traveller",
        plural: "travellers",
        items: EXPENSES,
        item: "expense",
        prep: "on",
        measure: "spending",
        amount: "${}",
        lo: 5,
        hi: 400,
    },
    Table {
        rel: "hours",
        keys: PEOPLE,
        key: "volunteer",
        plural: "volunteers",
        items: TASKS,
        item: "task",
        prep: "on",
        measure: "volunteer hours",
        amount: "{} hours",
        lo: 1,
        hi: 30,
    },
];

/// Rows drawn for a table: the keys and items used and the `(key, item, value)` facts.
/// Every key but (with `idle`) the last has at least one row.
pub(super) struct Data {
    /// The keys, in random order.
    pub(super) keys: Vec<&'static str>,
    /// The items, in random order.
    pub(super) items: Vec<&'static str>,
    /// The records.
    pub(super) rows: Vec<(&'static str, &'static str, i64)>,
}

impl Table {
    /// Draws up to `keys` keys and `items` items and their records; with `idle`
    /// the last key has none.
    pub(super) fn draw(&self, rng: &mut Rng, keys: usize, items: usize, idle: bool) -> Data {
        let keys = rng.sample_between(self.keys, 2..=keys);
        let items = rng.sample_between(self.items, 2..=items);
        let mut rows = Vec::new();
        let active = if idle { keys.len() - 1 } else { keys.len() };
        for (k, key) in keys.iter().enumerate().take(active) {
            let first = rng.below(items.len());
            for (i, item) in items.iter().enumerate() {
                if i == first || (k + i) % 4 != 3 && rng.chance(0.7) {
                    rows.push((*key, *item, rng.range(self.lo, self.hi)));
                }
            }
        }
        rng.shuffle(&mut rows);
        Data { keys, items, rows }
    }

    /// `REL` lines for the table and `extra`, then the table's facts.
    pub(super) fn program(&self, data: &Data, extra: &[&str]) -> Program {
        let mut p = Program::default();
        let mut rels = vec![self.rel];
        rels.extend_from_slice(extra);
        p.rels(&rels);
        let facts: Vec<Vec<String>> = data
            .rows
            .iter()
            .map(|(k, i, v)| vec![k.to_string(), i.to_string(), v.to_string()])
            .collect();
        p.facts(self.rel, &facts);
        p
    }

    /// `FACT key k` for each key, the unary relation that lists them.
    pub(super) fn key_facts(&self, p: &mut Program, data: &Data) {
        let keys: Vec<Vec<&str>> = data.keys.iter().map(|k| vec![*k]).collect();
        p.facts(self.key, &keys);
    }

    /// The text with `{m}`, `{key}s` (the plural), `{key}`, `{item}`, `{prep}` and `{rel}` filled in.
    pub(super) fn words(&self, text: &str) -> String {
        text.replace("{m}", self.measure)
            .replace("{key}s", self.plural)
            .replace("{key}", self.key)
            .replace("{item}", self.item)
            .replace("{prep}", self.prep)
            .replace("{rel}", self.rel)
    }
}
