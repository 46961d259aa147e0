//! TC and SG in Crepe.
#![allow(missing_docs)] // the macro generates undocumented items

mod tc_program {
    use crepe::crepe;

    crepe! {
        @input
        pub struct Edge(pub i64, pub i64);
        @output
        pub struct Path(pub i64, pub i64);
        Path(x, y) <- Edge(x, y);
        Path(x, z) <- Edge(x, y), Path(y, z);
    }
}

mod sg_program {
    use crepe::crepe;

    crepe! {
        @input
        pub struct Parent(pub i64, pub i64);
        @output
        pub struct Sg(pub i64, pub i64);
        Sg(x, y) <- Parent(x, p), Parent(y, p), (x != y);
        Sg(x, y) <- Parent(x, a), Sg(a, b), Parent(y, b);
    }
}

/// Transitive closure; the number of `Path` tuples.
pub(super) fn tc(edges: &[(i64, i64)]) -> usize {
    let mut runtime = tc_program::Crepe::new();
    runtime.extend(edges.iter().map(|&(a, b)| tc_program::Edge(a, b)));
    runtime.run().0.len()
}

/// Same generation; the number of `Sg` tuples.
pub(super) fn sg(edges: &[(i64, i64)]) -> usize {
    let mut runtime = sg_program::Crepe::new();
    runtime.extend(edges.iter().map(|&(a, b)| sg_program::Parent(a, b)));
    runtime.run().0.len()
}
