//! A person's part in the election, the typed core of `person`: who answers to a name
//! ([`crate::kb::names`]), what they were (their [`Standing`], from the roles of the race files),
//! and every document they appear in with their roles and the units that name them
//! ([`crate::kb::mentions`]).
//!
//! Nothing here is text a person reads; `commands/person.rs` renders a [`Profile`] through
//! Fluent or as JSON.

use crate::kb::corpus::{Corpus, DocKind, Document, Person, Role};
use crate::kb::mentions::Mentions;
use crate::kb::names::{self, MatchKind};

/// What a person was in the 2014 elections, in one phrase: the most telling of their roles,
/// in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Held a seat up for election (also appointed to it, or not running again).
    Incumbent,
    /// Won a seat they did not hold.
    Elected,
    /// The governor who appointed a senator or called a special election.
    Governor,
    /// Held a seat before its incumbent.
    Former,
    /// Stood in a general election and lost.
    Candidate,
    /// Withdrew a candidacy.
    Withdrawn,
    /// Lost a primary.
    Primary,
    /// Only named, in races they took no part in.
    Mentioned,
}

impl Standing {
    /// The standing a role gives.
    pub fn of(role: Role) -> Standing {
        match role {
            Role::Incumbent | Role::Appointed | Role::Retiring => Standing::Incumbent,
            Role::Winner => Standing::Elected,
            Role::Governor => Standing::Governor,
            Role::Predecessor | Role::Resigned => Standing::Former,
            Role::Candidate => Standing::Candidate,
            Role::Withdrawn => Standing::Withdrawn,
            Role::Primary => Standing::Primary,
            Role::Mentioned => Standing::Mentioned,
        }
    }

    /// The Fluent selector value (`incumbent`).
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Incumbent => "incumbent",
            Standing::Elected => "elected",
            Standing::Governor => "governor",
            Standing::Former => "former",
            Standing::Candidate => "candidate",
            Standing::Withdrawn => "withdrawn",
            Standing::Primary => "primary",
            Standing::Mentioned => "mentioned",
        }
    }
}

/// One document a person appears in.
#[derive(Debug, Clone)]
pub struct Appearance<'a> {
    /// The race or the overview.
    pub doc: &'a Document,
    /// Their roles there, as the race file lists them.
    pub roles: &'a [Role],
    /// The units (1-based) that name them, in either language.
    pub units: Vec<usize>,
}

/// A person and every document they appear in, in article order.
#[derive(Debug, Clone)]
pub struct Profile<'a> {
    /// The person.
    pub person: &'a Person,
    /// How the query matched them.
    pub kind: MatchKind,
    /// What they were.
    pub standing: Standing,
    /// The race their standing comes from; `None` when they are only mentioned.
    pub standing_race: Option<&'a Document>,
    /// Whether the overview names them.
    pub in_overview: bool,
    /// How many races list them.
    pub races: usize,
    /// The documents, in article order.
    pub appearances: Vec<Appearance<'a>>,
}

impl<'a> Profile<'a> {
    /// The profile of one person.
    pub fn of(
        corpus: &'a Corpus,
        mentions: &Mentions,
        person: &'a Person,
        kind: MatchKind,
    ) -> Profile<'a> {
        let appearances: Vec<Appearance<'a>> = corpus
            .documents
            .iter()
            .filter_map(|doc| {
                let participant = doc.participant(&person.id)?;
                Some(Appearance {
                    doc,
                    roles: &participant.roles,
                    units: mentions.units_naming(&doc.id, &person.id),
                })
            })
            .collect();
        let (standing, standing_race) = appearances
            .iter()
            .flat_map(|a| a.roles.iter().map(move |r| (Standing::of(*r), a.doc)))
            .min_by_key(|(standing, _)| *standing)
            .map_or((Standing::Mentioned, None), |(s, doc)| {
                (s, (s != Standing::Mentioned).then_some(doc))
            });
        Profile {
            person,
            kind,
            standing,
            standing_race,
            in_overview: appearances
                .iter()
                .any(|a| a.doc.kind() == DocKind::Overview),
            races: appearances
                .iter()
                .filter(|a| a.doc.kind() == DocKind::Race)
                .count(),
            appearances,
        }
    }
}

/// Everyone who answers to `query`, best first (see [`names::resolve`]); empty when nobody
/// does.
pub fn lookup<'a>(corpus: &'a Corpus, mentions: &Mentions, query: &str) -> Vec<Profile<'a>> {
    names::resolve(&corpus.people, query)
        .into_iter()
        .map(|m| Profile::of(corpus, mentions, m.person, m.kind))
        .collect()
}
