//! `generate --errors`: one realistic mistake put into a valid program, the kind a
//! model makes — a misspelt relation, keyword or CALC name, a missing SOLVE or REL, a
//! wrong arity or argument count, an unbound variable, an unterminated string. Which
//! error it causes is left to the engine: the row's answer is its diagnostic, and a
//! mutation that does not make the program fail is discarded by the caller. The
//! mistakes with NOT clauses and aggregates (spec §9) are in `section9`.

mod section9;

use super::rng::Rng;

/// A mutation: the program's lines with one mistake, or `None` when it does not apply.
type Mutation = fn(&mut Rng, &[&str]) -> Option<Vec<String>>;

const MUTATIONS: &[Mutation] = &[
    misspell_relation,
    drop_solve,
    wrong_arity,
    unbound_variable,
    unterminated_string,
    misspell_keyword,
    misspell_calc,
    drop_argument,
    drop_rel,
    section9::unguarded_aggregate,
    section9::misspelt_group,
    section9::negated_own_head,
    section9::bound_by_not,
    section9::aggregate_without_query,
    section9::not_exists,
];

/// `program` with one mistake, the mutation chosen at random among those that apply.
pub fn inject(rng: &mut Rng, program: &str) -> Option<String> {
    let lines: Vec<&str> = program.lines().collect();
    let mut order: Vec<usize> = (0..MUTATIONS.len()).collect();
    rng.shuffle(&mut order);
    order
        .into_iter()
        .find_map(|m| MUTATIONS[m](rng, &lines))
        .map(|lines| lines.join("\n"))
}

/// The lines with line `i` replaced by `new` (or removed when `None`).
fn replace(lines: &[&str], i: usize, new: Option<String>) -> Vec<String> {
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    match new {
        Some(l) => out[i] = l,
        None => {
            out.remove(i);
        }
    }
    out
}

/// A typo of `word`: a letter dropped, two swapped or one doubled; never `word` itself.
fn typo(rng: &mut Rng, word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return None;
    }
    // Swapping two equal letters changes nothing; dropping one always does.
    let i = 1 + rng.below(chars.len() - 2);
    let mut out = chars.clone();
    match rng.below(3) {
        0 => out.insert(i, chars[i]),
        1 if chars[i] != chars[i + 1] => out.swap(i, i + 1),
        _ => {
            out.remove(i);
        }
    }
    Some(out.into_iter().collect())
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Byte offsets of `word` in `line` as a whole word (not after `$` or `.`).
fn word_at(line: &str, word: &str) -> Vec<usize> {
    line.match_indices(word)
        .filter(|(at, _)| {
            let before = line[..*at].chars().next_back();
            let after = line[at + word.len()..].chars().next();
            !before.is_some_and(|c| is_word_char(c) || c == '$' || c == '.' || c == '"')
                && !after.is_some_and(is_word_char)
        })
        .map(|(at, _)| at)
        .collect()
}

fn misspell_relation(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    let rels: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("REL "))
        .map(str::trim)
        .collect();
    let uses: Vec<(usize, usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            l.starts_with("RULE")
                || l.starts_with("QUERY")
                || l.trim_start().starts_with("FOR ")
                || l.contains("(QUERY ")
        })
        .flat_map(|(i, l)| {
            rels.iter()
                .flat_map(move |r| word_at(l, r).into_iter().map(move |at| (i, at, *r)))
        })
        .filter(|(i, at, _)| !lines[*i][..*at].ends_with("RULE ")) // not a rule's label
        .collect();
    let &(i, at, rel) = uses.get(rng.below(uses.len().max(1)))?;
    let wrong = typo(rng, rel).filter(|w| !rels.contains(&w.as_str()))?;
    let line = format!("{}{wrong}{}", &lines[i][..at], &lines[i][at + rel.len()..]);
    Some(replace(lines, i, Some(line)))
}

fn drop_solve(_: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    let solve = lines.iter().position(|l| *l == "SOLVE")?;
    lines[..solve]
        .iter()
        .any(|l| l.starts_with("RULE"))
        .then(|| replace(lines, solve, None))
}

