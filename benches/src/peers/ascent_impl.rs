//! TC and SG in Ascent.
#![allow(missing_docs)] // the macro generates undocumented items

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
