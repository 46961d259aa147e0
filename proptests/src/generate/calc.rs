//! Whole programs with CALC functions (spec §6): a Datalog part, one to three
//! CALCs using every statement of spec §6.2 (LET, IF/ELSE, RANGE with steps,
//! WHILE, FOR over a QUERY, BREAK, CONTINUE, early RESULT, recursion, string
//! built-ins), a rule that calls a CALC, and top-level LET and RESULT. There is
//! no oracle for CALC: these programs must compile cleanly, print back to
//! themselves, and run without panic (a run-time error is fine).

use super::rules;
use super::values::lit;
use crate::build::{self, binary, builtin, calc_stmt, int, not, paren};
use crate::dice::{Dice, dice};
use crate::model::{Kind, Relation};
use bytelogic_engine::ast::{
    BinOp, CalcDef, CalcStmt, CalcStmtKind, ClauseKind, Expr, Program, Rule, StmtKind, VarName,
};
use bytelogic_engine::{Span, ast, ast_print};
use proptest::prelude::*;
use std::fmt;

/// A generated program, shown as its source when a case fails.
#[derive(Clone)]
pub struct Generated(pub Program<'static>);

impl fmt::Debug for Generated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\n{}", ast_print::program(&self.0))
    }
}

/// Programs with CALCs, shrinking toward fewer and smaller statements.
pub fn program() -> impl Strategy<Value = Generated> {
    (rules::parts(), dice(600), dice(100))
        .prop_map(|(parts, mut d, mut top)| Generated(build_program(parts, &mut d, &mut top)))
}

/// A CALC that can be called: name, parameter count, and whether it (or a CALC it
/// calls) reads a relation, which rules must not call (a cycle would be E308).
#[derive(Clone)]
struct Callable {
    name: String,
    params: usize,
    reads: bool,
}

/// A program from the choices of its Datalog part, its CALCs (`d`) and its
/// top-level LETs, RESULTs and calling rule (`top`).
fn build_program(parts: rules::Parts, d: &mut Dice, top: &mut Dice) -> Program<'static> {
    let datalog = rules::program(parts);
    let globals: Vec<String> = (0..top.below(3)).map(|i| format!("g{i}")).collect();
    let mut calcs: Vec<Callable> = Vec::new();
    let mut defs = Vec::new();
    for i in 0..1 + d.below(3) {
        let (def, callable) = calc_def(d, i, &datalog.rels, &calcs, &globals);
        defs.push(build::stmt(StmtKind::Calc(def)));
        calcs.push(callable);
    }
    let mut ctx = Ctx::new(&datalog.rels, calcs.clone());
    let mut stmts = datalog.to_ast().stmts;
    let mut at = datalog.rels.len();
    // Globals first (after the RELs), then the CALCs, so every global is assigned
    // before a call can read it.
    for (i, g) in globals.iter().enumerate() {
        ctx.globals = globals[..i].to_vec();
        let expr = int_expr(top, &mut ctx, 2);
        let let_stmt = StmtKind::Let {
            var: build::var(&VarName::Named(g.clone().into())),
            expr,
        };
        stmts.insert(at, build::stmt(let_stmt));
        at += 1;
    }
    ctx.globals = globals;
    stmts.splice(at..at, defs);
    if let Some(pure) = calcs.iter().find(|c| !c.reads)
        && top.chance(70)
    {
        stmts.insert(0, build::stmt(StmtKind::Rel(build::ident("calls"))));
        stmts.push(calling_rule(top, &ctx, pure));
        stmts.push(build::stmt(StmtKind::Solve));
    }
    for _ in 0..1 + top.below(3) {
        let e = if top.chance(70) {
            call(top, &mut ctx, 1)
        } else {
            sym_expr(top, &mut ctx, 2)
        };
        stmts.push(build::stmt(StmtKind::Result(e)));
    }
    Program { stmts }
}

/// `RULE calls: SCAN rel, LET $v = CALC f(…), EMIT rel $v …`: a rule calling a CALC
/// that reads no relation, writing to the first relation when it is unary.
fn calling_rule(d: &mut Dice, ctx: &Ctx, f: &Callable) -> ast::Stmt<'static> {
    let rel = &ctx.rels[0];
    let v = VarName::Named("c".into());
    let args = (0..f.params)
        .map(|_| int(d.below(6) as i64, false))
        .collect();
    let clause = |kind| ast::Clause {
        kind,
        span: Span::default(),
    };
    let mut clauses = vec![
        clause(ClauseKind::Scan {
            rel: build::ident(&rel.name),
            matching: None,
        }),
        clause(ClauseKind::Let {
            var: build::var(&v),
            expr: build::calc_call(&f.name, args),
        }),
    ];
    if rel.kinds.len() == 1 && rel.kinds[0] != Kind::Sym {
        let args = vec![build::var_expr(&v)];
        clauses.push(clause(ClauseKind::Emit {
            rel: build::ident(&rel.name),
            args,
        }));
    } else {
        let args = vec![
            build::var_expr(&v),
            build::var_expr(&VarName::Positional(0)),
        ];
        clauses.push(clause(ClauseKind::Emit {
            rel: build::ident("calls"),
            args,
        }));
    }
    build::stmt(StmtKind::Rule(Rule {
        label: build::ident("calls"),
        clauses,
    }))
}

