//! `/person/{id}` and `/people?q=…`: a person's part in the election as `person` answers it,
//! from the same view ([`crate::views::person::view`]): their party and what they were, then
//! every race they appear in with their roles, its outcome and the sentences that name them
//! (their name marked, the other language beneath). `/person/{id}` is one person by id (the
//! race pages link there); `/people?q=` is everyone who answers to a name, best first, with
//! the closest names when nobody does, and a form to ask.

use askama::Template;

use super::chrome::{Chrome, Section, href, segment};
use super::marks::{self, Piece};
use crate::commands;
use crate::kb::names::MatchKind;
use crate::kb::profile::Profile;
use crate::l10n::{Args, Lang, Localizer};
use crate::serve::error::ApiError;
use crate::serve::state::Ready;
use crate::views::person::{AppearanceJson, PersonJson, view};

/// A person on the page.
pub struct PersonBlock {
    /// Their page.
    pub href: String,
    /// Their name.
    pub name: String,
    /// Their party and what they were (`Democrat, U.S. Senator from Colorado (incumbent)`).
    pub about: String,
    /// The races (and the overview) they appear in.
    pub races: Vec<RaceBlock>,
}

/// A race under a person.
pub struct RaceBlock {
    /// Its page.
    pub href: String,
    /// Its title.
    pub title: String,
    /// Their roles there.
    pub roles: String,
    /// The race's one-line answer (`None` for the overview).
    pub summary: Option<String>,
    /// The sentences that name them.
    pub sentences: Vec<SentenceLine>,
}

/// A sentence that names the person.
pub struct SentenceLine {
    /// In the page's language, the name marked.
    pub own: Vec<Piece>,
    /// In the other language, the name marked.
    pub other: Vec<Piece>,
}

/// The page of one person, or of everyone who answers to a name.
#[derive(Template)]
#[template(path = "person.html")]
pub struct PersonPage<'a> {
    /// The frame.
    pub chrome: Chrome<'a>,
    /// The people.
    pub people: Vec<PersonBlock>,
    /// The heading level of a person's races (2 on a person's page, 3 under a lookup).
    pub level: u8,
    /// The lookup form's value, when the page is a lookup.
    pub lookup: Option<String>,
    /// What the lookup found, in words (several people, nobody).
    pub note: Option<String>,
    /// The closest names when nobody answers: `(href, name)`.
    pub suggestions: Vec<(String, String)>,
    /// The other language's code.
    pub other_lang: &'static str,
    /// The other language's name.
    pub other_label: String,
}

/// Renders `/person/{id}`.
pub fn render_one(ready: &Ready, l10n: &Localizer, id: &str) -> Result<String, ApiError> {
    let corpus = &ready.corpus;
    let person = corpus.person(id).ok_or(ApiError::NotFound)?;
    let profile = Profile::of(corpus, &ready.mentions, person, MatchKind::Full);
    let path = format!("/person/{}", segment(&person.id));
    let chrome = Chrome::new(l10n, person.name.clone(), Section::People, &path, &[]);
    let mut page = page(chrome, l10n, 2);
    page.people = blocks(ready, &person.name, &[profile], l10n);
    Ok(page.render().expect("the person page renders"))
}

/// Renders `/people?q=…`.
pub fn render_lookup(ready: &Ready, l10n: &Localizer, query: &str) -> Result<String, ApiError> {
    let corpus = &ready.corpus;
    let chrome = Chrome::new(
        l10n,
        l10n.t("page-people-title"),
        Section::People,
        "/people",
        &[("q", query)],
    );
    let mut page = page(chrome, l10n, 3);
    page.lookup = Some(query.to_string());
    if query.trim().is_empty() {
        return Ok(page.render().expect("the people page renders"));
    }
    let profiles = commands::person::lookup(corpus, &ready.mentions, query)?;
    let lang = l10n.lang();
    if profiles.is_empty() {
        page.note = Some(commands::person::nobody(corpus, query, l10n));
        page.suggestions = crate::kb::names::suggestions(&corpus.people, query, 3)
            .into_iter()
            .map(|name| (href("/people", &[("q", &name)], lang), name))
            .collect();
    } else if profiles.len() > 1 {
        let mut args = Args::new();
        args.set("count", profiles.len());
        args.set("query", crate::text::safe::sanitize(query));
        page.note = Some(l10n.t_args("person-several", &args));
    }
    page.people = blocks(ready, query, &profiles, l10n);
    Ok(page.render().expect("the people page renders"))
}

fn page<'a>(chrome: Chrome<'a>, l10n: &Localizer, level: u8) -> PersonPage<'a> {
    let other = other(l10n.lang());
    let mut args = Args::new();
    args.set("lang", other.code());
    PersonPage {
        chrome,
        people: Vec::new(),
        level,
        lookup: None,
        note: None,
        suggestions: Vec::new(),
        other_lang: other.code(),
        other_label: l10n.t_args("search-other-language", &args),
    }
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::De => Lang::En,
        Lang::En => Lang::De,
    }
}

/// The people of the `person` view, with their sentences marked where they are named.
fn blocks(ready: &Ready, query: &str, profiles: &[Profile], l10n: &Localizer) -> Vec<PersonBlock> {
    let lang = l10n.lang();
    view(&ready.corpus, query, profiles, l10n)
        .people
        .iter()
        .map(|person: &PersonJson| PersonBlock {
            href: href(&format!("/person/{}", segment(&person.id)), &[], lang),
            name: person.name.clone(),
            about: format!("{}, {}", person.party_name, person.description),
            races: person
                .races
                .iter()
                .map(|race| race_block(ready, &person.id, race, lang))
                .collect(),
        })
        .collect()
}

fn race_block(ready: &Ready, person: &str, race: &AppearanceJson, lang: Lang) -> RaceBlock {
    let marked = |unit: usize, text: &str, l: Lang| {
        marks::by_bytes(text, &ready.mentions.spans(&race.id, unit, person, l))
    };
    let pick = |de: &str, en: &str, l: Lang| match l {
        Lang::De => de.to_string(),
        Lang::En => en.to_string(),
    };
    RaceBlock {
        href: href(&format!("/race/{}", segment(&race.id)), &[], lang),
        title: race.title.clone(),
        roles: race.roles_text.clone(),
        summary: race.summary.clone(),
        sentences: race
            .sentences
            .iter()
            .map(|s| SentenceLine {
                own: marked(s.unit, &pick(&s.de, &s.en, lang), lang),
                other: marked(s.unit, &pick(&s.de, &s.en, other(lang)), other(lang)),
            })
            .collect(),
    }
}
