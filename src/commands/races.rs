//! `races`: the races as an aligned table, filtered by outcome, winner's party and special
//! elections.

use std::io::Write;

use crate::cli::args::{OutcomeArg, PartyArg};
use crate::cli::color::Painter;
use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::error::Error;
use crate::kb::answer;
use crate::kb::corpus::{Corpus, Document, Outcome, Party};
use crate::l10n::{Args, Localizer};
use crate::views;

/// Which races to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    /// Only this outcome.
    pub outcome: Option<Outcome>,
    /// Only races this party's candidate won.
    pub party: Option<Party>,
    /// Only special elections.
    pub special: bool,
}

impl Filter {
    /// The filter the flags ask for.
    pub fn from_args(
        outcome: Option<OutcomeArg>,
        party: Option<PartyArg>,
        special: bool,
    ) -> Filter {
        Filter {
            outcome: outcome.map(|o| match o {
                OutcomeArg::Gain => Outcome::Gain,
                OutcomeArg::Hold => Outcome::Hold,
            }),
            party: party.map(|p| match p {
                PartyArg::D => Party::D,
                PartyArg::R => Party::R,
                PartyArg::I => Party::I,
                PartyArg::L => Party::L,
            }),
            special,
        }
    }

    /// Whether a race passes.
    pub fn accepts(&self, corpus: &Corpus, doc: &Document) -> bool {
        let Some(facts) = &doc.facts else {
            return false;
        };
        let winner_party = corpus.person(&facts.winner.value).map(|p| p.party);
        self.outcome.is_none_or(|o| facts.outcome.value == o)
            && self.party.is_none_or(|p| winner_party == Some(p))
            && (!self.special || facts.special.value)
    }
}

/// Runs `races`: exit 1 with a message when no race passes the filters.
pub fn run(
    corpus: &Corpus,
    filter: Filter,
    config: &Config,
    l10n: &Localizer,
) -> Result<Exit, Error> {
    let races: Vec<&Document> = corpus
        .races()
        .filter(|d| filter.accepts(corpus, d))
        .collect();
    let mut out = crate::cli::output::stdout();
    if config.json {
        let list: Vec<views::race::RaceJson> = races
            .iter()
            .map(|d| views::race::race(corpus, d, l10n, false, false))
            .collect();
        let doc = serde_json::json!({"lang": l10n.lang().code(), "races": list});
        crate::cli::output::write_json(&mut out, &doc)?;
        out.flush()?;
        return Ok(if races.is_empty() {
            Exit::NotFound
        } else {
            Exit::Success
        });
    }
    if races.is_empty() {
        eprintln!("{}", l10n.t("races-none"));
        return Ok(Exit::NotFound);
    }
    let painter = Painter::new(config.color);
    let mut rows = vec![
        [
            "col-state",
            "col-winner",
            "col-party",
            "col-outcome",
            "col-share",
        ]
        .map(|id| l10n.t(id))
        .to_vec(),
    ];
    let mut parties = vec![None];
    for doc in &races {
        let (Some(facts), Some(winner)) = (
            &doc.facts,
            doc.facts
                .as_ref()
                .and_then(|f| corpus.person(&f.winner.value)),
        ) else {
            continue;
        };
        let mut args = Args::new();
        args.set("outcome", facts.outcome.value.as_str());
        rows.push(vec![
            answer::title(corpus, doc, l10n),
            winner.name.clone(),
            answer::party_noun(l10n, winner),
            l10n.t_args("outcome-short", &args),
            answer::share_phrase(l10n, facts, true),
        ]);
        parties.push(Some(winner.party));
    }
    let lines = crate::cli::table::layout(&rows, |r, c, text| match (r, c, parties[r]) {
        (0, _, _) => painter.heading(text),
        (_, 2, Some(p)) => painter.party(p, text),
        _ => text.to_string(),
    });
    for line in lines {
        writeln!(out, "{line}")?;
    }
    let mut args = Args::new();
    args.set("count", races.len());
    writeln!(out, "\n{}", painter.dim(&l10n.t_args("races-count", &args)))?;
    out.flush()?;
    Ok(Exit::Success)
}
