//! Facts, queries, canonical order and SOLVE (spec §2.5, §4, §5).

use super::*;
use crate::ast::BinOp::*;
use crate::output::Tuples;
use Version::{Delta, Full};
use std::collections::BTreeSet;

fn ints(v: &[i64]) -> Vec<Value> {
    v.iter().map(|&i| Value::Int(i)).collect()
}

#[test]
fn facts_and_queries() {
    let mut b = Builder::new();
    let parent = b.rel("parent", 2);
    let (alice, bob, carol) = (b.sym("alice"), b.sym("bob"), b.sym("carol"));
    b.fact(parent, &[alice, bob]);
    b.fact(parent, &[alice, carol]);
    b.fact(parent, &[bob, carol]);
    b.fact(parent, &[alice, bob]);
    b.query(parent, &[Some(alice), Some(bob)]);
    b.query(parent, &[Some(carol), Some(bob)]);
    b.query(parent, &[Some(alice), None]);
    b.query(parent, &[None, None]);
    b.query(parent, &[Some(carol), None]);
    let r = b.run();
    assert!(r.error.is_none());
    assert_eq!(r.stats.tuples, 3);
    let answers: Vec<&QueryAnswer> = r
        .outputs
        .iter()
        .map(|o| match o {
            Output::Query { answer, .. } => answer,
            Output::Result(_) => panic!(),
        })
        .collect();
    assert_eq!(answers[0], &QueryAnswer::Truth(true));
    assert_eq!(answers[1], &QueryAnswer::Truth(false));
    assert_eq!(answers[2], &QueryAnswer::Values(vec![bob, carol]));
    assert_eq!(
        answers[3],
        &QueryAnswer::Tuples(Tuples::from_rows(
            2,
            [[alice, bob], [alice, carol], [bob, carol]]
        ))
    );
    assert_eq!(answers[4], &QueryAnswer::Values(vec![]));
    let Output::Query { relation, args, .. } = &r.outputs[2] else {
        panic!()
    };
    assert_eq!(
        (relation.as_str(), args.as_slice()),
        ("parent", &[Some(alice), None][..])
    );
}

#[test]
fn canonical_order_numbers_then_written_then_runtime_symbols() {
    let mut b = Builder::new();
    let r = b.rel("r", 1);
    let (zed, abe, x, ab, e) = (
        b.sym("zed"),
        b.sym("abe"),
        b.sym("x"),
        b.sym("ab"),
        b.sym("e"),
    );
    for v in [zed, abe, Value::Int(3), Value::Float(2.5), Value::Int(-1)] {
        b.fact(r, &[v]);
    }
    let (made_b, made_a, made_abe) = (b.global("b"), b.global("a"), b.global("abe"));
    b.let_global(made_b, bin(val(zed), Add, val(x)));
    b.let_global(made_a, bin(val(abe), Add, val(x)));
    b.let_global(made_abe, bin(val(ab), Add, val(e)));
    for g in [made_b, made_a, made_abe] {
        b.p.steps.push(Step::Fact {
            rel: r,
            args: vec![global(g)],
            span: NO_SPAN,
        });
    }
    b.query(r, &[None]);
    let res = b.run();
    let QueryAnswer::Values(vs) = answer(&res) else {
        panic!()
    };
    let shown: Vec<String> = vs
        .iter()
        .map(|&v| crate::output::value_text(v, &res.symbols))
        .collect();
    assert_eq!(shown, ["-1", "2.5", "3", "zed", "abe", "abex", "zedx"]);
}

/// A small deterministic generator (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> i64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n) as i64
    }
}

fn naive_closure(edges: &BTreeSet<(i64, i64)>) -> BTreeSet<(i64, i64)> {
    let mut path = edges.clone();
    loop {
        let new: Vec<(i64, i64)> = path
            .iter()
            .flat_map(|&(x, y)| {
                edges
                    .iter()
                    .filter(move |&&(a, _)| a == y)
                    .map(move |&(_, z)| (x, z))
            })
            .filter(|t| !path.contains(t))
            .collect();
        if new.is_empty() {
            return path;
        }
        path.extend(new);
    }
}

/// The shapes of the recursive rule of transitive closure.
#[derive(Clone, Copy, Debug)]
enum Shape {
    /// edge(x, y), path(y, z): the delta scan is probed through an index.
    RightLinear,
    /// path(x, y), edge(y, z): the delta scan is the outer, unkeyed one.
    LeftLinear,
    /// path(x, y), path(y, z): two delta variants.
    Doubling,
}

