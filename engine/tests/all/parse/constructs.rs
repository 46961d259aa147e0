//! One test per construct: the tree the parser builds (see `sexp`), and spans.

use super::{at, parse_ok, tree};
use bytelogic_engine::ast::{ExprKind, StmtKind};
use bytelogic_engine::parser::parse;

#[test]
fn rel_solve_and_keywords_in_any_case() {
    assert_eq!(
        tree("REL parent\nrel Child\nSolve"),
        "(rel parent)\n(rel Child)\n(solve)"
    );
}

#[test]
fn fact_values() {
    assert_eq!(
        tree("FACT r alice \"Bob x\" 42 2.5 $g 1e3"),
        "(fact r alice \"Bob x\" 42 2.5 $g 1000.0)"
    );
}

#[test]
fn fact_words_are_atoms_even_keywords() {
    assert_eq!(
        tree("FACT has_property iris end\nFACT r SOLVE"),
        "(fact has_property iris end)\n(fact r SOLVE)"
    );
}

#[test]
fn minus_before_a_number_in_arguments_is_a_sign() {
    assert_eq!(tree("FACT r 5-3 -4"), "(fact r 5 -3 -4)");
    assert_eq!(tree("RESULT 5-3"), "(result [5 - 3])");
}

#[test]
fn i64_min_in_an_argument_list() {
    assert_eq!(
        tree("FACT r -9223372036854775808"),
        "(fact r -9223372036854775808)"
    );
}

#[test]
fn line_break_ends_fact_and_query_arguments() {
    assert_eq!(
        tree("FACT r a\nFACT r b c\nQUERY r ?\nSOLVE"),
        "(fact r a)\n(fact r b c)\n(query r ?)\n(solve)"
    );
}

#[test]
fn query_arguments() {
    assert_eq!(
        tree("QUERY parent alice ? $x 3 \"s\""),
        "(query parent alice ? $x 3 \"s\")"
    );
}

#[test]
fn escaped_newline_is_a_line_break() {
    let (p, d) = parse("\\nREL a\\nFACT a x\\nQUERY a ?\\n");
    assert_eq!(super::sexp::program(&p), "(rel a)\n(fact a x)\n(query a ?)");
    assert_eq!(d.len(), 1);
}

#[test]
fn comments() {
    assert_eq!(
        tree("REL a ; one\n// two\n# three\nFACT a x # four"),
        "(rel a)\n(fact a x)"
    );
}

#[test]
fn top_level_let_and_result() {
    assert_eq!(
        tree("LET $x = 1 + 2\nRESULT $x * 3"),
        "(let $x [1 + 2])\n(result [$x * 3])"
    );
}

#[test]
fn rule_clauses() {
    assert_eq!(
        tree(
            "RULE gp: SCAN parent MATCH $0, JOIN parent $0, LET $n = $1 + 1, WHERE $n > 2, EMIT gp $1 $2 bob \"s\" -1 (1 + $n) ABS($n) CALC f($n)"
        ),
        "(rule gp (scan parent $0) (join parent $0) (let $n [$1 + 1]) (where [$n > 2]) \
         (emit gp $1 $2 bob \"s\" -1 (paren [1 + $n]) (call ABS $n) (calc-call f $n)))"
    );
}

#[test]
fn rule_over_several_lines_with_end() {
    assert_eq!(
        tree("RULE r:\n  SCAN a,\n  EMIT r $0,\n  EMIT s $0\nEND\nSOLVE"),
        "(rule r (scan a) (emit r $0) (emit s $0))\n(solve)"
    );
    assert_eq!(
        tree("RULE r: SCAN a, EMIT r $0 END"),
        "(rule r (scan a) (emit r $0))"
    );
    assert_eq!(
        tree("RULE r: SCAN a, EMIT r $0 end"),
        "(rule r (scan a) (emit r $0))"
    );
}

