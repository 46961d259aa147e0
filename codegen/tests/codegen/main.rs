//! Code generator tests: the module of every IR construct validates (wasmparser) and
//! prints as WAT; a tiny program's WAT matches its golden file (`BLESS=1` rewrites
//! it); invalid IR is an error, never a panic.

mod imports;

use bytelogic_codegen::{CodegenError, compile as codegen, wat};
use bytelogic_engine::ir::{Program, RelId, Step};
use bytelogic_engine::{Limits, compile};

fn program(source: &str) -> Program {
    let compiled = compile(source, &Limits::default());
    compiled
        .program
        .unwrap_or_else(|| panic!("front end rejected it: {:?}", compiled.diagnostics))
}

/// Compiles, validates and prints `source`; returns the WAT.
fn checked(source: &str) -> String {
    let wasm = codegen(&program(source)).expect("compiles").wasm;
    wasmparser::validate(&wasm).unwrap_or_else(|e| panic!("invalid module for {source:?}: {e}"));
    wat(&wasm).expect("prints")
}

#[test]
fn every_construct_emits_a_valid_module() {
    let constructs = [
        "REL p\nFACT p a b",
        "REL p\nFACT p 1\nQUERY p ?\nQUERY p 1\nREL q\nFACT q 1 2 3\nQUERY q ? 2 ?",
        "REL e\nREL t\nRULE t: SCAN e, EMIT t $0 $1\nRULE t: SCAN t, JOIN e $1, EMIT t $0 $2\nSOLVE",
        "REL e\nREL g\nRULE g: SCAN e MATCH $0, JOIN e $0, EMIT g $1 $2\nSOLVE",
        "REL n\nRULE n: SCAN n, LET $m = $0 + 1, WHERE $m < 10, EMIT n $m\nSOLVE",
        "REL k\nRULE k: EMIT k 1 x\nSOLVE",
        "RESULT 1 + 2 - 3 * 4 / 5 % 6\nRESULT 1 < 2 AND 2 <= 3 OR NOT 3 > 4\nRESULT (1 >= 1) == 1\nRESULT 1 != 0",
        "RESULT -(2.5)\nRESULT \"a\" + \"b\"\nRESULT LENGTH(\"ab\")\nRESULT CHAR_AT(\"ab\", 1)",
        "RESULT ABS(-1)\nRESULT MIN(1, 2)\nRESULT MAX(1, 2)\nRESULT POW(2, 3)\nRESULT SQRT(4)",
        "RESULT SIN(1) + COS(1) + TAN(1) + ASIN(1) + ACOS(1) + ATAN(1)",
        "RESULT LOG(1) + LOG10(1) + EXP(1) + FLOOR(1.5) + CEIL(1.5) + ROUND(1.5) + ROUND(1.55, 1)",
        "LET $g = 1\nRESULT $g",
        "CALC f\nINPUT $n\nIF $n < 1 THEN RESULT 0 ELSE RESULT CALC f($n - 1) END\nEND\nRESULT CALC f(3)",
        "CALC f\nFOR $i IN RANGE(0, 9, 2)\nIF $i == 4 THEN BREAK END\nCONTINUE\nEND\nRESULT $i\nEND\nRESULT CALC f()",
        "CALC f\nLET $i = 0\nFOR WHILE $i < 3\nLET $i = $i + 1\nEND\nRESULT $i\nEND\nRESULT CALC f()",
        "REL r\nFACT r 1 2\nCALC f\nFOR t IN (QUERY r ? ?)\nRESULT t.a + t.b\nEND\nRESULT 0\nEND\nRESULT CALC f()",
    ];
    for source in constructs {
        checked(source);
    }
}

#[test]
fn imports_only_the_math_the_program_uses() {
    let wat = checked("RESULT SIN(1) + 5 % 2");
    let imports: Vec<&str> = wat.lines().filter(|l| l.contains("(import ")).collect();
    assert_eq!(imports.len(), 2, "{imports:?}");
    assert!(imports.iter().any(|l| l.contains("\"env\" \"sin\"")));
    assert!(imports.iter().any(|l| l.contains("\"env\" \"fmod\"")));
    assert!(!checked("RESULT 1 + 1").contains("(import "));
}

#[test]
fn tiny_program_matches_golden_wat() {
    let wat = checked("REL p\nFACT p a\nQUERY p ?\nRESULT 1 + 2");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/tiny.wat");
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("golden dir")).expect("mkdir");
        std::fs::write(&path, &wat).expect("write golden");
    }
    let golden = std::fs::read_to_string(&path).expect("golden file (run with BLESS=1)");
    assert!(
        golden == wat,
        "WAT differs from {} (BLESS=1 to update)",
        path.display()
    );
}

#[test]
fn invalid_ir_is_an_error_not_a_panic() {
    let mut p = program("REL p\nFACT p 1");
    if let Some(Step::Fact { rel, .. }) = p.steps.first_mut() {
        *rel = RelId(7);
    }
    assert!(matches!(codegen(&p), Err(CodegenError::InvalidIr(_))));
    let mut p = program("REL p\nFACT p 1");
    if let Some(Step::Fact { args, .. }) = p.steps.first_mut() {
        args.clear();
    }
    assert!(matches!(codegen(&p), Err(CodegenError::InvalidIr(_))));
}
