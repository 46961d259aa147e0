//! Negation with CALC and expressions (stage 3): a CALC that tells a task's status
//! with `COUNT(QUERY …) == 0` (a CALC has no NOT clause, spec §9.1), customers to
//! invite by spending and a missing card, how many towns are cut off; multi-domain
//! problems (stage 4): who may take a course (for-all by double negation), dishes safe
//! for every guest, towns cut off when roads close.

use super::super::super::problem::{Phrase, Problem, name};
use super::super::super::rng::Rng;
use super::super::super::words::{ALLERGENS, COURSES, DISHES, ITEMS, PEOPLE};
use super::super::graph::closure;
use super::super::{Program, phrasing};
use super::{network, plan_with_progress};

pub(super) fn calc(rng: &mut Rng) -> Problem {
    match rng.below(3) {
        0 => status(rng),
        1 => invitations(rng),
        _ => cut_off_share(rng),
    }
}

pub(super) fn multi_domain(rng: &mut Rng) -> Problem {
    match rng.below(3) {
        0 => eligible(rng),
        1 => menu(rng),
        _ => closed_roads(rng),
    }
}

fn status(rng: &mut Rng) -> Problem {
    let (plan, mut p, done) = plan_with_progress(rng, &["waiting", "status"]);
    let (noun, rel) = (plan.noun, plan.rel);
    p.line(format!(
        "RULE waiting: SCAN {rel}, NOT {done} $1, EMIT waiting $0"
    ))
    .line("CALC status_of")
    .line(format!("INPUT ${noun}"))
    .line(format!("IF COUNT(QUERY {done} ${noun}) > 0 THEN"))
    .line(format!("  RESULT \"{done}\""))
    .line("END")
    .line(format!("IF COUNT(QUERY waiting ${noun}) > 0 THEN"))
    .line("  RESULT \"waiting\"")
    .line("END")
    .line("RESULT \"ready\"")
    .line("END")
    .line(format!(
        "RULE status: SCAN {noun}, EMIT status $0 CALC status_of($0)"
    ))
    .line("SOLVE")
    .line("QUERY status ? ?");
    Problem {
        question: phrasing(
            rng,
            &[
                "Give the status of every {noun}: {done}, waiting for an open prerequisite, or ready.",
                "Which {noun}s are {done}, which wait on a prerequisite, and which are ready to go?",
            ],
        )
        .replace("{noun}", noun)
        .replace("{done}", done),
        steps: vec![
            format!("waiting: a {noun} with a prerequisite that is NOT {done}."),
            "A CALC cannot use NOT; it tests `COUNT(QUERY …) > 0` instead.".into(),
            format!("A rule calls the CALC for every {noun}; SOLVE runs it after waiting is complete."),
        ],
        program: p.text(),
        intro: "A NOT clause in a rule, COUNT tests in a CALC:".into(),
        phrases: vec![Phrase::list(
            "Status: {}.",
            format!("There are no {noun}s."),
            false,
        )],
    }
}

fn invitations(rng: &mut Rng) -> Problem {
    let customers = rng.sample_between(PEOPLE, 3..=7);
    let goods: Vec<&str> = ITEMS.iter().map(|i| i.0).collect();
    let limit = rng.range(5, 30) * 10;
    let mut p = Program::default();
    p.rels(&["customer", "purchase", "member", "invite"]);
    let c: Vec<Vec<&str>> = customers.iter().map(|c| vec![*c]).collect();
    p.facts("customer", &c);
    let mut purchases = Vec::new();
    for who in &customers {
        for item in rng.sample_between(&goods, 0..=3) {
            purchases.push(vec![
                who.to_string(),
                item.to_string(),
                rng.range(5, 150).to_string(),
            ]);
        }
    }
    rng.shuffle(&mut purchases);
    p.facts("purchase", &purchases);
    let members: Vec<Vec<&str>> = customers
        .iter()
        .filter(|_| rng.chance(0.4))
        .map(|c| vec![*c])
        .collect();
    p.facts("member", &members)
        .line(format!(
            "RULE invite: SCAN customer, WHERE SUM(QUERY purchase $0 ? ?) > {limit}, NOT member $0, EMIT invite $0"
        ))
        .line("SOLVE")
        .line("QUERY invite ?");
    Problem {
        question: format!(
            "The loyalty club invites customers who spent more than ${limit} and are not members yet. Whom does it invite?"
        ),
        steps: vec![
            "Store customers, purchases (customer, item, amount) and members.".into(),
            format!("WHERE keeps customers whose `SUM(QUERY purchase $0 ? ?)` exceeds {limit}."),
            "`NOT member $0` drops those who already are members.".into(),
        ],
        program: p.text(),
        intro: "An aggregate and a NOT clause in one rule:".into(),
        phrases: vec![Phrase::list("Invite {}.", "Nobody is invited.", true)],
    }
}