fn closure_program(edges: &BTreeSet<(i64, i64)>, shape: Shape) -> RunResult {
    let mut b = Builder::new();
    let edge = b.rel("edge", 2);
    let path = b.rel("path", 2);
    let (edge_by_0, path_by_0) = (b.index(edge, &[0]), b.index(path, &[0]));
    for &(x, y) in edges {
        b.fact(edge, &ints(&[x, y]));
    }
    let base = b.rule(
        2,
        vec![
            scan(edge, Full, &[(0, 0), (1, 1)]),
            emit(path, vec![local(0), local(1)]),
        ],
        vec![],
    );
    let out = || emit(path, vec![local(0), local(2)]);
    let plan = |outer: RelId, ov: Version, inner: RelId, iv: Version| {
        let index = if inner == edge { edge_by_0 } else { path_by_0 };
        vec![
            scan(outer, ov, &[(0, 0), (1, 1)]),
            scan_key(inner, iv, Some(index), &[1], &[(1, 2)]),
            out(),
        ]
    };
    let (initial, deltas) = match shape {
        Shape::RightLinear => (
            plan(edge, Full, path, Full),
            vec![plan(edge, Full, path, Delta)],
        ),
        Shape::LeftLinear => (
            plan(path, Full, edge, Full),
            vec![plan(path, Delta, edge, Full)],
        ),
        Shape::Doubling => (
            plan(path, Full, path, Full),
            vec![plan(path, Delta, path, Full), plan(path, Full, path, Delta)],
        ),
    };
    let step = b.rule(3, initial, deltas);
    b.stratum(&[base, step], &[path], true);
    b.solve();
    b.query(path, &[None, None]);
    b.run()
}

#[test]
fn semi_naive_closure_equals_naive_on_random_graphs() {
    let mut rng = Lcg(0x5eed);
    for round in 0..12 {
        let nodes = 2 + rng.below(14) as u64;
        let count = rng.below(3 * nodes) as usize;
        let edges: BTreeSet<(i64, i64)> = (0..count)
            .map(|_| (rng.below(nodes), rng.below(nodes)))
            .collect();
        assert_closure(&edges, &naive_closure(&edges), &format!("graph {round}"));
    }
}

/// Checks that every shape of the closure rules derives `expected` from `edges`, in
/// canonical order, storing each tuple once.
fn assert_closure(edges: &BTreeSet<(i64, i64)>, expected: &BTreeSet<(i64, i64)>, name: &str) {
    let expected: Vec<Vec<Value>> = expected.iter().map(|&(x, y)| ints(&[x, y])).collect();
    for shape in [Shape::RightLinear, Shape::LeftLinear, Shape::Doubling] {
        let r = closure_program(edges, shape);
        assert_eq!(
            answer(&r),
            &QueryAnswer::Tuples(Tuples::from_rows(2, &expected)),
            "{name} {shape:?}"
        );
        assert_eq!(r.stats.tuples as usize, edges.len() + expected.len());
    }
}

#[test]
fn chain_closure_rounds_and_steps() {
    // 0 → 1 → 2 → 3: round 1 derives 3 paths, then 2, then 1, then nothing.
    let edges: BTreeSet<(i64, i64)> = [(0, 1), (1, 2), (2, 3)].into();
    let r = closure_program(&edges, Shape::RightLinear);
    assert_eq!(r.stats.iterations, 4);
    // Round 1: base scans 3 edges; step scans 3 edges and probes an empty path.
    // Rounds 2–4: the delta plan scans 3 edges each, plus the delta paths it probes:
    // round 2 visits 1→2 and 2→3, round 3 visits 1→3, round 4 none.
    assert_eq!(r.stats.steps, 3 + 3 + (3 + 2) + (3 + 1) + 3);
}

#[test]
fn key_first_scan_then_join() {
    // grandparent(X, Z) :- parent(X, Y), parent(Y, Z), with the first scan binding
    // column B to $0 and column A to $1 (spec §4.1).
    let mut b = Builder::new();
    let parent = b.rel("parent", 2);
    let gp = b.rel("grandparent", 2);
    let by_0 = b.index(parent, &[0]);
    let (ann, bob, cat, dan) = (b.sym("ann"), b.sym("bob"), b.sym("cat"), b.sym("dan"));
    b.fact(parent, &[ann, bob]);
    b.fact(parent, &[bob, cat]);
    b.fact(parent, &[bob, dan]);
    b.fact(parent, &[cat, ann]);
    let rule = b.rule(
        3,
        vec![
            scan(parent, Full, &[(1, 0), (0, 1)]),
            scan_key(parent, Full, Some(by_0), &[0], &[(1, 2)]),
            emit(gp, vec![local(1), local(2)]),
        ],
        vec![],
    );
    b.stratum(&[rule], &[gp], false);
    b.solve();
    b.query(gp, &[None, None]);
    let r = b.run();
    assert_eq!(
        answer(&r),
        &QueryAnswer::Tuples(Tuples::from_rows(
            2,
            [[ann, cat], [ann, dan], [bob, ann], [cat, bob]]
        ))
    );
    assert_eq!(r.stats.iterations, 1);
}

