//! `race <RACE>`: one race, as a one-line answer, a table of facts, the people with their
//! roles and the narrative in the output language (or both, side by side, with `--parallel`).

use std::io::Write;

use crate::cli::color::Painter;
use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::cli::output::{Out, wrap};
use crate::cli::table;
use crate::error::Error;
use crate::kb::answer;
use crate::kb::corpus::{Corpus, Document, RaceFacts, fidelity};
use crate::kb::resolve::{self, RaceLookup};
use crate::l10n::{Args, Lang, Localizer};
use crate::views;

/// Finds the race the words name; an unknown or ambiguous name is an error that lists the
/// candidates.
pub fn find<'a>(
    corpus: &'a Corpus,
    words: &[String],
    l10n: &Localizer,
) -> Result<&'a Document, Error> {
    let query = words.join(" ");
    let choices = |docs: Vec<&Document>| -> Vec<String> {
        docs.iter()
            .map(|d| {
                let mut args = Args::new();
                args.set("id", d.id.clone());
                args.set("title", answer::title(corpus, d, l10n));
                l10n.t_args("race-choice", &args)
            })
            .collect()
    };
    match resolve::race(corpus, &query) {
        RaceLookup::Found(doc) => Ok(doc),
        RaceLookup::Ambiguous(docs) => Err(Error::AmbiguousRace {
            query,
            choices: choices(docs),
        }),
        RaceLookup::Unknown(docs) => Err(Error::UnknownRace {
            query,
            suggestions: choices(docs),
        }),
    }
}

/// The `race` answer for what was typed, with its narrative: what `race --json` prints and
/// `/api/races/{id}` answers.
pub fn view(
    corpus: &Corpus,
    words: &[String],
    l10n: &Localizer,
) -> Result<views::race::RaceJson, Error> {
    let doc = find(corpus, words, l10n)?;
    Ok(views::race::race(corpus, doc, l10n, true, false))
}

/// Runs `race`.
pub fn run(
    corpus: &Corpus,
    words: &[String],
    parallel: bool,
    config: &Config,
    l10n: &Localizer,
) -> Result<Exit, Error> {
    let mut out = crate::cli::output::stdout();
    if config.json {
        crate::views::write_json(&mut out, &view(corpus, words, l10n)?)?;
    } else {
        let doc = find(corpus, words, l10n)?;
        let painter = Painter::new(config.color);
        render(&mut out, corpus, doc, parallel, &painter, l10n)?;
    }
    out.flush()?;
    Ok(Exit::Success)
}

/// The facts as label/value rows: the text answer's table and the race page's.
pub fn fact_rows(corpus: &Corpus, facts: &RaceFacts, l10n: &Localizer) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let state = corpus.state_name(&facts.state.value, l10n.lang());
    rows.push(vec![
        l10n.t("label-state"),
        format!("{state} ({})", facts.state.value),
    ]);
    let mut args = Args::new();
    args.set("special", if facts.special.value { "yes" } else { "no" });
    rows.push(vec![
        l10n.t("label-election"),
        l10n.t_args("election-kind", &args),
    ]);
    if let Some(winner) = corpus.person(&facts.winner.value) {
        let mut args = Args::new();
        args.set("gender", winner.gender.as_str());
        rows.push(vec![
            l10n.t_args("label-winner", &args),
            format!("{} ({})", winner.name, answer::party_noun(l10n, winner)),
        ]);
        let mut args = Args::new();
        args.set("party", facts.party_before.value.code());
        rows.push(vec![
            l10n.t("label-party-before"),
            l10n.t_args("party-before-value", &args),
        ]);
        rows.push(vec![
            l10n.t("label-outcome"),
            answer::outcome_value(l10n, facts, winner),
        ]);
    }
    let label = if facts.margin.is_some() {
        "label-margin"
    } else {
        "label-vote-share"
    };
    rows.push(vec![l10n.t(label), answer::share_fact(l10n, facts)]);
    let mut args = Args::new();
    args.set("percent", facts.official.percent);
    rows.push(vec![
        l10n.t("label-official"),
        l10n.t_args("official-value", &args),
    ]);
    rows
}

