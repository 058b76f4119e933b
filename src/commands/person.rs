//! `person <NAME>...`: every race a politician appears in. For each person who answers to
//! the name (all of them, best first, never one picked silently): name, party and what they
//! were; then each document with their roles, the race's outcome and the sentences that name
//! them, in the output language or, with `--parallel`, in both. A name nobody has is exit 1
//! with "did you mean" suggestions.

use std::io::Write;

use crate::cli::color::Painter;
use crate::cli::config::Config;
use crate::cli::exit::Exit;
use crate::cli::output::{Out, wrap};
use crate::cli::table;
use crate::error::Error;
use crate::kb::answer;
use crate::kb::corpus::{Corpus, Document};
use crate::kb::mentions::Mentions;
use crate::kb::names::{self, MatchKind};
use crate::kb::profile::{self, Appearance, Profile};
use crate::l10n::{Args, Lang, Localizer};
use crate::text::safe::sanitize;
use crate::text::safe::shorten;
use crate::views::person::{self, heading};

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

/// Everyone who answers to a name, best first (empty when nobody does); a name longer than
/// [`MAX_NAME`] is an error. What `person` and `/api/people` look up.
pub fn lookup<'c>(
    corpus: &'c Corpus,
    mentions: &Mentions,
    query: &str,
) -> Result<Vec<Profile<'c>>, Error> {
    check_length(query)?;
    Ok(profile::lookup(corpus, mentions, query))
}

/// A name no longer than [`MAX_NAME`], checked before anything is derived for it.
fn check_length(query: &str) -> Result<(), Error> {
    if query.chars().count() > MAX_NAME {
        return Err(Error::NameTooLong { max: MAX_NAME });
    }
    Ok(())
}

/// Runs `person`.
pub fn run(
    corpus: &Corpus,
    words: &[String],
    parallel: bool,
    config: &Config,
    l10n: &Localizer,
) -> Result<Exit, Error> {
    let query = words.join(" ");
    check_length(&query)?;
    let mentions = Mentions::of(corpus);
    let profiles = lookup(corpus, &mentions, &query)?;
    let mut out = crate::cli::output::stdout();
    if config.json {
        crate::views::write_json(&mut out, &person::view(corpus, &query, &profiles, l10n))?;
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

/// "Nobody named …", with the closest names when there are any (the people page says it
/// too).
pub fn nobody(corpus: &Corpus, query: &str, l10n: &Localizer) -> String {
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