#[test]
fn lets_filters_and_rules_without_scans() {
    let mut b = Builder::new();
    let n = b.rel("n", 1);
    let sq = b.rel("sq", 2);
    for i in 0..6 {
        b.fact(n, &ints(&[i]));
    }
    let seed = b.rule(0, vec![emit(n, vec![int(100)])], vec![]);
    let squares = b.rule(
        2,
        vec![
            scan(n, Full, &[(0, 0)]),
            Op::Filter(bin(bin(local(0), Mod, int(2)), Eq, int(1))),
            Op::Let {
                slot: VarSlot(1),
                expr: bin(local(0), Mul, local(0)),
            },
            emit(sq, vec![local(0), local(1)]),
        ],
        vec![],
    );
    b.stratum(&[seed], &[n], false);
    b.stratum(&[squares], &[sq], false);
    b.solve();
    b.query(sq, &[None, None]);
    b.query(n, &[Some(Value::Int(100))]);
    let r = b.run();
    assert_eq!(r.outputs.len(), 2);
    let Output::Query {
        answer: squares, ..
    } = &r.outputs[0]
    else {
        panic!()
    };
    assert_eq!(
        squares,
        &QueryAnswer::Tuples(Tuples::from_rows(
            2,
            [ints(&[1, 1]), ints(&[3, 9]), ints(&[5, 25])]
        ))
    );
    assert_eq!(answer(&r), &QueryAnswer::Truth(true));
}

#[test]
fn solve_runs_only_rules_registered_so_far() {
    let mut b = Builder::new();
    let a = b.rel("a", 1);
    let c = b.rel("c", 1);
    let first = b.rule(0, vec![emit(a, vec![int(1)])], vec![]);
    b.solve();
    let second = b.rule(0, vec![emit(c, vec![int(2)])], vec![]);
    b.stratum(&[first, second], &[a, c], false);
    b.query(c, &[None]);
    b.solve();
    b.query(c, &[None]);
    let r = b.run();
    let answers = answers(&r);
    assert_eq!(
        answers,
        [
            &QueryAnswer::Values(vec![]),
            &QueryAnswer::Values(ints(&[2]))
        ]
    );
}

#[test]
fn query_answers_project_and_sort_with_and_without_rank_keys() {
    use Value::{Float, Int};
    let answers = |rows: &[[Value; 2]], pattern: &[Option<Value>]| {
        let mut b = Builder::new();
        let r = b.rel("r", 2);
        for row in rows {
            b.fact(r, row);
        }
        b.query(r, pattern);
        answer(&b.run()).clone()
    };
    // Ints only: the answer is read back from sorted rank keys.
    let ranked = [
        [Int(2), Int(9)],
        [Int(1), Int(5)],
        [Int(2), Int(-3)],
        [Int(1), Int(2)],
    ];
    assert_eq!(
        answers(&ranked, &[None, None]),
        QueryAnswer::Tuples(Tuples::from_rows(
            2,
            [ints(&[1, 2]), ints(&[1, 5]), ints(&[2, -3]), ints(&[2, 9])]
        ))
    );
    assert_eq!(
        answers(&ranked, &[Some(Int(2)), None]),
        QueryAnswer::Values(ints(&[-3, 9]))
    );
    assert_eq!(
        answers(&ranked, &[None, Some(Int(5))]),
        QueryAnswer::Values(ints(&[1]))
    );
    // A Float has no rank: the rows are compared in canonical order instead.
    let unranked = [[Int(1), Float(0.5)], [Int(1), Int(-2)], [Int(0), Int(7)]];
    assert_eq!(
        answers(&unranked, &[None, None]),
        QueryAnswer::Tuples(Tuples::from_rows(
            2,
            [ints(&[0, 7]), ints(&[1, -2]), vec![Int(1), Float(0.5)]]
        ))
    );
    assert_eq!(
        answers(&unranked, &[Some(Int(1)), None]),
        QueryAnswer::Values(vec![Int(-2), Float(0.5)])
    );
}

