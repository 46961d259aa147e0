//! The categories of training problems, one module each. A category is a name, the
//! curriculum stages it covers (docs/training-data.md) and a function drawing one
//! problem of a stage; adding one is a new module and a line in [`ALL`].

use super::problem::Problem;
use super::rng::Rng;
use std::fmt::Write as _;

mod aggregates;
mod arithmetic;
mod family;
mod graph;
mod hybrid;
mod loops;
mod negation;
mod scheduling;
mod strings;
mod taxonomy;

/// One category of problems.
#[derive(Debug)]
pub struct Category {
    /// The name used by `--category`, `--mix` and the rows' `category` field.
    pub name: &'static str,
    /// One line on what its problems are about.
    pub about: &'static str,
    /// The stages (1–4) it has templates for, ascending.
    pub stages: &'static [u8],
    /// Draws one problem of a stage (one of `stages`).
    pub make: fn(&mut Rng, u8) -> Problem,
}

/// Every category, in the order summaries list them.
pub const ALL: &[&Category] = &[
    &family::CATEGORY,
    &graph::CATEGORY,
    &taxonomy::CATEGORY,
    &scheduling::CATEGORY,
    &arithmetic::CATEGORY,
    &strings::CATEGORY,
    &loops::CATEGORY,
    &hybrid::CATEGORY,
    &aggregates::CATEGORY,
    &negation::CATEGORY,
];

/// The category named `name`.
pub fn find(name: &str) -> Option<&'static Category> {
    ALL.iter().copied().find(|c| c.name == name)
}

/// A program written line by line.
#[derive(Default)]
pub(super) struct Program(String);

impl Program {
    /// Appends a line.
    pub(super) fn line(&mut self, line: impl AsRef<str>) -> &mut Program {
        self.0.push_str(line.as_ref());
        self.0.push('\n');
        self
    }

    /// Appends `REL name` for each name.
    pub(super) fn rels(&mut self, names: &[&str]) -> &mut Program {
        for n in names {
            let _ = writeln!(self.0, "REL {n}");
        }
        self
    }

    /// Appends `FACT rel a b …` for each tuple.
    pub(super) fn facts<S: AsRef<str>>(&mut self, rel: &str, tuples: &[Vec<S>]) -> &mut Program {
        for t in tuples {
            let args: Vec<&str> = t.iter().map(AsRef::as_ref).collect();
            let _ = writeln!(self.0, "FACT {rel} {}", args.join(" "));
        }
        self
    }

    /// The program text, without the final line break.
    pub(super) fn text(&self) -> String {
        self.0.trim_end().to_string()
    }
}

/// One of the phrasings, filled in by the caller.
pub(super) fn phrasing<'a>(rng: &mut Rng, options: &[&'a str]) -> &'a str {
    rng.pick(options)
}

#[cfg(test)]
mod tests {
    use super::super::mix::Mix;
    use super::super::{GenerateOptions, generate};
    use super::*;
    use crate::Executor;

    /// Every stage of every category draws programs that run without a diagnostic and
    /// whose answers the phrases can state (`rejected_valid` counts the others).
    #[test]
    fn every_cell_draws_valid_distinct_problems() {
        for c in ALL {
            assert!(!c.stages.is_empty() && c.stages.len() >= 2, "{}", c.name);
            for &stage in c.stages {
                let options = GenerateOptions {
                    count: 150,
                    seed: 7,
                    mix: Mix::new(&[c.name.to_string()], &[stage], None).unwrap(),
                    errors: 0.0,
                };
                let summary = generate(&options, &Executor::new(), |_| Ok::<(), ()>(()))
                    .unwrap_or_else(|e| panic!("{} stage {stage}: {e:?}", c.name));
                assert_eq!(
                    summary.rejected_valid, 0,
                    "{} stage {stage}: {:?}",
                    c.name, summary.first_rejection
                );
                assert_eq!(summary.distinct_programs, 150);
            }
        }
    }
}
