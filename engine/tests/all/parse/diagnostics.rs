//! One test per diagnostic the parser emits: code, position, and message; and
//! recovery (every independent error, in source order).

use super::{at, diags, expect_codes, tree};
use bytelogic_engine::parser::parse;
use bytelogic_engine::{Code, Severity};

#[test]
fn e101_unterminated_string_then_parsing_goes_on() {
    let src = "FACT r \"abc\nREL a";
    let d = expect_codes(src, &[Code::E101]);
    assert_eq!(d[0].span.start, at(src, "\""));
    assert_eq!(d[0].span.end, at(src, "\n"));
    assert_eq!(
        super::sexp::program(&parse(src).0),
        "(fact r \"abc\")\n(rel a)"
    );
}

#[test]
fn e102_unknown_keyword_with_did_you_mean() {
    let src = "REL parent\nFACTS parent a b\nSOLVE";
    let d = expect_codes(src, &[Code::E102]);
    assert_eq!(d[0].span.start, at(src, "FACTS"));
    assert_eq!(d[0].message, "unknown statement keyword `FACTS`");
    assert_eq!(d[0].label.as_deref(), Some("did you mean `FACT`?"));
    assert!(d[0].hint.is_some());
    assert_eq!(parse(src).0.stmts.len(), 2);
}

#[test]
fn e102_every_misspelled_statement_is_reported() {
    let got = diags("FACTS r a\nQUERRY r ?\nsovle");
    let codes: Vec<Code> = got.iter().map(|d| d.0).collect();
    assert_eq!(codes, [Code::E102, Code::E102, Code::E102]);
}

#[test]
fn e102_top_level_only_statement_in_a_calc_closes_it() {
    let src = "CALC f\nINPUT $x\nRESULT $x\nFACT r 1\nQUERY r ?";
    let d = expect_codes(src, &[Code::E102]);
    assert_eq!(d[0].span.start, at(src, "FACT"));
    assert!(
        d[0].message.contains("not allowed inside a CALC"),
        "{}",
        d[0].message
    );
    // The rest of the program is parsed at top level, not swallowed by the CALC.
    assert_eq!(
        super::sexp::program(&parse(src).0),
        "(fact r 1)\n(query r ?)"
    );
}

#[test]
fn e102_input_not_first_and_block_words_at_top_level() {
    let src = "CALC f\nLET $a = 1\nINPUT $x\nRESULT $a\nEND";
    let d = expect_codes(src, &[Code::E102]);
    assert_eq!(d[0].span.start, at(src, "INPUT"));
    // Recovery skips to the next top-level statement, so the END is not reported again.
    let d = expect_codes("IF 1 THEN\nEND", &[Code::E102]);
    assert_eq!(d[0].span.start, 0);
}

#[test]
fn e103_unexpected_character_and_stray_backslash() {
    let src = "REL a @\nREL b \\ c\nREL d";
    let d = expect_codes(src, &[Code::E103, Code::E103]);
    assert_eq!(d[0].span.start, at(src, "@"));
    assert!(
        d[0].message.contains("found character `@`"),
        "{}",
        d[0].message
    );
    assert_eq!(d[1].span.start, at(src, "\\"));
    assert!(d[1].message.contains("stray backslash"), "{}", d[1].message);
}

#[test]
fn e103_bad_escape_in_string() {
    let src = "FACT r \"a\\qb\"";
    let d = expect_codes(src, &[Code::E103]);
    assert_eq!(
        (d[0].span.start, d[0].span.end),
        (at(src, "\\q"), at(src, "\\q") + 2)
    );
    assert!(d[0].message.contains("`\\q`"), "{}", d[0].message);
}

#[test]
fn e103_names_expected_and_found() {
    let src = "FACT , a";
    let d = expect_codes(src, &[Code::E103]);
    assert_eq!(
        d[0].message,
        "expected a relation name after FACT, found `,`"
    );
    assert_eq!(d[0].span.start, at(src, ","));
}

#[test]
fn e103_spaced_minus_in_fact_is_not_a_sign() {
    let src = "FACT r 5 - 3";
    let d = expect_codes(src, &[Code::E103]);
    assert_eq!(d[0].span.start, at(src, "-"));
}

#[test]
fn e103_rule_without_emit_points_at_the_end_of_the_rule() {
    let src = "RULE r: SCAN a\nSOLVE";
    let d = expect_codes(src, &[Code::E103]);
    assert_eq!(d[0].span.start, at(src, "\n"));
    assert!(d[0].message.contains("has no EMIT"), "{}", d[0].message);
    assert!(
        d[0].message.contains("found end of line"),
        "{}",
        d[0].message
    );
}

#[test]
fn e103_clause_after_emit() {
    let src = "RULE r: SCAN a, EMIT r $0, JOIN b $0";
    let d = expect_codes(src, &[Code::E103]);
    assert_eq!(d[0].span.start, at(src, "JOIN"));
    assert!(
        d[0].message
            .starts_with("expected EMIT, found keyword `JOIN`"),
        "{}",
        d[0].message
    );
}

#[test]
fn e103_comparisons_do_not_chain() {
    let src = "RESULT 1 < 2 < 3";
    let d = expect_codes(src, &[Code::E103]);
    assert_eq!(d[0].span.start, 13);
}

