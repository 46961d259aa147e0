//! `bytelogic generate`: training rows that are right by construction. Each row is a
//! fresh problem drawn from a category's templates (built-in vocabularies, no
//! downloads); its program runs on the interpreter and the row's answer is what the
//! engine computed, never what a template assumed. The format is described in
//! docs/training-data.md.
//!
//! Row `i` of a seed is drawn from its own random stream ([`rng::Rng::for_row`]), so
//! rows are drawn in parallel and a dataset is the same whatever the thread count. A
//! row whose program another row already has is drawn again (its next attempt), in
//! row order, so the first N rows of a dataset do not depend on how many follow.
//!
//! A category is one module of [`categories`]: a name, the stages it covers and one
//! function from a random stream and a stage to a [`Problem`].

pub mod categories;
mod mistakes;
pub mod mix;
pub mod problem;
pub mod rng;
pub mod words;

use crate::executor::{Backend, Executor, Options};
use crate::render::json::query_results;
use crate::render::text;
use bytelogic_engine::LineIndex;
use mix::{Cell, Mix};
use problem::{BRIDGES, Problem, output_text};
use rayon::prelude::*;
use rng::Rng;
use serde_json::Value as Json;
use std::collections::{BTreeMap, HashSet};

/// What to generate.
#[derive(Clone, Debug)]
pub struct GenerateOptions {
    /// How many rows.
    pub count: usize,
    /// The seed: the same seed and options give the same rows.
    pub seed: u64,
    /// The cells rows are drawn from.
    pub mix: Mix,
    /// The share of rows (0–1) whose program has one mistake and whose answer is the
    /// engine's diagnostic.
    pub errors: f64,
}

/// One training row (docs/training-data.md).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// `s<seed>-<index>`.
    pub id: String,
    /// The category's name.
    pub category: &'static str,
    /// The curriculum stage, 1–4.
    pub stage: u8,
    /// The question.
    pub input: String,
    /// Short steps from the question to the program.
    pub reasoning_steps: Vec<String>,
    /// The program.
    pub computation: String,
    /// The engine's answer as text: the outputs joined with `; ` (spec §5.3), or
    /// `CODE: message` when the program fails.
    pub expected_result: String,
    /// The outputs as the flat list `bytelogic validate` compares (the corpus rules).
    pub expected: Vec<Json>,
    /// The code of the program's error, for a row with a mistake.
    pub expected_error: Option<String>,
    /// The answer a model should write: the program in a sentence, its answer token,
    /// and the answer in words.
    pub output: String,
}

impl Row {
    /// The row as one line of JSON (no line break), fields in a fixed order.
    pub fn to_json_line(&self) -> String {
        let s = |v: &str| Json::from(v).to_string();
        let mut line = format!(
            "{{\"id\":{},\"category\":{},\"stage\":{},\"input\":{},\"reasoning_steps\":{},\
             \"computation\":{},\"expected_result\":{},\"expected\":{}",
            s(&self.id),
            s(self.category),
            self.stage,
            s(&self.input),
            Json::from(self.reasoning_steps.clone()),
            s(&self.computation),
            s(&self.expected_result),
            Json::Array(self.expected.clone()),
        );
        if let Some(code) = &self.expected_error {
            line += &format!(",\"expected_error\":{}", s(code));
        }
        line + &format!(",\"output\":{}}}", s(&self.output))
    }
}

