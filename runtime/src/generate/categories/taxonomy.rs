//! Classification hierarchies: direct classes and inherited traits (stage 1), the
//! transitive kind-of relation and traits inherited through it (stage 2), classifying
//! numbers by thresholds in rules and CALC (stage 3).

use super::super::problem::{Phrase, Problem, capitalize, prose};
use super::super::rng::Rng;
use super::super::words::{HIERARCHIES, Hierarchy, PEOPLE, SUBJECTS, TRAITS};
use super::{Category, Program, phrasing};

/// The category.
pub const CATEGORY: Category = Category {
    name: "taxonomy",
    about: "classification hierarchies: is-a, kind-of closure, inherited traits, grading by thresholds",
    stages: &[1, 2, 3],
    make,
};

/// A sample of one hierarchy: `is_a` edges for some members and every class above them.
struct Sample {
    edges: Vec<(&'static str, &'static str)>,
    members: Vec<&'static str>,
    classes: Vec<&'static str>,
}

fn sample(rng: &mut Rng) -> Sample {
    let (_, classes, members): &Hierarchy = &HIERARCHIES[rng.below(HIERARCHIES.len())];
    let n = rng.range(3, 7) as usize;
    let mut chosen: Vec<(&str, &str)> = members.to_vec();
    rng.shuffle(&mut chosen);
    chosen.truncate(n);
    let mut edges = chosen.clone();
    let mut above: Vec<&str> = Vec::new();
    let mut frontier: Vec<&str> = chosen.iter().map(|(_, c)| *c).collect();
    while let Some(c) = frontier.pop() {
        if above.contains(&c) {
            continue;
        }
        above.push(c);
        if let Some(&(_, parent)) = classes.iter().find(|(k, _)| *k == c) {
            edges.push((c, parent));
            frontier.push(parent);
        }
    }
    rng.shuffle(&mut edges);
    Sample {
        edges,
        members: chosen.iter().map(|(m, _)| *m).collect(),
        classes: above,
    }
}

impl Sample {
    fn program(&self, rels: &[&str]) -> Program {
        let mut p = Program::default();
        p.rels(rels);
        let tuples: Vec<Vec<&str>> = self.edges.iter().map(|(a, b)| vec![*a, *b]).collect();
        p.facts("is_a", &tuples);
        p
    }

    fn trait_facts(&self, p: &mut Program) {
        let tuples: Vec<Vec<&str>> = TRAITS
            .iter()
            .filter(|(c, _)| self.classes.contains(c))
            .map(|(c, t)| vec![*c, *t])
            .collect();
        p.facts("trait", &tuples);
    }
}

const KIND_OF: [&str; 2] = [
    "RULE kind_of: SCAN is_a, EMIT kind_of $0 $1",
    "RULE kind_of: SCAN is_a, JOIN kind_of $1, EMIT kind_of $0 $2",
];

fn make(rng: &mut Rng, stage: u8) -> Problem {
    match stage {
        1 => match rng.below(3) {
            0 => direct_class(rng),
            1 => direct_members(rng),
            _ => direct_traits(rng),
        },
        2 => match rng.below(3) {
            0 => is_kind(rng),
            1 => all_members(rng),
            _ => inherited_traits(rng),
        },
        _ => match rng.below(2) {
            0 => grade_rules(rng),
            _ => classify_calc(rng),
        },
    }
}

fn direct_class(rng: &mut Rng) -> Problem {
    let s = sample(rng);
    let x = s.members[rng.below(s.members.len())];
    let mut p = s.program(&["is_a"]);
    p.line("SOLVE").line(format!("QUERY is_a {x} ?"));
    let n = prose(x);
    Problem {
        question: phrasing(
            rng,
            &[
                "What kind of thing is {x}?",
                "Which class does {x} belong to directly?",
                "{x} is directly a kind of what?",
            ],
        )
        .replace("{x}", &n),
        steps: vec![
            "Store the hierarchy as `is_a` facts, child first.".into(),
            format!("Query `is_a {x} ?`."),
        ],
        program: p.text(),
        intro: "The hierarchy is a set of is_a facts:".into(),
        phrases: vec![Phrase::list(
            format!("The class of {n} is {{}}."),
            format!("No class of {n} is recorded."),
            false,
        )],
    }
}

fn direct_members(rng: &mut Rng) -> Problem {
    let s = sample(rng);
    let c = s.classes[rng.below(s.classes.len())];
    let mut p = s.program(&["is_a"]);
    p.line("SOLVE").line(format!("QUERY is_a ? {c}"));
    let n = prose(c);
    Problem {
        question: phrasing(
            rng,
            &[
                "What is directly classified under {c}?",
                "Which entries sit directly below {c} in the hierarchy?",
            ],
        )
        .replace("{c}", &n),
        steps: vec![
            "Store the hierarchy as `is_a` facts.".into(),
            format!("Query `is_a ? {c}` for the direct children."),
        ],
        program: p.text(),
        intro: "I'll query the direct children of the class:".into(),
        phrases: vec![Phrase::list(
            format!("Directly under {n}: {{}}."),
            format!("Nothing is directly under {n}."),
            false,
        )],
    }
}

