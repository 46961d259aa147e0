//! The naive oracle: evaluates a [`Datalog`] model statement by statement, and
//! each SOLVE stratum by stratum (spec §9.3), each stratum by plain naive iteration
//! (every rule over the whole database, again and again, until a round adds
//! nothing). Deliberately simple and independent of the engine: no IR, no indexes,
//! no delta relations, no memos, its own arithmetic, strata and canonical order.
//!
//! Files: `strata` (the stratum of each rule), `aggregate` (spec §9.2 and the
//! canonical order of spec §2.5 that a Float SUM adds in).

mod aggregate;
mod strata;

use crate::model::{Clause, DStmt, Datalog, Lit, MExpr, Val, fresh};
use aggregate::Ranks;
use bytelogic_engine::ast::{BinOp, VarName};
use std::cmp::Ordering;
use std::collections::BTreeSet;

/// The answer of one QUERY (spec §5.1), its items sorted, or the value of a RESULT.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// No `?`.
    Truth(bool),
    /// One `?`.
    Values(Vec<Val>),
    /// Several `?`.
    Tuples(Vec<Vec<Val>>),
    /// A RESULT.
    Value(Val),
}

/// Why the oracle stopped: the spec code it would report.
pub type Failure = &'static str;

/// The failure an empty MIN, MAX or MEAN gives outside a rule; in a rule body it
/// stops the binding instead (spec §9.2).
const NO_VALUE: Failure = "E209";

type Tuple = Vec<Val>;
/// The bindings of a rule body so far, innermost last.
type Env = Vec<(VarName<'static>, Val)>;

fn lookup<'e>(env: &'e Env, v: &VarName<'static>) -> Option<&'e Val> {
    env.iter().find(|(b, _)| b == v).map(|(_, x)| x)
}

/// What expressions read: the database (aggregates) and the canonical order.
struct Cx<'a> {
    db: &'a [BTreeSet<Tuple>],
    ranks: &'a Ranks,
}

/// Runs the model: the answers of its QUERYs and RESULTs in order, or the first
/// failure. More than `max_tuples` tuples in the database is a failure (E402), like
/// the engine's limit.
pub fn evaluate(program: &Datalog, max_tuples: usize) -> Result<Vec<Answer>, Failure> {
    let mut db: Vec<BTreeSet<Tuple>> = vec![BTreeSet::new(); program.rels.len()];
    let all_rules: Vec<&[Clause]> = program
        .stmts
        .iter()
        .filter_map(|s| match s {
            DStmt::Rule(_, clauses) => Some(clauses.as_slice()),
            _ => None,
        })
        .collect();
    let stratum = strata::of_rules(&all_rules, program.rels.len());
    let ranks = Ranks::written(program);
    let mut registered = 0;
    let mut answers = Vec::new();
    for stmt in &program.stmts {
        match stmt {
            DStmt::Fact(rel, vals) => {
                db[*rel].insert(vals.iter().map(Lit::value).collect());
            }
            DStmt::Rule(..) => registered += 1,
            DStmt::Solve => {
                let rules: Vec<(&[Clause], usize)> = all_rules[..registered]
                    .iter()
                    .copied()
                    .zip(stratum.iter().copied())
                    .collect();
                solve(&mut db, &rules, &ranks, max_tuples)?;
            }
            DStmt::Query(rel, args) => answers.push(query(&db[*rel], args)),
            DStmt::Result(e) => {
                let cx = Cx {
                    db: &db,
                    ranks: &ranks,
                };
                answers.push(Answer::Value(eval(e, &Env::new(), &cx)?));
            }
        }
        if db.iter().map(BTreeSet::len).sum::<usize>() > max_tuples {
            return Err("E402");
        }
    }
    Ok(answers)
}

