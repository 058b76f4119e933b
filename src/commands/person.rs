//! `person <NAME>...`: every race a politician appears in. For each person who answers to
//! the name (all of them, best first, never one picked silently): name, party and what they
//! were; then each document with their roles, the race's outcome and the sentences that name
//! them, in the output language or, with `--parallel`, in both. A name nobody has is exit 1
//! with "did you mean" suggestions.

use std::io::Write;

use serde::Serialize;

use crate::cli::color::Painter;
use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::cli::output::{Out, sanitize, wrap};
use crate::cli::table;
use crate::error::{Error, shorten};
use crate::kb::answer;
use crate::kb::corpus::{Corpus, Document, Role};
use crate::kb::mentions::Mentions;
use crate::kb::names::{self, MatchKind};
use crate::kb::profile::{self, Appearance, Profile};
use crate::l10n::{Args, Lang, Localizer};
use crate::views;

/// The indent of a document's heading under the person.
const RACE_INDENT: &str = "  ";
/// The indent of the outcome and the sentences under a document's heading.
const TEXT_INDENT: &str = "    ";
/// Before each sentence.
const BULLET: &str = "    • ";
/// Under the first line of a sentence.
const BULLET_HANG: &str = "      ";

/// The longest name looked up, in characters: no politician's name comes near it, and typo
/// matching of a 100 KB "name" would take seconds.
pub const MAX_NAME: usize = 200;

/// Runs `person`.
pub fn run(
    corpus: &Corpus,
    words: &[String],
    parallel: bool,
    config: &Config,
    l10n: &Localizer,
) -> Result<Exit, Error> {
    let query = words.join(" ");
    if query.chars().count() > MAX_NAME {
        return Err(Error::NameTooLong { max: MAX_NAME });
    }
    let mentions = Mentions::of(corpus);
    let profiles = profile::lookup(corpus, &mentions, &query);
    let mut out = crate::cli::output::stdout();
    if config.json {
        let people: Vec<PersonJson> = profiles
            .iter()
            .map(|p| person_json(corpus, p, l10n))
            .collect();
        let doc = PersonResult {
            query: &query,
            lang: l10n.lang().code(),
            people,
        };
        crate::cli::output::write_json(&mut out, &doc)?;
    } else {
        let renderer = Renderer {
            corpus,
            mentions: &mentions,
            painter: Painter::new(config.color),
            l10n,
            width: crate::cli::color::width(),
            parallel,
        };
        renderer.all(&mut out, &profiles, &query)?;
    }
    out.flush()?;
    if profiles.is_empty() {
        eprintln!("{}", nobody(corpus, &query, l10n));
        return Ok(Exit::NotFound);
    }
    Ok(Exit::Success)
}

/// "Nobody named …", with the closest names when there are any.
fn nobody(corpus: &Corpus, query: &str, l10n: &Localizer) -> String {
    let mut args = Args::new();
    args.set("name", sanitize(&shorten(query)));
    let close = names::suggestions(&corpus.people, query, 3);
    if close.is_empty() {
        l10n.t_args("search-no-person", &args)
    } else {
        let quoted: Vec<String> = close
            .iter()
            .map(|name| {
                let mut a = Args::new();
                a.set("text", name.clone());
                l10n.t_args("quoted", &a)
            })
            .collect();
        args.set("suggestions", quoted.join(", "));
        l10n.t_args("search-no-person-suggest", &args)
    }
}

/// The person's heading: name, party, what they were.
pub fn heading(corpus: &Corpus, p: &Profile, l10n: &Localizer) -> String {
    let mut args = Args::new();
    args.set("name", p.person.name.clone());
    args.set("party", p.person.party.code());
    args.set("gender", p.person.gender.as_str());
    args.set("description", description(corpus, p, l10n));
    l10n.t_args("person-heading", &args)
}

/// What they were, in a short phrase from the facts (`U.S. Senator from Colorado
/// (incumbent)`).
pub fn description(corpus: &Corpus, p: &Profile, l10n: &Localizer) -> String {
    let mut args = Args::new();
    args.set("standing", p.standing.as_str());
    args.set("gender", p.person.gender.as_str());
    let state = p
        .standing_race
        .and_then(|d| d.facts.as_ref())
        .map(|f| corpus.state_name(&f.state.value, l10n.lang()))
        .unwrap_or_default();
    args.set("state", state);
    args.set("overview", if p.in_overview { "yes" } else { "no" });
    args.set("races", p.races);
    l10n.t_args("person-description", &args)
}

/// A document's heading under the person: its title and their roles there.
fn race_heading(corpus: &Corpus, p: &Profile, a: &Appearance, l10n: &Localizer) -> String {
    let mut args = Args::new();
    args.set("title", answer::title(corpus, a.doc, l10n));
    args.set("roles", answer::roles(l10n, p.person, a.roles));
    l10n.t_args("person-race", &args)
}

