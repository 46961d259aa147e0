//! Code generator tests: the module of every IR construct validates (wasmparser) and
//! prints as WAT, in both targets, with and without names; invalid IR is an error,
//! never a panic; the crate has no import cycle (`imports`). The golden WAT of each
//! helper and construct is checked by the crate's unit tests (`src/golden.rs`).

mod imports;

use bytelogic_codegen::{
    CodegenError, Target, compile as codegen, compile_for, compile_named, wat,
};
use bytelogic_engine::ir::{Program, RelId, Step};
use bytelogic_engine::{Limits, compile};
use wasmparser::{Validator, WasmFeatures};

/// The WebAssembly features `ABI.md` says a module uses: 1.0 (exported mutable
/// globals included), multi-value, bulk memory, saturating float-to-int.
const ABI_FEATURES: WasmFeatures = WasmFeatures::WASM1
    .union(WasmFeatures::MULTI_VALUE)
    .union(WasmFeatures::BULK_MEMORY)
    .union(WasmFeatures::SATURATING_FLOAT_TO_INT);

fn program(source: &str) -> Program {
    let compiled = compile(source, &Limits::default());
    compiled
        .program
        .unwrap_or_else(|| panic!("front end rejected it: {:?}", compiled.diagnostics))
}

/// Compiles, validates and prints `source` for both targets, with and without
/// names; returns the WAT of the quick module.
fn checked(source: &str) -> String {
    let program = program(source);
    for target in [Target::Quick, Target::LongRun] {
        let named = compile_named(&program, target).expect("compiles").wasm;
        Validator::new_with_features(ABI_FEATURES)
            .validate_all(&named)
            .unwrap_or_else(|e| panic!("invalid module for {source:?}: {e}"));
        let wasm = compile_for(&program, target).expect("compiles").wasm;

        assert!(
            named.len() > wasm.len() && named.starts_with(&wasm),
            "the named module is the module and its name section"
        );
        wat(&named).expect("prints");
    }
    let wasm = codegen(&program).expect("compiles").wasm;
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
fn the_name_section_names_every_function() {
    let source = "REL e\nREL t\nRULE t: SCAN e, EMIT t $0 $1\nSOLVE\nCALC f\nRESULT SIN(1)\nEND\nRESULT CALC f()";
    let named = compile_named(&program(source), Target::Quick).expect("compiles");
    let wat = wat(&named.wasm).expect("prints");
    for name in [
        "$run",
        "$solve",
        "$rule0:t:initial",
        "$calc:f",
        "$builtin:sin",
        "$sin",
    ] {
        assert!(
            wat.contains(&format!("(func {name} ")),
            "no {name} in\n{wat}"
        );
    }
    assert!(
        !checked(source).contains("(func $"),
        "the module the runtime runs has no names"
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