/// Each stratum in turn, by naive iteration to its least fixpoint.
fn solve(
    db: &mut [BTreeSet<Tuple>],
    rules: &[(&[Clause], usize)],
    ranks: &Ranks,
    max_tuples: usize,
) -> Result<(), Failure> {
    let top = rules.iter().map(|&(_, s)| s).max().unwrap_or(0);
    for level in 0..=top {
        loop {
            let mut round = Round {
                new: BTreeSet::new(),
                room: max_tuples - db.iter().map(BTreeSet::len).sum::<usize>(),
            };
            for (clauses, _) in rules.iter().filter(|&&(_, s)| s == level) {
                let cx = Cx { db, ranks };
                body(clauses, &mut Env::new(), &cx, &mut round)?;
            }
            if round.new.is_empty() {
                break;
            }
            for (rel, tuple) in round.new {
                db[rel].insert(tuple);
            }
        }
    }
    Ok(())
}

/// The tuples one round derives that are not in the database yet, and how many more
/// fit under the tuple limit.
struct Round {
    new: BTreeSet<(usize, Tuple)>,
    room: usize,
}

/// The value of `e` in a rule body: `None` when an empty group stops the binding.
fn rule_value(e: &MExpr, env: &Env, cx: &Cx<'_>) -> Result<Option<Val>, Failure> {
    match eval(e, env, cx) {
        Err(NO_VALUE) => Ok(None),
        r => r.map(Some),
    }
}

/// The values of `args` in a rule body (`None` in the list for `?`); `None` when an
/// empty group stops the binding.
fn rule_values(
    args: &[Option<MExpr>],
    env: &Env,
    cx: &Cx<'_>,
) -> Result<Option<Vec<Option<Val>>>, Failure> {
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        match a {
            None => out.push(None),
            Some(e) => match rule_value(e, env, cx)? {
                Some(v) => out.push(Some(v)),
                None => return Ok(None),
            },
        }
    }
    Ok(Some(out))
}

/// True when `tuple` equals `pattern` in every non-`?` column.
fn matches(pattern: &[Option<Val>], tuple: &Tuple) -> bool {
    pattern
        .iter()
        .zip(tuple)
        .all(|(w, x)| w.as_ref().is_none_or(|w| w == x))
}

/// Evaluates `clauses` left to right under `env`, pushing every EMITted tuple.
fn body(clauses: &[Clause], env: &mut Env, cx: &Cx<'_>, out: &mut Round) -> Result<(), Failure> {
    let Some((clause, rest)) = clauses.split_first() else {
        return Ok(());
    };
    let db = cx.db;
    match clause {
        Clause::Scan { rel, matching } => {
            let key = matching.as_ref().and_then(|k| lookup(env, k).cloned());
            let key_first = matching.is_some() && key.is_none();
            for tuple in &db[*rel] {
                if key.as_ref().is_some_and(|k| k != &tuple[0]) {
                    continue;
                }
                let vars = fresh(|v| lookup(env, v).is_some(), tuple.len());
                let mut values = tuple.clone();
                if key_first && matching.as_ref() == Some(&vars[0]) {
                    // spec §4.1: the MATCH variable receives column B, the other column A.
                    values.swap(0, 1);
                }
                with(env, &vars, values, |env| body(rest, env, cx, out))?;
            }
        }
        Clause::Join { rel, key } => {
            let key = lookup(env, key).cloned();
            for tuple in db[*rel].iter().filter(|t| Some(&t[0]) == key.as_ref()) {
                let vars = fresh(|v| lookup(env, v).is_some(), tuple.len() - 1);
                with(env, &vars, tuple[1..].to_vec(), |env| {
                    body(rest, env, cx, out)
                })?;
            }
        }
        Clause::Let(v, e) => {
            if let Some(value) = rule_value(e, env, cx)? {
                with(env, std::slice::from_ref(v), vec![value], |env| {
                    body(rest, env, cx, out)
                })?;
            }
        }
        Clause::Where(cond) => {
            if rule_value(cond, env, cx)?.is_some_and(|c| truthy(&c)) {
                body(rest, env, cx, out)?;
            }
        }
        Clause::Not { rel, args } => {
            // spec §9.1: on only when no tuple equals every non-`?` argument.
            if let Some(pattern) = rule_values(args, env, cx)?
                && !db[*rel].iter().any(|t| matches(&pattern, t))
            {
                body(rest, env, cx, out)?;
            }
        }
        Clause::Emit { rel, args } => {
            let some: Vec<Option<MExpr>> = args.iter().cloned().map(Some).collect();
            let Some(values) = rule_values(&some, env, cx)? else {
                return Ok(());
            };
            let tuple: Tuple = values.into_iter().flatten().collect();
            if !db[*rel].contains(&tuple)
                && out.new.insert((*rel, tuple))
                && out.new.len() > out.room
            {
                return Err("E402");
            }
            body(rest, env, cx, out)?;
        }
    }
    Ok(())
}

