//! When no document matches every word of a query: what matches the rest of it, and which
//! words were left out to get there (`who replaced Max Baucus`: the article never says
//! "replaced"; without it, Montana).
//!
//! Every word must match, as the contract says, and the answer to the query as typed stays
//! "nothing" (the `search` command exits 1). This is what it offers instead, as Meilisearch's
//! matching strategies and a web search's "Missing: …" do. Words are left out one at a time
//! until something matches:
//!
//! 1. first every word that matches nothing even alone (with the query's filters and
//!    exclusions);
//! 2. then the commonest word (Meilisearch's `frequency` strategy: it says least about what is
//!    wanted; a rare word, often a name, says most), one at a time.
//!
//! Of equally common words, the one whose leaving out lets all the others match goes first,
//! so that as many words as possible stay (`approval Arkansas Pryor`, each in one race, keeps
//! `Arkansas Pryor`); else the last typed (Meilisearch's `last` strategy). A rarer word never
//! goes for a commoner one to stay: `warum trat John Walsh zurück` leaves out `trat`, `John`
//! and `zurück` and finds Walsh's Montana, though `trat John zurück` would match elsewhere.
//!
//! Looking for the word whose leaving out lets the others match costs a count per candidate,
//! so it is done [`LOOKAHEAD`] times at most per query; beyond that the last typed goes.
//!
//! Filters, exclusions and stop words are never left out, nor is anything with nothing to
//! search for (`?`): a filter is a constraint the user spelled out, and a stop word is what
//! stays required when nothing else is, which must not happen here. A query with fewer than
//! two words that may go is not relaxed.

use std::cmp::Reverse;

use tantivy::Term;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, TermQuery};
use tantivy::schema::IndexRecordOption;

use crate::kb::corpus::DocKind;
use crate::search::query::understand::understand_in;
use crate::search::query::{Atom, Item, Query};
use crate::search::{CompileError, Engine, Hit, SearchError};

/// How many counts step 2 may spend on one query.
const LOOKAHEAD: usize = 16;

/// What matches the rest of a query that nothing matches in full.
#[derive(Debug, Clone)]
pub struct Relaxed {
    /// The words left out, as typed (`"a phrase"`, `plag*`, `a OR b`), in query order, each
    /// once.
    pub without: Vec<String>,
    /// How many documents match the rest.
    pub total: usize,
    /// The best of them.
    pub hits: Vec<Hit>,
}

/// What a search finds, as the user is shown it: the documents that match every word, else
/// what matches the rest ([`Engine::find`]).
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// How many documents match every word.
    pub total: usize,
    /// The best of them.
    pub hits: Vec<Hit>,
    /// When none does: what matches the rest, if anything.
    pub relaxed: Option<Relaxed>,
    /// When a `person:` filter names nobody: that error, with its suggestions (nothing is
    /// found, which is no failure of the search).
    pub nobody: Option<CompileError>,
    /// When the query asks for a result (`who won Iowa`, `wer gewann in Iowa`) and its first
    /// hit is the one race it names (by its state, or a person it is about): that race's id.
    pub answer: Option<String>,
}

impl Engine {
    /// Runs a query as the user means it: at most `limit` hits for every word, and when no
    /// document holds every word, what matches the rest of them ([`Engine::relax`]).
    pub fn find(&mut self, query: &Query, limit: usize) -> Result<Found, SearchError> {
        let (total, hits) = match self.search(query, limit) {
            Ok(found) => found,
            Err(SearchError::Compile(e @ CompileError::NoSuchPerson { .. })) => {
                return Ok(Found {
                    nobody: Some(e),
                    ..Found::default()
                });
            }
            Err(e) => return Err(e),
        };
        let relaxed = if total == 0 {
            self.relax(query, limit)?
        } else {
            None
        };
        let first = match &relaxed {
            Some(relaxed) => relaxed.hits.first(),
            None => hits.first(),
        };
        let answer = match first {
            Some(hit) => self.answer(query, hit)?,
            None => None,
        };
        Ok(Found {
            total,
            hits,
            relaxed,
            nobody: None,
            answer,
        })
    }