fn cut_off_share(rng: &mut Rng) -> Problem {
    let (g, mut p) = network(rng, &["cut_off"]);
    closure(&mut p, "road");
    let hub = g.nodes[rng.below(g.nodes.len())];
    p.line(format!(
        "RULE cut_off: SCAN town, WHERE $0 != {hub}, NOT reach {hub} $0, EMIT cut_off $0"
    ))
    .line("SOLVE")
    .line("CALC percent_cut_off")
    .line("INPUT $others")
    .line("RESULT ROUND(COUNT(QUERY cut_off ?) * 100 / $others, 1)")
    .line("END")
    .line("RESULT COUNT(QUERY cut_off ?)")
    .line("RESULT CALC percent_cut_off(COUNT(QUERY town ?) - 1)");
    let n = name(hub);
    Problem {
        question: phrasing(
            rng,
            &[
                "A depot in {x} ships along one-way roads. How many of the other towns can it not reach, and what percentage is that?",
                "How many towns are out of reach from {x}, and what share of the other towns is that, in percent?",
            ],
        )
        .replace("{x}", &n),
        steps: vec![
            "reach is the transitive closure of road.".into(),
            format!("cut_off: a town other than {hub} with NOT reach {hub} $0."),
            "COUNT the cut-off towns; a CALC turns that into a percentage of the other towns.".into(),
        ],
        program: p.text(),
        intro: "NOT finds the towns, COUNT and a CALC measure them:".into(),
        phrases: vec![
            Phrase::value(format!("The number of towns {n} cannot reach is {{}}.")),
            Phrase::value("That is {}% of the other towns."),
        ],
    }
}

fn eligible(rng: &mut Rng) -> Problem {
    let students = rng.sample_between(PEOPLE, 2..=4);
    let courses = rng.sample_between(COURSES, 4..=6);
    let (basics, advanced) = courses.split_at(courses.len() / 2);
    let mut p = Program::default();
    p.rels(&[
        "student",
        "course",
        "requires",
        "passed",
        "missing",
        "eligible",
        "eligible_count",
    ]);
    let s: Vec<Vec<&str>> = students.iter().map(|s| vec![*s]).collect();
    p.facts("student", &s);
    let c: Vec<Vec<&str>> = advanced.iter().map(|c| vec![*c]).collect();
    p.facts("course", &c);
    let mut requires = Vec::new();
    for a in advanced {
        for b in rng.sample_between(basics, 1..=2) {
            requires.push(vec![*a, b]);
        }
    }
    rng.shuffle(&mut requires);
    p.facts("requires", &requires);
    let mut passed = Vec::new();
    for s in &students {
        for b in basics {
            if rng.chance(0.6) {
                passed.push(vec![*s, *b]);
            }
        }
    }
    p.facts("passed", &passed)
        .line("RULE missing: SCAN student, SCAN requires, NOT passed $0 $2, EMIT missing $0 $1")
        .line("RULE eligible: SCAN student, SCAN course, NOT missing $0 $1, EMIT eligible $0 $1")
        .line("RULE eligible_count: SCAN course, EMIT eligible_count $0 COUNT(QUERY eligible ? $0)")
        .line("SOLVE")
        .line("QUERY eligible ? ?")
        .line("QUERY eligible_count ? ?");
    Problem {
        question: phrasing(
            rng,
            &[
                "A student may take a course once they have passed every course it requires. Who may take what, and how many students may take each course?",
                "Which students have passed all prerequisites of which advanced course, and how many are eligible per course?",
            ],
        )
        .to_string(),
        steps: vec![
            "\"Passed every prerequisite\" is \"no prerequisite is missing\": a double negation.".into(),
            "missing: a student and a course with a required course the student has NOT passed.".into(),
            "eligible: a student and a course with NOT missing; COUNT the eligible students per course.".into(),
        ],
        program: p.text(),
        intro: "For-all as a double negation:".into(),
        phrases: vec![
            Phrase::list("Eligible: {}.", "Nobody is eligible for anything.", true),
            Phrase::list("Eligible students per course: {}.", "There are no courses.", false),
        ],
    }
}

