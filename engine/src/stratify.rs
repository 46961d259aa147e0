//! Stratification (spec §4.4): strata are the strongly connected components of the
//! relation dependency graph, in dependency order. A rule whose CALC calls read a
//! relation (FOR … IN (QUERY …)) must run after that relation is complete; a cycle
//! through such a read is E308.

use crate::ast::CalcStmtKind;
use crate::ast::{ClauseKind, ExprKind, Program, StmtKind};
use crate::check::Checked;
use crate::check::walk::{walk_calc_stmts, walk_expr};
use crate::diagnostic::{Code, Diagnostic};
use crate::ir::{FuncId, RelId, StratumId};
use crate::span::Span;
use hashbrown::HashSet;

/// The strata of a program, in evaluation order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Strata {
    /// The stratum of each rule, indexed by rule (source) order.
    pub of_rule: Vec<StratumId>,
    /// The strata, in evaluation order.
    pub strata: Vec<StratumInfo>,
}

/// One stratum.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StratumInfo {
    /// Its rules, by source index.
    pub rules: Vec<u32>,
    /// The relations its rules derive.
    pub derives: Vec<RelId>,
}

/// What one rule reads and writes.
struct RuleDeps {
    heads: Vec<RelId>,
    /// SCAN and JOIN reads.
    scans: Vec<RelId>,
    /// Reads through CALC calls, with the call's span.
    calc_reads: Vec<(RelId, Span)>,
}

/// Computes the strata; reports E308 for a cycle through a CALC read.
pub fn stratify(program: &Program, checked: &Checked, diagnostics: &mut Vec<Diagnostic>) -> Strata {
    let func_reads = function_reads(program, checked);
    let rules: Vec<RuleDeps> = program
        .stmts
        .iter()
        .filter_map(|s| match &s.kind {
            StmtKind::Rule(rule) => Some(rule_deps(rule, checked, &func_reads)),
            _ => None,
        })
        .collect();

    let n = checked.relations.len();
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    for r in &rules {
        for &h in &r.heads {
            for &s in r.scans.iter().chain(r.calc_reads.iter().map(|(s, _)| s)) {
                edges[s.index()].push(h.index());
            }
            // All heads of one rule share a stratum.
            for &h2 in &r.heads {
                edges[h.index()].push(h2.index());
            }
        }
    }
    let component = tarjan(&edges);

    for r in &rules {
        let Some(&h) = r.heads.first() else { continue };
        for &(read, span) in &r.calc_reads {
            if component[read.index()] == component[h.index()] {
                let rel = &checked.relations[read.index()].name;
                let head = &checked.relations[h.index()].name;
                diagnostics.push(
                    Diagnostic::new(
                        Code::E308,
                        span,
                        format!(
                            "this CALC reads `{rel}`, which depends on `{head}` derived by this rule: the read cannot be stratified"
                        ),
                    )
                    .with_hint("a CALC called from a rule may only read relations that do not depend on the rule's result"),
                );
            }
        }
    }

    // Components are numbered in reverse topological order: dependencies get higher
    // numbers. Strata run from the highest-numbered component down.
    let mut order: Vec<usize> = rules
        .iter()
        .filter_map(|r| r.heads.first())
        .map(|h| component[h.index()])
        .collect();
    order.sort_unstable_by(|a, b| b.cmp(a));
    order.dedup();
    let mut strata: Vec<StratumInfo> = vec![StratumInfo::default(); order.len()];
    let mut of_rule = Vec::with_capacity(rules.len());
    for (i, r) in rules.iter().enumerate() {
        // A rule without a declared head only occurs next to an E301, so nothing runs it.
        let Some(&head) = r.heads.first() else {
            of_rule.push(StratumId(0));
            continue;
        };
        let c = component[head.index()];
        let s = order.iter().position(|&x| x == c).unwrap_or(0);
        of_rule.push(StratumId(s as u32));
        strata[s].rules.push(i as u32);
        for &h in &r.heads {
            if !strata[s].derives.contains(&h) {
                strata[s].derives.push(h);
            }
        }
    }
    Strata { of_rule, strata }
}

