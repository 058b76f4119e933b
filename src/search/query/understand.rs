//! What the words of a query name: a state (`Iowa`, `Süd-Dakota`, `West Virginia`, `IA`), a
//! person (`Mark Udall`, `McConnell`), a party (`Republikaner`), and whether the query asks for
//! a result (`who won`, `wer gewann`, `Ergebnis`, `lost`) or for the special or the regular
//! election. Read from the knowledge stored with the index ([`Names`]: people, states and their
//! spellings, the vocabulary of the facts), never from a list of queries.
//!
//! [`compile`](super::compile) ranks a race whose state or person is named above races that
//! only mention them, keeps names from being stemmed into other names; [`relax`](super::relax)
//! never leaves out the only word that names something; [`Engine::find`](crate::search::Engine::find)
//! answers a result question with the race it names.

use crate::kb::corpus::{ConceptId, Party};
use crate::kb::knowledge;
use crate::kb::names::{self, MatchKind};
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use crate::search::index::store::{Names, Opened};
use crate::search::query::{Atom, Item};
use crate::text::fold;

/// The most words a state's or a person's name spans (`New Hampshire`, `Shelley Moore
/// Capito`).
const LONGEST_NAME: usize = 3;

/// What a query's groups name (indices into the groups it was worked out from).
#[derive(Debug, Clone, Default)]
pub struct Understanding {
    /// States named, with the groups that name them: their postal codes, lower case.
    pub states: Vec<(Vec<usize>, String)>,
    /// People named by their name (not only a first name), with the groups that name them.
    pub people: Vec<(Vec<usize>, String)>,
    /// Groups that name a party, and the party.
    pub parties: Vec<(usize, Party)>,
    /// Groups that are a word of somebody's name (`Land`, `Stevens`, `Ernst`): matched as
    /// typed, never stemmed, split or misspelt into another word.
    pub name_words: Vec<usize>,
    /// Whether a word asks for a result: who won or lost, the result, the winner.
    pub question: bool,
    /// Groups that are a word every race answers to (`race`, `Wahl`, `2014`, `result`,
    /// `Ergebnis`): optional beside other words, like stop words.
    pub filler: Vec<usize>,
    /// `Some(true)` when a word asks for the special election, `Some(false)` for the regular.
    pub special: Option<bool>,
    /// Words (one or a few in a row) that only the facts decide, with the concepts they
    /// mean ([`ConceptId::only_by_facts`]): `knapp`, `offener Sitz`, `gains`, and the terms of
    /// the facts that say them (`kb::knowledge::fact_terms`: `close`, `share_over:70`).
    pub facts: Vec<(Vec<usize>, Vec<ConceptId>, Vec<String>)>,
}

impl Understanding {
    /// Whether a group names a state, a person or a party: what a partial match keeps.
    pub fn names_entity(&self, group: usize) -> bool {
        self.states.iter().any(|(g, _)| g.contains(&group))
            || self.people.iter().any(|(g, _)| g.contains(&group))
            || self.parties.iter().any(|(g, _)| *g == group)
    }
}

/// What the groups of a query name, read against an opened index (see [`understand`]).
pub fn understand_in(opened: &Opened, groups: &[Vec<Item>]) -> Result<Understanding, String> {
    let names = opened.names()?;
    let searcher = opened.reader.searcher();
    let f = &opened.fields;
    understand(groups, names, &|word| {
        holds(&searcher, f.de_exact, word) || holds(&searcher, f.en_exact, word)
    })
}

/// Whether some document holds `word` as a term of `field`.
pub fn holds(searcher: &Searcher, field: Field, word: &str) -> bool {
    searcher
        .doc_freq(&Term::from_field_text(field, word))
        .is_ok_and(|n| n > 0)
}

/// The words of a group that is a single word or phrase, folded as spellings are compared
/// ([`fold::words`], German-normalized): `None` for anything else.
fn folded(group: &[Item]) -> Option<Vec<String>> {
    match group {
        [Item::Atom(Atom::Word(text) | Atom::Phrase(text))] => {
            let words: Vec<String> = fold::words(text).iter().map(|w| fold::german(w)).collect();
            (!words.is_empty()).then_some(words)
        }
        _ => None,
    }
}

