//! Stratification (spec §4.4, §9.3): rules run in strata, each to its fixpoint, so
//! that a rule reading a relation non-monotonically (NOT, an aggregate, or a CALC
//! that reads it) runs after every rule deriving that relation is done.
//!
//! Files: `reads` (what each rule reads and derives, resolved once), `cycle` (the
//! read graph and E308), `later` (W003). The strata are the strongly connected
//! components of the read graph with the heads of each rule joined (decision 21),
//! in dependency order; when joining heads would put a non-monotone read inside one
//! component although the read graph has no such cycle, the strata are the
//! components of the rules instead (docs/decisions.md 202).

mod cycle;
mod later;
mod reads;

use crate::ast::Program;
use crate::check::Checked;
use crate::diagnostic::Diagnostic;
use crate::ir::{RelId, StratumId};
use reads::RuleReads;

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

/// Computes the strata; reports E308 for a cycle through a non-monotone read and
/// W003 for additions to a relation a SOLVE already read non-monotonically.
pub fn stratify(program: &Program, checked: &Checked, diagnostics: &mut Vec<Diagnostic>) -> Strata {
    let rules = reads::rules(program, checked);
    later::warn(program, checked, &rules, diagnostics);
    if rules.is_empty() {
        return Strata::default();
    }
    let n = checked.relations.len();
    // E308 is about non-monotone reads: without one there is nothing to look for.
    let non_monotone = |r: &RuleReads| r.reads.iter().any(|read| read.how.is_non_monotone());
    if rules.iter().any(non_monotone) {
        let graph = cycle::Graph::new(n, &rules);
        let component = tarjan(&graph.successors());
        cycle::report(&graph, &component, &rules, checked, diagnostics);
    }
    // With an E308 nothing runs, and `by_relations` declines too (a cycle of the read
    // graph lies inside one of its components).
    by_relations(&rules, n).unwrap_or_else(|| by_rules(&rules))
}

/// The strata of version 1: components of the read graph with every rule's heads
/// joined, ordered so that each runs after those it reads; `None` when a
/// non-monotone read falls inside one of them.
fn by_relations(rules: &[RuleReads], n: usize) -> Option<Strata> {
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    for r in rules {
        for &h in &r.heads {
            for read in &r.reads {
                edges[read.rel.index()].push(h.index());
            }
            // All heads of one rule share a stratum.
            for &h2 in &r.heads {
                edges[h.index()].push(h2.index());
            }
        }
    }
    let component = tarjan(&edges);
    let inside = rules.iter().any(|r| {
        r.reads.iter().any(|read| {
            read.how.is_non_monotone()
                && r.heads
                    .iter()
                    .any(|h| component[h.index()] == component[read.rel.index()])
        })
    });
    if inside {
        return None;
    }
    // Components are numbered in reverse topological order: dependencies get higher
    // numbers. Strata run from the highest-numbered component down.
    let of_rule: Vec<Option<usize>> = rules
        .iter()
        .map(|r| r.heads.first().map(|h| component[h.index()]))
        .collect();
    Some(group(rules, &of_rule))
}

/// Strata by rules: the components of the graph with an edge from every rule to
/// every rule that reads what it derives, in dependency order. Always valid when the
/// read graph has no cycle through a non-monotone read.
fn by_rules(rules: &[RuleReads]) -> Strata {
    let mut derived_by: Vec<Vec<usize>> = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        for &h in &r.heads {
            if derived_by.len() <= h.index() {
                derived_by.resize(h.index() + 1, Vec::new());
            }
            derived_by[h.index()].push(i);
        }
    }
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); rules.len()];
    for (i, r) in rules.iter().enumerate() {
        for read in &r.reads {
            for &d in derived_by.get(read.rel.index()).into_iter().flatten() {
                edges[d].push(i);
            }
        }
    }
    let component = tarjan(&edges);
    let of_rule: Vec<Option<usize>> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| (!r.heads.is_empty()).then_some(component[i]))
        .collect();
    group(rules, &of_rule)
}

/// The strata of rules placed in components `of_rule` (numbered in reverse
/// topological order; `None` for a rule without a declared head, which only occurs
/// beside an E301, so nothing runs it).
fn group(rules: &[RuleReads], of_rule: &[Option<usize>]) -> Strata {
    let mut order: Vec<usize> = of_rule.iter().flatten().copied().collect();
    order.sort_unstable_by(|a, b| b.cmp(a));
    order.dedup();
    let mut strata: Vec<StratumInfo> = vec![StratumInfo::default(); order.len()];
    let mut ids = Vec::with_capacity(rules.len());
    for (i, (r, c)) in rules.iter().zip(of_rule).enumerate() {
        let Some(c) = c else {
            ids.push(StratumId(0));
            continue;
        };
        let s = order.iter().position(|x| x == c).unwrap_or(0);
        ids.push(StratumId(s as u32));
        strata[s].rules.push(i as u32);
        for &h in &r.heads {
            if !strata[s].derives.contains(&h) {
                strata[s].derives.push(h);
            }
        }
    }
    Strata {
        of_rule: ids,
        strata,
    }
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
    // (node, next edge to look at)
    let mut work: Vec<(usize, usize)> = Vec::new();
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        work.push((root, 0));
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
