//! Full execution under small limits: compiling and running any UTF-8 input ends
//! without panic or stack overflow, within the time limit plus 100 ms.
#![no_main]

use bytelogic_engine::{Limits, compile, run};
use libfuzzer_sys::fuzz_target;
use std::time::{Duration, Instant};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let limits = Limits {
        max_steps: 100_000,
        max_tuples: 10_000,
        max_depth: 100,
        timeout_ms: 100,
        max_memory_mb: 64,
        ..Limits::default()
    };
    let start = Instant::now();
    if let Some(program) = compile(source, &limits).program {
        let result = run(&program, &limits);
        if let Some(e) = result.error {
            assert!(e.span.end as usize <= source.len());
        }
    }
    assert!(start.elapsed() < Duration::from_millis(limits.timeout_ms + 100));
});
