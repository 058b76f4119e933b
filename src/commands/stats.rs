//! `stats`: the election at a glance, computed from the race facts, and whether it agrees
//! with what the article states (the corpus check guarantees it does).

use std::collections::BTreeMap;
use std::io::Write;

use crate::cli::color::Painter;
use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::cli::output::wrap;
use crate::error::Error;
use crate::kb::corpus::stats::Stats;
use crate::kb::corpus::{Corpus, Party};
use crate::l10n::{Args, Localizer};
use crate::views::stats::StatsView;

/// "55 Democrats, 45 Republicans", largest first. Each entry is held together with no-break
/// spaces, which [`wrap`] honours and prints as spaces: a line never ends in a bare "45".
fn list(l10n: &Localizer, map: &BTreeMap<Party, u32>, message: &str) -> String {
    let mut entries: Vec<(&Party, &u32)> = map.iter().filter(|(_, n)| **n > 0).collect();
    entries.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    entries
        .into_iter()
        .map(|(p, n)| {
            let mut args = Args::new();
            args.set("party", p.code());
            args.set("count", *n);
            l10n.t_args(message, &args).replace(' ', "\u{a0}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The "Label: value" lines of the text answer, unwrapped: races, seats up for election,
/// the Senate before and after, gains.
fn summary_lines(stats: &Stats, l10n: &Localizer) -> Vec<String> {
    let mut args = Args::new();
    args.set("count", stats.races);
    args.set("special", stats.special);
    let mut lines = vec![l10n.t_args("stats-races", &args)];
    for (message, map) in [
        ("stats-defending", &stats.defending),
        ("stats-before", &stats.seats_before),
        ("stats-after", &stats.seats_after),
    ] {
        let mut args = Args::new();
        args.set("list", list(l10n, map, "party-count"));
        lines.push(l10n.t_args(message, &args));
    }
    if stats.gains.is_empty() {
        lines.push(l10n.t("stats-no-gains"));
    } else {
        let mut args = Args::new();
        args.set("list", list(l10n, &stats.gains, "party-gains"));
        lines.push(l10n.t_args("stats-gains", &args));
    }
    lines
}

/// The `stats` answer: what `stats --json` prints and `/api/stats` answers.
pub fn view(corpus: &Corpus) -> StatsView {
    let stated = corpus.overview().and_then(|o| o.election.as_ref());
    StatsView::new(&Stats::compute(corpus), stated.is_some())
}

/// Runs `stats`.
pub fn run(corpus: &Corpus, config: &Config, l10n: &Localizer) -> Result<Exit, Error> {
    let stats = Stats::compute(corpus);
    let stated = corpus.overview().and_then(|o| o.election.as_ref());
    let mut out = crate::cli::output::stdout();
    if config.json {
        crate::views::write_json(&mut out, &view(corpus))?;
        out.flush()?;
        return Ok(Exit::Success);
    }
    let painter = Painter::new(config.color);
    writeln!(out, "{}", painter.heading(&l10n.t("stats-title")))?;
    // Wrapped to the narratives' width and right margin (two columns short of the terminal);
    // a "Label: list" line that must wrap goes on indented.
    let width = crate::cli::color::width().saturating_sub(2);
    for line in summary_lines(&stats, l10n) {
        for part in wrap(&line, textwrap::Options::new(width).subsequent_indent("  ")) {
            writeln!(out, "{part}")?;
        }
    }
    if let Some(e) = stated {
        let get = |m: &BTreeMap<Party, u32>, p| m.get(&p).copied().unwrap_or(0);
        let mut args = Args::new();
        args.set("before_r", get(&e.seats_before.value, Party::R));
        args.set("after_r", get(&e.seats_after.value, Party::R));
        args.set("defending_d", get(&e.defending.value, Party::D));
        args.set("defending_r", get(&e.defending.value, Party::R));
        writeln!(out)?;
        for line in wrap(&l10n.t_args("stats-agrees", &args), width) {
            writeln!(out, "{}", painter.dim(&line))?;
        }
    }
    out.flush()?;
    Ok(Exit::Success)
}
