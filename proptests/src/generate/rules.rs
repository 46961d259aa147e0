//! Well-formed Datalog programs (spec §3, §4): 1–6 relations of arity 1–4, facts,
//! rules with every clause kind (recursive and mutually recursive ones arise from
//! rules reading what rules derive), one to three SOLVEs, and queries with every
//! `?` pattern. Columns have kinds, so arithmetic and orderings never mix kinds.
//!
//! [`stratified`] programs (spec §9) also have NOT clauses and aggregates (in rule
//! LET, WHERE, EMIT and NOT arguments, and top-level RESULTs). Each relation gets a
//! level: a rule reads relations of its head's level or below through SCAN and JOIN
//! and relations of lower levels through NOT and aggregates, so no cycle runs
//! through a non-monotone read (no E308), while recursion, chains of strata, empty
//! groups and every kind of value column occur.

use super::aggregates::{aggregate, aggregate_of, not_clause};
use super::values::{kind, lit, rel_name};
use crate::dice::{Dice, dice};
use crate::model::{Clause, DStmt, Datalog, Kind, Lit, MExpr, Relation, fresh};
use bytelogic_engine::ast::{AggFunc, BinOp, VarName};
use proptest::prelude::*;

/// The choice sequences of a Datalog program: its relations, its facts, and the
/// rest (rules, SOLVEs, queries). They are independent, so that shrinking one part
/// leaves the choices of the others where they were.
pub type Parts = (Dice, Dice, Dice);

/// Choice sequences for [`program`].
pub fn parts() -> impl Strategy<Value = Parts> {
    (dice(40), dice(300), dice(600))
}

/// Datalog programs, shrinking toward fewer relations, statements and clauses.
pub fn datalog() -> impl Strategy<Value = Datalog> {
    parts().prop_map(program)
}

/// Stratified programs with NOT and aggregates (spec §9), shrinking as [`datalog`].
pub fn stratified() -> impl Strategy<Value = Datalog> {
    parts().prop_map(|parts| build(parts, true))
}

/// Builds one program from its choice sequences.
pub fn program(parts: Parts) -> Datalog {
    build(parts, false)
}

/// Builds a program; `stratified` adds levels, NOT clauses and aggregates (the dice
/// of a version-1 program are drawn exactly as before they existed).
fn build((mut schema, mut facts, mut d): Parts, stratified: bool) -> Datalog {
    // A stratified program has two relations at least, so that one can read another.
    let rels: Vec<Relation> = (0..1 + usize::from(stratified) + schema.below(6))
        .map(|i| Relation {
            name: rel_name(i),
            kinds: (0..1 + schema.below(4))
                .map(|_| kind(&mut schema))
                .collect(),
        })
        .collect();
    let levels: Option<Vec<usize>> =
        stratified.then(|| rels.iter().map(|_| schema.below(3)).collect());
    let d = &mut d;
    let f = &mut facts;
    let mut stmts = Vec::new();
    for _ in 0..1 + d.below(3) {
        for (i, rel) in rels.iter().enumerate() {
            // Up to 6 in a row: runs of 4 or more are compiled as a fact table.
            for _ in 0..f.below(7) {
                stmts.push(DStmt::Fact(
                    i,
                    rel.kinds.iter().map(|&k| lit(f, k, false)).collect(),
                ));
            }
        }
        for _ in 0..d.below(if stratified { 4 } else { 3 }) {
            stmts.push(rule(d, &rels, levels.as_deref()));
        }
        stmts.push(DStmt::Solve);
        for _ in 0..d.below(3) {
            stmts.push(pattern_query(d, &rels));
        }
        if stratified {
            for _ in 0..d.below(3) {
                stmts.push(top_level_result(d, &rels));
            }
        }
    }
    for (i, rel) in rels.iter().enumerate() {
        stmts.push(DStmt::Query(i, vec![None; rel.kinds.len()]));
    }
    Datalog { rels, stmts }
}