#[test]
fn a_relation_of_ints_takes_other_values_and_keeps_its_rows() {
    let mut b = Builder::new();
    let r = b.rel("r", 2);
    let x = b.sym("x");
    b.fact(r, &ints(&[2, 1]));
    b.fact(r, &ints(&[1, 5]));
    // The first non-Int row: every row is stored as values from here on.
    b.fact(r, &[x, Value::Float(0.5)]);
    b.fact(r, &ints(&[2, 1]));
    b.fact(r, &[Value::Int(1), x]);
    b.query(r, &[None, None]);
    b.query(r, &[Some(Value::Int(2)), Some(Value::Int(1))]);
    let run = b.run();
    assert_eq!(run.error, None);
    assert_eq!(run.stats.tuples, 4);
    let answers = answers(&run);
    let all = Tuples::from_rows(
        2,
        [
            ints(&[1, 5]),
            vec![Value::Int(1), x],
            ints(&[2, 1]),
            vec![x, Value::Float(0.5)],
        ],
    );
    assert_eq!(
        answers,
        [&QueryAnswer::Tuples(all), &QueryAnswer::Truth(true)]
    );
}

/// The rows of `QUERY r ? ?` over `rows`, in the order the answer gives them.
fn sorted_pairs(rows: &[[Value; 2]]) -> Vec<Vec<Value>> {
    let mut b = Builder::new();
    let r = b.rel("r", 2);
    for row in rows {
        b.fact(r, row);
    }
    b.query(r, &[None, None]);
    let run = b.run();
    match answer(&run) {
        QueryAnswer::Tuples(t) => t.iter().map(<[Value]>::to_vec).collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn pairs_sort_canonically_whatever_their_spread() {
    let span = i64::from(u32::MAX);
    for spread in [1, span, span + 1, 1 << 40] {
        let rows: Vec<[Value; 2]> = [(5, -spread), (-3, 7), (5, 0), (-3, -spread), (2, spread)]
            .iter()
            .map(|&(a, b)| [Value::Int(a), Value::Int(b)])
            .collect();
        let mut expected: Vec<Vec<Value>> = rows.iter().map(|r| r.to_vec()).collect();
        expected.sort_by_key(|r| match (r[0], r[1]) {
            (Value::Int(a), Value::Int(b)) => (a, b),
            _ => unreachable!(),
        });
        assert_eq!(sorted_pairs(&rows), expected, "spread {spread}");
    }
}

/// The closure of `edges` by rounds of joins through a successor map, for graphs
/// too large for [`naive_closure`].
fn indexed_closure(edges: &BTreeSet<(i64, i64)>) -> BTreeSet<(i64, i64)> {
    let mut next: std::collections::BTreeMap<i64, Vec<i64>> = Default::default();
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

#[test]
fn closures_of_thousands_of_tuples_equal_the_naive_ones() {
    // Large enough that the path relation's dedup table turns into a bitmap.
    let mut rng = Lcg(0xb17);
    let chain: BTreeSet<(i64, i64)> = (0..140).map(|i| (i - 70, i - 69)).collect();
    let random: BTreeSet<(i64, i64)> = (0..330)
        .map(|_| (rng.below(150) + 1000, rng.below(150) + 1000))
        .collect();
    for (name, edges) in [("chain", chain), ("random", random)] {
        let expected = indexed_closure(&edges);
        assert!(expected.len() > 9000, "{name}: {}", expected.len());
        assert_closure(&edges, &expected, name);
    }
}

#[test]
fn a_dense_relation_takes_far_ints_and_other_values() {
    let mut b = Builder::new();
    let r = b.rel("r", 2);
    let grid: Vec<Vec<Value>> = (0..100)
        .flat_map(|a| (0..90).map(move |c| ints(&[a * 3, -c])))
        .collect();
    for row in grid.iter().chain(&grid) {
        b.fact(r, row);
    }
    let far = ints(&[-(1 << 30), 1 << 30]);
    let odd = vec![Value::Int(7), Value::Float(0.5)];
    for row in [&far, &odd, &far, &grid[17], &odd] {
        b.fact(r, row);
    }
    b.query(r, &[None, None]);
    for row in [&grid[0], &grid[8999], &far, &odd, &ints(&[1, 0])] {
        b.query(r, &[Some(row[0]), Some(row[1])]);
    }
    let run = b.run();
    assert_eq!(run.error, None);
    assert_eq!(run.stats.tuples, 9002);
    let mut all = grid.clone();
    all.push(far);
    all.push(odd);
    all.sort_by(|x, y| {
        crate::value::Symbols::new().cmp_tuples(x.iter().copied(), y.iter().copied())
    });
    let truth = |t| QueryAnswer::Truth(t);
    assert_eq!(
        answers(&run),
        [
            &QueryAnswer::Tuples(Tuples::from_rows(2, &all)),
            &truth(true),
            &truth(true),
            &truth(true),
            &truth(true),
            &truth(false),
        ]
    );
}
