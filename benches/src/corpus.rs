//! Corpus-sized programs: four representative programs copied from
//! `/work/shared/corpus/conformance.jsonl` (each file's first line names its id).

/// A named corpus program with the text rendering of its expected outputs.
#[derive(Clone, Copy, Debug)]
pub struct CorpusProgram {
    /// Short name used in bench ids and the report.
    pub name: &'static str,
    /// The ByteLogic source.
    pub source: &'static str,
}

/// The four corpus programs: a family program (grandparent through a key-first
/// MATCH), a recursive closure, a CALC loop, and a hybrid logic + CALC program.
pub const PROGRAMS: [CorpusProgram; 4] = [
    CorpusProgram {
        name: "family",
        source: include_str!("../programs/family.bl"),
    },
    CorpusProgram {
        name: "closure",
        source: include_str!("../programs/closure.bl"),
    },
    CorpusProgram {
        name: "calc_loop",
        source: include_str!("../programs/calc_loop.bl"),
    },
    CorpusProgram {
        name: "hybrid",
        source: include_str!("../programs/hybrid.bl"),
    },
];
