//! "Did you mean …?" suggestions for misspelled names and keywords.

/// The candidate closest to `name` by edit distance (case-insensitive), if it is
/// close enough to be a plausible typo: at most one edit for short names, two for
/// names of five or more characters, and never the name itself.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = name.to_lowercase();
    let max = if name.chars().count() >= 5 { 2 } else { 1 };
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .map(|c| (edit_distance(&lower, &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= max)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
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
    }
}
