//! Aggregates with CALC (stage 3): a CALC that checks a group's COUNT before its MEAN,
//! MAX or spread (spec §9.2: those have no value for an empty group), each group's
//! share of the total, a level a CALC gives each group; and multi-domain problems
//! (stage 4): a league table, stock shortages, a class report.

use super::super::super::problem::{Phrase, Problem, name};
use super::super::super::rng::Rng;
use super::super::super::words::{ITEMS, PEOPLE, PLACES};
use super::super::{Program, phrasing};
use super::table::Table;

pub(super) fn calc(rng: &mut Rng, t: &Table) -> Problem {
    match rng.below(3) {
        0 => guarded(rng, t),
        1 => shares(rng, t),
        _ => levels(rng, t),
    }
}

pub(super) fn multi_domain(rng: &mut Rng, t: &Table) -> Problem {
    match rng.below(3) {
        0 => league(rng),
        1 => shortage(rng),
        _ => report(rng, t),
    }
}

/// A CALC asked about one key, which has no records a third of the time: the COUNT
/// guard answers 0 where MEAN, MAX or MAX - MIN would be E209.
fn guarded(rng: &mut Rng, t: &Table) -> Problem {
    let idle = rng.chance(0.35);
    let data = t.draw(rng, 5, 5, idle);
    let who = if idle {
        data.keys[data.keys.len() - 1]
    } else {
        data.keys[rng.below(data.keys.len() - 1)]
    };
    let (calc, expr, what, question) = match rng.below(3) {
        0 => (
            "average",
            format!("ROUND(MEAN(QUERY {} $who ? ?), 1)", t.rel),
            "average {m}",
            "What is {n}'s average {m} (to one decimal), or 0 if {n} has no records?",
        ),
        1 => (
            "best",
            format!("MAX(QUERY {} $who ? ?)", t.rel),
            "highest {m}",
            "What is {n}'s highest {m}? Answer 0 when there is no record.",
        ),
        _ => (
            "spread",
            format!(
                "MAX(QUERY {r} $who ? ?) - MIN(QUERY {r} $who ? ?)",
                r = t.rel
            ),
            "spread of {m} (highest minus lowest)",
            "How far apart are {n}'s highest and lowest {m}? Say 0 if there are no records.",
        ),
    };
    let mut p = t.program(&data, &[]);
    p.line("SOLVE")
        .line(format!("CALC {calc}"))
        .line("INPUT $who")
        .line(format!("IF COUNT(QUERY {} $who ? ?) == 0 THEN", t.rel))
        .line("  RESULT 0")
        .line("END")
        .line(format!("RESULT {expr}"))
        .line("END")
        .line(format!("RESULT COUNT(QUERY {} {who} ? ?)", t.rel))
        .line(format!("RESULT CALC {calc}(\"{who}\")"));
    let n = name(who);
    Problem {
        question: t.words(question).replace("{n}", &n),
        steps: vec![
            format!("Store the `{}` records.", t.rel),
            format!(
                "MEAN, MIN and MAX have no value for an empty group, so the CALC checks `COUNT(QUERY {} $who ? ?)` first.",
                t.rel
            ),
            "Report the number of records too.".into(),
        ],
        program: p.text(),
        intro: "A CALC guards the aggregate with a COUNT:".into(),
        phrases: vec![
            Phrase::value(format!("{n} has {{}} {} records.", t.measure)),
            Phrase::value(format!(
                "{n}'s {} is {{}} (0 when there are none).",
                t.words(what)
            )),
        ],
    }
}

fn shares(rng: &mut Rng, t: &Table) -> Problem {
    let idle = rng.chance(0.3);
    let data = t.draw(rng, 5, 5, idle);
    let mut p = t.program(&data, &[t.key, "total", "share"]);
    t.key_facts(&mut p, &data);
    p.line(format!(
        "RULE total: SCAN {}, EMIT total $0 SUM(QUERY {} $0 ? ?)",
        t.key, t.rel
    ))
    .line("RULE share: SCAN total, EMIT share $0 ROUND($1 * 100 / SUM(QUERY total ? ?), 1)")
    .line("SOLVE")
    .line("QUERY share ? ?")
    .line("RESULT SUM(QUERY total ? ?)");
    Problem {
        question: t.words(phrasing(
            rng,
            &[
                "What percentage of all the {m} does each {key} account for, and what is the grand total?",
                "Split the total {m} by {key}: what share (in percent, one decimal) is each one's, and what is the total?",
            ],
        )),
        steps: vec![
            format!("A rule sums each {}'s records (0 for none).", t.key),
            "A second rule divides each total by `SUM(QUERY total ? ?)`, the grand total.".into(),
            "SOLVE runs the totals before the shares that read all of them.".into(),
        ],
        program: p.text(),
        intro: "Two strata: the totals first, then the shares:".into(),
        phrases: vec![
            Phrase::list(
                t.words("Shares in percent per {key}: {}."),
                t.words("There are no {key}s."),
                true,
            ),
            Phrase::value(format!("The grand total is {}.", t.amount)),
        ],
    }
}

