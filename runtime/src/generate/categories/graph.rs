//! Graph reachability and paths: direct links (stage 1), transitive reachability and
//! one-stop routes (stage 2), route lengths with CALC (stage 3), supplying stores
//! through a road network (stage 4).

use super::super::problem::{Phrase, Problem, name};
use super::super::rng::Rng;
use super::super::words::PLACES;
use super::{Category, Program, phrasing};

/// The category.
pub const CATEGORY: Category = Category {
    name: "graph",
    about: "graphs: direct links, reachability, one-stop routes, route lengths, supply networks",
    stages: &[1, 2, 3, 4],
    make,
};

/// What the edges are called in a problem: (relation, noun for an edge, noun for a node).
const KINDS: &[(&str, &str, &str)] = &[
    ("flight", "direct flight", "city"),
    ("road", "road", "town"),
    ("train", "train line", "station"),
    ("link", "network link", "node"),
];

/// A random directed graph over cities: its nodes and distinct edges (also drawn by
/// the aggregates and negation categories).
pub(super) struct Graph {
    pub(super) nodes: Vec<&'static str>,
    pub(super) edges: Vec<(&'static str, &'static str)>,
}

impl Graph {
    pub(super) fn new(rng: &mut Rng, nodes: std::ops::RangeInclusive<usize>) -> Graph {
        let nodes = rng.sample_between(PLACES, nodes);
        let mut edges = Vec::new();
        // A path through every node, so that chains exist, then random extra edges.
        for w in nodes.windows(2) {
            if rng.chance(0.8) {
                edges.push((w[0], w[1]));
            }
        }
        for _ in 0..rng.below(nodes.len()) {
            let (a, b) = (rng.pick(&nodes), rng.pick(&nodes));
            if a != b && !edges.contains(&(a, b)) {
                edges.push((a, b));
            }
        }
        if edges.is_empty() {
            edges.push((nodes[0], nodes[1]));
        }
        rng.shuffle(&mut edges);
        Graph { nodes, edges }
    }

    pub(super) fn facts(&self, p: &mut Program, rel: &str) {
        let tuples: Vec<Vec<&str>> = self.edges.iter().map(|(a, b)| vec![*a, *b]).collect();
        p.facts(rel, &tuples);
    }
}

fn make(rng: &mut Rng, stage: u8) -> Problem {
    let kind = KINDS[rng.below(KINDS.len())];
    match stage {
        1 => match rng.below(2) {
            0 => direct(rng, kind),
            _ => is_direct(rng, kind),
        },
        2 => match rng.below(3) {
            0 => reachable(rng, kind),
            1 => can_reach(rng, kind),
            _ => one_stop(rng, kind),
        },
        3 => match rng.below(2) {
            0 => route_lengths(rng),
            _ => shortest_one_stop(rng),
        },
        _ => supply(rng),
    }
}

fn direct(rng: &mut Rng, (rel, edge, node): (&str, &str, &str)) -> Problem {
    let g = Graph::new(rng, 4..=8);
    let x = g.nodes[rng.below(g.nodes.len())];
    let mut p = Program::default();
    p.rels(&[rel]);
    g.facts(&mut p, rel);
    p.line("SOLVE").line(format!("QUERY {rel} {x} ?"));
    let n = name(x);
    Problem {
        question: phrasing(
            rng,
            &[
                "Which {node}s have a {edge} from {x}?",
                "Where can I go from {x} by {edge}?",
                "List the {edge} destinations from {x}.",
            ],
        )
        .replace("{node}", node)
        .replace("{edge}", edge)
        .replace("{x}", &n),
        steps: vec![
            format!("Store each {edge} as a `{rel}` fact."),
            format!("Query `{rel} {x} ?`."),
        ],
        program: p.text(),
        intro: format!("I'll list the {edge}s as facts and query them:"),
        phrases: vec![Phrase::list(
            format!("From {n} there is a {edge} to {{}}."),
            format!("There is no {edge} from {n}."),
            true,
        )],
    }
}

