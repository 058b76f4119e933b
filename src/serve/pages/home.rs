//! `/`: the search box (with the focus), the election in one sentence, and the two
//! pictures: the map of the races ([`super::map`]) and the Senate before and after
//! ([`super::senate`]), each with its legend and a link to the same facts as a table.

use askama::Template;

use super::chrome::{Chrome, Section, href};
use super::map::{Legend, Map};
use super::senate::Chamber;
use crate::kb::corpus::Party;
use crate::kb::corpus::stats::Stats;
use crate::l10n::{Args, Localizer};
use crate::serve::state::Ready;

/// The home page.
#[derive(Template)]
#[template(path = "home.html")]
pub struct Home<'a> {
    /// The frame.
    pub chrome: Chrome<'a>,
    /// The election in one sentence, from the numbers the race facts add up to.
    pub summary: String,
    /// The map's SVG.
    pub map: String,
    /// What the map's colours and marks mean.
    pub legend: Legend,
    /// The Senate before and after.
    pub chambers: [Chamber; 2],
    /// The races as a table.
    pub races_href: String,
}

/// Renders the home page.
pub fn render(ready: &Ready, l10n: &Localizer) -> String {
    let corpus = &ready.corpus;
    let stats = Stats::compute(corpus);
    let map = Map::of(corpus, l10n);
    let mut chrome = Chrome::new(l10n, l10n.t("stats-title"), Section::Search, "/", &[]);
    chrome.search.autofocus = true;
    let page = Home {
        summary: summary(&stats, l10n),
        legend: map.legend(l10n),
        map: map.svg(),
        chambers: Chamber::both(&stats, l10n),
        races_href: href("/races", &[], l10n.lang()),
        chrome,
    };
    page.render().expect("the home page renders")
}

/// The election in one sentence: how many seats were up, how many of them special
/// elections, who gained how many, and the Senate after.
fn summary(stats: &Stats, l10n: &Localizer) -> String {
    let seats =
        |map: &std::collections::BTreeMap<Party, u32>, party| map.get(&party).copied().unwrap_or(0);
    let mut args = Args::new();
    args.set("races", stats.races);
    args.set("special", stats.special);
    args.set("gains_r", seats(&stats.gains, Party::R));
    args.set("gains_d", seats(&stats.gains, Party::D));
    args.set("after_r", seats(&stats.seats_after, Party::R));
    args.set("after_d", seats(&stats.seats_after, Party::D));
    l10n.t_args("home-summary", &args)
}
