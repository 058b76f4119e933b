//! Who each sentence names: the link from a unit of the text to the people of the registry,
//! derived from the text by name matching when the corpus is used, never written by hand.
//!
//! The race files link people to documents (`[[people]]` with roles); this module finds the
//! units within a document that name each of them, so that `person` can quote the sentences.
//! It reads the registry ([`Person`]) and the units, in German and English separately; the
//! data tests check that both languages name the same people in every unit and that every
//! document lists exactly the people its text names.
//!
//! # The rule
//!
//! Text is split into words (runs of letters and digits); matching is case-sensitive, so the
//! noun `land` is never Terri Lynn Land, and a sentence's first word is compared as written.
//!
//! 1. **Full names** first: the name, the article's spelling (`Constance N. („Connie“)
//!    Johnson`) and the aliases, each also without its middle initials when two words remain
//!    (`John Sununu`). The last word may take a genitive `s` (`Barack Obamas`). The longest
//!    form wins, and its words are used up: `Scott` in `Scott Brown` is not Tim Scott.
//! 2. **A surname alone** (also `McConnells`, `Durbins`; English `Obama's` is `Obama` and
//!    `s`) names the bearer of that surname whom the reader has been introduced to:
//!    1. one the same sentence names in full: the nearest before it, else the nearest after;
//!    2. else one the document names in full: the first it names (in New Mexico, `Senator
//!       Udall` is Tom Udall, named in the first sentence, although Mark Udall is named too);
//!    3. else one an earlier document names in full: the nearest such document (`Präsident
//!       Obama` in Nebraska, `Senator Inhofe` in Oklahoma's special election).
//!
//!    A surname nobody was introduced by is a word, not a person (`Herr`, `Ball`).
//! 3. **A first name alone** never names anyone (`Allen Umfragen zufolge` is not Allen Weh).

use std::collections::HashMap;

use crate::kb::corpus::{Corpus, Document, Person};
use crate::l10n::Lang;

/// How a unit names a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// By a full form of the name.
    Full,
    /// By the surname alone, resolved by context.
    Surname,
}

/// One naming of a person in one unit's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The person's index in the registry.
    pub person: usize,
    /// Byte range of the naming words in the text.
    pub span: (usize, usize),
    /// Full name or surname.
    pub naming: Naming,
}

/// A word of a text with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

/// The words of a text: runs of letters and digits.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether `word` is `name` or its genitive (`Obamas`).
fn is_or_genitive(word: &str, name: &str) -> bool {
    word == name || word.strip_suffix('s') == Some(name)
}

/// The registry prepared for matching: full forms by their first word, surnames.
struct Names {
    /// First word → (words of the form, person), longest forms first.
    forms: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// Surname → the people who bear it, in registry order.
    surnames: HashMap<String, Vec<usize>>,
}

impl Names {
    fn new(people: &[Person]) -> Names {
        let mut forms: HashMap<String, Vec<(Vec<String>, usize)>> = HashMap::new();
        let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, person) in people.iter().enumerate() {
            for form in person_forms(person) {
                if let Some(last) = form.last() {
                    let bearers = surnames.entry(last.clone()).or_default();
                    if !bearers.contains(&i) {
                        bearers.push(i);
                    }
                }
                if form.len() > 1 {
                    forms.entry(form[0].clone()).or_default().push((form, i));
                }
            }
        }
        for list in forms.values_mut() {
            list.sort_by_key(|(form, i)| (std::cmp::Reverse(form.len()), *i));
        }
        Names { forms, surnames }
    }

    /// The longest full form starting at word `at`: its length in words and its person.
    fn full_at(&self, words: &[Word], at: usize) -> Option<(usize, usize)> {
        let candidates = self.forms.get(words[at].text)?;
        candidates.iter().find_map(|(form, person)| {
            let end = at + form.len();
            let fits = end <= words.len()
                && form.iter().enumerate().all(|(k, w)| {
                    let word = words[at + k].text;
                    if k + 1 == form.len() {
                        is_or_genitive(word, w)
                    } else {
                        word == w
                    }
                });
            fits.then_some((form.len(), *person))
        })
    }

    /// The people a lone word may name as their surname (or its genitive).
    fn bearers(&self, word: &str) -> &[usize] {
        if let Some(people) = self.surnames.get(word) {
            return people;
        }
        word.strip_suffix('s')
            .and_then(|stem| self.surnames.get(stem))
            .map_or(&[], Vec::as_slice)
    }
}