fn is_direct(rng: &mut Rng, (rel, edge, _): (&str, &str, &str)) -> Problem {
    let g = Graph::new(rng, 4..=8);
    let (a, b) = if rng.chance(0.5) {
        g.edges[rng.below(g.edges.len())]
    } else {
        let s = rng.sample(&g.nodes, 2);
        (s[0], s[1])
    };
    let mut p = Program::default();
    p.rels(&[rel]);
    g.facts(&mut p, rel);
    p.line("SOLVE").line(format!("QUERY {rel} {a} {b}"));
    let (na, nb) = (name(a), name(b));
    Problem {
        question: phrasing(
            rng,
            &[
                "Is there a {edge} from {a} to {b}?",
                "Can I take a {edge} straight from {a} to {b}?",
            ],
        )
        .replace("{edge}", edge)
        .replace("{a}", &na)
        .replace("{b}", &nb),
        steps: vec![
            format!("Store each {edge} as a `{rel}` fact."),
            format!("Ask the ground query `{rel} {a} {b}`."),
        ],
        program: p.text(),
        intro: "A ground query checks for one edge:".into(),
        phrases: vec![Phrase::truth(
            format!("Yes, there is a {edge} from {na} to {nb}."),
            format!("No, there is no {edge} from {na} to {nb}."),
        )],
    }
}

/// The rules of `reach`, the transitive closure of `rel`.
pub(super) fn closure(p: &mut Program, rel: &str) {
    p.line(format!("RULE reach: SCAN {rel}, EMIT reach $0 $1"))
        .line(format!(
            "RULE reach: SCAN {rel}, JOIN reach $1, EMIT reach $0 $2"
        ));
}

fn reachable(rng: &mut Rng, (rel, edge, node): (&str, &str, &str)) -> Problem {
    let g = Graph::new(rng, 5..=10);
    let x = g.nodes[rng.below(g.nodes.len())];
    let forward = rng.chance(0.6);
    let mut p = Program::default();
    p.rels(&[rel, "reach"]);
    g.facts(&mut p, rel);
    closure(&mut p, rel);
    let query = if forward {
        format!("QUERY reach {x} ?")
    } else {
        format!("QUERY reach ? {x}")
    };
    p.line("SOLVE").line(&query);
    let n = name(x);
    let (question, phrase) = if forward {
        (
            phrasing(
                rng,
                &[
                    "Which {node}s can be reached from {x} by {edge}s, with any number of changes?",
                    "Starting at {x}, where can I get to using {edge}s?",
                ],
            ),
            Phrase::list(
                format!("From {n} you can reach {{}}."),
                format!("Nothing can be reached from {n}."),
                true,
            ),
        )
    } else {
        (
            phrasing(
                rng,
                &[
                    "From which {node}s can {x} be reached by {edge}s?",
                    "Which {node}s have a way to {x} using {edge}s?",
                ],
            ),
            Phrase::list(
                format!("{n} can be reached from {{}}."),
                format!("{n} cannot be reached from anywhere."),
                true,
            ),
        )
    };
    Problem {
        question: question.replace("{node}", node).replace("{edge}", edge).replace("{x}", &n),
        steps: vec![
            format!("Store each {edge} as a `{rel}` fact."),
            "reach is the transitive closure: one rule for a single edge, one that extends a path by an edge.".into(),
            format!("SOLVE, then `{}`.", &query),
        ],
        program: p.text(),
        intro: "Reachability is a transitive closure:".into(),
        phrases: vec![phrase],
    }
}

