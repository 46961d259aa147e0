//! No input panics, overflows the stack or takes more than linear time: deep
//! nesting, huge lines, random bytes and random token soup.

use bytelogic_engine::Code;
use bytelogic_engine::parser::parse;

/// Parses and checks the invariants every parse keeps: spans inside the source
/// and diagnostics in source order.
fn parse_checked(src: &str) -> Vec<Code> {
    let (_, diags) = parse(src);
    for d in &diags {
        assert!(
            d.span.start <= d.span.end && d.span.end as usize <= src.len(),
            "{d:?}"
        );
    }
    assert!(diags.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    diags.into_iter().map(|d| d.code).collect()
}

#[test]
fn hundred_thousand_nested_parentheses() {
    let n = 100_000;
    let src = format!("RESULT {}1{}\nRESULT 2", "(".repeat(n), ")".repeat(n));
    assert_eq!(parse_checked(&src), [Code::E104]);
    let unclosed = format!("LET $x = {}", "(".repeat(n));
    assert_eq!(parse_checked(&unclosed), [Code::E104]);
    let calls = format!("RESULT {}1{}", "ABS(".repeat(n), ")".repeat(n));
    assert_eq!(parse_checked(&calls), [Code::E104]);
}

#[test]
fn hundred_thousand_nested_blocks() {
    let n = 100_000;
    let ifs = format!(
        "CALC f\n{}RESULT 1\n{}END\nRESULT 2",
        "IF 1 THEN\n".repeat(n),
        "END\n".repeat(n)
    );
    assert_eq!(parse_checked(&ifs), [Code::E104]);
    let one_line = format!(
        "CALC f {} RESULT 1 {} END",
        "IF 1 THEN ".repeat(n),
        "END ".repeat(n)
    );
    assert_eq!(parse_checked(&one_line), [Code::E104]);
    let fors = format!("CALC f\n{}END", "FOR WHILE 1\n".repeat(n));
    let codes = parse_checked(&fors);
    assert_eq!(codes[0], Code::E104);
    let top = format!("{}RESULT 1\n{}", "IF 1 THEN\n".repeat(n), "END\n".repeat(n));
    assert_eq!(parse_checked(&top)[0], Code::E102);
}

#[test]
fn one_mebibyte_lines() {
    let mib = 1 << 20;
    let long_fact = format!("REL r\nFACT r {}", "a ".repeat(mib / 2));
    assert_eq!(parse_checked(&long_fact), []);
    let long_word = format!("FACT r {}", "w".repeat(mib));
    assert_eq!(parse_checked(&long_word), []);
    let long_string = format!("FACT r \"{}", "s".repeat(mib));
    assert_eq!(parse_checked(&long_string), [Code::E101]);
    let long_number = format!("RESULT {}", "9".repeat(mib));
    assert_eq!(parse_checked(&long_number), [Code::E202]);
    let long_sum = format!("RESULT 1{}", " + 1".repeat(mib / 4));
    assert_eq!(parse_checked(&long_sum), []);
    let junk = "@".repeat(mib);
    assert_eq!(parse_checked(&junk), [Code::E103]);
    let many_errors = "FACTS a b\n".repeat(mib / 10);
    assert!(parse_checked(&many_errors).iter().all(|&c| c == Code::E102));
    let unclosed_calcs = "CALC f\nLET $x = )\n".repeat(mib / 20);
    assert!(!parse_checked(&unclosed_calcs).is_empty());
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_bytes() {
    let mut rng = Rng(0x5EED_0001);
    for _ in 0..3000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let src = String::from_utf8_lossy(&bytes);
        parse_checked(&src);
    }
}

#[test]
fn random_token_soup() {
    const VOCAB: &[&str] = &[
        "REL",
        "FACT",
        "RULE",
        "SOLVE",
        "QUERY",
        "CALC",
        "LET",
        "RESULT",
        "INPUT",
        "IF",
        "THEN",
        "ELSE",
        "END",
        "FOR",
        "WHILE",
        "IN",
        "RANGE",
        "BREAK",
        "CONTINUE",
        "SCAN",
        "JOIN",
        "MATCH",
        "EMIT",
        "WHERE",
        "AND",
        "OR",
        "NOT",
        "MOD",
        "r",
        "t",
        "ABS",
        "$0",
        "$x",
        "1",
        "-2",
        "3.5",
        "1e999",
        "99999999999999999999",
        "\"s\"",
        "\"u",
        "?",
        ":",
        ",",
        "(",
        ")",
        ".",
        "+",
        "-",
        "*",
        "/",
        "%",
        "=",
        "==",
        "!=",
        "<>",
        "<",
        "<=",
        ">",
        ">=",
        "\\",
        "\\n",
        "\n",
        "\n",
        "\n",
        " ",
        "é",
        ";c\n",
        "\u{FEFF}",
    ];
    let mut rng = Rng(0x5EED_0002);
    for _ in 0..5000 {
        let len = rng.below(60);
        let src: String = (0..len)
            .map(|_| VOCAB[rng.below(VOCAB.len())])
            .collect::<Vec<_>>()
            .join(if rng.below(3) == 0 { "" } else { " " });
        parse_checked(&src);
    }
}
