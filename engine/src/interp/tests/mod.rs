//! Interpreter tests on hand-built IR (the front end is written in parallel).
//! This module is the builder; the tests are in the submodules.

mod arith;
mod calc;
mod growth;
mod limits;
mod quiet;
mod rules;

use crate::ast::{BinOp, UnOp};
use crate::diagnostic::Code;
use crate::ir::*;
use crate::limits::Limits;
use crate::output::{Output, QueryAnswer, RunResult};
use crate::span::Span;
use crate::value::{Symbols, Value};

/// Span used where a test does not look at it.
const NO_SPAN: Span = Span::new(0, 0);

pub(super) fn int(i: i64) -> Expr {
    Expr {
        kind: ExprKind::Const(Value::Int(i)),
        span: NO_SPAN,
    }
}

pub(super) fn num(x: f64) -> Expr {
    Expr {
        kind: ExprKind::Const(Value::number(x).expect("finite")),
        span: NO_SPAN,
    }
}

pub(super) fn val(v: Value) -> Expr {
    Expr {
        kind: ExprKind::Const(v),
        span: NO_SPAN,
    }
}

pub(super) fn local(slot: u32) -> Expr {
    Expr {
        kind: ExprKind::Local(VarSlot(slot)),
        span: NO_SPAN,
    }
}

pub(super) fn global(g: GlobalId) -> Expr {
    Expr {
        kind: ExprKind::Global(g),
        span: NO_SPAN,
    }
}

pub(super) fn field(tuple: u32, col: u32) -> Expr {
    Expr {
        kind: ExprKind::Field {
            tuple: TupleSlot(tuple),
            col,
        },
        span: NO_SPAN,
    }
}

/// `a op b`, the operator at `NO_SPAN`.
pub(super) fn bin(a: Expr, op: BinOp, b: Expr) -> Expr {
    bin_at(a, op, NO_SPAN, b)
}

/// `a op b` with the operator at `span`.
pub(super) fn bin_at(a: Expr, op: BinOp, span: Span, b: Expr) -> Expr {
    Expr {
        kind: ExprKind::Chain {
            first: Box::new(a),
            rest: vec![(op, span, b)],
        },
        span: NO_SPAN,
    }
}

pub(super) fn prefix(op: UnOp, e: Expr) -> Expr {
    Expr {
        kind: ExprKind::Prefix {
            ops: vec![(op, NO_SPAN)],
            operand: Box::new(e),
        },
        span: NO_SPAN,
    }
}

pub(super) fn builtin(b: Builtin, args: Vec<Expr>) -> Expr {
    Expr {
        kind: ExprKind::Builtin { builtin: b, args },
        span: NO_SPAN,
    }
}

pub(super) fn call(func: FuncId, args: Vec<Expr>) -> Expr {
    Expr {
        kind: ExprKind::Call { func, args },
        span: NO_SPAN,
    }
}

/// A scan binding `bind` (column, slot) pairs, without a key.
pub(super) fn scan(rel: RelId, version: Version, bind: &[(u32, u32)]) -> Op {
    scan_key(rel, version, None, &[], bind)
}

/// A scan through `index` with `key` slots.
pub(super) fn scan_key(
    rel: RelId,
    version: Version,
    index: Option<IndexId>,
    key: &[u32],
    bind: &[(u32, u32)],
) -> Op {
    Op::Scan {
        rel,
        version,
        index,
        key: key.iter().map(|&s| VarSlot(s)).collect(),
        bind: bind.iter().map(|&(c, s)| (c, VarSlot(s))).collect(),
        span: NO_SPAN,
    }
}

pub(super) fn emit(rel: RelId, args: Vec<Expr>) -> Op {
    Op::Emit {
        rel,
        args,
        span: NO_SPAN,
    }
}

pub(super) fn s_let(slot: u32, expr: Expr) -> Stmt {
    Stmt::Let {
        slot: VarSlot(slot),
        expr,
        span: NO_SPAN,
    }
}

pub(super) fn s_result(expr: Expr) -> Stmt {
    Stmt::Result {
        expr,
        span: NO_SPAN,
    }
}

/// Builds a [`Program`] step by step.
pub(super) struct Builder {
    pub(super) p: Program,
}

impl Builder {
    pub(super) fn new() -> Builder {
        Builder {
            p: Program {
                relations: Vec::new(),
                indexes: Vec::new(),
                symbols: Symbols::new(),
                functions: Vec::new(),
                rules: Vec::new(),
                strata: Vec::new(),
                globals: Vec::new(),
                memos: 0,
                steps: Vec::new(),
            },
        }
    }

    /// A Symbol written in the program (ranked by first call).
    pub(super) fn sym(&mut self, text: &str) -> Value {
        Value::Sym(self.p.symbols.intern(text))
    }

    pub(super) fn rel(&mut self, name: &str, arity: u32) -> RelId {
        self.p.relations.push(Relation {
            name: name.into(),
            arity,
            indexes: Vec::new(),
        });
        RelId(self.p.relations.len() as u32 - 1)
    }

