//! The election at a glance, computed from the race facts: races, special elections, seats
//! each party defended, gains, and the Senate's seats before and after.

use std::collections::BTreeMap;

use super::{Corpus, Outcome, Party};

/// Numbers about the whole election.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Races held.
    pub races: u32,
    /// Special elections among them.
    pub special: u32,
    /// Seats up for election that each party held before.
    pub defending: BTreeMap<Party, u32>,
    /// Seats each party won from another party.
    pub gains: BTreeMap<Party, u32>,
    /// Senate seats per party before the election (as the overview states them).
    pub seats_before: BTreeMap<Party, u32>,
    /// Senate seats per party after the election: before, plus gains, minus losses.
    pub seats_after: BTreeMap<Party, u32>,
}

impl Stats {
    /// Adds up the race facts.
    pub fn compute(corpus: &Corpus) -> Stats {
        let mut stats = Stats {
            races: 0,
            special: 0,
            defending: BTreeMap::new(),
            gains: BTreeMap::new(),
            seats_before: corpus
                .overview()
                .and_then(|o| o.election.as_ref())
                .map(|e| e.seats_before.value.clone())
                .unwrap_or_default(),
            seats_after: BTreeMap::new(),
        };
        let mut delta: BTreeMap<Party, i64> = BTreeMap::new();
        for race in corpus.races() {
            let Some(facts) = &race.facts else { continue };
            stats.races += 1;
            stats.special += u32::from(facts.special.value);
            *stats.defending.entry(facts.party_before.value).or_default() += 1;
            let Some(winner) = corpus.person(&facts.winner.value) else {
                continue;
            };
            if facts.outcome.value == Outcome::Gain && winner.party != facts.party_before.value {
                *stats.gains.entry(winner.party).or_default() += 1;
                *delta.entry(winner.party).or_default() += 1;
                *delta.entry(facts.party_before.value).or_default() -= 1;
            }
        }
        for party in Party::ALL {
            let before = i64::from(stats.seats_before.get(&party).copied().unwrap_or(0));
            let after = before + delta.get(&party).copied().unwrap_or(0);
            if after > 0 {
                stats.seats_after.insert(party, after as u32);
            }
        }
        stats
    }
}
