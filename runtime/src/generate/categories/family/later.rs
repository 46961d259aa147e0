//! Family problems of stages 3 and 4: birth years read by CALCs and filtered by
//! rules, inheritance shares, grandchildren by city.

use super::super::super::problem::{Phrase, Problem, name};
use super::super::super::rng::Rng;
use super::super::super::words::PLACES;
use super::super::{Program, phrasing};
use super::{Tree, ancestor_program, base};

/// Birth years for everyone in `tree`, 20–40 years after their parent's.
fn birth_years(rng: &mut Rng, tree: &Tree) -> Vec<(&'static str, i64)> {
    let mut years: Vec<(&'static str, i64)> = Vec::new();
    for (i, &person) in tree.people.iter().enumerate() {
        let year = match tree.edges.iter().find(|(_, c)| *c == person) {
            Some((parent, _)) => {
                years
                    .iter()
                    .find(|(p, _)| p == parent)
                    .map_or(1950, |(_, y)| *y)
                    + rng.range(20, 40)
            }
            None => rng.range(1920, 1960) + i as i64,
        };
        years.push((person, year));
    }
    years
}

fn born_facts(p: &mut Program, years: &[(&str, i64)]) {
    let tuples: Vec<Vec<String>> = years
        .iter()
        .map(|(n, y)| vec![n.to_string(), y.to_string()])
        .collect();
    p.facts("born", &tuples);
}

pub(super) fn age_gap(rng: &mut Rng) -> Problem {
    let tree = Tree::new(rng, 3, 4..=8);
    let years = birth_years(rng, &tree);
    let (a, b) = (tree.edges[0].0, tree.edges[0].1);
    let mut p = base(&tree, &["parent", "born"]);
    born_facts(&mut p, &years);
    p.line("CALC age_gap")
        .line("INPUT $older $younger")
        .line("LET $from = 0")
        .line("LET $to = 0")
        .line("FOR r IN (QUERY born $older ?)")
        .line("  LET $from = r.b")
        .line("END")
        .line("FOR r IN (QUERY born $younger ?)")
        .line("  LET $to = r.b")
        .line("END")
        .line("RESULT $to - $from")
        .line("END")
        .line(format!("RESULT CALC age_gap({a}, {b})"));
    let (na, nb) = (name(a), name(b));
    Problem {
        question: phrasing(
            rng,
            &[
                "How old was {a} when {b} was born?",
                "How many years older is {a} than {b}?",
                "What is the age gap between {a} and {b}?",
            ],
        )
        .replace("{a}", &na)
        .replace("{b}", &nb),
        steps: vec![
            "Store birth years as `born` facts.".into(),
            "A CALC reads both years with FOR … IN (QUERY born …) and subtracts them.".into(),
        ],
        program: p.text(),
        intro: "I'll look up both birth years in a CALC:".into(),
        phrases: vec![Phrase::value(format!(
            "{na} is {{}} years older than {nb}."
        ))],
    }
}

pub(super) fn born_after(rng: &mut Rng) -> Problem {
    let tree = Tree::new(rng, 4, 6..=11);
    let years = birth_years(rng, &tree);
    let x = tree.people[0];
    let cutoff = rng.range(1960, 2020);
    let mut p = ancestor_program(&tree, &["born", "later"]);
    born_facts(&mut p, &years);
    p.line(format!(
        "RULE later: SCAN ancestor, JOIN born $1, WHERE $2 > {cutoff}, EMIT later $0 $1"
    ))
    .line("SOLVE")
    .line(format!("QUERY later {x} ?"));
    let n = name(x);
    Problem {
        question: phrasing(
            rng,
            &[
                "Which descendants of {n} were born after {y}?",
                "Who among {n}'s descendants was born later than {y}?",
            ],
        )
        .replace("{n}", &n)
        .replace("{y}", &cutoff.to_string()),
        steps: vec![
            "Derive ancestor as the transitive closure of parent.".into(),
            format!(
                "Join each descendant with its birth year and keep those after {cutoff} with WHERE."
            ),
            format!("SOLVE, then query `later {x} ?`."),
        ],
        program: p.text(),
        intro: "A rule filters the descendants by birth year:".into(),
        phrases: vec![Phrase::list(
            format!("{n}'s descendants born after {cutoff} are {{}}."),
            format!("None of {n}'s descendants was born after {cutoff}."),
            true,
        )],
    }
}

pub(super) fn inheritance(rng: &mut Rng) -> Problem {
    let tree = Tree::new(rng, 3, 4..=9);
    let x = tree
        .people
        .iter()
        .copied()
        .find(|p| tree.has_children(p))
        .unwrap_or(tree.people[0]);
    let estate = rng.range(20, 900) * 1000 + rng.range(0, 9) * 250;
    let mut p = base(&tree, &["parent"]);
    p.line("CALC share")
        .line("INPUT $person $estate")
        .line("LET $heirs = 0")
        .line("FOR c IN (QUERY parent $person ?)")
        .line("  LET $heirs = $heirs + 1")
        .line("END")
        .line("IF $heirs == 0 THEN")
        .line("  RESULT 0")
        .line("END")
        .line("RESULT ROUND($estate / $heirs, 2)")
        .line("END")
        .line(format!("RESULT CALC share(\"{x}\", {estate})"));
    let n = name(x);
    Problem {
        question: phrasing(rng, &["{n} leaves an estate of {e} to be split equally among {n}'s children. How much does each child get?", "If {n}'s {e} is divided evenly between {n}'s children, what is each share?"])
            .replace("{n}", &n)
            .replace("{e}", &estate.to_string()),
        steps: vec![
            "Store the family as parent facts.".into(),
            format!("Count {n}'s children with a FOR loop over `QUERY parent $person ?`."),
            "Divide the estate by that count, rounded to cents.".into(),
        ],
        program: p.text(),
        intro: "A CALC counts the heirs and divides the estate:".into(),
        phrases: vec![Phrase::value("Each child receives {}.")],
    }
}

pub(super) fn grandchildren_in(rng: &mut Rng) -> Problem {
    let tree = Tree::new(rng, 3, 6..=12);
    let cities = rng.sample(PLACES, 3);
    let x = tree.people[0];
    let city = cities[rng.below(3)];
    let mut p = base(&tree, &["parent", "lives", "grandchild_in"]);
    let lives: Vec<Vec<&str>> = tree
        .people
        .iter()
        .map(|q| vec![*q, cities[rng.below(3)]])
        .collect();
    p.facts("lives", &lives)
        .line("RULE grandchild_in: SCAN parent MATCH $0, JOIN parent $0, JOIN lives $2, EMIT grandchild_in $1 $2 $3")
        .line("SOLVE")
        .line(format!("QUERY grandchild_in {x} ? {city}"));
    let (n, c) = (name(x), name(city));
    Problem {
        question: phrasing(rng, &["Which of {n}'s grandchildren live in {c}?", "{n} is visiting {c}. Which grandchildren live there?"])
            .replace("{n}", &n)
            .replace("{c}", &c),
        steps: vec![
            "Store the family (parent) and where everyone lives (lives).".into(),
            "Key-first SCAN parent MATCH $0 with JOIN parent $0 reaches the grandchildren; JOIN lives adds their city.".into(),
            format!("SOLVE, then query `grandchild_in {x} ? {city}`."),
        ],
        program: p.text(),
        intro: "One rule joins the family with where people live:".into(),
        phrases: vec![Phrase::list(format!("{n}'s grandchildren in {c} are {{}}."), format!("None of {n}'s grandchildren lives in {c}."), true)],
    }
}
