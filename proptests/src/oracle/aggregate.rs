//! Aggregates (spec §9.2) for the oracle, and the canonical order of spec §2.5 that a
//! SUM or MEAN with a Float adds its values in.

use super::{Failure, Tuple, as_f64, order};
use crate::model::{Clause, DStmt, Datalog, Lit, MExpr, Val};
use bytelogic_engine::ast::AggFunc;
use std::cmp::Ordering;
use std::collections::HashMap;

/// The Symbols written in the program, each with the position of its first
/// occurrence: their canonical rank (spec §2.5).
pub(super) struct Ranks {
    written: HashMap<String, usize>,
}

impl Ranks {
    /// The ranks of the Symbols `program` writes, in the order the printed source
    /// shows them: statement by statement, each expression left to right.
    pub(super) fn written(program: &Datalog) -> Ranks {
        let mut ranks = Ranks {
            written: HashMap::new(),
        };
        for stmt in &program.stmts {
            match stmt {
                DStmt::Fact(_, vals) => vals.iter().for_each(|l| ranks.lit(l)),
                DStmt::Query(_, args) => args.iter().flatten().for_each(|l| ranks.lit(l)),
                DStmt::Result(e) => ranks.expr(e),
                DStmt::Solve => {}
                DStmt::Rule(_, clauses) => {
                    for clause in clauses {
                        match clause {
                            Clause::Scan { .. } | Clause::Join { .. } => {}
                            Clause::Let(_, e) | Clause::Where(e) => ranks.expr(e),
                            Clause::Emit { args, .. } => args.iter().for_each(|e| ranks.expr(e)),
                            Clause::Not { args, .. } => {
                                args.iter().flatten().for_each(|e| ranks.expr(e))
                            }
                        }
                    }
                }
            }
        }
        ranks
    }

    fn lit(&mut self, l: &Lit) {
        if let Lit::Sym { text, .. } = l {
            let next = self.written.len();
            self.written.entry(text.clone()).or_insert(next);
        }
    }

    fn expr(&mut self, e: &MExpr) {
        match e {
            MExpr::Var(_) => {}
            MExpr::Lit(l) => self.lit(l),
            MExpr::Bin(l, _, r) => {
                self.expr(l);
                self.expr(r);
            }
            MExpr::Not(e) => self.expr(e),
            MExpr::Call(_, args) => args.iter().for_each(|a| self.expr(a)),
            MExpr::Agg(agg) => agg.args.iter().flatten().for_each(|a| self.expr(a)),
        }
    }

    /// Canonical value order: numbers by value, then written Symbols by rank, then
    /// the others by text.
    fn values(&self, a: &Val, b: &Val) -> Ordering {
        match (a, b) {
            (Val::Sym(x), Val::Sym(y)) => match (self.written.get(x), self.written.get(y)) {
                (Some(i), Some(j)) => i.cmp(j),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => x.cmp(y),
            },
            (Val::Sym(_), _) => Ordering::Greater,
            (_, Val::Sym(_)) => Ordering::Less,
            _ => order(a, b).unwrap_or(Ordering::Equal),
        }
    }

    /// Canonical tuple order: column by column.
    fn tuples(&self, a: &Tuple, b: &Tuple) -> Ordering {
        a.iter()
            .zip(b)
            .map(|(x, y)| self.values(x, y))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    }
}

/// The value of `func` over the matching `tuples` (the group is `pattern`'s non-`?`
/// columns; the value column is the last `?`): `None` for an empty MIN, MAX or MEAN.
pub(super) fn value(
    func: AggFunc,
    pattern: &[Option<Val>],
    tuples: &[&Tuple],
    ranks: &Ranks,
) -> Result<Option<Val>, Failure> {
    let col = pattern.iter().rposition(Option::is_none).unwrap_or(0);
    let values: Vec<&Val> = tuples.iter().map(|t| &t[col]).collect();
    if func == AggFunc::Count {
        return Ok(Some(Val::Int(tuples.len() as i64)));
    }
    if values.is_empty() {
        return Ok((func == AggFunc::Sum).then_some(Val::Int(0)));
    }
    match func {
        AggFunc::Min | AggFunc::Max => {
            let texts = values.iter().filter(|v| matches!(v, Val::Sym(_))).count();
            if texts != 0 && texts != values.len() {
                return Err("E203");
            }
            let mut best = values[0];
            for v in &values[1..] {
                let o = order(v, best)?;
                if (func == AggFunc::Min && o.is_lt()) || (func == AggFunc::Max && o.is_gt()) {
                    best = v;
                }
            }
            Ok(Some(best.clone()))
        }
        _ => {
            let total = sum(tuples, col, ranks)?;
            if func == AggFunc::Sum {
                return Ok(Some(total));
            }
            let n = tuples.len() as i64;
            Ok(Some(match total {
                Val::Int(s) if s % n == 0 => Val::Int(s / n),
                t => Val::number(as_f64(&t) / n as f64),
            }))
        }
    }
}

/// SUM: E203 for any Symbol; Ints exactly (E202 when the total leaves i64); with a
/// Float, f64 in canonical tuple order, made canonical (E205 when not finite).
fn sum(tuples: &[&Tuple], col: usize, ranks: &Ranks) -> Result<Val, Failure> {
    if tuples.iter().any(|t| matches!(t[col], Val::Sym(_))) {
        return Err("E203");
    }
    if tuples.iter().all(|t| matches!(t[col], Val::Int(_))) {
        let exact: i128 = tuples
            .iter()
            .map(|t| match t[col] {
                Val::Int(i) => i128::from(i),
                _ => 0,
            })
            .sum();
        return i64::try_from(exact).map(Val::Int).map_err(|_| "E202");
    }
    let mut sorted = tuples.to_vec();
    sorted.sort_by(|a, b| ranks.tuples(a, b));
    let total = sorted.iter().fold(0.0, |acc, t| acc + as_f64(&t[col]));
    if total.is_finite() {
        Ok(Val::number(total))
    } else {
        Err("E205")
    }
}
