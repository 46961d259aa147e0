//! Counts, sums, means, minimums and maximums (spec §9.2): one aggregate over the facts
//! (stage 1); aggregates in rules — per-group totals, thresholds, the best of each
//! group, values above a mean, counts over a transitive closure (stage 2); CALCs that
//! guard a MEAN with a COUNT, shares of a total, levels given by a CALC (stage 3);
//! league tables, stock shortages and class reports (stage 4; stages 3 and 4 are in
//! `later`).

mod later;
mod table;

use super::super::problem::{Phrase, Problem, capitalize, name};
use super::super::rng::Rng;
use super::graph::{Graph, closure};
use super::{Category, Program, phrasing};
use table::{TABLES, Table};

/// The category.
pub const CATEGORY: Category = Category {
    name: "aggregates",
    about: "counts, sums, means, minimums and maximums of groups; guarded empty groups, shares, league tables",
    stages: &[1, 2, 3, 4],
    make,
};

fn make(rng: &mut Rng, stage: u8) -> Problem {
    let table = &TABLES[rng.below(TABLES.len())];
    match stage {
        1 => match rng.below(3) {
            0 => one_key(rng, table),
            1 => extreme(rng, table),
            _ => overall(rng, table),
        },
        2 => match rng.below(5) {
            0 => per_key(rng, table),
            1 => threshold(rng, table),
            2 => best_per_item(rng, table),
            3 => above_mean(rng, table),
            _ => reach_counts(rng),
        },
        3 => later::calc(rng, table),
        _ => later::multi_domain(rng, table),
    }
}

fn one_key(rng: &mut Rng, t: &Table) -> Problem {
    let data = t.draw(rng, 5, 6, false);
    let who = data.keys[0];
    let n = name(who);
    let mut p = t.program(&data, &[]);
    p.line("SOLVE");
    let (question, expr, step, phrase) = match rng.below(3) {
        0 => (
            phrasing(
                rng,
                &[
                    "How many {m} records does {n} have?",
                    "For how many {item}s is there a {m} record for {n}?",
                    "Count the {item}s that {n} has a {m} for.",
                ],
            ),
            format!("COUNT(QUERY {} {who} ? ?)", t.rel),
            "COUNT counts the tuples of the group.",
            format!("{n} has {{}} {} records.", t.measure),
        ),
        1 => (
            phrasing(
                rng,
                &[
                    "What is the total {m} of {n}?",
                    "Add up {n}'s {m} over all {item}s.",
                    "How much {m} does {n} have altogether?",
                ],
            ),
            format!("SUM(QUERY {} {who} ? ?)", t.rel),
            "SUM adds the value column, the column of the last `?`.",
            format!("{n}'s total {} is {}.", t.measure, t.amount),
        ),
        _ => (
            phrasing(
                rng,
                &[
                    "What is the average {m} of {n}, to one decimal place?",
                    "On average, what {m} does {n} have per {item} (rounded to one decimal)?",
                ],
            ),
            format!("ROUND(MEAN(QUERY {} {who} ? ?), 1)", t.rel),
            "MEAN divides the SUM by the COUNT; ROUND keeps one decimal.",
            format!("{n}'s average {} is {}.", t.measure, t.amount),
        ),
    };
    p.line(format!("RESULT {expr}"));
    Problem {
        question: t.words(question).replace("{n}", &n),
        steps: vec![
            format!(
                "Store each record as `{} {} {} value`.",
                t.rel, t.key, t.item
            ),
            format!("The group is {n}'s records: `QUERY {} {who} ? ?`.", t.rel),
            step.into(),
        ],
        program: p.text(),
        intro: "One aggregate over the group answers it:".into(),
        phrases: vec![Phrase::value(phrase)],
    }
}

fn extreme(rng: &mut Rng, t: &Table) -> Problem {
    let data = t.draw(rng, 6, 4, false);
    let item = data.rows[rng.below(data.rows.len())].1;
    let (agg, word) = if rng.chance(0.5) {
        ("MAX", "highest")
    } else {
        ("MIN", "lowest")
    };
    let mut p = t.program(&data, &[]);
    p.line("SOLVE")
        .line(format!("RESULT {agg}(QUERY {} ? {item} ?)", t.rel));
    let i = name(item);
    Problem {
        question: t
            .words(phrasing(
                rng,
                &[
                    "What is the {w} {m} {prep} {i}?",
                    "Of all the {m} records {prep} {i}, which value is the {w}?",
                    "Find the {w} {m} recorded {prep} {i}.",
                ],
            ))
            .replace("{w}", word)
            .replace("{i}", &i),
        steps: vec![
            format!(
                "Store each record as `{} {} {} value`.",
                t.rel, t.key, t.item
            ),
            format!(
                "The group is every record {} {item}: `QUERY {} ? {item} ?`.",
                t.prep, t.rel
            ),
            format!("{agg} reads the value column, the last `?`."),
        ],
        program: p.text(),
        intro: format!("{agg} over the group gives it:"),
        phrases: vec![Phrase::value(format!(
            "The {word} {} {} {i} is {}.",
            t.measure, t.prep, t.amount
        ))],
    }
}

