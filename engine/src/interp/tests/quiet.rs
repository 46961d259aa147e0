//! Work counted together when no check of the budget can fire on it (FACTs of
//! constants, copy rules: docs/decisions.md 221; EMITs on credit: 149) ends where
//! work checked in turn would: the same error at the same statement, counters,
//! outputs, clock readings and memory estimate.

use crate::account::Account;
use crate::diagnostic::Code;
use crate::limits::Limits;
use crate::output::{Output, QueryAnswer};
use crate::value::Value;
use std::fmt::Write;
use std::ops::Range;

/// `n` FACTs of `e` and a copy rule of `e`'s first column into `m`. `checked`: each
/// FACT reads a global and the rule filters before its EMIT, so neither is counted
/// together. The texts have the same length and tokens, and each program has one
/// filter (the other in a rule over the empty `z`), so the spans and the front end's
/// charge are the same.
fn program(n: usize, checked: bool) -> String {
    let mut s = String::from("REL e\nREL m\nREL z\nLET $one = 1\n");
    let one = if checked { "$one" } else { "   1" };
    for i in 0..n {
        let _ = writeln!(s, "FACT e {i} {one}");
    }
    let (filter, none) = (", WHERE $0 == $0", " ".repeat(16));
    let (m, z) = if checked {
        (filter, none.as_str())
    } else {
        (none.as_str(), filter)
    };
    let _ = write!(
        s,
        "RULE m: SCAN e{m}, EMIT m $0\nRULE z: SCAN z{z}, EMIT z $0\n\
         SOLVE\nQUERY m ?\nRESULT 7\n"
    );
    s
}

/// The run of `source` under `limits`: its result, how often it asked `stop` (read
/// the clock) and what its account holds at the end.
fn watched(source: &str, limits: &Limits) -> (crate::RunResult, u32, u64) {
    let mut account = Account::new(limits);
    let compiled = crate::compile_within(source, &mut account);
    let program = compiled
        .program
        .unwrap_or_else(|| panic!("{limits:?}: {:?}", compiled.diagnostics));
    let asked = std::cell::Cell::new(0);
    let ask = |_: crate::Phase| {
        asked.set(asked.get() + 1);
        false
    };
    let r = crate::run_watched(&program, &mut account, &ask);
    (r, asked.get(), account.charged())
}

#[test]
fn quiet_facts_and_copies_end_where_checked_ones_would() {
    // 45,000 FACTs of 40 bytes cross the memory estimate's clock reading (every MiB)
    // once; their copies (24 bytes) once more, and the steps ten times.
    let n = 45_000;
    let (quiet, checked) = (program(n, false), program(n, true));
    let generous = Limits {
        max_steps: u64::MAX,
        max_tuples: 1 << 20,
        timeout_ms: 600_000,
        max_memory_mb: 1024,
        max_source_kb: 4096,
        ..Limits::default()
    };
    let cases = [
        generous,
        // Among the FACTs, and among the copies (mid-chunk).
        Limits {
            max_tuples: 3_001,
            ..generous
        },
        Limits {
            max_tuples: n as u64 + 777,
            ..generous
        },
        Limits {
            max_steps: 5_000,
            ..generous
        },
        Limits {
            max_steps: 4_096,
            ..generous
        },
        // The front end charges 57.6 MB for the program; the FACTs add 1.8 MB, the
        // copies 1.1 MB.
        Limits {
            max_memory_mb: 56,
            ..generous
        },
        Limits {
            max_memory_mb: 57,
            ..generous
        },
    ];
    let mut errors = Vec::new();
    for limits in &cases {
        let (q, q_asked, q_held) = watched(&quiet, limits);
        let (c, c_asked, c_held) = watched(&checked, limits);
        assert_eq!(q.error, c.error, "{limits:?}");
        assert_eq!(q.stats, c.stats, "{limits:?}");
        assert_eq!(q.outputs, c.outputs, "{limits:?}");
        assert_eq!(q_asked, c_asked, "clock readings, {limits:?}");
        // After an error, tuples a batch of lookups still held (docs/decisions.md
        // 226) are not charged; which plans batch differs between the two programs
        // (decision 222). E405 shows the estimate where it ended.
        if q.error.is_none() {
            assert_eq!(q_held, c_held, "memory estimate, {limits:?}");
        }
        errors.push(q.error.map(|d| d.code));
    }
    // The limits end the runs where they were meant to.
    use crate::diagnostic::Code::{E401, E402, E405};
    let ends = [None, Some(E402), Some(E402), Some(E401), Some(E401)];
    assert_eq!(errors[..5], ends);
    assert!(errors[5..].iter().all(|e| *e == Some(E405)), "{errors:?}");
}