fn can_reach(rng: &mut Rng, (rel, edge, _): (&str, &str, &str)) -> Problem {
    let g = Graph::new(rng, 5..=10);
    let s = rng.sample(&g.nodes, 2);
    let (a, b) = (s[0], s[1]);
    let mut p = Program::default();
    p.rels(&[rel, "reach"]);
    g.facts(&mut p, rel);
    closure(&mut p, rel);
    p.line("SOLVE").line(format!("QUERY reach {a} {b}"));
    let (na, nb) = (name(a), name(b));
    Problem {
        question: phrasing(
            rng,
            &[
                "Can you get from {a} to {b} by {edge}?",
                "Is {b} reachable from {a}?",
                "Is there a route of {edge}s from {a} to {b}?",
            ],
        )
        .replace("{edge}", edge)
        .replace("{a}", &na)
        .replace("{b}", &nb),
        steps: vec![
            format!("Store each {edge} as a `{rel}` fact."),
            "Derive reach as the transitive closure.".into(),
            format!("SOLVE, then ask the ground query `reach {a} {b}`."),
        ],
        program: p.text(),
        intro: "I'll compute everything reachable and check the pair:".into(),
        phrases: vec![Phrase::truth(
            format!("Yes, {nb} can be reached from {na}."),
            format!("No, {nb} cannot be reached from {na}."),
        )],
    }
}

fn one_stop(rng: &mut Rng, (rel, edge, node): (&str, &str, &str)) -> Problem {
    let g = Graph::new(rng, 5..=9);
    let x = g.edges[rng.below(g.edges.len())].0;
    let mut p = Program::default();
    p.rels(&[rel, "one_stop"]);
    g.facts(&mut p, rel);
    p.line(format!(
        "RULE one_stop: SCAN {rel}, JOIN {rel} $1, EMIT one_stop $0 $2"
    ))
    .line("SOLVE")
    .line(format!("QUERY one_stop {x} ?"));
    let n = name(x);
    Problem {
        question: phrasing(
            rng,
            &[
                "Which {node}s are exactly two {edge}s away from {x}?",
                "Where can I get from {x} with exactly one change?",
            ],
        )
        .replace("{node}", node)
        .replace("{edge}", edge)
        .replace("{x}", &n),
        steps: vec![
            format!("Store each {edge} as a `{rel}` fact."),
            format!("Join {rel} with itself on the middle {node}: SCAN {rel}, JOIN {rel} $1."),
            format!("SOLVE, then query `one_stop {x} ?`."),
        ],
        program: p.text(),
        intro: "Two legs are one join:".into(),
        phrases: vec![Phrase::list(
            format!("With one change from {n} you reach {{}}."),
            format!("No {node} is exactly two {edge}s from {n}."),
            true,
        )],
    }
}

/// Roads with distances in km.
fn road_facts(rng: &mut Rng, g: &Graph, p: &mut Program) {
    let tuples: Vec<Vec<String>> = g
        .edges
        .iter()
        .map(|(a, b)| vec![a.to_string(), b.to_string(), rng.range(5, 400).to_string()])
        .collect();
    p.facts("road", &tuples);
}

const ROUTE: &str = "RULE route: SCAN road, JOIN road $1, EMIT route $0 $3 ($2 + $4)";

/// A start and an end with a road path of two legs between them, if there is one.
fn two_legs(rng: &mut Rng, g: &Graph) -> (&'static str, &'static str) {
    let pairs: Vec<(&str, &str)> = g
        .edges
        .iter()
        .flat_map(|(a, b)| {
            g.edges
                .iter()
                .filter(move |(c, d)| c == b && d != a)
                .map(move |(_, d)| (*a, *d))
        })
        .collect();
    if pairs.is_empty() {
        g.edges[0]
    } else {
        pairs[rng.below(pairs.len())]
    }
}

/// Roads with lengths, the one-stop routes derived and solved, and two towns with a
/// route of two legs between them (when the roads have one).
fn routes(rng: &mut Rng) -> (Program, &'static str, &'static str) {
    let g = Graph::new(rng, 5..=9);
    let (a, c) = two_legs(rng, &g);
    let mut p = Program::default();
    p.rels(&["road", "route"]);
    road_facts(rng, &g, &mut p);
    p.line(ROUTE).line("SOLVE");
    (p, a, c)
}