/// The relations each CALC function reads, directly or through the CALCs it calls.
fn function_reads(program: &Program, checked: &Checked) -> Vec<HashSet<RelId>> {
    let mut reads = vec![HashSet::new(); checked.functions.len()];
    let mut calls: Vec<Vec<FuncId>> = vec![Vec::new(); checked.functions.len()];
    for (i, f) in checked.functions.iter().enumerate() {
        let StmtKind::Calc(calc) = &program.stmts[f.stmt].kind else {
            continue;
        };
        walk_calc_stmts(&calc.body, &mut |s| {
            if let CalcStmtKind::ForQuery { query, .. } = &s.kind
                && let Some(r) = checked.rel(&query.rel.text)
            {
                reads[i].insert(r);
            }
            for e in crate::check::walk::calc_stmt_exprs(s) {
                walk_expr(e, &mut |e| {
                    if let ExprKind::CalcCall { name, .. } = &e.kind
                        && let Some(&g) = checked.func_ids.get(&name.text)
                    {
                        calls[i].push(g);
                    }
                });
            }
        });
    }
    loop {
        let mut changed = false;
        for i in 0..reads.len() {
            for g in calls[i].clone() {
                let add: Vec<RelId> = reads[g.index()].difference(&reads[i]).copied().collect();
                changed |= !add.is_empty();
                reads[i].extend(add);
            }
        }
        if !changed {
            return reads;
        }
    }
}

fn rule_deps(
    rule: &crate::ast::Rule,
    checked: &Checked,
    func_reads: &[HashSet<RelId>],
) -> RuleDeps {
    let mut deps = RuleDeps {
        heads: Vec::new(),
        scans: Vec::new(),
        calc_reads: Vec::new(),
    };
    let mut visit = |e: &crate::ast::Expr| {
        if let ExprKind::CalcCall { name, .. } = &e.kind
            && let Some(&f) = checked.func_ids.get(&name.text)
        {
            let mut rels: Vec<RelId> = func_reads[f.index()].iter().copied().collect();
            rels.sort_unstable();
            deps.calc_reads
                .extend(rels.into_iter().map(|r| (r, e.span)));
        }
    };
    for clause in &rule.clauses {
        match &clause.kind {
            ClauseKind::Scan { rel, .. } | ClauseKind::Join { rel, .. } => {
                deps.scans.extend(checked.rel(&rel.text));
            }
            ClauseKind::Let { expr, .. } | ClauseKind::Where(expr) => walk_expr(expr, &mut visit),
            ClauseKind::Emit { rel, args } => {
                args.iter().for_each(|a| walk_expr(a, &mut visit));
                if let Some(r) = checked.rel(&rel.text)
                    && !deps.heads.contains(&r)
                {
                    deps.heads.push(r);
                }
            }
        }
    }
    deps
}

/// Tarjan's strongly connected components, iterative (no recursion on user input).
/// Returns each node's component number; components are numbered in reverse
/// topological order (a component's successors get lower numbers). Also used by the
/// runtime on a compiled module's call graph.
pub fn tarjan(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, next edge to look at)
        let mut work = vec![(root, 0usize)];
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut e)) = work.last_mut() {
            if let Some(&w) = edges[v].get(*e) {
                *e += 1;
                if index[w] == UNSEEN {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = next_component;
                    if w == v {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::tarjan;

    #[test]
    fn components_come_in_reverse_topological_order() {
        // 0 -> 1 <-> 2 -> 3
        let edges = vec![vec![1], vec![2], vec![1, 3], vec![]];
        let c = tarjan(&edges);
        assert_eq!(c[1], c[2]);
        assert!(c[0] > c[1] && c[1] > c[3]);
    }
}
