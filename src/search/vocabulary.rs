//! The index's vocabulary in one FST, for finding the terms within a typo or two of a word.
//!
//! Every term of the fields a typo is looked for in (`de_exact`, `en_exact`, `de_parts`), from
//! every segment, once, with the set of those fields it occurs in as its value. It is written
//! with each generation (`vocabulary.fst`, its CRC-32 in `lexicon.json`) and walked once per
//! query word, with the automata of the word's forms (German, English, compound part) all
//! advanced together, where tantivy's term dictionaries are one per field and segment and
//! would be walked once each: six walks per word at two segments, three at one.
//!
//! The walk is our own, over the FST's nodes: a child node is decoded only when some
//! automaton can still match below it. tantivy-fst's stream decodes every child first.
//! Meilisearch keeps its words the same way, in one FST beside the index.

use tantivy::query::DfaWrapper;
use tantivy::{Index, ReloadPolicy};
use tantivy_fst::Automaton;
use tantivy_fst::raw::{Fst, Node, Output, Transition};

use super::schema::Fields;
use super::typos::{Active, Bytes, Typos};

/// The file of a generation holding the vocabulary.
pub const FILE: &str = "vocabulary.fst";

/// The fields of the vocabulary, as bits of a term's value.
pub const DE_EXACT: u64 = 1;
pub const EN_EXACT: u64 = 2;
pub const DE_PARTS: u64 = 4;

/// The vocabulary of an opened generation.
pub struct Vocabulary {
    fst: Fst<Vec<u8>>,
}

/// What a term is matched with: our automaton, or tantivy's Levenshtein DFA for a word too
/// long for it.
pub enum Fuzzy {
    Dfa(DfaWrapper),
    Typos(Box<Typos>),
}

/// Where a [`Fuzzy`] automaton is in a walk.
#[derive(Clone, Copy)]
pub enum FuzzyState {
    Dfa(u32),
    Typos(Active),
}

impl Fuzzy {
    fn start(&self) -> FuzzyState {
        match self {
            Fuzzy::Dfa(dfa) => FuzzyState::Dfa(dfa.start()),
            Fuzzy::Typos(typos) => FuzzyState::Typos(typos.start()),
        }
    }

    /// The state after `byte`, if a match can still follow.
    fn step(&self, state: &FuzzyState, byte: u8) -> Option<FuzzyState> {
        match (self, state) {
            (Fuzzy::Dfa(dfa), FuzzyState::Dfa(s)) => {
                let next = dfa.accept(s, byte);
                dfa.can_match(&next).then_some(FuzzyState::Dfa(next))
            }
            (Fuzzy::Typos(typos), FuzzyState::Typos(active)) => {
                let next = typos.accept(active, byte);
                typos.can_match(&next).then_some(FuzzyState::Typos(next))
            }
            _ => None,
        }
    }

    /// The few bytes that may follow `state` (see [`Typos::next_bytes`]); `None`: any.
    fn next_bytes(&self, state: &FuzzyState) -> Option<Bytes> {
        match (self, state) {
            (Fuzzy::Typos(typos), FuzzyState::Typos(active)) => typos.next_bytes(active),
            _ => None,
        }
    }

    fn is_match(&self, state: &FuzzyState) -> bool {
        match (self, state) {
            (Fuzzy::Dfa(dfa), FuzzyState::Dfa(s)) => dfa.is_match(s),
            (Fuzzy::Typos(typos), FuzzyState::Typos(active)) => typos.is_match(active),
            _ => false,
        }
    }
}

/// The most automata walked at once: a word's German, English and compound-part forms.
pub const MAX_AUTOMATA: usize = 3;

/// One automaton of a walk, and the fields whose terms it collects (bits of [`DE_EXACT`] …).
pub struct Search<'a> {
    pub automaton: &'a Fuzzy,
    pub fields: u64,
}

/// A term found: its text, and the fields it occurs in among those its search collects.
pub type Found = (String, u64);