/// A person's forms as words: every name, and every name without its initials. Only forms of
/// two words or more are matched as full names; the last word of each is a surname.
fn person_forms(person: &Person) -> Vec<Vec<String>> {
    let mut forms: Vec<Vec<String>> = Vec::new();
    let names = std::iter::once(person.name.as_str())
        .chain(person.article_name.as_deref())
        .chain(person.aliases.iter().map(String::as_str));
    for name in names {
        let all: Vec<String> = words(name).iter().map(|w| w.text.to_string()).collect();
        let bare: Vec<String> = all
            .iter()
            .filter(|w| w.chars().count() > 1)
            .cloned()
            .collect();
        for form in [all, bare] {
            if !form.is_empty() && !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

/// A full naming found in the first pass: where, and the words it used up.
#[derive(Debug, Clone, Copy)]
struct Full {
    unit: usize,
    start: usize,
    end: usize,
    person: usize,
}

/// Who every unit of every document names in one language: `[document][unit]`, each unit's
/// mentions in text order.
pub fn find(people: &[Person], documents: &[Document], lang: Lang) -> Vec<Vec<Vec<Mention>>> {
    let names = Names::new(people);
    let texts: Vec<Vec<&str>> = documents
        .iter()
        .map(|d| {
            d.units
                .iter()
                .map(|u| match lang {
                    Lang::De => u.de.as_str(),
                    Lang::En => u.en.as_str(),
                })
                .collect()
        })
        .collect();
    // Pass 1: full names, in every document, so that context can look anywhere.
    let mut full: Vec<Vec<Full>> = Vec::with_capacity(texts.len());
    for units in &texts {
        let mut found = Vec::new();
        for (u, text) in units.iter().enumerate() {
            let words = words(text);
            let mut at = 0;
            while at < words.len() {
                match names.full_at(&words, at) {
                    Some((len, person)) => {
                        found.push(Full {
                            unit: u,
                            start: words[at].start,
                            end: words[at + len - 1].end,
                            person,
                        });
                        at += len;
                    }
                    None => at += 1,
                }
            }
        }
        full.push(found);
    }
    // Pass 2: surnames alone, resolved by context.
    texts
        .iter()
        .enumerate()
        .map(|(d, units)| {
            units
                .iter()
                .enumerate()
                .map(|(u, text)| unit_mentions(&names, &full, d, u, text))
                .collect()
        })
        .collect()
}

/// The mentions of one unit: its full names and its resolved surnames, in text order.
fn unit_mentions(
    names: &Names,
    full: &[Vec<Full>],
    doc: usize,
    unit: usize,
    text: &str,
) -> Vec<Mention> {
    let here: Vec<&Full> = full[doc].iter().filter(|f| f.unit == unit).collect();
    let mut mentions: Vec<Mention> = here
        .iter()
        .map(|f| Mention {
            person: f.person,
            span: (f.start, f.end),
            naming: Naming::Full,
        })
        .collect();
    for word in words(text) {
        if here
            .iter()
            .any(|f| f.start <= word.start && word.end <= f.end)
        {
            continue;
        }
        let bearers = names.bearers(word.text);
        if bearers.is_empty() {
            continue;
        }
        if let Some(person) = resolve_surname(bearers, &here, &full[..=doc], word.start) {
            mentions.push(Mention {
                person,
                span: (word.start, word.end),
                naming: Naming::Surname,
            });
        }
    }
    mentions.sort_by_key(|m| m.span);
    mentions
}

/// Which of the bearers of a surname a lone surname at byte `at` names (see the module's
/// rule): `here` are the unit's full names, `docs` the full names of the documents up to and
/// including this one.
fn resolve_surname(
    bearers: &[usize],
    here: &[&Full],
    docs: &[Vec<Full>],
    at: usize,
) -> Option<usize> {
    let introduced: Vec<&Full> = here
        .iter()
        .copied()
        .filter(|f| bearers.contains(&f.person))
        .collect();
    // 1. The same sentence: the nearest full naming before the word, else after it.
    let before = introduced.iter().rev().find(|f| f.end <= at);
    let after = introduced.iter().find(|f| f.start >= at);
    if let Some(f) = before.or(after) {
        return Some(f.person);
    }
    // 2. This document, 3. the nearest earlier one: the first full naming there.
    docs.iter()
        .rev()
        .find_map(|fulls| fulls.iter().find(|f| bearers.contains(&f.person)))
        .map(|f| f.person)
}

/// The namings of one unit in one language: person id and byte range, in text order.
type Namings = Vec<(String, (usize, usize))>;

/// Who each unit names, in both languages, by document and person id.
#[derive(Debug, Clone)]
pub struct Mentions {
    /// Document id → per unit (0-based) → namings in German and English.
    docs: HashMap<String, Vec<[Namings; 2]>>,
}

impl Mentions {
    /// Derives the mentions of a whole corpus.
    pub fn of(corpus: &Corpus) -> Mentions {
        let de = find(&corpus.people, &corpus.documents, Lang::De);
        let en = find(&corpus.people, &corpus.documents, Lang::En);
        let id = |m: &Mention| (corpus.people[m.person].id.clone(), m.span);
        let docs = corpus
            .documents
            .iter()
            .zip(de.iter().zip(&en))
            .map(|(doc, (de, en))| {
                let units = de
                    .iter()
                    .zip(en)
                    .map(|(de, en)| [de.iter().map(id).collect(), en.iter().map(id).collect()])
                    .collect();
                (doc.id.clone(), units)
            })
            .collect();
        Mentions { docs }
    }

    /// The units (1-based) of a document that name a person, in either language.
    pub fn units_naming(&self, doc: &str, person: &str) -> Vec<usize> {
        let Some(units) = self.docs.get(doc) else {
            return Vec::new();
        };
        units
            .iter()
            .enumerate()
            .filter(|(_, langs)| langs.iter().flatten().any(|(p, _)| p == person))
            .map(|(i, _)| i + 1)
            .collect()
    }

    /// Where a unit's text in `lang` names a person: byte ranges, in text order.
    pub fn spans(&self, doc: &str, unit: usize, person: &str, lang: Lang) -> Vec<(usize, usize)> {
        let index = usize::from(lang == Lang::En);
        self.docs
            .get(doc)
            .and_then(|units| units.get(unit.checked_sub(1)?))
            .map(|langs| {
                langs[index]
                    .iter()
                    .filter(|(p, _)| p == person)
                    .map(|(_, span)| *span)
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::corpus::SentencePair;

    fn person(id: &str, name: &str, article: Option<&str>, aliases: &[&str]) -> Person {
        Person::sample(id, name, article, aliases)
    }

    fn registry() -> Vec<Person> {
        vec![
            person("barack-obama", "Barack Obama", None, &[]),
            person("mark-udall", "Mark Udall", None, &[]),
            person("tom-udall", "Tom Udall", None, &[]),
            person("scott-brown", "Scott Brown", None, &[]),
            person("tim-scott", "Tim Scott", None, &[]),
            person("john-e-sununu", "John E. Sununu", None, &[]),
            person("t-w-shannon", "T. W. Shannon", None, &[]),
            person(
                "connie-johnson",
                "Connie Johnson",
                Some("Constance N. („Connie“) Johnson"),
                &[],
            ),
            person("terri-lynn-land", "Terri Lynn Land", None, &["Terri Land"]),
            person("allen-weh", "Allen Weh", None, &[]),
            person("brian-herr", "Brian Herr", None, &[]),
        ]
    }

    fn doc(id: &str, sentences: &[&str]) -> Document {
        Document {
            id: id.into(),
            source_headings: Vec::new(),
            facts: None,
            election: None,
            people: Vec::new(),
            units: sentences
                .iter()
                .map(|s| SentencePair {
                    paragraph: 1,
                    de: s.to_string(),
                    en: s.to_string(),
                })
                .collect(),
        }
    }

    /// Per document, per unit: (person id, naming) in text order.
    fn named(docs: &[Document]) -> Vec<Vec<Vec<(String, Naming)>>> {
        let people = registry();
        find(&people, docs, Lang::De)
            .into_iter()
            .map(|units| {
                units
                    .into_iter()
                    .map(|ms| {
                        ms.into_iter()
                            .map(|m| (people[m.person].id.clone(), m.naming))
                            .collect()
                    })
                    .collect()
            })
            .collect()
    }

    fn ids(unit: &[(String, Naming)]) -> Vec<&str> {
        unit.iter().map(|(id, _)| id.as_str()).collect()
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let w: Vec<&str> = words("McConnell's („Connie“) US-Senator 48,2 %")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["McConnell", "s", "Connie", "US", "Senator", "48", "2"]);
    }

    #[test]
    fn full_names_with_and_without_initials_and_the_article_spelling() {
        let found = named(&[doc(
            "x",
            &[
                "Gegen John E. Sununu und John Sununu.",
                "Die Demokraten schickten Constance N. („Connie“) Johnson ins Rennen.",
                "State Representative T. W. Shannon verlor.",
                "Terri Lynn Land und Terri Land.",
            ],
        )]);
        assert_eq!(ids(&found[0][0]), ["john-e-sununu", "john-e-sununu"]);
        assert_eq!(ids(&found[0][1]), ["connie-johnson"]);
        assert_eq!(ids(&found[0][2]), ["t-w-shannon"]);
        assert_eq!(ids(&found[0][3]), ["terri-lynn-land", "terri-lynn-land"]);
    }

    #[test]
    fn a_first_name_alone_and_a_word_nobody_was_introduced_by_name_nobody() {
        let found = named(&[doc(
            "x",
            &[
                "Allen Umfragen zufolge lag er vorn.",
                "Herr Meier kaufte Land.",
                "Mark und Tom.",
            ],
        )]);
        assert!(found[0].iter().all(|u| u.is_empty()), "{found:?}");
    }

    #[test]
    fn surnames_alone_and_in_the_genitive() {
        let found = named(&[
            doc(
                "overview",
                &["Präsident Barack Obama.", "Präsident Obamas Amtszeit."],
            ),
            doc(
                "ne",
                &["Präsident Obama erreichte 38 %.", "President Obama's term."],
            ),
        ]);
        assert_eq!(found[0][1], [("barack-obama".into(), Naming::Surname)]);
        // Introduced in an earlier document.
        assert_eq!(ids(&found[1][0]), ["barack-obama"]);
        assert_eq!(ids(&found[1][1]), ["barack-obama"]);
    }

    #[test]
    fn shared_surnames_are_resolved_by_context() {
        let found = named(&[
            doc("co", &["Mark Udall kandidierte.", "Senator Udall führte."]),
            doc(
                "nm",
                &[
                    "Senator Tom Udall wurde 2008 gewählt.",
                    "Tom Udall ist der Cousin von Mark Udall.",
                    "Senator Udall lag vorn.",
                    "Mark Udall und Udall, sein Cousin Tom Udall.",
                ],
            ),
            doc(
                "nh",
                &["Für die Republikaner trat Scott Brown an.", "Brown gewann."],
            ),
            doc("sc", &["Gouverneurin ernannte Tim Scott.", "Scott gewann."]),
        ]);
        assert_eq!(ids(&found[0][1]), ["mark-udall"]);
        assert_eq!(ids(&found[1][1]), ["tom-udall", "mark-udall"]);
        // The document's first Udall, though Mark Udall was named since.
        assert_eq!(ids(&found[1][2]), ["tom-udall"]);
        // The same sentence: the nearest full naming before the surname.
        assert_eq!(ids(&found[1][3]), ["mark-udall", "mark-udall", "tom-udall"]);
        // `Scott` inside `Scott Brown` is used up by the full name.
        assert_eq!(ids(&found[2][0]), ["scott-brown"]);
        assert_eq!(ids(&found[2][1]), ["scott-brown"]);
        assert_eq!(ids(&found[3][1]), ["tim-scott"]);
    }

    #[test]
    fn a_surname_before_its_full_name_in_the_sentence_looks_ahead() {
        let found = named(&[doc(
            "x",
            &["Udall, also Tom Udall, gewann gegen Mark Udall."],
        )]);
        assert_eq!(ids(&found[0][0]), ["tom-udall", "tom-udall", "mark-udall"]);
    }

    #[test]
    fn case_matters_so_common_words_stay_words() {
        let found = named(&[doc(
            "x",
            &["Terri Lynn Land kandidierte.", "Das land und der herr."],
        )]);
        assert!(found[0][1].is_empty());
    }
}
