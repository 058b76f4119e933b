//! Finding people by what a person types: full name, surname, first name, alias or nickname
//! (`Connie Johnson`), with or without middle initials (`John Sununu` = `John E. Sununu`),
//! any case, with or without diacritics, and with typos (one edit from 5 letters, two from 9,
//! a transposition counting as one). Every match is returned, best first: callers never pick
//! one of several silently.

use crate::corpus::Person;
use crate::resolve::normalize;

/// How a name matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// The full name or an alias.
    Full,
    /// Every typed word is one of the person's name words (`Udall Mark`, `Udall`).
    Words,
    /// The first name alone.
    FirstName,
    /// Close to a name, surname or first name, within the typo allowance.
    Typo,
}

/// A person that answers to a name.
#[derive(Debug, Clone, Copy)]
pub struct NameMatch<'a> {
    /// The person.
    pub person: &'a Person,
    /// How.
    pub kind: MatchKind,
    /// Edits needed for a typo match, else 0.
    pub distance: usize,
}

/// The typo allowance of a word, as in Meilisearch: none under 5 letters, one from 5, two
/// from 9.
pub fn typo_allowance(word: &str) -> usize {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// A name as comparable words: normalized, punctuation and quotes removed, middle initials
/// (single letters) dropped.
pub fn name_words(name: &str) -> Vec<String> {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' || c == '’' {
                c
            } else {
                ' '
            }
        })
        .collect();
    normalize(&cleaned)
        .split(' ')
        .filter(|w| w.chars().count() > 1)
        .map(|w| w.replace(['\'', '’'], ""))
        .collect()
}

/// Every full form of a person's name: the name, the article's spelling, the aliases.
fn forms(person: &Person) -> Vec<Vec<String>> {
    std::iter::once(person.name.as_str())
        .chain(person.article_name.as_deref())
        .chain(person.aliases.iter().map(String::as_str))
        .map(name_words)
        .filter(|w| !w.is_empty())
        .collect()
}

/// The people who answer to `query`, best first; empty when nobody does.
pub fn resolve<'a>(people: &'a [Person], query: &str) -> Vec<NameMatch<'a>> {
    let typed = name_words(query);
    if typed.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<NameMatch<'a>> = Vec::new();
    for person in people {
        let forms = forms(person);
        let kind = if forms.contains(&typed) {
            Some(MatchKind::Full)
        } else if forms.iter().any(|f| {
            if typed.len() == 1 {
                f.last() == typed.first()
            } else {
                typed.iter().all(|t| f.contains(t))
            }
        }) {
            Some(MatchKind::Words)
        } else if typed.len() == 1 && forms.iter().any(|f| f.first() == typed.first()) {
            Some(MatchKind::FirstName)
        } else {
            None
        };
        if let Some(kind) = kind {
            found.push(NameMatch {
                person,
                kind,
                distance: 0,
            });
        }
    }
    if found.is_empty() {
        for person in people {
            if let Some(distance) = typo_distance(&forms(person), &typed) {
                found.push(NameMatch {
                    person,
                    kind: MatchKind::Typo,
                    distance,
                });
            }
        }
    }
    found.sort_by_key(|m| (m.kind, m.distance));
    found
}

/// The fewest edits that make `typed` one of the person's forms, or their surname or first
/// name, within each word's allowance.
fn typo_distance(forms: &[Vec<String>], typed: &[String]) -> Option<usize> {
    let word_distance = |a: &str, b: &str| {
        let d = strsim::damerau_levenshtein(a, b);
        (d <= typo_allowance(a)).then_some(d)
    };
    let mut best: Option<usize> = None;
    let mut consider = |d: Option<usize>| {
        if let Some(d) = d {
            best = Some(best.map_or(d, |b: usize| b.min(d)));
        }
    };
    for form in forms {
        if form.len() == typed.len() {
            let total: Option<usize> = form
                .iter()
                .zip(typed)
                .map(|(f, t)| word_distance(t, f))
                .sum();
            consider(total);
        }
        if typed.len() == 1 {
            consider(form.last().and_then(|f| word_distance(&typed[0], f)));
            consider(form.first().and_then(|f| word_distance(&typed[0], f)));
        }
    }
    best
}

/// Names close to `query` for a "did you mean" (full names), best first.
pub fn suggestions(people: &[Person], query: &str, max: usize) -> Vec<String> {
    let typed = name_words(query).join(" ");
    let mut scored: Vec<(usize, &Person)> = people
        .iter()
        .filter_map(|p| {
            let d = forms(p)
                .iter()
                .flat_map(|f| {
                    [
                        strsim::damerau_levenshtein(&typed, &f.join(" ")),
                        f.last()
                            .map_or(usize::MAX, |l| strsim::damerau_levenshtein(&typed, l)),
                    ]
                })
                .min()?;
            (d <= typed.chars().count().div_ceil(3).max(2)).then_some((d, p))
        })
        .collect();
    scored.sort_by_key(|(d, _)| *d);
    scored
        .into_iter()
        .take(max)
        .map(|(_, p)| p.name.clone())
        .collect()
}
