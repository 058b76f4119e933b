//! Finding a race from what a person types: an id (`mt`, `ok-special`), a postal code, or a
//! state's name in German or English (any case, with or without diacritics, umlauts also as
//! ue/oe/ae), optionally with "special"/"Sonderwahl" or "regular"/"regulär". Never picks one
//! of several races silently.

use crate::kb::corpus::{Corpus, Document};
use crate::text::fold::key as normalize;

/// Why no single race was found.
#[derive(Debug, Clone)]
pub enum RaceLookup<'a> {
    /// Exactly one race.
    Found(&'a Document),
    /// More than one race fits (`Oklahoma`): all of them, in article order.
    Ambiguous(Vec<&'a Document>),
    /// None fits; the closest ids, best first.
    Unknown(Vec<&'a Document>),
}

/// A name the way German users type it without umlauts (`Süd-Carolina` as `sued carolina`),
/// normalized. Only names that have an umlaut get this second spelling, so "ue" in a query
/// never stands for "ü" anywhere else.
fn umlauts_spelled_out(name: &str) -> String {
    let mut spelled = String::with_capacity(name.len() + 4);
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => spelled.push_str("ae"),
            'ö' => spelled.push_str("oe"),
            'ü' => spelled.push_str("ue"),
            c => spelled.push(c),
        }
    }
    normalize(&spelled)
}

const SPECIAL_WORDS: [&str; 5] = ["special election", "special", "sonderwahl", "nachwahl", "s"];
const REGULAR_WORDS: [&str; 5] = [
    "regular election",
    "regulare wahl",
    "regular",
    "regulare",
    "regulaer",
];

/// Splits a trailing or leading "special"/"regular" marker off a normalized query.
fn election_marker(query: &str) -> (String, Option<bool>) {
    for (words, special) in [(&SPECIAL_WORDS[..4], true), (&REGULAR_WORDS[..], false)] {
        for word in words {
            for candidate in [query.strip_suffix(word), query.strip_prefix(word)]
                .into_iter()
                .flatten()
            {
                let rest = candidate.trim().trim_matches(['(', ')']).trim();
                if !rest.is_empty() && rest.len() < query.len() {
                    return (rest.to_string(), Some(special));
                }
            }
        }
    }
    (query.to_string(), None)
}

/// The names a race answers to, normalized: its id, its state's code and names and aliases,
/// names with umlauts also spelled with ue/oe/ae (`Süd-Carolina`, `Sued-Carolina`).
fn keys<'a>(corpus: &'a Corpus, doc: &'a Document) -> Vec<String> {
    let mut keys = vec![normalize(&doc.id)];
    if let Some(state) = doc
        .facts
        .as_ref()
        .and_then(|f| corpus.state(&f.state.value))
    {
        keys.push(normalize(&state.code));
        let names = [&state.de, &state.en].into_iter().chain(&state.aliases);
        for name in names {
            keys.push(normalize(name));
            let spelled = umlauts_spelled_out(name);
            if !keys.contains(&spelled) {
                keys.push(spelled);
            }
        }
    }
    keys
}

/// Looks a race up.
pub fn race<'a>(corpus: &'a Corpus, query: &str) -> RaceLookup<'a> {
    let q = normalize(query);
    if let Some(doc) = corpus.races().find(|d| normalize(&d.id) == q) {
        return RaceLookup::Found(doc);
    }
    let (name, special) = election_marker(&q);
    let named: Vec<&Document> = corpus
        .races()
        .filter(|d| keys(corpus, d)[1..].contains(&name))
        .collect();
    let matching: Vec<&Document> = named
        .iter()
        .copied()
        .filter(|d| special.is_none_or(|s| d.facts.as_ref().is_some_and(|f| f.special.value == s)))
        .collect();
    match matching.len() {
        1 => RaceLookup::Found(matching[0]),
        // The state exists, the election asked for does not ("Hawaii regular"): its races.
        0 if !named.is_empty() => RaceLookup::Unknown(named),
        0 => {
            let close = suggestions(corpus, &q);
            // A misspelt state with a marker ("Montan special"): what the name alone is close to.
            if close.is_empty() && special.is_some() {
                RaceLookup::Unknown(suggestions(corpus, &name))
            } else {
                RaceLookup::Unknown(close)
            }
        }
        _ => RaceLookup::Ambiguous(matching),
    }
}

/// Races whose id or state name is within a small edit distance of the query, best first.
fn suggestions<'a>(corpus: &'a Corpus, query: &str) -> Vec<&'a Document> {
    let length = query.chars().count();
    let limit = if length >= 9 { 2 } else { 1.max(length / 4) };
    let mut scored: Vec<(usize, usize, &Document)> = corpus
        .races()
        .enumerate()
        .filter_map(|(i, doc)| {
            let best = keys(corpus, doc)
                .iter()
                .filter(|k| k.chars().count() > 2 || length <= 3)
                // Lengths further apart than the limit cannot be close: skip the quadratic
                // distance (a 100 KB argument took seconds).
                .filter(|k| k.chars().count().abs_diff(length) <= limit)
                .map(|k| strsim::damerau_levenshtein(query, k))
                .min()?;
            (best <= limit).then_some((best, i, doc))
        })
        .collect();
    scored.sort_by_key(|(d, i, _)| (*d, *i));
    scored.into_iter().take(4).map(|(_, _, d)| d).collect()
}

#[cfg(test)]
mod tests {
    use super::{normalize, umlauts_spelled_out};

    #[test]
    fn umlauts_are_spelled_out_only_where_a_name_has_them() {
        assert_eq!(normalize("Süd-Carolina"), "sud carolina");
        assert_eq!(umlauts_spelled_out("Süd-Carolina"), "sued carolina");
        assert_eq!(umlauts_spelled_out("SÜDDAKOTA"), "sueddakota");
        assert_eq!(umlauts_spelled_out("Kärnten Öl"), "kaernten oel");
        // Words with a plain "ue", "oe", "ae" are left alone, in queries and in names.
        assert_eq!(normalize("Bauer Poe Rafael"), "bauer poe rafael");
        assert_eq!(umlauts_spelled_out("Bauer Poe Rafael"), "bauer poe rafael");
    }
}
