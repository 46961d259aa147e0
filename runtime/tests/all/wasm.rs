//! The compiled path against the interpreter: every program here runs on both
//! backends, which must agree on outputs, the error (code, span, message) and the
//! counters (spec §7: steps and tuples are deterministic). Also the limits only the
//! host enforces (memory, time).

use bytelogic_engine::inject::InputValue;
use bytelogic_engine::output::output_text;
use bytelogic_engine::{Limits, RunResult};
use bytelogic_runtime::wasm::WasmBackend;
use bytelogic_runtime::{Backend, Executor, Options};
use std::sync::OnceLock;

fn backend() -> &'static WasmBackend {
    static B: OnceLock<WasmBackend> = OnceLock::new();
    B.get_or_init(|| WasmBackend::new().expect("wasmtime engine"))
}

/// A backend-independent picture of a run.
fn summary(r: &RunResult) -> String {
    let outputs: Vec<String> = r
        .outputs
        .iter()
        .map(|o| output_text(o, &r.symbols))
        .collect();
    let error = r
        .error
        .as_ref()
        .map(|d| format!("{} {}..{} {}", d.code, d.span.start, d.span.end, d.message));
    format!(
        "outputs: {outputs:?}\nerror: {error:?}\nsteps: {} tuples: {} iterations: {}",
        r.stats.steps, r.stats.tuples, r.stats.iterations
    )
}

/// Runs `source` on both backends under `limits`; returns the WASM summary.
fn both(source: &str, limits: &Limits) -> Result<String, String> {
    let compiled = bytelogic_engine::compile(source, limits);
    let program = compiled
        .program
        .ok_or_else(|| format!("front end rejected it: {:?}", compiled.diagnostics))?;
    let interp = summary(&bytelogic_engine::run(&program, limits));
    let wasm = backend()
        .run(&program, limits)
        .map_err(|e| format!("wasm backend failed: {e}"))?;
    let wasm = summary(&wasm);
    if interp != wasm {
        return Err(format!("interpreter:\n{interp}\nwasm:\n{wasm}"));
    }
    Ok(wasm)
}

fn limits(max_steps: u64, max_tuples: u64, max_depth: u32) -> Limits {
    Limits {
        max_steps,
        max_tuples,
        max_depth,
        ..Limits::default()
    }
}