#[test]
fn emit_words_are_atoms_but_a_spaced_paren_is_an_expression() {
    assert_eq!(
        tree("RULE r: EMIT r SOLVE ABS ($0)"),
        "(rule r (emit r SOLVE ABS (paren $0)))"
    );
}

#[test]
fn calc_definition() {
    assert_eq!(
        tree("CALC add\nINPUT $a $b\nLET $c = $a + $b\nRESULT $c\nEND\nRESULT CALC add(1, 2)"),
        "(calc add ($a $b) (let $c [$a + $b]) (result $c))\n(result (calc-call add 1 2))"
    );
    assert_eq!(
        tree("CALC f\nRESULT 1\nEND\nRESULT CALC f()"),
        "(calc f () (result 1))\n(result (calc-call f))"
    );
}

#[test]
fn if_else_and_one_line_if() {
    assert_eq!(
        tree(
            "CALC f\nINPUT $x\nIF $x > 1 THEN\n RESULT 1\nELSE\n RESULT 2\nEND\nIF $x == \"a\" THEN LET $x = $x + 1 END\nRESULT $x\nEND"
        ),
        "(calc f ($x) (if [$x > 1] (then (result 1)) (else (result 2))) \
         (if [$x == \"a\"] (then (let $x [$x + 1]))) (result $x))"
    );
}

#[test]
fn for_range_while_and_query() {
    assert_eq!(
        tree(
            "CALC f\nFOR $i IN RANGE(0, LENGTH($w), 2)\n BREAK\nEND\nFOR WHILE $i < 3\n CONTINUE\nEND\n\
              FOR t IN (QUERY r ? t.a $x -1 \"s\" ABS(1) (2))\n LET $s = t.b\nEND\nRESULT 0\nEND"
        ),
        "(calc f () (for $i 0 (call LENGTH $w) 2 (break)) (while [$i < 3] (continue)) \
         (forq t (r ? t.a $x -1 \"s\" (call ABS 1) (paren 2)) (let $s t.b)) (result 0))"
    );
}

#[test]
fn for_query_may_span_lines() {
    assert_eq!(
        tree("CALC f\nFOR t IN (QUERY r\n ? ?)\nEND\nRESULT 0\nEND"),
        "(calc f () (forq t (r ? ?)) (result 0))"
    );
}

#[test]
fn precedence() {
    assert_eq!(
        tree("RESULT 1 + 2 * 3 - 4 / 5 % 6 MOD 7"),
        "(result [1 + [2 * 3] - [4 / 5 % 6 % 7]])"
    );
    assert_eq!(
        tree("RESULT NOT $a = 1 AND $b <> 2 OR $c != 3"),
        "(result [[(not [$a == 1]) AND [$b != 2]] OR [$c != 3]])"
    );
    assert_eq!(tree("RESULT - - 3 * -$x"), "(result [(- - 3) * (- $x)])");
    assert_eq!(tree("RESULT NOT NOT 1 < 2"), "(result (not not [1 < 2]))");
    assert_eq!(
        tree("RESULT 2 <= 3 and 1 >= 0 or 1 > 0"),
        "(result [[[2 <= 3] AND [1 >= 0]] OR [1 > 0]])"
    );
}

#[test]
fn primaries() {
    assert_eq!(
        tree("RESULT (atom) + \"q\\\"\\n\" + SQRT ($x) + sqrt(2) + CALC f (1, 2) + t.col + $01"),
        "(result [(paren atom) + \"q\\\"\\n\" + (call SQRT $x) + (call sqrt 2) + (calc-call f 1 2) + t.col + $1])"
    );
}

#[test]
fn expressions_continue_over_line_breaks() {
    assert_eq!(
        tree("LET $x = 1 +\n 2\nRESULT $x"),
        "(let $x [1 + 2])\n(result $x)"
    );
}

