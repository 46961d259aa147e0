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
use hashbrown::HashMap;

pub use bindings::{ClauseBinding, RuleBinding};
pub use scope::{CalcScope, field_column};
pub use slots::Slots;

/// A declared relation.
#[derive(Clone, Debug)]
pub struct RelInfo {
    /// Its name.
    pub name: String,
    /// Its arity: fixed by the first FACT, EMIT, QUERY or FOR-QUERY; 2 when never fixed.
    pub arity: u32,
}

/// A defined CALC function.
#[derive(Clone, Debug)]
pub struct FuncInfo {
    /// Its name.
    pub name: String,
    /// Index of its definition in `ast::Program::stmts`.
    pub stmt: usize,
    /// Number of INPUT parameters.
    pub params: usize,
}

/// What the checker resolved, for stratification and lowering.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    /// Declared relations; the index is the [`RelId`].
    pub relations: Vec<RelInfo>,
    /// Relation name → id.
    pub rel_ids: HashMap<String, RelId>,
    /// Defined CALC functions; the index is the [`FuncId`].
    pub functions: Vec<FuncInfo>,
    /// CALC name → id.
    pub func_ids: HashMap<String, FuncId>,
    /// Globals (targets of top-level LET), in order of first assignment; the index is the [`GlobalId`].
    pub globals: Vec<VarName>,
    /// Global name → id.
    pub global_ids: HashMap<VarName, GlobalId>,
    /// Variable bindings of each RULE, in source order.
    pub rules: Vec<RuleBinding>,
    /// Locals of each CALC function, indexed by [`FuncId`].
    pub calcs: Vec<CalcScope>,
}

impl Checked {
    /// The id of a declared relation.
    pub fn rel(&self, name: &str) -> Option<RelId> {
        self.rel_ids.get(name).copied()
    }

    /// The arity of a relation by name (2 for unknown names, which E301 already reported).
    pub fn arity(&self, name: &str) -> u32 {
        self.rel(name)
            .map_or(2, |r| self.relations[r.index()].arity)
    }
}

/// Runs every check, appending diagnostics; returns the resolved program facts.
pub fn check(program: &ast::Program, diagnostics: &mut Vec<Diagnostic>) -> Checked {
    let mut checked = names::declare(program, diagnostics);
    relations::check_uses(program, &mut checked, diagnostics);
    calls::check_calls(program, &checked, diagnostics);
    checked.rules = bindings::bind_rules(program, &checked, diagnostics);
    checked.calcs = scope::calc_scopes(program, &checked, diagnostics);
    scope::check_top_level_vars(program, &checked, diagnostics);
    order::check_query_order(program, diagnostics);
    checked
}
