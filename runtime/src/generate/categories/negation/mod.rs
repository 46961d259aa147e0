//! Negation (spec §9.1): who or what lacks something, one NOT clause over the facts
//! (stage 1); NOT over derived and recursive relations — places a town cannot reach,
//! towns on no round trip, tasks ready to start (stage 2); NOT with CALC and
//! expressions (stage 3); for-all by double negation, safe dishes, towns cut off by
//! closed roads (stage 4; stages 3 and 4 are in `later`).

mod later;

use super::super::problem::{Phrase, Problem, name};
use super::super::rng::Rng;
use super::super::words::{PEOPLE, PLACES, SUBJECTS};
use super::graph::{Graph, closure};
use super::scheduling::Plan;
use super::{Category, Program, phrasing};

/// The category.
pub const CATEGORY: Category = Category {
    name: "negation",
    about: "NOT: who lacks something, unreachable places, tasks ready to start, for-all by double negation",
    stages: &[1, 2, 3, 4],
    make,
};

fn make(rng: &mut Rng, stage: u8) -> Problem {
    match stage {
        1 => {
            let lack = &LACKS[rng.below(LACKS.len())];
            lacking(rng, lack)
        }
        2 => match rng.below(3) {
            0 => unreachable(rng),
            1 => no_round_trip(rng),
            _ => ready(rng),
        },
        3 => later::calc(rng),
        _ => later::multi_domain(rng),
    }
}

/// "Which X has no Y": a unary relation of entities, a relation of one or two columns
/// that may mention them, and the column that does.
struct Lack {
    /// The entities' relation (also the noun) and where their names come from.
    entity: &'static str,
    pool: &'static [&'static str],
    /// The relation looked into, what its other column names, and whether the entity
    /// is its first column.
    rel: &'static str,
    other: Other,
    first: bool,
    /// The derived relation, the questions, and the answers' sentences.
    head: &'static str,
    questions: &'static [&'static str],
    some: &'static str,
    none: &'static str,
    /// Whether the entities are written capitalized (people, places).
    names: bool,
}

/// What the other column of a [`Lack`]'s relation names.
enum Other {
    /// Nothing: the relation has one column.
    Nothing,
    /// The entities themselves (a parent of a person).
    Entities,
    /// Names from this pool.
    Pool(&'static [&'static str]),
}

const LACKS: &[Lack] = &[
    Lack {
        entity: "person",
        pool: PEOPLE,
        rel: "parent",
        other: Other::Entities,
        first: true,
        head: "childless",
        questions: &["Who has no children?", "Which people are nobody's parent?"],
        some: "Without children: {}.",
        none: "Everyone has a child.",
        names: true,
    },
    Lack {
        entity: "person",
        pool: PEOPLE,
        rel: "parent",
        other: Other::Entities,
        first: false,
        head: "no_known_parent",
        questions: &[
            "Whose parents are not recorded?",
            "Which people have no known parent?",
        ],
        some: "No parent is recorded for {}.",
        none: "Everyone has a known parent.",
        names: true,
    },
    Lack {
        entity: "product",
        pool: &[
            "apple", "bread", "milk", "coffee", "notebook", "pen", "lamp", "chair", "teapot",
            "candle", "scarf", "kettle", "puzzle", "plant",
        ],
        rel: "ordered",
        other: Other::Pool(PEOPLE),
        first: false,
        head: "unsold",
        questions: &[
            "Which products has nobody ordered?",
            "Which items in the catalogue have no orders?",
        ],
        some: "Nobody ordered {}.",
        none: "Every product was ordered.",
        names: false,
    },
    Lack {
        entity: "employee",
        pool: PEOPLE,
        rel: "manages",
        other: Other::Entities,
        first: false,
        head: "unmanaged",
        questions: &[
            "Which employees have no manager?",
            "Who does not report to anyone?",
        ],
        some: "Nobody manages {}.",
        none: "Everyone has a manager.",
        names: true,
    },
    Lack {
        entity: "city",
        pool: PLACES,
        rel: "flight",
        other: Other::Entities,
        first: true,
        head: "dead_end",
        questions: &[
            "Which cities have no outgoing flight?",
            "From which cities can you not fly anywhere?",
        ],
        some: "There is no flight out of {}.",
        none: "Every city has an outgoing flight.",
        names: true,
    },
    Lack {
        entity: "student",
        pool: PEOPLE,
        rel: "submitted",
        other: Other::Pool(SUBJECTS),
        first: true,
        head: "nothing_handed_in",
        questions: &[
            "Which students have not handed in any homework?",
            "Who has submitted no assignment at all?",
        ],
        some: "No homework from {}.",
        none: "Every student handed something in.",
        names: true,
    },
    Lack {
        entity: "member",
        pool: PEOPLE,
        rel: "paid",
        other: Other::Nothing,
        first: true,
        head: "unpaid",
        questions: &[
            "Which club members have not paid this year's fee?",
            "Who still owes the membership fee?",
        ],
        some: "Still to pay: {}.",
        none: "Every member has paid.",
        names: true,
    },
];

