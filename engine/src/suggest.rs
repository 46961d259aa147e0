//! "Did you mean …?" suggestions for misspelled names and keywords.

/// The candidate closest to `name` by edit distance (case-insensitive, a swap of
/// two neighbours counting as one edit), if it is close enough to be a plausible
/// typo: at most one edit for names of up to three characters, two for longer ones,
/// and never the name itself.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let upper = name.to_uppercase();
    let len = upper.chars().count();
    let limit = if len <= 3 { 1 } else { 2 };
    candidates
        .into_iter()
        .filter(|c| *c != name && c.chars().count().abs_diff(len) <= limit)
        .map(|c| (edit_distance(&upper, &c.to_uppercase()), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Optimal string alignment distance over characters (Levenshtein plus adjacent swaps).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("ancestr", ["parent", "ancestor"]),
            Some("ancestor")
        );
        assert_eq!(did_you_mean("FACTS", ["REL", "FACT", "RULE"]), Some("FACT"));
        assert_eq!(did_you_mean("xyz", ["parent"]), None);
        assert_eq!(did_you_mean("edge", ["edge"]), None);
        assert_eq!(did_you_mean("sovle", ["SOLVE", "RULE"]), Some("SOLVE"));
    }
}
