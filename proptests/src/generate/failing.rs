//! Programs that must fail: for each diagnostic code of spec §1, §3, §4.2 and §9
//! and each run-time error and limit of spec §7, small programs (in several variants,
//! with names, values and keyword case drawn from the dice) that must report that
//! code, followed by a well-formed Datalog program that must not get in the way.
//! Limits are small, so the limit errors trip fast.

use super::rules;
use crate::dice::{Dice, dice};
use bytelogic_engine::{Code, Limits, ast_print};
use proptest::prelude::*;
use std::fmt;

/// A program and the code it must report under `limits`.
#[derive(Clone)]
pub struct Failing {
    /// The code that must be among the diagnostics (or be the run-time error).
    pub code: Code,
    /// The program.
    pub source: String,
    /// The limits to run it with.
    pub limits: Limits,
}

impl fmt::Debug for Failing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} under {:?}\n{}", self.code, self.limits, self.source)
    }
}

/// Programs that must fail, one code at a time.
pub fn failing() -> impl Strategy<Value = Failing> {
    (0..Code::ALL.len(), dice(20), rules::parts()).prop_map(|(i, mut d, parts)| {
        let code = Code::ALL[i];
        let mut limits = Limits {
            max_steps: 1_000_000,
            max_tuples: 10_000,
            max_depth: 50,
            timeout_ms: 1_000,
            max_memory_mb: 64,
            max_source_kb: 64,
        };
        let head = template(code, &mut d, &mut limits);
        let tail = ast_print::program(&rules::program(parts).to_ast());
        Failing {
            code,
            source: format!("{head}\n{tail}"),
            limits,
        }
    })
}

/// A keyword, in upper or lower case (keywords match in any case, spec §1.4).
fn kw(d: &mut Dice, word: &str) -> String {
    if d.chance(20) {
        word.to_ascii_lowercase()
    } else {
        word.to_string()
    }
}