impl Vocabulary {
    /// Opens a generation's vocabulary (checked against its CRC-32 by the caller).
    pub fn open(bytes: Vec<u8>) -> Result<Vocabulary, String> {
        Fst::new(bytes)
            .map(|fst| Vocabulary { fst })
            .map_err(|e| format!("{FILE}: {e}"))
    }

    /// The terms each search's automaton accepts in its fields, per search, in one walk.
    pub fn find(&self, searches: &[Search]) -> Vec<Vec<Found>> {
        assert!(searches.len() <= MAX_AUTOMATA, "at most {MAX_AUTOMATA}");
        let mut walk = Walk {
            fst: &self.fst,
            searches,
            key: Vec::new(),
            found: searches.iter().map(|_| Vec::new()).collect(),
        };
        let mut states = [None; MAX_AUTOMATA];
        for (state, search) in states.iter_mut().zip(searches) {
            *state = Some(search.automaton.start());
        }
        walk.descend(self.fst.root(), Output::zero(), &states);
        walk.found
    }
}

struct Walk<'v, 's> {
    fst: &'v Fst<Vec<u8>>,
    searches: &'s [Search<'s>],
    key: Vec<u8>,
    found: Vec<Vec<Found>>,
}

impl Walk<'_, '_> {
    /// Visits `node`, reached by `self.key` with `out` so far, where each search's automaton
    /// is in `states` (`None`: it can match nothing below). It recurses no deeper than the
    /// automata can match: a word of at most 63 characters and two typos.
    fn descend(&mut self, node: Node, out: Output, states: &[Option<FuzzyState>; MAX_AUTOMATA]) {
        if node.is_final() {
            let fields = out.cat(node.final_output()).value();
            for (i, search) in self.searches.iter().enumerate() {
                let Some(state) = &states[i] else { continue };
                let mine = fields & search.fields;
                if mine != 0 && search.automaton.is_match(state) {
                    if let Ok(term) = std::str::from_utf8(&self.key) {
                        self.found[i].push((term.to_string(), mine));
                    }
                }
            }
        }
        // Where no automaton has an edit left, only a few bytes can follow: look those up
        // rather than read every transition (most nodes the walk enters are a typo away).
        if let Some(bytes) = self.next_bytes(states) {
            if bytes.as_slice().len() < node.len() {
                for &byte in bytes.as_slice() {
                    if let Some(i) = node.find_input(byte) {
                        self.follow(node.transition(i), out, states);
                    }
                }
                return;
            }
        }
        for t in node.transitions() {
            self.follow(t, out, states);
        }
    }

    /// The bytes any automaton may go on with, if every one of them can tell.
    fn next_bytes(&self, states: &[Option<FuzzyState>; MAX_AUTOMATA]) -> Option<Bytes> {
        let mut all = Bytes::default();
        for (search, state) in self.searches.iter().zip(states) {
            let Some(state) = state else { continue };
            for &byte in search.automaton.next_bytes(state)?.as_slice() {
                if !all.insert(byte) {
                    return None;
                }
            }
        }
        Some(all)
    }

    /// Takes a transition, if some automaton is still alive after its byte.
    fn follow(&mut self, t: Transition, out: Output, states: &[Option<FuzzyState>; MAX_AUTOMATA]) {
        let mut next = [None; MAX_AUTOMATA];
        let mut alive = false;
        for (i, search) in self.searches.iter().enumerate() {
            if let Some(state) = &states[i] {
                next[i] = search.automaton.step(state, t.inp);
                alive |= next[i].is_some();
            }
        }
        if !alive {
            return;
        }
        self.key.push(t.inp);
        self.descend(self.fst.node(t.addr), out.cat(t.out), &next);
        self.key.pop();
    }
}

