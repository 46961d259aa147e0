//! Family relationships: parents and children (stage 1), ancestors, siblings and
//! cousins (stage 2), birth years with CALC (stage 3), inheritance and where the
//! family lives (stage 4; stages 3 and 4 are in `later`).

mod later;

use super::super::problem::{Phrase, Problem, name};
use super::super::rng::Rng;
use super::super::words::PEOPLE;
use super::{Category, Program, phrasing};

/// The category.
pub const CATEGORY: Category = Category {
    name: "family",
    about: "family trees: parents, grandparents, ancestors, siblings, cousins, ages, inheritance",
    stages: &[1, 2, 3, 4],
    make,
};

/// A random family: `parent` edges over generations, oldest first.
struct Tree {
    people: Vec<&'static str>,
    /// (parent, child)
    edges: Vec<(&'static str, &'static str)>,
    /// The generation of each person, by index in `people`.
    generation: Vec<usize>,
}

impl Tree {
    fn new(rng: &mut Rng, generations: usize, people: std::ops::RangeInclusive<usize>) -> Tree {
        let pool = rng.sample_between(PEOPLE, people);
        let mut tree = Tree {
            people: Vec::new(),
            edges: Vec::new(),
            generation: Vec::new(),
        };
        let roots = rng.range(1, 2) as usize;
        let mut next = 0;
        for _ in 0..roots {
            tree.people.push(pool[next]);
            tree.generation.push(0);
            next += 1;
        }
        for g in 1..generations {
            let parents: Vec<usize> = (0..tree.people.len())
                .filter(|&i| tree.generation[i] == g - 1)
                .collect();
            for p in parents {
                for _ in 0..rng.range(1, 3) {
                    if next == pool.len() {
                        break;
                    }
                    tree.people.push(pool[next]);
                    tree.generation.push(g);
                    tree.edges.push((tree.people[p], pool[next]));
                    next += 1;
                }
            }
        }
        rng.shuffle(&mut tree.edges);
        tree
    }

    fn facts(&self, p: &mut Program) {
        let tuples: Vec<Vec<&str>> = self.edges.iter().map(|(a, b)| vec![*a, *b]).collect();
        p.facts("parent", &tuples);
    }

    /// Someone of a generation in `gens` (the first person when none is).
    fn someone(&self, rng: &mut Rng, gens: std::ops::Range<usize>) -> &'static str {
        let fit: Vec<&str> = (0..self.people.len())
            .filter(|&i| gens.contains(&self.generation[i]))
            .map(|i| self.people[i])
            .collect();
        if fit.is_empty() {
            self.people[0]
        } else {
            rng.pick(&fit)
        }
    }

    fn has_children(&self, who: &str) -> bool {
        self.edges.iter().any(|(p, _)| *p == who)
    }
}

fn make(rng: &mut Rng, stage: u8) -> Problem {
    match stage {
        1 => match rng.below(4) {
            0 => children(rng),
            1 => parents(rng),
            2 => is_parent(rng),
            _ => grandchildren(rng),
        },
        2 => match rng.below(4) {
            0 => ancestors(rng),
            1 => is_ancestor(rng),
            2 => siblings(rng),
            _ => cousins(rng),
        },
        3 => match rng.below(2) {
            0 => later::age_gap(rng),
            _ => later::born_after(rng),
        },
        _ => match rng.below(2) {
            0 => later::inheritance(rng),
            _ => later::grandchildren_in(rng),
        },
    }
}

fn base(tree: &Tree, rels: &[&str]) -> Program {
    let mut p = Program::default();
    p.rels(rels);
    tree.facts(&mut p);
    p
}

fn children(rng: &mut Rng) -> Problem {
    let tree = Tree::new(rng, 3, 4..=9);
    let x = tree.someone(rng, 0..2);
    let mut p = base(&tree, &["parent"]);
    p.line("SOLVE").line(format!("QUERY parent {x} ?"));
    let n = name(x);
    Problem {
        question: format!(
            "{} {}",
            phrasing(
                rng,
                &[
                    "Who are the children of",
                    "Which people have as their parent",
                    "List the kids of"
                ]
            ),
            n
        ) + "?",
        steps: vec![
            "Store each parent-child pair as a `parent` fact.".into(),
            format!("Query `parent {x} ?` for everyone whose parent is {n}."),
        ],
        program: p.text(),
        intro: format!("I'll record the family and ask for {n}'s children:"),
        phrases: vec![Phrase::list(
            format!("{n}'s children are {{}}."),
            format!("{n} has no children."),
            true,
        )],
    }
}

