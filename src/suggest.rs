//! "Did you mean": the closest candidate to a misspelt word.

/// The candidate closest to `word` by Jaro-Winkler similarity, if it is close enough to be
/// a plausible typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// ", did you mean `x`?" or nothing.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(word, candidates).map_or_else(String::new, |c| format!("; did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_and_ignores_unrelated_words() {
        assert_eq!(closest("respnse", ["response", "hours", "team"]), Some("response"));
        assert_eq!(closest("tier3", ["first-line", "technicians"]), None);
        assert_eq!(
            closest("Europe/Berln", ["Europe/Berlin", "Europe/Bern"]),
            Some("Europe/Berlin")
        );
    }
}
