//! The answer to `person`: everyone who answers to a name, best first, each with what they
//! were and every document they appear in, with their roles, the race's outcome and the
//! sentences that name them (the contract's `person` JSON).

use serde::Serialize;

use crate::kb::answer;
use crate::kb::corpus::{Corpus, Role};
use crate::kb::profile::{Appearance, Profile};
use crate::l10n::{Args, Localizer};
use crate::views::race::PersonRef;

/// The `person` document for the profiles that answer to `query`.
pub fn view<'a>(
    corpus: &Corpus,
    query: &'a str,
    profiles: &[Profile],
    l10n: &Localizer,
) -> PersonResult<'a> {
    PersonResult {
        query,
        lang: l10n.lang().code(),
        people: profiles
            .iter()
            .map(|p| person_json(corpus, p, l10n))
            .collect(),
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

/// The contract's `person` document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PersonResult<'a> {
    /// What was typed, words joined by spaces.
    pub query: &'a str,
    /// The output language.
    pub lang: &'static str,
    /// Everyone who answers to the query, best first; empty when nobody does.
    pub people: Vec<PersonJson>,
}

/// One person with every document they appear in.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PersonJson {
    /// Person id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Party code.
    pub party: &'static str,
    /// The party noun in the output language (`Democrat`, `Demokratin`).
    pub party_name: String,
    /// `male` or `female`.
    pub gender: &'static str,
    /// What they were (`incumbent`, `elected`, …, `mentioned`).
    pub standing: &'static str,
    /// The same in a phrase, in the output language.
    pub description: String,
    /// How the query matched them: `full`, `words`, `first_name`, `other_name`, `typo`.
    #[serde(rename = "match")]
    pub kind: &'static str,
    /// The documents they appear in, in article order.
    pub races: Vec<AppearanceJson>,
}

/// One document a person appears in.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AppearanceJson {
    /// Race id, or `overview`.
    pub id: String,
    /// `race` or `overview`.
    pub kind: &'static str,
    /// The title in the output language.
    pub title: String,
    /// Their roles.
    pub roles: Vec<&'static str>,
    /// Their roles in the output language.
    pub roles_text: String,
    /// `gain` or `hold` (`null` for the overview).
    pub outcome: Option<&'static str>,
    /// The winner (`null` for the overview).
    pub winner: Option<PersonRef>,
    /// The race's one-line answer in the output language (`null` for the overview).
    pub summary: Option<String>,
    /// The units that name them, in both languages.
    pub sentences: Vec<SentenceJson>,
}

/// A unit that names the person.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SentenceJson {
    /// The unit's number in its document, from 1.
    pub unit: usize,
    /// Its paragraph, from 1.
    pub paragraph: u32,
    /// German.
    pub de: String,
    /// English.
    pub en: String,
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
        winner: facts
            .and_then(|f| corpus.person(&f.winner.value))
            .map(|w| PersonRef {
                id: w.id.clone(),
                name: w.name.clone(),
                party: w.party.code(),
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
