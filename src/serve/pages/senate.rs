//! The Senate before and after the election: 100 seats in a hemicycle each, coloured by
//! party, the seats a party won from another striped (more than colour tells them). Drawn
//! from the numbers the race facts add up to ([`crate::kb::corpus::stats::Stats`]: the
//! seats before as the overview states them, after as the gains change them) as SVG
//! (`templates/senate.svg`), titled for a screen reader; the counts are also in the page.

use std::collections::BTreeMap;
use std::f64::consts::PI;

use askama::Template;

use crate::kb::corpus::Party;
use crate::kb::corpus::stats::Stats;
use crate::l10n::{Args, Localizer};

/// Rows of seats, from the inside out.
const ROWS: usize = 5;
/// The innermost and the outermost row's radius.
const INNER: f64 = 40.0;
const OUTER: f64 = 100.0;
/// A seat's radius.
const SEAT: f64 = 5.0;
/// The centre of the hemicycle, at the bottom of the picture.
const CX: f64 = 106.0;
const CY: f64 = 106.0;

/// One chamber: before or after the election.
#[derive(Template)]
#[template(path = "senate.svg")]
pub struct Chamber {
    /// `before` or `after`, for the element ids.
    pub id: &'static str,
    /// What it shows (its `<title>`): the seats by party.
    pub title: String,
    /// The seats, left to right.
    pub seats: Vec<Seat>,
    /// The parties whose gains are striped.
    pub patterns: Vec<&'static str>,
    /// The counts under the picture: `(class, text)`, in the picture's order.
    pub counts: Vec<(String, String)>,
    /// The caption (`Before the election`).
    pub caption: String,
}

/// One seat.
pub struct Seat {
    /// Its centre, to a tenth.
    pub x: String,
    /// See `x`.
    pub y: String,
    /// Its party.
    pub party: &'static str,
    /// Whether the party won it from another in this election.
    pub gain: bool,
}

impl Seat {
    /// The seat's radius.
    pub fn r(&self) -> f64 {
        SEAT
    }
}

/// Seats per row, in proportion to each row's length, adding up to `total` (largest
/// remainders first).
fn per_row(total: usize) -> Vec<usize> {
    let radii: Vec<f64> = (0..ROWS)
        .map(|i| INNER + (OUTER - INNER) * i as f64 / (ROWS - 1) as f64)
        .collect();
    let sum: f64 = radii.iter().sum();
    let exact: Vec<f64> = radii.iter().map(|r| total as f64 * r / sum).collect();
    let mut counts: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
    let mut order: Vec<usize> = (0..ROWS).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor())
            .total_cmp(&(exact[a] - exact[a].floor()))
            .then(b.cmp(&a))
    });
    let missing = total - counts.iter().sum::<usize>();
    for &row in order.iter().take(missing) {
        counts[row] += 1;
    }
    counts
}

/// The positions of `total` seats, left to right (by angle, then from the inside out), so
/// that each party's seats make one wedge.
fn positions(total: usize) -> Vec<(f64, f64)> {
    let mut seats: Vec<(f64, usize, f64, f64)> = Vec::with_capacity(total);
    for (row, n) in per_row(total).into_iter().enumerate() {
        let radius = INNER + (OUTER - INNER) * row as f64 / (ROWS - 1) as f64;
        for j in 0..n {
            let angle = if n > 1 {
                PI - PI * j as f64 / (n - 1) as f64
            } else {
                PI / 2.0
            };
            seats.push((
                angle,
                row,
                CX + radius * angle.cos(),
                CY - radius * angle.sin(),
            ));
        }
    }
    seats.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    seats.into_iter().map(|(_, _, x, y)| (x, y)).collect()
}

