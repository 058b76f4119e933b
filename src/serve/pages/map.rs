//! The map of the election: one equal tile per state in the newsroom tile-grid layout
//! ([`GRID`]), each race coloured by its winner's party, a seat that changed party striped
//! and outlined (more than colour tells it), a special election marked with a circle in the
//! corner, and each race a link to its page with its one-line answer as its title. States
//! without a race in 2014 are grey. Drawn from the race facts as SVG (`templates/map.svg`),
//! with a title and a description for a screen reader, and a legend ([`Legend`]) in the page.

use askama::Template;

use super::chrome::{href, segment};
use crate::kb::answer;
use crate::kb::corpus::{Corpus, Document, Outcome, Party};
use crate::l10n::{Args, Localizer};

/// The tile-grid layout of the 50 states (column, row), as newsrooms draw it: Alaska and
/// Maine in the corners, Hawaii and Texas at the bottom.
pub const GRID: [(&str, u32, u32); 50] = [
    ("AK", 0, 0),
    ("ME", 10, 0),
    ("WI", 5, 1),
    ("VT", 9, 1),
    ("NH", 10, 1),
    ("WA", 0, 2),
    ("ID", 1, 2),
    ("MT", 2, 2),
    ("ND", 3, 2),
    ("MN", 4, 2),
    ("IL", 5, 2),
    ("MI", 6, 2),
    ("NY", 8, 2),
    ("MA", 9, 2),
    ("OR", 0, 3),
    ("NV", 1, 3),
    ("WY", 2, 3),
    ("SD", 3, 3),
    ("IA", 4, 3),
    ("IN", 5, 3),
    ("OH", 6, 3),
    ("PA", 7, 3),
    ("NJ", 8, 3),
    ("CT", 9, 3),
    ("RI", 10, 3),
    ("CA", 0, 4),
    ("UT", 1, 4),
    ("CO", 2, 4),
    ("NE", 3, 4),
    ("MO", 4, 4),
    ("KY", 5, 4),
    ("WV", 6, 4),
    ("VA", 7, 4),
    ("MD", 8, 4),
    ("DE", 9, 4),
    ("AZ", 1, 5),
    ("NM", 2, 5),
    ("KS", 3, 5),
    ("AR", 4, 5),
    ("TN", 5, 5),
    ("NC", 6, 5),
    ("SC", 7, 5),
    ("OK", 3, 6),
    ("LA", 4, 6),
    ("MS", 5, 6),
    ("AL", 6, 6),
    ("GA", 7, 6),
    ("HI", 0, 7),
    ("TX", 3, 7),
    ("FL", 8, 7),
];

/// A tile's side, in SVG units.
const TILE: u32 = 44;
/// From one tile to the next.
const STEP: u32 = 48;
/// The special election's circle: its radius and its centre's distance from the corner.
const BADGE_R: u32 = 7;
const BADGE_INSET: u32 = 9;
/// Room around the tiles for a gain's outline.
const MARGIN: u32 = 3;

/// The map, ready for its template.
#[derive(Template)]
#[template(path = "map.svg")]
pub struct Map {
    /// The picture's width and height.
    pub width: u32,
    /// See `width`.
    pub height: u32,
    /// What the map is (its `<title>`).
    pub title: String,
    /// What it shows, in numbers (its `<desc>`).
    pub desc: String,
    /// The parties whose gains are striped (a pattern each).
    pub patterns: Vec<&'static str>,
    /// The states.
    pub tiles: Vec<Tile>,
}

/// One state.
pub struct Tile {
    /// Postal code, the tile's label.
    pub code: &'static str,
    /// Its top-left corner.
    pub x: u32,
    /// See `x`.
    pub y: u32,
    /// The race the tile stands for: the regular one, or the special election of a state
    /// that held only that. `None`: no race in 2014.
    pub race: Option<RaceMark>,
    /// A special election beside a regular one, drawn as the circle in the corner, a link
    /// of its own.
    pub badge: Option<RaceMark>,
    /// Whether the tile's own race is a special election (its circle is then part of it).
    pub special: bool,
    /// The title of a tile without a race.
    pub title: String,
}

