//! Lowering: the checked syntax tree becomes the rule IR ([`crate::ir::Program`]).
//!
//! Runs only on programs without errors, so every name resolves.

mod calc;
mod expr;
mod rule;

use crate::ast::{self, ExprKind, QueryArg, StmtKind};
use crate::check::Checked;
use crate::check::walk::walk_program_exprs;
use crate::ir::{self, GlobalId, IndexDef, IndexId, RelId, Relation, Step};
use crate::stratify::Strata;
use crate::value::Symbols;
use expr::Scope;
use hashbrown::HashMap;
use smallvec::SmallVec;

/// Lowers a checked, stratified program to the rule IR.
pub fn lower(program: &ast::Program, checked: &Checked, strata: &Strata) -> ir::Program {
    let mut cx = Lowerer {
        checked,
        symbols: written_symbols(program),
        indexes: HashMap::new(),
        index_defs: Vec::new(),
        memos: 0,
    };
    let mut functions = Vec::with_capacity(checked.functions.len());
    functions.extend(checked.functions.iter().enumerate().filter_map(|(i, f)| {
        match &program.stmts[f.stmt].kind {
            StmtKind::Calc(def) => Some(calc::lower_calc(
                &mut cx,
                def,
                &checked.calcs[i],
                program.stmts[f.stmt].span,
            )),
            _ => None,
        }
    }));
    let mut rules = Vec::with_capacity(checked.rules.len());
    // At most one step per statement.
    let mut steps = Vec::with_capacity(program.stmts.len());
    for stmt in &program.stmts {
        let span = stmt.span;
        match &stmt.kind {
            StmtKind::Rel(_) | StmtKind::Calc(_) => {}
            StmtKind::Rule(r) => {
                let i = rules.len();
                rules.push(rule::lower_rule(
                    &mut cx,
                    r,
                    &checked.rules[i],
                    strata,
                    i,
                    span,
                ));
            }
            StmtKind::Fact { rel, args } => steps.push(Step::Fact {
                rel: cx.rel(&rel.text),
                args: args.iter().map(|a| cx.expr(a, &Scope::TopLevel)).collect(),
                span,
            }),
            StmtKind::Solve => steps.push(Step::Solve {
                rules: rules.len() as u32,
                span,
            }),
            StmtKind::Query(q) => steps.push(Step::Query {
                rel: cx.rel(&q.rel.text),
                pattern: cx.pattern(&q.args, &Scope::TopLevel),
                span,
            }),
            StmtKind::Let { var, expr } => steps.push(Step::Let {
                global: checked.global(&var.name).unwrap_or(GlobalId(0)),
                expr: cx.expr(expr, &Scope::TopLevel),
                span,
            }),
            StmtKind::Result(expr) => steps.push(Step::Result {
                expr: cx.expr(expr, &Scope::TopLevel),
                span,
            }),
        }
    }
    let mut relations: Vec<Relation> = checked
        .relations
        .iter()
        .map(|r| Relation {
            name: r.name.to_string(),
            arity: r.arity,
            indexes: Vec::new(),
        })
        .collect();
    for (i, def) in cx.index_defs.iter().enumerate() {
        relations[def.rel.index()].indexes.push(IndexId(i as u32));
    }
    let ir_strata = strata
        .strata
        .iter()
        .map(|s| ir::Stratum {
            rules: s.rules.iter().map(|&r| ir::RuleId(r)).collect(),
            derives: s.derives.clone(),
            recursive: s
                .rules
                .iter()
                .any(|&r| !rules[r as usize].deltas.is_empty()),
        })
        .collect();
    ir::Program {
        relations,
        indexes: cx.index_defs,
        symbols: cx.symbols,
        functions,
        rules,
        strata: ir_strata,
        globals: checked.globals.iter().map(ast::VarName::written).collect(),
        memos: cx.memos,
        steps,
    }
}

/// Interns every Symbol written in a value position, in source order (spec §2.5),
/// in a table sized for them (rather than grown a few times on the way).
fn written_symbols(program: &ast::Program) -> Symbols {
    let mut texts: SmallVec<[&str; 32]> = SmallVec::new();
    walk_program_exprs(program, &mut |e| {
        if let ExprKind::Sym { text, .. } = &e.kind {
            texts.push(text);
        }
    });
    let mut symbols = Symbols::with_capacity(texts.len());
    for text in texts {
        symbols.intern(text);
    }
    symbols.seal_written();
    symbols
}

/// Shared state of lowering: resolved names, Symbols and the index registry.
struct Lowerer<'a> {
    checked: &'a Checked<'a>,
    symbols: Symbols,
    indexes: HashMap<IndexDef, IndexId>,
    index_defs: Vec<IndexDef>,
    /// Aggregates written in rules so far: the next [`ir::MemoId`].
    memos: u32,
}

impl Lowerer<'_> {
    fn rel(&self, name: &str) -> RelId {
        self.checked.rel(name).unwrap_or(RelId(0))
    }

    /// The index on `columns` of `rel`, registered on first use.
    fn index(&mut self, rel: RelId, columns: Vec<u32>) -> IndexId {
        let def = IndexDef { rel, columns };
        if let Some(&id) = self.indexes.get(&def) {
            return id;
        }
        let id = IndexId(self.index_defs.len() as u32);
        self.index_defs.push(def.clone());
        self.indexes.insert(def, id);
        id
    }

    fn pattern(&mut self, args: &[QueryArg], scope: &Scope<'_>) -> Vec<Option<ir::Expr>> {
        args.iter()
            .map(|a| match a {
                QueryArg::Wildcard(_) => None,
                QueryArg::Value(e) => Some(self.expr(e, scope)),
            })
            .collect()
    }
}
