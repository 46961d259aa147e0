//! Corpus-sized programs: four representative rows of the conformance corpus
//! (docs/testing.md), read from `$BYTELOGIC_CORPUS/conformance.jsonl` (by default
//! `../shared/corpus` beside the checkout) when the benchmarks start. The corpus is
//! not ours, so it is never copied into this project.

use bytelogic_testkit::read_corpus;

/// A named corpus program.
#[derive(Clone, Debug)]
pub struct CorpusProgram {
    /// Short name used in bench ids and the report.
    pub name: &'static str,
    /// The row's id in `conformance.jsonl`.
    pub id: &'static str,
    /// The ByteLogic source.
    pub source: String,
}

/// The short names and corpus ids of the four programs: a family program
/// (grandparent through a key-first MATCH), a recursive closure, a CALC loop, and a
/// hybrid logic + CALC program.
pub const CHOSEN: [(&str, &str); 4] = [
    ("family", "parts/corrected_bytelogic_dataset:train#211"),
    ("closure", "parts/comprehensive_bytelogic_dataset:train#0"),
    (
        "calc_loop",
        "parts/comprehensive_bytelogic_dataset:train#27",
    ),
    (
        "hybrid",
        "comprehensive_bytelogic_dataset_with_natural_language:test#119",
    ),
];

/// `conformance.jsonl`, or `None` after a notice that the corpus rows are skipped.
fn conformance() -> Option<String> {
    read_corpus("conformance.jsonl")
        .map_err(|reason| eprintln!("notice: the corpus rows are skipped: {reason}"))
        .ok()
}

/// The four programs of [`CHOSEN`], or an empty list (after a notice) when the corpus
/// is absent. Panics when the corpus is there but a chosen row is not.
pub fn programs() -> Vec<CorpusProgram> {
    let Some(text) = conformance() else {
        return Vec::new();
    };
    let rows: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect();
    CHOSEN
        .iter()
        .map(|&(name, id)| {
            let row = rows
                .iter()
                .find(|row| row["id"] == id)
                .unwrap_or_else(|| panic!("conformance.jsonl has no row {id}"));
            CorpusProgram {
                name,
                id,
                source: row["program"].as_str().expect("a program").to_string(),
            }
        })
        .collect()
}

/// The first `n` distinct programs of `conformance.jsonl` (fewer when it has fewer),
/// in file order; empty (after a notice) when the corpus is absent.
pub fn distinct_programs(n: usize) -> Vec<String> {
    let Some(text) = conformance() else {
        return Vec::new();
    };
    let mut seen = std::collections::HashSet::new();
    text.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|row| row["program"].as_str().map(str::to_string))
        .filter(|program| seen.insert(program.clone()))
        .take(n)
        .collect()
}
