//! `races`: the races as an aligned table, filtered by outcome, winner's party and special
//! elections.

use std::io::Write;

use crate::cli::args::{OutcomeArg, PartyArg};
use crate::cli::color::Painter;
use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::error::Error;
use crate::kb::answer;
use crate::kb::corpus::{Corpus, Outcome, Party};
use crate::l10n::{Args, Localizer};
use crate::views::race::{Filter, RacesView};

/// The filter the flags ask for.
pub fn filter(outcome: Option<OutcomeArg>, party: Option<PartyArg>, special: bool) -> Filter {
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

/// Runs `races`: exit 1 with a message when no race passes the filters.
pub fn run(
    corpus: &Corpus,
    filter: Filter,
    config: &Config,
    l10n: &Localizer,
) -> Result<Exit, Error> {
    let races = filter.races(corpus);
    let mut out = crate::cli::output::stdout();
    if config.json {
        crate::views::write_json(&mut out, &RacesView::new(corpus, &races, l10n))?;
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