/// The word as typed, when a group is a single word.
fn typed(group: &[Item]) -> Option<&str> {
    match group {
        [Item::Atom(Atom::Word(text))] => Some(text),
        _ => None,
    }
}

/// Reads what the groups of a query name. `is_word` tells whether a folded word occurs in the
/// index's text: a postal code typed in capitals (`IA`) names its state only where it is no
/// word (`OR`, `ME`, `DE`, `IN` are words or stop words in one of the languages).
pub fn understand(
    groups: &[Vec<Item>],
    names: &Names,
    is_word: &dyn Fn(&str) -> bool,
) -> Result<Understanding, String> {
    let words: Vec<Option<Vec<String>>> = groups.iter().map(|g| folded(g)).collect();
    let mut u = Understanding::default();
    let mut taken = vec![false; groups.len()];
    states(groups, &words, names, is_word, &mut taken, &mut u);
    people(groups, names, &mut taken, &mut u)?;
    facts(&words, names, &taken, &mut u);
    u.question = asks_for_result(&words, names);
    for (g, group_words) in words.iter().enumerate() {
        let Some(group_words) = group_words else {
            continue;
        };
        let phrase = group_words.join(" ");
        let is = |concept: ConceptId| names.concept_words(concept).contains(&phrase);
        if let Some(party) = Party::ALL.into_iter().find(|&p| is(ConceptId::party(p))) {
            u.parties.push((g, party));
        }
        if is(ConceptId::Race) || is(ConceptId::Result) {
            u.filler.push(g);
        }

        if is(ConceptId::Special) {
            u.special = Some(true);
        } else if is(ConceptId::Regular) {
            u.special = Some(false);
        }
        // Names are folded without the German normalization (`Joe` is not `Jo`).
        if let Some(word) = typed(&groups[g]) {
            if let [word] = fold::words(word).as_slice() {
                if names.name_words.binary_search(word).is_ok() {
                    u.name_words.push(g);
                }
            }
        }
    }
    Ok(u)
}

/// States named by one group or a few in a row, longest first: `West Virginia` is West
/// Virginia, not Virginia; `Süd Dakota`, `Süd-Dakota` and `Süddakota` are one spelling.
fn states(
    groups: &[Vec<Item>],
    words: &[Option<Vec<String>>],
    names: &Names,
    is_word: &dyn Fn(&str) -> bool,
    taken: &mut [bool],
    u: &mut Understanding,
) {
    let mut start = 0;
    while start < groups.len() {
        let mut found = None;
        for len in (1..=LONGEST_NAME).rev() {
            let Some(span) = words.get(start..start + len) else {
                continue;
            };
            let Some(joined) = span
                .iter()
                .map(|w| w.as_ref().map(|w| w.concat()))
                .collect::<Option<Vec<String>>>()
            else {
                continue;
            };
            let joined = joined.concat();
            if let Some(code) = names.state_of(&joined) {
                found = Some((len, code.to_string()));
                break;
            }
        }
        // A postal code, typed in capitals, that is no word.
        if found.is_none() {
            if let Some(word) = typed(&groups[start]) {
                let code = word.len() == 2 && word.chars().all(|c| c.is_ascii_uppercase());
                let lower = word.to_lowercase();
                if code && !is_word(&lower) {
                    if let Some(state) = names.states.iter().find(|s| s.code == word) {
                        found = Some((1, state.code.to_lowercase()));
                    }
                }
            }
        }
        match found {
            Some((len, code)) => {
                let span: Vec<usize> = (start..start + len).collect();
                for &g in &span {
                    taken[g] = true;
                }
                u.states.push((span, code));
                start += len;
            }
            None => start += 1,
        }
    }
}