/// Runs `f` with `vars` bound to `values`, then unbinds them.
fn with<T>(
    env: &mut Env,
    vars: &[VarName<'static>],
    values: Vec<Val>,
    f: impl FnOnce(&mut Env) -> T,
) -> T {
    let depth = env.len();
    env.extend(vars.iter().cloned().zip(values));
    let result = f(env);
    env.truncate(depth);
    result
}

fn query(rel: &BTreeSet<Tuple>, args: &[Option<Lit>]) -> Answer {
    let wanted: Vec<Option<Val>> = args.iter().map(|a| a.as_ref().map(Lit::value)).collect();
    let mut rows: Vec<Tuple> = rel
        .iter()
        .filter(|t| matches(&wanted, t))
        .map(|t| {
            wanted
                .iter()
                .zip(t)
                .filter(|(w, _)| w.is_none())
                .map(|(_, x)| x.clone())
                .collect()
        })
        .collect();
    rows.sort();
    match wanted.iter().filter(|w| w.is_none()).count() {
        0 => Answer::Truth(!rows.is_empty()),
        1 => Answer::Values(rows.into_iter().flatten().collect()),
        _ => Answer::Tuples(rows),
    }
}

fn truthy(v: &Val) -> bool {
    !matches!(v, Val::Int(0))
}

fn boolean(b: bool) -> Val {
    Val::Int(i64::from(b))
}

/// Evaluates an expression (spec §6.3, §9.2).
fn eval(e: &MExpr, env: &Env, cx: &Cx<'_>) -> Result<Val, Failure> {
    Ok(match e {
        MExpr::Var(v) => lookup(env, v)
            .cloned()
            .expect("generated rules read bound variables"),
        MExpr::Lit(l) => l.value(),
        MExpr::Not(e) => boolean(!truthy(&eval(e, env, cx)?)),
        MExpr::Bin(l, BinOp::And, r) => {
            boolean(truthy(&eval(l, env, cx)?) && truthy(&eval(r, env, cx)?))
        }
        MExpr::Bin(l, BinOp::Or, r) => {
            boolean(truthy(&eval(l, env, cx)?) || truthy(&eval(r, env, cx)?))
        }
        MExpr::Bin(l, op, r) => binary(eval(l, env, cx)?, *op, eval(r, env, cx)?)?,
        MExpr::Call(name, args) => {
            let args = args
                .iter()
                .map(|a| eval(a, env, cx))
                .collect::<Result<Vec<_>, _>>()?;
            call(name, &args)?
        }
        MExpr::Agg(agg) => {
            let group = agg
                .args
                .iter()
                .map(|a| a.as_ref().map(|e| eval(e, env, cx)).transpose())
                .collect::<Result<Vec<_>, _>>()?;
            let tuples: Vec<&Tuple> = cx.db[agg.rel]
                .iter()
                .filter(|t| matches(&group, t))
                .collect();
            aggregate::value(agg.func, &group, &tuples, cx.ranks)?.ok_or(NO_VALUE)?
        }
    })
}

fn binary(a: Val, op: BinOp, b: Val) -> Result<Val, Failure> {
    use Val::{Int, Sym};
    let cmp = |want: fn(Ordering) -> bool| order(&a, &b).map(|o| boolean(want(o)));
    match op {
        BinOp::Eq => Ok(boolean(a == b)),
        BinOp::Ne => Ok(boolean(a != b)),
        BinOp::Lt => cmp(Ordering::is_lt),
        BinOp::Le => cmp(Ordering::is_le),
        BinOp::Gt => cmp(Ordering::is_gt),
        BinOp::Ge => cmp(Ordering::is_ge),
        _ => match (&a, &b) {
            (Int(x), Int(y)) => int_arith(*x, op, *y),
            (Sym(x), Sym(y)) if op == BinOp::Add => Ok(Sym(format!("{x}{y}"))),
            (Sym(_), _) | (_, Sym(_)) => Err("E203"),
            _ => {
                let (x, y) = (as_f64(&a), as_f64(&b));
                let r = match op {
                    BinOp::Add => x + y,
                    BinOp::Sub => x - y,
                    BinOp::Mul => x * y,
                    BinOp::Mod if y == 0.0 => return Err("E201"),
                    BinOp::Mod => floored(x % y, y),
                    _ => panic!("the rule generator does not make `{}`", op.as_str()),
                };
                if r.is_finite() {
                    Ok(Val::number(r))
                } else {
                    Err("E205")
                }
            }
        },
    }
}

fn int_arith(x: i64, op: BinOp, y: i64) -> Result<Val, Failure> {
    let r = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Mod if y == 0 => return Err("E201"),
        BinOp::Mod => Some(x.checked_rem(y).map_or(0, |r| {
            if r != 0 && (r < 0) != (y < 0) {
                r + y
            } else {
                r
            }
        })),
        _ => panic!("the rule generator does not make `{}`", op.as_str()),
    };
    r.map(Val::Int).ok_or("E202")
}