/// Programs covering every IR construct, each with the limits it runs under.
const PROGRAMS: &[(&str, &str)] = &[
    (
        // The index on `p` is probed only by first rounds: a later SOLVE files the rows
        // derived and asserted since.
        "index-caught-up",
        "REL e\nREL p\nREL q\nFACT e 1 2\nFACT e 2 3\nFACT e 3 4\nRULE p: SCAN e, EMIT p $0 $1\nRULE p: SCAN e, JOIN p $1, EMIT p $0 $2\nSOLVE\nFACT e 0 1\nFACT p 4 7\nRULE q: SCAN e, JOIN p $1, EMIT q $0 $2\nSOLVE\nQUERY q ? ?\nQUERY p ? ?",
    ),
    (
        "facts",
        "REL p\nFACT p a b\nFACT p a c\nFACT p b c\nQUERY p a ?\nQUERY p ? ?\nQUERY p a b\nQUERY p c a\nQUERY p ? a",
    ),
    (
        "closure",
        "REL parent\nREL ancestor\nFACT parent a b\nFACT parent b c\nFACT parent c d\nRULE ancestor: SCAN parent, EMIT ancestor $0 $1\nRULE ancestor: SCAN parent, JOIN ancestor $1, EMIT ancestor $0 $2\nSOLVE\nQUERY ancestor a ?\nQUERY ancestor ? ?",
    ),
    (
        "key-first",
        "REL parent\nREL grandparent\nFACT parent a b\nFACT parent b c\nFACT parent b d\nRULE grandparent: SCAN parent MATCH $0, JOIN parent $0, EMIT grandparent $1 $2\nSOLVE\nQUERY grandparent ? ?",
    ),
    (
        "bound-match",
        "REL e\nREL r\nFACT e 1 2\nFACT e 2 3\nFACT e 3 1\nRULE r: SCAN e, SCAN e MATCH $1, EMIT r $0 $3\nSOLVE\nQUERY r ? ?",
    ),
    (
        "let-where",
        "REL n\nREL big\nFACT n 1\nFACT n 5\nFACT n 10\nRULE big: SCAN n, LET $d = $0 * 2, WHERE $d > 5 AND NOT $d == 20, EMIT big $0 $d\nSOLVE\nQUERY big ? ?",
    ),
    (
        "emits",
        "REL a\nREL b\nREL c\nFACT a 1\nFACT a 2\nRULE bc: SCAN a, EMIT b $0, EMIT c ($0 + 10)\nSOLVE\nQUERY b ?\nQUERY c ?",
    ),
    (
        "constant-rule",
        "REL k\nRULE k: EMIT k 42 x\nSOLVE\nQUERY k ? ?",
    ),
    (
        "counting",
        "REL n\nFACT n 0\nRULE n: SCAN n, WHERE $0 < 50, LET $m = $0 + 1, EMIT n $m\nSOLVE\nQUERY n ?",
    ),
    (
        "two-solves",
        "REL e\nREL t\nFACT e 1 2\nRULE t: SCAN e, EMIT t $0 $1\nRULE t: SCAN t, JOIN e $1, EMIT t $0 $2\nSOLVE\nQUERY t ? ?\nFACT e 2 3\nSOLVE\nQUERY t ? ?",
    ),
    (
        "strata",
        "REL e\nREL reach\nREL cnt\nFACT e a b\nFACT e b c\nRULE reach: SCAN e, EMIT reach $0 $1\nRULE reach: SCAN reach, JOIN e $1, EMIT reach $0 $2\nCALC count\nINPUT $x\nLET $n = 0\nFOR t IN (QUERY reach $x ?)\nLET $n = $n + 1\nEND\nRESULT $n\nEND\nRULE cnt: SCAN e, EMIT cnt $0 CALC count($0)\nSOLVE\nQUERY cnt ? ?",
    ),
    (
        "calc-recursion",
        "CALC fact\nINPUT $n\nIF $n <= 1 THEN RESULT 1 END\nRESULT $n * CALC fact($n - 1)\nEND\nRESULT CALC fact(20)\nRESULT CALC fact(5)",
    ),
    (
        "calc-loops",
        "CALC f\nINPUT $n\nLET $s = 0\nFOR $i IN RANGE(0, $n)\nIF $i == 3 THEN CONTINUE END\nIF $i == 8 THEN BREAK END\nLET $s = $s + $i\nEND\nLET $j = 0\nFOR WHILE $j < 5\nLET $j = $j + 2\nEND\nRESULT $s * 100 + $j + $i\nEND\nRESULT CALC f(20)\nRESULT CALC f(2)",
    ),
    (
        "range-step",
        "CALC f\nLET $s = \"\"\nFOR $i IN RANGE(10, 0, -3)\nLET $s = $s + \"x\"\nEND\nRESULT $s + \":\" + \"done\"\nEND\nRESULT CALC f()",
    ),
    (
        "nested-for-query",
        "REL emp\nREL sal\nFACT emp john eng\nFACT emp mary eng\nFACT emp pete eng\nFACT sal john 10\nFACT sal mary 20\nFACT sal pete 33\nCALC avg\nINPUT $d\nLET $t = 0\nLET $c = 0\nFOR e IN (QUERY emp ? $d)\nFOR s IN (QUERY sal e.a ?)\nLET $t = $t + s.b\nLET $c = $c + 1\nEND\nEND\nRESULT $t / $c\nEND\nRESULT CALC avg(eng)",
    ),
    (
        "for-query",
        "REL sal\nFACT sal bob 10\nFACT sal amy 30\nFACT sal cy 20\nCALC top\nLET $best = none\nLET $m = 0\nFOR t IN (QUERY sal ? ?)\nIF t.b > $m THEN\nLET $m = t.b\nLET $best = t.a\nEND\nEND\nRESULT $best + \"=\" + \"ok\"\nEND\nRESULT CALC top()\nRESULT LENGTH(CALC top())",
    ),
    (
        "strings",
        "LET $s = \"héllo\" + \" wörld\"\nRESULT $s\nRESULT LENGTH($s)\nRESULT CHAR_AT($s, 1)\nRESULT CHAR_AT($s, 7) + CHAR_AT($s, 0)\nRESULT \"abc\" < \"abd\"\nRESULT MIN(\"b\", \"a\")\nRESULT \"a\" == a",
    ),
    (
        "numbers",
        "RESULT 7 / 2\nRESULT 364 / 7\nRESULT -7 % 3\nRESULT 7 % -3\nRESULT 7.5 % 2\nRESULT -7.5 % 2\nRESULT 2.0\nRESULT 1 / 3\nRESULT 0.1 + 0.2\nRESULT 1e20\nRESULT 3 < 3.5\nRESULT 9223372036854775807 < 9223372036854775808.0\nRESULT 2.5 == 2.5\nRESULT 2 == 2.0\nRESULT NOT 0\nRESULT 0 OR 3\nRESULT 1 AND 0",
    ),
    (
        "builtins",
        "RESULT ABS(-3)\nRESULT ABS(-2.5)\nRESULT POW(2, 10)\nRESULT POW(2, -1)\nRESULT POW(2.5, 2)\nRESULT SQRT(16)\nRESULT SQRT(2)\nRESULT SIN(0)\nRESULT COS(0)\nRESULT TAN(1)\nRESULT ASIN(1)\nRESULT ACOS(0.5)\nRESULT ATAN(1)\nRESULT LOG(10)\nRESULT LOG10(1000)\nRESULT EXP(1)\nRESULT FLOOR(2.5)\nRESULT CEIL(2.1)\nRESULT FLOOR(-2.5)\nRESULT ROUND(2.675, 2)\nRESULT ROUND(1.005, 2)\nRESULT ROUND(2.5)\nRESULT ROUND(-2.5)\nRESULT ROUND(1234, -2)\nRESULT ROUND(7)\nRESULT MAX(3, 2.5)\nRESULT MIN(3, 2.5)",
    ),
    (
        "order",
        "REL v\nFACT v zed\nFACT v 3\nFACT v abe\nFACT v 1.5\nFACT v -2\nLET $x = \"m\" + \"q\"\nLET $y = \"a\" + \"a\"\nFACT v $x\nFACT v $y\nQUERY v ?",
    ),
    (
        "globals",
        "LET $a = 5\nLET $b = $a * 2\nCALC g\nRESULT $b + 1\nEND\nFACT r $a $b\nQUERY r ? ?\nRESULT CALC g()\nREL r",
    ),
    (
        "n-ary",
        "REL t\nFACT t 1 2 3\nFACT t 1 5 6\nFACT t 2 2 3\nQUERY t 1 ? ?\nQUERY t ? 2 3\nQUERY t ? ? ?",
    ),
    (
        "rank-order",
        "REL t\nFACT t 3 b 7\nFACT t -5 a 2\nFACT t 3 a 9\nFACT t 4611686018427387903 z 1\nFACT t -4611686018427387904 z 1\nFACT t 3 b -1\nQUERY t ? ? ?\nQUERY t 3 ? ?\nQUERY t ? a ?\nREL u\nFACT u 4611686018427387904\nFACT u 1\nFACT u -4611686018427387905\nFACT u 0.5\nQUERY u ?",
    ),
    (
        "rank-radix",
        "REL n\nREL sq\nFACT n 0\nRULE n: SCAN n, WHERE $0 < 700, LET $m = $0 + 1, EMIT n $m\nRULE sq: SCAN n, EMIT sq ((($0 * 7919) % 1000) - 500) ($0 * 1000000007 - 300000000000)\nREL c\nRULE c: SCAN n, EMIT c 5 (700 - $0)\nSOLVE\nQUERY sq ? ?\nQUERY c ? ?",
    ),
    (
        "self-join-growing",
        "REL n\nFACT n 1\nFACT n 2\nRULE n: SCAN n, SCAN n, WHERE $0 + $1 < 60, EMIT n ($0 + $1), EMIT n ($0 * 3)\nSOLVE\nFACT n 100\nFACT n 1\nSOLVE\nQUERY n ?",
    ),
    ("e201", "RESULT 1\nRESULT 5 / 0"),
    ("e201-mod", "RESULT 5.5 % 0"),
    ("e201-pow", "RESULT POW(0, -1)"),
    ("e202", "RESULT 9223372036854775807 + 1"),
    ("e202-mul", "RESULT 4611686018427387904 * 2"),
    ("e202-neg", "LET $m = -9223372036854775807 - 1\nRESULT -$m"),
    ("e202-pow", "RESULT POW(3, 40)"),
    ("e203", "RESULT 1 + a"),
    ("e203-order", "RESULT a < 1"),
    (
        "e203-range",
        "CALC f\nFOR $i IN RANGE(0, x)\nEND\nRESULT 1\nEND\nRESULT CALC f()",
    ),
    ("e204", "RESULT CHAR_AT(\"abc\", 3)"),
    ("e204-round", "RESULT ROUND(1.5, 16)"),
    ("e205", "RESULT 1e308 * 10"),
    ("e205-log", "RESULT LOG(0)"),
    (
        "e206",
        "CALC f\nINPUT $x\nIF $x > 0 THEN RESULT 1 END\nEND\nRESULT CALC f(1)\nRESULT CALC f(0)",
    ),
    (
        "e207",
        "CALC f\nFOR $i IN RANGE(0, 5, 0)\nEND\nRESULT 1\nEND\nRESULT CALC f()",
    ),
    (
        "e208",
        "CALC f\nINPUT $x\nIF $x > 0 THEN LET $y = 1 END\nRESULT $y\nEND\nRESULT CALC f(1)\nRESULT CALC f(0)",
    ),
    (
        "e208-global",
        "CALC f\nRESULT $later\nEND\nRESULT CALC f()\nLET $later = 1",
    ),
    (
        "rule-error",
        "REL n\nREL q\nFACT n 0\nFACT n 2\nRULE q: SCAN n, EMIT q (10 / $0)\nSOLVE\nQUERY q ?",
    ),
    // Spec §9: NOT through an index, on the whole tuple, on an empty relation.
    (
        "not",
        "REL person\nREL parent\nREL childless\nREL e\nREL n\nREL r\nREL empty\nREL s\nFACT person a\nFACT person b\nFACT person c\nFACT parent a b\nFACT parent b c\nFACT e 1 2\nFACT e 2 3\nRULE childless: SCAN person, NOT parent $0 ?, EMIT childless $0\nRULE n: SCAN e, EMIT n $0\nRULE n: SCAN e, EMIT n $1\nRULE r: SCAN n, SCAN n, WHERE $0 < $1, NOT e $0 $1, EMIT r $0 $1\nRULE s: SCAN n, NOT empty ?, NOT e ? $0, EMIT s $0\nSOLVE\nQUERY childless ?\nQUERY r ? ?\nQUERY s ?",
    ),
    (
        "aggregates-in-rules",
        "REL parent\nREL age\nREL stats\nREL avg\nFACT parent a b\nFACT parent a c\nFACT parent b d\nFACT age b 10\nFACT age c 15\nFACT age d 2.5\nRULE stats: SCAN parent, EMIT stats $0 COUNT(QUERY parent $0 ?) SUM(QUERY age ? ?) MIN(QUERY age ? ?) MAX(QUERY age ? ?)\nRULE avg: SCAN parent, LET $m = MEAN(QUERY age $1 ?), EMIT avg $0 $1 $m\nSOLVE\nQUERY stats ? ? ? ? ?\nQUERY avg ? ? ?\nRESULT MEAN(QUERY age ? ?)\nRESULT 0 AND MEAN(QUERY parent ? ?) > 0\nRESULT MEAN(QUERY parent ? ?)",
    ),
    (
        // An empty MIN ends the binding where it stands, in AND or after an EMIT.
        "empty-group-in-rules",
        "REL p\nREL v\nREL out\nREL seen\nREL both\nFACT p a\nFACT p b\nFACT v a 3\nRULE out: SCAN p, LET $m = MAX(QUERY v $0 ?), EMIT out $0 $m\nRULE out: SCAN p, WHERE 1 AND MIN(QUERY v $0 ?) > 0, EMIT out $0 0\nRULE both: SCAN p, EMIT seen $0, EMIT both $0 MIN(QUERY v $0 ?)\nSOLVE\nQUERY out ? ?\nQUERY seen ?\nQUERY both ? ?",
    ),
    (
        "e209-top-level",
        "REL s\nFACT s bob 7\nSOLVE\nRESULT COUNT(QUERY s alice ?)\nRESULT MAX(QUERY s alice ?)",
    ),
    (
        "e209-in-a-calc-a-rule-calls",
        "REL p\nREL v\nREL out\nFACT p a\nCALC least\nINPUT $x\nRESULT MIN(QUERY v $x ?)\nEND\nRULE out: SCAN p, EMIT out $0 CALC least($0)\nSOLVE",
    ),
    (
        // Partial sums beyond i64 are fine; the total is not.
        "sum-ints",
        "REL r\nFACT r a 9223372036854775807\nFACT r b 1\nFACT r c -2\nSOLVE\nRESULT SUM(QUERY r ? ?)\nFACT r d 9223372036854775807\nRESULT SUM(QUERY r d ?)\nRESULT SUM(QUERY r ? ?)",
    ),
    (
        // Storage order would give 1.5; canonical order gives 2.
        "sum-floats-in-canonical-order",
        "REL r\nFACT r 3 1e16\nFACT r 1 -1e16\nFACT r 2 1.5\nSOLVE\nRESULT SUM(QUERY r ? ?)\nRESULT MEAN(QUERY r ? ?)\nFACT r 4 1e308\nFACT r 5 1e308\nRESULT SUM(QUERY r ? ?)",
    ),
    (
        "sum-of-a-symbol",
        "REL r\nFACT r a 1\nFACT r b x\nFACT r c y\nSOLVE\nRESULT SUM(QUERY r ? ?)",
    ),
    (
        "min-of-numbers-and-symbols",
        "REL r\nFACT r a 1\nFACT r b x\nSOLVE\nRESULT MIN(QUERY r ? ?)",
    ),
    (
        "aggregates-in-calc",
        "REL r\nFACT r a 1\nFACT r a 2\nFACT r b 7\nSOLVE\nCALC total\nINPUT $k\nLET $t = 0\nFOR $i IN RANGE(0, 3)\nLET $t = $t + SUM(QUERY r $k ?) + COUNT(QUERY r ? ?)\nEND\nRESULT $t\nEND\nRESULT CALC total(a)\nRESULT MAX(QUERY r ? ?)\nRESULT MIN(QUERY r b ?)",
    ),
];