    /// The race a result question is answered with: `first`, when the query asks for a
    /// result and names it, by its state (of one race, or the special or regular election
    /// asked for) or by a person it is about.
    fn answer(&self, query: &Query, first: &Hit) -> Result<Option<String>, SearchError> {
        if first.kind != DocKind::Race.as_str() {
            return Ok(None);
        }
        let understood = understand_in(&self.opened, &query.groups).map_err(SearchError::Index)?;
        if !understood.question {
            return Ok(None);
        }
        let f = &self.opened.fields;
        let searcher = self.opened.reader.searcher();
        let index_err = |e: tantivy::TantivyError| SearchError::Index(e.to_string());
        let special = first.id.ends_with("-special");
        let code = first.id.split('-').next().unwrap_or_default();
        let races_of_state = searcher
            .doc_freq(&Term::from_field_text(f.state, code))
            .map_err(index_err)?;
        let by_state = understood.states.iter().any(|(_, c)| c == code)
            && match understood.special {
                Some(asked) => asked == special,
                None => races_of_state == 1,
            };
        let mut by_person = false;
        let term = |field, text: &str| -> Box<dyn tantivy::query::Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::Basic,
            ))
        };
        for (_, person) in &understood.people {
            let both = BooleanQuery::new(vec![
                (Occur::Must, term(f.id, &first.id)),
                (Occur::Must, term(f.lead, person)),
            ]);
            by_person |= searcher.search(&both, &Count).map_err(index_err)? > 0;
        }
        Ok((by_state || by_person).then(|| first.id.clone()))
    }

    /// What matches the rest of `query` when nothing matches all of it (see the module).
    /// `None` when the query matches something as it is, cannot be relaxed, or matches nothing
    /// however relaxed.
    pub fn relax(&mut self, query: &Query, limit: usize) -> Result<Option<Relaxed>, SearchError> {
        let groups = &query.groups;
        let understood = understand_in(&self.opened, groups).map_err(SearchError::Index)?;
        let mut words = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            if self.may_drop(group)? {
                words.push(g);
            }
        }
        if words.len() < 2 {
            return Ok(None);
        }
        let keeping = |kept: &[(usize, usize)]| Query {
            groups: (0..groups.len())
                .filter(|g| !words.contains(g) || kept.iter().any(|(k, _)| k == g))
                .map(|g| groups[g].clone())
                .collect(),
            excluded: query.excluded.clone(),
        };
        let all: Vec<(usize, usize)> = words.iter().map(|&g| (g, 0)).collect();
        if self.count_of(&keeping(&all))? != Some(0) {
            return Ok(None);
        }
        // Each word with how many documents it matches alone (with the filters and
        // exclusions); those that match none go at once.
        let mut kept = Vec::new();
        for &g in &words {
            let alone = self.count_of(&keeping(&[(g, 0)]))?.unwrap_or(0);
            if alone > 0 {
                kept.push((g, alone));
            }
        }
        let mut lookahead = LOOKAHEAD;
        // Whether what is kept matches (known when the look-ahead found it).
        let mut matches = false;
        while !matches {
            if kept.is_empty() {
                return Ok(None);
            }
            if self.count_of(&keeping(&kept))? > Some(0) {
                break;
            }
            // Words that name nothing first, the commonest first, the last typed of equals;
            // a word that names a state, a person or a party only when none of those is left,
            // and never the last such word.
            let names = |i: usize| understood.names_entity(kept[i].0);
            let naming = (0..kept.len()).filter(|&i| names(i)).count();
            let mut order: Vec<usize> = (0..kept.len())
                .filter(|&i| !names(i) || naming > 1)
                .collect();
            order.sort_by_key(|&i| (names(i), Reverse((kept[i].1, i))));
            let Some(&first) = order.first() else {
                return Ok(None);
            };
            let mut leave = first;
            // Of those, the first whose leaving out lets the others match. (With two words
            // left, each matches alone: either may go.)
            if kept.len() > 2 {
                for &i in &order {
                    if lookahead == 0 {
                        break;
                    }
                    lookahead -= 1;
                    let mut rest = kept.clone();
                    rest.remove(i);
                    if self.count_of(&keeping(&rest))? > Some(0) {
                        leave = i;
                        matches = true;
                        break;
                    }
                }
            }
            kept.remove(leave);
        }
        let (total, hits) = self.search(&keeping(&kept), limit)?;
        let mut without: Vec<String> = Vec::new();
        for &g in &words {
            let word = typed(&groups[g]);
            if !kept.iter().any(|(k, _)| *k == g) && !without.contains(&word) {
                without.push(word);
            }
        }
        Ok(Some(Relaxed {
            without,
            total,
            hits,
        }))
    }

    /// Whether a group may be left out: text that is not only stop words, no filter, and
    /// something to search for.
    fn may_drop(&mut self, group: &[Item]) -> Result<bool, SearchError> {
        let mut text = false;
        for item in group {
            match item {
                Item::Filter(_) => return Ok(false),
                Item::Atom(Atom::Word(word)) if self.analyzers.is_stop_word(word) => {}
                Item::Atom(_) => text = true,
            }
        }
        let alone = Query {
            groups: vec![group.to_vec()],
            excluded: Vec::new(),
        };
        Ok(text && self.count_of(&alone)?.is_some())
    }

    /// How many documents match; `None` when the query holds nothing to search for.
    fn count_of(&mut self, query: &Query) -> Result<Option<usize>, SearchError> {
        match self.count(query) {
            Ok(total) => Ok(Some(total)),
            Err(SearchError::Compile(CompileError::Nothing)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// A group as the user typed it (near enough: quotes, spacing and `OR` normalized).
fn typed(group: &[Item]) -> String {
    let alternatives: Vec<String> = group
        .iter()
        .map(|item| match item {
            Item::Atom(Atom::Word(word)) => word.clone(),
            Item::Atom(Atom::Phrase(phrase)) => format!("\"{phrase}\""),
            Item::Atom(Atom::Prefix(prefix)) => format!("{prefix}*"),
            Item::Filter(filter) => format!("{}:{}", filter.field.name(), filter.value),
        })
        .collect();
    alternatives.join(" OR ")
}
