//! Scale workloads as ByteLogic programs: transitive closure (TC) and same
//! generation (SG) over generated graphs, and a many-rule program for compile time.

use crate::graphs;
use crate::peers::Peer;
use bytelogic_engine::{Limits, Output, QueryAnswer, RunResult, compile, ir, run};
use bytelogic_runtime::wasm::WasmBackend;
use std::fmt::Write as _;

/// Which Datalog program a workload runs over its edges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `path(x, y) :- edge(x, y).  path(x, z) :- edge(x, y), path(y, z).`
    Tc,
    /// `sg(x, y) :- parent(x, p), parent(y, p), x != y.`
    /// `sg(x, y) :- parent(x, a), sg(a, b), parent(y, b).`
    Sg,
}

/// A scale workload: a program kind over one generated edge list.
#[derive(Clone, Debug)]
pub struct Workload {
    /// Name in bench ids and the report.
    pub name: &'static str,
    /// The program.
    pub kind: Kind,
    /// The input relation (`edge` for TC, `parent` for SG).
    pub edges: Vec<(i64, i64)>,
    /// The final QUERY's two values (`QUERY path 0 999`), or `None` for `QUERY rel ? ?`.
    pub ground: Option<(i64, i64)>,
}

/// The scale workloads of the issue, in report order.
pub fn scale_workloads() -> Vec<Workload> {
    let w = |name, kind, edges| Workload {
        name,
        kind,
        edges,
        ground: None,
    };
    vec![
        w("tc chain-1000", Kind::Tc, graphs::chain(1000)),
        w("tc chain-2000", Kind::Tc, graphs::chain(2000)),
        w(
            "tc random-2000/5000",
            Kind::Tc,
            graphs::random(2000, 5000, 42),
        ),
        w("sg tree-10", Kind::Sg, graphs::binary_tree(10)),
        w("sg tree-11", Kind::Sg, graphs::binary_tree(11)),
    ]
}

/// The workloads of the whole-process rows (issue 12): the answer is one
/// ground QUERY, as a model asks it, so the run is the fixpoint. SG over a binary tree
/// of 10 levels (1,023 nodes, depth 9 here: 348,502 `sg` tuples).
pub fn ground_workloads() -> Vec<Workload> {
    vec![
        Workload {
            name: "tc chain-1000, QUERY path 0 999",
            kind: Kind::Tc,
            edges: graphs::chain(1000),
            ground: Some((0, 999)),
        },
        Workload {
            name: "sg tree-9 (10 levels), QUERY sg 1 2",
            kind: Kind::Sg,
            edges: graphs::binary_tree(9),
            ground: Some((1, 2)),
        },
    ]
}

/// Limits generous enough for every scale workload (TC chain-2000 derives
/// 1,999,000 tuples; SG tree-11 5,588,310).
pub fn scale_limits() -> Limits {
    Limits {
        max_steps: u64::MAX,
        max_tuples: 100_000_000,
        timeout_ms: 600_000,
        max_memory_mb: 16 * 1024,
        max_source_kb: 64 * 1024,
        ..Limits::default()
    }
}

impl Workload {
    /// The ByteLogic program a user would write: the edges as FACTs, the rules,
    /// SOLVE, and a QUERY of the whole derived relation.
    pub fn source(&self) -> String {
        let (input, rules, output) = match self.kind {
            Kind::Tc => (
                "edge",
                "REL edge\nREL path\n\
                 RULE path: SCAN edge, EMIT path $0 $1\n\
                 RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2\n",
                "path",
            ),
            Kind::Sg => (
                "parent",
                "REL parent\nREL child\nREL sg\n\
                 RULE child: SCAN parent, EMIT child $1 $0\n\
                 RULE sg: SCAN parent, JOIN child $1, WHERE $0 != $2, EMIT sg $0 $2\n\
                 RULE sg: SCAN parent, JOIN sg $1, JOIN child $2, EMIT sg $0 $3\n",
                "sg",
            ),
        };
        let mut s = String::from(rules);
        for (a, b) in &self.edges {
            let _ = writeln!(s, "FACT {input} {a} {b}");
        }
        match self.ground {
            Some((a, b)) => write!(s, "SOLVE\nQUERY {output} {a} {b}\n"),
            None => write!(s, "SOLVE\nQUERY {output} ? ?\n"),
        }
        .expect("writing to a String");
        s
    }

