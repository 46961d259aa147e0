//! TC and SG in Datafrog: the joins written by hand, keyed on the join column.

use datafrog::{Iteration, Relation};

/// Transitive closure; the number of `path` tuples.
pub(super) fn tc(edges: &[(i64, i64)]) -> usize {
    // edge keyed by its target: (y, x).
    let edge_by_dst: Relation<(i64, i64)> = edges.iter().map(|&(x, y)| (y, x)).collect();
    let mut iteration = Iteration::new();
    // path(y, z), keyed by its source.
    let path = iteration.variable::<(i64, i64)>("path");
    path.extend(edges.iter().copied());
    while iteration.changed() {
        path.from_join(&path, &edge_by_dst, |_y, &z, &x| (x, z));
    }
    path.complete().len()
}

/// Same generation; the number of `sg` tuples.
pub(super) fn sg(edges: &[(i64, i64)]) -> usize {
    // child(p, x): parent(x, p) keyed by the parent.
    let child: Relation<(i64, i64)> = edges.iter().map(|&(x, p)| (p, x)).collect();
    let mut iteration = Iteration::new();
    // sg(a, b), keyed by a; up(b, x) = sg(a, b), parent(x, a), keyed by b.
    let sg = iteration.variable::<(i64, i64)>("sg");
    let up = iteration.variable::<(i64, i64)>("up");
    sg.extend(
        Relation::from_join(&child, &child, |_p, &x, &y| (x, y))
            .iter()
            .filter(|(x, y)| x != y)
            .copied(),
    );
    while iteration.changed() {
        up.from_join(&sg, &child, |_a, &b, &x| (b, x));
        sg.from_join(&up, &child, |_b, &x, &y| (x, y));
    }
    sg.complete().len()
}
