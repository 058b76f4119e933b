//! German compound splitting from a dictionary of parts (`compounds.txt`).
//!
//! A word splits when it is covered entirely by two or more dictionary parts, each followed
//! by an optional linking element (`-s-` in `Plagiat·s·vorwurf`, `-es-` in `Bund·es·staat`,
//! `-en-` in `Repräsentant·en·haus`) and the last by an optional inflection. Among the covers,
//! the one with the fewest parts wins, then the one with the longest first part. Parts come
//! back in their dictionary spelling, normalized like the text (`Kinderärztin` → `kinder`,
//! `arztin`), never as junk such as a stray `s`.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::text::fold;

/// The dictionary file, compiled in.
pub const DICTIONARY: &str = include_str!("compounds.txt");

/// Linking elements between two parts (the empty link first).
const LINKS: [&str; 7] = ["", "s", "es", "n", "en", "e", "er"];

/// Inflections after the last part.
const ENDINGS: [&str; 9] = ["", "s", "es", "n", "en", "e", "er", "ern", "in"];

/// The shortest part the splitter accepts.
const MIN_PART: usize = 3;

struct Dictionary {
    parts: FxHashSet<&'static str>,
    longest: usize,
}

fn dictionary() -> &'static Dictionary {
    static DICT: OnceLock<Dictionary> = OnceLock::new();
    DICT.get_or_init(|| {
        let parts: FxHashSet<&'static str> = DICTIONARY
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| &*Box::leak(fold::german(&line.to_lowercase()).into_boxed_str()))
            .filter(|part| part.len() >= MIN_PART)
            .collect();
        let longest = parts.iter().map(|p| p.len()).max().unwrap_or(0);
        Dictionary { parts, longest }
    })
}

/// A part and, for a feminine part (`arztin`), its masculine form when the dictionary has it
/// (`arzt`): `Arzt` finds `Kinderärztin`.
pub fn forms(part: &'static str) -> impl Iterator<Item = &'static str> {
    let masculine = part
        .strip_suffix("in")
        .and_then(|base| dictionary().parts.get(base).copied());
    std::iter::once(part).chain(masculine)
}

/// The parts of a normalized, lower-case German word, or `None` when it is not a compound of
/// dictionary parts.
pub fn split(word: &str) -> Option<Vec<&'static str>> {
    let dict = dictionary();
    if word.len() < 2 * MIN_PART || !word.is_ascii() {
        return None;
    }
    // Most words start with no part at all: give up before the full search.
    let starts =
        (MIN_PART..=dict.longest.min(word.len())).any(|end| dict.parts.contains(&word[..end]));
    if !starts {
        return None;
    }
    // best[i]: the best cover of word[i..] as (number of parts, parts), or None.
    let n = word.len();
    let mut best: Vec<Option<Vec<&'static str>>> = vec![None; n + 1];
    for start in (0..n).rev() {
        let mut choice: Option<Vec<&'static str>> = None;
        let max_end = (start + dict.longest).min(n);
        // Longest first part first, so ties in the part count keep it.
        for end in (start + MIN_PART..=max_end).rev() {
            let Some(part) = dict.parts.get(&word[start..end]).copied() else {
                continue;
            };
            let rest = &word[end..];
            // The last part, with an inflection.
            if ENDINGS.contains(&rest) {
                let candidate = vec![part];
                if choice.as_ref().is_none_or(|c| candidate.len() < c.len()) {
                    choice = Some(candidate);
                }
            }
            // A part, a link, and a cover of the rest.
            for link in LINKS {
                let next = end + link.len();
                if next >= n || !rest.starts_with(link) {
                    continue;
                }
                if let Some(tail) = &best[next] {
                    if choice.as_ref().is_none_or(|c| tail.len() + 1 < c.len()) {
                        let mut candidate = Vec::with_capacity(tail.len() + 1);
                        candidate.push(part);
                        candidate.extend_from_slice(tail);
                        choice = Some(candidate);
                    }
                }
            }
        }
        best[start] = choice;
    }
    best[0].take().filter(|parts| parts.len() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(word: &str) -> Option<Vec<&'static str>> {
        split(&fold::german(&word.to_lowercase()))
    }

    #[test]
    fn splits_with_linking_elements() {
        assert_eq!(parts("Plagiatsvorwurfs"), Some(vec!["plagiat", "vorwurf"]));
        assert_eq!(parts("Bundesstaaten"), Some(vec!["bund", "staat"]));
        assert_eq!(
            parts("Repräsentantenhauses"),
            Some(vec!["reprasentant", "haus"])
        );
        assert_eq!(parts("Kinderärztin"), Some(vec!["kinder", "arztin"]));
        assert_eq!(parts("Staatsanwalt"), Some(vec!["staat", "anwalt"]));
    }

    #[test]
    fn leaves_simple_words_alone() {
        for word in [
            "Senator",
            "Senatoren",
            "Wahlen",
            "Vorsitzende",
            "Vorstand",
            "Staaten",
        ] {
            assert_eq!(parts(word), None, "{word}");
        }
    }
}
