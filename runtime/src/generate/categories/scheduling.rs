//! Scheduling and dependencies: direct prerequisites (stage 1), everything that must
//! come first (stage 2), earliest finish times and total effort with recursive CALC
//! (stage 3), planning a project with owners (stage 4).

use super::super::problem::{Phrase, Problem, capitalize, name, prose};
use super::super::rng::Rng;
use super::super::words::{COURSES, PEOPLE, TASKS};
use super::{Category, Program, phrasing};

/// The category.
pub const CATEGORY: Category = Category {
    name: "scheduling",
    about: "dependencies: prerequisites, what must come first, earliest finish times, project plans",
    stages: &[1, 2, 3, 4],
    make,
};

/// A random dependency DAG: `needs task prerequisite`, prerequisites always earlier
/// (also drawn by the negation category).
pub(super) struct Plan {
    pub(super) tasks: Vec<&'static str>,
    pub(super) needs: Vec<(&'static str, &'static str)>,
    /// `(noun, relation)`: "task"/"needs" or "course"/"requires".
    pub(super) noun: &'static str,
    pub(super) rel: &'static str,
}

impl Plan {
    pub(super) fn new(rng: &mut Rng, size: std::ops::RangeInclusive<usize>) -> Plan {
        let courses = rng.chance(0.4);
        let tasks = rng.sample_between(if courses { COURSES } else { TASKS }, size);
        let mut needs = Vec::new();
        for i in 1..tasks.len() {
            for _ in 0..rng.range(1, 2) {
                let pre = tasks[rng.below(i)];
                if !needs.contains(&(tasks[i], pre)) {
                    needs.push((tasks[i], pre));
                }
            }
        }
        rng.shuffle(&mut needs);
        let (noun, rel) = if courses {
            ("course", "requires")
        } else {
            ("task", "needs")
        };
        Plan {
            tasks,
            needs,
            noun,
            rel,
        }
    }

    /// `REL` lines for the plan's relation and `extra`, then its facts.
    pub(super) fn program(&self, extra: &[&str]) -> Program {
        let mut p = Program::default();
        let mut rels = vec![self.rel];
        rels.extend_from_slice(extra);
        p.rels(&rels);
        let tuples: Vec<Vec<&str>> = self.needs.iter().map(|(a, b)| vec![*a, *b]).collect();
        p.facts(self.rel, &tuples);
        p
    }

    /// A task late in the plan (one with prerequisites when any has).
    fn late(&self, rng: &mut Rng) -> &'static str {
        let n = self.tasks.len();
        self.tasks[n / 2 + rng.below(n - n / 2)]
    }

    fn closure(&self, p: &mut Program) {
        p.line(format!("RULE before: SCAN {}, EMIT before $0 $1", self.rel))
            .line(format!(
                "RULE before: SCAN {}, JOIN before $1, EMIT before $0 $2",
                self.rel
            ));
    }

    fn durations(&self, rng: &mut Rng, p: &mut Program) {
        let tuples: Vec<Vec<String>> = self
            .tasks
            .iter()
            .map(|t| vec![t.to_string(), rng.range(1, 15).to_string()])
            .collect();
        p.facts("takes", &tuples);
    }
}

fn make(rng: &mut Rng, stage: u8) -> Problem {
    let plan = Plan::new(rng, 4..=9);
    match stage {
        1 => match rng.below(2) {
            0 => direct_prerequisites(rng, &plan),
            _ => direct_dependents(rng, &plan),
        },
        2 => match rng.below(2) {
            0 => all_prerequisites(rng, &plan),
            _ => must_precede(rng, &plan),
        },
        3 => match rng.below(2) {
            0 => earliest_finish(rng, &plan),
            _ => total_effort(rng, &plan),
        },
        _ => project(rng, &plan),
    }
}

fn direct_prerequisites(rng: &mut Rng, plan: &Plan) -> Problem {
    let x = plan.late(rng);
    let mut p = plan.program(&[]);
    p.line("SOLVE").line(format!("QUERY {} {x} ?", plan.rel));
    let (n, noun) = (prose(x), plan.noun);
    Problem {
        question: phrasing(
            rng,
            &[
                "What does the {noun} {x} directly depend on?",
                "Which {noun}s are immediate prerequisites of {x}?",
            ],
        )
        .replace("{noun}", noun)
        .replace("{x}", &n),
        steps: vec![
            format!(
                "Store each dependency as `{} {noun} prerequisite`.",
                plan.rel
            ),
            format!("Query `{} {x} ?`.", plan.rel),
        ],
        program: p.text(),
        intro: "The dependencies are facts; one query reads them:".into(),
        phrases: vec![Phrase::list(
            format!("{} directly depends on {{}}.", capitalize(&n)),
            format!("{} has no prerequisites.", capitalize(&n)),
            false,
        )],
    }
}