/// What a CALC body can see while it is generated.
struct Ctx<'a> {
    rels: &'a [Relation],
    /// CALCs that may be called (earlier ones, and this one once its base case is written).
    calls: Vec<Callable>,
    /// Parameters and locals assigned on every path so far, with their kinds.
    locals: Vec<(String, Kind)>,
    /// Tuple variables of enclosing FOR-QUERY loops, with their relations.
    tuples: Vec<(String, usize)>,
    globals: Vec<String>,
    loops: usize,
    fresh: usize,
    reads: bool,
}

impl<'a> Ctx<'a> {
    fn new(rels: &'a [Relation], calls: Vec<Callable>) -> Ctx<'a> {
        Ctx {
            rels,
            calls,
            locals: Vec::new(),
            tuples: Vec::new(),
            globals: Vec::new(),
            loops: 0,
            fresh: 0,
            reads: false,
        }
    }

    fn name(&mut self, prefix: &str) -> String {
        self.fresh += 1;
        format!("{prefix}{}", self.fresh)
    }

    /// A readable variable or field of `kind`, if there is one.
    fn read(&self, d: &mut Dice, kind: Kind) -> Option<Expr<'static>> {
        let mut options: Vec<Expr<'static>> = self
            .locals
            .iter()
            .filter(|(_, k)| (*k == Kind::Sym) == (kind == Kind::Sym))
            .map(|(v, _)| build::var_expr(&VarName::Named(v.clone().into())))
            .collect();
        if kind != Kind::Sym {
            options.extend(
                self.globals
                    .iter()
                    .map(|g| build::var_expr(&VarName::Named(g.clone().into()))),
            );
        }
        for (t, rel) in &self.tuples {
            for (col, k) in self.rels[*rel].kinds.iter().enumerate() {
                if (*k == Kind::Sym) == (kind == Kind::Sym) {
                    options.push(build::field(t, &((b'a' + col as u8) as char).to_string()));
                }
            }
        }
        (!options.is_empty()).then(|| options.swap_remove(d.below(options.len())))
    }
}

/// `CALC f{i} [INPUT …] … RESULT …`, optionally recursive with a base case first.
fn calc_def(
    d: &mut Dice,
    i: usize,
    rels: &[Relation],
    earlier: &[Callable],
    globals: &[String],
) -> (CalcDef<'static>, Callable) {
    let name = format!("f{i}");
    let params: Vec<String> = ["a", "b", "c"][..d.below(4)]
        .iter()
        .map(|p| p.to_string())
        .collect();
    let mut ctx = Ctx::new(rels, earlier.to_vec());
    ctx.globals = globals.to_vec();
    ctx.locals = params.iter().map(|p| (p.clone(), Kind::Int)).collect();
    let mut body = Vec::new();
    if !params.is_empty() && d.chance(40) {
        // Recursion: `IF $a <= 0 THEN RESULT … END`, then calls of itself with `$a - 1`.
        let base = binary(param(&params[0]), BinOp::Le, int(0, false));
        let result = calc_stmt(CalcStmtKind::Result(int_expr(d, &mut ctx, 1)));
        body.push(calc_stmt(CalcStmtKind::If {
            cond: base,
            then_body: vec![result],
            else_body: None,
        }));
        ctx.calls.push(Callable {
            name: name.clone(),
            params: params.len(),
            reads: false,
        });
    }
    body.extend(block(d, &mut ctx, 2));
    let last = if ctx.calls.last().is_some_and(|c| c.name == name) {
        let args = (0..params.len())
            .map(|_| binary(param(&params[0]), BinOp::Sub, int(1, false)))
            .collect();
        binary(
            int_expr(d, &mut ctx, 1),
            BinOp::Add,
            build::calc_call(&name, args),
        )
    } else {
        int_expr(d, &mut ctx, 2)
    };
    body.push(calc_stmt(CalcStmtKind::Result(last)));
    let reads = ctx.reads || ctx.calls.iter().any(|c| c.reads);
    let def = CalcDef {
        name: build::ident(&name),
        params: params
            .iter()
            .map(|p| build::var(&VarName::Named(p.clone().into())))
            .collect(),
        body,
    };
    (
        def,
        Callable {
            name,
            params: params.len(),
            reads,
        },
    )
}