/// `RESULT aggregate` after a SOLVE: over any relation (top-level reads are in no
/// stratum), its group literals (no variables at top level).
fn top_level_result(d: &mut Dice, rels: &[Relation]) -> DStmt {
    let mut scope = Scope {
        readable: Some((rels, (0..rels.len()).collect())),
        ..Scope::default()
    };
    // Mostly COUNT and SUM: an empty MIN, MAX or MEAN here is E209, which ends the run.
    let funcs: &[AggFunc] = if d.chance(75) {
        &[AggFunc::Count, AggFunc::Sum]
    } else {
        &AggFunc::ALL
    };
    let kind = d.pick(&[Kind::Int, Kind::Int, Kind::Num, Kind::Sym]);
    let e = aggregate_of(d, &mut scope, kind, funcs).unwrap_or(MExpr::Lit(Lit::Int(0)));
    DStmt::Result(e)
}

/// `QUERY rel …` with each argument `?` or a value.
fn pattern_query(d: &mut Dice, rels: &[Relation]) -> DStmt {
    let rel = d.below(rels.len());
    let args = rels[rel]
        .kinds
        .iter()
        .map(|&k| d.chance(50).then(|| lit(d, k, false)))
        .collect();
    DStmt::Query(rel, args)
}

/// The variables bound so far in a rule, with their kinds, and (stratified programs)
/// what the rule may read through NOT and aggregates.
#[derive(Default)]
pub struct Scope<'a> {
    bound: Vec<(VarName<'static>, Kind)>,
    named: usize,
    /// The relations, and those this rule may read non-monotonically; `None` in a
    /// version-1 program.
    pub(super) readable: Option<(&'a [Relation], Vec<usize>)>,
}

impl Scope<'_> {
    fn is_bound(&self, v: &VarName<'static>) -> bool {
        self.bound.iter().any(|(b, _)| b == v)
    }

    /// The next `n` positional variables a SCAN or JOIN binds.
    fn fresh(&self, n: usize) -> Vec<VarName<'static>> {
        fresh(|v| self.is_bound(v), n)
    }

    fn bind(&mut self, vars: Vec<VarName<'static>>, kinds: impl IntoIterator<Item = Kind>) {
        self.bound.extend(vars.into_iter().zip(kinds));
    }

    /// A bound variable of kind `kind`, if there is one.
    pub(super) fn var_of(&self, d: &mut Dice, kind: Kind) -> Option<VarName<'static>> {
        let of_kind: Vec<&VarName<'static>> = self
            .bound
            .iter()
            .filter(|(_, k)| *k == kind)
            .map(|(v, _)| v)
            .collect();
        (!of_kind.is_empty()).then(|| of_kind[d.below(of_kind.len())].clone())
    }

    /// Any bound variable, if there is one.
    fn var_of_any(&self, d: &mut Dice) -> Option<VarName<'static>> {
        (!self.bound.is_empty()).then(|| self.bound[d.below(self.bound.len())].0.clone())
    }

    /// True in a stratified program, where expressions may hold aggregates.
    fn stratified(&self) -> bool {
        self.readable.is_some()
    }

    /// A variable not bound yet: a new named one or an unbound positional one.
    fn unbound(&mut self, d: &mut Dice) -> VarName<'static> {
        match d.below(3) {
            0 => {
                self.named += 1;
                VarName::Named(format!("v{}", self.named).into())
            }
            1 => self.fresh(1).remove(0),
            _ => {
                let n = 3 + d.below(6) as u32;
                let v = VarName::Positional(n);
                if self.is_bound(&v) {
                    self.fresh(1).remove(0)
                } else {
                    v
                }
            }
        }
    }
}