    pub(super) fn index(&mut self, rel: RelId, columns: &[u32]) -> IndexId {
        let id = IndexId(self.p.indexes.len() as u32);
        self.p.indexes.push(IndexDef {
            rel,
            columns: columns.to_vec(),
        });
        self.p.relations[rel.index()].indexes.push(id);
        id
    }

    pub(super) fn fact(&mut self, rel: RelId, values: &[Value]) {
        let args = values.iter().map(|&v| val(v)).collect();
        self.p.steps.push(Step::Fact {
            rel,
            args,
            span: NO_SPAN,
        });
    }

    /// Adds a rule with `slots` slots; put it in a stratum with [`Builder::stratum`].
    pub(super) fn rule(&mut self, slots: u32, initial: Vec<Op>, deltas: Vec<Vec<Op>>) -> RuleId {
        self.p.rules.push(Rule {
            label: format!("r{}", self.p.rules.len()),
            span: NO_SPAN,
            stratum: StratumId(self.p.strata.len() as u32),
            slots,
            slot_names: (0..slots).map(|s| s.to_string()).collect(),
            initial: Plan { ops: initial },
            deltas: deltas.into_iter().map(|ops| Plan { ops }).collect(),
        });
        RuleId(self.p.rules.len() as u32 - 1)
    }

    pub(super) fn stratum(&mut self, rules: &[RuleId], derives: &[RelId], recursive: bool) {
        self.p.strata.push(Stratum {
            rules: rules.to_vec(),
            derives: derives.to_vec(),
            recursive,
        });
    }

    pub(super) fn solve(&mut self) {
        let rules = self.p.rules.len() as u32;
        self.p.steps.push(Step::Solve {
            rules,
            span: NO_SPAN,
        });
    }

    pub(super) fn query(&mut self, rel: RelId, pattern: &[Option<Value>]) {
        let pattern = pattern.iter().map(|p| p.map(val)).collect();
        self.p.steps.push(Step::Query {
            rel,
            pattern,
            span: NO_SPAN,
        });
    }

    pub(super) fn result(&mut self, expr: Expr) {
        self.p.steps.push(Step::Result {
            expr,
            span: NO_SPAN,
        });
    }

    pub(super) fn global(&mut self, name: &str) -> GlobalId {
        self.p.globals.push(name.into());
        GlobalId(self.p.globals.len() as u32 - 1)
    }

    pub(super) fn let_global(&mut self, global: GlobalId, expr: Expr) {
        self.p.steps.push(Step::Let {
            global,
            expr,
            span: NO_SPAN,
        });
    }

    /// Adds a CALC function; locals are named `l0`, `l1`, ….
    pub(super) fn func(
        &mut self,
        params: u32,
        locals: u32,
        tuples: u32,
        body: Vec<Stmt>,
    ) -> FuncId {
        self.p.functions.push(Function {
            name: format!("f{}", self.p.functions.len()),
            span: NO_SPAN,
            params,
            locals,
            local_names: (0..locals).map(|l| format!("$l{l}")).collect(),
            tuples,
            body,
        });
        FuncId(self.p.functions.len() as u32 - 1)
    }

    /// Declares a function now and gives it its body later (for recursion).
    pub(super) fn set_body(&mut self, func: FuncId, body: Vec<Stmt>) {
        self.p.functions[func.index()].body = body;
    }

    /// Runs under the default limits, except the clock: these tests check results,
    /// and a loaded machine must not turn a large case into E404.
    pub(super) fn run(&mut self) -> RunResult {
        self.run_with(&Limits {
            timeout_ms: 120_000,
            ..Limits::default()
        })
    }

    pub(super) fn run_with(&mut self, limits: &Limits) -> RunResult {
        self.p.symbols.seal_written();
        crate::run(&self.p, limits)
    }
}

/// The error code of a run, if any.
pub(super) fn code(r: &RunResult) -> Option<Code> {
    r.error.as_ref().map(|d| d.code)
}

/// The value of `RESULT expr` alone, or the error code.
pub(super) fn eval(expr: Expr) -> Result<Value, Code> {
    let mut b = Builder::new();
    b.result(expr);
    outcome(&b.run())
}

/// The single RESULT value of a run, or its error code.
pub(super) fn outcome(r: &RunResult) -> Result<Value, Code> {
    match (&r.error, r.outputs.last()) {
        (Some(d), _) => Err(d.code),
        (None, Some(Output::Result(v))) => Ok(*v),
        _ => panic!("no RESULT output: {:?}", r.outputs),
    }
}

/// The answer of the last QUERY output.
pub(super) fn answer(r: &RunResult) -> &QueryAnswer {
    assert!(r.error.is_none(), "unexpected error {:?}", r.error);
    match r.outputs.last() {
        Some(Output::Query { answer, .. }) => answer,
        other => panic!("no QUERY output: {other:?}"),
    }
}

/// The answers of every QUERY output, in order.
pub(super) fn answers(r: &RunResult) -> Vec<&QueryAnswer> {
    r.outputs
        .iter()
        .filter_map(|o| match o {
            Output::Query { answer, .. } => Some(answer),
            Output::Result(_) => None,
        })
        .collect()
}