fn lacking(rng: &mut Rng, l: &Lack) -> Problem {
    let entities = rng.sample_between(l.pool, 3..=7);
    let mut p = Program::default();
    p.rels(&[l.entity, l.rel, l.head]);
    let facts: Vec<Vec<&str>> = entities.iter().map(|e| vec![*e]).collect();
    p.facts(l.entity, &facts);
    let mut pairs: Vec<Vec<&str>> = Vec::new();
    for e in &entities {
        if !rng.chance(0.6) {
            continue;
        }
        let o = match l.other {
            Other::Nothing => {
                pairs.push(vec![*e]);
                continue;
            }
            Other::Entities => entities[rng.below(entities.len())],
            Other::Pool(pool) => rng.pick(pool),
        };
        if o != *e {
            pairs.push(if l.first { vec![*e, o] } else { vec![o, *e] });
        }
    }
    rng.shuffle(&mut pairs);
    p.facts(l.rel, &pairs);
    let args = match (&l.other, l.first) {
        (Other::Nothing, _) => "$0",
        (_, true) => "$0 ?",
        (_, false) => "? $0",
    };
    p.line(format!(
        "RULE {}: SCAN {}, NOT {} {args}, EMIT {} $0",
        l.head, l.entity, l.rel, l.head
    ))
    .line("SOLVE")
    .line(format!("QUERY {} ?", l.head));
    Problem {
        question: rng.pick(l.questions).to_string(),
        steps: vec![
            format!("List every {} and store the `{}` facts.", l.entity, l.rel),
            format!(
                "`NOT {} {args}` keeps a {} with no matching tuple (`?` matches anything).",
                l.rel, l.entity
            ),
            format!("SOLVE, then query `{}`.", l.head),
        ],
        program: p.text(),
        intro: "A NOT clause keeps what has no match:".into(),
        phrases: vec![Phrase::list(l.some, l.none, l.names)],
    }
}

/// Towns and the roads between them, the relations declared with `reach` and `extra`
/// (the caller adds `reach`'s rules after its own facts).
pub(super) fn network(rng: &mut Rng, extra: &[&str]) -> (Graph, Program) {
    let g = Graph::new(rng, 5..=9);
    let mut p = Program::default();
    let mut rels = vec!["town", "road", "reach"];
    rels.extend_from_slice(extra);
    p.rels(&rels);
    let towns: Vec<Vec<&str>> = g.nodes.iter().map(|n| vec![*n]).collect();
    p.facts("town", &towns);
    g.facts(&mut p, "road");
    (g, p)
}

