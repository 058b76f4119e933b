//! The answers about races, as the contract's JSON shapes have them (`race`, `races`,
//! `export`), built from the corpus, and which races a `races` filter lets through.
//! Keys are English and stable; display strings inside follow the output language.

use serde::Serialize;

use crate::kb::answer;
use crate::kb::corpus::{Corpus, Document, Outcome, Party, Person, Qualifier, Role};
use crate::l10n::Localizer;

/// A person as a race shows them.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PersonRef {
    /// Person id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Party code.
    pub party: &'static str,
}

impl PersonRef {
    fn of(p: &Person) -> PersonRef {
        PersonRef {
            id: p.id.clone(),
            name: p.name.clone(),
            party: p.party.code(),
        }
    }
}

/// A participant of a race, with roles.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ParticipantJson {
    /// Person id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Party code.
    pub party: &'static str,
    /// Roles in this race.
    pub roles: Vec<&'static str>,
}

/// A number with how the article qualifies it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ShareJson {
    /// The percentage.
    pub percent: f64,
    /// `exact`, `more_than`, `almost`, `just_over`, `less_than`.
    pub qualifier: &'static str,
}

/// A lead in percentage points.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MarginJson {
    /// The points.
    pub points: f64,
    /// How the article qualifies them.
    pub qualifier: &'static str,
}

/// One sentence unit in both languages.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TextJson {
    /// German.
    pub de: String,
    /// English.
    pub en: String,
    /// Paragraph number, from 1.
    pub paragraph: u32,
}

/// The `race` shape (and, with `kind`, one line of `export`).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RaceJson {
    /// Document id.
    pub id: String,
    /// `race` or `overview` (in `export`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// The title in the output language.
    pub title: String,
    /// The one-line answer in the output language (`null` for the overview).
    pub summary: Option<String>,
    /// Postal code.
    pub state: Option<String>,
    /// State name in the output language.
    pub state_name: Option<String>,
    /// Whether it was a special election.
    pub special: bool,
    /// The winner.
    pub winner: Option<PersonRef>,
    /// Party that held the seat before.
    pub party_before: Option<&'static str>,
    /// `gain` or `hold`.
    pub outcome: Option<&'static str>,
    /// The winner's share as the article states it.
    pub vote_share: Option<ShareJson>,
    /// The winner's lead, where the article gives one instead.
    pub margin: Option<MarginJson>,
    /// Everyone the text names, with roles.
    pub people: Vec<ParticipantJson>,
    /// The narrative, unit by unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Vec<TextJson>>,
}

fn qualifier(q: Qualifier) -> &'static str {
    q.as_str()
}

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
    /// The races that pass, in article order.
    pub fn races<'c>(&self, corpus: &'c Corpus) -> Vec<&'c Document> {
        corpus.races().filter(|d| self.accepts(corpus, d)).collect()
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

/// The `races` document: the races that passed a filter, without their text.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RacesView {
    /// The output language.
    pub lang: &'static str,
    /// The races, in article order, each a [`RaceJson`] with its keys in alphabetical order:
    /// the order `races` has always written them in (`race` writes them in field order).
    #[schema(value_type = Vec<RaceJson>)]
    pub races: Vec<serde_json::Value>,
}

impl RacesView {
    /// The view of `races` in the output language.
    pub fn new(corpus: &Corpus, races: &[&Document], l10n: &Localizer) -> RacesView {
        RacesView {
            lang: l10n.lang().code(),
            races: races
                .iter()
                .map(|d| serde_json::to_value(race(corpus, d, l10n, false, false)))
                .collect::<Result<_, _>>()
                .expect("a race is plain JSON"),
        }
    }
}

/// Builds the `race` shape of a document; `with_text` adds the narrative, `with_kind` the
/// export's `kind` key.
pub fn race(
    corpus: &Corpus,
    doc: &Document,
    l10n: &Localizer,
    with_text: bool,
    with_kind: bool,
) -> RaceJson {
    let facts = doc.facts.as_ref();
    let people = doc
        .people
        .iter()
        .filter_map(|p| {
            let person = corpus.person(&p.person)?;
            Some(ParticipantJson {
                id: person.id.clone(),
                name: person.name.clone(),
                party: person.party.code(),
                roles: p.roles.iter().map(|r: &Role| r.as_str()).collect(),
            })
        })
        .collect();
    RaceJson {
        id: doc.id.clone(),
        kind: with_kind.then(|| doc.kind().as_str()),
        title: answer::title(corpus, doc, l10n),
        summary: answer::summary(corpus, doc, l10n),
        state: facts.map(|f| f.state.value.clone()),
        state_name: facts.map(|f| corpus.state_name(&f.state.value, l10n.lang())),
        special: facts.is_some_and(|f| f.special.value),
        winner: facts
            .and_then(|f| corpus.person(&f.winner.value))
            .map(PersonRef::of),
        party_before: facts.map(|f| f.party_before.value.code()),
        outcome: facts.map(|f| f.outcome.value.as_str()),
        vote_share: facts
            .and_then(|f| f.vote_share.as_ref())
            .map(|s| ShareJson {
                percent: s.percent,
                qualifier: qualifier(s.qualifier),
            }),
        margin: facts.and_then(|f| f.margin.as_ref()).map(|m| MarginJson {
            points: m.points,
            qualifier: qualifier(m.qualifier),
        }),
        people,
        text: with_text.then(|| {
            doc.units
                .iter()
                .map(|u| TextJson {
                    de: u.de.clone(),
                    en: u.en.clone(),
                    paragraph: u.paragraph,
                })
                .collect()
        }),
    }
}