#[test]
fn long_sums_are_flat_chains() {
    let n = 100_000;
    let src = format!("RESULT {}", vec!["1"; n].join(" + "));
    let program = parse_ok(&src);
    let StmtKind::Result(e) = &program.stmts[0].kind else {
        panic!("not a RESULT")
    };
    let ExprKind::Chain { rest, .. } = &e.kind else {
        panic!("not a chain")
    };
    assert_eq!(rest.len(), n - 1);
}

#[test]
fn many_prefix_operators_are_one_list() {
    let src = format!("RESULT {}1", "- ".repeat(100_000));
    let program = parse_ok(&src);
    let StmtKind::Result(e) = &program.stmts[0].kind else {
        panic!("not a RESULT")
    };
    let ExprKind::Prefix { ops, .. } = &e.kind else {
        panic!("not a prefix")
    };
    assert_eq!(ops.len(), 100_000);
}

#[test]
fn spans_are_byte_accurate() {
    let src = "REL r\nFACT r \"é\" 12\nRULE x: SCAN r, EMIT x $0 (1 + 2)\nRESULT CALC f(1) * 2";
    let p = parse_ok(src);
    let text = |s: bytelogic_engine::Span| &src[s.start as usize..s.end as usize];
    assert_eq!(text(p.stmts[1].span), "FACT r \"é\" 12");
    let StmtKind::Fact { args, .. } = &p.stmts[1].kind else {
        panic!()
    };
    assert_eq!(text(args[1].span), "12");
    assert_eq!(text(p.stmts[2].span), "RULE x: SCAN r, EMIT x $0 (1 + 2)");
    let StmtKind::Rule(rule) = &p.stmts[2].kind else {
        panic!()
    };
    assert_eq!(text(rule.clauses[1].span), "EMIT x $0 (1 + 2)");
    let StmtKind::Result(e) = &p.stmts[3].kind else {
        panic!()
    };
    assert_eq!(text(e.span), "CALC f(1) * 2");
    assert_eq!(e.span.start, at(src, "CALC"));
}

#[test]
fn byte_order_mark_and_crlf() {
    assert_eq!(tree("\u{FEFF}REL a\r\nFACT a x\r\n"), "(rel a)\n(fact a x)");
}

#[test]
fn not_clause_arguments() {
    assert_eq!(
        tree("RULE r: SCAN p, NOT q $0 ? -3 \"s\" ABS($0) (1 + 2) CALC f($0), EMIT r $0"),
        "(rule r (scan p) (not q $0 ? -3 \"s\" (call ABS $0) (paren [1 + 2]) (calc-call f $0)) \
         (emit r $0))"
    );
    // The list ends at a line break and at END, as EMIT's does (spec §9.1).
    assert_eq!(
        tree("RULE r: SCAN p, NOT q $0\n, EMIT r $0 END"),
        "(rule r (scan p) (not q $0) (emit r $0))"
    );
}

#[test]
fn aggregates_in_expressions_and_argument_lists() {
    assert_eq!(
        tree("RESULT count(QUERY r ? a) + MIN(1, 2) + max(QUERY r\n  ? ?\n)"),
        "(result [(aggregate count r ? a) + (call MIN 1 2) + (aggregate max r ? ?)])"
    );
    assert_eq!(
        tree("RULE k: SCAN p, EMIT k $0 COUNT(QUERY p $0 ?) Sum (QUERY p ? ?)"),
        "(rule k (scan p) (emit k $0 (aggregate COUNT p $0 ?) (aggregate Sum p ? ?)))"
    );
}

#[test]
fn a_spaced_aggregate_name_without_query_stays_an_atom() {
    // spec §9.2: `count (1)` in an argument list is the atom count and (1), as in version 1.
    assert_eq!(
        tree("RULE k: SCAN p, EMIT k count (1) MEAN ($0)"),
        "(rule k (scan p) (emit k count (paren 1) MEAN (paren $0)))"
    );
    assert_eq!(tree("RESULT count"), "(result count)");
}
