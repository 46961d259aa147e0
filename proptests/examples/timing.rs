//! Times compile and run of a few inputs.
fn main() {
    let limits = bytelogic_engine::Limits {
        timeout_ms: 200,
        max_steps: 1_000_000,
        ..Default::default()
    };
    let e404 = bytelogic_engine::Limits {
        timeout_ms: 50,
        max_steps: u64::MAX,
        max_depth: 50,
        max_tuples: 10000,
        max_memory_mb: 64,
        max_source_kb: 64,
    };
    for (name, src, limits) in [
        (
            "if-in-fact",
            format!(
                "REL parent\nFACT parent RESULT {}1\nQUERY parent ?",
                "IF 1 THEN ".repeat(5000)
            ),
            limits,
        ),
        (
            "if-in-fact-q",
            format!(
                "REL parent\nFACT parent RESULT {}1\nQUERY parent {}",
                "IF 1 THEN ".repeat(5000),
                "? ".repeat(15002)
            ),
            limits,
        ),
        (
            "e404",
            "CALC zf\n  FOR WHILE 1\n  END\nEND\nresult CALC zf()".to_string(),
            e404,
        ),
    ] {
        for _ in 0..3 {
            let t = std::time::Instant::now();
            let o = bytelogic_runtime::Outcome::run(&src, &limits);
            println!(
                "{name}: {} bytes {:?} {:?}",
                src.len(),
                t.elapsed(),
                o.error().map(|e| e.diagnostic.code)
            );
        }
    }
}
