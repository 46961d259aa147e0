//! Negation and aggregation (spec §9) through the front end: the diagnostics' messages
//! and hints (the cases under `tests/cases/` check codes and positions), the cycle an
//! E308 names, and W003. The rule IR of NOT and aggregates is in `lower.rs`.

use bytelogic_engine::{Code, Diagnostic, Limits, compile};

/// Every diagnostic of `source`.
fn diagnostics(source: &str) -> Vec<Diagnostic> {
    compile(source, &Limits::default()).diagnostics
}

/// The only diagnostic of `source` with `code`.
fn one(source: &str, code: Code) -> Diagnostic {
    let found: Vec<Diagnostic> = diagnostics(source)
        .into_iter()
        .filter(|d| d.code == code)
        .collect();
    assert_eq!(found.len(), 1, "{source}: {found:#?}");
    found.into_iter().next().unwrap_or_else(|| unreachable!())
}

/// The messages of the E308s of `source`.
fn cycles(source: &str) -> Vec<String> {
    diagnostics(source)
        .into_iter()
        .filter(|d| d.code == Code::E308)
        .map(|d| d.message)
        .collect()
}

#[test]
fn e308_names_a_shortest_cycle_with_its_edges() {
    let not = "REL person\nREL age\nRULE age: SCAN person, NOT age $0 ?, EMIT age $0 7";
    assert_eq!(
        cycles(not),
        [
            "this NOT reads `age`, which depends on what this rule derives: the read cannot be \
          stratified (age -NOT-> age)"
        ]
    );
    let sum = "REL sale\nREL total\nREL share\n\
               RULE share: SCAN sale, EMIT share $0 SUM(QUERY total ?)\n\
               RULE total: SCAN share, EMIT total $1";
    assert!(cycles(sum)[0].ends_with("(total -SUM-> share -> total)"));
    // The shortest way back is taken: through b directly, not through c.
    let shortest = "REL a\nREL b\nREL c\nREL d\n\
                    RULE r1: SCAN d, EMIT b COUNT(QUERY a ?)\n\
                    RULE r2: SCAN b, EMIT c $0\nRULE r3: SCAN c, EMIT a $0\n\
                    RULE r4: SCAN b, EMIT a $0";
    assert!(cycles(shortest)[0].ends_with("(a -COUNT-> b -> a)"));
    let calc = "REL n\nREL m\nRULE c: SCAN n, EMIT m CALC f($0)\nRULE d: SCAN m, EMIT n $0\n\
                CALC f\n  INPUT $x\n  RESULT MAX(QUERY m ?)\nEND";
    let got = cycles(calc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("CALC `f` reads `m`"), "{}", got[0]);
    assert!(got[0].ends_with("(m -CALC f-> m)"), "{}", got[0]);
    // A non-monotone edge on the way back is written with its own label; where two
    // reads make the same edge, a SCAN's comes first.
    let mixed = "REL a\nREL b\nRULE r1: SCAN a, NOT b $0, EMIT a $0\n\
                 RULE r2: SCAN a, EMIT b MIN(QUERY a ?)";
    let got = cycles(mixed);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].ends_with("(b -NOT-> a -> b)"), "{}", got[0]);
    assert!(got[1].ends_with("(a -MIN-> b -NOT-> a)"), "{}", got[1]);
}

#[test]
fn version_one_cycles_through_a_calc_read_are_still_e308() {
    let source = "REL r\nFACT r 1\nRULE grow: SCAN r, EMIT r CALC cnt($0)\nSOLVE\n\
                  CALC cnt\n  INPUT $x\n  LET $n = 0\n  FOR t IN (QUERY r ?)\n    \
                  LET $n = $n + 1\n  END\n  RESULT $n\nEND";
    let d = one(source, Code::E308);
    assert!(d.message.ends_with("(r -CALC cnt-> r)"), "{}", d.message);
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "a CALC called from a rule may only read relations that do not depend on the \
             rule's result"
        )
    );
}