/// The text of a unit in a language.
fn unit_text(doc: &Document, unit: usize, lang: Lang) -> &str {
    doc.unit(unit).map_or("", |u| match lang {
        Lang::De => u.de.as_str(),
        Lang::En => u.en.as_str(),
    })
}

/// Renders profiles as text: one buffered writer, the terminal's width, colour or none.
struct Renderer<'a> {
    corpus: &'a Corpus,
    mentions: &'a Mentions,
    painter: Painter,
    l10n: &'a Localizer,
    width: usize,
    parallel: bool,
}

impl Renderer<'_> {
    /// Every profile, after a line that says how many there are, or that the name was
    /// matched only as a misspelling.
    fn all(&self, out: &mut Out, profiles: &[Profile], query: &str) -> Result<(), Error> {
        let mut args = Args::new();
        args.set("count", profiles.len());
        args.set("query", sanitize(&shorten(query)));
        if profiles.is_empty() {
            return Ok(());
        }
        let note = if profiles.iter().all(|p| p.kind == MatchKind::Typo) {
            Some("person-closest")
        } else {
            (profiles.len() > 1).then_some("person-several")
        };
        if let Some(id) = note {
            for line in wrap(&self.l10n.t_args(id, &args), self.width) {
                writeln!(out, "{}", self.painter.dim(&line))?;
            }
            writeln!(out)?;
        }
        for (i, p) in profiles.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            self.profile(out, p)?;
        }
        Ok(())
    }

    /// One person: the heading, then every document they appear in.
    fn profile(&self, out: &mut Out, p: &Profile) -> Result<(), Error> {
        let (corpus, l10n) = (self.corpus, self.l10n);
        let options = textwrap::Options::new(self.width).subsequent_indent(RACE_INDENT);
        for line in wrap(&heading(corpus, p, l10n), options) {
            writeln!(out, "{}", self.painter.heading(&line))?;
        }
        for a in &p.appearances {
            writeln!(out)?;
            let options = textwrap::Options::new(self.width)
                .initial_indent(RACE_INDENT)
                .subsequent_indent(TEXT_INDENT);
            for line in wrap(&race_heading(corpus, p, a, l10n), options) {
                writeln!(out, "{}", self.painter.heading(&line))?;
            }
            if let Some(summary) = answer::summary(corpus, a.doc, l10n) {
                let options = textwrap::Options::new(self.width)
                    .initial_indent(TEXT_INDENT)
                    .subsequent_indent(TEXT_INDENT);
                for line in wrap(&summary, options) {
                    writeln!(out, "{}", self.painter.dim(&line))?;
                }
            }
            if self.parallel {
                self.parallel(out, a)?;
            } else {
                self.sentences(out, p, a)?;
            }
        }
        Ok(())
    }

    /// The sentences that name the person, one bullet each, their namings highlighted.
    fn sentences(&self, out: &mut Out, p: &Profile, a: &Appearance) -> Result<(), Error> {
        let lang = self.l10n.lang();
        for &unit in &a.units {
            let text = unit_text(a.doc, unit, lang);
            let spans = self.mentions.spans(&a.doc.id, unit, &p.person.id, lang);
            let options = textwrap::Options::new(self.width)
                .initial_indent(BULLET)
                .subsequent_indent(BULLET_HANG);
            let mut cursor = 0;
            for (n, line) in wrap(text, options).into_iter().enumerate() {
                let indent = if n == 0 { BULLET } else { BULLET_HANG };
                let body = line.strip_prefix(indent).unwrap_or(&line);
                // Where the line stands in the text, to paint the namings it holds.
                let Some(found) = text[cursor..].find(body) else {
                    writeln!(out, "{line}")?;
                    continue;
                };
                let (start, end) = (cursor + found, cursor + found + body.len());
                cursor = end;
                let painted = highlight(text, (start, end), &spans, &self.painter);
                writeln!(out, "{indent}{painted}")?;
            }
        }
        Ok(())
    }

    /// The sentences that name the person in German and English side by side, as `race
    /// --parallel` shows a whole race.
    fn parallel(&self, out: &mut Out, a: &Appearance) -> Result<(), Error> {
        let column = self.width.saturating_sub(TEXT_INDENT.len() + 3) / 2;
        let head = [self.l10n.t("language-de"), self.l10n.t("language-en")];
        writeln!(
            out,
            "{TEXT_INDENT}{} │ {}",
            self.painter.dim(&table::pad(&head[0], column)),
            self.painter.dim(&head[1])
        )?;
        for (i, &unit) in a.units.iter().enumerate() {
            if i > 0 {
                writeln!(out, "{TEXT_INDENT}{} │", " ".repeat(column))?;
            }
            let de = wrap(unit_text(a.doc, unit, Lang::De), column);
            let en = wrap(unit_text(a.doc, unit, Lang::En), column);
            for row in 0..de.len().max(en.len()) {
                let left = de.get(row).map_or("", String::as_str);
                let right = en.get(row).map_or("", String::as_str);
                let line = format!("{TEXT_INDENT}{} │ {right}", table::pad(left, column));
                writeln!(out, "{}", line.trim_end())?;
            }
        }
        Ok(())
    }
}