/// Builds the vocabulary of an index's committed segments: the bytes of [`FILE`].
pub fn build(index: &Index, fields: &Fields) -> tantivy::Result<Vec<u8>> {
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let searcher = reader.searcher();
    let mut dictionaries = Vec::new();
    for segment in searcher.segment_readers() {
        for (field, bit) in [
            (fields.de_exact, DE_EXACT),
            (fields.en_exact, EN_EXACT),
            (fields.de_parts, DE_PARTS),
        ] {
            dictionaries.push((segment.inverted_index(field)?, bit));
        }
    }
    // Each dictionary is sorted: merge them, a term's bits joined where several hold it.
    let mut streams = Vec::new();
    for (dictionary, bit) in &dictionaries {
        let mut stream = dictionary.terms().stream()?;
        if stream.advance() {
            streams.push((stream, *bit));
        }
    }
    let mut builder = tantivy_fst::MapBuilder::memory();
    let mut key = Vec::new();
    while let Some(least) = streams.iter().map(|(s, _)| s.key()).min() {
        key.clear();
        key.extend_from_slice(least);
        let mut bits = 0;
        streams.retain_mut(|(stream, bit)| {
            if stream.key() != key.as_slice() {
                return true;
            }
            bits |= *bit;
            stream.advance()
        });
        builder
            .insert(&key, bits)
            .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
    }
    builder
        .into_inner()
        .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analysis;
    use crate::search::schema;
    use tantivy::TantivyDocument;
    use tantivy::schema::Field;
    use tantivy_fst::Streamer;

    /// Every term of `field` in every segment.
    fn terms(index: &Index, field: Field) -> Vec<String> {
        let reader = index.reader().unwrap();
        let mut terms = Vec::new();
        for segment in reader.searcher().segment_readers() {
            let dictionary = segment.inverted_index(field).unwrap();
            let mut stream = dictionary.terms().stream().unwrap();
            while stream.advance() {
                terms.push(String::from_utf8(stream.key().to_vec()).unwrap());
            }
        }
        terms
    }

    /// The vocabulary of an index of several segments holds every term of the three fields
    /// of every segment, once, with exactly the fields it occurs in; and the walk finds in it
    /// what is there.
    #[test]
    fn holds_every_term_of_every_segment_with_its_fields() {
        let (schema, f) = schema::schema();
        let index = Index::create_in_ram(schema);
        analysis::register(&index);
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        // Each commit writes a segment of its own; words shared and words not.
        let batches = [
            ("Die Stichwahl im Dezember", "The runoff in December"),
            (
                "Ein Plagiatsvorwurf gegen Walsh",
                "A plagiarism allegation against Walsh",
            ),
            (
                "Dezember: Stichwahl in Louisiana",
                "Louisiana runoff, December",
            ),
        ];
        for (de, en) in batches {
            let mut doc = TantivyDocument::default();
            for field in [f.de_exact, f.de_stem, f.de_parts] {
                doc.add_text(field, de);
            }
            for field in [f.en_exact, f.en_stem] {
                doc.add_text(field, en);
            }
            writer.add_document(doc).unwrap();
            writer.commit().unwrap();
        }
        writer.wait_merging_threads().unwrap();
        let reader = index.reader().unwrap();
        assert_eq!(reader.searcher().segment_readers().len(), 3);

        let vocabulary = Vocabulary::open(build(&index, &f).unwrap()).unwrap();
        let mut expected: std::collections::BTreeMap<String, u64> = Default::default();
        for (field, bit) in [
            (f.de_exact, DE_EXACT),
            (f.en_exact, EN_EXACT),
            (f.de_parts, DE_PARTS),
        ] {
            for term in terms(&index, field) {
                *expected.entry(term).or_default() |= bit;
            }
        }
        let mut stored = Vec::new();
        let map = tantivy_fst::Map::from(vocabulary.fst);
        let mut stream = map.stream();
        while let Some((key, bits)) = stream.next() {
            stored.push((String::from_utf8(key.to_vec()).unwrap(), bits));
        }
        let expected: Vec<(String, u64)> = expected.into_iter().collect();
        assert_eq!(stored, expected);
        // Shared by segments and by languages: one entry, every field's bit.
        assert!(stored.contains(&("december".to_string(), EN_EXACT)));
        assert!(stored.contains(&("louisiana".to_string(), DE_EXACT | EN_EXACT)));
        assert!(
            stored
                .iter()
                .any(|(t, bits)| t == "plagiat" && bits & DE_PARTS != 0)
        );
    }
}
