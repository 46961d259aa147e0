//! Runs one scale workload through the interpreter, for profilers:
//! `cargo run -p bytelogic-benches --release --example profile -- "tc chain-1000"`.

use bytelogic_benches::workload::scale_workloads;

fn main() {
    let name = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tc chain-1000".into());
    let w = scale_workloads()
        .into_iter()
        .find(|w| w.name == name)
        .expect("a scale workload name");
    let program = w.compile();
    let t = std::time::Instant::now();
    let n = w.run_ours(&program);
    eprintln!("{name}: {n} tuples in {:?}", t.elapsed());
}