fn overall(rng: &mut Rng, t: &Table) -> Problem {
    let data = t.draw(rng, 5, 5, false);
    let (agg, what) = match rng.below(3) {
        0 => ("SUM", "total"),
        1 => ("MAX", "largest"),
        _ => ("MIN", "smallest"),
    };
    let mut p = t.program(&data, &[]);
    p.line("SOLVE")
        .line(format!("RESULT COUNT(QUERY {} ? ? ?)", t.rel))
        .line(format!("RESULT {agg}(QUERY {} ? ? ?)", t.rel));
    Problem {
        question: t
            .words(phrasing(
                rng,
                &[
                    "How many {m} records are there, and what is the {w} {m} among them?",
                    "Across all {key}s and {item}s: how many records, and what is the {w} {m}?",
                ],
            ))
            .replace("{w}", what),
        steps: vec![
            format!("Store each record as a `{}` fact.", t.rel),
            "With `?` in every column the group is the whole relation.".into(),
            format!("COUNT counts the records; {agg} reads the last column."),
        ],
        program: p.text(),
        intro: "Two aggregates over the whole relation:".into(),
        phrases: vec![
            Phrase::value("There are {} records."),
            Phrase::value(format!("The {what} {} is {}.", t.measure, t.amount)),
        ],
    }
}

fn per_key(rng: &mut Rng, t: &Table) -> Problem {
    let idle = rng.chance(0.5);
    let data = t.draw(rng, 5, 5, idle);
    let (head, emit, question, step, phrase) = match rng.below(3) {
        0 => (
            "records",
            format!("LET $n = COUNT(QUERY {} $0 ? ?), EMIT records $0 $n", t.rel),
            "How many {m} records does each {key} have?",
            "COUNT of an empty group is 0, so every {key} gets a count.",
            "Records per {key}: {}.".to_string(),
        ),
        1 => (
            "total",
            format!("EMIT total $0 SUM(QUERY {} $0 ? ?)", t.rel),
            "What is the total {m} of each {key}?",
            "SUM of an empty group is 0, so every {key} gets a total.",
            format!(
                "Totals per {{key}} (in {}): {{}}.",
                t.amount.replace("{}", "").trim()
            ),
        ),
        _ => (
            "average",
            format!("EMIT average $0 ROUND(MEAN(QUERY {} $0 ? ?), 1)", t.rel),
            "What is each {key}'s average {m}, to one decimal? Leave out a {key} with no records.",
            "MEAN of an empty group has no value: the rule drops that {key}.",
            "Averages per {key}: {}.".to_string(),
        ),
    };
    let mut p = t.program(&data, &[t.key, head]);
    t.key_facts(&mut p, &data);
    p.line(format!("RULE {head}: SCAN {}, {emit}", t.key))
        .line("SOLVE")
        .line(format!("QUERY {head} ? ?"));
    Problem {
        question: t.words(question),
        steps: vec![
            format!(
                "List the {} in `{}` and the records in `{}`.",
                t.plural, t.key, t.rel
            ),
            format!(
                "A rule scans `{}` and aggregates each one's group `{} $0 ? ?`.",
                t.key, t.rel
            ),
            t.words(step),
        ],
        program: p.text(),
        intro: "An aggregate in a rule computes one value per group:".into(),
        phrases: vec![Phrase::list(
            t.words(&phrase),
            t.words("There are no {key}s."),
            true,
        )],
    }
}

fn threshold(rng: &mut Rng, t: &Table) -> Problem {
    let data = t.draw(rng, 6, 5, false);
    let by_count = rng.chance(0.4);
    let (cond, question) = if by_count {
        let n = rng.range(2, data.items.len() as i64);
        (
            format!("COUNT(QUERY {} $0 ? ?) >= {n}", t.rel),
            format!("Which {{key}}s have {{m}} records for at least {n} {{item}}s?"),
        )
    } else {
        let limit = rng.range(t.lo * 2, t.hi * 3);
        (
            format!("SUM(QUERY {} $0 ? ?) > {limit}", t.rel),
            format!(
                "Which {{key}}s have a total {{m}} above {}?",
                t.amount.replace("{}", &limit.to_string())
            ),
        )
    };
    let mut p = t.program(&data, &[t.key, "selected"]);
    t.key_facts(&mut p, &data);
    p.line(format!(
        "RULE selected: SCAN {}, WHERE {cond}, EMIT selected $0",
        t.key
    ))
    .line("SOLVE")
    .line("QUERY selected ?");
    Problem {
        question: t.words(&question),
        steps: vec![
            format!("List the {} and store the `{}` records.", t.plural, t.rel),
            "A WHERE compares each group's aggregate with the limit.".into(),
            "SOLVE, then query the selected ones.".into(),
        ],
        program: p.text(),
        intro: "A rule filters on an aggregate:".into(),
        phrases: vec![Phrase::list(
            "They are {}.",
            t.words("No {key} qualifies."),
            true,
        )],
    }
}