fn direct_traits(rng: &mut Rng) -> Problem {
    let s = sample(rng);
    let x = s.members[rng.below(s.members.len())];
    let mut p = s.program(&["is_a", "trait", "has"]);
    s.trait_facts(&mut p);
    p.line("RULE has: SCAN is_a, JOIN trait $1, EMIT has $0 $2")
        .line("SOLVE")
        .line(format!("QUERY has {x} ?"));
    let n = prose(x);
    Problem {
        question: phrasing(
            rng,
            &[
                "Which traits does {x} get from its own class?",
                "What does {x} inherit from the class it directly belongs to?",
            ],
        )
        .replace("{x}", &n),
        steps: vec![
            "Store the hierarchy (is_a) and the traits of classes (trait).".into(),
            "One rule gives each entry the traits of its direct class: SCAN is_a, JOIN trait $1."
                .into(),
            format!("SOLVE, then query `has {x} ?`."),
        ],
        program: p.text(),
        intro: "A rule copies the traits of the direct class:".into(),
        phrases: vec![Phrase::list(
            format!("From its class, {n} gets: {{}}."),
            format!("The direct class of {n} has no recorded traits."),
            false,
        )],
    }
}

fn is_kind(rng: &mut Rng) -> Problem {
    let s = sample(rng);
    let x = s.members[rng.below(s.members.len())];
    let c = s.classes[rng.below(s.classes.len())];
    let mut p = s.program(&["is_a", "kind_of"]);
    p.line(KIND_OF[0])
        .line(KIND_OF[1])
        .line("SOLVE")
        .line(format!("QUERY kind_of {x} {c}"));
    let (nx, nc) = (prose(x), prose(c));
    Problem {
        question: phrasing(
            rng,
            &[
                "Is {x} a kind of {c}?",
                "Does {x} fall under {c} somewhere up the hierarchy?",
                "Is {x} classified under {c}, directly or not?",
            ],
        )
        .replace("{x}", &nx)
        .replace("{c}", &nc),
        steps: vec![
            "kind_of is the transitive closure of is_a.".into(),
            format!("SOLVE, then ask the ground query `kind_of {x} {c}`."),
        ],
        program: p.text(),
        intro: "Walking up the hierarchy is a transitive closure:".into(),
        phrases: vec![Phrase::truth(
            format!("Yes, {nx} is a kind of {nc}."),
            format!("No, {nx} is not a kind of {nc}."),
        )],
    }
}

fn all_members(rng: &mut Rng) -> Problem {
    let s = sample(rng);
    let c = s.classes[rng.below(s.classes.len())];
    let mut p = s.program(&["is_a", "kind_of"]);
    p.line(KIND_OF[0])
        .line(KIND_OF[1])
        .line("SOLVE")
        .line(format!("QUERY kind_of ? {c}"));
    let n = prose(c);
    Problem {
        question: phrasing(
            rng,
            &[
                "Which entries are some kind of {c}, at any depth?",
                "List everything that falls under {c}.",
            ],
        )
        .replace("{c}", &n),
        steps: vec![
            "Derive kind_of as the transitive closure of is_a.".into(),
            format!("SOLVE, then query `kind_of ? {c}`."),
        ],
        program: p.text(),
        intro: "Everything below a class is in the closure:".into(),
        phrases: vec![Phrase::list(
            format!("Under {n}: {{}}."),
            format!("Nothing falls under {n}."),
            false,
        )],
    }
}

fn inherited_traits(rng: &mut Rng) -> Problem {
    let s = sample(rng);
    let x = s.members[rng.below(s.members.len())];
    let mut p = s.program(&["is_a", "kind_of", "trait", "has"]);
    s.trait_facts(&mut p);
    p.line(KIND_OF[0])
        .line(KIND_OF[1])
        .line("RULE has: SCAN kind_of, JOIN trait $1, EMIT has $0 $2")
        .line("SOLVE")
        .line(format!("QUERY has {x} ?"));
    let n = prose(x);
    Problem {
        question: phrasing(
            rng,
            &[
                "Which traits does {x} inherit through the whole hierarchy?",
                "What properties does {x} have, counting every class above it?",
            ],
        )
        .replace("{x}", &n),
        steps: vec![
            "Derive kind_of as the transitive closure of is_a.".into(),
            "has joins every class above an entry with that class's traits.".into(),
            format!("SOLVE, then query `has {x} ?`."),
        ],
        program: p.text(),
        intro: "Traits flow down the closure of is_a:".into(),
        phrases: vec![Phrase::list(
            format!("{} inherits: {{}}.", capitalize(&n)),
            format!("No class above {n} has recorded traits."),
            false,
        )],
    }
}