/// `text[start..end]` with the parts inside `spans` highlighted.
fn highlight(
    text: &str,
    (start, end): (usize, usize),
    spans: &[(usize, usize)],
    painter: &Painter,
) -> String {
    let mut painted = String::new();
    let mut at = start;
    for &(a, b) in spans {
        let (a, b) = (a.max(at), b.min(end));
        if a >= b {
            continue;
        }
        painted.push_str(&text[at..a]);
        painted.push_str(&painter.highlight(&text[a..b]));
        at = b;
    }
    painted.push_str(&text[at..end]);
    painted
}

/// The contract's `person` document.
#[derive(Debug, Serialize)]
struct PersonResult<'a> {
    /// What was typed, words joined by spaces.
    query: &'a str,
    /// The output language.
    lang: &'static str,
    /// Everyone who answers to the query, best first; empty when nobody does.
    people: Vec<PersonJson>,
}

/// One person with every document they appear in.
#[derive(Debug, Serialize)]
struct PersonJson {
    /// Person id.
    id: String,
    /// Display name.
    name: String,
    /// Party code.
    party: &'static str,
    /// The party noun in the output language (`Democrat`, `Demokratin`).
    party_name: String,
    /// `male` or `female`.
    gender: &'static str,
    /// What they were (`incumbent`, `elected`, …, `mentioned`).
    standing: &'static str,
    /// The same in a phrase, in the output language.
    description: String,
    /// How the query matched them: `full`, `words`, `first_name`, `other_name`, `typo`.
    #[serde(rename = "match")]
    kind: &'static str,
    /// The documents they appear in, in article order.
    races: Vec<AppearanceJson>,
}

/// One document a person appears in.
#[derive(Debug, Serialize)]
struct AppearanceJson {
    /// Race id, or `overview`.
    id: String,
    /// `race` or `overview`.
    kind: &'static str,
    /// The title in the output language.
    title: String,
    /// Their roles.
    roles: Vec<&'static str>,
    /// Their roles in the output language.
    roles_text: String,
    /// `gain` or `hold` (`null` for the overview).
    outcome: Option<&'static str>,
    /// The winner (`null` for the overview).
    winner: Option<views::race::PersonRef>,
    /// The race's one-line answer in the output language (`null` for the overview).
    summary: Option<String>,
    /// The units that name them, in both languages.
    sentences: Vec<SentenceJson>,
}

/// A unit that names the person.
#[derive(Debug, Serialize)]
struct SentenceJson {
    /// The unit's number in its document, from 1.
    unit: usize,
    /// Its paragraph, from 1.
    paragraph: u32,
    /// German.
    de: String,
    /// English.
    en: String,
}

fn person_json(corpus: &Corpus, p: &Profile, l10n: &Localizer) -> PersonJson {
    PersonJson {
        id: p.person.id.clone(),
        name: p.person.name.clone(),
        party: p.person.party.code(),
        party_name: answer::party_noun(l10n, p.person),
        gender: p.person.gender.as_str(),
        standing: p.standing.as_str(),
        description: description(corpus, p, l10n),
        kind: p.kind.as_str(),
        races: p
            .appearances
            .iter()
            .map(|a| appearance_json(corpus, p, a, l10n))
            .collect(),
    }
}

fn appearance_json(
    corpus: &Corpus,
    p: &Profile,
    a: &Appearance,
    l10n: &Localizer,
) -> AppearanceJson {
    let facts = a.doc.facts.as_ref();
    AppearanceJson {
        id: a.doc.id.clone(),
        kind: a.doc.kind().as_str(),
        title: answer::title(corpus, a.doc, l10n),
        roles: a.roles.iter().map(|r: &Role| r.as_str()).collect(),
        roles_text: answer::roles(l10n, p.person, a.roles),
        outcome: facts.map(|f| f.outcome.value.as_str()),
        winner: facts.and_then(|f| corpus.person(&f.winner.value)).map(|w| {
            views::race::PersonRef {
                id: w.id.clone(),
                name: w.name.clone(),
                party: w.party.code(),
            }
        }),
        summary: answer::summary(corpus, a.doc, l10n),
        sentences: a
            .units
            .iter()
            .filter_map(|&n| {
                let unit = a.doc.unit(n)?;
                Some(SentenceJson {
                    unit: n,
                    paragraph: unit.paragraph,
                    de: unit.de.clone(),
                    en: unit.en.clone(),
                })
            })
            .collect(),
    }
}