/// Programs that hit the deterministic limits, with small limits.
const LIMITED: &[(&str, &str, (u64, u64, u32))] = &[
    (
        "e401-while",
        "CALC f\nLET $i = 0\nFOR WHILE 1\nLET $i = $i + 1\nEND\nRESULT $i\nEND\nRESULT 7\nRESULT CALC f()",
        (1000, 100, 50),
    ),
    (
        "e401-rules",
        "REL n\nFACT n 0\nRULE n: SCAN n, LET $m = $0 + 1, EMIT n $m\nSOLVE",
        (500, 1_000_000, 50),
    ),
    (
        "e402-rules",
        "REL n\nFACT n 0\nRULE n: SCAN n, LET $m = $0 + 1, EMIT n $m\nSOLVE",
        (1_000_000, 100, 50),
    ),
    (
        "e402-facts",
        "REL n\nFACT n 1\nFACT n 2\nFACT n 2\nFACT n 3",
        (1000, 2, 50),
    ),
    (
        "e402-join",
        "REL e\nREL p\nFACT e 1 2\nFACT e 2 3\nFACT e 3 4\nFACT e 4 5\nRULE p: SCAN e, EMIT p $0 $1\nRULE p: SCAN p, JOIN e $1, EMIT p $0 $2\nSOLVE",
        (1000, 10, 50),
    ),
    (
        "e403",
        "CALC f\nINPUT $n\nRESULT CALC f($n + 1)\nEND\nRESULT CALC f(0)",
        (1_000_000, 100, 50),
    ),
    (
        "e403-default",
        "CALC f\nINPUT $n\nIF $n == 0 THEN RESULT 0 END\nRESULT 1 + CALC f($n - 1)\nEND\nRESULT CALC f(999)\nRESULT CALC f(1000)",
        (100_000_000, 100, 1000),
    ),
    (
        "steps-exact",
        "REL e\nREL p\nFACT e 1 2\nFACT e 2 3\nFACT e 3 4\nRULE p: SCAN e, EMIT p $0 $1\nRULE p: SCAN p, JOIN e $1, EMIT p $0 $2\nSOLVE\nQUERY p ? ?",
        (12, 100, 50),
    ),
    (
        // The group's steps are charged before it is computed.
        "e401-aggregate",
        "REL n\nREL c\nFACT n 1\nFACT n 2\nFACT n 3\nFACT n 4\nFACT n 5\nRULE c: SCAN n, EMIT c $0 COUNT(QUERY n ?)\nSOLVE",
        (4, 100, 50),
    ),
    (
        "e401-not",
        "REL n\nREL m\nREL c\nFACT n 1\nFACT n 2\nFACT m 1\nFACT m 2\nRULE c: SCAN n, NOT m $0, EMIT c $0\nSOLVE",
        (3, 100, 50),
    ),
];