fn parents(rng: &mut Rng) -> Problem {
    let tree = Tree::new(rng, 3, 4..=9);
    let y = tree.someone(rng, 1..3);
    let mut p = base(&tree, &["parent"]);
    p.line("SOLVE").line(format!("QUERY parent ? {y}"));
    let n = name(y);
    Problem {
        question: phrasing(
            rng,
            &[
                "Who is {n}'s parent?",
                "Who are the parents of {n}?",
                "Whose child is {n}?",
            ],
        )
        .replace("{n}", &n),
        steps: vec![
            "Store each parent-child pair as a `parent` fact.".into(),
            format!("Query `parent ? {y}`: the first column is the parent."),
        ],
        program: p.text(),
        intro: format!("Looking {n} up in the parent facts:"),
        phrases: vec![Phrase::list(
            format!("{n}'s parent is {{}}."),
            format!("No parent of {n} is recorded."),
            true,
        )],
    }
}

fn is_parent(rng: &mut Rng) -> Problem {
    let tree = Tree::new(rng, 3, 4..=9);
    let (a, b) = if rng.chance(0.5) {
        tree.edges[rng.below(tree.edges.len())]
    } else {
        (tree.someone(rng, 0..3), tree.someone(rng, 0..3))
    };
    let mut p = base(&tree, &["parent"]);
    p.line("SOLVE").line(format!("QUERY parent {a} {b}"));
    let (na, nb) = (name(a), name(b));
    Problem {
        question: phrasing(
            rng,
            &[
                "Is {a} a parent of {b}?",
                "Is {b} a child of {a}?",
                "Does {a} have {b} as a child?",
            ],
        )
        .replace("{a}", &na)
        .replace("{b}", &nb),
        steps: vec![
            "Store the parent facts.".into(),
            format!("Ask the ground query `parent {a} {b}`."),
        ],
        program: p.text(),
        intro: "A ground query checks one fact:".into(),
        phrases: vec![Phrase::truth(
            format!("Yes, {na} is a parent of {nb}."),
            format!("No, {na} is not a parent of {nb}."),
        )],
    }
}

fn grandchildren(rng: &mut Rng) -> Problem {
    let tree = Tree::new(rng, 3, 5..=10);
    let x = tree.someone(rng, 0..1);
    let mut p = base(&tree, &["parent", "grandparent"]);
    p.line("RULE grandparent: SCAN parent MATCH $0, JOIN parent $0, EMIT grandparent $1 $2")
        .line("SOLVE")
        .line(format!("QUERY grandparent {x} ?"));
    let n = name(x);
    Problem {
        question: phrasing(rng, &["Who are {n}'s grandchildren?", "Which grandchildren does {n} have?", "Name the grandchildren of {n}."]).replace("{n}", &n),
        steps: vec![
            "A grandparent is a parent of a parent.".into(),
            "Key-first SCAN parent MATCH $0 puts the middle person in $0 and the grandparent in $1; JOIN parent $0 finds the grandchild $2.".into(),
            format!("SOLVE, then query `grandparent {x} ?`."),
        ],
        program: p.text(),
        intro: "I'll derive grandparents from the parent facts:".into(),
        phrases: vec![Phrase::list(format!("{n}'s grandchildren are {{}}."), format!("{n} has no grandchildren."), true)],
    }
}

const ANCESTOR: [&str; 2] = [
    "RULE ancestor: SCAN parent, EMIT ancestor $0 $1",
    "RULE ancestor: SCAN parent, JOIN ancestor $1, EMIT ancestor $0 $2",
];

fn ancestor_program(tree: &Tree, extra: &[&str]) -> Program {
    let mut rels = vec!["parent", "ancestor"];
    rels.extend_from_slice(extra);
    let mut p = base(tree, &rels);
    p.line(ANCESTOR[0]).line(ANCESTOR[1]);
    p
}

