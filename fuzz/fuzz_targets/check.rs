//! Parser and checker: any UTF-8 input compiles without panic or stack overflow,
//! and every diagnostic's span lies inside the source.
#![no_main]

use bytelogic_engine::{Limits, compile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    for d in compile(source, &Limits::default()).diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end as usize <= source.len());
    }
});
