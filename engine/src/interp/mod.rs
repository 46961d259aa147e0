//! The interpreter: executes the lowered rule IR (spec §4–§7).
//!
//! [`run`] executes the top-level steps in order against one `Database`. The
//! evaluation state that rules, CALC bodies and top-level statements share (Symbols,
//! globals, the `Budget`, call frames) is the `Machine`; it is kept apart from the
//! database so a rule can read relations while it evaluates expressions and buffers
//! the tuples it emits.
//!
//! Files: `relation` (tuple storage, indexes, the steps of a semi-naive round),
//! `rows` (a tuple set's rows, stored flat), `dedup` (a tuple set's deduplication
//! table), `bitmap` (dense dedup tables and ordered read-back), `hash` (tuple
//! hashing), `solve` (stratum fixpoints and rule plans), `emit` (a plan's EMITs and copies), `eval` (expressions),
//! `arith` (operators), `builtin` (built-in functions), `calc` (CALC calls and
//! statements), `query` (QUERY selection and canonical order), `clocked` (sorts and
//! selections that read the clock as they go), `budget` (steps,
//! tuples, depth, time and memory; documents exactly what a step is), `negation` (the
//! NOT clause), `aggregate` (aggregates and their memos, spec §9) and `tests`
//! (interpreter tests on hand-built IR).

mod aggregate;
mod arith;
mod bitmap;
mod budget;
mod builtin;
mod calc;
mod clocked;
mod dedup;
mod emit;
mod eval;
mod hash;
mod negation;
mod query;
mod relation;
mod rows;
mod solve;
#[cfg(test)]
mod tests;

use crate::account::Account;
use crate::diagnostic::Diagnostic;
use crate::fault::Fault;
use crate::ir::{ExprKind, Function, Program, Step, VarSlot};
use crate::output::{Output, RunResult, Stats};
use crate::span::Span;
use crate::value::{Symbols, Value};
use budget::Budget;
pub use budget::Phase;
use calc::Frame;
use relation::Database;

/// The result of an interpreter operation; a runtime error ends the run.
type Res<T> = Result<T, Box<Diagnostic>>;

/// Stack that must remain before a recursive descent (calls, nested expressions,
/// blocks, scans); below it [`Machine::guarded`] continues on a fresh segment.
const RED_ZONE: usize = 256 * 1024;
/// Size of each extra stack segment.
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// Runs a lowered program, charging `account` (its clock and memory): its outputs,
/// the runtime error that ended it (if any; outputs recorded before it are kept),
/// counters and the run's Symbols. The account is left as the run ended. `stop`, when
/// given, is asked whenever the clock is read (every `TIME_CHECK_INTERVAL` steps, each
/// fixpoint round, after each QUERY): when it answers true the run ends there with
/// E404, as if its time were up.
pub fn run(
    program: &Program,
    account: &mut Account,
    stop: Option<&dyn Fn(Phase) -> bool>,
) -> RunResult {
    let mut runner = Runner {
        machine: Machine::new(program, account.clone(), stop),
        db: Database::new(program),
        outputs: Vec::new(),
        iterations: 0,
        row: Vec::new(),
    };
    let error = runner.run_steps().err().map(|d| *d);
    let steps = runner.machine.budget.steps();
    *account = runner.machine.budget.into_account();
    RunResult {
        outputs: runner.outputs,
        error,
        stats: Stats {
            tuples: runner.db.tuples(),
            iterations: runner.iterations,
            steps,
        },
        symbols: runner.machine.symbols,
    }
}

/// Evaluation state shared by rules, CALC bodies and top-level statements.
struct Machine<'p> {
    program: &'p Program,
    /// The program's Symbols plus those made at run time.
    symbols: Symbols,
    /// Global values; `None` until the global's LET has run.
    globals: Vec<Option<Value>>,
    budget: Budget<'p>,
    /// Frames of finished calls, reused by later calls.
    free_frames: Vec<Frame>,
    /// Current CALC call depth (0 outside calls).
    depth: u32,
    /// The results of the aggregates written in rules, for the stratum being run.
    memos: aggregate::Memos,
}

impl<'p> Machine<'p> {
    fn new(
        program: &'p Program,
        account: Account,
        stop: Option<&'p dyn Fn(Phase) -> bool>,
    ) -> Machine<'p> {
        Machine {
            program,
            symbols: program.symbols.clone(),
            globals: vec![None; program.globals.len()],
            budget: Budget::new(account, stop),
            free_frames: Vec::new(),
            depth: 0,
            memos: aggregate::Memos::default(),
        }
    }

    /// Runs `f`, first moving to a new stack segment if the current one is nearly used
    /// up, so deep recursion (CALC calls, nested loops and expressions, scans) ends at
    /// a limit rather than overflowing. A new segment is memory the run takes: it is
    /// charged to the estimate while `f` runs on it (E405 at `span` when it does not
    /// fit), and time to return from: the clock keeps that much aside (E404 at `span`;
    /// docs/decisions.md 112).
    fn guarded<R>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> Res<R>) -> Res<R> {
        if stacker::remaining_stack().is_some_and(|left| left >= RED_ZONE) {
            return f(self);
        }
        let segment = STACK_SEGMENT as u64;
        self.budget.take_segment(segment, span)?;
        let result = stacker::grow(STACK_SEGMENT, || f(self));
        self.budget.give_segment(segment);
        result
    }

    /// The diagnostic of `fault` at `span`, its values shown with the run's Symbols.
    fn fail(&self, fault: &Fault, span: Span) -> Box<Diagnostic> {
        Box::new(fault.diagnostic(span, self.budget.limits(), &self.symbols))
    }
}