#[test]
fn backends_agree_on_every_program() {
    let mut failures = Vec::new();
    for (name, source) in PROGRAMS {
        if let Err(e) = both(source, &Limits::default()) {
            failures.push(format!("== {name}\n{e}"));
        }
    }
    for (name, source, (s, t, d)) in LIMITED {
        if let Err(e) = both(source, &limits(*s, *t, *d)) {
            failures.push(format!("== {name}\n{e}"));
        }
    }
    let total = PROGRAMS.len() + LIMITED.len();
    println!("{} of {total} programs agree", total - failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Emit batches (32 tuples looked up together) near every limit: the tuple limit
/// must trip on the same EMIT, and the step limit with the same counters, as one
/// tuple at a time; edges i→i+1 and i→i+2 make duplicates, and a CALC in a rule
/// (which the interpreter does not batch) must not change where limits trip.
#[test]
fn batched_emits_trip_limits_where_single_ones_do() {
    let mut graph = String::from("REL e\nREL p\nCALC id\nINPUT $x\nRESULT $x\nEND\n");
    for i in 0..70 {
        graph += &format!("FACT e {i} {}\nFACT e {i} {}\n", i + 1, i + 2);
    }
    let rules = [
        "RULE p: SCAN e, EMIT p $0 $1\nRULE p: SCAN p, JOIN e $1, EMIT p $0 $2\n",
        "RULE p: SCAN e, EMIT p $0 $1\nRULE p: SCAN p, JOIN e $1, LET $z = CALC id($2), EMIT p $0 $z\n",
    ];
    let mut failures = Vec::new();
    for (r, rules) in rules.iter().enumerate() {
        let source = format!("{graph}{rules}SOLVE\nQUERY p 3 ?\n");
        for (steps, tuples) in [
            (10_000_000, 1_000_000),
            (10_000_000, 140),
            (10_000_000, 141),
            (10_000_000, 200),
            (10_000_000, 1_000),
            (10_000_000, 2_345),
            (333, 1_000_000),
            (4_321, 1_000_000),
            (4_321, 2_000),
        ] {
            match both(&source, &limits(steps, tuples, 50)) {
                // Every limited run ends in E401 or E402.
                Ok(wasm) if (steps, tuples) != (10_000_000, 1_000_000) => {
                    assert!(wasm.contains("error: Some(\"E40"), "{wasm}");
                }
                Ok(_) => {}
                Err(e) => {
                    failures.push(format!("== rules {r}, {steps} steps, {tuples} tuples\n{e}"))
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Runs `source` on the compiled path only.
fn wasm_only(source: &str, limits: &Limits) -> RunResult {
    let program = bytelogic_engine::compile(source, limits)
        .program
        .expect("front end accepts it");
    backend().run(&program, limits).expect("runs")
}

#[test]
fn an_infinite_loop_stops_at_the_timeout() {
    let source = "CALC f\nLET $i = 0\nFOR WHILE 1\nLET $i = $i + 1\nEND\nRESULT $i\nEND\nRESULT 1\nRESULT CALC f()";
    let limits = Limits {
        max_steps: u64::MAX / 2,
        timeout_ms: 100,
        ..Limits::default()
    };
    let start = std::time::Instant::now();
    let r = wasm_only(source, &limits);
    let took = start.elapsed();
    let error = r.error.expect("an error");
    assert_eq!(error.code, bytelogic_engine::Code::E404, "{error:?}");
    assert_eq!(r.outputs.len(), 1, "the output before the error is kept");
    assert!(took.as_millis() < 400, "stopped after {took:?}");
}

#[test]
fn memory_cannot_grow_past_the_limit() {
    let source = "REL n\nFACT n 0\nRULE n: SCAN n, LET $m = $0 + 1, EMIT n $m\nSOLVE";
    let limits = Limits {
        max_steps: u64::MAX / 2,
        max_tuples: u64::MAX / 2,
        max_memory_mb: 8,
        timeout_ms: 20_000,
        ..Limits::default()
    };
    let r = wasm_only(source, &limits);
    let error = r.error.expect("an error");
    assert_eq!(error.code, bytelogic_engine::Code::E405, "{error:?}");
    assert!(
        r.stats.tuples > 10_000,
        "ran until memory was used: {:?}",
        r.stats
    );
}

#[test]
fn a_depth_limit_the_native_stack_cannot_hold_is_declined() {
    let source = "CALC f\nINPUT $n\nIF $n == 0 THEN RESULT 0 END\nRESULT 1 + CALC f($n - 1)\nEND\nRESULT CALC f(10000000)";
    let limits = Limits {
        max_depth: u32::MAX,
        ..Limits::default()
    };
    let program = bytelogic_engine::compile(source, &limits)
        .program
        .expect("front end accepts it");
    let refusal = backend().run(&program, &limits).expect_err("declined");
    assert!(
        refusal
            .to_string()
            .contains("recursion to the depth limit of 4294967295"),
        "{refusal}"
    );
}

#[test]
fn the_cache_keys_on_source_inputs_and_source_limit() {
    let executor = Executor::new();
    let source = "REL p\nFACT p a\nQUERY p ?";
    let mut options = Options {
        backend: Backend::Wasm,
        ..Options::default()
    };
    let cached = || executor.wasm().expect("wasmtime").cached();
    let run = |options: &Options| {
        let o = executor.execute(source, options).expect("runs");
        assert_eq!(o.backend, "wasm");
        o.result_text()
    };
    assert_eq!(run(&options), "a");
    assert_eq!((run(&options), cached()), ("a".to_string(), 1));
    options.limits.max_steps = 5;
    assert_eq!((run(&options), cached()), ("a".to_string(), 1));
    options.inputs = vec![("p".into(), vec![vec![InputValue::Text("b".into())]])];
    assert_eq!((run(&options), cached()), ("a, b".to_string(), 2));
    options.limits.max_source_kb = 1;
    assert_eq!((run(&options), cached()), ("a, b".to_string(), 3));
}

/// Spec §9 compiles: once its module is ready, `--backend auto` runs a program with
/// NOT or an aggregate compiled.
#[test]
fn negation_and_aggregates_run_compiled() {
    let executor = Executor::new();
    let options = Options {
        backend: Backend::Auto,
        ..Options::default()
    };
    for source in [
        "REL p\nREL q\nREL r\nFACT p 1\nRULE q: SCAN p, NOT r $0, EMIT q $0\nSOLVE\nQUERY q ?",
        "REL p\nFACT p 1\nSOLVE\nRESULT SUM(QUERY p ?)",
    ] {
        executor.prepare(source, &options).expect("wasmtime starts");
        let auto = executor.execute(source, &options).expect("auto runs");
        assert_eq!(
            (auto.backend, auto.fallback.as_deref(), auto.result_text()),
            ("wasm", None, "1".to_string()),
            "{source}"
        );
    }
}
