//! Finding people by what a person types: full name, surname, first name, a middle or maiden
//! name, alias or nickname (`Connie Johnson` is the article's `Constance N. („Connie“)
//! Johnson`), with or without middle initials (`John Sununu` = `John E. Sununu`), a German
//! genitive or English possessive (`McConnells`, `Obama's`), any case, with or without
//! diacritics (folded to ASCII as the search index folds them), and with typos (one edit from
//! 5 letters, two from 9, a transposition counting as one: search's allowance, from
//! [`crate::search::query::typos`]).
//!
//! Every match is returned, best first: callers never pick one of several silently. `person`
//! shows them all; search's `person:` filter keeps the best kind. Both read the registry
//! ([`crate::kb::corpus::Person`]) and nothing else.

use crate::kb::corpus::Person;
use crate::text::fold;
use crate::text::typos::typo_allowance;

/// How a name matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// The full name, the article's spelling or an alias (`Tom Udall`, `John Sununu`).
    Full,
    /// Every typed word is one of the person's name words (`Udall Mark`), or the one typed
    /// word is the surname, also in the genitive (`Udall`, `McConnells`).
    Words,
    /// The first name alone (`Mark`).
    FirstName,
    /// A middle or maiden name alone (`Moore` for Shelley Moore Capito).
    OtherName,
    /// Close to a name, surname, first or middle name, within the typo allowance.
    Typo,
}

impl MatchKind {
    /// The spelling in JSON (`first_name`).
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Full => "full",
            MatchKind::Words => "words",
            MatchKind::FirstName => "first_name",
            MatchKind::OtherName => "other_name",
            MatchKind::Typo => "typo",
        }
    }
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
    /// Whether only the article's spelling or an alias matched this well, not the name
    /// itself: such matches rank after those by name (`Thomas` is Thomas Ravenel first, then
    /// the Toms, who are Thomas by alias).
    pub by_alias: bool,
}

/// A name as comparable words ([`fold::words`]), single letters (middle initials) dropped.
fn name_words(name: &str) -> Vec<String> {
    let mut words = fold::words(name);
    words.retain(|w| w.chars().count() > 1);
    words
}

/// Every full form of a person's name, as words: the name, the article's spelling, the
/// aliases.
fn forms(person: &Person) -> Vec<Vec<String>> {
    let mut forms: Vec<Vec<String>> = Vec::new();
    let names = std::iter::once(person.name.as_str())
        .chain(person.article_name.as_deref())
        .chain(person.aliases.iter().map(String::as_str));
    for name in names {
        let words = name_words(name);
        if !words.is_empty() && !forms.contains(&words) {
            forms.push(words);
        }
    }
    forms
}

/// The people who answer to `query`, best first; empty when nobody does. People who match
/// equally well keep the registry's (article) order.
pub fn resolve<'a>(people: &'a [Person], query: &str) -> Vec<NameMatch<'a>> {
    let typed = name_words(query);
    if typed.is_empty() {
        return Vec::new();
    }
    let all: Vec<(&Person, Vec<Vec<String>>)> = people.iter().map(|p| (p, forms(p))).collect();
    let surnames: Vec<&String> = all
        .iter()
        .flat_map(|(_, forms)| forms.iter().filter_map(|f| f.last()))
        .collect();
    // The name is always the first form.
    let mut found: Vec<NameMatch<'a>> = all
        .iter()
        .filter_map(|(person, forms)| {
            let kind = exact_kind(forms, &typed, &surnames)?;
            Some(NameMatch {
                person,
                kind,
                distance: 0,
                by_alias: exact_kind(&forms[..1], &typed, &surnames) != Some(kind),
            })
        })
        .collect();
    if found.is_empty() {
        found = all
            .iter()
            .filter_map(|(person, forms)| {
                let distance = typo_distance(forms, &typed)?;
                Some(NameMatch {
                    person,
                    kind: MatchKind::Typo,
                    distance,
                    by_alias: typo_distance(&forms[..1], &typed) != Some(distance),
                })
            })
            .collect();
    }
    found.sort_by_key(|m| (m.kind, m.distance, m.by_alias));
    found
}