fn levels(rng: &mut Rng, t: &Table) -> Problem {
    let idle = rng.chance(0.4);
    let data = t.draw(rng, 5, 5, idle);
    let step = (t.hi - t.lo) / 6;
    let high = rng.range(t.lo + 3 * step, t.lo + 5 * step);
    let low = rng.range(t.lo + step, high - step);
    let mut p = t.program(&data, &[t.key, "level"]);
    t.key_facts(&mut p, &data);
    p.line("CALC level_of")
        .line("INPUT $who")
        .line(format!("IF COUNT(QUERY {} $who ? ?) == 0 THEN", t.rel))
        .line("  RESULT \"none\"")
        .line("END")
        .line(format!("LET $mean = MEAN(QUERY {} $who ? ?)", t.rel))
        .line(format!("IF $mean >= {high} THEN"))
        .line("  RESULT \"high\"")
        .line("END")
        .line(format!("IF $mean >= {low} THEN"))
        .line("  RESULT \"medium\"")
        .line("END")
        .line("RESULT \"low\"")
        .line("END")
        .line(format!(
            "RULE level: SCAN {}, EMIT level $0 CALC level_of($0)",
            t.key
        ))
        .line("SOLVE")
        .line("QUERY level ? ?");
    Problem {
        question: t
            .words(
                "Rate each {key} by their average {m}: high from {hi}, medium from {lo}, low below; \"none\" without records.",
            )
            .replace("{hi}", &high.to_string())
            .replace("{lo}", &low.to_string()),
        steps: vec![
            format!("A CALC takes a {} and checks that their group is not empty.", t.key),
            "It compares the MEAN with the two thresholds.".into(),
            format!("A rule calls it for every {}.", t.key),
        ],
        program: p.text(),
        intro: "A rule calls a CALC that reads the records through aggregates:".into(),
        phrases: vec![Phrase::list(
            t.words("Levels per {key}: {}."),
            t.words("There are no {key}s."),
            true,
        )],
    }
}

fn league(rng: &mut Rng) -> Problem {
    let teams = rng.sample_between(PLACES, 3..=5);
    let mut p = Program::default();
    p.rels(&["team", "played", "win", "tie", "points", "leader"]);
    let team_facts: Vec<Vec<&str>> = teams.iter().map(|t| vec![*t]).collect();
    p.facts("team", &team_facts);
    let mut games = Vec::new();
    for (i, home) in teams.iter().enumerate() {
        for away in &teams[i + 1..] {
            if rng.chance(0.8) {
                games.push(vec![
                    home.to_string(),
                    away.to_string(),
                    rng.range(0, 4).to_string(),
                    rng.range(0, 3).to_string(),
                ]);
            }
        }
    }
    rng.shuffle(&mut games);
    p.facts("played", &games)
        .line("RULE win: SCAN played, WHERE $2 > $3, EMIT win $0 $1")
        .line("RULE win: SCAN played, WHERE $3 > $2, EMIT win $1 $0")
        .line("RULE tie: SCAN played, WHERE $2 == $3, EMIT tie $0 $1")
        .line("RULE tie: SCAN played, WHERE $2 == $3, EMIT tie $1 $0")
        .line("RULE points: SCAN team, EMIT points $0 (3 * COUNT(QUERY win $0 ?) + COUNT(QUERY tie $0 ?))")
        .line("RULE leader: SCAN points, WHERE $1 == MAX(QUERY points ? ?), EMIT leader $0")
        .line("SOLVE")
        .line("QUERY points ? ?")
        .line("QUERY leader ?")
        .line("RESULT COUNT(QUERY played ? ? ? ?)");
    Problem {
        question: phrasing(
            rng,
            &[
                "A win is worth 3 points and a draw 1. How many points does each team have, who leads, and how many games were played?",
                "Build the league table from the results (3 points a win, 1 a draw): points per team, the leader, and the number of games.",
            ],
        )
        .to_string(),
        steps: vec![
            "Store the teams and each game as `played home away home_goals away_goals`.".into(),
            "Rules derive who beat whom and the draws, in both directions.".into(),
            "Points are 3 × COUNT of wins + COUNT of draws; the leader matches MAX(QUERY points ? ?).".into(),
        ],
        program: p.text(),
        intro: "Rules turn results into wins and draws, aggregates into points:".into(),
        phrases: vec![
            Phrase::list("Points: {}.", "There are no teams.", true),
            Phrase::list("Top of the table: {}.", "Nobody leads.", true),
            Phrase::value("{} games were played."),
        ],
    }
}