fn param(name: &str) -> Expr<'static> {
    build::var_expr(&VarName::Named(name.to_string().into()))
}

/// Up to three statements; what they assign is forgotten after the block.
fn block(d: &mut Dice, ctx: &mut Ctx, depth: usize) -> Vec<CalcStmt<'static>> {
    let (locals, tuples) = (ctx.locals.len(), ctx.tuples.len());
    let mut out = Vec::new();
    for _ in 0..d.below(4) {
        out.extend(stmt(d, ctx, depth));
    }
    ctx.locals.truncate(locals);
    ctx.tuples.truncate(tuples);
    out
}

/// One statement (two for a WHILE loop, which needs its counter set first).
fn stmt(d: &mut Dice, ctx: &mut Ctx, depth: usize) -> Vec<CalcStmt<'static>> {
    let s = |kind| vec![calc_stmt(kind)];
    match d.below(if depth == 0 { 2 } else { 8 }) {
        1 if ctx.loops > 0 => {
            let jump = calc_stmt(if d.chance(50) {
                CalcStmtKind::Break
            } else {
                CalcStmtKind::Continue
            });
            s(CalcStmtKind::If {
                cond: condition(d, ctx, 1),
                then_body: vec![jump],
                else_body: None,
            })
        }
        2 => {
            let cond = condition(d, ctx, 1);
            let then_body = block(d, ctx, depth - 1);
            let else_body = d.chance(50).then(|| block(d, ctx, depth - 1));
            s(CalcStmtKind::If {
                cond,
                then_body,
                else_body,
            })
        }
        3 => {
            let var = ctx.name("i");
            let step = d.chance(50).then(|| int(d.pick(&[1, 2, 3, -1, -2]), false));
            let (start, end) = (
                int(d.below(8) as i64 - 3, false),
                int(d.below(8) as i64 - 3, false),
            );
            let body = looped(d, ctx, depth, |ctx| {
                ctx.locals.push((var.clone(), Kind::Int))
            });
            let var = build::var(&VarName::Named(var.into()));
            s(CalcStmtKind::ForRange {
                var,
                start,
                end,
                step,
                body,
            })
        }
        4 => {
            let w = VarName::Named(ctx.name("w").into());
            let limit = int(1 + d.below(4) as i64, false);
            let count = binary(build::var_expr(&w), BinOp::Add, int(1, false));
            let mut body = vec![calc_stmt(CalcStmtKind::Let {
                var: build::var(&w),
                expr: count,
            })];
            body.extend(looped(d, ctx, depth, |_| ()));
            vec![
                calc_stmt(CalcStmtKind::Let {
                    var: build::var(&w),
                    expr: int(0, false),
                }),
                calc_stmt(CalcStmtKind::While {
                    cond: binary(build::var_expr(&w), BinOp::Lt, limit),
                    body,
                }),
            ]
        }
        5 => {
            let rel = d.below(ctx.rels.len());
            let args = ctx.rels[rel]
                .kinds
                .iter()
                .map(|&k| d.chance(30).then(|| lit(d, k, true).to_ast(true)))
                .collect();
            let query = build::query(&ctx.rels[rel].name, args);
            let tuple = ctx.name("t");
            ctx.reads = true;
            let body = looped(d, ctx, depth, |ctx| ctx.tuples.push((tuple.clone(), rel)));
            s(CalcStmtKind::ForQuery {
                tuple: build::ident(&tuple),
                query,
                body,
            })
        }
        6 => {
            let result = calc_stmt(CalcStmtKind::Result(int_expr(d, ctx, 1)));
            s(CalcStmtKind::If {
                cond: condition(d, ctx, 1),
                then_body: vec![result],
                else_body: None,
            })
        }
        _ => {
            let kind = if d.chance(30) { Kind::Sym } else { Kind::Int };
            let expr = if kind == Kind::Sym {
                sym_expr(d, ctx, 2)
            } else {
                int_expr(d, ctx, 2)
            };
            let name = ctx.name("l");
            ctx.locals.push((name.clone(), kind));
            s(CalcStmtKind::Let {
                var: build::var(&VarName::Named(name.into())),
                expr,
            })
        }
    }
}