/// The text rendering of a race.
pub fn render(
    out: &mut Out,
    corpus: &Corpus,
    doc: &Document,
    parallel: bool,
    painter: &Painter,
    l10n: &Localizer,
) -> Result<(), Error> {
    writeln!(
        out,
        "{}",
        painter.heading(&answer::title(corpus, doc, l10n))
    )?;
    if let Some(summary) = answer::summary(corpus, doc, l10n) {
        writeln!(out, "{summary}")?;
    }
    if let Some(facts) = &doc.facts {
        writeln!(out)?;
        for line in table::layout(&fact_rows(corpus, facts, l10n), |_, c, t| {
            if c == 0 {
                painter.dim(t)
            } else {
                t.to_string()
            }
        }) {
            writeln!(out, "  {line}")?;
        }
    }
    if !doc.people.is_empty() {
        writeln!(out, "\n{}", painter.heading(&l10n.t("heading-people")))?;
        for p in &doc.people {
            let Some(person) = corpus.person(&p.person) else {
                continue;
            };
            let mut args = Args::new();
            args.set("name", person.name.clone());
            args.set("party", person.party.code());
            args.set("gender", person.gender.as_str());
            args.set("roles", answer::roles(l10n, person, &p.roles));
            writeln!(out, "  {}", l10n.t_args("person-line", &args))?;
        }
    }
    writeln!(out, "\n{}", painter.heading(&l10n.t("heading-text")))?;
    let width = crate::cli::color::width();
    if parallel {
        render_parallel(out, doc, width, painter, l10n)?;
    } else {
        render_narrative(out, doc, l10n.lang(), width)?;
    }
    Ok(())
}

/// Paragraphs in one language, wrapped and indented.
fn render_narrative(out: &mut Out, doc: &Document, lang: Lang, width: usize) -> Result<(), Error> {
    let mut first = true;
    for (start, _) in fidelity::paragraphs(doc) {
        let paragraph = doc.units[start - 1].paragraph;
        let text: Vec<&str> = doc
            .units
            .iter()
            .filter(|u| u.paragraph == paragraph)
            .map(|u| {
                if lang == Lang::De {
                    u.de.as_str()
                } else {
                    u.en.as_str()
                }
            })
            .collect();
        if !first {
            writeln!(out)?;
        }
        first = false;
        let options = textwrap::Options::new(width.saturating_sub(2))
            .initial_indent("  ")
            .subsequent_indent("  ");
        for line in wrap(&text.join(" "), options) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// German and English side by side, unit by unit, like a bilingual concordance.
fn render_parallel(
    out: &mut Out,
    doc: &Document,
    width: usize,
    painter: &Painter,
    l10n: &Localizer,
) -> Result<(), Error> {
    let column = (width.saturating_sub(5)) / 2;
    let head = [l10n.t("language-de"), l10n.t("language-en")];
    writeln!(
        out,
        "  {} │ {}",
        painter.dim(&table::pad(&head[0], column)),
        painter.dim(&head[1])
    )?;
    for (i, unit) in doc.units.iter().enumerate() {
        if i > 0 {
            let sep = if unit.paragraph != doc.units[i - 1].paragraph {
                "┼"
            } else {
                "│"
            };
            writeln!(out, "  {} {sep}", " ".repeat(column))?;
        }
        let de = wrap(&unit.de, column);
        let en = wrap(&unit.en, column);
        for row in 0..de.len().max(en.len()) {
            let left = de.get(row).map(|c| c.as_ref()).unwrap_or("");
            let right = en.get(row).map(|c| c.as_ref()).unwrap_or("");
            // A unit whose English is shorter leaves its right cell empty: no trailing space.
            let line = format!("  {} │ {right}", table::pad(left, column));
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    Ok(())
}
