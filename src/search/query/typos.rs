//! The typos of a query word among the index's terms: tantivy's term dictionary of a field,
//! segment by segment, searched with the automaton of [`crate::text::typos`] (or tantivy's
//! Levenshtein DFA for a word too long for it): what a `FuzzyTermQuery` would match, spelt
//! out, so that the matches can be scored, highlighted and left out by rule.
//! [`compile`](crate::search::query::compile) asks it for the typos of each query word.

use rustc_hash::FxHashSet;
use tantivy::query::{DfaWrapper, FuzzyTermQuery};
use tantivy::schema::Field;
use tantivy::{Searcher, Term};
use tantivy_fst::Automaton;

use crate::text::typos::Typos;

/// The automaton a form's typos are found with: [`Typos`], or tantivy's Levenshtein DFA
/// (without the rule of the first letter) for a word too long for it (none in the corpus).
pub enum Fuzzy {
    /// Ours.
    Typos(Box<Typos>),
    /// tantivy's.
    Dfa(DfaWrapper),
}

impl Fuzzy {
    /// The automaton for the terms within `n` edits of `form` (a transposition counting as
    /// one).
    pub fn new(form: &str, n: usize) -> tantivy::Result<Fuzzy> {
        let n = u8::try_from(n).unwrap_or(u8::MAX);
        if let Some(typos) = Typos::new(form, n) {
            return Ok(Fuzzy::Typos(Box::new(typos)));
        }
        // The field is no part of the automaton, only of the query it is taken from.
        let term = Term::from_field_text(Field::from_field_id(0), form);
        Ok(Fuzzy::Dfa(FuzzyTermQuery::new(term, n, true).automaton()?))
    }

    /// Adds to `found` every term of `field` the automaton accepts, in every segment: what a
    /// `FuzzyTermQuery` would match, walking the same term dictionaries.
    pub fn find(
        &self,
        searcher: &Searcher,
        field: Field,
        found: &mut FxHashSet<String>,
    ) -> tantivy::Result<()> {
        match self {
            Fuzzy::Typos(typos) => find_terms(searcher, field, typos.as_ref(), found),
            Fuzzy::Dfa(dfa) => find_terms(searcher, field, dfa, found),
        }
    }
}

/// Adds to `found` the terms of `field` that `automaton` accepts, segment by segment.
fn find_terms<A>(
    searcher: &Searcher,
    field: Field,
    automaton: A,
    found: &mut FxHashSet<String>,
) -> tantivy::Result<()>
where
    A: Automaton + Copy,
    A::State: Clone,
{
    for segment in searcher.segment_readers() {
        let dictionary = segment.inverted_index(field)?;
        let mut terms = dictionary.terms().search(automaton).into_stream()?;
        while terms.advance() {
            if let Ok(term) = std::str::from_utf8(terms.key()) {
                found.insert(term.to_string());
            }
        }
    }
    Ok(())
}