/// A loop body: `enter` makes the loop's variable visible inside it only.
fn looped(
    d: &mut Dice,
    ctx: &mut Ctx,
    depth: usize,
    enter: impl FnOnce(&mut Ctx),
) -> Vec<CalcStmt<'static>> {
    let (locals, tuples) = (ctx.locals.len(), ctx.tuples.len());
    enter(ctx);
    ctx.loops += 1;
    let body = block(d, ctx, depth - 1);
    ctx.loops -= 1;
    ctx.locals.truncate(locals);
    ctx.tuples.truncate(tuples);
    body
}

/// A number-valued expression.
fn int_expr(d: &mut Dice, ctx: &mut Ctx, depth: usize) -> Expr<'static> {
    if depth == 0 || !d.chance(45) {
        return match ctx.read(d, Kind::Int) {
            Some(e) if d.chance(60) => e,
            _ => lit(d, Kind::Int, true).to_ast(false),
        };
    }
    let sub = |d: &mut Dice, ctx: &mut Ctx| int_expr(d, ctx, depth - 1);
    match d.below(8) {
        0 => {
            let (l, r) = (sub(d, ctx), sub(d, ctx));
            binary(l, d.pick(&[BinOp::Add, BinOp::Sub, BinOp::Mul]), r)
        }
        1 => {
            let l = sub(d, ctx);
            binary(
                l,
                d.pick(&[BinOp::Div, BinOp::Mod]),
                int(d.pick(&[2, 3, 7, -2]), false),
            )
        }
        2 => {
            let x = sub(d, ctx);
            match d.below(6) {
                0 => builtin("ABS", vec![x]),
                1 => builtin(d.pick(&["MIN", "max"]), vec![x, sub(d, ctx)]),
                2 => builtin("POW", vec![x, int(d.below(4) as i64, false)]),
                3 => builtin(
                    d.pick(&["FLOOR", "CEIL", "Round"]),
                    vec![binary(x, BinOp::Div, int(4, false))],
                ),
                4 => builtin("ROUND", vec![x, int(d.below(5) as i64 - 2, false)]),
                _ => builtin("SQRT", vec![builtin("ABS", vec![x])]),
            }
        }
        3 => builtin("LENGTH", vec![sym_expr(d, ctx, depth - 1)]),
        4 | 5 => condition(d, ctx, depth - 1),
        6 if !ctx.calls.is_empty() => call(d, ctx, depth - 1),
        _ => paren(sub(d, ctx)),
    }
}

/// `CALC f(…)` of a callable CALC, with number arguments.
fn call(d: &mut Dice, ctx: &mut Ctx, depth: usize) -> Expr<'static> {
    if ctx.calls.is_empty() {
        return int_expr(d, ctx, depth);
    }
    let f = d.pick(&ctx.calls);
    let args = (0..f.params)
        .map(|_| int_expr(d, ctx, depth.min(1)))
        .collect();
    build::calc_call(&f.name, args)
}

/// A Symbol-valued expression: literals, variables, concatenation, CHAR_AT.
fn sym_expr(d: &mut Dice, ctx: &mut Ctx, depth: usize) -> Expr<'static> {
    if depth == 0 || !d.chance(40) {
        return match ctx.read(d, Kind::Sym) {
            Some(e) if d.chance(50) => e,
            _ => lit(d, Kind::Sym, true).to_ast(false),
        };
    }
    if d.chance(50) {
        let (l, r) = (sym_expr(d, ctx, depth - 1), sym_expr(d, ctx, depth - 1));
        binary(l, BinOp::Add, r)
    } else {
        let s = sym_expr(d, ctx, depth - 1);
        builtin("CHAR_AT", vec![s, int(d.below(3) as i64, false)])
    }
}

/// A condition: comparisons, NOT, AND, OR (written in either case).
fn condition(d: &mut Dice, ctx: &mut Ctx, depth: usize) -> Expr<'static> {
    const ORDERINGS: [BinOp; 6] = [
        BinOp::Eq,
        BinOp::Ne,
        BinOp::Lt,
        BinOp::Le,
        BinOp::Gt,
        BinOp::Ge,
    ];
    match d.below(if depth == 0 { 2 } else { 4 }) {
        0 => {
            let (l, r) = (int_expr(d, ctx, depth), int_expr(d, ctx, depth));
            binary(l, d.pick(&ORDERINGS), r)
        }
        1 => {
            let (l, r) = (sym_expr(d, ctx, depth), sym_expr(d, ctx, depth));
            binary(l, d.pick(&ORDERINGS), r)
        }
        2 => not(condition(d, ctx, depth - 1)),
        _ => {
            let l = condition(d, ctx, depth - 1);
            binary(
                l,
                d.pick(&[BinOp::And, BinOp::Or]),
                condition(d, ctx, depth - 1),
            )
        }
    }
}