fn direct_dependents(rng: &mut Rng, plan: &Plan) -> Problem {
    let x = plan.tasks[rng.below(plan.tasks.len() / 2 + 1)];
    let mut p = plan.program(&[]);
    p.line("SOLVE").line(format!("QUERY {} ? {x}", plan.rel));
    let (n, noun) = (prose(x), plan.noun);
    Problem {
        question: phrasing(
            rng,
            &[
                "Which {noun}s wait directly on {x}?",
                "What can only start once {x} is done (directly)?",
            ],
        )
        .replace("{noun}", noun)
        .replace("{x}", &n),
        steps: vec![
            format!("Store the dependencies as `{}` facts.", plan.rel),
            format!(
                "Query `{} ? {x}`: the {noun}s that list {x} as a prerequisite.",
                plan.rel
            ),
        ],
        program: p.text(),
        intro: "Reading the dependencies backwards:".into(),
        phrases: vec![Phrase::list(
            format!("Waiting directly on {n}: {{}}."),
            format!("Nothing waits directly on {n}."),
            false,
        )],
    }
}

fn all_prerequisites(rng: &mut Rng, plan: &Plan) -> Problem {
    let x = plan.late(rng);
    let mut p = plan.program(&["before"]);
    plan.closure(&mut p);
    p.line("SOLVE").line(format!("QUERY before {x} ?"));
    let (n, noun) = (prose(x), plan.noun);
    Problem {
        question: phrasing(
            rng,
            &[
                "Which {noun}s must be finished before {x} can start?",
                "What has to be completed, directly or indirectly, before {x}?",
                "List every prerequisite of {x}, including indirect ones.",
            ],
        )
        .replace("{noun}", noun)
        .replace("{x}", &n),
        steps: vec![
            format!("Store the direct dependencies as `{}` facts.", plan.rel),
            "before is their transitive closure: a prerequisite, or a prerequisite of one.".into(),
            format!("SOLVE, then query `before {x} ?`."),
        ],
        program: p.text(),
        intro: "Indirect prerequisites come from the transitive closure:".into(),
        phrases: vec![Phrase::list(
            format!("Before {n}: {{}}."),
            format!("{} has no prerequisites.", capitalize(&n)),
            false,
        )],
    }
}

fn must_precede(rng: &mut Rng, plan: &Plan) -> Problem {
    let s = rng.sample(&plan.tasks, 2);
    let (a, b) = (s[0], s[1]);
    let mut p = plan.program(&["before"]);
    plan.closure(&mut p);
    p.line("SOLVE").line(format!("QUERY before {b} {a}"));
    let (na, nb) = (prose(a), prose(b));
    Problem {
        question: phrasing(
            rng,
            &[
                "Must {a} be done before {b}?",
                "Does {b} depend, directly or not, on {a}?",
            ],
        )
        .replace("{a}", &na)
        .replace("{b}", &nb),
        steps: vec![
            "Derive before as the transitive closure of the dependencies.".into(),
            format!("SOLVE, then ask the ground query `before {b} {a}`."),
        ],
        program: p.text(),
        intro: "A ground query on the closure answers it:".into(),
        phrases: vec![Phrase::truth(
            format!("Yes, {na} must be done before {nb}."),
            format!("No, {nb} does not depend on {na}."),
        )],
    }
}

/// The recursive CALC of the earliest finish time of a task.
fn finish_calc(p: &mut Program, rel: &str) {
    p.line("CALC finish")
        .line("INPUT $task")
        .line("LET $start = 0")
        .line(format!("FOR d IN (QUERY {rel} $task ?)"))
        .line("  LET $done = CALC finish(d.b)")
        .line("  IF $done > $start THEN")
        .line("    LET $start = $done")
        .line("  END")
        .line("END")
        .line("FOR t IN (QUERY takes $task ?)")
        .line("  RESULT $start + t.b")
        .line("END")
        .line("RESULT $start")
        .line("END");
}

