//! Folding text for comparison: one module for every way senate-kb makes two spellings meet,
//! each fold for its own comparison.
//!
//! | fold | makes meet | serves |
//! | --- | --- | --- |
//! | [`words`] | case, diacritics (`Ínouye`, `ß`), apostrophes (`O'Brien`), punctuation between words | people's names ([`crate::kb::names`]) |
//! | [`key`] | the same, as one string of words (`Süd-Carolina` → `sud carolina`) | race lookup ([`crate::kb::resolve`]) |
//! | [`german`] | `ä`/`ae`, `ö`/`oe`, `ü`/`ue`, `ß`/`ss` in a lower-case German word | the German analyzers and the compound dictionary ([`crate::search::analysis`]) |
//! | [`filter_key`] | both of the last two | filter values (`state:Süd-Dakota`, `party:Republikaner`) |
//!
//! The search index's own analyzers fold as [`german`] and tantivy's ASCII folding do; a change
//! here that changes what the index holds must make every index stale (its analyzer version).

use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};

/// Apostrophes and the marks typed for them: dropped, so that the two halves meet.
const APOSTROPHES: [char; 5] = ['\'', '’', 'ʻ', '`', '´'];

/// Text as comparable words: apostrophes dropped (`O'Brien` is one word, `Obama's` is
/// `obamas`), every other mark a separator, lower case, diacritics folded to ASCII by tantivy's
/// `AsciiFoldingFilter` (`Ínouye` → `inouye`, `ß` → `ss`).
pub fn words(text: &str) -> Vec<String> {
    let joined: String = text.chars().filter(|c| !APOSTROPHES.contains(c)).collect();
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let mut stream = analyzer.token_stream(&joined);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// A name as one comparable string: its [`words`] joined by single spaces.
pub fn key(text: &str) -> String {
    words(text).join(" ")
}

/// German normalization as in Lucene's `GermanNormalizationFilter` (which Elasticsearch's
/// German analysis uses): `ä ö ü` become `a o u`, `ae oe ue` become `a o u` unless the vowel
/// follows another vowel or `q` (`Quelle`, `Bauer` keep theirs), and `ß` becomes `ss`. So
/// `Rücktritt`, `Ruecktritt` and `Rucktritt` meet. Expects lower-case input.
pub fn german(word: &str) -> String {
    #[derive(PartialEq)]
    enum State {
        /// After a consonant or at the start.
        N,
        /// After a vowel that does not start an `ae/oe/ue` digraph.
        V,
        /// After `a`, `o` or `u` that may be followed by a silent `e`.
        U,
    }
    let mut out = String::with_capacity(word.len());
    let mut state = State::N;
    for c in word.chars() {
        match c {
            'a' | 'o' => {
                out.push(c);
                state = State::U;
            }
            'u' => {
                out.push(c);
                state = if state == State::N {
                    State::U
                } else {
                    State::V
                };
            }
            'e' => {
                if state != State::U {
                    out.push(c);
                }
                state = State::V;
            }
            'i' | 'q' | 'y' => {
                out.push(c);
                state = State::V;
            }
            'ä' => {
                out.push('a');
                state = State::V;
            }
            'ö' => {
                out.push('o');
                state = State::V;
            }
            'ü' => {
                out.push('u');
                state = State::V;
            }
            'ß' => {
                out.push_str("ss");
                state = State::N;
            }
            _ => {
                out.push(c);
                state = State::N;
            }
        }
    }
    out
}

/// A filter value as compared with the names it may mean: its [`key`], German-normalized.
pub fn filter_key(text: &str) -> String {
    german(&key(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_meet() {
        assert_eq!(key("Süd-Carolina"), "sud carolina");
        assert_eq!(key("  HAWAIʻI "), "hawaii");
        assert_eq!(key("ok-special"), "ok special");
        assert_eq!(words("O’Brien's Ínouye"), ["obriens", "inouye"]);
        for word in ["Rücktritt", "Ruecktritt", "Rucktritt"] {
            assert_eq!(german(&word.to_lowercase()), "rucktritt", "{word}");
        }
        // A vowel after another vowel or `q` keeps its `e`.
        assert_eq!(german("quelle bauer"), "quelle bauer");
        assert_eq!(filter_key("Süd-Dakota"), filter_key("sued dakota"));
    }
}
