//! Scale workloads (TC on chains and a random graph, SG on binary trees, and the
//! aggregation and negation workloads of spec §9) through our interpreter and the
//! peers that run them, after asserting that every engine derives the same number of
//! tuples. `cargo bench -p bytelogic-benches --bench scale`.

use bytelogic_benches::peers::Peer;
use bytelogic_benches::workload::{scale_workloads, stratified_workloads};
use criterion::{Criterion, criterion_group, criterion_main};
use std::time::Duration;

fn scale(c: &mut Criterion) {
    for w in scale_workloads().into_iter().chain(stratified_workloads()) {
        let program = w.compile();
        let ours = w.run_ours(&program);
        let mut g = c.benchmark_group(w.name);
        g.sample_size(10).measurement_time(Duration::from_secs(10));
        g.bench_function("ours_interp", |b| b.iter(|| w.run_ours(&program)));
        for peer in Peer::ALL.into_iter().filter(|p| p.runs(w.kind)) {
            assert_eq!(w.run_peer(peer), ours, "{} in {}", w.name, peer.name());
            g.bench_function(peer.name(), |b| b.iter(|| w.run_peer(peer)));
        }
        g.finish();
    }
}

criterion_group!(benches, scale);
criterion_main!(benches);