fn earliest_finish(rng: &mut Rng, plan: &Plan) -> Problem {
    let x = plan.tasks[plan.tasks.len() - 1];
    let mut p = plan.program(&["takes"]);
    plan.durations(rng, &mut p);
    finish_calc(&mut p, plan.rel);
    p.line(format!("RESULT CALC finish(\"{x}\")"));
    let n = prose(x);
    Problem {
        question: phrasing(rng, &["Each {noun} takes the listed number of days and starts when all its prerequisites are done. When does {x} finish at the earliest?", "With unlimited people, what is the earliest day {x} can be finished?"])
            .replace("{noun}", plan.noun)
            .replace("{x}", &n),
        steps: vec![
            "Store the dependencies and each duration (`takes`).".into(),
            "finish(t) = the latest finish among t's prerequisites, plus t's own duration.".into(),
            "A recursive CALC computes it, reading prerequisites with FOR … IN (QUERY …).".into(),
        ],
        program: p.text(),
        intro: "A recursive CALC follows the dependencies:".into(),
        phrases: vec![Phrase::value(format!("{} can finish on day {{}} at the earliest.", capitalize(&n)))],
    }
}

fn total_effort(rng: &mut Rng, plan: &Plan) -> Problem {
    let x = plan.late(rng);
    let mut p = plan.program(&["takes", "before"]);
    plan.durations(rng, &mut p);
    plan.closure(&mut p);
    p.line("SOLVE")
        .line("CALC effort")
        .line("INPUT $goal")
        .line("LET $days = 0")
        .line("FOR t IN (QUERY takes $goal ?)")
        .line("  LET $days = t.b")
        .line("END")
        .line("FOR b IN (QUERY before $goal ?)")
        .line("  FOR t IN (QUERY takes b.b ?)")
        .line("    LET $days = $days + t.b")
        .line("  END")
        .line("END")
        .line("RESULT $days")
        .line("END")
        .line(format!("RESULT CALC effort(\"{x}\")"));
    let n = prose(x);
    Problem {
        question: phrasing(rng, &["If one person does everything needed for {x}, including {x} itself, how many days of work is that?", "What is the total work, in days, of {x} and all its prerequisites?"]).replace("{x}", &n),
        steps: vec![
            "Derive every prerequisite with the transitive closure before.".into(),
            "A CALC adds the durations of the goal and of each prerequisite (each counted once: before is a set).".into(),
        ],
        program: p.text(),
        intro: "The closure lists the work; a CALC adds it up:".into(),
        phrases: vec![Phrase::value("That is {} days of work.")],
    }
}

fn project(rng: &mut Rng, plan: &Plan) -> Problem {
    let x = plan.tasks[plan.tasks.len() - 1];
    let people = rng.sample(PEOPLE, 3);
    let who = people[rng.below(3)];
    let mut p = plan.program(&["takes", "owner", "before", "owns_part"]);
    plan.durations(rng, &mut p);
    let owners: Vec<Vec<&str>> = plan
        .tasks
        .iter()
        .map(|t| vec![*t, people[rng.below(3)]])
        .collect();
    p.facts("owner", &owners);
    plan.closure(&mut p);
    p.line("RULE owns_part: SCAN before, JOIN owner $1, EMIT owns_part $0 $2 $1")
        .line("SOLVE");
    finish_calc(&mut p, plan.rel);
    p.line(format!("QUERY owns_part {x} {who} ?"))
        .line(format!("RESULT CALC finish(\"{x}\")"));
    let (n, w) = (prose(x), name(who));
    Problem {
        question: format!(
            "Planning {n}: which of its prerequisites are {w}'s, and on which day can {n} be finished at the earliest?"
        ),
        steps: vec![
            "Store dependencies, durations and owners.".into(),
            "The closure before gives every prerequisite; a rule joins each with its owner.".into(),
            format!("Query the prerequisites of {x} owned by {who}."),
            "A recursive CALC gives the earliest finish day.".into(),
        ],
        program: p.text(),
        intro: "Rules answer who owns what; a recursive CALC does the timing:".into(),
        phrases: vec![
            Phrase::list(
                format!("{w} owns these prerequisites: {{}}."),
                format!("{w} owns none of the prerequisites."),
                false,
            ),
            Phrase::value(format!("{} can be finished on day {{}}.", capitalize(&n))),
        ],
    }
}