/// How well the typed words name a person without typos, if they do.
fn exact_kind(forms: &[Vec<String>], typed: &[String], surnames: &[&String]) -> Option<MatchKind> {
    if forms.iter().any(|f| f == typed) {
        return Some(MatchKind::Full);
    }
    let [word] = typed else {
        let all_in = |f: &Vec<String>| typed.iter().all(|t| f.contains(t));
        return forms.iter().any(all_in).then_some(MatchKind::Words);
    };
    // `McConnells`, `Obamas`: a surname in the genitive, unless the word is itself a name
    // (`Rounds` is not the genitive of anyone's `Round`).
    let genitive = word
        .strip_suffix('s')
        .filter(|stem| !surnames.contains(&word) && !stem.is_empty());
    let is_surname = |f: &Vec<String>| {
        f.last()
            .is_some_and(|last| last == word || Some(last.as_str()) == genitive)
    };
    if forms.iter().any(is_surname) {
        Some(MatchKind::Words)
    } else if forms.iter().any(|f| f.len() > 1 && f.first() == Some(word)) {
        Some(MatchKind::FirstName)
    } else if forms
        .iter()
        .any(|f| f.len() > 2 && f[1..f.len() - 1].contains(word))
    {
        Some(MatchKind::OtherName)
    } else {
        None
    }
}

/// The fewest edits that make `typed` one of the person's forms, or one of their name words,
/// within each typed word's allowance.
fn typo_distance(forms: &[Vec<String>], typed: &[String]) -> Option<usize> {
    let word_distance = |t: &str, f: &str| {
        let d = strsim::damerau_levenshtein(t, f);
        (d <= typo_allowance(t)).then_some(d)
    };
    let mut best: Option<usize> = None;
    for form in forms {
        let candidate = if form.len() == typed.len() {
            form.iter()
                .zip(typed)
                .map(|(f, t)| word_distance(t, f))
                .sum::<Option<usize>>()
        } else {
            None
        };
        let single = match typed {
            [word] => form.iter().filter_map(|f| word_distance(word, f)).min(),
            _ => None,
        };
        for d in [candidate, single].into_iter().flatten() {
            best = Some(best.map_or(d, |b| b.min(d)));
        }
    }
    best
}

