//! `bytelogic generate`, `validate --fix` and `vocab --format hf`, through the binary:
//! generated rows validate, datasets are reproducible, every category comes in at least
//! two stages, and a repair restores corrupted answers and nothing else.

use super::{run, temp_file};
use bytelogic_runtime::conformance::raw_field;
use serde_json::Value as Json;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// `bytelogic generate args… -o FILE`: the file's text; fails on a non-zero exit.
fn generate(name: &str, args: &[&str]) -> (String, String) {
    let out = temp_file(name, b"");
    let mut all = vec!["generate", "-o", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let done = run(&all, b"");
    assert_eq!(done.code, 0, "{}", done.stderr);
    (
        std::fs::read_to_string(&out).expect("rows written"),
        done.stderr,
    )
}

fn rows(text: &str) -> Vec<Json> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON row"))
        .collect()
}

/// The CI step of issue 16: 2,000 generated rows, a tenth with mistakes, all validate
/// (on the default backend, so the compiled path runs every program too).
#[test]
fn two_thousand_generated_rows_validate() {
    let (text, stderr) = generate(
        "ci.jsonl",
        &["--count", "2000", "--seed", "16", "--errors", "0.1"],
    );
    assert!(stderr.starts_with("2000 rows (seed 16) in "), "{stderr}");
    assert!(stderr.contains("2000 distinct programs"), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let data = temp_file("ci-check.jsonl", text.as_bytes());
    let done = run(&["validate", data.to_str().unwrap()], b"");
    assert_eq!(done.code, 0, "{}", done.stdout);
    assert!(
        done.stdout.contains("2000 passed, 0 wrong, 0 errors"),
        "{}",
        done.stdout
    );
    let rows = rows(&text);
    let with_mistake = rows
        .iter()
        .filter(|r| r["expected_error"].is_string())
        .count();
    assert!((120..=280).contains(&with_mistake), "{with_mistake}");
    for r in &rows {
        let output = r["output"].as_str().unwrap();
        let program = r["computation"].as_str().unwrap();
        assert!(
            output.contains(&format!("<computation>\n{program}\n</computation>")),
            "{output}"
        );
        let token = match r["expected_error"].as_str() {
            Some(_) => format!("<error>{}</error>", r["expected_result"].as_str().unwrap()),
            None => format!(
                "<result>{}</result>",
                r["expected_result"].as_str().unwrap()
            ),
        };
        assert!(output.contains(&token), "{token} in {output}");
        assert!(!r["reasoning_steps"].as_array().unwrap().is_empty());
        assert!(!r["input"].as_str().unwrap().is_empty());
    }
}

#[test]
fn a_seed_gives_the_same_rows_and_more_rows_extend_them() {
    let (a, _) = generate("seed-a.jsonl", &["--count", "300", "--seed", "5"]);
    let (b, _) = generate("seed-b.jsonl", &["--count", "300", "--seed", "5"]);
    let (longer, _) = generate("seed-long.jsonl", &["--count", "500", "--seed", "5"]);
    let (other, _) = generate("seed-other.jsonl", &["--count", "300", "--seed", "6"]);
    assert_eq!(a, b);
    assert!(longer.starts_with(&a));
    assert_ne!(a, other);
}

/// Targets of issue 16: 5,000 rows cover every category in at least 2 stages, with no
/// program twice, and every row validates (on the interpreter: the 2,000 rows above
/// take the compiled path).
#[test]
fn five_thousand_rows_cover_every_category_in_two_stages() {
    let (text, stderr) = generate("cover.jsonl", &["--count", "5000", "--seed", "42"]);
    let data = temp_file("cover-check.jsonl", text.as_bytes());
    let done = run(
        &["validate", "--backend", "interp", data.to_str().unwrap()],
        b"",
    );
    assert!(
        done.stdout.contains("5000 passed, 0 wrong, 0 errors"),
        "{}",
        done.stdout
    );
    let rows = rows(&text);
    let mut stages: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    let mut programs = HashSet::new();
    for r in &rows {
        stages
            .entry(r["category"].as_str().unwrap().to_string())
            .or_default()
            .insert(r["stage"].as_u64().unwrap());
        programs.insert(r["computation"].as_str().unwrap().to_string());
    }
    assert_eq!(programs.len(), 5000);
    assert_eq!(stages.len(), 10, "{stages:?}");
    assert!(stages.contains_key("aggregates") && stages.contains_key("negation"));
    for (category, s) in &stages {
        assert!(s.len() >= 2, "{category}: {s:?}");
    }
    for category in stages.keys() {
        assert!(stderr.contains(&format!("\n  {category:<12}")), "{stderr}");
    }
}

/// The categories of language version 2 (spec §9) use its constructs, and their rows
/// with a mistake include the mistakes of §9: an unguarded or misspelt empty group
/// (E209), a NOT of the rule's own head (E308), a variable NOT or an aggregate would
/// have to bind (E306), an aggregate without QUERY or a `NOT EXISTS` (E103).
#[test]
fn version_two_categories_use_negation_and_aggregates() {
    let (text, stderr) = generate(
        "v2.jsonl",
        &[
            "--count",
            "1200",
            "--seed",
            "9",
            "--category",
            "aggregates",
            "--category",
            "negation",
            "--errors",
            "0.5",
        ],
    );
    assert!(stderr.contains("1200 distinct programs"), "{stderr}");
    let aggregates = [
        "COUNT(QUERY ",
        "SUM(QUERY ",
        "MEAN(QUERY ",
        "MIN(QUERY ",
        "MAX(QUERY ",
    ];
    let mut used = BTreeSet::new();
    let mut codes = BTreeSet::new();
    for r in rows(&text) {
        let program = r["computation"].as_str().unwrap();
        match r["expected_error"].as_str() {
            Some(code) => {
                codes.insert(code.to_string());
            }
            None if r["category"] == "aggregates" => {
                let found: Vec<&str> = aggregates
                    .into_iter()
                    .filter(|a| program.contains(a))
                    .collect();
                assert!(!found.is_empty(), "{program}");
                used.extend(found);
            }
            None => assert!(program.contains(", NOT "), "{program}"),
        }
    }
    assert_eq!(used.len(), aggregates.len(), "{used:?}");
    for code in ["E209", "E308", "E306", "E103"] {
        assert!(codes.contains(code), "{code} in {codes:?}");
    }
    let data = temp_file("v2-check.jsonl", text.as_bytes());
    let done = run(&["validate", data.to_str().unwrap()], b"");
    assert!(done.stdout.contains("1200 passed"), "{}", done.stdout);
}

#[test]
fn filters_and_mixes_choose_what_is_drawn() {
    let mix = temp_file("mix.json", br#"{"graph": {"2": 1}, "strings": 3}"#);
    let (text, _) = generate(
        "mixed.jsonl",
        &["--count", "400", "--mix", mix.to_str().unwrap()],
    );
    let rows = rows(&text);
    let graph = rows.iter().filter(|r| r["category"] == "graph").count();
    assert!(
        rows.iter()
            .all(|r| r["category"] == "strings" || (r["category"] == "graph" && r["stage"] == 2))
    );
    assert!((60..140).contains(&graph), "{graph}");
    let (text, _) = generate(
        "filtered.jsonl",
        &[
            "--count",
            "50",
            "--category",
            "family",
            "--category",
            "loops",
            "--stage",
            "2",
        ],
    );
    assert!(
        rows_of(&text)
            .all(|r| (r["category"] == "family" || r["category"] == "loops") && r["stage"] == 2)
    );
    for (args, message) in [
        (&["--category", "nope"][..], "unknown category `nope`"),
        (
            &["--category", "strings", "--stage", "4"][..],
            "nothing to generate",
        ),
        (&["--errors", "1.5"][..], "not a number from 0 to 1"),
        (&["--stage", "5"][..], "5"),
    ] {
        let mut all = vec!["generate"];
        all.extend_from_slice(args);
        let done = run(&all, b"");
        assert_eq!(done.code, 2, "{args:?}");
        assert!(done.stderr.contains(message), "{args:?}: {}", done.stderr);
    }
}

fn rows_of(text: &str) -> impl Iterator<Item = Json> + '_ {
    text.lines().map(|l| serde_json::from_str(l).unwrap())
}

/// Target of issue 16: with 30 % of the answers corrupted, `validate --fix` restores
/// every corrupted row and changes no other (the file comes back byte for byte), and
/// the repaired file validates.
#[test]
fn fix_restores_corrupted_answers_and_nothing_else() {
    let (clean, _) = generate(
        "fix-clean.jsonl",
        &["--count", "1000", "--seed", "30", "--errors", "0.1"],
    );
    let mut corrupted = String::new();
    let mut changed = 0;
    for (i, line) in clean.lines().enumerate() {
        // Every row whose index is 0, 3 or 6 mod 10: 30 %.
        if i % 10 % 3 != 0 || i % 10 == 9 {
            corrupted += line;
        } else {
            corrupted += &corrupt(line);
            changed += 1;
        }
        corrupted.push('\n');
    }
    assert_eq!(changed, 300);
    let data = temp_file("fix-corrupted.jsonl", corrupted.as_bytes());
    let out = temp_file("fix-out.jsonl", b"");
    let done = run(
        &[
            "validate",
            "--backend",
            "interp",
            "--fix",
            out.to_str().unwrap(),
            data.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(done.code, 0, "{}", done.stdout);
    assert!(done.stdout.contains("700 passed"), "{}", done.stdout);
    let changes = done
        .stdout
        .lines()
        .filter(|l| l.contains("): replaced") || l.contains("): flagged E"))
        .count();
    assert_eq!(changes, 300, "{}", done.stdout);
    assert!(
        done.stdout.contains(", 0 left as they were"),
        "{}",
        done.stdout
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), clean);
    let again = run(&["validate", out.to_str().unwrap()], b"");
    assert_eq!(again.code, 0, "{}", again.stdout);
}

/// A wrong answer everywhere a row states it — a valid row's expected list, result
/// text and `<result>` tag; a row with a mistake's error code — with the row's layout
/// kept, as a hand edit would.
fn corrupt(line: &str) -> String {
    if let Some(code) = raw_field(line, "expected_error") {
        return line.replace(
            &format!("\"expected_error\":{code}"),
            "\"expected_error\":\"E999\"",
        );
    }
    let expected = raw_field(line, "expected").unwrap();
    let wrong = if expected == "[]" {
        "[0]".to_string()
    } else {
        format!("{},0]", &expected[..expected.len() - 1])
    };
    let text = raw_field(line, "expected_result").unwrap();
    let inner = &text[1..text.len() - 1];
    line.replace(
        &format!("\"expected\":{expected}"),
        &format!("\"expected\":{wrong}"),
    )
    .replace(
        &format!("\"expected_result\":{text}"),
        &format!("\"expected_result\":\"{inner}; 0\""),
    )
    .replace(
        &format!("<result>{inner}</result>"),
        &format!("<result>{inner}; 0</result>"),
    )
}

#[test]
fn the_documented_sample_is_what_its_command_generates() {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/training-sample.jsonl"
    ))
    .expect("examples/training-sample.jsonl");
    let (text, _) = generate(
        "sample.jsonl",
        &["--count", "40", "--seed", "2026", "--errors", "0.1"],
    );
    assert_eq!(
        text, sample,
        "regenerate it with the command in docs/training-data.md"
    );
}

#[test]
fn vocab_hf_lists_added_tokens() {
    let done = run(&["vocab", "--format", "hf"], b"");
    assert_eq!(done.code, 0);
    let v: Json = serde_json::from_str(&done.stdout).expect("JSON");
    let tokens = v["added_tokens"].as_array().expect("added_tokens");
    assert_eq!(tokens[0]["content"], "<computation>");
    assert!(
        tokens
            .iter()
            .any(|t| t["content"] == "QUERY" && t["single_word"] == true)
    );
    assert_eq!(run(&["vocab", "--json", "--format", "hf"], b"").code, 2);
}