/// Where an expression finds its local variables.
#[derive(Clone, Copy)]
enum Env<'a> {
    /// A top-level statement: globals only.
    Top,
    /// A rule body: the rule's slots, all bound by the plan before they are read.
    Rule {
        /// The slot values.
        slots: &'a [Value],
        /// The slot names (for messages).
        names: &'a [String],
    },
    /// A CALC call: its frame (locals and FOR-QUERY tuples).
    Calc {
        /// The frame.
        frame: &'a Frame,
        /// The function running (for variable names in messages).
        func: &'a Function,
    },
}

impl<'a> Env<'a> {
    /// The name of a local slot (with its `$`), for messages.
    fn local_name(self, slot: VarSlot) -> Option<&'a str> {
        let names: &'a [String] = match self {
            Env::Top => return None,
            Env::Rule { names, .. } => names,
            Env::Calc { func, .. } => &func.local_names,
        };
        names.get(slot.index()).map(String::as_str)
    }
}

/// A whole run: the machine, the database and what has been output so far.
struct Runner<'p> {
    machine: Machine<'p>,
    db: Database,
    outputs: Vec<Output>,
    iterations: u64,
    /// Reused buffer for a FACT's tuple.
    row: Vec<Value>,
}

/// Where the QUERYs of constants that end `steps` start (`steps.len()` when it ends
/// otherwise): from there the run only selects answers, so a watcher need not start
/// anything for what is left ([`Phase::Finishing`]).
fn finishing_queries(steps: &[Step]) -> usize {
    let constant = |step: &Step| match step {
        Step::Query { pattern, .. } => pattern
            .iter()
            .flatten()
            .all(|e| matches!(e.kind, ExprKind::Const(_))),
        _ => false,
    };
    steps.len() - steps.iter().rev().take_while(|s| constant(s)).count()
}

impl Runner<'_> {
    fn run_steps(&mut self) -> Res<()> {
        let steps = &self.machine.program.steps;
        let finishing = finishing_queries(steps);
        let mut i = 0;
        while i < steps.len() {
            if i == finishing {
                self.machine.budget.phase = Phase::Finishing;
            }
            match self.load_facts(&steps[i..]) {
                0 => {
                    self.run_step(&steps[i])?;
                    i += 1;
                }
                loaded => i += loaded,
            }
        }
        Ok(())
    }

    /// Stores the FACTs of constants that start `steps`, all into one relation, as
    /// many as no check of the budget would stop ([`Budget::quiet`]), and counts and
    /// charges them together (docs/decisions.md 221); returns how many steps that
    /// took (0: none, and the next step runs as usual).
    fn load_facts(&mut self, steps: &[Step]) -> usize {
        let Some(Step::Fact { rel, .. }) = steps.first() else {
            return 0;
        };
        let arity = self.machine.program.relations[rel.index()].arity as usize;
        let bytes = budget::tuple_bytes(1, arity);
        let room = self
            .machine
            .budget
            .quiet(steps.len(), 0, self.db.tuples(), bytes);
        let (mut n, mut new) = (0, 0);
        'steps: for step in &steps[..room] {
            let Step::Fact { rel: r, args, .. } = step else {
                break;
            };
            if r != rel {
                break;
            }
            self.row.clear();
            for arg in args {
                let ExprKind::Const(v) = arg.kind else {
                    break 'steps;
                };
                self.row.push(v);
            }
            new += u64::from(self.db.insert_quiet(rel.index(), &self.row));
            n += 1;
        }
        self.machine.budget.advance(0, new * bytes);
        n
    }

    /// Keeps `output` of the statement at `span`, with the time printing it takes kept
    /// aside before the time limit: E404 there when that time is not left
    /// (docs/decisions.md 243).
    fn keep(&mut self, output: Output, span: Span) -> Res<()> {
        let budget = &mut self.machine.budget;
        budget.keep_aside(output.printing_time(&self.machine.symbols));
        budget.check_time(span)?;
        self.outputs.push(output);
        Ok(())
    }

    fn run_step(&mut self, step: &Step) -> Res<()> {
        let program = self.machine.program;
        let m = &mut self.machine;
        match step {
            Step::Fact { rel, args, span } => {
                let row = &mut self.row;
                row.clear();
                for arg in args {
                    // Most FACTs hold constants: read them without the evaluator.
                    row.push(match arg.kind {
                        ExprKind::Const(v) => v,
                        _ => m.eval(self.db.relations(), Env::Top, arg)?,
                    });
                }
                let name = &program.relations[rel.index()].name;
                self.db
                    .insert_fact(rel.index(), row, name, &mut m.budget, *span)
            }
            Step::Solve { rules, span } => {
                m.budget.phase = Phase::Solving;
                let solved = solve::solve(m, &mut self.db, *rules, *span, &mut self.iterations);
                m.budget.phase = Phase::Evaluating;
                solved
            }
            Step::Query { rel, pattern, span } => {
                let rels = self.db.relations();
                let args = m.eval_pattern(rels, Env::Top, pattern)?;
                let clock = |aside| m.budget.clock_leaving(aside);
                let answer = query::answer(&rels[rel.index()], &args, &m.symbols, &clock)
                    .map_err(|fault| m.budget.limit(&fault, *span))?;
                // Outputs are kept to the end of the run.
                m.budget.charge(answer.memory(), *span)?;
                let relation = program.relations[rel.index()].name.clone();
                let output = Output::Query {
                    relation,
                    args,
                    answer,
                };
                self.keep(output, *span)
            }
            Step::Let { global, expr, .. } => {
                let value = m.eval(self.db.relations(), Env::Top, expr)?;
                m.globals[global.index()] = Some(value);
                Ok(())
            }
            Step::Result { expr, span } => {
                let value = m.eval(self.db.relations(), Env::Top, expr)?;
                self.keep(Output::Result(value), *span)
            }
        }
    }
}