/// One race on the map.
pub struct RaceMark {
    /// Its page.
    pub href: String,
    /// The winner's party code.
    pub party: &'static str,
    /// Whether the seat changed party.
    pub gain: bool,
    /// Its one-line answer, the link's title.
    pub title: String,
}

impl RaceMark {
    /// Its classes: `p-R`, and `gain` when the seat changed party.
    pub fn class(&self) -> String {
        format!("p-{}{}", self.party, if self.gain { " gain" } else { "" })
    }
}

impl Tile {
    /// Where the label goes: the middle, or lower when a circle is in the corner.
    pub fn label_x(&self) -> u32 {
        self.x + TILE / 2
    }
    /// See `label_x`.
    pub fn label_y(&self) -> u32 {
        if self.special || self.badge.is_some() {
            self.y + TILE - 13
        } else {
            self.y + TILE / 2 + 1
        }
    }
    /// The circle's centre.
    pub fn badge_x(&self) -> u32 {
        self.x + TILE - BADGE_INSET
    }
    /// See `badge_x`.
    pub fn badge_y(&self) -> u32 {
        self.y + BADGE_INSET
    }
    /// The tile's side.
    pub fn size(&self) -> u32 {
        TILE
    }
    /// The circle's radius.
    pub fn badge_r(&self) -> u32 {
        BADGE_R
    }
}

/// The legend under the map: the parties that won a race, a gain, a special election, no
/// race.
pub struct Legend {
    /// `(class, text)` of each party that won a race.
    pub parties: Vec<(String, String)>,
    /// The party class whose stripes show a gain.
    pub gain_class: String,
}

/// The class of a race's party and outcome: `p-R gain`.
fn class(corpus: &Corpus, doc: &Document) -> Option<(Party, bool)> {
    let facts = doc.facts.as_ref()?;
    let winner = corpus.person(&facts.winner.value)?;
    Some((winner.party, facts.outcome.value == Outcome::Gain))
}

fn mark(corpus: &Corpus, doc: &Document, l10n: &Localizer) -> Option<RaceMark> {
    let (party, gain) = class(corpus, doc)?;
    Some(RaceMark {
        href: href(&format!("/race/{}", segment(&doc.id)), &[], l10n.lang()),
        party: party.code(),
        gain,
        title: answer::summary(corpus, doc, l10n).unwrap_or_default(),
    })
}

impl Map {
    /// The map of the corpus's races, in the localizer's language.
    pub fn of(corpus: &Corpus, l10n: &Localizer) -> Map {
        let mut patterns: Vec<&'static str> = Vec::new();
        let tiles = GRID
            .iter()
            .map(|&(code, col, row)| {
                let races: Vec<&Document> = corpus
                    .races()
                    .filter(|d| d.facts.as_ref().is_some_and(|f| f.state.value == code))
                    .collect();
                for doc in &races {
                    if let Some((party, true)) = class(corpus, doc)
                        && !patterns.contains(&party.code())
                    {
                        patterns.push(party.code());
                    }
                }
                let special = |d: &Document| d.facts.as_ref().is_some_and(|f| f.special.value);
                let regular = races.iter().find(|d| !special(d));
                let extra = races.iter().find(|d| special(d));
                let (race, badge, is_special) = match (regular, extra) {
                    (Some(r), s) => (Some(*r), s.copied(), false),
                    (None, Some(s)) => (Some(*s), None, true),
                    (None, None) => (None, None, false),
                };
                let mut args = Args::new();
                args.set("state", state_name(corpus, code, l10n));
                Tile {
                    code,
                    x: MARGIN + col * STEP,
                    y: MARGIN + row * STEP,
                    race: race.and_then(|d| mark(corpus, d, l10n)),
                    badge: badge.and_then(|d| mark(corpus, d, l10n)),
                    special: is_special,
                    title: l10n.t_args("map-no-race", &args),
                }
            })
            .collect();
        Map {
            width: 11 * STEP - (STEP - TILE) + 2 * MARGIN,
            height: 8 * STEP - (STEP - TILE) + 2 * MARGIN,
            title: l10n.t("map-title"),
            desc: description(corpus, l10n),
            patterns,
            tiles,
        }
    }

