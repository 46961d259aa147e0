//! Deterministic graph generators (fixed seeds, nothing downloaded). Nodes are the
//! Ints `0..n`; every generator returns each edge once.

/// A path `0 → 1 → … → n-1` (n - 1 edges).
pub fn chain(n: i64) -> Vec<(i64, i64)> {
    (0..n - 1).map(|i| (i, i + 1)).collect()
}

/// `edges` distinct directed edges between distinct nodes of `0..nodes`, drawn by a
/// SplitMix64 generator seeded with `seed`.
pub fn random(nodes: i64, edges: usize, seed: u64) -> Vec<(i64, i64)> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(edges);
    while out.len() < edges {
        let a = (next() % nodes as u64) as i64;
        let b = (next() % nodes as u64) as i64;
        if a != b && seen.insert((a, b)) {
            out.push((a, b));
        }
    }
    out
}

/// The `(child, parent)` pairs of a complete binary tree of the given depth (the
/// root alone has depth 0): node `i` has children `2i + 1` and `2i + 2`, so there
/// are `2^(depth+1) - 1` nodes. As `parent(x, p)` facts, `p` is the parent of `x`.
pub fn binary_tree(depth: u32) -> Vec<(i64, i64)> {
    let inner = (1i64 << depth) - 1;
    (0..inner)
        .flat_map(|i| [(2 * i + 1, i), (2 * i + 2, i)])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(chain(1000).len(), 999);
        assert_eq!(random(2000, 5000, 7).len(), 5000);
        assert_eq!(random(2000, 5000, 7), random(2000, 5000, 7));
        assert_eq!(binary_tree(10).len(), (1 << 11) - 2);
    }
}