/// `RULE label: clauses, EMIT …`: up to four body clauses (at most two unrestricted
/// SCANs, so rules stay cheap), then one or two EMITs. With `levels` (a stratified
/// program) the head is drawn first and the reads follow the levels (module docs).
fn rule(d: &mut Dice, rels: &[Relation], levels: Option<&[usize]>) -> DStmt {
    let mut scope = Scope::default();
    let head = levels.map(|levels| {
        // Mostly a head above the lowest level, so that it may read through NOT.
        let upper: Vec<usize> = (0..rels.len()).filter(|&r| levels[r] > 0).collect();
        let target = if !upper.is_empty() && d.chance(75) {
            upper[d.below(upper.len())]
        } else {
            d.below(rels.len())
        };
        let level = levels[target];
        let below = |at_most: usize| (0..rels.len()).filter(move |&r| levels[r] <= at_most);
        let positive: Vec<usize> = below(level).collect();
        let negative: Vec<usize> = below(level).filter(|&r| levels[r] < level).collect();
        scope.readable = Some((rels, negative));
        (target, positive, level)
    });
    let mut clauses = Vec::new();
    let mut scans = 0;
    for _ in 0..d.below(5) {
        let rel = match &head {
            Some((_, positive, _)) => positive[d.below(positive.len())],
            None => d.below(rels.len()),
        };
        let kinds = &rels[rel].kinds;
        let key = scope.var_of_any(d);
        let choices = if scope.stratified() { 11 } else { 6 };
        let clause = match (d.below(choices), key) {
            (0, Some(k)) => {
                let vars = scope.fresh(kinds.len());
                scope.bind(vars, kinds.iter().copied());
                Clause::Scan {
                    rel,
                    matching: Some(k),
                }
            }
            (1, Some(key)) => {
                let vars = scope.fresh(kinds.len() - 1);
                scope.bind(vars, kinds[1..].iter().copied());
                Clause::Join { rel, key }
            }
            (2, _) if kinds.len() == 2 => {
                // Key-first MATCH: the MATCH variable takes column B, the other column A.
                let vars = scope.fresh(2);
                let k = d.below(2);
                let matching = vars[k].clone();
                let (ka, kb) = (kinds[0], kinds[1]);
                scope.bind(vars, if k == 0 { [kb, ka] } else { [ka, kb] });
                Clause::Scan {
                    rel,
                    matching: Some(matching),
                }
            }
            (3, _) => {
                let kind = kind(d);
                let e = expr(d, &mut scope, kind, 2);
                let v = scope.unbound(d);
                scope.bind(vec![v.clone()], [kind]);
                Clause::Let(v, e)
            }
            (4, _) => Clause::Where(condition(d, &mut scope, 2)),
            (6 | 7, _) if scope.readable.as_ref().is_some_and(|r| !r.1.is_empty()) => {
                not_clause(d, &mut scope)
            }
            (8, _) if scope.readable.as_ref().is_some_and(|r| !r.1.is_empty()) => {
                // An aggregate compared in a WHERE (AND/OR may short-circuit past it).
                let kind = d.pick(&[Kind::Int, Kind::Num]);
                let agg = aggregate(d, &mut scope, kind).unwrap_or(MExpr::Lit(Lit::Int(1)));
                let op = d.pick(&[BinOp::Gt, BinOp::Eq, BinOp::Le]);
                let cmp = MExpr::Bin(Box::new(agg), op, Box::new(MExpr::Lit(lit(d, kind, true))));
                Clause::Where(match d.below(3) {
                    0 => cmp,
                    _ => {
                        let other = condition(d, &mut scope, 1);
                        let joint = d.pick(&[BinOp::And, BinOp::Or]);
                        MExpr::Bin(Box::new(other), joint, Box::new(cmp))
                    }
                })
            }
            (9 | 10, _) if scope.readable.as_ref().is_some_and(|r| !r.1.is_empty()) => {
                let kind = kind(d);
                let e = aggregate(d, &mut scope, kind).unwrap_or(MExpr::Lit(lit(d, kind, true)));
                let v = scope.unbound(d);
                scope.bind(vec![v.clone()], [kind]);
                Clause::Let(v, e)
            }
            _ if scans < 2 => {
                scans += 1;
                let vars = scope.fresh(kinds.len());
                scope.bind(vars, kinds.iter().copied());
                Clause::Scan {
                    rel,
                    matching: None,
                }
            }
            _ => Clause::Where(condition(d, &mut scope, 1)),
        };
        clauses.push(clause);
    }
    let target = match &head {
        Some((target, ..)) => *target,
        None => d.below(rels.len()),
    };
    for i in 0..1 + d.below(2) {
        let rel = match (&head, levels) {
            (_, _) if i == 0 => target,
            // A second head of a stratified rule is at its level or above.
            (Some((_, _, level)), Some(levels)) => {
                let above: Vec<usize> = (0..rels.len()).filter(|&r| levels[r] >= *level).collect();
                above[d.below(above.len())]
            }
            _ => d.below(rels.len()),
        };
        let args = rels[rel]
            .kinds
            .iter()
            .map(|&k| term(d, &mut scope, k))
            .collect();
        clauses.push(Clause::Emit { rel, args });
    }
    DStmt::Rule(rels[target].name.clone(), clauses)
}