fn best_per_item(rng: &mut Rng, t: &Table) -> Problem {
    let data = t.draw(rng, 5, 5, false);
    let (agg, word) = if rng.chance(0.6) {
        ("MAX", "highest")
    } else {
        ("MIN", "lowest")
    };
    let mut p = t.program(&data, &["top"]);
    p.line(format!(
        "RULE top: SCAN {}, WHERE $2 == {agg}(QUERY {} ? $1 ?), EMIT top $1 $0",
        t.rel, t.rel
    ))
    .line("SOLVE")
    .line("QUERY top ? ?");
    Problem {
        question: t
            .words(phrasing(
                rng,
                &[
                    "For each {item}, which {key} has the {w} {m}?",
                    "Who holds the {w} {m} {prep} each {item}?",
                ],
            ))
            .replace("{w}", word),
        steps: vec![
            format!("Store the `{}` records.", t.rel),
            format!(
                "`{agg}(QUERY {} ? $1 ?)` is the {word} value of the record's {}.",
                t.rel, t.item
            ),
            "Keep the records equal to it (ties keep several).".into(),
        ],
        program: p.text(),
        intro: format!("A rule compares each record with its group's {agg}:"),
        phrases: vec![Phrase::list(
            t.words(&format!("The {word} per {{item}}: {{}}.")),
            "There are no records.",
            true,
        )],
    }
}

fn above_mean(rng: &mut Rng, t: &Table) -> Problem {
    let data = t.draw(rng, 6, 4, false);
    let item = data.rows[rng.below(data.rows.len())].1;
    let below = rng.chance(0.3);
    let (op, word) = if below {
        ("<", "below")
    } else {
        (">", "above")
    };
    let mut p = t.program(&data, &["picked"]);
    p.line(format!(
        "RULE picked: SCAN {}, WHERE $1 == {item}, WHERE $2 {op} MEAN(QUERY {} ? {item} ?), EMIT picked $0",
        t.rel, t.rel
    ))
    .line("SOLVE")
    .line("QUERY picked ?")
    .line(format!("RESULT ROUND(MEAN(QUERY {} ? {item} ?), 2)", t.rel));
    let i = name(item);
    Problem {
        question: t
            .words(phrasing(
                rng,
                &[
                    "Which {key}s are {w} the average {m} {prep} {i}, and what is that average?",
                    "What is the mean {m} {prep} {i}, and who is {w} it?",
                ],
            ))
            .replace("{w}", word)
            .replace("{i}", &i),
        steps: vec![
            format!("Store the `{}` records.", t.rel),
            format!(
                "A rule keeps the records {} {item} whose value is {word} `MEAN(QUERY {} ? {item} ?)`.",
                t.prep, t.rel
            ),
            "Report the mean too, rounded to two decimals.".into(),
        ],
        program: p.text(),
        intro: "A rule compares each value with the group's MEAN:".into(),
        phrases: vec![
            Phrase::list(
                format!("{} the average: {{}}.", capitalize(word)),
                format!("Nobody is {word} the average."),
                true,
            ),
            Phrase::value(format!(
                "The average {} {} {i} is {}.",
                t.measure, t.prep, t.amount
            )),
        ],
    }
}

fn reach_counts(rng: &mut Rng) -> Problem {
    let g = Graph::new(rng, 4..=8);
    let mut p = Program::default();
    p.rels(&["town", "road", "reach", "reachable"]);
    let towns: Vec<Vec<&str>> = g.nodes.iter().map(|n| vec![*n]).collect();
    p.facts("town", &towns);
    g.facts(&mut p, "road");
    closure(&mut p, "road");
    p.line("RULE reachable: SCAN town, EMIT reachable $0 COUNT(QUERY reach $0 ?)")
        .line("SOLVE")
        .line("QUERY reachable ? ?");
    Problem {
        question: phrasing(
            rng,
            &[
                "Along one-way roads, how many towns can each town reach?",
                "For every town, count the towns it can get to by road, with any number of legs.",
            ],
        )
        .to_string(),
        steps: vec![
            "Store the towns and the one-way roads.".into(),
            "reach is the transitive closure of road.".into(),
            "A rule counts each town's group `reach $0 ?` (0 when it reaches nothing).".into(),
        ],
        program: p.text(),
        intro: "COUNT over a recursive relation, once it is complete:".into(),
        phrases: vec![Phrase::list(
            "Towns reachable: {}.",
            "There are no towns.",
            true,
        )],
    }
}