fn wrong_arity(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    let facts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("FACT "))
        .collect();
    // A FACT after the first one of its relation, so that the first fixes the arity.
    let later: Vec<usize> = facts
        .iter()
        .copied()
        .filter(|&i| {
            let rel = lines[i].split_whitespace().nth(1);
            facts
                .iter()
                .any(|&j| j < i && lines[j].split_whitespace().nth(1) == rel)
        })
        .collect();
    let &i = later.get(rng.below(later.len().max(1)))?;
    let words: Vec<&str> = lines[i].split_whitespace().collect();
    let line = if words.len() > 3 && rng.chance(0.5) {
        words[..words.len() - 1].join(" ")
    } else {
        format!("{} {}", lines[i], words[words.len() - 1])
    };
    Some(replace(lines, i, Some(line)))
}

fn unbound_variable(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    // A rule's EMIT naming a positional variable that nothing binds.
    let rules: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("RULE") && lines[i].contains("EMIT"))
        .collect();
    if let Some(&i) = rules.get(rng.below(rules.len().max(1))) {
        let emit = lines[i].rfind("EMIT")?;
        let (head, tail) = lines[i].split_at(emit);
        let var = tail.find('$')?;
        let end = tail[var + 1..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(tail.len(), |e| var + 1 + e);
        let line = format!("{head}{}$7{}", &tail[..var], &tail[end..]);
        return Some(replace(lines, i, Some(line)));
    }
    // A CALC reading a misspelt local: a global that is never assigned.
    let reads: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].trim_start().starts_with("RESULT $"))
        .collect();
    let &i = reads.get(rng.below(reads.len().max(1)))?;
    let at = lines[i].find('$')?;
    let name_end = lines[i][at + 1..]
        .find(|c: char| !is_word_char(c))
        .map_or(lines[i].len(), |e| at + 1 + e);
    let wrong = typo(rng, &lines[i][at + 1..name_end])?;
    let line = format!("{}${wrong}{}", &lines[i][..at], &lines[i][name_end..]);
    Some(replace(lines, i, Some(line)))
}

fn unterminated_string(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    let with: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].matches('"').count() >= 2)
        .collect();
    let &i = with.get(rng.below(with.len().max(1)))?;
    let last = lines[i].rfind('"')?;
    let line = format!("{}{}", &lines[i][..last], &lines[i][last + 1..]);
    Some(replace(lines, i, Some(line)))
}

fn misspell_keyword(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    const TYPOS: &[(&str, &[&str])] = &[
        ("FACT ", &["FACTS ", "FAKT "]),
        ("QUERY ", &["QUERRY ", "QUERIES "]),
        ("RULE ", &["RULES "]),
        ("RESULT ", &["RESULTS ", "RETURN "]),
        ("SOLVE", &["SOLV", "SOLVED"]),
    ];
    let hits: Vec<(usize, &str, &[&str])> = (0..lines.len())
        .flat_map(|i| {
            TYPOS
                .iter()
                .filter(move |(k, _)| lines[i].starts_with(k))
                .map(move |(k, t)| (i, *k, *t))
        })
        .collect();
    let &(i, keyword, typos) = hits.get(rng.below(hits.len().max(1)))?;
    let line = format!("{}{}", rng.pick(typos), &lines[i][keyword.len()..]);
    Some(replace(lines, i, Some(line)))
}

/// The lines calling a CALC (`CALC name(`), with the name's offset and length.
fn calls(lines: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        for (at, _) in l.match_indices("CALC ") {
            let start = at + "CALC ".len();
            let len = l[start..]
                .find(|c: char| !is_word_char(c))
                .unwrap_or(l.len() - start);
            if l[start + len..].starts_with('(') {
                out.push((i, start, len));
            }
        }
    }
    out
}

fn misspell_calc(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    let calls = calls(lines);
    let &(i, start, len) = calls.get(rng.below(calls.len().max(1)))?;
    let wrong = typo(rng, &lines[i][start..start + len])?;
    let line = format!("{}{wrong}{}", &lines[i][..start], &lines[i][start + len..]);
    Some(replace(lines, i, Some(line)))
}

fn drop_argument(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    let calls: Vec<(usize, usize, usize)> = calls(lines)
        .into_iter()
        .filter(|&(i, s, n)| {
            let args = &lines[i][s + n..];
            args.find(')')
                .is_some_and(|close| args[..close].contains(','))
        })
        .collect();
    let &(i, start, len) = calls.get(rng.below(calls.len().max(1)))?;
    let open = start + len;
    let close = open + lines[i][open..].find(')')?;
    let comma = open + lines[i][open..close].rfind(',')?;
    let line = format!("{}{}", &lines[i][..comma], &lines[i][close..]);
    Some(replace(lines, i, Some(line)))
}