/// People named by a few groups in a row (a full name, `Udall Mark`) or by one (a surname,
/// `McConnell`, also in the genitive): not by a first or middle name alone, nor by a typo,
/// which may mean anything.
fn people(
    groups: &[Vec<Item>],
    names: &Names,
    taken: &mut [bool],
    u: &mut Understanding,
) -> Result<(), String> {
    let mut start = 0;
    while start < groups.len() {
        let mut found: Option<(usize, Vec<String>)> = None;
        for len in (1..=LONGEST_NAME).rev() {
            let Some(span) = groups.get(start..start + len) else {
                continue;
            };
            if span.iter().enumerate().any(|(i, _)| taken[start + i]) {
                continue;
            }
            let Some(text) = span.iter().map(|g| typed(g)).collect::<Option<Vec<&str>>>() else {
                continue;
            };
            // Only words of somebody's name (or its genitive) can name somebody: the
            // registry is looked through for those alone.
            let named = text.iter().all(|word| {
                fold::words(word).iter().all(|w| {
                    let genitive = w.strip_suffix('s').unwrap_or(w);
                    [w.as_str(), genitive]
                        .iter()
                        .any(|w| names.name_words.binary_search(&w.to_string()).is_ok())
                })
            });
            if !named {
                continue;
            }
            let ids: Vec<String> = names::resolve(names.people()?, &text.join(" "))
                .into_iter()
                .filter(|m| matches!(m.kind, MatchKind::Full | MatchKind::Words))
                .map(|m| m.person.id.clone())
                .collect();
            if !ids.is_empty() {
                found = Some((len, ids));
                break;
            }
        }
        match found {
            Some((len, ids)) => {
                let span: Vec<usize> = (start..start + len).collect();
                for &g in &span {
                    taken[g] = true;
                }
                for id in ids {
                    u.people.push((span.clone(), id));
                }
                start += len;
            }
            None => start += 1,
        }
    }
    Ok(())
}

/// The most words a fact's phrase spans (`more than 70 percent`).
const LONGEST_FACT: usize = 4;

/// Words that only the facts decide, one or a few in a row, longest first: each span's words,
/// joined by spaces, a word of concepts all of which the facts decide (a share with its
/// number: `über 70 Prozent` is `über {n} Prozent` with 70). A word that also means something
/// the text may say (`lost`: a loser, or a lost seat) is left to the text.
fn facts(words: &[Option<Vec<String>>], names: &Names, taken: &[bool], u: &mut Understanding) {
    let mut start = 0;
    while start < words.len() {
        let mut found = None;
        for len in (1..=LONGEST_FACT).rev() {
            let Some(span) = words.get(start..start + len) else {
                continue;
            };
            if taken[start..start + len].iter().any(|&t| t) {
                continue;
            }
            let Some(phrase) = span
                .iter()
                .map(|w| w.as_ref().map(|w| w.join(" ")))
                .collect::<Option<Vec<String>>>()
            else {
                continue;
            };
            let phrase = phrase.join(" ");
            // A whole number in the phrase stands for the `{n}` of a share's words.
            let number: Option<u32> = phrase.split(' ').find_map(|w| w.parse().ok());
            let template = number.map(|n| {
                let n = n.to_string();
                let words: Vec<&str> = phrase
                    .split(' ')
                    .map(|w| if w == n { "n" } else { w })
                    .collect();
                words.join(" ")
            });
            let mut meant: Vec<(ConceptId, String)> = Vec::new();
            for concept in ConceptId::ALL {
                let known = names.concept_words(concept);
                if known.contains(&phrase) {
                    meant.push((concept, concept.as_str().to_string()));
                } else if let (Some(template), Some(n)) = (&template, number) {
                    if known.contains(template) {
                        meant.push((concept, knowledge::share_term(concept, n)));
                    }
                }
            }
            if !meant.is_empty() {
                found = Some((len, meant));
                break;
            }
        }
        match found {
            Some((len, meant)) => {
                if meant.iter().all(|(c, _)| c.only_by_facts()) {
                    let (concepts, terms) = meant.into_iter().unzip();
                    u.facts
                        .push(((start..start + len).collect(), concepts, terms));
                }
                start += len;
            }
            None => start += 1,
        }
    }
}

/// Whether the words ask for a result: a word of the winner, the loser or the result, its
/// words in a row or, for a phrase, in order with others between (`wie ging die Wahl aus`).
fn asks_for_result(words: &[Option<Vec<String>>], names: &Names) -> bool {
    let all: Vec<&str> = words
        .iter()
        .flatten()
        .flatten()
        .map(String::as_str)
        .collect();
    let in_order = |phrase: &str| {
        let mut rest = all.iter();
        phrase.split(' ').all(|w| rest.any(|a| *a == w))
    };
    [ConceptId::Winner, ConceptId::Loser, ConceptId::Result]
        .into_iter()
        .any(|c| names.concept_words(c).iter().any(|phrase| in_order(phrase)))
}
