//! CALC calls and statements (spec §6): frames, control flow, loops, FOR-QUERY.

use super::budget::{FRAME_OVERHEAD, TUPLE_VAR};
use super::clocked::Clock;
use super::relation::Relation;
use super::{Env, Machine, Res, query};
use crate::diagnostic::Code;
use crate::fault::{Bound, Fault, What};
use crate::ir::{Expr, FuncId, Function, RelId, Stmt, TupleSlot, VarSlot};
use crate::span::Span;
use crate::value::Value;

/// The locals and FOR-QUERY tuples of one CALC call.
#[derive(Debug, Default)]
pub(super) struct Frame {
    /// Local slots (parameters first); `None` until assigned.
    locals: Vec<Option<Value>>,
    /// The current tuple of each FOR-QUERY tuple variable (empty outside its loop).
    tuples: Vec<Vec<Value>>,
}

impl Frame {
    /// The value of a local, if assigned.
    pub(super) fn local(&self, slot: VarSlot) -> Option<Value> {
        self.locals.get(slot.index()).copied().flatten()
    }

    /// The current tuple of a FOR-QUERY variable.
    pub(super) fn tuple(&self, tuple: TupleSlot) -> Option<&[Value]> {
        self.tuples.get(tuple.index()).map(Vec::as_slice)
    }

    fn set(&mut self, slot: VarSlot, value: Value) {
        if let Some(local) = self.locals.get_mut(slot.index()) {
            *local = Some(value);
        }
    }

    /// Empties the frame and sizes it for `f`.
    fn reset(&mut self, f: &Function) {
        self.locals.clear();
        self.locals.resize(f.locals.max(f.params) as usize, None);
        self.tuples.iter_mut().for_each(Vec::clear);
        self.tuples.resize_with(f.tuples as usize, Vec::new);
    }
}

/// How a statement or block ended.
enum Flow {
    /// Fell through to the next statement.
    Next,
    /// BREAK.
    Break,
    /// CONTINUE.
    Continue,
    /// RESULT with its value.
    Return(Value),
}

