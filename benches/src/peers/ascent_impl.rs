//! TC and SG in Ascent, and the two workloads of spec §9: per-node out-degree with
//! `agg … = count()` and the nodes not reachable from node 0 with `!`.
#![allow(missing_docs)] // the macro generates undocumented items

use ascent::aggregators::count;
use ascent::ascent;

ascent! {
    struct Tc;
    relation edge(i64, i64);
    relation path(i64, i64);
    path(x, y) <-- edge(x, y);
    path(x, z) <-- edge(x, y), path(y, z);
}

ascent! {
    struct Sg;
    relation parent(i64, i64);
    relation sg(i64, i64);
    sg(x, y) <-- parent(x, p), parent(y, p), if x != y;
    sg(x, y) <-- parent(x, a), sg(a, b), parent(y, b);
}

ascent! {
    struct OutDegree;
    relation edge(i64, i64);
    relation node(i64);
    relation degree(i64, usize);
    node(x) <-- edge(x, _);
    node(y) <-- edge(_, y);
    degree(x, n) <-- node(x), agg n = count() in edge(x, _);
}

ascent! {
    struct Unreachable;
    relation edge(i64, i64);
    relation path(i64, i64);
    relation node(i64);
    relation unreach(i64);
    path(x, y) <-- edge(x, y);
    path(x, z) <-- edge(x, y), path(y, z);
    node(x) <-- edge(x, _);
    node(y) <-- edge(_, y);
    unreach(x) <-- node(x), !path(0, x);
}

/// Transitive closure; the number of `path` tuples.
pub(super) fn tc(edges: &[(i64, i64)]) -> usize {
    let mut p = Tc {
        edge: edges.to_vec(),
        ..Tc::default()
    };
    p.run();
    p.path.len()
}

/// Same generation; the number of `sg` tuples.
pub(super) fn sg(edges: &[(i64, i64)]) -> usize {
    let mut p = Sg {
        parent: edges.to_vec(),
        ..Sg::default()
    };
    p.run();
    p.sg.len()
}

/// Each node's out-degree (0 for a node only edges enter); the number of `degree`
/// tuples.
pub(super) fn out_degree(edges: &[(i64, i64)]) -> usize {
    let mut p = OutDegree {
        edge: edges.to_vec(),
        ..OutDegree::default()
    };
    p.run();
    p.degree.len()
}

/// The nodes that no path from node 0 reaches; the number of `unreach` tuples.
pub(super) fn unreachable(edges: &[(i64, i64)]) -> usize {
    let mut p = Unreachable {
        edge: edges.to_vec(),
        ..Unreachable::default()
    };
    p.run();
    p.unreach.len()
}