    /// The SVG.
    pub fn svg(&self) -> String {
        self.render().expect("the map's template renders")
    }

    /// The legend for this map.
    pub fn legend(&self, l10n: &Localizer) -> Legend {
        let mut parties: Vec<Party> = Vec::new();
        for tile in &self.tiles {
            for race in tile.race.iter().chain(&tile.badge) {
                if let Some(p) = Party::ALL.into_iter().find(|p| p.code() == race.party)
                    && !parties.contains(&p)
                {
                    parties.push(p);
                }
            }
        }
        parties.sort();
        Legend {
            parties: parties
                .into_iter()
                .map(|p| {
                    let mut args = Args::new();
                    args.set("party", p.code());
                    (format!("p-{}", p.code()), l10n.t_args("map-won-by", &args))
                })
                .collect(),
            gain_class: self
                .patterns
                .first()
                .map(|p| format!("p-{p}"))
                .unwrap_or_default(),
        }
    }
}

/// A state's name: the corpus's for the states with a race, else Fluent's.
fn state_name(corpus: &Corpus, code: &str, l10n: &Localizer) -> String {
    if corpus.state(code).is_some() {
        return corpus.state_name(code, l10n.lang());
    }
    let mut args = Args::new();
    args.set("code", code);
    l10n.t_args("map-state", &args)
}