fn drop_rel(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    let rels: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("REL "))
        .collect();
    let &i = rels.get(rng.below(rels.len().max(1)))?;
    Some(replace(lines, i, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Backend, Executor, Options};

    const FAMILY: &str = "REL parent\nREL ancestor\nFACT parent alice bob\nFACT parent bob carol\n\
        RULE ancestor: SCAN parent, EMIT ancestor $0 $1\n\
        RULE ancestor: SCAN parent, JOIN ancestor $1, EMIT ancestor $0 $2\nSOLVE\nQUERY ancestor alice ?";
    const CALC: &str =
        "CALC greet\nINPUT $name $times\nRESULT $name + \"!\"\nEND\nRESULT CALC greet(\"bob\", 2)";
    const NEGATION: &str = "REL member\nREL paid\nREL unpaid\nFACT member alice\nFACT member bob\n\
        FACT paid alice\nRULE unpaid: SCAN member, NOT paid $0, EMIT unpaid $0\nSOLVE\nQUERY unpaid ?";
    const AGGREGATES: &str = "REL score\nREL student\nREL total\nFACT student alice\nFACT student bob\n\
        FACT score alice math 80\nRULE total: SCAN student, EMIT total $0 SUM(QUERY score $0 ? ?)\n\
        SOLVE\nQUERY total ? ?\nCALC average\nINPUT $who\nIF COUNT(QUERY score $who ? ?) == 0 THEN\n\
          RESULT 0\nEND\nRESULT MEAN(QUERY score $who ? ?)\nEND\nRESULT CALC average(\"bob\")\n\
        RESULT MAX(QUERY score alice ? ?)";

    fn code(program: &str) -> Option<String> {
        let run = Options {
            backend: Backend::Interpreter,
            ..Options::default()
        };
        let outcome = Executor::new().execute(program, &run).unwrap();
        outcome
            .error()
            .map(|e| e.diagnostic.code.as_str().to_string())
    }

    /// Each mutation, where it applies, makes the program fail with the code it aims at.
    #[test]
    fn each_mutation_causes_its_error() {
        let expect: [(Mutation, &str, &str); 17] = [
            (misspell_relation, FAMILY, "E301"),
            (drop_solve, FAMILY, "E302"),
            (wrong_arity, FAMILY, "E303"),
            (unbound_variable, FAMILY, "E306"),
            (unbound_variable, CALC, "E306"),
            (unterminated_string, CALC, "E101"),
            (misspell_keyword, FAMILY, "E102"),
            (misspell_calc, CALC, "E304"),
            (drop_argument, CALC, "E305"),
            (drop_rel, FAMILY, "E301"),
            (misspell_relation, AGGREGATES, "E301"),
            (section9::unguarded_aggregate, AGGREGATES, "E209"),
            (section9::misspelt_group, AGGREGATES, "E209"),
            (section9::negated_own_head, NEGATION, "E308"),
            (section9::bound_by_not, AGGREGATES, "E306"),
            (section9::aggregate_without_query, AGGREGATES, "E103"),
            (section9::not_exists, NEGATION, "E103"),
        ];
        for program in [FAMILY, CALC, NEGATION, AGGREGATES] {
            assert_eq!(code(program), None, "{program}");
        }
        for (n, (mutation, program, want)) in expect.iter().enumerate() {
            for seed in 0..20 {
                let lines: Vec<&str> = program.lines().collect();
                let mutated = mutation(&mut Rng::for_row(seed, n as u64, 0), &lines)
                    .unwrap_or_else(|| panic!("mutation {n} applies"))
                    .join("\n");
                let got = code(&mutated);
                assert_eq!(
                    got.as_deref(),
                    Some(*want),
                    "mutation {n}, seed {seed}:\n{mutated}"
                );
            }
        }
        assert!(
            drop_solve(
                &mut Rng::for_row(0, 0, 0),
                &CALC.lines().collect::<Vec<_>>()
            )
            .is_none()
        );
    }
}
