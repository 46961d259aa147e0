//! Golden tests of lowering: the printed rule IR of small programs (STYLE #10).
//! Strata, semi-naive variants, key-first scans, indexes and CALC slots are
//! decided here once (for NOT clauses and aggregates too, spec §9); these tests pin
//! those decisions down.

use bytelogic_engine::{Limits, compile, ir_print::print_program};

fn ir(source: &str) -> String {
    let compiled = compile(source, &Limits::default());
    let program = compiled
        .program
        .unwrap_or_else(|| panic!("errors: {:?}", compiled.diagnostics));
    print_program(&program)
}

fn assert_ir(source: &str, expected: &str) {
    let actual = ir(source);
    let expected: String = expected
        .lines()
        .map(|l| l.strip_prefix("        ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        actual.trim_end(),
        expected.trim(),
        "\n--- actual IR ---\n{actual}"
    );
}

#[test]
fn transitive_closure_and_key_first_grandparent() {
    assert_ir(
        "REL parent\nREL ancestor\nREL grandparent\nFACT parent alice bob\n\
         RULE ancestor: SCAN parent, EMIT ancestor $0 $1\n\
         RULE ancestor: SCAN parent, JOIN ancestor $1, EMIT ancestor $0 $2\n\
         RULE grandparent: SCAN parent MATCH $0, JOIN parent $0, EMIT grandparent $1 $2\n\
         SOLVE\nQUERY ancestor alice ?\n",
        "
        rel r0 parent/2
        rel r1 ancestor/2
        rel r2 grandparent/2
        index i0 ancestor(0)
        index i1 parent(1)
        index i2 parent(0)
        stratum 0: rules #2 derive grandparent
        stratum 1: rules #0 #1 derive ancestor (recursive)
        rule #0 ancestor (stratum 1, slots $0 $1):
          initial:
            scan parent bind $0:0 $1:1
            emit ancestor($0, $1)
        rule #1 ancestor (stratum 1, slots $0 $1 $2):
          initial:
            scan parent bind $0:0 $1:1
            scan ancestor via i0 = ($1) bind $2:1
            emit ancestor($0, $2)
          delta 0:
            scan ancestor delta bind $1:0 $2:1
            scan parent via i1 = ($1) bind $0:0
            emit ancestor($0, $2)
        rule #2 grandparent (stratum 0, slots $0 $1 $2):
          initial:
            scan parent bind $0:1 $1:0
            scan parent via i2 = ($0) bind $2:1
            emit grandparent($1, $2)
        fact parent(\"alice\", \"bob\")
        solve rules < 3
        query ancestor(\"alice\", ?)
        ",
    );
}

#[test]
fn calc_reads_are_stratified_after_the_relation_they_read() {
    assert_ir(
        "REL e\nREL n\nREL big\nFACT e 1 2\n\
         RULE n: SCAN e, EMIT n $1\n\
         CALC count\nLET $c = 0\nFOR t IN (QUERY n ?)\nLET $c = $c + 1\nEND\nRESULT $c\nEND\n\
         RULE big: SCAN e, LET $k = CALC count(), WHERE $k > 0, EMIT big $0 $k\n\
         SOLVE\nQUERY big ? ?\n",
        "
        rel r0 e/2
        rel r1 n/1
        rel r2 big/2
        stratum 0: rules #0 derive n
        stratum 1: rules #1 derive big
        rule #0 n (stratum 0, slots $0 $1):
          initial:
            scan e bind $0:0 $1:1
            emit n($1)
        rule #1 big (stratum 1, slots $0 $1 $k):
          initial:
            scan e bind $0:0 $1:1
            let $k = count()
            where ($k > 0)
            emit big($0, $k)
        calc count() locals $c:
          let $c = 0
          for t0 in n(?)
            let $c = ($c + 1)
          result $c
        fact e(1, 2)
        solve rules < 2
        query big(?, ?)
        ",
    );
}

#[test]
fn literals_are_canonical_and_globals_resolve() {
    assert_ir(
        "LET $x = 2.0 * 3\nRESULT $x + 0.5\nRESULT -7 % 3\n",
        "
        let $x = (2 * 3)
        result ($x + 0.5)
        result ((-7) % 3)
        ",
    );
}

#[test]
fn not_clauses_and_aggregates() {
    // spec §9: a NOT probes an index on its bound columns (with all bound, the
    // relation's own set; with none, its emptiness); a rule's aggregate probes an index
    // on its group and has a memo, a top-level one neither.
    assert_ir(
        "REL person\nREL parent\nREL kids\nREL childless\n\
         RULE kids: SCAN person, LET $n = COUNT(QUERY parent $0 ?), EMIT kids $0 $n\n\
         RULE childless: SCAN person, NOT parent $0 ?, NOT kids ? ?, NOT parent $0 $0, \
         EMIT childless $0\nSOLVE\nRESULT SUM(QUERY kids ? ?)\n",
        "
        rel r0 person/2
        rel r1 parent/2
        rel r2 kids/2
        rel r3 childless/1
        index i0 parent(0)
        stratum 0: rules #0 derive kids
        stratum 1: rules #1 derive childless
        rule #0 kids (stratum 0, slots $0 $1 $n):
          initial:
            scan person bind $0:0 $1:1
            let $n = COUNT(parent($0, ?) via i0 memo m0)
            emit kids($0, $n)
        rule #1 childless (stratum 1, slots $0 $1):
          initial:
            scan person bind $0:0 $1:1
            not parent via i0 = ($0)
            not kids
            not parent contains ($0, $0)
            emit childless($0)
        solve rules < 2
        result SUM(kids(?, ?))
        ",
    );
}

#[test]
fn strata_split_a_rules_heads_only_when_a_non_monotone_read_needs_it() {
    // r1 derives a and b; r2 reads a through NOT; r3 derives b again from c: the heads
    // of r1 cannot share a stratum with r3's (docs/decisions.md 202).
    let printed = ir("REL p\nREL a\nREL b\nREL c\nREL q\n\
                      RULE r1: SCAN p, EMIT a $0, EMIT b $0\n\
                      RULE r2: SCAN q, NOT a $0, EMIT c $0\n\
                      RULE r3: SCAN c, EMIT b $0\nSOLVE\n");
    let strata: Vec<&str> = printed
        .lines()
        .filter(|l| l.starts_with("stratum"))
        .collect();
    assert_eq!(
        strata,
        [
            "stratum 0: rules #0 derive a b",
            "stratum 1: rules #1 derive c",
            "stratum 2: rules #2 derive b"
        ]
    );
}
