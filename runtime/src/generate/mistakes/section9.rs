//! Mistakes with NOT clauses and aggregates (spec §9), the kind a model makes: a MEAN,
//! MIN or MAX without the COUNT check before it, or of a misspelt group (E209 when the
//! group is empty); a rule negating what it derives (E308); a variable in a NOT clause
//! or an aggregate that nothing binds (E306); an aggregate without its QUERY, or SQL's
//! `NOT EXISTS` (E103). As for every mutation, the engine decides what the program
//! does: one that still runs is discarded by the caller.

use super::super::rng::Rng;
use super::{is_word_char, replace, typo};

/// The aggregates' names with their opening parenthesis and QUERY.
const AGGREGATES: [&str; 5] = [
    "COUNT(QUERY ",
    "SUM(QUERY ",
    "MIN(QUERY ",
    "MAX(QUERY ",
    "MEAN(QUERY ",
];

/// The `IF COUNT(…) == 0 THEN`, `RESULT …`, `END` lines that guard an aggregate in a
/// CALC, removed.
pub(super) fn unguarded_aggregate(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    let guards: Vec<usize> = (0..lines.len().saturating_sub(2))
        .filter(|&i| {
            let l = lines[i].trim();
            l.starts_with("IF COUNT(QUERY ")
                && l.ends_with("== 0 THEN")
                && lines[i + 1].trim_start().starts_with("RESULT ")
                && lines[i + 2].trim() == "END"
        })
        .collect();
    let &i = guards.get(rng.below(guards.len().max(1)))?;
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    out.drain(i..i + 3);
    Some(out)
}

/// The argument spans (start, end) of each aggregate's QUERY in `line` whose name is
/// one of `names`: the text after `QUERY ` up to the closing parenthesis.
fn aggregate_queries(line: &str, names: &[&str]) -> Vec<(usize, usize)> {
    names
        .iter()
        .flat_map(|name| {
            line.match_indices(name).filter_map(move |(at, _)| {
                let start = at + name.len();
                let end = start + line[start..].find(')')?;
                let before = line[..at].chars().next_back();
                (!before.is_some_and(is_word_char)).then_some((start, end))
            })
        })
        .collect()
}

/// An atom in the group of a top-level or CALC MEAN, MIN or MAX, misspelt, as a
/// misspelt name in a question would be.
pub(super) fn misspelt_group(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    let atoms: Vec<(usize, usize, usize)> = (0..lines.len())
        .filter(|&i| !lines[i].starts_with("RULE"))
        .flat_map(|i| {
            aggregate_queries(lines[i], &AGGREGATES[2..])
                .into_iter()
                .flat_map(move |(start, end)| {
                    let args = &lines[i][start..end];
                    // The words after the relation's name that are atoms.
                    args.match_indices(|c: char| c.is_ascii_lowercase())
                        .filter(move |(at, _)| *at > 0 && args[..*at].ends_with(' '))
                        .map(move |(at, _)| {
                            let len = args[at..].find(' ').unwrap_or(args.len() - at);
                            (i, start + at, len)
                        })
                        .collect::<Vec<_>>()
                })
        })
        .collect();
    let &(i, at, len) = atoms.get(rng.below(atoms.len().max(1)))?;
    let wrong = typo(rng, &lines[i][at..at + len])?;
    let line = format!("{}{wrong}{}", &lines[i][..at], &lines[i][at + len..]);
    Some(replace(lines, i, Some(line)))
}

/// The NOT clauses of a rule line: (start of `NOT`, end of the clause).
fn not_clauses(line: &str) -> Vec<(usize, usize)> {
    if !line.starts_with("RULE") {
        return Vec::new();
    }
    line.match_indices(", NOT ")
        .map(|(at, _)| {
            let start = at + 2;
            let end = line[start..].find(',').map_or(line.len(), |e| start + e);
            (start, end)
        })
        .collect()
}

/// A NOT clause made to read the relation its rule derives (same number of columns):
/// "derive it unless it is already there", which cannot be stratified.
pub(super) fn negated_own_head(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    let fits: Vec<(usize, usize, usize)> = (0..lines.len())
        .flat_map(|i| {
            let l = lines[i];
            let emit: Vec<&str> = l
                .rfind("EMIT ")
                .map(|e| l[e..].split_whitespace().collect())
                .unwrap_or_default();
            not_clauses(l)
                .into_iter()
                .filter(move |&(s, e)| {
                    let words: Vec<&str> = l[s..e].split_whitespace().collect();
                    emit.len() > 1 && words.len() == emit.len() && words[1] != emit[1]
                })
                .map(move |(s, e)| (i, s, e))
        })
        .collect();
    let &(i, start, end) = fits.get(rng.below(fits.len().max(1)))?;
    let l = lines[i];
    let head = l[l.rfind("EMIT ")? + 5..].split_whitespace().next()?;
    let mut words: Vec<&str> = l[start..end].split_whitespace().collect();
    words[1] = head;
    let line = format!("{}{}{}", &l[..start], words.join(" "), &l[end..]);
    Some(replace(lines, i, Some(line)))
}

/// A `?` of a rule's NOT clause or aggregate written as a variable, as if NOT or the
/// aggregate bound it.
pub(super) fn bound_by_not(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    const NAMES: [&str; 4] = ["$any", "$other", "$x", "$value"];
    let spots: Vec<(usize, usize)> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("RULE"))
        .flat_map(|i| {
            let l = lines[i];
            not_clauses(l)
                .into_iter()
                .chain(aggregate_queries(l, &AGGREGATES))
                .flat_map(move |(s, e)| {
                    l[s..e]
                        .match_indices('?')
                        .map(move |(at, _)| (i, s + at))
                        .collect::<Vec<_>>()
                })
        })
        .collect();
    let &(i, at) = spots.get(rng.below(spots.len().max(1)))?;
    let name = NAMES[rng.below(NAMES.len())];
    if lines[i].contains(name) {
        return None;
    }
    let line = format!("{}{name}{}", &lines[i][..at], &lines[i][at + 1..]);
    Some(replace(lines, i, Some(line)))
}

/// An aggregate written without its QUERY: `COUNT(parent $0 ?)`.
pub(super) fn aggregate_without_query(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    let spots: Vec<(usize, usize)> = (0..lines.len())
        .flat_map(|i| {
            aggregate_queries(lines[i], &AGGREGATES)
                .into_iter()
                .map(move |(start, _)| (i, start - "QUERY ".len()))
        })
        .collect();
    let &(i, at) = spots.get(rng.below(spots.len().max(1)))?;
    let line = format!("{}{}", &lines[i][..at], &lines[i][at + "QUERY ".len()..]);
    Some(replace(lines, i, Some(line)))
}

/// A NOT clause written as SQL's `WHERE NOT EXISTS(QUERY …)`.
pub(super) fn not_exists(rng: &mut Rng, lines: &[&str]) -> Option<Vec<String>> {
    let spots: Vec<(usize, usize, usize)> = (0..lines.len())
        .flat_map(|i| {
            not_clauses(lines[i])
                .into_iter()
                .map(move |(s, e)| (i, s, e))
        })
        .collect();
    let &(i, start, end) = spots.get(rng.below(spots.len().max(1)))?;
    let l = lines[i];
    let query = &l[start + "NOT ".len()..end];
    let line = format!(
        "{}WHERE NOT EXISTS(QUERY {query}){}",
        &l[..start],
        &l[end..]
    );
    Some(replace(lines, i, Some(line)))
}