    /// The lowered program (panics on a front-end error: the source is generated).
    pub fn compile(&self) -> ir::Program {
        compile_ok(&self.source(), &scale_limits())
    }

    /// Runs the lowered program through the interpreter; the number of answer tuples.
    pub fn run_ours(&self, program: &ir::Program) -> usize {
        answer_len(program, &scale_limits())
    }

    /// Runs the lowered program on the WASM backend (code generation and Cranelift
    /// compilation included); the size of the final answer.
    pub fn run_wasm(&self, backend: &WasmBackend, program: &ir::Program) -> usize {
        result_len(
            backend
                .run(program, &scale_limits())
                .expect("the WASM backend runs it"),
        )
    }

    /// Runs the workload in `peer`; the number of tuples of the derived relation.
    pub fn run_peer(&self, peer: Peer) -> usize {
        peer.run(self.kind, &self.edges)
    }
}

/// Compiles `source`, panicking with the diagnostics on an error.
pub fn compile_ok(source: &str, limits: &Limits) -> ir::Program {
    let compiled = compile(source, limits);
    compiled
        .program
        .unwrap_or_else(|| panic!("front-end errors: {:?}", compiled.diagnostics))
}

/// Runs `program` and returns the length of its last QUERY answer (panics on a
/// runtime error).
pub fn answer_len(program: &ir::Program, limits: &Limits) -> usize {
    result_len(run(program, limits))
}

/// The length of the last QUERY answer of a run (panics on a runtime error).
pub fn result_len(result: RunResult) -> usize {
    if let Some(e) = result.error {
        panic!("runtime error: {e:?}");
    }
    match result.outputs.last() {
        Some(Output::Query {
            answer: QueryAnswer::Tuples(t),
            ..
        }) => t.len(),
        Some(Output::Query {
            answer: QueryAnswer::Values(v),
            ..
        }) => v.len(),
        other => panic!("expected a QUERY answer last, got {other:?}"),
    }
}

/// A program of `n` rules over `n + 1` relations, each rule a two-way join
/// (`r{i+1}(x, z) :- r{i}(x, y), e(y, z)`), with a few facts: a compile-time workload.
pub fn many_rules(n: usize) -> String {
    let mut s = String::from("REL e\n");
    for i in 0..=n {
        let _ = writeln!(s, "REL r{i}");
    }
    for i in 0..8 {
        let _ = writeln!(s, "FACT e {i} {}", i + 1);
    }
    s.push_str("FACT r0 0 1\n");
    for i in 0..n {
        let _ = writeln!(
            s,
            "RULE r{}: SCAN r{i}, JOIN e $1, WHERE $2 > $0, EMIT r{} $0 $2",
            i + 1,
            i + 1
        );
    }
    let _ = write!(s, "SOLVE\nQUERY r{n} ? ?\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::peers::Peer;

    /// Small versions of each workload: our answer size equals every peer's.
    #[test]
    fn peers_agree_on_small_graphs() {
        let small = [
            (Kind::Tc, graphs::chain(30)),
            (Kind::Tc, graphs::random(40, 90, 3)),
            (Kind::Sg, graphs::binary_tree(4)),
        ];
        for (kind, edges) in small {
            let w = Workload {
                name: "small",
                kind,
                edges,
                ground: None,
            };
            let ours = w.run_ours(&w.compile());
            for peer in Peer::ALL {
                assert_eq!(w.run_peer(peer), ours, "{:?} {kind:?}", peer);
            }
        }
    }

    #[test]
    fn chain_closure_size() {
        let w = Workload {
            name: "chain",
            kind: Kind::Tc,
            edges: graphs::chain(50),
            ground: None,
        };
        assert_eq!(w.run_ours(&w.compile()), 50 * 49 / 2);
    }

    /// Same generation pairs on a binary tree: every ordered pair of distinct
    /// nodes on one level, Σ 2^l (2^l - 1).
    #[test]
    fn same_generation_size() {
        let w = Workload {
            name: "tree",
            kind: Kind::Sg,
            edges: graphs::binary_tree(5),
            ground: None,
        };
        let expected: usize = (1..=5).map(|l| (1 << l) * ((1 << l) - 1)).sum();
        assert_eq!(w.run_ours(&w.compile()), expected);
    }

    #[test]
    fn many_rules_compiles_and_runs() {
        let program = compile_ok(&many_rules(200), &Limits::default());
        assert_eq!(program.rules.len(), 200);
        assert_eq!(answer_len(&program, &Limits::default()), 0);
    }
}