fn shortage(rng: &mut Rng) -> Problem {
    let items: Vec<&str> = {
        let all: Vec<&str> = ITEMS.iter().map(|i| i.0).collect();
        rng.sample_between(&all, 3..=5)
    };
    let customers = rng.sample_between(PEOPLE, 2..=4);
    let mut p = Program::default();
    p.rels(&["stock", "ordered", "demand", "short"]);
    let stock: Vec<Vec<String>> = items
        .iter()
        .map(|i| vec![i.to_string(), rng.range(0, 12).to_string()])
        .collect();
    p.facts("stock", &stock);
    let mut orders = Vec::new();
    for c in &customers {
        for i in &items {
            if rng.chance(0.5) {
                orders.push(vec![
                    c.to_string(),
                    i.to_string(),
                    rng.range(1, 8).to_string(),
                ]);
            }
        }
    }
    rng.shuffle(&mut orders);
    p.facts("ordered", &orders)
        .line("RULE demand: SCAN stock, EMIT demand $0 SUM(QUERY ordered ? $0 ?)")
        .line("RULE short: SCAN demand, JOIN stock $0, WHERE $1 > $2, EMIT short $0 ($1 - $2)")
        .line("SOLVE")
        .line("QUERY demand ? ?")
        .line("QUERY short ? ?")
        .line("RESULT SUM(QUERY short ? ?)");
    Problem {
        question: phrasing(
            rng,
            &[
                "Given the stock and the open orders, how many of each item are ordered, which items are short and by how much, and how many units are missing in all?",
                "Which items cannot cover their orders from stock, by how much, and what is the total shortfall? Show the demand per item too.",
            ],
        )
        .to_string(),
        steps: vec![
            "Store stock per item and orders as `ordered customer item quantity`.".into(),
            "demand sums each item's orders: `SUM(QUERY ordered ? $0 ?)` (0 when none).".into(),
            "short keeps the items whose demand exceeds the stock; a top-level SUM adds the gaps.".into(),
        ],
        program: p.text(),
        intro: "Aggregates total the demand; a rule compares it with the stock:".into(),
        phrases: vec![
            Phrase::list("Units ordered: {}.", "Nothing is stocked.", false),
            Phrase::list("Short: {}.", "Every item can be delivered.", false),
            Phrase::value("In all, {} units are missing."),
        ],
    }
}

fn report(rng: &mut Rng, t: &Table) -> Problem {
    let idle = rng.chance(0.6);
    let data = t.draw(rng, 5, 4, idle);
    let mut p = t.program(&data, &[t.key, "average", "below", "missing"]);
    t.key_facts(&mut p, &data);
    p.line(format!(
        "RULE average: SCAN {}, EMIT average $0 ROUND(MEAN(QUERY {} $0 ? ?), 1)",
        t.key, t.rel
    ))
    .line("RULE below: SCAN average, WHERE $1 < MEAN(QUERY average ? ?), EMIT below $0")
    .line(format!(
        "RULE missing: SCAN {}, NOT {} $0 ? ?, EMIT missing $0",
        t.key, t.rel
    ))
    .line("SOLVE")
    .line("QUERY average ? ?")
    .line("QUERY below ?")
    .line("QUERY missing ?");
    Problem {
        question: t.words(phrasing(
            rng,
            &[
                "Give each {key}'s average {m}, the {key}s below the mean of those averages, and any {key} without records.",
                "Write a {m} report: averages per {key} (one decimal), who is under the overall mean, and who has no records at all.",
            ],
        )),
        steps: vec![
            format!("A rule averages each {}'s records; MEAN drops a {} with none.", t.key, t.key),
            "A second rule compares each average with MEAN(QUERY average ? ?).".into(),
            format!("A NOT clause finds the {} with no `{}` record.", t.plural, t.rel),
        ],
        program: p.text(),
        intro: "Aggregates and a NOT clause, each stratum after what it reads:".into(),
        phrases: vec![
            Phrase::list(
                t.words("Averages per {key}: {}."),
                t.words("No {key} has records."),
                true,
            ),
            Phrase::list("Below the mean: {}.", "Nobody is below the mean.", true),
            Phrase::list(
                "Without records: {}.",
                t.words("Every {key} has records."),
                true,
            ),
        ],
    }
}