/// What a generation run produced.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Rows written.
    pub rows: usize,
    /// Rows per (category, stage).
    pub by_cell: BTreeMap<(&'static str, u8), usize>,
    /// Rows with a mistake, per error code.
    pub errors_by_code: BTreeMap<String, usize>,
    /// Distinct programs among the rows written.
    pub distinct_programs: usize,
    /// Draws discarded because an earlier row had the same program.
    pub duplicates_redrawn: usize,
    /// Of those, per (category, stage): where the templates run short of new programs.
    pub duplicates_by_cell: BTreeMap<(&'static str, u8), usize>,
    /// Draws discarded because the program did not do what its row needs (a valid
    /// row's program failed or warned, or a mistake did not make it fail).
    pub rejected: usize,
    /// Of those, draws of rows without a mistake: a template bug when not 0.
    pub rejected_valid: usize,
    /// The first reason a valid row's draw was rejected, for the report.
    pub first_rejection: Option<String>,
}

/// Why generation stopped.
#[derive(Clone, Debug, PartialEq)]
pub enum GenerateError<E> {
    /// A row could not be drawn with a new program in [`MAX_ATTEMPTS`] attempts (the
    /// cell's templates have no more room).
    Exhausted {
        /// The row's index.
        index: usize,
        /// Its cell.
        category: &'static str,
        /// Its stage.
        stage: u8,
    },
    /// The sink failed.
    Sink(E),
}

/// How often one row is drawn again before generation gives up.
pub const MAX_ATTEMPTS: u64 = 1000;

/// Rows drawn in parallel at a time.
const CHUNK: usize = 4096;

/// Salts that separate a row's choice of cell and of a mistake from its problem stream.
const CELL_SALT: u64 = 0x63656c6c;
const ERROR_SALT: u64 = 0x6572726f72;

/// One draw of a row: the row, or why it was discarded.
type Draw = Result<Row, Rejection>;

#[derive(Debug)]
struct Rejection {
    /// True when the row was meant to have no mistake (a template bug).
    valid_row: bool,
    reason: String,
}

/// Generates `options.count` rows, handing each to `sink` in order, and returns the
/// summary. Programs run on the interpreter of `executor`.
pub fn generate<E>(
    options: &GenerateOptions,
    executor: &Executor,
    mut sink: impl FnMut(&Row) -> Result<(), E>,
) -> Result<Summary, GenerateError<E>> {
    let mut summary = Summary::default();
    let mut seen: HashSet<String> = HashSet::with_capacity(options.count);
    let mut start = 0;
    while start < options.count {
        let end = (start + CHUNK).min(options.count);
        let draws: Vec<Draw> = (start..end)
            .into_par_iter()
            .map(|i| draw(options, executor, i, 0))
            .collect();
        for (i, first) in (start..end).zip(draws) {
            let mut attempt = 0;
            let mut current = first;
            let row = loop {
                match current {
                    Ok(row) if !seen.contains(&row.computation) => break row,
                    Ok(row) => {
                        summary.duplicates_redrawn += 1;
                        *summary
                            .duplicates_by_cell
                            .entry((row.category, row.stage))
                            .or_default() += 1;
                    }
                    Err(r) => {
                        summary.rejected += 1;
                        if r.valid_row {
                            summary.rejected_valid += 1;
                            summary.first_rejection.get_or_insert(r.reason);
                        }
                    }
                }
                attempt += 1;
                if attempt >= MAX_ATTEMPTS {
                    let cell = cell_of(options, i);
                    return Err(GenerateError::Exhausted {
                        index: i,
                        category: cell.category.name,
                        stage: cell.stage,
                    });
                }
                current = draw(options, executor, i, attempt);
            };
            seen.insert(row.computation.clone());
            summary.rows += 1;
            *summary
                .by_cell
                .entry((row.category, row.stage))
                .or_default() += 1;
            if let Some(code) = &row.expected_error {
                *summary.errors_by_code.entry(code.clone()).or_default() += 1;
            }
            sink(&row).map_err(GenerateError::Sink)?;
        }
        start = end;
    }
    summary.distinct_programs = seen.len();
    Ok(summary)
}

/// The cell of row `index`.
fn cell_of(options: &GenerateOptions, index: usize) -> Cell {
    options
        .mix
        .pick(&mut Rng::for_row(options.seed ^ CELL_SALT, index as u64, 0))
}

/// Draws row `index` (its `attempt`-th draw) and runs its program.
fn draw(options: &GenerateOptions, executor: &Executor, index: usize, attempt: u64) -> Draw {
    let cell = cell_of(options, index);
    let with_mistake = options.errors > 0.0
        && Rng::for_row(options.seed ^ ERROR_SALT, index as u64, 0).chance(options.errors);
    let mut rng = Rng::for_row(options.seed, index as u64, attempt);
    let mut problem = (cell.category.make)(&mut rng, cell.stage);
    let reject = |reason: String| Rejection {
        valid_row: !with_mistake,
        reason: format!("{} stage {}: {reason}", cell.category.name, cell.stage),
    };
    if with_mistake {
        problem.program = mistakes::inject(&mut rng, &problem.program)
            .ok_or_else(|| reject("no mistake applies".to_string()))?;
    }
    // Only the deterministic limits may decide a row (docs/decisions.md 233): the
    // wall-clock limit is far beyond what any template's program takes.
    let run = Options {
        backend: Backend::Interpreter,
        limits: bytelogic_engine::Limits {
            timeout_ms: 60_000,
            ..bytelogic_engine::Limits::default()
        },
        ..Options::default()
    };
    let outcome = executor
        .execute(&problem.program, &run)
        .map_err(|e| reject(e.to_string()))?;
    let index_of = LineIndex::new(&problem.program);
    let first_diagnostic = || {
        outcome
            .all_diagnostics()
            .next()
            .map(|d| text::diagnostic(d, &index_of, "generated.bl"))
    };
    let bridge = BRIDGES[rng.below(BRIDGES.len())];
    let token = outcome.computation_token();
    let (expected_result, sentences, expected_error) = match (outcome.error(), with_mistake) {
        (None, false) => {
            if let Some(d) = first_diagnostic() {
                return Err(reject(format!("a warning:\n{d}\n{}", problem.program)));
            }
            (
                outcome.result_text(),
                state(&problem, &outcome).map_err(reject)?,
                None,
            )
        }
        (Some(_), false) => {
            let d = first_diagnostic().unwrap_or_default();
            return Err(reject(format!(
                "the program fails:\n{d}\n{}",
                problem.program
            )));
        }
        (None, true) => return Err(reject("the mistake did not make the program fail".into())),
        (Some(e), true) => {
            let d = &e.diagnostic;
            let mut sentence = format!(
                "The program does not run: {} at line {}, column {}",
                d.code, e.position.line, e.position.column
            );
            if let Some(label) = &d.label {
                sentence += &format!(" ({label})");
            }
            sentence += ", so there is no answer until it is fixed.";
            if let Some(hint) = &d.hint {
                sentence += &format!(" Hint: {hint}.");
            }
            (
                format!("{}: {}", d.code, d.message),
                sentence,
                Some(d.code.as_str().to_string()),
            )
        }
    };
    Ok(Row {
        id: format!("s{}-{index:06}", options.seed),
        category: cell.category.name,
        stage: cell.stage,
        output: output_text(&problem.intro, &problem.program, bridge, &token, &sentences),
        input: problem::capitalize(&problem.question),
        reasoning_steps: problem.steps,
        computation: problem.program,
        expected_result,
        expected: query_results(&outcome.outputs, &outcome.symbols),
        expected_error,
    })
}

/// The sentences stating each output, from the engine's answers.
fn state(problem: &Problem, outcome: &crate::Outcome) -> Result<String, String> {
    if problem.phrases.len() != outcome.outputs.len() {
        return Err(format!(
            "{} phrases for {} outputs:\n{}",
            problem.phrases.len(),
            outcome.outputs.len(),
            problem.program
        ));
    }
    let sentences: Option<Vec<String>> = problem
        .phrases
        .iter()
        .zip(&outcome.outputs)
        .map(|(p, o)| p.state(o, &outcome.symbols))
        .collect();
    sentences
        .map(|s| s.join(" "))
        .ok_or_else(|| format!("a phrase does not fit its output:\n{}", problem.program))
}
