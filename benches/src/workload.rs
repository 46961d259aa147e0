//! Scale workloads as ByteLogic programs: transitive closure (TC) and same
//! generation (SG) over generated graphs, the aggregation and negation workloads of
//! spec §9, and a many-rule program for compile time.

use crate::graphs;
use crate::peers::Peer;
use bytelogic_engine::{Limits, Output, QueryAnswer, RunResult, compile, ir, run};
use bytelogic_runtime::wasm::WasmBackend;
use bytelogic_runtime::{Backend, Executor, Options};
use std::fmt::Write as _;
use std::time::Duration;

/// How long [`Workload::settle_cached`] gives the warm thread's compilation (20–40 ms
/// of one core, at the lowest priority).
const SETTLE: Duration = Duration::from_secs(2);

/// Which Datalog program a workload runs over its edges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `path(x, y) :- edge(x, y).  path(x, z) :- edge(x, y), path(y, z).`
    Tc,
    /// `sg(x, y) :- parent(x, p), parent(y, p), x != y.`
    /// `sg(x, y) :- parent(x, a), sg(a, b), parent(y, b).`
    Sg,
    /// Per-node out-degree (spec §9.2): `degree(x, n) :- node(x), n = count edge(x, _)`.
    OutDegree,
    /// Nodes not reachable from node 0 (spec §9.1), NOT over the transitive closure:
    /// `unreach(x) :- node(x), not path(0, x)`.
    Unreachable,
}

impl Kind {
    /// True for the workloads of spec §9, which read a relation through NOT or an
    /// aggregate.
    pub fn is_stratified(self) -> bool {
        matches!(self, Kind::OutDegree | Kind::Unreachable)
    }
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
    /// The final QUERY's two values (`QUERY path 0 999`), or `None` for a QUERY of the
    /// whole derived relation (`QUERY rel ? ?`; `QUERY unreach ?`).
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

/// The workloads of spec §9 on the random graph of the TC workload (2,000 nodes,
/// 5,000 edges), compared with Ascent.
pub fn stratified_workloads() -> Vec<Workload> {
    let random = graphs::random(2000, 5000, 42);
    vec![
        Workload {
            name: "out-degree random-2000/5000",
            kind: Kind::OutDegree,
            edges: random.clone(),
            ground: None,
        },
        Workload {
            name: "unreachable random-2000/5000",
            kind: Kind::Unreachable,
            edges: random,
            ground: None,
        },
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
            Kind::OutDegree => (
                "edge",
                "REL edge\nREL node\nREL degree\n\
                 RULE node: SCAN edge, EMIT node $0\n\
                 RULE node: SCAN edge, EMIT node $1\n\
                 RULE degree: SCAN node, EMIT degree $0 COUNT(QUERY edge $0 ?)\n",
                "degree",
            ),
            Kind::Unreachable => (
                "edge",
                "REL edge\nREL path\nREL node\nREL unreach\n\
                 RULE path: SCAN edge, EMIT path $0 $1\n\
                 RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2\n\
                 RULE node: SCAN edge, EMIT node $0\n\
                 RULE node: SCAN edge, EMIT node $1\n\
                 RULE unreach: SCAN node, NOT path 0 $0, EMIT unreach $0\n",
                "unreach",
            ),
        };
        let mut s = String::from(rules);
        for (a, b) in &self.edges {
            let _ = writeln!(s, "FACT {input} {a} {b}");
        }
        let all = if self.kind == Kind::Unreachable {
            "?"
        } else {
            "? ?"
        };
        match self.ground {
            Some((a, b)) => write!(s, "SOLVE\nQUERY {output} {a} {b}\n"),
            None => write!(s, "SOLVE\nQUERY {output} {all}\n"),
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

    /// Runs the workload's source on the compiled path of `executor` until its cached
    /// module runs on the code every later run gets: the first run compiles it, the
    /// second asks the warm thread to upgrade it to Cranelift's code (docs/decisions.md
    /// 184), which this waits for ([`SETTLE`]), so that a cached row times that code,
    /// not a mix of Winch's runs before the upgrade lands (on a busy machine, hundreds
    /// of them) and Cranelift's.
    pub fn settle_cached(&self, executor: &Executor, source: &str) -> usize {
        self.run_cached(executor, source);
        self.run_cached(executor, source);
        std::thread::sleep(SETTLE);
        self.run_cached(executor, source)
    }

    /// Runs the workload's source on the compiled path of `executor` under the scale
    /// limits: from its module cache once the source ran there (the cache look-up,
    /// instantiation, the run and decoding); the size of the final answer.
    pub fn run_cached(&self, executor: &Executor, source: &str) -> usize {
        self.run_source(executor, source, Backend::Wasm)
    }

    /// Runs the workload's source through `executor` on `backend` under the scale
    /// limits, as a caller of the library does (the whole call: for the interpreter the
    /// front end, the run and the outcome; compiled, see [`Workload::run_cached`]); the
    /// size of the final answer.
    pub fn run_source(&self, executor: &Executor, source: &str, backend: Backend) -> usize {
        let options = Options {
            backend,
            ..wasm_options()
        };
        let outcome = executor
            .execute(source, &options)
            .expect("the backend runs it");
        if let Some(e) = outcome.runtime_error {
            panic!("runtime error: {e:?}");
        }
        answer_size(&outcome.outputs)
    }

    /// Runs the workload in `peer`; the number of tuples of the derived relation.
    pub fn run_peer(&self, peer: Peer) -> usize {
        peer.run(self.kind, &self.edges)
    }
}

/// The options of a run on the compiled path under [`scale_limits`].
pub fn wasm_options() -> Options {
    Options {
        backend: Backend::Wasm,
        limits: scale_limits(),
        ..Options::default()
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
    answer_size(&result.outputs)
}

/// The length of the last QUERY answer of `outputs`, 1 or 0 for a ground QUERY's
/// truth (panics when it is not one).
fn answer_size(outputs: &[Output]) -> usize {
    match outputs.last() {
        Some(Output::Query {
            answer: QueryAnswer::Truth(found),
            ..
        }) => usize::from(*found),
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

    /// Small versions of the workloads of spec §9: our answer size equals Ascent's,
    /// and on a graph small enough to count by hand, the answers are those.
    #[test]
    fn ascent_agrees_on_aggregation_and_negation() {
        for kind in [Kind::OutDegree, Kind::Unreachable] {
            for edges in [graphs::chain(30), graphs::random(40, 90, 3)] {
                let w = Workload {
                    name: "small",
                    kind,
                    edges,
                    ground: None,
                };
                let ours = w.run_ours(&w.compile());
                assert_eq!(w.run_peer(Peer::Ascent), ours, "{kind:?}");
                assert!(!Peer::Datafrog.runs(kind) && !Peer::Crepe.runs(kind));
            }
        }
        // 0 → 1 → 2, 3 → 0: every node has a degree (2's is 0); only 3 and 0 itself
        // are not reachable from 0.
        let edges = vec![(0, 1), (1, 2), (3, 0)];
        let degree = Workload {
            name: "tiny",
            kind: Kind::OutDegree,
            edges: edges.clone(),
            ground: None,
        };
        assert_eq!(degree.run_ours(&degree.compile()), 4);
        let unreachable = Workload {
            name: "tiny",
            kind: Kind::Unreachable,
            edges,
            ground: None,
        };
        assert_eq!(unreachable.run_ours(&unreachable.compile()), 2);
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
