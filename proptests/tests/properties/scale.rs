//! Property 5: on graphs whose closure has thousands of tuples (where the
//! interpreter's dedup tables turn into bitmaps, widen, and turn back into hash
//! tables, and the compiled module for long runs keeps bitmaps too: docs/decisions.md
//! 71, 72, 78), every backend, and the module for long runs, answers `QUERY path ? ?` with the
//! closure a reference computes, in canonical order. The nodes sit at an offset that
//! may put some of them beyond 32 bits, and an edge to a node outside the graph (just
//! past it, far, or beyond 32 bits) or to a Float may come after a first SOLVE.

use bytelogic_engine::{Limits, Output, QueryAnswer, Value};
use bytelogic_proptests::harness::{BACKENDS, LONG_RUN, config, run_checked};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Where the nodes start: at 0, below 0, ending at the largest packable Int, past
/// the smallest, and far out.
const OFFSETS: [i64; 5] = [0, -5_000, (1 << 31) - 180, 100 - (1 << 31), 7_000_000];
/// How far past the graph's first node the node outside it is.
const PAST: [i64; 3] = [333, 1 << 20, 1 << 40];
/// The Float node of a Float edge, as the reference keeps it (no Int is this).
const FLOAT_NODE: i64 = i64::MIN;

/// A generated graph: edges between nodes `offset..offset + n`, then, after a first
/// SOLVE, maybe an edge from a node to one outside the graph and an edge from a node
/// to the Float 0.5.
#[derive(Debug, Clone)]
struct Graph {
    edges: Vec<(i64, i64)>,
    far: Option<(i64, i64)>,
    float_from: Option<i64>,
}

fn graph() -> impl Strategy<Value = Graph> {
    (120i64..200, 0..OFFSETS.len()).prop_flat_map(|(n, o)| {
        let node = move || (0..n).prop_map(move |i| i + OFFSETS[o]);
        (
            prop::collection::vec((node(), node()), n as usize * 3 / 2..n as usize * 5 / 2),
            prop::option::of((
                node(),
                prop::sample::select(&PAST[..]).prop_map(move |d| OFFSETS[o] + d),
            )),
            prop::option::of(node()),
        )
            .prop_map(|(edges, far, float_from)| Graph {
                edges,
                far,
                float_from,
            })
    })
}

impl Graph {
    /// Every edge, as the reference keeps it.
    fn all_edges(&self) -> BTreeSet<(i64, i64)> {
        let float = self.float_from.map(|a| (a, FLOAT_NODE));
        self.edges
            .iter()
            .copied()
            .chain(self.far)
            .chain(float)
            .collect()
    }

    fn source(&self) -> String {
        let mut s = String::from("REL edge\nREL path\n");
        for &(a, b) in &self.edges {
            let _ = writeln!(s, "FACT edge {a} {b}");
        }
        s.push_str(
            "RULE path: SCAN edge, EMIT path $0 $1\n\
             RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2\n\
             SOLVE\n",
        );
        if let Some((a, b)) = self.far {
            let _ = writeln!(s, "FACT edge {a} {b}");
        }
        if let Some(a) = self.float_from {
            let _ = writeln!(s, "FACT edge {a} 0.5");
        }
        s.push_str("SOLVE\nQUERY path ? ?\n");
        s
    }
}

/// The transitive closure of `edges`, by rounds of joins through a successor map.
fn closure(edges: &BTreeSet<(i64, i64)>) -> BTreeSet<(i64, i64)> {
    let mut next: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for &(a, b) in edges {
        next.entry(a).or_default().push(b);
    }
    let mut path = edges.clone();
    let mut recent: Vec<(i64, i64)> = edges.iter().copied().collect();
    while !recent.is_empty() {
        recent = recent
            .iter()
            .flat_map(|&(x, y)| next.get(&y).into_iter().flatten().map(move |&z| (x, z)))
            .filter(|&t| path.insert(t))
            .collect();
    }
    path
}

/// A node of an answer, as the reference keeps it.
fn node(v: Value) -> Result<i64, TestCaseError> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Float(0.5) => Ok(FLOAT_NODE),
        other => Err(TestCaseError::fail(format!("unexpected value {other:?}"))),
    }
}

proptest! {
    #![proptest_config(config(16))]

    #[test]
    fn backends_give_the_closure_of_large_graphs(graph in graph()) {
        // This property is about the closure, not the clock: a debug build on a busy
        // machine may take more than the default second on the largest graphs.
        let limits = Limits { timeout_ms: 60_000, ..Limits::default() };
        // Canonical order is numeric, and the Float node, 0.5, is the only
        // non-Int: it sorts between the Ints 0 and 1.
        let key = |n: i64| if n == FLOAT_NODE { (0, 1) } else { (n, if n <= 0 { 0 } else { 2 }) };
        let mut expected: Vec<(i64, i64)> = closure(&graph.all_edges()).into_iter().collect();
        expected.sort_by_key(|&(a, b)| (key(a), key(b)));
        for backend in BACKENDS.iter().chain([&LONG_RUN]) {
            let outcome = run_checked(backend, &graph.source(), &limits).map_err(TestCaseError::fail)?;
            prop_assert!(outcome.runtime_error.is_none(), "{}: {:?}", backend.name, outcome.runtime_error);
            let Some(Output::Query { answer: QueryAnswer::Tuples(tuples), .. }) = outcome.outputs.last() else {
                return Err(TestCaseError::fail(format!("{}: no tuples answer", backend.name)));
            };
            let got = tuples
                .iter()
                .map(|t| Ok((node(t[0])?, node(t[1])?)))
                .collect::<Result<Vec<_>, TestCaseError>>()?;
            prop_assert_eq!(&got, &expected, "{}", backend.name);
        }
    }
}