/// The names closest to `query` for a "did you mean" (full names): those at the smallest
/// distance found, within a third of the query's length (at least two edits), at most `max`.
pub fn suggestions(people: &[Person], query: &str, max: usize) -> Vec<String> {
    let typed = name_words(query).join(" ");
    if typed.is_empty() {
        return Vec::new();
    }
    let limit = typed.chars().count().div_ceil(3).max(2);
    let mut scored: Vec<(usize, &Person)> = people
        .iter()
        .filter_map(|p| {
            let d = forms(p)
                .iter()
                .flat_map(|f| {
                    let whole = strsim::damerau_levenshtein(&typed, &f.join(" "));
                    let words = f.iter().map(|w| strsim::damerau_levenshtein(&typed, w));
                    std::iter::once(whole).chain(words)
                })
                .min()?;
            (d <= limit).then_some((d, p))
        })
        .collect();
    // The closest only: `Udal` suggests both Udalls, not also `Al` Franken two edits away.
    let best = scored.iter().map(|(d, _)| *d).min();
    scored.retain(|(d, _)| Some(*d) == best);
    scored
        .into_iter()
        .take(max)
        .map(|(_, p)| p.name.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, name: &str, article: Option<&str>, aliases: &[&str]) -> Person {
        Person::sample(id, name, article, aliases)
    }

    fn registry() -> Vec<Person> {
        vec![
            person("mark-udall", "Mark Udall", None, &[]),
            person("tom-udall", "Tom Udall", None, &[]),
            person("tim-scott", "Tim Scott", None, &[]),
            person("scott-brown", "Scott Brown", None, &[]),
            person("shelley-moore-capito", "Shelley Moore Capito", None, &[]),
            person("t-w-shannon", "T. W. Shannon", None, &[]),
            person(
                "connie-johnson",
                "Connie Johnson",
                Some("Constance N. („Connie“) Johnson"),
                &["Constance Johnson"],
            ),
            person("mike-rounds", "Mike Rounds", None, &[]),
            person("daniel-inouye", "Daniel Inouye", None, &[]),
            person("tom-harkin", "Tom Harkin", None, &["Thomas Harkin"]),
            person("thomas-ravenel", "Thomas Ravenel", None, &[]),
        ]
    }

    fn ids(people: &[Person], query: &str) -> Vec<(String, MatchKind)> {
        resolve(people, query)
            .iter()
            .map(|m| (m.person.id.clone(), m.kind))
            .collect()
    }

    #[test]
    fn words_are_folded_and_initials_dropped() {
        assert_eq!(name_words("John E. Sununu"), ["john", "sununu"]);
        assert_eq!(name_words("ÍNOUYE"), ["inouye"]);
        assert_eq!(name_words("Obama's"), ["obamas"]);
        assert_eq!(name_words("O’Brien-Smith"), ["obrien", "smith"]);
        assert_eq!(
            name_words("Constance N. („Connie“) Johnson"),
            ["constance", "connie", "johnson"]
        );
        assert_eq!(name_words("Straße"), ["strasse"]);
        assert!(name_words(" . „“ ").is_empty());
    }

    #[test]
    fn kinds_rank_full_then_surname_then_first_then_middle() {
        let people = registry();
        use MatchKind::*;
        let mark = |k| ("mark-udall".to_string(), k);
        let tom = |k| ("tom-udall".to_string(), k);
        assert_eq!(ids(&people, "udall"), [mark(Words), tom(Words)]);
        assert_eq!(ids(&people, "Tom Udall"), [tom(Full)]);
        assert_eq!(ids(&people, "udall tom"), [tom(Words)]);
        assert_eq!(
            ids(&people, "Scott"),
            [
                ("tim-scott".to_string(), Words),
                ("scott-brown".to_string(), FirstName)
            ]
        );
        assert_eq!(
            ids(&people, "moore"),
            [("shelley-moore-capito".to_string(), OtherName)]
        );
        assert_eq!(ids(&people, "shannon"), [("t-w-shannon".to_string(), Full)]);
        assert_eq!(
            ids(&people, "Connie"),
            [("connie-johnson".to_string(), FirstName)]
        );
        assert_eq!(
            ids(&people, "constance johnson"),
            [("connie-johnson".to_string(), Full)]
        );
        assert_eq!(ids(&people, "tom-udall"), [tom(Full)]);
    }

    #[test]
    fn a_match_by_name_ranks_before_one_by_alias() {
        let people = registry();
        let found = resolve(&people, "Thomas");
        let ids: Vec<(&str, bool)> = found
            .iter()
            .map(|m| (m.person.id.as_str(), m.by_alias))
            .collect();
        assert_eq!(ids, [("thomas-ravenel", false), ("tom-harkin", true)]);
        assert!(found.iter().all(|m| m.kind == MatchKind::FirstName));
        let found = resolve(&people, "Thomas Harkin");
        assert_eq!(found.len(), 1);
        assert!(found[0].by_alias && found[0].kind == MatchKind::Full);
    }

    #[test]
    fn genitives_and_possessives_are_the_surname() {
        let people = registry();
        for query in ["Udalls", "Udall's", "udall’s"] {
            let found = ids(&people, query);
            assert_eq!(found.len(), 2, "{query}: {found:?}");
            assert!(found.iter().all(|(_, k)| *k == MatchKind::Words), "{query}");
        }
        // A surname that ends in s is that surname, not the genitive of another.
        assert_eq!(
            ids(&people, "Rounds"),
            [("mike-rounds".to_string(), MatchKind::Words)]
        );
    }

    #[test]
    fn typos_within_the_allowance() {
        let people = registry();
        let typo = |q: &str| {
            resolve(&people, q)
                .iter()
                .map(|m| (m.person.id.clone(), m.kind, m.distance))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            typo("Inuoye"),
            [("daniel-inouye".to_string(), MatchKind::Typo, 1)]
        );
        assert_eq!(typo("Udal"), []); // four letters: no typo allowed
        assert_eq!(typo("Mark Udalll").len(), 1);
        assert_eq!(typo("Capitto").len(), 1);
        assert_eq!(typo("Capittoo"), []); // two edits at eight letters
        // Exact matches keep typos out: `Scott` is not also a typo of anyone.
        assert!(typo("Scott").iter().all(|(_, k, _)| *k != MatchKind::Typo));
    }

    #[test]
    fn suggestions_for_what_is_too_far() {
        let people = registry();
        assert!(resolve(&people, "Inouyyee").is_empty());
        assert_eq!(suggestions(&people, "Inouyyee", 3), ["Daniel Inouye"]);
        assert!(suggestions(&people, "zzzzzzzzzz", 3).is_empty());
        assert!(suggestions(&people, "", 3).is_empty());
    }
}
