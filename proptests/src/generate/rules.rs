//! Well-formed Datalog programs (spec §3, §4): 1–6 relations of arity 1–4, facts,
//! rules with every clause kind (recursive and mutually recursive ones arise from
//! rules reading what rules derive), one to three SOLVEs, and queries with every
//! `?` pattern. Columns have kinds, so arithmetic and orderings never mix kinds.

use super::values::{kind, lit, rel_name};
use crate::dice::{Dice, dice};
use crate::model::{Clause, DStmt, Datalog, Kind, Lit, MExpr, Relation, fresh};
use bytelogic_engine::ast::{BinOp, VarName};
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

/// Builds one program from its choice sequences.
pub fn program((mut schema, mut facts, mut d): Parts) -> Datalog {
    let rels: Vec<Relation> = (0..1 + schema.below(6))
        .map(|i| Relation {
            name: rel_name(i),
            kinds: (0..1 + schema.below(4))
                .map(|_| kind(&mut schema))
                .collect(),
        })
        .collect();
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
        for _ in 0..d.below(3) {
            stmts.push(rule(d, &rels));
        }
        stmts.push(DStmt::Solve);
        for _ in 0..d.below(3) {
            stmts.push(pattern_query(d, &rels));
        }
    }
    for (i, rel) in rels.iter().enumerate() {
        stmts.push(DStmt::Query(i, vec![None; rel.kinds.len()]));
    }
    Datalog { rels, stmts }
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

/// The variables bound so far in a rule, with their kinds.
#[derive(Default)]
pub struct Scope {
    bound: Vec<(VarName, Kind)>,
    named: usize,
}

impl Scope {
    fn is_bound(&self, v: &VarName) -> bool {
        self.bound.iter().any(|(b, _)| b == v)
    }

    /// The next `n` positional variables a SCAN or JOIN binds.
    fn fresh(&self, n: usize) -> Vec<VarName> {
        fresh(|v| self.is_bound(v), n)
    }

    fn bind(&mut self, vars: Vec<VarName>, kinds: impl IntoIterator<Item = Kind>) {
        self.bound.extend(vars.into_iter().zip(kinds));
    }

    /// A bound variable of kind `kind`, if there is one.
    fn var_of(&self, d: &mut Dice, kind: Kind) -> Option<VarName> {
        let of_kind: Vec<&VarName> = self
            .bound
            .iter()
            .filter(|(_, k)| *k == kind)
            .map(|(v, _)| v)
            .collect();
        (!of_kind.is_empty()).then(|| of_kind[d.below(of_kind.len())].clone())
    }

    /// Any bound variable, if there is one.
    fn var_of_any(&self, d: &mut Dice) -> Option<VarName> {
        (!self.bound.is_empty()).then(|| self.bound[d.below(self.bound.len())].0.clone())
    }