#[test]
fn e103_break_outside_a_loop() {
    let src = "CALC f\nIF 1 THEN BREAK END\nFOR WHILE 1\n BREAK\nEND\nRESULT 1\nEND\nCONTINUE";
    let d = expect_codes(src, &[Code::E103, Code::E103]);
    assert_eq!(d[0].span.start, at(src, "BREAK"));
    assert_eq!(d[1].span.start, at(src, "CONTINUE"));
}

#[test]
fn e103_missing_end_at_end_of_input_points_at_the_end() {
    let src = "CALC f\nFOR WHILE 1\nRESULT 1\n";
    let d = expect_codes(src, &[Code::E103]);
    assert_eq!(d[0].span.start, src.len() as u32);
    assert_eq!(
        d[0].message,
        "expected END to close FOR, found end of input"
    );
}

#[test]
fn e104_deep_parentheses_once() {
    let src = format!("RESULT {}1{}\nRESULT 2", "(".repeat(300), ")".repeat(300));
    let d = expect_codes(&src, &[Code::E104]);
    assert_eq!(d[0].span.start, 7 + 256);
    assert_eq!(tree_of_valid_tail(&src), "(result 2)");
}

#[test]
fn e104_deep_blocks_once() {
    let n = 300;
    let src = format!(
        "CALC f\n{}RESULT 1\n{}END\nRESULT 2",
        "IF 1 THEN\n".repeat(n),
        "END\n".repeat(n)
    );
    let d = expect_codes(&src, &[Code::E104]);
    // The CALC body is level 1, so the 256th IF is one too many.
    assert_eq!(d[0].span.start, 7 + 10 * 255);
    // A CALC with an error inside keeps its name, with an empty body.
    assert_eq!(tree_of_valid_tail(&src), "(calc f ())\n(result 2)");
}

#[test]
fn exactly_256_levels_are_fine() {
    let src = format!("RESULT {}1{}", "(".repeat(256), ")".repeat(256));
    expect_codes(&src, &[]);
}

#[test]
fn e202_integer_out_of_range() {
    let src = "RESULT -9223372036854775808";
    let d = expect_codes(src, &[Code::E202]);
    assert_eq!((d[0].span.start, d[0].span.end), (8, src.len() as u32));
    expect_codes("FACT r 9223372036854775808", &[Code::E202]);
}

#[test]
fn e205_float_overflow() {
    let src = "LET $x = 1.5e309";
    let d = expect_codes(src, &[Code::E205]);
    assert_eq!(d[0].span.start, at(src, "1.5"));
    expect_codes("LET $x = 1e-400", &[]);
}

#[test]
fn e309_emit_in_a_calc() {
    let src = "CALC f\nEMIT r 1\nRESULT 1\nEND";
    let d = expect_codes(src, &[Code::E309]);
    assert_eq!(d[0].span.start, at(src, "EMIT"));
}

#[test]
fn w001_once_at_the_first_escaped_newline() {
    let src = "REL a\\nFACT a x\\nQUERY a ?";
    let (program, d) = parse(src);
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].code, d[0].severity), (Code::W001, Severity::Warning));
    assert_eq!((d[0].span.start, d[0].span.end), (5, 7));
    assert_eq!(program.stmts.len(), 3);
}

#[test]
fn recovery_reports_independent_errors_in_source_order() {
    let src = "REL a\nFACT a (x)\nRULE r: SCAN a\nLET $x = = 1\nFACTS a b\nQUERY a ?";
    let got = diags(src);
    let codes: Vec<Code> = got.iter().map(|d| d.0).collect();
    assert_eq!(codes, [Code::E103, Code::E103, Code::E103, Code::E102]);
    assert!(got.windows(2).all(|w| w[0].1 <= w[1].1));
    assert_eq!(tree_of_valid_tail(src), "(rel a)\n(query a ?)");
}

#[test]
fn recovery_inside_a_calc_keeps_the_blocks_matched() {
    let src = "CALC f\nLET $x = = 1\nIF $x > THEN\n LET $y = 1\nELSE\n LET $y = 2\nEND\n\
               FOR $i IN RANGE(1)\n LET $z = )\nEND\nRESULT $x\nEND\nRESULT CALC f()";
    let got = diags(src);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(got.iter().all(|d| d.0 == Code::E103));
    assert_eq!(
        tree_of_valid_tail(src),
        "(calc f ())\n(result (calc-call f))"
    );
}

#[test]
fn a_stray_statement_inside_a_calc_is_skipped_when_the_calc_closes_later() {
    let src = "REL r\nCALC f\nINPUT $x\nFACT r 1\nRESULT $x\nEND\nRESULT CALC f(1)";
    let d = expect_codes(src, &[Code::E102]);
    assert_eq!(d[0].span.start, at(src, "FACT"));
    // Without a closing END, the CALC ends before the statement, which then runs at top level.
    let src = "REL r\nCALC f\nINPUT $x\nRESULT $x\nFACT r 1\nQUERY r ?";
    expect_codes(src, &[Code::E102]);
    assert_eq!(tree_of_valid_tail(src), "(rel r)\n(fact r 1)\n(query r ?)");
}

/// The tree of the statements that parsed, whatever the diagnostics.
fn tree_of_valid_tail(src: &str) -> String {
    super::sexp::program(&parse(src).0)
}

#[test]
fn keywords_in_expressions_are_not_atoms() {
    let d = expect_codes("LET $x = end", &[Code::E103]);
    assert!(d[0].hint.as_deref().is_some_and(|h| h.contains("\"end\"")));
    assert_eq!(tree("LET $x = \"end\""), "(let $x \"end\")");
}