impl Machine<'_> {
    /// Calls CALC `func` with `args` evaluated in `env`; `span` is the call.
    pub(super) fn call(
        &mut self,
        rels: &[Relation],
        env: Env<'_>,
        func: FuncId,
        args: &[Expr],
        span: Span,
    ) -> Res<Value> {
        let program = self.program;
        let f = &program.functions[func.index()];
        let mut frame = self.free_frames.pop().unwrap_or_default();
        frame.reset(f);
        for (i, arg) in args.iter().enumerate() {
            let value = self.eval(rels, env, arg)?;
            frame.set(VarSlot(i as u32), value);
        }
        self.budget.check_depth(self.depth + 1, &f.name, span)?;
        let bytes = FRAME_OVERHEAD
            + frame.locals.len() as u64 * size_of::<Option<Value>>() as u64
            + u64::from(f.tuples) * TUPLE_VAR;
        self.budget.charge(bytes, span)?;
        self.depth += 1;
        let flow = self.block(rels, f, &mut frame, &f.body, span);
        self.depth -= 1;
        self.budget.release(bytes);
        self.free_frames.push(frame);
        match flow? {
            Flow::Return(value) => Ok(value),
            _ => Err(self.fail(
                &Fault::new(Code::E206, What::NoResult(f.name.clone())),
                span,
            )),
        }
    }

    /// Runs `body`; `span` is the statement or call whose body it is (where a stack
    /// segment that does not fit the memory limit is reported).
    fn block(
        &mut self,
        rels: &[Relation],
        f: &Function,
        frame: &mut Frame,
        body: &[Stmt],
        span: Span,
    ) -> Res<Flow> {
        self.guarded(span, |m| {
            for stmt in body {
                match m.stmt(rels, f, frame, stmt)? {
                    Flow::Next => {}
                    flow => return Ok(flow),
                }
            }
            Ok(Flow::Next)
        })
    }

    fn stmt(
        &mut self,
        rels: &[Relation],
        f: &Function,
        frame: &mut Frame,
        stmt: &Stmt,
    ) -> Res<Flow> {
        self.budget.step(stmt.span())?;
        match stmt {
            Stmt::Let { slot, expr, .. } => {
                let value = self.eval(rels, Env::Calc { frame, func: f }, expr)?;
                frame.set(*slot, value);
                Ok(Flow::Next)
            }
            Stmt::If {
                cond,
                then_body,
                else_body,
                span,
            } => {
                let c = self.eval(rels, Env::Calc { frame, func: f }, cond)?;
                let body = if c.is_true() { then_body } else { else_body };
                self.block(rels, f, frame, body, *span)
            }
            Stmt::ForRange {
                slot,
                start,
                end,
                step,
                body,
                span,
            } => {
                let range = (*slot, start, end, step.as_ref());
                self.for_range(rels, f, frame, range, body, *span)
            }
            Stmt::While { cond, body, span } => {
                while self
                    .eval(rels, Env::Calc { frame, func: f }, cond)?
                    .is_true()
                {
                    if let Some(flow) = self.iterate(rels, f, frame, body, *span)? {
                        return Ok(flow);
                    }
                }
                Ok(Flow::Next)
            }
            Stmt::ForQuery {
                tuple,
                rel,
                pattern,
                body,
                span,
            } => {
                let args = self.eval_pattern(rels, Env::Calc { frame, func: f }, pattern)?;
                self.for_query(rels, f, frame, (*tuple, *rel, &args), body, *span)
            }
            Stmt::Result { expr, .. } => Ok(Flow::Return(self.eval(
                rels,
                Env::Calc { frame, func: f },
                expr,
            )?)),
            Stmt::Break(_) => Ok(Flow::Break),
            Stmt::Continue(_) => Ok(Flow::Continue),
        }
    }

    /// `FOR $i IN RANGE(start, end[, step])`: the bounds are evaluated once.
    fn for_range(
        &mut self,
        rels: &[Relation],
        f: &Function,
        frame: &mut Frame,
        (slot, start, end, step): (VarSlot, &Expr, &Expr, Option<&Expr>),
        body: &[Stmt],
        span: Span,
    ) -> Res<Flow> {
        let mut int = |e: &Expr, bound: Bound| -> Res<i64> {
            match self.eval(rels, Env::Calc { frame, func: f }, e)? {
                Value::Int(i) => Ok(i),
                v => Err(self.fail(&Fault::mismatch(What::RangeBound(bound, Some(v))), e.span)),
            }
        };
        let first = int(start, Bound::Start)?;
        let bound = int(end, Bound::End)?;
        let by = match step {
            Some(e) => int(e, Bound::Step)?,
            None => 1,
        };
        if by == 0 {
            return Err(self.fail(&Fault::new(Code::E207, What::ZeroStep), span));
        }
        let mut i = first;
        while (by > 0 && i < bound) || (by < 0 && i > bound) {
            frame.set(slot, Value::Int(i));
            if let Some(flow) = self.iterate(rels, f, frame, body, span)? {
                return Ok(flow);
            }
            match i.checked_add(by) {
                Some(next) => i = next,
                None => break,
            }
        }
        Ok(Flow::Next)
    }

    /// One loop iteration: a step at the loop's `span`, then the body.
    /// `Some(flow)` ends the loop, making `flow` the loop statement's result.
    fn iterate(
        &mut self,
        rels: &[Relation],
        f: &Function,
        frame: &mut Frame,
        body: &[Stmt],
        span: Span,
    ) -> Res<Option<Flow>> {
        self.budget.step(span)?;
        Ok(match self.block(rels, f, frame, body, span)? {
            Flow::Next | Flow::Continue => None,
            Flow::Break => Some(Flow::Next),
            ret @ Flow::Return(_) => Some(ret),
        })
    }

    /// `FOR t IN (QUERY rel …)` over a snapshot of the matching rows in canonical order.
    /// Relations cannot change while a CALC runs, so the snapshot is a list of row ids.
    fn for_query(
        &mut self,
        rels: &[Relation],
        f: &Function,
        frame: &mut Frame,
        (tuple, rel, pattern): (TupleSlot, RelId, &[Option<Value>]),
        body: &[Stmt],
        span: Span,
    ) -> Res<Flow> {
        let relation = &rels[rel.index()];
        // Selecting costs no steps but may take long on a big relation: it reads the
        // clock as it goes, and once more at the end.
        let read = |aside| self.budget.clock_leaving(aside);
        let clock = Clock::new(&read);
        let ids = query::select(relation, pattern, &self.symbols, &clock);
        clock
            .result()
            .map_err(|fault| self.budget.limit(&fault, span))?;
        self.budget.check_time(span)?;
        let bytes = (ids.len() * size_of::<u32>()) as u64;
        self.budget.charge(bytes, span)?;
        let mut flow = Flow::Next;
        for &id in &ids {
            if let Some(current) = frame.tuples.get_mut(tuple.index()) {
                current.clear();
                current.extend(relation.row(id).values());
            }
            if let Some(end) = self.iterate(rels, f, frame, body, span)? {
                flow = end;
                break;
            }
        }
        if let Some(current) = frame.tuples.get_mut(tuple.index()) {
            current.clear();
        }
        self.budget.release(bytes);
        Ok(flow)
    }
}