    /// A variable not bound yet: a new named one or an unbound positional one.
    fn unbound(&mut self, d: &mut Dice) -> VarName {
        match d.below(3) {
            0 => {
                self.named += 1;
                VarName::Named(format!("v{}", self.named))
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
/// SCANs, so rules stay cheap), then one or two EMITs.
fn rule(d: &mut Dice, rels: &[Relation]) -> DStmt {
    let mut scope = Scope::default();
    let mut clauses = Vec::new();
    let mut scans = 0;
    for _ in 0..d.below(5) {
        let rel = d.below(rels.len());
        let kinds = &rels[rel].kinds;
        let key = scope.var_of_any(d);
        let clause = match (d.below(6), key) {
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
                let e = expr(d, &scope, kind, 2);
                let v = scope.unbound(d);
                scope.bind(vec![v.clone()], [kind]);
                Clause::Let(v, e)
            }
            (4, _) => Clause::Where(condition(d, &scope, 2)),
            _ if scans < 2 => {
                scans += 1;
                let vars = scope.fresh(kinds.len());
                scope.bind(vars, kinds.iter().copied());
                Clause::Scan {
                    rel,
                    matching: None,
                }
            }
            _ => Clause::Where(condition(d, &scope, 1)),
        };
        clauses.push(clause);
    }
    let target = d.below(rels.len());
    for i in 0..1 + d.below(2) {
        let rel = if i == 0 { target } else { d.below(rels.len()) };
        let args = rels[rel]
            .kinds
            .iter()
            .map(|&k| term(d, &scope, k))
            .collect();
        clauses.push(Clause::Emit { rel, args });
    }
    DStmt::Rule(rels[target].name.clone(), clauses)
}

/// An EMIT argument of kind `kind`: mostly a variable, else an expression or a literal.
fn term(d: &mut Dice, scope: &Scope, kind: Kind) -> MExpr {
    match scope.var_of(d, kind) {
        Some(v) if !d.chance(25) => MExpr::Var(v),
        _ => expr(d, scope, kind, 2),
    }
}

/// An expression of kind `kind`, at most `depth` operators deep.
fn expr(d: &mut Dice, scope: &Scope, kind: Kind, depth: usize) -> MExpr {
    let leaf = |d: &mut Dice| match scope.var_of(d, kind) {
        Some(v) if d.chance(60) => MExpr::Var(v),
        _ => MExpr::Lit(lit(d, kind, true)),
    };
    if depth == 0 || !d.chance(40) {
        return leaf(d);
    }
    let sub = |d: &mut Dice| Box::new(expr(d, scope, kind, depth - 1));
    match (kind, d.below(5)) {
        (Kind::Int, 0) => MExpr::Bin(
            sub(d),
            d.pick(&[BinOp::Add, BinOp::Sub, BinOp::Mul]),
            sub(d),
        ),
        (Kind::Int, 1) => {
            // Floored modulo (spec §6.3), by a divisor of either sign.
            let k = MExpr::Lit(Lit::Int(d.pick(&[2, 3, -2, 7])));
            MExpr::Bin(sub(d), BinOp::Mod, Box::new(k))
        }
        (Kind::Int, 2) => condition(d, scope, depth - 1),
        (Kind::Sym, 0 | 1) => {
            // Concatenation with a literal only: a fixpoint grows text linearly, not
            // exponentially, before the tuple limit stops it.
            let (var, text) = (leaf(d), MExpr::Lit(lit(d, Kind::Sym, true)));
            let (l, r) = if d.chance(50) {
                (text, var)
            } else {
                (var, text)
            };
            MExpr::Bin(Box::new(l), BinOp::Add, Box::new(r))
        }
        (Kind::Sym, _) => leaf(d),
        (_, 3) => MExpr::Call("ABS", vec![*sub(d)]),
        (_, _) => MExpr::Call(d.pick(&["MIN", "MAX"]), vec![*sub(d), *sub(d)]),
    }
}

/// A WHERE condition: comparisons within a kind, equality across kinds, AND/OR/NOT.
fn condition(d: &mut Dice, scope: &Scope, depth: usize) -> MExpr {
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
            MExpr::Bin(
                Box::new(expr(d, scope, k, depth)),
                d.pick(&ORDERINGS),
                Box::new(expr(d, scope, k, depth)),
            )
        }
        1 => {
            let (k1, k2) = (kind(d), kind(d));
            let op = d.pick(&[BinOp::Eq, BinOp::Ne]);
            MExpr::Bin(
                Box::new(expr(d, scope, k1, 0)),
                op,
                Box::new(expr(d, scope, k2, 0)),
            )
        }
        2 => MExpr::Not(Box::new(condition(d, scope, depth - 1))),
        3 => MExpr::Bin(
            Box::new(condition(d, scope, depth - 1)),
            d.pick(&[BinOp::And, BinOp::Or]),
            Box::new(condition(d, scope, depth - 1)),
        ),
        _ => expr(d, scope, Kind::Int, depth - 1),
    }
}
