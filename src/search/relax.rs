//! When no document matches every word of a query: the documents that match most of it, and
//! which words they leave out (`who replaced Max Baucus`: the article never says "replaced";
//! without it, Montana).
//!
//! Every word must match, as the contract says, and the answer to the query as typed stays
//! "nothing" (the `search` command exits 1). This is what it offers instead, as Meilisearch's
//! matching strategies and a web search's "Missing: …" do. Words go one at a time until
//! something matches:
//!
//! 1. first every word that matches nothing even alone (with the query's filters and
//!    exclusions): no document can hold it;
//! 2. then the commonest word (Meilisearch's `frequency` strategy: it says least about what is
//!    wanted), the last typed among equally common ones (its `last` strategy).
//!
//! Filters, exclusions and stop words are never dropped: a filter is a constraint the user
//! spelled out, and a stop word constrains nothing. A query with fewer than two words that may
//! go is not relaxed.

use super::query::{Atom, Item, Query};
use super::{CompileError, Engine, Hit, SearchError};

/// What matches most of a query that nothing matches in full.
#[derive(Debug, Clone)]
pub struct Relaxed {
    /// The words left out, as typed (`"a phrase"`, `plag*`, `a OR b`), in query order.
    pub without: Vec<String>,
    /// How many documents match the rest.
    pub total: usize,
    /// The best of them.
    pub hits: Vec<Hit>,
}

impl Engine {
    /// What matches the most of `query`, when nothing matches all of it (see the module).
    /// `None` when the query matches something as it is, cannot be relaxed, or matches nothing
    /// however relaxed.
    pub fn relax(&mut self, query: &Query, limit: usize) -> Result<Option<Relaxed>, SearchError> {
        let droppable: Vec<usize> = (0..query.groups.len())
            .filter(|&g| self.may_drop(&query.groups[g]))
            .collect();
        if droppable.len() < 2 {
            return Ok(None);
        }
        let keeping = |kept: &[usize]| Query {
            groups: (0..query.groups.len())
                .filter(|g| !droppable.contains(g) || kept.contains(g))
                .map(|g| query.groups[g].clone())
                .collect(),
            excluded: query.excluded.clone(),
        };
        if self.count(&keeping(&droppable))? != Some(0) {
            return Ok(None);
        }
        // How common each word is, alone with the query's filters and exclusions.
        let mut counts = Vec::with_capacity(droppable.len());
        for &g in &droppable {
            counts.push(self.count(&keeping(&[g]))?.unwrap_or(0));
        }
        let mut kept: Vec<usize> = droppable
            .iter()
            .zip(&counts)
            .filter(|&(_, &n)| n > 0)
            .map(|(&g, _)| g)
            .collect();
        let common = |g: usize| counts[droppable.iter().position(|&d| d == g).unwrap_or(0)];
        while !kept.is_empty() {
            let (total, hits) = self.search(&keeping(&kept), limit)?;
            if total > 0 {
                let without = droppable
                    .iter()
                    .filter(|g| !kept.contains(g))
                    .map(|&g| typed(&query.groups[g]))
                    .collect();
                return Ok(Some(Relaxed {
                    without,
                    total,
                    hits,
                }));
            }
            // The commonest; of equals, the last typed (`max_by_key` keeps the last maximum).
            let Some(at) = (0..kept.len()).max_by_key(|&i| common(kept[i])) else {
                break;
            };
            kept.remove(at);
        }
        Ok(None)
    }

    /// Whether a group is text that constrains: words, phrases or prefixes, not only stop
    /// words, no filter.
    fn may_drop(&mut self, group: &[Item]) -> bool {
        let mut text = false;
        for item in group {
            match item {
                Item::Filter(_) => return false,
                Item::Atom(Atom::Word(word)) if self.analyzers.is_stop_word(word) => {}
                Item::Atom(_) => text = true,
            }
        }
        text
    }

    /// How many documents match; `None` when the query holds nothing to search for.
    fn count(&mut self, query: &Query) -> Result<Option<usize>, SearchError> {
        match self.search(query, 1) {
            Ok((total, _)) => Ok(Some(total)),
            Err(SearchError::Compile(CompileError::Nothing)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// A group as the user typed it (near enough: quotes and spacing normalized).
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