fn ancestors(rng: &mut Rng) -> Problem {
    let tree = Tree::new(rng, 4, 6..=12);
    let down = rng.chance(0.5);
    let x = if down {
        tree.someone(rng, 0..2)
    } else {
        tree.someone(rng, 2..4)
    };
    let mut p = ancestor_program(&tree, &[]);
    p.line("SOLVE");
    let n = name(x);
    let (query, question, phrase) = if down {
        (
            format!("QUERY ancestor {x} ?"),
            phrasing(
                rng,
                &[
                    "Who are all the descendants of {n}?",
                    "List everyone descended from {n}.",
                    "Which people descend from {n}?",
                ],
            ),
            Phrase::list(
                format!("{n}'s descendants are {{}}."),
                format!("{n} has no descendants."),
                true,
            ),
        )
    } else {
        (
            format!("QUERY ancestor ? {x}"),
            phrasing(
                rng,
                &[
                    "Who are all the ancestors of {n}?",
                    "List every ancestor of {n}.",
                    "From whom does {n} descend?",
                ],
            ),
            Phrase::list(
                format!("{n}'s ancestors are {{}}."),
                format!("{n} has no recorded ancestors."),
                true,
            ),
        )
    };
    p.line(&query);
    Problem {
        question: question.replace("{n}", &n),
        steps: vec![
            "An ancestor is a parent, or a parent of an ancestor: two rules make the transitive closure.".into(),
            "SOLVE runs them to a fixpoint.".into(),
            format!("Query `{}`.", &query["QUERY ".len()..]),
        ],
        program: p.text(),
        intro: "The ancestor relation is the transitive closure of parent:".into(),
        phrases: vec![phrase],
    }
}

fn is_ancestor(rng: &mut Rng) -> Problem {
    let tree = Tree::new(rng, 4, 6..=12);
    let a = tree.someone(rng, 0..2);
    let b = tree.someone(rng, 2..4);
    let (a, b) = if rng.chance(0.2) { (b, a) } else { (a, b) };
    let mut p = ancestor_program(&tree, &[]);
    p.line("SOLVE").line(format!("QUERY ancestor {a} {b}"));
    let (na, nb) = (name(a), name(b));
    Problem {
        question: phrasing(
            rng,
            &[
                "Is {a} an ancestor of {b}?",
                "Does {b} descend from {a}?",
                "Is {b} a descendant of {a}?",
            ],
        )
        .replace("{a}", &na)
        .replace("{b}", &nb),
        steps: vec![
            "Derive ancestor as the transitive closure of parent.".into(),
            format!("SOLVE, then ask the ground query `ancestor {a} {b}`."),
        ],
        program: p.text(),
        intro: "I'll compute the ancestor closure and check the pair:".into(),
        phrases: vec![Phrase::truth(
            format!("Yes, {na} is an ancestor of {nb}."),
            format!("No, {na} is not an ancestor of {nb}."),
        )],
    }
}

const SIBLING: &str =
    "RULE sibling: SCAN parent, JOIN parent $0, WHERE $1 != $2, EMIT sibling $1 $2";

fn siblings(rng: &mut Rng) -> Problem {
    let tree = Tree::new(rng, 3, 5..=11);
    let x = tree.someone(rng, 1..3);
    let mut p = base(&tree, &["parent", "sibling"]);
    p.line(SIBLING)
        .line("SOLVE")
        .line(format!("QUERY sibling {x} ?"));
    let n = name(x);
    Problem {
        question: phrasing(rng, &["Who are {n}'s siblings?", "Which people share a parent with {n}?", "Does {n} have brothers or sisters, and who are they?"]).replace("{n}", &n),
        steps: vec![
            "Siblings are two different children of the same parent.".into(),
            "SCAN parent binds the parent $0 and a child $1; JOIN parent $0 binds another child $2; WHERE $1 != $2 drops the person themself.".into(),
            format!("SOLVE, then query `sibling {x} ?`."),
        ],
        program: p.text(),
        intro: "Siblings share a parent:".into(),
        phrases: vec![Phrase::list(format!("{n}'s siblings are {{}}."), format!("{n} has no siblings."), true)],
    }
}

fn cousins(rng: &mut Rng) -> Problem {
    let tree = Tree::new(rng, 3, 7..=13);
    let x = tree.someone(rng, 2..3);
    let mut p = base(&tree, &["parent", "sibling", "cousin"]);
    p.line(SIBLING)
        .line("RULE cousin: SCAN sibling, JOIN parent $0, JOIN parent $1, EMIT cousin $2 $3")
        .line("SOLVE")
        .line(format!("QUERY cousin {x} ?"));
    let n = name(x);
    Problem {
        question: phrasing(
            rng,
            &[
                "Who are {n}'s cousins?",
                "Which cousins does {n} have?",
                "List the first cousins of {n}.",
            ],
        )
        .replace("{n}", &n),
        steps: vec![
            "First derive siblings: two different children of one parent.".into(),
            "Cousins are children of two siblings: SCAN sibling, then JOIN parent on each sibling."
                .into(),
            format!("SOLVE, then query `cousin {x} ?`."),
        ],
        program: p.text(),
        intro: "Cousins are the children of siblings, so I'll chain two rules:".into(),
        phrases: vec![Phrase::list(
            format!("{n}'s cousins are {{}}."),
            format!("{n} has no cousins."),
            true,
        )],
    }
}