/// An EMIT argument of kind `kind`: mostly a variable, else an expression or a literal.
pub(super) fn term(d: &mut Dice, scope: &mut Scope<'_>, kind: Kind) -> MExpr {
    match scope.var_of(d, kind) {
        Some(v) if !d.chance(25) => MExpr::Var(v),
        _ => expr(d, scope, kind, 2),
    }
}

/// An expression of kind `kind`, at most `depth` operators deep (in a stratified
/// program, maybe an aggregate).
fn expr(d: &mut Dice, scope: &mut Scope<'_>, kind: Kind, depth: usize) -> MExpr {
    let leaf = |d: &mut Dice, scope: &Scope<'_>| match scope.var_of(d, kind) {
        Some(v) if d.chance(60) => MExpr::Var(v),
        _ => MExpr::Lit(lit(d, kind, true)),
    };
    if depth == 0 || !d.chance(40) {
        return leaf(d, scope);
    }
    let choices = if scope.stratified() { 6 } else { 5 };
    let sub = |d: &mut Dice, scope: &mut Scope<'_>| Box::new(expr(d, scope, kind, depth - 1));
    match (kind, d.below(choices)) {
        (_, 5) => aggregate(d, scope, kind).unwrap_or_else(|| leaf(d, scope)),
        (Kind::Int, 0) => {
            let l = sub(d, scope);
            let op = d.pick(&[BinOp::Add, BinOp::Sub, BinOp::Mul]);
            MExpr::Bin(l, op, sub(d, scope))
        }
        (Kind::Int, 1) => {
            // Floored modulo (spec §6.3), by a divisor of either sign.
            let k = MExpr::Lit(Lit::Int(d.pick(&[2, 3, -2, 7])));
            MExpr::Bin(sub(d, scope), BinOp::Mod, Box::new(k))
        }
        (Kind::Int, 2) => condition(d, scope, depth - 1),
        (Kind::Sym, 0 | 1) => {
            // Concatenation with a literal only: a fixpoint grows text linearly, not
            // exponentially, before the tuple limit stops it.
            let (var, text) = (leaf(d, scope), MExpr::Lit(lit(d, Kind::Sym, true)));
            let (l, r) = if d.chance(50) {
                (text, var)
            } else {
                (var, text)
            };
            MExpr::Bin(Box::new(l), BinOp::Add, Box::new(r))
        }
        (Kind::Sym, _) => leaf(d, scope),
        (_, 3) => MExpr::Call("ABS", vec![*sub(d, scope)]),
        (_, _) => {
            let name = d.pick(&["MIN", "MAX"]);
            let a = *sub(d, scope);
            MExpr::Call(name, vec![a, *sub(d, scope)])
        }
    }
}

/// A WHERE condition: comparisons within a kind, equality across kinds, AND/OR/NOT.
pub(super) fn condition(d: &mut Dice, scope: &mut Scope<'_>, depth: usize) -> MExpr {
    const ORDERINGS: [BinOp; 6] = [
        BinOp::Eq,
        BinOp::Ne,
        BinOp::Lt,
        BinOp::Le,
        BinOp::Gt,
        BinOp::Ge,
    ];
    match d.below(if depth == 0 { 2 } else { 5 }) {
        0 => {
            let k = kind(d);
            let l = expr(d, scope, k, depth);
            let op = d.pick(&ORDERINGS);
            MExpr::Bin(Box::new(l), op, Box::new(expr(d, scope, k, depth)))
        }
        1 => {
            let (k1, k2) = (kind(d), kind(d));
            let op = d.pick(&[BinOp::Eq, BinOp::Ne]);
            let l = expr(d, scope, k1, 0);
            MExpr::Bin(Box::new(l), op, Box::new(expr(d, scope, k2, 0)))
        }
        2 => MExpr::Not(Box::new(condition(d, scope, depth - 1))),
        3 => {
            let l = condition(d, scope, depth - 1);
            let op = d.pick(&[BinOp::And, BinOp::Or]);
            MExpr::Bin(Box::new(l), op, Box::new(condition(d, scope, depth - 1)))
        }
        _ => expr(d, scope, Kind::Int, depth - 1),
    }
}