#[test]
fn w003_names_the_rule_and_says_what_stays() {
    let source = "REL person\nREL parent\nREL childless\nFACT person bob\n\
                  RULE childless: SCAN person, NOT parent $0 ?, EMIT childless $0\nSOLVE\n\
                  FACT parent bob carol\nRULE more: SCAN person, EMIT parent $0 $0, EMIT parent $0 x";
    let warnings: Vec<Diagnostic> = diagnostics(source)
        .into_iter()
        .filter(|d| d.code == Code::W003)
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert_eq!(
        warnings[0].message,
        "this FACT adds to `parent` after a SOLVE ran rule `childless`, which reads `parent` \
         through NOT or an aggregate"
    );
    assert!(
        warnings[1]
            .message
            .starts_with("this RULE adds to `parent`")
    );
    assert!(
        warnings[0]
            .hint
            .as_deref()
            .is_some_and(|h| h.contains("the database only grows")),
        "{:?}",
        warnings[0].hint
    );
}

#[test]
fn e306_hints_say_that_not_and_aggregates_bind_nothing() {
    let not = "REL p\nREL q\nFACT p 1\nRULE q: SCAN p, NOT p $x, EMIT q $0";
    assert_eq!(
        one(not, Code::E306).hint.as_deref(),
        Some("NOT binds nothing; write ? for any value")
    );
    let aggregate = "REL p\nREL q\nFACT p 1 2\n\
                     RULE q: SCAN p, EMIT q $0 COUNT(QUERY p $k ?)";
    assert_eq!(
        one(aggregate, Code::E306).hint.as_deref(),
        Some("aggregates bind nothing; write ? for a column to range over")
    );
    let calc = "REL p\nFACT p 1\nCALC f\n  RESULT COUNT(QUERY p $k)\nEND\nRESULT CALC f()";
    assert_eq!(
        one(calc, Code::E306).hint.as_deref(),
        Some("aggregates bind nothing; write ? for a column to range over")
    );
}

#[test]
fn e103_hints_name_the_not_clause_and_the_aggregate_form() {
    for source in [
        "REL p\nREL q\nFACT p 1\nRULE q: SCAN p, WHERE NOT EXISTS(QUERY p $0), EMIT q $0",
        "REL p\nREL q\nFACT p 1\nRULE q: SCAN p, NOT SCAN p, EMIT q $0",
        "REL p\nREL q\nFACT p 1\nRULE q: SCAN p, not emit q $0",
    ] {
        let d = one(source, Code::E103);
        let hint = d.hint.unwrap_or_default();
        assert!(
            hint.contains("NOT rel a1 … an"),
            "{source}: {} / {hint}",
            d.message
        );
    }
    let count = one("RESULT COUNT(1)", Code::E103);
    assert_eq!(
        count.message,
        "expected QUERY after `COUNT(`, found number `1`"
    );
    assert!(
        count
            .hint
            .is_some_and(|h| h.contains("COUNT(QUERY rel a1 … an)"))
    );
    let sum = one("REL r\nRESULT SUM(QUERY r 1)", Code::E103);
    assert_eq!(sum.message, "SUM has no value column: its QUERY has no `?`");
    let calc = one("REL r\nCALC f\n  NOT r 1\n  RESULT 1\nEND", Code::E102);
    assert!(calc.hint.is_some_and(|h| h.contains("COUNT(QUERY")));
}

#[test]
fn e209_has_its_hint() {
    let source = "REL v\nSOLVE\nRESULT MEAN(QUERY v ?)";
    let program = compile(source, &Limits::default())
        .program
        .expect("it compiles");
    let result = bytelogic_engine::run(&program, &Limits::default());
    let error = result.error.expect("E209");
    assert_eq!(error.code, Code::E209);
    assert_eq!(
        error.message,
        "MEAN of an empty group: no tuple of `v` matches, so there is no value"
    );
    assert_eq!(error.hint.as_deref(), Some("test COUNT(QUERY …) > 0 first"));
}