/// The map in numbers: races won by each party, seats gained, special elections.
fn description(corpus: &Corpus, l10n: &Localizer) -> String {
    let stats = crate::kb::corpus::stats::Stats::compute(corpus);
    let mut won: Vec<(Party, u32)> = Vec::new();
    for doc in corpus.races() {
        if let Some((party, _)) = class(corpus, doc) {
            match won.iter_mut().find(|(p, _)| *p == party) {
                Some((_, n)) => *n += 1,
                None => won.push((party, 1)),
            }
        }
    }
    won.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let list = |items: Vec<(Party, u32)>| {
        items
            .into_iter()
            .map(|(p, n)| {
                let mut args = Args::new();
                args.set("party", p.code());
                args.set("count", n);
                l10n.t_args("map-party-races", &args)
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut args = Args::new();
    args.set("races", stats.races);
    args.set("won", list(won));
    args.set("gains", stats.gains.values().sum::<u32>());
    args.set("special", stats.special);
    l10n.t_args("map-desc", &args)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::kb::corpus::CorpusLocation;
    use crate::l10n::Lang;

    fn corpus() -> Corpus {
        Corpus::load(&CorpusLocation::Embedded).expect("the shipped corpus loads")
    }

    #[test]
    fn the_grid_has_every_state_once_on_distinct_squares() {
        let codes: BTreeSet<&str> = GRID.iter().map(|(c, _, _)| *c).collect();
        assert_eq!(codes.len(), 50);
        let squares: BTreeSet<(u32, u32)> = GRID.iter().map(|(_, x, y)| (*x, *y)).collect();
        assert_eq!(squares.len(), 50);
        assert!(GRID.iter().all(|(_, x, y)| *x < 11 && *y < 8));
        // Every state of the corpus has a tile.
        for state in &corpus().states {
            assert!(codes.contains(state.code.as_str()), "{}", state.code);
        }
    }

    /// Every race a link with a title, its colour its winner's party, gains striped, special
    /// elections marked, the other states grey: read from the SVG as XML and checked
    /// against the race facts.
    #[test]
    fn every_race_is_a_tile_coloured_by_its_winner() {
        let corpus = corpus();
        for lang in Lang::ALL {
            let l10n = Localizer::new(lang);
            let svg = Map::of(&corpus, &l10n).svg();
            let doc = roxmltree::Document::parse(&svg).expect("the map is well-formed XML");
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            let title = root
                .children()
                .find(|n| n.has_tag_name("title"))
                .and_then(|n| n.text())
                .unwrap_or("");
            assert!(!title.is_empty(), "the map has a title");
            let links: Vec<roxmltree::Node> =
                root.descendants().filter(|n| n.has_tag_name("a")).collect();
            assert_eq!(links.len(), corpus.races().count(), "one link per race");
            for race in corpus.races() {
                let facts = race.facts.as_ref().unwrap();
                let winner = corpus.person(&facts.winner.value).unwrap();
                let want = format!("/race/{}?lang={}", race.id, lang.code());
                let link = links
                    .iter()
                    .find(|a| a.attribute("href") == Some(want.as_str()))
                    .unwrap_or_else(|| panic!("no link to {want}"));
                let classes: Vec<&str> = link.attribute("class").unwrap_or("").split(' ').collect();
                assert!(
                    classes.contains(&format!("p-{}", winner.party.code()).as_str()),
                    "{}: {classes:?}",
                    race.id
                );
                let gain = facts.outcome.value == Outcome::Gain;
                assert_eq!(classes.contains(&"gain"), gain, "{}", race.id);
                let shape = link
                    .children()
                    .find(|n| n.has_tag_name("rect") || n.has_tag_name("circle"))
                    .unwrap();
                if gain {
                    let fill = shape.attribute("fill").unwrap_or("");
                    assert_eq!(fill, format!("url(#map-gain-{})", winner.party.code()));
                    let pattern = root
                        .descendants()
                        .find(|n| n.attribute("id") == Some(&fill[5..fill.len() - 1]));
                    assert!(pattern.is_some_and(|p| p.has_tag_name("pattern")));
                }
                let title = link
                    .children()
                    .find(|n| n.has_tag_name("title"))
                    .and_then(|n| n.text())
                    .unwrap_or("");
                assert!(title.contains(&winner.name), "{}: {title}", race.id);
                let state = corpus.state_name(&facts.state.value, lang);
                assert!(title.contains(&state), "{}: {title}", race.id);
                // A special election shows a circle, in its link or in the tile it is.
                if facts.special.value {
                    let tile = link.parent().unwrap();
                    assert!(
                        tile.descendants().any(|n| n.has_tag_name("circle")),
                        "{}",
                        race.id
                    );
                }
            }
            let with_race: BTreeSet<&str> = corpus
                .races()
                .map(|d| d.facts.as_ref().unwrap().state.value.as_str())
                .collect();
            let neutral: Vec<roxmltree::Node> = root
                .descendants()
                .filter(|n| n.attribute("class") == Some("tile none"))
                .collect();
            assert_eq!(neutral.len(), 50 - with_race.len());
            for tile in neutral {
                let label = tile.descendants().find(|n| n.has_tag_name("text"));
                let code = label.and_then(|n| n.text()).unwrap_or("");
                assert!(!with_race.contains(code), "{code} is grey but had a race");
                let title = tile.children().find(|n| n.has_tag_name("title"));
                assert!(title.and_then(|n| n.text()).is_some_and(|t| !t.is_empty()));
            }
        }
    }

    #[test]
    fn the_description_counts_what_the_facts_say() {
        let corpus = corpus();
        let l10n = Localizer::new(Lang::En);
        let desc = description(&corpus, &l10n);
        let r_wins = corpus
            .races()
            .filter(|d| {
                let f = d.facts.as_ref().unwrap();
                corpus.person(&f.winner.value).unwrap().party == Party::R
            })
            .count();
        let gains = corpus
            .races()
            .filter(|d| d.facts.as_ref().unwrap().outcome.value == Outcome::Gain)
            .count();
        assert!(
            desc.contains(&format!("{r_wins} Republican wins")),
            "{desc}"
        );
        assert!(desc.contains(&format!("{gains} seats changed")), "{desc}");
    }
}