/// A program fragment that reports `code` (adjusting `limits` for the limit codes).
/// Its names start with `z`, which the Datalog generator never uses.
fn template(code: Code, d: &mut Dice, limits: &mut Limits) -> String {
    let rel = d.pick(&["zr", "zed", "z_1"]);
    let n = d.pick(&[0, 1, 7, -3]);
    let k = d.below(5);
    let (fact, result, calc) = (kw(d, "FACT"), kw(d, "RESULT"), kw(d, "CALC"));
    match code {
        Code::W001 => format!("REL {rel}\\n{fact} {rel} {n}\\nQUERY {rel} ?"),
        Code::W002 => format!("REL {rel}\n{fact} {rel} {n}\nQUERY {rel} ?"),
        Code::W003 => {
            let read = d.pick(&[
                format!("RULE zo: SCAN zo, NOT {rel} $0, EMIT zc $0"),
                format!("RULE zo: SCAN zo, EMIT zc COUNT(QUERY {rel} ?)"),
            ]);
            format!("REL {rel}\nREL zo\nREL zc\n{fact} zo {n}\n{read}\nSOLVE\n{fact} {rel} {n}")
        }
        Code::E101 => format!("REL {rel}\n{fact} {rel} \"abc{n}"),
        Code::E102 => d.pick(&[
            format!("FACTS {rel} {n}"),
            format!("SCAN {rel}"),
            format!("QUERRY {rel} ?"),
        ]),
        Code::E103 => d.pick(&[
            format!("REL {rel}\n{fact} {rel} ({n})"),
            format!("REL {rel}\nRULE {rel}: SCAN {rel}"),
            format!("{result} 1 < 2 < {n}"),
            "BREAK".to_string(),
            format!("{result} {n} +"),
            format!("REL {rel}\nRULE {rel}: EMIT {rel} 1, SCAN {rel}"),
        ]),
        Code::E104 => {
            let depth = 257 + d.below(300);
            format!("{result} {}{n}{}", "(".repeat(depth), ")".repeat(depth))
        }
        Code::E201 => d.pick(&[
            format!("{result} {n} / 0"),
            format!("{result} {n} % (1 - 1)"),
            format!("{result} POW(0, -{})", 1 + k),
        ]),
        Code::E202 => d.pick(&[
            format!("{result} 9223372036854775807 + {}", 1 + k),
            "RESULT 99999999999999999999".to_string(),
            format!("{result} ABS(-9223372036854775807 - 1)"),
        ]),
        Code::E203 => d.pick(&[
            format!("{result} {n} + a"),
            format!("{result} {n} < \"a\""),
            format!("{result} LENGTH({n})"),
        ]),
        Code::E204 => d.pick(&[
            format!("{result} CHAR_AT(\"ab\", {})", 2 + k),
            format!("{result} ROUND(1.5, {})", 16 + k),
        ]),
        Code::E205 => d.pick(&[
            format!("{result} SQRT(-1 - {k})"),
            "RESULT 1e999".to_string(),
            format!("{result} EXP(1000)"),
        ]),
        Code::E206 => format!("{calc} zf\n  LET $x = {n}\nEND\n{result} {calc} zf()"),
        Code::E207 => format!(
            "{calc} zf\n  FOR $i IN RANGE(0, 5, 0)\n  END\n  RESULT 1\nEND\n{result} {calc} zf()"
        ),
        Code::E208 => format!(
            "{calc} zf\n  IF {n} == 99 THEN LET $x = 1 END\n  RESULT $x\nEND\n{result} {calc} zf()"
        ),
        Code::E209 => d.pick(&[
            format!("REL {rel}\n{result} MIN(QUERY {rel} ?)"),
            format!("REL {rel}\nSOLVE\nLET $zv = mean(QUERY {rel} ? ?)"),
            format!(
                "REL {rel}\n{calc} zf\n  RESULT MAX(QUERY {rel} {n} ?)\nEND\n{result} {calc} zf()"
            ),
        ]),
        Code::E301 => format!("{fact} {rel} {n}"),
        Code::E302 => format!(
            "REL {rel}\nREL zb\n{fact} {rel} {n}\nRULE zb: SCAN {rel}, EMIT zb $0\nQUERY zb ?"
        ),
        Code::E303 => format!("REL {rel}\n{fact} {rel} {n}\n{fact} {rel} {n} {n}"),
        Code::E304 => d.pick(&[
            format!("{result} FOO({n})"),
            format!("{result} {calc} nope({n})"),
        ]),
        Code::E305 => d.pick(&[
            format!("{result} ABS({n}, 2)"),
            format!("{calc} zf INPUT $a RESULT $a END\n{result} {calc} zf()"),
        ]),
        Code::E306 => d.pick(&[
            format!("REL {rel}\nRULE {rel}: SCAN {rel}, EMIT {rel} $5"),
            format!("{result} $nowhere + {n}"),
            format!("REL {rel}\nREL zp\nRULE {rel}: SCAN zp MATCH $x, EMIT {rel} $0"),
        ]),
        Code::E307 => d.pick(&[
            format!("REL {rel}\nREL {rel}"),
            format!("{calc} zf RESULT 1 END\n{calc} zf RESULT 2 END"),
        ]),
        Code::E308 => format!(
            "REL {rel}\n{fact} {rel} {n}\n{calc} zc\n  FOR t IN (QUERY {rel} ?)\n    RESULT t.a\n  END\n  RESULT 0\nEND\n\
             RULE {rel}: SCAN {rel}, LET $x = {calc} zc(), EMIT {rel} $x"
        ),
        Code::E309 => format!("REL {rel}\n{calc} zf\n  EMIT {rel} 1\nEND"),
        Code::E401 => {
            limits.max_steps = 100 + d.below(1000) as u64;
            format!("{calc} zf\n  FOR WHILE 1\n  END\nEND\n{result} {calc} zf()")
        }
        Code::E402 => {
            limits.max_tuples = 10 + d.below(100) as u64;
            format!(
                "REL {rel}\n{fact} {rel} {n}\nRULE {rel}: SCAN {rel}, LET $m = $0 + 1, EMIT {rel} $m\nSOLVE"
            )
        }
        Code::E403 => {
            limits.max_depth = 5 + d.below(50) as u32;
            format!("{calc} zf INPUT $n\n  RESULT {calc} zf($n + 1)\nEND\n{result} {calc} zf({n})")
        }
        Code::E404 => {
            limits.max_steps = u64::MAX;
            limits.timeout_ms = 20 + d.below(50) as u64;
            format!("{calc} zf\n  FOR WHILE 1\n  END\nEND\n{result} {calc} zf()")
        }
        Code::E405 => {
            limits.max_memory_mb = 1;
            limits.max_tuples = u64::MAX;
            format!(
                "REL {rel}\n{fact} {rel} {n}\nRULE {rel}: SCAN {rel}, LET $m = $0 + 1, EMIT {rel} $m\nSOLVE"
            )
        }
        Code::E406 => {
            limits.max_source_kb = 1;
            format!(
                "REL {rel}\n{}",
                format!("{fact} {rel} {n}\n").repeat(200 + d.below(200))
            )
        }
    }
}