fn unreachable(rng: &mut Rng) -> Problem {
    let (g, mut p) = network(rng, &["cut_off"]);
    closure(&mut p, "road");
    let x = g.nodes[rng.below(g.nodes.len())];
    let from = rng.chance(0.6);
    let not = if from {
        format!("NOT reach {x} $0")
    } else {
        format!("NOT reach $0 {x}")
    };
    p.line(format!(
        "RULE cut_off: SCAN town, WHERE $0 != {x}, {not}, EMIT cut_off $0"
    ))
    .line("SOLVE")
    .line("QUERY cut_off ?");
    let n = name(x);
    let (questions, some, none): (&[&str], _, _) = if from {
        (
            &[
                "Which towns cannot be reached from {x} along the one-way roads?",
                "Starting in {x}, which towns are out of reach by road?",
            ],
            format!("From {n} you cannot reach {{}}."),
            format!("Every other town can be reached from {n}."),
        )
    } else {
        (
            &[
                "From which towns is there no way to drive to {x}?",
                "Which towns have no road route to {x}?",
            ],
            format!("{n} cannot be reached from {{}}."),
            format!("{n} can be reached from every other town."),
        )
    };
    Problem {
        question: phrasing(rng, questions).replace("{x}", &n),
        steps: vec![
            "Store the towns and the one-way roads.".into(),
            "reach is the transitive closure of road.".into(),
            format!("`{not}` keeps the towns with no route; SOLVE completes reach first."),
        ],
        program: p.text(),
        intro: "NOT over a recursive relation, once it is complete:".into(),
        phrases: vec![Phrase::list(some, none, true)],
    }
}

fn no_round_trip(rng: &mut Rng) -> Problem {
    let (_, mut p) = network(rng, &["no_return"]);
    closure(&mut p, "road");
    p.line("RULE no_return: SCAN town, NOT reach $0 $0, EMIT no_return $0")
        .line("SOLVE")
        .line("QUERY no_return ?");
    Problem {
        question: phrasing(
            rng,
            &[
                "Along the one-way roads, from which towns can you never drive back to where you started?",
                "Which towns lie on no round trip of one-way roads?",
            ],
        )
        .to_string(),
        steps: vec![
            "Store the towns and the one-way roads.".into(),
            "reach is the transitive closure of road; `reach $0 $0` is a round trip.".into(),
            "`NOT reach $0 $0` keeps the towns without one.".into(),
        ],
        program: p.text(),
        intro: "A town with no round trip does not reach itself:".into(),
        phrases: vec![Phrase::list(
            "There is no way back to {}.",
            "Every town lies on a round trip.",
            true,
        )],
    }
}

/// A plan with a first part done: the tasks, in order, whose prerequisites are done.
pub(super) fn plan_with_progress(rng: &mut Rng, extra: &[&str]) -> (Plan, Program, &'static str) {
    let plan = Plan::new(rng, 4..=8);
    let done_rel = if plan.noun == "course" {
        "passed"
    } else {
        "done"
    };
    let mut rels = vec![plan.noun, done_rel];
    rels.extend_from_slice(extra);
    let mut p = plan.program(&rels);
    let tasks: Vec<Vec<&str>> = plan.tasks.iter().map(|t| vec![*t]).collect();
    p.facts(plan.noun, &tasks);
    let done = rng.below(plan.tasks.len());
    let finished: Vec<Vec<&str>> = plan.tasks[..done].iter().map(|t| vec![*t]).collect();
    p.facts(done_rel, &finished);
    (plan, p, done_rel)
}

fn ready(rng: &mut Rng) -> Problem {
    let (plan, mut p, done) = plan_with_progress(rng, &["waiting", "ready"]);
    let (noun, rel) = (plan.noun, plan.rel);
    p.line(format!(
        "RULE waiting: SCAN {rel}, NOT {done} $1, EMIT waiting $0"
    ))
    .line(format!(
        "RULE ready: SCAN {noun}, NOT {done} $0, NOT waiting $0, EMIT ready $0"
    ))
    .line("SOLVE")
    .line("QUERY ready ?");
    Problem {
        question: phrasing(
            rng,
            &[
                "Which {noun}s can be started now: not {done} yet, with every prerequisite {done}?",
                "What can be taken up next? A {noun} qualifies when it is not {done} and none of its prerequisites is still open.",
            ],
        )
        .replace("{noun}", noun)
        .replace("{done}", done),
        steps: vec![
            format!("Store the {noun}s, `{rel} {noun} prerequisite` and what is {done}."),
            format!("waiting: a {noun} with a prerequisite that is NOT {done}."),
            format!("ready: a {noun} NOT {done} and NOT waiting."),
        ],
        program: p.text(),
        intro: "Two NOT clauses: open prerequisites, then what is free of them:".into(),
        phrases: vec![Phrase::list(
            "Ready now: {}.",
            format!("No {noun} can start now."),
            false,
        )],
    }
}