fn route_lengths(rng: &mut Rng) -> Problem {
    let (mut p, a, c) = routes(rng);
    p.line(format!("QUERY route {a} {c} ?"));
    let (na, nc) = (name(a), name(c));
    Problem {
        question: phrasing(
            rng,
            &[
                "How long are the routes from {a} to {c} that pass through exactly one other town?",
                "Driving from {a} to {c} with one stop on the way, how many km can the trip be?",
            ],
        )
        .replace("{a}", &na)
        .replace("{c}", &nc),
        steps: vec![
            "Store roads as `road from to km` facts.".into(),
            "Join two roads on the middle town and add their lengths in the EMIT.".into(),
            format!("SOLVE, then query `route {a} {c} ?`."),
        ],
        program: p.text(),
        intro: "A rule adds the two legs of each route:".into(),
        phrases: vec![Phrase::list(
            "The one-stop routes are {} km long.",
            format!("There is no route from {na} to {nc} with exactly one stop."),
            false,
        )],
    }
}

fn shortest_one_stop(rng: &mut Rng) -> Problem {
    let (mut p, a, c) = routes(rng);
    p.line("CALC shortest")
        .line("INPUT $from $to")
        .line("LET $best = -1")
        .line("FOR r IN (QUERY route $from $to ?)")
        .line("  IF $best < 0 OR r.c < $best THEN")
        .line("    LET $best = r.c")
        .line("  END")
        .line("END")
        .line("RESULT $best")
        .line("END")
        .line(format!("RESULT CALC shortest(\"{a}\", \"{c}\")"));
    let (na, nc) = (name(a), name(c));
    Problem {
        question: phrasing(
            rng,
            &[
                "What is the shortest way from {a} to {c} through exactly one other town?",
                "With one stop on the way, how short can the drive from {a} to {c} be?",
            ],
        )
        .replace("{a}", &na)
        .replace("{c}", &nc),
        steps: vec![
            "Store roads with their lengths.".into(),
            "A rule derives every one-stop route with its total length.".into(),
            "A CALC loops over the routes and keeps the smallest length (-1 when there is none)."
                .into(),
        ],
        program: p.text(),
        intro: "Rules find the routes, a CALC picks the shortest:".into(),
        phrases: vec![Phrase::value(format!(
            "The shortest one-stop route from {na} to {nc} is {{}} km (-1 means there is none)."
        ))],
    }
}

fn supply(rng: &mut Rng) -> Problem {
    let g = Graph::new(rng, 5..=10);
    let w = g.nodes[0];
    let mut p = Program::default();
    p.rels(&["road", "reach", "demand"]);
    g.facts(&mut p, "road");
    let demand: Vec<Vec<String>> = g.nodes[1..]
        .iter()
        .map(|n| vec![n.to_string(), rng.range(10, 500).to_string()])
        .collect();
    p.facts("demand", &demand);
    closure(&mut p, "road");
    p.line("SOLVE")
        .line("CALC total_demand")
        .line("INPUT $warehouse")
        .line("LET $total = 0")
        .line("FOR r IN (QUERY reach $warehouse ?)")
        .line("  FOR d IN (QUERY demand r.b ?)")
        .line("    LET $total = $total + d.b")
        .line("  END")
        .line("END")
        .line("RESULT $total")
        .line("END")
        .line(format!("QUERY reach {w} ?"))
        .line(format!("RESULT CALC total_demand(\"{w}\")"));
    let n = name(w);
    Problem {
        question: phrasing(rng, &["A warehouse in {w} ships along one-way roads. Which towns can it supply, and how many units do they need in total?", "Which stores can the {w} depot reach by road, and what is their combined demand?"])
            .replace("{w}", &n),
        steps: vec![
            "Store the one-way roads and each town's demand.".into(),
            "Derive reach as the transitive closure of road.".into(),
            format!("Query the towns reachable from {w}."),
            "A CALC sums the demand of every reachable town.".into(),
        ],
        program: p.text(),
        intro: "Reachability picks the towns; a CALC adds up their demand:".into(),
        phrases: vec![
            Phrase::list(format!("From {n} the warehouse can supply {{}}."), format!("No town can be reached from {n}."), true),
            Phrase::value("Their total demand is {} units."),
        ],
    }
}
