//! The read graph of spec §9.3 and E308: an edge from each relation a rule reads to
//! each relation it EMITs, labelled with how it reads; a cycle through a
//! non-monotone edge cannot be stratified. One E308 per non-monotone read on such a
//! cycle, at the read, naming a shortest such cycle (`total -SUM-> share -> total`).

use super::reads::{How, RuleReads};
use crate::check::Checked;
use crate::diagnostic::{Code, Diagnostic};
use std::collections::VecDeque;

/// The read graph over relations: `edges[r]` lists `(head, how)` for every read of
/// `r`, rule by rule in source order.
pub(super) struct Graph {
    edges: Vec<Vec<(usize, How)>>,
}

impl Graph {
    /// The graph of `rules` over `relations` relations.
    pub(super) fn new(relations: usize, rules: &[RuleReads]) -> Graph {
        let mut edges = vec![Vec::new(); relations];
        for rule in rules {
            for read in &rule.reads {
                for &head in &rule.heads {
                    edges[read.rel.index()].push((head.index(), read.how));
                }
            }
        }
        Graph { edges }
    }

    /// The successors of each relation, for the strongly connected components.
    pub(super) fn successors(&self) -> Vec<Vec<usize>> {
        self.edges
            .iter()
            .map(|e| e.iter().map(|&(to, _)| to).collect())
            .collect()
    }

    /// A shortest path from `from` to `to` (breadth first, edges in source order):
    /// the edges taken, each as `(how, where it leads)`; empty when `from == to`.
    fn shortest_path(&self, from: usize, to: usize) -> Option<Vec<(How, usize)>> {
        let mut came_from: Vec<Option<(usize, How)>> = vec![None; self.edges.len()];
        let mut seen = vec![false; self.edges.len()];
        let mut queue = VecDeque::from([from]);
        seen[from] = true;
        while let Some(node) = queue.pop_front() {
            if node == to {
                let mut path = Vec::new();
                let mut at = to;
                while let Some((prev, how)) = came_from[at] {
                    path.push((how, at));
                    at = prev;
                }
                path.reverse();
                return Some(path);
            }
            for &(next, how) in &self.edges[node] {
                if !seen[next] {
                    seen[next] = true;
                    came_from[next] = Some((node, how));
                    queue.push_back(next);
                }
            }
        }
        None
    }
}

/// Reports E308 for every non-monotone read whose relation is in the component of
/// one of the rule's heads.
pub(super) fn report(
    graph: &Graph,
    component: &[usize],
    rules: &[RuleReads],
    checked: &Checked,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for rule in rules {
        for read in rule.reads.iter().filter(|r| r.how.is_non_monotone()) {
            let from = read.rel.index();
            // Back from each head in the read's component to the read: the shortest.
            let back = rule
                .heads
                .iter()
                .filter(|h| component[h.index()] == component[from])
                .filter_map(|h| Some((h.index(), graph.shortest_path(h.index(), from)?)))
                .min_by_key(|(_, path)| path.len());
            let Some((head, path)) = back else { continue };
            let name = |r: usize| checked.relations[r].name;
            let mut cycle = format!("{} {} {}", name(from), arrow(read.how, checked), name(head));
            for (how, to) in path {
                cycle.push_str(&format!(" {} {}", arrow(how, checked), name(to)));
            }
            let rel = name(from);
            let (what, hint) = match read.how {
                How::Calc(f) => (
                    format!("CALC `{}` reads", checked.functions[f.index()].name),
                    "a CALC called from a rule may only read relations that do not depend on the rule's result"
                        .to_string(),
                ),
                How::Not => (
                    "this NOT reads".to_string(),
                    "a NOT clause may only read relations that do not depend on what its rule derives: derive into another relation instead".to_string(),
                ),
                How::Aggregate(func) => (
                    format!("this {} reads", func.name()),
                    "an aggregate in a rule may only read relations that do not depend on what the rule derives: derive into another relation instead".to_string(),
                ),
                How::Scan => continue,
            };
            diagnostics.push(
                Diagnostic::new(
                    Code::E308,
                    read.span,
                    format!(
                        "{what} `{rel}`, which depends on what this rule derives: the read cannot be stratified ({cycle})"
                    ),
                )
                .with_hint(hint),
            );
        }
    }
}

/// An edge as the message writes it: `->`, `-NOT->`, `-COUNT->`, `-CALC f->`.
fn arrow(how: How, checked: &Checked) -> String {
    match how {
        How::Scan => "->".to_string(),
        How::Not => "-NOT->".to_string(),
        How::Aggregate(func) => format!("-{}->", func.name()),
        How::Calc(f) => format!("-CALC {}->", checked.functions[f.index()].name),
    }
}
