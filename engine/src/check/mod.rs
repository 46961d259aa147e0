//! The checker: every check of spec §3 and §4.2 that runs before anything executes.
//!
//! Each pass is a module; [`check`] runs them in order and returns what lowering
//! needs (resolved names, arities, rule bindings, CALC scopes) as a [`Checked`].

mod bindings;
mod calls;
mod names;
mod order;
mod relations;
mod scope;
mod slots;
pub(crate) mod walk;

use crate::ast::{self, VarName};
use crate::diagnostic::Diagnostic;
use crate::ir::{FuncId, GlobalId, RelId};

pub use bindings::{ClauseBinding, RuleBinding};
pub use scope::{CalcScope, field_column};
pub use slots::{Numbered, Slots};

/// A declared relation.
#[derive(Clone, Debug)]
pub struct RelInfo<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its arity: fixed by the first FACT, EMIT, QUERY or FOR-QUERY; 2 when never fixed.
    pub arity: u32,
}

/// A defined CALC function.
#[derive(Clone, Debug)]
pub struct FuncInfo<'a> {
    /// Its name.
    pub name: &'a str,
    /// Index of its definition in `ast::Program::stmts`.
    pub stmt: usize,
    /// Number of INPUT parameters.
    pub params: usize,
}

/// What the checker resolved, for stratification and lowering; names are borrowed
/// from the syntax tree (`'a`).
#[derive(Clone, Debug, Default)]
pub struct Checked<'a> {
    /// Declared relations; the index is the [`RelId`].
    pub relations: Vec<RelInfo<'a>>,
    /// Relation names, numbered by id.
    pub rel_ids: Numbered<&'a str>,
    /// Defined CALC functions; the index is the [`FuncId`].
    pub functions: Vec<FuncInfo<'a>>,
    /// CALC names, numbered by id.
    pub func_ids: Numbered<&'a str>,
    /// Globals (targets of top-level LET), in order of first assignment; the number is the [`GlobalId`].
    pub globals: Numbered<VarName<'a>>,
    /// Variable bindings of each RULE, in source order.
    pub rules: Vec<RuleBinding<'a>>,
    /// Locals of each CALC function, indexed by [`FuncId`].
    pub calcs: Vec<CalcScope<'a>>,
}

impl Checked<'_> {
    /// The id of a declared relation.
    pub fn rel(&self, name: &str) -> Option<RelId> {
        self.rel_ids.get(name).map(RelId)
    }

    /// The id of a defined CALC.
    pub fn func(&self, name: &str) -> Option<FuncId> {
        self.func_ids.get(name).map(FuncId)
    }

    /// The id of a global.
    pub fn global(&self, name: &VarName) -> Option<GlobalId> {
        self.globals.get(name).map(GlobalId)
    }

    /// The arity of a relation by name (2 for unknown names, which E301 already reported).
    pub fn arity(&self, name: &str) -> u32 {
        self.rel(name)
            .map_or(2, |r| self.relations[r.index()].arity)
    }
}

/// Runs every check, appending diagnostics; returns the resolved program facts.
pub fn check<'a>(program: &'a ast::Program<'_>, diagnostics: &mut Vec<Diagnostic>) -> Checked<'a> {
    let mut checked = names::declare(program, diagnostics);
    relations::check_uses(program, &mut checked, diagnostics);
    calls::check_calls(program, &checked, diagnostics);
    checked.rules = bindings::bind_rules(program, &checked, diagnostics);
    checked.calcs = scope::calc_scopes(program, &checked, diagnostics);
    scope::check_top_level_vars(program, &checked, diagnostics);
    order::check_query_order(program, diagnostics);
    checked
}