/// Copies read rows of Ints as one slice when they copy into another relation, row
/// by row otherwise: into the relation itself, from rows holding a Symbol, or more
/// than two columns. Each gives the tuples its rule says.
#[test]
fn copies_of_every_kind_of_row_add_their_tuples() {
    let source = "REL e\nREL s\nREL t\nREL m\nREL w\n\
                  FACT e 1 2\nFACT e 2 3\nFACT e 2 2\n\
                  FACT s 1 a\nFACT s 2 b\nFACT t 1 2 3\nFACT t 4 5 6\n\
                  RULE m: SCAN e, EMIT m $1 $0\nRULE e: SCAN e, EMIT e $1 $0\n\
                  RULE w: SCAN s, EMIT w $1\nRULE w: SCAN t, EMIT w $2\n\
                  RULE t: SCAN t, EMIT t $2 $1 $0\n\
                  SOLVE\nQUERY e ? ?\nQUERY m ? ?\nQUERY w ?\nQUERY t ? ? ?\n";
    let program = crate::compile(source, &Limits::default())
        .program
        .expect("compiles");
    let r = crate::run(&program, &Limits::default());
    assert_eq!(r.error, None);
    let show = |v: &Value| match *v {
        Value::Sym(s) => r.symbols.resolve(s).to_string(),
        v => format!("{v:?}"),
    };
    let shown: Vec<String> = r
        .outputs
        .iter()
        .map(|o| match o {
            Output::Query {
                answer: QueryAnswer::Values(values),
                ..
            } => values.iter().map(show).collect::<Vec<_>>().join(" "),
            Output::Query {
                answer: QueryAnswer::Tuples(tuples),
                ..
            } => tuples
                .iter()
                .map(|row| row.iter().map(show).collect::<Vec<_>>().join(","))
                .collect::<Vec<_>>()
                .join(" "),
            other => panic!("a QUERY answer expected, got {other:?}"),
        })
        .collect();
    let int = |i: i64| format!("{:?}", Value::Int(i));
    let rows = |rows: &[&[i64]]| {
        rows.iter()
            .map(|row| row.iter().map(|&i| int(i)).collect::<Vec<_>>().join(","))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let swapped = rows(&[&[1, 2], &[2, 1], &[2, 2], &[2, 3], &[3, 2]]);
    assert_eq!(
        shown,
        [
            swapped.clone(),
            swapped,
            // `t`'s reversed rows are copied too.
            format!("{} {} {} {} a b", int(1), int(3), int(4), int(6)),
            rows(&[&[1, 2, 3], &[3, 2, 1], &[4, 5, 6], &[6, 5, 4]]),
        ]
    );
}

/// Generous limits for `source`, then each with one of them lowered: the tuple limit
/// to each of `tuples`, the step limit to each of `steps`, the memory limit to each
/// of `mbs` MiB beyond what the front end charges.
fn limit_cases(source: &str, tuples: &[u64], steps: &[u64], mbs: Range<u64>) -> Vec<Limits> {
    let generous = Limits {
        max_steps: u64::MAX,
        max_tuples: 1 << 22,
        timeout_ms: 600_000,
        max_memory_mb: 1024,
        max_source_kb: 4096,
        ..Limits::default()
    };
    let front = {
        let mut account = Account::new(&generous);
        let _ = crate::compile_within(source, &mut account);
        account.charged() >> 20
    };
    let mut cases = vec![generous];
    cases.extend(tuples.iter().map(|&max_tuples| Limits {
        max_tuples,
        ..generous
    }));
    cases.extend(steps.iter().map(|&max_steps| Limits {
        max_steps,
        ..generous
    }));
    cases.extend(mbs.map(|mb| Limits {
        max_memory_mb: front + mb,
        ..generous
    }));
    cases
}

/// Runs `source` under each of `cases` with credit and with every tuple checked
/// ([`super::super::budget::tests::NO_CREDIT`]) and asserts the same error,
/// counters, outputs, clock readings and estimate; the errors' codes.
fn credit_matches_checking(source: &str, cases: &[Limits]) -> Vec<Option<Code>> {
    let mut errors = Vec::new();
    for limits in cases {
        let (credit, c_asked, c_held) = watched(source, limits);
        super::super::budget::tests::NO_CREDIT.set(true);
        let (checked, asked, held) = watched(source, limits);
        super::super::budget::tests::NO_CREDIT.set(false);
        assert_eq!(credit.error, checked.error, "{limits:?}");
        assert_eq!(credit.stats, checked.stats, "{limits:?}");
        assert_eq!(credit.outputs, checked.outputs, "{limits:?}");
        assert_eq!(c_asked, asked, "clock readings, {limits:?}");
        assert_eq!(c_held, held, "memory estimate, {limits:?}");
        eprintln!(
            "{:?} {:?} {c_asked} {c_held}",
            credit.error.as_ref().map(|d| (d.code, d.span)),
            credit.stats
        );
        errors.push(credit.error.map(|d| d.code));
    }
    errors
}

/// An aggregate's memo entries charged between EMITs on credit are owed with the
/// credit when no check could stop them (docs/decisions.md 130): each limit ends the
/// run where checking every tuple and charge would.
#[test]
fn memo_charges_on_credit_end_where_checked_ones_would() {
    // `n` groups of one tuple: `n` tuples of `d` (24 bytes) and as many memo entries
    // (40 bytes) between them, the estimate's clock read at least once; two steps
    // each. Three sizes move where the memory limits fall among them: at a tuple or
    // at a memo entry.
    for n in [30_000u64, 30_011, 30_023] {
        let mut source = String::from("REL e\nREL m\nREL d\n");
        for i in 0..n {
            let _ = writeln!(source, "FACT e {i} {}", i % 7);
        }
        source.push_str(
            "RULE m: SCAN e, EMIT m $0\n\
             RULE d: SCAN m, WHERE COUNT(QUERY e $0 ?) > 0, EMIT d $0\n\
             SOLVE\nQUERY d 77\nRESULT 1\n",
        );
        let tuples = [2 * n + 1, 2 * n + 1_025, 3 * n - 1];
        let cases = limit_cases(&source, &tuples, &[2 * n + 4_095, 2 * n + 20_001], 1..7);
        let errors = credit_matches_checking(&source, &cases);
        use Code::{E401, E402, E405};
        assert_eq!(errors[0], None);
        assert!(errors[1..4].iter().all(|e| *e == Some(E402)), "{errors:?}");
        assert!(errors[4..6].iter().all(|e| *e == Some(E401)), "{errors:?}");
        assert!(errors[6..].contains(&Some(E405)), "{errors:?}");
    }
}

/// EMITs of joins add their tuples on credit (docs/decisions.md 149): each limit
/// ends the run at the same tuple, with the same counters, outputs, clock readings
/// and estimate, as when every tuple is checked.
#[test]
fn emits_on_credit_end_where_checked_ones_would() {
    // A chain of 400: 80,200 paths of 40 bytes (3.2 MB, the estimate's clock read
    // three times), 80,000 steps (the step clock read 19 times), and SG-shaped rules
    // over a tree of 255 nodes emitting pairs of 40 bytes and triples of 56.
    let mut source = String::from("REL edge\nREL path\nREL parent\nREL sg\nREL wide\n");
    for i in 0..400 {
        let _ = writeln!(source, "FACT edge {i} {}", i + 1);
    }
    for i in 2..256 {
        let _ = writeln!(source, "FACT parent {} {i}", i / 2);
    }
    source.push_str(
        "RULE path: SCAN edge, EMIT path $0 $1\n\
         RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2\n\
         RULE sg: SCAN parent, JOIN parent $0, WHERE $1 != $2, EMIT sg $1 $2\n\
         RULE sg: SCAN parent, JOIN sg $1, JOIN parent $2, EMIT sg $0 $3\n\
         RULE wide: SCAN sg, JOIN parent $1, EMIT wide $0 $1 $2\n\
         SOLVE\nQUERY path 0 ?\nQUERY sg 128 ?\nQUERY wide 150 ? ?\n",
    );
    // The front end charges under `front + 1` MiB.
    let tuples = [1_000, 1_025, 50_000, 80_999, 81_000, 200_000];
    let cases = limit_cases(&source, &tuples, &[4_095, 4_096, 100_001], 1..9);
    let errors = credit_matches_checking(&source, &cases);
    // The limits end the runs where they were meant to.
    use Code::{E401, E402, E405};
    assert_eq!(errors[0], None);
    assert!(errors[1..6].iter().all(|e| *e == Some(E402)), "{errors:?}");
    assert!(errors[7..10].iter().all(|e| *e == Some(E401)), "{errors:?}");
    assert!(errors[10..].contains(&Some(E405)), "{errors:?}");
}