fn menu(rng: &mut Rng) -> Problem {
    let guests = rng.sample_between(PEOPLE, 2..=4);
    let dishes: Vec<(&str, &[&str])> = {
        let mut all = DISHES.to_vec();
        rng.shuffle(&mut all);
        all.truncate(rng.range(3, 6) as usize);
        all
    };
    let mut p = Program::default();
    p.rels(&[
        "guest",
        "dish",
        "contains",
        "allergic",
        "unsafe",
        "safe_for_all",
        "choices",
    ]);
    let g: Vec<Vec<&str>> = guests.iter().map(|g| vec![*g]).collect();
    p.facts("guest", &g);
    let d: Vec<Vec<&str>> = dishes.iter().map(|d| vec![d.0]).collect();
    p.facts("dish", &d);
    let contains: Vec<Vec<&str>> = dishes
        .iter()
        .flat_map(|(d, a)| a.iter().map(move |a| vec![*d, *a]))
        .collect();
    p.facts("contains", &contains);
    let mut allergic = Vec::new();
    for who in &guests {
        for a in rng.sample_between(ALLERGENS, 0..=2) {
            allergic.push(vec![*who, a]);
        }
    }
    p.facts("allergic", &allergic)
        .line("RULE unsafe: SCAN contains, SCAN allergic, WHERE $1 == $3, EMIT unsafe $0 $2")
        .line("RULE safe_for_all: SCAN dish, NOT unsafe $0 ?, EMIT safe_for_all $0")
        .line("RULE choices: SCAN guest, EMIT choices $0 (COUNT(QUERY dish ?) - COUNT(QUERY unsafe ? $0))")
        .line("SOLVE")
        .line("QUERY safe_for_all ?")
        .line("QUERY choices ? ?");
    Problem {
        question: phrasing(
            rng,
            &[
                "Given the guests' allergies, which dishes are safe for everyone, and how many dishes can each guest eat?",
                "Plan the dinner: which dishes contain nothing any guest is allergic to, and how many options does each guest have?",
            ],
        )
        .to_string(),
        steps: vec![
            "Store the dishes' allergens and the guests' allergies.".into(),
            "unsafe: a dish containing something a guest is allergic to.".into(),
            "A dish with NOT unsafe $0 ? is safe for all; a guest's options are the dishes minus the unsafe ones.".into(),
        ],
        program: p.text(),
        intro: "NOT finds the dishes nobody reacts to:".into(),
        phrases: vec![
            Phrase::list("Safe for everyone: {}.", "No dish is safe for everyone.", false),
            Phrase::list("Dishes each guest can eat: {}.", "There are no guests.", true),
        ],
    }
}

fn closed_roads(rng: &mut Rng) -> Problem {
    let (g, mut p) = network(rng, &["closed", "open", "demand", "cut_off"]);
    let hub = g.nodes[0];
    let closed: Vec<Vec<&str>> = g
        .edges
        .iter()
        .filter(|_| rng.chance(0.3))
        .map(|(a, b)| vec![*a, *b])
        .collect();
    let demand: Vec<Vec<String>> = g.nodes[1..]
        .iter()
        .map(|n| vec![n.to_string(), rng.range(10, 300).to_string()])
        .collect();
    p.facts("closed", &closed).facts("demand", &demand);
    closure(&mut p, "open");
    p.line("RULE open: SCAN road, NOT closed $0 $1, EMIT open $0 $1")
        .line(format!(
            "RULE cut_off: SCAN town, WHERE $0 != {hub}, NOT reach {hub} $0, EMIT cut_off $0"
        ))
        .line("SOLVE")
        .line("QUERY cut_off ?")
        .line("CALC lost_demand")
        .line("LET $total = 0")
        .line("FOR t IN (QUERY cut_off ?)")
        .line("  LET $total = $total + SUM(QUERY demand t.a ?)")
        .line("END")
        .line("RESULT $total")
        .line("END")
        .line("RESULT CALC lost_demand()");
    let n = name(hub);
    Problem {
        question: phrasing(
            rng,
            &[
                "Some one-way roads are closed. Which towns can the {x} warehouse not reach while they are, and how much demand does that cut off?",
                "With the closed roads out of use, which towns are cut off from {x}, and what is their total demand?",
            ],
        )
        .replace("{x}", &n),
        steps: vec![
            "open: a road that is NOT closed.".into(),
            format!("reach is the transitive closure of open; cut_off: NOT reach {hub} $0."),
            "A CALC adds up the demand of the cut-off towns.".into(),
        ],
        program: p.text(),
        intro: format!("Roads minus closures, reachability, then what {n} loses:"),
        phrases: vec![
            Phrase::list(
                format!("With those roads closed, {n} cannot reach {{}}."),
                format!("Even with those roads closed, {n} reaches every town."),
                true,
            ),
            Phrase::value("Their total demand is {} units."),
        ],
    }
}