/// `r` (a remainder of division by `y`) moved to the sign of `y`: floored modulo.
fn floored(r: f64, y: f64) -> f64 {
    if r != 0.0 && (r < 0.0) != (y < 0.0) {
        r + y
    } else {
        r
    }
}

pub(crate) fn as_f64(v: &Val) -> f64 {
    match v {
        Val::Int(i) => *i as f64,
        Val::Float(f) => *f,
        Val::Sym(_) => f64::NAN,
    }
}

/// Numbers by exact value, Symbols by text; a number against a Symbol is E203.
pub(crate) fn order(a: &Val, b: &Val) -> Result<Ordering, Failure> {
    match (a, b) {
        (Val::Sym(x), Val::Sym(y)) => Ok(x.cmp(y)),
        (Val::Sym(_), _) | (_, Val::Sym(_)) => Err("E203"),
        (Val::Int(x), Val::Int(y)) => Ok(x.cmp(y)),
        (Val::Float(x), Val::Float(y)) => Ok(x.total_cmp(y)),
        (Val::Int(i), Val::Float(f)) => Ok(int_vs_float(*i, *f)),
        (Val::Float(f), Val::Int(i)) => Ok(int_vs_float(*i, *f).reverse()),
    }
}

/// Exact comparison of an Int with a Float: where the conversion ties, the Float is
/// integral (canonical Floats with a fraction are below 2^53), so compare as integers.
fn int_vs_float(i: i64, f: f64) -> Ordering {
    match (i as f64).total_cmp(&f) {
        Ordering::Equal => i128::from(i).cmp(&(f as i128)),
        o => o,
    }
}

fn call(name: &str, args: &[Val]) -> Result<Val, Failure> {
    match (name, args) {
        ("ABS", [Val::Int(i)]) => i.checked_abs().map(Val::Int).ok_or("E202"),
        ("ABS", [Val::Float(f)]) => Ok(Val::Float(f.abs())),
        ("MIN", [x, y]) => Ok(if order(x, y)?.is_gt() { y } else { x }.clone()),
        ("MAX", [x, y]) => Ok(if order(x, y)?.is_lt() { y } else { x }.clone()),
        _ => Err("E203"),
    }
}
