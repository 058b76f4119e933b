//! The answer to `stats`: the election at a glance, as the contract's `stats` JSON has it,
//! parties by their codes. Fields in alphabetical order, the order the JSON has always had.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::kb::corpus::Party;
use crate::kb::corpus::stats::Stats;

/// The `stats` document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StatsView {
    /// Whether the overview states the election's numbers (the corpus check holds the race
    /// facts to them, so they agree whenever it does).
    pub article_agrees: bool,
    /// Seats up for election that each party held before.
    pub defending: BTreeMap<&'static str, u32>,
    /// Seats each party won from another party.
    pub gains: BTreeMap<&'static str, u32>,
    /// Races held.
    pub races: u32,
    /// Senate seats per party after the election.
    pub seats_after: BTreeMap<&'static str, u32>,
    /// Senate seats per party before the election.
    pub seats_before: BTreeMap<&'static str, u32>,
    /// Special elections among the races.
    pub special: u32,
}

impl StatsView {
    /// The view of the numbers; `article_agrees` as the overview tells.
    pub fn new(stats: &Stats, article_agrees: bool) -> StatsView {
        StatsView {
            article_agrees,
            defending: codes(&stats.defending),
            gains: codes(&stats.gains),
            races: stats.races,
            seats_after: codes(&stats.seats_after),
            seats_before: codes(&stats.seats_before),
            special: stats.special,
        }
    }
}

/// Counts by party code (`"D": 55`).
fn codes(map: &BTreeMap<Party, u32>) -> BTreeMap<&'static str, u32> {
    map.iter().map(|(p, n)| (p.code(), *n)).collect()
}
