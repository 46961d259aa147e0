//! A lower bound of a program's module size, read from the rule IR before anything
//! is generated (docs/decisions.md 109): a program whose module would be refused for
//! its size ([`MAX_MODULE_BYTES`]) is refused without generating it. One
//! FACT of 255,000 columns is a 1 MB source but a 188 MB module (every helper that
//! handles a tuple of a relation is unrolled for its arity), and one expression of
//! 170,000 terms a 10 MB one; both were generated in full, in seconds, before the
//! size check refused them.

use crate::error::CodegenError;
use bytelogic_engine::ir::{Op, Program, Step};

/// The largest module `compile` returns. Cranelift takes about 1.3 s per MiB of our
/// code on a 2-core machine (far more than the interpreter needs for any program of
/// that size), so a larger program is `Unsupported` and `Auto` interprets it.
pub const MAX_MODULE_BYTES: usize = 1 << 20;

/// The refusal of a module of `bytes` bytes; `bound` is how they are known
/// (`"at least "`, `"more than "` or `""` for the module's own size).
pub(crate) fn too_large(bound: &str, bytes: usize) -> CodegenError {
    CodegenError::Unsupported(format!(
        "the module would be {bound}{} KiB (at most {} KiB compile in bounded time)",
        bytes / 1024,
        MAX_MODULE_BYTES / 1024
    ))
}

/// Bytes of code at least per column of a relation that tuples are inserted into:
/// its insertion, hashing and comparison helpers are unrolled per column (about 680
/// bytes a column measured; `tests::the_bound_is_below_every_module`).
const COLUMN_BYTES: usize = 256;
/// Bytes at least per expression node (about 60 measured for a chain of additions),
/// or per constant value of a FACT (16 in a table of rows, decision 81).
const NODE_BYTES: usize = 16;
/// Bytes at least per rule plan: each is a function with its loops and calls.
const PLAN_BYTES: usize = 64;

/// A size the module of `program` has at least.
pub(crate) fn at_least(program: &Program) -> usize {
    let mut nodes = 0;
    crate::walk::exprs(program, &mut |_| nodes += 1);
    // (An id out of range is the code generator's to report, as invalid IR.)
    let mut inserted = vec![false; program.relations.len()];
    let mut insert = |rel: usize| inserted.get_mut(rel).map(|flag| *flag = true);
    for step in &program.steps {
        if let Step::Fact { rel, .. } = step {
            insert(rel.index());
        }
    }
    for op in program.rules.iter().flat_map(|r| &r.initial.ops) {
        if let Op::Emit { rel, .. } = op {
            insert(rel.index());
        }
    }
    let columns: usize = (program.relations.iter().zip(&inserted))
        .filter(|(_, inserted)| **inserted)
        .map(|(r, _)| r.arity as usize)
        .sum();
    let plans: usize = program.rules.iter().map(|r| 1 + r.deltas.len()).sum();
    nodes * NODE_BYTES + columns * COLUMN_BYTES + plans * PLAN_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytelogic_engine::{Limits, compile};

    fn program(source: &str) -> Program {
        // The front end's time counts against the limit; an unoptimized build is slow.
        let limits = Limits {
            timeout_ms: 60_000,
            ..Limits::default()
        };
        compile(source, &limits)
            .program
            .expect("front end accepts it")
    }

    #[test]
    fn the_bound_is_below_every_module() {
        let wide: Vec<String> = (0..1500).map(|i| i.to_string()).collect();
        let terms = vec!["$x"; 4000].join(" + ");
        let sources = [
            "RESULT 1".to_string(),
            format!("REL r\nFACT r {}\n", wide.join(" ")),
            format!("REL r\nFACT r 1 2\nREL s\nRULE s: SCAN r, EMIT s {}\nSOLVE\n", "$0 ".repeat(300)),
            format!("CALC f\nINPUT $x\nRESULT {terms}\nEND\nRESULT CALC f(1)\n"),
            format!("LET $x = 2\nRESULT {terms}\n"),
            (0..500).map(|i| format!("REL e\nFACT e {i} {}\n", i + 1)).collect(),
            "REL e\nREL p\nRULE p: SCAN e, EMIT p $0 $1\nRULE p: SCAN e, JOIN p $1, EMIT p $0 $2\nSOLVE\nQUERY p ? ?"
                .to_string(),
            "CALC f\nINPUT $n\nFOR $i IN RANGE(0, $n)\nIF $i > 2 THEN BREAK END\nEND\nFOR WHILE $n > 0\nLET $n = $n - 1\nEND\nRESULT $n\nEND\nRESULT CALC f(3)".to_string(),
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../engine/tests/cases");
        let cases = std::fs::read_dir(&root).into_iter().flatten().flatten();
        let files = cases.flat_map(|dir| {
            std::fs::read_dir(dir.path())
                .into_iter()
                .flatten()
                .flatten()
        });
        let mut checked = 0;
        for source in sources
            .into_iter()
            .chain(files.filter_map(|f| std::fs::read_to_string(f.path()).ok()))
        {
            let Some(p) = compile(&source, &Limits::default()).program else {
                continue;
            };
            let Ok(module) = crate::compile(&p) else {
                continue;
            };
            let bound = at_least(&p);
            assert!(
                bound <= module.wasm.len(),
                "{bound} > {} for\n{source}",
                module.wasm.len()
            );
            checked += 1;
        }
        assert!(checked > 100, "only {checked} programs compiled");
    }

    #[test]
    fn a_wide_fact_is_refused_before_it_is_generated() {
        let wide: Vec<String> = (0..255_000).map(|i| (i % 10).to_string()).collect();
        let p = program(&format!("REL r\nFACT r {}\n", wide.join(" ")));
        assert!(at_least(&p) > MAX_MODULE_BYTES);
        // Only the bound says "at least": the module was not generated.
        let refusal = crate::compile(&p).expect_err("too large");
        assert!(refusal.to_string().contains("at least"), "{refusal}");
    }
}