fn grade_rules(rng: &mut Rng) -> Problem {
    let people = rng.sample_between(PEOPLE, 3..=7);
    let subject = rng.pick(SUBJECTS);
    let (a, b) = (rng.range(80, 95), rng.range(60, 79));
    let grade = ["a", "b", "c"][rng.below(3)];
    let mut p = Program::default();
    p.rels(&["score", "grade"]);
    let scores: Vec<Vec<String>> = people
        .iter()
        .map(|n| vec![n.to_string(), rng.range(35, 100).to_string()])
        .collect();
    p.facts("score", &scores)
        .line(format!(
            "RULE grade: SCAN score, WHERE $1 >= {a}, EMIT grade $0 a"
        ))
        .line(format!(
            "RULE grade: SCAN score, WHERE $1 >= {b} AND $1 < {a}, EMIT grade $0 b"
        ))
        .line(format!(
            "RULE grade: SCAN score, WHERE $1 < {b}, EMIT grade $0 c"
        ))
        .line("SOLVE")
        .line(format!("QUERY grade ? {grade}"));
    let g = grade.to_uppercase();
    Problem {
        question: format!(
            "In {subject}, a score of {a} or more is an A, {b} to {} a B, and anything lower a C. Who got a{} {g}?",
            a - 1,
            if grade == "a" { "n" } else { "" }
        ),
        steps: vec![
            "Store each student's score.".into(),
            "One rule per grade band, each filtering scores with WHERE.".into(),
            format!("SOLVE, then query `grade ? {grade}`."),
        ],
        program: p.text(),
        intro: "Each grade band is a rule with a WHERE filter:".into(),
        phrases: vec![Phrase::list(
            format!("The students with grade {g} are {{}}."),
            format!("Nobody got grade {g}."),
            true,
        )],
    }
}

/// What is classified, its unit, the low and high thresholds, the three labels and the
/// range of values.
type Scale = (
    &'static str,
    &'static str,
    i64,
    i64,
    [&'static str; 3],
    i64,
    i64,
);

/// The scales of [`classify_calc`].
const SCALES: &[Scale] = &[
    (
        "temperature",
        "degrees",
        10,
        25,
        ["cold", "mild", "hot"],
        -15,
        40,
    ),
    (
        "speed",
        "km/h",
        30,
        90,
        ["slow", "moderate", "fast"],
        5,
        160,
    ),
    (
        "order size",
        "items",
        10,
        100,
        ["small", "medium", "large"],
        1,
        300,
    ),
    ("wind", "km/h", 20, 60, ["calm", "breezy", "stormy"], 0, 120),
    (
        "battery level",
        "percent",
        20,
        80,
        ["low", "normal", "full"],
        0,
        100,
    ),
];

fn classify_calc(rng: &mut Rng) -> Problem {
    let (what, unit, lo, hi, labels, min, max) = SCALES[rng.below(SCALES.len())];
    let spread = (hi - lo) / 4;
    let (lo, hi) = (
        (lo + rng.range(-spread, spread)).max(min + 1),
        hi + rng.range(-spread, spread),
    );
    let v = rng.range(min, max);
    let calc = phrasing(rng, &["classify", "category_of", "band"]);
    let mut p = Program::default();
    p.line(format!("CALC {calc}"))
        .line("INPUT $value")
        .line(format!("IF $value < {lo} THEN"))
        .line(format!("  RESULT \"{}\"", labels[0]))
        .line("END")
        .line(format!("IF $value < {hi} THEN"))
        .line(format!("  RESULT \"{}\"", labels[1]))
        .line("END")
        .line(format!("RESULT \"{}\"", labels[2]))
        .line("END")
        .line(format!("RESULT CALC {calc}({v})"));
    Problem {
        question: format!(
            "A {what} below {lo} {unit} counts as {}, below {hi} as {}, otherwise as {}. How is a {what} of {v} {unit} classified?",
            labels[0], labels[1], labels[2]
        ),
        steps: vec![
            format!("A CALC compares the value with {lo} first, then with {hi}."),
            "Each IF returns its label with RESULT; the last RESULT is the top band.".into(),
        ],
        program: p.text(),
        intro: "A CALC with two thresholds classifies the value:".into(),
        phrases: vec![Phrase::value(format!("A {what} of {v} {unit} is {{}}."))],
    }
}