impl Chamber {
    /// The Senate with `seats` per party; `gains` of them won from another party. Parties
    /// in the order of [`Party::ALL`], Democrats on the left; a party's gains sit next to
    /// the party before it.
    fn new(
        id: &'static str,
        seats: &BTreeMap<Party, u32>,
        gains: &BTreeMap<Party, u32>,
        title_id: &str,
        caption_id: &str,
        l10n: &Localizer,
    ) -> Chamber {
        let mut parties: Vec<(&'static str, bool)> = Vec::new();
        for party in Party::ALL {
            let n = seats.get(&party).copied().unwrap_or(0);
            let gained = gains.get(&party).copied().unwrap_or(0).min(n);
            for i in 0..n {
                parties.push((party.code(), i < gained));
            }
        }
        let seats_drawn = positions(parties.len())
            .into_iter()
            .zip(parties)
            .map(|((x, y), (party, gain))| Seat {
                x: format!("{x:.1}"),
                y: format!("{y:.1}"),
                party,
                gain,
            })
            .collect();
        let mut patterns: Vec<&'static str> = gains
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(p, _)| p.code())
            .collect();
        patterns.dedup();
        let counts: Vec<(String, String)> = seats
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(p, n)| {
                let mut args = Args::new();
                args.set("party", p.code());
                args.set("count", *n);
                (format!("p-{}", p.code()), l10n.t_args("party-count", &args))
            })
            .collect();
        let mut args = Args::new();
        args.set(
            "list",
            counts
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        );
        Chamber {
            id,
            title: l10n.t_args(title_id, &args),
            seats: seats_drawn,
            patterns,
            counts,
            caption: l10n.t(caption_id),
        }
    }

    /// The Senate before and after the election.
    pub fn both(stats: &Stats, l10n: &Localizer) -> [Chamber; 2] {
        [
            Chamber::new(
                "before",
                &stats.seats_before,
                &BTreeMap::new(),
                "stats-before",
                "senate-before",
                l10n,
            ),
            Chamber::new(
                "after",
                &stats.seats_after,
                &stats.gains,
                "stats-after",
                "senate-after",
                l10n,
            ),
        ]
    }

    /// The SVG.
    pub fn svg(&self) -> String {
        self.render().expect("the chamber's template renders")
    }

    /// The picture's width and height.
    pub fn width(&self) -> f64 {
        2.0 * CX
    }
    /// See `width`.
    pub fn height(&self) -> f64 {
        CY + SEAT + 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::corpus::{Corpus, CorpusLocation, Outcome};
    use crate::l10n::Lang;

    #[test]
    fn rows_add_up_and_grow_outwards() {
        for total in [1, 7, 50, 100, 101] {
            let rows = per_row(total);
            assert_eq!(rows.iter().sum::<usize>(), total, "{total}");
            assert!(rows.windows(2).all(|w| w[0] <= w[1]), "{rows:?}");
        }
        let seats = positions(100);
        for (i, a) in seats.iter().enumerate() {
            for b in &seats[i + 1..] {
                let d = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
                assert!(d >= 2.0 * SEAT, "seats overlap: {a:?} {b:?}");
            }
        }
    }

    /// The seats as the SVG has them, counted by party and gain, against what the race facts
    /// and the overview say, counted here on their own.
    #[test]
    fn the_seats_are_the_overview_s_changed_by_the_races() {
        let corpus = Corpus::load(&CorpusLocation::Embedded).unwrap();
        let before = &corpus
            .overview()
            .unwrap()
            .election
            .as_ref()
            .unwrap()
            .seats_before
            .value;
        let mut after = before.clone();
        let mut gains: BTreeMap<Party, u32> = BTreeMap::new();
        for race in corpus.races() {
            let f = race.facts.as_ref().unwrap();
            if f.outcome.value == Outcome::Gain {
                let winner = corpus.person(&f.winner.value).unwrap().party;
                *after.entry(winner).or_default() += 1;
                *after.get_mut(&f.party_before.value).unwrap() -= 1;
                *gains.entry(winner).or_default() += 1;
            }
        }
        let l10n = Localizer::new(Lang::En);
        let [b, a] = Chamber::both(&Stats::compute(&corpus), &l10n);
        for (chamber, want, want_gains) in [(b, before, BTreeMap::new()), (a, &after, gains)] {
            let svg = chamber.svg();
            let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
            let title = doc
                .root_element()
                .children()
                .find(|n| n.has_tag_name("title"))
                .and_then(|n| n.text())
                .unwrap();
            let circles: Vec<_> = doc
                .descendants()
                .filter(|n| n.has_tag_name("circle"))
                .collect();
            assert_eq!(circles.len(), 100);
            for (party, n) in want {
                let of_party = |n: &&roxmltree::Node| {
                    n.attribute("class")
                        .unwrap_or("")
                        .split(' ')
                        .any(|c| c == format!("p-{}", party.code()))
                };
                assert_eq!(circles.iter().filter(of_party).count(), *n as usize);
                let striped = circles
                    .iter()
                    .filter(of_party)
                    .filter(|c| c.attribute("fill").is_some_and(|f| f.starts_with("url(#")))
                    .count();
                let gained = want_gains.get(party).copied().unwrap_or(0) as usize;
                assert_eq!(striped, gained, "{party:?}");
                assert!(title.contains(&n.to_string()), "{title}");
            }
        }
    }
}
